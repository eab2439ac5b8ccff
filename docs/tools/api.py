"""The Python API reference: a page per topic, each rendering its modules with mkdocstrings.

A reader looks for a task ("a sickness case", "a budget"), not for a module path; so the
reference has a handful of topic pages instead of one page per module. The modules are
read from the source tree and placed by their dotted-name prefix (:data:`TOPICS`); a new
module joins its topic on the next ``make docs``, and one matching no topic lands on the
page *Overige*, so nothing goes missing. ``docs/api/index.md`` lists the topics in order;
the navigation hook (``mkdocs_hooks.py``) follows that order.
"""

from __future__ import annotations

import ast
import json
from functools import cache

import attrs

from docs.tools.citations import ADDIN, CORE, IO, Module, modules

API_DIR = "api"


@attrs.frozen
class Topic:
    """A page of the reference: its file name, title, introduction and module prefixes."""

    slug: str
    title: str
    intro: str
    prefixes: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "ziekte",
        "Ziekte en Poortwachter",
        "Ziekteperioden, ziektegevallen (samentelling), de Poortwachter-tijdlijn, "
        "termijnen en werkdagen.",
        (
            f"{CORE}._sickness",
            f"{CORE}._poortwachter",
            f"{CORE}._deadlines",
            f"{CORE}._dates",
            f"{CORE}._statutory",
        ),
    ),
    Topic(
        "producten",
        "Producten en beëindiging",
        "De productcatalogus, koppeling van modules, de cascade bij beëindiging, "
        "contractvervaldata en opzegging, gevolgen, eigen producten uit TOML.",
        (f"{CORE}.products", f"{CORE}._product_parameters"),
    ),
    Topic(
        "aanspraken",
        "Aanspraken",
        "De status van dienstverlening, vergoeding en poortwachtergarantie uit een "
        "gebeurtenissenlog.",
        (f"{CORE}._entitlements",),
    ),
    Topic(
        "vergoedingen",
        "Vergoedingen",
        "Budgetten en het dossier per ziektegeval, interventies, loonsanctie, weekloon en "
        "tarieven; geld als Decimal.",
        (f"{CORE}.compensation", f"{CORE}._money"),
    ),
    Topic(
        "werklijst",
        "Werklijst",
        "Eén werkitem per lopend ziektegeval: de volgende mijlpaal en het signaal.",
        (f"{CORE}._worklist",),
    ),
    Topic(
        "uitleg",
        "Uitleg, bronnen en parameters",
        "Uitkomsten met hun gronden (`Explained`), bronvermelding (`Citation`, `cite`), "
        "gedateerde parameters en de foutklassen.",
        (f"{CORE}._explain", f"{CORE}._parameters", f"{CORE}._errors"),
    ),
    Topic(
        "excel",
        "Excel-schil",
        "Hoe een `RI_`-functie wordt gedeclareerd en Excel-waarden worden omgezet (met "
        "`reintegratie_io`, de invoer die Excel en de opdrachtregel delen); de functies zelf "
        "staan in de [Functiereferentie](../referentie/functies.md).",
        (ADDIN, IO),
    ),
)

#: Members a page leaves out: the seed file names are internal (readers cite by
#: ``SEED_LABELS``; the sources page gives the full titles).
HIDDEN: dict[str, tuple[str, ...]] = {"reintegratie_core._explain": ("SEEDS",)}

OTHER = Topic("overige", "Overige", "Modules die (nog) bij geen onderwerp horen.", ())

#: The heading of a private module's section: what its names are about, in the pages'
#: language. A module missing here is headed by its docstring's first line.
TITLES: dict[str, str] = {
    f"{CORE}._atw": "Werkdagen (Algemene termijnenwet)",
    f"{CORE}._dates": "Datums en perioden",
    f"{CORE}._deadlines": "Termijnen van verplichtingen",
    f"{CORE}._entitlements": "Aanspraken uit een gebeurtenissenlog",
    f"{CORE}._errors": "Foutklassen",
    f"{CORE}._explain": "Uitleg en bronvermelding",
    f"{CORE}._money": "Geld en percentages",
    f"{CORE}._parameters": "Gedateerde parameters",
    f"{CORE}._poortwachter": "Poortwachter-tijdlijn",
    f"{CORE}._product_parameters": "Parameters van de ingebouwde producten",
    f"{CORE}._sickness": "Ziektegevallen",
    f"{CORE}._statutory": "Wettelijke parameters",
    f"{CORE}._worklist": "Werkitems",
    f"{CORE}.compensation._budgets": "Budgetten",
    f"{CORE}.compensation._fees": "Weekloon en modulevergoeding",
    f"{CORE}.compensation._interventions": "Interventies",
    f"{CORE}.compensation._sanction": "Loonsanctie",
    f"{CORE}.financial._parameters": "Financiële parameters",
    f"{CORE}.financial._wage_continuation": "Loondoorbetaling bij ziekte",
    f"{CORE}.financial._wia": "WIA-uitkering",
    f"{CORE}.products._cascade": "Cascade bij beëindiging",
    f"{CORE}.products._catalogue": "Productcatalogus",
    f"{CORE}.products._consequences": "Gevolgen, voortzetting en recht",
    f"{CORE}.products._duration": "Looptijd en opzegging",
    f"{CORE}.products._loading": "Eigen producten uit TOML",
    f"{CORE}.products._model": "Producten en modules",
    f"{IO}._excel_errors": "Foutwaarden van Excel",
    f"{IO}._values": "Invoer lezen: datums, bedragen, codes",
}

