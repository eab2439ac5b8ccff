"""The xlwings Lite functions on a fixed set of calls, the same in CPython and in Pyodide.

``make test-lite`` runs this file twice:

1. in CPython, ``python lite_check.py prepare <calls.json> <expected.json>`` builds the
   calls from the function reference's examples (``docs/tools/examples.py``: every ``RI_``
   function) in four input styles and records what ``addin/lite/main.py`` returns;
2. in real Pyodide (Node.js, ``run.mjs``), :func:`run` makes the same calls on the installed
   wheels and ``run.mjs`` compares the answers with CPython's, call by call.

The four input styles, each as xlwings Lite hands values over (``@arg(ndim=2)``: a cell as
``[[value]]``, a range as rows, an empty cell in a range as ``""``):

* ``klassiek`` — date cells as ``datetime``, numbers as ``float`` (the classic add-in's
  values; the workbook's code converted them already);
* ``lite`` — date cells as integer serial numbers, as Office.js sends them;
* ``tekst`` — dates and numbers typed as Dutch text (``6-1-2025``, ``1250,5``);
* ``fout`` — an Excel error value in the first argument that has a value, once as the text
  xlwings gives with ``err_to_str=True`` and once as the Office.js error object.

Only the standard library and the project's own packages: the file runs in both worlds.
"""

from __future__ import annotations

import inspect
import json
import sys
import time
import types
from datetime import date, datetime
from pathlib import Path
from typing import Any

ERRORS: list[Any] = [
    "#N/A",
    {"type": "Error", "basicValue": "#DIV/0!", "errorType": "Div0"},
    "#WAARDE!",
    {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"},
]


# --- JSON with dates ---------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A value as JSON: dates tagged, floats kept exact (JSON uses repr)."""
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"$dict": {k: encode(v) for k, v in value.items()}}
    return value


def decode(value: Any) -> Any:
    """The inverse of :func:`encode`."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        return {k: decode(v) for k, v in value["$dict"].items()}
    return value


# --- the four input styles ---------------------------------------------------------------


def _cells(value: Any, cell: Any) -> Any:
    """An argument as xlwings Lite passes it (``ndim=2``), each cell mapped by ``cell``."""
    if value is None:
        return None
    if isinstance(value, list):
        return [[("" if c is None else cell(c)) for c in row] for row in value]
    return [[cell(value)]]


def _serial(cell: Any) -> Any:
    if isinstance(cell, datetime):
        from reintegratie_io import date_to_serial  # installed in both worlds

        return date_to_serial(cell)
    return cell


def _text(cell: Any) -> Any:
    if isinstance(cell, datetime):
        return f"{cell.day}-{cell.month}-{cell.year}"
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        return str(cell).replace(".", ",")
    return cell


def styles(raw: list[Any]) -> dict[str, list[Any]]:
    """One call's arguments in the four input styles (``fout`` once per error form)."""
    out = {
        "klassiek": [_cells(a, lambda c: c) for a in raw],
        "lite": [_cells(a, _serial) for a in raw],
        "tekst": [_cells(a, _text) for a in raw],
    }
    given = [i for i, a in enumerate(raw) if a is not None]
    if given:
        for n, error in enumerate(ERRORS[:2]):
            args = list(out["lite"])
            args[given[0]] = [[error]]
            out[f"fout{n + 1}"] = args
        if len(given) > 1:  # an error inside a later argument, the first one valid
            args = list(out["lite"])
            args[given[-1]] = [[ERRORS[2 + len(given) % 2]]]
            out["fout3"] = args
    return out


# --- xlwings Lite's decorators, recorded ----------------------------------------------------


