"""Excel error values in input cells are passed through (contract, Changes of 2026-12-01).

An error value (``#N/A``, ``#WAARDE!``, ``#DEEL/0!``, …) in an input cell is not an empty
cell: the result is that error, as Excel's own functions give it. It arrives as the text
Excel shows (English or Dutch), as the Office.js error object xlwings Lite receives, or as
the COM HRESULT classic Excel sends; it leaves as the English code, which xlwings Lite
turns into a real error value.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs
from reintegratie_addin.excel_errors import COM_ERRORS, error_code, first_error
from reintegratie_addin.functions import REGISTRY
from reintegratie_io import DUTCH_EXCEL_ERRORS, ENGLISH_EXCEL_ERRORS

SICK = datetime(2025, 1, 6)

#: One error value in each form it can arrive in, and the value it gives.
FORMS: list[tuple[Any, str]] = [
    ("#N/A", "#N/A"),
    ("#N/B", "#N/A"),
    ("#WAARDE!", "#VALUE!"),
    ("#VALUE!", "#VALUE!"),
    ("#DEEL/0!", "#DIV/0!"),
    ("#DIV/0!", "#DIV/0!"),
    ({"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}, "#N/A"),
    ({"type": "Error", "basicValue": "#DIV/0!", "errorType": "Div0"}, "#DIV/0!"),
    (-2146826246, "#N/A"),
    (-2146826281.0, "#DIV/0!"),
]


class TestRecognition:
    @pytest.mark.parametrize(("value", "code"), FORMS)
    def test_every_form(self, value: Any, code: str) -> None:
        """Text (English, Dutch), Office.js error objects and COM HRESULTs are errors."""
        assert error_code(value) == code

    @pytest.mark.parametrize(
        "value", [None, "", "#", "#hashtag", "N/A", 0, 1.5, True, date(2025, 1, 6), {"a": 1}]
    )
    def test_ordinary_values_are_not_errors(self, value: Any) -> None:
        """Values that merely look alike are not errors."""
        assert error_code(value) is None

    def test_every_dutch_code_has_an_english_one(self) -> None:
        """Each Dutch code maps to an English one xlwings Lite knows; the COM codes too."""
        assert set(DUTCH_EXCEL_ERRORS.values()) <= ENGLISH_EXCEL_ERRORS
        assert set(COM_ERRORS.values()) <= ENGLISH_EXCEL_ERRORS

    def test_own_message_passes_unchanged(self) -> None:
        """A chained RI_ function's #WAARDE! message keeps its reason."""
        message = udfs.RI_MIJLPAAL("31-02-2025", "pva")
        assert message.startswith("#WAARDE! ziekte:")
        assert error_code(message) == message
        assert udfs.RI_WERKDAG(message, 3) == message

    def test_first_error_in_a_range(self) -> None:
        """In a range the first error row by row is the one."""
        assert first_error([[1, None], ["#REF!", "#N/A"]]) == "#REF!"
        assert first_error([[1, None], ["x", 2]]) is None


