"""Writing tables: atomically, as CSV or as XLSX, row by row with flat memory.

* **Atomic**: every file is written to a temporary file in the target's folder and moved
  into place with `os.replace` only when complete; on failure — or when the command
  is stopped (Ctrl-C, SIGTERM) — the temporary file is removed and an existing target is
  left as it was (`AtomicOutput`). A replaced target keeps its permissions.
* **CSV**: UTF-8, comma-separated, dates as ``JJJJ-MM-DD``, decimals with a point — for
  machines. People get XLSX.
* **XLSX**: one worksheet with a bold, frozen header row, an autofilter, and real dates
  (format ``dd-mm-jjjj``) — except a date before 01-01-1900, which has no serial in
  Excel's 1900 date system: it is written as text ``JJJJ-MM-DD``, which ``signalen``
  (and Excel's users) read back as the same date. It is written as a stream: each row is encoded on its own
  (`xlsx_cells`, so worker processes can encode rows in parallel) and appended to the
  compressed sheet; memory does not grow with the number of rows. The general-purpose
  writers (xlsxwriter, openpyxl) need about 15–40 µs per cell on this project's 2-core
  machine, too slow for a worklist of a million rows (``bench/bench_signalen.py``); this
  minimal SpreadsheetML writer (inline strings, numbers, one date style) writes the same
  content a few times faster, and the tests read every file back with openpyxl.
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Self

from reintegratie_cli.table import EXCEL_MAX_TEXT, excel_length, fits_a_cell
from reintegratie_io import FIRST_SERIAL_DATE, date_to_serial, thousands

if TYPE_CHECKING:
    import queue

# zipfile and queue are imported by the XLSX writer, which alone needs them: a CSV run
# does without their import (issue 11).

#: Excel's last row: a sheet holds the header and at most this many rows minus one.
XLSX_MAX_ROWS = 1_048_576


class OutputKind(enum.Enum):
    """The output formats, chosen by the file's extension."""

    CSV = "csv"
    XLSX = "xlsx"

    @classmethod
    def of(cls, path: Path) -> OutputKind:
        """The kind for ``path``'s extension (``.csv`` or ``.xlsx``, any case); ``ValueError``
        names the accepted ones. Any other extension — ``.txt`` too — is refused rather
        than guessed: CSV under another name is found by nobody who looks for it."""
        suffix = path.suffix.lower()
        if suffix == ".csv":
            return cls.CSV
        if suffix == ".xlsx":
            return cls.XLSX
        msg = f"{path}: onbekende extensie {suffix or '(geen)'} (verwacht .csv of .xlsx)"
        raise ValueError(msg)


class OutputError(Exception):
    """The output file cannot be written (folder missing, no permission, disk full ...)."""


class ScratchError(OutputError):
    """The scratch folder (``TMPDIR``) cannot be written: a full disk, no permission."""


def scratch_write_error(folder: Path, exc: OSError) -> ScratchError:
    """The one error of a scratch file (a partition file, the UTF-8 copy of a UTF-16
    portfolio) that cannot be written in ``folder``, the temporary folder (``TMPDIR``)."""
    return ScratchError(
        f"tijdelijke bestanden in {folder}: schrijven mislukt ({exc.strerror or exc})"
    )


def target_problem(target: Path, *, example: str, source: Path | None = None) -> str | None:
    """Why ``target`` cannot be written, checked before any work is done (``None``: it can).

    The one check of every command's output file: not a folder (``example`` is the file name
    the message suggests), its folder exists and may be written in, and it is not the input
    ``source`` itself (also through another name for the same file)."""
    folder = target.parent if str(target.parent) else Path()
    if target.is_dir():
        return f"{target}: is een map; geef een bestandsnaam op (bijv. {example})"
    if not folder.is_dir():
        return f"{target}: de map {folder} bestaat niet"
    if source is not None and _same_file(source, target):
        return f"{target}: is het invoerbestand zelf ({source}); kies een ander uitvoerbestand"
    if not os.access(folder, os.W_OK):
        return f"{target}: geen schrijfrechten in de map {folder}"
    return None


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve() or (second.exists() and first.samefile(second))
    except OSError:
        return False


