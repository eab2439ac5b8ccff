"""The Poortwachter timeline: the ten milestones of a sickness case (domein §3).

With *D* the first sick day and "end of week *N*" the date of the (7·N)-th counted sick
day ([`SicknessCase.day`][reintegratie_core.SicknessCase.day]), for one ongoing period ``D + 7N − 1``:

| milestone | date | source |
|---|---|---|
| ontzorgmanager | first day of week 2 = day 8 (``D+7``) | ``002`` "vanaf de tweede ziekteweek" |
| probleemanalyse | end of week 6 (``D+41``) | Regeling procesgang art. 2 lid 2 |
| plan_van_aanpak | probleemanalyse + 14 days; unknown: end of week 8 (``D+55``) | Regeling procesgang art. 4 lid 1; ``000`` 3.2, ``001``/``004`` 4.1 |
| ziekmelding_uwv | day after the 294th counted day (``D+294``) | Ziektewet art. 38 lid 1; ``000`` 1.4 |
| eerstejaarsevaluatie | end of week 52 (``D+363``) | Regeling procesgang art. 4 lid 2 |
| uwv_wia_brief | end of week 89 (``D+622``) | WIA art. 64 lid 2 |
| reintegratieverslag | end of week 91 (``D+636``) | WIA art. 25 lid 3 |
| wia_aanvraag | end of week 93 (``D+650``) | WIA art. 64 lid 3 |
| einde_loondoorbetaling | end of week 104 (``D+727``) + 7·s days of loonsanctie | BW 7:629 lid 1 and 11; WIA 25 lid 9 |
| start_wia | day after einde_loondoorbetaling | WIA art. 23 |

Deadlines are not moved off weekends or holidays (the Algemene termijnenwet does not apply
to terms over 12 weeks nor to ministerial regulations).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

import attrs

from reintegratie_core._checks import case_error, count_error, date_error, member_error
from reintegratie_core._dates import ONE_DAY, _add_months
from reintegratie_core._errors import InvalidValueError, argument_error
from reintegratie_core._explain import (
    OUTSIDE_CALENDAR,
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    ParameterValue,
    Unit,
    format_date,
)
from reintegratie_core._sickness import SicknessCase, _day_offsets
from reintegratie_core._statutory import (
    MAX_SANCTION_WEEKS,
    PLAN_VAN_AANPAK_DAYS,
    RELAPSE_CONTACT_MONTHS,
    RELAPSE_MIN_ABSENCE_MONTHS,
    SIGNAL_HORIZON_DAYS,
    WAGE_CONTINUATION_WEEKS,
)


class Milestone(enum.Enum):
    """The ten milestones, with the codes of domein §3 as values."""

    ONTZORGMANAGER = "ontzorgmanager"
    PROBLEEMANALYSE = "probleemanalyse"
    PLAN_VAN_AANPAK = "plan_van_aanpak"
    ZIEKMELDING_UWV = "ziekmelding_uwv"
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie"
    UWV_WIA_BRIEF = "uwv_wia_brief"
    REINTEGRATIEVERSLAG = "reintegratieverslag"
    WIA_AANVRAAG = "wia_aanvraag"
    EINDE_LOONDOORBETALING = "einde_loondoorbetaling"
    START_WIA = "start_wia"


#: Aliases accepted for milestone codes (``spec/excel-functions.md``).
MILESTONE_ALIASES: dict[str, Milestone] = {
    "pva": Milestone.PLAN_VAN_AANPAK,
    "42e_week": Milestone.ZIEKMELDING_UWV,
    "42e_weeksmelding": Milestone.ZIEKMELDING_UWV,
    "42e_weekmelding": Milestone.ZIEKMELDING_UWV,
}

_PROCESGANG = "Regeling procesgang eerste en tweede ziektejaar"


@attrs.frozen(kw_only=True)
class _Rule:
    """How a milestone's date follows from the counted days: day ``day`` + ``after`` days."""

    day: int
    after: int
    rule: str
    citations: tuple[Citation, ...]


