"""Test helper: a formula that is one ``RI_`` call with literal or reference arguments,
parsed so a test can call the function itself with what Excel would pass."""

from __future__ import annotations

import re
from typing import Any

import attrs
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries, range_to_tuple

from reintegratie_cli.recalc import forms

_WHOLE_NUMBER = re.compile(r"\d+")


@attrs.frozen
class Literal:
    """A constant argument: text, a number or TRUE/FALSE."""

    value: str | int | float | bool


@attrs.frozen(kw_only=True)
class Reference:
    """A cell or a rectangular range, on the formula's own sheet when ``sheet`` is None."""

    sheet: str | None
    min_row: int
    min_col: int
    max_row: int
    max_col: int


@attrs.frozen
class Omitted:
    """An argument left out between separators (``RI_X(A1,,3)``)."""


Argument = Literal | Reference | Omitted


@attrs.frozen
class SimpleCall:
    """``=RI_NAME(arg, …)`` whose arguments are literals, references or left out."""

    function: str
    arguments: tuple[Argument, ...]


def _literal(token: Token) -> Literal | None:
    value = token.value
    if token.subtype == Token.TEXT:
        return Literal(value[1:-1].replace('""', '"'))
    if token.subtype == Token.NUMBER:
        try:
            number: int | float = int(value) if _WHOLE_NUMBER.fullmatch(value) else float(value)
        except ValueError:
            return None
        return Literal(number)
    if token.subtype == Token.LOGICAL and value.upper() in ("TRUE", "FALSE"):
        return Literal(value.upper() == "TRUE")
    return None


def _reference(text: str) -> Reference | None:
    try:
        sheet, bounds = range_to_tuple(text) if "!" in text else (None, range_boundaries(text))
    except (ValueError, TypeError, IndexError):
        return None
    min_col, min_row, max_col, max_row = bounds
    if None in (min_col, min_row, max_col, max_row):
        return None  # whole rows or columns: left to the engine
    if sheet is not None and ("[" in sheet or "]" in sheet):
        return None  # another workbook
    return Reference(
        sheet=sheet, min_row=min_row, min_col=min_col, max_row=max_row, max_col=max_col
    )


def _argument(tokens: list[Token]) -> Argument | None:
    if not tokens:
        return Omitted()
    negative = False
    if len(tokens) == 2 and tokens[0].type == Token.OP_PRE and tokens[0].value in "+-":
        negative = tokens[0].value == "-"
        tokens = tokens[1:]
        if tokens[0].subtype != Token.NUMBER:
            return None
    if len(tokens) != 1 or tokens[0].type != Token.OPERAND:
        return None
    token = tokens[0]
    if token.subtype == Token.RANGE:
        return _reference(token.value)
    literal = _literal(token)
    if literal is not None and negative:
        value: Any = literal.value
        return Literal(-value)
    return literal


def _single_call(formula: str, known: frozenset[str] | set[str]) -> tuple[str, list[Token]] | None:
    """``(name, tokens between the parentheses)`` when the formula is one call of a known
    function with no nested calls, parentheses or arrays; else None."""
    found = forms.tokens(formula) if formula.startswith("=") else None
    if found is None:
        return None
    items = [t for t in found if t.type != Token.WSPACE]
    if len(items) < 2:
        return None
    first, last = items[0], items[-1]
    opens = first.type == Token.FUNC and first.subtype == Token.OPEN
    closes = last.type == Token.FUNC and last.subtype == Token.CLOSE
    if not (opens and closes) or first.value[:-1].upper() not in known:
        return None
    inner = items[1:-1]
    if any(t.type in (Token.FUNC, Token.PAREN, Token.ARRAY) for t in inner):
        return None
    return first.value[:-1].upper(), inner


def parse_simple_call(formula: str, known: frozenset[str] | set[str]) -> SimpleCall | None:
    """The formula as one call of a ``known`` function with simple arguments, else None."""
    found = _single_call(formula, known)
    if found is None:
        return None
    name, inner = found
    if not inner:
        return SimpleCall(name, ())
    groups: list[list[Token]] = [[]]
    for token in inner:
        if token.type == Token.SEP and token.subtype == Token.ARG:
            groups.append([])
        else:
            groups[-1].append(token)
    arguments = [_argument(group) for group in groups]
    if any(argument is None for argument in arguments):
        return None
    return SimpleCall(name, tuple(a for a in arguments if a is not None))
