"""Benchmark: the worklist (``reintegratie signalen``) over a million sick periods.

Target (issue 6), on the project's 2-core machine: ≤ 30 s and ≤ 1 GiB peak memory for
1,000,000 rows. Measured in one run, each as a separate process (as a user runs it):

* **I/O floor**: merely reading the portfolio with the csv module and writing every row
  back (CSV), and writing the same rows with the XLSX writer the worklist uses;
* **signalen → CSV** and **signalen → XLSX**: the whole command, with ``--processen`` as
  given (default: all CPUs);
* for each: wall time, rows per second, peak memory — the sum of the resident memory of
  the process and its workers, sampled every 20 ms from ``/proc`` (so workers that run at
  the same time count together) —, the CPU seconds it used (workers included), and how
  busy *other* processes kept the machine meanwhile (on a shared machine they slow every
  wall time down; the CPU seconds hardly change).

Ratios to the I/O floor are printed at the end. The portfolio is generated once
(``reintegratie genereer``, seed 1) and cached in the scratch folder.

Run: ``make bench-signalen`` or
``.venv/bin/python bench/bench_signalen.py [ROWS] [--processen N] [--map DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

TARGET_SECONDS = 30.0
TARGET_BYTES = 1 << 30
PEILDATUM = "2025-11-03"
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as stream:
                found.extend(int(c) for c in stream.read().split())
    except OSError:
        pass
    return found


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm", encoding="ascii") as stream:
                total += int(stream.read().split()[1]) * PAGE
        except OSError:
            continue
        stack.extend(_children(current))
    return total


def _cpu_busy() -> tuple[int, int]:
    with open("/proc/stat", encoding="ascii") as stream:
        fields = [int(x) for x in stream.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


class Measurement(NamedTuple):
    """One measured run."""

    wall: float
    peak: int
    cpu: float
    others: float
    code: int


def measure(command: Sequence[str]) -> Measurement:
    """Run ``command``: wall seconds, peak RSS of its process tree, its own CPU seconds
    (user + system, workers included), and how busy the rest of the machine was (% of
    all CPUs) meanwhile."""
    busy0, _ = _cpu_busy()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy1, _ = _cpu_busy()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    ticks = os.sysconf("SC_CLK_TCK")
    machine = (busy1 - busy0) / ticks  # CPU seconds used by everything
    cpus = os.cpu_count() or 1
    others = max(0.0, machine - cpu) / (wall * cpus) * 100.0
    return Measurement(wall, peak, cpu, others, process.returncode)


def _floor_csv(source: str, target: str) -> None:
    """Read every row with the csv module and write it back: the I/O floor for CSV."""
    with (
        open(source, newline="", encoding="utf-8") as reading,
        open(target, "w", newline="", encoding="utf-8") as writing,
    ):
        csv.writer(writing).writerows(csv.reader(reading))


def _floor_xlsx(source: str, target: str) -> None:
    """Read every row and write it with the worklist's XLSX writer: the floor for XLSX."""
    from reintegratie_cli.output import XlsxWriter

    with open(source, newline="", encoding="utf-8") as reading:
        rows = csv.reader(reading)
        writer = XlsxWriter(Path(target), next(rows))
        for cells in rows:
            writer.write(cells)
        writer.close()


def _n(number: float) -> str:
    """A whole number the Dutch way: 1.000.000."""
    return f"{number:,.0f}".replace(",", ".")


def _row(label: str, rows: int, m: Measurement) -> str:
    return (
        f"{label:<32} {m.wall:7.1f} s {_n(rows / m.wall):>9} rijen/s "
        f"{m.peak / (1 << 20):6.0f} MiB  {m.cpu:6.1f} CPU-s   anderen {m.others:4.0f}%"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Generate (once), measure and print the numbers and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--processen", type=int, default=None)
    parser.add_argument("--map", type=Path, default=Path(tempfile.gettempdir()) / "bench-signalen")
    args = parser.parse_args(argv)
    folder: Path = args.map
    folder.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    cli = [python, "-m", "reintegratie_cli.main"]
    portfolio = folder / f"portefeuille-{args.rows}.csv"
    if not portfolio.exists():
        print(f"genereren: {_n(args.rows)} rijen → {portfolio}", flush=True)
        subprocess.run(
            [*cli, "genereer", str(args.rows), "--uit", str(portfolio), "--peildatum", PEILDATUM],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    size = portfolio.stat().st_size
    print(
        f"{_n(args.rows)} rijen, {size / (1 << 20):.0f} MiB; {os.cpu_count()} CPU's; "
        f"peildatum {PEILDATUM}",
        flush=True,
    )
    extra = ["--processen", str(args.processen)] if args.processen else []
    runs = {
        "I/O-vloer CSV (lezen+schrijven)": [
            python, "-c", f"import bench_signalen as b; b._floor_csv({str(portfolio)!r}, {str(folder / 'vloer.csv')!r})",
        ],
        "I/O-vloer XLSX": [
            python, "-c", f"import bench_signalen as b; b._floor_xlsx({str(portfolio)!r}, {str(folder / 'vloer.xlsx')!r})",
        ],
        "signalen → CSV": [
            *cli, "signalen", str(portfolio), "--peildatum", PEILDATUM, "--uit", str(folder / "werklijst.csv"), *extra,
        ],
        "signalen → XLSX": [
            *cli, "signalen", str(portfolio), "--peildatum", PEILDATUM, "--uit", str(folder / "werklijst.xlsx"), *extra,
        ],
    }  # fmt: skip
    env_path = str(Path(__file__).parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [env_path, os.environ.get("PYTHONPATH")])
    )
    results: dict[str, Measurement] = {}
    failed = False
    print(
        f"{'':<32} {'tijd':>9} {'snelheid':>17} {'piek':>10}  {'eigen CPU':>10}   "
        "andere processen op de machine"
    )
    for label, command in runs.items():
        result = measure(command)
        if result.code != 0:
            print(f"{label}: mislukt (exitcode {result.code})")
            return 1
        results[label] = result
        print(_row(label, args.rows, result), flush=True)
    print()
    floor_csv = results["I/O-vloer CSV (lezen+schrijven)"].wall
    floor_xlsx = results["I/O-vloer XLSX"].wall
    for label, floor in (("signalen → CSV", floor_csv), ("signalen → XLSX", floor_xlsx)):
        wall, peak = results[label].wall, results[label].peak
        verdict = "binnen" if wall <= TARGET_SECONDS and peak <= TARGET_BYTES else "BUITEN"
        failed = failed or verdict == "BUITEN"
        print(
            f"{label}: {wall / floor:.1f}× de I/O-vloer; {verdict} het doel "
            f"(≤ {TARGET_SECONDS:.0f} s, ≤ 1 GiB) bij {_n(args.rows)} rijen"
        )
    if failed:
        print("(op een gedeelde machine: zie de bezetting hierboven)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
