"""Reading a portfolio: header, per-column validation with row numbers, CSV and XLSX sources."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reintegratie_cli.generate import HEADER
from reintegratie_cli.portfolio import (
    COLUMNS,
    PeriodRow,
    PortfolioError,
    RowError,
    RowParser,
    open_portfolio,
    resolve_header,
)
from reintegratie_core import Milestone
from tests.cli.strategies_signalen import PEIL, read_csv, row, run, write_csv

PARSER = RowParser(resolve_header(HEADER))


def parse(cells: list[object], number: int = 7) -> PeriodRow | RowError:
    return PARSER.parse(cells, number)


def error_of(cells: list[object]) -> str:
    result = parse(cells)
    assert isinstance(result, RowError), result
    assert result.row == 7
    return result.message


class TestHeader:
    def test_names_are_matched_loosely_and_aliases_accepted(self) -> None:
        """Case, spaces, - and _ do not matter; aliases such as 'Datum 42e weekmelding' are known."""
        header = resolve_header(
            [
                "Werknemer",
                "Polis",
                "PRODUCT",
                "Ingangsdatum",
                "Eerste ziektedag",
                "Datum 42e weekmelding",
            ]
        )
        assert header.position("werkgever") == 1
        assert header.position("ingangsdatum_module") == 3
        assert header.position("datum_ziekmelding_uwv") == 5

    def test_invisible_characters_in_a_name_do_not_count(self) -> None:
        """A second byte order mark (a file re-saved as UTF-8 with BOM) or a zero-width space
        (copied from a web page) is no part of a column name: the column is found, and an
        unknown name is reported without them."""
        header = resolve_header(
            ["\ufeff\ufeffwerknemer", "werkgever\u200b", *HEADER[2:5], "\u200bopmerking"]
        )
        assert header.position("werknemer") == 0
        assert header.position("werkgever") == 1
        assert header.ignored == ("opmerking",)
        with pytest.raises(PortfolioError) as info:
            resolve_header(["\ufeffwerknemer", "product"])
        assert "\ufeff" not in str(info.value)
        assert "(gevonden: werknemer, product;" in str(info.value)

    def test_header_cells_that_are_no_text_are_named_as_excel_shows_them(self) -> None:
        """An XLSX header cell holding a number, truth value or date is named as Dutch Excel
        shows it, not as Python's 2025.0, True or 2025-01-01."""
        header = resolve_header([*HEADER[:5], 2025.0, True, 1.5, date(2025, 1, 1)])
        assert header.ignored == ("2025", "WAAR", "1,5", "01-01-2025")
        with pytest.raises(PortfolioError) as info:
            resolve_header(["werknemer", 2025.0, False])
        assert "(gevonden: werknemer, 2025, ONWAAR;" in str(info.value)

    def test_unknown_columns_are_ignored_and_reported(self) -> None:
        """A column the portfolio format does not know is ignored, and named as such."""
        header = resolve_header([*HEADER[:5], "opmerking"])
        assert header.ignored == ("opmerking",)

    def test_missing_required_columns_are_fatal(self) -> None:
        """Without werkgever or eerste_ziektedag the file cannot be read; the error names both."""
        with pytest.raises(PortfolioError, match="werkgever, eerste_ziektedag"):
            resolve_header(["werknemer", "product", "ingangsdatum_module"])

    def test_a_column_twice_is_fatal(self) -> None:
        """Two columns meaning the same field are ambiguous: an error."""
        with pytest.raises(PortfolioError, match='"werkgever" en "polis" betekenen allebei'):
            resolve_header([*HEADER[:5], "polis"])
        with pytest.raises(PortfolioError, match='kolom "Polis" staat er twee keer in'):
            resolve_header(["polis", *HEADER[:1], *HEADER[2:5], "Polis"])

    def test_every_documented_column_is_in_the_docs(self) -> None:
        """docs/portefeuille.md documents every column by name, with every alias."""
        text = (Path(__file__).parents[2] / "docs" / "portefeuille.md").read_text(encoding="utf-8")
        for column in COLUMNS:
            for name in (column.name, *column.aliases):
                assert f"`{name}`" in text


