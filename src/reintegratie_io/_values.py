"""Dutch dates, amounts and codes as people type them, for both shells (Excel and CLI).

Neither the add-in nor the command line owns this module; both parse cell and field values
with it, so a date, a number or a code means the same everywhere:

* dates: ``date``/``datetime``, a spreadsheet serial number (1900 date system, as Excel
  and XLSX files store dates; Lotus' fictitious 29-02-1900 = serial 60 refused), or text
  ``JJJJ-MM-DD``, ``D-M-JJJJ``, ``DD-MM-JJJJ``; ``None`` and ``""`` mean "not given";
* booleans: TRUE/FALSE, 1/0, ``ja``/``nee``/``waar``/``onwaar`` (any case);
* numbers: ``int``, ``float`` (read at Excel's precision of 15 significant digits, see
  [`float_number`][reintegratie_io.float_number]), or text with ``.`` or ``,`` as
  decimal separator and the other as thousands separator (``1.250,50``, ``€ 1250``;
  ``1.234`` is 1234, ``1,234`` is refused as ambiguous: see
  [`to_decimal`][reintegratie_io.to_decimal]); ``-0`` is 0;
* codes: the core's [`canonical`][reintegratie_core.products.canonical] form (case, accents,
  spaces/``-``/``_`` ignored).

Every failure is an [`ArgumentError`][reintegratie_io.ArgumentError] naming the argument (or column) and saying, in
Dutch, what was given and what is accepted. The serial ↔ date conversion lives here once:
the add-in reads serials from Excel, the CLI reads and writes them in XLSX files.
Excel-only policy (which dates Excel can show, error values, ranges as arguments,
``#WAARDE!`` text) stays in the add-in.
"""

from __future__ import annotations

import enum
import functools
import math
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple, TypeVar

from reintegratie_core import error_argument
from reintegratie_core._explain import format_date
from reintegratie_core._statutory import MAX_SANCTION_WEEKS
from reintegratie_core.products import canonical

E = TypeVar("E", bound=enum.Enum)

DATE_HINT = "verwacht een datum, bijv. 2025-01-06"
#: The last serial of the 1900 date system (31-12-9999).
MAX_SERIAL = 2_958_465
#: The first date of the 1900 date system (serial 1); an earlier date has no serial Excel
#: or a reader of XLSX files shows as a date.
FIRST_SERIAL_DATE = date(1900, 1, 1)
#: Day 0 for serials from 61 on (after the fictitious 29-02-1900).
SERIAL_EPOCH = date(1899, 12, 30)
#: Day 0 for serials 1–59 (serial 1 = 01-01-1900).
_EARLY_EPOCH = date(1899, 12, 31)
_LEAP_BUG = date(1900, 3, 1)


class ArgumentError(ValueError):
    """A value that the argument (or column) ``argument`` does not accept."""

    def __init__(self, argument: str, message: str) -> None:
        self.argument = argument
        self.message = message
        super().__init__(f"{argument}: {message}")


def named_as(exc: Exception, names: Mapping[str, str]) -> tuple[str | None, str]:
    """A core error in a shell's terms: the name the user knows for the core parameter it
    names (``names`` maps the core's to the shell's: ``{"costs": "kosten"}``) and its reason
    without the core's name, which the user does not know; ``(None, reason)`` when it names
    none of ``names``, ``(None, str(exc))`` when it names no parameter at all."""
    named = error_argument(exc)
    if named is None:
        return None, str(exc)
    return names.get(named[0]), named[1]


class DateBounds(NamedTuple):
    """The dates an argument accepts, and how a refusal names them."""

    first: date
    last: date
    label: str


