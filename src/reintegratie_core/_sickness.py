"""Sickness cases (ziektegevallen): merging sick periods and counting sick days.

Rules (domein §2):

* A sick period runs from its first to its last day inclusive; the last day may be open
  (still sick). A partly worked day counts as sick (WIA art. 23 lid 2).
* **Samentelling** (BW 7:629 lid 10; Ziektewet art. 38; ``003`` art. 2.6.1): two
  consecutive sick periods belong to one case when the interruption — the days strictly
  between them, ``next.first − prev.last − 1`` — is less than 28 days (27 merges, 28
  starts a new case).
* **WAZO bridge** (BW 7:629 lid 10): a sick period that directly precedes and one that
  directly follows pregnancy/maternity leave belong to one case whatever the leave's
  length; leave days are not counted. "Directly" means adjacent: the leave starts the day
  after the first period's last day and the second period starts the day after the
  leave's last day. Lid 10 covers both WAZO art. 3:1 lid 2 (pregnancy leave) and lid 3
  (maternity leave), so leave rows that follow each other without a gap are *one* leave
  (domain §8.1): a register that records the two leaves as two rows bridges the same way.
* **Counted days**: only sick days count; the date of the *N*-th counted day is the end of
  a week when *N* = 7·weeks. An ongoing case is projected as if its last period
  continues; a closed case that never reaches day *N* has no such date (``None``).
* Periods must not overlap (an error naming both) and must not end before they start.
"""

from __future__ import annotations

import collections
import enum
import itertools
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import NamedTuple

import attrs

from reintegratie_core._checks import (
    check_iterable,
    count_error,
    date_error,
    instance_error,
    items_error,
    member_of,
)
from reintegratie_core._dates import ONE_DAY, Period, add_days
from reintegratie_core._errors import InvalidPeriodError, InvalidValueError, argument_error
from reintegratie_core._explain import (
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    Unit,
    format_date,
)
from reintegratie_core._statutory import MERGE_INTERRUPTION_DAYS

BRIDGE_CITATION = Citation.statute("BW", "7:629 lid 10 (zwangerschaps- en bevallingsverlof)")


def _is_period(_instance: object, attribute: attrs.Attribute[Period], value: object) -> None:
    if type(value) is not Period:
        raise instance_error(attribute.name, value, Period, "maak er een met Period.from_inclusive")


def _check_periods(name: str, periods: object) -> None:
    """A tuple of [`Period`][reintegratie_core.Period] values, or a ``TypeError`` naming
    ``name`` (and the element)."""
    if type(periods) is not tuple:
        raise instance_error(name, periods, tuple, "een tuple van Period-waarden")
    for index, period in enumerate(periods):
        if type(period) is not Period:
            raise instance_error(f"{name}[{index}]", period, Period)


class AbsenceKind(enum.Enum):
    """Whether a period is sickness or pregnancy/maternity leave (WAZO)."""

    SICK = "ziek"
    LEAVE = "verlof"


#: Read per lifted row: an Enum member looked up on its class costs a call (Python 3.11).
_SICK = AbsenceKind.SICK
_LEAVE = AbsenceKind.LEAVE


@attrs.frozen
class Absence:
    """A sick period or a leave period, as it comes in from a register."""

    period: Period = attrs.field(validator=_is_period)
    kind: AbsenceKind = attrs.field(default=AbsenceKind.SICK, validator=member_of(AbsenceKind))

    @classmethod
    def sick(cls, first: date, last: date | None = None) -> Absence:
        """A sick period from ``first`` to ``last`` inclusive (``None``: still sick)."""
        return _absence(cls, Period.from_inclusive(first, last), _SICK)

    @classmethod
    def sick_many(cls, first_days: Iterable[date]) -> list[Absence]:
        """`sick` for each of ``first_days``: a running sick period per first sick day (a
        column of them), built without running validators: a running period is valid by
        construction."""
        periods = _running_periods(first_days, "first_days")
        absences = list(map(_new, itertools.repeat(cls, len(periods))))
        collections.deque(map(_SET_PERIOD, absences, periods), maxlen=0)
        collections.deque(map(_SET_KIND, absences, itertools.repeat(_SICK)), maxlen=0)
        return absences

    @classmethod
    def leave(cls, first: date, last: date) -> Absence:
        """A pregnancy/maternity leave period, ``first`` to ``last`` inclusive."""
        if type(last) is not date:  # a leave has a last day (a sick period may run)
            raise date_error("last", last)
        return _absence(cls, Period.from_inclusive(first, last), _LEAVE)


