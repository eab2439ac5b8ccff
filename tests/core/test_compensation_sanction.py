"""Loonsanctie compensation (spec/domain.md §6, §8; seed 003 art. 2.7)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    Citation,
    Event,
    EventKind,
    InvalidValueError,
    NotApplicableError,
    SicknessCase,
    sanction_notice_deadline,
)
from reintegratie_core.compensation import (
    SanctionConditions,
    SanctionConditionsCheck,
    sanction_compensation,
    sanction_conditions,
)
from reintegratie_core.products import builtin_product
from tests.core.strategies_compensation import cents, fine_amounts

D = Decimal
ZEEUWSE = builtin_product("zeeuwse-prb")
ART_2_7_2 = Citation.seed("003", "2.7.2")
ART_2_7_3 = Citation.seed("003", "2.7.3")


class TestSanctionCompensation:
    def test_spec_example(self) -> None:
        """003 art. 2.7.2 (excel-functions.md example): 10 × 1000 × 70 % × 1.25 = 8750."""
        result = sanction_compensation(ZEEUWSE, D("1000"), 10)
        assert result.value == D("8750.00")
        assert ART_2_7_2 in result.citations()
        assert Citation.decision("§8") in result.citations()

    def test_explanation_shows_the_parameters(self) -> None:
        """003 art. 2.7.2: the explanation shows 70 %, 25 % and the weeks used."""
        text = sanction_compensation(ZEEUWSE, D("1000"), 10).text()
        assert "loonsanctie_dekkingspercentage = 70 %" in text
        assert "werkgeverslasten = 25 %" in text
        assert "sanctieweken = 10" in text

    def test_cao_percentage_replaces_seventy(self) -> None:
        """003 art. 2.7.2: a cao percentage of 80 %: 10 × 1000 × 0.8 × 1.25 = 10000."""
        assert sanction_compensation(ZEEUWSE, D("1000"), 10, coverage=D("0.80")).value == D(
            "10000.00"
        )

    def test_employer_charges_may_be_given(self) -> None:
        """003 art. 2.7.2: other employer charges when given: 10 × 1000 × 0.7 × 1.30 = 9100."""
        result = sanction_compensation(ZEEUWSE, D("1000"), 10, employer_charges=D("0.30"))
        assert result.value == D("9100.00")

    def test_approved_costs_are_added(self) -> None:
        """003 art. 2.7.2: re-integration costs approved by VRA during the sanction are added."""
        result = sanction_compensation(ZEEUWSE, D("1000"), 10, approved_costs=D("1234.56"))
        assert result.value == D("9984.56")

    def test_fifty_two_weeks_is_the_maximum(self) -> None:
        """003 art. 2.7.1: 52 weeks is allowed, 53 is an error naming sanctieweken."""
        assert sanction_compensation(ZEEUWSE, D("100"), 52).value == D("4550.00")
        with pytest.raises(InvalidValueError, match=r"^weeks: 53"):
            sanction_compensation(ZEEUWSE, D("100"), 53)

    def test_zero_weeks_is_an_error(self) -> None:
        """003 art. 2.7.1: a sanction has at least one week (0 < s)."""
        with pytest.raises(InvalidValueError, match=r"^weeks: "):
            sanction_compensation(ZEEUWSE, D("100"), 0)

    @pytest.mark.parametrize("field", [f.name for f in attrs.fields(SanctionConditions)])
    def test_each_of_the_nine_conditions_is_required(self, field: str) -> None:
        """003 art. 2.7.3: when any one of the nine conditions fails, nothing is paid."""
        result = sanction_compensation(
            ZEEUWSE, D("1000"), 10, conditions=SanctionConditions(**{field: False})
        )
        assert result.value == D("0.00")
        assert result.citations() == (ART_2_7_3,)

    def test_there_are_nine_conditions(self) -> None:
        """003 art. 2.7.3 lists nine conditions."""
        assert len(attrs.fields(SanctionConditions)) == 9

    def test_conditions_as_one_boolean(self) -> None:
        """003 art. 2.7.3: 'not all conditions met' as one flag pays nothing."""
        assert sanction_compensation(ZEEUWSE, D("1000"), 10, conditions=False).value == D("0.00")

    def test_only_once_when_the_arbodienst_compensated(self) -> None:
        """003 art. 2.7: when the arbodienst's own garantie paid, the compensation is not paid again."""
        result = sanction_compensation(ZEEUWSE, D("1000"), 10, arbodienst_compensated=True)
        assert result.value == D("0.00")
        assert result.citations() == (Citation.seed("003", "2.7"),)

    def test_half_a_cent_rounds_up_once(self) -> None:
        """spec §1: 1 × 0.12 × 0.7 × 1.25 = 0.105 → 0.11 (half up, not half even)."""
        assert sanction_compensation(ZEEUWSE, D("0.12"), 1).value == D("0.11")

    def test_float_is_refused(self) -> None:
        """spec §1: a float never reaches a formula."""
        with pytest.raises(TypeError):
            sanction_compensation(ZEEUWSE, 1000.0, 10)  # type: ignore[arg-type]

    def test_bool_weeks_are_refused(self) -> None:
        """003 art. 2.7.1: TRUE is not a number of weeks."""
        with pytest.raises(TypeError):
            sanction_compensation(ZEEUWSE, D("1000"), True)

    @given(wage=fine_amounts(5000), weeks=st.integers(1, 52), costs=fine_amounts(20_000))
    def test_never_negative_and_at_least_the_approved_costs(
        self, wage: Decimal, weeks: int, costs: Decimal
    ) -> None:
        """003 art. 2.7.2: the compensation is ≥ 0 and includes the approved costs (within rounding)."""
        value = sanction_compensation(ZEEUWSE, wage, weeks, approved_costs=costs).value
        assert value >= costs - D("0.005")
        assert value >= 0

    @given(wage=cents(5000), more=cents(5000), weeks=st.integers(1, 51))
    def test_monotone_in_wage_and_weeks(self, wage: Decimal, more: Decimal, weeks: int) -> None:
        """003 art. 2.7.2: a higher wage or a longer sanction never lowers the compensation."""
        base = sanction_compensation(ZEEUWSE, wage, weeks).value
        assert sanction_compensation(ZEEUWSE, wage + more, weeks).value >= base
        assert sanction_compensation(ZEEUWSE, wage, weeks + 1).value >= base


