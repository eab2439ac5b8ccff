"""Which core functions and Excel functions apply an article: observed by running them.

A rule held in a table (a coupling row of the product catalogue, an event row of the
entitlement tables) is applied by the engine that reads the table; the source does not say
which. So the documentation runs the Excel functions — every example of the reference and
the guide, and a sweep over every built-in product, module, reason and event — and watches
each :class:`~reintegratie_core.explain.Ground` being made: the innermost public core
function on the call stack applied the ground's article, inside the ``RI_`` function being
evaluated.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

from docs.tools.citations import CORE, Node, is_public_node, reference_graph
from docs.tools.excel import Call, Range
from reintegratie_addin.functions import REGISTRY
from reintegratie_core.explain import Citation, Ground, SourceKind

D_START = date(2025, 1, 1)
D_SICK = date(2025, 3, 3)
D_END = date(2025, 7, 1)
D_PEIL = date(2025, 9, 1)


def _sweep() -> Iterator[Call]:
    """Calls over every built-in product, module, termination reason and event kind."""
    from reintegratie_core.entitlements import EventKind
    from reintegratie_core.products import BUILTIN_PRODUCTS
    from reintegratie_core.products.model import TerminationReason

    products = BUILTIN_PRODUCTS.values() if isinstance(BUILTIN_PRODUCTS, dict) else BUILTIN_PRODUCTS
    yield Call("RI_PRODUCTEN", ())
    for product in products:
        code = product.code
        modules = [m.code for m in product.modules]
        yield Call("RI_MODULES", (code,))
        yield Call("RI_RECHT_OP_DIENSTVERLENING", (code, D_SICK, D_START))
        for module in modules:
            yield Call("RI_CONTRACTVERVALDATUM", (code, module, D_START, D_START))
            yield Call("RI_VROEGSTE_OPZEGDATUM", (code, module, D_START, D_START, D_END))
            for other in modules:
                yield Call("RI_EINDIGT_MEE", (code, other, module))
            for reason in TerminationReason:
                yield Call("RI_CASCADE", (code, module, D_END, reason.value))
                yield Call("RI_GEVOLGEN", (code, module, D_END, reason.value))
        for reason in TerminationReason:
            yield Call("RI_DOORLOPENDE_BEGELEIDING", (code, D_SICK, D_END, D_PEIL, reason.value))
        for kind in EventKind:
            for employee in (None, "A"):
                events = Range("A1:C1", ((D_END, kind.value, employee),))
                for peildatum in (D_START, D_PEIL):  # before the event, and after it
                    yield Call("RI_STATUS_TABEL", (code, events, peildatum, employee))


def _calls() -> Iterator[Call]:
    from docs.tools import guide, reference

    for entry in reference.entries():
        yield from entry.examples()
    for task in guide.TASKS:
        for step in task.steps:
            yield step.call
    yield from _sweep()


@cache
def observed() -> dict[tuple[str, str], tuple[frozenset[Node], frozenset[str]]]:
    """``(seed, article) → (core functions, RI_ functions)`` seen applying it."""
    _used_by, kinds = reference_graph()
    found: dict[tuple[str, str], tuple[set[Node], set[str]]] = {}
    current: list[str] = []

    def record(citation: Citation) -> None:
        if citation.kind is not SourceKind.SEED or not current:
            return
        core: set[Node] = set()
        frame = sys._getframe(2)
        while frame is not None:
            module = frame.f_globals.get("__name__", "")
            top = frame.f_code.co_qualname.split(".")[0]
            if (
                module.startswith(CORE)
                and is_public_node((module, top))
                and kinds.get((module, top)) in {"function", "class"}
            ):
                core.add((module, top))
                break
            frame = frame.f_back  # type: ignore[assignment]
        functions, excel = found.setdefault((citation.source, citation.article), (set(), set()))
        functions.update(core)
        excel.add(current[-1])

    original = Ground.__init__

    def observing(self: Ground, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        record(self.citation)

    Ground.__init__ = observing  # type: ignore[method-assign]
    try:
        for call in _calls():
            declared = REGISTRY.get(call.function)
            if declared is None:
                continue
            current.append(call.function)
            try:
                declared.evaluate(call.raw() + [None] * (len(declared.params) - len(call.args)))
            except Exception:  # noqa: BLE001, S112 - a call the rules refuse applies nothing
                continue
            finally:
                current.pop()
    finally:
        Ground.__init__ = original  # type: ignore[method-assign]
    return {key: (frozenset(f), frozenset(e)) for key, (f, e) in found.items()}
