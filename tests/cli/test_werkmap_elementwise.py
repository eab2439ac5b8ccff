"""``reintegratie werkmap`` and Excel's element-wise evaluation, which the engine lacks.

Excel evaluates a function whose parameter takes one value element by element when it gets
a range or an array (``=SUMPRODUCT(LEN(A1:A5))`` sums five lengths). ``formualizer`` 0.13
does that only for the operators, IF/IFERROR/IFNA, SIN, COS, TAN and ATAN2: every
other function gave a silently wrong number (``LEN`` of the first cell, ``ISNUMBER`` FALSE,
``COUNTIF`` with a range of criteria 0) or ``#VALUE!``. Such a formula is now not computed:
the cell gets ``#N/A`` and the report names it (`reintegratie_cli.recalc.elementwise`).
The expected values are Excel's, checked against LibreOffice (the last class, when
``soffice`` is installed).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from reintegratie_addin import udfs
from reintegratie_cli.main import main
from reintegratie_cli.recalc import calc, elementwise, recalculation
from tests.cli.engines import compute_with_libreoffice, needs_libreoffice, recalc

DATA: dict[str, list[Any]] = {
    "A": ["appel", " x ", "citroen", "x", "kers"],
    "B": [1, -2.5, 3.7, 4, -5.25],
    "C": [
        datetime(2025, 1, 15),
        datetime(2025, 3, 3),
        datetime(2024, 12, 31),
        datetime(2025, 1, 2),
        datetime(2026, 6, 6),
    ],
    "D": [1, "a", True, None, 2],
}

#: Formulas the engine computed wrongly, the function named, and Excel's value (as
#: LibreOffice computes it). ``{…}`` is a fixed array formula.
WRONG = [
    ("=SUMPRODUCT(LEN(A1:A5))", "LEN", 20),
    ("=SUMPRODUCT(--ISNUMBER(B1:B5))", "ISNUMBER", 5),
    ("=SUMPRODUCT(--ISTEXT(A1:A5))", "ISTEXT", 5),
    ('=SUMPRODUCT(--(LEFT(A1:A5)="c"))', "LEFT", 1),
    ('=SUMPRODUCT(--(TRIM(A1:A5)="x"))', "TRIM", 2),
    ('=SUMPRODUCT(LEN(A1:A5)-LEN(SUBSTITUTE(A1:A5,"e","")))', "LEN", 3),
    ("=SUMPRODUCT(--ISBLANK(D1:D5))", "ISBLANK", 1),
    ("=SUMPRODUCT(--ISERROR(B1:B5/0))", "ISERROR", 5),
    ("=SUMPRODUCT(ABS(B1:B5))", "ABS", 16.45),
    ("=SUMPRODUCT(ROUND(B1:B5,0))", "ROUND", 1),
    ("=SUMPRODUCT(INT(B1:B5))", "INT", -1),
    ("=SUMPRODUCT(MOD(B1:B5,2))", "MOD", 4.95),
    ("=SUMPRODUCT(YEAR(C1:C5))", "YEAR", 10125),
    ("=SUMPRODUCT((MONTH(C1:C5)=1)*B1:B5)", "MONTH", 5),
    ("=SUMPRODUCT(--(WEEKDAY(C1:C5,2)>5))", "WEEKDAY", 1),
    ('=SUMPRODUCT(--(TEXT(C1:C5,"yyyy")="2025"))', "TEXT", 3),
    ("=SUMPRODUCT(--NOT(B1:B5>0))", "NOT", 2),
    ("=SUMPRODUCT(ROW(A1:A5))", "ROW", 15),
    ("=SUMPRODUCT(1/COUNTIF(A1:A5,A1:A5))", "COUNTIF", 5),
    ('=SUM(COUNTIF(A1:A5,{"x","kers"}))', "COUNTIF", 2),
    ('=SUMPRODUCT(--ISNUMBER(MATCH(A1:A5,{"x","kers"},0)))', "MATCH", 2),
    ("=SUMPRODUCT(LARGE(B1:B5,{1,2}))", "LARGE", 7.7),
    ('=SUMPRODUCT(LEN({"ab","c"}))', "LEN", 3),
    ("=SUMPRODUCT(N(B1:B5))", "N", 0.95),
    ("{=SUM(LEN(A1:A5))}", "LEN", 20),
    ("{=MAX(ABS(B1:B5))}", "ABS", 5.25),
    ("{=SUM(VLOOKUP(A1:A5,A1:B5,2,FALSE))}", "VLOOKUP", 0.95),
    ('{=SUM(SUMIFS(B1:B5,A1:A5,{"x","kers"}))}', "SUMIFS", -1.25),
    ("{=SUM(INDEX(B1:B5,{1,3}))}", "INDEX", 4.7),
    ("{=SUM(CHOOSE({1,2},1,10))}", "CHOOSE", 11),
    ('{=SUM(--ISNUMBER(SEARCH("e",A1:A5)))}', "SEARCH", 3),
    ('{=SUM(DATEDIF(C1:C5,DATE(2026,12,31),"d"))}', "DATEDIF", 3049),
    ("{=SUM(LEN(OFFSET(A1,0,0,3,1)))}", "LEN", 15),
    ("{=SUM(IF(C1:C5>DATE(2025,1,1),YEAR(C1:C5)))}", "YEAR", 8101),
]

#: Formulas over ranges that the engine computes as Excel does, with Excel's value.
RIGHT = [
    ("=SUMPRODUCT(B1:B5)", 0.95),
    ("=SUMPRODUCT(B1:B5,B1:B5)", 64.5025),
    ("=SUMPRODUCT((B1:B5>1)*(B1:B5))", 7.7),
    ("=SUMPRODUCT(--(B1:B5>0))", 3),
    ('=SUMPRODUCT((A1:A5="x")*B1:B5)', 4),
    ("=SUMPRODUCT(-(B1:B5>0))", -3),
    ("=SUMPRODUCT(B1:B5^2)", 64.5025),
    ('=SUMPRODUCT(--(A1:A5&"z"="xz"))', 1),
    ('=SUMPRODUCT(--(A1:A5<>""))', 5),
    ("=SUMPRODUCT((C1:C5>=DATE(2025,1,1))*(C1:C5<DATE(2025,12,31))*B1:B5)", 2.5),
    ("=SUMPRODUCT(IFERROR(1/B1:B5,0))", 0.929794),
    ("=SUMPRODUCT(IF(B1:B5>0,1,0))", 3),
    ('=COUNTIF(A1:A5,"x")', 1),
    ('=COUNTIF(B1:B5,">0")', 3),
    ('=SUMIF(B1:B5,">0")', 8.7),
    ('=SUMIFS(B1:B5,A1:A5,"<>x")', -3.05),
    ('=COUNTIFS(A1:A5,"*e*",B1:B5,">0")', 2),
    ('=AVERAGEIF(B1:B5,">0")', 2.9),
    ("=MAX(B1:B5)-MIN(B1:B5)", 9.25),
    ("=COUNTA(D1:D5)", 4),
    ("=INDEX(A1:A5,MATCH(4,B1:B5,0))", "x"),
    ('=VLOOKUP("x",A1:B5,2,FALSE)', 4),
    ('=YEAR(INDEX(C1:C5,MATCH("x",A1:A5,0)))', 2025),
    ("=LEN(INDEX(A1:A5,3))", 7),
    ('=TEXT(INDEX(C1:C5,2),"yyyy")', "2025"),
    ("=COUNTIF($A$1:A3,A3)", 1),
    ("=SUMPRODUCT(--(FREQUENCY(B1:B5,B1:B5)>0))", 5),
    ('=SUMPRODUCT(MAX((A1:A5="x")*B1:B5))', 4),
    ("{=SUM(IF(B1:B5>0,B1:B5))}", 8.7),
    ('{=SUM(--(A1:A5="x"))}', 1),
    ("{=SUM(B1:B5*2)}", 1.9),
    ("{=MATCH(TRUE,B1:B5>3,0)}", 3),
    ('{=MATCH(1,(A1:A5="x")*(B1:B5>0),0)}', 4),
    ("{=INDEX(A1:A5,MATCH(1,(B1:B5>3)*(B1:B5<5),0))}", "citroen"),
    ('{=MAX(IF(A1:A5="kers",C1:C5))}', 46179),
    ("{=LARGE(IF(B1:B5>0,B1:B5),2)}", 3.7),
    ("{=MEDIAN(IF(B1:B5>0,B1:B5))}", 3.7),
    ("{=AND(B1:B5>-10)}", True),
    ("{=INDEX(B1:B5*2,2)}", -5),
    ("{=SUM(TRANSPOSE(B1:B5))}", 0.95),
    ("{=SUM(FREQUENCY(B1:B5,{0,2}))}", 5),
    ("{=SUM(OFFSET(B1,0,0,3,1))}", 2.2),
    ("{=SUM(B1:B5*{1;2;3;4;5})}", -3.15),
    ("{=SUM(SIN(B1:B5))}", -0.184705),
]


def build(path: Path, formulas: list[str]) -> Path:
    """The data above in A1:D5 and one formula per row in column G."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Blad1"
    for column, values in DATA.items():
        for row, value in enumerate(values, start=1):
            if value is not None:
                ws[f"{column}{row}"] = value
    for row, formula in enumerate(formulas, start=1):
        if formula.startswith("{"):
            ws[f"G{row}"] = ArrayFormula(f"G{row}", formula[1:-1])
        else:
            ws[f"G{row}"] = formula
    book.save(path)
    return path


