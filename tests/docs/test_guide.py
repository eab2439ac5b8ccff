"""The user guide's worked worksheets and its inclusions are true and well-formed."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs.tools import guide
from docs.tools.articles import ROOT


class TestTasks:
    def test_no_step_fails(self) -> None:
        """Every formula of the four tasks gives a result, not an error."""
        assert guide.failing_steps() == []

    def test_a_step_uses_an_earlier_result(self) -> None:
        """The loonsanctie compensation is computed from the weekly wage of the step before."""
        results = guide.task_results(guide.SANCTIE)
        weekly = results["B8"]
        from reintegratie_addin import udfs

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
