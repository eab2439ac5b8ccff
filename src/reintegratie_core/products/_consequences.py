"""Consequences of a module's end, continuation for sick employees, eligibility.

domein §4 "Consequences of termination":

* Every module that ends in a cascade brings the consequences its table lists, from the
  end date, filtered by the reason the termination started with (``001``/``004`` art. 2.5:
  guidance ends, the poortwachtergarantie lapses, consultation on running cases; ``000``
  art. 4.3 and ``003`` art. 1.5.3: guidance continues for sick employees; ``003`` art.
  1.5.3: not after fraude, wanbetaling or onjuiste_informatie).
* **Continuation** ([`guidance_continues`][reintegratie_core.products._consequences.guidance_continues]) for one employee after the product's
  service module ended: a rule of kind ``begeleiding_loopt_door`` continues guidance for
  an employee whose sickness began on or before the module's last day, up to that case's
  ``einde_loondoorbetaling`` (the legal re-integration obligation), and stops at full
  recovery unless the employee is sick again within the relapse window (default the 28
  days of the samentelling, §2; ``003`` art. 1.5.3 "binnen vier weken").
* **Eligibility** ([`eligible`][reintegratie_core.products._consequences.eligible]): first sick day on or after the start of the module
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
from typing import NamedTuple, TypeVar

import attrs

from reintegratie_core.dates import ONE_DAY, Period
from reintegratie_core.errors import InvalidValueError
from reintegratie_core.explain import Citation, Explained, Ground, ParameterValue, ruled
from reintegratie_core.poortwachter import Milestone, MilestoneDate, milestone_date
from reintegratie_core.products._cascade import DEFAULT_REASON, Cascade, cascade
from reintegratie_core.products.model import (
    ALL_REASONS,
    ConsequenceKind,
    ConsequenceRule,
    Product,
    TerminationReason,
)
from reintegratie_core.sickness import Absence, AbsenceKind, SicknessCase, merge_cases
from reintegratie_core.statutory import MERGE_INTERRUPTION_DAYS


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
    depends on the reason is listed with its condition when some admitted reason brings it.
    """
    outcome = cascade(product, module, on, reason, held)
    admitted = product.module(outcome.value.first).allowed_reasons
    found: list[Consequence] = []
    grounds: list[Ground] = list(outcome.grounds)
    for entry in outcome.value.ended:
        for rule in product.module(entry.module).consequences:
            verdict = _verdict(rule, outcome.value, admitted)
            if verdict is False:
                continue
            condition = f" ({rule.condition_text()})" if verdict is None else ""
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
    rule: ConsequenceRule, outcome: Cascade, admitted: frozenset[TerminationReason]
) -> bool | None:
    """Whether ``rule`` follows from the cascade: yes, no, or ``None`` = it depends.

    Defined as: the reason that counts is the first module's (or, with ``reason_of``, the
    reason that module ended with); a ``reason_of`` module that did not end excludes nothing
    (``unless`` rules apply, ``only`` rules do not; ``003`` art. 1.5.3, domain §8.1); no
    reason given → yes when unconditional, ``None`` when some but not all admitted reasons
    bring it.
    """
    if rule.reason_of is not None:
        entry = outcome.get(rule.reason_of)
        if entry is None:
            return not rule.only
        reason = entry.reason
    else:
        reason = outcome.reason
    if reason is not None:
        return rule.applies(reason)
    if not rule.conditional:
        return True
    candidates = admitted if rule.reason_of in {None, outcome.first} else ALL_REASONS
    if not rule.applies_to_any(candidates):
        return False
    return None if not all(rule.applies(r) for r in candidates) else True


def eligible(product: Product, sickness: SicknessCase | date, start: date) -> Eligible:
    """True when a sickness case falls under the product's services.

    Defined as: D ≥ start, D being the first sick day of the *case* (samentelling, §2: a
    relapse less than 28 days after a case that began before ``start`` is that case, so
    not eligible; domain §8.1) and ``start`` the start (ingangsdatum) of the module the
    product's eligibility names (``001`` art. 3.2/3.3, ``004`` art. 3.2, ``002``; ``003``
    art. 1.3: the insurance's start date). A plain date is the first sick day of one
    ongoing period.
    """
    case = SicknessCase.ongoing(sickness) if isinstance(sickness, date) else sickness
    return _new_eligible(Eligible, (product, case, start, case.periods[0].start >= start))


