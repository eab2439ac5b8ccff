"""Every RI_ function answers any input with something Excel can show (issue 16, items 13–15).

Excel shows text up to 32,767 characters, finite numbers, WAAR/ONWAAR, dates from
01-01-1900 to 31-12-9999, and ranges of those. A wrong argument is ``#WAARDE! <argument>:
<Dutch reason>`` text, never a raised exception, a Python repr or a year-1 date.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reintegratie_addin import udfs
from tests.strategies import excel_values

FIRST, LAST = date(1900, 1, 1), date(9999, 12, 31)
FUNCTIONS = sorted(udfs.contract_functions())


def showable(value: Any) -> bool:
    """True when Excel can show ``value`` as a cell or a rectangular range."""
    if isinstance(value, list):
        rows = [row if isinstance(row, list) else [row] for row in value]
        return bool(rows) and all(showable_cell(cell) for row in rows for cell in row)
    return showable_cell(value)


def showable_cell(value: Any) -> bool:
    """One cell's value."""
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        return math.isfinite(value) and abs(value) < 1e308
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        return FIRST <= day <= LAST
    if isinstance(value, str):
        return len(value) <= 32_767 and "<class" not in value and "decimal." not in value
    return False


class TestVersion:
    @pytest.mark.parametrize("args", [(1,), ("x", 2), ([[1, 2]],), (None,)])
    def test_arguments_give_text(self, args: tuple[Any, ...]) -> None:
        """RI_VERSIE(1) gives text naming the problem, not a TypeError (item 13)."""
        result = udfs.RI_VERSIE(*args)
        assert isinstance(result, str)
        if args != (None,):
            assert result.startswith("#WAARDE! argumenten: RI_VERSIE heeft geen argumenten")
        else:  # an empty cell is no argument
            assert result == udfs.RI_VERSIE()


HUGE = [1e27, 1e300, "1e27", 10**30]


class TestHugeNumbers:
    @pytest.mark.parametrize("huge", HUGE)
    @pytest.mark.parametrize(
        ("function", "args", "argument"),
        [
            ("RI_WEEKLOON", ("{}", "maand"), "loon"),
            ("RI_TARIEF_PRORATA", ("{}", datetime(2025, 1, 1), datetime(2025, 4, 1)), "jaartarief"),
            (
                "RI_RESTERENDE_LOONKOSTEN",
                ("{}", datetime(2025, 1, 6), datetime(2025, 11, 3)),
                "weekloon",
            ),
            ("RI_LOONSANCTIE_VERGOEDING", ("{}", 10), "weekloon"),
            ("RI_DERDEN_TERUGBETALING", (100, "{}", 50), "kosten"),
        ],
    )
    def test_named_argument_and_range(
        self, function: str, args: tuple[Any, ...], argument: str, huge: Any
    ) -> None:
        """A huge amount names the argument and the accepted range (item 14)."""
        call = [huge if a == "{}" else a for a in args]
        result = udfs.contract_functions()[function](*call)
        assert result == (
            f"#WAARDE! {argument}: {udfs.c.describe(huge)} is te groot "
            "(verwacht een bedrag van 0 t/m 1.000.000.000.000)"
        )

    def test_largest_amount_is_exact(self) -> None:
        """The largest accepted amount still gives an exact result to the cent."""
        assert udfs.RI_WEEKLOON(1e12, "jaar") == 19230769230.77


#: A date written the ISO way; a #WAARDE! text shows DD-MM-JJJJ, as the user types it.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
OVERLAPPING = [[datetime(2025, 1, 6), datetime(2025, 1, 31)], [datetime(2025, 1, 20), None]]


