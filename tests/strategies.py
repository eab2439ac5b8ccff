"""Shared Hypothesis strategies: dates, sick periods, cases and Excel-like values."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from reintegratie_core import Absence

#: First sick days in a realistic range (leap years included).
first_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@st.composite
def sick_period_chains(
    draw: st.DrawFn, *, max_periods: int = 6, max_gap: int = 60, open_last: bool | None = None
) -> list[Absence]:
    """Consecutive, non-overlapping sick periods; interruptions 0..max_gap days.

    The last period is open (ongoing) when ``open_last`` says so, or by a draw. Periods
    are short (1 … 120 days) or long (121 … 800), so that a closed case also reaches the
    late milestones (week 42, 52, 89 … 104); with short ones only, six periods never
    reach day 728.
    """
    start = draw(first_days)
    count = draw(st.integers(1, max_periods))
    ongoing = draw(st.booleans()) if open_last is None else open_last
    periods: list[Absence] = []
    for index in range(count):
        length = draw(st.integers(1, 120) | st.integers(121, 800))
        last = start + timedelta(days=length - 1)
        if index == count - 1 and ongoing:
            periods.append(Absence.sick(start))
        else:
            periods.append(Absence.sick(start, last))
        gap = draw(st.integers(0, max_gap))
        start = last + timedelta(days=gap + 1)
    return periods


def excel_scalars() -> st.SearchStrategy[Any]:
    """Anything a cell may hold, and then some: the shell must never raise on it."""
    return st.one_of(
        st.none(),
        st.just(""),
        st.text(max_size=20),
        st.sampled_from(
            ["2025-01-06", "6-1-2025", "31-02-2025", "ja", "nee", "70%", "1,5", "42e week"]
        ),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.booleans(),
        st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 31)),
        st.dates(),
    )


def excel_values() -> st.SearchStrategy[Any]:
    """Scalars, 1-D lists and ragged 2-D lists of Excel-like values."""
    scalars = excel_scalars()
    return st.one_of(
        scalars,
        st.lists(scalars, max_size=4),
        st.lists(st.lists(scalars, max_size=4), max_size=4),
    )
