"""Excel functions for compensation: budgets, interventions, loonsanctie, fees, premium, SEPA.

the Excel contract "Compensation". Each function is a thin wrapper: coercion of
Excel values (amounts as numbers or text with ``,``/``.``, a float at Excel's 15
significant digits; percentages as ``0.7``, ``70%`` or ``70``), one call of
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
  ``premiejaar`` is the year in which the premium is re-determined (decision §8.1).
* ``RI_BUDGET_RESTANT`` answers with a table, one row per ziektegeval of the budget
  (``003`` art. 2.6.1: leave does not bridge) — also a case without declarations, which has
  its whole budget left — plus one ``preventie`` row when there are preventie declarations
  (they are taken as one threatened case). A declaration belongs to the latest case that
  began on or before its date; ``bedrag`` is what was declared (what was paid may be given
  instead). Only products with the budgets (``zeeuwse-prb``) are accepted.
* ``RI_LOONSANCTIE_VOORWAARDEN`` answers with a table of the nine conditions of ``003``
  art. 2.7.3; a dossier fact left empty is assumed met and the ``grond`` says so.
* ``RI_LOONSANCTIE_VERGOEDING``'s ``arbodienst_vergoedt`` also takes an amount: what the
  arbodienst's own garantie paid is netted off (art. 2.7 "maar één keer"); WAAR still means
  it paid all of it.
"""

from __future__ import annotations

