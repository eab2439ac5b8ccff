"""How an ``RI_`` function is declared once and served to Excel, Python and ``RI_UITLEG``.

A function is declared with [`excel_function`][reintegratie_addin.functions.excel_function]: its Dutch name, category, Dutch
docstring, and one [`Param`][reintegratie_addin.functions.Param] per argument (name, help text for Excel's function
wizard, coercer, whether a one-column range lifts it). Its body receives *core* values and
makes one core call, returning the core's decision record (a
[`Decision`][reintegratie_core.Decision]: its ``value``, and its grounds on demand).

The decorator builds the function Excel calls, which

1. shapes each argument: a 1×1 range is a single value, a one-column range of a liftable
   argument lifts the call (one result per row), a table argument is passed whole;
2. coerces each value (a single value once, a column row by row);
3. calls the body per row — one path, decide once, read ``.value``; the grounds are not
   built — turning any error into ``#WAARDE! <argument>: <reason>`` text in that row only;
   nothing ever raises into Excel. The core names its own (Python) parameters in its
   errors and carries the name apart ([`error_argument`][reintegratie_core.error_argument]);
   a ``Param`` declares the core parameters it feeds (``core="costs"`` for ``kosten``),
   so the error is shown under the Excel argument's name — one renaming, here;
4. formats the result for Excel (dates, rounded amounts as numbers, ``n.v.t.``, tables
   with a header row).

The same declaration serves ``RI_UITLEG`` ([`ExcelFunction.explain`][reintegratie_addin.functions.ExcelFunction.explain]): the same body,
the same decision, whose grounds are then rendered. It also serves the generated VBA
module and the documentation's function reference.
"""

from __future__ import annotations

import functools
import gc
import inspect
import itertools
import math
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, DecimalException
from typing import Any

import attrs

from reintegratie_addin.coerce import (
    EXCEL_DATES,
    FIRST_EXCEL_DATETIME,
    ArgumentError,
    amount_column,
    core_reason,
    excel_text,
    to_amount,
)
from reintegratie_addin.excel_errors import (
    any_error,
    check,
    error_code,
    first_error,
    passed_through,
)
from reintegratie_core import (
    Decision,
    Explained,
    ReintegratieError,
    Unit,
    explanation_text,
    format_value,
)
from reintegratie_io import named_as

try:  # xlwings is the `excel` extra; without it the functions still work from Python.
    import xlwings as _xw
except ImportError:  # pragma: no cover - exercised only where xlwings is absent
    _xw = None  # type: ignore[assignment]

NOT_APPLICABLE = "n.v.t."
ERROR_PREFIX = "#WAARDE!"
_FIRST_DATE, _LAST_DATE = EXCEL_DATES.first, EXCEL_DATES.last
_OUT_OF_RANGE = "de uitkomst valt buiten de datums van Excel (01-01-1900 t/m 31-12-9999)"

Coercer = Callable[[Any, str], Any]


def _core_names(names: str | Iterable[str]) -> frozenset[str]:
    return frozenset((names,) if isinstance(names, str) else names)


@attrs.frozen(kw_only=True)
class Param:
    """One argument of an Excel function."""

    name: str
    doc: str
    coerce: Coercer
    #: A one-column range gives one result per row.
    lift: bool = True
    #: Optional in Excel (may be left out); its Python default is ``None``.
    optional: bool = False
    #: A date cell (``datetime``) coerces to its ``.date()``: lets a column of date cells
    #: skip per-row coercion.
    dates: bool = False
    #: With ``dates``: turns a column of plain dates into the argument's values at once
    #: (e.g. first sick days into ongoing sickness cases); ``None`` keeps the dates.
    of_dates: Callable[[list[date]], list[Any]] | None = None
    #: Turns a column of number cells (every cell a ``float``) into the argument's values
    #: at once, or ``None`` for a column it does not cover (then cell by cell). By default
    #: the column form of the coercer, where one is known (amounts).
    of_floats: Callable[[list[float]], list[Any] | None] | None = attrs.field(
        default=attrs.Factory(lambda self: _of_floats(self.coerce), takes_self=True)
    )
    #: Decides whether a raw value is a column to lift over (default: one column, ≥ 1 row
    #: given as a list). ``None`` means "use the default rule".
    column: Callable[[Any], list[Any] | None] | None = None
    #: The parameters of the core functions the body calls that this argument feeds, by
    #: their Python names (``"costs"`` for ``kosten``): a core error naming one of them is
    #: shown as this argument's error (``#WAARDE! kosten: …``). Its own name needs none.
    core: frozenset[str] = attrs.field(default=frozenset(), converter=_core_names)


