"""The type checks at the core's entry points: a wrong-typed argument is a precise error.

The core takes what its annotations say and converts nothing (the shells convert Excel's
and a CSV's values): a date is a ``datetime.date`` and never a ``datetime`` (a
``datetime`` *is* a ``date`` subclass, but its time would travel into every result), a
closed set is its ``Enum`` member and not its text code, a product is a
``Product`` and not its code. Anything else is a ``TypeError``
that names the argument, what was given and what is accepted — at the public function that
received it, before any rule runs, never deep inside.

Every check is one ``type(x) is T`` identity test on the common path (a lifted Excel row
pays a few nanoseconds); the message is built only when it fails.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TypeVar

import attrs

from reintegratie_core._errors import argument_error

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


def _given(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def date_error(name: str, value: object) -> TypeError:
    """The error for ``value`` given as the date argument ``name``."""
    if isinstance(value, datetime):
        hint = "; geef een date zonder tijd (bijvoorbeeld waarde.date())"
    elif isinstance(value, str):
        hint = "; zet tekst eerst om (bijvoorbeeld date.fromisoformat(tekst))"
    else:
        hint = ""
    return argument_error(TypeError, name, f"verwacht een date, kreeg {_given(value)}{hint}")


def check_date(name: str, value: date) -> date:
    """``value`` when it is a ``datetime.date`` (not a ``datetime``); otherwise a
    ``TypeError`` naming ``name``."""
    if type(value) is not date:
        raise date_error(name, value)
    return value


def check_optional_date(name: str, value: date | None) -> date | None:
    """``check_date``, ``None`` allowed."""
    if value is not None and type(value) is not date:
        raise date_error(name, value)
    return value


def member_error(name: str, value: object, kind: type[enum.Enum]) -> TypeError:
    """The error for ``value`` given as the ``kind`` argument ``name``: a text code that
    exists is told which member to give, any other value the accepted codes."""
    codes = {member.value: member for member in kind}
    member = codes.get(value) if isinstance(value, str) else None
    if member is not None:
        hint = f"geef {kind.__name__}.{member.name}"
    else:
        accepted = ", ".join(str(m.value) for m in kind)
        hint = f"een van: {accepted}"
    return argument_error(
        TypeError, name, f"verwacht een {kind.__name__}, kreeg {_given(value)} ({hint})"
    )


def check_member(name: str, value: E, kind: type[E]) -> E:
    """``value`` when it is a member of ``kind``; otherwise a ``TypeError`` naming ``name``."""
    if type(value) is not kind:
        raise member_error(name, value, kind)
    return value


def check_optional_member(name: str, value: E | None, kind: type[E]) -> E | None:
    """``check_member``, ``None`` allowed."""
    if value is not None and type(value) is not kind:
        raise member_error(name, value, kind)
    return value


def instance_error(name: str, value: object, kind: type[object], hint: str = "") -> TypeError:
    """The error for ``value`` given as the ``kind`` argument ``name``."""
    suffix = f"; {hint}" if hint else ""
    return argument_error(
        TypeError, name, f"verwacht een {kind.__name__}, kreeg {_given(value)}{suffix}"
    )


def check_instance(name: str, value: T, kind: type[T], hint: str = "") -> T:
    """``value`` when it is a ``kind`` (or a subclass); otherwise a ``TypeError`` naming
    ``name``."""
    if not isinstance(value, kind):
        raise instance_error(name, value, kind, hint)
    return value


def product_error(name: str, value: object) -> TypeError:
    """The error for ``value`` given as the product argument ``name``: a product's code is
    told how to get the product, and so is a product's event table (``product.events``)."""
    # Imported here: only a failed check needs them, and both import this module.
    from reintegratie_core._entitlements import ProductRules
    from reintegratie_core.products._catalogue import BUILTIN_PRODUCTS

    if isinstance(value, str):
        hint = f"; haal het product op met builtin_product({value!r}) of load_product(tekst)"
    elif isinstance(value, ProductRules):
        code = value.product
        if any(product.code == code for product in BUILTIN_PRODUCTS):
            example = f"rc.products.{code.upper().replace('-', '_')} of builtin_product({code!r})"
        else:
            example = "load_product(tekst)"
        hint = (
            "; dit is de gebeurtenissentabel van een product (product.events): geef het "
            f"Product, bijv. {example}"
        )
    else:
        hint = ""
    return argument_error(TypeError, name, f"verwacht een Product, kreeg {_given(value)}{hint}")


def case_error(name: str, value: object) -> TypeError:
    """The error for ``value`` given as the sickness case argument ``name``."""
    hint = "; maak er een met SicknessCase.ongoing(eerste_ziektedag) of last_case(afwezigheden)"
    return argument_error(
        TypeError, name, f"verwacht een SicknessCase, kreeg {_given(value)}{hint}"
    )


