"""Dates before Excel's 1900 date system, and time-only cells, in XLSX portfolios.

Serial 1 is 01-01-1900; serials 1–59 count from 31-12-1899 and from 61 on from
30-12-1899 (Excel's fictitious 29-02-1900, ``reintegratie_io``). A date before 01-01-1900
has no serial: ``genereer`` and every XLSX writer write it as text ``JJJJ-MM-DD``, and
``signalen`` reads an XLSX and a CSV of the same portfolio to the same worklist. A cell
holding only a time is refused in Dutch, without a Python ``repr``.
"""

from __future__ import annotations

import csv
import re
from datetime import date, time
from pathlib import Path

import pytest

from reintegratie_cli.generate import HEADER
from reintegratie_cli.main import main
from reintegratie_cli.output import write_table
from reintegratie_cli.portfolio import parse_date
from tests.cli.strategies_signalen import row, write_csv


@pytest.mark.parametrize("peildatum", ["1901-06-01", "1900-03-01", "1900-02-28", "1907-01-01"])
def test_xlsx_and_csv_give_the_same_worklist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], peildatum: str
) -> None:
    """A portfolio around 1900 (dates from 1891 on) written as XLSX reads back like its
    CSV: no row rejected, no date shifted by the 1900 leap-year bug."""
    lists = {}
    for kind in ("csv", "xlsx"):
        source = tmp_path / f"p.{kind}"
        assert main(["genereer", "200", "--uit", str(source), "--peildatum", peildatum]) == 0
        target = tmp_path / f"werklijst-{kind}.csv"
        assert main(["signalen", str(source), "--peildatum", peildatum, "--uit", str(target)]) == 0
        out = capsys.readouterr().out
        assert " 0 afgekeurd" in out
        lists[kind] = target.read_bytes()
    assert lists["csv"] == lists["xlsx"]


def test_dates_around_the_epoch_read_back(tmp_path: Path) -> None:
    """Each date written to an XLSX is the date read back: before 01-01-1900 as text, from
    it on as a serial (59 = 28-02-1900, 61 = 01-03-1900)."""
    from python_calamine import CalamineWorkbook

    days = [
        date(1, 1, 1),
        date(1899, 12, 30),
        date(1899, 12, 31),
        date(1900, 1, 1),
        date(1900, 2, 28),
        date(1900, 3, 1),
        date(1900, 3, 2),
        date(9999, 12, 31),
    ]
    path = tmp_path / "d.xlsx"
    write_table(path, ("datum",), [[d] for d in days], sheet="d", widths=[12])
    workbook = CalamineWorkbook.from_path(str(path))
    cells = [r[0] for r in list(workbook.get_sheet_by_name("d").iter_rows())[1:]]
    workbook.close()
    assert [parse_date(c, "datum") for c in cells] == days
    assert [isinstance(c, str) for c in cells] == [True, True, True] + [False] * 5


@pytest.mark.parametrize(("cell", "shown"), [(time(10, 0), "10:00"), (time(0, 0), "00:00")])
def test_a_time_only_cell_is_no_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: time, shown: str
) -> None:
    """A date column holding a time (10:00) — or what a spreadsheet makes of a date before
    1900 (00:00) — is refused in Dutch naming the time, never as ``datetime.time(…)``."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(HEADER))
    values: list[object] = list(row("W1", date(2025, 9, 1)))
    values[HEADER.index("eerste_ziektedag")] = cell
    sheet.append(values)
    source = tmp_path / "p.xlsx"
    workbook.save(source)
    target = tmp_path / "w.csv"
    assert main(["signalen", str(source), "--peildatum", "2025-11-03", "--uit", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"kolom eerste_ziektedag: een tijd ({shown}), geen datum" in out
    assert "datetime" not in out
    with target.open(encoding="utf-8") as stream:
        assert "datetime" not in stream.read()
    assert list(csv.reader(target.open(encoding="utf-8")))  # the worklist was written


def test_early_years_are_shown_with_four_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Dates read DD-MM-JJJJ in the worklist, also in the year 1 (not ``11-02-1``)."""
    source = write_csv(tmp_path / "p.csv", [row("W1", date(1, 1, 1), start=date(1, 1, 1))])
    assert main(["signalen", str(source), "--peildatum", "0001-03-01"]) == 0
    out = capsys.readouterr().out
    assert "Werklijst per 01-03-0001" in out
    assert "11-02-0001" in out
    assert not re.search(r"\b\d{2}-\d{2}-\d{1,3}\b", out)
