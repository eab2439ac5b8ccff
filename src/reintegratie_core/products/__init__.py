"""Products, module coupling, cascading termination, duration, cancellation, consequences.

domein §4 and §7: the product catalogue as typed data
(`catalogue`), one cascade engine over its coupling tables
([`cascade`][reintegratie_core.products.cascade.cascade]), contractvervaldata and cancellation
(`duration`), consequences, continuation and eligibility
([`consequences`][reintegratie_core.products.consequences.consequences]), and insurer-defined products from TOML
(`loading`).
"""

from __future__ import annotations

from reintegratie_core.products.cascade import (
    DEFAULT_REASON,
    Cascade,
    EndedModule,
    ModuleContract,
    Policy,
    cascade,
    ends_with,
    resolve_held,
)
from reintegratie_core.products.catalogue import (
    ASR_REINTEGRATIE,
    ASR_REINTEGRATIEMANAGER,
    BUILTIN_PRODUCTS,
    MKB_VERZUIM_ONTZORG,
    ZEEUWSE_PRB,
    builtin_product,
)
from reintegratie_core.products.consequences import (
    Consequence,
    apply_recovery,
    consequences,
    eligible,
    guidance_continues,
)
from reintegratie_core.products.duration import (
    basis_date,
    earliest_cancellation,
    first_basis_index,
    first_expiry,
)
from reintegratie_core.products.loading import (
    ProductFileError,
    load_product,
    structure_product,
    unstructure_product,
)
from reintegratie_core.products.model import (
    ALL_REASONS,
    REASON_ALIASES,
    Cancellation,
    CancellationKind,
    ConsequenceKind,
    ConsequenceRule,
    CouplingRule,
    Duration,
    Eligibility,
    Module,
    NotCancellableError,
    Product,
    ProductDefinitionError,
    ProductParameter,
    ReasonNotAllowedError,
    TerminationReason,
    TerminationRight,
    canonical,
    find_product,
)

__all__ = [
    "ALL_REASONS",
    "ASR_REINTEGRATIE",
    "ASR_REINTEGRATIEMANAGER",
    "BUILTIN_PRODUCTS",
    "DEFAULT_REASON",
    "MKB_VERZUIM_ONTZORG",
    "REASON_ALIASES",
    "ZEEUWSE_PRB",
    "Cancellation",
    "CancellationKind",
    "Cascade",
    "Consequence",
    "ConsequenceKind",
    "ConsequenceRule",
    "CouplingRule",
    "Duration",
    "Eligibility",
    "EndedModule",
    "Module",
    "ModuleContract",
    "NotCancellableError",
    "Policy",
    "Product",
    "ProductDefinitionError",
    "ProductFileError",
    "ProductParameter",
    "ReasonNotAllowedError",
    "TerminationReason",
    "TerminationRight",
    "apply_recovery",
    "basis_date",
    "builtin_product",
    "canonical",
    "cascade",
    "consequences",
    "earliest_cancellation",
    "eligible",
    "ends_with",
    "find_product",
    "first_basis_index",
    "first_expiry",
    "guidance_continues",
    "load_product",
    "resolve_held",
    "structure_product",
    "unstructure_product",
]
