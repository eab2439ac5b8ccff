"""Hypothesis strategies for event logs (spec/domain.md §5): valid per product by construction."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from reintegratie_core import (
    Event,
    EventKind,
    Scope,
    product_rules,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product


def _p(product: Product | str) -> Product:
    """The built-in product of a code (the core takes a Product, the tests name codes)."""
    return product if isinstance(product, Product) else builtin_product(product)


#: The event table of each built-in product, by code (each Product holds its own).
PRODUCT_RULES = {p.code: p.events for p in BUILTIN_PRODUCTS if p.events is not None}


#: A few employees, so that logs name the same employee more than once.
EMPLOYEES = ("Jan", "Piet", "Els")

#: Event dates fall in a short window, so that several events share a date.
START = date(2025, 1, 1)
WINDOW_DAYS = 90

products = st.sampled_from(sorted(PRODUCT_RULES))
event_dates = st.integers(0, WINDOW_DAYS).map(lambda n: START + timedelta(days=n))


def employee_for(
    product: str, kind: EventKind, employees: tuple[str, ...] = EMPLOYEES
) -> st.SearchStrategy[str | None]:
    """The employee an event of ``kind`` may name under ``product``'s scope rule."""
    scope = product_rules(_p(product)).rule(kind).scope
    named: st.SearchStrategy[str | None] = st.sampled_from(employees)
    if scope is Scope.POLICY:
        return st.none()
    if scope is Scope.EMPLOYEE:
        return named
    return st.one_of(st.none(), named)


@st.composite
def events_for(
    draw: st.DrawFn,
    product: str,
    *,
    kinds: tuple[EventKind, ...] | None = None,
    employees: tuple[str, ...] = EMPLOYEES,
    day: st.SearchStrategy[date] = event_dates,
) -> Event:
    """One event valid for ``product``: a kind its conditions know, with the right scope."""
    kind = draw(st.sampled_from(kinds or product_rules(_p(product)).kinds))
    return Event(date=draw(day), kind=kind, employee=draw(employee_for(product, kind, employees)))


def event_logs(product: str, *, max_size: int = 14) -> st.SearchStrategy[list[Event]]:
    """Event logs for ``product``, in any row order."""
    return st.lists(events_for(product), max_size=max_size)


@st.composite
def product_logs(draw: st.DrawFn, *, max_size: int = 14) -> tuple[str, list[Event]]:
    """A product and an event log valid for it (dependent values drawn together)."""
    product = draw(products)
    return product, draw(event_logs(product, max_size=max_size))


scopes: st.SearchStrategy[str | None] = st.one_of(st.none(), st.sampled_from(EMPLOYEES))
