"""Argument types for the command line, reusing the Excel shell's coercion rules, and the
parser that speaks Dutch (`DutchParser`)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from reintegratie_io import ArgumentError, required_date, to_int, to_sanction_weeks


def date_arg(text: str) -> date:
    """A date as JJJJ-MM-DD, D-M-JJJJ or DD-MM-JJJJ (argparse type)."""
    try:
        return required_date(text, "datum")
    except ArgumentError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def sanction_weeks_arg(text: str) -> int:
    """Weeks of loonsanctie, 0–52 (argparse type; BW 7:629 lid 11)."""
    try:
        return to_sanction_weeks(text, "sanctieweken", default=None)
    except ArgumentError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def path_arg(text: str) -> Path:
    """A file name (argparse type); an empty one is refused as empty, not read as the
    current folder ``.``."""
    if not text.strip():
        raise argparse.ArgumentTypeError("de bestandsnaam is leeg (geef een bestand op)")
    return Path(text)


def whole_number_arg(text: str, hint: str = "verwacht een geheel getal") -> int:
    """A whole number, negative too (argparse type), read as the shells read every whole
    number ([`to_int`][reintegratie_io.to_int]): ``1.000`` is one thousand (the Dutch
    thousands point), ``1,000`` is refused as ambiguous, ``1,5`` and ``1.5`` as no whole
    number; ``1_000`` and ``３`` (which ``int`` reads) as no number. argparse's own ``int``
    would also answer in English with a Python repr (``invalid int value: 'abc'``)."""
    try:
        return to_int(text, "getal", hint=hint)
    except ArgumentError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


#: argparse's own messages (Python 3.11+), as it formats them in English, and their Dutch
#: form; the first that matches the whole message is used.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), dutch)
    for pattern, dutch in (
        (r"the following arguments are required: (.*)", r"ontbreekt: \1"),
        (r"unrecognized arguments: (.*)", r"niet herkend: \1"),
        (r"expected one argument", "verwacht een waarde"),
        (r"expected at most one argument", "verwacht hoogstens één waarde"),
        (r"expected at least one argument", "verwacht minstens één waarde"),
        (r"expected (\d+) arguments?", r"verwacht \1 waarden"),
        (r"ambiguous option: (\S+) could match (.*)", r"\1 is dubbelzinnig: bedoeld is \2"),
        (r"ignored explicit argument '(.*)'", r'neemt geen waarde (gegeven: "\1")'),
        (r"invalid \w+ value: '(.*)'", r'"\1" is geen geldige waarde'),
        (r"unexpected option string: (.*)", r"onverwachte optie: \1"),
    )
)
_ARGUMENT = re.compile(r"argument (\S+): (.*)", re.DOTALL)


def dutch_message(message: str) -> str:
    """An error message of argparse in Dutch, without "argument" and Python reprs:
    ``argument --uit: expected one argument`` becomes ``--uit: verwacht een waarde``.
    A message the command's own argument types gave (already Dutch) keeps its text."""
    name = ""
    found = _ARGUMENT.fullmatch(message)
    if found is not None:
        name, message = f"{found[1]}: ", found[2]
    for pattern, dutch in _MESSAGES:
        if pattern.fullmatch(message):
            return name + pattern.sub(dutch, message)
    return name + message


class _DutchHelp(argparse.HelpFormatter):
    """``--help`` in Dutch: ``gebruik:`` instead of ``usage:``."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """An argument parser whose help and errors are Dutch: a usage error is
    ``reintegratie signalen: fout: --horizon: -1: verwacht 0 of meer`` (exit code 2, as
    argparse's), never English or a Python repr. Subcommand parsers are of this class too
    (argparse makes them with the parent's class)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _DutchHelp)
        add_help = kwargs.pop("add_help", True)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="toon deze hulp en stop",
            )

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            known = ", ".join(str(choice) for choice in choices)
            raise argparse.ArgumentError(action, f'onbekende keuze "{value}" (kies uit: {known})')

    def error(self, message: str) -> NoReturn:
        """Print the usage and the Dutch message on stderr and exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch_message(message)}\n")
