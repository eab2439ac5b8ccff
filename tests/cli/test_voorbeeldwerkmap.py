"""The example workbook ``excel/voorbeeld-backoffice.xlsx``, recalculated without Excel.

Every computed ``RI_`` cell of the recalculated copy is compared with the function called
directly — with the values Excel would pass (date cells as ``datetime``, a range as rows)
— and the committed workbook must be what ``excel/bouw_voorbeelden.py`` builds now.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.formula import ArrayFormula

from reintegratie_addin import udfs
from reintegratie_cli.main import main
from reintegratie_cli.recalc import recalculation
from tests.cli import simple_calls as forms
from tests.cli.engines import compute_with_libreoffice, needs_libreoffice

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "excel" / "voorbeeld-backoffice.xlsx"
FUNCTIONS = udfs.contract_functions()
#: Excel's own functions the example may use: classic ones, stored without a prefix.
EXCEL_FUNCTIONS = {
    "IF",
    "ISNUMBER",
    "NETWORKDAYS",
    "SUM",
    "SUMPRODUCT",
    "RIGHT",
    "INDEX",
    "MATCH",
    "OR",
    "DAY",
    "MONTH",
    "YEAR",
}


def formula_cells(book: Any) -> list[tuple[Any, Any, str, str | None]]:
    """``(sheet, cell, formula text, array range)`` of every formula."""
    found = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, ArrayFormula):
                    found.append((ws, cell, cell.value.text, cell.value.ref))
                elif isinstance(cell.value, str) and cell.value.startswith("="):
                    found.append((ws, cell, cell.value, None))
    return found


@pytest.fixture(scope="module")
def source() -> Any:
    """The committed example, formulas as text."""
    return openpyxl.load_workbook(EXAMPLE)


@pytest.fixture(scope="module")
def recalculated(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[recalculation.Report, Any, Path]:
    """The example recalculated by ``reintegratie werkmap`` (the command, as a user runs it)."""
    out = tmp_path_factory.mktemp("voorbeeld") / "uit.xlsx"
    assert main(["werkmap", str(EXAMPLE), "--uit", str(out), "--stil"]) == 0
    report = recalculation.recalculate(EXAMPLE, out.with_name("rapport.xlsx"), functions=FUNCTIONS)
    return report, openpyxl.load_workbook(out, data_only=True), out


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if value == "":
        return None
    return value


def _argument(argument: forms.Argument, sheet: str, source: Any, values: Any) -> Any:
    """An argument as Excel passes it: literals as such, a reference as rows of values
    (computed cells from the recalculated copy, input cells from the original)."""
    if isinstance(argument, forms.Omitted):
        return None
    if isinstance(argument, forms.Literal):
        value = argument.value
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value
    title = argument.sheet or sheet
    rows = []
    for r in range(argument.min_row, argument.max_row + 1):
        row = []
        for c in range(argument.min_col, argument.max_col + 1):
            original = source[title].cell(r, c).value
            computed = isinstance(original, ArrayFormula) or (
                isinstance(original, str) and original.startswith("=")
            )
            value = values[title].cell(r, c).value if computed or original is None else original
            if isinstance(value, int) and not isinstance(value, bool):
                value = float(value)  # Excel passes every number as a float
            row.append(value)
        rows.append(row)
    return rows


def _builder(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``excel/bouw_voorbeelden.py`` as a module."""
    path = ROOT / "excel" / "bouw_voorbeelden.py"
    spec = importlib.util.spec_from_file_location("_bouw_voorbeelden", path)
    assert spec is not None
    assert spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, builder)  # dataclasses look their module up
    spec.loader.exec_module(builder)
    return builder


