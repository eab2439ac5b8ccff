"""``reintegratie tijdlijn``: the Poortwachter timeline of one ongoing case as a table."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reintegratie_cli.args import date_arg, sanction_weeks_arg
from reintegratie_cli.table import render
from reintegratie_core import (
    MAX_SANCTION_WEEKS,
    InvalidValueError,
    SicknessCase,
    cite,
    format_date,
    render_grounds,
    timeline,
)
from reintegratie_io import named_as


def register(commands: Any) -> None:
    """Add the ``tijdlijn`` subcommand to ``commands`` (an argparse subparsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "tijdlijn",
        help="de Poortwachter-tijdlijn van een ziektegeval",
        description="Toont alle mijlpalen van een lopend ziektegeval met hun grondslag.",
    )
    parser.add_argument(
        "eerste_ziektedag", type=date_arg, help="eerste ziektedag (JJJJ-MM-DD of DD-MM-JJJJ)"
    )
    parser.add_argument(
        "--probleemanalyse",
        type=date_arg,
        default=None,
        metavar="DATUM",
        help="datum van de probleemanalyse, indien bekend",
    )
    parser.add_argument(
        "--sanctieweken",
        type=sanction_weeks_arg,
        default=0,
        metavar="N",
        help=f"weken loonsanctie (0-{MAX_SANCTION_WEEKS.value})",
    )
    parser.add_argument("--uitleg", action="store_true", help="toon ook de toegepaste regels")
    parser.set_defaults(func=run)


#: The core's parameters (``timeline``'s Python names) as the user typed them here.
_TYPED = {"probleemanalyse": "--probleemanalyse", "case": "eerste_ziektedag"}


def _as_typed(exc: Exception) -> str:
    """The error naming the option or argument the user typed (``--probleemanalyse``),
    not the core's parameter (``probleemanalyse``), read from the error's argument."""
    typed, reason = named_as(exc, _TYPED)
    return str(exc) if typed is None else f"{typed}: {reason}"


def run(args: argparse.Namespace) -> int:
    """Print the timeline of one ongoing case; returns the exit code."""
    case = SicknessCase.ongoing(args.eerste_ziektedag)
    try:
        entries = timeline(case, args.probleemanalyse, args.sanctieweken)
    except InvalidValueError as exc:
        print(f"fout: {_as_typed(exc)}", file=sys.stderr)
        return 2
    explained = [entry.explain() for entry in entries]
    rows = []
    for entry, why in zip(entries, explained, strict=True):
        citations = cite(why.citations())
        rows.append((entry.milestone.value, entry.value, citations))
    print(f"Poortwachter-tijdlijn, eerste ziektedag {format_date(args.eerste_ziektedag)}")
    print(render(("mijlpaal", "datum", "grond"), rows))
    if args.uitleg:
        print()
        for entry, why in zip(entries, explained, strict=True):
            for line in render_grounds(why.grounds):
                print(f"- {entry.milestone.value}: {line}")
    return 0
