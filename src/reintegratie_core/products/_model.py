"""Products as data: modules, coupling, termination, duration, cancellation, consequences.

domein §4, §5 and §7. A [`Product`][reintegratie_core.products.Product] is the one aggregate of what a
product's conditions say — its modules, the coupling rules between them ("when A ends, B
ends on the same date", with the reasons that do *not* propagate), the reasons for which
a module may be ended directly, the duration and cancellation rules, the consequences of a
module's end, the eligibility rule, its event table (what each event does to the
entitlements, [`ProductRules`][reintegratie_core.ProductRules]), how it reimburses
interventions and which cost kinds it excludes ([`Interventions`][reintegratie_core.products.Interventions]), and its dated
parameters ([`Product.parameter`][reintegratie_core.products.Product.parameter]). Every core rule takes a ``Product``; nothing is
keyed by a product code elsewhere. The four built-in products are written as such data in
`reintegratie_core.products._catalogue`; an insurer can describe its own in TOML
(`reintegratie_core.products._loading`). One engine reads these tables
(`_cascade`, `duration`,
`_consequences`); a new product is a new table, not new
branches.

Codes (product, module) are compared in a canonical form: lower case, accents dropped,
spaces, ``-`` and ``_`` equivalent — the same convention as the Excel shell's.
"""

from __future__ import annotations

import enum
import functools
import re
import typing
import unicodedata
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TypeVar

import attrs

from reintegratie_core._checks import (
    check_iterable,
    date_error,
    flag_error,
    instance_error,
    items_error,
    member_error,
    product_error,
    text_error,
)
from reintegratie_core._entitlements import ProductRules
from reintegratie_core._errors import (
    InvalidValueError,
    NotApplicableError,
    UnknownCodeError,
    argument_error,
)
from reintegratie_core._explain import Citation, cite, format_date
from reintegratie_core._parameters import Parameter, ParameterHistory
from reintegratie_core._product_parameters import check_product_parameter

#: A product parameter: the dated versions of one whole-number or decimal value.
ProductParameter = ParameterHistory[int] | ParameterHistory[Decimal]

_T = TypeVar("_T")


class TerminationReason(enum.Enum):
    """Why a module ends (domein §4 "Termination reasons")."""

    OPZEGGING_WERKGEVER = "opzegging_werkgever"
    EINDE_GEKOPPELDE_MODULE = "einde_gekoppelde_module"
    FRAUDE = "fraude"
    WANBETALING = "wanbetaling"
    ONJUISTE_INFORMATIE = "onjuiste_informatie"
    OPZEGGING_UITVOERDER = "opzegging_uitvoerder"
    NIET_NAKOMEN_VERPLICHTINGEN = "niet_nakomen_verplichtingen"
    OVERSTAP_ARBODIENST = "overstap_arbodienst"

    #: A member is its own identity (Enum compares by identity): hashed in C, where
    #: Enum's ``hash(name)`` is a Python call for every lookup keyed by a reason.
    __hash__ = object.__hash__


#: Every reason, in the order of the spec.
ALL_REASONS: frozenset[TerminationReason] = frozenset(TerminationReason)

#: Aliases accepted for reason codes at the edges (besides the codes themselves).
REASON_ALIASES: dict[str, TerminationReason] = {
    "opzegging": TerminationReason.OPZEGGING_WERKGEVER,
    "einde_koppeling": TerminationReason.EINDE_GEKOPPELDE_MODULE,
    "gekoppelde_module": TerminationReason.EINDE_GEKOPPELDE_MODULE,
    "misleiding": TerminationReason.FRAUDE,
    "niet_betalen": TerminationReason.WANBETALING,
    "betalingsachterstand": TerminationReason.WANBETALING,
    "onjuist_geinformeerd": TerminationReason.ONJUISTE_INFORMATIE,
    "opzegging_arbodienst": TerminationReason.OPZEGGING_UITVOERDER,
    "opzegging_reintegratiebedrijf": TerminationReason.OPZEGGING_UITVOERDER,
    "niet_nakomen": TerminationReason.NIET_NAKOMEN_VERPLICHTINGEN,
    "overstap": TerminationReason.OVERSTAP_ARBODIENST,
}


