"""Generate the xlwings Lite files from the ``RI_`` function signatures and ``uv.lock``.

Writes ``addin/lite/``:

* ``main.py`` — every ``RI_`` function as an xlwings Lite custom function: ``@func`` and
  one ``@arg(name, ndim=2, doc=…)`` per argument (so Excel's help shows the argument and a
  range arrives as a 2-D list, as it does in the classic add-in), delegating to
  ``reintegratie_addin.udfs`` — the same code, the same coercion, the same errors;
* ``requirements.txt`` — the project's runtime dependencies with the ranges of
  ``pyproject.toml``, never pinned: xlwings Lite records the versions it installs in
  ``requirements-pinned.txt`` itself, and what Pyodide bundles (:data:`PYODIDE_BUNDLED`) is
  left to Pyodide (a pin that differs fails once Lite has loaded the bundled version). The
  generator refuses a dependency without a ``py3-none-any`` wheel in ``uv.lock``, since Lite
  can only install those. ``make test-lite`` checks :data:`PYODIDE_BUNDLED` against the
  Pyodide it runs.

Run ``make addin`` (or ``python addin/tools/gen_lite.py``); ``--check`` only compares and
exits 1 when a committed file is out of date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.markers import Marker

sys.path.insert(0, str(Path(__file__).resolve().parent))

from udf_specs import FunctionSpec, function_specs

ADDIN = Path(__file__).resolve().parent.parent
ROOT = ADDIN.parent
LITE = ADDIN / "lite"
MAIN = LITE / "main.py"
REQUIREMENTS = LITE / "requirements.txt"
PROJECT = "reintegratie-core"
#: The Python of Pyodide that xlwings Lite runs (markers are evaluated for it): Pyodide
#: 314 (xlwings Lite needs 314.0.0 or later), Python 3.14.
PYODIDE = {
    "python_version": "3.14",
    "python_full_version": "3.14.2",
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "extra": "",
}

#: Runtime dependencies that Pyodide 314 ships in its own distribution (pyodide-lock.json).
PYODIDE_BUNDLED = frozenset({"attrs", "python-dateutil", "six", "typing-extensions"})

HEADER = '''# ruff: noqa: N802, PLR0917 - the contract's upper-case Dutch names and argument lists
"""De RI_-functies in xlwings Lite (Python in Excel, in de browser).

