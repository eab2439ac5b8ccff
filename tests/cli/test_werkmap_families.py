"""Filled-down RI_ columns found and written as one lifted call (``recalc.families``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs
from reintegratie_cli.recalc import families

FUNCTIONS = udfs.contract_functions()


class TestShifted:
    @pytest.mark.parametrize(
        ("formula", "moved"),
        [
            ('=RI_MIJLPAAL(A2,"42e week")', '=RI_MIJLPAAL(A3,"42e week")'),
            ("=RI_X($A$2,A$2,$A2,Blad1!C3)", "=RI_X($A$2,A$2,$A3,Blad1!C4)"),
            ('=RI_X(A2,"A2 blijft")', '=RI_X(A3,"A2 blijft")'),
            ("=LOG10(A1)", "=LOG10(A2)"),
        ],
    )
    def test_relative_rows_move_and_nothing_else(self, formula: str, moved: str) -> None:
        """Relative rows move; fixed rows, texts and function names stay."""
        assert families.shifted(formula, 1) == moved

    @given(st.integers(1, 1000), st.integers(-500, 500))
    def test_shifting_back_restores(self, row: int, delta: int) -> None:
        """Moving by delta and back gives the formula again."""
        formula = f'=RI_MIJLPAAL(A{row + 500},"pva",$B$1,C{row + 500})'
        assert families.shifted(families.shifted(formula, delta), -delta) == formula


class TestFamilies:
    def test_runs_that_may_be_lifted(self) -> None:
        """Runs of liftable calls are found; self-references, relative ranges, tables and
        short runs are left cell by cell."""
        formulas = {(r, 3): f'=RI_MIJLPAAL(A{r},"42e week")' for r in range(2, 30)}
        formulas.update({(r, 5): f"=RI_WERKDAG(E{r - 1},1)" for r in range(3, 30)})
        formulas.update({(r, 6): f"=RI_ZIEKTEDAGEN(A{r},B{r}:B{r + 1})" for r in range(2, 30)})
        formulas.update({(r, 7): f"=RI_TIJDLIJN(A{r})" for r in range(2, 30)})
        formulas.update({(r, 8): f"=RI_WERKDAG(A{r},2)" for r in range(2, 6)})
        formulas.update({(r, 9): f"=RI_WERKDAG(A{r},{r})" for r in range(2, 30)})
        found = list(families.families(formulas, FUNCTIONS))
        assert found == [
            families.Family(column=3, top=2, bottom=29, formula='=RI_MIJLPAAL(A2:A29,"42e week")')
        ]

    def test_long_runs_are_split_in_blocks(self) -> None:
        """A run longer than a block becomes one call per block (the engine's spill limit)."""
        rows = families.BLOCK + 10
        formulas = {(r, 2): f"=RI_WERKDAG(A{r},$C$1)" for r in range(1, rows + 1)}
        found = list(families.families(formulas, FUNCTIONS))
        assert [(f.top, f.bottom) for f in found] == [
            (1, families.BLOCK),
            (families.BLOCK + 1, rows),
        ]
        assert found[1].formula == f"=RI_WERKDAG(A{families.BLOCK + 1}:A{rows},$C$1)"
