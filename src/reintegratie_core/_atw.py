"""Working days of the Algemene termijnenwet (Atw) art. 3, counted arithmetically.

A working day is Monday–Friday that is not

* an *algemeen erkende feestdag* (Atw art. 3 lid 1): Nieuwjaarsdag, 2e Paasdag,
  Hemelvaartsdag, 2e Pinksterdag, 1e en 2e Kerstdag, the day the King's (Queen's) birthday
  is celebrated, and 5 mei (every year since the amendment of 5 January 1982); Easter and
  Whit Sunday are Sundays anyway;
* Goede Vrijdag (Atw art. 3 lid 2);
* a day declared equal to those by Koninklijk Besluit (Atw art. 3 lid 3, the *gelijkgestelde
  dagen*; domain §8.1).

The feestdagen are computed from the calendar (Easter by ``dateutil.easter``), with the
history of the King's day: 30 April until 2013 (on a Sunday: the Monday after until 1979,
the Saturday before from 1980), 27 April from 2014 (on a Sunday: the Saturday before). The
Atw took effect on 1 April 1965; before that date no day is a feestdag of this Act.

The gelijkgestelde dagen come from a dated table of the decrees (*Besluit gelijkstelling van
… met een algemeen erkende feestdag*), each with the days it lists. Only decrees whose
title — which lists the days — could be read are in the table; their Staatscourant
publication number was not verified and is not invented here. For a year no decree in the
table covers, the days follow the practice of the recent decrees and are marked
*afgeleid* (derived), and the explanation says that no decree is known for that year. The
practice used: the Friday after Hemelvaartsdag, and the Friday after Nieuwjaarsdag,
Koningsdag, 5 mei or 2e Kerstdag when that falls on a Thursday. The "Monday before a
feestdag on a Tuesday" that older decrees also used (domain §8.1) is *not* derived: the
decree for 2026–2028 lists neither Monday 4 May 2026 nor Monday 26 April 2027, so recent
practice no longer follows it, and deriving it would move a deadline later than the law
does.

Counting (issue 16 item 16) is arithmetic: the Monday–Friday days between two dates come
from whole weeks plus a remainder, and the feestdagen and gelijkgestelde dagen on weekdays
in the span are counted by bisection in a sorted table per year; no day-by-day walk.
"""

from __future__ import annotations

import bisect
import functools
from datetime import date, timedelta

import attrs
from dateutil.easter import easter

from reintegratie_core._checks import count_error, date_error
from reintegratie_core._errors import InvalidValueError, argument_error
from reintegratie_core._explain import OUTSIDE_CALENDAR, Citation, Ground, format_date

ATW = "Algemene termijnenwet"
#: The Atw took effect on 1 April 1965 (Stb. 1964, 314).
ATW_IN_FORCE = date(1965, 4, 1)
#: 5 mei is an annual feestdag of the Atw from 1982 (amendment of 5 January 1982).
LIBERATION_DAY_FROM = 1982

_DATE_MAX = date.max.toordinal()


@attrs.frozen(kw_only=True)
class EquatingDecree:
    """A Koninklijk Besluit under Atw art. 3 lid 3: the days it declares equal to feestdagen.

    ``title`` is the decree's title, which itself lists the days; ``publication`` is its
    Staatscourant reference when verified (``None``: not verified, not invented).
    """

    title: str
    years: tuple[int, ...]
    days: tuple[date, ...]
    publication: str | None = None

    @property
    def citation(self) -> Citation:
        """Atw art. 3 lid 3 with the decree that applies it."""
        where = f", {self.publication}" if self.publication else ""
        return Citation.statute(ATW, f"3 lid 3 ({self.title}{where})")


#: The decrees whose days could be read (domain §8.1). Provenance: both titles as quoted in a
#: public answer on sterfgeval.nl (vraag 70745, 4 October 2025); not checked against the
#: official publication on officielebekendmakingen.nl, so no Staatscourant number is given.
EQUATING_DECREES: tuple[EquatingDecree, ...] = (
    EquatingDecree(
        title=(
            "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, "
            "27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag"
        ),
        years=(2023, 2024, 2025),
        days=(
            date(2023, 4, 28),
            date(2023, 5, 19),
            date(2024, 5, 10),
            date(2024, 12, 27),
            date(2025, 5, 30),
        ),
    ),
    EquatingDecree(
        title=(
            "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, "
            "28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag"
        ),
        years=(2026, 2027, 2028),
        days=(
            date(2026, 1, 2),
            date(2026, 5, 15),
            date(2027, 5, 7),
            date(2028, 4, 28),
            date(2028, 5, 26),
        ),
    ),
)

