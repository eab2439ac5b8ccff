"""Insurer-defined products from TOML (cattrs at the edge; domein §7).

An insurer describes its own product variant in a TOML file with Dutch keys that mirror
[`Product`][reintegratie_core.products.Product] (see ``docs/examples/eigen-product.toml``):

```text
code = "eigen-verzuimpakket"
naam = "Eigen Verzuimpakket"
bronnen = ["Voorwaarden Eigen Verzuimpakket 2026 art. 1"]
dienstverleningsmodule = "begeleiding"
recht_op_dienstverlening = { module = "begeleiding", bronnen = ["... art. 3.2"] }

[[modules]]
code = "begeleiding"
...
```

A citation is text ``"<bron> art. <artikel>"``: with a seed code (``000``–``004``) as the
source it cites that seed, any other source (a statute, the insurer's own conditions) is
cited as a document; ``"besluit §8"`` cites a recorded decision. Parameters are a list of
dated values (``naam``, ``waarde``, ``bron``, ``geldig_vanaf``); whole numbers stay whole,
decimals are written as text (``"0.70"``) so that no binary fraction enters. A parameter with
the name of a built-in one means the same and reads in its unit in an explanation
([`PARAMETER_UNITS`][reintegratie_core.PARAMETER_UNITS]: ``reintegratiebudget`` in euros,
``herstel_terugval_dagen`` in days); any other is a plain number. Its value must fit that
kind ([`check_product_parameter`][reintegratie_core.check_product_parameter]: an amount
≥ 0 in whole cents, a share from 0 to 1, a term a whole number ≥ 0), else the row is
refused by its path (``parameters[3].waarde``).

[`load_product`][reintegratie_core.products.load_product] refuses invalid input with a [`ProductFileError`][reintegratie_core.products.ProductFileError] whose message
names every wrong field by its path (``modules[1].koppelingen[0].naar``) and says what is
accepted. [`unstructure_product`][reintegratie_core.products.unstructure_product] / [`structure_product`][reintegratie_core.products.structure_product] are the two directions of
the same mapping; ``structure_product(unstructure_product(p)) == p`` for every product.
"""

from __future__ import annotations

import enum
import functools
import math
import re
import tomllib
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeAlias, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.gen._consts import AttributeOverride

from reintegratie_core._checks import instance_error, product_error, text_error
from reintegratie_core._entitlements import Effect, EventRule, Granted, ProductRules
from reintegratie_core._errors import InvalidValueError, argument_error, error_argument
from reintegratie_core._explain import SEEDS, Citation, SourceKind, Unit
from reintegratie_core._parameters import Parameter, ParameterHistory
from reintegratie_core._product_parameters import PARAMETER_UNITS, check_product_parameter
from reintegratie_core.products import _model
from reintegratie_core.products._model import (
    Product,
    ProductDefinitionError,
    ProductParameter,
)

#: Attribute name → TOML key, the same in every class (so error paths translate back).
KEYS: dict[str, str] = {
    "name": "naam",
    "aliases": "aliassen",
    "citations": "bronnen",
    "couplings": "koppelingen",
    "service_module": "dienstverleningsmodule",
    "eligibility": "recht_op_dienstverlening",
    "choice_group": "keuzegroep",
    "termination": "beeindiging",
    "duration": "looptijd",
    "cancellation": "opzegging",
    "consequences": "gevolgen",
    "reasons": "redenen",
    "source": "van",
    "target": "naar",
    "unless": "behalve_bij",
    "only": "alleen_bij",
    "min_run_parameter": "minimale_looptijd",
    "term_parameter": "contracttermijn",
    "notice_parameter": "opzegtermijn",
    "kind": "soort",
    "description": "omschrijving",
    "relapse_parameter": "terugvaltermijn",
    "reason_of": "reden_van",
    "sanction_extension": "verlenging_bij_loonsanctie",
    # the event table (domain §5)
    "events": "gebeurtenissen",
    "granted": "aanspraken",
    "rules": "regels",
    "rule": "regel",
    "entitlement": "aanspraak",
    "state": "status",
    "lifts": "heft_op",
    "scope": "geldt_voor",
    "effects": "effecten",
    # interventions and their exclusions (domain §6, §8.1)
    "interventions": "interventies",
    "share": "aandeel",
    "start_citations": "bronnen_ingangsdatum",
    "assessor": "beoordelaar",
    "excluded": "uitgesloten",
    "exclusion_citations": "bronnen_uitsluiting",
    "elsewhere": "elders",
}

