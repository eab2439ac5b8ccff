"""The xlwings Lite files: ``addin/lite/main.py`` and ``requirements.txt``.

xlwings Lite runs in the browser and hands a custom function what Office.js gives it: for
an argument declared with ``ndim=2``, a single cell as ``[[value]]``, a range as a list of
rows, an empty single cell as ``None`` (the argument's default), an empty cell inside a
range as ``""`` or ``None``, and dates as integer serial numbers — unless the workbook's
code converted them to dates already. :func:`lite` hands values over that way; the
results must equal the classic add-in's functions called with the values classic Excel
passes (date cells as ``datetime``).
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
import tomllib
import types
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs

ROOT = Path(__file__).resolve().parents[2]
LITE = ROOT / "addin" / "lite"
EPOCH = date(1899, 12, 30)


def serial(day: date) -> int:
    """The integer serial Office.js gives for a date cell (1900 system, after March 1900)."""
    return (day - EPOCH).days


def lite(value: Any) -> Any:
    """One argument as xlwings Lite passes it with ``ndim=2``."""
    if value is None:
        return None
    if isinstance(value, list):
        return [row if isinstance(row, list) else [row] for row in value]
    return [[value]]


def load_main(name: str = "_lite_main") -> types.ModuleType:
    """``addin/lite/main.py`` as a module."""
    spec = importlib.util.spec_from_file_location(name, LITE / "main.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def main() -> types.ModuleType:
    """The Lite module, with the xlwings decorators of this platform."""
    return load_main()


class _Recorder:
    """Stands in for ``xlwings`` and records what ``@func`` and ``@arg`` declare."""

    def __init__(self) -> None:
        self.functions: dict[str, dict[str, dict[str, Any]]] = {}

    def func(self, f: Any) -> Any:
        self.functions.setdefault(f.__name__, {})
        return f

    def arg(self, name: str, **options: Any) -> Any:
        def decorate(f: Any) -> Any:
            self.functions.setdefault(f.__name__, {})[name] = options
            return f

        return decorate


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    """What main.py declares to xlwings Lite."""
    recorder = _Recorder()
    stub = types.ModuleType("xlwings")
    stub.func = recorder.func  # type: ignore[attr-defined]
    stub.arg = recorder.arg  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "xlwings", stub)
    load_main("_lite_main_recorded")
    return recorder


def load_tool(name: str) -> types.ModuleType:
    """A generator script from ``addin/tools``."""
    tools = ROOT / "addin" / "tools"
    sys.path.insert(0, str(tools))
    try:
        spec = importlib.util.spec_from_file_location(f"_tools_{name}", tools / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(tools))


class TestGenerated:
    def test_files_are_up_to_date(self) -> None:
        """The committed Lite files equal what the generator writes now."""
        generator = load_tool("gen_lite")
        for path, text in generator.outputs().items():
            assert path.read_text(encoding="utf-8") == text, (
                f"{path.name} is verouderd: voer `make addin` uit"
            )

    def test_every_function_is_registered_for_lite(self, recorded: _Recorder) -> None:
        """Every RI_ function is an @func with every argument as @arg(ndim=2) with help text."""
        assert set(recorded.functions) == set(udfs.contract_functions())
        for name, function in udfs.contract_functions().items():
            parameters = inspect.signature(function).parameters
            declared = recorded.functions[name]
            expected = {
                ("*" if p.kind is p.VAR_POSITIONAL else "") + p.name for p in parameters.values()
            }
            assert set(declared) == expected
            assert all(options["ndim"] == 2 and options["doc"] for options in declared.values())
            # Error cells arrive as their text, not as None (contract, Changes of 2026-12-01).
            assert all(options["err_to_str"] is True for options in declared.values())

    def test_signatures_match_the_add_in(self, main: types.ModuleType) -> None:
        """Each Lite function has the add-in function's arguments, optional ones defaulting to None."""
        for name, function in udfs.contract_functions().items():
            ours = inspect.signature(getattr(main, name))
            theirs = inspect.signature(function)
            assert [(p.name, p.kind, p.default) for p in ours.parameters.values()] == [
                (p.name, p.kind, None if p.default is not p.empty else p.empty)
                for p in theirs.parameters.values()
            ]

    def test_requirements_leave_pyodide_its_own(self) -> None:
        """requirements.txt lists the runtime dependencies with pyproject's ranges, never an
        exact pin, and what Pyodide bundles without a version (issue 15 item 5); every
        dependency, direct or not, has a py3-none-any wheel in uv.lock."""
        generator = load_tool("gen_lite")
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        lines = [
            line
            for line in (LITE / "requirements.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        ]
        assert not [line for line in lines if "==" in line]
        declared = {re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0]: d for d in project["dependencies"]}
        expected = [
            name if name in generator.PYODIDE_BUNDLED else declared[name].replace(" ", "")
            for name in sorted(declared)
        ]
        assert sorted(lines) == expected
        lock = {
            p["name"]: p
            for p in tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))["package"]
        }
        for name, _ in generator.runtime_wheels():
            assert any(w["url"].endswith("none-any.whl") for w in lock[name]["wheels"])


SICK = [datetime(2025, 1, 6), datetime(2024, 2, 29), datetime(2025, 12, 31)]


