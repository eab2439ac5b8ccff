"""Loonsanctie compensation under De Zeeuwse's poortwachtergarantie (``003`` art. 2.7).

Rule (domein §6, §8): for a loonsanctie of *s* weeks imposed by the UWV
(0 < s ≤ 52, art. 2.7.1), weekly wage *w*, coverage *p* (70 %, or the cao percentage the
employer must pay during the sanction) and employer charges *c* (25 %, even when the policy
insures less; art. 2.7.2):

```text
compensation = s × w × p × (1 + c) + approved re-integration costs during the sanction
```

— zero when any of the nine conditions of art. 2.7.3 is not met, or when the arbodienst's
own garantie already compensated this sanction (art. 2.7: only once); what the
arbodienst's garantie paid of it is netted off, so the sanction is compensated once in
total, not all or nothing.

[`sanction_conditions`][reintegratie_core.compensation.sanction_conditions] decides the nine conditions from a dossier: the dates of the
UWV decision, of the notice and of the arbodienst's guidance, the event log of the
poortwachtergarantie, and the facts only the file can tell.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

import attrs

from reintegratie_core._checks import (
    case_error,
    check_flag,
    check_iterable,
    check_optional_flag,
    date_error,
    product_error,
)
from reintegratie_core._deadlines import sanction_notice_deadline
from reintegratie_core._entitlements import (
    Entitlement,
    EntitlementState,
    Event,
    EventKind,
    applicable,
    entitlement_status,
    product_rules,
)
from reintegratie_core._errors import InvalidValueError, NotApplicableError, argument_error
from reintegratie_core._explain import (
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    ParameterValue,
    Unit,
    format_date,
    ruled,
)
from reintegratie_core._money import (
    ZERO,
    AmountLike,
    fraction,
    money,
    round_cents,
)
from reintegratie_core._parameters import Parameter
from reintegratie_core._poortwachter import Milestone, check_sanction_weeks, milestone_date
from reintegratie_core._sickness import SicknessCase
from reintegratie_core._statutory import MAX_SANCTION_WEEKS
from reintegratie_core.compensation._common import (
    all_met,
    condition,
    product_amount,
    unmet,
)
from reintegratie_core.products._model import Product

ART_2_7 = Citation.seed("003", "2.7")
ART_2_7_1 = Citation.seed("003", "2.7.1")
ART_2_7_2 = Citation.seed("003", "2.7.2")
ART_2_7_3 = Citation.seed("003", "2.7.3")
DECISIONS = Citation.decision("§8")


@attrs.frozen(kw_only=True)
class SanctionConditions:
    """The nine conditions of ``003`` art. 2.7.3; each ``True`` when met."""

    guided_throughout: bool = condition(
        "arbodienst_begeleidde_hele_periode",
        "de arbodienst begeleidde het verzuim vanaf de eerste ziektedag en tijdens de hele "
        "loondoorbetalingsperiode",
    )
    advice_followed: bool = condition(
        "adviezen_opgevolgd",
        "de adviezen en instructies van de arbodienst zijn volledig, tijdig en juist opgevolgd",
    )
    notified_in_time: bool = condition(
        "tijdig_gemeld", "de loonsanctie is binnen vijf werkdagen na het UWV-besluit gemeld"
    )
    no_obstruction: bool = condition(
        "geen_belemmerende_acties",
        "geen eigen acties of communicatie die het ongedaan maken van de loonsanctie in de weg "
        "kunnen staan",
    )
    mandate_given: bool = condition(
        "machtiging_gegeven",
        "verzekeraar en arbodienst zijn gemachtigd maatregelen te nemen om de loonsanctie "
        "ongedaan te maken",
    )
    cooperation: bool = condition(
        "informatie_en_medewerking",
        "alle informatie is verstrekt en er is meegewerkt aan bezwaar en (hoger) beroep",
    )
    improvements_followed: bool = condition(
        "verbeterpunten_opgevolgd",
        "de verbeterpunten van het UWV zijn zo snel mogelijk opgevolgd en bij het UWV gemeld",
    )
    guarantee_not_withdrawn: bool = condition(
        "garantie_niet_ingetrokken",
        "tijdens de verzuimperiode is geen bericht ontvangen dat de poortwachtergarantie is "
        "ingetrokken",
    )
    no_voluntary_continuation: bool = condition(
        "geen_vrijwillige_doorbetaling", "het loon is niet vrijwillig langer doorbetaald"
    )


_GUARANTEE = "poortwachtergarantie-vergoeding (003 art. 2.7)"
#: The 52-week limit, read once (a rule runs once per lifted row).
_MAX_WEEKS = MAX_SANCTION_WEEKS.value


@functools.lru_cache(maxsize=64)  # decided once per (product, date): not per row
def _guarantee_rates(
    product: Product, on: date | None
) -> tuple[Parameter[Decimal], Parameter[Decimal], Decimal, Decimal]:
    """The product's coverage and employer charges in force on ``on``, and their values."""
    coverage = product_amount(product, "loonsanctie_dekkingspercentage", on, _GUARANTEE)
    charges = product_amount(product, "werkgeverslasten", on, _GUARANTEE)
    return coverage, charges, coverage.value, charges.value


