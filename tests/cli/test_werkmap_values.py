"""The conversions between the engine and the RI_ functions: the quick paths for a column
of dates or numbers give what the cell-by-cell conversion gives."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from reintegratie_cli.recalc import values
from reintegratie_cli.recalc.package import as_serial


def cell_by_cell(rows: list[list[Any]]) -> list[list[Any]]:
    width = max(len(row) for row in rows) or 1
    return [[values._result_cell(c) for c in row] + [""] * (width - len(row)) for row in rows]


@pytest.mark.parametrize(
    "rows",
    [
        [[date(2025, 1, 6)], [date(1900, 3, 1)], [date(9999, 12, 31)]],
        [[date(2025, 1, 6), date(2025, 1, 7)], [date(2026, 2, 1), date(2026, 2, 2)]],
        [[date(1900, 2, 28)], [date(2025, 1, 6)]],  # before the leap-year bug
        [[datetime(2025, 1, 6, 12)], [date(2025, 1, 6)]],
        [[1.5], [2.0], [True]],
        [[1.5], [float("nan")]],
        [[1.5, 2.0], [3.0]],  # ragged: padded
        [[1], [Decimal("2.50")], [None], ["#N/A"], ["#WAARDE! x: y"], [date(2025, 1, 6)]],
    ],
)
def test_quick_paths_equal_cell_by_cell(rows: list[list[Any]]) -> None:
    dates: set[int] = set()
    assert values.result(rows, dates) == cell_by_cell(rows)
    assert dates == {j for row in rows for j, cell in enumerate(row) if isinstance(cell, date)}


@pytest.mark.parametrize(
    "answer",
    [date(2025, 1, 6), date(1900, 1, 1), datetime(2025, 1, 6, 6), 3.0, float("inf"), True, 7, None],
)
def test_single_answers(answer: Any) -> None:
    dates: set[int] = set()
    expected = values._result_cell(answer)
    assert values.result(answer, dates) == expected
    assert dates == ({0} if isinstance(answer, date) else set())
    if isinstance(answer, date):
        assert expected == as_serial(answer)


def test_a_range_passes_as_the_engine_gives_it_unless_a_cell_needs_converting() -> None:
    plain = [[45000.0], [None], ["tekst"], [True]]
    assert values.argument(plain, two_d=True) is plain
    error = {"type": "Error", "kind": "Na"}
    assert values.argument([[1], [error], [values.OMITTED_TEXT]]) == [[1.0], ["#N/A"], [None]]
    assert values.argument([["a", values.OMITTED_TEXT]]) == [["a", None]]
    assert values.argument(45000.0, two_d=True) == [[45000.0]]
    assert values.argument(values.OMITTED_TEXT, two_d=True) is None
    assert values.argument(None, two_d=True) == [[None]]
    assert values.argument(3) == 3.0


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("x" * 32_767, True),
        ("x" * 32_768, False),
        ("é" * 32_767, True),  # one UTF-16 unit each
        ("\N{GRINNING FACE}" * 16_383 + "x", True),  # 32,767 units
        ("\N{GRINNING FACE}" * 16_384, False),  # 16,384 characters, 32,768 units
    ],
)
def test_a_result_text_longer_than_a_cell_is_an_error_counted_as_excel_counts(
    text: str, fits: bool
) -> None:
    """Excel holds at most 32,767 characters in a cell, counted as ``LEN`` counts them: in
    UTF-16 units, an emoji two. A longer RI_ result is #VALUE!, as the output file counts
    (one limit, `reintegratie_cli.table.EXCEL_MAX_TEXT`); before, 16,384 emoji passed."""
    assert (values._result_cell(text) == text) is fits
