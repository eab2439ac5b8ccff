"""Explanations are values: a result together with the grounds that produced it.

Every public calculation of the core returns an [`Explained`][reintegratie_core.Explained] value: the result plus
a tuple of [`Ground`][reintegratie_core.Ground] — which rule was applied, which article of which source
(a seed file of ``sources/seeds`` or a statute), and which parameter values were used.
The Excel function ``RI_UITLEG``, the command line and the documentation's traceability
matrix all read these values; there is no second copy of the text.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Generic, ParamSpec, Protocol, TypeVar

import attrs

from reintegratie_core._checks import (
    check_iterable,
    check_text,
    date_error,
    instance_error,
    items_error,
    member_error,
)
from reintegratie_core._errors import InvalidValueError, argument_error
from reintegratie_core._money import round_cents

T = TypeVar("T")
U = TypeVar("U")


class SourceKind(enum.Enum):
    """Whether a citation points into one of the five product conditions or a statute."""

    SEED = "seed"
    STATUTE = "statute"
    DECISION = "decision"


#: The five product conditions (``sources/seeds/INDEX.md``): code → (file, full title).
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

#: The short name a reader cites each product condition by (its full title is in
#: :data:`SEEDS` and on the documentation's sources page).
SEED_LABELS: dict[str, str] = {
    "000": "a.s.r. Re-integratie",
    "001": "a.s.r. Re-integratiemanager",
    "002": "a.s.r. MKB Verzuim-ontzorg",
    "003": "De Zeeuwse Preventie en re-integratie",
    "004": "De Amersfoortse Ontzorgmanager",
}

#: The full names of the statutes the rules cite by their usual abbreviation.
STATUTE_TITLES: dict[str, str] = {
    "BW": "Burgerlijk Wetboek, Boek 7",
    "WIA": "Wet werk en inkomen naar arbeidsvermogen",
    "Ziektewet": "Ziektewet",
    "Algemene termijnenwet": "Algemene termijnenwet",
    "Regeling procesgang eerste en tweede ziektejaar": (
        "Regeling procesgang eerste en tweede ziektejaar"
    ),
}

#: What a decision citation refers to: the library's rulebook, where a text of the
#: conditions leaves a choice open (published on the documentation's sources page).
DECISION_TITLE = "beslissing van de bibliotheek over een open punt in de voorwaarden"

_DECISION_SECTION = re.compile(r"(§[\d.]+)\s*\((.+)\)")

#: A note in brackets after an article (``7:629 lid 10 (zwangerschaps- en bevallingsverlof)``).
_NOTE = re.compile(r"\s*\([^()]*\)$")


@attrs.frozen
class Citation:
    """Where a rule comes from: a seed file and article, a statute, or a recorded decision.

    Build one with [`seed`][reintegratie_core.Citation.seed],
    [`statute`][reintegratie_core.Citation.statute] or
    [`decision`][reintegratie_core.Citation.decision]. ``str(citation)`` is the
    short label a reader cites it by ([`label`][reintegratie_core.Citation.label]).
    """

    kind: SourceKind
    source: str
    article: str

    @classmethod
    def seed(cls, code: str, article: str) -> Citation:
        """Cite article ``article`` of seed ``code`` (``"000"`` … ``"004"``)."""
        if check_text("code", code) not in SEEDS:
            reason = f"onbekende bron {code!r} (bekend: {', '.join(SEEDS)})"
            raise argument_error(InvalidValueError, "code", reason)
        return cls(SourceKind.SEED, code, check_text("article", article))

    @classmethod
    def statute(cls, law: str, article: str) -> Citation:
        """Cite a statute or regulation, e.g. ``Citation.statute("BW", "7:629 lid 10")``."""
        return cls(SourceKind.STATUTE, check_text("law", law), check_text("article", article))

    @classmethod
    def decision(cls, section: str) -> Citation:
        """Cite a recorded decision of the rulebook by its section (e.g. ``"§8"``)."""
        return cls(SourceKind.DECISION, "domain.md", check_text("section", section))

    @property
    def file(self) -> str | None:
        """The seed's file name, for seed citations."""
        return SEEDS[self.source][0] if self.kind is SourceKind.SEED else None

    @property
    def where(self) -> str:
        """The place inside the source: ``art. 2.6.1``, a brochure heading in «», a section."""
        if self.kind is SourceKind.DECISION:
            found = _DECISION_SECTION.fullmatch(self.article)
            return f"{found.group(1)}, {found.group(2)}" if found else self.article
        if self.kind is SourceKind.SEED and not self.article[:1].isdigit():
            return f"«{self.article}»"
        return f"art. {self.article}"

    @property
    def source_label(self) -> str:
        """The source's short name: ``a.s.r. Re-integratiemanager``, ``BW``, ``beslissing``."""
        if self.kind is SourceKind.SEED:
            return SEED_LABELS[self.source]
        if self.kind is SourceKind.DECISION:
            return "beslissing"
        return self.source

    @property
    def label(self) -> str:
        """The short label a reader cites: ``a.s.r. Re-integratiemanager art. 2.3``,
        ``BW art. 7:629 lid 10``, ``beslissing domein §8`` (no brackets: a citation is
        often written inside brackets itself)."""
        if self.kind is SourceKind.DECISION:
            return f"beslissing domein {self.where}"
        return f"{self.source_label} {self.where}"

    @property
    def title(self) -> str:
        """The full title of the source, for a list of sources."""
        if self.kind is SourceKind.SEED:
            return SEEDS[self.source][1]
        if self.kind is SourceKind.DECISION:
            return DECISION_TITLE
        return STATUTE_TITLES.get(self.source, self.source)

    def __str__(self) -> str:
        return self.label