def sanction_compensation(
    product: Product,
    weekly_wage: AmountLike,
    weeks: int,
    *,
    coverage: AmountLike | None = None,
    employer_charges: AmountLike | None = None,
    approved_costs: AmountLike = 0,
    conditions: SanctionConditions | bool = True,
    arbodienst_compensated: bool = False,
    arbodienst_paid: AmountLike = 0,
    on: date | None = None,
) -> SanctionCompensation | SanctionRefusal:
    """Compensation of a loonsanctie under the poortwachtergarantie (``003`` art. 2.7).

    Defined as:

    ```text
    gross        = s × w × p × (1 + c) + approved_costs                (art. 2.7.2)
    compensation = max(0, gross − arbodienst_paid)   (art. 2.7: "maar één keer")
    compensation = 0 when a condition of art. 2.7.3 is not met, or when the
                   arbodienst's own garantie already compensated all of it (art. 2.7)
    ```

    with 0 < s ≤ 52 (art. 2.7.1; more is an error), *p* = 70 % unless the cao percentage is
    given as ``coverage``, *c* = 25 % unless given (§8: charges on the covered wage);
    rounded once to cents. 70 % and 25 % are the product's parameters
    (``loonsanctie_dekkingspercentage``, ``werkgeverslasten``); 52 is the statutory maximum
    of a loonsanctie ([`MAX_SANCTION_WEEKS`][reintegratie_core.MAX_SANCTION_WEEKS], BW 7:629 lid 11).

    A refusal is a [`SanctionRefusal`][reintegratie_core.compensation.SanctionRefusal] record, a compensation a
    [`SanctionCompensation`][reintegratie_core.compensation.SanctionCompensation] record; their grounds are rendered when explained.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if on is not None and type(on) is not date:
        raise date_error("on", on)
    if type(weeks) is not int or not 1 <= weeks <= _MAX_WEEKS:  # the common case checked once
        check_sanction_weeks(weeks, minimum=1)
    if type(arbodienst_compensated) is not bool:
        check_flag("arbodienst_compensated", arbodienst_compensated)
    loon = money(weekly_wage, "weekly_wage")
    kosten = money(approved_costs, "approved_costs")
    arbodienst = money(arbodienst_paid, "arbodienst_paid")
    if arbodienst_compensated or not all_met(conditions):
        return _new_refusal(SanctionRefusal, (conditions, arbodienst_compensated, NOTHING))
    coverage_used: Parameter[Decimal] | Decimal
    charges_used: Parameter[Decimal] | Decimal
    if coverage is None and employer_charges is None:  # both the product's: one look-up
        coverage_used, charges_used, p, c = _guarantee_rates(product, on)
    else:
        if coverage is None:
            coverage_used = product_amount(
                product, "loonsanctie_dekkingspercentage", on, _GUARANTEE
            )
            p = coverage_used.value
        else:
            p = coverage_used = fraction(coverage, name="coverage")
        if employer_charges is None:
            charges_used = product_amount(product, "werkgeverslasten", on, _GUARANTEE)
            c = charges_used.value
        else:
            c = charges_used = fraction(employer_charges, name="employer_charges")
    gross = weeks * loon * p * (1 + c) + kosten
    # max(0, net) without the builtin: a call costs ~170 ns a row
    net = gross - arbodienst
    value = round_cents(net if net > ZERO else ZERO)  # noqa: FURB136 - per row
    return _new_compensation(
        SanctionCompensation,
        (weeks, loon, coverage_used, charges_used, kosten, arbodienst, gross, value),
    )


#: A refused compensation: nothing, in cents.
NOTHING = round_cents(ZERO)


class _SanctionRefusal(NamedTuple):
    """The fields of `SanctionRefusal`."""

    conditions: SanctionConditions | bool
    arbodienst_compensated: bool
    value: Decimal


class SanctionRefusal(_SanctionRefusal, DecisionRecord[Decimal]):
    """What [`sanction_compensation`][reintegratie_core.compensation.sanction_compensation] decided when it refuses: the conditions as
    given, whether the arbodienst already compensated all of it, and nothing (``value``).
    A tuple; `explain` renders the grounds of the refusal from it."""

    __slots__ = ()

    @ruled("sanction_compensation")
    def explain(self) -> Explained[Decimal]:
        """Nothing, with the conditions not met (``003`` art. 2.7.3) and the arbodienst's own
        compensation (art. 2.7)."""
        refusals = unmet(self.conditions, ART_2_7_3)
        if self.arbodienst_compensated:
            refusals += (
                Ground(
                    rule="de poortwachtergarantie van de arbodienst vergoedt deze loonsanctie al; "
                    "de vergoeding vindt maar één keer plaats",
                    citation=ART_2_7,
                    parameters=(("arbodienst_vergoedt", True),),
                ),
            )
        return Explained(self.value, refusals, Unit.EURO)


_new_refusal: Callable[[type[SanctionRefusal], tuple[object, ...]], SanctionRefusal]
_new_refusal = tuple.__new__


class _SanctionCompensation(NamedTuple):
    """The fields of `SanctionCompensation`."""

    weeks: int
    weekly_wage: Decimal
    #: The percentage and the employer's charges used: the product's parameter in force,
    #: or the fraction given (the cao percentage, the charges given).
    coverage: Parameter[Decimal] | Decimal
    charges: Parameter[Decimal] | Decimal
    approved_costs: Decimal
    arbodienst_paid: Decimal
    gross: Decimal
    value: Decimal


class SanctionCompensation(_SanctionCompensation, DecisionRecord[Decimal]):
    """What [`sanction_compensation`][reintegratie_core.compensation.sanction_compensation] decided when it compensates: the values of the
    formula and the amount (``value``). A tuple, built once per lifted Excel row;
    `explain` renders the grounds from it."""

    __slots__ = ()

    @ruled("sanction_compensation")
    def explain(self) -> Explained[Decimal]:
        """The compensation with its grounds: the formula (``003`` art. 2.7.2), the charges
        (§8), the maximum (art. 2.7.1) and what the arbodienst already paid (art. 2.7)."""
        weeks, loon, kosten, arbodienst = (
            self.weeks,
            self.weekly_wage,
            self.approved_costs,
            self.arbodienst_paid,
        )
        coverage, charges, gross, value = self.coverage, self.charges, self.gross, self.value
        p_pair: tuple[str, ParameterValue] = (
            ("cao_percentage", Unit.PERCENT.of(coverage))
            if isinstance(coverage, Decimal)
            else coverage.as_pair()
        )
        c_pair: tuple[str, ParameterValue] = (
            ("werkgeverslasten_opgegeven", Unit.PERCENT.of(charges))
            if isinstance(charges, Decimal)
            else charges.as_pair()
        )
        netted: tuple[Ground, ...] = ()
        if arbodienst:
            netted = (
                Ground(
                    rule="de poortwachtergarantie van de arbodienst vergoedde een deel van deze "
                    "loonsanctie; de vergoeding vindt maar één keer plaats: vergoeding = "
                    "max(0, berekende vergoeding − door de arbodienst vergoed)",
                    citation=ART_2_7,
                    parameters=(
                        ("berekend", Unit.EURO.of(round_cents(gross))),
                        ("arbodienst_vergoedt", Unit.EURO.of(arbodienst)),
                    ),
                ),
            )
        grounds = (
            Ground(
                rule="vergoeding = sanctieweken × weekloon × percentage × (1 + werkgeverslasten) + "
                "vooraf goedgekeurde re-integratiekosten tijdens de loonsanctie",
                citation=ART_2_7_2,
                parameters=(
                    ("sanctieweken", Unit.WEEKS.of(weeks)),
                    ("weekloon", Unit.EURO.of(loon)),
                    p_pair,
                    c_pair,
                    ("goedgekeurde_kosten", Unit.EURO.of(kosten)),
                ),
            ),
            Ground(
                rule="werkgeverslasten over het gedekte loon: w × p × (1 + c)",
                citation=DECISIONS,
            ),
            Ground(
                rule="een loonsanctie duurt ten hoogste het maximum aantal weken",
                citation=ART_2_7_1,
                parameters=(MAX_SANCTION_WEEKS.as_pair(),),
            ),
            *netted,
        )
        return Explained(value, grounds, Unit.EURO)


_new_compensation: Callable[[type[SanctionCompensation], tuple[object, ...]], SanctionCompensation]
_new_compensation = tuple.__new__


# --- The nine conditions of 003 art. 2.7.3, from a dossier ---------------------------------


@attrs.frozen(kw_only=True)
class ConditionCheck:
    """One condition of ``003`` art. 2.7.3: whether it is met, why, and where it is written.

    ``key`` and ``text`` are the condition's code and wording ([`SanctionConditions`][reintegratie_core.compensation.SanctionConditions]);
    ``given`` is ``False`` when the dossier left it empty and it is assumed met.
    """

    key: str
    text: str
    met: bool
    reason: str
    citations: tuple[Citation, ...]
    given: bool = True


@attrs.frozen
class SanctionConditionsCheck:
    """The nine conditions of ``003`` art. 2.7.3, each decided, in the article's order."""

    checks: tuple[ConditionCheck, ...]

    @property
    def all_met(self) -> bool:
        """True when every condition is met: the loonsanctie can be compensated."""
        return all(check.met for check in self.checks)

    @property
    def conditions(self) -> SanctionConditions:
        """The same decisions as the [`SanctionConditions`][reintegratie_core.compensation.SanctionConditions] that
        [`sanction_compensation`][reintegratie_core.compensation.sanction_compensation] takes."""
        fields = {f.metadata["key"]: f.name for f in attrs.fields(SanctionConditions)}
        return SanctionConditions(**{fields[c.key]: c.met for c in self.checks})


