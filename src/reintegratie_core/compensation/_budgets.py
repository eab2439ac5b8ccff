"""De Zeeuwse's budgets: prevention, re-integration, cost-benefit, third parties, premium.

Rules (domein §6, seed ``003``; amounts excl. btw, rounded once at the result):

* **Preventiebudget** (art. 2.5): at most € 500 per threatened case, € 1,000 with a
  WGA-eigenrisicoverzekering or a WIA 0-tot-100 plan; only when the four conditions of
  art. 2.5.2 are met and the employment had not ended before the activity started; never
  for the excluded cost kinds of art. 2.5.4.
* **Re-integratiebudget** (art. 2.6): at most € 4,000 / € 8,000 per ziektegeval — the
  text's own case (§8.1): sick periods less than four weeks apart are one case, and
  pregnancy/maternity leave does *not* bridge two periods here (it does for the Poortwachter
  timeline), see [`budget_cases`][reintegratie_core.compensation.budget_cases]; a granted subsidy or statutory
  reimbursement is deducted from our contribution after the cap (art. 3.1, §8); never for
  the excluded kinds of art. 2.6.5; still paid after the employment ended unless there is
  no legal re-integration obligation (art. 2.6.2). [`BudgetLedger`][reintegratie_core.compensation.BudgetLedger] keeps the budget
  per case.
* **Kosten-batenanalyse** above the cap (art. 2.6.1) and the **third-party** advance and
  settlement (art. 2.6.4).
* **Premium window** (art. 2.5.3, 2.6.3; §8.1): ``premiejaar`` *Y* is the year in which the
  premium is re-determined; a reimbursement counts for it when it was paid in *Y − 3 … Y*
  ("het lopende jaar en de voorgaande drie jaren").
* **Budget left** ([`budget_balances`][reintegratie_core.compensation.budget_balances]): from a list of declarations, what each
  ziektegeval (and the threatened case of the preventiebudget) has left.

Every amount is a parameter of the [`Product`][reintegratie_core.products.Product]
given (``preventiebudget``, ``preventiebudget_met_wga_of_wia``, ``reintegratiebudget``,
``reintegratiebudget_met_wga_of_wia``, ``premie_voorgaande_jaren``), read for a date; a
product without them (only De Zeeuwse's ``zeeuwse-prb`` has the budgets built in; an
insurer's own product file may define them) has no budget, an error naming ``product``.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

import attrs

from reintegratie_core._checks import (
    check_flag,
    check_iterable,
    date_error,
    flag,
    flag_error,
    instance_error,
    items_error,
    member_error,
    member_of,
    optional_member_of,
    optional_plain_date,
    plain_date,
    product_error,
    text_error,
)
from reintegratie_core._errors import InvalidValueError, argument_error
from reintegratie_core._explain import (
    UNIT,
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    Unit,
    format_date,
    ruled,
)
from reintegratie_core._money import (
    ZERO,
    AmountLike,
    money,
    round_cents,
)
from reintegratie_core._parameters import Parameter
from reintegratie_core._sickness import Absence, AbsenceKind, SicknessCase, merge_cases
from reintegratie_core.compensation._common import (
    all_met,
    condition,
    grounds_for,
    product_amount,
    product_whole,
    unmet,
)
from reintegratie_core.products._model import Product, is_product

ART_2_5_2 = Citation.seed("003", "2.5.2")
ART_2_5_3 = Citation.seed("003", "2.5.3")
ART_2_5_4 = Citation.seed("003", "2.5.4")
ART_2_6_1 = Citation.seed("003", "2.6.1")
ART_2_6_2 = Citation.seed("003", "2.6.2")
ART_2_6_3 = Citation.seed("003", "2.6.3")
ART_2_6_4 = Citation.seed("003", "2.6.4")
ART_2_6_5 = Citation.seed("003", "2.6.5")
ART_3_1 = Citation.seed("003", "3.1")
DECISIONS = Citation.decision("§8")
DECISIONS_2026 = Citation.decision("§8.1")


class BudgetExclusion(enum.Enum):
    """Cost kinds the budgets never reimburse (``003`` art. 2.5.4 and 2.6.5)."""

    MEDICAL_TREATMENT = "medische_behandeling"
    REIMBURSED_ELSEWHERE = "elders_vergoed"
    TRAVEL = "reiskosten"
    CANCELLATION = "annulering"


#: Aliases the shells accept for the excluded kinds of the budgets.
BUDGET_EXCLUSION_ALIASES: dict[str, BudgetExclusion] = {
    "medische behandeling": BudgetExclusion.MEDICAL_TREATMENT,
    "andere vergoeding": BudgetExclusion.REIMBURSED_ELSEWHERE,
    "elders vergoedbaar": BudgetExclusion.REIMBURSED_ELSEWHERE,
    "reis": BudgetExclusion.TRAVEL,
    "annuleringskosten": BudgetExclusion.CANCELLATION,
    "no-show": BudgetExclusion.CANCELLATION,
}

_EXCLUSION_TEXT = {
    BudgetExclusion.MEDICAL_TREATMENT: "kosten van een reguliere of alternatieve medische behandeling",
    BudgetExclusion.REIMBURSED_ELSEWHERE: (
        "kosten die op een andere manier vergoed kunnen worden (zorgverzekering, wettelijke "
        "of subsidieregeling)"
    ),
    BudgetExclusion.TRAVEL: "reiskosten van de werknemer naar de locatie van de activiteit",
    BudgetExclusion.CANCELLATION: "annuleringskosten en kosten omdat de werknemer niet aanwezig was",
}


@attrs.frozen(kw_only=True)
class PreventionConditions:
    """The four conditions of ``003`` art. 2.5.2; each ``True`` when met."""

    threatened_case_found: bool = condition(
        "dreigend_ziektegeval_vastgesteld",
        "een bedrijfsarts heeft vastgesteld dat de werknemer klachten heeft en er sprake is "
        "van een dreigend ziektegeval",
    )
    proposed_by_that_bedrijfsarts: bool = condition(
        "voorstel_van_die_bedrijfsarts",
        "de activiteit is ingezet op voorstel van diezelfde bedrijfsarts",
    )
    aims_to_prevent_loss: bool = condition(
        "doel_voorkomen_verlies_arbeidsvermogen",
        "de activiteit heeft tot doel te voorkomen dat de werknemer zijn arbeidsvermogen "
        "geheel of gedeeltelijk verliest",
    )
    authorised_beforehand: bool = condition(
        "vooraf_gemachtigd",
        "de werknemer heeft vooraf gemachtigd zijn persoonsgegevens te verwerken",
    )


@attrs.frozen(kw_only=True)
class ReintegrationConditions:
    """The conditions of ``003`` art. 2.6.2 for costs within the budget; ``True`` when met.

    The third condition — prior approval when a contribution above the cap is asked — is
    ``approved_beforehand`` of [`cost_benefit_contribution`][reintegratie_core.compensation.cost_benefit_contribution].
    """

    aims_to_restore: bool = condition(
        "doel_herstel_arbeidsvermogen",
        "de activiteit heeft tot doel het arbeidsvermogen geheel of gedeeltelijk te herstellen",
    )
    proposed_by_expert: bool = condition(
        "voorstel_bedrijfsarts_of_arbeidsdeskundige",
        "de activiteit is ingezet op voorstel van een bedrijfsarts of arbeidsdeskundige",
    )


def _exclusion(
    excluded: BudgetExclusion | None, citation: Citation, rule_id: str = ""
) -> tuple[Ground, ...]:
    if excluded is None:
        return ()
    return (
        Ground(
            rule=f"wordt niet vergoed: {_EXCLUSION_TEXT[excluded]}",
            citation=citation,
            parameters=(("soort", excluded.value),),
            rule_id=rule_id,
        ),
    )


#: A refused reimbursement: nothing, in cents.
NOTHING = round_cents(ZERO)


def _nothing(refusals: Iterable[Ground]) -> Explained[Decimal]:
    return Explained(NOTHING, tuple(refusals), Unit.EURO)


def _budget_what(product: Product, budget: str, name: str) -> str:
    """What a product without parameter ``name`` lacks: the ``budget`` itself, or — when it
    has the budget but not its variant with a WGA/WIA-verzekering — that variant."""
    base = name.removesuffix("_met_wga_of_wia")
    if base != name and product.has_parameter(base):
        return f"WGA/WIA-variant van het {budget}"
    return budget


# --- Preventiebudget (003 art. 2.5) --------------------------------------------------------


@functools.lru_cache(maxsize=64)  # decided once per (product, wga, date)
def prevention_cap(
    product: Product, with_wga_or_wia: bool = False, on: date | None = None
) -> Parameter[Decimal]:
    """The preventiebudget per threatened case in force on ``on`` (``003`` art. 2.5.1).

    Defined as: € 1,000 with a WGA-eigenrisicoverzekering or WIA 0-tot-100 plan at De
    Zeeuwse, else € 500 (the product parameters ``preventiebudget_met_wga_of_wia`` /
    ``preventiebudget``).
    """
    name = (
        "preventiebudget_met_wga_of_wia"
        if check_flag("with_wga_or_wia", with_wga_or_wia)
        else "preventiebudget"
    )
    return product_amount(product, name, on, _budget_what(product, "preventiebudget", name))


def prevention_budget(
    product: Product,
    costs: AmountLike,
    *,
    with_wga_or_wia: bool = False,
    already_reimbursed: AmountLike = 0,
    conditions: PreventionConditions | bool = True,
    employment_ended_before_start: bool = False,
    excluded: BudgetExclusion | None = None,
    on: date | None = None,
) -> PreventionReimbursement:
    """Reimbursement from the preventiebudget of one threatened case (``003`` art. 2.5).

    Defined as:

    ```text
    cap        = 1000 with WGA-ERD or WIA 0-tot-100, else 500          (art. 2.5.1)
    reimbursed = max(0, min(costs, cap − already_reimbursed))
    reimbursed = 0 when a condition of art. 2.5.2 is not met, when the employment
                 ended before the activity started (art. 2.5.2), or for an excluded
                 cost kind (art. 2.5.4)
    ```

    rounded once, half up, to cents. ``conditions`` is a [`PreventionConditions`][reintegratie_core.compensation.PreventionConditions] or
    one boolean for "all four conditions are met". The decision is a
    [`PreventionReimbursement`][reintegratie_core.compensation.PreventionReimbursement] record; its grounds are rendered when explained.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if excluded is not None and type(excluded) is not BudgetExclusion:
        raise member_error("excluded", excluded, BudgetExclusion)
    if on is not None and type(on) is not date:
        raise date_error("on", on)
    if type(with_wga_or_wia) is not bool or type(employment_ended_before_start) is not bool:
        check_flag("with_wga_or_wia", with_wga_or_wia)
        check_flag("employment_ended_before_start", employment_ended_before_start)
    kosten = money(costs, "costs")
    al_vergoed = money(already_reimbursed, "already_reimbursed")
    if employment_ended_before_start or excluded is not None or not all_met(conditions):
        cap = None
        value = NOTHING
    else:
        cap = prevention_cap(product, with_wga_or_wia, on)
        # max(0, min(kosten, left)) without the builtins: a call costs ~170 ns a row
        left = cap.value - al_vergoed
        within = left if left < kosten else kosten  # noqa: FURB136 - per row
        value = round_cents(within if within > ZERO else ZERO)  # noqa: FURB136 - per row
    return _new_prevention(
        PreventionReimbursement,
        (
            kosten,
            with_wga_or_wia,
            al_vergoed,
            conditions,
            employment_ended_before_start,
            excluded,
            cap,
            value,
        ),
    )


