"""The Poortwachter and deadline Excel functions, called as Excel calls them."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import reintegratie_core as core
from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY
from reintegratie_core import __version__
from tests.strategies import excel_values

D = datetime(2025, 1, 6)
MERGED = [[datetime(2025, 1, 6), datetime(2025, 1, 31)], [datetime(2025, 2, 20), None]]


class TestSpecExamples:
    def test_mijlpaal_date_cell(self) -> None:
        """excel-functions.md worked example: a date cell and the '42e week' alias."""
        assert udfs.RI_MIJLPAAL(D, "42e week") == date(2025, 10, 27)

    def test_mijlpaal_text_date(self) -> None:
        """Issue 2 'Done when': RI_MIJLPAAL('2025-01-06', '42e week') is 2025-10-27."""
        assert udfs.RI_MIJLPAAL("2025-01-06", "42e week") == date(2025, 10, 27)

    def test_mijlpaal_serial(self) -> None:
        """excel-functions.md: serial 45663 is 2025-01-06; wage continuation ends 2027-01-03."""
        assert udfs.RI_MIJLPAAL(45663.0, "einde_loondoorbetaling") == date(2027, 1, 3)

    def test_mijlpaal_merged_periods(self) -> None:
        """excel-functions.md: 19 interruption days merge; the 42e-weekmelding is 2025-11-15."""
        assert udfs.RI_MIJLPAAL(MERGED, "42e week") == date(2025, 11, 15)

    def test_mijlpaal_invalid_date(self) -> None:
        """excel-functions.md: an impossible date names the argument ziekte."""
        result = udfs.RI_MIJLPAAL("31-02-2025", "42e week")
        assert result.startswith('#WAARDE! ziekte: "31-02-2025" is geen geldige datum')

    def test_mijlpaal_column(self) -> None:
        """excel-functions.md: a one-column range gives a column of two dates."""
        result = udfs.RI_MIJLPAAL([[datetime(2025, 1, 6)], [datetime(2025, 3, 3)]], "42e week")
        assert result == [[date(2025, 10, 27)], [date(2025, 12, 22)]]


class TestMijlpaal:
    def test_all_milestones_of_the_worked_example(self) -> None:
        """Domain §3 worked example through the Excel function."""
        expected = {
            "ontzorgmanager": date(2025, 1, 13),
            "probleemanalyse": date(2025, 2, 16),
            "pva": date(2025, 3, 2),
            "ziekmelding_uwv": date(2025, 10, 27),
            "eerstejaarsevaluatie": date(2026, 1, 4),
            "uwv_wia_brief": date(2026, 9, 20),
            "reintegratieverslag": date(2026, 10, 4),
            "wia_aanvraag": date(2026, 10, 18),
            "einde_loondoorbetaling": date(2027, 1, 3),
            "start_wia": date(2027, 1, 4),
        }
        for code, day in expected.items():
            assert udfs.RI_MIJLPAAL(D, code) == day

    def test_not_applicable(self) -> None:
        """A closed case that never reaches week 42 shows n.v.t."""
        assert udfs.RI_MIJLPAAL([[D, datetime(2025, 3, 1)]], "42e week") == "n.v.t."

    def test_probleemanalyse_and_sanction(self) -> None:
        """Plan van aanpak from a known probleemanalyse; sanction weeks extend wage continuation."""
        assert udfs.RI_MIJLPAAL(D, "pva", datetime(2025, 2, 10)) == date(2025, 2, 24)
        assert udfs.RI_MIJLPAAL(D, "start_wia", None, 52.0) == date(2028, 1, 3)

    @pytest.mark.parametrize(
        ("args", "argument"),
        [
            ((D, "week 43"), "mijlpaal"),
            ((D, "start_wia", None, 53), "sanctieweken"),
            ((D, "start_wia", None, -1), "sanctieweken"),
            ((D, "start_wia", None, 2.5), "sanctieweken"),
            ((D, "pva", "gisteren"), "datum_probleemanalyse"),
            ((None, "pva"), "ziekte"),
            (([[D, datetime(2024, 1, 1)]], "pva"), "ziekte"),
        ],
    )
    def test_errors_name_the_argument(self, args: tuple[Any, ...], argument: str) -> None:
        """Bad input returns #WAARDE! text naming the argument, never an exception."""
        result = udfs.RI_MIJLPAAL(*args)
        assert isinstance(result, str)
        assert result.startswith(f"#WAARDE! {argument}: ")

    def test_one_by_one_range_is_a_single_value(self) -> None:
        """xlwings sends ndim=2 arguments as [[x]]; a 1×1 range is a single value."""
        assert udfs.RI_MIJLPAAL([[D]], [["42e week"]]) == date(2025, 10, 27)

    def test_lifting_with_errors_and_empty_rows(self) -> None:
        """An error stays in its row; an empty row gives an empty cell."""
        result = udfs.RI_MIJLPAAL([[D], [None], ["x"]], "42e week")
        assert result[0] == [date(2025, 10, 27)]
        assert result[1] == [""]
        assert result[2][0].startswith("#WAARDE! ziekte:")

    def test_two_columns_of_unequal_length(self) -> None:
        """Lifted ranges must have the same number of rows."""
        result = udfs.RI_MIJLPAAL([[D], [D]], [["pva"], ["pva"], ["pva"]])
        assert result[0][0].startswith("#WAARDE!")
        assert "ongelijke lengte" in result[0][0]

    def test_bad_single_argument_in_a_lifted_call(self) -> None:
        """A bad single value is that error in every row."""
        result = udfs.RI_MIJLPAAL([[D], [D]], "geen mijlpaal")
        assert all(row[0].startswith("#WAARDE! mijlpaal:") for row in result)

    def test_too_many_arguments(self) -> None:
        """Extra arguments are an error, not an exception."""
        assert udfs.RI_MIJLPAAL(D, "pva", None, 0, "extra").startswith("#WAARDE!")