_RULES: dict[Milestone, _Rule] = {
    Milestone.ONTZORGMANAGER: _Rule(
        day=8,
        after=0,
        rule="eerste dag van de tweede ziekteweek (dag 8)",
        citations=(Citation.seed("002", "In het kort (vanaf de tweede ziekteweek)"),),
    ),
    Milestone.PROBLEEMANALYSE: _Rule(
        day=42,
        after=0,
        rule="einde van week 6 (dag 42)",
        citations=(Citation.statute(_PROCESGANG, "2 lid 2"),),
    ),
    Milestone.PLAN_VAN_AANPAK: _Rule(
        day=56,
        after=0,
        rule="zonder bekende probleemanalyse: einde van week 8 (dag 56)",
        citations=(
            Citation.statute(_PROCESGANG, "4 lid 1"),
            Citation.seed("000", "3.2"),
            Citation.seed("001", "4.1"),
            Citation.seed("004", "4.1"),
        ),
    ),
    Milestone.ZIEKMELDING_UWV: _Rule(
        day=294,
        after=1,
        rule="eerste dag nadat de ziekte 42 weken heeft geduurd (dag 294 + 1)",
        citations=(Citation.statute("Ziektewet", "38 lid 1"), Citation.seed("000", "1.4")),
    ),
    Milestone.EERSTEJAARSEVALUATIE: _Rule(
        day=364,
        after=0,
        rule="einde van week 52 (dag 364)",
        citations=(Citation.statute(_PROCESGANG, "4 lid 2"), Citation.seed("000", "3.4")),
    ),
    Milestone.UWV_WIA_BRIEF: _Rule(
        day=623,
        after=0,
        rule="einde van week 89 (dag 623): UWV stuurt het WIA-aanvraagformulier",
        citations=(Citation.statute("WIA", "64 lid 2"),),
    ),
    Milestone.REINTEGRATIEVERSLAG: _Rule(
        day=637,
        after=0,
        rule="einde van week 91 (dag 637)",
        citations=(Citation.statute("WIA", "25 lid 3"),),
    ),
    Milestone.WIA_AANVRAAG: _Rule(
        day=651,
        after=0,
        rule="einde van week 93 (dag 651)",
        citations=(Citation.statute("WIA", "64 lid 3"),),
    ),
    Milestone.EINDE_LOONDOORBETALING: _Rule(
        day=7 * WAGE_CONTINUATION_WEEKS.value,
        after=0,
        rule="einde van week 104 (dag 728), plus 7 dagen per sanctieweek",
        citations=(
            Citation.statute("BW", "7:629 lid 1"),
            Citation.statute("BW", "7:629 lid 11"),
            Citation.statute("WIA", "25 lid 9"),
        ),
    ),
    Milestone.START_WIA: _Rule(
        day=7 * WAGE_CONTINUATION_WEEKS.value,
        after=1,
        rule="dag na het einde van de loondoorbetaling",
        citations=(Citation.statute("WIA", "23"),),
    ),
}

_SANCTION_MILESTONES = frozenset({Milestone.EINDE_LOONDOORBETALING, Milestone.START_WIA})

#: The milestones in declaration order; a milestone's position indexes the tables below.
_MILESTONES: tuple[Milestone, ...] = tuple(Milestone)
#: Positions by the members' identity: an Enum member's hash runs Python code, and these
#: lookups run once per row of a lifted Excel call.
_POSITION: dict[int, int] = {id(m): i for i, m in enumerate(_MILESTONES)}
_PVA = _MILESTONES.index(Milestone.PLAN_VAN_AANPAK)
_PVA_DAYS = timedelta(days=PLAN_VAN_AANPAK_DAYS.value)
_END = _MILESTONES.index(Milestone.EINDE_LOONDOORBETALING)
_MAX_ORDINAL = date.max.toordinal()
_MAX_SANCTION = MAX_SANCTION_WEEKS.value
#: Each position's rule as (day, after), and whether a loonsanctie moves it: read by
#: position, without an Enum hash (the rules and their citations stay in ``_RULES``).
_DAY_AFTER_AT: tuple[tuple[int, int], ...] = tuple(
    (_RULES[m].day, _RULES[m].after) for m in _MILESTONES
)
_SANCTIONED_AT: tuple[bool, ...] = tuple(m in _SANCTION_MILESTONES for m in _MILESTONES)
#: The distinct day numbers (rule.day) of the milestones, ascending, and per position the
#: index of its own among them: `milestone_days` walks a case's periods once for all.
_NTHS: tuple[int, ...] = tuple(sorted({day for day, _after in _DAY_AFTER_AT}))
_NTH_AT: tuple[int, ...] = tuple(_NTHS.index(day) for day, _after in _DAY_AFTER_AT)
#: Per number of sanction weeks (0 … 52): each position's days after its day number,
#: ``after`` (+ 7·s where a loonsanctie moves it).
_AFTER_DAYS: tuple[tuple[int, ...], ...] = tuple(
    tuple(
        after + (7 * s if sanctioned else 0)
        for (_day, after), sanctioned in zip(_DAY_AFTER_AT, _SANCTIONED_AT, strict=True)
    )
    for s in range(MAX_SANCTION_WEEKS.value + 1)
)