_V = TypeVar("_V")
#: The classes of a product's event table, read from the file like the product's own.
_EVENT_TABLE_CLASSES = (ProductRules, EventRule, Effect, Granted)
_ParametersType: TypeAlias = tuple[ProductParameter, ...]
_CITATION_HINT = (
    "verwacht tekst als '001 art. 2.3', '002 «titel»', 'Voorwaarden X art. 4' of 'besluit §8'"
)
_DATE_HINT = "verwacht een datum, bijv. 2026-01-01"


class ProductFileError(InvalidValueError):
    """A product file that cannot be read: each wrong field named by its path.

    ``argument`` is the argument that held the file (``toml_text``, ``data``): the message
    starts with it, and the error carries it.
    """

    def __init__(self, problems: list[str], argument: str = "toml_text") -> None:
        self.problems = tuple(problems)
        self.argument = argument
        self.reason = "productdefinitie ongeldig: " + "; ".join(problems)
        super().__init__(f"{argument}: {self.reason}")


# --- leaf conversions ---------------------------------------------------------------------


def citation_text(citation: Citation) -> str:
    """A citation as the product file writes it: ``"001 art. 2.3"``, ``"besluit §8"``."""
    if type(citation) is not Citation:
        raise instance_error("citation", citation, Citation)
    if citation.kind is SourceKind.DECISION:
        return f"besluit {citation.article}"
    if citation.kind is SourceKind.SEED and not citation.article[:1].isdigit():
        return f"{citation.source} «{citation.article}»"
    return f"{citation.source} art. {citation.article}"


def parse_citation(text: object) -> Citation:
    """A citation from its product-file text (see [`citation_text`][reintegratie_core.products.citation_text])."""
    if not isinstance(text, str):
        raise argument_error(TypeError, "text", f"{text!r} is geen tekst ({_CITATION_HINT})")
    stripped = text.strip()
    if stripped.lower().startswith("besluit "):
        return Citation.decision(stripped[len("besluit ") :].strip())
    titled = re.fullmatch(r"(\S+)\s+«(.+)»", stripped)
    if titled and titled.group(1) in SEEDS:
        return Citation.seed(titled.group(1), titled.group(2).strip())
    source, separator, article = stripped.partition(" art. ")
    if not separator or not source.strip() or not article.strip():
        reason = f"{text!r} is geen bron ({_CITATION_HINT})"
        raise argument_error(InvalidValueError, "text", reason)
    source, article = source.strip(), article.strip()
    if source in SEEDS:
        return Citation.seed(source, article)
    return Citation.statute(source, article)


def _citation_field(value: object) -> Citation:
    """[`parse_citation`][reintegratie_core.products.parse_citation] for a product file's
    field: the error without the argument's name (the field's path names it)."""
    try:
        return parse_citation(value)
    except (TypeError, InvalidValueError) as exc:
        named = error_argument(exc)
        raise type(exc)(str(exc) if named is None else named[1]) from None


def _strict_str(value: object, _type: object) -> str:
    if not isinstance(value, str):
        msg = f"{value!r} is geen tekst (verwacht tekst tussen aanhalingstekens)"
        raise TypeError(msg)
    return value


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    known = ", ".join(str(m.value) for m in cls)

    def hook(value: object, _type: object) -> enum.Enum:
        if isinstance(value, str):
            key = re.sub(r"[\s\-_]+", "_", value.strip().lower())
            for member in cls:
                if member.value in {key, value}:
                    return member
        msg = f"onbekende waarde {value!r} (bekend: {known})"
        raise ValueError(msg)

    return hook