class TestSingleCalls:
    @pytest.mark.parametrize(("value", "code"), FORMS)
    def test_error_in_a_date_argument(self, value: Any, code: str) -> None:
        """#N/A as the first sick day gives #N/A, not 'ontbreekt' (it is not empty)."""
        assert udfs.RI_MIJLPAAL(value, "42e week") == code
        assert udfs.RI_MIJLPAAL([[value]], "42e week") == code

    def test_error_in_an_optional_argument(self) -> None:
        """#N/A in `sanctieweken` does not silently become 0 weeks (issue 15)."""
        without = udfs.RI_MIJLPAAL(SICK, "einde_loondoorbetaling")
        assert isinstance(without, date)
        assert udfs.RI_MIJLPAAL(SICK, "einde_loondoorbetaling", None, "#N/A") == "#N/A"

    def test_first_error_in_argument_order(self) -> None:
        """With two error arguments the first one's error is the result, as in Excel."""
        assert udfs.RI_MIJLPAAL("#DEEL/0!", "#N/A") == "#DIV/0!"

    def test_error_in_a_table_argument(self) -> None:
        """An error anywhere in a range of periods is the result."""
        periods = [[datetime(2025, 1, 6), datetime(2025, 1, 31)], [datetime(2025, 2, 20), "#N/A"]]
        assert udfs.RI_MIJLPAAL(periods, "42e week") == "#N/A"

    def test_error_in_a_table_function(self) -> None:
        """Functions that return a table pass an error through as well."""
        assert udfs.RI_CASCADE("zeeuwse-prb", "#N/A", datetime(2025, 12, 31)) == "#N/A"

    def test_explanation(self) -> None:
        """RI_UITLEG of a call with an error value is that error; an error as name too."""
        assert udfs.RI_UITLEG("RI_MIJLPAAL", "#N/A", "pva") == "#N/A"
        assert udfs.RI_UITLEG("#REF!") == "#REF!"
        assert udfs.RI_UITLEG([["RI_WERKDAG"]], [[SICK]], [["#GETAL!"]]) == "#NUM!"

    def test_version(self) -> None:
        """RI_VERSIE passes an error value through like any other function."""
        assert udfs.RI_VERSIE("#N/A") == "#N/A"


class TestLifted:
    def test_error_stays_in_its_row(self) -> None:
        """A lifted column: an error cell gives that error in its row only."""
        column = [[SICK], ["#N/A"], [{"type": "Error", "basicValue": "#REF!"}], [SICK], [None]]
        result = udfs.RI_MIJLPAAL(column, "42e week")
        good = udfs.RI_MIJLPAAL(SICK, "42e week")
        assert result == [[good], ["#N/A"], ["#REF!"], [good], [""]]

    def test_error_in_a_fixed_argument_fills_every_row(self) -> None:
        """An error in a single-valued argument of a lifted call is every row's result."""
        result = udfs.RI_MIJLPAAL([[SICK], [datetime(2025, 3, 3)]], "#N/A")
        assert result == [["#N/A"], ["#N/A"]]

    def test_error_row_beside_a_bad_row(self) -> None:
        """Errors and refusals stay in their own rows."""
        result = udfs.RI_WERKDAG([[SICK], ["#N/B"], ["31-02-2025"]], 3)
        assert result[0] == [udfs.RI_WERKDAG(SICK, 3)]
        assert result[1] == ["#N/A"]
        assert result[2][0].startswith("#WAARDE! ")

    def test_a_row_is_its_single_call(self) -> None:
        """Every lifted row gives what the single call with that row's values gives: an
        error value in the row beats an earlier argument's refusal, and of two error
        values the first in declaration order wins (contract, Changes of 2026-12-01 and
        Calling conventions, Lifting)."""
        calls: list[tuple[Any, Any]] = [
            ([["x"], [SICK]], [["#N/A"], ["pva"]]),  # both lifted
            ("x", [["#N/A"], ["pva"]]),  # the refused argument single
            ([["x"], [SICK]], "#N/A"),  # the error value single
            ([["#N/A"], [SICK]], "#DIV/0!"),  # two error values
            ([["x"], ["#REF!"]], [["pva"], ["#N/A"]]),
        ]
        for ziekte, mijlpaal in calls:
            lifted = udfs.RI_MIJLPAAL(ziekte, mijlpaal)
            rows = [
                udfs.RI_MIJLPAAL(
                    ziekte[row][0] if isinstance(ziekte, list) else ziekte,
                    mijlpaal[row][0] if isinstance(mijlpaal, list) else mijlpaal,
                )
                for row in range(2)
            ]
            assert lifted == [[value] for value in rows], (ziekte, mijlpaal)
        assert udfs.RI_MIJLPAAL([["x"], [SICK]], [["#N/A"], ["pva"]])[0] == ["#N/A"]
        assert udfs.RI_MIJLPAAL([["#N/A"], [SICK]], "#DIV/0!") == [["#N/A"], ["#DIV/0!"]]

    def test_a_blank_row_stays_blank_beside_an_error_value(self) -> None:
        """A blank row is an empty cell whether the single argument is refused or an
        error value, as in any other lifted call (contract, Lifting)."""
        assert udfs.RI_WERKDAG([[SICK], [None]], "#N/A") == [["#N/A"], [""]]
        refused = udfs.RI_WERKDAG([[SICK], [None]], "x")
        assert refused[1] == [""]

    def test_error_value_beats_a_refusal_in_an_earlier_column(self) -> None:
        """A row with a refused cell in one column and an error value in a later column
        gives the error value, as the single call of that row does (excel-functions.md:
        an error value is the result; lifting gives what single calls give, row by row).
        BW 7:629 lid 1: RI_LOONDOORBETALING(-1; #N/B; …) is #N/A, lifted or not."""
        march = datetime(2025, 3, 1)
        single = udfs.RI_LOONDOORBETALING(-1.0, "#N/B", march)
        assert single == "#N/A"
        lifted = udfs.RI_LOONDOORBETALING([[-1.0], [2500.0]], [["#N/B"], [10.0]], march)
        assert lifted == [[single], [udfs.RI_LOONDOORBETALING(2500.0, 10.0, march)]]

    def test_error_value_beats_a_refused_fixed_argument(self) -> None:
        """A refused single-valued argument and an error value in a lifted column: that row
        gives the error value, as its single call does (WIA art. 59, RI_WGA_DUUR)."""
        single = udfs.RI_WGA_DUUR("x", "#N/B")
        assert single == "#N/A"
        lifted = udfs.RI_WGA_DUUR("x", [["#N/B"], [3.0]])
        assert lifted == [[single], [udfs.RI_WGA_DUUR("x", 3.0)]]


