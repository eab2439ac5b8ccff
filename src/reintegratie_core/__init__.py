"""reintegratie_core: the rules of Dutch sick-leave re-integration products, exact and explained.

A pure library: no I/O, no clock, no Excel. Dates are ``datetime.date``, money is
``decimal.Decimal``, and every public calculation returns an
[`Explained`][reintegratie_core.explain.Explained] value that cites its article.

Every name a user needs — to build the inputs (``ModuleContract``, ``BudgetClaim``,
``Absence`` …) and to read the results (``Cascade``, ``Consequence``, ``EntitlementStatus``
…) — is importable from here and listed in ``__all__``; the package is typed (``py.typed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reintegratie_core import compensation, entitlements, products
from reintegratie_core.compensation import (
    BudgetClaim,
    BudgetExclusion,
    BudgetLedger,
    InterventionExclusion,
    LedgerEntry,
    PreventionConditions,
    ReintegrationConditions,
    SanctionConditions,
    ThirdPartySettlement,
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
from reintegratie_core.dates import Period, add_months, add_working_days, is_working_day
from reintegratie_core.deadlines import (
    declaration_deadline,
    payment_deadline,
    plan_van_aanpak_deadline,
    sanction_notice_deadline,
    working_day,
)
from reintegratie_core.entitlements import (
    Entitlement,
    EntitlementState,
    EntitlementStatus,
    Event,
    EventKind,
    NotInProductError,
    entitlement_state,
    entitlement_status,
    entitlement_statuses,
)
from reintegratie_core.errors import (
    InvalidPeriodError,
    InvalidValueError,
    NotApplicableError,
    ReintegratieError,
    UnknownCodeError,
)
from reintegratie_core.explain import (
    Citation,
    Explained,
    Ground,
    SourceKind,
    Unit,
    cite,
    format_value,
)
from reintegratie_core.money import fraction, round_cents
from reintegratie_core.parameters import Parameter, ParameterHistory
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
    Cascade,
    Consequence,
    EndedModule,
    Module,
    ModuleContract,
    NotCancellableError,
    Policy,
    Product,
    ReasonNotAllowedError,
    TerminationReason,
    builtin_product,
    cascade,
    consequences,
    earliest_cancellation,
    eligible,
    ends_with,
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
from reintegratie_core.worklist import Status, WorkItem

if TYPE_CHECKING:
    from reintegratie_core.products import ProductFileError, load_product

    __version__: str


def __getattr__(name: str) -> object:
    """The names imported on first use: ``load_product`` and ``ProductFileError`` (cattrs,
    tomllib) and
    ``__version__`` (``importlib.metadata``) cost more to import than the rest together."""
    if name in {"load_product", "ProductFileError"}:
        from reintegratie_core.products import loading

        return getattr(loading, name)
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
    "BudgetClaim",
    "BudgetExclusion",
    "BudgetLedger",
    "Cascade",
    "Citation",
    "Consequence",
    "EndedModule",
    "Entitlement",
    "EntitlementState",
    "EntitlementStatus",
    "Event",
    "EventKind",
    "Explained",
    "Ground",
    "InterventionExclusion",
    "InvalidPeriodError",
    "InvalidValueError",
    "LedgerEntry",
    "Milestone",
    "MilestoneDate",
    "Module",
    "ModuleContract",
    "NotApplicableError",
    "NotCancellableError",
    "NotInProductError",
    "Parameter",
    "ParameterHistory",
    "Period",
    "Policy",
    "PreventionConditions",
    "Product",
    "ProductFileError",
    "ReasonNotAllowedError",
    "ReintegratieError",
    "ReintegrationConditions",
    "SanctionConditions",
    "SicknessCase",
    "Signal",
    "SourceKind",
    "Status",
    "TerminationReason",
    "ThirdPartySettlement",
    "Unit",
    "UnknownCodeError",
    "WagePeriod",
    "WorkItem",
    "__version__",
    "add_months",
    "add_working_days",
    "builtin_product",
    "cascade",
    "case_at",
    "case_of",
    "cite",
    "compensation",
    "consequences",
    "cost_benefit_contribution",
    "counted_sick_days",
    "counts_for_premium",
    "declaration_deadline",
    "earliest_cancellation",
    "eligible",
    "ends_with",
    "entitlement_state",
    "entitlement_status",
    "entitlement_statuses",
    "entitlements",
    "first_expiry",
    "format_value",
    "fraction",
    "guidance_continues",
    "intervention_reimbursement",
    "is_sepa_account",
    "is_working_day",
    "last_case",
    "load_product",
    "merge_cases",
    "milestone_date",
    "next_milestone",
    "payment_deadline",
    "plan_van_aanpak_deadline",
    "prevention_budget",
    "products",
    "prorated_fee",
    "reintegration_budget",
    "relapse_prevention",
    "remaining_wage_cost",
    "remaining_weeks",
    "round_cents",
    "sanction_compensation",
    "sanction_notice_deadline",
    "third_party_settlement",
    "timeline",
    "weekly_wage",
    "working_day",
]
