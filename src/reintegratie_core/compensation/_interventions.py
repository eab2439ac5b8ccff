"""Interventions reimbursed in full, the remaining wage cost, and payment to a SEPA account.

Rules (domein §6 and §8):

* **Intervention reimbursement, 100 %** (``001`` art. 3.3, ``004`` art. 3.3, ``002``): the
  full costs when (a) the bedrijfsarts or the casemanager/Ontzorgmanager finds the
  intervention necessary, (b) the costs are not excessive relative to the remaining period
  of wage continuation — a judgement, given as input (§8) — and (c) the employee fell ill on
  or after the module's start date; otherwise nothing. Excluded cost kinds come from each
  product's own text (decision §8.1): ``mkb-verzuim-ontzorg`` excludes the list of ``002``
  (RI&E, PMO, PAGO, keuring, cursus preventiemedewerker); ``asr-reintegratiemanager``
  excludes none (``001`` lists none). Only these two products have this rule.
* **Remaining wage cost** — the aid for judgement (b): remaining weeks of wage continuation
  × weekly wage × 70 % (BW 7:629 lid 1; §3 "Remaining wage continuation").
* **SEPA** (``001``/``004`` art. 3.4): payments go only to a valid IBAN in the SEPA area.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from reintegratie_core._checks import (
    case_error,
    check_flag,
    date_error,
    member_error,
    product_error,
)
from reintegratie_core._errors import NotApplicableError, argument_error
from reintegratie_core._explain import (
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    Unit,
)
from reintegratie_core._money import (
    ZERO,
    AmountLike,
    fraction,
    money,
    round_cents,
)
from reintegratie_core._parameters import Parameter
from reintegratie_core._poortwachter import (
    _MAX_SANCTION,
    _REMAINING_RULE,
    Milestone,
    MilestoneDate,
    _days_left,
    _milestone_date,
    check_sanction_weeks,
)
from reintegratie_core._product_parameters import WAGE_CONTINUATION_SHARE
from reintegratie_core._sickness import SicknessCase
from reintegratie_core.compensation._common import (
    grounds_for,
    in_force,
    product_decimal,
)
from reintegratie_core.products._model import InterventionExclusion, Interventions, Product

if TYPE_CHECKING:  # schwifty is imported where an IBAN is checked: it is slow to import
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

DECISIONS = Citation.decision("§8")


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

_EXCLUSION_TEXT: dict[InterventionExclusion, str] = {
    InterventionExclusion.RIE: "de inzet van een RI&E (risico-inventarisatie en -evaluatie)",
    InterventionExclusion.PMO: "een PMO (preventief medisch onderzoek)",
    InterventionExclusion.PAGO: "een PAGO (periodiek arbeidsgezondheidskundig onderzoek)",
    InterventionExclusion.KEURING: "een keuring",
    InterventionExclusion.CURSUS_PREVENTIEMEDEWERKER: "een cursus preventiemedewerker",
    InterventionExclusion.MEDICAL_TREATMENT: "een medische behandeling",
    InterventionExclusion.TRAVEL: "reiskosten",
    InterventionExclusion.CANCELLATION: "annulerings- en no-showkosten",
}


DECISIONS_2026 = Citation.decision("§8.1")


def intervention_reimbursement(
    product: Product,
    costs: AmountLike,
    first_sick_day: date,
    module_start: date,
    *,
    necessary: bool = True,
    not_excessive: bool = True,
    excluded: InterventionExclusion | None = None,
    on: date | None = None,
) -> InterventionReimbursement:
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

    rounded once to cents. The rule, the share (a product parameter), the articles and the
    excluded kinds are the product's (`Product.interventions`: ``001`` for
    ``asr-reintegratiemanager``, ``004``/``002`` for ``mkb-verzuim-ontzorg``); a product
    without the rule raises [`NotApplicableError`][reintegratie_core.NotApplicableError] saying
    where its re-integration costs are dealt with. The decision is an
    [`InterventionReimbursement`][reintegratie_core.compensation.InterventionReimbursement] record; its grounds are rendered when explained.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(first_sick_day) is not date:
        raise date_error("first_sick_day", first_sick_day)
    if type(module_start) is not date:
        raise date_error("module_start", module_start)
    if excluded is not None and type(excluded) is not InterventionExclusion:
        raise member_error("excluded", excluded, InterventionExclusion)
    if on is not None and type(on) is not date:
        raise date_error("on", on)
    if type(necessary) is not bool or type(not_excessive) is not bool:
        check_flag("necessary", necessary)
        check_flag("not_excessive", not_excessive)
    rule = product.interventions
    if rule is None or rule.share is None:
        elsewhere = f": {rule.elsewhere}" if rule is not None and rule.elsewhere else ""
        msg = f"{product.code} kent geen interventievergoeding van 100 %{elsewhere}"
        raise NotApplicableError(msg)
    kosten = money(costs, "costs")
    share: Parameter[Decimal] | None
    if (
        not necessary
        or not not_excessive
        or first_sick_day < module_start
        or (excluded is not None and excluded in rule.excluded)
    ):
        share, value = None, NOTHING
    else:
        share = product_decimal(product, rule.share, on)
        value = round_cents(kosten * share.value)
    return _new_intervention(
        InterventionReimbursement,
        (
            product,
            rule,
            kosten,
            first_sick_day,
            module_start,
            necessary,
            not_excessive,
            excluded,
            share,
            value,
        ),
    )


#: A refused reimbursement: nothing, in cents.
NOTHING = round_cents(ZERO)


class _InterventionReimbursement(NamedTuple):
    """The fields of `InterventionReimbursement`."""

    product: Product
    rule: Interventions
    costs: Decimal
    first_sick_day: date
    module_start: date
    necessary: bool
    not_excessive: bool
    excluded: InterventionExclusion | None
    #: The interventievergoeding in force; ``None`` when a refusal decided.
    share: Parameter[Decimal] | None
    value: Decimal


class InterventionReimbursement(_InterventionReimbursement, DecisionRecord[Decimal]):
    """What [`intervention_reimbursement`][reintegratie_core.compensation.intervention_reimbursement] decided: its inputs, the product's rule,
    the share in force (``None`` when refused) and the reimbursement (``value``). A tuple,
    built once per lifted Excel row; `explain` renders the grounds from it."""

    __slots__ = ()

    def _refusals(self) -> tuple[Ground, ...]:
        rule, excluded = self.rule, self.excluded
        refusals: tuple[Ground, ...] = ()
        if not self.necessary:
            refusals += grounds_for(
                f"{rule.assessor} vindt de interventie niet noodzakelijk: geen vergoeding",
                rule.citations,
                (("noodzakelijk", False),),
                rule_id="intervention_reimbursement",
            )
        if not self.not_excessive:
            refusals += grounds_for(
                "de kosten zijn bovenmatig in relatie tot de resterende periode van "
                "loondoorbetaling (oordeel): geen vergoeding",
                (*rule.citations, DECISIONS),
                (("niet_bovenmatig", False),),
                rule_id="intervention_reimbursement",
            )
        if self.first_sick_day < self.module_start:
            refusals += grounds_for(
                "de medewerker werd arbeidsongeschikt vóór de ingangsdatum van de module: "
                "geen vergoeding",
                rule.start_citations,
                (
                    ("eerste_ziektedag", self.first_sick_day),
                    ("ingangsdatum_module", self.module_start),
                ),
                rule_id="intervention_reimbursement",
            )
        if excluded is not None and excluded in rule.excluded:
            refusals += grounds_for(
                f"wordt niet vergoed: {_EXCLUSION_TEXT[excluded]}",
                rule.exclusion_citations,
                (("soort", excluded.value),),
                rule_id="intervention_reimbursement",
            )
        return refusals

    def explain(self) -> Explained[Decimal]:
        """The reimbursement with its grounds: the refusals, or the rule of the product's
        articles with the share in force (and a note on a kind it does not exclude)."""
        share, rule, excluded = self.share, self.rule, self.excluded
        if share is None:
            return Explained(self.value, self._refusals(), Unit.EURO)
        grounds = grounds_for(
            f"{rule.assessor} vindt de interventie noodzakelijk, de kosten zijn niet bovenmatig "
            "en de medewerker werd ziek op of na de ingangsdatum: vergoed = kosten × "
            "interventievergoeding",
            (*rule.citations, *rule.start_citations),
            (
                ("product", self.product.code),
                ("kosten", Unit.EURO.of(self.costs)),
                share.as_pair(),
                ("eerste_ziektedag", self.first_sick_day),
                ("ingangsdatum_module", self.module_start),
            ),
            rule_id="intervention_reimbursement",
        )
        if excluded is not None:
            listed = ", ".join(k.value for k in InterventionExclusion if k in rule.excluded)
            grounds += grounds_for(
                f"de soort {excluded.value} is in de voorwaarden van {self.product.code} niet "
                f"uitgesloten (uitgesloten: {listed or 'geen'}); uitgesloten soorten per product "
                "volgen uit de eigen tekst",
                (*rule.exclusion_citations, DECISIONS_2026),
                (("soort", excluded.value),),
            )
        return Explained(self.value, grounds, Unit.EURO)


_new_intervention: Callable[
    [type[InterventionReimbursement], tuple[object, ...]], InterventionReimbursement
]
_new_intervention = tuple.__new__

_BW_7_629_1 = Citation.statute("BW", "7:629 lid 1")


#: Read once: an Enum member looked up on its class costs a call in Python 3.11, and a 7 in
#: Decimal arithmetic is converted on every operation; the rule runs once per lifted row.
_WAGE_END = Milestone.EINDE_LOONDOORBETALING
_SEVEN = Decimal(7)


def remaining_wage_cost(
    weekly_wage: AmountLike,
    case: SicknessCase,
    reference: date,
    *,
    percentage: AmountLike | None = None,
    sanction_weeks: int = 0,
) -> RemainingWageCost:
    """Wage cost left in the wage-continuation period: the aid for "niet bovenmatig" (§8).

    Defined as:

    ```text
    remaining_days = the days of wage continuation left after reference, as in remaining_weeks
    cost           = remaining_days / 7 × weekly_wage × p
    ```

    (the remaining days are [`remaining_weeks`][reintegratie_core.remaining_weeks]'s one
    rule: the sick days of the 104 weeks not yet used plus the sanction days after
    ``reference``, so never more than 104 + s weeks)

    with *p* = 70 % (BW 7:629 lid 1, in force on ``reference``) unless a percentage is
    given; rounded once to cents — the weeks are not rounded first. ``None`` (n.v.t.) when
    a closed case never reaches the end of wage continuation. The decision is a
    [`RemainingWageCost`][reintegratie_core.compensation.RemainingWageCost] record; its grounds are rendered when explained.
    """
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if type(reference) is not date:
        raise date_error("reference", reference)
    if type(sanction_weeks) is not int or not 0 <= sanction_weeks <= _MAX_SANCTION:
        check_sanction_weeks(sanction_weeks, name="sanction_weeks")
    loon = money(weekly_wage, "weekly_wage")
    share: Parameter[Decimal] | None
    if percentage is None:
        share = _wage_continuation_share(reference)
        p = share.value
    else:
        share, p = None, fraction(percentage, name="percentage")
    end = _milestone_date(case, _WAGE_END, None, sanction_weeks)
    last = end.value
    value: Decimal | None
    if last is None:
        days, value = 0, None
    else:
        days = _days_left(case, last, reference, sanction_weeks)
        value = round_cents(Decimal(days) * loon * p / _SEVEN)
    return _new_remaining(RemainingWageCost, (loon, reference, share, p, end, days, value))


@functools.lru_cache(maxsize=64)
def _wage_continuation_share(reference: date) -> Parameter[Decimal]:
    """The statutory percentage in force on the reference date: the peildatum is one cell of
    a lifted call (a column of employees), so it is decided once per date, not per row."""
    return in_force(WAGE_CONTINUATION_SHARE, reference, "reference")


class _RemainingWageCost(NamedTuple):
    """The fields of `RemainingWageCost`."""

    weekly_wage: Decimal
    reference: date
    #: The statutory percentage in force; ``None`` when a percentage was given.
    share: Parameter[Decimal] | None
    percentage: Decimal
    end: MilestoneDate
    days: int
    value: Decimal | None


class RemainingWageCost(_RemainingWageCost, DecisionRecord[Decimal | None]):
    """What [`remaining_wage_cost`][reintegratie_core.compensation.remaining_wage_cost] decided: the weekly wage, the reference date,
    the percentage (the parameter in force, or the one given), the end of wage continuation
    (its own decision record), the days left and the cost (``value``; ``None`` = n.v.t.).
    A tuple, built once per lifted Excel row; `explain` renders the grounds from it."""

    __slots__ = ()

    def explain(self) -> Explained[Decimal | None]:
        """The cost with its grounds: those of the end of wage continuation, then the formula
        (BW 7:629 lid 1)."""
        end = self.end.explain()
        if self.value is None or end.value is None:
            return Explained(None, end.grounds)
        share = self.share
        p_pair = (
            ("percentage", Unit.PERCENT.of(self.percentage)) if share is None else share.as_pair()
        )
        ground = Ground(
            rule=f"resterende loonkosten = {_REMAINING_RULE} / 7 × weekloon × percentage "
            "(hulpmiddel bij het oordeel 'niet bovenmatig')",
            citation=_BW_7_629_1,
            parameters=(
                ("peildatum", self.reference),
                ("einde_loondoorbetaling", end.value),
                ("resterende_dagen", Unit.DAYS.of(self.days)),
                ("weekloon", Unit.EURO.of(self.weekly_wage)),
                p_pair,
            ),
            rule_id="remaining_wage_cost",
        )
        return Explained(self.value, (*end.grounds, ground), Unit.EURO)


_new_remaining: Callable[[type[RemainingWageCost], tuple[object, ...]], RemainingWageCost]
_new_remaining = tuple.__new__


# --- SEPA (001/004 art. 3.4) ---------------------------------------------------------------


@functools.cache
def _iban_problems() -> tuple[tuple[type[SchwiftyException], str], ...]:
    """Each schwifty error with its Dutch reason (imported on the first IBAN check)."""
    from schwifty.exceptions import (
        InvalidAccountCode,
        InvalidBankCode,
        InvalidBBANChecksum,
        InvalidBranchCode,
        InvalidChecksumDigits,
        InvalidCountryCode,
        InvalidLength,
        InvalidStructure,
    )

    return (
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


@functools.cache
def _schwifty() -> tuple[type[IBAN], type[SchwiftyException]]:
    """schwifty's ``IBAN`` and its error root, imported on the first IBAN check (an
    ``import`` statement in the check would look them up again for every row)."""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    return IBAN, SchwiftyException


def _problem(exc: SchwiftyException) -> str:
    for kind, text in _iban_problems():
        if isinstance(exc, kind):
            return text
    return "geen geldig IBAN"


def is_sepa_account(iban: str) -> SepaAccount:
    """Whether payments may go to ``iban``: valid and in the SEPA area (``001``/``004`` 3.4).

    Defined as: schwifty ``IBAN(text, validate_bban=True)`` accepts it (structure, length,
    check digits, national checksum) and ``in_sepa_zone``. Spaces are ignored; any text
    that is not a valid IBAN gives ``False`` with the reason in the explanation. The
    decision is a [`SepaAccount`][reintegratie_core.compensation.SepaAccount] record; its grounds are rendered when explained.
    """
    if not isinstance(iban, str):
        msg = f"{type(iban).__name__} is geen tekst"
        raise argument_error(TypeError, "iban", msg)
    iban_class, refused = _schwifty()
    compact = "".join(iban.split()).upper()
    try:
        account = iban_class(compact, validate_bban=True)
    except refused as exc:
        return _new_sepa(SepaAccount, (compact, None, _problem(exc), False))
    return _new_sepa(
        SepaAccount, (account.compact, account.country_code, None, bool(account.in_sepa_zone))
    )


class _SepaAccount(NamedTuple):
    """The fields of `SepaAccount`."""

    iban: str
    country: str | None
    problem: str | None
    value: bool


class SepaAccount(_SepaAccount, DecisionRecord[bool]):
    """What [`is_sepa_account`][reintegratie_core.compensation.is_sepa_account] decided: the IBAN (compact), its country when
    valid, why it is not valid (``None`` when it is) and whether payments may go there
    (``value``). A tuple, built once per lifted Excel row; `explain` renders the grounds."""

    __slots__ = ()

    def explain(self) -> Explained[bool]:
        """The answer with its ground (``001``/``004`` art. 3.4)."""
        if self.problem is not None:
            grounds = grounds_for(
                f"geen geldig IBAN: {self.problem}; betalingen alleen naar een rekening binnen "
                "het SEPA-gebied",
                _SEPA_CITATIONS,
                (("iban", self.iban),),
                rule_id="is_sepa_account",
            )
            return Explained(False, grounds)
        rule = (
            "geldig IBAN in het SEPA-gebied"
            if self.value
            else "geldig IBAN, maar het land ligt buiten het SEPA-gebied; betalingen alleen "
            "naar een rekening binnen het SEPA-gebied"
        )
        grounds = grounds_for(
            rule,
            _SEPA_CITATIONS,
            (("iban", self.iban), ("land", self.country or "")),
            rule_id="is_sepa_account",
        )
        return Explained(self.value, grounds)


_new_sepa: Callable[[type[SepaAccount], tuple[object, ...]], SepaAccount] = tuple.__new__


__all__ = [
    "INTERVENTION_EXCLUSION_ALIASES",
    "InterventionExclusion",
    "InterventionReimbursement",
    "RemainingWageCost",
    "SepaAccount",
    "intervention_reimbursement",
    "is_sepa_account",
    "remaining_wage_cost",
]
