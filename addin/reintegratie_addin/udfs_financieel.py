"""Excel functions for the financial consequences of long-term sickness (domain §9).

the Excel contract "Financial consequences" (``financieel.md`` §9.7): statutory
wage continuation (BW 7:629) and the WIA benefit. Each function is a thin wrapper:
coercion of Excel values, one call of `reintegratie_core.financial`, the value and
explanation read from the decision it returns. Every argument of the five value functions
lifts over a one-column range; ``RI_WIA_OVERZICHT`` returns a table for one employee and
does not lift (a table cannot spill per row of a column): a range argument is refused
with "RI_WIA_OVERZICHT geeft een tabel voor één werknemer; geef één waarde (gebruik één
formule per werknemer …)", and its docstring, the guide and the function reference say so.

Decisions where the contract is silent:

* ``ao_percentage`` is read like every percentage (the contract's calling conventions):
  ``50``, ``0,5`` or ``"50%"``. A number up to 1 is a fraction, so ``1`` is 100 % (write
  ``"1%"`` or ``0,01`` for one percent); outside 0–100 % is ``#WAARDE! ao_percentage``.
* ``lgu_maanden`` takes whole or half months from 0 to 24 (what ``RI_WGA_DUUR`` gives); a
  month that is half in the wage-related benefit pays half of each amount.
* ``uren_per_week`` above 168 is refused (a week has 168 hours).
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from typing import Any

from reintegratie_addin import coerce as c
from reintegratie_addin.functions import Param, Table, excel_function
from reintegratie_core import Explained, Unit
from reintegratie_core.financial import (
    LGU_MONTHS_HINT,
    LguDuration,
    MonthlyBenefit,
    WageContinuation,
    WiaWageFigure,
    benefit_overview,
    lgu_duration,
    monthly_benefit,
    wage_continuation,
    wia_daily_wage,
    wia_monthly_wage,
)

CAT_FINANCIEEL = "Re-integratie – Financiële gevolgen"

ZERO = Decimal(0)

_amount = c.to_amount
HOURS_HINT = "verwacht een aantal uren per week, 0 t/m 168, bijv. 36"


def _hours_per_week(value: Any, argument: str) -> Decimal:
    return c.to_quantity(value, argument, HOURS_HINT)


_hours = c.optional(_hours_per_week)
_false_by_default = functools.partial(c.to_bool, default=False)


def _lgu_months(value: Any, argument: str) -> Decimal:
    """Months of wage-related benefit, read as every number is; empty is 0 (no LGU). A
    refusal says what a duration is (WIA art. 59), not what an amount is."""
    if c.is_empty(value):
        return ZERO
    return c.to_quantity(value, argument, LGU_MONTHS_HINT)


def _sick_week(value: Any, argument: str) -> int:
    return c.to_int(value, argument, minimum=1, hint="verwacht een ziekteweek van 1 of meer")


def _month(value: Any, argument: str) -> int:
    return c.to_int(
        value, argument, default=1, minimum=1, hint="verwacht een maand van de uitkering, 1 of meer"
    )


def _years(value: Any, argument: str) -> int:
    return c.to_int(value, argument, minimum=0, hint="verwacht een geheel aantal jaren, 0 of meer")


PEILDATUM = Param(
    name="peildatum",
    core="on",
    doc="Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)",
    coerce=c.required_date,
    dates=True,
)
JAARLOON = Param(
    name="jaarloon",
    core="annual_wage",
    doc="SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing",
    coerce=_amount,
)
AO_PERCENTAGE = Param(
    name="ao_percentage",
    core="ao",
    doc="Arbeidsongeschiktheidspercentage volgens het UWV: 50, 0,5 of 50% (1 = 100%)",
    coerce=c.to_percentage,
)
RVC = Param(
    name="restverdiencapaciteit",
    core="earning_capacity",
    doc="Resterende verdiencapaciteit per maand volgens het UWV",
    coerce=_amount,
)
INKOMEN = Param(
    name="inkomen", core="income", doc="Inkomen uit werk per maand (bruto)", coerce=_amount
)
DUURZAAM = Param(
    name="duurzaam",
    core="durable",
    doc="WAAR als de arbeidsongeschiktheid volledig en duurzaam is (IVA); leeg = ONWAAR",
    coerce=_false_by_default,
    optional=True,
)
LGU_MAANDEN = Param(
    name="lgu_maanden",
    core="lgu_months",
    doc="Maanden loongerelateerde WGA-uitkering (zie RI_WGA_DUUR; 12,5 = 12 maanden en 15 "
    "dagen); leeg = 0 (referte-eis niet gehaald)",
    coerce=_lgu_months,
    optional=True,
    of_floats=c.amount_column,  # a column of number cells at once, as for an amount
)


@excel_function(
    category=CAT_FINANCIEEL,
    params=[
        Param(
            name="maandloon",
            core="monthly_wage",
            doc="Overeengekomen maandloon exclusief vakantiebijslag",
            coerce=_amount,
        ),
        Param(
            name="ziekteweek",
            core="sick_week",
            doc="Ziekteweek (1 = de eerste week)",
            coerce=_sick_week,
        ),
        PEILDATUM,
        Param(
            name="uren_per_week",
            core="hours_per_week",
            doc="Contracturen per week, voor de minimumloonvloer in week 1–52; leeg = geen vloer",
            coerce=_hours,
            optional=True,
        ),
    ],
)
def RI_LOONDOORBETALING(
    maandloon: Decimal, ziekteweek: int, peildatum: date, uren_per_week: Decimal | None
) -> WageContinuation:
    """Wettelijke loondoorbetaling bij ziekte per maand (BW 7:629): 70 % van het maandloon tot
    de loongrens, in week 1–52 ten minste het minimumloon; exclusief vakantiebijslag."""
    return wage_continuation(maandloon, ziekteweek, peildatum, uren_per_week)


@excel_function(category=CAT_FINANCIEEL, params=[JAARLOON, PEILDATUM])
def RI_WIA_DAGLOON(jaarloon: Decimal, peildatum: date) -> WiaWageFigure:
    """WIA-dagloon: jaarloon ÷ 261, begrensd op het maximumdagloon (WIA art. 13)."""
    return wia_daily_wage(jaarloon, peildatum)


@excel_function(category=CAT_FINANCIEEL, params=[JAARLOON, PEILDATUM])
def RI_WIA_MAANDLOON(jaarloon: Decimal, peildatum: date) -> WiaWageFigure:
    """WIA-maandloon: het begrensde dagloon × 21,75 (WIA art. 13 lid 4)."""
    return wia_monthly_wage(jaarloon, peildatum)


@excel_function(
    category=CAT_FINANCIEEL,
    params=[
        Param(
            name="jaren_voor_2016",
            core="years_before_2016",
            doc="Hele jaren arbeidsverleden tot en met 2015",
            coerce=_years,
        ),
        Param(
            name="jaren_vanaf_2016",
            core="years_from_2016",
            doc="Hele jaren arbeidsverleden vanaf 2016",
            coerce=_years,
        ),
    ],
)
def RI_WGA_DUUR(jaren_voor_2016: int, jaren_vanaf_2016: int) -> LguDuration:
    """Duur van de loongerelateerde WGA-uitkering in maanden (WIA art. 59): 3 tot 24; 12,5 =
    12 maanden en 15 dagen."""
    return lgu_duration(jaren_voor_2016, jaren_vanaf_2016)


@excel_function(
    category=CAT_FINANCIEEL,
    params=[
        JAARLOON,
        AO_PERCENTAGE,
        RVC,
        INKOMEN,
        PEILDATUM,
        DUURZAAM,
        Param(
            name="maand",
            core="month",
            doc="Maand van de uitkering (1 = de eerste maand); leeg = 1",
            coerce=_month,
            optional=True,
        ),
        LGU_MAANDEN,
    ],
)
def RI_WIA_UITKERING(  # noqa: PLR0917 - the contract's argument list
    jaarloon: Decimal,
    ao_percentage: Decimal,
    restverdiencapaciteit: Decimal,
    inkomen: Decimal,
    peildatum: date,
    duurzaam: bool,
    maand: int,
    lgu_maanden: Decimal,
) -> MonthlyBenefit:
    """WIA-uitkering bruto per maand in maand `maand` van de uitkering: IVA, WGA
    loongerelateerd, loonaanvulling of vervolguitkering; 0 onder 35 %."""
    return monthly_benefit(
        jaarloon,
        ao_percentage,
        restverdiencapaciteit,
        inkomen,
        peildatum,
        durable=duurzaam,
        month=maand,
        lgu_months=lgu_maanden,
    )


OVERVIEW_HEADER = ("uitkering", "van_maand", "tot_maand", "bedrag_per_maand", "grond")
#: What the columns count: month numbers, and the amount in euros.
OVERVIEW_UNITS = (Unit.NUMBER, Unit.NUMBER, Unit.NUMBER, Unit.EURO)


@excel_function(
    category=CAT_FINANCIEEL,
    params=[JAARLOON, AO_PERCENTAGE, RVC, INKOMEN, PEILDATUM, DUURZAAM, LGU_MAANDEN],
    returns_table=True,
    one_per="werknemer",
)
def RI_WIA_OVERZICHT(  # noqa: PLR0917 - the contract's argument list
    jaarloon: Decimal,
    ao_percentage: Decimal,
    restverdiencapaciteit: Decimal,
    inkomen: Decimal,
    peildatum: date,
    duurzaam: bool,
    lgu_maanden: Decimal,
) -> Explained[Table]:
    """Tabel van de WIA-uitkering per periode: uitkering · van_maand · tot_maand (leeg = daarna
    doorlopend) · bedrag_per_maand · grond. Eén tabel voor één werknemer: anders dan de
    andere functies rekent RI_WIA_OVERZICHT niet per rij van een kolom; gebruik één
    formule per werknemer."""
    overview = benefit_overview(
        jaarloon,
        ao_percentage,
        restverdiencapaciteit,
        inkomen,
        peildatum,
        durable=duurzaam,
        lgu_months=lgu_maanden,
    )
    explained = overview.explained
    rows = tuple(
        (row.kind.value, row.first_month, row.last_month, row.amount, row.ground)
        for row in explained.value
    )
    return Explained(Table(OVERVIEW_HEADER, rows, OVERVIEW_UNITS), explained.grounds)


__all__ = [
    "RI_LOONDOORBETALING",
    "RI_WGA_DUUR",
    "RI_WIA_DAGLOON",
    "RI_WIA_MAANDLOON",
    "RI_WIA_OVERZICHT",
    "RI_WIA_UITKERING",
]
