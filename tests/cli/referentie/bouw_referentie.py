"""Build the reference workbook and have LibreOffice compute it (``make referentie``).

``referentie.xlsx`` holds back-office rows (first sick day, peildatum, product, amounts)
and 1,400+ formulas of Excel's own functions: DATE, EDATE, EOMONTH, WORKDAY (also from a
weekend day or a holiday) with a holiday range, NETWORKDAYS, DATEDIF with lower-case
units, VLOOKUP, INDEX/MATCH also on whole columns, SUMIFS, COUNTIFS, SUMPRODUCT(--(…)),
TEXT, IFERROR, MAXIFS, ROWS(FILTER(…)) and fixed array formulas. Every formula cell gets a
false cached value (:data:`PLANTED`), so a copy without it proves a recalculation.

LibreOffice (Debian ``libreoffice-calc-nogui``) then computes it headless, with a fresh
profile whose ``OOXMLRecalcMode`` is 0 (always recalculate on load), and saves
``referentie-libreoffice.xlsx``. The test (``tests/cli/test_referentie.py``) compares every
formula cell of ``reintegratie werkmap``'s copy with LibreOffice's; it needs no
LibreOffice. LibreOffice 7.4 has no FILTER: those cells (:data:`HAND_COLUMNS`) are checked
against values counted by hand in the test.

Run: ``make referentie`` (needs ``soffice`` on the PATH).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

HERE = Path(__file__).resolve().parent
INPUT = HERE / "referentie.xlsx"
COMPUTED = HERE / "referentie-libreoffice.xlsx"
#: The false cached value every formula cell carries before LibreOffice computes it.
PLANTED = -424242
ROWS = 50
FIRST_ROW = 2
LAST_ROW = FIRST_ROW + ROWS - 1
HOLIDAYS = [
    date(2025, 1, 1),
    date(2025, 4, 18),
    date(2025, 4, 21),
    date(2025, 4, 26),
    date(2025, 5, 5),
    date(2025, 5, 29),
    date(2025, 6, 9),
    date(2025, 12, 25),
    date(2025, 12, 26),
    date(2026, 1, 1),
    date(2026, 4, 6),
    date(2026, 4, 27),
]
PRODUCTS = [
    ("P1", "Verzuim Basis", 1200.0),
    ("P2", "Verzuim Plus", 2500.5),
    ("P3", "Re-integratie", 4000.0),
    ("P4", "Casemanagement", 750.25),
    ("P5", "Preventie", 300.0),
]
HOLIDAY_RANGE = "Feestdagen!$A$1:$A$12"
#: The formula columns of the dossier sheet (``{r}`` is the row).
COLUMNS = [
    "=DATE(YEAR(B{r}),MONTH(B{r}),DAY(B{r})+294)",
    "=EDATE(B{r},3)",
    "=EDATE(B{r},-13)",
    "=EOMONTH(B{r},0)",
    "=EOMONTH(B{r},-2)",
    f"=WORKDAY(B{{r}},5,{HOLIDAY_RANGE})",
    f"=WORKDAY(B{{r}},-3,{HOLIDAY_RANGE})",
    "=WORKDAY(B{r},1)",
    f"=NETWORKDAYS(B{{r}},C{{r}},{HOLIDAY_RANGE})",
    '=DATEDIF(B{r},C{r},"d")',
    '=DATEDIF(B{r},C{r},"m")',
    '=DATEDIF(B{r},C{r},"y")',
    '=DATEDIF(B{r},C{r},"ym")',
    '=DATEDIF(B{r},C{r},"yd")',
    '=IFERROR(DATEDIF(C{r},B{r},"d"),"negatief")',
    "=VLOOKUP(D{r},Producten!$A$2:$C$6,2,FALSE)",
    '=IFERROR(VLOOKUP(D{r},Producten!A:C,3,FALSE),"onbekend")',
    "=INDEX(Producten!B:B,MATCH(D{r},Producten!A:A,0))",
    "=SUMIFS($E$2:$E$51,$D$2:$D$51,D{r})",
    '=COUNTIFS($D$2:$D$51,D{r},$E$2:$E$51,">"&E{r})',
    "=SUMPRODUCT(--($E$2:$E$51<E{r}))",
    '=TEXT(B{r},"yyyy-mm-dd")',
    '=TEXT(E{r},"0.00")',
    "=_xlfn.MAXIFS($B$2:$B$51,$D$2:$D$51,D{r})",
    "=SUMIFS(E:E,D:D,D{r})",
    "=COUNTIFS(D:D,D{r})",
    "=VLOOKUP(A{r},$A:$F,6,FALSE)",
    "=ROUND(E{r}*F{r}/7,2)",
    '=IF(WEEKDAY(B{r},2)>5,"weekend","werkdag")',
    "=ROWS(_xlfn._xlws.FILTER($E$2:$E$51,$D$2:$D$51=D{r}))",
]
#: Columns whose function LibreOffice 7.4 lacks (checked by hand values).
HAND_COLUMNS = {"ROWS(FILTER": len(COLUMNS) - 1}
FIRST_FORMULA_COLUMN = 7  # G


def rows() -> list[tuple[str, date, date, str, float, float]]:
    """The dossier rows: first sick days on weekdays, weekends and holidays."""
    found = []
    day = date(2024, 12, 28)
    for index in range(ROWS):
        first = HOLIDAYS[index % len(HOLIDAYS)] if index % 7 == 3 else day
        peildatum = first + timedelta(days=40 + (index * 37) % 700)
        product = "PX" if index % 11 == 5 else PRODUCTS[index % len(PRODUCTS)][0]
        found.append(
            (
                f"D{index + 1:03d}",
                first,
                peildatum,
                product,
                100.0 + (index * 73) % 900,
                8.0 + index % 32,
            )
        )
        day += timedelta(days=9 + index % 5)
    return found


def build() -> openpyxl.Workbook:
    """The reference workbook (formulas without cached values)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Dossiers"
    sheet.append(["dossier", "eerste ziektedag", "peildatum", "product", "bedrag", "uren"])
    for row in rows():
        sheet.append(list(row))
    for r in range(FIRST_ROW, LAST_ROW + 1):
        for column in (2, 3):
            sheet.cell(r, column).number_format = "yyyy-mm-dd"
        for offset, formula in enumerate(COLUMNS):
            sheet.cell(r, FIRST_FORMULA_COLUMN + offset, formula.format(r=r))
        sheet.cell(r, FIRST_FORMULA_COLUMN + len(COLUMNS)).value = ArrayFormula(
            f"{_letter(FIRST_FORMULA_COLUMN + len(COLUMNS))}{r}",
            f"=SUM(IF($D$2:$D$51=D{r},$E$2:$E$51))",
        )
    doubled = _letter(FIRST_FORMULA_COLUMN + len(COLUMNS) + 1)
    sheet[f"{doubled}2"] = ArrayFormula(f"{doubled}2:{doubled}51", "=E2:E51*2")
    totals = book.create_sheet("Totalen")
    totals.append(["bedrag", "=SUM(Dossiers!E:E)"])
    totals.append(["bedrag × uren", "=SUMPRODUCT(Dossiers!E2:E51,Dossiers!F2:F51)"])
    totals.append(["spreiding", "=MAX(Dossiers!B:B)-MIN(Dossiers!B:B)"])
    totals.append(["producten P*", '=COUNTIFS(Dossiers!D:D,"P*")'])
    totals.append(["gemiddelde", '=AVERAGEIFS(Dossiers!E:E,Dossiers!D:D,"<>PX")'])
    products = book.create_sheet("Producten")
    products.append(["code", "naam", "tarief"])
    for product in PRODUCTS:
        products.append(list(product))
    holidays = book.create_sheet("Feestdagen")
    for index, holiday in enumerate(HOLIDAYS, start=1):
        holidays.cell(index, 1, holiday).number_format = "yyyy-mm-dd"
    return book