import contextlib
import enum
import functools
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param, Table, excel_function
from reintegratie_addin.params import (
    SANCTIEWEKEN,
    ZIEKTE,
    EventRows,
    checked_events,
    range_rows,
    to_events,
)
from reintegratie_addin.params import to_product as to_builtin_product
from reintegratie_core import (
    MAX_SANCTION_WEEKS,
    Absence,
    Explained,
    NotApplicableError,
    ReintegratieError,
    SicknessCase,
    Unit,
)
from reintegratie_core.compensation import (
    BUDGET_EXCLUSION_ALIASES,
    BUDGET_KIND_ALIASES,
    INTERVENTION_EXCLUSION_ALIASES,
    WAGE_PERIOD_ALIASES,
    BudgetBalance,
    BudgetExclusion,
    BudgetKind,
    CostBenefitContribution,
    Declaration,
    InterventionExclusion,
    InterventionReimbursement,
    PremiumWindow,
    PreventionReimbursement,
    ProratedFee,
    ReintegrationReimbursement,
    RemainingWageCost,
    SanctionCompensation,
    SanctionConditionsCheck,
    SanctionRefusal,
    SepaAccount,
    SettlementDecision,
    WagePeriod,
    WeeklyWage,
    budget_balances,
    cost_benefit_contribution,
    counts_for_premium,
    intervention_reimbursement,
    is_sepa_account,
    prevention_budget,
    prorated_fee,
    reintegration_budget,
    remaining_wage_cost,
    sanction_compensation,
    sanction_conditions,
    third_party_settlement,
    weekly_wage,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product

CAT_VERGOEDING = "Re-integratie – Vergoedingen"

#: The product whose conditions the budget and loonsanctie functions without a product
#: argument apply (``003``: RI_PREVENTIEBUDGET, RI_REINTEGRATIEBUDGET, …).
ZEEUWSE = builtin_product("zeeuwse-prb")

ZERO = Decimal(0)


# --- Coercers -----------------------------------------------------------------------------

_amount = c.to_amount
_amount_or_zero = functools.partial(c.to_amount, default=ZERO)
_false_by_default = functools.partial(c.to_bool, default=False)
_true_by_default = functools.partial(c.to_bool, default=True)
_percentage_or_standard = c.optional(c.to_percentage)


def _with_interventions() -> str:
    return ", ".join(
        p.code for p in BUILTIN_PRODUCTS if p.interventions and p.interventions.share is not None
    )


_K = TypeVar("_K", bound=enum.Enum)


def _excluded_kind(
    value: Any, argument: str, kinds: type[_K], aliases: Mapping[str, _K], empty: str
) -> _K | None:
    """An excluded cost kind of ``kinds``, or ``None`` for an empty cell (what ``empty`` says)."""
    if c.is_empty(value):
        return None
    try:
        return c.to_code(value, argument, kinds, aliases)
    except c.ArgumentError as exc:
        raise c.ArgumentError(argument, f"{exc.message}; leeg = {empty}") from None


def _kind(value: Any, argument: str) -> InterventionExclusion | None:
    return _excluded_kind(
        value,
        argument,
        InterventionExclusion,
        INTERVENTION_EXCLUSION_ALIASES,
        "een interventie die niet is uitgesloten",
    )


def _budget_kind(value: Any, argument: str) -> BudgetExclusion | None:
    return _excluded_kind(
        value,
        argument,
        BudgetExclusion,
        BUDGET_EXCLUSION_ALIASES,
        "kosten die niet zijn uitgesloten",
    )


def _arbodienst(value: Any, argument: str) -> bool | Decimal:
    """WAAR/ONWAAR (all or nothing), or the amount the arbodienst's garantie paid.

    The contract's boolean convention comes first: WAAR/ONWAAR, ``ja``/``nee`` and the
    numbers 1 and 0 are booleans — also as text (``"1"``, ``"0"``, ``"1,00"``): a cell
    that holds 1 as text means what the number 1 means; any other amount is what the
    arbodienst paid.
    """
    if c.is_empty(value):
        return False
    with contextlib.suppress(c.ArgumentError):  # the shells' one list of yes/no words
        return c.to_bool(value, argument)
    try:
        amount = c.to_amount(value, argument)
    except c.ArgumentError:
        raise c.ArgumentError(
            argument,
            f"{c.describe(value)} is geen WAAR/ONWAAR of bedrag (verwacht WAAR als de "
            "arbodienst alles vergoedde, of het bedrag dat zij vergoedde)",
        ) from None
    if isinstance(value, str) and amount in (0, 1):  # a text amount is not rounded: its
        return bool(amount)  # number itself is 1 or 0, as a number cell above
    return amount


def _iban_text(value: Any, argument: str) -> str:
    return c.to_text(value, argument, hint="verwacht een IBAN, bijv. NL91 ABNA 0417 1643 00")


def _period(value: Any, argument: str) -> WagePeriod:
    return c.to_code(value, argument, WagePeriod, WAGE_PERIOD_ALIASES)


#: The longest loonsanctie of the conditions as they now read (003 art. 2.7.1), for the hint;
#: the core checks the weeks against the version in force.


def _sanction_weeks(value: Any, argument: str) -> int:
    limit = MAX_SANCTION_WEEKS.value
    return c.to_int(value, argument, minimum=1, maximum=limit, hint=f"verwacht 1 t/m {limit} weken")


YEAR_HINT = "verwacht een jaartal, bijv. 2026, of een datum in dat jaar"


def _year(value: Any, argument: str) -> int:
    if isinstance(value, datetime | date):
        return value.year
    return c.to_int(value, argument, minimum=1, maximum=date.max.year, hint=YEAR_HINT)


def _amount_param(name: str, doc: str, core: str | tuple[str, ...] = ()) -> Param:
    return Param(name=name, doc=doc, coerce=_amount, core=core)


def _exclusion_param(article: str) -> Param:
    """``soort``: the kind of costs a budget excludes under ``article`` (optional)."""
    return Param(
        name="soort",
        core="excluded",
        doc=f"Uitgesloten soort kosten (art. {article}): "
        + ", ".join(k.value for k in BudgetExclusion)
        + "; leeg = niet uitgesloten",
        coerce=_budget_kind,
        optional=True,
    )


MET_WGA_OF_WIA = Param(
    name="met_wga_of_wia",
    core="with_wga_or_wia",
    doc="WAAR als de werkgever ook een WGA-eigenrisicoverzekering of WIA 0-tot-100 Plan heeft "
    "(verdubbelt het budget); leeg = ONWAAR",
    coerce=_false_by_default,
    optional=True,
)
VOORWAARDEN = Param(
    name="voorwaarden_voldaan",
    core="conditions",
    doc="WAAR als aan alle voorwaarden van het artikel is voldaan; leeg = WAAR",
    coerce=_true_by_default,
    optional=True,
)


# --- Budgets (003 art. 2.5, 2.6, 3.1) -----------------------------------------------------


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("kosten", "Kosten van de preventieactiviteit, excl. btw", core="costs"),
        MET_WGA_OF_WIA,
        Param(
            name="al_vergoed",
            core="already_reimbursed",
            doc="Al vergoed uit het preventiebudget voor dit dreigende ziektegeval; leeg = 0",
            coerce=_amount_or_zero,
            optional=True,
        ),
        VOORWAARDEN,
        Param(
            name="dienstverband_eerder_beeindigd",
            core="employment_ended_before_start",
            doc="WAAR als de arbeidsovereenkomst eindigde vóór de start van de activiteit; leeg = ONWAAR",
            coerce=_false_by_default,
            optional=True,
        ),
        _exclusion_param("2.5.4"),
    ],
)
def RI_PREVENTIEBUDGET(  # noqa: PLR0917 - the contract's argument list
    kosten: Decimal,
    met_wga_of_wia: bool,
    al_vergoed: Decimal,
    voorwaarden_voldaan: bool,
    dienstverband_eerder_beeindigd: bool,
    soort: BudgetExclusion | None,
) -> PreventionReimbursement:
    """Vergoeding uit het preventiebudget (€ 500, met WGA/WIA € 1.000) per dreigend ziektegeval."""
    return prevention_budget(
        ZEEUWSE,
        kosten,
        with_wga_or_wia=met_wga_of_wia,
        already_reimbursed=al_vergoed,
        conditions=voorwaarden_voldaan,
        employment_ended_before_start=dienstverband_eerder_beeindigd,
        excluded=soort,
    )


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("kosten", "Kosten van de re-integratieactiviteit, excl. btw", core="costs"),
        MET_WGA_OF_WIA,
        Param(
            name="al_vergoed_in_ziektegeval",
            core="already_reimbursed_in_case",
            doc="Al vergoed uit het re-integratiebudget in dit ziektegeval; leeg = 0",
            coerce=_amount_or_zero,
            optional=True,
        ),
        Param(
            name="subsidie",
            core="subsidy",
            doc="Toegekende subsidie of wettelijke vergoeding voor deze kosten; leeg = 0",
            coerce=_amount_or_zero,
            optional=True,
        ),
        Param(
            name="voorwaarden_voldaan",
            core="conditions",
            doc="WAAR als aan de voorwaarden van art. 2.6.2 is voldaan (doel herstel "
            "arbeidsvermogen, voorstel bedrijfsarts of arbeidsdeskundige); leeg = WAAR",
            coerce=_true_by_default,
            optional=True,
        ),
        _exclusion_param("2.6.5"),
        Param(
            name="geen_reintegratieverplichting",
            core="employment_ended",
            doc="WAAR als de arbeidsovereenkomst eindigde en de werkgever geen wettelijke "
            "re-integratieverplichting meer heeft (art. 2.6.2, 1.5.3); leeg = ONWAAR",
            coerce=_false_by_default,
            optional=True,
        ),
    ],
)
def RI_REINTEGRATIEBUDGET(  # noqa: PLR0917 - the contract's argument list
    kosten: Decimal,
    met_wga_of_wia: bool,
    al_vergoed_in_ziektegeval: Decimal,
    subsidie: Decimal,
    voorwaarden_voldaan: bool,
    soort: BudgetExclusion | None,
    geen_reintegratieverplichting: bool,
) -> ReintegrationReimbursement:
    """Vergoeding uit het re-integratiebudget (€ 4.000, met WGA/WIA € 8.000) per ziektegeval."""
    return reintegration_budget(
        ZEEUWSE,
        kosten,
        with_wga_or_wia=met_wga_of_wia,
        already_reimbursed_in_case=al_vergoed_in_ziektegeval,
        subsidy=subsidie,
        conditions=voorwaarden_voldaan,
        excluded=soort,
        employment_ended=geen_reintegratieverplichting,
        legal_obligation=not geen_reintegratieverplichting,
    )


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("kosten", "Kosten van de re-integratieactiviteit, excl. btw", core="costs"),
        _amount_param(
            "vergoed_binnen_budget",
            "Wat binnen het re-integratiebudget is vergoed",
            core="paid_within_budget",
        ),
        _amount_param(
            "schadelast_zonder",
            "Verwachte schadelast van de verzekeraar zonder de activiteit",
            core="expected_cost_without",
        ),
        _amount_param(
            "schadelast_met",
            "Verwachte schadelast van de verzekeraar met de activiteit (zonder de kosten ervan)",
            core="expected_cost_with",
        ),
    ],
)
def RI_KBA_BIJDRAGE(
    kosten: Decimal,
    vergoed_binnen_budget: Decimal,
    schadelast_zonder: Decimal,
    schadelast_met: Decimal,
) -> CostBenefitContribution:
    """Extra bijdrage boven het re-integratiebudget op grond van een kosten-batenanalyse."""
    return cost_benefit_contribution(
        kosten, vergoed_binnen_budget, schadelast_zonder, schadelast_met
    )


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("voorschot", "De als voorschot ontvangen vergoeding", core="advance"),
        _amount_param("kosten", "De re-integratiekosten", core="costs"),
        _amount_param(
            "verhaald", "Het op de aansprakelijke derde verhaalde bedrag", core="recovered"
        ),
    ],
)
def RI_DERDEN_TERUGBETALING(voorschot: Decimal, kosten: Decimal, verhaald: Decimal) -> _Repayment:
    """Bedrag dat de werkgever terugbetaalt nadat re-integratiekosten op een derde zijn verhaald."""
    settlement = third_party_settlement(voorschot, kosten, verhaald)
    return _new_repayment(_Repayment, (settlement, settlement.repayment))


