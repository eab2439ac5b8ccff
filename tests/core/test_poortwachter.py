"""The Poortwachter timeline (spec/domain.md §3)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    CLOSED_CASE_CITATION,
    Absence,
    InvalidValueError,
    Milestone,
    Period,
    SicknessCase,
    merge_cases,
    milestone_date,
    milestone_days,
    next_milestone,
    relapse_prevention,
    remaining_weeks,
    timeline,
    weeks_of,
)
from tests.strategies import first_days, sick_period_chains


class TestWorkedExample:
    def test_domain_section_3_worked_example(self) -> None:
        """spec/domain.md §3 worked example: D = Mon 2025-01-06, one ongoing period."""
        expected = {
            Milestone.ONTZORGMANAGER: date(2025, 1, 13),
            Milestone.PROBLEEMANALYSE: date(2025, 2, 16),
            Milestone.PLAN_VAN_AANPAK: date(2025, 3, 2),
            Milestone.ZIEKMELDING_UWV: date(2025, 10, 27),
            Milestone.EERSTEJAARSEVALUATIE: date(2026, 1, 4),
            Milestone.UWV_WIA_BRIEF: date(2026, 9, 20),
            Milestone.REINTEGRATIEVERSLAG: date(2026, 10, 4),
            Milestone.WIA_AANVRAAG: date(2026, 10, 18),
            Milestone.EINDE_LOONDOORBETALING: date(2027, 1, 3),
            Milestone.START_WIA: date(2027, 1, 4),
        }
        entries = timeline(SicknessCase.ongoing(date(2025, 1, 6)))
        assert {e.milestone: e.value for e in entries} == expected


D = date(2025, 1, 6)
ONGOING = SicknessCase.ongoing(D)


class TestMilestones:
    def test_spec_example_merged_case(self) -> None:
        """excel-functions.md example: 19 interruption days shift the 42e-weekmelding to 15-11-2025."""
        case = merge_cases([Absence.sick(D, date(2025, 1, 31)), Absence.sick(date(2025, 2, 20))])[0]
        assert milestone_date(case, Milestone.ZIEKMELDING_UWV).value == date(2025, 11, 15)

    def test_plan_van_aanpak_from_probleemanalyse(self) -> None:
        """Regeling procesgang art. 4 lid 1; 000 art. 3.2: plan van aanpak = probleemanalyse + 14 days."""
        pva = milestone_date(ONGOING, Milestone.PLAN_VAN_AANPAK, date(2025, 2, 10))
        assert pva.value == date(2025, 2, 24)

    def test_loonsanctie_extends_wage_continuation(self) -> None:
        """BW 7:629 lid 11: 10 sanction weeks move the end of wage continuation by 70 days."""
        end = milestone_date(ONGOING, Milestone.EINDE_LOONDOORBETALING, None, 10)
        assert end.value == date(2027, 3, 14)
        assert milestone_date(ONGOING, Milestone.START_WIA, None, 10).value == date(2027, 3, 15)

    def test_53_sanction_weeks_is_an_error(self) -> None:
        """BW 7:629 lid 11: a loonsanctie lasts at most 52 weeks; more is an error."""
        with pytest.raises(InvalidValueError, match="52"):
            milestone_date(ONGOING, Milestone.EINDE_LOONDOORBETALING, None, 53)
        with pytest.raises(InvalidValueError):
            milestone_date(ONGOING, Milestone.EINDE_LOONDOORBETALING, None, -1)

    def test_closed_case_is_not_applicable(self) -> None:
        """Domain §2: a closed case that never reaches week 42 has no 42e-weekmelding (n.v.t.)."""
        case = merge_cases([Absence.sick(D, date(2025, 3, 1))])[0]
        assert milestone_date(case, Milestone.PROBLEEMANALYSE).value == date(2025, 2, 16)
        assert milestone_date(case, Milestone.ZIEKMELDING_UWV).value is None

    def test_leap_year_case(self) -> None:
        """D = 2024-01-01: the 42e-weekmelding is D + 294 = 2024-10-21 across 29 February."""
        case = SicknessCase.ongoing(date(2024, 1, 1))
        assert milestone_date(case, Milestone.ZIEKMELDING_UWV).value == date(2024, 10, 21)

    def test_explanation_cites_the_statute(self) -> None:
        """Ziektewet art. 38 lid 1 and 000 art. 1.4 ground the 42e-weekmelding."""
        explained = milestone_date(ONGOING, Milestone.ZIEKMELDING_UWV).explain()
        cited = {str(c) for c in explained.citations()}
        assert "Ziektewet art. 38 lid 1" in cited
        assert "a.s.r. Re-integratie art. 1.4" in cited

    def test_timeline_is_in_date_order(self) -> None:
        """RI_TIJDLIJN lists milestones in date order; not-applicable ones last."""
        case = merge_cases([Absence.sick(D, date(2025, 3, 1))])[0]
        entries = timeline(case)
        dated = [e.value for e in entries if e.value is not None]
        assert dated == sorted(dated)
        assert [e.value for e in entries][-1] is None


class TestRemainingWeeks:
    @given(st.integers(-2000, 5000))
    def test_weeks_of_is_days_over_seven_to_the_cent(self, days: int) -> None:
        """BW 7:629 lid 1: weeks = days / 7, rounded half up to two decimals (the table of
        0 … 1092 days and the formula beyond it agree)."""
        expected = (Decimal(days) / 7).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        assert weeks_of(days) == expected
        assert str(weeks_of(days)) == str(expected)

    def test_weeks_left(self) -> None:
        """BW 7:629 lid 1: from 2026-01-01 to 2027-01-03 are 367 days = 52.43 weeks."""
        assert remaining_weeks(SicknessCase.ongoing(D), date(2026, 1, 1)).value == Decimal("52.43")

    def test_never_negative(self) -> None:
        """After the end of wage continuation no weeks remain."""
        assert remaining_weeks(SicknessCase.ongoing(D), date(2030, 1, 1)).value == 0

    def test_closed_short_case_is_not_applicable(self) -> None:
        """A closed case that never reaches week 104 has no remaining wage continuation."""
        case = merge_cases([Absence.sick(D, date(2025, 3, 1))])[0]
        assert remaining_weeks(case, date(2025, 2, 1)).value is None

    def test_before_the_first_sick_day_all_weeks_remain(self) -> None:
        """BW 7:629 lid 1, 11: before D nothing is used: 104 + s weeks remain, not the
        calendar days from the peildatum (was 150.43 for a peildatum 46 weeks early)."""
        case = SicknessCase.ongoing(D)
        early = D - timedelta(days=322)
        assert remaining_weeks(case, early).value == Decimal("104.00")
        assert remaining_weeks(case, early, 5).value == Decimal("109.00")
        assert remaining_weeks(case, D - timedelta(days=1)).value == Decimal("104.00")
        assert remaining_weeks(case, D).value == Decimal("103.86")

    def test_interruptions_are_not_wage_continuation(self) -> None:
        """BW 7:629 lid 1, 10 (domain §2): with samentelling only sick days count; the 27
        days of interruption after the peildatum are not weeks of wage continuation left
        (they were: 107.71 weeks on D)."""
        case = merge_cases([Absence.sick(D, date(2025, 1, 31)), Absence.sick(date(2025, 2, 28))])[0]
        assert case.interruption_days() == 27
        # sick days 06-01 … 31-01 (26), then 28-02 onwards: 26 used at 31-01
        assert remaining_weeks(case, date(2025, 1, 31)).value == weeks_of(728 - 26)
        assert remaining_weeks(case, date(2025, 2, 15)).value == weeks_of(728 - 26)
        assert remaining_weeks(case, D - timedelta(days=1)).value == Decimal("104.00")
        end = milestone_date(case, Milestone.EINDE_LOONDOORBETALING).value
        assert end is not None
        assert remaining_weeks(case, end - timedelta(days=7)).value == Decimal("1.00")

    def test_sanction_weeks_are_calendar_weeks_after_week_104(self) -> None:
        """BW 7:629 lid 11: the loonsanctie adds s calendar weeks after the 728th sick day."""
        case = SicknessCase.ongoing(D)
        end = milestone_date(case, Milestone.EINDE_LOONDOORBETALING, None, 3).value
        assert end is not None
        assert remaining_weeks(case, end - timedelta(days=14), 3).value == Decimal("2.00")

    @given(sick_period_chains(max_gap=27), st.integers(-800, 1600), st.integers(0, 52))
    def test_between_zero_and_the_whole_entitlement(
        self, absences: list[Absence], offset: int, sanction: int
    ) -> None:
        """BW 7:629 lid 1, 11: 0 ≤ remaining weeks ≤ 104 + s, for any peildatum."""
        case = merge_cases(absences)[-1]
        reference = case.first_day + timedelta(days=offset)
        value = remaining_weeks(case, reference, sanction).value
        assert value is None or Decimal(0) <= value <= 104 + sanction

    @given(
        sick_period_chains(max_gap=27),
        st.integers(-800, 1600),
        st.integers(1, 400),
        st.integers(0, 52),
    )
    def test_non_increasing_in_the_peildatum(
        self, absences: list[Absence], offset: int, later: int, sanction: int
    ) -> None:
        """BW 7:629 lid 1: a later peildatum never has more wage continuation left."""
        case = merge_cases(absences)[-1]
        reference = case.first_day + timedelta(days=offset)
        first = remaining_weeks(case, reference, sanction).value
        second = remaining_weeks(case, reference + timedelta(days=later), sanction).value
        assert first is None or second is None or second <= first
        assert (first is None) == (second is None)

    @given(sick_period_chains(max_gap=27), st.integers(0, 1600), st.integers(0, 52))
    def test_one_ongoing_period_is_the_calendar_days_to_the_end(
        self, absences: list[Absence], offset: int, sanction: int
    ) -> None:
        """domain §3: for one ongoing period from D on, the weeks are (end − peildatum) / 7."""
        case = SicknessCase.ongoing(absences[0].period.start)
        reference = case.first_day + timedelta(days=offset - 1)
        decided = remaining_weeks(case, reference, sanction)
        assert decided.end is not None
        assert decided.value == weeks_of(max(0, (decided.end - reference).days))


class TestTerugvalpreventie:
    def test_long_absence(self) -> None:
        """002 (terugvalpreventie): sick longer than 3 months → contact 6 months after recovery."""
        assert relapse_prevention(D, date(2025, 5, 1)).value == date(2025, 11, 1)

    def test_exactly_three_months_is_not_longer(self) -> None:
        """002: recovery on D + 3 months is not 'longer than 3 months': not applicable."""
        assert relapse_prevention(D, date(2025, 4, 6)).value is None
        assert relapse_prevention(D, date(2025, 4, 7)).value == date(2025, 10, 7)

    def test_recovery_before_sickness_is_an_error(self) -> None:
        """A recovery date on or before the first sick day is refused."""
        with pytest.raises(InvalidValueError):
            relapse_prevention(D, D)

    def test_the_decision_explains_the_rule_it_applied(self) -> None:
        """002: the record keeps the dates it compared; its explanation renders the rule that
        applied (contact, or none) from them, with the three- and six-month parameters."""
        long = relapse_prevention(D, date(2025, 5, 1)).explain()
        assert long.value == date(2025, 11, 1)
        (ground,) = long.grounds
        assert ground.rule == "langer dan 3 maanden ziek: contact 6 maanden na herstel"
        assert ("eerste_ziektedag", D) in ground.parameters
        assert ("hersteldatum", date(2025, 5, 1)) in ground.parameters
        short = relapse_prevention(D, date(2025, 2, 1)).explain()
        assert short.value is None
        assert [g.rule for g in short.grounds] == [
            "niet langer dan 3 maanden ziek: geen terugvalpreventie"
        ]

    def test_a_case_of_several_periods_adds_its_grounds(self) -> None:
        """Domain §8.1: measured from the case's first day; a case of several periods
        explains why they are one case (samentelling) before the rule."""
        case = merge_cases([Absence.sick(D, date(2025, 3, 1)), Absence.sick(date(2025, 3, 20))])[0]
        explained = relapse_prevention(D, date(2025, 5, 1), case).explain()
        assert explained.grounds[: len(case.grounds())] == case.grounds()
        assert explained.grounds[-1].rule_id == "relapse_prevention"
        alone = SicknessCase((Period(D),))
        assert len(relapse_prevention(D, date(2025, 5, 1), alone).explain().grounds) == 1


class TestSignal:
    def test_next_milestone_within_horizon(self) -> None:
        """Domain §3 signal: probleemanalyse on 16-02-2025 is 6 days after 10-02-2025."""
        signal = next_milestone(ONGOING, date(2025, 2, 10)).value
        assert signal is not None
        assert (signal.milestone, signal.days_left, signal.due) == (
            Milestone.PROBLEEMANALYSE,
            6,
            True,
        )

    def test_outside_horizon_is_not_due(self) -> None:
        """A milestone 20 days away is not due within the default 14-day horizon."""
        signal = next_milestone(ONGOING, date(2025, 1, 27)).value
        assert signal is not None
        assert signal.days_left == 20
        assert not signal.due

    def test_nothing_left(self) -> None:
        """After start_wia there is no next milestone."""
        assert next_milestone(ONGOING, date(2030, 1, 1)).value is None


class TestProperties:
    @given(first_days, st.integers(1, 104))
    def test_end_of_week_n(self, first: date, weeks: int) -> None:
        """Domain §2: for one ongoing period, the end of week N is D + 7N − 1."""
        assert SicknessCase.ongoing(first).day(7 * weeks) == first + timedelta(days=7 * weeks - 1)

    @given(
        first_days,
        st.integers(1, 27),
        st.sampled_from([7, 8, 41, 42, 55, 56, 293, 294, 295, 727, 728, 729]) | st.integers(1, 800),
    )
    def test_interruption_shifts_every_later_milestone(
        self, first: date, gap: int, length: int
    ) -> None:
        """BW 7:629 lid 10: an interruption of g < 28 days shifts by g days every milestone
        whose counted day (domain §3) lies after it. The 42e-weekmelding and start_wia are
        the day after their counted day (294, 728): when that is the last day before the
        interruption, they fall on its first day, unshifted."""
        last = first + timedelta(days=length - 1)
        split = merge_cases(
            [Absence.sick(first, last), Absence.sick(last + timedelta(days=gap + 1))]
        )[0]
        whole = SicknessCase.ongoing(first)
        for milestone in Milestone:
            before = milestone_date(whole, milestone).value
            after = milestone_date(split, milestone).value
            assert before is not None
            assert after is not None
            day_after = milestone in {Milestone.ZIEKMELDING_UWV, Milestone.START_WIA}
            counted_day = before - timedelta(days=1) if day_after else before
            if counted_day > last:
                assert after - before == timedelta(days=gap)
            else:
                assert after == before

    @given(sick_period_chains(), st.integers(0, 52), st.data())
    def test_milestone_days_walks_once_to_the_same_dates(
        self, periods: list[Absence], sanction: int, data: st.DataObject
    ) -> None:
        """milestone_days (one walk over the periods for all ten milestones, any case: open
        or closed, one period or more) gives milestone_date's date of each milestone."""
        case = merge_cases(periods)[-1]
        analysed = data.draw(st.none() | st.dates(case.first_day, case.first_day + timedelta(400)))
        expected = [milestone_date(case, m, analysed, sanction).value for m in Milestone]
        days = milestone_days(case, analysed, sanction)
        assert days == [None if d is None else d.toordinal() for d in expected]

    def test_milestone_days_past_the_date_range_names_the_milestone(self) -> None:
        """A multi-period case whose milestones fall past 9999-12-31: the error of the first
        such milestone (in Milestone order), as milestone_date gives it."""
        case = merge_cases(
            [Absence.sick(date(9998, 1, 1), date(9998, 1, 1)), Absence.sick(date(9998, 1, 3))]
        )[-1]
        messages = []
        for milestone in Milestone:
            try:
                milestone_date(case, milestone, None, 52)
            except InvalidValueError as exc:
                messages.append(str(exc))
        assert messages  # the case does reach past the date range
        with pytest.raises(InvalidValueError) as raised:
            milestone_days(case, None, 52)
        assert str(raised.value) == messages[0]

    @given(sick_period_chains(open_last=True), st.integers(0, 52))
    def test_milestones_are_in_order(self, periods: list[Absence], sanction: int) -> None:
        """The ten milestones of an ongoing case follow the statutory order."""
        case = merge_cases(periods)[-1]
        dates = [milestone_date(case, m, None, sanction).value for m in Milestone]
        assert all(d is not None for d in dates)
        assert dates == sorted(dates)  # type: ignore[type-var]

    @given(first_days, st.integers(1, 800), st.sampled_from(list(Milestone)), st.integers(0, 52))
    def test_splitting_a_period_without_interruption_changes_nothing(
        self, first: date, length: int, milestone: Milestone, s: int
    ) -> None:
        """BW 7:629 lid 10: one ongoing period, or the same days as two periods with no day
        between them, are the same case with the same milestones (D + offset = the walk)."""
        split_at = first + timedelta(days=length)
        split = SicknessCase((Period(first, split_at), Period(split_at)))
        assert (
            milestone_date(SicknessCase.ongoing(first), milestone, None, s).value
            == milestone_date(split, milestone, None, s).value
        )

    @given(first_days, st.integers(0, 52), st.integers(-30, 800))
    def test_signal_is_the_earliest_milestone_on_or_after_the_reference(
        self, first: date, s: int, offset: int
    ) -> None:
        """Domain §3: the signal is the earliest of the timeline's dates on or after p."""
        case = SicknessCase.ongoing(first)
        reference = first + timedelta(days=offset)
        upcoming = [e for e in timeline(case, None, s) if e.value and e.value >= reference]
        signal = next_milestone(case, reference, None, None, s).value
        if not upcoming:
            assert signal is None
        else:
            assert signal is not None
            assert (signal.milestone, signal.date) == (upcoming[0].milestone, upcoming[0].value)


