"""Excel functions for the sickness case, the Poortwachter timeline and deadlines.

Each function is a thin wrapper: coercion of Excel values (``coerce``), one core call,
formatting (``functions``); the Excel contract "Sickness case and Poortwachter"
and the deadline functions of "Entitlements and deadlines".
"""

from __future__ import annotations

from datetime import date
from typing import Any

import reintegratie_core as core
from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param, Table, excel_function
from reintegratie_addin.params import SANCTIEWEKEN, ZIEKTE, ZIEKTE_TABEL, one_sick_period_each
from reintegratie_core import (
    MILESTONE_ALIASES,
    Explained,
    Ground,
    Milestone,
    ReintegratieError,
    SicknessCase,
    cite,
    format_date,
)
from reintegratie_core.products import relapse_prevention_after

CAT_POORTWACHTER = "Re-integratie – Poortwachter"
CAT_TERMIJNEN = "Re-integratie – Termijnen"

#: Read per lifted row (an Enum member looked up on its class costs a call).


def _milestone(value: Any, argument: str) -> Milestone:
    return c.to_code(value, argument, Milestone, MILESTONE_ALIASES)


def _horizon(value: Any, argument: str) -> int:
    return c.to_int(value, argument, 14, minimum=0, maximum=36_500, hint="verwacht 0 of meer dagen")


def _working_days(value: Any, argument: str) -> int:
    return c.to_int(
        value,
        argument,
        minimum=-100_000,
        maximum=100_000,
        hint="verwacht een geheel aantal werkdagen, negatief telt terug",
    )


PROBLEEMANALYSE = Param(
    name="datum_probleemanalyse",
    core="probleemanalyse",
    doc="Datum van de probleemanalyse, indien bekend (leeg = einde week 6 aangenomen)",
    coerce=c.to_date,
    optional=True,
)


def _date_param(name: str, doc: str, core: str | tuple[str, ...] = ()) -> Param:
    return Param(name=name, doc=doc, coerce=c.required_date, dates=True, core=core)


def _peildatum(doc: str = "Datum waarop u de stand wilt weten") -> Param:
    return _date_param("peildatum", doc, core="reference")


# --- Sickness case and Poortwachter -------------------------------------------------------


@excel_function(
    category=CAT_POORTWACHTER,
    params=[
        ZIEKTE,
        Param(
            name="mijlpaal",
            core="milestone",
            doc="Mijlpaal: ontzorgmanager, probleemanalyse, plan_van_aanpak (pva), ziekmelding_uwv "
            "(42e week), eerstejaarsevaluatie, uwv_wia_brief, reintegratieverslag, wia_aanvraag, "
            "einde_loondoorbetaling, start_wia",
            coerce=_milestone,
        ),
        PROBLEEMANALYSE,
        SANCTIEWEKEN,
    ],
)
def RI_MIJLPAAL(
    ziekte: SicknessCase,
    mijlpaal: Milestone,
    datum_probleemanalyse: date | None,
    sanctieweken: int,
) -> core.MilestoneDate:
    """Datum van een Poortwachter-mijlpaal van het (laatste) ziektegeval, of n.v.t."""
    return core.milestone_date(ziekte, mijlpaal, datum_probleemanalyse, sanctieweken)


def _grond(grounds: tuple[Ground, ...]) -> str:
    return cite(ground.citation for ground in grounds)


@excel_function(
    category=CAT_POORTWACHTER,
    params=[ZIEKTE_TABEL, PROBLEEMANALYSE, SANCTIEWEKEN],
    returns_table=True,
)
def RI_TIJDLIJN(
    ziekte: SicknessCase, datum_probleemanalyse: date | None, sanctieweken: int
) -> Explained[Table]:
    """Tabel mijlpaal · datum · grond van alle mijlpalen van het ziektegeval, op datum."""
    timeline = core.timeline(ziekte, datum_probleemanalyse, sanctieweken)
    explained = [entry.explain() for entry in timeline]
    rows = tuple(
        (entry.milestone.value, why.value or "n.v.t.", _grond(why.grounds))
        for entry, why in zip(timeline, explained, strict=True)
    )
    grounds: dict[Ground, None] = {}
    for why in explained:
        for ground in why.grounds:
            grounds.setdefault(ground, None)
    return Explained(Table(("mijlpaal", "datum", "grond"), rows), tuple(grounds))