def is_empty(value: Any) -> bool:
    """True for an empty cell: ``None`` or text of only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


#: The longest text a message quotes whole, and how much of a longer one it shows.
_LONGEST_TEXT = 100
_SHOWN_TEXT = 60


def describe(value: Any) -> str:
    """How a value is shown in an error message: text quoted as typed, numbers as a Dutch
    Excel shows them (15 significant digits, decimal comma: ``200``, ``0,8``, ``1E+300``), a
    date ``DD-MM-JJJJ``, a time ``UU:MM``; never a Python ``repr``. A text of more than
    ``_LONGEST_TEXT`` characters is quoted by its start and its length (``"xxx…" (40.000
    tekens)``): a message must fit in a cell and be read."""
    if isinstance(value, str):
        if len(value) > _LONGEST_TEXT:
            return f'"{value[:_SHOWN_TEXT]}…" ({thousands(len(value))} tekens)'
        return f'"{value}"'
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float) and math.isfinite(value):
        value = float_number(value)
    if isinstance(value, Decimal) and value.is_finite():
        return dutch_number(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return format_date(date(value.year, value.month, value.day))
    if isinstance(value, time):
        return _clock(value)
    if isinstance(value, timedelta):
        return f"een tijdsduur ({_duration(value)})"
    if isinstance(value, list | tuple | dict | set | frozenset):
        text = f"een reeks van {len(value)} waarden"
    else:  # also nan and inf
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def thousands(number: int) -> str:
    """A count the Dutch way in a message, with a thousands point: ``1.048.575``.

    The one formatter of counts for both shells: `describe`'s text lengths, the CLI's
    summaries and limits, and its mark on a text cut to fit an XLSX cell.
    """
    return f"{number:,}".replace(",", ".")


def dutch_number(number: Decimal) -> str:
    """A finite number as a Dutch Excel shows it in a message: decimal comma, no thousands
    separator, no trailing zeros after the comma; from 10^15 and below 10^-9 with an
    exponent as Excel writes it (``200``, ``12,5``, ``1E+300``)."""
    if number.is_zero():
        return "0"
    if not -9 <= number.adjusted() < _EXCEL_DIGITS:
        mantissa, _, exponent = f"{number.normalize():E}".partition("E")
        return f"{mantissa.replace('.', ',')}E{exponent[0]}{exponent[1:].rjust(2, '0')}"
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _clock(value: time) -> str:
    """A time of day as people write it: ``10:00``, ``10:00:30`` with seconds."""
    return f"{value:%H:%M:%S}" if value.second or value.microsecond else f"{value:%H:%M}"


def _duration(value: timedelta) -> str:
    """A duration as Excel shows one (format ``[u]:mm:ss``): whole hours, however many
    days, then minutes and seconds; ``72:00:00`` for three days, never Python's
    ``3 days, 0:00:00``. Fractions of a second are dropped."""
    micro = (value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds
    sign = "-" if micro < 0 else ""
    hours, rest = divmod(abs(micro) // 1_000_000, 3600)
    return f"{sign}{hours}:{rest // 60:02}:{rest % 60:02}"


def serial_to_date(serial: float, argument: str) -> date:
    """A serial number (1900 date system) as a date; the time of day is dropped.

    Serial 60 is the fictitious 29-02-1900 of Excel's 1900 leap-year bug and is refused;
    serials 1–59 count from 31-12-1899, from 61 on from 30-12-1899.
    """
    if not math.isfinite(serial) or serial < 1 or serial >= MAX_SERIAL + 1:
        msg = (
            f"{describe(serial)} is geen geldig datumserienummer (1 t/m {MAX_SERIAL}; {DATE_HINT})"
        )
        raise ArgumentError(argument, msg)
    whole = int(serial)
    if whole == 60:
        msg = f"serienummer 60 is de niet-bestaande datum 29-02-1900 ({DATE_HINT})"
        raise ArgumentError(argument, msg)
    epoch = _EARLY_EPOCH if whole < 60 else SERIAL_EPOCH
    return epoch + timedelta(days=whole)


def date_to_serial(day: date) -> int:
    """The serial number (1900 date system) of a date; the inverse of [`serial_to_date`][reintegratie_io.serial_to_date]."""
    if isinstance(day, datetime):
        day = day.date()
    return (day - (SERIAL_EPOCH if day >= _LEAP_BUG else _EARLY_EPOCH)).days


#: ASCII digits only (not ``\d``, which also matches Arabic-Indic or full-width digits):
#: Excel reads ``２０２５-０６-０１`` as text, no date.
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DUTCH = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})")


def parse_date_text(text: str, argument: str) -> date:
    """A date from text ``JJJJ-MM-DD``, ``D-M-JJJJ`` or ``DD-MM-JJJJ`` in ASCII digits."""
    stripped = text.strip()
    iso = _ISO.fullmatch(stripped)
    dutch = _DUTCH.fullmatch(stripped)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dutch:
            return date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
    except ValueError:
        pass
    msg = f"{describe(text)} is geen geldige datum ({DATE_HINT})"
    raise ArgumentError(argument, msg)


def to_date(value: Any, argument: str, within: DateBounds | None = None) -> date | None:
    """A date from a cell or field value; ``None`` when empty; ``within`` bounds it."""
    kind = type(value)
    if kind is datetime:
        result: date = value.date()
    elif kind is date:
        result = value
    elif value is None:
        return None
    elif isinstance(value, bool):
        msg = f"{describe(value)} is geen datum ({DATE_HINT})"
        raise ArgumentError(argument, msg)
    elif isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = date.fromordinal(value.toordinal())
    elif isinstance(value, int | float):
        return serial_to_date(float(value), argument)  # always within Excel's dates
    elif isinstance(value, time):  # a time-only cell, or a spreadsheet's date before 1900
        msg = (
            f"een tijd ({_clock(value)}), geen datum ({DATE_HINT}; een datum vóór "
            f"01-01-1900 kent Excel niet: schrijf die als tekst JJJJ-MM-DD)"
        )
        raise ArgumentError(argument, msg)
    elif isinstance(value, str):
        if not value.strip():
            return None
        result = parse_date_text(value, argument)
    else:
        msg = f"{describe(value)} is geen datum ({DATE_HINT})"
        raise ArgumentError(argument, msg)
    if within is not None and not within.first <= result <= within.last:
        msg = (
            f"{describe(value)} valt buiten {within.label} "
            f"({format_date(within.first)} t/m {format_date(within.last)}; {DATE_HINT})"
        )
        raise ArgumentError(argument, msg)
    return result


def required_date(value: Any, argument: str, within: DateBounds | None = None) -> date:
    """Like [`to_date`][reintegratie_io.to_date], but an empty value is an error."""
    result = to_date(value, argument, within)
    if result is None:
        raise ArgumentError(argument, f"ontbreekt ({DATE_HINT})")
    return result


_TRUE = frozenset({"ja", "waar", "true", "1", "j", "yes", "y"})
_FALSE = frozenset({"nee", "onwaar", "false", "0", "n", "no"})
BOOL_HINT = "verwacht WAAR/ONWAAR, 1/0 of ja/nee"


def to_bool(value: Any, argument: str, default: bool | None = None) -> bool:
    """A boolean from TRUE/FALSE, 1/0 or ja/nee/waar/onwaar; empty gives ``default``."""
    if isinstance(value, bool):
        return value
    if is_empty(value):
        if default is None:
            raise ArgumentError(argument, f"ontbreekt ({BOOL_HINT})")
        return default
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise ArgumentError(argument, f"{describe(value)} is geen ja/nee-waarde ({BOOL_HINT})")


#: A leading group of thousands: 1–3 digits, not starting with 0.
_LEADING_GROUP = re.compile(r"[1-9][0-9]{0,2}")
#: Digits grouped by thousands with ``.`` (Dutch) or ``,`` (English): 1.234.567.
_GROUPED = {sep: re.compile(rf"[1-9][0-9]{{0,2}}(?:\{sep}[0-9]{{3}})+") for sep in ".,"}
_DIGITS = re.compile(r"[0-9]*")


def _number_text(text: str, value: str, argument: str, hint: str) -> str:
    """``text`` (``value`` without ``€`` and spaces) as ``Decimal`` reads it: thousands
    separators dropped, ``.`` before decimals; the rules are
    [`to_decimal`][reintegratie_io.to_decimal]'s. Text that has no separator (``1e3``,
    ``abc``) is returned unchanged.
    """
    sign = text[:1] if text[:1] in "+-" else ""
    body = text[len(sign) :]
    dots, commas = body.count("."), body.count(",")
    if not dots and not commas:
        return text
    if dots and commas:  # 1.250,50 (Dutch) or 1,250.50 (English): the last one is decimal
        decimal_sep = "," if body.rfind(",") > body.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        whole, _, fraction = body.rpartition(decimal_sep)
        if not _GROUPED[thousands].fullmatch(whole) or not _DIGITS.fullmatch(fraction):
            raise ArgumentError(argument, f"{describe(value)} is geen getal ({hint})")
        return f"{sign}{whole.replace(thousands, '')}.{fraction}"
    separator = "." if dots else ","
    if dots + commas > 1:  # 1.234.567 or 1,234,567: only thousands
        if not _GROUPED[separator].fullmatch(body):
            raise ArgumentError(argument, f"{describe(value)} is geen getal ({hint})")
        return sign + body.replace(separator, "")
    whole, _, fraction = body.partition(separator)
    if len(fraction) == 3 and fraction.isdigit() and _LEADING_GROUP.fullmatch(whole):
        if separator == ".":  # 1.234: the Dutch thousands separator
            return sign + whole + fraction
        msg = (
            f"{describe(value)} is dubbelzinnig: duizendtallen of decimalen? (schrijf "
            f"{whole}{fraction} of {whole}.{fraction} voor duizendtallen, "
            f"{whole},{fraction}0 voor decimalen; {hint})"
        )
        raise ArgumentError(argument, msg)
    return f"{sign}{whole}.{fraction}"


def to_decimal(value: Any, argument: str, hint: str) -> Decimal:
    """A finite number from a number or numeric text (Dutch or English separators).

    Text is read as a careful Dutch Excel user means it; ``€`` and spaces are ignored:

    * both ``.`` and ``,``: the last one is the decimal separator, the other separates
      groups of three digits (``1.234,56`` and ``1,234.56`` are both 1234.56);
    * one kind, more than once: thousands separators (``1.234.567``, ``1,234,567``);
    * one ``.`` or ``,`` once: the decimal separator (``12,5``, ``12.5``, ``1234,567``,
      ``0,125``) — except before exactly three digits after a group of 1–3 digits
      (not ``0``): ``1.234`` is the Dutch 1234, and ``1,234`` — 1234 to an English
      reader, 1,234 to a Dutch one — is refused as ambiguous ("schrijf 1234 of 1.234 voor
      duizendtallen, 1,2340 voor decimalen").

    Groups of other than three digits between thousands separators (``1.23.456``) are no
    number, and neither is text with other than ASCII digits (``３``, ``٣``) or with ``_``
    (``1_000``): text to Excel, though Python's ``Decimal`` reads them. Every refusal is an
    [`ArgumentError`][reintegratie_io.ArgumentError] naming ``argument``.
    """
    if isinstance(value, bool):
        raise ArgumentError(argument, f"{describe(value)} is geen getal ({hint})")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ArgumentError(argument, f"{describe(value)} is geen eindig getal ({hint})")
        return float_number(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ArgumentError(argument, f"{describe(value)} is geen eindig getal ({hint})")
        return value.copy_abs() if value.is_zero() else value
    if isinstance(value, str):
        # stripped last, as Decimal did: a space of any kind next to "€" is still no part
        text = value.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
        if not text.isascii() or "_" in text:  # Decimal reads "３" and "1_0", Excel does not
            raise ArgumentError(argument, f"{describe(value)} is geen getal ({hint})")
        try:
            result = Decimal(_number_text(text, value, argument, hint))
        except InvalidOperation:
            result = Decimal("NaN")
        if result.is_finite() and text:
            return result.copy_abs() if result.is_zero() else result
    raise ArgumentError(argument, f"{describe(value)} is geen getal ({hint})")


#: Excel keeps and shows 15 significant digits of a number.
_EXCEL_DIGITS = 15
#: Below this every whole number of cents has at most 14 digits (see ``float_number``).
_CENTS_LIMIT = 1e12
_CENTS = Decimal("0.01")
_TENTHS = Decimal("0.1")


def float_number(value: float) -> Decimal:
    """A finite ``float`` (a number cell) as the number Excel holds: ``value`` rounded to
    Excel's 15 significant digits, as ``Decimal`` without trailing zeros after the point.

    Defined as ``Decimal(format(value, ".15g"))``, with ``-0`` read as 0. Excel shows,
    compares and stores 15 digits, so ``0.1 + 0.7`` (the double 0.79999999999999993) is the
    80 % the cell shows, ``1000 × (0.7 − 0.2)`` is 500 and 1.0000000000000002 is 1; and
    ``80.0`` is ``Decimal("80")``, ``12.5`` is ``Decimal("12.5")``.

    For a whole number ``n`` of cents from 0 up to € 10^12 (the common case: ``n = round(100
    · value)`` and ``n / 100 == value``) that is ``n`` cents built from the integer: ``n``
    has at most 14 digits and ``value`` lies within half an ulp (a relative 1.1·10^-16) of
    ``n / 100``, far inside half a unit of the 15th digit, so rounding to 15 digits gives
    ``n / 100`` exactly; ``.15g`` then drops the trailing zeros, as ``n % 100`` and ``n %
    10`` do here. [`cents_number`][reintegratie_io.cents_number] builds it.
    """
    if 0.0 <= value < _CENTS_LIMIT:
        cents = int(value * 100 + 0.5)
        if cents / 100 == value:
            return cents_number(cents)
    number = Decimal("%.15g" % value)  # noqa: UP031 -- %-format is the fastest way here
    return number.copy_abs() if number.is_zero() else number


def cents_number(cents: int) -> Decimal:
    """``cents`` (0 or more) cents in euros as [`float_number`][reintegratie_io.float_number]
    gives them: no trailing zeros after the point (``1250`` → 12.5, ``1200`` → 12)."""
    if cents % 10:
        return _CENTS * cents
    if cents % 100:
        return _TENTHS * (cents // 10)
    return Decimal(cents // 100)


def to_int(
    value: Any,
    argument: str,
    default: int | None = None,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    hint: str = "verwacht een geheel getal",
) -> int:
    """A whole number within ``[minimum, maximum]``; empty gives ``default``."""
    if type(value) is float and value.is_integer() and -_EXACT_INT < value < _EXACT_INT:
        result = int(value)  # a whole number of at most 15 digits: float_number's, directly
    elif is_empty(value):
        if default is None:
            raise ArgumentError(argument, f"ontbreekt ({hint})")
        return default
    else:
        number = to_decimal(value, argument, hint)
        if number != number.to_integral_value():
            raise ArgumentError(argument, f"{describe(value)} is geen geheel getal ({hint})")
        result = int(number)
    if (minimum is not None and result < minimum) or (maximum is not None and result > maximum):
        raise ArgumentError(argument, f"{describe(value)} ligt buiten het bereik ({hint})")
    return result


#: Below 10^15 a whole float has at most 15 digits: its ``int`` is what Excel holds.
_EXACT_INT = 1e15


#: What a number of weeks of loonsanctie may be: 0 up to the statutory maximum.
SANCTION_WEEKS_HINT = f"verwacht 0 t/m {MAX_SANCTION_WEEKS.value} weken"


def to_sanction_weeks(value: Any, argument: str, default: int | None = 0) -> int:
    """Weeks of loonsanctie imposed by the UWV: a whole number from 0 up to
    [`MAX_SANCTION_WEEKS`][reintegratie_core.MAX_SANCTION_WEEKS] (52, BW 7:629
    lid 11); an empty value gives ``default`` (``None``: it is refused). The one reading of
    a ``sanctieweken`` value for both shells.
    """
    return to_int(
        value,
        argument,
        default,
        minimum=0,
        maximum=MAX_SANCTION_WEEKS.value,
        hint=SANCTION_WEEKS_HINT,
    )


#: A code's key: the core's :func:`~reintegratie_core.products.canonical`, cached (codes
#: repeat down a column).
normalize_code = functools.lru_cache(maxsize=4096)(canonical)


def to_code(
    value: Any,
    argument: str,
    codes: type[E],
    aliases: Mapping[str, E] | None = None,
    default: E | None = None,
) -> E:
    """A member of the enum ``codes`` from its code or an alias; errors list the codes."""
    if is_empty(value):
        if default is not None:
            return default
        raise ArgumentError(argument, f"ontbreekt (bekend: {', '.join(m.value for m in codes)})")
    if isinstance(value, codes):
        return value
    if isinstance(value, str):
        key = normalize_code(value)
        table: dict[str, E] = _code_table(codes, aliases or _NO_ALIASES)
        if key in table:
            return table[key]
    known = ", ".join(m.value for m in codes)
    raise ArgumentError(argument, f"onbekende waarde {describe(value)} (bekend: {known})")


_NO_ALIASES: Mapping[str, Any] = {}
_CODE_TABLES: dict[tuple[type[enum.Enum], frozenset[tuple[str, Any]]], dict[str, Any]] = {}


def _code_table(codes: type[E], aliases: Mapping[str, E]) -> dict[str, E]:
    key = (codes, frozenset(aliases.items()))
    cached = _CODE_TABLES.get(key)
    if cached is not None:
        return cached
    table: dict[str, E] = {normalize_code(str(m.value)): m for m in codes}
    table.update({normalize_code(k): v for k, v in aliases.items()})
    _CODE_TABLES[key] = table
    return table


def to_text(
    value: Any, argument: str, default: str | None = None, hint: str = "verwacht tekst"
) -> str:
    """Text from a cell (numbers as Excel shows them); empty gives ``default``. A refusal
    says ``hint``: what the argument accepts."""
    if is_empty(value):
        if default is None:
            raise ArgumentError(argument, f"ontbreekt ({hint})")
        return default
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    raise ArgumentError(argument, f"{describe(value)} is geen tekst ({hint})")


__all__ = [
    "BOOL_HINT",
    "DATE_HINT",
    "FIRST_SERIAL_DATE",
    "MAX_SERIAL",
    "SANCTION_WEEKS_HINT",
    "SERIAL_EPOCH",
    "ArgumentError",
    "DateBounds",
    "cents_number",
    "date_to_serial",
    "describe",
    "dutch_number",
    "float_number",
    "is_empty",
    "named_as",
    "normalize_code",
    "parse_date_text",
    "required_date",
    "serial_to_date",
    "thousands",
    "to_bool",
    "to_code",
    "to_date",
    "to_decimal",
    "to_int",
    "to_sanction_weeks",
    "to_text",
]
