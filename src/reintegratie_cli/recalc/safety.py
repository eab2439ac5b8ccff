"""Reading a workbook from elsewhere as untrusted input.

* Before anything is parsed, `check_archive` looks at the zip directory only: file
  size, number of parts, total uncompressed size and each part's compression ratio (a zip
  bomb), against `Limits`. Python's ``zipfile`` never yields more than a part's
  declared size, so the declared sizes bound what is read.
* Every XML part Python reads is parsed by ``defusedxml`` (`package`): a DTD or an
  entity is refused. Macros are never read, let alone run.
* While the cells are read, the cell, formula and sheet-area limits are checked as each cell
  arrives, so an absurd workbook is refused before the rest is parsed. An array formula's
  range counts as the cells it fills. Before computing, every formula's references count
  against `Limits.referenced_cells`, a whole column as the rows its sheet uses.
"""

from __future__ import annotations

import attrs

_MIB = 1024 * 1024


class ErrorValue(str):
    """An Excel error value (``#N/A``, ``#DIV/0!`` …), as opposed to a text."""

    __slots__ = ()


@attrs.frozen(kw_only=True)
class CellProblem:
    """A cell that could not be read or computed."""

    sheet: str
    cell: str
    reason: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}: {self.reason}"
