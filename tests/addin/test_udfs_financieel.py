"""The financial Excel functions (excel-functions.md "Financial consequences"; financieel.md §9.7)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs
from reintegratie_core.financial import DERIVED_NOTE, LGU_MONTHS_HINT, NO_NEWER_NOTE
from tests.strategies import excel_values

MARCH_2025 = datetime(2025, 3, 1)
FEBRUARY_2026 = datetime(2026, 2, 1)

NAMES = (
    "RI_LOONDOORBETALING",
    "RI_WIA_DAGLOON",
    "RI_WIA_MAANDLOON",
    "RI_WGA_DUUR",
    "RI_WIA_UITKERING",
    "RI_WIA_OVERZICHT",
)


def call(name: str, *args: Any) -> Any:
    return udfs.contract_functions()[name](*args)


class TestContract:
    def test_names_and_argument_order(self) -> None:
        """financieel.md §9.7: the six functions with their arguments in the contract's order."""
        expected = {
            "RI_LOONDOORBETALING": ["maandloon", "ziekteweek", "peildatum", "uren_per_week"],
            "RI_WIA_DAGLOON": ["jaarloon", "peildatum"],
            "RI_WIA_MAANDLOON": ["jaarloon", "peildatum"],
            "RI_WGA_DUUR": ["jaren_voor_2016", "jaren_vanaf_2016"],
            "RI_WIA_UITKERING": [
                "jaarloon",
                "ao_percentage",
                "restverdiencapaciteit",
                "inkomen",
                "peildatum",
                "duurzaam",
                "maand",
                "lgu_maanden",
            ],
            "RI_WIA_OVERZICHT": [
                "jaarloon",
                "ao_percentage",
                "restverdiencapaciteit",
                "inkomen",
                "peildatum",
                "duurzaam",
                "lgu_maanden",
            ],
        }
        for name, params in expected.items():
            function = udfs.contract_functions()[name].ri_function
            assert [p.name for p in function.params] == params


class TestWorkedExamples:
    def test_wage_continuation(self) -> None:
        """BW 7:629 lid 1 (financieel.md §9.2): 4097.64; 2193.36 with the floor; 1750.00 in week 60."""
        assert call("RI_LOONDOORBETALING", 8000.0, 10.0, MARCH_2025) == 4097.64
        assert call("RI_LOONDOORBETALING", 2500.0, 10.0, MARCH_2025, 36.0) == 2193.36
        assert call("RI_LOONDOORBETALING", 2500.0, 60.0, MARCH_2025, 36.0) == 1750.0

    def test_dagloon_and_maandloon(self) -> None:
        """WIA art. 13 (financieel.md §9.3): 95.79 / 2083.43; capped 304.25 / 6617.44."""
        assert call("RI_WIA_DAGLOON", 25000.0, MARCH_2025) == 95.79
        assert call("RI_WIA_MAANDLOON", 25000.0, MARCH_2025) == 2083.43
        assert call("RI_WIA_DAGLOON", 90000.0, FEBRUARY_2026) == 304.25
        assert call("RI_WIA_MAANDLOON", 90000.0, FEBRUARY_2026) == 6617.44

    @pytest.mark.parametrize(
        ("ao", "income", "expected"),
        [(50, 1200, 682.5), ("50%", 600, 822.5), (0.5, 300, 761.25), (70, 600, 1102.5)],
    )
    def test_benefit_after_the_lgu(self, ao: Any, income: float, expected: float) -> None:
        """WIA art. 61 lid 4–5, 62 (financieel.md §9.5): jaarloon 26,100, rvc 1000; ao as 50, 0.5 or "50%"."""
        assert call("RI_WIA_UITKERING", 26100.0, ao, 1000.0, income, MARCH_2025) == expected

    def test_iva(self) -> None:
        """WIA art. 51, 52: ao 90 duurzaam, B 500 → 1281.25."""
        assert call("RI_WIA_UITKERING", 26100.0, 90, 0.0, 500.0, MARCH_2025, True) == 1281.25

    def test_capped_lgu(self) -> None:
        """WIA art. 61 lid 1: month 3 of a 12-month LGU → 3396.96; month 1 → 3639.60."""
        args = (90000.0, 50, 3000.0, 2000.0, FEBRUARY_2026, False)
        assert call("RI_WIA_UITKERING", *args, 3.0, 12.0) == 3396.96
        assert call("RI_WIA_UITKERING", *args, 1.0, 12.0) == 3639.6

    @pytest.mark.parametrize(
        ("p", "q", "months"), [(2, 0, 3), (5, 10, 12.5), (12, 3, 13.5), (8, 6, 12), (20, 10, 24)]
    )
    def test_duration(self, p: int, q: int, months: float) -> None:
        """WIA art. 59 (financieel.md §9.6): the five worked durations."""
        assert call("RI_WGA_DUUR", float(p), float(q)) == months

    def test_overview(self) -> None:
        """WIA art. 59, 61, 62: the overview table with its header and open last row."""
        table = call("RI_WIA_OVERZICHT", 26100.0, 0.5, 1000.0, 600.0, MARCH_2025, None, 12.0)
        assert table == [
            ["uitkering", "van_maand", "tot_maand", "bedrag_per_maand", "grond"],
            ["wga_loongerelateerd", 1, 2, 1181.25, "WIA art. 61 lid 1"],
            ["wga_loongerelateerd", 3, 12, 1102.5, "WIA art. 61 lid 1"],
            ["wga_loonaanvulling", 13, "", 822.5, "WIA art. 61 lid 4; WIA art. 61 lid 5"],
        ]


