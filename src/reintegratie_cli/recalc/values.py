"""``RI_`` arguments and results between the ``formulas`` engine and the Excel functions.

The engine hands a function its arguments as 2-D ``numpy`` object arrays (a range, even a
single cell) or plain values (literals); empty cells are ``schedula.EMPTY`` and dates are
serial numbers (the workbook is read without date conversion, as Excel stores it). The
``RI_`` functions take exactly what Excel would pass through xlwings — 2-D lists, ``None``
for an empty cell — and accept serial numbers for dates, so an argument needs only its
shape changed. An Excel error in an argument (``#N/A``, ``#DIV/0!``) is the result, as with
Excel's own functions.

A result goes back as the engine computes with it: a date as its serial number (a
`DateSerial`, so the written copy can show it as a date), a table or a lifted
column as a 2-D array.
"""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import numpy as np
import schedula as sh  # type: ignore[import-untyped]
from formulas.errors import FoundError  # type: ignore[import-untyped]
from formulas.functions import get_functions, wrap_func  # type: ignore[import-untyped]
from formulas.tokens.operand import XlError  # type: ignore[import-untyped]

from reintegratie_cli.recalc.forms import OMITTED_FUNCTION

#: Day 0 of Excel's 1900 date system for serials from 61 on (after the fictitious 29-02-1900).
_EPOCH = date(1899, 12, 30)
#: Before 01-03-1900 Excel counts from 31-12-1899 (serial 1 = 01-01-1900).
_EPOCH_EARLY = date(1899, 12, 31)
_LEAP_BUG = date(1900, 3, 1)


class DateSerial(float):
    """An Excel serial number that an ``RI_`` function returned as a date."""

    __slots__ = ()


def date_serial(value: date) -> DateSerial:
    """The Excel serial number (1900 system) of a date, marked as a date."""
    if isinstance(value, datetime):
        value = value.date()
    epoch = _EPOCH if value >= _LEAP_BUG else _EPOCH_EARLY
    return DateSerial((value - epoch).days)


def to_engine(value: Any) -> Any:
    """One result cell as the engine holds it: dates as serials, ``None`` as empty text."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, date):
        return date_serial(value)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, int | float):
        return value if math.isfinite(value) else "#WAARDE! resultaat is geen getal"
    return str(value)


def result_to_engine(result: Any) -> Any:
    """A function's result: a single value, or a table/column as a 2-D object array."""
    if isinstance(result, list):
        rows = [row if isinstance(row, list) else [row] for row in result]
        width = max((len(row) for row in rows), default=1)
        cells = [[to_engine(c) for c in row] + [""] * (width - len(row)) for row in rows]
        return np.asarray(cells or [[""]], dtype=object)
    return to_engine(result)


class _Omitted:
    """What the engine function ``RI__WEGGELATEN()`` returns: a left-out argument."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "OMITTED"


#: A left-out argument of an ``RI_`` call (passed on as ``None``, as xlwings does).
OMITTED = _Omitted()


def _plain(value: Any) -> Any:
    if value is sh.EMPTY or value is OMITTED:
        return None
    if isinstance(value, XlError):
        raise FoundError(err=value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def argument_from_engine(value: Any) -> Any:
    """An engine argument as xlwings would pass it: 2-D lists, ``None`` for empty cells.

    Raises ``FoundError`` for an Excel error value, which the engine shows as the result.
    """
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return _plain(value.item())
        if value.ndim == 1:
            return [[_plain(v)] for v in value.tolist()]
        return [[_plain(v) for v in row] for row in value.tolist()]
    return _plain(value)


def adapt(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (an ``RI_`` function) as an engine function."""

    def engine_function(*args: Any) -> Any:
        return result_to_engine(function(*(argument_from_engine(a) for a in args)))

    engine_function.__name__ = name
    return functools.update_wrapper(engine_function, function, assigned=("__doc__",))


def engine_functions() -> Any:
    """The engine's function table (name → function).

    The first call imports the engine's function modules; the ``SyntaxWarning`` some of
    them raise when compiled (``is`` with a literal) is the engine's, not the user's.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        return get_functions()


def register(functions: Mapping[str, Callable[..., Any]]) -> None:
    """Make ``functions`` (name → ``RI_`` function) known to the ``formulas`` engine."""
    table = engine_functions()
    for name, function in functions.items():
        table[name.upper()] = wrap_func(adapt(name, function))
    table[OMITTED_FUNCTION] = wrap_func(_omitted)


def _omitted() -> Any:
    return np.asarray([[OMITTED]], dtype=object)
