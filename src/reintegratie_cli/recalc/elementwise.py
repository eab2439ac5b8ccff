"""Formulas that need Excel's element-wise evaluation, which the engine does not do.

Excel evaluates a function whose parameter takes one value element by element when that
parameter gets a range or an array: ``=SUMPRODUCT(LEN(A1:A5))`` sums five lengths,
``=SUMPRODUCT(--ISNUMBER(B2:B50))`` counts the numbers, ``{=SUM(ABS(B2:B9))}`` sums the
absolute values. ``formualizer`` 0.13 does this for the operators (``+ - * / ^ & = < >`` …),
for ``IF``, ``IFERROR`` and ``IFNA``, and for ``SIN``, ``COS``, ``TAN`` and ``ATAN2`` — and
for no other function: ``LEN``, ``LEFT``, ``TRIM``, ``ROW`` take the first element, ``ISNUMBER`` and
``ISTEXT`` give FALSE, ``COUNTIF``/``MATCH``/``VLOOKUP`` with a range of criteria give 0 or
``#N/A``, ``ABS``, ``ROUND``, ``YEAR``, ``NOT`` give ``#VALUE!``. A recalculated copy must
never hold such a wrong number, so `unsupported` finds these calls before anything is
computed, in the engine's own parse tree (``calc.formula_tree``), and the formula is not
computed (`recalculation`).

What counts:

* a parameter that takes one value (Excel's "value" parameters) gets a range or an array:
  a multi-cell reference (``A1:A5``, ``A:A``, a defined name of a range, ``Tabel[Kolom]``,
  a spill ``A1#``), an array constant (``{1,2}``), an operator over one of these
  (``A1:A5=1``), or a function whose answer is an array (``FILTER``, ``SEQUENCE``,
  ``OFFSET(A1,0,0,5)``, ``INDEX(A:B,0,2)``, ``INDIRECT("A1:A5")``, ``IF`` over a range, a
  ``LET`` or ``LAMBDA`` name bound to a range …);
* not: the parameters that take a range or an array as a whole (`_ARRAY_PARAMETERS`:
  ``SUM``, ``SUMPRODUCT``, ``COUNTIF``'s range, ``MATCH``'s lookup array, ``INDEX``'s array
  …), which the engine computes as Excel; the functions the engine does evaluate element by
  element (`_LIFTED`, checked against the engine by the tests); the ``RI_`` functions, which
  get a range as Excel passes it to the add-in; a function the engine does not know (it
  gives ``#NAME?`` and is reported as unknown: nothing is known of its parameters).

A plain formula (``<f>`` without ``t="array"``: written by Excel 2019 or earlier, by openpyxl,
or by Excel 365 for a formula that means the same there) has Excel's older meaning, which
the engine, computing as Excel 365, does not have: a range where one value is wanted —
an operator's operand (``SUM(B1:B5*2)``, ``B1:B5&"x"``), a one-value parameter (``ABS(B1:B5)``,
``IF``'s condition, ``IFERROR``), or the formula's whole answer (``=B1:B5``) — becomes the
one cell of the range in the formula's own row or column (implicit intersection; Excel 365
shows it as ``@B1:B5``; ``#VALUE!`` where there is none). `unsupported` with ``legacy``
finds such a range too, and the formula is not computed either. Not so:

* inside a parameter that Excel evaluates as an array even in a plain formula
  (`_ARRAY_CONTEXT`: ``SUMPRODUCT``, ``INDEX``'s array, ``LOOKUP``'s vectors, ``MMULT`` …,
  Excel's "array" parameter class as LibreOffice's OOXML import records it);
* a range given whole to a parameter that takes a range (``SUM(B1:B5)``, ``COUNTIF``'s
  range, ``MATCH``'s lookup array, ``IF``'s answers …) or to an ``RI_`` function (Excel
  passes the range to an add-in function as it is);
* an array that is no range (``{1,2,3}*2``, an ``RI_`` function's answer): it spills, as
  in Excel 365, and the copy stores such a formula as a dynamic array, so Excel shows the
  same (the add-in's lifted columns, ``=RI_MIJLPAAL(C5:C16;…)``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from reintegratie_cli.recalc import forms

#: Functions the engine evaluates element by element over a range or an array, as Excel
#: (every other one in 0.13 does not: ``RADIANS``, ``SINH``, ``ATAN`` … neither).
_LIFTED = frozenset({"IF", "IFERROR", "IFNA", "SIN", "COS", "TAN", "ATAN2"})


def _positions(spec: str) -> tuple[frozenset[int], int | None, int]:
    """``"2,3"``: parameters 2 and 3; ``"2+"``: from 2 on; ``"1,2/2"``: 1, then 2, 4, 6 …
    (1-based, as Excel's documentation counts); returned 0-based."""
    single: set[int] = set()
    start: int | None = None
    step = 1
    for item in spec.split(","):
        if item.endswith("+"):
            start = int(item[:-1]) - 1
        elif "/" in item:
            first, _, every = item.partition("/")
            start, step = int(first) - 1, int(every)
        else:
            single.add(int(item) - 1)
    return frozenset(single), start, step


#: Parameters that take a range or an array as a whole (Excel's "reference"/"array"
#: parameters): there a range is no element-wise evaluation. Every other parameter of
#: Excel's own functions takes one value.
_ARRAY_PARAMETERS: Mapping[str, tuple[frozenset[int], int | None, int]] = {
    name: _positions(spec)
    for spec, names in {
        "1+": (
            "SUM SUMSQ PRODUCT AVERAGE AVERAGEA COUNT COUNTA COUNTBLANK MAX MAXA MIN MINA "
            "MEDIAN MODE MODE.SNGL MODE.MULT STDEV STDEV.S STDEV.P STDEVP STDEVA STDEVPA VAR "
            "VAR.S VAR.P VARP VARA VARPA AVEDEV DEVSQ GEOMEAN HARMEAN KURT SKEW SKEW.P GCD LCM "
            "AND OR XOR CONCAT SUMPRODUCT SUMX2MY2 SUMX2PY2 SUMXMY2 CORREL PEARSON RSQ SLOPE "
            "INTERCEPT STEYX COVAR COVARIANCE.P COVARIANCE.S MULTINOMIAL TRANSPOSE ROWS COLUMNS "
            "AREAS MMULT MDETERM MINVERSE VSTACK HSTACK IMSUM IMPRODUCT ISREF TYPE FORMULATEXT "
            "ISFORMULA SHEET SHEETS LET MAP BYROW BYCOL REDUCE SCAN"
        ),
        "1": (
            "COUNTIF INDEX OFFSET LARGE SMALL PERCENTILE PERCENTILE.INC PERCENTILE.EXC QUARTILE "
            "QUARTILE.INC QUARTILE.EXC PERCENTRANK PERCENTRANK.INC PERCENTRANK.EXC TRIMMEAN IRR "
            "MIRR Z.TEST ZTEST UNIQUE SORT TOCOL TOROW CHOOSECOLS CHOOSEROWS TAKE DROP EXPAND "
            "WRAPROWS WRAPCOLS ARRAYTOTEXT"
        ),
        "2": "MATCH XMATCH VLOOKUP HLOOKUP RANK RANK.EQ RANK.AVG CELL FVSCHEDULE",
        "3": "NETWORKDAYS WORKDAY",
        "4": "NETWORKDAYS.INTL WORKDAY.INTL SERIESSUM",
        "1,2": (
            "FREQUENCY LINEST LOGEST PROB T.TEST TTEST F.TEST FTEST CHISQ.TEST CHITEST FILTER XIRR"
        ),
        "1,2,3": "TREND GROWTH GROUPBY PIVOTBY",
        "2,3": "LOOKUP XLOOKUP FORECAST FORECAST.LINEAR XNPV",
        "1,3": (
            "SUMIF AVERAGEIF DSUM DAVERAGE DCOUNT DCOUNTA DGET DMAX DMIN DPRODUCT DSTDEV "
            "DSTDEVP DVAR DVARP"
        ),
        "1,2/2": "SUMIFS AVERAGEIFS MAXIFS MINIFS SORTBY",
        "1/2": "COUNTIFS",
        "2+": "NPV CHOOSE SUBTOTAL SWITCH",
        "3+": "AGGREGATE",
        "1,3+": "TEXTJOIN",
        "2/2": "IFS",
    }.items()
    for name in names.split()
}

#: Parameters that Excel evaluates as an array even in a plain formula (Excel's "array"
#: parameter class, ``RA``/``VA`` in LibreOffice's table of Excel's functions,
#: ``sc/source/filter/oox/formulabase.cxx``), and the array parameters of the functions
#: that came with Excel 365's dynamic arrays (``FILTER`` …, which never had another
#: meaning): there a range is not intersected.
_ARRAY_CONTEXT: Mapping[str, tuple[frozenset[int], int | None, int]] = {
    name: _positions(spec)
    for spec, names in {
        "1+": (
            "SUMPRODUCT MMULT MDETERM MINVERSE FREQUENCY SUMXMY2 SUMX2MY2 SUMX2PY2 CHITEST "
            "CHISQ.TEST CORREL COVAR COVARIANCE.P COVARIANCE.S FTEST F.TEST INTERCEPT PEARSON "
            "RSQ STEYX SLOPE MODE MODE.SNGL MODE.MULT VSTACK HSTACK"
        ),
        "1": (
            "INDEX IRR MIRR UNIQUE SORT TOCOL TOROW CHOOSECOLS CHOOSEROWS TAKE DROP EXPAND "
            "WRAPROWS WRAPCOLS"
        ),
        "1,2": "LINEST LOGEST TTEST T.TEST PROB FILTER",
        "1,2,3": "TREND GROWTH GROUPBY PIVOTBY",
        "2": "XMATCH",
        "2,3": "LOOKUP FORECAST FORECAST.LINEAR XLOOKUP",
        "1,2/2": "SORTBY",
    }.items()
    for name in names.split()
}

#: Functions whose answer is a range when they get one (`_Walk._is_range`).
_RANGE_ANSWER = frozenset({"OFFSET", "INDIRECT", "INDEX"})
#: Functions that answer one of their arguments as it is, a range too.
_CHOOSING = frozenset({"IF", "CHOOSE", "IFS", "SWITCH"})

#: Functions whose answer is an array whatever they get.
_ARRAY_ANSWER = frozenset(
    [
        "FILTER",
        "SORT",
        "SORTBY",
        "UNIQUE",
        "SEQUENCE",
        "RANDARRAY",
        "TRANSPOSE",
        "MMULT",
        "MINVERSE",
        "MUNIT",
        "FREQUENCY",
        "TREND",
        "GROWTH",
        "LINEST",
        "LOGEST",
        "MODE.MULT",
        "TOCOL",
        "TOROW",
        "VSTACK",
        "HSTACK",
        "CHOOSECOLS",
        "CHOOSEROWS",
        "TAKE",
        "DROP",
        "EXPAND",
        "WRAPROWS",
        "WRAPCOLS",
        "TEXTSPLIT",
        "GROUPBY",
        "PIVOTBY",
    ]
)
_PREFIX = re.compile(r"^(?:_xlfn\.|_xlws\.|_xludf\.)+", re.IGNORECASE)


def _listed(
    table: Mapping[str, tuple[frozenset[int], int | None, int]], name: str, index: int
) -> bool:
    found = table.get(name)
    if found is None:
        return False
    single, start, step = found
    return index in single or (start is not None and index >= start and (index - start) % step == 0)


def _takes_array(name: str, index: int) -> bool:
    return _listed(_ARRAY_PARAMETERS, name, index)


def _takes_range(name: str, index: int) -> bool:
    """Whether a plain formula passes a range to this parameter as it is (`_Walk.call`)."""
    return _takes_array(name, index) or (name == "IF" and index > 0)


def _is_multi_cell(reference: str) -> bool:
    """A range of more than one cell (``A1:A5``, ``A:A``, ``Tabel[Kolom]``), not one cell
    (``A1``, ``Tabel[@Kolom]``) or a name. (A sheet name cannot hold a colon.)"""
    if "[" in reference:
        return "@" not in reference and "#this row" not in reference.lower()
    return ":" in reference


_CELL = re.compile(r"[A-Z]{1,3}[0-9]+")


def _is_one_cell_range(reference: str) -> bool:
    """A range from a cell to that same cell (``A2:A2``, ``$A$2:A2`` in the first row of a
    running range): one cell, however it is written."""
    sheets, _, area = reference.rpartition("!")
    if ":" in sheets:  # Blad1:Blad3!A2:A2: a cell on each of several sheets
        return False
    first, colon, last = area.replace("$", "").upper().partition(":")
    return bool(colon) and first == last and _CELL.fullmatch(first) is not None


def _is_two_dimensional(node: Mapping[str, Any]) -> bool:
    """A reference over more than one column (its rows are not looked at: see `Checker`)."""
    if node.get("node_type") != "Reference":
        return False
    area = str(node.get("reference", "")).rpartition("!")[2].replace("$", "")
    first, colon, last = area.partition(":")
    if not colon:
        return False
    left, right = first.rstrip("0123456789"), last.rstrip("0123456789")
    return not left or left.upper() != right.upper()


def _nodes(parts: list[Any]) -> list[Mapping[str, Any]]:
    """The parse-tree nodes among ``parts`` (dicts, and lists of them, nested)."""
    found: list[Mapping[str, Any]] = []
    for part in parts:
        if isinstance(part, dict):
            found.append(part)
        elif isinstance(part, list):
            found.extend(_nodes(part))
    return found


def _literal(node: Mapping[str, Any]) -> Any:
    return node.get("value") if node.get("node_type") == "Literal" else None


def _describe(node: Mapping[str, Any]) -> str:
    kind = node.get("node_type")
    if kind == "Reference":
        return str(node.get("reference"))
    if kind == "Array":
        return "een matrixconstante {…}"
    if kind == "Function":
        return f"de uitkomst van {_PREFIX.sub('', str(node.get('name', ''))).upper()}(…)"
    operand = node.get("operand", {})
    if kind == "UnaryOp" and node.get("operator") == "#" and "reference" in operand:
        return f"het overloopbereik {operand['reference']}#"
    return "een berekening over een bereik"


class _FoundError(Exception):
    """The first call that needs element-wise evaluation (ends the walk); ``intersected``:
    a range a plain formula intersects instead (``name`` is then the function or the
    operator, or ``""`` for the formula's answer)."""

    def __init__(self, name: str, argument: str, *, intersected: bool = False) -> None:
        super().__init__(name, argument)
        self.name = name
        self.argument = argument
        self.intersected = intersected


def _known(_name: str) -> bool:
    return True


class _Walk:
    def __init__(self, known: Callable[[str], bool] = _known, *, legacy: bool = False) -> None:
        #: Whether the engine knows a function: one it does not know is reported as
        #: unknown (``#NAME?``), not as element-wise (nothing is known of its parameters).
        self.known = known
        #: What the answer depended on beyond the formula's functions, operators and
        #: ranges: a number in it (INDEX's row 0 …), or a ``LET`` name.
        self.numbers = False
        self.names = False
        #: Whether a range's row numbers decided (``A2:A2`` is one cell, ``A2:A3`` not):
        #: such a formula is decided by itself each time, as one with a name.
        self.rows = False
        #: In a plain formula, outside the parameters of `_ARRAY_CONTEXT`: a range where
        #: one value is wanted is intersected (Excel before 365).
        self.legacy = legacy
        #: The nodes (by ``id``) whose value is a range of more than one cell, not an array
        #: Excel computed (a ``LET`` name bound to either counts as a range).
        self.ranges: set[int] = set()

    def intersected(self, name: str, node: Mapping[str, Any], is_array: bool) -> None:
        """Raise when a plain formula intersects ``node`` (where one value is wanted)."""
        if self.legacy and is_array and id(node) in self.ranges:
            raise _FoundError(name, _describe(node), intersected=True)

    def shape(self, node: Mapping[str, Any], names: Mapping[str, bool]) -> bool:
        """Whether ``node``'s value is a range or an array (raises `_FoundError` on the way)."""
        is_array = self._shape(node, names)
        if is_array and self._is_range(node):
            self.ranges.add(id(node))
        return is_array

    def _is_range(self, node: Mapping[str, Any]) -> bool:
        """Whether ``node``, a range or an array, is a range (its parts already walked)."""
        kind = node.get("node_type")
        if kind == "Reference":
            return True
        if kind == "UnaryOp":
            return node.get("operator") == "#"
        if kind == "BinaryOp":
            return node.get("operator") in (":", " ", ",")
        if kind != "Function":
            return False
        name = _PREFIX.sub("", str(node.get("name", ""))).upper()
        if name in _RANGE_ANSWER:
            return True
        if name not in _CHOOSING:
            return False
        arguments: list[Mapping[str, Any]] = list(node.get("args", []))
        chosen = {"IF": arguments[1:3], "IFS": arguments[1::2]}.get(name, arguments[1:])
        return any(id(argument) in self.ranges for argument in chosen)

    def _shape(self, node: Mapping[str, Any], names: Mapping[str, bool]) -> bool:
        kind = node.get("node_type")
        if kind == "Reference":
            return self.reference(str(node.get("reference", "")), names)
        if kind == "Array":
            for row in node.get("rows", []):
                for item in row:
                    self.shape(item, names)
            return True
        if kind in ("UnaryOp", "BinaryOp"):
            return self.operation(node, names)
        if kind == "Function":
            return self.call(node, names)
        if kind == "Call":
            return self.lambda_call(node, names)
        if kind in ("Literal", "Omitted"):
            return False
        # Any other node: its parts are looked at, and it is an array if one of them is.
        parts = [v for v in node.values() if isinstance(v, dict | list)]
        shapes = [self.shape(child, names) for child in _nodes(parts)]  # every part looked at
        return any(shapes)

    def operation(self, node: Mapping[str, Any], names: Mapping[str, bool]) -> bool:
        """An operator: its operands are one value each in a plain formula."""
        operator = str(node.get("operator"))
        if node.get("node_type") == "UnaryOp":
            operand = self.shape(node.get("operand", {}), names)
            if operator == "#":
                return True
            if operator != "@":
                self.intersected(operator, node.get("operand", {}), operand)
            return operand and operator != "@"
        left = self.shape(node.get("left", {}), names)
        right = self.shape(node.get("right", {}), names)
        if operator in (":", " ", ","):
            return True
        self.intersected(operator, node.get("left", {}), left)
        self.intersected(operator, node.get("right", {}), right)
        return left or right

    def reference(self, reference: str, names: Mapping[str, bool]) -> bool:
        """A reference is a range when it spans more than one cell, a name when bound so."""
        if reference.upper() in names:
            return names[reference.upper()]
        if not _is_multi_cell(reference):
            return False
        if "[" not in reference and _is_one_cell_range(reference):
            self.rows = True  # its row numbers decided
            return False
        return True

    def lambda_call(self, node: Mapping[str, Any], names: Mapping[str, bool]) -> bool:
        """``LAMBDA(x;…)(A1:A5)``: the body with each parameter as its argument."""
        given = [self.shape(argument, names) for argument in node.get("args", [])]
        callee = node.get("callee", {})
        parameters = list(callee.get("args", []))
        if callee.get("node_type") != "Function" or str(callee.get("name")).upper() != "LAMBDA":
            # A function by a name (``LET(f;LAMBDA(…);f(A1:A5))``): its body is not looked
            # up, so a range given to it is refused.
            self.shape(callee, names)
            for argument, is_array in zip(node.get("args", []), given, strict=False):
                if is_array:
                    raise _FoundError("LAMBDA", _describe(argument))
            return False
        self.names = True
        scope = dict(names)
        for parameter, is_array in zip(parameters[:-1], given, strict=False):
            scope[str(parameter.get("reference", "")).upper()] = is_array
        return self.shape(parameters[-1], scope) if parameters else any(given)

    def call(self, node: Mapping[str, Any], names: Mapping[str, bool]) -> bool:
        name = _PREFIX.sub("", str(node.get("name", ""))).upper()
        arguments: list[Mapping[str, Any]] = list(node.get("args", []))
        if name == "LET":
            return self.let(arguments, names)
        if name == "LAMBDA":
            return self.definition(arguments, names)
        legacy = self.legacy
        shapes = []
        for index, argument in enumerate(arguments):
            self.legacy = legacy and not _listed(_ARRAY_CONTEXT, name, index)
            shapes.append(self.shape(argument, names))
        self.legacy = legacy
        custom = name.startswith("RI_")  # gets a range as Excel passes it to the add-in
        # Unknown to the engine (a LET name is a LAMBDA of the formula): reported as such,
        # nothing is known of its parameters, and the walk goes on.
        unknown = not custom and name not in names and not self.known(name)
        for index, (argument, is_array) in enumerate(zip(arguments, shapes, strict=True)):
            if custom or unknown:
                continue
            if not _takes_range(name, index):
                self.intersected(name, argument, is_array)
            if is_array and name not in _LIFTED and not _takes_array(name, index):
                raise _FoundError(name, _describe(argument))
        if name in _ARRAY_ANSWER:
            return True
        if custom or name in _LIFTED:
            return any(shapes)
        if name in ("CHOOSE", "SWITCH"):
            return any(shapes[1:])
        if name == "IFS":
            return any(shapes[1::2])
        if name == "XLOOKUP":
            return len(arguments) > 2 and _is_two_dimensional(arguments[2])
        return self.reference_answer(name, arguments, shapes)

    def reference_answer(
        self, name: str, arguments: list[Mapping[str, Any]], shapes: list[bool]
    ) -> bool:
        """INDEX, OFFSET and INDIRECT answer a range when asked for one."""
        if name in ("INDEX", "OFFSET"):
            self.numbers = self.numbers or any(a.get("node_type") == "Literal" for a in arguments)
        if name == "INDEX":
            rest = arguments[1:3]
            if any(_literal(a) == 0 or a.get("node_type") == "Omitted" for a in rest):
                return True
            return len(arguments) == 2 and _is_two_dimensional(arguments[0])
        if name == "OFFSET":
            sizes = [a for a in arguments[3:5] if a.get("node_type") != "Omitted"]
            kept = len(sizes) < 2 and bool(shapes) and shapes[0]  # a size as the reference's
            return kept or any(_literal(a) != 1 for a in sizes)
        if name == "INDIRECT":
            text = _literal(arguments[0]) if arguments else None
            return not (isinstance(text, str) and ":" not in text and "[" not in text)
        return False

    def definition(self, arguments: list[Mapping[str, Any]], names: Mapping[str, bool]) -> bool:
        """``LAMBDA(x;…;body)`` not called here (a ``LET`` name, an argument of ``MAP`` …):
        a function, no array. Its parameters are names, not ranges (a ``LET`` name of a
        range is shadowed), and an array its body answers is the caller's answer, never
        an argument of ``LAMBDA``; the body is looked at for its own calls."""
        self.names = True
        if not arguments:
            return False
        scope = dict(names)
        for parameter in arguments[:-1]:
            scope[str(parameter.get("reference", "")).upper()] = False
        self.shape(arguments[-1], scope)
        return False

    def let(self, arguments: list[Mapping[str, Any]], names: Mapping[str, bool]) -> bool:
        self.names = True
        scope = dict(names)
        for index in range(0, len(arguments) - 1, 2):
            bound = str(arguments[index].get("reference", "")).upper()
            scope[bound] = self.shape(arguments[index + 1], scope)
        return self.shape(arguments[-1], scope) if arguments else False


def unsupported(
    tree: Mapping[str, Any], known: Callable[[str], bool] = _known, *, legacy: bool = False
) -> tuple[str, str] | None:
    """The first call in ``tree`` (the engine's parse tree, ``calc.formula_tree``) whose
    one-value parameter gets a range or an array: ``(function, what it gets)``; with
    ``legacy`` (a plain formula) also the first range it intersects: ``(function or
    operator, the range)``, ``("", the range)`` for the formula's answer. None when the
    formula has none. A function the engine does not know (``known`` says) is passed
    over: the engine gives it ``#NAME?`` and the report calls it unknown."""
    found = _unsupported(tree, known, legacy=legacy)[0]
    return None if found is None else (found.name, found.argument)


def _unsupported(
    tree: Mapping[str, Any], known: Callable[[str], bool] = _known, *, legacy: bool = False
) -> tuple[_FoundError | None, _Walk]:
    walk = _Walk(known, legacy=legacy)
    try:
        is_array = walk.shape(tree, {})
        walk.intersected("", tree, is_array)
    except _FoundError as found:
        return found, walk
    return None, walk


#: Only a formula with one of these can give a function a range or an array: a range, an
#: array constant, a spill or table reference (``:``, ``{``, ``#``, ``[``), or a function
#: that answers a range without one.
_MARKS = (":", "{", "#", "[")
#: Every function whose answer may be a range or an array without one given
#: (``TEXTSPLIT("a,b";",")``, ``VSTACK(A1;A2)``, ``SEQUENCE(3)``, ``OFFSET(A1;0;0;3)``).
_RANGE_MAKERS = _ARRAY_ANSWER | {"OFFSET", "INDIRECT"}
#: The names of the functions a formula (in upper case) calls, past Excel's prefixes.
_CALLED = re.compile(r"(?:_XLFN\.|_XLWS\.)*([A-Z][A-Z0-9_.]*)\s*\(")


#: The row numbers of references (digits after a letter or ``$``), not other numbers.
_ROW_DIGITS = re.compile(r"(?<=[A-Za-z$])\d+")


class Checker:
    """`unsupported` for many formulas: ``check(text)`` gives the Dutch reason a formula
    is not computed, or None.

    Whether a formula has such a call depends on its functions, operators and ranges, not on
    its row numbers (a range is a range whatever its rows; `_is_two_dimensional` reads
    columns only): so a column of one formula, whose cells differ only in their row
    numbers, is parsed once. The key is the formula with every digit 0
    (`forms.digits_as_zero`, cheap); where a number decides (``INDEX(A:A;0)``), with only
    the row numbers 0; a ``LET`` (whose names may differ in a digit) and a formula with a
    range of one cell (``$A$2:A2``, which ``$A$2:A3`` a row lower is not) are read each time.
    """

    def __init__(
        self,
        parse: Callable[[str], Mapping[str, Any] | None],
        unknown: Callable[[set[str]], set[str]] | None = None,
    ) -> None:
        self.parse = parse
        #: Which of some function names the engine does not know (``calc.unknown_functions``),
        #: asked once per name; None: every function is taken as known.
        self.unknown = unknown
        self.known_names: dict[str, bool] = {}
        #: Formulas (every digit 0) known to have no such call.
        self.clean: set[bytes] = set()
        #: Formulas (every digit 0) whose answer depends on their numbers, and those of
        #: them (row numbers 0) known to have no such call.
        self.by_numbers: set[bytes] = set()
        self.clean_by_numbers: set[str] = set()

    def check(self, formula: str, *, legacy: bool = False) -> str | None:
        """Why ``formula`` is not computed, or None; ``legacy``: it is a plain formula (no
        array formula), with Excel's older meaning (`unsupported`)."""
        if not any(mark in formula for mark in _MARKS) and _RANGE_MAKERS.isdisjoint(
            _CALLED.findall(formula.upper())
        ):
            return None
        mode = "L" if legacy else ""  # the two meanings are kept apart
        key = mode.encode() + forms.digits_as_zero(formula)
        if key in self.clean:
            return None
        rows = mode + _ROW_DIGITS.sub("0", formula) if key in self.by_numbers else None
        if rows is not None and rows in self.clean_by_numbers:
            return None
        tree = self.parse(formula)
        if tree is None:
            return None  # the engine cannot read it: reported as such (`calc.syntax_error`)
        found, walk = _unsupported(tree, self._known, legacy=legacy)
        if found is None:
            if walk.names or walk.rows:
                pass  # decided by this formula's own names or row numbers: not kept
            elif not walk.numbers:
                self.clean.add(key)
            else:
                self.by_numbers.add(key)
                self.clean_by_numbers.add(rows or mode + _ROW_DIGITS.sub("0", formula))
            return None
        return _reason(found)

    def _known(self, name: str) -> bool:
        """Whether the engine knows the function ``name`` (upper case, no prefix)."""
        if self.unknown is None:
            return True
        known = self.known_names.get(name)
        if known is None:
            known = self.known_names[name] = name not in self.unknown({name})
        return known


def _reason(found: _FoundError) -> str:
    """The Dutch reason a formula is not computed."""
    name, argument = found.name, found.argument
    if not found.intersected:
        return (
            f"niet berekend: {name} krijgt hier {argument}; Excel rekent dat per element, de "
            "rekenmotor niet (de uitkomst zou verkeerd zijn): de cel krijgt #N/B (#N/A); reken "
            "per rij, bijv. in een hulpkolom"
        )
    if not name:
        where = f"de formule geeft {argument} als uitkomst"
    elif name[0].isalpha() or name[0] == "_":  # a function, not an operator
        where = f"{name} krijgt hier {argument}"
    else:
        where = f"{argument} staat in een berekening ({name})"
    return (
        f"niet berekend: {where}; in een gewone formule (geen matrixformule) neemt Excel "
        "daarvan alleen de cel in de rij of kolom van de formule (impliciete doorsnede, in "
        "Excel 365 @), de rekenmotor het hele bereik (de uitkomst zou verkeerd zijn): de cel "
        "krijgt #N/B (#N/A); verwijs naar die ene cel, of voer de formule in als matrixformule"
    )
