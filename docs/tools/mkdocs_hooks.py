"""MkDocs hook: complete the navigation with the pages that may or may not exist.

``mkdocs.yml`` lists the hand-written pages. This hook, run on every build, adds what
depends on the tree: the Python API pages (one per module), the portfolio page
(``docs/portefeuille.md``) and the example pages (``docs/examples/*.md``) when they exist.
A missing optional page is therefore never a broken navigation link, and a new module or
example appears without editing ``mkdocs.yml``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

API_SECTION = "Python-API"
GUIDE_SECTION = "Handleiding"
EXAMPLES_SECTION = "Voorbeelden"
PORTFOLIO = "portefeuille.md"


def _api_nav(docs: Path) -> list[Any]:
    """The API pages: the index, then the topic pages in the order the index links them."""
    index = docs / "api" / "index.md"
    pages = {p.name for p in (docs / "api").glob("*.md") if p.name != "index.md"}
    linked = (
        re.findall(r"\]\(([\w-]+\.md)\)", index.read_text(encoding="utf-8"))
        if index.exists()
        else []
    )
    order = [name for name in dict.fromkeys(linked) if name in pages]
    order += sorted(pages - set(order))
    entries: list[Any] = ["api/index.md"] if index.exists() else []
    entries.extend({_title(docs / "api" / name): f"api/{name}"} for name in order)
    return entries


def _section(nav: list[Any], title: str) -> list[Any] | None:
    for item in nav:
        if isinstance(item, dict) and title in item and isinstance(item[title], list):
            section: list[Any] = item[title]
            return section
    return None


def complete_nav(nav: list[Any], docs: Path) -> list[Any]:
    """``nav`` with the API section filled and the optional pages added where they exist."""
    result = list(nav)
    api = _api_nav(docs)
    for index, item in enumerate(result):
        if isinstance(item, dict) and API_SECTION in item:
            result[index] = {API_SECTION: api} if api else None
    result = [item for item in result if item is not None]
    guide = _section(result, GUIDE_SECTION)
    listed = guide is not None and any(
        PORTFOLIO in (i.values() if isinstance(i, dict) else [i]) for i in guide
    )
    if guide is not None and (docs / PORTFOLIO).exists() and not listed:
        guide.append({"Portefeuille en werklijst": PORTFOLIO})
    examples = sorted((docs / "examples").glob("*.md")) if (docs / "examples").is_dir() else []
    if examples:
        entries = [{_title(p): p.relative_to(docs).as_posix()} for p in examples]
        position = next(
            (i for i, item in enumerate(result) if isinstance(item, dict) and API_SECTION in item),
            len(result),
        )
        result.insert(position, {EXAMPLES_SECTION: entries})
    return result


def _title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem.replace("-", " ").capitalize()


def on_config(config: Any) -> Any:
    """Complete the navigation before the build (MkDocs ``on_config`` event)."""
    config["nav"] = complete_nav(config["nav"], Path(config["docs_dir"]))
    return config
