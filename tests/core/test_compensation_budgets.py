"""De Zeeuwse's budgets (spec/domain.md §6; seed 003 art. 2.5, 2.6, 3.1)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    PREVENTION_CAP,
    PREVENTION_CAP_WGA_WIA,
    REINTEGRATION_CAP,
    REINTEGRATION_CAP_WGA_WIA,
    Absence,
    Citation,
    InvalidValueError,
    error_argument,
    merge_cases,
)
from reintegratie_core.compensation import (
    BudgetClaim,
    BudgetExclusion,
    BudgetKind,
    BudgetLedger,
    Declaration,
    PreventionConditions,
    ReintegrationConditions,
    budget_balances,
    budget_cases,
    cost_benefit_contribution,
    counts_for_premium,
    prevention_budget,
    reintegration_budget,
    third_party_settlement,
)
from reintegratie_core.products import builtin_product
from tests.core.strategies_compensation import cents, fine_amounts, sick_periods

D = Decimal
ZEEUWSE = builtin_product("zeeuwse-prb")
ART = {a: Citation.seed("003", a) for a in ("2.5.1", "2.5.2", "2.5.4", "2.6.1", "2.6.2", "2.6.4")}
ART.update({a: Citation.seed("003", a) for a in ("2.6.5", "3.1", "2.5.3", "2.6.3")})


class TestPreventionBudget:
    def test_cap_is_500_per_threatened_case(self) -> None:
        """003 art. 2.5.1: costs above € 500 are reimbursed up to € 500."""
        result = prevention_budget(ZEEUWSE, D("800"))
        assert result.value == D("500.00")
        assert ART["2.5.1"] in result.citations()

    def test_cap_is_1000_with_wga_or_wia(self) -> None:
        """003 art. 2.5.1: with a WGA-ERD or WIA 0-tot-100 plan the cap is € 1,000."""
        assert prevention_budget(ZEEUWSE, D("1200"), with_wga_or_wia=True).value == D("1000.00")

    def test_the_caps_are_the_cited_parameters(self) -> None:
        """003 art. 2.5.1: the caps are the dated parameters € 500 and € 1,000 with their article."""
        assert PREVENTION_CAP.at(date(2025, 1, 1)).value == D(500)
        assert PREVENTION_CAP_WGA_WIA.at(date(2025, 1, 1)).value == D(1000)
        assert PREVENTION_CAP.at(date(2025, 1, 1)).citation == ART["2.5.1"]

    def test_costs_below_the_cap_are_reimbursed_in_full(self) -> None:
        """003 art. 2.5.1: costs under the cap are reimbursed as they are."""
        assert prevention_budget(ZEEUWSE, D("320.50")).value == D("320.50")

    def test_already_reimbursed_lowers_what_is_left(self) -> None:
        """003 art. 2.5.1: reimbursed = min(costs, cap − already reimbursed)."""
        assert prevention_budget(ZEEUWSE, D("800"), already_reimbursed=D("300")).value == D(
            "200.00"
        )

    def test_never_below_zero_when_more_was_already_reimbursed(self) -> None:
        """003 art. 2.5.1: an exhausted budget reimburses nothing, never a negative amount."""
        assert prevention_budget(ZEEUWSE, D("800"), already_reimbursed=D("700")).value == D("0.00")

    @pytest.mark.parametrize("field", [f.name for f in attrs.fields(PreventionConditions)])
    def test_each_condition_of_2_5_2_is_required(self, field: str) -> None:
        """003 art. 2.5.2: when any one of the four conditions fails, nothing is reimbursed."""
        conditions = PreventionConditions(**{field: False})
        result = prevention_budget(ZEEUWSE, D("300"), conditions=conditions)
        assert result.value == D("0.00")
        assert result.citations() == (ART["2.5.2"],)

    def test_conditions_as_one_boolean(self) -> None:
        """003 art. 2.5.2: 'not all conditions met' as one flag reimburses nothing."""
        assert prevention_budget(ZEEUWSE, D("300"), conditions=False).value == D("0.00")
        assert prevention_budget(ZEEUWSE, D("300"), conditions=True).value == D("300.00")

    def test_employment_ended_before_the_activity_started(self) -> None:
        """003 art. 2.5.2: employment ended before the activity started: not reimbursed."""
        result = prevention_budget(ZEEUWSE, D("300"), employment_ended_before_start=True)
        assert result.value == D("0.00")
        assert ART["2.5.2"] in result.citations()

    @pytest.mark.parametrize("kind", list(BudgetExclusion))
    def test_excluded_cost_kinds(self, kind: BudgetExclusion) -> None:
        """003 art. 2.5.4: medical treatment, costs reimbursable elsewhere, travel, cancellation: 0."""
        result = prevention_budget(ZEEUWSE, D("300"), excluded=kind)
        assert result.value == D("0.00")
        assert result.citations() == (ART["2.5.4"],)

    def test_half_a_cent_rounds_up_once(self) -> None:
        """spec §1: the result is rounded once, half up: 100.005 → 100.01, 100.0049 → 100.00."""
        assert prevention_budget(ZEEUWSE, D("100.005")).value == D("100.01")
        assert prevention_budget(ZEEUWSE, D("100.0049")).value == D("100.00")

    def test_explanation_names_the_cap_used(self) -> None:
        """003 art. 2.5.1: the explanation shows the cap parameter and its value."""
        text = prevention_budget(ZEEUWSE, D("800"), with_wga_or_wia=True).text()
        assert "preventiebudget_met_wga_of_wia = € 1.000,00" in text
        assert "art. 2.5.1" in text

    def test_float_is_refused(self) -> None:
        """spec §1: a float never reaches a formula; the error names the Python parameter
        (docs/python.md "Verkeerde invoer"), not the Excel argument ``kosten``."""
        with pytest.raises(TypeError, match=r"^costs: float is geen exact bedrag"):
            prevention_budget(ZEEUWSE, 100.5)  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match=r"^costs: -1 is negatief") as raised:
            prevention_budget(ZEEUWSE, D(-1))
        assert error_argument(raised.value) == (
            "costs",
            "-1 is negatief (verwacht een bedrag van 0 of meer)",
        )

    def test_negative_costs_are_an_error_naming_the_argument(self) -> None:
        """spec §1: a negative amount is an error that names it."""
        with pytest.raises(InvalidValueError, match=r"^already_reimbursed: "):
            prevention_budget(ZEEUWSE, D("100"), already_reimbursed=D("-1"))

    @given(costs=fine_amounts(5000), already=fine_amounts(2000), wga=st.booleans())
    def test_never_negative_nor_above_costs_nor_above_remaining_cap(
        self, costs: Decimal, already: Decimal, wga: bool
    ) -> None:
        """003 art. 2.5.1: 0 ≤ reimbursed ≤ costs and ≤ cap − already reimbursed (within rounding)."""
        cap = (PREVENTION_CAP_WGA_WIA if wga else PREVENTION_CAP).at(date.max).value
        value = prevention_budget(
            ZEEUWSE, costs, with_wga_or_wia=wga, already_reimbursed=already
        ).value
        assert value >= 0
        assert value <= costs + D("0.005")
        assert value <= max(D(0), cap - already) + D("0.005")

    @given(costs=cents(5000), more=cents(5000), already=cents(2000), wga=st.booleans())
    def test_raising_costs_never_lowers_the_reimbursement(
        self, costs: Decimal, more: Decimal, already: Decimal, wga: bool
    ) -> None:
        """003 art. 2.5.1: the reimbursement is monotone in the costs."""
        low = prevention_budget(
            ZEEUWSE, costs, with_wga_or_wia=wga, already_reimbursed=already
        ).value
        high = prevention_budget(
            ZEEUWSE, costs + more, with_wga_or_wia=wga, already_reimbursed=already
        )
        assert high.value >= low


class TestReintegrationBudget:
    def test_a_yes_or_no_is_a_bool(self) -> None:
        """003 art. 2.6.1: "nee" is true to Python; as with_wga_or_wia it would double the
        budget to € 8,000 without a word, so anything but a bool is a TypeError."""
        with pytest.raises(TypeError, match=r"^with_wga_or_wia: verwacht True of False"):
            reintegration_budget(ZEEUWSE, D("6000"), with_wga_or_wia="nee")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^aims_to_restore: verwacht True of False"):
            ReintegrationConditions(aims_to_restore="nee")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^threatened_case_found: verwacht True of False"):
            PreventionConditions(threatened_case_found=0)  # type: ignore[arg-type]
        # One wording for a refused yes/no in the whole core (flag_error), here with the
        # conditions record as the other accepted value.
        with pytest.raises(TypeError) as caught:
            BudgetClaim(sick_day=date(2025, 1, 6), costs=D(1), conditions="nee")  # type: ignore[arg-type]
        assert str(caught.value) == (
            "conditions: verwacht True of False (bool), kreeg str 'nee'; "
            "of de voorwaarden als ReintegrationConditions"
        )
        with pytest.raises(TypeError) as caught:
            prevention_budget(ZEEUWSE, D(100), conditions="nee")  # type: ignore[arg-type]
        assert str(caught.value) == (
            "conditions: verwacht True of False (bool), kreeg str 'nee'; "
            "of de voorwaarden als waarde (bijvoorbeeld ...Conditions)"
        )

    def test_spec_example(self) -> None:
        """003 art. 2.6.1 (excel-functions.md example): 5000 with 1500 already paid → 2500."""
        result = reintegration_budget(ZEEUWSE, D("5000"), already_reimbursed_in_case=D("1500"))
        assert result.value == D("2500.00")
        assert ART["2.6.1"] in result.citations()

    def test_cap_is_4000_per_case(self) -> None:
        """003 art. 2.6.1: at most € 4,000 per ziektegeval."""
        assert reintegration_budget(ZEEUWSE, D("9000")).value == D("4000.00")
        assert REINTEGRATION_CAP.at(date(2025, 1, 1)).value == D(4000)

    def test_cap_is_8000_with_wga_or_wia(self) -> None:
        """003 art. 2.6.1: at most € 8,000 with a WGA-ERD or WIA 0-tot-100 plan."""
        assert reintegration_budget(ZEEUWSE, D("9000"), with_wga_or_wia=True).value == D("8000.00")
        assert REINTEGRATION_CAP_WGA_WIA.at(date(2025, 1, 1)).value == D(8000)

    def test_subsidy_is_deducted_after_the_cap(self) -> None:
        """003 art. 3.1, §8: min(5000, 4000) − 1500 = 2500, not min(5000 − 1500, 4000) = 3500."""
        result = reintegration_budget(ZEEUWSE, D("5000"), subsidy=D("1500"))
        assert result.value == D("2500.00")
        assert ART["3.1"] in result.citations()
        assert Citation.decision("§8") in result.citations()

    def test_subsidy_larger_than_the_contribution_leaves_nothing(self) -> None:
        """003 art. 3.1: never below zero after deducting a subsidy."""
        assert reintegration_budget(ZEEUWSE, D("1000"), subsidy=D("1500")).value == D("0.00")

    @pytest.mark.parametrize("kind", list(BudgetExclusion))
    def test_excluded_cost_kinds(self, kind: BudgetExclusion) -> None:
        """003 art. 2.6.5: excluded cost kinds are not reimbursed."""
        result = reintegration_budget(ZEEUWSE, D("1000"), excluded=kind)
        assert result.value == D("0.00")
        assert result.citations() == (ART["2.6.5"],)

    def test_employment_ended_is_still_reimbursed_with_a_legal_obligation(self) -> None:
        """003 art. 2.6.2: employment ended: still reimbursed while the obligation remains."""
        result = reintegration_budget(ZEEUWSE, D("1000"), employment_ended=True)
        assert result.value == D("1000.00")
        assert ART["2.6.2"] in result.citations()

    def test_employment_ended_without_legal_obligation_is_not_reimbursed(self) -> None:
        """003 art. 2.6.2: employment ended and no legal re-integration obligation: 0."""
        result = reintegration_budget(
            ZEEUWSE, D("1000"), employment_ended=True, legal_obligation=False
        )
        assert result.value == D("0.00")

    @pytest.mark.parametrize("field", [f.name for f in attrs.fields(ReintegrationConditions)])
    def test_each_condition_of_2_6_2_is_required(self, field: str) -> None:
        """003 art. 2.6.2: an activity not aimed at recovery or not proposed by an expert: 0."""
        conditions = ReintegrationConditions(**{field: False})
        assert reintegration_budget(ZEEUWSE, D("1000"), conditions=conditions).value == D("0.00")

    def test_half_a_cent_rounds_up_once(self) -> None:
        """spec §1: (1000.0125 − 0.0075) = 1000.005 → 1000.01, rounded only at the result."""
        result = reintegration_budget(ZEEUWSE, D("1000.0125"), subsidy=D("0.0075"))
        assert result.value == D("1000.01")

    @given(
        costs=fine_amounts(12_000),
        already=fine_amounts(9000),
        subsidy=fine_amounts(3000),
        wga=st.booleans(),
    )
    def test_never_negative_nor_above_costs_nor_above_remaining_cap(
        self, costs: Decimal, already: Decimal, subsidy: Decimal, wga: bool
    ) -> None:
        """003 art. 2.6.1: 0 ≤ reimbursed ≤ costs and ≤ cap − already reimbursed (within rounding)."""
        cap = (REINTEGRATION_CAP_WGA_WIA if wga else REINTEGRATION_CAP).at(date.max).value
        value = reintegration_budget(
            ZEEUWSE, costs, with_wga_or_wia=wga, already_reimbursed_in_case=already, subsidy=subsidy
        ).value
        assert value >= 0
        assert value <= costs + D("0.005")
        assert value <= max(D(0), cap - already) + D("0.005")

    @given(costs=cents(12_000), more=cents(5000), already=cents(9000), subsidy=cents(3000))
    def test_raising_costs_never_lowers_the_reimbursement(
        self, costs: Decimal, more: Decimal, already: Decimal, subsidy: Decimal
    ) -> None:
        """003 art. 2.6.1: the reimbursement is monotone in the costs."""
        kwargs = {"already_reimbursed_in_case": already, "subsidy": subsidy}
        low = reintegration_budget(ZEEUWSE, costs, **kwargs).value  # type: ignore[arg-type]
        assert reintegration_budget(ZEEUWSE, costs + more, **kwargs).value >= low  # type: ignore[arg-type]


class TestBudgetLedger:
    def test_periods_less_than_four_weeks_apart_share_one_budget(self) -> None:
        """003 art. 2.6.1: 27 days between two periods is one case: 3000 + 3000 → 3000 + 1000."""
        absences = [
            Absence.sick(date(2025, 1, 6), date(2025, 2, 28)),
            Absence.sick(date(2025, 3, 28), date(2025, 5, 30)),
        ]
        ledger = BudgetLedger(product=ZEEUWSE, absences=absences).record_all(
            [
                BudgetClaim(sick_day=date(2025, 1, 20), costs=D("3000")),
                BudgetClaim(sick_day=date(2025, 4, 15), costs=D("3000")),
            ]
        )
        assert [e.reimbursed.value for e in ledger.entries] == [D("3000.00"), D("1000.00")]
        assert ledger.totals() == ((date(2025, 1, 6), D("4000.00")),)
        assert ledger.remaining_in_case(date(2025, 1, 6)) == D(0)

    def test_a_day_that_starts_no_case_is_refused(self) -> None:
        """003 art. 2.6.1: the budget is per ziektegeval, asked by the case's first sick day;
        another sick day of the case (or no sick day at all) would read as an untouched
        case with its whole € 4,000 left, so it is an error naming case_first_day."""
        absences = [Absence.sick(date(2025, 1, 6), date(2025, 2, 28))]
        ledger = BudgetLedger(product=ZEEUWSE, absences=absences).record(
            BudgetClaim(sick_day=date(2025, 1, 20), costs=D("2500"))
        )
        assert ledger.remaining_in_case(date(2025, 1, 6)) == D("1500.00")
        for day in (date(2025, 1, 20), date(2024, 6, 1)):
            with pytest.raises(InvalidValueError, match=r"^case_first_day: .* \(wel: 06-01-2025\)"):
                ledger.remaining_in_case(day)
            with pytest.raises(InvalidValueError, match=r"^case_first_day: "):
                ledger.reimbursed_in_case(day)

    def test_four_weeks_apart_starts_a_new_budget(self) -> None:
        """003 art. 2.6.1: 28 days between two periods is a new case with a new budget."""
        absences = [
            Absence.sick(date(2025, 1, 6), date(2025, 2, 28)),
            Absence.sick(date(2025, 3, 29), date(2025, 5, 30)),
        ]
        ledger = BudgetLedger(product=ZEEUWSE, absences=absences).record_all(
            [
                BudgetClaim(sick_day=date(2025, 1, 20), costs=D("3000")),
                BudgetClaim(sick_day=date(2025, 4, 15), costs=D("3000")),
            ]
        )
        assert [e.reimbursed.value for e in ledger.entries] == [D("3000.00"), D("3000.00")]
        assert [e.case_first_day for e in ledger.entries] == [date(2025, 1, 6), date(2025, 3, 29)]

    def test_subsidy_counts_what_was_paid_not_what_was_capped(self) -> None:
        """003 art. 3.1: the budget is used by what the insurer paid after the subsidy."""
        absences = [Absence.sick(date(2025, 1, 6))]
        ledger = BudgetLedger(product=ZEEUWSE, absences=absences).record_all(
            [
                BudgetClaim(sick_day=date(2025, 1, 6), costs=D("5000"), subsidy=D("1000")),
                BudgetClaim(sick_day=date(2025, 2, 6), costs=D("2000")),
            ]
        )
        assert [e.reimbursed.value for e in ledger.entries] == [D("3000.00"), D("1000.00")]

    def test_an_entry_explains_its_case(self) -> None:
        """003 art. 2.6.1: a claim's explanation names the case's first day and the samentelling."""
        absences = [
            Absence.sick(date(2025, 1, 6), date(2025, 1, 31)),
            Absence.sick(date(2025, 2, 10)),
        ]
        ledger = BudgetLedger(product=ZEEUWSE, absences=absences).record(
            BudgetClaim(sick_day=date(2025, 2, 20), costs=D("500"))
        )
        text = ledger.entries[0].reimbursed.text()
        assert "eerste_ziektedag = 06-01-2025" in text
        assert "minder dan 28 dagen" in text

    def test_a_day_that_is_no_sick_day_is_an_error(self) -> None:
        """003 art. 2.6.1: a claim must name a sick day of the case it belongs to."""
        ledger = BudgetLedger(
            product=ZEEUWSE, absences=[Absence.sick(date(2025, 1, 6), date(2025, 1, 31))]
        )
        with pytest.raises(InvalidValueError, match="geen ziektedag"):
            ledger.record(BudgetClaim(sick_day=date(2025, 3, 1), costs=D("100")))

    def test_float_costs_are_refused_by_a_claim(self) -> None:
        """spec §1: a float never reaches the ledger."""
        with pytest.raises(TypeError):
            BudgetClaim(sick_day=date(2025, 1, 6), costs=100.0)  # type: ignore[arg-type]

    @given(
        absences=sick_periods(),
        data=st.data(),
        wga=st.booleans(),
    )
    def test_no_case_is_paid_more_than_its_budget(
        self, absences: list[Absence], data: st.DataObject, wga: bool
    ) -> None:
        """003 art. 2.6.1: per case the claims never add up to more than the cap, each ≤ its costs."""
        days = [
            p.period.start + timedelta(days=k)
            for p in absences
            for k in range((p.period.end - p.period.start).days)  # type: ignore[operator]
        ]
        claims = data.draw(
            st.lists(
                st.builds(BudgetClaim, sick_day=st.sampled_from(days), costs=cents(6000)),
                max_size=8,
            )
        )
        ledger = BudgetLedger(product=ZEEUWSE, absences=absences, with_wga_or_wia=wga).record_all(
            claims
        )
        cap = (REINTEGRATION_CAP_WGA_WIA if wga else REINTEGRATION_CAP).at(date.max).value
        firsts = {c.first_day for c in merge_cases(absences)}
        for first, total in ledger.totals():
            assert first in firsts
            assert 0 <= total <= cap
        for entry in ledger.entries:
            assert 0 <= entry.reimbursed.value <= entry.claim.costs
        assert sum(t for _, t in ledger.totals()) == sum(e.reimbursed.value for e in ledger.entries)


class TestCostBenefit:
    def test_extra_is_limited_by_the_costs_above_the_budget(self) -> None:
        """003 art. 2.6.1: min(10000 − 4000, 50000 − 30000 − 4000) = 6000."""
        result = cost_benefit_contribution(D("10000"), D("4000"), D("50000"), D("30000"))
        assert result.value == D("6000.00")
        assert result.citations() == (ART["2.6.1"],)

    def test_extra_is_limited_by_the_saving(self) -> None:
        """003 art. 2.6.1: min(10000 − 4000, 35000 − 30000 − 4000) = 1000."""
        assert cost_benefit_contribution(D("10000"), D("4000"), D("35000"), D("30000")).value == D(
            "1000.00"
        )

    def test_no_saving_no_extra(self) -> None:
        """003 art. 2.6.1: when the cost with the activity is not lower, nothing extra."""
        assert cost_benefit_contribution(D("10000"), D("4000"), D("30000"), D("30000")).value == D(
            "0.00"
        )

    def test_not_approved_beforehand_gives_nothing(self) -> None:
        """003 art. 2.6.2: a contribution above the cap needs VRA's prior approval."""
        result = cost_benefit_contribution(
            D("10000"), D("4000"), D("50000"), D("30000"), approved_beforehand=False
        )
        assert result.value == D("0.00")
        assert result.citations() == (ART["2.6.2"],)

    @given(costs=cents(), budget=cents(8000), s0=cents(200_000), s1=cents(200_000))
    def test_the_insurer_never_pays_more_than_without_the_activity(
        self, costs: Decimal, budget: Decimal, s0: Decimal, s1: Decimal
    ) -> None:
        """003 art. 2.6.1: S1 + B + extra ≤ max(S0, S1 + B) — i.e. ≤ S0 whenever S0 ≥ S1 + B."""
        extra = cost_benefit_contribution(costs, budget, s0, s1).value
        assert extra >= 0
        assert extra <= max(D(0), costs - budget)
        assert s1 + budget + extra <= max(s0, s1 + budget)

    @given(costs=cents(), more=cents(), budget=cents(8000), s0=cents(200_000), s1=cents(200_000))
    def test_raising_costs_never_lowers_the_extra(
        self, costs: Decimal, more: Decimal, budget: Decimal, s0: Decimal, s1: Decimal
    ) -> None:
        """003 art. 2.6.1: the extra contribution is monotone in the costs."""
        low = cost_benefit_contribution(costs, budget, s0, s1).value
        assert cost_benefit_contribution(costs + more, budget, s0, s1).value >= low