class TestLiteInputs:
    def test_serials_equal_date_cells(self, main: types.ModuleType) -> None:
        """Integer serials give what classic Excel's date cells give (domain §3 worked example)."""
        first = datetime(2025, 1, 6)
        assert main.RI_MIJLPAAL(lite(serial(first.date())), lite("42e week")) == date(2025, 10, 27)
        for function, args in [
            ("RI_MIJLPAAL", (first, "einde_loondoorbetaling", None, 10)),
            ("RI_TIJDLIJN", (first, datetime(2025, 2, 10), None)),
            ("RI_WERKDAG", (datetime(2025, 12, 24), 3)),
            ("RI_RESTERENDE_WEKEN", (first, datetime(2025, 11, 3), None)),
            ("RI_SIGNAAL", (first, datetime(2025, 10, 20), None, None)),
            ("RI_UITERSTE_DECLARATIE", (datetime(2025, 1, 31),)),
            (
                "RI_STATUS",
                (
                    "asr-reintegratiemanager",
                    "poortwachtergarantie",
                    [[datetime(2025, 3, 1), "schorsing", None]],
                    datetime(2025, 11, 3),
                    None,
                ),
            ),
            ("RI_TARIEF_PRORATA", (118.5, datetime(2025, 1, 1), datetime(2025, 4, 1), None)),
        ]:
            classic = udfs.contract_functions()[function](*args)
            as_lite = [lite(_serials(a)) for a in args]
            assert getattr(main, function)(*as_lite) == classic, function

    def test_dates_already_converted(self, main: types.ModuleType) -> None:
        """Values the workbook's code already turned into dates give the same results."""
        for first in SICK:
            for value in (first, first.date()):
                assert main.RI_MIJLPAAL(lite(value), lite("pva")) == udfs.RI_MIJLPAAL(first, "pva")

    def test_lifted_columns(self, main: types.ModuleType) -> None:
        """A range of serials (with an empty cell as Office.js gives it) lifts like the add-in."""
        column = [serial(d.date()) for d in SICK] + [""]
        classic = udfs.RI_MIJLPAAL([[d] for d in SICK] + [[None]], "42e week")
        assert main.RI_MIJLPAAL(lite(column), lite("42e week")) == classic

    def test_amounts_codes_and_booleans(self, main: types.ModuleType) -> None:
        """Numbers, codes and TRUE/FALSE arrive as Office.js gives them."""
        assert main.RI_REINTEGRATIEBUDGET(
            lite(5000), lite(False), lite(1500), None
        ) == udfs.RI_REINTEGRATIEBUDGET(5000, False, 1500)
        assert main.RI_WEEKLOON(lite(3900), lite("maand")) == udfs.RI_WEEKLOON(3900, "maand")
        assert main.RI_CASCADE(
            lite("zeeuwse-prb"), lite("verzuim-erd"), lite(serial(date(2025, 12, 31))), None, None
        ) == udfs.RI_CASCADE("zeeuwse-prb", "verzuim-erd", datetime(2025, 12, 31))

    def test_errors_and_explanations(self, main: types.ModuleType) -> None:
        """Bad input gives the add-in's #WAARDE! text; RI_UITLEG and RI_VERSIE work alike."""
        assert main.RI_MIJLPAAL(lite("31-02-2025"), lite("42e week")) == udfs.RI_MIJLPAAL(
            "31-02-2025", "42e week"
        )
        assert main.RI_MIJLPAAL(lite("31-02-2025"), lite("42e week")).startswith("#WAARDE! ziekte:")
        assert main.RI_UITLEG(
            lite("RI_MIJLPAAL"), lite(serial(date(2025, 1, 6))), lite("42e week")
        ) == udfs.RI_UITLEG("RI_MIJLPAAL", datetime(2025, 1, 6), "42e week")
        assert main.RI_VERSIE() == udfs.RI_VERSIE()

    def test_error_values(self, main: types.ModuleType) -> None:
        """An error cell (as err_to_str text or as the Office.js error object) is the result,
        returned as the English code xlwings Lite turns into a real error value."""
        na_object = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}
        for error in ("#N/A", na_object):
            assert main.RI_MIJLPAAL(lite(error), lite("42e week")) == "#N/A"
            assert (
                main.RI_MIJLPAAL(
                    lite(serial(date(2025, 1, 6))),
                    lite("einde_loondoorbetaling"),
                    None,
                    lite(error),
                )
                == "#N/A"
            )
        column = [serial(date(2025, 1, 6)), "#DIV/0!", ""]
        assert main.RI_MIJLPAAL(lite(column), lite("42e week")) == [
            [date(2025, 10, 27)],
            ["#DIV/0!"],
            [""],
        ]

    @given(
        first=st.dates(date(1990, 1, 1), date(2060, 12, 31)),
        days=st.integers(-400, 400),
        weeks=st.integers(0, 52),
    )
    def test_any_date_as_serial(
        self, main: types.ModuleType, first: date, days: int, weeks: int
    ) -> None:
        """For any date, a serial from Lite and a date cell from classic Excel agree."""
        cell = datetime.combine(first, datetime.min.time())
        assert main.RI_WERKDAG(lite(serial(first)), lite(days)) == udfs.RI_WERKDAG(cell, days)
        assert main.RI_MIJLPAAL(
            lite(serial(first)), lite("einde_loondoorbetaling"), None, lite(weeks)
        ) == udfs.RI_MIJLPAAL(cell, "einde_loondoorbetaling", None, weeks)
        peil = first + timedelta(days=abs(days))
        assert main.RI_ZIEKTEDAGEN(lite(serial(first)), lite(serial(peil))) == udfs.RI_ZIEKTEDAGEN(
            cell, peil
        )


def _serials(value: Any) -> Any:
    """Date cells (also inside ranges) as the integer serials Office.js gives."""
    if isinstance(value, datetime):
        return serial(value.date())
    if isinstance(value, list):
        return [_serials(v) for v in value]
    return value