class CancellationKind(enum.Enum):
    """How an employer may cancel a module (domein §4 "Cancellation")."""

    #: Per a contractvervaldatum of the basismodule, after a minimum run and with notice
    #: (``001`` art. 2.3).
    AT_BASE_EXPIRY = "per_contractvervaldatum"
    #: Not on its own: the module ends only with what it is coupled to (``004`` art. 2.3,
    #: ``003`` art. 1.5.2, ``000`` art. 4.1).
    NOT_SEPARATELY = "niet_los"


class ConsequenceKind(enum.Enum):
    """What happens when a module ends (domein §4 "Consequences")."""

    GUIDANCE_ENDS = "begeleiding_eindigt"
    GUARANTEE_LAPSES = "poortwachtergarantie_vervalt"
    CONSULTATION = "overleg_lopende_gevallen"
    GUIDANCE_CONTINUES = "begeleiding_loopt_door"
    SERVICE_ENDS = "dienstverlening_eindigt"


#: The Dutch description of a consequence when its rule gives none.
CONSEQUENCE_TEXT: dict[ConsequenceKind, str] = {
    ConsequenceKind.GUIDANCE_ENDS: "re-integratiebegeleiding eindigt",
    ConsequenceKind.GUARANTEE_LAPSES: "poortwachtergarantie vervalt",
    ConsequenceKind.CONSULTATION: (
        "overleg over voortgang en begeleiding van medewerkers met nog recht op vergoeding "
        "van de loondoorbetaling en al ingezette of toegezegde interventies"
    ),
    ConsequenceKind.GUIDANCE_CONTINUES: (
        "begeleiding loopt door voor zieke werknemers tot het einde van de loondoorbetaling"
    ),
    ConsequenceKind.SERVICE_ENDS: "dienstverlening eindigt",
}


class InterventionExclusion(enum.Enum):
    """Kinds of costs a product's text may exclude from intervention reimbursement."""

    RIE = "rie"
    PMO = "pmo"
    PAGO = "pago"
    KEURING = "keuring"
    CURSUS_PREVENTIEMEDEWERKER = "cursus_preventiemedewerker"
    MEDICAL_TREATMENT = "medische_behandeling"
    TRAVEL = "reiskosten"
    CANCELLATION = "annulering"


class ProductDefinitionError(InvalidValueError):
    """A product definition that contradicts itself (unknown module in a rule, ...)."""


class ReasonNotAllowedError(InvalidValueError):
    """A module ended directly for a reason its conditions do not allow."""


class NotCancellableError(NotApplicableError):
    """A module the employer cannot cancel on its own (``004`` art. 2.3)."""


def canonical(code: str) -> str:
    """A code's canonical form: lower case, no accents, spaces/``-``/``_`` as one ``_``."""
    if type(code) is not str:  # before the cache, which would hash a list first
        raise text_error("code", code)
    return _canonical(code)


@functools.lru_cache(maxsize=4096)  # pure; every lookup of a product or module by name
def _canonical(code: str) -> str:
    decomposed = unicodedata.normalize("NFKD", code.strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s\-_]+", "_", plain).strip("_")


def _reasons(value: Iterable[TerminationReason]) -> frozenset[TerminationReason]:
    return frozenset(value)


def _tuple_of_citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(value)


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _rights(value: Iterable[TerminationRight]) -> tuple[TerminationRight, ...]:
    return tuple(value)


def _consequence_rules(value: Iterable[ConsequenceRule]) -> tuple[ConsequenceRule, ...]:
    return tuple(value)


def _module_tuple(value: Iterable[Module]) -> tuple[Module, ...]:
    return tuple(value)


def _coupling_tuple(value: Iterable[CouplingRule]) -> tuple[CouplingRule, ...]:
    return tuple(value)


def _parameter_tuple(value: Iterable[ProductParameter]) -> tuple[ProductParameter, ...]:
    return tuple(value)


