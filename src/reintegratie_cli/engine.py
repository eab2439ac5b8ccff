"""The worklist engine: stream a portfolio, group per employee, compute, sort, write.

Memory stays flat with the portfolio's size, and the rows of one employee need **not** be
on consecutive lines — the engine groups them itself, in three streaming steps:

1. **Partition** (main process): each row goes, by a hash of its werkgever + werknemer, to
   one of *P* partition files (pickled batches) in a temporary folder. *P* grows with the
   input (one partition per `PARTITION_BYTES` of input), so a partition holds about
   the same number of rows however large the portfolio is.
2. **Work** (a `concurrent.futures.ProcessPoolExecutor`, one partition per task):
   validate the rows (`RowParser`), group them per
   employee, merge the periods into sickness cases
   ([`reintegratie_core.sickness.merge_cases`][reintegratie_core.sickness.merge_cases]), compute the open case's work item
   ([`reintegratie_core.worklist.work_item`][reintegratie_core.worklist.work_item]), encode the output rows, sort them by
   urgency and write them as a sorted run.
3. **Merge** (main process): `heapq.merge` of the sorted runs streams the rows, in
   urgency order, into the output file.

An employee is identified by werkgever + werknemer: a personeelsnummer is unique within
one employer, and samentelling concerns one employer's wage continuation.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import heapq
import itertools
import math
import operator
import os
import pickle
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, NamedTuple

from reintegratie_cli.output import (
    XLSX_MAX_ROWS,
    AtomicOutput,
    CsvWriter,
    OutputError,
    OutputKind,
    XlsxWriter,
    csv_line,
    csv_plain_field,
    csv_text_field,
    xlsx_cells,
    xlsx_date_cell,
    xlsx_number_cell,
    xlsx_plain_text_cell,
    xlsx_text_cell,
)
from reintegratie_cli.portfolio import (
    FIRST_DATA_ROW,
    Header,
    PeriodRow,
    PlainCsv,
    RowError,
    RowParser,
    Source,
    unreadable,
)
from reintegratie_core.errors import ReintegratieError
from reintegratie_core.explain import cite
from reintegratie_core.poortwachter import Milestone, explain_milestone
from reintegratie_core.sickness import Absence, SicknessCase, merge_cases
from reintegratie_core.worklist import Status, WorkItem, work_item

#: Input bytes per partition: about 80,000 CSV rows, a few hundred MB of work per task.
PARTITION_BYTES = 8 << 20
#: XLSX is compressed about fourfold; its partitions are smaller for the same row count.
XLSX_PARTITION_BYTES = 2 << 20
#: Rows per pickled batch in partition and run files.
BATCH = 2048
#: Sort rank of a rejected row: after every work item.
ERROR_RANK = 9
ERROR_STATUS = "fout"

#: The worklist's columns, in file order (``docs/portefeuille.md`` explains each).
OUTPUT_HEADER: tuple[str, ...] = (
    "status",
    "dagen",
    "mijlpaal",
    "datum",
    "werkgever",
    "werknemer",
    "product",
    "eerste_ziektedag",
    "perioden",
    "aantal_te_laat",
    "resterende_weken",
    "einde_loondoorbetaling",
    "recht_op_dienstverlening",
    "grond",
    "rijen",
    "fout",
)
#: Column widths (characters) of the XLSX worklist.
OUTPUT_WIDTHS: tuple[float, ...] = (
    13, 7, 22, 11, 34, 12, 24, 15, 9, 14, 16, 21, 24, 40, 10, 60,
)  # fmt: skip

#: The columns of the terminal table.
DISPLAY_HEADER: tuple[str, ...] = (
    "status",
    "dagen",
    "mijlpaal",
    "datum",
    "werkgever",
    "werknemer",
    "product",
    "rest. weken",
    "recht",
)

Key = tuple[int, int, str, str]


class Settings(NamedTuple):
    """What every partition task needs to know."""

    header: Header
    reference: date
    horizon: int
    output: OutputKind | None
    top: int
    plain: PlainCsv | None


class Task(NamedTuple):
    """One partition to work on — its files, each with the number to add to its row
    numbers — and where to put its sorted run."""

    parts: tuple[tuple[Path, int], ...]
    run: Path
    settings: Settings


class Split(NamedTuple):
    """Step 1 for one byte range of a `PlainCsv`, done by a worker process."""

    plain: PlainCsv
    header: Header
    start: int
    end: int
    folder: Path
    piece: int
    partitions: int


class Result(NamedTuple):
    """What a partition task reports back: counts, its most urgent rows, its first errors."""

    counts: Counter[str]
    top: list[tuple[Key, tuple[object, ...]]]
    errors: list[RowError]
    records: int


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

    The steps build large acyclic structures (rows, groups, records); the collector would
    traverse them again and again (about 15 % of the time) without finding anything.
    Reference counting still frees everything; the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- Per-employee work ---------------------------------------------------------------------

# Lookups by the members' identity: hashing an Enum member runs Python code, and these
# run once per open case.
_STATUS: dict[int, tuple[str, int]] = {id(s): (s.value, s.rank) for s in Status}
_CODES: dict[int, str] = {id(m): m.value for m in Milestone} | {id(None): ""}
_GROUNDS: dict[tuple[int, bool], str] = {}


def grounds_text(milestone: Milestone, with_probleemanalyse: bool) -> str:
    """The articles a milestone's date rests on, as one line (cached)."""
    key = (id(milestone), with_probleemanalyse)
    text = _GROUNDS.get(key)
    if text is None:
        anchor = date(2001, 1, 1)
        explained = explain_milestone(
            anchor, milestone, anchor if with_probleemanalyse else None, 0
        )
        text = cite(explained.citations())
        _GROUNDS[key] = text
    return text


