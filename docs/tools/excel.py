"""Excel calls for the documentation: what the user types, and what the function returns.

An :class:`Call` is one formula: a function name and its arguments as Excel sends them
(dates as ``datetime``, ranges as 2-D lists). :meth:`Call.formula` writes it the way a
user with Dutch Excel types it (``;`` between arguments, ``DATUM(2025;1;6)``, ``WAAR``);
:meth:`Call.run` calls the real function, so every result in the documentation is the one
the code gives.

A :class:`Range` is a block of cells passed as one argument (sick periods, events); the
formula shows its address and the documentation shows its contents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY
from reintegratie_core import Unit, format_date

ExcelScalar = str | int | float | bool | date | None


@attrs.frozen
class Range:
    """A block of cells given as one argument: its address and its rows."""

    ref: str
    rows: tuple[tuple[ExcelScalar, ...], ...]

    def excel(self) -> list[list[Any]]:
        """The value Excel sends: a 2-D list, dates as ``datetime``."""
        return [[to_excel_input(cell) for cell in row] for row in self.rows]


@attrs.frozen
class Cell:
    """A reference to an input cell of a worked example (``B2``), with its value."""

    ref: str
    value: ExcelScalar | Range


Argument = ExcelScalar | Range | Cell


def to_excel_input(value: ExcelScalar) -> Any:
    """A Python value as Excel sends it: a ``date`` becomes a ``datetime`` (a date cell)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)  # noqa: DTZ001 - Excel's naive cell
    return value


def literal(value: Argument) -> str:
    """How a value is typed in a Dutch Excel formula."""
    if isinstance(value, Cell):
        return value.ref
    if isinstance(value, Range):
        return value.ref
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, date):
        return f"DATUM({value.year};{value.month};{value.day})"
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


def show(value: Any, unit: Unit = Unit.NUMBER) -> str:
    """How a result or a cell reads the Dutch way: ``27-10-2025``, ``WAAR``, an amount
    (``unit`` EURO) with cents as the example workbook's format shows it (``2.500,00``),
    any other number without trailing zeros (``12,5`` months, ``288`` days)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float | Decimal):
        number = float(value)
        if unit is Unit.EURO:
            text = f"{number:,.2f}"
        elif number.is_integer():
            text = f"{number:,.0f}"
        else:
            text = f"{number:,.2f}".rstrip("0").rstrip(".")  # 3.001: "3", never "3,"
        return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return str(value)


@attrs.frozen
class Call:
    """One formula: a function and its arguments (trailing ``None`` s are left out)."""

    function: str
    args: tuple[Argument, ...] = ()

    def formula(self) -> str:
        """``=RI_X(arg1; arg2)`` as typed in Dutch Excel."""
        args = list(self.args)
        while args and args[-1] is None:
            args.pop()
        return f"={self.function}({'; '.join(literal(a) for a in args)})"

    def raw(self) -> list[Any]:
        """The arguments as Excel sends them to the function."""
        values = []
        for arg in self.args:
            value = arg.value if isinstance(arg, Cell) else arg
            values.append(value.excel() if isinstance(value, Range) else to_excel_input(value))
        return values

    def ranges(self) -> tuple[Range, ...]:
        """The ranges this call reads (shown next to the formula)."""
        found = []
        for arg in self.args:
            value = arg.value if isinstance(arg, Cell) else arg
            if isinstance(value, Range):
                found.append(value)
        return tuple(found)

    def run(self) -> Any:
        """The result Excel shows: the real function called with these arguments."""
        function = udfs.contract_functions()[self.function]
        return function(*self.raw())

    def unit(self, column: int = 0) -> Unit:
        """What the result's numbers count (a table: column ``column``), as the function
        declares it for ``RI_UITLEG``; a plain number when it declares nothing."""
        declared = REGISTRY.get(self.function)
        if declared is None:
            return Unit.NUMBER
        raw = self.raw() + [None] * (len(declared.params) - len(self.args))
        try:
            explained = declared.evaluate(raw)
        except Exception:  # noqa: BLE001 - an example that errs shows its text
            return Unit.NUMBER
        per_column = getattr(explained.value, "unit", None)
        return per_column(column) if callable(per_column) else explained.unit


def is_error(result: Any) -> bool:
    """True when Excel would show an error text (``#WAARDE! …``)."""
    if isinstance(result, str):
        return result.startswith("#WAARDE!")
    if isinstance(result, list):
        return any(is_error(cell) for row in result for cell in row)
    return False


def _numbers(_column: int) -> Unit:
    return Unit.NUMBER


def result_markdown(result: Any, unit: Callable[[int], Unit] = _numbers) -> str:
    """A result as Markdown: a value in backticks, or a spilled table as a table; ``unit``
    gives what the numbers of a column count (``Call.unit``)."""
    if isinstance(result, list):
        return table_markdown(result, unit=unit)
    shown = show(result, unit(0))
    return f"`{shown}`" if shown else '`""` (lege tekst)'


def table_markdown(
    rows: Sequence[Sequence[Any]], header: bool = True, unit: Callable[[int], Unit] = _numbers
) -> str:
    """A 2-D result (header row first) as a Markdown table."""
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    cells = [
        [escape_cell(show(c, unit(i))) for i, c in enumerate(row)] + [""] * (width - len(row))
        for row in rows
    ]
    if not header:
        cells.insert(0, [""] * width)
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines.extend("| " + " | ".join(row) + " |" for row in cells[1:])
    return "\n".join(lines)


def range_markdown(cells: Range) -> str:
    """A range's contents as a small table with Excel's column letters and row numbers."""
    first = cells.ref.split(":")[0]
    column = "".join(ch for ch in first if ch.isalpha())
    row = int("".join(ch for ch in first if ch.isdigit()))
    width = max(len(r) for r in cells.rows)
    letters = [chr(ord(column) + i) for i in range(width)]
    lines = ["| | " + " | ".join(letters) + " |", "|---|" + "---|" * width]
    for offset, values in enumerate(cells.rows):
        shown = [escape_cell(show(v)) for v in values] + [""] * (width - len(values))
        lines.append(f"| **{row + offset}** | " + " | ".join(shown) + " |")
    return "\n".join(lines)


def escape_cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", "<br>")
