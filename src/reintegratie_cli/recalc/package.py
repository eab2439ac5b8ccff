"""The ``.xlsx`` package: read its cells safely, and write cached values into a copy.

Reading (`read_book`) streams every worksheet with ``defusedxml`` (a DTD or an entity
is refused), so memory grows with the cells the workbook holds, never with the area its
references name. The limits of `Limits` are checked while reading, so an
absurd workbook is refused as soon as it crosses one, before the rest is parsed. Shared
formulas are written out per cell (openpyxl's ``Translator``); array formulas keep their
range; an Excel 365 dynamic array (an array formula with cell metadata) is marked as such.

Writing (`write_copy`) copies the original package part by part and changes only the
``<c>`` elements of the cells that got a value: the formula text, styles, number formats,
column widths, data validation, defined names and every other part stay as the user made
them. A spilled array's anchor becomes a dynamic-array formula over its new extent. Macros
(``vbaProject.bin``) are left out of the copy, which is always an ``.xlsx``.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import math
import os
import posixpath
import re
import secrets
import zipfile
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

import attrs
from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import DefusedXMLParser, iterparse  # type: ignore[import-untyped]
from openpyxl.formula.translate import Translator, TranslatorError
from openpyxl.utils.cell import (
    get_column_letter,
    range_boundaries,
)

from reintegratie_cli.archive import Limits, WorkbookError
from reintegratie_cli.recalc.safety import CellProblem, ErrorValue
from reintegratie_cli.table import EXCEL_MAX_TEXT, excel_length, fits_a_cell
from reintegratie_io import date_to_serial, thousands

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_METADATA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"
_METADATA_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata"
#: The cell metadata of an Excel 365 dynamic array (what Excel and XlsxWriter write).
_DYNAMIC_METADATA = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">'
    '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" '
    'copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" '
    'clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>'
    '<futureMetadata name="XLDAPR" count="1"><bk><extLst>'
    '<ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">'
    '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk>'
    '</futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>'
    "</metadata>"
)


@attrs.frozen(kw_only=True)
class Formula:
    """A formula cell as stored: its text and, for an array formula, its range."""

    text: str
    #: ``(min_col, min_row, max_col, max_row)`` of an array formula, else None.
    array: tuple[int, int, int, int] | None = None
    #: An Excel 365 dynamic array (spills) rather than a fixed ``{=…}`` range.
    dynamic: bool = False


@attrs.define(kw_only=True)
class Sheet:
    """One worksheet's cells: values and formulas by ``(row, column)``."""

    name: str
    part: str
    values: dict[tuple[int, int], Any] = attrs.field(factory=dict)
    formulas: dict[tuple[int, int], Formula] = attrs.field(factory=dict)
    #: The style index of each formula cell and each styled empty cell.
    styles: dict[tuple[int, int], int] = attrs.field(factory=dict)
    #: Cells an Excel 365 dynamic array spilled over when the file was saved (their values
    #: are the array's, not inputs).
    spilled: set[tuple[int, int]] = attrs.field(factory=set)
    #: Value cells that could not be read (they get their error value in the copy too).
    unreadable: set[tuple[int, int]] = attrs.field(factory=set)
    #: ``(min_row, min_col, max_row, max_col)`` of the cells held, or None when empty.
    used: tuple[int, int, int, int] | None = None


@attrs.define(kw_only=True)
class Book:
    """What the recalculation needs of a workbook."""

    sheets: list[Sheet]
    #: Defined names: ``(name, sheet it is local to or None, formula text)``.
    names: list[tuple[str, str | None, str]]
    #: External link targets by number (``"1"`` → ``ander.xlsx``).
    links: dict[str, str]
    problems: list[CellProblem]
    has_macros: bool


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@contextlib.contextmanager
def _readable_xml(part: str, name: str) -> Iterator[None]:
    """Reading ``part`` of workbook ``name``: XML with a DTD or entities, or unreadable XML,
    is a `WorkbookError` naming both."""
    try:
        yield
    except DefusedXmlException:
        raise WorkbookError(
            f"{name} bevat XML met een DTD of entiteiten; dat wordt uit veiligheid geweigerd"
        ) from None
    except (SyntaxError, ValueError, KeyError) as exc:  # ParseError is a SyntaxError
        raise WorkbookError(f"{name}: onderdeel {part} is geen leesbare XML ({exc})") from None


def _parse(archive: zipfile.ZipFile, part: str, name: str) -> Iterator[tuple[str, Any]]:
    """``(event, element)`` of a part, parsed by ``defusedxml`` (no DTD, no entities)."""
    with _readable_xml(part, name), archive.open(part) as stream:
        yield from iterparse(stream, events=("start", "end"), forbid_dtd=True)