def _of_floats(coerce: Coercer) -> Callable[[list[float]], list[Any] | None] | None:
    """The column form of a coercer of number cells: ``to_amount`` (also with a default
    for an empty cell, which a column of numbers has none of) has ``amount_column``."""
    if isinstance(coerce, functools.partial) and not coerce.args:
        coerce = coerce.func
    return amount_column if coerce is to_amount else None


@attrs.frozen
class Table:
    """A table result: a header row and data rows (Excel spills it).

    ``units`` says what each column's numbers count (``Unit.EURO`` for amounts), for
    ``RI_UITLEG``; a column without one holds plain numbers or no numbers.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    units: tuple[Unit, ...] = ()

    def unit(self, column: int) -> Unit:
        """The unit of column ``column`` (a plain number when not declared)."""
        return self.units[column] if column < len(self.units) else Unit.NUMBER


def to_excel(value: Any) -> Any:
    """A core value as Excel shows it: dates, numbers, WAAR/ONWAAR, text, ``n.v.t.``."""
    if value is None:
        return NOT_APPLICABLE
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if not _FIRST_DATE <= day <= _LAST_DATE:  # Excel cannot show it
            return f"{ERROR_PREFIX} {_OUT_OF_RANGE}"
        return day
    if isinstance(value, bool | str):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else f"{ERROR_PREFIX} resultaat is geen getal"
    if isinstance(value, Table):
        return [list(value.header), *([_cell(c) for c in row] for row in value.rows)]
    return format_value(value)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return to_excel(value)


def unwrap_single(raw: Any) -> Any:
    """A 1×1 range (``[[x]]``) or a one-element list as the single value ``x``."""
    if isinstance(raw, list) and len(raw) == 1:
        inner = raw[0]
        if isinstance(inner, list) and len(inner) == 1:
            return inner[0]
        if not isinstance(inner, list):
            return inner
    return raw


def one_value(param: Param, raw: Any) -> Any:
    """The value of argument ``param`` that is no column: a 1×1 range as its cell.

    A larger range for an argument of one value per row is refused, naming the argument; an
    argument with its own ``column`` (``ziekte``) takes a range as a table (its coercer
    decides)."""
    if not param.lift:
        return raw
    value = unwrap_single(raw)
    if type(value) is list and param.column is None:
        width = max((len(row) for row in value if isinstance(row, list)), default=1)
        msg = f"geef één waarde, geen bereik ({len(value)} × {width} cellen)"
        raise ArgumentError(param.name, msg)
    return value


def default_column(raw: Any) -> list[Any] | None:
    """The rows of a one-column range (2-D ``n×1`` or a 1-D list), else ``None``."""
    if not isinstance(raw, list) or not raw:
        return None
    if frozenset(map(type, raw)) == _LIST:  # the common case: rows of plain lists
        return _only_cells(raw) if len(raw) > 1 else None
    if all(isinstance(row, list) for row in raw):
        if all(len(row) == 1 for row in raw):
            return [row[0] for row in raw] if len(raw) > 1 else None
        return None
    if any(isinstance(row, list) for row in raw):
        return None
    return list(raw) if len(raw) > 1 else None


def _only_cells(rows: list[list[Any]]) -> list[Any] | None:
    """The one cell of every row (rows that are lists), or ``None`` when a row has another
    number of cells: one unpacking per row, no separate length check."""
    try:
        return [cell for [cell] in rows]
    except ValueError:
        return None


def argument_names(params: Iterable[Param]) -> dict[str, str]:
    """Each argument's Excel name by the names a refusal may give it: its own (a coercer's
    refusal) and the core parameters it feeds (``{"kosten": "kosten", "costs": "kosten"}``)."""
    names: dict[str, str] = {}
    for param in params:
        for name in (param.name, *sorted(param.core)):
            if names.setdefault(name, param.name) != param.name:
                msg = f"{name} is the core name of both {names[name]} and {param.name}"
                raise TypeError(msg)
    return names


def named_argument(exc: Exception, arguments: Mapping[str, str]) -> ArgumentError | None:
    """An error that names the argument it refuses, as that argument's error under its
    Excel name; ``None`` for an error that names none of ``arguments``.

    The core names its own parameters (``costs: -1 is negatief …``) and carries the name
    apart ([`error_argument`][reintegratie_core.error_argument]); ``arguments`` maps them to
    the Excel arguments (see [`argument_names`][reintegratie_addin.functions.argument_names]),
    so Excel shows ``#WAARDE! kosten: -1 is negatief …``.
    """
    if isinstance(exc, ArgumentError):
        return exc
    name, reason = named_as(exc, arguments)
    return None if name is None else ArgumentError(name, reason)


def error_text(exc: Exception, function: str, arguments: Mapping[str, str] | None = None) -> str:
    """The ``#WAARDE!`` text for an error: the argument it names, or the function; an
    Excel error value in the input is the result itself."""
    if (code := passed_through(exc)) is not None:
        return code
    named = named_argument(exc, arguments or {})
    if named is not None:
        return excel_text(named)
    if isinstance(exc, DecimalException):  # never a repr like [<class …>]
        return f"{ERROR_PREFIX} {function}: de uitkomst valt buiten het rekenbereik"
    if isinstance(exc, OverflowError):  # date arithmetic past 9999-12-31
        return f"{ERROR_PREFIX} {function}: {_OUT_OF_RANGE}"
    if isinstance(exc, ReintegratieError | ValueError | TypeError | ArithmeticError):
        return f"{ERROR_PREFIX} {function}: {core_reason(exc)}"
    return f"{ERROR_PREFIX} {function}: interne fout ({type(exc).__name__}: {exc})"


@attrs.frozen(kw_only=True)
class ExcelFunction:
    """A declared ``RI_`` function: its contract and its body."""

    name: str
    category: str
    doc: str
    params: tuple[Param, ...]
    body: Callable[..., Decision[Any]]
    format: Callable[[Any], Any] = to_excel
    #: Returns a table (never lifted).
    returns_table: bool = False
    #: For a table of one subject (``"werknemer"``): a range where one value belongs is
    #: refused saying so — one formula per subject — instead of only "geen bereik".
    one_per: str = ""
    #: The Excel argument by each name an error may give it (`argument_names`).
    arguments: Mapping[str, str] = attrs.field(
        init=False, default=attrs.Factory(lambda self: argument_names(self.params), takes_self=True)
    )

    def compute(self, *args: Any) -> Any:
        """The result value for coerced arguments: the decision's ``value``."""
        return self.body(*args).value

    def coerce_all(self, raw: Sequence[Any]) -> list[Any]:
        """Coerce one row of raw values (no lifting); raises `ArgumentError`."""
        values = []
        for param, value in zip(self.params, raw, strict=True):
            try:
                single = one_value(param, value)
            except ArgumentError as exc:
                if not self.one_per:
                    raise
                msg = (
                    f"{self.name} geeft een tabel voor één {self.one_per}; geef één waarde "
                    f"(gebruik één formule per {self.one_per}), "
                    + exc.message.removeprefix("geef één waarde, ")
                )
                raise ArgumentError(param.name, msg) from None
            values.append(param.coerce(single, param.name))
        return values

    def evaluate(self, raw: Sequence[Any]) -> Explained[Any]:
        """Coerce and decide one row, with the decision's grounds rendered; errors
        propagate (for ``RI_UITLEG`` and tests)."""
        return self.body(*self.coerce_all(raw)).explain()

    def _error_text(self, exc: Exception) -> str:
        return error_text(exc, self.name, self.arguments)

    def explain(self, raw: Sequence[Any]) -> str:
        """The Dutch explanation ``RI_UITLEG`` shows for one call."""
        padded = list(raw) + [None] * (len(self.params) - len(raw))
        if len(raw) > len(self.params):
            msg = f"{self.name} heeft {len(self.params)} argumenten, {len(raw)} gegeven"
            raise ArgumentError("argumenten", msg)
        for param, value in zip(self.params, padded, strict=True):
            check(value, param.name)  # an Excel error value is the result (excel_errors)
        for param, value in zip(self.params, padded, strict=True):
            if param.lift and (param.column or default_column)(value) is not None:
                msg = "RI_UITLEG legt één rij uit; geef één waarde in plaats van een kolom"
                raise ArgumentError(param.name, msg)
        try:
            explained = self.evaluate(padded)
        except Exception as exc:
            named = named_argument(exc, self.arguments)
            if named is None:
                raise
            raise named from None
        value = explained.value
        shown = self.format(value)
        if isinstance(shown, list):  # a table: one line per row, each cell in its unit
            units = value if isinstance(value, Table) else Table((), ())
            shown = [
                " · ".join(format_value(c, units.unit(i)) for i, c in enumerate(row))
                for row in shown[1:]
            ]
        return explanation_text(self.name, shown, explained.grounds, explained.unit)

    def _single(self, raw: Sequence[Any]) -> Any:
        try:
            return self.format(self.compute(*self.coerce_all(raw)))
        except Exception as exc:  # noqa: BLE001 - nothing may raise into Excel
            return self._error_text(exc)

    def __call__(self, *raw: Any) -> Any:
        """Evaluate as Excel does: shape, lift, coerce, compute, format; never raise."""
        try:
            return self._call(raw)
        except Exception as exc:  # noqa: BLE001 - nothing may raise into Excel
            return self._error_text(exc)

    def call_named(self, raw: Sequence[Any], named: Mapping[str, Any]) -> Any:
        """`__call__` with some arguments by name, as the udf's signature advertises: the
        named ones take their place after ``raw``; one not given is empty, as in Excel. An
        unknown name, or one also given by position, is ``#WAARDE!`` text."""
        names = [p.name for p in self.params]
        values = [*raw, *[None] * (len(names) - len(raw))]
        for name, value in named.items():
            index = names.index(name) if name in names else -1
            if index < 0:
                msg = f"{self.name} heeft geen argument {name} (wel: {', '.join(names)})"
                return f"{ERROR_PREFIX} argumenten: {msg}"
            if index < len(raw):
                msg = f"{self.name}: {name} is zowel op positie {index + 1} als bij naam gegeven"
                return f"{ERROR_PREFIX} argumenten: {msg}"
            values[index] = value
        return self(*values)

    def _call(self, raw: Sequence[Any]) -> Any:
        raw = list(raw) + [None] * (len(self.params) - len(raw))
        if len(raw) > len(self.params):
            msg = f"{self.name} heeft {len(self.params)} argumenten, {len(raw)} gegeven"
            return f"{ERROR_PREFIX} argumenten: {msg}"
        columns: dict[int, list[Any]] = {}
        if not self.returns_table and not _all_single(raw):  # a single call has no column
            for index, (param, value) in enumerate(zip(self.params, raw, strict=True)):
                if param.lift:
                    column = (param.column or default_column)(value)
                    if column is not None:
                        columns[index] = column
        if not columns:
            for value in raw:  # an Excel error value is the result (excel_errors)
                if (code := first_error(value)) is not None:
                    return code
            return self._single(raw)
        # A lifted call allocates a few acyclic objects per row; the cyclic collector would
        # traverse the whole heap again and again while they pile up (reference counting
        # still frees them). It runs again afterwards.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._lifted(raw, columns)
        finally:
            if enabled:
                gc.enable()

    def _lifted(self, raw: list[Any], columns: dict[int, list[Any]]) -> list[list[Any]]:
        lengths = {len(c) for c in columns.values()}
        if len(lengths) > 1:
            names = ", ".join(f"{self.params[i].name} ({len(c)} rijen)" for i, c in columns.items())
            text = f"{ERROR_PREFIX} {self.params[min(columns)].name}: kolommen van ongelijke lengte: {names}"
            return [[text]]
        rows = lengths.pop()
        # Coerce every single value once; a bad one is that error in every row.
        fixed: list[Any] = [None] * len(self.params)
        for index, param in enumerate(self.params):
            if index not in columns:
                if (code := first_error(raw[index])) is not None:  # see excel_errors
                    fixed[index] = _Failure(code, passed=True)
                    continue
                try:
                    fixed[index] = param.coerce(one_value(param, raw[index]), param.name)
                except Exception as exc:  # noqa: BLE001 - reported per row
                    fixed[index] = self._failure(exc)
        coerced: dict[int, list[Any]] = {}
        clean = True  # every lifted column taken at once: no blank row, no failing cell
        for index, column in columns.items():
            coerced[index], dates = self._coerce_column(self.params[index], column)
            clean = clean and dates
        lifted = sorted(coerced.items())
        out: list[Any] = [None] * rows
        failing = {i: v for i, v in enumerate(fixed) if isinstance(v, _Failure)}
        if clean and not failing:
            good: Sequence[int] = range(rows)  # no list: 10,000 int objects cost ~18 ns a row
        else:
            good = self._sort_rows(columns, failing, coerced, out)
        self._compute_rows(good, fixed, lifted, out)
        return [[value] for value in out]

    def _sort_rows(
        self,
        columns: dict[int, list[Any]],
        failing: dict[int, _Failure],
        coerced: dict[int, list[Any]],
        out: list[Any],
    ) -> Sequence[int]:
        """Fill ``out`` for the blank rows and the rows with a failing argument; the other
        rows' numbers, to compute."""
        rows = len(out)
        # A row whose lifted *required* cells are all empty is a blank row: an empty cell
        # (a range selected past its last entry). Empty optional cells mean "not given"; an
        # optional cell holding an error value or a refused value makes the row no blank
        # row: it gives what its single call gives (excel-functions.md, Error inputs).
        required = [c for i, c in columns.items() if not self.params[i].optional]
        empty = [False] * rows
        if required and any(not _NEVER_EMPTY.issuperset(map(type, c)) for c in required):
            empty = [True] * rows
            for column in required:
                empty = [
                    e and (v is None or (type(v) is str and not v.strip()))
                    for e, v in zip(empty, column, strict=True)
                ]
        # As in a single call: the first Excel error value in declaration order is the
        # result (excel_errors); else the first refused argument in declaration order.
        lifted = sorted(coerced.items())
        bad_rows = {
            row
            for _, values in lifted
            if _Failure in set(map(type, values))
            for row, v in enumerate(values)
            if type(v) is _Failure
        }
        if not failing and not bad_rows and not any(empty):
            return range(rows)
        shown = {
            row
            for index, values in lifted
            if self.params[index].optional
            for row, v in enumerate(values)
            if type(v) is _Failure
        }
        good = []
        for row in range(rows):
            if empty[row] and row not in shown:
                out[row] = ""
            elif failing or row in bad_rows:
                failures = [
                    *failing.items(),
                    *((i, values[row]) for i, values in lifted if type(values[row]) is _Failure),
                ]
                out[row] = min(failures, key=_precedence)[1].text
            else:
                good.append(row)
        return good

    def _compute_rows(
        self,
        good: Sequence[int],
        fixed: list[Any],
        lifted: list[tuple[int, list[Any]]],
        out: list[Any],
    ) -> None:
        """Decide the rows without coercion errors, one body call per row, and read each
        decision's value; an error stays in its row."""
        if not good:
            return
        everything = len(good) == len(out)
        arguments: list[Iterator[Any]] = list(map(itertools.repeat, fixed))
        for index, column in lifted:
            arguments[index] = iter(column if everything else [column[row] for row in good])
        values: list[Any] = []
        while len(values) < len(good):
            try:  # map keeps to C: a row costs the body's call, not this loop's
                values.extend(map(_VALUE, map(self.body, *arguments)))
            except Exception as exc:  # noqa: BLE001 - that row's error; go on with the next
                values.append(_Failure(self._error_text(exc)))
        shown = self._format_all(values)
        if everything:
            out[:] = shown
        else:
            for row, value in zip(good, shown, strict=True):
                out[row] = value

    def _format_all(self, values: list[Any]) -> list[Any]:
        """``format`` for every row; Excel's own types pass as they are (dates when Excel
        can show them all, as `to_excel` decides for one)."""
        kinds = set(map(type, values))
        if self.format is to_excel:
            if kinds <= _AS_IS:
                if date not in kinds:
                    return values
                days = values if len(kinds) == 1 else [v for v in values if type(v) is date]
                if min(days) >= _FIRST_DATE:  # a date is never after 31-12-9999
                    return values
                return list(map(to_excel, values))
            if kinds == {Decimal}:
                return list(map(float, values))
        fmt = self.format
        if _Failure not in kinds:
            try:  # map keeps to C; a value that fails to format is formatted again below
                return list(map(fmt, values))
            except Exception:  # noqa: BLE001, S110 - each row's error, row by row below
                pass
        shown = []
        for value in values:
            try:
                shown.append(value.text if type(value) is _Failure else fmt(value))
            except Exception as exc:  # noqa: BLE001 - an error stays in its row
                shown.append(self._error_text(exc))
        return shown

    def _coerce_column(self, param: Param, column: list[Any]) -> tuple[list[Any], bool]:
        """The column's values, each a coerced value or a `_Failure`, and whether the
        column was taken at once: all date cells or all number cells (then none is empty
        and none failed)."""
        kinds = frozenset(map(type, column))
        if (
            param.dates
            and kinds == _DATETIME
            and min(column) >= FIRST_EXCEL_DATETIME  # Excel's dates; none is after 31-12-9999
        ):
            days = list(map(datetime.date, column))  # the common case: a column of date cells
            return (days if param.of_dates is None else param.of_dates(days)), True
        if param.of_floats is not None and kinds == _FLOAT:  # a column of number cells
            values = param.of_floats(column)
            if values is not None:
                return values, True
        return self._coerce_cells(param, column), False

    def _coerce_cells(self, param: Param, column: list[Any]) -> list[Any]:
        cells = iter(column)
        names = itertools.repeat(param.name)
        result: list[Any] = []
        if any_error(column):  # an Excel error value is that row's result
            for value in column:
                code = error_code(value)
                if code is not None:
                    result.append(_Failure(code, passed=True))
                    continue
                try:
                    result.append(param.coerce(value, param.name))
                except Exception as exc:  # noqa: BLE001 - an error stays in its row
                    result.append(self._failure(exc))
            return result
        while len(result) < len(column):
            try:  # as in _compute_rows: map in C, a failing cell is that row's error
                result.extend(map(param.coerce, cells, names))
            except Exception as exc:  # noqa: BLE001 - an error stays in its row
                result.append(self._failure(exc))
        return result

    def _failure(self, exc: Exception) -> _Failure:
        """A cell's failure: its ``#WAARDE!`` text, or the error value it passes through."""
        return _Failure(self._error_text(exc), passed=passed_through(exc) is not None)