def _non_empty(_instance: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    if not value:
        msg = "mag niet leeg zijn"
        raise argument_error(ProductDefinitionError, attribute.name, msg)


def _code(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not canonical(value):
        msg = f"{value!r} is geen code (verwacht letters/cijfers, bijv. 'prb')"
        raise argument_error(ProductDefinitionError, attribute.name, msg)


@attrs.frozen(kw_only=True)
class TerminationRight:
    """A module may be ended directly for these reasons (e.g. ``001`` art. 2.4)."""

    reasons: frozenset[TerminationReason] = attrs.field(converter=_reasons, validator=_non_empty)
    citations: tuple[Citation, ...] = attrs.field(
        converter=_tuple_of_citations, validator=_non_empty
    )


@attrs.frozen(kw_only=True)
class CouplingRule:
    """When module ``source`` ends, module ``target`` ends on the same date.

    ``unless`` lists the reasons for ``source``'s end that do not propagate (``003`` art.
    1.5.2: ``overstap_arbodienst``).
    """

    source: str = attrs.field(validator=_code)
    target: str = attrs.field(validator=_code)
    citations: tuple[Citation, ...] = attrs.field(
        converter=_tuple_of_citations, validator=_non_empty
    )
    unless: frozenset[TerminationReason] = attrs.field(default=frozenset(), converter=_reasons)

    def propagates(self, reason: TerminationReason | None) -> bool:
        """True when ``source`` ending for ``reason`` ends ``target``.

        ``None`` is "any reason" (domain §8.1): the rule then propagates except for the
        reasons in ``unless``, which the caller reports as exceptions.
        """
        if reason is not None and type(reason) is not TerminationReason:
            raise member_error("reason", reason, TerminationReason)
        return reason is None or reason not in self.unless


@attrs.frozen(kw_only=True)
class Duration:
    """The module's contractvervaldata are the basismodule's (``001`` 2.1, ``004`` 2.1).

    Its first contractvervaldatum is the first basismodule contractvervaldatum *C* with
    ``C > start`` and ``C ≥ start + min_run months``; basismodule dates recur every
    ``term`` months from any one of them. ``min_run_parameter`` and ``term_parameter``
    name the product parameters holding the minimum run and the contract term.
    """

    citations: tuple[Citation, ...] = attrs.field(
        converter=_tuple_of_citations, validator=_non_empty
    )
    term_parameter: str
    min_run_parameter: str | None = None


@attrs.frozen(kw_only=True)
class Cancellation:
    """How the employer may cancel the module (``001`` art. 2.3; ``004`` art. 2.3)."""

    kind: CancellationKind
    citations: tuple[Citation, ...] = attrs.field(
        converter=_tuple_of_citations, validator=_non_empty
    )
    min_run_parameter: str | None = None
    notice_parameter: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind is CancellationKind.AT_BASE_EXPIRY and self.notice_parameter is None:
            msg = "opzegtermijn: verplicht bij soort 'per_contractvervaldatum'"
            raise ProductDefinitionError(msg)
        if self.kind is CancellationKind.NOT_SEPARATELY and (
            self.notice_parameter is not None or self.min_run_parameter is not None
        ):
            msg = "opzegtermijn/minimale_looptijd: niet toegestaan bij soort 'niet_los'"
            raise ProductDefinitionError(msg)


@attrs.frozen(kw_only=True)
class ConsequenceRule:
    """A consequence of the module's end, from its end date (domein §4).

    It applies when the reason the termination started with is in ``only`` (empty: any
    reason) and not in ``unless``. ``reason_of`` names the module whose reason counts
    instead (``003`` art. 1.5.3: the Verzuimverzekering's, domain §8.1); when that module
    does not end in the cascade, the module's own reason counts when the termination began
    at the module itself (``003`` art. 3.2: no service after fraude), and otherwise no
    reason excludes the rule: a rule with ``unless`` applies, a rule with ``only`` does not. A `ConsequenceKind.GUIDANCE_CONTINUES`
    rule may name the product parameter with its relapse window (``relapse_parameter``;
    default the statutory samentelling of 28 days).
    """

    kind: ConsequenceKind
    citations: tuple[Citation, ...] = attrs.field(
        converter=_tuple_of_citations, validator=_non_empty
    )
    description: str = ""
    unless: frozenset[TerminationReason] = attrs.field(default=frozenset(), converter=_reasons)
    only: frozenset[TerminationReason] = attrs.field(default=frozenset(), converter=_reasons)
    relapse_parameter: str | None = None
    reason_of: str | None = None

    def __attrs_post_init__(self) -> None:
        if (
            self.relapse_parameter is not None
            and self.kind is not ConsequenceKind.GUIDANCE_CONTINUES
        ):
            msg = "terugvaltermijn: alleen bij soort 'begeleiding_loopt_door'"
            raise ProductDefinitionError(msg)

    def applies(self, reason: TerminationReason) -> bool:
        """True when this consequence follows from a termination for ``reason``."""
        if type(reason) is not TerminationReason:
            raise member_error("reason", reason, TerminationReason)
        return (not self.only or reason in self.only) and reason not in self.unless

    def applies_to_any(self, reasons: frozenset[TerminationReason]) -> bool:
        """True when some reason of ``reasons`` brings this consequence (domain §8.1)."""
        check_iterable("reasons", reasons, TerminationReason)
        for index, reason in enumerate(reasons):
            if type(reason) is not TerminationReason:
                raise member_error(f"reasons[{index}]", reason, TerminationReason)
        return any(self.applies(r) for r in reasons)

    @property
    def conditional(self) -> bool:
        """True when the consequence depends on the reason (``only`` or ``unless`` set)."""
        return bool(self.only or self.unless)

    def condition_text(self, *, own: bool = False) -> str:
        """The Dutch condition, e.g. ``niet bij reden fraude, wanbetaling`` (or ``""``);
        ``own``: of the module's own reason, not of ``reason_of`` (see `_verdict` in
        ``_consequences``)."""
        if type(own) is not bool:
            raise flag_error("own", own)
        whose = f" van {self.reason_of}" if self.reason_of and not own else ""
        if self.only:
            return f"alleen bij reden {_reason_codes(self.only)}{whose}"
        if self.unless:
            return f"niet bij reden {_reason_codes(self.unless)}{whose}"
        return ""

    @property
    def text(self) -> str:
        """The Dutch description (the rule's own, or the kind's default)."""
        return self.description or CONSEQUENCE_TEXT[self.kind]


@attrs.frozen(kw_only=True)
class Module:
    """One module of a product: code, Dutch name, source and its own rules.

    ``choice_group`` names a set of alternatives of which a policy holds at most one
    (``001``: ``basis-verzuim`` *or* ``basis-ao-3-12``). ``termination`` lists the reasons
    for which the module may be ended directly; empty means its end is governed by its
    own conditions and every reason is accepted. ``sanction_extension`` cites the article
    by which its casemanager continues through a UWV extension of wage continuation.
    """

    code: str = attrs.field(validator=_code)
    name: str = attrs.field(validator=_non_empty)
    citations: tuple[Citation, ...] = attrs.field(
        converter=_tuple_of_citations, validator=_non_empty
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    choice_group: str | None = None
    termination: tuple[TerminationRight, ...] = attrs.field(default=(), converter=_rights)
    duration: Duration | None = None
    cancellation: Cancellation | None = None
    consequences: tuple[ConsequenceRule, ...] = attrs.field(
        default=(), converter=_consequence_rules
    )
    #: The articles by which the module's casemanager keeps working through a wage
    #: continuation that UWV extends with a loonsanctie (``001``/``004`` art. 3.5).
    sanction_extension: tuple[Citation, ...] = attrs.field(
        default=(), converter=_tuple_of_citations
    )

    @property
    def allowed_reasons(self) -> frozenset[TerminationReason]:
        """The reasons for which the module may be ended directly."""
        if not self.termination:
            return ALL_REASONS
        allowed: set[TerminationReason] = set()
        for right in self.termination:
            allowed |= right.reasons
        return frozenset(allowed)

    def rights_for(self, reason: TerminationReason) -> tuple[TerminationRight, ...]:
        """The termination rights that allow ``reason`` (empty when unrestricted)."""
        if type(reason) is not TerminationReason:
            raise member_error("reason", reason, TerminationReason)
        return tuple(r for r in self.termination if reason in r.reasons)

    def codes(self) -> frozenset[str]:
        """The canonical forms by which the module may be named."""
        return frozenset({canonical(self.code), *(canonical(a) for a in self.aliases)})


@attrs.frozen(kw_only=True)
class Eligibility:
    """Cases fall under the product when the first sick day ≥ the start of ``module``.

    ``001`` art. 3.2/3.3, ``004`` art. 3.2, ``003`` art. 1.3 (the insurance's start), ``002``.
    """

    module: str = attrs.field(validator=_code)
    citations: tuple[Citation, ...] = attrs.field(
        converter=_tuple_of_citations, validator=_non_empty
    )


def _exclusions(value: Iterable[InterventionExclusion]) -> frozenset[InterventionExclusion]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class Interventions:
    """How a product reimburses interventions (``001``/``004`` art. 3.3, ``002``).

    ``share`` names the product parameter with the reimbursed share (100 %); ``None``
    means the product has no such reimbursement and ``elsewhere`` says where its
    re-integration costs are dealt with. ``excluded`` are the cost kinds the product's own
    text excludes (decision §8.1), ``exclusion_citations`` where it says so (or that it
    lists none).
    """

    share: str | None = None
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple_of_citations)
    start_citations: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple_of_citations)
    assessor: str = ""
    excluded: frozenset[InterventionExclusion] = attrs.field(
        default=frozenset(), converter=_exclusions
    )
    exclusion_citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_tuple_of_citations
    )
    elsewhere: str = ""


