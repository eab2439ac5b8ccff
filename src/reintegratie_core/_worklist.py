"""The worklist: one work item per open sickness case (domein §3 "Signal", §4).

For an open case, a reference date *p* (the peildatum) and the dates on which the
portfolio recorded the tracked milestones as done, the work item says what to do next:

* **te laat** — a tracked milestone (probleemanalyse, plan van aanpak, 42e-weeksmelding,
  eerstejaarsevaluatie, WIA-aanvraag) whose date lies before *p* and that was not done on
  or before *p*. The item names the earliest such milestone; ``days_left`` is negative.
* otherwise the **signal** of [`next_milestone`][reintegratie_core.next_milestone]: the
  earliest milestone on or after *p* that is not already done — **binnenkort** when it
  falls within the horizon (default 14 days), else **gepland**;
* **geen mijlpaal** when none is left (the case is past the start of the WIA).

Plus the weeks of wage continuation left ([`remaining_weeks`][reintegratie_core.remaining_weeks])
and whether the case falls under the product's module at all
([`reintegratie_core.products.eligible`][reintegratie_core.products.eligible]: first sick day on or after the module's start
date, domain §4).

A done date counts only when it lies on or before *p*: the worklist is what was known on
the peildatum. The probleemanalyse's date also sets the plan van aanpak's deadline
(probleemanalyse + 14 days, Regeling procesgang art. 4 lid 1).

[`work_item`][reintegratie_core.work_item] decides once per case and returns a [`WorkItem`][reintegratie_core.WorkItem]: the values the
worklist shows, and the values the decision used, from which [`WorkItem.explain`][reintegratie_core.WorkItem.explain]
renders the grounds (milestone articles, the te-laat rule or the signal, the remaining
weeks, eligibility) only when asked. It is pure: the reference date is always a parameter.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from reintegratie_core._checks import (
    case_error,
    date_error,
    instance_error,
    member_error,
    product_error,
)
from reintegratie_core._errors import InvalidValueError
from reintegratie_core._explain import Citation, DecisionRecord, Explained, Ground, ruled
from reintegratie_core._poortwachter import (
    _SORTED,
    _WEEKS,
    Milestone,
    MilestoneDate,
    NextMilestone,
    RemainingWeeks,
    Signal,
    _days_left,
    check_horizon,
    check_sanction_weeks,
    milestone_days,
)
from reintegratie_core._sickness import SicknessCase
from reintegratie_core._statutory import MAX_SANCTION_WEEKS
from reintegratie_core.products import Product, eligible
from reintegratie_core.products._consequences import _falls_under

#: The milestones a portfolio records as done; only these can be *te laat*.
TRACKED_MILESTONES: tuple[Milestone, ...] = (
    Milestone.PROBLEEMANALYSE,
    Milestone.PLAN_VAN_AANPAK,
    Milestone.ZIEKMELDING_UWV,
    Milestone.EERSTEJAARSEVALUATIE,
    Milestone.WIA_AANVRAAG,
)

_TRACKED = frozenset(TRACKED_MILESTONES)

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
#: The members as module constants: looking a member up on an Enum class runs Python code.
_TE_LAAT, _BINNENKORT, _GEPLAND, _GEEN = (
    Status.TE_LAAT,
    Status.BINNENKORT,
    Status.GEPLAND,
    Status.GEEN,
)


#: Eligibility without a product to cite: the module's start date (domain §4).
ELIGIBILITY_CITATION = Citation.decision("§4 (ingangsdatum module)")


#: How many of a `WorkItem`'s fields are its values (compared by ``==``).
_SHOWN = 8

#: ``date`` under another name, for the fields declared after the field ``date``.
Day = date


class _WorkItem(NamedTuple):
    """The fields of `WorkItem`."""

    end_of_wage_continuation: date
    status: Status
    milestone: Milestone | None
    date: date | None
    days_left: int | None
    overdue: int
    remaining_weeks: Decimal
    eligible: bool
    case: SicknessCase
    reference: Day
    module_start: Day
    probleemanalyse: Day | None
    sanction_weeks: int
    horizon: int
    product: Product | None


class WorkItem(_WorkItem, DecisionRecord["WorkItem"]):
    """What to do next for one open case on the peildatum, and what that decision used.

    ``milestone``/``date``/``days_left`` are ``None`` only for `Status.GEEN`;
    ``overdue`` counts the tracked milestones that are te laat. The remaining fields are
    the decision's inputs, from which `explain` renders the grounds. A NamedTuple, built
    once per open case without a generated ``__init__`` (`work_item`).
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        """Equal when what the worklist shows is equal (the first eight fields): the
        decision's inputs (case, reference, ...) are not compared."""
        # Another type is never equal, a bare tuple of the same fields neither (returning
        # NotImplemented would let tuple.__eq__ compare the fields).
        return type(other) is WorkItem and self[:_SHOWN] == other[:_SHOWN]

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(self[:_SHOWN])

    def urgency(self) -> tuple[int, int]:
        """The sort key: te laat first (most overdue first), then by days left."""
        return (self.status.rank, 0 if self.days_left is None else self.days_left)

    @property
    def value(self) -> WorkItem:
        """The work item itself (a work item is its own decision record)."""
        return self

    @ruled("work_item")
    def explain(self) -> Explained[WorkItem]:
        """The work item with its grounds, rendered from this decision: the te-laat rule
        or the signal, the chosen milestone's articles, the remaining weeks and eligibility.
        """
        case, reference, s = self.case, self.reference, self.sanction_weeks
        grounds: list[Ground] = []
        if self.status is Status.TE_LAAT:
            assert self.milestone is not None
            grounds.append(
                Ground(
                    rule=(
                        "een bijgehouden mijlpaal waarvan de datum vóór de peildatum ligt en "
                        "die niet op of vóór de peildatum is gedaan, is te laat"
                    ),
                    citation=TE_LAAT_CITATION,
                    parameters=(("peildatum", reference), ("te_laat", self.overdue)),
                )
            )
            late = MilestoneDate(self.milestone, case, self.probleemanalyse, s, self.date)
            grounds.extend(late.explain().grounds)
        else:
            signal = None
            if self.milestone is not None and self.date is not None:
                assert self.days_left is not None
                signal = Signal(
                    self.milestone, self.date, self.days_left, self.status is Status.BINNENKORT
                )
            chosen = NextMilestone(case, reference, self.horizon, self.probleemanalyse, s, signal)
            grounds.extend(chosen.explain().grounds)
        remaining = RemainingWeeks(
            case, s, self.end_of_wage_continuation, reference, self.remaining_weeks
        )
        grounds.extend(remaining.explain().grounds)
        if self.product is not None:
            grounds.extend(eligible(self.product, case, self.module_start).grounds)
        else:
            grounds.append(
                Ground(
                    rule="dienstverlening voor een eerste ziektedag op of na de ingangsdatum",
                    citation=ELIGIBILITY_CITATION,
                    parameters=(
                        ("eerste_ziektedag", case.first_day),
                        ("ingangsdatum", self.module_start),
                    ),
                )
            )
        return Explained(self, tuple(grounds))


