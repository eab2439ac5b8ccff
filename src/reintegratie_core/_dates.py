"""Dates: half-open periods, month steps from an anchor, Dutch working days.

Conventions (domein §1):

* Inside the core a period is half-open, ``[start, end)``; at the edges (Excel, CSV,
  text) an end date is the *last* day, inclusive ("t/m"). `Period.from_inclusive`
  and `Period.last` translate.
* ``date + n months`` is ``relativedelta(months=n)`` from the anchor, clamped to month end
  (31 Jan + 1 month = 28/29 Feb). Month steps are never chained: the *k*-th date of a
  series is ``anchor + k·n months``.
* Working days (Algemene termijnenwet art. 3): Monday–Friday minus the feestdagen of the
  Atw (Nieuwjaarsdag, Goede Vrijdag, 2e Paas- en Pinksterdag, Hemelvaartsdag, Koningsdag,
  5 mei, 1e en 2e Kerstdag) and the days a Koninklijk Besluit declares equal to them
  (art. 3 lid 3, domain §8.1); `reintegratie_core._atw` holds the calendar and counts
  arithmetically. ``is_working_day`` and ``add_working_days`` are re-exported from there.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs

from reintegratie_core._atw import add_working_days, feestdagen, is_working_day
from reintegratie_core._checks import count_error, date_error
from reintegratie_core._errors import InvalidPeriodError, InvalidValueError, argument_error
from reintegratie_core._explain import OUTSIDE_CALENDAR, format_date

ONE_DAY = timedelta(days=1)


@attrs.frozen
class Period:
    """A half-open period ``[start, end)``; ``end is None`` means still running."""

    start: date = attrs.field()
    end: date | None = attrs.field(default=None)

    @start.validator
    def _check_start(self, _attribute: object, start: date) -> None:
        if type(start) is not date:
            raise date_error("start", start)

    @end.validator
    def _check_end(self, _attribute: object, end: date | None) -> None:
        if end is None:
            return
        if type(end) is not date:
            raise date_error("end", end)
        if end <= self.start:
            # the last day is the one before ``end``; before 0001-01-01 there is none
            last = f"t/m {format_date(end - ONE_DAY)}" if end > date.min else "tot 01-01-0001"
            reason = (
                f"periode {format_date(self.start)} {last}: de laatste dag ligt vóór de eerste dag"
            )
            raise argument_error(InvalidPeriodError, "end", reason)

    @classmethod
    def from_inclusive(cls, first: date, last: date | None = None) -> Period:
        """A period from its first day to its last day inclusive (``None``: ongoing).

        ``first`` and ``last`` are ``datetime.date`` values; anything else (text, a
        ``datetime``) is a ``TypeError`` naming the argument.
        """
        if type(first) is not date:
            raise date_error("first", first)
        if last is not None:
            if type(last) is not date:
                raise date_error("last", last)
            if last < first:
                reason = (
                    f"periode {format_date(first)} t/m {format_date(last)}: "
                    "de laatste dag ligt vóór de eerste dag"
                )
                raise argument_error(InvalidPeriodError, "last", reason)
            if last == date.max:
                reason = (
                    f"periode {format_date(first)} t/m {format_date(last)}: de laatste dag "
                    "valt buiten het datumbereik (verwacht uiterlijk 30-12-9999)"
                )
                raise argument_error(InvalidPeriodError, "last", reason)
        # Checked above (the end lies after the first day): built without the validator.
        period: Period = _new(cls)
        _SET_START(period, first)
        _SET_END(period, None if last is None else last + ONE_DAY)
        return period

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
        """Number of days in the period; an open period counts up to ``until`` inclusive.

        Counted as ``until − start + 1`` rather than to the day after ``until``, so that
        ``until = date.max`` (9999-12-31) counts its days instead of overflowing.
        """
        end = self.end
        if end is None:
            if until is None:
                msg = "een lopende periode heeft geen vast aantal dagen zonder peildatum"
                raise InvalidValueError(msg)
        elif until is None or until >= end:
            return (end - self.start).days
        days = (until - self.start).days + 1
        return days if days > 0 else 0  # noqa: FURB136 - max(0, …) without the builtin, per row

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share at least one day (an open end lies after every
        date, including ``date.max``)."""
        return (other.end is None or self.start < other.end) and (
            self.end is None or other.start < self.end
        )

    def __str__(self) -> str:
        """The period as a user reads it, ``06-01-2025 t/m 31-03-2025`` or ``… t/m lopend``
        (Dutch dates by `format_date`, as in every message; ``repr`` keeps the fields)."""
        last = self.last
        return f"{format_date(self.start)} t/m {format_date(last) if last else 'lopend'}"


_new = object.__new__
#: The slots' setters: they write a frozen instance's fields once, as attrs' __init__ does.
_SET_START = vars(Period)["start"].__set__
_SET_END = vars(Period)["end"].__set__


def add_months(anchor: date, months: int) -> date:
    """``anchor + months`` calendar months, clamped to the month's end (``relativedelta``).

    Defined as: anchor + relativedelta(months=months) — computed directly (it is called
    for every contract date of a lifted column): the same month, ``months`` later, on the
    same day or, when that month is shorter, on its last day.
    """
    if type(anchor) is not date:
        raise date_error("anchor", anchor)
    if type(months) is not int:
        raise count_error("months", months)
    return _add_months(anchor, months)


def _add_months(anchor: date, months: int) -> date:
    """The arithmetic of [`add_months`][reintegratie_core.add_months], its arguments checked by the caller."""
    # Runs once per lifted Excel row: each date attribute read costs, so each is read once,
    # and the year is carried only when the month leaves 1…12.
    month = anchor.month + months
    year = anchor.year
    if not 0 < month < 13:
        index = year * 12 + month - 1  # months since January of year 0
        year = index // 12
        if not 0 < year < 10000:  # the range of ``date``
            msg = f"{format_date(anchor)} + {months} maanden {OUTSIDE_CALENDAR}"
            raise InvalidValueError(msg)
        month = index - 12 * year + 1
    day = anchor.day
    if day > 28:  # every month has 28 days
        day = min(day, _month_days(year, month))
    return date(year, month, day)


def _month_days(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in {4, 6, 9, 11} else 31


def add_days(anchor: date, days: int) -> date:
    """``anchor + days`` calendar days; past 9999-12-31 (or before year 1) an
    [`InvalidValueError`][reintegratie_core.InvalidValueError] that says so, never Python's ``OverflowError``.

    Defined as: anchor + timedelta(days=days)
    """
    if type(anchor) is not date:
        raise date_error("anchor", anchor)
    if type(days) is not int:
        raise count_error("days", days)
    try:
        return anchor + timedelta(days=days)
    except OverflowError:
        msg = f"{format_date(anchor)} + {days} dagen {OUTSIDE_CALENDAR}"
        raise InvalidValueError(msg) from None


def atw_holidays(year: int) -> frozenset[date]:
    """The Algemene termijnenwet art. 3 lid 1 and 2 feestdagen of ``year`` (`atw`)."""
    if type(year) is not int:  # before the cache of feestdagen, which would hash a list
        raise count_error("year", year)
    return frozenset(feestdagen(year))


__all__ = [
    "ONE_DAY",
    "Period",
    "add_days",
    "add_months",
    "add_working_days",
    "atw_holidays",
    "is_working_day",
]
