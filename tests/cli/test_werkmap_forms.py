"""Formula text for ``reintegratie werkmap``: saved add-in forms, simple calls, left-out arguments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_cli.recalc import forms

KNOWN = frozenset({"RI_MIJLPAAL", "RI_WERKDAG", "RI_VERSIE"})


class TestNormalizeAddinCalls:
    @pytest.mark.parametrize(
        "saved",
        [
            '=_xludf.RI_MIJLPAAL(A2,"42e week")',
            '=[1]!RI_MIJLPAAL(A2,"42e week")',
            "='C:\\Users\\jan\\AppData\\Roaming\\Microsoft\\AddIns\\reintegratie.xlam'!RI_MIJLPAAL(A2,\"42e week\")",
            '=reintegratie.xlam!RI_MIJLPAAL(A2,"42e week")',
            '=[1]!_xludf.RI_MIJLPAAL(A2,"42e week")',
            '=_XLUDF.ri_mijlpaal(A2,"42e week")',
        ],
    )
    def test_saved_forms_become_plain_calls(self, saved: str) -> None:
        """Every form Excel may save an add-in call in reads as the plain RI_ call."""
        assert forms.normalize_addin_calls(saved) == '=RI_MIJLPAAL(A2,"42e week")'

    def test_nested_calls_and_other_functions(self) -> None:
        """Prefixed calls inside Excel's own functions are rewritten; the rest stays."""
        saved = '=IF([1]!RI_MIJLPAAL(A2,"pva")>DATE(2025,1,1),_xludf.RI_WERKDAG(B2,5),"")'
        assert (
            forms.normalize_addin_calls(saved)
            == '=IF(RI_MIJLPAAL(A2,"pva")>DATE(2025,1,1),RI_WERKDAG(B2,5),"")'
        )

    @pytest.mark.parametrize(
        "formula",
        [
            '="_xludf.RI_MIJLPAAL(A2)"',
            "=_xludf.OTHER(A2)",
            "='Blad 1'!A2+1",
            "=SUM(A1:A3)",
            "not a formula [1]!RI_X(",
        ],
    )
    def test_everything_else_is_unchanged(self, formula: str) -> None:
        """Text in strings, other user-defined functions and sheet references are left alone."""
        assert forms.normalize_addin_calls(formula) == formula

    @given(st.text(max_size=60))
    def test_normalizing_is_idempotent_and_never_raises(self, tail: str) -> None:
        """Normalizing twice equals normalizing once, for any text after the prefix."""
        formula = "=[1]!RI_MIJLPAAL(" + tail
        once = forms.normalize_addin_calls(formula)
        assert forms.normalize_addin_calls(once) == once


class TestParseSimpleCall:
    def test_literals_references_and_omitted(self) -> None:
        """Text, numbers (also negative), TRUE/FALSE, references and left-out arguments."""
        call = forms.parse_simple_call(
            '=RI_WERKDAG( \'Blad 1\'!$B$2:$B$9 , -5,TRUE,,"a ""b""",1.5)', KNOWN
        )
        assert call is not None
        assert call.function == "RI_WERKDAG"
        assert call.arguments == (
            forms.Reference(sheet="Blad 1", min_row=2, min_col=2, max_row=9, max_col=2),
            forms.Literal(-5),
            forms.Literal(value=True),
            forms.Omitted(),
            forms.Literal('a "b"'),
            forms.Literal(1.5),
        )

    def test_no_arguments(self) -> None:
        """A call without arguments."""
        assert forms.parse_simple_call("=RI_VERSIE()", KNOWN) == forms.SimpleCall("RI_VERSIE", ())

    @pytest.mark.parametrize(
        "formula",
        [
            "=RI_MIJLPAAL(A2)+1",
            '=IF(A1,RI_MIJLPAAL(A2,"pva"),"")',
            "=RI_MIJLPAAL(DATE(2025,1,6))",
            "=RI_MIJLPAAL((A2))",
            "=RI_MIJLPAAL(A:A)",
            "=RI_MIJLPAAL(Peildatum)",
            "=RI_MIJLPAAL([1]Blad!A2)",
            "=RI_MIJLPAAL(#N/A)",
            "=RI_ONBEKEND(A2)",
            "=SUM(A2)",
            "RI_MIJLPAAL(A2)",
        ],
    )
    def test_anything_else_is_left_to_the_engine(self, formula: str) -> None:
        """Expressions, nested calls, names, whole columns, errors and unknown functions are not simple."""
        assert forms.parse_simple_call(formula, KNOWN) is None


class TestMarkOmitted:
    @pytest.mark.parametrize(
        ("formula", "marked"),
        [
            ("=RI_WERKDAG(A1,,B1)", "=RI_WERKDAG(A1,RI__WEGGELATEN(),B1)"),
            ("=RI_WERKDAG(,A1)", "=RI_WERKDAG(RI__WEGGELATEN(),A1)"),
            ("=RI_WERKDAG(A1,)", "=RI_WERKDAG(A1,RI__WEGGELATEN())"),
            ("=RI_WERKDAG(A1, ,B1)", "=RI_WERKDAG(A1, RI__WEGGELATEN(),B1)"),
            ("=IF(A1,,RI_WERKDAG(,1))", "=IF(A1,,RI_WERKDAG(RI__WEGGELATEN(),1))"),
            (
                "=RI_WERKDAG(SUM(1,,2),,)",
                "=RI_WERKDAG(SUM(1,,2),RI__WEGGELATEN(),RI__WEGGELATEN())",
            ),
            ('=RI_WERKDAG(A1,"a,,b")', '=RI_WERKDAG(A1,"a,,b")'),
            ("=SUM(1,,2)", "=SUM(1,,2)"),
        ],
    )
    def test_only_left_out_arguments_of_known_calls(self, formula: str, marked: str) -> None:
        """Excel's own functions keep reading a left-out argument as 0; RI_ calls get the marker."""
        assert forms.mark_omitted(formula, KNOWN) == marked
