"""Build the example workbooks in ``excel/`` (never edit them by hand: run ``make examples``).

``voorbeeld-backoffice.xlsx`` is a back office's workbook: a settings sheet with the
reference date, then one sheet per topic — sickness files with their Poortwachter
timeline and signals, sick periods, deadlines, module termination, entitlements,
budgets, loonsanctie, fees — and the explanations. Its formulas use only the ``RI_``
functions of the contract and Excel's own (classic) functions. Where a column is computed,
one lifted call fills it: a dynamic array (``=RI_MIJLPAAL(C5:C16; …)`` spills down the
column in Excel 365), which Excel, the add-in and ``reintegratie werkmap`` evaluate in one
call; a row added to the inputs needs only the range widened, not the formula re-entered.

The workbook is a product: ``reintegratie werkmap``'s engine computes it at build time, so
it opens showing its results (cached values) even without the add-in; code cells (product,
module, reason, event, milestone) have dropdowns with the catalogue's codes (sheet
``Lijsten``); every sheet prints landscape, one page wide, with its header rows repeated.

Only functions present in ``reintegratie_addin.udfs`` when the script runs are used: a
block of formulas whose functions are not (yet) declared is left out, and a sheet without
blocks too, so the script keeps working as functions are added. Table results are given
exactly the size they spill to (computed by calling the function).

Run: ``python excel/bouw_voorbeelden.py`` (``make examples``).
"""

from __future__ import annotations

import inspect
import io
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from reintegratie_addin import udfs
from reintegratie_core import EventKind, Milestone
from reintegratie_core.products import BUILTIN_PRODUCTS, TerminationReason

HERE = Path(__file__).resolve().parent
BACKOFFICE = HERE / "voorbeeld-backoffice.xlsx"
#: The same workbook on the documentation site, to download.
DOWNLOAD = HERE.parent / "docs" / "downloads" / BACKOFFICE.name

#: The reference date of the example (a Monday); every formula reads it from Instellingen.
PEILDATUM = date(2025, 11, 3)
PEIL = "Instellingen!$B$4"
HORIZON = "Instellingen!$B$5"
PREMIEJAAR = "Instellingen!$B$6"

DATE = "DD-MM-YYYY"
AMOUNT = "#,##0.00"
WEEKS = "0.00"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
TITLE_FONT = Font(bold=True, size=14)
NOTE_FONT = Font(italic=True, color="595959")


def d(year: int, month: int, day: int) -> date:
    """A date for a date cell."""
    return date(year, month, day)


# --- Building blocks ---------------------------------------------------------------------


class Functions:
    """The ``RI_`` functions available now, and formula text for a call of one."""

    def __init__(self) -> None:
        self.available = udfs.contract_functions()

    def has(self, *names: str) -> bool:
        """True when every named function is declared."""
        return all(name in self.available for name in names)

    def call(self, name: str, *args: str) -> str:
        """``=NAME(a,b,…)`` after checking the arguments fit the function's signature."""
        signature = inspect.signature(self.available[name])
        signature.bind(*args)  # raises TypeError when the contract changed
        return f"={name}({','.join(args)})"

    def size(self, name: str, *values: Any) -> tuple[int, int]:
        """Rows × columns the call's result spills to (called with Excel-like values)."""
        result = self.available[name](*values)
        if isinstance(result, list):
            return len(result), max(len(row) for row in result)
        return 1, 1


def text(value: str) -> str:
    """An Excel text literal."""
    return '"' + value.replace('"', '""') + '"'


@dataclass
class Sheet:
    """A sheet being written, with a cursor row for the next block."""

    ws: Worksheet
    row: int = 1
    widths: dict[int, float] = field(default_factory=dict)
    #: The first header row (repeated on every printed page).
    header_row: int | None = None

    def title(self, title: str, note: str) -> None:
        """The sheet's heading and a one-line explanation."""
        self.ws.cell(self.row, 1, title).font = TITLE_FONT
        self.ws.cell(self.row + 1, 1, note).font = NOTE_FONT
        self.row += 3

    def heading(self, text_: str, note: str | None = None) -> None:
        """A block heading (and note)."""
        self.ws.cell(self.row, 1, text_).font = Font(bold=True, size=12)
        self.row += 1
        if note:
            self.ws.cell(self.row, 1, note).font = NOTE_FONT
            self.row += 1

    def header(self, row: int, column: int, names: Sequence[str]) -> None:
        """A header row."""
        if self.header_row is None:
            self.header_row = row
        for offset, name in enumerate(names):
            cell = self.ws.cell(row, column + offset, name)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            self.width(column + offset, max(12.0, min(len(name) + 2.0, 28.0)))

    def width(self, column: int, width: float) -> None:
        """Widen a column to at least ``width``."""
        self.widths[column] = max(self.widths.get(column, 0.0), width)

    def inputs(
        self, top: int, column: int, rows: Sequence[Sequence[Any]], formats: Sequence[str | None]
    ) -> None:
        """Input values (shaded), with number formats per column."""
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                cell = self.ws.cell(top + r, column + c, value)
                cell.fill = INPUT_FILL
                fmt = formats[c] if c < len(formats) else None
                if fmt:
                    cell.number_format = fmt

    def lifted(self, column: int, top: int, bottom: int, formula: str, fmt: str | None) -> None:
        """One lifted call filling ``column`` from ``top`` to ``bottom``: a formula in the top
        cell that spills down (a dynamic array once computed)."""
        self.ws.cell(top, column).value = formula
        if fmt:
            for row in range(top, bottom + 1):
                self.ws.cell(row, column).number_format = fmt

    def spill(
        self,
        row: int,
        column: int,
        size: tuple[int, int],
        formula: str,
        formats: Sequence[str | None] = (),
    ) -> None:
        """A table result: a formula that spills to the table's size (formats for that size)."""
        rows, columns = size
        self.ws.cell(row, column).value = formula
        for c in range(columns):
            fmt = formats[c] if c < len(formats) else None
            for r in range(1, rows):
                if fmt:
                    self.ws.cell(row + r, column + c).number_format = fmt
            self.width(column + c, 16.0)
        for c in range(columns):
            cell = self.ws.cell(row, column + c)
            cell.font = Font(bold=True)

    def per_row(
        self, column: int, top: int, bottom: int, formula: Callable[[int], str], fmt: str | None
    ) -> None:
        """An Excel formula in every row (``formula(row)`` gives its text)."""
        for row in range(top, bottom + 1):
            cell = self.ws.cell(row, column, formula(row))
            if fmt:
                cell.number_format = fmt

    def dropdown(self, kind: str, cells: str) -> None:
        """A dropdown with the catalogue's codes of ``kind`` (see :data:`CODES`) on ``cells``."""
        validation = DataValidation(
            type="list",
            formula1=code_list(kind),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Onbekende code",
            error=f"Kies een {kind} uit de lijst (blad Lijsten).",
        )
        validation.add(cells)
        self.ws.add_data_validation(validation)

    def finish(self) -> None:
        """Apply the column widths and the page setup."""
        for column, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(column)].width = min(width, MAX_WIDTH)
        page_setup(self.ws, self.header_row)


#: The calculation engine id Excel 365 writes (``calcPr calcId``).
EXCEL_365_CALC_ID = 191029
#: The widest a column gets (a wider text wraps).
MAX_WIDTH = 60.0