def _key(citation: Citation) -> tuple[SourceKind, str, str]:
    return (citation.kind, citation.source, citation.article)


def _bare(citation: Citation) -> str:
    """The article without a note in brackets (a decision's note names its own choice)."""
    if citation.kind is SourceKind.DECISION:
        return citation.article
    return _NOTE.sub("", citation.article)


def cite(citations: Iterable[Citation]) -> str:
    """The one way citations are written out, for every shell and the documentation.

    Defined as: distinct citations in order — an article cited both plainly and with a note
    in brackets (``7:629 lid 10`` and ``7:629 lid 10 (zwangerschaps- en bevallingsverlof)``)
    is shown once, plainly; consecutive articles of one source share its name
    (``a.s.r. Re-integratiemanager art. 2.2 en 1.8``); sources apart by ``; ``.
    """
    check_iterable("citations", citations, Citation)
    given = tuple(citations)
    for citation in given:  # before hashing: a list among them is named, not "unhashable"
        if type(citation) is not Citation:
            raise instance_error("citations", citation, Citation)
    distinct = list(dict.fromkeys(given))
    plain = {_key(c) for c in distinct}
    distinct = [c for c in distinct if (c.kind, c.source, _bare(c)) not in plain - {_key(c)}]
    groups: list[tuple[Citation, list[str]]] = []
    for citation in distinct:
        if citation.kind is SourceKind.DECISION:
            groups.append((citation, []))
            continue
        last = groups[-1] if groups else None
        if (
            last is not None
            and last[0].kind is citation.kind
            and last[0].source == citation.source
            and last[1]
            and citation.where.startswith("art. ") == last[1][0].startswith("art. ")
        ):
            last[1].append(citation.where.removeprefix("art. "))
        else:
            groups.append((citation, [citation.where]))
    parts = []
    for citation, places in groups:
        if not places:
            parts.append(citation.label)
            continue
        head, *rest = places
        if rest:
            joined = ", ".join([head, *rest[:-1]]) + " en " + rest[-1]
            parts.append(f"{citation.source_label} {joined}")
        else:
            parts.append(f"{citation.source_label} {head}")
    return "; ".join(parts)


class Unit(enum.Enum):
    """What a number counts, and so how it is written for a reader.

    The unit is declared where the number is defined — on its
    [`Parameter`][reintegratie_core.Parameter], on a record field
    (``attrs.field(metadata={UNIT: Unit.EURO})``), on an explained result
    ([`Explained.unit`][reintegratie_core.Explained]) or on a value an explanation shows
    (``Unit.WEEKS.of(104)``) — never guessed from a name.
    """

    #: An amount of money: ``€ 1.234,56``.
    EURO = "euro"
    #: A share given as a fraction (0.70): ``70 %``.
    PERCENT = "percent"
    #: A count, a ratio, a week or month number, a year: ``12,5``.
    NUMBER = "number"
    #: A number of weeks: ``104 weken``.
    WEEKS = "weeks"
    #: A number of calendar days: ``28 dagen``.
    DAYS = "days"
    #: A number of working days (Algemene termijnenwet): ``5 werkdagen``.
    WORKING_DAYS = "working_days"
    #: A number of months: ``12 maanden``.
    MONTHS = "months"
    #: A number of years: ``3 jaar``.
    YEARS = "years"
    #: A number of hours: ``36 uur``.
    HOURS = "hours"

    def of(self, value: Decimal | int) -> Quantity:
        """``value`` in this unit, for an explanation's parameter list."""
        return Quantity(value, self)


