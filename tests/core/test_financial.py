"""Financial consequences: worked examples of financieel.md §9 (wage continuation, WIA)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from reintegratie_core import Citation, InvalidValueError
from reintegratie_core.financial import (
    DERIVED_NOTE,
    MAXIMUM_DAILY_WAGE,
    NO_NEWER_NOTE,
    RATES,
    WIA_MINIMUM_WAGE,
    BenefitKind,
    Regime,
    benefit_overview,
    classify,
    lgu_duration,
    monthly_benefit,
    rates_on,
    wage_continuation,
    wia_daily_wage,
    wia_monthly_wage,
    wia_wage,
)
from reintegratie_core.financial import _parameters as financial_parameters

D = Decimal
MARCH_2025 = date(2025, 3, 1)
FEBRUARY_2026 = date(2026, 2, 1)


class TestParameters:
    def test_rows_of_the_table(self) -> None:
        """financieel.md §9.1 (Wfsv art. 17 lid 1; WML art. 8): the five half-year rows."""
        assert [r.maximum_daily_wage for r in RATES] == [
            D("274.44"),
            D("282.95"),
            D("290.67"),
            D("297.82"),
            D("304.25"),
        ]
        assert rates_on(date(2025, 6, 30)).minimum_wage_hour.value == D("14.06")
        assert rates_on(date(2025, 7, 1)).minimum_wage_hour.value == D("14.40")

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (date(2025, 1, 1), "2367.14"),
            (date(2025, 7, 1), "2425.46"),
            (date(2026, 1, 1), "2477.95"),
        ],
    )
    def test_wia_minimum_wage(self, on: date, expected: str) -> None:
        """financieel.md §9.1 (WML art. 15): WIA-minimumloon = WML month × 1.08, to cents."""
        assert WIA_MINIMUM_WAGE.at(on).value == D(expected)

    def test_derived_value_is_used_and_marked(self) -> None:
        """Wfsv art. 18 lid 1: the derived maximumdagloon of 2025-07-01 is used and marked."""
        rates = rates_on(date(2025, 9, 1))
        assert rates.maximum_daily_wage.value == D("297.82")
        assert DERIVED_NOTE in str(rates.ground(rates.maximum_daily_wage))
        assert DERIVED_NOTE not in str(rates.ground(rates.minimum_wage_hour))
        confirmed = rates_on(MARCH_2025)
        assert DERIVED_NOTE not in str(confirmed.ground(confirmed.maximum_daily_wage))

    def test_every_explanation_using_the_derived_value_says_so(self) -> None:
        """Wfsv art. 18 lid 1: each function using 297.82 says 'afgeleid … niet bevestigd'."""
        on = date(2025, 8, 1)
        texts = [
            wage_continuation(8000, 10, on).explained.text(),
            wia_wage(90000, on).explained_daily.text(),
            wia_wage(90000, on).explained_monthly.text(),
            monthly_benefit(90000, D("0.5"), 3000, 2000, on, lgu_months=12).explained.text(),
            monthly_benefit(90000, D("0.9"), 0, 0, on, durable=True).explained.text(),
        ]
        assert all(DERIVED_NOTE in text for text in texts)

    def test_after_the_newest_date_the_newest_value_applies(self) -> None:
        """financieel.md §9.1: after 2026-01-01 the newest row applies, no newer value known."""
        rates = rates_on(date(2030, 5, 1))
        assert rates.maximum_daily_wage.value == D("304.25")
        assert NO_NEWER_NOTE in str(rates.ground(rates.maximum_daily_wage))
        assert NO_NEWER_NOTE not in str(rates_on(MARCH_2025).ground(rates.maximum_daily_wage))

    def test_before_the_first_row_is_an_error_naming_peildatum(self) -> None:
        """financieel.md §9.1: no value before 2024-01-01; the error names peildatum."""
        with pytest.raises(InvalidValueError, match=r"^on: "):
            rates_on(date(2023, 12, 31))

    def test_a_new_half_year_is_one_row(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """financieel.md §9.1: a new row of data changes the values, no code (Wfsv art. 17)."""
        row = attrs.evolve(RATES[-1], valid_from=date(2026, 7, 1), maximum_daily_wage=D("310.00"))
        rows = (*RATES, row)
        monkeypatch.setattr(financial_parameters, "RATES", rows)
        history = financial_parameters._history(
            "maximumdagloon", financial_parameters.WFSV_17, "maximum_daily_wage"
        )
        assert history.at(date(2026, 8, 1)).value == D("310.00")
        assert MAXIMUM_DAILY_WAGE.at(date(2026, 8, 1)).value == D("304.25")


class TestWageContinuation:
    def test_capped_wage(self) -> None:
        """BW 7:629 lid 1; financieel.md §9.2: 8000, week 10, 2025-03-01 → cap 5853.77 → 4097.64."""
        result = wage_continuation(8000, 10, MARCH_2025)
        assert result.value == D("4097.64")
        assert result.capped
        assert "loongrens_afgerond = € 5.853,77" in result.explained.text()

    def test_minimum_wage_floor_in_year_one(self) -> None:
        """BW 7:629 lid 1: 2500, 36 h, week 10 → 1750.00 < floor 2193.36 → 2193.36."""
        result = wage_continuation(2500, 10, MARCH_2025, 36)
        assert result.value == D("2193.36")
        assert result.floor_applied

    def test_no_floor_in_year_two(self) -> None:
        """BW 7:629 lid 1: the floor holds the first 52 weeks only; week 60 → 1750.00."""
        result = wage_continuation(2500, 60, MARCH_2025, 36)
        assert result.value == D("1750.00")
        assert result.floor is None
        assert "vanaf week 53" in result.explained.text()

    def test_without_hours_the_floor_is_not_applied_and_said(self) -> None:
        """BW 7:629 lid 1: without uren_per_week no floor, and the explanation says so."""
        result = wage_continuation(2500, 10, MARCH_2025)
        assert result.value == D("1750.00")
        assert "zonder uren_per_week" in result.explained.text()

    def test_after_week_104_only_during_a_sanction(self) -> None:
        """BW 7:629 lid 11: week 110 is computed and the explanation names the loonsanctie."""
        result = wage_continuation(2500, 110, MARCH_2025)
        assert result.value == D("1750.00")
        assert Citation.statute("BW", "7:629 lid 11") in result.explained.citations()

    @pytest.mark.parametrize(
        ("args", "argument"),
        [
            ((-1, 10, MARCH_2025), "monthly_wage"),
            ((2500, 0, MARCH_2025), "sick_week"),
            ((2500, 10, MARCH_2025, -3), "hours_per_week"),
            ((2500, 10, MARCH_2025, 200), "hours_per_week"),
            ((2500, 10, date(2020, 1, 1)), "on"),
            ((10**13, 10, MARCH_2025), "monthly_wage"),
        ],
    )
    def test_errors_name_the_argument(self, args: tuple[object, ...], argument: str) -> None:
        """financieel.md §9.7: a negative amount, week < 1 … give an error naming the argument."""
        with pytest.raises(ValueError, match=rf"^{argument}: "):
            wage_continuation(*args)  # type: ignore[arg-type]

    @pytest.mark.parametrize("hours", [-3, 10**13])
    def test_hours_are_no_amount(self, hours: int) -> None:
        """BW 7:629 lid 1: uren_per_week counts contract hours (0 t/m 168), so a refusal says
        so and not "verwacht een bedrag"."""
        with pytest.raises(ValueError, match=r"^hours_per_week: ") as raised:
            wage_continuation(2500, 10, MARCH_2025, hours)
        assert "bedrag" not in str(raised.value)
        assert "168" in str(raised.value)


class TestWiaWage:
    def test_uncapped(self) -> None:
        """WIA art. 13; Dagloonbesluit art. 16: 25,000 → D = C = 95.79 → maandloon 2083.43."""
        wage = wia_wage(25000, MARCH_2025)
        assert (wage.uncapped, wage.daily, wage.monthly) == (D("95.79"), D("95.79"), D("2083.43"))
        assert wage.ratio == 1

    def test_capped(self) -> None:
        """WIA art. 13 lid 4: 90,000 on 2026-02-01 → D 344.83, C 304.25 → 6617.44."""
        wage = wia_wage(90000, FEBRUARY_2026)
        assert (wage.uncapped, wage.daily, wage.monthly) == (D("344.83"), D("304.25"), D("6617.44"))
        assert wage.capped

    def test_explanation_says_indexation_is_out_of_scope(self) -> None:
        """financieel.md §9.3: the explanation says indexation of the dagloon is not computed."""
        assert "indexatie" in wia_wage(25000, MARCH_2025).explained_monthly.text()


class TestClasses:
    @pytest.mark.parametrize(
        ("ao", "durable", "regime", "g"),
        [
            ("0.3499", False, Regime.NONE, "0"),
            ("0.35", False, Regime.WGA, "0.28"),
            ("0.45", False, Regime.WGA, "0.35"),
            ("0.55", False, Regime.WGA, "0.42"),
            ("0.65", False, Regime.WGA, "0.5075"),
            ("0.7999", True, Regime.WGA, "0.5075"),
            ("0.80", True, Regime.IVA, "0.70"),
            ("0.80", False, Regime.WGA_NO_INCOME_REQUIREMENT, "0.70"),
            ("1", False, Regime.WGA_NO_INCOME_REQUIREMENT, "0.70"),
        ],
    )
    def test_bands(self, ao: str, durable: bool, regime: Regime, g: str) -> None:
        """WIA art. 4, 5, 54, 61 lid 6: bands closed below, open above; their percentages G."""
        result = classify(D(ao), durable)
        assert result.regime is regime
        assert result.percentage == D(g)

    @pytest.mark.parametrize("durable", ["nee", 0, None, D(1)])
    def test_durable_is_a_boolean(self, durable: object) -> None:
        """WIA art. 4: IVA needs 80 % or more *and* duurzaam; duurzaam is True or False, so
        "nee" (a true string) is no IVA but a TypeError naming durable, as every other
        argument of the financial rules is checked."""
        with pytest.raises(TypeError, match=r"^durable: verwacht True of False \(bool\), kreeg "):
            classify(D("0.9"), durable)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^durable: "):
            monthly_benefit(26100, D("0.9"), 0, 500, MARCH_2025, durable=durable)  # type: ignore[arg-type]


class TestBenefit:
    @pytest.mark.parametrize(
        ("income", "expected", "kind"),
        [
            (1200, "682.50", BenefitKind.SUPPLEMENT),
            (600, "822.50", BenefitKind.SUPPLEMENT),
            (300, "761.25", BenefitKind.FOLLOW_UP),
        ],
    )
    def test_after_the_wage_related_benefit(
        self, income: int, expected: str, kind: BenefitKind
    ) -> None:
        """WIA art. 61 lid 4–5, 62: jaarloon 26,100, ao 50, rvc 1000 after the LGU."""
        result = monthly_benefit(26100, D("0.5"), 1000, income, MARCH_2025)
        assert wia_wage(26100, MARCH_2025).monthly == D("2175.00")
        assert result.value == D(expected)
        assert result.kind is kind

    def test_floor_capped_by_income(self) -> None:
        """WIA art. 61 lid 5: ao 70, B 600 → floor 1103.81 capped at 1102.50."""
        result = monthly_benefit(26100, D("0.7"), 1000, 600, MARCH_2025)
        assert result.value == D("1102.50")
        assert result.after is not None
        assert result.after.floor_applied
        assert "G_x_H_afgerond = € 1.103,81" in result.explained.text()

    def test_the_capped_floor_is_traced(self) -> None:
        """WIA art. 61 lid 4–5 (user review): the explanation shows the decided x
        (70 % × (2175 − 1000) = 822.50), the floor G × H = 1103.81 and the bound
        70 % × (2175 − 600) = 1102.50 that gives the result, read from the decision."""
        result = monthly_benefit(26100, D("0.7"), 1000, 600, MARCH_2025)
        after = result.after
        assert after is not None
        assert after.on_capacity == D("822.5000")
        assert after.on_income == D("1102.5000")
        assert after.amount == after.on_income < after.floor  # type: ignore[operator]
        text = result.text()
        assert "x_afgerond = € 822,50" in text
        assert "vloer_toegepast = ja, bovengrens_afgerond = € 1.102,50" in text

    def test_the_bound_is_shown_only_when_the_floor_applies(self) -> None:
        """WIA art. 61 lid 4: x above the floor is the amount; no bound is used."""
        text = monthly_benefit(26100, D("0.5"), 1000, 600, MARCH_2025).text()
        assert "x_afgerond = € 822,50" in text
        assert "vloer_toegepast = nee" in text
        assert "bovengrens_afgerond" not in text

    def test_iva(self) -> None:
        """WIA art. 51, 52: IVA, ao 90 duurzaam, B 500 → 1281.25, no two-month rule."""
        first = monthly_benefit(26100, D("0.9"), 0, 500, MARCH_2025, durable=True, lgu_months=12)
        later = monthly_benefit(26100, D("0.9"), 0, 500, MARCH_2025, durable=True, month=5)
        assert first.value == later.value == D("1281.25")
        assert first.kind is BenefitKind.IVA

    def test_capped_wage_related_benefit(self) -> None:
        """WIA art. 61 lid 1: 90,000, 2026-02-01, ao 50, rvc 3000, B 2000: month 3 → 3396.96, month 1 → 3639.60."""
        assert monthly_benefit(
            90000, D("0.5"), 3000, 2000, FEBRUARY_2026, month=3, lgu_months=12
        ).value == D("3396.96")
        first = monthly_benefit(90000, D("0.5"), 3000, 2000, FEBRUARY_2026, month=1, lgu_months=12)
        assert first.value == D("3639.60")
        assert first.kind is BenefitKind.WAGE_RELATED

    def test_below_35_percent_nothing(self) -> None:
        """WIA art. 5: less than 35 % gives no benefit (0)."""
        result = monthly_benefit(26100, D("0.3"), 1000, 0, MARCH_2025)
        assert result.value == D("0.00")
        assert result.kind is BenefitKind.NONE

    def test_no_income_requirement_from_80_percent(self) -> None:
        """WIA art. 54, 61 lid 4: ao ≥ 80 not duurzaam gets loonaanvulling without income."""
        result = monthly_benefit(26100, D("0.85"), 100, 0, MARCH_2025)
        assert result.kind is BenefitKind.SUPPLEMENT
        assert result.value == D("1522.50")

    @pytest.mark.parametrize(("ao", "income"), [("0.5", 1200), ("0.85", 0)])
    def test_loonaanvulling_on_income_cites_lid_2(self, ao: str, income: int) -> None:
        """WIA art. 61 lid 2: with income ≥ rvc, or without an income requirement (art. 60),
        the loonaanvulling equals the LGU of lid 1 b, 70 % × (maandloon − inkomen × C/D);
        lid 4 is the formula on the rvc (50 % ≤ inkomen < rvc) and is not this rule's ground."""
        result = monthly_benefit(26100, D(ao), 1000, income, MARCH_2025)
        assert result.kind is BenefitKind.SUPPLEMENT
        text = result.text()
        assert "(WIA art. 60 en 61 lid 2)" in text
        assert "61 lid 4" not in text

    def test_half_month_of_wage_related_benefit(self) -> None:
        """WIA art. 59: with 12.5 months, month 13 is half LGU (70 %), half loonaanvulling."""
        result = monthly_benefit(
            26100, D("0.5"), 1000, 600, MARCH_2025, month=13, lgu_months=D("12.5")
        )
        assert result.value == D("962.50")  # (1102.50 + 822.50) / 2
        assert "15 dagen" in result.explained.text()

    def test_uitleg_cites_articles_and_parameters(self) -> None:
        """000 art. 1.9: the explanation cites the articles and shows the parameter values."""
        text = monthly_benefit(26100, D("0.5"), 1000, 300, MARCH_2025).explained.text()
        for part in (
            "WIA art. 62",
            "WIA art. 13",
            "wia_minimumloon = € 2.367,14",
            "maximumdagloon = € 290,67",
        ):
            assert part in text
        assert (
            Citation.seed("000", "1.9")
            in monthly_benefit(26100, D("0.5"), 1, 1, MARCH_2025).explained.citations()
        )

    @pytest.mark.parametrize(
        ("kwargs", "argument"),
        [
            ({"month": 0}, "month"),
            ({"lgu_months": D("12.3")}, "lgu_months"),
            ({"lgu_months": 25}, "lgu_months"),
        ],
    )
    def test_errors_name_the_argument(self, kwargs: dict[str, object], argument: str) -> None:
        """financieel.md §9.7: maand < 1 and impossible LGU months name their argument."""
        with pytest.raises(ValueError, match=rf"^{argument}: "):
            monthly_benefit(26100, D("0.5"), 1000, 600, MARCH_2025, **kwargs)  # type: ignore[arg-type]

    def test_negative_lgu_months_are_no_duration(self) -> None:
        """WIA art. 59: lgu_maanden counts months (0 t/m 24 in halves), not euros: a negative
        number is refused as a duration, not as "een bedrag"."""
        with pytest.raises(ValueError, match=r"^lgu_months: ") as raised:
            monthly_benefit(26100, D("0.5"), 1000, 600, MARCH_2025, lgu_months=D(-1))
        assert "bedrag" not in str(raised.value)
        assert "0 t/m 24 maanden" in str(raised.value)

    def test_percentage_above_one_names_ao(self) -> None:
        """WIA art. 4: a percentage outside 0–100 % is an error naming ao_percentage."""
        with pytest.raises(ValueError, match=r"^ao: "):
            classify(D("1.5"))


