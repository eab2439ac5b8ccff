"""``RI_`` arguments and results between the formula engine and the Excel functions.

The engine hands a registered function its evaluated arguments: numbers as floats (a date
cell as its serial number, as Excel stores it), texts, booleans, ``None`` for an empty
cell, a range as a 2-D list of rows, and an Excel error as an error object. The ``RI_``
functions take what Excel passes through xlwings, so `argument` changes little:

* an error value becomes its text (``"#N/A"``, ``"#DIV/0!"``) — xlwings' ``err_to_str``
  form — inside a range too, so the function decides, as a Python UDF in Excel does;
* a left-out argument (``RI_X(A1,,3)``, marked by `OMITTED_TEXT`) becomes ``None``;
* a range is 2-D, and so is a single value for an argument xlwings declares ``ndim=2``
  (every argument of a declared ``RI_`` function): ``[[45663.0]]``.

`result` turns a function's answer into what the engine stores: a date as its serial
number, a table as a 2-D list, an Excel error text (``"#N/A"``, ``"#WAARDE!"``) as that error
value, a text longer than Excel allows or a non-finite number as ``#VALUE!``/``#NUM!``.
"""

from __future__ import annotations

import inspect
import itertools
import math
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from reintegratie_cli.recalc.package import as_serial
from reintegratie_cli.recalc.safety import ErrorValue
from reintegratie_cli.table import fits_a_cell
from reintegratie_io import DUTCH_EXCEL_ERRORS as _DUTCH  # an RI_ answer may be Dutch
from reintegratie_io import date_to_serial

#: What the engine function ``RI__WEGGELATEN()`` gives: stands for a left-out argument.
OMITTED_TEXT = "\u0000weggelaten\u0000"

#: The engine's error kinds and Excel's error values (English, as a file stores them).
ERROR_KINDS: dict[str, str] = {
    "Null": "#NULL!",
    "Div": "#DIV/0!",
    "Value": "#VALUE!",
    "Ref": "#REF!",
    "Name": "#NAME?",
    "Num": "#NUM!",
    "Na": "#N/A",
    "Spill": "#SPILL!",
    "Calc": "#CALC!",
    "Circ": "#REF!",
    "GettingData": "#GETTING_DATA",
}
_KIND_OF = {text: kind for kind, text in ERROR_KINDS.items() if kind != "Circ"}


def error_object(text: str) -> dict[str, str]:
    """The engine's error object for an Excel error value (English or Dutch)."""
    english = _DUTCH.get(text, text)
    return {"type": "Error", "kind": _KIND_OF.get(english, "Value")}


def error_text(value: Any) -> ErrorValue | None:
    """The Excel error value of an engine error object, or None when it is not one."""
    if isinstance(value, dict) and value.get("type") == "Error":
        kind = str(value.get("kind", "Value"))
        return ErrorValue(ERROR_KINDS.get(kind, f"#{kind.upper()}!"))
    return None


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        found = error_text(value)
        return str(found) if found is not None else None
    if value == OMITTED_TEXT:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


#: Single engine values that xlwings passes on unchanged (as ``[[value]]`` when 2-D).
_PLAIN = frozenset({float, bool, type(None)})
#: Engine cell types that xlwings passes on unchanged (a text unless it is `OMITTED_TEXT`).
_AS_PASSED = frozenset({float, bool, str, type(None)})


def _grid(value: list[Any]) -> list[Any]:
    """A range as xlwings passes it: rows of cells."""
    if set(map(type, value)) == {list}:
        kinds = set(map(type, itertools.chain.from_iterable(value)))
        if kinds <= _AS_PASSED and (str not in kinds or not any(OMITTED_TEXT in r for r in value)):
            return value  # already so (the engine builds these lists for this one call)
    return [[_cell(c) for c in row] if isinstance(row, list) else [_cell(row)] for row in value]


def argument(value: Any, *, two_d: bool = False) -> Any:
    """An engine argument as xlwings passes it to a Python function: with ``two_d`` (an
    argument declared ``ndim=2``) a single value too as one row of one cell; a left-out
    argument stays ``None``."""
    kind = type(value)
    if kind is float or kind is bool or value is None:
        return [[value]] if two_d else value
    if kind is list:
        return _grid(value)
    if value == OMITTED_TEXT:
        return None
    return [[_cell(value)]] if two_d else _cell(value)


