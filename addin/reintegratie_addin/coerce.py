"""Excel values → core types, per the calling conventions of the Excel contract.

This is the only place where Excel's loose values become the core's exact ones:

* dates: a date cell (``datetime``), ``date``, an Excel serial number (1900 system, with
  Lotus' fictitious 29-02-1900 = serial 60 refused), or text ``JJJJ-MM-DD``, ``D-M-JJJJ``,
  ``DD-MM-JJJJ``; ``None`` and ``""`` mean "not given";
* booleans: TRUE/FALSE, 1/0, ``ja``/``nee``/``waar``/``onwaar`` (any case);
* amounts: numbers (a ``float`` becomes ``Decimal(repr(x))``) or numeric text with ``.`` or
  ``,`` as decimal separator; negative amounts are refused;
* percentages: ``0.7``, ``70%`` (Excel sends 0.7) or ``70``;
* codes: case-insensitive, spaces, ``-`` and ``_`` equivalent, accents ignored.

Every failure is an [`ArgumentError`][reintegratie_addin.coerce.ArgumentError] that names the argument and says, in Dutch,
what was given and what is accepted.
"""

from __future__ import annotations

import enum
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from reintegratie_core.money import fraction, money

E = TypeVar("E", bound=enum.Enum)

#: The last date Excel can show (serial 2 958 465).
MAX_SERIAL = 2_958_465
_EPOCH_AFTER_LEAP_BUG = date(1899, 12, 30)
_EPOCH_BEFORE_LEAP_BUG = date(1899, 12, 31)
DATE_HINT = "verwacht een datum, bijv. 2025-01-06"


class ArgumentError(ValueError):
    """A value Excel sent that the argument ``argument`` does not accept."""

    def __init__(self, argument: str, message: str) -> None:
        self.argument = argument
        self.message = message
        super().__init__(f"{argument}: {message}")

    def excel_text(self) -> str:
        """The text Excel shows: ``#WAARDE! <argument>: <message>``."""
        return f"#WAARDE! {self.argument}: {self.message}"


