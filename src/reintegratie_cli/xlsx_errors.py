"""Excel error values (``#N/A``, ``#VALUE!``, ``#REF!`` …) in the worksheet of an XLSX portfolio.

python-calamine (0.9) gives an error cell as ``""``, exactly like an empty cell
(python-calamine issue #105), and has no call that tells them apart. Read as empty, an
error would mean something: ``#N/A`` as last sick day "still sick", ``#VALUE!`` as a
done date "not done". An error is never a value, so `error_cells` finds the error cells in
the worksheet's XML itself, and the portfolio reader marks them
(``reintegratie_cli.portfolio``).

SpreadsheetML stores an error as ``<c r="B2" t="e"><v>#N/A</v></c>`` (a formula's cached
error likewise, after its ``<f>``). The scan is one streaming pass over the decompressed
part that looks only for the attribute value ``"e"`` (or ``'e'``): a block without it —
every block of a portfolio without errors — costs only the decompression and that byte
search (about 0.24 CPU-seconds for a sheet of 200,000 rows, 60 MB, of some 6 for the whole
command). Only around a hit are the cell's tag and value read. ``r`` is optional in
SpreadsheetML: an error cell without it is placed by counting the cells of its row (whose
``r`` this project's own writer and the others write); only when the row lacks ``r`` too
is the part read once more with ``defusedxml``, placing every cell (rare, much slower).

A formula cell without a calculated value (``<f>…</f><v/>``, or no ``<v>``: written by a
program that does not calculate) is read as empty by python-calamine too, and means no
value just as an error does; `error_cells` records it as `NO_VALUE`. Only a block that
holds a formula tag at all is searched for it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError
from xml.sax.saxutils import unescape

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import fromstring, iterparse  # type: ignore[import-untyped]

#: Error cells by ``(row, column)``, both 1-based as in Excel, with the stored error text
#: (``""`` when the cell holds none; `NO_VALUE` for a formula without a calculated value).
ErrorCells = dict[tuple[int, int], str]

#: The text of a formula cell that holds no calculated value: a file written by a program
#: that does not calculate (openpyxl, a script) and never opened in Excel. Read as empty,
#: it would mean something, as an error does (a last sick day "still sick"); no error value
#: starts with ``=``.
NO_VALUE = "="

_BLOCK = 1 << 20
_DOUBLE, _SINGLE = b'"e"', b"'e'"
_MARK = re.compile(rb"[\"']e[\"']")
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_CELL_TAG = re.compile(rb"<" + _PREFIX + rb"c[\s/>]")
_ROW_TAG = re.compile(rb"<" + _PREFIX + rb"row[\s>]")
_ATTRIBUTE = re.compile(rb"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CELL_END = re.compile(rb"</" + _PREFIX + rb"c\s*>")
_VALUE = re.compile(rb"<" + _PREFIX + rb"v(?:\s[^>]*)?>([^<]*)<")
#: A formula with no value after it, or an empty one, up to the end of its cell: ``<f>DATE(
#: 2025,7,1)</f><v/></c>``. Searched from the formula tag, so that without a namespace
#: prefix the pattern starts with the literal ``<f`` that ``re`` finds quickly.
_NO_VALUE_TAIL = (
    rb"(?:\s[^>]*)?(?:/>|>[^<]*</{p}f\s*>)\s*"
    rb"(?:<{p}v(?:\s[^>]*)?/>|<{p}v(?:\s[^>]*)?>\s*</{p}v\s*>)?\s*</{p}c\s*>"
)
_UNCALCULATED = re.compile(rb"<f" + _NO_VALUE_TAIL.replace(b"{p}", b""))
#: The cell kinds whose formula may have an empty value: text (``str``, ``inlineStr``) and
#: an error (``e``, found by `_scan`).
_EMPTY_KIND = re.compile(rb"\st\s*=\s*[\"'](?:str|e|inlineStr)[\"']")
_UNCALCULATED_PREFIXED = re.compile(
    rb"<" + _PREFIX + rb"f" + _NO_VALUE_TAIL.replace(b"{p}", _PREFIX)
)
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_OFFICE_DOCUMENT = "/officeDocument"
_REFUSED = "uit veiligheid geweigerd"


class SheetError(Exception):
    """The worksheet of a workbook cannot be found or read (the message says why, in Dutch)."""


class _NoReferenceError(Exception):
    """An error cell without a usable ``r``: it can only be placed by position."""


def read_error_cells(path: Path, sheet: str) -> ErrorCells:
    """The error cells of the worksheet named ``sheet`` in the XLSX file ``path``."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(sheet_part(archive, sheet)) as stream:
            return error_cells(stream)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError) as exc:
        raise SheetError(f'werkblad "{sheet}" is onleesbaar ({exc})') from None


