"""The statutory parameters of the Poortwachter timeline and the shared deadlines.

Each is a [`Parameter`][reintegratie_core.Parameter] with its source, so that an
explanation can show the value it used and where it comes from (domein §7).
Product-specific amounts and terms live in the product catalogue.
"""

from __future__ import annotations

from reintegratie_core._explain import Citation, Unit
from reintegratie_core._parameters import Parameter

#: Samentelling: periods whose interruption is *less than* this many days form one case.
MERGE_INTERRUPTION_DAYS = Parameter(
    name="onderbreking_samentelling_dagen",
    value=28,
    citation=Citation.statute("BW", "7:629 lid 10"),
    unit=Unit.DAYS,
)

#: Wage continuation lasts 104 weeks (BW 7:629 lid 1).
WAGE_CONTINUATION_WEEKS = Parameter(
    name="loondoorbetaling_weken",
    value=104,
    citation=Citation.statute("BW", "7:629 lid 1"),
    unit=Unit.WEEKS,
)

#: A loonsanctie extends wage continuation by at most 52 weeks (BW 7:629 lid 11).
MAX_SANCTION_WEEKS = Parameter(
    name="loonsanctie_max_weken",
    value=52,
    citation=Citation.statute("BW", "7:629 lid 11"),
    unit=Unit.WEEKS,
)

#: The plan van aanpak is due 14 days after the probleemanalyse.
PLAN_VAN_AANPAK_DAYS = Parameter(
    name="plan_van_aanpak_dagen",
    value=14,
    citation=Citation.statute("Regeling procesgang eerste en tweede ziektejaar", "4 lid 1"),
    unit=Unit.DAYS,
)

#: The employer reports a sick employee within the first sick week: the Ontzorgmanager is
#: deployed from the second week (``002``), the law asks "tijdig" (Regeling procesgang art. 2
#: lid 1) and ``004`` art. 4.2 sanctions a late report. Day 7 is the last day of week 1.
SICK_REPORT_DAYS = Parameter(
    name="ziekmelding_uiterlijk_dag",
    value=7,
    citation=Citation.seed("002", "In het kort (vanaf de tweede ziekteweek)"),
)

#: Invoices are declared within one month after receipt (``003`` art. 2.5.2, 2.6.2).
DECLARATION_MONTHS = Parameter(
    name="declaratietermijn_maanden",
    value=1,
    citation=Citation.seed("003", "2.5.2"),
    unit=Unit.MONTHS,
)

#: The insurer pays within one month after the declaration (``003`` art. 2.5.2, 2.6.2).
PAYMENT_MONTHS = Parameter(
    name="betalingstermijn_maanden",
    value=1,
    citation=Citation.seed("003", "2.5.2"),
    unit=Unit.MONTHS,
)

#: A loonsanctie is reported within five working days of the UWV decision (``003`` 2.7.3).
SANCTION_NOTICE_WORKING_DAYS = Parameter(
    name="melding_loonsanctie_werkdagen",
    value=5,
    citation=Citation.seed("003", "2.7.3"),
    unit=Unit.WORKING_DAYS,
)

#: Terugvalpreventie applies after an absence of more than 3 months (``002``).
RELAPSE_MIN_ABSENCE_MONTHS = Parameter(
    name="terugvalpreventie_min_verzuim_maanden",
    value=3,
    citation=Citation.seed("002", "De Ontzorgmanager (terugvalpreventie)"),
    unit=Unit.MONTHS,
)

#: ... and the Ontzorgmanager makes contact 6 months after recovery (``002``).
RELAPSE_CONTACT_MONTHS = Parameter(
    name="terugvalpreventie_contact_na_maanden",
    value=6,
    citation=Citation.seed("002", "De Ontzorgmanager (terugvalpreventie)"),
    unit=Unit.MONTHS,
)

#: The worklist signals a milestone due within this many days (``spec/domain.md`` §3).
SIGNAL_HORIZON_DAYS = Parameter(
    name="signaal_horizon_dagen",
    value=14,
    citation=Citation.decision("§3 (signaal)"),
    unit=Unit.DAYS,
)


__all__ = [
    "DECLARATION_MONTHS",
    "MAX_SANCTION_WEEKS",
    "MERGE_INTERRUPTION_DAYS",
    "PAYMENT_MONTHS",
    "PLAN_VAN_AANPAK_DAYS",
    "RELAPSE_CONTACT_MONTHS",
    "RELAPSE_MIN_ABSENCE_MONTHS",
    "SANCTION_NOTICE_WORKING_DAYS",
    "SICK_REPORT_DAYS",
    "SIGNAL_HORIZON_DAYS",
    "WAGE_CONTINUATION_WEEKS",
]
