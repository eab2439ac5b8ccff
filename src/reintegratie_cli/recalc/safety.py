"""Reading a workbook from elsewhere as untrusted input.

* Before anything is parsed, :func:`check_archive` (shared with ``signalen``, in
  :mod:`reintegratie_cli.archive`) looks at the zip directory only: file
  size, number of parts, total uncompressed size and each part's compression ratio (a zip
  bomb), against :class:`Limits`. Python's ``zipfile`` never yields more than a part's
  declared size, so the declared sizes bound what is read.
* The XML is parsed by ``openpyxl``, which uses ``defusedxml`` when it is installed (it is a
  dependency of the ``werkmap`` extra; :data:`DEFUSED` says whether it is active): entity
  expansion and DTDs are refused.
* :func:`read_workbook` reads dates as the serial numbers Excel stores (what the formula
  engine computes with), keeps going past a cell it cannot read (the cell becomes ``#N/A``
  and a :class:`CellProblem`), and never loads macros (``keep_vba`` stays off; nothing is
  ever run).
* :func:`check_size` refuses a workbook with too many cells or formulas, or a sheet whose
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

from reintegratie_cli.archive import Limits, WorkbookError, check_archive

#: True when openpyxl parses with ``defusedxml`` (entity expansion and DTDs refused).
DEFUSED: bool = bool(openpyxl.xml.DEFUSEDXML)

__all__ = ["CellProblem", "Limits", "WorkbookError", "check_archive", "check_size", "read_workbook"]


@attrs.frozen(kw_only=True)
class CellProblem:
    """A cell that could not be read or computed."""

    sheet: str
    cell: str
    reason: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}: {self.reason}"


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
    """Binds the cells of :class:`_TolerantParser`; an unknown style becomes the default."""

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
    """Within: openpyxl reads sheets with :class:`_TolerantReader`; yields its problems."""
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

    Raises :class:`WorkbookError` when the file as a whole cannot be read (including XML
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