_GENERATED = "<!-- Gegenereerd door `make docs` (docs/tools/api.py); niet met de hand bewerken. -->"


#: A package's hooks for names imported on first use: they define no members of their own.
_LAZY_HOOKS = frozenset({"__getattr__", "__dir__"})


def is_private(name: str) -> bool:
    """True for a module some part of whose dotted name starts with ``_``."""
    return any(part.startswith("_") for part in name.split("."))


def public_package(name: str) -> str:
    """The public namespace that re-exports a private module's names: the dotted name up to
    its first private part (``reintegratie_core.products._model`` → ``reintegratie_core.products``);
    a public module is its own."""
    parts = name.split(".")
    first = next((i for i, part in enumerate(parts) if part.startswith("_")), len(parts))
    return ".".join(parts[:first])


def _declared_all(module: Module) -> tuple[str, ...] | None:
    for node in module.tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            assert isinstance(node.value, ast.List | ast.Tuple), module.name
            return tuple(ast.literal_eval(e) for e in node.value.elts)
    return None


def _defined_at(module: Module) -> dict[str, int]:
    """Each top-level name the module defines (``def``, ``class``, assignment) → its line."""
    found: dict[str, int] = {}
    for node in module.tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.setdefault(node.name, node.lineno)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, node.lineno)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found.setdefault(node.target.id, node.lineno)
    return found