def _day_offsets(periods: tuple[Period, ...], ns: tuple[int, ...]) -> list[tuple[date, int] | None]:
    """The walk of [`SicknessCase.day_offsets`][reintegratie_core.SicknessCase.day_offsets]
    over a case's ``periods``, its day numbers (ascending, each ≥ 1) checked by the caller."""
    count = len(periods)
    found: list[tuple[date, int] | None] = []
    index = before = 0  # before: sick days of the periods before ``periods[index]``
    for n in ns:
        while index < count:
            period = periods[index]
            end = period.end
            if end is None or n - before <= (end - period.start).days:
                found.append((period.start, n - before - 1))
                break
            before += (end - period.start).days
            index += 1
        else:
            found.append(None)
    return found


@attrs.frozen
class SicknessCase:
    """One ziektegeval: its sick periods (sorted, disjoint) and the leave it bridges."""

    periods: tuple[Period, ...] = attrs.field()
    bridged_leave: tuple[Period, ...] = attrs.field(default=())

    @bridged_leave.validator
    def _check_leave(self, _attribute: object, periods: tuple[Period, ...]) -> None:
        _check_periods("bridged_leave", periods)

    @periods.validator
    def _check(self, _attribute: object, periods: tuple[Period, ...]) -> None:
        _check_periods("periods", periods)
        if not periods:
            reason = "een ziektegeval heeft ten minste één ziekteperiode"
            raise argument_error(InvalidPeriodError, "periods", reason)
        for earlier, later in itertools.pairwise(periods):
            if earlier.end is None or earlier.end > later.start:
                reason = f"ziekteperioden {earlier} en {later} overlappen"
                raise argument_error(InvalidPeriodError, "periods", reason)

    @classmethod
    def ongoing(cls, first_sick_day: date) -> SicknessCase:
        """The case of one period that started on ``first_sick_day`` and still runs."""
        if type(first_sick_day) is not date:
            raise date_error("first_sick_day", first_sick_day)
        return _ongoing(cls, first_sick_day)

    @classmethod
    def ongoing_many(cls, first_sick_days: Iterable[date]) -> list[SicknessCase]:
        """`ongoing` for each of ``first_sick_days`` (a column of first sick days).

        One ongoing period is a valid case by construction, so the cases are built without
        running the validators: an Excel column of 10,000 first sick days becomes cases at
        the cost of a few allocations per row.
        """
        periods = _running_periods(first_sick_days, "first_sick_days")
        cases = list(map(_new, itertools.repeat(cls, len(periods))))
        collections.deque(map(_SET_PERIODS, cases, zip(periods)), maxlen=0)
        collections.deque(map(_SET_LEAVE, cases, itertools.repeat(())), maxlen=0)
        return cases

    @property
    def first_day(self) -> date:
        """The eerste ziektedag *D* of the case."""
        return self.periods[0].start

    @property
    def last_day(self) -> date | None:
        """The last sick day of the case; ``None`` while it runs."""
        return self.periods[-1].last

    @property
    def is_open(self) -> bool:
        """True while the last period runs."""
        return self.periods[-1].is_open

    def counted_days(self, until: date | None = None) -> int:
        """Sick days of the case up to and including ``until`` (all days when closed).

        Defined as: Σ over periods of the days in [first, min(last, until)]; interruption
        and leave days do not count.
        """
        if until is not None and type(until) is not date:
            raise date_error("until", until)
        if until is None and self.is_open:
            reason = "een lopend ziektegeval telt dagen tot een peildatum; geef er een"
            raise argument_error(InvalidValueError, "until", reason)
        return sum(p.days(until) for p in self.periods if p.start <= (until or date.max))

    def day(self, n: int) -> date | None:
        """The date of the ``n``-th counted sick day (day 1 = *D*).

        Defined as: walk the periods, counting only sick days; an open last period is
        projected (``start + remaining − 1``); ``None`` when a closed case has fewer than
        ``n`` sick days.
        """
        if type(n) is not int:
            raise count_error("n", n)
        if n < 1:
            reason = f"dag {n}: ziektedagen tellen vanaf 1"
            raise argument_error(InvalidValueError, "n", reason)
        (found,) = _day_offsets(self.periods, (n,))
        if found is None:
            return None
        start, offset = found
        return add_days(start, offset)

    def day_offsets(self, ns: Sequence[int]) -> list[tuple[date, int] | None]:
        """The walk of [`day`][reintegratie_core.SicknessCase.day] for several day numbers
        ``ns`` (ascending, each ≥ 1) at once: for each, the first day of the period it falls
        in and its offset from that day (``None``: a closed case has fewer sick days).

        Defined as: walk the periods once, counting only sick days; an open last period is
        projected. A day number below 1, or below the one before it, is an error naming it.
        """
        check_iterable("ns", ns, int)
        given = tuple(ns)
        previous = 1
        for index, n in enumerate(given):
            if type(n) is not int:
                raise count_error(f"ns[{index}]", n)
            if n < previous:
                reason = f"dag {n}: verwacht {previous} of meer (oplopende dagnummers vanaf 1)"
                raise argument_error(InvalidValueError, f"ns[{index}]", reason)
            previous = n
        return _day_offsets(self.periods, given)

    def interruption_days(self) -> int:
        """Calendar days between the periods that are not sick days (incl. bridged leave)."""
        return sum(
            (later.start - earlier.end).days
            for earlier, later in zip(self.periods, self.periods[1:], strict=False)
            if earlier.end is not None
        )

    def grounds(self) -> tuple[Ground, ...]:
        """Why these periods form one case: samentelling and, where used, the WAZO bridge."""
        grounds = [
            Ground(
                rule=(
                    "ziekteperioden met een onderbreking van minder dan 28 dagen vormen één "
                    "ziektegeval; alleen ziektedagen tellen"
                ),
                citation=MERGE_INTERRUPTION_DAYS.citation,
                parameters=(
                    MERGE_INTERRUPTION_DAYS.as_pair(),
                    ("eerste_ziektedag", self.first_day),
                    ("perioden", len(self.periods)),
                ),
                rule_id="SicknessCase",
            )
        ]
        if self.bridged_leave:
            grounds.append(
                Ground(
                    rule=(
                        "ziekte direct vóór en direct na zwangerschaps-/bevallingsverlof is "
                        "één ziektegeval; verlofdagen tellen niet"
                    ),
                    citation=BRIDGE_CITATION,
                    parameters=(("verlofperioden", len(self.bridged_leave)),),
                    rule_id="SicknessCase",
                )
            )
        return tuple(grounds)


