"""Atw art. 3 working days: feestdagen, gelijkgestelde dagen (domain §8.1), arithmetic counting."""

from __future__ import annotations

import time
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    EQUATING_DECREES,
    add_working_days,
    decree_for,
    equated_days,
    feestdagen,
    is_working_day,
    sanction_notice_deadline,
    span_grounds,
    working_day,
)


def oracle(start: date, days: int) -> date:
    """The simple reference: walk day by day, counting working days."""
    step = timedelta(days=1 if days >= 0 else -1)
    current, remaining = start, abs(days)
    while remaining:
        current += step
        if is_working_day(current):
            remaining -= 1
    return current


class TestGelijkgesteldeDagen:
    """Atw art. 3 lid 3: days a Koninklijk Besluit declares equal to feestdagen (domain §8.1)."""

    def test_werkdag_after_new_year_2026(self) -> None:
        """Domain §8.1 / Atw art. 3 lid 3: RI_WERKDAG(31-12-2025; 1) is 05-01-2026, not 02-01."""
        assert working_day(date(2025, 12, 31), 1).value == date(2026, 1, 5)

    def test_sanction_notice_after_ascension_2025(self) -> None:
        """Domain §8.1, 003 art. 2.7.3, Atw art. 3 lid 3: 26-05-2025 + 5 working days is 04-06-2025."""
        assert sanction_notice_deadline(date(2025, 5, 26)).value == date(2025, 6, 4)

    @pytest.mark.parametrize("day", [date(2025, 5, 30), date(2026, 1, 2), date(2026, 5, 15)])
    def test_known_days_are_not_working_days(self, day: date) -> None:
        """Domain §8.1: 2025-05-30, 2026-01-02 and 2026-05-15 are gelijkgestelde dagen."""
        assert not is_working_day(day)
        (equated,) = [e for e in equated_days(day.year) if e.day == day]
        assert not equated.derived

    def test_every_decree_day_is_a_weekday_in_its_years(self) -> None:
        """Atw art. 3 lid 3: each decree lists weekdays of the years it covers, and no feestdag."""
        for decree in EQUATING_DECREES:
            for day in decree.days:
                assert day.weekday() < 5
                assert day.year in decree.years
                assert day not in feestdagen(day.year)

    def test_decree_years_follow_the_decree_not_the_practice(self) -> None:
        """Domain §8.1: in a year a decree covers, only its days count (Monday 26-04-2027 works)."""
        assert is_working_day(date(2027, 4, 26))
        assert [e.day for e in equated_days(2027)] == [date(2027, 5, 7)]

    def test_year_without_decree_is_derived_and_says_so(self) -> None:
        """Domain §8.1: a day not in a published decree is afgeleid; the explanation says so."""
        (friday,) = equated_days(2029)
        assert friday.day == date(2029, 5, 11)
        assert friday.derived
        assert decree_for(2029) is None
        text = " ".join(g.rule for g in span_grounds(date(2029, 5, 1), date(2029, 5, 31)))
        assert "geen koninklijk besluit bekend voor 2029" in text
        assert "11-05-2029 (vrijdag na Hemelvaartsdag)" in text

    def test_explanation_cites_the_decree(self) -> None:
        """Atw art. 3 lid 3: the explanation names the decree of the day it skipped."""
        cited = {str(c) for c in working_day(date(2025, 12, 31), 1).explain().citations()}
        assert any("Besluit gelijkstelling van 2 januari 2026" in c for c in cited)


class TestFeestdagen:
    @given(st.integers(1982, 2100))
    def test_same_as_holidays_nl(self, year: int) -> None:
        """Atw art. 3 lid 1 and 2: the computed feestdagen equal holidays.NL (public + optional)."""
        reference = holidays.country_holidays("NL", years=year, categories=("public", "optional"))
        assert set(feestdagen(year)) == set(reference)

    def test_before_the_atw_no_feestdagen(self) -> None:
        """The Atw took effect on 1 April 1965: earlier days are no Atw feestdagen."""
        assert feestdagen(1950) == {}
        assert date(1965, 1, 1) not in feestdagen(1965)


class TestArithmeticCounting:
    """Issue 16 item 16: working days counted arithmetically, not day by day."""

    @given(
        st.dates(min_value=date(1960, 1, 1), max_value=date(2100, 12, 31)), st.integers(-900, 900)
    )
    def test_equals_the_day_by_day_oracle(self, start: date, days: int) -> None:
        """Atw art. 3: the arithmetic count equals walking day by day."""
        assert add_working_days(start, days) == oracle(start, days)

    def test_long_column_is_fast(self) -> None:
        """10,000 rows of about 45,000 working days each take well under a second each way."""
        starts = [date(1950, 1, 1) + timedelta(days=i) for i in range(10_000)]
        began = time.perf_counter()
        for start in starts:
            add_working_days(start, 45_000)
        elapsed = time.perf_counter() - began
        assert elapsed < 5.0
        assert add_working_days(starts[0], 45_000) == oracle(starts[0], 45_000)
