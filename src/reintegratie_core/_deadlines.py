"""Deadlines of obligations (domein §5 "Deadlines of obligations").

* Ziekmelding by the employer (``004`` art. 4.2 sanctions a late one: the
  poortwachtergarantie lapses, ``ziekmelding_te_laat``): no condition states a number of
  days, so the deadline is derived: the last day of the first sick week, ``D + 6``, because
  the Ontzorgmanager is deployed from the second sick week (``002`` «In het kort») and the
  law asks a timely report (Regeling procesgang art. 2 lid 1 "tijdig"). The explanation
  says it is derived.
* Plan van aanpak: probleemanalyse + 14 days (Regeling procesgang art. 4 lid 1; ``000``
  art. 3.2; ``001``/``004`` art. 4.1).
* Declaration of invoices: one month after the invoice was received (``003`` art. 2.5.2,
  2.6.2); payment by the insurer: one month after the declaration (same articles).
* Loonsanctie notice: five Atw working days after the UWV decision (``003`` art. 2.7.3;
  domein §8); working days exclude the gelijkgestelde dagen (Atw art. 3 lid 3,
  domain §8.1), and the explanation names those in the span, marking derived ones.

A deadline past 9999-12-31 is an error that names the argument to change.

Each function decides once and returns a [`Deadline`][reintegratie_core.Deadline]: the row of the table below that
applied, the date it started from, the length it used and the date it gave; the grounds are
rendered from it only when asked ([`Deadline.explain`][reintegratie_core.Deadline.explain]).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

import attrs

from reintegratie_core._atw import _add_working_days, span_grounds
from reintegratie_core._checks import count_error, date_error
from reintegratie_core._dates import _add_months
from reintegratie_core._errors import InvalidValueError, argument_error
from reintegratie_core._explain import (
    OUTSIDE_CALENDAR,
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    Unit,
    format_date,
)
from reintegratie_core._statutory import (
    DECLARATION_MONTHS,
    PAYMENT_MONTHS,
    PLAN_VAN_AANPAK_DAYS,
    SANCTION_NOTICE_WORKING_DAYS,
    SICK_REPORT_DAYS,
)

_ATW = Citation.statute("Algemene termijnenwet", "3")


class Term(NamedTuple):
    """One row of the deadline table: the rule, its articles, the names of its start date and
    of its length (``measure``), any ground that always comes with it, and whether it counts
    Atw working days (then the explanation names the gelijkgestelde dagen of the span)."""

    rule: str
    citations: tuple[Citation, ...]
    argument: str
    measure: str
    extra: tuple[Ground, ...] = ()
    working_days: bool = False
    #: The public function that applies this row (``Ground.rule_id``, for traceability).
    rule_id: str = ""
    #: What the length counts (days, months, working days), declared with its parameter.
    unit: Unit = Unit.NUMBER


SICK_REPORT = Term(
    rule=(
        "ziekmelden uiterlijk op de laatste dag van de eerste ziekteweek: de "
        "Ontzorgmanager wordt vanaf de tweede ziekteweek ingezet (afgeleid; de "
        "voorwaarden noemen geen aantal dagen)"
    ),
    citations=(SICK_REPORT_DAYS.citation,),
    argument="eerste_ziektedag",
    measure=SICK_REPORT_DAYS.name,
    unit=SICK_REPORT_DAYS.unit,
    extra=(
        Ground(
            rule="de werkgever meldt tijdig, zodat de bedrijfsarts binnen zes weken kan oordelen",
            citation=Citation.statute("Regeling procesgang eerste en tweede ziektejaar", "2"),
        ),
        Ground(
            rule=(
                "te laat ziekgemeld (ziekmelding_te_laat): de poortwachtergarantie voor deze "
                "medewerker vervalt"
            ),
            citation=Citation.seed("004", "4.2"),
        ),
    ),
    rule_id="sick_report_deadline",
)
PLAN_VAN_AANPAK = Term(
    rule="plan van aanpak binnen 2 weken na de probleemanalyse",
    citations=(
        PLAN_VAN_AANPAK_DAYS.citation,
        Citation.seed("000", "3.2"),
        Citation.seed("001", "4.1"),
        Citation.seed("004", "4.1"),
    ),
    argument="datum_probleemanalyse",
    measure=PLAN_VAN_AANPAK_DAYS.name,
    unit=PLAN_VAN_AANPAK_DAYS.unit,
    rule_id="plan_van_aanpak_deadline",
)
DECLARATION = Term(
    rule="declareren uiterlijk een maand na ontvangst van de nota",
    citations=(Citation.seed("003", "2.5.2"), Citation.seed("003", "2.6.2")),
    argument="ontvangst_nota",
    measure=DECLARATION_MONTHS.name,
    unit=DECLARATION_MONTHS.unit,
    rule_id="declaration_deadline",
)
PAYMENT = Term(
    rule="vergoeding binnen een maand na de declaratie",
    citations=(Citation.seed("003", "2.5.2"), Citation.seed("003", "2.6.2")),
    argument="datum_declaratie",
    measure=PAYMENT_MONTHS.name,
    unit=PAYMENT_MONTHS.unit,
    rule_id="payment_deadline",
)
SANCTION_NOTICE = Term(
    rule="melden binnen vijf werkdagen na het besluit van UWV",
    citations=(SANCTION_NOTICE_WORKING_DAYS.citation,),
    argument="datum_besluit",
    measure=SANCTION_NOTICE_WORKING_DAYS.name,
    unit=SANCTION_NOTICE_WORKING_DAYS.unit,
    working_days=True,
    rule_id="sanction_notice_deadline",
)
WORKING_DAYS = Term(
    rule=(
        "werkdagen: ma–vr zonder de algemeen erkende feestdagen, Goede Vrijdag en de "
        "bij koninklijk besluit gelijkgestelde dagen"
    ),
    citations=(_ATW,),
    argument="datum",
    measure="dagen",
    unit=Unit.WORKING_DAYS,
    working_days=True,
    rule_id="working_day",
)


class _Deadline(NamedTuple):
    """The fields of `Deadline`."""

    term: Term
    start: date
    length: int
    value: date


class Deadline(_Deadline, DecisionRecord[date]):
    """What a deadline rule decided: the row ([`Term`][reintegratie_core.Term]), the start date, its length in
    days, months or working days, and the deadline (``value``)."""

    __slots__ = ()

    def explain(self) -> Explained[date]:
        """The deadline with its rule, its articles and the values it used."""
        term = self.term
        parameters = ((term.argument, self.start), (term.measure, term.unit.of(self.length)))
        grounds = tuple(
            Ground(rule=term.rule, citation=c, parameters=parameters, rule_id=term.rule_id)
            for c in term.citations
        )
        extra = term.extra
        if term.working_days:
            span = span_grounds(self.start, self.value)
            # The count itself is the Atw rule: shown once, with the values it used.
            extra = span[1:] if term.citations == (_ATW,) else span
        extra = tuple(g if g.rule_id else attrs.evolve(g, rule_id=term.rule_id) for g in extra)
        return Explained(self.value, (*grounds, *extra))


_new: Callable[[type[Deadline], tuple[object, ...]], Deadline] = tuple.__new__
_PLAN_VAN_AANPAK_DELTA = timedelta(days=PLAN_VAN_AANPAK_DAYS.value)
_SICK_REPORT_DELTA = timedelta(days=SICK_REPORT_DAYS.value - 1)
#: The lengths, read once: a rule runs once per row of a lifted Excel call.
_SICK_REPORT_DAYS = SICK_REPORT_DAYS.value
_PLAN_VAN_AANPAK_DAYS = PLAN_VAN_AANPAK_DAYS.value
_DECLARATION_MONTHS = DECLARATION_MONTHS.value
_PAYMENT_MONTHS = PAYMENT_MONTHS.value
_SANCTION_NOTICE_DAYS = SANCTION_NOTICE_WORKING_DAYS.value


def _out_of_range(argument: str, start: date, amount: object, unit: str) -> InvalidValueError:
    msg = f"{format_date(start)} + {amount} {unit} {OUTSIDE_CALENDAR}"
    return argument_error(InvalidValueError, argument, msg)


def _named(argument: str, exc: InvalidValueError) -> InvalidValueError:
    """A step's result outside the date range, as an error naming ``argument``."""
    return argument_error(InvalidValueError, argument, str(exc))


