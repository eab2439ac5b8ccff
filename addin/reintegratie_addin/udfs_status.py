"""Excel functions for entitlements from an event log: ``RI_STATUS`` and ``RI_STATUS_TABEL``.

the Excel contract "Entitlements and deadlines"; the rules are
`reintegratie_core._entitlements` (domein §5). ``gebeurtenissen`` is a
range of rows ``datum · gebeurtenis · [werknemer]`` (empty werknemer = the whole policy);
empty rows are skipped, a first row ``datum · gebeurtenis`` is read as a header, and a bad
row is reported by its row number within the range: ``#WAARDE! gebeurtenissen: rij 3: …``.
"""

from __future__ import annotations

import operator
from datetime import date
from typing import Any

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param, Table, excel_function
from reintegratie_addin.params import EventRows, checked_events, to_events
from reintegratie_addin.params import to_product as to_builtin_product
from reintegratie_core import (
    ENTITLEMENT_ALIASES,
    Entitlement,
    EntitlementState,
    EntitlementStatus,
    EventKind,
    Explained,
    NotInProductError,
    ReintegratieError,
    cite,
    entitlement_status,
    entitlement_statuses,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, Product

CAT_AANSPRAKEN = "Re-integratie – Aanspraken"


def to_product(value: Any, argument: str) -> Product:
    """A built-in product, read as every ``RI_`` function reads a product."""
    return to_builtin_product(value, argument)


def to_entitlement(value: Any, argument: str) -> Entitlement:
    """``dienstverlening``, ``vergoeding`` or ``poortwachtergarantie`` (alias ``garantie``)."""
    return c.to_code(value, argument, Entitlement, ENTITLEMENT_ALIASES)


PRODUCT = Param(
    name="product",
    doc="Productcode: " + ", ".join(p.code for p in BUILTIN_PRODUCTS if p.events is not None),
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
    core="at",
    doc="Datum waarop u de status wilt weten (gebeurtenissen op die datum tellen mee)",
    coerce=c.required_date,
    dates=True,
)
WERKNEMER = Param(
    name="werknemer",
    core="employee",
    doc="Werknemer (leeg = de status op polisniveau)",
    coerce=c.optional(c.to_text),
    optional=True,
)


#: A state as Excel shows it: its code (``actief`` …), as `to_excel` shows an enum; a
#: lifted column formats each row by one lookup.
_STATE_CODES: dict[EntitlementState, str] = {s: s.value for s in EntitlementState}


@excel_function(
    category=CAT_AANSPRAKEN,
    format=_STATE_CODES.__getitem__,
    params=[
        PRODUCT,
        Param(
            name="aanspraak",
            core="entitlement",
            doc="Aanspraak: dienstverlening, vergoeding of poortwachtergarantie",
            coerce=to_entitlement,
        ),
        GEBEURTENISSEN,
        PEILDATUM,
        WERKNEMER,
    ],
)
def RI_STATUS(
    product: Product,
    aanspraak: Entitlement,
    gebeurtenissen: EventRows,
    peildatum: date,
    werknemer: str | None,
) -> EntitlementStatus:
    """Status van een aanspraak op de peildatum: actief, geschorst, vervallen of beeindigd."""
    try:
        # the core checks every event against the product (and the grant) as it folds
        return entitlement_status(
            product, aanspraak, map(_EVENT, gebeurtenissen.rows), peildatum, werknemer
        )
    except ReintegratieError as exc:
        checked_events(product, gebeurtenissen)  # a bad event first, by its row number
        if isinstance(exc, NotInProductError) and exc.kind == "aanspraak":
            raise c.ArgumentError("aanspraak", c.core_reason(exc)) from None
        raise


#: The event of a ``(row number, event)`` pair of `EventRows`.
_EVENT = operator.itemgetter(1)


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
    product: Product,
    gebeurtenissen: EventRows,
    peildatum: date,
    werknemer: str | None,
) -> Explained[Table]:
    """Tabel aanspraak · status · sinds · grond van alle aanspraken van het product op de peildatum."""
    events = checked_events(product, gebeurtenissen)
    explained = entitlement_statuses(product, events, peildatum, werknemer)
    rows = tuple(
        (s.entitlement.value, s.state.value, s.since, grond_text(s)) for s in explained.value
    )
    return explained.map(Table(("aanspraak", "status", "sinds", "grond"), rows))