class TestThirdParty:
    def test_partial_recovery(self) -> None:
        """003 art. 2.6.4: A 3000, K 5000, R 2500: final min(3000, 2500) = 2500, repay 500."""
        result = third_party_settlement(D("3000"), D("5000"), D("2500"))
        assert (result.value.final, result.value.repayment) == (D("2500.00"), D("500.00"))
        assert result.citations() == (ART["2.6.4"],)

    def test_nothing_recovered_keeps_the_advance(self) -> None:
        """003 art. 2.6.4: no recovery: the advance becomes final, nothing is repaid."""
        result = third_party_settlement(D("3000"), D("5000"), D("0"))
        assert (result.value.final, result.value.repayment) == (D("3000.00"), D("0.00"))

    def test_full_recovery_repays_the_advance(self) -> None:
        """003 art. 2.6.4: everything recovered: the whole advance is repaid."""
        result = third_party_settlement(D("3000"), D("5000"), D("6000"))
        assert (result.value.final, result.value.repayment) == (D("0.00"), D("3000.00"))

    @given(advance=cents(), costs=cents(), recovered=cents())
    def test_final_and_repayment_add_up_to_the_advance(
        self, advance: Decimal, costs: Decimal, recovered: Decimal
    ) -> None:
        """003 art. 2.6.4: final + repayment = advance, 0 ≤ final ≤ advance."""
        settlement = third_party_settlement(advance, costs, recovered).value
        assert settlement.final + settlement.repayment == advance
        assert 0 <= settlement.final <= advance
        assert settlement.repayment >= 0