class TestTables:
    def test_tijdlijn(self) -> None:
        """RI_TIJDLIJN spills a header row and ten milestones in date order."""
        table = udfs.RI_TIJDLIJN(D)
        assert table[0] == ["mijlpaal", "datum", "grond"]
        assert len(table) == 11
        assert table[4][:2] == ["ziekmelding_uwv", date(2025, 10, 27)]
        assert "Ziektewet art. 38 lid 1" in table[4][2]

    def test_tijdlijn_not_applicable_last(self) -> None:
        """A closed short case lists n.v.t. milestones last."""
        table = udfs.RI_TIJDLIJN([[D, datetime(2025, 3, 1)]])
        assert table[-1][1] == "n.v.t."

    def test_ziektegevallen(self) -> None:
        """RI_ZIEKTEGEVALLEN: one row per case; an ongoing case counts to peildatum or says lopend."""
        periods = [[datetime(2024, 1, 1), datetime(2024, 2, 1)], *MERGED]
        table = udfs.RI_ZIEKTEGEVALLEN(periods, datetime(2025, 3, 1))
        assert table[0] == ["eerste_ziektedag", "laatste_ziektedag", "ziektedagen", "perioden"]
        assert table[1] == [date(2024, 1, 1), date(2024, 2, 1), 32, 1]
        assert table[2] == [date(2025, 1, 6), "", 26 + 10, 2]
        assert udfs.RI_ZIEKTEGEVALLEN(periods)[2][2] == "lopend"

    def test_ziektegevallen_closed_case_counts_all_its_days(self) -> None:
        """spec/excel-functions.md RI_ZIEKTEGEVALLEN: the peildatum counts the days of an
        *ongoing* case; a closed case shows its last day and all its sick days (domain §2),
        also when the peildatum lies inside it: 01-01-2024 t/m 01-02-2024 is 32 days."""
        periods = [[datetime(2024, 1, 1), datetime(2024, 2, 1)], *MERGED]
        table = udfs.RI_ZIEKTEGEVALLEN(periods, datetime(2024, 1, 15))
        assert table[1] == [date(2024, 1, 1), date(2024, 2, 1), 32, 1]
        assert table[2] == [date(2025, 1, 6), "", 0, 2]

    def test_ziektedagen(self) -> None:
        """RI_ZIEKTEDAGEN counts sick days of the current case up to and including peildatum."""
        assert udfs.RI_ZIEKTEDAGEN(MERGED, datetime(2025, 2, 21)) == 28
        assert udfs.RI_ZIEKTEDAGEN(D, datetime(2025, 1, 6)) == 1