class TestErrors:
    @pytest.mark.parametrize(
        ("name", "args", "argument"),
        [
            ("RI_WIA_UITKERING", (26100, 150, 1000, 600, MARCH_2025), "ao_percentage"),
            ("RI_WIA_UITKERING", (26100, -5, 1000, 600, MARCH_2025), "ao_percentage"),
            ("RI_WIA_UITKERING", (26100, 50, -1, 600, MARCH_2025), "restverdiencapaciteit"),
            ("RI_WIA_UITKERING", (26100, 50, 1000, -600, MARCH_2025), "inkomen"),
            ("RI_WIA_UITKERING", (26100, 50, 1000, 600, MARCH_2025, None, 0), "maand"),
            ("RI_WIA_UITKERING", (26100, 50, 1000, 600, MARCH_2025, None, 1, 12.3), "lgu_maanden"),
            ("RI_WIA_OVERZICHT", (-1, 50, 1000, 600, MARCH_2025), "jaarloon"),
            ("RI_WIA_UITKERING", (1e30, 50, 1000, 600, MARCH_2025), "jaarloon"),
            ("RI_LOONDOORBETALING", (-1, 10, MARCH_2025), "maandloon"),
            ("RI_LOONDOORBETALING", (2500, 0, MARCH_2025), "ziekteweek"),
            ("RI_LOONDOORBETALING", (2500, 10, datetime(2023, 1, 1)), "peildatum"),
            ("RI_WGA_DUUR", (2.5, 3), "jaren_voor_2016"),
            ("RI_WGA_DUUR", (2, -3), "jaren_vanaf_2016"),
        ],
    )
    def test_error_names_the_argument(
        self, name: str, args: tuple[Any, ...], argument: str
    ) -> None:
        """financieel.md §9.7: bad input gives #WAARDE! naming the argument."""
        result = call(name, *args)
        assert isinstance(result, str)
        assert result.startswith(f"#WAARDE! {argument}: ")