_Parameters = tuple[tuple[str, ParameterValue | None], ...]


def _check(
    key: str,
    met: bool,
    reason: str,
    extra: tuple[Citation, ...] = (),
    parameters: _Parameters = (),
    *,
    given: bool = True,
) -> tuple[ConditionCheck, tuple[Ground, ...]]:
    """One decided condition and its grounds (the article, then any rule it relied on)."""
    text = _CONDITION_TEXT[key]
    citations = tuple(dict.fromkeys((ART_2_7_3, *extra)))
    verdict = "voldaan" if met else "niet voldaan"
    shown = tuple((name, value) for name, value in parameters if value is not None)
    grounds = (
        Ground(
            rule=f"voorwaarde {verdict}: {text} — {reason}",
            citation=ART_2_7_3,
            parameters=shown,
            rule_id="sanction_conditions",
        ),
        *(
            Ground(rule=f"{text}: {reason}", citation=c, rule_id="sanction_conditions")
            for c in citations[1:]
        ),
    )
    check = ConditionCheck(
        key=key, text=text, met=met, reason=reason, citations=citations, given=given
    )
    return check, grounds


_CONDITION_TEXT: dict[str, str] = {
    f.metadata["key"]: f.metadata["nl"] for f in attrs.fields(SanctionConditions)
}
_ASSUMED = "niet opgegeven: aangenomen voldaan"


