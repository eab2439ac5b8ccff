"""Compute every formula of a workbook and write a copy with the values.

`recalculate` reads a workbook as untrusted input (`safety`), rewrites the
saved forms of add-in calls to plain ``RI_`` calls (`forms`), and computes:

1. **directly** — a formula that is one ``RI_`` call with literal or cell-reference
   arguments whose cells hold values (not formulas, or formulas already computed this
   way) is evaluated by calling the function with what Excel would pass; the result is
   placed exactly as the engine places it (Excel's array rules for an array formula);
2. **with the engine** — every other formula, ``RI_`` functions and Excel's own mixed, by
   the ``formulas`` package, with the ``RI_`` functions registered in it
   (`values`). The direct results are values the engine reads.

The direct step gives the same values as the engine (tests compare both ways on the
example workbook); it exists because the engine parses and compiles every formula cell
separately, which costs milliseconds per cell.

Nothing outside the workbook is read: a reference to another workbook is not followed
(it gives ``#REF!``), and no macro is loaded or run. A formula that cannot be computed
— unreadable, an unknown function, a failed calculation — is reported by sheet and cell
and written as an Excel error value; every other formula is still computed.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import attrs
import formulas.excel as excel_module  # type: ignore[import-untyped]
import numpy as np
import schedula as sh  # type: ignore[import-untyped]
from formulas.excel import BOOK, ExcelModel
from formulas.functions import not_implemented  # type: ignore[import-untyped]
from formulas.ranges import _reshape_array_as_excel  # type: ignore[import-untyped]
from formulas.tokens.operand import XlError  # type: ignore[import-untyped]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
from openpyxl.utils.cell import get_column_letter, range_boundaries  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import IllegalCharacterError  # type: ignore[import-untyped]
from openpyxl.workbook.workbook import Workbook  # type: ignore[import-untyped]
from openpyxl.worksheet.formula import ArrayFormula  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from reintegratie_cli.recalc import forms, values
from reintegratie_cli.recalc.safety import (
    CellProblem,
    Limits,
    WorkbookError,
    check_archive,
    check_size,
    read_workbook,
)

#: The name under which the workbook is known inside the engine (its only workbook).
_BOOK_NAME = "WERKMAP.XLSX"
#: A number format for a date result in a cell that has none.
DATE_FORMAT = "DD-MM-YYYY"
_ERROR_TEXT = "#WAARDE!"


class ProgressBar(Protocol):
    """What `recalculate` reports progress to (``tqdm`` fits)."""

    def update(self, n: int = 1) -> object:
        """``n`` more steps done."""

    def close(self) -> None:
        """The phase is over."""


#: Opens a progress bar for a phase: ``(description, total steps)``.
Progress = Callable[[str, int], ProgressBar]


class _NoBar:
    def update(self, n: int = 1) -> object:
        del n
        return None

    def close(self) -> None:
        return None


def no_progress(description: str, total: int) -> ProgressBar:
    """A progress bar that shows nothing."""
    del description, total
    return _NoBar()


@attrs.frozen(kw_only=True)
class Report:
    """What a recalculation did."""

    #: Formula cells in the workbook (an array formula counts once).
    formulas: int
    #: Of those, computed directly (one ``RI_`` call with simple arguments).
    direct: int
    #: Of those, computed by the formula engine.
    engine: int
    #: Cells that could not be read or whose formula could not be computed.
    problems: tuple[CellProblem, ...]
    #: Formula cells whose value is an Excel error (``#DIV/0!``, ``#NAME?`` …).
    error_values: tuple[CellProblem, ...]
    #: Formula cells whose value is an ``RI_`` function's ``#WAARDE!`` text.
    function_errors: tuple[CellProblem, ...]
    #: Remarks on the workbook as a whole (macros dropped, links removed).
    notes: tuple[str, ...]


@attrs.frozen(kw_only=True)
class _Formula:
    """A formula cell (or array formula) of the workbook."""

    sheet: Worksheet
    coordinate: str
    text: str
    #: The array formula's range (``C2:C101``), or None for a single cell.
    ref: str | None

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        """``(min_col, min_row, max_col, max_row)`` of the cells the formula fills."""
        found: tuple[int, int, int, int] = range_boundaries(self.ref or self.coordinate)
        return found


# --- Reading --------------------------------------------------------------------------


def _formulas(book: Workbook) -> list[_Formula]:
    found = []
    for sheet in book.worksheets:
        for cell in list(sheet._cells.values()):
            if cell.data_type != "f":
                continue
            value = cell.value
            if isinstance(value, ArrayFormula):
                text = forms.normalize_addin_calls(value.text or "")
                value.text = text
                found.append(
                    _Formula(sheet=sheet, coordinate=cell.coordinate, text=text, ref=value.ref)
                )
            elif isinstance(value, str):
                text = forms.normalize_addin_calls(value)
                cell._value = text
                found.append(_Formula(sheet=sheet, coordinate=cell.coordinate, text=text, ref=None))
            else:  # a data table (what-if analysis) and the like: kept for the engine to refuse
                text = str(getattr(value, "text", "") or type(value).__name__)
                found.append(_Formula(sheet=sheet, coordinate=cell.coordinate, text=text, ref=None))
    return found


def _unknown_functions(formula: _Formula, table: Mapping[str, Any]) -> list[str]:
    return [
        name
        for name in forms.function_names(formula.text)
        if name not in table or table[name] is not_implemented
    ]


def _with_omitted(formula: _Formula, known: frozenset[str]) -> _Formula:
    """The formula with left-out ``RI_`` arguments marked for the engine."""
    text = forms.mark_omitted(formula.text, known)
    if text == formula.text:
        return formula
    cell = formula.sheet[formula.coordinate]
    if isinstance(cell.value, ArrayFormula):
        cell.value.text = text
    else:
        cell._value = text
    return attrs.evolve(formula, text=text)


# --- The direct step --------------------------------------------------------------------


def _cells_of(formula: _Formula) -> Iterator[tuple[int, int]]:
    min_col, min_row, max_col, max_row = formula.bounds
    for row in range(min_row, max_row + 1):
        for column in range(min_col, max_col + 1):
            yield row, column


class _NotReadyError(Exception):
    """An argument refers to a cell whose value is not known yet."""


def _cell_value(sheet: Worksheet, row: int, column: int, covered: set[tuple[str, int, int]]) -> Any:
    if (sheet.title, row, column) in covered:
        raise _NotReadyError  # inside an array formula not computed yet
    cell = sheet._cells.get((row, column))
    if cell is None or cell.value is None:
        return None
    if cell.data_type in ("f", "e"):
        raise _NotReadyError
    value = cell.value
    if isinstance(value, float):
        return round(value, 15)  # as the engine reads a number
    return value


def _argument(
    argument: forms.Argument, sheet: Worksheet, book: Workbook, covered: set[tuple[str, int, int]]
) -> Any:
    if isinstance(argument, forms.Omitted):
        return None
    if isinstance(argument, forms.Literal):
        return argument.value
    target = sheet
    if argument.sheet is not None:
        matches = [s for s in book.worksheets if s.title.upper() == argument.sheet.upper()]
        if not matches:
            raise _NotReadyError
        target = matches[0]
    return [
        [
            _cell_value(target, row, column, covered)
            for column in range(argument.min_col, argument.max_col + 1)
        ]
        for row in range(argument.min_row, argument.max_row + 1)
    ]


def _placed(result: Any, formula: _Formula) -> np.ndarray[Any, Any] | None:
    """The result as the cells of the formula hold it (Excel's array rules), or None when
    that needs an error value (left to the engine)."""
    min_col, min_row, max_col, max_row = formula.bounds
    shape = (max_row - min_row + 1, max_col - min_col + 1)
    value = result if isinstance(result, np.ndarray) else np.asarray([[result]], dtype=object)
    placed: np.ndarray[Any, Any] = _reshape_array_as_excel(value, shape)
    if any(isinstance(v, XlError) for v in placed.ravel()):
        return None
    return placed


def _compute_directly(
    book: Workbook,
    pending: list[tuple[_Formula, forms.SimpleCall]],
    *,
    functions: Mapping[str, Callable[..., Any]],
    results: dict[tuple[str, int, int], Any],
    covered: set[tuple[str, int, int]],
    bar: ProgressBar,
) -> set[_Formula]:
    """Evaluate the simple ``RI_`` calls whose inputs are values; returns those done.

    ``covered`` holds the cells of array formulas (their cells other than the first hold
    nothing until computed); a call reading one waits, as it does for a formula cell.
    """
    done: set[_Formula] = set()
    progressed = True
    while progressed and pending:
        progressed = False
        waiting = []
        for formula, call in pending:
            try:
                arguments = [_argument(a, formula.sheet, book, covered) for a in call.arguments]
            except _NotReadyError:
                waiting.append((formula, call))
                continue
            placed = _placed(values.result_to_engine(functions[call.function](*arguments)), formula)
            if placed is None:
                continue  # the engine computes it
            min_col, min_row, _, _ = formula.bounds
            for (r, c), value in np.ndenumerate(placed):
                cell = formula.sheet.cell(row=min_row + r, column=min_col + c)
                cell.value = value
                cell.data_type = "s" if isinstance(value, str) else cell.data_type
                results[(formula.sheet.title, min_row + r, min_col + c)] = value
                covered.discard((formula.sheet.title, min_row + r, min_col + c))
            done.add(formula)
            progressed = True
            bar.update(1)
        pending = waiting
    return done


# --- The engine -------------------------------------------------------------------------


class _Model(ExcelModel):  # type: ignore[misc]
    """The ``formulas`` model, restricted to one in-memory workbook.

    It compiles only formula cells (the values they refer to are loaded on demand by
    ``complete``), reports a formula it cannot compile instead of stopping, and never reads
    another file: a reference to another workbook becomes ``#REF!``.
    """

    def __init__(
        self, sheets: Mapping[str, Worksheet], problems: list[CellProblem], bar: ProgressBar
    ) -> None:
        super().__init__()
        self.sheet_titles = {title.upper(): sheet.title for title, sheet in sheets.items()}
        self.problems = problems
        self.bar = bar
        self.external: set[str] = set()
        self.outputs: dict[str, _Formula] = {}
        self.only: set[tuple[str, str]] = set()

    def add_book(self, book: Any = None, context: Any = None, data_only: bool = False) -> Any:
        name = book if isinstance(book, str) else (context or {}).get("filename", "")
        if str(name).upper().replace("\\", "/").split("/")[-1] != _BOOK_NAME:
            self.external.add(str(name))
            msg = f"verwijzing naar een andere werkmap ({name}) wordt niet gevolgd"
            raise WorkbookError(msg)
        return super().add_book(book, context, data_only)

    def push(self, worksheet: Any, context: Any) -> Any:
        # As ExcelModel.push, but over the formula cells only.
        worksheet, context = self.add_sheet(worksheet, context)
        references = self.references
        formula_references = self.formula_references(context)
        formula_ranges = self.formula_ranges(context)
        ctx = {"external_links": self.external_links(context)}
        ctx.update(context)
        cells = [
            self.compile_cell(cell, ctx, references, formula_references)
            for cell in list(worksheet._cells.values())
            if cell.data_type == "f" and (worksheet.title, cell.coordinate) in self.only
        ]
        for cell in cells:
            self.add_cell(sh.await_result(cell), ctx, formula_ranges)
        return self

    def compile_cell(
        self, cell: Any, context: Any, references: Any, formula_references: Any
    ) -> Any:
        if cell.data_type == "f":
            self.bar.update(1)
        try:
            return super().compile_cell(cell, context, references, formula_references)
        except Exception as exc:  # noqa: BLE001 - any formula the engine cannot read
            sheet = self.sheet_titles.get(context.get("sheet", ""), context.get("sheet", ""))
            reason = _compile_failure(cell, exc)
            self.problems.append(CellProblem(sheet=sheet, cell=cell.coordinate, reason=reason))
            coordinate = formula_references.get(cell.coordinate, cell.coordinate)
            return self._compile_cell(coordinate, "=#NAME?", context, True, references)


def _compile_failure(cell: Any, exc: Exception) -> str:
    value = cell.value
    if not isinstance(value, str | ArrayFormula):
        return f"{type(value).__name__} (bijv. een wat-als-gegevenstabel) wordt niet ondersteund"
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"formule niet te lezen ({detail})"[:300]


@contextlib.contextmanager
def _quiet_engine() -> Iterator[None]:
    """Within: the engine's own progress bar and warnings are silenced (we report)."""
    import tqdm as tqdm_module  # type: ignore[import-untyped]

    class _Silent:
        tqdm = functools.partial(tqdm_module.tqdm, disable=True)

    logger = logging.getLogger("formulas")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    schedula_logger = logging.getLogger("schedula")
    schedula_level = schedula_logger.level
    schedula_logger.setLevel(logging.CRITICAL)
    excel_module.tqdm = _Silent
    try:
        yield
    finally:
        excel_module.tqdm = tqdm_module
        logger.setLevel(level)
        schedula_logger.setLevel(schedula_level)


def _compute_with_engine(
    book: Workbook,
    remaining: list[_Formula],
    results: dict[tuple[str, int, int], Any],
    problems: list[CellProblem],
    progress: Progress,
) -> set[str]:
    """Compute the remaining formulas with the engine; returns the unfollowed links."""
    sheets = {sheet.title.upper(): sheet for sheet in book.worksheets}
    bar = progress("formules voorbereiden", len(remaining))
    model = _Model(sheets, problems, bar)
    model.only = {(f.sheet.title, f.coordinate) for f in remaining}
    with _quiet_engine():
        sh.get_nested_dicts(model.books, _BOOK_NAME)[BOOK] = book
        _, context = model.add_book(_BOOK_NAME)
        model.pushes(*book.worksheets, context=context)
        bar.close()
        model.bar = _NoBar()
        bar = progress("rekenen", len(remaining))
        model.finish()
        solution = model.calculate()
        bar.update(len(remaining))
        bar.close()
    by_cell = {}
    for output, cell in model.cells.items():
        ranges = getattr(getattr(cell, "range", None), "ranges", None)
        if getattr(cell, "func", None) is None or not ranges or "sheet" not in ranges[0]:
            continue
        rng = ranges[0]
        by_cell[(rng["sheet"].upper(), int(rng["r1"]), int(rng["n1"]))] = output
    for formula in remaining:
        min_col, min_row, max_col, max_row = formula.bounds
        output = by_cell.get((formula.sheet.title.upper(), min_row, min_col))
        found = solution.get(output) if output is not None else None
        if found is None:
            problems.append(
                CellProblem(
                    sheet=formula.sheet.title,
                    cell=formula.coordinate,
                    reason="kon niet worden berekend (de rekenmotor gaf geen waarde)",
                )
            )
            value: Any = np.asarray([[XlError("#N/A")]], dtype=object)
        else:
            value = getattr(found, "value", found)
        shape = (max_row - min_row + 1, max_col - min_col + 1)
        array = value if isinstance(value, np.ndarray) else np.asarray([[value]], dtype=object)
        placed = _reshape_array_as_excel(array, shape)
        for (r, c), item in np.ndenumerate(placed):
            results[(formula.sheet.title, min_row + r, min_col + c)] = item
    return model.external


# --- Writing ----------------------------------------------------------------------------


def _output_value(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        value = value.ravel()[0] if value.size else None
    if value is sh.EMPTY:
        return None
    if isinstance(value, XlError):
        return str(value)
    if isinstance(value, values.DateSerial):
        return int(value) if value.is_integer() else float(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def _store(sheet: Worksheet, row: int, column: int, value: Any) -> None:
    cell = sheet.cell(row=row, column=column)
    shown = _output_value(value)
    if isinstance(shown, str):
        shown = shown.replace("\r", "_x000D_")
        try:
            cell.value = shown
        except IllegalCharacterError:
            cell.value = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", shown)
        if cell.data_type == "f":
            cell.data_type = "s"  # a text that starts with "=" stays text
    else:
        cell.value = shown
    if isinstance(value, values.DateSerial) and cell.number_format == "General":
        cell.number_format = DATE_FORMAT


def _external_targets(book: Workbook) -> dict[str, str]:
    """The workbook's external links by number (``"1"`` → target), then removed: the
    engine must not resolve them (a reference through one becomes ``#REF!``)."""
    targets = {}
    for number, link in enumerate(book._external_links, start=1):
        target = getattr(getattr(link, "file_link", None), "Target", None)
        targets[str(number)] = str(target or f"koppeling {number}")
    book._external_links = []
    return targets


def _drop_links(book: Workbook, links: Mapping[str, str]) -> bool:
    """Remove external links (the add-in, other workbooks) and names that use them."""
    had = bool(links)
    for names in [book.defined_names, *(sheet.defined_names for sheet in book.worksheets)]:
        for key in [k for k, name in names.items() if "[" in str(name.attr_text or "")]:
            del names[key]
            had = True
    return had


def _save(book: Workbook, target: Path) -> None:
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# --- The whole ------------------------------------------------------------------------


def _check_paths(source: Path, target: Path) -> None:
    if target.suffix.lower() != ".xlsx":
        raise WorkbookError(
            f"{target.name}: de uitvoer is altijd een .xlsx-werkmap (zonder macro's)"
        )
    if not target.parent.is_dir():
        raise WorkbookError(f"{target.parent}: map bestaat niet")
    same = source.resolve() == target.resolve()
    if not same and target.exists():
        with contextlib.suppress(OSError):
            same = os.path.samefile(source, target)
    if same:
        raise WorkbookError("de uitvoer mag niet het invoerbestand zijn: dat blijft ongewijzigd")


def recalculate(
    source: Path,
    target: Path,
    *,
    functions: Mapping[str, Callable[..., Any]],
    limits: Limits | None = None,
    direct: bool = True,
    progress: Progress = no_progress,
) -> Report:
    """Compute every formula of ``source`` and write a copy with the values to ``target``.

    ``functions`` are the ``RI_`` functions by name (``udfs.contract_functions()``);
    ``direct=False`` leaves every formula to the engine. ``source`` is never written.
    Raises `WorkbookError` when the workbook is refused or cannot be read.
    """
    limits = limits or Limits()
    _check_paths(source, target)
    has_macros = check_archive(source, limits)
    book, problems = read_workbook(source)
    check_size(book, limits, source.name)
    values.register(functions)
    table = values.engine_functions()
    by_name = {name.upper(): function for name, function in functions.items()}
    known = frozenset(by_name)
    links = _external_targets(book)

    all_formulas = _formulas(book)
    for formula in all_formulas:
        for name in _unknown_functions(formula, table):
            reason = (
                f"onbekende RI_-functie {name}"
                if name.startswith("RI_")
                else f"functie {name} is onbekend of wordt niet ondersteund door de rekenmotor"
            )
            problems.append(
                CellProblem(sheet=formula.sheet.title, cell=formula.coordinate, reason=reason)
            )

    results: dict[tuple[str, int, int], Any] = {}
    done: set[_Formula] = set()
    if direct:
        pending = []
        for formula in all_formulas:
            call = forms.parse_simple_call(formula.text, known)
            if call is not None:
                pending.append((formula, call))
        covered = {
            (formula.sheet.title, row, column)
            for formula in all_formulas
            if formula.ref is not None
            for row, column in _cells_of(formula)
        }
        bar = progress("RI_-functies", len(pending))
        done = _compute_directly(
            book, pending, functions=by_name, results=results, covered=covered, bar=bar
        )
        bar.close()
    remaining = [_with_omitted(f, known) for f in all_formulas if f not in done]
    external: set[str] = set()
    if remaining:
        external = _compute_with_engine(book, remaining, results, problems, progress)

    bar = progress("schrijven", len(results))
    sheets = {sheet.title: sheet for sheet in book.worksheets}
    for (title, row, column), value in results.items():
        _store(sheets[title], row, column, value)
        bar.update(1)
    bar.close()
    notes = []
    if has_macros:
        notes.append(
            "de macro's in de werkmap zijn niet gelezen en niet uitgevoerd; de kopie heeft er geen"
        )
    if _drop_links(book, links):
        notes.append(
            "externe koppelingen (zoals naar de invoegtoepassing) zijn uit de kopie verwijderd"
        )
    notes.extend(
        f"verwijzing naar een andere werkmap niet gevolgd (uit veiligheid): {links.get(name, name)}"
        for name in sorted(external)
    )
    _save(book, target)
    return Report(
        formulas=len(all_formulas),
        direct=len(done),
        engine=len(remaining),
        problems=tuple(problems),
        error_values=tuple(_scan(results, _is_error_value)),
        function_errors=tuple(_scan(results, _is_function_error)),
        notes=tuple(notes),
    )


def _is_error_value(value: Any) -> str | None:
    return str(value) if isinstance(value, XlError) else None


def _is_function_error(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(_ERROR_TEXT) else None


def _scan(
    results: Mapping[tuple[str, int, int], Any], test: Callable[[Any], str | None]
) -> Iterator[CellProblem]:
    for (title, row, column), value in results.items():
        found = test(value)
        if found is not None:
            yield CellProblem(sheet=title, cell=f"{get_column_letter(column)}{row}", reason=found)