class TestWageFigures:
    @pytest.mark.parametrize("annual", [25000, 90000, D("26100.00")])
    def test_one_record_is_the_same_decision(self, annual: int | Decimal) -> None:
        """WIA art. 13: RI_WIA_DAGLOON's and RI_WIA_MAANDLOON's one record holds the decision
        of wia_wage, and explains it with the same grounds."""
        wage = wia_wage(annual, FEBRUARY_2026)
        daily, monthly = (
            wia_daily_wage(annual, FEBRUARY_2026),
            wia_monthly_wage(annual, FEBRUARY_2026),
        )
        assert (daily.value, monthly.value) == (wage.daily, wage.monthly)
        assert daily.wage == monthly.wage == wage
        assert daily.explain() == wage.daily_decision().explain()
        assert monthly.explain().grounds == wage.explained_monthly.grounds
        assert daily.explain().grounds == wage.explained_daily.grounds


class TestDuration:
    @pytest.mark.parametrize(
        ("p", "q", "months"),
        [(2, 0, "3"), (5, 10, "12.5"), (12, 3, "13.5"), (8, 6, "12"), (20, 10, "24")],
    )
    def test_worked_examples(self, p: int, q: int, months: str) -> None:
        """WIA art. 59: (2,0) → 3; (5,10) → 12.5; (12,3) → 13.5; (8,6) → 12; (20,10) → 24."""
        assert lgu_duration(p, q).value == D(months)

    def test_half_months_equal_the_formula(self) -> None:
        """WIA art. 59: computed in whole half months, the months and the unclamped value read
        as the formula of the docstring gives them in Decimal (12, not 12.0; 12.5; 25.0)."""
        for p in range(60):
            for q in range(60):
                t = p + q
                full = Decimal(t) if t <= 10 else 10 + max(p - 10, 0) + D("0.5") * (t - max(p, 10))
                months = min(D(24), max(D(3), full))
                if months == months.to_integral_value():
                    months = D(int(months))
                result = lgu_duration(p, q)
                assert (str(result.value), str(result.computed)) == (str(months), str(full))

    def test_half_month_is_fifteen_days(self) -> None:
        """WIA art. 59: 12.5 months reads as 12 maanden en 15 dagen."""
        assert "12 maanden en 15 dagen" in lgu_duration(5, 10).explained.text()

    def test_fractional_years_are_an_error(self) -> None:
        """WIA art. 15: years of work history are whole; 2.5 is an error naming the argument."""
        with pytest.raises(TypeError, match=r"^years_before_2016: "):
            lgu_duration(2.5, 0)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"^years_from_2016: "):
            lgu_duration(0, -1)