class TestPercentages:
    @pytest.mark.parametrize("ao", [1, 1.0, 100, "100%"])
    def test_one_is_a_hundred_percent(self, ao: Any) -> None:
        """excel-functions.md calling conventions: a percentage up to 1 is a fraction, so
        ao_percentage 1 is 100 % (IVA when duurzaam), like 100 and "100%"."""
        assert call("RI_WIA_UITKERING", 26100.0, ao, 1000.0, 500.0, MARCH_2025, True) == 1281.25

    def test_one_percent_is_written_as_such(self) -> None:
        """1 % is "1%" or 0.01: below 35 %, no benefit."""
        for ao in ("1%", 0.01):
            assert call("RI_WIA_UITKERING", 26100.0, ao, 1000.0, 500.0, MARCH_2025, True) == 0


class TestExcelPrecision:
    """User review: a number cell is read as Excel holds it, 15 significant digits, so a
    result does not flip at a class or income boundary the cell does not show."""

    def test_eighty_percent_as_shown_is_iva(self) -> None:
        """0.1 + 0.7 shows as 80 %: IVA (1561.25), not WGA (1103.81)."""
        result = call("RI_WIA_UITKERING", 26100.0, 0.1 + 0.7, 1000.0, 100.0, MARCH_2025, True)
        assert result == 1561.25

    def test_uitleg_shows_eighty_percent(self) -> None:
        """RI_UITLEG prints the 80 % the cell shows, not 79,9999999999999900 %."""
        text = udfs.RI_UITLEG(
            "RI_WIA_UITKERING", 26100.0, 0.1 + 0.7, 1000.0, 100.0, MARCH_2025, True
        )
        assert "ao_percentage = 80 %" in text
        assert "79,99" not in text

    def test_income_at_the_boundary_is_loonaanvulling(self) -> None:
        """Inkomen 1000 × (0.7 − 0.2) shows as 500: loonaanvulling 822.50, not 761.25."""
        result = call("RI_WIA_UITKERING", 26100.0, 50.0, 1000.0, 1000 * (0.7 - 0.2), MARCH_2025)
        assert result == 822.50

    def test_just_above_one_is_a_hundred_percent(self) -> None:
        """1.0000000000000002 shows as 1, which is 100 %: not 1.0000000000000002 %."""
        ao = 1.0000000000000002
        assert call("RI_WIA_UITKERING", 26100.0, ao, 1000.0, 100.0, MARCH_2025, True) == 1561.25


class TestNegativeZero:
    @pytest.mark.parametrize(
        ("name", "args"),
        [
            ("RI_LOONDOORBETALING", ("-0", 10.0, MARCH_2025)),
            ("RI_WIA_DAGLOON", ("-0", MARCH_2025)),
            ("RI_LOONDOORBETALING", (-0.0, 10.0, MARCH_2025)),
            ("RI_WIA_MAANDLOON", ("-0,00", MARCH_2025)),
        ],
    )
    def test_minus_zero_gives_zero(self, name: str, args: tuple[Any, ...]) -> None:
        """-0 is read as 0: the result is 0, never -0 (user review)."""
        result = call(name, *args)
        assert result == 0
        assert str(result) == "0.0"