def _reason_codes(reasons: Iterable[TerminationReason]) -> str:
    return ", ".join(r.value for r in TerminationReason if r in set(reasons))


def module_error(name: str, value: object) -> TypeError:
    """The error for ``value`` given as the `Module` argument ``name``: a module's code is
    told how to get its Module (``cascade`` and its kin take the code, these the Module)."""
    hint = f"haal de module op met product.module({value!r})" if isinstance(value, str) else ""
    return instance_error(name, value, Module, hint)


@attrs.frozen(kw_only=True, cache_hash=True)  # a key of the per-product caches
class Product:
    """A product definition: modules, coupling, rules and dated parameters (domain §4, §7).

    ``service_module`` is the module that provides the guidance whose continuation and
    eligibility `_consequences` decides.
    """

    code: str = attrs.field(validator=_code)
    name: str = attrs.field(validator=_non_empty)
    citations: tuple[Citation, ...] = attrs.field(
        converter=_tuple_of_citations, validator=_non_empty
    )
    modules: tuple[Module, ...] = attrs.field(converter=_module_tuple, validator=_non_empty)
    service_module: str
    eligibility: Eligibility
    couplings: tuple[CouplingRule, ...] = attrs.field(default=(), converter=_coupling_tuple)
    parameters: tuple[ProductParameter, ...] = attrs.field(default=(), converter=_parameter_tuple)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: What each event does to the entitlements (domain §5); ``None``: no entitlements.
    events: ProductRules | None = None
    #: How interventions are reimbursed and which kinds are excluded (domain §6).
    interventions: Interventions | None = None
    _by_name: dict[str, ProductParameter] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    #: The module codes in order, and every canonical name of a module (the first module
    #: with a name wins), made once: every decision looks modules up.
    _codes: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _by_key: dict[str, Module] = attrs.field(init=False, eq=False, repr=False, hash=False)
    #: Decisions that depend only on this product's own tables (a cascade per module,
    #: reason and policy), made once: keyed by codes, never by a row's dates or amounts.
    decided: dict[tuple[object, ...], typing.Any] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )

    @_by_name.default
    def _index_parameters(self) -> dict[str, ProductParameter]:
        return {h.versions[0].name: h for h in self.parameters}

    @_codes.default
    def _index_codes(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.modules)

    @_by_key.default
    def _index_modules(self) -> dict[str, Module]:
        by_key: dict[str, Module] = {}
        for module in self.modules:
            for key in module.codes():
                by_key.setdefault(key, module)
        # The codes as written name the same modules: a code passed as the product spells
        # it (``verzuim-erd``) is found without computing its canonical form.
        for module in self.modules:
            for written in (module.code, *module.aliases):
                if by_key.get(canonical(written)) is module:
                    by_key.setdefault(written, module)
        return by_key

    def __attrs_post_init__(self) -> None:
        if self.events is not None and self.events.product != self.code:
            # The event table names its product in its errors: it is this product's.
            object.__setattr__(self, "events", attrs.evolve(self.events, product=self.code))
        _check_product(self)

    # --- lookups ---------------------------------------------------------------------

    @property
    def module_codes(self) -> tuple[str, ...]:
        """The module codes, in the product's order."""
        return self._codes

    def module(self, code: str) -> Module:
        """The module named ``code`` (or an alias, in any case or separator).

        Raises [`UnknownCodeError`][reintegratie_core.UnknownCodeError] listing the product's modules.
        """
        if type(code) is not str:  # a dict look-up would hash a list first
            raise text_error("code", code)
        module = self._by_key.get(code) or self._by_key.get(canonical(code))
        if module is None:
            raise UnknownCodeError("module", code, self.module_codes, "code")
        return module

    def index(self, code: str) -> int:
        """The position of module ``code`` in the product (a stable sort key)."""
        return self.module_codes.index(self.module(code).code)

    def codes(self) -> frozenset[str]:
        """The canonical forms by which the product may be named."""
        return frozenset({canonical(self.code), *(canonical(a) for a in self.aliases)})

    def parameter_names(self) -> tuple[str, ...]:
        """The names of the product's parameters."""
        return tuple(h.versions[0].name for h in self.parameters)

    def parameter_history(self, name: str) -> ProductParameter:
        """The dated versions of parameter ``name``; an error lists the known names."""
        if type(name) is not str:  # a dict look-up would hash a list first
            raise text_error("name", name)
        history = self._by_name.get(name)
        if history is not None:
            return history
        known = ", ".join(self.parameter_names()) or "geen"
        reason = f"product {self.code} heeft geen parameter {name!r} (bekend: {known})"
        raise argument_error(InvalidValueError, "name", reason)

    def has_parameter(self, name: str) -> bool:
        """True when the product defines parameter ``name``."""
        if type(name) is not str:
            raise text_error("name", name)
        return name in self._by_name

    def parameter(self, name: str, on: date | None = None) -> Parameter[int] | Parameter[Decimal]:
        """The version of parameter ``name`` in force on ``on`` (``None``: the newest).

        The core has no clock: a caller that knows the relevant date passes it; otherwise
        the conditions as they now read apply (domein §7).
        """
        if on is not None and type(on) is not date:
            raise date_error("on", on)
        history = self.parameter_history(name)
        return history.at(date.max if on is None else on)

    def decimal(self, name: str, on: date | None = None) -> Parameter[Decimal]:
        """The amount or fraction parameter ``name`` in force on ``on`` (whole numbers too)."""
        if on is not None and type(on) is not date:
            raise date_error("on", on)
        parameter = self.parameter(name, on)
        value = parameter.value
        if isinstance(value, Decimal):
            return typing.cast("Parameter[Decimal]", parameter)
        if isinstance(value, bool):
            reason = f"parameter {name} van {self.code} is geen getal"
            raise argument_error(InvalidValueError, "name", reason)
        return Parameter(
            name=parameter.name,
            value=Decimal(value),
            citation=parameter.citation,
            valid_from=parameter.valid_from,
            unit=parameter.unit,  # a whole number of euros still reads in euros
        )

    def months(self, name: str, on: date | None = None) -> Parameter[int]:
        """The whole-number parameter ``name`` (months, days, weeks, years) in force on ``on``."""
        if on is not None and type(on) is not date:
            raise date_error("on", on)
        if type(name) is not str:  # a dict look-up would hash a list first
            raise text_error("name", name)
        history = self._by_name.get(name)  # parameter(): read for every lifted row, inline
        if history is None:
            history = self.parameter_history(name)  # raises, listing the known names
        parameter = history.at(date.max if on is None else on)
        value = parameter.value
        if type(value) is not int and (isinstance(value, bool) or not isinstance(value, int)):
            reason = f"parameter {name} van {self.code} is geen geheel getal"
            raise argument_error(InvalidValueError, "name", reason)
        return parameter  # type: ignore[return-value] # its value is an int: checked above

    def check_reason(
        self, module: Module, reason: TerminationReason | None
    ) -> tuple[Citation, ...]:
        """The citations allowing ``module`` to end directly for ``reason``.

        Raises [`ReasonNotAllowedError`][reintegratie_core.products.ReasonNotAllowedError] naming the allowed reasons and their articles.
        Defined as: reason ∈ ∪ rights.reasons (``001`` art. 2.3/2.4, ``004`` art. 2.3/2.4,
        ``000`` art. 4.1/4.2, ``003`` art. 1.5.2/3.2); a module without rights accepts all.
        ``None`` is "any reason the module admits" (domain §8.1): every right's articles.
        """
        if type(module) is not Module:
            raise module_error("module", module)
        if reason is not None and type(reason) is not TerminationReason:
            raise member_error("reason", reason, TerminationReason)
        if not module.termination:
            return module.citations
        if reason is None:
            return tuple(dict.fromkeys(c for right in module.termination for c in right.citations))
        rights = module.rights_for(reason)
        if rights:
            return tuple(c for right in rights for c in right.citations)
        articles = cite(c for right in module.termination for c in right.citations)
        extra = ""
        if (
            reason is TerminationReason.OPZEGGING_WERKGEVER
            and module.cancellation is not None
            and module.cancellation.kind is CancellationKind.NOT_SEPARATELY
        ):
            extra = " — de werkgever kan deze module niet los opzeggen"
        msg = (
            f'{module.code} kan niet worden beëindigd om reden "{reason.value}"{extra} '
            f"(toegestaan: {_reason_codes(module.allowed_reasons)}; {articles})"
        )
        raise ReasonNotAllowedError(msg)