def sick_report_deadline(first_sick_day: date) -> Deadline:
    """Latest date for the employer's sick report (ziekmelding) of a sick period.

    Defined as: first sick day + 6 days, the last day of the first sick week, so that the
    Ontzorgmanager can start in week 2 (``002`` «In het kort»); a later report is
    ``ziekmelding_te_laat`` (``004`` art. 4.2: the poortwachtergarantie lapses for that
    employee). Derived: the conditions name no number of days; the law asks "tijdig"
    (Regeling procesgang eerste en tweede ziektejaar art. 2, as the explanation cites it).
    """
    if type(first_sick_day) is not date:
        raise date_error("first_sick_day", first_sick_day)
    try:
        value = first_sick_day + _SICK_REPORT_DELTA
    except OverflowError:
        raise _out_of_range(
            "first_sick_day", first_sick_day, SICK_REPORT_DAYS.value - 1, "dagen"
        ) from None
    return _new(Deadline, (SICK_REPORT, first_sick_day, _SICK_REPORT_DAYS, value))


def plan_van_aanpak_deadline(probleemanalyse: date) -> Deadline:
    """Latest date for the plan van aanpak.

    Defined as: probleemanalyse + 14 days (Regeling procesgang art. 4 lid 1; ``000`` art.
    3.2; ``001`` art. 4.1; ``004`` art. 4.1).
    """
    if type(probleemanalyse) is not date:
        raise date_error("probleemanalyse", probleemanalyse)
    try:
        value = probleemanalyse + _PLAN_VAN_AANPAK_DELTA
    except OverflowError:
        days = _PLAN_VAN_AANPAK_DAYS
        raise _out_of_range("probleemanalyse", probleemanalyse, days, "dagen") from None
    return _new(Deadline, (PLAN_VAN_AANPAK, probleemanalyse, _PLAN_VAN_AANPAK_DAYS, value))