class _Repayment(NamedTuple):
    """The repayment of a third-party settlement as the decision of RI_DERDEN_TERUGBETALING:
    the settlement's record and its repayment (``value``); explained with its grounds."""

    settlement: SettlementDecision
    value: Decimal

    def explain(self) -> Explained[Decimal]:
        return self.settlement.explain().map(self.value)


_new_repayment: Callable[[type[_Repayment], tuple[object, ...]], _Repayment] = tuple.__new__


# --- Interventions (001/004 art. 3.3, 002) ------------------------------------------------


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        Param(
            name="product",
            doc="Product: asr-reintegratiemanager of mkb-verzuim-ontzorg (100 % interventievergoeding)",
            coerce=to_builtin_product,
        ),
        _amount_param("kosten", "Kosten van de interventie, excl. btw", core="costs"),
        Param(
            name="ziekte",
            core=("absences", "case"),
            doc=(
                "Eerste ziektedag, of bereik met ziekteperioden (het laatste ziektegeval telt, "
                "met zijn eerste ziektedag)"
            ),
            coerce=c.to_sickness,
            column=c.sickness_column,
        ),
        Param(
            name="ingangsdatum_module",
            core="module_start",
            doc="Ingangsdatum van de module (of verzekering)",
            coerce=c.required_date,
        ),
        Param(
            name="noodzakelijk",
            core="necessary",
            doc="WAAR als bedrijfsarts of casemanager de interventie noodzakelijk vindt; leeg = WAAR",
            coerce=_true_by_default,
            optional=True,
        ),
        Param(
            name="niet_bovenmatig",
            core="not_excessive",
            doc="WAAR als de kosten niet bovenmatig zijn t.o.v. de resterende loondoorbetaling "
            "(hulp: RI_RESTERENDE_LOONKOSTEN); leeg = WAAR",
            coerce=_true_by_default,
            optional=True,
        ),
        Param(
            name="soort",
            core="excluded",
            doc="Soort kosten: rie, pmo, pago, keuring, cursus_preventiemedewerker, "
            "medische_behandeling, reiskosten, annulering; 0 als de voorwaarden van het product "
            "die soort uitsluiten (mkb-verzuim-ontzorg: de lijst van 002; "
            "asr-reintegratiemanager: geen); leeg = gewone interventie",
            coerce=_kind,
            optional=True,
        ),
    ],
)
def RI_INTERVENTIEVERGOEDING(  # noqa: PLR0917 - the contract's argument list
    product: Product,
    kosten: Decimal,
    ziekte: SicknessCase,
    ingangsdatum_module: date,
    noodzakelijk: bool,
    niet_bovenmatig: bool,
    soort: InterventionExclusion | None,
) -> InterventionReimbursement | _OfCase:
    """Volledige kosten van een interventie (100 %), of 0 als een voorwaarde ontbreekt."""
    try:
        result = intervention_reimbursement(
            product,
            kosten,
            ziekte.first_day,
            ingangsdatum_module,
            necessary=noodzakelijk,
            not_excessive=niet_bovenmatig,
            excluded=soort,
        )
    except NotApplicableError as exc:
        raise c.ArgumentError(
            "product", f"{c.core_reason(exc)}; wel bij: {_with_interventions()}"
        ) from None
    if len(ziekte.periods) > 1 or ziekte.bridged_leave:  # domain §8.1: the case's first day
        return _new_of_case(_OfCase, (ziekte, result, result.value))
    return result


