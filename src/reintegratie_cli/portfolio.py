"""Reading a portfolio (portefeuille): its columns, validation per row, CSV and XLSX sources.

A portfolio has one row per sick period (``docs/portefeuille.md`` documents the columns).
The header names the columns in any order; names are matched case-insensitively with
spaces, ``-`` and ``_`` equivalent, and a few aliases are accepted. Unknown columns are
ignored. A file that cannot be opened, or lacks a required column, cannot be read at all
(`PortfolioError`); a bad *row* never stops the run: `parse_row` returns a
`RowError` naming each bad field and what it accepts.

Values are read with the Excel shell's coercion rules (``reintegratie_addin.coerce``), so
a date is accepted in the same forms as in Excel: ``JJJJ-MM-DD``, ``D-M-JJJJ``,
``DD-MM-JJJJ``, a date cell or an Excel serial number.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from reintegratie_addin.coerce import (
    ArgumentError,
    describe,
    is_empty,
    normalize_code,
    to_date,
    to_int,
    to_text,
)
from reintegratie_core.errors import UnknownCodeError
from reintegratie_core.poortwachter import Milestone
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product
from reintegratie_core.worklist import TRACKED_MILESTONES

#: Rows (records) are numbered as a spreadsheet numbers them: the header is row 1.
FIRST_DATA_ROW = 2


class PortfolioError(Exception):
    """The portfolio cannot be read at all (missing file, unknown format, no header ...)."""


@attrs.frozen(kw_only=True)
class Column:
    """One input column: its name, accepted aliases, whether it is required, its format."""

    name: str
    aliases: tuple[str, ...]
    required: bool
    format: str
    meaning: str


#: The milestones whose done-dates a portfolio records, by their column names.
DONE_COLUMNS: dict[str, Milestone] = {
    "datum_probleemanalyse": Milestone.PROBLEEMANALYSE,
    "datum_plan_van_aanpak": Milestone.PLAN_VAN_AANPAK,
    "datum_ziekmelding_uwv": Milestone.ZIEKMELDING_UWV,
    "datum_eerstejaarsevaluatie": Milestone.EERSTEJAARSEVALUATIE,
    "datum_wia_aanvraag": Milestone.WIA_AANVRAAG,
}
assert tuple(DONE_COLUMNS.values()) == TRACKED_MILESTONES

PRODUCTS: tuple[str, ...] = tuple(p.code for p in BUILTIN_PRODUCTS)
DATE_FORMAT = "datum: JJJJ-MM-DD, D-M-JJJJ of DD-MM-JJJJ (of een datumcel in Excel)"

COLUMNS: tuple[Column, ...] = (
    Column(
        name="werknemer",
        aliases=("werknemer_id", "personeelsnummer", "medewerker", "dossier", "dossiernummer"),
        required=True,
        format="tekst",
        meaning=(
            "wie ziek is: personeels- of dossiernummer. Rijen met hetzelfde nummer zijn "
            "perioden van dezelfde werknemer en worden samengeteld tot ziektegevallen"
        ),
    ),
    Column(
        name="werkgever",
        aliases=("polis", "polisnummer", "werkgever_id"),
        required=True,
        format="tekst",
        meaning="werkgever of polisnummer waaronder de werknemer valt",
    ),
    Column(
        name="product",
        aliases=("productcode",),
        required=True,
        format=f"code: {', '.join(PRODUCTS)}",
        meaning="het re-integratieproduct van de polis",
    ),
    Column(
        name="ingangsdatum_module",
        aliases=("ingangsdatum", "ingangsdatum_verzekering"),
        required=True,
        format=DATE_FORMAT,
        meaning="ingangsdatum van de module (bij zeeuwse-prb: van de verzekering)",
    ),
    Column(
        name="eerste_ziektedag",
        aliases=("eerste_dag", "begindatum", "ziekmelding"),
        required=True,
        format=DATE_FORMAT,
        meaning="eerste dag van deze ziekteperiode",
    ),
    Column(
        name="laatste_ziektedag",
        aliases=("laatste_dag", "einddatum"),
        required=False,
        format=f"{DATE_FORMAT}; leeg = nog ziek",
        meaning="laatste ziektedag van deze periode (t/m); leeg zolang de werknemer ziek is",
    ),
    Column(
        name="soort",
        aliases=("soort_periode",),
        required=False,
        format="ziek (standaard) of verlof",
        meaning=(
            "verlof = zwangerschaps-/bevallingsverlof (WAZO): ziekte direct ervoor en "
            "erna is één ziektegeval; verlof heeft een laatste dag nodig"
        ),
    ),
    Column(
        name="sanctieweken",
        aliases=("loonsanctie", "loonsanctie_weken"),
        required=False,
        format="geheel getal 0 t/m 52; leeg = 0",
        meaning="weken loonsanctie die het UWV oplegde (verlengt de loondoorbetaling)",
    ),
    Column(
        name="datum_probleemanalyse",
        aliases=("probleemanalyse", "gedaan_probleemanalyse"),
        required=False,
        format=DATE_FORMAT,
        meaning=(
            "datum waarop de probleemanalyse is gedaan; bepaalt ook de termijn van het "
            "plan van aanpak (+ 14 dagen)"
        ),
    ),
    Column(
        name="datum_plan_van_aanpak",
        aliases=("plan_van_aanpak", "gedaan_plan_van_aanpak", "datum_pva", "pva"),
        required=False,
        format=DATE_FORMAT,
        meaning="datum waarop het plan van aanpak is opgesteld",
    ),
    Column(
        name="datum_ziekmelding_uwv",
        aliases=(
            "ziekmelding_uwv",
            "gedaan_ziekmelding_uwv",
            "datum_42e_weekmelding",
            "datum_42e_weeksmelding",
            "42e_weekmelding",
            "42e_weeksmelding",
        ),
        required=False,
        format=DATE_FORMAT,
        meaning="datum waarop de 42e-weeksmelding aan het UWV is gedaan",
    ),
    Column(
        name="datum_eerstejaarsevaluatie",
        aliases=("eerstejaarsevaluatie", "gedaan_eerstejaarsevaluatie"),
        required=False,
        format=DATE_FORMAT,
        meaning="datum van de eerstejaarsevaluatie",
    ),
    Column(
        name="datum_wia_aanvraag",
        aliases=("wia_aanvraag", "gedaan_wia_aanvraag"),
        required=False,
        format=DATE_FORMAT,
        meaning="datum waarop de WIA-aanvraag is ingediend",
    ),
)

_BY_KEY: dict[str, str] = {}
for _column in COLUMNS:
    for _name in (_column.name, *_column.aliases):
        _BY_KEY[normalize_code(_name)] = _column.name


class Header(NamedTuple):
    """Where each known column is in the file's rows (``None``: absent), and what is ignored."""

    positions: dict[str, int]
    ignored: tuple[str, ...]

    def position(self, name: str) -> int | None:
        """The 0-based position of column ``name``, or ``None`` when the file lacks it."""
        return self.positions.get(name)


