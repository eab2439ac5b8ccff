"""Benchmark: ``reintegratie werkmap`` on large and on whole-column workbooks.

The workbooks, each recalculated in a fresh process (the whole read–compute–write, wall
time and peak memory of that process), measured in one run:

1. **mixed** — ROWS rows × 5 formula columns, ``RI_`` functions and Excel's own mixed
   (target: 100,000 formula cells in ≤ 10 s);
2. **RI_** and **native** — the same rows with 5 ``RI_`` columns, and with 5 columns of
   Excel's own functions computing the same dates (target: RI_/native ≤ 1.5×):

   =========================================  =================================
   RI_ formula                                native counterpart (same answer)
   =========================================  =================================
   ``RI_MIJLPAAL(A,"42e week")``              ``A+294``
   ``RI_MIJLPAAL(A,"einde_loondoorbetaling")``  ``A+727`` (104 weeks less a day)
   ``RI_WERKDAG(A,5)``                        ``WORKDAY(A,5)`` (RI_: Dutch holidays too)
   ``RI_RESTERENDE_WEKEN(A,B)``               ``ROUND(MAX(0,A+727-B)/7,2)``
   ``RI_UITERSTE_DECLARATIE(A)``              ``EDATE(A,1)``
   =========================================  =================================

   Every row has its own first sick day (20,000 distinct dates) and its own peildatum, as
   a real dossier list has: nothing can be computed once for many rows.

   also laid out as spilling formulas (``RI_…(A2:A5001)``, one per column per 5,000 rows:
   formualizer 0.13 spills at most 10,000 cells; stored as Excel 365's dynamic arrays),
   which the ``RI_`` functions compute as a batch (one Python call per spilling formula);
3. **ranges** — the same rows with 5 columns of Excel's own functions over a fixed range of
   50 rows (``COUNTIF``, ``SUMPRODUCT(--(…<…))``, ``INDEX``/``MATCH``, ``VLOOKUP``,
   ``SUMIFS``): every formula has a range, so each is looked at for element-wise
   evaluation the engine lacks (``recalc.elementwise``; none is refused), a column's
   formulas parsed once;
4. **whole columns** — 10 rows with ``VLOOKUP(…;A:F;…)``, ``INDEX(B:B;MATCH(…;A:A;0))``,
   ``COUNTIFS(A:A;…)`` and ``SUM(C:C)`` (target: ≤ 2 s and ≤ 300 MB).

The RI_/native pairs are measured ROUNDS times, alternately, each in a fresh process; the
ratio is that of the medians, in wall time and in CPU time (the process's own: on a
machine shared with other work the wall time of one run varies by a third, the CPU time
much less).

Run: ``make bench-werkmap`` or ``.venv/bin/python bench/bench_werkmap.py [ROWS [ROUNDS]]``.
"""

from __future__ import annotations

import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import openpyxl

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
#: The native columns as spilling formulas: arithmetic only, because formualizer 0.13 does
#: not lift Excel's scalar functions (WORKDAY, EDATE, ROUND, MAX per row …) over a range as
#: Excel 365 does (they give #VALUE!) and has no MAP/LAMBDA, so WORKDAY and EDATE are
#: approximated by adding days, ROUND is left out: this baseline is a little cheaper.
NATIVE_SPILLS = [
    "={a}+294",
    "={a}+727",
    "={a}+7",
    "=IF({a}+727-{b}>0,({a}+727-{b})/7,0)",
    "={a}+30",
]
#: Excel's own functions over a fixed range, as a back-office list has them per row.
RANGE_COLUMNS = [
    "=COUNTIF($A$2:$A$51,{a})",
    "=SUMPRODUCT(--($B$2:$B$51<{b}))",
    "=INDEX($B$2:$B$51,MATCH({a},$A$2:$A$51,1),1)",
    '=IFERROR(VLOOKUP({a},$A$2:$B$51,2,FALSE),"")',
    '=SUMIFS($B$2:$B$51,$A$2:$A$51,"<"&{a})',
]
MIXED_COLUMNS = [RI_COLUMNS[0], NATIVE_COLUMNS[2], RI_COLUMNS[2], NATIVE_COLUMNS[1], RI_COLUMNS[3]]
WHOLE_COLUMNS = [
    "=VLOOKUP(A{r},A:F,3,FALSE)",
    "=INDEX(B:B,MATCH(A{r},A:A,0))",
    '=COUNTIFS(A:A,">="&A{r},C:C,">0")',
    "=SUM(C:C)",
]


def first_days(rows: int) -> list[date]:
    """A distinct first sick day per row, weekends included (20,000 rows: 1990 to 2044)."""
    return [date(1990, 1, 1) + timedelta(days=i) for i in range(rows)]


def peildata(rows: int) -> list[date]:
    """A peildatum per row: within the two years after its first sick day, or past them."""
    return [day + timedelta(days=37 * i % 800) for i, day in enumerate(first_days(rows))]


def per_cell(path: Path, rows: int, columns: list[str]) -> Path:
    """ROWS rows of (first sick day, peildatum) and a formula per cell in each column."""
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Dossiers")
    ws.append(["eerste ziektedag", "peildatum", "1", "2", "3", "4", "5"])
    for row, (day, peil) in enumerate(zip(first_days(rows), peildata(rows), strict=True), start=2):
        ws.append([day, peil, *(c.format(a=f"A{row}", b=f"B{row}") for c in columns)])
    book.save(path)
    return path


#: Rows one spilling formula covers (formualizer 0.13 spills at most 10,000 cells).
SPILL_ROWS = 5_000