class _OfCase(NamedTuple):
    """An intervention's decision for a case of several periods: the case's grounds (its
    first day, domain §8.1) come before the reimbursement's when explained."""

    case: SicknessCase
    reimbursement: InterventionReimbursement
    value: Decimal

    def explain(self) -> Explained[Decimal]:
        explained = self.reimbursement.explain()
        return Explained(self.value, (*self.case.grounds(), *explained.grounds), explained.unit)


_new_of_case: Callable[[type[_OfCase], tuple[object, ...]], _OfCase] = tuple.__new__


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param(
            "weekloon", "Weekloon van de werknemer (zie RI_WEEKLOON)", core="weekly_wage"
        ),
        ZIEKTE,
        Param(
            name="peildatum",
            core="reference",
            doc="Datum vanaf waar de resterende loondoorbetaling telt",
            coerce=c.required_date,
        ),
        Param(
            name="percentage",
            core="coverage",
            doc="Percentage loondoorbetaling: 0,7, 70% of 70; leeg = 70%",
            coerce=_percentage_or_standard,
            optional=True,
        ),
        SANCTIEWEKEN,
    ],
)
def RI_RESTERENDE_LOONKOSTEN(
    weekloon: Decimal,
    ziekte: SicknessCase,
    peildatum: date,
    percentage: Decimal | None,
    sanctieweken: int,
) -> RemainingWageCost:
    """Resterende weken loondoorbetaling × weekloon × percentage: hulp bij 'niet bovenmatig';
    sanctieweken verlengen de loondoorbetaling, zoals in RI_RESTERENDE_WEKEN."""
    return remaining_wage_cost(
        weekloon, ziekte, peildatum, percentage=percentage, sanction_weeks=sanctieweken
    )


