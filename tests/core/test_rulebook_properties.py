"""Invariants the rulebook states or implies that the other property tests did not check.

Each test cites the section of ``spec/domain.md`` or ``financieel.md`` (and the article
behind it) whose rule it states; the formulas are computed as the rulebook writes them.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    PREVENTION_CAP,
    PREVENTION_CAP_WGA_WIA,
    REINTEGRATION_CAP,
    REINTEGRATION_CAP_WGA_WIA,
    Absence,
    EntitlementState,
    Event,
    InvalidPeriodError,
    InvalidValueError,
    Milestone,
    SicknessCase,
    add_months,
    add_working_days,
    declaration_deadline,
    entitlement_statuses,
    equated_days,
    feestdagen,
    format_date,
    is_working_day,
    merge_cases,
    milestone_date,
    next_milestone,
    payment_deadline,
    plan_van_aanpak_deadline,
    product_rules,
    relapse_prevention,
    remaining_weeks,
    sanction_notice_deadline,
    timeline,
)
from reintegratie_core.compensation import (
    BudgetKind,
    Declaration,
    WagePeriod,
    budget_balances,
    budget_cases,
    cost_benefit_contribution,
    prevention_budget,
    prorated_fee,
    reintegration_budget,
    sanction_compensation,
    third_party_settlement,
    weekly_wage,
)
from reintegratie_core.financial import (
    classify,
    lgu_duration,
    rates_on,
    wage_continuation,
    wia_wage,
)
from reintegratie_core.products import (
    ASR_REINTEGRATIE,
    ZEEUWSE_PRB,
    Product,
    TerminationReason,
    builtin_product,
    guidance_continues,
)
from tests.core.strategies_compensation import cents, fine_amounts, sick_periods
from tests.core.strategies_entitlements import event_dates, product_logs, scopes
from tests.strategies import first_days, sick_period_chains

ZEEUWSE = builtin_product("zeeuwse-prb")

#: Dates in the years the Atw calendar covers with feestdagen and equated days.
atw_dates = st.dates(min_value=date(1966, 1, 1), max_value=date(2099, 12, 31))


def _closed_by_definition(day: date) -> bool:
    """Atw art. 3 lid 1-3 read directly: a weekend day, a feestdag or a gelijkgestelde dag."""
    equated = {e.day for e in equated_days(day.year)}
    return day.weekday() >= 5 or day in feestdagen(day.year) or day in equated


class TestWorkingDays:
    @given(atw_dates)
    def test_a_working_day_is_exactly_a_weekday_that_is_no_feestdag_nor_equated(
        self, day: date
    ) -> None:
        """Domain §1, §8.1 (Atw art. 3 lid 1-3): a working day is Monday–Friday, no feestdag
        and no day a Koninklijk Besluit equates with one."""
        assert is_working_day(day) == (not _closed_by_definition(day))

    @given(atw_dates, st.integers(-400, 400).filter(bool))
    def test_a_count_of_working_days_never_lands_on_a_closed_day(
        self, start: date, days: int
    ) -> None:
        """Domain §1, §8.1: n ≠ 0 working days from any date is never a weekend day, a
        feestdag or a gelijkgestelde dag."""
        assert not _closed_by_definition(add_working_days(start, days))

    @given(atw_dates, st.integers(0, 60), st.integers(-200, 200), st.integers(1, 30))
    def test_monotone_in_the_start_and_strictly_in_the_count(
        self, start: date, later: int, days: int, more: int
    ) -> None:
        """Domain §1: a later start never gives an earlier date, and one working day more
        always gives a later one."""
        assert add_working_days(start, days) <= add_working_days(
            start + timedelta(days=later), days
        )
        assert add_working_days(start, days) < add_working_days(start, days + more)

    @given(atw_dates)
    def test_sanction_notice_is_exactly_five_working_days(self, decision: date) -> None:
        """Domain §5, §8 ("binnen vijf werkdagen", ``003`` art. 2.7.3): exactly five working
        days lie after the UWV decision up to and including the notice deadline."""
        deadline = sanction_notice_deadline(decision).value
        span = (deadline - decision).days
        between = [decision + timedelta(days=i) for i in range(1, span + 1)]
        assert sum(not _closed_by_definition(d) for d in between) == 5
        assert not _closed_by_definition(deadline)


class TestCountedDays:
    @given(sick_period_chains(max_gap=40), st.integers(-30, 1200))
    def test_counted_days_never_exceed_the_calendar_days(
        self, periods: list[Absence], offset: int
    ) -> None:
        """Domain §2 (BW 7:629 lid 10): only sick days count, so the counted days up to p lie
        in 0 … p − D + 1, and from one day to the next they grow by one exactly on a sick
        day."""
        case = merge_cases(periods)[-1]
        until = case.first_day + timedelta(days=offset)
        counted = case.counted_days(until)
        assert 0 <= counted <= max(0, offset + 1)
        following = until + timedelta(days=1)
        step = case.counted_days(following) - counted
        assert step == int(any(p.contains(following) for p in case.periods))

    @given(sick_period_chains(), st.integers(1, 800), st.integers(1, 200))
    def test_day_n_is_strictly_increasing_in_n(
        self, periods: list[Absence], n: int, more: int
    ) -> None:
        """Domain §2: the (n + k)-th counted day comes after the n-th; a closed case that has
        no day n has no later day either."""
        case = merge_cases(periods)[-1]
        earlier, later = case.day(n), case.day(n + more)
        if earlier is None:
            assert later is None
        elif later is not None:
            assert earlier < later

    @given(sick_period_chains(max_gap=40))
    def test_merging_is_idempotent(self, periods: list[Absence]) -> None:
        """Domain §2 (samentelling, BW 7:629 lid 10): merging the periods of the cases again
        gives the same cases, all at once or one case at a time."""
        cases = merge_cases(periods)
        again = [Absence.sick(p.start, p.last) for case in cases for p in case.periods]
        assert merge_cases(again) == cases
        for case in cases:
            alone = [Absence.sick(p.start, p.last) for p in case.periods]
            assert merge_cases(alone) == (case,)


#: Domain §3: the counted sick day each milestone is set from (end of week N = day 7N; the
#: 42e-weekmelding and start_wia are the day after day 294 and day 728).
COUNTED_DAY = {
    Milestone.ONTZORGMANAGER: 8,
    Milestone.PROBLEEMANALYSE: 42,
    Milestone.PLAN_VAN_AANPAK: 56,
    Milestone.ZIEKMELDING_UWV: 294,
    Milestone.EERSTEJAARSEVALUATIE: 364,
    Milestone.UWV_WIA_BRIEF: 623,
    Milestone.REINTEGRATIEVERSLAG: 637,
    Milestone.WIA_AANVRAAG: 651,
    Milestone.EINDE_LOONDOORBETALING: 728,
    Milestone.START_WIA: 728,
}


#: Sick days before a break: around the counted days of the milestones, or any.
counted_days_near_milestones = st.sampled_from(
    sorted({d + k for d in COUNTED_DAY.values() for k in (-1, 0, 1)})
) | st.integers(1, 800)


class TestWazoBridge:
    @given(first_days, counted_days_near_milestones, st.integers(1, 400), st.integers(1, 800))
    def test_leave_of_any_length_bridges_and_shifts_later_days_by_its_length(
        self, first: date, before: int, leave: int, n: int
    ) -> None:
        """Domain §2 (BW 7:629 lid 10, WAZO art. 3:1): sickness directly before and after
        pregnancy/maternity leave is one case whatever the leave's length (also 28 days or
        more); leave days are not counted, so each later sick day, and each milestone whose
        counted day (§3) comes after the leave, moves by exactly the leave's length. The
        42e-weekmelding and start_wia are the day after their counted day (294, 728): when
        that day is the last before the leave, they fall on the leave's first day."""
        leave_first = first + timedelta(days=before)
        after = leave_first + timedelta(days=leave)
        (case,) = merge_cases(
            [
                Absence.sick(first, leave_first - timedelta(days=1)),
                Absence.leave(leave_first, after - timedelta(days=1)),
                Absence.sick(after),
            ]
        )
        whole = SicknessCase.ongoing(first)
        shift = timedelta(days=leave if n > before else 0)
        assert case.day(n) == first + timedelta(days=n - 1) + shift
        for milestone in Milestone:
            plain = milestone_date(whole, milestone).value
            bridged = milestone_date(case, milestone).value
            assert plain is not None
            moved = COUNTED_DAY[milestone] > before
            assert bridged == (plain + timedelta(days=leave) if moved else plain)