def dates_error(*named: tuple[str, object, bool]) -> TypeError:
    """The error for the first of ``(name, value, optional)`` that is no date: for a
    function that tests several date arguments in one condition."""
    for name, value, optional in named:
        if not (optional and value is None) and type(value) is not date:
            return date_error(name, value)
    return TypeError("verwacht datums (datetime.date)")  # pragma: no cover - a caller's slip


# --- attrs validators: the same checks for a value's fields ------------------------------


def plain_date(_instance: object, attribute: attrs.Attribute[date], value: object) -> None:
    """attrs validator: the field is a ``datetime.date`` (not a ``datetime``)."""
    if type(value) is not date:
        raise date_error(attribute.name, value)


def optional_plain_date(
    _instance: object, attribute: attrs.Attribute[date | None], value: object
) -> None:
    """attrs validator: the field is ``None`` or a ``datetime.date`` (not a ``datetime``)."""
    if value is not None and type(value) is not date:
        raise date_error(attribute.name, value)


def member_of(kind: type[E]) -> Callable[[object, attrs.Attribute[E], object], None]:
    """attrs validator: the field is a member of ``kind`` (not its text code)."""

    def check(_instance: object, attribute: attrs.Attribute[E], value: object) -> None:
        if type(value) is not kind:
            raise member_error(attribute.name, value, kind)

    return check


def optional_member_of(
    kind: type[E],
) -> Callable[[object, attrs.Attribute[E | None], object], None]:
    """attrs validator: the field is ``None`` or a member of ``kind``."""

    def check(_instance: object, attribute: attrs.Attribute[E | None], value: object) -> None:
        if value is not None and type(value) is not kind:
            raise member_error(attribute.name, value, kind)

    return check


def count_error(name: str, value: object) -> TypeError:
    """The error for ``value`` given as the whole-number argument ``name``."""
    return argument_error(
        TypeError, name, f"verwacht een geheel getal (int), kreeg {_given(value)}"
    )


def flag_error(name: str, value: object, hint: str = "") -> TypeError:
    """The error for ``value`` given as the yes/no argument ``name``: ``"nee"`` and ``1``
    are true to Python, so anything but a ``bool`` is refused, never read as yes.

    The one wording of a refused yes/no in the core; ``hint`` names what else the
    argument accepts (``all_met``: the conditions as a record).
    """
    suffix = f"; {hint}" if hint else ""
    return argument_error(
        TypeError, name, f"verwacht True of False (bool), kreeg {_given(value)}{suffix}"
    )


def check_flag(name: str, value: bool) -> bool:
    """``value`` when it is a ``bool``; otherwise a ``TypeError`` naming ``name``."""
    if type(value) is not bool:
        raise flag_error(name, value)
    return value


def check_optional_flag(name: str, value: bool | None) -> bool | None:
    """``check_flag``, ``None`` allowed (not known)."""
    if value is not None and type(value) is not bool:
        raise flag_error(name, value)
    return value


def flag(_instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    """attrs validator: the field is a ``bool``."""
    if type(value) is not bool:
        raise flag_error(attribute.name, value)


def text_error(name: str, value: object, hint: str = "") -> TypeError:
    """The error for ``value`` given as the text (code, name) argument ``name``; ``hint``
    says how to get the text."""
    suffix = f"; {hint}" if hint else ""
    return argument_error(TypeError, name, f"verwacht tekst (str), kreeg {_given(value)}{suffix}")


def check_text(name: str, value: str) -> str:
    """``value`` when it is a ``str``; otherwise a ``TypeError`` naming ``name``."""
    if type(value) is not str:
        raise text_error(name, value)
    return value


def check_optional_text(name: str, value: str | None) -> str | None:
    """``check_text``, ``None`` allowed."""
    if value is not None and type(value) is not str:
        raise text_error(name, value)
    return value


def check_count(name: str, value: int) -> int:
    """``value`` when it is an ``int`` (not a ``bool``); otherwise a ``TypeError`` naming
    ``name``."""
    if type(value) is not int:
        raise count_error(name, value)
    return value


def check_iterable(name: str, values: object, kind: type[object]) -> None:
    """A ``TypeError`` naming ``name`` when ``values`` cannot be iterated (one value, or
    ``None``, where a list of ``kind`` belongs); Python would only say "object is not
    iterable"; one text where a list of texts belongs would be read letter by letter.
    A list or tuple passes at the cost of two type tests."""
    if type(values) is list or type(values) is tuple:
        return
    try:
        iter(values)  # type: ignore[call-overload]
    except TypeError:
        pass
    else:
        if not (kind is str and isinstance(values, str)):
            return
    hint = "; geef ook één waarde als lijst: [waarde]" if isinstance(values, kind) else ""
    msg = f"verwacht een lijst van {kind.__name__}-waarden, kreeg {_given(values)}{hint}"
    raise argument_error(TypeError, name, msg) from None


def items_error(name: str, items: Iterable[object], kind: type[object]) -> TypeError:
    """The error for the first of ``items`` (the argument ``name``) that is no ``kind``."""
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            return instance_error(f"{name}[{index}]", item, kind)
    return instance_error(name, items, kind)
