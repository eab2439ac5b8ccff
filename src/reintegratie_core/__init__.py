"""reintegratie_core: the rules of Dutch sick-leave re-integration products, exact and explained.

A pure library: no I/O, no clock, no Excel. Dates are ``datetime.date``, money is
``decimal.Decimal``, and every public calculation returns an
[`Explained`][reintegratie_core.Explained] value that cites its article.

The public API is this package and its subpackages `products`, `compensation` and
`financial`; the modules that implement them are private (``_poortwachter``,
``products._cascade`` …) and may change without notice. Every public name of the core's own
modules is re-exported here and listed in ``__all__``, together with the names a user needs
most from the subpackages — to build the inputs (``ModuleContract``, ``BudgetClaim``,
``Absence`` …) and to read the results (``Cascade``, ``Consequence``,
``EntitlementStatus`` …); the package is typed (``py.typed``).

A new public name of a module goes into that module's ``__all__`` and is re-exported here
(``tests/core/test_public_api.py`` checks both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reintegratie_core import products
from reintegratie_core._atw import (
    EQUATING_DECREES,
    EquatedDay,
    EquatingDecree,
    add_working_days,
    decree_for,
    equated_between,
    equated_days,
    feestdagen,
    is_working_day,
    span_grounds,
)
from reintegratie_core._dates import (
    ONE_DAY,
    Period,
    add_days,
    add_months,
    atw_holidays,
)
from reintegratie_core._deadlines import (
    DECLARATION,
    PAYMENT,
    PLAN_VAN_AANPAK,
    SANCTION_NOTICE,
    SICK_REPORT,
    WORKING_DAYS,
    Deadline,
    Term,
    declaration_deadline,
    payment_deadline,
    plan_van_aanpak_deadline,
    sanction_notice_deadline,
    sick_report_deadline,
    working_day,
)
from reintegratie_core._entitlements import (
    ENTITLEMENT_ALIASES,
    AppliedRule,
    Effect,
    Entitlement,
    EntitlementState,
    EntitlementStatus,
    Event,
    EventKind,
    EventRule,
    Granted,
    NotInProductError,
    ProductRules,
    Scope,
    applicable,
    check_event,
    employee_key,
    entitlement_state,
    entitlement_status,
    entitlement_statuses,
    product_rules,
)
from reintegratie_core._errors import (
    InvalidPeriodError,
    InvalidValueError,
    NotApplicableError,
    ParameterNotInForceError,
    ReintegratieError,
    UnknownCodeError,
    error_argument,
)
from reintegratie_core._explain import (
    DECISION_TITLE,
    SEED_LABELS,
    SEEDS,
    STATUTE_TITLES,
    UNIT,
    Citation,
    Decision,
    DecisionRecord,
    Explained,
    Ground,
    ParameterValue,
    Quantity,
    SourceKind,
    Unit,
    cite,
    combine,
    explanation_text,
    format_date,
    format_number,
    format_value,
    render_grounds,
    ruled,
)
from reintegratie_core._money import (
    CENT,
    ZERO,
    AmountLike,
    fraction,
    money,
    round_cents,
)
from reintegratie_core._parameters import (
    Parameter,
    ParameterHistory,
)
from reintegratie_core._poortwachter import (
    CLOSED_CASE_CITATION,
    MILESTONE_ALIASES,
    Milestone,
    MilestoneDate,
    NextMilestone,
    RelapsePrevention,
    RemainingWeeks,
    Signal,
    check_horizon,
    check_sanction_weeks,
    milestone_date,
    milestone_days,
    next_milestone,
    relapse_prevention,
    remaining_weeks,
    timeline,
    weeks_of,
)
from reintegratie_core._product_parameters import (
    ASR_REINTEGRATIE_PARAMETERS,
    ASR_REINTEGRATIEMANAGER_PARAMETERS,
    BUILTIN_FROM,
    CONTRACT_TERM_MONTHS_001,
    CONTRACT_TERM_MONTHS_004,
    EMPLOYER_CHARGES,
    FEE_YEAR_MONTHS,
    INTERVENTION_SHARE_001,
    INTERVENTION_SHARE_004,
    MKB_VERZUIM_ONTZORG_PARAMETERS,
    MODULE_MIN_MONTHS,
    MONTHS_PER_YEAR,
    NOTICE_MONTHS,
    PARAMETER_UNITS,
    PREMIUM_PRECEDING_YEARS,
    PREVENTION_CAP,
    PREVENTION_CAP_WGA_WIA,
    REINTEGRATION_CAP,
    REINTEGRATION_CAP_WGA_WIA,
    RELAPSE_WINDOW_DAYS,
    SANCTION_COVERAGE,
    WAGE_CONTINUATION_SHARE,
    WEEKS_PER_FOUR_WEEK_PERIOD,
    WEEKS_PER_YEAR,
    WORKING_DAYS_PER_WEEK,
    ZEEUWSE_PRB_PARAMETERS,
    check_product_parameter,
)
from reintegratie_core._sickness import (
    Absence,
    AbsenceKind,
    SickDays,
    SicknessCase,
    case_at,
    case_of,
    counted_sick_days,
    last_case,
    merge_cases,
)
from reintegratie_core._statutory import (
    DECLARATION_MONTHS,
    MAX_SANCTION_WEEKS,
    MERGE_INTERRUPTION_DAYS,
    PAYMENT_MONTHS,
    PLAN_VAN_AANPAK_DAYS,
    RELAPSE_CONTACT_MONTHS,
    RELAPSE_MIN_ABSENCE_MONTHS,
    SANCTION_NOTICE_WORKING_DAYS,
    SICK_REPORT_DAYS,
    SIGNAL_HORIZON_DAYS,
    WAGE_CONTINUATION_WEEKS,
)
from reintegratie_core._worklist import (
    TE_LAAT_CITATION,
    TRACKED_MILESTONES,
    Status,
    WorkItem,
    work_item,
)
from reintegratie_core.products import (
    ASR_REINTEGRATIE,
    ASR_REINTEGRATIEMANAGER,
    MKB_VERZUIM_ONTZORG,
    ZEEUWSE_PRB,
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

if TYPE_CHECKING:
    from reintegratie_core import compensation, financial
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
    from reintegratie_core.products import ProductFileError, load_product

    __version__: str


#: The subpackages imported on first use: a worklist or a date rule never needs them.
_LAZY_SUBPACKAGES = frozenset({"compensation", "financial"})


def __getattr__(name: str) -> object:
    """The names imported on first use (PEP 562): ``load_product`` and ``ProductFileError``
    (cattrs, tomllib) and ``__version__`` (``importlib.metadata``) cost more to import than
    the rest together; the subpackages ``compensation`` and ``financial``, and the names
    re-exported from ``compensation`` (those of ``__all__`` not defined above), are loaded
    when a program first asks for one, so that ``import reintegratie_core`` for the worklist
    or a date rule does not load them (issue 11: the CLI's start-up). Once loaded, a name
    is kept in this module, as an eager import would have left it."""
    if name in _LAZY_SUBPACKAGES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    if name in _COMPENSATION_NAMES:
        from reintegratie_core import compensation

        value: object = getattr(compensation, name)
        globals()[name] = value
        return value
    if name in {"load_product", "ProductFileError"}:
        from reintegratie_core.products import _loading

        return getattr(_loading, name)
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
    "ASR_REINTEGRATIE",
    "ASR_REINTEGRATIEMANAGER",
    "ASR_REINTEGRATIEMANAGER_PARAMETERS",
    "ASR_REINTEGRATIE_PARAMETERS",
    "BUILTIN_FROM",
    "CATALOGUE_VERSION",
    "CENT",
    "CLOSED_CASE_CITATION",
    "CONTRACT_TERM_MONTHS_001",
    "CONTRACT_TERM_MONTHS_004",
    "DECISION_TITLE",
    "DECLARATION",
    "DECLARATION_MONTHS",
    "EMPLOYER_CHARGES",
    "ENTITLEMENT_ALIASES",
    "EQUATING_DECREES",
    "FEE_YEAR_MONTHS",
    "INTERVENTION_SHARE_001",
    "INTERVENTION_SHARE_004",
    "MAX_SANCTION_WEEKS",
    "MERGE_INTERRUPTION_DAYS",
    "MILESTONE_ALIASES",
    "MKB_VERZUIM_ONTZORG",
    "MKB_VERZUIM_ONTZORG_PARAMETERS",
    "MODULE_MIN_MONTHS",
    "MONTHS_PER_YEAR",
    "NOTICE_MONTHS",
    "ONE_DAY",
    "PARAMETER_UNITS",
    "PAYMENT",
    "PAYMENT_MONTHS",
    "PLAN_VAN_AANPAK",
    "PLAN_VAN_AANPAK_DAYS",
    "PREMIUM_PRECEDING_YEARS",
    "PREVENTION_CAP",
    "PREVENTION_CAP_WGA_WIA",
    "REINTEGRATION_CAP",
    "REINTEGRATION_CAP_WGA_WIA",
    "RELAPSE_CONTACT_MONTHS",
    "RELAPSE_MIN_ABSENCE_MONTHS",
    "RELAPSE_WINDOW_DAYS",
    "SANCTION_COVERAGE",
    "SANCTION_NOTICE",
    "SANCTION_NOTICE_WORKING_DAYS",
    "SEEDS",
    "SEED_LABELS",
    "SICK_REPORT",
    "SICK_REPORT_DAYS",
    "SIGNAL_HORIZON_DAYS",
    "STATUTE_TITLES",
    "TE_LAAT_CITATION",
    "TRACKED_MILESTONES",
    "UNIT",
    "WAGE_CONTINUATION_SHARE",
    "WAGE_CONTINUATION_WEEKS",
    "WEEKS_PER_FOUR_WEEK_PERIOD",
    "WEEKS_PER_YEAR",
    "WORKING_DAYS",
    "WORKING_DAYS_PER_WEEK",
    "ZEEUWSE_PRB",
    "ZEEUWSE_PRB_PARAMETERS",
    "ZERO",
    "Absence",
    "AbsenceKind",
    "AmountLike",
    "AppliedRule",
    "BudgetClaim",
    "BudgetExclusion",
    "BudgetLedger",
    "Cascade",
    "Citation",
    "Consequence",
    "Deadline",
    "Decision",
    "DecisionRecord",
    "Effect",
    "EndedModule",
    "Entitlement",
    "EntitlementState",
    "EntitlementStatus",
    "EquatedDay",
    "EquatingDecree",
    "Event",
    "EventKind",
    "EventRule",
    "Explained",
    "Granted",
    "Ground",
    "InterventionExclusion",
    "InvalidPeriodError",
    "InvalidValueError",
    "LedgerEntry",
    "Milestone",
    "MilestoneDate",
    "Module",
    "ModuleContract",
    "NextMilestone",
    "NotApplicableError",
    "NotCancellableError",
    "NotInProductError",
    "Parameter",
    "ParameterHistory",
    "ParameterNotInForceError",
    "ParameterValue",
    "Period",
    "Policy",
    "PreventionConditions",
    "Product",
    "ProductFileError",
    "ProductRules",
    "Quantity",
    "ReasonNotAllowedError",
    "ReintegratieError",
    "ReintegrationConditions",
    "RelapsePrevention",
    "RemainingWeeks",
    "SanctionConditions",
    "Scope",
    "SickDays",
    "SicknessCase",
    "Signal",
    "SourceKind",
    "Status",
    "Term",
    "TerminationReason",
    "ThirdPartySettlement",
    "Unit",
    "UnknownCodeError",
    "WagePeriod",
    "WorkItem",
    "__version__",
    "add_days",
    "add_months",
    "add_working_days",
    "applicable",
    "atw_holidays",
    "builtin_product",
    "cascade",
    "case_at",
    "case_of",
    "check_event",
    "check_horizon",
    "check_product_parameter",
    "check_sanction_weeks",
    "cite",
    "combine",
    "compensation",
    "consequences",
    "cost_benefit_contribution",
    "counted_sick_days",
    "counts_for_premium",
    "declaration_deadline",
    "decree_for",
    "earliest_cancellation",
    "eligible",
    "employee_key",
    "ends_with",
    "entitlement_state",
    "entitlement_status",
    "entitlement_statuses",
    "equated_between",
    "equated_days",
    "error_argument",
    "explanation_text",
    "feestdagen",
    "financial",
    "first_expiry",
    "format_date",
    "format_number",
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
    "milestone_days",
    "money",
    "next_milestone",
    "payment_deadline",
    "plan_van_aanpak_deadline",
    "prevention_budget",
    "product_rules",
    "products",
    "prorated_fee",
    "reintegration_budget",
    "relapse_prevention",
    "remaining_wage_cost",
    "remaining_weeks",
    "render_grounds",
    "round_cents",
    "ruled",
    "sanction_compensation",
    "sanction_notice_deadline",
    "sick_report_deadline",
    "span_grounds",
    "third_party_settlement",
    "timeline",
    "weekly_wage",
    "weeks_of",
    "work_item",
    "working_day",
]

#: The names of ``__all__`` that `__getattr__` takes from ``compensation``: all not defined
#: when this module has run (the subpackages and the other lazy names aside).
_COMPENSATION_NAMES = (
    frozenset(__all__)
    - set(globals())
    - _LAZY_SUBPACKAGES
    - {
        "load_product",
        "ProductFileError",
        "__version__",
    }
)


def __dir__() -> list[str]:
    """The module's names, the ones imported on first use included."""
    return sorted(set(globals()) | set(__all__))