class TestOverlap:
    @given(first_days, st.integers(0, 200), st.integers(0, 200), st.none() | st.integers(0, 300))
    def test_overlapping_periods_are_an_error_naming_both(
        self, first: date, length: int, into: int, second_length: int | None
    ) -> None:
        """Domain §2: periods must not overlap; the error names both periods (whatever the
        order of the rows)."""
        last = first + timedelta(days=length)
        other_first = first + timedelta(days=min(into, length))
        other_last = None if second_length is None else other_first + timedelta(days=second_length)
        rows = [Absence.sick(first, last), Absence.sick(other_first, other_last)]
        for ordered in (rows, rows[::-1]):
            with pytest.raises(InvalidPeriodError) as raised:
                merge_cases(ordered)
            message = str(raised.value)
            assert format_date(first) in message
            assert format_date(other_first) in message


def _dates(case: SicknessCase, sanction: int) -> list[date | None]:
    return [milestone_date(case, m, None, sanction).value for m in Milestone]


class TestMilestoneOrder:
    @given(sick_period_chains(max_gap=27), st.integers(0, 52))
    def test_reached_milestones_are_a_prefix_in_strictly_increasing_order(
        self, periods: list[Absence], sanction: int
    ) -> None:
        """Domain §3: the milestones lie at strictly increasing counted days (8, 42, 56, 294,
        364, 623, 637, 651, 728, 728 + 1), so their dates strictly increase; a closed case
        reaches a first part of them and the rest are n.v.t. (domain §2)."""
        case = merge_cases(periods)[-1]
        dates = _dates(case, sanction)
        reached = [d for d in dates if d is not None]
        assert dates[: len(reached)] == reached
        assert all(a < b for a, b in itertools.pairwise(reached))
        if case.is_open:
            assert len(reached) == len(dates)

    @given(sick_period_chains(max_gap=27), st.integers(0, 52))
    def test_a_sanction_moves_only_the_end_and_the_start_of_the_wia(
        self, periods: list[Absence], sanction: int
    ) -> None:
        """Domain §3 (BW 7:629 lid 11; WIA art. 23, 25 lid 9): s sanction weeks move
        einde_loondoorbetaling by 7·s days, start_wia is always the day after it, and no
        other milestone moves."""
        case = merge_cases(periods)[-1]
        plain, sanctioned = _dates(case, 0), _dates(case, sanction)
        moved = {Milestone.EINDE_LOONDOORBETALING, Milestone.START_WIA}
        for milestone, before, after in zip(Milestone, plain, sanctioned, strict=True):
            if milestone in moved and before is not None:
                assert after == before + timedelta(days=7 * sanction)
            else:
                assert after == before
        end, start = sanctioned[-2], sanctioned[-1]
        assert (end is None) == (start is None)
        if end is not None:
            assert start == end + timedelta(days=1)

    @given(first_days, st.none() | st.integers(1, 200))
    def test_the_probleemanalyse_on_its_own_date_changes_no_plan_van_aanpak(
        self, first: date, length: int | None
    ) -> None:
        """Domain §3, §8.1 (Regeling procesgang art. 2 lid 2, 4 lid 1): for one sick period,
        giving the probleemanalyse on its due date (end of week 6) gives the plan van aanpak
        of the end of week 8, n.v.t. alike when the case ends before it."""
        last = None if length is None else first + timedelta(days=length - 1)
        (case,) = merge_cases([Absence.sick(first, last)])
        analysed = milestone_date(case, Milestone.PROBLEEMANALYSE).value
        without = milestone_date(case, Milestone.PLAN_VAN_AANPAK).value
        if analysed is None:
            assert without is None
        else:
            assert milestone_date(case, Milestone.PLAN_VAN_AANPAK, analysed).value == without

    @given(sick_period_chains(max_gap=27), st.integers(0, 52))
    def test_no_wage_continuation_remains_at_its_end(
        self, periods: list[Absence], sanction: int
    ) -> None:
        """Domain §3 (BW 7:629 lid 1, 11): on einde_loondoorbetaling no weeks remain, and
        one day earlier one day does."""
        case = merge_cases(periods)[-1]
        end = milestone_date(case, Milestone.EINDE_LOONDOORBETALING, None, sanction).value
        if end is None:
            return
        assert remaining_weeks(case, end, sanction).value == 0
        day_before = remaining_weeks(case, end - timedelta(days=1), sanction).value
        assert day_before is not None
        assert 0 < day_before <= 1


