"""Reading a workbook from elsewhere as untrusted input.

* Before anything is parsed, `check_archive` looks at the zip directory only: file
  size, number of parts, total uncompressed size and each part's compression ratio (a zip
  bomb), against `Limits`. Python's ``zipfile`` never yields more than a part's
  declared size, so the declared sizes bound what is read.
* The XML is parsed by ``openpyxl``, which uses ``defusedxml`` when it is installed (it is a
  dependency of the ``werkmap`` extra; `DEFUSED` says whether it is active): entity
  expansion and DTDs are refused.
* `read_workbook` reads dates as the serial numbers Excel stores (what the formula
  engine computes with), keeps going past a cell it cannot read (the cell becomes ``#N/A``
  and a `CellProblem`), and never loads macros (``keep_vba`` stays off; nothing is
  ever run).
* `check_size` refuses a workbook with too many cells or formulas, or a sheet whose
  used area (rows × columns, which the engine walks) is absurd.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import openpyxl.reader.excel as _excel_reader  # type: ignore[import-untyped]
import openpyxl.xml  # type: ignore[import-untyped]
from openpyxl.cell.cell import Cell  # type: ignore[import-untyped]
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter  # type: ignore[import-untyped]
from openpyxl.workbook.workbook import Workbook  # type: ignore[import-untyped]
from openpyxl.worksheet._reader import WorkSheetParser, WorksheetReader  # type: ignore[import-untyped]

#: True when openpyxl parses with ``defusedxml`` (entity expansion and DTDs refused).
DEFUSED: bool = bool(openpyxl.xml.DEFUSEDXML)

_MIB = 1024 * 1024


@attrs.frozen(kw_only=True)
class Limits:
    """What a workbook from elsewhere may be, at most."""

    #: Size of the file itself.
    file_bytes: int = 100 * _MIB
    #: Number of parts in the zip archive.
    zip_entries: int = 10_000
    #: Total uncompressed size of all parts.
    uncompressed_bytes: int = 256 * _MIB
    #: Compression ratio of one part larger than 1 MiB (a zip bomb compresses far more).
    compression_ratio: int = 200
    #: Cells holding a value or formula, over all sheets.
    cells: int = 2_000_000
    #: Formula cells, over all sheets.
    formulas: int = 250_000
    #: Rows × columns of one sheet's used area (the formula engine walks all of it).
    sheet_area: int = 10_000_000


class WorkbookError(Exception):
    """A workbook is refused or cannot be read; the message says why, in Dutch."""


@attrs.frozen(kw_only=True)
class CellProblem:
    """A cell that could not be read or computed."""

    sheet: str
    cell: str
    reason: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}: {self.reason}"


def _mb(size: int) -> str:
    return f"{size / _MIB:,.1f} MB".replace(",", " ").replace(".", ",")


def check_archive(path: Path, limits: Limits) -> bool:
    """Refuse a file that is not a sane ``.xlsx``/``.xlsm`` archive; True when it holds macros.

    Raises `WorkbookError` naming the limit that was exceeded.
    """
    if not path.is_file():
        raise WorkbookError(f"{path}: bestand niet gevonden")
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise WorkbookError(
            f"{path.name} is {_mb(size)} groot; de grens voor een werkmap is {_mb(limits.file_bytes)}"
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookError(
            f"{path.name} is geen .xlsx-werkmap (geen zip-archief); .xls en .xlsb worden niet "
            "ondersteund — sla de werkmap in Excel op als .xlsx"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookError(f"{path.name} is geen leesbaar zip-archief: {exc}") from None
    if len(entries) > limits.zip_entries:
        raise WorkbookError(
            f"{path.name} bestaat uit {len(entries)} onderdelen; de grens is {limits.zip_entries}"
        )
    total = sum(entry.file_size for entry in entries)
    if total > limits.uncompressed_bytes:
        raise WorkbookError(
            f"{path.name} pakt uit tot {_mb(total)}; de grens is {_mb(limits.uncompressed_bytes)}"
        )
    for entry in entries:
        if entry.file_size > _MIB:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if ratio > limits.compression_ratio:
                raise WorkbookError(
                    f"{path.name}: onderdeel {entry.filename} is {ratio:,.0f}× gecomprimeerd "
                    f"(een zipbom?); de grens is {limits.compression_ratio}×"
                )
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise WorkbookError(f"{path.name} is geen Excel-werkmap (geen xl/workbook.xml)")
    return any(name.lower().endswith("vbaproject.bin") for name in names)


class _TolerantParser(WorkSheetParser):  # type: ignore[misc]
    """A sheet parser that turns a cell it cannot read into ``#N/A`` and a problem."""

    problems: list[tuple[str, str]]

    def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
        try:
            number, cells = super().parse_row(row)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            self.row_counter += 1
            self.problems.append((f"rij {row.get('r', self.row_counter)}", _reason(exc)))
            return self.row_counter, []
        return number, [cell for cell in cells if cell is not None]

    def parse_cell(self, element: Any) -> dict[str, Any] | None:
        try:
            cell: dict[str, Any] = super().parse_cell(element)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
            coordinate = element.get("r")
            try:
                if coordinate:
                    row, column = coordinate_to_tuple(coordinate)
                else:
                    row, column = self.row_counter, self.col_counter + 1
            except (ValueError, TypeError):
                self.problems.append((str(coordinate), _reason(exc)))
                return None
            self.col_counter: int = column
            self.problems.append((f"{get_column_letter(column)}{row}", _reason(exc)))
            return {"row": row, "column": column, "value": "#N/A", "data_type": "e", "style_id": 0}
        return cell


