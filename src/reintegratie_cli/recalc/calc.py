"""The formula engine: ``formualizer``, and nothing else of ours talks to it.

`compute` puts a workbook's values and formulas into a ``formualizer.Workbook``,
registers the ``RI_`` functions on it (through `values`, so each gets what Excel
would pass it), evaluates everything once and reads the values back:

* a formula whose answer is an array spills from its cell, as in Excel 365; the spilled
  cells and the extent are returned;
* a fixed array formula (``{=…}`` over ``C2:C101``) fills exactly its range, by Excel's
  rules (a single row or column repeats, cells outside the answer get ``#N/A``): its
  expression is computed on a scratch sheet of its own, and each cell of the range picks
  its element from there;
* ``TODAY()``/``NOW()`` follow the given date (the engine's deterministic clock);
  ``RAND``/``RANDBETWEEN`` use the engine's fixed seed, so a run repeats;
* ``WEBSERVICE`` and ``FILTERXML`` give ``#REF!``: nothing outside the workbook is read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime, time
from typing import Any

import attrs
import formualizer as fz

from reintegratie_cli.recalc import forms, values
from reintegratie_cli.recalc.forms import OMITTED_FUNCTION
from reintegratie_cli.recalc.safety import ErrorValue
from reintegratie_cli.stopping import received
from reintegratie_cli.table import fits_a_cell

#: Functions that would reach outside the workbook: they give ``#REF!``.
OUTSIDE = ("WEBSERVICE", "FILTERXML")
_SCRATCH = "werkmap·matrix·{}"


@attrs.frozen(kw_only=True)
class Input:
    """One sheet's cells as the engine gets them (formulas already rewritten)."""

    name: str
    values: Mapping[tuple[int, int], Any]
    #: Ordinary formulas by cell (text starting with ``=``).
    formulas: Mapping[tuple[int, int], str]
    #: Fixed array formulas: anchor cell → (text, (min_col, min_row, max_col, max_row)).
    arrays: Mapping[tuple[int, int], tuple[str, tuple[int, int, int, int]]]


@attrs.frozen(kw_only=True)
class Output:
    """One sheet's computed cells."""

    #: Every formula cell, array-formula cell and spilled cell, with its value.
    values: dict[tuple[int, int], Any]
    #: Anchor → (rows, columns) of a formula whose answer spilled.
    spills: dict[tuple[int, int], tuple[int, int]]
    #: Formula cells the engine refused to evaluate, with its reason.
    failed: dict[tuple[int, int], str]


def _outside(*_: Any) -> Any:
    return values.error_object("#REF!")


def _omitted() -> str:
    return values.OMITTED_TEXT


def _engine_value(value: Any) -> Any:
    if isinstance(value, ErrorValue):
        return values.error_object(str(value))
    return value


def _fixed_array_formula(scratch: str, row: int, column: int) -> str:
    """The formula of cell ``(row, column)`` (1-based in the range) of a fixed array
    formula whose answer is on the scratch sheet (Excel's rules for a fixed range)."""
    anchor = f"'{scratch}'!$A$1"
    answer = f"IF(ISREF({anchor}#),{anchor}#,{anchor})"
    return (
        f"=LET(x,{answer},r,ROWS(x),c,COLUMNS(x),"
        f"IF(OR(AND(r>1,{row}>r),AND(c>1,{column}>c)),NA(),"
        f"INDEX(x,IF(r=1,1,{row}),IF(c=1,1,{column}))))"
    )


def _config() -> Any:
    """The engine's settings: evaluation in one thread.

    The engine evaluates independent cells on several threads when it may, but every
    ``RI_`` call is Python and must hold the interpreter's lock: the threads then take
    turns for it, and a call costs 16-33 µs instead of 4-8 µs (an empty Python function
    over 100,000 cells, measured on two cores); Excel's own functions gain nothing
    measurable from the threads at this size (0.20 s against 0.19 s for 100,000 cells).
    """
    settings = fz.EvaluationConfig()
    settings.enable_parallel = False
    return fz.WorkbookConfig(eval_config=settings)


def _clock(workbook: Any, today: date | None) -> None:
    if today is not None:
        workbook.set_deterministic_clock(datetime.combine(today, time(0), tzinfo=UTC), "utc")


#: Rows per block of values put in at once (the engine's cost is per call, not per cell).
_BAND = 1000


def _runs(cells: Mapping[tuple[int, int], Any]) -> Iterator[tuple[int, int, list[Any]]]:
    """Runs of adjacent cells in one row: ``(row, first column, values)``."""
    run: list[Any] = []
    start = previous = (0, 0)
    for key in sorted(cells):
        if run and key == (previous[0], previous[1] + 1):
            run.append(_engine_value(cells[key]))
        else:
            if run:
                yield start[0], start[1], run
            run = [_engine_value(cells[key])]
            start = key
        previous = key
    if run:
        yield start[0], start[1], run


