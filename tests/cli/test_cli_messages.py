"""Message polish of the command line: the accepted suffixes, Dutch thousands, empty names,
and the option the user typed (review of the command line)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from reintegratie_cli import engine, output
from reintegratie_cli.args import whole_number_arg
from reintegratie_cli.main import main
from reintegratie_cli.output import OutputError, XlsxWriter
from reintegratie_cli.portfolio import PeriodRow, PortfolioError, open_portfolio
from reintegratie_cli.worklines import employee_line, failed
from reintegratie_core import InvalidValueError, Milestone, builtin_product
from tests.cli.strategies_signalen import PEIL, row, run, write_csv


class TestPortfolioSuffixes:
    def test_the_message_names_every_accepted_suffix(self, tmp_path: Path) -> None:
        """.txt (CSV under that name, e.g. Excel's tab-separated text) and .xlsm are read, so
        the refusal of another suffix names them too."""
        path = tmp_path / "p.ods"
        path.write_bytes(b"x")
        with pytest.raises(PortfolioError, match=r"\(verwacht \.csv, \.txt, \.xlsx of \.xlsm\)"):
            open_portfolio(path)

    def test_txt_is_read_as_csv(self, tmp_path: Path) -> None:
        path = write_csv(tmp_path / "p.txt", [row("W1", date(2025, 1, 6))], delimiter="\t")
        with open_portfolio(path) as source:
            assert source.csv is not None
            assert len(list(source.rows)) == 1


class TestThousands:
    def test_xlsx_writer_row_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The limit reads as Dutch Excel writes a count: 1.048.575, here 2.000."""
        monkeypatch.setattr(output, "XLSX_MAX_ROWS", 2001)
        writer = XlsxWriter(tmp_path / "t.xlsx", ["x"])
        for _ in range(2000):
            writer.write(["a"])
        with pytest.raises(OutputError, match=r"meer dan 2\.000 regels"):
            writer.write(["b"])
        writer.abort()

    def test_worklist_too_long_for_xlsx(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(engine, "XLSX_MAX_ROWS", 1001)
        source = write_csv(tmp_path / "p.csv", [row(f"W{i}", "x") for i in range(1200)])
        code, _, err = run([str(source), *PEIL, "--uit", str(tmp_path / "w.xlsx")], capsys)
        assert code == 2
        assert "1.200 regels passen niet in één XLSX-werkblad (hoogstens 1.000)" in err


class TestEmptyNames:
    @pytest.mark.parametrize(
        "argv",
        [
            ["signalen", "--uit", ""],
            ["signalen", ""],
            ["genereer", "10", "--uit", ""],
            ["werkmap", "", "--uit", "uit.xlsx"],
            ["werkmap", "in.xlsx", "--uit", " "],
        ],
    )
    def test_an_empty_file_name_is_called_empty(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty name is no folder ".": the message says the name is empty."""
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert "de bestandsnaam is leeg" in err
        assert ": .:" not in err


class TestTijdlijnNamesTheOption:
    def test_probleemanalyse_before_the_first_day(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The user typed --probleemanalyse, not the Excel argument datum_probleemanalyse."""
        assert main(["tijdlijn", "2025-06-01", "--probleemanalyse", "2025-01-01"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("fout: --probleemanalyse: 01-01-2025 ligt vóór de eerste ziektedag")
        assert "datum_probleemanalyse" not in err

    def test_first_day_out_of_range(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A milestone past 9999-12-31 names the positional eerste_ziektedag, not ziekte."""
        assert main(["tijdlijn", "9999-12-01"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("fout: eerste_ziektedag: ")

    def test_probleemanalyse_out_of_range(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["tijdlijn", "9999-12-01", "--probleemanalyse", "9999-12-30"]) == 2
        err = capsys.readouterr().err
        assert "datum_probleemanalyse" not in err
        assert "ziekte:" not in err


class TestRowErrorsNameTheUsersTerms:
    def test_a_case_past_the_calendar_names_ziekte(self) -> None:
        """A row error of `work_item` says ``ziekte``, as before the core named its Python
        parameter (``case``): the worklist's user knows no Python names."""
        product = builtin_product("mkb-verzuim-ontzorg")
        rows = [
            PeriodRow(
                1, "W-1", "P-1", product, date(2022, 1, 1), date(9998, 6, 1), None, False, None, ()
            )
        ]
        with pytest.raises(InvalidValueError) as raised:
            employee_line("P-1", "W-1", rows, date(9998, 7, 1), 30)
        error = failed(rows, "P-1", "W-1", raised.value)
        assert error.message == (
            "ziekte: een mijlpaal valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)"
        )

    def test_a_probleemanalyse_before_the_case_names_its_column(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A probleemanalyse before the first sick day (domain §8.1) is refused naming the
        column ``datum_probleemanalyse``: the core names its parameter ``probleemanalyse``,
        which the row error dropped, leaving the user to guess which date is wrong."""
        path = write_csv(
            tmp_path / "p.csv",
            [row("W-1", date(2025, 3, 3), done={"datum_probleemanalyse": date(2025, 1, 6)})],
        )
        out = tmp_path / "uit.csv"
        code, _, _ = run([str(path), *PEIL, "--uit", str(out)], capsys)
        assert code == 0
        assert (
            ",2,datum_probleemanalyse: 06-01-2025 ligt vóór de eerste ziektedag 03-03-2025"
        ) in out.read_text(encoding="utf-8")

    def test_the_row_error_names_the_probleemanalyse_column(self) -> None:
        """Domain §8.1: a probleemanalyse date before the first sick day is an error naming
        ``datum_probleemanalyse`` — the column, as RI_MIJLPAAL names its argument."""
        product = builtin_product("zeeuwse-prb")
        done = ((Milestone.PROBLEEMANALYSE, date(2025, 3, 20)),)
        rows = [
            PeriodRow(4, "W-1", "P-1", product, date(2024, 1, 1), date(2025, 6, 9), None, False, None, done)
        ]  # fmt: skip
        with pytest.raises(InvalidValueError) as raised:
            employee_line("P-1", "W-1", rows, date(2025, 9, 1), 14)
        error = failed(rows, "P-1", "W-1", raised.value)
        assert error.message == (
            "datum_probleemanalyse: 20-03-2025 ligt vóór de eerste ziektedag 09-06-2025"
        )


class TestWholeNumberOptions:
    """int() also reads "1_0" and "３"; a whole-number option takes digits 0-9 only."""

    @pytest.mark.parametrize("text", ["1_0", "３", "٣"])
    def test_refused(self, text: str) -> None:
        with pytest.raises(argparse.ArgumentTypeError, match="is geen getal"):
            whole_number_arg(text)

    @pytest.mark.parametrize(("text", "value"), [("3", 3), ("-3", -3), ("+3", 3), (" 3 ", 3)])
    def test_accepted(self, text: str, value: int) -> None:
        assert whole_number_arg(text) == value

    @pytest.mark.parametrize(("text", "value"), [("1.000", 1000), ("1.000.000", 1_000_000)])
    def test_dutch_thousands(self, text: str, value: int) -> None:
        """A whole number is read as to_int reads one (reintegratie_io): the point groups
        thousands the Dutch way, as in every cell and column the shells read."""
        assert whole_number_arg(text) == value

    @pytest.mark.parametrize("text", ["1,000", "1.5", "1,5"])
    def test_ambiguous_or_fractional_refused(self, text: str) -> None:
        """``1,000`` (1000 to an English reader) is ambiguous, ``1.5`` is no whole number."""
        with pytest.raises(argparse.ArgumentTypeError, match=f'^"{text}" is '):
            whole_number_arg(text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("1_000", '"1_000" is geen getal'),
            ("1,000", '"1,000" is dubbelzinnig'),
            ("1.5", '"1.5" is geen geheel getal'),
            ("1.0.0", '"1.0.0" is geen getal'),
        ],
    )
    def test_genereer_rows_as_every_whole_number(
        self, text: str, expected: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """``genereer N`` reads N as every whole number: int() with "_" and "." dropped read
        ``1_000`` as 1000, ``1.5`` as 15 and ``1.0.0`` as 100."""
        target = tmp_path / "p.csv"
        with pytest.raises(SystemExit):
            main(["genereer", text, "--uit", str(target)])
        assert f"fout: N: {expected}" in capsys.readouterr().err
        assert not target.exists()

    def test_genereer_rows_dutch_thousands(self, tmp_path: Path) -> None:
        """``genereer 1.000`` writes one thousand rows (the Dutch thousands point)."""
        target = tmp_path / "p.csv"
        assert main(["genereer", "1.000", "--uit", str(target), "--peildatum", "2025-06-01"]) == 0
        assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 1001

    def test_signalen_horizon(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["signalen", "--horizon", "３"])
        assert '"３" is geen getal (verwacht een geheel getal)' in capsys.readouterr().err


class TestOneCheckOfTheOutputFile:
    """Every command checks its output file the same way before any work
    (`output.target_problem`): genereer said only after generating, in the system's English
    (``(No such file or directory)``), and werkmap had its own copy of the checks."""

    @pytest.mark.parametrize(
        "command",
        [
            ["genereer", "10"],
            ["signalen", *PEIL],
            ["werkmap", "excel/voorbeeld-backoffice.xlsx"],
        ],
    )
    def test_a_missing_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
    ) -> None:
        target = tmp_path / "weg" / ("uit.xlsx" if command[0] == "werkmap" else "uit.csv")
        assert main([*command, "--uit", str(target)]) == 2
        err = capsys.readouterr().err
        assert f"{target}: de map {target.parent} bestaat niet" in err
        assert "No such file" not in err

    @pytest.mark.parametrize("command", [["genereer", "10"], ["signalen", *PEIL]])
    def test_a_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
    ) -> None:
        folder = tmp_path / "lijst.csv"  # a folder with a file's name
        folder.mkdir()
        assert main([*command, "--uit", str(folder)]) == 2
        assert f"{folder}: is een map; geef een bestandsnaam op" in capsys.readouterr().err

    def test_werkmap_over_its_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "w.xlsx"
        source.write_bytes(Path("excel/voorbeeld-backoffice.xlsx").read_bytes())
        before = source.read_bytes()
        assert main(["werkmap", str(source), "--uit", str(source)]) == 2
        assert "is het invoerbestand zelf" in capsys.readouterr().err
        assert source.read_bytes() == before
