"""Usage errors and ``--help`` of the command line speak Dutch: argparse's own English
messages ("invalid choice: 'foo' (choose from …)", "expected one argument") and its
Python reprs never reach a back-office user."""

from __future__ import annotations

import re

import pytest

from reintegratie_cli.args import dutch_message
from reintegratie_cli.main import main

#: English words argparse writes.
_ENGLISH = re.compile(
    r"\b(usage|error|argument|arguments|invalid|choose|expected|required|unrecognized|"
    r"ambiguous|options|show this help)\b"
)
#: A Python repr of a text: 'foo'.
_REPR = re.compile(r"'[^']*'")


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["foo"],
            'opdracht: onbekende keuze "foo" (kies uit: tijdlijn, signalen, genereer, werkmap)',
        ),
        ([], "ontbreekt: opdracht"),
        (["tijdlijn", "2025-01-06", "2025-01-07"], "niet herkend: 2025-01-07"),
        (["signalen", "--uit"], "--uit: verwacht een waarde"),
        (["signalen", "--p", "3"], "--p is dubbelzinnig: bedoeld is --peildatum, --processen"),
        (["tijdlijn", "2025-01-06", "--uitleg=ja"], '--uitleg: neemt geen waarde (gegeven: "ja")'),
        (
            ["genereer", "10", "--uit", "x.csv", "--zaad", "abc"],
            '--zaad: "abc" is geen getal (verwacht een geheel getal)',
        ),
        (["werkmap", "in.xlsx"], "ontbreekt: --uit"),
        (["signalen", "--horizon", "-1"], "--horizon: -1: verwacht 0 of meer"),
    ],
)
def test_usage_errors_are_dutch(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit code 2 (as documented for a bad argument), the usage line and one Dutch line
    ``reintegratie …: fout: …``; no English and no Python repr."""
    err = _usage_error(argv, capsys)
    assert err.startswith("gebruik: reintegratie")
    assert f": fout: {expected}\n" in err
    assert _ENGLISH.search(err) is None, err
    assert _REPR.search(err) is None, err


@pytest.mark.parametrize("command", [[], ["tijdlijn"], ["signalen"], ["genereer"], ["werkmap"]])
def test_help_is_dutch(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: reintegratie")
    assert "toon deze hulp en stop" in out
    assert _ENGLISH.search(out) is None, out


def test_own_messages_keep_their_text() -> None:
    """A message an argument type already gave in Dutch is only stripped of "argument"."""
    assert dutch_message('argument --peildatum: "x" is geen geldige datum') == (
        '--peildatum: "x" is geen geldige datum'
    )
    assert dutch_message("iets anders") == "iets anders"
