"""Formula text: the forms of an add-in call, and simple ``RI_`` calls.

Excel does not always save a call of an add-in function as typed. A workbook may hold

* ``_xludf.RI_MIJLPAAL(...)`` — the prefix of a user-defined function that Excel did not
  know when it saved the file;
* ``[1]!RI_MIJLPAAL(...)`` — a reference through the workbook's external link to the
  add-in file (how a function from an ``.xlam`` is stored);
* ``'C:\\...\\reintegratie.xlam'!RI_MIJLPAAL(...)`` or ``reintegratie.xlam!RI_MIJLPAAL(...)``
  — the same with the add-in's path written out (what Excel shows when the add-in is
  missing).

`normalize_addin_calls` rewrites every such call of an ``RI_`` function to the plain
``RI_NAME(...)``, leaving strings and everything else untouched. `parse_simple_call`
recognises the formulas that are one ``RI_`` call whose arguments are only literals and
cell references — the ones the recalculation can compute without the formula engine.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs
from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError  # type: ignore[import-untyped]
from openpyxl.utils.cell import range_boundaries, range_to_tuple  # type: ignore[import-untyped]

#: The prefixes Excel may save before an add-in function's name, in any combination.
_ADDIN_PREFIX = re.compile(
    r"""^(?P<prefix>(?:_xludf\.|\[\d+\]!|'(?:[^']|'')+'!|[^'!(\s"]+\.xla[m]?!)+)
        (?P<name>RI_\w+)\($""",
    re.IGNORECASE | re.VERBOSE,
)
_WHOLE_NUMBER = re.compile(r"\d+")


_MAY_HAVE_PREFIX = re.compile(r"(?:_xludf\.|!)\s*ri_", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def tokens(formula: str) -> tuple[Token, ...] | None:
    """The formula's tokens (openpyxl's tokenizer), or None when it cannot be read.

    Cached: one formula is looked at several times (forms, function names, simple call).
    """
    try:
        return tuple(Tokenizer(formula).items)
    except (TokenizerError, IndexError, ValueError):
        return None


def function_names(formula: str) -> list[str]:
    """The upper-case names of the functions the formula calls (prefixes such as
    ``_xlfn.`` kept, as the engine looks them up)."""
    found = tokens(formula) or ()
    return [
        token.value[:-1].upper()
        for token in found
        if token.type == Token.FUNC and token.subtype == Token.OPEN
    ]


def normalize_addin_calls(formula: str) -> str:
    """The formula with every prefixed ``RI_`` call as a plain ``RI_NAME(`` call.

    A formula the tokenizer cannot read, or without such a call, comes back unchanged.
    """
    if not formula.startswith("=") or not _MAY_HAVE_PREFIX.search(formula):
        return formula
    found = tokens(formula)
    if found is None:
        return formula
    changed = False
    parts = []
    for token in found:
        value = token.value
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            match = _ADDIN_PREFIX.match(value)
            if match:
                value = f"{match['name'].upper()}("
                changed = True
        parts.append(value)
    return "=" + "".join(parts) if changed else formula


#: The engine function that stands for a left-out argument of an ``RI_`` call (see
#: :func:`mark_omitted`).
OMITTED_FUNCTION = "RI__WEGGELATEN"


def mark_omitted(formula: str, known: frozenset[str] | set[str]) -> str:
    """The formula with every left-out argument of a ``known`` function's call written as
    ``RI__WEGGELATEN()``.

    The engine passes a left-out argument as 0, as Excel's own functions read it; Excel
    passes it to an add-in function as "missing", which xlwings makes ``None``. The marker
    function lets the engine pass that on. Formulas without such a call come back unchanged.
    """
    if "," not in formula or not any(name in formula.upper() for name in known):
        return formula
    found = tokens(formula)
    if found is None:
        return formula
    marker = f"{OMITTED_FUNCTION}()"
    parts: list[str] = []
    stack: list[bool] = []  # per open call/parenthesis/array: is it a known call?
    previous: Token | None = None  # the last token that is not white space
    for token in found:
        opens_slot = previous is not None and (
            (previous.type == Token.FUNC and previous.subtype == Token.OPEN)
            or (previous.type == Token.SEP and previous.subtype == Token.ARG)
        )
        in_known = bool(stack) and stack[-1]
        if token.type == Token.SEP and token.subtype == Token.ARG and in_known and opens_slot:
            parts.append(marker)
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
            is_sep = previous is not None and previous.type == Token.SEP
            if in_known and is_sep:
                parts.append(marker)
            if stack:
                stack.pop()
        elif token.subtype == Token.CLOSE and stack:
            stack.pop()
        parts.append(token.value)
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            stack.append(token.value[:-1].upper() in known)
        elif token.subtype == Token.OPEN:
            stack.append(False)
        if token.type != Token.WSPACE:
            previous = token
    return "=" + "".join(parts)


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
    found = tokens(formula) if formula.startswith("=") else None
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
