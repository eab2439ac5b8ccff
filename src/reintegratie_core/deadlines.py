"""Deadlines of obligations (domein §5 "Deadlines of obligations").

* Plan van aanpak: probleemanalyse + 14 days (Regeling procesgang art. 4 lid 1; ``000``
  art. 3.2; ``001``/``004`` art. 4.1).
* Declaration of invoices: one month after the invoice was received (``003`` art. 2.5.2,
  2.6.2); payment by the insurer: one month after the declaration (same articles).
* Loonsanctie notice: five Atw working days after the UWV decision (``003`` art. 2.7.3;
  domein §8).
"""

from __future__ import annotations

from datetime import date, timedelta

from reintegratie_core.dates import add_months, add_working_days
from reintegratie_core.explain import Citation, Explained, Ground
from reintegratie_core.statutory import (
    DECLARATION_MONTHS,
    PAYMENT_MONTHS,
    PLAN_VAN_AANPAK_DAYS,
    SANCTION_NOTICE_WORKING_DAYS,
)


def plan_van_aanpak_deadline(probleemanalyse: date) -> Explained[date]:
    """Latest date for the plan van aanpak.

    Defined as: probleemanalyse + 14 days (Regeling procesgang art. 4 lid 1; ``000`` art.
    3.2; ``001`` art. 4.1; ``004`` art. 4.1).
    """
    value = probleemanalyse + timedelta(days=PLAN_VAN_AANPAK_DAYS.value)
    parameters = (("datum_probleemanalyse", probleemanalyse), PLAN_VAN_AANPAK_DAYS.as_pair())
    grounds = tuple(
        Ground(
            rule="plan van aanpak binnen 2 weken na de probleemanalyse",
            citation=c,
            parameters=parameters,
            rule_id="plan_van_aanpak_deadline",
        )
        for c in (
            PLAN_VAN_AANPAK_DAYS.citation,
            Citation.seed("000", "3.2"),
            Citation.seed("001", "4.1"),
            Citation.seed("004", "4.1"),
        )
    )
    return Explained(value, grounds)


def declaration_deadline(invoice_received: date) -> Explained[date]:
    """Latest date to declare an invoice.

    Defined as: invoice received + 1 month (``003`` art. 2.5.2 and 2.6.2).
    """
    value = add_months(invoice_received, DECLARATION_MONTHS.value)
    parameters = (("ontvangst_nota", invoice_received), DECLARATION_MONTHS.as_pair())
    grounds = tuple(
        Ground(
            rule="declareren uiterlijk een maand na ontvangst van de nota",
            citation=c,
            parameters=parameters,
            rule_id="declaration_deadline",
        )
        for c in (Citation.seed("003", "2.5.2"), Citation.seed("003", "2.6.2"))
    )
    return Explained(value, grounds)


def payment_deadline(declared: date) -> Explained[date]:
    """Latest date the insurer pays a declaration.

    Defined as: declaration + 1 month (``003`` art. 2.5.2 and 2.6.2).
    """
    value = add_months(declared, PAYMENT_MONTHS.value)
    parameters = (("datum_declaratie", declared), PAYMENT_MONTHS.as_pair())
    grounds = tuple(
        Ground(
            rule="vergoeding binnen een maand na de declaratie",
            citation=c,
            parameters=parameters,
            rule_id="payment_deadline",
        )
        for c in (Citation.seed("003", "2.5.2"), Citation.seed("003", "2.6.2"))
    )
    return Explained(value, grounds)


def sanction_notice_deadline(decision: date) -> Explained[date]:
    """Latest date to report a loonsanctie to the insurer.

    Defined as: UWV decision + 5 working days (Atw art. 3 calendar; ``003`` art. 2.7.3).
    """
    days = SANCTION_NOTICE_WORKING_DAYS.value
    value = add_working_days(decision, days)
    parameters = (("datum_besluit", decision), SANCTION_NOTICE_WORKING_DAYS.as_pair())
    grounds = (
        Ground(
            rule="melden binnen vijf werkdagen na het besluit van UWV",
            citation=SANCTION_NOTICE_WORKING_DAYS.citation,
            parameters=parameters,
            rule_id="sanction_notice_deadline",
        ),
        Ground(
            rule="werkdagen: ma–vr zonder de feestdagen van de Atw",
            citation=Citation.statute("Algemene termijnenwet", "3"),
            rule_id="sanction_notice_deadline",
        ),
    )
    return Explained(value, grounds)


def working_day(start: date, days: int) -> Explained[date]:
    """``start`` plus ``days`` Dutch working days (negative counts back).

    Defined as: the |days|-th working day after/before ``start`` (Algemene termijnenwet
    art. 3 holidays; domein §1).
    """
    ground = Ground(
        rule="werkdagen: ma–vr zonder de feestdagen van de Algemene termijnenwet",
        citation=Citation.statute("Algemene termijnenwet", "3"),
        parameters=(("datum", start), ("dagen", days)),
        rule_id="working_day",
    )
    return Explained(add_working_days(start, days), (ground,))