def workbook_properties(archive: zipfile.ZipFile) -> dict[str, str]:
    """The attributes of the workbook's ``workbookPr`` (``date1904`` …); empty when absent."""
    for element in _xml(archive, _main_part(archive)).iter():
        if _local(element.tag) == "workbookPr":
            return {_local(k): v for k, v in element.attrib.items()}
    return {}


def sheet_part(archive: zipfile.ZipFile, sheet: str) -> str:
    """The zip path of the worksheet named ``sheet``, through the workbook's relationships."""
    workbook = _main_part(archive)
    found = None
    for element in _xml(archive, workbook).iter():
        if _local(element.tag) == "sheet" and element.get("name") == sheet:
            found = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
            break
    relationship = _relationships(archive, workbook).get(found or "")
    if relationship is None:
        raise SheetError(f'werkblad "{sheet}" niet gevonden in {workbook}')
    return relationship[1]


def error_cells(stream: IO[bytes], block: int = _BLOCK) -> ErrorCells:
    """The error cells of a worksheet part, read from ``stream`` in blocks of ``block`` bytes.

    Each block is searched up to its last row start; the unfinished row goes on with the
    next block, so every row — and every cell in it — is searched whole, once. Only when an
    error cell *and* its row both lack ``r`` does it seek back to the start and read the
    part again, placing every cell (`_placed`).
    """
    found: ErrorCells = {}
    carry = b""
    try:
        while True:
            chunk = stream.read(block)
            buffer = carry + chunk if carry else chunk
            if chunk:
                cut = _last_row_start(buffer, len(buffer))
                if cut <= 0:  # no row starts in it (or one row longer than a block)
                    carry = buffer
                    continue
                region, carry = buffer[:cut], buffer[cut:]
            else:
                region = buffer
            if _DOUBLE in region or _SINGLE in region:
                _scan(region, found)
            if b"<f" in region or b":f>" in region or b":f " in region:
                _scan_formulas(region, found)
            if not chunk:
                return found
    except _NoReferenceError:
        stream.seek(0)
        return _placed(stream)


def _last_row_start(buffer: bytes, before: int) -> int:
    """Where the last ``<row`` tag before offset ``before`` starts (-1: there is none)."""
    return _last_tag_start(buffer, before, _ROW_TAG, b"row")


def _last_tag_start(buffer: bytes, before: int, tag: re.Pattern[bytes], name: bytes) -> int:
    """Where the last tag ``name`` (matched by ``tag``, with any prefix) before offset
    ``before`` starts (-1: there is none)."""
    at = before
    while (at := buffer.rfind(name, 0, at)) > 0:
        start = buffer.rfind(b"<", 0, at)
        found = tag.match(buffer, start) if start >= 0 else None
        if found is not None and found.end() - 1 - len(name) == at:
            return start
    return -1


def _attributes(buffer: bytes, start: int, end: int) -> dict[bytes, bytes]:
    return {
        m[1]: m[2] if m[2] is not None else m[3] for m in _ATTRIBUTE.finditer(buffer, start, end)
    }


def _scan(region: bytes, found: ErrorCells) -> None:
    """Record the error cells marked in ``region`` (whole rows)."""
    for mark in _MARK.finditer(region):
        at = mark.start()
        start = region.rfind(b"<", 0, at)
        if start < 0 or region.find(b">", start, at) >= 0:
            continue  # not inside a tag: text
        end = region.find(b">", at)
        if end < 0 or _CELL_TAG.match(region, start) is None:
            continue
        attributes = _attributes(region, start, end)
        if attributes.get(b"t") != b"e":
            continue
        text = ""
        if region[end - 1] != ord("/"):
            close = _CELL_END.search(region, end)
            value = _VALUE.search(region, end, close.start() if close else len(region))
            if value is not None:
                text = unescape(value[1].decode("utf-8", "replace")).strip()
        reference = attributes.get(b"r", b"").decode("ascii", "replace")
        found[_place(reference) or _position(region, start)] = text


