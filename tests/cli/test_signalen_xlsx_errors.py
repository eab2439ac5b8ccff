"""Excel error values (``#N/A``, ``#VALUE!``, ``#REF!`` …) in an XLSX portfolio.

python-calamine reads an error cell as an empty one (python-calamine issue #105); an error is
never a value, so the row is rejected naming the column and the error, as a CSV row with a
bad text is (``docs/portefeuille.md``, Fouten).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_cli import xlsx_errors
from reintegratie_cli.generate import HEADER
from reintegratie_cli.portfolio import (
    COLUMNS,
    ExcelError,
    PortfolioError,
    RowError,
    RowParser,
    open_portfolio,
    resolve_header,
)
from tests.cli.strategies_signalen import PEIL, read_csv, row, run


def _workbook(path: Path, rows: list[list[Any]], errors: dict[str, str], **kw: Any) -> Path:
    """An XLSX portfolio (sheet ``Portefeuille``) with the cells ``errors`` (A1 → error
    value) holding Excel error values, written by openpyxl as Excel does (``t="e"``)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kw.get("title", "Portefeuille")
    if kw.get("before"):
        workbook.create_sheet("Toelichting", 0)["A1"] = "lees mij"
    offset = kw.get("offset", 0)
    for number, cells in enumerate([list(HEADER), *rows], 1):
        for column, value in enumerate(cells, 1 + offset):
            if value not in ("", None):
                sheet.cell(number, column, value)
    for where, value in errors.items():
        sheet[where].value = value
        sheet[where].data_type = "e"
    workbook.save(path)
    return path


def _lines(target: Path) -> dict[str, dict[str, str]]:
    return {line["rijen"]: line for line in read_csv(target)}


COLUMN = {name: chr(ord("A") + i) for i, name in enumerate(HEADER)}


class TestErrorCells:
    def test_an_error_cell_rejects_its_row_naming_column_and_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """#N/A as last sick day is not "still sick", #VALUE! as probleemanalyse not "not
        done", #DIV/0! as sanctieweken not 0, #REF! as werknemer not "ontbreekt": each row
        is a fout line naming the column and the error; the other rows are computed."""
        rows = [row(f"W{n}", date(2025, 9, 1)) for n in range(2, 9)]
        errors = {
            f"{COLUMN['laatste_ziektedag']}2": "#N/A",
            f"{COLUMN['datum_probleemanalyse']}3": "#VALUE!",
            f"{COLUMN['sanctieweken']}4": "#DIV/0!",
            f"{COLUMN['werknemer']}5": "#REF!",
            f"{COLUMN['werkgever']}6": "#NAME?",
            f"{COLUMN['eerste_ziektedag']}7": "#NUM!",
        }
        source = _workbook(tmp_path / "p.xlsx", rows, errors)
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = _lines(target)
        expected = {  # named as Dutch Excel shows it, with the name the file stores
            "2": ("laatste_ziektedag", "#N/B (#N/A)"),
            "3": ("datum_probleemanalyse", "#WAARDE! (#VALUE!)"),
            "4": ("sanctieweken", "#DEEL/0! (#DIV/0!)"),
            "5": ("werknemer", "#VERW! (#REF!)"),
            "6": ("werkgever", "#NAAM? (#NAME?)"),
            "7": ("eerste_ziektedag", "#GETAL! (#NUM!)"),
        }
        for number, (column, error) in expected.items():
            line = lines[number]
            assert line["status"] == "fout", line
            assert line["fout"].startswith(f"kolom {column}: Excel-foutwaarde {error} "), line
            assert "ontbreekt" not in line["fout"]
        assert lines["5"]["werknemer"] == ""
        assert lines["5"]["werkgever"] == "P-1 Bakkerij Test"
        assert lines["6"]["werkgever"] == ""
        assert lines["6"]["werknemer"] == "W6"
        assert lines["8"]["status"] != "fout"
        assert "6 afgekeurd" in out

    def test_every_bad_field_of_a_row_is_listed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two error cells and a bad text in one row: all three are named, in column order."""
        rows = [row("W1", date(2025, 9, 1), product="onbekend")]
        errors = {f"{COLUMN['ingangsdatum_module']}2": "#REF!", f"{COLUMN['soort']}2": "#N/A"}
        source = _workbook(tmp_path / "p.xlsx", rows, errors)
        target = tmp_path / "uit.csv"
        run([str(source), *PEIL, "--uit", str(target)], capsys)
        message = _lines(target)["2"]["fout"]
        parts = message.split("; ")
        assert [p.split(":")[0] for p in parts] == [
            "kolom product",
            "kolom ingangsdatum_module",
            "kolom soort",
        ]
        assert "Excel-foutwaarde #VERW! (#REF!)" in parts[1]
        assert "Excel-foutwaarde #N/B (#N/A)" in parts[2]

    def test_errors_in_ignored_columns_do_not_matter(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An error in a column the portfolio does not read leaves the row good; an error
        in the header is an unknown column name (and reported as ignored)."""
        header_and_extra = [[*row("W1", date(2025, 9, 1)), "x"]]
        source = _workbook(tmp_path / "p.xlsx", header_and_extra, {"N2": "#N/A", "O1": "#REF!"})
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        assert _lines(target)["2"]["status"] != "fout"
        assert "genegeerde kolommen: #REF!" in out

    @pytest.mark.parametrize("before", [False, True])
    def test_errors_are_found_where_the_sheet_starts(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], before: bool
    ) -> None:
        """A table that starts in column C, on a sheet named Portefeuille that is not the
        first: the error lands in its own row and column."""
        rows = [row("W1", date(2025, 9, 1)), row("W2", date(2025, 9, 1))]
        column = chr(ord(COLUMN["laatste_ziektedag"]) + 2)
        source = _workbook(
            tmp_path / "p.xlsx", rows, {f"{column}3": "#N/A"}, offset=2, before=before
        )
        target = tmp_path / "uit.csv"
        run([str(source), *PEIL, "--uit", str(target)], capsys)
        lines = _lines(target)
        assert lines["2"]["status"] != "fout"
        assert lines["3"]["fout"].startswith(
            "kolom laatste_ziektedag: Excel-foutwaarde #N/B (#N/A)"
        )

    def test_rows_of_the_source_carry_error_markers(self, tmp_path: Path) -> None:
        """The source gives an error cell as an `ExcelError`, never as empty text."""
        rows = [row("W1", date(2025, 9, 1))]
        source = _workbook(tmp_path / "p.xlsx", rows, {f"{COLUMN['laatste_ziektedag']}2": "#N/A"})
        with open_portfolio(source) as opened:
            ((number, cells),) = list(opened.rows)
        assert number == 2
        position = opened.header.position("laatste_ziektedag")
        assert position is not None
        assert str(cells[position]) == "#N/A"
        assert cells[position] != ""


