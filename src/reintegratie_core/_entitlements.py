"""Entitlements and obligations: their states from an event log (domein §5).

Three **entitlements** (aanspraken) — ``dienstverlening`` (services and guidance),
``vergoeding`` (reimbursement of interventions and budgets) and ``poortwachtergarantie`` —
each have a state per scope, the whole policy or one employee:

* ``actief`` — in force;
* ``geschorst`` — suspended; returns to ``actief`` when every suspension is lifted
  (``betaling``, ``dekking_hersteld``, ``arbocontract_hersteld``);
* ``vervallen`` — lapsed for good (final);
* ``beeindigd`` — ended with the module (final).

What an event does is **data**, like h11's state tables: per product, an
[`EventRule`][reintegratie_core.EventRule] per event kind its conditions know — scope, effects (entitlement →
state) and the articles — a [`ProductRules`][reintegratie_core.ProductRules] that the product aggregate holds
(`Product.events`; the built-in
tables below are attached in the catalogue, a TOML product brings its own). One engine,
[`entitlement_statuses`][reintegratie_core.entitlement_statuses], reads them; a new product is a new table, not a new branch.

The engine, defined as:

```text
events := the events with date ≤ peildatum that apply to the scope
          (policy events to the policy and every employee; employee events to that
          employee only), stably sorted by date (one date: the order given)
for each event, for each effect (entitlement, target) of its product rule:
    state final (vervallen, beeindigd)  → unchanged
    target vervallen / beeindigd       → that state, since the event's date
    target geschorst                   → open the event's suspension; geschorst,
                                         since the date it stopped being actief
    target actief (lifts suspension S) → close S; actief again, since the event's
                                         date, once no suspension is open
an entitlement no event touched is actief (since: n.v.t.)
```

A suspension is lifted only by the event its rule names: ``betaling`` lifts a
``schorsing`` (``001``/``004`` art. 5.3), ``dekking_hersteld`` a ``dekking_geschorst`` and
``arbocontract_hersteld`` an ``arbocontract_geschorst`` (``003`` art. 1.5.2), and
``informatie_verstrekt`` an ``informatie_niet_verstrekt`` (``001``/``004`` art. 4.2
"opgeschort" is temporary, domain §8.1): dienstverlening and vergoeding are ``actief``
again, the poortwachtergarantie that lapsed stays ``vervallen``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

import attrs

from reintegratie_core._checks import (
    check_iterable,
    date_error,
    instance_error,
    items_error,
    member_error,
    member_of,
    plain_date,
    product_error,
    text_error,
)
from reintegratie_core._errors import (
    InvalidValueError,
    NotApplicableError,
    UnknownCodeError,
    argument_error,
)
from reintegratie_core._explain import (
    Citation,
    DecisionRecord,
    Explained,
    Ground,
    format_date,
    ruled,
)

if TYPE_CHECKING:  # the Product aggregate holds these tables: no import cycle at run time
    from reintegratie_core.products._model import Product


class EventKind(enum.Enum):
    """The events of domein §5, with their codes as values."""

    #: Suspension for non-payment, from the notified date (``001``/``004`` art. 5.3).
    SCHORSING = "schorsing"
    #: Arrears paid (``001``/``004`` art. 5.3).
    BETALING = "betaling"
    #: The module ended, for any reason.
    BEEINDIGING = "beeindiging"
    #: Information asked by the casemanager not given or given late (art. 4.2).
    INFORMATIE_NIET_VERSTREKT = "informatie_niet_verstrekt"
    #: The information was given after all: the suspension of art. 4.2 ends (domain §8.1).
    INFORMATIE_VERSTREKT = "informatie_verstrekt"
    #: The employer did not cooperate with the interventions for an employee (art. 4.2).
    NIET_MEEGEWERKT_INTERVENTIE = "niet_meegewerkt_interventie"
    #: The employer did not follow the casemanager's/arbodienst's advice.
    ADVIES_NIET_OPGEVOLGD = "advies_niet_opgevolgd"
    #: The employee was reported sick too late (``004`` art. 4.2).
    ZIEKMELDING_TE_LAAT = "ziekmelding_te_laat"
    #: The arbodienst/re-integration company ended the guidance for non-compliance.
    BEGELEIDING_BEEINDIGD = "begeleiding_beeindigd"
    #: Insurance coverage (temporarily) stopped (``003`` art. 1.5.2).
    DEKKING_GESCHORST = "dekking_geschorst"
    #: Insurance coverage restored (``003`` art. 1.5.2).
    DEKKING_HERSTELD = "dekking_hersteld"
    #: The contract with the arbodienst (temporarily) stopped (``003`` art. 1.5.2).
    ARBOCONTRACT_GESCHORST = "arbocontract_geschorst"
    #: The contract with the arbodienst restored (``003`` art. 1.5.2).
    ARBOCONTRACT_HERSTELD = "arbocontract_hersteld"
    #: Notice that the poortwachtergarantie is withdrawn (``003`` art. 2.7.3).
    GARANTIE_INGETROKKEN = "garantie_ingetrokken"
    #: Fraud or deliberate misleading.
    FRAUDE = "fraude"

    #: Hashed by identity, in C (Enum hashes its name in Python): a key of every fold.
    __hash__ = object.__hash__


class Entitlement(enum.Enum):
    """The three entitlements (aanspraken) of domein §5."""

    DIENSTVERLENING = "dienstverlening"
    VERGOEDING = "vergoeding"
    POORTWACHTERGARANTIE = "poortwachtergarantie"

    #: Hashed by identity, in C (Enum hashes its name in Python): a key of every fold.
    __hash__ = object.__hash__


#: Aliases accepted for entitlement codes at the edges.
ENTITLEMENT_ALIASES: dict[str, Entitlement] = {
    "garantie": Entitlement.POORTWACHTERGARANTIE,
    "begeleiding": Entitlement.DIENSTVERLENING,
}


class EntitlementState(enum.Enum):
    """The state of an entitlement; ``vervallen`` and ``beeindigd`` are final."""

    ACTIEF = "actief"
    GESCHORST = "geschorst"
    VERVALLEN = "vervallen"
    BEEINDIGD = "beeindigd"

    @property
    def is_final(self) -> bool:
        """True for a state that no later event changes."""
        return self is _VERVALLEN or self is _BEEINDIGD  # module constants: read per row

    #: Hashed by identity, in C (Enum hashes its name in Python): a key of every fold.
    __hash__ = object.__hash__


class Scope(enum.Enum):
    """For whom an event counts: the whole policy, one employee, or either."""

    POLICY = "polis"
    EMPLOYEE = "werknemer"
    EITHER = "polis_of_werknemer"


def employee_key(name: str) -> str:
    """How employees are matched: spaces collapsed, case ignored (like Excel's ``=``)."""
    if type(name) is not str:
        raise text_error("name", name)
    return " ".join(name.split()).casefold()


def _employee(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise text_error("employee", value)
    name = " ".join(value.split())
    return name or None


def _format(day: dt.date) -> str:
    return format_date(day)


@attrs.frozen(kw_only=True)
class Event:
    """One event of the log: its date, kind, and the employee (``None``: the whole policy).

    The employee's name is kept with its spaces collapsed; an empty name means the policy.
    """

    date: dt.date = attrs.field(validator=plain_date)
    kind: EventKind = attrs.field(validator=member_of(EventKind))
    employee: str | None = attrs.field(default=None, converter=_employee)

    def applies_to(self, employee: str | None) -> bool:
        """True when the event counts for ``employee`` (``None``: the policy level).

        Policy events count for the policy and every employee; an employee's event only
        for that employee.
        """
        if employee is not None and type(employee) is not str:
            raise text_error("employee", employee)
        if self.employee is None:
            return True
        return employee is not None and employee_key(employee) == employee_key(self.employee)

    def describe(self) -> str:
        """``<kind> op <DD-MM-JJJJ> (<employee> | hele polis)``, for explanations."""
        who = "hele polis" if self.employee is None else f"werknemer {self.employee}"
        return f"{self.kind.value} op {_format(self.date)} ({who})"


# --- The tables --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Effect:
    """One effect of an event: ``entitlement`` goes to ``state``.

    A suspension (``geschorst``) is lifted only by a later effect to ``actief`` whose
    ``lifts`` names the event kind that suspended it.
    """

    entitlement: Entitlement
    state: EntitlementState
    lifts: EventKind | None = attrs.field(default=None)

    @lifts.validator
    def _check_lifts(self, _attribute: object, lifts: EventKind | None) -> None:
        if (self.state is EntitlementState.ACTIEF) != (lifts is not None):
            msg = "een effect naar 'actief' heft precies één schorsing op (lifts), en alleen dat"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class EventRule:
    """What one event kind does under one product's conditions, and where it says so."""

    kind: EventKind
    scope: Scope
    effects: tuple[Effect, ...]
    #: The rule in Dutch, as the explanation shows it.
    rule: str
    citations: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class Granted:
    """An entitlement a product grants, with the articles that grant it."""

    entitlement: Entitlement
    citations: tuple[Citation, ...]


class NotInProductError(UnknownCodeError):
    """A code that exists, but not under this product's conditions (an event, an entitlement)."""

    def __init__(self, kind: str, given: str, accepted: tuple[str, ...], product: str) -> None:
        super().__init__(kind, given, accepted)
        self.product = product
        known = ", ".join(accepted) or "geen"
        message = (
            f'{kind} "{given}" komt niet voor in de voorwaarden van product "{product}" '
            f"(bekend voor dit product: {known})"
        )
        self.args = (message,)


@attrs.frozen(kw_only=True)
class ProductRules:
    """One product's entitlements and event table, read by the one engine.

    ``product`` is the code of the product that holds the table (for error messages); the
    [`Product`][reintegratie_core.products.Product] sets it.
    """

    product: str = ""
    granted: tuple[Granted, ...]
    rules: tuple[EventRule, ...]
    _by_kind: Mapping[EventKind, EventRule] = attrs.field(init=False, eq=False, repr=False)

    @_by_kind.default
    def _index(self) -> Mapping[EventKind, EventRule]:
        return {rule.kind: rule for rule in self.rules}

    def __attrs_post_init__(self) -> None:
        # Each message names the field by its path in the table as a product file writes it
        # (``regels[2].effecten[1].aanspraak``); the loader puts ``gebeurtenissen.`` before it.
        where = f"{self.product}: " if self.product else ""
        entitlements = self.entitlements
        first: dict[EventKind, int] = {}
        for i, rule in enumerate(self.rules):
            if rule.kind in first:
                msg = (
                    f"{where}regels[{i}].soort: {rule.kind.value} staat al in "
                    f"regels[{first[rule.kind]}] (een gebeurtenis staat één keer in de tabel)"
                )
                raise ValueError(msg)
            first[rule.kind] = i
        suspending = {
            r.kind
            for r in self.rules
            if any(e.state is EntitlementState.GESCHORST for e in r.effects)
        }
        for i, rule in enumerate(self.rules):
            for j, effect in enumerate(rule.effects):
                path = f"{where}regels[{i}].effecten[{j}]"
                if effect.entitlement not in entitlements:
                    known = ", ".join(e.value for e in entitlements) or "geen"
                    msg = (
                        f"{path}.aanspraak: {rule.kind.value} raakt {effect.entitlement.value}, "
                        f"die het product niet kent (aanspraken: {known})"
                    )
                    raise ValueError(msg)
                if effect.lifts is not None and effect.lifts not in suspending:
                    msg = (
                        f"{path}.heft_op: {rule.kind.value} heft {effect.lifts.value} op, "
                        "die niet schorst"
                    )
                    raise ValueError(msg)

    @property
    def entitlements(self) -> tuple[Entitlement, ...]:
        """The entitlements this product grants, in table order."""
        return tuple(g.entitlement for g in self.granted)

    @property
    def kinds(self) -> tuple[EventKind, ...]:
        """The event kinds this product's conditions know, in table order."""
        return tuple(r.kind for r in self.rules)

    def rule(self, kind: EventKind) -> EventRule:
        """The rule for ``kind``; an error naming the product when its conditions lack it."""
        if type(kind) is not EventKind:
            raise member_error("kind", kind, EventKind)
        rule = self._by_kind.get(kind)
        if rule is not None:
            return rule
        accepted = tuple(k.value for k in self.kinds)
        raise NotInProductError("gebeurtenis", kind.value, accepted, self.product)

    def grant(self, entitlement: Entitlement) -> Granted:
        """The grant of ``entitlement``; an error naming the product when it has none."""
        if type(entitlement) is not Entitlement:
            raise member_error("entitlement", entitlement, Entitlement)
        return self._grant(entitlement)

    def _grant(self, entitlement: Entitlement) -> Granted:
        """[`grant`][reintegratie_core.ProductRules.grant], its argument checked by the caller."""
        for granted in self.granted:
            if granted.entitlement is entitlement:
                return granted
        accepted = tuple(e.value for e in self.entitlements)
        raise NotInProductError("aanspraak", entitlement.value, accepted, self.product)


_D = Entitlement.DIENSTVERLENING
_V = Entitlement.VERGOEDING
_G = Entitlement.POORTWACHTERGARANTIE
_ALL = (_D, _V, _G)


def _to(
    state: EntitlementState, *entitlements: Entitlement, lifts: EventKind | None = None
) -> tuple[Effect, ...]:
    return tuple(Effect(entitlement=e, state=state, lifts=lifts) for e in entitlements)


_ACTIEF = EntitlementState.ACTIEF
_GESCHORST = EntitlementState.GESCHORST
_VERVALLEN = EntitlementState.VERVALLEN
_BEEINDIGD = EntitlementState.BEEINDIGD


def _rule(
    kind: EventKind, scope: Scope, effects: Iterable[Effect], rule: str, *citations: Citation
) -> EventRule:
    return EventRule(kind=kind, scope=scope, effects=tuple(effects), rule=rule, citations=citations)


def _granted(entitlement: Entitlement, *citations: Citation) -> Granted:
    return Granted(entitlement=entitlement, citations=citations)


_seed = Citation.seed
_K = EventKind
_POLIS = Scope.POLICY
_WERKNEMER = Scope.EMPLOYEE

# The rows of spec/domain.md §5 per product. A row is in a product's table only when that
# product's own conditions contain the rule; the article cited is that product's. The tables
# are private: the catalogue attaches each to its Product, and a user reads it as
# ``product.events`` (one constant per fact: ``ZEEUWSE_PRB`` is the Product).

#: ``000`` a.s.r. re-integratie: no poortwachtergarantie, no fee and no suspension.
_ASR_REINTEGRATIE_EVENTS = ProductRules(
    product="asr-reintegratie",
    granted=(
        _granted(_D, _seed("000", "1.1")),
        _granted(_V, _seed("000", "1.6")),
    ),
    rules=(
        _rule(
            _K.BEEINDIGING,
            _POLIS,
            _to(_BEEINDIGD, _D, _V),
            "de overeenkomst is beëindigd: dienstverlening en vergoeding eindigen "
            "(begeleiding loopt door voor zieke werknemers zolang er recht op vergoeding van "
            "de loondoorbetaling is, art. 4.3)",
            _seed("000", "4.1"),
            _seed("000", "4.2"),
        ),
        _rule(
            _K.BEGELEIDING_BEEINDIGD,
            _WERKNEMER,
            _to(_BEEINDIGD, _D, _V),
            "a.s.r. re-integratie beëindigt de begeleiding omdat de verplichtingen niet worden "
            "nagekomen: geen dienstverlening en vergoeding meer voor deze werknemer",
            _seed("000", "4.2"),
        ),
    ),
)


def _asr_module(seed: str, product: str, extra: Sequence[EventRule] = ()) -> ProductRules:
    """``001`` and ``004``: the a.s.r. re-integration modules, whose articles run parallel."""
    return ProductRules(
        product=product,
        granted=(
            _granted(_D, _seed(seed, "3.2")),
            _granted(_V, _seed(seed, "3.3")),
            _granted(_G, _seed(seed, "3.5")),
        ),
        rules=(
            _rule(
                _K.SCHORSING,
                _POLIS,
                (*_to(_GESCHORST, _D, _V), *_to(_VERVALLEN, _G)),
                "schorsing wegens niet (tijdig, volledig) betalen: geen dienstverlening en geen "
                "vergoeding van interventiekosten; de poortwachtergarantie vervalt",
                _seed(seed, "5.3"),
            ),
            _rule(
                _K.BETALING,
                _POLIS,
                _to(_ACTIEF, _D, _V, lifts=_K.SCHORSING),
                "de achterstand is betaald: de dienstverlening wordt hervat; de vervallen "
                "poortwachtergarantie herleeft niet",
                _seed(seed, "5.3"),
            ),
            _rule(
                _K.BEEINDIGING,
                _POLIS,
                _to(_BEEINDIGD, *_ALL),
                "de module is beëindigd: de re-integratiebegeleiding eindigt en de "
                "poortwachtergarantie vervalt (overleg over lopende gevallen, art. 2.5)",
                _seed(seed, "2.5"),
                _seed(seed, "5.3"),
            ),
            _rule(
                _K.INFORMATIE_NIET_VERSTREKT,
                _POLIS,
                (*_to(_GESCHORST, _D, _V), *_to(_VERVALLEN, _G)),
                "gevraagde informatie niet (tijdig) verstrekt: de dienstverlening wordt "
                "opgeschort, geen vergoeding van interventiekosten; de poortwachtergarantie "
                "vervalt (voor de hele polis: het artikel beperkt het niet tot één medewerker)",
                _seed(seed, "4.2"),
                Citation.decision("§8"),
            ),
            _rule(
                _K.INFORMATIE_VERSTREKT,
                _POLIS,
                _to(_ACTIEF, _D, _V, lifts=_K.INFORMATIE_NIET_VERSTREKT),
                "de gevraagde informatie is alsnog verstrekt: de opgeschorte dienstverlening en "
                "vergoeding van interventiekosten worden hervat; de vervallen "
                "poortwachtergarantie herleeft niet",
                _seed(seed, "4.2"),
                Citation.decision("§8.1"),
            ),
            _rule(
                _K.NIET_MEEGEWERKT_INTERVENTIE,
                _WERKNEMER,
                _to(_VERVALLEN, _G),
                "niet meegewerkt aan de interventies: de poortwachtergarantie voor deze "
                "medewerker vervalt (dienstverlening en vergoeding eindigen pas met "
                "'begeleiding_beeindigd')",
                _seed(seed, "4.2"),
            ),
            _rule(
                _K.ADVIES_NIET_OPGEVOLGD,
                _WERKNEMER,
                _to(_VERVALLEN, _G),
                "adviezen niet opgevolgd: de poortwachtergarantie voor deze medewerker vervalt",
                _seed(seed, "4.2"),
            ),
            *extra,
            _rule(
                _K.BEGELEIDING_BEEINDIGD,
                _WERKNEMER,
                _to(_BEEINDIGD, _D, _V),
                "de begeleiding van deze medewerker is beëindigd: geen recht meer op "
                "dienstverlening en vergoeding van interventiekosten voor deze medewerker",
                _seed(seed, "4.2"),
            ),
            _rule(
                _K.FRAUDE,
                _POLIS,
                _to(_BEEINDIGD, *_ALL),
                "fraude of opzettelijke misleiding: de module wordt beëindigd, zonder doorloop",
                _seed(seed, "2.4"),
            ),
        ),
    )


#: ``001`` a.s.r. Re-integratiemanager.
_ASR_REINTEGRATIEMANAGER_EVENTS = _asr_module("001", "asr-reintegratiemanager")

#: ``004`` (with ``002``) MKB Verzuim-ontzorgverzekering, module Ontzorgmanager – Re-integratie.
_MKB_VERZUIM_ONTZORG_EVENTS = _asr_module(
    "004",
    "mkb-verzuim-ontzorg",
    extra=(
        _rule(
            _K.ZIEKMELDING_TE_LAAT,
            _WERKNEMER,
            _to(_VERVALLEN, _G),
            "medewerker te laat arbeidsongeschikt gemeld: de poortwachtergarantie voor deze "
            "medewerker vervalt",
            _seed("004", "4.2"),
        ),
    ),
)

#: ``003`` De Zeeuwse, Preventie-, re-integratieondersteuning en budgetten. No fee, so no
#: schorsing/betaling: coverage and the arbocontract are what can be suspended.
_ZEEUWSE_PRB_EVENTS = ProductRules(
    product="zeeuwse-prb",
    granted=(
        _granted(_D, _seed("003", "2.4"), _seed("003", "1.5.2")),
        _granted(_V, _seed("003", "2.5"), _seed("003", "2.6")),
        _granted(_G, _seed("003", "2.7")),
    ),
    rules=(
        _rule(
            _K.BEEINDIGING,
            _POLIS,
            _to(_BEEINDIGD, *_ALL),
            "de verzekering of het arbocontract is beëindigd: de dienstverlening eindigt op "
            "dezelfde datum (doorloop voor werknemers die al ziek waren, art. 1.5.3)",
            _seed("003", "1.5.2"),
            _seed("003", "1.5.3"),
        ),
        _rule(
            _K.ADVIES_NIET_OPGEVOLGD,
            _WERKNEMER,
            _to(_VERVALLEN, _G),
            "adviezen en instructies van de arbodienst niet volledig, tijdig en juist "
            "opgevolgd: geen poortwachtergarantie voor deze werknemer",
            _seed("003", "2.7.3"),
        ),
        _rule(
            _K.DEKKING_GESCHORST,
            _POLIS,
            _to(_GESCHORST, *_ALL),
            "de dekking van de verzekering is (tijdelijk) stopgezet: geen dienstverlening",
            _seed("003", "1.5.2"),
        ),
        _rule(
            _K.DEKKING_HERSTELD,
            _POLIS,
            _to(_ACTIEF, *_ALL, lifts=_K.DEKKING_GESCHORST),
            "de dekking van de verzekering loopt weer: de dienstverlening wordt weer verleend",
            _seed("003", "1.5.2"),
        ),
        _rule(
            _K.ARBOCONTRACT_GESCHORST,
            _POLIS,
            _to(_GESCHORST, *_ALL),
            "het contract met de arbodienst is (tijdelijk) stopgezet: geen dienstverlening",
            _seed("003", "1.5.2"),
        ),
        _rule(
            _K.ARBOCONTRACT_HERSTELD,
            _POLIS,
            _to(_ACTIEF, *_ALL, lifts=_K.ARBOCONTRACT_GESCHORST),
            "het contract met de arbodienst loopt weer: de dienstverlening wordt weer verleend",
            _seed("003", "1.5.2"),
        ),
        _rule(
            _K.GARANTIE_INGETROKKEN,
            Scope.EITHER,
            _to(_VERVALLEN, _G),
            "bericht ontvangen dat de poortwachtergarantie is ingetrokken: geen vergoeding "
            "van een loonsanctie",
            _seed("003", "2.7.3"),
        ),
        _rule(
            _K.FRAUDE,
            _POLIS,
            _to(_BEEINDIGD, *_ALL),
            "fraude of opzettelijke misleiding: geen dienstverlening meer, ook niet voor "
            "werknemers die al ziek waren",
            _seed("003", "1.5.3"),
            _seed("003", "3.2"),
        ),
    ),
)


def product_rules(product: Product) -> ProductRules:
    """The event table of ``product`` (its `events`); an error naming the
    product when it has none."""
    try:
        rules = product.events
    except AttributeError:  # not a Product (a product's code, ...): say so at the entry
        raise product_error("product", product) from None
    if rules is None:
        msg = f"{product.code} kent geen aanspraken en gebeurtenissen (geen gebeurtenissentabel)"
        raise argument_error(NotApplicableError, "product", msg)
    return rules


# --- The engine --------------------------------------------------------------------------


def check_event(rules: ProductRules, event: Event) -> EventRule:
    """The rule ``event`` falls under; an error when the product lacks it or the scope is wrong.

    A policy event (``schorsing``, ``beeindiging`` …) names no employee; an employee event
    (``advies_niet_opgevolgd`` …) names one; ``garantie_ingetrokken`` may do either.
    """
    if type(rules) is not ProductRules:
        raise instance_error(
            "rules", rules, ProductRules, "de gebeurtenissentabel: product_rules(product)"
        )
    if type(event) is not Event:
        raise instance_error("event", event, Event)
    rule = rules.rule(event.kind)
    if rule.scope is _POLIS and event.employee is not None:
        msg = (
            f'gebeurtenis "{event.kind.value}" geldt voor de hele polis; laat werknemer leeg '
            f'(gegeven: "{event.employee}")'
        )
        raise InvalidValueError(msg)
    if rule.scope is _WERKNEMER and event.employee is None:
        msg = f'gebeurtenis "{event.kind.value}" geldt per werknemer; vul de werknemer in'
        raise InvalidValueError(msg)
    return rule


@attrs.frozen(kw_only=True)
class AppliedRule:
    """An event of the log and the rule of its product that applied to it."""

    event: Event
    rule: EventRule


class _EntitlementStatus(NamedTuple):
    """The fields of `EntitlementStatus`."""

    entitlement: Entitlement
    state: EntitlementState
    since: dt.date | None
    decided_by: tuple[AppliedRule, ...]
    granted: Granted
    at: dt.date


class EntitlementStatus(_EntitlementStatus, DecisionRecord[EntitlementState]):
    """The state of one entitlement at a date, since when, and what decided it.

    ``since`` is ``None`` for an entitlement that no event changed; ``decided_by`` are the
    events that keep it in its state (the one that ended it, the open suspensions, or the
    one that restored it) — empty when none did, and the grant decides. ``granted`` and
    ``at`` (the grant and the reference date) are what the grounds are rendered from, on
    demand: a lifted ``RI_STATUS`` reads only the state. A tuple, built once per lifted
    Excel row.
    """

    __slots__ = ()

    @property
    def grounds(self) -> tuple[Ground, ...]:
        """The events and articles that decided the state (the grant's when none did)."""
        entitlement, state, decided = self.entitlement, self.state, self.decided_by
        grounds: list[Ground] = []
        for decision in decided:
            grounds.extend(_ground(entitlement, state, decision))
        if not decided:
            text = (
                f"{entitlement.value} actief: geen gebeurtenis t/m de peildatum die de aanspraak "
                "raakt"
            )
            grounds.extend(
                Ground(rule=text, citation=citation, parameters=(("peildatum", self.at),))
                for citation in self.granted.citations
            )
        return tuple(grounds)

    @property
    def value(self) -> EntitlementState:
        """The state (the decision's value)."""
        return self.state

    @ruled("entitlement_status")
    def explain(self) -> Explained[EntitlementState]:
        """The state with its grounds, rendered from this record."""
        return Explained(self.state, self.grounds)


_new_status: Callable[[type[EntitlementStatus], tuple[object, ...]], EntitlementStatus]
_new_status = tuple.__new__


@attrs.define
class _Track:
    """The running state of one entitlement while the log is folded (engine-internal)."""

    final: AppliedRule | None = None
    final_state: EntitlementState | None = None
    suspensions: dict[EventKind, AppliedRule] = attrs.Factory(dict)
    restored_by: AppliedRule | None = None
    since: dt.date | None = None

    def apply(self, effect: Effect, decision: AppliedRule) -> None:
        if self.final is not None:
            return
        day = decision.event.date
        if effect.state.is_final:
            self.final, self.final_state, self.since = decision, effect.state, day
        elif effect.state is _GESCHORST:
            if not self.suspensions:
                self.since = day
            self.suspensions.setdefault(decision.event.kind, decision)
        elif effect.lifts in self.suspensions:
            del self.suspensions[effect.lifts]
            if not self.suspensions:
                self.since, self.restored_by = day, decision

    @property
    def state(self) -> EntitlementState:
        if self.final_state is not None:
            return self.final_state
        return _GESCHORST if self.suspensions else _ACTIEF  # members read per row: constants

    @property
    def decided_by(self) -> tuple[AppliedRule, ...]:
        if self.final is not None:
            return (self.final,)
        if self.suspensions:
            return tuple(self.suspensions.values())
        return () if self.restored_by is None else (self.restored_by,)

    @property
    def outcome(self) -> _Outcome:
        """The state, since when, and the events that decided it."""
        return self.state, self.since, self.decided_by


#: What a track decided: the state, since when, and the events that decided it.
_Outcome = tuple[EntitlementState, dt.date | None, tuple[AppliedRule, ...]]
#: The outcome before any event (an entitlement no event touched): active, decided by none.
_UNTOUCHED: _Outcome = (_ACTIEF, None, ())


def applicable(
    events: Iterable[Event],
    at: dt.date,
    employee: str | None = None,
    *,
    since: dt.date | None = None,
) -> tuple[Event, ...]:
    """The events that count at ``at`` for the scope, in the order they apply.

    Defined as: events with since ≤ date ≤ at (no lower bound without ``since``) that apply
    to the scope (policy events to every scope, employee events to that employee), stably
    sorted by date (domein §5).
    """
    if type(at) is not dt.date:
        raise date_error("at", at)
    if since is not None and type(since) is not dt.date:
        raise date_error("since", since)
    if employee is not None and type(employee) is not str:
        raise text_error("employee", employee)
    check_iterable("events", events, Event)
    given = events if isinstance(events, tuple | list) else list(events)
    start = dt.date.min if since is None else since
    try:
        chosen = [e for e in given if start <= e.date <= at and e.applies_to(employee)]
    except AttributeError:  # an element that is no Event: name it
        raise items_error("events", given, Event) from None
    return tuple(sorted(chosen, key=lambda e: e.date))


def _ground(
    entitlement: Entitlement, state: EntitlementState, decision: AppliedRule
) -> list[Ground]:
    text = f"{decision.event.describe()}: {entitlement.value} {state.value} — {decision.rule.rule}"
    return [
        Ground(rule=text, citation=citation, rule_id="entitlement_statuses")
        for citation in decision.rule.citations
    ]


def _status(granted: Granted, outcome: _Outcome, at: dt.date) -> EntitlementStatus:
    state, since, decided_by = outcome
    return _new_status(
        EntitlementStatus, (granted.entitlement, state, since, decided_by, granted, at)
    )


def entitlement_statuses(
    product: Product, events: Iterable[Event], at: dt.date, employee: str | None = None
) -> Explained[tuple[EntitlementStatus, ...]]:
    """The state of each entitlement of ``product`` at ``at``, for the policy or ``employee``.

    Defined as: fold the [`applicable`][reintegratie_core.applicable] events over the product's event table
    (`Product.events`)
    (module docstring); every event must be known to the product with the right scope
    ([`check_event`][reintegratie_core.check_event]), also those after ``at``. Source: domein §5 and the
    articles of each rule (``001`` 2.4, 2.5, 4.2, 5.3; ``003`` 1.5.2, 1.5.3, 2.7.3, 3.2;
    ``004`` 2.4, 2.5, 4.2, 5.3; ``000`` 4.1, 4.2).
    """
    if type(at) is not dt.date:
        raise date_error("at", at)
    statuses = _statuses(product, events, at, employee)
    grounds: dict[Ground, None] = {}
    for status in statuses:
        for ground in status.explain().grounds:
            grounds.setdefault(ground, None)
    return Explained(statuses, tuple(grounds))


def _statuses(
    product: Product, events: Iterable[Event], at: dt.date, employee: str | None
) -> tuple[EntitlementStatus, ...]:
    """The statuses [`entitlement_statuses`][reintegratie_core.entitlement_statuses] decides, their grounds not yet rendered."""
    rules = product_rules(product)
    tracks = {g.entitlement: _Track() for g in rules.granted}
    for decision in _counting(rules, events, at, employee):
        for effect in decision.rule.effects:
            tracks[effect.entitlement].apply(effect, decision)
    return tuple(_status(g, tracks[g.entitlement].outcome, at) for g in rules.granted)


def _counting(
    rules: ProductRules,
    events: Iterable[Event],
    at: dt.date,
    employee: str | None,
    since: dt.date = dt.date.min,
) -> list[AppliedRule]:
    """The events that count at ``at`` for the scope (none before ``since``), with their
    rules, in date order; every event is checked against the product, also those outside."""
    check_iterable("events", events, Event)
    if employee is not None and type(employee) is not str:
        raise text_error("employee", employee)
    key = None if employee is None else employee_key(employee)
    counting: list[AppliedRule] = []
    for index, event in enumerate(events):
        if type(event) is not Event:
            raise instance_error(f"events[{index}]", event, Event, "elke gebeurtenis is een Event")
        rule = check_event(rules, event)
        if since <= event.date <= at and (
            event.employee is None or employee_key(event.employee) == key
        ):
            counting.append(AppliedRule(event=event, rule=rule))
    if len(counting) > 1:  # stable, as sorted(); none or one event (the common case) as is
        counting.sort(key=_event_date)
    return counting


def _event_date(applied: AppliedRule) -> dt.date:
    return applied.event.date


def entitlement_status(
    product: Product,
    entitlement: Entitlement,
    events: Iterable[Event],
    at: dt.date,
    employee: str | None = None,
    *,
    since: dt.date | None = None,
) -> EntitlementStatus:
    """The [`EntitlementStatus`][reintegratie_core.EntitlementStatus] of one entitlement (see [`entitlement_statuses`][reintegratie_core.entitlement_statuses]):
    the same fold, over the effects on this entitlement only (each entitlement's state
    depends on its own effects). With ``since``, only events on or after it are folded
    (every event is still checked): the state from the messages of one period, such as a
    case's verzuimperiode (``003`` art. 2.7.3)."""
    if type(entitlement) is not Entitlement:
        raise member_error("entitlement", entitlement, Entitlement)
    if type(at) is not dt.date:
        raise date_error("at", at)
    if since is not None and type(since) is not dt.date:
        raise date_error("since", since)
    try:
        rules = product.events
    except AttributeError:  # not a Product (a product's code, ...): say so at the entry
        raise product_error("product", product) from None
    if rules is None:
        rules = product_rules(product)  # raises: the product has no event table
    granted = rules._grant(entitlement)  # the entitlement was checked above, at the entry
    counting = _counting(rules, events, at, employee, dt.date.min if since is None else since)
    if not counting:  # folding no event leaves the start state
        return _status(granted, _UNTOUCHED, at)
    track = _Track()
    for decision in counting:
        for effect in decision.rule.effects:
            if effect.entitlement is entitlement:
                track.apply(effect, decision)
    return _status(granted, track.outcome, at)


def entitlement_state(
    product: Product,
    entitlement: Entitlement,
    events: Iterable[Event],
    at: dt.date,
    employee: str | None = None,
) -> Explained[EntitlementState]:
    """The state of one entitlement at ``at`` with the events and articles that decided it.

    Defined as: [`entitlement_statuses`][reintegratie_core.entitlement_statuses] restricted to ``entitlement``; an entitlement
    the product does not grant (``asr-reintegratie`` has no poortwachtergarantie) is an
    error naming the product.
    """
    return entitlement_status(product, entitlement, events, at, employee).explained


__all__ = [
    "ENTITLEMENT_ALIASES",
    "AppliedRule",
    "Effect",
    "Entitlement",
    "EntitlementState",
    "EntitlementStatus",
    "Event",
    "EventKind",
    "EventRule",
    "Granted",
    "NotInProductError",
    "ProductRules",
    "Scope",
    "applicable",
    "check_event",
    "employee_key",
    "entitlement_state",
    "entitlement_status",
    "entitlement_statuses",
    "product_rules",
]
