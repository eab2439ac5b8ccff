"""Excel values → core types, per the calling conventions of the Excel contract.

The parsing both shells share (dates, serial numbers, numbers, booleans, codes, text) is
`reintegratie_io._values`; this module adds what is Excel's alone:

* dates: only those Excel can show, 01-01-1900 t/m 31-12-9999 (text and serials alike);
* numbers: a number cell is read at Excel's own precision, 15 significant digits
  ([`float_number`][reintegratie_io.float_number]: ``0.1 + 0.7`` is the 0,8 the cell
  shows, ``80.0`` is 80, ``-0`` is 0), as the CLI reads numbers from XLSX files;
* amounts: numbers or numeric text, 0 t/m € 10^12 (``Decimal``);
* percentages: ``0.7``, ``70%`` (Excel sends 0.7) or ``70``;
* ranges: a ``ziekte`` argument as one date or a range of periods;
* the ``#WAARDE! <argument>: <reden>`` text Excel shows for an `ArgumentError`.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import reintegratie_io as _io
from reintegratie_core import fraction, money
from reintegratie_io import (
    BOOL_HINT,
    DATE_HINT,
    FIRST_SERIAL_DATE,
    MAX_SERIAL,
    ArgumentError,
    DateBounds,
    cents_number,
    describe,
    float_number,
    is_empty,
    named_as,
    normalize_code,
    serial_to_date,
    to_bool,
    to_code,
    to_decimal,
    to_int,
    to_sanction_weeks,
    to_text,
)

__all__ = [
    "BOOL_HINT",
    "DATE_HINT",
    "MAX_SERIAL",
    "ArgumentError",
    "describe",
    "is_empty",
    "normalize_code",
    "serial_to_date",
    "to_bool",
    "to_code",
    "to_int",
    "to_sanction_weeks",
    "to_text",
]

#: The dates Excel can show (1900 date system): serial 1 t/m 2 958 465.
EXCEL_DATES = DateBounds(FIRST_SERIAL_DATE, date(9999, 12, 31), "de datums van Excel")
#: Excel's first date as a date cell arrives (a ``datetime`` at midnight).
FIRST_EXCEL_DATETIME = datetime.combine(EXCEL_DATES.first, datetime.min.time())


def excel_text(error: ArgumentError) -> str:
    """The text Excel shows for a refused argument: ``#WAARDE! <argument>: <message>``."""
    return f"#WAARDE! {error.argument}: {error.message}"


def to_date(value: Any, argument: str) -> date | None:
    """A date from an Excel value (within Excel's dates); ``None`` when the cell is empty."""
    return _io.to_date(value, argument, EXCEL_DATES)


def required_date(value: Any, argument: str) -> date:
    """Like [`to_date`][reintegratie_addin.coerce.to_date], but an empty cell is an error."""
    return _io.required_date(value, argument, EXCEL_DATES)


AMOUNT_HINT = "verwacht een bedrag van 0 of meer, bijv. 1250,50"
#: The largest amount accepted (€ 1 000 000 000 000), as in the core's
#: ``reintegratie_core.financial``: far above any wage or cost, small enough that
#: every formula's exact result keeps its cents (28 significant digits) and Excel shows it
#: to the cent (15 significant digits).
MAX_AMOUNT = Decimal(10) ** 12
_MAX_FLOAT = float(MAX_AMOUNT)
AMOUNT_RANGE = "verwacht een bedrag van 0 t/m 1.000.000.000.000"


def to_amount(value: Any, argument: str, default: Decimal | None = None) -> Decimal:
    """An amount in euros (``Decimal``), 0 t/m € 10^12; empty gives ``default``.

    A number cell ``x`` is read as every number is
    ([`float_number`][reintegratie_io.float_number]: 15 significant digits); a whole
    number of cents, the common case, inline here as there (``round(100·x)`` cents).
    """
    if type(value) is float and 0.0 <= value <= _MAX_FLOAT:  # a number cell: the common case
        # finite (NaN and ±inf fail the comparison), in range
        cents = int(value * 100 + 0.5)
        if cents / 100 == value:  # a whole number of cents
            return cents_number(cents)
        return float_number(value)
    if is_empty(value):
        if default is None:
            raise ArgumentError(argument, f"ontbreekt ({AMOUNT_HINT})")
        return default
    amount = to_decimal(value, argument, AMOUNT_HINT)
    if amount < 0:
        raise ArgumentError(argument, f"{describe(value)} is negatief ({AMOUNT_HINT})")
    if amount > MAX_AMOUNT:
        raise ArgumentError(argument, f"{describe(value)} is te groot ({AMOUNT_RANGE})")
    return money(amount, name=argument)


