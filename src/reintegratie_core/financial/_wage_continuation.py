"""Statutory wage continuation during sickness (loondoorbetaling bij ziekte, BW 7:629).

``financieel.md`` §9.2: per month, for an agreed monthly wage *m* excluding holiday
allowance (maandloon), sick week *w* (ziekteweek, 1-based) and the parameters of date
*p* (peildatum):

```text
loongrens  = maximumdagloon(p) × 21.75 ÷ 1.08       (BW 7:629 lid 1; Wfsv art. 17 lid 1)
wettelijk  = 0.70 × min(m, loongrens)                (BW 7:629 lid 1)
weeks 1–52 = max(wettelijk, wml_per_uur(p) × uren_per_week × 52 ÷ 12)
weeks 53 + = wettelijk
```

rounded once, to cents. Without ``uren_per_week`` the minimum-wage floor is not applied
and the explanation says so; after week 104 wage continuation runs only during a
loonsanctie (BW 7:629 lid 11) — the amount is given, the explanation says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from reintegratie_core._checks import date_error
from reintegratie_core._errors import InvalidValueError, argument_error
from reintegratie_core._explain import (
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    ParameterValue,
    Unit,
    format_value,
    ruled,
)
from reintegratie_core._money import ZERO, AmountLike, money, round_cents
from reintegratie_core._parameters import Parameter
from reintegratie_core._product_parameters import (
    MONTHS_PER_YEAR,
    WAGE_CONTINUATION_SHARE,
)
from reintegratie_core._statutory import MAX_SANCTION_WEEKS, WAGE_CONTINUATION_WEEKS
from reintegratie_core.financial._parameters import (
    DAYS_PER_MONTH,
    HOLIDAY_ALLOWANCE,
    RatesInForce,
    amount_argument,
    rates_on,
    whole_from_one,
)

BW_629_1 = Citation.statute("BW", "7:629 lid 1")
BW_629_11 = Citation.statute("BW", "7:629 lid 11")
WFSV_17 = Citation.statute("Wfsv", "17 lid 1")
#: The minimum-wage floor applies in the first 52 weeks (BW 7:629 lid 1).
FLOOR_WEEKS = Parameter(name="minimumloon_weken", value=52, citation=BW_629_1, unit=Unit.WEEKS)
#: A week has 168 hours: more contract hours are not a week.
MAX_HOURS_PER_WEEK = Decimal(168)

_SHARE = WAGE_CONTINUATION_SHARE.at(date.max)
_SHARE_VALUE = _SHARE.value
_FLOOR_WEEKS = FLOOR_WEEKS.value
_MONTHS = Decimal(MONTHS_PER_YEAR.at(date.max).value)


class _WageContinuation(NamedTuple):
    """The fields of `WageContinuation`."""

    monthly_wage: Decimal
    sick_week: int
    hours_per_week: Decimal | None
    rates: RatesInForce
    cap: Decimal
    statutory: Decimal
    floor: Decimal | None
    value: Decimal


class WageContinuation(_WageContinuation, DecisionRecord[Decimal]):
    """What the wage-continuation rule decided for one month (BW 7:629 lid 1).

    ``cap``, ``statutory`` and ``floor`` are unrounded; ``value`` is the result, rounded
    once. ``floor`` is ``None`` when the minimum-wage floor does not apply (week 53 and
    later, or no ``uren_per_week`` given).

    A tuple, so that deciding costs one allocation: a lifted Excel call decides once per
    row. The grounds are rendered from these fields only when asked (`explain`).
    """

    __slots__ = ()

    @property
    def capped(self) -> bool:
        """Whether the wage was above the cap (loongrens)."""
        return self.monthly_wage > self.cap

    @property
    def floor_applied(self) -> bool:
        """Whether the minimum-wage floor raised the result."""
        return self.floor is not None and self.floor > self.statutory

    @ruled("wage_continuation")
    def explain(self) -> Explained[Decimal]:
        """The result with its grounds: articles and parameter values used."""
        maximum = self.rates.maximum_daily_wage
        grounds = [
            Ground(
                rule="loongrens = maximumdagloon × 21,75 ÷ 1,08 (het maximumdagloon is "
                "inclusief vakantiebijslag, het maandloon niet)",
                citation=BW_629_1,
                parameters=(
                    maximum.as_pair(),
                    DAYS_PER_MONTH.as_pair(),
                    HOLIDAY_ALLOWANCE.as_pair(),
                    ("loongrens_afgerond", Unit.EURO.of(round_cents(self.cap))),
                ),
            ),
            self.rates.ground(maximum),
            Ground(
                rule="wettelijk = 70 % × min(maandloon, loongrens)",
                citation=BW_629_1,
                parameters=(
                    ("maandloon", Unit.EURO.of(self.monthly_wage)),
                    _SHARE.as_pair(),
                    ("begrensd", self.capped),
                    ("wettelijk_afgerond", Unit.EURO.of(round_cents(self.statutory))),
                ),
            ),
            *self._floor_grounds(),
        ]
        if self.sick_week > WAGE_CONTINUATION_WEEKS.value:
            grounds.append(
                Ground(
                    rule="na week 104 wordt loon alleen doorbetaald tijdens een loonsanctie "
                    "(ten hoogste 52 weken); het bedrag geldt alleen dan",
                    citation=BW_629_11,
                    parameters=(
                        ("ziekteweek", self.sick_week),
                        WAGE_CONTINUATION_WEEKS.as_pair(),
                        MAX_SANCTION_WEEKS.as_pair(),
                    ),
                )
            )
        return Explained(self.value, tuple(grounds), Unit.EURO)

    def _floor_grounds(self) -> list[Ground]:
        week: tuple[str, ParameterValue] = ("ziekteweek", self.sick_week)
        if self.sick_week > FLOOR_WEEKS.value:
            return [
                Ground(
                    rule="vanaf week 53 geen minimumloonvloer: de uitkomst is het wettelijke bedrag",
                    citation=BW_629_1,
                    parameters=(week, FLOOR_WEEKS.as_pair()),
                )
            ]
        if self.floor is None:
            return [
                Ground(
                    rule="de eerste 52 weken ten minste het minimumloon; zonder uren_per_week "
                    "is die vloer niet toegepast",
                    citation=BW_629_1,
                    parameters=(week, ("uren_per_week", "niet opgegeven")),
                )
            ]
        hourly = self.rates.minimum_wage_hour
        return [
            Ground(
                rule="de eerste 52 weken ten minste het minimumloon: vloer = wml_per_uur × "
                "uren_per_week × 52 ÷ 12; uitkomst = max(wettelijk, vloer)",
                citation=BW_629_1,
                parameters=(
                    week,
                    hourly.as_pair(),
                    ("uren_per_week", Unit.HOURS.of(self.hours_per_week or Decimal(0))),
                    ("vloer_afgerond", Unit.EURO.of(round_cents(self.floor))),
                    ("vloer_toegepast", self.floor_applied),
                ),
            ),
            self.rates.ground(hourly),
        ]


_new: Callable[[type[WageContinuation], tuple[object, ...]], WageContinuation] = tuple.__new__


def _hours(value: AmountLike) -> Decimal:
    """Contract hours per week: exact, 0 t/m 168 (a week), refused as hours, not euros."""
    # positional, and compared with a Decimal 0: once per lifted row (keywords and an int
    # operand each cost a little)
    hours = money(value, "hours_per_week", True)  # True: allow_negative (refused below)
    if hours < ZERO:
        msg = (
            f"{format_value(hours)} is negatief "
            f"(verwacht een aantal uren per week, 0 t/m {MAX_HOURS_PER_WEEK})"
        )
        raise argument_error(InvalidValueError, "hours_per_week", msg)
    if hours > MAX_HOURS_PER_WEEK:
        msg = f"{format_value(hours)} is meer dan de {MAX_HOURS_PER_WEEK} uren van een week"
        raise argument_error(InvalidValueError, "hours_per_week", msg)
    return hours


def check_sick_week(sick_week: int) -> int:
    """Validate a sick week: a whole number from 1 (an error naming ``sick_week``)."""
    return whole_from_one(sick_week, "sick_week", "weeknummer", "de eerste ziekteweek is week 1")


def wage_continuation(
    monthly_wage: AmountLike,
    sick_week: int,
    on: date,
    hours_per_week: AmountLike | None = None,
) -> WageContinuation:
    """Statutory wage continuation for one month of sick week ``sick_week`` (BW 7:629 lid 1).

    Defined as:

    ```text
    loongrens = maximumdagloon(on) × 21.75 ÷ 1.08
    wettelijk = 0.70 × min(maandloon, loongrens)
    result    = max(wettelijk, wml_per_uur(on) × uren_per_week × 52 ÷ 12)  weeks 1–52
                wettelijk                                                  weeks 53 +
    ```

    rounded once to cents (``financieel.md`` §9.2). Without ``hours_per_week`` no floor.
    """
    if type(on) is not date:
        raise date_error("on", on)
    wage = amount_argument(monthly_wage, "monthly_wage")
    week = sick_week
    if type(week) is not int or week < 1:  # the common case (a week from 1) checked once
        week = check_sick_week(week)
    hours = None if hours_per_week is None else _hours(hours_per_week)
    rates = rates_on(on)
    cap = rates.wage_cap  # maximumdagloon × 21.75 ÷ 1.08, once per parameter row
    statutory = _SHARE_VALUE * (cap if cap < wage else wage)  # 70 % × min(maandloon, cap)
    if hours is None or week > _FLOOR_WEEKS:
        return _new(
            WageContinuation,
            (wage, week, hours, rates, cap, statutory, None, round_cents(statutory)),
        )
    # wml_per_uur × uren × 52 ÷ 12, with wml_per_uur × 52 (exact) taken from the row
    floor = rates.minimum_wage_hour_year * hours / _MONTHS
    result = floor if floor > statutory else statutory  # max(wettelijk, vloer)
    return _new(
        WageContinuation, (wage, week, hours, rates, cap, statutory, floor, round_cents(result))
    )


__all__ = ["WageContinuation", "check_sick_week", "wage_continuation"]