class _Record(NamedTuple):
    key: Key
    encoded: str | None
    display: tuple[object, ...]


def _encoder(kind: OutputKind | None) -> Callable[[Sequence[object]], str] | None:
    if kind is OutputKind.CSV:
        return csv_line
    if kind is OutputKind.XLSX:
        return xlsx_cells
    return None


def _error_record(error: RowError, encode: Callable[[Sequence[object]], str] | None) -> _Record:
    values: list[object] = [ERROR_STATUS] + [None] * (len(OUTPUT_HEADER) - 1)
    values[5] = error.employee or None
    values[14] = str(error.row)
    values[15] = error.message
    key: Key = (ERROR_RANK, error.row, "", error.employee)
    return _Record(key, encode(values) if encode else None, ())


def _case_of(rows: list[PeriodRow]) -> tuple[SicknessCase | date | None, list[PeriodRow]]:
    """The open case of one employee's rows (``None``: no open case) and its rows."""
    if len(rows) == 1 and not rows[0].leave:
        only = rows[0]
        return (only.first if only.last is None else None), rows
    if all(r.last is not None for r in rows):
        return None, rows  # no period runs, so no case does: nothing to merge for the list
    absences = [
        Absence.leave(r.first, r.last) if r.leave and r.last else Absence.sick(r.first, r.last)
        for r in rows
    ]
    cases = merge_cases(absences)
    if not cases:
        msg = "alleen verlof, geen ziekteperiode (verwacht ten minste één rij met soort ziek)"
        raise ReintegratieError(msg)
    last = cases[-1]
    if not last.is_open:
        return None, rows
    start = last.first_day
    own = sorted((r for r in rows if not r.leave and r.first >= start), key=lambda r: r.first)
    return last, own


