"""The worklist pipeline: read/validate, group, compute, write — with flat memory.

The rows of one employee need **not** be on consecutive lines; the pipeline groups them
itself, in streaming steps, each in its own place:

1. **Read** (`reintegratie_cli.portfolio`): a CSV's lines are read in byte ranges by
   the worker processes (every physical line is one record, `CsvFormat`); an
   XLSX's rows by the main process.
2. **Group**: each row goes, by a CRC-32 of its werkgever + werknemer, to one of *P*
   partition files in a scratch folder. *P* grows with the input (one partition per
   `PARTITION_BYTES`), so a partition holds about the same number of rows however
   large the portfolio is. Then, per partition (one task per worker): validate the rows
   (`RowParser`) and collect them per employee.
3. **Compute** (`reintegratie_cli.worklines`): per employee, the line of its open case
   from the core's [`work_item`][reintegratie_core.work_item]. Any exception in one
   employee's computation is that employee's error line, never the run's.
4. **Write** (`reintegratie_cli.output`): each task encodes its lines with the one
   encoder of the output format and sorts them into a run; `heapq.merge` of the runs
   streams the lines, in urgency order, into the atomically replaced output file.

Stopping: Ctrl-C or SIGTERM (`reintegratie_cli.main.main` turns SIGTERM into a
`KeyboardInterrupt`) terminates the workers, removes the scratch folder (`Scratch`, which
also holds the UTF-8 copy of a UTF-16 portfolio) and any partial output file; an earlier
output file is left as it was. The workers ignore Ctrl-C themselves (the main process
stops them) and die with the main process (``PR_SET_PDEATHSIG``), so none is left behind.

An employee is identified by werkgever + werknemer: a personeelsnummer is unique within
one employer, and samentelling concerns one employer's wage continuation.
"""

from __future__ import annotations

import contextlib
import gc
import heapq
import itertools
import math
import operator
import os
import signal
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from reintegratie_cli.output import (
    XLSX_MAX_ROWS,
    AtomicOutput,
    CsvWriter,
    OutputError,
    OutputKind,
    ScratchError,
    XlsxWriter,
    encoder,
    scratch_write_error,
)
from reintegratie_cli.portfolio import (
    CsvFormat,
    Header,
    PeriodRow,
    RowError,
    RowParser,
    Source,
    unreadable,
)
from reintegratie_cli.worklines import (
    ERROR_RANK,
    OUTPUT_HEADER,
    OUTPUT_NUMBERS,
    OUTPUT_WIDTHS,
    Key,
    Line,
    employee_line,
    error_line,
    failed,
)
from reintegratie_io import thousands

if TYPE_CHECKING:
    import multiprocessing.pool
    import tempfile

# multiprocessing, pickle, tempfile and ctypes are imported where a portfolio of more than
# one partition needs them: a smaller one is worked in this process, and their import is a
# noticeable part of its CPU time (issue 11).

#: Input bytes per partition: about 230,000 CSV rows, some 150 MB of memory per task. A
#: portfolio that fits one partition is worked in this process, without scratch files.
PARTITION_BYTES = 24 << 20
#: XLSX is compressed about fourfold; its partitions are smaller for the same row count.
XLSX_PARTITION_BYTES = 6 << 20
#: Rows per pickled batch in partition and run files.
BATCH = 2048


class Settings(NamedTuple):
    """What every partition task needs to know."""

    header: Header
    reference: date
    horizon: int
    output: OutputKind | None
    top: int
    #: How a task's rows, a CSV's lines as bytes, become cells (``None``: they are cells).
    csv: CsvFormat | None


class Task(NamedTuple):
    """One partition to work on — its files, each with the number to add to its row
    numbers — and where to put its sorted run."""

    parts: tuple[tuple[Path, int], ...]
    run: Path
    settings: Settings