def _check_product(product: Product) -> None:
    """Invariants of a product definition; messages name the field path."""
    codes: dict[str, str] = {}
    for i, module in enumerate(product.modules):
        for key in module.codes():
            if key in codes:
                msg = (
                    f"modules[{i}].code: {module.code!r} botst met module {codes[key]!r} "
                    "(codes en aliassen moeten uniek zijn)"
                )
                raise ProductDefinitionError(msg)
            codes[key] = module.code
    module_codes = frozenset(product.module_codes)  # computed once: the checks stay linear

    def exists(code: str, path: str) -> None:
        if code not in module_codes:
            known = ", ".join(product.module_codes)
            msg = f"{path}: onbekende module {code!r} (bekend: {known})"
            raise ProductDefinitionError(msg)

    for i, rule in enumerate(product.couplings):
        exists(rule.source, f"koppelingen[{i}].van")
        exists(rule.target, f"koppelingen[{i}].naar")
        if rule.source == rule.target:
            msg = f"koppelingen[{i}]: een module kan niet aan zichzelf gekoppeld zijn"
            raise ProductDefinitionError(msg)
    pairs = [(r.source, r.target) for r in product.couplings]
    if len(set(pairs)) != len(pairs):
        msg = "koppelingen: dezelfde koppeling (van, naar) staat er meer dan eens"
        raise ProductDefinitionError(msg)
    exists(product.service_module, "dienstverleningsmodule")
    exists(product.eligibility.module, "recht_op_dienstverlening.module")
    histories = _checked_parameters(product.parameters)

    def whole(name: str | None, path: str, minimum: int) -> None:
        if name is None:
            return
        if name not in histories:
            msg = f"{path}: onbekende parameter {name!r} (bekend: {', '.join(sorted(histories)) or 'geen'})"
            raise ProductDefinitionError(msg)
        for version in histories[name].versions:
            value = version.value
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                msg = f"{path}: parameter {name!r} moet een geheel getal ≥ {minimum} zijn, niet {value!r}"
                raise ProductDefinitionError(msg)

    _check_interventions(product.interventions, histories)
    for i, module in enumerate(product.modules):
        path = f"modules[{i}]"
        if module.duration is not None:
            whole(module.duration.term_parameter, f"{path}.looptijd.contracttermijn", 1)
            whole(module.duration.min_run_parameter, f"{path}.looptijd.minimale_looptijd", 0)
        if module.cancellation is not None:
            cancellation = module.cancellation
            if cancellation.kind is CancellationKind.AT_BASE_EXPIRY and module.duration is None:
                msg = f"{path}.opzegging: 'per_contractvervaldatum' vraagt een looptijd (looptijd ontbreekt)"
                raise ProductDefinitionError(msg)
            whole(cancellation.min_run_parameter, f"{path}.opzegging.minimale_looptijd", 0)
            whole(cancellation.notice_parameter, f"{path}.opzegging.opzegtermijn", 0)
        for j, consequence in enumerate(module.consequences):
            whole(consequence.relapse_parameter, f"{path}.gevolgen[{j}].terugvaltermijn", 1)
            exists(consequence.reason_of or module.code, f"{path}.gevolgen[{j}].reden_van")


