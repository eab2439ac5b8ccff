"""``reintegratie werkmap`` against LibreOffice, an engine nobody here wrote.

``tests/cli/referentie/referentie.xlsx`` holds 1,500+ formulas of Excel's own functions
over 50 back-office rows, each with a false cached value; ``referentie-libreoffice.xlsx``
is the same workbook computed by LibreOffice 7.4 (headless, ``OOXMLRecalcMode`` = always),
built by ``make referentie`` (``tests/cli/referentie/bouw_referentie.py``). This test needs
no LibreOffice: it recalculates the input with ``werkmap`` and compares every formula cell
with LibreOffice's value. FILTER, which LibreOffice 7.4 lacks, is checked against rows
counted by hand.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.formula import ArrayFormula

from reintegratie_addin import udfs
from reintegratie_cli.recalc import recalculation
from tests.cli.engines import reference_builder

builder = reference_builder()
_EPOCH = datetime(1899, 12, 30)


def _plain(value: Any) -> Any:
    """A cached value for comparison: a date as its serial, a number rounded to 9 places."""
    if isinstance(value, datetime):
        return round((value - _EPOCH).total_seconds() / 86400, 9)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return round(float(value), 9)


def formula_cells(book: Any) -> list[tuple[str, str, str]]:
    """``(sheet, cell, formula)`` of every formula cell and every cell of an array formula."""
    found = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, ArrayFormula):
                    min_col, min_row, max_col, max_row = range_boundaries(value.ref)
                    found.extend(
                        (ws.title, ws.cell(r, c).coordinate, value.text or "")
                        for r in range(min_row, max_row + 1)
                        for c in range(min_col, max_col + 1)
                    )
                elif isinstance(value, str) and value.startswith("="):
                    found.append((ws.title, cell.coordinate, value))
    return found


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> tuple[recalculation.Report, Any]:
    """The reference workbook recalculated by werkmap; the report and the cached values."""
    out = tmp_path_factory.mktemp("referentie") / "uit.xlsx"
    report = recalculation.recalculate(builder.INPUT, out, functions=udfs.contract_functions())
    return report, openpyxl.load_workbook(out, data_only=True)


class TestAgainstLibreOffice:
    def test_the_fixture_is_recalculated(self) -> None:
        """Every formula of the input carries the false cached value; LibreOffice's copy has
        none left, so it computed every cell itself."""
        planted = openpyxl.load_workbook(builder.INPUT, data_only=True)
        cells = formula_cells(openpyxl.load_workbook(builder.INPUT))
        anchors = [(s, c) for s, c, _ in cells if planted[s][c].value is not None]
        assert len(cells) >= 1000
        assert all(planted[s][c].value == builder.PLANTED for s, c in anchors)
        libreoffice = openpyxl.load_workbook(builder.COMPUTED, data_only=True)
        assert all(libreoffice[s][c].value != builder.PLANTED for s, c, _ in cells)

    def test_every_cell_agrees(self, computed: tuple[recalculation.Report, Any]) -> None:
        """Each formula cell of werkmap's copy equals LibreOffice's value (FILTER aside)."""
        report, ours = computed
        libreoffice = openpyxl.load_workbook(builder.COMPUTED, data_only=True)
        compared = 0
        differences = []
        for sheet, cell, text in formula_cells(openpyxl.load_workbook(builder.INPUT)):
            if "FILTER(" in text:
                continue
            mine = _plain(ours[sheet][cell].value)
            theirs = _plain(libreoffice[sheet][cell].value)
            compared += 1
            if mine != theirs:
                differences.append(
                    f"{sheet}!{cell} {text}: werkmap {mine!r}, LibreOffice {theirs!r}"
                )
        assert differences == []
        assert compared >= 1000
        assert report.problems == ()

    def test_filter_against_hand_counts(self, computed: tuple[recalculation.Report, Any]) -> None:
        """ROWS(FILTER(…)) counts the rows with the same product, counted here by hand."""
        _, ours = computed
        rows = builder.rows()
        column = builder.FIRST_FORMULA_COLUMN + builder.HAND_COLUMNS["ROWS(FILTER"]
        for index, row in enumerate(rows):
            expected = sum(1 for other in rows if other[3] == row[3])
            assert ours["Dossiers"].cell(builder.FIRST_ROW + index, column).value == expected

    def test_the_workbook_covers_the_issue(self) -> None:
        """The functions the issue names are all in the reference workbook."""
        texts = " ".join(
            text for _, _, text in formula_cells(openpyxl.load_workbook(builder.INPUT))
        )
        for name in [
            "DATE(",
            "EDATE(",
            "EOMONTH(",
            "WORKDAY(",
            "NETWORKDAYS(",
            'DATEDIF(B2,C2,"d")',
            "VLOOKUP(",
            "INDEX(Producten!B:B,MATCH(",
            "SUMIFS(",
            "COUNTIFS(",
            "SUMPRODUCT(--(",
            "TEXT(",
            "IFERROR(",
            "MAXIFS(",
            "ROWS(_xlfn._xlws.FILTER(",
        ]:
            assert name in texts, name
