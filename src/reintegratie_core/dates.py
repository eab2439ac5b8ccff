"""Dates: half-open periods, month steps from an anchor, Dutch working days.

Conventions (domein §1):

* Inside the core a period is half-open, ``[start, end)``; at the edges (Excel, CSV,
  text) an end date is the *last* day, inclusive ("t/m"). `Period.from_inclusive`
  and `Period.last` translate.
* ``date + n months`` is ``relativedelta(months=n)`` from the anchor, clamped to month end
  (31 Jan + 1 month = 28/29 Feb). Month steps are never chained: the *k*-th date of a
  series is ``anchor + k·n months``.
* Working days (Algemene termijnenwet art. 3): Monday–Friday minus the holidays of the
  Atw, taken from ``holidays.NL(categories=("public", "optional"))``: Nieuwjaarsdag, Goede
  Vrijdag, 2e Paas- en Pinksterdag, Hemelvaartsdag, Koningsdag, 5 mei (every year), 1e en 2e
  Kerstdag. Easter and Whit Sunday fall on Sundays and so are not working days anyway.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

import attrs
import holidays
from dateutil.relativedelta import relativedelta

from reintegratie_core.errors import InvalidPeriodError, InvalidValueError

ONE_DAY = timedelta(days=1)


@attrs.frozen
class Period:
    """A half-open period ``[start, end)``; ``end is None`` means still running."""

    start: date
    end: date | None = attrs.field(default=None)

    @end.validator
    def _check_end(self, _attribute: object, end: date | None) -> None:
        if end is not None and end <= self.start:
            msg = (
                f"periode {self.start.isoformat()} t/m {(end - ONE_DAY).isoformat()}: "
                "de laatste dag ligt vóór de eerste dag"
            )
            raise InvalidPeriodError(msg)

    @classmethod
    def from_inclusive(cls, first: date, last: date | None = None) -> Period:
        """A period from its first day to its last day inclusive (``None``: ongoing)."""
        if last is not None and last < first:
            msg = (
                f"periode {first.isoformat()} t/m {last.isoformat()}: "
                "de laatste dag ligt vóór de eerste dag"
            )
            raise InvalidPeriodError(msg)
        return cls(first, None if last is None else last + ONE_DAY)

    @property
    def last(self) -> date | None:
        """The last day, inclusive; ``None`` while the period runs."""
        return None if self.end is None else self.end - ONE_DAY

    @property
    def is_open(self) -> bool:
        """True while the period has no end."""
        return self.end is None

    def contains(self, day: date) -> bool:
        """True when ``day`` lies in ``[start, end)``."""
        return self.start <= day and (self.end is None or day < self.end)

    def days(self, until: date | None = None) -> int:
        """Number of days in the period; an open period counts up to ``until`` inclusive."""
        end = self.end
        if end is None:
            if until is None:
                msg = "een lopende periode heeft geen vast aantal dagen zonder peildatum"
                raise InvalidValueError(msg)
            end = until + ONE_DAY
        elif until is not None:
            end = min(end, until + ONE_DAY)
        return max(0, (end - self.start).days)

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share at least one day."""
        self_end = self.end or date.max
        other_end = other.end or date.max
        return self.start < other_end and other.start < self_end

    def __str__(self) -> str:
        last = self.last
        return f"{self.start.isoformat()} t/m {last.isoformat() if last else 'lopend'}"


def add_months(anchor: date, months: int) -> date:
    """``anchor + months`` calendar months, clamped to the month's end (``relativedelta``).

    Defined as: anchor + relativedelta(months=months)
    """
    try:
        result: date = anchor + relativedelta(months=months)
    except (OverflowError, ValueError):
        msg = f"{anchor.isoformat()} + {months} maanden valt buiten het datumbereik"
        raise InvalidValueError(msg) from None
    return result


@functools.lru_cache(maxsize=8)
def _holidays(first_year: int, last_year: int) -> frozenset[date]:
    calendar = holidays.country_holidays(
        "NL", years=range(first_year, last_year + 1), categories=("public", "optional")
    )
    return frozenset(calendar.keys())


@functools.lru_cache(maxsize=256)
def atw_holidays(year: int) -> frozenset[date]:
    """The Algemene termijnenwet art. 3 holidays of ``year`` (``holidays.NL``)."""
    return frozenset(d for d in _holidays(year, year) if d.year == year)


def is_working_day(day: date) -> bool:
    """True for Monday–Friday that is not an Atw holiday (Algemene termijnenwet art. 3)."""
    return day.weekday() < 5 and day not in atw_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """``start`` plus ``days`` Dutch working days; negative ``days`` count back.

    Defined as: the |days|-th working day after (or before) ``start``, not counting
    ``start`` itself; ``days == 0`` returns ``start`` unchanged (Atw art. 3 calendar).
    """
    step = ONE_DAY if days >= 0 else -ONE_DAY
    remaining = abs(days)
    current = start
    try:
        while remaining:
            current += step
            if is_working_day(current):
                remaining -= 1
    except OverflowError:
        msg = f"{start.isoformat()} + {days} werkdagen valt buiten het datumbereik"
        raise InvalidValueError(msg) from None
    return current
