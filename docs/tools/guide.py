"""The generated parts of the user guide (``docs/_snippets/*.md``, included by the pages).

Per task of the back-office — a new verzuimdossier, a module termination, a budget claim, a
loonsanctie — a small worksheet: the input cells, then the formulas to type next to them
with the result each gives. The results are computed by calling the functions, so the
guide cannot promise what the add-in does not do.

When the example workbook ``excel/voorbeeld-backoffice.xlsx`` exists, the formulas it
contains are listed per sheet and cell (read with openpyxl, written the Dutch way).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from docs.tools.articles import ROOT
from docs.tools.excel import (
    Argument,
    Call,
    Cell,
    Range,
    escape_cell,
    is_error,
    literal,
    result_markdown,
    show,
    table_markdown,
)
from reintegratie_addin import udfs

WORKBOOK = ROOT / "excel" / "voorbeeld-backoffice.xlsx"


@attrs.frozen(kw_only=True)
class Input:
    """An input cell of a task's worksheet."""

    cell: Cell
    label: str


@attrs.frozen(kw_only=True)
class Step:
    """A formula of a task: in which cell, what it answers, and the call."""

    cell: str
    label: str
    call: Call


@attrs.frozen(kw_only=True)
class Task:
    """One task of the user guide as a small worksheet."""

    key: str
    sheet: str
    inputs: tuple[Input, ...]
    steps: tuple[Step, ...]
    ranges: tuple[tuple[str, Range], ...] = ()

    def functions(self) -> tuple[str, ...]:
        """The ``RI_`` functions this task uses."""
        return tuple(dict.fromkeys(step.call.function for step in self.steps))


def _in(ref: str, label: str, value: Any) -> Input:
    return Input(cell=Cell(ref, value), label=label)


def _cell(inputs: tuple[Input, ...], ref: str) -> Cell:
    for item in inputs:
        if item.cell.ref == ref:
            return item.cell
    raise KeyError(ref)


def _step(cell: str, label: str, function: str, *args: Argument) -> Step:
    return Step(cell=cell, label=label, call=Call(function, args))


# --- Task 1: a new verzuimdossier ------------------------------------------------------

_DOSSIER_IN = (
    _in("B1", "Werknemer", "W. de Vries"),
    _in("B2", "Eerste ziektedag", date(2025, 1, 6)),
    _in("B3", "Datum probleemanalyse (als die er is)", date(2025, 2, 14)),
    _in("B4", "Peildatum (vandaag)", date(2025, 10, 20)),
)


def _c(ref: str, inputs: tuple[Input, ...] = _DOSSIER_IN) -> Cell:
    return _cell(inputs, ref)


DOSSIER = Task(
    key="verzuimdossier",
    sheet="Verzuim",
    inputs=_DOSSIER_IN,
    steps=(
        _step("B6", "Inzet Ontzorgmanager (dag 8)", "RI_MIJLPAAL", _c("B2"), "ontzorgmanager"),
        _step("B7", "Uiterste plan van aanpak", "RI_UITERSTE_PLAN_VAN_AANPAK", _c("B3")),
        _step("B8", "42e-weeksmelding aan UWV", "RI_MIJLPAAL", _c("B2"), "42e week"),
        _step("B9", "Eerstejaarsevaluatie", "RI_MIJLPAAL", _c("B2"), "eerstejaarsevaluatie"),
        _step("B10", "Einde loondoorbetaling", "RI_MIJLPAAL", _c("B2"), "einde_loondoorbetaling"),
        _step("B11", "Getelde ziektedagen op de peildatum", "RI_ZIEKTEDAGEN", _c("B2"), _c("B4")),
        _step(
            "B12",
            "Weken loondoorbetaling die nog resteren",
            "RI_RESTERENDE_WEKEN",
            _c("B2"),
            _c("B4"),
        ),
        _step("B13", "Signaal: wat komt eraan?", "RI_SIGNAAL", _c("B2"), _c("B4")),
        _step("D2", "De hele tijdlijn (loopt uit naar beneden)", "RI_TIJDLIJN", _c("B2"), _c("B3")),
    ),
)

# --- Task 2: a module termination --------------------------------------------------------