_new = object.__new__
#: The slots' setters: they write a frozen instance's fields once, as attrs' __init__ does.
_SET_START = vars(Period)["start"].__set__
_SET_END = vars(Period)["end"].__set__
_SET_PERIODS = vars(SicknessCase)["periods"].__set__
_SET_LEAVE = vars(SicknessCase)["bridged_leave"].__set__
_SET_PERIOD = vars(Absence)["period"].__set__
_SET_KIND = vars(Absence)["kind"].__set__


def _absence(cls: type[Absence], period: Period, kind: AbsenceKind) -> Absence:
    """An absence of a period the caller validated (`Period.from_inclusive`); ``Absence``
    has no validators of its own, so this only skips attrs' generated ``__init__``."""
    absence: Absence = _new(cls)
    _SET_PERIOD(absence, period)
    _SET_KIND(absence, kind)
    return absence


def _running_periods(first_days: Iterable[date], name: str) -> list[Period]:
    """A running period from each of ``first_days``: valid by construction (no validators)
    once every day is a ``date`` (checked for the column at once; the error names the
    argument ``name`` and the row)."""
    check_iterable(name, first_days, date)
    days = list(first_days)
    if [*map(type, days)].count(date) != len(days):
        index, wrong = next((i, d) for i, d in enumerate(days) if type(d) is not date)
        raise date_error(f"{name}[{index}]", wrong)
    periods = list(map(_new, itertools.repeat(Period, len(days))))
    collections.deque(map(_SET_START, periods, days), maxlen=0)
    collections.deque(map(_SET_END, periods, itertools.repeat(None)), maxlen=0)
    return periods