TWO_LEAVE_ROWS = [
    [datetime(2025, 1, 6), datetime(2025, 3, 2), None],
    [datetime(2025, 3, 3), datetime(2025, 4, 13), "verlof"],
    [datetime(2025, 4, 14), datetime(2025, 6, 22), "verlof"],
    [datetime(2025, 6, 23), None, None],
]


class TestAdjacentLeaveRows:
    """Issue 13 bug 1: BW 7:629 lid 10 refers to WAZO art. 3:1 lid 2 and 3 (domain §8.1)."""

    def test_mijlpaal_as_with_one_leave_row(self) -> None:
        """BW 7:629 lid 10: two adjacent leave rows bridge; the 42e week is 16-02-2026."""
        one_row = [TWO_LEAVE_ROWS[0], [datetime(2025, 3, 3), datetime(2025, 6, 22), "verlof"]]
        one_row.append(TWO_LEAVE_ROWS[3])
        assert udfs.RI_MIJLPAAL(TWO_LEAVE_ROWS, "42e week") == date(2026, 2, 16)
        assert udfs.RI_MIJLPAAL(one_row, "42e week") == date(2026, 2, 16)

    def test_ziektedagen_and_ziektegevallen_count_one_case(self) -> None:
        """BW 7:629 lid 10: 70 sick days in 1 case at 06-07-2025, not 14 days in 2 cases."""
        peildatum = datetime(2025, 7, 6)
        assert udfs.RI_ZIEKTEDAGEN(TWO_LEAVE_ROWS, peildatum) == 70
        table = udfs.RI_ZIEKTEGEVALLEN(TWO_LEAVE_ROWS, peildatum)
        assert table[1:] == [[date(2025, 1, 6), "", 70, 2]]


class TestUitersteZiekmelding:
    def test_deadline_and_errors_name_the_argument(self) -> None:
        """004 art. 4.2: the employer's sick-report deadline a user can compute; bad input names
        eerste_ziektedag."""
        assert udfs.RI_UITERSTE_ZIEKMELDING(datetime(2025, 1, 6)) == date(2025, 1, 12)
        assert udfs.RI_UITERSTE_ZIEKMELDING("x").startswith("#WAARDE! eerste_ziektedag:")
        assert udfs.RI_UITERSTE_ZIEKMELDING(datetime(9999, 12, 30)).startswith(
            "#WAARDE! eerste_ziektedag:"
        )


