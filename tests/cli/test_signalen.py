"""``reintegratie signalen``: the worklist command end to end (issue 6)."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reintegratie_cli import engine, output
from reintegratie_cli.main import main
from tests.cli.strategies_signalen import (
    PEIL,
    P,
    expected_worklist,
    portfolios,
    read_csv,
    read_xlsx,
    row,
    run,
    write_csv,
)


class TestExample:
    def test_builtin_example_runs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a portfolio the built-in example is shown (what `make run` does)."""
        code, out, _ = run([*PEIL], capsys)
        assert code == 0
        assert "Werklijst per 03-11-2025" in out
        assert "ingebouwde voorbeeldportefeuille" in out
        assert "te laat" in out
        assert "Afgekeurde rijen (2)" in out

    def test_builtin_example_written_in_full(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With --uit the whole example worklist is written: 25 open cases and 2 rejected rows."""
        target = tmp_path / "werklijst.csv"
        code, _, _ = run([*PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = read_csv(target)
        assert len(lines) == 27
        assert [line["status"] for line in lines[-2:]] == ["fout", "fout"]


class TestBrokenRows:
    def test_every_good_row_plus_an_error_per_bad_row(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Bad rows never stop the run: each gets a fout line naming the field, the good ones their work item."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W1", date(2025, 10, 1)),
                row("W2", "31-02-2025"),
                row("W3", date(2025, 9, 1), product="onbekend"),
                row("W4", date(2025, 8, 1), sanction=60),
                row("W5", date(2025, 7, 1)),
            ],
        )
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = read_csv(target)
        good = {line["werknemer"] for line in lines if line["status"] != "fout"}
        assert good == {"W1", "W5"}
        errors = {line["werknemer"]: line for line in lines if line["status"] == "fout"}
        assert set(errors) == {"W2", "W3", "W4"}
        assert errors["W2"]["rijen"] == "3"
        assert "kolom eerste_ziektedag" in errors["W2"]["fout"]
        assert "verwacht een datum" in errors["W2"]["fout"]
        assert "kolom product" in errors["W3"]["fout"]
        assert "bekend: asr-reintegratie" in errors["W3"]["fout"]
        assert "kolom sanctieweken" in errors["W4"]["fout"]
        assert "rij 4 (W3)" in out

    def test_overlapping_periods_reject_the_employee(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Domain §2: overlapping periods are an error naming the rows; the run goes on."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W1", date(2025, 9, 1), date(2025, 9, 30)),
                row("W1", date(2025, 9, 20)),
                row("W2", date(2025, 10, 1)),
            ],
        )
        target = tmp_path / "uit.csv"
        assert run([str(source), *PEIL, "--uit", str(target)], capsys)[0] == 0
        lines = read_csv(target)
        assert [line["status"] for line in lines] == ["binnenkort", "fout"]
        assert lines[1]["rijen"] == "2;3"
        assert "overlappen" in lines[1]["fout"]

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_error_lines_carry_the_werkgever(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
    ) -> None:
        """A fout line names the row's werkgever (like its werknemer) when it is readable, both
        for a rejected row and for an employee whose computation failed; in CSV and XLSX."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W1", "31-02-2025", employer="P-7 Alfa"),
                row("W2", date(2025, 9, 1), date(2025, 9, 30), employer="P-8 Beta"),
                row("W2", date(2025, 9, 20), employer="P-8 Beta"),
                row("W3", date(2025, 10, 1), employer=""),
            ],
        )
        target = tmp_path / f"uit{suffix}"
        assert run([str(source), *PEIL, "--uit", str(target)], capsys)[0] == 0
        if suffix == ".csv":
            lines = [(line["werkgever"], line["werknemer"]) for line in read_csv(target)]
        else:
            sheet = read_xlsx(target)
            header = list(sheet[0])
            at = header.index("werkgever"), header.index("werknemer")
            lines = [(cells[at[0]] or "", cells[at[1]] or "") for cells in sheet[1:]]
        assert lines == [("P-7 Alfa", "W1"), ("P-8 Beta", "W2"), ("", "W3")]