_EINDE_IN = (
    _in("B1", "Product", "asr-reintegratiemanager"),
    _in("B2", "Module die eindigt", "basis-verzuim"),
    _in("B3", "Einddatum", date(2025, 7, 1)),
    _in("B4", "Reden", "opzegging_werkgever"),
    _in("B5", "Eerste ziektedag van een zieke werknemer", date(2025, 3, 3)),
    _in("B6", "Peildatum", date(2025, 9, 1)),
)

EINDE = Task(
    key="beeindiging",
    sheet="Beëindiging",
    inputs=_EINDE_IN,
    steps=(
        _step(
            "D2",
            "Welke modules eindigen mee, en waarom",
            "RI_CASCADE",
            _c("B1", _EINDE_IN),
            _c("B2", _EINDE_IN),
            _c("B3", _EINDE_IN),
            _c("B4", _EINDE_IN),
        ),
        _step(
            "B8",
            "Eindigt de Re-integratiemanager mee?",
            "RI_EINDIGT_MEE",
            _c("B1", _EINDE_IN),
            "reintegratiemanager",
            _c("B2", _EINDE_IN),
            _c("B4", _EINDE_IN),
        ),
        _step(
            "D8",
            "Gevolgen (garantie, begeleiding)",
            "RI_GEVOLGEN",
            _c("B1", _EINDE_IN),
            "reintegratiemanager",
            _c("B3", _EINDE_IN),
            _c("B4", _EINDE_IN),
        ),
        _step(
            "B9",
            "Loopt de begeleiding door voor de zieke werknemer?",
            "RI_DOORLOPENDE_BEGELEIDING",
            _c("B1", _EINDE_IN),
            _c("B5", _EINDE_IN),
            _c("B3", _EINDE_IN),
            _c("B6", _EINDE_IN),
            _c("B4", _EINDE_IN),
        ),
        _step(
            "B10",
            "Vroegste opzegdatum bij opzegging ontvangen op 01-06-2026",
            "RI_VROEGSTE_OPZEGDATUM",
            _c("B1", _EINDE_IN),
            "reintegratiemanager",
            date(2025, 3, 1),
            date(2025, 1, 1),
            date(2026, 6, 1),
        ),
    ),
)

# --- Task 3: a budget claim ---------------------------------------------------------------

_BUDGET_IN = (
    _in("B1", "Kosten van de re-integratieactiviteit (excl. btw)", 5000),
    _in("B2", "WGA-eigenrisico of WIA 0-tot-100 bij De Zeeuwse?", False),
    _in("B3", "Al vergoed in dit ziektegeval", 1500),
    _in("B4", "Toegekende subsidie", 0),
    _in("B5", "Nota ontvangen op", date(2025, 3, 14)),
    _in("B6", "Gedeclareerd op", date(2025, 3, 20)),
)

BUDGET = Task(
    key="budget",
    sheet="Budget",
    inputs=_BUDGET_IN,
    steps=(
        _step(
            "B8",
            "Vergoeding uit het re-integratiebudget",
            "RI_REINTEGRATIEBUDGET",
            _c("B1", _BUDGET_IN),
            _c("B2", _BUDGET_IN),
            _c("B3", _BUDGET_IN),
            _c("B4", _BUDGET_IN),
        ),
        _step("B9", "Uiterlijk declareren op", "RI_UITERSTE_DECLARATIE", _c("B5", _BUDGET_IN)),
        _step(
            "B10", "Verzekeraar betaalt uiterlijk op", "RI_UITERSTE_BETALING", _c("B6", _BUDGET_IN)
        ),
        _step(
            "B11",
            "Extra bijdrage boven het budget (kosten-batenanalyse)",
            "RI_KBA_BIJDRAGE",
            _c("B1", _BUDGET_IN),
            2500,
            40000,
            36000,
        ),
        _step(
            "B12",
            "Preventiebudget voor een preventieactiviteit van € 800",
            "RI_PREVENTIEBUDGET",
            800,
        ),
        _step(
            "B13",
            "Telt de vergoeding mee voor de premie van 2028?",
            "RI_TELT_MEE_VOOR_PREMIE",
            _c("B6", _BUDGET_IN),
            2028,
        ),
    ),
)

# --- Task 4: a loonsanctie -----------------------------------------------------------------

