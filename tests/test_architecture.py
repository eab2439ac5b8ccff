"""The functional core imports only what STYLE.md allows, and the project is consistent."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import reintegratie_core

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "src" / "reintegratie_core"
ALLOWED = {"attrs", "cattrs", "dateutil", "schwifty", "reintegratie_core"}
#: The core has no I/O and no clock: these standard modules are off limits too.
FORBIDDEN_STDLIB = {
    "os",
    "io",
    "pathlib",
    "socket",
    "subprocess",
    "time",
    "urllib",
    "shutil",
    "tempfile",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


class TestCoreImports:
    def test_only_stdlib_and_the_allowed_libraries(self) -> None:
        """STYLE.md: the core imports only the standard library, attrs, cattrs, dateutil, schwifty."""
        offenders = {}
        for path in CORE.rglob("*.py"):
            bad = {
                name
                for name in _imports(path)
                if name not in ALLOWED and name not in sys.stdlib_module_names
            }
            if bad:
                offenders[str(path.relative_to(ROOT))] = bad
        assert offenders == {}

    def test_no_io_and_no_clock(self) -> None:
        """STYLE.md: no I/O, no clock in the core ('today' is always a parameter)."""
        offenders = {}
        for path in CORE.rglob("*.py"):
            bad = _imports(path) & FORBIDDEN_STDLIB
            text = path.read_text(encoding="utf-8")
            if re.search(r"date\.today|datetime\.now|(?<![\w.])open\(", text):
                bad.add("clock-or-open")
            if bad:
                offenders[str(path.relative_to(ROOT))] = bad
        assert offenders == {}


class TestProject:
    def test_version_matches_pyproject(self) -> None:
        """RI_VERSIE reports the version the distribution declares."""
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        assert reintegratie_core.__version__ == project["version"]

    def test_sources_are_in_the_project(self) -> None:
        """The five conditions are copied into the project so a fresh clone stands alone."""
        seeds = sorted(p.name for p in (ROOT / "sources" / "seeds").glob("*.txt"))
        assert seeds == [
            "000_990cc01dbc2d8fe8.txt",
            "001_d465c09344c678cf.txt",
            "002_30ec95552968fc43.txt",
            "003_868fbc4ee27f4266.txt",
            "004_f7ec042b78bbdc89.txt",
        ]


class TestStartUp:
    def test_core_import_leaves_the_slow_edges_for_later(self) -> None:
        """Importing the core (Excel's and the worklist's start-up) does not import cattrs,
        tomllib, schwifty or importlib.metadata: product files, IBAN checks and the version
        load them on first use, and the public names still resolve (issue 11 performance)."""
        import subprocess

        code = (
            "import sys, reintegratie_core as r\n"
            "slow = {'cattrs', 'tomllib', 'schwifty', 'importlib.metadata'} & set(sys.modules)\n"
            "assert not slow, slow\n"
            "from reintegratie_core import load_product, __version__\n"
            "from reintegratie_core.products import ProductFileError, structure_product\n"
            "assert r.is_sepa_account('NL91 ABNA 0417 1643 00').value\n"
            "assert 'cattrs' in sys.modules and 'schwifty' in sys.modules\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True)