class TestPremiumWindow:
    @pytest.mark.parametrize(
        ("paid", "expected"),
        [
            (date(2021, 12, 31), False),
            (date(2022, 1, 1), True),
            (date(2025, 12, 31), True),
            (date(2026, 1, 1), False),
        ],
    )
    def test_current_year_and_three_before(self, paid: date, expected: bool) -> None:
        """003 art. 2.5.3, 2.6.3: for premium year 2025 the payments of 2022 … 2025 count."""
        result = counts_for_premium(ZEEUWSE, paid, 2025)
        assert result.value is expected
        assert set(result.citations()) == {ART["2.5.3"], ART["2.6.3"], Citation.decision("§8.1")}

    def test_a_year_that_is_no_year_is_an_error(self) -> None:
        """003 art. 2.6.3: the premium year must be a real year."""
        with pytest.raises(InvalidValueError, match=r"^premium_year: "):
            counts_for_premium(ZEEUWSE, date(2025, 1, 1), 0)
        with pytest.raises(TypeError, match=r"^premium_year: "):
            counts_for_premium(ZEEUWSE, date(2025, 1, 1), True)

    @given(year=st.integers(2000, 2090))
    def test_exactly_four_years_count(self, year: int) -> None:
        """003 art. 2.6.3: exactly the four years Y − 3 … Y count, on every day of them."""
        counted = {
            y
            for y in range(year - 6, year + 3)
            if counts_for_premium(ZEEUWSE, date(y, 6, 30), year).value
        }
        assert counted == {year - 3, year - 2, year - 1, year}

    def test_years_before_the_conditions_are_an_error(self) -> None:
        """spec §7: a premium year before the conditions' first valid date has no parameter."""
        with pytest.raises(InvalidValueError, match=r"premium_year: .*premie_voorgaande_jaren"):
            counts_for_premium(ZEEUWSE, date(1998, 1, 1), 1999)


