"""Wrong-typed arguments at the public entry points: a precise error, never a crash inside.

The policy (``src/reintegratie_core/_checks.py``, ``docs/python.md`` "Verkeerde invoer"): a
date argument is a ``datetime.date`` — text and a ``datetime`` are refused; a closed set is
its ``Enum`` member — its text code is refused, with the member to give; a product is a
``Product`` — its code is refused, with ``builtin_product(code)`` to get it; a sickness case
is a ``SicknessCase``. Each refusal is a ``TypeError`` whose message starts with the
argument's name and says what was given.

The public callables are found, not listed: every function, named constructor and public
method reachable from ``__all__`` of ``reintegratie_core`` and its subpackages, and the
constructors of the values a caller builds as input, whose annotation has a date, an
``Enum``, ``Product`` or ``SicknessCase`` parameter. A new public function is covered
without touching this file; one whose other arguments this file cannot build fails
``test_every_target_can_be_called``, so it cannot silently drop out.

``TestJunkEverywhere`` goes further: Hypothesis puts anything (``None``, NaN, huge
numbers, text, lists of junk …) into *every* argument of every public callable, and only
``TypeError`` and ``ReintegratieError`` may escape. ``TestErrorsNameTheParameter`` is the
strict form, over a fixed list of wrong values: a result only for a value of the annotated
type, any error a ``TypeError`` or ``ReintegratieError`` that starts with, and carries, the
name of a parameter of that callable.
"""

from __future__ import annotations

import contextlib
import enum
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reintegratie_core as rc
from reintegratie_core import compensation, financial, products

D = date(2025, 1, 6)
#: A date written the ISO way: a message a user reads shows DD-MM-JJJJ (format_date).
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PRODUCT = rc.builtin_product("asr-reintegratiemanager")
BUDGET_PRODUCT = rc.builtin_product("zeeuwse-prb")
PACKAGES = (rc, products, compensation, financial)

#: Values a caller builds as input: their constructors check their fields.
INPUT_VALUES = (
    rc.Period,
    rc.Absence,
    rc.SicknessCase,
    rc.ModuleContract,
    rc.Policy,
    rc.Event,
    rc.BudgetClaim,
    compensation.Declaration,
    rc.BudgetLedger,
    compensation.ReintegrationConditions,
    compensation.PreventionConditions,
    compensation.SanctionConditions,
    rc.Parameter,
)
#: Methods left to the entry that called them: ``Period``'s comparisons run per day inside
#: the rules (``case_of``, ``overlaps``), after the entry checked its arguments once.
UNCHECKED_METHODS = {"Period.contains", "Period.days", "Period.overlaps"}


class Kind(enum.Enum):
    """What a parameter's annotation asks for."""

    DATE = "date"
    MEMBER = "member"
    PRODUCT = "product"
    CASE = "case"
    FLAG = "flag"


@attrs.frozen
class Checked:
    """One parameter the entry point checks: its kind, the Enum (for a member), optional."""

    name: str
    kind: Kind
    optional: bool
    enum_type: type[enum.Enum] | None = None


@attrs.frozen
class Target:
    """A public callable and the parameters it checks."""

    label: str
    call: Callable[..., object]
    hints: dict[str, object]
    required: tuple[str, ...]
    checked: tuple[Checked, ...]


def _base(hint: object) -> tuple[object, bool]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) in {typing.Union, types.UnionType} and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0], True
    return hint, False


def _checked(name: str, hint: object) -> Checked | None:
    base, optional = _base(hint)
    if base is date:
        return Checked(name, Kind.DATE, optional)
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return Checked(name, Kind.MEMBER, optional, base)
    if base is rc.Product and not optional:
        return Checked(name, Kind.PRODUCT, optional)
    if base is rc.SicknessCase:
        return Checked(name, Kind.CASE, optional)
    if base is bool:
        return Checked(name, Kind.FLAG, optional)
    return None