def first_two_d(function: Callable[..., Any]) -> int | None:
    """From which argument on xlwings passes ``function``'s arguments 2-D (``ndim=2``):
    every argument of a declared ``RI_`` function, the ``*args`` of ``RI_UITLEG``; None when
    none (``RI_VERSIE``)."""
    if hasattr(function, "ri_function"):
        return 0
    try:
        parameters = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return None
    for position, parameter in enumerate(parameters):
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            return position
    return None


def _result_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if stripped in _KIND_OF or stripped in _DUTCH:
            return error_object(stripped)
        if not fits_a_cell(value):
            return error_object("#VALUE!")
        return value
    if isinstance(value, date):
        return as_serial(value)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else error_object("#NUM!")
    if isinstance(value, dict):
        return value
    # Any other object (an error-value object of the add-in, say) by its text.
    return _result_cell(str(value))


def _result_rows(rows: list[list[Any]], width: int, dates: set[int]) -> list[list[Any]]:
    """A table's rows as the engine stores them; the columns holding a date join ``dates``."""
    cells = list(itertools.chain.from_iterable(rows))
    kinds = set(map(type, cells))
    rectangular = all(len(row) == width for row in rows)
    if rectangular and kinds == {date}:
        dates.update(range(width))  # the common column of dates (no time of day)
        serials = list(map(float, map(date_to_serial, cells)))
        if width == 1:
            return [[serial] for serial in serials]
        return [serials[i : i + width] for i in range(0, len(serials), width)]
    if rectangular and kinds <= {float, bool} and all(map(math.isfinite, cells)):
        return rows  # Excel's own values already (numbers, WAAR/ONWAAR)
    dates.update(j for row in rows for j, cell in enumerate(row) if isinstance(cell, date))
    return [[_result_cell(c) for c in row] + [""] * (width - len(row)) for row in rows]


def result(value: Any, dates: set[int] | None = None) -> Any:
    """A function's answer as the engine stores it (a table as a rectangular 2-D list);
    the columns of the answer that held a date (0 for a single date) join ``dates``."""
    seen: set[int] = set() if dates is None else dates
    kind = type(value)
    if kind is date:
        seen.add(0)
        return float(date_to_serial(value))
    if kind is float and math.isfinite(value):
        return value
    if isinstance(value, list | tuple):
        if type(value) is list and set(map(type, value)) == {list}:
            rows = value  # the function's own rows (a lifted column): read, never changed
        else:
            rows = [list(row) if isinstance(row, list | tuple) else [row] for row in value]
        if not rows:
            return ""
        width = max(len(row) for row in rows) or 1
        return _result_rows(rows, width, seen)
    if isinstance(value, date):
        seen.add(0)
    return _result_cell(value)


def adapt(function: Callable[..., Any], dates: set[int] | None = None) -> Callable[..., Any]:
    """``function`` (an ``RI_`` function) as the engine calls it: arguments and answer
    converted as above; the columns of its answers that held a date join ``dates`` (to
    show them as dates)."""
    first = first_two_d(function)
    two_d_from = sys.maxsize if first is None else first
    seen: set[int] = set() if dates is None else dates

    if two_d_from == 0:  # a declared RI_ function: every argument 2-D

        def engine_function(*args: Any) -> Any:
            raw = [
                [[a]]
                if type(a) in _PLAIN or (type(a) is str and a != OMITTED_TEXT)
                else argument(a, two_d=True)
                for a in args
            ]
            answer = function(*raw)
            if type(answer) is date:  # the common answer: a date (no time of day)
                seen.add(0)
                return float(date_to_serial(answer))
            return result(answer, seen)

        return engine_function

    def mixed_function(*args: Any) -> Any:
        raw = [argument(a, two_d=i >= two_d_from) for i, a in enumerate(args)]
        return result(function(*raw), seen)

    return mixed_function


def is_date_moment(value: Any) -> bool:
    """A date or datetime (an answer shown as a date)."""
    return isinstance(value, date | datetime)
