"""Reading a portfolio (portefeuille): its columns, validation per row, CSV and XLSX sources.

A portfolio has one row per sick period (``docs/portefeuille.md`` documents the columns).
The header names the columns in any order; names are matched case-insensitively with
spaces, ``-`` and ``_`` equivalent, and a few aliases are accepted. Unknown columns are
ignored. A file that cannot be opened, or lacks a required column, cannot be read at all
(`PortfolioError`); a bad *row* never stops the run: `parse_row` returns a
`RowError` naming each bad field and what it accepts.

Values are read with the parsing both shells share (``reintegratie_io._values``), so
a date is accepted in the same forms as in Excel: ``JJJJ-MM-DD``, ``D-M-JJJJ``,
``DD-MM-JJJJ``, a date cell or an Excel serial number.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import itertools
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, NamedTuple

import attrs

from reintegratie_cli.archive import Limits, WorkbookError, check_archive
from reintegratie_cli.output import ScratchError, scratch_write_error
from reintegratie_core import (
    MAX_SANCTION_WEEKS,
    TRACKED_MILESTONES,
    Milestone,
    UnknownCodeError,
    format_date,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product
from reintegratie_io import (
    DATE_HINT,
    SANCTION_WEEKS_HINT,
    ArgumentError,
    describe,
    excel_error,
    excel_error_text,
    is_empty,
    normalize_code,
    to_date,
    to_sanction_weeks,
    to_text,
)

#: Rows (records) are numbered as a spreadsheet numbers them: the header is row 1 (a CSV's
#: line 2 below Excel's separator hint ``sep=;``: then its data start on line 3).
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
        format=f"geheel getal 0 t/m {MAX_SANCTION_WEEKS.value}; leeg = 0",
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
    """Where each known column is in the file's rows (``None``: absent), what is ignored,
    and, for a CSV, how many fields the header line has (``width``): a line with more
    non-empty fields is rejected (`RowParser`), as a delimiter in an unquoted value shifts
    every later column."""

    positions: dict[str, int]
    ignored: tuple[str, ...]
    width: int | None = None

    def position(self, name: str) -> int | None:
        """The 0-based position of column ``name``, or ``None`` when the file lacks it."""
        return self.positions.get(name)


def _visible(text: str) -> str:
    """``text`` without invisible format characters (Unicode category Cf: a second byte
    order mark left by re-saving, a zero-width space from copying a web page). In a column
    name they are never meant: ``\ufeffwerknemer`` is the column werknemer, and a message
    that "werknemer" is missing while it names werknemer as found would be a riddle."""
    if text.isascii():
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def _header_text(cell: Any) -> str:
    """A header cell as a column name: text without invisible characters; a number, truth
    value or date cell as Dutch Excel shows it (``2025``, ``WAAR``, ``1,5``, ``01-01-2025``),
    never Python's ``2025.0`` or ``True``."""
    if isinstance(cell, str):
        return _visible(cell).strip()
    if isinstance(cell, ExcelError):
        return str(cell)
    return describe(cell)


def resolve_header(cells: Sequence[Any]) -> Header:
    """Map a header row onto `COLUMNS`; a missing required column is fatal."""
    index: dict[str, int] = {}
    ignored: list[str] = []
    for position, cell in enumerate(cells):
        if is_empty(cell):
            continue
        text = _header_text(cell)
        name = _BY_KEY.get(normalize_code(text))
        if name is None:
            ignored.append(text)
        elif name in index:
            before = _header_text(cells[index[name]])
            if normalize_code(before) == normalize_code(text):
                msg = f'kolom "{text}" staat er twee keer in (als {name})'
            else:  # an alias beside its column: name both, as the header writes them
                msg = (
                    f'de kolommen "{before}" en "{text}" betekenen allebei {name}; '
                    "laat er één over of geef de andere een naam die niet wordt herkend"
                )
            raise PortfolioError(msg)
        else:
            index[name] = position
    missing = [c.name for c in COLUMNS if c.required and c.name not in index]
    if missing:
        found = ", ".join(_header_text(c) for c in cells if not is_empty(c)) or "geen"
        msg = (
            f"verplichte kolom(men) ontbreken: {', '.join(missing)} "
            f"(gevonden: {found}; zie docs/portefeuille.md)"
        )
        raise MissingColumnsError(msg)
    return Header(index, tuple(ignored))


class MissingColumnsError(PortfolioError):
    """A header row lacks a required column: in a workbook, maybe not the header yet."""


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


#: ``PeriodRow``'s constructor without the generated ``__new__`` (a Python function call
#: per row); used on the fast path, whose fields are already in order.
_new_row: Callable[[type[PeriodRow], tuple[object, ...]], PeriodRow] = tuple.__new__


class RowError(NamedTuple):
    """A rejected row: its number, the employer and employee when readable (``""`` when
    not), and why (per field). ``numbers`` are all the rows the error rejects when there is
    more than one — an employee whose computation failed: all its rows, ``row`` the first
    (empty: only ``row``)."""

    row: int
    employer: str
    employee: str
    message: str
    numbers: tuple[int, ...] = ()

    @property
    def rows(self) -> int:
        """How many rows the error rejects."""
        return len(self.numbers) or 1

    @property
    def listed(self) -> str:
        """The rejected rows' numbers as the worklist's ``rijen`` column writes them."""
        return ";".join(map(str, self.numbers)) if self.numbers else str(self.row)