class TestArbodienstNetting:
    def test_partial_payment_by_the_arbodienst_is_netted(self) -> None:
        """003 art. 2.7 "maar één keer": 10 weeks × 1000 × 70 % × 1.25 = 8750; the
        arbodienst's garantie paid 3000 of it, so we pay 5750 — not all or nothing."""
        result = sanction_compensation(ZEEUWSE, D("1000"), 10, arbodienst_paid=D("3000"))
        assert result.value == D("5750.00")
        assert Citation.seed("003", "2.7") in result.citations()

    def test_netting_never_goes_below_zero(self) -> None:
        """003 art. 2.7: an arbodienst that paid more than our compensation leaves 0."""
        assert sanction_compensation(ZEEUWSE, D("1000"), 10, arbodienst_paid=D("9000")).value == D(
            "0.00"
        )

    @given(paid=cents(20_000))
    def test_total_is_paid_once(self, paid: Decimal) -> None:
        """003 art. 2.7: what the arbodienst paid plus what we pay is max(paid, compensation)."""
        gross = sanction_compensation(ZEEUWSE, D("1000"), 10).value
        ours = sanction_compensation(ZEEUWSE, D("1000"), 10, arbodienst_paid=paid).value
        assert ours + paid == max(paid, gross)


D_CASE = SicknessCase.ongoing(date(2024, 1, 8))


def _conditions(**kwargs: object) -> SanctionConditionsCheck:
    arguments: dict[str, object] = {
        "decision_date": date(2025, 10, 1),
        "notified_on": date(2025, 10, 6),
        "guidance_from": date(2023, 1, 1),
    }
    arguments.update(kwargs)
    return sanction_conditions(ZEEUWSE, D_CASE, **arguments).value  # type: ignore[arg-type]