def _instance(cls: type) -> object:
    """An instance to call ``cls``'s methods on."""
    made: dict[type, Callable[[], object]] = {
        rc.Product: lambda: PRODUCT,
        rc.SicknessCase: lambda: rc.SicknessCase.ongoing(D),
        rc.BudgetLedger: lambda: rc.BudgetLedger(
            product=BUDGET_PRODUCT, absences=[rc.Absence.sick(D)]
        ),
        rc.ModuleContract: lambda: rc.ModuleContract(module="basis-verzuim", start=D),
        rc.Policy: lambda: rc.Policy.of(PRODUCT, {"basis-verzuim": D}),
        rc.ProductRules: lambda: PRODUCT.events,
        rc.Module: lambda: PRODUCT.module("basis-verzuim"),
        rc.ParameterHistory: lambda: PRODUCT.parameter_history("interventievergoeding"),
        financial.ClassBand: lambda: financial.CLASS_BANDS[0],
        rc.Explained: lambda: rc.Explained(1, ()),
        rc.DecisionRecord: lambda: rc.products.eligible(PRODUCT, rc.SicknessCase.ongoing(D), D),
        rc.Event: lambda: rc.Event(date=D, kind=rc.EventKind.SCHORSING),
        rc.Cascade: lambda: rc.cascade(PRODUCT, "basis-verzuim", D).value,
        financial.HalfYearRates: lambda: financial.RATES[0],
        financial.RatesInForce: lambda: financial.rates_on(D),
    }
    if cls in made:
        return made[cls]()
    found = _reachable(cls)
    assert found is not None, f"geen {cls.__name__} te vinden voor de test"
    return found


def _reachable(cls: type) -> object | None:
    """The first ``cls`` instance among the built-in products' fields (rules, tables)."""
    seen: set[int] = set()
    stack: list[object] = list(products.BUILTIN_PRODUCTS)
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if type(value) is cls:
            return value
        if attrs.has(type(value)):
            stack.extend(
                getattr(value, f.name)
                for f in attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
            )
        elif isinstance(value, tuple | list | frozenset):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
    return None


def _callables() -> Iterator[tuple[str, Callable[..., object], Callable[..., object]]]:
    """(label, the callable to call, the function whose annotations describe it)."""
    seen: set[int] = set()
    for package in PACKAGES:
        for name in package.__all__:
            obj = getattr(package, name)
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if inspect.isfunction(obj):
                yield name, obj, obj
            elif inspect.isclass(obj) and not issubclass(obj, enum.Enum | BaseException):
                for attr, member in vars(obj).items():
                    label = f"{obj.__name__}.{attr}"
                    if label in UNCHECKED_METHODS or attr.startswith("_"):
                        continue
                    if isinstance(member, classmethod):
                        yield label, getattr(obj, attr), member.__func__
                    elif inspect.isfunction(member):
                        yield label, _bound(obj, attr), member
                if obj in INPUT_VALUES:
                    yield f"{obj.__name__}()", obj, obj


def _bound(cls: type, attr: str) -> Callable[..., object]:
    def call(*args: object, **kwargs: object) -> object:
        method: Callable[..., object] = getattr(_instance(cls), attr)
        return method(*args, **kwargs)

    return call


def _targets(*, every: bool = False) -> list[Target]:
    """The public callables with a checked parameter (``every``: all of them)."""
    found = []
    for label, call, described in _callables():
        if inspect.isclass(described):
            hints = typing.get_type_hints(described)
            fields = [
                f for f in attrs.fields(cast("type[attrs.AttrsInstance]", described)) if f.init
            ]
            params = {f.alias: hints[f.name] for f in fields}
            required = tuple(f.alias for f in fields if f.default is attrs.NOTHING)
        else:
            hints = typing.get_type_hints(described, localns={"Product": rc.Product})
            signature = inspect.signature(described)
            names = [
                n
                for n, p in signature.parameters.items()
                if n not in {"self", "cls"} and p.kind is not p.VAR_POSITIONAL
            ]
            params = {n: hints.get(n, object) for n in names}
            required = tuple(
                n for n in names if signature.parameters[n].default is inspect.Parameter.empty
            )
        checked = tuple(c for n, h in params.items() if (c := _checked(n, h)) is not None)
        if checked or (every and params):
            found.append(Target(label, call, params, required, checked))
    return found


