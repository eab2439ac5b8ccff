"""The article index of the five conditions, despite the noise of text extraction."""

from __future__ import annotations

from docs.tools.articles import Kind, all_indexes, parse_numbered, seed_index, split_numbers
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import SEEDS


class TestNumberedSeeds:
    def test_lost_numbers_stay_lost(self) -> None:
        """Number 1.8 of seed 000 and 1.4 of seed 004 are lost in the extracted texts (INDEX.md)."""
        assert seed_index("000").get("1.8") is None
        assert seed_index("004").get("1.4") is None
        assert seed_index("000").get("1.9") is not None

    def test_noise_is_not_an_article(self) -> None:
        """An address ("35 84 BA") and a wrapped line ("12 maanden") are not articles."""
        assert seed_index("000").get("35") is None
        assert seed_index("001").get("12") is None

    def test_table_of_contents_is_skipped(self) -> None:
        """001's chapters are found at their headings, not at the ">>" links of its contents."""
        chapter = seed_index("001").get("2")
        assert chapter is not None
        assert seed_index("001").children("2")
        assert not chapter.title.endswith(">>")

    def test_sub_articles_belong_to_their_article(self) -> None:
        """003 art. 2.6.1 is a part of 2.6, which is a part of chapter 2."""
        index = seed_index("003")
        article = index.get("2.6.1")
        assert article is not None
        assert article.parent == "2.6"
        assert index.is_container("2.6")

    def test_every_article_resolves_to_itself(self) -> None:
        """Each indexed article, named by its own number or heading, resolves to itself."""
        for index in all_indexes():
            for article in index.articles:
                assert index.resolve(article.number) == (article,), article.label

    def test_every_seed_has_an_index(self) -> None:
        """All five seeds of _explain.SEEDS have articles."""
        assert [index.seed for index in all_indexes()] == sorted(SEEDS)
        assert all(len(index.articles) > 10 for index in all_indexes())


class TestResolve:
    def test_lists_of_articles(self) -> None:
        """ "2.5/5.3" and "2.5.2, 2.6.2" name two articles each."""
        assert [a.number for a in seed_index("001").resolve("2.5/5.3") or ()] == ["2.5", "5.3"]
        assert [a.number for a in seed_index("003").resolve("2.5.2, 2.6.2") or ()] == [
            "2.5.2",
            "2.6.2",
        ]

    def test_an_unknown_article_does_not_resolve(self) -> None:
        """A citation of an article the source does not have resolves to nothing."""
        assert seed_index("003").resolve("9.9") is None
        assert seed_index("001").resolve("2.5/9.9") is None
        assert seed_index("001").resolve("Begrippenlijst") is None

    def test_brochure_headings_with_a_detail(self) -> None:
        """002 is cited by heading; a detail in parentheses is not part of it."""
        found = seed_index("002").resolve("In het kort (vanaf de tweede ziekteweek)")
        assert found is not None
        assert found[0].number == "In het kort"

    def test_title_and_preamble(self) -> None:
        """The document's title (dashes and spaces aside) and "aanhef" are citable parts."""
        title = seed_index("004").resolve("Voorwaarden Ontzorgmanager – Re-integratie")
        assert title is not None
        assert title[0].kind is Kind.TITLE
        preamble = seed_index("000").resolve("aanhef")
        assert preamble is not None
        assert preamble[0].kind is Kind.PREAMBLE

    def test_split_numbers(self) -> None:
        """Article lists split on /, commas and "en"; anything else is not a number list."""
        assert split_numbers("3.2 en 3.3") == ("3.2", "3.3")
        assert split_numbers("art. 4.1") == ("4.1",)
        assert split_numbers("Een voorbeeld") is None


@st.composite
def outlines(draw: st.DrawFn) -> list[str]:
    """A document outline: chapters 1..n, each with increasing articles and sub-articles."""
    numbers = []
    for chapter in range(1, draw(st.integers(1, 5)) + 1):
        numbers.append(str(chapter))
        articles = sorted(draw(st.sets(st.integers(1, 12), max_size=5)))
        for article in articles:
            numbers.append(f"{chapter}.{article}")
            parts = range(1, draw(st.integers(0, 3)) + 1)
            numbers.extend(f"{chapter}.{article}.{part}" for part in parts)
    return numbers


class TestParserProperties:
    @given(outlines(), st.lists(st.integers(13, 99), max_size=5), st.randoms())
    def test_outline_is_recovered_between_noise_lines(
        self, numbers: list[str], noise: list[int], rnd: object
    ) -> None:
        """Numbered headings are all found, and lines starting with other numbers are not."""
        lines = [f"{n} Kop {n}" for n in numbers]
        for value in noise:
            position = rnd.randint(0, len(lines))  # type: ignore[attr-defined]
            lines.insert(position, f"{value} maanden loopt de termijn door")
        index = parse_numbered("000", "\n".join(lines))
        found = [a.number for a in index.articles if a.kind is Kind.ARTICLE]
        assert found == numbers
