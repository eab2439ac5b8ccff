"""The sources page (``docs/referentie/bronnen.md``): every label a citation uses, in full.

An explanation cites by a short label (``a.s.r. Re-integratiemanager art. 2.3``,
``BW art. 7:629 lid 10``, ``beslissing domein §8``); this page gives each label's full
title, the product it belongs to, and for the decisions the section of the rulebook
(``docs/referentie/domein.md``, which includes ``sources/domain.md``).
"""

from __future__ import annotations

import re
import unicodedata

from docs.tools.articles import ROOT
from reintegratie_core import (
    DECISION_TITLE,
    SEED_LABELS,
    SEEDS,
    STATUTE_TITLES,
    Citation,
)
from reintegratie_core.products import BUILTIN_PRODUCTS

PAGE = "referentie/bronnen.md"
DOMAIN = ROOT / "sources" / "domain.md"
_HEADING = re.compile(r"^(#{2,3}) (\d+(?:\.\d+)?)\.? (.+)$")


def slugify(heading: str) -> str:
    """The anchor Python-Markdown's ``toc`` gives a heading (its default ``slugify``)."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def sections() -> list[tuple[str, str, str]]:
    """``(§number, heading, anchor)`` of each numbered section of the rulebook."""
    found = []
    for line in DOMAIN.read_text(encoding="utf-8").splitlines():
        match = _HEADING.match(line)
        if match:
            _hashes, number, title = match.groups()
            heading = line.lstrip("#").strip()
            found.append((f"§{number}", title, slugify(heading)))
    return found


def render() -> str:
    """The page text."""
    products: dict[str, list[str]] = {}
    for product in BUILTIN_PRODUCTS:
        for citation in product.citations:
            if citation.source in SEEDS and product.code not in products.get(citation.source, []):
                products.setdefault(citation.source, []).append(product.code)
    lines = [
        "# Bronnen",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/sources.py); niet met de hand bewerken. -->",
        "",
        "Elke uitkomst noemt de regel en de bron waar die regel staat, met een korte naam. Hier",
        "staan die namen voluit.",
        "",
        "## Voorwaarden",
        "",
        "| In de uitleg | Volledige titel | Product in de bibliotheek |",
        "|---|---|---|",
    ]
    for code, label in SEED_LABELS.items():
        title = Citation.seed(code, "1").title
        codes = ", ".join(f"`{c}`" for c in products.get(code, []))
        lines.append(f"| {label} art. … | {title} | {codes} |")
    lines += [
        "",
        "## Wetten en regelingen",
        "",
        "| In de uitleg | Voluit |",
        "|---|---|",
    ]
    lines.extend(f"| {short} art. … | {full} |" for short, full in STATUTE_TITLES.items())
    lines += [
        "",
        "## Beslissingen",
        "",
        f"`beslissing domein §…` is een {DECISION_TITLE}: waar een tekst ruimte laat,",
        "legt het regelboek van de bibliotheek vast hoe zij hem leest. Het regelboek (in het",
        "Engels) staat op de pagina [Regelboek (domein)](domein.md); de paragrafen:",
        "",
        "| In de uitleg | Paragraaf van het regelboek |",
        "|---|---|",
    ]
    lines.extend(
        f"| beslissing domein {number} | [{title}](domein.md#{anchor}) |"
        for number, title, anchor in sections()
    )
    return "\n".join(lines) + "\n"