def _checked_parameters(parameters: tuple[ProductParameter, ...]) -> dict[str, ProductParameter]:
    """The parameters by name, each name once, every version of every parameter fitting its
    kind (€ ≥ 0 in cents, a share 0…1, a whole term ≥ 0:
    [`check_product_parameter`][reintegratie_core.check_product_parameter])."""
    histories = {h.versions[0].name: h for h in parameters}
    if len(histories) != len(parameters):
        msg = "parameters: dezelfde parameternaam staat er in meer dan één reeks"
        raise ProductDefinitionError(msg)
    for history in parameters:
        for version in history.versions:
            try:
                check_product_parameter(version)
            except InvalidValueError as exc:
                msg = f"parameters: {exc} (versie geldig vanaf {format_date(version.valid_from)})"
                raise ProductDefinitionError(msg) from None
    return histories


def _check_interventions(
    interventions: Interventions | None, histories: dict[str, ProductParameter]
) -> None:
    """The intervention share must be a parameter of the product, a decimal."""
    if interventions is None or interventions.share is None:
        return
    share = interventions.share
    known = ", ".join(sorted(histories)) or "geen"
    if share not in histories:
        msg = f"interventies.aandeel: onbekende parameter {share!r} (bekend: {known})"
        raise ProductDefinitionError(msg)


