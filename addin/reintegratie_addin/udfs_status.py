"""Excel functions for entitlements from an event log: ``RI_STATUS`` and ``RI_STATUS_TABEL``.

the Excel contract "Entitlements and deadlines"; the rules are
`reintegratie_core.entitlements` (domein §5). ``gebeurtenissen`` is a
range of rows ``datum · gebeurtenis · [werknemer]`` (empty werknemer = the whole policy);
empty rows are skipped, a first row ``datum · gebeurtenis`` is read as a header, and a bad
row is reported by its row number within the range: ``#WAARDE! gebeurtenissen: rij 3: …``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param, Table, excel_function
from reintegratie_addin.udfs_producten import to_product as to_builtin_product
from reintegratie_core.entitlements import (
    ENTITLEMENT_ALIASES,
    PRODUCT_RULES,
    Entitlement,
    EntitlementState,
    EntitlementStatus,
    Event,
    EventKind,
    NotInProductError,
    check_event,
    entitlement_state,
    entitlement_statuses,
    product_rules,
)
from reintegratie_core.errors import ReintegratieError
from reintegratie_core.explain import Explained, cite

CAT_AANSPRAKEN = "Re-integratie – Aanspraken"

EVENTS_HINT = (
    "verwacht een bereik met per rij datum · gebeurtenis · optioneel werknemer (leeg = hele polis)"
)


@attrs.frozen
class EventRows:
    """The events of a ``gebeurtenissen`` range, each with its row number in the range."""

    rows: tuple[tuple[int, Event], ...] = ()

    @property
    def events(self) -> tuple[Event, ...]:
        """The events in the order of the rows."""
        return tuple(event for _number, event in self.rows)


def to_product(value: Any, argument: str) -> str:
    """A built-in product code, read as every ``RI_`` function reads a product."""
    return to_builtin_product(value, argument).code


def to_entitlement(value: Any, argument: str) -> Entitlement:
    """``dienstverlening``, ``vergoeding`` or ``poortwachtergarantie`` (alias ``garantie``)."""
    return c.to_code(value, argument, Entitlement, ENTITLEMENT_ALIASES)


def _is_header(cells: list[Any]) -> bool:
    names = [c.normalize_code(v) if isinstance(v, str) else None for v in cells[:2]]
    return names == ["datum", "gebeurtenis"]


def _event_row(row: list[Any], number: int, argument: str) -> Event | None:
    cells = list(row) + [None] * (3 - len(row))
    if all(c.is_empty(cell) for cell in cells):
        return None
    if any(not c.is_empty(cell) for cell in cells[3:]):
        raise c.ArgumentError(argument, f"rij {number}: meer dan drie kolommen ({EVENTS_HINT})")
    try:
        day = c.to_date(cells[0], "datum")
        kind = c.to_code(cells[1], "gebeurtenis", EventKind)
        employee = c.to_text(cells[2], "werknemer", "")
    except c.ArgumentError as exc:
        raise c.ArgumentError(argument, f"rij {number}: {exc}") from None
    if day is None:
        raise c.ArgumentError(argument, f"rij {number}: de datum ontbreekt ({EVENTS_HINT})")
    return Event(date=day, kind=kind, employee=employee or None)


def to_events(raw: Any, argument: str) -> EventRows:
    """The events of a range of rows ``datum · gebeurtenis · [werknemer]``; empty = none.

    A 1-D list is one column (as every range argument reads it); a single value is a
    one-cell range.
    """
    if isinstance(raw, EventRows):
        return raw
    if c.is_empty(raw):
        return EventRows()
    if not isinstance(raw, list):
        rows: list[list[Any]] = [[raw]]
    elif all(isinstance(row, list) for row in raw):
        rows = raw
    elif any(isinstance(row, list) for row in raw):
        raise c.ArgumentError(argument, f"geen rechthoekig bereik ({EVENTS_HINT})")
    else:
        rows = [[cell] for cell in raw]
    events: list[tuple[int, Event]] = []
    header_checked = False
    for number, row in enumerate(rows, 1):
        if not header_checked and not all(c.is_empty(cell) for cell in row):
            header_checked = True
            if _is_header(row):
                continue
        event = _event_row(row, number, argument)
        if event is not None:
            events.append((number, event))
    return EventRows(tuple(events))


def _checked_events(product: str, gebeurtenissen: EventRows) -> tuple[Event, ...]:
    """The events, each checked against the product's table; a bad one by its row number."""
    rules = product_rules(product)
    for number, event in gebeurtenissen.rows:
        try:
            check_event(rules, event)
        except ReintegratieError as exc:
            raise c.ArgumentError("gebeurtenissen", f"rij {number}: {exc}") from None
    return gebeurtenissen.events


