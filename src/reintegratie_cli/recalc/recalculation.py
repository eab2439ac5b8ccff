"""Compute every formula of a workbook and write a copy with the values.

`recalculate` goes through these steps:

1. the archive is checked (`safety`) and its cells are read (`package`), the
   limits checked as they arrive;
2. each formula is rewritten where Excel's saved form differs from what it means: an add-in
   call (``_xludf.``, ``[1]!``, the add-in's path) becomes the plain ``RI_`` call, a left-out
   ``RI_`` argument is marked, a defined name is replaced by what it stands for, a reference
   to another workbook becomes ``#REF!`` (`forms`);
3. the references of all formulas are measured against the limits, a whole column as the
   rows its sheet uses (`forms.referenced_cells`); a formula in which a function that takes one value gets a range or an array, which
   Excel evaluates element by element and the engine does not (``SUMPRODUCT(LEN(A1:A5))``),
   or a plain formula (no array formula) in which Excel intersects a range and the engine,
   computing as Excel 365, does not (``SUM(B1:B5*2)``), is not computed: it is reported by
   sheet and cell and is ``#N/A``, in the engine too (`elementwise`);
4. the engine computes everything once (`calc`, ``formualizer``);
5. the values are written into a copy of the original package (`package.write_copy`).

A formula that cannot be computed — unreadable, an unknown function, element-wise over a
range — is reported by sheet and cell and gets an Excel error value; every other formula is
still computed. The input is never written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import attrs
from openpyxl.utils.cell import get_column_letter

from reintegratie_cli.archive import Limits, WorkbookError, check_archive
from reintegratie_cli.output import target_problem
from reintegratie_cli.recalc import calc, elementwise, forms, package
from reintegratie_cli.recalc.safety import CellProblem, ErrorValue
from reintegratie_io import thousands

_ERROR_TEXT = "#WAARDE!"
#: What a formula the engine would compute wrongly becomes (`elementwise`).
_NOT_COMPUTED = "=NA()"
#: Why a formula may give #SPILL! here.
_SPILL_NOTE = (
    " (het overloopbereik is bezet, of groter dan de 10.000 cellen die de rekenmotor laat "
    "overlopen: verdeel de formule dan over blokken rijen)"
)


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
    #: Cells that could not be read or whose formula could not be computed.
    problems: tuple[CellProblem, ...]
    #: Computed cells whose value is an Excel error (``#DIV/0!``, ``#NAME?`` …), each by its
    #: own address: a formula's cell, a cell its answer spilled into, a cell of an array
    #: formula.
    error_values: tuple[CellProblem, ...]
    #: Computed cells (as `error_values`) whose value is an ``RI_`` function's ``#WAARDE!``
    #: text: one bad row of a lifted column is reported by its spilled cell.
    function_errors: tuple[CellProblem, ...]
    #: Remarks on the workbook as a whole (macros dropped, links not followed).
    notes: tuple[str, ...]


def _check_paths(source: Path, target: Path) -> None:
    if target.suffix.lower() != ".xlsx" and not target.is_dir():
        raise WorkbookError(
            f"{target.name}: de uitvoer is altijd een .xlsx-werkmap (zonder macro's)"
        )
    problem = target_problem(target, example="uit.xlsx", source=source)
    if problem is not None:
        raise WorkbookError(problem)


# --- Rewriting formulas -------------------------------------------------------------------


class _Names:
    """The workbook's defined names, replaced in a formula by what they stand for."""

    def __init__(self, names: list[tuple[str, str | None, str]]) -> None:
        self.by_scope: dict[tuple[str, str | None], str] = {}
        for name, scope, text in names:
            if name.startswith("_xlnm.") or not text:
                continue
            self.by_scope[(name.upper(), scope)] = text
        words = sorted({name for name, _ in self.by_scope}, key=len, reverse=True)
        self.pattern = (
            re.compile(
                r"(?<![\w.!$'])(" + "|".join(map(re.escape, words)) + r")(?![\w(!])", re.IGNORECASE
            )
            if words
            else None
        )

    def replace(self, formula: str, sheet: str) -> str:
        if self.pattern is None or self.pattern.search(formula) is None:
            return formula
        found = forms.tokens(formula)
        if found is None:
            return formula
        parts = []
        for token in found:
            value = token.value
            if token.type == "OPERAND" and token.subtype == "RANGE":
                key = value.upper()
                definition = self.by_scope.get((key, sheet), self.by_scope.get((key, None)))
                if definition is not None:
                    value = f"({definition.removeprefix('=')})"
            parts.append(value)
        return "=" + "".join(parts)


