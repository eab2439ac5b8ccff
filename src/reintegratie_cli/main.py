"""``reintegratie``: the command line.

Each subcommand lives in its own module with ``register(commands)`` (adds its parser and
sets ``func``) and ``run(args) -> int``; `subcommands` lists them.

Stopping: Ctrl-C (SIGINT) and SIGTERM both unwind the command as a
`KeyboardInterrupt` — so every ``finally`` and context manager cleans up (worker
processes, scratch folders, partial output files) — and end in one Dutch line on stderr
and exit code 130 (Ctrl-C) or 143 (SIGTERM), never a traceback. A second signal during
the clean-up is ignored. The handlers are installed before anything else is loaded (the
commands, the library): a Ctrl-C right after Enter is one line too, not a traceback.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

# Only the standard library (and `stopping`, which uses only that) here: the commands and
# the library are loaded by `main` once its signal handlers are in place.
from reintegratie_cli.stopping import Stopped, forget, handle


class _Version(argparse.Action):
    """``--version``: the version is read (``importlib.metadata``, slow to import) only
    when asked for, not at every start."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:  # noqa: A002 - argparse's name
        del dest  # prints and stops: stores nothing
        super().__init__(
            option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS, help=help
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        import reintegratie_core

        sys.stdout.write(f"reintegratie {reintegratie_core.__version__}\n")
        parser.exit()


def subcommands() -> list[ModuleType]:
    """The subcommand modules, in the order ``--help`` shows them."""
    from reintegratie_cli import generate, signalen, tijdlijn, werkmap

    return [tijdlijn, signalen, generate, werkmap]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with all subcommands."""
    from reintegratie_cli.args import DutchParser

    parser = DutchParser(
        prog="reintegratie",
        description="Re-integratieregels van verzuimverzekeringen: termijnen, signalen, werkmappen.",
    )
    parser.add_argument("--version", action=_Version, help="toon het versienummer en stop")
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    for module in subcommands():
        module.register(commands)
    return parser


#: The exit code when standard output's reader has gone: 128 + SIGPIPE, as a shell reports.
_BROKEN_PIPE = 128 + 13


def _silence_stdout() -> None:
    """Send what is left in standard output's buffer to /dev/null, so that Python's flush
    at exit does not report the failed write a second time."""
    try:
        target = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # none, or not a file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, target)
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``reintegratie``; returns the exit code."""
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    forget()
    for each in previous:
        signal.signal(each, handle)
    try:
        return _run(argv)
    except KeyboardInterrupt as exc:
        # Nothing is imported here: a stop may have cut a module's loading short, and
        # loading it again can fail. Without the output module there is no temporary file.
        output = sys.modules.get("reintegratie_cli.output")
        remove = getattr(output, "remove_temporaries", None)
        if remove is not None:
            remove()  # also one a stop caught between creating and using it
        signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
        name = "SIGTERM" if signum == signal.SIGTERM else "Ctrl-C"
        print(
            f"afgebroken ({name}): tijdelijke bestanden opgeruimd, niets geschreven; "
            "een eerder uitvoerbestand is ongewijzigd",
            file=sys.stderr,
        )
        return 128 + signum
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)
        forget()  # a stop belongs to this command only


def _run(argv: Sequence[str] | None) -> int:
    """Parse ``argv`` and run its command; its errors as one Dutch line and exit code."""
    from reintegratie_cli.output import remove_temporaries
    from reintegratie_core import ReintegratieError

    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a write error shows here, not in Python's flush at exit
    except ReintegratieError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of standard output left (`| head`): stop quietly, as other Unix tools do,
        # with the exit code of SIGPIPE. Python would report the pipe again when it flushes
        # standard output at exit, so that goes to /dev/null first (Python docs, "Note on
        # SIGPIPE").
        remove_temporaries()
        _silence_stdout()
        return _BROKEN_PIPE
    except OSError as exc:
        # Standard output cannot be written (`> bestand` on a full disk, an I/O error): one
        # Dutch line and exit code 2, as for an output file that cannot be written; never a
        # traceback. The commands report their own files' errors themselves.
        remove_temporaries()
        _silence_stdout()
        what = (
            "de uitvoer naar het scherm: schrijven mislukt"
            if exc.filename is None
            else f"{exc.filename}: lezen of schrijven mislukt"
        )
        print(f"fout: {what} ({exc.strerror or exc})", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
