"""Which core functions and Excel functions apply an article: read from the explanations.

A rule held in a table (a coupling row of the product catalogue, an event row of the
entitlement tables) is applied by the engine that reads the table; the source does not say
which. So the documentation runs the Excel functions — every example of the reference and
the guide, and a sweep over every built-in product, module, reason and event — and reads
the grounds of each result: every :class:`~reintegratie_core._explain.Ground` names the
public core function that applied it (``rule_id``), and the ``RI_`` function evaluated is
the one that reached it. Nothing is patched and no stack is inspected: the matrix is
rendered from the same data as ``RI_UITLEG``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache

from docs.tools.citations import CORE, Node, is_public_node, reference_graph
from docs.tools.excel import Call, Range
from reintegratie_addin.functions import REGISTRY
from reintegratie_core import Ground, SourceKind

D_START = date(2025, 1, 1)
D_SICK = date(2025, 3, 3)
D_END = date(2025, 7, 1)
D_PEIL = date(2025, 9, 1)


def _sweep() -> Iterator[Call]:
    """Calls over every built-in product, module, termination reason and event kind."""
    from reintegratie_core import EventKind
    from reintegratie_core.products import BUILTIN_PRODUCTS, TerminationReason

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
def rule_nodes() -> dict[str, Node]:
    """``rule_id`` → the public core definition of that name.

    A name defined by two public definitions (``_entitlements.AppliedRule`` and
    ``_explain.Decision``) names neither: a ground citing it is unidentified, which
    :func:`unidentified` reports.
    """
    _used_by, kinds = reference_graph()
    found: dict[str, Node] = {}
    ambiguous: set[str] = set()
    for node, kind in kinds.items():
        module, name = node
        if module.startswith(CORE) and is_public_node(node) and kind in {"function", "class"}:
            if name in found and found[name] != node:
                ambiguous.add(name)
            found[name] = node
    return {name: node for name, node in found.items() if name not in ambiguous}


def applied() -> Iterator[tuple[str, Ground]]:
    """Every ``(RI_ function, ground)`` of the calls, in order (a refused call applies none)."""
    for call in _calls():
        declared = REGISTRY.get(call.function)
        if declared is None:
            continue
        try:
            explained = declared.evaluate(
                call.raw() + [None] * (len(declared.params) - len(call.args))
            )
        except Exception:  # noqa: BLE001, S112 - a call the rules refuse applies nothing
            continue
        for ground in explained.grounds:
            yield call.function, ground


def unidentified() -> list[str]:
    """Grounds whose ``rule_id`` names no public core function (for ``tests/docs``)."""
    nodes = rule_nodes()
    return sorted(
        {
            f"{function}: {ground.rule}"
            for function, ground in applied()
            if ground.rule_id not in nodes
        }
    )


@cache
def observed() -> dict[tuple[str, str], tuple[frozenset[Node], frozenset[str]]]:
    """``(seed, article) → (core functions, RI_ functions)`` seen applying it."""
    nodes = rule_nodes()
    found: dict[tuple[str, str], tuple[set[Node], set[str]]] = {}
    for function, ground in applied():
        citation = ground.citation
        if citation.kind is not SourceKind.SEED:
            continue
        core, excel = found.setdefault((citation.source, citation.article), (set(), set()))
        node = nodes.get(ground.rule_id)
        if node is not None:
            core.add(node)
        excel.add(function)
    return {key: (frozenset(f), frozenset(e)) for key, (f, e) in found.items()}
