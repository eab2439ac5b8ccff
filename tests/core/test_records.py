"""Every rule's record keeps the documented convention (``docs/python.md``): ``.value`` is
the outcome, ``.explain()`` an [`Explained`][reintegratie_core.Explained] with the grounds,
``.explained`` the same, ``.text()`` the explanation ``RI_UITLEG`` gives.

User review: ``benefit_overview(...).explain()`` raised AttributeError (only ``.rows`` and
``.explained``), and ``WiaWageFigure`` had no ``.text()`` while ``WageContinuation`` did. The
record types are found, not listed: every class a public function of ``reintegratie_core``
or a subpackage returns. A new record type fails ``test_every_record_type_has_a_sample``
until it has a sample here, so none drops out silently.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal

import pytest

import reintegratie_core as rc
from reintegratie_core import compensation, financial, products

D = date(2025, 1, 6)
MARCH_2025 = date(2025, 3, 1)
PRODUCT = rc.builtin_product("asr-reintegratiemanager")
BUDGET = rc.builtin_product("zeeuwse-prb")
CASE = rc.SicknessCase.ongoing(D)
PACKAGES = (rc, products, compensation, financial)

#: Classes public functions return that are values, not a rule's decision record: what a
#: caller builds or looks up (periods, products, citations …), or a value whose decision is
#: explained elsewhere (``Cascade`` by [`cascade`][reintegratie_core.cascade]; ``WiaWage``
#: holds two figures, decided by ``wia_daily_wage``/``wia_monthly_wage`` and its
#: ``daily_decision()``/``monthly_decision()``).
NOT_RECORDS = {
    rc.Absence,
    rc.BudgetLedger,
    rc.Cascade,
    rc.Citation,
    rc.EquatingDecree,
    rc.EventRule,
    rc.Granted,
    rc.Ground,
    rc.Module,
    rc.ModuleContract,
    rc.Parameter,
    rc.ParameterHistory,
    rc.Period,
    rc.Policy,
    rc.Product,
    rc.ProductRules,
    rc.SicknessCase,
    financial.RatesInForce,
    financial.WiaWage,
}

#: One real record of each type, from its public rule.
SAMPLES: dict[type, Callable[[], object]] = {
    rc.Deadline: lambda: rc.sick_report_deadline(D),
    rc.MilestoneDate: lambda: rc.milestone_date(CASE, rc.Milestone.PROBLEEMANALYSE),
    rc.NextMilestone: lambda: rc.next_milestone(CASE, D),
    rc.RelapsePrevention: lambda: rc.relapse_prevention(D, date(2025, 9, 1)),
    rc.RemainingWeeks: lambda: rc.remaining_weeks(CASE, date(2025, 3, 1)),
    rc.SickDays: lambda: rc.counted_sick_days([rc.Absence.sick(D)], date(2025, 2, 1)),
    rc.WorkItem: lambda: rc.work_item(CASE, date(2025, 2, 1), module_start=D),
    rc.EntitlementStatus: lambda: rc.entitlement_status(PRODUCT, next(iter(rc.Entitlement)), [], D),
    compensation.CostBenefitContribution: lambda: compensation.cost_benefit_contribution(
        Decimal(1000), Decimal(0), Decimal(5000), Decimal(2000)
    ),
    compensation.PremiumWindow: lambda: compensation.counts_for_premium(BUDGET, D, 2025),
    compensation.PreventionReimbursement: lambda: compensation.prevention_budget(
        BUDGET, Decimal(500)
    ),
    compensation.ReintegrationReimbursement: lambda: compensation.reintegration_budget(
        BUDGET, Decimal(500)
    ),
    compensation.SettlementDecision: lambda: compensation.third_party_settlement(
        Decimal(1000), Decimal(800), Decimal(500)
    ),
    compensation.ProratedFee: lambda: compensation.prorated_fee(Decimal(120), D, D),
    compensation.WeeklyWage: lambda: compensation.weekly_wage(
        Decimal(4000), compensation.WagePeriod.MONTH
    ),
    compensation.InterventionReimbursement: lambda: compensation.intervention_reimbursement(
        PRODUCT, Decimal(1000), D, D
    ),
    compensation.RemainingWageCost: lambda: compensation.remaining_wage_cost(
        Decimal(800), CASE, date(2025, 3, 1)
    ),
    compensation.SepaAccount: lambda: compensation.is_sepa_account("NL91ABNA0417164300"),
    compensation.SanctionCompensation: lambda: compensation.sanction_compensation(
        BUDGET, Decimal(800), 4
    ),
    compensation.SanctionRefusal: lambda: compensation.sanction_compensation(
        BUDGET, Decimal(800), 4, conditions=False
    ),
    financial.WageContinuation: lambda: financial.wage_continuation(Decimal(4000), 10, D),
    financial.BenefitOverview: lambda: financial.benefit_overview(
        Decimal(26100), Decimal("0.5"), Decimal(1000), Decimal(600), MARCH_2025
    ),
    financial.Classification: lambda: financial.classify(Decimal("0.5")),
    financial.LguDuration: lambda: financial.lgu_duration(5, 10),
    financial.MonthlyBenefit: lambda: financial.monthly_benefit(
        Decimal(26100), Decimal("0.5"), Decimal(1000), Decimal(600), MARCH_2025
    ),
    financial.WiaWageFigure: lambda: financial.wia_daily_wage(Decimal(26100), MARCH_2025),
    products.EndsWith: lambda: products.ends_with(PRODUCT, "basis-verzuim", "basis-verzuim"),
    products.Eligible: lambda: products.eligible(PRODUCT, CASE, D),
    products.GuidanceContinues: lambda: products.guidance_continues(
        PRODUCT, [rc.Absence.sick(D)], date(2025, 7, 1), date(2025, 7, 1)
    ),
    products.EarliestCancellation: lambda: products.earliest_cancellation(
        PRODUCT, PRODUCT.module("reintegratiemanager"), D, date(2025, 1, 1), date(2026, 12, 1)
    ),
    products.FirstExpiry: lambda: products.first_expiry(
        PRODUCT, PRODUCT.module("reintegratiemanager"), D, date(2025, 1, 1)
    ),
}


def _classes(hint: object) -> Iterator[type]:
    """The classes of a return annotation: itself, or the members of a union (``X | None``).
    An ``Explained[…]`` or a tuple of values is not a record."""
    if isinstance(hint, type):
        yield hint
    elif typing.get_origin(hint) in {typing.Union, types.UnionType}:
        for argument in typing.get_args(hint):
            yield from _classes(argument)


def _returned() -> set[type]:
    """Every class of ``reintegratie_core`` a public function returns."""
    found: set[type] = set()
    for package in PACKAGES:
        for name in package.__all__:
            obj = getattr(package, name)
            if not inspect.isfunction(obj):
                continue
            hint = typing.get_type_hints(obj, localns={"Product": rc.Product}).get("return")
            found.update(
                c
                for c in _classes(hint)
                if c.__module__.startswith("reintegratie_core") and not issubclass(c, rc.Explained)
            )
    return found


RECORDS = sorted(_returned() - NOT_RECORDS, key=lambda c: c.__name__)


def test_the_walk_finds_the_records() -> None:
    """The records the review named are found (the list is not empty by mistake)."""
    assert {financial.BenefitOverview, financial.WiaWageFigure, rc.SickDays} <= set(RECORDS)


@pytest.mark.parametrize("record_type", RECORDS, ids=lambda c: c.__name__)
def test_every_record_type_has_a_sample(record_type: type) -> None:
    """A record type returned by a public rule is checked below."""
    assert record_type in SAMPLES


@pytest.mark.parametrize("record_type", RECORDS, ids=lambda c: c.__name__)
def test_a_record_has_value_explain_explained_and_text(record_type: type) -> None:
    """``value``, ``explain()`` (an ``Explained`` of that value), ``explained`` (equal) and
    ``text()`` (its text, starting with the label: ``label = value``, or ``label:`` and a
    line per row of a table)."""
    made = SAMPLES[record_type]()
    assert type(made) is record_type
    record: typing.Any = made  # the attributes under test, read without a static type
    explained = record.explain()
    assert isinstance(explained, rc.Explained)
    assert explained.value == record.value
    assert record.explained == explained
    assert record.text() == explained.text()
    assert record.text("label").startswith(("label = ", "label:\n"))


def test_the_overview_value_is_its_rows() -> None:
    """Decision (``BenefitOverview``): the overview's ``value`` is the tuple of its rows."""
    overview = financial.benefit_overview(
        Decimal(26100), Decimal("0.5"), Decimal(1000), Decimal(600), MARCH_2025, lgu_months=12
    )
    assert overview.value == overview.rows
    assert len(overview.value) == 3
    assert overview.explain().grounds == overview.explained.grounds


