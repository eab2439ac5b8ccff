"""``reintegratie signalen`` under fire (issue 16 items 1–9): nothing lost, nothing
half-written, no injection, bounded work — one test (or more) per item."""

from __future__ import annotations

import codecs
import csv
import errno
import os
import signal
import stat
import subprocess
import sys
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reintegratie_cli import engine, output, portfolio, worklines
from reintegratie_cli.main import main
from tests.cli.strategies_signalen import (
    PEIL,
    P,
    expected_worklist,
    portfolios,
    read_csv,
    row,
    run,
    write_csv,
)


def by_employee(path: Path) -> dict[str, dict[str, str]]:
    return {line["werknemer"]: line for line in read_csv(path)}


class TestOneEmployeesFailure:
    """Item 1: one employee's dates never abort everyone's worklist."""

    @pytest.mark.parametrize("peildatum", ["9999-12-31", "9999-12-30"])
    def test_a_last_day_at_the_end_of_the_calendar(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], peildatum: str
    ) -> None:
        """The issue's rows (9999-12-30 t/m 9999-12-31 plus an open period), on a peildatum
        that reaches them: W-5007 gets a fout line; everyone else is computed; exit 0."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W-5007", "9999-12-30", "9999-12-31", product="asr-reintegratie",
                    employer="Firma", start="2022-01-01"),
                row("W-5007", date(2025, 6, 1), employer="Firma"),
                row("W-5009", "9999-12-29", employer="Firma"),
                row("W-1", date(2025, 9, 1)),
            ],
        )  # fmt: skip
        target = tmp_path / "uit.csv"
        code, _, err = run(
            [str(source), "--peildatum", peildatum, "--processen", "1", "--uit", str(target)],
            capsys,
        )
        assert (code, err) == (0, "")
        lines = by_employee(target)
        assert lines["W-5007"]["status"] == "fout"
        assert "buiten het datumbereik" in lines["W-5007"]["fout"]
        assert lines["W-5009"]["status"] == "fout"
        assert "buiten het datumbereik" in lines["W-5009"]["fout"]
        assert lines["W-1"]["status"] != "fout"

    def test_two_open_periods_give_the_usual_overlap_message(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two open periods, one starting 9999-12-31: the overlap message, not an internal error."""
        source = write_csv(
            tmp_path / "p.csv",
            [row("W-5008", date(2025, 6, 1)), row("W-5008", "9999-12-31"), row("W-2", P)],
        )
        target = tmp_path / "uit.csv"
        code, _, _ = run([str(source), "--peildatum", "9999-12-31", "--uit", str(target)], capsys)
        assert code == 0
        lines = by_employee(target)
        assert "overlappen" in lines["W-5008"]["fout"]
        assert lines["W-5008"]["rijen"] == "2;3"  # both rows of the error
        assert lines["W-2"]["status"] == "te laat"

    def test_excel_gives_the_overlap_message_too(self) -> None:
        """The same periods in Excel: '#WAARDE! ziekte: … overlappen', not 'interne fout'."""
        from reintegratie_addin import udfs

        result = udfs.RI_ZIEKTEDAGEN(
            [[datetime(2025, 6, 1), None], [datetime(9999, 12, 31), None]], datetime(2025, 11, 3)
        )
        assert isinstance(result, str)
        assert "overlappen" in result
        assert "interne fout" not in result

    def test_any_exception_is_that_employees_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Whatever one employee's computation raises, it becomes that employee's fout line."""
        real = worklines.work_item

        def flaky(case: object, *args: object, **kwargs: object) -> object:
            if getattr(case, "first_day", None) == date(2025, 7, 7):
                raise ZeroDivisionError("boem")
            return real(case, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(worklines, "work_item", flaky)
        source = write_csv(
            tmp_path / "p.csv", [row("W-1", date(2025, 7, 7)), row("W-2", date(2025, 8, 8))]
        )
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--processen", "1", "--uit", str(target)], capsys)
        assert code == 0
        lines = by_employee(target)
        assert (
            lines["W-1"]["fout"]
            == "interne fout (ZeroDivisionError) bij het berekenen van deze werknemer"
        )
        assert lines["W-2"]["status"] == "te laat"
        assert "1 afgekeurd" in out


class TestEveryLineAccountedFor:
    """Item 2: an unbalanced quote never swallows the lines after it."""

    def test_unbalanced_quote_then_200_rows(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The broken line is a fout line with its own line number; the 200 rows after it
        are all read and computed."""
        good = [",".join(row(f"W{n:03d}", date(2025, 10, 1))) for n in range(200)]
        broken = 'W-6003,"Bakkerij De Korenhof,asr-reintegratie,2020-01-01,2025-10-01,,,,,,,,'
        source = tmp_path / "p.csv"
        lines = [",".join(write_csv_header()), good[0], broken, *good[1:]]
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        assert "201 rijen gelezen" in out
        written = read_csv(target)
        errors = [w for w in written if w["status"] == "fout"]
        assert [(e["rijen"], "aanhalingsteken" in e["fout"]) for e in errors] == [("3", True)]
        assert len(written) == 201

    def test_bare_carriage_return_beside_quotes_is_one_fout_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A line with quotes and a bare CR outside them (which the csv module refuses) is a
        fout line of its own; the run goes on and every other row is computed."""
        good = [",".join(row(f"W{n:03d}", date(2025, 10, 1))) for n in range(20)]
        broken = 'W9,"P-1 X",asr-reintegratie,2020-01-01,2025-10-01\r\rx,,,,,,,,'
        source = tmp_path / "p.csv"
        lines = [",".join(write_csv_header()), good[0], broken, *good[1:]]
        source.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
        target = tmp_path / "uit.csv"
        code, _out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        written = read_csv(target)
        errors = [w for w in written if w["status"] == "fout"]
        assert [(e["rijen"], "geen geldige CSV" in e["fout"]) for e in errors] == [("3", True)]
        assert len(written) == 21


def write_csv_header() -> tuple[str, ...]:
    from reintegratie_cli.generate import HEADER

    return HEADER


class TestEncoding:
    """Item 3: strict decoding of the whole file; a fallback or a clear refusal."""

    def test_accents_after_the_first_mebibyte_stay_apart(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A cp1252 file whose accents come after 1 MiB: Café Noord and Cafè Noord remain
        two employers, each with its own line (nothing replaced, nothing merged)."""
        filler = [row(f"V{n:05d}", date(2025, 1, 1), date(2025, 1, 2)) for n in range(16_000)]
        accents = [
            row("W-1", date(2025, 10, 1), employer="Café Noord"),
            row("W-1", date(2025, 9, 1), employer="Cafè Noord"),
        ]
        source = write_csv(tmp_path / "p.csv", [*filler, *accents], encoding="cp1252")
        assert source.stat().st_size > 1 << 20
        target = tmp_path / "uit.csv"
        code, _, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        employers = sorted(line["werkgever"] for line in read_csv(target))
        assert employers == sorted(["Café Noord", "Cafè Noord"])

    def test_mixed_encodings_are_refused_with_the_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """UTF-8 on one line and cp1252 on another: refused (exit 2), naming both lines."""
        source = tmp_path / "p.csv"
        header = ",".join(write_csv_header()).encode()
        first = ",".join(row("W-1", date(2025, 10, 1), employer="Café")).encode("utf-8")
        second = ",".join(row("W-2", date(2025, 10, 1), employer="Cafè")).encode("cp1252")
        source.write_bytes(b"\n".join([header, first, second]) + b"\n")
        code, _, err = run([str(source), *PEIL], capsys)
        assert code == 2
        assert "gemengd" in err
        assert "regel 2" in err
        assert "regel 3" in err

    def test_bytes_that_no_encoding_reads_are_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A byte that is neither UTF-8 nor Windows-1252 (0x81): refused, naming the line."""
        source = tmp_path / "p.csv"
        header = ",".join(write_csv_header()).encode()
        bad = ",".join(row("W-1", date(2025, 10, 1), employer="Caf\x81")).encode("latin-1")
        source.write_bytes(header + b"\n" + bad + b"\n")
        code, _, err = run([str(source), *PEIL], capsys)
        assert code == 2
        assert "regel 2" in err
        assert "0x81" in err

    def test_a_bom_then_something_else_is_refused(self, tmp_path: Path) -> None:
        """A UTF-8 BOM promises UTF-8: a later cp1252 byte is refused, not guessed."""
        source = tmp_path / "p.csv"
        source.write_bytes(codecs.BOM_UTF8 + b"a,b\nCaf\xe9,x\n")
        with pytest.raises(portfolio.PortfolioError, match="regel 2"):
            portfolio.detect_encoding(source)

    @pytest.mark.parametrize(
        ("content", "encoding"),
        [
            (b"a,b\nc,d\n", "utf-8"),
            (codecs.BOM_UTF8 + "a,b\nCafé,d\n".encode(), "utf-8-sig"),
            ("a,b\nCafé,€\n".encode("cp1252"), "cp1252"),
            ("a,b\n" + "x" * 5000 + "é\n", "utf-8"),
        ],
    )
    def test_detected_encodings(self, tmp_path: Path, content: bytes | str, encoding: str) -> None:
        """UTF-8 (with or without BOM) or, when not UTF-8 anywhere, Windows-1252."""
        source = tmp_path / "p.csv"
        source.write_bytes(content if isinstance(content, bytes) else content.encode())
        assert portfolio.detect_encoding(source) == encoding


class TestInjection:
    """Item 4: no formula injection in CSV, no escape sequences on the terminal."""

    def test_names_that_are_formulas_stay_text(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Employers like =HYPERLINK(…), +cmd|…, @SUM(1), -2+3 are written with a leading '."""
        names = ['=HYPERLINK("http://x","click")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"]
        source = write_csv(
            tmp_path / "p.csv",
            [row(f"W{n}", date(2025, 10, 1), employer=name) for n, name in enumerate(names)],
        )
        target = tmp_path / "uit.csv"
        code, _, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = read_csv(target)
        assert sorted(line["werkgever"] for line in lines) == sorted("'" + n for n in names)
        assert all(int(line["dagen"]) > 0 for line in lines)  # numbers stay numbers
        raw = target.read_text(encoding="utf-8")
        assert all(f",{name}" not in raw for name in names)

    def test_terminal_output_is_stripped_and_cut(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Escape sequences in a name never reach the terminal; a huge value is cut short."""
        evil = "\x1b]0;gehackt\x07\x1b[2J\x1b[31mRood" + "x" * 5000
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W1", date(2025, 10, 1), employer=evil),
                row("W2\x1b[8m", "31-02-2025", employer=evil),
            ],
        )
        code, out, _ = run([str(source), *PEIL], capsys)
        assert code == 0
        assert "\x1b" not in out
        assert "\x07" not in out
        assert "Rood" in out
        assert max(len(line) for line in out.splitlines()) < 700


class TestFutureSickness:
    """Item 5: a first sick day after the peildatum is not yet a case."""

    def test_not_listed_but_reported(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """2027-06-01 with peildatum 2025-11-03: no 'gepland' with 186 weeks, but counted as
        nog niet begonnen; a period after the peildatum does not join the running case."""
        source = write_csv(
            tmp_path / "p.csv",
            [
                row("W-1", date(2027, 6, 1)),
                row("W-2", date(2025, 10, 1), date(2025, 10, 20)),
                row("W-2", date(2025, 11, 10)),
                row("W-3", date(2025, 10, 1)),
            ],
        )
        target = tmp_path / "uit.csv"
        code, out, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = by_employee(target)
        assert set(lines) == {"W-3"}
        assert float(lines["W-3"]["resterende_weken"]) <= 104
        assert "1 nog niet begonnen" in out
        assert "1 zonder lopend ziektegeval" in out


def _zip_bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            block = b"<si><t>a</t></si>" * 4096
            for _ in range(size // len(block)):
                part.write(block)
    return path


class TestXlsxLimits:
    """Item 6: an absurd XLSX is refused from its zip directory, in well under a second."""

    def test_a_zip_bomb_is_refused_fast(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A highly compressed shared-strings part (a zip bomb) is refused: exit 2, < 1 s."""
        source = _zip_bomb(tmp_path / "p.xlsx", 40 << 20)
        started = time.perf_counter()
        code, _, err = run([str(source), *PEIL], capsys)
        assert time.perf_counter() - started < 1.0
        assert code == 2
        assert "zipbom" in err

    def test_too_large_uncompressed_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The limits are werkmap's (one implementation, reintegratie_cli.archive)."""
        from reintegratie_cli.archive import Limits

        monkeypatch.setattr(portfolio, "XLSX_LIMITS", Limits(uncompressed_bytes=1000))
        source = tmp_path / "p.xlsx"
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.active.append(list(write_csv_header()))
        workbook.save(source)
        code, _, err = run([str(source), *PEIL], capsys)
        assert code == 2
        assert "pakt uit tot" in err


def _all_gone(pids: set[int], within: float = 10.0) -> bool:
    """Whether every process of ``pids`` has ended within ``within`` seconds: a worker dies
    with its parent (PR_SET_PDEATHSIG) but the kernel delivers that asynchronously, so on a
    loaded machine it may outlive the main process by more than a fixed short sleep."""
    deadline = time.monotonic() + within
    while [pid for pid in pids if _live(pid)]:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _live(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return "\nState:\tZ" not in status.read()
    except OSError:
        return False


class TestSmallerItems:
    """Item 8: file mode kept, a full disk named as such, a BOM-only file is empty."""

    def test_replacing_keeps_the_targets_mode(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An existing 0600 worklist stays 0600 when replaced."""
        target = tmp_path / "uit.csv"
        target.write_text("oud", encoding="utf-8")
        target.chmod(0o600)
        code, _, _ = run([*PEIL, "--uit", str(target)], capsys)
        assert code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert target.read_text(encoding="utf-8") != "oud"

    def test_a_full_disk_says_writing_failed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """No space left while writing: 'schrijven mislukt', exit 2, the old file intact."""

        def full(_self: object, _line: str) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(output.CsvWriter, "write_encoded", full)
        target = tmp_path / "uit.csv"
        target.write_text("oud", encoding="utf-8")
        code, _, err = run([*PEIL, "--processen", "1", "--uit", str(target)], capsys)
        assert code == 2
        assert "schrijven mislukt" in err
        assert "lezen mislukt" not in err
        assert target.read_text(encoding="utf-8") == "oud"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["uit.csv"]

    def test_a_full_scratch_disk_says_writing_failed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """No space left in TMPDIR: 'schrijven mislukt' for the scratch files, exit 2."""

        def full(_stream: object, _batch: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(engine, "PARTITION_BYTES", 1000)  # scratch files even for the example
        monkeypatch.setattr(engine, "_dump", full)
        code, _, err = run([*PEIL, "--processen", "1"], capsys)
        assert code == 2
        assert "tijdelijke bestanden" in err
        assert "schrijven mislukt" in err

    @pytest.mark.parametrize("content", [codecs.BOM_UTF8, b"", codecs.BOM_UTF8 + b"\r\n"])
    def test_bom_only_is_empty(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
    ) -> None:
        """A CSV holding only a BOM (or nothing): 'het bestand is leeg', exit 2."""
        source = tmp_path / "p.csv"
        source.write_bytes(content)
        code, _, err = run([str(source), *PEIL], capsys)
        assert code == 2
        assert "het bestand is leeg" in err


class TestCalamine:
    """Item 9: XLSX portfolios are read with python-calamine (not openpyxl)."""

    def test_xlsx_is_read_without_openpyxl(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Date cells, serial numbers, numeric personeelsnummers and whole numbers read as in
        Excel; openpyxl's reader is never called."""
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Portefeuille"
        sheet.append(list(write_csv_header()))
        sheet.append([1234, "P-1", "zeeuwse-prb", date(2020, 1, 1), date(2025, 10, 1),
                      None, None, 4, None, None, None, None, None])  # fmt: skip
        serial = (date(2025, 9, 1) - date(1899, 12, 30)).days
        sheet.append(["W-2", "P-1", "zeeuwse-prb", "2020-01-01", serial])
        sheet.append(["W-3", "P-1", "zeeuwse-prb", "2020-01-01", "31-02-2025"])
        source = tmp_path / "p.xlsx"
        workbook.save(source)
        import openpyxl

        def forbidden(*_args: object, **_kwargs: object) -> None:
            raise AssertionError("openpyxl is not the portfolio reader")

        monkeypatch.setattr(openpyxl, "load_workbook", forbidden)
        target = tmp_path / "uit.csv"
        code, _, _ = run([str(source), *PEIL, "--uit", str(target)], capsys)
        assert code == 0
        lines = by_employee(target)
        assert lines["1234"]["eerste_ziektedag"] == "2025-10-01"
        assert lines["W-2"]["eerste_ziektedag"] == "2025-09-01"
        assert lines["W-3"]["status"] == "fout"
        assert lines["W-3"]["rijen"] == "4"


# --- Every input line, exactly once ------------------------------------------------------


@st.composite
def messy_portfolios(draw: st.DrawFn) -> tuple[list[str], set[int], str, str]:
    """Lines of a portfolio: good rows (of employees W…), broken rows (of employees X…,
    a bad date or an unbalanced quote), junk and blank lines, in any order; an encoding
    and a line end. Returns the lines, the numbers of the lines meant to be broken, the
    encoding and the line end."""
    good = [",".join(_quoted(c) for c in cells) for cells in draw(portfolios())]
    broken = [
        ",".join(row(f"X{n}", draw(st.sampled_from(["31-02-2025", "morgen", "2025-13-01"]))))
        for n in range(draw(st.integers(0, 4)))
    ]
    junk = draw(
        st.lists(
            st.text(alphabet='ab"é€; x', min_size=1, max_size=12).filter(
                lambda t: any(c.isalpha() for c in t)
            ),
            max_size=3,
        )
    )
    quote = [f'X-Q{n},"Bakkerij De Korenhof,asr-reintegratie,2020-01-01' for n in range(2)]
    blank = ["", " ", ",,,"][: draw(st.integers(0, 3))]
    tagged = [(t, False) for t in good + blank] + [(t, True) for t in broken + junk + quote]
    ordered = draw(st.permutations(tagged))
    lines = [text for text, _ in ordered]
    bad = {number for number, (_, wrong) in enumerate(ordered, 2) if wrong}
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return lines, bad, encoding, end


def _quoted(cell: str) -> str:
    return f'"{cell}"' if "," in cell else cell


class TestEveryLineOnce:
    @settings(
        max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(messy_portfolios(), st.sampled_from(["1", "2"]), st.sampled_from([None, 300]))
    def test_every_line_is_in_the_output_or_the_errors_exactly_once(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        portfolio_: tuple[list[str], set[int], str, str],
        processes: str,
        partition_bytes: int | None,
    ) -> None:
        """Issue 16: for any portfolio — random rows, broken rows, odd encodings — every data
        line is either in the worklist (rijen of its case), or in the error report (a fout
        line), exactly once; or it is blank, or a row of an employee without an open case
        (both counted, never listed). In one process or split over partitions and workers."""
        lines, bad, encoding, end = portfolio_
        folder = tmp_path_factory.mktemp("regels")
        source = folder / "p.csv"
        text = end.join([",".join(write_csv_header()), *lines]) + end
        source.write_bytes(text.encode(encoding))
        target = folder / "uit.csv"
        default = engine.PARTITION_BYTES
        engine.PARTITION_BYTES = partition_bytes or default  # small: partitions, workers
        try:
            code = main(
                ["signalen", str(source), *PEIL, "--toon", "0", "--processen", processes,
                 "--uit", str(target)]
            )  # fmt: skip
        finally:
            engine.PARTITION_BYTES = default
        assert code == 0
        written = read_csv(target)
        listed: list[int] = []
        for line in written:
            listed.extend(int(n) for n in line["rijen"].split(";"))
        assert len(listed) == len(set(listed)), "a line is reported twice"
        errors = {int(line["rijen"]) for line in written if line["status"] == "fout"}
        assert errors == bad
        numbers = dict(enumerate(lines, 2))
        blank = {n for n, t in numbers.items() if not t.replace(",", "").strip()}
        cells = {n: next(iter(csv.reader([t]))) for n, t in numbers.items() if n not in bad | blank}
        open_cases = expected_worklist(list(cells.values()))
        items = {
            f"{ln['werkgever']}|{ln['werknemer']}": ln for ln in written if ln["status"] != "fout"
        }
        assert set(items) == set(open_cases)
        for key, line in items.items():  # a case lists its own good rows
            for n in (int(x) for x in line["rijen"].split(";")):
                assert f"{cells[n][1]}|{cells[n][0]}" == key
        for n in set(numbers) - set(listed) - blank:  # not listed: a row of no open case
            key = f"{cells[n][1]}|{cells[n][0]}"
            assert key not in items or cells[n][4] < items[key]["eerste_ziektedag"]


# --- Signals -----------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as stream:
                found.update(int(c) for c in stream.read().split())
    except OSError:
        pass
    return found


@pytest.fixture(scope="module")
def big_portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated portfolio large enough for two partitions (two workers, scratch files)
    and for each step to take a while (~28 MB)."""
    path = tmp_path_factory.mktemp("groot") / "p.csv"
    assert main(["genereer", "260000", "--uit", str(path), *PEIL]) == 0
    assert path.stat().st_size > engine.PARTITION_BYTES
    return path


class TestSignals:
    """Item 7: SIGTERM and Ctrl-C stop the workers, remove scratch and partial files, keep
    the old output, and print one Dutch line."""

    @pytest.mark.parametrize(
        ("step", "signum"),
        [
            ("verdelen", signal.SIGTERM),
            ("berekenen", signal.SIGTERM),
            ("schrijven", signal.SIGTERM),
            ("berekenen", signal.SIGINT),
        ],
    )
    def test_stopped_in_each_step(
        self, tmp_path: Path, big_portfolio: Path, step: str, signum: int
    ) -> None:
        """SIGTERM (or Ctrl-C to the whole process group) while partitioning, computing or
        writing: exit 128+signal, one line on stderr, no process, scratch or partial file
        left, the earlier worklist unchanged (and its mode kept)."""
        scratch = tmp_path / "tmp"
        scratch.mkdir()
        out = tmp_path / "uit"
        out.mkdir()
        target = out / "werklijst.xlsx"
        target.write_bytes(b"oude werklijst")
        target.chmod(0o600)
        env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join(sys.path)}
        process = subprocess.Popen(
            [sys.executable, "-m", "reintegratie_cli.main", "signalen", str(big_portfolio),
             *PEIL, "--processen", "2", "--uit", str(target)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        workers: set[int] = set()
        seen_pickles = 0
        deadline = time.monotonic() + 120
        try:
            while process.poll() is None and time.monotonic() < deadline:
                workers |= _children(process.pid)
                pickles = list(scratch.glob("*/deel*-*.pickle"))
                seen_pickles = max(seen_pickles, len(pickles))
                if (
                    (step == "verdelen" and pickles)
                    or (step == "berekenen" and seen_pickles and len(pickles) < seen_pickles)
                    or (step == "schrijven" and list(out.glob(".werklijst.xlsx.*.tmp")))
                ):
                    break
                time.sleep(0.002)
            assert process.poll() is None, f"the run ended before the step {step}"
            if signum == signal.SIGINT:
                os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C does
            else:
                process.send_signal(signum)
            _, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
        assert process.returncode == 128 + signum
        lines = err.decode().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith("afgebroken")
        assert "Traceback" not in err.decode()
        assert _all_gone(workers)
        assert list(scratch.iterdir()) == []
        assert [p.name for p in out.iterdir()] == ["werklijst.xlsx"]
        assert target.read_bytes() == b"oude werklijst"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
class TestStandardOutputFull:
    """`reintegratie … > bestand` on a full disk: one Dutch line and exit code 2, as for an
    output file that cannot be written; before, Python's traceback (OSError, exit code 1)."""

    @pytest.mark.parametrize(
        "argv",
        [["signalen", *PEIL], ["tijdlijn", "2025-01-06"], ["signalen", *PEIL, "--toon", "0"]],
    )
    def test_full_disk_is_one_dutch_line(self, argv: list[str]) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        with Path("/dev/full").open("wb") as full:
            process = subprocess.run(
                [sys.executable, "-m", "reintegratie_cli.main", *argv],
                env=env, stdout=full, stderr=subprocess.PIPE, timeout=120, check=False,
            )  # fmt: skip
        assert process.returncode == 2
        assert process.stderr.decode() == (
            "fout: de uitvoer naar het scherm: schrijven mislukt (No space left on device)\n"
        )


class TestClosedPipe:
    """`reintegratie signalen … | head`: the reader leaves early; the command stops quietly."""

    def test_reader_gone_is_exit_141_without_a_traceback(self, tmp_path: Path) -> None:
        """Standard output's reader closes after one line: exit 128 + SIGPIPE (as a shell
        reports for other tools), nothing on stderr, no scratch file left."""
        portfolio = tmp_path / "p.csv"
        assert main(["genereer", "3000", "--uit", str(portfolio), *PEIL]) == 0
        scratch = tmp_path / "tmp"
        scratch.mkdir()
        env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join(sys.path)}
        process = subprocess.Popen(
            [sys.executable, "-m", "reintegratie_cli.main", "signalen", str(portfolio),
             *PEIL, "--toon", "100000"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline().startswith(b"Werklijst per")
        process.stdout.close()  # the reader leaves, as `head -1` does
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=120) == 141
        assert stderr == ""
        assert list(scratch.iterdir()) == []
