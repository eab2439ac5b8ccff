"""The engines the ``werkmap`` tests compare: its own recalculation and LibreOffice.

LibreOffice (``soffice``, Debian ``libreoffice-calc-nogui``) is the reference for Excel's own
functions; its tests are skipped where it is not installed. Its headless run lives in the
script that builds the reference workbook (``make referentie``), loaded here once.
"""

from __future__ import annotations

import functools
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest

from reintegratie_addin import udfs
from reintegratie_cli.recalc import recalculation

FUNCTIONS = udfs.contract_functions()

#: Skip a test where LibreOffice is not installed.
needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is niet geïnstalleerd"
)


@functools.cache
def reference_builder() -> ModuleType:
    """``tests/cli/referentie/bouw_referentie.py`` (a script, not a package module)."""
    path = Path(__file__).resolve().parent / "referentie" / "bouw_referentie.py"
    spec = importlib.util.spec_from_file_location("_bouw_referentie", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def compute_with_libreoffice(source: Path, target: Path) -> None:
    """LibreOffice loads ``source``, recalculates every formula and saves ``target``."""
    reference_builder().compute_with_libreoffice(source, target)


def recalc(source: Path) -> tuple[recalculation.Report, Any]:
    """``werkmap``'s recalculation of ``source``: its report and the copy's sheet Blad1."""
    target = source.with_name(source.stem + "-uit.xlsx")
    report = recalculation.recalculate(source, target, functions=FUNCTIONS)
    return report, openpyxl.load_workbook(target, data_only=True)["Blad1"]