class _PreventionReimbursement(NamedTuple):
    """The fields of `PreventionReimbursement`."""

    costs: Decimal
    with_wga_or_wia: bool
    already_reimbursed: Decimal
    conditions: PreventionConditions | bool
    employment_ended_before_start: bool
    excluded: BudgetExclusion | None
    #: The preventiebudget in force; ``None`` when a refusal decided.
    cap: Parameter[Decimal] | None
    value: Decimal


class PreventionReimbursement(_PreventionReimbursement, DecisionRecord[Decimal]):
    """What [`prevention_budget`][reintegratie_core.compensation.prevention_budget] decided: its inputs, the budget in force (``None``
    when refused) and the reimbursement (``value``). A tuple, built once per lifted Excel
    row; `explain` renders the grounds from it."""

    __slots__ = ()

    @ruled("prevention_budget")
    def explain(self) -> Explained[Decimal]:
        """The reimbursement with its grounds: the refusals (art. 2.5.2, 2.5.4), or the
        formula with the budget in force (art. 2.5.1)."""
        cap = self.cap
        if cap is None:
            refusals = unmet(self.conditions, ART_2_5_2)
            if self.employment_ended_before_start:
                refusals += (
                    Ground(
                        rule="de arbeidsovereenkomst eindigde voordat de preventieactiviteit "
                        "startte: geen vergoeding",
                        citation=ART_2_5_2,
                        parameters=(("dienstverband_eerder_beeindigd", True),),
                    ),
                )
            return Explained(self.value, refusals + _exclusion(self.excluded, ART_2_5_4), Unit.EURO)
        parameters = (
            ("kosten", Unit.EURO.of(self.costs)),
            ("met_wga_of_wia", self.with_wga_or_wia),
            cap.as_pair(),
            ("al_vergoed", Unit.EURO.of(self.already_reimbursed)),
        )
        ground = Ground(
            rule="vergoed = min(kosten, preventiebudget − al vergoed), niet onder 0",
            citation=cap.citation,
            parameters=parameters,
        )
        return Explained(self.value, (ground,), Unit.EURO)