TARGETS = _targets()


def _callable_with_samples(target: Target) -> bool:
    """Whether this file can build the target's instance and other arguments; only the
    methods of result records (a ``NamedTuple`` a rule returns, such as ``WeeklyWage.text``)
    cannot be, and need not: a caller does not build them."""
    owner = target.label.split(".")[0]
    cls = next((getattr(m, owner) for m in PACKAGES if hasattr(m, owner)), None)
    if "." in target.label and isinstance(cls, type) and issubclass(cls, tuple):
        return _reachable(cls) is not None
    return True


EVERY = [t for t in _targets(every=True) if _callable_with_samples(t)]

#: A valid value for a parameter that is not under test, by name (first) or annotation.
BY_NAME: dict[str, object] = {
    "module": "basis-verzuim",
    "ended_module": "reintegratiemanager",
    "name": "interventievergoeding",
    "starts": {"basis-verzuim": D},
    "periods": (rc.Period(D),),
    "contracts": [rc.ModuleContract(module="basis-verzuim", start=D)],
    "term_months": 12,
    "premium_year": 2025,
    "costs": Decimal(1000),
}


def _sample(name: str, hint: object) -> object:
    base, _ = _base(hint)
    if name in BY_NAME and (not isinstance(base, type) or isinstance(BY_NAME[name], base)):
        return BY_NAME[name]
    origin = typing.get_origin(base)
    args = typing.get_args(base)
    simple: dict[object, object] = {
        date: D,
        rc.Product: PRODUCT,
        rc.SicknessCase: rc.SicknessCase.ongoing(D),
        rc.Module: PRODUCT.module("basis-verzuim"),
        rc.Period: rc.Period(D),
        str: "x",
        int: 1,
        bool: False,
        Decimal: Decimal(1000),
    }
    if base in simple:
        return simple[base]
    if base is rc.ProductRules:
        return PRODUCT.events
    if base is rc.Event:
        return rc.Event(date=D, kind=rc.EventKind.SCHORSING)
    if base is object:
        return "x"
    if isinstance(base, typing.TypeVar):  # a Parameter's value
        return Decimal(1)
    if base is rc.Citation:
        return rc.Citation.seed("003", "2.6.1")
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return next(iter(base))
    if origin in {typing.Union, types.UnionType} and Decimal in args:
        return Decimal(1000)  # AmountLike
    if origin is not None and args and args[0] is rc.Absence:
        return [rc.Absence.sick(D)]
    if origin is tuple:
        return ()
    if origin is not None and args:
        return []  # events, declarations, done milestones ...
    msg = f"geen voorbeeldwaarde voor {name}: {hint}"
    raise LookupError(msg)


def _arguments(target: Target, replaced: str, value: object) -> dict[str, object]:
    arguments = {n: _sample(n, target.hints[n]) for n in target.required if n != replaced}
    arguments[replaced] = value
    return arguments


def _valid(target: Target, checked: Checked) -> object:
    return _sample(checked.name, _base(target.hints[checked.name])[0])


def _wrong(checked: Checked) -> list[object]:
    """Values of the wrong type for a checked parameter, as a user might pass them."""
    missing = [] if checked.optional else [None]
    if checked.kind is Kind.DATE:
        return ["2025-01-06", datetime(2025, 1, 6), 20250106, *missing]
    if checked.kind is Kind.MEMBER:
        assert checked.enum_type is not None
        return [next(iter(checked.enum_type)).value, 0, *missing]
    if checked.kind is Kind.PRODUCT:
        return ["asr-reintegratie", BUDGET_PRODUCT.events, None]
    if checked.kind is Kind.FLAG:  # "nee" and 1 are true to Python: never a silent yes
        return ["nee", 1, *missing]
    return [D, "x", *missing]


