"""The WIA benefit after two years of sickness (``financieel.md`` §9.3–9.6).

Every rule decides once and returns a small frozen record; its value and its explanation
are read from that record:

* [`wia_wage`][reintegratie_core.financial.wia_wage] — dagloon and maandloon (WIA art. 13; Dagloonbesluit art. 16):
  ``D = jaarloon ÷ 261``, ``C = min(D, maximumdagloon)``, both rounded to cents, and
  ``maandloon_wia = C × 21.75`` rounded to cents, as on a UWV decision;
* [`classify`][reintegratie_core.financial.classify] — the class of a percentage of lost earning capacity (WIA art. 4, 5,
  54, 61 lid 6): no benefit below 35 %, WGA, IVA, or WGA without income requirement;
* [`monthly_benefit`][reintegratie_core.financial.monthly_benefit] — the benefit in a month of entitlement: IVA (art. 51, 52), the
  wage-related WGA benefit (loongerelateerde uitkering, art. 61 lid 1), then loonaanvulling
  (art. 60, 61 lid 2, 4–5) or vervolguitkering (art. 62);
* `lgu_duration` — the months of the wage-related benefit (art. 59);
* [`benefit_overview`][reintegratie_core.financial.benefit_overview] — the benefit month by month, as rows of equal amounts.

Amounts are gross per month, including holiday allowance. Indexation of the dagloon
between the reference year and the benefit is out of scope: the user gives the dagloon's
basis as on the UWV decision.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import math
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

import attrs

from reintegratie_core._checks import date_error, flag_error, instance_error
from reintegratie_core._errors import InvalidValueError, argument_error
from reintegratie_core._explain import (
    UNIT,
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    ParameterValue,
    Unit,
    format_value,
    ruled,
)
from reintegratie_core._money import ZERO, AmountLike, fraction, money, round_cents
from reintegratie_core._parameters import Parameter
from reintegratie_core.financial._parameters import (
    DAYS_PER_MONTH,
    DAYS_PER_YEAR,
    RatesInForce,
    amount_argument,
    rates_on,
    whole_from_one,
)

WIA = "WIA"
ART_4 = Citation.statute(WIA, "4")
ART_5 = Citation.statute(WIA, "5")
ART_13 = Citation.statute(WIA, "13")
ART_51 = Citation.statute(WIA, "51")
ART_52 = Citation.statute(WIA, "52")
ART_54 = Citation.statute(WIA, "54")
ART_58 = Citation.statute(WIA, "58")
ART_59 = Citation.statute(WIA, "59")
ART_60 = Citation.statute(WIA, "60")
ART_61_1 = Citation.statute(WIA, "61 lid 1")
ART_61_2 = Citation.statute(WIA, "61 lid 2")
ART_61_4 = Citation.statute(WIA, "61 lid 4")
ART_61_5 = Citation.statute(WIA, "61 lid 5")
ART_61_6 = Citation.statute(WIA, "61 lid 6")
ART_62 = Citation.statute(WIA, "62")
DAGLOONBESLUIT_16 = Citation.statute("Dagloonbesluit", "16")
SCOPE = Citation.decision("§9.3")
#: The benefit per month: gross incl. holiday allowance, never negative, rounded once (§9.5).
BENEFIT_ROUNDING = Citation.decision("§9.5")
#: The casemanager informs the employee about the financial consequences (``000`` art. 1.9).
INFORM_000 = Citation.seed("000", "1.9")
#: The Ontzorgmanager gives insight in the financial consequences (``002``).
INFORM_002 = Citation.seed("002", "De Ontzorgmanager (inzicht in de financiële gevolgen)")

#: What the jaarloon is, and that indexation is not computed (``financieel.md`` §9.3).
_INDEXATION_GROUND = Ground(
    rule="het jaarloon is het SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op "
    "de UWV-beslissing; indexatie tot de ingangsdatum valt buiten de berekening",
    citation=SCOPE,
)

#: IVA: 75 % of the maandloon (WIA art. 52).
IVA_SHARE = Parameter(
    name="iva_percentage", value=Decimal("0.75"), citation=ART_52, unit=Unit.PERCENT
)
#: Wage-related WGA benefit: 75 % in months 1–2 (WIA art. 61 lid 1).
LGU_FIRST_SHARE = Parameter(
    name="lgu_percentage_maand_1_2", value=Decimal("0.75"), citation=ART_61_1, unit=Unit.PERCENT
)
#: ... and 70 % from month 3 (WIA art. 61 lid 1).
LGU_SHARE = Parameter(
    name="lgu_percentage", value=Decimal("0.70"), citation=ART_61_1, unit=Unit.PERCENT
)
#: The months at the higher percentage (WIA art. 61 lid 1).
LGU_FIRST_MONTHS = Parameter(name="lgu_maanden_75", value=2, citation=ART_61_1, unit=Unit.MONTHS)
#: Income is counted at 70 % against the benefit; loonaanvulling is 70 % (art. 61 lid 4).
INCOME_SHARE = Parameter(
    name="inkomen_percentage", value=Decimal("0.70"), citation=ART_61_4, unit=Unit.PERCENT
)
#: The income requirement: at least half the remaining earning capacity (art. 61 lid 1).
INCOME_REQUIREMENT = Parameter(
    name="inkomenseis", value=Decimal("0.5"), citation=ART_60, unit=Unit.PERCENT
)
#: The wage-related benefit lasts 3 to 24 months (WIA art. 59).
LGU_MIN_MONTHS = Parameter(
    name="lgu_min_maanden", value=Decimal(3), citation=ART_59, unit=Unit.MONTHS
)
LGU_MAX_MONTHS = Parameter(
    name="lgu_max_maanden", value=Decimal(24), citation=ART_59, unit=Unit.MONTHS
)
#: Years of work history up to this many count as one month each (WIA art. 59).
LGU_FULL_YEARS = Parameter(name="jaren_volle_maand", value=10, citation=ART_59, unit=Unit.YEARS)
#: A year from 2016 beyond the tenth counts as half a month (WIA art. 59).
LGU_LATE_YEAR = Parameter(
    name="maand_per_jaar_vanaf_2016", value=Decimal("0.5"), citation=ART_59, unit=Unit.MONTHS
)
#: A half month of benefit is 15 days (``financieel.md`` §9.6).
HALF_MONTH_DAYS = 15
#: The rule of art. 59 as the explanation states it, each number read from its parameter.
_LGU_RULE = (
    f"T = P + Q; maanden = T als T ≤ {LGU_FULL_YEARS.value}, anders {LGU_FULL_YEARS.value} "
    f"+ max(P − {LGU_FULL_YEARS.value}, 0) + {format_value(LGU_LATE_YEAR.value)} × "
    f"(T − max(P, {LGU_FULL_YEARS.value})); begrensd op "
    f"{format_value(LGU_MIN_MONTHS.value)} t/m {format_value(LGU_MAX_MONTHS.value)}; "
    f"een halve maand = {HALF_MONTH_DAYS} dagen"
)
#: What a duration of wage-related benefit is, in every refusal of one (the core's and the
#: Excel shell's): its upper bound read from ``lgu_max_maanden`` (WIA art. 59).
LGU_MONTHS_HINT = (
    f"verwacht 0 t/m {format_value(LGU_MAX_MONTHS.value)} maanden in hele of halve maanden, "
    "bijv. 12,5; zie RI_WGA_DUUR"
)

_HALF = Decimal("0.5")
_ONE = Decimal(1)


def _percent(value: Decimal) -> str:
    return f"{(value * 100).normalize():f} %".replace(".", ",")


class BenefitKind(enum.Enum):
    """What is paid in a month (codes of ``RI_WIA_OVERZICHT``'s ``uitkering`` column)."""

    IVA = "iva"
    WAGE_RELATED = "wga_loongerelateerd"
    SUPPLEMENT = "wga_loonaanvulling"
    FOLLOW_UP = "wga_vervolg"
    NONE = "geen"


class Regime(enum.Enum):
    """The class a percentage of lost earning capacity falls in (WIA art. 4, 5, 54)."""

    NONE = "geen"
    WGA = "wga"
    WGA_NO_INCOME_REQUIREMENT = "wga_80_100"
    IVA = "iva"


@attrs.frozen(kw_only=True)
class ClassBand:
    """A band of ``ao`` percentages, closed below and open above, and its class percentage."""

    low: Decimal = attrs.field(metadata={UNIT: Unit.PERCENT})
    high: Decimal | None = attrs.field(metadata={UNIT: Unit.PERCENT})
    percentage: Decimal = attrs.field(metadata={UNIT: Unit.PERCENT})
    #: ``[45 %, 55 %)`` or ``≥ 80 %``, for explanations.
    label: str = attrs.field(init=False)

    @label.default
    def _label(self) -> str:
        low = _percent(self.low)
        return f"≥ {low}" if self.high is None else f"[{low}, {_percent(self.high)})"

    def contains(self, ao: Decimal) -> bool:
        """Whether ``low ≤ ao < high``."""
        if type(ao) is not Decimal or not ao.is_finite():
            raise instance_error("ao", ao, Decimal, "een eindig getal")
        return self.low <= ao and (self.high is None or ao < self.high)


#: The lowest percentage with a benefit (WIA art. 5) and the IVA threshold (art. 4).
MINIMUM_AO = Parameter(name="ao_minimum", value=Decimal("0.35"), citation=ART_5, unit=Unit.PERCENT)
FULL_AO = Parameter(name="ao_volledig", value=Decimal("0.80"), citation=ART_4, unit=Unit.PERCENT)

# Read on every decision of a lifted row: an Enum member or a parameter's value looked up
# on its class costs a call each time (Python 3.11); module names do not.
_FULL_AO = FULL_AO.value
_NO_BENEFIT, _WGA, _WGA_NO_REQUIREMENT, _IVA = (
    Regime.NONE,
    Regime.WGA,
    Regime.WGA_NO_INCOME_REQUIREMENT,
    Regime.IVA,
)
_NO_KIND, _IVA_KIND, _WAGE_RELATED, _SUPPLEMENT, _FOLLOW_UP = (
    BenefitKind.NONE,
    BenefitKind.IVA,
    BenefitKind.WAGE_RELATED,
    BenefitKind.SUPPLEMENT,
    BenefitKind.FOLLOW_UP,
)

#: The class percentages G (WIA art. 61 lid 6; ``financieel.md`` §9.4).
CLASS_BANDS: tuple[ClassBand, ...] = (
    ClassBand(low=Decimal("0.35"), high=Decimal("0.45"), percentage=Decimal("0.28")),
    ClassBand(low=Decimal("0.45"), high=Decimal("0.55"), percentage=Decimal("0.35")),
    ClassBand(low=Decimal("0.55"), high=Decimal("0.65"), percentage=Decimal("0.42")),
    ClassBand(low=Decimal("0.65"), high=Decimal("0.80"), percentage=Decimal("0.5075")),
    ClassBand(low=Decimal("0.80"), high=None, percentage=Decimal("0.70")),
)


# --- Dagloon and maandloon (WIA art. 13; Dagloonbesluit art. 16) --------------------------


class WiaWage(NamedTuple):
    """The dagloon and maandloon decided from a jaarloon (WIA art. 13).

    ``uncapped`` (D), ``daily`` (C) and ``monthly`` are rounded to cents as on a UWV
    decision; ``ratio`` is C/D (1 when not capped), exact. A tuple, built once per lifted
    Excel row; the grounds are rendered from its fields only when asked.
    """

    annual_wage: Decimal
    rates: RatesInForce
    uncapped: Decimal
    daily: Decimal
    monthly: Decimal
    ratio: Decimal

    @property
    def capped(self) -> bool:
        """Whether the maximumdagloon capped the dagloon."""
        return self.daily < self.uncapped

    def daily_grounds(self) -> tuple[Ground, ...]:
        """Why the dagloon is what it is."""
        maximum = self.rates.maximum_daily_wage
        rule = "dagloon D = jaarloon ÷ 261, C = min(D, maximumdagloon), beide afgerond op centen"
        pairs: tuple[tuple[str, ParameterValue], ...] = (
            ("jaarloon", Unit.EURO.of(self.annual_wage)),
            DAYS_PER_YEAR.as_pair(),
            ("D", Unit.EURO.of(self.uncapped)),
            maximum.as_pair(),
            ("C", Unit.EURO.of(self.daily)),
        )
        return (
            Ground(rule=rule, citation=ART_13, parameters=pairs),
            Ground(rule=rule, citation=DAGLOONBESLUIT_16, parameters=pairs),
            self.rates.ground(maximum),
            _INDEXATION_GROUND,
        )

    def monthly_grounds(self) -> tuple[Ground, ...]:
        """Why the maandloon is what it is (the dagloon's grounds first)."""
        return (
            *self.daily_grounds(),
            Ground(
                rule="maandloon_wia = C × 21,75, afgerond op centen",
                citation=DAYS_PER_MONTH.citation,
                parameters=(
                    ("C", Unit.EURO.of(self.daily)),
                    DAYS_PER_MONTH.as_pair(),
                    ("maandloon_wia", Unit.EURO.of(self.monthly)),
                ),
            ),
        )

    @property
    def explained_daily(self) -> Explained[Decimal]:
        """The capped dagloon C with its grounds."""
        return Explained(self.daily, self.daily_grounds(), Unit.EURO)

    @property
    def explained_monthly(self) -> Explained[Decimal]:
        """The maandloon with its grounds."""
        return Explained(self.monthly, self.monthly_grounds(), Unit.EURO)

    def daily_decision(self) -> WiaWageFigure:
        """The dagloon C as a decision: its value now, its grounds on demand."""
        return _new_figure(WiaWageFigure, (*self, False, self.daily))

    def monthly_decision(self) -> WiaWageFigure:
        """The maandloon as a decision: its value now, its grounds on demand."""
        return _new_figure(WiaWageFigure, (*self, True, self.monthly))


class _WiaWageFigure(NamedTuple):
    """The fields of `WiaWageFigure`."""

    annual_wage: Decimal
    rates: RatesInForce
    uncapped: Decimal
    daily: Decimal
    monthly: Decimal
    ratio: Decimal
    is_monthly: bool
    #: The maandloon, or the capped dagloon C.
    value: Decimal


class WiaWageFigure(_WiaWageFigure, DecisionRecord[Decimal]):
    """One figure of a [`WiaWage`][reintegratie_core.financial.WiaWage] (dagloon or maandloon) as a decision: the fields
    of the wage, which figure (``is_monthly``) and its ``value``; `explain` renders that
    figure's grounds from them. One tuple per lifted Excel row."""

    __slots__ = ()

    @property
    def wage(self) -> WiaWage:
        """The dagloon and maandloon this figure was read from."""
        return _new_wage(WiaWage, self[:6])

    @ruled("wia_wage")
    def explain(self) -> Explained[Decimal]:
        """The figure with its grounds."""
        wage = self.wage
        return wage.explained_monthly if self.is_monthly else wage.explained_daily


_new_figure: Callable[[type[WiaWageFigure], tuple[object, ...]], WiaWageFigure] = tuple.__new__


def _decide_wage(
    annual_wage: AmountLike, on: date
) -> tuple[Decimal, RatesInForce, Decimal, Decimal, Decimal, Decimal]:
    """The fields of a [`WiaWage`][reintegratie_core.financial.WiaWage], decided once (see
    `wia_wage`); ``on`` is checked here, where every WIA entry point passes it first."""
    if type(on) is not date:
        raise date_error("on", on)
    wage = amount_argument(annual_wage, "annual_wage")
    rates = rates_on(on)
    uncapped = round_cents(wage / _DAYS_PER_YEAR)
    maximum = rates.maximum_daily_wage.value
    # both in cents already: their minimum needs no second rounding
    if maximum < uncapped:
        return (
            wage,
            rates,
            uncapped,
            maximum,
            round_cents(maximum * _DAYS_PER_MONTH),
            maximum / uncapped,
        )
    return (wage, rates, uncapped, uncapped, round_cents(uncapped * _DAYS_PER_MONTH), _ONE)


def wia_wage(annual_wage: AmountLike, on: date) -> WiaWage:
    """The WIA dagloon and maandloon (WIA art. 13 lid 4; Dagloonbesluit art. 16).

    Defined as:

    ```text
    D             = round(jaarloon ÷ 261)
    C             = round(min(D, maximumdagloon(on)))
    maandloon_wia = round(C × 21.75)
    C/D           = C ÷ D (1 when not capped)
    ```
    """
    return _new_wage(WiaWage, _decide_wage(annual_wage, on))


def wia_daily_wage(annual_wage: AmountLike, on: date) -> WiaWageFigure:
    """The capped WIA dagloon C as a decision (``RI_WIA_DAGLOON``): the same decision as
    [`wia_wage`][reintegratie_core.financial.wia_wage], one record, whose value is C."""
    decided = _decide_wage(annual_wage, on)
    return _new_figure(WiaWageFigure, (*decided, False, decided[3]))


def wia_monthly_wage(annual_wage: AmountLike, on: date) -> WiaWageFigure:
    """The WIA maandloon as a decision (``RI_WIA_MAANDLOON``): the same decision as
    [`wia_wage`][reintegratie_core.financial.wia_wage], one record, whose value is the maandloon."""
    decided = _decide_wage(annual_wage, on)
    return _new_figure(WiaWageFigure, (*decided, True, decided[4]))


_new_wage: Callable[[type[WiaWage], tuple[object, ...]], WiaWage] = tuple.__new__
_DAYS_PER_YEAR = DAYS_PER_YEAR.value
_DAYS_PER_MONTH = DAYS_PER_MONTH.value


# --- Classes (WIA art. 4, 5, 54, 61 lid 6) -----------------------------------------------


class Classification(NamedTuple):
    """The class of ``ao`` (and ``durable``) and its class percentage G (a tuple: built
    once per lifted Excel row)."""

    ao: Decimal
    durable: bool
    regime: Regime
    band: ClassBand | None

    @property
    def percentage(self) -> Decimal:
        """G, the class percentage (0 without a benefit)."""
        return ZERO if self.band is None else self.band.percentage

    @property
    def value(self) -> Regime:
        """The class decided (``regime``); its percentage G is `percentage`."""
        return self.regime

    @ruled("classify")
    def explain(self) -> Explained[Regime]:
        """The class with its grounds (`grounds`)."""
        return Explained(self.regime, self.grounds())

    @property
    def explained(self) -> Explained[Regime]:
        """The class with its grounds (`explain`)."""
        return self.explain()

    def text(self, label: str = "uitkomst") -> str:
        """The explanation as text (see [`Explained.text`][reintegratie_core.Explained.text]).

        Not a [`DecisionRecord`][reintegratie_core.DecisionRecord]: this record's
        ``grounds()`` came first and keeps its meaning."""
        return self.explain().text(label)

    def grounds(self) -> tuple[Ground, ...]:
        """Why this class."""
        pairs: tuple[tuple[str, ParameterValue], ...] = (
            ("ao_percentage", Unit.PERCENT.of(self.ao)),
            ("duurzaam", self.durable),
        )
        if self.regime is Regime.NONE:
            return (
                Ground(
                    rule="minder dan 35 % arbeidsongeschikt: geen WIA-uitkering",
                    citation=ART_5,
                    parameters=(*pairs, MINIMUM_AO.as_pair()),
                ),
            )
        assert self.band is not None
        text = {
            Regime.WGA: "35 % tot 80 % arbeidsongeschikt: WGA",
            Regime.WGA_NO_INCOME_REQUIREMENT: "80 % of meer, niet duurzaam: WGA zonder inkomenseis",
            Regime.IVA: "80 % of meer en duurzaam: IVA",
        }[self.regime]
        citation = ART_4 if self.regime is Regime.IVA else ART_54
        # "35 % tot 80 %" uses both bounds; "80 % of meer" only the upper one
        thresholds = (
            (MINIMUM_AO.as_pair(), FULL_AO.as_pair())
            if self.regime is Regime.WGA
            else (FULL_AO.as_pair(),)
        )
        return (
            Ground(rule=text, citation=citation, parameters=(*pairs, *thresholds)),
            Ground(
                rule=f"klassepercentage G voor {self.band.label}",
                citation=ART_61_6,
                parameters=(("klassepercentage", Unit.PERCENT.of(self.band.percentage)),),
            ),
        )


def classify(ao: AmountLike, durable: bool = False) -> Classification:
    """The class of a percentage of lost earning capacity (WIA art. 4, 5, 54, 61 lid 6).

    Defined as:

    ```text
    ao < 0.35                 → no benefit
    0.35 ≤ ao < 0.80          → WGA
    ao ≥ 0.80 and duurzaam    → IVA
    ao ≥ 0.80, not duurzaam   → WGA without income requirement
    G = 28 % [35,45), 35 % [45,55), 42 % [55,65), 50.75 % [65,80), 70 % ≥ 80
    ```
    """
    return _new_classification(Classification, _classes(ao, durable))


def _classes(ao: AmountLike, durable: bool) -> tuple[Decimal, bool, Regime, ClassBand | None]:
    """The fields of a [`Classification`][reintegratie_core.financial.Classification], decided once (see `classify`)."""
    if type(durable) is not bool:  # a true "nee" would be IVA (WIA art. 4)
        raise flag_error("durable", durable)
    share = ao
    if type(share) is not Decimal or not share.is_finite() or not _ZERO_AO <= share <= _ONE:
        share = fraction(ao, name="ao")  # the common case (a fraction) checked once
    index = bisect.bisect_right(_BAND_LOWS, share) - 1  # the band containing share
    if index < 0:
        return (share, durable, _NO_BENEFIT, None)
    band = CLASS_BANDS[index]
    if share < _FULL_AO:
        return (share, durable, _WGA, band)
    return (share, durable, _IVA if durable else _WGA_NO_REQUIREMENT, band)


_BAND_LOWS = tuple(b.low for b in CLASS_BANDS)
_ZERO_AO = Decimal(0)
# contiguous and ordered, the last open above: then the bisection finds the containing band
assert all(a.high == b.low for a, b in itertools.pairwise(CLASS_BANDS))
assert CLASS_BANDS[-1].high is None


_new_classification: Callable[[type[Classification], tuple[object, ...]], Classification]
_new_classification = tuple.__new__


# --- The benefit per month (WIA art. 51, 52, 60–62) ---------------------------------------


class AfterWageRelated(NamedTuple):
    """What follows the wage-related benefit (art. 60–62), decided once for a month."""

    kind: BenefitKind
    amount: Decimal
    #: The citations of the formula that applied.
    citations: tuple[Citation, ...]
    rule: str
    #: H = min(WIA-minimumloon, maandloon_wia) and the floor G × H, where used.
    minimum: Decimal | None = None
    floor: Decimal | None = None
    floor_applied: bool = False
    #: The loonaanvulling with the income requirement met (art. 61 lid 4–5), unrounded:
    #: x = 70 % × (maandloon_wia − restverdiencapaciteit × C/D), and the bound of the floor,
    #: 70 % × (maandloon_wia − inkomen × C/D); ``amount`` is x, or min(G × H, the bound)
    #: when x < G × H.
    on_capacity: Decimal | None = None
    on_income: Decimal | None = None


#: The fields of an `AfterWageRelated`, as a plain tuple.
_AfterFields = tuple[
    BenefitKind,
    Decimal,
    tuple[Citation, ...],
    str,
    Decimal | None,
    Decimal | None,
    bool,
    Decimal | None,
    Decimal | None,
]


class MonthlyBenefit(NamedTuple):
    """The WIA benefit decided for one month of entitlement.

    ``lgu_share`` is the part of the month in the wage-related benefit (1, a half, or 0);
    ``lgu_amount`` and ``after`` are the unrounded amounts of the two parts; ``value`` is
    their weighted sum, rounded once to cents.

    A tuple, so that deciding costs one allocation: a lifted Excel call decides once per
    row. The wage, the class and what follows the wage-related benefit are kept as the plain
    tuples of their fields (``wage_fields``, ``class_fields``, ``after_fields``), read as
    records (`wage`, `classification`, `after`) when asked; the grounds are rendered from
    these fields only when asked (`explain`).
    """

    wage_fields: tuple[Decimal, RatesInForce, Decimal, Decimal, Decimal, Decimal]
    class_fields: tuple[Decimal, bool, Regime, ClassBand | None]
    income: Decimal
    earning_capacity: Decimal
    month: int
    lgu_months: Decimal
    kind: BenefitKind
    lgu_share: Decimal
    lgu_factor: Parameter[Decimal] | None
    lgu_amount: Decimal | None
    after_fields: _AfterFields | None
    iva_amount: Decimal | None
    value: Decimal

    @property
    def wage(self) -> WiaWage:
        """The dagloon and maandloon decided for this month (WIA art. 13)."""
        return _new_wage(WiaWage, self.wage_fields)

    @property
    def classification(self) -> Classification:
        """The class of the ao percentage (WIA art. 4, 5, 54, 61 lid 6)."""
        return _new_classification(Classification, self.class_fields)

    @property
    def after(self) -> AfterWageRelated | None:
        """Loonaanvulling or vervolguitkering, when the month is (partly) after the LGU."""
        fields = self.after_fields
        return None if fields is None else _new_after(AfterWageRelated, fields)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The articles of the formulas that gave this month's amount."""
        found: list[Citation] = []
        if self.kind is BenefitKind.IVA:
            found += [ART_51, ART_52]
        if self.lgu_amount is not None:
            found.append(ART_61_1)
        after = self.after
        if self.lgu_amount is not None and after is not None:
            found.append(ART_59)
        if after is not None:
            found += after.citations
        if self.kind is BenefitKind.NONE:
            found.append(ART_5)
        return tuple(found)

    def grounds(self) -> tuple[Ground, ...]:
        """Every rule applied, with its article and values, in the order applied."""
        wage, after = self.wage, self.after
        rates = wage.rates
        grounds: list[Ground] = [
            Ground(
                rule="de casemanager informeert de werknemer over de financiële gevolgen van "
                "langdurige arbeidsongeschiktheid met een WIA-berekening",
                citation=INFORM_000,
            ),
            *self.classification.grounds(),
        ]
        if self.kind is BenefitKind.NONE:
            return tuple(grounds)
        grounds += wage.monthly_grounds()
        ratio: tuple[str, ParameterValue] = ("C/D", _ratio_shown(wage.ratio))
        base = (
            ("maandloon_wia", Unit.EURO.of(wage.monthly)),
            ("inkomen", Unit.EURO.of(self.income)),
            ratio,
        )
        if self.iva_amount is not None:
            rule = "IVA = 75 % × maandloon_wia − 70 % × inkomen × C/D, niet negatief"
            pairs = (*base, IVA_SHARE.as_pair(), INCOME_SHARE.as_pair())
            grounds += [Ground(rule=rule, citation=c, parameters=pairs) for c in (ART_51, ART_52)]
        if self.lgu_amount is not None and self.lgu_factor is not None:
            grounds.append(
                Ground(
                    rule="loongerelateerde uitkering = f × (maandloon_wia − inkomen × C/D), "
                    "f = 75 % in maand 1–2 en 70 % vanaf maand 3, niet negatief",
                    citation=ART_61_1,
                    parameters=(
                        ("maand", self.month),
                        ("lgu_maanden", Unit.MONTHS.of(self.lgu_months)),
                        *base,
                        ("f", Unit.PERCENT.of(self.lgu_factor.value)),
                    ),
                )
            )
        if self.lgu_amount is None and after is not None:
            grounds.append(
                Ground(
                    rule="na de loongerelateerde uitkering (of zonder recht daarop: "
                    "referte-eis niet gehaald, lgu_maanden = 0)",
                    citation=ART_58,
                    parameters=(
                        ("maand", self.month),
                        ("lgu_maanden", Unit.MONTHS.of(self.lgu_months)),
                    ),
                )
            )
        if after is not None:
            grounds += self._after_grounds(after, base)
            if after.minimum is not None:
                grounds.append(rates.ground(rates.wia_minimum_wage))
        if self.lgu_amount is not None and after is not None:
            grounds.append(
                Ground(
                    rule=f"maand {self.month} valt voor {format_share(self.lgu_share)} in de "
                    f"loongerelateerde uitkering (een halve maand = {HALF_MONTH_DAYS} dagen): "
                    "bedrag = aandeel × loongerelateerd + rest × daarna",
                    citation=ART_59,
                    parameters=(("aandeel_lgu", Unit.PERCENT.of(self.lgu_share)),),
                )
            )
        grounds.append(
            Ground(
                rule="bruto per maand inclusief vakantiebijslag, één keer afgerond op centen",
                citation=BENEFIT_ROUNDING,
                parameters=(("uitkering", self.kind.value), ("bedrag", Unit.EURO.of(self.value))),
            )
        )
        return tuple(grounds)

    def _after_grounds(
        self, after: AfterWageRelated, base: tuple[tuple[str, ParameterValue], ...]
    ) -> list[Ground]:
        pairs: list[tuple[str, ParameterValue]] = list(base)
        if self.classification.regime is not Regime.WGA_NO_INCOME_REQUIREMENT:
            # without income requirement (art. 60, 61 lid 2) neither it nor rvc is used
            pairs += [
                ("restverdiencapaciteit", Unit.EURO.of(self.earning_capacity)),
                INCOME_REQUIREMENT.as_pair(),
            ]
        if after.minimum is not None:
            pairs += [
                ("klassepercentage", Unit.PERCENT.of(self.classification.percentage)),
                ("H", Unit.EURO.of(after.minimum)),
                ("G_x_H_afgerond", Unit.EURO.of(round_cents(after.floor or ZERO))),
            ]
        if after.kind is BenefitKind.SUPPLEMENT:
            pairs.append(INCOME_SHARE.as_pair())  # 70 % × (…), art. 61 lid 2 and 4
        if after.on_capacity is not None:  # x, decided (art. 61 lid 4)
            pairs.append(("x_afgerond", Unit.EURO.of(round_cents(after.on_capacity))))
        if after.floor is not None and after.kind is BenefitKind.SUPPLEMENT:
            pairs.append(("vloer_toegepast", after.floor_applied))
        if after.floor_applied and after.on_income is not None:  # the bound (art. 61 lid 5)
            pairs.append(("bovengrens_afgerond", Unit.EURO.of(round_cents(after.on_income))))
        return [
            Ground(rule=after.rule, citation=c, parameters=tuple(pairs)) for c in after.citations
        ]

    @property
    @ruled("monthly_benefit")
    def explained(self) -> Explained[Decimal]:
        """The amount with its grounds."""
        return Explained(self.value, self.grounds(), Unit.EURO)

    def explain(self) -> Explained[Decimal]:
        """The amount with its grounds, rendered from this record on demand."""
        return self.explained

    def text(self, label: str = "uitkomst") -> str:
        """The explanation as text (see [`Explained.text`][reintegratie_core.Explained.text]).

        Not a [`DecisionRecord`][reintegratie_core.DecisionRecord]: this record's
        ``grounds()`` and ``citations`` (the formula's articles) came first and keep their
        meaning."""
        return self.explained.text(label)


def format_share(share: Decimal) -> str:
    """A share of a month as Dutch text (``0,5``)."""
    return f"{share.normalize():f}".replace(".", ",")


def _ratio_shown(ratio: Decimal) -> Decimal:
    return ratio if ratio == _ONE else ratio.quantize(Decimal("0.000001"))


def check_month(month: int) -> int:
    """A month of entitlement: a whole number from 1 (an error naming ``month``)."""
    return whole_from_one(
        month, "month", "maandnummer", "de eerste maand van de uitkering is maand 1"
    )


def check_lgu_months(months: AmountLike) -> Decimal:
    """Months of wage-related benefit: 0 to 24 in halves (an error naming ``months``)."""
    return _lgu_months(months, "months")


def _lgu_months(months: AmountLike, argument: str) -> Decimal:
    """`check_lgu_months` for the parameter ``argument`` of a public function."""
    if type(months) is Decimal and months in _LGU_VALUES:
        return months  # the common case: one of the 49 durations, checked by one look-up
    value = money(months, name=argument, allow_negative=True)  # a duration, not euros
    if (
        value < ZERO
        or value > LGU_MAX_MONTHS.value
        or (value * 2) != (value * 2).to_integral_value()
    ):
        msg = (
            f"{format_value(value)} is geen duur van de loongerelateerde uitkering "
            f"({LGU_MONTHS_HINT})"
        )
        raise argument_error(InvalidValueError, argument, msg)
    return value


_new_after: Callable[[type[AfterWageRelated], tuple[object, ...]], AfterWageRelated]
_new_after = tuple.__new__
_ART_60_61 = (ART_60, ART_61_2)
_ART_61_4_5 = (ART_61_4, ART_61_5)
_ART_62 = (ART_62,)
_SUPPLEMENT_RULE = (
    "loonaanvulling, inkomenseis gehaald (50 % ≤ inkomen/restverdiencapaciteit "
    "< 100 %): x = 70 % × (maandloon_wia − restverdiencapaciteit × C/D); als x < G × H "
    "dan x = min(G × H, bovengrens), bovengrens = 70 % × (maandloon_wia − inkomen × C/D); "
    "H = min(WIA-minimumloon, maandloon_wia)"
)
_ON_INCOME = "70 % × (maandloon_wia − inkomen × C/D), niet negatief"
#: The loonaanvulling's rule without the income requirement, and with it met in full: made
#: once, not per lifted row.
_NO_REQUIREMENT_RULE = (
    f"loonaanvulling, zonder inkomenseis (80 % of meer, niet duurzaam): {_ON_INCOME}"
)
_FULL_INCOME_RULE = f"loonaanvulling, inkomen ≥ restverdiencapaciteit: {_ON_INCOME}"
_FOLLOW_UP_RULE = (
    "vervolguitkering, inkomenseis niet gehaald (inkomen < 50 % van de "
    "restverdiencapaciteit): G × H, H = min(WIA-minimumloon, maandloon_wia)"
)


def _after_wage_related(
    wage: tuple[Decimal, RatesInForce, Decimal, Decimal, Decimal, Decimal],
    classes: tuple[Decimal, bool, Regime, ClassBand | None],
    income: Decimal,
    capacity: Decimal,
    on_income: Decimal,
) -> _AfterFields:
    """Loonaanvulling or vervolguitkering (WIA art. 60–62), decided once: the fields of an
    [`AfterWageRelated`][reintegratie_core.financial.AfterWageRelated]. ``wage`` and ``classes`` hold the fields of a [`WiaWage`][reintegratie_core.financial.WiaWage] and a
    WGA [`Classification`][reintegratie_core.financial.Classification]; ``on_income`` is maandloon_wia − inkomen × C/D."""
    supplement = _INCOME_SHARE * on_income
    regime = classes[2]
    if regime is _WGA_NO_REQUIREMENT or income >= capacity:
        rule = _NO_REQUIREMENT_RULE if regime is _WGA_NO_REQUIREMENT else _FULL_INCOME_RULE
        amount = supplement if supplement > ZERO else ZERO
        return (_SUPPLEMENT, amount, _ART_60_61, rule, None, None, False, None, None)
    monthly, ratio = wage[4], wage[5]
    wia_minimum = wage[1].wia_minimum_wage.value
    minimum = monthly if monthly < wia_minimum else wia_minimum  # min(WIA-minimumloon, M)
    band = classes[3]
    assert band is not None  # a WGA class has its band
    floor = band.percentage * minimum
    if income >= _INCOME_REQUIREMENT * capacity:
        counted = capacity if ratio is _ONE else capacity * ratio  # rvc × C/D
        on_capacity = _INCOME_SHARE * (monthly - counted)
        applied = on_capacity < floor
        amount = on_capacity
        if applied:  # x = min(G × H, 70 % × (M − B × C/D))
            amount = supplement if supplement < floor else floor
        if amount < ZERO:
            amount = ZERO
        return (
            _SUPPLEMENT,
            amount,
            _ART_61_4_5,
            _SUPPLEMENT_RULE,
            minimum,
            floor,
            applied,
            on_capacity,
            supplement,
        )
    amount = floor if floor > ZERO else ZERO
    return (_FOLLOW_UP, amount, _ART_62, _FOLLOW_UP_RULE, minimum, floor, False, None, None)


_INCOME_SHARE = INCOME_SHARE.value
_INCOME_REQUIREMENT = INCOME_REQUIREMENT.value


def monthly_benefit(
    annual_wage: AmountLike,
    ao: AmountLike,
    earning_capacity: AmountLike,
    income: AmountLike,
    on: date,
    *,
    durable: bool = False,
    month: int = 1,
    lgu_months: AmountLike = 0,
) -> MonthlyBenefit:
    """The WIA benefit in month ``month`` of entitlement (``financieel.md`` §9.5).

    Defined as, with M = maandloon_wia, B = inkomen, R = restverdiencapaciteit, C/D the cap
    ratio, G the class percentage and H = min(WIA-minimumloon(on), M):

    ```text
    ao < 35 %                      0                                  (art. 5)
    IVA                            0.75 × M − 0.70 × B × C/D          (art. 51, 52)
    WGA, months 1..L               f × (M − B × C/D), f = 0.75 in
                                   months 1–2, 0.70 after             (art. 61 lid 1)
    WGA after L: B ≥ R or ao ≥ 80  0.70 × (M − B × C/D)               (art. 60, 61 lid 2)
                 R/2 ≤ B < R       x = 0.70 × (M − R × C/D); if x < G × H:
                                   x = min(G × H, 0.70 × (M − B × C/D))  (art. 61 lid 4–5)
                 B < R/2           G × H                              (art. 62)
    ```

    never negative; a month half in the wage-related benefit (L = 12.5) is half of each;
    rounded once to cents.
    """
    wage = _decide_wage(annual_wage, on)
    classes = _classes(ao, durable)
    capacity = amount_argument(earning_capacity, "earning_capacity")
    earned = amount_argument(income, "income")
    number = month
    if type(number) is not int or number < 1:  # the common case (a month from 1) checked once
        number = check_month(number)
    lgu = _lgu_months(lgu_months, "lgu_months")
    regime = classes[2]
    monthly, ratio = wage[4], wage[5]
    kind: BenefitKind
    share = ZERO  # the part of this month in the wage-related benefit
    factor: Parameter[Decimal] | None = None
    lgu_amount: Decimal | None = None
    after: _AfterFields | None = None
    iva: Decimal | None = None
    value: Decimal
    if regime is _NO_BENEFIT:
        kind, value = _NO_KIND, _NOTHING
    elif regime is _IVA:
        # 75 % × M − 70 % × B × C/D, multiplied in that order
        iva = _IVA_SHARE * monthly - (
            _INCOME_SHARE * earned if ratio is _ONE else _INCOME_SHARE * earned * ratio
        )
        if iva < ZERO:
            iva = ZERO
        kind, value = _IVA_KIND, round_cents(iva)
    else:
        on_income = monthly - (earned if ratio is _ONE else earned * ratio)  # M − B × C/D
        # the part of this month in the wage-related benefit: lgu − (month − 1), within 0–1
        if lgu >= number:
            share = _ONE
        elif lgu > number - 1:
            share = lgu - (number - 1)
        if share is ZERO:
            after = _after_wage_related(wage, classes, earned, capacity, on_income)
            kind, value = after[0], round_cents(after[1])
        else:
            kind = _WAGE_RELATED
            factor = LGU_FIRST_SHARE if number <= _LGU_FIRST_MONTHS else LGU_SHARE
            lgu_amount = factor.value * on_income
            if lgu_amount < ZERO:
                lgu_amount = ZERO
            if share is _ONE:
                value = round_cents(lgu_amount)
            else:
                after = _after_wage_related(wage, classes, earned, capacity, on_income)
                value = round_cents(share * lgu_amount + (_ONE - share) * after[1])
    return _new_benefit(
        MonthlyBenefit,
        (
            wage,
            classes,
            earned,
            capacity,
            number,
            lgu,
            kind,
            share,
            factor,
            lgu_amount,
            after,
            iva,
            value,
        ),
    )


_IVA_SHARE = IVA_SHARE.value
_LGU_FIRST_MONTHS = LGU_FIRST_MONTHS.value
#: The durations of the wage-related benefit: 0 to 24 months in halves (art. 59).
_LGU_VALUES = frozenset(Decimal(h) / 2 for h in range(int(LGU_MAX_MONTHS.value * 2) + 1))


_new_benefit: Callable[[type[MonthlyBenefit], tuple[object, ...]], MonthlyBenefit]
_new_benefit = tuple.__new__
#: The amount of a month without benefit, rounded once like every amount.
_NOTHING = round_cents(ZERO)


# --- Duration of the wage-related benefit (WIA art. 59) -----------------------------------


class _LguDuration(NamedTuple):
    """The fields of `LguDuration`."""

    years_before_2016: int
    years_from_2016: int
    half_months: int
    value: Decimal


class LguDuration(_LguDuration, DecisionRecord[Decimal]):
    """The months of wage-related benefit decided from the work history (WIA art. 59).

    ``half_months`` is the unclamped duration in half months (an int: the rule's arithmetic
    is whole years and halves); ``value`` the months, clamped to 3–24. A tuple built once
    per lifted Excel row; the grounds are rendered from it only when asked.
    """

    __slots__ = ()

    @property
    def computed(self) -> Decimal:
        """The unclamped months as the formula reads them: ``T`` (T ≤ 10) or ``12,5``."""
        if self.years_before_2016 + self.years_from_2016 <= LGU_FULL_YEARS.value:
            return Decimal(self.half_months // 2)
        return Decimal(self.half_months) * _HALF

    @property
    def days_text(self) -> str:
        """``12 maanden en 15 dagen``."""
        whole = int(self.value)
        half = self.value != whole
        return f"{whole} maanden" + (f" en {HALF_MONTH_DAYS} dagen" if half else "")

    @ruled("lgu_duration")
    def explain(self) -> Explained[Decimal]:
        """The months with their grounds."""
        p, q = self.years_before_2016, self.years_from_2016
        return Explained(
            self.value,
            (
                Ground(
                    rule=_LGU_RULE,
                    citation=ART_59,
                    parameters=(
                        ("jaren_voor_2016", Unit.YEARS.of(p)),
                        ("jaren_vanaf_2016", Unit.YEARS.of(q)),
                        ("T", Unit.YEARS.of(p + q)),
                        ("berekend", Unit.MONTHS.of(self.computed)),
                        LGU_MIN_MONTHS.as_pair(),
                        LGU_MAX_MONTHS.as_pair(),
                        ("duur", self.days_text),
                    ),
                ),
                Ground(
                    rule="het arbeidsverleden telt hele kalenderjaren (art. 15); de gebruiker geeft "
                    "ze op",
                    citation=Citation.statute(WIA, "15"),
                ),
            ),
            Unit.MONTHS,
        )


def _years(value: int, argument: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{value!r} is geen geheel aantal jaren (verwacht 0 of meer)"
        raise argument_error(TypeError, argument, msg)
    if value < 0:
        msg = f"{value} is negatief (verwacht een geheel aantal jaren van 0 of meer)"
        raise argument_error(InvalidValueError, argument, msg)
    return value


def lgu_duration(years_before_2016: int, years_from_2016: int) -> LguDuration:
    """Months of wage-related WGA benefit from the work history (WIA art. 59).

    Defined as, with P the whole years of arbeidsverleden before 2016 and Q from 2016:

    ```text
    T = P + Q
    months = T                                        when T ≤ 10
             10 + max(P − 10, 0) + 0.5 × (T − max(P, 10))  otherwise
    clamped to [3, 24]; 0.5 month = 15 days
    ```

    Computed in half months, whole numbers: 10 + max(P − 10, 0) is max(P, 10), so
    2 × months = max(P, 10) + T when T > 10.
    """
    p = years_before_2016
    if type(p) is not int or p < 0:  # the common case (a whole number from 0) checked once
        p = _years(p, "years_before_2016")
    q = years_from_2016
    if type(q) is not int or q < 0:
        q = _years(q, "years_from_2016")
    total = p + q
    if total <= _FULL_YEARS:
        halves = total + total
    elif p <= _FULL_YEARS:
        halves = total + _FULL_YEARS
    else:
        halves = total + p
    if halves < _MIN_HALVES:
        value = _LGU_MONTHS[_MIN_HALVES]
    elif halves > _MAX_HALVES:
        value = _LGU_MONTHS[_MAX_HALVES]
    else:
        value = _LGU_MONTHS[halves]
    return _new_duration(LguDuration, (p, q, halves, value))


_new_duration: Callable[[type[LguDuration], tuple[object, ...]], LguDuration]
_new_duration = tuple.__new__
_FULL_YEARS = LGU_FULL_YEARS.value
# A year from 2016 beyond the tenth is half a month: the rule's arithmetic is in halves.
assert LGU_LATE_YEAR.value == _HALF
_MIN_HALVES = int(LGU_MIN_MONTHS.value * 2)
_MAX_HALVES = int(LGU_MAX_MONTHS.value * 2)
#: The months for each number of half months 0–48 (the results the clamp allows): a
#: whole number of months without decimals (12), a half with one (12.5).
_LGU_MONTHS: tuple[Decimal, ...] = tuple(
    Decimal(h // 2) if h % 2 == 0 else Decimal(h) * _HALF for h in range(_MAX_HALVES + 1)
)


# --- Month by month -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OverviewRow:
    """Months ``first_month`` to ``last_month`` (``None``: onwards) of one equal amount."""

    first_month: int
    last_month: int | None
    benefit: MonthlyBenefit

    @property
    def kind(self) -> BenefitKind:
        """What is paid in these months."""
        return self.benefit.kind

    @property
    def amount(self) -> Decimal:
        """The amount per month."""
        return self.benefit.value

    @property
    def ground(self) -> str:
        """The articles of the formula, as text."""
        return "; ".join(str(c) for c in dict.fromkeys(self.benefit.citations))


@attrs.frozen
class BenefitOverview(DecisionRecord[tuple[OverviewRow, ...]]):
    """The benefit month by month: consecutive rows of equal amounts, the last open.

    Its ``value`` is the tuple of rows (``rows``): the overview is the table, each row
    holding the decision of its first month (``row.benefit``). `explain` gives the rows
    with the grounds of every row, without repeats.
    """

    rows: tuple[OverviewRow, ...]

    @property
    def value(self) -> tuple[OverviewRow, ...]:
        """The rows (``rows``): what the overview decided."""
        return self.rows

    @ruled("benefit_overview")
    def explain(self) -> Explained[tuple[OverviewRow, ...]]:
        """The rows with the grounds of every row, without repeats."""
        return Explained(
            self.rows, tuple(dict.fromkeys(g for r in self.rows for g in r.benefit.grounds()))
        )


def _segment_starts(regime: Regime, lgu: Decimal) -> list[int]:
    if regime in {Regime.NONE, Regime.IVA}:
        return [1]
    whole, ceiling = math.floor(lgu), math.ceil(lgu)
    first = LGU_FIRST_MONTHS.value + 1
    return sorted({1, *(s for s in (first, whole + 1, ceiling + 1) if 1 < s <= ceiling + 1)})


def benefit_overview(
    annual_wage: AmountLike,
    ao: AmountLike,
    earning_capacity: AmountLike,
    income: AmountLike,
    on: date,
    *,
    durable: bool = False,
    lgu_months: AmountLike = 0,
) -> BenefitOverview:
    """The benefit month by month (``financieel.md`` §9.5, §9.7): one row per stretch of
    months with the same amount, each decided by [`monthly_benefit`][reintegratie_core.financial.monthly_benefit] for its first month.

    Defined as: rows start at month 1, at month 3 (the 70 % of art. 61 lid 1), at the
    month after the wage-related benefit and at a month half in it; the last row is open.
    """
    if type(on) is not date:
        raise date_error("on", on)
    classification = classify(ao, durable)
    lgu = _lgu_months(lgu_months, "lgu_months")
    starts = _segment_starts(classification.regime, lgu)
    rows = []
    for index, start in enumerate(starts):
        last = starts[index + 1] - 1 if index + 1 < len(starts) else None
        benefit = monthly_benefit(
            annual_wage,
            ao,
            earning_capacity,
            income,
            on,
            durable=durable,
            month=start,
            lgu_months=lgu,
        )
        rows.append(OverviewRow(first_month=start, last_month=last, benefit=benefit))
    return BenefitOverview(tuple(rows))


__all__ = [
    "CLASS_BANDS",
    "HALF_MONTH_DAYS",
    "LGU_MONTHS_HINT",
    "AfterWageRelated",
    "BenefitKind",
    "BenefitOverview",
    "ClassBand",
    "Classification",
    "LguDuration",
    "MonthlyBenefit",
    "OverviewRow",
    "Regime",
    "WiaWage",
    "WiaWageFigure",
    "benefit_overview",
    "check_lgu_months",
    "check_month",
    "classify",
    "lgu_duration",
    "monthly_benefit",
    "wia_daily_wage",
    "wia_monthly_wage",
    "wia_wage",
]
