"""``reintegratie werkmap`` and a plain formula's older meaning (implicit intersection).

A plain formula in an ``.xlsx`` (a ``<f>`` without ``t="array"``: Excel 2019 or earlier,
openpyxl, or Excel 365 for a formula that means the same there) has Excel's older meaning:
a range where one value is wanted — an operator's operand, a one-value parameter, the whole
answer — is the one cell of the range in the formula's own row or column (``#VALUE!`` where
there is none); Excel 365 shows it as ``=SUM(@B1:B5*2)``. The engine computes every formula
as Excel 365 does, so ``=SUM(B1:B5*2)`` in row 2 gave the sum of all five times two, where
Excel gives B2 × 2. Such a formula is now not computed: ``#N/A`` and a report line
(`reintegratie_cli.recalc.elementwise`). The expected values are Excel's, as LibreOffice
computes them (the last class, when ``soffice`` is installed).
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from reintegratie_addin import udfs
from reintegratie_cli.main import main
from reintegratie_cli.recalc import calc, elementwise, recalculation
from tests.cli.engines import compute_with_libreoffice, needs_libreoffice, recalc

DATA: dict[str, list[Any]] = {
    "A": [1, 2, 3, 4, 5],
    "B": [-3, 0.95, 4, -2, 7],
    "C": [
        datetime(2025, 1, 15),
        datetime(2025, 3, 3),
        datetime(2024, 12, 31),
        datetime(2025, 1, 2),
        datetime(2026, 6, 6),
    ],
}

#: Plain formulas that intersect a range: the cell (its row decides), what the report says
#: of where, and Excel's value (as LibreOffice computes it).
WRONG = [
    ("G2", "=SUM(B1:B5*2)", "B1:B5 staat in een berekening (*)", 1.9),
    ("G3", "=B1:B5", "de formule geeft B1:B5 als uitkomst", 4),
    ("G7", "=B1:B5", "de formule geeft B1:B5 als uitkomst", "#VALUE!"),
    ("G4", "=B1:B5*2", "B1:B5 staat in een berekening (*)", -4),
    ("G5", '=B1:B5&"x"', "B1:B5 staat in een berekening (&)", "7x"),
    ("H2", "=-B1:B5", "B1:B5 staat in een berekening (-)", -0.95),
    ("H3", "=IF(B1:B5>0,1,-1)", "B1:B5 staat in een berekening (>)", 1),
    ("H4", "=SUM(IF(B1:B5>0,B1:B5,0))", "B1:B5 staat in een berekening (>)", 0),
    ("H5", "=ABS(B1:B5)", "ABS krijgt hier B1:B5", 7),
    ("I2", "=AND(B1:B5>0)", "B1:B5 staat in een berekening (>)", True),
    ("I3", "=MAX(B1:B5*1)", "B1:B5 staat in een berekening (*)", 4),
    ("I4", "=IFERROR(B1:B5,0)", "IFERROR krijgt hier B1:B5", -2),
    ("I5", "=SUM(OFFSET(B1,0,0,5)*2)", "de uitkomst van OFFSET(…) staat in een berekening", 14),
    ("J3", "=SUM(B:B*1)", "B:B staat in een berekening (*)", 4),
    ("J4", "=INDEX(B1:B5,0)*2", "de uitkomst van INDEX(…) staat in een berekening", -4),
    ("J5", "=SUM(IF(A5>0,B1:B5)*1)", "de uitkomst van IF(…) staat in een berekening", 7),
    ("K2", "=SIN(B1:B5)*1", "SIN krijgt hier B1:B5", 0.813416),
    ("K3", "=YEAR(C1:C5)", "YEAR krijgt hier C1:C5", 2024),
    ("K4", "=LOG10(A1:A5*25)", "A1:A5 staat in een berekening (*)", 2),
    ("K5", "=ATAN2(A1:A5,0)", "ATAN2 krijgt hier A1:A5", 0),
]

#: Plain formulas over ranges that mean the same in both: still computed, Excel's value.
RIGHT = [
    ("=SUMPRODUCT((A1:A5>1)*B1:B5)", 9.95),
    ("=SUMPRODUCT(--(B1:B5>0),B1:B5)", 11.95),
    ("=SUM(B1:B5)", 6.95),
    ("=SUM(B1:B5)*2", 13.9),
    ('=COUNTIF(B1:B5,">0")', 3),
    ('=SUMIF(A1:A5,">2",B1:B5)', 9),
    ("=INDEX(B1:B5,MATCH(3,A1:A5,0))", 4),
    ("=VLOOKUP(3,A1:B5,2,FALSE)", 4),
    ("=LOOKUP(2,1/(B1:B5>0),A1:A5)", 5),
    ("=IF(B2>0,B3,B4)", 4),
    ("=SUM(IF(B2>0,B1:B5,0))", 6.95),
    ("=MAX(B1:B5)-MIN(B1:B5)", 10),
    ("=ROWS(B1:B5)*2", 10),
    ("=SUM({1,2,3}*2)", 12),
    ("=SUMPRODUCT(MAX((A1:A5>2)*B1:B5))", 7),
    ("=CORREL(A1:A5*2,B1:B5)", 0.647947),
    ("=COUNTIF($A$1:A3,A3)", 1),
]


def build(path: Path, cells: dict[str, Any]) -> Path:
    """The data above in A1:C5 and ``cells``."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Blad1"
    for column, values in DATA.items():
        for row, value in enumerate(values, start=1):
            ws[f"{column}{row}"] = value
    for cell, value in cells.items():
        ws[cell] = value
    book.save(path)
    return path


