"""The work item of one open case (issue 6; spec/domain.md §3 "Signal", §4 eligibility)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    Absence,
    InvalidValueError,
    Milestone,
    SicknessCase,
    merge_cases,
    milestone_date,
    remaining_weeks,
    timeline,
)
from reintegratie_core._worklist import (
    TE_LAAT_CITATION,
    TRACKED_MILESTONES,
    Status,
    WorkItem,
    _choose,
    work_item,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, builtin_product, eligible
from tests.strategies import sick_period_chains

D = date(2025, 1, 6)  # the domain §3 worked example
ONGOING = SicknessCase.ongoing(D)
PRODUCT = builtin_product("zeeuwse-prb")
START = date(2024, 1, 1)


class TestTeLaat:
    def test_probleemanalyse_not_done_after_week_6_is_late(self) -> None:
        """Regeling procesgang art. 2 lid 2: probleemanalyse due 16-02-2025; on 20-02 it is te laat."""
        result = work_item(ONGOING, date(2025, 2, 20), module_start=START)
        assert result.status is Status.TE_LAAT
        assert result.milestone is Milestone.PROBLEEMANALYSE
        assert result.date == date(2025, 2, 16)
        assert result.days_left == -4
        assert result.overdue == 1

    def test_due_today_is_not_late(self) -> None:
        """A milestone due on the peildatum itself is binnenkort with 0 days left, not te laat."""
        result = work_item(ONGOING, date(2025, 2, 16), module_start=START)
        assert result.status is Status.BINNENKORT
        assert result.days_left == 0

    def test_done_milestone_is_not_late(self) -> None:
        """Regeling procesgang art. 4 lid 1: with the probleemanalyse done on 14-02 the next is the plan van aanpak on 28-02."""
        done = {Milestone.PROBLEEMANALYSE: date(2025, 2, 14)}
        result = work_item(ONGOING, date(2025, 2, 20), module_start=START, done=done)
        assert result.status is Status.BINNENKORT
        assert result.milestone is Milestone.PLAN_VAN_AANPAK
        assert result.date == date(2025, 2, 28)
        assert result.days_left == 8

    def test_done_after_the_peildatum_does_not_count(self) -> None:
        """A done date after the peildatum was not known then: the milestone is still te laat."""
        done = {Milestone.PROBLEEMANALYSE: date(2025, 3, 1)}
        result = work_item(ONGOING, date(2025, 2, 20), module_start=START, done=done)
        assert result.status is Status.TE_LAAT
        assert result.milestone is Milestone.PROBLEEMANALYSE

    def test_earliest_late_milestone_is_named_and_all_are_counted(self) -> None:
        """Nothing recorded a year in: the probleemanalyse (earliest) is named, four are te laat."""
        result = work_item(ONGOING, date(2026, 1, 10), module_start=START)
        assert result.milestone is Milestone.PROBLEEMANALYSE
        assert result.overdue == 4  # pa, pva, 42e week, eerstejaarsevaluatie

    def test_untracked_milestones_are_never_late(self) -> None:
        """The ontzorgmanager (day 8) has passed on day 10, but it is not tracked: the next milestone is shown."""
        result = work_item(ONGOING, date(2025, 1, 15), module_start=START)
        assert result.status is Status.GEPLAND
        assert result.milestone is Milestone.PROBLEEMANALYSE
        assert result.overdue == 0


class TestSignal:
    def test_horizon_splits_binnenkort_and_gepland(self) -> None:
        """Domain §3: due within the horizon (default 14 days) is binnenkort, later is gepland."""
        assert work_item(ONGOING, date(2025, 2, 2), module_start=START).status is Status.BINNENKORT
        assert work_item(ONGOING, date(2025, 2, 1), module_start=START).status is Status.GEPLAND
        wide = work_item(ONGOING, date(2025, 2, 1), module_start=START, horizon_days=30)
        assert wide.status is Status.BINNENKORT

    def test_nothing_left_after_start_of_wia(self) -> None:
        """WIA art. 23: after the start of the WIA with everything done, no milestone is left."""
        done = {m: D + timedelta(days=10) for m in TRACKED_MILESTONES}
        result = work_item(ONGOING, date(2027, 2, 1), module_start=START, done=done)
        assert result.status is Status.GEEN
        assert result.milestone is None
        assert result.days_left is None
        assert result.remaining_weeks == Decimal("0.00")

    def test_sanction_extends_wage_continuation(self) -> None:
        """BW 7:629 lid 11: 10 sanction weeks move the end of wage continuation 70 days."""
        plain = work_item(ONGOING, date(2025, 6, 1), module_start=START)
        sanctioned = work_item(ONGOING, date(2025, 6, 1), module_start=START, sanction_weeks=10)
        assert plain.end_of_wage_continuation == date(2027, 1, 3)
        assert sanctioned.end_of_wage_continuation == date(2027, 3, 14)
        assert sanctioned.remaining_weeks - plain.remaining_weeks == 10

    def test_negative_horizon_is_refused(self) -> None:
        """A horizon below 0 days is an error that says what is accepted."""
        with pytest.raises(InvalidValueError, match="0 of meer"):
            work_item(ONGOING, D, module_start=START, horizon_days=-1)

    def test_untracked_done_milestone_is_refused(self) -> None:
        """Only the five tracked milestones can be recorded as done."""
        with pytest.raises(InvalidValueError, match="niet als gedaan"):
            work_item(ONGOING, D, module_start=START, done={Milestone.START_WIA: D})

    def test_done_pairs_are_checked_member_then_date_then_tracked(self) -> None:
        """A wrong done pair names the first thing wrong: no Milestone (a text code), then
        no date (also for an untracked milestone), then an untracked milestone."""
        with pytest.raises(TypeError, match="verwacht een Milestone"):
            work_item(ONGOING, D, module_start=START, done=[("probleemanalyse", D)])  # type: ignore[list-item]
        with pytest.raises(TypeError, match=r"done\[START_WIA\]: verwacht een date"):
            work_item(ONGOING, D, module_start=START, done=[(Milestone.START_WIA, "x")])  # type: ignore[list-item]
        with pytest.raises(InvalidValueError, match="start_wia wordt niet als gedaan"):
            work_item(ONGOING, D, module_start=START, done=[(Milestone.START_WIA, D)])

    def test_closed_case_is_refused(self) -> None:
        """A worklist is about open cases; a closed case is an error."""
        closed = SicknessCase((Absence.sick(D, D + timedelta(days=3)).period,))
        with pytest.raises(InvalidValueError, match="afgesloten"):
            work_item(closed, D, module_start=START)


class TestDonePairs:
    def test_pairs_equal_a_mapping_and_later_pairs_win(self) -> None:
        """Done dates as (milestone, date) pairs: the last pair per milestone counts, as in a mapping."""
        pairs = [
            (Milestone.PROBLEEMANALYSE, date(2025, 3, 1)),
            (Milestone.PROBLEEMANALYSE, date(2025, 2, 14)),
        ]
        mapping = {Milestone.PROBLEEMANALYSE: date(2025, 2, 14)}
        reference = date(2025, 2, 20)
        by_pairs = work_item(ONGOING, reference, module_start=START, done=pairs)
        assert by_pairs == work_item(ONGOING, reference, module_start=START, done=mapping)
        assert by_pairs.milestone is Milestone.PLAN_VAN_AANPAK
        explained = work_item(
            ONGOING, reference, module_start=START, done=pairs, product=PRODUCT
        ).explain()
        assert explained.value == by_pairs

    def test_a_later_pair_after_the_peildatum_undoes_an_earlier_one(self) -> None:
        """Regeling procesgang art. 2 lid 2 (probleemanalyse by week 6): when the last pair
        dates the probleemanalyse after the peildatum, it was not done on the peildatum."""
        pairs = [
            (Milestone.PROBLEEMANALYSE, date(2025, 2, 14)),
            (Milestone.PROBLEEMANALYSE, date(2025, 3, 1)),
        ]
        result = work_item(ONGOING, date(2025, 2, 20), module_start=START, done=pairs)
        assert result.status is Status.TE_LAAT
        assert result.milestone is Milestone.PROBLEEMANALYSE
        assert result.probleemanalyse is None

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(TRACKED_MILESTONES),
                st.dates(min_value=D, max_value=D + timedelta(days=800)),
            ),
            max_size=8,
        ),
        st.dates(min_value=D, max_value=D + timedelta(days=800)),
    )
    def test_pairs_decide_as_their_mapping(
        self, pairs: list[tuple[Milestone, date]], reference: date
    ) -> None:
        """spec/domain.md §3: any sequence of done pairs decides as the mapping of its last
        pair per milestone — status, milestone, date and the probleemanalyse used."""
        by_pairs = work_item(ONGOING, reference, module_start=START, done=pairs)
        by_mapping = work_item(ONGOING, reference, module_start=START, done=dict(pairs))
        assert by_pairs == by_mapping
        assert by_pairs.probleemanalyse == by_mapping.probleemanalyse


class TestEligibility:
    def test_first_sick_day_before_module_start_is_not_eligible(self) -> None:
        """003 art. 1.3 / 001 art. 3.2: a case that began before the start date falls outside."""
        assert not work_item(ONGOING, D, module_start=D + timedelta(days=1)).eligible
        assert work_item(ONGOING, D, module_start=D).eligible

    def test_merged_case_counts_from_its_first_period(self) -> None:
        """BW 7:629 lid 10: a relapse after the start date merges into a case that began before it."""
        cases = merge_cases(
            [Absence.sick(D, D + timedelta(days=9)), Absence.sick(date(2025, 2, 1))]
        )
        assert len(cases) == 1
        assert not work_item(cases[0], date(2025, 2, 5), module_start=date(2025, 1, 20)).eligible

    def test_explained_eligibility_cites_the_product(self) -> None:
        """The explanation carries the product's article (003 art. 1.3 for zeeuwse-prb)."""
        explained = work_item(ONGOING, D, module_start=START, product=PRODUCT).explain()
        assert any(c.source == "003" and c.article == "1.3" for c in explained.citations())

    def test_te_laat_is_explained_by_its_rule_and_the_milestones_article(self) -> None:
        """Domain §3 (te laat) and Regeling procesgang art. 2 lid 2 explain a late probleemanalyse."""
        explained = work_item(ONGOING, date(2025, 2, 20), module_start=START).explain()
        cited = {str(c) for c in explained.citations()}
        assert TE_LAAT_CITATION in explained.citations()
        assert any("2 lid 2" in c for c in cited)


