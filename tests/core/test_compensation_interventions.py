"""Interventions at 100 %, the remaining wage cost and SEPA (spec/domain.md §6; 001/004 art.
3.3, 3.4; 002)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from schwifty import IBAN

from reintegratie_core import (
    Absence,
    Citation,
    InvalidValueError,
    Milestone,
    NotApplicableError,
    SicknessCase,
    add_months,
    last_case,
    merge_cases,
    milestone_date,
    remaining_weeks,
    round_cents,
    weeks_of,
)
from reintegratie_core.compensation import (
    InterventionExclusion,
    intervention_reimbursement,
    is_sepa_account,
    remaining_wage_cost,
)
from reintegratie_core.products import Product, builtin_product
from tests.core.strategies_compensation import cents, dates, fractions
from tests.strategies import sick_period_chains

D = Decimal
MANAGER = builtin_product("asr-reintegratiemanager")
ONTZORG = builtin_product("mkb-verzuim-ontzorg")
#: The built-in products that reimburse interventions in full, and those that do not.
FULL_INTERVENTION_PRODUCTS = (MANAGER, ONTZORG)
NO_INTERVENTION_PRODUCTS = (builtin_product("asr-reintegratie"), builtin_product("zeeuwse-prb"))
assert ONTZORG.interventions is not None
BROCHURE_EXCLUSIONS = ONTZORG.interventions.excluded


class TestInterventionReimbursement:
    def test_002_psychologist_example(self) -> None:
        """002 «Een voorbeeld»: psychological complaints, after two months the bedrijfsarts
        advises a psychologist, back at work within three months: fully reimbursed."""
        first_sick_day = date(2025, 1, 6)
        module_start = date(2024, 1, 1)
        advice = add_months(first_sick_day, 2)
        costs = D("1450.00")
        # The aid for "niet bovenmatig": the wage cost still to come far exceeds the costs,
        # and three more months of absence lie "ruim binnen de verzekerde periode".
        aid = remaining_wage_cost(D("800"), SicknessCase.ongoing(first_sick_day), advice).value
        assert aid is not None
        back_at_work = add_months(advice, 3)
        end = milestone_date(
            SicknessCase.ongoing(first_sick_day), Milestone.EINDE_LOONDOORBETALING
        ).value
        assert end is not None
        not_excessive = costs < aid and back_at_work < end
        result = intervention_reimbursement(
            ONTZORG,
            costs,
            first_sick_day,
            module_start,
            necessary=True,
            not_excessive=not_excessive,
        )
        assert result.value == costs
        assert Citation.seed("004", "3.3") in result.citations()
        assert Citation.seed("002", "Interventiekostenvergoeding") in result.citations()

    def test_re_integratiemanager_reimburses_in_full(self) -> None:
        """001 art. 3.3: necessary, not excessive, ill after the start: the full costs."""
        result = intervention_reimbursement(
            MANAGER, D("2500.40"), date(2025, 3, 1), date(2025, 1, 1)
        )
        assert result.value == D("2500.40")
        assert result.citations() == (Citation.seed("001", "3.3"),)
        assert "interventievergoeding = 100 %" in result.text()

    def test_not_necessary(self) -> None:
        """001 art. 3.3: an intervention the bedrijfsarts or casemanager does not find necessary: 0."""
        result = intervention_reimbursement(
            MANAGER, D("900"), date(2025, 3, 1), date(2025, 1, 1), necessary=False
        )
        assert result.value == D("0.00")

    def test_excessive(self) -> None:
        """004 art. 3.3, §8: costs excessive relative to the remaining wage continuation: 0."""
        result = intervention_reimbursement(
            ONTZORG, D("900"), date(2025, 3, 1), date(2025, 1, 1), not_excessive=False
        )
        assert result.value == D("0.00")
        assert Citation.decision("§8") in result.citations()

    def test_ill_before_the_module_start(self) -> None:
        """001 art. 3.3: the employee fell ill before the module's start date: 0."""
        result = intervention_reimbursement(MANAGER, D("900"), date(2024, 12, 31), date(2025, 1, 1))
        assert result.value == D("0.00")

    def test_ill_on_the_module_start(self) -> None:
        """004 art. 3.2, 002: ill on the start date itself counts ("op of na")."""
        result = intervention_reimbursement(ONTZORG, D("900"), date(2025, 1, 1), date(2025, 1, 1))
        assert result.value == D("900.00")

    @pytest.mark.parametrize("kind", [k for k in InterventionExclusion if k in BROCHURE_EXCLUSIONS])
    def test_excluded_kinds(self, kind: InterventionExclusion) -> None:
        """002 «Wat wordt niet vergoed?»: RI&E, PMO, PAGO, keuring, cursus preventiemedewerker: 0."""
        result = intervention_reimbursement(
            ONTZORG, D("900"), date(2025, 3, 1), date(2025, 1, 1), excluded=kind
        )
        assert result.value == D("0.00")
        assert result.citations()[0].source == "002"

    @pytest.mark.parametrize(
        "kind", [k for k in InterventionExclusion if k not in BROCHURE_EXCLUSIONS]
    )
    def test_ontzorg_excludes_only_the_list_of_002(self, kind: InterventionExclusion) -> None:
        """Decision §8.1 (excluded cost kinds per product, from its own text): for
        mkb-verzuim-ontzorg only 002's list is excluded; another kind is reimbursed and the
        explanation says it is not excluded by 002."""
        result = intervention_reimbursement(
            ONTZORG, D("900"), date(2025, 3, 1), date(2025, 1, 1), excluded=kind
        )
        assert result.value == D("900.00")
        assert Citation.decision("§8.1") in result.citations()
        assert "niet uitgesloten" in result.text()

    @pytest.mark.parametrize("kind", list(InterventionExclusion))
    def test_reintegratiemanager_excludes_none(self, kind: InterventionExclusion) -> None:
        """Decision §8.1: asr-reintegratiemanager excludes no cost kind (001 art. 3.3 lists
        none), so every kind is reimbursed in full when the conditions hold."""
        result = intervention_reimbursement(
            MANAGER, D("900"), date(2025, 3, 1), date(2025, 1, 1), excluded=kind
        )
        assert result.value == D("900.00")
        assert Citation.seed("001", "3.3") in result.citations()
        assert "uitgesloten: geen" in result.text()

    @pytest.mark.parametrize("product", NO_INTERVENTION_PRODUCTS, ids=lambda p: p.code)
    def test_products_without_the_rule_say_so(self, product: Product) -> None:
        """spec §4, 000 art. 1.6, 003 art. 2.6: only 001 and 004 reimburse interventions in
        full; the others say where their re-integration costs are dealt with."""
        with pytest.raises(NotApplicableError, match="kent geen interventievergoeding") as info:
            intervention_reimbursement(product, D("900"), date(2025, 3, 1), date(2025, 1, 1))
        assert ("000 art. 1.6" in str(info.value)) or ("003 art. 2.6" in str(info.value))

    def test_float_is_refused(self) -> None:
        """spec §1: a float never reaches a formula."""
        with pytest.raises(TypeError):
            intervention_reimbursement(MANAGER, 900.0, date(2025, 3, 1), date(2025, 1, 1))  # type: ignore[arg-type]

    @given(
        costs=cents(),
        first=dates,
        start=dates,
        flags=st.tuples(st.booleans(), st.booleans()),
        product=st.sampled_from(FULL_INTERVENTION_PRODUCTS),
    )
    def test_all_or_nothing(
        self,
        costs: Decimal,
        first: date,
        start: date,
        flags: tuple[bool, bool],
        product: Product,
    ) -> None:
        """001/004 art. 3.3: the reimbursement is the full costs exactly when all conditions hold, else 0."""
        necessary, not_excessive = flags
        value = intervention_reimbursement(
            product, costs, first, start, necessary=necessary, not_excessive=not_excessive
        ).value
        full = necessary and not_excessive and first >= start
        assert value == (costs if full else D(0))