def is_empty(value: Any) -> bool:
    """True for an empty cell: ``None`` or text of only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def describe(value: Any) -> str:
    """How a value is shown in an error message: text quoted, numbers as Excel shows them."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d-%m-%Y")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def serial_to_date(serial: float, argument: str) -> date:
    """An Excel serial number (1900 date system) as a date; the time of day is dropped.

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
    epoch = _EPOCH_BEFORE_LEAP_BUG if whole < 60 else _EPOCH_AFTER_LEAP_BUG
    return epoch + timedelta(days=whole)


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


def _parse_date_text(text: str, argument: str) -> date:
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


def to_date(value: Any, argument: str) -> date | None:
    """A date from an Excel value; ``None`` when the cell is empty."""
    kind = type(value)
    if kind is datetime:
        result: date = value.date()
        return result
    if kind is date:
        return value  # type: ignore[no-any-return]
    if value is None:
        return None
    if isinstance(value, bool):
        msg = f"{describe(value)} is geen datum ({DATE_HINT})"
        raise ArgumentError(argument, msg)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        return serial_to_date(float(value), argument)
    if isinstance(value, str):
        if not value.strip():
            return None
        return _parse_date_text(value, argument)
    msg = f"{describe(value)} is geen datum ({DATE_HINT})"
    raise ArgumentError(argument, msg)


def required_date(value: Any, argument: str) -> date:
    """Like [`to_date`][reintegratie_addin.coerce.to_date], but an empty cell is an error."""
    result = to_date(value, argument)
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


def _to_decimal(value: Any, argument: str, hint: str) -> Decimal:
    if isinstance(value, bool):
        raise ArgumentError(argument, f"{describe(value)} is geen getal ({hint})")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ArgumentError(argument, f"{describe(value)} is geen eindig getal ({hint})")
        return Decimal(repr(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ArgumentError(argument, f"{describe(value)} is geen eindig getal ({hint})")
        return value
    if isinstance(value, str):
        text = value.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        elif "," in text and "." in text:
            # 1.250,50 (Dutch) or 1,250.50 (English): the last separator is the decimal one.
            decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
            thousands = "." if decimal_sep == "," else ","
            text = text.replace(thousands, "").replace(decimal_sep, ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            result = Decimal("NaN")
        if result.is_finite() and text:
            return result
    raise ArgumentError(argument, f"{describe(value)} is geen getal ({hint})")


AMOUNT_HINT = "verwacht een bedrag van 0 of meer, bijv. 1250,50"


def to_amount(value: Any, argument: str, default: Decimal | None = None) -> Decimal:
    """An amount in euros (``Decimal``); negative is an error; empty gives ``default``."""
    if is_empty(value):
        if default is None:
            raise ArgumentError(argument, f"ontbreekt ({AMOUNT_HINT})")
        return default
    amount = _to_decimal(value, argument, AMOUNT_HINT)
    if amount < 0:
        raise ArgumentError(argument, f"{describe(value)} is negatief ({AMOUNT_HINT})")
    return money(amount, name=argument)


PERCENT_HINT = "verwacht een percentage: 0,7, 70% of 70"


def to_percentage(value: Any, argument: str, default: Decimal | None = None) -> Decimal:
    """A percentage as a fraction: ``0.7``, ``70%`` (text or Excel's 0.7) or ``70``."""
    if is_empty(value):
        if default is None:
            raise ArgumentError(argument, f"ontbreekt ({PERCENT_HINT})")
        return default
    is_percent_text = isinstance(value, str) and value.strip().endswith("%")
    raw = value.strip().rstrip("%") if isinstance(value, str) else value
    number = _to_decimal(raw, argument, PERCENT_HINT)
    if is_percent_text or number > 1:
        number = number / 100
    if not 0 <= number <= 1:
        raise ArgumentError(
            argument, f"{describe(value)} ligt niet tussen 0% en 100% ({PERCENT_HINT})"
        )
    return fraction(number, name=argument)


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
    if is_empty(value):
        if default is None:
            raise ArgumentError(argument, f"ontbreekt ({hint})")
        return default
    number = _to_decimal(value, argument, hint)
    if number != number.to_integral_value():
        raise ArgumentError(argument, f"{describe(value)} is geen geheel getal ({hint})")
    result = int(number)
    if (minimum is not None and result < minimum) or (maximum is not None and result > maximum):
        raise ArgumentError(argument, f"{describe(value)} ligt buiten het bereik ({hint})")
    return result


@functools.lru_cache(maxsize=4096)
def normalize_code(text: str) -> str:
    """A code's canonical form: lower case, no accents, spaces/``-``/``_`` as ``_``."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s\-_]+", "_", plain).strip("_")


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


def to_text(value: Any, argument: str, default: str | None = None) -> str:
    """Text from a cell (numbers as Excel shows them); empty gives ``default``."""
    if is_empty(value):
        if default is None:
            raise ArgumentError(argument, "ontbreekt (verwacht tekst)")
        return default
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    raise ArgumentError(argument, f"{describe(value)} is geen tekst")


def optional(
    coerce: Callable[[Any, str], Any],
) -> Callable[[Any, str], Any]:
    """A coercer that maps an empty cell to ``None`` and otherwise uses ``coerce``."""

    def inner(value: Any, argument: str) -> Any:
        return None if is_empty(value) else coerce(value, argument)

    return inner


# --- Sickness: one first sick day, or a range of periods ---------------------------------

from reintegratie_core.errors import ReintegratieError  # noqa: E402
from reintegratie_core.sickness import Absence, SicknessCase, last_case, merge_cases  # noqa: E402

PERIODS_HINT = (
    "verwacht een eerste ziektedag of een bereik met per rij eerste ziektedag · laatste "
    "ziektedag (leeg = lopend) · optioneel 'verlof'"
)


def sickness_column(raw: Any) -> list[Any] | None:
    """A ``ziekte`` argument is lifted only when it is one column of single dates."""
    if not isinstance(raw, list) or len(raw) < 2:
        return None
    if set(map(type, raw)) == {list} and set(map(len, raw)) == {1}:
        return [row[0] for row in raw]
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
        raise ArgumentError(argument, f"rij {number}: {exc}") from None
    raise ArgumentError(
        argument,
        f"rij {number}: {describe(cells[2])} in de derde kolom (verwacht leeg of 'verlof')",
    )


def to_absences(raw: Any, argument: str) -> tuple[Absence, ...]:
    """Sick (and leave) periods from a date or a range of periods; at least one sick period."""
    if isinstance(raw, list) and raw and all(isinstance(r, list) for r in raw):
        if len(raw) == 1 and len(raw[0]) == 1:
            return to_absences(raw[0][0], argument)
        absences = [a for n, row in enumerate(raw, 1) if (a := _row_absence(row, n, argument))]
    elif isinstance(raw, list):
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
        raise ArgumentError(argument, str(exc)) from None
    return tuple(absences)


def to_sickness(raw: Any, argument: str) -> SicknessCase | date:
    """A ``ziekte`` argument: a first sick day (one ongoing period, kept as a ``date``)
    or the last sickness case of a range of periods."""
    kind = type(raw)
    if kind is datetime:
        result: date = raw.date()
        return result
    if kind is date:
        return raw  # type: ignore[no-any-return]
    if not isinstance(raw, list):
        first = to_date(raw, argument)
        if first is None:
            raise ArgumentError(argument, f"ontbreekt ({PERIODS_HINT})")
        return first
    return to_case(raw, argument)


def to_case(raw: Any, argument: str) -> SicknessCase:
    """The last sickness case of a ``ziekte`` argument (a date: one ongoing period)."""
    sickness = raw if isinstance(raw, SicknessCase) else None
    if sickness is not None:
        return sickness
    try:
        return last_case(to_absences(raw, argument))
    except ReintegratieError as exc:
        raise ArgumentError(argument, str(exc)) from None
