"""Writing tables atomically as CSV and XLSX, and the synthetic portfolio generator."""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reintegratie_cli import output
from reintegratie_cli.generate import HEADER, PEILDATUM_BOUNDS, portfolio_rows
from reintegratie_cli.main import main
from reintegratie_cli.output import (
    AtomicOutput,
    OutputError,
    OutputKind,
    XlsxWriter,
    csv_line,
    write_table,
)
from reintegratie_cli.table import EXCEL_MAX_TEXT
from tests.cli.strategies_signalen import P, read_xlsx

VALUES: list[object] = [
    "tekst, met komma",
    'aanhalingsteken "x"',
    -3,
    Decimal("12.50"),
    date(2025, 1, 6),
    None,
    True,
]


class TestCsv:
    def test_values_are_written_for_machines(self) -> None:
        """Text quoted where needed, dates ISO, decimals with a point, None empty, booleans ja/nee."""
        (record,) = list(csv.reader(io.StringIO(csv_line(VALUES))))
        assert record == [
            "tekst, met komma",
            'aanhalingsteken "x"',
            "-3",
            "12.50",
            "2025-01-06",
            "",
            "ja",
        ]

    @given(
        st.lists(
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=10),
            min_size=2,
            max_size=5,
        )
    )
    def test_any_text_round_trips(self, texts: list[str]) -> None:
        """Whatever the texts (two or more, as in every worklist row), the csv module reads them
        back — a text a spreadsheet would run as a formula with a leading ' (issue 16 item 4)."""
        (record,) = list(csv.reader(io.StringIO(csv_line(texts), newline="")))
        assert record == [("'" + t if t.startswith(output.FORMULA_START) else t) for t in texts]

    @pytest.mark.parametrize(
        "text",
        [
            '=HYPERLINK("http://x","click")',
            "+cmd|' /C calc'!A0",
            "@SUM(1)",
            "-2+3",
            "\t=1+1",
            "\r=1+1",
        ],
    )
    def test_formula_injection_is_neutralised(self, text: str) -> None:
        """Issue 16 item 4 (OWASP CSV injection): a text starting with =, +, -, @, tab or CR
        is written quoted with a leading ', so a spreadsheet shows it as text."""
        line = csv_line(["W1", text, -2, Decimal("-1.50")])
        field = line.split(",", 1)[1]
        assert field.startswith("\"'")
        (record,) = list(csv.reader(io.StringIO(line, newline="")))
        assert record == ["W1", "'" + text, "-2", "-1.50"]

    @given(st.text(max_size=12))
    def test_a_new_text_is_encoded_as_the_cached_rule_says(self, text: str) -> None:
        """A text not seen before that is only letters and digits (an employee number) skips
        the regex and the cache; any text gives the field `csv_text` and `xlsx_cells` give
        for it through the full rule, the first time and from the cache."""
        output._CSV_FIELDS.pop(text, None)
        output._XML_CELLS.pop(text, None)
        for _ in range(2):
            assert csv_line([text, "x"]) == output.csv_text(text) + ",x\r\n"
            assert output.xlsx_cells([text]) == (output._xml_text(text) if text else "<c/>")

    def test_equal_numbers_of_other_types_keep_their_own_field(self) -> None:
        """1, True and Decimal("1.00") are equal dict keys; each keeps its own field (numbers
        are never cached), and an unhashable value is encoded without the cache."""
        for _ in range(2):
            assert csv_line([1, True, Decimal("1.00"), 1, False, 0]) == "1,ja,1.00,1,nee,0\r\n"
            assert csv_line([["x"], 2]) == "['x'],2\r\n"
            assert output.xlsx_cells([Decimal("1.00"), True, 1]) == (
                '<c><v>1.00</v></c><c t="inlineStr"><is><t>ja</t></is></c><c><v>1</v></c>'
            )
            assert output.xlsx_cells([["x"]]) == "<c t=\"inlineStr\"><is><t>['x']</t></is></c>"

    @given(st.integers() | st.decimals(allow_nan=False, allow_infinity=False, places=2))
    def test_a_number_is_encoded_by_the_rule(self, number: int | Decimal) -> None:
        """An int or a Decimal takes the encoders' C-level number path; its field is the
        one the per-value rule gives (CSV and SpreadsheetML)."""
        assert csv_line([number]) == output._csv_value(number) + "\r\n"
        assert output.xlsx_cells([number]) == output._xlsx_value(number)

    @given(
        st.lists(
            st.tuples(
                st.integers(-5, 5) | st.none(),
                st.sampled_from(["a", "x,y", "=1", "", "W1"]) | st.none(),
                st.decimals(places=2, min_value=-3, max_value=3) | st.none(),
                st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 1, 9)) | st.none(),
            ),
            max_size=30,
        )
    )
    def test_an_encoder_with_number_columns_gives_the_plain_encoding(
        self, rows: list[tuple[object, ...]]
    ) -> None:
        """An encoder told each column's one number type keeps numbers by value per column;
        every row is still encoded as `csv_line` and `xlsx_cells` encode it — the repeating
        values from the columns' dicts, a row of another width and an unhashable value
        without them."""
        numbers = (int, None, Decimal, None)
        for kind, plain in ((OutputKind.CSV, csv_line), (OutputKind.XLSX, output.xlsx_cells)):
            encode = output.encoder(kind, numbers)
            for row in [*rows, *rows, (1, "a"), (1, ["x"], Decimal(1), None)]:
                assert encode(row) == plain(row)

    def test_the_worklist_columns_hold_their_declared_number_types(self) -> None:
        """The encoder's contract (`OUTPUT_NUMBERS`): in the worklist's number columns every
        line of a generated portfolio holds a number of that column's one type, or None."""
        from reintegratie_cli.portfolio import RowError, RowParser, resolve_header
        from reintegratie_cli.worklines import OUTPUT_NUMBERS, Line, employee_line

        parser = RowParser(resolve_header(HEADER))
        groups: dict[tuple[str, str], list[Any]] = {}
        for number, cells in enumerate(portfolio_rows(3000, seed=5, reference=P), 2):
            row = parser.parse([str(c) if c is not None else "" for c in cells], number)
            assert not isinstance(row, RowError)
            groups.setdefault((row.employer, row.employee), []).append(row)
        lines = [employee_line(*key, rows, P, 14) for key, rows in groups.items()]
        checked = [line for line in lines if isinstance(line, Line)]
        assert len(checked) > 500
        for line in checked:
            for value, kind in zip(line.values, OUTPUT_NUMBERS, strict=True):
                if kind is not None:
                    assert value is None or type(value) is kind

    def test_numbers_stay_numbers(self) -> None:
        """Issue 16 item 4: a negative number (days te laat) is written as a bare number."""
        assert csv_line([-12, Decimal("-0.50"), 3]) == "-12,-0.50,3\r\n"