class TestBudgetCaseDecision:
    """Decision §8.1, 003 art. 2.6.1: the budget's ziektegeval is the text's own."""

    LEAVE_HISTORY = (
        Absence.sick(date(2025, 1, 6), date(2025, 3, 2)),
        Absence.leave(date(2025, 3, 3), date(2025, 6, 22)),
        Absence.sick(date(2025, 6, 23)),
    )

    def test_leave_does_not_bridge_for_the_budget(self) -> None:
        """Decision §8.1 / 003 art. 2.6.1: sick, 16 weeks of leave, sick again is two budget
        cases (two caps), while the Poortwachter timeline bridges it into one (BW 7:629 lid 10)."""
        assert len(merge_cases(self.LEAVE_HISTORY)) == 1
        cases = budget_cases(self.LEAVE_HISTORY)
        assert [c.first_day for c in cases] == [date(2025, 1, 6), date(2025, 6, 23)]
        ledger = BudgetLedger(product=ZEEUWSE, absences=self.LEAVE_HISTORY).record_all(
            [
                BudgetClaim(sick_day=date(2025, 2, 1), costs=D("3000")),
                BudgetClaim(sick_day=date(2025, 7, 1), costs=D("3000")),
            ]
        )
        assert [e.reimbursed.value for e in ledger.entries] == [D("3000.00"), D("3000.00")]
        assert Citation.decision("§8.1") in ledger.entries[1].reimbursed.citations()

    def test_short_leave_is_an_interruption_under_four_weeks(self) -> None:
        """003 art. 2.6.1: leave of 20 days between two sick periods is an interruption of
        less than four weeks, so one case — by the text's rule, not by a bridge."""
        history = [
            Absence.sick(date(2025, 1, 6), date(2025, 3, 2)),
            Absence.leave(date(2025, 3, 3), date(2025, 3, 22)),
            Absence.sick(date(2025, 3, 23)),
        ]
        assert [c.first_day for c in budget_cases(history)] == [date(2025, 1, 6)]

    @given(absences=sick_periods(max_periods=6), data=st.data())
    def test_budget_cases_follow_the_four_week_rule_only(
        self, absences: list[Absence], data: st.DataObject
    ) -> None:
        """003 art. 2.6.1: whichever periods are leave, within a budget case two sick
        periods are less than four weeks apart, and two cases are at least four weeks apart;
        no leave day is in a case."""
        leave = data.draw(st.lists(st.booleans(), min_size=len(absences), max_size=len(absences)))
        leave[0] = False
        history = [
            Absence.leave(a.period.start, a.period.last) if is_leave and a.period.last else a
            for a, is_leave in zip(absences, leave, strict=True)
        ]
        cases = budget_cases(history)
        sick = [a.period for a in history if a.kind.value == "ziek"]
        assert [p for c in cases for p in c.periods] == sick
        for case in cases:
            assert not case.bridged_leave
            for earlier, later in zip(case.periods, case.periods[1:], strict=False):
                assert earlier.last is not None
                assert (later.start - earlier.last).days - 1 < 28
        for earlier_case, later_case in itertools.pairwise(cases):
            assert earlier_case.last_day is not None
            assert (later_case.first_day - earlier_case.last_day).days - 1 >= 28