class ExcelError(NamedTuple):
    """An Excel error value in an XLSX cell (``#N/A``, ``#VALUE!``, ``#REF!`` …): never a
    value of any column (not text, not empty), so its row is rejected naming the column
    and the error. Not a ``str``, so the fast path of `RowParser.parse` never takes it."""

    text: str

    def __str__(self) -> str:
        return self.text


def _error_value(value: Any) -> str | None:
    """The Excel error value a cell holds (``""`` when it does not say which), or ``None``.

    An XLSX error cell (`ExcelError`), or a text that names an error value in either
    language (``#N/A``, ``#N/B``, ``#WAARDE!``): what a CSV exported from Excel holds where
    the sheet showed an error. Such a text is never a value either — not a name, not a date.
    """
    kind = type(value)
    if kind is ExcelError:
        return str(value.text)
    if kind is str and value.lstrip()[:1] == "#" and excel_error(value) is not None:
        return str(value.strip())
    return None


def _excel_error(text: str, column: str) -> ArgumentError:
    """The error of a column whose cell holds the Excel error value ``text``, with the hint
    the column's other errors give. The value is named as Dutch Excel shows it, with the
    English name the file stores: ``Excel-foutwaarde #N/B (#N/A)``."""
    from reintegratie_cli.xlsx_errors import NO_VALUE  # only on this error path

    hint = _ERROR_HINTS.get(column, DATE_HINT)
    if text == NO_VALUE:
        msg = (
            "een formule zonder berekende waarde in de cel (open en bewaar het bestand in "
            f"Excel, of reken het door met reintegratie werkmap; {hint})"
        )
        return ArgumentError(column, msg)
    error = f"Excel-foutwaarde {excel_error_text(text)}" if text else "een Excel-foutwaarde"
    return ArgumentError(column, f"{error} in de cel ({hint})")


_DATE_CACHE: dict[object, date | None] = {}
_DATE_CACHE_LIMIT = 200_000


