"""``reintegratie``: the command line.

Subcommands:

* ``reintegratie tijdlijn <eerste ziektedag> [--probleemanalyse D] [--sanctieweken N]`` —
  the Poortwachter timeline of one ongoing case as a table, each milestone with its
  article.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from reintegratie_addin.coerce import ArgumentError, required_date, to_int
from reintegratie_cli.table import render
from reintegratie_core import __version__
from reintegratie_core.errors import ReintegratieError
from reintegratie_core.explain import render_grounds
from reintegratie_core.poortwachter import timeline
from reintegratie_core.sickness import SicknessCase


def _date(text: str) -> date:
    try:
        return required_date(text, "datum")
    except ArgumentError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _weeks(text: str) -> int:
    try:
        return to_int(text, "sanctieweken", minimum=0, maximum=52, hint="verwacht 0 t/m 52 weken")
    except ArgumentError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with all subcommands."""
    parser = argparse.ArgumentParser(
        prog="reintegratie",
        description="Re-integratieregels van verzuimverzekeringen: termijnen, signalen, werkmappen.",
    )
    parser.add_argument("--version", action="version", version=f"reintegratie {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    tijdlijn = commands.add_parser(
        "tijdlijn",
        help="de Poortwachter-tijdlijn van een ziektegeval",
        description="Toont alle mijlpalen van een lopend ziektegeval met hun grondslag.",
    )
    tijdlijn.add_argument(
        "eerste_ziektedag", type=_date, help="eerste ziektedag (JJJJ-MM-DD of DD-MM-JJJJ)"
    )
    tijdlijn.add_argument(
        "--probleemanalyse",
        type=_date,
        default=None,
        metavar="DATUM",
        help="datum van de probleemanalyse, indien bekend",
    )
    tijdlijn.add_argument(
        "--sanctieweken", type=_weeks, default=0, metavar="N", help="weken loonsanctie (0-52)"
    )
    tijdlijn.add_argument("--uitleg", action="store_true", help="toon ook de toegepaste regels")
    return parser


def cmd_tijdlijn(args: argparse.Namespace) -> int:
    """Print the timeline of one ongoing case."""
    case = SicknessCase.ongoing(args.eerste_ziektedag)
    entries = timeline(case, args.probleemanalyse, args.sanctieweken)
    rows = []
    for entry in entries:
        citations = "; ".join(dict.fromkeys(str(g.citation) for g in entry.explained.grounds))
        rows.append((entry.milestone.value, entry.date, citations))
    print(f"Poortwachter-tijdlijn, eerste ziektedag {args.eerste_ziektedag:%d-%m-%Y}")
    print(render(("mijlpaal", "datum", "grond"), rows))
    if args.uitleg:
        print()
        for entry in entries:
            for line in render_grounds(entry.explained.grounds):
                print(f"- {entry.milestone.value}: {line}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``reintegratie``; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "tijdlijn":
            return cmd_tijdlijn(args)
    except ReintegratieError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    parser.error(f"onbekende opdracht {args.command}")
    return 2  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
