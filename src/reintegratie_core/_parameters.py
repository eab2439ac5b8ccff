"""Parameters as dated, cited values (domein §7).

Every number a rule uses — the 28 days of samentelling, the 52 weeks of a loonsanctie,
budgets, percentages, terms — is a [`Parameter`][reintegratie_core.Parameter]: a value, the source that sets it and
the date from which it is valid. A new version of the conditions is a new dated value
([`ParameterHistory`][reintegratie_core.ParameterHistory]), not a code change.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

import attrs

from reintegratie_core._checks import (
    check_iterable,
    date_error,
    instance_error,
    items_error,
    member_of,
    plain_date,
    text_error,
)
from reintegratie_core._errors import InvalidValueError, ParameterNotInForceError, argument_error
from reintegratie_core._explain import Citation, ParameterValue, Unit, format_date

V = TypeVar("V", int, Decimal, str, bool)


@attrs.frozen(kw_only=True)
class Parameter(Generic[V]):
    """One value of a named parameter, with its source, the date it is valid from and its
    unit (what the number counts: euros, a percentage, weeks, days …; a plain number, such
    as a count, when not given)."""

    name: str = attrs.field()
    value: V = attrs.field()
    citation: Citation = attrs.field()
    valid_from: date = attrs.field(default=date(1900, 1, 1), validator=plain_date)
    unit: Unit = attrs.field(default=Unit.NUMBER, validator=member_of(Unit))

    @name.validator
    def _check_name(self, _attribute: object, name: object) -> None:
        if type(name) is not str:
            raise text_error("name", name)

    @citation.validator
    def _check_citation(self, _attribute: object, citation: object) -> None:
        if type(citation) is not Citation:
            hint = "bijv. Citation.seed('003', '2.6.1')"
            raise instance_error("citation", citation, Citation, hint)

    @value.validator
    def _check_value(self, _attribute: object, value: object) -> None:
        if not isinstance(value, int | Decimal | str):  # bool is an int; never a float
            msg = (
                f"verwacht een Decimal, int, tekst of bool, kreeg {type(value).__name__} {value!r}"
            )
            raise argument_error(TypeError, "value", msg)

    def as_pair(self) -> tuple[str, ParameterValue]:
        """``(name, value)`` for an explanation's parameter list; a number with a unit as
        a [`Quantity`][reintegratie_core.Quantity], so that it reads in its unit."""
        value = self.value
        if self.unit is Unit.NUMBER or isinstance(value, str | bool):
            return (self.name, value)
        return (self.name, self.unit.of(value))


def _sorted_versions(versions: Iterable[Parameter[V]]) -> tuple[Parameter[V], ...]:
    check_iterable("versions", versions, Parameter)
    return tuple(sorted(versions, key=lambda p: p.valid_from))


@attrs.frozen
class ParameterHistory(Generic[V]):
    """The dated versions of one parameter; `at` picks the one in force."""

    versions: tuple[Parameter[V], ...] = attrs.field(converter=_sorted_versions)

    @versions.validator
    def _check(self, _attribute: object, versions: tuple[Parameter[V], ...]) -> None:
        if not versions:
            reason = "een parameter heeft ten minste één waarde nodig"
            raise argument_error(InvalidValueError, "versions", reason)
        if len({p.name for p in versions}) != 1:
            reason = "alle versies van een parameter dragen dezelfde naam"
            raise argument_error(InvalidValueError, "versions", reason)
        if len({p.unit for p in versions}) != 1:
            reason = f"alle versies van parameter {versions[0].name} hebben dezelfde eenheid"
            raise argument_error(InvalidValueError, "versions", reason)
        if len({p.valid_from for p in versions}) != len(versions):
            reason = f"parameter {versions[0].name} heeft twee versies met dezelfde ingangsdatum"
            raise argument_error(InvalidValueError, "versions", reason)

    @classmethod
    def of(cls, versions: Iterable[Parameter[V]]) -> ParameterHistory[V]:
        """Build a history from its versions, in any order."""
        check_iterable("versions", versions, Parameter)
        given = tuple(versions)
        if not set(map(type, given)) <= {Parameter}:
            raise items_error("versions", given, Parameter)
        return cls(given)

    def at(self, on: date) -> Parameter[V]:
        """The version valid on ``on``: the latest whose ``valid_from`` is not after it."""
        if type(on) is not date:
            raise date_error("on", on)
        chosen = None
        for version in self.versions:
            if version.valid_from <= on:
                chosen = version
        if chosen is None:
            first = self.versions[0]
            msg = (
                f"{first.name}: geen waarde geldig op {format_date(on)} "
                f"(eerste geldig vanaf {format_date(first.valid_from)})"
            )
            raise ParameterNotInForceError(msg)
        return chosen


__all__ = [
    "Parameter",
    "ParameterHistory",
]
