"""Consequences of a module's end, continuation for sick employees, eligibility.

domein §4 "Consequences of termination":

* Every module that ends in a cascade brings the consequences its table lists, from the
  end date, filtered by the reason the termination started with (``001``/``004`` art. 2.5:
  guidance ends, the poortwachtergarantie lapses, consultation on running cases; ``000``
  art. 4.3 and ``003`` art. 1.5.3: guidance continues for sick employees; ``003`` art.
  1.5.3: not after fraude, wanbetaling or onjuiste_informatie).
* **Continuation** ([`guidance_continues`][reintegratie_core.products.consequences.guidance_continues]) for one employee after the product's
  service module ended: a rule of kind ``begeleiding_loopt_door`` continues guidance for
  an employee whose sickness began on or before the module's last day, up to that case's
  ``einde_loondoorbetaling`` (the legal re-integration obligation), and stops at full
  recovery unless the employee is sick again within the relapse window (default the 28
  days of the samentelling, §2; ``003`` art. 1.5.3 "binnen vier weken").
* **Eligibility** ([`eligible`][reintegratie_core.products.consequences.eligible]): first sick day on or after the start of the module
  the product names (``001`` art. 3.2/3.3, ``004`` art. 3.2, ``003`` art. 1.3, ``002``).

Decisions: the end date of a module is its last day (t/m, §1), so "eerste ziektedag vóór
de datum van beëindiging" (``003`` 1.5.3) is *first sick day ≤ last day*. Products whose
service module has no continuation rule (``001``, ``004``: only consultation remains) give
FALSE after the end date. Before and on the end date the module itself still runs:
guidance runs for an employee who is sick (or in a gap shorter than the relapse window).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import attrs

from reintegratie_core.dates import ONE_DAY, Period
from reintegratie_core.errors import InvalidValueError
from reintegratie_core.explain import Citation, Explained, Ground, ParameterValue
from reintegratie_core.poortwachter import Milestone, explain_milestone
from reintegratie_core.products.cascade import DEFAULT_REASON, cascade
from reintegratie_core.products.model import (
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
    reason: TerminationReason = DEFAULT_REASON,
    held: Iterable[str] | None = None,
) -> Explained[tuple[Consequence, ...]]:
    """The consequences of terminating ``module`` on ``on`` for ``reason``.

    Defined as: for every module of cascade(product, module, on, reason), each of its
    consequence rules that applies to ``reason`` (the reason the termination started
    with), from ``on`` (``000`` 4.1/4.3, ``001`` 2.5, ``004`` 2.5, ``003`` 1.5.2/1.5.3).
    """
    outcome = cascade(product, module, on, reason, held)
    found: list[Consequence] = []
    grounds: list[Ground] = list(outcome.grounds)
    for entry in outcome.value.ended:
        for rule in product.module(entry.module).consequences:
            if not rule.applies(reason):
                continue
            found.append(
                Consequence(
                    module=entry.module,
                    kind=rule.kind,
                    text=rule.text,
                    since=on,
                    citations=rule.citations,
                )
            )
            grounds.extend(
                Ground(
                    rule=f"{entry.module}: {rule.text}",
                    citation=c,
                    parameters=(("vanaf", on), ("reden", reason.value)),
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


def eligible(product: Product, first_sick_day: date, start: date) -> Explained[bool]:
    """True when a case with ``first_sick_day`` falls under the product's services.

    Defined as: first_sick_day ≥ start, ``start`` being the start (ingangsdatum) of the
    module the product's eligibility names (``001`` art. 3.2/3.3, ``004`` art. 3.2, ``002``;
    ``003`` art. 1.3: the insurance's start date).
    """
    rule = product.eligibility
    name = product.module(rule.module).name
    value = first_sick_day >= start
    verdict = "valt onder" if value else "valt niet onder"
    text = (
        f"dienstverlening alleen voor werknemers met een eerste ziektedag op of na de "
        f"ingangsdatum van {name}; deze werknemer {verdict} de dienstverlening"
    )
    parameters: tuple[tuple[str, ParameterValue], ...] = (
        ("eerste_ziektedag", first_sick_day),
        ("ingangsdatum", start),
    )
    return Explained(
        value,
        tuple(
            Ground(rule=text, citation=c, parameters=parameters, rule_id="eligible")
            for c in rule.citations
        ),
    )


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
) -> Explained[bool]:
    """True when guidance/budget for this employee still runs on ``on`` (domain §4).

    Defined as: with the case current on ``on`` (samentelling, §2; ``recovery`` closes the
    open period):
    on ≤ module_end → the module still runs: TRUE while the employee is sick;
    otherwise, a continuation rule of the service module that applies to ``reason``
    (``000`` art. 4.3; ``003`` art. 1.5.3, not for fraude/wanbetaling/onjuiste_informatie)
    and: the employee is sick on ``on`` (or between periods less than the relapse window
    apart), that sickness began on or before ``module_end``, and ``on`` ≤ the case's
    einde_loondoorbetaling. No such rule (``001``/``004`` art. 2.5) → FALSE.
    """
    service = product.module(product.service_module)
    periods = apply_recovery(absences, recovery)
    case = _case_at(periods, on)
    base: tuple[tuple[str, ParameterValue], ...] = (
        ("einddatum_module", module_end),
        ("peildatum", on),
        ("reden", reason.value),
    )
    grounds: list[Ground] = []
    if case is not None and len(case.periods) > 1:
        grounds.extend(case.grounds())
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
        text: str,
        citations: Iterable[Citation],
        extra: tuple[tuple[str, ParameterValue], ...] = (),
    ) -> Explained[bool]:
        parameters = base + extra
        grounds.extend(
            Ground(rule=text, citation=c, parameters=parameters, rule_id="guidance_continues")
            for c in dict.fromkeys(citations)
        )
        return Explained(value, tuple(grounds))

    if case is None:
        return answer(
            False,
            "geen ziektegeval begonnen op of vóór de peildatum: geen begeleiding",
            service.citations,
        )
    sick, chain_start = _continues_chain(case, on, window)
    if on <= module_end:
        text = (
            f"{service.code} loopt nog op de peildatum (einddatum t/m {module_end.strftime('%d-%m-%Y')}); "
            + (
                "de werknemer is ziek: begeleiding loopt"
                if sick
                else "de werknemer is hersteld: geen begeleiding"
            )
        )
        return answer(sick, text, service.citations)
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
        citations = [c for r in stopping for c in r.citations] or list(service.citations)
        return answer(False, text, citations)
    if not sick or chain_start is None:
        last = case.last_day
        when = (
            f" per {(last + ONE_DAY).strftime('%d-%m-%Y')}"
            if last is not None and last < on
            else ""
        )
        return answer(
            False,
            f"de werknemer is volledig hersteld{when} en niet binnen de terugvaltermijn "
            "opnieuw ziek geworden: de doorlopende begeleiding eindigt",
            (*rule.citations, window_citation),
            (window_parameter,),
        )
    if chain_start > module_end:
        return answer(
            False,
            f"de ziekte begon op {chain_start.strftime('%d-%m-%Y')}, na de einddatum van "
            f"{service.code}: geen doorlopende begeleiding",
            rule.citations,
            (("eerste_ziektedag", chain_start), window_parameter),
        )
    try:
        end = explain_milestone(case, Milestone.EINDE_LOONDOORBETALING)
    except OverflowError:
        msg = "het einde van de loondoorbetaling van dit ziektegeval valt buiten het datumbereik"
        raise InvalidValueError(msg) from None
    if end.value is not None and on > end.value:
        return answer(
            False,
            f"de loondoorbetaling (en de wettelijke re-integratieverplichting) eindigde op "
            f"{end.value.strftime('%d-%m-%Y')}: de doorlopende begeleiding is gestopt",
            (*rule.citations, *end.citations()),
            (("einde_loondoorbetaling", end.value),),
        )
    until = end.value.strftime("%d-%m-%Y") if end.value is not None else "einde loondoorbetaling"
    return answer(
        True,
        f"{rule.text}; eerste ziektedag {chain_start.strftime('%d-%m-%Y')} ligt op of vóór "
        f"de einddatum; loopt door tot uiterlijk {until}",
        (*rule.citations, *end.citations()),
        (("eerste_ziektedag", chain_start), window_parameter),
    )


def _continuation_rule(
    rules: Iterable[ConsequenceRule], reason: TerminationReason
) -> ConsequenceRule | None:
    for rule in rules:
        if rule.kind is ConsequenceKind.GUIDANCE_CONTINUES and rule.applies(reason):
            return rule
    return None


__all__ = [
    "Consequence",
    "apply_recovery",
    "consequences",
    "eligible",
    "guidance_continues",
]
