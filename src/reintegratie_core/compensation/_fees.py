"""Weekly wage from another pay period, and the module fee pro rata over a contract year.

Rules (domein §6):

* **Weekly wage**: year ÷ 52; month × 12 ÷ 52; four weeks ÷ 4; week; day × 5.
* **Module fee pro rata** (``001`` art. 5.2, ``004`` art. 5.2): a fixed fee per employee per
  contract year (art. 5.1); for joining or leaving during the year
  ``fee × days employed within the contract year ÷ days in that contract year``, counting
  the first and the last day employed; the contract year is ``[start, start + 12 months)``.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from reintegratie_core._checks import date_error, member_error
from reintegratie_core._dates import ONE_DAY, _add_months
from reintegratie_core._errors import InvalidPeriodError, InvalidValueError, argument_error
from reintegratie_core._explain import (
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    Unit,
    format_date,
    ruled,
)
from reintegratie_core._money import (
    AmountLike,
    money,
    round_cents,
)
from reintegratie_core._parameters import Parameter
from reintegratie_core._product_parameters import (
    FEE_YEAR_MONTHS,
    MONTHS_PER_YEAR,
    WEEKS_PER_FOUR_WEEK_PERIOD,
    WEEKS_PER_YEAR,
    WORKING_DAYS_PER_WEEK,
)
from reintegratie_core.compensation._common import grounds_for, in_force

WEEKLY_WAGE = Citation.decision("§6")


class WagePeriod(enum.Enum):
    """The pay period a wage is given for (Excel ``periode``)."""

    YEAR = "jaar"
    MONTH = "maand"
    FOUR_WEEKS = "4 weken"
    WEEK = "week"
    DAY = "dag"


#: Other words Excel users type for the periods.
WAGE_PERIOD_ALIASES: dict[str, WagePeriod] = {
    "jaarloon": WagePeriod.YEAR,
    "per jaar": WagePeriod.YEAR,
    "maandloon": WagePeriod.MONTH,
    "per maand": WagePeriod.MONTH,
    "vier weken": WagePeriod.FOUR_WEEKS,
    "4-wekelijks": WagePeriod.FOUR_WEEKS,
    "vierwekelijks": WagePeriod.FOUR_WEEKS,
    "4 wekenloon": WagePeriod.FOUR_WEEKS,
    "weekloon": WagePeriod.WEEK,
    "per week": WagePeriod.WEEK,
    "dagloon": WagePeriod.DAY,
    "per dag": WagePeriod.DAY,
}


def weekly_wage(wage: AmountLike, period: WagePeriod, on: date | None = None) -> WeeklyWage:
    """The weekly wage of a wage paid per ``period`` (domein §6).

    Defined as:

    ```text
    jaar    → wage ÷ 52
    maand   → wage × 12 ÷ 52
    4 weken → wage ÷ 4
    week    → wage
    dag     → wage × 5
    ```

    with the factors as dated parameters; rounded once to cents. The decision is a
    [`WeeklyWage`][reintegratie_core.compensation.WeeklyWage] record; its ground is rendered when explained.
    """
    if type(period) is not WagePeriod:
        raise member_error("period", period, WagePeriod)
    if on is not None and type(on) is not date:
        raise date_error("on", on)
    loon = money(wage, "wage")
    factors, values = _factors(period, on)
    if period is _MONTH:
        value = loon * values[0] / values[1]
    elif period is _DAY:
        value = loon * values[0]
    elif factors:  # year, four weeks
        value = loon / values[0]
    else:  # week
        value = loon
    return _new_wage(WeeklyWage, (loon, period, factors, round_cents(value)))


@functools.lru_cache(maxsize=64)
def _factors(
    period: WagePeriod, on: date | None
) -> tuple[tuple[Parameter[int], ...], tuple[Decimal, ...]]:
    """The factors of ``period`` in force on ``on``, in the order the rule names them, and
    their values as exact ``Decimal`` (an ``int`` in Decimal arithmetic is converted on
    every operation): decided once per (period, date), the non-lifted arguments of an
    Excel call."""
    factors = _factor_parameters(period, on)
    return factors, tuple(Decimal(factor.value) for factor in factors)


def _factor_parameters(period: WagePeriod, on: date | None) -> tuple[Parameter[int], ...]:
    if period is WagePeriod.YEAR:
        return (in_force(WEEKS_PER_YEAR, on),)
    if period is WagePeriod.MONTH:
        return (in_force(MONTHS_PER_YEAR, on), in_force(WEEKS_PER_YEAR, on))
    if period is WagePeriod.FOUR_WEEKS:
        return (in_force(WEEKS_PER_FOUR_WEEK_PERIOD, on),)
    if period is WagePeriod.DAY:
        return (in_force(WORKING_DAYS_PER_WEEK, on),)
    return ()


#: The periods the rule branches on, read once (an Enum member looked up on its class
#: costs a call in Python 3.11, and the rule runs once per lifted row).
_MONTH = WagePeriod.MONTH
_DAY = WagePeriod.DAY


_WAGE_RULES = {
    WagePeriod.YEAR: "weekloon = jaarloon ÷ 52",
    WagePeriod.MONTH: "weekloon = maandloon × 12 ÷ 52",
    WagePeriod.FOUR_WEEKS: "weekloon = 4-wekenloon ÷ 4",
    WagePeriod.WEEK: "weekloon = loon per week",
    WagePeriod.DAY: "weekloon = dagloon × 5",
}


class _WeeklyWage(NamedTuple):
    """The fields of `WeeklyWage`."""

    wage: Decimal
    period: WagePeriod
    factors: tuple[Parameter[int], ...]
    value: Decimal


class WeeklyWage(_WeeklyWage, DecisionRecord[Decimal]):
    """What [`weekly_wage`][reintegratie_core.compensation.weekly_wage] decided: the wage, its period, the factors in force
    and the weekly wage (``value``). A tuple, built once per lifted Excel row; `explain`
    renders the ground from it."""

    __slots__ = ()

    @ruled("weekly_wage")
    def explain(self) -> Explained[Decimal]:
        """The weekly wage with its ground (decision §6)."""
        ground = Ground(
            rule=_WAGE_RULES[self.period],
            citation=WEEKLY_WAGE,
            parameters=(
                ("loon", Unit.EURO.of(self.wage)),
                ("periode", self.period.value),
                *(factor.as_pair() for factor in self.factors),
            ),
        )
        return Explained(self.value, (ground,), Unit.EURO)


_new_wage: Callable[[type[WeeklyWage], tuple[object, ...]], WeeklyWage] = tuple.__new__


#: The fixed fee per employee per contract year (``004`` art. 5.1), and pro rata (5.2).
_FEE_004 = Citation.seed("004", "5.1")
_PRORATA = (Citation.seed("001", "5.2"), Citation.seed("004", "5.2"))


def prorated_fee(
    yearly_fee: AmountLike,
    contract_year_start: date,
    employed_from: date,
    employed_until: date | None = None,
) -> ProratedFee:
    """The module fee for the days employed within one contract year (``001``/``004`` 5.2).

    Defined as:

    ```text
    year     = [start, start + 12 months)                   (12: FEE_YEAR_MONTHS)
    employed = [employed_from, employed_until] ∩ year       (inclusive days)
    fee      = yearly_fee × days(employed) ÷ days(year)
    ```

    rounded once to cents; no end date means employed beyond the contract year. No day
    employed within the year gives 0.
    """
    if type(contract_year_start) is not date:
        raise date_error("contract_year_start", contract_year_start)
    if type(employed_from) is not date:
        raise date_error("employed_from", employed_from)
    if employed_until is not None and type(employed_until) is not date:
        raise date_error("employed_until", employed_until)
    tarief = money(yearly_fee, "yearly_fee")
    if employed_until is not None and employed_until < employed_from:
        msg = f"{format_date(employed_until)} ligt vóór in_dienst {format_date(employed_from)}"
        raise argument_error(InvalidPeriodError, "employed_until", msg)
    months, year_end, year_days = _contract_year(contract_year_start)
    # max(contract_year_start, employed_from), max(0, days) without the builtins: a call
    # costs ~170 ns a row
    first = employed_from if employed_from > contract_year_start else contract_year_start  # noqa: FURB136 - per row
    # min(year_end, employed_until + 1 day), without a day after 9999-12-31
    end = (
        year_end
        if employed_until is None or employed_until >= year_end
        else employed_until + ONE_DAY
    )
    days = (end - first).days
    days = days if days > 0 else 0  # noqa: FURB136 - per row
    value = round_cents(tarief * days / year_days)
    return _new_fee(
        ProratedFee, (tarief, contract_year_start, year_end, months, days, year_days, value)
    )


@functools.lru_cache(maxsize=64)
def _contract_year(start: date) -> tuple[Parameter[int], date, int]:
    """The months of a contract year in force on ``start``, its end (exclusive) and its days.

    Depends only on the contract year's first day, usually a single cell of a lifted call
    (one contract, a column of employees): then decided once, not per row. A pure function
    of a date, so a bounded memo stays correct when the start is a column too (it then
    simply misses).
    """
    months = in_force(FEE_YEAR_MONTHS, start, "contract_year_start")
    try:
        year_end = _add_months(start, months.value)
    except InvalidValueError as exc:  # a contract year past 9999-12-31: the start to fix
        raise argument_error(InvalidValueError, "contract_year_start", str(exc)) from None
    return months, year_end, (year_end - start).days


class _ProratedFee(NamedTuple):
    """The fields of `ProratedFee`."""

    yearly_fee: Decimal
    contract_year_start: date
    year_end: date
    #: The months of a contract year in force (``FEE_YEAR_MONTHS``).
    months: Parameter[int]
    days: int
    year_days: int
    value: Decimal


class ProratedFee(_ProratedFee, DecisionRecord[Decimal]):
    """What [`prorated_fee`][reintegratie_core.compensation.prorated_fee] decided: the contract year, the days counted and the fee
    (``value``). A tuple, built once per lifted Excel row; `explain` renders the
    grounds from it."""

    __slots__ = ()

    @ruled("prorated_fee")
    def explain(self) -> Explained[Decimal]:
        """The fee with its grounds: the yearly fee (``004`` 5.1) and the pro rata rule (5.2)."""
        tarief, months = self.yearly_fee, self.months
        yearly = grounds_for(
            "u betaalt een vast tarief per medewerker per contractjaar",
            (months.citation, _FEE_004),
            (("jaartarief", Unit.EURO.of(tarief)), months.as_pair()),
        )
        grounds = yearly + grounds_for(
            "bij tussentijdse in- of uitdiensttreding een pro rata bedrag: jaartarief × dagen in "
            "dienst binnen het contractjaar ÷ dagen in het contractjaar",
            _PRORATA,
            (
                ("jaartarief", Unit.EURO.of(tarief)),
                ("contractjaar_start", self.contract_year_start),
                ("contractjaar_laatste_dag", self.year_end - ONE_DAY),
                months.as_pair(),
                ("dagen_in_dienst", Unit.DAYS.of(self.days)),
                ("dagen_in_contractjaar", Unit.DAYS.of(self.year_days)),
            ),
        )
        return Explained(self.value, grounds, Unit.EURO)


_new_fee: Callable[[type[ProratedFee], tuple[object, ...]], ProratedFee] = tuple.__new__


__all__ = [
    "WAGE_PERIOD_ALIASES",
    "ProratedFee",
    "WagePeriod",
    "WeeklyWage",
    "prorated_fee",
    "weekly_wage",
]