def is_product(_instance: object, attribute: attrs.Attribute[Product], value: object) -> None:
    """attrs validator: the field is a [`Product`][reintegratie_core.Product] (not its code)."""
    if type(value) is not Product and not isinstance(value, Product):
        raise product_error(attribute.name, value)


def find_product(code: str, products: Iterable[Product]) -> Product:
    """The product named ``code`` (or an alias) among ``products``.

    Raises [`UnknownCodeError`][reintegratie_core.UnknownCodeError] listing the known product codes.
    """
    key = canonical(code)
    check_iterable("products", products, Product)
    candidates = tuple(products)
    if not set(map(type, candidates)) <= {Product}:
        raise items_error("products", candidates, Product)
    for product in candidates:
        if key in product.codes():
            return product
    raise UnknownCodeError("product", code, tuple(p.code for p in candidates), "code")


__all__ = [
    "ALL_REASONS",
    "CONSEQUENCE_TEXT",
    "REASON_ALIASES",
    "Cancellation",
    "CancellationKind",
    "ConsequenceKind",
    "ConsequenceRule",
    "CouplingRule",
    "Duration",
    "Eligibility",
    "InterventionExclusion",
    "Interventions",
    "Module",
    "NotCancellableError",
    "Product",
    "ProductDefinitionError",
    "ProductParameter",
    "ReasonNotAllowedError",
    "TerminationReason",
    "TerminationRight",
    "canonical",
    "find_product",
]
