"""Benchmark: one lifted ``RI_MIJLPAAL`` over 10,000 rows vs. bare arithmetic and single calls.

Prints, measured in one run (best of several repeats, ``time.perf_counter``):

* the lifted call's time per row,
* its ratio to bare ``date + timedelta`` over the same rows (target ≤ 10×),
* its ratio to 10,000 single calls.

Run: ``make bench`` or ``.venv/bin/python bench/bench_lifting.py [ROWS]``.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from reintegratie_addin import udfs


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeats`` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(rows: int = 10_000, repeats: int = 7) -> None:
    """Measure and print the ratios."""
    rng = random.Random(42)
    first = date(2020, 1, 1)
    cells = [
        datetime.combine(first + timedelta(days=rng.randrange(0, 2500)), datetime.min.time())
        for _ in range(rows)
    ]
    column = [[cell] for cell in cells]
    offset = timedelta(days=294)

    # Sanity: the lifted call computes what bare arithmetic computes.
    lifted_result = udfs.RI_MIJLPAAL(column, "42e week")
    assert [r[0] for r in lifted_result] == [c.date() + offset for c in cells]

    bare = best_of(repeats, lambda: [c + offset for c in cells])
    lifted = best_of(repeats, lambda: udfs.RI_MIJLPAAL(column, "42e week"))
    singles = best_of(
        max(1, repeats // 2), lambda: [udfs.RI_MIJLPAAL(c, "42e week") for c in cells]
    )

    per_row = lambda seconds: seconds / rows * 1e9  # noqa: E731 - a unit conversion
    print(f"rows: {rows:,}")
    print(f"bare date + timedelta : {per_row(bare):8.1f} ns/row")
    print(f"lifted RI_MIJLPAAL    : {per_row(lifted):8.1f} ns/row")
    print(f"{rows:,} single calls  : {per_row(singles):8.1f} ns/row")
    print(f"lifted / bare         : {lifted / bare:8.2f}x  (target <= 10x)")
    print(f"singles / lifted      : {singles / lifted:8.2f}x")


# --- Financial functions (issue 14, financieel.md §9.7) ------------------------------------
# Kept as one separate list so that it merges into a table of all liftable functions: each
# case is (function name, its arguments with one column of distinct rows).


def financial_cases(rows: int, rng: random.Random) -> list[tuple[str, tuple[object, ...]]]:
    """The six financial functions, each lifted over a column of ``rows`` distinct values."""
    wages = [[rng.randrange(100_000, 1_500_000) / 100 + i / 1_000_000] for i in range(rows)]
    # Whole years allow at most 46 × 46 distinct pairs: both columns are lifted.
    before = [[rng.randrange(0, 46)] for _ in range(rows)]
    since = [[rng.randrange(0, 46)] for _ in range(rows)]
    midnight = datetime.min.time()
    dates = [
        [datetime.combine(date(2024, 1, 1) + timedelta(days=i % 2500), midnight)]
        for i in range(rows)
    ]
    peil = datetime.combine(date(2025, 3, 1), midnight)
    return [
        ("RI_LOONDOORBETALING", (wages, 10, peil, 36)),
        ("RI_WIA_DAGLOON", (wages, peil)),
        ("RI_WIA_MAANDLOON", (26100, dates)),
        ("RI_WGA_DUUR", (before, since)),
        ("RI_WIA_UITKERING", (26100, 0.5, 1000, wages, peil, False, 13, 12)),
        # A table: not lifted; measured as one call per row.
        ("RI_WIA_OVERZICHT", (26100, 0.5, 1000, 600, peil, False, 12.5)),
    ]


def bench_financial(rows: int = 10_000, repeats: int = 3) -> None:
    """Per-row time of each financial function and its ratio to bare date arithmetic."""
    rng = random.Random(14)
    start = date(2020, 1, 1)
    cells = [
        datetime.combine(start + timedelta(days=rng.randrange(0, 2500)), datetime.min.time())
        for _ in range(rows)
    ]
    offset = timedelta(days=294)
    bare = best_of(7, lambda: [c + offset for c in cells])
    functions = udfs.contract_functions()
    print(f"financial functions, {rows:,} distinct rows (bare {bare / rows * 1e9:.1f} ns/row):")
    for name, args in financial_cases(rows, rng):
        function = functions[name]
        if name == "RI_WIA_OVERZICHT":
            seconds = best_of(repeats, lambda f=function, a=args: [f(*a) for _ in range(rows)])
            note = "one call per row (table)"
        else:
            result = function(*args)
            assert isinstance(result, list)
            assert len(result) == rows
            assert not any(str(r[0]).startswith("#") for r in result)
            seconds = best_of(repeats, lambda f=function, a=args: f(*a))
            note = "lifted"
        print(
            f"  {name:22s}: {seconds / rows * 1e9:9.1f} ns/row  {seconds / bare:7.1f}x bare"
            f"  ({note})"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
    bench_financial(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
