"""Money and percentages: exact ``Decimal`` euros, rounded once per result.

This module owns rounding. Every formula computes with unrounded ``Decimal`` values and
calls [`round_cents`][reintegratie_core.round_cents] exactly once, on its result, with ``ROUND_HALF_UP`` to whole
cents (EC Regulation 1103/97 art. 5; domein §1). A ``float`` never enters the
core: [`money`][reintegratie_core.money] refuses it with a ``TypeError``; shells read a
number cell at Excel's 15 significant digits (``reintegratie_io.float_number``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from reintegratie_core._checks import flag_error
from reintegratie_core._errors import InvalidValueError, argument_error

CENT = Decimal("0.01")
ZERO = Decimal(0)

#: What a caller may pass as an amount: never a float.
AmountLike = Decimal | int | str


def money(value: AmountLike, name: str = "value", allow_negative: bool = False) -> Decimal:
    """Return ``value`` as an exact, finite ``Decimal`` amount of euros.

    ``float`` is refused (``TypeError``) because binary fractions are not cents; ``bool``
    is refused because ``True`` is not an amount. Negative amounts are an
    [`InvalidValueError`][reintegratie_core.InvalidValueError] naming ``name`` unless
    ``allow_negative``. ``name`` is the caller's parameter the value came in as (``costs``),
    which every error names; by default ``value``, this function's own.
    """
    if (
        type(value) is Decimal
        and value.is_finite()
        and not value.is_signed()
        and (allow_negative is False or allow_negative is True)
    ):
        return value  # already an exact amount: the common case, checked once per lifted row
    if type(allow_negative) is not bool:
        raise flag_error("allow_negative", allow_negative)
    return _convert(value, name, allow_negative)  # -0 and allowed negatives are accepted there


def _convert(
    value: AmountLike,
    name: str,
    allow_negative: bool,
    what: str = "bedrag",
    example: str = "1250.50",
) -> Decimal:
    """[`money`][reintegratie_core.money] for anything but an exact amount already: convert
    or refuse. Apart, so that the common case runs in a small frame (once per lifted row).
    ``what`` and ``example`` say what a message expects (an amount, or a fraction)."""
    inflected = "" if what == "bedrag" else "e"  # het bedrag: exact; de fractie: exacte
    if isinstance(value, (bool, float)):
        msg = f"{type(value).__name__} is geen exact{inflected} {what}; geef Decimal, int of tekst"
        raise argument_error(TypeError, name, msg)
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            msg = f'"{value}" is geen {what} (verwacht een getal, bijv. {example})'
            raise argument_error(InvalidValueError, name, msg) from None
    else:
        msg = f"{type(value).__name__} is geen {what}"
        raise argument_error(TypeError, name, msg)
    if not amount.is_finite():
        msg = f"{value} is geen eindig{inflected} {what}"
        raise argument_error(InvalidValueError, name, msg)
    if amount < 0 and not allow_negative:
        msg = f"{amount} is negatief (verwacht een {what} van 0 of meer)"
        raise argument_error(InvalidValueError, name, msg)
    if amount.is_zero() and amount.is_signed():  # -0 is 0: never '€ -0,00' in a text
        return amount.copy_abs()
    return amount


def fraction(value: AmountLike, *, name: str = "value") -> Decimal:
    """Return a percentage as a ``Decimal`` fraction in [0, 1] (70 % = ``Decimal("0.70")``).

    The core takes fractions only; shells accept ``70`` and ``70%`` and divide. Errors name
    ``name``, the caller's parameter (by default ``value``), as [`money`][reintegratie_core.money]'s do.
    """
    if type(value) is Decimal and value.is_finite() and not value.is_signed():
        result = value
    else:
        result = _convert(value, name, allow_negative=False, what="fractie", example="0.70")
    if result > 1:
        msg = f"{result} ligt niet tussen 0 en 1 (verwacht een fractie, bijv. 0.70)"
        raise argument_error(InvalidValueError, name, msg)
    return result


def round_cents(amount: Decimal) -> Decimal:
    """Round a formula's result to cents, half up (EC Reg. 1103/97 art. 5).

    Defined as: amount.quantize(Decimal("0.01"), ROUND_HALF_UP)

    Call once per result, never on intermediate values.
    """
    if type(amount) is not Decimal:
        msg = f"verwacht een Decimal, kreeg {type(amount).__name__} {amount!r}"
        raise argument_error(TypeError, "amount", msg)
    try:
        rounded = amount.quantize(CENT, ROUND_HALF_UP)  # positional: once per result, per row
    except InvalidOperation:  # not finite, or more digits than the context's precision
        rounded = _round_long(amount)
    if rounded.is_nan():  # a quiet NaN passes quantize unsignalled
        raise argument_error(InvalidValueError, "amount", f"{amount} is geen eindig bedrag")
    return rounded


def _round_long(amount: Decimal) -> Decimal:
    """[`round_cents`][reintegratie_core.round_cents] of an infinity (refused) or of an
    amount with more digits than the context holds (rounded in a context that holds them)."""
    if not amount.is_finite():
        raise argument_error(InvalidValueError, "amount", f"{amount} is geen eindig bedrag")
    context = Context(prec=max(amount.adjusted(), 0) + 4, rounding=ROUND_HALF_UP)
    return amount.quantize(CENT, context=context)


__all__ = [
    "CENT",
    "ZERO",
    "AmountLike",
    "fraction",
    "money",
    "round_cents",
]