#: The words of a counted unit: (one, more).
_UNIT_WORDS: dict[Unit, tuple[str, str]] = {
    Unit.WEEKS: ("week", "weken"),
    Unit.DAYS: ("dag", "dagen"),
    Unit.WORKING_DAYS: ("werkdag", "werkdagen"),
    Unit.MONTHS: ("maand", "maanden"),
    Unit.YEARS: ("jaar", "jaar"),
    Unit.HOURS: ("uur", "uur"),
}

#: The key of a record field's unit in its ``attrs`` metadata:
#: ``attrs.field(metadata={UNIT: Unit.EURO})``. A number field without it is a plain number.
UNIT = "reintegratie_core.unit"


@attrs.frozen
class Quantity:
    """A number with its unit, as an explanation shows it: ``€ 2.500,00``, ``104 weken``."""

    value: Decimal | int
    unit: Unit

    def __str__(self) -> str:
        return format_number(self.value, self.unit)


ParameterValue = str | int | Decimal | date | bool | Quantity


def _dutch(number: Decimal) -> str:
    """A number as given, but a whole number without decimals (5000.0 as 5000)."""
    text = f"{number:f}"
    if number == number.to_integral():
        text = text.partition(".")[0]
    return text.replace(".", ",")


def _euros(number: Decimal) -> str:
    """An amount in cents as the rules round it (round_cents: half up), with a thousands
    dot; a rounded -0 reads as 0."""
    cents = round_cents(number)
    if cents.is_signed() and cents.is_zero():
        cents = cents.copy_abs()
    return f"{cents:,.2f}".translate(str.maketrans(",.", ".,"))


def format_date(day: date) -> str:
    """A date the Dutch way, ``DD-MM-JJJJ``, for every text a user reads.

    The year always has four digits (``01-01-0001``, ``31-12-0999``): ``strftime("%Y")``
    does not pad years before 1000 on every platform, so no shell formats a date itself.
    A ``datetime`` is refused like everywhere in the core (give ``waarde.date()``).
    """
    if type(day) is not date:
        raise date_error("day", day)
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


#: Why a date that would lie before the first one (``date.min``) or past the last one
#: (``date.max``, also Excel's last) cannot be: the end of every "… valt buiten het
#: datumbereik" message, naming the whole range, so it reads right in both directions.
OUTSIDE_CALENDAR = (
    f"valt buiten het datumbereik ({format_date(date.min)} t/m {format_date(date.max)})"
)


def _day(value: date) -> date:
    return date(value.year, value.month, value.day)


def format_number(
    value: Decimal | int | float, unit: Unit = Unit.NUMBER, *, places: int | None = None
) -> str:
    """A number the Dutch way in its unit: ``€ 2.500,00``, ``70 %``, ``104 weken``, ``51,86``.

    Defined as: an int and the float Excel sends for it give the same text; euros with two
    decimals and a thousands dot; a fraction 0.7 as ``70 %`` (a percentage above 1, such
    as an arbeidsongeschiktheid of 50, as ``50 %``); a count of weeks, days, working days,
    months, years or hours followed by its word (``1 week``, ``12,5 maanden``). With
    ``places`` a number other than euros has exactly that many decimals, rounded half up
    (a column of numbers reads alike: ``103,00`` above ``102,86``).
    """
    if type(unit) is not Unit:
        raise member_error("unit", unit, Unit)
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise instance_error("value", value, Decimal, "of een int of float")
    if places is not None and (type(places) is not int or not 0 <= places <= 10):
        raise argument_error(InvalidValueError, "places", "geen geheel getal 0 t/m 10")
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not number.is_finite():
        return str(value)
    if unit is Unit.EURO:
        return f"€ {_euros(number)}"
    if unit is Unit.PERCENT and abs(number) <= 1:  # a fraction (0.70); above 1 a percentage
        number = number.scaleb(2)  # 0.125: 12,5
    if places is None:
        text = _dutch(number)
    else:
        # in a context that holds every digit (as round_cents does); a rounded -0 reads 0
        context = Context(prec=max(number.adjusted(), 0) + places + 2, rounding=ROUND_HALF_UP)
        number = number.quantize(Decimal(1).scaleb(-places), context=context)
        if number.is_zero():
            number = number.copy_abs()
        text = f"{number:f}".replace(".", ",")
    if unit is Unit.PERCENT:
        return f"{text} %"
    words = _UNIT_WORDS.get(unit)
    if words is None:
        return text
    return f"{text} {words[0] if number == 1 else words[1]}"