def _rewrite(text: str, sheet: str, names: _Names, known: frozenset[str], links: set[str]) -> str:
    formula = "=" + text if not text.startswith("=") else text
    formula = forms.normalize_addin_calls(formula)
    formula = names.replace(formula, sheet)
    formula, external = forms.cut_external(formula)
    links.update(external)
    return forms.mark_omitted(formula, known)


_FUNCTION = re.compile(r"(?<![\w.$!:])((?:_xl\w*\.)*[A-Za-z_][\w.]*)\s*\(")
_STRING = re.compile(r'"(?:[^"]|"")*"')


def _function_names(formula: str) -> set[str]:
    return {m.upper() for m in _FUNCTION.findall(_STRING.sub('""', formula))}


# --- The whole ------------------------------------------------------------------------


def recalculate(
    source: Path,
    target: Path,
    *,
    functions: Mapping[str, Callable[..., Any]],
    limits: Limits | None = None,
    today: date | None = None,
    progress: Progress = no_progress,
) -> Report:
    """Compute every formula of ``source`` and write a copy with the values to ``target``.

    ``functions`` are the ``RI_`` functions by name (``udfs.contract_functions()``);
    ``today`` is what ``TODAY()`` gives (the computer's date when None). ``source`` is
    never written. Raises `WorkbookError` when the workbook is refused, cannot be
    read, or the copy cannot be written.
    """
    limits = limits or Limits()
    _check_paths(source, target)
    has_macros = check_archive(source, limits)
    bar = progress("lezen", package.sheet_kilobytes(source))
    book = package.read_book(source, limits, has_macros=has_macros, tick=bar.update)
    bar.close()
    problems = list(book.problems)
    by_name = {name.upper(): function for name, function in functions.items()}
    known = frozenset(by_name)
    names = _Names(book.names)
    links: set[str] = set()
    used = {sheet.name: sheet.used for sheet in book.sheets}

    inputs = []
    original: dict[tuple[str, int, int], str] = {}
    cost = 0
    checker = elementwise.Checker(calc.formula_tree, calc.unknown_functions)
    for sheet in book.sheets:
        plain: dict[tuple[int, int], str] = {}
        arrays: dict[tuple[int, int], tuple[str, tuple[int, int, int, int]]] = {}
        for key, formula in sheet.formulas.items():
            text = _rewrite(formula.text, sheet.name, names, known, links)
            original[(sheet.name, *key)] = text
            cost += forms.referenced_cells(text, sheet.name, used)
            why = checker.check(text, legacy=formula.array is None)
            if why is not None:
                # Not computed: the engine would give a wrong answer (`elementwise`; a plain
                # formula has Excel's older meaning, an array formula Excel 365's). #N/A
                # in the engine too, so no formula that uses this cell gets a wrong one.
                problems.append(CellProblem(sheet=sheet.name, cell=_a1(key), reason=why))
                text = _NOT_COMPUTED
            if formula.array is not None and not formula.dynamic:
                arrays[key] = (text, formula.array)
            else:
                plain[key] = text
        inputs.append(
            calc.Input(name=sheet.name, values=sheet.values, formulas=plain, arrays=arrays)
        )
    if cost > limits.referenced_cells:
        raise WorkbookError(
            f"{source.name}: de formules verwijzen samen naar {thousands(cost)} cellen (een "
            f"hele kolom telt als de rijen die het blad gebruikt); de grens is "
            f"{thousands(limits.referenced_cells)}"
        )

    count = sum(len(sheet.formulas) for sheet in book.sheets)
    bar = progress("rekenen", 2 * count)
    outputs, dates = calc.compute(inputs, by_name, today=today, tick=bar.update)
    bar.close()

    _diagnose(book, outputs, original, known, problems)
    bar = progress("schrijven", sum(len(o.values) for o in outputs.values()))
    written, error_values, function_errors = _written(book, outputs, dates, source, bar)
    bar.close()
    styles_part, styles_xml = package.styles_part(source)
    cm, add_metadata = package.dynamic_marker(source)
    package.write_copy(
        source,
        target,
        written.cells,
        parts={sheet.name: sheet.part for sheet in book.sheets},
        styles=(styles_part, written.styles.patched() or styles_xml or "")
        if styles_part is not None and written.styles.patched() is not None
        else None,
        cm=cm,
        add_metadata=add_metadata,
    )
    notes = []
    if has_macros:
        notes.append(
            "de macro's in de werkmap zijn niet gelezen en niet uitgevoerd; de kopie heeft er geen"
        )
    notes.extend(
        f"verwijzing naar een andere werkmap niet gevolgd (uit veiligheid): {book.links.get(link, link)}"
        for link in sorted(links)
    )
    return Report(
        formulas=count,
        problems=tuple(problems),
        error_values=tuple(error_values),
        function_errors=tuple(function_errors),
        notes=tuple(notes),
    )


