"""``reintegratie signalen``: the daily worklist over a portfolio of sickness cases.

Reads a portfolio (CSV or XLSX, one row per sick period; ``docs/portefeuille.md``),
merges each employee's periods into sickness cases and lists every open case with its
next milestone, sorted by urgency: *te laat* first, then by days left. Bad rows get an
error line and never stop the run; the exit code is non-zero only when the portfolio
cannot be read at all (or the output cannot be written). Without a portfolio the
built-in example is used. ``--peildatum`` defaults to today — here, in the shell; the
core never reads the clock.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from reintegratie_cli import engine
from reintegratie_cli.args import date_arg, path_arg, whole_number_arg
from reintegratie_cli.clock import today
from reintegratie_cli.output import OutputError, OutputKind, target_problem
from reintegratie_cli.portfolio import PortfolioError, open_portfolio
from reintegratie_cli.table import render, terminal_text
from reintegratie_cli.worklines import DISPLAY_HEADER, NO_OPEN_CASE, NOT_YET
from reintegratie_core import SIGNAL_HORIZON_DAYS, format_date, format_number
from reintegratie_io import thousands

#: The built-in example portfolio (package data).
EXAMPLE = "voorbeeld_portefeuille.csv"
DEFAULT_SHOWN = 25


def register(commands: Any) -> None:
    """Add the ``signalen`` subcommand to ``commands`` (an argparse subparsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "signalen",
        help="de werklijst van een portefeuille: per lopend ziektegeval de volgende mijlpaal",
        description=(
            "Leest een portefeuille (CSV of XLSX, één rij per ziekteperiode; zie "
            "docs/portefeuille.md) en toont per lopend ziektegeval de eerstvolgende "
            "mijlpaal, gesorteerd op urgentie: te laat eerst, dan op resterende dagen. "
            "Zonder PORTEFEUILLE wordt de ingebouwde voorbeeldportefeuille gebruikt."
        ),
    )
    parser.add_argument(
        "portefeuille",
        nargs="?",
        type=path_arg,
        default=None,
        metavar="PORTEFEUILLE",
        help="CSV- of XLSX-bestand (standaard: de ingebouwde voorbeeldportefeuille)",
    )
    parser.add_argument(
        "--peildatum",
        type=date_arg,
        default=None,
        metavar="DATUM",
        help="de datum waarop de werklijst geldt (standaard vandaag)",
    )
    parser.add_argument(
        "--horizon",
        type=_non_negative,
        default=SIGNAL_HORIZON_DAYS.value,
        metavar="N",
        help=f"dagen vooruit die 'binnenkort' heten (standaard {SIGNAL_HORIZON_DAYS.value})",
    )
    parser.add_argument(
        "--uit",
        type=_output_path,
        default=None,
        metavar="BESTAND",
        help="schrijf de hele werklijst naar BESTAND (.csv of .xlsx)",
    )
    parser.add_argument(
        "--toon",
        type=_non_negative,
        default=DEFAULT_SHOWN,
        metavar="N",
        help=f"toon de N urgentste regels op het scherm (standaard {DEFAULT_SHOWN})",
    )
    parser.add_argument(
        "--processen",
        type=_positive,
        default=None,
        metavar="N",
        help="aantal werkprocessen (standaard: het aantal processorkernen)",
    )
    parser.set_defaults(func=run)


def _non_negative(text: str) -> int:
    value = whole_number_arg(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value}: verwacht 0 of meer")
    return value


def _positive(text: str) -> int:
    value = whole_number_arg(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value}: verwacht 1 of meer")
    return value


def _output_path(text: str) -> Path:
    path = path_arg(text)
    try:
        OutputKind.of(path)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return path


@contextlib.contextmanager
def _portfolio_path(given: Path | None) -> Iterator[Path]:
    if given is not None:
        yield given
        return
    from importlib import resources  # only for the built-in example

    with resources.as_file(resources.files("reintegratie_cli") / "data" / EXAMPLE) as path:
        yield path