class TestSanctionConditions:
    """003 art. 2.7.3: the nine conditions, each decided from the dossier."""

    def test_all_nine_in_the_articles_order(self) -> None:
        """003 art. 2.7.3: nine rows in the article's order; a complete dossier meets all."""
        checks = _conditions().checks
        assert [c.key for c in checks] == [
            f.metadata["key"] for f in attrs.fields(SanctionConditions)
        ]
        assert all(c.met for c in checks)
        assert all(Citation.seed("003", "2.7.3") in c.citations for c in checks)

    def test_notice_uses_five_working_days(self) -> None:
        """003 art. 2.7.3 and decision §8 (Atw working days): decision Wednesday 1-10-2025,
        latest notice Wednesday 8-10-2025; a day later is not in time."""
        assert _conditions(notified_on=date(2025, 10, 8)).conditions.notified_in_time
        late = _conditions(notified_on=date(2025, 10, 9))
        assert not late.conditions.notified_in_time
        assert not late.all_met
        assert "08-10-2025" in late.checks[2].reason
        assert not _conditions(notified_on=None).conditions.notified_in_time

    def test_guarantee_withdrawn_from_the_event_log(self) -> None:
        """003 art. 2.7.3 (garantie niet ingetrokken) via the event log: a withdrawal for
        this employee before the decision makes condition 8 fail; for another employee not."""
        events = [Event(date=date(2025, 3, 1), kind=EventKind.GARANTIE_INGETROKKEN, employee="Jan")]
        assert not _conditions(events=events, employee="jan").conditions.guarantee_not_withdrawn
        assert _conditions(events=events, employee="Piet").conditions.guarantee_not_withdrawn

    def test_advice_not_followed_event_fails_condition_two(self) -> None:
        """003 art. 2.7.3: an event advies_niet_opgevolgd for the employee fails condition 2
        (and the garantie is vervallen, condition 8), whatever the dossier says."""
        events = [
            Event(date=date(2025, 2, 1), kind=EventKind.ADVIES_NIET_OPGEVOLGD, employee="Jan")
        ]
        result = _conditions(events=events, employee="Jan", advice_followed=True).conditions
        assert not result.advice_followed
        assert not result.guarantee_not_withdrawn

    @pytest.mark.parametrize(
        "kind", [EventKind.GARANTIE_INGETROKKEN, EventKind.ADVIES_NIET_OPGEVOLGD]
    )
    def test_events_before_the_case_do_not_count(self, kind: EventKind) -> None:
        """003 art. 2.7.3: only a withdrawal received "tijdens de verzuimperiode" counts; a
        withdrawal or refused advice of an earlier sickness (before the first sick day,
        8-1-2024) fails neither condition 8 nor condition 2."""
        before = [Event(date=date(2023, 3, 1), kind=kind, employee="Jan")]
        result = _conditions(events=before, employee="Jan").conditions
        assert result.guarantee_not_withdrawn
        assert result.advice_followed
        on_first_day = [Event(date=D_CASE.first_day, kind=kind, employee="Jan")]
        assert not _conditions(
            events=on_first_day, employee="Jan"
        ).conditions.guarantee_not_withdrawn

    def test_a_policy_withdrawal_before_the_case_does_not_count(self) -> None:
        """003 art. 2.7.3 "tijdens de verzuimperiode": also a policy-wide withdrawal received
        before the first sick day is no message received during this case."""
        before = [Event(date=date(2023, 12, 31), kind=EventKind.GARANTIE_INGETROKKEN)]
        check = _conditions(events=before, employee="Jan")
        assert check.conditions.guarantee_not_withdrawn
        assert "verzuimperiode" in check.checks[7].reason

    def test_events_after_the_decision_do_not_count(self) -> None:
        """003 art. 2.7.3: the verzuimperiode is judged up to the UWV decision (1-10-2025)."""
        after = [Event(date=date(2025, 10, 2), kind=EventKind.GARANTIE_INGETROKKEN)]
        assert _conditions(events=after).conditions.guarantee_not_withdrawn
        on = [Event(date=date(2025, 10, 1), kind=EventKind.GARANTIE_INGETROKKEN)]
        assert not _conditions(events=on).conditions.guarantee_not_withdrawn

    def test_guidance_from_the_first_sick_day(self) -> None:
        """003 art. 2.7.3: an arbodienst that started after the first sick day, or stopped
        before the end of wage continuation, did not guide the whole period."""
        assert not _conditions(guidance_from=date(2024, 2, 1)).conditions.guided_throughout
        assert not _conditions(guidance_until=date(2025, 6, 30)).conditions.guided_throughout
        assert _conditions(guidance_until=date(2026, 1, 5)).conditions.guided_throughout

    def test_dossier_facts(self) -> None:
        """003 art. 2.7.3: a fact given as not met fails its condition; empty is assumed met
        and says so; voluntary continuation of wages fails condition 9."""
        result = _conditions(mandate_given=False, voluntary_continuation=True)
        assert not result.conditions.mandate_given
        assert not result.conditions.no_voluntary_continuation
        assert result.checks[3].given is False
        assert "aangenomen" in result.checks[3].reason

    def test_feeds_the_compensation(self) -> None:
        """003 art. 2.7.3 → 2.7.2: the decided conditions are what sanction_compensation takes."""
        failing = _conditions(notified_on=date(2025, 10, 20)).conditions
        assert sanction_compensation(ZEEUWSE, D("1000"), 10, conditions=failing).value == D("0.00")

    def test_other_products_have_no_such_conditions(self) -> None:
        """003 art. 2.7.3 is De Zeeuwse's: another product is an error naming product."""
        with pytest.raises(NotApplicableError, match=r"^product: "):
            sanction_conditions(
                builtin_product("asr-reintegratiemanager"),
                D_CASE,
                decision_date=date(2025, 10, 1),
                notified_on=None,
                guidance_from=date(2023, 1, 1),
            )

    @pytest.mark.parametrize(
        ("changes", "argument"),
        [
            ({"decision_date": date(2023, 12, 1)}, "decision_date"),
            ({"notified_on": date(2025, 9, 1)}, "notified_on"),
            ({"guidance_until": date(2022, 1, 1)}, "guidance_until"),
        ],
    )
    def test_impossible_dates_name_the_argument(
        self, changes: dict[str, date], argument: str
    ) -> None:
        """003 art. 2.7.3: dates in an impossible order are errors naming the date to fix."""
        with pytest.raises(InvalidValueError, match=f"^{argument}: "):
            _conditions(**changes)


