"""``reintegratie werkmap``: recalculate a workbook without Excel and write a copy with values.

Every formula is computed — the ``RI_`` functions and Excel's own, mixed — by the
``formualizer`` engine (the ``werkmap`` extra); see `reintegratie_cli.recalc.recalculation`.
This command is the only part of the command line that uses the add-in's functions.
The input is never changed. Cells that could not be read or computed are listed by sheet
and cell on standard error; the exit code is 0 when the copy was written (with
``--streng``: 1 when any cell could not be computed), 2 when the workbook was refused or
unreadable or the copy could not be written. Stopped by Ctrl-C or SIGTERM, it leaves no
partial file and ends as every command does (`reintegratie_cli.main`): one line, exit code
130 (Ctrl-C) or 143 (SIGTERM).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from reintegratie_cli.args import date_arg, path_arg

#: From this many formulas on, progress is shown (on a terminal).
PROGRESS_FROM = 500
#: Cells listed per kind of problem; the rest is counted.
SHOWN = 20


def register(commands: Any) -> None:
    """Add the ``werkmap`` subcommand to ``commands`` (an argparse subparsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "werkmap",
        help="herbereken een werkmap zonder Excel en schrijf een kopie met de waarden",
        description=(
            "Berekent alle formules van een werkmap — RI_-functies en Excels eigen functies — "
            "en schrijft een kopie met de uitkomsten. Het invoerbestand blijft ongewijzigd. "
            "Werkmappen van elders worden veilig gelezen: geen macro's, geen externe "
            "koppelingen, grenzen aan de omvang."
        ),
    )
    parser.add_argument(
        "invoer", type=path_arg, metavar="IN.xlsx", help="de werkmap (.xlsx of .xlsm)"
    )
    parser.add_argument(
        "--uit",
        type=path_arg,
        required=True,
        metavar="UIT.xlsx",
        help="de kopie met de waarden (.xlsx)",
    )
    parser.add_argument(
        "--streng",
        action="store_true",
        help="afsluitcode 1 als een cel niet gelezen of berekend kon worden",
    )
    parser.add_argument(
        "--peildatum",
        type=date_arg,
        metavar="DATUM",
        help="de datum die VANDAAG() en NU() geven (standaard: de datum van de computer)",
    )
    parser.add_argument("--stil", action="store_true", help="geen voortgang en geen samenvatting")
    parser.set_defaults(func=run)


def _progress(enabled: bool) -> Any:
    from tqdm import tqdm

    def open_bar(description: str, total: int) -> Any:
        return tqdm(
            total=total,
            desc=description,
            unit="kB" if description == "lezen" else "cel",
            file=sys.stderr,
            disable=not enabled or total < PROGRESS_FROM,
            leave=False,
        )

    return open_bar


def _list(title: str, problems: Sequence[object], out: TextIO) -> None:
    if not problems:
        return
    print(f"{title} ({len(problems)}):", file=out)
    for problem in problems[:SHOWN]:
        print(f"  {problem}", file=out)
    if len(problems) > SHOWN:
        print(f"  … en nog {len(problems) - SHOWN}", file=out)


def run(args: argparse.Namespace) -> int:
    """Recalculate ``args.invoer`` into ``args.uit``; returns the exit code."""
    try:
        from reintegratie_cli.archive import WorkbookError
        from reintegratie_cli.recalc import recalculation
    except ImportError as exc:  # pragma: no cover - only without the werkmap extra
        print(
            f"fout: de extra 'werkmap' is niet geïnstalleerd ({exc.name}); "
            "installeer met: pip install 'reintegratie-core[werkmap]'",
            file=sys.stderr,
        )
        return 2
    from reintegratie_addin import udfs

    show = not args.stil and sys.stderr.isatty()
    try:
        report = recalculation.recalculate(
            args.invoer,
            args.uit,
            functions=udfs.contract_functions(),
            today=args.peildatum,
            progress=_progress(show) if show else recalculation.no_progress,
        )
    except WorkbookError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - never a traceback: the input was not usable
        first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        print(
            f"fout: {args.invoer.name} kon niet worden herberekend "
            f"({type(exc).__name__}{': ' + first if first else ''}); er is geen kopie geschreven",
            file=sys.stderr,
        )
        return 2
    if not args.stil:
        out = sys.stderr
        print(f"{args.uit}: {report.formulas} formules berekend", file=out)
        for note in report.notes:
            print(f"let op: {note}", file=out)
        _list("niet gelezen of niet berekend", report.problems, out)
        _list("formules met een foutwaarde", report.error_values, out)
        _list("RI_-functies met #WAARDE!", report.function_errors, out)
    if args.streng and report.problems:
        return 1
    return 0
