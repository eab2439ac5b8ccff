"""Portfolios as back-office staff really have them: saved by Dutch Excel or LibreOffice."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from reintegratie_cli.generate import HEADER
from reintegratie_cli.portfolio import PortfolioError, open_portfolio, resolve_header
from tests.cli.strategies_signalen import PEIL, read_csv, read_xlsx, row, run


class TestUnicodeText:
    """Excel's "Unicode-tekst (*.txt)" is tab-separated UTF-16 with a byte order mark."""

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
    def test_utf16_without_a_scratch_folder_is_refused_by_name(
        self, tmp_path: Path, encoding: str
    ) -> None:
        """Opened without a scratch folder to transcode it into (``signalen`` always gives
        one; tests/cli/test_signalen_utf16.py), a UTF-16 file is still text, not "geen
        tekstbestand": the refusal names the encoding and how to save the file."""
        bom = "\ufeff"
        lines = ["\t".join(HEADER), "\t".join(row("W1", date(2025, 1, 6)))]
        path = tmp_path / "portefeuille.txt"
        path.write_bytes((bom + "\r\n".join(lines) + "\r\n").encode(encoding))
        with pytest.raises(PortfolioError) as caught:
            open_portfolio(path)
        message = str(caught.value)
        assert "UTF-16" in message
        assert "Unicode-tekst" in message
        assert "geen tekstbestand" not in message


def _book(path: Path, sheets: list[tuple[str, list[list[object]]]], hidden: str = "") -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for cells in rows:
            sheet.append(cells)
        if name == hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


_DATA: list[list[object]] = [
    list(HEADER),
    row("W1", date(2025, 1, 6)),  # type: ignore[list-item]
    [
        "W2",
        "P-1 Bakkerij Test",
        "zeeuwse-prb",
        datetime(2020, 1, 1),
        datetime(2025, 2, 3),
    ],
]


