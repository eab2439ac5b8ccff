"""What the compensation formulas share: parameter look-up, amounts, conditions, grounds."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TypeVar

import attrs

from reintegratie_core._checks import flag, flag_error
from reintegratie_core._errors import InvalidValueError, NotApplicableError, argument_error
from reintegratie_core._explain import Citation, Ground, ParameterValue
from reintegratie_core._parameters import Parameter, ParameterHistory
from reintegratie_core.products._model import Product

V = TypeVar("V", int, Decimal, str, bool)


def _naming(exc: InvalidValueError, argument: str | None) -> InvalidValueError:
    """A look-up's error naming ``argument``, the input that gave the date (when known)."""
    return exc if argument is None else argument_error(InvalidValueError, argument, str(exc))


def in_force(
    history: ParameterHistory[V], on: date | None, argument: str | None = None
) -> Parameter[V]:
    """The version of a parameter in force on ``on``; without a date, the newest version.

    The core has no clock: a caller that knows the relevant date (the contract year, the
    premium year) passes it; otherwise the conditions as they now read apply
    (domein §7). When no version is valid on ``on`` the error names
    ``argument``, the input that gave the date.
    """
    try:
        return history.at(date.max if on is None else on)
    except InvalidValueError as exc:
        raise _naming(exc, argument) from None


def _require(product: Product, name: str, what: str) -> None:
    if not product.has_parameter(name):
        msg = f"{product.code} kent geen {what} (parameter {name} ontbreekt)"
        raise argument_error(NotApplicableError, "product", msg)


@functools.lru_cache(maxsize=256)
def product_amount(
    product: Product, name: str, on: date | None, what: str, argument: str | None = None
) -> Parameter[Decimal]:
    """The product's amount or fraction parameter ``name`` in force on ``on`` (domain §7).

    A product without the parameter has no such rule: a
    [`NotApplicableError`][reintegratie_core.NotApplicableError] naming ``product`` and ``what``.
    When no version is valid on ``on`` the error names ``argument``, the input that gave
    the date.

    Decided once per (product, name, date): the look-up is pure and its arguments are the
    non-lifted ones of an Excel call (a product hashes once, ``cache_hash``), so a lifted
    column pays a cache hit per row, not the search through the versions. An error is not
    remembered: it is raised again on the next call.
    """
    _require(product, name, what)
    try:
        return product.decimal(name, on)
    except InvalidValueError as exc:
        raise _naming(exc, argument) from None


@functools.lru_cache(maxsize=256)
def product_decimal(product: Product, name: str, on: date | None) -> Parameter[Decimal]:
    """``product.decimal(name, on)``, decided once per (product, name, date): a pure look-up
    on the non-lifted arguments of an Excel call."""
    return product.decimal(name, on)


@functools.lru_cache(maxsize=256)
def product_whole(
    product: Product, name: str, on: date | None, what: str, argument: str | None = None
) -> Parameter[int]:
    """The product's whole-number parameter ``name`` (weeks, years) in force on ``on``.

    Decided once per arguments, as ``product_amount``: a pure look-up on the
    non-lifted arguments of an Excel call; an error is not remembered."""
    _require(product, name, what)
    try:
        return product.months(name, on)
    except InvalidValueError as exc:
        raise _naming(exc, argument) from None


def unmet(
    conditions: attrs.AttrsInstance | bool, citation: Citation, *, rule_id: str = ""
) -> tuple[Ground, ...]:
    """One ground per condition that is not met (``False``); none when all are met.

    ``conditions`` is either a conditions value whose boolean fields carry their Dutch code
    and wording as ``metadata["key"]`` and ``metadata["nl"]`` (see `condition`), or one boolean for "all conditions met" (as Excel gives
    it). A ``False`` boolean gives one ground for the whole article.
    """
    if isinstance(conditions, bool):
        if conditions:
            return ()
        return (
            Ground(
                rule=f"niet aan alle voorwaarden van {_article(citation)} is voldaan (opgegeven)",
                citation=citation,
                parameters=(("voorwaarden_voldaan", False),),
                rule_id=rule_id,
            ),
        )
    return tuple(
        Ground(
            rule=f"voorwaarde niet voldaan: {field.metadata['nl']}",
            citation=citation,
            parameters=((field.metadata["key"], False),),
            rule_id=rule_id,
        )
        for field in attrs.fields(type(conditions))
        if not getattr(conditions, field.name)
    )


def all_met(conditions: attrs.AttrsInstance | bool) -> bool:
    """Whether every condition is met: the value path's check; `unmet` renders the
    grounds of those that are not, when explained."""
    if type(conditions) is bool:
        return conditions
    if not attrs.has(type(conditions)):
        raise flag_error(
            "conditions", conditions, "of de voorwaarden als waarde (bijvoorbeeld ...Conditions)"
        )
    return all(getattr(conditions, field.name) for field in attrs.fields(type(conditions)))


def condition(key: str, text: str) -> bool:
    """A condition field (default: met) with its Dutch code and wording for explanations;
    a ``bool``: "nee" would be met."""
    met: bool = attrs.field(default=True, validator=flag, metadata={"key": key, "nl": text})
    return met


def _article(citation: Citation) -> str:
    return f"art. {citation.article}"


def grounds_for(
    rule: str,
    citations: Iterable[Citation],
    parameters: tuple[tuple[str, ParameterValue], ...],
    *,
    rule_id: str = "",
) -> tuple[Ground, ...]:
    """The same rule and values, once per citation (rendered as one line with all articles).

    ``rule_id`` names the public function applying the rule (see ``Ground.rule_id``).
    """
    return tuple(
        Ground(rule=rule, citation=c, parameters=parameters, rule_id=rule_id) for c in citations
    )
