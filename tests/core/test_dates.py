"""Dates: half-open periods, month arithmetic from the anchor, Atw working days (domain §1)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    InvalidPeriodError,
    InvalidValueError,
    Period,
    add_days,
    add_months,
    add_working_days,
    atw_holidays,
    is_working_day,
)

HOLIDAYS_2025 = {
    date(2025, 1, 1),  # Nieuwjaarsdag
    date(2025, 4, 18),  # Goede Vrijdag
    date(2025, 4, 20),  # 1e Paasdag (a Sunday)
    date(2025, 4, 21),  # 2e Paasdag
    date(2025, 4, 26),  # Koningsdag (27 April is a Sunday)
    date(2025, 5, 5),  # Bevrijdingsdag
    date(2025, 5, 29),  # Hemelvaartsdag
    date(2025, 6, 8),  # 1e Pinksterdag (a Sunday)
    date(2025, 6, 9),  # 2e Pinksterdag
    date(2025, 12, 25),  # 1e Kerstdag
    date(2025, 12, 26),  # 2e Kerstdag
}
HOLIDAYS_2026 = {
    date(2026, 1, 1),
    date(2026, 4, 3),
    date(2026, 4, 5),
    date(2026, 4, 6),
    date(2026, 4, 27),
    date(2026, 5, 5),
    date(2026, 5, 14),
    date(2026, 5, 24),
    date(2026, 5, 25),
    date(2026, 12, 25),
    date(2026, 12, 26),
}


class TestPeriod:
    def test_inclusive_edges(self) -> None:
        """An inclusive last day becomes a half-open end inside (domain §1)."""
        period = Period.from_inclusive(date(2025, 1, 6), date(2025, 1, 31))
        assert period.end == date(2025, 2, 1)
        assert period.last == date(2025, 1, 31)
        assert period.days() == 26

    def test_one_day_period(self) -> None:
        """A period whose first day is its last day has one day."""
        assert Period.from_inclusive(date(2025, 1, 6), date(2025, 1, 6)).days() == 1

    def test_reversed_period_is_an_error(self) -> None:
        """A last day before the first day is a precise error (domain §2)."""
        with pytest.raises(InvalidPeriodError, match="vóór de eerste dag"):
            Period.from_inclusive(date(2025, 2, 1), date(2025, 1, 31))

    def test_open_period_needs_a_reference_to_count(self) -> None:
        """An ongoing period has no length without a reference date."""
        with pytest.raises(InvalidValueError):
            Period(date(2025, 1, 1)).days()
        assert Period(date(2025, 1, 1)).days(date(2025, 1, 10)) == 10


class TestMonths:
    @pytest.mark.parametrize(
        ("anchor", "months", "expected"),
        [
            (date(2025, 1, 31), 1, date(2025, 2, 28)),
            (date(2024, 1, 31), 1, date(2024, 2, 29)),
            (date(2024, 2, 29), 12, date(2025, 2, 28)),
            (date(2025, 3, 31), -1, date(2025, 2, 28)),
            (date(2025, 8, 31), 3, date(2025, 11, 30)),
        ],
    )
    def test_month_end_clamping(self, anchor: date, months: int, expected: date) -> None:
        """Month steps clamp to month end (domain §1: 31 Jan + 1 month = 28/29 Feb)."""
        assert add_months(anchor, months) == expected

    def test_never_chained(self) -> None:
        """31 Jan + 2 months is 31 Mar, not (31 Jan + 1) + 1 = 28 Mar (domain §1)."""
        assert add_months(date(2025, 1, 31), 2) == date(2025, 3, 31)
        assert add_months(add_months(date(2025, 1, 31), 1), 1) == date(2025, 3, 28)

    def test_out_of_range_is_an_error(self) -> None:
        """A month step past year 9999 is a precise error, not an OverflowError."""
        with pytest.raises(InvalidValueError):
            add_months(date(9999, 12, 1), 1)

    @given(st.dates(), st.integers(-130_000, 130_000))
    def test_same_as_relativedelta(self, anchor: date, months: int) -> None:
        """domain §1: ``date + n months`` is ``relativedelta(months=n)`` (clamped to the month
        end), computed directly; outside the range of dates both refuse it."""
        try:
            expected: date | None = anchor + relativedelta(months=months)
        except (OverflowError, ValueError):
            expected = None
        try:
            result: date | None = add_months(anchor, months)
        except InvalidValueError:
            result = None
        assert result == expected


class TestDays:
    @given(st.dates(), st.integers(-400, 400))
    def test_plain_calendar_days(self, anchor: date, days: int) -> None:
        """domain §1: dates are calendar dates; inside the range add_days is date + days."""
        try:
            expected = anchor + timedelta(days=days)
        except OverflowError:
            with pytest.raises(InvalidValueError, match="valt buiten het datumbereik"):
                add_days(anchor, days)
        else:
            assert add_days(anchor, days) == expected

    def test_past_9999_is_an_error(self) -> None:
        """001 art. 2.1 (issue 13 bug 4): the day after 9999-12-31 is a precise core error
        the Excel layer can name an argument for, never Python's OverflowError."""
        with pytest.raises(InvalidValueError, match="31-12-9999 \\+ 1 dagen"):
            add_days(date(9999, 12, 31), 1)


class TestWorkingDays:
    def test_holidays_2025_pinned(self) -> None:
        """Algemene termijnenwet art. 3 holidays 2025 from holidays.NL(public + optional)."""
        assert atw_holidays(2025) == HOLIDAYS_2025

    def test_holidays_2026_pinned(self) -> None:
        """Algemene termijnenwet art. 3 holidays 2026 from holidays.NL(public + optional)."""
        assert atw_holidays(2026) == HOLIDAYS_2026

    def test_christmas_is_skipped(self) -> None:
        """Atw art. 3: 24-12-2025 + 1 working day skips both Christmas days to 29-12."""
        assert add_working_days(date(2025, 12, 24), 1) == date(2025, 12, 29)

    def test_counting_back_over_easter(self) -> None:
        """Negative counts go back: 22-04-2025 − 1 working day skips Easter to 17-04."""
        assert add_working_days(date(2025, 4, 22), -1) == date(2025, 4, 17)

    def test_zero_days_is_the_date_itself(self) -> None:
        """Adding zero working days returns the start, even on a Sunday."""
        assert add_working_days(date(2025, 1, 5), 0) == date(2025, 1, 5)

    @given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(1, 400))
    def test_forward_then_back(self, start: date, days: int) -> None:
        """From a working day, n forward then n back returns to it; the result is a working day."""
        if not is_working_day(start):
            return
        forward = add_working_days(start, days)
        assert is_working_day(forward)
        assert forward > start
        assert add_working_days(forward, -days) == start

    @given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(1, 60))
    def test_counts_exactly_n_working_days(self, start: date, days: int) -> None:
        """Exactly n working days lie in (start, result]."""
        result = add_working_days(start, days)
        span = (result - start).days
        counted = sum(is_working_day(start + timedelta(days=i)) for i in range(1, span + 1))
        assert counted == days
