"""reintegratie_core: the rules of Dutch sick-leave re-integration products, exact and explained.

A pure library: no I/O, no clock, no Excel. Dates are ``datetime.date``, money is
``decimal.Decimal``, and every public calculation returns an
:class:`~reintegratie_core.explain.Explained` value that cites its article.
"""

from __future__ import annotations

from reintegratie_core.dates import Period, add_months, add_working_days, is_working_day
from reintegratie_core.errors import (
    InvalidPeriodError,
    InvalidValueError,
    NotApplicableError,
    ReintegratieError,
    UnknownCodeError,
)
from reintegratie_core.explain import Citation, Explained, Ground
from reintegratie_core.poortwachter import (
    Milestone,
    Signal,
    TimelineEntry,
    explain_milestone,
    milestone_date,
    next_milestone,
    relapse_prevention,
    remaining_weeks,
    timeline,
)
from reintegratie_core.sickness import (
    Absence,
    AbsenceKind,
    SicknessCase,
    case_at,
    case_of,
    counted_sick_days,
    last_case,
    merge_cases,
)

__version__ = "0.1.0"

#: The version of the built-in catalogue: the five seed conditions as of this date.
CATALOGUE_VERSION = "2026.11 (bronnen 000–004)"

__all__ = [
    "CATALOGUE_VERSION",
    "Absence",
    "AbsenceKind",
    "Citation",
    "Explained",
    "Ground",
    "InvalidPeriodError",
    "InvalidValueError",
    "Milestone",
    "NotApplicableError",
    "Period",
    "ReintegratieError",
    "SicknessCase",
    "Signal",
    "TimelineEntry",
    "UnknownCodeError",
    "__version__",
    "add_months",
    "add_working_days",
    "case_at",
    "case_of",
    "counted_sick_days",
    "explain_milestone",
    "is_working_day",
    "last_case",
    "merge_cases",
    "milestone_date",
    "next_milestone",
    "relapse_prevention",
    "remaining_weeks",
    "timeline",
]