def _date_hook(value: object, _type: object) -> date:
    if isinstance(value, datetime):
        msg = f"{value!r} is een tijdstip ({_DATE_HINT})"
        raise TypeError(msg)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    msg = f"{value!r} is geen datum ({_DATE_HINT})"
    raise ValueError(msg)


def _number(value: object) -> int | Decimal:
    if isinstance(value, bool):
        msg = f'{value!r} is geen getal (verwacht een geheel getal of tekst als "0.70")'
        raise TypeError(msg)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            msg = f"{value!r} is geen eindig getal (nan en inf zijn niet toegestaan)"
            raise ValueError(msg)
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            number = Decimal("NaN")
        if number.is_finite():
            return number
    msg = f'{value!r} is geen getal (verwacht een geheel getal of tekst als "0.70")'
    raise ValueError(msg)


# --- the converter ------------------------------------------------------------------------


_PARAMETER_KEYS = ("naam", "waarde", "bron", "geldig_vanaf")


def _field(row: dict[str, object], key: str, convert: Callable[[object], _V]) -> _V:
    try:
        return convert(row[key])
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{key}: {exc}") from None


def _parameter_row(row: object) -> Parameter[int] | Parameter[Decimal]:
    """One ``[[parameters]]`` row: a dated, cited value."""
    if not isinstance(row, dict):
        msg = "verwacht een tabel met naam, waarde, bron, geldig_vanaf"
        raise TypeError(msg)
    extra = set(row) - set(_PARAMETER_KEYS)
    if extra:
        raise ForbiddenExtraKeysError("", dict, extra)
    missing = [key for key in _PARAMETER_KEYS if key not in row]
    if missing:
        msg = f"ontbreekt: {', '.join(missing)}"
        raise KeyError(msg)
    name = _field(row, "naam", lambda v: _strict_str(v, str))
    number = _field(row, "waarde", _number)
    citation = _field(row, "bron", _citation_field)
    valid_from = _field(row, "geldig_vanaf", lambda v: _date_hook(v, date))
    # a parameter of a built-in name means what the built-in one means, its unit included
    unit = PARAMETER_UNITS.get(name, Unit.NUMBER)
    parameter: Parameter[int] | Parameter[Decimal]
    if isinstance(number, int):
        parameter = Parameter(
            name=name, value=number, citation=citation, valid_from=valid_from, unit=unit
        )
    else:
        parameter = Parameter(
            name=name, value=number, citation=citation, valid_from=valid_from, unit=unit
        )
    try:  # the one check of a value by its kind, here so that it names the row
        check_product_parameter(parameter)
    except InvalidValueError as exc:
        msg = f"waarde: {exc}"
        raise ValueError(msg) from None
    return parameter


def _structure_parameters(value: object, _type: object) -> _ParametersType:
    """``[[parameters]]`` rows (one per dated version) → one history per name."""
    if not isinstance(value, list):
        msg = "verwacht een lijst [[parameters]] met naam, waarde, bron, geldig_vanaf"
        raise TypeError(msg)
    rows: list[Parameter[int] | Parameter[Decimal]] = []
    errors: list[Exception] = []
    for index, row in enumerate(value):
        try:
            rows.append(_parameter_row(row))
        except Exception as exc:  # noqa: BLE001 - collected and reported with their path
            exc.__notes__ = [
                *getattr(exc, "__notes__", []),
                IterableValidationNote(f"parameter @ index {index}", index, Parameter),
            ]
            errors.append(exc)
    if errors:
        raise IterableValidationError("parameters", errors, list)
    by_name: dict[str, list[Parameter[int] | Parameter[Decimal]]] = {}
    for row in rows:  # one pass: grouping by name stays linear in the number of rows
        by_name.setdefault(row.name, []).append(row)
    histories: list[ProductParameter] = []
    for name, versions in by_name.items():
        whole = [r for r in versions if isinstance(r.value, int)]
        decimal = [r for r in versions if isinstance(r.value, Decimal)]
        if whole and decimal:
            msg = f"parameter {name!r}: alle versies zijn hele getallen óf alle decimalen"
            raise ValueError(msg)
        try:
            histories.append(ParameterHistory.of(whole) if whole else ParameterHistory.of(decimal))
        except InvalidValueError as exc:
            text = str(exc).removeprefix(f"{name}: ")
            msg = f"parameter {name!r}: {text}"
            raise ValueError(msg) from None
    return tuple(histories)


