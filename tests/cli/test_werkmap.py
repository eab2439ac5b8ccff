"""``reintegratie werkmap``: headless recalculation of any workbook, safely.

Expected values come from the Excel functions called directly (``reintegratie_addin.udfs``,
as Excel would call them) and from Python's own date arithmetic for Excel's functions.
"""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.formula import ArrayFormula

from reintegratie_addin import udfs
from reintegratie_cli.archive import Limits, WorkbookError, check_archive
from reintegratie_cli.main import main
from reintegratie_cli.recalc import package, recalculation

FUNCTIONS = udfs.contract_functions()


def build(path: Path, cells: dict[str, Any], sheet: str = "Blad 1") -> Path:
    """A workbook with ``cells`` (coordinate → value, formula text or ArrayFormula)."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for coordinate, value in cells.items():
        ws[coordinate] = value
    book.save(path)
    return path


def recalc(source: Path, **options: Any) -> tuple[recalculation.Report, Any]:
    """Recalculate ``source`` next to it; the report and the written sheet values."""
    target = source.with_name(source.stem + "-uit.xlsx")
    report = recalculation.recalculate(source, target, functions=FUNCTIONS, **options)
    return report, openpyxl.load_workbook(target, data_only=True)


def as_date(value: Any) -> Any:
    """A written date cell (datetime) as a date; anything else unchanged."""
    return value.date() if isinstance(value, datetime) else value


def serial(day: date) -> int:
    """Excel's serial number of a date."""
    return (day - date(1899, 12, 30)).days


def rewrite_part(path: Path, part: str, change: Callable[[str], str]) -> None:
    """Rewrite one XML part of an xlsx archive in place."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    assert part in {info.filename for info, _ in items}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            new = change(data.decode("utf-8")).encode("utf-8") if info.filename == part else data
            archive.writestr(info.filename, new)


def as_dynamic(path: Path, cell: str) -> None:
    """Mark the formula of ``cell`` (on the first sheet) as Excel 365 saves a dynamic array
    (``cm`` and ``t="array"``): it has Excel 365's meaning, not a plain formula's."""

    def change(xml: str) -> str:
        plain = f'<c r="{cell}"><f>'
        assert plain in xml
        return xml.replace(plain, f'<c r="{cell}" cm="1"><f t="array" ref="{cell}">')

    rewrite_part(path, "xl/worksheets/sheet1.xml", change)


FIRST = datetime(2025, 1, 6)


class TestMixedFormulas:
    @pytest.fixture
    def mixed(self, tmp_path: Path) -> Path:
        """RI_ functions mixed with IF, DATE and arithmetic, some lifted, one table."""
        return build(
            tmp_path / "gemengd.xlsx",
            {
                "A1": FIRST,
                "A2": datetime(2025, 3, 3),
                "A3": datetime(2024, 11, 18),
                "B1": datetime(2025, 11, 3),
                "C1": '=RI_MIJLPAAL(A1,"42e week")+7',
                "C2": '=IF(RI_MIJLPAAL(A2,"42e week")>DATE(2025,12,1),"laat","vroeg")',
                "C3": "=RI_WERKDAG(DATE(2025,12,24),3)",
                "C4": "=RI_ZIEKTEDAGEN(A1,B1)*2",
                "C5": "=ROUND(RI_RESTERENDE_WEKEN(A1,B1)*7,0)",
                "C6": '=RI_MIJLPAAL(A1,"einde_loondoorbetaling")-A1',
                "C7": '=RI_MIJLPAAL(A1,"pva",,10)',
                "C8": '=RI_MIJLPAAL(C6+A1,"42e week")',
                "D1": ArrayFormula("D1:D3", '=RI_MIJLPAAL(A1:A3,"42e week")'),
                "E1": ArrayFormula("E1:G11", "=RI_TIJDLIJN(A1)"),
                "H1": ArrayFormula("H1:H3", "=A1:A3+1"),
                "I1": ArrayFormula("I1:I3", "=RI_WERKDAG(H1:H3,1)"),
                "J2": "=RI_WERKDAG(H2,1)",
            },
        )

    def test_values_equal_the_functions_called_directly(self, mixed: Path) -> None:
        """Each mixed formula equals the RI_ function called directly, combined in Python."""
        report, book = recalc(mixed)
        ws = book["Blad 1"]
        m42 = udfs.RI_MIJLPAAL(FIRST, "42e week")
        serial = (m42 - date(1899, 12, 30)).days
        assert ws["C1"].value == serial + 7
        later = udfs.RI_MIJLPAAL(datetime(2025, 3, 3), "42e week")
        assert ws["C2"].value == ("laat" if later > date(2025, 12, 1) else "vroeg")
        assert as_date(ws["C3"].value) == udfs.RI_WERKDAG(datetime(2025, 12, 24), 3)
        assert ws["C4"].value == 2 * udfs.RI_ZIEKTEDAGEN(FIRST, datetime(2025, 11, 3))
        weeks = udfs.RI_RESTERENDE_WEKEN(FIRST, datetime(2025, 11, 3))
        assert ws["C5"].value == round(weeks * 7)
        end = udfs.RI_MIJLPAAL(FIRST, "einde_loondoorbetaling")
        assert ws["C6"].value == (end - FIRST.date()).days
        assert as_date(ws["C7"].value) == udfs.RI_MIJLPAAL(FIRST, "pva", None, 10)
        assert as_date(ws["C8"].value) == udfs.RI_MIJLPAAL(end, "42e week")
        column = udfs.RI_MIJLPAAL(
            [[FIRST], [datetime(2025, 3, 3)], [datetime(2024, 11, 18)]], "42e week"
        )
        assert [as_date(ws[f"D{r}"].value) for r in (1, 2, 3)] == [row[0] for row in column]
        after = [[datetime(2025, 1, 7)], [datetime(2025, 3, 4)], [datetime(2024, 11, 19)]]
        assert [as_date(ws[f"I{r}"].value) for r in (1, 2, 3)] == [
            row[0] for row in udfs.RI_WERKDAG(after, 1)
        ]
        assert as_date(ws["J2"].value) == udfs.RI_WERKDAG(after[1][0], 1)
        table = udfs.RI_TIJDLIJN(FIRST)
        written = [[as_date(ws.cell(r, c).value) for c in range(5, 8)] for r in range(1, 12)]
        assert written == table
        assert report.problems == ()
        assert report.error_values == ()

    def test_date_results_are_shown_as_dates(self, mixed: Path) -> None:
        """A cell without a number format that gets an RI_ date shows it as a date."""
        _, book = recalc(mixed)
        ws = book["Blad 1"]
        assert isinstance(ws["C3"].value, datetime)
        assert ws["C3"].is_date
        assert not isinstance(ws["C1"].value, datetime)  # a date + 7 is a number, as in Excel

    def test_a_styled_cell_keeps_its_style_with_a_date_format(self, tmp_path: Path) -> None:
        """A formula cell with a style of its own (bold, General) that gets an RI_ date keeps
        the style and shows the date as a date."""
        from openpyxl.styles import Font

        book = openpyxl.Workbook()
        ws = book.active
        assert ws is not None
        ws.title = "Blad 1"
        ws["A1"] = FIRST
        ws["B1"] = '=RI_MIJLPAAL(A1,"42e week")'
        ws["B1"].font = Font(bold=True)
        path = tmp_path / "vet.xlsx"
        book.save(path)
        _, copy = recalc(path)
        cell = copy["Blad 1"]["B1"]
        assert cell.is_date
        assert cell.font.bold
        assert as_date(cell.value) == udfs.RI_MIJLPAAL(FIRST, "42e week")


class TestBrokenFormulas:
    @pytest.fixture
    def broken(self, tmp_path: Path) -> Path:
        """One formula that cannot be read, one unknown function, one Excel error, the rest fine."""
        return build(
            tmp_path / "kapot.xlsx",
            {
                "A1": FIRST,
                "B1": "=SUM(A1",
                "B2": "=ONBEKENDEFUNCTIE(A1)",
                "B3": "=B2+1",
                "B4": "=1/0",
                "B5": '=RI_MIJLPAAL(A1,"42e week")',
                "B6": "=A1+1",
                "B7": "=RI_ONBEKEND(A1)",
                "B8": '=RI_MIJLPAAL("31-02-2025","42e week")',
            },
        )

    def test_other_values_are_still_computed(self, broken: Path) -> None:
        """A formula that cannot be computed is reported by sheet and cell; the rest is computed."""
        report, book = recalc(broken)
        ws = book["Blad 1"]
        assert as_date(ws["B5"].value) == udfs.RI_MIJLPAAL(FIRST, "42e week")
        assert ws["B6"].value == (FIRST.date() - date(1899, 12, 30)).days + 1
        problems = {(p.sheet, p.cell): p.reason for p in report.problems}
        assert set(problems) == {("Blad 1", "B1"), ("Blad 1", "B2"), ("Blad 1", "B7")}
        assert "ONBEKENDEFUNCTIE" in problems[("Blad 1", "B2")]
        assert "RI_ONBEKEND" in problems[("Blad 1", "B7")]
        errors = {p.cell: p.reason for p in report.error_values}
        assert errors == {
            "B1": "#NAME?",
            "B2": "#NAME?",
            "B3": "#NAME?",
            "B4": "#DIV/0!",
            "B7": "#NAME?",
        }
        assert [p.cell for p in report.function_errors] == ["B8"]
        assert ws["B8"].value == udfs.RI_MIJLPAAL("31-02-2025", "42e week")

    def test_strict_exit_code(
        self, broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The CLI writes the copy and lists the cells; --streng makes that exit code 1."""
        out = tmp_path / "uit.xlsx"
        assert main(["werkmap", str(broken), "--uit", str(out)]) == 0
        err = capsys.readouterr().err
        assert "Blad 1!B1" in err
        assert "ONBEKENDEFUNCTIE" in err
        assert main(["werkmap", str(broken), "--uit", str(out), "--streng"]) == 1
        assert out.exists()

    def test_unreadable_cell(self, tmp_path: Path) -> None:
        """A cell whose stored value cannot be read becomes #N/A and is reported; the rest is computed."""
        path = build(tmp_path / "cel.xlsx", {"A1": 5, "A2": 7, "B1": "=A1*2", "B2": "=A2*2"})
        rewrite_part(
            path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("<v>7</v>", "<v>zeven</v>")
        )
        report, book = recalc(path)
        ws = book["Blad 1"]
        assert ws["B1"].value == 10
        assert ws["B2"].value == "#N/A"
        assert [(p.sheet, p.cell) for p in report.problems] == [("Blad 1", "A2")]
        assert "onleesbaar" in report.problems[0].reason


