"""Benchmark: ``reintegratie werkmap`` on RI_ formulas vs Excel's own date functions.

One sheet of ROWS rows (first sick day, reference date) gets five formula columns, once
with ``RI_`` functions and once with Excel's native date functions computing comparable
dates, in the same engine:

=========================  =================================================
RI_ formula                native counterpart
=========================  =================================================
``RI_MIJLPAAL(A,"42e week")``          ``A+294``
``RI_MIJLPAAL(A,"einde_loondoorbetaling")``  ``A+727``
``RI_WERKDAG(A,5)``                    ``WORKDAY(A,5)``
``RI_RESTERENDE_WEKEN(A,B)``           ``ROUND(MAX(0,A+727-B)/7,2)``
``RI_UITERSTE_DECLARATIE(A)``          ``EDATE(A,1)``
=========================  =================================================

(In the lifted layout WORKDAY and EDATE become ``DATE(YEAR, MONTH, DAY …)``: like Excel,
the engine does not take a range in those two.)

Each is laid out two ways — a formula per cell, and one lifted array formula per column —
and recalculated two ways: the default (simple RI_ calls computed directly, the rest by the
engine) and ``direct=False`` (everything by the ``formulas`` engine). Printed, measured in
one run (best of REPEATS, ``time.perf_counter``, the whole read–compute–write): the
seconds and the ratio RI_ / native per layout and mode (target ≤ 1.5×).

Run: ``make bench-werkmap`` or ``.venv/bin/python bench/bench_werkmap.py [ROWS] [REPEATS]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from reintegratie_addin import udfs
from reintegratie_cli.recalc import engine

FUNCTIONS = udfs.contract_functions()
PEILDATUM = date(2025, 11, 3)
RI_COLUMNS = [
    '=RI_MIJLPAAL({a},"42e week")',
    '=RI_MIJLPAAL({a},"einde_loondoorbetaling")',
    "=RI_WERKDAG({a},5)",
    "=RI_RESTERENDE_WEKEN({a},{b})",
    "=RI_UITERSTE_DECLARATIE({a})",
]
NATIVE_COLUMNS = [
    "={a}+294",
    "={a}+727",
    "=WORKDAY({a},5)",
    "=ROUND(MAX(0,{a}+727-{b})/7,2)",
    "=EDATE({a},1)",
]
#: Per-column array forms of the native formulas: MAX does not work element-wise, and
#: EDATE and WORKDAY give #VALUE! for a range (in Excel too), so DATE(YEAR, MONTH, DAY).
NATIVE_ARRAYS = [
    "={a}+294",
    "={a}+727",
    "=DATE(YEAR({a}),MONTH({a}),DAY({a})+7)",
    "=ROUND(({a}+727-{b})/7,2)",
    "=DATE(YEAR({a}),MONTH({a})+1,DAY({a}))",
]


def first_days(rows: int) -> list[date]:
    """Weekdays spread over five years (the engine's WORKDAY refuses weekend starts)."""
    days = []
    day = date(2021, 1, 4)
    while len(days) < rows:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=3)
    return days


def workbook(path: Path, rows: int, columns: list[str], lifted: bool) -> Path:
    """The sheet with its five formula columns, per cell or lifted."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["eerste ziektedag", "peildatum", "1", "2", "3", "4", "5"])
    for row, day in enumerate(first_days(rows), start=2):
        ws.cell(row, 1, day).number_format = "DD-MM-YYYY"
        ws.cell(row, 2, PEILDATUM).number_format = "DD-MM-YYYY"
    last = rows + 1
    for offset, template in enumerate(columns):
        column = 3 + offset
        letter = openpyxl.utils.get_column_letter(column)
        if lifted:
            formula = template.format(a=f"A2:A{last}", b=f"B2:B{last}")
            ws.cell(2, column).value = ArrayFormula(f"{letter}2:{letter}{last}", formula)
        else:
            for row in range(2, last + 1):
                ws.cell(row, column, template.format(a=f"A{row}", b=f"B{row}"))
    book.save(path)
    return path


def best_of(repeats: int, source: Path, direct: bool) -> float:
    """The fastest of ``repeats`` recalculations, in seconds; checks nothing failed."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        report = engine.recalculate(
            source, source.with_name("uit.xlsx"), functions=FUNCTIONS, direct=direct
        )
        times.append(time.perf_counter() - start)
        assert not report.problems, report.problems
        assert not report.error_values, report.error_values[:3]
        assert not report.function_errors, report.function_errors[:3]
    return min(times)


def main(rows: int = 1_000, repeats: int = 2) -> None:
    """Measure and print the table."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        books = {
            (kind, lifted): workbook(
                base / f"{kind}-{'kolom' if lifted else 'cel'}.xlsx",
                rows,
                (RI_COLUMNS if kind == "RI_" else NATIVE_ARRAYS if lifted else NATIVE_COLUMNS),
                lifted,
            )
            for kind in ("RI_", "native")
            for lifted in (False, True)
        }
        # Warm up: the engine imports its function modules on first use.
        engine.recalculate(
            books[("RI_", True)], base / "warm.xlsx", functions=FUNCTIONS, direct=False
        )
        print(f"rows: {rows:,} × 5 formulas; best of {repeats}; whole read–compute–write")
        print(f"{'layout':<24}{'mode':<20}{'native':>10}{'RI_':>10}{'RI_/native':>12}")
        for lifted in (False, True):
            layout = "one array per column" if lifted else "a formula per cell"
            for direct in (True, False):
                mode = "default" if direct else "engine only"
                native = best_of(repeats, books[("native", lifted)], direct)
                ours = best_of(repeats, books[("RI_", lifted)], direct)
                print(f"{layout:<24}{mode:<20}{native:>9.2f}s{ours:>9.2f}s{ours / native:>11.2f}x")
        print("target: RI_/native <= 1.5x")


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 1_000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 2,
    )
