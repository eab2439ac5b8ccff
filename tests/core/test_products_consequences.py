"""Consequences, continuation after the end, and eligibility (spec/domain.md §4)."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    Absence,
    Citation,
    InvalidValueError,
    Milestone,
    Parameter,
    ParameterHistory,
    SicknessCase,
    Unit,
    last_case,
    merge_cases,
    milestone_date,
    relapse_prevention,
)
from reintegratie_core.products import (
    ASR_REINTEGRATIE,
    ASR_REINTEGRATIEMANAGER,
    BUILTIN_PRODUCTS,
    MKB_VERZUIM_ONTZORG,
    ZEEUWSE_PRB,
    ConsequenceKind,
    Product,
    TerminationReason,
    apply_recovery,
    consequences,
    eligible,
    guidance_continues,
    relapse_prevention_after,
)
from tests.strategies import sick_period_chains

R = TerminationReason
END = date(2025, 12, 31)


def sick(first: date, last: date | None = None) -> Absence:
    """One sick period."""
    return Absence.sick(first, last)


def continues(
    product: Product,
    periods: list[Absence],
    on: date,
    *,
    reason: R = R.OPZEGGING_WERKGEVER,
    recovery: date | None = None,
) -> bool:
    """guidance_continues for END, as a plain boolean."""
    return guidance_continues(product, periods, END, on, reason=reason, recovery=recovery).value


class TestConsequences:
    def test_from_the_end_date_with_the_cascade(self) -> None:
        """001 art. 2.5: the consequences run from the end date of the cascade."""
        result = consequences(ASR_REINTEGRATIEMANAGER, "arbobegeleiding", END)
        assert {c.since for c in result.value} == {END}
        assert {c.module for c in result.value} == {"reintegratiemanager"}
        assert Citation.seed("001", "2.2") in result.citations()

    def test_reason_of_the_first_termination_decides(self) -> None:
        """003 art. 1.5.3: fraud on the insurance stops the continuation of PRB."""
        fraud = consequences(ZEEUWSE_PRB, "verzuim-erd", END, R.FRAUDE).value
        assert [c.kind for c in fraud] == [
            ConsequenceKind.SERVICE_ENDS,
            ConsequenceKind.GUIDANCE_ENDS,
        ]

    def test_prb_ended_itself_for_fraud_gives_no_continuation(self) -> None:
        """003 art. 3.2: "U krijgt geen dienstverlening" when the obligations are broken to
        mislead (domain §5, event fraude: no continuation). prb ended on its own for fraude
        lists that guidance ends, as RI_DOORLOPENDE_BEGELEIDING answers for that reason; for
        another reason of its own (niet_nakomen_verplichtingen) guidance continues, and an
        arbocontract ended for fraude still lets it continue (003 art. 1.5.3, domain §8.1)."""
        kinds = lambda module, reason: [  # noqa: E731
            c.kind for c in consequences(ZEEUWSE_PRB, module, END, reason).value
        ]
        assert kinds("prb", R.FRAUDE) == [
            ConsequenceKind.SERVICE_ENDS,
            ConsequenceKind.GUIDANCE_ENDS,
        ]
        assert ConsequenceKind.GUIDANCE_CONTINUES in kinds("prb", R.NIET_NAKOMEN_VERPLICHTINGEN)
        assert ConsequenceKind.GUIDANCE_CONTINUES in kinds("arbocontract", R.FRAUDE)
        assert not continues(
            ZEEUWSE_PRB, [sick(date(2025, 11, 1))], date(2026, 6, 1), reason=R.FRAUDE
        )

    def test_prb_ended_itself_without_reason_names_its_own_reason(self) -> None:
        """Domain §8.1, an empty reason: prb ended on its own lists both guidance rows with
        the condition on its own reason, not on the Verzuimverzekering's (003 art. 3.2)."""
        rows = consequences(ZEEUWSE_PRB, "prb", END, None).value
        guided = [c.text for c in rows if c.kind is not ConsequenceKind.SERVICE_ENDS]
        assert len(guided) == 2
        assert all("bij reden" in text and "van verzuim-erd" not in text for text in guided)
        erd = consequences(ZEEUWSE_PRB, "verzuim-erd", END, None).value
        assert any("van verzuim-erd" in c.text for c in erd)

    def test_no_consequences_says_so(self) -> None:
        """A module without consequences gives none, with a ground saying so."""
        result = consequences(ZEEUWSE_PRB, "wga-erd", END)
        assert result.value == ()
        assert "geen gevolgen" in result.grounds[-1].rule