def format_value(value: object, unit: Unit = Unit.NUMBER) -> str:
    """Format a parameter or result value the Dutch way for explanations.

    ``unit`` is how a number reads (declared where the number is defined, see
    [`Unit`][reintegratie_core.Unit]); a [`Quantity`][reintegratie_core.Quantity] carries
    its own.
    """
    if type(unit) is not Unit:
        raise member_error("unit", unit, Unit)
    if value is None:
        return "n.v.t."
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):  # a datetime (or a subclass) by its day
        return format_date(value if type(value) is date else _day(value))
    if isinstance(value, Quantity):
        return str(value)
    if isinstance(value, Decimal | float):
        return format_number(value, unit)
    if isinstance(value, int):
        return str(value) if unit is Unit.NUMBER else format_number(value, unit)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Citation):
        return value.label
    if isinstance(value, tuple | list | frozenset):
        return ", ".join(format_value(v, unit) for v in value)
    if _is_record(value):
        return _record_line(value)
    return str(value)


def _is_record(value: object) -> bool:
    """A record without its own text, rendered field by field: an attrs value, or a
    ``NamedTuple`` (the decision records and the rows built per lifted row)."""
    kind = type(value)
    if kind.__str__ is not object.__str__:
        return False
    return attrs.has(kind) or (isinstance(value, tuple) and hasattr(kind, "_fields"))


def _fields(value: object) -> tuple[tuple[str, Unit], ...]:
    """A record's fields, each with its declared unit (an attrs field's
    ``metadata={UNIT: …}``; a ``NamedTuple`` field is a plain number)."""
    kind = type(value)
    if attrs.has(kind):
        return tuple((field.name, _unit(field)) for field in attrs.fields(kind))
    names: tuple[str, ...] = getattr(kind, "_fields", ())
    return tuple((name, Unit.NUMBER) for name in names)


def _unit(field: attrs.Attribute[object]) -> Unit:
    """A record field's declared unit (``metadata={UNIT: …}``); a plain number without one."""
    unit = field.metadata.get(UNIT, Unit.NUMBER)
    return unit if isinstance(unit, Unit) else Unit.NUMBER


def _cell(value: object, unit: Unit) -> str:
    """A field's value inside a row: a nested record by its first field (its code)."""
    if isinstance(value, tuple) and hasattr(value, "_fields") and hasattr(value, "explain"):
        # a rule's decision record (a row's benefit): by its value, in its unit
        decided: Explained[object] = value.explain()
        return format_value(decided.value, decided.unit)
    if _is_record(value):
        name, first_unit = _fields(value)[0]
        return _cell(getattr(value, name), first_unit)
    if isinstance(value, tuple | list | frozenset) and not all(
        isinstance(v, Citation) for v in value
    ):
        return ", ".join(_cell(v, unit) for v in value)
    if isinstance(value, tuple | list | frozenset):
        return cite(value)
    return format_value(value, unit)


def _record_line(value: object) -> str:
    """A record on one line: its fields ``name = value``, empty ones left out."""
    parts = []
    for name, unit in _fields(value):
        text = _cell(getattr(value, name), unit)
        if text:
            parts.append(f"{name} = {text}")
    return ", ".join(parts)


def _table_field(value: object) -> str | None:
    """The first field of a record that holds a non-empty tuple of records (its rows)."""
    for name, _unit_of_field in _fields(value):
        rows = getattr(value, name)
        if isinstance(rows, tuple) and rows and all(_is_record(v) for v in rows):
            return name
    return None