#: A derived day's citation: the decision of domain §8.1 (no decree known for the year).
DERIVED_CITATION = Citation.decision("§8.1 (gelijkgestelde dagen, afgeleid)")


@attrs.frozen(kw_only=True)
class EquatedDay:
    """A gelijkgestelde dag: its date, why, and the decree (``None``: *afgeleid*)."""

    day: date
    reason: str
    decree: EquatingDecree | None

    @property
    def derived(self) -> bool:
        """True when no decree in the table lists the day (domain §8.1: *afgeleid*)."""
        return self.decree is None


def _kings_day(year: int) -> date:
    """The day the King's (Queen's) birthday is celebrated (Atw art. 3 lid 1)."""
    if year >= 2014:
        day = date(year, 4, 27)
        return day - timedelta(days=1) if day.weekday() == 6 else day
    day = date(year, 4, 30)
    if day.weekday() == 6:
        return day - timedelta(days=1) if year >= 1980 else day + timedelta(days=1)
    return day


@functools.lru_cache(maxsize=512)
def feestdagen(year: int) -> dict[date, str]:
    """The Atw art. 3 lid 1 and 2 days of ``year`` with their Dutch names.

    Defined as: Nieuwjaarsdag, Goede Vrijdag (Pasen − 2), 1e/2e Paasdag, Koningsdag,
    5 mei (from 1982), Hemelvaartsdag (Pasen + 39), 1e/2e Pinksterdag (Pasen + 49/50),
    1e/2e Kerstdag; only days on or after 1 April 1965.
    """
    if type(year) is not int:
        raise count_error("year", year)
    if not 1 <= year <= 9999:
        reason = f"jaar {year}: buiten het datumbereik (1 t/m 9999)"
        raise argument_error(InvalidValueError, "year", reason)
    sunday = easter(year)
    days = {
        date(year, 1, 1): "Nieuwjaarsdag",
        sunday - timedelta(days=2): "Goede Vrijdag",
        sunday: "1e Paasdag",
        sunday + timedelta(days=1): "2e Paasdag",
        _kings_day(year): "Koningsdag" if year >= 2014 else "Koninginnedag",
        sunday + timedelta(days=39): "Hemelvaartsdag",
        sunday + timedelta(days=49): "1e Pinksterdag",
        sunday + timedelta(days=50): "2e Pinksterdag",
        date(year, 12, 25): "1e Kerstdag",
        date(year, 12, 26): "2e Kerstdag",
    }
    if year >= LIBERATION_DAY_FROM:
        days[date(year, 5, 5)] = "5 mei"
    return {d: name for d, name in sorted(days.items()) if d >= ATW_IN_FORCE}


def _practice(year: int) -> dict[date, str]:
    """The days the recent decrees equate, derived for ``year`` (see the module text)."""
    days = feestdagen(year)
    derived: dict[date, str] = {}
    for day, name in days.items():
        if name == "Hemelvaartsdag" or (
            day.weekday() == 3
            and name in {"Nieuwjaarsdag", "Koningsdag", "Koninginnedag", "5 mei", "2e Kerstdag"}
        ):
            friday = day + timedelta(days=1)
            if friday not in days and friday.year == year:
                derived[friday] = f"vrijdag na {name}"
    return derived


def decree_for(year: int) -> EquatingDecree | None:
    """The decree in the table that covers ``year``, or ``None`` (no decree known)."""
    if type(year) is not int:
        raise count_error("year", year)
    for decree in EQUATING_DECREES:
        if year in decree.years:
            return decree
    return None


@functools.lru_cache(maxsize=512)
def equated_days(year: int) -> tuple[EquatedDay, ...]:
    """The gelijkgestelde dagen of ``year`` (Atw art. 3 lid 3; domain §8.1).

    Defined as: the days of the decree covering ``year``; without one, the days of the
    recent practice, each marked *afgeleid*. None before the Atw took effect.
    """
    if year < ATW_IN_FORCE.year:
        return ()
    decree = decree_for(year)
    practice = _practice(year)
    if decree is None:
        return tuple(
            EquatedDay(day=d, reason=why, decree=None) for d, why in sorted(practice.items())
        )
    return tuple(
        EquatedDay(day=d, reason=practice.get(d, "gelijkgesteld bij besluit"), decree=decree)
        for d in decree.days
        if d.year == year
    )