def _fact(
    key: str, value: bool | None, yes: str, no: str
) -> tuple[ConditionCheck, tuple[Ground, ...]]:
    """A condition only the dossier can tell: ``None`` (empty) is assumed met."""
    if value is None:
        return _check(key, True, _ASSUMED, given=False)
    return _check(key, value, f"opgegeven: {yes if value else no}")


def _guidance(
    case: SicknessCase, start: date, until: date | None
) -> tuple[ConditionCheck, tuple[Ground, ...]]:
    """Condition 1: the arbodienst guided from the first sick day through the whole period."""
    end = milestone_date(case, Milestone.EINDE_LOONDOORBETALING).value
    period_end = end if end is not None else case.last_day
    from_start = start <= case.first_day
    through = until is None or (period_end is not None and until >= period_end)
    if not from_start:
        reason = "de arbodienst begeleidde niet vanaf de eerste ziektedag"
    elif not through:
        reason = "de begeleiding door de arbodienst eindigde vóór het einde van de loondoorbetaling"
    elif until is None:
        reason = "begeleiding vanaf de eerste ziektedag, nog lopend"
    else:
        reason = "begeleiding vanaf de eerste ziektedag tot het einde van de loondoorbetaling"
    return _check(
        "arbodienst_begeleidde_hele_periode",
        from_start and through,
        reason,
        parameters=(
            ("eerste_ziektedag", case.first_day),
            ("begeleiding_vanaf", start),
            ("begeleiding_tot", until),
            ("einde_loondoorbetaling", period_end),
        ),
    )