class TestExampleWorkbook:
    def test_committed_workbook_is_what_the_script_builds(
        self, source: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Rebuilding gives the same sheets, values, formulas, spill ranges and cached values
        (run `make examples`)."""
        builder = _builder(monkeypatch)
        fresh = tmp_path / "voorbeeld-backoffice.xlsx"
        builder.write(fresh)
        rebuilt = openpyxl.load_workbook(fresh)

        def content(book: Any) -> dict[tuple[str, str], Any]:
            return {
                (ws.title, cell.coordinate): (
                    (cell.value.ref, cell.value.text)
                    if isinstance(cell.value, ArrayFormula)
                    else cell.value,
                    cell.number_format,
                )
                for ws in book.worksheets
                for row in ws.iter_rows()
                for cell in row
                if cell.value is not None
            }

        assert rebuilt.sheetnames == source.sheetnames
        assert content(rebuilt) == content(source), (
            "voorbeeldwerkmap verouderd: voer `make examples` uit"
        )
        cached = openpyxl.load_workbook(EXAMPLE, data_only=True)
        assert content(openpyxl.load_workbook(fresh, data_only=True)) == content(cached)

    def test_builder_uses_only_declared_functions(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With only some functions declared, the builder leaves out the blocks needing others."""
        builder = _builder(monkeypatch)
        names = {
            "RI_MIJLPAAL",
            "RI_ZIEKTEDAGEN",
            "RI_RESTERENDE_WEKEN",
            "RI_SIGNAAL",
            "RI_TIJDLIJN",
        }
        declared = {name: f for name, f in FUNCTIONS.items() if name in names}
        monkeypatch.setattr(builder.udfs, "contract_functions", lambda: declared)
        book = builder.build()
        assert book.sheetnames == ["Instellingen", "Verzuimdossiers", "Tijdlijn", "Lijsten"]
        used = {m for _, _, text, _ in formula_cells(book) for m in re.findall(r"(RI_\w+)\(", text)}
        assert used <= names

    def test_only_contract_and_classic_excel_functions(self, source: Any) -> None:
        """Formulas use only the RI_ functions of the contract and classic Excel functions."""
        for ws, cell, text, _ in formula_cells(source):
            names = set(re.findall(r"([A-Z_][A-Z0-9_.]*)\(", re.sub(r'"[^"]*"', '""', text)))
            unknown = names - set(FUNCTIONS) - EXCEL_FUNCTIONS
            assert not unknown, f"{ws.title}!{cell.coordinate}: {unknown}"

    def test_every_topic_is_present(self, source: Any) -> None:
        """A sheet per topic of the issue, with every contract function used somewhere."""
        assert {"Verzuimdossiers", "Modulebeeindiging", "Budgetten", "Loonsanctie"} <= set(
            source.sheetnames
        )
        used = {
            m for _, _, text, _ in formula_cells(source) for m in re.findall(r"(RI_\w+)\(", text)
        }
        assert used == set(FUNCTIONS)

    def test_every_ri_cell_equals_the_function_called_directly(
        self, source: Any, recalculated: tuple[recalculation.Report, Any, Path]
    ) -> None:
        """Each computed RI_ cell equals the function called with what Excel would pass."""
        _, values, _ = recalculated
        checked = 0
        for ws, cell, text, ref in formula_cells(source):
            if "RI_" not in text:
                continue
            call = forms.parse_simple_call(text, frozenset(FUNCTIONS))
            assert call is not None, (
                f"{ws.title}!{cell.coordinate}: RI_-aanroep niet op het hoogste niveau"
            )
            arguments = [_argument(a, ws.title, source, values) for a in call.arguments]
            expected = FUNCTIONS[call.function](*arguments)
            min_col, min_row, max_col, max_row = range_boundaries(ref or cell.coordinate)
            written = [
                [_plain(values[ws.title].cell(r, c).value) for c in range(min_col, max_col + 1)]
                for r in range(min_row, max_row + 1)
            ]
            rows = expected if isinstance(expected, list) else [[expected]]
            assert written == [[_plain(v) for v in row] for row in rows], (
                f"{ws.title}!{cell.coordinate}"
            )
            checked += 1
        assert checked >= 40

    def test_report_is_clean(self, recalculated: tuple[recalculation.Report, Any, Path]) -> None:
        """Nothing unreadable or uncomputable; #WAARDE! only where the example says to expect it."""
        report, values, _ = recalculated
        assert report.problems == ()
        assert report.error_values == ()
        for problem in report.function_errors:
            ws = values[problem.sheet]
            row = ws[problem.cell].row
            notes = [c.value for c in ws[row] if isinstance(c.value, str) and "verwacht" in c.value]
            assert any("#WAARDE!" in note for note in notes), f"onverwachte #WAARDE! in {problem}"


def _bounds(bounds: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """``iter_rows`` arguments (min_row, max_row, min_col, max_col) of a range's bounds."""
    min_col, min_row, max_col, max_row = bounds
    return min_row, max_row, min_col, max_col


class TestExampleAsProduct:
    """The example opens showing results, spills, offers the catalogue's codes and prints."""

    def test_opens_with_cached_values(self, source: Any) -> None:
        """Every formula cell has a cached value, none #NAME? (no add-in needed to see them)."""
        cached = openpyxl.load_workbook(EXAMPLE, data_only=True)
        cells = formula_cells(source)
        assert len(cells) > 100
        for ws, cell, text, _ in cells:
            value = cached[ws.title][cell.coordinate].value
            assert value != "#NAME?", f"{ws.title}!{cell.coordinate}"
            computes_blank = '""' in text or "RI_" in text
            assert value is not None or computes_blank, f"{ws.title}!{cell.coordinate}: {text}"

    def test_column_formulas_are_dynamic_arrays(self) -> None:
        """A computed column is one formula that spills (cell metadata), not a fixed {=…}."""
        with zipfile.ZipFile(EXAMPLE) as archive:
            assert "xl/metadata.xml" in archive.namelist()
            assert "XLDAPR" in archive.read("xl/metadata.xml").decode()
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
            xml = "".join(archive.read(n).decode() for n in sheets)
        arrays = re.findall(r'<c r="[A-Z]+\d+"[^>]*>(<f t="array"[^>]*>)', xml)
        dynamic = re.findall(r'<c r="[A-Z]+\d+"[^>]*cm="1"[^>]*><f t="array"', xml)
        assert len(arrays) >= 30
        assert len(dynamic) == len(arrays)

    def test_dropdowns_offer_the_catalogue_codes(self, source: Any) -> None:
        """Product, module, reason, event and milestone cells have a list of the catalogue's codes."""
        from reintegratie_core import EventKind, Milestone
        from reintegratie_core.products import BUILTIN_PRODUCTS, TerminationReason

        lists = source["Lijsten"]
        columns = {
            lists.cell(1, c).value: [
                lists.cell(r, c).value
                for r in range(2, lists.max_row + 1)
                if lists.cell(r, c).value
            ]
            for c in range(1, lists.max_column + 1)
        }
        assert columns["product"] == [p.code for p in BUILTIN_PRODUCTS]
        assert set(columns["reden"]) == {r.value for r in TerminationReason}
        assert set(columns["gebeurtenis"]) == {e.value for e in EventKind}
        assert set(columns["mijlpaal"]) == {m.value for m in Milestone}
        assert {m.code for p in BUILTIN_PRODUCTS for m in p.modules} == set(columns["module"])
        used = {
            validation.formula1
            for ws in source.worksheets
            for validation in ws.data_validations.dataValidation
            if validation.type == "list"
        }
        assert {f.split("!")[1][1] for f in used} == set("ABCDE")
        # The example's own inputs are valid choices.
        for ws in source.worksheets:
            for validation in ws.data_validations.dataValidation:
                allowed = columns[
                    lists.cell(1, "ABCDE".index(validation.formula1.split("!")[1][1]) + 1).value
                ]
                for cell_range in validation.sqref.ranges:
                    for row in ws.iter_rows(*_bounds(cell_range.bounds)):
                        for cell in row:
                            assert cell.value in (None, "", *allowed), (
                                f"{ws.title}!{cell.coordinate}"
                            )

    def test_every_sheet_prints_landscape_one_page_wide(self, source: Any) -> None:
        """Landscape, fit to one page wide, header rows repeated, no column wider than 60."""
        for ws in source.worksheets:
            assert ws.page_setup.orientation == "landscape", ws.title
            assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
            assert ws.page_setup.fitToWidth == 1, ws.title
            assert ws.page_setup.fitToHeight == 0, ws.title
            widths = [d.width for d in ws.column_dimensions.values() if d.width]
            assert max(widths, default=0) <= 90, ws.title
        assert source["Verzuimdossiers"].print_title_rows == "$1:$4"

    def test_downloadable_from_the_docs(self) -> None:
        """The docs site offers the same workbook for download, linked from the user guide."""
        download = ROOT / "docs" / "downloads" / EXAMPLE.name
        assert download.read_bytes() == EXAMPLE.read_bytes(), "voer `make examples` uit"
        guide = (ROOT / "docs" / "handleiding" / "index.md").read_text(encoding="utf-8")
        assert "(../downloads/voorbeeld-backoffice.xlsx)" in guide

    def test_excel_shows_the_cached_values_on_opening(self, source: Any) -> None:
        """The workbook says it was computed by Excel 365's engine generation and asks no
        full recalculation on load, so Excel shows the cached values (even without add-in)."""
        assert source.calculation.calcId >= 191029
        assert not source.calculation.fullCalcOnLoad


def _native_formula_cells(book: Any) -> list[tuple[str, str, str]]:
    """``(sheet, cell, formula)`` of every formula without an ``RI_`` call."""
    return [
        (ws.title, cell.coordinate, text)
        for ws, cell, text, _ in formula_cells(book)
        if "RI_" not in text.upper()
    ]


def _comparable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float):
        return round(value, 9)
    return None if value == "" else value


class TestExcelsOwnFormulas:
    """The example's own Excel formulas (not RI_) show what Excel would compute."""

    def test_signal_count_counts_the_signals(self, source: Any) -> None:
        """'Signalen binnen de horizon' is the number of non-empty signals above it."""
        cached = openpyxl.load_workbook(EXAMPLE, data_only=True)["Verzuimdossiers"]
        label = next(
            c for row in cached.iter_rows() for c in row if c.value == "Signalen binnen de horizon"
        )
        count = cached.cell(label.row, 14).value
        signals = [cached.cell(r, 14).value for r in range(5, label.row - 1)]
        assert count == sum(1 for s in signals if s)
        assert count >= 2

    def test_dates_in_text_are_dd_mm_jjjj(self, source: Any) -> None:
        """A date put into text by a formula reads DD-MM-JJJJ, as everywhere in the guide."""
        cached = openpyxl.load_workbook(EXAMPLE, data_only=True)
        shown = [
            cached[sheet][cell].value
            for sheet, cell, _ in _native_formula_cells(source)
            if isinstance(cached[sheet][cell].value, str)
        ]
        dates = [d for text in shown for d in re.findall(r"\b\d{1,2}-\d{1,2}-\d{4}\b", text)]
        assert dates, "the example puts no date into text any more"
        assert [d for d in dates if not re.fullmatch(r"\d\d-\d\d-\d{4}", d)] == []

    @needs_libreoffice
    def test_libreoffice_computes_the_cached_values(self, source: Any, tmp_path: Path) -> None:
        """LibreOffice, given the RI_ results as values, computes every other formula to the
        value the workbook shows on opening (an engine nobody here wrote)."""
        cached = openpyxl.load_workbook(EXAMPLE, data_only=True)
        copy = openpyxl.load_workbook(EXAMPLE)
        for ws, cell, text, ref in formula_cells(copy):
            if "RI_" not in text.upper():
                continue
            min_col, min_row, max_col, max_row = range_boundaries(ref or cell.coordinate)
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    ws.cell(r, c).value = cached[ws.title].cell(r, c).value
        given = tmp_path / "ri-als-waarden.xlsx"
        copy.save(given)
        computed = tmp_path / "libreoffice.xlsx"
        compute_with_libreoffice(given, computed)
        theirs = openpyxl.load_workbook(computed, data_only=True)
        native = _native_formula_cells(source)
        assert len(native) > 50
        differ = [
            (sheet, cell, text, cached[sheet][cell].value, theirs[sheet][cell].value)
            for sheet, cell, text in native
            if _comparable(cached[sheet][cell].value) != _comparable(theirs[sheet][cell].value)
        ]
        assert differ == []