# --- Loonsanctie (003 art. 2.7) -----------------------------------------------------------


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param(
            "weekloon", "Weekloon van de werknemer (zie RI_WEEKLOON)", core="weekly_wage"
        ),
        Param(
            name="sanctieweken",
            core="weeks",
            doc="Weken loonsanctie opgelegd door het UWV (1–52)",
            coerce=_sanction_weeks,
        ),
        Param(
            name="percentage",
            core="coverage",
            doc="Dekkingspercentage, of het cao-percentage: 0,7, 70% of 70; leeg = 70%",
            coerce=_percentage_or_standard,
            optional=True,
        ),
        Param(
            name="werkgeverslasten",
            core="employer_charges",
            doc="Werkgeverslasten bovenop het loon: 0,25, 25% of 25; leeg = 25%",
            coerce=_percentage_or_standard,
            optional=True,
        ),
        Param(
            name="goedgekeurde_kosten",
            core="approved_costs",
            doc="Vooraf goedgekeurde re-integratiekosten tijdens de loonsanctie; leeg = 0",
            coerce=_amount_or_zero,
            optional=True,
        ),
        VOORWAARDEN,
        Param(
            name="arbodienst_vergoedt",
            doc="WAAR als de poortwachtergarantie van de arbodienst deze loonsanctie al helemaal "
            "vergoedt, of het bedrag dat zij ervan vergoedde (gaat eraf: maar één keer); "
            "1 en 0 (ook als tekst) zijn WAAR en ONWAAR; leeg = ONWAAR",
            coerce=_arbodienst,
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
    arbodienst_vergoedt: bool | Decimal,
) -> SanctionCompensation | SanctionRefusal:
    """Vergoeding van een UWV-loonsanctie onder de poortwachtergarantie."""
    everything = arbodienst_vergoedt is True
    paid = ZERO if isinstance(arbodienst_vergoedt, bool) else arbodienst_vergoedt
    return sanction_compensation(
        ZEEUWSE,
        weekloon,
        sanctieweken,
        coverage=percentage,
        employer_charges=werkgeverslasten,
        approved_costs=goedgekeurde_kosten,
        conditions=voorwaarden_voldaan,
        arbodienst_compensated=everything,
        arbodienst_paid=paid,
    )


# --- Wages, fees, premium, SEPA ------------------------------------------------------------


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param("loon", "Loon over de periode", core="wage"),
        Param(
            name="periode",
            core="period",
            doc="Periode: jaar, maand, 4 weken, week of dag",
            coerce=_period,
        ),
    ],
)
def RI_WEEKLOON(loon: Decimal, periode: WagePeriod) -> WeeklyWage:
    """Weekloon uit een jaar-, maand-, 4-weken-, week- of dagloon."""
    return weekly_wage(loon, periode)


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        _amount_param(
            "jaartarief", "Vast tarief per medewerker per contractjaar", core="yearly_fee"
        ),
        Param(
            name="contractjaar_start",
            core="contract_year_start",
            doc="Eerste dag van het contractjaar",
            coerce=c.required_date,
        ),
        Param(
            name="in_dienst",
            core="employed_from",
            doc="Eerste dag in dienst",
            coerce=c.required_date,
        ),
        Param(
            name="uit_dienst",
            core="employed_until",
            doc="Laatste dag in dienst; leeg = na het contractjaar nog in dienst",
            coerce=c.to_date,
            optional=True,
        ),
    ],
)
def RI_TARIEF_PRORATA(
    jaartarief: Decimal, contractjaar_start: date, in_dienst: date, uit_dienst: date | None
) -> ProratedFee:
    """Tarief voor de dagen in dienst binnen het contractjaar (pro rata)."""
    return prorated_fee(jaartarief, contractjaar_start, in_dienst, uit_dienst)


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        Param(
            name="datum_vergoeding",
            core="payment_date",
            doc="Datum waarop de vergoeding is betaald",
            coerce=c.required_date,
            dates=True,
        ),
        Param(
            name="premiejaar",
            core="premium_year",
            doc="Het jaar waarin het premiepercentage opnieuw wordt vastgesteld (het "
            "'lopende jaar' van art. 2.5.3/2.6.3)",
            coerce=_year,
        ),
    ],
)
def RI_TELT_MEE_VOOR_PREMIE(datum_vergoeding: date, premiejaar: int) -> PremiumWindow:
    """WAAR als de vergoeding meetelt voor de premie: betaald in het premiejaar of de drie jaren ervoor.

    Het premiejaar is het jaar waarin de verzekeraar het premiepercentage opnieuw vaststelt;
    vergoedingen uit dat jaar en de drie jaren ervoor tellen mee (premiejaar − 3 t/m
    premiejaar).
    """
    return counts_for_premium(ZEEUWSE, datum_vergoeding, premiejaar)


