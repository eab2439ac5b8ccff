"""Benchmark: the worklist (``reintegratie signalen``): CPU against a csv.reader floor, memory.

Targets (issue 11, on the project's 2-core machine, measured in one run, each command as a
separate process as a user runs it; at 200,000 rows each command is measured ``--herhalingen``
times (3), alternately, and the run with the fewest CPU seconds counts — on a shared virtual
machine one run of the 0.3 s floor varies by half):

* over **200,000** generated periods, ``signalen`` uses at most **8×** (goal 6×) the CPU
  seconds — all processes, workers included — of a bare ``csv.reader`` pass that parses
  the two date columns of the same file (the *floor*);
* at **1,000,000** periods the peak memory stays ≤ 1 GiB (and the wall time ≤ 30 s).

With ``--unicode-tekst`` it compares instead, per ``--rijen``, the same portfolio as Excel's
two tab-separated texts: "Unicode-tekst" (UTF-16 LE with a BOM, transcoded to UTF-8 in the
scratch folder first) against UTF-8 — time, CPU and peak memory, alternately measured
``--herhalingen`` times, the run with the fewest CPU seconds counting, and their ratios.

For each run: wall time, rows per second, peak memory — the sum of the resident memory of
the process and its workers, sampled every 20 ms from ``/proc`` —, the CPU seconds it used
(workers included), and how busy *other* processes kept the machine meanwhile (on a shared
machine they slow every wall time down; CPU seconds change much less). The portfolios are
generated once (``reintegratie genereer``, seed 1) and cached in the scratch folder.

Run: ``make bench-signalen`` or
``.venv/bin/python bench/bench_signalen.py [--rijen N ...] [--processen N] [--map DIR]``.
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
from datetime import date
from pathlib import Path
from typing import NamedTuple

TARGET_RATIO = 8.0
GOAL_RATIO = 6.0
RATIO_ROWS = 200_000
TARGET_SECONDS = 30.0
TARGET_BYTES = 1 << 30
PEILDATUM = "2025-11-03"
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children(pid: int) -> list[int]:
    found: list[int] = []
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


def floor(source: str) -> int:
    """The floor: read every row with ``csv.reader`` and parse its two date columns."""
    with open(source, newline="", encoding="utf-8") as reading:
        rows = csv.reader(reading)
        header = next(rows)
        first, last = header.index("eerste_ziektedag"), header.index("laatste_ziektedag")
        count = 0
        for cells in rows:
            date.fromisoformat(cells[first])
            if cells[last]:
                date.fromisoformat(cells[last])
            count += 1
    return count


def _n(number: float) -> str:
    """A whole number the Dutch way: 1.000.000."""
    return f"{number:,.0f}".replace(",", ".")


def _row(label: str, rows: int, m: Measurement) -> str:
    return (
        f"{label:<28} {m.wall:7.1f} s {_n(rows / m.wall):>9} rijen/s "
        f"{m.peak / (1 << 20):6.0f} MiB  {m.cpu:6.2f} CPU-s   anderen {m.others:4.0f}%"
    )


def _portfolio(cli: list[str], folder: Path, rows: int) -> Path:
    path = folder / f"portefeuille-{rows}.csv"
    if not path.exists():
        print(f"genereren: {_n(rows)} rijen → {path}", flush=True)
        subprocess.run(
            [*cli, "genereer", str(rows), "--uit", str(path), "--peildatum", PEILDATUM],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def _unicode_texts(portfolio: Path) -> tuple[Path, Path]:
    """``portfolio`` as tab-separated text with CRLF line ends (as Excel saves it), in
    UTF-8 and as "Unicode-tekst" (UTF-16 LE with a BOM): the same lines; made once."""
    utf8 = portfolio.with_name(f"{portfolio.stem}-tekst-utf8.txt")
    utf16 = portfolio.with_name(f"{portfolio.stem}-unicode-tekst.txt")
    for path, encoding, bom in ((utf8, "utf-8", ""), (utf16, "utf-16-le", "\ufeff")):
        if path.exists():
            continue
        print(f"omzetten: {path}", flush=True)
        with (
            portfolio.open(newline="", encoding="utf-8") as reading,
            path.open("w", newline="", encoding=encoding) as writing,
        ):
            writing.write(bom)
            csv.writer(writing, delimiter="\t", lineterminator="\r\n").writerows(
                csv.reader(reading)
            )
    return utf8, utf16


def compare_unicode_text(cli: list[str], portfolio: Path, rows: int, repeats: int) -> None:
    """Measure ``signalen`` on the same portfolio as UTF-8 text and as Unicode-tekst."""
    utf8, utf16 = _unicode_texts(portfolio)
    target = portfolio.with_name("werklijst-tekst.csv")
    runs = {
        f"UTF-8 tekst ({utf8.stat().st_size / (1 << 20):.0f} MiB)": utf8,
        f"Unicode-tekst ({utf16.stat().st_size / (1 << 20):.0f} MiB)": utf16,
    }
    results: dict[str, Measurement] = {}
    for _round in range(max(1, repeats)):
        for label, source in runs.items():
            command = [
                *cli,
                "signalen",
                str(source),
                "--peildatum",
                PEILDATUM,
                "--uit",
                str(target),
            ]
            result = measure(command)
            if result.code != 0:
                raise SystemExit(f"{label}: mislukt (exitcode {result.code})")
            if label not in results or result.cpu < results[label].cpu:
                results[label] = result
    print(
        f"\n{_n(rows)} rijen, signalen → CSV\n"
        f"{'':<28} {'tijd':>9} {'snelheid':>17} {'piek':>10}  {'eigen CPU':>11}   "
        "andere processen op de machine"
    )
    for label, result in results.items():
        print(_row(label, rows, result))
    print(f"(per opdracht de zuinigste van {max(1, repeats)} metingen, om en om gemeten)")
    plain, unicode = results.values()
    print(
        f"Unicode-tekst: {unicode.cpu / plain.cpu:.2f}× de CPU, {unicode.wall / plain.wall:.2f}× "
        f"de tijd en {unicode.peak / plain.peak:.2f}× het piekgeheugen van UTF-8 tekst",
        flush=True,
    )


def _compile_once(python: str) -> None:
    """Compile the project's and its environment's modules to bytecode before measuring.

    An installed program runs from bytecode (pip compiles at install; Python caches it on
    the first run). With ``PYTHONDONTWRITEBYTECODE`` set — as on CI and shared machines —
    every run would compile all its sources again (~0.1 CPU-s), which no user pays; the
    floor's own module is compiled too, so both sides are measured alike.
    """
    code = (
        "import compileall, sysconfig; "
        "[compileall.compile_dir(d, quiet=2) for d in {*sysconfig.get_paths().values()} "
        "if d.endswith('-packages')]"
    )
    subprocess.run([python, "-c", code], check=False, stdout=subprocess.DEVNULL)
    for folder in (Path(__file__).resolve().parents[1] / "src", Path(__file__).parent):
        subprocess.run(
            [python, "-m", "compileall", "-q", str(folder)], check=False, stdout=subprocess.DEVNULL
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Generate (once), measure and print the numbers and the verdicts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rijen", type=int, nargs="+", default=[RATIO_ROWS, 1_000_000])
    parser.add_argument("--processen", type=int, default=None)
    parser.add_argument("--map", type=Path, default=Path(tempfile.gettempdir()) / "bench-signalen")
    parser.add_argument(
        "--herhalingen",
        type=int,
        default=3,
        help=f"metingen per opdracht bij {RATIO_ROWS:_} rijen, om en om; de zuinigste telt",
    )
    parser.add_argument(
        "--unicode-tekst",
        action="store_true",
        help="vergelijk Unicode-tekst (UTF-16) met UTF-8 tekst van dezelfde portefeuille",
    )
    args = parser.parse_args(argv)
    folder: Path = args.map
    folder.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    cli = [python, "-m", "reintegratie_cli.main"]
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).parent), os.environ.get("PYTHONPATH")])
    )
    _compile_once(python)
    if args.unicode_tekst:
        for rows in args.rijen:
            compare_unicode_text(cli, _portfolio(cli, folder, rows), rows, args.herhalingen)
        return 0
    return _against_the_floor(cli, folder, args)


def _against_the_floor(cli: list[str], folder: Path, args: argparse.Namespace) -> int:
    """Measure ``signalen`` against the floor per ``--rijen``; print the verdicts."""
    python = cli[0]
    extra = ["--processen", str(args.processen)] if args.processen else []
    failed = False
    print(f"{os.cpu_count()} CPU's; peildatum {PEILDATUM}; modules vooraf naar bytecode vertaald")
    for rows in args.rijen:
        portfolio = _portfolio(cli, folder, rows)
        print(
            f"\n{_n(rows)} rijen, {portfolio.stat().st_size / (1 << 20):.0f} MiB\n"
            f"{'':<28} {'tijd':>9} {'snelheid':>17} {'piek':>10}  {'eigen CPU':>11}   "
            "andere processen op de machine",
            flush=True,
        )
        runs = {
            "vloer: csv.reader + 2 datums": [
                python, "-c", f"import bench_signalen as b; b.floor({str(portfolio)!r})",
            ],
            "signalen → CSV": [
                *cli, "signalen", str(portfolio), "--peildatum", PEILDATUM, "--uit", str(folder / "werklijst.csv"), *extra,
            ],
            "signalen → XLSX": [
                *cli, "signalen", str(portfolio), "--peildatum", PEILDATUM, "--uit", str(folder / "werklijst.xlsx"), *extra,
            ],
        }  # fmt: skip
        results: dict[str, Measurement] = {}
        repeats = max(1, args.herhalingen) if rows == RATIO_ROWS else 1
        for _round in range(repeats):  # alternately, so that a busy moment hits both sides
            for label, command in runs.items():
                result = measure(command)
                if result.code != 0:
                    print(f"{label}: mislukt (exitcode {result.code})")
                    return 1
                if label not in results or result.cpu < results[label].cpu:
                    results[label] = result
        for label, result in results.items():
            print(_row(label, rows, result), flush=True)
        if repeats > 1:
            print(f"(per opdracht de zuinigste van {repeats} metingen, om en om gemeten)")
        floor_cpu = results["vloer: csv.reader + 2 datums"].cpu
        for label in ("signalen → CSV", "signalen → XLSX"):
            measured = results[label]
            ratio = measured.cpu / floor_cpu
            line = f"{label}: {ratio:.1f}× de CPU van de vloer"
            if rows == RATIO_ROWS:
                verdict = "binnen" if ratio <= TARGET_RATIO else "BUITEN"
                failed = failed or (verdict == "BUITEN" and label == "signalen → CSV")
                line += f"; {verdict} het doel ≤ {TARGET_RATIO:.0f}× (streven {GOAL_RATIO:.0f}×)"
            if rows >= 1_000_000:
                small = measured.peak <= TARGET_BYTES
                fast = measured.wall <= TARGET_SECONDS
                failed = failed or not small
                line += (
                    f"; geheugen {'binnen' if small else 'BUITEN'} ≤ 1 GiB; "
                    f"tijd {'binnen' if fast else 'buiten'} ≤ {TARGET_SECONDS:.0f} s"
                )
            print(line)
    if failed:
        print("(op een gedeelde machine: zie de bezetting hierboven)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