def amount_column(cells: list[float]) -> list[Decimal] | None:
    """[`to_amount`][reintegratie_addin.coerce.to_amount] for a whole column of number
    cells at once, or ``None`` when the column is not one of whole cents in range (then
    each cell goes through ``to_amount``, which also names a refused cell).

    The same ``Decimal`` per cell (digits, exponent and sign:
    [`cents_number`][reintegratie_io.cents_number]), with the per-cell arithmetic
    (``round(100·x)`` and its check) done in C over the column.
    """
    if not (min(cells) >= 0.0 and max(cells) <= _MAX_FLOAT):
        return None
    try:  # NaN has no integer: the column goes cell by cell
        cents = list(map(int, map(operator.add, map(operator.mul, cells, _HUNDREDS), _HALVES)))
    except (ValueError, OverflowError):
        return None
    if list(map(operator.truediv, cents, _HUNDRED_INTS)) != cells:  # not all whole cents
        return None
    return list(map(cents_number, cents))


_HUNDREDS = itertools.repeat(100.0)
_HALVES = itertools.repeat(0.5)
_HUNDRED_INTS = itertools.repeat(100)


def to_quantity(value: Any, argument: str, hint: str) -> Decimal:
    """A number of 0 or more that is no amount (hours), read as every number is; a refusal
    says ``hint`` (what the argument counts), an empty cell is refused."""
    if is_empty(value):
        raise ArgumentError(argument, f"ontbreekt ({hint})")
    number = to_decimal(value, argument, hint)
    if number < 0:
        raise ArgumentError(argument, f"{describe(value)} is negatief ({hint})")
    return number


PERCENT_HINT = "verwacht een percentage: 0,7, 70% of 70"


def to_percentage(value: Any, argument: str, default: Decimal | None = None) -> Decimal:
    """A percentage as a fraction: ``0.7``, ``70%`` (text or Excel's 0.7) or ``70``.

    A number above 1 (read at 15 significant digits, so 1.0000000000000002 is 1) is a
    percentage and divided by 100.
    """
    if is_empty(value):
        if default is None:
            raise ArgumentError(argument, f"ontbreekt ({PERCENT_HINT})")
        return default
    is_percent_text = isinstance(value, str) and value.strip().endswith("%")
    if is_percent_text:
        try:
            number = to_decimal(value.strip()[:-1], argument, PERCENT_HINT) / 100
        except ArgumentError:  # named as typed, with its "%"
            raise ArgumentError(
                argument, f"{describe(value)} is geen getal ({PERCENT_HINT})"
            ) from None
    else:
        number = to_decimal(value, argument, PERCENT_HINT)
        if number > 1:
            number = number / 100
    if not 0 <= number <= 1:
        raise ArgumentError(
            argument, f"{describe(value)} ligt niet tussen 0% en 100% ({PERCENT_HINT})"
        )
    return fraction(number, name=argument)


def optional(
    coerce: Callable[[Any, str], Any],
) -> Callable[[Any, str], Any]:
    """A coercer that maps an empty cell to ``None`` and otherwise uses ``coerce``."""

    def inner(value: Any, argument: str) -> Any:
        return None if is_empty(value) else coerce(value, argument)

    return inner


def core_reason(exc: Exception) -> str:
    """A core error's text without the Python argument it names (``last: periode …`` is
    ``periode …``): a cell's or argument's Excel name goes in its place, never the core's
    parameter, which an Excel user does not know."""
    return named_as(exc, {})[1]


# --- Sickness: one first sick day, or a range of periods ---------------------------------

from reintegratie_core import (  # noqa: E402
    Absence,
    ReintegratieError,
    SicknessCase,
    last_case,
    merge_cases,
)

PERIODS_HINT = (
    "verwacht een eerste ziektedag of een bereik met per rij eerste ziektedag · laatste "
    "ziektedag (leeg = lopend) · optioneel 'verlof'"
)


_LIST = frozenset({list})


def sickness_column(raw: Any) -> list[Any] | None:
    """A ``ziekte`` argument is lifted only when it is one column of single dates."""
    if not isinstance(raw, list) or len(raw) < 2:
        return None
    if frozenset(map(type, raw)) == _LIST:  # rows of plain lists: one cell each?
        try:
            return [cell for [cell] in raw]
        except ValueError:
            return None
    if not any(isinstance(row, list) for row in raw):
        return list(raw)
    return None