class _Calendar:
    """The closed weekdays (ordinals) and derived days of the years built so far, sorted.

    Built once per year, in year order from the Atw's first year, on first need; counting
    in a span is then two bisections, however many years it covers. ``shifted`` holds, per
    closed weekday, its number among all Monday–Friday days minus the closed weekdays
    before it: the working days before it plus one, so that the closed weekdays before the
    *n*-th working day are those whose ``shifted`` is at most *n*.
    """

    def __init__(self) -> None:
        self.through = ATW_IN_FORCE.year - 1
        #: The ordinal of the last day of ``through``: the calendar holds every closed
        #: weekday up to and including it.
        self.last = date(self.through, 12, 31).toordinal()
        self.closed: list[int] = []
        self.shifted: list[int] = []
        self.derived: list[int] = []
        self.derived_days: list[EquatedDay] = []

    def upto(self, year: int) -> _Calendar:
        """The calendar built through ``year`` (at most 9999)."""
        while self.through < min(year, date.max.year):
            self.through += 1
            equated = equated_days(self.through)
            days = set(feestdagen(self.through)) | {e.day for e in equated}
            for ordinal in sorted(d.toordinal() for d in days if d.weekday() < 5):
                self.shifted.append(_weekdays_through(ordinal) - len(self.closed))
                self.closed.append(ordinal)
            for e in equated:
                if e.derived and e.day.weekday() < 5:
                    self.derived.append(e.day.toordinal())
                    self.derived_days.append(e)
            self.last = date(self.through, 12, 31).toordinal()
        return self


_CALENDAR = _Calendar()


def is_working_day(day: date) -> bool:
    """True for Monday–Friday that is no feestdag nor gelijkgestelde dag (Atw art. 3)."""
    if type(day) is not date:
        raise date_error("day", day)
    if day.weekday() >= 5:
        return False
    table = _CALENDAR.upto(day.year).closed
    ordinal = day.toordinal()
    index = bisect.bisect_left(table, ordinal)
    return index == len(table) or table[index] != ordinal


# --- arithmetic counting ---------------------------------------------------------------
# Ordinal 1 (0001-01-01) is a Monday, so the weekday of ordinal x is (x − 1) mod 7.