def _letter(column: int) -> str:
    return openpyxl.utils.get_column_letter(column)


def plant(path: Path) -> None:
    """Give every formula cell of ``path`` the false cached value :data:`PLANTED`."""
    sys.path.insert(0, str(HERE.parents[2] / "src"))
    from reintegratie_cli.archive import Limits
    from reintegratie_cli.recalc import package

    book = package.read_book(path, Limits(), has_macros=False)
    cells = {
        sheet.name: {key: package.Written(value=PLANTED, formula=True) for key in sheet.formulas}
        for sheet in book.sheets
    }
    planted = path.with_name("geplant.xlsx")
    package.write_copy(
        path,
        planted,
        cells,
        parts={sheet.name: sheet.part for sheet in book.sheets},
        styles=None,
        cm=None,
        add_metadata=False,
    )
    planted.replace(path)


PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def compute_with_libreoffice(source: Path, target: Path) -> None:
    """Have LibreOffice load ``source`` (recalculating everything) and save ``target``."""
    soffice = shutil.which("soffice")
    if soffice is None:
        msg = "soffice niet gevonden: apt-get install libreoffice-calc-nogui"
        raise SystemExit(msg)
    with tempfile.TemporaryDirectory() as scratch:
        profile = Path(scratch) / "profiel"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")
        out = Path(scratch) / "uit"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.copyfile(out / source.name, target)


def main() -> None:
    """Build, plant, compute with LibreOffice, and check that it recalculated."""
    build().save(INPUT)
    plant(INPUT)
    compute_with_libreoffice(INPUT, COMPUTED)
    computed = openpyxl.load_workbook(COMPUTED, data_only=True)
    left = [
        f"{ws.title}!{cell.coordinate}"
        for ws in computed.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value == PLANTED
    ]
    if left:
        msg = f"LibreOffice heeft niet herberekend: {left[:5]}"
        raise SystemExit(msg)
    formulas = sum(
        1
        for ws in openpyxl.load_workbook(INPUT).worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str | ArrayFormula)
        and str(getattr(cell.value, "text", cell.value)).startswith("=")
    )
    print(f"{INPUT.name}: {formulas} formules; {COMPUTED.name} door LibreOffice herberekend")


if __name__ == "__main__":
    main()