def _unstructure_parameters(value: _ParametersType) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for history in value:
        for version in history.versions:
            number = version.value
            rows.append(
                {
                    "naam": version.name,
                    "waarde": number if isinstance(number, int) else str(number),
                    "bron": citation_text(version.citation),
                    "geldig_vanaf": version.valid_from,
                }
            )
    return rows


def _is_sequence(cls: object) -> bool:
    return typing.get_origin(cls) in (tuple, frozenset) and cls != _ParametersType


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)

    def sequence_factory(cls: object) -> Callable[[object, object], object]:
        origin = typing.get_origin(cls)
        element = typing.get_args(cls)[0]

        def hook(value: object, _type: object) -> object:
            if not isinstance(value, list | tuple | set | frozenset):
                msg = f"{value!r} is geen lijst (verwacht [..., ...])"
                raise TypeError(msg)
            items: list[object] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(converter.structure(item, element))
                except Exception as exc:  # noqa: BLE001 - collected with their path
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"@ index {index}", index, element),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"lijst {cls!r}", errors, typing.cast("type", cls))
            return origin(items)  # type: ignore[misc]

        return hook

    def sequence_unstructure_factory(cls: object) -> Callable[[object], object]:
        element = typing.get_args(cls)[0]
        ordered = (
            typing.get_origin(cls) is frozenset
            and isinstance(element, type)
            and issubclass(element, enum.Enum)
        )

        def hook(value: object) -> object:
            items = list(typing.cast("typing.Iterable[object]", value))
            if ordered:
                order = list(typing.cast("type[enum.Enum]", element))
                items.sort(key=order.index)  # type: ignore[arg-type]
            return [converter.unstructure(item, element) for item in items]

        return hook

    converter.register_structure_hook_factory(_is_sequence, sequence_factory)
    converter.register_unstructure_hook_factory(_is_sequence, sequence_unstructure_factory)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(date, _date_hook)
    converter.register_unstructure_hook(date, lambda d: d)
    converter.register_structure_hook(Citation, lambda v, _t: _citation_field(v))
    converter.register_unstructure_hook(Citation, citation_text)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda _t: lambda e: e.value
    )
    converter.register_structure_hook_func(lambda t: t == _ParametersType, _structure_parameters)
    converter.register_unstructure_hook_func(
        lambda t: t == _ParametersType, _unstructure_parameters
    )

    def renames(cls: type) -> dict[str, AttributeOverride]:
        found = {a.name: override(rename=KEYS[a.name]) for a in attrs.fields(cls) if a.name in KEYS}
        if cls is ProductRules:  # the table belongs to the product it is in: no own code
            found["product"] = override(omit=True)
        return found

    def is_model(t: object) -> bool:
        return (
            isinstance(t, type)
            and attrs.has(t)
            and (t.__module__.endswith("products._model") or t in _EVENT_TABLE_CLASSES)
        )

    converter.register_structure_hook_factory(
        is_model,
        lambda cls: make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            **renames(cls),  # type: ignore[arg-type]  # attribute overrides by name
        ),
    )
    converter.register_unstructure_hook_factory(
        is_model,
        lambda cls: make_dict_unstructure_fn(
            cls,
            converter,
            _cattrs_omit_if_default=True,
            **renames(cls),  # type: ignore[arg-type]  # attribute overrides by name
        ),
    )
    return converter


