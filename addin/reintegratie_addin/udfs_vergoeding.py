"""Excel functions for compensation: budgets, interventions, loonsanctie, fees, premium, SEPA.

the Excel contract "Compensation". Each function is a thin wrapper: coercion of
Excel values (amounts as numbers or text with ``,``/``.``, a float via
``Decimal(repr(x))``; percentages as ``0.7``, ``70%`` or ``70``), one call of
`reintegratie_core.compensation`, formatting (amounts rounded to cents, as numbers).
Every argument lifts over a one-column range.

Decisions where the contract is silent:

* ``RI_INTERVENTIEVERGOEDING`` accepts the four product codes; only
  ``asr-reintegratiemanager`` and ``mkb-verzuim-ontzorg`` reimburse interventions in full.
  For ``asr-reintegratie`` and ``zeeuwse-prb`` it answers ``#WAARDE! product: …`` saying
  where those products deal with re-integration costs and which products have the rule.
* ``RI_SEPA_REKENING`` answers FALSE for any text that is not a valid IBAN (wrong check
  digits, wrong length, stray characters) — ``RI_UITLEG`` says why; only an empty cell is
  ``#WAARDE!``.
* ``RI_TELT_MEE_VOOR_PREMIE`` accepts the premium year as a number or as a date (its year).
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param, excel_function
from reintegratie_addin.udfs_poortwachter import ZIEKTE
from reintegratie_core.compensation import (
    INTERVENTION_EXCLUSION_ALIASES,
    WAGE_PERIOD_ALIASES,
    InterventionExclusion,
    InterventionProduct,
    WagePeriod,
    cost_benefit_contribution,
    counts_for_premium,
    intervention_reimbursement,
    is_sepa_account,
    prevention_budget,
    prorated_fee,
    reintegration_budget,
    remaining_wage_cost,
    sanction_compensation,
    third_party_settlement,
    weekly_wage,
)
from reintegratie_core.errors import NotApplicableError
from reintegratie_core.explain import Explained
from reintegratie_core.product_parameters import SANCTION_MAX_WEEKS
from reintegratie_core.sickness import SicknessCase

CAT_VERGOEDING = "Re-integratie – Vergoedingen"

ZERO = Decimal(0)


# --- Coercers -----------------------------------------------------------------------------

_amount = c.to_amount
_amount_or_zero = functools.partial(c.to_amount, default=ZERO)
_false_by_default = functools.partial(c.to_bool, default=False)
_true_by_default = functools.partial(c.to_bool, default=True)
_percentage_or_standard = c.optional(c.to_percentage)


def _product(value: Any, argument: str) -> InterventionProduct:
    return c.to_code(value, argument, InterventionProduct)


def _kind(value: Any, argument: str) -> InterventionExclusion | None:
    if c.is_empty(value):
        return None
    try:
        return c.to_code(value, argument, InterventionExclusion, INTERVENTION_EXCLUSION_ALIASES)
    except c.ArgumentError as exc:
        raise c.ArgumentError(
            argument, f"{exc.message}; leeg = een interventie die niet is uitgesloten"
        ) from None


def _period(value: Any, argument: str) -> WagePeriod:
    return c.to_code(value, argument, WagePeriod, WAGE_PERIOD_ALIASES)


def _sanction_weeks(value: Any, argument: str) -> int:
    limit = SANCTION_MAX_WEEKS.at(date.max).value
    return c.to_int(value, argument, minimum=1, maximum=limit, hint=f"verwacht 1 t/m {limit} weken")


YEAR_HINT = "verwacht een jaartal, bijv. 2026, of een datum in dat jaar"


def _year(value: Any, argument: str) -> int:
    if isinstance(value, datetime | date):
        return value.year
    return c.to_int(value, argument, minimum=1, maximum=date.max.year, hint=YEAR_HINT)


def _amount_param(name: str, doc: str) -> Param:
    return Param(name=name, doc=doc, coerce=_amount)


MET_WGA_OF_WIA = Param(
    name="met_wga_of_wia",
    doc="WAAR als de werkgever ook een WGA-eigenrisicoverzekering of WIA 0-tot-100 Plan heeft "
    "(verdubbelt het budget); leeg = ONWAAR",
    coerce=_false_by_default,
    optional=True,
)
VOORWAARDEN = Param(
    name="voorwaarden_voldaan",
    doc="WAAR als aan alle voorwaarden van het artikel is voldaan; leeg = WAAR",
    coerce=_true_by_default,
    optional=True,
)


# --- Budgets (003 art. 2.5, 2.6, 3.1) -----------------------------------------------------


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("kosten", "Kosten van de preventieactiviteit, excl. btw"),
        MET_WGA_OF_WIA,
        Param(
            name="al_vergoed",
            doc="Al vergoed uit het preventiebudget voor dit dreigende ziektegeval; leeg = 0",
            coerce=_amount_or_zero,
            optional=True,
        ),
        VOORWAARDEN,
        Param(
            name="dienstverband_eerder_beeindigd",
            doc="WAAR als de arbeidsovereenkomst eindigde vóór de start van de activiteit; leeg = ONWAAR",
            coerce=_false_by_default,
            optional=True,
        ),
    ],
)
def RI_PREVENTIEBUDGET(
    kosten: Decimal,
    met_wga_of_wia: bool,
    al_vergoed: Decimal,
    voorwaarden_voldaan: bool,
    dienstverband_eerder_beeindigd: bool,
) -> Explained[Decimal]:
    """Vergoeding uit het preventiebudget (€ 500, met WGA/WIA € 1.000) per dreigend ziektegeval."""
    return prevention_budget(
        kosten,
        with_wga_or_wia=met_wga_of_wia,
        already_reimbursed=al_vergoed,
        conditions=voorwaarden_voldaan,
        employment_ended_before_start=dienstverband_eerder_beeindigd,
    )


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("kosten", "Kosten van de re-integratieactiviteit, excl. btw"),
        MET_WGA_OF_WIA,
        Param(
            name="al_vergoed_in_ziektegeval",
            doc="Al vergoed uit het re-integratiebudget in dit ziektegeval; leeg = 0",
            coerce=_amount_or_zero,
            optional=True,
        ),
        Param(
            name="subsidie",
            doc="Toegekende subsidie of wettelijke vergoeding voor deze kosten; leeg = 0",
            coerce=_amount_or_zero,
            optional=True,
        ),
    ],
)
def RI_REINTEGRATIEBUDGET(
    kosten: Decimal,
    met_wga_of_wia: bool,
    al_vergoed_in_ziektegeval: Decimal,
    subsidie: Decimal,
) -> Explained[Decimal]:
    """Vergoeding uit het re-integratiebudget (€ 4.000, met WGA/WIA € 8.000) per ziektegeval."""
    return reintegration_budget(
        kosten,
        with_wga_or_wia=met_wga_of_wia,
        already_reimbursed_in_case=al_vergoed_in_ziektegeval,
        subsidy=subsidie,
    )


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("kosten", "Kosten van de re-integratieactiviteit, excl. btw"),
        _amount_param("vergoed_binnen_budget", "Wat binnen het re-integratiebudget is vergoed"),
        _amount_param(
            "schadelast_zonder", "Verwachte schadelast van de verzekeraar zonder de activiteit"
        ),
        _amount_param(
            "schadelast_met",
            "Verwachte schadelast van de verzekeraar met de activiteit (zonder de kosten ervan)",
        ),
    ],
)
def RI_KBA_BIJDRAGE(
    kosten: Decimal,
    vergoed_binnen_budget: Decimal,
    schadelast_zonder: Decimal,
    schadelast_met: Decimal,
) -> Explained[Decimal]:
    """Extra bijdrage boven het re-integratiebudget op grond van een kosten-batenanalyse."""
    return cost_benefit_contribution(
        kosten, vergoed_binnen_budget, schadelast_zonder, schadelast_met
    )


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("voorschot", "De als voorschot ontvangen vergoeding"),
        _amount_param("kosten", "De re-integratiekosten"),
        _amount_param("verhaald", "Het op de aansprakelijke derde verhaalde bedrag"),
    ],
)
def RI_DERDEN_TERUGBETALING(
    voorschot: Decimal, kosten: Decimal, verhaald: Decimal
) -> Explained[Decimal]:
    """Bedrag dat de werkgever terugbetaalt nadat re-integratiekosten op een derde zijn verhaald."""
    settlement = third_party_settlement(voorschot, kosten, verhaald)
    return settlement.map(settlement.value.repayment)


# --- Interventions (001/004 art. 3.3, 002) ------------------------------------------------


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        Param(
            name="product",
            doc="Product: asr-reintegratiemanager of mkb-verzuim-ontzorg (100 % interventievergoeding)",
            coerce=_product,
        ),
        _amount_param("kosten", "Kosten van de interventie, excl. btw"),
        Param(name="eerste_ziektedag", doc="Eerste ziektedag", coerce=c.required_date),
        Param(
            name="ingangsdatum_module",
            doc="Ingangsdatum van de module (of verzekering)",
            coerce=c.required_date,
        ),
        Param(
            name="noodzakelijk",
            doc="WAAR als bedrijfsarts of casemanager de interventie noodzakelijk vindt; leeg = WAAR",
            coerce=_true_by_default,
            optional=True,
        ),
        Param(
            name="niet_bovenmatig",
            doc="WAAR als de kosten niet bovenmatig zijn t.o.v. de resterende loondoorbetaling "
            "(hulp: RI_RESTERENDE_LOONKOSTEN); leeg = WAAR",
            coerce=_true_by_default,
            optional=True,
        ),
        Param(
            name="soort",
            doc="Uitgesloten soort: rie, pmo, pago, keuring, cursus_preventiemedewerker, "
            "medische_behandeling, reiskosten, annulering; leeg = gewone interventie",
            coerce=_kind,
            optional=True,
        ),
    ],
)
def RI_INTERVENTIEVERGOEDING(  # noqa: PLR0917 - the contract's argument list
    product: InterventionProduct,
    kosten: Decimal,
    eerste_ziektedag: date,
    ingangsdatum_module: date,
    noodzakelijk: bool,
    niet_bovenmatig: bool,
    soort: InterventionExclusion | None,
) -> Explained[Decimal]:
    """Volledige kosten van een interventie (100 %), of 0 als een voorwaarde ontbreekt."""
    try:
        return intervention_reimbursement(
            product,
            kosten,
            eerste_ziektedag,
            ingangsdatum_module,
            necessary=noodzakelijk,
            not_excessive=niet_bovenmatig,
            excluded=soort,
        )
    except NotApplicableError as exc:
        raise c.ArgumentError("product", str(exc)) from None


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("weekloon", "Weekloon van de werknemer (zie RI_WEEKLOON)"),
        ZIEKTE,
        Param(
            name="peildatum",
            doc="Datum vanaf waar de resterende loondoorbetaling telt",
            coerce=c.required_date,
        ),
        Param(
            name="percentage",
            doc="Percentage loondoorbetaling: 0,7, 70% of 70; leeg = 70%",
            coerce=_percentage_or_standard,
            optional=True,
        ),
    ],
)
def RI_RESTERENDE_LOONKOSTEN(
    weekloon: Decimal,
    ziekte: SicknessCase | date,
    peildatum: date,
    percentage: Decimal | None,
) -> Explained[Decimal | None]:
    """Resterende weken loondoorbetaling × weekloon × percentage: hulp bij 'niet bovenmatig'."""
    return remaining_wage_cost(weekloon, ziekte, peildatum, percentage=percentage)


# --- Loonsanctie (003 art. 2.7) -----------------------------------------------------------


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("weekloon", "Weekloon van de werknemer (zie RI_WEEKLOON)"),
        Param(
            name="sanctieweken",
            doc="Weken loonsanctie opgelegd door het UWV (1–52)",
            coerce=_sanction_weeks,
        ),
        Param(
            name="percentage",
            doc="Dekkingspercentage, of het cao-percentage: 0,7, 70% of 70; leeg = 70%",
            coerce=_percentage_or_standard,
            optional=True,
        ),
        Param(
            name="werkgeverslasten",
            doc="Werkgeverslasten bovenop het loon: 0,25, 25% of 25; leeg = 25%",
            coerce=_percentage_or_standard,
            optional=True,
        ),
        Param(
            name="goedgekeurde_kosten",
            doc="Vooraf goedgekeurde re-integratiekosten tijdens de loonsanctie; leeg = 0",
            coerce=_amount_or_zero,
            optional=True,
        ),
        VOORWAARDEN,
        Param(
            name="arbodienst_vergoedt",
            doc="WAAR als de poortwachtergarantie van de arbodienst deze loonsanctie al vergoedt; "
            "leeg = ONWAAR",
            coerce=_false_by_default,
            optional=True,
        ),
    ],
)
def RI_LOONSANCTIE_VERGOEDING(  # noqa: PLR0917 - the contract's argument list
    weekloon: Decimal,
    sanctieweken: int,
    percentage: Decimal | None,
    werkgeverslasten: Decimal | None,
    goedgekeurde_kosten: Decimal,
    voorwaarden_voldaan: bool,
    arbodienst_vergoedt: bool,
) -> Explained[Decimal]:
    """Vergoeding van een UWV-loonsanctie onder de poortwachtergarantie."""
    return sanction_compensation(
        weekloon,
        sanctieweken,
        coverage=percentage,
        employer_charges=werkgeverslasten,
        approved_costs=goedgekeurde_kosten,
        conditions=voorwaarden_voldaan,
        arbodienst_compensated=arbodienst_vergoedt,
    )


# --- Wages, fees, premium, SEPA ------------------------------------------------------------


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("loon", "Loon over de periode"),
        Param(name="periode", doc="Periode: jaar, maand, 4 weken, week of dag", coerce=_period),
    ],
)
def RI_WEEKLOON(loon: Decimal, periode: WagePeriod) -> Explained[Decimal]:
    """Weekloon uit een jaar-, maand-, 4-weken-, week- of dagloon."""
    return weekly_wage(loon, periode)


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("jaartarief", "Vast tarief per medewerker per contractjaar"),
        Param(
            name="contractjaar_start",
            doc="Eerste dag van het contractjaar",
            coerce=c.required_date,
        ),
        Param(name="in_dienst", doc="Eerste dag in dienst", coerce=c.required_date),
        Param(
            name="uit_dienst",
            doc="Laatste dag in dienst; leeg = na het contractjaar nog in dienst",
            coerce=c.to_date,
            optional=True,
        ),
    ],
)
def RI_TARIEF_PRORATA(
    jaartarief: Decimal, contractjaar_start: date, in_dienst: date, uit_dienst: date | None
) -> Explained[Decimal]:
    """Tarief voor de dagen in dienst binnen het contractjaar (pro rata)."""
    return prorated_fee(jaartarief, contractjaar_start, in_dienst, uit_dienst)


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        Param(
            name="datum_vergoeding",
            doc="Datum waarop de vergoeding is betaald",
            coerce=c.required_date,
        ),
        Param(name="premiejaar", doc="Het jaar waarvoor de premie wordt vastgesteld", coerce=_year),
    ],
)
def RI_TELT_MEE_VOOR_PREMIE(datum_vergoeding: date, premiejaar: int) -> Explained[bool]:
    """WAAR als de vergoeding meetelt voor de premie: betaald in het premiejaar of de drie jaren ervoor."""
    return counts_for_premium(datum_vergoeding, premiejaar)


@excel_function(
    category=CAT_VERGOEDING,
    params=[Param(name="iban", doc="IBAN (spaties toegestaan)", coerce=c.to_text)],
)
def RI_SEPA_REKENING(iban: str) -> Explained[bool]:
    """WAAR voor een geldig IBAN binnen het SEPA-gebied; ONWAAR voor elk ander rekeningnummer."""
    return is_sepa_account(iban)


__all__ = [
    "RI_DERDEN_TERUGBETALING",
    "RI_INTERVENTIEVERGOEDING",
    "RI_KBA_BIJDRAGE",
    "RI_LOONSANCTIE_VERGOEDING",
    "RI_PREVENTIEBUDGET",
    "RI_REINTEGRATIEBUDGET",
    "RI_RESTERENDE_LOONKOSTEN",
    "RI_SEPA_REKENING",
    "RI_TARIEF_PRORATA",
    "RI_TELT_MEE_VOOR_PREMIE",
    "RI_WEEKLOON",
]