def _diagnose(
    book: package.Book,
    outputs: Mapping[str, calc.Output],
    original: Mapping[tuple[str, int, int], str],
    known: frozenset[str],
    problems: list[CellProblem],
) -> None:
    """Report the formula cells that could not be computed: unreadable, unknown functions."""
    suspects: list[tuple[str, tuple[int, int], str]] = []
    names: set[str] = set()
    for sheet in book.sheets:
        output = outputs[sheet.name]
        for key in sheet.formulas:
            cell = _a1(key)
            if key in output.failed:
                problems.append(
                    CellProblem(
                        sheet=sheet.name,
                        cell=cell,
                        reason=f"kon niet worden berekend ({output.failed[key]})",
                    )
                )
                output.values[key] = ErrorValue("#N/A")
                continue
            value = output.values.get(key)
            if not isinstance(value, ErrorValue) or value not in (
                "#NAME?",
                "#VALUE!",
                "#REF!",
                "#ERROR!",
            ):
                continue
            text = original[(sheet.name, *key)]
            why = calc.syntax_error(text)
            if why is not None:
                problems.append(
                    CellProblem(
                        sheet=sheet.name, cell=cell, reason=f"formule niet te lezen ({why})"
                    )
                )
                output.values[key] = ErrorValue("#NAME?")
                continue
            found = _function_names(text)
            names.update(n for n in found if not n.startswith("RI_"))
            suspects.append((sheet.name, key, text))
    unknown = calc.unknown_functions(names)
    for title, key, text in suspects:
        cell = _a1(key)
        for name in sorted(_function_names(text)):
            if name.startswith("RI_") and name not in known and name != forms.OMITTED_FUNCTION:
                reason = f"onbekende RI_-functie {name}"
            elif name in unknown:
                reason = f"functie {name} is onbekend of wordt niet ondersteund door de rekenmotor"
            else:
                continue
            problems.append(CellProblem(sheet=title, cell=cell, reason=reason))


@attrs.define
class _Written:
    cells: dict[str, dict[tuple[int, int], package.Written]]
    styles: package.Styles


