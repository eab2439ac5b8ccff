"""The built-in products' parameters: every amount, percentage and term, dated and cited.

domein §7: an amount in a formula is never a literal; it is a
[`ParameterHistory`][reintegratie_core.ParameterHistory] whose versions carry the article
that sets them and the date from which they are valid. A new version of the conditions is
a new dated value here (or in an insurer's own product file), not a code change.

The ``*_PARAMETERS`` tuples list the parameters each built-in product's rules use; the
product catalogue attaches them to the product definitions, and every rule reads them from
the [`Product`][reintegratie_core.products.Product] it is given
(``product.parameter(name, on=date)``) — so an insurer's own product file with its own
values works the same way.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from reintegratie_core._checks import instance_error
from reintegratie_core._errors import InvalidValueError
from reintegratie_core._explain import Citation, Unit
from reintegratie_core._parameters import Parameter, ParameterHistory

V = TypeVar("V", int, Decimal, str, bool)

#: Valid-from date of the built-in values (the seed conditions as published).
BUILTIN_FROM = date(2000, 1, 1)


def _one(name: str, value: V, citation: Citation, unit: Unit) -> ParameterHistory[V]:
    return ParameterHistory.of(
        [Parameter(name=name, value=value, citation=citation, valid_from=BUILTIN_FROM, unit=unit)]
    )


# --- De Zeeuwse, Preventie-, re-integratieondersteuning en budgetten (003) ---------------

PREVENTION_CAP = _one("preventiebudget", Decimal(500), Citation.seed("003", "2.5.1"), Unit.EURO)
PREVENTION_CAP_WGA_WIA = _one(
    "preventiebudget_met_wga_of_wia", Decimal(1000), Citation.seed("003", "2.5.1"), Unit.EURO
)
REINTEGRATION_CAP = _one(
    "reintegratiebudget", Decimal(4000), Citation.seed("003", "2.6.1"), Unit.EURO
)
REINTEGRATION_CAP_WGA_WIA = _one(
    "reintegratiebudget_met_wga_of_wia", Decimal(8000), Citation.seed("003", "2.6.1"), Unit.EURO
)
SANCTION_COVERAGE = _one(
    "loonsanctie_dekkingspercentage", Decimal("0.70"), Citation.seed("003", "2.7.2"), Unit.PERCENT
)
EMPLOYER_CHARGES = _one(
    "werkgeverslasten", Decimal("0.25"), Citation.seed("003", "2.7.2"), Unit.PERCENT
)
PREMIUM_PRECEDING_YEARS = _one(
    "premie_voorgaande_jaren", 3, Citation.seed("003", "2.6.3"), Unit.YEARS
)
RELAPSE_WINDOW_DAYS = _one("herstel_terugval_dagen", 28, Citation.seed("003", "1.5.3"), Unit.DAYS)

# --- a.s.r. Re-integratiemanager (001) and De Amersfoortse Ontzorgmanager (004) ----------

INTERVENTION_SHARE_001 = _one(
    "interventievergoeding", Decimal("1.00"), Citation.seed("001", "3.3"), Unit.PERCENT
)
INTERVENTION_SHARE_004 = _one(
    "interventievergoeding", Decimal("1.00"), Citation.seed("004", "3.3"), Unit.PERCENT
)
MODULE_MIN_MONTHS = _one("minimale_looptijd_maanden", 12, Citation.seed("001", "2.1"), Unit.MONTHS)
NOTICE_MONTHS = _one("opzegtermijn_maanden", 1, Citation.seed("001", "2.3"), Unit.MONTHS)
CONTRACT_TERM_MONTHS_001 = _one(
    "contracttermijn_maanden", 12, Citation.seed("001", "2.3"), Unit.MONTHS
)
CONTRACT_TERM_MONTHS_004 = _one(
    "contracttermijn_maanden", 12, Citation.seed("004", "2.1"), Unit.MONTHS
)

# --- Shared by the compensation formulas (``spec/domain.md`` §6) ------------------------
#
# Conversion factors and the statutory share of wage continuation used by formulas of more
# than one product. They are conventions, not product terms, so no product lists them in
# a ``*_PARAMETERS`` tuple; they are dated and cited all the same.

#: Weekly wage from a yearly wage: year ÷ 52.
WEEKS_PER_YEAR = _one("weken_per_jaar", 52, Citation.decision("§6"), Unit.WEEKS)
#: Weekly wage from a monthly wage: month × 12 ÷ 52.
MONTHS_PER_YEAR = _one("maanden_per_jaar", 12, Citation.decision("§6"), Unit.MONTHS)
#: Weekly wage from a four-weekly wage: four weeks ÷ 4.
WEEKS_PER_FOUR_WEEK_PERIOD = _one(
    "weken_per_vierwekenperiode", 4, Citation.decision("§6"), Unit.WEEKS
)
#: Weekly wage from a daily wage: day × 5.
WORKING_DAYS_PER_WEEK = _one("werkdagen_per_week", 5, Citation.decision("§6"), Unit.WORKING_DAYS)
#: The statutory wage continuation during sickness, the default of the remaining wage cost.
WAGE_CONTINUATION_SHARE = _one(
    "loondoorbetaling_percentage",
    Decimal("0.70"),
    Citation.statute("BW", "7:629 lid 1"),
    Unit.PERCENT,
)
#: The module fee is a fixed fee per employee per (contract) year of this many months.
FEE_YEAR_MONTHS = _one("contractjaar_maanden", 12, Citation.seed("001", "5.1"), Unit.MONTHS)

#: The parameters each built-in product lists (the catalogue attaches them to its product).
ASR_REINTEGRATIE_PARAMETERS: tuple[ParameterHistory[int] | ParameterHistory[Decimal], ...] = ()
ASR_REINTEGRATIEMANAGER_PARAMETERS: tuple[
    ParameterHistory[int] | ParameterHistory[Decimal], ...
] = (
    INTERVENTION_SHARE_001,
    MODULE_MIN_MONTHS,
    NOTICE_MONTHS,
    CONTRACT_TERM_MONTHS_001,
)
MKB_VERZUIM_ONTZORG_PARAMETERS: tuple[ParameterHistory[int] | ParameterHistory[Decimal], ...] = (
    INTERVENTION_SHARE_004,
    CONTRACT_TERM_MONTHS_004,
)
ZEEUWSE_PRB_PARAMETERS: tuple[ParameterHistory[int] | ParameterHistory[Decimal], ...] = (
    PREVENTION_CAP,
    PREVENTION_CAP_WGA_WIA,
    REINTEGRATION_CAP,
    REINTEGRATION_CAP_WGA_WIA,
    SANCTION_COVERAGE,
    EMPLOYER_CHARGES,
    PREMIUM_PRECEDING_YEARS,
    RELAPSE_WINDOW_DAYS,
)

#: The unit of every built-in product parameter, by name: a product file's parameter of the
#: same name means the same thing, so it reads in the same unit (``€``, ``%``, months …).
PARAMETER_UNITS: dict[str, Unit] = {
    history.versions[0].name: history.versions[0].unit
    for history in (
        *ZEEUWSE_PRB_PARAMETERS,
        *ASR_REINTEGRATIEMANAGER_PARAMETERS,
        *MKB_VERZUIM_ONTZORG_PARAMETERS,
        WEEKS_PER_YEAR,
        MONTHS_PER_YEAR,
        WEEKS_PER_FOUR_WEEK_PERIOD,
        WORKING_DAYS_PER_WEEK,
        WAGE_CONTINUATION_SHARE,
        FEE_YEAR_MONTHS,
    )
}

#: The counted units a product parameter holds as a whole number, with their Dutch word.
_WHOLE_UNITS: dict[Unit, str] = {
    Unit.WEEKS: "weken",
    Unit.DAYS: "dagen",
    Unit.WORKING_DAYS: "werkdagen",
    Unit.MONTHS: "maanden",
    Unit.YEARS: "jaren",
}
_CENT = Decimal("0.01")


def check_product_parameter(parameter: Parameter[Any]) -> None:
    """Refuse a product parameter whose value its kind does not allow (domein §7).

    The kind is the unit of the built-in parameter of the same name
    ([`PARAMETER_UNITS`][reintegratie_core.PARAMETER_UNITS]), else the parameter's own
    [`unit`][reintegratie_core.Parameter]. Defined as:

    - ``EURO`` (an amount, ``reintegratiebudget``): a number ≥ 0 in whole cents;
    - ``PERCENT`` (a share, ``interventievergoeding``): a number from 0 to 1 (``0.70`` is
      70 %);
    - ``WEEKS``, ``DAYS``, ``WORKING_DAYS``, ``MONTHS``, ``YEARS`` (a term,
      ``opzegtermijn_maanden``): a whole number (``int``) ≥ 0;
    - ``HOURS``: a number ≥ 0;
    - ``NUMBER`` (a name the built-in products do not use): any value.

    One check for every product: the loader refuses a product file's row by its path
    (``parameters[3].waarde``), and every [`Product`][reintegratie_core.products.Product]
    — the built-in catalogue included — refuses a version that fails it. Raises
    [`InvalidValueError`][reintegratie_core.InvalidValueError] naming the parameter, what
    its kind accepts and the value given.
    """
    if type(parameter) is not Parameter:
        raise instance_error("parameter", parameter, Parameter)
    unit = PARAMETER_UNITS.get(parameter.name, parameter.unit)
    if unit is Unit.NUMBER:
        return
    value = parameter.value
    name = parameter.name
    number = value if isinstance(value, Decimal) else None
    if type(value) is int:
        number = Decimal(value)
    if number is None or not number.is_finite():
        msg = f"{name} is geen getal (niet {value!r})"
        raise InvalidValueError(msg)
    expected: str | None = None
    if unit is Unit.EURO:
        if number < 0 or number % _CENT != 0:
            expected = 'een bedrag in euro\'s: 0 of meer, in hele centen (bijv. "3500.00")'
    elif unit is Unit.PERCENT:
        if not 0 <= number <= 1:
            expected = 'een aandeel van 0 t/m 1 (bijv. "0.70" voor 70 %)'
    elif unit in _WHOLE_UNITS:
        if type(value) is not int or value < 0:
            expected = (
                f"een geheel aantal {_WHOLE_UNITS[unit]}, 0 of meer (een getal zonder "
                "aanhalingstekens, bijv. 12)"
            )
    elif number < 0:
        expected = "een aantal uur, 0 of meer"
    if expected is not None:
        msg = f"{name} is {expected}, niet {value}"
        raise InvalidValueError(msg)


__all__ = [
    "ASR_REINTEGRATIEMANAGER_PARAMETERS",
    "ASR_REINTEGRATIE_PARAMETERS",
    "BUILTIN_FROM",
    "CONTRACT_TERM_MONTHS_001",
    "CONTRACT_TERM_MONTHS_004",
    "EMPLOYER_CHARGES",
    "FEE_YEAR_MONTHS",
    "INTERVENTION_SHARE_001",
    "INTERVENTION_SHARE_004",
    "MKB_VERZUIM_ONTZORG_PARAMETERS",
    "MODULE_MIN_MONTHS",
    "MONTHS_PER_YEAR",
    "NOTICE_MONTHS",
    "PARAMETER_UNITS",
    "PREMIUM_PRECEDING_YEARS",
    "PREVENTION_CAP",
    "PREVENTION_CAP_WGA_WIA",
    "REINTEGRATION_CAP",
    "REINTEGRATION_CAP_WGA_WIA",
    "RELAPSE_WINDOW_DAYS",
    "SANCTION_COVERAGE",
    "WAGE_CONTINUATION_SHARE",
    "WEEKS_PER_FOUR_WEEK_PERIOD",
    "WEEKS_PER_YEAR",
    "WORKING_DAYS_PER_WEEK",
    "ZEEUWSE_PRB_PARAMETERS",
    "check_product_parameter",
]
