"""The user guide's worked worksheets and its inclusions are true and well-formed."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from docs.tools import guide
from docs.tools.articles import ROOT
from docs.tools.excel import show

from reintegratie_addin import udfs


class TestTasks:
    def test_no_step_fails(self) -> None:
        """Every formula of the four tasks gives a result, not an error."""
        assert guide.failing_steps() == []

    def test_a_step_uses_an_earlier_result(self) -> None:
        """The loonsanctie compensation is computed from the weekly wage of the step before."""
        results = guide.task_results(guide.SANCTIE)
        weekly = results["B8"]
        assert results["B9"] == udfs.RI_LOONSANCTIE_VERGOEDING(weekly, 12)

    @pytest.mark.parametrize("task", guide.TASKS, ids=lambda t: t.key)
    def test_every_task_page_includes_its_snippets(self, task: guide.Task) -> None:
        """The hand-written page of a task includes its worksheet and workbook snippets."""
        page = Path(ROOT / "docs" / "handleiding" / f"{task.key}.md").read_text(encoding="utf-8")
        assert f'--8<-- "docs/_snippets/taak-{task.key}.md"' in page
        assert f'--8<-- "docs/_snippets/werkboek-{task.key}.md"' in page


class TestWorkbook:
    def test_formulas_in_dutch(self) -> None:
        """Commas become semicolons and decimal points commas, but not inside text."""
        assert guide.dutch_formula('=RI_X(A1,"a,b",0.7,TRUE)') == '=RI_X(A1;"a,b";0,7;WAAR)'
        assert guide.dutch_formula("=_xludf.RI_VERSIE()") == "=RI_VERSIE()"

    def test_workbook_lists_only_the_asked_functions(self) -> None:
        """A task's workbook snippet lists only formulas that use the task's functions."""
        if not guide.WORKBOOK.exists():
            pytest.skip("the example workbook is built by excel/bouw_voorbeelden.py")
        snippet = guide.workbook_snippet(("RI_WEEKLOON",))
        assert "RI_WEEKLOON" in snippet
        assert "RI_TIJDLIJN" not in snippet

    def test_workbook_snippet_links_the_download(self) -> None:
        """The snippet names the workbook as a link the reader can follow, not a repo path."""
        if not guide.WORKBOOK.exists():
            pytest.skip("the example workbook is built by excel/bouw_voorbeelden.py")
        snippet = guide.workbook_snippet(("RI_WEEKLOON",))
        assert "[voorbeeld-backoffice.xlsx](../downloads/voorbeeld-backoffice.xlsx)" in snippet
        assert "excel/" not in snippet

    def test_a_table_is_labelled_by_its_section_heading(self) -> None:
        """A formula that spills a table is listed under the heading of its block, not under
        a value spilled by the table above it or an input label beside it."""
        if not guide.WORKBOOK.exists():
            pytest.skip("the example workbook is built by excel/bouw_voorbeelden.py")
        labels = {
            (sheet, cell): label for sheet, cell, label, _formula in guide.workbook_formulas()
        }
        assert labels["Modulebeeindiging", "A28"] == "Beëindiging van een module"
        assert labels["Modulebeeindiging", "A34"] == "Beëindiging van een module"
        assert labels["Tijdlijn", "A11"] == "Tijdlijn"
        assert labels["Loonsanctie", "A18"].startswith("Voorwaarden van de poortwachtergarantie")
        assert labels["Budgetten", "A45"] == "Budget over per ziektegeval (De Zeeuwse)"
        assert labels["Financieel", "A25"] == "Overzicht per maand voor A. de Vries"
        # A formula over a column keeps its column header.
        assert labels["Verzuimdossiers", "H5"] == "42e-weeksmelding"


class TestInstallPages:
    def test_user_page_does_not_embed_the_developer_readme(self) -> None:
        """The site's install pages are written for their readers; no make addin, no README."""
        docs = Path(__file__).resolve().parents[2] / "docs" / "handleiding"
        for name in ("installatie.md", "installatie-it.md"):
            text = (docs / name).read_text(encoding="utf-8")
            assert "--8<--" not in text
            assert "make addin" not in text

    def test_it_page_names_the_config_file_as_xlwings_reads_it(self) -> None:
        """A custom add-in reads <projectnaam>.conf (myaddin.conf), not xlwings.conf."""
        text = (
            Path(__file__).resolve().parents[2] / "docs" / "handleiding" / "installatie-it.md"
        ).read_text(encoding="utf-8")
        assert "myaddin.conf" in text
        assert "%USERPROFILE%\\.myaddin\\myaddin.conf" in text
        assert "xlwings addin install --file" in text


def _page(name: str) -> str:
    """A hand-written page of the user guide, its lines joined (formulas wrap in prose)."""
    text = (ROOT / "docs" / "handleiding" / name).read_text(encoding="utf-8")
    return re.sub(r"\s*\n\s*", " ", text)


_HAND_WRITTEN = [
    *sorted((ROOT / "docs" / "handleiding").glob("*.md")),
    ROOT / "docs" / "glossary.md",
    ROOT / "docs" / "portefeuille.md",
    ROOT / "docs" / "index.md",
]


