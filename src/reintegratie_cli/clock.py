"""The shell's only clock: the core never reads it; ``--peildatum`` defaults to this."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

#: Dutch civil time decides which day "today" is.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def today() -> date:
    """Today's date in the Netherlands."""
    return datetime.now(tz=AMSTERDAM).date()