_SANCTIE_IN = (
    _in("B1", "Eerste ziektedag", date(2025, 1, 6)),
    _in("B2", "Datum loonsanctiebesluit UWV", date(2026, 12, 4)),
    _in("B3", "Sanctieweken", 12),
    _in("B4", "Maandloon", 3900),
)

SANCTIE = Task(
    key="loonsanctie",
    sheet="Loonsanctie",
    inputs=_SANCTIE_IN,
    steps=(
        _step(
            "B6",
            "Uiterlijk melden bij de verzekeraar",
            "RI_UITERSTE_MELDING_SANCTIE",
            _c("B2", _SANCTIE_IN),
        ),
        _step(
            "B7",
            "Einde loondoorbetaling met sanctie",
            "RI_MIJLPAAL",
            _c("B1", _SANCTIE_IN),
            "einde_loondoorbetaling",
            None,
            _c("B3", _SANCTIE_IN),
        ),
        _step("B8", "Weekloon", "RI_WEEKLOON", _c("B4", _SANCTIE_IN), "maand"),
        _step(
            "B9",
            "Vergoeding van de loonsanctie (70 % + 25 % werkgeverslasten)",
            "RI_LOONSANCTIE_VERGOEDING",
            Cell("B8", None),  # the result of step B8
            _c("B3", _SANCTIE_IN),
        ),
    ),
)

# --- Task 5: financial consequences (financieel.md §9) ------------------------------------

_FIN_IN = (
    _in("B1", "Maandloon (excl. vakantiebijslag)", 2500),
    _in("B2", "Contracturen per week", 36),
    _in("B3", "Eerste ziektedag", date(2025, 1, 6)),
    _in("B4", "Jaarloon referentiejaar (SV-loon incl. vakantiebijslag)", 32400),
    _in("B5", "Arbeidsongeschiktheid volgens UWV", 50),
    _in("B6", "Restverdiencapaciteit per maand", 1000),
    _in("B7", "Inkomen uit werk per maand in de WIA", 600),
    _in("B8", "Jaren arbeidsverleden tot en met 2015", 5),
    _in("B9", "Jaren arbeidsverleden vanaf 2016", 10),
)


def _f(ref: str) -> Cell:
    return _cell(_FIN_IN, ref)


FINANCIEEL = Task(
    key="financieel",
    sheet="Financieel",
    inputs=_FIN_IN,
    steps=(
        _step(
            "B11",
            "Loondoorbetaling per maand, week 1 (parameters van de eerste ziektedag)",
            "RI_LOONDOORBETALING",
            _f("B1"),
            1,
            _f("B3"),
            _f("B2"),
        ),
        _step(
            "B12",
            "Loondoorbetaling per maand, week 53–104 (parameters van 05-01-2026)",
            "RI_LOONDOORBETALING",
            _f("B1"),
            53,
            date(2026, 1, 5),
            _f("B2"),
        ),
        _step("B13", "Eerste dag WIA", "RI_MIJLPAAL", _f("B3"), "start_wia"),
        _step("B14", "WIA-dagloon", "RI_WIA_DAGLOON", _f("B4"), Cell("B13", None)),
        _step("B15", "WIA-maandloon", "RI_WIA_MAANDLOON", _f("B4"), Cell("B13", None)),
        _step("B16", "Maanden loongerelateerde uitkering", "RI_WGA_DUUR", _f("B8"), _f("B9")),
        _step(
            "B17",
            "WIA-uitkering in maand 1",
            "RI_WIA_UITKERING",
            _f("B4"),
            _f("B5"),
            _f("B6"),
            _f("B7"),
            Cell("B13", None),
            None,
            1,
            Cell("B16", None),
        ),
        _step(
            "B18",
            "WIA-uitkering in maand 14 (na de loongerelateerde uitkering)",
            "RI_WIA_UITKERING",
            _f("B4"),
            _f("B5"),
            _f("B6"),
            _f("B7"),
            Cell("B13", None),
            None,
            14,
            Cell("B16", None),
        ),
        _step(
            "D11",
            "Het hele overzicht per maand (loopt uit naar beneden)",
            "RI_WIA_OVERZICHT",
            _f("B4"),
            _f("B5"),
            _f("B6"),
            _f("B7"),
            Cell("B13", None),
            None,
            Cell("B16", None),
        ),
    ),
)

