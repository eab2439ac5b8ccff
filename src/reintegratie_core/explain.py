"""Explanations are values: a result together with the grounds that produced it.

Every public calculation of the core returns an :class:`Explained` value: the result plus
a tuple of :class:`Ground` — which rule was applied, which article of which source
(a seed file of ``sources/seeds`` or a statute), and which parameter values were used.
The Excel function ``RI_UITLEG``, the command line and the documentation's traceability
matrix all read these values; there is no second copy of the text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Generic, Protocol, TypeVar

import attrs

T = TypeVar("T")
U = TypeVar("U")


class SourceKind(enum.Enum):
    """Whether a citation points into one of the five product conditions or a statute."""

    SEED = "seed"
    STATUTE = "statute"
    DECISION = "decision"


#: The five product conditions (``sources/seeds/INDEX.md``): code → (file, short title).
SEEDS: dict[str, tuple[str, str]] = {
    "000": ("000_990cc01dbc2d8fe8.txt", "a.s.r. re-integratie, voorwaarden bij overeenkomst"),
    "001": ("001_d465c09344c678cf.txt", "a.s.r. Voorwaarden Re-integratiemanager"),
    "002": ("002_30ec95552968fc43.txt", "a.s.r. MKB Verzuim-ontzorgverzekering (brochure)"),
    "003": (
        "003_868fbc4ee27f4266.txt",
        "De Zeeuwse, Preventie-, re-integratieondersteuning en budgetten",
    ),
    "004": (
        "004_f7ec042b78bbdc89.txt",
        "De Amersfoortse, Voorwaarden Ontzorgmanager – Re-integratie",
    ),
}


@attrs.frozen
class Citation:
    """Where a rule comes from: a seed file and article, a statute, or a recorded decision.

    Build one with :meth:`seed`, :meth:`statute` or :meth:`decision`.
    """

    kind: SourceKind
    source: str
    article: str

    @classmethod
    def seed(cls, code: str, article: str) -> Citation:
        """Cite article ``article`` of seed ``code`` (``"000"`` … ``"004"``)."""
        if code not in SEEDS:
            msg = f"onbekende bron {code!r} (bekend: {', '.join(SEEDS)})"
            raise ValueError(msg)
        return cls(SourceKind.SEED, code, article)

    @classmethod
    def statute(cls, law: str, article: str) -> Citation:
        """Cite a statute or regulation, e.g. ``Citation.statute("BW", "7:629 lid 10")``."""
        return cls(SourceKind.STATUTE, law, article)

    @classmethod
    def decision(cls, section: str) -> Citation:
        """Cite a recorded decision of ``spec/domain.md`` (e.g. ``"§8"``)."""
        return cls(SourceKind.DECISION, "domain.md", section)

    @property
    def file(self) -> str | None:
        """The seed's file name, for seed citations."""
        return SEEDS[self.source][0] if self.kind is SourceKind.SEED else None

    def __str__(self) -> str:
        if self.kind is SourceKind.SEED:
            where = f"art. {self.article}" if self.article[:1].isdigit() else f"«{self.article}»"
            return f"{SEEDS[self.source][0]} {where}"
        if self.kind is SourceKind.DECISION:
            return f"spec/domain.md {self.article}"
        return f"{self.source} art. {self.article}"


ParameterValue = str | int | Decimal | date | bool


def format_value(value: object) -> str:
    """Format a parameter or result value the Dutch way for explanations."""
    if value is None:
        return "n.v.t."
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


@attrs.frozen(kw_only=True)
class Ground:
    """One applied rule: what it says, where it comes from, and the values it used."""

    rule: str
    citation: Citation
    parameters: tuple[tuple[str, ParameterValue], ...] = ()

    def __str__(self) -> str:
        text = f"{self.rule} ({self.citation})"
        if self.parameters:
            values = ", ".join(f"{k} = {format_value(v)}" for k, v in self.parameters)
            text += f" [{values}]"
        return text


@attrs.frozen
class Explained(Generic[T]):
    """A result with its grounds, in the order they were applied."""

    value: T
    grounds: tuple[Ground, ...] = ()

    def map(self, value: U) -> Explained[U]:
        """The same grounds with another value (e.g. a formatted one)."""
        return Explained(value, self.grounds)

    def explain(self) -> Explained[T]:
        """Itself: an :class:`Explained` value is a decision whose grounds are built."""
        return self

    def with_grounds(self, grounds: Iterable[Ground]) -> Explained[T]:
        """Append ``grounds`` to this value's grounds."""
        return Explained(self.value, (*self.grounds, *grounds))

    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation of the grounds, in order."""
        seen: dict[Citation, None] = {}
        for ground in self.grounds:
            seen.setdefault(ground.citation, None)
        return tuple(seen)

    def text(self, label: str = "uitkomst") -> str:
        """A Dutch, multi-line explanation: the result, then each rule with its articles."""
        lines = [f"{label} = {format_value(self.value)}"]
        lines.extend(f"- {line}" for line in render_grounds(self.grounds))
        return "\n".join(lines)


class Decision(Protocol[T]):
    """What a rule decided: its ``value``, and its grounds rendered on demand.

    A rule decides once and returns a small immutable record of what applied; the value is
    read from it, and :meth:`explain` renders the grounds from the same record only when an
    explanation is asked for (``RI_UITLEG``, ``--uitleg``, the docs). :class:`Explained`
    is the decision whose grounds are already built.
    """

    @property
    def value(self) -> T:
        """The result."""
        ...

    def explain(self) -> Explained[T]:
        """The result with its grounds."""
        ...


def render_grounds(grounds: Iterable[Ground]) -> list[str]:
    """One line per rule: grounds with the same rule and values share a line of citations."""
    merged: dict[tuple[str, tuple[tuple[str, ParameterValue], ...]], list[Citation]] = {}
    for ground in grounds:
        citations = merged.setdefault((ground.rule, ground.parameters), [])
        if ground.citation not in citations:
            citations.append(ground.citation)
    lines = []
    for (rule, parameters), citations in merged.items():
        text = f"{rule} ({'; '.join(str(c) for c in citations)})"
        if parameters:
            text += " [" + ", ".join(f"{k} = {format_value(v)}" for k, v in parameters) + "]"
        lines.append(text)
    return lines


def combine(grounds: Iterable[Explained[object]]) -> tuple[Ground, ...]:
    """The grounds of several explained values, without repeats, in order."""
    seen: dict[Ground, None] = {}
    for explained in grounds:
        for ground in explained.grounds:
            seen.setdefault(ground, None)
    return tuple(seen)
