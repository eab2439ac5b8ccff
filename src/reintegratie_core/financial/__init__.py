"""Financial consequences of long-term sickness (``financieel.md``, domain §9).

What a casemanager shows employer and employee (``000`` art. 1.9; ``002`` «De
Ontzorgmanager»): the statutory wage continuation in the two sick years (loondoorbetaling,
BW 7:629) and the WIA benefit after them. Every rule decides once and returns a small
frozen record; its ``value`` and its explanation (``explained``) are read from it.

* `_parameters` — the dated, cited maximumdagloon and minimum wages (§9.1);
* `_wage_continuation` — [`wage_continuation`][reintegratie_core.financial.wage_continuation] (§9.2);
* `_wia` — [`wia_wage`][reintegratie_core.financial.wia_wage] (dagloon, maandloon, §9.3), [`classify`][reintegratie_core.financial.classify] (§9.4),
  [`monthly_benefit`][reintegratie_core.financial.monthly_benefit] and [`benefit_overview`][reintegratie_core.financial.benefit_overview] (§9.5), `lgu_duration` (§9.6).

The modules are private; every name in their ``__all__`` is re-exported here
(``tests/core/test_public_api.py`` checks it).
"""

from __future__ import annotations

from reintegratie_core.financial._parameters import (
    DAYS_PER_MONTH,
    DAYS_PER_YEAR,
    DERIVED_NOTE,
    HOLIDAY_ALLOWANCE,
    MAXIMUM_DAILY_WAGE,
    MINIMUM_WAGE_HOUR,
    MINIMUM_WAGE_MONTH,
    NO_NEWER_NOTE,
    RATES,
    WIA_MINIMUM_WAGE,
    HalfYearRates,
    RatesInForce,
    rates_on,
)
from reintegratie_core.financial._wage_continuation import (
    WageContinuation,
    check_sick_week,
    wage_continuation,
)
from reintegratie_core.financial._wia import (
    CLASS_BANDS,
    HALF_MONTH_DAYS,
    LGU_MONTHS_HINT,
    AfterWageRelated,
    BenefitKind,
    BenefitOverview,
    ClassBand,
    Classification,
    LguDuration,
    MonthlyBenefit,
    OverviewRow,
    Regime,
    WiaWage,
    WiaWageFigure,
    benefit_overview,
    check_lgu_months,
    check_month,
    classify,
    lgu_duration,
    monthly_benefit,
    wia_daily_wage,
    wia_monthly_wage,
    wia_wage,
)

__all__ = [
    "CLASS_BANDS",
    "DAYS_PER_MONTH",
    "DAYS_PER_YEAR",
    "DERIVED_NOTE",
    "HALF_MONTH_DAYS",
    "HOLIDAY_ALLOWANCE",
    "LGU_MONTHS_HINT",
    "MAXIMUM_DAILY_WAGE",
    "MINIMUM_WAGE_HOUR",
    "MINIMUM_WAGE_MONTH",
    "NO_NEWER_NOTE",
    "RATES",
    "WIA_MINIMUM_WAGE",
    "AfterWageRelated",
    "BenefitKind",
    "BenefitOverview",
    "ClassBand",
    "Classification",
    "HalfYearRates",
    "LguDuration",
    "MonthlyBenefit",
    "OverviewRow",
    "RatesInForce",
    "Regime",
    "WageContinuation",
    "WiaWage",
    "WiaWageFigure",
    "benefit_overview",
    "check_lgu_months",
    "check_month",
    "check_sick_week",
    "classify",
    "lgu_duration",
    "monthly_benefit",
    "rates_on",
    "wage_continuation",
    "wia_daily_wage",
    "wia_monthly_wage",
    "wia_wage",
]
