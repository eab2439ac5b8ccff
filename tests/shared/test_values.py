"""The parsing both shells share (issue 11 item 4): one serial ↔ date conversion, one code
key, and no shell in the way."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core.products import canonical
from reintegratie_io.values import (
    MAX_SERIAL,
    ArgumentError,
    DateBounds,
    date_to_serial,
    normalize_code,
    serial_to_date,
    to_date,
    to_decimal,
)

ROOT = Path(__file__).resolve().parents[2]


class TestSerials:
    @given(st.integers(1, MAX_SERIAL).filter(lambda s: s != 60))
    def test_round_trip(self, serial: int) -> None:
        """Every serial Excel can show is a date and back (1900 system, 60 excluded)."""
        assert date_to_serial(serial_to_date(serial, "datum")) == serial

    def test_known_serials(self) -> None:
        """Serial 1 = 01-01-1900, 61 = 01-03-1900 (after Lotus' 29-02-1900), 45663 = 06-01-2025."""
        assert serial_to_date(1, "d") == date(1900, 1, 1)
        assert serial_to_date(59, "d") == date(1900, 2, 28)
        assert serial_to_date(61, "d") == date(1900, 3, 1)
        assert date_to_serial(date(2025, 1, 6)) == 45663
        assert date_to_serial(date(9999, 12, 31)) == MAX_SERIAL

    def test_one_implementation(self) -> None:
        """The 1900 epoch is written down once, here: no shell keeps its own conversion."""
        epoch = re.compile(r"date\(1899, 12, 3[01]\)")
        found = [
            str(path.relative_to(ROOT))
            for folder in ("src", "addin")
            for path in (ROOT / folder).rglob("*.py")
            if epoch.search(path.read_text(encoding="utf-8"))
        ]
        assert found == ["src/reintegratie_io/values.py"]


class TestCodes:
    @given(st.text(max_size=30))
    def test_code_key_is_the_core_canonical(self, text: str) -> None:
        """`normalize_code` is the core's `canonical` (cached), not a second copy."""
        assert normalize_code(text) == canonical(text)


class TestDates:
    def test_bounds_are_the_callers(self) -> None:
        """Without bounds a text date of year 1 parses (the CLI); with bounds it is refused."""
        assert to_date("0001-01-01", "datum") == date(1, 1, 1)
        bounds = DateBounds(date(1900, 1, 1), date(9999, 12, 31), "de datums van Excel")
        with pytest.raises(ArgumentError, match="valt buiten de datums van Excel"):
            to_date("0001-01-01", "datum", bounds)

    @pytest.mark.parametrize(
        ("text", "value"), [("1.250,50", "1250.50"), ("1,250.50", "1250.50"), ("€ 12,5", "12.5")]
    )
    def test_dutch_and_english_numbers(self, text: str, value: str) -> None:
        """Amount text with either decimal separator."""
        assert str(to_decimal(text, "bedrag", "")) == value
