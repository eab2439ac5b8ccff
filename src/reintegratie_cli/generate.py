"""``reintegratie genereer``: a synthetic portfolio of any size, for trying and benchmarking.

Everything is made up: employers are invented names with a polis number, employees are
numbers (``W0000001``), no real person or company is meant. The same seed, size and
peildatum give the same file, byte for byte.

The model, per employee, relative to the peildatum *p*:

* one to four sick periods (70 % one); an interruption between two periods is 1–60 days,
  so some periods merge into one case (< 28 days) and some start a new case;
* the last period is still running for a share ``--lopend`` of the employees (default
  0.6: a case-management portfolio is mostly open cases), started up to about two and a
  half years before *p* — so every stage of the Poortwachter timeline occurs;
* for an open case, each tracked milestone that is due before *p* was done — around its
  deadline — with probability 0.9; the rest are *te laat*;
* a few loonsancties (sanctieweken), a few pregnancy-leave bridges (soort ``verlof``),
  a few employers whose module started after an employee fell ill (not eligible);
* optionally (``--fouten``) a share of rows with one deliberately broken field.

The cases reach back up to nine years before *p* (the employers' module start dates) and
their deadlines up to two years after it, so ``--peildatum`` lies within
``PEILDATUM_BOUNDS`` (01-01-0010 t/m
31-12-9997); another date is a usage error naming that range. ``signalen`` itself accepts
every date.

Rows are written in blocks of a few thousand employees, shuffled within each block, so
the periods of one employee are near each other but not on consecutive rows — the
worklist must group them itself.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from reintegratie_cli.args import path_arg, whole_number_arg
from reintegratie_cli.clock import today
from reintegratie_cli.output import OutputError, OutputKind, target_problem, write_table
from reintegratie_cli.portfolio import PRODUCTS
from reintegratie_core import (
    Absence,
    Milestone,
    SicknessCase,
    format_date,
    merge_cases,
    milestone_date,
)
from reintegratie_io import ArgumentError, DateBounds, required_date

if TYPE_CHECKING:  # imported when a portfolio is generated, not at every start of the CLI
    import random

#: The columns of a generated portfolio, in file order (``docs/portefeuille.md``).
HEADER: tuple[str, ...] = (
    "werknemer",
    "werkgever",
    "product",
    "ingangsdatum_module",
    "eerste_ziektedag",
    "laatste_ziektedag",
    "soort",
    "sanctieweken",
    "datum_probleemanalyse",
    "datum_plan_van_aanpak",
    "datum_ziekmelding_uwv",
    "datum_eerstejaarsevaluatie",
    "datum_wia_aanvraag",
)

_TRACKED = (
    Milestone.PROBLEEMANALYSE,
    Milestone.PLAN_VAN_AANPAK,
    Milestone.ZIEKMELDING_UWV,
    Milestone.EERSTEJAARSEVALUATIE,
    Milestone.WIA_AANVRAAG,
)

_SECTORS = (
    "Bouwbedrijf",
    "Bakkerij",
    "Transportbedrijf",
    "Zorgcentrum",
    "Installatietechniek",
    "Schoonmaakdienst",
    "Drukkerij",
    "Hoveniersbedrijf",
    "Autoservice",
    "Administratiekantoor",
    "Metaalbewerking",
    "Kinderopvang",
    "Groothandel",
    "Adviesbureau",
    "Veehouderij",
)
_SYLLABLES = (
    "vel", "dor", "mar", "ken", "hof", "wijk", "berg", "stra", "lin", "den", "zo", "ra",
    "mo", "ter", "bro", "ek", "sel", "va", "ni", "hol",
)  # fmt: skip

BLOCK_EMPLOYEES = 4096
#: How far before the peildatum an employer's module may have started (days).
EMPLOYER_HISTORY_DAYS = 9 * 365
#: The peildata a portfolio can be generated around: every date the generator makes — up
#: to ``EMPLOYER_HISTORY_DAYS`` before
#: and the tracked deadlines (up to week 91 plus 26 sanction weeks) after — exists.
PEILDATUM_BOUNDS = DateBounds(date(10, 1, 1), date(9997, 12, 31), "het bereik van genereer")


def _name(rng: random.Random) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
    return f"{rng.choice(_SECTORS)} {word.capitalize()}"


class _Employers:
    """A pool of invented employers, each with a product and a module start date."""

    def __init__(self, rng: random.Random, count: int, reference: date) -> None:
        self.rows = []
        for index in range(count):
            polis = 400_000 + index * 7 + rng.randint(0, 6)
            start = reference - timedelta(days=rng.randint(60, EMPLOYER_HISTORY_DAYS))
            self.rows.append((f"P-{polis} {_name(rng)}", rng.choice(PRODUCTS), start))

    def pick(self, rng: random.Random) -> tuple[str, str, date]:
        return self.rows[rng.randrange(len(self.rows))]


def _sick_length(rng: random.Random) -> int:
    draw = rng.random()
    if draw < 0.55:
        return rng.randint(1, 10)
    if draw < 0.85:
        return rng.randint(11, 60)
    return rng.randint(61, 240)


def _open_age(rng: random.Random) -> int:
    """Days between the first day of the open period and the peildatum."""
    draw = rng.random()
    if draw < 0.3:
        return rng.randint(0, 60)
    if draw < 0.65:
        return rng.randint(61, 364)
    return rng.randint(365, MAX_CASE_AGE)


def _done_dates(
    rng: random.Random, case: SicknessCase, reference: date, sanction: int
) -> list[date | None]:
    """Done dates of the tracked milestones due before ``reference`` (probability 0.9)."""
    done: list[date | None] = []
    probleemanalyse: date | None = None
    first = case.first_day
    for milestone in _TRACKED:
        due = milestone_date(case, milestone, probleemanalyse, sanction).value
        if (
            due is None
            or due >= reference + timedelta(days=rng.randint(0, 10))
            or rng.random() > 0.9
        ):
            done.append(None)
            continue
        when = min(reference, due + timedelta(days=rng.randint(-12, 4)))
        when = max(when, first)
        if milestone is Milestone.PROBLEEMANALYSE:
            probleemanalyse = when
        done.append(when)
    return done


#: The oldest open case the generator makes: 104 weeks plus a little.
MAX_CASE_AGE = 800


def _open_case(spans: list[tuple[date, date | None, str]]) -> SicknessCase:
    absences = [
        Absence.leave(first, last) if kind == "verlof" and last else Absence.sick(first, last)
        for first, last, kind in spans
    ]
    return merge_cases(absences)[-1]


def _employee_rows(
    rng: random.Random,
    *,
    number: int,
    employers: _Employers,
    reference: date,
    periods: int,
    open_share: float,
) -> list[list[object]]:
    employer, product, module_start = employers.pick(rng)
    ongoing = rng.random() < open_share
    # Walk back from the peildatum: the last period first.
    spans: list[tuple[date, date | None, str]] = []
    if ongoing:
        first = reference - timedelta(days=_open_age(rng))
        spans.append((first, None, "ziek"))
    else:
        last = reference - timedelta(days=rng.randint(1, 400))
        spans.append((last - timedelta(days=_sick_length(rng) - 1), last, "ziek"))
    bridge = periods >= 2 and rng.random() < 0.03
    for index in range(periods - 1):
        following = spans[-1][0]
        if bridge and index == 0:
            leave_last = following - timedelta(days=1)
            leave_first = leave_last - timedelta(days=rng.randint(100, 120))
            spans.append((leave_first, leave_last, "verlof"))
            last = leave_first - timedelta(days=1)
        else:
            gap = rng.randint(1, 27) if rng.random() < 0.6 else rng.randint(28, 120)
            last = following - timedelta(days=gap + 1)
        spans.append((last - timedelta(days=_sick_length(rng) - 1), last, "ziek"))
    del spans[periods:]  # a leave bridge takes the place of one period
    spans.reverse()
    sanction = 0
    done: list[date | None] = [None] * len(_TRACKED)
    if ongoing:
        case = _open_case(spans)
        age = (reference - case.first_day).days
        if age > MAX_CASE_AGE:  # merged periods made it older than a real open case gets
            shift = timedelta(days=age - rng.randint(365, MAX_CASE_AGE))
            spans = [(f + shift, None if e is None else e + shift, k) for f, e, k in spans]
            if spans[-1][0] > reference:
                spans = [(reference - timedelta(days=rng.randint(0, 60)), None, "ziek")]
            case = _open_case(spans)
        if (reference - case.first_day).days > 600 and rng.random() < 0.1:
            sanction = rng.randint(1, 26)
        done = _done_dates(rng, case, reference, sanction)
    case_first = spans[0][0]
    if rng.random() < 0.02:  # the module started after this employee fell ill
        module_start = case_first + timedelta(days=rng.randint(1, 30))
    employee = f"W{number:07d}"
    rows = []
    for index, (start, end, kind) in enumerate(spans):
        is_last = index == len(spans) - 1
        rows.append(
            [
                employee,
                employer,
                product,
                module_start,
                start,
                end,
                "verlof" if kind == "verlof" else None,
                sanction if is_last and sanction else None,
                *(done if is_last else [None] * len(_TRACKED)),
            ]
        )
    return rows


_BREAKAGES = (
    (4, "31-02-2025"),
    (2, "onbekend-product"),
    (7, "60"),
    (0, ""),
    (3, "morgen"),
    (5, "01-01-1900x"),
)


def _break(rng: random.Random, row: list[object]) -> list[object]:
    position, text = rng.choice(_BREAKAGES)
    broken = list(row)
    broken[position] = text
    return broken


def portfolio_rows(
    size: int,
    *,
    seed: int = 1,
    reference: date,
    open_share: float = 0.6,
    error_share: float = 0.0,
) -> Iterator[list[object]]:
    """``size`` rows of a synthetic portfolio (see the module doc), deterministic per seed."""
    import random

    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    employers = _Employers(rng, max(3, size // 40), reference)
    written = 0
    number = 0
    while written < size:
        block: list[list[object]] = []
        for _ in range(BLOCK_EMPLOYEES):
            if written + len(block) >= size:
                break
            number += 1
            draw = rng.random()
            periods = 1 if draw < 0.7 else 2 if draw < 0.9 else 3 if draw < 0.97 else 4
            periods = min(periods, size - written - len(block))
            block.extend(
                _employee_rows(
                    rng,
                    number=number,
                    employers=employers,
                    reference=reference,
                    periods=periods,
                    open_share=open_share,
                )
            )
        rng.shuffle(block)
        for row in block:
            yield _break(rng, row) if error_share and rng.random() < error_share else row
        written += len(block)


def register(commands: Any) -> None:
    """Add the ``genereer`` subcommand to ``commands`` (an argparse subparsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "genereer",
        help="maak een synthetische portefeuille (om te proberen en te meten)",
        description=(
            "Schrijft een verzonnen portefeuille van N rijen (ziekteperioden) als CSV of "
            "XLSX. Hetzelfde zaad, aantal en dezelfde peildatum geven hetzelfde bestand."
        ),
    )
    parser.add_argument("rijen", type=_count, metavar="N", help="aantal rijen (ziekteperioden)")
    parser.add_argument(
        "--uit", type=path_arg, required=True, metavar="BESTAND", help="doelbestand, .csv of .xlsx"
    )
    parser.add_argument(
        "--zaad", type=whole_number_arg, default=1, metavar="S", help="zaad (standaard 1)"
    )
    parser.add_argument(
        "--peildatum",
        type=_reference,
        default=None,
        metavar="DATUM",
        help=(
            "datum waaromheen de gevallen liggen (standaard vandaag; "
            f"{format_date(PEILDATUM_BOUNDS.first)} t/m {format_date(PEILDATUM_BOUNDS.last)})"
        ),
    )
    parser.add_argument(
        "--lopend",
        type=_share,
        default=0.6,
        metavar="FRACTIE",
        help="aandeel werknemers dat nog ziek is (0-1, standaard 0,6)",
    )
    parser.add_argument(
        "--fouten",
        type=_share,
        default=0.0,
        metavar="FRACTIE",
        help="aandeel rijen met een opzettelijke fout (0-1, standaard 0)",
    )
    parser.set_defaults(func=run)


