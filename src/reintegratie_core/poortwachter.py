"""The Poortwachter timeline: the ten milestones of a sickness case (domein §3).

With *D* the first sick day and "end of week *N*" the date of the (7·N)-th counted sick
day ([`SicknessCase.day`][reintegratie_core.sickness.SicknessCase.day]), for one ongoing period ``D + 7N − 1``:

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

import enum
import functools
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import attrs

from reintegratie_core.dates import ONE_DAY, add_months
from reintegratie_core.errors import InvalidValueError
from reintegratie_core.explain import Citation, Explained, Ground, ParameterValue
from reintegratie_core.sickness import SicknessCase
from reintegratie_core.statutory import (
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
        day=728,
        after=0,
        rule="einde van week 104 (dag 728), plus 7 dagen per sanctieweek",
        citations=(
            Citation.statute("BW", "7:629 lid 1"),
            Citation.statute("BW", "7:629 lid 11"),
            Citation.statute("WIA", "25 lid 9"),
        ),
    ),
    Milestone.START_WIA: _Rule(
        day=728,
        after=1,
        rule="dag na het einde van de loondoorbetaling",
        citations=(Citation.statute("WIA", "23"),),
    ),
}

_SANCTION_MILESTONES = frozenset({Milestone.EINDE_LOONDOORBETALING, Milestone.START_WIA})


def check_sanction_weeks(weeks: int) -> int:
    """Validate a loonsanctie of ``weeks`` weeks: 0 ≤ weeks ≤ 52 (BW 7:629 lid 11)."""
    limit = MAX_SANCTION_WEEKS.value
    if not 0 <= weeks <= limit:
        msg = f"{weeks} sanctieweken: een loonsanctie duurt 0 tot en met {limit} weken"
        raise InvalidValueError(msg)
    return weeks


@functools.lru_cache(maxsize=1024)
def ongoing_offset(milestone: Milestone, sanction_weeks: int = 0) -> timedelta:
    """Days from *D* to ``milestone`` for one ongoing period (no known probleemanalyse).

    Defined as: (day − 1) + after + 7·s for the sanction milestones; e.g.
    ziekmelding_uwv = D + 294, einde_loondoorbetaling = D + 727 + 7·s.
    """
    check_sanction_weeks(sanction_weeks)
    rule = _RULES[milestone]
    extra = 7 * sanction_weeks if milestone in _SANCTION_MILESTONES else 0
    return timedelta(days=rule.day - 1 + rule.after + extra)


def ongoing_milestone_dates(
    first_days: list[date], milestone: Milestone, sanction_weeks: int = 0
) -> list[date]:
    """``milestone`` for many cases of one ongoing period each, in one call.

    Defined as: [D + ongoing_offset(milestone, s) for D in first_days] — the same dates
    as [`milestone_date`][reintegratie_core.poortwachter.milestone_date] per case (no probleemanalyse known).
    """
    offset = ongoing_offset(milestone, sanction_weeks)
    try:
        return [first + offset for first in first_days]
    except OverflowError:
        msg = f"{milestone.value} valt buiten het datumbereik"
        raise InvalidValueError(msg) from None


def _grounds(
    milestone: Milestone,
    case: SicknessCase,
    probleemanalyse: date | None,
    sanction_weeks: int,
) -> tuple[Ground, ...]:
    rule = _RULES[milestone]
    parameters: list[tuple[str, ParameterValue]] = [("eerste_ziektedag", case.first_day)]
    text = rule.rule
    if milestone is Milestone.PLAN_VAN_AANPAK and probleemanalyse is not None:
        text = "datum probleemanalyse + 14 dagen"
        parameters = [("datum_probleemanalyse", probleemanalyse), PLAN_VAN_AANPAK_DAYS.as_pair()]
    if milestone in _SANCTION_MILESTONES:
        parameters.append(WAGE_CONTINUATION_WEEKS.as_pair())
        parameters.append(("sanctieweken", sanction_weeks))
    grounds = [
        Ground(
            rule=text, citation=citation, parameters=tuple(parameters), rule_id="explain_milestone"
        )
        for citation in rule.citations
    ]
    if len(case.periods) > 1 or case.bridged_leave:
        grounds.extend(case.grounds())
    return tuple(grounds)


def milestone_date(
    case: SicknessCase | date,
    milestone: Milestone,
    probleemanalyse: date | None = None,
    sanction_weeks: int = 0,
) -> date | None:
    """The date of ``milestone`` for ``case`` (``None`` = not applicable, *n.v.t.*).

    Defined as: day(rule.day) + rule.after days (+ 7·s for the end of wage continuation
    and the start of the WIA); plan_van_aanpak = probleemanalyse + 14 days when known.
    A closed case that never reaches the rule's counted day gives ``None``. A plain
    ``date`` stands for one ongoing period from that first sick day (``D + offset``).
    """
    if milestone is Milestone.PLAN_VAN_AANPAK and probleemanalyse is not None:
        check_sanction_weeks(sanction_weeks)
        return probleemanalyse + timedelta(days=PLAN_VAN_AANPAK_DAYS.value)
    if isinstance(case, date):
        try:
            return case + ongoing_offset(milestone, sanction_weeks)
        except OverflowError:
            msg = f"{milestone.value} valt buiten het datumbereik"
            raise InvalidValueError(msg) from None
    check_sanction_weeks(sanction_weeks)
    rule = _RULES[milestone]
    day = case.day(rule.day)
    if day is None:
        return None
    extra = 7 * sanction_weeks if milestone in _SANCTION_MILESTONES else 0
    try:
        return day + timedelta(days=rule.after + extra)
    except OverflowError:
        msg = f"{milestone.value} valt buiten het datumbereik"
        raise InvalidValueError(msg) from None


def explain_milestone(
    case: SicknessCase | date,
    milestone: Milestone,
    probleemanalyse: date | None = None,
    sanction_weeks: int = 0,
) -> Explained[date | None]:
    """[`milestone_date`][reintegratie_core.poortwachter.milestone_date] with its grounds (rule, article, parameters)."""
    value = milestone_date(case, milestone, probleemanalyse, sanction_weeks)
    if isinstance(case, date):
        case = SicknessCase.ongoing(case)
    return Explained(value, _grounds(milestone, case, probleemanalyse, sanction_weeks))


@attrs.frozen
class TimelineEntry:
    """One milestone of a timeline with its date (``None``: n.v.t.) and grounds."""

    milestone: Milestone
    explained: Explained[date | None]

    @property
    def date(self) -> date | None:
        """The milestone's date, or ``None`` when not applicable."""
        return self.explained.value