class TestOverview:
    def test_rows_of_a_wga_case(self) -> None:
        """WIA art. 59, 61, 62: LGU 1–2 at 75 %, 3–12 at 70 %, then loonaanvulling onwards."""
        rows = benefit_overview(26100, D("0.5"), 1000, 600, MARCH_2025, lgu_months=12).rows
        shown = [(r.kind, r.first_month, r.last_month, r.amount) for r in rows]
        assert shown == [
            (BenefitKind.WAGE_RELATED, 1, 2, D("1181.25")),
            (BenefitKind.WAGE_RELATED, 3, 12, D("1102.50")),
            (BenefitKind.SUPPLEMENT, 13, None, D("822.50")),
        ]

    def test_rows_equal_the_monthly_benefit(self) -> None:
        """financieel.md §9.5: each month of each row is what the monthly benefit gives."""
        rows = benefit_overview(
            90000, D("0.5"), 3000, 2000, FEBRUARY_2026, lgu_months=D("2.5")
        ).rows
        for row in rows:
            last = row.last_month or row.first_month + 3
            for month in range(row.first_month, last + 1):
                single = monthly_benefit(
                    90000, D("0.5"), 3000, 2000, FEBRUARY_2026, month=month, lgu_months=D("2.5")
                )
                assert single.value == row.amount

    def test_iva_is_one_open_row(self) -> None:
        """WIA art. 51, 52: IVA is one row from month 1, open-ended."""
        rows = benefit_overview(
            26100, D("0.9"), 0, 500, MARCH_2025, durable=True, lgu_months=12
        ).rows
        assert [(r.kind, r.first_month, r.last_month) for r in rows] == [(BenefitKind.IVA, 1, None)]