def _row_absence(row: list[Any], number: int, argument: str) -> Absence | None:
    cells = list(row) + [None] * (3 - len(row))
    if all(is_empty(c) for c in cells):
        return None
    if len(row) > 3 and any(not is_empty(c) for c in row[3:]):
        raise ArgumentError(argument, f"rij {number}: meer dan drie kolommen ({PERIODS_HINT})")
    try:
        first = to_date(cells[0], "eerste ziektedag")
        last = to_date(cells[1], "laatste ziektedag")
    except ArgumentError as exc:
        raise ArgumentError(argument, f"rij {number}: {exc}") from None
    if first is None:
        raise ArgumentError(
            argument, f"rij {number}: de eerste ziektedag ontbreekt ({PERIODS_HINT})"
        )
    kind = "" if is_empty(cells[2]) else normalize_code(str(cells[2]))
    try:
        if kind in ("", "ziek", "ziekte"):
            return Absence.sick(first, last)
        if kind in ("verlof", "zwangerschapsverlof", "bevallingsverlof", "wazo"):
            if last is None:
                raise ArgumentError(
                    argument, f"rij {number}: verlof heeft een laatste dag nodig ({PERIODS_HINT})"
                )
            return Absence.leave(first, last)
    except ReintegratieError as exc:
        raise ArgumentError(argument, f"rij {number}: {core_reason(exc)}") from None
    raise ArgumentError(
        argument,
        f"rij {number}: {describe(cells[2])} in de derde kolom (verwacht leeg of 'verlof')",
    )


def _check_not_a_column(rows: list[list[Any]], argument: str) -> None:
    """A one-column range of several dates is no table of periods: each row would be a
    period still running, and those always overlap. Refused as what it is."""
    if any(len(row) > 1 for row in rows):
        return
    given = sum(1 for row in rows if row and not is_empty(row[0]))
    if given > 1:
        msg = (
            f"geef één eerste ziektedag, geen kolom van {given} datums (een bereik met "
            "ziekteperioden heeft per rij eerste ziektedag · laatste ziektedag (leeg = lopend) "
            "· optioneel 'verlof')"
        )
        raise ArgumentError(argument, msg)


def to_absences(raw: Any, argument: str) -> tuple[Absence, ...]:
    """Sick (and leave) periods from a date or a range of periods; at least one sick period."""
    if isinstance(raw, list) and raw and all(isinstance(r, list) for r in raw):
        if len(raw) == 1 and len(raw[0]) == 1:
            return to_absences(raw[0][0], argument)
        _check_not_a_column(raw, argument)
        absences = [a for n, row in enumerate(raw, 1) if (a := _row_absence(row, n, argument))]
    elif isinstance(raw, list):
        _check_not_a_column([[cell] for cell in raw], argument)
        absences = [a for n, cell in enumerate(raw, 1) if (a := _row_absence([cell], n, argument))]
    else:
        first = to_date(raw, argument)
        if first is None:
            raise ArgumentError(argument, f"ontbreekt ({PERIODS_HINT})")
        return (Absence.sick(first),)
    if not any(a.kind.value == "ziek" for a in absences):
        raise ArgumentError(argument, f"geen ziekteperiode gevonden ({PERIODS_HINT})")
    try:
        merge_cases(absences)
    except ReintegratieError as exc:
        raise ArgumentError(argument, core_reason(exc)) from None
    return tuple(absences)


def to_sickness(raw: Any, argument: str) -> SicknessCase:
    """A ``ziekte`` argument as a sickness case: a first sick day is one ongoing period;
    a range of periods gives its last sickness case."""
    kind = type(raw)
    if kind is datetime and raw >= FIRST_EXCEL_DATETIME:  # a date cell Excel can show
        return SicknessCase.ongoing(raw.date())
    if kind is SicknessCase:
        return raw  # type: ignore[no-any-return]
    if not isinstance(raw, list):
        first = to_date(raw, argument)
        if first is None:
            raise ArgumentError(argument, f"ontbreekt ({PERIODS_HINT})")
        return SicknessCase.ongoing(first)
    try:
        return last_case(to_absences(raw, argument))
    except ReintegratieError as exc:
        raise ArgumentError(argument, core_reason(exc)) from None
