"""Consequences of a module's end, continuation for sick employees, eligibility.

domein §4 "Consequences of termination":

* Every module that ends in a cascade brings the consequences its table lists, from the
  end date, filtered by the reason the termination started with (``001``/``004`` art. 2.5:
  guidance ends, the poortwachtergarantie lapses, consultation on running cases; ``000``
  art. 4.3 and ``003`` art. 1.5.3: guidance continues for sick employees; ``003`` art.
  1.5.3: not after fraude, wanbetaling or onjuiste_informatie).
* **Continuation** ([`guidance_continues`][reintegratie_core.products.guidance_continues]) for one employee after the product's
  service module ended: a rule of kind ``begeleiding_loopt_door`` continues guidance for
  an employee whose sickness began on or before the module's last day, up to that case's
  ``einde_loondoorbetaling`` (the legal re-integration obligation), and stops at full
  recovery unless the employee is sick again within the relapse window (default the 28
  days of the samentelling, §2; ``003`` art. 1.5.3 "binnen vier weken").
* **Eligibility** ([`eligible`][reintegratie_core.products.eligible]): first sick day on or after the start of the module
  the product names (``001`` art. 3.2/3.3, ``004`` art. 3.2, ``003`` art. 1.3, ``002``).

Decisions: the end date of a module is its last day (t/m, §1), so "eerste ziektedag vóór
de datum van beëindiging" (``003`` 1.5.3) is *first sick day ≤ last day*. Products whose
service module has no continuation rule (``001``, ``004``: only consultation remains) give
FALSE after the end date. Before and on the end date the module itself still runs:
guidance runs for an employee who is sick (or in a gap shorter than the relapse window).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import NamedTuple

import attrs

from reintegratie_core._checks import (
    case_error,
    check_iterable,
    date_error,
    dates_error,
    items_error,
    member_error,
    product_error,
)
from reintegratie_core._dates import ONE_DAY, Period
from reintegratie_core._errors import InvalidValueError, argument_error, error_argument
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
from reintegratie_core._parameters import Parameter
from reintegratie_core._poortwachter import (
    Milestone,
    MilestoneDate,
    RelapsePrevention,
    _relapse_prevention,
    milestone_date,
)
from reintegratie_core._sickness import (
    Absence,
    AbsenceKind,
    SicknessCase,
    case_at,
    last_case,
)
from reintegratie_core._statutory import MERGE_INTERRUPTION_DAYS
from reintegratie_core.products._cascade import DEFAULT_REASON, Cascade, cascade
from reintegratie_core.products._duration import _IN_FORCE, _in_force
from reintegratie_core.products._model import (
    ALL_REASONS,
    ConsequenceKind,
    ConsequenceRule,
    Module,
    Product,
    TerminationReason,
)


@attrs.frozen(kw_only=True)
class Consequence:
    """One consequence of an ended module: what, from when, by which articles."""

    module: str
    kind: ConsequenceKind
    text: str
    since: date
    citations: tuple[Citation, ...]


def consequences(
    product: Product,
    module: str,
    on: date,
    reason: TerminationReason | None = DEFAULT_REASON,
    held: Iterable[str] | None = None,
) -> Explained[tuple[Consequence, ...]]:
    """The consequences of terminating ``module`` on ``on`` for ``reason``.

    Defined as: for every module of cascade(product, module, on, reason), each of its
    consequence rules that applies to ``reason`` (the reason the termination started
    with; for a rule with ``reason_of``, the reason that module ended with — ``003`` art.
    1.5.3, domain §8.1), from ``on`` (``000`` 4.1/4.3, ``001`` 2.5, ``004`` 2.5, ``003``
    1.5.2/1.5.3). ``reason=None`` (any reason the module admits, domain §8.1): a rule that
    depends on the reason is listed with its condition when some admitted reason brings it,
    and a module the cascade ends only for some admitted reasons
    ([`EndedModule`][reintegratie_core.products.EndedModule]'s ``except_reasons``: ``003``
    art. 1.5.2, prb not at ``overstap_arbodienst``) lists its consequences with that
    condition — the cascade's decision, not a second one.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(on) is not date:
        raise date_error("on", on)
    if reason is not None and type(reason) is not TerminationReason:
        raise member_error("reason", reason, TerminationReason)
    outcome = cascade(product, module, on, reason, held)
    admitted = product.module(outcome.value.first).allowed_reasons
    found: list[Consequence] = []
    grounds: list[Ground] = list(outcome.grounds)
    for entry in outcome.value.ended:
        # the cascade's decision: without a reason, a module may end only for some admitted
        # reasons (003 art. 1.5.2: not for overstap_arbodienst); its consequences too
        ending = admitted - entry.except_reasons
        for rule in product.module(entry.module).consequences:
            verdict, own = _verdict(rule, outcome.value, ending, entry.module)
            if verdict is False:
                continue
            conditions = (
                rule.condition_text(own=own) if verdict is None else "",
                entry.exception_condition(),
            )
            shown = "; ".join(c for c in conditions if c)
            condition = f" ({shown})" if shown else ""
            found.append(
                Consequence(
                    module=entry.module,
                    kind=rule.kind,
                    text=rule.text + condition,
                    since=on,
                    citations=rule.citations,
                )
            )
            given = "elke toegestane reden" if reason is None else reason.value
            grounds.extend(
                Ground(
                    rule=f"{entry.module}: {rule.text}{condition}",
                    citation=c,
                    parameters=(("vanaf", on), ("reden", given)),
                    rule_id="consequences",
                )
                for c in rule.citations
            )
    if not found:
        grounds.append(
            Ground(
                rule=(
                    f"de voorwaarden van {product.code} verbinden geen gevolgen aan het einde "
                    f"van {', '.join(outcome.value.modules)}"
                ),
                citation=product.citations[0],
                rule_id="consequences",
            )
        )
    return Explained(tuple(found), tuple(grounds))


