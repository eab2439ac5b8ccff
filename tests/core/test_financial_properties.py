"""Invariants of the financial rules (financieel.md §9), checked with Hypothesis."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from reintegratie_core import round_cents
from reintegratie_core.financial import (
    BenefitKind,
    lgu_duration,
    monthly_benefit,
    rates_on,
    wage_continuation,
    wia_wage,
)

#: Amounts in whole cents up to € 100,000 a month / € 1,000,000 a year.
monthly_amounts = st.integers(0, 10_000_000).map(lambda c: Decimal(c) / 100)
annual_amounts = st.integers(0, 100_000_000).map(lambda c: Decimal(c) / 100)
percentages = st.integers(0, 10_000).map(lambda c: Decimal(c) / 10_000)
dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))
weeks = st.integers(1, 200)
hours = st.none() | st.integers(0, 60).map(Decimal)
lgu_months = st.integers(0, 48).map(lambda h: Decimal(h) / 2)


@st.composite
def benefit_inputs(draw: st.DrawFn) -> dict[str, object]:
    """Consistent arguments of monthly_benefit, drawn next to each other."""
    return {
        "annual_wage": draw(annual_amounts),
        "ao": draw(percentages),
        "earning_capacity": draw(monthly_amounts),
        "income": draw(monthly_amounts),
        "on": draw(dates),
        "durable": draw(st.booleans()),
        "month": draw(st.integers(1, 40)),
        "lgu_months": draw(lgu_months),
    }


def _benefit(inputs: dict[str, object], **changes: object) -> Decimal:
    args = {**inputs, **changes}
    return monthly_benefit(
        args["annual_wage"],  # type: ignore[arg-type]
        args["ao"],  # type: ignore[arg-type]
        args["earning_capacity"],  # type: ignore[arg-type]
        args["income"],  # type: ignore[arg-type]
        args["on"],  # type: ignore[arg-type]
        durable=args["durable"],  # type: ignore[arg-type]
        month=args["month"],  # type: ignore[arg-type]
        lgu_months=args["lgu_months"],  # type: ignore[arg-type]
    ).value


class TestNeverNegative:
    @given(monthly_amounts, weeks, dates, hours)
    def test_wage_continuation(
        self, wage: Decimal, week: int, on: date, hours_per_week: Decimal | None
    ) -> None:
        """BW 7:629 lid 1: wage continuation is never negative, and in cents."""
        value = wage_continuation(wage, week, on, hours_per_week).value
        assert value >= 0
        assert value == round_cents(value)

    @given(benefit_inputs())
    def test_benefit(self, inputs: dict[str, object]) -> None:
        """WIA art. 51, 61, 62: the benefit is never negative, whatever the income."""
        value = _benefit(inputs)
        assert value >= 0
        assert value == round_cents(value)


class TestMonotoneInWage:
    @given(monthly_amounts, monthly_amounts, weeks, dates, hours)
    def test_wage_continuation_monotone(
        self, a: Decimal, b: Decimal, week: int, on: date, hours_per_week: Decimal | None
    ) -> None:
        """BW 7:629 lid 1: a higher wage never gives less wage continuation."""
        low, high = sorted((a, b))
        assert (
            wage_continuation(low, week, on, hours_per_week).value
            <= wage_continuation(high, week, on, hours_per_week).value
        )

    @given(monthly_amounts, weeks, dates, hours)
    def test_wage_continuation_flat_above_the_cap(
        self, extra: Decimal, week: int, on: date, hours_per_week: Decimal | None
    ) -> None:
        """BW 7:629 lid 1: above the cap (maximumdagloon × 21.75 ÷ 1.08) the amount is flat."""
        cap = wage_continuation(0, week, on).cap
        at_cap = wage_continuation(round_cents(cap) + 1, week, on, hours_per_week).value
        above = wage_continuation(round_cents(cap) + 1 + extra, week, on, hours_per_week).value
        assert at_cap == above

    @given(annual_amounts, annual_amounts, dates)
    def test_maandloon_monotone_and_flat_above(self, a: Decimal, b: Decimal, on: date) -> None:
        """WIA art. 13: the maandloon rises with the jaarloon up to the cap, then stays."""
        low, high = sorted((a, b))
        assert wia_wage(low, on).monthly <= wia_wage(high, on).monthly
        cap_year = rates_on(on).maximum_daily_wage.value * 261
        if low >= cap_year:
            assert wia_wage(low, on).monthly == wia_wage(high, on).monthly

    @given(benefit_inputs(), annual_amounts)
    def test_benefit_without_income_monotone_in_wage(
        self, inputs: dict[str, object], other: Decimal
    ) -> None:
        """WIA art. 52, 61, 62: without income, a higher jaarloon never lowers the benefit, and
        above the cap (261 × maximumdagloon) it does not change it."""
        low, high = sorted((inputs["annual_wage"], other))  # type: ignore[type-var]
        assert _benefit(inputs, annual_wage=low, income=Decimal(0)) <= _benefit(
            inputs, annual_wage=high, income=Decimal(0)
        )
        cap_year = rates_on(inputs["on"]).maximum_daily_wage.value * 261  # type: ignore[arg-type]
        if low >= cap_year:
            assert _benefit(inputs, annual_wage=low, income=Decimal(0)) == _benefit(
                inputs, annual_wage=high, income=Decimal(0)
            )


class TestIncome:
    @given(benefit_inputs(), monthly_amounts)
    def test_income_never_raises_the_benefit_within_its_kind(
        self, inputs: dict[str, object], other: Decimal
    ) -> None:
        """WIA art. 51, 61 lid 1, 4–5, 62: more income never raises the benefit, except where
        it meets the inkomenseis (B ≥ rvc/2), which turns a vervolguitkering into loonaanvulling."""
        low, high = sorted((inputs["income"], other))  # type: ignore[type-var]
        capacity = inputs["earning_capacity"]
        crosses = low < capacity / 2 <= high  # type: ignore[operator]
        assume(not crosses)
        assert _benefit(inputs, income=high) <= _benefit(inputs, income=low)

    @given(
        annual_amounts,
        st.integers(3_500, 10_000).map(lambda c: Decimal(c) / 10_000),
        monthly_amounts,
        st.integers(50, 300).map(lambda c: Decimal(c) / 100),
        dates,
    )
    def test_loonaanvulling_floor(
        self, annual: Decimal, ao: Decimal, capacity: Decimal, ratio: Decimal, on: date
    ) -> None:
        """WIA art. 61 lid 5: loonaanvulling ≥ G × H unless capped by 0.70 × (M − B × C/D)."""
        income = round_cents(capacity * ratio)
        result = monthly_benefit(annual, ao, capacity, income, on)
        assert result.kind is BenefitKind.SUPPLEMENT
        wage = result.wage
        minimum = min(wage.rates.wia_minimum_wage.value, wage.monthly)
        floor = result.classification.percentage * minimum
        capped = Decimal("0.70") * (wage.monthly - income * wage.ratio)
        assert result.value >= round_cents(max(Decimal(0), min(floor, capped)))


class TestDuration:
    @given(st.integers(0, 80), st.integers(0, 80))
    def test_within_3_and_24_months_in_halves(self, p: int, q: int) -> None:
        """WIA art. 59: the duration is 3 to 24 months, in whole or half months."""
        value = lgu_duration(p, q).value
        assert 3 <= value <= 24
        assert (value * 2) == (value * 2).to_integral_value()

    @given(st.integers(0, 80), st.integers(0, 80), st.integers(0, 5), st.integers(0, 5))
    def test_more_years_never_shorten(self, p: int, q: int, dp: int, dq: int) -> None:
        """WIA art. 59: more years of work history never give fewer months."""
        assert lgu_duration(p, q).value <= lgu_duration(p + dp, q + dq).value