def page_setup(ws: Worksheet, header_row: int | None) -> None:
    """Landscape, one page wide (as many pages down as needed), header rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    if header_row is not None:
        ws.print_title_rows = f"1:{header_row}"
    ws.oddFooter.center.text = "&A — pagina &P van &N"


#: The catalogue's codes offered in dropdowns, by kind (sheet ``Lijsten``, one column each).
CODES: dict[str, list[str]] = {
    "product": [product.code for product in BUILTIN_PRODUCTS],
    "module": list(
        dict.fromkeys(module.code for product in BUILTIN_PRODUCTS for module in product.modules)
    ),
    "reden": [reason.value for reason in TerminationReason],
    "gebeurtenis": [kind.value for kind in EventKind],
    "mijlpaal": [milestone.value for milestone in Milestone],
}


def code_list(kind: str) -> str:
    """The range on sheet ``Lijsten`` holding the codes of ``kind``."""
    column = get_column_letter(list(CODES).index(kind) + 1)
    return f"Lijsten!${column}$2:${column}${len(CODES[kind]) + 1}"


def _lijsten(book: Workbook) -> None:
    ws = book.create_sheet("Lijsten")
    for index, (kind, codes) in enumerate(CODES.items(), start=1):
        ws.cell(1, index, kind).font = Font(bold=True)
        for row, code in enumerate(codes, start=2):
            ws.cell(row, index, code)
        ws.column_dimensions[get_column_letter(index)].width = max(map(len, codes)) + 4
    page_setup(ws, 1)


@dataclass(frozen=True)
class Block:
    """A block of formulas on a sheet, included when its functions are declared."""

    sheet: str
    requires: tuple[str, ...]
    build: Callable[[Sheet, Functions], None]


BLOCKS: list[Block] = []
SHEET_NOTES: dict[str, str] = {}


def block(
    sheet: str, *requires: str
) -> Callable[[Callable[[Sheet, Functions], None]], Callable[[Sheet, Functions], None]]:
    """Register a block of ``sheet`` needing ``requires``."""

    def register(build: Callable[[Sheet, Functions], None]) -> Callable[[Sheet, Functions], None]:
        BLOCKS.append(Block(sheet, requires, build))
        return build

    return register


def rng(column: str, top: int, bottom: int) -> str:
    """``C5:C16``."""
    return f"{column}{top}:{column}{bottom}"


# --- Verzuimdossiers --------------------------------------------------------------------

SHEET_NOTES["Verzuimdossiers"] = (
    "Per dossier de Poortwachter-mijlpalen, getelde ziektedagen, resterende loondoorbetaling "
    "en het signaal voor de eerstvolgende mijlpaal. Gele cellen zijn invoer; elke berekende "
    "kolom is één aanroep over de hele kolom."
)

DOSSIERS = [
    ("VZ-2025-001", "A. de Vries", d(2025, 10, 30), None, None),
    ("VZ-2025-002", "B. Jansen", d(2025, 9, 29), None, None),
    ("VZ-2025-003", "C. Bakker", d(2025, 1, 20), d(2025, 2, 28), None),
    ("VZ-2024-014", "D. Visser", d(2024, 11, 10), d(2024, 12, 19), None),
    ("VZ-2024-002", "E. Smit", d(2024, 1, 25), d(2024, 3, 4), None),
    ("VZ-2023-031", "F. Meijer", d(2023, 10, 2), d(2023, 11, 10), 12),
    ("VZ-2025-007", "G. de Boer", d(2025, 6, 16), d(2025, 7, 25), None),
    ("VZ-2025-009", "H. Mulder", d(2025, 8, 4), None, None),
    ("VZ-2025-011", "I. de Groot", d(2025, 3, 10), d(2025, 4, 18), 0),
    ("VZ-2024-020", "J. Bos", d(2024, 6, 3), d(2024, 7, 12), None),
    ("VZ-2025-012", "K. Vos", d(2025, 10, 13), None, None),
    ("VZ-2025-013", "L. Peters", None, None, None),
]
DOSSIER_TOP = 5
DOSSIER_BOTTOM = DOSSIER_TOP + len(DOSSIERS) - 1


@block(
    "Verzuimdossiers",
    "RI_MIJLPAAL",
    "RI_ZIEKTEDAGEN",
    "RI_RESTERENDE_WEKEN",
    "RI_SIGNAAL",
)
def _dossiers(sheet: Sheet, fn: Functions) -> None:
    top, bottom = DOSSIER_TOP, DOSSIER_BOTTOM
    sheet.row = top - 1
    headers = [
        "Dossier",
        "Werknemer",
        "Eerste ziektedag",
        "Datum probleemanalyse",
        "Sanctieweken",
        "Probleemanalyse uiterlijk",
        "Plan van aanpak uiterlijk",
        "42e-weeksmelding",
        "Eerstejaarsevaluatie",
        "WIA-aanvraag",
        "Einde loondoorbetaling",
        "Ziektedagen t/m peildatum",
        "Resterende weken",
        "Signaal",
        "Dagen tot 42e-weeksmelding",
        "Werkdagen tot 42e-weeksmelding",
        "Actie",
    ]
    sheet.header(top - 1, 1, headers)
    sheet.inputs(top, 1, DOSSIERS, [None, None, DATE, DATE, "0"])
    sheet.width(2, 16)
    c, pa, s = rng("C", top, bottom), rng("D", top, bottom), rng("E", top, bottom)
    lifted = [
        (6, fn.call("RI_MIJLPAAL", c, text("probleemanalyse")), DATE),
        (7, fn.call("RI_MIJLPAAL", c, text("pva"), pa), DATE),
        (8, fn.call("RI_MIJLPAAL", c, text("42e week")), DATE),
        (9, fn.call("RI_MIJLPAAL", c, text("eerstejaarsevaluatie")), DATE),
        (10, fn.call("RI_MIJLPAAL", c, text("wia_aanvraag"), pa, s), DATE),
        (11, fn.call("RI_MIJLPAAL", c, text("einde_loondoorbetaling"), pa, s), DATE),
        (12, fn.call("RI_ZIEKTEDAGEN", c, PEIL), "0"),
        (13, fn.call("RI_RESTERENDE_WEKEN", c, PEIL, s), WEEKS),
        (14, fn.call("RI_SIGNAAL", c, PEIL, HORIZON, pa, s), None),
    ]
    for column, formula, fmt in lifted:
        sheet.lifted(column, top, bottom, formula, fmt)
    sheet.width(14, 44)
    # Excel's own functions on the results, row by row.
    sheet.per_row(15, top, bottom, lambda r: f'=IF(ISNUMBER(H{r}),H{r}-{PEIL},"")', "0")
    sheet.per_row(
        16, top, bottom, lambda r: f'=IF(ISNUMBER(H{r}),NETWORKDAYS({PEIL},H{r}),"")', "0"
    )
    sheet.per_row(
        17,
        top,
        bottom,
        lambda r: (
            f'=IF(C{r}="","nieuw dossier: eerste ziektedag invullen",IF(N{r}="","geen actie","actie: "&N{r}))'
        ),
        None,
    )
    sheet.width(17, 48)
    total = bottom + 2
    sheet.ws.cell(total, 11, "Signalen binnen de horizon").font = Font(bold=True)
    sheet.ws.cell(total, 14, f'=SUMPRODUCT(({rng("N", top, bottom)}<>"")*1)')
    sheet.ws.cell(total + 1, 11, "Totaal resterende weken").font = Font(bold=True)
    sheet.ws.cell(total + 1, 13, f"=SUM({rng('M', top, bottom)})").number_format = WEEKS
    sheet.row = total + 3


# --- Tijdlijn ---------------------------------------------------------------------------

SHEET_NOTES["Tijdlijn"] = (
    "Kies een dossiernummer in B4: INDEX/VERGELIJKEN zoekt het dossier op, RI_TIJDLIJN "
    "toont alle mijlpalen met hun grondslag."
)


@block("Tijdlijn", "RI_TIJDLIJN")
def _tijdlijn(sheet: Sheet, fn: Functions) -> None:
    ws = sheet.ws
    dossiers = f"Verzuimdossiers!{rng('$A', DOSSIER_TOP, DOSSIER_BOTTOM)}"
    labels = ["Dossier", "Werknemer", "Eerste ziektedag", "Datum probleemanalyse", "Sanctieweken"]
    chosen = DOSSIERS[2]
    for offset, label in enumerate(labels):
        ws.cell(4 + offset, 1, label).font = Font(bold=True)
    ws.cell(4, 2, chosen[0]).fill = INPUT_FILL
    for offset, column in enumerate(["B", "C", "D", "E"], start=1):
        source = f"Verzuimdossiers!{rng('$' + column, DOSSIER_TOP, DOSSIER_BOTTOM)}"
        cell = ws.cell(
            4 + offset,
            2,
            f'=IF(INDEX({source},MATCH($B$4,{dossiers},0))="","",INDEX({source},MATCH($B$4,{dossiers},0)))',
        )
        if column in ("C", "D"):
            cell.number_format = DATE
    sheet.width(1, 24)
    sheet.width(2, 22)
    if fn.has("RI_MIJLPAAL"):
        ws.cell(4, 4, "Mijlpaal").font = Font(bold=True)
        ws.cell(4, 5, Milestone.ZIEKMELDING_UWV.value).fill = INPUT_FILL
        sheet.dropdown("mijlpaal", "E4")
        ws.cell(5, 4, "Uiterste datum").font = Font(bold=True)
        ws.cell(5, 5, fn.call("RI_MIJLPAAL", "B6", "E4", "B7", "B8")).number_format = DATE
        sheet.width(4, 16)
        sheet.width(5, 24)
    size = fn.size("RI_TIJDLIJN", chosen[2], chosen[3], chosen[4])
    sheet.spill(11, 1, size, fn.call("RI_TIJDLIJN", "B6", "B7", "B8"), [None, DATE, None])
    sheet.width(3, 70)
    sheet.row = 11 + size[0] + 1


# --- Ziekteperioden ---------------------------------------------------------------------

SHEET_NOTES["Ziekteperioden"] = (
    "Eén werknemer met meerdere ziekteperioden: perioden met minder dan 28 dagen ertussen "
    "en perioden rond zwangerschaps-/bevallingsverlof vormen één ziektegeval (samentelling)."
)
PERIODS = [
    (d(2024, 9, 2), d(2024, 10, 11), None),
    (d(2024, 11, 25), d(2024, 12, 20), None),
    (d(2025, 1, 6), d(2025, 1, 31), None),
    (d(2025, 2, 3), d(2025, 5, 25), "verlof"),
    (d(2025, 5, 26), None, None),
]


@block("Ziekteperioden", "RI_ZIEKTEGEVALLEN", "RI_MIJLPAAL", "RI_ZIEKTEDAGEN", "RI_TIJDLIJN")
def _perioden(sheet: Sheet, fn: Functions) -> None:
    ws = sheet.ws
    top = 5
    bottom = top + len(PERIODS) - 1
    sheet.header(top - 1, 1, ["Eerste dag", "Laatste dag (leeg = lopend)", "Soort"])
    sheet.inputs(top, 1, PERIODS, [DATE, DATE, None])
    periods = f"A{top}:C{bottom}"
    values = [list(p) for p in PERIODS]
    row = bottom + 2
    labels = [
        (
            "42e-weeksmelding (laatste geval)",
            fn.call("RI_MIJLPAAL", periods, text("42e week")),
            DATE,
        ),
        (
            "Einde loondoorbetaling",
            fn.call("RI_MIJLPAAL", periods, text("einde_loondoorbetaling")),
            DATE,
        ),
        ("Ziektedagen t/m peildatum", fn.call("RI_ZIEKTEDAGEN", periods, PEIL), "0"),
    ]
    for offset, (label, formula, fmt) in enumerate(labels):
        ws.cell(row + offset, 1, label).font = Font(bold=True)
        ws.cell(row + offset, 2, formula).number_format = fmt
    row += len(labels) + 1
    ws.cell(row, 1, "Ziektegevallen").font = Font(bold=True, size=12)
    size = fn.size("RI_ZIEKTEGEVALLEN", values, PEILDATUM)
    sheet.spill(
        row + 1, 1, size, fn.call("RI_ZIEKTEGEVALLEN", periods, PEIL), [DATE, DATE, "0", "0"]
    )
    row += size[0] + 2
    ws.cell(row, 1, "Tijdlijn van het laatste ziektegeval").font = Font(bold=True, size=12)
    size = fn.size("RI_TIJDLIJN", values)
    sheet.spill(row + 1, 1, size, fn.call("RI_TIJDLIJN", periods), [None, DATE, None])
    sheet.width(1, 30)
    sheet.width(2, 22)
    sheet.width(3, 60)
    sheet.row = row + size[0] + 2


# --- Herstel ----------------------------------------------------------------------------

SHEET_NOTES["Herstel"] = (
    "Herstelde werknemers: wie langer dan 3 maanden ziek was, krijgt 6 maanden na herstel "
    "contact voor terugvalpreventie."
)
RECOVERED = [
    ("VZ-2024-008", "M. Hendriks", d(2024, 9, 16), d(2025, 2, 3)),
    ("VZ-2025-004", "N. Dekker", d(2025, 2, 10), d(2025, 3, 24)),
    ("VZ-2024-017", "O. Brouwer", d(2024, 12, 2), d(2025, 5, 12)),
    ("VZ-2025-005", "P. Kok", d(2025, 4, 7), d(2025, 8, 18)),
]


@block("Herstel", "RI_TERUGVALPREVENTIE")
def _herstel(sheet: Sheet, fn: Functions) -> None:
    top = 5
    bottom = top + len(RECOVERED) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Dossier",
            "Werknemer",
            "Eerste ziektedag",
            "Hersteldatum",
            "Contact terugvalpreventie",
            "Contact al geweest?",
        ],
    )
    sheet.inputs(top, 1, RECOVERED, [None, None, DATE, DATE])
    sheet.lifted(
        5,
        top,
        bottom,
        fn.call("RI_TERUGVALPREVENTIE", rng("C", top, bottom), rng("D", top, bottom)),
        DATE,
    )
    sheet.per_row(
        6, top, bottom, lambda r: f'=IF(ISNUMBER(E{r}),IF(E{r}<={PEIL},"ja","nee"),"n.v.t.")', None
    )
    sheet.row = bottom + 2


# --- Termijnen --------------------------------------------------------------------------

SHEET_NOTES["Termijnen"] = (
    "Uiterste data van verplichtingen: plan van aanpak, melding van een loonsanctie, "
    "declaratie en betaling. Lege invoer geeft een lege uitkomst."
)
DEADLINES = [
    ("VZ-2025-003", d(2025, 2, 28), None, d(2025, 9, 15), d(2025, 10, 1)),
    ("VZ-2024-014", d(2024, 12, 19), None, d(2025, 10, 20), None),
    ("VZ-2023-031", d(2023, 11, 10), d(2025, 10, 28), d(2025, 6, 30), d(2025, 7, 14)),
    ("VZ-2025-007", d(2025, 7, 25), None, None, None),
    ("VZ-2025-011", d(2025, 4, 18), d(2025, 12, 22), d(2025, 12, 31), None),
    ("VZ-2024-020", d(2024, 7, 12), None, d(2025, 1, 31), d(2025, 2, 28)),
]


@block(
    "Termijnen",
    "RI_UITERSTE_PLAN_VAN_AANPAK",
    "RI_UITERSTE_MELDING_SANCTIE",
    "RI_UITERSTE_DECLARATIE",
    "RI_UITERSTE_BETALING",
    "RI_WERKDAG",
)
def _termijnen(sheet: Sheet, fn: Functions) -> None:
    top = 5
    bottom = top + len(DEADLINES) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Dossier",
            "Datum probleemanalyse",
            "Besluit loonsanctie UWV",
            "Ontvangst nota",
            "Datum declaratie",
            "Plan van aanpak uiterlijk",
            "Loonsanctie melden uiterlijk",
            "Declareren uiterlijk",
            "Betaling uiterlijk",
            "Rappel na 10 werkdagen",
            "Declaratie te laat?",
        ],
    )
    sheet.inputs(top, 1, DEADLINES, [None, DATE, DATE, DATE, DATE])
    sheet.lifted(
        6, top, bottom, fn.call("RI_UITERSTE_PLAN_VAN_AANPAK", rng("B", top, bottom)), DATE
    )
    sheet.lifted(
        7, top, bottom, fn.call("RI_UITERSTE_MELDING_SANCTIE", rng("C", top, bottom)), DATE
    )
    sheet.lifted(8, top, bottom, fn.call("RI_UITERSTE_DECLARATIE", rng("D", top, bottom)), DATE)
    sheet.lifted(9, top, bottom, fn.call("RI_UITERSTE_BETALING", rng("E", top, bottom)), DATE)
    sheet.lifted(10, top, bottom, fn.call("RI_WERKDAG", rng("E", top, bottom), "10"), DATE)
    sheet.per_row(
        11,
        top,
        bottom,
        lambda r: f'=IF(OR(D{r}="",E{r}=""),"",IF(E{r}>H{r},"te laat","op tijd"))',
        None,
    )
    sheet.row = bottom + 2


SICK_REPORTS = [
    ("VZ-2025-003", d(2025, 2, 28), d(2025, 3, 3)),
    ("VZ-2025-007", d(2025, 7, 25), d(2025, 8, 4)),
    ("VZ-2025-011", d(2025, 4, 18), None),
]


@block("Termijnen", "RI_UITERSTE_ZIEKMELDING")
def _ziekmelding(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Ziekmelding door de werkgever",
        "004 art. 4.2: te laat ziekmelden laat de poortwachtergarantie vervallen.",
    )
    top = sheet.row + 1
    bottom = top + len(SICK_REPORTS) - 1
    sheet.header(
        top - 1,
        1,
        ["Dossier", "Eerste ziektedag", "Ziekgemeld op", "Ziekmelden uiterlijk", "Te laat?"],
    )
    sheet.inputs(top, 1, SICK_REPORTS, [None, DATE, DATE])
    sheet.lifted(4, top, bottom, fn.call("RI_UITERSTE_ZIEKMELDING", rng("B", top, bottom)), DATE)
    sheet.per_row(
        5,
        top,
        bottom,
        lambda r: f'=IF(OR(B{r}="",C{r}=""),"",IF(C{r}>D{r},"te laat","op tijd"))',
        None,
    )
    sheet.row = bottom + 2


# --- Modulebeëindiging ------------------------------------------------------------------

SHEET_NOTES["Modulebeeindiging"] = (
    "Producten en modules, wat er meeëindigt als een module eindigt (cascade), de gevolgen, "
    "en per polismodule de contractvervaldatum en de vroegste opzegdatum."
)
CONTRACTS = [
    (
        "P-1001",
        "asr-reintegratiemanager",
        "reintegratiemanager",
        d(2024, 3, 1),
        d(2025, 1, 1),
        d(2025, 6, 15),
        "",
    ),
    (
        "P-1002",
        "asr-reintegratiemanager",
        "reintegratiemanager",
        d(2025, 4, 1),
        d(2025, 1, 1),
        d(2025, 10, 20),
        "",
    ),
    (
        "P-1003",
        "mkb-verzuim-ontzorg",
        "ontzorgmanager-reintegratie",
        d(2024, 7, 1),
        d(2025, 7, 1),
        d(2025, 9, 1),
        "kan niet los worden opgezegd: verwacht #WAARDE!",
    ),
    (
        "P-1004",
        "asr-reintegratiemanager",
        "reintegratiemanager",
        d(2023, 1, 1),
        d(2025, 1, 1),
        d(2025, 12, 5),
        "te laat voor 01-01-2026",
    ),
]
COUPLINGS = [
    ("asr-reintegratiemanager", "reintegratiemanager", "basis-verzuim", None),
    ("asr-reintegratiemanager", "arbobegeleiding", "reintegratiemanager", None),
    ("zeeuwse-prb", "prb", "arbocontract", None),
    ("zeeuwse-prb", "prb", "arbocontract", "overstap_arbodienst"),
    ("asr-reintegratie", "reintegratie-overeenkomst", "verzuimverzekering", None),
    (
        "mkb-verzuim-ontzorg",
        "ontzorgmanager-arbobegeleiding",
        "ontzorgmanager-reintegratie",
        "fraude",
    ),
]


@block("Modulebeeindiging", "RI_PRODUCTEN", "RI_MODULES")
def _producten(sheet: Sheet, fn: Functions) -> None:
    sheet.heading("Producten")
    size = fn.size("RI_PRODUCTEN")
    sheet.spill(sheet.row, 1, size, fn.call("RI_PRODUCTEN"))
    sheet.row += size[0] + 1
    sheet.heading("Modules van een product", "Kies een product in B-kolom (geel).")
    ws = sheet.ws
    ws.cell(sheet.row, 1, "Product").font = Font(bold=True)
    product = "zeeuwse-prb"
    ws.cell(sheet.row, 2, product).fill = INPUT_FILL
    where = f"B{sheet.row}"
    sheet.row += 1
    size = fn.size("RI_MODULES", product)
    sheet.spill(sheet.row, 1, size, fn.call("RI_MODULES", where))
    sheet.row += size[0] + 1
    sheet.width(1, 30)
    sheet.width(2, 50)
    sheet.width(3, 60)


@block("Modulebeeindiging", "RI_CASCADE", "RI_GEVOLGEN")
def _cascade(sheet: Sheet, fn: Functions) -> None:
    ws = sheet.ws
    sheet.heading(
        "Beëindiging van een module", "Welke modules eindigen mee, en met welke gevolgen."
    )
    labels = [
        ("Product", "asr-reintegratiemanager"),
        ("Beëindigde module", "basis-verzuim"),
        ("Einddatum", d(2025, 12, 31)),
        ("Reden", "opzegging_werkgever"),
    ]
    first = sheet.row
    for offset, (label, value) in enumerate(labels):
        ws.cell(first + offset, 1, label).font = Font(bold=True)
        cell = ws.cell(first + offset, 2, value)
        cell.fill = INPUT_FILL
        if isinstance(value, date):
            cell.number_format = DATE
    args = [f"B{first + i}" for i in range(4)]
    sheet.dropdown("product", f"B{first}")
    sheet.dropdown("module", f"B{first + 1}")
    sheet.dropdown("reden", f"B{first + 3}")
    sheet.row = first + len(labels) + 1
    size = fn.size("RI_CASCADE", *(v for _, v in labels))
    sheet.spill(sheet.row, 1, size, fn.call("RI_CASCADE", *args), [None, DATE, None])
    sheet.row += size[0] + 1
    size = fn.size("RI_GEVOLGEN", *(v for _, v in labels))
    sheet.spill(sheet.row, 1, size, fn.call("RI_GEVOLGEN", *args), [None, DATE, None])
    sheet.row += size[0] + 1


@block("Modulebeeindiging", "RI_EINDIGT_MEE")
def _eindigt_mee(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Eindigt de module mee?",
        "Per rij: product, module, de module die eindigt en de reden (leeg = opzegging werkgever).",
    )
    top = sheet.row + 1
    bottom = top + len(COUPLINGS) - 1
    sheet.header(top - 1, 1, ["Product", "Module", "Beëindigde module", "Reden", "Eindigt mee?"])
    sheet.inputs(top, 1, COUPLINGS, [None, None, None, None])
    sheet.dropdown("product", rng("A", top, bottom))
    sheet.dropdown("module", f"B{top}:C{bottom}")
    sheet.dropdown("reden", rng("D", top, bottom))
    sheet.lifted(
        5,
        top,
        bottom,
        fn.call(
            "RI_EINDIGT_MEE",
            rng("A", top, bottom),
            rng("B", top, bottom),
            rng("C", top, bottom),
            rng("D", top, bottom),
        ),
        None,
    )
    sheet.row = bottom + 2


@block(
    "Modulebeeindiging",
    "RI_CONTRACTVERVALDATUM",
    "RI_VROEGSTE_OPZEGDATUM",
    "RI_RECHT_OP_DIENSTVERLENING",
)
def _contracten(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Polismodules",
        "Contractvervaldatum, vroegste opzegdatum en recht op dienstverlening voor een werknemer die op de peildatum ziek werd.",
    )
    top = sheet.row + 1
    bottom = top + len(CONTRACTS) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Polis",
            "Product",
            "Module",
            "Ingangsdatum module",
            "Contractvervaldatum basismodule",
            "Opzegging ontvangen",
            "Opmerking",
            "Eerste contractvervaldatum",
            "Vroegste opzegdatum",
            "Recht op dienstverlening (ziek per peildatum)",
        ],
    )
    sheet.inputs(top, 1, CONTRACTS, [None, None, None, DATE, DATE, DATE, None])
    sheet.dropdown("product", rng("B", top, bottom))
    sheet.dropdown("module", rng("C", top, bottom))
    b, c, dd, e, f = (rng(x, top, bottom) for x in "BCDEF")
    sheet.lifted(8, top, bottom, fn.call("RI_CONTRACTVERVALDATUM", b, c, dd, e), DATE)
    sheet.lifted(9, top, bottom, fn.call("RI_VROEGSTE_OPZEGDATUM", b, c, dd, e, f), DATE)
    sheet.lifted(10, top, bottom, fn.call("RI_RECHT_OP_DIENSTVERLENING", b, PEIL, dd), None)
    sheet.width(7, 40)
    sheet.width(9, 40)
    sheet.row = bottom + 2


CONTINUATION = [
    ("zeeuwse-prb", d(2025, 6, 2), d(2025, 9, 30), None, None),
    ("zeeuwse-prb", d(2025, 6, 2), d(2025, 9, 30), "fraude", None),
    ("zeeuwse-prb", d(2025, 6, 2), d(2025, 9, 30), None, d(2025, 10, 6)),
    ("asr-reintegratie", d(2024, 2, 5), d(2025, 6, 30), None, None),
    ("asr-reintegratiemanager", d(2025, 3, 3), d(2025, 8, 31), None, None),
]


@block("Modulebeeindiging", "RI_DOORLOPENDE_BEGELEIDING")
def _doorlopend(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Loopt de begeleiding door na het einde van de module?",
        "Op de peildatum, per zieke werknemer.",
    )
    top = sheet.row + 1
    bottom = top + len(CONTINUATION) - 1
    sheet.header(
        top - 1,
        1,
        ["Product", "Eerste ziektedag", "Einddatum module", "Reden", "Hersteldatum", "Loopt door?"],
    )
    sheet.inputs(top, 1, CONTINUATION, [None, DATE, DATE, None, DATE])
    sheet.dropdown("product", rng("A", top, bottom))
    sheet.dropdown("reden", rng("D", top, bottom))
    sheet.lifted(
        6,
        top,
        bottom,
        fn.call(
            "RI_DOORLOPENDE_BEGELEIDING",
            rng("A", top, bottom),
            rng("B", top, bottom),
            rng("C", top, bottom),
            PEIL,
            rng("D", top, bottom),
            rng("E", top, bottom),
        ),
        None,
    )
    sheet.row = bottom + 2


# --- Aanspraken -------------------------------------------------------------------------

SHEET_NOTES["Aanspraken"] = (
    "Het gebeurtenissenlogboek van een polis en de status van elke aanspraak op de peildatum, "
    "voor de hele polis en per werknemer."
)
EVENTS = [
    (d(2025, 3, 1), "schorsing", None),
    (d(2025, 4, 1), "betaling", None),
    (d(2025, 6, 10), "advies_niet_opgevolgd", "J. Bos"),
    (d(2025, 8, 18), "niet_meegewerkt_interventie", "E. Smit"),
    (d(2025, 9, 1), "begeleiding_beeindigd", "E. Smit"),
]
QUESTIONS = [
    ("dienstverlening", None),
    ("vergoeding", None),
    ("poortwachtergarantie", None),
    ("poortwachtergarantie", "J. Bos"),
    ("dienstverlening", "J. Bos"),
    ("dienstverlening", "E. Smit"),
    ("vergoeding", "E. Smit"),
]


@block("Aanspraken", "RI_STATUS", "RI_STATUS_TABEL")
def _aanspraken(sheet: Sheet, fn: Functions) -> None:
    ws = sheet.ws
    ws.cell(sheet.row, 1, "Product").font = Font(bold=True)
    product = "asr-reintegratiemanager"
    ws.cell(sheet.row, 2, product).fill = INPUT_FILL
    product_cell = f"$B${sheet.row}"
    sheet.dropdown("product", f"B{sheet.row}")
    sheet.row += 2
    sheet.heading("Gebeurtenissen")
    top = sheet.row + 1
    bottom = top + len(EVENTS) - 1
    sheet.header(top - 1, 1, ["Datum", "Gebeurtenis", "Werknemer (leeg = polis)"])
    sheet.inputs(top, 1, EVENTS, [DATE, None, None])
    sheet.dropdown("gebeurtenis", rng("B", top, bottom))
    events = f"$A${top}:$C${bottom}"
    sheet.row = bottom + 2
    sheet.heading("Status per aanspraak")
    top = sheet.row + 1
    bottom = top + len(QUESTIONS) - 1
    sheet.header(top - 1, 1, ["Aanspraak", "Werknemer (leeg = polis)", "Status op peildatum"])
    sheet.inputs(top, 1, QUESTIONS, [None, None])
    sheet.lifted(
        3,
        top,
        bottom,
        fn.call(
            "RI_STATUS", product_cell, rng("A", top, bottom), events, PEIL, rng("B", top, bottom)
        ),
        None,
    )
    sheet.row = bottom + 2
    values = [list(e) for e in EVENTS]
    for label, who in (
        ("Alle aanspraken van de polis", None),
        ("Alle aanspraken van J. Bos", "J. Bos"),
    ):
        sheet.heading(label)
        args = [product_cell, events, PEIL] + ([text(who)] if who else [])
        size = fn.size("RI_STATUS_TABEL", product, values, PEILDATUM, *([who] if who else []))
        sheet.spill(sheet.row, 1, size, fn.call("RI_STATUS_TABEL", *args), [None, None, DATE, None])
        sheet.row += size[0] + 1
    sheet.width(1, 26)
    sheet.width(2, 30)
    sheet.width(4, 70)


# --- Budgetten --------------------------------------------------------------------------

SHEET_NOTES["Budgetten"] = (
    "Vergoedingen uit het preventie- en re-integratiebudget, de extra bijdrage na een "
    "kosten-batenanalyse, terugbetaling na verhaal, interventies en de resterende loonkosten."
)
REINTEGRATION = [
    ("VZ-2025-003", 5000, False, 1500, 0),
    ("VZ-2024-014", 3250.5, True, 4000, 0),
    ("VZ-2024-002", 2800, False, 0, 800),
    ("VZ-2025-007", 1200, False, 3500, 0),
]
PREVENTION = [
    ("PR-2025-01", 650, False, 0, True, False),
    ("PR-2025-02", 650, True, 0, True, False),
    ("PR-2025-03", 400, False, 300, True, False),
    ("PR-2025-04", 300, False, 0, False, False),
]
INTERVENTIONS = [
    (
        "VZ-2025-003",
        "asr-reintegratiemanager",
        1800,
        d(2025, 1, 20),
        d(2024, 1, 1),
        True,
        True,
        None,
        812.5,
    ),
    (
        "VZ-2025-009",
        "mkb-verzuim-ontzorg",
        950,
        d(2025, 8, 4),
        d(2025, 9, 1),
        True,
        True,
        None,
        690,
    ),
    (
        "VZ-2025-011",
        "asr-reintegratiemanager",
        450,
        d(2025, 3, 10),
        d(2024, 1, 1),
        True,
        True,
        "reiskosten",
        1040,
    ),
    (
        "VZ-2024-020",
        "asr-reintegratiemanager",
        2400,
        d(2024, 6, 3),
        d(2024, 1, 1),
        True,
        False,
        None,
        735,
    ),
]


@block("Budgetten", "RI_REINTEGRATIEBUDGET")
def _reintegratiebudget(sheet: Sheet, fn: Functions) -> None:
    sheet.heading("Re-integratiebudget (per ziektegeval)")
    top = sheet.row + 1
    bottom = top + len(REINTEGRATION) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Dossier",
            "Kosten",
            "WGA-ERD of WIA 0-100?",
            "Al vergoed in ziektegeval",
            "Subsidie",
            "Vergoeding",
            "Eigen kosten werkgever",
        ],
    )
    sheet.inputs(top, 1, REINTEGRATION, [None, AMOUNT, None, AMOUNT, AMOUNT])
    sheet.lifted(
        6,
        top,
        bottom,
        fn.call(
            "RI_REINTEGRATIEBUDGET",
            rng("B", top, bottom),
            rng("C", top, bottom),
            rng("D", top, bottom),
            rng("E", top, bottom),
        ),
        AMOUNT,
    )
    sheet.per_row(7, top, bottom, lambda r: f"=B{r}-F{r}", AMOUNT)
    sheet.ws.cell(bottom + 1, 5, "Totaal").font = Font(bold=True)
    sheet.ws.cell(bottom + 1, 6, f"=SUM({rng('F', top, bottom)})").number_format = AMOUNT
    sheet.row = bottom + 3


@block("Budgetten", "RI_PREVENTIEBUDGET")
def _preventiebudget(sheet: Sheet, fn: Functions) -> None:
    sheet.heading("Preventiebudget (per dreigend ziektegeval)")
    top = sheet.row + 1
    bottom = top + len(PREVENTION) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Aanvraag",
            "Kosten",
            "WGA-ERD of WIA 0-100?",
            "Al vergoed",
            "Voorwaarden voldaan?",
            "Dienstverband eerder beëindigd?",
            "Vergoeding",
        ],
    )
    sheet.inputs(top, 1, PREVENTION, [None, AMOUNT, None, AMOUNT, None, None])
    sheet.lifted(
        7,
        top,
        bottom,
        fn.call("RI_PREVENTIEBUDGET", *(rng(x, top, bottom) for x in "BCDEF")),
        AMOUNT,
    )
    sheet.row = bottom + 2


@block("Budgetten", "RI_KBA_BIJDRAGE", "RI_DERDEN_TERUGBETALING")
def _kba(sheet: Sheet, fn: Functions) -> None:
    ws = sheet.ws
    sheet.heading("Boven het budget en verhaal op derden")
    rows = [
        ("Kosten van de activiteit", 6000, AMOUNT),
        ("Vergoed binnen het budget", 2500, AMOUNT),
        ("Schadelast zonder de activiteit", 40000, AMOUNT),
        ("Schadelast met de activiteit", 36000, AMOUNT),
        ("Verhaald op de aansprakelijke derde", 1000, AMOUNT),
    ]
    first = sheet.row
    for offset, (label, value, fmt) in enumerate(rows):
        ws.cell(first + offset, 1, label).font = Font(bold=True)
        cell = ws.cell(first + offset, 2, value)
        cell.fill = INPUT_FILL
        cell.number_format = fmt
    row = first + len(rows)
    ws.cell(row, 1, "Extra bijdrage (kosten-batenanalyse)").font = Font(bold=True)
    ws.cell(
        row,
        2,
        fn.call("RI_KBA_BIJDRAGE", f"B{first}", f"B{first + 1}", f"B{first + 2}", f"B{first + 3}"),
    ).number_format = AMOUNT
    ws.cell(row + 1, 1, "Terug te betalen na verhaal").font = Font(bold=True)
    ws.cell(
        row + 1,
        2,
        fn.call("RI_DERDEN_TERUGBETALING", f"B{first + 1}", f"B{first}", f"B{first + 4}"),
    ).number_format = AMOUNT
    ws.cell(row + 2, 1, "Totaal vergoed").font = Font(bold=True)
    ws.cell(row + 2, 2, f"=B{first + 1}+B{row}-B{row + 1}").number_format = AMOUNT
    sheet.width(1, 40)
    sheet.row = row + 4


@block("Budgetten", "RI_INTERVENTIEVERGOEDING", "RI_RESTERENDE_LOONKOSTEN")
def _interventies(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Interventies (100 % vergoeding)",
        "De resterende loonkosten helpen beoordelen of kosten 'niet bovenmatig' zijn.",
    )
    top = sheet.row + 1
    bottom = top + len(INTERVENTIONS) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Dossier",
            "Product",
            "Kosten",
            "Eerste ziektedag",
            "Ingangsdatum module",
            "Noodzakelijk?",
            "Niet bovenmatig?",
            "Soort",
            "Weekloon",
            "Vergoeding",
            "Resterende loonkosten",
        ],
    )
    sheet.inputs(top, 1, INTERVENTIONS, [None, None, AMOUNT, DATE, DATE, None, None, None, AMOUNT])
    sheet.lifted(
        10,
        top,
        bottom,
        fn.call("RI_INTERVENTIEVERGOEDING", *(rng(x, top, bottom) for x in "BCDEFGH")),
        AMOUNT,
    )
    sheet.lifted(
        11,
        top,
        bottom,
        fn.call("RI_RESTERENDE_LOONKOSTEN", rng("I", top, bottom), rng("D", top, bottom), PEIL),
        AMOUNT,
    )
    sheet.row = bottom + 2


BUDGET_PERIODS = [
    (d(2025, 1, 6), d(2025, 3, 2), None),
    (d(2025, 3, 3), d(2025, 6, 22), "verlof"),
    (d(2025, 6, 23), None, None),
]
DECLARATIONS = [
    (d(2025, 2, 1), "reintegratie", 3000),
    (d(2025, 3, 20), "reintegratie", 1500),
    (d(2025, 7, 1), "reintegratie", 500),
    (d(2024, 11, 1), "preventie", 350),
]


@block("Budgetten", "RI_BUDGET_RESTANT")
def _budget_restant(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Budget over per ziektegeval (De Zeeuwse)",
        "Verlof overbrugt hier niet (003 art. 2.6.1): twee ziektegevallen, twee budgetten.",
    )
    top = sheet.row + 1
    sheet.header(top - 1, 1, ["Eerste ziektedag", "Laatste ziektedag", "Verlof?"])
    sheet.inputs(top, 1, BUDGET_PERIODS, [DATE, DATE, None])
    periods = f"$A${top}:$C${top + len(BUDGET_PERIODS) - 1}"
    sheet.header(top - 1, 5, ["Datum", "Soort budget", "Bedrag"])
    sheet.inputs(top, 5, DECLARATIONS, [DATE, None, AMOUNT])
    claims = f"$E${top}:$G${top + len(DECLARATIONS) - 1}"
    sheet.row = top + max(len(BUDGET_PERIODS), len(DECLARATIONS)) + 1
    values = [[list(r) for r in DECLARATIONS], [list(r) for r in BUDGET_PERIODS]]
    size = fn.size("RI_BUDGET_RESTANT", "zeeuwse-prb", *values)
    formats = [None, DATE, DATE, AMOUNT, AMOUNT, AMOUNT, "0"]
    sheet.spill(
        sheet.row,
        1,
        size,
        fn.call("RI_BUDGET_RESTANT", text("zeeuwse-prb"), claims, periods),
        formats,
    )
    sheet.row += size[0] + 1


# --- Loonsanctie ------------------------------------------------------------------------

SHEET_NOTES["Loonsanctie"] = (
    "Weekloon uit het loon per periode, de vergoeding van een UWV-loonsanctie onder de "
    "poortwachtergarantie en de uiterste meldingsdatum."
)
SANCTIONS = [
    ("F. Meijer", 4200, "maand", 12, d(2025, 10, 28), None),
    ("J. Bos", 52000, "jaar", 6, d(2025, 11, 4), None),
    ("E. Smit", 3600, "4 weken", 10, d(2025, 9, 12), 1500),
    ("K. Vos", 180, "dag", 4, d(2025, 10, 31), None),
]


@block("Loonsanctie", "RI_WEEKLOON", "RI_LOONSANCTIE_VERGOEDING", "RI_UITERSTE_MELDING_SANCTIE")
def _loonsanctie(sheet: Sheet, fn: Functions) -> None:
    top = 5
    bottom = top + len(SANCTIONS) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Werknemer",
            "Loon",
            "Periode",
            "Sanctieweken",
            "Besluit UWV",
            "Goedgekeurde kosten",
            "Weekloon",
            "Vergoeding loonsanctie",
            "Melden uiterlijk",
            "Nog te melden?",
        ],
    )
    sheet.inputs(top, 1, SANCTIONS, [None, AMOUNT, None, "0", DATE, AMOUNT])
    sheet.lifted(
        7, top, bottom, fn.call("RI_WEEKLOON", rng("B", top, bottom), rng("C", top, bottom)), AMOUNT
    )
    sheet.lifted(
        8,
        top,
        bottom,
        fn.call(
            "RI_LOONSANCTIE_VERGOEDING",
            rng("G", top, bottom),
            rng("D", top, bottom),
            "",
            "",
            rng("F", top, bottom),
        ),
        AMOUNT,
    )
    sheet.lifted(
        9, top, bottom, fn.call("RI_UITERSTE_MELDING_SANCTIE", rng("E", top, bottom)), DATE
    )
    sheet.per_row(
        10,
        top,
        bottom,
        lambda r: (
            f'=IF(I{r}<{PEIL},"termijn verstreken","melden uiterlijk "'
            f'&RIGHT("0"&DAY(I{r}),2)&"-"&RIGHT("0"&MONTH(I{r}),2)&"-"&YEAR(I{r}))'
        ),
        None,
    )
    sheet.width(10, 30)
    sheet.ws.cell(bottom + 1, 7, "Totaal").font = Font(bold=True)
    sheet.ws.cell(bottom + 1, 8, f"=SUM({rng('H', top, bottom)})").number_format = AMOUNT
    sheet.row = bottom + 3


DOSSIER = [
    ("Eerste ziektedag", d(2024, 1, 8), DATE),
    ("Besluit UWV", d(2025, 10, 1), DATE),
    ("Gemeld bij de verzekeraar", d(2025, 10, 9), DATE),
    ("Arbodienst begeleidt vanaf", d(2023, 1, 1), DATE),
]


@block("Loonsanctie", "RI_LOONSANCTIE_VOORWAARDEN")
def _loonsanctie_voorwaarden(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Voorwaarden van de poortwachtergarantie (003 art. 2.7.3)",
        "Lege feiten uit het dossier worden als voldaan aangenomen; de grond zegt dat.",
    )
    first = sheet.row
    for offset, (label, value, fmt) in enumerate(DOSSIER):
        sheet.ws.cell(first + offset, 1, label).font = Font(bold=True)
        cell = sheet.ws.cell(first + offset, 2, value)
        cell.fill = INPUT_FILL
        cell.number_format = fmt
    sheet.row = first + len(DOSSIER) + 1
    cells = [f"$B${first + i}" for i in range(len(DOSSIER))]
    values = [value for _, value, _ in DOSSIER]
    size = fn.size("RI_LOONSANCTIE_VOORWAARDEN", "zeeuwse-prb", *values)
    formula = fn.call("RI_LOONSANCTIE_VOORWAARDEN", text("zeeuwse-prb"), *cells)
    sheet.spill(sheet.row, 1, size, formula, [None, None, None, None])
    sheet.row += size[0] + 1


# --- Tarieven en premie -----------------------------------------------------------------

SHEET_NOTES["Tarieven"] = (
    "Tarief pro rata bij in- of uitdiensttreding, meetellen voor de premie, en rekeningnummers."
)
FEES = [
    ("A. de Vries", 118.5, d(2025, 1, 1), d(2025, 4, 1), None),
    ("B. Jansen", 118.5, d(2025, 1, 1), d(2024, 6, 1), d(2025, 8, 31)),
    ("C. Bakker", 118.5, d(2025, 1, 1), d(2024, 2, 1), None),
]
PAYMENTS = [
    (d(2022, 12, 30), "NL91 ABNA 0417 1643 00"),
    (d(2023, 1, 2), "DE89 3704 0044 0532 0130 00"),
    (d(2026, 2, 14), "NL91 ABNA 0417 1643 01"),
]


@block("Tarieven", "RI_TARIEF_PRORATA")
def _tarieven(sheet: Sheet, fn: Functions) -> None:
    sheet.heading("Tarief pro rata")
    top = sheet.row + 1
    bottom = top + len(FEES) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Werknemer",
            "Jaartarief",
            "Start contractjaar",
            "In dienst",
            "Uit dienst",
            "Tarief dit contractjaar",
        ],
    )
    sheet.inputs(top, 1, FEES, [None, AMOUNT, DATE, DATE, DATE])
    sheet.lifted(
        6, top, bottom, fn.call("RI_TARIEF_PRORATA", *(rng(x, top, bottom) for x in "BCDE")), AMOUNT
    )
    sheet.row = bottom + 2


@block("Tarieven", "RI_TELT_MEE_VOOR_PREMIE", "RI_SEPA_REKENING")
def _betalingen(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Betaalde vergoedingen",
        "Telt mee voor het premiejaar in Instellingen; betaling alleen naar een geldig SEPA-rekeningnummer.",
    )
    top = sheet.row + 1
    bottom = top + len(PAYMENTS) - 1
    sheet.header(top - 1, 1, ["Betaald op", "IBAN", "Telt mee voor premie?", "Geldig SEPA-IBAN?"])
    sheet.inputs(top, 1, PAYMENTS, [DATE, None])
    sheet.lifted(
        3, top, bottom, fn.call("RI_TELT_MEE_VOOR_PREMIE", rng("A", top, bottom), PREMIEJAAR), None
    )
    sheet.lifted(4, top, bottom, fn.call("RI_SEPA_REKENING", rng("B", top, bottom)), None)
    sheet.width(2, 32)
    sheet.row = bottom + 2


# --- Uitleg -----------------------------------------------------------------------------

SHEET_NOTES["Uitleg"] = (
    "RI_UITLEG legt een uitkomst uit: elke toegepaste regel met zijn artikel en de gebruikte "
    "waarden. De laatste regel toont hoe een fout in de invoer wordt gemeld."
)


@block("Uitleg", "RI_UITLEG", "RI_VERSIE", "RI_MIJLPAAL")
def _uitleg(sheet: Sheet, fn: Functions) -> None:
    ws = sheet.ws
    sheet.header(sheet.row, 1, ["Vraag", "Uitleg", "Opmerking"])
    sheet.row += 1
    dossier = f"Verzuimdossiers!$C${DOSSIER_TOP + 2}"
    examples: list[tuple[str, str, str]] = [
        (
            "42e-weeksmelding van dossier C. Bakker",
            fn.call("RI_UITLEG", text("RI_MIJLPAAL"), dossier, text("42e week")),
            "",
        ),
        (
            "Einde loondoorbetaling met 12 weken loonsanctie",
            fn.call(
                "RI_UITLEG",
                text("RI_MIJLPAAL"),
                f"Verzuimdossiers!$C${DOSSIER_TOP + 5}",
                text("einde_loondoorbetaling"),
                '""',
                "12",
            ),
            "",
        ),
    ]
    if fn.has("RI_REINTEGRATIEBUDGET"):
        examples.append(
            (
                "Re-integratiebudget",
                fn.call("RI_UITLEG", text("RI_REINTEGRATIEBUDGET"), "5000", "FALSE", "1500"),
                "",
            )
        )
    examples.append(("Versie van de functies", fn.call("RI_VERSIE"), ""))
    examples.append(
        (
            "Voorbeeld van een foutmelding: 31 februari bestaat niet",
            fn.call("RI_MIJLPAAL", text("31-02-2025"), text("42e week")),
            "verwacht: #WAARDE! met het argument en wat wel kan",
        )
    )
    for label, formula, note in examples:
        ws.cell(sheet.row, 1, label)
        cell = ws.cell(sheet.row, 2, formula)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(sheet.row, 3, note)
        sheet.row += 1
    sheet.width(1, 44)
    sheet.width(2, 100)
    sheet.width(3, 40)


# --- The workbook -----------------------------------------------------------------------


# --- Financiële gevolgen (issue 14; financieel.md §9) -------------------------------------
# One self-contained block: wage continuation per employee and the WIA benefit after it.

SHEET_NOTES["Financieel"] = (
    "Financiële gevolgen van langdurig verzuim (000 art. 1.9): wettelijke loondoorbetaling "
    "(BW 7:629) en de WIA-uitkering daarna. Gele cellen zijn invoer; bedragen bruto per maand."
)
WAGES = [
    ("A. de Vries", 8000, None, 10),
    ("B. Jansen", 2500, 36, 10),
    ("C. Bakker", 2500, 36, 60),
    ("D. Visser", 3900, 38, 80),
]
WIA_CASES = [
    ("A. de Vries", 90000, 0.5, 3000, 2000, False, 12, 3),
    ("B. Jansen", 26100, 0.5, 1000, 600, False, 5, 10),
    ("C. Bakker", 26100, 0.7, 1000, 600, False, 8, 6),
    ("D. Visser", 26100, 0.9, 0, 500, True, 20, 10),
    ("E. Smit", 26100, 0.3, 1500, 1400, False, 2, 0),
]


@block(
    "Financieel",
    "RI_LOONDOORBETALING",
    "RI_WIA_DAGLOON",
    "RI_WIA_MAANDLOON",
    "RI_WGA_DUUR",
    "RI_WIA_UITKERING",
    "RI_WIA_OVERZICHT",
)
def _financieel(sheet: Sheet, fn: Functions) -> None:
    sheet.heading(
        "Loondoorbetaling bij ziekte (BW 7:629)",
        "70 % van het maandloon (excl. vakantiebijslag) tot de loongrens; in week 1–52 ten "
        "minste het minimumloon voor de contracturen. Parameters van de peildatum (Instellingen).",
    )
    top = sheet.row + 1
    bottom = top + len(WAGES) - 1
    sheet.header(
        top - 1,
        1,
        ["Werknemer", "Maandloon", "Uren per week", "Ziekteweek", "Loondoorbetaling per maand"],
    )
    sheet.inputs(top, 1, WAGES, [None, AMOUNT, "0", "0"])
    sheet.lifted(
        5,
        top,
        bottom,
        fn.call(
            "RI_LOONDOORBETALING",
            rng("B", top, bottom),
            rng("D", top, bottom),
            PEIL,
            rng("C", top, bottom),
        ),
        AMOUNT,
    )
    sheet.row = bottom + 3
    sheet.heading(
        "WIA-uitkering na twee jaar ziekte",
        "Jaarloon = SV-loon van het referentiejaar incl. vakantiebijslag (UWV-beslissing); "
        "AO % en restverdiencapaciteit volgens het UWV; inkomen = loon uit werk per maand.",
    )
    top = sheet.row + 1
    bottom = top + len(WIA_CASES) - 1
    sheet.header(
        top - 1,
        1,
        [
            "Werknemer",
            "Jaarloon",
            "AO %",
            "Restverdiencapaciteit",
            "Inkomen",
            "Duurzaam (IVA)",
            "Jaren vóór 2016",
            "Jaren vanaf 2016",
            "Dagloon",
            "Maandloon WIA",
            "Maanden loongerelateerd",
            "Uitkering maand 1",
            "Uitkering maand 3",
            "Uitkering na loongerelateerd",
        ],
    )
    sheet.inputs(top, 1, WIA_CASES, [None, AMOUNT, "0%", AMOUNT, AMOUNT, None, "0", "0"])
    column = {name: rng(name, top, bottom) for name in "BCDEFGHK"}
    sheet.lifted(9, top, bottom, fn.call("RI_WIA_DAGLOON", column["B"], PEIL), AMOUNT)
    sheet.lifted(10, top, bottom, fn.call("RI_WIA_MAANDLOON", column["B"], PEIL), AMOUNT)
    sheet.lifted(11, top, bottom, fn.call("RI_WGA_DUUR", column["G"], column["H"]), "0.0")
    benefit = (column["B"], column["C"], column["D"], column["E"], PEIL, column["F"])
    sheet.lifted(12, top, bottom, fn.call("RI_WIA_UITKERING", *benefit, "1", column["K"]), AMOUNT)
    sheet.lifted(13, top, bottom, fn.call("RI_WIA_UITKERING", *benefit, "3", column["K"]), AMOUNT)
    sheet.lifted(14, top, bottom, fn.call("RI_WIA_UITKERING", *benefit, "25", "0"), AMOUNT)
    sheet.row = bottom + 3
    sheet.heading(
        f"Overzicht per maand voor {WIA_CASES[0][0]}",
        "RI_WIA_OVERZICHT: elke rij een periode met hetzelfde bedrag; tot_maand leeg = doorlopend.",
    )
    first = top
    months = fn.available["RI_WGA_DUUR"](float(WIA_CASES[0][6]), float(WIA_CASES[0][7]))
    size = fn.size(
        "RI_WIA_OVERZICHT",
        float(WIA_CASES[0][1]),
        WIA_CASES[0][2],
        float(WIA_CASES[0][3]),
        float(WIA_CASES[0][4]),
        datetime.combine(PEILDATUM, datetime.min.time()),
        WIA_CASES[0][5],
        months,
    )
    sheet.spill(
        sheet.row,
        1,
        size,
        fn.call(
            "RI_WIA_OVERZICHT",
            f"B{first}",
            f"C{first}",
            f"D{first}",
            f"E{first}",
            PEIL,
            f"F{first}",
            f"K{first}",
        ),
        [None, "0", "0", AMOUNT, None],
    )
    sheet.width(5, 40)
    sheet.row += size[0] + 1


def _instellingen(book: Workbook, sheets: list[str]) -> None:
    ws = book.active
    assert ws is not None
    ws.title = "Instellingen"
    ws["A1"] = "Voorbeeldwerkmap back office — re-integratie"
    ws["A1"].font = TITLE_FONT
    ws["A2"] = (
        "Gemaakt door excel/bouw_voorbeelden.py (niet met de hand bewerken). Formules: de "
        "RI_-functies van de invoegtoepassing en Excels eigen functies. Herberekenen zonder "
        "Excel: reintegratie werkmap voorbeeld-backoffice.xlsx --uit uit.xlsx"
    )
    ws["A2"].font = NOTE_FONT
    settings = [
        ("Peildatum", PEILDATUM, DATE),
        ("Signaleringshorizon (dagen)", 14, "0"),
        ("Premiejaar", 2026, "0"),
    ]
    for offset, (label, value, fmt) in enumerate(settings):
        ws.cell(4 + offset, 1, label).font = Font(bold=True)
        cell = ws.cell(4 + offset, 2, value)
        cell.fill = INPUT_FILL
        cell.number_format = fmt
    ws["A8"] = "Bladen"
    ws["A8"].font = Font(bold=True)
    for offset, name in enumerate(sheets):
        ws.cell(9 + offset, 1, name)
        ws.cell(9 + offset, 2, SHEET_NOTES.get(name, ""))
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 90
    for row in ws.iter_rows(min_row=9, min_col=2, max_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A2:B2")
    ws.row_dimensions[2].height = 45
    page_setup(ws, None)
    ws.print_area = f"A1:B{8 + len(sheets)}"


def build() -> Workbook:
    """The back-office workbook, with every block whose functions are declared."""
    fn = Functions()
    book = Workbook()
    chosen = [b for b in BLOCKS if fn.has(*b.requires)]
    order = list(dict.fromkeys(b.sheet for b in chosen))
    _instellingen(book, order)
    for name in order:
        sheet = Sheet(book.create_sheet(name))
        sheet.title(name, SHEET_NOTES.get(name, ""))
        for item in chosen:
            if item.sheet == name:
                item.build(sheet, fn)
        sheet.ws.freeze_panes = None
        sheet.finish()
    _lijsten(book)
    # Computed by werkmap at build time with Excel 365's engine generation: Excel shows the
    # cached values on opening instead of recalculating everything (without the add-in,
    # a full recalculation on load would turn every RI_ cell into #NAME?).
    book.calculation.calcId = EXCEL_365_CALC_ID
    book.calculation.fullCalcOnLoad = False
    fixed = datetime(2025, 11, 3, 9, 0, 0)  # noqa: DTZ001 - openpyxl writes naive times as UTC
    book.properties.creator = "excel/bouw_voorbeelden.py"
    book.properties.created = fixed
    book.properties.modified = fixed
    return book


#: The save time openpyxl stamps, and every zip entry's time, are fixed so that a rebuild
#: of unchanged content gives the same bytes (no churn in git).
FIXED_STAMP = "2025-11-03T09:00:00Z"
_ZIP_TIME = (2025, 11, 3, 9, 0, 0)


def save_reproducibly(book: Workbook, path: Path) -> None:
    """Save ``book`` to ``path`` with fixed timestamps inside and on the zip entries."""
    buffer = io.BytesIO()
    book.save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + FIXED_STAMP.encode() + rb"\g<2>",
                    data,
                )
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            target.writestr(info, data)
    path.write_bytes(out.getvalue())


def write(path: Path) -> Workbook:
    """Build the workbook and write it to ``path`` with every formula's value cached.

    The values come from ``reintegratie werkmap``'s engine on the peildatum; a formula whose
    answer is a column or table is stored as a dynamic array over the cells it spills to.
    Fails when any formula cannot be computed.
    """
    from reintegratie_cli.recalc import recalculation

    book = build()
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / path.name
        save_reproducibly(book, plain)
        report = recalculation.recalculate(
            plain, path, functions=udfs.contract_functions(), today=PEILDATUM
        )
    if report.problems or report.error_values:
        msg = f"voorbeeldwerkmap niet te berekenen: {[*report.problems, *report.error_values][:5]}"
        raise RuntimeError(msg)
    return book


def main(argv: Sequence[str] | None = None) -> int:
    """Write the example workbooks."""
    del argv
    book = write(BACKOFFICE)
    DOWNLOAD.parent.mkdir(exist_ok=True)
    DOWNLOAD.write_bytes(BACKOFFICE.read_bytes())
    print(f"geschreven: {BACKOFFICE.relative_to(HERE.parent)} ({', '.join(book.sheetnames)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