def _blocks(cells: Mapping[tuple[int, int], Any]) -> Iterator[tuple[int, int, list[list[Any]]]]:
    """The cells as rectangles without gaps: runs of the same columns in consecutive rows
    joined, up to `_BAND` rows (an empty cell is never written: the engine would keep
    it empty even where an array spills over it)."""
    block: list[list[Any]] = []
    top = left = 0
    for row, column, run in _runs(cells):
        if (
            block
            and column == left
            and len(run) == len(block[0])
            and row == top + len(block)
            and len(block) < _BAND
        ):
            block.append(run)
            continue
        if block:
            yield top, left, block
        block, top, left = [run], row, column
    if block:
        yield top, left, block


def compute(
    sheets: list[Input],
    functions: Mapping[str, Callable[..., Any]],
    *,
    today: date | None,
    tick: Callable[[int], object],
) -> tuple[dict[str, Output], dict[str, frozenset[int]]]:
    """Evaluate every formula; per sheet the computed cells, and per ``RI_`` function the
    columns of its answers that held dates.

    ``tick(n)`` is called as formulas are put in and as they are computed.
    """
    date_columns: dict[str, set[int]] = {}
    if not any(sheet.formulas or sheet.arrays for sheet in sheets):
        # Nothing to compute: the values need not go into the engine at all (for a
        # 150,000-row list that was most of the time).
        empty = {sheet.name: Output(values={}, spills={}, failed={}) for sheet in sheets}
        return empty, {name.upper(): frozenset() for name in functions}
    workbook = fz.Workbook(config=_config())
    for name, function in functions.items():
        seen = date_columns.setdefault(name.upper(), set())
        engine_function = _stoppable(workbook, values.adapt(function, seen))
        workbook.register_function(name, engine_function, min_args=0, max_args=None)
    workbook.register_function(OMITTED_FUNCTION, _omitted, min_args=0, max_args=0)
    for name in OUTSIDE:
        workbook.register_function(name, _outside, allow_override_builtin=True)
    _clock(workbook, today)
    workbook.set_temporal_egress("serial")
    for sheet in sheets:
        workbook.add_sheet(sheet.name)
    scratch_number = 0
    members: dict[str, dict[tuple[int, int], tuple[int, int]]] = {}
    for sheet in sheets:
        # Bottom block first: the engine copies a sheet's storage each time a write goes
        # below its last row, so top-down blocks cost time quadratic in the rows (20,000
        # rows of a portfolio, a block per row: 23 s; bottom-up: 0.4 s).
        for row, column, grid in reversed(list(_blocks(sheet.values))):
            workbook.set_values_batch(sheet.name, row, column, grid)
        for (row, column), text in sheet.formulas.items():
            workbook.set_formula(sheet.name, row, column, text)
        tick(len(sheet.formulas))
        for text, (min_col, min_row, max_col, max_row) in sheet.arrays.values():
            scratch_number += 1
            scratch = _SCRATCH.format(scratch_number)
            workbook.add_sheet(scratch)
            workbook.set_formula(scratch, 1, 1, forms.qualify(text, sheet.name))
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    formula = _fixed_array_formula(scratch, r - min_row + 1, c - min_col + 1)
                    workbook.set_formula(sheet.name, r, c, formula)
                    members.setdefault(sheet.name, {})[(r, c)] = (min_row, min_col)
        tick(len(sheet.arrays))
    failed_all = _evaluate(workbook, sheets)
    outputs = {
        sheet.name: _read(workbook, sheet, members.get(sheet.name, {}), failed_all)
        for sheet in sheets
    }
    tick(sum(len(s.formulas) + len(s.arrays) for s in sheets))
    dates = {name: frozenset(columns) for name, columns in date_columns.items()}
    return outputs, dates