CONVERTER = _make_converter()


# --- errors with Dutch field paths --------------------------------------------------------

_PATH_SEGMENT = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)")


def _dutch_path(path: str) -> str:
    translated = _PATH_SEGMENT.sub(lambda m: "." + KEYS.get(m.group(1), m.group(1)), path)
    return translated.removeprefix("$.").removeprefix("$")


def _describe(exc: BaseException, target: object) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = ""
        cl = exc.cl
        if isinstance(cl, type) and attrs.has(cl):
            allowed = ", ".join(_toml_keys(cl))
        elif exc.cl is dict:
            allowed = ", ".join(_PARAMETER_KEYS)
        extra = ", ".join(sorted(exc.extra_fields))
        return f"onbekend veld {extra} (toegestaan: {allowed})"
    if isinstance(exc, KeyError):
        detail = (
            exc.args[0] if exc.args and isinstance(exc.args[0], str) and " " in exc.args[0] else ""
        )
        return detail or "verplicht veld ontbreekt"
    if isinstance(exc, ValueError | TypeError) and str(exc):
        text = str(exc)
        if "is not a valid" in text or "invalid literal" in text:
            return f"ongeldige waarde (verwacht {getattr(target, '__name__', target)})"
        return text
    return f"ongeldige waarde ({type(exc).__name__})"


def _toml_keys(cls: type) -> list[str]:
    """The keys a product file gives for ``cls``: its fields as the file names them, not
    the indexes a class builds itself (``init=False``) nor the product code of its table."""
    return [
        KEYS.get(a.name, a.name)
        for a in attrs.fields(cls)
        if a.init and not (cls is ProductRules and a.name == "product")
    ]


#: A message that starts with the path of a field inside the value it is about
#: (``waarde: …``, ``regels[2].effecten[1].aanspraak: …``).
_INNER_PATH = re.compile(r"([a-z_]+)((?:\[\d+\]|\.[a-z_]+)*): ")


@functools.cache
def _all_toml_keys() -> frozenset[str]:
    """Every key of a product file, of every table (the parameter rows' included)."""
    classes = [
        c
        for c in vars(_model).values()
        if isinstance(c, type) and attrs.has(c) and c.__module__ == _model.__name__
    ]
    keys = {key for cls in (*classes, *_EVENT_TABLE_CLASSES) for key in _toml_keys(cls)}
    return frozenset(keys | set(_PARAMETER_KEYS))


def _problems(exc: Exception) -> list[str]:
    lines = cattrs.transform_error(exc, path="$", format_exception=_describe)
    problems = []
    for line in lines:
        message, _, path = line.rpartition(" @ ")
        where = _dutch_path(path)
        inner = _INNER_PATH.match(message)
        if where and inner and inner.group(1) in _all_toml_keys():
            # the field inside the value: one path (parameters[3].waarde), not two
            problems.append(f"{where}.{message}")
        else:
            problems.append(f"{where}: {message}" if where else message)
    return problems


# --- public API ---------------------------------------------------------------------------


def structure_product(data: Mapping[str, object]) -> Product:
    """A [`Product`][reintegratie_core.products.Product] from its unstructured (TOML-shaped) form.

    Raises [`ProductFileError`][reintegratie_core.products.ProductFileError] naming each wrong field by its path (a value nested
    deeper than `MAX_DEPTH` levels by the field that holds it).
    """
    if not isinstance(data, Mapping):
        raise instance_error("data", data, dict, "de tabellen van een productbestand")
    return _structure(data, "data")


