"""Compensation formulas (domein §6): budgets, interventions, loonsanctie, fees.

Each formula is a function with a docstring that restates it ("Defined as::") and cites its
article; it takes exact amounts (``Decimal``, ``int`` or numeric text — a ``float`` is a
``TypeError``), reads every amount and percentage of a product's conditions from the
[`Product`][reintegratie_core.products.model.Product] it is given (``product.parameter(name,
on=date)``), rounds once at its result and
returns an [`Explained`][reintegratie_core.explain.Explained] value whose grounds name the
article and the parameter values used.

* `budgets` — preventiebudget, re-integratiebudget and its per-case
  [`BudgetLedger`][reintegratie_core.compensation.budgets.BudgetLedger], kosten-batenanalyse, third-party settlement, premium window
  (``003`` art. 2.5, 2.6, 3.1).
* `interventions` — 100 % intervention reimbursement, remaining wage cost, SEPA
  (``001``/``004`` art. 3.3, 3.4; ``002``).
* `sanction` — loonsanctie compensation (``003`` art. 2.7).
* `fees` — weekly wage, module fee pro rata (``001``/``004`` art. 5.2).
"""

from __future__ import annotations

from reintegratie_core.compensation.budgets import (
    BUDGET_EXCLUSION_ALIASES,
    BUDGET_KIND_ALIASES,
    BudgetBalance,
    BudgetClaim,
    BudgetExclusion,
    BudgetKind,
    BudgetLedger,
    Declaration,
    LedgerEntry,
    PreventionConditions,
    ReintegrationConditions,
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
from reintegratie_core.compensation.fees import (
    WAGE_PERIOD_ALIASES,
    WagePeriod,
    prorated_fee,
    weekly_wage,
)
from reintegratie_core.compensation.interventions import (
    INTERVENTION_EXCLUSION_ALIASES,
    InterventionExclusion,
    intervention_reimbursement,
    is_sepa_account,
    remaining_wage_cost,
)
from reintegratie_core.compensation.sanction import (
    ConditionCheck,
    SanctionConditions,
    SanctionConditionsCheck,
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
    "Declaration",
    "InterventionExclusion",
    "LedgerEntry",
    "PreventionConditions",
    "ReintegrationConditions",
    "SanctionConditions",
    "SanctionConditionsCheck",
    "ThirdPartySettlement",
    "WagePeriod",
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
