"""Excel functions for products, modules, coupling, termination, duration and continuation.

the Excel contract "Products, modules, termination". Each function is a thin
wrapper: coercion of Excel values (``coerce``), one call into
`reintegratie_core.products`, formatting (``functions``). Codes (product, module,
reason) are case-insensitive with spaces, ``-`` and ``_`` equivalent; an unknown code is
``#WAARDE! <argument>: ...`` listing what exists. The catalogue is the built-in one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param, Table, excel_function
from reintegratie_addin.params import one_sick_period_each, to_product
from reintegratie_core import (
    Absence,
    Citation,
    Explained,
    Ground,
    InvalidValueError,
    NotApplicableError,
    ParameterNotInForceError,
    ReintegratieError,
    SicknessCase,
    UnknownCodeError,
    cite,
)
from reintegratie_core.products import (
    BUILTIN_PRODUCTS,
    DEFAULT_REASON,
    REASON_ALIASES,
    EarliestCancellation,
    Eligible,
    EndedModule,
    EndsWith,
    FirstExpiry,
    GuidanceContinues,
    Module,
    Product,
    ReasonNotAllowedError,
    TerminationReason,
    apply_recovery,
    cascade,
    consequences,
    earliest_cancellation,
    eligible,
    ends_with,
    first_expiry,
    guidance_continues,
    resolve_held,
)

CAT_PRODUCTEN = "Re-integratie – Producten"

REASON_CODES = ", ".join(r.value for r in TerminationReason)


# --- coercers -----------------------------------------------------------------------------


_MODULE_HINT = "verwacht een modulecode, zie RI_MODULES"


def _module_text(value: Any, argument: str) -> str:
    if type(value) is str and (text := value.strip()):  # a code cell: the common case
        return text
    return c.to_text(value, argument, hint=_MODULE_HINT)


def _reason(value: Any, argument: str) -> TerminationReason:
    return c.to_code(value, argument, TerminationReason, REASON_ALIASES, DEFAULT_REASON)


def _any_reason(value: Any, argument: str) -> TerminationReason | None:
    """A reason code; empty = any reason the module admits (domain §8.1)."""
    if c.is_empty(value):
        return None
    return c.to_code(value, argument, TerminationReason, REASON_ALIASES)


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


def _blamed(argument: str, exc: ReintegratieError) -> c.ArgumentError:
    """A core error raised for ``argument``'s value, as ``#WAARDE! <argument>: ...``.

    The bodies catch the core's errors with ``try``/``except`` (free while nothing is
    raised), not with a context manager entered for every lifted row. A core error that
    names the core parameter the value fed (a milestone past 31-12-9999 names ``absences``)
    gives its reason under ``argument``: ``ziekte: …``, not ``ziekte: absences: …``.
    """
    return c.ArgumentError(argument, c.core_reason(exc))


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
    try:
        return resolve_held(product, modules)
    except ReintegratieError as exc:
        raise _blamed("modules", exc) from None


def _allowed(product: Product, module: Module, reason: TerminationReason | None) -> None:
    try:
        product.check_reason(module, reason)
    except ReintegratieError as exc:
        raise _blamed("reden", exc) from None


def _grond(citations: tuple[Citation, ...]) -> str:
    return cite(citations)


def _ended_grond(ended: EndedModule) -> str:
    """The *grond* cell of ``RI_CASCADE``: the reason or the modules whose end caused it,
    then the articles."""
    articles = cite(ended.citations)
    if not ended.rules:
        where = "; eigen voorwaarden van de module" if ended.own_conditions else ""
        if ended.reason is None:  # domain §8.1: no reason given is any reason it admits
            return f"elke reden die de module toestaat ({articles}{where})"
        return f"reden {ended.reason.value} ({articles}{where})"
    return f"einde {', '.join(ended.causes)}{ended.exception_text()} ({articles})"


# --- parameters ---------------------------------------------------------------------------

PRODUCT = Param(
    name="product",
    doc="Productcode: " + ", ".join(p.code for p in BUILTIN_PRODUCTS),
    coerce=to_product,
)
REDEN = Param(
    name="reden",
    core="reason",
    doc=f"Reden van beëindiging (leeg = elke reden die de module toestaat): {REASON_CODES}",
    coerce=_any_reason,
    optional=True,
)
REDEN_VERZEKERING = Param(
    name="reden",
    core="reason",
    doc=(
        "Reden waarom de verzekering eindigde (leeg = opzegging_werkgever; bij zeeuwse-prb "
        "de reden van de verzuimverzekering, 003 art. 1.5.3, of van prb zelf als alleen prb "
        f"eindigde, 003 art. 3.2; een geëindigd arbocontract telt niet): {REASON_CODES}"
    ),
    coerce=_reason,
    optional=True,
)


def _module_param(name: str, doc: str, core: str | tuple[str, ...] = ()) -> Param:
    return Param(name=name, doc=doc, coerce=_module_text, core=core)


def _date_param(name: str, doc: str, core: str | tuple[str, ...] = ()) -> Param:
    return Param(name=name, doc=doc, coerce=c.required_date, dates=True, core=core)


BEEINDIGDE_MODULE = _module_param("beeindigde_module", "Code van de module die eindigt")
CONTRACTTERMIJN = Param(
    name="contracttermijn_maanden",
    core="term",
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
            "datum",
            "Einddatum van de module (alle gekoppelde modules eindigen per gelijke datum)",
            core="on",
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
    reden: TerminationReason | None,
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
    product: Product, module: str, beeindigde_module: str, reden: TerminationReason | None
) -> EndsWith:
    """WAAR als `module` eindigt doordat `beeindigde_module` eindigt (om deze reden)."""
    target = _module(product, module, "module")
    first = _module(product, beeindigde_module, "beeindigde_module")
    try:  # the cascade checks the reason for the first module (memoised per product)
        return ends_with(product, target.code, first.code, reden)
    except ReasonNotAllowedError as exc:
        raise _blamed("reden", exc) from None


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        BEEINDIGDE_MODULE,
        _date_param("datum", "Einddatum van de module", core="on"),
        REDEN,
    ],
    returns_table=True,
)
def RI_GEVOLGEN(
    product: Product, beeindigde_module: str, datum: date, reden: TerminationReason | None
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
        _date_param("ingangsdatum_module", "Ingangsdatum van de module", core="start"),
        _date_param(
            "contractvervaldatum_basis",
            "Een (willekeurige) contractvervaldatum van de basismodule, verleden of toekomst",
            core="basis_expiry",
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
) -> FirstExpiry:
    """Eerste contractvervaldatum van de module (gelijk aan die van de basismodule)."""
    found = _module(product, module, "module")
    try:
        return first_expiry(
            product, found, ingangsdatum_module, contractvervaldatum_basis, contracttermijn_maanden
        )
    except NotApplicableError as exc:
        raise _blamed("module", exc) from None
    except InvalidValueError as exc:
        # the parameters are those in force at the module's start, and only a start near
        # 9999 puts the expiry out of range: that is the argument to fix (issue 13 bug 4)
        raise _blamed("ingangsdatum_module", exc) from None


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        _module_param("module", "Code van de module die de werkgever opzegt"),
        _date_param("ingangsdatum_module", "Ingangsdatum van de module", core="start"),
        _date_param(
            "contractvervaldatum_basis",
            "Een (willekeurige) contractvervaldatum van de basismodule, verleden of toekomst",
            core="basis_expiry",
        ),
        _date_param(
            "ontvangst_opzegging", "Datum waarop de opzegging is ontvangen", core="received"
        ),
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
) -> EarliestCancellation:
    """Vroegste datum waarop de opzegging door de werkgever ingaat."""
    found = _module(product, module, "module")
    try:
        return earliest_cancellation(
            product,
            found,
            ingangsdatum_module,
            contractvervaldatum_basis,
            ontvangst_opzegging,
            term=contracttermijn_maanden,
        )
    except NotApplicableError as exc:
        raise _blamed("module", exc) from None
    except ParameterNotInForceError as exc:
        # the parameters are those in force at the module's start, as in
        # RI_CONTRACTVERVALDATUM: a start before the first version is the argument to fix
        raise _blamed("ingangsdatum_module", exc) from None
    except InvalidValueError as exc:
        # a date out of range comes from the later of the two dates the user gave (issue 13
        # bug 4): that is the argument to fix
        later = (
            "ingangsdatum_module"
            if ingangsdatum_module >= ontvangst_opzegging
            else "ontvangst_opzegging"
        )
        raise _blamed(later, exc) from None


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        Param(
            name="ziekte",
            core=("absences", "case"),
            doc=(
                "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag "
                "(leeg = lopend) · optioneel 'verlof' (het laatste ziektegeval telt)"
            ),
            coerce=c.to_sickness,
            column=c.sickness_column,
            dates=True,
            of_dates=SicknessCase.ongoing_many,
        ),
        _date_param(
            "ingangsdatum",
            "Ingangsdatum van de module (bij zeeuwse-prb: van de verzuimverzekering)",
            core="start",
        ),
    ],
)
def RI_RECHT_OP_DIENSTVERLENING(
    product: Product, ziekte: SicknessCase, ingangsdatum: date
) -> Eligible:
    """WAAR als het ziektegeval onder de module valt (eerste ziektedag van het geval op of na de ingangsdatum)."""
    return eligible(product, ziekte, ingangsdatum)


@excel_function(
    category=CAT_PRODUCTEN,
    params=[
        PRODUCT,
        Param(
            name="ziekte",
            core=("absences", "case"),
            doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
            coerce=c.to_absences,
            column=c.sickness_column,
            dates=True,
            of_dates=one_sick_period_each,
        ),
        _date_param("einddatum_module", "Laatste dag van de module (t/m)", core="module_end"),
        _date_param("peildatum", "Datum waarop u het wilt weten", core="on"),
        REDEN_VERZEKERING,
        Param(
            name="hersteldatum",
            core="recovery",
            doc="Eerste dag volledig hersteld (sluit een lopende ziekteperiode af)",
            coerce=c.to_date,
            optional=True,
        ),
        Param(
            name="sanctieweken",
            core="sanction_weeks",
            doc=(
                "Weken loonsanctie opgelegd door UWV (0–52, leeg = 0): de begeleiding loopt "
                "door tot het einde van de verlengde loondoorbetaling"
            ),
            coerce=c.to_sanction_weeks,
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
    sanctieweken: int,
) -> GuidanceContinues:
    """WAAR als begeleiding/budget op de peildatum nog doorloopt na het einde van de module."""
    if hersteldatum is not None:  # without one the periods are as given
        try:
            ziekte = apply_recovery(ziekte, hersteldatum)
        except ReintegratieError as exc:
            raise _blamed("hersteldatum", exc) from None
    try:
        return guidance_continues(
            product,
            ziekte,
            einddatum_module,
            peildatum,
            reason=reden,
            sanction_weeks=sanctieweken,
        )
    except ParameterNotInForceError as exc:
        # the relapse window is the one in force at the module's end (003 art. 1.5.3)
        raise _blamed("einddatum_module", exc) from None
    except ReintegratieError as exc:
        raise _blamed("ziekte", exc) from None


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