def _structure(data: Mapping[str, object], argument: str) -> Product:
    """[`structure_product`][reintegratie_core.products.structure_product], ``data`` checked
    by the caller; an error names ``argument``, the argument the product came in."""
    deep = _too_deep(data)
    if deep is not None:
        raise ProductFileError([f"{deep}: {_DEEP_MESSAGE}"], argument)
    try:
        return CONVERTER.structure(dict(data), Product)
    except (ClassValidationError, IterableValidationError) as exc:
        raise ProductFileError(_problems(exc), argument) from None
    except ProductDefinitionError as exc:
        raise ProductFileError([str(exc)], argument) from None
    except (ValueError, TypeError, KeyError) as exc:
        raise ProductFileError([f"product: {_describe(exc, Product)}"], argument) from None


def unstructure_product(product: Product) -> dict[str, object]:
    """The TOML-shaped form of ``product`` (Dutch keys; defaults left out)."""
    if type(product) is not Product and not isinstance(product, Product):
        raise product_error("product", product)
    result = CONVERTER.unstructure(product, Product)
    assert isinstance(result, dict)
    return result


def load_product(toml_text: str) -> Product:
    """An insurer-defined product from the text of a TOML product file.

    Raises [`ProductFileError`][reintegratie_core.products.ProductFileError] for TOML that cannot be read (with its line), for a
    value nested deeper than `MAX_DEPTH` levels (naming its field), and for every
    field that is wrong (with its path and what is accepted).
    """
    if type(toml_text) is not str:
        if hasattr(toml_text, "__fspath__"):  # a path: the core reads no files, the caller does
            hint = "lees het bestand eerst: Path(...).read_text(encoding='utf-8')"
        elif isinstance(toml_text, bytes | bytearray):
            hint = "maak er eerst tekst van: inhoud.decode('utf-8')"
        else:
            hint = ""
        raise text_error("toml_text", toml_text, hint)
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise ProductFileError([f"geen geldige TOML: {exc}"]) from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively: name the field whose
        # value opens too many levels instead of letting RecursionError escape.
        raise ProductFileError([_deep_line(toml_text)]) from None
    return _structure(data, "toml_text")


#: The deepest nesting a product file may have. A real one needs about five levels
#: (product → modules → gevolgen → redenen); anything far deeper is refused before it is
#: structured, so no recursion limit is ever reached.
MAX_DEPTH = 32

_DEEP_MESSAGE = f"te diep genest (meer dan {MAX_DEPTH} niveaus lijsten of tabellen)"
_KEY_VALUE = re.compile(r"^\s*([^=#\s\[][^=#]*?)\s*=(.*)$")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')


def _deep_line(text: str) -> str:
    """The problem text for TOML too deeply nested to parse: its field and line.

    The field is the key of the first line whose value opens more than `MAX_DEPTH`
    arrays or inline tables (brackets inside quoted text do not count).
    """
    for number, line in enumerate(text.splitlines(), 1):
        match = _KEY_VALUE.match(line)
        if match is None:
            continue
        value = _QUOTED.sub("", match.group(2))
        if value.count("[") + value.count("{") > MAX_DEPTH:
            return f"{match.group(1).strip()}: {_DEEP_MESSAGE} (regel {number})"
    return f"geen geldige TOML: {_DEEP_MESSAGE}"


def _too_deep(data: Mapping[str, object]) -> str | None:
    """The field holding a value nested deeper than `MAX_DEPTH`, or ``None``.

    Iterative (an explicit stack), so the check itself never recurses; the field is the
    path of the last table key above the deep value (``modules[0].naam``).
    """
    stack: list[tuple[object, str, str, int]] = [(data, "", "", 0)]
    while stack:
        value, path, field, depth = stack.pop()
        if depth > MAX_DEPTH:
            return field or path or "product"
        if isinstance(value, Mapping):
            for key, item in value.items():
                child = f"{path}.{key}" if path else str(key)
                stack.append((item, child, child, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]", field, depth + 1) for i, item in enumerate(value))
    return None


__all__ = [
    "CONVERTER",
    "KEYS",
    "MAX_DEPTH",
    "ProductFileError",
    "citation_text",
    "load_product",
    "parse_citation",
    "structure_product",
    "unstructure_product",
]
