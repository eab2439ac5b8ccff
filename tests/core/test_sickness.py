"""Sickness cases: samentelling, the WAZO bridge and counted days (spec/domain.md §2)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    Absence,
    InvalidPeriodError,
    InvalidValueError,
    Period,
    SicknessCase,
    case_at,
    case_of,
    counted_sick_days,
    last_case,
    merge_cases,
)
from tests.strategies import first_days, sick_period_chains


def _two_periods(interruption: int) -> list[Absence]:
    first = Absence.sick(date(2025, 1, 6), date(2025, 1, 31))
    restart = date(2025, 1, 31) + timedelta(days=interruption + 1)
    return [first, Absence.sick(restart)]


class TestSamentelling:
    def test_27_days_merge(self) -> None:
        """BW 7:629 lid 10: an interruption of 27 days (< 4 weeks) continues the case."""
        assert len(merge_cases(_two_periods(27))) == 1

    def test_28_days_start_a_new_case(self) -> None:
        """BW 7:629 lid 10 / domain §8: 28 days of interruption start a new case."""
        assert len(merge_cases(_two_periods(28))) == 2

    def test_adjacent_periods_merge(self) -> None:
        """Zero days between periods: one case."""
        assert len(merge_cases(_two_periods(0))) == 1

    def test_spec_example_interruption_of_19_days(self) -> None:
        """excel-functions.md: 31-01 to 20-02-2025 leaves 19 interruption days, which merge."""
        cases = merge_cases(
            [Absence.sick(date(2025, 1, 6), date(2025, 1, 31)), Absence.sick(date(2025, 2, 20))]
        )
        assert len(cases) == 1
        assert cases[0].interruption_days() == 19

    def test_input_order_does_not_matter(self) -> None:
        """Periods are sorted before merging."""
        periods = _two_periods(10)
        assert merge_cases(periods) == merge_cases(list(reversed(periods)))

    def test_overlap_names_both_periods(self) -> None:
        """Overlapping periods are an error naming both (domain §2)."""
        periods = [
            Absence.sick(date(2025, 1, 6), date(2025, 1, 31)),
            Absence.sick(date(2025, 1, 20), date(2025, 2, 10)),
        ]
        with pytest.raises(
            InvalidPeriodError, match=r"06-01-2025 t/m 31-01-2025.*20-01-2025 t/m 10-02-2025"
        ):
            merge_cases(periods)

    def test_open_period_before_another_overlaps(self) -> None:
        """An ongoing period followed by another period overlaps it."""
        with pytest.raises(InvalidPeriodError):
            merge_cases(
                [Absence.sick(date(2025, 1, 6)), Absence.sick(date(2025, 3, 1), date(2025, 3, 2))]
            )

    def test_open_period_overlaps_one_starting_on_the_last_date(self) -> None:
        """Issue 16 item 1, domain §2: an open period overlaps a later one even when that one
        starts on 9999-12-31 (the open end is not ``date.max``); the usual overlap error,
        never an internal one."""
        with pytest.raises(InvalidPeriodError, match="overlappen"):
            merge_cases([Absence.sick(date(2022, 1, 1)), Absence.sick(date(9999, 12, 31))])

    @given(st.dates(min_value=date(9999, 1, 1)))
    def test_two_open_periods_always_overlap(self, later: date) -> None:
        """Domain §2: two open periods share every day from the later start on."""
        with pytest.raises(InvalidPeriodError, match="overlappen"):
            merge_cases([Absence.sick(date(2022, 1, 1)), Absence.sick(later)])

    def test_last_day_at_the_end_of_the_calendar_is_a_precise_error(self) -> None:
        """Issue 16 item 1: a period ending 9999-12-31 cannot be represented (its end is the
        day after); a precise error instead of an OverflowError."""
        with pytest.raises(InvalidPeriodError, match="buiten het datumbereik"):
            Absence.sick(date(9999, 12, 30), date(9999, 12, 31))

    def test_reversed_period(self) -> None:
        """A last day before the first day is an error (domain §2)."""
        with pytest.raises(InvalidPeriodError):
            Absence.sick(date(2025, 3, 1), date(2025, 2, 1))

    def test_no_periods_no_case(self) -> None:
        """last_case needs at least one sick period."""
        with pytest.raises(InvalidPeriodError):
            last_case([])


class TestWazoBridge:
    def test_leave_bridges_whatever_its_length(self) -> None:
        """BW 7:629 lid 10: sickness directly before and after maternity leave is one case."""
        absences = [
            Absence.sick(date(2025, 1, 6), date(2025, 3, 31)),
            Absence.leave(date(2025, 4, 1), date(2025, 7, 31)),
            Absence.sick(date(2025, 8, 1)),
        ]
        cases = merge_cases(absences)
        assert len(cases) == 1
        assert cases[0].bridged_leave == (absences[1].period,)

    def test_leave_days_are_not_counted(self) -> None:
        """BW 7:629 lid 10: leave days do not count as sick days; week 42 moves by the leave."""
        absences = [
            Absence.sick(date(2025, 1, 6), date(2025, 1, 31)),
            Absence.leave(date(2025, 2, 1), date(2025, 5, 31)),
            Absence.sick(date(2025, 6, 1)),
        ]
        case = merge_cases(absences)[0]
        assert case.counted_days(date(2025, 6, 1)) == 27
        # 26 sick days before the leave, so day 294 is the 268th day from 1 June.
        assert case.day(294) == date(2025, 6, 1) + timedelta(days=267)

    def test_not_directly_after_the_leave_is_no_bridge(self) -> None:
        """Sickness 30 days after the leave is a new case (no bridge, 28-day rule applies)."""
        absences = [
            Absence.sick(date(2025, 1, 6), date(2025, 1, 31)),
            Absence.leave(date(2025, 2, 1), date(2025, 5, 31)),
            Absence.sick(date(2025, 7, 1)),
        ]
        assert len(merge_cases(absences)) == 2

    def test_two_adjacent_leave_rows_bridge_like_one(self) -> None:
        """Issue 13 bug 1, BW 7:629 lid 10 (WAZO art. 3:1 lid 2 and 3): pregnancy and maternity
        leave as two adjacent rows bridge the case like one leave row (domain §8.1)."""
        absences = [
            Absence.sick(date(2025, 1, 6), date(2025, 3, 2)),
            Absence.leave(date(2025, 3, 3), date(2025, 4, 13)),
            Absence.leave(date(2025, 4, 14), date(2025, 6, 22)),
            Absence.sick(date(2025, 6, 23)),
        ]
        (case,) = merge_cases(absences)
        assert case.bridged_leave == (Period.from_inclusive(date(2025, 3, 3), date(2025, 6, 22)),)
        assert case.counted_days(date(2025, 7, 6)) == 70
        assert case.day(295) == date(2026, 2, 16)

    def test_leave_rows_with_a_gap_are_no_bridge(self) -> None:
        """BW 7:629 lid 10: only leave that follows without a gap bridges; a day between two
        leave rows means the sickness does not directly follow the leave."""
        absences = [
            Absence.sick(date(2025, 1, 6), date(2025, 3, 2)),
            Absence.leave(date(2025, 3, 3), date(2025, 4, 13)),
            Absence.leave(date(2025, 4, 15), date(2025, 6, 22)),
            Absence.sick(date(2025, 6, 23)),
        ]
        assert len(merge_cases(absences)) == 2

    def test_leave_overlapping_sickness_is_an_error(self) -> None:
        """Leave and sick periods must not overlap (domain §2)."""
        with pytest.raises(InvalidPeriodError, match="verlof"):
            merge_cases(
                [
                    Absence.sick(date(2025, 1, 6), date(2025, 2, 10)),
                    Absence.leave(date(2025, 2, 1), date(2025, 5, 1)),
                ]
            )


class TestCounting:
    def test_end_of_week_for_one_period(self) -> None:
        """Domain §2: the end of week N of one ongoing period is D + 7N − 1."""
        case = SicknessCase.ongoing(date(2025, 1, 6))
        assert case.day(42) == date(2025, 2, 16)

    def test_closed_case_never_reaching_a_day(self) -> None:
        """A closed case that is shorter than N days has no day N (n.v.t.)."""
        case = merge_cases([Absence.sick(date(2025, 1, 6), date(2025, 1, 10))])[0]
        assert case.day(5) == date(2025, 1, 10)
        assert case.day(6) is None

    def test_day_zero_is_an_error(self) -> None:
        """Counted days start at 1."""
        with pytest.raises(InvalidValueError):
            SicknessCase.ongoing(date(2025, 1, 6)).day(0)

    def test_counted_sick_days_at_a_reference(self) -> None:
        """RI_ZIEKTEDAGEN semantics: only sick days of the current case, up to the reference."""
        absences = _two_periods(19)
        assert counted_sick_days(absences, date(2025, 2, 21)).value == 26 + 2
        assert counted_sick_days(absences, date(2025, 2, 5)).value == 26

    def test_no_case_yet_counts_zero(self) -> None:
        """Before the first sick day no case runs: zero days."""
        assert counted_sick_days(_two_periods(5), date(2024, 12, 31)).value == 0

    def test_case_at_and_case_of(self) -> None:
        """The case current at a date, and the case a sick day belongs to."""
        absences = _two_periods(40)
        assert case_at(absences, date(2025, 2, 15)) == merge_cases(absences)[0]
        assert case_of(absences, date(2025, 4, 1)) == merge_cases(absences)[1]
        with pytest.raises(InvalidValueError):
            case_of(absences, date(2025, 2, 15))

    def test_leap_day_counts(self) -> None:
        """29 February is a sick day like any other: D = 2024-02-01, day 42 = 2024-03-13."""
        assert SicknessCase.ongoing(date(2024, 2, 1)).day(42) == date(2024, 3, 13)


class TestProperties:
    @given(sick_period_chains())
    def test_no_case_contains_an_interruption_of_28_days(self, periods: list[Absence]) -> None:
        """BW 7:629 lid 10: within a case every interruption is < 28 days."""
        for case in merge_cases(periods):
            for earlier, later in zip(case.periods, case.periods[1:], strict=False):
                assert earlier.end is not None
                assert (later.start - earlier.end).days < 28

    @given(sick_period_chains())
    def test_cases_are_at_least_28_days_apart(self, periods: list[Absence]) -> None:
        """BW 7:629 lid 10: two cases are never closer than 28 interruption days."""
        cases = merge_cases(periods)
        for earlier, later in itertools.pairwise(cases):
            assert earlier.periods[-1].end is not None
            assert (later.first_day - earlier.periods[-1].end).days >= 28

    @given(sick_period_chains())
    def test_every_period_lands_in_exactly_one_case(self, periods: list[Absence]) -> None:
        """Merging neither loses nor duplicates a period."""
        merged = [p for case in merge_cases(periods) for p in case.periods]
        assert merged == sorted((a.period for a in periods), key=lambda p: p.start)

    @given(first_days, st.integers(1, 800))
    def test_day_n_of_one_ongoing_period(self, first: date, n: int) -> None:
        """Domain §2: for one ongoing period day N is D + N − 1."""
        assert SicknessCase.ongoing(first).day(n) == first + timedelta(days=n - 1)

    @given(sick_period_chains(open_last=True), st.integers(1, 800))
    def test_day_n_is_a_sick_day_with_n_counted_days(self, periods: list[Absence], n: int) -> None:
        """The N-th counted day is a sick day, and exactly N sick days lie up to it."""
        case = merge_cases(periods)[-1]
        day = case.day(n)
        assert day is not None
        assert any(p.contains(day) for p in case.periods)
        assert case.counted_days(day) == n


@st.composite
def _leave_splits(draw: st.DrawFn) -> tuple[list[Absence], list[Absence]]:
    """A case bridged by one leave row, and the same leave cut into adjacent rows."""
    before = draw(first_days)
    sick_days = draw(st.integers(1, 200))
    leave_first = before + timedelta(days=sick_days)
    leave_days = draw(st.integers(1, 400))
    leave_last = leave_first + timedelta(days=leave_days - 1)
    after_gap = draw(st.integers(0, 60))
    after_first = leave_last + timedelta(days=1 + after_gap)
    after_last = draw(
        st.none() | st.integers(0, 300).map(lambda n: after_first + timedelta(days=n))
    )
    cuts = sorted(
        draw(st.sets(st.integers(1, leave_days - 1), max_size=4)) if leave_days > 1 else set()
    )
    bounds = [0, *cuts, leave_days]
    pieces = [
        Absence.leave(leave_first + timedelta(days=a), leave_first + timedelta(days=b - 1))
        for a, b in itertools.pairwise(bounds)
    ]
    sick = [
        Absence.sick(before, leave_first - timedelta(days=1)),
        Absence.sick(after_first, after_last),
    ]
    one = [*sick, Absence.leave(leave_first, leave_last)]
    split = [*sick, *draw(st.permutations(pieces))]
    return one, split


class TestLeaveSplits:
    @given(_leave_splits(), st.integers(1, 900))
    def test_splitting_a_leave_row_changes_nothing(
        self, pair: tuple[list[Absence], list[Absence]], n: int
    ) -> None:
        """BW 7:629 lid 10, domain §8.1: any split of one leave row into adjacent rows gives
        the same cases, the same counted days and the same N-th sick day."""
        one, split = pair
        assert merge_cases(split) == merge_cases(one)
        for case_one, case_split in zip(merge_cases(one), merge_cases(split), strict=True):
            assert case_split.day(n) == case_one.day(n)


class TestOngoing:
    @given(st.lists(first_days, max_size=20))
    def test_a_column_of_first_days_gives_the_validated_cases(self, days: list[date]) -> None:
        """Domain §2: a first sick day alone is one ongoing period; built in bulk or one by one,
        the case equals the one the validating constructor builds."""
        validated = [SicknessCase((Period(d),)) for d in days]
        assert SicknessCase.ongoing_many(days) == validated
        assert [SicknessCase.ongoing(d) for d in days] == validated
        assert all(
            hash(a) == hash(b)
            for a, b in zip(SicknessCase.ongoing_many(days), validated, strict=True)
        )

    @given(st.lists(first_days, max_size=20))
    def test_a_column_of_first_days_gives_the_validated_absences(self, days: list[date]) -> None:
        """Domain §2: built in bulk (a lifted Excel column) or one by one, a first sick day
        gives the running sick period the validating constructor builds."""
        validated = [Absence.sick(d) for d in days]
        assert Absence.sick_many(days) == validated
        assert all(
            hash(a) == hash(b) for a, b in zip(Absence.sick_many(days), validated, strict=True)
        )

    @given(first_days, st.integers(-30, 900))
    def test_one_sick_period_is_counted_as_its_own_case(self, first: date, offset: int) -> None:
        """BW 7:629 lid 10: a single sick period is one case; its days up to p are p − D + 1."""
        reference = first + timedelta(days=offset)
        counted = counted_sick_days((Absence.sick(first),), reference)
        assert counted.value == max(0, offset + 1)
        assert counted.explain().value == counted.value
        assert (counted.case is None) == (offset < 0)


class TestDayOffsets:
    """``SicknessCase.day_offsets(ns)``: the day numbers are ascending and each ≥ 1 (its
    docstring); the walk over the periods only moves forward."""

    CASE = SicknessCase(
        periods=(Period(date(2025, 1, 6), date(2025, 1, 11)), Period(date(2025, 1, 20)))
    )

    def test_ascending_numbers_agree_with_day(self) -> None:
        """Each offset gives the date ``day(n)`` gives (day 1 = D, domain §3)."""
        found = self.CASE.day_offsets([2, 6, 7])
        dates = [None if f is None else f[0] + timedelta(days=f[1]) for f in found]
        assert dates == [self.CASE.day(2), self.CASE.day(6), self.CASE.day(7)]
        assert dates == [date(2025, 1, 7), date(2025, 1, 20), date(2025, 1, 21)]

    def test_a_number_below_the_one_before_is_refused(self) -> None:
        """Day 2 after day 6 was read in the second period (17-01-2025, not a sick day at
        all, instead of 07-01-2025): now an error naming that number."""
        with pytest.raises(InvalidValueError, match=r"^ns\[1\]: dag 2: verwacht 6 of meer"):
            self.CASE.day_offsets([6, 2])

    @pytest.mark.parametrize("n", [0, -1])
    def test_a_number_below_one_is_refused(self, n: int) -> None:
        """Day 0 or -1 gave a day before the first sick day; sick days count from 1."""
        with pytest.raises(InvalidValueError, match=r"^ns\[0\]: "):
            self.CASE.day_offsets([n])

    def test_a_number_of_another_type_is_refused(self) -> None:
        """Text among the day numbers: a TypeError naming it, not Python's operand error."""
        with pytest.raises(TypeError, match=r"^ns\[1\]: verwacht een geheel getal"):
            self.CASE.day_offsets([1, "2"])  # type: ignore[list-item]