class TestAddinForms:
    def test_saved_forms_are_computed(self, tmp_path: Path) -> None:
        """_xludf., [1]! and a written-out add-in path compute as the plain call."""
        path = build(
            tmp_path / "vormen.xlsx",
            {
                "A1": FIRST,
                "B1": '=_xludf.RI_MIJLPAAL(A1,"42e week")',
                "B2": '=[1]!RI_MIJLPAAL(A1,"42e week")',
                "B3": "='C:\\Program Files\\Reintegratie\\reintegratie.xlam'!RI_MIJLPAAL(A1,\"42e week\")",
                "B4": '=IF(_xludf.RI_MIJLPAAL(A1,"42e week")>0,"ja","nee")',
                "C1": ArrayFormula("C1:C1", '=[1]!RI_MIJLPAAL(A1,"42e week")'),
            },
        )
        report, book = recalc(path)
        ws = book["Blad 1"]
        expected = udfs.RI_MIJLPAAL(FIRST, "42e week")
        assert [as_date(ws[c].value) for c in ("B1", "B2", "B3", "C1")] == [expected] * 4
        assert ws["B4"].value == "ja"
        assert report.problems == ()


class TestUntrustedInput:
    def test_defusedxml_parses_the_package(self) -> None:
        """Every XML part Python reads goes through defusedxml's parser."""
        assert package.iterparse.__module__.startswith("defusedxml")

    def test_entities_are_refused(self, tmp_path: Path) -> None:
        """A workbook whose XML declares entities is refused with a clear message."""
        path = build(tmp_path / "xxe.xlsx", {"A1": "tekst"})
        bomb = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>'
        rewrite_part(path, "xl/worksheets/sheet1.xml", lambda xml: bomb + xml.split("?>", 1)[-1])
        with pytest.raises(WorkbookError, match="DTD of entiteiten"):
            recalc(path)

    def test_zip_bomb_is_refused(self, tmp_path: Path) -> None:
        """A part that compresses far beyond any real sheet is refused before it is read."""
        path = build(tmp_path / "bom.xlsx", {"A1": 1})
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/media/opvulling.bin", b"\0" * (8 * 1024 * 1024))
        with pytest.raises(WorkbookError, match="zipbom") as caught:
            recalc(path)
        # About 1.000× (deflate's best): the ratio with the Dutch thousands point, never
        # "1,030×", which a Dutch reader reads as one comma thirty.
        assert re.search(r" is [1-9]\.\d{3}× gecomprimeerd", str(caught.value)), caught.value

    @pytest.mark.parametrize("fraction", [0.1, 0.4, 0.49])
    def test_a_ratio_just_above_the_limit_never_reads_as_the_limit(
        self, tmp_path: Path, fraction: float
    ) -> None:
        """A part compressed 200.4× with a limit of 200× is refused: the message must not
        read "is 200× gecomprimeerd …; de grens is 200×", which reads as within it."""
        path = build(tmp_path / "bom.xlsx", {"A1": 1})
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/media/opvulling.bin", b"\0" * (8 * 1024 * 1024))
        with zipfile.ZipFile(path) as archive:
            part = archive.getinfo("xl/media/opvulling.bin")
        ratio = part.file_size / part.compress_size
        # the limit just below the ratio, by less than half: the ratio rounds to the limit
        limit = int(ratio - fraction) if ratio - int(ratio) >= fraction else int(ratio) - 1
        limits = Limits(compression_ratio=limit)
        with pytest.raises(WorkbookError, match="zipbom") as caught:
            check_archive(path, limits)
        message = str(caught.value)
        shown = re.search(r" is (?:meer dan )?([\d.]+)× gecomprimeerd", message)
        assert shown is not None, message
        assert int(shown.group(1).replace(".", "")) > limit or "meer dan" in message, message

    def test_sizes_have_the_dutch_thousands_point(self, tmp_path: Path) -> None:
        """A 2 GiB file (sparse: no disk used) is "2.048,0 MB", with the one Dutch
        thousands formatter of the shells, not "2 048,0 MB"."""
        path = tmp_path / "groot.xlsx"
        with path.open("wb") as stream:
            stream.truncate(2 * 1024**3)
        with pytest.raises(WorkbookError) as caught:
            recalc(path)
        assert "is 2.048,0 MB groot" in str(caught.value)

    @pytest.mark.parametrize(
        ("limits", "message"),
        [
            (Limits(cells=3), "gevulde cellen"),
            (Limits(formulas=1), "formules"),
            (Limits(uncompressed_bytes=1000), "pakt uit tot"),
            (Limits(file_bytes=100), "groot"),
            (Limits(zip_entries=3), "onderdelen"),
        ],
    )
    def test_absurd_sizes_are_refused(self, tmp_path: Path, limits: Limits, message: str) -> None:
        """Each limit refuses a workbook that exceeds it, naming the size and the limit."""
        path = build(tmp_path / "groot.xlsx", {"A1": 1, "A2": 2, "B1": "=A1+1", "B2": "=A2+1"})
        with pytest.raises(WorkbookError, match=message):
            recalc(path, limits=limits)

    def test_absurd_sheet_area_is_refused(self, tmp_path: Path) -> None:
        """Two cells far apart span an area the engine would walk cell by cell: refused."""
        book = openpyxl.Workbook()
        ws = book.active
        assert ws is not None
        ws["A1"] = 1
        ws.cell(row=1_000_000, column=100, value="=A1+1")
        ws.title = "Blad, ver"
        path = tmp_path / "ver, groot.xlsx"
        book.save(path)
        with pytest.raises(WorkbookError, match="beslaat") as caught:
            recalc(path)
        # names keep their commas; counts read the Dutch way, without a Python repr
        message = str(caught.value)
        assert 'ver, groot.xlsx: blad "Blad, ver" beslaat 100.000.000 cellen' in message

    @pytest.mark.parametrize("content", [b"geen zip", b"PK\x03\x04 kapot"])
    def test_not_a_workbook(self, tmp_path: Path, content: bytes) -> None:
        """A file that is not an xlsx archive is refused with the accepted format."""
        path = tmp_path / "nep.xlsx"
        path.write_bytes(content)
        with pytest.raises(WorkbookError, match=r"\.xlsx"):
            recalc(path)

    def test_other_workbooks_are_not_read(self, tmp_path: Path) -> None:
        """A reference to another workbook is not followed, even when that file exists."""
        build(tmp_path / "ander.xlsx", {"A1": 42}, sheet="Blad1")
        path = build(tmp_path / "verwijst.xlsx", {"A1": "='[ander.xlsx]Blad1'!A1", "A2": "=1+1"})
        report, book = recalc(path)
        ws = book["Blad 1"]
        assert any("ander.xlsx" in note for note in report.notes)
        assert ws["A1"].value != 42
        assert ws["A1"].value in ("#REF!", "#NAME?")
        assert ws["A2"].value == 2

    def test_macros_are_not_kept(self, tmp_path: Path) -> None:
        """A macro part is never loaded; the copy has none, and the report says so."""
        path = build(tmp_path / "macro.xlsm", {"A1": 1, "B1": "=A1+1"})
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("xl/vbaProject.bin", b"Attribute VB_Name = 'kwaadaardig'")
        report, _ = recalc(path)
        assert any("macro" in note for note in report.notes)
        with zipfile.ZipFile(path.with_name("macro-uit.xlsx")) as archive:
            assert not any("vba" in name.lower() for name in archive.namelist())