class TestParameterFields:
    """A Parameter a developer makes (docs/ontwikkelaars.md: "een Parameter met
    unit=Unit.WEEKS") checks its fields, as the values a user makes do."""

    @pytest.mark.parametrize(
        ("field", "wrong", "message"),
        [
            ("value", 1.5, r"^value: verwacht een Decimal, int, tekst of bool, kreeg float"),
            ("citation", "003 art. 2.6.1", r"^citation: verwacht een Citation, kreeg str"),
            ("valid_from", datetime(2020, 1, 1), r"^valid_from: verwacht een date"),
            ("unit", "euro", r"^unit: verwacht een Unit, kreeg str 'euro' \(geef Unit.EURO\)"),
            ("name", 5, r"^name: verwacht tekst \(str\)"),
        ],
    )
    def test_a_wrong_field_is_a_type_error_naming_it(
        self, field: str, wrong: object, message: str
    ) -> None:
        """A float value (never money in the core), a citation as text, a datetime, a unit
        as text: a TypeError naming the field."""
        fields: dict[str, object] = {
            "name": "reintegratiebudget",
            "value": Decimal(4000),
            "citation": rc.Citation.seed("003", "2.6.1"),
        }
        fields[field] = wrong
        with pytest.raises(TypeError, match=message):
            rc.Parameter(**fields)  # type: ignore[arg-type]
