"""Interventions reimbursed in full, the remaining wage cost, and payment to a SEPA account.

Rules (domein §6 and §8):

* **Intervention reimbursement, 100 %** (``001`` art. 3.3, ``004`` art. 3.3, ``002``): the
  full costs when (a) the bedrijfsarts or the casemanager/Ontzorgmanager finds the
  intervention necessary, (b) the costs are not excessive relative to the remaining period
  of wage continuation — a judgement, given as input (§8) — and (c) the employee fell ill on
  or after the module's start date; otherwise nothing. RI&E, PMO, PAGO, keuring and a course
  for the preventiemedewerker are not reimbursed (``002``), nor are medical treatment, travel
  and cancellation costs (not interventions). Only ``asr-reintegratiemanager`` and
  ``mkb-verzuim-ontzorg`` have this rule.
* **Remaining wage cost** — the aid for judgement (b): remaining weeks of wage continuation
  × weekly wage × 70 % (BW 7:629 lid 1; §3 "Remaining wage continuation").
* **SEPA** (``001``/``004`` art. 3.4): payments go only to a valid IBAN in the SEPA area.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

import attrs
from schwifty import IBAN
from schwifty.exceptions import (
    InvalidAccountCode,
    InvalidBankCode,
    InvalidBBANChecksum,
    InvalidBranchCode,
    InvalidChecksumDigits,
    InvalidCountryCode,
    InvalidLength,
    InvalidStructure,
    SchwiftyException,
)

from reintegratie_core.compensation._common import amount, grounds_for, in_force
from reintegratie_core.errors import NotApplicableError
from reintegratie_core.explain import Citation, Explained, Ground
from reintegratie_core.money import ZERO, AmountLike, fraction, round_cents
from reintegratie_core.parameters import ParameterHistory
from reintegratie_core.poortwachter import Milestone, explain_milestone
from reintegratie_core.product_parameters import (
    INTERVENTION_SHARE_001,
    INTERVENTION_SHARE_004,
    WAGE_CONTINUATION_SHARE,
)
from reintegratie_core.sickness import SicknessCase

BROCHURE_REIMBURSEMENT = Citation.seed("002", "Interventiekostenvergoeding")
BROCHURE_EXCLUDED = Citation.seed("002", "Wat wordt niet vergoed?")
BROCHURE_INTERVENTION = Citation.seed("002", "Wat is een interventie?")
DECISIONS = Citation.decision("§8")


class InterventionProduct(enum.Enum):
    """The built-in product codes, as the intervention rule accepts them (``spec`` §4)."""

    ASR_REINTEGRATIE = "asr-reintegratie"
    ASR_REINTEGRATIEMANAGER = "asr-reintegratiemanager"
    MKB_VERZUIM_ONTZORG = "mkb-verzuim-ontzorg"
    ZEEUWSE_PRB = "zeeuwse-prb"


class InterventionExclusion(enum.Enum):
    """Kinds of costs that are never reimbursed as an intervention (``002``)."""

    RIE = "rie"
    PMO = "pmo"
    PAGO = "pago"
    KEURING = "keuring"
    CURSUS_PREVENTIEMEDEWERKER = "cursus_preventiemedewerker"
    MEDICAL_TREATMENT = "medische_behandeling"
    TRAVEL = "reiskosten"
    CANCELLATION = "annulering"


#: Aliases Excel users type for the excluded kinds.
INTERVENTION_EXCLUSION_ALIASES: dict[str, InterventionExclusion] = {
    "ri&e": InterventionExclusion.RIE,
    "ri & e": InterventionExclusion.RIE,
    "risico-inventarisatie": InterventionExclusion.RIE,
    "risico-inventarisatie en -evaluatie": InterventionExclusion.RIE,
    "preventiemedewerker": InterventionExclusion.CURSUS_PREVENTIEMEDEWERKER,
    "medische behandeling": InterventionExclusion.MEDICAL_TREATMENT,
    "reis": InterventionExclusion.TRAVEL,
    "annuleringskosten": InterventionExclusion.CANCELLATION,
    "no-show": InterventionExclusion.CANCELLATION,
}

_EXCLUSION_TEXT: dict[InterventionExclusion, tuple[str, Citation]] = {
    InterventionExclusion.RIE: (
        "de inzet van een RI&E (risico-inventarisatie en -evaluatie)",
        BROCHURE_EXCLUDED,
    ),
    InterventionExclusion.PMO: ("een PMO (preventief medisch onderzoek)", BROCHURE_EXCLUDED),
    InterventionExclusion.PAGO: (
        "een PAGO (periodiek arbeidsgezondheidskundig onderzoek)",
        BROCHURE_EXCLUDED,
    ),
    InterventionExclusion.KEURING: ("een keuring", BROCHURE_EXCLUDED),
    InterventionExclusion.CURSUS_PREVENTIEMEDEWERKER: (
        "een cursus preventiemedewerker",
        BROCHURE_EXCLUDED,
    ),
    InterventionExclusion.MEDICAL_TREATMENT: (
        "een medische behandeling (geen interventie die de re-integratie bevordert)",
        BROCHURE_INTERVENTION,
    ),
    InterventionExclusion.TRAVEL: (
        "reiskosten (geen interventie die de re-integratie bevordert)",
        BROCHURE_INTERVENTION,
    ),
    InterventionExclusion.CANCELLATION: (
        "annulerings- en no-showkosten (geen interventie die de re-integratie bevordert)",
        BROCHURE_INTERVENTION,
    ),
}


@attrs.frozen(kw_only=True)
class _InterventionRule:
    share: ParameterHistory[Decimal]
    reimbursement: tuple[Citation, ...]
    start: tuple[Citation, ...]
    assessor: str


_RULES: dict[InterventionProduct, _InterventionRule] = {
    InterventionProduct.ASR_REINTEGRATIEMANAGER: _InterventionRule(
        share=INTERVENTION_SHARE_001,
        reimbursement=(Citation.seed("001", "3.3"),),
        start=(Citation.seed("001", "3.3"),),
        assessor="de bedrijfsarts of de casemanager",
    ),
    InterventionProduct.MKB_VERZUIM_ONTZORG: _InterventionRule(
        share=INTERVENTION_SHARE_004,
        reimbursement=(Citation.seed("004", "3.3"), BROCHURE_REIMBURSEMENT),
        start=(Citation.seed("004", "3.2"), BROCHURE_REIMBURSEMENT),
        assessor="de bedrijfsarts of de Ontzorgmanager",
    ),
}

_ELSEWHERE: dict[InterventionProduct, str] = {
    InterventionProduct.ASR_REINTEGRATIE: (
        "de casemanager coördineert een vergoeding binnen het mandaat van de verzekeraar "
        "(000 art. 1.6)"
    ),
    InterventionProduct.ZEEUWSE_PRB: (
        "re-integratiekosten gaan via het re-integratiebudget per ziektegeval (003 art. 2.6; "
        "RI_REINTEGRATIEBUDGET)"
    ),
}

#: The products that reimburse interventions in full.
FULL_INTERVENTION_PRODUCTS: tuple[InterventionProduct, ...] = tuple(_RULES)


def intervention_reimbursement(
    product: InterventionProduct,
    costs: AmountLike,
    first_sick_day: date,
    module_start: date,
    *,
    necessary: bool = True,
    not_excessive: bool = True,
    excluded: InterventionExclusion | None = None,
    on: date | None = None,
) -> Explained[Decimal]:
    """Reimbursement of an intervention's costs, 100 % (``001``/``004`` art. 3.3, ``002``).

    Defined as:

    ```text
    reimbursed = costs × share (100 %)   when (a) the bedrijfsarts or casemanager finds
                                         it necessary, (b) the costs are not excessive
                                         relative to the remaining wage continuation
                                         (a judgement, §8), (c) first_sick_day ≥
                                         module_start, and the kind is not excluded
    reimbursed = 0                       otherwise
    ```

    rounded once to cents. ``product`` must be ``asr-reintegratiemanager`` (``001``) or
    ``mkb-verzuim-ontzorg`` (``004``, ``002``); the other products have no such rule and
    raise [`NotApplicableError`][reintegratie_core.errors.NotApplicableError] saying where their
    re-integration costs are dealt with.
    """
    rule = _RULES.get(product)
    if rule is None:
        accepted = ", ".join(p.value for p in FULL_INTERVENTION_PRODUCTS)
        msg = (
            f"{product.value} kent geen interventievergoeding van 100 %: {_ELSEWHERE[product]}; "
            f"wel bij: {accepted}"
        )
        raise NotApplicableError(msg)
    kosten = amount(costs, "kosten")
    refusals: list[Ground] = []
    if not necessary:
        refusals.extend(
            grounds_for(
                f"{rule.assessor} vindt de interventie niet noodzakelijk: geen vergoeding",
                rule.reimbursement,
                (("noodzakelijk", False),),
                rule_id="intervention_reimbursement",
            )
        )
    if not not_excessive:
        refusals.extend(
            grounds_for(
                "de kosten zijn bovenmatig in relatie tot de resterende periode van "
                "loondoorbetaling (oordeel): geen vergoeding",
                (*rule.reimbursement, DECISIONS),
                (("niet_bovenmatig", False),),
                rule_id="intervention_reimbursement",
            )
        )
    if first_sick_day < module_start:
        refusals.extend(
            grounds_for(
                "de medewerker werd arbeidsongeschikt vóór de ingangsdatum van de module: "
                "geen vergoeding",
                rule.start,
                (("eerste_ziektedag", first_sick_day), ("ingangsdatum_module", module_start)),
                rule_id="intervention_reimbursement",
            )
        )
    if excluded is not None:
        text, citation = _EXCLUSION_TEXT[excluded]
        refusals.append(
            Ground(
                rule=f"wordt niet vergoed: {text}",
                citation=citation,
                parameters=(("soort", excluded.value),),
                rule_id="intervention_reimbursement",
            )
        )
    if refusals:
        return Explained(round_cents(ZERO), tuple(refusals))
    share = in_force(rule.share, on)
    value = round_cents(kosten * share.value)
    grounds = grounds_for(
        f"{rule.assessor} vindt de interventie noodzakelijk, de kosten zijn niet bovenmatig "
        "en de medewerker werd ziek op of na de ingangsdatum: vergoed = kosten × "
        "interventievergoeding",
        (*rule.reimbursement, *rule.start),
        (
            ("product", product.value),
            ("kosten", kosten),
            share.as_pair(),
            ("eerste_ziektedag", first_sick_day),
            ("ingangsdatum_module", module_start),
        ),
        rule_id="intervention_reimbursement",
    )
    return Explained(value, grounds)


def remaining_wage_cost(
    weekly_wage: AmountLike,
    case: SicknessCase | date,
    reference: date,
    *,
    percentage: AmountLike | None = None,
    sanction_weeks: int = 0,
) -> Explained[Decimal | None]:
    """Wage cost left in the wage-continuation period: the aid for "niet bovenmatig" (§8).

    Defined as:

    ```text
    remaining_days = max(0, einde_loondoorbetaling − reference)  (reference exclusive)
    cost           = remaining_days / 7 × weekly_wage × p
    ```

    with *p* = 70 % (BW 7:629 lid 1, in force on ``reference``) unless a percentage is
    given; rounded once to cents — the weeks are not rounded first. ``None`` (n.v.t.) when
    a closed case never reaches the end of wage continuation. ``case`` may be a first sick
    day (one ongoing period).
    """
    loon = amount(weekly_wage, "weekloon")
    if percentage is None:
        share = in_force(WAGE_CONTINUATION_SHARE, reference, "peildatum")
        p, p_pair = share.value, share.as_pair()
    else:
        p = fraction(percentage, name="percentage")
        p_pair = ("percentage", p)
    end = explain_milestone(case, Milestone.EINDE_LOONDOORBETALING, None, sanction_weeks)
    if end.value is None:
        return Explained(None, end.grounds)
    days = max(0, (end.value - reference).days)
    value = round_cents(Decimal(days) * loon * p / 7)
    ground = Ground(
        rule="resterende loonkosten = (einde loondoorbetaling − peildatum) / 7 × weekloon × "
        "percentage (hulpmiddel bij het oordeel 'niet bovenmatig')",
        citation=Citation.statute("BW", "7:629 lid 1"),
        parameters=(
            ("peildatum", reference),
            ("einde_loondoorbetaling", end.value),
            ("resterende_dagen", days),
            ("weekloon", loon),
            p_pair,
        ),
        rule_id="remaining_wage_cost",
    )
    return Explained(value, (*end.grounds, ground))


# --- SEPA (001/004 art. 3.4) ---------------------------------------------------------------

_IBAN_PROBLEMS: tuple[tuple[type[SchwiftyException], str], ...] = (
    (InvalidChecksumDigits, "het controlegetal van het IBAN klopt niet"),
    (InvalidBBANChecksum, "het nationale controlegetal van het rekeningnummer klopt niet"),
    (InvalidLength, "de lengte klopt niet voor dit land"),
    (InvalidCountryCode, "onbekende landcode"),
    (InvalidBankCode, "ongeldige bankcode"),
    (InvalidBranchCode, "ongeldige filiaalcode"),
    (InvalidAccountCode, "ongeldig rekeningnummer"),
    (InvalidStructure, "ongeldige tekens of opbouw (alleen letters, cijfers en spaties)"),
)

_SEPA_CITATIONS = (Citation.seed("001", "3.4"), Citation.seed("004", "3.4"))


def _problem(exc: SchwiftyException) -> str:
    for kind, text in _IBAN_PROBLEMS:
        if isinstance(exc, kind):
            return text
    return "geen geldig IBAN"


def is_sepa_account(iban: str) -> Explained[bool]:
    """Whether payments may go to ``iban``: valid and in the SEPA area (``001``/``004`` 3.4).

    Defined as: schwifty ``IBAN(text, validate_bban=True)`` accepts it (structure, length,
    check digits, national checksum) and ``in_sepa_zone``. Spaces are ignored; any text
    that is not a valid IBAN gives ``False`` with the reason in the explanation.
    """
    if not isinstance(iban, str):
        msg = f"iban: {type(iban).__name__} is geen tekst"
        raise TypeError(msg)
    compact = "".join(iban.split()).upper()
    try:
        account = IBAN(compact, validate_bban=True)
    except SchwiftyException as exc:
        grounds = grounds_for(
            f"geen geldig IBAN: {_problem(exc)}; betalingen alleen naar een rekening binnen "
            "het SEPA-gebied",
            _SEPA_CITATIONS,
            (("iban", compact),),
            rule_id="is_sepa_account",
        )
        return Explained(False, grounds)
    country = account.country_code
    inside = bool(account.in_sepa_zone)
    rule = (
        "geldig IBAN in het SEPA-gebied"
        if inside
        else "geldig IBAN, maar het land ligt buiten het SEPA-gebied; betalingen alleen naar "
        "een rekening binnen het SEPA-gebied"
    )
    grounds = grounds_for(
        rule,
        _SEPA_CITATIONS,
        (("iban", account.compact), ("land", country)),
        rule_id="is_sepa_account",
    )
    return Explained(inside, grounds)


__all__ = [
    "FULL_INTERVENTION_PRODUCTS",
    "INTERVENTION_EXCLUSION_ALIASES",
    "InterventionExclusion",
    "InterventionProduct",
    "intervention_reimbursement",
    "is_sepa_account",
    "remaining_wage_cost",
]
