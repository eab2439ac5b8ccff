"""Lifting gives what single calls give, row by row, for every liftable ``RI_`` function
(contract, Lifting: "the function then returns a column of results, row by row").

Random rows of the cells Excel sends — ``datetime`` cells, ``float`` numbers (the COM
error codes among them), empty cells, text, booleans, Excel error values in every form —
some arguments lifted as a column (2-D, or the 1-D list a Python caller may pass), the
others one cell repeated. A blank row (every lifted required cell empty, and no lifted
optional cell an error value or refused: those show, excel-functions.md "Error inputs") is
an empty cell, whatever the single arguments hold (contract, Lifting; `test_excel_errors`). This covers
the precedence of an error value over a refusal in another argument, which a lifted row
must decide as the single call does (functions.py ``_precedence``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs  # noqa: F401 - registers the functions
from reintegratie_addin.excel_errors import error_code
from reintegratie_addin.functions import REGISTRY, ExcelFunction

#: Cells as Excel sends them, valid and not, for every kind of argument.
CELLS: list[Any] = [
    None,
    "",
    " ",
    "#N/B",
    "#N/A",
    {"type": "Error", "basicValue": "#DIV/0!"},
    -2146826246,
    -2146826246.0,
    -1.0,
    0.0,
    0.5,
    0.85,
    1.0,
    2.5,
    12.0,
    30.0,
    104.0,
    3000.0,
    45000.0,
    1e13,
    True,
    False,
    "x",
    "ja",
    "nee",
    "001",
    "003",
    "prb",
    "pva",
    "fraude",
    "wanbetaling",
    "einde_dienstverband",
    "asr-reintegratiemanager",
    "zeeuwse-prb",
    "maand",
    "NL91 ABNA 0417 1643 00",
    datetime(1905, 1, 1),
    datetime(2019, 1, 1),
    datetime(2023, 6, 30),
    datetime(2024, 1, 8),
    datetime(2024, 3, 1),
    datetime(2025, 1, 6),
    datetime(2025, 7, 1),
    datetime(2026, 2, 1),
]

LIFTABLE = sorted(
    name
    for name, function in REGISTRY.items()
    if not function.returns_table and any(p.lift for p in function.params)
)


def _refused(function: ExcelFunction, index: int, value: Any) -> bool:
    """True when the cell is an Excel error value or its argument refuses it."""
    param = function.params[index]
    if error_code(value) is not None:
        return True
    try:
        param.coerce(value, param.name)
    except Exception:  # noqa: BLE001 - any refusal
        return True
    return False


def _blank(function: ExcelFunction, row: list[Any], lifted: set[int]) -> bool:
    required = [i for i in lifted if not function.params[i].optional]
    optional = [i for i in lifted if function.params[i].optional]
    return (
        bool(required)
        and all(row[i] is None or (type(row[i]) is str and not row[i].strip()) for i in required)
        and not any(_refused(function, i, row[i]) for i in optional)
    )


@given(st.data())
def test_a_lifted_row_is_its_single_call(data: st.DataObject) -> None:
    function = REGISTRY[data.draw(st.sampled_from(LIFTABLE), label="function")]
    liftable = [i for i, p in enumerate(function.params) if p.lift]
    lifted = set(data.draw(st.sets(st.sampled_from(liftable), min_size=1), label="lifted"))
    rows = data.draw(st.integers(2, 4), label="rows")
    one = data.draw(
        st.lists(
            st.sampled_from(CELLS), min_size=len(function.params), max_size=len(function.params)
        ),
        label="single cells",
    )
    grid = [list(one) for _ in range(rows)]
    raw: list[Any] = list(one)
    for index in sorted(lifted):
        column = data.draw(st.lists(st.sampled_from(CELLS), min_size=rows, max_size=rows))
        for row, value in zip(grid, column, strict=True):
            row[index] = value
        flat = data.draw(st.booleans(), label="1-D")
        raw[index] = list(column) if flat else [[value] for value in column]
    expected = [[""] if _blank(function, row, lifted) else [function(*row)] for row in grid]
    assert function(*raw) == expected