#: domain §8.1 "a closed case with a known probleemanalyse date"; issue 13 bug 2.
CLOSED = merge_cases([Absence.sick(D, date(2025, 2, 24))])[0]


class TestClosedCaseWithKnownProbleemanalyse:
    def test_plan_van_aanpak_is_not_applicable_with_the_date(self) -> None:
        """Domain §8.1; Regeling procesgang art. 4 lid 1: the closed case 06-01…24-02-2025 never
        reaches the plan van aanpak (16-02 + 14 = 02-03): n.v.t., as without the date."""
        with_date = milestone_date(CLOSED, Milestone.PLAN_VAN_AANPAK, date(2025, 2, 16))
        without = milestone_date(CLOSED, Milestone.PLAN_VAN_AANPAK)
        assert with_date.value is None
        assert without.value is None
        assert CLOSED_CASE_CITATION in with_date.explain().citations()

    def test_plan_van_aanpak_within_the_case_keeps_its_date(self) -> None:
        """Domain §8.1; Regeling procesgang art. 4 lid 1: a plan van aanpak due while still sick
        (probleemanalyse 01-02 + 14 = 15-02 ≤ 24-02) keeps its date."""
        pva = milestone_date(CLOSED, Milestone.PLAN_VAN_AANPAK, date(2025, 2, 1))
        assert pva.value == date(2025, 2, 15)

    def test_no_signal_for_a_recovered_employee(self) -> None:
        """Domain §8.1: no signal for an employee who recovered before the peildatum, with or
        without a known probleemanalyse (Regeling procesgang art. 4 lid 1)."""
        for probleemanalyse in (None, date(2025, 2, 16)):
            signal = next_milestone(CLOSED, date(2025, 2, 25), None, probleemanalyse)
            assert signal.value is None
            assert CLOSED_CASE_CITATION in signal.explain().citations()

    def test_no_plan_van_aanpak_signal_before_recovery(self) -> None:
        """Domain §8.1: while still sick (20-02), the closed case signals no plan van aanpak it
        never reaches (Regeling procesgang art. 4 lid 1)."""
        signal = next_milestone(CLOSED, date(2025, 2, 20), None, date(2025, 2, 16))
        assert signal.value is None

    def test_probleemanalyse_before_the_first_sick_day_is_an_error(self) -> None:
        """Domain §8.1; Regeling procesgang art. 2 lid 2: a probleemanalyse before the first sick
        day is an error naming datum_probleemanalyse."""
        with pytest.raises(InvalidValueError, match=r"^probleemanalyse: "):
            milestone_date(CLOSED, Milestone.PLAN_VAN_AANPAK, date(2025, 1, 5))
        with pytest.raises(InvalidValueError, match=r"^probleemanalyse: "):
            next_milestone(ONGOING, D, None, date(2025, 1, 5))

    @given(sick_period_chains(open_last=False), st.data())
    def test_a_closed_case_has_no_milestone_after_recovery_by_probleemanalyse(
        self, periods: list[Absence], data: st.DataObject
    ) -> None:
        """Domain §8.1: with a known probleemanalyse, a closed case's plan van aanpak lies
        within the case or is n.v.t. (Regeling procesgang art. 4 lid 1)."""
        case = merge_cases(periods)[-1]
        last = case.last_day
        assert last is not None
        pa = data.draw(st.dates(min_value=case.first_day, max_value=last + timedelta(days=40)))
        value = milestone_date(case, Milestone.PLAN_VAN_AANPAK, pa).value
        assert value is None or value <= last