class TestRemainingWageContinuation:
    @given(sick_period_chains(max_gap=27), st.integers(-10, 1200), st.integers(0, 52))
    def test_one_day_later_uses_one_day_exactly_on_a_day_of_wage_continuation(
        self, periods: list[Absence], offset: int, sanction: int
    ) -> None:
        """Domain §3 (BW 7:629 lid 1, 10, 11): from one peildatum to the next, one day of
        wage continuation is used when that day is a sick day of the 104 weeks or a day of
        the loonsanctie after them; an interruption day or a day after the end uses none."""
        case = merge_cases(periods)[-1]
        reference = case.first_day + timedelta(days=offset)
        today = remaining_weeks(case, reference, sanction)
        tomorrow = remaining_weeks(case, reference + timedelta(days=1), sanction)
        if today.value is None or tomorrow.value is None:
            assert today.value is tomorrow.value is None
            return
        used = round((today.value - tomorrow.value) * 7)
        day = reference + timedelta(days=1)
        week_104 = case.day(728)
        end = today.end
        assert week_104 is not None
        assert end is not None
        sick = any(p.contains(day) for p in case.periods)
        assert used == int(day <= end and (sick or day > week_104))


class TestSignal:
    @given(sick_period_chains(max_gap=27), st.integers(0, 52), st.integers(0, 60), st.data())
    def test_signal_is_the_earliest_timeline_date_on_or_after_the_reference(
        self, periods: list[Absence], sanction: int, horizon: int, data: st.DataObject
    ) -> None:
        """Domain §3, §8.1: for any case (several periods, open or closed, with or without a
        known probleemanalyse) the signal is the earliest timeline date on or after p, with
        days_left = date − p ≥ 0 and due exactly when days_left ≤ horizon; none once the
        employee has recovered (p after the last sick day)."""
        case = merge_cases(periods)[-1]
        start = case.first_day
        analysed = data.draw(st.none() | st.dates(start, start + timedelta(days=300)))
        reference = start + timedelta(days=data.draw(st.integers(-30, 800)))
        signal = next_milestone(case, reference, horizon, analysed, sanction).value
        last = case.last_day
        if last is not None and reference > last:
            assert signal is None
            return
        upcoming = [
            e
            for e in timeline(case, analysed, sanction)
            if e.value is not None and e.value >= reference
        ]
        if not upcoming:
            assert signal is None
            return
        assert signal is not None
        assert (signal.milestone, signal.date) == (upcoming[0].milestone, upcoming[0].value)
        assert signal.days_left == (signal.date - reference).days >= 0
        assert signal.due == (signal.days_left <= horizon)