class TestInputUnchanged:
    def test_input_bytes_and_time_stay(self, tmp_path: Path) -> None:
        """The input file is read only: same bytes, same modification time; no temporary files left."""
        path = build(
            tmp_path / "in.xlsx", {"A1": FIRST, "B1": '=RI_MIJLPAAL(A1,"pva")', "B2": "=1+"}
        )
        before = (path.read_bytes(), os.stat(path).st_mtime_ns)
        recalc(path)
        assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in-uit.xlsx", "in.xlsx"]

    def test_output_may_not_be_the_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Writing over the input is refused (exit code 2)."""
        path = build(tmp_path / "in.xlsx", {"A1": 1})
        assert main(["werkmap", str(path), "--uit", str(path)]) == 2
        assert "invoerbestand" in capsys.readouterr().err

    def test_peildatum_is_read_as_every_command_reads_a_date(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--peildatum takes DD-MM-JJJJ as signalen and tijdlijn do (one date parser for
        the shells); an impossible date is a usage error (exit code 2) saying what is
        accepted."""
        from openpyxl import load_workbook

        path = build(tmp_path / "in.xlsx", {"A1": "=TODAY()"})
        out = tmp_path / "uit.xlsx"
        assert (
            main(["werkmap", str(path), "--uit", str(out), "--stil", "--peildatum", "3-11-2025"])
            == 0
        )
        assert load_workbook(out, data_only=True)["Blad 1"]["A1"].value == serial(date(2025, 11, 3))
        with pytest.raises(SystemExit) as stop:
            main(["werkmap", str(path), "--uit", str(out), "--peildatum", "31-02-2025"])
        assert stop.value.code == 2
        assert "verwacht een datum" in capsys.readouterr().err

    def test_output_is_xlsx(self, tmp_path: Path) -> None:
        """The copy is always .xlsx."""
        path = build(tmp_path / "in.xlsx", {"A1": 1})
        with pytest.raises(WorkbookError, match=r"\.xlsx"):
            recalculation.recalculate(path, tmp_path / "uit.xlsm", functions=FUNCTIONS)


class _Recorder:
    def __init__(self) -> None:
        self.phases: list[tuple[str, int]] = []
        self.steps: dict[str, int] = {}

    def __call__(self, description: str, total: int) -> Any:
        self.phases.append((description, total))
        recorder = self

        class Bar:
            def update(self, n: int = 1) -> None:
                recorder.steps[description] = recorder.steps.get(description, 0) + n

            def close(self) -> None:
                return None

        return Bar()


class TestProgress:
    def test_phases_are_reported(self, tmp_path: Path) -> None:
        """Progress goes through reading, computing and writing, counting formula cells."""
        path = build(
            tmp_path / "voortgang.xlsx",
            {
                "A1": FIRST,
                **{f"B{r}": f'=RI_MIJLPAAL(A1,"pva",,{r})' for r in range(1, 6)},
                "C1": "=A1+1",
            },
        )
        recorder = _Recorder()
        recalc(path, progress=recorder)
        names = [name for name, _ in recorder.phases]
        assert names == ["lezen", "rekenen", "schrijven"]
        assert dict(recorder.phases)["rekenen"] == 2 * 6
        assert recorder.steps["rekenen"] == 2 * 6
        assert recorder.steps["schrijven"] == 6


class TestAgreement:
    """RI_ values computed in the engine equal the functions called as Excel calls them."""

    @settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        firsts=st.lists(st.dates(date(2020, 1, 1), date(2030, 12, 31)), min_size=1, max_size=6),
        weeks=st.integers(0, 52),
    )
    def test_engine_values_equal_direct_calls(
        self, tmp_path_factory: pytest.TempPathFactory, firsts: list[date], weeks: int
    ) -> None:
        """For any first sick days, the engine's RI_ values equal the functions called directly."""
        folder = tmp_path_factory.mktemp("eigenschap")
        cells: dict[str, Any] = {"B1": weeks}
        for row, first in enumerate(firsts, start=1):
            cells[f"A{row}"] = datetime.combine(first, datetime.min.time())
            cells[f"C{row}"] = f'=RI_MIJLPAAL(A{row},"einde_loondoorbetaling",,$B$1)'
            cells[f"D{row}"] = f"=RI_WERKDAG(A{row},$B$1)"
        _, book = recalc(build(folder / "w.xlsx", cells))
        ws = book["Blad 1"]
        for row, first in enumerate(firsts, start=1):
            assert as_date(ws[f"C{row}"].value) == udfs.RI_MIJLPAAL(
                first, "einde_loondoorbetaling", None, weeks
            )
            assert as_date(ws[f"D{row}"].value) == udfs.RI_WERKDAG(first, weeks)


