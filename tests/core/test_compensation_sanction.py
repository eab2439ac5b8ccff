"""Loonsanctie compensation (spec/domain.md §6, §8; seed 003 art. 2.7)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core.compensation import SanctionConditions, sanction_compensation
from reintegratie_core.errors import InvalidValueError
from reintegratie_core.explain import Citation
from tests.core.strategies_compensation import cents, fine_amounts

D = Decimal
ART_2_7_2 = Citation.seed("003", "2.7.2")
ART_2_7_3 = Citation.seed("003", "2.7.3")


class TestSanctionCompensation:
    def test_spec_example(self) -> None:
        """003 art. 2.7.2 (excel-functions.md example): 10 × 1000 × 70 % × 1.25 = 8750."""
        result = sanction_compensation(D("1000"), 10)
        assert result.value == D("8750.00")
        assert ART_2_7_2 in result.citations()
        assert Citation.decision("§8") in result.citations()

    def test_explanation_shows_the_parameters(self) -> None:
        """003 art. 2.7.2: the explanation shows 70 %, 25 % and the weeks used."""
        text = sanction_compensation(D("1000"), 10).text()
        assert "loonsanctie_dekkingspercentage = 70 %" in text
        assert "werkgeverslasten = 25 %" in text
        assert "sanctieweken = 10" in text

    def test_cao_percentage_replaces_seventy(self) -> None:
        """003 art. 2.7.2: a cao percentage of 80 %: 10 × 1000 × 0.8 × 1.25 = 10000."""
        assert sanction_compensation(D("1000"), 10, coverage=D("0.80")).value == D("10000.00")

    def test_employer_charges_may_be_given(self) -> None:
        """003 art. 2.7.2: other employer charges when given: 10 × 1000 × 0.7 × 1.30 = 9100."""
        result = sanction_compensation(D("1000"), 10, employer_charges=D("0.30"))
        assert result.value == D("9100.00")

    def test_approved_costs_are_added(self) -> None:
        """003 art. 2.7.2: re-integration costs approved by VRA during the sanction are added."""
        result = sanction_compensation(D("1000"), 10, approved_costs=D("1234.56"))
        assert result.value == D("9984.56")

    def test_fifty_two_weeks_is_the_maximum(self) -> None:
        """003 art. 2.7.1: 52 weeks is allowed, 53 is an error naming sanctieweken."""
        assert sanction_compensation(D("100"), 52).value == D("4550.00")
        with pytest.raises(InvalidValueError, match="sanctieweken: 53"):
            sanction_compensation(D("100"), 53)

    def test_zero_weeks_is_an_error(self) -> None:
        """003 art. 2.7.1: a sanction has at least one week (0 < s)."""
        with pytest.raises(InvalidValueError, match="sanctieweken"):
            sanction_compensation(D("100"), 0)

    @pytest.mark.parametrize("field", [f.name for f in attrs.fields(SanctionConditions)])
    def test_each_of_the_nine_conditions_is_required(self, field: str) -> None:
        """003 art. 2.7.3: when any one of the nine conditions fails, nothing is paid."""
        result = sanction_compensation(
            D("1000"), 10, conditions=SanctionConditions(**{field: False})
        )
        assert result.value == D("0.00")
        assert result.citations() == (ART_2_7_3,)

    def test_there_are_nine_conditions(self) -> None:
        """003 art. 2.7.3 lists nine conditions."""
        assert len(attrs.fields(SanctionConditions)) == 9

    def test_conditions_as_one_boolean(self) -> None:
        """003 art. 2.7.3: 'not all conditions met' as one flag pays nothing."""
        assert sanction_compensation(D("1000"), 10, conditions=False).value == D("0.00")

    def test_only_once_when_the_arbodienst_compensated(self) -> None:
        """003 art. 2.7: when the arbodienst's own garantie paid, the compensation is not paid again."""
        result = sanction_compensation(D("1000"), 10, arbodienst_compensated=True)
        assert result.value == D("0.00")
        assert result.citations() == (Citation.seed("003", "2.7"),)

    def test_half_a_cent_rounds_up_once(self) -> None:
        """spec §1: 1 × 0.12 × 0.7 × 1.25 = 0.105 → 0.11 (half up, not half even)."""
        assert sanction_compensation(D("0.12"), 1).value == D("0.11")

    def test_float_is_refused(self) -> None:
        """spec §1: a float never reaches a formula."""
        with pytest.raises(TypeError):
            sanction_compensation(1000.0, 10)  # type: ignore[arg-type]

    def test_bool_weeks_are_refused(self) -> None:
        """003 art. 2.7.1: TRUE is not a number of weeks."""
        with pytest.raises(TypeError):
            sanction_compensation(D("1000"), True)

    @given(wage=fine_amounts(5000), weeks=st.integers(1, 52), costs=fine_amounts(20_000))
    def test_never_negative_and_at_least_the_approved_costs(
        self, wage: Decimal, weeks: int, costs: Decimal
    ) -> None:
        """003 art. 2.7.2: the compensation is ≥ 0 and includes the approved costs (within rounding)."""
        value = sanction_compensation(wage, weeks, approved_costs=costs).value
        assert value >= costs - D("0.005")
        assert value >= 0

    @given(wage=cents(5000), more=cents(5000), weeks=st.integers(1, 51))
    def test_monotone_in_wage_and_weeks(self, wage: Decimal, more: Decimal, weeks: int) -> None:
        """003 art. 2.7.2: a higher wage or a longer sanction never lowers the compensation."""
        base = sanction_compensation(wage, weeks).value
        assert sanction_compensation(wage + more, weeks).value >= base
        assert sanction_compensation(wage, weeks + 1).value >= base