def timeline(
    case: SicknessCase,
    probleemanalyse: date | None = None,
    sanction_weeks: int = 0,
) -> tuple[TimelineEntry, ...]:
    """All ten milestones of ``case`` in date order; not-applicable ones last.

    Ties keep the order of [`Milestone`][reintegratie_core.poortwachter.Milestone].
    """
    entries = [
        TimelineEntry(m, explain_milestone(case, m, probleemanalyse, sanction_weeks))
        for m in Milestone
    ]
    order = {m: i for i, m in enumerate(Milestone)}
    return tuple(
        sorted(
            entries,
            key=lambda e: (e.date is None, e.date or date.max, order[e.milestone]),
        )
    )


def remaining_weeks(
    case: SicknessCase, reference: date, sanction_weeks: int = 0
) -> Explained[Decimal | None]:
    """Weeks of wage continuation left after ``reference`` (2 decimals, never negative).

    Defined as: max(0, einde_loondoorbetaling − reference) / 7, in days from
    ``reference`` (exclusive) to einde_loondoorbetaling (inclusive), rounded half up to
    two decimals (BW 7:629 lid 1, 11). ``None`` when the case never reaches the end of
    wage continuation.
    """
    end = explain_milestone(case, Milestone.EINDE_LOONDOORBETALING, None, sanction_weeks)
    ground = Ground(
        rule="resterende weken = (einde loondoorbetaling − peildatum) / 7, niet negatief",
        citation=Citation.statute("BW", "7:629 lid 1"),
        parameters=(("peildatum", reference),),
        rule_id="remaining_weeks",
    )
    if end.value is None:
        return Explained(None, (*end.grounds, ground))
    days = max(0, (end.value - reference).days)
    weeks = (Decimal(days) / 7).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Explained(weeks, (*end.grounds, ground))