def _advice(
    product: Product,
    events: tuple[Event, ...],
    period: tuple[date, date],
    employee: str | None,
    followed: bool | None,
) -> tuple[ConditionCheck, tuple[Ground, ...]]:
    """Condition 2: an event ``advies_niet_opgevolgd`` in the verzuimperiode, else the
    dossier's fact."""
    first_day, decision_date = period
    refused = [
        e
        for e in applicable(events, decision_date, employee, since=first_day)
        if e.kind is EventKind.ADVIES_NIET_OPGEVOLGD
    ]
    if refused:
        rule = product_rules(product).rule(EventKind.ADVIES_NIET_OPGEVOLGD)
        return _check(
            "adviezen_opgevolgd", False, f"gebeurtenis {refused[0].describe()}", rule.citations
        )
    return _fact("adviezen_opgevolgd", followed, "opgevolgd", "niet opgevolgd")


def _notice(
    decision_date: date, notified_on: date | None
) -> tuple[ConditionCheck, tuple[Ground, ...]]:
    """Condition 3: notified within five working days (the rule of RI_UITERSTE_MELDING_SANCTIE)."""
    deadline = sanction_notice_deadline(decision_date)
    latest = f"{format_date(deadline.value)}"
    if notified_on is None:
        met, reason = False, f"nog niet gemeld; uiterlijk {latest}"
    else:
        met = notified_on <= deadline.value
        limit = "uiterlijk" if met else "na de uiterste datum"
        reason = f"gemeld op {format_date(notified_on)}, {limit} {latest}"
    return _check(
        "tijdig_gemeld",
        met,
        reason,
        tuple(g.citation for g in deadline.explain().grounds[1:]),
        (
            ("datum_besluit", decision_date),
            ("datum_melding", notified_on),
            ("uiterste_melding", deadline.value),
        ),
    )


def _guarantee(
    product: Product, events: tuple[Event, ...], period: tuple[date, date], employee: str | None
) -> tuple[ConditionCheck, tuple[Ground, ...]]:
    """Condition 8: the poortwachtergarantie's status from the messages of the verzuimperiode
    in the event log (the rule of RI_STATUS, folded from the first sick day)."""
    first_day, decision_date = period
    status = entitlement_status(
        product,
        Entitlement.POORTWACHTERGARANTIE,
        events,
        decision_date,
        employee,
        since=first_day,
    )
    active = status.state is EntitlementState.ACTIEF
    window = f"verzuimperiode {format_date(first_day)} t/m {format_date(decision_date)}"
    if active:
        reason = f"geen bericht van intrekking in de {window} (datum van het besluit)"
    else:
        deciding = "; ".join(d.event.describe() for d in status.decided_by)
        reason = f"poortwachtergarantie {status.state.value} in de {window} ({deciding})"
    return _check(
        "garantie_niet_ingetrokken",
        active,
        reason,
        tuple(c for d in status.decided_by for c in d.rule.citations),
        (("status", status.state.value), ("sinds", status.since)),
    )


def _check_dates(
    case: SicknessCase,
    decision_date: date,
    notified_on: date | None,
    guidance_from: date,
    guidance_until: date | None,
) -> None:
    # Each text is built only for the date that is wrong (an absent date has no text).
    if decision_date < case.first_day:
        msg = (
            f"{format_date(decision_date)} ligt vóór de eerste ziektedag "
            f"{format_date(case.first_day)}"
        )
        raise argument_error(InvalidValueError, "decision_date", msg)
    if notified_on is not None and notified_on < decision_date:
        msg = (
            f"{format_date(notified_on)} ligt vóór het besluit van het UWV "
            f"({format_date(decision_date)})"
        )
        raise argument_error(InvalidValueError, "notified_on", msg)
    if guidance_until is not None and guidance_until < guidance_from:
        msg = (
            f"{format_date(guidance_until)} ligt vóór begeleiding_vanaf "
            f"({format_date(guidance_from)})"
        )
        raise argument_error(InvalidValueError, "guidance_until", msg)