CASES = [
    pytest.param(target, checked, wrong, id=f"{target.label}-{checked.name}-{type(wrong).__name__}")
    for target in TARGETS
    for checked in target.checked
    for wrong in _wrong(checked)
]
PAIRS = [
    pytest.param(target, checked, id=f"{target.label}-{checked.name}")
    for target in TARGETS
    for checked in target.checked
]
EVERY_PARAMETER = [
    pytest.param(target, name, id=f"{target.label}-{name}")
    for target in EVERY
    for name in target.hints
]


def _call(target: Target, arguments: dict[str, object]) -> object:
    return target.call(**arguments)


class TestDiscovery:
    def test_the_public_api_is_found(self) -> None:
        """The walk finds the entry points the user review named (not an empty list)."""
        labels = {t.label for t in TARGETS}
        assert {
            "milestone_date",
            "cascade",
            "consequences",
            "entitlement_status",
            "timeline",
            "SicknessCase.ongoing",
            "Period.from_inclusive",
            "Period()",
        } <= labels
        assert len(PAIRS) > 100

    @pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.label)
    def test_every_target_can_be_called(self, target: Target) -> None:
        """With right-typed arguments no entry point raises a TypeError: the refusals
        below come from the one wrong argument (a rule may still refuse the values with
        a ReintegratieError)."""
        first = target.checked[0]
        with contextlib.suppress(rc.ReintegratieError):
            _call(target, _arguments(target, first.name, _valid(target, first)))


class TestWrongTypes:
    @pytest.mark.parametrize(("target", "checked", "wrong"), CASES)
    def test_a_wrong_type_is_a_type_error_naming_the_argument(
        self, target: Target, checked: Checked, wrong: object
    ) -> None:
        """Text, a datetime, a number or a missing value where a date, an Enum member, a
        Product or a SicknessCase belongs: a TypeError naming the argument."""
        with pytest.raises(TypeError) as caught:
            _call(target, _arguments(target, checked.name, wrong))
        assert str(caught.value).startswith(f"{checked.name}: "), str(caught.value)
        assert type(wrong).__name__ in str(caught.value)

    @settings(max_examples=25)
    @given(data=st.data())
    @pytest.mark.parametrize(("target", "checked"), PAIRS)
    def test_junk_raises_only_the_documented_errors(
        self, target: Target, checked: Checked, data: st.DataObject
    ) -> None:
        """Anything at all in a checked argument: the call succeeds or raises a TypeError
        or a ReintegratieError — never an AttributeError, KeyError or the like."""
        junk = data.draw(JUNK, label=checked.name)
        with contextlib.suppress(TypeError, rc.ReintegratieError):
            _call(target, _arguments(target, checked.name, junk))


class TestJunkEverywhere:
    def test_the_walk_covers_the_api(self) -> None:
        """Every public function and input value is walked, not only the checked ones;
        only result records' methods are left out."""
        labels = {t.label for t in EVERY}
        assert {"merge_cases", "builtin_product", "employee_key", "round_cents"} <= labels
        assert len(EVERY_PARAMETER) > 300

    @settings(max_examples=15)
    @given(data=st.data())
    @pytest.mark.parametrize(("target", "name"), EVERY_PARAMETER)
    def test_junk_in_any_argument_raises_only_the_documented_errors(
        self, target: Target, name: str, data: st.DataObject
    ) -> None:
        """Anything at all in any argument of any public callable (a list where a code
        belongs, text in a list of absences, a NaN where a count belongs): the call
        succeeds or raises a TypeError or a ReintegratieError."""
        junk = data.draw(JUNK_ANYWHERE, label=name)
        with contextlib.suppress(TypeError, rc.ReintegratieError):
            _call(target, _arguments(target, name, junk))


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.dates(),
    st.datetimes(),
    st.decimals(),
    st.lists(st.integers(), max_size=3),
    st.sampled_from([m.value for m in rc.Milestone]),
    st.sampled_from([product.code for product in products.BUILTIN_PRODUCTS]),
)
JUNK_ANYWHERE = st.one_of(
    JUNK,
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5), st.dates()), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just(object()),
    st.just(b"bytes"),
    st.just(Decimal("NaN")),
)


