"""Hypothesis strategies for products, policies and terminations (spec/domain.md §4)."""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import strategies as st

from reintegratie_core import Citation
from reintegratie_core.products import (
    BUILTIN_PRODUCTS,
    CouplingRule,
    Eligibility,
    Module,
    Product,
    TerminationReason,
)

#: Dates of terminations, starts and notices (leap years and month ends included).
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 12, 31))
reasons = st.sampled_from(list(TerminationReason))
builtin_products = st.sampled_from(BUILTIN_PRODUCTS)

_SOURCE = Citation.statute("Testvoorwaarden", "1")


@st.composite
def random_products(draw: st.DrawFn, *, max_modules: int = 7) -> Product:
    """A product with 2..max_modules modules and random coupling rules (loops allowed)."""
    count = draw(st.integers(2, max_modules))
    codes = [f"m{i}" for i in range(count)]
    modules = tuple(Module(code=c, name=f"Module {c}", citations=(_SOURCE,)) for c in codes)
    pairs = [(a, b) for a in codes for b in codes if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    rules = tuple(
        CouplingRule(
            source=a,
            target=b,
            citations=(Citation.statute("Testvoorwaarden", f"koppeling {a}-{b}"),),
            unless=draw(st.frozensets(reasons, max_size=3)),
        )
        for a, b in chosen
    )
    return Product(
        code="test-product",
        name="Testproduct",
        citations=(_SOURCE,),
        modules=modules,
        couplings=rules,
        service_module=codes[0],
        eligibility=Eligibility(module=codes[0], citations=(_SOURCE,)),
    )


products = st.one_of(builtin_products, random_products())


@st.composite
def shuffled(draw: st.DrawFn, product: Product) -> Product:
    """The same product with its coupling rules listed in another order."""
    return attrs.evolve(product, couplings=tuple(draw(st.permutations(product.couplings))))


@st.composite
def held_modules(draw: st.DrawFn, product: Product) -> tuple[str, ...]:
    """The modules a policy holds: a non-empty subset, at most one per choice group."""
    chosen: list[str] = []
    seen_groups: set[str] = set()
    for module in draw(st.permutations(product.modules)):
        if not draw(st.booleans()) and chosen:
            continue
        if module.choice_group is not None:
            if module.choice_group in seen_groups:
                continue
            seen_groups.add(module.choice_group)
        chosen.append(module.code)
    return tuple(sorted(chosen, key=product.module_codes.index))


@st.composite
def terminations(
    draw: st.DrawFn, product: Product, held: tuple[str, ...]
) -> tuple[str, TerminationReason]:
    """A held module and a reason its conditions allow it to end for."""
    module = draw(st.sampled_from(held))
    allowed = sorted(product.module(module).allowed_reasons, key=lambda r: r.value)
    return module, draw(st.sampled_from(allowed))
