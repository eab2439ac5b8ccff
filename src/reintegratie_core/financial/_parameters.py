"""The dated parameters of wage continuation and the WIA (``financieel.md`` §9.1).

Each half-year the SZW publishes a new maximumdagloon (Wfsv art. 17 lid 1, 18) and a new
minimum wage (WML art. 8). They are one row of `RATES` each — a new half-year is a
new row of data, not code. From the rows come the [`Parameter`][reintegratie_core.Parameter] histories the rules
read (`MAXIMUM_DAILY_WAGE`, `MINIMUM_WAGE_HOUR`, `MINIMUM_WAGE_MONTH`
and the derived `WIA_MINIMUM_WAGE`); `rates_on` decides which row applies on
a date, once, and every explanation that uses one of its values says where it comes from:

* a value marked *afgeleid* (computed by Wfsv art. 18 lid 1, not yet confirmed by a
  published decision) is used, and the explanation says "afgeleid volgens Wfsv art. 18
  lid 1, niet bevestigd";
* after the newest row's date the newest row applies, and the explanation says that no
  newer value is known;
* before the first row there is no value: an error naming ``on``.

Fixed values (70 %, 75 %, 261 days, 21.75 days, 8 % holiday allowance) are undated
[`Parameter`][reintegratie_core.Parameter] values too, each with its article.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal

import attrs

from reintegratie_core._checks import date_error, instance_error, text_error
from reintegratie_core._errors import InvalidValueError, argument_error
from reintegratie_core._explain import UNIT, Citation, Ground, Unit, format_value
from reintegratie_core._money import AmountLike, money, round_cents
from reintegratie_core._parameters import Parameter, ParameterHistory
from reintegratie_core._product_parameters import WEEKS_PER_YEAR

WFSV_17 = Citation.statute("Wfsv", "17 lid 1")
WFSV_18 = Citation.statute("Wfsv", "18 lid 1")
WML_8_A = Citation.statute("WML", "8 lid 1 a")
WML_8_B = Citation.statute("WML", "8 lid 1 b")
WML_15 = Citation.statute("WML", "15")

#: The words every explanation using a derived value contains (``financieel.md`` §9.1).
DERIVED_NOTE = "afgeleid volgens Wfsv art. 18 lid 1, niet bevestigd"
#: The words an explanation contains when the newest row applies after its date.
NO_NEWER_NOTE = "geen nieuwere waarde bekend"


@attrs.frozen(kw_only=True)
class HalfYearRates:
    """One row of ``financieel.md`` §9.1: the values valid from ``valid_from``.

    ``derived`` names the values of the row that are *afgeleid* (computed, not published).
    """

    valid_from: date
    maximum_daily_wage: Decimal = attrs.field(metadata={UNIT: Unit.EURO})
    minimum_wage_hour: Decimal = attrs.field(metadata={UNIT: Unit.EURO})
    minimum_wage_month: Decimal = attrs.field(metadata={UNIT: Unit.EURO})
    source: str
    #: Where the minimum wages come from, when not from ``source``.
    minimum_wage_source: str | None = None
    derived: frozenset[str] = frozenset()

    def source_of(self, name: str) -> str:
        """The source of the value ``name`` of this row."""
        if type(name) is not str:
            raise text_error("name", name)
        if name == "maximumdagloon" or self.minimum_wage_source is None:
            return self.source
        return self.minimum_wage_source


#: The rows of ``financieel.md`` §9.1, oldest first. A new half-year: append one row.
RATES: tuple[HalfYearRates, ...] = (
    HalfYearRates(
        valid_from=date(2024, 1, 1),
        maximum_daily_wage=Decimal("274.44"),
        minimum_wage_hour=Decimal("13.27"),
        minimum_wage_month=Decimal("2069.40"),
        source="Regeling SZW 9-10-2023 nr. 2023-0000526966; rekenregels 1-1-2024",
    ),
    HalfYearRates(
        valid_from=date(2024, 7, 1),
        maximum_daily_wage=Decimal("282.95"),
        minimum_wage_hour=Decimal("13.68"),
        minimum_wage_month=Decimal("2133.60"),
        source="rekenregels 1-7-2024",
    ),
    HalfYearRates(
        valid_from=date(2025, 1, 1),
        maximum_daily_wage=Decimal("290.67"),
        minimum_wage_hour=Decimal("14.06"),
        minimum_wage_month=Decimal("2191.80"),
        source="Besluit SZW nr. 2024-0000914618 (Stcrt. 2024, 38722); nr. 2024-0000675332",
    ),
    HalfYearRates(
        valid_from=date(2025, 7, 1),
        maximum_daily_wage=Decimal("297.82"),
        minimum_wage_hour=Decimal("14.40"),
        minimum_wage_month=Decimal("2245.80"),
        source="afgeleid: +2,46 %, jaarbedrag een veelvoud van 2,61",
        minimum_wage_source="WML: Stcrt. 2025, 12264",
        derived=frozenset({"maximumdagloon"}),
    ),
    HalfYearRates(
        valid_from=date(2026, 1, 1),
        maximum_daily_wage=Decimal("304.25"),
        minimum_wage_hour=Decimal("14.71"),
        minimum_wage_month=Decimal("2294.40"),
        source="Besluit SZW Stcrt. 2025, 42324; indexatieregeling 1-1-2026",
    ),
)

#: Holiday allowance on top of the minimum wage: 8 % (WIA art. 12 lid 1 b; WML art. 15).
HOLIDAY_ALLOWANCE = Parameter(
    name="vakantiebijslag",
    value=Decimal("0.08"),
    citation=Citation.statute("WIA", "12 lid 1 b"),
    unit=Unit.PERCENT,
)

#: Days a month for daily wages: 21.75 (WIA art. 13 lid 4).
DAYS_PER_MONTH = Parameter(
    name="dagen_per_maand",
    value=Decimal("21.75"),
    citation=Citation.statute("WIA", "13 lid 4"),
    unit=Unit.DAYS,
)
#: Days a year for the dagloon: 261 (Wfsv art. 17; Dagloonbesluit art. 16).
DAYS_PER_YEAR = Parameter(
    name="dagen_per_jaar",
    value=Decimal(261),
    citation=Citation.statute("Dagloonbesluit", "16"),
    unit=Unit.DAYS,
)


#: The largest amount the financial rules take (as the shells' amounts: 0 t/m 10^12): beyond
#: it no wage or income is meant, and cents would exceed the exact precision of the
#: arithmetic.
MAX_AMOUNT = Decimal(10**12)
_ZERO = Decimal(0)


def amount_argument(value: AmountLike, name: str) -> Decimal:
    """An amount argument of a financial rule: exact, finite, 0 t/m 10^12."""
    if type(value) is Decimal and value.is_finite() and _ZERO <= value <= MAX_AMOUNT:
        return value  # the common case (an amount the shell already made exact), checked once
    result = money(value, name=name)
    if result > MAX_AMOUNT:
        msg = (
            f"{format_value(result)} is te groot (verwacht een bedrag van 0 t/m 1.000.000.000.000)"
        )
        raise argument_error(InvalidValueError, name, msg)
    return result


def whole_from_one(value: int, argument: str, number: str, first: str) -> int:
    """A count from 1 (a sick week, a month of benefit): a whole number, 1 or more.

    Anything but an ``int`` is a ``TypeError`` (``geen geheel <number>``), below 1 an error
    naming ``argument`` that says ``first``, the first one there is.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{value!r} is geen geheel {number} (verwacht 1 of meer)"
        raise argument_error(TypeError, argument, msg)
    if value < 1:
        raise argument_error(InvalidValueError, argument, f"{value} is kleiner dan 1 ({first})")
    return value


