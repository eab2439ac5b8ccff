"""Excel's "Unicode-tekst (*.txt)": a portfolio in UTF-16 is read as the same data in UTF-8.

Excel saves "Unicode-tekst" tab-separated, in UTF-16 LE with a byte order mark and CRLF
line ends: the one text export of Excel that keeps every character. It is transcoded once to
UTF-8 in the run's scratch folder and read as a UTF-8 file from there
(docs/portefeuille.md, Codering).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reintegratie_cli import engine
from reintegratie_cli.generate import HEADER
from reintegratie_cli.main import main
from reintegratie_cli.portfolio import PortfolioError, open_portfolio
from tests.cli.strategies_signalen import PEIL, row, run

#: The UTF-16 forms: codec, and whether the file starts with a byte order mark.
FORMS = [("utf-16-le", True), ("utf-16-be", True), ("utf-16-le", False), ("utf-16-be", False)]
FORM_IDS = ["le-bom", "be-bom", "le-zonder-bom", "be-zonder-bom"]


def _lines() -> list[str]:
    """A tab-separated portfolio with what a real one has: accents, an emoji (a surrogate
    pair in UTF-16), a bad date, an unbalanced quote, too many fields, a blank line, a NUL
    character after the first 4 kB, and employees whose rows are far apart."""
    filler = [
        "\t".join(row(f"V{n:04d}", date(2025, 1, 1), date(2025, 1, 2), employer="Café Noord"))
        for n in range(60)
    ]
    return [
        "\t".join(HEADER),
        "\t".join(row("W-1", date(2025, 10, 1), employer="Café Noord")),
        "\t".join(row("W-2", date(2025, 9, 1), employer="Bäckerei 😀 Zuid")),
        "\t".join(row("W-3", "31-02-2025", employer="Cafè Noord")),
        "",
        "\t".join(row('W-4 "open', date(2025, 8, 1))),
        "\t".join([*row("W-5", date(2025, 7, 1)), "", "te veel"]),
        *filler,
        "\t".join(row("W-6", date(2025, 6, 1), employer="Nul\x00Teken")),
        "\t".join(row("W-1", date(2025, 3, 1), date(2025, 3, 20), employer="Café Noord")),
        "\t".join(row("W-2", date(2025, 5, 1), date(2025, 5, 2), employer="Bäckerei 😀 Zuid")),
    ]


def _write(path: Path, lines: list[str], codec: str, *, bom: bool = True) -> Path:
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes((("\ufeff" if bom else "") + text).encode(codec))
    return path


def _signalen(
    source: Path, target: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    code, out, err = run(
        [str(source), *PEIL, "--toon", "100", "--uit", str(target), *extra], capsys
    )
    return code, out.replace(str(source), "PORTEFEUILLE").replace(str(target), "UIT"), err


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR for the run: the scratch folder is made in it (and must be gone after)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


class TestSameAsUtf8:
    """The same data in UTF-16 and in UTF-8 give the same worklist, the same errors with the
    same row numbers, and the same summary."""

    @pytest.mark.parametrize("form", FORMS, ids=FORM_IDS)
    @pytest.mark.parametrize("suffix", [".txt", ".csv"])
    def test_identical_worklist_and_errors(
        self,
        tmp_path: Path,
        scratch: Path,
        capsys: pytest.CaptureFixture[str],
        form: tuple[str, bool],
        suffix: str,
    ) -> None:
        """Worklist file, screen and exit code are identical; no scratch file is left."""
        codec, bom = form
        lines = _lines()
        utf8 = _write(tmp_path / f"utf8{suffix}", lines, "utf-8", bom=False)
        utf16 = _write(tmp_path / f"utf16{suffix}", lines, codec, bom=bom)
        expected = _signalen(utf8, tmp_path / "uit8.csv", capsys)
        got = _signalen(utf16, tmp_path / "uit16.csv", capsys)
        assert expected[0] == 0, expected[2]
        assert "Afgekeurde rijen (4)" in expected[1]  # the bad rows are in the comparison
        assert got == expected
        assert (tmp_path / "uit16.csv").read_bytes() == (tmp_path / "uit8.csv").read_bytes()
        assert list(scratch.iterdir()) == []

    def test_identical_with_several_partitions_and_workers(
        self,
        tmp_path: Path,
        scratch: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Worked in partitions by two processes reading the transcoded file in byte ranges:
        the same worklist as the UTF-8 file; the scratch folder is gone afterwards."""
        monkeypatch.setattr(engine, "PARTITION_BYTES", 2000)
        lines = _lines()
        utf8 = _write(tmp_path / "utf8.txt", lines, "utf-8")
        utf16 = _write(tmp_path / "utf16.txt", lines, "utf-16-le")
        expected = _signalen(utf8, tmp_path / "uit8.csv", capsys, "--processen", "2")
        got = _signalen(utf16, tmp_path / "uit16.csv", capsys, "--processen", "2")
        assert expected[0] == 0, expected[2]
        assert got == expected
        assert list(scratch.iterdir()) == []

    @pytest.mark.parametrize("bom", [True, False], ids=["bom", "zonder-bom"])
    def test_separator_hint_line(
        self, tmp_path: Path, scratch: Path, capsys: pytest.CaptureFixture[str], bom: bool
    ) -> None:
        """Excel's separator hint ``sep=`` on line 1 works as in UTF-8: the header is line
        2 and the row numbers stay the file's lines."""
        lines = ["sep=\t", *_lines()]
        utf8 = _write(tmp_path / "utf8.txt", lines, "utf-8")
        utf16 = _write(tmp_path / "utf16.txt", lines, "utf-16-le", bom=bom)
        expected = _signalen(utf8, tmp_path / "uit8.csv", capsys)
        assert expected[0] == 0, expected[2]
        assert "rij 5 (W-3)" in expected[1]
        assert _signalen(utf16, tmp_path / "uit16.csv", capsys) == expected
        assert (tmp_path / "uit16.csv").read_bytes() == (tmp_path / "uit8.csv").read_bytes()

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
    def test_without_bom_mostly_non_ascii(
        self, tmp_path: Path, scratch: Path, capsys: pytest.CaptureFixture[str], codec: str
    ) -> None:
        """Without a BOM, the header line tells UTF-16 (column names in ASCII), however
        little ASCII the rows after it hold."""
        lines = ["\t".join(HEADER)] + [
            "\t".join(row(f"社員{n}", date(2025, 10, 1), employer="株式会社テスト東京支店"))
            for n in range(300)
        ]
        utf8 = _write(tmp_path / "utf8.txt", lines, "utf-8")
        utf16 = _write(tmp_path / "utf16.txt", lines, codec, bom=False)
        expected = _signalen(utf8, tmp_path / "uit8.csv", capsys)
        assert expected[0] == 0, expected[2]
        assert _signalen(utf16, tmp_path / "uit16.csv", capsys) == expected
        assert (tmp_path / "uit16.csv").read_bytes() == (tmp_path / "uit8.csv").read_bytes()

    def test_bom_only_is_empty(
        self, tmp_path: Path, scratch: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A UTF-16 file holding only its BOM is empty, as a UTF-8 file holding only its BOM."""
        path = tmp_path / "p.txt"
        path.write_bytes("\ufeff".encode("utf-16-le"))
        code, _, err = run([str(path), *PEIL], capsys)
        assert code == 2
        assert err == f"fout: {path}: het bestand is leeg (verwacht een kopregel met kolomnamen)\n"
        assert list(scratch.iterdir()) == []


def _opened(path: Path, folder: Path) -> tuple[object, ...]:
    """What reading ``path`` gives: its header and rows, or its refusal (path named P)."""
    try:
        with open_portfolio(path, scratch=lambda: folder) as source:
            return ("gelezen", source.header, list(source.rows))
    except PortfolioError as exc:
        return ("geweigerd", str(exc).replace(str(path), "P"))


class TestSameRowsProperty:
    """For any text, the UTF-16 file is read as the UTF-8 file: same header, same rows with
    the same numbers, or the same refusal."""

    @given(
        st.lists(
            st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n")),
            max_size=12,
        ),
        st.sampled_from(["utf-16-le", "utf-16-be"]),
        st.booleans(),
    )
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_rows_equal(self, lines: list[str], codec: str, bom: bool) -> None:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            content = ["\t".join(HEADER), *lines]
            utf8 = _write(folder / "a.txt", content, "utf-8", bom=False)
            utf16 = _write(folder / "b.txt", content, codec, bom=bom)
            (folder / "kopie").mkdir()
            (folder / "kopie" / "map").mkdir()
            assert _opened(utf16, folder / "kopie" / "map") == _opened(utf8, folder)


class TestMessagesNameTheUsersFile:
    """The transcoded copy is an implementation detail: messages name the user's file."""

    def test_missing_column(
        self, tmp_path: Path, scratch: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A header without werkgever: the refusal names the user's file and line 1."""
        path = _write(tmp_path / "p.txt", ["werknemer\tproduct", "W-1\tzeeuwse-prb"], "utf-16-le")
        code, _, err = run([str(path), *PEIL], capsys)
        assert code == 2
        assert err.startswith(f"fout: {path}: regel 1: verplichte kolom(men) ontbreken")
        assert "reintegratie-signalen-" not in err
        assert list(scratch.iterdir()) == []

    def test_output_onto_the_portfolio_is_refused(
        self, tmp_path: Path, scratch: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--uit onto the UTF-16 portfolio itself is refused before anything is read."""
        path = _write(tmp_path / "p.csv", _lines(), "utf-16-le")
        before = path.read_bytes()
        code, _, _ = run([str(path), *PEIL, "--uit", str(path)], capsys)
        assert code == 2
        assert path.read_bytes() == before

    def test_without_a_scratch_folder_it_is_refused(self, tmp_path: Path) -> None:
        """A caller that gives no scratch folder (the library default) gets UTF-16 refused
        by name, with what to save instead: no copy is made anywhere."""
        path = _write(tmp_path / "p.txt", _lines()[:3], "utf-16-le")
        with pytest.raises(PortfolioError) as refused:
            open_portfolio(path)
        assert str(refused.value) == (
            f"{path}: het bestand is UTF-16 (in Excel: Unicode-tekst); sla het op als CSV UTF-8"
        )
        assert sorted(tmp_path.iterdir()) == [path]


class TestBrokenUtf16:
    """UTF-16 that is not valid is refused as a whole, naming the user's file and the line,
    as a UTF-8 file with a byte that is not UTF-8: nothing is replaced (exit 2, no
    traceback, no scratch file left)."""

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
    def test_odd_number_of_bytes(
        self, tmp_path: Path, scratch: Path, capsys: pytest.CaptureFixture[str], codec: str
    ) -> None:
        """One byte too many (a file cut off, or not UTF-16 after all): refused, naming the
        last line."""
        path = _write(tmp_path / "p.txt", _lines()[:4], codec)
        path.write_bytes(path.read_bytes() + b"W")
        code, out, err = run([str(path), *PEIL], capsys)
        assert code == 2
        assert out == ""
        assert err.startswith(f"fout: {path}: regel 5 is geen geldige UTF-16")
        assert "oneven aantal bytes" in err
        assert "Traceback" not in err
        assert list(scratch.iterdir()) == []

    @pytest.mark.parametrize("form", FORMS, ids=FORM_IDS)
    @pytest.mark.parametrize("unit", [chr(0xD83D), chr(0xDE00)], ids=["hoog", "laag"])
    def test_a_lone_surrogate(
        self,
        tmp_path: Path,
        scratch: Path,
        capsys: pytest.CaptureFixture[str],
        form: tuple[str, bool],
        unit: str,
    ) -> None:
        """Half of a surrogate pair (half an emoji) on line 3: refused, naming line 3 and
        the code unit."""
        codec, bom = form
        lines = _lines()
        lines[2] = lines[2].replace("😀", unit)
        text = ("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n"
        path = tmp_path / "p.txt"
        path.write_bytes(text.encode(codec, "surrogatepass"))
        code, out, err = run([str(path), *PEIL], capsys)
        assert code == 2
        assert out == ""
        assert err.startswith(f"fout: {path}: regel 3 is geen geldige UTF-16")
        assert f"0x{ord(unit):04X}" in err
        assert "Traceback" not in err
        assert list(scratch.iterdir()) == []

    def test_a_broken_pair_beyond_the_first_block(self, tmp_path: Path, scratch: Path) -> None:
        """A lone surrogate after the first block of the transcoding is found on its line."""
        lines = ["\t".join(HEADER)] + [
            "\t".join(row(f"W{n}", date(2025, 1, 6))) for n in range(9000)
        ]
        lines[8500] = lines[8500].replace("W8499", "W\udc00")
        path = tmp_path / "p.txt"
        path.write_bytes(
            ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-16-le", "surrogatepass")
        )
        assert path.stat().st_size > 1 << 20
        with pytest.raises(PortfolioError, match="regel 8501 is geen geldige UTF-16"):
            open_portfolio(path, scratch=lambda: scratch)


class TestNotUtf16:
    """A file with NUL bytes that is not UTF-16 text is still no text file."""

    def test_binary_is_not_read_as_utf16(self, tmp_path: Path, scratch: Path) -> None:
        """An old .xls renamed to .csv (an OLE2 file): "geen tekstbestand", as before."""
        path = tmp_path / "p.csv"
        path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 20)
        with pytest.raises(PortfolioError, match="geen tekstbestand"):
            open_portfolio(path, scratch=lambda: scratch)
        assert list(scratch.iterdir()) == []


class TestScratchFolderFails:
    """The UTF-8 copy cannot be made: said as a problem of the temporary files (not of the
    user's portfolio, not "lezen mislukt"), exit 2, nothing left behind."""

    def test_the_folder_cannot_be_made(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """No scratch folder (TMPDIR read-only): "tijdelijke map …: aanmaken mislukt"."""
        source = _write(tmp_path / "p.txt", _lines()[:3], "utf-16-le")

        def refused(*_args: object, **_kwargs: object) -> None:
            raise OSError(13, "Toegang geweigerd")

        monkeypatch.setattr(tempfile, "TemporaryDirectory", refused)
        code, out, err = run([str(source), *PEIL], capsys)
        assert (code, out) == (2, "")
        assert err.startswith("fout: tijdelijke map ")
        assert err.rstrip().endswith(": aanmaken mislukt (Toegang geweigerd)")

    def test_one_error_for_every_scratch_file(self, tmp_path: Path) -> None:
        """The copy failing to be written is the same error, with the same words, as a
        partition file failing (`engine.ScratchError`): one message for the scratch
        folder, not a second one dressed as a portfolio error."""
        source = _write(tmp_path / "p.txt", _lines()[:3], "utf-16-le")
        gone = tmp_path / "tmp" / "weg"  # the scratch folder vanished: the copy cannot open
        with pytest.raises(engine.ScratchError) as refused:
            open_portfolio(source, scratch=lambda: gone)
        assert str(refused.value).startswith(
            f"tijdelijke bestanden in {gone.parent}: schrijven mislukt ("
        )

    def test_the_copy_cannot_be_written(self, tmp_path: Path) -> None:
        """The disk of TMPDIR full (here: a file size limit) while the copy is written:
        "tijdelijke bestanden in TMPDIR: schrijven mislukt", and the scratch folder gone."""
        source = _write(tmp_path / "p.txt", _lines() * 40, "utf-16-le")
        scratch = tmp_path / "tmp"
        scratch.mkdir()
        program = (
            "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            "resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384)); "
            "from reintegratie_cli.main import main; sys.exit(main(sys.argv[1:]))"
        )
        env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join(sys.path)}
        done = subprocess.run(
            [sys.executable, "-c", program, "signalen", str(source), *PEIL],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"fout: tijdelijke bestanden in {scratch}: schrijven mislukt")
        assert str(source) not in done.stderr
        assert list(scratch.iterdir()) == []


# --- Stopping while transcoding ------------------------------------------------------------


@pytest.fixture(scope="module")
def big_utf16(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A generated portfolio as Excel's Unicode text (UTF-16 LE, BOM, tabs, CRLF) large
    enough that the transcoding takes a while, and the size of its UTF-8 form."""
    folder = tmp_path_factory.mktemp("groot16")
    csv_path = folder / "p.csv"
    assert main(["genereer", "60000", "--uit", str(csv_path), *PEIL]) == 0
    text = csv_path.read_text(encoding="utf-8").replace(",", "\t").replace("\n", "\r\n")
    path = folder / "p.txt"
    path.write_bytes(("\ufeff" + text).encode("utf-16-le"))
    return path, len(text.encode("utf-8"))


class TestStoppedWhileTranscoding:
    """Ctrl-C or SIGTERM while the UTF-16 file is transcoded: the half-written UTF-8 copy
    and the scratch folder are removed (docs/portefeuille.md, Afbreken)."""

    @pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
    def test_no_scratch_file_left(
        self, tmp_path: Path, big_utf16: tuple[Path, int], signum: int
    ) -> None:
        """Stopped while the UTF-8 copy is being written: exit 128+signal, one Dutch line,
        an empty TMPDIR."""
        source, full = big_utf16
        scratch = tmp_path / "tmp"
        scratch.mkdir()
        env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join(sys.path)}
        # Transcoded in blocks of 4 KiB instead of 1 MiB: the same loop, slow enough to be
        # caught in the act however fast or loaded the machine is.
        program = (
            "import sys; from reintegratie_cli import portfolio; portfolio._UTF16_BLOCK = 4096; "
            "from reintegratie_cli.main import main; sys.exit(main(sys.argv[1:]))"
        )
        process = subprocess.Popen(
            [sys.executable, "-c", program, "signalen", str(source), *PEIL, "--processen", "2"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        partial = -1
        deadline = time.monotonic() + 120
        try:
            while process.poll() is None and time.monotonic() < deadline:
                copies = list(scratch.glob("*/*utf8*"))
                if copies:
                    size = copies[0].stat().st_size if copies[0].exists() else -1
                    if 0 < size < full:
                        partial = size
                        break
                time.sleep(0.001)
            assert process.poll() is None, "the run ended before the transcoding was seen"
            if signum == signal.SIGINT:
                os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C does
            else:
                process.send_signal(signum)
            _, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
        assert 0 < partial < full
        assert process.returncode == 128 + signum, err
        lines = err.decode().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith("afgebroken")
        assert list(scratch.iterdir()) == []

    def test_stopped_while_the_workers_compute(
        self, tmp_path: Path, big_utf16: tuple[Path, int]
    ) -> None:
        """SIGTERM after the copy is complete, while two workers compute partitions read
        from it: the copy goes with the partition files, no worker is left."""
        source, full = big_utf16
        scratch = tmp_path / "tmp"
        scratch.mkdir()
        env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join(sys.path)}
        # Partitions of 512 KiB instead of 24 MiB: several of them from a file of a few MB.
        program = (
            "import sys; from reintegratie_cli import engine; engine.PARTITION_BYTES = 1 << 19; "
            "from reintegratie_cli.main import main; sys.exit(main(sys.argv[1:]))"
        )
        process = subprocess.Popen(
            [sys.executable, "-c", program, "signalen", str(source), *PEIL, "--processen", "2"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        copied = seen = 0
        deadline = time.monotonic() + 120
        try:
            while process.poll() is None and time.monotonic() < deadline:
                for copy in scratch.glob("*/*utf8*"):
                    with contextlib.suppress(OSError):
                        copied = max(copied, copy.stat().st_size)
                pickles = len(list(scratch.glob("*/deel*-*.pickle")))
                seen = max(seen, pickles)
                if copied == full and seen and pickles < seen:  # computing: parts consumed
                    break
                time.sleep(0.002)
            assert process.poll() is None, "the run ended before the workers were seen"
            process.send_signal(signal.SIGTERM)
            _, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
        assert process.returncode == 128 + signal.SIGTERM, err
        assert err.decode().startswith("afgebroken (SIGTERM)")
        assert list(scratch.iterdir()) == []