@excel_function(
    category=CAT_POORTWACHTER,
    params=[
        Param(
            name="ziekteperioden",
            core="absences",
            doc="Bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
            coerce=c.to_absences,
            lift=False,
        ),
        Param(
            name="peildatum",
            core="reference",
            doc="Telt ziektedagen van een lopend geval tot en met deze datum (leeg: 'lopend')",
            coerce=c.to_date,
            optional=True,
        ),
    ],
    returns_table=True,
)
def RI_ZIEKTEGEVALLEN(
    ziekteperioden: tuple[core.Absence, ...], peildatum: date | None
) -> Explained[Table]:
    """Tabel van de ziektegevallen: eerste_ziektedag · laatste_ziektedag · ziektedagen · perioden."""
    cases = core.merge_cases(ziekteperioden)
    rows = []
    for case in cases:
        # the peildatum counts an ongoing case; a closed case shows all its sick days
        if not case.is_open:
            days: int | str = case.counted_days()
        elif peildatum is None:
            days = "lopend"
        else:
            days = case.counted_days(peildatum)
        rows.append((case.first_day, case.last_day, days, len(case.periods)))
    grounds = cases[-1].grounds() if cases else ()
    header = ("eerste_ziektedag", "laatste_ziektedag", "ziektedagen", "perioden")
    units = (core.Unit.NUMBER, core.Unit.NUMBER, core.Unit.DAYS, core.Unit.NUMBER)
    return Explained(Table(header, tuple(rows), units), grounds)


@excel_function(
    category=CAT_POORTWACHTER,
    params=[
        Param(
            name="ziekte",
            core=("absences", "case"),
            doc=ZIEKTE.doc,
            coerce=c.to_absences,
            column=c.sickness_column,
            dates=True,
            of_dates=one_sick_period_each,
        ),
        _peildatum("Telt de ziektedagen tot en met deze datum"),
    ],
)
def RI_ZIEKTEDAGEN(ziekte: tuple[core.Absence, ...], peildatum: date) -> core.SickDays:
    """Getelde ziektedagen van het ziektegeval dat op de peildatum loopt, t/m de peildatum."""
    return core.counted_sick_days(ziekte, peildatum)


@excel_function(
    category=CAT_POORTWACHTER,
    params=[ZIEKTE, _peildatum(), SANCTIEWEKEN],
)
def RI_RESTERENDE_WEKEN(
    ziekte: SicknessCase, peildatum: date, sanctieweken: int
) -> core.RemainingWeeks:
    """Weken loondoorbetaling die na de peildatum resteren: ongebruikte ziekteweken van de 104 plus sanctieweken (2 decimalen, 0 t/m 104 + sanctieweken)."""
    return core.remaining_weeks(ziekte, peildatum, sanctieweken)


@excel_function(
    category=CAT_POORTWACHTER,
    params=[
        Param(
            name="ziekte",
            core=("absences", "case"),
            doc=(
                "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag "
                "(leeg = lopend) · optioneel 'verlof'; telt vanaf de eerste ziektedag van het geval"
            ),
            coerce=c.to_absences,
            column=c.sickness_column,
            dates=True,
            of_dates=one_sick_period_each,
        ),
        _date_param("hersteldatum", "Eerste dag volledig hersteld", core="recovery"),
    ],
)
def RI_TERUGVALPREVENTIE(
    ziekte: tuple[core.Absence, ...], hersteldatum: date
) -> core.RelapsePrevention:
    """Contactdatum voor terugvalpreventie (6 maanden na herstel bij > 3 maanden ziek), of n.v.t."""
    try:
        return relapse_prevention_after(ziekte, hersteldatum)
    except ReintegratieError as exc:  # both arguments checked: the recovery date is the one to fix
        raise c.ArgumentError("hersteldatum", c.core_reason(exc)) from None


def signal_text(signal: core.Signal | None) -> str:
    """The text of a signal: ``<mijlpaal> over <n> dagen (<DD-MM-JJJJ>)``, or ``""``."""
    if signal is None or not signal.due:
        return ""
    when = format_date(signal.date)
    if signal.days_left == 0:
        return f"{signal.milestone.value} vandaag ({when})"
    unit = "dag" if signal.days_left == 1 else "dagen"
    return f"{signal.milestone.value} over {signal.days_left} {unit} ({when})"