ONGOING = SicknessCase.ongoing(date(2025, 1, 6))


class TestRemainingWageCost:
    def test_weeks_times_wage_times_seventy_percent(self) -> None:
        """BW 7:629 lid 1, spec §3: D 06-01-2025, on 06-03-2025: 668 days / 7 × 1000 × 70 % = 66800."""
        result = remaining_wage_cost(D("1000"), ONGOING, date(2025, 3, 6))
        assert result.value == D("66800.00")
        assert "loondoorbetaling_percentage = 70 %" in result.text()

    def test_weeks_are_not_rounded_before_multiplying(self) -> None:
        """spec §1: one day left is 1/7 week: 1000 × 0.7 / 7 = 100.00 (not 0.14 × 700 = 98.00)."""
        end = date(2027, 1, 3)
        result = remaining_wage_cost(D("1000"), ONGOING, end - timedelta(days=1))
        assert result.value == D("100.00")

    def test_a_given_percentage(self) -> None:
        """spec §6: the percentage may be given, e.g. 100 % under a cao."""
        result = remaining_wage_cost(D("700"), ONGOING, date(2026, 12, 27), percentage=D("1"))
        assert result.value == D("700.00")

    def test_after_the_end_nothing_remains(self) -> None:
        """BW 7:629 lid 1: after the end of wage continuation the remaining cost is 0."""
        assert remaining_wage_cost(D("1000"), ONGOING, date(2027, 6, 1)).value == D("0.00")

    def test_a_sanction_extends_the_period(self) -> None:
        """BW 7:629 lid 11: ten sanction weeks add 10 × 1000 × 70 % = 7000."""
        base = remaining_wage_cost(D("1000"), ONGOING, date(2026, 1, 1)).value
        longer = remaining_wage_cost(D("1000"), ONGOING, date(2026, 1, 1), sanction_weeks=10).value
        assert base is not None
        assert longer == base + D("7000.00")

    def test_before_the_first_sick_day_at_most_104_weeks(self) -> None:
        """BW 7:629 lid 1: before D the whole 104 weeks remain, no more: 104 × 1000 × 70 %."""
        early = remaining_wage_cost(D("1000"), ONGOING, date(2024, 1, 1))
        assert early.value == D("72800.00")
        assert early.days == 728

    @given(
        sick_period_chains(max_gap=27),
        st.integers(-800, 1600),
        st.integers(0, 52),
        cents(10_000),
    )
    def test_the_remaining_weeks_times_wage_times_percentage(
        self, absences: list[Absence], offset: int, sanction: int, wage: Decimal
    ) -> None:
        """BW 7:629 lid 1, 10, 11: the cost's days are remaining_weeks' days (one rule), so
        never more than 104 + s weeks of wage."""
        case = merge_cases(absences)[-1]
        reference = case.first_day + timedelta(days=offset)
        cost = remaining_wage_cost(
            wage, case, reference, percentage=D("0.7"), sanction_weeks=sanction
        )
        weeks = remaining_weeks(case, reference, sanction).value
        if weeks is None:
            assert cost.value is None
            return
        assert 0 <= cost.days <= 7 * (104 + sanction)
        assert weeks == weeks_of(cost.days)
        assert cost.value is not None
        assert cost.value == round_cents(D(cost.days) * wage * D("0.7") / 7)
        assert cost.value <= (104 + sanction) * wage * D("0.7") + D("0.005")

    def test_a_closed_short_case_is_not_applicable(self) -> None:
        """spec §2: a closed case that never reaches week 104 has no remaining wage cost (n.v.t.)."""
        case = last_case([Absence.sick(date(2025, 1, 6), date(2025, 2, 1))])
        assert remaining_wage_cost(D("1000"), case, date(2025, 1, 20)).value is None

    def test_a_case_of_several_periods(self) -> None:
        """spec §2: interruption days push the end of wage continuation back."""
        case = SicknessCase.ongoing(date(2025, 1, 6))
        merged = last_case(
            [Absence.sick(date(2025, 1, 6), date(2025, 1, 31)), Absence.sick(date(2025, 2, 10))]
        )
        on = date(2025, 6, 1)
        single = remaining_wage_cost(D("700"), case, on).value
        several = remaining_wage_cost(D("700"), merged, on).value
        assert single is not None
        assert several == single + D("9") * D("700") * D("0.7") / 7

    def test_percentage_above_one_is_an_error(self) -> None:
        """spec §1: a percentage is a fraction 0 … 1 in the core."""
        with pytest.raises(InvalidValueError, match="percentage"):
            remaining_wage_cost(D("700"), ONGOING, date(2025, 2, 1), percentage=D("70"))

    @given(wage=cents(5000), more=cents(5000), first=dates, days=st.integers(0, 800), p=fractions)
    def test_never_negative_and_monotone_in_the_wage(
        self, wage: Decimal, more: Decimal, first: date, days: int, p: Decimal
    ) -> None:
        """spec §3: the remaining wage cost is ≥ 0 and grows with the weekly wage."""
        on = first + timedelta(days=days)
        low = remaining_wage_cost(wage, SicknessCase.ongoing(first), on, percentage=p).value
        high = remaining_wage_cost(wage + more, SicknessCase.ongoing(first), on, percentage=p).value
        assert low is not None
        assert high is not None
        assert 0 <= low <= high