def _value_lines(label: str, value: object, unit: Unit) -> list[str]:
    """The result part of [`Explained.text`][reintegratie_core.Explained.text]: one line, or a line per row of a table."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        # the rows of a table a shell has written out already
        return [f"{label}:", *(f"  · {v}" for v in value)]
    rows_only = not _is_record(value)  # a tuple of rows, not a record (a NamedTuple) itself
    if rows_only and isinstance(value, tuple | list) and value and all(map(_is_record, value)):
        return [f"{label}:", *(f"  · {_record_line(row)}" for row in value)]
    if _is_record(value):
        table = _table_field(value)
        if table is None:
            return [f"{label} = {_record_line(value)}"]
        head = ", ".join(
            f"{name} = {_cell(getattr(value, name), field_unit)}"
            for name, field_unit in _fields(value)
            if name != table and _cell(getattr(value, name), field_unit)
        )
        rows = getattr(value, table)
        return [f"{label} = {head}", f"{table}:", *(f"  · {_record_line(r)}" for r in rows)]
    return [f"{label} = {format_value(value, unit)}"]


@attrs.frozen(kw_only=True)
class Ground:
    """One applied rule: what it says, where it comes from, and the values it used.

    ``rule_id`` names the public core function that applied the rule (for example
    ``"reintegration_budget"``); the documentation's traceability matrix reads it.
    """

    rule: str
    citation: Citation
    parameters: tuple[tuple[str, ParameterValue], ...] = ()
    rule_id: str = attrs.field(default="", eq=False)

    def __str__(self) -> str:
        text = f"{self.rule} ({self.citation})"
        if self.parameters:
            text += f" [{_parameter_text(self.parameters)}]"
        return text


def _parameter_text(parameters: Iterable[tuple[str, ParameterValue]]) -> str:
    """``name = value`` for each parameter: a number with a unit is a
    [`Quantity`][reintegratie_core.Quantity], any other number is plain."""
    return ", ".join(f"{k} = {format_value(v)}" for k, v in parameters)


@attrs.frozen
class Explained(Generic[T]):
    """A result with its grounds, in the order they were applied.

    ``unit`` is what the result counts when it is a number (``Unit.EURO`` for an amount,
    ``Unit.WEEKS`` for remaining weeks); the explanation writes the result in it.
    """

    value: T
    grounds: tuple[Ground, ...] = ()
    unit: Unit = Unit.NUMBER

    def map(self, value: U) -> Explained[U]:
        """The same grounds and unit with another value (e.g. a formatted one)."""
        return Explained(value, self.grounds, self.unit)

    def explain(self) -> Explained[T]:
        """Itself: an [`Explained`][reintegratie_core.Explained] value is a decision whose grounds are built."""
        return self

    def with_grounds(self, grounds: Iterable[Ground]) -> Explained[T]:
        """Append ``grounds`` to this value's grounds."""
        check_iterable("grounds", grounds, Ground)
        added = tuple(grounds)
        if not all(type(ground) is Ground for ground in added):
            raise items_error("grounds", added, Ground)
        return Explained(self.value, (*self.grounds, *added), self.unit)

    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation of the grounds, in order."""
        seen: dict[Citation, None] = {}
        for ground in self.grounds:
            seen.setdefault(ground.citation, None)
        return tuple(seen)

    def text(self, label: str = "uitkomst") -> str:
        """A Dutch, multi-line explanation: the result, then each rule with its articles.

        A result that is a table (a tuple of records, or a record holding one, such as a
        cascade) gets a line per row.
        """
        return explanation_text(label, self.value, self.grounds, self.unit)


def explanation_text(
    label: str, value: object, grounds: Iterable[Ground], unit: Unit = Unit.NUMBER
) -> str:
    """The explanation every shell shows: ``label = value``, then ``- rule (articles)``.

    ``unit`` is how a number result reads ([`Explained.unit`][reintegratie_core.Explained]).
    """
    check_text("label", label)
    if type(unit) is not Unit:
        raise member_error("unit", unit, Unit)
    lines = _value_lines(label, value, unit)
    lines.extend(f"- {line}" for line in render_grounds(grounds))
    return "\n".join(lines)


class Decision(Protocol[T]):
    """What a rule decided: its ``value``, and its grounds rendered on demand.

    A rule decides once and returns a small immutable record of what applied; the value is
    read from it, and `explain` renders the grounds from the same record only when an
    explanation is asked for (``RI_UITLEG``, ``--uitleg``, the docs). [`Explained`][reintegratie_core.Explained]
    is the decision whose grounds are already built.
    """

    @property
    def value(self) -> T:
        """The result."""
        ...

    def explain(self) -> Explained[T]:
        """The result with its grounds."""
        ...


class DecisionRecord(Generic[T]):
    """The shared half of a rule's decision record: what is read from its `explain`.

    A record is a small ``NamedTuple`` of what the rule decided (building it costs one
    allocation: a lifted Excel call decides once per row) joined with this class, which
    holds no fields of its own: ``class X(_X, DecisionRecord[V])``, where the private
    ``_X`` holds the fields and ``X`` renders the grounds from them in `explain`. The rest
    — the grounds, their citations, the text, the [`Explained`][reintegratie_core.Explained]
    value — is read from `explain` here, once for every record.
    """

    __slots__ = ()

    def explain(self) -> Explained[T]:
        """The result with its grounds, rendered from the record (each record defines it)."""
        raise NotImplementedError

    @property
    def explained(self) -> Explained[T]:
        """The result with its grounds (`explain`)."""
        return self.explain()

    @property
    def grounds(self) -> tuple[Ground, ...]:
        """The grounds `explain` renders."""
        return self.explain().grounds

    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation of the grounds, in order."""
        return self.explain().citations()

    def text(self, label: str = "uitkomst") -> str:
        """The explanation as text (see [`Explained.text`][reintegratie_core.Explained.text])."""
        return self.explain().text(label)