def _stoppable(workbook: Any, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` as the engine calls it, cancelling the evaluation once a stop (Ctrl-C,
    SIGTERM) came. The engine turns an exception raised in a call — the stop's too — into
    an error value and goes on; so the stop is read from `stopping.received`, the rest of
    the evaluation is cancelled, and `_evaluate` raises the stop when the engine returns."""

    def engine_function(*args: Any) -> Any:
        stop = received()
        if stop is not None:
            workbook.cancel()
            raise stop
        return function(*args)

    return engine_function


def _evaluate(workbook: Any, sheets: list[Input]) -> dict[tuple[str, int, int], str]:
    """Evaluate all; if the engine refuses as a whole, cell by cell (failures returned).
    A stop received meanwhile (`_stoppable`) is raised once the engine returns."""
    try:
        workbook.evaluate_all()
    except Exception:  # noqa: BLE001 - the engine's refusal: fall back to cell by cell
        _raise_received()
        failed = {}
        for sheet in sheets:
            for row, column in [*sheet.formulas, *sheet.arrays]:
                _raise_received()
                try:
                    workbook.evaluate_cell(sheet.name, row, column)
                except Exception as exc:  # noqa: BLE001 - one cell's failure
                    detail = (
                        str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                    )
                    failed[(sheet.name, row, column)] = detail[:200]
        _raise_received()
        return failed
    _raise_received()
    return {}


def _raise_received() -> None:
    stop = received()
    if stop is not None:
        raise stop


def _box(cells: Iterator[tuple[int, int]]) -> tuple[int, int, int, int] | None:
    found = list(cells)
    if not found:
        return None
    rows = [r for r, _ in found]
    columns = [c for _, c in found]
    return min(rows), min(columns), max(rows), max(columns)


def _value(value: Any) -> Any:
    found = values.error_text(value)
    if found is not None:
        return found
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, str) and not fits_a_cell(value):
        return ErrorValue("#VALUE!")
    return value


def _read(
    workbook: Any,
    sheet: Input,
    members: Mapping[tuple[int, int], tuple[int, int]],
    failed_all: Mapping[tuple[str, int, int], str],
) -> Output:
    formula_cells = [*sheet.formulas, *members]
    box = _box(iter(formula_cells))
    out: dict[tuple[int, int], Any] = {}
    spills: dict[tuple[int, int], tuple[int, int]] = {}
    failed = {(r, c): why for (name, r, c), why in failed_all.items() if name == sheet.name}
    if box is None:
        return Output(values=out, spills=spills, failed=failed)
    min_row, min_col, max_row, max_col = box
    grid = workbook.sheet(sheet.name).get_values(
        fz.RangeAddress(sheet.name, min_row, min_col, max_row + 1, max_col + 1)
    )
    for key in formula_cells:
        out[key] = _value(grid[key[0] - min_row][key[1] - min_col])
    occupied = set(sheet.values) | set(sheet.formulas) | set(members)
    for row, column in sheet.formulas:
        below = (row + 1, column)
        right = (row, column + 1)
        candidates = [
            k
            for k in (below, right)
            if k not in occupied and grid[k[0] - min_row][k[1] - min_col] is not None
        ]
        if not candidates:
            continue
        with contextlib.suppress(Exception):
            role = workbook.inspect_cell(f"'{sheet.name}'!{_a1(row, column)}").cell.spill
            if role is None or role.extent is None:
                continue
            extent = role.extent.rsplit("!", 1)[-1]
            first, _, last = extent.partition(":")
            (r1, c1), (r2, c2) = _rc(first), _rc(last or first)
            spilled = workbook.sheet(sheet.name).get_values(
                fz.RangeAddress(sheet.name, r1, c1, r2, c2)
            )
            for i, line in enumerate(spilled):
                for j, item in enumerate(line):
                    out[(r1 + i, c1 + j)] = _value(item)
            spills[(row, column)] = (r2 - r1 + 1, c2 - c1 + 1)
    return Output(values=out, spills=spills, failed=failed)


def _a1(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _rc(a1: str) -> tuple[int, int]:
    a1 = a1.replace("$", "")
    letters = "".join(ch for ch in a1 if ch.isalpha())
    column = 0
    for ch in letters.upper():
        column = column * 26 + ord(ch) - 64
    return int(a1[len(letters) :]), column


def unknown_functions(names: set[str]) -> set[str]:
    """Of these function names (upper case, without ``RI_`` ones), those the engine does not
    know: each is probed once in a scratch workbook (an unknown one gives ``#NAME?``)."""
    if not names:
        return set()
    workbook = fz.Workbook()
    workbook.add_sheet("probe")
    ordered = sorted(names)
    for row, name in enumerate(ordered, start=1):
        with contextlib.suppress(Exception):
            workbook.set_formula("probe", row, 1, f"={name}()")
    with contextlib.suppress(Exception):
        workbook.evaluate_all()
    unknown = set()
    for row, name in enumerate(ordered, start=1):
        found = values.error_text(workbook.get_value("probe", row, 1))
        if found == "#NAME?" or name in OUTSIDE:
            unknown.add(name)
    return unknown - set(OUTSIDE)


def formula_tree(text: str) -> dict[str, Any] | None:
    """The engine's parse tree of a formula as plain data (``node_type``, ``name``,
    ``args`` …: what `elementwise` reads), or None when the engine cannot read it."""
    try:
        tree = fz.parse(text).to_dict()
    except Exception:  # noqa: BLE001 - the parser's errors vary by kind
        return None
    return tree if isinstance(tree, dict) else None


def syntax_error(text: str) -> str | None:
    """Why the engine cannot read a formula, or None when it can."""
    try:
        fz.parse(text)
    except Exception as exc:  # noqa: BLE001 - the parser's errors vary by kind
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return detail[:200]
    return None