def _one_period(period: Period) -> SicknessCase:
    """The case of one sick period: valid by construction (a single period cannot overlap)."""
    case = _new(SicknessCase)
    _SET_PERIODS(case, (period,))
    _SET_LEAVE(case, ())
    return case


def _ongoing(cls: type[SicknessCase], first_sick_day: date) -> SicknessCase:
    """One ongoing period from ``first_sick_day`` (a ``date``, checked by the caller): valid
    by construction (no validators)."""
    period = _new(Period)
    _SET_START(period, first_sick_day)
    _SET_END(period, None)
    case = _new(cls)
    _SET_PERIODS(case, (period,))
    _SET_LEAVE(case, ())
    return case


def _by_start_leave_first(absence: Absence) -> tuple[date, bool]:
    """The order of `merge_cases`: by first day; on the same day leave before sickness (the
    kinds' values in alphabetical order, ``verlof`` < ``ziek``), by identity: no Enum code."""
    return absence.period.start, absence.kind is _SICK


def _merged(periods: tuple[Period, ...], bridged: tuple[Period, ...]) -> SicknessCase:
    """A case of `merge_cases`: sorted and disjoint by construction (`_check_order` ran),
    so built without the validators."""
    case = _new(SicknessCase)
    _SET_PERIODS(case, periods)
    _SET_LEAVE(case, bridged)
    return case


def _check_order(absences: Sequence[Absence]) -> None:
    for earlier, later in itertools.pairwise(absences):
        if earlier.period.overlaps(later.period):
            msg = (
                f"perioden {earlier.period} ({earlier.kind.value}) en "
                f"{later.period} ({later.kind.value}) overlappen"
            )
            raise InvalidPeriodError(msg)


def _join_adjacent_leave(ordered: Sequence[Absence]) -> list[Absence]:
    """Leave rows without a day between them as one leave (BW 7:629 lid 10; domain §8.1).

    Defined as: a leave period whose first day is the day after the previous leave
    period's last day extends it; WAZO art. 3:1 lid 2 and lid 3 leave given as two rows is
    one leave.
    """
    joined: list[Absence] = []
    for absence in ordered:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind is _LEAVE
            and absence.kind is _LEAVE
            and previous.period.end == absence.period.start
        ):
            joined[-1] = Absence(Period(previous.period.start, absence.period.end), _LEAVE)
        else:
            joined.append(absence)
    return joined


#: ``tuple | list`` as a tuple made once: a union in ``isinstance`` is built anew each call
#: (once per lifted row here).
_SEQUENCES = (tuple, list)


def merge_cases(absences: Iterable[Absence]) -> tuple[SicknessCase, ...]:
    """Group sick periods into sickness cases (samentelling, BW 7:629 lid 10).

    Defined as: sort by first day; adjacent leave rows are one leave (WAZO art. 3:1 lid 2
    and 3, domain §8.1); a sick period joins the current case when
    ``first − previous.last − 1 < 28``, or when it directly follows a leave period that
    directly follows the case's last sick period (WAZO bridge); otherwise it starts a new
    case. Overlapping periods are an [`InvalidPeriodError`][reintegratie_core.InvalidPeriodError] naming both.
    """
    if isinstance(absences, _SEQUENCES) and len(absences) == 1:
        (only,) = absences
        if type(only) is Absence and only.kind is _SICK:  # one sick period: its own case
            return (_one_period(only.period),)
    check_iterable("absences", absences, Absence)
    ordered = list(absences)
    try:
        ordered.sort(key=_by_start_leave_first)
    except AttributeError:  # an element that is no Absence: name it
        raise items_error("absences", ordered, Absence) from None
    _check_order(ordered)
    ordered = _join_adjacent_leave(ordered)
    limit = MERGE_INTERRUPTION_DAYS.value
    cases: list[SicknessCase] = []
    current: list[Period] = []
    bridged: list[Period] = []
    pending_leave: Period | None = None
    for absence in ordered:
        period = absence.period
        if absence.kind is _LEAVE:  # the member as a module constant: no Enum class lookup
            previous_end = current[-1].end if current else None
            directly_after_sickness = pending_leave is None and previous_end == period.start
            pending_leave = period if directly_after_sickness else None
            continue
        if current:
            previous_end = current[-1].end
            assert previous_end is not None  # an open period overlaps any later one
            bridge = pending_leave is not None and pending_leave.end == period.start
            interruption = (period.start - previous_end).days
            if bridge or interruption < limit:
                if bridge and pending_leave is not None:
                    bridged.append(pending_leave)
                current.append(period)
                pending_leave = None
                continue
            cases.append(_merged(tuple(current), tuple(bridged)))
        current, bridged, pending_leave = [period], [], None
    if current:
        cases.append(_merged(tuple(current), tuple(bridged)))
    return tuple(cases)