def _record(
    employer: str,
    employee: str,
    rows: list[PeriodRow],
    settings: Settings,
) -> _Record | None:
    """The work item of one employee as an output record; ``None`` without an open case."""
    case, own = _case_of(rows)
    if case is None:
        return None
    latest = own[-1]
    if len(own) == 1:
        done: Sequence[tuple[Milestone, date]] = latest.done
        sanction = latest.sanction_weeks or 0
    else:
        sanction = 0
        pairs: list[tuple[Milestone, date]] = []
        for row in own:
            if row.sanction_weeks is not None:
                sanction = row.sanction_weeks
            pairs.extend(row.done)
        done = pairs
    item = work_item(
        case,
        settings.reference,
        module_start=latest.module_start,
        done=done,
        sanction_weeks=sanction,
        horizon_days=settings.horizon,
    )
    with_pa = False
    if item.milestone is Milestone.PLAN_VAN_AANPAK:
        analysed = [when for milestone, when in done if milestone is Milestone.PROBLEEMANALYSE]
        with_pa = bool(analysed) and analysed[-1] <= settings.reference
    return _item_record(
        item,
        employer=employer,
        employee=employee,
        latest=latest,
        case=case,
        own=own,
        with_pa=with_pa,
        output=settings.output,
    )


def _item_record(
    item: WorkItem,
    *,
    employer: str,
    employee: str,
    latest: PeriodRow,
    case: SicknessCase | date,
    own: list[PeriodRow],
    with_pa: bool,
    output: OutputKind | None,
) -> _Record:
    milestone = item.milestone
    first_day = case if isinstance(case, date) else case.first_day
    periods = 1 if isinstance(case, date) else len(case.periods)
    eligible = "ja" if item.eligible else "nee"
    status, rank = _STATUS[id(item.status)]
    code = _CODES[id(milestone)]
    product = latest.product.code
    grounds = grounds_text(milestone, with_pa) if milestone else ""
    rows = str(latest.row) if len(own) == 1 else ";".join([str(r.row) for r in own])
    days = item.days_left
    encoded = None
    if output is OutputKind.XLSX:
        t = xlsx_text_cell
        encoded = (
            f"{t(status)}{xlsx_number_cell(days)}{t(code)}{xlsx_date_cell(item.date)}"
            f"{t(employer)}{xlsx_plain_text_cell(employee)}{t(product)}"
            f"{xlsx_date_cell(first_day)}<c><v>{periods}</v></c><c><v>{item.overdue}</v></c>"
            f"<c><v>{item.remaining_weeks}</v></c>"
            f"{xlsx_date_cell(item.end_of_wage_continuation)}{t(eligible)}{t(grounds)}"
            f'<c t="inlineStr"><is><t>{rows}</t></is></c><c/>'
        )
    elif output is OutputKind.CSV:
        c = csv_text_field
        encoded = (
            f"{c(status)},{'' if days is None else days},{c(code)},"
            f"{'' if item.date is None else item.date.isoformat()},"
            f"{c(employer)},{csv_plain_field(employee)},{c(product)},{first_day.isoformat()},"
            f"{periods},{item.overdue},{item.remaining_weeks},"
            f"{item.end_of_wage_continuation.isoformat()},{eligible},{c(grounds)},{rows},\r\n"
        )
    key: Key = (rank, 0 if days is None else days, employer, employee)
    display = (
        status,
        days,
        code or None,
        item.date,
        employer,
        employee,
        product,
        item.remaining_weeks,
        eligible,
    )
    return _Record(key, encoded, display)


# --- Partition files ---------------------------------------------------------------------


def _dump_batches(stream: IO[bytes], items: Sequence[object]) -> None:
    for start in range(0, len(items), BATCH):
        pickle.dump(items[start : start + BATCH], stream, protocol=pickle.HIGHEST_PROTOCOL)


def _load_batches(path: Path) -> Iterator[Any]:
    with path.open("rb", buffering=1 << 20) as stream:
        while True:
            try:
                batch = pickle.load(stream)  # noqa: S301 - our own temporary files
            except EOFError:
                return
            yield from batch


def _load_parts(parts: Sequence[tuple[Path, int]]) -> Iterator[tuple[int, Any, int]]:
    for path, offset in parts:
        for number, stored in _load_batches(path):
            yield number, stored, offset


