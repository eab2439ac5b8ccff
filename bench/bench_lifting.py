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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
