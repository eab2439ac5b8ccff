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

import attrs

from docs.tools.citations import ADDIN, CORE, Module, modules

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
        "Hoe een `RI_`-functie wordt gedeclareerd en Excel-waarden worden omgezet; de "
        "functies zelf staan in de [Functiereferentie](../referentie/functies.md).",
        (ADDIN,),
    ),
)

#: Members a page leaves out: the seed file names are internal (readers cite by
#: ``SEED_LABELS``; the sources page gives the full titles).
HIDDEN: dict[str, tuple[str, ...]] = {"reintegratie_core._explain": ("SEEDS",)}

OTHER = Topic("overige", "Overige", "Modules die (nog) bij geen onderwerp horen.", ())


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


def topic_of(name: str) -> Topic:
    """The topic a module belongs to: the longest matching prefix, else :data:`OTHER`."""
    best: tuple[int, Topic] = (0, OTHER)
    for topic in TOPICS:
        for prefix in topic.prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best[0]:
                best = (len(prefix), topic)
    return best[1]


def grouped() -> list[tuple[Topic, list[Module]]]:
    """Each topic with its modules (public ones first), in :data:`TOPICS` order."""
    found: dict[str, list[Module]] = {}
    for package in (CORE, ADDIN):
        for module in modules(package):
            if module.name == CORE or not _defines_members(module):
                continue
            found.setdefault(topic_of(module.name).slug, []).append(module)
    result = []
    for topic in (*TOPICS, OTHER):
        members = found.get(topic.slug, [])
        members.sort(key=lambda m: (any(p.startswith("_") for p in m.name.split(".")), m.name))
        if members:
            result.append((topic, members))
    return result


def page_name(topic: Topic) -> str:
    """``api/ziekte.md``."""
    return f"{API_DIR}/{topic.slug}.md"


def topic_page(topic: Topic, members: list[Module]) -> str:
    """A topic page: its title, introduction, and one mkdocstrings section per module."""
    lines = [
        f"# {topic.title}",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/api.py); niet met de hand bewerken. -->",
        "",
        topic.intro,
        "",
    ]
    for module in members:
        lines += [
            f"::: {module.name}",
            "    options:",
            "      show_root_heading: true",
            "      show_root_full_path: true",
            "      heading_level: 2",
        ]
        hidden = HIDDEN.get(module.name, ())
        if hidden:
            patterns = ", ".join(f'"!^{name}$"' for name in hidden)
            lines.append(f'      filters: ["!^_", {patterns}]')
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def index_page() -> str:
    """The overview: the topics in order, each with its modules."""
    lines = [
        "# Python-API",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/api.py); niet met de hand bewerken. -->",
        "",
        (
            "De referentie van de Python-pakketten, rechtstreeks uit de docstrings, per "
            "onderwerp. Alles wat een gebruiker nodig heeft, importeert u uit "
            "`reintegratie_core` zelf of uit zijn subpakketten `products`, `compensation` en "
            "`financial`; de modules hieronder (`_poortwachter` …) zijn privé en kunnen zonder "
            "aankondiging veranderen. Voorbeelden staan in de [Python-gids](../python.md)."
        ),
        "",
        "| Onderwerp | Inhoud | Modules |",
        "|---|---|---|",
    ]
    for topic, members in grouped():
        names = ", ".join(f"`{m.name.split('.', 1)[-1]}`" for m in members)
        lines.append(f"| [{topic.title}]({topic.slug}.md) | {topic.intro} | {names} |")
    return "\n".join(lines).rstrip() + "\n"


def pages() -> dict[str, str]:
    """``api/<topic>.md`` → page text, plus ``api/index.md``."""
    result = {f"{API_DIR}/index.md": index_page()}
    for topic, members in grouped():
        result[page_name(topic)] = topic_page(topic, members)
    return result