class AtomicOutput:
    """A temporary file beside ``target`` that replaces it only on success."""

    def __init__(self, target: Path) -> None:
        self.target = target
        folder = target.parent if str(target.parent) else Path()
        self.temporary, handle = _create_temporary(target, folder)
        try:  # a stop (Ctrl-C, SIGTERM) before ``with`` is entered leaves no temporary file
            os.close(handle)
            try:  # replacing a file keeps its permissions (a private 0600 worklist stays so)
                mode = stat.S_IMODE(os.stat(target).st_mode)
            except OSError:
                mode = 0o666 & ~_umask()
            os.chmod(self.temporary, mode)
        except BaseException:
            self.temporary.unlink(missing_ok=True)
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            try:
                os.replace(self.temporary, self.target)
            except OSError as exc:
                self.temporary.unlink(missing_ok=True)
                msg = f"{self.target}: kan het bestand niet vervangen ({exc.strerror or exc})"
                raise OutputError(msg) from None
            finally:
                _LIVE.discard(self.temporary)
        else:
            self.temporary.unlink(missing_ok=True)
            _LIVE.discard(self.temporary)
            if isinstance(_value, OSError):  # a full disk, a lost share: the writing failed
                msg = f"{self.target}: schrijven mislukt ({_value.strerror or _value})"
                raise OutputError(msg) from None


#: The temporary files being written: registered before they exist and forgotten once
#: moved into place or removed, so that a stop landing where no ``with`` block can catch it
#: (between creating the file and entering the block) is still cleaned up by
#: `remove_temporaries`, which the command's stop handling calls.
_LIVE: set[Path] = set()


