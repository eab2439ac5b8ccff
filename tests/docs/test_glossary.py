"""The glossary names every domain term of the code, and every name it gives exists."""

from __future__ import annotations

from docs.tools import glossary
from docs.tools.articles import seed_index
from docs.tools.citations import text_citations


class TestTerms:
    def test_every_identifier_exists(self) -> None:
        """Each English name the glossary gives resolves to something in reintegratie_core."""
        missing = [i for t in glossary.TERMS for i in t.identifiers if not glossary.resolve(i)]
        assert missing == []

    def test_a_wrong_identifier_is_caught(self) -> None:
        """A name, member or argument that does not exist does not resolve."""
        assert not glossary.resolve("_poortwachter.Mijlpaal")
        assert not glossary.resolve("_poortwachter.Milestone.NOPE")
        assert not glossary.resolve("_poortwachter.remaining_weeks(peildatum)")
        assert glossary.resolve("_poortwachter.remaining_weeks(reference)")

    def test_every_domain_class_is_named(self) -> None:
        """Each public class of the core is in the glossary or listed as technical."""
        assert glossary.unnamed_classes() == []

    def test_the_terms_of_the_style_guide(self) -> None:
        """The Dutch words STYLE.md names as examples have an entry."""
        dutch = " ".join(t.dutch for t in glossary.TERMS)
        for word in ("ziektegeval", "loonsanctie", "poortwachtergarantie", "basismodule"):
            assert word in dutch

    def test_cited_articles_exist(self) -> None:
        """Every seed article a glossary entry names exists."""
        bad = [
            (t.dutch, seed, article)
            for t in glossary.TERMS
            for seed, article in text_citations(t.source)
            if seed_index(seed).resolve(article) is None
        ]
        assert bad == []


class TestCodes:
    def test_every_enum_member_is_listed(self, generated: dict[str, str]) -> None:
        """Every code of every enum of the core appears with its member name."""
        page = generated[glossary.PAGE]
        for _name, codes in glossary.enums():
            for member in codes:
                assert f"| `{member.value}` | `{member.name}` |" in page