def render_grounds(grounds: Iterable[Ground]) -> list[str]:
    """One line per rule: grounds with the same rule and values share a line of citations."""
    check_iterable("grounds", grounds, Ground)
    merged: dict[tuple[str, tuple[tuple[str, ParameterValue], ...]], list[Citation]] = {}
    for ground in grounds:
        if type(ground) is not Ground:
            raise instance_error("grounds", ground, Ground)
        citations = merged.setdefault((ground.rule, ground.parameters), [])
        if ground.citation not in citations:
            citations.append(ground.citation)
    lines = []
    for (rule, parameters), citations in merged.items():
        text = f"{rule} ({cite(citations)})"
        if parameters:
            text += f" [{_parameter_text(parameters)}]"
        lines.append(text)
    return lines


def combine(grounds: Iterable[Explained[object]]) -> tuple[Ground, ...]:
    """The grounds of several explained values, without repeats, in order."""
    check_iterable("grounds", grounds, Explained)
    seen: dict[Ground, None] = {}
    for explained in grounds:
        if not isinstance(explained, Explained):
            raise instance_error("grounds", explained, Explained)
        for ground in explained.grounds:
            seen.setdefault(ground, None)
    return tuple(seen)


_P = ParamSpec("_P")
_V = TypeVar("_V")


def ruled(
    rule_id: str,
) -> Callable[[Callable[_P, Explained[_V]]], Callable[_P, Explained[_V]]]:
    """Decorate a decision record's ``explain``: every ground it renders without a
    ``rule_id`` names ``rule_id``, the public function whose decision it explains (grounds of
    the rules it relied on keep their own). The traceability matrix reads it.
    """
    check_text("rule_id", rule_id)

    def decorate(render: Callable[_P, Explained[_V]]) -> Callable[_P, Explained[_V]]:
        @functools.wraps(render)
        def explain(*args: _P.args, **kwargs: _P.kwargs) -> Explained[_V]:
            explained = render(*args, **kwargs)
            if all(g.rule_id for g in explained.grounds):
                return explained
            grounds = tuple(
                g if g.rule_id else attrs.evolve(g, rule_id=rule_id) for g in explained.grounds
            )
            return Explained(explained.value, grounds, explained.unit)

        return explain

    return decorate


__all__ = [
    "DECISION_TITLE",
    "SEEDS",
    "SEED_LABELS",
    "STATUTE_TITLES",
    "UNIT",
    "Citation",
    "Decision",
    "DecisionRecord",
    "Explained",
    "Ground",
    "ParameterValue",
    "Quantity",
    "SourceKind",
    "Unit",
    "cite",
    "combine",
    "explanation_text",
    "format_date",
    "format_number",
    "format_value",
    "render_grounds",
    "ruled",
]