class TestRowValidation:
    def test_a_good_row(self) -> None:
        """A complete row becomes a period with its case-level values."""
        result = parse(
            row("W1", "06-01-2025", sanction=3, done={"datum_probleemanalyse": "2025-02-14"})
        )
        assert isinstance(result, PeriodRow)
        assert result.first == date(2025, 1, 6)
        assert result.last is None
        assert result.sanction_weeks == 3
        assert result.done == ((Milestone.PROBLEEMANALYSE, date(2025, 2, 14)),)
        assert result.product.code == "zeeuwse-prb"

    @pytest.mark.parametrize(
        ("cells", "column", "accepted"),
        [
            (row("", date(2025, 1, 6)), "werknemer", "personeels- of dossiernummer"),
            (row("W1", date(2025, 1, 6), employer=""), "werkgever", "verwacht tekst"),
            (row("W1", date(2025, 1, 6), product="xyz"), "product", "bekend: asr-reintegratie"),
            (
                row("W1", date(2025, 1, 6), start="1-13-2020"),
                "ingangsdatum_module",
                "verwacht een datum",
            ),
            (row("W1", ""), "eerste_ziektedag", "ontbreekt"),
            (row("W1", "31-02-2025"), "eerste_ziektedag", "geen geldige datum"),
            (row("W1", date(2025, 1, 6), "morgen"), "laatste_ziektedag", "verwacht een datum"),
            (
                row("W1", date(2025, 1, 6), date(2025, 1, 1)),
                "laatste_ziektedag",
                "vóór de eerste ziektedag",
            ),
            (row("W1", date(2025, 1, 6), kind="vakantie"), "soort", "ziek of verlof"),
            (
                row("W1", date(2025, 1, 6), kind="verlof"),
                "laatste_ziektedag",
                "verlof heeft een laatste dag nodig",
            ),
            (row("W1", date(2025, 1, 6), sanction=53), "sanctieweken", "0 t/m 52"),
            (row("W1", date(2025, 1, 6), sanction="veel"), "sanctieweken", "0 t/m 52"),
            (row("W1", date(2025, 1, 6), sanction="2,5"), "sanctieweken", "geen geheel getal"),
        ],
    )
    def test_each_column_is_validated(
        self, cells: list[object], column: str, accepted: str
    ) -> None:
        """A bad value names its column and what the column accepts."""
        message = error_of(cells)
        assert f"kolom {column}:" in message
        assert accepted in message

    @pytest.mark.parametrize(
        "column",
        [
            "datum_probleemanalyse",
            "datum_plan_van_aanpak",
            "datum_ziekmelding_uwv",
            "datum_eerstejaarsevaluatie",
            "datum_wia_aanvraag",
        ],
    )
    def test_each_done_date_is_validated(self, column: str) -> None:
        """Every milestone done-date column refuses a non-date with its own name."""
        message = error_of(row("W1", date(2025, 1, 6), done={column: "ja"}))
        assert f"kolom {column}:" in message

    def test_all_bad_fields_of_a_row_are_listed(self) -> None:
        """Several bad fields in one row give one error listing each of them."""
        message = error_of(row("W1", "x", product="y", sanction=99))
        assert "kolom product" in message
        assert "kolom eerste_ziektedag" in message
        assert "kolom sanctieweken" in message

    def test_excel_cells_are_accepted(self) -> None:
        """From XLSX: date cells, serial numbers and numeric ids are read as Excel sends them."""
        cells: list[object] = [
            1234.0,
            "P-1",
            "zeeuwse-prb",
            43831.0,
            datetime(2025, 1, 6),
            None,
            None,
            4.0,
        ]
        result = parse(cells + [None] * 5)
        assert isinstance(result, PeriodRow)
        assert result.employee == "1234"
        assert result.module_start == date(2020, 1, 1)
        assert result.sanction_weeks == 4

    def test_product_aliases_are_accepted(self) -> None:
        """Product codes are matched like the catalogue does (case, aliases)."""
        result = parse(row("W1", date(2025, 1, 6), product="PRB"))
        assert isinstance(result, PeriodRow)
        assert result.product.code == "zeeuwse-prb"

    @given(
        st.lists(
            st.one_of(
                st.sampled_from(
                    [
                        "",
                        " ",
                        "2025-01-06",
                        "6-1-2025",
                        "ziek",
                        "verlof",
                        "3",
                        "53",
                        "zeeuwse-prb",
                        "#N/A",
                        "#N/B",
                        " #waarde! ",
                        "#123",
                    ]
                ),
                st.text(max_size=12),
            ),
            min_size=0,
            max_size=15,
        )
    )
    def test_quick_path_agrees_with_full_validation(self, cells: list[str]) -> None:
        """For any row, the cached quick path and the full validation give the same answer."""
        result = PARSER.parse(cells, 2)
        try:
            slow: PeriodRow | RowError = PARSER._parse(cells, 2, None)
        except Exception:  # noqa: BLE001 - any rejection means: not a good row
            assert isinstance(result, RowError)
        else:
            assert result == slow


