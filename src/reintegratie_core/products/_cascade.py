"""One cascade engine over the coupling tables (domein §4).

Terminating module *A* on date *d* for reason *r* ends *A* and, transitively, every module
reached by a coupling rule "when X ends, Y ends on the same date" whose source ended for a
reason the rule lets through (``003`` art. 1.5.2: not ``overstap_arbodienst``). Every ended
module ends on *d* and records the articles that ended it: for *A* the article allowing
reason *r*; for a coupled module the rules from the modules that ended one step earlier
(breadth first, so the shortest chain of rules is recorded).

The engine has no per-product branches. Its result depends only on the *set* of rules —
not the order in which a product lists them — and it is limited to the modules a policy
holds (``held``). A module ended by coupling records the reason ``einde_gekoppelde_module``;
that is the reason its own outgoing rules see.

No reason (``None``) means "any reason the module admits" (domain §8.1): the first module's
reason is not checked against a default, and a rule that some admitted reasons would not
let through still ends its target, recording those reasons as exceptions
(``003`` art. 1.5.2: *niet bij reden overstap_arbodienst*). A rule that no admitted reason
lets through ends nothing.

[`Policy`][reintegratie_core.products.Policy] applies the cascade to module contracts with dates: a module already ended
on or before *d* is left as it is (and, its own cascade having been applied when it ended,
not followed); a module that would end later is brought forward to *d*. So terminating twice
changes nothing, and no module outlives a module it is coupled to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import NamedTuple

import attrs

from reintegratie_core._checks import (
    check_iterable,
    check_text,
    date_error,
    instance_error,
    items_error,
    member_error,
    optional_member_of,
    optional_plain_date,
    plain_date,
    product_error,
    text_error,
)
from reintegratie_core._errors import (
    InvalidPeriodError,
    InvalidValueError,
    UnknownCodeError,
    argument_error,
)
from reintegratie_core._explain import (
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    SourceKind,
    format_date,
    ruled,
)
from reintegratie_core.products._model import (
    CouplingRule,
    Module,
    Product,
    TerminationReason,
    is_product,
)

DEFAULT_REASON = TerminationReason.OPZEGGING_WERKGEVER
#: The date a memoised cascade is decided on (:func:`ends_with` asks for it): every
#: cascaded module ends on the date the caller gives, so any date decides the same.
_ANY_DAY = date(2000, 1, 1)


@attrs.frozen(kw_only=True)
class EndedModule:
    """A module that ends in a cascade: when, why, and by which rules."""

    module: str
    date: date
    #: ``None`` for the first module when no reason was given (any admitted reason).
    reason: TerminationReason | None
    #: The coupling rules that ended it (empty for the module terminated first).
    rules: tuple[CouplingRule, ...] = ()
    #: The articles that ended it: the reason's article, or the rules' articles.
    citations: tuple[Citation, ...] = ()
    #: Number of rules between the first module and this one (0 for the first).
    depth: int = 0
    #: The first module's end is governed by its own conditions (any reason accepted).
    own_conditions: bool = False
    #: Without a reason: the first module's reasons for which this module would not end.
    except_reasons: frozenset[TerminationReason] = frozenset()

    @property
    def causes(self) -> tuple[str, ...]:
        """The modules whose end made this one end (empty for the first)."""
        return tuple(dict.fromkeys(r.source for r in self.rules))

    def exception_condition(self) -> str:
        """``"niet bij reden …"`` when some admitted reasons would not end it, else ``""``:
        the one wording of a conditional end, for the cascade and its consequences."""
        if not self.except_reasons:
            return ""
        codes = ", ".join(r.value for r in TerminationReason if r in self.except_reasons)
        return f"niet bij reden {codes}"

    def exception_text(self) -> str:
        """``"; niet bij reden …"`` when some admitted reasons would not end it, else ``""``."""
        condition = self.exception_condition()
        return f"; {condition}" if condition else ""


def _reason_text(reason: TerminationReason | None) -> str:
    """A reason's code, or the words for "no reason given" (domain §8.1)."""
    return "elke toegestane reden" if reason is None else reason.value