def _written(
    book: package.Book,
    outputs: Mapping[str, calc.Output],
    dates: Mapping[str, frozenset[int]],
    source: Path,
    bar: ProgressBar,
) -> tuple[_Written, list[CellProblem], list[CellProblem]]:
    _, styles_xml = package.styles_part(source)
    styles = package.Styles(styles_xml)
    cells: dict[str, dict[tuple[int, int], package.Written]] = {}
    error_values: list[CellProblem] = []
    function_errors: list[CellProblem] = []
    for sheet in book.sheets:
        output = outputs[sheet.name]
        target: dict[tuple[int, int], package.Written] = {}
        date_cells = set(_date_cells(sheet, output, dates))
        # Every computed cell is looked at, by its own address: a formula's cell, a cell its
        # answer spilled into (one bad row of a lifted column) or a cell of a fixed array
        # formula — the engine gives no other cells (`calc.Output.values`).
        for key, value in sorted(output.values.items()):
            is_formula = key in sheet.formulas
            spill = output.spills.get(key)
            extent = None
            if spill is not None:
                extent = (
                    f"{get_column_letter(key[1])}{key[0]}:"
                    f"{get_column_letter(key[1] + spill[1] - 1)}{key[0] + spill[0] - 1}"
                )
            style = None
            if key in date_cells and isinstance(value, int | float) and not isinstance(value, bool):
                current = sheet.styles.get(key, 0)
                if styles.is_general(current):
                    style = styles.as_date(current)
            target[key] = package.Written(
                value=value, formula=is_formula, spill=extent, style=style
            )
            if isinstance(value, ErrorValue):
                reason = str(value) + (_SPILL_NOTE if value == "#SPILL!" else "")
                error_values.append(CellProblem(sheet=sheet.name, cell=_a1(key), reason=reason))
            elif isinstance(value, str) and value.startswith(_ERROR_TEXT):
                function_errors.append(CellProblem(sheet=sheet.name, cell=_a1(key), reason=value))
            bar.update(1)
        for key in sheet.unreadable - set(sheet.formulas):
            target[key] = package.Written(value=sheet.values[key], formula=False)
        for key in sheet.spilled - set(target):
            target[key] = package.Written(value=None, formula=False)  # the spill shrank
        cells[sheet.name] = target
    return _Written(cells=cells, styles=styles), error_values, function_errors


def _a1(key: tuple[int, int]) -> str:
    return f"{get_column_letter(key[1])}{key[0]}"


def _date_cells(
    sheet: package.Sheet, output: calc.Output, dates: Mapping[str, frozenset[int]]
) -> Iterator[tuple[int, int]]:
    """Cells that show an ``RI_`` function's date answer: a formula that is one call of it
    (its spilled or array cells in the date columns)."""
    if not dates:
        return
    # Whether a formula is one call, and of what, does not depend on its digits (beyond the
    # name's): a column of one formula is looked at once. (The text before the first
    # "(" is kept as it is: the name, after any prefix; no RI_ name has a digit.)
    called: dict[tuple[str, bytes], str | None] = {}
    for key, formula in sheet.formulas.items():
        text = formula.text
        head = text.lstrip()[:8].upper()
        if not head.startswith(("RI_", "_XLUDF.", "[", "'")) and ".XLA" not in head:
            continue
        shape = (text.partition("(")[0], forms.digits_as_zero(text))
        if shape in called:
            name = called[shape]
        else:
            name = called[shape] = forms.single_call(forms.normalize_addin_calls("=" + text))
        if name is None:
            continue
        columns = dates.get(name, frozenset())
        if not columns:
            continue
        if formula.array is not None and not formula.dynamic:
            min_col, min_row, max_col, max_row = formula.array
            height, width = max_row - min_row + 1, max_col - min_col + 1
        else:
            height, width = output.spills.get(key, (1, 1))
        for i in range(height):
            for j in range(width):
                if j in columns:
                    yield key[0] + i, key[1] + j