Gegenereerd door addin/tools/gen_lite.py uit reintegratie_addin.udfs — niet met de hand
bewerken; voer `make addin` uit. Elke functie geeft door aan dezelfde code als de
invoegtoepassing voor Windows-Excel: dezelfde namen, argumenten, uitkomsten en
#WAARDE!-meldingen (zie sources/excel-functions.md). Installatie: addin/README.md.
"""

from xlwings import arg, func

from reintegratie_addin import udfs as _udfs
'''


def _py_string(text: str) -> str:
    return repr(text)


def _function(spec: FunctionSpec) -> str:
    lines = ["", "", "@func"]
    for a in spec.args:
        name = f"*{a.name}" if a.vararg else a.name
        lines.append(f"@arg({_py_string(name)}, ndim=2, err_to_str=True, doc={_py_string(a.doc)})")
    params = []
    call = []
    for a in spec.args:
        if a.vararg:
            params.append(f"*{a.name}")
            call.append(f"*{a.name}")
        else:
            params.append(f"{a.name}=None" if a.optional else a.name)
            call.append(a.name)
    lines.append(f"def {spec.name}({', '.join(params)}):")
    lines.append(f"    {_py_string(spec.doc)}")
    lines.append(f"    return _udfs.{spec.name}({', '.join(call)})")
    return "\n".join(lines)


def _ruff_format(source: str, name: str) -> str:
    """``source`` as ``ruff format`` writes it (the repository's style, checked in CI)."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        msg = "ruff not found: run the generator with the project's environment (make addin)"
        raise SystemExit(msg)
    done = subprocess.run(  # noqa: S603 - a fixed tool on our own generated text
        [ruff, "format", "--stdin-filename", name, "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def render_main(specs: list[FunctionSpec]) -> str:
    """``main.py`` for xlwings Lite."""
    body = "".join(_function(spec) for spec in specs)
    return _ruff_format(HEADER + body + "\n", str(MAIN.relative_to(ROOT)))


def _lock() -> dict[str, dict[str, object]]:
    data = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    return {str(p["name"]): p for p in data["package"]}


def runtime_wheels() -> list[tuple[str, str]]:
    """``(name, version)`` of every runtime dependency of the project, for Pyodide."""
    packages = _lock()
    seen: dict[str, str] = {}
    stack = [PROJECT]
    while stack:
        name = stack.pop()
        package = packages[name]
        for dependency in package.get("dependencies", []):  # type: ignore[attr-defined]
            marker = dependency.get("marker")
            if marker and not Marker(marker).evaluate(PYODIDE):
                continue
            child = dependency["name"]
            if child not in seen:
                child_package = packages[child]
                wheels = [str(w["url"]) for w in child_package.get("wheels", [])]  # type: ignore[attr-defined]
                if not any(
                    url.endswith("-py3-none-any.whl") or "-py2.py3-none-any.whl" in url
                    for url in wheels
                ):
                    msg = f"{child} has no pure-Python wheel in uv.lock: xlwings Lite cannot install it"
                    raise SystemExit(msg)
                seen[child] = str(child_package["version"])
                stack.append(child)
    return sorted(seen.items())


def direct_requirements() -> dict[str, str]:
    """The project's runtime dependencies (no extras) and their ranges, from ``uv.lock``."""
    project = _lock()[PROJECT]
    wanted = project["metadata"]["requires-dist"]  # type: ignore[index]
    return {
        str(d["name"]): str(d.get("specifier", ""))
        for d in wanted  # type: ignore[attr-defined]
        if "marker" not in d
    }


def render_requirements() -> str:
    """``requirements.txt`` for xlwings Lite."""
    version = str(_lock()[PROJECT]["version"])
    wheel = f"reintegratie_core-{version}-py3-none-any.whl"
    runtime_wheels()  # refuses a dependency Lite cannot install
    direct = direct_requirements()
    bundled = sorted(PYODIDE_BUNDLED & set(direct))
    lines = [
        "# xlwings Lite: de afhankelijkheden van de RI_-functies, met de bereiken uit pyproject.toml.",
        "# Gegenereerd door addin/tools/gen_lite.py — niet met de hand bewerken; voer `make addin` uit.",
        "# Niet vastgezet: xlwings Lite legt de geïnstalleerde versies zelf vast in",
        "# requirements-pinned.txt. Wat Pyodide meelevert staat er zonder versie (die hoort bij",
        f"# Pyodide): {', '.join(bundled)}.",
        "#",
        f"# Het eigen wiel ({wheel}) staat niet op PyPI: bouw het met `uv build --wheel`,",
        "# zet het op een https-adres dat xlwings Lite mag lezen (CORS) of op de eigen pakketindex,",
        "# en voeg hieronder een regel met dat adres toe (zie addin/README.md, 'xlwings Lite'), bijv.:",
        f"# https://intranet.voorbeeld.nl/wielen/{wheel}",
        *(name if name in PYODIDE_BUNDLED else f"{name}{spec}" for name, spec in direct.items()),
    ]
    return "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    """Each generated file and its text."""
    return {MAIN: render_main(function_specs()), REQUIREMENTS: render_requirements()}


def main(argv: list[str] | None = None) -> int:
    """Write the files, or with ``--check`` report those out of date (exit 1)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    files = outputs()
    stale = [
        p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text
    ]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is verouderd: voer `make addin` uit", file=sys.stderr)
        return 1 if stale else 0
    LITE.mkdir(exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"geschreven: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