class Split(NamedTuple):
    """The group step for one byte range of a CSV, done by a worker process."""

    csv: CsvFormat
    header: Header
    start: int
    end: int
    folder: Path
    piece: int
    partitions: int


class Result(NamedTuple):
    """What a partition task reports back: counts, its most urgent lines, its first errors,
    and its encoded lines in order when they were not written to a run file (then encoded
    as they are read: in this process, by the write step)."""

    counts: Counter[str]
    top: list[tuple[Key, tuple[object, ...]]]
    errors: list[RowError]
    records: int
    lines: Iterator[tuple[Key, str]] | None = None


class Summary(NamedTuple):
    """The outcome of a whole run, for the terminal."""

    counts: Counter[str]
    top: list[tuple[object, ...]]
    errors: list[RowError]
    written: int
    partitions: int
    processes: int


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector during a bulk step.

    The steps build large acyclic structures (rows, groups, lines); the collector would
    traverse them again and again (about 15 % of the time) without finding anything.
    Reference counting still frees everything. Afterwards what exists is frozen
    (``gc.freeze``) before the collector runs again: else its first collections would
    traverse everything the step left — the lines to write, about 0.1 CPU-s per 200,000
    rows — once more to find nothing (issue 11).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


# --- Scratch files -----------------------------------------------------------------------


@contextlib.contextmanager
def _scratch_streams(paths: Sequence[Path]) -> Iterator[list[IO[bytes]]]:
    """Open scratch files for writing; a failure to write them is a `ScratchError`."""
    streams: list[IO[bytes]] = []
    try:
        for path in paths:
            streams.append(path.open("wb", buffering=1 << 18))  # noqa: PERF401 - closed if one fails
        yield streams
        for stream in streams:
            stream.flush()
    except OSError as exc:
        raise scratch_write_error(paths[0].parent.parent, exc) from None
    finally:
        for stream in streams:
            with contextlib.suppress(OSError):
                stream.close()


class Scratch:
    """The scratch folder of one run, made when first needed (`folder`) and removed with
    everything in it when the ``with`` block is left in any way: success, an error, Ctrl-C
    or SIGTERM (a `KeyboardInterrupt`). The one place of the run's temporary files: the
    partition and run files, and the UTF-8 copy of a UTF-16 portfolio
    (`reintegratie_cli.portfolio.open_portfolio`)."""

    def __init__(self) -> None:
        self._directory: tempfile.TemporaryDirectory[str] | None = None

    def folder(self) -> Path:
        """The folder (made now, the first time); `ScratchError` when it cannot be made."""
        if self._directory is None:
            import tempfile

            try:
                self._directory = tempfile.TemporaryDirectory(prefix="reintegratie-signalen-")
            except OSError as exc:
                msg = (
                    f"tijdelijke map {tempfile.gettempdir()}: aanmaken mislukt "
                    f"({exc.strerror or exc})"
                )
                raise ScratchError(msg) from None
        return Path(self._directory.name)

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._directory is not None:
            self._directory.cleanup()


def _dump(stream: IO[bytes], batch: object) -> None:
    import pickle

    pickle.dump(batch, stream, protocol=pickle.HIGHEST_PROTOCOL)


def _load_batches(path: Path) -> Iterator[Any]:
    import pickle

    with path.open("rb", buffering=1 << 20) as stream:
        while True:
            try:
                batch = pickle.load(stream)  # noqa: S301 - our own temporary files
            except EOFError:
                return
            yield from batch


# --- Group: rows to partitions, partitions to employees --------------------------------------


def partition_of(key: tuple[str, str], count: int) -> int:
    """The partition of an employee: a CRC-32 of werkgever + werknemer (the same in every
    process, unlike ``hash``), modulo ``count``."""
    employer, employee = key
    return zlib.crc32(f"{employer}\x1f{employee}".encode("utf-8", "surrogatepass")) % count


