"""Compensation formulas (domein §6): budgets, interventions, loonsanctie, fees.

Each formula is a function with a docstring that restates it ("Defined as::") and cites its
article; it takes exact amounts (``Decimal``, ``int`` or numeric text — a ``float`` is a
``TypeError``), reads every amount and percentage from
`reintegratie_core.product_parameters` for a date, rounds once at its result and
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
    BudgetClaim,
    BudgetExclusion,
    BudgetLedger,
    LedgerEntry,
    PreventionConditions,
    ReintegrationConditions,
    ThirdPartySettlement,
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
    FULL_INTERVENTION_PRODUCTS,
    INTERVENTION_EXCLUSION_ALIASES,
    InterventionExclusion,
    InterventionProduct,
    intervention_reimbursement,
    is_sepa_account,
    remaining_wage_cost,
)
from reintegratie_core.compensation.sanction import (
    SanctionConditions,
    check_weeks,
    sanction_compensation,
)

__all__ = [
    "FULL_INTERVENTION_PRODUCTS",
    "INTERVENTION_EXCLUSION_ALIASES",
    "WAGE_PERIOD_ALIASES",
    "BudgetClaim",
    "BudgetExclusion",
    "BudgetLedger",
    "InterventionExclusion",
    "InterventionProduct",
    "LedgerEntry",
    "PreventionConditions",
    "ReintegrationConditions",
    "SanctionConditions",
    "ThirdPartySettlement",
    "WagePeriod",
    "check_weeks",
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
    "third_party_settlement",
    "weekly_wage",
]