def _reason(exc: Exception) -> str:
    return f"cel onleesbaar ({type(exc).__name__}: {exc})"[:300]


class _TolerantReader(WorksheetReader):  # type: ignore[misc]
    """Binds the cells of `_TolerantParser`; an unknown style becomes the default."""

    def __init__(self, ws: Any, xml_source: Any, *args: Any) -> None:
        super().__init__(ws, xml_source, *args)
        self.parser.__class__ = _TolerantParser
        self.parser.problems = []

    def bind_cells(self) -> None:
        styles = self.ws.parent._cell_styles
        for _, row in self.parser.parse():
            for cell in row:
                try:
                    style = styles[cell["style_id"]]
                except (IndexError, TypeError):
                    style = styles[0] if len(styles) else None
                    self.parser.problems.append(
                        (f"{get_column_letter(cell['column'])}{cell['row']}", "onbekende opmaak")
                    )
                c = Cell(self.ws, row=cell["row"], column=cell["column"], style_array=style)
                c._value = cell["value"]
                c.data_type = cell["data_type"]
                self.ws._cells[(cell["row"], cell["column"])] = c
        if self.ws._cells:
            self.ws._current_row = self.ws.max_row
        _collected.extend(
            CellProblem(sheet=self.ws.title, cell=where, reason=why)
            for where, why in self.parser.problems
        )


_collected: list[CellProblem] = []


@contextlib.contextmanager
def _tolerant_sheets() -> Iterator[list[CellProblem]]:
    """Within: openpyxl reads sheets with `_TolerantReader`; yields its problems."""
    original = _excel_reader.WorksheetReader
    _collected.clear()
    _excel_reader.WorksheetReader = _TolerantReader
    try:
        yield _collected
    finally:
        _excel_reader.WorksheetReader = original


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def read_workbook(path: Path) -> tuple[Workbook, list[CellProblem]]:
    """The workbook with dates as serial numbers, and the cells that could not be read.

    Raises `WorkbookError` when the file as a whole cannot be read (including XML
    that ``defusedxml`` refuses).
    """
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    from formulas.excel.xlreader import XlReader  # type: ignore[import-untyped]

    with _tolerant_sheets() as problems:
        try:
            reader = XlReader(str(path), read_only=False, keep_vba=False, data_only=False)
            reader.read()
        except (
            ValueError,
            KeyError,
            OSError,
            zipfile.BadZipFile,
            TypeError,
            AttributeError,
        ) as exc:
            if _caused_by(exc, DefusedXmlException):
                raise WorkbookError(
                    f"{path.name} bevat XML met een DTD of entiteiten; dat wordt uit veiligheid "
                    "geweigerd"
                ) from None
            first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise WorkbookError(f"{path.name} kan niet worden gelezen: {first_line}") from None
        found = list(problems)
    book: Workbook = reader.wb
    return book, found


def check_size(book: Workbook, limits: Limits, name: str) -> None:
    """Refuse a workbook with too many cells or formulas, or a sheet with an absurd area."""
    cells = formulas = 0
    for sheet in book.worksheets:
        stored = sheet._cells
        if not stored:
            continue
        rows = [r for r, _ in stored]
        columns = [c for _, c in stored]
        area = (max(rows) - min(rows) + 1) * (max(columns) - min(columns) + 1)
        if area > limits.sheet_area:
            raise WorkbookError(
                f"{name}: blad {sheet.title!r} beslaat {area:,} cellen (rijen × kolommen); "
                f"de grens is {limits.sheet_area:,}".replace(",", ".")
            )
        cells += len(stored)
        formulas += sum(1 for cell in stored.values() if cell.data_type == "f")
    if cells > limits.cells:
        raise WorkbookError(
            f"{name} heeft {cells:,} gevulde cellen; de grens is {limits.cells:,}".replace(",", ".")
        )
    if formulas > limits.formulas:
        raise WorkbookError(
            f"{name} heeft {formulas:,} formules; de grens is {limits.formulas:,}".replace(",", ".")
        )