TASKS: tuple[Task, ...] = (DOSSIER, EINDE, BUDGET, SANCTIE, FINANCIEEL)


def _resolved(step: Step, computed: dict[str, Any]) -> Call:
    """The step's call; a reference to an earlier step's cell holds that step's result."""
    args: list[Argument] = []
    for arg in step.call.args:
        if isinstance(arg, Cell) and arg.ref in computed:
            args.append(Cell(arg.ref, computed[arg.ref]))
        else:
            args.append(arg)
    return Call(step.call.function, tuple(args))


def _result(step: Step, computed: dict[str, Any]) -> Any:
    """The step's result (``None``: the function does not exist yet)."""
    if step.call.function not in udfs.contract_functions():
        return None
    return _resolved(step, computed).run()


def task_results(task: Task) -> dict[str, Any]:
    """The result of every step by cell (``None``: the function does not exist yet)."""
    computed: dict[str, Any] = {}
    for step in task.steps:
        result = _result(step, computed)
        computed[step.cell] = (
            result.date() if hasattr(result, "date") and callable(result.date) else result
        )
    return computed


def failing_steps() -> list[tuple[str, str, Any]]:
    """``(task, formula, result)`` of every step that gives an error or does not exist."""
    failing = []
    for task in TASKS:
        results = task_results(task)
        for step in task.steps:
            result = results[step.cell]
            if result is None or is_error(result):
                failing.append((task.key, step.call.formula(), result))
    return failing