def sanction_conditions(
    product: Product,
    case: SicknessCase,
    *,
    decision_date: date,
    notified_on: date | None,
    guidance_from: date,
    guidance_until: date | None = None,
    events: Iterable[Event] = (),
    employee: str | None = None,
    advice_followed: bool | None = None,
    no_obstruction: bool | None = None,
    mandate_given: bool | None = None,
    cooperation: bool | None = None,
    improvements_followed: bool | None = None,
    voluntary_continuation: bool | None = None,
) -> Explained[SanctionConditionsCheck]:
    """The nine conditions of ``003`` art. 2.7.3 for one loonsanctie, each decided.

    Defined as (in the article's order; *D* the case's first sick day, *E* its end of wage
    continuation without sanction weeks, or its last sick day when it closed before):

    ```text
    1 guided_throughout        guidance_from ≤ D and (guidance_until empty or ≥ E)
    2 advice_followed          no event advies_niet_opgevolgd for the employee in the
                               verzuimperiode [D, decision_date], and not given as False
    3 notified_in_time         notified_on ≤ decision_date + 5 working days (Atw)
    4 no_obstruction           not given as False
    5 mandate_given            not given as False
    6 cooperation              not given as False
    7 improvements_followed    not given as False
    8 guarantee_not_withdrawn  the poortwachtergarantie is actief on decision_date for
                               the employee, folding only the events of the
                               verzuimperiode [D, decision_date] (domain §5)
    9 no_voluntary_continuation  voluntary_continuation not given as True
    ```

    The verzuimperiode of "tijdens de verzuimperiode" (art. 2.7.3) runs from the first sick
    day *D* of the case to the UWV decision, both included: a withdrawal received for an
    earlier sickness, before *D*, is no message of this case; one after the decision is not
    known when the compensation is decided.

    A fact the dossier leaves empty (``None``) is assumed met, and its reason says so. Only
    a product with the loonsanctie compensation (its parameter ``loonsanctie_dekkingspercentage``)
    and an event table has these conditions — built in, ``zeeuwse-prb`` — any other is a
    [`NotApplicableError`][reintegratie_core.NotApplicableError] naming ``product``; a decision before *D*, a notice before
    the decision or a guidance end before its start is an error naming that date.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if type(decision_date) is not date:
        raise date_error("decision_date", decision_date)
    if notified_on is not None and type(notified_on) is not date:
        raise date_error("notified_on", notified_on)
    if type(guidance_from) is not date:
        raise date_error("guidance_from", guidance_from)
    if guidance_until is not None and type(guidance_until) is not date:
        raise date_error("guidance_until", guidance_until)
    for name, given in (
        ("advice_followed", advice_followed),
        ("no_obstruction", no_obstruction),
        ("mandate_given", mandate_given),
        ("cooperation", cooperation),
        ("improvements_followed", improvements_followed),
        ("voluntary_continuation", voluntary_continuation),
    ):
        check_optional_flag(name, given)
    if not product.has_parameter("loonsanctie_dekkingspercentage") or product.events is None:
        msg = (
            f"{product.code} kent geen vergoeding van een loonsanctie onder de "
            "poortwachtergarantie (003 art. 2.7.3)"
        )
        raise argument_error(NotApplicableError, "product", msg)
    _check_dates(case, decision_date, notified_on, guidance_from, guidance_until)
    check_iterable("events", events, Event)
    log = tuple(events)
    # "tijdens de verzuimperiode" (art. 2.7.3): from the case's first sick day up to the
    # UWV decision; a message of an earlier sickness, or after the decision, does not count
    period = (case.first_day, decision_date)
    if voluntary_continuation is None:
        voluntary = _check("geen_vrijwillige_doorbetaling", True, _ASSUMED, given=False)
    else:
        voluntary = _fact(
            "geen_vrijwillige_doorbetaling",
            not voluntary_continuation,
            "niet vrijwillig langer doorbetaald",
            "het loon is vrijwillig langer doorbetaald",
        )
    decided = (
        _guidance(case, guidance_from, guidance_until),
        _advice(product, log, period, employee, advice_followed),
        _notice(decision_date, notified_on),
        _fact("geen_belemmerende_acties", no_obstruction, "geen", "wel belemmerende acties"),
        _fact("machtiging_gegeven", mandate_given, "gegeven", "niet gegeven"),
        _fact("informatie_en_medewerking", cooperation, "verleend", "niet verleend"),
        _fact("verbeterpunten_opgevolgd", improvements_followed, "opgevolgd", "niet opgevolgd"),
        _guarantee(product, log, period, employee),
        voluntary,
    )
    checks = tuple(check for check, _ in decided)
    grounds = tuple(ground for _, found in decided for ground in found)
    return Explained(SanctionConditionsCheck(checks), grounds)


__all__ = [
    "ConditionCheck",
    "SanctionCompensation",
    "SanctionConditions",
    "SanctionConditionsCheck",
    "SanctionRefusal",
    "sanction_compensation",
    "sanction_conditions",
]
