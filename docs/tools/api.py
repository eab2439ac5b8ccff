"""The Python API reference: one mkdocstrings page per module of the core and the Excel shell.

The list of modules is read from the source tree, so a new module gets its page from the
next ``make docs``; ``docs/api/index.md`` lists them with the first line of their docstring.
"""

from __future__ import annotations

import ast

from docs.tools.citations import ADDIN, CORE, Module, modules

API_DIR = "api"

PACKAGES = {
    CORE: "De kern: regels als pure functies, zonder I/O, klok of Excel.",
    ADDIN: "De Excel-schil: omzetten van Excel-waarden, de `RI_`-functies, foutteksten.",
}


#: A package's hooks for names imported on first use: they define no members of their own.
_LAZY_HOOKS = frozenset({"__getattr__", "__dir__"})


def _defines_members(module: Module) -> bool:
    """True when the module defines public functions or classes of its own (not only
    re-exports; a package's private ``__getattr__`` for lazy names does not count)."""
    return any(
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.name not in _LAZY_HOOKS
        for node in module.tree.body
    )


def _summary(module: Module) -> str:
    doc = ast.get_docstring(module.tree) or ""
    return doc.split("\n\n")[0].replace("\n", " ").strip()


def page_name(module: Module) -> str:
    """``api/reintegratie_core.poortwachter.md``."""
    return f"{API_DIR}/{module.name}.md"


def module_page(module: Module) -> str:
    """The page of one module: its heading and the mkdocstrings directive."""
    lines = [
        f"# `{module.name}`",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/api.py); niet met de hand bewerken. -->",
        "",
        f"::: {module.name}",
        "    options:",
        "      show_root_heading: false",
    ]
    if not _defines_members(module):
        lines.append("      members: false")
    return "\n".join(lines) + "\n"


def index_page() -> str:
    """The overview of all modules."""
    lines = [
        "# Python-API",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/api.py); niet met de hand bewerken. -->",
        "",
        (
            "De referentie van de Python-pakketten, rechtstreeks uit de docstrings. De kern "
            "(`reintegratie_core`) is de bibliotheek; de Excel-schil (`reintegratie_addin`) maakt "
            "er de `RI_`-functies van. Zie de [ontwikkelaarsgids](../ontwikkelaars.md) voor de "
            "opbouw."
        ),
        "",
    ]
    for package, description in PACKAGES.items():
        lines += [f"## `{package}`", "", description, "", "| Module | Inhoud |", "|---|---|"]
        for module in modules(package):
            lines.append(f"| [`{module.name}`]({module.name}.md) | {_summary(module)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def pages() -> dict[str, str]:
    """``api/<module>.md`` → page text, plus ``api/index.md``."""
    result = {f"{API_DIR}/index.md": index_page()}
    for package in PACKAGES:
        for module in modules(package):
            result[page_name(module)] = module_page(module)
    return result


def nav() -> list[dict[str, str] | str]:
    """The API section of the navigation (used by the mkdocs hook)."""
    entries: list[dict[str, str] | str] = [f"{API_DIR}/index.md"]
    for package in PACKAGES:
        entries.extend({m.name: page_name(m)} for m in modules(package))
    return entries