@attrs.frozen(kw_only=True)
class Cascade:
    """The result of terminating ``first`` on ``date`` for ``reason``."""

    product: str
    first: str
    date: date
    reason: TerminationReason | None
    ended: tuple[EndedModule, ...]

    @property
    def modules(self) -> tuple[str, ...]:
        """The codes of every ended module, the first one first."""
        return tuple(e.module for e in self.ended)

    def get(self, module: str) -> EndedModule | None:
        """The entry of ``module`` (a canonical module code), or ``None`` when it stays."""
        check_text("module", module)
        for entry in self.ended:
            if entry.module == module:
                return entry
        return None


def resolve_held(product: Product, held: Iterable[str] | None) -> tuple[str, ...]:
    """The module codes a policy holds, validated against the product.

    Defined as: every code known (aliases allowed), no duplicates, at most one module per
    choice group (``001``: one basismodule, one arbo module). ``None`` = every module.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if held is not None:
        check_iterable("held", held, str)
    return _resolve_held(product, held, "held")


def _resolve_held(product: Product, held: Iterable[str] | None, name: str) -> tuple[str, ...]:
    """[`resolve_held`][reintegratie_core.products.resolve_held], its product checked by the
    caller; an error names ``name``, the argument that gave ``held``."""
    if held is None:
        return product.module_codes
    codes: list[str] = []
    for index, given in enumerate(held):
        if type(given) is not str:
            raise text_error(f"{name}[{index}]", given)
        try:
            code = product.module(given).code
        except UnknownCodeError as unknown:
            raise unknown.naming(f"{name}[{index}]") from None
        if code in codes:
            reason = f"module {code} staat meer dan eens in de polis"
            raise argument_error(InvalidValueError, name, reason)
        codes.append(code)
    groups: dict[str, str] = {}
    for code in codes:
        group = product.module(code).choice_group
        if group is None:
            continue
        if group in groups:
            options = ", ".join(m.code for m in product.modules if m.choice_group == group)
            reason = (
                f"een polis heeft één module uit de keuzegroep {group} ({options}), "
                f"niet zowel {groups[group]} als {code}"
            )
            raise argument_error(InvalidValueError, name, reason)
        groups[group] = code
    return tuple(sorted(codes, key=product.module_codes.index))


def _rule_key(
    product: Product, rule: CouplingRule
) -> tuple[int, int, tuple[tuple[bool, str, str], ...]]:
    return (
        product.module_codes.index(rule.source),
        product.module_codes.index(rule.target),
        tuple((c.kind is not SourceKind.SEED, c.source, c.article) for c in rule.citations),
    )


def cascade(
    product: Product,
    module: str,
    on: date,
    reason: TerminationReason | None = DEFAULT_REASON,
    held: Iterable[str] | None = None,
) -> Explained[Cascade]:
    """Every module that ends when ``module`` ends on ``on`` for ``reason``.

    Defined as: breadth first from ``module``: a held module Y not yet ended ends when a
    rule X → Y exists with X ended one step earlier and X's reason not in the rule's
    ``unless`` (``000`` 4.1; ``001`` 1.8, 2.2, 2.3, 2.5; ``004`` 1.9, 2.2, 2.5; ``003``
    1.5.2). The first module's reason must be allowed for it (``001``/``004`` art. 2.4,
    ``000`` art. 4.2). All end on ``on``. ``reason=None``: any reason the first module
    admits (domain §8.1); a rule ends its target unless every admitted reason is in its
    ``unless``, and the target records the admitted reasons that would not end it.

    Raises `UnknownCodeError` for an unknown module,
    `ReasonNotAllowedError` for a reason the module's conditions do not allow, and
    [`InvalidValueError`][reintegratie_core.InvalidValueError] when ``module`` is not among ``held``.
    """
    _check_arguments(product, module, on, reason)
    if held is not None:
        check_iterable("held", held, str)
    result = _decided_cascade(product, module, on, reason, None if held is None else tuple(held))
    return Explained(result, _grounds(result))


def _check_arguments(
    product: Product, module: str, on: date, reason: TerminationReason | None
) -> None:
    """The entry checks [`cascade`][reintegratie_core.products.cascade] and
    [`decided_cascade`][reintegratie_core.products.decided_cascade] share."""
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(on) is not date:
        raise date_error("on", on)
    if reason is not None and type(reason) is not TerminationReason:
        raise member_error("reason", reason, TerminationReason)
    if type(module) is not str:
        raise text_error("module", module)


#: The most decisions a product keeps (its tables are small; the policies' module lists
#: as typed are not).
_MEMO_LIMIT = 4096


def decided_cascade(
    product: Product,
    module: str,
    on: date,
    reason: TerminationReason | None,
    held: tuple[str, ...] | None,
) -> Cascade:
    """The [`Cascade`][reintegratie_core.products.Cascade] [`cascade`][reintegratie_core.products.cascade] decides, without its grounds; memoised per
    product (a pure decision on immutable values), so the coupling table is walked once.

    Which modules end, why and by which rules depends on the product's tables, the
    module, the reason and the policy's modules only; the date is stamped on the result
    (every module ends on it). So the walk is memoised on the product by those codes, not
    by the date.
    """
    _check_arguments(product, module, on, reason)
    if held is not None and type(held) is not tuple:
        raise instance_error("held", held, tuple, "de modulecodes als tuple (of None)")
    return _decided_cascade(product, module, on, reason, held)


def _decided_cascade(
    product: Product,
    module: str,
    on: date,
    reason: TerminationReason | None,
    held: tuple[str, ...] | None,
    *,
    name: str = "module",
) -> Cascade:
    """The walk of [`decided_cascade`][reintegratie_core.products.decided_cascade], its
    arguments checked by the caller; an unknown ``module`` is named as ``name``."""
    try:
        first: Module = product.module(module)
    except UnknownCodeError as unknown:
        raise unknown.naming(name) from None
    key = (_CASCADE, first.code, reason, held)
    decided = product.decided
    found: Cascade | None = decided.get(key)
    if found is None:
        if len(decided) >= _MEMO_LIMIT:  # policies typed in ever new ways: stay bounded
            decided.clear()
        found = decided[key] = _walk(product, first, reason, held)
    if on == _ANY_DAY:
        return found
    return attrs.evolve(found, date=on, ended=tuple(attrs.evolve(e, date=on) for e in found.ended))


#: The key under which a product memoises its cascades (`Product.decided`).
_CASCADE = "cascade"


def _walk(
    product: Product,
    first: Module,
    reason: TerminationReason | None,
    held: tuple[str, ...] | None,
) -> Cascade:
    """The breadth-first walk over the coupling table (see [`cascade`][reintegratie_core.products.cascade]), dated `_ANY_DAY`."""
    on = _ANY_DAY
    held_codes = _resolve_held(product, held, "held")
    if first.code not in held_codes:
        refusal = (
            f"{first.code} zit niet in de modules van de polis ({', '.join(held_codes) or 'geen'})"
        )
        raise argument_error(InvalidValueError, "held", refusal)
    citations = product.check_reason(first, reason)
    ended: dict[str, EndedModule] = {
        first.code: EndedModule(
            module=first.code,
            date=on,
            reason=reason,
            citations=citations,
            own_conditions=not first.termination,
        )
    }
    level = [first.code]
    depth = 0
    while level:
        depth += 1
        found: dict[str, list[CouplingRule]] = {}
        for rule in product.couplings:
            if rule.source not in level or rule.target not in held_codes:
                continue
            if rule.target in ended or _stops(rule, ended[rule.source], first):
                continue
            found.setdefault(rule.target, []).append(rule)
        for target, rules in found.items():
            ordered = tuple(sorted(rules, key=lambda r: _rule_key(product, r)))
            ended[target] = EndedModule(
                module=target,
                date=on,
                reason=TerminationReason.EINDE_GEKOPPELDE_MODULE,
                rules=ordered,
                citations=tuple(dict.fromkeys(c for r in ordered for c in r.citations)),
                depth=depth,
            )
        level = sorted(found, key=product.module_codes.index)
    if reason is None:
        _record_exceptions(product, first, on, held, ended)
    entries = tuple(
        sorted(ended.values(), key=lambda e: (e.depth, product.module_codes.index(e.module)))
    )
    return Cascade(product=product.code, first=first.code, date=on, reason=reason, ended=entries)


def _record_exceptions(
    product: Product,
    first: Module,
    on: date,
    held: tuple[str, ...] | None,
    ended: dict[str, EndedModule],
) -> None:
    """Without a reason: each ended module records the admitted reasons that would not end it.

    Defined as: except(M) = {r admitted by the first module : M ∉ cascade(r)} (domain §8.1).
    """
    reached = {
        r: set(_decided_cascade(product, first.code, on, r, held).modules)
        for r in first.allowed_reasons
    }
    for code, entry in ended.items():
        missing = frozenset(r for r, modules in reached.items() if code not in modules)
        if missing:
            ended[code] = attrs.evolve(entry, except_reasons=missing)


def _grounds(result: Cascade) -> tuple[Ground, ...]:
    grounds: list[Ground] = []
    for entry in result.ended:
        if entry.rules:
            rule = (
                f"{entry.module} eindigt per gelijke datum als {', '.join(entry.causes)} "
                f"eindigt{entry.exception_text()}"
            )
        elif entry.own_conditions:
            rule = (
                f"{entry.module} beëindigd om reden {_reason_text(entry.reason)} (het einde "
                "van deze module volgt de eigen voorwaarden van die module)"
            )
        elif entry.reason is None:
            rule = (
                f"{entry.module} beëindigd; geen reden gegeven: elke reden die de module "
                "toestaat (besluit §8.1)"
            )
        else:
            rule = f"{entry.module} beëindigd om reden {entry.reason.value}"
        parameters = (("module", entry.module), ("einddatum", entry.date))
        grounds.extend(
            Ground(rule=rule, citation=c, parameters=parameters, rule_id="cascade")
            for c in entry.citations
        )
    return tuple(grounds)


def ends_with(
    product: Product,
    module: str,
    ended_module: str,
    reason: TerminationReason | None = DEFAULT_REASON,
    held: Iterable[str] | None = None,
) -> EndsWith:
    """True when ``module`` ends because ``ended_module`` ends for ``reason``.

    Defined as: module ∈ cascade(product, ended_module, reason).modules (a module ends
    with itself). The date does not matter: every cascaded module ends on the same date.
    ``reason=None``: for any reason ``ended_module`` admits (domain §8.1); the grounds name
    the admitted reasons for which it would not end.
    """
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if reason is not None and type(reason) is not TerminationReason:
        raise member_error("reason", reason, TerminationReason)
    if type(module) is not str:
        raise text_error("module", module)
    if type(ended_module) is not str:
        raise text_error("ended_module", ended_module)
    try:
        target = product.module(module)
    except UnknownCodeError as unknown:
        raise unknown.naming("module") from None
    if held is not None:
        check_iterable("held", held, str)
    given = None if held is None else tuple(held)
    outcome = _decided_cascade(product, ended_module, _ANY_DAY, reason, given, name="ended_module")
    value = outcome.get(target.code) is not None
    return _new_ends_with(EndsWith, (product, target, ended_module, reason, given, value))


class _EndsWith(NamedTuple):
    """The fields of `EndsWith`."""

    product: Product
    target: Module
    ended_module: str
    reason: TerminationReason | None
    held: tuple[str, ...] | None
    value: bool


class EndsWith(_EndsWith, DecisionRecord[bool]):
    """What [`ends_with`][reintegratie_core.products.ends_with] decided (``value``), from the memoised cascade; a tuple built
    once per lifted Excel row, whose grounds `explain` renders from the cascade."""

    __slots__ = ()

    @ruled("ends_with")
    def explain(self) -> Explained[bool]:
        """The answer with its grounds: the coupling that ends the module, or why none does."""
        product, target, ended_module = self.product, self.target, self.ended_module
        outcome = cascade(product, ended_module, _ANY_DAY, self.reason, self.held)
        entry = outcome.value.get(target.code)
        if entry is None:
            blocked = [
                r
                for r in product.couplings
                if r.target == target.code
                and r.source in outcome.value.modules
                and _stops(r, outcome.value.get(r.source), product.module(ended_module))
            ]
            grounds: list[Ground] = [
                Ground(
                    rule=(
                        f"{target.code} eindigt niet mee: reden "
                        f"{_reason_text(outcome.value.get(r.source).reason)} "  # type: ignore[union-attr]
                        f"laat de koppeling {r.source} → {r.target} niet door"
                    ),
                    citation=c,
                    rule_id="ends_with",
                )
                for r in blocked
                for c in r.citations
            ]
            if not grounds:
                grounds = [
                    Ground(
                        rule=(
                            f"geen koppeling leidt van {outcome.value.first} naar {target.code}; "
                            f"eindigen mee: {', '.join(outcome.value.modules)}"
                        ),
                        citation=c,
                    )
                    for c in dict.fromkeys(c for e in outcome.value.ended for c in e.citations)
                ]
            return Explained(False, tuple(grounds))
        grounds_true = tuple(g for g in outcome.grounds if ("module", entry.module) in g.parameters)
        return Explained(True, tuple(attrs.evolve(g, parameters=()) for g in grounds_true))


_new_ends_with: Callable[[type[EndsWith], tuple[object, ...]], EndsWith] = tuple.__new__


def _stops(rule: CouplingRule, source: EndedModule | None, first: Module) -> bool:
    """True when ``rule`` did not end its target for the reason its source ended."""
    if source is None:
        return False
    if source.reason is None:
        return first.allowed_reasons <= rule.unless
    return not rule.propagates(source.reason)


# --- Policies: module contracts with dates ----------------------------------------------


@attrs.frozen(kw_only=True)
class ModuleContract:
    """A module a policy holds: its start (ingangsdatum) and, once ended, end and reason.

    The module is alive on the days in ``[start, end)``; an ``end`` before ``start`` is an
    [`InvalidPeriodError`][reintegratie_core.InvalidPeriodError] naming the field (an
    ``end`` on ``start``: a module that never ran).
    """

    module: str = attrs.field()
    start: date = attrs.field(validator=plain_date)
    end: date | None = attrs.field(default=None, validator=optional_plain_date)
    reason: TerminationReason | None = attrs.field(
        default=None, validator=optional_member_of(TerminationReason)
    )

    @module.validator
    def _check_module(self, _attribute: object, module: object) -> None:
        if type(module) is not str:
            raise text_error("module", module)

    @end.validator
    def _check_end(self, _attribute: object, end: date | None) -> None:
        if end is not None and end < self.start:
            msg = (
                f"{format_date(end)} ligt vóór de ingangsdatum (start) {format_date(self.start)} "
                f"van module {self.module}"
            )
            raise argument_error(InvalidPeriodError, "end", msg)

    def alive_on(self, day: date) -> bool:
        """True when the module has not ended on or before ``day``."""
        if type(day) is not date:
            raise date_error("day", day)
        return self.end is None or self.end > day


def _contract_tuple(value: Iterable[ModuleContract]) -> tuple[ModuleContract, ...]:
    check_iterable("contracts", value, ModuleContract)
    contracts = tuple(value)
    if not set(map(type, contracts)) <= {ModuleContract}:
        raise items_error("contracts", contracts, ModuleContract)
    return contracts


@attrs.frozen(kw_only=True)
class Policy:
    """A policy (polis): the module contracts of one product (domein §4)."""

    product: Product = attrs.field(validator=is_product)
    contracts: tuple[ModuleContract, ...] = attrs.field(converter=_contract_tuple)

    def __attrs_post_init__(self) -> None:
        for index, contract in enumerate(self.contracts):
            field = f"contracts[{index}].module"
            try:
                code = self.product.module(contract.module).code
            except UnknownCodeError as unknown:
                raise unknown.naming(field) from None
            if contract.module != code:
                msg = f"{contract.module!r} is geen modulecode; gebruik {code}"
                raise argument_error(InvalidValueError, field, msg)
        _resolve_held(self.product, [c.module for c in self.contracts], "contracts")

    @classmethod
    def of(cls, product: Product, starts: Mapping[str, date]) -> Policy:
        """A running policy holding the modules ``starts`` names, from those dates."""
        if type(product) is not Product and not isinstance(product, Product):
            raise product_error("product", product)
        if not isinstance(starts, Mapping):
            raise instance_error("starts", starts, dict, "modulecode → ingangsdatum")
        try:
            contracts = tuple(
                ModuleContract(module=product.module(code).code, start=start)
                for code, start in starts.items()
            )
        except UnknownCodeError as unknown:
            raise unknown.naming("starts") from None
        return cls(product=product, contracts=contracts)

    def contract(self, module: str) -> ModuleContract:
        """The contract of ``module``; an error names the modules the policy holds."""
        if type(module) is not str:
            raise text_error("module", module)
        try:
            code = self.product.module(module).code
        except UnknownCodeError as unknown:
            raise unknown.naming("module") from None
        for contract in self.contracts:
            if contract.module == code:
                return contract
        held = ", ".join(c.module for c in self.contracts)
        reason = f"de polis heeft geen module {code} (wel: {held})"
        raise argument_error(InvalidValueError, "module", reason)

    def terminate(
        self, module: str, on: date, reason: TerminationReason = DEFAULT_REASON
    ) -> Explained[Policy]:
        """The policy after ``module`` ends on ``on`` for ``reason``, with the cascade.

        Defined as: if the module has already ended on or before ``on``, nothing
        changes; otherwise cascade over the modules still running on ``on`` and set each
        ended module's end to ``on`` (an end planned later is brought forward); a module
        whose ingangsdatum lies after ``on`` never runs: its end is its ingangsdatum.
        """
        if type(module) is not str:
            raise text_error("module", module)
        if type(on) is not date:
            raise date_error("on", on)
        if type(reason) is not TerminationReason:
            raise member_error("reason", reason, TerminationReason)
        contract = self.contract(module)
        if not contract.alive_on(on):
            assert contract.end is not None
            ground = Ground(
                rule=f"{contract.module} is al beëindigd per {format_date(contract.end)}; er verandert niets",
                citation=Citation.decision("§4"),
                rule_id="Policy",
            )
            return Explained(self, (ground,))
        alive = [c.module for c in self.contracts if c.alive_on(on)]
        outcome = cascade(self.product, contract.module, on, reason, alive)
        ending = {e.module: e for e in outcome.value.ended}
        contracts = tuple(
            attrs.evolve(c, end=max(on, c.start), reason=ending[c.module].reason)
            if c.module in ending
            else c
            for c in self.contracts
        )
        return Explained(attrs.evolve(self, contracts=contracts), outcome.grounds)


__all__ = [
    "DEFAULT_REASON",
    "Cascade",
    "EndedModule",
    "EndsWith",
    "ModuleContract",
    "Policy",
    "cascade",
    "decided_cascade",
    "ends_with",
    "resolve_held",
]
