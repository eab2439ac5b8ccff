"""The article index of the five conditions in ``sources/seeds``.

Four seeds number their articles (``1``, ``1.4``, ``2.6.1``); the brochure ``002`` has no
numbers, so its articles are its section headings (``In het kort``, ``Een voorbeeld``).
Text extraction left noise in the originals — addresses that start with digits
(``35 84 BA``), wrapped lines that start with a number (``12 maanden``), a table of contents
(``1 Begrippen >>``), missing numbers (``000`` 1.8, ``004`` 1.4). The parser therefore
accepts a number only where it continues the document's outline: a chapter is the next
chapter, an article belongs to the current chapter and follows the previous one, a
sub-article belongs to the current article.

A citation's article (``Citation.seed("003", "2.6.1")``) resolves through
:meth:`SeedIndex.resolve`: numbers (``"2.5/5.3"``, ``"2.5.2, 2.6.2"``) for the numbered
seeds, a heading (optionally followed by a detail in parentheses:
``"In het kort (vanaf de tweede ziekteweek)"``) for ``002``.
"""

from __future__ import annotations

import enum
import re
from functools import cache
from pathlib import Path

import attrs

from reintegratie_core import SEEDS

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "sources" / "seeds"

#: The seed whose articles are its section headings (a brochure without numbers).
HEADING_SEEDS = frozenset({"002"})

_NUMBERED = re.compile(
    r"^\s*(?:[-#]+\s*)?(?:Artikel\s+)?(?P<number>\d{1,2}(?:\.\d{1,2}){0,2})\.?(?:\s+(?P<title>.*?))?\s*$"
)
_MARKUP = re.compile(r"</?i>|\*+|`+")
_PARENTHESIS = re.compile(r"\s*\(.*?\)")
_SEPARATOR = re.compile(r"\s*(?:/|,|;|&|\ben\b|\band\b)\s*")
_ARTICLE_NUMBER = re.compile(r"^(?:art(?:ikel)?\.?\s*)?(\d{1,2}(?:\.\d{1,2}){0,2})$")
_TITLE_LENGTH = 72


def clean_title(text: str, *, shorten: bool = True) -> str:
    """A heading or first line without markup, shortened for a table cell."""
    text = _MARKUP.sub("", text).strip().rstrip(":").strip()
    text = re.sub(r"\s+", " ", text)
    if shorten and len(text) > _TITLE_LENGTH:
        text = text[: _TITLE_LENGTH - 1].rsplit(" ", 1)[0] + " …"
    return text


def title_key(text: str) -> str:
    """How a document title is compared: no parentheses, case, spaces, hyphens or dashes.

    ``"Voorwaarden Ontzorgmanager – Re-integratie"`` matches the printed
    ``"Voorwaarden Ontzorgmanager - Re-integratie"``.
    """
    return re.sub(r"[\s\-–—]+", "", _PARENTHESIS.sub("", _MARKUP.sub("", text))).casefold()


def normalize_heading(text: str) -> str:
    """How a ``002`` heading is compared: no markup, case, trailing ``:``/``?`` or spaces."""
    return re.sub(r"\s+", " ", _MARKUP.sub("", text)).strip().rstrip(":?").strip().casefold()


class Kind(enum.Enum):
    """What part of a seed an :class:`Article` is."""

    #: The document's title: a citation of the document as a whole (a product's source).
    TITLE = "titel"
    #: The text before the first article (the parties, what the agreement is part of).
    PREAMBLE = "aanhef"
    #: A numbered article, or a heading of the brochure ``002``.
    ARTICLE = "artikel"


#: How a citation names the preamble: ``Citation.seed("000", "aanhef")``.
PREAMBLE = "aanhef"


@attrs.frozen(kw_only=True)
class Article:
    """One article (or heading) of a seed."""

    seed: str
    number: str
    title: str
    line: int
    parent: str | None = None
    kind: Kind = Kind.ARTICLE

    @property
    def key(self) -> tuple[str, str]:
        """``(seed, number)``: how the traceability data refer to an article."""
        return (self.seed, self.number)

    @property
    def label(self) -> str:
        """How the documentation names it: ``003 art. 2.6.1`` or ``002 «Een voorbeeld»``."""
        if self.seed in HEADING_SEEDS or self.kind is not Kind.ARTICLE:
            return f"{self.seed} «{self.number}»"
        return f"{self.seed} art. {self.number}"