def _create_temporary(target: Path, folder: Path) -> tuple[Path, int]:
    """A new, empty temporary file beside ``target`` (``.<name>.<random>.tmp``, created
    exclusively as ``tempfile.mkstemp`` does) and its open handle; registered first."""
    for _attempt in range(100):
        candidate = folder / f".{target.name}.{os.urandom(4).hex()}.tmp"
        _LIVE.add(candidate)
        try:
            return candidate, os.open(candidate, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            _LIVE.discard(candidate)
        except OSError as exc:
            _LIVE.discard(candidate)
            msg = f"{target}: kan niet schrijven in {folder.resolve()} ({exc.strerror or exc})"
            raise OutputError(msg) from None
    msg = f"{target}: geen vrije naam voor een tijdelijk bestand in {folder.resolve()}"
    raise OutputError(msg)


def remove_temporaries() -> None:
    """Remove every temporary file still being written (after a stop)."""
    for path in list(_LIVE):
        path.unlink(missing_ok=True)
        _LIVE.discard(path)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --- Encoding single rows: the one encoder per format ------------------------------------

#: A text starting with one of these is a formula to a spreadsheet (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What makes a text need more than itself as a CSV field: a formula start or surrounding
# white space (then it is quoted), or a quote, comma or line break inside.
_CSV_SPECIAL = re.compile(r'\A[=+\-@\s]|[",\r\n]|\s\Z')
_CACHE_LIMIT = 65_536


def csv_text(text: str) -> str:
    """One CSV field for a text: quoted where needed; a text a spreadsheet would run as a
    formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a
    leading ``'`` and quotes (OWASP's CSV-injection advice), so it stays text."""
    if _CSV_SPECIAL.search(text) is None:
        return text
    if text.startswith(FORMULA_START):
        return "\"'" + text.replace('"', '""') + '"'
    return '"' + text.replace('"', '""') + '"'


def _csv_value(value: object) -> str:
    """One CSV field for any value: the rule of `csv_line`."""
    kind = type(value)
    if kind is int or kind is Decimal:
        return str(value)
    if value is None:
        return ""
    if kind is bool:
        return "ja" if value else "nee"
    if isinstance(value, str):  # letters and digits only (an employee number) need nothing
        return value if value.isalnum() else csv_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Encoded(dict[object, str]):
    """Encoded values by value, for those that repeat — texts and dates — so that a row is
    encoded by one ``map`` over this dict: `__missing__` applies the rule to the others (and
    keeps a text's or a date's result while fewer than ``_CACHE_LIMIT`` are kept; the
    repeating ones come early). Numbers are not kept in a dict shared by all values: ``1``,
    ``True`` and ``Decimal("1.00")`` are equal keys with different fields; an ``int`` or a
    ``Decimal`` (exactly these types) goes straight to ``number``, a C-level formatter that
    gives what the rule gives for it, without a Python call. The dict of one column
    (`encoder`) whose numbers are all of one type (``numbers``) keeps those too. A text of
    letters and digits only (up to ``longest`` of them) needs no escaping; its field is
    ``word(text)``, the rule's own form for it, made without a Python call to the rule
    (a unique employee or row number is such a text, two per worklist line).
    """

    def __init__(
        self,
        rule: Callable[[object], str],
        empty: str,
        number: Callable[[object], str],
        numbers: type | None = None,
        word: tuple[Callable[[str], str], int] = (str, sys.maxsize),
    ) -> None:
        super().__init__({None: empty})
        self.rule = rule
        self.number = number
        self.numbers = numbers
        self.word, self.longest = word

    def __missing__(self, value: object) -> str:
        kind = type(value)
        if kind is str:  # a text not seen before: most are one word (an employee number)
            text: str = value  # type: ignore[assignment]  # its type was just tested
            if text.isalnum() and len(text) <= self.longest:
                encoded = self.word(text)  # what the rule gives for it, without the rule
            else:
                encoded = self.rule(text)
            if len(self) < _CACHE_LIMIT:
                self[value] = encoded
            return encoded
        if kind is int or kind is Decimal:
            encoded = self.number(value)
            if kind is self.numbers and len(self) < _CACHE_LIMIT:
                self[value] = encoded
            return encoded
        encoded = self.rule(value)
        if (kind is str or kind is date) and len(self) < _CACHE_LIMIT:
            self[value] = encoded
        return encoded


_CSV_FIELDS = _Encoded(_csv_value, "", str)
_csv_field_of = _CSV_FIELDS.__getitem__


def csv_line(values: Sequence[object]) -> str:
    """One CSV record with its line end: text quoted where needed (and neutralised when a
    spreadsheet would run it), dates ISO, ``True``/``False`` ``ja``/``nee``, None empty."""
    try:
        return ",".join(map(_csv_field_of, values)) + "\r\n"
    except TypeError:  # an unhashable value: without the cache
        return ",".join([_csv_value(v) for v in values]) + "\r\n"


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: The end of a text cut to fit one XLSX cell; ``{}`` its whole length, as Excel counts.
_CUT_MARK = " … [ingekort: {} tekens; de CSV-uitvoer heeft de hele tekst]"


def _fit_cell(text: str) -> str:
    """``text`` as one XLSX cell holds it: whole up to ``EXCEL_MAX_TEXT`` characters (as
    Excel counts them); a longer text cut to fit and ending in
    ``… [ingekort: 40.000 tekens; de CSV-uitvoer heeft de hele tekst]`` — never cut
    silently: a reader sees that something is missing and how much."""
    if fits_a_cell(text):
        return text
    length = excel_length(text)
    mark = _CUT_MARK.format(thousands(length))
    keep = EXCEL_MAX_TEXT - len(mark)  # the mark is in the BMP: one unit a character
    units = text.encode("utf-16-le", "surrogatepass")[: 2 * keep]
    return units.decode("utf-16-le", "ignore") + mark  # "ignore": half an emoji at the cut


def _xml_text(text: str) -> str:
    if not text.isprintable():
        text = _XML_ILLEGAL.sub("", text)
    text = _fit_cell(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text[:1].isspace() or text[-1:].isspace():
        return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


_DATE_STYLE = 1
_HEADER_STYLE = 2


def _xml_cell(text: str) -> str:
    return _xml_text(text) if text else "<c/>"


def _xml_date(day: date) -> str:
    if day < FIRST_SERIAL_DATE:  # no serial: text, as the CSV writes it
        return f'<c t="inlineStr"><is><t>{day.isoformat()}</t></is></c>'
    return f'<c s="{_DATE_STYLE}"><v>{date_to_serial(day)}</v></c>'


#: The cell of a text of letters and digits only (at most ``EXCEL_MAX_TEXT // 2`` of them:
#: it fits a cell even if each is two UTF-16 units, see `_fit_cell`).
_xml_word: Callable[[str], str] = '<c t="inlineStr"><is><t>{}</t></is></c>'.format
_XLSX_WORD = EXCEL_MAX_TEXT // 2


def _xlsx_value(value: object) -> str:
    """One worksheet cell for any value: the rule of `xlsx_cells`."""
    kind = type(value)
    if kind is int or kind is Decimal:
        return f"<c><v>{value}</v></c>"
    if value is None:
        return "<c/>"
    if kind is bool:
        return _xml_cell("ja" if value else "nee")
    if isinstance(value, str):  # letters and digits only (an employee number) need no escaping
        if value.isalnum() and len(value) <= _XLSX_WORD:
            return _xml_word(value)
        return _xml_cell(value)
    if isinstance(value, date):
        return _xml_date(value)
    if isinstance(value, int | Decimal):
        return f"<c><v>{value}</v></c>"
    return _xml_cell(str(value))


_XML_CELLS = _Encoded(_xlsx_value, "<c/>", "<c><v>{}</v></c>".format, word=(_xml_word, _XLSX_WORD))
_xml_cell_of = _XML_CELLS.__getitem__


def xlsx_cells(values: Sequence[object]) -> str:
    """The cells of one worksheet row (without the ``<row>`` element) as SpreadsheetML.

    Text becomes an inline string (never a formula), numbers a number, a date an Excel
    serial number with the date style, ``True``/``False`` ``ja``/``nee``, ``None`` an
    empty cell.
    """
    try:
        return "".join(map(_xml_cell_of, values))
    except TypeError:  # an unhashable value: without the cache
        return "".join([_xlsx_value(v) for v in values])


def encoder(
    kind: OutputKind, numbers: Sequence[type | None] | None = None
) -> Callable[[Sequence[object]], str]:
    """The encoder of one row for ``kind``: `csv_line` or `xlsx_cells`.

    With ``numbers`` — per column of a table, the one number type (``int`` or ``Decimal``)
    its numbers have, else ``None`` — the encoder keeps the fields of each column in a dict
    of its own, numbers included (a row is then one ``map`` over the columns' dicts with
    hardly a Python call). A column given a number type holds no number of another type
    and no ``bool``: those would find an equal number's field. A row of another length
    than ``numbers`` is encoded as without it.
    """
    plain = csv_line if kind is OutputKind.CSV else xlsx_cells
    if numbers is None:
        return plain
    if kind is OutputKind.CSV:
        columns = [_Encoded(_csv_value, "", str, n) for n in numbers]
        separator, end = ",", "\r\n"
    else:
        columns = [
            _Encoded(_xlsx_value, "<c/>", _XML_CELLS.number, n, (_xml_word, _XLSX_WORD))
            for n in numbers
        ]
        separator, end = "", ""
    width = len(columns)
    join = separator.join
    field = dict.__getitem__  # calls the columns' __missing__

    def encode(values: Sequence[object]) -> str:
        if len(values) == width:
            try:
                return join(map(field, columns, values)) + end
            except TypeError:  # an unhashable value: without the dicts
                pass
        return plain(values)

    return encode


# --- Writers -----------------------------------------------------------------------------


class CsvWriter:
    """Writes a header, then pre-encoded `csv_line` records, to ``path``."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="", buffering=1 << 20)
        self.rows = 0
        self._file.write(csv_line(list(header)))

    def write_encoded(self, line: str) -> None:
        """Append one record made by `csv_line`."""
        self._file.write(line)
        self.rows += 1

    def write(self, values: Sequence[object]) -> None:
        """Append one record."""
        self.write_encoded(csv_line(values))

    def close(self) -> None:
        """Flush and close the file."""
        self._file.close()


_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = (
    _DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    _DECL + f'<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    _DECL + f'<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    _DECL + f'<styleSheet xmlns="{_NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_attribute(text: str) -> str:
    return (
        _XML_ILLEGAL.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    )


class _Compressor:
    """Writes byte chunks to a stream from a background thread.

    zlib compresses without holding the GIL, so compressing the sheet overlaps with
    producing the next rows. At most ``depth`` chunks wait; an error in the thread is
    raised in the caller at its next call.
    """

    def __init__(self, stream: IO[bytes], depth: int = 8) -> None:
        import queue

        self._stream = stream
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="xlsx-deflate", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            if self._error is None:
                try:
                    self._stream.write(chunk)
                except BaseException as exc:  # noqa: BLE001 - handed to the caller
                    self._error = exc

    def write(self, chunk: bytes) -> None:
        """Queue ``chunk`` for writing."""
        self._raise()
        self._chunks.put(chunk)

    def finish(self) -> None:
        """Wait until every chunk is written; raise the thread's error, if any."""
        self._chunks.put(None)
        self._thread.join()
        self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error


class XlsxWriter:
    """Streams one worksheet into an XLSX package at ``path``.

    ``widths`` are column widths in characters. Rows beyond Excel's limit raise
    `OutputError`. Rows are collected in batches and compressed in a background
    thread (`_Compressor`).
    """

    _BATCH = 4096

    def __init__(
        self,
        path: Path,
        header: Sequence[str],
        *,
        sheet: str = "werklijst",
        widths: Sequence[float] | None = None,
        compresslevel: int = 1,
    ) -> None:
        import zipfile

        self._zip = zipfile.ZipFile(
            path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
        )
        self._columns = len(header)
        self._sheet = sheet[:31]
        self.rows = 0
        self._stream = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._out = _Compressor(self._stream)
        self._pending: list[str] = []
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(widths or (), 1)
        )
        header_cells = "".join(
            f'<c t="inlineStr" s="{_HEADER_STYLE}"><is><t>{_xml_attribute(h)}</t></is></c>'
            for h in header
        )
        self._pending.append(
            f'{_DECL}<worksheet xmlns="{_NS}" xmlns:r="{_REL}">'
            '<sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + f'<sheetData><row r="1">{header_cells}</row>'
        )
        self._next = 2

    def _flush(self) -> None:
        if self._pending:
            self._out.write("".join(self._pending).encode("utf-8"))
            self._pending.clear()

    def write_encoded(self, cells: str) -> None:
        """Append one row whose cells were encoded by `xlsx_cells`."""
        row = self._next
        if row > XLSX_MAX_ROWS:
            msg = (
                f"meer dan {thousands(XLSX_MAX_ROWS - 1)} regels passen niet in één "
                "XLSX-werkblad; kies .csv"
            )
            raise OutputError(msg)
        pending = self._pending
        pending.append(f'<row r="{row}">{cells}</row>')
        if len(pending) >= self._BATCH:
            self._flush()
        self._next = row + 1
        self.rows += 1

    def write(self, values: Sequence[object]) -> None:
        """Append one row of values."""
        self.write_encoded(xlsx_cells(values))

    def close(self) -> None:
        """Finish the sheet and write the workbook parts."""
        last = max(1, self._next - 1)
        reference = f"A1:{_column_letters(self._columns)}{last}"
        self._pending.append(f'</sheetData><autoFilter ref="{reference}"/></worksheet>')
        self._flush()
        self._out.finish()
        self._stream.close()
        name = _xml_attribute(self._sheet)
        quoted = "'" + name.replace("'", "''") + "'"
        absolute = f"$A$1:${_column_letters(self._columns)}${last}"
        workbook = (
            f'{_DECL}<workbook xmlns="{_NS}" xmlns:r="{_REL}">'
            f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" '
            f'hidden="1">{quoted}!{absolute}</definedName></definedNames>'
            "</workbook>"
        )
        self._zip.writestr("[Content_Types].xml", _CONTENT_TYPES)
        self._zip.writestr("_rels/.rels", _ROOT_RELS)
        self._zip.writestr("xl/workbook.xml", workbook)
        self._zip.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        self._zip.writestr("xl/styles.xml", _STYLES)
        self._zip.close()

    def abort(self) -> None:
        """Stop without finishing (the caller discards the file)."""
        try:
            self._pending.clear()
            with contextlib.suppress(BaseException):
                self._out.finish()
            self._stream.close()
        finally:
            self._zip.close()


def write_table(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "blad1",
    widths: Sequence[float] | None = None,
) -> int:
    """Write ``rows`` under ``header`` to ``path`` (CSV or XLSX by extension), atomically.

    Returns the number of rows written.
    """
    kind = OutputKind.of(path)
    with AtomicOutput(path) as output:
        if kind is OutputKind.CSV:
            writer: CsvWriter | XlsxWriter = CsvWriter(output.temporary, header)
        else:
            writer = XlsxWriter(output.temporary, header, sheet=sheet, widths=widths)
        try:
            for row in rows:
                writer.write(row)
        except BaseException:
            if isinstance(writer, XlsxWriter):
                writer.abort()
            else:
                writer.close()
            raise
        writer.close()
        return writer.rows
