"""Dates in the core's messages read the Dutch way, DD-MM-JJJJ, as in the explanations.

Back-office staff type and read dates as 06-01-2025 (STYLE: Dutch user-facing text); an
error that named ``2025-01-06`` made them translate. Every date a message shows goes
through [`format_date`][reintegratie_core.format_date] — also a `Period`'s text and the
ends of the calendar (31-12-9999). A representative failing call of each message that
names a date is listed here: its text has the Dutch date and no ISO date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

import reintegratie_core as rc
from reintegratie_core import compensation, products

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ZEEUWSE = products.builtin_product("zeeuwse-prb")
SICK = rc.Absence.sick


def _ledger_day_without_sickness() -> object:
    ledger = compensation.BudgetLedger(
        product=ZEEUWSE, absences=[SICK(date(2025, 1, 6), date(2025, 1, 31))]
    )
    return ledger.record(compensation.BudgetClaim(sick_day=date(2025, 3, 1), costs=Decimal(100)))


def _declaration_before_the_case() -> object:
    declaration = compensation.Declaration(
        day=date(2024, 12, 1),
        kind=compensation.BudgetKind.REINTEGRATIE,
        amount=Decimal(1),
        label="rij 2",
    )
    return compensation.budget_balances(ZEEUWSE, [SICK(date(2025, 1, 6))], [declaration])


def _sanction(**changes: date) -> object:
    arguments: dict[str, date] = {
        "decision_date": date(2025, 10, 1),
        "notified_on": date(2025, 10, 6),
        "guidance_from": date(2023, 1, 1),
    }
    arguments.update(changes)
    return compensation.sanction_conditions(
        ZEEUWSE,
        rc.SicknessCase.ongoing(date(2024, 1, 8)),
        **arguments,  # type: ignore[arg-type]
    )


#: (a call that fails, a part of its message with the date as the user reads it)
FAILING: list[tuple[str, Callable[[], object], str]] = [
    (
        "Period, last day before the first",
        lambda: rc.Period(date(2025, 1, 6), date(2025, 1, 1)),
        "periode 06-01-2025 t/m 31-12-2024: de laatste dag ligt vóór de eerste dag",
    ),
    (
        "Period ending before 0001-01-01",
        lambda: rc.Period(date(1, 1, 1), date(1, 1, 1)),
        "periode 01-01-0001 tot 01-01-0001",
    ),
    (
        "Period.from_inclusive, last day before the first",
        lambda: rc.Period.from_inclusive(date(2025, 1, 6), date(2024, 12, 31)),
        "periode 06-01-2025 t/m 31-12-2024: de laatste dag ligt vóór de eerste dag",
    ),
    (
        "Period.from_inclusive up to the last date",
        lambda: rc.Period.from_inclusive(date(2025, 1, 6), date.max),
        (
            "periode 06-01-2025 t/m 31-12-9999: de laatste dag valt buiten het datumbereik "
            "(verwacht uiterlijk 30-12-9999)"
        ),
    ),
    (
        "add_days past the calendar",
        lambda: rc.add_days(date(9999, 12, 31), 1),
        "31-12-9999 + 1 dagen valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
    ),
    (
        "add_months past the calendar",
        lambda: rc.add_months(date(9999, 12, 31), 1),
        "31-12-9999 + 1 maanden valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
    ),
    (
        "a milestone past the calendar names case and why",
        lambda: rc.milestone_date(
            rc.SicknessCase.ongoing(date(9998, 1, 6)), rc.Milestone.EINDE_LOONDOORBETALING
        ),
        "case: einde_loondoorbetaling valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
    ),
    (
        "a milestone of closed periods past the calendar",
        lambda: rc.milestone_date(
            rc.merge_cases([SICK(date(9998, 1, 6), date(9998, 2, 1)), SICK(date(9998, 2, 10))])[0],
            rc.Milestone.EINDE_LOONDOORBETALING,
        ),
        "case: einde_loondoorbetaling valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
    ),
    (
        "all milestones at once past the calendar",
        lambda: rc.milestone_days(rc.SicknessCase.ongoing(date(9998, 1, 6))),
        "case: een mijlpaal valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
    ),
    (
        "add_working_days past the calendar",
        lambda: rc.add_working_days(date(9999, 12, 31), 1),
        "31-12-9999 + 1 werkdagen valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
    ),
    (
        "a deadline past the calendar",
        lambda: rc.plan_van_aanpak_deadline(date(9999, 12, 31)),
        "probleemanalyse: 31-12-9999 + 14 dagen valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
    ),
    (
        "overlapping periods",
        lambda: rc.merge_cases(
            [SICK(date(2025, 1, 6), date(2025, 1, 31)), SICK(date(2025, 1, 20))]
        ),
        "perioden 06-01-2025 t/m 31-01-2025 (ziek) en 20-01-2025 t/m lopend (ziek) overlappen",
    ),
    (
        "case_of a day that is no sick day",
        lambda: rc.case_of([SICK(date(2025, 1, 6), date(2025, 1, 31))], date(2025, 3, 1)),
        "01-03-2025 is geen ziektedag van de gegeven perioden",
    ),
    (
        "a budget claim on a day that is no sick day",
        _ledger_day_without_sickness,
        "01-03-2025 is geen ziektedag van de gegeven perioden",
    ),
    (
        "a declaration before the first sick day",
        _declaration_before_the_case,
        "rij 2: 01-12-2024 ligt vóór de eerste ziektedag",
    ),
    (
        "prorated_fee, leaving before joining",
        lambda: compensation.prorated_fee(
            Decimal(365), date(2025, 1, 1), date(2025, 7, 1), date(2025, 1, 6)
        ),
        "employed_until: 06-01-2025 ligt vóór in_dienst 01-07-2025",
    ),
    (
        "relapse_prevention, recovery on the first sick day",
        lambda: rc.relapse_prevention(date(2025, 1, 6), date(2025, 1, 6)),
        "recovery: 06-01-2025 ligt niet na de eerste ziektedag 06-01-2025",
    ),
    (
        "relapse_prevention_after, recovery not the day after the last period",
        lambda: products.relapse_prevention_after(
            (SICK(date(2025, 1, 6), date(2025, 3, 31)),), date(2025, 5, 1)
        ),
        "ziekteperiode 06-01-2025 t/m 31-03-2025 (herstel is dan 01-04-2025)",
    ),
    (
        "a parameter asked before its first version",
        lambda: compensation.reintegration_budget(ZEEUWSE, Decimal(1000), on=date(1990, 1, 1)),
        "geen waarde geldig op 01-01-1990",
    ),
    (
        "sanction_conditions, decision before the first sick day",
        lambda: _sanction(decision_date=date(2023, 12, 1)),
        "decision_date: 01-12-2023 ligt vóór de eerste ziektedag 08-01-2024",
    ),
    (
        "sanction_conditions, notified before the decision",
        lambda: _sanction(notified_on=date(2025, 9, 1)),
        "notified_on: 01-09-2025 ligt vóór het besluit van het UWV (01-10-2025)",
    ),
    (
        "sanction_conditions, guidance ending before it began",
        lambda: _sanction(guidance_until=date(2022, 1, 1)),
        "guidance_until: 01-01-2022 ligt vóór begeleiding_vanaf (01-01-2023)",
    ),
]


@pytest.mark.parametrize(
    ("call", "expected"), [f[1:] for f in FAILING], ids=[f[0] for f in FAILING]
)
def test_a_message_shows_its_dates_the_dutch_way(call: Callable[[], object], expected: str) -> None:
    """STYLE (Dutch user-facing messages): the date in the message is DD-MM-JJJJ."""
    with pytest.raises(rc.ReintegratieError) as caught:
        call()
    message = str(caught.value)
    assert expected in message
    assert not ISO_DATE.search(message), message


def test_a_period_reads_the_dutch_way() -> None:
    """A `Period`'s text is what messages show; its repr keeps the fields for developers."""
    assert str(rc.Period.from_inclusive(date(2025, 1, 6), date(2025, 3, 31))) == (
        "06-01-2025 t/m 31-03-2025"
    )
    assert str(rc.Period(date(2025, 1, 6))) == "06-01-2025 t/m lopend"
    assert "datetime.date(2025, 1, 6)" in repr(rc.Period(date(2025, 1, 6)))


