"""Excel's error values by name, Dutch and English: the one table both shells use.

Dutch Excel shows ``#N/B`` where a file and xlwings give ``#N/A`` (the add-in's contract,
Changes of 2026-12-01; ``docs/portefeuille.md``, Fouten).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_io import (
    DUTCH_EXCEL_ERRORS,
    ENGLISH_EXCEL_ERRORS,
    excel_error,
    excel_error_text,
)


@pytest.mark.parametrize(
    ("text", "english", "shown"),
    [
        ("#N/A", "#N/A", "#N/B (#N/A)"),
        ("#N/B", "#N/A", "#N/B (#N/A)"),
        (" #n/b ", "#N/A", "#N/B (#N/A)"),
        ("#VALUE!", "#VALUE!", "#WAARDE! (#VALUE!)"),
        ("#WAARDE!", "#VALUE!", "#WAARDE! (#VALUE!)"),
        ("#REF!", "#REF!", "#VERW! (#REF!)"),
        ("#VERW!", "#REF!", "#VERW! (#REF!)"),
        ("#DIV/0!", "#DIV/0!", "#DEEL/0! (#DIV/0!)"),
        ("#NAME?", "#NAME?", "#NAAM? (#NAME?)"),
        ("#NUM!", "#NUM!", "#GETAL! (#NUM!)"),
        ("#NULL!", "#NULL!", "#LEEG! (#NULL!)"),
        ("#PYTHON!", "#PYTHON!", "#PYTHON!"),
    ],
)
def test_both_names(text: str, english: str, shown: str) -> None:
    """Either name gives the English one; a message shows the Dutch name with the English."""
    assert excel_error(text) == english
    assert excel_error_text(text) == shown


@pytest.mark.parametrize("text", ["", "#", "#123", "N/A", "#WAARDE! x: y", "W-1"])
def test_other_texts_are_no_error(text: str) -> None:
    """A text that only looks alike names no error value and is shown as it is."""
    assert excel_error(text) is None
    assert excel_error_text(text) == text


def test_the_table_is_one_to_one() -> None:
    """Every Dutch name has its own English name, which is one of Excel's codes."""
    assert len(set(DUTCH_EXCEL_ERRORS.values())) == len(DUTCH_EXCEL_ERRORS)
    assert set(DUTCH_EXCEL_ERRORS.values()) <= ENGLISH_EXCEL_ERRORS
    assert not set(DUTCH_EXCEL_ERRORS) & ENGLISH_EXCEL_ERRORS


@given(st.sampled_from(sorted(DUTCH_EXCEL_ERRORS.items())))
def test_round_trip(pair: tuple[str, str]) -> None:
    """Dutch and English name give the same English name and the same message text."""
    dutch, english = pair
    assert excel_error(dutch) == excel_error(english) == english
    assert excel_error_text(dutch) == excel_error_text(english) == f"{dutch} ({english})"