class TestHandWrittenPages:
    """What the hand-written pages say about a formula is what the add-in does."""

    @pytest.mark.parametrize("page", _HAND_WRITTEN, ids=lambda p: p.name)
    def test_signatures_name_the_declared_arguments(self, page: Path) -> None:
        """A call written with argument names (`RI_X(kosten; [soort])`) names the function's
        declared arguments, in their order (excel-functions.md is the contract)."""
        from reintegratie_addin.functions import REGISTRY

        text = re.sub(r"\s*\n\s*", " ", page.read_text(encoding="utf-8"))
        wrong = []
        for function, args in re.findall(r"(RI_[A-Z_]+)\(([^()]*)\)", text):
            assert function in udfs.contract_functions(), (page.name, function)
            names = [a.strip().strip("[]") for a in args.split(";")] if args.strip() else []
            if function not in REGISTRY or not all(re.fullmatch(r"[a-z_0-9]+|…", n) for n in names):
                continue
            declared = [p.name for p in REGISTRY[function].params]
            given = [n for n in names if n != "…"]
            if given != declared[: len(given)]:
                wrong.append((function, given, declared))
        assert wrong == []

    @pytest.mark.parametrize("page", _HAND_WRITTEN, ids=lambda p: p.name)
    def test_formulas_use_dutch_separators(self, page: Path) -> None:
        """A typed formula separates arguments with ';' as Dutch Excel does; a comma only
        as the decimal sign between digits or inside text."""
        text = page.read_text(encoding="utf-8")
        english = []
        for inline, block in re.findall(r"`(=[^`]+)`|^(=RI_.+)$", text, re.MULTILINE):
            formula = inline or block
            outside = re.sub(r'"[^"]*"', '""', formula)
            if re.search(r"(?<!\d),|,(?!\d)", outside):
                english.append(formula)
        assert english == []

    def test_first_formula_of_the_install_page(self) -> None:
        """installatie.md: 6-1-2025 in A2 gives 27-10-2025 (serial 45957) and this uitleg."""
        page = (ROOT / "docs" / "handleiding" / "installatie.md").read_text(encoding="utf-8")
        first_day = datetime(2025, 1, 6)
        result = udfs.RI_MIJLPAAL(first_day, "42e week")
        assert '`=RI_MIJLPAAL(A2;"42e week")`' in page
        assert f"`B2` toont `{show(result)}`" in page
        assert f"`{(result - date(1899, 12, 30)).days}`" in page
        assert f"```text\n{udfs.RI_UITLEG('RI_MIJLPAAL', first_day, '42e week')}\n```" in page
        version = udfs.RI_VERSIE()
        shown = re.search(r"`(reintegratie_core [^`]+)`", page)
        assert shown is not None
        pattern = re.sub(r"\\ \d+\\.\d+\\.\d+", r" \\d+\\.\\d+\\.\\d+", re.escape(version))
        assert re.fullmatch(pattern, shown.group(1)), (shown.group(1), version)

    @pytest.mark.parametrize("name", ["index.md", "installatie.md"])
    def test_shown_error_text_is_the_functions(self, name: str) -> None:
        """The #WAARDE! example for 31-02-2025 is the text RI_MIJLPAAL gives."""
        error = udfs.RI_MIJLPAAL("31-02-2025", "42e week")
        assert isinstance(error, str)
        shown = error if name == "index.md" else error.split(" (verwacht")[0]
        assert shown in _page(name)

    def test_default_probleemanalyse_week(self) -> None:
        """verzuimdossier.md: without its date the probleemanalyse is taken at the end of week
        6 and the plan van aanpak at the end of week 8 (Regeling procesgang art. 2 lid 2, 4)."""
        first_day = date(2025, 1, 6)
        analysis = udfs.RI_MIJLPAAL(datetime(2025, 1, 6), "probleemanalyse")
        plan = udfs.RI_MIJLPAAL(datetime(2025, 1, 6), "pva")
        assert (analysis - first_day).days + 1 == 6 * 7
        assert (plan - first_day).days + 1 == 8 * 7
        page = _page("verzuimdossier.md")
        assert "(einde van week 6)" in page
        assert "plan van aanpak aan het einde van week 8" in page

    def test_worked_wia_example_numbers(self) -> None:
        """financieel.md: the amounts of the worked example are the functions' results."""
        page = _page("financieel.md")
        start_wia = datetime(2027, 1, 4)
        amounts = [
            udfs.RI_LOONDOORBETALING(2500.0, 1.0, datetime(2025, 1, 6), 36.0),
            udfs.RI_LOONDOORBETALING(2500.0, 30.0, datetime(2025, 7, 1), 36.0),
            udfs.RI_LOONDOORBETALING(2500.0, 60.0, datetime(2025, 7, 1), 36.0),
            udfs.RI_WIA_DAGLOON(32400.0, start_wia),
            udfs.RI_WIA_MAANDLOON(32400.0, start_wia),
            udfs.RI_WIA_UITKERING(32400.0, 50.0, 1000.0, 600.0, start_wia, None, 1.0, 12.5),
            udfs.RI_WIA_UITKERING(32400.0, 50.0, 1000.0, 600.0, start_wia, None, 14.0, 12.5),
        ]
        missing = [show(a) for a in amounts if f"= {show(a)}" not in page]
        assert missing == []
        # The wage cap of the first half of 2025: 70 % of it is the most that is paid.
        capped = udfs.RI_LOONDOORBETALING(20000.0, 60.0, datetime(2025, 3, 1))
        assert f"€ {show(round(capped / 0.7, 2))}" in page