def plain(value: Any) -> Any:
    """A cached value for comparison: a date as its serial, a number rounded to 6 places."""
    if isinstance(value, datetime):
        return round((value - datetime(1899, 12, 30)).total_seconds() / 86400, 6)
    if isinstance(value, float):
        return round(value, 6)
    return value


@pytest.fixture(scope="module")
def wrong(tmp_path_factory: pytest.TempPathFactory) -> tuple[recalculation.Report, Any]:
    path = tmp_path_factory.mktemp("fout") / "fout.xlsx"
    return recalc(build(path, [formula for formula, _, _ in WRONG]))


@pytest.fixture(scope="module")
def right(tmp_path_factory: pytest.TempPathFactory) -> tuple[recalculation.Report, Any]:
    path = tmp_path_factory.mktemp("goed") / "goed.xlsx"
    return recalc(build(path, [formula for formula, _ in RIGHT]))


class TestNotComputed:
    @pytest.mark.parametrize(("row", "case"), list(enumerate(WRONG, start=1)), ids=str)
    def test_wrong_construct_gets_na_and_a_report_line(
        self, wrong: tuple[recalculation.Report, Any], row: int, case: tuple[str, str, Any]
    ) -> None:
        """The cell holds #N/A, not the engine's wrong number, and the report names the
        cell and the function."""
        report, ws = wrong
        _, function, excel = case
        assert ws[f"G{row}"].value == "#N/A"
        assert plain(ws[f"G{row}"].value) != excel
        reasons = {p.cell: p.reason for p in report.problems if p.sheet == "Blad1"}
        assert f"niet berekend: {function} krijgt hier" in reasons[f"G{row}"]
        assert "per element" in reasons[f"G{row}"]

    def test_every_wrong_cell_is_reported_once(
        self, wrong: tuple[recalculation.Report, Any]
    ) -> None:
        report, _ = wrong
        assert sorted(p.cell for p in report.problems) == sorted(
            f"G{row}" for row in range(1, len(WRONG) + 1)
        )

    def test_a_cell_using_it_gets_an_error_not_a_wrong_number(self, tmp_path: Path) -> None:
        """H1 = G1 * 2: before, 2 × LEN("appel") = 10; now #N/A, as G1."""
        path = build(tmp_path / "keten.xlsx", ["=SUMPRODUCT(LEN(A1:A5))"])
        book = openpyxl.load_workbook(path)
        book["Blad1"]["H1"] = "=G1*2"
        book.save(path)
        report, ws = recalc(path)
        assert ws["H1"].value == "#N/A"
        assert [p.cell for p in report.problems] == ["G1"]

    def test_fixed_array_range_gets_na_in_every_cell(self, tmp_path: Path) -> None:
        path = build(tmp_path / "matrix.xlsx", [])
        book = openpyxl.load_workbook(path)
        book["Blad1"]["H1"] = ArrayFormula("H1:H5", "=LEN(A1:A5)")
        book.save(path)
        report, ws = recalc(path)
        assert [ws[f"H{r}"].value for r in range(1, 6)] == ["#N/A"] * 5
        assert [p.cell for p in report.problems] == ["H1"]

    def test_a_column_is_reported_per_cell_with_its_own_range(self, tmp_path: Path) -> None:
        """One formula down a column (parsed once, `elementwise.Checker`): every cell is
        reported, each with its own reference."""
        path = build(
            tmp_path / "kolom.xlsx", [f"=SUMPRODUCT(LEN(A{r}:A{r + 1}))" for r in (1, 2, 3)]
        )
        report, _ = recalc(path)
        assert [p.cell for p in report.problems] == ["G1", "G2", "G3"]
        assert "A1:A2" in report.problems[0].reason
        assert "A3:A4" in report.problems[2].reason

    def test_a_defined_name_of_a_range_counts_as_the_range(self, tmp_path: Path) -> None:
        path = build(tmp_path / "naam.xlsx", ["=SUMPRODUCT(LEN(Namen))", "=COUNTA(Namen)"])
        book = openpyxl.load_workbook(path)
        book.defined_names["Namen"] = DefinedName("Namen", attr_text="Blad1!$A$1:$A$5")
        book.save(path)
        report, ws = recalc(path)
        assert [p.cell for p in report.problems] == ["G1"]
        assert [ws["G1"].value, ws["G2"].value] == ["#N/A", 5]

    def test_command_lists_the_cell_and_streng_fails(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = build(tmp_path / "opdracht.xlsx", ["=SUMPRODUCT(--ISNUMBER(B1:B5))", "=SUM(B1:B5)"])
        code = main(["werkmap", str(path), "--uit", str(tmp_path / "uit.xlsx"), "--streng"])
        err = capsys.readouterr().err
        assert code == 1
        assert "Blad1!G1: niet berekend: ISNUMBER krijgt hier B1:B5" in err
        assert "G2" not in err.split("formules met een foutwaarde")[0]


class TestStillComputed:
    @pytest.mark.parametrize(("row", "case"), list(enumerate(RIGHT, start=1)), ids=str)
    def test_correct_construct_keeps_its_value(
        self, right: tuple[recalculation.Report, Any], row: int, case: tuple[str, Any]
    ) -> None:
        _, ws = right
        assert plain(ws[f"G{row}"].value) == case[1]

    def test_nothing_refused(self, right: tuple[recalculation.Report, Any]) -> None:
        report, _ = right
        assert report.problems == ()

    def test_ri_functions_over_a_range(self, tmp_path: Path) -> None:
        """An RI_ function gets a range as Excel passes it to the add-in: computed."""
        path = build(
            tmp_path / "ri.xlsx",
            ['=SUMPRODUCT(--(RI_MIJLPAAL(C1:C5,"42e week")>DATE(2025,12,1)))'],
        )
        report, ws = recalc(path)
        expected = sum(
            udfs.RI_MIJLPAAL(day, "42e week") > datetime(2025, 12, 1).date() for day in DATA["C"]
        )
        assert report.problems == ()
        assert ws["G1"].value == expected


def check(formula: str) -> str | None:
    return elementwise.Checker(calc.formula_tree).check(formula)


class TestChecker:
    @pytest.mark.parametrize(
        "formula",
        [
            "=LET(x,A1:A5,LEN(x))",
            '=LEN(INDIRECT("A1:A3"))',
            "=LEN(INDIRECT(B1))",
            "=LEN(OFFSET(A1,0,0,3))",
            "=LEN(OFFSET(A1:A3,1,0))",
            "=LEN(INDEX(A1:B5,0,1))",
            "=LEN(INDEX(A1:B5,2))",
            "=LEN(Tabel1[Naam])",
            "=LEN(A1#)",
            "=LEN(SEQUENCE(3))",
            "=LEN(_xlfn._xlws.FILTER(A1:A5,B1:B5>0))",
            '=LEN(_xlfn.XLOOKUP("x",A1:A5,A1:B5))',
            "=LEN(IF(B1:B5>0,A1:A5))",
            "=LEN(CHOOSE(2,A1,A1:A5))",
            "=LAMBDA(x,LEN(x))(A1:A5)",
            "=LEN(LAMBDA(x,x)(A1:A5))",
            "=LET(f,LAMBDA(x,LEN(x)),f(A1:A5))",
            '=YEAR(RI_MIJLPAAL(C1:C5,"42e week"))',
        ],
    )
    def test_refused(self, formula: str) -> None:
        assert check(formula) is not None

    @pytest.mark.parametrize(
        "formula",
        [
            "=LET(x,A1,LEN(x))",
            '=LEN(INDIRECT("A1"))',
            "=LEN(OFFSET(A1,1,0))",
            "=LEN(OFFSET(A1,0,0,1,1))",
            "=LEN(INDEX(A1:A5,2))",
            "=LEN(INDEX(A1:B5,2,1))",
            "=LEN(Tabel1[@Naam])",
            "=LEN(@A1:A5)",
            '=LEN(_xlfn.XLOOKUP("x",A1:A5,B1:B5))',
            "=LEN(A1)&LEN(Blad2!B2)",
            '=RI_MIJLPAAL(C1:C5,"42e week")',
            "=ROWS(A1:A5)+COLUMNS(A1:C1)",
            "=LAMBDA(x,LEN(x))(A1)",
            "=SUM(A1:A5",
        ],
    )
    def test_computed(self, formula: str) -> None:
        assert check(formula) is None

    @pytest.mark.parametrize(
        ("formula", "value"),
        [
            ("=LET(f,LAMBDA(k,FILTER(A1:A3,A1:A3>k)),COUNTA(f(0)))", 2),
            ("=LET(f,LAMBDA(k,FILTER(A1:A3,A1:A3>k)),SUM(f(0)))", 4.7),
            ("=LET(x,A1:A3,f,LAMBDA(x,LEN(x)),SUM(x)+f(B3))", 5.2),
        ],
    )
    def test_a_lambda_definition_is_no_call(self, formula: str, value: float) -> None:
        """A ``LAMBDA`` whose body answers an array, or whose parameter shadows a ``LET``
        name of a range, gets no range itself: the engine computes Excel's value, so the
        formula is computed (it was refused as "LAMBDA krijgt hier de uitkomst van
        FILTER(…)")."""
        assert check(formula) is None
        got = TestTheEngine()._compute([formula], texts=True)
        assert plain(got[0]) == value

    @pytest.mark.parametrize(
        ("formula", "engine", "excel"),
        [
            ('=SUMPRODUCT(LEN(TEXTSPLIT("aa,bbb,c",",")))', 2, 6),
            ("=SUMPRODUCT(LEN(VSTACK(B1,B2,B3)))", 1, 6),
            ("=SUMPRODUCT(LEN(HSTACK(B1,B3)))", 1, 4),
        ],
    )
    def test_an_array_made_without_a_range_is_looked_at(
        self, formula: str, engine: int, excel: int
    ) -> None:
        """A formula without a range, array constant or spill whose function answers an
        array (TEXTSPLIT, VSTACK, HSTACK …) was not looked at: the engine's wrong number
        (2 where Excel gives 6) stood in the copy. Every function of `_ARRAY_ANSWER` now
        marks a formula to look at."""
        assert plain(TestTheEngine()._compute([formula], texts=True)[0]) == engine != excel
        assert check(formula) is not None
        for name in elementwise._ARRAY_ANSWER:
            assert check(f"=SUMPRODUCT(LEN(_xlfn.{name.lower()}(B1)))") is not None, name

    def test_a_range_of_one_cell_is_one_cell(self) -> None:
        """``$B$2:B2`` (the first row of a running range) is one cell: the engine gives
        Excel's LEN, so it is computed; the next row's ``$B$2:B3``, which differs only in a
        row number, is still refused (the checker keeps no answer its row numbers decided)."""
        assert plain(TestTheEngine()._compute(["=LEN($B$2:B2)"], texts=True)[0]) == 2
        checker = elementwise.Checker(calc.formula_tree)
        assert checker.check("=LEN($B$2:B2)") is None
        assert checker.check("=LEN($B$2:B3)") is not None
        assert checker.check("=LEN('Blad 1'!B2:B2)") is None
        assert checker.check("=LEN(Blad1:Blad3!B2:B2)") is not None
        assert checker.check("=LEN(B:B)") is not None

    def test_a_spill_reference_is_named_as_such(self) -> None:
        """``LEN(A1#)``: the report names the spill range, not "een berekening over een
        bereik" (there is no calculation in it)."""
        why = check("=SUMPRODUCT(LEN(Blad1!$A$1#))")
        assert why is not None
        assert "LEN krijgt hier het overloopbereik Blad1!$A$1#;" in why

    def test_an_unknown_function_is_reported_as_unknown(self, tmp_path: Path) -> None:
        """A function the engine does not know (a new one of Excel's, a VBA function) is
        reported as unknown: nothing is known of its parameters, and PERCENTOF takes its
        ranges whole in Excel. It was reported as "PERCENTOF krijgt hier B1:B5; Excel
        rekent dat per element", which is false."""
        formulas = ["=XYZ(A1:A5)", "=_xludf.MYUDF(B1:B5)", "=PERCENTOF(B1:B5,B1:B5)"]
        report, sheet = recalc(build(tmp_path / "onbekend.xlsx", formulas))
        reasons = {p.cell: p.reason for p in report.problems}
        assert set(reasons) == {"G1", "G2", "G3"}
        assert all("onbekend" in reason for reason in reasons.values()), reasons
        assert not any("per element" in reason for reason in reasons.values()), reasons
        assert [sheet[f"G{row}"].value for row in (1, 2, 3)] == ["#NAME?"] * 3

    def test_an_unknown_function_hides_no_element_wise_call(self) -> None:
        """Past an unknown function the walk goes on: LEN over a range in the other branch
        is still refused, and a LET name of a LAMBDA is the formula's own function."""
        checker = elementwise.Checker(calc.formula_tree, calc.unknown_functions)
        assert checker.check("=IF(FALSE,XYZ(B1:B5),SUMPRODUCT(LEN(A1:A5)))") is not None
        assert checker.check("=LET(f,LAMBDA(x,LEN(x)),f(A1:A5))") is not None
        assert checker.check("=XYZ(A1:A5)") is None

    def test_a_column_is_decided_per_cell_where_a_number_decides(self) -> None:
        """``INDEX(…;0)`` and ``INDEX(…;1)`` differ only in a digit: each is decided by
        itself, also after the other (the checker keeps what it has seen)."""
        checker = elementwise.Checker(calc.formula_tree)
        assert checker.check("=LEN(INDEX(A1:A5,1))") is None
        assert checker.check("=SUMPRODUCT(LEN(INDEX(A1:A5,0)))") is not None
        assert checker.check("=LEN(INDEX(A2:A6,1))") is None
        assert checker.check("=LET(x1,A1:A5,x2,A1,LEN(x2))") is None
        assert checker.check("=LET(x1,A1:A5,x2,A1,LEN(x1))") is not None


class TestTheEngine:
    """What the lists in `elementwise` say of ``formualizer``, checked against it: when a
    new version lifts more functions, the first test fails and the list can shrink."""

    def _compute(self, formulas: list[str], *, texts: bool = False) -> list[Any]:
        values: dict[tuple[int, int], Any]
        values = {(r, 1): v for r, v in enumerate([1.0, -2.5, 3.7], start=1)}
        if texts:  # column B: "a", "bb", "ccc"
            values.update({(r, 2): "abc"[:r] for r in (1, 2, 3)})
        sheet = calc.Input(
            name="S",
            values=values,
            formulas={(1, 3 + 2 * i): f for i, f in enumerate(formulas)},
            arrays={},
        )
        outputs, _ = calc.compute([sheet], {}, today=None, tick=lambda _: None)
        return [outputs["S"].values[(1, 3 + 2 * i)] for i in range(len(formulas))]

    def test_it_still_needs_the_check(self) -> None:
        """``LEN``, ``ISNUMBER`` and ``ABS`` over a range: the engine's answers are not
        Excel's 9, 3 and 7.2."""
        got = self._compute(
            ["=SUMPRODUCT(LEN(A1:A3))", "=SUMPRODUCT(--ISNUMBER(A1:A3))", "=SUMPRODUCT(ABS(A1:A3))"]
        )
        assert plain(got[0]) != 9
        assert plain(got[1]) != 3
        assert plain(got[2]) != 7.2

    @pytest.mark.parametrize("name", sorted(elementwise._LIFTED - {"IF", "IFERROR", "IFNA"}))
    def test_listed_functions_lift(self, name: str) -> None:
        """Each function the check lets through gives, over a range, each element's answer
        (summed as SUMPRODUCT does)."""
        args = ",1" if name == "ATAN2" else ""
        separate = self._compute([f"={name}({cell}{args})" for cell in ("A1", "A2", "A3")])
        together = self._compute([f"=SUMPRODUCT({name}(A1:A3{args}))"])
        assert plain(together[0]) == plain(sum(separate))

    def test_if_iferror_ifna_lift(self) -> None:
        got = self._compute(
            [
                "=SUMPRODUCT(IF(A1:A3>0,1,0))",
                "=SUMPRODUCT(IFERROR(1/(A1:A3-1),7))",
                "=SUMPRODUCT(IFNA(A1:A3,0))",
            ]
        )
        assert [plain(value) for value in got] == [2, plain(7 + 1 / -3.5 + 1 / 2.7), 2.2]


@needs_libreoffice
class TestAgainstLibreOffice:
    """Every computed cell equals LibreOffice's; every refused cell is one where
    LibreOffice computes a value (so the engine's answer was Excel's by no means)."""

    def test_both_lists(self, tmp_path: Path) -> None:
        formulas = [f for f, _, _ in WRONG] + [f for f, _ in RIGHT]
        source = build(tmp_path / "beide.xlsx", formulas)
        report, ours = recalc(source)
        computed = tmp_path / "libreoffice.xlsx"
        compute_with_libreoffice(source, computed)
        theirs = openpyxl.load_workbook(computed, data_only=True)["Blad1"]
        refused = {p.cell for p in report.problems}
        for row, formula in enumerate(formulas, start=1):
            cell = f"G{row}"
            if row <= len(WRONG):
                assert cell in refused, formula
                assert plain(theirs[cell].value) == WRONG[row - 1][2], formula
            else:
                assert cell not in refused, formula
                assert plain(ours[cell].value) == plain(theirs[cell].value), formula
