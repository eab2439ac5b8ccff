"""Excel functions for products, modules, coupling, termination, duration and continuation.

the Excel contract "Products, modules, termination". Each function is a thin
wrapper: coercion of Excel values (``coerce``), one call into
`reintegratie_core.products`, formatting (``functions``). Codes (product, module,
reason) are case-insensitive with spaces, ``-`` and ``_`` equivalent; an unknown code is
``#WAARDE! <argument>: ...`` listing what exists. The catalogue is the built-in one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param, Table, excel_function
from reintegratie_core.errors import NotApplicableError, ReintegratieError, UnknownCodeError
from reintegratie_core.explain import Citation, Explained, Ground, cite
from reintegratie_core.products import (
    BUILTIN_PRODUCTS,
    DEFAULT_REASON,
    REASON_ALIASES,
    Module,
    Product,
    TerminationReason,
    builtin_product,
    cascade,
    consequences,
    earliest_cancellation,
    eligible,
    ends_with,
    first_expiry,
    guidance_continues,
    resolve_held,
)
from reintegratie_core.products.cascade import EndedModule
from reintegratie_core.products.consequences import apply_recovery
from reintegratie_core.sickness import Absence

CAT_PRODUCTEN = "Re-integratie – Producten"

REASON_CODES = ", ".join(r.value for r in TerminationReason)


# --- coercers -----------------------------------------------------------------------------


def to_product(value: Any, argument: str) -> Product:
    """A built-in product from its code (any case, spaces/-/_ equivalent, aliases)."""
    known = ", ".join(p.code for p in BUILTIN_PRODUCTS)
    if isinstance(value, Product):
        return value
    text = c.to_text(value, argument, "")
    if not text:
        raise c.ArgumentError(argument, f"ontbreekt (bekend: {known})")
    try:
        return builtin_product(text)
    except UnknownCodeError:
        raise c.ArgumentError(
            argument, f"onbekend product {c.describe(value)} (bekend: {known})"
        ) from None


def _module_text(value: Any, argument: str) -> str:
    if c.is_empty(value):
        raise c.ArgumentError(argument, "ontbreekt (verwacht een modulecode, zie RI_MODULES)")
    return c.to_text(value, argument)


def _reason(value: Any, argument: str) -> TerminationReason:
    return c.to_code(value, argument, TerminationReason, REASON_ALIASES, DEFAULT_REASON)


def _modules(value: Any, argument: str) -> tuple[str, ...] | None:
    """The ``modules`` range: module codes in one column (empty cells ignored)."""
    if value is None:
        return None
    cells: list[Any] = []
    if isinstance(value, list):
        for row in value:
            if isinstance(row, list):
                cells.extend(row)
            else:
                cells.append(row)
    else:
        cells.append(value)
    codes = []
    for number, cell in enumerate(cells, 1):
        if c.is_empty(cell):
            continue
        if not isinstance(cell, str):
            raise c.ArgumentError(
                argument, f"rij {number}: {c.describe(cell)} is geen modulecode (verwacht tekst)"
            )
        codes.append(cell.strip())
    return tuple(codes) or None


def _term(value: Any, argument: str) -> int | None:
    if c.is_empty(value):
        return None
    return c.to_int(
        value, argument, minimum=1, maximum=1200, hint="verwacht een aantal maanden, 1 of meer"
    )


# --- argument-level errors ----------------------------------------------------------------


@contextmanager
def _blame(
    argument: str, errors: tuple[type[ReintegratieError], ...] = (ReintegratieError,)
) -> Iterator[None]:
    """Core errors of the given kinds raised inside become ``#WAARDE! <argument>: ...``."""
    try:
        yield
    except errors as exc:
        raise c.ArgumentError(argument, str(exc)) from None


def _module(product: Product, code: str, argument: str) -> Module:
    try:
        return product.module(code)
    except UnknownCodeError:
        known = ", ".join(product.module_codes)
        raise c.ArgumentError(
            argument,
            f"onbekende module {c.describe(code)} in {product.code} (bekend: {known})",
        ) from None