class TestBudgetBalances:
    """RI_BUDGET_RESTANT's core: the budget left per ziektegeval (003 art. 2.5, 2.6)."""

    def test_a_label_is_text(self) -> None:
        """docs/python.md: a Declaration checks its fields when made; a label that is no
        text (it names the declaration in an error) is a TypeError naming ``label``."""
        with pytest.raises(TypeError, match=r"^label: verwacht tekst \(str\), kreeg int 3"):
            Declaration(day=date(2025, 2, 1), kind=BudgetKind.REINTEGRATIE, amount=D(1), label=3)  # type: ignore[arg-type]

    def test_every_ground_names_its_rule(self) -> None:
        """docs/ontwikkelaars.md: every ground names the public function that applied it
        (rule_id), also the ziektegeval of the budget (003 art. 2.6.1)."""
        declarations = [
            Declaration(day=date(2025, 2, 1), kind=BudgetKind.REINTEGRATIE, amount=D("3000"))
        ]
        result = budget_balances(ZEEUWSE, TestBudgetCaseDecision.LEAVE_HISTORY, declarations)
        assert [g.rule for g in result.grounds if not g.rule_id] == []
        assert ART["2.6.1"] in result.citations()

    def test_worked_example_two_cases_and_prevention(self) -> None:
        """003 art. 2.6.1 and decision §8.1: with leave between, two cases of € 4,000; the
        first has 3000 + 1500 declared (1000 paid of the second), the second 500; the
        preventie declarations (art. 2.5.1, € 500) are one threatened case."""
        declarations = [
            Declaration(day=date(2025, 2, 1), kind=BudgetKind.REINTEGRATIE, amount=D("3000")),
            Declaration(day=date(2025, 3, 20), kind=BudgetKind.REINTEGRATIE, amount=D("1500")),
            Declaration(day=date(2025, 7, 1), kind=BudgetKind.REINTEGRATIE, amount=D("500")),
            Declaration(day=date(2024, 11, 1), kind=BudgetKind.PREVENTIE, amount=D("350")),
            Declaration(day=date(2024, 12, 1), kind=BudgetKind.PREVENTIE, amount=D("350")),
        ]
        result = budget_balances(ZEEUWSE, TestBudgetCaseDecision.LEAVE_HISTORY, declarations)
        rows = [
            (b.kind, b.first_day, b.cap, b.reimbursed, b.remaining, b.declarations)
            for b in result.value
        ]
        assert rows == [
            (BudgetKind.REINTEGRATIE, date(2025, 1, 6), D("4000.00"), D("4000.00"), D("0.00"), 2),
            (
                BudgetKind.REINTEGRATIE,
                date(2025, 6, 23),
                D("4000.00"),
                D("500.00"),
                D("3500.00"),
                1,
            ),
            (BudgetKind.PREVENTIE, None, D("500.00"), D("500.00"), D("0.00"), 2),
        ]
        assert ART["2.6.1"] in result.citations()
        assert ART["2.5.1"] in result.citations()

    def test_explained_rows_read_in_euros(self) -> None:
        """003 art. 2.6.1: a balance's amounts read '€ …' in its explanation (declared on the
        record's fields), its count of declarations as a plain number."""
        absences = [Absence.sick(date(2025, 1, 6), date(2025, 1, 31))]
        declarations = [
            Declaration(day=date(2025, 3, 1), kind=BudgetKind.REINTEGRATIE, amount=D("100"))
        ]
        text = budget_balances(ZEEUWSE, absences, declarations).text()
        assert "cap = € 4.000,00, reimbursed = € 100,00, remaining = € 3.900,00" in text
        assert "declarations = 1" in text

    def test_declaration_after_recovery_belongs_to_the_last_case_begun(self) -> None:
        """003 art. 2.6.1: a declaration dated after recovery (the invoice comes later) is
        charged to the latest case that began on or before its date."""
        absences = [Absence.sick(date(2025, 1, 6), date(2025, 1, 31))]
        declarations = [
            Declaration(day=date(2025, 3, 1), kind=BudgetKind.REINTEGRATIE, amount=D("100"))
        ]
        (balance,) = budget_balances(ZEEUWSE, absences, declarations, with_wga_or_wia=True).value
        assert (balance.cap, balance.remaining) == (D("8000.00"), D("7900.00"))

    def test_declaration_before_any_case_is_an_error_naming_it(self) -> None:
        """003 art. 2.6.1: a re-integratie declaration belongs to a ziektegeval."""
        absences = [Absence.sick(date(2025, 1, 6))]
        declarations = [
            Declaration(
                day=date(2024, 12, 1), kind=BudgetKind.REINTEGRATIE, amount=D("1"), label="rij 2"
            )
        ]
        with pytest.raises(InvalidValueError, match=r"^rij 2: 01-12-2024 ligt vóór"):
            budget_balances(ZEEUWSE, absences, declarations)

    def test_a_case_without_declarations_has_its_whole_budget(self) -> None:
        """003 art. 2.6.1: every case gets a row; without declarations all is left."""
        (balance,) = budget_balances(ZEEUWSE, [Absence.sick(date(2025, 1, 6))], []).value
        assert (balance.reimbursed, balance.remaining) == (D("0.00"), D("4000.00"))

    @given(absences=sick_periods(), data=st.data(), wga=st.booleans())
    def test_remaining_plus_paid_is_the_cap(
        self, absences: list[Absence], data: st.DataObject, wga: bool
    ) -> None:
        """003 art. 2.6.1: per case, paid + left = cap, each between 0 and the cap."""
        first = min(a.period.start for a in absences)
        declarations = data.draw(
            st.lists(
                st.builds(
                    Declaration,
                    day=st.dates(first, first + timedelta(days=800)),
                    kind=st.just(BudgetKind.REINTEGRATIE),
                    amount=cents(5000),
                ),
                max_size=8,
            )
        )
        for balance in budget_balances(ZEEUWSE, absences, declarations, with_wga_or_wia=wga).value:
            assert balance.reimbursed + balance.remaining == balance.cap
            assert D(0) <= balance.remaining <= balance.cap


