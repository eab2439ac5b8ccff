"""Deadlines of obligations (``spec/domain.md`` §5 "Deadlines of obligations").

* Plan van aanpak: probleemanalyse + 14 days (Regeling procesgang art. 4 lid 1; ``000``
  art. 3.2; ``001``/``004`` art. 4.1).
* Declaration of invoices: one month after the invoice was received (``003`` art. 2.5.2,
  2.6.2); payment by the insurer: one month after the declaration (same articles).
* Loonsanctie notice: five Atw working days after the UWV decision (``003`` art. 2.7.3;
  ``spec/domain.md`` §8).

Each function decides once and returns a :class:`Deadline`: the row of the table below that
applied, the date it started from, the length it used and the date it gave; the grounds are
rendered from it only when asked (:meth:`Deadline.explain`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from reintegratie_core.dates import add_months, add_working_days
from reintegratie_core.explain import Citation, Explained, Ground
from reintegratie_core.statutory import (
    DECLARATION_MONTHS,
    PAYMENT_MONTHS,
    PLAN_VAN_AANPAK_DAYS,
    SANCTION_NOTICE_WORKING_DAYS,
)

_ATW = Citation.statute("Algemene termijnenwet", "3")


class Term(NamedTuple):
    """One row of the deadline table: the rule, its articles, the names of its start date and
    of its length (``measure``), and any ground that always comes with it."""

    rule: str
    citations: tuple[Citation, ...]
    argument: str
    measure: str
    extra: tuple[Ground, ...] = ()


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
)
DECLARATION = Term(
    rule="declareren uiterlijk een maand na ontvangst van de nota",
    citations=(Citation.seed("003", "2.5.2"), Citation.seed("003", "2.6.2")),
    argument="ontvangst_nota",
    measure=DECLARATION_MONTHS.name,
)
PAYMENT = Term(
    rule="vergoeding binnen een maand na de declaratie",
    citations=(Citation.seed("003", "2.5.2"), Citation.seed("003", "2.6.2")),
    argument="datum_declaratie",
    measure=PAYMENT_MONTHS.name,
)
SANCTION_NOTICE = Term(
    rule="melden binnen vijf werkdagen na het besluit van UWV",
    citations=(SANCTION_NOTICE_WORKING_DAYS.citation,),
    argument="datum_besluit",
    measure=SANCTION_NOTICE_WORKING_DAYS.name,
    extra=(Ground(rule="werkdagen: ma–vr zonder de feestdagen van de Atw", citation=_ATW),),
)
WORKING_DAYS = Term(
    rule="werkdagen: ma–vr zonder de feestdagen van de Algemene termijnenwet",
    citations=(_ATW,),
    argument="datum",
    measure="dagen",
)


class Deadline(NamedTuple):
    """What a deadline rule decided: the row (:class:`Term`), the start date, its length in
    days, months or working days, and the deadline (``value``)."""

    term: Term
    start: date
    length: int
    value: date

    def explain(self) -> Explained[date]:
        """The deadline with its rule, its articles and the values it used."""
        term = self.term
        parameters = ((term.argument, self.start), (term.measure, self.length))
        grounds = tuple(
            Ground(rule=term.rule, citation=c, parameters=parameters) for c in term.citations
        )
        return Explained(self.value, (*grounds, *term.extra))


_new: Callable[[type[Deadline], tuple[object, ...]], Deadline] = tuple.__new__
_PLAN_VAN_AANPAK_DELTA = timedelta(days=PLAN_VAN_AANPAK_DAYS.value)


def plan_van_aanpak_deadline(probleemanalyse: date) -> Deadline:
    """Latest date for the plan van aanpak.

    Defined as:: probleemanalyse + 14 days (Regeling procesgang art. 4 lid 1; ``000`` art.
    3.2; ``001`` art. 4.1; ``004`` art. 4.1).
    """
    value = probleemanalyse + _PLAN_VAN_AANPAK_DELTA
    return _new(Deadline, (PLAN_VAN_AANPAK, probleemanalyse, PLAN_VAN_AANPAK_DAYS.value, value))


def declaration_deadline(invoice_received: date) -> Deadline:
    """Latest date to declare an invoice.

    Defined as:: invoice received + 1 month (``003`` art. 2.5.2 and 2.6.2).
    """
    months = DECLARATION_MONTHS.value
    value = add_months(invoice_received, months)
    return _new(Deadline, (DECLARATION, invoice_received, months, value))


def payment_deadline(declared: date) -> Deadline:
    """Latest date the insurer pays a declaration.

    Defined as:: declaration + 1 month (``003`` art. 2.5.2 and 2.6.2).
    """
    months = PAYMENT_MONTHS.value
    return _new(Deadline, (PAYMENT, declared, months, add_months(declared, months)))


def sanction_notice_deadline(decision: date) -> Deadline:
    """Latest date to report a loonsanctie to the insurer.

    Defined as:: UWV decision + 5 working days (Atw art. 3 calendar; ``003`` art. 2.7.3).
    """
    days = SANCTION_NOTICE_WORKING_DAYS.value
    value = add_working_days(decision, days)
    return _new(Deadline, (SANCTION_NOTICE, decision, days, value))


def working_day(start: date, days: int) -> Deadline:
    """``start`` plus ``days`` Dutch working days (negative counts back).

    Defined as:: the |days|-th working day after/before ``start`` (Algemene termijnenwet
    art. 3 holidays; ``spec/domain.md`` §1).
    """
    return _new(Deadline, (WORKING_DAYS, start, days, add_working_days(start, days)))