def _verdict(
    rule: ConsequenceRule,
    outcome: Cascade,
    admitted: frozenset[TerminationReason],
    module: str,
) -> tuple[bool | None, bool]:
    """Whether ``module``'s ``rule`` follows from the cascade: yes, no, or ``None`` = it
    depends; and whether the module's own reason counted instead of ``reason_of``'s.

    Defined as: the reason that counts is the first module's; with ``reason_of``, the
    reason that module ended with — and when it did not end, the module's own reason if
    the termination began at the module itself (``003`` art. 3.2: "U krijgt geen
    dienstverlening" after fraude; domain §5, event ``fraude``), else nothing is excluded
    (``unless`` rules apply, ``only`` rules do not: an arbocontract ended for any reason
    still lets guidance continue, ``003`` art. 1.5.3, domain §8.1); no reason given → yes
    when unconditional, ``None`` when some but not all admitted reasons bring it.
    """
    reason_of = rule.reason_of
    own = False
    if reason_of is not None:
        entry = outcome.get(reason_of)
        if entry is not None:
            reason = entry.reason
        elif outcome.first == module:  # the module itself was ended: its own reason
            reason_of, reason, own = None, outcome.reason, True
        else:
            return not rule.only, own
    else:
        reason = outcome.reason
    if reason is not None:
        return rule.applies(reason), own
    if not rule.conditional:
        return True, own
    candidates = admitted if reason_of in {None, outcome.first} else ALL_REASONS
    if not rule.applies_to_any(candidates):
        return False, own
    return (None if not all(rule.applies(r) for r in candidates) else True), own