def partitions_for(size: int, kind: str) -> int:
    """How many partitions an input of ``size`` bytes gets (at least one)."""
    per = XLSX_PARTITION_BYTES if kind == "xlsx" else PARTITION_BYTES
    return max(1, math.ceil(size / per))


def _route(
    items: Iterable[tuple[int, Any]],
    key_of: Callable[[Any], tuple[str, str]],
    paths: Sequence[Path],
) -> int:
    """Write ``(number, stored)`` items to the partition files by their employee's key;
    returns how many there were."""
    count = len(paths)
    buffers: list[list[tuple[int, Any]]] = [[] for _ in paths]
    seen = 0
    with _scratch_streams(paths) as streams:
        for seen, (number, stored) in enumerate(items, 1):  # noqa: B007 - returned
            index = 0 if count == 1 else partition_of(key_of(stored), count)
            buffer = buffers[index]
            buffer.append((number, stored))
            if len(buffer) >= BATCH:
                _dump(streams[index], buffer)
                buffer.clear()
        for buffer, stream in zip(buffers, streams, strict=True):
            if buffer:
                _dump(stream, buffer)
    return seen


def split_range(split: Split) -> tuple[list[Path], int]:
    """The group step for one byte range of a CSV: route its lines (as bytes, parsed later)
    to the partitions. Row numbers count from the range's start (the caller adds the
    offset); returns the partition files and the number of lines in the range."""
    form, count = split.csv, split.partitions
    parser = RowParser(split.header)
    paths = [split.folder / f"deel{k:04d}-{split.piece:03d}.pickle" for k in range(count)]

    def key_of(line: bytes) -> tuple[str, str]:
        return parser.group_key(form.cells(line))

    lines = enumerate(form.lines(split.start, split.end), 1)
    with _no_gc():
        number = _route(lines, key_of, paths)
    return paths, number


