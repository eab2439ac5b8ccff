"""Arguments more than one topic module declares: the product and the sickness.

The topic modules (``udfs_*``) are independent of each other (an import-linter contract);
what several of them take lives here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import attrs

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param
from reintegratie_core import (
    Absence,
    Event,
    EventKind,
    ReintegratieError,
    SicknessCase,
    UnknownCodeError,
    check_event,
    product_rules,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product


def to_product(value: Any, argument: str) -> Product:
    """A built-in product from its code (any case, spaces/-/_ equivalent, aliases)."""
    known = ", ".join(p.code for p in BUILTIN_PRODUCTS)
    if isinstance(value, Product):
        return value
    text = c.to_text(value, argument, "", f"bekend: {known}")
    if not text:
        raise c.ArgumentError(argument, f"ontbreekt (bekend: {known})")
    try:
        return builtin_product(text)
    except UnknownCodeError:
        raise c.ArgumentError(
            argument, f"onbekend product {c.describe(value)} (bekend: {known})"
        ) from None


def one_sick_period_each(first_days: list[date]) -> list[tuple[Absence, ...]]:
    """A column of first sick days as periods: one ongoing sick period per row (what
    [`to_absences`][reintegratie_addin.coerce.to_absences] makes of one date)."""
    return list(zip(Absence.sick_many(first_days)))


ZIEKTE = Param(
    name="ziekte",
    core=("absences", "case"),
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
    coerce=c.to_sickness,
    column=c.sickness_column,
    dates=True,
    of_dates=SicknessCase.ongoing_many,
)
#: A loonsanctie's weeks (BW 7:629 lid 11): they extend einde_loondoorbetaling and what
#: is computed from it (RI_MIJLPAAL, RI_SIGNAAL, RI_RESTERENDE_WEKEN, RI_RESTERENDE_LOONKOSTEN).
SANCTIEWEKEN = Param(
    name="sanctieweken",
    core="sanction_weeks",
    doc="Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)",
    coerce=c.to_sanction_weeks,
    optional=True,
)
ZIEKTE_TABEL = Param(
    name="ziekte",
    core=("absences", "case"),
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
    coerce=c.to_sickness,
    lift=False,
)


# --- Event logs (RI_STATUS, RI_STATUS_TABEL, RI_LOONSANCTIE_VOORWAARDEN) -----------------

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


def range_rows(
    rows: list[list[Any]], is_header: Callable[[list[Any]], bool]
) -> Iterator[tuple[int, list[Any]]]:
    """The rows of a range argument, numbered from 1, without its first non-empty row when
    ``is_header`` says that row is a header."""
    header_checked = False
    for number, row in enumerate(rows, 1):
        if not header_checked and not all(c.is_empty(cell) for cell in row):
            header_checked = True
            if is_header(row):
                continue
        yield number, row


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
    for number, row in range_rows(rows, _is_header):
        event = _event_row(row, number, argument)
        if event is not None:
            events.append((number, event))
    return EventRows(tuple(events))


def checked_events(product: Product, gebeurtenissen: EventRows) -> tuple[Event, ...]:
    """The events, each checked against the product's table; a bad one by its row number."""
    rules = product_rules(product)
    for number, event in gebeurtenissen.rows:
        try:
            check_event(rules, event)
        except ReintegratieError as exc:
            raise c.ArgumentError("gebeurtenissen", f"rij {number}: {c.core_reason(exc)}") from None
    return gebeurtenissen.events