def eligible(product: Product, case: SicknessCase, start: date) -> Eligible:
    """True when a sickness case falls under the product's services.

    Defined as: D ≥ start, D being the first sick day of the *case* (samentelling, §2: a
    relapse less than 28 days after a case that began before ``start`` is that case, so
    not eligible; domain §8.1) and ``start`` the start (ingangsdatum) of the module the
    product's eligibility names (``001`` art. 3.2/3.3, ``004`` art. 3.2, ``002``; ``003``
    art. 1.3: the insurance's start date). A first sick day alone is
    `SicknessCase.ongoing` (made at the edge, once).
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if type(start) is not date:
        raise date_error("start", start)
    return _new_eligible(Eligible, (product, case, start, _falls_under(case, start)))


def falls_under(case: SicknessCase, start: date) -> bool:
    """The test of [`eligible`][reintegratie_core.products.eligible]: D ≥
    ``start``, D the case's first sick day. The one statement of it, also for the
    worklist's column (which explains it through `eligible`)."""
    if type(case) is not SicknessCase and not isinstance(case, SicknessCase):
        raise case_error("case", case)
    if type(start) is not date:
        raise date_error("start", start)
    return _falls_under(case, start)


def _falls_under(case: SicknessCase, start: date) -> bool:
    """The test of [`falls_under`][reintegratie_core.products.falls_under], its arguments checked by the caller."""
    return case.periods[0].start >= start


class _Eligible(NamedTuple):
    """The fields of `Eligible`."""

    product: Product
    case: SicknessCase
    start: date
    value: bool


class Eligible(_Eligible, DecisionRecord[bool]):
    """What [`eligible`][reintegratie_core.products.eligible] decided: the case, the module's start and whether the case
    falls under the services (``value``). A tuple, built once per lifted Excel row;
    `explain` renders the grounds from it."""

    __slots__ = ()

    @ruled("eligible")
    def explain(self) -> Explained[bool]:
        """The answer with its grounds: the product's eligibility rule, and the case's
        samentelling when the case has more than one period."""
        case, start, value = self.case, self.start, self.value
        rule = self.product.eligibility
        name = self.product.module(rule.module).name
        verdict = "valt onder" if value else "valt niet onder"
        text = (
            f"dienstverlening alleen voor werknemers met een eerste ziektedag op of na de "
            f"ingangsdatum van {name}; deze werknemer {verdict} de dienstverlening"
        )
        parameters: tuple[tuple[str, ParameterValue], ...] = (
            ("eerste_ziektedag", case.first_day),
            ("ingangsdatum", start),
        )
        grounds = [
            Ground(rule=text, citation=c, parameters=parameters, rule_id="eligible")
            for c in rule.citations
        ]
        if len(case.periods) > 1 or case.bridged_leave:
            grounds = [
                *case.grounds(),
                Ground(
                    rule=(
                        "het recht hangt af van de eerste ziektedag van het ziektegeval, niet "
                        "van de laatste ziekteperiode"
                    ),
                    citation=Citation.decision("§8.1"),
                    rule_id="eligible",
                ),
                *grounds,
            ]
        return Explained(value, tuple(grounds))


_new_eligible: Callable[[type[Eligible], tuple[object, ...]], Eligible] = tuple.__new__


def apply_recovery(absences: Sequence[Absence], recovery: date | None) -> tuple[Absence, ...]:
    """The periods with the recovery date applied: it closes the open sick period.

    Defined as: the running last sick period ends on ``recovery − 1 day``; with a closed
    last period ``recovery`` must be the day after its last day. Anything else is an
    [`InvalidValueError`][reintegratie_core.InvalidValueError] naming the period.
    """
    if recovery is not None and type(recovery) is not date:
        raise date_error("recovery", recovery)
    check_iterable("absences", absences, Absence)
    given = tuple(absences)  # read once: an iterator would be empty the second time
    if recovery is None:
        return given
    try:
        sick = sorted(
            (a for a in given if a.kind is AbsenceKind.SICK), key=lambda a: a.period.start
        )
    except AttributeError:  # an element that is no Absence: name it
        raise items_error("absences", given, Absence) from None
    if not sick:
        reason = "geen ziekteperiode gegeven bij de hersteldatum"
        raise argument_error(InvalidValueError, "absences", reason)
    last = sick[-1]
    if last.period.is_open:
        if recovery <= last.period.start:
            reason = (
                f"{format_date(recovery)} ligt niet na de eerste dag "
                f"van de lopende ziekteperiode ({format_date(last.period.start)})"
            )
            raise argument_error(InvalidValueError, "recovery", reason)
        closed = Absence(Period(last.period.start, recovery), AbsenceKind.SICK)
        return tuple(closed if a is last else a for a in given)
    assert last.period.end is not None
    if recovery != last.period.end:
        reason = (
            f"{format_date(recovery)} past niet bij de laatste "
            f"ziekteperiode {last.period} (herstel is dan {format_date(last.period.end)}); "
            "laat de laatste dag leeg of de hersteldatum weg"
        )
        raise argument_error(InvalidValueError, "recovery", reason)
    return given


