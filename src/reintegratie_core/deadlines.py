"""Deadlines of obligations (``spec/domain.md`` §5 "Deadlines of obligations").

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
  ``spec/domain.md`` §8); working days exclude the gelijkgestelde dagen (Atw art. 3 lid 3,
  domain §8.1), and the explanation names those in the span, marking derived ones.

A deadline past 9999-12-31 is an error that names the argument to change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from reintegratie_core.atw import add_working_days, span_grounds
from reintegratie_core.dates import add_months
from reintegratie_core.errors import InvalidValueError
from reintegratie_core.explain import Citation, Explained, Ground
from reintegratie_core.statutory import (
    DECLARATION_MONTHS,
    PAYMENT_MONTHS,
    PLAN_VAN_AANPAK_DAYS,
    SANCTION_NOTICE_WORKING_DAYS,
    SICK_REPORT_DAYS,
)


def sick_report_deadline(first_sick_day: date) -> Explained[date]:
    """Latest date for the employer's sick report (ziekmelding) of a sick period.

    Defined as:: first sick day + 6 days, the last day of the first sick week, so that the
    Ontzorgmanager can start in week 2 (``002`` «In het kort»); a later report is
    ``ziekmelding_te_laat`` (``004`` art. 4.2: the poortwachtergarantie lapses for that
    employee). Derived: the conditions name no number of days; the law asks "tijdig"
    (Regeling procesgang eerste en tweede ziektejaar art. 2 lid 1).
    """
    value = _named("eerste_ziektedag", _plus_days, first_sick_day, SICK_REPORT_DAYS.value - 1)
    parameters = (("eerste_ziektedag", first_sick_day), SICK_REPORT_DAYS.as_pair())
    grounds = (
        Ground(
            rule=(
                "ziekmelden uiterlijk op de laatste dag van de eerste ziekteweek: de "
                "Ontzorgmanager wordt vanaf de tweede ziekteweek ingezet (afgeleid; de "
                "voorwaarden noemen geen aantal dagen)"
            ),
            citation=SICK_REPORT_DAYS.citation,
            parameters=parameters,
        ),
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
    )
    return Explained(value, grounds)


def plan_van_aanpak_deadline(probleemanalyse: date) -> Explained[date]:
    """Latest date for the plan van aanpak.

    Defined as:: probleemanalyse + 14 days (Regeling procesgang art. 4 lid 1; ``000`` art.
    3.2; ``001`` art. 4.1; ``004`` art. 4.1).
    """
    value = _named("datum_probleemanalyse", _plus_days, probleemanalyse, PLAN_VAN_AANPAK_DAYS.value)
    parameters = (("datum_probleemanalyse", probleemanalyse), PLAN_VAN_AANPAK_DAYS.as_pair())
    grounds = tuple(
        Ground(
            rule="plan van aanpak binnen 2 weken na de probleemanalyse",
            citation=c,
            parameters=parameters,
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

    Defined as:: invoice received + 1 month (``003`` art. 2.5.2 and 2.6.2).
    """
    value = _named("ontvangst_nota", add_months, invoice_received, DECLARATION_MONTHS.value)
    parameters = (("ontvangst_nota", invoice_received), DECLARATION_MONTHS.as_pair())
    grounds = tuple(
        Ground(
            rule="declareren uiterlijk een maand na ontvangst van de nota",
            citation=c,
            parameters=parameters,
        )
        for c in (Citation.seed("003", "2.5.2"), Citation.seed("003", "2.6.2"))
    )
    return Explained(value, grounds)


def payment_deadline(declared: date) -> Explained[date]:
    """Latest date the insurer pays a declaration.

    Defined as:: declaration + 1 month (``003`` art. 2.5.2 and 2.6.2).
    """
    value = _named("datum_declaratie", add_months, declared, PAYMENT_MONTHS.value)
    parameters = (("datum_declaratie", declared), PAYMENT_MONTHS.as_pair())
    grounds = tuple(
        Ground(
            rule="vergoeding binnen een maand na de declaratie", citation=c, parameters=parameters
        )
        for c in (Citation.seed("003", "2.5.2"), Citation.seed("003", "2.6.2"))
    )
    return Explained(value, grounds)


def sanction_notice_deadline(decision: date) -> Explained[date]:
    """Latest date to report a loonsanctie to the insurer.

    Defined as:: UWV decision + 5 working days (Atw art. 3 calendar; ``003`` art. 2.7.3).
    """
    days = SANCTION_NOTICE_WORKING_DAYS.value
    value = _named("datum_besluit", add_working_days, decision, days)
    parameters = (("datum_besluit", decision), SANCTION_NOTICE_WORKING_DAYS.as_pair())
    grounds = (
        Ground(
            rule="melden binnen vijf werkdagen na het besluit van UWV",
            citation=SANCTION_NOTICE_WORKING_DAYS.citation,
            parameters=parameters,
        ),
        *span_grounds(decision, value),
    )
    return Explained(value, grounds)


def working_day(start: date, days: int) -> Explained[date]:
    """``start`` plus ``days`` Dutch working days (negative counts back).

    Defined as:: the |days|-th working day after/before ``start`` (Algemene termijnenwet
    art. 3, feestdagen and gelijkgestelde dagen; ``spec/domain.md`` §1, §8.1). A result past
    the date range names ``dagen``.
    """
    value = _named("dagen", add_working_days, start, days)
    first, *rest = span_grounds(start, value)
    first = Ground(
        rule=first.rule, citation=first.citation, parameters=(("datum", start), ("dagen", days))
    )
    return Explained(value, (first, *rest))


def _plus_days(start: date, days: int) -> date:
    try:
        return start + timedelta(days=days)
    except OverflowError:
        msg = f"{start.isoformat()} + {days} dagen valt buiten het datumbereik (t/m 9999-12-31)"
        raise InvalidValueError(msg) from None


def _named(argument: str, step: Callable[[date, int], date], start: date, amount: int) -> date:
    """``step(start, amount)``; a result outside the date range names ``argument``."""
    try:
        return step(start, amount)
    except InvalidValueError as exc:
        msg = f"{argument}: {exc}"
        raise InvalidValueError(msg) from None