class TestMessages:
    def test_a_text_date(self) -> None:
        """A date as text names the argument and shows the text."""
        case = rc.SicknessCase.ongoing(D)
        with pytest.raises(
            TypeError, match=r"^reference: verwacht een date, kreeg str '2025-01-06'"
        ):
            rc.remaining_weeks(case, "2025-01-06")  # type: ignore[arg-type]

    def test_a_datetime_is_refused_not_kept(self) -> None:
        """``SicknessCase.ongoing(datetime)`` refuses it: a datetime would travel into every
        result (policy: refuse, the caller gives ``.date()``)."""
        with pytest.raises(TypeError, match=r"^first_sick_day: .*datetime.*\.date\(\)"):
            rc.SicknessCase.ongoing(datetime(2025, 1, 6, 9, 30))

    def test_period_from_text(self) -> None:
        """``Period.from_inclusive`` with text names ``first`` or ``last``."""
        with pytest.raises(TypeError, match=r"^first: "):
            rc.Period.from_inclusive("2025-01-06")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^last: "):
            rc.Period.from_inclusive(D, "2025-01-31")  # type: ignore[arg-type]

    def test_a_milestone_code_is_told_its_member(self) -> None:
        """A milestone's text code is refused with the member to give."""
        case = rc.SicknessCase.ongoing(D)
        with pytest.raises(TypeError, match=r"geef Milestone\.PROBLEEMANALYSE"):
            rc.milestone_date(case, "probleemanalyse")  # type: ignore[arg-type]

    def test_an_unknown_code_lists_the_members(self) -> None:
        """Text that is no code lists the accepted codes."""
        with pytest.raises(TypeError, match=r"een van: .*probleemanalyse"):
            rc.milestone_date(rc.SicknessCase.ongoing(D), "pa")  # type: ignore[arg-type]

    def test_a_product_code_is_told_how_to_get_the_product(self) -> None:
        """A product's code is refused with ``builtin_product(code)``."""
        with pytest.raises(TypeError, match=r"builtin_product\('asr-reintegratiemanager'\)"):
            rc.cascade("asr-reintegratiemanager", "basis-verzuim", D)  # type: ignore[arg-type]

    @pytest.mark.parametrize("product", products.BUILTIN_PRODUCTS, ids=lambda p: p.code)
    def test_an_event_table_is_told_its_product(self, product: products.Product) -> None:
        """A product's event table (``product.events``, a ``ProductRules``) given as the
        product is refused with the product to give, both ways of naming it — and each
        names that very product (user review: ``rc.ZEEUWSE_PRB`` was the table)."""
        with pytest.raises(TypeError, match=r"^product: verwacht een Product") as raised:
            rc.cascade(product.events, product.module_codes[0], D)  # type: ignore[arg-type]
        suggested = re.search(
            r"geef het Product, bijv\. rc\.products\.(\w+) of builtin_product\('([^']+)'\)$",
            str(raised.value),
        )
        assert suggested is not None, raised.value
        assert getattr(rc.products, suggested[1]) is product
        assert rc.builtin_product(suggested[2]) is product

    def test_the_event_table_of_a_loaded_product_is_told_to_load_it(self) -> None:
        """The table of a product that is not built in points to ``load_product``."""
        assert BUDGET_PRODUCT.events is not None
        table = attrs.evolve(BUDGET_PRODUCT.events, product="eigen-product")
        with pytest.raises(TypeError, match=r"geef het Product, bijv\. load_product\(tekst\)$"):
            rc.cascade(table, "prb", D)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("make", "argument"),
        [
            (rc.SicknessCase.ongoing_many, "first_sick_days[1]"),
            (rc.Absence.sick_many, "first_days[1]"),
        ],
    )
    def test_a_column_names_the_row(
        self, make: Callable[[list[object]], object], argument: str
    ) -> None:
        """A column of first sick days with one wrong cell names that cell."""
        with pytest.raises(TypeError, match="^" + re.escape(argument) + ": "):
            make([D, "2025-01-07", D])

    def test_the_right_types_still_work(self) -> None:
        """The checks refuse only wrong types: a date, a member and a product pass."""
        case = rc.SicknessCase.ongoing(D)
        assert rc.milestone_date(case, rc.Milestone.PROBLEEMANALYSE).value == date(2025, 2, 16)


