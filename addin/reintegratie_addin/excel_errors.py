"""Excel error values in input cells (``#N/A``, ``#WAARDE!``, ``#DEEL/0!``, …) are passed through.

Contract (the Excel contract, Changes of 2026-12-01): an error value in an input
cell is not an empty cell. The result is that error, as Excel's own functions do; in a
lifted column only that row's result.

How an error cell reaches Python:

* classic xlwings (Windows, COM): a cell error is an ``int`` HRESULT (``-2146826246`` for
  ``#N/A``); xlwings turns it into ``None`` unless the argument is declared with
  ``err_to_str=True``, then into its English text (``"#N/A"``). The add-in declares every
  argument so.
* xlwings Lite (Office.js): the function metadata allows errors for every argument
  (``allowErrorForDataTypeAny``); an error arrives as an object
  ``{"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}``, which xlwings
  turns into ``None`` or, with ``err_to_str=True``, into its ``basicValue`` text.
* a value typed or copied as text: the text Excel shows, English or Dutch (``#N/B``).

Both names of every error value are in one table, shared with the command line:
``reintegratie_io``'s ``DUTCH_EXCEL_ERRORS`` and ``ENGLISH_EXCEL_ERRORS``.

How an error leaves: as its English text (``"#N/A"``). xlwings Lite turns a returned
string that is an error code into a real error value (Office.js runtime ≥ 1.4); classic
xlwings UDFs cannot return error values (xlwings issue #776), so Excel shows the text.

An ``RI_`` function's own ``#WAARDE! <argument>: <reden>`` text in an input cell (a
chained call) is passed through unchanged too: the first error reaches the end of the
chain with its reason.
"""

from __future__ import annotations

from typing import Any, Final

from reintegratie_io import excel_error

#: Classic Excel over COM: a cell error as the HRESULT pywin32 gives.
COM_ERRORS: Final[dict[int, str]] = {
    -2146826281: "#DIV/0!",
    -2146826246: "#N/A",
    -2146826259: "#NAME?",
    -2146826288: "#NULL!",
    -2146826252: "#NUM!",
    -2146826265: "#REF!",
    -2146826273: "#VALUE!",
}

_OWN_MESSAGE: Final = "#WAARDE! "


def error_code(value: Any) -> str | None:
    """The error a single cell value carries (as it is returned), or ``None``.

    ``"#N/A"``, ``"#n/b"``, ``{"type": "Error", "basicValue": "#N/A"}`` and ``-2146826246``
    all give ``"#N/A"``; an ``RI_`` function's ``#WAARDE! …`` text gives itself.
    """
    kind = type(value)
    if kind is str:
        if not value.startswith("#"):
            return None
        if value.startswith(_OWN_MESSAGE):
            return str(value)
        return excel_error(value)
    if kind is int or kind is float:
        return COM_ERRORS.get(value)  # a float equal to the int finds it too
    if kind is dict:
        if value.get("type") == "Error":
            basic = value.get("basicValue")
            return error_code(basic) if isinstance(basic, str) else "#VALUE!"
        return None
    return None


#: The largest (nearest to zero) COM error code: a number cell above it is never an error.
_LAST_COM_ERROR: Final[int] = max(COM_ERRORS)
_NUMBERS: Final = frozenset({float, int})
#: The cell types that can carry an error value (see `error_code`).
_CARRIERS: Final = frozenset({str, int, float, dict})


def any_error(column: list[Any]) -> bool:
    """Whether any cell of a column of single values carries an error value.

    The same answer as ``any(map(error_code, column))``, at C speed for the common columns:
    number cells can only be a COM error code (all at most ``-2146826246``), so one ``min``
    decides them; date, boolean and empty cells never carry one.
    """
    if not column:
        return False
    kinds = frozenset(map(type, column))
    if kinds <= _NUMBERS:  # NaN compares False both ways: `not >` keeps it on the safe side
        return not min(column) > _LAST_COM_ERROR and any(map(error_code, column))
    if kinds.isdisjoint(_CARRIERS):
        return False
    return any(map(error_code, column))


def first_error(value: Any) -> str | None:
    """The first error in a cell or a range (row by row), or ``None``."""
    if type(value) is list:
        for item in value:
            found = first_error(item)
            if found is not None:
                return found
        return None
    return error_code(value)


class ErrorInput(Exception):  # noqa: N818 - not a failure: the input is an error value
    """An argument holds an Excel error value; the result is that error."""

    def __init__(self, argument: str, code: str) -> None:
        self.argument = argument
        self.code = code
        super().__init__(f"{argument}: {code}")


def check(value: Any, argument: str) -> None:
    """Raise [`ErrorInput`][reintegratie_addin.excel_errors.ErrorInput] when ``value`` (a cell or a range) holds an error value."""
    code = first_error(value)
    if code is not None:
        raise ErrorInput(argument, code)


def passed_through(exc: BaseException) -> str | None:
    """The result for an error: the error value when the input was one, else ``None``."""
    return exc.code if isinstance(exc, ErrorInput) else None