def _done_error(milestone: object, when: object) -> Exception:
    """Why (``milestone``, ``when``) is no done pair: no `Milestone`, no date, or a
    milestone that is not tracked (checked in that order)."""
    position = _POSITIONS.get(id(milestone))
    if position is None:
        return member_error("done", milestone, Milestone)
    member = _MILESTONES[position]  # found by its identity: ``milestone`` itself
    if type(when) is not date:
        return date_error(f"done[{member.name}]", when)
    known = ", ".join(m.value for m in TRACKED_MILESTONES)
    return InvalidValueError(f"{member.value} wordt niet als gedaan bijgehouden (wel: {known})")


def _check_open(case: SicknessCase) -> None:
    if not case.is_open:
        msg = "een werklijst gaat over lopende ziektegevallen; dit ziektegeval is afgesloten"
        raise InvalidValueError(msg)


#: The milestones in :class:`Milestone` order, and which of them are tracked.
_MILESTONES: tuple[Milestone, ...] = tuple(Milestone)
_IS_TRACKED: tuple[bool, ...] = tuple(m in _TRACKED for m in _MILESTONES)
_PA = _MILESTONES.index(Milestone.PROBLEEMANALYSE)
_END = _MILESTONES.index(Milestone.EINDE_LOONDOORBETALING)

#: Positions by the members' identity: an Enum member's hash is computed in Python.
_POSITIONS: dict[int, int] = {id(m): i for i, m in enumerate(_MILESTONES)}
#: The same, for the tracked milestones only (the ones a done date may be given for).
_TRACKED_POSITIONS: dict[int, int] = {id(m): i for i, m in enumerate(_MILESTONES) if _IS_TRACKED[i]}

Done = Mapping[Milestone, date] | Sequence[tuple[Milestone, date]]


def _done_flags(done: Done | None, reference: date) -> tuple[int, date | None]:
    """Which milestones were done by ``reference`` — bit *i* for the *i*-th milestone in
    [`Milestone`][reintegratie_core.Milestone] order — and the probleemanalyse's date when it was.

    ``done`` maps milestones to dates, or lists (milestone, date) pairs of which a later
    pair for the same milestone replaces an earlier one.
    """
    if done is None:
        return 0, None
    pairs: Iterable[tuple[Milestone, date]]
    kind = type(done)  # a tuple or list of pairs without the ABC's isinstance (per case)
    if kind is tuple or kind is list:
        pairs = done  # type: ignore[assignment]  # a sequence of pairs
    elif isinstance(done, Mapping):
        pairs = done.items()
    else:
        raise instance_error("done", done, dict, "Milestone → date, of paren (Milestone, date)")
    mask = 0
    analysed: date | None = None
    for pair in pairs:  # a later pair sets or clears the milestone's bit again
        if type(pair) is not tuple or len(pair) != 2:
            raise instance_error("done", pair, tuple, "paren (Milestone, date)")
        milestone, when = pair
        # A member found by its identity is that member: the members live as long as
        # the class, so no other object has their id (no type test needed after a hit).
        position = _TRACKED_POSITIONS.get(id(milestone))
        if position is None:
            raise _done_error(milestone, when)
        if type(when) is not date:
            raise date_error(f"done[{milestone.name}]", when)
        if when <= reference:
            mask |= 1 << position
        else:
            mask &= ~(1 << position)
        if position == _PA:
            analysed = when
    return mask, analysed if mask >> _PA & 1 else None


