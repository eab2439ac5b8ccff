"""Weekly wage and the module fee pro rata (spec/domain.md §6; 001/004 art. 5.2)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import Citation, InvalidPeriodError, InvalidValueError, add_months
from reintegratie_core.compensation import WagePeriod, prorated_fee, weekly_wage
from tests.core.strategies_compensation import cents, dates

D = Decimal


class TestWeeklyWage:
    @pytest.mark.parametrize(
        ("wage", "period", "expected"),
        [
            (D("52000"), WagePeriod.YEAR, D("1000.00")),
            (D("3000"), WagePeriod.MONTH, D("692.31")),
            (D("4000"), WagePeriod.FOUR_WEEKS, D("1000.00")),
            (D("1000"), WagePeriod.WEEK, D("1000.00")),
            (D("200"), WagePeriod.DAY, D("1000.00")),
        ],
    )
    def test_conversions(self, wage: Decimal, period: WagePeriod, expected: Decimal) -> None:
        """spec §6: year ÷ 52; month × 12 ÷ 52; four weeks ÷ 4; week; day × 5."""
        result = weekly_wage(wage, period)
        assert result.value == expected
        assert result.citations() == (Citation.decision("§6"),)

    @pytest.mark.parametrize(
        ("wage", "period"),
        [
            (D("0.26"), WagePeriod.YEAR),
            (D("0.02"), WagePeriod.FOUR_WEEKS),
            (D("0.001"), WagePeriod.DAY),
        ],
    )
    def test_half_a_cent_rounds_up(self, wage: Decimal, period: WagePeriod) -> None:
        """spec §1: a result of exactly half a cent (0.005) rounds up to 0.01."""
        assert weekly_wage(wage, period).value == D("0.01")

    def test_month_is_not_rounded_between_steps(self) -> None:
        """spec §1: 1000 × 12 ÷ 52 = 230.769… → 230.77 (one rounding, at the result)."""
        assert weekly_wage(D("1000"), WagePeriod.MONTH).value == D("230.77")

    def test_explanation_shows_the_factors(self) -> None:
        """spec §6: the explanation shows the conversion factors used."""
        text = weekly_wage(D("3000"), WagePeriod.MONTH).text()
        assert "maanden_per_jaar = 12" in text
        assert "weken_per_jaar = 52" in text

    def test_float_is_refused(self) -> None:
        """spec §1: a float never reaches a formula."""
        with pytest.raises(TypeError):
            weekly_wage(3000.0, WagePeriod.MONTH)  # type: ignore[arg-type]

    @pytest.mark.parametrize("code", [p.value for p in WagePeriod])
    def test_a_period_code_as_text_is_refused_with_its_member(self, code: str) -> None:
        """User review: ``weekly_wage(4000, "maand")`` took the text as a weekly wage
        (€ 4.000,00) and its explanation raised ``KeyError: 'maand'``. Every period code as
        text is a TypeError naming ``period`` and the member to give."""
        member = WagePeriod(code)
        with pytest.raises(TypeError, match=rf"^period: .*WagePeriod\.{member.name}\b"):
            weekly_wage(D(4000), code)  # type: ignore[arg-type]

    @given(wage=cents(), period=st.sampled_from(list(WagePeriod)))
    def test_a_week_of_weekly_wages_gives_back_the_wage(
        self, wage: Decimal, period: WagePeriod
    ) -> None:
        """spec §6: converting back (× 52, ÷ (12/52)·…) returns the wage within the rounding."""
        week = weekly_wage(wage, period).value
        back = {
            WagePeriod.YEAR: week * 52,
            WagePeriod.MONTH: week * 52 / 12,
            WagePeriod.FOUR_WEEKS: week * 4,
            WagePeriod.WEEK: week,
            WagePeriod.DAY: week / 5,
        }[period]
        tolerance = {
            WagePeriod.YEAR: D("0.26"),
            WagePeriod.MONTH: D("0.022"),
            WagePeriod.FOUR_WEEKS: D("0.02"),
        }
        assert abs(back - wage) <= tolerance.get(period, D("0.001"))


class TestProratedFee:
    def test_joining_mid_year(self) -> None:
        """001/004 art. 5.1, 5.2: in dienst 01-07-2025 in the year from 01-01-2025: 365 × 184 / 365 = 184."""
        result = prorated_fee(D("365"), date(2025, 1, 1), date(2025, 7, 1))
        assert result.value == D("184.00")
        assert result.citations() == (
            Citation.seed("001", "5.1"),
            Citation.seed("004", "5.1"),
            Citation.seed("001", "5.2"),
            Citation.seed("004", "5.2"),
        )

    def test_leaving_mid_year_counts_the_last_day(self) -> None:
        """004 art. 5.2: in dienst the whole January only: 31 days of 365, first and last day counted."""
        result = prorated_fee(D("365"), date(2025, 1, 1), date(2024, 6, 1), date(2025, 1, 31))
        assert result.value == D("31.00")

    def test_a_leap_contract_year_has_366_days(self) -> None:
        """001 art. 5.2: the year from 01-03-2023 runs to 29-02-2024: 366 days."""
        result = prorated_fee(D("366"), date(2023, 3, 1), date(2024, 2, 29))
        assert result.value == D("1.00")
        assert "dagen_in_contractjaar = 366" in result.text()

    def test_the_whole_year_is_the_yearly_fee(self) -> None:
        """001 art. 5.1: employed the whole contract year: the yearly fee."""
        assert prorated_fee(D("123.45"), date(2025, 5, 31), date(2020, 1, 1)).value == D("123.45")

    def test_employed_outside_the_year_pays_nothing(self) -> None:
        """001 art. 5.2: no day employed within the contract year: 0."""
        assert prorated_fee(D("365"), date(2025, 1, 1), date(2026, 1, 1)).value == D("0.00")

    def test_leaving_before_joining_is_an_error(self) -> None:
        """001 art. 5.2: uit_dienst before in_dienst is an error that names uit_dienst."""
        with pytest.raises(InvalidPeriodError, match=r"^employed_until: "):
            prorated_fee(D("365"), date(2025, 1, 1), date(2025, 7, 1), date(2025, 6, 30))

    def test_half_a_cent_rounds_up(self) -> None:
        """spec §1: 1.825 × 1 / 365 = 0.005 → 0.01."""
        assert prorated_fee(D("1.825"), date(2025, 1, 1), date(2025, 12, 31)).value == D("0.01")

    def test_a_year_before_the_conditions_is_an_error(self) -> None:
        """spec §7: a contract year before the parameter's first valid date has no value."""
        with pytest.raises(
            InvalidValueError, match=r"^contract_year_start: .*contractjaar_maanden"
        ):
            prorated_fee(D("365"), date(1999, 1, 1), date(1999, 7, 1))

    @given(fee=cents(10_000), start=dates, data=st.data())
    def test_a_partition_of_the_year_adds_up_to_the_yearly_fee(
        self, fee: Decimal, start: date, data: st.DataObject
    ) -> None:
        """001/004 art. 5.2: fees over consecutive parts of the contract year sum to the yearly fee, within one cent per part."""
        year_days = (add_months(start, 12) - start).days
        cuts = sorted(data.draw(st.sets(st.integers(1, year_days - 1), max_size=12)))
        bounds = [0, *cuts, year_days]
        parts = [
            prorated_fee(
                fee,
                start,
                start + timedelta(days=lo),
                start + timedelta(days=hi - 1),
            ).value
            for lo, hi in itertools.pairwise(bounds)
        ]
        assert abs(sum(parts) - fee) <= D("0.01") * len(parts)

    @given(
        fee=cents(10_000), start=dates, offset=st.integers(-400, 400), length=st.integers(0, 800)
    )
    def test_never_negative_nor_above_the_yearly_fee(
        self, fee: Decimal, start: date, offset: int, length: int
    ) -> None:
        """001 art. 5.2: 0 ≤ pro-rata fee ≤ yearly fee."""
        joined = start + timedelta(days=offset)
        value = prorated_fee(fee, start, joined, joined + timedelta(days=length)).value
        assert 0 <= value <= fee