def _reference(text: str) -> date:
    """A peildatum within ``PEILDATUM_BOUNDS``
    (argparse type)."""
    try:
        return required_date(text, "peildatum", PEILDATUM_BOUNDS)
    except ArgumentError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _count(text: str) -> int:
    value = whole_number_arg(text, "verwacht een aantal rijen, bijv. 1000000 of 1.000.000")
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value}: verwacht 0 of meer rijen")
    return value


def _share(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is geen fractie (verwacht 0 t/m 1)') from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text}: verwacht een fractie van 0 t/m 1")
    return value


def run(args: argparse.Namespace) -> int:
    """Write the synthetic portfolio; returns the exit code."""
    reference = args.peildatum or today()
    problem = target_problem(args.uit, example="portefeuille.csv")
    if problem is not None:
        print(f"fout: {problem}", file=sys.stderr)
        return 2
    try:
        kind = OutputKind.of(args.uit)
    except ValueError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    if kind is OutputKind.XLSX and args.rijen >= 1_048_576:
        print("fout: zoveel rijen passen niet in één XLSX-werkblad; kies .csv", file=sys.stderr)
        return 2
    rows = portfolio_rows(
        args.rijen,
        seed=args.zaad,
        reference=reference,
        open_share=args.lopend,
        error_share=args.fouten,
    )
    try:
        written = write_table(
            args.uit, HEADER, rows, sheet="portefeuille", widths=[12] * len(HEADER)
        )
    except OutputError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    print(
        f"{written} rijen geschreven naar {args.uit} (zaad {args.zaad}, peildatum {format_date(reference)})"
    )
    return 0