def resolve_header(cells: Sequence[Any]) -> Header:
    """Map a header row onto `COLUMNS`; a missing required column is fatal."""
    index: dict[str, int] = {}
    ignored: list[str] = []
    for position, cell in enumerate(cells):
        if is_empty(cell):
            continue
        text = str(cell).strip()
        name = _BY_KEY.get(normalize_code(text))
        if name is None:
            ignored.append(text)
        elif name in index:
            msg = f'kolom "{text}" staat er twee keer in (als {name})'
            raise PortfolioError(msg)
        else:
            index[name] = position
    missing = [c.name for c in COLUMNS if c.required and c.name not in index]
    if missing:
        found = ", ".join(str(c) for c in cells if not is_empty(c)) or "geen"
        msg = (
            f"verplichte kolom(men) ontbreken: {', '.join(missing)} "
            f"(gevonden: {found}; zie docs/portefeuille.md)"
        )
        raise PortfolioError(msg)
    return Header(index, tuple(ignored))


class PeriodRow(NamedTuple):
    """One valid row: a sick (or leave) period with the case-level values it carries."""

    row: int
    employee: str
    employer: str
    product: Product
    module_start: date
    first: date
    last: date | None
    leave: bool
    sanction_weeks: int | None
    done: tuple[tuple[Milestone, date], ...]