def _read_groups(
    task: Task, counts: Counter[str], errors: list[RowError]
) -> dict[tuple[str, str], list[PeriodRow]]:
    """Validate a partition's rows and group the good ones per (werkgever, werknemer)."""
    settings = task.settings
    parser = RowParser(settings.header)
    plain = settings.plain
    groups: dict[tuple[str, str], list[PeriodRow]] = {}
    rows = 0
    encoding, delimiter = (plain.encoding, plain.delimiter) if plain else ("", "")
    parse = parser.parse
    for local, stored, offset in _load_parts(task.parts):
        number = local + offset
        if plain is None:
            reason = unreadable(stored)
            parsed = (
                RowError(number, "", f"onleesbare regel ({reason})")
                if reason is not None
                else parse(stored, number)
            )
        else:
            cells = stored.decode(encoding, "replace").split(delimiter)
            if not "".join(cells).strip():
                continue
            parsed = parse(cells, number)
        rows += 1
        if type(parsed) is RowError:
            errors.append(parsed)
            continue
        assert isinstance(parsed, PeriodRow)
        group = groups.get((parsed.employer, parsed.employee))
        if group is None:
            groups[(parsed.employer, parsed.employee)] = [parsed]
        else:
            group.append(parsed)
    for path, _offset in task.parts:
        path.unlink(missing_ok=True)
    counts["rijen"] += rows
    counts["werknemers"] += len(groups)
    return groups


def _compute(
    groups: dict[tuple[str, str], list[PeriodRow]],
    settings: Settings,
    counts: Counter[str],
    errors: list[RowError],
) -> list[_Record]:
    """The work item record of every employee with an open case."""
    records: list[_Record] = []
    for (employer, employee), rows in groups.items():
        try:
            record = _record(employer, employee, rows, settings)
        except ReintegratieError as exc:
            numbers = sorted(r.row for r in rows)
            listed = ", ".join(str(n) for n in numbers)
            errors.append(RowError(numbers[0], employee, f"rijen {listed}: {exc}"))
            continue
        if record is None:
            counts["zonder lopend ziektegeval"] += 1
            continue
        records.append(record)
        counts[record.display[0]] += 1  # type: ignore[index]
        if record.display[8] == "nee":
            counts["buiten module"] += 1
    return records


def work_partition(task: Task) -> Result:
    """Step 2 for one partition: validate, group, compute, encode, sort, write the run."""
    with _no_gc():
        return _work_partition(task)


def _work_partition(task: Task) -> Result:
    settings = task.settings
    encode = _encoder(settings.output)
    counts: Counter[str] = Counter()
    errors: list[RowError] = []
    groups = _read_groups(task, counts, errors)
    records = _compute(groups, settings, counts, errors)
    del groups
    counts["afgekeurd"] += len(errors)
    records.extend(_error_record(e, encode) for e in errors)
    records.sort(key=operator.itemgetter(0))
    if encode is not None:
        with task.run.open("wb", buffering=1 << 20) as stream:
            _dump_batches(stream, [(r.key, r.encoded) for r in records])
    top = [(r.key, r.display) for r in records[: settings.top] if r.display]
    errors.sort(key=operator.attrgetter("row"))
    return Result(counts, top, errors[: settings.top], len(records))


# --- The whole run -----------------------------------------------------------------------


def partitions_for(size: int, kind: str) -> int:
    """How many partitions an input of ``size`` bytes gets (at least one)."""
    per = XLSX_PARTITION_BYTES if kind == "xlsx" else PARTITION_BYTES
    return max(1, math.ceil(size / per))


