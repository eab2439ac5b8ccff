"""The shell's only clock: the core never reads it; ``--peildatum`` defaults to this."""

from __future__ import annotations

from datetime import date, datetime

#: Dutch civil time decides which day "today" is.
AMSTERDAM = "Europe/Amsterdam"


def today() -> date:
    """Today's date in the Netherlands (the time zone is loaded here, when asked: a run
    with ``--peildatum`` does without it)."""
    from zoneinfo import ZoneInfo

    return datetime.now(tz=ZoneInfo(AMSTERDAM)).date()