class TestXlsx:
    def test_workbook_reads_back_with_types(self, tmp_path: Path) -> None:
        """openpyxl reads text, numbers, dates and empty cells back; the header is bold and frozen."""
        from openpyxl import load_workbook

        path = tmp_path / "t.xlsx"
        write_table(path, ["a", "b", "c", "d", "e", "f", "g"], [VALUES], sheet="werklijst")
        workbook = load_workbook(path)
        sheet = workbook["werklijst"]
        assert [c.value for c in sheet[2]] == [
            "tekst, met komma",
            'aanhalingsteken "x"',
            -3,
            12.5,
            datetime(2025, 1, 6),
            None,
            "ja",
        ]
        assert sheet["A1"].font.b
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == "A1:G2"
        assert sheet["E2"].number_format == "dd\\-mm\\-yyyy"

    def test_markup_and_control_characters_are_safe(self, tmp_path: Path) -> None:
        """<, & and > are escaped; control characters XML cannot hold are dropped; spaces kept."""
        path = tmp_path / "t.xlsx"
        write_table(path, ["x"], [["<b>&</b>\x01"], ["  rand  "]])
        assert [r[0] for r in read_xlsx(path)[1:]] == ["<b>&</b>", "  rand  "]

    def test_every_part_is_well_formed_xml(self, tmp_path: Path) -> None:
        """Each part of the package parses as XML."""
        from defusedxml.ElementTree import fromstring

        path = tmp_path / "t.xlsx"
        write_table(path, ["x", "y"], [["a", 1], ["b", date(2025, 1, 1)]])
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                fromstring(package.read(name))

    @pytest.mark.parametrize(
        ("text", "length"),
        [
            ("ab;" * 13_334, "40.002"),  # 40,002 characters
            ("x" * 40_000, "40.000"),  # letters only: the writer's fast path for a word
            ("😀" * 20_000, "40.000"),  # Excel counts an emoji as two (UTF-16)
            ("𝟘" * 20_000, "40.000"),  # a digit outside the BMP: a "word" of two units each
        ],
    )
    def test_a_text_too_long_for_a_cell_is_cut_visibly(
        self, tmp_path: Path, text: str, length: str
    ) -> None:
        """Excel holds at most 32,767 characters (UTF-16 units, as LEN counts) in a cell; a
        longer text is cut to fit and says so at its end with its full length, never cut
        silently (the CSV keeps it whole)."""
        path = tmp_path / "t.xlsx"
        write_table(path, ["x"], [[text]])
        (shown,) = read_xlsx(path)[1]
        assert len(shown.encode("utf-16-le")) // 2 <= EXCEL_MAX_TEXT
        assert shown.endswith(f"[ingekort: {length} tekens; de CSV-uitvoer heeft de hele tekst]")
        assert text.startswith(shown.partition(" … [ingekort")[0])

    def test_a_text_that_fits_is_whole(self, tmp_path: Path) -> None:
        """A text of exactly 32,767 characters fits a cell and is written whole."""
        path = tmp_path / "t.xlsx"
        text = "a;" * 16_383 + "a"
        write_table(path, ["x"], [[text], ["b" * EXCEL_MAX_TEXT]])
        assert [r[0] for r in read_xlsx(path)[1:]] == [text, "b" * EXCEL_MAX_TEXT]

    def test_excel_row_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Beyond Excel's last row the writer refuses and tells to choose CSV."""
        monkeypatch.setattr(output, "XLSX_MAX_ROWS", 3)
        writer = XlsxWriter(tmp_path / "t.xlsx", ["x"])
        writer.write(["a"])
        writer.write(["b"])
        with pytest.raises(OutputError, match=r"kies \.csv"):
            writer.write(["c"])
        writer.abort()