def _partition(
    source: Source,
    parser: RowParser,
    folder: Path,
    count: int,
    progress: Callable[[int], None],
) -> list[Path]:
    paths = [folder / f"deel{i:04d}.pickle" for i in range(count)]
    streams = [p.open("wb", buffering=1 << 18) for p in paths]
    buffers: list[list[tuple[int, list[Any]]]] = [[] for _ in paths]
    key_of = parser.group_key
    try:
        for seen, (number, cells) in enumerate(source.rows, 1):
            index = 0 if count == 1 else partition_of(key_of(cells), count)
            buffer = buffers[index]
            buffer.append((number, cells))
            if len(buffer) >= BATCH:
                pickle.dump(buffer, streams[index], protocol=pickle.HIGHEST_PROTOCOL)
                buffer.clear()
            if not seen % 8192:
                progress(source.consumed())
        for buffer, stream in zip(buffers, streams, strict=True):
            if buffer:
                pickle.dump(buffer, stream, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        for stream in streams:
            stream.close()
    return paths


def partition_of(key: tuple[str, str], count: int) -> int:
    """The partition of an employee: a CRC-32 of werkgever + werknemer (the same in every
    process, unlike ``hash``), modulo ``count``."""
    employer, employee = key
    return zlib.crc32(f"{employer}\x1f{employee}".encode("utf-8", "surrogatepass")) % count


def _range_lines(path: Path, start: int, end: int) -> Iterator[bytes]:
    """The lines (line ends removed) of ``path`` from byte ``start`` to ``end``, which
    both lie at the start of a line; read in blocks, so memory stays flat."""
    block = 1 << 22
    carry = b""
    with path.open("rb", buffering=0) as stream:
        stream.seek(start)
        left = end - start
        while left > 0:
            data = stream.read(min(block, left))
            if not data:
                break
            left -= len(data)
            lines = (carry + data).split(b"\n")
            carry = lines.pop()
            for line in lines:
                yield line[:-1] if line.endswith(b"\r") else line
    if carry:
        yield carry[:-1] if carry.endswith(b"\r") else carry


def split_range(split: Split) -> tuple[list[Path], int]:
    """Step 1 for one byte range of a plain CSV: route its lines to the partitions.

    Row numbers are counted from the range's start (the caller adds the offset); returns
    the partition files and the number of lines in the range.
    """
    plain, count = split.plain, split.partitions
    parser = RowParser(split.header)
    paths = [split.folder / f"deel{k:04d}-{split.piece:03d}.pickle" for k in range(count)]
    streams = [p.open("wb", buffering=1 << 18) for p in paths]
    buffers: list[list[tuple[int, bytes]]] = [[] for _ in paths]
    number = 0
    encoding = plain.encoding
    delimiter = plain.delimiter.encode(encoding)
    at_employer = split.header.positions["werkgever"]
    at_employee = split.header.positions["werknemer"]
    try:
        with _no_gc():
            for line in _range_lines(plain.path, split.start, split.end):
                number += 1
                index = 0
                if count > 1:
                    parts = line.split(delimiter)
                    try:
                        key = (
                            parts[at_employer].decode(encoding, "replace").strip(),
                            parts[at_employee].decode(encoding, "replace").strip(),
                        )
                    except IndexError:  # a short line: as the full row parser reads it
                        key = parser.group_key(plain.cells(line))
                    index = partition_of(key, count)
                buffer = buffers[index]
                buffer.append((number, line))
                if len(buffer) >= BATCH:
                    pickle.dump(buffer, streams[index], protocol=pickle.HIGHEST_PROTOCOL)
                    buffer.clear()
            for buffer, stream in zip(buffers, streams, strict=True):
                if buffer:
                    pickle.dump(buffer, stream, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        for stream in streams:
            stream.close()
    return paths, number


def _ranges(plain: PlainCsv, size: int, pieces: int) -> list[tuple[int, int]]:
    """``pieces`` byte ranges of the data lines, each starting at the start of a line."""
    bounds = [plain.data_offset]
    with plain.path.open("rb") as stream:
        for piece in range(1, pieces):
            stream.seek(
                max(bounds[-1], plain.data_offset + (size - plain.data_offset) * piece // pieces)
            )
            stream.readline()
            position = stream.tell()
            if position < size:
                bounds.append(position)
    bounds.append(size)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _partition_plain(
    plain: PlainCsv,
    header: Header,
    folder: Path,
    *,
    count: int,
    pool: concurrent.futures.Executor | None,
    pieces: int,
) -> list[list[tuple[Path, int]]]:
    """Step 1 for a `PlainCsv`: byte ranges split in parallel (or in-process).

    Returns, per partition, its files with the row-number offset of each.
    """
    size = plain.path.stat().st_size
    ranges = _ranges(plain, size, pieces)
    splits = [
        Split(plain, header, start, end, folder, index, count)
        for index, (start, end) in enumerate(ranges)
    ]
    done = pool.map(split_range, splits) if pool is not None else map(split_range, splits)
    parts: list[list[tuple[Path, int]]] = [[] for _ in range(count)]
    offset = FIRST_DATA_ROW - 1
    for paths, lines in done:
        for k, path in enumerate(paths):
            parts[k].append((path, offset))
        offset += lines
    return parts


def run(
    source: Source,
    *,
    kind: str,
    reference: date,
    horizon: int,
    target: Path | None,
    top: int,
    processes: int,
    progress: bool = False,
) -> Summary:
    """Compute the worklist of ``source``; write it to ``target`` (CSV/XLSX) when given."""
    output = OutputKind.of(target) if target is not None else None
    settings = Settings(source.header, reference, horizon, output, top, source.plain)
    parser = RowParser(source.header)
    count = partitions_for(source.size, kind)
    workers = max(1, min(processes, count))
    if count > 1:  # a multiple of the workers, so that none waits idle for the last one
        count = math.ceil(count / workers) * workers
    bars = _Progress(progress)
    with tempfile.TemporaryDirectory(prefix="reintegratie-signalen-") as scratch:
        folder = Path(scratch)
        reading = bars.bar("inlezen", source.size or None, "B")

        def advance(position: int) -> None:
            reading.update(max(0, position - reading.n))

        with contextlib.ExitStack() as stack:
            pool = (
                stack.enter_context(concurrent.futures.ProcessPoolExecutor(max_workers=workers))
                if workers > 1
                else None
            )
            if source.plain is not None:
                parts = _partition_plain(
                    source.plain, source.header, folder, count=count, pool=pool, pieces=workers
                )
            else:
                with _no_gc():
                    parts = [[(p, 0)] for p in _partition(source, parser, folder, count, advance)]
            reading.update(max(0, source.size - reading.n))
            reading.close()
            tasks = [
                Task(tuple(part), folder / f"deel{k:04d}.run", settings)
                for k, part in enumerate(parts)
            ]
            working = bars.bar("berekenen", len(tasks), " deel")
            results: list[Result] = []
            done = (
                pool.map(work_partition, tasks) if pool is not None else map(work_partition, tasks)
            )
            for result in done:
                results.append(result)
                working.update(1)
        working.close()
        counts: Counter[str] = Counter()
        for result in results:
            counts.update(result.counts)
        records = sum(r.records for r in results)
        written = 0
        if target is not None and output is not None:
            if output is OutputKind.XLSX and records >= XLSX_MAX_ROWS:
                msg = (
                    f"{target}: {records} regels passen niet in één XLSX-werkblad "
                    f"(hoogstens {XLSX_MAX_ROWS - 1}); kies .csv"
                )
                raise OutputError(msg)
            writing = bars.bar("schrijven", records, " regels")
            with _no_gc():
                written = _write(target, output, [t.run for t in tasks], writing.update)
            writing.close()
    best = heapq.merge(*(r.top for r in results), key=operator.itemgetter(0))
    shown = [display for _key, display in list(best)[:top]]
    errors = sorted((e for r in results for e in r.errors), key=operator.attrgetter("row"))
    return Summary(counts, shown, errors[:top], written, count, workers)


def _write(
    target: Path, output: OutputKind, runs: list[Path], advance: Callable[[int], object]
) -> int:
    merged = heapq.merge(*(_load_batches(r) for r in runs), key=operator.itemgetter(0))
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
        except BaseException:
            if isinstance(writer, XlsxWriter):
                writer.abort()
            else:
                writer.close()
            raise
        writer.close()
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
        from tqdm import tqdm  # type: ignore[import-untyped]

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