def right_cells() -> dict[str, str]:
    return {f"M{row}": formula for row, (formula, _) in enumerate(RIGHT, start=1)}


def plain(value: Any) -> Any:
    """A cached value for comparison: a number rounded to 6 places."""
    if isinstance(value, float):
        return round(value, 6)
    return value


@pytest.fixture(scope="module")
def wrong(tmp_path_factory: pytest.TempPathFactory) -> tuple[recalculation.Report, Any]:
    path = tmp_path_factory.mktemp("fout") / "fout.xlsx"
    return recalc(build(path, {cell: formula for cell, formula, _, _ in WRONG}))


@pytest.fixture(scope="module")
def right(tmp_path_factory: pytest.TempPathFactory) -> tuple[recalculation.Report, Any]:
    path = tmp_path_factory.mktemp("goed") / "goed.xlsx"
    return recalc(build(path, right_cells()))


class TestNotComputed:
    @pytest.mark.parametrize("case", WRONG, ids=str)
    def test_intersecting_formula_gets_na_and_a_report_line(
        self, wrong: tuple[recalculation.Report, Any], case: tuple[str, str, str, Any]
    ) -> None:
        """The cell holds #N/A, not the engine's Excel 365 answer, and the report says
        where the range is intersected."""
        report, ws = wrong
        cell, _, where, excel = case
        assert ws[cell].value == "#N/A"
        assert plain(ws[cell].value) != excel
        reasons = {p.cell: p.reason for p in report.problems if p.sheet == "Blad1"}
        assert reasons[cell].startswith(f"niet berekend: {where}")
        assert "impliciete doorsnede" in reasons[cell]

    def test_every_wrong_cell_is_reported_once(
        self, wrong: tuple[recalculation.Report, Any]
    ) -> None:
        report, _ = wrong
        assert sorted(p.cell for p in report.problems) == sorted(cell for cell, *_ in WRONG)

    def test_a_cell_using_it_gets_an_error_not_a_wrong_number(self, tmp_path: Path) -> None:
        """H2 = G2 + 1: before, the sum of all five times two plus one; now #N/A, as G2."""
        report, ws = recalc(build(tmp_path / "keten.xlsx", {"G2": "=SUM(B1:B5*2)", "H2": "=G2+1"}))
        assert [ws["G2"].value, ws["H2"].value] == ["#N/A", "#N/A"]
        assert [p.cell for p in report.problems] == ["G2"]

    def test_a_column_of_one_formula_is_reported_per_cell(self, tmp_path: Path) -> None:
        """The old trick of one range intersected down a column (``=$B$1:$B$5*2`` in G1:G5):
        every cell is reported, the formula parsed once."""
        cells = {f"G{row}": "=$B$1:$B$5*2" for row in range(1, 6)}
        report, ws = recalc(build(tmp_path / "kolom.xlsx", cells))
        assert [p.cell for p in report.problems] == [f"G{row}" for row in range(1, 6)]
        assert [ws[f"G{row}"].value for row in range(1, 6)] == ["#N/A"] * 5

    def test_command_lists_the_cell_and_streng_fails(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = build(tmp_path / "opdracht.xlsx", {"G2": "=SUM(B1:B5*2)", "G3": "=SUM(B1:B5)"})
        code = main(["werkmap", str(path), "--uit", str(tmp_path / "uit.xlsx"), "--streng"])
        err = capsys.readouterr().err
        assert code == 1
        assert "Blad1!G2: niet berekend: B1:B5 staat in een berekening (*); in een gewone " in err
        assert "G3" not in err


class TestStillComputed:
    @pytest.mark.parametrize(("row", "case"), list(enumerate(RIGHT, start=1)), ids=str)
    def test_correct_construct_keeps_its_value(
        self, right: tuple[recalculation.Report, Any], row: int, case: tuple[str, Any]
    ) -> None:
        _, ws = right
        assert plain(ws[f"M{row}"].value) == case[1]

    def test_nothing_refused(self, right: tuple[recalculation.Report, Any]) -> None:
        report, _ = right
        assert report.problems == ()

    def test_array_formulas_keep_excel_365s_meaning(self, tmp_path: Path) -> None:
        """The same text as a fixed array formula (``{=SUM(B1:B5*2)}``) and as an Excel 365
        dynamic array (``cm`` and ``t="array"``) sums all five: computed."""
        path = build(
            tmp_path / "matrix.xlsx",
            {"G2": ArrayFormula("G2", "=SUM(B1:B5*2)"), "H2": "=SUM(B1:B5*2)", "I2": "=B1:B5*2"},
        )
        with zipfile.ZipFile(path) as archive:
            items = [(info, archive.read(info.filename)) for info in archive.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in items:
                text = data.decode("utf-8")
                if info.filename == "xl/worksheets/sheet1.xml":
                    for cell, formula in (("H2", "SUM(B1:B5*2)"), ("I2", "B1:B5*2")):
                        old = f'<c r="{cell}"><f>{formula}</f>'
                        assert old in text
                        text = text.replace(
                            old, f'<c r="{cell}" cm="1"><f t="array" ref="{cell}">{formula}</f>'
                        )
                archive.writestr(info.filename, text.encode("utf-8"))
        report, ws = recalc(path)
        assert report.problems == ()
        assert [plain(ws["G2"].value), plain(ws["H2"].value)] == [13.9, 13.9]
        assert [plain(ws[f"I{row}"].value) for row in range(2, 7)] == [-6, 1.9, 8, -4, 14]

    def test_ri_function_lifted_over_a_column_spills(self, tmp_path: Path) -> None:
        """A plain ``=RI_MIJLPAAL(C1:C5;"42e week")`` (as the example workbook and openpyxl
        write it) gets the range as Excel passes it to the add-in and spills, as in Excel
        365; the copy stores it as a dynamic array, so Excel shows the same five dates."""
        report, ws = recalc(build(tmp_path / "ri.xlsx", {"G1": '=RI_MIJLPAAL(C1:C5,"42e week")'}))
        assert report.problems == ()
        expected = [udfs.RI_MIJLPAAL(day, "42e week") for day in DATA["C"]]
        assert [ws[f"G{row}"].value.date() for row in range(1, 6)] == expected
        with zipfile.ZipFile(tmp_path / "ri-uit.xlsx") as archive:
            sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        assert 'cm="1"><f t="array" ref="G1:G5">' in sheet


def check(formula: str, *, legacy: bool = True) -> str | None:
    return elementwise.Checker(calc.formula_tree).check(formula, legacy=legacy)


class TestChecker:
    @pytest.mark.parametrize(
        "formula",
        [
            "=SUM(B1:B5*2)",
            "=A1:A5",
            "=Blad2!A1:A5+1",
            "=A:A&B1",
            "=SUM(OFFSET(A1,0,0,5)*2)",
            '=SUM(INDIRECT("A1:A5")*2)',
            "=INDEX(A1:B5,0,1)*2",
            "=CHOOSE(2,A1,A1:A5)*2",
            "=IF(A1>0,A1:A5,0)",
            "=OFFSET(A1,0,0,5)",
            "=A1#*2",
            "=IFNA(A1:A5,0)",
            "=MATCH(1,(A1:A5=2)*1,0)",
            '=TEXTJOIN(",",TRUE,IF(A1:A5>0,A1:A5,""))',
            "=SUM((A1:A5>1)*(B1:B5))",
        ],
    )
    def test_refused(self, formula: str) -> None:
        """Excel intersects the range (``MATCH``'s lookup array and ``TEXTJOIN`` are no
        array parameters: such a formula needed Ctrl+Shift+Enter before Excel 365)."""
        found = check(formula)
        assert found is not None
        assert "impliciete doorsnede" in found

    @pytest.mark.parametrize(
        "formula",
        [
            "=SUM(A1:A5)",
            "=SUMPRODUCT((A1:A5>1)*B1:B5)",
            "=SUMPRODUCT(SUM((A1:A5>1)*B1:B5))",
            "=INDEX((A1:A5=3)*B1:B5,3)",
            "=INDEX(C1:C5,MATCH(1,INDEX((A1:A5=3)*(B1:B5>0),0),0))",
            "=LOOKUP(2,1/(B1:B5>0),A1:A5)",
            "=MMULT(A1:B2*2,A1:B2)",
            "=ROWS(_xlfn._xlws.FILTER(B1:B3,B1:B3>15))",
            "=_xlfn.XLOOKUP(3,A1:A5*1,B1:B5)",
            "=INDEX(A1:A5,2)*2",
            "=OFFSET(A1,1,0)*2",
            "=@A1:A5*2",
            "=SUM({1,2,3}*2)",
            '=RI_MIJLPAAL(C1:C5,"42e week")',
            '=RI_MIJLPAAL(C1:C5,"42e week")+7',
            '=SUMPRODUCT(--(RI_MIJLPAAL(C1:C5,"42e week")>A1))',
            "=IF(A1>0,SUM(A1:A5),0)",
            "=VLOOKUP(A1,A1:B5,2,FALSE)*2",
            '=COUNTIF(A1:A5,">"&A1)',
        ],
    )
    def test_computed(self, formula: str) -> None:
        """The same in both meanings: a range given whole, inside an array parameter
        (``INDEX``'s array, ``LOOKUP``'s vectors, ``MMULT``, ``FILTER``), intersected by
        ``@``, an array that is no range (an RI_ function's answer spills, as in Excel 365)."""
        assert check(formula) is None

    def test_the_meaning_is_kept_apart_per_formula_kind(self) -> None:
        """One text, plain and as an array formula, in either order on one checker (which
        keeps what it has seen)."""
        checker = elementwise.Checker(calc.formula_tree)
        assert checker.check("=SUM(B1:B5*2)") is None
        assert checker.check("=SUM(B1:B5*2)", legacy=True) is not None
        assert checker.check("=SUM(B2:B6*2)", legacy=True) is not None
        assert checker.check("=SUM(B2:B6*2)") is None
        assert checker.check("=INDEX(A1:A5,1)*2", legacy=True) is None
        assert checker.check("=INDEX(A1:A5,0)*2", legacy=True) is not None

    def test_the_engine_intersects_nothing_by_itself(self) -> None:
        """Why the check is needed: the engine gives the Excel 365 answer for a plain
        ``SUM(B1:B5*2)`` in row 2 (13.9), not Excel's B2 × 2 (1.9)."""
        values = {(r, 2): v for r, v in enumerate(DATA["B"], start=1)}
        sheet = calc.Input(name="S", values=values, formulas={(2, 7): "=SUM(B1:B5*2)"}, arrays={})
        outputs, _ = calc.compute([sheet], {}, today=None, tick=lambda _: None)
        assert plain(outputs["S"].values[(2, 7)]) == 13.9


@needs_libreoffice
class TestAgainstLibreOffice:
    """Every refused cell is one where LibreOffice intersects (Excel's value, not the
    engine's); every computed cell equals LibreOffice's."""

    def test_both_lists(self, tmp_path: Path) -> None:
        cells = {cell: formula for cell, formula, _, _ in WRONG} | right_cells()
        source = build(tmp_path / "beide.xlsx", cells)
        report, ours = recalc(source)
        computed = tmp_path / "libreoffice.xlsx"
        compute_with_libreoffice(source, computed)
        theirs = openpyxl.load_workbook(computed, data_only=True)["Blad1"]
        refused = {p.cell for p in report.problems}
        for cell, formula, _, excel in WRONG:
            assert cell in refused, formula
            assert plain(theirs[cell].value) == excel, formula
        for row, (formula, _) in enumerate(RIGHT, start=1):
            cell = f"M{row}"
            assert cell not in refused, formula
            assert plain(ours[cell].value) == plain(theirs[cell].value), formula