def _imported_from(module: Module) -> dict[str, str]:
    """Each name the module imports with ``from x import name`` → ``x``."""
    return {
        alias.asname or alias.name: node.module
        for node in module.tree.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


def _exports_own(name: str, module_name: str) -> bool:
    """True when ``module_name`` defines ``name`` and lists it in its ``__all__``."""
    found = [m for p in (CORE, IO) for m in modules(p) if m.name == module_name]
    return any(name in (_declared_all(m) or ()) and name in _defined_at(m) for m in found)


def public_names(module: Module) -> tuple[str, ...]:
    """The names a page documents for a private module: its ``__all__`` less
    :data:`HIDDEN`, in source order; a name it imports only when the module it comes from
    does not document it (``ONE_DAY`` is ``_dates``'s, though ``_sickness`` lists it too).
    For a package: the names of its ``__all__`` it defines itself (``CATALOGUE_VERSION``).
    A module without ``__all__`` exports nothing."""
    exported = _declared_all(module) or ()
    hidden = HIDDEN.get(module.name, ())
    defined = _defined_at(module)
    imported = _imported_from(module)
    names = [
        n
        for n in exported
        if n not in hidden
        and not n.startswith("_")
        and (n in defined or not _exports_own(n, imported.get(n, "")))
    ]
    if module.path.name == "__init__.py":
        names = [n for n in names if n in defined]
    return tuple(sorted(names, key=lambda n: (n not in defined, defined.get(n, 0))))


def own_names(module: Module) -> list[str]:
    """A public module's public names of its own, in source order; not the names it imports
    (``udfs`` gathers the ``RI_`` functions of ``udfs_*``, which document them; ``coerce``
    passes on ``reintegratie_io``'s)."""
    return [n for n in _defined_at(module) if not n.startswith("_") and n not in _LAZY_HOOKS]


def public_path(module: str, qualname: str) -> str | None:
    """Where the reference documents ``module.qualname``: its public import path
    (``reintegratie_core.products.Product.code`` for
    ``reintegratie_core.products._model.Product.code``), or ``None`` when no page does."""
    found = {m.name: m for _topic, members in grouped() for m in members}
    if module not in found:
        return None
    top = qualname.split(".", maxsplit=1)[0]
    if is_private(module) and top not in public_names(found[module]):
        return None
    return f"{public_package(module)}.{qualname}"


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


def topic_of(name: str) -> Topic:
    """The topic a module belongs to: the longest matching prefix, else :data:`OTHER`."""
    best: tuple[int, Topic] = (0, OTHER)
    for topic in TOPICS:
        for prefix in topic.prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best[0]:
                best = (len(prefix), topic)
    return best[1]


def _documented(module: Module) -> bool:
    """A page shows the module: a public module defining members of its own, a private
    one exporting names, or a subpackage (its docstring introduces its topic)."""
    if module.name in (CORE, ADDIN, IO):  # the core opens the index; `_values` says what io does
        return False
    if module.path.name == "__init__.py":
        return is_private(module.name) is False and ast.get_docstring(module.tree) is not None
    if is_private(module.name):
        return bool(public_names(module))
    return _defines_members(module)


@cache
def grouped() -> tuple[tuple[Topic, tuple[Module, ...]], ...]:
    """Each topic with its modules in :data:`TOPICS` order: packages first (their
    docstring opens the page), then public modules, then private ones, each by name."""
    found: dict[str, list[Module]] = {}
    for package in (CORE, ADDIN, IO):
        for module in modules(package):
            if _documented(module):
                found.setdefault(topic_of(module.name).slug, []).append(module)
    result = []
    for topic in (*TOPICS, OTHER):
        members = found.get(topic.slug, [])
        members.sort(key=lambda m: (m.path.name != "__init__.py", is_private(m.name), m.name))
        if members:
            result.append((topic, tuple(members)))
    return tuple(result)


def page_name(topic: Topic) -> str:
    """``api/ziekte.md``."""
    return f"{API_DIR}/{topic.slug}.md"


def _directive(name: str, **options: object) -> list[str]:
    lines = [f"::: {name}", "    options:"]
    for key, value in options.items():
        text = "true" if value is True else "false" if value is False else str(value)
        lines.append(f"      {key}: {text}")
    return [*lines, ""]


def _docstring_only(name: str) -> list[str]:
    """The module's docstring without a heading or members: its rules and citations."""
    return _directive(name, show_root_heading=False, show_root_toc_entry=False, members=False)


def _section(module: Module) -> list[str]:
    if module.path.name == "__init__.py":
        lines = _docstring_only(module.name)
        for name in public_names(module):
            lines += _directive(f"{module.name}.{name}", **_NAME)
        return lines
    if not is_private(module.name):
        return _directive(
            module.name,
            show_root_heading=True,
            show_root_full_path=True,
            heading_level=2,
            members=json.dumps(own_names(module)),
        )
    title = TITLES.get(module.name) or _summary(module).rstrip(".")
    lines = [f"## {title}", "", *_docstring_only(module.name)]
    package = public_package(module.name)
    for name in public_names(module):
        lines += _directive(f"{package}.{name}", **_NAME)
    return lines


#: A public name under its import path, below its module's section heading.
_NAME: dict[str, object] = {
    "show_root_heading": True,
    "show_root_full_path": True,
    "heading_level": 3,
}


def topic_page(topic: Topic, members: tuple[Module, ...]) -> str:
    """A topic page: its title, introduction, then per module a section: a private module's
    docstring under a heading and each of its public names under its import path
    (``reintegratie_core.milestone_date``); a public module as it is."""
    lines = [f"# {topic.title}", "", _GENERATED, "", topic.intro, ""]
    for module in members:
        lines += _section(module)
    return "\n".join(lines).rstrip() + "\n"


def index_page() -> str:
    """The overview: the topics in order, each with its sections; then the package itself."""
    lines = [
        "# Python-API",
        "",
        _GENERATED,
        "",
        (
            "De referentie van de Python-pakketten, rechtstreeks uit de docstrings, per "
            "onderwerp. Alles wat een gebruiker nodig heeft, importeert u uit "
            "`reintegratie_core` zelf of uit zijn subpakketten `products`, `compensation` en "
            "`financial`; elke naam staat in de referentie onder het pad waaronder u hem "
            "importeert (`reintegratie_core.milestone_date`, "
            "`reintegratie_core.products.Product`). Voorbeelden staan in de "
            "[Python-gids](../python.md)."
        ),
        "",
        "| Onderwerp | Inhoud | Onderdelen |",
        "|---|---|---|",
    ]
    for topic, members in grouped():
        parts = [
            TITLES.get(m.name) or (f"`{m.name}`" if not is_private(m.name) else _summary(m))
            for m in members
            if m.path.name != "__init__.py"
        ]
        lines.append(f"| [{topic.title}]({topic.slug}.md) | {topic.intro} | {', '.join(parts)} |")
    core = next(m for m in modules(CORE) if m.name == CORE)
    lines += ["", f"## Het pakket `{CORE}`", "", *_section(core)]
    return "\n".join(lines).rstrip() + "\n"


def pages() -> dict[str, str]:
    """``api/<topic>.md`` → page text, plus ``api/index.md``."""
    result = {f"{API_DIR}/index.md": index_page()}
    for topic, members in grouped():
        result[page_name(topic)] = topic_page(topic, members)
    return result