def load_main(path: str) -> tuple[types.ModuleType, dict[str, dict[str, Any]]]:
    """``main.py`` with ``xlwings.func``/``xlwings.arg`` recording what it declares."""
    declared: dict[str, dict[str, Any]] = {}
    stub = types.ModuleType("xlwings")

    def ours(f: Any) -> bool:  # main.py's functions, not the add-in's own decorations
        return getattr(f, "__module__", None) == "lite_main"

    def func(f: Any = None, **_options: Any) -> Any:
        def decorate(f: Any) -> Any:
            if ours(f):
                declared.setdefault(f.__name__, {})
            return f

        return decorate if f is None else decorate(f)

    def arg(name: str, **options: Any) -> Any:
        def decorate(f: Any) -> Any:
            if ours(f):
                declared.setdefault(f.__name__, {})[name] = {
                    k: v for k, v in options.items() if k != "doc"
                }
            return f

        return decorate

    stub.func = func  # type: ignore[attr-defined]
    stub.arg = arg  # type: ignore[attr-defined]
    sys.modules["xlwings"] = stub
    module = types.ModuleType("lite_main")
    module.__file__ = path
    sys.modules.pop("reintegratie_addin.udfs", None)
    code = compile(Path(path).read_text(encoding="utf-8"), path, "exec")
    exec(code, module.__dict__)  # noqa: S102 - the generated Lite module, as Lite loads it
    return module, declared


# --- running -------------------------------------------------------------------------------


def run(main_path: str, calls_path: str) -> str:
    """Every call of ``calls.json`` on ``main.py``: the answers as JSON text."""
    started = time.perf_counter()
    main, declared = load_main(main_path)
    loaded = time.perf_counter() - started
    calls = json.loads(Path(calls_path).read_text(encoding="utf-8"))
    results: list[Any] = []
    first_call: dict[str, float] = {}
    for call in calls:
        function = getattr(main, call["function"])
        args = decode(call["args"])
        began = time.perf_counter()
        try:
            value = encode(function(*args))
        except Exception as exc:  # noqa: BLE001 - a raise is a finding, reported as such
            value = {"$raised": f"{type(exc).__name__}: {exc}"}
        first_call.setdefault(call["function"], time.perf_counter() - began)
        results.append(value)
    return json.dumps(
        {
            "results": results,
            "declared": declared,
            "python": sys.version.split()[0],
            "platform": sys.platform,
            "seconds": {
                "import": round(loaded, 3),
                "slowest_first_call": max(first_call.items(), key=lambda kv: kv[1]),
            },
        }
    )


def prepare(calls_path: str, expected_path: str, main_path: str) -> int:
    """Build the calls from the reference examples and record CPython's answers."""
    root = Path(main_path).resolve().parents[2]
    sys.path.insert(0, str(root))
    from docs.tools.examples import examples_for  # the reference's example of every function

    from reintegratie_addin import udfs

    calls = []
    for name, function in udfs.contract_functions().items():
        parameters = inspect.signature(function).parameters.values()
        fixed = [p for p in parameters if p.kind is not p.VAR_POSITIONAL]
        examples = examples_for(
            name,
            tuple(p.name for p in fixed),
            tuple(p.default is not p.empty for p in fixed),
        )
        for example in examples:
            for style, args in styles(example.raw()).items():
                calls.append({"function": name, "style": style, "args": encode(args)})
    Path(calls_path).write_text(json.dumps(calls), encoding="utf-8")
    expected = run(main_path, calls_path)
    Path(expected_path).write_text(expected, encoding="utf-8")
    answers = json.loads(expected)
    functions = {c["function"] for c in calls}
    missing = set(udfs.contract_functions()) - functions
    raised = [c for c, r in zip(calls, answers["results"], strict=True) if "$raised" in str(r)]
    print(
        f"CPython {answers['python']}: {len(calls)} aanroepen van {len(functions)} functies"
        f" in {len({c['style'].rstrip('0123456789') for c in calls})} invoervormen"
    )
    if missing or raised:
        print(f"zonder voorbeeld: {sorted(missing)}; fout gegooid: {raised[:3]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "prepare":
        sys.exit(prepare(sys.argv[2], sys.argv[3], sys.argv[4]))
    print("gebruik: lite_check.py prepare <calls.json> <expected.json> <main.py>", file=sys.stderr)
    sys.exit(2)