def check_sanction_weeks(weeks: int, *, minimum: int = 0, name: str = "weeks") -> int:
    """Validate a loonsanctie of ``weeks`` weeks: the one check of the 52-week limit.

    Defined as: weeks is a whole number and minimum ≤ weeks ≤ 52 (BW 7:629 lid 11; ``003``
    art. 2.7.1 restates it); ``minimum`` is 0 for the timeline, 1 for a compensation;
    otherwise an error naming ``name``, the caller's parameter the weeks came in as (by
    default ``weeks``, this function's own), as [`money`][reintegratie_core.money]'s do.
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        msg = f"{weeks!r} is geen geheel aantal weken"
        raise argument_error(TypeError, name, msg)
    if type(minimum) is not int:
        raise count_error("minimum", minimum)
    limit = MAX_SANCTION_WEEKS.value
    if not minimum <= weeks <= limit:
        msg = (
            f"{weeks} ligt buiten {minimum} t/m {limit} (een loonsanctie duurt "
            f"ten hoogste {limit} weken, BW 7:629 lid 11)"
        )
        raise argument_error(InvalidValueError, name, msg)
    return weeks


def _offsets(sanction_weeks: int) -> tuple[int, ...]:
    """Days from *D* to each milestone for one ongoing period: (day − 1) + after (+ 7·s)."""
    return tuple(
        rule.day - 1 + rule.after + (7 * sanction_weeks if m in _SANCTION_MILESTONES else 0)
        for m, rule in ((m, _RULES[m]) for m in _MILESTONES)
    )


#: Per number of sanction weeks (0 … 52): each milestone's offset from *D* for one ongoing
#: period, as days and as a ``timedelta``, and the offsets sorted with their positions.
_OFFSET_DAYS: tuple[tuple[int, ...], ...] = tuple(
    _offsets(s) for s in range(MAX_SANCTION_WEEKS.value + 1)
)
_OFFSETS: tuple[tuple[timedelta, ...], ...] = tuple(
    tuple(timedelta(days=d) for d in days) for days in _OFFSET_DAYS
)


def _in_date_order(days: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The offsets sorted, and the milestones' positions in that order (ties: enum order)."""
    order = sorted(range(len(days)), key=lambda i: (days[i], i))
    return tuple(days[i] for i in order), tuple(order)


_SORTED = tuple(_in_date_order(days) for days in _OFFSET_DAYS)
_COUNT = len(_MILESTONES)
_bisect_left = bisect.bisect_left


def _out_of_range(milestone: Milestone, source: str = "case") -> InvalidValueError:
    """A milestone past 9999-12-31, naming the input its date counts from (``case``, or
    ``probleemanalyse`` for the plan van aanpak after a known probleemanalyse): the value
    to fix (issue 13 bug 4)."""
    return argument_error(InvalidValueError, source, f"{milestone.value} {OUTSIDE_CALENDAR}")


def _check_probleemanalyse(case: SicknessCase, probleemanalyse: date) -> None:
    """A probleemanalyse cannot precede the case it analyses (domein §8.1)."""
    if probleemanalyse < case.periods[0].start:
        msg = (
            f"{format_date(probleemanalyse)} ligt vóór de "
            f"eerste ziektedag {format_date(case.first_day)}"
        )
        raise argument_error(InvalidValueError, "probleemanalyse", msg)


def _date(
    case: SicknessCase, position: int, probleemanalyse: date | None, sanction_weeks: int
) -> date | None:
    """The one rule: milestone ``position``'s date for ``case`` (``None``: n.v.t.).

    Defined as: plan_van_aanpak with a known probleemanalyse: pa + 14 days, n.v.t. when a
    closed case ends before it (domain §8.1); otherwise day(rule.day) + rule.after
    (+ 7·s), n.v.t. when a closed case has fewer sick days. For one ongoing period
    day(n) = D + n − 1, so the date is D + offset.
    """
    if position == _PVA and probleemanalyse is not None:
        try:
            value = probleemanalyse + _PVA_DAYS
        except OverflowError:
            raise _out_of_range(_MILESTONES[position], "probleemanalyse") from None
        last = case.periods[-1].end
        return None if last is not None and value >= last else value
    periods = case.periods
    if len(periods) == 1 and periods[0].end is None:
        try:
            return periods[0].start + _OFFSETS[sanction_weeks][position]
        except OverflowError:
            raise _out_of_range(_MILESTONES[position]) from None
    try:
        day = case.day(_DAY_AFTER_AT[position][0])
    except InvalidValueError:  # the counted sick day itself lies past 31-12-9999
        raise _out_of_range(_MILESTONES[position]) from None
    if day is None:
        return None
    try:
        return day + timedelta(days=_AFTER_DAYS[sanction_weeks][position])
    except OverflowError:
        raise _out_of_range(_MILESTONES[position]) from None


