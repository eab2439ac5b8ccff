"""The lifting benchmark: its cases name RI_ functions, and each case computes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from reintegratie_addin import udfs  # noqa: F401 - registers every RI_ function
from reintegratie_addin.functions import REGISTRY

BENCH = Path(__file__).parent.parent / "bench" / "bench_lifting.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_lifting", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_lifting", module)
    spec.loader.exec_module(module)
    return module


class TestLiftingBenchmark:
    def test_the_issues_functions_have_a_case(self) -> None:
        """Issue 11: the table has the six functions the issue measured, and others appended."""
        named = {case.name for case in _bench().CASES}
        assert {
            "RI_SIGNAAL",
            "RI_RESTERENDE_WEKEN",
            "RI_ZIEKTEDAGEN",
            "RI_REINTEGRATIEBUDGET",
            "RI_WERKDAG",
            "RI_MIJLPAAL",
        } <= named
        assert named <= set(REGISTRY)

    def test_every_case_computes_its_rows(self) -> None:
        """Each case lifts a column of distinct values into one result per row, none an error."""
        bench = _bench()
        columns = bench.Columns.make(40)
        for case in bench.CASES:
            result = case.call(columns)
            assert len(result) == 40, case.name
            assert bench.errors_in(result) == [], case.name
