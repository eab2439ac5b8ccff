"""reintegratie_core: the rules of Dutch sick-leave re-integration products, exact and explained.

A pure library: no I/O, no clock, no Excel. Dates are ``datetime.date``, money is
``decimal.Decimal``, and every public calculation returns an
:class:`~reintegratie_core.explain.Explained` value that cites its article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reintegratie_core import compensation, entitlements, products
from reintegratie_core.compensation import (
    BudgetLedger,
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
from reintegratie_core.dates import Period, add_months, add_working_days, is_working_day
from reintegratie_core.entitlements import (
    Entitlement,
    EntitlementState,
    Event,
    EventKind,
    entitlement_state,
    entitlement_statuses,
)
from reintegratie_core.errors import (
    InvalidPeriodError,
    InvalidValueError,
    NotApplicableError,
    ReintegratieError,
    UnknownCodeError,
)
from reintegratie_core.explain import Citation, Explained, Ground
from reintegratie_core.poortwachter import (
    Milestone,
    MilestoneDate,
    Signal,
    milestone_date,
    next_milestone,
    relapse_prevention,
    remaining_weeks,
    timeline,
)
from reintegratie_core.products import (
    Policy,
    Product,
    TerminationReason,
    builtin_product,
    cascade,
    consequences,
    earliest_cancellation,
    eligible,
    first_expiry,
    guidance_continues,
)
from reintegratie_core.sickness import (
    Absence,
    AbsenceKind,
    SicknessCase,
    case_at,
    case_of,
    counted_sick_days,
    last_case,
    merge_cases,
)

if TYPE_CHECKING:
    from reintegratie_core.products import load_product

    __version__: str


def __getattr__(name: str) -> object:
    """The names imported on first use: ``load_product`` (cattrs, tomllib) and
    ``__version__`` (``importlib.metadata``) cost more to import than the rest together."""
    if name == "load_product":
        from reintegratie_core.products import loading

        return loading.load_product
    if name == "__version__":
        import importlib.metadata  # the one version source: pyproject.toml, as installed

        try:
            return importlib.metadata.version("reintegratie-core")
        except importlib.metadata.PackageNotFoundError:  # pragma: no cover - never installed
            return "0+onbekend"
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


#: The version of the built-in catalogue: the five seed conditions as of this date.
CATALOGUE_VERSION = "2026.11 (bronnen 000–004)"

__all__ = [
    "CATALOGUE_VERSION",
    "Absence",
    "AbsenceKind",
    "BudgetLedger",
    "Citation",
    "Entitlement",
    "EntitlementState",
    "Event",
    "EventKind",
    "Explained",
    "Ground",
    "InvalidPeriodError",
    "InvalidValueError",
    "Milestone",
    "MilestoneDate",
    "NotApplicableError",
    "Period",
    "Policy",
    "Product",
    "ReintegratieError",
    "SicknessCase",
    "Signal",
    "TerminationReason",
    "UnknownCodeError",
    "__version__",
    "add_months",
    "add_working_days",
    "builtin_product",
    "cascade",
    "case_at",
    "case_of",
    "compensation",
    "consequences",
    "cost_benefit_contribution",
    "counted_sick_days",
    "counts_for_premium",
    "earliest_cancellation",
    "eligible",
    "entitlement_state",
    "entitlement_statuses",
    "entitlements",
    "first_expiry",
    "guidance_continues",
    "intervention_reimbursement",
    "is_sepa_account",
    "is_working_day",
    "last_case",
    "load_product",
    "merge_cases",
    "milestone_date",
    "next_milestone",
    "prevention_budget",
    "products",
    "prorated_fee",
    "reintegration_budget",
    "relapse_prevention",
    "remaining_wage_cost",
    "remaining_weeks",
    "sanction_compensation",
    "third_party_settlement",
    "timeline",
    "weekly_wage",
]