class TestOutsideTheCalendar:
    """A date before 01-01-0001 or past 31-12-9999 names the whole date range."""

    @pytest.mark.parametrize(
        ("call", "expected"),
        [
            (
                lambda: rc.working_day(date(1, 1, 1), -1),
                "01-01-0001 + -1 werkdagen valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
            ),
            (
                lambda: rc.add_working_days(date(9999, 12, 31), 1),
                "31-12-9999 + 1 werkdagen valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
            ),
            (
                lambda: rc.add_months(date(1, 1, 1), -1),
                "01-01-0001 + -1 maanden valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
            ),
            (
                lambda: rc.add_days(date(1, 1, 1), -1),
                "01-01-0001 + -1 dagen valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
            ),
            (
                lambda: rc.add_days(date(9999, 12, 31), 1),
                "31-12-9999 + 1 dagen valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)",
            ),
        ],
        ids=[
            "working_day back",
            "working_day forward",
            "add_months back",
            "add_days back",
            "add_days forward",
        ],
    )
    def test_the_message_names_the_range_in_both_directions(
        self, call: Callable[[], object], expected: str
    ) -> None:
        """A step before the first date must not say "t/m 31-12-9999" as if it were too late."""
        with pytest.raises(rc.InvalidValueError) as caught:
            call()
        assert str(caught.value).endswith(expected)
