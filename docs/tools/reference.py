"""The function reference (``docs/referentie/functies.md``), generated from the declarations.

Every ``RI_`` function that ``reintegratie_addin.udfs`` exposes gets a section: its Dutch
description and syntax, a table of its arguments (from the :class:`Param` declarations),
the result, an example whose result is computed by calling the function, the explanation
``RI_UITLEG`` gives for it, and the error texts for a wrong value of each argument — also
computed. Nothing here is typed by hand except the example inputs (``examples.py``).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import attrs

from docs.tools.articles import ROOT
from docs.tools.examples import examples_for
from docs.tools.excel import (
    Call,
    escape_cell,
    is_error,
    range_markdown,
    result_markdown,
    show,
)
from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY, ExcelFunction

CONTRACT = ROOT / "sources" / "excel-functions.md"
PAGE = "referentie/functies.md"
META_CATEGORY = "Re-integratie – Uitleg en versie"

#: Arguments of the functions that are not declared through ``excel_function`` (the meta ones).
META_ARGUMENTS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "RI_UITLEG": (
        ("functie", 'Naam van de RI_-functie, bijv. "RI_MIJLPAAL"', False),
        ("argumenten…", "De argumenten van die functie, in dezelfde volgorde", True),
    ),
    "RI_VERSIE": (),
}

#: Wrong values tried per argument to show its error text (the first that is refused).
WRONG_VALUES: tuple[Any, ...] = ("xyz", -1, "31-02-2025")


@attrs.frozen(kw_only=True)
class Argument:
    """One argument as the reference shows it."""

    name: str
    doc: str
    optional: bool
    column: bool


@attrs.frozen(kw_only=True)
class Entry:
    """One function of the reference."""

    name: str
    category: str
    doc: str
    arguments: tuple[Argument, ...]
    returns_table: bool
    declared: ExcelFunction | None

    @property
    def anchor(self) -> str:
        """The id of its heading (``ri_mijlpaal``)."""
        return self.name.lower()

    def syntax(self) -> str:
        """``=RI_X(a; b; [c])``."""
        shown = [f"[{a.name}]" if a.optional else a.name for a in self.arguments]
        return f"={self.name}({'; '.join(shown)})"

    def summary(self) -> str:
        """The first sentence of the description."""
        return self.doc.split("\n\n")[0].replace("\n", " ").strip()

    def examples(self) -> tuple[Call, ...]:
        """The example calls (see ``examples.py``)."""
        names = tuple(a.name for a in self.arguments)
        optional = tuple(a.optional for a in self.arguments)
        if self.declared is None:
            names, optional = (), ()
        return examples_for(self.name, names, optional)


def entries() -> tuple[Entry, ...]:
    """Every contract function: the declared ones in declaration order, then the meta ones."""
    found = []
    for name, function in udfs.contract_functions().items():
        declared = REGISTRY.get(name)
        if declared is not None:
            found.append(
                Entry(
                    name=name,
                    category=declared.category,
                    doc=declared.doc,
                    arguments=tuple(
                        Argument(
                            name=p.name,
                            doc=p.doc,
                            optional=p.optional,
                            column=p.lift and not declared.returns_table,
                        )
                        for p in declared.params
                    ),
                    returns_table=declared.returns_table,
                    declared=declared,
                )
            )
        else:
            found.append(_meta_entry(name, function))
    declared_first = sorted(found, key=lambda e: e.declared is None)
    return tuple(declared_first)


def _meta_entry(name: str, function: Callable[..., Any]) -> Entry:
    arguments = META_ARGUMENTS.get(name)
    if arguments is None:
        arguments = tuple(
            (p.name, "", p.default is not inspect.Parameter.empty)
            for p in inspect.signature(function).parameters.values()
        )
    return Entry(
        name=name,
        category=META_CATEGORY,
        doc=inspect.cleandoc(function.__doc__ or ""),
        arguments=tuple(Argument(name=n, doc=d, optional=o, column=False) for n, d, o in arguments),
        returns_table=False,
        declared=None,
    )


def contract_names() -> tuple[str, ...]:
    """Every function name in the tables of ``sources/excel-functions.md``."""
    names = re.findall(r"^\|\s*`(RI_[A-Z_]+)\(", CONTRACT.read_text(encoding="utf-8"), re.MULTILINE)
    return tuple(dict.fromkeys(names))


def error_examples(entry: Entry) -> list[tuple[str, str, str]]:
    """``(argument, wrong value, error text)`` for each argument that refuses a wrong value."""
    if entry.declared is None or not entry.examples():
        return []
    base = entry.examples()[0]
    raw = base.raw() + [None] * (len(entry.arguments) - len(base.args))
    function = udfs.contract_functions()[entry.name]
    rows = []
    for index, argument in enumerate(entry.arguments):
        for wrong in WRONG_VALUES:
            values = list(raw)
            values[index] = wrong
            result = function(*values)
            if isinstance(result, str) and result.startswith(f"#WAARDE! {argument.name}:"):
                rows.append((argument.name, show(wrong), result))
                break
    return rows


def _uitleg(call: Call) -> str | None:
    if call.function not in REGISTRY:
        return None
    text = udfs.RI_UITLEG(call.function, *call.raw())
    return text if isinstance(text, str) else None


def _section(entry: Entry) -> list[str]:
    lines = [f"### {entry.name} {{#{entry.anchor}}}", "", entry.doc, ""]
    lines += ["```text", entry.syntax(), "```", ""]
    if entry.arguments:
        lines += ["| Argument | Verplicht | Kolom | Betekenis |", "|---|---|---|---|"]
        for argument in entry.arguments:
            lines.append(
                f"| `{argument.name}` | {'nee' if argument.optional else 'ja'} "
                f"| {'ja' if argument.column else 'nee'} | {escape_cell(argument.doc)} |"
            )
        lines.append("")
    else:
        lines += ["Deze functie heeft geen argumenten.", ""]
    calls = entry.examples()
    results = [call.run() for call in calls]
    if entry.returns_table:
        header = next((r[0] for r in results if isinstance(r, list) and r), None)
        columns = " · ".join(f"`{c}`" for c in header) if header else ""
        lines += [f"**Resultaat:** een tabel die naar beneden uitloopt, met de kop {columns}.", ""]
    elif any(a.column for a in entry.arguments):
        lines += [
            (
                "**Resultaat:** één waarde; geeft u bij een argument met *Kolom = ja* een kolom, "
                "dan krijgt u een kolom uitkomsten, rij voor rij."
            ),
            "",
        ]
    else:
        lines += ["**Resultaat:** één waarde.", ""]
    for number, (call, result) in enumerate(zip(calls, results, strict=True), 1):
        title = "Voorbeeld" if len(calls) == 1 else f"Voorbeeld {number}"
        lines += [f"**{title}**", "", "```text", call.formula(), "```", ""]
        for cells in call.ranges():
            lines += [f"met in {cells.ref}:", "", range_markdown(cells), ""]
        lines += ["geeft:", "", result_markdown(result, call.unit()), ""]
    if calls:
        explanation = _uitleg(calls[0])
        if explanation is not None:
            uitleg = Call("RI_UITLEG", (entry.name, *calls[0].args)).formula()
            lines += [
                f"**Uitleg** — `{uitleg}` geeft:",
                "",
                "```text",
                explanation,
                "```",
                "",
            ]
    errors = error_examples(entry)
    if errors:
        lines += [
            (
                "**Foutmeldingen** — een verkeerde waarde geeft tekst die begint met `#WAARDE!`, "
                "met de naam van het argument en wat wel kan; bijvoorbeeld:"
            ),
            "",
            "| Argument | Waarde | Melding |",
            "|---|---|---|",
        ]
        lines.extend(
            f"| `{name}` | `{escape_cell(value)}` | {escape_cell(text)} |"
            for name, value, text in errors
        )
        lines.append("")
    return lines


def render() -> str:
    """The whole page."""
    all_entries = entries()
    categories: dict[str, list[Entry]] = {}
    for entry in all_entries:
        categories.setdefault(entry.category, []).append(entry)
    lines = [
        "# Functiereferentie",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/reference.py) uit de declaraties van de",
        "     Excel-functies; niet met de hand bewerken. -->",
        "",
        (
            f"Alle {len(all_entries)} `RI_`-functies van de invoegtoepassing, met hun argumenten, "
            "resultaat, een voorbeeld en de foutmeldingen. De voorbeelden zijn uitgerekend door "
            "de functies zelf aan te roepen; de uitleg is wat `RI_UITLEG` bij dat voorbeeld toont."
        ),
        "",
        (
            "Afspraken die voor alle functies gelden (datums, bedragen, codes, kolommen, "
            "foutmeldingen) staan in [Werken met de functies](../handleiding/index.md)."
        ),
        "",
        "## Overzicht",
        "",
        "| Functie | Geeft |",
        "|---|---|",
    ]
    lines.extend(f"| [`{e.name}`](#{e.anchor}) | {escape_cell(e.summary())} |" for e in all_entries)
    lines.append("")
    for category, members in categories.items():
        lines += [f"## {category}", ""]
        for entry in members:
            lines += _section(entry)
    undeclared = [e.name for e in all_entries if not e.examples()]
    if undeclared:
        lines += [
            '!!! warning "Zonder voorbeeld"',
            (
                f"    Voor {', '.join(undeclared)} is nog geen voorbeeld vastgelegd "
                "(docs/tools/examples.py)."
            ),
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def failing_examples() -> list[tuple[str, str, Any]]:
    """``(function, formula, result)`` for every example whose result is an error."""
    failing = []
    for entry in entries():
        for call in entry.examples():
            result = call.run()
            if is_error(result):
                failing.append((entry.name, call.formula(), result))
    return failing
