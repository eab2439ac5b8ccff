"""Contractvervaldata and the earliest cancellation date (spec/domain.md §4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import Citation, InvalidValueError, NotApplicableError, add_months
from reintegratie_core.products import (
    ASR_REINTEGRATIE,
    ASR_REINTEGRATIEMANAGER,
    MKB_VERZUIM_ONTZORG,
    ZEEUWSE_PRB,
    NotCancellableError,
    Product,
    basis_date,
    earliest_cancellation,
    first_basis_index,
    first_expiry,
)
from tests.core.strategies_products import dates

RIM = ASR_REINTEGRATIEMANAGER.module("reintegratiemanager")
BASIS = ASR_REINTEGRATIEMANAGER.module("basis-verzuim")
OM_RI = MKB_VERZUIM_ONTZORG.module("ontzorgmanager-reintegratie")

anchors = st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 12, 31))
terms = st.sampled_from([1, 3, 6, 12, 12, 12, 24, 36])


class TestBasisDates:
    def test_never_chained(self) -> None:
        """spec/domain.md §1: the k-th date is anchor + k·term months, not a chain of steps."""
        assert basis_date(date(2024, 1, 31), 1, 1) == date(2024, 2, 29)
        assert basis_date(date(2024, 1, 31), 1, 2) == date(2024, 3, 31)
        assert basis_date(date(2024, 2, 29), 12, 1) == date(2025, 2, 28)
        assert basis_date(date(2024, 2, 29), 12, 4) == date(2028, 2, 29)

    def test_recur_into_the_past(self) -> None:
        """spec/domain.md §4: basismodule dates recur from any given one, past or future."""
        assert basis_date(date(2030, 1, 1), 12, -5) == date(2025, 1, 1)

    @given(anchors, terms, dates)
    def test_first_index_is_the_first(self, anchor: date, term: int, threshold: date) -> None:
        """first_basis_index gives the first basis date on or after the threshold."""
        k = first_basis_index(anchor, term, threshold)
        assert basis_date(anchor, term, k) >= threshold
        assert basis_date(anchor, term, k - 1) < threshold


class TestFirstExpiry:
    def test_a_module_code_is_told_how_to_get_the_module(self) -> None:
        """cascade takes a module's code, first_expiry and earliest_cancellation its Module:
        given the code, the TypeError says how to get the Module (001 art. 2.1, 2.3)."""
        hint = r"^module: verwacht een Module, kreeg str 'reintegratiemanager'; .*product\.module\('reintegratiemanager'\)"
        day = date(2025, 1, 1)
        with pytest.raises(TypeError, match=hint):
            first_expiry(ASR_REINTEGRATIEMANAGER, "reintegratiemanager", day, day)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=hint):
            earliest_cancellation(ASR_REINTEGRATIEMANAGER, "reintegratiemanager", day, day, day)  # type: ignore[arg-type]

    def test_module_added_later_runs_at_least_12_months(self) -> None:
        """001 art. 2.1: added later, it runs at least 12 months, to a basismodule date."""
        result = first_expiry(ASR_REINTEGRATIEMANAGER, RIM, date(2025, 3, 15), date(2025, 1, 1))
        assert result.value == date(2027, 1, 1)
        assert Citation.seed("001", "2.1") in result.citations()

    def test_module_taken_with_the_basismodule(self) -> None:
        """001 art. 2.1: started on a basismodule date, its first date is 12 months on."""
        result = first_expiry(ASR_REINTEGRATIEMANAGER, RIM, date(2025, 1, 1), date(2025, 1, 1))
        assert result.value == date(2026, 1, 1)

    def test_anchor_may_lie_in_the_future(self) -> None:
        """spec/domain.md §4: any one basismodule date, past or future, fixes the series."""
        result = first_expiry(ASR_REINTEGRATIEMANAGER, RIM, date(2025, 3, 15), date(2031, 1, 1))
        assert result.value == date(2027, 1, 1)

    def test_contract_term_may_be_given(self) -> None:
        """001 art. 2.3: the contract term is the basismodule's, here 24 months."""
        result = first_expiry(
            ASR_REINTEGRATIEMANAGER, RIM, date(2025, 3, 15), date(2025, 1, 1), term=24
        )
        assert result.value == date(2027, 1, 1)
        result = first_expiry(
            ASR_REINTEGRATIEMANAGER, RIM, date(2025, 3, 15), date(2026, 1, 1), term=24
        )
        assert result.value == date(2028, 1, 1)

    def test_ontzorgmanager_shares_the_basismodule_date(self) -> None:
        """004 art. 2.1: the same contractvervaldatum as the basismodule, no minimum run."""
        result = first_expiry(MKB_VERZUIM_ONTZORG, OM_RI, date(2025, 3, 15), date(2025, 1, 1))
        assert result.value == date(2026, 1, 1)

    def test_basismodule_itself(self) -> None:
        """001 art. 2.1: the basismodule's first date after its start is its own."""
        result = first_expiry(ASR_REINTEGRATIEMANAGER, BASIS, date(2025, 1, 1), date(2025, 1, 1))
        assert result.value == date(2026, 1, 1)

    def test_modules_without_own_date_are_not_applicable(self) -> None:
        """003 art. 1.5.2: PRB runs as long as its modules; it has no own contractvervaldatum."""
        with pytest.raises(NotApplicableError, match="geen enkele module"):
            first_expiry(ZEEUWSE_PRB, ZEEUWSE_PRB.module("prb"), date(2025, 1, 1), date(2025, 1, 1))
        with pytest.raises(NotApplicableError, match="basis-verzuim, basis-ao-3-12"):
            first_expiry(
                ASR_REINTEGRATIEMANAGER,
                ASR_REINTEGRATIEMANAGER.module("arbosignaal"),
                date(2025, 1, 1),
                date(2025, 1, 1),
            )

    def test_term_must_be_positive(self) -> None:
        """A contract term of 0 months is refused."""
        with pytest.raises(InvalidValueError, match="contracttermijn"):
            first_expiry(ASR_REINTEGRATIEMANAGER, RIM, date(2025, 1, 1), date(2025, 1, 1), term=0)

    @given(dates, anchors, terms)
    def test_first_basis_date_at_least_12_months_on(
        self, start: date, anchor: date, term: int
    ) -> None:
        """spec/domain.md §8: the first basismodule date ≥ start + 12 months, none earlier."""
        result = first_expiry(ASR_REINTEGRATIEMANAGER, RIM, start, anchor, term=term).value
        k = first_basis_index(anchor, term, result)
        assert basis_date(anchor, term, k) == result
        assert result >= add_months(start, 12)
        assert basis_date(anchor, term, k - 1) < add_months(start, 12)

    @given(dates, anchors, st.integers(-30, 30))
    def test_any_date_of_the_series_gives_the_same_result(
        self, start: date, anchor: date, k: int
    ) -> None:
        """spec/domain.md §4: the series may be fixed by any one of its dates."""
        anchor = anchor.replace(day=min(anchor.day, 28))
        other = basis_date(anchor, 12, k)
        first = first_expiry(ASR_REINTEGRATIEMANAGER, RIM, start, anchor).value
        assert first_expiry(ASR_REINTEGRATIEMANAGER, RIM, start, other).value == first


