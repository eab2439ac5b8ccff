"""Helpers and Hypothesis strategies for the worklist tests (``reintegratie signalen``)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from reintegratie_cli.generate import HEADER
from reintegratie_cli.main import main
from reintegratie_core import (
    TRACKED_MILESTONES,
    Absence,
    Milestone,
    merge_cases,
    milestone_date,
    remaining_weeks,
    timeline,
)
from reintegratie_core.products import builtin_product, eligible

#: Peildatum used throughout these tests.
P = date(2025, 11, 3)

DONE_COLUMNS = HEADER[8:]


def row(
    employee: str,
    first: date | str,
    last: date | str | None = None,
    *,
    employer: str = "P-1 Bakkerij Test",
    product: str = "zeeuwse-prb",
    start: date | str = date(2020, 1, 1),
    kind: str = "",
    sanction: int | str | None = None,
    done: dict[str, date | str] | None = None,
) -> list[str]:
    """One portfolio row in :data:`HEADER` order, as text."""

    def text(value: object) -> str:
        if value is None:
            return ""
        return value.isoformat() if isinstance(value, date) else str(value)

    done = done or {}
    return [
        employee,
        employer,
        product,
        text(start),
        text(first),
        text(last),
        kind,
        text(sanction),
        *(text(done.get(column)) for column in DONE_COLUMNS),
    ]


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    header: Sequence[str] = HEADER,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    """Write a portfolio CSV and return its path."""
    with path.open("w", newline="", encoding=encoding) as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    """The worklist CSV as dictionaries by column name."""
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def read_xlsx(path: Path) -> list[tuple[Any, ...]]:
    """All rows of the first sheet (header included) as openpyxl reads them."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


# --- Generated portfolios and their expected worklist, computed per case -----------------

PRODUCT_CODES = (
    "asr-reintegratie",
    "asr-reintegratiemanager",
    "mkb-verzuim-ontzorg",
    "zeeuwse-prb",
)


@st.composite
def employee_periods(draw: st.DrawFn) -> list[tuple[date, date | None]]:
    """Sick periods of one employee: consecutive, gaps 0–60 days, maybe the last open."""
    start = P - timedelta(days=draw(st.integers(0, 900)))
    periods: list[tuple[date, date | None]] = []
    for _ in range(draw(st.integers(1, 4))):
        if start > P:
            break
        length = draw(st.integers(1, 90))
        last = start + timedelta(days=length - 1)
        periods.append((start, last))
        start = last + timedelta(days=draw(st.integers(1, 60)) + 1)
    if draw(st.booleans()):
        first, _last = periods[-1]
        periods[-1] = (first, None)
    return periods


@st.composite
def portfolios(draw: st.DrawFn) -> list[list[str]]:
    """A small portfolio: a few employees at a few employers, rows in shuffled order."""
    rows: list[list[str]] = []
    for number in range(draw(st.integers(1, 8))):
        employer = draw(st.sampled_from(["P-1 Alfa", "P-2 Beta", "P-3 Gamma, Delta"]))
        product = draw(st.sampled_from(PRODUCT_CODES))
        start = P - timedelta(days=draw(st.integers(0, 1200)))
        periods = draw(employee_periods())
        sanction = draw(st.sampled_from([None, None, 0, 4, 52]))
        for index, (first, last) in enumerate(periods):
            done = {}
            if index == len(periods) - 1:
                for column in DONE_COLUMNS:
                    if draw(st.booleans()):
                        done[column] = first + timedelta(days=draw(st.integers(0, 800)))
            rows.append(
                row(
                    f"W{number}",
                    first,
                    last,
                    employer=employer,
                    product=product,
                    start=start,
                    sanction=sanction if index == len(periods) - 1 else None,
                    done=done,
                )
            )
    return draw(st.permutations(rows))


def expected_worklist(
    rows: Sequence[Sequence[str]], reference: date = P
) -> dict[str, dict[str, object]]:
    """Per employee, the worklist line computed case by case with the core's own rules.

    Uses merge_cases, timeline (the earliest milestone on or after p), remaining_weeks and products.eligible
    directly (not the worklist module), so it checks the command end to end.
    """
    by_employee: dict[tuple[str, str], list[Sequence[str]]] = {}
    for cells in rows:
        by_employee.setdefault((cells[1], cells[0]), []).append(cells)
    expected: dict[str, dict[str, object]] = {}
    for (employer, employee), cells_list in by_employee.items():

        def d(text: str) -> date | None:
            return date.fromisoformat(text) if text else None

        def known_last(text: str) -> date | None:
            """Sick t/m the last day: one on or after p is still sick on p (domain §2)."""
            last = d(text)
            return None if last is None or last >= reference else last

        absences = [Absence.sick(d(c[4]), known_last(c[5])) for c in cells_list]  # type: ignore[arg-type]
        case = merge_cases(absences)[-1]
        if not case.is_open:
            continue
        own = sorted(
            (c for c in cells_list if d(c[4]) >= case.first_day),  # type: ignore[operator]
            key=lambda c: c[4],
        )
        latest = own[-1]
        sanction = 0
        done: dict[Milestone, date] = {}
        for c in own:
            if c[7]:
                sanction = int(c[7])
            for milestone, text in zip(TRACKED_MILESTONES, c[8:], strict=True):
                if text:
                    done[milestone] = date.fromisoformat(text)
        done_now = {m: x for m, x in done.items() if x <= reference}
        pa = done_now.get(Milestone.PROBLEEMANALYSE)
        dates = {m: milestone_date(case, m, pa, sanction).value for m in Milestone}
        late = [m for m in TRACKED_MILESTONES if m not in done_now and dates[m] < reference]  # type: ignore[operator]
        if late:
            status, when = "te laat", min(dates[m] for m in late)  # type: ignore[type-var]
            milestone = min(late, key=lambda m: (dates[m], list(Milestone).index(m))).value  # type: ignore[arg-type]
        else:
            upcoming = [
                e
                for e in timeline(case, pa, sanction)
                if e.milestone not in done_now and e.value is not None and e.value >= reference
            ]
            if not upcoming:
                status, when, milestone = "geen mijlpaal", None, ""
            else:
                when, milestone = upcoming[0].value, upcoming[0].milestone.value
                assert when is not None
                status = "binnenkort" if (when - reference).days <= 14 else "gepland"
        product = builtin_product(latest[2])
        expected[f"{employer}|{employee}"] = {
            "status": status,
            "mijlpaal": milestone,
            "datum": when.isoformat() if when else "",
            "dagen": str((when - reference).days) if when else "",
            "aantal_te_laat": str(len(late)),
            "eerste_ziektedag": case.first_day.isoformat(),
            "perioden": str(len(case.periods)),
            "resterende_weken": str(remaining_weeks(case, reference, sanction).value),
            "recht_op_dienstverlening": (
                "ja" if eligible(product, case, d(latest[3])).value else "nee"  # type: ignore[arg-type]
            ),
            "product": product.code,
        }
    return expected


PEIL = ["--peildatum", P.isoformat()]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``reintegratie signalen ARGS``: the exit code, standard output and standard error."""
    code = main(["signalen", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err