class TestTerugvalpreventie:
    def test_hersteldatum_before_the_first_sick_day_names_hersteldatum(self) -> None:
        """Issue 13 bug 4, 002 «De Ontzorgmanager (terugvalpreventie)»: a check on two
        arguments names the one to fix: #WAARDE! hersteldatum: …"""
        result = udfs.RI_TERUGVALPREVENTIE(datetime(2025, 1, 6), datetime(2024, 12, 1))
        assert result.startswith("#WAARDE! hersteldatum: ")

    def test_the_core_parameter_is_not_shown(self) -> None:
        """The core names its parameter (``recovery: …``, docs/python.md); Excel shows the
        reason under its own name only, once: ``hersteldatum: 01-12-2024 …``, never
        ``hersteldatum: recovery: …``."""
        result = udfs.RI_TERUGVALPREVENTIE(datetime(2025, 1, 6), datetime(2024, 12, 1))
        assert result.startswith("#WAARDE! hersteldatum: 01-12-2024 ligt niet na")

    def test_measured_from_the_first_sick_day_of_the_case(self) -> None:
        """Domain §8.1, 002 terugvalpreventie: 'longer than 3 months' runs from the case's first
        sick day; a last period of one month after a relapse still counts from 06-01-2025."""
        periods = [[datetime(2025, 1, 6), datetime(2025, 3, 1)], [datetime(2025, 3, 20), None]]
        assert udfs.RI_TERUGVALPREVENTIE(periods, datetime(2025, 4, 20)) == date(2025, 10, 20)
        assert udfs.RI_TERUGVALPREVENTIE(
            [[datetime(2025, 3, 20), None]], datetime(2025, 4, 20)
        ) == ("n.v.t.")

    def test_a_single_date_works_as_before(self) -> None:
        """Excel contract, Changes of 2026-12-01: a single date is the first sick day as before."""
        assert udfs.RI_TERUGVALPREVENTIE(D, datetime(2025, 5, 1)) == date(2025, 11, 1)


class TestOtherFunctions:
    def test_resterende_weken(self) -> None:
        """RI_RESTERENDE_WEKEN: 367 days = 52.43 weeks; never negative; 2 decimals."""
        assert udfs.RI_RESTERENDE_WEKEN(D, datetime(2026, 1, 1)) == 52.43
        assert udfs.RI_RESTERENDE_WEKEN(D, datetime(2030, 1, 1)) == 0.0

    def test_terugvalpreventie(self) -> None:
        """002: sick > 3 months → contact 6 months after recovery; otherwise n.v.t."""
        assert udfs.RI_TERUGVALPREVENTIE(D, datetime(2025, 5, 1)) == date(2025, 11, 1)
        assert udfs.RI_TERUGVALPREVENTIE(D, datetime(2025, 2, 1)) == "n.v.t."

    def test_signaal(self) -> None:
        """RI_SIGNAAL: text for the next milestone within the horizon, '' otherwise."""
        assert (
            udfs.RI_SIGNAAL(D, datetime(2025, 2, 10)) == "probleemanalyse over 6 dagen (16-02-2025)"
        )
        assert udfs.RI_SIGNAAL(D, datetime(2025, 2, 16)) == "probleemanalyse vandaag (16-02-2025)"
        assert (
            udfs.RI_SIGNAAL(D, datetime(2025, 2, 15)) == "probleemanalyse over 1 dag (16-02-2025)"
        )
        assert udfs.RI_SIGNAAL(D, datetime(2025, 1, 20)) == ""
        assert (
            udfs.RI_SIGNAAL(D, datetime(2025, 1, 20), 30)
            == "probleemanalyse over 27 dagen (16-02-2025)"
        )

    def test_deadlines(self) -> None:
        """The four deadline functions (domain §5) and RI_WERKDAG."""
        assert udfs.RI_WERKDAG(datetime(2025, 12, 24), 1) == date(2025, 12, 29)
        assert udfs.RI_WERKDAG(datetime(2025, 12, 29), -1) == date(2025, 12, 24)
        assert udfs.RI_UITERSTE_MELDING_SANCTIE(datetime(2026, 4, 30)) == date(2026, 5, 8)
        assert udfs.RI_UITERSTE_DECLARATIE(datetime(2025, 1, 31)) == date(2025, 2, 28)
        assert udfs.RI_UITERSTE_BETALING(datetime(2025, 2, 28)) == date(2025, 3, 28)
        assert udfs.RI_UITERSTE_PLAN_VAN_AANPAK(datetime(2025, 2, 16)) == date(2025, 3, 2)

    def test_werkdag_errors(self) -> None:
        """RI_WERKDAG refuses fractional days and missing dates, naming the argument."""
        assert udfs.RI_WERKDAG(D, 1.5).startswith("#WAARDE! dagen:")
        assert udfs.RI_WERKDAG(None, 1).startswith("#WAARDE! datum:")

    def test_versie(self) -> None:
        """RI_VERSIE names the library version and the catalogue version."""
        assert __version__ in udfs.RI_VERSIE()
        assert "catalogus" in udfs.RI_VERSIE()