class TestAtomicOutput:
    def test_success_replaces_the_target(self, tmp_path: Path) -> None:
        """On success the temporary file becomes the target."""
        target = tmp_path / "t.csv"
        target.write_text("oud", encoding="utf-8")
        with AtomicOutput(target) as atomic:
            atomic.temporary.write_text("nieuw", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "nieuw"
        assert list(tmp_path.iterdir()) == [target]

    def test_failure_keeps_the_target(self, tmp_path: Path) -> None:
        """On an exception the temporary file is removed and the target is unchanged."""
        target = tmp_path / "t.csv"
        target.write_text("oud", encoding="utf-8")

        def interrupted() -> None:
            with AtomicOutput(target) as atomic:
                atomic.temporary.write_text("half", encoding="utf-8")
                raise RuntimeError

        with pytest.raises(RuntimeError):
            interrupted()
        assert target.read_text(encoding="utf-8") == "oud"
        assert list(tmp_path.iterdir()) == [target]

    def test_stopped_while_opening_leaves_no_temporary_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Issue 16 item 7: a stop (SIGTERM/Ctrl-C, a KeyboardInterrupt) that lands after the
        temporary file exists but before ``with`` is entered still removes it."""
        target = tmp_path / "t.xlsx"
        target.write_text("oud", encoding="utf-8")

        def stopped(*_args: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(output.os, "chmod", stopped)
        with pytest.raises(KeyboardInterrupt):
            AtomicOutput(target)
        assert list(tmp_path.iterdir()) == [target]
        assert target.read_text(encoding="utf-8") == "oud"

    def test_stopped_before_the_block_is_cleaned_up_by_the_command(self, tmp_path: Path) -> None:
        """A stop that lands after the temporary file is made but before ``with`` runs (no
        ``__exit__`` will) leaves it registered; the command's stop handling removes it."""
        target = tmp_path / "t.xlsx"
        target.write_text("oud", encoding="utf-8")
        created = AtomicOutput(target)  # … and here the stop lands: no ``with`` follows
        assert created.temporary.exists()
        output.remove_temporaries()
        assert list(tmp_path.iterdir()) == [target]
        assert target.read_text(encoding="utf-8") == "oud"

    def test_finished_files_are_forgotten(self, tmp_path: Path) -> None:
        """A replaced or removed temporary file is no longer registered for cleanup."""
        with AtomicOutput(tmp_path / "a.csv") as atomic:
            atomic.temporary.write_text("x", encoding="utf-8")
        with pytest.raises(RuntimeError), AtomicOutput(tmp_path / "b.csv"):
            raise RuntimeError
        assert not output._LIVE

    def test_missing_folder_is_an_output_error(self, tmp_path: Path) -> None:
        """A target in a folder that does not exist gives a Dutch OutputError."""
        with pytest.raises(OutputError, match="kan niet schrijven"):
            AtomicOutput(tmp_path / "weg" / "t.csv")

    def test_kind_by_extension(self) -> None:
        """.csv and .xlsx are known (any case); anything else names what is accepted."""
        assert OutputKind.of(Path("a.CSV")) is OutputKind.CSV
        assert OutputKind.of(Path("a.xlsx")) is OutputKind.XLSX
        for name in ("a.xls", "a.txt", "a.xlsm", "a"):
            with pytest.raises(ValueError, match=r"verwacht \.csv of \.xlsx"):
                OutputKind.of(Path(name))


class TestGenerator:
    @settings(max_examples=25, deadline=None)
    @given(
        seed=st.integers(0, 2**32),
        reference=st.sampled_from([PEILDATUM_BOUNDS.first, PEILDATUM_BOUNDS.last]),
    )
    def test_every_peildatum_in_range_generates(self, seed: int, reference: date) -> None:
        """At both ends of the range the generator makes only dates that exist (no
        OverflowError, no out-of-range deadline from the core) and a full portfolio."""
        rows = list(portfolio_rows(400, seed=seed, reference=reference, error_share=0.0))
        assert len(rows) == 400
        for row in rows:
            assert all(isinstance(v, date) for v in (row[3], row[4]))

    def test_same_seed_same_file(self, tmp_path: Path) -> None:
        """The same seed, size and peildatum give the same bytes; another seed does not."""
        args = ["genereer", "500", "--peildatum", P.isoformat()]
        assert main([*args, "--uit", str(tmp_path / "a.csv")]) == 0
        assert main([*args, "--uit", str(tmp_path / "b.csv")]) == 0
        assert main([*args, "--zaad", "2", "--uit", str(tmp_path / "c.csv")]) == 0
        assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
        assert (tmp_path / "a.csv").read_bytes() != (tmp_path / "c.csv").read_bytes()

    @given(st.integers(0, 300), st.integers(0, 10))
    def test_exactly_n_rows_in_the_documented_columns(self, size: int, seed: int) -> None:
        """N rows, each with one value per column of the portfolio format."""
        rows = list(portfolio_rows(size, seed=seed, reference=P))
        assert len(rows) == size
        assert all(len(r) == len(HEADER) for r in rows)

    def test_rows_of_an_employee_are_not_contiguous(self) -> None:
        """Rows are shuffled within blocks: the worklist must group employees itself."""
        employees = [r[0] for r in portfolio_rows(2000, seed=1, reference=P)]
        runs = sum(1 for a, b in itertools.pairwise(employees) if a != b) + 1
        assert runs > len(set(employees))

    def test_open_cases_are_no_older_than_the_model_allows(self) -> None:
        """No generated open case starts more than 800 days before the peildatum."""
        from reintegratie_core import Absence, merge_cases

        by_employee: dict[object, list[list[object]]] = {}
        for r in portfolio_rows(3000, seed=3, reference=P):
            by_employee.setdefault(r[0], []).append(r)
        for rows in by_employee.values():
            absences = [
                Absence.leave(r[4], r[5]) if r[6] == "verlof" else Absence.sick(r[4], r[5])  # type: ignore[arg-type]
                for r in rows
            ]
            case = merge_cases(absences)[-1]
            if case.is_open:
                assert (P - case.first_day).days <= 800

    def test_error_share_breaks_rows(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--fouten 0.1 makes about a tenth of the rows fail validation."""
        main(
            [
                "genereer",
                "1000",
                "--peildatum",
                P.isoformat(),
                "--fouten",
                "0.1",
                "--uit",
                str(tmp_path / "p.csv"),
            ]
        )
        main(["signalen", str(tmp_path / "p.csv"), "--peildatum", P.isoformat(), "--toon", "0"])
        out = capsys.readouterr().out
        rejected = int(out.split(" afgekeurd")[0].rsplit("· ", 1)[1].replace(".", ""))
        assert 50 <= rejected <= 160

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["-5", "--uit", "x.csv"], "0 of meer"),
            (["10", "--uit", "x.pdf"], "verwacht .csv of .xlsx"),
            (["10", "--uit", "x.txt"], "onbekende extensie .txt (verwacht .csv of .xlsx)"),
            (["10", "--uit", "x.csv", "--lopend", "2"], "fractie"),
            (
                ["10", "--uit", "x.csv", "--peildatum", "9999-12-31"],
                "valt buiten het bereik van genereer (01-01-0010 t/m 31-12-9997",
            ),
            (
                ["10", "--uit", "x.csv", "--peildatum", "0001-01-05"],
                "valt buiten het bereik van genereer (01-01-0010 t/m 31-12-9997",
            ),
        ],
    )
    def test_bad_arguments(
        self,
        args: list[str],
        message: str,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Bad arguments give exit code 2 and a Dutch message, and write nothing."""
        monkeypatch.chdir(tmp_path)
        try:
            code = main(["genereer", *args])
        except SystemExit as exc:
            code = exc.code  # type: ignore[assignment]
        assert code == 2
        assert message in capsys.readouterr().err
        assert list(tmp_path.iterdir()) == []