@st.composite
def open_cases(draw: st.DrawFn) -> SicknessCase:
    if draw(st.booleans()):
        first = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
        return SicknessCase.ongoing(first)
    return merge_cases(draw(sick_period_chains(open_last=True, max_gap=27)))[-1]


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, object]:
    case = draw(open_cases())
    first = case.first_day
    reference = first + timedelta(days=draw(st.integers(-30, 1000)))
    done = {
        m: first + timedelta(days=draw(st.integers(0, 900)))
        for m in TRACKED_MILESTONES
        if draw(st.booleans())
    }
    return {
        "case": case,
        "reference": reference,
        "done": done,
        "sanction_weeks": draw(st.sampled_from([0, 1, 13, 52])),
        "horizon_days": draw(st.sampled_from([None, 0, 14, 60])),
        "module_start": first + timedelta(days=draw(st.integers(-400, 30))),
        "product": draw(st.sampled_from(BUILTIN_PRODUCTS)),
    }


class TestComposition:
    @given(scenarios())
    def test_composition_matches_the_poortwachter_rules(self, s: dict[str, object]) -> None:
        """Independently recomputed: te laat iff a tracked milestone before p is not done by p; else next_milestone."""
        whole = s["case"]
        assert isinstance(whole, SicknessCase)
        reference: date = s["reference"]  # type: ignore[assignment]
        done = {m: d for m, d in s["done"].items() if d <= reference}  # type: ignore[attr-defined]
        pa = done.get(Milestone.PROBLEEMANALYSE)
        sanction: int = s["sanction_weeks"]  # type: ignore[assignment]
        result = work_item(**s)  # type: ignore[arg-type]
        assert result.explain().value == result
        dates = {m: milestone_date(whole, m, pa, sanction).value for m in Milestone}
        late = [m for m in TRACKED_MILESTONES if m not in done and dates[m] < reference]  # type: ignore[operator]
        assert result.overdue == len(late)
        if late:
            assert result.status is Status.TE_LAAT
            assert result.date == min(dates[m] for m in late)  # type: ignore[type-var]
        else:
            upcoming = [
                e
                for e in timeline(whole, pa, sanction)
                if e.milestone not in done and e.value is not None and e.value >= reference
            ]
            assert (result.milestone, result.date) == (
                (upcoming[0].milestone, upcoming[0].value) if upcoming else (None, None)
            )
        weeks = remaining_weeks(whole, reference, sanction).value
        assert result.remaining_weeks == weeks
        product = s["product"]
        assert result.eligible == eligible(product, whole, s["module_start"]).value  # type: ignore[arg-type]