@excel_function(
    category=CAT_VERGOEDING,
    params=[Param(name="iban", doc="IBAN (spaties toegestaan)", coerce=_iban_text)],
)
def RI_SEPA_REKENING(iban: str) -> SepaAccount:
    """WAAR voor een geldig IBAN binnen het SEPA-gebied; ONWAAR voor elk ander rekeningnummer."""
    return is_sepa_account(iban)


# --- Budget left per case, loonsanctie conditions (003 art. 2.5–2.7) ----------------------

DECLARATIONS_HINT = (
    "verwacht een bereik met per rij datum · soort_budget (preventie of reintegratie) · bedrag"
)


def _with_parameter(name: str) -> str:
    return ", ".join(p.code for p in BUILTIN_PRODUCTS if p.has_parameter(name))


def _budget_product(value: Any, argument: str) -> Product:
    product = to_builtin_product(value, argument)
    if not product.has_parameter("reintegratiebudget"):
        raise c.ArgumentError(
            argument,
            f"{product.code} kent geen preventie- of re-integratiebudget (wel: "
            f"{_with_parameter('reintegratiebudget')}, 003 art. 2.5 en 2.6)",
        )
    return product


def _sanction_product(value: Any, argument: str) -> Product:
    product = to_builtin_product(value, argument)
    if not product.has_parameter("loonsanctie_dekkingspercentage"):
        raise c.ArgumentError(
            argument,
            f"{product.code} kent de voorwaarden van 003 art. 2.7.3 niet (wel: "
            f"{_with_parameter('loonsanctie_dekkingspercentage')})",
        )
    return product


def _is_declarations_header(cells: list[Any]) -> bool:
    names = [c.normalize_code(v) if isinstance(v, str) else None for v in cells[:3]]
    return names[:2] == ["datum", "soort_budget"]


def _declaration_row(row: list[Any], number: int, argument: str) -> Declaration | None:
    cells = list(row) + [None] * (3 - len(row))
    if all(c.is_empty(cell) for cell in cells):
        return None
    if any(not c.is_empty(cell) for cell in cells[3:]):
        raise c.ArgumentError(
            argument, f"rij {number}: meer dan drie kolommen ({DECLARATIONS_HINT})"
        )
    try:
        day = c.required_date(cells[0], "datum")
        kind = c.to_code(cells[1], "soort_budget", BudgetKind, BUDGET_KIND_ALIASES)
        declared = c.to_amount(cells[2], "bedrag")
    except c.ArgumentError as exc:
        raise c.ArgumentError(argument, f"rij {number}: {exc}") from None
    return Declaration(day=day, kind=kind, amount=declared, label=f"rij {number}")


def to_declarations(raw: Any, argument: str) -> tuple[Declaration, ...]:
    """Declarations from a range ``datum · soort_budget · bedrag``; empty rows are skipped,
    a first row ``datum · soort_budget · …`` is a header; empty = none."""
    if c.is_empty(raw):
        return ()
    if not isinstance(raw, list) or not all(isinstance(row, list) for row in raw):
        raise c.ArgumentError(argument, f"geen bereik van drie kolommen ({DECLARATIONS_HINT})")
    found: list[Declaration] = []
    for number, row in range_rows(raw, _is_declarations_header):
        declaration = _declaration_row(row, number, argument)
        if declaration is not None:
            found.append(declaration)
    return tuple(found)