def _scan_formulas(region: bytes, found: ErrorCells) -> None:
    """Record the formula cells in ``region`` (whole rows) that hold no calculated value:
    a formula and then no ``<v>``, or an empty one. Not a text result (``t="str"`` with an
    empty ``<v>`` is a formula whose result is the empty text: an empty cell), nor an
    error (`_scan`). A formula is a cell's first child, so its cell tag is the last one
    before it."""
    plain = b"<f" in region
    pattern = _UNCALCULATED if plain else _UNCALCULATED_PREFIXED
    for formula in pattern.finditer(region):
        at = formula.start()
        start = region.rfind(b"<c", 0, at) if plain else -1
        if start < 0 or _CELL_TAG.match(region, start) is None:
            start = _last_tag_start(region, at, _CELL_TAG, b"c")
            if start < 0:
                continue
        if _EMPTY_KIND.search(region, start, at) is not None:
            continue  # a text result (the empty text) or an error: not "no value"
        end = region.find(b">", start)
        reference = _attributes(region, start, end).get(b"r", b"").decode("ascii", "replace")
        found[_place(reference) or _position(region, start)] = NO_VALUE


def _position(region: bytes, cell: int) -> tuple[int, int]:
    """``(row, column)`` of the cell starting at ``cell`` that has no ``r``: the row's
    ``r``, and the column after the cell before it (1 for the row's first)."""
    row_start = _last_row_start(region, cell)
    if row_start < 0:
        raise _NoReferenceError
    row = _attributes(region, row_start, region.find(b">", row_start)).get(b"r", b"")
    if not row.isdigit():
        raise _NoReferenceError
    column = 0
    for tag in _CELL_TAG.finditer(region, row_start, cell + 3):  # the cell itself included
        place = _place(
            _attributes(region, tag.start(), region.find(b">", tag.start()))
            .get(b"r", b"")
            .decode("ascii", "replace")
        )
        column = place[1] if place is not None else column + 1
    return int(row), column


def _place(reference: str) -> tuple[int, int] | None:
    """``(row, column)`` of an A1 reference, or ``None`` for anything else."""
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        return None
    column = 0
    for letter in match[1].upper():
        column = column * 26 + ord(letter) - 64
    return int(match[2]), column


def _placed(stream: IO[bytes]) -> ErrorCells:
    """`error_cells` for a part whose cells may lack ``r``: every cell placed by position
    (a cell without ``r`` follows the one before it, a row without ``r`` the row before)."""
    found: ErrorCells = {}
    row = column = 0
    try:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            tag = _local(element.tag)
            if event == "start":
                if tag == "row":
                    given = element.get("r", "")
                    row = int(given) if given.isdigit() else row + 1
                    column = 0
                elif tag == "c":
                    place = _place(element.get("r", ""))
                    if place is None:
                        column += 1
                    else:
                        row, column = place
            elif tag == "c":
                text = _marker(element)
                if text is not None:
                    found[(row, column)] = text
                element.clear()
            elif tag == "row":
                element.clear()
    except DefusedXmlException:
        raise SheetError(f"het werkblad bevat een DTD of entiteiten ({_REFUSED})") from None
    except ParseError as exc:
        raise SheetError(f"het werkblad is geen leesbare XML ({exc})") from None
    return found


def _marker(cell: Any) -> str | None:
    """What `error_cells` records for a parsed cell element: its error text, `NO_VALUE`
    for a formula without a calculated value (as `_scan_formulas`), else ``None``."""
    kind = cell.get("t")
    value = (next((c.text for c in cell if _local(c.tag) == "v"), None) or "").strip()
    if kind == "e":
        return value
    if kind in ("str", "inlineStr") or value:
        return None
    return NO_VALUE if any(_local(c.tag) == "f" for c in cell) else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(archive: zipfile.ZipFile, part: str) -> Any:
    """The root element of a small part (workbook, relationships); no DTD, no entities."""
    try:
        return fromstring(archive.read(part), forbid_dtd=True)
    except KeyError:
        raise SheetError(f"onderdeel {part} ontbreekt") from None
    except DefusedXmlException:
        raise SheetError(f"onderdeel {part} bevat een DTD of entiteiten ({_REFUSED})") from None
    except ParseError as exc:
        raise SheetError(f"onderdeel {part} is geen leesbare XML ({exc})") from None


def _main_part(archive: zipfile.ZipFile) -> str:
    """The workbook part, as the package's relationships name it."""
    for kind, part in _relationships(archive, "").values():
        if kind.endswith(_OFFICE_DOCUMENT):
            return part
    return "xl/workbook.xml"


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """``id → (type, target part)`` of the relationships of ``part`` (``""``: of the
    package); external targets are left out."""
    folder, file = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{file}.rels")
    if rels not in archive.NameToInfo:
        return {}
    found = {}
    for element in _xml(archive, rels):
        target = element.get("Target", "")
        if element.get("TargetMode") == "External":
            continue
        if target.startswith("/"):
            resolved = target[1:]
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        found[element.get("Id", "")] = (element.get("Type", ""), resolved)
    return found