class TestMessages:
    def test_bound_and_its_wording_agree(self) -> None:
        """10^12 is accepted, as the message 0 t/m 1.000.000.000.000 says; above it refused."""
        assert call("RI_LOONDOORBETALING", 1e12, 10.0, MARCH_2025) == 4097.64
        assert call("RI_LOONDOORBETALING", 1e13, 10.0, MARCH_2025) == (
            "#WAARDE! maandloon: 10000000000000 is te groot "
            "(verwacht een bedrag van 0 t/m 1.000.000.000.000)"
        )

    def test_hours_are_no_amount(self) -> None:
        """Negative hours are refused as hours, not as an amount."""
        result = call("RI_LOONDOORBETALING", 2500.0, 10.0, MARCH_2025, -5)
        assert result == (
            "#WAARDE! uren_per_week: -5 is negatief "
            "(verwacht een aantal uren per week, 0 t/m 168, bijv. 36)"
        )

    @pytest.mark.parametrize(("hours", "shown"), [(200.0, "200"), ("200,5", "200,5")])
    def test_numbers_the_dutch_way(self, hours: Any, shown: str) -> None:
        """Numbers in messages as a Dutch Excel shows them (200, 200,5; not 200.0)."""
        result = call("RI_LOONDOORBETALING", 2500.0, 10.0, MARCH_2025, hours)
        assert result == f"#WAARDE! uren_per_week: {shown} is meer dan de 168 uren van een week"

    def test_huge_number_the_excel_way(self) -> None:
        """1e300 is shown as Excel shows it, 1E+300."""
        result = call("RI_LOONDOORBETALING", 1e300, 10.0, MARCH_2025)
        assert result.startswith("#WAARDE! maandloon: 1E+300 is te groot")

    @pytest.mark.parametrize("months", [-0.5, "x", True, 1e13])
    def test_lgu_months_are_months(self, months: Any) -> None:
        """WIA art. 59: lgu_maanden counts months (RI_WGA_DUUR), so a refusal says what a
        duration is, never "verwacht een bedrag" (excel-functions.md: the message says what
        is accepted)."""
        result = call("RI_WIA_UITKERING", 26100.0, 50.0, 1000.0, 600.0, MARCH_2025, None, 1, months)
        assert result.startswith("#WAARDE! lgu_maanden: ")
        assert "bedrag" not in result
        assert "24 maanden" in result

    @pytest.mark.parametrize("months", ["x", 25.0, 12.3, -1.0])
    def test_lgu_refusals_share_one_hint(self, months: Any) -> None:
        """WIA art. 59: every refusal of lgu_maanden, the add-in's (not a number) and the
        core's (not 0–24 in halves), ends with the same hint, built from lgu_max_maanden."""
        result = call("RI_WIA_UITKERING", 26100.0, 50.0, 1000.0, 600.0, MARCH_2025, None, 1, months)
        assert result.endswith(f"({LGU_MONTHS_HINT})"), result
        assert "0 t/m 24 maanden" in LGU_MONTHS_HINT

    def test_percent_text_as_typed(self) -> None:
        """ "%" is reported as typed, not as the "" left without its sign."""
        result = call("RI_WIA_UITKERING", 26100.0, "%", 1000.0, 100.0, MARCH_2025)
        assert result.startswith('#WAARDE! ao_percentage: "%" is geen getal')