def _balance_row(balance: BudgetBalance) -> tuple[Any, ...]:
    return (
        balance.kind.value,
        balance.first_day,
        balance.last_day,
        balance.cap,
        balance.reimbursed,
        balance.remaining,
        balance.declarations,
    )


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        Param(
            name="product",
            doc="Product met preventie- en re-integratiebudget: "
            + _with_parameter("reintegratiebudget"),
            coerce=_budget_product,
        ),
        Param(
            name="declaraties",
            core="declarations",
            doc="Bereik met per rij: datum · soort_budget (preventie of reintegratie) · bedrag "
            "(gedeclareerd, excl. btw); leeg = nog geen declaraties",
            coerce=to_declarations,
            lift=False,
        ),
        Param(
            name="ziekte",
            core=("absences", "case"),
            doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag "
            "(leeg = lopend) · optioneel 'verlof' (verlof overbrugt hier niet)",
            coerce=c.to_absences,
            lift=False,
        ),
        Param(
            name="met_wga_of_wia",
            core="with_wga_or_wia",
            doc=MET_WGA_OF_WIA.doc,
            coerce=_false_by_default,
            optional=True,
        ),
    ],
    returns_table=True,
)
def RI_BUDGET_RESTANT(
    product: Product,
    declaraties: tuple[Declaration, ...],
    ziekte: tuple[Absence, ...],
    met_wga_of_wia: bool,
) -> Explained[Table]:
    """Tabel budget · eerste_ziektedag · laatste_ziektedag · plafond · vergoed · restant · declaraties: het budget dat per ziektegeval over is.

    Eén rij per ziektegeval van het re-integratiebudget (003 art. 2.6.1: minder dan vier
    weken tussen twee ziekteperiodes is één ziektegeval; verlof overbrugt hier niet), ook
    voor een ziektegeval zonder declaraties, en één rij ``preventie`` als er
    preventiedeclaraties zijn (samen één dreigend ziektegeval, art. 2.5.1). Een declaratie
    hoort bij het laatste ziektegeval dat op of vóór haar datum begon; de declaraties worden
    in datumvolgorde verrekend tot het plafond.
    """
    try:
        explained = budget_balances(product, ziekte, declaraties, with_wga_or_wia=met_wga_of_wia)
    except ReintegratieError as exc:
        raise c.ArgumentError("declaraties", c.core_reason(exc)) from None
    header = (
        "budget",
        "eerste_ziektedag",
        "laatste_ziektedag",
        "plafond",
        "vergoed",
        "restant",
        "declaraties",
    )
    units = (Unit.NUMBER, Unit.NUMBER, Unit.NUMBER, Unit.EURO, Unit.EURO, Unit.EURO, Unit.NUMBER)
    rows = tuple(_balance_row(b) for b in explained.value)
    return explained.map(Table(header, rows, units))


def _fact(value: Any, argument: str) -> bool | None:
    return None if c.is_empty(value) else c.to_bool(value, argument)


def _fact_param(name: str, doc: str, core: str | tuple[str, ...] = ()) -> Param:
    return Param(
        name=name,
        core=core,
        doc=f"{doc}; leeg = niet opgegeven (aangenomen voldaan)",
        coerce=_fact,
        optional=True,
    )


def _conditions_row(check: Any) -> tuple[Any, ...]:
    status = "voldaan" if check.met else "niet voldaan"
    articles = "; ".join(str(citation) for citation in check.citations)
    return (check.text, status, articles, check.reason)