#: Cell types that are never an empty cell.
_NEVER_EMPTY = frozenset({datetime, date, int, float, bool})
#: Result types that :func:`to_excel` returns unchanged.
_AS_IS = frozenset({date, str, bool, int})
_VALUE = operator.attrgetter("value")
_LIST = frozenset({list})
_DATETIME = frozenset({datetime})
_FLOAT = frozenset({float})


def _all_single(raw: list[Any]) -> bool:
    """Whether every argument is one value: a cell, or a 1×1 range ``[[x]]``."""
    for value in raw:
        if type(value) is list and not (
            len(value) == 1
            and type(value[0]) is list
            and len(value[0]) == 1
            and type(value[0][0]) is not list
        ):
            return False
    return True


@attrs.frozen
class _Failure:
    text: str
    #: An Excel error value in the input (passed through), which wins over a refusal.
    passed: bool = False


def _precedence(failure: tuple[int, _Failure]) -> tuple[bool, int]:
    """The order in which a row's failures are the result: error values first, then
    declaration order."""
    index, value = failure
    return (not value.passed, index)


#: Every declared function by name, in declaration order.
REGISTRY: dict[str, ExcelFunction] = {}


def excel_function(
    *,
    category: str,
    params: Sequence[Param],
    returns_table: bool = False,
    format: Callable[[Any], Any] = to_excel,  # noqa: A002 - the contract's word for it
    one_per: str = "",
) -> Callable[[Callable[..., Decision[Any]]], Callable[..., Any]]:
    """Declare an ``RI_`` function from its body; see the module docstring."""

    def decorate(body: Callable[..., Decision[Any]]) -> Callable[..., Any]:
        name = body.__name__
        signature = inspect.signature(body)
        declared = tuple(signature.parameters)
        if declared != tuple(p.name for p in params):
            msg = (
                f"{name}: parameters {declared} differ from the declared {[p.name for p in params]}"
            )
            raise TypeError(msg)
        function = ExcelFunction(
            name=name,
            category=category,
            doc=inspect.cleandoc(body.__doc__ or ""),
            params=tuple(params),
            body=body,
            format=format,
            returns_table=returns_table,
            one_per=one_per,
        )
        REGISTRY[name] = function

        def udf(*raw: Any, **named: Any) -> Any:
            if named:  # a Python caller naming arguments; Excel passes them by position
                return function.call_named(raw, named)
            return function(*raw)

        udf.__name__ = udf.__qualname__ = name
        udf.__doc__ = function.doc
        udf.__module__ = body.__module__
        udf.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [
                inspect.Parameter(
                    p.name,
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    default=None if p.optional else inspect.Parameter.empty,
                )
                for p in params
            ]
        )
        udf.ri_function = function  # type: ignore[attr-defined]
        if _xw is not None:
            for param in reversed(params):
                udf = _xw.arg(param.name, ndim=2, err_to_str=True, doc=param.doc)(udf)
            udf = _xw.func(category=category)(udf)
        return udf

    return decorate
