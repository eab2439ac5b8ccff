"""Formula text for ``reintegratie werkmap``: saved add-in forms, simple calls, left-out arguments."""

from __future__ import annotations

from typing import ClassVar

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


class TestExternalReferences:
    @pytest.mark.parametrize(
        ("formula", "cut", "links"),
        [
            ("=[1]Blad1!A1+1", "=#REF!+1", ["1"]),
            ("='[ander.xlsx]Blad 1'!A1:B2", "=#REF!", ["ander.xlsx"]),
            ('="[1]"&A1', '="[1]"&A1', []),
            ("=SUM(Tabel1[Bedrag])", "=SUM(Tabel1[Bedrag])", []),
            ("=A1", "=A1", []),
        ],
    )
    def test_references_to_other_workbooks_become_ref_errors(
        self, formula: str, cut: str, links: list[str]
    ) -> None:
        """Nothing outside the workbook is read: such a reference is #REF!, its link named."""
        assert forms.cut_external(formula) == (cut, links)


class TestReferencedCells:
    USED: ClassVar[dict[str, tuple[int, int, int, int]]] = {
        "Blad 1": (1, 1, 10, 6),
        "Jan's data": (1, 1, 3, 2),
    }

    @pytest.mark.parametrize(
        ("formula", "cost"),
        [
            ("=VLOOKUP(A1,A:F,2,0)", 60),
            ("=SUM(B:B)+COUNTIFS(A:A,1)", 20),
            ("=SUM(A1:A1000000)", 10),
            ("=SUM('Jan''s data'!A:B)", 6),
            ('=SUM(A1)&"A:B"', 0),
            ("=SUM(1:2)", 12),
            ("=SUM(Onbekend!A:A)", 0),
        ],
    )
    def test_whole_columns_cost_the_used_rows(self, formula: str, cost: int) -> None:
        """A reference costs the cells it names within the used area of its sheet."""
        assert forms.referenced_cells(formula, "Blad 1", self.USED) == cost


class TestSingleCall:
    @pytest.mark.parametrize(
        ("formula", "name"),
        [
            ('=RI_MIJLPAAL(A1,"42e week")', "RI_MIJLPAAL"),
            ("=ri_werkdag(SUM(A1,2),3)", "RI_WERKDAG"),
            ('=RI_MIJLPAAL(A1,"42e week")+7', None),
            ("=IF(A1,RI_WERKDAG(A1,1),0)", "IF"),
            ("=(RI_WERKDAG(A1,1))", None),
            ("=A1", None),
        ],
    )
    def test_one_call_as_a_whole(self, formula: str, name: str | None) -> None:
        """Only a formula that is one call as a whole names its function."""
        assert forms.single_call(formula) == name


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