class TestTerugvalpreventie:
    @given(first_days, st.integers(1, 400), st.integers(0, 200))
    def test_contact_after_a_long_absence_only_and_six_months_after_recovery(
        self, first: date, sick: int, later: int
    ) -> None:
        """Domain §3 (``002`` terugvalpreventie): contact exactly when recovery is after
        D + 3 months, six months (181 … 184 days) after recovery; a later recovery never
        loses the contact nor brings it earlier."""
        recovery = first + timedelta(days=sick)
        contact = relapse_prevention(first, recovery).value
        assert (contact is None) == (recovery <= add_months(first, 3))
        if contact is not None:
            assert 181 <= (contact - recovery).days <= 184
            further = relapse_prevention(first, recovery + timedelta(days=later)).value
            assert further is not None
            assert further >= contact


class TestBudgetLedger:
    @given(sick_periods(), st.booleans(), st.data())
    def test_the_ledger_pays_the_declared_total_up_to_the_cap(
        self, absences: list[Absence], wga: bool, data: st.DataObject
    ) -> None:
        """Domain §6, §8.1 (``003`` art. 2.5.1, 2.6.1): declaration by declaration,
        min(costs, cap − already paid) adds up, per ziektegeval and for the threatened case,
        to min(Σ declared, cap) — never more than declared, never more than the cap."""
        first = absences[0].period.start
        declarations = data.draw(
            st.lists(
                st.builds(
                    Declaration,
                    day=st.dates(first, first + timedelta(days=600)),
                    kind=st.sampled_from(BudgetKind),
                    amount=cents(3000),
                ),
                max_size=10,
            )
        )
        starts = [case.first_day for case in budget_cases(absences)]
        declared: dict[date | None, Decimal] = dict.fromkeys(starts, Decimal(0))
        for d in declarations:
            if d.kind is BudgetKind.PREVENTIE:
                declared[None] = declared.get(None, Decimal(0)) + d.amount
            else:
                declared[max(s for s in starts if s <= d.day)] += d.amount
        balances = budget_balances(ZEEUWSE, absences, declarations, with_wga_or_wia=wga).value
        assert [b.first_day for b in balances] == list(declared)
        for balance in balances:
            assert balance.reimbursed == min(declared[balance.first_day], balance.cap)