def _feed(
    archive: zipfile.ZipFile,
    part: str,
    name: str,
    parser: Any,
    tick: Callable[[int], object] | None = None,
) -> None:
    """Feed a part to a ``defusedxml`` parser in chunks (a DTD or entity is refused);
    ``tick`` gets the kilobytes read."""
    with _readable_xml(part, name), archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            parser.feed(chunk)
            if tick is not None:
                tick(len(chunk) // 1024)
        parser.close()


def _elements(archive: zipfile.ZipFile, part: str, name: str) -> Any:
    """The root element of a small part (workbook, relationships, strings)."""
    root = None
    for event, element in _parse(archive, part, name):
        if event == "start" and root is None:
            root = element
    return root


def _relationships(archive: zipfile.ZipFile, part: str, name: str) -> dict[str, tuple[str, str]]:
    """``id → (type, target part)`` of a part's relationships."""
    folder, file = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", file + ".rels")
    if rels not in archive.namelist():
        return {}
    found = {}
    for element in _elements(archive, rels, name) or ():
        target = element.get("Target", "")
        if element.get("TargetMode") == "External":
            resolved = target
        elif target.startswith("/"):
            resolved = target[1:]
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        found[element.get("Id", "")] = (element.get("Type", ""), resolved)
    return found


def _text_of(element: Any) -> str:
    """The text of a string item (``<si>``/``<is>``): its ``<t>`` runs, without phonetics."""
    parts = []
    for child in element.iter():
        tag = _local(child.tag)
        if tag == "t" and child.text:
            parts.append(child.text)
    # A phonetic run (<rPh>) holds <t> too; leave it out.
    phonetic = "".join(
        t.text or "" for r in element if _local(r.tag) == "rPh" for t in r.iter() if t is not r
    )
    text = "".join(parts)
    return text[: len(text) - len(phonetic)] if phonetic and text.endswith(phonetic) else text


def _shared_strings(archive: zipfile.ZipFile, part: str | None, name: str) -> list[str]:
    if part is None or part not in archive.namelist():
        return []
    strings: list[str] = []
    depth = 0
    for event, element in _parse(archive, part, name):
        tag = _local(element.tag)
        if tag == "si":
            if event == "start":
                depth += 1
            else:
                depth -= 1
                strings.append(_text_of(element))
                element.clear()
    return strings


def _serial(text: str) -> float:
    """An ISO date cell (``t="d"``) as Excel's serial number."""
    return as_serial(datetime.fromisoformat(text.replace("Z", "")))


class _Limiter:
    def __init__(self, limits: Limits, name: str) -> None:
        self.limits = limits
        self.name = name
        self.cells = 0
        self.formulas = 0

    def _refuse(self, what: str, count: int, limit: int) -> None:
        raise WorkbookError(
            f"{self.name} heeft meer dan {thousands(limit)} {what} "
            f"(al {thousands(count)} gelezen); de grens is {thousands(limit)}"
        )

    def cell(self, count: int = 1) -> None:
        self.cells += count
        if self.cells > self.limits.cells:
            self._refuse("gevulde cellen", self.cells, self.limits.cells)

    def formula(self) -> None:
        self.formulas += 1
        if self.formulas > self.limits.formulas:
            self._refuse("formules", self.formulas, self.limits.formulas)

    def area(self, sheet: str, used: tuple[int, int, int, int]) -> None:
        area = (used[2] - used[0] + 1) * (used[3] - used[1] + 1)
        if area > self.limits.sheet_area:
            raise WorkbookError(
                f'{self.name}: blad "{sheet}" beslaat {thousands(area)} cellen '
                f"(rijen × kolommen); de grens is {thousands(self.limits.sheet_area)}"
            )


_COORDINATE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


@functools.lru_cache(maxsize=20_000)
def column_index(letters: str) -> int:
    """The column number of column letters (``"A"`` → 1, ``"XFD"`` → 16,384)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


@functools.lru_cache(maxsize=20_000)
def column_letters(column: int) -> str:
    """The letters of a column number (1 → ``"A"``)."""
    return str(get_column_letter(column))


def coordinate(where: str) -> tuple[int, int]:
    """``(row, column)`` of an A1 cell reference; raises ValueError for anything else."""
    match = _COORDINATE.fullmatch(where)
    if match is None:
        msg = f'"{where}" is geen celverwijzing'
        raise ValueError(msg)
    row, column = int(match[2]), column_index(match[1])
    if not (1 <= row <= 1_048_576 and column <= 16_384):
        msg = f'"{where}" ligt buiten het werkblad'
        raise ValueError(msg)
    return row, column


def _grow(
    used: tuple[int, int, int, int] | None, row: int, column: int
) -> tuple[int, int, int, int]:
    if used is None:
        return (row, column, row, column)
    return (min(used[0], row), min(used[1], column), max(used[2], row), max(used[3], column))


def _reason(exc: Exception) -> str:
    return f"cel onleesbaar ({type(exc).__name__}: {exc})"[:300]


def _cell_value(kind: str, raw: str | None, inline: str | None, strings: list[str]) -> Any:
    """A stored cell value as the engine takes it; raises for an unreadable one."""
    if kind == "inlineStr":
        return inline or ""
    if raw is None:
        return None
    if kind == "s":
        return strings[int(raw)]
    if kind == "str":
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "e":
        return ErrorValue(raw.strip())
    if kind == "d":
        return _serial(raw)
    number = float(raw)
    if not math.isfinite(number):
        msg = f"getal {raw.strip()[:30]} ligt buiten Excels bereik"
        raise ValueError(msg)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


class _SheetReader:
    """Reads one worksheet part cell by cell (streaming), checking the limits as it goes."""

    def __init__(
        self, sheet: Sheet, strings: list[str], limiter: _Limiter, problems: list[CellProblem]
    ) -> None:
        self.sheet = sheet
        self.strings = strings
        self.limiter = limiter
        self.problems = problems
        self.shared: dict[str, tuple[str, int, int]] = {}

    def read(self, archive: zipfile.ZipFile, tick: Callable[[int], object] | None) -> None:
        """Parse the sheet with ``defusedxml``'s parser, this object as its target."""
        self.row_number = self.column_number = 0
        self.cell: dict[str, str] | None = None
        self.formula: dict[str, str] | None = None
        self.texts: list[str] | None = None
        self.formula_text: str | None = None
        self.value_text: str | None = None
        self.inline: str | None = None
        self.in_phonetic = False
        parser = DefusedXMLParser(target=self, forbid_dtd=True)
        # Straight from expat to this reader, past the element objects ElementTree would
        # build: defusedxml's handlers for DTDs and entities stay as they are.
        expat = parser.parser
        expat.ordered_attributes = False
        expat.StartElementHandler = self.start
        expat.EndElementHandler = self.end
        expat.CharacterDataHandler = self.data
        _feed(archive, self.sheet.part, self.limiter.name, parser, tick)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        local = tag[tag.rfind("}") + 1 :]
        if local == "c":
            self.cell = attrib
            self.formula = None
            self.formula_text = self.value_text = self.inline = None
        elif local in ("v", "t"):
            if not self.in_phonetic:
                self.texts = []
        elif local == "f":
            self.formula = attrib
            self.texts = []
        elif local == "row":
            self.row_number = int(attrib.get("r") or self.row_number + 1)
            self.column_number = 0
        elif local == "rPh":
            self.in_phonetic = True

    def data(self, text: str) -> None:
        if self.texts is not None:
            self.texts.append(text)

    def end(self, tag: str) -> None:
        local = tag[tag.rfind("}") + 1 :]
        if local == "c":
            self._end_cell()
        elif local == "v":
            self.value_text = "".join(self.texts or ())
            self.texts = None
        elif local == "t" and self.texts is not None:
            self.inline = (self.inline or "") + "".join(self.texts)
            self.texts = None
        elif local == "f":
            self.formula_text = "".join(self.texts or ())
            self.texts = None
        elif local == "rPh":
            self.in_phonetic = False

    def close(self) -> None:
        return None

    def _problem(self, cell: str, reason: str) -> None:
        self.problems.append(CellProblem(sheet=self.sheet.name, cell=cell, reason=reason))

    def _end_cell(self) -> None:
        attributes = self.cell or {}
        self.cell = None
        where = attributes.get("r")
        try:
            row, column = coordinate(where) if where else (self.row_number, self.column_number + 1)
        except (ValueError, TypeError) as exc:
            self._problem(str(where), _reason(exc))
            return
        self.column_number = column
        sheet = self.sheet
        key = (row, column)
        where = f"{column_letters(column)}{row}"
        style = attributes.get("s")
        is_formula = self.formula is not None
        empty = self.value_text is None and self.inline is None
        if style is not None and style.isdigit() and (is_formula or empty):
            sheet.styles[key] = int(style)
        if self.formula is not None:
            self._formula_cell(self.formula, self.formula_text or "", attributes, where, key)
        else:
            kind = attributes.get("t", "n")
            value = self._value(kind, self.value_text, self.inline, where, key)
            if value is not None:
                sheet.values[key] = value
        if is_formula or key in sheet.values:
            self.limiter.cell()
            used = sheet.used
            if used is None or not (used[0] <= row <= used[2] and used[1] <= column <= used[3]):
                sheet.used = _grow(used, row, column)
                self.limiter.area(sheet.name, sheet.used)

    def _formula_cell(
        self,
        attributes: dict[str, str],
        text: str,
        cell: dict[str, str],
        coordinate: str,
        key: tuple[int, int],
    ) -> None:
        self.limiter.formula()
        formula = _formula(
            attributes, text, coordinate, key, self.shared, dynamic=cell.get("cm") is not None
        )
        self.sheet.formulas[key] = formula
        if formula.array is not None and not formula.dynamic:
            min_col, min_row, max_col, max_row = formula.array
            self.limiter.cell((max_row - min_row + 1) * (max_col - min_col + 1) - 1)
            self.sheet.used = _grow(self.sheet.used, max_row, max_col)
            self.limiter.area(self.sheet.name, self.sheet.used)

    def _value(
        self, kind: str, raw: str | None, inline: str | None, coordinate: str, key: tuple[int, int]
    ) -> Any:
        try:
            value = _cell_value(kind, raw, inline, self.strings)
        except (ValueError, TypeError, IndexError, OverflowError) as exc:
            self._problem(coordinate, _reason(exc))
            self.sheet.unreadable.add(key)
            return ErrorValue("#NUM!" if "bereik" in str(exc) else "#N/A")
        if isinstance(value, str) and not fits_a_cell(value):
            reason = (
                f"tekst van {thousands(excel_length(value))} tekens; Excel houdt er hoogstens "
                f"{thousands(EXCEL_MAX_TEXT)}"
            )
            self._problem(coordinate, reason)
            self.sheet.unreadable.add(key)
            return ErrorValue("#VALUE!")
        return value


def _formula(
    element: dict[str, str],
    text: str,
    coordinate: str,
    key: tuple[int, int],
    shared: dict[str, tuple[str, int, int]],
    *,
    dynamic: bool,
) -> Formula:
    kind = element.get("t", "normal")
    if kind == "dataTable":
        raise _DataTableError
    if kind == "shared":
        index = element.get("si", "")
        if text:
            shared[index] = (text, key[0], key[1])
        elif index in shared:
            origin_text, origin_row, origin_column = shared[index]
            origin = f"{get_column_letter(origin_column)}{origin_row}"
            try:
                text = Translator("=" + origin_text, origin).translate_formula(coordinate)[1:]
            except (TranslatorError, ValueError, IndexError):
                return Formula(text="#NAME?")
        else:
            return Formula(text="#NAME?")
        return Formula(text=text)
    if kind == "array":
        bounds: tuple[int, int, int, int] = (key[1], key[0], key[1], key[0])
        try:
            low_col, low_row, high_col, high_row = range_boundaries(
                element.get("ref") or coordinate
            )
        except (ValueError, TypeError):
            pass
        else:  # a whole row or column reference has no bound on one axis: the one cell
            if (
                low_col is not None
                and low_row is not None
                and high_col is not None
                and high_row is not None
            ):
                bounds = (low_col, low_row, high_col, high_row)
        return Formula(text=text, array=bounds, dynamic=dynamic)
    return Formula(text=text)


class _DataTableError(Exception):
    pass


def read_book(
    path: Path,
    limits: Limits,
    *,
    has_macros: bool,
    tick: Callable[[int], object] | None = None,
) -> Book:
    """The workbook's sheets, names and links; cells it cannot read become problems.
    ``tick`` gets the kilobytes of sheet XML read (for a progress bar).

    Raises `WorkbookError` when the package as a whole cannot be read or a limit
    is crossed (as soon as it is).
    """
    name = path.name
    problems: list[CellProblem] = []
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookError(f"{name} is geen leesbaar zip-archief: {exc}") from None
    with archive:
        main = _main_part(archive, name)
        relations = _relationships(archive, main, name)
        strings_part = next(
            (t for kind, t in relations.values() if kind.endswith("/sharedStrings")), None
        )
        strings = _shared_strings(archive, strings_part, name)
        root = _elements(archive, main, name)
        sheets: list[Sheet] = []
        names: list[tuple[str, str | None, str]] = []
        local_ids: list[str] = []
        links: dict[str, str] = {}
        link_number = 0
        for element in root.iter():
            tag = _local(element.tag)
            if tag == "sheet":
                rel = element.get(f"{{{_REL_NS}}}id", "")
                kind, target = relations.get(rel, ("", ""))
                local_ids.append(element.get("name", ""))
                if kind.endswith("/worksheet") and target in archive.namelist():
                    sheets.append(Sheet(name=element.get("name", ""), part=target))
            elif tag == "externalReference":
                link_number += 1
                rel = element.get(f"{{{_REL_NS}}}id", "")
                _, target = relations.get(rel, ("", ""))
                links[str(link_number)] = _link_target(archive, target, name) or target
            elif tag == "definedName":
                local = element.get("localSheetId")
                scope = None
                if local is not None and local.isdigit() and int(local) < len(local_ids):
                    scope = local_ids[int(local)]
                names.append((element.get("name", ""), scope, element.text or ""))
        limiter = _Limiter(limits, name)
        for sheet in sheets:
            try:
                _SheetReader(sheet, strings, limiter, problems).read(archive, tick)
                _drop_spilled(sheet)
            except _DataTableError:
                raise WorkbookError(
                    f'{name}: blad "{sheet.name}" bevat een wat-als-gegevenstabel; die wordt '
                    "niet ondersteund"
                ) from None
    return Book(sheets=sheets, names=names, links=links, problems=problems, has_macros=has_macros)


def _drop_spilled(sheet: Sheet) -> None:
    """Forget the stored values of the cells a dynamic array spilled over (the array's
    old answer): they would block the spill when it is computed again. Only stored cells
    are visited, whatever extent a (hostile) file declares."""
    for key, formula in sheet.formulas.items():
        if formula.array is None or not formula.dynamic:
            continue
        min_col, min_row, max_col, max_row = formula.array
        area = (max_row - min_row + 1) * (max_col - min_col + 1)
        if area <= len(sheet.values):
            inside = [
                (row, column)
                for row in range(min_row, max_row + 1)
                for column in range(min_col, max_col + 1)
                if (row, column) in sheet.values
            ]
        else:
            inside = [
                (row, column)
                for row, column in sheet.values
                if min_row <= row <= max_row and min_col <= column <= max_col
            ]
        for cell in inside:
            if cell != key and cell not in sheet.formulas:
                del sheet.values[cell]
                sheet.spilled.add(cell)


def sheet_kilobytes(path: Path) -> int:
    """The uncompressed size of the worksheet parts, in kilobytes (a progress bar's total)."""
    with zipfile.ZipFile(path) as archive:
        return sum(
            info.file_size // 1024
            for info in archive.infolist()
            if info.filename.startswith("xl/worksheets/")
        )


def _main_part(archive: zipfile.ZipFile, name: str) -> str:
    for _, target in _relationships(archive, "", name).values():
        if target.endswith("workbook.xml") and target in archive.namelist():
            return target
    if "xl/workbook.xml" in archive.namelist():
        return "xl/workbook.xml"
    raise WorkbookError(f"{name} is geen Excel-werkmap (geen xl/workbook.xml)")


def _link_target(archive: zipfile.ZipFile, part: str, name: str) -> str | None:
    for kind, target in _relationships(archive, part, name).values():
        if kind.endswith("/externalLinkPath") or "externalLink" in kind:
            return target
    return None


# --- Writing ------------------------------------------------------------------------------

_SHEET_DATA = re.compile(
    r"<(?P<p>(?:\w+:)?)sheetData\b[^>]*?(?:/>|>(?P<body>.*?)</(?P=p)sheetData>)", re.DOTALL
)
_ROW = re.compile(
    r"<(?P<p>(?:\w+:)?)row\b(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</(?P=p)row>)", re.DOTALL
)
_CELL = re.compile(
    r"<(?P<p>(?:\w+:)?)c\b(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</(?P=p)c>)", re.DOTALL
)
_FORMULA = re.compile(
    r"<(?P<p>(?:\w+:)?)f\b(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</(?P=p)f>)", re.DOTALL
)
_TYPE_ATTRIBUTES = re.compile(r'\s(?:t|vm)\s*=\s*(?:"[^"]*"|\'[^\']*\')')
_STYLE_ATTRIBUTE = re.compile(r'\ss\s*=\s*(?:"[^"]*"|\'[^\']*\')')
_R_ATTRIBUTE = re.compile(r'\sr\s*=\s*["\']\$?([A-Za-z]{1,3})\$?\d+')
_ATTR = re.compile(r'\s(?P<name>[\w:]+)\s*=\s*(?P<q>["\'])(?P<value>.*?)(?P=q)', re.DOTALL)


@attrs.frozen(kw_only=True)
class Written:
    """What the copy gets in one cell."""

    value: Any
    #: The cell holds a formula (it keeps it); False for a spilled or array member.
    formula: bool
    #: For a dynamic array's anchor: the range it spills over.
    spill: str | None = None
    #: A style index to give the cell (a date format), or None to keep its own.
    style: int | None = None


def _attributes(text: str) -> dict[str, str]:
    return {m["name"]: m["value"] for m in _ATTR.finditer(text)}


def _format_attributes(found: Mapping[str, str]) -> str:
    return "".join(f' {key}="{value}"' for key, value in found.items())


_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return escape(_ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text))