@given(
    decision=st.dates(date(2024, 2, 1), date(2027, 12, 31)),
    delay=st.integers(0, 20),
)
def test_notice_condition_is_the_notice_deadline(decision: date, delay: int) -> None:
    """003 art. 2.7.3 "binnen vijf werkdagen" (decision §8: Atw working days): condition 3
    holds exactly when the notice is on or before the deadline RI_UITERSTE_MELDING_SANCTIE
    computes — the one rule, used by both."""
    notified = decision + timedelta(days=delay)
    check = _conditions(decision_date=decision, notified_on=notified)
    assert check.conditions.notified_in_time is (
        notified <= sanction_notice_deadline(decision).value
    )


@given(
    withdrawn=st.dates(date(2022, 1, 1), date(2026, 12, 31)),
    kind=st.sampled_from([EventKind.GARANTIE_INGETROKKEN, EventKind.ADVIES_NIET_OPGEVOLGD]),
)
def test_only_events_in_the_verzuimperiode_count(withdrawn: date, kind: EventKind) -> None:
    """003 art. 2.7.3 "tijdens de verzuimperiode": condition 8 fails exactly when the event
    lies in the case's verzuimperiode, from the first sick day up to the UWV decision."""
    decision = date(2025, 10, 1)
    events = [Event(date=withdrawn, kind=kind, employee="Jan")]
    check = _conditions(events=events, decision_date=decision, employee="Jan")
    inside = D_CASE.first_day <= withdrawn <= decision
    assert check.conditions.guarantee_not_withdrawn is not inside
    if kind is EventKind.ADVIES_NIET_OPGEVOLGD:
        assert check.conditions.advice_followed is not inside
