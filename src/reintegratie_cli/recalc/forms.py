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
``RI_NAME(...)``, leaving strings and everything else untouched. `mark_omitted`
marks a left-out argument of an ``RI_`` call (Excel passes it to an add-in as missing),
`cut_external` replaces every reference to another workbook by ``#REF!`` (nothing
outside the workbook is read), and `referenced_cells` measures what a formula's
references cost, a whole column as the rows its sheet uses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError
from openpyxl.utils.cell import column_index_from_string

#: The prefixes Excel may save before an add-in function's name, in any combination.
_ADDIN_PREFIX = re.compile(
    r"""^(?P<prefix>(?:_xludf\.|\[\d+\]!|'(?:[^']|'')+'!|[^'!(\s"]+\.xla[m]?!)+)
        (?P<name>RI_\w+)\($""",
    re.IGNORECASE | re.VERBOSE,
)


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


#: An argument slot with nothing in it: ``(,``, ``,,`` or ``,)`` (white space allowed).
_EMPTY_SLOT = re.compile(r"[(,]\s*[,)]")

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
    if not _EMPTY_SLOT.search(formula) or "RI_" not in formula.upper():
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


def cut_external(formula: str) -> tuple[str, list[str]]:
    """The formula with every reference to another workbook as ``#REF!``, and the links
    (``1`` for ``[1]Blad1!A1``, ``ander.xlsx`` for ``'[ander.xlsx]Blad1'!A1``) it named.

    Call `normalize_addin_calls` first: an add-in call through a link is not a
    reference.
    """
    if "[" not in formula:
        return formula, []
    found = tokens(formula)
    if found is None:
        return formula, []
    links = []
    parts = []
    for token in found:
        value = token.value
        if (
            token.type == Token.OPERAND
            and token.subtype == Token.RANGE
            and "[" in value
            and value.find("[") < value.rfind("!")
        ):
            start = value.index("[")
            end = value.find("]", start)
            links.append(value[start + 1 : end] if end > start else value)
            value = "#REF!"
        parts.append(value)
    return ("=" + "".join(parts), links) if links else (formula, [])


_STRING = re.compile(r'"(?:[^"]|"")*"')
_RANGE = re.compile(
    r"""(?:(?P<sheet>'(?:[^']|'')+'|[^\s'!:(),;=+\-*/&^<>"{}#]+)!)?
        (?P<a>\$?[A-Za-z]{1,3}\$?\d*|\$?\d+):(?P<b>\$?[A-Za-z]{1,3}\$?\d*|\$?\d+)""",
    re.VERBOSE,
)
_PART = re.compile(r"\$?(?P<col>[A-Za-z]{0,3})\$?(?P<row>\d*)")
_MAX_ROW = 1_048_576
_MAX_COL = 16_384


def _bound(text: str) -> tuple[int | None, int | None]:
    match = _PART.fullmatch(text)
    if match is None:
        return None, None
    column = column_index_from_string(match["col"].upper()) if match["col"] else None
    row = int(match["row"]) if match["row"] else None
    return row, column


def referenced_cells(
    formula: str, sheet: str, used: Mapping[str, tuple[int, int, int, int] | None]
) -> int:
    """The cells the formula's range references name, each clipped to the used area of
    its sheet (``used``: sheet name → ``(min_row, min_col, max_row, max_col)``).

    ``A:A`` on a sheet using rows 1–10 costs 10, not 1,048,576; a single cell costs
    nothing here (it is counted as a cell already).
    """
    if ":" not in formula:
        return 0
    total = 0
    for match in _RANGE.finditer(_STRING.sub('""', formula)):
        name = match["sheet"]
        if name is not None and name.startswith("'"):
            name = name[1:-1].replace("''", "'")
        area = used.get(name if name is not None else sheet)
        if area is None:
            continue
        row_a, col_a = _bound(match["a"])
        row_b, col_b = _bound(match["b"])
        rows = (min(row_a or 1, row_b or 1), max(row_a or _MAX_ROW, row_b or _MAX_ROW))
        columns = (min(col_a or 1, col_b or 1), max(col_a or _MAX_COL, col_b or _MAX_COL))
        height = min(rows[1], area[2]) - max(rows[0], area[0]) + 1
        width = min(columns[1], area[3]) - max(columns[0], area[1]) + 1
        if height > 0 and width > 0:
            total += height * width
    return total


_CALL_HEAD = re.compile(r"=\s*((?:_xludf\.)?[A-Za-z_][\w.]*)\(")


_DIGITS = bytes.maketrans(b"123456789", b"000000000")


def digits_as_zero(formula: str) -> bytes:
    """The formula with every digit 0 (a table lookup on its bytes: ``str.translate`` with a
    mapping costs 15x more)."""
    return formula.encode("utf-8", "surrogatepass").translate(_DIGITS)


def single_call(formula: str) -> str | None:
    """The upper-case name of the function when the formula is one call of it as a whole
    (``=RI_X(A1, 3)``, not ``=RI_X(A1)+7``), else None."""
    # Whether it is does not depend on the digits: a column of one formula is one lookup.
    if not _is_single_call(digits_as_zero(formula).decode("utf-8", "surrogatepass")):
        return None
    head = _CALL_HEAD.match(formula)
    return head[1].upper() if head is not None else None


@functools.lru_cache(maxsize=4096)
def _is_single_call(formula: str) -> bool:
    text = _STRING.sub('""', formula).rstrip()
    head = _CALL_HEAD.match(text)
    if head is None or not text.endswith(")"):
        return False
    depth = 0
    for match in _PARENTHESIS.finditer(text, head.end() - 1):
        depth += 1 if match.group(0) == "(" else -1
        if depth == 0:
            return match.end() == len(text)
    return False


_PARENTHESIS = re.compile(r"[()]")


_A1 = re.compile(
    r"\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+"
)


def qualify(formula: str, sheet: str) -> str:
    """The formula with every reference that names no sheet given ``sheet`` (to compute it
    on another sheet with the same meaning)."""
    found = tokens(formula)
    if found is None:
        return formula
    quoted = "'" + sheet.replace("'", "''") + "'!"
    parts = []
    for token in found:
        value = token.value
        if (
            token.type == Token.OPERAND
            and token.subtype == Token.RANGE
            and "!" not in value
            and _A1.fullmatch(value)
        ):
            value = quoted + value
        parts.append(value)
    return "=" + "".join(parts)
