"""Excel's error values by name, in Dutch and English (``#N/B`` is ``#N/A``).

Dutch Excel shows an error value by its Dutch name (``#N/B``, ``#WAARDE!``, ``#VERW!``,
``#DEEL/0!``); a file, xlwings and Office.js name it in English (``#N/A``, ``#VALUE!``,
``#REF!``, ``#DIV/0!``), and a value typed or exported as text may be either. This is the
one table of both names. The Excel add-in recognises an error value in an input cell by it
(``reintegratie_addin.excel_errors``); the command line names an error value in a rejected
row of a portfolio by it, in Dutch with the English name as the file stores it
(``#N/B (#N/A)``), and rejects an error text as a name.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

#: Every Excel error value that has a Dutch name: its English name by its Dutch name.
DUTCH_EXCEL_ERRORS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "#LEEG!": "#NULL!",
        "#DEEL/0!": "#DIV/0!",
        "#WAARDE!": "#VALUE!",
        "#VERW!": "#REF!",
        "#NAAM?": "#NAME?",
        "#GETAL!": "#NUM!",
        "#N/B": "#N/A",
        "#GEGEVENS_OPHALEN": "#GETTING_DATA",
        "#OVERLOOP!": "#SPILL!",
        "#BEREKENEN!": "#CALC!",
        "#VELD!": "#FIELD!",
        "#GEBLOKKEERD!": "#BLOCKED!",
        "#VERBINDEN!": "#CONNECT!",
        "#BEZET!": "#BUSY!",
        "#ONBEKEND!": "#UNKNOWN!",
    }
)

#: The English names of Excel's error values, as a file, xlwings and Office.js give them.
ENGLISH_EXCEL_ERRORS: Final[frozenset[str]] = frozenset(DUTCH_EXCEL_ERRORS.values()) | {
    "#PYTHON!",
    "#EXTERNAL!",
}

#: The English name by either name; the Dutch name by the English one.
_ENGLISH_OF: Final[dict[str, str]] = {code: code for code in ENGLISH_EXCEL_ERRORS} | dict(
    DUTCH_EXCEL_ERRORS
)
_DUTCH_OF: Final[dict[str, str]] = {english: dutch for dutch, english in DUTCH_EXCEL_ERRORS.items()}


def excel_error(text: str) -> str | None:
    """The English name of the Excel error value ``text`` names, or ``None`` when it names none.

    Either name, in any case, with spaces around: ``"#N/A"``, ``"#n/b"`` and ``" #N/B "``
    all give ``"#N/A"``; ``"#WAARDE!"`` gives ``"#VALUE!"``; ``"#123"`` gives ``None``.
    """
    return _ENGLISH_OF.get(text.strip().upper())


def excel_error_text(text: str) -> str:
    """How a message names the Excel error value ``text``: the Dutch name Dutch Excel shows,
    with the English name in brackets.

    ``"#N/A"`` and ``"#N/B"`` give ``"#N/B (#N/A)"``; a value without a Dutch name gives its
    English name (``"#PYTHON!"``); a text that names no error value is given back as it is.
    """
    english = excel_error(text)
    if english is None:
        return text
    dutch = _DUTCH_OF.get(english)
    return english if dutch is None else f"{dutch} ({english})"


__all__ = [
    "DUTCH_EXCEL_ERRORS",
    "ENGLISH_EXCEL_ERRORS",
    "excel_error",
    "excel_error_text",
]
