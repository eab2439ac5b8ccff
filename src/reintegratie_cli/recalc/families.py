"""Columns of one ``RI_`` formula filled down, computed as one lifted call.

A back office fills ``=RI_MIJLPAAL(C5;"42e week")`` down a column of thousands of rows.
Calling the function once per cell costs the engine a Python call per cell; the ``RI_``
functions lift over a one-column range (one result per row, ``spec/excel-functions.md``),
so :func:`families` finds such runs and :func:`lifted_formula` writes the one call that
computes the whole run: ``=RI_MIJLPAAL(C5:C5004;"42e week")`` in the first cell, spilling
over the others. The cells keep their own formulas in the copy; only the engine computes
them together. The engine checks afterwards that the call filled exactly the run, and
otherwise computes the run cell by cell.

A run qualifies only when it cannot mean anything else: each formula is the previous one
with its relative rows one lower (checked on the text), it is one call of a declared ``RI_``
function that does not return a table, and every argument is a literal, a left-out
argument, a fixed single cell, or a relative single cell (on another column or sheet) whose
parameter lifts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
from openpyxl.formula.tokenizer import Token  # type: ignore[import-untyped]

from reintegratie_cli.recalc import forms
from reintegratie_cli.recalc.forms import OMITTED_FUNCTION

#: Rows one lifted call covers (the engine spills at most 10,000 cells).
BLOCK = 5_000
#: Shorter runs are left cell by cell.
SHORTEST = 8

_RELATIVE_ROW = re.compile(r"(?<![A-Za-z_\d.$'])(\$?[A-Za-z]{1,3})(\d+)(?![\d(!A-Za-z_])")
_STRING = re.compile(r'"(?:[^"]|"")*"')


def shifted(formula: str, delta: int) -> str:
    """The formula with every relative row number (outside texts) moved by ``delta``."""
    parts = []
    last = 0
    for string in _STRING.finditer(formula):
        parts.append(_shift(formula[last : string.start()], delta))
        parts.append(string.group(0))
        last = string.end()
    parts.append(_shift(formula[last:], delta))
    return "".join(parts)


def _shift(text: str, delta: int) -> str:
    return _RELATIVE_ROW.sub(lambda m: f"{m[1]}{int(m[2]) + delta}", text)


@attrs.frozen(kw_only=True)
class Family:
    """A run of one formula filled down: ``column``, rows ``top``–``bottom``."""

    column: int
    top: int
    bottom: int
    #: The lifted call computing the whole run, for the top cell.
    formula: str


def _liftable(function: Callable[..., Any]) -> tuple[bool, ...] | None:
    """Per parameter whether it lifts, for a declared ``RI_`` function that may be lifted."""
    declared = getattr(function, "ri_function", None)
    if declared is None or getattr(declared, "returns_table", True):
        return None
    return tuple(bool(getattr(param, "lift", False)) for param in declared.params)


def lifted_formula(
    formula: str, top: int, bottom: int, column: int, lifts: tuple[bool, ...]
) -> str | None:
    """The call over rows ``top``–``bottom`` for the run whose first formula is ``formula``
    (in row ``top``), or None when an argument does not allow it."""
    found = forms.tokens(formula)
    if not found:
        return None
    items = [t for t in found if t.type != Token.WSPACE]
    if items[0].type != Token.FUNC or items[0].subtype != Token.OPEN:
        return None
    depth = 0
    argument = 0
    out = [items[0].value]
    varying = False
    index = 1
    while index < len(items):
        token = items[index]
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            # Only the left-out marker may stand inside the call.
            closing = items[index + 1] if index + 1 < len(items) else None
            if token.value[:-1].upper() != OMITTED_FUNCTION or closing is None:
                return None
            out.append(token.value + closing.value)
            index += 2
            continue
        if token.type == Token.FUNC and token.subtype == Token.CLOSE:
            depth -= 1
            out.append(token.value)
            if depth < 0 and index != len(items) - 1:
                return None
            index += 1
            continue
        if token.type == Token.SEP and token.subtype == Token.ARG:
            argument += 1
            out.append(token.value)
            index += 1
            continue
        if token.type != Token.OPERAND:
            return None
        found_operand = _operand(token, argument, lifts, column, bottom - top)
        if found_operand is None:
            return None
        value, moves = found_operand
        varying = varying or moves
        out.append(value)
        index += 1
    return "=" + "".join(out) if varying else None


def _operand(
    token: Any, argument: int, lifts: tuple[bool, ...], column: int, rows: int
) -> tuple[str, bool] | None:
    """An argument as it stands in the lifted call, and whether it moves with the row;
    None when the run cannot be lifted because of it."""
    value: str = token.value
    if token.subtype != Token.RANGE:
        return value, False
    sheet, _, cell = value.rpartition("!")
    match = _RELATIVE_ROW.fullmatch(cell)
    if match is not None:
        same_column = not sheet and _column(match[1]) == column
        if argument >= len(lifts) or not lifts[argument] or same_column:
            return None
        return f"{value}:{match[1]}{int(match[2]) + rows}", True
    fixed = cell.count("$") >= (4 if ":" in cell else 2)
    return (value, False) if fixed else None


def _column(letters: str) -> int:
    number = 0
    for letter in letters.replace("$", "").upper():
        number = number * 26 + ord(letter) - 64
    return number


def families(
    formulas: Mapping[tuple[int, int], str], functions: Mapping[str, Callable[..., Any]]
) -> Iterator[Family]:
    """The runs of ``formulas`` (cell → text with ``=``) that one lifted call computes."""
    by_column: dict[int, list[int]] = {}
    for (row, column), text in formulas.items():
        if text[:4].upper() == "=RI_":
            by_column.setdefault(column, []).append(row)
    lifting: dict[str, tuple[bool, ...] | None] = {}
    for column, rows in by_column.items():
        rows.sort()
        start = 0
        for position in range(1, len(rows) + 1):
            ends = position == len(rows) or not (
                rows[position] == rows[position - 1] + 1
                and formulas[(rows[position], column)]
                == shifted(formulas[(rows[position - 1], column)], 1)
                and position - start < BLOCK
            )
            if not ends:
                continue
            top, bottom = rows[start], rows[position - 1]
            start = position
            if bottom - top + 1 < SHORTEST:
                continue
            text = formulas[(top, column)]
            name = text[1 : text.index("(")].upper() if "(" in text else ""
            if name not in lifting:
                function = functions.get(name)
                lifting[name] = _liftable(function) if function is not None else None
            lifts = lifting[name]
            if lifts is None:
                continue
            call = lifted_formula(text, top, bottom, column, lifts)
            if call is not None:
                yield Family(column=column, top=top, bottom=bottom, formula=call)