def _grounds(
    milestone: Milestone,
    case: SicknessCase,
    probleemanalyse: date | None,
    sanction_weeks: int,
    value: date | None,
) -> tuple[Ground, ...]:
    rule = _RULES[milestone]
    parameters: list[tuple[str, ParameterValue]] = [("eerste_ziektedag", case.first_day)]
    text = rule.rule
    if milestone is Milestone.PLAN_VAN_AANPAK and probleemanalyse is not None:
        text = "datum probleemanalyse + 14 dagen"
        parameters = [("datum_probleemanalyse", probleemanalyse), PLAN_VAN_AANPAK_DAYS.as_pair()]
    if milestone in _SANCTION_MILESTONES:
        parameters.append(WAGE_CONTINUATION_WEEKS.as_pair())
        parameters.append(("sanctieweken", Unit.WEEKS.of(sanction_weeks)))
    grounds = [
        Ground(rule=text, citation=citation, parameters=tuple(parameters), rule_id="milestone_date")
        for citation in rule.citations
    ]
    if value is None and not case.is_open:
        last = case.last_day
        assert last is not None
        grounds.append(
            Ground(
                rule="een afgesloten ziektegeval dat deze mijlpaal niet bereikt: n.v.t.",
                citation=CLOSED_CASE_CITATION,
                parameters=(("laatste_ziektedag", last),),
                rule_id="milestone_date",
            )
        )
    if len(case.periods) > 1 or case.bridged_leave:
        grounds.extend(case.grounds())
    return tuple(grounds)


#: domain §8.1: a closed case with a known probleemanalyse date.
CLOSED_CASE_CITATION = Citation.decision("§8.1 (afgesloten ziektegeval)")


class _MilestoneDate(NamedTuple):
    """The fields of `MilestoneDate`."""

    milestone: Milestone
    case: SicknessCase
    probleemanalyse: date | None
    sanction_weeks: int
    value: date | None


class MilestoneDate(_MilestoneDate, DecisionRecord[date | None]):
    """What the milestone rule decided for one case: which row of the table applied, with
    which values, and the date it gave (``value``; ``None`` = n.v.t.).

    A tuple, so that deciding costs one allocation: a lifted Excel call decides once per
    row. The explanation is rendered from these fields only when asked (`explain`).
    """

    __slots__ = ()

    def explain(self) -> Explained[date | None]:
        """The date with its grounds: the rule, its articles and the values it used."""
        grounds = _grounds(
            self.milestone, self.case, self.probleemanalyse, self.sanction_weeks, self.value
        )
        return Explained(self.value, grounds)


_new_milestone_date: Callable[[type[MilestoneDate], tuple[object, ...]], MilestoneDate]
_new_milestone_date = tuple.__new__


def milestone_date(
    case: SicknessCase,
    milestone: Milestone,
    probleemanalyse: date | None = None,
    sanction_weeks: int = 0,
) -> MilestoneDate:
    """The date of ``milestone`` for ``case``, decided once (``.value``; ``None`` = n.v.t.).

    Defined as: day(rule.day) + rule.after days (+ 7·s for the end of wage continuation
    and the start of the WIA); plan_van_aanpak = probleemanalyse + 14 days when known.
    A closed case that never reaches the milestone gives n.v.t., with or without a known
    probleemanalyse; a probleemanalyse before the first sick day is an error naming
    ``datum_probleemanalyse`` (domein §3, §8.1).
    """
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if type(milestone) is not Milestone:
        raise member_error("milestone", milestone, Milestone)
    if probleemanalyse is not None and type(probleemanalyse) is not date:
        raise date_error("probleemanalyse", probleemanalyse)
    if type(sanction_weeks) is not int or not 0 <= sanction_weeks <= _MAX_SANCTION:
        check_sanction_weeks(sanction_weeks, name="sanction_weeks")
    return _milestone_date(case, milestone, probleemanalyse, sanction_weeks)


def _milestone_date(
    case: SicknessCase, milestone: Milestone, probleemanalyse: date | None, sanction_weeks: int
) -> MilestoneDate:
    """The rule of [`milestone_date`][reintegratie_core.milestone_date], its arguments checked by the caller."""
    periods = case.periods
    value: date | None
    if probleemanalyse is None and len(periods) == 1 and periods[0].end is None:
        try:  # one ongoing period: _date's D + offset, inline (once per lifted row)
            value = periods[0].start + _OFFSETS[sanction_weeks][_POSITION[id(milestone)]]
        except OverflowError:
            raise _out_of_range(milestone) from None
    else:
        if probleemanalyse is not None:
            _check_probleemanalyse(case, probleemanalyse)
        value = _date(case, _POSITION[id(milestone)], probleemanalyse, sanction_weeks)
    return _new_milestone_date(
        MilestoneDate, (milestone, case, probleemanalyse, sanction_weeks, value)
    )