PRODUCT = Param(
    name="product",
    doc="Productcode: " + ", ".join(PRODUCT_RULES),
    coerce=to_product,
)
GEBEURTENISSEN = Param(
    name="gebeurtenissen",
    doc="Bereik met per rij: datum · gebeurtenis · werknemer (leeg = hele polis); "
    "gebeurtenissen: " + ", ".join(k.value for k in EventKind),
    coerce=to_events,
    lift=False,
)
PEILDATUM = Param(
    name="peildatum",
    doc="Datum waarop u de status wilt weten (gebeurtenissen op die datum tellen mee)",
    coerce=c.required_date,
)
WERKNEMER = Param(
    name="werknemer",
    doc="Werknemer (leeg = de status op polisniveau)",
    coerce=c.optional(c.to_text),
    optional=True,
)


@excel_function(
    category=CAT_AANSPRAKEN,
    params=[
        PRODUCT,
        Param(
            name="aanspraak",
            doc="Aanspraak: dienstverlening, vergoeding of poortwachtergarantie",
            coerce=to_entitlement,
        ),
        GEBEURTENISSEN,
        PEILDATUM,
        WERKNEMER,
    ],
)
def RI_STATUS(
    product: str,
    aanspraak: Entitlement,
    gebeurtenissen: EventRows,
    peildatum: date,
    werknemer: str | None,
) -> Explained[EntitlementState]:
    """Status van een aanspraak op de peildatum: actief, geschorst, vervallen of beeindigd."""
    events = _checked_events(product, gebeurtenissen)
    try:
        product_rules(product).grant(aanspraak)
    except NotInProductError as exc:
        raise c.ArgumentError("aanspraak", str(exc)) from None
    return entitlement_state(product, aanspraak, events, peildatum, werknemer)


def grond_text(status: EntitlementStatus) -> str:
    """The ``grond`` cell: each deciding event with its articles, or the granting articles."""
    if not status.decided_by:
        cited = cite(status.explained.citations())
        return f"geen gebeurtenis t/m de peildatum ({cited})"
    parts = []
    for decision in status.decided_by:
        cited = cite(decision.rule.citations)
        parts.append(f"{decision.event.describe()} ({cited})")
    return "; ".join(parts)


@excel_function(
    category=CAT_AANSPRAKEN,
    params=[PRODUCT, GEBEURTENISSEN, PEILDATUM, WERKNEMER],
    returns_table=True,
)
def RI_STATUS_TABEL(
    product: str,
    gebeurtenissen: EventRows,
    peildatum: date,
    werknemer: str | None,
) -> Explained[Table]:
    """Tabel aanspraak · status · sinds · grond van alle aanspraken van het product op de peildatum."""
    events = _checked_events(product, gebeurtenissen)
    explained = entitlement_statuses(product, events, peildatum, werknemer)
    rows = tuple(
        (s.entitlement.value, s.state.value, s.since, grond_text(s)) for s in explained.value
    )
    return explained.map(Table(("aanspraak", "status", "sinds", "grond"), rows))