_new_prevention: Callable[
    [type[PreventionReimbursement], tuple[object, ...]], PreventionReimbursement
]
_new_prevention = tuple.__new__


# --- Re-integratiebudget per ziektegeval (003 art. 2.6, 3.1) -------------------------------


@functools.lru_cache(maxsize=64)  # decided once per (product, wga, date)
def reintegration_cap(
    product: Product, with_wga_or_wia: bool = False, on: date | None = None
) -> Parameter[Decimal]:
    """The re-integratiebudget per ziektegeval in force on ``on`` (``003`` art. 2.6.1).

    Defined as: € 8,000 with a WGA-eigenrisicoverzekering or WIA 0-tot-100 plan at De
    Zeeuwse, else € 4,000 (the product parameters ``reintegratiebudget_met_wga_of_wia`` /
    ``reintegratiebudget``).
    """
    name = (
        "reintegratiebudget_met_wga_of_wia"
        if check_flag("with_wga_or_wia", with_wga_or_wia)
        else "reintegratiebudget"
    )
    what = _budget_what(product, "re-integratiebudget", name)
    return product_amount(product, name, on, what)


def reintegration_budget(
    product: Product,
    costs: AmountLike,
    *,
    with_wga_or_wia: bool = False,
    already_reimbursed_in_case: AmountLike = 0,
    subsidy: AmountLike = 0,
    excluded: BudgetExclusion | None = None,
    conditions: ReintegrationConditions | bool = True,
    employment_ended: bool = False,
    legal_obligation: bool = True,
    on: date | None = None,
) -> ReintegrationReimbursement:
    """Reimbursement from the re-integratiebudget of one ziektegeval (``003`` art. 2.6, 3.1).

    Defined as:

    ```text
    cap        = 8000 with WGA-ERD or WIA 0-tot-100, else 4000          (art. 2.6.1)
    within     = max(0, min(costs, cap − already_reimbursed_in_case))
    reimbursed = max(0, within − subsidy)          (art. 3.1; §8: after the cap)
    reimbursed = 0 when a condition of art. 2.6.2 is not met, for an excluded cost
                 kind (art. 2.6.5), or when the employment ended and there is no
                 legal re-integration obligation (art. 2.6.2)
    ```

    rounded once, half up, to cents. "Already reimbursed in the case" is what the insurer
    paid (after subsidies); [`BudgetLedger`][reintegratie_core.compensation.BudgetLedger] keeps it per case. The decision is a
    [`ReintegrationReimbursement`][reintegratie_core.compensation.ReintegrationReimbursement] record; its grounds are rendered when explained.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if excluded is not None and type(excluded) is not BudgetExclusion:
        raise member_error("excluded", excluded, BudgetExclusion)
    if on is not None and type(on) is not date:
        raise date_error("on", on)
    if (
        type(with_wga_or_wia) is not bool
        or type(employment_ended) is not bool
        or type(legal_obligation) is not bool
    ):
        check_flag("with_wga_or_wia", with_wga_or_wia)
        check_flag("employment_ended", employment_ended)
        check_flag("legal_obligation", legal_obligation)
    kosten = money(costs, "costs")
    al_vergoed = money(already_reimbursed_in_case, "already_reimbursed_in_case")
    subsidie = money(subsidy, "subsidy")
    if (
        excluded is not None
        or (employment_ended and not legal_obligation)
        or not all_met(conditions)
    ):
        cap = None
        value = NOTHING
    else:
        cap = reintegration_cap(product, with_wga_or_wia, on)
        # max(0, min(kosten, left)) without the builtins: a call costs ~170 ns a row
        left = cap.value - al_vergoed
        within = left if left < kosten else kosten  # noqa: FURB136 - per row
        within = within if within > ZERO else ZERO  # noqa: FURB136 - per row
        paid = within - subsidie
        value = round_cents(paid if paid > ZERO else ZERO)  # noqa: FURB136 - per row
    return _new_reintegration(
        ReintegrationReimbursement,
        (
            kosten,
            with_wga_or_wia,
            al_vergoed,
            subsidie,
            excluded,
            conditions,
            employment_ended,
            legal_obligation,
            cap,
            value,
        ),
    )


class _ReintegrationReimbursement(NamedTuple):
    """The fields of `ReintegrationReimbursement`."""

    costs: Decimal
    with_wga_or_wia: bool
    already_reimbursed_in_case: Decimal
    subsidy: Decimal
    excluded: BudgetExclusion | None
    conditions: ReintegrationConditions | bool
    employment_ended: bool
    legal_obligation: bool
    #: The re-integratiebudget in force; ``None`` when a refusal decided.
    cap: Parameter[Decimal] | None
    value: Decimal


class ReintegrationReimbursement(_ReintegrationReimbursement, DecisionRecord[Decimal]):
    """What [`reintegration_budget`][reintegratie_core.compensation.reintegration_budget] decided: its inputs, the budget in force
    (``None`` when refused) and the reimbursement (``value``). A tuple, built once per
    lifted Excel row; `explain` renders the grounds from it."""

    __slots__ = ()

    def _ended(self) -> tuple[Ground, ...]:
        if not self.employment_ended:
            return ()
        rule = (
            "arbeidsovereenkomst geëindigd: toch vergoed, want er is een wettelijke "
            "re-integratieverplichting"
            if self.legal_obligation
            else "arbeidsovereenkomst geëindigd en geen wettelijke re-integratieverplichting: "
            "geen vergoeding"
        )
        return (
            Ground(
                rule=rule,
                citation=ART_2_6_2,
                parameters=(
                    ("dienstverband_beeindigd", True),
                    ("wettelijke_reintegratieverplichting", self.legal_obligation),
                ),
            ),
        )

    @ruled("reintegration_budget")
    def explain(self) -> Explained[Decimal]:
        """The reimbursement with its grounds: the refusals (art. 2.6.2, 2.6.5), or the
        formula with the budget in force (art. 2.6.1), the ended employment and the
        subsidy (art. 3.1, §8)."""
        cap = self.cap
        if cap is None:
            refusals = unmet(self.conditions, ART_2_6_2)
            if not self.legal_obligation:
                refusals += self._ended()
            return Explained(self.value, refusals + _exclusion(self.excluded, ART_2_6_5), Unit.EURO)
        grounds = (
            Ground(
                rule="binnen budget = min(kosten, re-integratiebudget per ziektegeval − al "
                "vergoed in dit ziektegeval), niet onder 0",
                citation=cap.citation,
                parameters=(
                    ("kosten", Unit.EURO.of(self.costs)),
                    ("met_wga_of_wia", self.with_wga_or_wia),
                    cap.as_pair(),
                    ("al_vergoed_in_ziektegeval", Unit.EURO.of(self.already_reimbursed_in_case)),
                ),
            ),
            *self._ended(),
        )
        if self.subsidy:
            grounds += grounds_for(
                "een toegekende subsidie of wettelijke vergoeding gaat na het plafond af van "
                "onze bijdrage: vergoed = max(0, binnen budget − subsidie)",
                (ART_3_1, DECISIONS),
                (("subsidie", Unit.EURO.of(self.subsidy)),),
            )
        return Explained(self.value, grounds, Unit.EURO)


_new_reintegration: Callable[
    [type[ReintegrationReimbursement], tuple[object, ...]], ReintegrationReimbursement
]
_new_reintegration = tuple.__new__


def _costs(value: AmountLike) -> Decimal:
    return money(value, "costs")


def _subsidy(value: AmountLike) -> Decimal:
    return money(value, "subsidy")


def _entries(values: Iterable[LedgerEntry]) -> tuple[LedgerEntry, ...]:
    check_iterable("entries", values, LedgerEntry)
    entries = tuple(values)
    if not set(map(type, entries)) <= {LedgerEntry}:
        raise items_error("entries", entries, LedgerEntry)
    return entries


def _absences(values: Iterable[Absence]) -> tuple[Absence, ...]:
    check_iterable("absences", values, Absence)
    absences = tuple(values)
    if not set(map(type, absences)) <= {Absence}:
        raise items_error("absences", absences, Absence)
    return absences


def budget_cases(absences: Iterable[Absence]) -> tuple[SicknessCase, ...]:
    """The ziektegevallen of the re-integratiebudget: the text of ``003`` art. 2.6.1.

    Defined as: "Er is sprake van één (doorlopend) ziektegeval als er tussen twee
    ziekteperiodes minder dan vier weken zit": only the sick periods are grouped
    (samentelling, interruption < 28 days); pregnancy/maternity leave is not sickness and
    does not bridge two periods here (decision §8.1) — so sick, a long leave, sick again is
    two cases with two budgets, while the Poortwachter timeline counts it as one
    (BW 7:629 lid 10, [`merge_cases`][reintegratie_core.merge_cases]).
    """
    check_iterable("absences", absences, Absence)
    given = absences if isinstance(absences, tuple | list) else tuple(absences)
    try:
        sick = [a for a in given if a.kind is AbsenceKind.SICK]
    except AttributeError:  # an element that is no Absence: name it
        raise items_error("absences", given, Absence) from None
    return merge_cases(sick)


def _budget_case_ground(case: SicknessCase) -> Ground:
    return Ground(
        rule="het re-integratiebudget geldt per ziektegeval: één ziektegeval bij minder dan vier "
        "weken tussen twee ziekteperiodes; verlof overbrugt hier niet",
        citation=ART_2_6_1,
        parameters=(("eerste_ziektedag", case.first_day), ("perioden", len(case.periods))),
        rule_id="budget_cases",
    )


def _budget_case_grounds(case: SicknessCase) -> tuple[Ground, ...]:
    """The grounds of a budget case: the samentelling as the case states it, cited as what
    decided it here — ``003`` art. 2.6.1's own four weeks (decision §8.1), not BW 7:629
    lid 10 (the budget's periods are sick periods only, so no leave bridges them)."""
    return (
        _budget_case_ground(case),
        Ground(
            rule="het ziektegeval van het budget is dat van de tekst van art. 2.6.1, zonder "
            "overbrugging door zwangerschaps- of bevallingsverlof",
            citation=DECISIONS_2026,
            rule_id="budget_cases",
        ),
        *(attrs.evolve(ground, citation=ART_2_6_1) for ground in case.grounds()),
    )


@attrs.frozen(kw_only=True)
class BudgetClaim:
    """One declaration against the re-integratiebudget (``003`` art. 2.6).

    ``sick_day`` is any sick day of the employee the activity is for (e.g. the first sick
    day, or the day the bedrijfsarts proposed it); it identifies the ziektegeval.
    """

    sick_day: date = attrs.field(validator=plain_date)
    costs: Decimal = attrs.field(converter=_costs, metadata={UNIT: Unit.EURO})
    subsidy: Decimal = attrs.field(default=ZERO, converter=_subsidy, metadata={UNIT: Unit.EURO})
    excluded: BudgetExclusion | None = attrs.field(
        default=None, validator=optional_member_of(BudgetExclusion)
    )
    conditions: ReintegrationConditions | bool = attrs.field(default=True)
    employment_ended: bool = attrs.field(default=False, validator=flag)
    legal_obligation: bool = attrs.field(default=True, validator=flag)

    @conditions.validator
    def _check_conditions(self, _attribute: object, conditions: object) -> None:
        if type(conditions) is not bool and type(conditions) is not ReintegrationConditions:
            raise flag_error(
                "conditions", conditions, "of de voorwaarden als ReintegrationConditions"
            )


@attrs.frozen(kw_only=True)
class LedgerEntry:
    """A recorded claim: the case it belongs to and what was reimbursed, explained."""

    case_first_day: date
    claim: BudgetClaim
    reimbursed: Explained[Decimal]


@attrs.frozen(kw_only=True)
class BudgetLedger:
    """The re-integratiebudget of one employee, kept per ziektegeval (``003`` art. 2.6.1).

    The sick periods decide the cases ([`budget_cases`][reintegratie_core.compensation.budget_cases]: less than four weeks between
    two periods is one case; leave does not bridge); each recorded claim is charged to the
    case its ``sick_day`` belongs to, against what that case has already been paid. A
    ledger is a value: `record` returns a new one.
    """

    product: Product = attrs.field(validator=is_product)
    absences: tuple[Absence, ...] = attrs.field(converter=_absences)
    with_wga_or_wia: bool = attrs.field(default=False, validator=flag)
    on: date | None = attrs.field(default=None, validator=optional_plain_date)
    entries: tuple[LedgerEntry, ...] = attrs.field(default=(), converter=_entries)
    #: The budget's ziektegevallen, computed once per ledger.
    _cases: tuple[SicknessCase, ...] = attrs.field(init=False, eq=False, repr=False)
    #: What was paid per case (first sick day), from the entries: O(1) per look-up.
    _paid: dict[date, Decimal] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @_cases.default
    def _merge(self) -> tuple[SicknessCase, ...]:
        return budget_cases(self.absences)

    @_paid.default
    def _sum(self) -> dict[date, Decimal]:
        paid: dict[date, Decimal] = {}
        for entry in self.entries:
            day = entry.case_first_day
            paid[day] = paid.get(day, ZERO) + entry.reimbursed.value
        return paid

    @property
    def cases(self) -> tuple[SicknessCase, ...]:
        """The budget's ziektegevallen ([`budget_cases`][reintegratie_core.compensation.budget_cases])."""
        return self._cases

    def case_for(self, day: date) -> SicknessCase:
        """The ziektegeval that sick day ``day`` belongs to (an error when it is no sick day)."""
        if type(day) is not date:
            raise date_error("day", day)
        for case in self._cases:
            if any(p.contains(day) for p in case.periods):
                return case
        reason = f"{format_date(day)} is geen ziektedag van de gegeven perioden"
        raise argument_error(InvalidValueError, "day", reason)

    def case_on(self, day: date) -> SicknessCase:
        """The ziektegeval a declaration dated ``day`` belongs to: the latest that began on
        or before ``day`` (a declaration follows the activity, often after recovery).

        Raises [`InvalidValueError`][reintegratie_core.InvalidValueError] when no case began by ``day``.
        """
        if type(day) is not date:
            raise date_error("day", day)
        index = bisect.bisect_right([c.first_day for c in self._cases], day)
        if index == 0:
            msg = f"{format_date(day)} ligt vóór de eerste ziektedag; een declaratie hoort bij een ziektegeval"
            raise InvalidValueError(msg)
        return self._cases[index - 1]

    def reimbursed_in_case(self, case_first_day: date) -> Decimal:
        """What the claims recorded so far paid in the case that started on ``case_first_day``.

        A day that is no case's first sick day is an error naming ``case_first_day`` (it
        would read as a case with nothing paid); ``case_for(day)`` gives the case of a day.
        """
        if type(case_first_day) is not date:
            raise date_error("case_first_day", case_first_day)
        if case_first_day not in self._paid and all(
            case.first_day != case_first_day for case in self._cases
        ):
            firsts = ", ".join(format_date(case.first_day) for case in self._cases)
            msg = (
                f"{format_date(case_first_day)} is niet de eerste ziektedag van "
                f"een ziektegeval in dit dossier (wel: {firsts or 'geen ziektegevallen'}); "
                "het ziektegeval van een ziektedag geeft case_for(dag)"
            )
            raise argument_error(InvalidValueError, "case_first_day", msg)
        return self._paid.get(case_first_day, ZERO)

    def remaining_in_case(self, case_first_day: date) -> Decimal:
        """The budget left in a case: ``max(0, cap − reimbursed in the case)``; the case is
        named by its first sick day, as in `reimbursed_in_case`."""
        paid = self.reimbursed_in_case(case_first_day)  # checks the day first
        cap = reintegration_cap(self.product, self.with_wga_or_wia, self.on).value
        return max(ZERO, cap - paid)

    def _entry(self, claim: BudgetClaim, paid: dict[date, Decimal]) -> LedgerEntry:
        """The entry of ``claim`` given what each case was paid so far (``paid``)."""
        case = self.case_for(claim.sick_day)
        explained = reintegration_budget(
            self.product,
            claim.costs,
            with_wga_or_wia=self.with_wga_or_wia,
            already_reimbursed_in_case=paid.get(case.first_day, ZERO),
            subsidy=claim.subsidy,
            excluded=claim.excluded,
            conditions=claim.conditions,
            employment_ended=claim.employment_ended,
            legal_obligation=claim.legal_obligation,
            on=self.on,
        )
        belongs = Ground(
            rule="de declaratie hoort bij het ziektegeval waarin de opgegeven ziektedag valt; "
            "het budget geldt per ziektegeval",
            citation=ART_2_6_1,
            parameters=(("ziektedag", claim.sick_day), ("eerste_ziektedag", case.first_day)),
            rule_id="BudgetLedger",
        )
        return LedgerEntry(
            case_first_day=case.first_day,
            claim=claim,
            reimbursed=explained.explain().with_grounds((belongs, *_budget_case_grounds(case)[1:])),
        )

    def record(self, claim: BudgetClaim) -> BudgetLedger:
        """This ledger with ``claim`` charged to its case (see [`reintegration_budget`][reintegratie_core.compensation.reintegration_budget])."""
        if type(claim) is not BudgetClaim:
            raise instance_error("claim", claim, BudgetClaim)
        return self.record_all((claim,))

    def record_all(self, claims: Iterable[BudgetClaim]) -> BudgetLedger:
        """This ledger with every claim recorded, in the order given (linear in the claims)."""
        check_iterable("claims", claims, BudgetClaim)
        paid = dict(self._paid)
        added: list[LedgerEntry] = []
        for index, claim in enumerate(claims):
            if type(claim) is not BudgetClaim:
                raise instance_error(f"claims[{index}]", claim, BudgetClaim)
            entry = self._entry(claim, paid)
            paid[entry.case_first_day] = paid.get(entry.case_first_day, ZERO) + (
                entry.reimbursed.value
            )
            added.append(entry)
        return attrs.evolve(self, entries=(*self.entries, *added))

    def totals(self) -> tuple[tuple[date, Decimal], ...]:
        """``(first sick day of the case, total reimbursed)`` per case with claims, in order."""
        seen: dict[date, None] = {}
        for entry in self.entries:
            seen.setdefault(entry.case_first_day, None)
        return tuple((day, self.reimbursed_in_case(day)) for day in sorted(seen))


# --- Budget left per case (003 art. 2.5, 2.6) ----------------------------------------------


class BudgetKind(enum.Enum):
    """Which budget a declaration draws on (``003`` art. 2.5 or 2.6)."""

    PREVENTIE = "preventie"
    REINTEGRATIE = "reintegratie"


#: Aliases the shells accept for budget kinds.
BUDGET_KIND_ALIASES: dict[str, BudgetKind] = {
    "preventiebudget": BudgetKind.PREVENTIE,
    "preventiekosten": BudgetKind.PREVENTIE,
    "re-integratie": BudgetKind.REINTEGRATIE,
    "reintegratiebudget": BudgetKind.REINTEGRATIE,
    "re-integratiebudget": BudgetKind.REINTEGRATIE,
    "reintegratiekosten": BudgetKind.REINTEGRATIE,
    "re-integratiekosten": BudgetKind.REINTEGRATIE,
}


def _declared(value: AmountLike) -> Decimal:
    return money(value, "amount")


@attrs.frozen(kw_only=True)
class Declaration:
    """One declaration: its date, the budget it draws on and the amount declared (excl. btw).

    ``label`` names the declaration in an error (e.g. its row in a range).
    """

    day: date = attrs.field(validator=plain_date)
    kind: BudgetKind = attrs.field(validator=member_of(BudgetKind))
    amount: Decimal = attrs.field(converter=_declared, metadata={UNIT: Unit.EURO})
    label: str = attrs.field(default="")

    @label.validator
    def _check_label(self, _attribute: object, label: object) -> None:
        if type(label) is not str:
            raise text_error("label", label)


@attrs.frozen(kw_only=True)
class BudgetBalance:
    """What one budget has left: per ziektegeval (re-integratie) or the threatened case
    (preventie, whose ``first_day``/``last_day`` are ``None``)."""

    kind: BudgetKind
    first_day: date | None
    last_day: date | None
    cap: Decimal = attrs.field(metadata={UNIT: Unit.EURO})
    reimbursed: Decimal = attrs.field(metadata={UNIT: Unit.EURO})
    remaining: Decimal = attrs.field(metadata={UNIT: Unit.EURO})
    declarations: int


def budget_balances(
    product: Product,
    absences: Iterable[Absence],
    declarations: Iterable[Declaration],
    *,
    with_wga_or_wia: bool = False,
    on: date | None = None,
) -> Explained[tuple[BudgetBalance, ...]]:
    """The budget left per ziektegeval from the declarations so far (``003`` art. 2.5, 2.6).

    Defined as:

    ```text
    re-integratie: cases = budget_cases(absences)                         (art. 2.6.1)
                   a declaration dated d belongs to the latest case with D ≤ d;
                   in date order, paid = min(amount, cap − paid in the case) (the ledger)
                   remaining(case) = cap − Σ paid in the case, one row per case
    preventie:     the preventie declarations are one threatened case     (art. 2.5.1)
                   paid = min(amount, cap − paid so far); remaining = cap − Σ paid
    ```

    with cap € 4,000 / € 8,000 (re-integratie) and € 500 / € 1,000 (preventie) with a
    WGA-ERD or WIA 0-tot-100 insurance. Every case of ``absences`` gets a row, also one
    without declarations (its whole budget left); a preventie row only when there are
    preventie declarations. A declaration's amount is what was declared; what was already
    paid may be entered instead (it is never more than what was left). Declarations of
    equal date keep their order. Each amount rounded once to cents.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if on is not None and type(on) is not date:
        raise date_error("on", on)
    check_iterable("declarations", declarations, Declaration)
    ordered = list(declarations)
    if not set(map(type, ordered)) <= {Declaration}:
        raise items_error("declarations", ordered, Declaration)
    ordered.sort(key=lambda d: d.day)
    ledger = BudgetLedger(
        product=product, absences=absences, with_wga_or_wia=with_wga_or_wia, on=on
    )
    cases = ledger.cases
    prevention_paid = ZERO
    prevention_count = 0
    grounds: list[Ground] = []
    counts: dict[date, int] = {}
    claims: list[BudgetClaim] = []
    for declaration in ordered:
        if declaration.kind is BudgetKind.PREVENTIE:
            paid = prevention_budget(
                product,
                declaration.amount,
                with_wga_or_wia=with_wga_or_wia,
                already_reimbursed=prevention_paid,
                on=on,
            )
            prevention_paid += paid.value
            prevention_count += 1
            grounds.extend(paid.grounds)
            continue
        try:
            case = ledger.case_on(declaration.day)
        except InvalidValueError as exc:
            prefix = f"{declaration.label}: " if declaration.label else ""
            raise InvalidValueError(f"{prefix}{exc}") from None
        claims.append(BudgetClaim(sick_day=case.first_day, costs=declaration.amount))
        counts[case.first_day] = counts.get(case.first_day, 0) + 1
    ledger = ledger.record_all(claims)
    for entry in ledger.entries:
        grounds.extend(entry.reimbursed.grounds)
    balances: list[BudgetBalance] = []
    cap = reintegration_cap(product, with_wga_or_wia, on)
    for case in cases:
        in_case = ledger.reimbursed_in_case(case.first_day)
        balances.append(
            BudgetBalance(
                kind=BudgetKind.REINTEGRATIE,
                first_day=case.first_day,
                last_day=case.last_day,
                cap=round_cents(cap.value),
                reimbursed=round_cents(in_case),
                remaining=round_cents(ledger.remaining_in_case(case.first_day)),
                declarations=counts.get(case.first_day, 0),
            )
        )
        if not counts.get(case.first_day):
            grounds.append(_budget_case_ground(case))
    grounds.append(
        Ground(
            rule="over per ziektegeval = re-integratiebudget − vergoed in dat ziektegeval; een "
            "declaratie hoort bij het laatste ziektegeval dat op of vóór haar datum begon",
            citation=cap.citation,
            parameters=(cap.as_pair(), ("met_wga_of_wia", with_wga_or_wia)),
            rule_id="budget_balances",
        )
    )
    if prevention_count:
        prevention = prevention_cap(product, with_wga_or_wia, on)
        balances.append(
            BudgetBalance(
                kind=BudgetKind.PREVENTIE,
                first_day=None,
                last_day=None,
                cap=round_cents(prevention.value),
                reimbursed=round_cents(prevention_paid),
                remaining=round_cents(max(ZERO, prevention.value - prevention_paid)),
                declarations=prevention_count,
            )
        )
        grounds.append(
            Ground(
                rule="het preventiebudget geldt per dreigend ziektegeval; de preventiedeclaraties "
                "horen bij één dreigend ziektegeval: over = preventiebudget − vergoed",
                citation=prevention.citation,
                parameters=(prevention.as_pair(),),
                rule_id="budget_balances",
            )
        )
    unique: dict[Ground, None] = dict.fromkeys(grounds)
    return Explained(tuple(balances), tuple(unique))


# --- Kosten-batenanalyse and third parties (003 art. 2.6.1, 2.6.4) -------------------------


def cost_benefit_contribution(
    costs: AmountLike,
    paid_within_budget: AmountLike,
    expected_cost_without: AmountLike,
    expected_cost_with: AmountLike,
    *,
    approved_beforehand: bool = True,
) -> CostBenefitContribution:
    """Extra contribution above the cap after a kosten-batenanalyse (``003`` art. 2.6.1).

    Defined as:

    ```text
    extra = max(0, min(costs − B, S0 − S1 − B))
    ```

    with *S0* the insurer's expected cost (schadelast) without the activity, *S1* with it
    (excluding the activity) and *B* what was paid within the budget; 0 when VRA did not
    approve it beforehand (art. 2.6.2). Rounded once to cents. The insurer's total cost
    with the activity, ``S1 + B + extra``, never exceeds ``max(S0, S1 + B)``. The decision
    is a [`CostBenefitContribution`][reintegratie_core.compensation.CostBenefitContribution] record; its grounds are rendered when explained.
    """
    kosten = money(costs, "costs")
    budget = money(paid_within_budget, "paid_within_budget")
    s0 = money(expected_cost_without, "expected_cost_without")
    s1 = money(expected_cost_with, "expected_cost_with")
    if type(approved_beforehand) is not bool:
        check_flag("approved_beforehand", approved_beforehand)
    if approved_beforehand:
        above, saved = kosten - budget, s0 - s1 - budget  # max(0, min(above, saved))
        extra = saved if saved < above else above  # noqa: FURB136 - per row
        value = round_cents(extra if extra > ZERO else ZERO)  # noqa: FURB136 - per row
    else:
        value = NOTHING
    return _new_contribution(
        CostBenefitContribution, (kosten, budget, s0, s1, approved_beforehand, value)
    )


class _CostBenefitContribution(NamedTuple):
    """The fields of `CostBenefitContribution`."""

    costs: Decimal
    paid_within_budget: Decimal
    expected_cost_without: Decimal
    expected_cost_with: Decimal
    approved_beforehand: bool
    value: Decimal


class CostBenefitContribution(_CostBenefitContribution, DecisionRecord[Decimal]):
    """What [`cost_benefit_contribution`][reintegratie_core.compensation.cost_benefit_contribution] decided: its inputs and the extra
    contribution (``value``). A tuple, built once per lifted Excel row; `explain`
    renders the grounds from it."""

    __slots__ = ()

    @ruled("cost_benefit_contribution")
    def explain(self) -> Explained[Decimal]:
        """The contribution with its grounds (``003`` art. 2.6.1; art. 2.6.2 when refused)."""
        if not self.approved_beforehand:
            refusal = Ground(
                rule="een vergoeding boven het budget op basis van een kosten-batenanalyse "
                "is niet vooraf door VRA goedgekeurd: geen extra vergoeding",
                citation=ART_2_6_2,
                parameters=(("vooraf_goedgekeurd", False),),
            )
            return Explained(self.value, (refusal,), Unit.EURO)
        ground = Ground(
            rule="extra = max(0, min(kosten − vergoed binnen budget, schadelast zonder − "
            "schadelast met − vergoed binnen budget))",
            citation=ART_2_6_1,
            parameters=(
                ("kosten", Unit.EURO.of(self.costs)),
                ("vergoed_binnen_budget", Unit.EURO.of(self.paid_within_budget)),
                ("schadelast_zonder", Unit.EURO.of(self.expected_cost_without)),
                ("schadelast_met", Unit.EURO.of(self.expected_cost_with)),
            ),
        )
        return Explained(self.value, (ground,), Unit.EURO)


_new_contribution: Callable[
    [type[CostBenefitContribution], tuple[object, ...]], CostBenefitContribution
]
_new_contribution = tuple.__new__


@attrs.frozen
class ThirdPartySettlement:
    """The final reimbursement after third-party recovery and what the employer repays."""

    final: Decimal = attrs.field(metadata={UNIT: Unit.EURO})
    repayment: Decimal = attrs.field(metadata={UNIT: Unit.EURO})


def third_party_settlement(
    advance: AmountLike, costs: AmountLike, recovered: AmountLike
) -> SettlementDecision:
    """Settlement of the advance when a third party is liable (``003`` art. 2.6.4).

    Defined as:

    ```text
    final     = max(0, min(A, K − R))
    repayment = A − final
    ```

    with *A* the reimbursement paid as an advance, *K* the re-integration costs and *R*
    what was recovered from the third party; each rounded once to cents. The decision is
    a [`SettlementDecision`][reintegratie_core.compensation.SettlementDecision] record (its ``value`` the
    [`ThirdPartySettlement`][reintegratie_core.compensation.ThirdPartySettlement]); its grounds are rendered when explained.
    """
    voorschot = money(advance, "advance")
    kosten = money(costs, "costs")
    verhaald = money(recovered, "recovered")
    # max(0, min(voorschot, left)) without the builtins: a call costs ~170 ns a row
    left = kosten - verhaald
    final = left if left < voorschot else voorschot  # noqa: FURB136 - per row
    final = final if final > ZERO else ZERO  # noqa: FURB136 - per row
    return _new_settlement(
        SettlementDecision,
        (voorschot, kosten, verhaald, round_cents(final), round_cents(voorschot - final)),
    )


class _SettlementDecision(NamedTuple):
    """The fields of `SettlementDecision`."""

    advance: Decimal
    costs: Decimal
    recovered: Decimal
    final: Decimal
    repayment: Decimal


class SettlementDecision(_SettlementDecision, DecisionRecord[ThirdPartySettlement]):
    """What [`third_party_settlement`][reintegratie_core.compensation.third_party_settlement] decided: its inputs, the final
    reimbursement and the repayment. A tuple, built once per lifted Excel row; ``value``
    is the [`ThirdPartySettlement`][reintegratie_core.compensation.ThirdPartySettlement], `explain` renders the grounds."""

    __slots__ = ()

    @property
    def value(self) -> ThirdPartySettlement:
        """The final reimbursement and the repayment."""
        return ThirdPartySettlement(self.final, self.repayment)

    @ruled("third_party_settlement")
    def explain(self) -> Explained[ThirdPartySettlement]:
        """The settlement with its ground (``003`` art. 2.6.4)."""
        ground = Ground(
            rule="de vergoeding is een voorschot; definitief = max(0, min(voorschot, kosten − "
            "verhaald)); terug te betalen = voorschot − definitief",
            citation=ART_2_6_4,
            parameters=(
                ("voorschot", Unit.EURO.of(self.advance)),
                ("kosten", Unit.EURO.of(self.costs)),
                ("verhaald", Unit.EURO.of(self.recovered)),
                ("definitief", Unit.EURO.of(self.final)),
                ("terug_te_betalen", Unit.EURO.of(self.repayment)),
            ),
        )
        return Explained(self.value, (ground,), Unit.EURO)


_new_settlement: Callable[[type[SettlementDecision], tuple[object, ...]], SettlementDecision]
_new_settlement = tuple.__new__


# --- Premium experience window (003 art. 2.5.3, 2.6.3) -------------------------------------

#: The last year a date can have.
_MAX_YEAR = date.max.year


def counts_for_premium(product: Product, payment_date: date, premium_year: int) -> PremiumWindow:
    """Whether a reimbursement counts for the premium of ``premium_year`` (``003`` 2.5.3, 2.6.3).

    Defined as: Y − n ≤ year(payment_date) ≤ Y, with *n* = 3 preceding years
    (the product parameter ``premie_voorgaande_jaren`` in force on 1 January of *Y*): "het lopende jaar en de
    voorgaande drie jaren". Decision §8.1: *Y* (``premiejaar``) is the year in which the
    premium percentage is re-determined — the "lopende jaar" — so the window is
    Y − 3 … Y, four calendar years.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(payment_date) is not date:
        raise date_error("payment_date", payment_date)
    if isinstance(premium_year, bool) or not isinstance(premium_year, int):
        msg = f"{premium_year!r} is geen jaartal (verwacht bijv. 2026)"
        raise argument_error(TypeError, "premium_year", msg)
    if not 1 <= premium_year <= _MAX_YEAR:
        msg = f"{premium_year} is geen geldig jaartal (1 t/m {_MAX_YEAR})"
        raise argument_error(InvalidValueError, "premium_year", msg)
    preceding = product_whole(
        product,
        "premie_voorgaande_jaren",
        date(premium_year, 1, 1),
        "premievenster",
        "premium_year",
    )
    value = premium_year - preceding.value <= payment_date.year <= premium_year
    return _new_window(PremiumWindow, (payment_date, premium_year, preceding, value))


class _PremiumWindow(NamedTuple):
    """The fields of `PremiumWindow`."""

    payment_date: date
    premium_year: int
    preceding: Parameter[int]
    value: bool


class PremiumWindow(_PremiumWindow, DecisionRecord[bool]):
    """What [`counts_for_premium`][reintegratie_core.compensation.counts_for_premium] decided: the payment date, the premium year, the
    preceding years in force and whether it counts (``value``). A tuple, built once per
    lifted Excel row; `explain` renders the grounds from it."""

    __slots__ = ()

    @ruled("counts_for_premium")
    def explain(self) -> Explained[bool]:
        """The answer with its grounds (``003`` art. 2.5.3, 2.6.3; decision §8.1)."""
        grounds = grounds_for(
            "premiejaar Y is het jaar waarin het premiepercentage opnieuw wordt vastgesteld; een "
            "vergoeding telt mee als zij betaald is in dat jaar of de voorgaande jaren: "
            "Y − n ≤ jaar van betaling ≤ Y",
            (ART_2_5_3, ART_2_6_3, DECISIONS_2026),
            (
                ("datum_vergoeding", self.payment_date),
                ("premiejaar", self.premium_year),
                self.preceding.as_pair(),
            ),
        )
        return Explained(self.value, grounds)


_new_window: Callable[[type[PremiumWindow], tuple[object, ...]], PremiumWindow] = tuple.__new__


__all__ = [
    "BUDGET_EXCLUSION_ALIASES",
    "BUDGET_KIND_ALIASES",
    "BudgetBalance",
    "BudgetClaim",
    "BudgetExclusion",
    "BudgetKind",
    "BudgetLedger",
    "CostBenefitContribution",
    "Declaration",
    "LedgerEntry",
    "PremiumWindow",
    "PreventionConditions",
    "PreventionReimbursement",
    "ReintegrationConditions",
    "ReintegrationReimbursement",
    "SettlementDecision",
    "ThirdPartySettlement",
    "budget_balances",
    "budget_cases",
    "cost_benefit_contribution",
    "counts_for_premium",
    "prevention_budget",
    "prevention_cap",
    "reintegration_budget",
    "reintegration_cap",
    "third_party_settlement",
]