class TestLeanRecord:
    """The work item is a NamedTuple built without ``__init__``; what it shows is its value."""

    def test_equal_items_compare_by_what_they_show_not_by_the_inputs(self) -> None:
        reference = date(2025, 2, 20)
        plain = work_item(ONGOING, reference, module_start=START)
        cited = work_item(ONGOING, reference, module_start=START, product=PRODUCT)
        assert isinstance(plain, WorkItem)
        assert plain == cited
        assert not plain != cited  # noqa: SIM202 - __ne__ is defined too
        assert hash(plain) == hash(cited)
        assert plain != work_item(ONGOING, reference + timedelta(days=1), module_start=START)
        assert plain != tuple(plain)  # never equal to a bare tuple of the same fields
        assert cited.product is PRODUCT
        assert plain.explain().value == plain

    @given(
        st.lists(st.integers(0, 40), min_size=10, max_size=10),
        st.integers(0, 1023),
        st.integers(0, 45),
    )
    def test_choose_is_the_earliest_late_and_upcoming_milestone(
        self, days: list[int], done: int, reference: int
    ) -> None:
        """Walking in date order finds what the definition says: the earliest late tracked
        milestone not done, the earliest not done on or after the peildatum (ties in
        Milestone order), and the number of late ones."""
        tracked = [m in TRACKED_MILESTONES for m in Milestone]
        open_ = [i for i in range(10) if not done >> i & 1]
        late = [i for i in open_ if days[i] < reference and tracked[i]]
        upcoming = [i for i in open_ if days[i] >= reference]
        first_late = min(late, key=lambda i: (days[i], i)) if late else -1
        first_upcoming = min(upcoming, key=lambda i: (days[i], i)) if upcoming else -1
        assert _choose(days, done, reference) == (first_late, first_upcoming, len(late))