#: Dates at the ends of the calendar: ``date.min``/``date.max`` and the two years next to them.
EXTREME_DATES = st.one_of(
    st.sampled_from([date.min, date.max, date(9999, 12, 30), date(1, 1, 2)]),
    st.dates(max_value=date(2, 12, 31)),
    st.dates(min_value=date(9998, 1, 1)),
)
DATE_TARGETS = [t for t in EVERY if any(_base(h)[0] is date for h in t.hints.values())]


class TestExtremeDates:
    def test_the_walk_finds_the_date_functions(self) -> None:
        """The date functions the review named are among them."""
        labels = {t.label for t in DATE_TARGETS}
        assert {"counted_sick_days", "milestone_date", "add_days", "timeline"} <= labels

    @settings(max_examples=30)
    @given(data=st.data())
    @pytest.mark.parametrize("target", DATE_TARGETS, ids=lambda t: t.label)
    def test_dates_at_the_ends_of_the_calendar_raise_only_the_documented_errors(
        self, target: Target, data: st.DataObject
    ) -> None:
        """User review: ``counted_sick_days(absences, date.max)`` raised a bare
        ``OverflowError``. Every date argument of a public callable is the usual day or a day
        near ``date.min``/``date.max`` (the others as usual): the call and its explanation
        succeed or raise a TypeError or a ReintegratieError — date arithmetic past
        9999-12-31 is an error that says so, never Python's ``OverflowError``. Its message
        shows the dates the Dutch way (31-12-9999), never ISO."""
        arguments = {n: _sample(n, target.hints[n]) for n in target.required}
        for name, hint in target.hints.items():
            if _base(hint)[0] is date:
                arguments[name] = data.draw(st.one_of(st.just(D), EXTREME_DATES), label=name)
        message = ""
        with contextlib.suppress(TypeError):
            try:
                result = _call(target, arguments)
                explain = getattr(result, "explain", None)
                if callable(explain):
                    explain().text()
            except rc.ReintegratieError as exc:
                message = str(exc)
        assert not ISO_DATE.search(message), message


_ABSENCE = rc.Absence.sick(D)
_EVENT = rc.Event(date=D, kind=rc.EventKind.SCHORSING)
_CLAIM = rc.BudgetClaim(sick_day=D, costs=Decimal(1))
_CONTRACT = rc.ModuleContract(module="basis-verzuim", start=D)
_LEDGER = rc.BudgetLedger(product=BUDGET_PRODUCT, absences=[_ABSENCE])

