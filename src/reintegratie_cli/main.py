"""``reintegratie``: the command line.

Each subcommand lives in its own module with ``register(commands)`` (adds its parser and
sets ``func``) and ``run(args) -> int``; `SUBCOMMANDS` lists them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reintegratie_cli import generate, signalen, tijdlijn, werkmap
from reintegratie_core import __version__
from reintegratie_core.errors import ReintegratieError

#: The subcommand modules, in the order ``--help`` shows them.
SUBCOMMANDS = [tijdlijn, signalen, generate, werkmap]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with all subcommands."""
    parser = argparse.ArgumentParser(
        prog="reintegratie",
        description="Re-integratieregels van verzuimverzekeringen: termijnen, signalen, werkmappen.",
    )
    parser.add_argument("--version", action="version", version=f"reintegratie {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    for module in SUBCOMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``reintegratie``; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except ReintegratieError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