@attrs.frozen
class SeedIndex:
    """The articles of one seed, in document order."""

    seed: str
    articles: tuple[Article, ...]

    def get(self, number: str) -> Article | None:
        """The article with this number (or heading, or the title, or ``aanhef``)."""
        for article in self.articles:
            if article.kind is Kind.PREAMBLE and number.strip().casefold() == PREAMBLE:
                return article
            if article.kind is Kind.TITLE and title_key(number) == title_key(article.number):
                return article
        wanted = normalize_heading(number) if self.seed in HEADING_SEEDS else number
        for article in self.articles:
            if article.kind is not Kind.ARTICLE:
                continue
            have = (
                normalize_heading(article.number) if self.seed in HEADING_SEEDS else article.number
            )
            if have == wanted:
                return article
        return None

    def children(self, number: str) -> tuple[Article, ...]:
        """The articles directly below ``number``."""
        return tuple(a for a in self.articles if a.parent == number)

    def is_container(self, number: str) -> bool:
        """True for a chapter or article that has numbered parts of its own."""
        return bool(self.children(number))

    def resolve(self, reference: str) -> tuple[Article, ...] | None:
        """The articles a citation's ``article`` names, or ``None`` when one does not exist.

        ``"2.5/5.3"`` names two articles; ``"3.2 (plan van aanpak)"`` names 3.2; for ``002``
        ``"In het kort (vanaf de tweede ziekteweek)"`` names the heading ``In het kort``.
        """
        whole = self.get(reference)
        if whole is not None and whole.kind is not Kind.ARTICLE:
            return (whole,)
        if self.seed in HEADING_SEEDS:
            heading = _PARENTHESIS.sub("", reference).strip()
            found = self.get(heading)
            return None if found is None else (found,)
        numbers = split_numbers(reference)
        if numbers is None:
            return None
        resolved = []
        for number in numbers:
            article = self.get(number)
            if article is None:
                return None
            resolved.append(article)
        return tuple(resolved)


def split_numbers(reference: str) -> tuple[str, ...] | None:
    """The article numbers in ``reference`` (``"2.5/5.3"`` → 2.5, 5.3), or ``None``."""
    stripped = _PARENTHESIS.sub("", reference).strip()
    parts = [p for p in _SEPARATOR.split(stripped) if p]
    numbers = []
    for part in parts:
        match = _ARTICLE_NUMBER.match(part.strip())
        if match is None:
            return None
        numbers.append(match.group(1))
    return tuple(numbers) or None


def parse_numbered(seed: str, text: str) -> SeedIndex:
    """The numbered articles of ``text``, following the outline (see the module docstring)."""
    lines = text.splitlines()
    articles: list[Article] = list(_document_parts(seed, lines))
    seen: set[str] = set()
    chapter = 0
    article: tuple[int, int] | None = None
    last_in_chapter = 0
    for index, line in enumerate(lines):
        if line.rstrip().endswith(">>"):  # a table-of-contents link, not the heading itself
            continue
        match = _NUMBERED.match(line)
        if match is None:
            continue
        number = match.group("number")
        parts = tuple(int(p) for p in number.split("."))
        title = match.group("title") or _next_text(lines, index)
        if number in seen:
            continue
        parent: str | None
        if len(parts) == 1:
            if parts[0] != chapter + 1:
                continue
            chapter, article, last_in_chapter, parent = parts[0], None, 0, None
        elif len(parts) == 2:
            if parts[0] == chapter + 1:  # the chapter's own heading was lost in extraction
                chapter, last_in_chapter = parts[0], 0
            elif parts[0] != chapter or parts[1] <= last_in_chapter:
                continue
            article, last_in_chapter = (parts[0], parts[1]), parts[1]
            parent = str(chapter) if str(chapter) in seen else None
        else:
            if article != parts[:2]:
                continue
            parent = f"{parts[0]}.{parts[1]}"
        seen.add(number)
        articles.append(
            Article(
                seed=seed, number=number, title=clean_title(title), line=index + 1, parent=parent
            )
        )
    return SeedIndex(seed, tuple(articles))


def _document_parts(seed: str, lines: list[str]) -> tuple[Article, Article]:
    """The title (the first line that starts with a letter) and the preamble."""
    for index, line in enumerate(lines):
        text = clean_title(line.lstrip("#"), shorten=False)
        if text[:1].isalpha():
            title = Article(seed=seed, number=text, title=text, line=index + 1, kind=Kind.TITLE)
            break
    else:  # pragma: no cover - every seed has a title
        title = Article(
            seed=seed, number=SEEDS[seed][1], title=SEEDS[seed][1], line=1, kind=Kind.TITLE
        )
    preamble = Article(
        seed=seed,
        number=PREAMBLE,
        title="tekst vóór artikel 1",
        line=title.line + 1,
        kind=Kind.PREAMBLE,
    )
    return title, preamble


def _next_text(lines: list[str], index: int) -> str:
    for line in lines[index + 1 : index + 4]:
        if line.strip():
            return line
    return ""


def parse_headings(seed: str, text: str) -> SeedIndex:
    """The Markdown headings of ``text`` as articles (equal headings once)."""
    articles: list[Article] = []
    seen: set[str] = set()
    for index, line in enumerate(text.splitlines()):
        if not line.startswith("#"):
            continue
        heading = clean_title(line.lstrip("#"))
        key = normalize_heading(heading)
        if not key or key in seen:
            continue
        seen.add(key)
        articles.append(Article(seed=seed, number=heading, title=heading, line=index + 1))
    return SeedIndex(seed, tuple(articles))


@cache
def seed_index(seed: str) -> SeedIndex:
    """The article index of seed ``seed`` (``"000"`` … ``"004"``)."""
    text = (SEED_DIR / SEEDS[seed][0]).read_text(encoding="utf-8")
    if seed in HEADING_SEEDS:
        return parse_headings(seed, text)
    return parse_numbered(seed, text)


def all_indexes() -> tuple[SeedIndex, ...]:
    """The indexes of all five seeds, in seed order."""
    return tuple(seed_index(seed) for seed in sorted(SEEDS))