class TestEarliestCancellation:
    def test_notice_one_month_before(self) -> None:
        """001 art. 2.3: notice received no later than one month before the date."""
        start, anchor = date(2025, 3, 15), date(2025, 1, 1)
        on_time = earliest_cancellation(
            ASR_REINTEGRATIEMANAGER, RIM, start, anchor, date(2026, 12, 1)
        )
        assert on_time.value == date(2027, 1, 1)
        late = earliest_cancellation(ASR_REINTEGRATIEMANAGER, RIM, start, anchor, date(2026, 12, 2))
        assert late.value == date(2028, 1, 1)

    def test_twelve_months_run_on_the_date(self) -> None:
        """001 art. 2.3: the module must have run at least 12 months on the date."""
        result = earliest_cancellation(
            ASR_REINTEGRATIEMANAGER, RIM, date(2025, 3, 15), date(2025, 1, 1), date(2025, 4, 1)
        )
        assert result.value == date(2027, 1, 1)
        exact = earliest_cancellation(
            ASR_REINTEGRATIEMANAGER, RIM, date(2025, 1, 1), date(2025, 1, 1), date(2025, 4, 1)
        )
        assert exact.value == date(2026, 1, 1)

    def test_cancellation_also_ends_the_arbo_module(self) -> None:
        """001 art. 2.3: cancelling the module also ends Arbobegeleiding or Arbosignaal."""
        result = earliest_cancellation(
            ASR_REINTEGRATIEMANAGER, RIM, date(2025, 1, 1), date(2025, 1, 1), date(2025, 4, 1)
        )
        assert any("arbobegeleiding" in g.rule and "arbosignaal" in g.rule for g in result.grounds)

    def test_ontzorgmanager_reintegratie_cannot_be_cancelled_on_its_own(self) -> None:
        """004 art. 2.3: only ended when the basismodule ends — an error that says so."""
        with pytest.raises(NotCancellableError, match=r"kan niet los worden opgezegd.*art\. 2\.3"):
            earliest_cancellation(
                MKB_VERZUIM_ONTZORG, OM_RI, date(2025, 1, 1), date(2025, 1, 1), date(2025, 4, 1)
            )

    @pytest.mark.parametrize(
        ("product", "module", "article"),
        [
            (ZEEUWSE_PRB, "prb", "1.5.2"),
            (ASR_REINTEGRATIE, "reintegratie-overeenkomst", "4.1"),
        ],
    )
    def test_no_separate_cancellation(self, product: Product, module: str, article: str) -> None:
        """003 art. 1.5.2, 000 art. 4.1: no separate cancellation; they end with their modules."""
        with pytest.raises(NotCancellableError, match=rf"art\. (.* )?{article}"):
            earliest_cancellation(
                product,
                product.module(module),
                date(2025, 1, 1),
                date(2025, 1, 1),
                date(2025, 4, 1),
            )

    def test_unregulated_cancellation_is_not_applicable(self) -> None:
        """001 regulates only the Re-integratiemanager's cancellation, not the basismodule's."""
        with pytest.raises(NotApplicableError, match="regelen de opzegging van basis-verzuim niet"):
            earliest_cancellation(
                ASR_REINTEGRATIEMANAGER, BASIS, date(2025, 1, 1), date(2025, 1, 1), date(2025, 4, 1)
            )

    @given(dates, anchors, terms, st.integers(-800, 3000))
    def test_earliest_date_satisfies_both_conditions(
        self, start: date, anchor: date, term: int, offset: int
    ) -> None:
        """001 art. 2.3: C satisfies both conditions and no earlier basismodule date does."""
        received = start + timedelta(days=offset)
        result = earliest_cancellation(
            ASR_REINTEGRATIEMANAGER, RIM, start, anchor, received, term=term
        ).value
        k = first_basis_index(anchor, term, result)
        assert basis_date(anchor, term, k) == result

        def allowed(c: date) -> bool:
            return add_months(start, 12) <= c and received <= add_months(c, -1)

        assert allowed(result)
        assert not allowed(basis_date(anchor, term, k - 1))
        assert result >= first_expiry(ASR_REINTEGRATIEMANAGER, RIM, start, anchor, term=term).value


