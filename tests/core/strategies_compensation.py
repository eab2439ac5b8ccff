"""Hypothesis strategies for the compensation formulas: amounts, dates, sick periods."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from reintegratie_core import Absence


def cents(max_value: int = 100_000) -> st.SearchStrategy[Decimal]:
    """Whole-cent amounts from 0 to ``max_value`` euros."""
    return st.decimals(min_value=0, max_value=max_value, places=2)


def fine_amounts(max_value: int = 100_000) -> st.SearchStrategy[Decimal]:
    """Amounts with up to four decimals (sub-cent inputs, to exercise rounding)."""
    return st.decimals(min_value=0, max_value=max_value, places=4)


#: Fractions 0 … 1 with two decimals (percentages).
fractions = st.decimals(min_value=0, max_value=1, places=2)

#: Dates in the range where the built-in parameters are valid.
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@st.composite
def sick_periods(draw: st.DrawFn, max_periods: int = 5) -> list[Absence]:
    """Closed, consecutive sick periods with interruptions of 0 … 60 days (some merge)."""
    start = draw(dates)
    periods = []
    for _ in range(draw(st.integers(1, max_periods))):
        last = start + timedelta(days=draw(st.integers(0, 60)))
        periods.append(Absence.sick(start, last))
        start = last + timedelta(days=draw(st.integers(1, 61)))
    return periods