def task_snippet(task: Task) -> str:
    """The worksheet of one task: inputs, formulas with their results, spilled tables."""
    results = task_results(task)
    lines = [
        f"Werkblad **{task.sheet}** — vul de invoercellen:",
        "",
        "| Cel | Wat | Waarde |",
        "|---|---|---|",
    ]
    lines.extend(
        f"| {i.cell.ref} | {escape_cell(i.label)} | `{escape_cell(_shown_input(i.cell.value))}` |"
        for i in task.inputs
    )
    lines += [
        "",
        "en typ de formules:",
        "",
        "| Cel | Wat | Formule | Uitkomst |",
        "|---|---|---|---|",
    ]
    tables = []
    for step in task.steps:
        result = results[step.cell]
        formula = f"`{escape_cell(step.call.formula())}`"
        if result is None:
            shown = "*(functie nog niet beschikbaar)*"
        elif isinstance(result, list):
            shown = f"tabel, zie hieronder ({step.cell})"
            tables.append((step, result))
        else:
            shown = escape_cell(result_markdown(result, _resolved(step, results).unit()))
        lines.append(f"| {step.cell} | {escape_cell(step.label)} | {formula} | {shown} |")
    lines.append("")
    for step, table in tables:
        lines += [
            f"Uitkomst van {step.cell} (`{step.call.formula()}`):",
            "",
            table_markdown(table),
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def _shown_input(value: Any) -> str:
    if isinstance(value, Range):
        return value.ref
    if isinstance(value, date):
        return show(value)
    if isinstance(value, bool | int | float):
        return literal(value) if isinstance(value, bool) else show(float(value))
    return str(value)


# --- The example workbook ------------------------------------------------------------------

_FORMULA_PREFIX = re.compile(r"_xll\.|_xlfn\.|_xludf\.", re.IGNORECASE)


def dutch_formula(formula: str) -> str:
    """An OOXML formula (``,`` between arguments) as typed in Dutch Excel (``;``)."""
    formula = _FORMULA_PREFIX.sub("", formula)
    out = []
    in_text = False
    for char in formula:
        if char == '"':
            in_text = not in_text
        if not in_text and char == ",":
            out.append(";")
        elif not in_text and char == ".":
            out.append(",")
        else:
            out.append(char)
    text = "".join(out)
    return re.sub(r"\bTRUE\b", "WAAR", re.sub(r"\bFALSE\b", "ONWAAR", text))


def workbook_formulas(path: Path = WORKBOOK) -> Iterator[tuple[str, str, str, str]]:
    """``(sheet, cell, label, formula)`` for every ``RI_`` formula of the workbook."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=False, data_only=False)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                text = getattr(value, "text", value)  # array formulas keep their text
                row_number, column = cell.row, cell.column
                if row_number is None or column is None:  # a merged cell's hidden part
                    continue
                if isinstance(text, str) and text.startswith("=") and "RI_" in text.upper():
                    label = _label(sheet, row_number, column, spills=text is not value)
                    yield sheet.title, cell.coordinate, label, dutch_formula(text)


def _text_at(sheet: Any, row: int, column: int) -> str:
    value = sheet.cell(row=row, column=column).value if row > 0 and column > 0 else None
    return value if isinstance(value, str) and not value.startswith("=") else ""


def _label(sheet: Any, row: int, column: int, spills: bool) -> str:
    """What a formula cell is about: for a formula over a column (it spills), the column's
    header just above it; for a single formula, the nearest text to its left; else the
    other of the two."""
    left = next((t for col in range(column - 1, 0, -1) if (t := _text_at(sheet, row, col))), "")
    above = next((t for r in range(row - 1, row - 4, -1) if (t := _text_at(sheet, r, column))), "")
    return (above or left) if spills else (left or above)


def workbook_snippet(functions: tuple[str, ...] | None = None, limit: int = 12) -> str:
    """The workbook's formulas (only those using ``functions``, when given), per sheet."""
    relative = WORKBOOK.relative_to(ROOT).as_posix()
    if not WORKBOOK.exists():
        return (
            f"*Het voorbeeldwerkboek `{relative}` is (nog) niet aanwezig; `make docs` neemt "
            "de formules ervan hier op zodra het er is.*\n"
        )
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for sheet, cell, label, formula in workbook_formulas():
        used = set(re.findall(r"RI_[A-Z_]+", formula.upper()))
        if functions is not None and not used & set(functions):
            continue
        rows.setdefault(sheet, []).append((cell, label, formula))
    if not rows:
        return f"*Het voorbeeldwerkboek `{relative}` gebruikt deze functies niet.*\n"
    lines = [f"In het voorbeeldwerkboek `{relative}`:", ""]
    for sheet, cells in rows.items():
        lines += [f"**Blad {sheet}**", "", "| Cel | Bij | Formule |", "|---|---|---|"]
        for cell, label, formula in cells[:limit]:
            lines.append(f"| {cell} | {escape_cell(label)} | `{escape_cell(formula)}` |")
        if len(cells) > limit:
            lines.append(f"| … | | en nog {len(cells) - limit} formules |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --- The half-year parameters of financieel.md §9.1 ----------------------------------------


def financial_parameters_snippet() -> str:
    """The table of dated parameters the financial functions use, from the data rows."""
    from reintegratie_core.financial import RATES, WIA_MINIMUM_WAGE

    lines = [
        (
            "| Geldig vanaf | Maximumdagloon | Minimumloon per uur | Minimumloon per maand | "
            "WIA-minimumloon (× 1,08) | Bron |"
        ),
        "|---|---|---|---|---|---|",
    ]
    for row in RATES:
        derived = " *(afgeleid)*" if "maximumdagloon" in row.derived else ""
        minimum = WIA_MINIMUM_WAGE.at(row.valid_from).value
        source = (
            row.source
            if row.minimum_wage_source is None
            else (f"{row.minimum_wage_source}; maximumdagloon {row.source}")
        )
        lines.append(
            f"| {show(row.valid_from)} | {show(float(row.maximum_daily_wage))}{derived} "
            f"| {show(float(row.minimum_wage_hour))} | {show(float(row.minimum_wage_month))} "
            f"| {show(float(minimum))} | {escape_cell(source)} |"
        )
    newest = RATES[-1].valid_from
    lines += [
        "",
        (
            f"Na {show(newest)} gelden de nieuwste waarden; `RI_UITLEG` zegt dan dat er geen "
            "nieuwere waarde bekend is. Een waarde die *afgeleid* is (berekend volgens Wfsv "
            "art. 18 lid 1, nog niet bevestigd door een gepubliceerd besluit) wordt gebruikt, en "
            "elke uitleg die haar gebruikt zegt dat."
        ),
    ]
    return "\n".join(lines) + "\n"