class TestUitleg:
    def test_explains_with_article(self) -> None:
        """RI_UITLEG shows the result and each rule with its article and parameter values."""
        text = udfs.RI_UITLEG("RI_MIJLPAAL", D, "42e week")
        assert text.startswith("RI_MIJLPAAL = 27-10-2025")
        assert "Ziektewet art. 38 lid 1" in text
        assert "eerste_ziektedag = 06-01-2025" in text

    def test_short_name_and_1x1_ranges(self) -> None:
        """The function name may omit RI_ and arrive as a 1×1 range."""
        assert udfs.RI_UITLEG([["mijlpaal"]], [[D]], [["pva"]]).startswith(
            "RI_MIJLPAAL = 02-03-2025"
        )

    def test_merged_case_cites_samentelling(self) -> None:
        """An explanation over merged periods cites BW 7:629 lid 10."""
        assert "7:629 lid 10" in udfs.RI_UITLEG("RI_MIJLPAAL", MERGED, "42e week")

    def test_unknown_function(self) -> None:
        """An unknown function name lists the known ones."""
        text = udfs.RI_UITLEG("RI_BESTAATNIET")
        assert text.startswith("#WAARDE! functie:")
        assert "RI_MIJLPAAL" in text

    def test_errors_of_the_explained_function(self) -> None:
        """Bad arguments give the same #WAARDE! text as the function itself."""
        assert udfs.RI_UITLEG("RI_MIJLPAAL", D, "x").startswith("#WAARDE! mijlpaal:")

    @pytest.mark.parametrize("name", sorted(REGISTRY))
    def test_every_function_is_explainable(self, name: str) -> None:
        """RI_UITLEG knows every declared function."""
        assert udfs.RI_UITLEG(name).split(":")[0] in {
            "#WAARDE! " + p.name for p in REGISTRY[name].params
        } | {f"{name} = "[:-3]} or udfs.RI_UITLEG(name).startswith(name)


def _no_nan(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_no_nan(v) for v in value)
    return True


FUNCTIONS = sorted(udfs.contract_functions())


class TestNeverRaises:
    @given(st.sampled_from(FUNCTIONS), st.lists(excel_values(), max_size=8))
    def test_any_excel_values(self, name: str, args: list[Any]) -> None:
        """No RI_ function raises or returns NaN/inf, whatever Excel sends (within its arity)."""
        result = udfs.contract_functions()[name](*args)
        assert _no_nan(result)
        assert result is not None


dates_column = st.lists(
    st.one_of(
        st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 1, 1)).map(
            lambda d: datetime(d.year, d.month, d.day)
        ),
        st.sampled_from([None, "x", "31-02-2025", 60.0]),
    ),
    min_size=2,
    max_size=20,
)