@excel_function(
    category=CAT_VERGOEDING,
    params=[
        Param(
            name="product",
            doc="Product met de poortwachtergarantie van 003 art. 2.7: "
            + _with_parameter("loonsanctie_dekkingspercentage"),
            coerce=_sanction_product,
        ),
        Param(
            name="ziekte",
            core=("absences", "case"),
            doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag "
            "(leeg = lopend) · optioneel 'verlof'",
            coerce=c.to_sickness,
            lift=False,
        ),
        Param(
            name="datum_besluit",
            core="decision_date",
            doc="Datum van het loonsanctiebesluit van het UWV",
            coerce=c.required_date,
        ),
        Param(
            name="datum_melding",
            core="notified_on",
            doc="Datum waarop u de loonsanctie bij ons meldde; leeg = nog niet gemeld",
            coerce=c.to_date,
        ),
        Param(
            name="begeleiding_vanaf",
            core="guidance_from",
            doc="Datum vanaf wanneer de arbodienst de verzuimbegeleiding uitvoerde "
            "(ingangsdatum van het arbocontract)",
            coerce=c.required_date,
        ),
        Param(
            name="begeleiding_tot",
            core="guidance_until",
            doc="Laatste dag van de begeleiding door de arbodienst; leeg = loopt nog",
            coerce=c.to_date,
            optional=True,
        ),
        Param(
            name="gebeurtenissen",
            doc="Bereik met per rij: datum · gebeurtenis · werknemer (zoals bij RI_STATUS), "
            "bijv. garantie_ingetrokken of advies_niet_opgevolgd; leeg = geen",
            coerce=to_events,
            optional=True,
            lift=False,
        ),
        Param(
            name="werknemer",
            core="employee",
            doc="Werknemer voor wie de loonsanctie geldt (voor de gebeurtenissen per werknemer)",
            coerce=c.optional(c.to_text),
            optional=True,
        ),
        _fact_param(
            "adviezen_opgevolgd",
            "WAAR als de adviezen en instructies van de arbodienst volledig, tijdig en juist "
            "zijn opgevolgd",
            core="advice_followed",
        ),
        _fact_param(
            "geen_belemmerende_acties",
            "WAAR als u geen eigen acties of communicatie over de loonsanctie ondernam die het "
            "ongedaan maken in de weg kunnen staan",
            core="no_obstruction",
        ),
        _fact_param(
            "machtiging_gegeven",
            "WAAR als u ons en de arbodienst machtigde om de loonsanctie ongedaan te maken",
            core="mandate_given",
        ),
        _fact_param(
            "medewerking_verleend",
            "WAAR als u alle informatie gaf en meewerkt aan bezwaar en (hoger) beroep",
            core="cooperation",
        ),
        _fact_param(
            "verbeterpunten_opgevolgd",
            "WAAR als de verbeterpunten van het UWV zo snel mogelijk zijn opgevolgd en gemeld",
            core="improvements_followed",
        ),
        _fact_param(
            "loon_vrijwillig_doorbetaald",
            "WAAR als u het loon vrijwillig langer doorbetaalt (dan is niet voldaan)",
            core="voluntary_continuation",
        ),
    ],
    returns_table=True,
)
def RI_LOONSANCTIE_VOORWAARDEN(  # noqa: PLR0917 - one argument per fact of the dossier
    product: Product,
    ziekte: SicknessCase,
    datum_besluit: date,
    datum_melding: date | None,
    begeleiding_vanaf: date,
    begeleiding_tot: date | None,
    gebeurtenissen: EventRows,
    werknemer: str | None,
    adviezen_opgevolgd: bool | None,
    geen_belemmerende_acties: bool | None,
    machtiging_gegeven: bool | None,
    medewerking_verleend: bool | None,
    verbeterpunten_opgevolgd: bool | None,
    loon_vrijwillig_doorbetaald: bool | None,
) -> Explained[Table]:
    """Tabel voorwaarde · status · artikel · grond: de negen voorwaarden van 003 art. 2.7.3 voor de vergoeding van een loonsanctie.

    Elke voorwaarde is ``voldaan`` of ``niet voldaan``. De melding binnen vijf werkdagen
    volgt uit de datum van het besluit (zoals RI_UITERSTE_MELDING_SANCTIE), het intrekken
    van de poortwachtergarantie uit de gebeurtenissen (zoals RI_STATUS), de begeleiding
    vanaf de eerste ziektedag uit de datums van de arbodienst; de overige feiten komen uit
    het dossier. Een leeg feit wordt als voldaan aangenomen en de grond zegt dat.
    """
    explained = sanction_conditions(
        product,
        ziekte,
        decision_date=datum_besluit,
        notified_on=datum_melding,
        guidance_from=begeleiding_vanaf,
        guidance_until=begeleiding_tot,
        events=checked_events(product, gebeurtenissen),
        employee=werknemer,
        advice_followed=adviezen_opgevolgd,
        no_obstruction=geen_belemmerende_acties,
        mandate_given=machtiging_gegeven,
        cooperation=medewerking_verleend,
        improvements_followed=verbeterpunten_opgevolgd,
        voluntary_continuation=loon_vrijwillig_doorbetaald,
    )
    result: SanctionConditionsCheck = explained.value
    rows = tuple(_conditions_row(check) for check in result.checks)
    return explained.map(Table(("voorwaarde", "status", "artikel", "grond"), rows))


__all__ = [
    "RI_BUDGET_RESTANT",
    "RI_DERDEN_TERUGBETALING",
    "RI_INTERVENTIEVERGOEDING",
    "RI_KBA_BIJDRAGE",
    "RI_LOONSANCTIE_VERGOEDING",
    "RI_LOONSANCTIE_VOORWAARDEN",
    "RI_PREVENTIEBUDGET",
    "RI_REINTEGRATIEBUDGET",
    "RI_RESTERENDE_LOONKOSTEN",
    "RI_SEPA_REKENING",
    "RI_TARIEF_PRORATA",
    "RI_TELT_MEE_VOOR_PREMIE",
    "RI_WEEKLOON",
]