class RowError(NamedTuple):
    """A rejected row: its number, the employee when readable, and why (per field)."""

    row: int
    employee: str
    message: str


_DATE_CACHE: dict[object, date | None] = {}
_DATE_CACHE_LIMIT = 200_000


def parse_date(value: Any, column: str) -> date | None:
    """A date cell (``None`` when empty) per the Excel shell's rules; cached for speed."""
    if type(value) is str:
        cached = _DATE_CACHE.get(value, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                result: date | None = date.fromisoformat(value)
            except ValueError:
                result = to_date(value, column)
        else:
            result = to_date(value, column)
        if len(_DATE_CACHE) >= _DATE_CACHE_LIMIT:
            _DATE_CACHE.clear()
        _DATE_CACHE[value] = result
        return result
    return to_date(value, column)


_PRODUCT_HINT = f"bekend: {', '.join(PRODUCTS)}"
_PRODUCT_CACHE: dict[str, Product] = {}
_QUICK_KINDS = {"ziek": False, "verlof": True}
_QUICK_WEEKS = {str(n): n for n in range(53)}
_SICK_WORDS = frozenset({"", "ziek", "ziekte"})
_LEAVE_WORDS = frozenset(
    {
        "verlof",
        "zwangerschapsverlof",
        "bevallingsverlof",
        "zwangerschaps_en_bevallingsverlof",
        "wazo",
    }
)


def _product(value: Any, _column: str) -> Product:
    if type(value) is str:
        found = _PRODUCT_CACHE.get(value)
        if found is not None:
            return found
    if is_empty(value):
        raise ArgumentError("product", f"ontbreekt ({_PRODUCT_HINT})")
    if isinstance(value, str):
        try:
            product = builtin_product(value)
        except UnknownCodeError:
            pass
        else:
            if len(_PRODUCT_CACHE) < 1000:
                _PRODUCT_CACHE[value] = product
            return product
    raise ArgumentError("product", f"onbekende waarde {describe(value)} ({_PRODUCT_HINT})")


def _leave(value: Any, _column: str) -> bool:
    word = "" if is_empty(value) else normalize_code(str(value))
    if word in _SICK_WORDS:
        return False
    if word in _LEAVE_WORDS:
        return True
    raise ArgumentError(
        "soort", f"onbekende waarde {describe(value)} (verwacht leeg, ziek of verlof)"
    )


def _sanction(value: Any, _column: str) -> int | None:
    if is_empty(value):
        return None
    return to_int(
        value, "sanctieweken", minimum=0, maximum=52, hint="verwacht 0 t/m 52 weken; leeg = 0"
    )


def _required_date(value: Any, column: str) -> date:
    result = parse_date(value, column)
    if result is None:
        raise ArgumentError(column, "ontbreekt (verwacht een datum, bijv. 2025-01-06)")
    return result


def _cell(cells: Sequence[Any], position: int | None) -> Any:
    if position is None or position >= len(cells):
        return None
    return cells[position]


class RowParser:
    """Validates rows against a `Header`; precomputes where each column is."""

    def __init__(self, header: Header) -> None:
        self.header = header
        at = header.position
        self._employee = at("werknemer")
        self._employer = at("werkgever")
        self._product = at("product")
        self._module_start = at("ingangsdatum_module")
        self._first = at("eerste_ziektedag")
        self._last = at("laatste_ziektedag")
        self._kind = at("soort")
        self._sanction = at("sanctieweken")
        done: list[tuple[str, Milestone, int]] = []
        for name, milestone in DONE_COLUMNS.items():
            position = at(name)
            if position is not None:
                done.append((name, milestone, position))
        self._done = tuple(done)
        self._done_quick = tuple((milestone, position) for _name, milestone, position in done)

    def employee_of(self, cells: Sequence[Any]) -> str:
        """The werknemer cell as text (``""`` when empty or unreadable); used to group rows."""
        value = _cell(cells, self._employee)
        if type(value) is str:
            return value.strip()
        try:
            return to_text(value, "werknemer", default="")
        except ArgumentError:
            return ""

    def group_key(self, cells: Sequence[Any]) -> tuple[str, str]:
        """(werkgever, werknemer) as text: the rows of one employee share it."""
        try:
            return (
                cells[self._employer].strip(),  # type: ignore[index]
                cells[self._employee].strip(),  # type: ignore[index]
            )
        except (IndexError, AttributeError, TypeError):
            return (self.employer_of(cells), self.employee_of(cells))

    def employer_of(self, cells: Sequence[Any]) -> str:
        """The werkgever cell as text (``""`` when empty or unreadable); used to group rows."""
        value = _cell(cells, self._employer)
        if type(value) is str:
            return value.strip()
        try:
            return to_text(value, "werkgever", default="")
        except ArgumentError:
            return ""

    def parse(self, cells: Sequence[Any], row: int) -> PeriodRow | RowError:
        """Validate one row; a `RowError` lists every bad field with what it accepts."""
        quick = self._quick(cells, row)
        if quick is not None:
            return quick
        try:
            return self._parse(cells, row, None)
        except (ArgumentError, _RejectedRowError):
            problems: list[str] = []
            self._parse(cells, row, problems)
            return RowError(row, self.employee_of(cells), "; ".join(problems))

    def _quick(self, cells: Sequence[Any], row: int) -> PeriodRow | None:
        """The common case at speed: text cells whose values were seen before (cached).

        Anything unusual — a value not in the caches, a missing cell, a non-text cell, a
        failed check — returns ``None``, and `_parse` decides with full validation.
        """
        try:
            employee: str = cells[self._employee].strip()  # type: ignore[index]
            employer: str = cells[self._employer].strip()  # type: ignore[index]
            product = _PRODUCT_CACHE[cells[self._product]]  # type: ignore[index]
            module_start = _DATE_CACHE[cells[self._module_start]]  # type: ignore[index]
            first = _DATE_CACHE[cells[self._first]]  # type: ignore[index]
            last = None
            if self._last is not None:
                value = cells[self._last]
                last = _DATE_CACHE[value] if value else None
            leave = False
            if self._kind is not None:
                value = cells[self._kind]
                if value:
                    leave = _QUICK_KINDS[value]
            sanction = None
            if self._sanction is not None:
                value = cells[self._sanction]
                sanction = _QUICK_WEEKS[value] if value else None
            done = []
            for milestone, position in self._done_quick:
                value = cells[position]
                if value:
                    when = _DATE_CACHE[value]
                    if when is None:
                        return None
                    done.append((milestone, when))
        except (KeyError, IndexError, AttributeError, TypeError):
            return None
        if not employee or not employer or module_start is None or first is None:
            return None
        if (last is not None and last < first) or (leave and last is None):
            return None
        return PeriodRow(
            row,
            employee,
            employer,
            product,
            module_start,
            first,
            last,
            leave,
            sanction,
            tuple(done),
        )

    def _parse(self, cells: Sequence[Any], row: int, problems: list[str] | None) -> PeriodRow:
        """One pass over the row. Without ``problems`` the first bad field raises (the fast
        path for good rows); with it, every bad field is recorded there instead."""

        def field(read: Callable[[Any, str], Any], position: int | None, name: str) -> Any:
            value = _cell(cells, position)
            if problems is None:
                return read(value, name)
            try:
                return read(value, name)
            except ArgumentError as exc:
                problems.append(f"kolom {exc.argument}: {exc.message}")
                return None

        employee = self.employee_of(cells)
        if not employee:
            _reject(
                problems, "kolom werknemer: ontbreekt (verwacht een personeels- of dossiernummer)"
            )
        employer = field(to_text, self._employer, "werkgever")
        product = field(_product, self._product, "product")
        module_start = field(_required_date, self._module_start, "ingangsdatum_module")
        first = field(_required_date, self._first, "eerste_ziektedag")
        last = field(parse_date, self._last, "laatste_ziektedag")
        leave = field(_leave, self._kind, "soort")
        sanction = field(_sanction, self._sanction, "sanctieweken")
        done: list[tuple[Milestone, date]] = []
        for name, milestone, position in self._done:
            when = field(parse_date, position, name)
            if when is not None:
                done.append((milestone, when))
        if first is not None and last is not None and last < first:
            _reject(
                problems,
                f"kolom laatste_ziektedag: {last:%d-%m-%Y} ligt vóór de eerste ziektedag "
                f"{first:%d-%m-%Y} (verwacht een datum op of na de eerste ziektedag, of leeg)",
            )
        if leave and last is None and first is not None:
            _reject(
                problems,
                "kolom laatste_ziektedag: verlof heeft een laatste dag nodig (verwacht een datum)",
            )
        return PeriodRow(
            row=row,
            employee=employee,
            employer=employer,
            product=product,
            module_start=module_start,
            first=first,
            last=last,
            leave=bool(leave),
            sanction_weeks=sanction,
            done=tuple(done),
        )


class _RejectedRowError(Exception):
    """A row-level check failed on the fast path; the slow path records why."""


def _reject(problems: list[str] | None, message: str) -> None:
    if problems is None:
        raise _RejectedRowError(message)
    problems.append(message)


# --- Sources: CSV and XLSX ---------------------------------------------------------------

SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
_SNIFF_BYTES = 1 << 20


class PlainCsv(NamedTuple):
    """A CSV file whose records are its lines: no quote character, no NUL byte, and line
    ends ``\\n`` or ``\\r\\n`` only. Such a file may be read line by line and split on the
    delimiter — exactly what the csv module would do with it, only faster."""

    path: Path
    encoding: str
    delimiter: str
    data_offset: int

    def cells(self, line: bytes) -> list[str]:
        """The cells of one line (its line end already removed)."""
        return line.decode(self.encoding, errors="replace").split(self.delimiter)


def strip_line_end(line: bytes) -> bytes:
    """``line`` without its ``\\n`` or ``\\r\\n``."""
    if line.endswith(b"\n"):
        line = line[:-1]
        if line.endswith(b"\r"):
            line = line[:-1]
    return line


def plain_csv(path: Path, encoding: str, delimiter: str) -> PlainCsv | None:
    """``path`` as `PlainCsv` when it is one (one pass over the bytes), else None."""
    carry = b""
    with path.open("rb") as stream:
        header = stream.readline()
        offset = len(header)
        data = header
        while True:
            if b'"' in data or b"\x00" in data:
                return None
            data = carry + data
            carry = b"\r" if data.endswith(b"\r") else b""
            if carry:
                data = data[:-1]
            if data.count(b"\r") != data.count(b"\r\n"):
                return None
            data = stream.read(1 << 24)
            if not data:
                break
    if carry:
        return None
    return PlainCsv(path, encoding, delimiter, offset)


class Source:
    """An open portfolio: its header and its data rows as ``(row number, cells)``.

    ``plain`` is set for a CSV file that may be read as lines (`PlainCsv`).
    """

    def __init__(
        self,
        header: Header,
        rows: Iterator[tuple[int, list[Any]]],
        size: int,
        closer: Callable[[], None],
    ) -> None:
        self.header = header
        self.rows = rows
        self.size = size
        self._close = closer
        self.consumed: Callable[[], int] = lambda: 0
        self.plain: PlainCsv | None = None

    def close(self) -> None:
        """Release the file."""
        self._close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_portfolio(path: Path) -> Source:
    """Open a CSV or XLSX portfolio; `PortfolioError` when it cannot be read at all."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        msg = f"{path}: onbekend bestandstype {suffix or '(geen)'} (verwacht .csv of .xlsx)"
        raise PortfolioError(msg)
    try:
        size = path.stat().st_size
    except OSError as exc:
        msg = f"{path}: kan het bestand niet openen ({exc.strerror or exc})"
        raise PortfolioError(msg) from None
    if not path.is_file():
        msg = f"{path}: is geen bestand"
        raise PortfolioError(msg)
    if suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(path, size)
    return _open_csv(path, size)


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut off at the sample's end
            return "cp1252"
    return "utf-8"


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _open_csv(path: Path, size: int) -> Source:
    try:
        raw = path.open("rb")
    except OSError as exc:
        msg = f"{path}: kan het bestand niet openen ({exc.strerror or exc})"
        raise PortfolioError(msg) from None
    head = raw.read(_SNIFF_BYTES)
    raw.seek(0)
    encoding = _encoding(head)
    if b"\x00" in head[:4096]:
        raw.close()
        msg = f"{path}: dit is geen tekstbestand (CSV); sla de portefeuille op als CSV of XLSX"
        raise PortfolioError(msg)
    text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
    first_line = head.decode(encoding, errors="replace").splitlines()[0] if head else ""
    reader = csv.reader(text, delimiter=_delimiter(first_line))
    try:
        header_cells = next(reader)
    except StopIteration:
        text.close()
        msg = f"{path}: het bestand is leeg (verwacht een kopregel met kolomnamen)"
        raise PortfolioError(msg) from None
    except csv.Error as exc:
        text.close()
        msg = f"{path}: de kopregel is onleesbaar ({exc})"
        raise PortfolioError(msg) from None
    try:
        header = resolve_header(header_cells)
    except PortfolioError as exc:
        text.close()
        raise PortfolioError(f"{path}: {exc}") from None

    def rows() -> Iterator[tuple[int, list[Any]]]:
        number = FIRST_DATA_ROW - 1
        while True:
            number += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield number, [_Unreadable(str(exc))]
                continue
            if not cells or all(not c.strip() for c in cells):
                continue
            yield number, cells

    source = Source(header, rows(), size, text.close)
    source.consumed = raw.tell
    source.plain = plain_csv(path, encoding, reader.dialect.delimiter)
    return source


class _Unreadable(str):
    """A CSV record the csv module could not parse; its text is the reason."""

    __slots__ = ()


def unreadable(cells: Sequence[Any]) -> str | None:
    """The reason when ``cells`` stands for a record that could not be parsed."""
    if len(cells) == 1 and isinstance(cells[0], _Unreadable):
        return str(cells[0])
    return None


def _open_xlsx(path: Path, size: int) -> Source:
    import zipfile

    from openpyxl import load_workbook  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        msg = f"{path}: geen leesbaar XLSX-bestand ({exc})"
        raise PortfolioError(msg) from None
    names = {normalize_code(n): n for n in workbook.sheetnames}
    sheet = workbook[names.get("portefeuille", workbook.sheetnames[0])]
    values = sheet.iter_rows(values_only=True)
    header_cells: Sequence[Any] = ()
    number = 0
    for number, cells in enumerate(values, 1):  # noqa: B007 - the number is used below
        if any(not is_empty(c) for c in cells):
            header_cells = cells
            break
    if not header_cells:
        workbook.close()
        msg = f"{path}: het werkblad is leeg (verwacht een kopregel met kolomnamen)"
        raise PortfolioError(msg)
    try:
        header = resolve_header(header_cells)
    except PortfolioError as exc:
        workbook.close()
        raise PortfolioError(f"{path}: {exc}") from None
    header_row = number

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for offset, cells in enumerate(values, header_row + 1):
            if any(not is_empty(c) for c in cells):
                yield offset, list(cells)

    return Source(header, rows(), size, workbook.close)


def file_size(path: Path) -> int:
    """The size of ``path`` in bytes (0 when it cannot be read)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
