"""Excel values → core types (excel-functions.md "Calling conventions")."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin.coerce import (
    ArgumentError,
    amount_column,
    excel_text,
    normalize_code,
    serial_to_date,
    to_absences,
    to_amount,
    to_bool,
    to_code,
    to_date,
    to_int,
    to_percentage,
    to_sickness,
)
from reintegratie_core import MILESTONE_ALIASES, Milestone, SicknessCase
from reintegratie_io import float_number


class TestDates:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (datetime(2025, 1, 6, 13, 30), date(2025, 1, 6)),
            (date(2025, 1, 6), date(2025, 1, 6)),
            (45663.0, date(2025, 1, 6)),
            (45663, date(2025, 1, 6)),
            (45663.75, date(2025, 1, 6)),
            (1.0, date(1900, 1, 1)),
            (59.0, date(1900, 2, 28)),
            (61.0, date(1900, 3, 1)),
            (2958465.0, date(9999, 12, 31)),
            ("2025-01-06", date(2025, 1, 6)),
            ("6-1-2025", date(2025, 1, 6)),
            ("06-01-2025", date(2025, 1, 6)),
            (" 2025-1-6 ", date(2025, 1, 6)),
            ("29-02-2024", date(2024, 2, 29)),
        ],
    )
    def test_accepted_forms(self, value: object, expected: date) -> None:
        """Date cells, dates, 1900-system serials and the three text forms are accepted."""
        assert to_date(value, "datum") == expected

    @pytest.mark.parametrize("value", [None, "", "   "])
    def test_empty_is_not_given(self, value: object) -> None:
        """An empty cell or empty text means 'not given'."""
        assert to_date(value, "datum") is None

    def test_serial_60_is_the_leap_year_bug(self) -> None:
        """Serial 60 is Excel's fictitious 29-02-1900 and is refused."""
        with pytest.raises(ArgumentError, match="29-02-1900"):
            serial_to_date(60, "datum")

    @pytest.mark.parametrize(
        "value", ["31-02-2025", "2025-13-01", "morgen", 0, -5, 3e6, float("nan"), True, [1]]
    )
    def test_refused_forms_name_the_argument(self, value: object) -> None:
        """Bad dates are an ArgumentError naming the argument and giving an example."""
        with pytest.raises(ArgumentError) as info:
            to_date(value, "eerste_ziektedag")
        assert excel_text(info.value).startswith("#WAARDE! eerste_ziektedag: ")
        assert "2025-01-06" in info.value.message

    def test_spec_error_text(self) -> None:
        """excel-functions.md: the error text for 31-02-2025 as the contract prints it."""
        with pytest.raises(ArgumentError) as info:
            to_date("31-02-2025", "eerste_ziektedag")
        assert excel_text(info.value) == (
            '#WAARDE! eerste_ziektedag: "31-02-2025" is geen geldige datum '
            "(verwacht een datum, bijv. 2025-01-06)"
        )

    @given(st.integers(61, 2958465))
    def test_serial_round_trip(self, serial: int) -> None:
        """From serial 61 on, a serial is days since 30-12-1899."""
        assert (serial_to_date(serial, "d") - date(1899, 12, 30)).days == serial


class TestBooleans:
    @pytest.mark.parametrize("value", [True, 1, 1.0, "ja", "JA", "waar", "Waar", "true"])
    def test_true(self, value: object) -> None:
        """TRUE, 1 and ja/waar (any case) are true."""
        assert to_bool(value, "b") is True

    @pytest.mark.parametrize("value", [False, 0, 0.0, "nee", "Onwaar", "false"])
    def test_false(self, value: object) -> None:
        """FALSE, 0 and nee/onwaar (any case) are false."""
        assert to_bool(value, "b") is False

    def test_default_and_error(self) -> None:
        """Empty gives the default; other text is an error naming the argument."""
        assert to_bool(None, "b", True) is True
        with pytest.raises(ArgumentError, match="noodzakelijk"):
            to_bool("misschien", "noodzakelijk", True)