def _number(value: float) -> str:
    return (
        repr(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
    )


def _value_xml(prefix: str, value: Any, formula: bool) -> tuple[str | None, str]:
    """``(t attribute, inner XML after the formula)`` for a cached value."""
    if value is None:
        return None, ""
    if isinstance(value, ErrorValue):
        return "e", f"<{prefix}v>{escape(str(value))}</{prefix}v>"
    if isinstance(value, bool):
        return "b", f"<{prefix}v>{int(value)}</{prefix}v>"
    if isinstance(value, int | float):
        return None, f"<{prefix}v>{_number(value)}</{prefix}v>"
    text = _xml_text(str(value))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    if formula:
        return "str", f"<{prefix}v{space}>{text}</{prefix}v>"
    return "inlineStr", f"<{prefix}is><{prefix}t{space}>{text}</{prefix}t></{prefix}is>"


def _cell_xml(
    prefix: str,
    coordinate: str,
    attributes: dict[str, str],
    body: str,
    written: Written,
    *,
    cm: str | None,
) -> str:
    attributes = dict(attributes)
    attributes["r"] = coordinate
    attributes.pop("t", None)
    attributes.pop("vm", None)
    if written.style is not None:
        attributes["s"] = str(written.style)
    formula_xml = ""
    if written.formula:
        match = _FORMULA.search(body or "")
        if match is not None:
            formula_xml = match.group(0)
            if written.spill is not None and cm is not None:
                f_attrs = _attributes(match["attrs"])
                if f_attrs.get("t", "normal") in ("normal", "array"):
                    f_attrs["t"] = "array"
                    f_attrs["ref"] = written.spill
                    formula_xml = f"<{match['p']}f{_format_attributes(f_attrs)}>{match['body'] or ''}</{match['p']}f>"
                    attributes["cm"] = cm
    else:
        attributes.pop("cm", None)
    kind, value_xml = _value_xml(prefix, written.value, written.formula)
    if kind is not None:
        attributes["t"] = kind
    ordered = {"r": attributes.pop("r"), **attributes}
    return f"<{prefix}c{_format_attributes(ordered)}>{formula_xml}{value_xml}</{prefix}c>"


def patch_sheet(xml: str, cells: Mapping[tuple[int, int], Written], cm: str | None) -> str:
    """The sheet XML with the cached values of ``cells`` (new cells and rows inserted)."""
    match = _SHEET_DATA.search(xml)
    if match is None or not cells:
        return xml
    prefix = match["p"]
    by_row: dict[int, dict[int, Written]] = {}
    for (row, column), written in cells.items():
        by_row.setdefault(row, {})[column] = written
    waiting = sorted(by_row)
    position = 0
    out: list[str] = []
    row_number = 0
    for row_match in _ROW.finditer(match["body"] or ""):
        attributes = _attributes(row_match["attrs"])
        row_number = int(attributes.get("r") or row_number + 1)
        while position < len(waiting) and waiting[position] < row_number:
            missing = waiting[position]
            out.append(_new_row(prefix, missing, by_row[missing], cm))
            position += 1
        if position < len(waiting) and waiting[position] == row_number:
            position += 1
            attributes["r"] = str(row_number)
            attributes.pop("spans", None)
            body = _patch_row(prefix, row_number, row_match["body"] or "", by_row[row_number], cm)
            out.append(f"<{prefix}row{_format_attributes(attributes)}>{body}</{prefix}row>")
        else:
            out.append(row_match.group(0))
    out.extend(_new_row(prefix, r, by_row[r], cm) for r in waiting[position:])
    data = f"<{prefix}sheetData>{''.join(out)}</{prefix}sheetData>"
    return xml[: match.start()] + data + xml[match.end() :]


def _new_row(prefix: str, row: int, cells: Mapping[int, Written], cm: str | None) -> str:
    body = "".join(
        _cell_xml(prefix, f"{column_letters(c)}{row}", {}, "", cells[c], cm=cm)
        for c in sorted(cells)
    )
    return f'<{prefix}row r="{row}">{body}</{prefix}row>'


def _patch_row(
    prefix: str, row: int, body: str, cells: Mapping[int, Written], cm: str | None
) -> str:
    pending = dict(cells)
    out: list[str] = []
    column = 0
    for cell in _CELL.finditer(body):
        found = _R_ATTRIBUTE.search(cell["attrs"])
        column = column_index(found[1]) if found else column + 1
        earlier = sorted(c for c in pending if c < column) if pending else []
        out.extend(
            _cell_xml(prefix, f"{column_letters(c)}{row}", {}, "", pending.pop(c), cm=cm)
            for c in earlier
        )
        written = pending.pop(column, None)
        if written is None:
            out.append(cell.group(0))
        elif written.formula and written.spill is None:
            # The common case, kept cheap: same attributes but the type (and the style of a
            # date answer), same formula.
            kind, value_xml = _value_xml(prefix, written.value, formula=True)
            attributes_text = _TYPE_ATTRIBUTES.sub("", cell["attrs"])
            if written.style is not None:
                attributes_text = f'{_STYLE_ATTRIBUTE.sub("", attributes_text)} s="{written.style}"'
            typed = f' t="{kind}"' if kind is not None else ""
            formula = _FORMULA.search(cell["body"] or "")
            formula_xml = formula.group(0) if formula is not None else ""
            out.append(f"<{prefix}c{attributes_text}{typed}>{formula_xml}{value_xml}</{prefix}c>")
        else:
            where = f"{column_letters(column)}{row}"
            attributes = _attributes(cell["attrs"])
            out.append(_cell_xml(prefix, where, attributes, cell["body"] or "", written, cm=cm))
    out.extend(
        _cell_xml(prefix, f"{column_letters(c)}{row}", {}, "", pending[c], cm=cm)
        for c in sorted(pending)
    )
    return "".join(out)


_XF = re.compile(
    r"<(?P<p>(?:\w+:)?)xf\b(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</(?P=p)xf>)", re.DOTALL
)
_CELL_XFS = re.compile(
    r"<(?P<p>(?:\w+:)?)cellXfs\b(?P<attrs>[^>]*?)>(?P<body>.*?)</(?P=p)cellXfs>", re.DOTALL
)
#: Excel's built-in number formats that show a date.
DATE_FORMATS = frozenset({14, 15, 16, 17, 22, *range(27, 37), *range(50, 59)})
#: Built-in format 14: the short date in the user's own regional setting.
_SHORT_DATE = 14


class Styles:
    """The workbook's cell formats, to give a date result a date format (added on demand)."""

    def __init__(self, xml: str | None) -> None:
        self.xml = xml
        self.formats: list[dict[str, str]] = []
        self.added: dict[int, int] = {}
        self.extra: list[str] = []
        match = _CELL_XFS.search(xml or "")
        self.match = match
        if match is not None:
            self.formats = [_attributes(m["attrs"]) for m in _XF.finditer(match["body"])]
            self.bodies = [m.group(0) for m in _XF.finditer(match["body"])]

    def is_general(self, style: int) -> bool:
        """The cell format shows numbers as General (no date or other format)."""
        if style >= len(self.formats):
            return style == 0 or not self.formats
        return self.formats[style].get("numFmtId", "0") == "0"

    def as_date(self, style: int) -> int | None:
        """A cell format like ``style`` that shows a date; None when none can be added."""
        if self.match is None:
            return None
        if style in self.added:
            return self.added[style]
        base = self.bodies[style] if style < len(self.bodies) else self.bodies[0]
        xf = _XF.match(base)
        assert xf is not None
        attributes = _attributes(xf["attrs"])
        attributes["numFmtId"] = str(_SHORT_DATE)
        attributes["applyNumberFormat"] = "1"
        inner = xf["body"]
        closing = f">{inner}</{xf['p']}xf>" if inner is not None else "/>"
        self.extra.append(f"<{xf['p']}xf{_format_attributes(attributes)}{closing}")
        self.added[style] = len(self.formats) + len(self.extra) - 1
        return self.added[style]

    def patched(self) -> str | None:
        """The styles part with the added formats, or None when nothing was added."""
        if not self.extra or self.match is None or self.xml is None:
            return None
        match = self.match
        attributes = _attributes(match["attrs"])
        attributes["count"] = str(len(self.formats) + len(self.extra))
        p = match["p"]
        part = f"<{p}cellXfs{_format_attributes(attributes)}>{match['body']}{''.join(self.extra)}</{p}cellXfs>"
        return self.xml[: match.start()] + part + self.xml[match.end() :]


def styles_part(path: Path) -> tuple[str | None, str | None]:
    """``(part name, XML)`` of the workbook's styles (already parsed safely by `read_book`)."""
    with zipfile.ZipFile(path) as archive:
        for _, target in _relationships(
            archive, _main_part(archive, path.name), path.name
        ).values():
            if target.endswith("styles.xml") and target in archive.namelist():
                return target, archive.read(target).decode("utf-8")
    return None, None


def _without_macros(part: str, data: bytes) -> bytes:
    text = data.decode("utf-8")
    if part == "[Content_Types].xml":
        text = text.replace(_MACRO_MAIN, _PLAIN_MAIN)
        text = re.sub(r"<Override[^>]*vbaProject[^>]*/>", "", text, flags=re.IGNORECASE)
    elif part.endswith(".rels"):
        text = re.sub(r"<Relationship[^>]*vbaProject[^>]*/>", "", text, flags=re.IGNORECASE)
    return text.encode("utf-8")


def _with_metadata(part: str, data: bytes, workbook_rels: str) -> bytes:
    text = data.decode("utf-8")
    if part == "[Content_Types].xml":
        override = f'<Override PartName="/xl/metadata.xml" ContentType="{_METADATA_TYPE}"/>'
        text = text.replace("</Types>", override + "</Types>")
    elif part == workbook_rels:
        rel = f'<Relationship Id="rIdWerkmapMeta" Type="{_METADATA_REL}" Target="metadata.xml"/>'
        text = text.replace("</Relationships>", rel + "</Relationships>")
    return text.encode("utf-8")


def dynamic_marker(path: Path) -> tuple[str | None, bool]:
    """``(cm value of a dynamic array, whether the metadata part must be added)``.

    A workbook with Excel's dynamic-array metadata keeps its own; one without gets it when
    a formula spills. A workbook with other cell metadata gets no marker (its cells are
    written as plain values).
    """
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/metadata.xml" not in names:
            return "1", True
        xml = archive.read("xl/metadata.xml").decode("utf-8", "replace")
    if "XLDAPR" in xml and xml.count("<bk>") <= 2 and "cellMetadata" in xml:
        return "1", False
    return None, False


def write_copy(
    source: Path,
    target: Path,
    sheets: Mapping[str, Mapping[tuple[int, int], Written]],
    *,
    parts: Mapping[str, str],
    styles: tuple[str, str] | None,
    cm: str | None,
    add_metadata: bool,
) -> None:
    """Write ``source`` to ``target`` (atomically) with the cached values of ``sheets``.

    ``parts`` maps a sheet name to its part; ``styles`` is ``(part, new XML)`` when cell
    formats were added. Raises `WorkbookError` (in Dutch) when the copy cannot be
    written: a folder without write permission, a full disk.
    """
    by_part = {parts[name]: cells for name, cells in sheets.items() if cells}
    spilled = (
        add_metadata
        and cm is not None
        and any(w.spill is not None for cells in by_part.values() for w in cells.values())
    )
    try:
        # Like mkstemp, but created with 0666 less the umask (mkstemp gives 0600), so a new
        # copy gets the permissions any new file of the user gets.
        temporary = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise WorkbookError(_write_failure(target, exc)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            _copy_package(
                source,
                stream,
                by_part,
                styles,
                cm=cm if spilled or not add_metadata else None,
                add_metadata=spilled,
            )
        with contextlib.suppress(OSError):
            if target.exists():
                os.chmod(temporary, target.stat().st_mode & 0o777)
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise WorkbookError(_write_failure(target, exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_failure(target: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return f"{target}: de schijf is vol; de kopie is niet geschreven"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{target.parent}: geen schrijfrechten in deze map; de kopie is niet geschreven"
    if exc.errno == errno.EISDIR or target.is_dir():
        return f"{target}: is een map; geef een bestandsnaam op (bijv. uit.xlsx)"
    return f"{target}: schrijven mislukt ({exc.strerror or exc}); de kopie is niet geschreven"


def _copy_package(
    source: Path,
    stream: IO[bytes],
    by_part: Mapping[str, Mapping[tuple[int, int], Written]],
    styles: tuple[str, str] | None,
    *,
    cm: str | None,
    add_metadata: bool,
) -> None:
    with (
        zipfile.ZipFile(source) as archive,
        zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        main = _main_part(archive, source.name)
        folder, file = posixpath.split(main)
        workbook_rels = posixpath.join(folder, "_rels", file + ".rels")
        for info in archive.infolist():
            part = info.filename
            if part.lower().endswith("vbaproject.bin") or part.lower().endswith(
                "vbaprojectsignature.bin"
            ):
                continue
            data = archive.read(info)
            if part in by_part:
                data = patch_sheet(data.decode("utf-8"), by_part[part], cm).encode("utf-8")
            elif styles is not None and part == styles[0]:
                data = styles[1].encode("utf-8")
            if part == "[Content_Types].xml" or part.endswith(".rels"):
                data = _without_macros(part, data)
                if add_metadata:
                    data = _with_metadata(part, data, workbook_rels)
            out.writestr(_info_like(info), data)
        if add_metadata:
            out.writestr(
                _info_like(zipfile.ZipInfo("xl/metadata.xml", date_time=(2000, 1, 1, 0, 0, 0))),
                _DYNAMIC_METADATA,
            )


def _info_like(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = zipfile.ZIP_DEFLATED
    copy.external_attr = info.external_attr
    return copy


def as_serial(value: date) -> float:
    """Excel's serial number (1900 system) of a date, with the time of day as its fraction
    (the day's serial from the one conversion, `reintegratie_io._values.date_to_serial`)."""
    if isinstance(value, datetime):
        seconds = (value - datetime.combine(value.date(), datetime.min.time())).total_seconds()
        return date_to_serial(value.date()) + seconds / 86400
    return float(date_to_serial(value))
