"""The worklist: one work item per open sickness case (domein §3 "Signal", §4).

For an open case, a reference date *p* (the peildatum) and the dates on which the
portfolio recorded the tracked milestones as done, the work item says what to do next:

* **te laat** — a tracked milestone (probleemanalyse, plan van aanpak, 42e-weeksmelding,
  eerstejaarsevaluatie, WIA-aanvraag) whose date lies before *p* and that was not done on
  or before *p*. The item names the earliest such milestone; ``days_left`` is negative.
* otherwise the **signal** of [`next_milestone`][reintegratie_core.poortwachter.next_milestone]: the
  earliest milestone on or after *p* that is not already done — **binnenkort** when it
  falls within the horizon (default 14 days), else **gepland**;
* **geen mijlpaal** when none is left (the case is past the start of the WIA).

Plus the weeks of wage continuation left ([`remaining_weeks`][reintegratie_core.poortwachter.remaining_weeks])
and whether the case falls under the product's module at all
([`reintegratie_core.products.eligible`][reintegratie_core.products.consequences.eligible]: first sick day on or after the module's start
date, domain §4).

A done date counts only when it lies on or before *p*: the worklist is what was known on
the peildatum. The probleemanalyse's date also sets the plan van aanpak's deadline
(probleemanalyse + 14 days, Regeling procesgang art. 4 lid 1).

[`work_item`][reintegratie_core.worklist.work_item] is the fast path (values only) for portfolios of millions of cases;
[`explain_work_item`][reintegratie_core.worklist.explain_work_item] gives the same item with its grounds. Both are pure: the
reference date is always a parameter.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import attrs

from reintegratie_core.errors import InvalidValueError
from reintegratie_core.explain import Citation, Explained, Ground
from reintegratie_core.poortwachter import (
    Milestone,
    check_sanction_weeks,
    explain_milestone,
    milestone_date,
    next_milestone,
    ongoing_offset,
    remaining_weeks,
    timeline,
)
from reintegratie_core.products import Product, eligible
from reintegratie_core.sickness import SicknessCase
from reintegratie_core.statutory import PLAN_VAN_AANPAK_DAYS, SIGNAL_HORIZON_DAYS

#: The milestones a portfolio records as done; only these can be *te laat*.
TRACKED_MILESTONES: tuple[Milestone, ...] = (
    Milestone.PROBLEEMANALYSE,
    Milestone.PLAN_VAN_AANPAK,
    Milestone.ZIEKMELDING_UWV,
    Milestone.EERSTEJAARSEVALUATIE,
    Milestone.WIA_AANVRAAG,
)

_TRACKED = frozenset(TRACKED_MILESTONES)
_ORDER = {m: i for i, m in enumerate(Milestone)}

TE_LAAT_CITATION = Citation.decision("§3 (signaal: te laat)")


class Status(enum.Enum):
    """How urgent a work item is; the values are the worklist's Dutch words."""

    TE_LAAT = "te laat"
    BINNENKORT = "binnenkort"
    GEPLAND = "gepland"
    GEEN = "geen mijlpaal"

    @property
    def rank(self) -> int:
        """Sort rank: te laat first, then binnenkort, gepland, geen mijlpaal."""
        return _RANK[self]


_RANK = {Status.TE_LAAT: 0, Status.BINNENKORT: 1, Status.GEPLAND: 2, Status.GEEN: 3}


@attrs.frozen(kw_only=True)
class WorkItem:
    """What to do next for one open case, on the peildatum.

    ``milestone``/``date``/``days_left`` are ``None`` only for `Status.GEEN`;
    ``overdue`` counts the tracked milestones that are te laat.
    """

    end_of_wage_continuation: date
    status: Status
    milestone: Milestone | None
    date: date | None
    days_left: int | None
    overdue: int
    remaining_weeks: Decimal
    eligible: bool

    def urgency(self) -> tuple[int, int]:
        """The sort key: te laat first (most overdue first), then by days left."""
        return (self.status.rank, 0 if self.days_left is None else self.days_left)