class TestAmounts:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (1250.5, Decimal("1250.5")),
            (0.1, Decimal("0.1")),
            ("1250,50", Decimal("1250.50")),
            ("1250.50", Decimal("1250.50")),
            ("1.250,50", Decimal("1250.50")),
            ("1,250.50", Decimal("1250.50")),
            ("€ 500", Decimal(500)),
            (7, Decimal(7)),
        ],
    )
    def test_accepted(self, value: object, expected: Decimal) -> None:
        """Numbers (at 15 significant digits) and numeric text with , or . are amounts."""
        assert to_amount(value, "kosten") == expected

    @pytest.mark.parametrize("value", [-1, "-5", "abc", float("inf"), True])
    def test_refused(self, value: object) -> None:
        """Negative, non-numeric and infinite amounts are refused, naming the argument."""
        with pytest.raises(ArgumentError, match="kosten"):
            to_amount(value, "kosten")

    @given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
    def test_float_is_read_at_fifteen_digits(self, value: float) -> None:
        """A number cell is the number Excel holds, Decimal(format(x, '.15g')), never
        Decimal(x)."""
        assert to_amount(value, "kosten") == Decimal(format(value, ".15g"))

    @given(
        st.one_of(
            st.integers(min_value=0, max_value=10**14).map(lambda cents: cents / 100),
            st.floats(min_value=0, max_value=1e12, allow_nan=False),
            st.sampled_from([0.0, -0.0, 0.1, 0.29, 1.005, 2.675, 12.5, 12.0, 1e12, 5e-05]),
        )
    )
    def test_a_number_cell_is_exactly_the_shared_reading(self, value: float) -> None:
        """The whole-cents path gives the very Decimal of the one reading of a number
        (reintegratie_io.float_number): digits, exponent and sign."""
        amount = to_amount(value, "kosten")
        assert amount.as_tuple() == float_number(value).as_tuple()

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(12.0, "12"), (12.5, "12.5"), (12.34, "12.34"), (-0.0, "0"), (0.1 + 0.2, "0.3")],
    )
    def test_no_trailing_zeros(self, value: float, expected: str) -> None:
        """80.0 is 80: a number cell has no trailing zeros after the point, -0 is 0."""
        assert str(to_amount(value, "kosten")) == expected


_NUMBER_CELLS = st.one_of(
    st.integers(min_value=0, max_value=10**14).map(lambda cents: cents / 100),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 0.1, 0.29, 1.005, 2.675, 12.5, 12.0, 1e12, 1e12 + 0.01]),
)


class TestAmountColumn:
    @given(st.lists(_NUMBER_CELLS, min_size=1, max_size=30))
    def test_a_column_is_each_cell_exactly(self, cells: list[float]) -> None:
        """The column form gives, cell for cell, the very Decimal of to_amount (digits,
        exponent, sign), or None when a cell is not a whole number of cents in range."""
        column = amount_column(cells)
        if column is None:
            return
        expected = [to_amount(x, "kosten").as_tuple() for x in cells]
        assert [d.as_tuple() for d in column] == expected

    @given(
        st.lists(
            st.integers(min_value=0, max_value=10**14).map(lambda cents: cents / 100),
            min_size=1,
            max_size=30,
        )
    )
    def test_whole_cents_take_the_column_path(self, cells: list[float]) -> None:
        """A column of whole cents in range is always converted at once (never None)."""
        column = amount_column(cells)
        assert column is not None
        assert [d.as_tuple() for d in column] == [float_number(x).as_tuple() for x in cells]

    @pytest.mark.parametrize(
        "cells", [[1.0, -0.01], [1.0, 0.001], [1.0, float("nan")], [float("inf")], [1e12 + 0.01]]
    )
    def test_other_columns_go_cell_by_cell(self, cells: list[float]) -> None:
        """Negative, fractional cents, NaN, infinite or too large: no column result."""
        assert amount_column(cells) is None


class TestPercentages:
    @pytest.mark.parametrize("value", [0.7, "70%", "70 %", 70, "70", "0,7"])
    def test_seventy_percent(self, value: object) -> None:
        """0.7, 70 % and 70 all mean 70 % (excel-functions.md)."""
        assert to_percentage(value, "percentage") == Decimal("0.7")

    def test_above_hundred_is_refused(self) -> None:
        """More than 100 % is refused."""
        with pytest.raises(ArgumentError):
            to_percentage(150, "percentage")

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0.1 + 0.7, Decimal("0.8")),  # the cell shows 80 %
            (1.0000000000000002, Decimal(1)),  # the cell shows 1: 100 %, not 1 %
            (80.00000000000001, Decimal("0.8")),
            (0.9999999999999999, Decimal(1)),
        ],
    )
    def test_read_as_the_cell_shows_it(self, value: float, expected: Decimal) -> None:
        """A percentage cell is read at Excel's 15 significant digits (user review)."""
        assert to_percentage(value, "percentage") == expected

    @pytest.mark.parametrize("value", ["%", "abc%", " % "])
    def test_text_named_as_typed(self, value: str) -> None:
        """A percentage text that is no number is named as typed, with its % sign."""
        with pytest.raises(ArgumentError) as info:
            to_percentage(value, "percentage")
        assert info.value.message.startswith(f'"{value}" is geen getal')