def milestone_days(
    case: SicknessCase, probleemanalyse: date | None = None, sanction_weeks: int = 0
) -> list[int | None]:
    """Every milestone's date as a day number (``date.toordinal``), in [`Milestone`][reintegratie_core.Milestone]
    order; ``None`` = n.v.t. The same rule as [`milestone_date`][reintegratie_core.milestone_date], for all ten at once.
    """
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if probleemanalyse is not None and type(probleemanalyse) is not date:
        raise date_error("probleemanalyse", probleemanalyse)
    if type(sanction_weeks) is not int or not 0 <= sanction_weeks <= _MAX_SANCTION:
        check_sanction_weeks(sanction_weeks, name="sanction_weeks")
    if probleemanalyse is not None:
        _check_probleemanalyse(case, probleemanalyse)
    periods = case.periods
    if len(periods) == 1 and periods[0].end is None:
        base = periods[0].start.toordinal()
        days: list[int | None] = [base + offset for offset in _OFFSET_DAYS[sanction_weeks]]
        if probleemanalyse is not None:
            days[_PVA] = probleemanalyse.toordinal() + _PVA_DAYS.days
        if base + _OFFSET_DAYS[sanction_weeks][-1] > _MAX_ORDINAL:
            msg = f"een mijlpaal {OUTSIDE_CALENDAR}"
            raise argument_error(InvalidValueError, "case", msg)
        return days
    # More periods: the case's day numbers of all milestones in one walk (`day_offsets`),
    # then _date's day(n) + after (+ 7·s) per milestone, as day numbers.
    found = _day_offsets(case.periods, _NTHS)
    after = _AFTER_DAYS[sanction_weeks]
    result: list[int | None] = []
    for position in range(_COUNT):
        if position == _PVA and probleemanalyse is not None:
            when = _date(case, position, probleemanalyse, sanction_weeks)
            result.append(None if when is None else when.toordinal())
            continue
        hit = found[_NTH_AT[position]]
        if hit is None:
            result.append(None)
            continue
        value = hit[0].toordinal() + hit[1] + after[position]
        if value > _MAX_ORDINAL:  # past 9999-12-31: _date raises the error that says which
            _date(case, position, probleemanalyse, sanction_weeks)
        result.append(value)
    return result


def timeline(
    case: SicknessCase,
    probleemanalyse: date | None = None,
    sanction_weeks: int = 0,
) -> tuple[MilestoneDate, ...]:
    """All ten milestones of ``case`` in date order; not-applicable ones last.

    Ties keep the order of [`Milestone`][reintegratie_core.Milestone].
    """
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if probleemanalyse is not None and type(probleemanalyse) is not date:
        raise date_error("probleemanalyse", probleemanalyse)
    if type(sanction_weeks) is not int or not 0 <= sanction_weeks <= _MAX_SANCTION:
        check_sanction_weeks(sanction_weeks, name="sanction_weeks")
    entries = [_milestone_date(case, m, probleemanalyse, sanction_weeks) for m in _MILESTONES]
    return tuple(
        sorted(
            entries,
            key=lambda e: (e.value is None, e.value or date.max, _POSITION[id(e.milestone)]),
        )
    )


def _weeks(days: int) -> Decimal:
    return (Decimal(days) / 7).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


#: The longest wage continuation in days: 104 weeks plus 52 weeks of loonsanctie.
_LONGEST = 7 * (WAGE_CONTINUATION_WEEKS.value + MAX_SANCTION_WEEKS.value)
#: ``weeks_of`` for 0 … ``_LONGEST`` days, the remaining weeks of a case from its first day
#: on: a table built once from the one formula, read per row (a lifted Excel call).
_WEEKS: tuple[Decimal, ...] = tuple(map(_weeks, range(_LONGEST + 1)))


def weeks_of(days: int) -> Decimal:
    """``days`` as weeks, rounded half up to two decimals: days / 7."""
    if type(days) is not int:
        raise count_error("days", days)
    if 0 <= days <= _LONGEST:
        return _WEEKS[days]
    try:
        return _weeks(days)
    except InvalidOperation:  # more digits than the decimal context holds
        msg = f"{days} dagen is te groot om in weken om te rekenen"
        raise argument_error(InvalidValueError, "days", msg) from None


#: The sick days of wage continuation without a loonsanctie: 104 weeks (BW 7:629 lid 1).
_WAGE_DAYS = 7 * WAGE_CONTINUATION_WEEKS.value
_WEEK = timedelta(days=7)