def last_case(absences: Iterable[Absence]) -> SicknessCase:
    """The most recent sickness case of the periods (the one Excel functions work on)."""
    cases = merge_cases(absences)
    if not cases:
        reason = "geen ziekteperiode gegeven (verwacht ten minste één eerste ziektedag)"
        raise argument_error(InvalidPeriodError, "absences", reason)
    return cases[-1]


def case_at(absences: Iterable[Absence], reference: date) -> SicknessCase | None:
    """The case current at ``reference``: the latest that started on or before it."""
    if type(reference) is not date:
        raise date_error("reference", reference)
    current = None
    for case in merge_cases(absences):
        if case.first_day <= reference:
            current = case
    return current


def case_of(absences: Iterable[Absence], day: date) -> SicknessCase:
    """The sickness case that a sick day belongs to (for a budget ledger per case).

    Raises [`InvalidValueError`][reintegratie_core.InvalidValueError] when ``day`` is not a sick day of any case.
    """
    if type(day) is not date:
        raise date_error("day", day)
    for case in merge_cases(absences):
        if any(p.contains(day) for p in case.periods):
            return case
    reason = f"{format_date(day)} is geen ziektedag van de gegeven perioden"
    raise argument_error(InvalidValueError, "day", reason)


class _SickDays(NamedTuple):
    """The fields of `SickDays`."""

    case: SicknessCase | None
    reference: date
    value: int


class SickDays(_SickDays, DecisionRecord[int]):
    """What the counting rule decided: the case current at the reference date (``None``:
    none had started), the reference date and the counted days (``value``).

    A tuple, built once per lifted Excel row; `explain` renders the grounds.
    """

    __slots__ = ()

    def explain(self) -> Explained[int]:
        """The count with its grounds: samentelling (and the WAZO bridge), or no case yet."""
        if self.case is None:
            ground = Ground(
                rule="geen ziektegeval begonnen op of vóór de peildatum",
                citation=MERGE_INTERRUPTION_DAYS.citation,
                parameters=(("peildatum", self.reference),),
            )
            return Explained(0, (ground,), Unit.DAYS)
        return Explained(self.value, self.case.grounds(), Unit.DAYS)


_new_sick_days: Callable[[type[SickDays], tuple[object, ...]], SickDays] = tuple.__new__


def counted_sick_days(absences: Iterable[Absence], reference: date) -> SickDays:
    """Counted sick days of the case current at ``reference``, up to and including it.

    Defined as: case = latest case with D ≤ reference; Σ sick days ≤ reference (BW 7:629
    lid 10). Zero when no case has started by ``reference``. One sick period is its own
    case, so it is counted without merging.
    """
    if type(reference) is not date:
        raise date_error("reference", reference)
    if (
        type(absences) is tuple
        and len(absences) == 1
        and type(absences[0]) is Absence
        and absences[0].kind is _SICK
    ):
        period = absences[0].period
        if period.start > reference:
            return _new_sick_days(SickDays, (None, reference, 0))
        days = period.days(reference)  # counted_days of a one-period case
        return _new_sick_days(SickDays, (_one_period(period), reference, days))
    case = case_at(absences, reference)
    if case is None:
        return _new_sick_days(SickDays, (None, reference, 0))
    return _new_sick_days(SickDays, (case, reference, case.counted_days(reference)))


__all__ = [
    "ONE_DAY",
    "Absence",
    "AbsenceKind",
    "SickDays",
    "SicknessCase",
    "case_at",
    "case_of",
    "counted_sick_days",
    "last_case",
    "merge_cases",
]