def _check_done(done: Mapping[Milestone, date]) -> None:
    for milestone in done:
        if milestone not in _TRACKED:
            known = ", ".join(m.value for m in TRACKED_MILESTONES)
            msg = f"{milestone.value} wordt niet als gedaan bijgehouden (wel: {known})"
            raise InvalidValueError(msg)


def _check_horizon(horizon_days: int | None) -> int:
    horizon = SIGNAL_HORIZON_DAYS.value if horizon_days is None else horizon_days
    if horizon < 0:
        msg = f"horizon {horizon}: verwacht 0 of meer dagen"
        raise InvalidValueError(msg)
    return horizon


def _done_by(done: Mapping[Milestone, date], reference: date) -> dict[Milestone, date]:
    return {m: d for m, d in done.items() if d <= reference}


@functools.lru_cache(maxsize=4096)
def _weeks(days: int) -> Decimal:
    return (Decimal(days) / 7).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _first_day(case: SicknessCase | date) -> date:
    return case if isinstance(case, date) else case.first_day


def _check_open(case: SicknessCase | date) -> None:
    if isinstance(case, SicknessCase) and not case.is_open:
        msg = "een werklijst gaat over lopende ziektegevallen; dit ziektegeval is afgesloten"
        raise InvalidValueError(msg)


#: The milestones in :class:`Milestone` order, and which of them are tracked.
_MILESTONES: tuple[Milestone, ...] = tuple(Milestone)
_IS_TRACKED: tuple[bool, ...] = tuple(m in _TRACKED for m in _MILESTONES)
_PA = _MILESTONES.index(Milestone.PROBLEEMANALYSE)
_PVA = _MILESTONES.index(Milestone.PLAN_VAN_AANPAK)
_END = _MILESTONES.index(Milestone.EINDE_LOONDOORBETALING)
_PVA_DAYS = timedelta(days=PLAN_VAN_AANPAK_DAYS.value)


#: Positions by the members' identity: an Enum member's hash is computed in Python.
_POSITIONS: dict[int, int] = {id(m): i for i, m in enumerate(_MILESTONES)}

Done = Mapping[Milestone, date] | Sequence[tuple[Milestone, date]]


@functools.lru_cache(maxsize=64)
def _ongoing_offsets(sanction_weeks: int) -> tuple[timedelta, ...]:
    return tuple(ongoing_offset(m, sanction_weeks) for m in _MILESTONES)


def _dates(
    case: SicknessCase | date, probleemanalyse: date | None, sanction_weeks: int
) -> list[date | None]:
    """Every milestone's date in [`Milestone`][reintegratie_core.poortwachter.Milestone] order (``milestone_date``'s rules)."""
    if isinstance(case, date):
        try:
            dates: list[date | None] = [case + o for o in _ongoing_offsets(sanction_weeks)]
        except OverflowError:
            msg = "een mijlpaal valt buiten het datumbereik"
            raise InvalidValueError(msg) from None
        if probleemanalyse is not None:
            dates[_PVA] = probleemanalyse + _PVA_DAYS
        return dates
    # An open case counts its closed periods' sick days first; a milestone whose counted
    # day lies in the open last period falls where it would for one ongoing period from
    # the virtual first day (last start − closed sick days). Its counted day is at least
    # its ongoing offset (day − 1 + at most one day after), so offset > closed days puts
    # it in the open period; earlier milestones take the general walk.
    last = case.periods[-1]
    closed = sum((p.end - p.start).days for p in case.periods[:-1] if p.end is not None)
    virtual = last.start - timedelta(days=closed)
    plain = _ongoing_offsets(0)
    result: list[date | None] = []
    for position, offset in enumerate(_ongoing_offsets(sanction_weeks)):
        milestone = _MILESTONES[position]
        if position == _PVA and probleemanalyse is not None:
            result.append(probleemanalyse + _PVA_DAYS)
        elif plain[position].days > closed:
            try:
                result.append(virtual + offset)
            except OverflowError:
                msg = f"{milestone.value} valt buiten het datumbereik"
                raise InvalidValueError(msg) from None
        else:
            result.append(milestone_date(case, milestone, probleemanalyse, sanction_weeks))
    return result