def _history(name: str, citation: Citation, field: str) -> ParameterHistory[Decimal]:
    return ParameterHistory.of(
        Parameter(
            name=name,
            value=getattr(row, field),
            citation=citation,
            valid_from=row.valid_from,
            unit=Unit.EURO,
        )
        for row in RATES
    )


#: Maximumdagloon, including holiday allowance (Wfsv art. 17 lid 1, 18).
MAXIMUM_DAILY_WAGE = _history("maximumdagloon", WFSV_17, "maximum_daily_wage")
#: Statutory minimum wage per hour, 21 years and older (WML art. 8 lid 1 a).
MINIMUM_WAGE_HOUR = _history("wml_per_uur", WML_8_A, "minimum_wage_hour")
#: Statutory minimum wage per month, the reference for benefits (WML art. 8 lid 1 b).
MINIMUM_WAGE_MONTH = _history("wml_maand", WML_8_B, "minimum_wage_month")
#: WIA-minimumloon = WML reference month × (1 + 8 %), rounded to cents before use.
WIA_MINIMUM_WAGE = ParameterHistory.of(
    Parameter(
        name="wia_minimumloon",
        value=round_cents(row.minimum_wage_month * (1 + HOLIDAY_ALLOWANCE.value)),
        citation=WML_15,
        valid_from=row.valid_from,
        unit=Unit.EURO,
    )
    for row in RATES
)