def run(args: argparse.Namespace) -> int:
    """Compute and show (and with ``--uit`` write) the worklist; returns the exit code."""
    reference = args.peildatum or today()
    with _portfolio_path(args.portefeuille) as path:
        refusal = (
            None
            if args.uit is None
            else target_problem(args.uit, example="werklijst.csv", source=path)
        )
        if refusal is not None:
            print(f"fout: {terminal_text(refusal, 2000)}", file=sys.stderr)
            return 2
        kind = "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "csv"
        try:
            # The scratch folder around the reading too: a UTF-16 portfolio is read from
            # its UTF-8 copy there, removed with the partition files on any way out.
            with (
                engine.Scratch() as scratch,
                open_portfolio(path, scratch=scratch.folder) as source,
            ):
                summary = engine.run(
                    source,
                    kind=kind,
                    reference=reference,
                    horizon=args.horizon,
                    target=args.uit,
                    top=args.toon,
                    processes=args.processen or engine.default_processes(),
                    scratch=scratch,
                    progress=sys.stderr.isatty(),
                )
        except (PortfolioError, OutputError) as exc:
            print(f"fout: {terminal_text(str(exc), 2000)}", file=sys.stderr)
            return 2
        except OSError as exc:
            message = f"{path}: lezen mislukt ({exc.strerror or exc})"
            print(f"fout: {terminal_text(message, 2000)}", file=sys.stderr)
            return 2
    name = "ingebouwde voorbeeldportefeuille" if args.portefeuille is None else str(path)
    _print(summary, name=name, reference=reference, args=args, ignored=source.header.ignored)
    return 0


def _print(
    summary: engine.Summary,
    *,
    name: str,
    reference: Any,
    args: argparse.Namespace,
    ignored: tuple[str, ...],
) -> None:
    counts = summary.counts
    items = sum(counts[s] for s in ("te laat", "binnenkort", "gepland", "geen mijlpaal"))
    print(
        f"Werklijst per {format_date(reference)} (horizon {args.horizon} dagen) — "
        f"{terminal_text(name, 2000)}"
    )
    not_yet = counts[NOT_YET]
    print(
        f"{thousands(counts['rijen'])} rijen gelezen · {thousands(counts['werknemers'])} werknemers · "
        f"{thousands(items)} lopende ziektegevallen · "
        f"{thousands(counts[NO_OPEN_CASE])} zonder lopend ziektegeval · "
        + (f"{thousands(not_yet)} nog niet begonnen (na de peildatum) · " if not_yet else "")
        + f"{thousands(counts['afgekeurd'])} afgekeurd"
    )
    print(
        " · ".join(
            f"{label} {thousands(counts[label])}"
            for label in ("te laat", "binnenkort", "gepland", "geen mijlpaal")
        )
        + f" · buiten module {thousands(counts['buiten module'])}"
    )
    if ignored:
        print(f"genegeerde kolommen: {', '.join(terminal_text(c, 60) for c in ignored)}")
    if summary.top:
        print()
        rows = [_shorten(row) for row in summary.top]
        print(render(DISPLAY_HEADER, rows))
        rest = items - len(summary.top)
        if rest > 0:
            more = (
                "zie het uitvoerbestand" if args.uit else "gebruik --uit BESTAND voor de hele lijst"
            )
            print(f"… en nog {thousands(rest)} regels ({more})")
    if summary.errors:
        total = counts["foutregels"]  # the lines listed; an error may reject several rows
        print()
        print(f"Afgekeurde rijen ({thousands(counts['afgekeurd'])}):")
        for error in summary.errors:
            who = f" ({terminal_text(error.employee, 40)})" if error.employee else ""
            named = (
                f"rijen {', '.join(map(str, error.numbers))}"
                if len(error.numbers) > 1
                else f"rij {error.row}"
            )
            print(f"  {named}{who}: {terminal_text(error.message, 500)}")
        if total > len(summary.errors):
            more = (
                "zie de kolom fout"
                if args.uit
                else "gebruik --uit BESTAND voor de hele lijst, met de kolom fout"
            )
            print(f"  … en nog {thousands(total - len(summary.errors))} ({more})")
    if args.uit is not None:
        print()
        print(
            f"Geschreven: {terminal_text(str(args.uit), 2000)} ({thousands(summary.written)} regels)"
        )


def _shorten(row: tuple[object, ...]) -> tuple[object, ...]:
    """A line as the screen shows it: long texts cut, and a ``Decimal`` (the remaining
    weeks, which the file holds with two decimals) always with two, so that a column
    reads alike (``103,00`` above ``102,86``, not ``103``)."""
    return tuple(
        (value[:28] + "…")
        if isinstance(value, str) and len(value) > 29
        else format_number(value, places=2)
        if isinstance(value, Decimal)
        else value
        for value in row
    )
