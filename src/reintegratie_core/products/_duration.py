"""Duration and cancellation: contractvervaldata and the earliest cancellation date.

domein §4 "Duration and contractvervaldatum" and "Cancellation by the employer":

* **Basismodule dates** recur every contract term (default 12 months) from any one given
  date, past or future: ``C_k = anchor + k·term months`` for every whole *k* — computed
  from the anchor each time, never chained (§1).
* **First contractvervaldatum** of a module that follows the basismodule (``001`` art.
  2.1, ``004`` art. 2.1): the first ``C_k`` with ``C_k > start`` and
  ``C_k ≥ start + minimum run`` (``001``: at least 12 months; §8).
* **Earliest cancellation** (``001`` art. 2.3): the first ``C_k`` with
  ``start + 12 months ≤ C_k`` and the notice received no later than ``C_k − 1 month``.
  A module that cannot be cancelled on its own (``004`` art. 2.3, ``003`` art. 1.5.2,
  ``000`` art. 4.1) is a [`NotCancellableError`][reintegratie_core.products.NotCancellableError].

The parameters (term, minimum run, notice) are the product's, in force on the module's
start date (the conditions under which the module was taken out); an explicit ``term``
overrides the contract term.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from reintegratie_core._checks import (
    count_error,
    date_error,
    dates_error,
    product_error,
)
from reintegratie_core._dates import _add_months, _month_days, add_days
from reintegratie_core._errors import InvalidValueError, NotApplicableError, argument_error
from reintegratie_core._explain import (
    DecisionRecord,
    Explained,
    Ground,
    ParameterValue,
    Unit,
    format_date,
    ruled,
)
from reintegratie_core._parameters import Parameter
from reintegratie_core.products._cascade import _ANY_DAY, _CASCADE, _decided_cascade, cascade
from reintegratie_core.products._model import (
    Cancellation,
    CancellationKind,
    Duration,
    Module,
    NotCancellableError,
    Product,
    TerminationReason,
    module_error,
)

#: The reason a cancellation ends a module for (read per lifted row: an Enum member looked
#: up on its class costs a call in Python 3.11).
_BY_EMPLOYER = TerminationReason.OPZEGGING_WERKGEVER
_NOT_SEPARATELY = CancellationKind.NOT_SEPARATELY

#: The month index (year·12 + month − 1) of December 9999, the last month of ``date``.
_LAST_MONTH = 9999 * 12 + 11


def basis_date(anchor: date, term_months: int, k: int) -> date:
    """The *k*-th basismodule contractvervaldatum counted from ``anchor`` (k may be < 0).

    Defined as: anchor + k·term months (relativedelta, month-end clamp; never chained).
    """
    if type(anchor) is not date:
        raise date_error("anchor", anchor)
    if type(term_months) is not int:
        raise count_error("term_months", term_months)
    if type(k) is not int:
        raise count_error("k", k)
    return _add_months(anchor, k * term_months)


def _first_index(anchor: date, term_months: int, month: int, day: int) -> int:
    """The smallest *k* whose basis date ``anchor + k·term`` months is on or after day
    ``day`` of the month with index ``month`` (year·12 + month − 1; a day past that month's
    end stands for the next month's first day): the one statement of "the first basis date
    on or after a threshold" that ``001`` art. 2.1 (first contractvervaldatum) and art. 2.3
    (earliest cancellation) count from.

    Defined as: the *k*-th basis date lies in the month ``k·term`` months after the
    anchor's, on the anchor's day or that month's last day, so the dates increase with
    *k*. With *d* the months from the anchor's month to the threshold's: the first month
    after the threshold's is reached at ``k = ⌊d / term⌋ + 1``; when ``term`` divides *d*
    the basis date ``k = d / term`` lies in the threshold's own month and counts when the
    anchor's day is not before the threshold's day (a month's last day is never before a
    day of that month), else the next one does.

    At the ends of the date range the definition steps through the basis dates from the
    one two terms below the threshold's month (``⌊d / term⌋ − 1``) up: the first date it
    reaches outside 0001-01-01 … 9999-12-31 is the error (that of
    [`add_months`][reintegratie_core.add_months]).
    """
    if day > 28 and day > _month_days(month // 12, month % 12 + 1):
        month += 1  # past the month's end: the next month's first day
        day = 1
    origin = anchor.year * 12 + anchor.month - 1
    k, rest = divmod(month - origin, term_months)
    if origin + (k - 1) * term_months < 12:  # the step's first date is before 0001-01-01
        _add_months(anchor, (k - 1) * term_months)  # raises, naming that date
    if rest or anchor.day < day:
        k += 1
    if origin + k * term_months > _LAST_MONTH:  # stepping reaches past 9999-12-31 first
        _add_months(anchor, ((_LAST_MONTH - origin) // term_months + 1) * term_months)  # raises
    return k


def first_basis_index(anchor: date, term_months: int, threshold: date) -> int:
    """The smallest *k* with ``basis_date(anchor, term, k) ≥ threshold``.

    Defined as: anchor + k·term months (month-end clamp) ≥ threshold, k as small as
    possible: with *d* the months from the anchor's month to the threshold's,
    ``k = ⌊d / term⌋ + 1``, or ``d / term`` when ``term`` divides *d* and the anchor's day
    is not before the threshold's (``_first_index``, which also gives the range errors).
    """
    if type(anchor) is not date:
        raise date_error("anchor", anchor)
    if type(threshold) is not date:
        raise date_error("threshold", threshold)
    if type(term_months) is not int:
        raise count_error("term_months", term_months)
    if term_months < 1:
        reason = f"contracttermijn {term_months} maanden: verwacht 1 of meer maanden"
        raise argument_error(InvalidValueError, "term_months", reason)
    return _first_index(
        anchor, term_months, threshold.year * 12 + threshold.month - 1, threshold.day
    )


def _first_run_index(anchor: date, term_months: int, start: date, minimum: int) -> int:
    """The smallest *k* whose basis date is after ``start`` and on or after ``start +
    minimum`` months (``001`` art. 2.1 and 2.3: the minimum run), without making a date.

    Defined as: with ``minimum`` ≥ 1 the threshold is start + minimum months (month-end
    clamp; past 9999 an error naming it), which lies after the start (a month has at
    least 28 days); with 0 it is the day after the start (``start`` before 9999-12-31).
    ``_first_index`` of that threshold.
    """
    month = start.year * 12 + start.month - 1
    day = start.day
    if minimum <= 0:
        return _first_index(anchor, term_months, month, day + 1)
    month += minimum
    if month > _LAST_MONTH:
        _add_months(start, minimum)  # raises, naming start + minimum months
    if day > 28:  # the month-end clamp of start + minimum months
        day = min(day, _month_days(month // 12, month % 12 + 1))
    return _first_index(anchor, term_months, month, day)


def _checked_term(term: int | None) -> None:
    """A contract term the caller gives must be 1 month or more."""
    if term is not None and type(term) is not int:
        raise count_error("term", term)
    if term is not None and term < 1:
        reason = f"contracttermijn {term} maanden: verwacht 1 of meer maanden"
        raise argument_error(InvalidValueError, "term", reason)


#: `Product.decided` keys of the parameters in force (`_in_force`) start with this.
_IN_FORCE = "in_force"


def _in_force(
    product: Product, key: tuple[str | None, ...], on: date
) -> tuple[Parameter[int] | None, ...]:
    """The whole-number parameters named in ``key`` (after its first item; ``None``: not
    asked) in force on ``on``: [`Product.months`][reintegratie_core.products.Product.months] of each.

    A product's parameters change only on their versions' dates, so which versions are in
    force from each such date on is decided once per product and names (`Product.decided`);
    a row finds its date's period. Before a parameter's first version each is looked up in
    turn, so the first one not in force is the error.
    """
    periods = product.decided.get(key)
    if periods is None:
        periods = product.decided[key] = _periods_in_force(product, key[1:])
    for since, parameters in periods:
        if since <= on:
            return parameters
    return tuple(None if name is None else product.months(name, on) for name in key[1:])


def _periods_in_force(
    product: Product, names: tuple[str | None, ...]
) -> tuple[tuple[date, tuple[Parameter[int] | None, ...]], ...]:
    """From each date a version of one of ``names`` takes effect (latest first): the
    versions of all of them in force from then on (dates before one of them has a version
    are left out)."""
    dates = sorted(
        {
            version.valid_from
            for name in names
            if name is not None
            for version in product.parameter_history(name).versions
        },
        reverse=True,
    )
    periods = []
    for since in dates:
        try:
            in_force = tuple(None if n is None else product.months(n, since) for n in names)
        except InvalidValueError:  # one of them has no version yet: looked up per row
            continue
        periods.append((since, in_force))
    return tuple(periods)


def _term_pair(term_months: int, parameter: Parameter[int] | None) -> tuple[str, ParameterValue]:
    """The term as an explanation shows it: the parameter, or the term the caller gave."""
    if parameter is None:
        return ("contracttermijn_maanden", Unit.MONTHS.of(term_months))
    return parameter.as_pair()


def _duration(product: Product, module: Module) -> Duration:
    if module.duration is None:
        having = [m.code for m in product.modules if m.duration is not None]
        known = ", ".join(having) if having else "geen enkele module van dit product"
        msg = (
            f"{module.code} heeft in {product.code} geen eigen contractvervaldatum; de "
            f"voorwaarden regelen haar looptijd niet (contractvervaldatum bekend voor: {known})"
        )
        raise NotApplicableError(msg)
    return module.duration


def first_expiry(
    product: Product,
    module: Module,
    start: date,
    basis_expiry: date,
    term: int | None = None,
) -> FirstExpiry:
    """The module's first contractvervaldatum (``001`` art. 2.1, ``004`` art. 2.1).

    Defined as: the first C = basis_expiry + k·term months (any whole k) with C > start
    and C ≥ start + minimum run months (``001``: 12; none for a basismodule or ``004``).

    Raises [`NotApplicableError`][reintegratie_core.NotApplicableError] for a module without a duration rule.
    """
    if type(module) is not Module:
        raise module_error("module", module)
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(start) is not date or type(basis_expiry) is not date:
        raise dates_error(("start", start, False), ("basis_expiry", basis_expiry, False))
    duration = module.duration
    if duration is None:
        duration = _duration(product, module)  # raises: no duration rule
    if term is not None:  # none given (the common case): nothing to check, no call per row
        _checked_term(term)
    key = (
        _IN_FORCE,
        None if term is not None else duration.term_parameter,
        duration.min_run_parameter,
    )
    term_parameter, minimum = _in_force(product, key, start)
    term_months = term if term_parameter is None else term_parameter.value
    assert term_months is not None  # a term given, or the product's
    if start == date.max:
        add_days(start, 1)  # C > start: past 9999-12-31 an error naming the date
    k = _first_run_index(basis_expiry, term_months, start, 0 if minimum is None else minimum.value)
    result = _add_months(basis_expiry, k * term_months)  # basis_date(basis_expiry, term, k)
    return _new_expiry(
        FirstExpiry,
        (module, duration, start, basis_expiry, term_months, term_parameter, minimum, result),
    )


class _FirstExpiry(NamedTuple):
    """The fields of `FirstExpiry`."""

    module: Module
    duration: Duration
    start: date
    basis_expiry: date
    term_months: int
    #: The product's contract term in force on the start; ``None`` when the caller gave one.
    term: Parameter[int] | None
    #: The minimum run in force on the start, when the conditions set one.
    minimum: Parameter[int] | None
    value: date


class FirstExpiry(_FirstExpiry, DecisionRecord[date]):
    """What [`first_expiry`][reintegratie_core.products.first_expiry] decided: the parameters it used and the date (``value``).

    A tuple, built once per lifted Excel row; `explain` renders the grounds from it.
    """

    __slots__ = ()

    @ruled("first_expiry")
    def explain(self) -> Explained[date]:
        """The date with its grounds: the rule, its articles and the values it used."""
        parameters: list[tuple[str, ParameterValue]] = [
            ("ingangsdatum_module", self.start),
            ("contractvervaldatum_basis", self.basis_expiry),
            _term_pair(self.term_months, self.term),
        ]
        minimum_text = "na de ingangsdatum"
        citations = list(self.duration.citations)
        minimum = self.minimum
        if minimum is not None:
            parameters.append(minimum.as_pair())
            citations.append(minimum.citation)
            if minimum.value > 0:
                minimum_text = f"op of na ingangsdatum + {minimum.value} maanden"
        rule = (
            f"{self.module.code} krijgt de contractvervaldatum van de basismodule: de eerste "
            f"contractvervaldatum van de basismodule {minimum_text}; de data van de basismodule "
            f"herhalen zich elke {self.term_months} maanden "
            f"(zoals {format_date(self.basis_expiry)})"
        )
        if self.term is not None:
            citations.append(self.term.citation)
        grounds = tuple(
            Ground(rule=rule, citation=c, parameters=tuple(parameters))
            for c in dict.fromkeys(citations)
        )
        return Explained(self.value, grounds)


_new_expiry: Callable[[type[FirstExpiry], tuple[object, ...]], FirstExpiry] = tuple.__new__


def earliest_cancellation(
    product: Product,
    module: Module,
    start: date,
    basis_expiry: date,
    received: date,
    *,
    term: int | None = None,
) -> EarliestCancellation:
    """The earliest date an employer's notice takes effect (``001`` art. 2.3).

    Defined as: the first basis date C = basis_expiry + k·term months with
    start + minimum run months ≤ C (and C > start) and received ≤ C − notice months.
    The module ends per C (its last day is the day before); cancelling it also ends what
    is coupled to it (``001`` art. 2.3: Arbobegeleiding/Arbosignaal).

    Raises [`NotCancellableError`][reintegratie_core.products.NotCancellableError] for a module that cannot be cancelled on its own
    (``004`` art. 2.3, ``003`` art. 1.5.2, ``000`` art. 4.1) and
    [`NotApplicableError`][reintegratie_core.NotApplicableError] when these conditions do not regulate its cancellation.
    """
    if type(module) is not Module:
        raise module_error("module", module)
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    if type(start) is not date or type(basis_expiry) is not date or type(received) is not date:
        raise dates_error(
            ("start", start, False),
            ("basis_expiry", basis_expiry, False),
            ("received", received, False),
        )
    if term is not None:  # none given (the common case): nothing to check, no call per row
        _checked_term(term)
    cancellation = module.cancellation
    if cancellation is None:
        having = [
            m.code
            for m in product.modules
            if m.cancellation is not None and m.cancellation.kind is CancellationKind.AT_BASE_EXPIRY
        ]
        known = ", ".join(having) if having else "geen enkele module van dit product"
        msg = (
            f"de voorwaarden van {product.code} regelen de opzegging van {module.code} niet "
            f"(die valt onder de eigen voorwaarden van die module; opzegdatum bekend voor: {known})"
        )
        raise NotApplicableError(msg)
    if cancellation.kind is _NOT_SEPARATELY:
        where = "; ".join(str(c) for c in cancellation.citations)
        coupled = " of ".join(
            dict.fromkeys(r.source for r in product.couplings if r.target == module.code)
        )
        msg = (
            f"{module.code} kan niet los worden opgezegd; de module eindigt alleen als "
            f"{coupled or 'de module waaraan zij gekoppeld is'} eindigt ({where})"
        )
        raise NotCancellableError(msg)
    duration = module.duration
    if duration is None:
        duration = _duration(product, module)  # raises: no duration rule
    key = (
        _IN_FORCE,
        None if term is not None else duration.term_parameter,
        cancellation.notice_parameter,
        cancellation.min_run_parameter,
    )
    term_parameter, notice, minimum = _in_force(product, key, start)
    term_months = term if term_parameter is None else term_parameter.value
    assert term_months is not None  # a term given, or the product's
    assert notice is not None  # checked by Cancellation
    minimum_months = 0 if minimum is None else minimum.value
    if start == date.max:
        add_days(start, 1)  # C > start: past 9999-12-31 an error naming the date
    k_run = _first_run_index(basis_expiry, term_months, start, minimum_months)
    # received ≤ C − notice months (001 art. 2.3): C in the month notice months after
    # received's or later, and in that month on day received.day or later (C − n months
    # keeps C's day, clamped to received's month, which has received.day; a month too short
    # for received.day has no such C, as _first_index reads a day past a month's end). Such
    # a C is on or after received too. The range errors are those of stepping through the
    # basis dates (the first C ≥ received, then on with the notice date) for a notice of
    # fewer than 29,997 months: the notice date of the first C stepped from is then never
    # before 0001-01-01 without that step's error coming first.
    month = received.year * 12 + received.month - 1
    if month - 2 * term_months < 12:
        # near 0001: the definition steps up to the first C ≥ received from two terms
        # below it, and a date stepped to before 0001-01-01 is the error
        _first_index(basis_expiry, term_months, month, received.day)
    k = _first_index(basis_expiry, term_months, month + notice.value, received.day)
    k = k if k >= k_run else k_run  # noqa: FURB136 - max(k, k_run) without the builtin, per row
    result = _add_months(basis_expiry, k * term_months)  # basis_date(basis_expiry, term, k)
    # cancelling also ends what is coupled to it (001 art. 2.3): decided now (memoised per
    # product, module and reason; the date does not change which modules end), so that a
    # product whose coupling refuses it is an error here, not in RI_UITLEG
    if (_CASCADE, module.code, _BY_EMPLOYER, None) not in product.decided:
        _decided_cascade(product, module.code, _ANY_DAY, _BY_EMPLOYER, None)
    return _new_cancellation(
        EarliestCancellation,
        (
            product,
            module,
            cancellation,
            start,
            basis_expiry,
            received,
            term_months,
            term_parameter,
            notice,
            minimum,
            result,
        ),
    )


class _EarliestCancellation(NamedTuple):
    """The fields of `EarliestCancellation`."""

    product: Product
    module: Module
    cancellation: Cancellation
    start: date
    basis_expiry: date
    received: date
    term_months: int
    #: The product's contract term in force on the start; ``None`` when the caller gave one.
    term: Parameter[int] | None
    notice: Parameter[int]
    #: The minimum run in force on the start, when the conditions set one.
    minimum: Parameter[int] | None
    value: date


class EarliestCancellation(_EarliestCancellation, DecisionRecord[date]):
    """What [`earliest_cancellation`][reintegratie_core.products.earliest_cancellation] decided: the parameters it used and the date
    (``value``). A tuple, built once per lifted Excel row; `explain` renders the
    grounds from it (and the cascade the cancellation sets off)."""

    __slots__ = ()

    @ruled("earliest_cancellation")
    def explain(self) -> Explained[date]:
        """The date with its grounds: the rule, its articles, the values it used, and what
        else the cancellation ends."""
        notice, minimum, result = self.notice, self.minimum, self.value
        parameters: list[tuple[str, ParameterValue]] = [
            ("ingangsdatum_module", self.start),
            ("contractvervaldatum_basis", self.basis_expiry),
            ("ontvangst_opzegging", self.received),
            _term_pair(self.term_months, self.term),
            notice.as_pair(),
        ]
        citations = [*self.cancellation.citations, notice.citation]
        minimum_months = 0
        if minimum is not None:
            minimum_months = minimum.value
            parameters.append(minimum.as_pair())
            citations.append(minimum.citation)
        if self.term is not None:
            citations.append(self.term.citation)
        rule = (
            f"opzegging per de eerste contractvervaldatum C van de basismodule waarop de module "
            f"minstens {minimum_months} maanden heeft gelopen (ingangsdatum + {minimum_months} "
            f"maanden ≤ C) en de opzegging uiterlijk C − {notice.value} maand(en) is ontvangen "
            f"(hier uiterlijk {format_date(_add_months(result, -notice.value))})"
        )
        grounds = [
            Ground(rule=rule, citation=c, parameters=tuple(parameters))
            for c in dict.fromkeys(citations)
        ]
        code = self.module.code
        ended = cascade(self.product, code, result, TerminationReason.OPZEGGING_WERKGEVER).value
        others = [e for e in ended.ended if e.module != code]
        if others:
            also = ", ".join(e.module for e in others)
            grounds.extend(
                Ground(
                    rule=f"de opzegging beëindigt per dezelfde datum ook: {also}",
                    citation=citation,
                )
                for citation in dict.fromkeys(c for e in others for c in e.citations)
            )
        return Explained(result, tuple(grounds))


_new_cancellation: Callable[[type[EarliestCancellation], tuple[object, ...]], EarliestCancellation]
_new_cancellation = tuple.__new__


__all__ = [
    "EarliestCancellation",
    "FirstExpiry",
    "basis_date",
    "earliest_cancellation",
    "first_basis_index",
    "first_expiry",
]