class TestLifting:
    @given(
        dates_column,
        st.sampled_from(["pva", "42e week", "start_wia", "bestaat niet"]),
        st.integers(-1, 53),
    )
    def test_column_equals_rows(self, column: list[Any], code: str, weeks: int) -> None:
        """Lifting over a column equals calling per row (empty rows give '')."""
        lifted = udfs.RI_MIJLPAAL([[v] for v in column], code, None, weeks)
        singles = [
            [udfs.RI_MIJLPAAL(v, code, None, weeks) if v is not None else ""] for v in column
        ]
        assert lifted == singles

    @given(dates_column, dates_column)
    def test_two_columns(self, first: list[Any], second: list[Any]) -> None:
        """Two lifted columns pair row by row."""
        n = min(len(first), len(second))
        first, second = first[:n], second[:n]
        lifted = udfs.RI_RESTERENDE_WEKEN([[v] for v in first], [[v] for v in second])
        singles = [
            [udfs.RI_RESTERENDE_WEKEN(a, b) if (a is not None or b is not None) else ""]
            for a, b in zip(first, second, strict=True)
        ]
        assert lifted == singles

    def test_an_error_stays_in_its_row_and_the_next_rows_go_on(self) -> None:
        """Domain §8.1: a probleemanalyse before the first sick day is that row's error only."""
        probleemanalyse = [[datetime(2025, 2, 10)], [datetime(2024, 12, 1)], [None]]
        result = udfs.RI_MIJLPAAL([[D], [D], [D]], "pva", probleemanalyse)
        assert result[0] == [date(2025, 2, 24)]
        assert str(result[1][0]).startswith("#WAARDE! datum_probleemanalyse: ")
        assert result[2] == [date(2025, 3, 2)]

    def test_lifting_renders_no_explanation(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Decide once, explain lazily: a lifted call reads values and never builds grounds."""

        def refuse(*_: object) -> None:
            raise AssertionError

        for record in (core.MilestoneDate, core.RemainingWeeks):
            monkeypatch.setattr(record, "explain", refuse)
        column = [[datetime(2025, 1, 6)], [datetime(2024, 3, 1)]]
        assert udfs.RI_MIJLPAAL(column, "42e week") == [[date(2025, 10, 27)], [date(2024, 12, 20)]]
        assert udfs.RI_RESTERENDE_WEKEN(column, datetime(2026, 1, 1)) == [[52.43], [8.0]]

    def test_lifting_renders_no_relapse_explanation(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Decide once, explain lazily: a lifted RI_TERUGVALPREVENTIE builds no grounds."""

        def refuse(*_: object) -> None:
            raise AssertionError

        monkeypatch.setattr(core.RelapsePrevention, "explain", refuse)
        column = [[datetime(2025, 1, 6)], [datetime(2025, 4, 1)]]
        assert udfs.RI_TERUGVALPREVENTIE(column, datetime(2025, 5, 1)) == [
            [date(2025, 11, 1)],
            ["n.v.t."],
        ]

    @given(st.lists(st.integers(1, 40), min_size=2, max_size=6), st.integers(-30, 30))
    def test_a_result_excel_cannot_show_is_the_same_error_lifted(
        self, offsets: list[int], days: int
    ) -> None:
        """A date before 01-01-1900 is an error in its row, lifted as in a single call."""
        column = [datetime(1900, 1, 1) + timedelta(days=n) for n in offsets]
        lifted = udfs.RI_WERKDAG([[v] for v in column], days)
        assert lifted == [[udfs.RI_WERKDAG(v, days)] for v in column]

    def test_column_of_periods_is_not_lifted(self) -> None:
        """A two-column ziekte range is a table of periods, not a lifted column."""
        assert udfs.RI_MIJLPAAL(MERGED, "pva") == date(2025, 1, 6) + timedelta(days=55 + 19)


class TestOptionalColumns:
    def test_empty_optional_cell_means_not_given(self) -> None:
        """In a lifted optional column an empty cell is 'not given', not a blank row."""
        result = udfs.RI_MIJLPAAL(D, "pva", [[datetime(2025, 2, 10)], [None]])
        assert result == [[date(2025, 2, 24)], [date(2025, 3, 2)]]

    def test_blank_required_cells_give_blank_rows(self) -> None:
        """A row whose required lifted cells are empty stays blank, even with an optional value."""
        result = udfs.RI_MIJLPAAL(
            [[D], [None]], "pva", [[datetime(2025, 2, 10)], [datetime(2025, 2, 10)]]
        )
        assert result == [[date(2025, 2, 24)], [""]]

    @pytest.mark.parametrize("cell", ["#N/B", {"type": "Error", "basicValue": "#DIV/0!"}])
    def test_an_error_value_in_an_optional_cell_shows_in_a_blank_row(self, cell: Any) -> None:
        """excel-functions.md, Error inputs: an Excel error value in an input cell is not
        "empty", the result is that error; a row with empty required cells is no blank row
        when its optional cell holds one (the row gives what its single call gives)."""
        result = udfs.RI_MIJLPAAL([[D], [None]], "pva", None, [[0.0], [cell]])
        assert result[0] == [date(2025, 3, 2)]
        assert result[1] == [udfs.RI_MIJLPAAL(None, "pva", None, cell)]
        assert str(result[1][0]).startswith("#")

    def test_a_refused_optional_cell_shows_in_a_blank_row(self) -> None:
        """excel-functions.md, Errors and Lifting: a bad input gives #WAARDE! in its row; 60
        sanctieweken (BW 7:629 lid 11: at most 52) in a row without ziekte is no blank row
        but that row's single call, which names what is wrong first (ziekte)."""
        result = udfs.RI_MIJLPAAL([[D], [None]], "pva", None, [[0.0], [60.0]])
        assert result[1] == [udfs.RI_MIJLPAAL(None, "pva", None, 60.0)]
        assert result[1][0].startswith("#WAARDE! ziekte: ontbreekt")


#: Issue 13 bug 2: one closed sick period, 06-01 t/m 24-02-2025.
CLOSED = [[datetime(2025, 1, 6), datetime(2025, 2, 24)]]


class TestClosedCaseWithKnownProbleemanalyse:
    """Issue 13 bug 2; domain §8.1 "a closed case with a known probleemanalyse date"."""

    def test_plan_van_aanpak_is_nvt_with_and_without_the_date(self) -> None:
        """Domain §8.1; Regeling procesgang art. 4 lid 1: RI_MIJLPAAL([[06-01-2025;24-02-2025]];
        "pva";16-02-2025) is n.v.t., as without the date."""
        assert udfs.RI_MIJLPAAL(CLOSED, "pva", datetime(2025, 2, 16)) == "n.v.t."
        assert udfs.RI_MIJLPAAL(CLOSED, "pva") == "n.v.t."
        explained = udfs.RI_UITLEG("RI_MIJLPAAL", CLOSED, "pva", datetime(2025, 2, 16))
        assert "§8.1" in explained

    def test_no_signal_for_a_recovered_employee(self) -> None:
        """Domain §8.1; Regeling procesgang art. 4 lid 1: RI_SIGNAAL gives no plan van aanpak for
        the closed case, before or after recovery."""
        for peildatum in (datetime(2025, 2, 20), datetime(2025, 2, 25), datetime(2025, 3, 1)):
            assert udfs.RI_SIGNAAL(CLOSED, peildatum, None, datetime(2025, 2, 16)) == ""

    def test_probleemanalyse_before_the_first_sick_day_names_the_argument(self) -> None:
        """Domain §8.1; Regeling procesgang art. 2 lid 2: the error names datum_probleemanalyse."""
        for function in (udfs.RI_MIJLPAAL, udfs.RI_SIGNAAL):
            args = ("pva",) if function is udfs.RI_MIJLPAAL else (datetime(2025, 2, 1), None)
            result = function(CLOSED, *args, datetime(2025, 1, 5))
            assert str(result).startswith("#WAARDE! datum_probleemanalyse: ")


class TestNonAsciiDigits:
    """Arabic-Indic or full-width digits are no number or date to Excel: a text cell holding
    them is refused with what is accepted, never read as 2025-06-01 or 3."""

    @pytest.mark.parametrize("text", ["٢٠٢٥-٠٦-٠١", "２０２５-０６-０１", "١-٦-٢٠٢٥"])
    def test_a_date_text(self, text: str) -> None:
        result = udfs.RI_MIJLPAAL(text, "42e week")
        assert isinstance(result, str)
        assert result.startswith(f'#WAARDE! ziekte: "{text}" is geen geldige datum (verwacht')

    @pytest.mark.parametrize("text", ["３", "٣"])
    def test_sanction_weeks(self, text: str) -> None:
        result = udfs.RI_MIJLPAAL(D, "start_wia", None, text)
        assert isinstance(result, str)
        assert result.startswith(f'#WAARDE! sanctieweken: "{text}" is geen getal (verwacht')