class TestPremiumYearDecision:
    def test_premiejaar_is_the_year_the_premium_is_redetermined(self) -> None:
        """Decision §8.1 on 003 art. 2.5.3/2.6.3 "het lopende jaar en de voorgaande drie
        jaren": premiejaar 2026 counts payments of 2023 … 2026, not 2022 nor 2027."""
        assert [
            counts_for_premium(ZEEUWSE, date(y, 6, 1), 2026).value for y in range(2021, 2028)
        ] == [
            False,
            False,
            True,
            True,
            True,
            True,
            False,
        ]
        explained = counts_for_premium(ZEEUWSE, date(2023, 1, 1), 2026)
        assert Citation.decision("§8.1") in explained.citations()
        assert "opnieuw wordt vastgesteld" in explained.text()


def test_budget_balances_are_linear_in_the_declarations() -> None:
    """003 art. 2.6.1: eight times the declarations cost about eight times the work (executed
    Python lines, deterministic): the ledger keeps what each case was paid instead of
    re-adding every earlier claim per claim."""
    import sys

    def lines(n: int) -> int:
        declarations = [
            Declaration(
                day=date(2025, 1, 6) + timedelta(days=i % 300),
                kind=BudgetKind.REINTEGRATIE,
                amount=D(1),
            )
            for i in range(n)
        ]
        count = 0

        def tracer(frame: object, event: str, arg: object) -> object:
            nonlocal count
            if event == "line":
                count += 1
            return tracer

        sys.settrace(tracer)  # type: ignore[arg-type]
        try:
            budget_balances(ZEEUWSE, [Absence.sick(date(2025, 1, 6))], declarations)
        finally:
            sys.settrace(None)
        return count

    small, large = lines(100), lines(800)
    assert large / small < 10, (small, large)