class TestConsequencesWithoutReason:
    """Domain §8.1: an empty reason means any reason the module admits; a consequence that
    only some admitted reasons bring carries its condition, as RI_CASCADE shows it."""

    def test_prb_ends_with_the_arbocontract_except_for_a_switch(self) -> None:
        """003 art. 1.5.2: prb ends with the arbocontract "tenzij u direct aansluitend een
        arbocontract aangaat" (overstap_arbodienst): without a reason, every prb row says so."""
        rows = consequences(ZEEUWSE_PRB, "arbocontract", END, None).value
        assert rows
        assert all("niet bij reden overstap_arbodienst" in c.text for c in rows)
        assert consequences(ZEEUWSE_PRB, "arbocontract", END, R.OVERSTAP_ARBODIENST).value == ()

    @pytest.mark.parametrize(
        ("product", "module"),
        [(p, m.code) for p in BUILTIN_PRODUCTS for m in p.modules],
        ids=lambda v: v.code if isinstance(v, Product) else v,
    )
    def test_unconditional_rows_follow_from_every_admitted_reason(
        self, product: Product, module: str
    ) -> None:
        """Domain §8.1 (one decision with the cascade, 003 art. 1.5.2): a row listed without
        a condition follows from every reason the module admits; every row of a given reason
        is listed without a reason, with or without its condition."""
        admitted = product.module(module).allowed_reasons
        open_rows = [c.text for c in consequences(product, module, END, None).value]
        per_reason = {
            r: [c.text for c in consequences(product, module, END, r).value] for r in admitted
        }
        for text in open_rows:
            if not all(text in rows for rows in per_reason.values()):
                assert "bij reden" in text, text
        for rows in per_reason.values():
            for text in rows:
                assert any(t.startswith(text) for t in open_rows), text


class TestContinuationZeeuwse:
    def test_sick_before_the_end_continues(self) -> None:
        """003 art. 1.5.3: first sick day before the end — support continues."""
        assert continues(ZEEUWSE_PRB, [sick(date(2025, 11, 1))], date(2026, 6, 1))

    def test_sick_on_the_last_day_continues(self) -> None:
        """003 art. 1.5.3 with §1: the end date is the last day, so sick on it is before the end."""
        assert continues(ZEEUWSE_PRB, [sick(END)], date(2026, 6, 1))

    def test_sick_after_the_end_does_not(self) -> None:
        """003 art. 1.5.3: a first sick day after the end gives no continuation."""
        assert not continues(ZEEUWSE_PRB, [sick(END + timedelta(days=1))], date(2026, 6, 1))

    @pytest.mark.parametrize("reason", [R.FRAUDE, R.WANBETALING, R.ONJUISTE_INFORMATIE])
    def test_no_continuation_for_excluded_reasons(self, reason: R) -> None:
        """003 art. 1.5.3: not after fraude, wanbetaling or onjuiste informatie."""
        assert not continues(
            ZEEUWSE_PRB, [sick(date(2025, 11, 1))], date(2026, 6, 1), reason=reason
        )

    def test_stops_at_recovery(self) -> None:
        """003 art. 1.5.3: the right ends when the employee has fully recovered."""
        periods = [sick(date(2025, 11, 1))]
        recovered = date(2026, 3, 1)
        assert continues(ZEEUWSE_PRB, periods, date(2026, 2, 28), recovery=recovered)
        assert not continues(ZEEUWSE_PRB, periods, date(2026, 3, 1), recovery=recovered)

    @pytest.mark.parametrize(("gap", "expected"), [(19, True), (27, True), (28, False)])
    def test_relapse_within_four_weeks(self, gap: int, expected: bool) -> None:
        """003 art. 1.5.3 with §2: sick again within 4 weeks (interruption < 28 days) continues."""
        last = date(2026, 2, 28)
        periods = [sick(date(2025, 11, 1), last), sick(last + timedelta(days=gap + 1))]
        assert continues(ZEEUWSE_PRB, periods, date(2026, 6, 1)) is expected

    def test_between_periods_of_one_case_continues(self) -> None:
        """003 art. 1.5.3: during a known short interruption the right has not ended."""
        periods = [sick(date(2025, 11, 1), date(2026, 2, 28)), sick(date(2026, 3, 10))]
        assert continues(ZEEUWSE_PRB, periods, date(2026, 3, 5))

    def test_up_to_the_end_of_wage_continuation(self) -> None:
        """003 art. 1.5.3: while there is a legal re-integration obligation (104 weeks)."""
        first = date(2025, 11, 1)
        last_day = milestone_date(
            SicknessCase.ongoing(first), Milestone.EINDE_LOONDOORBETALING
        ).value
        assert last_day is not None
        assert last_day == date(2027, 10, 29)
        assert continues(ZEEUWSE_PRB, [sick(first)], last_day)
        assert not continues(ZEEUWSE_PRB, [sick(first)], last_day + timedelta(days=1))

    def test_relapse_window_is_the_product_parameter(self) -> None:
        """spec/domain.md §7: the 4 weeks of 003 art. 1.5.3 are a parameter of the product."""
        shorter = ParameterHistory.of(
            [
                Parameter(
                    name="herstel_terugval_dagen",
                    value=14,
                    citation=Citation.seed("003", "1.5.3"),
                    unit=Unit.DAYS,
                )
            ]
        )
        parameters = tuple(
            shorter if h.versions[0].name == "herstel_terugval_dagen" else h
            for h in ZEEUWSE_PRB.parameters
        )
        product = attrs.evolve(ZEEUWSE_PRB, parameters=parameters)
        periods = [sick(date(2025, 11, 1), date(2026, 2, 28)), sick(date(2026, 3, 20))]
        assert guidance_continues(ZEEUWSE_PRB, periods, END, date(2026, 6, 1)).value
        assert not guidance_continues(product, periods, END, date(2026, 6, 1)).value

    def test_explanation_cites_the_article_and_the_parameter(self) -> None:
        """003 art. 1.5.3: the explanation names the article and the relapse window."""
        result = guidance_continues(ZEEUWSE_PRB, [sick(date(2025, 11, 1))], END, date(2026, 6, 1))
        assert Citation.seed("003", "1.5.3") in result.citations()
        assert any(
            ("herstel_terugval_dagen", Unit.DAYS.of(28)) in g.parameters for g in result.grounds
        )