DECLARED = sorted(name for name, f in REGISTRY.items() if f.params)


class TestEveryFunction:
    @given(
        st.sampled_from(DECLARED),
        st.data(),
        st.sampled_from([value for value, _ in FORMS]),
    )
    def test_an_error_argument_is_the_result(
        self, name: str, data: st.DataObject, error: Any
    ) -> None:
        """For every declared function and argument, an error value there (the others
        empty) is the result."""
        function = REGISTRY[name]
        position = data.draw(st.integers(0, len(function.params) - 1))
        args: list[Any] = [None] * len(function.params)
        args[position] = error
        assert udfs.contract_functions()[name](*args) == error_code(error)


class TestClassicDeclaration:
    def test_every_argument_asks_xlwings_for_error_text(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Classic xlwings turns an error cell into None unless the argument is declared
        with err_to_str=True; the framework declares every argument so."""
        from reintegratie_addin import functions
        from reintegratie_core import Explained

        declared: dict[str, dict[str, Any]] = {}

        class Recorder:
            @staticmethod
            def arg(name: str, **options: Any) -> Any:
                declared[name] = options
                return lambda f: f

            @staticmethod
            def func(**_options: Any) -> Any:
                return lambda f: f

        monkeypatch.setattr(functions, "_xw", Recorder)
        monkeypatch.setattr(functions, "REGISTRY", {})

        def RI_PROEF(datum: date, dagen: int) -> Explained[date]:
            """Proef."""
            return Explained(datum, ())

        params = [
            functions.Param(name="datum", doc="Datum", coerce=lambda v, a: v),
            functions.Param(name="dagen", doc="Dagen", coerce=lambda v, a: v),
        ]
        functions.excel_function(category="Proef", params=params)(RI_PROEF)
        assert set(declared) == {"datum", "dagen"}
        assert all(o["err_to_str"] is True and o["ndim"] == 2 for o in declared.values())