class Eligible(NamedTuple):
    """What [`eligible`][reintegratie_core.products._consequences.eligible] decided: the case, the module's start and whether the case
    falls under the services (``value``). A tuple, built once per lifted Excel row;
    `explain` renders the grounds from it."""

    product: Product
    case: SicknessCase
    start: date
    value: bool

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

    @property
    def grounds(self) -> tuple[Ground, ...]:
        """The grounds `explain` renders."""
        return self.explain().grounds

    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation of the grounds, in order."""
        return self.explain().citations()

    def text(self, label: str = "uitkomst") -> str:
        """The explanation as text (see [`Explained.text`][reintegratie_core.explain.Explained.text])."""
        return self.explain().text(label)


_new_eligible: Callable[[type[Eligible], tuple[object, ...]], Eligible] = tuple.__new__


def apply_recovery(absences: Sequence[Absence], recovery: date | None) -> tuple[Absence, ...]:
    """The periods with the recovery date applied: it closes the open sick period.

    Defined as: the running last sick period ends on ``recovery − 1 day``; with a closed
    last period ``recovery`` must be the day after its last day. Anything else is an
    [`InvalidValueError`][reintegratie_core.errors.InvalidValueError] naming the period.
    """
    if recovery is None:
        return tuple(absences)
    sick = sorted((a for a in absences if a.kind is AbsenceKind.SICK), key=lambda a: a.period.start)
    if not sick:
        msg = "geen ziekteperiode gegeven bij de hersteldatum"
        raise InvalidValueError(msg)
    last = sick[-1]
    if last.period.is_open:
        if recovery <= last.period.start:
            msg = (
                f"hersteldatum {recovery.strftime('%d-%m-%Y')} ligt niet na de eerste dag "
                f"van de lopende ziekteperiode ({last.period.start.strftime('%d-%m-%Y')})"
            )
            raise InvalidValueError(msg)
        closed = Absence(Period(last.period.start, recovery), AbsenceKind.SICK)
        return tuple(closed if a is last else a for a in absences)
    assert last.period.end is not None
    if recovery != last.period.end:
        msg = (
            f"hersteldatum {recovery.strftime('%d-%m-%Y')} past niet bij de laatste "
            f"ziekteperiode {last.period} (herstel is dan {last.period.end.strftime('%d-%m-%Y')}); "
            "laat de laatste dag leeg of de hersteldatum weg"
        )
        raise InvalidValueError(msg)
    return tuple(absences)


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


def _case_at(absences: Sequence[Absence], on: date) -> SicknessCase | None:
    current = None
    for case in merge_cases(absences):
        if case.first_day <= on:
            current = case
    return current


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
    on ≤ module_end → the module still runs: TRUE while the employee is sick (through a
    UWV extension of wage continuation by ``sanction_weeks``, the casemanager keeps
    working, ``001``/``004`` art. 3.5);
    otherwise, a continuation rule of the service module that applies to ``reason`` (for
    ``003`` the reason the insurance ended: art. 1.5.3, not for fraude/wanbetaling/
    onjuiste_informatie, domain §8.1; ``000`` art. 4.3) and: the employee is sick on ``on``
    (or between periods less than the relapse window apart), that sickness began on or
    before ``module_end``, and ``on`` ≤ the case's einde_loondoorbetaling *including* the
    sanction weeks (``003`` art. 1.5.3 "wettelijke re-integratieverplichting", BW 7:629
    lid 11, domain §8.1). No such rule (``001``/``004`` art. 2.5) → FALSE.
    """
    service = product.module(product.service_module)
    periods = apply_recovery(absences, recovery)
    case = _case_at(periods, on)
    base: tuple[tuple[str, ParameterValue], ...] = (
        ("einddatum_module", module_end),
        ("peildatum", on),
        ("reden", reason.value),
    )
    rule = _continuation_rule(service.consequences, reason)
    window_parameter = MERGE_INTERRUPTION_DAYS.as_pair()
    window_citation = MERGE_INTERRUPTION_DAYS.citation
    window = MERGE_INTERRUPTION_DAYS.value
    if rule is not None and rule.relapse_parameter is not None:
        relapse = product.months(rule.relapse_parameter, module_end)
        window, window_parameter, window_citation = (
            relapse.value,
            relapse.as_pair(),
            relapse.citation,
        )

    def answer(
        value: bool,
        text: Callable[[], str],
        citations: Callable[[], Iterable[Citation]],
        extra: tuple[tuple[str, ParameterValue], ...] = (),
    ) -> GuidanceContinues:
        """The decision; its grounds (the text, the articles) are rendered when asked."""

        def render() -> tuple[Ground, ...]:
            grounds: list[Ground] = []
            if case is not None and len(case.periods) > 1:
                grounds.extend(case.grounds())
            parameters = base + extra
            grounds.extend(
                Ground(rule=text(), citation=c, parameters=parameters)
                for c in dict.fromkeys(citations())
            )
            return tuple(grounds)

        return _new_guidance(GuidanceContinues, (value, render))

    if case is None:
        return answer(
            False,
            lambda: "geen ziektegeval begonnen op of vóór de peildatum: geen begeleiding",
            lambda: service.citations,
        )
    sick, chain_start = _continues_chain(case, on, window)
    if on <= module_end:

        def running() -> str:
            return (
                f"{service.code} loopt nog op de peildatum (einddatum t/m {module_end.strftime('%d-%m-%Y')}); "
                + (
                    "de werknemer is ziek: begeleiding loopt"
                    if sick
                    else "de werknemer is hersteld: geen begeleiding"
                )
            )

        if sick and sanction_weeks and service.sanction_extension:
            extended = _wage_end(case, sanction_weeks)
            return answer(
                sick,
                lambda: (
                    running()
                    + (
                        f"; UWV verlengt de loondoorbetaling met {sanction_weeks} weken: de "
                        f"casemanager of ontzorgmanager blijft werken tot het einde daarvan "
                        f"({_day(extended.value)}), zolang de werkgever de aanwijzingen voor de "
                        "re-integratie volgt"
                    )
                ),
                lambda: (
                    *service.citations,
                    *service.sanction_extension,
                    *extended.explain().citations(),
                ),
                (("sanctieweken", sanction_weeks),),
            )
        return answer(sick, running, lambda: service.citations)
    if rule is None:
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
        return answer(False, _given(text), _given((*citations, *service.sanction_extension)))
    if not sick or chain_start is None:
        last = case.last_day
        when = (
            f" per {(last + ONE_DAY).strftime('%d-%m-%Y')}"
            if last is not None and last < on
            else ""
        )
        return answer(
            False,
            _given(
                f"de werknemer is volledig hersteld{when} en niet binnen de terugvaltermijn "
                "opnieuw ziek geworden: de doorlopende begeleiding eindigt"
            ),
            _given((*rule.citations, window_citation)),
            (window_parameter,),
        )
    if chain_start > module_end:
        return answer(
            False,
            _given(
                f"de ziekte begon op {chain_start.strftime('%d-%m-%Y')}, na de einddatum van "
                f"{service.code}: geen doorlopende begeleiding"
            ),
            _given(rule.citations),
            (("eerste_ziektedag", chain_start), window_parameter),
        )
    end = _wage_end(case, sanction_weeks)
    sanction: tuple[tuple[str, ParameterValue], ...] = (
        (("sanctieweken", sanction_weeks),) if sanction_weeks else ()
    )
    including = " (inclusief de sanctieweken)" if sanction_weeks else ""
    if end.value is not None and on > end.value:
        return answer(
            False,
            _given(
                f"de loondoorbetaling{including} (en de wettelijke re-integratieverplichting) "
                f"eindigde op {end.value.strftime('%d-%m-%Y')}: de doorlopende begeleiding is "
                "gestopt"
            ),
            lambda: (*rule.citations, *end.explain().citations()),
            (("einde_loondoorbetaling", end.value), *sanction),
        )
    until = end.value.strftime("%d-%m-%Y") if end.value is not None else "einde loondoorbetaling"
    return answer(
        True,
        _given(
            f"{rule.text}; eerste ziektedag {chain_start.strftime('%d-%m-%Y')} ligt op of vóór "
            f"de einddatum; loopt door tot uiterlijk {until}{including}"
        ),
        lambda: (*rule.citations, *end.explain().citations()),
        (("eerste_ziektedag", chain_start), window_parameter, *sanction),
    )


