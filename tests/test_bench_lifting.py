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

    def test_ibans_are_distinct_and_valid(self) -> None:
        """RI_SEPA_REKENING lifts distinct IBANs that schwifty accepts, national check digits
        included, without a warning that a national checksum went unchecked."""
        import random
        import warnings

        from schwifty import IBAN

        ibans = _bench().distinct_ibans(600, random.Random(7))
        compact = ["".join(text.split()) for text in ibans]
        assert len(set(compact)) == 600
        assert {text[:2] for text in compact} == {"NL", "BE", "FR", "ES", "AT", "CH"}
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for text in compact:
                account = IBAN(text, validate_bban=True)
                assert account.in_sepa_zone, text