class TestSepa:
    @pytest.mark.parametrize(
        "iban",
        [
            "NL91ABNA0417164300",
            "NL91 ABNA 0417 1643 00",
            "nl91 abna 0417 1643 00",
            "DE89370400440532013000",
            "CH9300762011623852957",
            "BE68539007547034",
        ],
    )
    def test_valid_ibans_in_the_sepa_area(self, iban: str) -> None:
        """001/004 art. 3.4: a valid IBAN in the SEPA area (spaces, any case) is accepted."""
        result = is_sepa_account(iban)
        assert result.value is True
        assert result.citations() == (Citation.seed("001", "3.4"), Citation.seed("004", "3.4"))

    def test_valid_iban_outside_the_sepa_area(self) -> None:
        """001/004 art. 3.4: a valid Saudi IBAN is outside the SEPA area: FALSE."""
        result = is_sepa_account("SA03 8000 0000 6080 1016 7519")
        assert result.value is False
        assert "buiten het SEPA-gebied" in result.text()

    @pytest.mark.parametrize(
        ("iban", "reason"),
        [
            ("NL91ABNA0417164301", "controlegetal"),
            ("NL91-ABNA-0417-1643-00", "ongeldige tekens"),
            ("hallo", "ongeldige tekens"),
            ("NL91ABNA04171643", "lengte"),
        ],
    )
    def test_wrong_ibans_are_false_with_a_reason(self, iban: str, reason: str) -> None:
        """001/004 art. 3.4: text that is no valid IBAN is FALSE; the explanation says why."""
        result = is_sepa_account(iban)
        assert result.value is False
        assert reason in result.text()

    @given(country=st.sampled_from(["NL", "DE", "BE", "FR"]), data=st.data())
    def test_one_wrong_digit_is_always_caught(self, country: str, data: st.DataObject) -> None:
        """001/004 art. 3.4: changing one digit of a valid IBAN makes it invalid (mod 97)."""
        seed = data.draw(st.integers(0, 2**32))
        iban = IBAN.random(country_code=country, random=random.Random(seed)).compact
        assert is_sepa_account(iban).value is True
        positions = [i for i, ch in enumerate(iban) if ch.isdigit()]
        index = data.draw(st.sampled_from(positions))
        digit = data.draw(st.sampled_from([d for d in "0123456789" if d != iban[index]]))
        assert is_sepa_account(iban[:index] + digit + iban[index + 1 :]).value is False