def _days_left(case: SicknessCase, end: date, reference: date, sanction_weeks: int) -> int:
    """The one rule of wage continuation left: days of it still to come after ``reference``.

    Defined as: with *w* = end − 7·s, the 728th counted sick day (end of week 104),

    ```text
    days = 728 − counted_days(reference) + 7·s     when reference < w
         = max(0, end − reference)                 otherwise
    ```

    Only sick days count towards the 104 weeks (BW 7:629 lid 1; with samentelling, lid
    10): days before the first sick day and interruption or leave days after ``reference``
    are no wage continuation still to come; the s weeks of a loonsanctie are calendar weeks
    after week 104 (lid 11). So 0 ≤ days ≤ 7·(104 + s), and days never grows with
    ``reference``. For one period from *D* on and reference ≥ D − 1 this is end − reference.
    """
    periods = case.periods
    if len(periods) == 1:  # every day from D on counts: end − max(reference, D − 1), ≥ 0
        start = periods[0].start
        if reference < start:
            return (end - start).days + 1
        return (end - reference).days if reference < end else 0
    if reference >= end:
        return 0
    last_counted = end - _WEEK * sanction_weeks
    if reference >= last_counted:
        return (end - reference).days
    return _WAGE_DAYS - case.counted_days(reference) + 7 * sanction_weeks


class _RemainingWeeks(NamedTuple):
    """The fields of `RemainingWeeks`."""

    case: SicknessCase
    sanction_weeks: int
    end: date | None
    reference: date
    value: Decimal | None


class RemainingWeeks(_RemainingWeeks, DecisionRecord[Decimal | None]):
    """What the remaining-weeks rule decided: the case and sanction weeks, the end of wage
    continuation it used (``end``), the reference date, and the weeks left (``value``;
    ``None`` when the case never reaches the end).
    """

    __slots__ = ()

    def explain(self) -> Explained[Decimal | None]:
        """The weeks with the grounds of the end of wage continuation and of this rule."""
        end = MilestoneDate(
            Milestone.EINDE_LOONDOORBETALING, self.case, None, self.sanction_weeks, self.end
        )
        parameters: tuple[tuple[str, ParameterValue], ...] = (("peildatum", self.reference),)
        if self.value is not None:  # the decided weeks are days / 7 to 2 decimals: exact back
            days = int((self.value * 7).to_integral_value())
            parameters = (*parameters, ("resterende_dagen", Unit.DAYS.of(days)))
        ground = Ground(
            rule=f"resterende weken = {_REMAINING_RULE} / 7",
            citation=Citation.statute("BW", "7:629 lid 1"),
            parameters=parameters,
            rule_id="remaining_weeks",
        )
        return Explained(self.value, (*end.explain().grounds, ground), Unit.WEEKS)


_new_remaining: Callable[[type[RemainingWeeks], tuple[object, ...]], RemainingWeeks]
_new_remaining = tuple.__new__


#: How an explanation states the remaining days (the rule of ``_days_left``), in Dutch.
_REMAINING_RULE = (
    "(de nog niet gebruikte ziektedagen van de 104 weken + de sanctiedagen na de peildatum; "
    "onderbrekingen en dagen vóór de eerste ziektedag tellen niet)"
)


def remaining_weeks(case: SicknessCase, reference: date, sanction_weeks: int = 0) -> RemainingWeeks:
    """Weeks of wage continuation left after ``reference`` (2 decimals): the sick weeks of
    the 104 not yet used, plus the sanction weeks not yet passed.

    Defined as: days / 7, rounded half up to two decimals, where, with *w* = the 728th
    counted sick day (end of week 104) and *s* sanction weeks,

    ```text
    days = 728 − counted_days(reference) + 7·s     when reference < w
         = max(0, einde_loondoorbetaling − reference)   otherwise
    ```

    Only sick days use up the 104 weeks (BW 7:629 lid 1; periods less than four weeks
    apart count together, lid 10), and a loonsanctie adds *s* calendar weeks after week 104
    (lid 11). So the weeks lie in 0 … 104 + s and never grow with ``reference``: before the
    first sick day all 104 + s remain, and an interruption after ``reference`` is not
    counted as wage continuation. For one period from *D* on this is the calendar days
    from ``reference`` (exclusive) to einde_loondoorbetaling (inclusive). ``None`` when the
    case never reaches the end of wage continuation.
    """
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if type(reference) is not date:
        raise date_error("reference", reference)
    if type(sanction_weeks) is not int or not 0 <= sanction_weeks <= _MAX_SANCTION:
        check_sanction_weeks(sanction_weeks, name="sanction_weeks")
    periods = case.periods
    end: date | None
    if len(periods) == 1 and periods[0].end is None:
        try:  # one ongoing period: _date's D + offset, inline (once per lifted row)
            end = periods[0].start + _OFFSETS[sanction_weeks][_END]
        except OverflowError:
            raise _out_of_range(Milestone.EINDE_LOONDOORBETALING) from None
    else:
        end = _date(case, _END, None, sanction_weeks)
    value = None if end is None else _WEEKS[_days_left(case, end, reference, sanction_weeks)]
    return _new_remaining(RemainingWeeks, (case, sanction_weeks, end, reference, value))


class _RelapsePrevention(NamedTuple):
    """The fields of `RelapsePrevention`."""

    first_sick_day: date
    recovery: date
    value: date | None
    case: SicknessCase | None = None


