"""Products, module coupling, cascading termination, duration, cancellation, consequences.

domein §4–§7: the [`Product`][reintegratie_core.products.Product] aggregate
(modules, coupling, event table, interventions, parameters), the product catalogue as typed data
(`_catalogue`), one cascade engine over its coupling tables
(`_cascade`), contractvervaldata and cancellation
(`_duration`), consequences, continuation and eligibility
(`_consequences`), and insurer-defined products from TOML
(`_loading`).

The modules are private; every name in their ``__all__`` is re-exported here
(``tests/core/test_public_api.py`` checks it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reintegratie_core.products._cascade import (
    DEFAULT_REASON,
    Cascade,
    EndedModule,
    EndsWith,
    ModuleContract,
    Policy,
    cascade,
    decided_cascade,
    ends_with,
    resolve_held,
)
from reintegratie_core.products._catalogue import (
    ASR_REINTEGRATIE,
    ASR_REINTEGRATIEMANAGER,
    BUILTIN_PRODUCTS,
    MKB_VERZUIM_ONTZORG,
    ZEEUWSE_PRB,
    builtin_product,
)
from reintegratie_core.products._consequences import (
    Consequence,
    Eligible,
    GuidanceContinues,
    apply_recovery,
    consequences,
    eligible,
    falls_under,
    guidance_continues,
    relapse_prevention_after,
)
from reintegratie_core.products._duration import (
    EarliestCancellation,
    FirstExpiry,
    basis_date,
    earliest_cancellation,
    first_basis_index,
    first_expiry,
)
from reintegratie_core.products._model import (
    ALL_REASONS,
    CONSEQUENCE_TEXT,
    REASON_ALIASES,
    Cancellation,
    CancellationKind,
    ConsequenceKind,
    ConsequenceRule,
    CouplingRule,
    Duration,
    Eligibility,
    InterventionExclusion,
    Interventions,
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

if TYPE_CHECKING:
    from reintegratie_core.products._loading import (
        CONVERTER,
        KEYS,
        MAX_DEPTH,
        ProductFileError,
        citation_text,
        load_product,
        parse_citation,
        structure_product,
        unstructure_product,
    )

#: Names of :mod:`~reintegratie_core.products._loading`, imported on first use: reading a
#: product file needs cattrs and tomllib, which most callers (a worklist, Excel's start)
#: never need and would otherwise import at start-up.
_LOADING = frozenset(
    {
        "CONVERTER",
        "KEYS",
        "MAX_DEPTH",
        "ProductFileError",
        "citation_text",
        "load_product",
        "parse_citation",
        "structure_product",
        "unstructure_product",
    }
)


def __getattr__(name: str) -> object:
    if name in _LOADING:
        from reintegratie_core.products import _loading

        return getattr(_loading, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "ALL_REASONS",
    "ASR_REINTEGRATIE",
    "ASR_REINTEGRATIEMANAGER",
    "BUILTIN_PRODUCTS",
    "CONSEQUENCE_TEXT",
    "CONVERTER",
    "DEFAULT_REASON",
    "KEYS",
    "MAX_DEPTH",
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
    "EarliestCancellation",
    "Eligibility",
    "Eligible",
    "EndedModule",
    "EndsWith",
    "FirstExpiry",
    "GuidanceContinues",
    "InterventionExclusion",
    "Interventions",
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
    "citation_text",
    "consequences",
    "decided_cascade",
    "earliest_cancellation",
    "eligible",
    "ends_with",
    "falls_under",
    "find_product",
    "first_basis_index",
    "first_expiry",
    "guidance_continues",
    "load_product",
    "parse_citation",
    "relapse_prevention_after",
    "resolve_held",
    "structure_product",
    "unstructure_product",
]
