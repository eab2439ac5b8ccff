"""The wheels ``make test-lite`` installs in Pyodide, as local files in one folder.

* what Pyodide bundles (its ``pyodide-lock.json``) at Pyodide's own versions — the versions
  xlwings Lite loads — from PyPI (the same pure wheels Pyodide ships; its CDN is not needed);
* every other runtime dependency at the version of ``uv.lock`` (what CPython tests run);
* the project's own wheel is built beforehand (``uv build --wheel``).

Also checks that ``gen_lite.PYODIDE_BUNDLED`` (what ``requirements.txt`` leaves to Pyodide)
is exactly what this Pyodide bundles of our dependencies.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "addin" / "tools"))

import gen_lite  # noqa: E402


def main(folder: str, pip: str) -> int:
    """Download into ``folder`` with the pip at ``pip`` (a Python with pip)."""
    lock = json.loads((HERE / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    bundled = {name: package["version"] for name, package in lock["packages"].items()}
    needed = dict(gen_lite.runtime_wheels())
    ours_bundled = {name for name in needed if name in bundled}
    if ours_bundled != set(gen_lite.PYODIDE_BUNDLED) & set(needed):
        print(
            f"gen_lite.PYODIDE_BUNDLED klopt niet met Pyodide {lock['info']['python']}: "
            f"Pyodide levert {sorted(ours_bundled)}",
            file=sys.stderr,
        )
        return 1
    wanted = [f"{n}=={bundled.get(n, v)}" for n, v in sorted(needed.items())]
    subprocess.run(  # noqa: S603 - pip with fixed arguments and the lock's pins
        [
            pip,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--only-binary=:all:",
            "--dest",
            folder,
            *wanted,
        ],
        check=True,
    )
    print(f"wielen: {', '.join(wanted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