def parse_date(value: Any, column: str) -> date | None:
    """A date cell (``None`` when empty) per the Excel shell's rules; cached for speed
    (text, and the date cells of an XLSX, so that `RowParser.parse` finds them at speed)."""
    kind = type(value)
    if kind is str or kind is date:
        cached = _DATE_CACHE.get(value, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        if kind is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
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


#: Per tracked milestone: a done-date text → its (milestone, date) pair, shared by the rows
#: with that text (one tuple fewer per done date; the pairs are immutable).
_DONE_PAIRS: dict[Milestone, dict[str, tuple[Milestone, date]]] = {
    m: {} for m in DONE_COLUMNS.values()
}
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


#: What a column accepts, as its errors say it (dates: ``DATE_HINT``).
_ERROR_HINTS: dict[str, str] = {
    "werknemer": "verwacht een personeels- of dossiernummer",
    "werkgever": "verwacht tekst",
    "product": _PRODUCT_HINT,
    "laatste_ziektedag": "verwacht een datum, of leeg zolang de werknemer ziek is",
    "soort": "verwacht leeg, ziek of verlof",
    "sanctieweken": SANCTION_WEEKS_HINT,
}


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
    raise ArgumentError("soort", f"onbekende waarde {describe(value)} ({_ERROR_HINTS['soort']})")


def _sanction(value: Any, _column: str) -> int | None:
    return None if is_empty(value) else to_sanction_weeks(value, "sanctieweken")


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
        #: More cells than this go to `_checked` (one comparison on the fast path).
        self._width = header.width if header.width is not None else sys.maxsize
        #: The last required column's position: a CSV line that ends before it is short.
        self._last_required = max(header.positions[c.name] for c in COLUMNS if c.required)
        done: list[tuple[str, Milestone, int]] = []
        for name, milestone in DONE_COLUMNS.items():
            position = at(name)
            if position is not None:
                done.append((name, milestone, position))
        self._done = tuple(done)
        self._done_quick = tuple(
            (_DONE_PAIRS[milestone], milestone, position) for _name, milestone, position in done
        )

    def employee_of(self, cells: Sequence[Any]) -> str:
        """The werknemer cell as text (``""`` when empty or unreadable); used to group rows."""
        value = _cell(cells, self._employee)
        if _error_value(value) is not None:
            return ""
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
        if _error_value(value) is not None:
            return ""
        if type(value) is str:
            return value.strip()
        try:
            return to_text(value, "werkgever", default="")
        except ArgumentError:
            return ""

    def parse(self, cells: Sequence[Any], row: int) -> PeriodRow | RowError:
        """Validate one row; a `RowError` lists every bad field with what it accepts.

        The common case at speed, inline (one call per row): text cells whose values were
        seen before (cached). Anything unusual — a value not in the caches, a missing cell,
        a non-text cell, a failed check — goes to `_checked`, which decides with full
        validation.
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
            for pairs, milestone, position in self._done_quick:
                value = cells[position]
                if value:
                    pair = pairs.get(value)
                    if pair is None:
                        when = _DATE_CACHE[value]
                        if when is None:  # not a date: the full check says why
                            raise KeyError(value)
                        if len(pairs) >= _DATE_CACHE_LIMIT:
                            pairs.clear()
                        pair = pairs[value] = (milestone, when)
                    done.append(pair)
        except (KeyError, IndexError, AttributeError, TypeError):
            return self._checked(cells, row)
        # `< "$"`: empty, or starting with "#" (maybe an Excel error value as text, see
        # `_error_value`) or a character before it; one comparison, full validation decides
        if employee < "$" or employer < "$" or module_start is None or first is None:
            return self._checked(cells, row)
        # rare: a last day before the first, leave without a last day, or more cells than
        # the header (maybe a delimiter in an unquoted value); full validation decides
        if (
            (last is not None and last < first)
            or (leave and last is None)
            or len(cells) > self._width
        ):
            return self._checked(cells, row)
        return _new_row(
            PeriodRow,
            (
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
            ),
        )

    def _checked(self, cells: Sequence[Any], row: int) -> PeriodRow | RowError:
        """`parse` with full validation: the row, or a `RowError` naming every bad field."""
        try:
            return self._parse(cells, row, None)
        except (ArgumentError, _RejectedRowError):
            problems: list[str] = []
            self._parse(cells, row, problems)
            return RowError(
                row, self.employer_of(cells), self.employee_of(cells), "; ".join(problems)
            )

    def _parse(self, cells: Sequence[Any], row: int, problems: list[str] | None) -> PeriodRow:
        """One pass over the row. Without ``problems`` the first bad field raises (the fast
        path for good rows); with it, every bad field is recorded there instead."""

        def field(read: Callable[[Any, str], Any], position: int | None, name: str) -> Any:
            value = _cell(cells, position)
            try:
                error = _error_value(value)
                if error is not None:
                    raise _excel_error(error, name)
                return read(value, name)
            except ArgumentError as exc:
                if problems is None:
                    raise
                problems.append(f"kolom {exc.argument}: {exc.message}")
                return None

        if len(cells) > self._width and any(not is_empty(c) for c in cells[self._width :]):
            _reject(
                problems,
                f"regel heeft {len(cells)} velden, de kopregel {self._width} (staat het "
                "scheidingsteken in een waarde? Zet die waarde tussen aanhalingstekens)",
            )
        if self.header.width is not None and len(cells) <= self._last_required:
            fields = "1 veld" if len(cells) == 1 else f"{len(cells)} velden"
            _reject(
                problems,
                f"regel heeft {fields}, de kopregel {self.header.width} (loopt een veld tussen "
                "aanhalingstekens over meer regels? Elke regel is één rij)",
            )
        employee = self.employee_of(cells)
        error = _error_value(_cell(cells, self._employee))
        if error is not None:
            _reject(problems, f"kolom werknemer: {_excel_error(error, 'werknemer').message}")
        elif not employee:
            _reject(problems, f"kolom werknemer: ontbreekt ({_ERROR_HINTS['werknemer']})")
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
                f"kolom laatste_ziektedag: {format_date(last)} ligt vóór de eerste ziektedag "
                f"{format_date(first)} (verwacht een datum op of na de eerste ziektedag, of leeg)",
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

#: The suffixes of a portfolio: CSV (also as ``.txt``, e.g. Excel's tab-separated text) and
#: XLSX (also with macros, ``.xlsm``); docs/portefeuille.md names them.
SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
_SUFFIX_TEXT = f"{', '.join(SUFFIXES[:-1])} of {SUFFIXES[-1]}"
#: Limits on an XLSX portfolio, checked on its zip directory before anything is parsed.
XLSX_LIMITS = Limits()
_BLOCK = 1 << 24
#: Bytes per block of lines decoded and split at once (`CsvFormat.records`).
_RECORD_BLOCK = 1 << 20
_UNCLOSED_QUOTE = (
    "een aanhalingsteken sluit niet op deze regel (een veld over meer regels wordt niet "
    "ondersteund: elke regel is één rij)"
)


#: A NUL byte is no text: a file with one in its first block is refused as a whole (not a
#: CSV), a line with one further on is rejected on its own.
_NUL = "deze regel bevat een NUL-teken (byte 0x00) en is dus geen tekst"
_NOT_CSV = (
    "deze regel is geen geldige CSV (een los regeleinde of aanhalingsteken buiten de "
    "aanhalingstekens van een veld)"
)


class CsvFormat(NamedTuple):
    """How a CSV portfolio is read: every physical line is one record.

    The one CSV parser of the command (`cells`): a line without a quote character is
    split on the delimiter; a line with quotes is parsed by the ``csv`` module, on its own —
    a quote never swallows the lines after it. ``encoding`` was checked on the whole file
    (`detect_encoding`), so decoding a line never fails and never replaces a byte.
    """

    path: Path
    encoding: str
    delimiter: str
    data_offset: int
    #: The row number of the line at ``data_offset``: the file's line number.
    first_row: int = FIRST_DATA_ROW

    def cells(self, line: bytes) -> list[str]:
        """The cells of one line (its line end removed); an unbalanced quote gives a
        single `Unreadable` cell that says so."""
        return self._split(line.decode(self.encoding))

    def _split(self, text: str) -> list[str]:
        if "\x00" in text:
            return [Unreadable(_NUL)]
        if '"' not in text:
            return text.split(self.delimiter)
        if text.count('"') % 2:
            return [Unreadable(_UNCLOSED_QUOTE)]
        try:
            return next(csv.reader((text,), delimiter=self.delimiter))
        except csv.Error:  # e.g. a bare CR outside the quotes: this line only, never the run
            return [Unreadable(_NOT_CSV)]

    def records(self, start: int, end: int) -> Iterator[list[str]]:
        """The cells of every line from byte ``start`` to ``end`` (both at the start of a
        line), as `cells` gives them for each of `lines`: a block of lines is decoded at
        once, and its lines split one by one by a C-level ``map``, without a Python call
        per line (issue 11)."""
        return itertools.chain.from_iterable(self._record_blocks(start, end))

    def _record_blocks(self, start: int, end: int) -> Iterator[Iterator[list[str]]]:
        split, delimiter = self._split, self.delimiter
        carry = b""
        for block in self._blocks(start, end, _RECORD_BLOCK):
            data = carry + block
            cut = data.rfind(b"\n") + 1  # a line end is a character boundary
            carry = data[cut:]
            if cut:
                # Every whole line of the block, its line end removed (a CR before the LF
                # too, as `lines` does); the text after the last LF is empty.
                text = data[:cut].decode(self.encoding).replace("\r\n", "\n")
                lines = text.split("\n")
                lines.pop()
                if '"' in text or "\x00" in text:
                    yield map(split, lines)
                else:  # split lazily, line by line: a line's cells are freed before the next
                    yield map(str.split, lines, itertools.repeat(delimiter))
        if carry:
            yield iter(
                [split((carry[:-1] if carry.endswith(b"\r") else carry).decode(self.encoding))]
            )

    def lines(self, start: int, end: int) -> Iterator[bytes]:
        """The lines (line ends removed) from byte ``start`` to ``end``, which both lie at
        the start of a line; read in blocks, so memory stays flat."""
        carry = b""
        for block in self._blocks(start, end, _BLOCK):
            lines = (carry + block).split(b"\n")
            carry = lines.pop()
            for line in lines:
                yield line[:-1] if line.endswith(b"\r") else line
        if carry:
            yield carry[:-1] if carry.endswith(b"\r") else carry

    def _blocks(self, start: int, end: int, size: int) -> Iterator[bytes]:
        """The file's bytes from ``start`` to ``end``, read ``size`` at a time (unbuffered:
        each block is read once), so memory stays flat; the one reading loop of `lines` and
        `records`."""
        with self.path.open("rb", buffering=0) as stream:
            stream.seek(start)
            left = end - start
            while left > 0:
                data = stream.read(min(size, left))
                if not data:
                    break
                left -= len(data)
                yield data


class Source:
    """An open portfolio: its header and its data rows as ``(row number, cells)``.

    ``csv`` is set for a CSV file: its rows are its lines, which may be read in byte
    ranges (`CsvFormat`); ``rows`` then reads them all in order.
    """

    def __init__(
        self,
        header: Header,
        rows: Iterator[tuple[int, list[Any]]],
        size: int,
        closer: Callable[[], None],
        csv_format: CsvFormat | None = None,
    ) -> None:
        self.header = header
        self.rows = rows
        self.size = size
        self._close = closer
        self.csv = csv_format

    def close(self) -> None:
        """Release the file."""
        self._close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_portfolio(path: Path, scratch: Callable[[], Path] | None = None) -> Source:
    """Open a CSV or XLSX portfolio; `PortfolioError` when it cannot be read at all.

    A CSV in UTF-16 (Excel's "Unicode-tekst") is first copied as UTF-8 into the folder
    ``scratch`` gives, and read from there; the caller removes that folder (it is the
    run's scratch folder, `reintegratie_cli.engine.Scratch`). Without ``scratch`` such a
    file is refused.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        msg = f"{path}: onbekend bestandstype {suffix or '(geen)'} (verwacht {_SUFFIX_TEXT})"
        raise PortfolioError(msg)
    try:
        size = path.stat().st_size
    except OSError as exc:
        msg = f"{path}: kan het bestand niet openen ({exc.strerror or exc})"
        raise PortfolioError(msg) from None
    if not path.is_file():
        msg = f"{path}: is geen bestand"
        raise PortfolioError(msg)
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _open_xlsx(path, size)
        return _open_csv(path, size, scratch)
    except OSError as exc:
        msg = f"{path}: lezen mislukt ({exc.strerror or exc})"
        raise PortfolioError(msg) from None


def _line_of(path: Path, position: int) -> int:
    """The 1-based line number of byte ``position`` of ``path``."""
    line = 1
    with path.open("rb") as stream:
        while position > 0:
            data = stream.read(min(_BLOCK, position))
            if not data:
                break
            line += data.count(b"\n")
            position -= len(data)
    return line


#: What UTF-8 text in a Windows-1252 file looks like: the UTF-8 forms of the Latin-1 letters
#: and signs (é = C3 A9 reads "Ã©"), of € and of the typographic dashes, quotes and ellipsis.
#: Other byte runs that happen to be valid UTF-8 ("é€€" = E9 80 80) are ordinary
#: Windows-1252 text, not a sign of a second encoding.
_UTF8_SEQUENCE = re.compile(
    rb"\xc2[\xa0-\xbf]|\xc3[\x80-\xbf]|\xe2\x82\xac|\xe2\x80[\x93\x94\x98\x99\x9a\x9c\x9d\x9e\xa6]"
)


def detect_encoding(path: Path) -> str:
    """The encoding of the whole file, decoded strictly: UTF-8 (with or without BOM), else
    Windows-1252; `PortfolioError` names the line when neither decodes every byte,
    or when the file mixes UTF-8 with another encoding. Nothing is ever replaced."""
    with path.open("rb") as stream:
        bom = stream.read(3) == codecs.BOM_UTF8
        stream.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        consumed = 0
        try:
            while data := stream.read(_BLOCK):
                pending = len(decoder.getstate()[0])
                try:
                    decoder.decode(data)
                except UnicodeDecodeError as exc:
                    bad = consumed - pending + exc.start
                    raise _NotUtf8Error(bad) from None
                consumed += len(data)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                raise _NotUtf8Error(consumed - len(decoder.getstate()[0])) from None
        except _NotUtf8Error as failure:
            bad = failure.position
        else:
            return "utf-8-sig" if bom else "utf-8"
        where = f"regel {_line_of(path, bad)}"
        if bom:
            msg = (
                f"{path}: het bestand begint als UTF-8 (met BOM), maar {where} is geen UTF-8; "
                "sla het opnieuw op als CSV UTF-8"
            )
            raise PortfolioError(msg)
        stream.seek(0)
        consumed = 0
        while data := stream.read(_BLOCK):
            try:
                data.decode("cp1252")
            except UnicodeDecodeError as exc:
                msg = (
                    f"{path}: regel {_line_of(path, consumed + exc.start)} is geen UTF-8 en "
                    f"geen Windows-1252 (byte 0x{data[exc.start]:02X}); sla het bestand op als "
                    "CSV UTF-8"
                )
                raise PortfolioError(msg) from None
            found = _UTF8_SEQUENCE.search(data)
            if found is not None:
                msg = (
                    f"{path}: de codering is gemengd: regel {_line_of(path, consumed + found.start())} "
                    f"is UTF-8, {where} niet; sla het bestand opnieuw op als CSV UTF-8"
                )
                raise PortfolioError(msg)
            consumed += len(data)
    return "cp1252"


class _NotUtf8Error(Exception):
    def __init__(self, position: int) -> None:
        super().__init__(position)
        self.position = position


#: Excel's separator hint, a first line ``sep=;`` (Excel writes and reads it): the whole
#: line, any case, one character after the ``=``.
_SEPARATOR_HINT = re.compile(r"sep=(.)", re.IGNORECASE)
_SEPARATORS = frozenset(";,\t")


def _separator_hint(path: Path, first_line: str) -> str | None:
    """The separator a first line ``sep=X`` names (``None``: no hint); a separator that is
    not read (``sep=|``) is refused, naming those that are."""
    found = _SEPARATOR_HINT.fullmatch(first_line)
    if found is None:
        return None
    separator = found.group(1)
    if separator not in _SEPARATORS:
        msg = (
            f'{path}: regel 1: scheidingsteken "{separator}" (uit {first_line}) wordt niet '
            "gelezen; verwacht sep=; (puntkomma), sep=, (komma) of sep= met een tab"
        )
        raise PortfolioError(msg)
    return separator


#: The UTF-8 copy of a UTF-16 portfolio, in the run's scratch folder.
_UTF8_COPY = "portefeuille-utf8.csv"
#: Bytes of UTF-16 transcoded at a time (`_transcode`): memory stays flat.
_UTF16_BLOCK = 1 << 20


#: Printable ASCII, tab and CR: what a header line is mostly made of.
_TEXT = frozenset("\t\r" + "".join(map(chr, range(0x20, 0x7F))))


def utf16_codec(head: bytes) -> tuple[str, int] | None:
    """The UTF-16 codec of a file that starts with ``head``, with the length of its byte
    order mark; ``None`` when the file is not UTF-16.

    A byte order mark says it (Excel's "Unicode-tekst" has one). Without one, the file is
    UTF-16 when, read in one byte order, at least three quarters of its first line are
    printable ASCII or tabs: the header line names the columns in ASCII, and in UTF-16
    every other byte of it is NUL. UTF-8 and Windows-1252 text has no NUL byte at all, and
    a binary file (an ``.xls`` renamed to ``.csv``) not this pattern: it stays "geen
    tekstbestand".
    """
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", len(codecs.BOM_UTF16_LE)
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", len(codecs.BOM_UTF16_BE)
    if b"\x00" not in head:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = head[: len(head) & ~1].decode(codec, "replace")
        line = text.split("\n", 1)[0] or text  # the header line (or all when it is empty)
        if line and 4 * sum(1 for c in line if c in _TEXT) >= 3 * len(line):
            return codec, 0
    return None


def _transcode(path: Path, codec: str, skip: int, target: Path) -> None:
    """Copy the UTF-16 text of ``path`` (after its byte order mark of ``skip`` bytes) as
    UTF-8 to ``target``, a block at a time: memory stays flat, and each line stays one line
    (a line end is one code unit), so line numbers are the file's.

    Decoded strictly, as UTF-8 is (`detect_encoding`): a code unit that is not UTF-16 — a
    lone half of a surrogate pair (half an emoji), a last byte without its partner (an odd
    number of bytes) — refuses the file (`PortfolioError`) with its line; nothing is
    replaced. Failing to write the copy is a `ScratchError` about the scratch folder.
    """
    decoder = codecs.getincrementaldecoder(codec)()
    line = 1
    with path.open("rb", buffering=0) as stream, _scratch_writing(target) as copy:
        stream.seek(skip)
        while True:
            data = stream.read(_UTF16_BLOCK)  # a failure is the portfolio's: "lezen mislukt"
            pending = decoder.getstate()[0]
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                raise _not_utf16(path, codec, line, pending + data, exc) from None
            if not data:
                break
            line += text.count("\n")
            try:
                copy.write(text.encode("utf-8"))
            except OSError as exc:
                raise _scratch_error(target, exc) from None
        try:
            copy.flush()
        except OSError as exc:
            raise _scratch_error(target, exc) from None


@contextlib.contextmanager
def _scratch_writing(target: Path) -> Iterator[IO[bytes]]:
    """``target``, a new file in the scratch folder, open for writing (and closed)."""
    try:
        stream = target.open("xb", buffering=1 << 20)
    except OSError as exc:
        raise _scratch_error(target, exc) from None
    try:
        yield stream
    finally:  # flushed by the caller; after a failed write, closing must not hide it
        with contextlib.suppress(OSError):
            stream.close()


def _scratch_error(target: Path, exc: OSError) -> ScratchError:
    """Failing to write the scratch folder (a full disk): said so, not "lezen mislukt"; the
    same error as a partition file's (`scratch_write_error`)."""
    return scratch_write_error(target.parent.parent, exc)


def _not_utf16(
    path: Path, codec: str, line: int, data: bytes, exc: UnicodeDecodeError
) -> PortfolioError:
    """The refusal of a file whose ``data`` (starting on ``line``) has a code unit that is
    not UTF-16 at ``exc.start``: its line and what is wrong with it."""
    line += data[: exc.start].decode(codec, "replace").count("\n")
    unit = data[exc.start : exc.start + 2]
    if len(unit) < 2:
        why = "het bestand heeft een oneven aantal bytes: van het laatste teken is er maar één"
    else:
        value = int.from_bytes(unit, "little" if codec == "utf-16-le" else "big")
        half = "eerste" if value < 0xDC00 else "tweede"
        other = "tweede" if value < 0xDC00 else "eerste"
        why = f"de {half} helft van een teken (0x{value:04X}) zonder de {other}"
    msg = (
        f"{path}: regel {line} is geen geldige UTF-16 ({why}); er wordt geen teken vervangen: "
        "sla het bestand opnieuw op als Unicode-tekst of CSV UTF-8"
    )
    return PortfolioError(msg)


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _utf8_copy(path: Path, size: int, scratch: Callable[[], Path] | None) -> tuple[Path, int]:
    """The file to read for ``path`` and its size: ``path`` itself, or when it is UTF-16
    (`utf16_codec`) its UTF-8 copy (`_transcode`) in the folder ``scratch`` gives."""
    with path.open("rb") as stream:
        utf16 = utf16_codec(stream.read(4096))
    if utf16 is None:
        return path, size
    if scratch is None:
        msg = f"{path}: het bestand is UTF-16 (in Excel: Unicode-tekst); sla het op als CSV UTF-8"
        raise PortfolioError(msg)
    copy = scratch() / _UTF8_COPY
    _transcode(path, *utf16, copy)
    return copy, copy.stat().st_size


def _open_csv(path: Path, size: int, scratch: Callable[[], Path] | None) -> Source:
    """A CSV portfolio; one in UTF-16 is read from its UTF-8 copy (`_transcode`), with
    every message naming ``path``, the user's file (the copy has the same lines)."""
    data, size = _utf8_copy(path, size, scratch)  # the file read, and its size
    with data.open("rb") as stream:
        head = stream.read(4096)
        stream.seek(0)
        first = stream.readline()
    if b"\x00" in head:
        msg = f"{path}: dit is geen tekstbestand (CSV); sla de portefeuille op als CSV of XLSX"
        raise PortfolioError(msg)
    if b"\r" in first.rstrip(b"\r\n"):
        msg = (
            f"{path}: de regels eindigen op een losse CR (de oude Mac-indeling); sla het "
            "bestand op als CSV UTF-8"
        )
        raise PortfolioError(msg)
    encoding = "utf-8" if data != path else detect_encoding(path)
    header_text = first.decode(encoding).rstrip("\r\n")
    if not head.lstrip(codecs.BOM_UTF8).strip() and size <= len(head):
        msg = f"{path}: het bestand is leeg (verwacht een kopregel met kolomnamen)"
        raise PortfolioError(msg)
    data_encoding = "utf-8" if encoding == "utf-8-sig" else encoding
    header_row, header_offset = 1, 0  # the header's line number and its first byte
    delimiter = _separator_hint(path, header_text)
    if delimiter is not None:  # Excel's "sep=;": the header is the next line
        header_row, header_offset = 2, len(first)
        with data.open("rb") as stream:
            stream.seek(header_offset)
            first = stream.readline()
        header_text = first.decode(data_encoding).rstrip("\r\n")
    else:
        delimiter = _delimiter(header_text)
    header_cells = CsvFormat(data, data_encoding, delimiter, 0).cells(
        header_text.encode(data_encoding)
    )
    if unreadable(header_cells) is not None:
        msg = f"{path}: de kopregel is onleesbaar ({header_cells[0]})"
        raise PortfolioError(msg)
    if all(is_empty(c) for c in header_cells):
        msg = (
            f"{path}: regel {header_row} is leeg (verwacht de kopregel met de kolomnamen op "
            f"regel {header_row}; zie docs/portefeuille.md)"
        )
        raise PortfolioError(msg)
    try:
        header = resolve_header(header_cells)
    except MissingColumnsError as exc:
        raise PortfolioError(f"{path}: regel {header_row}: {exc}") from None
    except PortfolioError as exc:
        raise PortfolioError(f"{path}: {exc}") from None
    header = header._replace(width=len(header_cells))
    form = CsvFormat(
        data, data_encoding, delimiter, header_offset + len(first), first_row=header_row + 1
    )

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for number, line in enumerate(form.lines(form.data_offset, size), form.first_row):
            cells = form.cells(line)
            if not "".join(cells).strip():
                continue
            yield number, cells

    return Source(header, rows(), size, lambda: None, form)


class Unreadable(str):
    """A line that could not be parsed into cells; its text is the reason."""

    __slots__ = ()


def unreadable(cells: Sequence[Any]) -> str | None:
    """The reason when ``cells`` stands for a line that could not be parsed."""
    if len(cells) == 1 and isinstance(cells[0], Unreadable):
        return str(cells[0])
    return None


def _open_xlsx(path: Path, size: int) -> Source:
    """An XLSX portfolio, read by ``python-calamine`` after `check_archive` refused
    absurd archives (sizes, zip bombs) from the zip directory alone.

    python-calamine reads an Excel error value as an empty cell; its error cells are found
    in the sheet's XML (`reintegratie_cli.xlsx_errors`) and put back as `ExcelError`
    where a row has one (in the header, and in the columns the portfolio reads).
    """
    try:
        check_archive(path, XLSX_LIMITS)
    except WorkbookError as exc:
        msg = f"{path}: geen leesbaar XLSX-bestand ({exc})"
        raise PortfolioError(msg) from None
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = {normalize_code(n): n for n in workbook.sheet_names}
        if not names:
            raise PortfolioError(f"{path}: de werkmap heeft geen werkblad")
        named = names.get("portefeuille")
        candidates = [named] if named is not None else list(workbook.sheet_names)
    except (CalamineError, ValueError, OverflowError) as exc:
        msg = f"{path}: geen leesbaar XLSX-bestand ({exc})"
        raise PortfolioError(msg) from None
    try:
        values, by_row, header, header_row = _header_sheet(path, workbook, candidates)
    except BaseException:
        workbook.close()
        raise
    read = frozenset(header.positions.values())
    dates = _date_positions(header) if _uses_1904(path) else ()

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for offset, cells in enumerate(values, header_row + 1):
            if by_row and offset in by_row:
                cells = _marked(cells, by_row[offset], read)  # noqa: PLW2901 - the marked row
            if any(not is_empty(c) for c in cells):
                yield offset, _from_1904(cells, dates) if dates else list(cells)

    return Source(header, rows(), size, workbook.close)


def _header_sheet(
    path: Path, workbook: Any, candidates: Sequence[str]
) -> tuple[Iterator[list[Any]], dict[int, list[tuple[int, ExcelError]]], Header, int]:
    """The first of ``candidates`` (sheet names) with a header (`_find_header`): its rows
    after the header, its error cells by row, the header and its row number.

    A sheet whose header is refused (a column twice) is passed over like a sheet without
    a header; only when no later sheet has one is that refusal the answer.
    """
    from python_calamine import CalamineError

    from reintegratie_cli.xlsx_errors import SheetError

    refused: list[tuple[str, str]] = []  # (sheet, why) of the sheets without a header
    broken: PortfolioError | None = None  # the first sheet whose header was refused
    for name in candidates:
        try:
            sheet = workbook.get_sheet_by_name(name)
            values = iter(sheet.iter_rows())
            by_row = _error_rows(path, name, sheet.start)
            found = _find_header(values, by_row)
        except (CalamineError, ValueError, OverflowError, SheetError) as exc:
            msg = f"{path}: geen leesbaar XLSX-bestand ({exc})"
            raise PortfolioError(msg) from None
        except MissingColumnsError as exc:
            refused.append((name, str(exc)))
            continue
        except PortfolioError as exc:
            if broken is None:
                broken = PortfolioError(f'{path}: werkblad "{name}": {exc}')
            continue
        if found is not None:
            return values, by_row, *found
    if broken is not None:
        raise broken
    if not refused:
        msg = f"{path}: het werkblad is leeg (verwacht een kopregel met kolomnamen)"
        raise PortfolioError(msg)
    msg = f'{path}: werkblad "{refused[0][0]}", {refused[0][1]}'
    if len(refused) > 1:
        others = ", ".join(f'"{name}"' for name, _ in refused[1:])
        msg += f"; ook op werkblad {others} staat geen kopregel met die kolommen"
    raise PortfolioError(msg)


#: How many rows of a sheet may come before its header (a title, a date, empty rows).
HEADER_SEARCH_ROWS = 20


def _find_header(
    values: Iterator[list[Any]], by_row: dict[int, list[tuple[int, ExcelError]]]
) -> tuple[Header, int] | None:
    """The header of a sheet and its row number; ``None`` for an empty sheet.

    The header is the first row, among the sheet's first `HEADER_SEARCH_ROWS`, that names
    every required column: a title above it is passed over. `MissingColumnsError` (for its
    first non-empty row) when there is none, also when those rows are all empty and a later
    one is not (the sheet is no empty sheet); ``values`` is then read up to the header.
    """
    first: MissingColumnsError | None = None
    number = 0
    for number, cells in enumerate(values, 1):
        cells = _row_marked(cells, number, by_row)  # noqa: PLW2901 - the marked row
        if any(not is_empty(c) for c in cells):
            try:
                return resolve_header(cells), number
            except MissingColumnsError as exc:
                if first is None:
                    first = MissingColumnsError(f"rij {number}: {exc}")
        if number >= HEADER_SEARCH_ROWS:
            break
    if first is not None:
        raise first
    for later, cells in enumerate(values, number + 1):
        if any(not is_empty(c) for c in _row_marked(cells, later, by_row)):
            msg = (
                f"rij {later} is de eerste gevulde rij; de kopregel hoort in de eerste "
                f"{HEADER_SEARCH_ROWS} rijen (rij 1 t/m {HEADER_SEARCH_ROWS} zijn leeg: "
                "verwijder lege rijen boven de kopregel)"
            )
            raise MissingColumnsError(msg)
    return None


def _row_marked(
    cells: list[Any], number: int, by_row: dict[int, list[tuple[int, ExcelError]]]
) -> list[Any]:
    """Row ``number``'s cells with its error cells as `ExcelError`."""
    return _marked(cells, by_row[number], None) if number in by_row else cells


#: Days from the 1900 date system's day 0 to the 1904 system's (1904-01-01 is serial 1462).
_DAYS_1900_TO_1904 = 1462


def _uses_1904(path: Path) -> bool:
    """Whether the workbook counts its serial numbers from 1904 (``date1904``, the old Mac
    Excel default). python-calamine converts its date cells itself, but gives a number in
    a date column as the bare number, which `parse_date` reads as a 1900 serial."""
    import zipfile

    from reintegratie_cli.xlsx_errors import SheetError, workbook_properties

    try:
        with zipfile.ZipFile(path) as archive:
            value = workbook_properties(archive).get("date1904", "")
    except (SheetError, zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False
    return value.strip().lower() in ("1", "true")


def _date_positions(header: Header) -> tuple[int, ...]:
    return tuple(
        header.positions[c.name]
        for c in COLUMNS
        if c.format == DATE_FORMAT and c.name in header.positions
    )


def _from_1904(cells: list[Any], positions: tuple[int, ...]) -> list[Any]:
    """``cells`` with the numbers in the date columns as 1900 serials (+ 1462 days), so
    that serial 44347 of a 1904 workbook is 01-06-2025, as that workbook shows it."""
    converted = list(cells)
    for position in positions:
        if position < len(converted):
            value = converted[position]
            if type(value) in (int, float):
                converted[position] = value + _DAYS_1900_TO_1904
    return converted


def _error_rows(
    path: Path, sheet: str, start: tuple[int, int] | None
) -> dict[int, list[tuple[int, ExcelError]]]:
    """The error cells of ``sheet`` by row number, each at its position in the row's cells.

    ``iter_rows()`` gives every row from the sheet's first, but the columns from the first
    one in use, ``start`` (python-calamine issue #177).
    """
    from reintegratie_cli.xlsx_errors import read_error_cells

    first_column = (start or (0, 0))[1] + 1
    by_row: dict[int, list[tuple[int, ExcelError]]] = {}
    for (row, column), text in read_error_cells(path, sheet).items():
        by_row.setdefault(row, []).append((column - first_column, ExcelError(text)))
    return by_row


def _marked(
    cells: list[Any], errors: list[tuple[int, ExcelError]], positions: frozenset[int] | None
) -> list[Any]:
    """``cells`` with the error cells among ``positions`` (``None``: all) as `ExcelError`."""
    marked = list(cells)
    for position, error in errors:
        if 0 <= position < len(marked) and (positions is None or position in positions):
            marked[position] = error
    return marked