class TestEngineBehaviour:
    """What the formualizer engine must give, as Excel does (issue 12)."""

    def test_excel_functions_that_formulas_got_wrong(self, tmp_path: Path) -> None:
        """DATEDIF with a lower-case unit, WORKDAY from a weekend day or holiday, the
        SUMPRODUCT(--(…)) count, ROWS(FILTER(…)), ROWS(RI_TIJDLIJN(…)), INDEX/MATCH on whole
        columns and a whole-column VLOOKUP."""
        path = build(
            tmp_path / "excel.xlsx",
            {
                "A1": datetime(2025, 1, 4),  # a Saturday
                "A2": datetime(2025, 1, 6),
                "A3": datetime(2025, 3, 3),
                "B1": 10,
                "B2": 20,
                "B3": 30,
                "D1": datetime(2025, 1, 6),  # a holiday
                "C1": '=DATEDIF(A2,A3,"d")',
                "C2": "=WORKDAY(A1,1)",
                "C3": "=WORKDAY(A2,1,D1:D1)",
                "C4": "=SUMPRODUCT(--(B1:B3<25))",
                "C5": "=ROWS(FILTER(B1:B3,B1:B3>15))",
                "C6": "=ROWS(RI_TIJDLIJN(A2))",
                "C7": "=INDEX(B:B,MATCH(A3,A:A,0))",
                "C8": "=VLOOKUP(A2,A:B,2,FALSE)",
                "C9": '=COUNTIFS(B:B,">15")',
                "C10": '=WORKDAY(RI_MIJLPAAL(A2,"42e week"),5)',
                "C11": '=SUMPRODUCT(--(A1:A3<RI_MIJLPAAL(A2,"probleemanalyse")))',
            },
        )
        report, book = recalc(path)
        ws = book["Blad 1"]
        assert ws["C1"].value == (date(2025, 3, 3) - date(2025, 1, 6)).days
        assert ws["C2"].value == serial(date(2025, 1, 6))  # a number, as Excel stores it
        assert ws["C3"].value == serial(date(2025, 1, 7))
        assert ws["C4"].value == 2
        assert ws["C5"].value == 2
        assert ws["C6"].value == len(udfs.RI_TIJDLIJN(datetime(2025, 1, 6)))
        assert ws["C7"].value == 30
        assert ws["C8"].value == 20
        assert ws["C9"].value == 2
        milestone = udfs.RI_MIJLPAAL(datetime(2025, 1, 6), "42e week")
        weekdays = [milestone + timedelta(days=n) for n in range(1, 10)]
        fifth = [day for day in weekdays if day.weekday() < 5][4]
        assert ws["C10"].value == serial(fifth)
        analysis = udfs.RI_MIJLPAAL(datetime(2025, 1, 6), "probleemanalyse")
        firsts = [date(2025, 1, 4), date(2025, 1, 6), date(2025, 3, 3)]
        assert ws["C11"].value == sum(1 for day in firsts if day < analysis)
        assert report.problems == ()

    def test_today_follows_the_peildatum(self, tmp_path: Path) -> None:
        """TODAY() and NOW() give the date passed as --peildatum."""
        path = build(tmp_path / "vandaag.xlsx", {"A1": "=TODAY()", "A2": "=INT(NOW())"})
        _, book = recalc(path, today=date(2025, 11, 3))
        assert [book["Blad 1"]["A1"].value, book["Blad 1"]["A2"].value] == [
            serial(date(2025, 11, 3))
        ] * 2

    def test_array_results_spill_as_dynamic_arrays(self, tmp_path: Path) -> None:
        """A formula whose answer is a table spills; the copy marks it as a dynamic array."""
        path = build(tmp_path / "spill.xlsx", {"A1": FIRST, "B1": "=RI_TIJDLIJN(A1)"})
        _, book = recalc(path)
        table = udfs.RI_TIJDLIJN(FIRST)
        ws = book["Blad 1"]
        written = [
            [as_date(ws.cell(r, c).value) for c in range(2, 2 + len(table[0]))]
            for r in range(1, 1 + len(table))
        ]
        assert written == table
        out = tmp_path / "spill-uit.xlsx"
        with zipfile.ZipFile(out) as archive:
            sheet = archive.read("xl/worksheets/sheet1.xml").decode()
            assert "xl/metadata.xml" in archive.namelist()
        last = f"{chr(ord('B') + len(table[0]) - 1)}{len(table)}"
        assert f'ref="B1:{last}"' in sheet
        assert 'cm="1"' in sheet

    def test_error_values_propagate(self, tmp_path: Path) -> None:
        """#N/A, #VALUE! and #DIV/0! in input cells flow through Excel's functions, and reach
        an RI_ function as their text (as xlwings passes them); an error text it answers
        becomes the error value."""
        path = build(
            tmp_path / "fouten.xlsx",
            {
                "A1": 1,
                "A2": 2,
                "A3": 3,
                "B1": "=A1+1",
                "B2": "=IFERROR(A2,0)",
                "B3": "=RI_ECHO(A3)",
                "B4": "=ISNA(A1)",
                "C1": "=RI_ECHO(A1:A3)",
            },
        )
        errors = {"A1": "#N/A", "A2": "#VALUE!", "A3": "#DIV/0!"}

        def to_errors(xml: str) -> str:
            for cell, error in errors.items():
                value = cell[1]
                xml = xml.replace(
                    f'<c r="{cell}" t="n"><v>{value}</v></c>',
                    f'<c r="{cell}" t="e"><v>{error}</v></c>',
                )
            return xml

        rewrite_part(path, "xl/worksheets/sheet1.xml", to_errors)
        seen: list[Any] = []

        def echo(value: Any) -> Any:
            seen.append(value)
            return value

        target = tmp_path / "fouten-uit.xlsx"
        report = recalculation.recalculate(path, target, functions={**FUNCTIONS, "RI_ECHO": echo})
        ws = openpyxl.load_workbook(target, data_only=True)["Blad 1"]
        assert [ws[c].value for c in ("B1", "B2", "B3", "B4")] == ["#N/A", 0, "#DIV/0!", True]
        assert seen[0] == "#DIV/0!" or [["#N/A"], ["#VALUE!"], ["#DIV/0!"]] in seen
        assert [["#N/A"], ["#VALUE!"], ["#DIV/0!"]] in seen
        assert [ws[f"C{r}"].value for r in (1, 2, 3)] == ["#N/A", "#VALUE!", "#DIV/0!"]
        assert {p.cell for p in report.error_values} >= {"B1", "B3"}