class TestDoneIsNeverReadAsNothing:
    @pytest.mark.parametrize("done", [0, False, ""])
    def test_a_false_value_is_no_empty_record(self, done: object) -> None:
        """``done=0`` (or ``False``, ``""``) was read as "nothing done", silently: it is no
        mapping of milestones to dates, so a TypeError names ``done`` (docs/python.md
        "Verkeerde invoer")."""
        with pytest.raises(TypeError, match=r"^done: "):
            work_item(ONGOING, date(2025, 2, 20), module_start=START, done=done)  # type: ignore[arg-type]

    def test_an_empty_record_is_nothing_done(self) -> None:
        """An empty mapping or list still means no milestone done."""
        plain = work_item(ONGOING, date(2025, 2, 20), module_start=START)
        assert work_item(ONGOING, date(2025, 2, 20), module_start=START, done={}) == plain
        assert work_item(ONGOING, date(2025, 2, 20), module_start=START, done=[]) == plain

    def test_an_empty_tuple_skips_the_walk(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A portfolio row without done dates passes ``()``: like ``None`` it is nothing
        done without reading it (the worklist's hot path; the junk sweep had every
        employee walk an empty record, ~8 % of `work_item`)."""
        import reintegratie_core._worklist as worklist

        plain = work_item(ONGOING, date(2025, 2, 20), module_start=START)

        def walked(*_args: object) -> None:
            raise AssertionError("an empty tuple was walked")

        monkeypatch.setattr(worklist, "_done_flags", walked)
        assert work_item(ONGOING, date(2025, 2, 20), module_start=START, done=()) == plain