def declaration_deadline(invoice_received: date) -> Deadline:
    """Latest date to declare an invoice.

    Defined as: invoice received + 1 month (``003`` art. 2.5.2 and 2.6.2).
    """
    if type(invoice_received) is not date:
        raise date_error("invoice_received", invoice_received)
    try:
        value = _add_months(invoice_received, _DECLARATION_MONTHS)
    except InvalidValueError as exc:
        raise _named("invoice_received", exc) from None
    return _new(Deadline, (DECLARATION, invoice_received, _DECLARATION_MONTHS, value))


def payment_deadline(declared: date) -> Deadline:
    """Latest date the insurer pays a declaration.

    Defined as: declaration + 1 month (``003`` art. 2.5.2 and 2.6.2).
    """
    if type(declared) is not date:
        raise date_error("declared", declared)
    try:
        value = _add_months(declared, _PAYMENT_MONTHS)
    except InvalidValueError as exc:
        raise _named("declared", exc) from None
    return _new(Deadline, (PAYMENT, declared, _PAYMENT_MONTHS, value))


def sanction_notice_deadline(decision: date) -> Deadline:
    """Latest date to report a loonsanctie to the insurer.

    Defined as: UWV decision + 5 working days (Atw art. 3 calendar, with the gelijkgestelde
    dagen of art. 3 lid 3; ``003`` art. 2.7.3).
    """
    if type(decision) is not date:
        raise date_error("decision", decision)
    try:
        value = _add_working_days(decision, _SANCTION_NOTICE_DAYS)
    except InvalidValueError as exc:
        raise _named("decision", exc) from None
    return _new(Deadline, (SANCTION_NOTICE, decision, _SANCTION_NOTICE_DAYS, value))


def working_day(start: date, days: int) -> Deadline:
    """``start`` plus ``days`` Dutch working days (negative counts back).

    Defined as: the |days|-th working day after/before ``start`` (Algemene termijnenwet
    art. 3, with the gelijkgestelde dagen of lid 3; domein §1, §8.1).
    """
    if type(start) is not date:
        raise date_error("start", start)
    if type(days) is not int:
        raise count_error("days", days)
    try:
        value = _add_working_days(start, days)
    except InvalidValueError as exc:
        raise _named("days", exc) from None
    return _new(Deadline, (WORKING_DAYS, start, days, value))


__all__ = [
    "DECLARATION",
    "PAYMENT",
    "PLAN_VAN_AANPAK",
    "SANCTION_NOTICE",
    "SICK_REPORT",
    "WORKING_DAYS",
    "Deadline",
    "Term",
    "declaration_deadline",
    "payment_deadline",
    "plan_van_aanpak_deadline",
    "sanction_notice_deadline",
    "sick_report_deadline",
    "working_day",
]