def _weekdays_through(ordinal: int) -> int:
    """Monday–Friday days among ordinals 1 … ``ordinal``: whole weeks, then the rest."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


def _kth_weekday(k: int) -> int:
    """The ordinal of the ``k``-th Monday–Friday day counted from ordinal 1 (k ≥ 1)."""
    weeks, rest = divmod(k - 1, 5)
    return 7 * weeks + rest + 1


def _outside(start: date, days: int) -> InvalidValueError:
    msg = f"{format_date(start)} + {days} werkdagen {OUTSIDE_CALENDAR}"
    return InvalidValueError(msg)


def add_working_days(start: date, days: int) -> date:
    """``start`` plus ``days`` Dutch working days; negative ``days`` count back.

    Defined as: the |days|-th working day after (or before) ``start``, not counting
    ``start`` itself; ``days == 0`` returns ``start`` unchanged (Atw art. 3). Computed as:
    the working days up to ``start`` (whole weeks, then the rest, less the closed weekdays
    by bisection), plus ``days``, turned back into a date by one more bisection.
    """
    if type(start) is not date:
        raise date_error("start", start)
    if type(days) is not int:
        raise count_error("days", days)
    return _add_working_days(start, days)


def _add_working_days(start: date, days: int) -> date:
    """The count of [`add_working_days`][reintegratie_core.add_working_days], its arguments checked by the caller.

    Defined as: with *n* the working days up to and including ``start`` (its Monday–Friday
    days, whole weeks then the rest, less the closed weekdays up to it), the answer is the
    (*n* + days)-th working day, or for negative ``days`` the (*n'* + days + 1)-th with *n'*
    those before ``start``. The *t*-th working day is the (*t* + *j*)-th Monday–Friday day,
    *j* the closed weekdays before it (one bisection in ``shifted``). Closed weekdays of a
    later year only move the answer later, so the calendar is built up to the answer's year
    and the answer taken again until it lies in the built years.
    """
    if days == 0:
        return start
    calendar = _CALENDAR
    closed, shifted = calendar.closed, calendar.shifted  # grow in place as years are built
    origin = start.toordinal()
    if origin > calendar.last:
        calendar.upto(start.year)
    counted, target = (origin, days) if days > 0 else (origin - 1, days + 1)
    weeks, rest = divmod(counted, 7)  # the working days up to ``counted``, then the step
    target += 5 * weeks + (rest if rest < 5 else 5) - _bisect_right(closed, counted)  # noqa: FURB136 - per row
    if target < 1:
        raise _outside(start, days)
    while True:
        # the (target + j)-th Monday–Friday day: whole weeks of five, then the rest
        weeks, rest = divmod(target + _bisect_right(shifted, target) - 1, 5)
        found = 7 * weeks + rest + 1
        if found <= calendar.last:
            return _fromordinal(found)
        if found > _DATE_MAX:
            raise _outside(start, days)
        calendar.upto(_fromordinal(found).year)


_bisect_right = bisect.bisect_right
_fromordinal = date.fromordinal


def equated_between(first: date, last: date) -> tuple[EquatedDay, ...]:
    """The gelijkgestelde dagen on weekdays from ``first`` to ``last`` inclusive, in order."""
    if type(first) is not date:
        raise date_error("first", first)
    if type(last) is not date:
        raise date_error("last", last)
    return (*_decreed_between(first, last), *_derived_between(first, last))


def _decreed_between(first: date, last: date) -> list[EquatedDay]:
    return [
        e
        for decree in EQUATING_DECREES
        for year in decree.years
        if first.year <= year <= last.year
        for e in equated_days(year)
        if first <= e.day <= last
    ]


def _derived_between(first: date, last: date) -> list[EquatedDay]:
    calendar = _CALENDAR.upto(last.year)
    low = bisect.bisect_left(calendar.derived, first.toordinal())
    high = bisect.bisect_right(calendar.derived, last.toordinal())
    return calendar.derived_days[low:high]


def _years_without_decree(first: int, last: int) -> list[tuple[int, int]]:
    """The runs of years from ``first`` to ``last`` that no decree in the table covers."""
    covered = sorted({y for d in EQUATING_DECREES for y in d.years if first <= y <= last})
    runs: list[tuple[int, int]] = []
    begin = first
    for year in covered:
        if year > begin:
            runs.append((begin, year - 1))
        begin = year + 1
    if begin <= last:
        runs.append((begin, last))
    return runs


#: How many days one ground of an explanation lists before it summarises.
_LISTED = 6


def _listing(days: list[EquatedDay]) -> str:
    shown = ", ".join(f"{format_date(e.day)} ({e.reason})" for e in days[:_LISTED])
    more = len(days) - _LISTED
    return shown + (f" en {more} meer" if more > 0 else "")


def span_grounds(start: date, end: date) -> tuple[Ground, ...]:
    """The grounds of a count of working days between ``start`` and ``end``.

    The Atw art. 3 rule, then per decree the gelijkgestelde dagen it contributed, and the
    *afgeleid* days with the years for which no decree is known (domain §8.1).
    """
    if type(start) is not date:
        raise date_error("start", start)
    if type(end) is not date:
        raise date_error("end", end)
    first, last = (start, end) if start <= end else (end, start)
    grounds = [
        Ground(
            rule=(
                "werkdagen: ma–vr zonder de algemeen erkende feestdagen, Goede Vrijdag en de "
                "bij koninklijk besluit gelijkgestelde dagen"
            ),
            citation=Citation.statute(ATW, "3"),
        )
    ]
    by_decree: dict[EquatingDecree, list[EquatedDay]] = {}
    for equated in _decreed_between(first, last):
        if equated.decree is not None and equated.day.weekday() < 5:
            by_decree.setdefault(equated.decree, []).append(equated)
    derived = _derived_between(first, last)
    grounds.extend(
        Ground(
            rule=f"gelijkgestelde dagen, geen werkdag: {_listing(listed)}",
            citation=decree.citation,
        )
        for decree, listed in by_decree.items()
    )
    unknown = _years_without_decree(max(first.year, ATW_IN_FORCE.year), last.year)
    if unknown:
        span = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in unknown)
        found = (
            f"afgeleid volgens de recente besluiten: {_listing(derived)}"
            if derived
            else "in deze periode valt geen afgeleide gelijkgestelde dag"
        )
        grounds.append(
            Ground(
                rule=f"geen koninklijk besluit bekend voor {span}; {found}",
                citation=DERIVED_CITATION,
            )
        )
    return tuple(grounds)


__all__ = [
    "EQUATING_DECREES",
    "EquatedDay",
    "EquatingDecree",
    "add_working_days",
    "decree_for",
    "equated_between",
    "equated_days",
    "feestdagen",
    "is_working_day",
    "span_grounds",
]