class TestCodes:
    def test_aliases_and_equivalent_separators(self) -> None:
        """Codes are case-insensitive; spaces, - and _ are equivalent; aliases resolve."""
        for text in [
            "42e week",
            "42E-WEEK",
            "ziekmelding uwv",
            "Ziekmelding-UWV",
            "42e_weeksmelding",
        ]:
            assert (
                to_code(text, "mijlpaal", Milestone, MILESTONE_ALIASES) is Milestone.ZIEKMELDING_UWV
            )
        assert to_code("PvA", "mijlpaal", Milestone, MILESTONE_ALIASES) is Milestone.PLAN_VAN_AANPAK

    def test_unknown_lists_the_codes(self) -> None:
        """An unknown code names the argument and lists what exists."""
        with pytest.raises(ArgumentError) as info:
            to_code("week 43", "mijlpaal", Milestone, MILESTONE_ALIASES)
        assert "ontzorgmanager" in info.value.message
        assert info.value.argument == "mijlpaal"

    def test_accents_are_ignored(self) -> None:
        """'beëindigd' and 'beeindigd' are the same code."""

        class State(Enum):
            ENDED = "beeindigd"

        assert to_code("Beëindigd", "status", State) is State.ENDED
        assert normalize_code(" Re-integratie  Manager ") == "re_integratie_manager"


class TestIntegers:
    def test_range(self) -> None:
        """Whole numbers within the range; fractions and out-of-range values are refused."""
        assert to_int(3.0, "n", minimum=0, maximum=52) == 3
        with pytest.raises(ArgumentError):
            to_int(3.5, "n")
        with pytest.raises(ArgumentError):
            to_int(53, "n", minimum=0, maximum=52)

    @given(st.integers(-(2**60), 2**60).map(float) | st.floats(allow_nan=False))
    def test_whole_float_is_its_integer(self, value: float) -> None:
        """A number cell of a whole number is that integer, read as every number is (15
        significant digits, float_number); any other float is refused."""
        try:
            number = float_number(value)
            expected: int | None = int(number)
        except (ValueError, OverflowError, ArithmeticError):
            expected = None
        if expected is not None and expected != number:
            expected = None
        if expected is None:
            with pytest.raises(ArgumentError):
                to_int(value, "n")
        else:
            assert to_int(value, "n") == expected


class TestSickness:
    def test_a_date_is_one_ongoing_period(self) -> None:
        """excel-functions.md 'Ziekte': one date is the first day of one ongoing period."""
        ongoing = SicknessCase.ongoing(date(2025, 1, 6))
        assert to_sickness(datetime(2025, 1, 6), "ziekte") == ongoing
        assert to_sickness("2025-01-06", "ziekte") == ongoing
        assert to_sickness(date(2025, 1, 6), "ziekte") == ongoing

    def test_range_gives_the_last_case(self) -> None:
        """A range of periods gives the last case (domain §2), empty rows ignored."""
        raw = [
            [datetime(2024, 1, 1), datetime(2024, 1, 31)],
            [None, None],
            [datetime(2025, 1, 6), None],
        ]
        case = to_sickness(raw, "ziekte")
        assert isinstance(case, SicknessCase)
        assert case.first_day == date(2025, 1, 6)

    def test_leave_column(self) -> None:
        """A third column 'verlof' marks pregnancy/maternity leave (WAZO bridge)."""
        raw = [
            [datetime(2025, 1, 6), datetime(2025, 3, 31), None],
            [datetime(2025, 4, 1), datetime(2025, 7, 31), "Verlof"],
            [datetime(2025, 8, 1), None, None],
        ]
        absences = to_absences(raw, "ziekte")
        assert [a.kind.value for a in absences] == ["ziek", "verlof", "ziek"]

    def test_bad_row_is_named(self) -> None:
        """A bad cell is reported by its row number."""
        with pytest.raises(ArgumentError, match="rij 2"):
            to_absences([[datetime(2025, 1, 6), datetime(2025, 1, 7)], ["x", None]], "ziekte")

    def test_overlap_is_reported_on_the_argument(self) -> None:
        """Overlapping periods are an error on the ziekte argument naming both periods."""
        raw = [[datetime(2025, 1, 6), datetime(2025, 1, 31)], [datetime(2025, 1, 20), None]]
        with pytest.raises(ArgumentError, match="overlappen"):
            to_absences(raw, "ziekte")

    def test_only_leave_is_an_error(self) -> None:
        """A range without a sick period is an error."""
        with pytest.raises(ArgumentError, match="geen ziekteperiode"):
            to_absences([[datetime(2025, 1, 6), datetime(2025, 2, 1), "verlof"]], "ziekte")