def _cents(amount: Decimal) -> Decimal:
    """Domain §1: once, at the result, half up to cents (EC Reg. 1103/97 art. 5)."""
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class TestFormulasAsStated:
    """Domain §6: each formula, computed as the rulebook writes it and rounded once, equals
    the library's result for any amounts (sub-cent inputs included: no rounding between
    steps)."""

    @given(fine_amounts(3000), fine_amounts(1500), st.booleans())
    def test_preventiebudget(self, costs: Decimal, already: Decimal, wga: bool) -> None:
        """Domain §6 (``003`` art. 2.5.1): max(0, min(costs, cap − already_reimbursed))."""
        cap = (PREVENTION_CAP_WGA_WIA if wga else PREVENTION_CAP).at(date.max).value
        value = prevention_budget(
            ZEEUWSE, costs, with_wga_or_wia=wga, already_reimbursed=already
        ).value
        assert value == _cents(max(Decimal(0), min(costs, cap - already)))

    @given(fine_amounts(12000), fine_amounts(9000), fine_amounts(3000), st.booleans())
    def test_reintegratiebudget(
        self, costs: Decimal, already: Decimal, subsidy: Decimal, wga: bool
    ) -> None:
        """Domain §6, §8 (``003`` art. 2.6.1, 3.1): within = max(0, min(costs, cap − already));
        reimbursed = max(0, within − subsidy), the subsidy deducted after the cap."""
        cap = (REINTEGRATION_CAP_WGA_WIA if wga else REINTEGRATION_CAP).at(date.max).value
        value = reintegration_budget(
            ZEEUWSE,
            costs,
            with_wga_or_wia=wga,
            already_reimbursed_in_case=already,
            subsidy=subsidy,
        ).value
        within = max(Decimal(0), min(costs, cap - already))
        assert value == _cents(max(Decimal(0), within - subsidy))

    @given(fine_amounts(20000), fine_amounts(8000), fine_amounts(90000), fine_amounts(90000))
    def test_kosten_batenanalyse(
        self, costs: Decimal, paid: Decimal, without: Decimal, with_activity: Decimal
    ) -> None:
        """Domain §6 (``003`` art. 2.6.1): extra = max(0, min(costs − B, S0 − S1 − B))."""
        value = cost_benefit_contribution(costs, paid, without, with_activity).value
        expected = max(Decimal(0), min(costs - paid, without - with_activity - paid))
        assert value == _cents(expected)

    @given(cents(8000), cents(20000), cents(20000))
    def test_third_party_settlement(
        self, advance: Decimal, costs: Decimal, recovered: Decimal
    ) -> None:
        """Domain §6 (``003`` art. 2.6.4): final = max(0, min(A, K − R)); repay A − final."""
        settled = third_party_settlement(advance, costs, recovered).value
        final = max(Decimal(0), min(advance, costs - recovered))
        assert (settled.final, settled.repayment) == (_cents(final), _cents(advance - final))

    @given(
        fine_amounts(5000),
        st.integers(1, 52),
        st.none() | st.decimals(min_value=0, max_value=1, places=3),
        fine_amounts(5000),
    )
    def test_loonsanctie_compensation(
        self, wage: Decimal, weeks: int, coverage: Decimal | None, costs: Decimal
    ) -> None:
        """Domain §6, §8 (``003`` art. 2.7.2): s × w × p × (1 + 25 %) + approved costs, with
        p = 70 % unless the cao percentage is given."""
        value = sanction_compensation(
            ZEEUWSE, wage, weeks, coverage=coverage, approved_costs=costs
        ).value
        share = Decimal("0.70") if coverage is None else coverage
        assert value == _cents(weeks * wage * share * Decimal("1.25") + costs)

    @given(fine_amounts(200000), st.sampled_from(WagePeriod))
    def test_weekly_wage(self, wage: Decimal, period: WagePeriod) -> None:
        """Domain §6: year ÷ 52; month × 12 ÷ 52; four weeks ÷ 4; a week as is; day × 5."""
        by_code = {
            "jaar": wage / 52,
            "maand": wage * 12 / 52,
            "4 weken": wage / 4,
            "week": wage,
            "dag": wage * 5,
        }
        assert weekly_wage(wage, period).value == _cents(by_code[period.value])

    @given(
        cents(5000),
        st.dates(date(2000, 1, 1), date(2080, 12, 31)),
        st.integers(-400, 400),
        st.none() | st.integers(0, 500),
    )
    def test_prorated_fee(self, fee: Decimal, start: date, joined: int, stayed: int | None) -> None:
        """Domain §6 (``001``/``004`` art. 5.2): fee × days employed within the contract
        year (first and last day included) ÷ days in that contract year."""
        employed_from = start + timedelta(days=joined)
        until = None if stayed is None else employed_from + timedelta(days=stayed)
        year_end = add_months(start, 12)
        year = [start + timedelta(days=i) for i in range((year_end - start).days)]
        employed = [d for d in year if d >= employed_from and (until is None or d <= until)]
        value = prorated_fee(fee, start, employed_from, until).value
        assert value == _cents(fee * len(employed) / len(year))