def relapse_prevention_after(absences: Sequence[Absence], recovery: date) -> RelapsePrevention:
    """Terugvalpreventie for the periods given and the recovery date (``002``; domain §8.1:
    measured from the first day of the case the recovery closes).

    Defined as: ``case = last_case(apply_recovery(absences, recovery))``, then
    [`relapse_prevention`][reintegratie_core.relapse_prevention]\
    ``(case.first_day, recovery, case)``. For one running sick period (a row of an Excel
    column of first sick days) that case is the period itself closed by the recovery, so
    its first day is the period's: it is not built. Any error names the recovery date.
    """
    if type(recovery) is not date:
        raise date_error("recovery", recovery)
    try:
        count = len(absences)
    except TypeError:  # no list at all: apply_recovery below names it
        count = 0
    if count == 1:
        (only,) = absences
        if type(only) is Absence:
            period = only.period
            if only.kind is _SICK and period.end is None and recovery > period.start:
                return _relapse_prevention(period.start, recovery)
    case = last_case(apply_recovery(absences, recovery))
    return _relapse_prevention(case.first_day, recovery, case)


_SICK = AbsenceKind.SICK


def _bridged(case: SicknessCase, earlier: Period, later: Period) -> bool:
    return any(
        leave.start == earlier.end and leave.end == later.start for leave in case.bridged_leave
    )


def _continues_chain(case: SicknessCase, on: date, window: int) -> tuple[bool, date | None]:
    """Whether the employee is in the sickness at ``on``, and where that chain began.

    Defined as: ``on`` lies in a sick period, or between two periods whose interruption is
    shorter than ``window`` days (or bridged by leave); the chain walks back from there
    while interruptions stay shorter than ``window``. ``(False, None)`` when recovered.
    """
    periods = case.periods
    index = None
    for i, period in enumerate(periods):
        if period.contains(on):
            index = i
            break
        nxt = periods[i + 1] if i + 1 < len(periods) else None
        if period.end is not None and period.end <= on and nxt is not None and on < nxt.start:
            gap = (nxt.start - period.end).days
            if _bridged(case, period, nxt) or gap < window:
                index = i
                break
            return False, None
    if index is None:
        return False, None
    while index > 0:
        earlier, later = periods[index - 1], periods[index]
        assert earlier.end is not None
        if not _bridged(case, earlier, later) and (later.start - earlier.end).days >= window:
            break
        index -= 1
    return True, periods[index].start