class TestContinuationOtherProducts:
    def test_asr_reintegratie_continues_up_to_wage_continuation(self) -> None:
        """000 art. 4.3: guidance continues while the employer has a right to compensation."""
        assert continues(ASR_REINTEGRATIE, [sick(date(2025, 11, 1))], date(2026, 6, 1))
        assert not continues(ASR_REINTEGRATIE, [sick(date(2025, 11, 1))], date(2027, 10, 30))

    def test_asr_reintegratie_has_no_excluded_reasons(self) -> None:
        """000 art. 4.3 names no exclusions (unlike 003 art. 1.5.3)."""
        assert continues(
            ASR_REINTEGRATIE, [sick(date(2025, 11, 1))], date(2026, 6, 1), reason=R.FRAUDE
        )

    @pytest.mark.parametrize("product", [ASR_REINTEGRATIEMANAGER, MKB_VERZUIM_ONTZORG])
    def test_guidance_ends_only_consultation(self, product: Product) -> None:
        """001/004 art. 2.5: guidance ends; only consultation on running cases remains."""
        assert not continues(product, [sick(date(2025, 11, 1))], date(2026, 1, 1))
        result = guidance_continues(
            ASR_REINTEGRATIEMANAGER, [sick(date(2025, 11, 1))], END, date(2026, 1, 1)
        )
        assert Citation.seed("001", "2.5") in result.citations()

    @pytest.mark.parametrize("product", BUILTIN_PRODUCTS)
    def test_before_the_end_the_module_runs(self, product: Product) -> None:
        """spec/domain.md §4: on or before the end date the module itself still runs."""
        assert continues(product, [sick(date(2025, 11, 1))], END)
        assert not continues(product, [sick(date(2026, 1, 5))], END)

    @pytest.mark.parametrize(
        ("product", "seed"), [(ASR_REINTEGRATIEMANAGER, "001"), (MKB_VERZUIM_ONTZORG, "004")]
    )
    def test_running_module_guides_to_the_end_of_wage_continuation(
        self, product: Product, seed: str
    ) -> None:
        """001/004 art. 3.5: when UWV extends wage continuation after 104 weeks, the
        casemanager keeps working "tot het einde van de loondoorbetalingsperiode die UWV u
        oplegt" — not after it; without a loonsanctie the work ends with week 104 (art.
        1.6/1.7: arbeidsongeschikt is within the wage-continuation period). D = 06-01-2025:
        einde_loondoorbetaling 03-01-2027, with 10 sanction weeks 14-03-2027."""
        periods = [sick(date(2025, 1, 6))]
        running = date(2030, 12, 31)

        def runs(on: date, weeks: int) -> bool:
            return guidance_continues(product, periods, running, on, sanction_weeks=weeks).value

        assert runs(date(2027, 1, 3), 0)
        assert not runs(date(2027, 1, 4), 0)
        assert runs(date(2027, 3, 14), 10)
        assert not runs(date(2027, 3, 15), 10)
        assert not runs(date(2028, 6, 1), 10)
        late = guidance_continues(
            product, periods, running, date(2028, 6, 1), sanction_weeks=10
        ).explain()
        assert Citation.seed(seed, "3.5") in late.citations()
        assert "14-03-2027" in late.grounds[0].rule

    def test_recovery_must_fit_the_periods(self) -> None:
        """A recovery date inside or before the last sick period is refused."""
        with pytest.raises(InvalidValueError, match=r"^recovery: "):
            apply_recovery([sick(date(2025, 11, 1))], date(2025, 11, 1))
        with pytest.raises(InvalidValueError, match="past niet"):
            apply_recovery([sick(date(2025, 11, 1), date(2025, 11, 30))], date(2025, 12, 5))
        closed = apply_recovery([sick(date(2025, 11, 1), date(2025, 11, 30))], date(2025, 12, 1))
        assert closed == (sick(date(2025, 11, 1), date(2025, 11, 30)),)