def _first_by_stepping(anchor: date, term: int, holds: object) -> date:
    """The first basis date for which ``holds`` is true, found by walking the series from
    well below it (the definition, without the month arithmetic)."""
    assert callable(holds)
    k = -((anchor.year - 1990) * 12 // term) - 2  # a basis date before 1990: before them all
    while not holds(basis_date(anchor, term, k)):
        k += 1
    return basis_date(anchor, term, k)


month_ends = st.builds(
    lambda year, month: add_months(date(year, month, 1), 1) - timedelta(days=1),
    st.integers(2000, 2080),
    st.integers(1, 12),
)
any_day = st.one_of(dates, month_ends)
near_the_ends = st.one_of(
    st.dates(max_value=date(30, 12, 31)),
    st.dates(min_value=date(9950, 1, 1)),
    st.builds(
        lambda d: add_months(d.replace(day=1), 1) - timedelta(days=1),
        st.dates(max_value=date(9999, 11, 30)),
    ),
)
whole_range = st.one_of(near_the_ends, st.dates())
late_starts = st.one_of(st.dates(min_value=date(2000, 1, 1)), st.dates(min_value=date(9900, 1, 1)))
whole_range_terms = st.one_of(st.sampled_from([1, 12, 1199, 1200]), st.integers(1, 1200))


class TestComputedEqualsTheDefinition:
    """The first index is computed from the month difference, not searched: it must equal
    walking the series (month ends, leap days and every term included)."""

    @given(any_day, any_day, terms)
    def test_first_expiry(self, start: date, anchor: date, term: int) -> None:
        """001 art. 2.1: the first basis date after the start and ≥ start + 12 months."""
        for product, module in ((ASR_REINTEGRATIEMANAGER, RIM), (ASR_REINTEGRATIEMANAGER, BASIS)):
            minimum = (
                product.months("minimale_looptijd_maanden", start).value if module is RIM else 0
            )
            expected = _first_by_stepping(
                anchor, term, lambda c, m=minimum: c > start and c >= add_months(start, m)
            )
            assert first_expiry(product, module, start, anchor, term=term).value == expected

    @given(any_day, any_day, any_day, terms)
    def test_earliest_cancellation(
        self, start: date, anchor: date, received: date, term: int
    ) -> None:
        """001 art. 2.3: the first basis date ≥ start + 12 months whose notice date (one
        month before) is not before the notice."""
        notice = ASR_REINTEGRATIEMANAGER.months("opzegtermijn_maanden", start).value
        minimum = ASR_REINTEGRATIEMANAGER.months("minimale_looptijd_maanden", start).value
        expected = _first_by_stepping(
            anchor,
            term,
            lambda c: (
                c > start
                and c >= add_months(start, minimum)
                and c >= received
                and add_months(c, -notice) >= received
            ),
        )
        result = earliest_cancellation(
            ASR_REINTEGRATIEMANAGER, RIM, start, anchor, received, term=term
        )
        assert result.value == expected

    @given(whole_range, whole_range_terms, whole_range)
    def test_first_index_near_the_ends_of_the_date_range(
        self, anchor: date, term: int, threshold: date
    ) -> None:
        """Near 0001 and 9999 the index is the stepped one, or the error of the first
        basis date stepped to outside the date range (same text)."""
        assert _outcome(lambda: first_basis_index(anchor, term, threshold)) == _outcome(
            lambda: _stepped_index(anchor, term, threshold)
        )

    @given(late_starts, whole_range, whole_range, whole_range_terms)
    def test_earliest_cancellation_near_the_ends_of_the_date_range(
        self, start: date, anchor: date, received: date, term: int
    ) -> None:
        """001 art. 2.1/2.3 over the whole date range: the same date, or the same error
        as stepping through the basis dates."""
        notice = ASR_REINTEGRATIEMANAGER.months("opzegtermijn_maanden", start).value
        minimum = ASR_REINTEGRATIEMANAGER.months("minimale_looptijd_maanden", start).value

        def stepped_expiry() -> date:
            k = _stepped_index(anchor, term, add_months(start, minimum))
            return basis_date(anchor, term, k)

        def stepped_cancellation() -> date:
            k_run = _stepped_index(anchor, term, add_months(start, minimum))
            k = max(k_run, _stepped_index(anchor, term, received))
            while add_months(basis_date(anchor, term, k), -notice) < received:
                k += 1
            return basis_date(anchor, term, k)

        assert _outcome(
            lambda: first_expiry(ASR_REINTEGRATIEMANAGER, RIM, start, anchor, term=term).value
        ) == _outcome(stepped_expiry)
        assert _outcome(
            lambda: (
                earliest_cancellation(
                    ASR_REINTEGRATIEMANAGER, RIM, start, anchor, received, term=term
                ).value
            )
        ) == _outcome(stepped_cancellation)


def _stepped_index(anchor: date, term: int, threshold: date) -> int:
    """The first index with a basis date on or after ``threshold``, stepping up from the
    basis date one term below the threshold's month (the definition at the ends of the date
    range: the first date stepped to outside it is the error)."""
    months = (threshold.year - anchor.year) * 12 + threshold.month - anchor.month
    k = months // term - 1
    while basis_date(anchor, term, k) < threshold:
        k += 1
    return k


def _outcome(compute: object) -> object:
    """The value computed, or the error's type and text."""
    assert callable(compute)
    try:
        return compute()
    except InvalidValueError as error:
        return (type(error), str(error))