class TestWorkbookSheets:
    """Which sheet of a workbook holds the portfolio (docs/portefeuille.md, XLSX)."""

    def test_data_on_a_later_sheet_is_found(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An explanation sheet before the data: the first sheet whose header names the
        required columns is read, not refused for the explanation's text."""
        path = _book(
            tmp_path / "p.xlsx",
            [("Toelichting", [["Deze werkmap bevat de portefeuille"]]), ("Verzuim", _DATA)],
        )
        target = tmp_path / "uit.xlsx"
        code, out, err = run([str(path), *PEIL, "--uit", str(target)], capsys)
        assert code == 0, err
        assert "2 rijen gelezen" in out
        assert {line[5] for line in read_xlsx(target)[1:]} == {"W1", "W2"}

    def test_a_hidden_list_sheet_first_is_passed_over(self, tmp_path: Path) -> None:
        """A hidden first sheet with lookup lists (for a drop-down) is not the portfolio."""
        path = _book(
            tmp_path / "p.xlsx",
            [("Lijsten", [["zeeuwse-prb"], ["asr-reintegratie"]]), ("Data", _DATA)],
            hidden="Lijsten",
        )
        with open_portfolio(path) as source:
            assert [number for number, _ in source.rows] == [2, 3]

    def test_a_title_above_the_header_is_skipped(self, tmp_path: Path) -> None:
        """A title and an empty row above the header: the header is the first row that
        names the required columns; row numbers stay the sheet's."""
        rows: list[list[object]] = [["Portefeuille per 1-11-2025"], [], *_DATA]
        path = _book(tmp_path / "p.xlsx", [("Portefeuille", rows)])
        with open_portfolio(path) as source:
            assert [number for number, _ in source.rows] == [4, 5]

    def test_no_sheet_with_the_columns_names_the_sheets(self, tmp_path: Path) -> None:
        """Without a header anywhere, the refusal names the sheet whose first row it shows
        and the other sheets it looked in."""
        path = _book(tmp_path / "p.xlsx", [("Toelichting", [["Uitleg"]]), ("Blad2", [["a", "b"]])])
        with pytest.raises(PortfolioError) as caught:
            open_portfolio(path)
        message = str(caught.value)
        assert 'werkblad "Toelichting"' in message
        assert "Blad2" in message
        assert "verplichte kolom(men) ontbreken" in message

    def test_a_header_below_twenty_empty_rows_is_not_an_empty_sheet(self, tmp_path: Path) -> None:
        """The header is looked for in the first 20 rows (docs/portefeuille.md, Welk
        werkblad); a sheet whose rows 1 to 20 are empty and whose header is on row 25 is
        refused for that, naming the row; it was called empty ("het werkblad is leeg")."""
        rows: list[list[object]] = [[] for _ in range(24)]
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Lijst"
        for number, cells in enumerate([*rows, *_DATA], start=1):
            for column, value in enumerate(cells, start=1):
                sheet.cell(row=number, column=column, value=value)
        path = tmp_path / "p.xlsx"
        book.save(path)
        with pytest.raises(PortfolioError) as caught:
            open_portfolio(path)
        message = str(caught.value)
        assert "leeg (verwacht" not in message
        assert 'werkblad "Lijst", rij 25 is de eerste gevulde rij' in message
        assert "eerste 20 rijen" in message

    def test_a_duplicate_column_on_an_earlier_sheet_does_not_stop_the_search(
        self, tmp_path: Path
    ) -> None:
        """docs/portefeuille.md (Welk werkblad): the first sheet whose header names the
        required columns is read; an earlier sheet with a column twice (an old copy, a
        lookup table) is passed over like any sheet without that header."""
        old = [[*HEADER, "Werknemer"], row("X9", date(2025, 1, 6))]
        path = _book(tmp_path / "p.xlsx", [("Oud", old), ("Verzuim", _DATA)])
        with open_portfolio(path) as source:
            assert [cells[0] for _, cells in source.rows] == ["W1", "W2"]

    def test_a_duplicate_column_on_the_chosen_sheet_is_refused(self, tmp_path: Path) -> None:
        """No later sheet with a header: the sheet with the column twice is the portfolio,
        and its duplicate is refused, naming the sheet (as for a workbook of one sheet)."""
        old = [[*HEADER, "Werknemer"], row("X9", date(2025, 1, 6))]
        path = _book(tmp_path / "p.xlsx", [("Oud", old), ("Toelichting", [["Uitleg"]])])
        with pytest.raises(PortfolioError) as caught:
            open_portfolio(path)
        assert 'werkblad "Oud": kolom "Werknemer" staat er twee keer in' in str(caught.value)
        path = _book(tmp_path / "q.xlsx", [("Portefeuille", old), ("Verzuim", _DATA)])
        with pytest.raises(PortfolioError, match='werkblad "Portefeuille": kolom "Werknemer"'):
            open_portfolio(path)

    def test_a_sheet_named_portefeuille_is_read_even_when_not_first(self, tmp_path: Path) -> None:
        """A sheet named Portefeuille is the portfolio, wherever it is."""
        other = [list(HEADER), row("X9", date(2025, 1, 6))]
        path = _book(tmp_path / "p.xlsx", [("Oud", other), ("Portefeuille", _DATA)])
        with open_portfolio(path) as source:
            assert [cells[0] for _, cells in source.rows] == ["W1", "W2"]


class TestLongText:
    """Excel holds at most 32.767 characters in a cell (docs/portefeuille.md, De werklijst)."""

    def test_a_long_value_in_a_message_is_shortened(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two bad dates of 20.000 characters each: the row's fout names both, shortened,
        in the CSV and in the XLSX alike."""
        bad = row("W1", "x" * 20_000, "y" * 20_000)
        path = tmp_path / "p.csv"
        path.write_text(",".join(HEADER) + "\n" + ",".join(bad) + "\n", encoding="utf-8")
        target = tmp_path / "uit.xlsx"
        code, _, err = run([str(path), *PEIL, "--uit", str(target)], capsys)
        assert code == 0, err
        ((*_, fout),) = read_xlsx(target)[1:]
        assert "kolom eerste_ziektedag" in fout
        assert "kolom laatste_ziektedag" in fout
        assert "20.000 tekens" in fout
        assert len(fout) < 1000

    def test_a_text_longer_than_a_cell_is_cut_visibly(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A werkgever of 40.000 characters (only a CSV can hold one): the XLSX cell keeps
        the first part and says it was cut, never silently; the CSV keeps it whole."""
        employer = "B" * 40_000
        path = tmp_path / "p.csv"
        cells = row("W1", date(2025, 1, 6), employer=employer)
        path.write_text(",".join(HEADER) + "\n" + ",".join(cells) + "\n", encoding="utf-8")
        target = tmp_path / "uit.xlsx"
        code, _, err = run([str(path), *PEIL, "--uit", str(target)], capsys)
        assert code == 0, err
        shown = read_xlsx(target)[1][4]
        assert len(shown) <= 32_767
        assert shown.startswith("B" * 30_000)
        assert shown.endswith("[ingekort: 40.000 tekens; de CSV-uitvoer heeft de hele tekst]")


class TestDuplicateColumns:
    def test_an_alias_beside_its_column_names_both(self) -> None:
        """ "Ziekmelding" is an alias of eerste_ziektedag: beside "Eerste ziektedag" the
        refusal names both headers as written, not one of them "twice"."""
        cells = ["Werknemer", "Werkgever", "Product", "Ingangsdatum", "Ziekmelding"]
        with pytest.raises(PortfolioError) as caught:
            resolve_header([*cells, "Eerste ziektedag"])
        message = str(caught.value)
        assert '"Ziekmelding"' in message
        assert '"Eerste ziektedag"' in message
        assert "eerste_ziektedag" in message
        assert "twee keer" not in message


class TestOutputPath:
    def test_a_folder_named_like_a_file_is_refused_before_any_work(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--uit naming a folder (``lijst.csv/``) is refused before reading, in Dutch, as
        reintegratie werkmap refuses it; no temporary file is left in the folder."""
        folder = tmp_path / "lijst.csv"
        folder.mkdir()
        code, out, err = run([*PEIL, "--uit", str(folder)], capsys)
        assert code == 2
        assert "is een map" in err
        assert "Is a directory" not in err
        assert out == ""
        assert list(tmp_path.iterdir()) == [folder]


class TestQuotedLineBreaks:
    def test_the_middle_line_of_a_quoted_field_says_it_is_short(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A remark over three lines (docs/portefeuille.md: one line is one row): the middle
        line, without quotes, is rejected as a line with fewer fields than the header, with
        the hint of a field over more lines, before its missing columns."""
        header = [*HEADER[:5], "opmerking"]
        first = ";".join([*row("W1", date(2025, 1, 6))[:5], '"eerste regel'])
        path = tmp_path / "p.csv"
        path.write_text(
            ";".join(header) + "\n" + first + '\ntweede regel\nderde regel"\n',
            encoding="utf-8",
        )
        target = tmp_path / "uit.csv"
        code, _, err = run([str(path), *PEIL, "--uit", str(target)], capsys)
        assert code == 0, err
        lines = {line["rijen"]: line for line in read_csv(target)}
        assert lines["3"]["fout"].startswith(
            "regel heeft 1 veld, de kopregel 6 (loopt een veld tussen aanhalingstekens"
        )


_CTRL_C_WHILE_LOADING = """
import importlib.abc, os, signal, sys

class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "reintegratie_cli.signalen":
            os.kill(os.getpid(), signal.SIGINT)  # the user's Ctrl-C while the code loads
        return None

sys.meta_path.insert(0, CtrlC())
from reintegratie_cli.main import main
sys.exit(main(sys.argv[1:]))
"""


class TestStoppedWhileLoading:
    def test_ctrl_c_while_the_commands_load_is_one_line(self, tmp_path: Path) -> None:
        """Ctrl-C right after Enter, while the program is still loading its modules: one
        line and exit code 130, as at any later moment (docs/portefeuille.md, Afbreken) —
        not Python's KeyboardInterrupt traceback."""
        import os
        import signal
        import subprocess
        import sys

        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        process = subprocess.run(
            [sys.executable, "-c", _CTRL_C_WHILE_LOADING, "signalen", *PEIL],
            env=env, capture_output=True, timeout=120, check=False, cwd=tmp_path,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )  # fmt: skip
        err = process.stderr.decode()
        assert "Traceback" not in err
        assert err.startswith("afgebroken (Ctrl-C)"), err
        assert len(err.splitlines()) == 1
        assert process.returncode == 130


class TestCsvHeaderLine:
    def test_empty_lines_above_the_header_are_named(self, tmp_path: Path) -> None:
        """A CSV whose first line is empty (or only separators): the refusal says line 1
        is empty and that the header belongs there, not "gevonden: geen"."""
        path = tmp_path / "p.csv"
        path.write_text(";;;;\n\n" + ";".join(HEADER) + "\n", encoding="utf-8")
        with pytest.raises(PortfolioError) as caught:
            open_portfolio(path)
        message = str(caught.value)
        assert "regel 1 is leeg" in message
        assert "gevonden: geen" not in message

    def test_a_title_line_is_named_as_line_1(self, tmp_path: Path) -> None:
        """A title above the header: the refusal names line 1, as for a workbook its row."""
        path = tmp_path / "p.csv"
        path.write_text("Portefeuille per 1-11-2025;;;\n" + ";".join(HEADER) + "\n")
        with pytest.raises(PortfolioError, match="regel 1: verplichte kolom"):
            open_portfolio(path)
