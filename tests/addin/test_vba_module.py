"""The classic add-in's files: xlwings configuration and the generated VBA modules.

The VBA wrapper module must be what xlwings' own "Import Functions" writes for the ``RI_``
functions: the test runs xlwings' ``generate_vba_wrapper`` itself (read from the installed
xlwings, with the Windows-only parts left out) on the same signatures and compares.
"""

from __future__ import annotations

import ast
import csv
import importlib.util
import inspect
import io
import re
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
import xlwings
from xlwings.utils import VBAWriter

from reintegratie_addin import udfs

ADDIN = Path(__file__).resolve().parents[2] / "addin"
#: Words VBA reserves (a parameter may not be named so).
VBA_KEYWORDS = {
    word.lower()
    for word in [
        "And",
        "As",
        "Boolean",
        "ByRef",
        "Byte",
        "ByVal",
        "Call",
        "Case",
        "Const",
        "Currency",
        "Date",
        "Decimal",
        "Declare",
        "Dim",
        "Do",
        "Double",
        "Each",
        "Else",
        "ElseIf",
        "Empty",
        "End",
        "Enum",
        "Eqv",
        "Erase",
        "Error",
        "Event",
        "Exit",
        "False",
        "For",
        "Friend",
        "Function",
        "Get",
        "Global",
        "GoSub",
        "GoTo",
        "If",
        "Imp",
        "Implements",
        "In",
        "Integer",
        "Is",
        "Let",
        "Like",
        "Long",
        "LongLong",
        "LongPtr",
        "Loop",
        "LSet",
        "Me",
        "Mod",
        "New",
        "Next",
        "Not",
        "Nothing",
        "Null",
        "Object",
        "On",
        "Option",
        "Optional",
        "Or",
        "ParamArray",
        "Preserve",
        "Private",
        "Property",
        "Public",
        "RaiseEvent",
        "ReDim",
        "Rem",
        "Resume",
        "Return",
        "RSet",
        "Select",
        "Set",
        "Single",
        "Static",
        "Step",
        "Stop",
        "String",
        "Sub",
        "Then",
        "To",
        "True",
        "Type",
        "TypeOf",
        "Until",
        "Variant",
        "Wend",
        "While",
        "With",
        "WithEvents",
        "Xor",
    ]
}
TOOLS = ADDIN / "tools"


def load_tool(name: str) -> ModuleType:
    """A generator script from ``addin/tools`` as a module."""
    sys.path.insert(0, str(TOOLS))
    try:
        spec = importlib.util.spec_from_file_location(f"_tools_{name}", TOOLS / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(TOOLS))


@pytest.fixture(scope="module")
def gen_vba() -> ModuleType:
    """``addin/tools/gen_vba.py``."""
    return load_tool("gen_vba")


def xlwings_generate_vba_wrapper() -> Any:
    """``xlwings.udfs.generate_vba_wrapper`` from the installed xlwings.

    ``xlwings.udfs`` imports pywin32 and cannot be imported off Windows; the function itself
    only needs ``VBAWriter``, so its source is compiled alone.
    """
    source = Path(xlwings.__file__).with_name("udfs.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    function = next(
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == "generate_vba_wrapper"
    )
    namespace: dict[str, Any] = {"VBAWriter": VBAWriter}
    exec(
        compile(ast.Module(body=[function], type_ignores=[]), "xlwings/udfs.py", "exec"), namespace
    )
    return namespace["generate_vba_wrapper"]


def xlfunc(spec: Any) -> dict[str, Any]:
    """The ``__xlfunc__`` record xlwings' decorators build for a function."""
    args = []
    for position, arg in enumerate(spec.args):
        info: dict[str, Any] = {
            "name": arg.name,
            "pos": position,
            "vba": None,
            "doc": arg.doc,
            "vararg": arg.vararg,
            "options": {},
        }
        if arg.optional:
            info["optional"] = None
        args.append(info)
    return {
        "name": spec.name,
        "sub": False,
        "args": args,
        "call_in_wizard": True,
        "volatile": False,
        "category": spec.category,
    }