def _done_flags(done: Done | None, reference: date) -> tuple[int, date | None]:
    """Which milestones were done by ``reference`` — bit *i* for the *i*-th milestone in
    [`Milestone`][reintegratie_core.poortwachter.Milestone] order — and the probleemanalyse's date when it was.

    ``done`` maps milestones to dates, or lists (milestone, date) pairs of which a later
    pair for the same milestone replaces an earlier one.
    """
    if not done:
        return 0, None
    pairs = done.items() if isinstance(done, Mapping) else done
    dates: dict[int, date] = {}
    for milestone, when in pairs:
        position = _POSITIONS[id(milestone)]
        if not _IS_TRACKED[position]:
            _check_done({milestone: when})
        dates[position] = when
    mask = 0
    for position, when in dates.items():
        if when <= reference:
            mask |= 1 << position
    return mask, dates[_PA] if mask >> _PA & 1 else None


_MAX_ORDINAL = date.max.toordinal()


@functools.lru_cache(maxsize=64)
def _ongoing_offset_days(sanction_weeks: int) -> tuple[int, ...]:
    return tuple(o.days for o in _ongoing_offsets(sanction_weeks))


def _ordinals(
    case: SicknessCase | date, probleemanalyse: date | None, sanction_weeks: int
) -> list[int]:
    """Every milestone's date as a day number (``date.toordinal``), in Milestone order."""
    if isinstance(case, date):
        base = case.toordinal()
        days = [base + offset for offset in _ongoing_offset_days(sanction_weeks)]
        if probleemanalyse is not None:
            days[_PVA] = probleemanalyse.toordinal() + _PVA_DAYS.days
        if max(days) > _MAX_ORDINAL:
            msg = "een mijlpaal valt buiten het datumbereik"
            raise InvalidValueError(msg)
        return days
    dates = _dates(case, probleemanalyse, sanction_weeks)
    return [d.toordinal() for d in dates if d is not None]  # an open case has them all


def _choose(days: list[int], done_mask: int, reference: int) -> tuple[int, int, int]:
    """Positions of the earliest late and the earliest upcoming milestone (-1: none), and
    the number of late ones. Ties go to the first in [`Milestone`][reintegratie_core.poortwachter.Milestone] order."""
    late = upcoming = -1
    late_day = upcoming_day = _MAX_ORDINAL + 1
    overdue = 0
    for position, day in enumerate(days):
        if done_mask >> position & 1:
            continue
        if day < reference:
            if _IS_TRACKED[position]:
                overdue += 1
                if day < late_day:
                    late, late_day = position, day
        elif day < upcoming_day:
            upcoming, upcoming_day = position, day
    return late, upcoming, overdue


def work_item(
    case: SicknessCase | date,
    reference: date,
    *,
    module_start: date,
    done: Done | None = None,
    sanction_weeks: int = 0,
    horizon_days: int | None = None,
) -> WorkItem:
    """The work item of one open case on ``reference`` (values only; see the module doc).

    Defined as: late = tracked milestones with date < p and no done date ≤ p; when any,
    te laat for the earliest of them; else next_milestone(timeline without the milestones
    done by p, p, horizon); remaining_weeks(case, p, s); eligible = D ≥ module start.
    A plain ``date`` stands for one ongoing period from that first sick day. ``eligible``
    is [`reintegratie_core.products.eligible`][reintegratie_core.products.consequences.eligible]'s rule (first sick day ≥ module start).
    ``done`` may also be a sequence of (milestone, date) pairs, later ones replacing
    earlier ones. The tests hold it equal to [`explain_work_item`][reintegratie_core.worklist.explain_work_item], which composes
    those rules.
    """
    check_sanction_weeks(sanction_weeks)
    horizon = _check_horizon(horizon_days)
    _check_open(case)
    done_mask, probleemanalyse = _done_flags(done, reference)
    days = _ordinals(case, probleemanalyse, sanction_weeks)
    today = reference.toordinal()
    late, upcoming, overdue = _choose(days, done_mask, today)
    chosen = late if late >= 0 else upcoming
    end = days[_END]
    status = Status.GEEN
    milestone_: Milestone | None = None
    when_: date | None = None
    days_left: int | None = None
    if chosen >= 0:
        milestone_, when_ = _MILESTONES[chosen], date.fromordinal(days[chosen])
        days_left = days[chosen] - today
        if late >= 0:
            status = Status.TE_LAAT
        else:
            status = Status.BINNENKORT if days_left <= horizon else Status.GEPLAND
    return WorkItem(
        status=status,
        milestone=milestone_,
        date=when_,
        days_left=days_left,
        overdue=overdue,
        remaining_weeks=_weeks(max(0, end - today)),
        end_of_wage_continuation=date.fromordinal(end),
        eligible=_first_day(case) >= module_start,
    )