@excel_function(
    category=CAT_POORTWACHTER,
    params=[
        ZIEKTE,
        _peildatum("Vanaf deze datum wordt de eerstvolgende mijlpaal gezocht"),
        Param(
            name="horizon_dagen",
            core="horizon_days",
            doc="Signaleer een mijlpaal binnen zoveel dagen (leeg = 14)",
            coerce=_horizon,
            optional=True,
        ),
        PROBLEEMANALYSE,
        SANCTIEWEKEN,
    ],
    format=signal_text,
)
def RI_SIGNAAL(
    ziekte: SicknessCase,
    peildatum: date,
    horizon_dagen: int,
    datum_probleemanalyse: date | None,
    sanctieweken: int,
) -> core.NextMilestone:
    """Signaal voor de eerstvolgende mijlpaal binnen de horizon, of lege tekst; sanctieweken
    verlengen de loondoorbetaling (einde_loondoorbetaling, start_wia), zoals in de werklijst."""
    return core.next_milestone(
        ziekte, peildatum, horizon_dagen, datum_probleemanalyse, sanctieweken
    )


# --- Deadlines ---------------------------------------------------------------------------


@excel_function(
    category=CAT_TERMIJNEN,
    params=[
        _date_param("datum", "Begindatum", core="start"),
        Param(
            name="dagen",
            core="days",
            doc="Aantal werkdagen (negatief telt terug)",
            coerce=_working_days,
        ),
    ],
)
def RI_WERKDAG(datum: date, dagen: int) -> core.Deadline:
    """Datum plus een aantal Nederlandse werkdagen (Atw-feestdagen en gelijkgestelde dagen ingebouwd), zoals WERKDAG."""
    return core.working_day(datum, dagen)


@excel_function(
    category=CAT_TERMIJNEN,
    params=[
        _date_param("datum_besluit", "Datum van het loonsanctiebesluit van UWV", core="decision")
    ],
)
def RI_UITERSTE_MELDING_SANCTIE(datum_besluit: date) -> core.Deadline:
    """Uiterste datum om een loonsanctie te melden: vijf werkdagen na het UWV-besluit."""
    return core.sanction_notice_deadline(datum_besluit)


@excel_function(
    category=CAT_TERMIJNEN,
    params=[
        _date_param("ontvangst_nota", "Datum waarop de nota is ontvangen", core="invoice_received")
    ],
)
def RI_UITERSTE_DECLARATIE(ontvangst_nota: date) -> core.Deadline:
    """Uiterste declaratiedatum: een maand na ontvangst van de nota."""
    return core.declaration_deadline(ontvangst_nota)


@excel_function(
    category=CAT_TERMIJNEN,
    params=[_date_param("datum_declaratie", "Datum van de declaratie", core="declared")],
)
def RI_UITERSTE_BETALING(datum_declaratie: date) -> core.Deadline:
    """Uiterste betaaldatum van de verzekeraar: een maand na de declaratie."""
    return core.payment_deadline(datum_declaratie)


@excel_function(
    category=CAT_TERMIJNEN,
    params=[
        _date_param("datum_probleemanalyse", "Datum van de probleemanalyse", core="probleemanalyse")
    ],
)
def RI_UITERSTE_PLAN_VAN_AANPAK(datum_probleemanalyse: date) -> core.Deadline:
    """Uiterste datum voor het plan van aanpak: 14 dagen na de probleemanalyse."""
    return core.plan_van_aanpak_deadline(datum_probleemanalyse)


@excel_function(
    category=CAT_TERMIJNEN,
    params=[
        _date_param(
            "eerste_ziektedag",
            "Eerste ziektedag van de ziekteperiode die u meldt",
            core="first_sick_day",
        )
    ],
)
def RI_UITERSTE_ZIEKMELDING(eerste_ziektedag: date) -> core.Deadline:
    """Uiterste datum om de werknemer ziek te melden: de laatste dag van de eerste ziekteweek."""
    return core.sick_report_deadline(eerste_ziektedag)