class TestMessageDates:
    @pytest.mark.parametrize(
        ("result", "expected"),
        [
            (
                lambda: udfs.RI_UITERSTE_PLAN_VAN_AANPAK("31-12-9999"),
                "datum_probleemanalyse: 31-12-9999 + 14 dagen valt buiten het datumbereik",
            ),
            (
                lambda: udfs.RI_TARIEF_PRORATA(365, "2025-01-01", "2025-07-01", "2025-06-01"),
                "uit_dienst: 01-06-2025 ligt vóór in_dienst 01-07-2025",
            ),
            (
                lambda: udfs.RI_ZIEKTEDAGEN(OVERLAPPING, datetime(2025, 3, 1)),
                "perioden 06-01-2025 t/m 31-01-2025 (ziek) en 20-01-2025 t/m lopend (ziek)",
            ),
            (
                lambda: udfs.RI_ZIEKTEDAGEN(
                    [[datetime(2025, 1, 6), datetime(2024, 12, 31)]], datetime(2025, 3, 1)
                ),
                "rij 1: periode 06-01-2025 t/m 31-12-2024: de laatste dag ligt vóór",
            ),
            (
                lambda: udfs.RI_TERUGVALPREVENTIE(
                    [[datetime(2025, 1, 6), datetime(2025, 3, 31)]], datetime(2025, 5, 1)
                ),
                "ziekteperiode 06-01-2025 t/m 31-03-2025 (herstel is dan 01-04-2025)",
            ),
        ],
    )
    def test_a_wrong_date_is_named_the_dutch_way(
        self, result: Callable[[], object], expected: str
    ) -> None:
        """STYLE (Dutch #WAARDE! texts): the dates in the message read as the back office
        types them, 06-01-2025, never 2025-01-06."""
        text = result()
        assert isinstance(text, str)
        assert text.startswith("#WAARDE! ")
        assert expected in text
        assert not ISO_DATE.search(text), text


class TestTextDates:
    @pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "1-1-0001", "31-12-1899"])
    def test_before_excel_is_refused(self, text: str) -> None:
        """Text dates before 1900 are refused like serials below 1 (item 15)."""
        result = udfs.RI_UITERSTE_PLAN_VAN_AANPAK(text)
        assert result.startswith(f'#WAARDE! datum_probleemanalyse: "{text}" valt buiten')
        assert "01-01-1900 t/m 31-12-9999" in result

    def test_first_excel_date_is_accepted(self) -> None:
        """01-01-1900 as text equals serial 1."""
        assert udfs.RI_UITERSTE_PLAN_VAN_AANPAK("1900-01-01") == udfs.RI_UITERSTE_PLAN_VAN_AANPAK(1)

    def test_result_past_9999_is_a_message(self) -> None:
        """A result after 31-12-9999 is a Dutch message, not 'date value out of range'."""
        result = udfs.RI_UITERSTE_PLAN_VAN_AANPAK("9999-12-31")
        # The date the user should change is named (issue 13 bug 4: name the argument to fix).
        assert result == (
            "#WAARDE! datum_probleemanalyse: 31-12-9999 + 14 dagen valt buiten het datumbereik "
            "(01-01-0001 t/m 31-12-9999)"
        )

    @pytest.mark.parametrize(
        ("name", "args", "argument"),
        [
            ("RI_MIJLPAAL", (datetime(9999, 12, 1), "start_wia"), "ziekte"),
            ("RI_TIJDLIJN", (datetime(9999, 12, 1),), "ziekte"),
            (
                "RI_TIJDLIJN",
                (datetime(2025, 1, 6), datetime(9999, 12, 31)),
                "datum_probleemanalyse",
            ),
            ("RI_SIGNAAL", (datetime(9999, 12, 31), datetime(9999, 12, 31)), "ziekte"),
            ("RI_RESTERENDE_WEKEN", (datetime(9999, 12, 1), datetime(9999, 12, 5)), "ziekte"),
            (
                "RI_RESTERENDE_LOONKOSTEN",
                (800.0, datetime(9999, 12, 1), datetime(9999, 12, 5)),
                "ziekte",
            ),
            (
                "RI_TARIEF_PRORATA",
                (120.0, datetime(9999, 12, 1), datetime(9999, 12, 5)),
                "contractjaar_start",
            ),
            (  # a running 001 module: guidance up to einde_loondoorbetaling (art. 3.5)
                "RI_DOORLOPENDE_BEGELEIDING",
                (
                    "asr-reintegratiemanager",
                    datetime(9998, 6, 1),
                    datetime(9999, 12, 31),
                    datetime(9998, 7, 1),
                ),
                "ziekte",
            ),
            (  # after the module: continuation up to einde_loondoorbetaling (000 art. 4.3)
                "RI_DOORLOPENDE_BEGELEIDING",
                (
                    "asr-reintegratie",
                    datetime(9998, 6, 1),
                    datetime(9998, 6, 30),
                    datetime(9998, 7, 1),
                ),
                "ziekte",
            ),
        ],
    )
    def test_result_past_9999_names_the_argument(
        self, name: str, args: tuple[Any, ...], argument: str
    ) -> None:
        """A milestone or contract year past 31-12-9999 names the date it counts from, as
        the contract's #WAARDE! texts do (issue 13 bug 4), not the function."""
        result = getattr(udfs, name)(*args)
        assert result.startswith(f"#WAARDE! {argument}: "), result
        assert not result.startswith(f"#WAARDE! {argument}: {argument}: "), result
        assert "valt buiten het datumbereik" in result

    def test_python_dates_outside_excel(self) -> None:
        """A Python caller's date outside Excel's range is refused like text."""
        assert udfs.RI_WERKDAG(date(1, 1, 1), 3).startswith("#WAARDE! datum: ")