def _ranges(form: CsvFormat, size: int, pieces: int) -> list[tuple[int, int]]:
    """``pieces`` byte ranges of the data lines, each starting at the start of a line."""
    bounds = [form.data_offset]
    with form.path.open("rb") as stream:
        for piece in range(1, pieces):
            stream.seek(
                max(bounds[-1], form.data_offset + (size - form.data_offset) * piece // pieces)
            )
            stream.readline()
            position = stream.tell()
            if position < size:
                bounds.append(position)
    bounds.append(size)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _group_csv(
    form: CsvFormat,
    header: Header,
    size: int,
    folder: Path,
    *,
    count: int,
    pool: multiprocessing.pool.Pool | None,
    pieces: int,
) -> list[list[tuple[Path, int]]]:
    """Route a CSV's lines to the partitions, byte ranges in parallel (or in-process).

    Returns, per partition, its files with the row-number offset of each.
    """
    splits = [
        Split(form, header, start, end, folder, index, count)
        for index, (start, end) in enumerate(_ranges(form, size, pieces))
    ]
    done = pool.map(split_range, splits) if pool is not None else map(split_range, splits)
    parts: list[list[tuple[Path, int]]] = [[] for _ in range(count)]
    offset = form.first_row - 1
    for paths, lines in done:
        for k, path in enumerate(paths):
            parts[k].append((path, offset))
        offset += lines
    return parts


def _group_rows(
    source: Source, folder: Path, count: int, progress: Callable[[int], None]
) -> list[list[tuple[Path, int]]]:
    """Route a source's rows (an XLSX sheet's) to the partitions, in this process."""
    parser = RowParser(source.header)
    paths = [folder / f"deel{i:04d}.pickle" for i in range(count)]

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for seen, item in enumerate(source.rows, 1):
            if not seen % 8192:
                progress(seen)
            yield item

    with _no_gc():
        _route(rows(), parser.group_key, paths)
    return [[(p, 0)] for p in paths]


def _employees(
    items: Iterable[tuple[int, Any]],
    settings: Settings,
    counts: Counter[str],
    errors: list[RowError],
) -> dict[tuple[str, str], list[PeriodRow]]:
    """Validate numbered rows (a CSV's lines as bytes, or an XLSX's cells) and collect the
    good ones per (werkgever, werknemer)."""
    parse = RowParser(settings.header).parse
    form = settings.csv
    cells_of = form.cells if form is not None else None
    groups: dict[tuple[str, str], list[PeriodRow]] = {}
    rows = 0
    for number, stored in items:
        cells = stored if cells_of is None else cells_of(stored)
        parsed = parse(cells, number)
        rows += 1
        if isinstance(parsed, RowError):  # rare: look closer only now
            reason = unreadable(cells)
            if reason is not None:
                parsed = RowError(number, "", "", f"onleesbare regel: {reason}")
            elif not "".join(str(c) for c in cells).strip():
                rows -= 1
                continue  # a blank line: it keeps its number, but is no row
            errors.append(parsed)
            continue
        key = (parsed.employer, parsed.employee)
        group = groups.get(key)
        if group is None:
            groups[key] = [parsed]
        else:
            group.append(parsed)
    counts["rijen"] += rows
    counts["werknemers"] += len(groups)
    return groups


def _numbered(parts: Sequence[tuple[Path, int]]) -> Iterator[tuple[int, Any]]:
    """The rows of a partition's files, with their numbers in the portfolio; each file is
    removed once read."""
    for path, offset in parts:
        for number, stored in _load_batches(path):
            yield number + offset, stored
        path.unlink(missing_ok=True)


# --- Compute -----------------------------------------------------------------------------


#: A line's key and values, and of its values the status and recht_op_dienstverlening,
#: as C-level getters.
_KEY = operator.itemgetter(0)
_VALUES = operator.itemgetter(1)
_STATUS = operator.itemgetter(OUTPUT_HEADER.index("status"))
_ELIGIBLE = operator.itemgetter(OUTPUT_HEADER.index("recht_op_dienstverlening"))


def _compute(
    groups: dict[tuple[str, str], list[PeriodRow]],
    settings: Settings,
    counts: Counter[str],
    errors: list[RowError],
) -> list[Line]:
    """The line of every employee with an open case; any failure is that employee's error.

    ``groups`` is emptied on the way: an employee's rows are freed as soon as its line is
    made, so the lines reuse their memory (peak 157 -> 124 MB on the 200k bench portfolio).
    The order of the lines does not matter: they are sorted by their unique keys next.
    """
    lines: list[Line] = []
    reference, horizon = settings.reference, settings.horizon
    pop = groups.popitem
    for _ in range(len(groups)):  # each employee's rows are freed once its line is made
        (employer, employee), rows = pop()
        try:
            line = employee_line(employer, employee, rows, reference, horizon)
        except Exception as exc:  # noqa: BLE001 - one employee's failure is its own error
            errors.append(failed(rows, employer, employee, exc))
            continue
        if isinstance(line, str):
            counts[line] += 1
            continue
        lines.append(line)
    # Per status, and outside the module ("nee" in recht_op_dienstverlening), counted at
    # C level over all lines at once instead of twice per line in the loop.
    values = list(map(_VALUES, lines))
    counts.update(map(_STATUS, values))
    outside = list(map(_ELIGIBLE, values)).count("nee")
    if outside:
        counts["buiten module"] += outside
    return lines


def work_partition(task: Task) -> Result:
    """One partition (in a worker): validate, group per employee, compute, encode, sort,
    write the run."""
    with _no_gc():
        return _work(_numbered(task.parts), task.settings, task.run)


def _work(items: Iterable[tuple[int, Any]], settings: Settings, run: Path | None) -> Result:
    """Rows → the sorted, encoded lines: into the ``run`` file, or kept (``run`` None)."""
    counts: Counter[str] = Counter()
    errors: list[RowError] = []
    groups = _employees(items, settings, counts, errors)
    lines = _compute(groups, settings, counts, errors)
    del groups
    # rows, as "rijen gelezen" counts them (one error of an employee may reject several)
    counts["afgekeurd"] += sum(e.rows for e in errors)
    counts["foutregels"] += len(errors)
    lines.extend(error_line(e) for e in errors)
    lines.sort(key=operator.itemgetter(0))
    kept: Iterator[tuple[Key, str]] | None = None
    if settings.output is not None:
        encode = encoder(settings.output, OUTPUT_NUMBERS)
        if run is None:  # encoded while written: no list of them all, no pair per line kept
            kept = zip(map(_KEY, lines), map(encode, map(_VALUES, lines)), strict=True)
        else:
            with _scratch_streams([run]) as (stream,):
                for start in range(0, len(lines), BATCH):
                    batch = lines[start : start + BATCH]
                    _dump(
                        stream,
                        list(zip(map(_KEY, batch), map(encode, map(_VALUES, batch)), strict=True)),
                    )
    top = [(ln.key, ln.display()) for ln in lines[: settings.top] if ln.key[0] != ERROR_RANK]
    errors.sort(key=operator.attrgetter("row"))
    return Result(counts, top, errors[: settings.top], len(lines), kept)


# --- Processes ---------------------------------------------------------------------------


def _worker_start() -> None:
    """In each worker: leave Ctrl-C to the main process (it stops the workers), die on
    SIGTERM at once, and die with the main process if that is killed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the main process is already gone
            os._exit(1)


@contextlib.contextmanager
def _workers(count: int) -> Iterator[multiprocessing.pool.Pool | None]:
    """A pool of ``count`` forked workers (``None`` for one: work in this process); on any
    way out — an error, Ctrl-C, SIGTERM — the workers are terminated and reaped."""
    if count <= 1:
        yield None
        return
    import multiprocessing

    # Forked on Linux (the workers start at once, sharing what is loaded); elsewhere the
    # platform's own way.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = context.Pool(count, initializer=_worker_start)
    try:
        yield pool
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# --- The whole run -----------------------------------------------------------------------


def run(
    source: Source,
    *,
    kind: str,
    reference: date,
    horizon: int,
    target: Path | None,
    top: int,
    processes: int,
    scratch: Scratch,
    progress: bool = False,
) -> Summary:
    """Compute the worklist of ``source``; write it to ``target`` (CSV/XLSX) when given.

    A portfolio of more than one partition is grouped in ``scratch``'s folder; the caller
    opened ``source`` inside the same `Scratch`, which removes the folder on any way out.
    """
    output = OutputKind.of(target) if target is not None else None
    settings = Settings(source.header, reference, horizon, output, top, source.csv)
    count = partitions_for(source.size, kind)
    workers = max(1, min(processes, count))
    if count > 1:  # a multiple of the workers, so that none waits idle for the last one
        count = math.ceil(count / workers) * workers
    bars = _Progress(progress)
    if count == 1:  # one partition: straight through, in this process, no scratch files
        reading = bars.bar("inlezen en berekenen", source.size or None, "B")
        if source.csv is not None:
            form = source.csv
            items: Iterable[tuple[int, Any]] = enumerate(
                form.records(form.data_offset, source.size), form.first_row
            )
        else:
            items = source.rows
        with _no_gc():  # the rows come as cells
            result = _work(items, settings._replace(csv=None), None)
        reading.update(max(0, source.size - reading.n))
        reading.close()
        written = _finish(target, output, [result.lines or iter(())], result.records, bars)
        return _summary([result], top, written, count, workers)
    folder = scratch.folder()
    reading = bars.bar("inlezen", source.size or None, "B")
    with _workers(workers) as pool:
        if source.csv is not None:
            parts = _group_csv(
                source.csv,
                source.header,
                source.size,
                folder,
                count=count,
                pool=pool,
                pieces=workers,
            )
        else:
            parts = _group_rows(source, folder, count, lambda _seen: None)
        reading.update(max(0, source.size - reading.n))
        reading.close()
        tasks = [
            Task(tuple(part), folder / f"deel{k:04d}.run", settings) for k, part in enumerate(parts)
        ]
        working = bars.bar("berekenen", len(tasks), " deel")
        results: list[Result] = []
        done = pool.imap(work_partition, tasks) if pool is not None else map(work_partition, tasks)
        for result in done:
            results.append(result)
            working.update(1)
        working.close()
    records = sum(r.records for r in results)
    runs = [_load_batches(t.run) for t in tasks] if output is not None else []
    written = _finish(target, output, runs, records, bars)
    return _summary(results, top, written, count, workers)


def _summary(
    results: list[Result], top: int, written: int, partitions: int, processes: int
) -> Summary:
    counts: Counter[str] = Counter()
    for result in results:
        counts.update(result.counts)
    best = heapq.merge(*(r.top for r in results), key=operator.itemgetter(0))
    shown = [display for _key, display in itertools.islice(best, top)]
    errors = sorted((e for r in results for e in r.errors), key=operator.attrgetter("row"))
    return Summary(counts, shown, errors[:top], written, partitions, processes)


def _finish(
    target: Path | None,
    output: OutputKind | None,
    runs: list[Iterator[tuple[Key, str]]],
    records: int,
    bars: _Progress,
) -> int:
    """The write step, when there is a target: merge the sorted runs into it."""
    if target is None or output is None:
        return 0
    if output is OutputKind.XLSX and records >= XLSX_MAX_ROWS:
        msg = (
            f"{target}: {thousands(records)} regels passen niet in één XLSX-werkblad "
            f"(hoogstens {thousands(XLSX_MAX_ROWS - 1)}); kies .csv"
        )
        raise OutputError(msg)
    writing = bars.bar("schrijven", records, " regels")
    with _no_gc():
        written = _write(target, output, runs, writing.update)
    writing.close()
    return written


def _write(
    target: Path,
    output: OutputKind,
    runs: list[Iterator[tuple[Key, str]]],
    advance: Callable[[int], object],
) -> int:
    """Merge the sorted runs of encoded lines into the output file, atomically."""
    merged = runs[0] if len(runs) == 1 else heapq.merge(*runs, key=operator.itemgetter(0))
    with AtomicOutput(target) as atomic:
        if output is OutputKind.CSV:
            writer: CsvWriter | XlsxWriter = CsvWriter(atomic.temporary, OUTPUT_HEADER)
        else:
            writer = XlsxWriter(atomic.temporary, OUTPUT_HEADER, widths=OUTPUT_WIDTHS)
        try:
            write = writer.write_encoded
            for done, (_key, encoded) in enumerate(merged, 1):
                write(encoded)
                if not done % 8192:
                    advance(8192)
            writer.close()  # a stop while the last rows are compressed is cleaned up too
        except BaseException:
            if isinstance(writer, XlsxWriter):
                writer.abort()
            else:
                with contextlib.suppress(OSError):
                    writer.close()
            raise
        advance(writer.rows % 8192)
        return writer.rows


class _Bar:
    """A progress bar that does nothing."""

    n = 0

    def update(self, amount: int) -> None:
        """Advance by ``amount``."""
        self.n += amount

    def close(self) -> None:
        """Finish."""


class _Progress:
    """tqdm bars on stderr when asked for (the caller checks for a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def bar(self, label: str, total: int | None, unit: str) -> Any:
        """A bar for one step; a silent stand-in when progress is off."""
        if not self.enabled:
            return _Bar()
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked later
        return tqdm(
            total=total,
            desc=label,
            unit=unit,
            unit_scale=unit == "B",
            leave=False,
            dynamic_ncols=True,
        )


def default_processes() -> int:
    """Worker processes by default: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