def relapse_prevention(first_sick_day: date, recovery: date) -> Explained[date | None]:
    """Terugvalpreventie: the Ontzorgmanager's contact date after a long absence (``002``).

    Defined as: when recovery > D + 3 months (sick longer than 3 months): contact on
    recovery + 6 months; otherwise not applicable (``None``). ``recovery`` is the first
    fully fit day.
    """
    if recovery <= first_sick_day:
        msg = (
            f"hersteldatum {recovery.isoformat()} ligt niet na de eerste ziektedag "
            f"{first_sick_day.isoformat()}"
        )
        raise InvalidValueError(msg)
    threshold = add_months(first_sick_day, RELAPSE_MIN_ABSENCE_MONTHS.value)
    parameters = (
        ("eerste_ziektedag", first_sick_day),
        ("hersteldatum", recovery),
        RELAPSE_MIN_ABSENCE_MONTHS.as_pair(),
        RELAPSE_CONTACT_MONTHS.as_pair(),
    )
    if recovery > threshold:
        ground = Ground(
            rule="langer dan 3 maanden ziek: contact 6 maanden na herstel",
            citation=RELAPSE_CONTACT_MONTHS.citation,
            parameters=parameters,
            rule_id="relapse_prevention",
        )
        return Explained(add_months(recovery, RELAPSE_CONTACT_MONTHS.value), (ground,))
    ground = Ground(
        rule="niet langer dan 3 maanden ziek: geen terugvalpreventie",
        citation=RELAPSE_MIN_ABSENCE_MONTHS.citation,
        parameters=parameters,
        rule_id="relapse_prevention",
    )
    return Explained(None, (ground,))


@attrs.frozen(kw_only=True)
class Signal:
    """The next milestone on or after a reference date and how far away it is."""

    milestone: Milestone
    date: date
    days_left: int
    due: bool


def next_milestone(
    entries: Iterable[TimelineEntry], reference: date, horizon_days: int | None = None
) -> Explained[Signal | None]:
    """The signal: the earliest milestone on or after ``reference`` (domein §3).

    Defined as: the first entry with date ≥ reference; days_left = date − reference;
    due when days_left ≤ horizon (default 14 days). ``None`` when no milestone is left.
    """
    horizon = SIGNAL_HORIZON_DAYS.value if horizon_days is None else horizon_days
    if horizon < 0:
        msg = f"horizon {horizon}: verwacht 0 of meer dagen"
        raise InvalidValueError(msg)
    upcoming = [e for e in entries if e.date is not None and e.date >= reference]
    ground = Ground(
        rule="eerstvolgende mijlpaal op of na de peildatum; signaal binnen de horizon",
        citation=SIGNAL_HORIZON_DAYS.citation,
        parameters=(("peildatum", reference), ("horizon_dagen", horizon)),
        rule_id="next_milestone",
    )
    if not upcoming:
        return Explained(None, (ground,))
    first = min(upcoming, key=lambda e: e.date or date.max)
    assert first.date is not None
    days_left = (first.date - reference).days
    signal = Signal(
        milestone=first.milestone, date=first.date, days_left=days_left, due=days_left <= horizon
    )
    return Explained(signal, (ground, *first.explained.grounds))


__all__ = [
    "MILESTONE_ALIASES",
    "ONE_DAY",
    "Milestone",
    "Signal",
    "TimelineEntry",
    "check_sanction_weeks",
    "explain_milestone",
    "milestone_date",
    "next_milestone",
    "ongoing_offset",
    "relapse_prevention",
    "remaining_weeks",
    "timeline",
]
