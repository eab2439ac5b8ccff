"""The coupling page (``docs/referentie/koppelingen.md``) and its pictures, from the catalogue.

For every built-in product of :data:`reintegratie_core.products.BUILTIN_PRODUCTS`: a picture
of its modules and coupling rules (``docs/img/koppeling-<product>.svg``) and the same rules
as a table with their articles. Without the products package the page says so and no
picture is made.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from typing import Any

from docs.tools.excel import escape_cell
from docs.tools.pictures import Edge, coupling_svg
from reintegratie_core import cite

PAGE = "referentie/koppelingen.md"
IMAGE_DIR = "img"


def _products() -> tuple[Any, ...] | None:
    if importlib.util.find_spec("reintegratie_core.products") is None:
        return None
    products = importlib.import_module("reintegratie_core.products")
    builtin = getattr(products, "BUILTIN_PRODUCTS", None)
    if builtin is None:
        return None
    return tuple(builtin.values() if isinstance(builtin, dict) else builtin)


def _codes(values: Iterable[Any]) -> str:
    return ", ".join(sorted(str(getattr(v, "value", v)) for v in values))


def _edges(product: Any) -> list[Edge]:
    edges = []
    for rule in product.couplings:
        unless = getattr(rule, "unless", ())
        note = f"niet bij reden {_codes(unless)}" if unless else ""
        edges.append(Edge(source=rule.source, target=rule.target, note=note))
    return edges


def image_name(product: Any) -> str:
    """The picture's file name under ``docs/img``."""
    return f"koppeling-{product.code}.svg"


def picture(product: Any) -> str:
    """The coupling picture of one product."""
    return coupling_svg(
        [(m.code, _lines(m)) for m in product.modules],
        _edges(product),
        title=f"{product.code} — koppeling van de modules",
    )


def pictures() -> dict[str, str]:
    """``img/koppeling-<product>.svg`` → SVG text, per built-in product."""
    return {f"{IMAGE_DIR}/{image_name(p)}": picture(p) for p in _products() or ()}


def _lines(module: Any) -> tuple[str, ...]:
    """The module's name (shortened) and its choice group, under its code in the picture."""
    name = module.name if len(module.name) <= 44 else module.name[:43].rsplit(" ", 1)[0] + " …"
    group = getattr(module, "choice_group", None)
    return (name, f"één {group} naar keuze") if group else (name,)


def render() -> str:
    """The whole page."""
    lines = [
        "# Koppeling van modules",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/coupling.py) uit de productcatalogus;",
        "     niet met de hand bewerken. -->",
        "",
        (
            "Een koppelregel zegt: *eindigt module A, dan eindigt module B op dezelfde datum*. "
            "`RI_CASCADE` volgt deze regels door tot er niets meer bij komt; `RI_EINDIGT_MEE` "
            "beantwoordt de vraag voor één module. Plaatjes en tabellen hieronder komen rechtstreeks "
            "uit de productcatalogus (`reintegratie_core.products`)."
        ),
        "",
    ]
    products = _products()
    if products is None:
        lines += [
            '!!! note "Nog niet beschikbaar"',
            (
                "    De productcatalogus (`reintegratie_core.products`) is er nog niet; `make docs` "
                "tekent de koppelingen zodra hij er is."
            ),
            "",
        ]
        return "\n".join(lines)
    for product in products:
        lines += [
            f"## {product.code}",
            "",
            f"{product.name}. Bron: {cite(product.citations)}.",
            "",
            f"![Koppeling van de modules van {product.code}](../{IMAGE_DIR}/{image_name(product)})",
            "",
            "| Module | Naam | Keuzegroep |",
            "|---|---|---|",
        ]
        lines.extend(
            f"| `{m.code}` | {escape_cell(m.name)} | {m.choice_group or ''} |"
            for m in product.modules
        )
        lines += [
            "",
            "| Eindigt | dan eindigt ook | behalve bij reden | Bron |",
            "|---|---|---|---|",
        ]
        for rule in product.couplings:
            unless = _codes(getattr(rule, "unless", ()))
            sources = cite(rule.citations)
            lines.append(
                f"| `{rule.source}` | `{rule.target}` | {unless} | {escape_cell(sources)} |"
            )
        if not product.couplings:
            lines.append("| — | — | | geen koppelregels |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