class TestVbaWrappers:
    def test_committed_module_is_up_to_date(self, gen_vba: ModuleType) -> None:
        """The committed modules equal what the generator writes from the current signatures."""
        for path, data in gen_vba.outputs().items():
            assert path.read_bytes() == data, f"{path.name} is verouderd: voer `make addin` uit"

    def test_equals_what_xlwings_writes(self, gen_vba: ModuleType) -> None:
        """Each wrapper is exactly xlwings' generate_vba_wrapper output for an .xlam add-in."""
        generate = xlwings_generate_vba_wrapper()
        specs = gen_vba.function_specs()
        functions = {spec.name: SimpleNamespace(__xlfunc__=xlfunc(spec)) for spec in specs}
        module = SimpleNamespace(**functions)
        buffer = io.StringIO()
        generate(
            "reintegratie_addin.udfs", module, buffer, SimpleNamespace(Name="reintegratie.xlam")
        )
        header = gen_vba.render_wrappers([]).replace("\r\n", "\n")
        assert gen_vba.render_wrappers(specs) == header + buffer.getvalue()

    def test_every_contract_function_has_a_wrapper(self) -> None:
        """Every RI_ function has a VBA function with its arguments; optional ones Optional."""
        text = (ADDIN / "reintegratie_udfs.bas").read_bytes().decode("cp1252")
        declared = dict(re.findall(r"^Function (RI_\w+)\((.*)\)\r$", text, flags=re.MULTILINE))
        assert set(declared) == set(udfs.contract_functions())
        for name, function in udfs.contract_functions().items():
            expected = []
            for parameter in inspect.signature(function).parameters.values():
                if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
                    expected.append(f"ParamArray {parameter.name}()")
                elif parameter.default is not inspect.Parameter.empty:
                    expected.append(f"Optional {parameter.name}")
                else:
                    expected.append(parameter.name)
            assert declared[name] == ", ".join(expected)

    def test_argument_names_are_valid_vba(self, gen_vba: ModuleType) -> None:
        """Every argument name is a VBA identifier and no VBA keyword (the wrapper declares it)."""
        for spec in gen_vba.function_specs():
            for arg in spec.args:
                assert re.fullmatch(r"[A-Za-z]\w{0,254}", arg.name), (spec.name, arg.name)
                assert arg.name.lower() not in VBA_KEYWORDS, (spec.name, arg.name)

    def test_calls_the_configured_module(self) -> None:
        """Each wrapper calls the module the configuration names, for the active workbook."""
        text = (ADDIN / "reintegratie_udfs.bas").read_bytes().decode("cp1252")
        calls = re.findall(
            r'XLPy\.CallUDF\("([\w.]+)", "(RI_\w+)", .*, ActiveWorkbook, Application\.Caller\)',
            text,
        )
        assert {module for module, _ in calls} == {"reintegratie_addin.udfs"}
        assert {name for _, name in calls} == set(udfs.contract_functions())


class TestDescriptions:
    def test_every_function_gets_its_help(self, gen_vba: ModuleType) -> None:
        """RI_Beschrijvingen sets description, category and each argument's help per function."""
        text = (ADDIN / "reintegratie_beschrijvingen.bas").read_bytes().decode("cp1252")
        for spec in gen_vba.function_specs():
            statement = text.split(f'Macro:=boek & "{spec.name}", _', 1)[1].split(
                "Application.MacroOptions", 1
            )[0]
            assert f"Category:={gen_vba.vba_string(spec.category)}" in statement
            assert f"Description:={gen_vba.vba_string(spec.doc[:255])}" in statement
            assert ("ArgumentDescriptions" in statement) == bool(spec.args)
            for arg in spec.args:
                assert gen_vba.vba_string(arg.doc[:255]) in statement

    def test_vba_strings(self, gen_vba: ModuleType) -> None:
        """Quotes are doubled; characters outside Windows-1252 become ChrW."""
        assert gen_vba.vba_string('zeg "ja"') == '"zeg ""ja"""'
        assert gen_vba.vba_string("a ≥ b") == '"a " & ChrW(8805) & " b"'
        assert gen_vba.vba_string("€ – ë") == '"€ – ë"'
        assert gen_vba.vba_string("") == '""'

    def test_lines_fit_the_vba_editor(self) -> None:
        """No line exceeds VBA's 1023 characters and a statement has at most 24 continuations."""
        for name in ("reintegratie_udfs.bas", "reintegratie_beschrijvingen.bas"):
            lines = (ADDIN / name).read_bytes().decode("cp1252").split("\r\n")
            assert max(len(line) for line in lines) <= 1023
            run = 0
            for line in lines:
                run = run + 1 if line.endswith(" _") else 0
                assert run <= 24


class TestConfiguration:
    def test_udf_modules(self) -> None:
        """xlwings.conf (the add-in's VBA Write # format) names the UDF module."""
        text = (ADDIN / "xlwings.conf").read_text(encoding="cp1252")
        settings = {row[0]: row[1] for row in csv.reader(io.StringIO(text)) if row}
        assert settings == {"UDF Modules": "reintegratie_addin.udfs"}
        module = importlib.import_module(settings["UDF Modules"])
        assert set(module.contract_functions()) == set(udfs.contract_functions())