class TestCopyKeepsTheWorkbook:
    def test_styles_widths_validation_and_names_stay(self, tmp_path: Path) -> None:
        """The copy has the user's number formats, fonts, column widths, data validation and
        defined names; only cached values are added, the formulas stay."""
        from openpyxl.styles import Font
        from openpyxl.workbook.defined_name import DefinedName
        from openpyxl.worksheet.datavalidation import DataValidation

        book = openpyxl.Workbook()
        ws = book.active
        assert ws is not None
        ws.title = "Blad 1"
        ws["A1"] = FIRST
        ws["A1"].number_format = "d mmmm yyyy"
        ws["B1"] = '=RI_MIJLPAAL(A1,"42e week")'
        ws["B1"].number_format = "dd-mm-yyyy"
        ws["B1"].font = Font(bold=True, color="FF0000")
        ws["C1"] = "=Termijn*2"
        ws["D1"] = 7
        ws.column_dimensions["B"].width = 31
        validation = DataValidation(type="list", formula1='"ja,nee"')
        validation.add("E1:E10")
        ws.add_data_validation(validation)
        book.defined_names["Termijn"] = DefinedName("Termijn", attr_text="'Blad 1'!$D$1")
        path = tmp_path / "opmaak.xlsx"
        book.save(path)
        report, _ = recalc(path)
        out = tmp_path / "opmaak-uit.xlsx"
        copy = openpyxl.load_workbook(out)
        values = openpyxl.load_workbook(out, data_only=True)["Blad 1"]
        sheet = copy["Blad 1"]
        assert sheet["B1"].value == '=RI_MIJLPAAL(A1,"42e week")'
        assert as_date(values["B1"].value) == udfs.RI_MIJLPAAL(FIRST, "42e week")
        assert values["C1"].value == 14
        assert sheet["B1"].number_format == "dd-mm-yyyy"
        assert sheet["A1"].number_format == "d mmmm yyyy"
        assert sheet["B1"].font.bold
        assert sheet.column_dimensions["B"].width == 31
        assert [str(v.sqref) for v in sheet.data_validations.dataValidation] == ["E1:E10"]
        assert "Termijn" in copy.defined_names
        assert report.problems == ()

    def test_without_formulas_validation_and_names_stay(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """No cell formula (the engine is skipped): data validation and defined names — one
        with an RI_ call, one to another workbook — are copied unchanged; the summary says 0
        formulas and lists nothing, also with --streng (exit 0)."""
        from openpyxl.workbook.defined_name import DefinedName
        from openpyxl.worksheet.datavalidation import DataValidation

        book = openpyxl.Workbook()
        ws = book.active
        assert ws is not None
        ws.title = "Blad 1"
        ws["A1"] = FIRST
        ws["B1"] = "1.234"
        validation = DataValidation(type="list", formula1='"ja,nee"')
        validation.add("E1:E10")
        ws.add_data_validation(validation)
        book.defined_names["Mijlpaal"] = DefinedName(
            "Mijlpaal", attr_text="RI_MIJLPAAL('Blad 1'!$A$1,\"42e week\")"
        )
        book.defined_names["Elders"] = DefinedName("Elders", attr_text="[1]Blad1!$A$1")
        path = tmp_path / "lijst.xlsx"
        book.save(path)
        out = tmp_path / "uit.xlsx"
        assert main(["werkmap", str(path), "--uit", str(out), "--streng"]) == 0
        err = capsys.readouterr().err
        assert err.strip() == f"{out}: 0 formules berekend"
        copy = openpyxl.load_workbook(out)
        sheet = copy["Blad 1"]
        assert [str(v.sqref) for v in sheet.data_validations.dataValidation] == ["E1:E10"]
        assert copy.defined_names["Mijlpaal"].attr_text.startswith("RI_MIJLPAAL(")
        assert copy.defined_names["Elders"].attr_text == "[1]Blad1!$A$1"
        assert [sheet["A1"].value, sheet["B1"].value] == [FIRST, "1.234"]


class TestHostileInput:
    """Issue 16 items 10–12: limits before the work, clear refusals, Excel's values."""

    def test_array_formula_over_the_whole_sheet_is_refused_at_once(self, tmp_path: Path) -> None:
        """One array formula over B1:XFD1048576 (a 5 KB file) is refused while reading, in
        well under a second, instead of filling 17 billion cells."""
        path = build(tmp_path / "alles.xlsx", {"A1": 1, "B1": ArrayFormula("B1:XFD1048576", "=A1")})
        assert path.stat().st_size < 10_000
        started = time.perf_counter()
        with pytest.raises(WorkbookError, match=r"gevulde cellen|beslaat"):
            recalc(path)
        assert time.perf_counter() - started < 2

    def test_cell_limit_refuses_before_reading_everything(self, tmp_path: Path) -> None:
        """The cell limit stops the reading as soon as it is crossed (the count says so)."""
        path = build(tmp_path / "veel.xlsx", {f"A{r}": r for r in range(1, 5001)})
        with pytest.raises(
            WorkbookError, match=r"meer dan 1\.000 gevulde cellen \(al 1\.001 gelezen\)"
        ):
            recalc(path, limits=Limits(cells=1000))

    def test_references_count_against_the_limits(self, tmp_path: Path) -> None:
        """A whole column costs the rows in use: 10 rows × 3 formulas fit a limit of 40
        referenced cells; 5 formulas do not."""
        cells: dict[str, Any] = {f"A{r}": r for r in range(1, 11)}
        cells.update({f"B{r}": "=SUM(A:A)" for r in range(1, 4)})
        path = build(tmp_path / "kolom.xlsx", cells)
        _, book = recalc(path, limits=Limits(referenced_cells=40))
        assert book["Blad 1"]["B1"].value == 55
        cells.update({f"B{r}": "=SUM(A:A)" for r in range(4, 6)})
        with pytest.raises(WorkbookError, match="verwijzen samen naar 50 cellen"):
            recalc(build(tmp_path / "kolom2.xlsx", cells), limits=Limits(referenced_cells=40))

    def test_reference_limit_keeps_a_comma_in_the_file_name(self, tmp_path: Path) -> None:
        """Only the counts get thousands points; the file's name is shown as it is."""
        cells: dict[str, Any] = {f"A{r}": r for r in range(1, 1001)}
        cells.update({f"B{r}": "=SUM(A:A)" for r in range(1, 3)})
        path = build(tmp_path / "lijst, 2025.xlsx", cells)
        with pytest.raises(WorkbookError) as caught:
            recalc(path, limits=Limits(referenced_cells=1500))
        assert str(caught.value).startswith(
            "lijst, 2025.xlsx: de formules verwijzen samen naar 2.000"
        )
        assert str(caught.value).endswith("de grens is 1.500")

    def test_many_formulas_in_bounded_memory(self, tmp_path: Path) -> None:
        """100,000 simple formulas are computed in a few hundred megabytes at most."""
        book = openpyxl.Workbook(write_only=True)
        ws = book.create_sheet("Blad 1")
        for r in range(1, 20_001):
            ws.append([r, *(f"=A{r}+{k}" for k in range(1, 6))])
        path = tmp_path / "honderdduizend.xlsx"
        book.save(path)
        script = (
            "import resource, sys; from pathlib import Path; "
            "from reintegratie_addin import udfs; from reintegratie_cli.recalc import recalculation; "
            "r = recalculation.recalculate(Path(sys.argv[1]), Path(sys.argv[2]), "
            "functions=udfs.contract_functions()); "
            "print(r.formulas, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        done = subprocess.run(
            [sys.executable, "-c", script, str(path), str(tmp_path / "uit.xlsx")],
            capture_output=True,
            text=True,
            check=True,
        )
        formulas, peak_kib = map(int, done.stdout.split())
        assert formulas == 100_000
        assert peak_kib < 600 * 1024

    @pytest.mark.parametrize("failure", [errno.EACCES, errno.ENOSPC])
    def test_unwritable_target_is_a_dutch_refusal(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        failure: int,
    ) -> None:
        """A read-only folder or a full disk: a Dutch message, exit code 2, nothing left."""
        path = build(tmp_path / "in.xlsx", {"A1": 1, "B1": "=A1+1"})
        real = os.replace

        def refuse(*args: Any) -> None:
            raise OSError(failure, os.strerror(failure))

        monkeypatch.setattr(os, "replace", refuse)
        assert main(["werkmap", str(path), "--uit", str(tmp_path / "uit.xlsx")]) == 2
        monkeypatch.setattr(os, "replace", real)
        err = capsys.readouterr().err
        assert ("schijf is vol" if failure == errno.ENOSPC else "geen schrijfrechten") in err
        assert "Traceback" not in err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xlsx"]

    def test_target_that_is_a_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--uit pointing at a folder: a Dutch message and exit code 2."""
        path = build(tmp_path / "in.xlsx", {"A1": 1})
        folder = tmp_path / "map.xlsx"
        folder.mkdir()
        assert main(["werkmap", str(path), "--uit", str(folder)]) == 2
        assert "is een map" in capsys.readouterr().err

    def test_input_that_is_a_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """IN.xlsx naming a folder is called a folder, not "bestand niet gevonden"."""
        folder = tmp_path / "map.xlsx"
        folder.mkdir()
        assert main(["werkmap", str(folder), "--uit", str(tmp_path / "uit.xlsx")]) == 2
        assert f"{folder}: is een map, geen werkmap" in capsys.readouterr().err

    def test_sheet_name_with_a_quote(self, tmp_path: Path) -> None:
        """='Jan''s data'!A1 reads the sheet Jan's data; --streng has nothing to complain of."""
        book = openpyxl.Workbook()
        first = book.active
        assert first is not None
        first.title = "Blad 1"
        other = book.create_sheet("Jan's data")
        other["A1"] = 42
        first["A1"] = "='Jan''s data'!A1*2"
        path = tmp_path / "quote.xlsx"
        book.save(path)
        report, values = recalc(path)
        assert values["Blad 1"]["A1"].value == 84
        assert report.problems == ()
        assert main(["werkmap", str(path), "--uit", str(tmp_path / "q.xlsx"), "--streng"]) == 0

    def test_randbetween_gives_whole_numbers(self, tmp_path: Path) -> None:
        """RANDBETWEEN gives integers within its bounds."""
        path = build(
            tmp_path / "rand.xlsx", {f"A{r}": "=RANDBETWEEN(1,1000)" for r in range(1, 51)}
        )
        _, values = recalc(path)
        numbers = [values["Blad 1"][f"A{r}"].value for r in range(1, 51)]
        assert all(isinstance(n, int) and 1 <= n <= 1000 for n in numbers)

    def test_text_longer_than_excel_allows(self, tmp_path: Path) -> None:
        """A result over 32,767 characters is #VALUE!, as in Excel (not cut short); a cell
        holding such a text is reported."""
        path = build(
            tmp_path / "lang.xlsx",
            {"A1": "x" * 20_000, "B1": '=REPT("a",40000)', "B2": "=A1&A1", "B3": "=LEN(A1)"},
        )
        rewrite_part(
            path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("x" * 20_000, "x" * 40_000)
        )
        report, values = recalc(path)
        ws = values["Blad 1"]
        assert [ws["B1"].value, ws["B2"].value, ws["B3"].value] == ["#VALUE!", "#VALUE!", "#VALUE!"]
        assert [(p.cell, "32.767" in p.reason) for p in report.problems] == [("A1", True)]

    def test_a_number_beyond_excel_is_reported(self, tmp_path: Path) -> None:
        """A stored 1e999 is reported by sheet and cell and is #NUM! for its dependants."""
        path = build(tmp_path / "groot.xlsx", {"A1": 5, "B1": "=A1*2", "B2": "=1+1"})
        rewrite_part(
            path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("<v>5</v>", "<v>1e999</v>")
        )
        report, values = recalc(path)
        assert [(p.sheet, p.cell) for p in report.problems] == [("Blad 1", "A1")]
        assert "buiten Excels bereik" in report.problems[0].reason
        assert values["Blad 1"]["B1"].value == "#NUM!"
        assert values["Blad 1"]["B2"].value == 2


class TestRepeatedCalls:
    def test_every_cell_is_its_own_call(self, tmp_path: Path) -> None:
        """No answers are remembered on row values (the house rule: speed from the one lean
        path, not from caches): a column repeating three dates calls the function per cell,
        and each cell gets its own answer."""
        calls: list[Any] = []

        def count(day: Any, days: Any = None) -> Any:
            calls.append((day, days))
            return day

        cells: dict[str, Any] = {}
        for row in range(1, 31):
            cells[f"A{row}"] = datetime(2025, 1, 6 + row % 3)
            cells[f"B{row}"] = f"=RI_TEL(A{row},2)"
        path = build(tmp_path / "herhaald.xlsx", cells)
        target = tmp_path / "herhaald-uit.xlsx"
        recalculation.recalculate(path, target, functions={**FUNCTIONS, "RI_TEL": count})
        ws = openpyxl.load_workbook(target, data_only=True)["Blad 1"]
        assert len(calls) == 30
        assert [ws[f"B{r}"].value for r in range(1, 31)] == [
            serial(date(2025, 1, 6 + r % 3)) for r in range(1, 31)
        ]


class TestNeverATraceback:
    def test_an_engine_failure_is_a_dutch_refusal(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Whatever fails inside the recalculation ends in one Dutch line and exit code 2."""
        from reintegratie_cli.recalc import calc

        path = build(tmp_path / "in.xlsx", {"A1": 1, "B1": "=A1+1"})

        def broken(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("rekenmotor stuk")

        monkeypatch.setattr(calc, "compute", broken)
        assert main(["werkmap", str(path), "--uit", str(tmp_path / "uit.xlsx")]) == 2
        err = capsys.readouterr().err
        assert "kon niet worden herberekend (RuntimeError: rekenmotor stuk)" in err
        assert "Traceback" not in err
        assert not (tmp_path / "uit.xlsx").exists()


class TestArgumentsAsXlwingsPassesThem:
    def test_declared_functions_get_two_d_arguments(self, tmp_path: Path) -> None:
        """A declared RI_ function (xlwings ndim=2) gets a cell and a literal as [[value]],
        a date as its serial, an empty cell as [[None]] and a left-out argument as None."""
        calls: list[tuple[Any, ...]] = []

        def record(*args: Any) -> str:
            calls.append(args)
            return "ok"

        record.ri_function = True  # type: ignore[attr-defined]
        path = build(
            tmp_path / "vorm.xlsx",
            {"A1": FIRST, "A2": 3, "B1": '=RI_VORM(A1,"42e week",,A2,C1,A1:A2)'},
        )
        recalculation.recalculate(path, tmp_path / "vorm-uit.xlsx", functions={"RI_VORM": record})
        assert calls == [
            (
                [[float(serial(FIRST.date()))]],
                [["42e week"]],
                None,
                [[3.0]],
                [[None]],
                [[float(serial(FIRST.date()))], [3.0]],
            )
        ]


class TestSharedFormulas:
    def test_shared_formulas_are_written_out_per_cell(self, tmp_path: Path) -> None:
        """Excel stores a filled-down formula once (t="shared"); each cell computes its own
        translation, and the copy keeps the shared form."""
        path = build(tmp_path / "gedeeld.xlsx", {"A1": 1, "A2": 2, "A3": 3, "B1": "=A1*2"})

        def share(xml: str) -> str:
            xml = xml.replace("<f>A1*2</f>", '<f t="shared" ref="B1:B3" si="0">A1*2</f>')
            for row in (2, 3):
                xml = xml.replace(
                    f'<c r="A{row}" t="n"><v>{row}</v></c>',
                    f'<c r="A{row}" t="n"><v>{row}</v></c><c r="B{row}"><f t="shared" si="0"/></c>',
                )
            return xml

        rewrite_part(path, "xl/worksheets/sheet1.xml", share)
        report, values = recalc(path)
        assert [values["Blad 1"][f"B{r}"].value for r in (1, 2, 3)] == [2, 4, 6]
        assert report.formulas == 3
        with zipfile.ZipFile(tmp_path / "gedeeld-uit.xlsx") as archive:
            assert '<f t="shared" si="0"/>' in archive.read("xl/worksheets/sheet1.xml").decode()

    def test_a_huge_declared_spill_costs_nothing(self, tmp_path: Path) -> None:
        """A dynamic array declaring a spill over the whole sheet is recomputed at once: only
        the cells stored are looked at."""
        path = build(tmp_path / "groot.xlsx", {"A1": 1, "A2": 2, "B1": "=A1:A2*2"})

        def dynamic(xml: str) -> str:
            return xml.replace(
                '<c r="B1"><f>A1:A2*2</f>',
                '<c r="B1" cm="1"><f t="array" ref="B1:XFD1048576">A1:A2*2</f>',
            )

        rewrite_part(path, "xl/worksheets/sheet1.xml", dynamic)
        started = time.perf_counter()
        _, values = recalc(path)
        assert time.perf_counter() - started < 5
        assert [values["Blad 1"]["B1"].value, values["Blad 1"]["B2"].value] == [2, 4]


class TestErrorAnswers:
    @pytest.mark.parametrize(
        ("answer", "shown"),
        [
            ("#N/A", "#N/A"),
            ("#N/B", "#N/A"),
            ("#WAARDE!", "#VALUE!"),
            ("#DEEL/0!", "#DIV/0!"),
            ("#WAARDE! eerste_ziektedag: geen datum", "#WAARDE! eerste_ziektedag: geen datum"),
        ],
    )
    def test_an_error_answer_becomes_the_error_value(
        self, tmp_path: Path, answer: str, shown: str
    ) -> None:
        """An RI_ function answering an Excel error (English or Dutch, or an object showing
        as one) gives that error value in the cell; a #WAARDE! message stays a text."""

        class Shown:
            def __str__(self) -> str:
                return answer

        path = build(tmp_path / "fout.xlsx", {"A1": "=RI_FOUT()", "A2": "=RI_OBJECT()"})
        target = tmp_path / "fout-uit.xlsx"
        recalculation.recalculate(
            path, target, functions={"RI_FOUT": lambda: answer, "RI_OBJECT": Shown}
        )
        ws = openpyxl.load_workbook(target, data_only=True)["Blad 1"]
        assert [ws["A1"].value, ws["A2"].value] == [shown, shown]
        with zipfile.ZipFile(target) as archive:
            xml = archive.read("xl/worksheets/sheet1.xml").decode()
        assert ('t="e"' in xml) == (" " not in shown)


PEIL = datetime(2025, 3, 1)


def lifted(path: Path, wages: list[int]) -> Path:
    """A column of (maandloon, ziekteweek, peildatum, uren) from row 2 and one
    RI_LOONDOORBETALING lifted over it in H2 (a dynamic array, as typed in Excel 365)."""
    cells: dict[str, Any] = {"A1": "maandloon", "B1": "ziekteweek", "C1": "peildatum"}
    for row, wage in enumerate(wages, start=2):
        cells.update({f"A{row}": wage, f"B{row}": 10 + row, f"C{row}": PEIL, f"D{row}": 38})
    last = len(wages) + 1
    cells["H2"] = f"=RI_LOONDOORBETALING(A2:A{last},B2:B{last},C2:C{last},D2:D{last})"
    return build(path, cells)


def per_row(wage: int, row: int) -> Any:
    """What RI_LOONDOORBETALING gives for row ``row`` of `lifted` called on its own."""
    return udfs.RI_LOONDOORBETALING(wage, 10 + row, PEIL, 38)


class TestErrorsInSpilledCells:
    """Every cell of a spilled answer (and of a fixed array formula) is checked for an
    error, and reported by its own cell: one bad row in a lifted column."""

    def test_a_bad_row_in_a_lifted_column_is_reported_by_its_cell(self, tmp_path: Path) -> None:
        """A4 = -5 under a lifted RI_LOONDOORBETALING in H2: H4 (a spilled cell) is reported
        with the function's message, as J4 of the same call as a fixed array formula is."""
        path = lifted(tmp_path / "kolom.xlsx", [3000, 3100, -5, 3300, 3400])
        cells = {
            "J2": ArrayFormula("J2:J6", "=RI_LOONDOORBETALING(A2:A6,B2:B6,C2:C6,D2:D6)"),
        }
        book = openpyxl.load_workbook(path)
        for coordinate, value in cells.items():
            book["Blad 1"][coordinate] = value
        book.save(path)
        report, values = recalc(path)
        message = per_row(-5, 4)
        assert message.startswith("#WAARDE! maandloon: -5")
        assert values["Blad 1"]["H4"].value == message
        assert [(p.sheet, p.cell, p.reason) for p in report.function_errors] == [
            ("Blad 1", "H4", message),
            ("Blad 1", "J4", message),
        ]
        assert report.error_values == ()
        assert report.problems == ()

    def test_an_excel_error_in_a_spilled_cell_is_reported(self, tmp_path: Path) -> None:
        """An Excel error value in a spilled cell of Excel's own arithmetic (L3, from L2) is
        listed by that cell; the anchor without an error is not."""
        path = build(
            tmp_path / "deling.xlsx",
            {"A2": 1, "A3": 0, "A4": 2, "L2": "=1/A2:A4", "M2": "=ROWS(L2#)"},
        )
        as_dynamic(path, "L2")  # a plain formula would intersect A2:A4 (L2: 1/A2)
        report, values = recalc(path)
        assert [values["Blad 1"][f"L{r}"].value for r in (2, 3, 4)] == [1, "#DIV/0!", 0.5]
        assert [(p.cell, p.reason) for p in report.error_values] == [("L3", "#DIV/0!")]

    def test_a_spill_saved_by_excel_is_checked_too(self, tmp_path: Path) -> None:
        """A workbook saved by Excel 365 (the anchor a dynamic array over H2:H6, the spilled
        cells holding their old values): the recomputed H4 is reported."""
        path = lifted(tmp_path / "excel365.xlsx", [3000, 3100, 3200, 3300, 3400])
        book = openpyxl.load_workbook(path)
        ws = book["Blad 1"]
        ws["A4"] = -5
        for row in range(3, 7):
            ws[f"H{row}"] = 2315.21  # the values Excel saved before A4 changed
        book.save(path)

        def dynamic(xml: str) -> str:
            assert '<c r="H2"><f>' in xml
            return xml.replace('<c r="H2"><f>', '<c r="H2" cm="1"><f t="array" ref="H2:H6">')

        rewrite_part(path, "xl/worksheets/sheet1.xml", dynamic)
        report, _ = recalc(path)
        assert [(p.cell, p.reason) for p in report.function_errors] == [("H4", per_row(-5, 4))]

    def test_the_summary_lists_the_spilled_cells(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The CLI's summary counts and lists a spilled cell with its own address, in the
        same lines as a formula's own cell."""
        path = lifted(tmp_path / "kolom.xlsx", [3000, -5, 3200, -7])
        book = openpyxl.load_workbook(path)
        book["Blad 1"]["L2"] = "=1/(A2:A5-3200)"
        book.save(path)
        as_dynamic(path, "L2")  # a plain formula would intersect A2:A5 (L2: 1/(A2-3200))
        assert main(["werkmap", str(path), "--uit", str(tmp_path / "uit.xlsx")]) == 0
        err = capsys.readouterr().err
        assert "RI_-functies met #WAARDE! (2):\n" in err
        assert f"  Blad 1!H3: {per_row(-5, 3)}\n" in err
        assert f"  Blad 1!H5: {per_row(-7, 5)}\n" in err
        assert "formules met een foutwaarde (1):\n  Blad 1!L4: #DIV/0!\n" in err

    @settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        wages=st.lists(st.sampled_from([-1, -2500, 0, 1800, 3000, 12_000]), min_size=1, max_size=12)
    )
    def test_reported_cells_are_the_rows_whose_own_call_fails(
        self, tmp_path_factory: pytest.TempPathFactory, wages: list[int]
    ) -> None:
        """Lifted over any column, the cells reported are exactly the rows where the
        function called on that row alone gives #WAARDE!, each with that row's message."""
        path = lifted(tmp_path_factory.mktemp("kolom") / "kolom.xlsx", wages)
        report, _ = recalc(path)
        expected = [
            (f"H{row}", per_row(wage, row))
            for row, wage in enumerate(wages, start=2)
            if isinstance(per_row(wage, row), str)
        ]
        assert [(p.cell, p.reason) for p in report.function_errors] == expected


class TestPermissions:
    def test_new_copy_gets_the_usual_mode_and_existing_keeps_its_own(self, tmp_path: Path) -> None:
        """A new copy is created as any new file (0666 less the umask); replacing an existing
        copy keeps that file's mode."""
        path = build(tmp_path / "in.xlsx", {"A1": 1, "B1": "=A1+1"})
        target = tmp_path / "in-uit.xlsx"
        previous = os.umask(0o022)
        try:
            recalc(path)
        finally:
            os.umask(previous)
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o600)
        recalc(path)
        assert target.stat().st_mode & 0o777 == 0o600


class TestStopped:
    def test_sigterm_leaves_no_partial_copy(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """SIGTERM while writing: one Dutch line, exit 143 (128 + SIGTERM, as every command
        and as docs/portefeuille.md promise; werkmap answered 130 as for Ctrl-C), no
        temporary file, old copy intact."""
        import signal

        path = build(tmp_path / "in.xlsx", {"A1": 1, "B1": "=A1+1"})
        target = tmp_path / "uit.xlsx"
        target.write_bytes(b"oude kopie")
        real = package._copy_package

        def killed(*args: Any, **kwargs: Any) -> None:
            real(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGTERM)

        monkeypatch.setattr(package, "_copy_package", killed)
        before = signal.getsignal(signal.SIGTERM)
        assert main(["werkmap", str(path), "--uit", str(target)]) == 143
        assert "afgebroken (SIGTERM)" in capsys.readouterr().err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xlsx", "uit.xlsx"]
        assert target.read_bytes() == b"oude kopie"
        assert signal.getsignal(signal.SIGTERM) == before  # the handler is put back

    def test_sigterm_during_an_ri_call_stops_the_run(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """SIGTERM while the engine is inside an RI_ function: the engine turns any Python
        exception into #WAARDE!, so the stop was swallowed — that one cell got #VALUE!,
        the run went on (deaf to a second signal), wrote the copy and ended with 0. Now it
        stops: exit 143, no copy, and the remaining RI_ calls are not made."""
        import signal

        cells: dict[str, Any] = {}
        for row in range(1, 201):
            cells[f"A{row}"] = date(2025, 1, 1) + timedelta(days=row)
            cells[f"B{row}"] = f"=RI_WERKDAG(A{row},5)"
        path = build(tmp_path / "in.xlsx", cells)
        target = tmp_path / "uit.xlsx"
        target.write_bytes(b"oude kopie")
        real = udfs.contract_functions()
        calls: list[int] = []

        def stopped_in_third(*args: Any) -> Any:
            calls.append(1)
            if len(calls) == 3:
                os.kill(os.getpid(), signal.SIGTERM)
            return real["RI_WERKDAG"](*args)

        monkeypatch.setattr(
            udfs, "contract_functions", lambda: {**real, "RI_WERKDAG": stopped_in_third}
        )
        assert main(["werkmap", str(path), "--uit", str(target)]) == 143
        assert "afgebroken (SIGTERM)" in capsys.readouterr().err
        assert target.read_bytes() == b"oude kopie"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xlsx", "uit.xlsx"]
        assert len(calls) < 100


class TestLargeLists:
    """A long list of values (a portfolio) is read and written in time linear in its rows."""

    def ragged(self, path: Path, rows: int, formula: str | None = None) -> Path:
        """``rows`` rows whose filled columns differ per row (as a portfolio's dates do)."""
        book = openpyxl.Workbook()
        ws = book.active
        assert ws is not None
        for row in range(1, rows + 1):
            ws.cell(row, 1, f"W{row:05d}")
            ws.cell(row, 2, date(2025, 1, 1) + timedelta(days=row))
            for column in range(3, 3 + row % 4):
                ws.cell(row, column, row * column)
        if formula is not None:
            ws["H1"] = formula
        book.save(path)
        return path

    def test_without_formulas_the_engine_is_not_used(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from reintegratie_cli.recalc import calc

        def refused(*_: Any, **__: Any) -> Any:
            raise AssertionError("the engine was started for a workbook without formulas")

        monkeypatch.setattr(calc.fz, "Workbook", refused)
        source = self.ragged(tmp_path / "lijst.xlsx", 50)
        report, copy = recalc(source)
        assert report.formulas == 0
        assert report.problems == ()
        original = openpyxl.load_workbook(source)
        assert [list(r) for r in copy.active.values] == [list(r) for r in original.active.values]

    def test_values_go_in_from_the_bottom(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # The engine copies a sheet's storage at each write below its last row: top-down
        # writes made a 20,000-row list quadratic (27 s; bottom-up 4 s).
        from reintegratie_cli.recalc import calc

        real = calc.fz.Workbook
        starts: list[int] = []

        class Recording:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                self.inner = real(*args, **kwargs)

            def set_values_batch(self, sheet: str, row: int, column: int, data: Any) -> None:
                starts.append(row)
                self.inner.set_values_batch(sheet, row, column, data)

            def __getattr__(self, name: str) -> Any:
                return getattr(self.inner, name)

        monkeypatch.setattr(calc.fz, "Workbook", Recording)
        source = self.ragged(tmp_path / "lijst.xlsx", 40, '=COUNT(C1:F40)&"|"&A1&"|"&A40')
        report, copy = recalc(source)
        assert report.problems == ()
        assert len(starts) > 1
        assert starts == sorted(starts, reverse=True)
        counted = sum(row % 4 for row in range(1, 41))
        assert copy.active["H1"].value == f"{counted}|W00001|W00040"