def guidance_continues(
    product: Product,
    absences: Sequence[Absence],
    module_end: date,
    on: date,
    *,
    reason: TerminationReason = DEFAULT_REASON,
    recovery: date | None = None,
    sanction_weeks: int = 0,
) -> GuidanceContinues:
    """True when guidance/budget for this employee still runs on ``on`` (domain §4).

    Defined as: with the case current on ``on`` (samentelling, §2; ``recovery`` closes the
    open period):
    on ≤ module_end → the module still runs: TRUE while the employee is sick; for a service
    module whose casemanager works within the wage-continuation period (``001``/``004``:
    art. 1.6/1.7 "arbeidsongeschikt ... in de periode van de loondoorbetalingsverplichting",
    art. 3.5) only up to the case's einde_loondoorbetaling, through a UWV extension by
    ``sanction_weeks`` ("tot het einde van de loondoorbetalingsperiode die UWV u oplegt");
    otherwise, a continuation rule of the service module that applies to ``reason`` (for
    ``003`` the reason the insurance ended: art. 1.5.3, not for fraude/wanbetaling/
    onjuiste_informatie, domain §8.1 — or prb's own reason when prb alone ended, art. 3.2,
    as `consequences` counts it; ``000`` art. 4.3) and: the employee is sick on ``on``
    (or between periods less than the relapse window apart), that sickness began on or
    before ``module_end``, and ``on`` ≤ the case's einde_loondoorbetaling *including* the
    sanction weeks (``003`` art. 1.5.3 "wettelijke re-integratieverplichting", BW 7:629
    lid 11, domain §8.1). No such rule (``001``/``004`` art. 2.5) → FALSE.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if (
        type(module_end) is not date
        or type(on) is not date
        or (recovery is not None and type(recovery) is not date)
    ):
        raise dates_error(
            ("module_end", module_end, False), ("on", on, False), ("recovery", recovery, True)
        )
    if type(reason) is not TerminationReason:
        raise member_error("reason", reason, TerminationReason)
    service, rule, relapse = _continuation_rule(product, reason)
    periods = absences if recovery is None else apply_recovery(absences, recovery)
    case = case_at(periods, on)
    window = MERGE_INTERRUPTION_DAYS
    if relapse is not None:
        in_force = _in_force(product, relapse, module_end)[0]
        assert in_force is not None  # a named parameter: in force, or the error
        window = in_force
    decided = (service, case, module_end, on, reason, rule, window, sanction_weeks)
    if case is None:
        return _new_guidance(GuidanceContinues, (False, _NO_CASE, *decided, None, None))
    sick, chain_start = _continues_chain(case, on, window.value)
    if on <= module_end:
        if sick and service.sanction_extension:  # 001/004 art. 3.5: to the end of wage continuation
            extended = _wage_end(case, sanction_weeks)
            within = extended.value is None or on <= extended.value
            return _new_guidance(
                GuidanceContinues, (within, _RUNNING_EXTENDED, *decided, chain_start, extended)
            )
        return _new_guidance(GuidanceContinues, (sick, _RUNNING, *decided, chain_start, None))
    if rule is None:
        return _new_guidance(GuidanceContinues, (False, _NO_RULE, *decided, chain_start, None))
    if not sick or chain_start is None:
        return _new_guidance(GuidanceContinues, (False, _RECOVERED, *decided, chain_start, None))
    if chain_start > module_end:
        return _new_guidance(GuidanceContinues, (False, _LATER_CASE, *decided, chain_start, None))
    end = _wage_end(case, sanction_weeks)
    if end.value is not None and on > end.value:
        return _new_guidance(GuidanceContinues, (False, _WAGE_ENDED, *decided, chain_start, end))
    return _new_guidance(GuidanceContinues, (True, _CONTINUES, *decided, chain_start, end))


#: Which branch of :func:`guidance_continues` decided (its grounds are rendered from it).
_NO_CASE, _RUNNING, _RUNNING_EXTENDED, _NO_RULE, _RECOVERED, _LATER_CASE = range(6)
_WAGE_ENDED, _CONTINUES = 6, 7


class _GuidanceContinues(NamedTuple):
    """The fields of `GuidanceContinues`."""

    value: bool
    branch: int
    service: Module
    case: SicknessCase | None
    module_end: date
    on: date
    reason: TerminationReason
    rule: ConsequenceRule | None
    #: The relapse window: the rule's parameter, or the 28 days of the samentelling.
    window: Parameter[int]
    sanction_weeks: int
    chain_start: date | None
    #: The end of wage continuation (with the sanction weeks), where the branch used it.
    wage_end: MilestoneDate | None


class GuidanceContinues(_GuidanceContinues, DecisionRecord[bool]):
    """What [`guidance_continues`][reintegratie_core.products.guidance_continues] decided (``value``): the branch that applied
    and the values it used (the service module, the case, the dates, the rule, the relapse
    window, the chain's first sick day and the end of wage continuation), so that a lifted
    Excel row builds no text; `explain` renders the grounds from them."""

    __slots__ = ()

    @ruled("guidance_continues")
    def explain(self) -> Explained[bool]:
        """The answer with its grounds."""
        return Explained(self.value, self._grounds())

    @property
    def grounds(self) -> tuple[Ground, ...]:
        """The grounds `explain` renders."""
        return self._grounds()

    def _grounds(self) -> tuple[Ground, ...]:
        text, citations, extra = self._rendered()
        grounds: list[Ground] = []
        case = self.case
        if case is not None and len(case.periods) > 1:
            grounds.extend(case.grounds())
        parameters: tuple[tuple[str, ParameterValue], ...] = (
            ("einddatum_module", self.module_end),
            ("peildatum", self.on),
            ("reden", self.reason.value),
            *extra,
        )
        grounds.extend(
            Ground(rule=text, citation=c, parameters=parameters) for c in dict.fromkeys(citations)
        )
        return tuple(grounds)

    def _rendered(
        self,
    ) -> tuple[str, Iterable[Citation], tuple[tuple[str, ParameterValue], ...]]:
        """The branch's text, articles and extra parameters (as the decision used them)."""
        service, rule, window = self.service, self.rule, self.window
        module_end, weeks = self.module_end, self.sanction_weeks
        branch, chain_start, end = self.branch, self.chain_start, self.wage_end
        if branch == _NO_CASE:
            return (
                "geen ziektegeval begonnen op of vóór de peildatum: geen begeleiding",
                service.citations,
                (),
            )
        running = (
            f"{service.code} loopt nog op de peildatum (einddatum t/m {format_date(module_end)}); "
        )
        if branch == _RUNNING:
            verdict = (
                "de werknemer is ziek: begeleiding loopt"
                if self.value
                else "de werknemer is hersteld: geen begeleiding"
            )
            return running + verdict, service.citations, ()
        if branch == _RUNNING_EXTENDED:
            assert end is not None
            if weeks:
                period = (
                    f"UWV verlengt de loondoorbetaling met {weeks} weken: de casemanager of "
                    f"ontzorgmanager blijft werken tot het einde daarvan ({_day(end.value)}), "
                    "zolang de werkgever de aanwijzingen voor de re-integratie volgt"
                )
            else:
                period = (
                    "de casemanager of ontzorgmanager begeleidt tot het einde van de "
                    f"loondoorbetaling ({_day(end.value)}); alleen een loonsanctie van UWV "
                    "verlengt dat"
                )
            verdict = (
                "de werknemer is ziek: begeleiding loopt"
                if self.value
                else "de werknemer is ziek, maar na het einde van de loondoorbetaling: geen "
                "begeleiding"
            )
            return (
                f"{running}{verdict}; {period}",
                (*service.citations, *service.sanction_extension, *end.explain().citations()),
                (("sanctieweken", Unit.WEEKS.of(weeks)),) if weeks else (),
            )
        if branch == _NO_RULE:
            return self._stopped()
        assert rule is not None
        if branch == _RECOVERED:
            last = self.case.last_day if self.case is not None else None
            when = (
                f" per {format_date(last + ONE_DAY)}" if last is not None and last < self.on else ""
            )
            return (
                (
                    f"de werknemer is volledig hersteld{when} en niet binnen de terugvaltermijn "
                    "opnieuw ziek geworden: de doorlopende begeleiding eindigt"
                ),
                (*rule.citations, window.citation),
                (window.as_pair(),),
            )
        assert chain_start is not None
        if branch == _LATER_CASE:
            return (
                (
                    f"de ziekte begon op {format_date(chain_start)}, na de einddatum van "
                    f"{service.code}: geen doorlopende begeleiding"
                ),
                rule.citations,
                (("eerste_ziektedag", chain_start), window.as_pair()),
            )
        assert end is not None
        sanction: tuple[tuple[str, ParameterValue], ...] = (
            (("sanctieweken", Unit.WEEKS.of(weeks)),) if weeks else ()
        )
        including = " (inclusief de sanctieweken)" if weeks else ""
        if branch == _WAGE_ENDED:
            assert end.value is not None
            return (
                (
                    f"de loondoorbetaling{including} (en de wettelijke re-integratieverplichting) "
                    f"eindigde op {format_date(end.value)}: de doorlopende begeleiding is "
                    "gestopt"
                ),
                (*rule.citations, *end.explain().citations()),
                (("einde_loondoorbetaling", end.value), *sanction),
            )
        until = format_date(end.value) if end.value is not None else "einde loondoorbetaling"
        return (
            (
                f"{rule.text}; eerste ziektedag {format_date(chain_start)} ligt op of vóór "
                f"de einddatum; loopt door tot uiterlijk {until}{including}"
            ),
            (*rule.citations, *end.explain().citations()),
            (("eerste_ziektedag", chain_start), window.as_pair(), *sanction),
        )

    def _stopped(
        self,
    ) -> tuple[str, Iterable[Citation], tuple[tuple[str, ParameterValue], ...]]:
        """No continuation rule for the reason: the guidance stops at the module's end."""
        service, reason = self.service, self.reason
        stopping = [r for r in service.consequences if r.applies(reason)] or list(
            service.consequences
        )
        blocked = [r for r in service.consequences if r.kind is ConsequenceKind.GUIDANCE_CONTINUES]
        if blocked:
            text = (
                f"na het einde van {service.code} om reden {reason.value} loopt de "
                "begeleiding niet door, ook niet voor zieke werknemers"
            )
        else:
            text = (
                f"na het einde van {service.code} eindigt de begeleiding; er is alleen "
                "overleg over lopende gevallen, geen doorlopende begeleiding"
            )
        if service.sanction_extension:
            text += (
                "; ook de verlengde inzet bij een loonsanctie eindigt, want de "
                "poortwachtergarantie vervalt"
            )
        citations = [c for r in stopping for c in r.citations] or list(service.citations)
        return text, (*citations, *service.sanction_extension), ()


_new_guidance: Callable[[type[GuidanceContinues], tuple[object, ...]], GuidanceContinues]
_new_guidance = tuple.__new__


def _day(value: date | None) -> str:
    return format_date(value) if value is not None else "n.v.t."


def _wage_end(case: SicknessCase, sanction_weeks: int) -> MilestoneDate:
    """The case's einde_loondoorbetaling, extended by ``sanction_weeks`` (BW 7:629 lid 11);
    past 31-12-9999 an error naming ``absences``, the parameter of `guidance_continues`
    the case comes from (`milestone_date` names its own, ``case``)."""
    try:
        return milestone_date(case, Milestone.EINDE_LOONDOORBETALING, None, sanction_weeks)
    except InvalidValueError as exc:
        named = error_argument(exc)
        if named is None or named[0] != "case":
            raise
        raise argument_error(InvalidValueError, "absences", named[1]) from None


#: The service module, its continuation rule for a reason, and its relapse parameter's key.
_Continuation = tuple[Module, ConsequenceRule | None, tuple[str, ...] | None]


def _continuation_rule(product: Product, reason: TerminationReason) -> _Continuation:
    """The product's service module, its rule that continues guidance after an end for
    ``reason`` (``None``: none does) and the key of that rule's relapse parameter (for
    `_in_force`); decided once per product and reason (`Product.decided`)."""
    key = (_CONTINUATION, reason)
    known: _Continuation | None = product.decided.get(key)
    if known is not None:
        return known
    service = product.module(product.service_module)
    rule = None
    for candidate in service.consequences:
        if candidate.kind is ConsequenceKind.GUIDANCE_CONTINUES and candidate.applies(reason):
            rule = candidate
            break
    relapse = None
    if rule is not None and rule.relapse_parameter is not None:
        relapse = (_IN_FORCE, rule.relapse_parameter)
    found: _Continuation = (service, rule, relapse)
    product.decided[key] = found
    return found


#: The `Product.decided` key of the continuation rule per reason.
_CONTINUATION = "continuation"


__all__ = [
    "Consequence",
    "Eligible",
    "GuidanceContinues",
    "apply_recovery",
    "consequences",
    "eligible",
    "falls_under",
    "guidance_continues",
    "relapse_prevention_after",
]