def spilling(path: Path, rows: int, columns: list[str]) -> Path:
    """The same data with one spilling formula per column per block of SPILL_ROWS rows, each
    stored as Excel 365 stores a dynamic array (`as_dynamic`)."""
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Dossiers")
    ws.append(["eerste ziektedag", "peildatum", "1", "2", "3", "4", "5"])
    for row, (day, peil) in enumerate(zip(first_days(rows), peildata(rows), strict=True), start=2):
        formulas = []
        if (row - 2) % SPILL_ROWS == 0:
            last = min(row + SPILL_ROWS - 1, rows + 1)
            formulas = [c.format(a=f"A{row}:A{last}", b=f"B{row}:B{last}") for c in columns]
        ws.append([day, peil, *formulas])
    book.save(path)
    as_dynamic(path)
    return path


_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>')


def as_dynamic(path: Path) -> None:
    """Mark every formula of the workbook's sheet as a dynamic array (``cm`` and
    ``t="array"``): a plain formula (as openpyxl writes it) has Excel's older meaning, in
    which ``A2:A5001+294`` is one cell of the range, not a column (`recalc.elementwise`)."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        dynamic = r'<c r="\1"\2 cm="1"><f t="array" ref="\1">'
        for info, data in items:
            sheet = info.filename.startswith("xl/worksheets/sheet")
            text = _FORMULA_CELL.sub(dynamic, data.decode()).encode() if sheet else data
            archive.writestr(info, text)


def whole_columns(path: Path) -> Path:
    """Ten rows and four formulas per row over whole columns."""
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Opzoeken")
    for r in range(1, 11):
        ws.append([r, f"naam {r}", r * 10, r % 3, "x", r, *(f.format(r=r) for f in WHOLE_COLUMNS)])
    book.save(path)
    return path


def measure(source: Path) -> dict[str, float]:
    """Recalculate ``source`` in a fresh process: wall and CPU seconds, peak MB, formulas."""
    script = (
        "import json, resource, sys, time; from pathlib import Path; "
        "from reintegratie_addin import udfs; from reintegratie_cli.recalc import recalculation; "
        "functions = udfs.contract_functions(); s = time.perf_counter(); c = time.process_time(); "
        "r = recalculation.recalculate(Path(sys.argv[1]), Path(sys.argv[2]), functions=functions); "
        "t = time.perf_counter() - s; cpu = time.process_time() - c; "
        "assert not r.problems and not r.error_values and not r.function_errors, r; "
        "print(json.dumps({'seconds': t, 'cpu': cpu, 'formulas': r.formulas, "
        "'mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(source), str(source.with_name("uit.xlsx"))],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{source.name}: {done.stderr.strip().splitlines()[-1]}")
    found: dict[str, float] = json.loads(done.stdout)
    return found


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def _line(name: str, result: dict[str, float], target: str) -> None:
    print(
        f"{name:<34}{int(result['formulas']):>9,}{result['seconds']:>9.2f}s{result['cpu']:>8.2f}s"
        f"{result['mb']:>8.0f} MB   {target}"
    )


def main(rows: int = 20_000, rounds: int = 3) -> None:
    """Build the workbooks, measure them (the RI_/native pairs ``rounds`` times,
    alternately), print the table of medians and the ratios."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        books: dict[str, Callable[[], Path]] = {
            "mixed, a formula per cell": lambda: per_cell(base / "m.xlsx", rows, MIXED_COLUMNS),
            "RI_, a formula per cell": lambda: per_cell(base / "r.xlsx", rows, RI_COLUMNS),
            "native, a formula per cell": lambda: per_cell(base / "n.xlsx", rows, NATIVE_COLUMNS),
            "RI_, one spill per column": lambda: spilling(base / "rs.xlsx", rows, RI_COLUMNS),
            "native, one spill per column": lambda: spilling(base / "ns.xlsx", rows, NATIVE_SPILLS),
            "ranges, a formula per cell": lambda: per_cell(base / "g.xlsx", rows, RANGE_COLUMNS),
            "whole columns, 10 rows": lambda: whole_columns(base / "w.xlsx"),
        }
        paths = {name: make() for name, make in books.items()}
        print(
            f"rows: {rows:,}; each workbook read, computed and written in a fresh process; "
            f"RI_/native pairs {rounds}x alternately (medians)"
        )
        print(f"{'workbook':<34}{'formulas':>9}{'wall':>10}{'cpu':>9}{'peak':>11}   target")
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in books}
        layouts = ("a formula per cell", "one spill per column")
        for _ in range(rounds):
            for layout in layouts:
                for side in ("RI_", "native"):
                    name = f"{side}, {layout}"
                    runs[name].append(measure(paths[name]))
        for name in (
            "mixed, a formula per cell",
            "ranges, a formula per cell",
            "whole columns, 10 rows",
        ):
            runs[name].append(measure(paths[name]))
        results = {name: _median(found) for name, found in runs.items()}
        for name in books:
            target = {
                "mixed, a formula per cell": "<= 10 s for 100,000",
                "whole columns, 10 rows": "<= 2 s, <= 300 MB",
            }.get(name, "")
            _line(name, results[name], target)
        for layout in layouts:
            ri, native = results[f"RI_, {layout}"], results[f"native, {layout}"]
            each = [
                f"{r['seconds'] / n['seconds']:.2f}"
                for r, n in zip(runs[f"RI_, {layout}"], runs[f"native, {layout}"], strict=True)
            ]
            print(
                f"RI_/native, {layout}: {ri['seconds'] / native['seconds']:.2f}x wall, "
                f"{ri['cpu'] / native['cpu']:.2f}x cpu (target <= 1.5x; "
                f"wall per round: {', '.join(each)})"
            )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"bench total {time.perf_counter() - started:.1f} s (building workbooks: {own:.0f} MB)")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