#: (label, the call with one value where a list belongs, the argument's name).
ONE_FOR_A_LIST: list[tuple[str, Callable[..., object], str]] = [
    ("merge_cases", rc.merge_cases, "absences"),
    ("last_case", rc.last_case, "absences"),
    ("counted_sick_days", lambda v: rc.counted_sick_days(v, D), "absences"),
    ("case_of", lambda v: rc.case_of(v, D), "absences"),
    ("budget_cases", compensation.budget_cases, "absences"),
    (
        "BudgetLedger",
        lambda v: rc.BudgetLedger(product=BUDGET_PRODUCT, absences=v),
        "absences",
    ),
    ("record_all", _LEDGER.record_all, "claims"),
    (
        "budget_balances",
        lambda v: compensation.budget_balances(BUDGET_PRODUCT, [_ABSENCE], v),
        "declarations",
    ),
    ("applicable", lambda v: rc.applicable(v, D), "events"),
    (
        "entitlement_statuses",
        lambda v: rc.entitlement_statuses(PRODUCT, v, D),
        "events",
    ),
    (
        "guidance_continues",
        lambda v: rc.guidance_continues(PRODUCT, v, D, D),
        "absences",
    ),
    ("Policy", lambda v: rc.Policy(product=PRODUCT, contracts=v), "contracts"),
    ("cascade", lambda v: rc.cascade(PRODUCT, "basis-verzuim", D, held=v), "held"),
    ("ends_with", lambda v: rc.ends_with(PRODUCT, "arbosignaal", "basis-verzuim", held=v), "held"),
    ("ongoing_many", rc.SicknessCase.ongoing_many, "first_sick_days"),
    ("cite", rc.cite, "citations"),
]
_ONE = {
    "absences": _ABSENCE,
    "claims": _CLAIM,
    "declarations": compensation.Declaration(
        day=D, kind=compensation.BudgetKind.REINTEGRATIE, amount=Decimal(1)
    ),
    "events": _EVENT,
    "contracts": _CONTRACT,
    "held": "basis-verzuim",
    "first_sick_days": D,
    "citations": rc.Citation.seed("003", "2.6.1"),
}


class TestOneValueForAList:
    @pytest.mark.parametrize(
        ("call", "name"), [pytest.param(c, n, id=label) for label, c, n in ONE_FOR_A_LIST]
    )
    def test_one_value_is_told_to_be_a_list(self, call: Callable[..., object], name: str) -> None:
        """One Absence (Event, module code …) where a list belongs, or None: a TypeError
        naming the argument, not Python's "object is not iterable" (nor a code read letter
        by letter); docs/python.md: lists hold only their own kind of values."""
        with pytest.raises(TypeError, match=rf"^{name}: verwacht een lijst van .*\[waarde\]"):
            call(_ONE[name])
        if name != "held":  # held=None is every module of the product
            with pytest.raises(TypeError, match=rf"^{name}: verwacht een lijst van "):
                call(None)


#: Wrong values a caller might pass to any parameter: a float where an exact amount belongs,
#: a negative, a NaN, an amount past the largest, text, nothing, a list, a dict, something
#: else, bytes, an empty tuple, a datetime where a date belongs, a bool where a number does,
#: a date where anything else does.
BAD_VALUES: tuple[object, ...] = (
    1.5,
    Decimal(-1),
    -1,
    0,
    Decimal("NaN"),
    Decimal(10**13),
    2,
    "x",
    None,
    [1],
    {},
    object(),
    b"bytes",
    (),
    datetime(2025, 1, 6, 9, 30),
    True,
    D,
)
#: Parameters that are the name the message gives (``money(value, name="costs")``): a
#: label chosen by the calling code, not data; it is not checked on the hot paths
#: (``money`` converts every amount of a lifted Excel column).
CALLERS_NAME = {("name", "money"), ("name", "fraction"), ("name", "check_sanction_weeks")}
#: The name a message starts with: ``costs: …``, ``absences[2]: …``.
LEADING_NAME = re.compile(r"^([A-Za-z_]\w*)(?:\[\d+\])?: ")


def _accepted(target: Target, name: str) -> object:
    """The annotation of what the callable accepts for ``name``: an input value's
    constructor accepts what its converters take (``costs: AmountLike``)."""
    if target.label.endswith("()"):
        return typing.get_type_hints(target.call.__init__).get(name, target.hints[name])  # type: ignore[misc]
    return target.hints[name]


def _conforms(value: object, hint: object) -> bool:
    """Whether ``value`` is of the type ``hint`` says, as the policy reads it: a date is
    no ``datetime``, a number no ``bool``, a list any iterable but text."""
    if hint is object or isinstance(hint, typing.TypeVar) or hint is typing.Any:
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in {typing.Union, types.UnionType}:
        return any(_conforms(value, arg) for arg in args)
    if origin is None:
        if hint in {date, int, bool, str}:
            return type(value) is hint
        if hint is float:
            return type(value) in {int, float}
        return isinstance(hint, type) and isinstance(value, hint)
    if origin in {Mapping, dict}:
        return isinstance(value, Mapping) and all(
            _conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items()
        )
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        return (
            isinstance(value, tuple | list)
            and len(value) == len(args)
            and all(_conforms(v, a) for v, a in zip(value, args, strict=True))
        )
    if origin in {tuple, frozenset, list, set, Iterable, Sequence}:
        element = args[0] if args else object
        return (
            isinstance(value, Iterable)
            and not isinstance(value, str | bytes)
            and all(_conforms(v, element) for v in value)
        )
    return isinstance(origin, type) and isinstance(value, origin)  # Parameter[Decimal] …