class TestDateSystem1904:
    """A workbook in the 1904 date system (``date1904``, the old Mac Excel default) shows
    serial 44347 as 01-06-2025, not as 1900's 31-05-2021: a number in a date column counts
    from 1904 there. python-calamine converts date cells itself but gives a bare number."""

    def test_a_serial_number_counts_from_1904(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        workbook = Workbook()
        workbook.epoch = CALENDAR_MAC_1904
        sheet = workbook.active
        assert sheet is not None
        sheet.append(
            ["werknemer", "werkgever", "product", "ingangsdatum_module", "eerste_ziektedag"]
        )
        sheet.append(["W1", "P1", "asr-reintegratie", date(2024, 1, 1), date(2025, 6, 1)])
        sheet.append(["W2", "P1", "asr-reintegratie", date(2024, 1, 1), 44347])  # a bare number
        source = tmp_path / "mac.xlsx"
        workbook.save(source)
        target = tmp_path / "uit.csv"
        code, _, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = {line["werknemer"]: line for line in read_csv(target)}
        assert lines["W1"]["eerste_ziektedag"] == "2025-06-01"
        assert lines["W2"]["eerste_ziektedag"] == "2025-06-01"


class TestFormulaWithoutValue:
    """A formula cell without a calculated value (a file written by a program that does
    not calculate, as openpyxl, and never opened in Excel) is read by python-calamine as
    empty; like an error value it means no value: a last sick day is not "still sick",
    a probleemanalyse not "not done"."""

    def test_its_row_is_rejected_naming_the_column(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        rows = [row(f"W{n}", date(2025, 9, 1)) for n in range(2, 5)]
        source = _workbook(tmp_path / "p.xlsx", rows, {})
        from openpyxl import load_workbook

        workbook = load_workbook(source)
        sheet = workbook.active
        sheet[f"{COLUMN['laatste_ziektedag']}2"] = "=DATE(2025,10,1)"
        sheet[f"{COLUMN['datum_probleemanalyse']}3"] = f"={COLUMN['eerste_ziektedag']}3+10"
        workbook.save(source)
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = _lines(target)
        for number, column in (("2", "laatste_ziektedag"), ("3", "datum_probleemanalyse")):
            assert lines[number]["status"] == "fout", lines[number]
            assert lines[number]["fout"].startswith(
                f"kolom {column}: een formule zonder berekende waarde in de cel"
            )
        assert lines["4"]["status"] != "fout"
        assert "2 afgekeurd" in out

    def test_forms_of_a_cell_without_a_value(self) -> None:
        """No ``<v>``, an empty one, a shared formula without one: no value. A cached value,
        a text result (``t="str"``, also the empty text) and an error are not."""
        no_value = xlsx_errors.NO_VALUE
        body = (
            '<row r="2"><c r="A2"><f>DATE(2025,7,1)</f><v/></c>'
            '<c r="B2" s="1"><f>B1+1</f></c>'
            '<c r="C2"><f t="shared" si="0"/></c>'
            '<c r="D2"><f>1+1</f><v></v></c>'
            '<c r="E2"><f>1+1</f><v>2</v></c>'
            '<c r="F2" t="str"><f>IF(1,"","x")</f><v></v></c>'
            '<c r="G2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
            '<c r="H2"><f t="shared" si="0"/><v>45839</v></c></row>'
            '<row r="3"><c><f>1+1</f></c></row>'
        )
        expected = {
            (2, 1): no_value,
            (2, 2): no_value,
            (2, 3): no_value,
            (2, 4): no_value,
            (2, 7): "#DIV/0!",
            (3, 1): no_value,
        }
        assert _scan(_sheet(body)) == expected
        assert _scan(_sheet(body), 9) == expected
        assert xlsx_errors._placed(io.BytesIO(_sheet(body))) == expected
        prefixed = '<x:row r="4"><x:c r="B4"><x:f>1+1</x:f><x:v/></x:c></x:row>'
        assert _scan(_sheet(prefixed, "x")) == {(4, 2): no_value}


class TestParser:
    @pytest.mark.parametrize("column", [c.name for c in COLUMNS])
    def test_an_error_in_any_column_rejects_the_row(self, column: str) -> None:
        """Required or optional, text, code, number or date: an `ExcelError` is never read
        as a value or as empty; the fast path hands it to full validation, which names it."""
        parser = RowParser(resolve_header(HEADER))
        cells: list[object] = row("W1", date(2025, 9, 1))
        cells[HEADER.index(column)] = ExcelError("#N/A")
        result = parser.parse(cells, 5)
        assert isinstance(result, RowError)
        assert result.message.startswith(
            f"kolom {column}: Excel-foutwaarde #N/B (#N/A) in de cel ("
        )
        assert ";" not in result.message
        assert result.employee == ("" if column == "werknemer" else "W1")
        assert result.employer == ("" if column == "werkgever" else "P-1 Bakkerij Test")


_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _scan(xml: bytes, block: int = 1 << 20) -> dict[tuple[int, int], str]:
    return xlsx_errors.error_cells(io.BytesIO(xml), block)


def _sheet(body: str, prefix: str = "") -> bytes:
    name = f"{prefix}:" if prefix else ""
    xmlns = f"xmlns:{prefix}" if prefix else "xmlns"
    return (
        f'<?xml version="1.0"?><{name}worksheet {xmlns}="{_NS}"><{name}sheetData>'
        f"{body}</{name}sheetData></{name}worksheet>"
    ).encode()


class TestScanner:
    """`xlsx_errors.error_cells` reads the worksheet XML the way Excel and other writers
    store an error: ``t="e"``, the value in ``<v>``, with or without a formula."""

    def test_forms_of_an_error_cell(self) -> None:
        body = (
            '<row r="2"><c r="A2" t="e"><v>#N/A</v></c><c r="B2" t="s"><v>0</v></c>'
            "<c r='C2' s='3' t='e'><f>1/0</f><v>#DIV/0!</v></c>"
            '<c r="D2" t="str"><v>e</v></c><c r="E2"><is><t>"e"</t></is></c></row>'
            '<row r="7"><c t = "e" r="$AB$7" ><v> #REF! </v></c><c r="AC7" t="e"/></row>'
        )
        assert _scan(_sheet(body)) == {
            (2, 1): "#N/A",
            (2, 3): "#DIV/0!",
            (7, 28): "#REF!",
            (7, 29): "",
        }

    def test_prefixed_namespace(self) -> None:
        body = '<x:row r="3"><x:c r="B3" t="e"><x:v>#VALUE!</x:v></x:c></x:row>'
        assert _scan(_sheet(body, "x")) == {(3, 2): "#VALUE!"}

    def test_cells_without_a_reference_are_placed_by_position(self) -> None:
        """``r`` is optional in SpreadsheetML: a cell without it follows the one before it,
        a row without it the row before it."""
        body = (
            '<row r="2"><c r="B2"><v>1</v></c><c t="e"><v>#N/A</v></c></row>'
            '<row><c t="e"><v>#REF!</v></c><c r="E3" t="e"><v>#NUM!</v></c></row>'
        )
        assert _scan(_sheet(body)) == {(2, 3): "#N/A", (3, 1): "#REF!", (3, 5): "#NUM!"}

    def test_cells_without_a_reference_in_rows_with_one(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """How this project's own writer stores cells (rows with ``r``, cells without):
        placed in the byte scan by counting the row's cells, without a second reading."""
        body = (
            '<row r="4"><c t="inlineStr"><is><t>"e"</t></is></c><c/><c t="e"><v>#N/A</v></c>'
            "<c r=\"F4\"><v>1</v></c><c t = 'e'/></row>"
            '<row r="9"><c t="e"><v>#REF!</v></c></row>'
        )

        def fail(_stream: object) -> None:
            raise AssertionError("placed by reading the part again")

        monkeypatch.setattr(xlsx_errors, "_placed", fail)
        expected = {(4, 3): "#N/A", (4, 7): "", (9, 1): "#REF!"}
        assert _scan(_sheet(body)) == expected
        assert _scan(_sheet(body), 7) == expected

    def test_no_error_no_cells(self) -> None:
        body = '<row r="1"><c r="A1" t="inlineStr"><is><t>e</t></is></c></row>'
        assert _scan(_sheet(body)) == {}

    @given(
        st.lists(st.sampled_from(["#N/A", "#REF!", None, None, None]), min_size=1, max_size=40),
        st.integers(1, 64),
        st.booleans(),
    )
    def test_any_block_size_finds_the_same_cells(
        self, values: list[str | None], block: int, references: bool
    ) -> None:
        """Reading in blocks of any size (a row split anywhere) finds every error once, with
        and without cell references."""
        cells = []
        expected = {}
        for index, value in enumerate(values):
            where = (index // 5 + 1, index % 5 + 1)
            ref = f' r="{chr(64 + where[1])}{where[0]}"' if references else ""
            if value is None:
                cells.append((where, f'<c{ref} t="n"><v>{index}</v></c>'))
            else:
                expected[where] = value
                cells.append((where, f'<c{ref} t="e"><f>X()</f><v>{value}</v></c>'))
        rows: dict[int, list[str]] = {}
        for (number, _), text in cells:
            rows.setdefault(number, []).append(text)
        body = "".join(f'<row r="{n}">{"".join(c)}</row>' for n, c in rows.items())
        assert _scan(_sheet(body), block) == expected

    def test_part_of_a_named_sheet(self, tmp_path: Path) -> None:
        """The worksheet part is found through the workbook's relationships by its name."""
        path = _workbook(tmp_path / "p.xlsx", [], {}, before=True)
        with zipfile.ZipFile(path) as archive:
            assert xlsx_errors.sheet_part(archive, "Portefeuille") == "xl/worksheets/sheet2.xml"
            assert xlsx_errors.sheet_part(archive, "Toelichting") == "xl/worksheets/sheet1.xml"

    def test_unreadable_workbook_part_is_a_portfolio_error(self, tmp_path: Path) -> None:
        """A workbook part with a DTD (an entity bomb) is refused, not parsed."""
        path = _workbook(tmp_path / "p.xlsx", [row("W1", date(2025, 9, 1))], {})
        rebuilt = tmp_path / "q.xlsx"
        with zipfile.ZipFile(path) as old, zipfile.ZipFile(rebuilt, "w") as new:
            for item in old.infolist():
                data = old.read(item)
                if item.filename == "xl/workbook.xml":
                    data = b'<!DOCTYPE w [<!ENTITY a "aaaa">]>' + data.split(b"?>")[-1]
                new.writestr(item, data)
        with pytest.raises(PortfolioError, match=r"q\.xlsx"):
            open_portfolio(rebuilt).close()