financial_dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


class TestFinancialFormulasAsStated:
    """financieel.md §9: each formula as written there, rounded where it says, equals the
    library's result."""

    @given(
        fine_amounts(20000),
        st.integers(1, 200),
        financial_dates,
        st.none() | st.decimals(min_value=0, max_value=60, places=2),
    )
    def test_wage_continuation(
        self, wage: Decimal, week: int, on: date, hours: Decimal | None
    ) -> None:
        """§9.2 (BW 7:629 lid 1): 0.70 × min(maandloon, maximumdagloon × 21.75 ÷ 1.08), in
        weeks 1–52 at least WML per hour × hours × 52 ÷ 12; rounded once."""
        rates = rates_on(on)
        cap = rates.maximum_daily_wage.value * Decimal("21.75") / Decimal("1.08")
        statutory = Decimal("0.70") * min(wage, cap)
        if hours is not None and week <= 52:
            floor = rates.minimum_wage_hour.value * hours * 52 / 12
            statutory = max(statutory, floor)
        assert wage_continuation(wage, week, on, hours).value == _cents(statutory)

    @given(fine_amounts(400000), financial_dates)
    def test_wia_dagloon_and_maandloon(self, annual: Decimal, on: date) -> None:
        """§9.3 (WIA art. 13): D = jaarloon ÷ 261 and C = min(D, maximumdagloon), both in
        cents; maandloon_wia = C × 21.75 in cents."""
        uncapped = _cents(annual / 261)
        capped = min(uncapped, rates_on(on).maximum_daily_wage.value)
        decided = wia_wage(annual, on)
        assert (decided.uncapped, decided.daily) == (uncapped, capped)
        assert decided.monthly == _cents(capped * Decimal("21.75"))

    @given(st.decimals(min_value=0, max_value=1, places=4), st.booleans())
    def test_classes(self, ao: Decimal, durable: bool) -> None:
        """§9.4 (WIA art. 4, 5, 54, 61 lid 6): bands closed below and open above;
        G = 28, 35, 42, 50.75 and 70 % from 35, 45, 55, 65 and 80 %; none below 35 %."""
        bands = [("0.35", "0.28"), ("0.45", "0.35"), ("0.55", "0.42"), ("0.65", "0.5075")]
        bands.append(("0.80", "0.70"))
        expected = Decimal(0)
        for low, share in bands:
            if ao >= Decimal(low):
                expected = Decimal(share)
        assert classify(ao, durable).percentage == expected

    @given(st.integers(0, 60), st.integers(0, 60))
    def test_lgu_duration(self, before: int, since: int) -> None:
        """§9.6 (WIA art. 59): T = P + Q; T months when T ≤ 10, else
        10 + max(P − 10, 0) + 0.5 × (T − max(P, 10)); clamped to 3 … 24."""
        total = before + since
        if total <= 10:
            months = Decimal(total)
        else:
            months = 10 + max(before - 10, 0) + Decimal("0.5") * (total - max(before, 10))
        assert lgu_duration(before, since).value == min(max(months, Decimal(3)), Decimal(24))


