"""Every rule cites an article that exists, and every rule-bearing article has a rule."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from docs.tools import traceability
from docs.tools.articles import all_indexes, seed_index
from docs.tools.citations import (
    CodeCitation,
    Via,
    all_code_citations,
    citations_in_tests,
    code_citations,
    implementers,
    text_citations,
    unresolved,
)
from docs.tools.traceability import KNOWN_GAPS, NO_RULE, OUT_OF_SCOPE, Status

from reintegratie_core import Citation, SourceKind

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


class TestCitationsExist:
    def test_every_code_citation_exists_in_its_source(self) -> None:
        """Each Citation.seed in the core (code, tables, docstrings) names an existing article."""
        assert unresolved(all_code_citations()) == ()

    def test_a_missing_article_is_caught(self) -> None:
        """A citation of an article the seed does not have is reported."""
        made_up = CodeCitation(
            seed="003", article="2.9.9", module="m", owner="f", line=1, via=Via.CODE
        )
        assert unresolved([made_up]) == (made_up,)

    def test_every_test_citation_exists_in_its_source(self) -> None:
        """Each seed article a test cites in its docstring or comments exists."""
        bad = [
            c
            for c in citations_in_tests()
            if c.seed != "002" and seed_index(c.seed).resolve(c.article) is None
        ]
        assert bad == []

    def test_code_citations_are_found(self) -> None:
        """The scan finds the literal citations of the Poortwachter timeline."""
        found = {(c.seed, c.article) for c in code_citations()}
        assert ("000", "1.4") in found
        assert ("002", "In het kort (vanaf de tweede ziekteweek)") in found

    @pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
    def test_example_product_files_cite_existing_articles(self, path: Path) -> None:
        """A product file in docs/examples cites only articles that exist in the seeds."""
        from reintegratie_core.products import load_product

        product = load_product(path.read_text(encoding="utf-8"))
        citations: list[Citation] = []

        def walk(value: object) -> None:
            if isinstance(value, Citation):
                citations.append(value)
            elif attrs.has(type(value)):
                for field in attrs.fields(type(value)):  # type: ignore[arg-type]
                    walk(getattr(value, field.name))
            elif isinstance(value, list | tuple | frozenset | set):
                for item in value:
                    walk(item)

        walk(product)
        bad = [
            c
            for c in citations
            if c.kind is SourceKind.SEED and seed_index(c.source).resolve(c.article) is None
        ]
        assert bad == []


class TestTextCitations:
    def test_shared_article_of_two_seeds(self) -> None:
        """ "001/004 art. 4.1" cites 4.1 of both seeds."""
        assert set(text_citations("001/004 art. 4.1: plan van aanpak")) == {
            ("001", "4.1"),
            ("004", "4.1"),
        }

    def test_list_of_articles(self) -> None:
        """ "003 art. 2.5.2, 2.6.2" cites both articles; backticks do not matter."""
        assert set(text_citations("(``003`` art. 2.5.2, 2.6.2)")) == {
            ("003", "2.5.2"),
            ("003", "2.6.2"),
        }

    def test_numbers_after_an_article_are_not_articles(self) -> None:
        """ "001 art. 2.1, 12 maanden" cites 2.1 only; statutes are not seeds."""
        assert list(text_citations("001 art. 2.1, 12 maanden")) == [("001", "2.1")]
        assert list(text_citations("EC Reg. 1103/97 art. 5; BW 7:629 lid 10")) == []

    def test_brochure_heading_and_written_out_call(self) -> None:
        """002 is cited by a quoted heading, or by a Citation.seed call in a test."""
        assert ("002", "Een voorbeeld") in set(text_citations("002 «Een voorbeeld»"))
        assert ("003", "2.7.2") in set(text_citations('Citation.seed("003", "2.7.2")'))


class TestMatrix:
    def test_every_rule_bearing_article_is_implemented(self) -> None:
        """Each article not listed as rule-free is applied by core code or a core table, except
        the known gaps, which must still be gaps."""
        missing = {
            row.article.key
            for index in all_indexes()
            for row in traceability.rows(index)
            if row.status is Status.MISSING
        }
        assert missing == set(KNOWN_GAPS)

    def test_rule_free_articles_are_not_cited(self) -> None:
        """An article listed in NO_RULE is cited by no code (else the reason is wrong)."""
        cited = [
            row.article.label
            for index in all_indexes()
            for row in traceability.rows(index)
            if row.status is Status.RULE and row.article.key in NO_RULE
        ]
        assert cited == []

    def test_rule_free_articles_exist(self) -> None:
        """Every article listed in NO_RULE exists in its seed."""
        assert [key for key in NO_RULE if seed_index(key[0]).get(key[1]) is None] == []

    def test_out_of_scope_articles_exist_and_are_not_rule_free(self) -> None:
        """Every article listed in OUT_OF_SCOPE exists and is not also listed as rule-free."""
        assert [key for key in OUT_OF_SCOPE if seed_index(key[0]).get(key[1]) is None] == []
        assert set(OUT_OF_SCOPE) & set(NO_RULE) == set()

    @pytest.mark.parametrize(
        "key",
        [
            ("000", "1.7"),
            ("000", "3.3"),
            ("002", "Jaarlijkse gratis preventiecheck"),
            ("003", "1.3"),
            ("003", "3.2"),
        ],
    )
    def test_issue_13_articles_are_implemented_or_out_of_scope(self, key: tuple[str, str]) -> None:
        """Issue 13: 000 art. 1.7, 3.3, 002's yearly preventiecheck, 003 art. 1.3 and 3.2 are
        implemented or consciously out of scope, with the reason."""
        (row,) = [
            row
            for index in all_indexes()
            for row in traceability.rows(index)
            if row.article.key == key
        ]
        assert row.status in {Status.RULE, Status.OUT_OF_SCOPE}
        assert row.status is Status.RULE or row.reason
        assert key in OUT_OF_SCOPE or row.status is Status.RULE

    def test_every_article_is_in_the_page(self, generated: dict[str, str]) -> None:
        """The matrix page has a row for every article of every seed."""
        page = generated[traceability.PAGE]
        for index in all_indexes():
            section = page.split(f"## {index.seed} — ", 1)[1].split("\n## ", 1)[0]
            rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
            assert len(rows) == len(index.articles), index.seed

    def test_implementers_of_a_private_table(self) -> None:
        """A rule in a private table is implemented by the public functions that read it."""
        found = {
            name for _module, name in implementers("reintegratie_core._poortwachter", "_RULES")
        }
        assert "milestone_date" in found


class TestRuleIdentifiers:
    def test_every_applied_ground_names_its_rule(self) -> None:
        """Every ground the documented calls produce names a public core function (rule_id)."""
        from docs.tools.trace import unidentified

        assert unidentified() == []

    def test_rule_ids_resolve_to_definitions(self) -> None:
        """A rule id is the name of one public core function or class."""
        from docs.tools.trace import rule_nodes

        nodes = rule_nodes()
        assert nodes["reintegration_budget"] == (
            "reintegratie_core.compensation._budgets",
            "reintegration_budget",
        )
        assert nodes["cascade"][1] == "cascade"

    def test_trace_reads_data_only(self) -> None:
        """docs/tools/trace.py reads the grounds; it neither patches Ground nor walks frames."""
        source = (Path(__file__).resolve().parents[2] / "docs" / "tools" / "trace.py").read_text(
            encoding="utf-8"
        )
        assert "_getframe" not in source
        assert "Ground.__init__" not in source