def explain_work_item(
    case: SicknessCase | date,
    reference: date,
    *,
    product: Product,
    module_start: date,
    done: Done | None = None,
    sanction_weeks: int = 0,
    horizon_days: int | None = None,
) -> Explained[WorkItem]:
    """[`work_item`][reintegratie_core.worklist.work_item] composed from the explained core rules, with all their grounds.

    Uses [`timeline`][reintegratie_core.poortwachter.timeline],
    [`next_milestone`][reintegratie_core.poortwachter.next_milestone],
    [`remaining_weeks`][reintegratie_core.poortwachter.remaining_weeks] and
    [`reintegratie_core.products.eligible`][reintegratie_core.products.consequences.eligible]; the
    te-laat rule is grounded in the milestone's own article and domain §3 (signal).
    """
    _check_horizon(horizon_days)
    _check_open(case)
    whole = SicknessCase.ongoing(case) if isinstance(case, date) else case
    recorded = dict(done.items() if isinstance(done, Mapping) else done) if done else {}
    _check_done(recorded)
    done_now = _done_by(recorded, reference)
    probleemanalyse = done_now.get(Milestone.PROBLEEMANALYSE)
    entries = timeline(whole, probleemanalyse, sanction_weeks)
    late = [
        e
        for e in entries
        if e.milestone in _TRACKED
        and e.milestone not in done_now
        and e.date is not None
        and e.date < reference
    ]
    grounds: list[Ground] = []
    if late:
        first = late[0]  # the timeline is in date order
        assert first.date is not None
        days_left: int | None = (first.date - reference).days
        status, milestone, when = Status.TE_LAAT, first.milestone, first.date
        grounds.append(
            Ground(
                rule=(
                    "een bijgehouden mijlpaal waarvan de datum vóór de peildatum ligt en die "
                    "niet op of vóór de peildatum is gedaan, is te laat"
                ),
                citation=TE_LAAT_CITATION,
                parameters=(("peildatum", reference), ("te_laat", len(late))),
                rule_id="explain_work_item",
            )
        )
        grounds.extend(first.explained.grounds)
    else:
        signal = next_milestone(
            [e for e in entries if e.milestone not in done_now], reference, horizon_days
        )
        grounds.extend(signal.grounds)
        if signal.value is None:
            status, milestone, when, days_left = Status.GEEN, None, None, None
        else:
            milestone, when, days_left = (
                signal.value.milestone,
                signal.value.date,
                signal.value.days_left,
            )
            status = Status.BINNENKORT if signal.value.due else Status.GEPLAND
    remaining = remaining_weeks(whole, reference, sanction_weeks)
    end = explain_milestone(whole, Milestone.EINDE_LOONDOORBETALING, None, sanction_weeks)
    eligibility = eligible(product, whole.first_day, module_start)
    assert remaining.value is not None  # an open case always reaches the end of week 104
    assert end.value is not None
    item = WorkItem(
        status=status,
        milestone=milestone,
        date=when,
        days_left=days_left,
        overdue=len(late),
        remaining_weeks=remaining.value,
        end_of_wage_continuation=end.value,
        eligible=eligibility.value,
    )
    return Explained(item, (*grounds, *remaining.grounds, *eligibility.grounds))


__all__ = [
    "TRACKED_MILESTONES",
    "Status",
    "WorkItem",
    "explain_work_item",
    "work_item",
]