@attrs.frozen(kw_only=True)
class RatesInForce:
    """Which row of `RATES` applies on a date — decided once by `rates_on`.

    Carries the ground of each of its parameters (value, date, source, markings), made
    when the row is decided, so that every explanation shows them the same way.
    """

    row: HalfYearRates
    #: The date lies after the newest row's date: no newer value is known.
    newest: bool
    maximum_daily_wage: Parameter[Decimal]
    minimum_wage_hour: Parameter[Decimal]
    minimum_wage_month: Parameter[Decimal]
    wia_minimum_wage: Parameter[Decimal]
    parameter_grounds: tuple[tuple[str, Ground], ...]
    #: The loongrens of wage continuation, unrounded: maximumdagloon × 21.75 ÷ 1.08
    #: (BW 7:629 lid 1) — one value per row, so each call does not recompute it.
    wage_cap: Decimal
    #: The minimum wage of a year's weeks per contract hour: wml_per_uur × 52 (exact), for
    #: the floor of wage continuation — one value per row, so each call does not recompute it.
    minimum_wage_hour_year: Decimal

    def is_derived(self, parameter: Parameter[Decimal]) -> bool:
        """Whether ``parameter``'s value in this row is *afgeleid*."""
        if type(parameter) is not Parameter:
            raise instance_error("parameter", parameter, Parameter)
        return parameter.name in self.row.derived

    def ground(self, parameter: Parameter[Decimal]) -> Ground:
        """The ground of one parameter of this row: its value, date, source and markings."""
        if type(parameter) is not Parameter:
            raise instance_error("parameter", parameter, Parameter)
        for name, ground in self.parameter_grounds:
            if name == parameter.name:
                return ground
        msg = f"{parameter.name} is geen parameter van de halfjaarwaarden"
        raise KeyError(msg)


def _parameter_ground(row: HalfYearRates, newest: bool, parameter: Parameter[Decimal]) -> Ground:
    notes = [f"geldig vanaf {format_value(parameter.valid_from)}", row.source_of(parameter.name)]
    if parameter.name in row.derived:
        notes.append(DERIVED_NOTE)
    if newest:
        notes.append(f"{NO_NEWER_NOTE} na {format_value(row.valid_from)}")
    if parameter.name == WIA_MINIMUM_WAGE.versions[0].name:
        rule = "WIA-minimumloon = wml_maand × 1,08, afgerond op centen vóór gebruik"
        pairs = (
            ("wml_maand", Unit.EURO.of(row.minimum_wage_month)),
            HOLIDAY_ALLOWANCE.as_pair(),
            parameter.as_pair(),
        )
        return Ground(rule=f"{rule} ({'; '.join(notes)})", citation=WML_15, parameters=pairs)
    return Ground(
        rule=f"{parameter.name} ({'; '.join(notes)})",
        citation=parameter.citation,
        parameters=(parameter.as_pair(),),
    )


@functools.cache
def _rates(index: int, newest: bool) -> RatesInForce:
    row = RATES[index]
    on = row.valid_from
    parameters = (
        MAXIMUM_DAILY_WAGE.at(on),
        MINIMUM_WAGE_HOUR.at(on),
        MINIMUM_WAGE_MONTH.at(on),
        WIA_MINIMUM_WAGE.at(on),
    )
    return RatesInForce(
        row=row,
        newest=newest,
        maximum_daily_wage=parameters[0],
        minimum_wage_hour=parameters[1],
        minimum_wage_month=parameters[2],
        wia_minimum_wage=parameters[3],
        parameter_grounds=tuple((p.name, _parameter_ground(row, newest, p)) for p in parameters),
        wage_cap=parameters[0].value * DAYS_PER_MONTH.value / (1 + HOLIDAY_ALLOWANCE.value),
        minimum_wage_hour_year=parameters[1].value * WEEKS_PER_YEAR.at(date.max).value,
    )


def rates_on(on: date) -> RatesInForce:
    """The parameter row in force on ``on`` (the latest row whose date is not after it).

    Defined as: row = max(r for r in RATES if r.valid_from <= on); newest = on is after
    the newest row's date. Before the first row: an error naming ``on``.

    Decided once per date: a lifted call asks it for every row with the same ``peildatum``,
    and a dictionary look-up costs less than an ``lru_cache`` one.
    """
    if type(on) is not date:
        raise date_error("on", on)
    found = _IN_FORCE.get(on)
    if found is None:
        found = _decide_rates(on)
        if len(_IN_FORCE) >= _MAX_DATES:  # bounded: a column of many dates starts over
            _IN_FORCE.clear()
        _IN_FORCE[on] = found
    return found


_IN_FORCE: dict[date, RatesInForce] = {}
_MAX_DATES = 4096


def _decide_rates(on: date) -> RatesInForce:
    if on < RATES[0].valid_from:
        msg = (
            f"geen maximumdagloon en minimumloon bekend op {format_value(on)} "
            f"(eerste waarde geldig vanaf {format_value(RATES[0].valid_from)})"
        )
        raise argument_error(InvalidValueError, "on", msg)
    index = max(i for i, row in enumerate(RATES) if row.valid_from <= on)
    newest = index == len(RATES) - 1 and on > RATES[index].valid_from
    return _rates(index, newest)


__all__ = [
    "DAYS_PER_MONTH",
    "DAYS_PER_YEAR",
    "DERIVED_NOTE",
    "HOLIDAY_ALLOWANCE",
    "MAXIMUM_DAILY_WAGE",
    "MINIMUM_WAGE_HOUR",
    "MINIMUM_WAGE_MONTH",
    "NO_NEWER_NOTE",
    "RATES",
    "WIA_MINIMUM_WAGE",
    "HalfYearRates",
    "RatesInForce",
    "rates_on",
]