def _unnamed(target: Target, name: str, bad: object) -> str | None:
    """What is wrong with calling ``target`` with ``bad`` as ``name`` (``None``: nothing)."""
    try:
        _call(target, _arguments(target, name, bad))
    except (TypeError, rc.ReintegratieError) as exc:
        conforms = _conforms(bad, _accepted(target, name))
        if conforms and isinstance(exc, rc.NotApplicableError):
            return None  # a rule that does not apply to right values: an answer, no refusal
        text = str(exc)
        match = LEADING_NAME.match(text)
        if (name, target.label) in CALLERS_NAME:
            return None
        if match is None or match[1] not in target.hints:
            return f"{bad!r}: {type(exc).__name__} noemt geen parameter: {text}"
        if rc.error_argument(exc) != (match[0][:-2], text[match.end() :]):
            return f"{bad!r}: {type(exc).__name__} draagt zijn argument niet: {text}"
        return None
    except Exception as exc:  # noqa: BLE001 - the very thing this test looks for
        return f"{bad!r}: {type(exc).__name__}: {exc}"
    if (name, target.label) in CALLERS_NAME or _conforms(bad, _accepted(target, name)):
        return None
    return f"{bad!r}: aangenomen, maar geen {_accepted(target, name)}"


class TestErrorsNameTheParameter:
    @pytest.mark.parametrize(("target", "name"), EVERY_PARAMETER)
    def test_junk_is_a_result_or_an_error_naming_a_parameter(
        self, target: Target, name: str
    ) -> None:
        """docs/python.md "Verkeerde invoer": a wrong argument is at once a TypeError or a
        ReintegratieError that names it, never an error from deep inside. For every public
        callable and every parameter, each of `BAD_VALUES`: a result only when the value is
        of the annotated type (``"x"`` for a ``str``), otherwise — and for any error — a
        ``TypeError`` or ``ReintegratieError`` whose message starts with a parameter of that
        callable (``costs: -1 is negatief …``, never the Excel name ``kosten``) and which
        carries it (``error_argument``). Only a rule that does not apply to values of the
        right type may answer with an unnamed ``NotApplicableError``."""
        problems = [p for bad in BAD_VALUES if (p := _unnamed(target, name, bad)) is not None]
        assert not problems, "\n".join(problems)

    def test_the_sweep_sees_a_silent_acceptance(self) -> None:
        """The sweep fails a callable that takes junk without a word: a date where the
        ``ns`` of ``day_offsets`` belong is no list of day numbers."""
        assert _conforms([1, 2], Sequence[int])
        assert not _conforms([1.5], Sequence[int])
        assert not _conforms(datetime(2025, 1, 6), date)
        assert not _conforms(True, int)
        assert _conforms(None, int | None)


class TestUnhashableCodes:
    """A list or dict where a code belongs is a TypeError naming ``code``, not Python's
    ``unhashable type: 'list'`` from the look-up cache or the module table."""

    @pytest.mark.parametrize("value", [[1], {"a": 1}, {1}])
    @pytest.mark.parametrize(
        "lookup",
        [rc.builtin_product, rc.ZEEUWSE_PRB.module, products.canonical],
        ids=["builtin_product", "Product.module", "canonical"],
    )
    def test_named(self, lookup: Callable[[object], object], value: object) -> None:
        with pytest.raises(TypeError, match=r"^code: verwacht tekst \(str\)"):
            lookup(value)