class TestUitleg:
    def test_articles_and_parameters(self) -> None:
        """000 art. 1.9: RI_UITLEG shows each article and parameter value used."""
        text = udfs.RI_UITLEG("RI_WIA_UITKERING", 26100, 50, 1000, 300, MARCH_2025)
        assert text.startswith("RI_WIA_UITKERING = € 761,25")
        for part in (
            "WIA art. 62",
            "WIA art. 13",
            "WIA art. 61 lid 6",
            "maximumdagloon = € 290,67",
            "wia_minimumloon = € 2.367,14",
            "klassepercentage = 35 %",
        ):
            assert part in text

    def test_rounding_cites_the_benefit_section(self) -> None:
        """financieel.md §9.5 ("Never negative. Round once, at the result, to cents"): the
        ground for the monthly benefit's rounding cites §9.5, where the rule stands, not
        §9.3 (the dagloon); §9.3 stays the citation of the jaarloon's scope (indexation)."""
        text = udfs.RI_UITLEG("RI_WIA_UITKERING", 26100, 50, 1000, 300, MARCH_2025)
        rounding = next(line for line in text.splitlines() if "één keer afgerond" in line)
        assert "§9.5" in rounding
        scope = next(line for line in text.splitlines() if "indexatie" in line)
        assert "§9.3" in scope

    @pytest.mark.parametrize("income", [1200, 600])
    def test_loonaanvulling_lists_its_percentage(self, income: int) -> None:
        """WIA art. 61 lid 4 (financieel.md §9.5): the loonaanvulling is 70 % × (…); its
        ground lists that parameter as the IVA ground lists its 75 % and 70 % (issue 14:
        RI_UITLEG shows each parameter used)."""
        text = udfs.RI_UITLEG("RI_WIA_UITKERING", 26100, 50, 1000, income, MARCH_2025)
        line = next(line for line in text.splitlines() if line.startswith("- loonaanvulling"))
        assert "inkomen_percentage = 70 %" in line

    def test_no_income_requirement_lists_none(self) -> None:
        """WIA art. 54, 61 lid 4 (financieel.md §9.5): 80 % or more, not duurzaam, is
        loonaanvulling without income requirement; its ground does not list an inkomenseis
        or restverdiencapaciteit it did not use (it said "zonder inkomenseis [… inkomenseis =
        50 %]")."""
        text = udfs.RI_UITLEG("RI_WIA_UITKERING", 26100, 90, 1000, 300, MARCH_2025)
        line = next(line for line in text.splitlines() if line.startswith("- loonaanvulling"))
        assert "zonder inkomenseis" in line
        assert "inkomenseis = " not in line
        assert "restverdiencapaciteit = " not in line
        assert "inkomen_percentage = 70 %" in line

    def test_wga_class_lists_both_thresholds(self) -> None:
        """WIA art. 5 and 54 (financieel.md §9.4): "35 % tot 80 %: WGA" uses both bounds,
        so both are listed (ao_minimum 0.35 and ao_volledig 0.80)."""
        text = udfs.RI_UITLEG("RI_WIA_UITKERING", 26100, 50, 1000, 600, MARCH_2025)
        line = next(line for line in text.splitlines() if "arbeidsongeschikt: WGA" in line)
        assert "ao_minimum = 35 %" in line
        assert "ao_volledig = 80 %" in line

    def test_derived_marking(self) -> None:
        """Wfsv art. 18 lid 1: a call on 2025-08-01 uses the derived maximumdagloon and says so."""
        text = udfs.RI_UITLEG("RI_WIA_UITKERING", 90000, 50, 3000, 2000, datetime(2025, 8, 1))
        assert DERIVED_NOTE in text
        assert DERIVED_NOTE in udfs.RI_UITLEG("RI_LOONDOORBETALING", 8000, 10, datetime(2025, 8, 1))

    def test_no_newer_value(self) -> None:
        """financieel.md §9.1: after the newest date the explanation says no newer value is known."""
        assert NO_NEWER_NOTE in udfs.RI_UITLEG("RI_WIA_DAGLOON", 90000, datetime(2027, 3, 1))

    def test_every_function_explains(self) -> None:
        """financieel.md §9.7: each of the six functions is explained by RI_UITLEG with articles."""
        calls = {
            "RI_LOONDOORBETALING": (2500, 10, MARCH_2025, 36),
            "RI_WIA_DAGLOON": (25000, MARCH_2025),
            "RI_WIA_MAANDLOON": (25000, MARCH_2025),
            "RI_WGA_DUUR": (5, 10),
            "RI_WIA_UITKERING": (26100, 50, 1000, 600, MARCH_2025),
            "RI_WIA_OVERZICHT": (26100, 50, 1000, 600, MARCH_2025, False, 12),
        }
        for name, args in calls.items():
            text = udfs.RI_UITLEG(name, *args)
            assert text.startswith((f"{name} = ", f"{name}:\n")), text
            assert " art. " in text


#: One valid row per lifted function: amount-like arguments may be replaced.
ROWS: dict[str, tuple[Any, ...]] = {
    "RI_LOONDOORBETALING": (2500.0, 10.0, MARCH_2025, 36.0),
    "RI_WIA_DAGLOON": (25000.0, MARCH_2025),
    "RI_WIA_MAANDLOON": (25000.0, MARCH_2025),
    "RI_WGA_DUUR": (5.0, 10.0),
    "RI_WIA_UITKERING": (26100.0, 0.5, 1000.0, 600.0, MARCH_2025, False, 13.0, 12.0),
}
cents = st.integers(0, 20_000_000).map(lambda c: c / 100)