class RelapsePrevention(_RelapsePrevention, DecisionRecord[date | None]):
    """What the terugvalpreventie rule decided: the first sick day and the recovery date it
    compared, the contact date (``value``; ``None`` = n.v.t.) and, when the first sick day
    is that of a case of several periods, the case (whose grounds then join the
    explanation). The grounds are rendered when asked (`explain`)."""

    __slots__ = ()

    def explain(self) -> Explained[date | None]:
        """The contact date with the rule's ground (and the case's, for several periods)."""
        parameters = (
            ("eerste_ziektedag", self.first_sick_day),
            ("hersteldatum", self.recovery),
            RELAPSE_MIN_ABSENCE_MONTHS.as_pair(),
            RELAPSE_CONTACT_MONTHS.as_pair(),
        )
        if self.value is not None:
            ground = Ground(
                rule="langer dan 3 maanden ziek: contact 6 maanden na herstel",
                citation=RELAPSE_CONTACT_MONTHS.citation,
                parameters=parameters,
                rule_id="relapse_prevention",
            )
        else:
            ground = Ground(
                rule="niet langer dan 3 maanden ziek: geen terugvalpreventie",
                citation=RELAPSE_MIN_ABSENCE_MONTHS.citation,
                parameters=parameters,
                rule_id="relapse_prevention",
            )
        case = self.case
        if case is not None and (len(case.periods) > 1 or case.bridged_leave):
            return Explained(self.value, (*case.grounds(), ground))  # domain §8.1
        return Explained(self.value, (ground,))


_new_relapse: Callable[[type[RelapsePrevention], tuple[object, ...]], RelapsePrevention]
_new_relapse = tuple.__new__
_RELAPSE_MIN_MONTHS = RELAPSE_MIN_ABSENCE_MONTHS.value
_RELAPSE_CONTACT_MONTHS = RELAPSE_CONTACT_MONTHS.value


def relapse_prevention(
    first_sick_day: date, recovery: date, case: SicknessCase | None = None
) -> RelapsePrevention:
    """Terugvalpreventie: the Ontzorgmanager's contact date after a long absence (``002``).

    Defined as: when recovery > D + 3 months (sick longer than 3 months): contact on
    recovery + 6 months; otherwise not applicable (``None``). ``recovery`` is the first
    fully fit day. ``case``, when given, is the sickness case ``first_sick_day`` opens
    (domain §8.1: measured from the case's first day); its grounds join the explanation.
    """
    if type(first_sick_day) is not date:
        raise date_error("first_sick_day", first_sick_day)
    if type(recovery) is not date:
        raise date_error("recovery", recovery)
    if case is not None and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    return _relapse_prevention(first_sick_day, recovery, case)


def _relapse_prevention(
    first_sick_day: date, recovery: date, case: SicknessCase | None = None
) -> RelapsePrevention:
    """The rule of [`relapse_prevention`][reintegratie_core.relapse_prevention], its arguments checked by the caller."""
    if recovery <= first_sick_day:
        reason = (
            f"{format_date(recovery)} ligt niet na de eerste ziektedag "
            f"{format_date(first_sick_day)}"
        )
        raise argument_error(InvalidValueError, "recovery", reason)
    value = None
    if recovery > _add_months(first_sick_day, _RELAPSE_MIN_MONTHS):
        value = _add_months(recovery, _RELAPSE_CONTACT_MONTHS)
    return _new_relapse(RelapsePrevention, (first_sick_day, recovery, value, case))


class Signal(NamedTuple):
    """The next milestone on or after a reference date and how far away it is."""

    milestone: Milestone
    date: date
    days_left: int
    due: bool


class _NextMilestone(NamedTuple):
    """The fields of `NextMilestone`."""

    case: SicknessCase
    reference: date
    horizon: int
    probleemanalyse: date | None
    sanction_weeks: int
    value: Signal | None


class NextMilestone(_NextMilestone, DecisionRecord[Signal | None]):
    """What the signal rule decided for one case on a reference date: the milestone it
    chose (``value``; ``None`` when none is left or the employee has recovered) and the
    values it used; the grounds are rendered when asked (`explain`).
    """

    __slots__ = ()

    def explain(self) -> Explained[Signal | None]:
        """The signal with the signal rule's ground and the chosen milestone's grounds."""
        ground = Ground(
            rule="eerstvolgende mijlpaal op of na de peildatum; signaal binnen de horizon",
            citation=SIGNAL_HORIZON_DAYS.citation,
            parameters=(
                ("peildatum", self.reference),
                ("horizon_dagen", Unit.DAYS.of(self.horizon)),
            ),
            rule_id="next_milestone",
        )
        signal = self.value
        if signal is None:
            last = self.case.last_day
            if last is not None and self.reference > last:
                recovered = Ground(
                    rule="hersteld vóór de peildatum: geen signaal",
                    citation=CLOSED_CASE_CITATION,
                    parameters=(("laatste_ziektedag", last),),
                    rule_id="next_milestone",
                )
                return Explained(None, (ground, recovered))
            return Explained(None, (ground,))
        milestone = _grounds(
            signal.milestone, self.case, self.probleemanalyse, self.sanction_weeks, signal.date
        )
        return Explained(signal, (ground, *milestone))