class TestEntitlementStates:
    @given(product_logs(), scopes, event_dates)
    def test_state_read_from_the_log_as_the_rulebook_states_it(
        self, case: tuple[str, list[Event]], employee: str | None, at: date
    ) -> None:
        """Domain §5, §8.1 (``001``/``004`` art. 4.2, 5.3; ``003`` art. 1.5.2): read without a
        fold, an entitlement is vervallen or beeindigd from the first event that makes it
        so; otherwise geschorst exactly when some suspending event has no later event that
        lifts that suspension (betaling, dekking_hersteld, arbocontract_hersteld,
        informatie_verstrekt); otherwise actief."""
        code, log = case
        product = builtin_product(code)
        rules = product_rules(product)
        counted = sorted(
            (e for e in log if e.date <= at and e.employee in (None, employee)),
            key=lambda e: e.date,
        )
        for status in entitlement_statuses(product, log, at, employee).value:
            effects = [
                (index, effect)
                for index, event in enumerate(counted)
                for effect in rules.rule(event.kind).effects
                if effect.entitlement is status.entitlement
            ]
            final = [(i, e) for i, e in effects if e.state.is_final]
            if final:
                index, effect = final[0]
                assert (status.state, status.since) == (effect.state, counted[index].date)
                continue
            open_suspension = any(
                effect.state is EntitlementState.GESCHORST
                and not any(
                    later > index and lift.lifts is counted[index].kind for later, lift in effects
                )
                for index, effect in effects
            )
            expected = EntitlementState.GESCHORST if open_suspension else EntitlementState.ACTIEF
            assert status.state is expected


