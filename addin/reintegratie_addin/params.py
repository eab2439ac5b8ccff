"""Arguments more than one topic module declares: the product and the sickness.

The topic modules (``udfs_*``) are independent of each other (an import-linter contract);
what several of them take lives here, once.
"""

from __future__ import annotations

from typing import Any

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param
from reintegratie_core.errors import UnknownCodeError
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product


def to_product(value: Any, argument: str) -> Product:
    """A built-in product from its code (any case, spaces/-/_ equivalent, aliases)."""
    known = ", ".join(p.code for p in BUILTIN_PRODUCTS)
    if isinstance(value, Product):
        return value
    text = c.to_text(value, argument, "")
    if not text:
        raise c.ArgumentError(argument, f"ontbreekt (bekend: {known})")
    try:
        return builtin_product(text)
    except UnknownCodeError:
        raise c.ArgumentError(
            argument, f"onbekend product {c.describe(value)} (bekend: {known})"
        ) from None


ZIEKTE = Param(
    name="ziekte",
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
    coerce=c.to_sickness,
    column=c.sickness_column,
    dates=True,
)
ZIEKTE_TABEL = Param(
    name="ziekte",
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
    coerce=c.to_sickness,
    lift=False,
)