def _held(product: Product, modules: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if modules is None:
        return None
    for code in modules:
        _module(product, code, "modules")
    with _blame("modules"):
        return resolve_held(product, modules)


def _allowed(product: Product, module: Module, reason: TerminationReason) -> None:
    with _blame("reden"):
        product.check_reason(module, reason)


def _grond(citations: tuple[Citation, ...]) -> str:
    return cite(citations)


def _ended_grond(ended: EndedModule) -> str:
    """The *grond* cell of ``RI_CASCADE``: the reason or the modules whose end caused it,
    then the articles."""
    articles = cite(ended.citations)
    if not ended.rules:
        where = "; eigen voorwaarden van de module" if ended.own_conditions else ""
        return f"reden {ended.reason.value} ({articles}{where})"
    return f"einde {', '.join(ended.causes)} ({articles})"


# --- parameters ---------------------------------------------------------------------------

PRODUCT = Param(
    name="product",
    doc="Productcode: " + ", ".join(p.code for p in BUILTIN_PRODUCTS),
    coerce=to_product,
)
REDEN = Param(
    name="reden",
    doc=f"Reden van beëindiging (leeg = opzegging_werkgever): {REASON_CODES}",
    coerce=_reason,
    optional=True,
)


def _module_param(name: str, doc: str) -> Param:
    return Param(name=name, doc=doc, coerce=_module_text)


def _date_param(name: str, doc: str) -> Param:
    return Param(name=name, doc=doc, coerce=c.required_date)


BEEINDIGDE_MODULE = _module_param("beeindigde_module", "Code van de module die eindigt")
CONTRACTTERMIJN = Param(
    name="contracttermijn_maanden",
    doc="Contracttermijn van de basismodule in maanden (leeg = die van het product, 12)",
    coerce=_term,
    optional=True,
)


# --- functions ----------------------------------------------------------------------------


@excel_function(category=CAT_PRODUCTEN, params=[], returns_table=True)
def RI_PRODUCTEN() -> Explained[Table]:
    """Tabel product · naam · bron van de ingebouwde producten."""
    rows = tuple((p.code, p.name, _grond(p.citations)) for p in BUILTIN_PRODUCTS)
    grounds = tuple(
        Ground(rule=f"product {p.code}: {p.name}", citation=citation, rule_id="Product")
        for p in BUILTIN_PRODUCTS
        for citation in p.citations
    )
    return Explained(Table(("product", "naam", "bron"), rows), grounds)


@excel_function(category=CAT_PRODUCTEN, params=[PRODUCT], returns_table=True)
def RI_MODULES(product: Product) -> Explained[Table]:
    """Tabel module · naam · bron van de modules van een product."""
    rows = tuple((m.code, m.name, _grond(m.citations)) for m in product.modules)
    grounds = tuple(
        Ground(
            rule=f"module {m.code} van {product.code}: {m.name}",
            citation=citation,
            rule_id="Module",
        )
        for m in product.modules
        for citation in m.citations
    )
    return Explained(Table(("module", "naam", "bron"), rows), grounds)


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        BEEINDIGDE_MODULE,
        _date_param(
            "datum", "Einddatum van de module (alle gekoppelde modules eindigen per gelijke datum)"
        ),
        REDEN,
        Param(
            name="modules",
            doc="Optioneel: kolom met de modulecodes die de polis heeft (leeg = alle modules)",
            coerce=_modules,
            lift=False,
            optional=True,
        ),
    ],
    returns_table=True,
)
def RI_CASCADE(
    product: Product,
    beeindigde_module: str,
    datum: date,
    reden: TerminationReason,
    modules: tuple[str, ...] | None,
) -> Explained[Table]:
    """Tabel module · einddatum · grond van elke module die eindigt (de eerste inbegrepen)."""
    first = _module(product, beeindigde_module, "beeindigde_module")
    held = _held(product, modules)
    if held is not None and first.code not in held:
        raise c.ArgumentError(
            "modules",
            f"{first.code} (beeindigde_module) staat niet in modules ({', '.join(held)})",
        )
    _allowed(product, first, reden)
    outcome = cascade(product, first.code, datum, reden, held)
    rows = tuple((e.module, e.date, _ended_grond(e)) for e in outcome.value.ended)
    return outcome.map(Table(("module", "einddatum", "grond"), rows))


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        _module_param("module", "Code van de module waarvan u wilt weten of ze meeeindigt"),
        BEEINDIGDE_MODULE,
        REDEN,
    ],
)
def RI_EINDIGT_MEE(
    product: Product, module: str, beeindigde_module: str, reden: TerminationReason
) -> Explained[bool]:
    """WAAR als `module` eindigt doordat `beeindigde_module` eindigt (om deze reden)."""
    target = _module(product, module, "module")
    first = _module(product, beeindigde_module, "beeindigde_module")
    _allowed(product, first, reden)
    return ends_with(product, target.code, first.code, reden)


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        BEEINDIGDE_MODULE,
        _date_param("datum", "Einddatum van de module"),
        REDEN,
    ],
    returns_table=True,
)
def RI_GEVOLGEN(
    product: Product, beeindigde_module: str, datum: date, reden: TerminationReason
) -> Explained[Table]:
    """Tabel gevolg · vanaf · grond van de gevolgen van het einde van een module."""
    first = _module(product, beeindigde_module, "beeindigde_module")
    _allowed(product, first, reden)
    outcome = consequences(product, first.code, datum, reden)
    rows = tuple((f"{g.module}: {g.text}", g.since, _grond(g.citations)) for g in outcome.value)
    return outcome.map(Table(("gevolg", "vanaf", "grond"), rows))


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        _module_param("module", "Code van de module"),
        _date_param("ingangsdatum_module", "Ingangsdatum van de module"),
        _date_param(
            "contractvervaldatum_basis",
            "Een (willekeurige) contractvervaldatum van de basismodule, verleden of toekomst",
        ),
        CONTRACTTERMIJN,
    ],
)
def RI_CONTRACTVERVALDATUM(
    product: Product,
    module: str,
    ingangsdatum_module: date,
    contractvervaldatum_basis: date,
    contracttermijn_maanden: int | None,
) -> Explained[date]:
    """Eerste contractvervaldatum van de module (gelijk aan die van de basismodule)."""
    found = _module(product, module, "module")
    with _blame("module", (NotApplicableError,)):
        return first_expiry(
            product, found, ingangsdatum_module, contractvervaldatum_basis, contracttermijn_maanden
        )


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        _module_param("module", "Code van de module die de werkgever opzegt"),
        _date_param("ingangsdatum_module", "Ingangsdatum van de module"),
        _date_param(
            "contractvervaldatum_basis",
            "Een (willekeurige) contractvervaldatum van de basismodule, verleden of toekomst",
        ),
        _date_param("ontvangst_opzegging", "Datum waarop de opzegging is ontvangen"),
        CONTRACTTERMIJN,
    ],
)
def RI_VROEGSTE_OPZEGDATUM(  # noqa: PLR0917 - the contract's argument list
    product: Product,
    module: str,
    ingangsdatum_module: date,
    contractvervaldatum_basis: date,
    ontvangst_opzegging: date,
    contracttermijn_maanden: int | None,
) -> Explained[date]:
    """Vroegste datum waarop de opzegging door de werkgever ingaat."""
    found = _module(product, module, "module")
    with _blame("module", (NotApplicableError,)):
        return earliest_cancellation(
            product,
            found,
            ingangsdatum_module,
            contractvervaldatum_basis,
            ontvangst_opzegging,
            term=contracttermijn_maanden,
        )


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        _date_param("eerste_ziektedag", "Eerste ziektedag van de werknemer"),
        _date_param(
            "ingangsdatum",
            "Ingangsdatum van de module (bij zeeuwse-prb: van de verzuimverzekering)",
        ),
    ],
)
def RI_RECHT_OP_DIENSTVERLENING(
    product: Product, eerste_ziektedag: date, ingangsdatum: date
) -> Explained[bool]:
    """WAAR als het ziektegeval onder de module valt (eerste ziektedag op of na de ingangsdatum)."""
    return eligible(product, eerste_ziektedag, ingangsdatum)


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        Param(
            name="ziekte",
            doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
            coerce=c.to_absences,
            column=c.sickness_column,
        ),
        _date_param("einddatum_module", "Laatste dag van de module (t/m)"),
        _date_param("peildatum", "Datum waarop u het wilt weten"),
        REDEN,
        Param(
            name="hersteldatum",
            doc="Eerste dag volledig hersteld (sluit een lopende ziekteperiode af)",
            coerce=c.to_date,
            optional=True,
        ),
    ],
)
def RI_DOORLOPENDE_BEGELEIDING(  # noqa: PLR0917 - the contract's argument list
    product: Product,
    ziekte: tuple[Absence, ...],
    einddatum_module: date,
    peildatum: date,
    reden: TerminationReason,
    hersteldatum: date | None,
) -> Explained[bool]:
    """WAAR als begeleiding/budget op de peildatum nog doorloopt na het einde van de module."""
    with _blame("hersteldatum"):
        periods = apply_recovery(ziekte, hersteldatum)
    with _blame("ziekte"):
        return guidance_continues(product, periods, einddatum_module, peildatum, reason=reden)


__all__ = [
    "RI_CASCADE",
    "RI_CONTRACTVERVALDATUM",
    "RI_DOORLOPENDE_BEGELEIDING",
    "RI_EINDIGT_MEE",
    "RI_GEVOLGEN",
    "RI_MODULES",
    "RI_PRODUCTEN",
    "RI_RECHT_OP_DIENSTVERLENING",
    "RI_VROEGSTE_OPZEGDATUM",
]