_ALL_POSITIONS = range(len(_MILESTONES))


def _choose(
    days: list[int], done_mask: int, reference: int, order: Sequence[int] | None = None
) -> tuple[int, int, int]:
    """Positions of the earliest late and the earliest upcoming milestone (-1: none), and
    the number of late ones. Ties go to the first in [`Milestone`][reintegratie_core.Milestone] order.

    The milestones are walked in date order (a stable sort: ties keep Milestone order); the
    walk stops at the first one not done on or after ``reference`` — every late one lies
    before it. ``order`` is that date order when the caller knows it already (one ongoing
    period: fixed per number of sanction weeks).
    """
    late = upcoming = -1
    overdue = 0
    if order is None:
        order = sorted(_ALL_POSITIONS, key=days.__getitem__)
    for position in order:
        if done_mask >> position & 1:
            continue
        if days[position] >= reference:
            upcoming = position
            break
        if _IS_TRACKED[position]:
            overdue += 1
            if late < 0:
                late = position
    return late, upcoming, overdue


def work_item(
    case: SicknessCase,
    reference: date,
    *,
    module_start: date,
    done: Done | None = None,
    sanction_weeks: int = 0,
    horizon_days: int | None = None,
    product: Product | None = None,
) -> WorkItem:
    """The work item of one open case on ``reference`` (see the module doc).

    Defined as: late = tracked milestones with date < p and no done date ≤ p; when any,
    te laat for the earliest of them; else the signal of next_milestone over the
    milestones not done by p (p, horizon); remaining weeks as
    [`remaining_weeks`][reintegratie_core.remaining_weeks] (the same rule); eligible =
    D ≥ module start
    ([`reintegratie_core.products.eligible`][reintegratie_core.products.eligible]'s rule). The milestone dates are
    [`milestone_days`][reintegratie_core.milestone_days], with the probleemanalyse's
    done date (when done by p) setting the plan van aanpak. ``done`` may also be a sequence
    of (milestone, date) pairs, later ones replacing earlier ones. ``product``, when
    given, is cited in the explanation of eligibility.
    """
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if type(reference) is not date:
        raise date_error("reference", reference)
    if type(module_start) is not date:
        raise date_error("module_start", module_start)
    if product is not None and type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(sanction_weeks) is not int or not 0 <= sanction_weeks <= _MAX_SANCTION:
        check_sanction_weeks(sanction_weeks, name="sanction_weeks")
    if type(horizon_days) is int and horizon_days >= 0:
        horizon = horizon_days
    else:
        horizon = check_horizon(horizon_days)
    periods = case.periods
    if periods[-1].end is not None:
        _check_open(case)
    # Nothing done (None, or the empty tuple a portfolio row has) skips the walk: the
    # worklist's hot path. Any other value, a false one too (0, ""), is read and checked.
    done_mask, probleemanalyse = (
        (0, None) if done is None or done == () else _done_flags(done, reference)
    )
    days: list[int] = milestone_days(case, probleemanalyse, sanction_weeks)  # type: ignore[assignment]  # an open case reaches every milestone
    today = reference.toordinal()
    # One ongoing period without a probleemanalyse: the dates are D + fixed offsets, so
    # their order is the one milestone_days' table has per number of sanction weeks.
    order = _SORTED[sanction_weeks][1] if probleemanalyse is None and len(periods) == 1 else None
    late, upcoming, overdue = _choose(days, done_mask, today, order)
    chosen = late if late >= 0 else upcoming
    end = date.fromordinal(days[_END])
    weeks = _WEEKS[_days_left(case, end, reference, sanction_weeks)]  # 0 … 7·(104 + s) days
    milestone: Milestone | None = None
    when: date | None = None
    days_left: int | None = None
    status = _GEEN
    if chosen >= 0:
        day = days[chosen]
        milestone, when, days_left = _MILESTONES[chosen], date.fromordinal(day), day - today
        status = _TE_LAAT if late >= 0 else _BINNENKORT if day - today <= horizon else _GEPLAND
    return _new_item(
        WorkItem,
        (
            end,
            status,
            milestone,
            when,
            days_left,
            overdue,
            weeks,
            _falls_under(case, module_start),
            case,
            reference,
            module_start,
            probleemanalyse,
            sanction_weeks,
            horizon,
            product,
        ),
    )


#: ``WorkItem``'s constructor without the generated ``__new__`` (its fields are in order).
_new_item: Callable[[type[WorkItem], tuple[object, ...]], WorkItem] = tuple.__new__
_MAX_SANCTION = MAX_SANCTION_WEEKS.value


__all__ = [
    "TE_LAAT_CITATION",
    "TRACKED_MILESTONES",
    "Status",
    "WorkItem",
    "work_item",
]