class TestContinuationProperties:
    @given(
        sick_period_chains(max_gap=40), st.integers(-200, 900), st.sampled_from(BUILTIN_PRODUCTS)
    )
    def test_never_beyond_its_limits(
        self, periods: list[Absence], offset: int, product: Product
    ) -> None:
        """003 art. 1.5.3, 000 art. 4.3: TRUE after the end only within every limit."""
        chosen = product
        first = periods[0].period.start
        end = first + timedelta(days=max(0, offset // 3))
        on = end + timedelta(days=abs(offset) + 1)
        value = guidance_continues(chosen, periods, end, on).value
        if not value:
            return
        assert chosen in (ZEEUWSE_PRB, ASR_REINTEGRATIE)
        case = [c for c in merge_cases(periods) if c.first_day <= on][-1]
        assert case.first_day <= end
        last_day = milestone_date(case, Milestone.EINDE_LOONDOORBETALING).value
        assert last_day is None or on <= last_day
        assert case.is_open or on <= (case.last_day or on)

    @given(sick_period_chains(), st.integers(1, 900))
    def test_excluded_reasons_never_continue(self, periods: list[Absence], days: int) -> None:
        """003 art. 1.5.3: after fraude/wanbetaling/onjuiste informatie nothing continues."""
        end = periods[0].period.start
        for reason in (R.FRAUDE, R.WANBETALING, R.ONJUISTE_INFORMATIE):
            result = guidance_continues(
                ZEEUWSE_PRB, periods, end, end + timedelta(days=days), reason=reason
            )
            assert result.value is False


class TestEligibility:
    @pytest.mark.parametrize(
        ("product", "article"),
        [
            (ASR_REINTEGRATIEMANAGER, Citation.seed("001", "3.2")),
            (MKB_VERZUIM_ONTZORG, Citation.seed("004", "3.2")),
            (ZEEUWSE_PRB, Citation.seed("003", "1.3")),
            (ASR_REINTEGRATIE, Citation.decision("§4")),
        ],
    )
    def test_first_sick_day_on_or_after_the_start(
        self, product: Product, article: Citation
    ) -> None:
        """001 art. 3.2/3.3, 004 art. 3.2, 003 art. 1.3: first sick day ≥ start date."""
        chosen = product
        start = date(2025, 1, 1)
        assert eligible(chosen, SicknessCase.ongoing(start), start).value is True
        assert eligible(chosen, SicknessCase.ongoing(date(2025, 3, 1)), start).value is True
        assert eligible(chosen, SicknessCase.ongoing(date(2024, 12, 31)), start).value is False
        assert article in eligible(chosen, SicknessCase.ongoing(start), start).citations()

    def test_zeeuwse_uses_the_insurance_start(self) -> None:
        """003 art. 1.3: the start date of the insurance, not of the service."""
        rule = (
            eligible(ZEEUWSE_PRB, SicknessCase.ongoing(date(2025, 3, 1)), date(2025, 1, 1))
            .grounds[0]
            .rule
        )
        assert "Verzuimverzekering Eigen Risico in Dagen" in rule

    @given(st.dates(), st.dates())
    def test_is_the_date_comparison(self, first: date, start: date) -> None:
        """001 art. 3.2: eligible exactly when first sick day ≥ start."""
        assert eligible(ASR_REINTEGRATIEMANAGER, SicknessCase.ongoing(first), start).value is (
            first >= start
        )


class TestDecisionsOf20261201:
    """Domain §8.1 decisions on eligibility, continuation and the consequences' reasons."""

    @given(
        st.sampled_from(BUILTIN_PRODUCTS),
        st.integers(1, 120),
        st.integers(0, 60),
        st.integers(1, 60),
    )
    def test_relapse_of_an_earlier_case_is_not_eligible(
        self, product: Product, before: int, gap: int, sick_days: int
    ) -> None:
        """Domain §8.1, 001 art. 3.2 / 003 art. 1.3: a case that began before the start stays
        ineligible through a relapse less than 28 days later; 28 days or more is a new case."""
        start = date(2025, 1, 1)
        first = start - timedelta(days=before)
        last = first + timedelta(days=sick_days - 1)
        relapse = max(last + timedelta(days=gap + 1), start)
        case = merge_cases([sick(first, last), sick(relapse)])[-1]
        interruption = (relapse - last).days - 1
        assert eligible(product, case, start).value is (interruption >= 28)
        assert eligible(product, SicknessCase.ongoing(relapse), start).value is True

    @given(st.integers(0, 900), st.integers(0, 52), st.integers(0, 52))
    def test_more_sanction_weeks_never_end_continuation_earlier(
        self, offset: int, weeks: int, more: int
    ) -> None:
        """003 art. 1.5.3, domain §8.1 (BW 7:629 lid 11): continuation runs to the end of wage
        continuation including sanction weeks, so more weeks never turn TRUE into FALSE."""
        absences = [sick(date(2025, 3, 3))]
        on = END + timedelta(days=1 + offset)
        fewer = guidance_continues(ZEEUWSE_PRB, absences, END, on, sanction_weeks=weeks).value
        most = min(52, weeks + more)
        assert (
            not fewer
            or guidance_continues(ZEEUWSE_PRB, absences, END, on, sanction_weeks=most).value
        )

    def test_reason_of_must_name_a_module(self) -> None:
        """003 art. 1.5.3 as data: reason_of (TOML reden_van) names a module of the product."""
        prb = ZEEUWSE_PRB.module("prb")
        rules = tuple(attrs.evolve(r, reason_of="nope") for r in prb.consequences)
        modules = tuple(
            attrs.evolve(m, consequences=rules) if m.code == "prb" else m
            for m in ZEEUWSE_PRB.modules
        )
        with pytest.raises(InvalidValueError, match="reden_van"):
            attrs.evolve(ZEEUWSE_PRB, modules=modules)


class TestRelapsePreventionAfter:
    """002 (terugvalpreventie), domain §8.1: measured from the first day of the case the
    recovery closes; one running period is that case itself (not built)."""

    @given(st.dates(date(2000, 1, 1), date(2030, 1, 1)), st.integers(1, 800))
    def test_one_running_period_is_the_general_path(self, first: date, days: int) -> None:
        recovery = first + timedelta(days=days)
        absences = (Absence.sick(first),)
        decided = relapse_prevention_after(absences, recovery)
        case = last_case(apply_recovery(absences, recovery))
        general = relapse_prevention(case.first_day, recovery, case)
        assert decided.value == general.value
        assert decided.first_sick_day == general.first_sick_day == first

    def test_several_periods_count_from_the_case(self) -> None:
        absences = (
            Absence.sick(date(2025, 1, 6), date(2025, 1, 31)),
            Absence.sick(date(2025, 2, 10)),
        )
        decided = relapse_prevention_after(absences, date(2025, 6, 1))
        assert decided.first_sick_day == date(2025, 1, 6)  # one case: gap < 28 days
        assert decided.value == date(2025, 12, 1)

    def test_recovery_on_the_first_day_is_refused(self) -> None:
        with pytest.raises(InvalidValueError, match=r"^recovery: "):
            relapse_prevention_after((Absence.sick(date(2025, 1, 6)),), date(2025, 1, 6))


class TestRecoveryReadsThePeriodsOnce:
    def test_an_iterator_of_periods_is_read_once(self) -> None:
        """``apply_recovery`` read its periods twice: given once (an iterator), the second
        read was empty and the periods were lost (``()``), so ``relapse_prevention_after``
        said no sick period was given. The periods read once give the list's result
        (``002``: terugvalpreventie after more than 3 months sick)."""
        periods = [Absence.sick(date(2025, 1, 6))]
        recovery = date(2025, 6, 1)
        assert apply_recovery(iter(periods), recovery) == apply_recovery(periods, recovery)
        assert apply_recovery(iter(periods), recovery) != ()
        after = relapse_prevention_after(iter(periods), recovery)
        assert after.value == relapse_prevention_after(periods, recovery).value
        assert after.value == date(2025, 12, 1)