T = TypeVar("T")


def _given(value: T) -> Callable[[], T]:
    """A value already decided, for a rendering that takes it on demand."""
    return lambda: value


class GuidanceContinues(NamedTuple):
    """What [`guidance_continues`][reintegratie_core.products._consequences.guidance_continues] decided (``value``) and how to render its grounds:
    ``render`` holds the branch that applied with the values it used (the case, the rule,
    the dates), so that a lifted Excel row builds no text; `explain` renders them."""

    value: bool
    render: Callable[[], tuple[Ground, ...]]

    @ruled("guidance_continues")
    def explain(self) -> Explained[bool]:
        """The answer with its grounds."""
        return Explained(self.value, self.render())

    @property
    def grounds(self) -> tuple[Ground, ...]:
        """The grounds `explain` renders."""
        return self.render()

    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation of the grounds, in order."""
        return self.explain().citations()

    def text(self, label: str = "uitkomst") -> str:
        """The explanation as text (see [`Explained.text`][reintegratie_core.explain.Explained.text])."""
        return self.explain().text(label)


_new_guidance: Callable[[type[GuidanceContinues], tuple[object, ...]], GuidanceContinues]
_new_guidance = tuple.__new__


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value is not None else "n.v.t."


def _wage_end(case: SicknessCase, sanction_weeks: int) -> MilestoneDate:
    """The case's einde_loondoorbetaling, extended by ``sanction_weeks`` (BW 7:629 lid 11)."""
    try:
        return milestone_date(case, Milestone.EINDE_LOONDOORBETALING, None, sanction_weeks)
    except OverflowError:
        msg = "het einde van de loondoorbetaling van dit ziektegeval valt buiten het datumbereik"
        raise InvalidValueError(msg) from None


def _continuation_rule(
    rules: Iterable[ConsequenceRule], reason: TerminationReason
) -> ConsequenceRule | None:
    for rule in rules:
        if rule.kind is ConsequenceKind.GUIDANCE_CONTINUES and rule.applies(reason):
            return rule
    return None


__all__ = [
    "Consequence",
    "Eligible",
    "GuidanceContinues",
    "apply_recovery",
    "consequences",
    "eligible",
    "guidance_continues",
]