class TestLifting:
    @given(st.sampled_from(sorted(ROWS)), st.data())
    def test_lifting_equals_calling_per_row(self, name: str, data: st.DataObject) -> None:
        """excel-functions.md: a one-column range gives what single calls give, row by row."""
        base = ROWS[name]
        index = data.draw(st.integers(0, len(base) - 1))
        value = base[index]
        column: list[Any]
        if isinstance(value, datetime):
            column = data.draw(
                st.lists(
                    st.datetimes(min_value=datetime(2023, 6, 1), max_value=datetime(2031, 1, 1)),
                    min_size=2,
                    max_size=6,
                )
            )
        elif isinstance(value, bool):
            column = data.draw(
                st.lists(st.one_of(st.booleans(), st.none()), min_size=2, max_size=6)
            )
        else:
            column = data.draw(
                st.lists(
                    st.one_of(cents, st.integers(-3, 40).map(float), st.none()),
                    min_size=2,
                    max_size=6,
                )
            )
        args = list(base)
        args[index] = [[cell] for cell in column]
        lifted = call(name, *args)
        singles = []
        for cell in column:
            single = list(base)
            single[index] = cell
            singles.append([call(name, *single)])
        if all(cell is None for cell in column) and index != len(base) - 1:
            return  # an all-empty required column is blank rows, not a call per row
        for got, expected, cell in zip(lifted, singles, column, strict=True):
            if (
                cell is None
                and not udfs.contract_functions()[name].ri_function.params[index].optional
            ):
                assert got == [""]
            else:
                assert got == expected

    def test_column_of_incomes(self) -> None:
        """excel-functions.md: a column of incomes gives one benefit per row."""
        result = call(
            "RI_WIA_UITKERING", 26100.0, 0.5, 1000.0, [[1200.0], [600.0], [300.0]], MARCH_2025
        )
        assert result == [[682.5], [822.5], [761.25]]

    @pytest.mark.parametrize("index", range(7))
    def test_overview_takes_one_employee(self, index: int) -> None:
        """financieel.md §9.7: RI_WIA_OVERZICHT returns a table, so it cannot lift in one
        cell; a range for any argument says: one formula per employee."""
        base: list[Any] = [26100.0, 50.0, 1000.0, 600.0, MARCH_2025, False, 12.5]
        args = list(base)
        args[index] = [[base[index]], [base[index]]]
        name = (
            "jaarloon",
            "ao_percentage",
            "restverdiencapaciteit",
            "inkomen",
            "peildatum",
            "duurzaam",
            "lgu_maanden",
        )[index]
        assert call("RI_WIA_OVERZICHT", *args) == (
            f"#WAARDE! {name}: RI_WIA_OVERZICHT geeft een tabel voor één werknemer; geef één "
            "waarde (gebruik één formule per werknemer), geen bereik (2 × 1 cellen)"
        )

    def test_overview_says_so_in_its_docstring(self) -> None:
        doc = udfs.RI_WIA_OVERZICHT.__doc__ or ""
        assert "één formule per werknemer" in " ".join(doc.split())


class TestNeverRaises:
    @given(st.sampled_from(NAMES), st.lists(excel_values(), max_size=9))
    def test_any_excel_values(self, name: str, args: list[Any]) -> None:
        """excel-functions.md: a financial function never raises, whatever Excel sends."""
        result = call(name, *args)
        assert result is not None
        if isinstance(result, str) and result.startswith("#WAARDE!"):
            assert len(result) > len("#WAARDE! ")

    @given(st.sampled_from(sorted(ROWS)), cents, st.data())
    def test_valid_rows_give_numbers(self, name: str, amount: float, data: st.DataObject) -> None:
        """financieel.md §9.7: sensible amounts give a number, never an error."""
        args = list(ROWS[name])
        if name != "RI_WGA_DUUR":
            args[0] = amount
        else:
            args = [float(data.draw(st.integers(0, 60))), float(data.draw(st.integers(0, 60)))]
        assert isinstance(call(name, *args), float | int)
