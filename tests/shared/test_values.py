"""The parsing both shells share (issue 11 item 4): one serial ↔ date conversion, one code
key, and no shell in the way."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core.products import canonical
from reintegratie_io import (
    MAX_SERIAL,
    ArgumentError,
    DateBounds,
    date_to_serial,
    normalize_code,
    serial_to_date,
    to_date,
    to_decimal,
    to_sanction_weeks,
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
        assert found == ["src/reintegratie_io/_values.py"]


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


class TestSanctionWeeks:
    """BW 7:629 lid 11: a loonsanctie lasts at most 52 weeks; both shells read
    ``sanctieweken`` through the one `to_sanction_weeks`."""

    @given(st.integers(0, 52))
    def test_whole_weeks_within_the_maximum(self, weeks: int) -> None:
        assert to_sanction_weeks(float(weeks), "sanctieweken") == weeks
        assert to_sanction_weeks(str(weeks), "sanctieweken") == weeks

    def test_empty_is_zero_unless_refused(self) -> None:
        assert to_sanction_weeks(None, "sanctieweken") == 0
        with pytest.raises(ArgumentError, match=r"sanctieweken.*ontbreekt"):
            to_sanction_weeks("", "sanctieweken", default=None)

    @pytest.mark.parametrize("value", [53, -1, 2.5, "veel"])
    def test_refused_with_the_range(self, value: object) -> None:
        with pytest.raises(ArgumentError) as refused:
            to_sanction_weeks(value, "sanctieweken")
        assert refused.value.argument == "sanctieweken"
        assert "(verwacht 0 t/m 52 weken)" in refused.value.message

    def test_both_shells_say_the_same(self) -> None:
        from reintegratie_addin import udfs
        from reintegratie_cli.args import sanction_weeks_arg

        shown = udfs.RI_RESTERENDE_WEKEN(date(2025, 1, 6), date(2025, 3, 1), 53)
        assert shown.endswith("53 ligt buiten het bereik (verwacht 0 t/m 52 weken)")
        with pytest.raises(
            argparse.ArgumentTypeError,
            match=r"53\" ligt buiten het bereik \(verwacht 0 t/m 52 weken\)",
        ):
            sanction_weeks_arg("53")
        with pytest.raises(argparse.ArgumentTypeError, match="ontbreekt"):
            sanction_weeks_arg("")