class TestExitCodes:
    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A portfolio that does not exist cannot be read: exit code 2 and a Dutch message."""
        code, _, err = run([str(tmp_path / "weg.csv"), *PEIL], capsys)
        assert code == 2
        assert "kan het bestand niet openen" in err

    def test_missing_required_column(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without a required column no row can be read: exit code 2 naming the column."""
        source = tmp_path / "p.csv"
        source.write_text("werknemer,werkgever\nW1,P-1\n", encoding="utf-8")
        code, _, err = run([str(source), *PEIL], capsys)
        assert code == 2
        assert "product, ingangsdatum_module, eerste_ziektedag" in err

    def test_not_a_workbook(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An .xlsx that is no workbook cannot be read: exit code 2."""
        source = tmp_path / "p.xlsx"
        source.write_bytes(b"dit is geen werkmap")
        code, _, err = run([str(source), *PEIL], capsys)
        assert code == 2
        assert "geen leesbaar XLSX-bestand" in err

    @pytest.mark.parametrize(
        "name", ["werklijst.pdf", "werklijst.txt", "werklijst.xlsm", "werklijst"]
    )
    def test_unknown_output_extension(
        self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--uit with an extension other than .csv/.xlsx (.txt too: no CSV under another
        name) is a usage error of the argument parser: exit code 2, nothing written."""
        target = tmp_path / name
        with pytest.raises(SystemExit) as exit_info:
            run([*PEIL, "--uit", str(target)], capsys)
        assert exit_info.value.code == 2
        assert "verwacht .csv of .xlsx" in capsys.readouterr().err
        assert not target.exists()

    def test_output_may_not_be_the_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Writing the worklist over the portfolio would change the input: refused with exit code 2."""
        source = write_csv(tmp_path / "p.csv", [row("W1", date(2025, 10, 1))])
        before = source.read_bytes()
        code, _, err = run([str(source), *PEIL, "--uit", str(source)], capsys)
        assert code == 2
        assert "is het invoerbestand zelf" in err
        assert source.read_bytes() == before

    def test_output_folder_must_exist(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--uit into a folder that does not exist is refused before any work, with exit code 2."""
        code, _, err = run([*PEIL, "--uit", str(tmp_path / "weg" / "w.csv")], capsys)
        assert code == 2
        assert "bestaat niet" in err

    def test_too_many_rows_for_xlsx(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A worklist longer than an Excel sheet is refused before writing: exit 2, advice to use CSV."""
        monkeypatch.setattr(engine, "XLSX_MAX_ROWS", 10)
        target = tmp_path / "w.xlsx"
        code, _, err = run([*PEIL, "--uit", str(target)], capsys)
        assert code == 2
        assert "kies .csv" in err
        assert not target.exists()

    def test_bad_rows_only_still_exit_zero(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A readable file whose every row is bad still exits 0: the errors are the result."""
        source = write_csv(tmp_path / "p.csv", [row("W1", "gisteren")])
        assert run([str(source), *PEIL], capsys)[0] == 0


class TestAtomicWrite:
    def test_input_is_untouched(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The portfolio's bytes and modification time are the same after a run."""
        source = write_csv(tmp_path / "p.csv", [row("W1", date(2025, 10, 1))])
        before = (source.read_bytes(), source.stat().st_mtime_ns)
        run([str(source), *PEIL, "--uit", str(tmp_path / "uit.xlsx")], capsys)
        assert (source.read_bytes(), source.stat().st_mtime_ns) == before

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_failure_leaves_no_partial_output(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        suffix: str,
    ) -> None:
        """A write that fails halfway keeps the old output file and leaves no temporary file."""
        source = write_csv(tmp_path / "p.csv", [row(f"W{i}", date(2025, 10, 1)) for i in range(5)])
        target = tmp_path / f"uit{suffix}"
        target.write_bytes(b"oude werklijst")
        calls = {"n": 0}
        writer = output.CsvWriter if suffix == ".csv" else output.XlsxWriter
        original = writer.write_encoded

        def failing(self: object, encoded: str) -> None:
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(28, "No space left on device")
            original(self, encoded)  # type: ignore[arg-type]

        monkeypatch.setattr(writer, "write_encoded", failing)
        code, _, err = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 2
        assert "No space left" in err
        assert target.read_bytes() == b"oude werklijst"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv", target.name]

    def test_output_gets_ordinary_permissions(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The written file has the permissions of any new file (umask), not the temp file's 0600."""
        target = tmp_path / "uit.csv"
        run([*PEIL, "--uit", str(target)], capsys)
        mask = os.umask(0)
        os.umask(mask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~mask


class TestWorklist:
    def test_te_laat_first_then_by_days_left_then_errors(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Sorted by urgency: te laat (most overdue first), then by days left; rejected rows last."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("gepland", date(2025, 10, 20)),  # probleemanalyse 30-11: 27 days
                row("fout", "x"),
                row("laat-8", date(2025, 9, 15)),  # probleemanalyse 26-10 missed
                row("vandaag", date(2025, 10, 27)),  # ontzorgmanager today
                row(
                    "laat-42",
                    date(2024, 12, 2),
                    done={
                        "datum_probleemanalyse": "2025-01-10",
                        "datum_plan_van_aanpak": "2025-01-22",
                    },
                ),
            ],
        )
        target = tmp_path / "uit.csv"
        run([str(source), *PEIL, "--uit", str(target)], capsys)
        lines = read_csv(target)
        assert [line["werknemer"] for line in lines] == [
            "laat-42",
            "laat-8",
            "vandaag",
            "gepland",
            "fout",
        ]
        assert [line["status"] for line in lines] == [
            "te laat",
            "te laat",
            "binnenkort",
            "gepland",
            "fout",
        ]
        assert lines[0]["mijlpaal"] == "ziekmelding_uwv"
        assert lines[0]["dagen"] == "-42"
        assert lines[1]["datum"] == "2025-10-26"

    def test_periods_merge_into_one_case(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """BW 7:629 lid 10: 16 days between two periods merge; 28 days start a new case."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("samen", date(2025, 7, 7)),
                row("apart", date(2025, 5, 5), date(2025, 6, 8)),
                row("samen", date(2025, 5, 5), date(2025, 6, 20)),
                row("apart", date(2025, 7, 7)),
            ],
        )
        target = tmp_path / "uit.csv"
        run([str(source), *PEIL, "--uit", str(target)], capsys)
        lines = {line["werknemer"]: line for line in read_csv(target)}
        assert lines["samen"]["perioden"] == "2"
        assert lines["samen"]["eerste_ziektedag"] == "2025-05-05"
        assert lines["samen"]["rijen"] == "4;2"
        assert lines["apart"]["perioden"] == "1"
        assert lines["apart"]["eerste_ziektedag"] == "2025-07-07"

    def test_same_number_at_two_employers_is_two_employees(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A personeelsnummer is unique within one employer only: two employers, two cases."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W1", date(2025, 10, 1), employer="P-1 Alfa"),
                row("W1", date(2025, 10, 20), employer="P-2 Beta"),
            ],
        )
        target = tmp_path / "uit.csv"
        run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert sorted(line["werkgever"] for line in read_csv(target)) == ["P-1 Alfa", "P-2 Beta"]

    def test_closed_cases_are_not_listed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Only open cases make the worklist; a recovered employee is counted, not listed."""
        source = write_csv(
            tmp_path / "p.csv",
            [row("hersteld", date(2025, 9, 1), date(2025, 9, 12)), row("ziek", date(2025, 10, 1))],
        )
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        assert [line["werknemer"] for line in read_csv(target)] == ["ziek"]
        assert "1 zonder lopend ziektegeval" in out

    def test_a_period_ending_on_or_after_the_peildatum_is_ongoing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Domain §2: a period [first, last] is sick on every day t/m its last day, so with a
        last sick day on or after the peildatum the case is open on the peildatum (what was
        known then: the recovery came later) — listed as if the period ran on, not counted
        as *zonder lopend ziektegeval*. One day before the peildatum it is closed."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("tot-peil", date(2025, 10, 1), P),
                row("na-peil", date(2025, 10, 1), date(2025, 12, 31)),
                row("lopend", date(2025, 10, 1)),
                row("twee", date(2025, 5, 5), date(2025, 6, 20)),
                row("twee", date(2025, 7, 7), P + timedelta(days=1)),
                row("hersteld", date(2025, 10, 1), P - timedelta(days=1)),
            ],
        )
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = {line["werknemer"]: line for line in read_csv(target)}
        assert set(lines) == {"tot-peil", "na-peil", "lopend", "twee"}
        same = ("status", "dagen", "mijlpaal", "datum", "resterende_weken", "perioden")
        for name in ("tot-peil", "na-peil"):
            assert {k: lines[name][k] for k in same} == {k: lines["lopend"][k] for k in same}
        assert lines["twee"]["perioden"] == "2"
        assert lines["twee"]["eerste_ziektedag"] == "2025-05-05"
        assert "4 lopende ziektegevallen" in out
        assert "1 zonder lopend ziektegeval" in out

    def test_an_overlap_names_the_last_day_as_given(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A period running past the peildatum is taken as open only after the rows as given
        were checked: an overlap names its real last day, not "lopend"."""
        source = write_csv(
            tmp_path / "p.csv",
            [row("W1", date(2025, 9, 1), date(2025, 12, 31)), row("W1", date(2025, 10, 1))],
        )
        target = tmp_path / "uit.csv"
        run([str(source), *PEIL, "--uit", str(target)], capsys)
        (line,) = read_csv(target)
        assert line["status"] == "fout"
        assert "01-09-2025 t/m 31-12-2025" in line["fout"], line["fout"]
        assert "overlappen" in line["fout"]

    def test_pregnancy_leave_bridges_two_periods(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """BW 7:629 lid 10 (WAZO): sickness directly before and after leave is one case."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W1", date(2025, 2, 3), date(2025, 3, 30)),
                row("W1", date(2025, 3, 31), date(2025, 7, 20), kind="verlof"),
                row("W1", date(2025, 7, 21)),
            ],
        )
        target = tmp_path / "uit.csv"
        run([str(source), *PEIL, "--uit", str(target)], capsys)
        (line,) = read_csv(target)
        assert line["eerste_ziektedag"] == "2025-02-03"
        assert line["perioden"] == "2"

    def test_horizon_option(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--horizon 30 makes a milestone 27 days away binnenkort."""
        source = write_csv(tmp_path / "p.csv", [row("W1", date(2025, 10, 20))])
        target = tmp_path / "uit.csv"
        run([str(source), *PEIL, "--horizon", "30", "--uit", str(target)], capsys)
        assert read_csv(target)[0]["status"] == "binnenkort"

    def test_terminal_shows_top_n_and_a_summary(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--toon 2 prints two lines of the table and says how many more there are."""
        source = write_csv(tmp_path / "p.csv", [row(f"W{i}", date(2025, 10, 1)) for i in range(5)])
        _, out, _ = run([str(source), *PEIL, "--toon", "2"], capsys)
        table = [line for line in out.splitlines() if "zeeuwse-prb" in line]
        assert len(table) == 2
        assert "… en nog 3 regels" in out
        assert "5 lopende ziektegevallen" in out

    def test_more_rejected_rows_point_to_where_they_are(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """More rejected rows than shown: without --uit there is no column fout to look in,
        so the hint says how to get the whole list; with --uit it names the column."""
        rows = [row(f"W{i}", "31-02-2025") for i in range(4)]
        source = write_csv(tmp_path / "p.csv", rows)
        _, out, _ = run([str(source), *PEIL, "--toon", "1"], capsys)
        assert "… en nog 3 (gebruik --uit BESTAND voor de hele lijst, met de kolom fout)" in out
        target = tmp_path / "uit.csv"
        _, out, _ = run([str(source), *PEIL, "--toon", "1", "--uit", str(target)], capsys)
        assert "… en nog 3 (zie de kolom fout)" in out


class TestRoundTrip:
    def test_xlsx_output_holds_the_same_worklist_as_csv(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The XLSX worklist has the CSV's rows, with real dates and numbers."""
        run([*PEIL, "--uit", str(tmp_path / "w.csv")], capsys)
        run([*PEIL, "--uit", str(tmp_path / "w.xlsx")], capsys)
        csv_rows = read_csv(tmp_path / "w.csv")
        sheet = read_xlsx(tmp_path / "w.xlsx")
        header, body = sheet[0], sheet[1:]
        assert list(header) == list(engine.OUTPUT_HEADER)
        assert len(body) == len(csv_rows)

        def text(value: object) -> str:
            if value is None:
                return ""
            if hasattr(value, "date"):
                return value.date().isoformat()  # type: ignore[no-any-return]
            if isinstance(value, float):
                return f"{value:.2f}"
            return str(value)

        for cells, line in zip(body, csv_rows, strict=True):
            assert [text(c) for c in cells] == list(line.values())

    def test_xlsx_input_gives_the_same_worklist_as_csv_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A generated portfolio as XLSX and as CSV gives byte-identical worklists."""
        for suffix in (".csv", ".xlsx"):
            assert (
                main(
                    [
                        "genereer",
                        "300",
                        "--uit",
                        str(tmp_path / f"p{suffix}"),
                        *PEIL,
                        "--fouten",
                        "0.05",
                    ]
                )
                == 0
            )
        run([str(tmp_path / "p.csv"), *PEIL, "--uit", str(tmp_path / "a.csv")], capsys)
        run([str(tmp_path / "p.xlsx"), *PEIL, "--uit", str(tmp_path / "b.csv")], capsys)
        assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()

    def test_dutch_csv_with_semicolons_and_bom(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A Dutch Excel export (; separated, DD-MM-JJJJ, BOM) reads like the plain CSV."""
        plain = write_csv(tmp_path / "a.csv", [row("W1", date(2025, 10, 1))])
        dutch = write_csv(
            tmp_path / "b.csv",
            [row("W1", "01-10-2025", start="01-01-2020")],
            delimiter=";",
            encoding="utf-8-sig",
        )
        run([str(plain), *PEIL, "--uit", str(tmp_path / "x.csv")], capsys)
        run([str(dutch), *PEIL, "--uit", str(tmp_path / "y.csv")], capsys)
        assert (tmp_path / "x.csv").read_bytes() == (tmp_path / "y.csv").read_bytes()


class TestEngines:
    def test_parallel_partitions_equal_one_process(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Many partitions, split in parallel over two processes, give the same file as one partition in-process."""
        source = tmp_path / "p.csv"
        main(["genereer", "2000", "--uit", str(source), *PEIL, "--fouten", "0.02"])
        lines = source.read_bytes().split(b"\n")
        lines[700:700] = [b"", b",,,", b"\r"]  # blank lines still take a row number
        source.write_bytes(b"\n".join(lines))
        outputs = []
        for partition_bytes, processes in (
            (engine.PARTITION_BYTES, "1"),
            (16_000, "1"),
            (16_000, "2"),
        ):
            monkeypatch.setattr(engine, "PARTITION_BYTES", partition_bytes)
            target = tmp_path / f"uit-{partition_bytes}-{processes}.csv"
            code, out, _ = run(
                [str(source), *PEIL, "--processen", processes, "--uit", str(target)], capsys
            )
            assert code == 0
            assert "2.000 rijen gelezen" in out
            outputs.append(target.read_bytes())
        assert outputs[0] == outputs[1] == outputs[2]
        assert b"fout" in outputs[0]

    @given(
        st.lists(st.text(alphabet="ab,;é ", max_size=8), min_size=1, max_size=30),
        st.sampled_from([b"\n", b"\r\n"]),
        st.booleans(),
        st.integers(1, 5),
    )
    def test_byte_ranges_cover_every_line_once(
        self, lines: list[str], end: bytes, final_newline: bool, pieces: int
    ) -> None:
        """Split into byte ranges at line starts, a CSV yields each line once, in order."""
        import tempfile

        from reintegratie_cli.portfolio import CsvFormat

        body = end.join(line.encode() for line in ["kop", *lines]) + (end if final_newline else b"")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "p.csv"
            path.write_bytes(body)
            offset = len(b"kop" + end)
            form = CsvFormat(path, "utf-8", ",", offset)
            ranges = engine._ranges(form, len(body), pieces)
            read = [line.decode() for start, stop in ranges for line in form.lines(start, stop)]
        expected = lines if final_newline or lines[-1] else lines[:-1]
        assert read == expected

    def test_quoted_fields_are_read_by_the_csv_module(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A CSV with quoted fields (a comma in a name) is read with the csv module, line by line."""
        rows = [
            row("W1", date(2025, 10, 1), employer="P-9 Smit, Jansen & Zn"),
            row("W2", date(2025, 9, 1)),
        ]
        source = write_csv(tmp_path / "p.csv", rows)
        assert '"' in source.read_text(encoding="utf-8")
        monkeypatch.setattr(engine, "PARTITION_BYTES", 100)
        run([str(source), *PEIL, "--processen", "1", "--uit", str(tmp_path / "a.csv")], capsys)
        lines = read_csv(tmp_path / "a.csv")
        assert {line["werkgever"] for line in lines} == {
            "P-9 Smit, Jansen & Zn",
            "P-1 Bakkerij Test",
        }


class TestProgress:
    def test_progress_bars_on_a_terminal(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With stderr a terminal, tqdm bars report reading, computing and writing on stderr."""
        monkeypatch.setattr("sys.stderr.isatty", lambda: True)
        code, out, err = run([*PEIL, "--uit", str(tmp_path / "w.xlsx")], capsys)
        assert code == 0
        assert "Werklijst" in out
        assert "berekenen" in err
        assert "schrijven" in err

    def test_no_progress_bars_otherwise(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without a terminal (a pipe, a log file) stderr stays clean."""
        _, _, err = run([*PEIL, "--uit", str(tmp_path / "w.csv")], capsys)
        assert err == ""


class TestAgainstTheCore:
    @settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(portfolios())
    def test_worklist_equals_the_per_case_core_computation(
        self, tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
    ) -> None:
        """Every line equals merge_cases + timeline + next_milestone + remaining_weeks + eligible per case."""
        folder = tmp_path_factory.mktemp("eigenschap")
        source = write_csv(folder / "p.csv", rows)
        target = folder / "uit.csv"
        assert main(["signalen", str(source), *PEIL, "--toon", "0", "--uit", str(target)]) == 0
        lines = read_csv(target)
        expected = expected_worklist(rows)
        got = {f"{line['werkgever']}|{line['werknemer']}": line for line in lines}
        assert set(got) == set(expected)
        for key, values in expected.items():
            assert {k: got[key][k] for k in values} == values
        urgency = [(line["status"] != "te laat", int(line["dagen"] or 10**6)) for line in lines]
        assert urgency == sorted(urgency)


class TestScreenNumbers:
    def test_remaining_weeks_read_as_the_file_holds_them(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The screen's 'rest. weken' column has two decimals on every line, as the CSV
        value (103.00 and 102.86), not '103' beside '102,86'."""
        source = write_csv(
            tmp_path / "p.csv", [row("W1", date(2025, 1, 6)), row("W2", date(2025, 1, 7))]
        )
        target = tmp_path / "w.csv"
        code, out, _ = run([str(source), "--peildatum", "2025-01-12", "--uit", str(target)], capsys)
        assert code == 0
        weeks = {line["werknemer"]: line["resterende_weken"] for line in read_csv(target)}
        assert weeks == {"W1": "103.00", "W2": "103.14"}
        screen = {line.split()[-2] for line in out.splitlines() if " W1 " in line or " W2 " in line}
        assert screen == {"103,00", "103,14"}


class TestRejectedRowsOnScreen:
    def test_a_row_is_named_once(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A one-row error reads 'rij 2 (W1): …', not 'rij 2 (W1): rijen 2: …'; an error of
        several rows names them all once ('rijen 3, 4 (W2): …'); the file's fout column
        holds the reason alone, beside the rijen column that holds the rows."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W1", date(2025, 3, 3), done={"datum_probleemanalyse": date(2025, 1, 6)}),
                row("W2", date(2025, 9, 1), date(2025, 9, 30)),
                row("W2", date(2025, 9, 20)),
            ],
        )
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        assert "  rij 2 (W1): datum_probleemanalyse: 06-01-2025 ligt vóór" in out
        assert "rijen 2" not in out
        assert "  rijen 3, 4 (W2): " in out
        errors = {line["werknemer"]: line for line in read_csv(target) if line["status"] == "fout"}
        assert errors["W1"]["rijen"] == "2"
        assert errors["W1"]["fout"].startswith("datum_probleemanalyse: ")
        assert errors["W2"]["rijen"] == "3;4"
        assert not errors["W2"]["fout"].startswith("rijen")