_new_next: Callable[[type[NextMilestone], tuple[object, ...]], NextMilestone]
_new_next = tuple.__new__
_new_signal: Callable[[type[Signal], tuple[object, ...]], Signal] = tuple.__new__
_HORIZON = SIGNAL_HORIZON_DAYS.value


def check_horizon(horizon_days: int | None) -> int:
    """The signal horizon in days: ``None`` is the default (14, domain §3); below 0 is an error."""
    horizon = SIGNAL_HORIZON_DAYS.value if horizon_days is None else horizon_days
    if isinstance(horizon, bool) or not isinstance(horizon, int):
        msg = f"verwacht een geheel aantal dagen (int), kreeg {horizon!r}"
        raise argument_error(TypeError, "horizon_days", msg)
    if horizon < 0:
        reason = f"horizon {horizon}: verwacht 0 of meer dagen"
        raise argument_error(InvalidValueError, "horizon_days", reason)
    return horizon


def _check_arguments(case: object, *dates: tuple[str, object, bool]) -> None:
    """The precise error for a wrong-typed ``case`` or date argument (``dates``: name,
    value, optional); passes a subclass of ``SicknessCase``."""
    if not isinstance(case, SicknessCase):
        raise case_error("case", case)
    for name, value, optional in dates:
        if not (optional and value is None) and type(value) is not date:
            raise date_error(name, value)


def next_milestone(
    case: SicknessCase,
    reference: date,
    horizon_days: int | None = None,
    probleemanalyse: date | None = None,
    sanction_weeks: int = 0,
) -> NextMilestone:
    """The signal: the earliest milestone on or after ``reference`` (domein §3).

    Defined as: the first milestone (in date order, ties in [`Milestone`][reintegratie_core.Milestone] order) with
    date ≥ reference; days_left = date − reference; due when days_left ≤ horizon (default
    14 days). ``None`` when no milestone is left, and for a closed case whose last sick day
    lies before ``reference``: no signal for a recovered employee (domain §8.1).
    """
    if (
        type(case) is not SicknessCase
        or type(reference) is not date
        or (probleemanalyse is not None and type(probleemanalyse) is not date)
    ):
        _check_arguments(
            case, ("reference", reference, False), ("probleemanalyse", probleemanalyse, True)
        )
    horizon = _HORIZON if horizon_days is None else horizon_days
    if type(horizon) is not int or horizon < 0:
        check_horizon(horizon)
    if type(sanction_weeks) is not int or not 0 <= sanction_weeks <= _MAX_SANCTION:
        check_sanction_weeks(sanction_weeks, name="sanction_weeks")
    if probleemanalyse is not None:
        _check_probleemanalyse(case, probleemanalyse)
    periods = case.periods
    last = periods[-1].end
    position = -1
    when: date | None = None
    if last is not None and reference >= last:
        pass  # recovered on the reference date: no signal
    elif len(periods) == 1 and last is None and probleemanalyse is None:
        # One ongoing period: the offsets are fixed, so the first one at or after
        # reference − D is found by bisection.
        offsets, positions = _SORTED[sanction_weeks]
        start = periods[0].start
        index = _bisect_left(offsets, (reference - start).days)
        if index < _COUNT:
            position = positions[index]
            try:
                when = start + _OFFSETS[sanction_weeks][position]
            except OverflowError:
                raise _out_of_range(_MILESTONES[position]) from None
    else:
        for candidate in range(len(_MILESTONES)):
            day = _date(case, candidate, probleemanalyse, sanction_weeks)
            if day is not None and day >= reference and (when is None or day < when):
                position, when = candidate, day
    signal = None
    if when is not None:
        days_left = (when - reference).days
        signal = _new_signal(Signal, (_MILESTONES[position], when, days_left, days_left <= horizon))
    return _new_next(
        NextMilestone, (case, reference, horizon, probleemanalyse, sanction_weeks, signal)
    )


__all__ = [
    "CLOSED_CASE_CITATION",
    "MILESTONE_ALIASES",
    "ONE_DAY",
    "Milestone",
    "MilestoneDate",
    "NextMilestone",
    "RelapsePrevention",
    "RemainingWeeks",
    "Signal",
    "check_horizon",
    "check_sanction_weeks",
    "milestone_date",
    "milestone_days",
    "next_milestone",
    "relapse_prevention",
    "remaining_weeks",
    "timeline",
    "weeks_of",
]
