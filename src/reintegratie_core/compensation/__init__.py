"""Compensation formulas (domein §6): budgets, interventions, loonsanctie, fees.

Each formula is a function with a docstring that restates it ("Defined as::") and cites its
article; it takes exact amounts (``Decimal``, ``int`` or numeric text — a ``float`` is a
``TypeError``), reads every amount and percentage of a product's conditions from the
[`Product`][reintegratie_core.products.Product] it is given (``product.parameter(name,
on=date)``), rounds once at its result and
returns an [`Explained`][reintegratie_core.Explained] value whose grounds name the
article and the parameter values used.

* `_budgets` — preventiebudget, re-integratiebudget and its per-case
  [`BudgetLedger`][reintegratie_core.compensation.BudgetLedger], kosten-batenanalyse, third-party settlement, premium window
  (``003`` art. 2.5, 2.6, 3.1).
* `_interventions` — 100 % intervention reimbursement, remaining wage cost, SEPA
  (``001``/``004`` art. 3.3, 3.4; ``002``).
* `_sanction` — loonsanctie compensation (``003`` art. 2.7).
* `_fees` — weekly wage, module fee pro rata (``001``/``004`` art. 5.2).

The modules are private; every name in their ``__all__`` is re-exported here
(``tests/core/test_public_api.py`` checks it).
"""

from __future__ import annotations

from reintegratie_core.compensation._budgets import (
    BUDGET_EXCLUSION_ALIASES,
    BUDGET_KIND_ALIASES,
    BudgetBalance,
    BudgetClaim,
    BudgetExclusion,
    BudgetKind,
    BudgetLedger,
    CostBenefitContribution,
    Declaration,
    LedgerEntry,
    PremiumWindow,
    PreventionConditions,
    PreventionReimbursement,
    ReintegrationConditions,
    ReintegrationReimbursement,
    SettlementDecision,
    ThirdPartySettlement,
    budget_balances,
    budget_cases,
    cost_benefit_contribution,
    counts_for_premium,
    prevention_budget,
    prevention_cap,
    reintegration_budget,
    reintegration_cap,
    third_party_settlement,
)
from reintegratie_core.compensation._fees import (
    WAGE_PERIOD_ALIASES,
    ProratedFee,
    WagePeriod,
    WeeklyWage,
    prorated_fee,
    weekly_wage,
)
from reintegratie_core.compensation._interventions import (
    INTERVENTION_EXCLUSION_ALIASES,
    InterventionExclusion,
    InterventionReimbursement,
    RemainingWageCost,
    SepaAccount,
    intervention_reimbursement,
    is_sepa_account,
    remaining_wage_cost,
)
from reintegratie_core.compensation._sanction import (
    ConditionCheck,
    SanctionCompensation,
    SanctionConditions,
    SanctionConditionsCheck,
    SanctionRefusal,
    sanction_compensation,
    sanction_conditions,
)

__all__ = [
    "BUDGET_EXCLUSION_ALIASES",
    "BUDGET_KIND_ALIASES",
    "INTERVENTION_EXCLUSION_ALIASES",
    "WAGE_PERIOD_ALIASES",
    "BudgetBalance",
    "BudgetClaim",
    "BudgetExclusion",
    "BudgetKind",
    "BudgetLedger",
    "ConditionCheck",
    "CostBenefitContribution",
    "Declaration",
    "InterventionExclusion",
    "InterventionReimbursement",
    "LedgerEntry",
    "PremiumWindow",
    "PreventionConditions",
    "PreventionReimbursement",
    "ProratedFee",
    "ReintegrationConditions",
    "ReintegrationReimbursement",
    "RemainingWageCost",
    "SanctionCompensation",
    "SanctionConditions",
    "SanctionConditionsCheck",
    "SanctionRefusal",
    "SepaAccount",
    "SettlementDecision",
    "ThirdPartySettlement",
    "WagePeriod",
    "WeeklyWage",
    "budget_balances",
    "budget_cases",
    "cost_benefit_contribution",
    "counts_for_premium",
    "intervention_reimbursement",
    "is_sepa_account",
    "prevention_budget",
    "prevention_cap",
    "prorated_fee",
    "reintegration_budget",
    "reintegration_cap",
    "remaining_wage_cost",
    "sanction_compensation",
    "sanction_conditions",
    "third_party_settlement",
    "weekly_wage",
]