class TestExcelErrorTexts:
    """A CSV exported from Excel holds an error value as its text (``#N/A``, or ``#N/B``
    from Dutch Excel): never a name, so the row is rejected naming the column, as an error
    cell of an XLSX is (``docs/portefeuille.md``, Fouten)."""

    @pytest.mark.parametrize("column", ["werknemer", "werkgever"])
    @pytest.mark.parametrize(
        ("text", "shown"),
        [
            ("#N/A", "#N/B (#N/A)"),
            ("#N/B", "#N/B (#N/A)"),
            ("#WAARDE!", "#WAARDE! (#VALUE!)"),
            ("#VALUE!", "#WAARDE! (#VALUE!)"),
            ("#REF!", "#VERW! (#REF!)"),
            ("#VERW!", "#VERW! (#REF!)"),
            (" #n/b ", "#N/B (#N/A)"),
        ],
    )
    def test_an_error_text_is_no_name(self, column: str, text: str, shown: str) -> None:
        """The name column is named with the error value, Dutch and English; the name is
        left out of the rejected row (not readable), the other name kept."""
        cells = row("W1", date(2025, 1, 6))
        cells[HEADER.index(column)] = text
        result = parse(cells)
        assert isinstance(result, RowError)
        assert result.message == (
            f"kolom {column}: Excel-foutwaarde {shown} in de cel "
            f"(verwacht {'een personeels- of dossiernummer' if column == 'werknemer' else 'tekst'})"
        )
        assert result.employee == ("" if column == "werknemer" else "W1")
        assert result.employer == ("" if column == "werkgever" else "P-1 Bakkerij Test")

    @pytest.mark.parametrize("column", ["ingangsdatum_module", "eerste_ziektedag", "sanctieweken"])
    def test_other_columns_name_it_alike(self, column: str) -> None:
        """A date or number column holding an error text names it the same way."""
        cells = row("W1", date(2025, 1, 6))
        cells[HEADER.index(column)] = "#N/B"
        assert error_of(cells).startswith(f"kolom {column}: Excel-foutwaarde #N/B (#N/A) in de cel")

    @pytest.mark.parametrize("name", ["#123", "#", "#W1", "N/A"])
    def test_a_name_that_merely_starts_with_a_hash_is_kept(self, name: str) -> None:
        """Only the texts of Excel's error values are refused."""
        result = parse(row(name, date(2025, 1, 6), employer=name))
        assert isinstance(result, PeriodRow), result
        assert (result.employee, result.employer) == (name, name)

    def test_a_csv_row_per_row(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """In a run, each such row gets its own line ``fout``; the other rows are computed."""
        rows = [
            row("#N/B", date(2025, 9, 1)),
            row("W2", date(2025, 9, 1), employer="#VALUE!"),
            row("W3", date(2025, 9, 1)),
        ]
        source = write_csv(tmp_path / "p.csv", rows)
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = {line["rijen"]: line for line in read_csv(target)}
        assert lines["2"]["status"] == "fout"
        assert lines["2"]["fout"].startswith("kolom werknemer: Excel-foutwaarde #N/B (#N/A) ")
        assert lines["3"]["status"] == "fout"
        assert lines["3"]["fout"].startswith(
            "kolom werkgever: Excel-foutwaarde #WAARDE! (#VALUE!) "
        )
        assert lines["4"]["status"] != "fout"
        assert "2 afgekeurd" in out


class TestSources:
    def test_semicolon_and_tab_are_detected(self, tmp_path: Path) -> None:
        """The delimiter is taken from the header line: ; (Dutch Excel), tab or comma."""
        for delimiter in (";", "\t", ","):
            path = write_csv(tmp_path / "p.csv", [row("W1", date(2025, 1, 6))], delimiter=delimiter)
            with open_portfolio(path) as source:
                ((number, cells),) = list(source.rows)
            assert number == 2
            assert cells[0] == "W1"

    def test_windows_1252_is_read(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is read as Windows-1252 (ë in a name survives)."""
        path = write_csv(
            tmp_path / "p.csv",
            [row("W1", date(2025, 1, 6), employer="Café Noël")],
            encoding="cp1252",
        )
        with open_portfolio(path) as source:
            ((_, cells),) = list(source.rows)
        assert cells[1] == "Café Noël"

    def test_blank_lines_are_skipped_but_counted(self, tmp_path: Path) -> None:
        """Row numbers stay the spreadsheet's: a blank line in between still takes a number."""
        path = tmp_path / "p.csv"
        path.write_text(
            ",".join(HEADER)
            + "\n"
            + ",".join(row("W1", "2025-01-06"))
            + "\n\n"
            + ",".join(row("W2", "2025-01-06"))
            + "\n",
            encoding="utf-8",
        )
        with open_portfolio(path) as source:
            assert [number for number, _ in source.rows] == [2, 4]

    @pytest.mark.parametrize(
        ("line", "cells"),
        [
            (b"a,b", ["a", "b"]),
            (b'"c, d",e', ["c, d", "e"]),
            (b'"x""y",z', ['x"y', "z"]),
            (b'W-6003,"Bakkerij De Korenhof,asr', None),
        ],
    )
    def test_each_line_is_one_record(
        self, tmp_path: Path, line: bytes, cells: list[str] | None
    ) -> None:
        """Issue 16 item 2: a line is parsed on its own; an unbalanced quote makes only that
        line unreadable (it says so) instead of swallowing the lines after it."""
        from reintegratie_cli.portfolio import CsvFormat, unreadable

        got = CsvFormat(tmp_path / "p.csv", "utf-8", ",", 0).cells(line)
        if cells is None:
            assert "aanhalingsteken" in (unreadable(got) or "")
        else:
            assert got == cells

    @given(
        st.lists(
            st.lists(st.sampled_from(["a", "é", '"', ",", ";", "\r", " ", "b c", "€"]), max_size=6),
            max_size=40,
        ),
        st.tuples(st.sampled_from(["\n", "\r\n"]), st.booleans()),
        st.sampled_from(["utf-8", "cp1252"]),
        st.integers(0, 3),
    )
    def test_records_are_the_cells_of_the_lines(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        parts: list[list[str]],
        ending: tuple[str, bool],
        encoding: str,
        skip: int,
    ) -> None:
        """`CsvFormat.records` (blocks decoded and split at once) gives, line by line, what
        `CsvFormat.cells` gives for each of `CsvFormat.lines` — quotes, a CR inside a line,
        a missing final line end, blocks cut anywhere between lines."""
        from reintegratie_cli import portfolio

        end, final = ending
        lines = ["".join(p) for p in parts]
        # A CR outside quotes on a line with quotes is an error of the csv module itself (for
        # `cells` alike); the lines here keep to what it reads.
        assume(not any('"' in line and "\r" in line for line in lines))
        text = end.join(lines) + (end if final and parts else "")
        path = tmp_path_factory.mktemp("records") / "p.csv"
        path.write_bytes(text.encode(encoding))
        size = path.stat().st_size
        start = min(skip, size)
        while start and path.read_bytes()[start - 1 : start] != b"\n":
            start -= 1
        form = portfolio.CsvFormat(path, encoding, ",", start)
        expected = [form.cells(line) for line in form.lines(start, size)]
        assert list(form.records(start, size)) == expected
        block = portfolio._RECORD_BLOCK
        try:
            portfolio._RECORD_BLOCK = 7  # blocks that end inside lines
            assert list(form.records(start, size)) == expected
        finally:
            portfolio._RECORD_BLOCK = block

    def test_a_nul_byte_after_the_first_block_rejects_its_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A NUL byte in the first 4 KB refuses the file (no text); one further on was read
        as part of a name ("W\x00X"), written raw into the CSV worklist and dropped from
        the XLSX one. Its line is rejected on its own, with and without quotes; the other
        lines are computed."""
        rows = [row(f"W{n}", date(2025, 9, 1)) for n in range(200)]
        path = write_csv(tmp_path / "p.csv", rows)
        good = path.read_bytes().splitlines()[-1]
        with path.open("ab") as stream:
            stream.write(good.replace(b"W199", b"W\x00X") + b"\n")
            stream.write(good.replace(b"W199", b'"W\x00Y"') + b"\n")
        assert path.read_bytes().index(b"\x00") > 4096
        target = tmp_path / "uit.csv"
        code, _, _ = run([str(path), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        assert b"\x00" not in target.read_bytes()
        lines = {line["rijen"]: line for line in read_csv(target)}
        for number in ("202", "203"):
            assert lines[number]["status"] == "fout"
            assert "NUL-teken" in lines[number]["fout"]
        assert sum(line["status"] != "fout" for line in lines.values()) == 200

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("p.csv", b"", "leeg"),
            ("p.ods", b"x", "onbekend bestandstype"),
            ("p.csv", b"\x00\x01\x02", "geen tekstbestand"),
            ("p.csv", b"werknemer,werkgever\rW1,P1\r", "losse CR"),
        ],
    )
    def test_unreadable_files(
        self, tmp_path: Path, name: str, content: bytes, message: str
    ) -> None:
        """Files that cannot be read at all raise PortfolioError with a Dutch reason."""
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(PortfolioError, match=message):
            open_portfolio(path)


class TestExtraFields:
    """A CSV line with more fields than the header: a comma in an unquoted werkgever shifts
    every later column, so the extra fields are never silently dropped."""

    def test_a_line_with_extra_values_is_rejected(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        good = row("W2", date(2025, 9, 1))
        path = tmp_path / "p.csv"
        path.write_text(
            ",".join(HEADER)
            + "\n"
            + ",".join(good)
            + "\n"
            + ",".join([*row("W1", date(2025, 9, 1)), "x", "y", "z"])
            + "\n"
            + ",".join([*row("W3", date(2025, 9, 1)), "", ""])
            + "\n",
            encoding="utf-8",
        )
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(path), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = {line["rijen"]: line for line in read_csv(target)}
        assert lines["3"]["status"] == "fout"
        assert (
            f"regel heeft {len(HEADER) + 3} velden, de kopregel {len(HEADER)}"
            in (lines["3"]["fout"])
        )
        assert lines["2"]["status"] != "fout"
        assert lines["4"]["status"] != "fout"  # trailing empty fields (Excel's ,,) are fine
        assert "1 afgekeurd" in out

    def test_the_row_parser_checks_the_width(self) -> None:
        """On the parser itself: extra non-empty cells are an error, empty ones are not."""
        parser = RowParser(resolve_header(HEADER)._replace(width=len(HEADER)))
        cells = row("W1", date(2025, 9, 1))
        assert isinstance(parser.parse([*cells, "", " "], 2), PeriodRow)
        result = parser.parse([*cells, "", "x"], 2)
        assert isinstance(result, RowError)
        assert result.message.startswith(
            f"regel heeft {len(HEADER) + 2} velden, de kopregel {len(HEADER)}"
        )


class TestNonAsciiDigits:
    """A CSV row with Arabic-Indic or full-width digits in a date or number is rejected
    with what is accepted: Excel reads such text as no date and no number either."""

    @pytest.mark.parametrize("text", ["٢٠٢٥-٠٦-٠١", "２０２５-０６-０１"])
    def test_a_date(self, text: str) -> None:
        message = error_of(row("W1", text))
        assert message.startswith(f'kolom eerste_ziektedag: "{text}" is geen geldige datum')

    def test_sanction_weeks(self) -> None:
        message = error_of(row("W1", date(2025, 9, 1), sanction="３"))
        assert message.startswith('kolom sanctieweken: "３" is geen getal (verwacht 0 t/m 52')


class TestRejectedCount:
    """ "N rijen gelezen · … · N afgekeurd" counts rows: an error covering several rows (the
    overlapping periods of one employee) counts each of them, as "rijen gelezen" does."""

    def test_overlapping_rows_count_each(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        rows = [
            row("W1", date(2025, 9, 1)),
            row("W1", date(2025, 9, 10), date(2025, 9, 20)),
            row("W2", "31-02-2025"),
            row("W3", date(2025, 9, 1)),
        ]
        source = write_csv(tmp_path / "p.csv", rows)
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        errors = [line for line in read_csv(target) if line["status"] == "fout"]
        assert len(errors) == 2  # one line for W1's two rows, one for W2's
        assert "4 rijen gelezen" in out
        assert "3 afgekeurd" in out
        assert "Afgekeurde rijen (3):" in out
        # the rijen column lists every row of the error, as it does for a case's line
        # (docs/portefeuille.md: rijen, the row numbers of the case)
        assert sorted(line["rijen"] for line in errors) == ["2;3", "4"]

    def test_the_rest_counts_lines_not_rows(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ "… en nog N" after the listed errors counts the lines fout left out (each is one
        listed item), not the rows they reject: here 1 of 2 lines shown, 3 rows rejected."""
        rows = [
            row("W1", date(2025, 9, 1)),
            row("W1", date(2025, 9, 10), date(2025, 9, 20)),
            row("W2", "31-02-2025"),
        ]
        source = write_csv(tmp_path / "p.csv", rows)
        _, out, _ = run([str(source), *PEIL, "--toon", "1"], capsys)
        assert "Afgekeurde rijen (3):" in out
        listed = [line for line in out.splitlines() if line.startswith(("  rij ", "  rijen "))]
        assert len(listed) == 1
        assert "  … en nog 1 (gebruik --uit BESTAND" in out


def _with_hint(path: Path, hint: str, delimiter: str, rows: list[list[str]]) -> Path:
    """A CSV whose first line is Excel's separator hint ``hint`` (``sep=;``)."""
    lines = [hint, delimiter.join(HEADER), *(delimiter.join(cells) for cells in rows)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


class TestSeparatorHint:
    """docs/portefeuille.md (CSV): Excel's first line ``sep=;`` names the separator; it
    is no header, and the file's line numbers stay the row numbers."""

    @pytest.mark.parametrize("delimiter", [";", ",", "\t"])
    def test_the_hint_names_the_separator_and_is_skipped(
        self, tmp_path: Path, delimiter: str
    ) -> None:
        """The header is line 2, the data from line 3 on, split on the named separator."""
        rows = [row("W1", date(2025, 1, 6)), row("W2", date(2025, 2, 3))]
        path = _with_hint(tmp_path / "p.csv", f"sep={delimiter}", delimiter, rows)
        with open_portfolio(path) as source:
            assert [(number, cells[0]) for number, cells in source.rows] == [(3, "W1"), (4, "W2")]

    def test_the_hint_wins_over_counting(self, tmp_path: Path) -> None:
        """``sep=;`` with a header that has more commas than semicolons: the hint decides."""
        comments = "Opmerking" + "," * 20
        header = ";".join(HEADER) + ";" + comments
        path = tmp_path / "p.csv"
        lines = ["sep=;", header, ";".join(row("W1", date(2025, 1, 6))) + ";a, b, c"]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with open_portfolio(path) as source:
            ((number, cells),) = list(source.rows)
        assert number == 3
        assert cells[0] == "W1"
        assert cells[-1] == "a, b, c"

    @pytest.mark.parametrize("partition_bytes", [None, 100])
    def test_row_numbers_in_messages_are_the_file_lines(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        partition_bytes: int | None,
    ) -> None:
        """A bad date on line 4 is reported as rij 4, in one partition and in many."""
        from reintegratie_cli import engine

        if partition_bytes is not None:
            monkeypatch.setattr(engine, "PARTITION_BYTES", partition_bytes)
        rows = [row("W1", date(2025, 1, 6)), row("W2", "xx"), row("W3", date(2025, 2, 3))]
        path = _with_hint(tmp_path / "p.csv", "sep=;", ";", rows)
        target = tmp_path / "uit.csv"
        code, out, err = run([str(path), *PEIL, "--processen", "1", "--uit", str(target)], capsys)
        assert code == 0, err
        assert "3 rijen gelezen" in out
        assert "rij 4 (W2)" in out
        ((bad),) = [line for line in read_csv(target) if line["status"] == "fout"]
        assert bad["rijen"] == "4"

    def test_a_header_error_names_line_two(self, tmp_path: Path) -> None:
        """Below the hint the header is line 2, and a refusal of it says so."""
        path = tmp_path / "p.csv"
        path.write_text("sep=;\nnaam;datum\n", encoding="utf-8")
        with pytest.raises(PortfolioError, match=r"regel 2: verplichte kolom"):
            open_portfolio(path)

    def test_an_unknown_separator_in_the_hint_is_refused_by_name(self, tmp_path: Path) -> None:
        """``sep=|`` names a separator that is not read: refused, saying which are."""
        path = tmp_path / "p.csv"
        path.write_text("sep=|\n" + "|".join(HEADER) + "\n", encoding="utf-8")
        with pytest.raises(PortfolioError, match=r"regel 1: scheidingsteken \"\|\""):
            open_portfolio(path)

    @pytest.mark.parametrize("partition_bytes", [None, 100])
    def test_a_bom_before_the_hint(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        partition_bytes: int | None,
    ) -> None:
        """Excel's "CSV UTF-8" with the hint: BOM, ``sep=;``, header. The BOM is no part of
        the hint, and the rows keep their line numbers in one partition and in many."""
        from reintegratie_cli import engine

        if partition_bytes is not None:
            monkeypatch.setattr(engine, "PARTITION_BYTES", partition_bytes)
        rows = [row("W1", date(2025, 1, 6)), row("W2", "xx"), row("W3", date(2025, 2, 3))]
        path = _with_hint(tmp_path / "p.csv", "\ufeffsep=;", ";", rows)
        target = tmp_path / "uit.csv"
        code, out, err = run([str(path), *PEIL, "--processen", "1", "--uit", str(target)], capsys)
        assert code == 0, err
        assert "3 rijen gelezen" in out
        ((bad),) = [line for line in read_csv(target) if line["status"] == "fout"]
        assert bad["rijen"] == "4"

    def test_a_quoted_hint_is_data(self, tmp_path: Path) -> None:
        """``"sep=;"`` in quotes is a cell, not Excel's hint: the first line is the header
        (here without the required columns), refused as line 1."""
        path = tmp_path / "p.csv"
        path.write_text('"sep=;"\n' + ";".join(HEADER) + "\n", encoding="utf-8")
        with pytest.raises(PortfolioError, match=r"regel 1: verplichte kolom"):
            open_portfolio(path)

    def test_only_the_hint_names_line_two_empty(self, tmp_path: Path) -> None:
        """A hint and nothing under it: line 2, the header's line, is empty."""
        path = tmp_path / "p.csv"
        path.write_text("sep=;\n", encoding="utf-8")
        with pytest.raises(PortfolioError, match=r"regel 2 is leeg .*kolomnamen op regel 2"):
            open_portfolio(path)
