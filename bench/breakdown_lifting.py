"""Where a lifted row's time goes: the cases of ``bench_lifting`` split into their steps.

Per function, measured in one run (process time, best of alternating rounds), in ns per
row and as a multiple of bare ``date + timedelta``:

* ``coerce``: the lifted column's cells into core values (dates, sickness cases, amounts);
* ``rule``: the body per row (the ``RI_`` function, its core call and its decision
  record) and reading ``.value``, over the already coerced column;
* ``format``: the values as Excel shows them (a ``Decimal`` as a ``float``);
* ``rest``: shaping the arguments, single arguments, the result rows (the whole call
  minus the three above).

Run: ``.venv/bin/python bench/breakdown_lifting.py [ROWS] [ROUNDS] [NAME ...]``.
"""

from __future__ import annotations

import gc
import itertools
import sys
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

import bench_lifting as bench
from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY, ExcelFunction, default_column, unwrap_single


def best(rounds: int, run: Callable[[], object]) -> float:
    """The fastest of ``rounds`` runs, in CPU seconds of this process (gc off, as lifted)."""
    fastest = float("inf")
    gc.disable()
    try:
        for _ in range(rounds):
            start = time.process_time()
            run()
            fastest = min(fastest, time.process_time() - start)
    finally:
        gc.enable()
    return fastest


def steps(function: ExcelFunction, raw: Sequence[Any]) -> dict[str, Callable[[], object]]:
    """The steps of one lifted call, each runnable on its own."""
    params = function.params
    raw = [*raw, *[None] * (len(params) - len(raw))]
    columns = {
        i: col
        for i, (p, value) in enumerate(zip(params, raw, strict=True))
        if p.lift and (col := (p.column or default_column)(value)) is not None
    }
    (index, column), *_ = columns.items()
    fixed = [
        p.coerce(unwrap_single(raw[i]) if p.lift else raw[i], p.name) if i not in columns else None
        for i, p in enumerate(params)
    ]
    coerced = {i: function._coerce_column(params[i], col)[0] for i, col in columns.items()}

    def rule() -> list[Any]:
        arguments = [
            iter(coerced[i]) if i in coerced else itertools.repeat(v) for i, v in enumerate(fixed)
        ]
        return [decision.value for decision in map(function.body, *arguments)]

    values = rule()
    return {
        "call": lambda: function(*raw),
        "coerce": lambda: function._coerce_column(params[index], column),
        "rule": rule,
        "format": lambda: function._format_all(values),
    }


def arguments(case: bench.Case, columns: bench.Columns) -> list[Any]:
    """The raw arguments the case passes to its function (recorded by a stand-in)."""
    recorded: list[Any] = []
    function = getattr(udfs, case.name)
    setattr(udfs, case.name, lambda *raw: recorded.extend(raw))
    try:
        case.call(columns)
    finally:
        setattr(udfs, case.name, function)
    return recorded


def main(rows: int = 10_000, rounds: int = 7, names: Sequence[str] = ()) -> None:
    """Print the breakdown of the chosen cases (all by default)."""
    columns = bench.Columns.make(rows)
    cells = [row[0] for row in columns.first_days]
    offset = timedelta(days=294)
    bare = best(rounds * 3, lambda: [cell + offset for cell in cells])
    print(f"rows: {rows:,} · bare date + timedelta: {bare / rows * 1e9:.1f} ns/row")
    print(
        f"{'function':30} {'call':>7} {'coerce':>7} {'rule':>7} {'format':>7} {'rest':>7}  ns/row"
    )
    for case in bench.CASES:
        if names and not any(case.name.startswith(n) for n in names):
            continue
        raw = arguments(case, columns)
        function = REGISTRY[case.name]
        timed = {k: best(rounds, run) / rows * 1e9 for k, run in steps(function, raw).items()}
        rest = timed["call"] - timed["coerce"] - timed["rule"] - timed["format"]
        shown = [timed["call"], timed["coerce"], timed["rule"], timed["format"], rest]
        print(f"{case.name:30}" + "".join(f" {v:7.0f}" for v in shown))
        print(f"{'  × bare':30}" + "".join(f" {v / (bare / rows * 1e9):7.1f}" for v in shown))


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    rows, rounds = [*numbers, 10_000, 7][0], [*numbers[1:], 7][0]
    main(rows, rounds, [a for a in sys.argv[1:] if not a.isdigit()])