def fuzz_scalars() -> st.SearchStrategy[Any]:
    """Cells a hostile world sends: huge numbers, far dates as text, error values."""
    return st.one_of(
        st.floats(min_value=-1e308, max_value=1e308) | st.sampled_from([1e27, -1e27, 1e15]),
        st.integers(-(10**40), 10**40),
        st.dates().map(lambda d: d.isoformat()),
        st.dates().map(lambda d: f"{d.day}-{d.month}-{d.year:04d}"),
        st.dates(),
        st.sampled_from(["#N/A", "#WAARDE!", "#DEEL/0!", "maand", "pva", "zeeuwse-prb", "1e27"]),
    )


def fuzz_values() -> st.SearchStrategy[Any]:
    scalars = fuzz_scalars()
    return (
        excel_values() | scalars | st.lists(st.lists(scalars, min_size=1, max_size=3), max_size=3)
    )


class TestFuzz:
    @settings(max_examples=int(os.environ.get("RI_FUZZ_EXAMPLES", "300")))
    @given(st.sampled_from(FUNCTIONS), st.lists(fuzz_values(), max_size=7))
    def test_every_result_is_showable(self, name: str, args: list[Any]) -> None:
        """No RI_ function raises or returns what Excel cannot show, for any arguments."""
        result = udfs.contract_functions()[name](*args)
        assert showable(result), (name, args, result)


def _cell(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


#: Functions whose lifted date column takes the framework's date-cell shortcut
#: (``Param.dates``), each as a call with the column in place of ``COLUMN``.
COLUMN = object()
DATE_COLUMN_CALLS: list[tuple[str, tuple[Any, ...]]] = [
    ("RI_MIJLPAAL", (COLUMN, "42e week")),
    ("RI_TERUGVALPREVENTIE", (_cell(date(2025, 1, 6)), COLUMN)),
    ("RI_STATUS", ("asr-reintegratiemanager", "poortwachtergarantie", None, COLUMN)),
    (
        "RI_VROEGSTE_OPZEGDATUM",
        (
            "asr-reintegratiemanager",
            "reintegratiemanager",
            _cell(date(2020, 1, 1)),
            _cell(date(2021, 1, 1)),
            COLUMN,
        ),
    ),
    ("RI_TELT_MEE_VOOR_PREMIE", (COLUMN, 2026.0)),
    ("RI_WERKDAG", (COLUMN, 10.0)),
]


class TestLiftedDateCells:
    """A lifted date cell Excel cannot show (before 01-01-1900, e.g. a date-formatted 0 read
    as 30-12-1899) gets the same answer as the single call: the argument's error."""

    @pytest.mark.parametrize(
        ("name", "args"), DATE_COLUMN_CALLS, ids=[n for n, _ in DATE_COLUMN_CALLS]
    )
    def test_rows_equal_single_calls(self, name: str, args: tuple[Any, ...]) -> None:
        rows = [_cell(date(2025, 3, 3)), _cell(date(1899, 12, 30)), _cell(date(2025, 6, 2))]
        function = getattr(udfs, name)

        def call(value: Any) -> Any:
            return function(*(value if a is COLUMN else a for a in args))

        singles = [[call(row)] for row in rows]
        assert call([[row] for row in rows]) == singles
        assert "1899" in singles[1][0]
        assert singles[1][0].startswith("#WAARDE!")


class TestErrorCodesInNumberColumns:
    """An Excel error value in a lifted number column is that row's result, whatever else
    the column holds (a NaN first must not hide it)."""

    def test_nan_does_not_hide_a_com_error(self) -> None:
        column = [[math.nan], [-2146826246.0], [3900.0]]
        lifted = udfs.RI_WEEKLOON(column, "maand")
        assert lifted[1] == [udfs.RI_WEEKLOON(-2146826246.0, "maand")] == ["#N/A"]
        assert lifted[2] == [udfs.RI_WEEKLOON(3900.0, "maand")]