class TestContinuationAfterTheEnd:
    @given(
        first_days,
        st.integers(0, 400),
        st.integers(1, 800),
        st.integers(0, 52),
        st.sampled_from(
            [
                (ASR_REINTEGRATIE, TerminationReason.OPZEGGING_WERKGEVER),
                (ZEEUWSE_PRB, TerminationReason.OPZEGGING_WERKGEVER),
                (ZEEUWSE_PRB, TerminationReason.OPZEGGING_UITVOERDER),
                (ZEEUWSE_PRB, TerminationReason.EINDE_GEKOPPELDE_MODULE),
            ]
        ),
    )
    def test_a_sick_employee_keeps_guidance_to_the_end_of_wage_continuation(
        self,
        first: date,
        before_end: int,
        after_end: int,
        sanction: int,
        chosen: tuple[Product, TerminationReason],
    ) -> None:
        """Domain §4, §8.1 (``000`` art. 4.3; ``003`` art. 1.5.3; BW 7:629 lid 11): an
        employee sick since before the module ended, and still sick, keeps guidance after
        the end exactly up to einde_loondoorbetaling including the sanction weeks."""
        product, reason = chosen
        module_end = first + timedelta(days=before_end)
        on = module_end + timedelta(days=after_end)
        case = SicknessCase.ongoing(first)
        end = milestone_date(case, Milestone.EINDE_LOONDOORBETALING, None, sanction).value
        assert end is not None
        decided = guidance_continues(
            product,
            [Absence.sick(first)],
            module_end,
            on,
            reason=reason,
            sanction_weeks=sanction,
        )
        assert decided.value is (on <= end)


class TestObligationDeadlines:
    @given(first_days, st.integers(0, 400))
    def test_plan_van_aanpak_deadline_is_the_milestone(self, first: date, offset: int) -> None:
        """Domain §3, §5 (Regeling procesgang art. 4 lid 1; ``000`` art. 3.2): the obligation's
        deadline and the timeline's plan van aanpak are one rule, probleemanalyse + 14 days."""
        analysed = first + timedelta(days=offset)
        deadline = plan_van_aanpak_deadline(analysed).value
        milestone = milestone_date(
            SicknessCase.ongoing(first), Milestone.PLAN_VAN_AANPAK, analysed
        ).value
        assert deadline == milestone == analysed + timedelta(days=14)

    @given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.integers(1, 400))
    def test_declaration_and_payment_are_month_steps_from_their_anchor(
        self, received: date, later: int
    ) -> None:
        """Domain §1, §5 (``003`` art. 2.5.2, 2.6.2): one month after the invoice, one month
        after the declaration (relativedelta from the anchor, clamped to the month end); a
        later anchor never gives an earlier deadline."""
        assert declaration_deadline(received).value == add_months(received, 1)
        assert payment_deadline(received).value == add_months(received, 1)
        further = received + timedelta(days=later)
        assert declaration_deadline(further).value >= declaration_deadline(received).value


class TestSanctionWeeksBound:
    @given(st.integers(-60, 160))
    def test_a_loonsanctie_lasts_at_most_52_weeks(self, weeks: int) -> None:
        """Domain §3, §6 (BW 7:629 lid 11; ``003`` art. 2.7.1): the timeline takes 0 … 52
        sanction weeks and the compensation 1 … 52; any other number is an error naming
        sanctieweken, never a silently clamped date or amount."""
        case = SicknessCase.ongoing(date(2025, 1, 6))
        if 0 <= weeks <= 52:
            assert milestone_date(case, Milestone.START_WIA, None, weeks).value is not None
        else:
            with pytest.raises(InvalidValueError, match=r"^sanction_weeks: "):
                milestone_date(case, Milestone.START_WIA, None, weeks)
        if 1 <= weeks <= 52:
            assert sanction_compensation(ZEEUWSE, Decimal(700), weeks).value > 0
        else:
            with pytest.raises(InvalidValueError, match=r"^weeks: "):
                sanction_compensation(ZEEUWSE, Decimal(700), weeks)
