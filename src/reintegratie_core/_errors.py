"""The one error hierarchy of the core.

Every error the core raises derives from [`ReintegratieError`][reintegratie_core.ReintegratieError] and mixes in the
built-in it resembles, so callers may catch either. Messages say what was given, what is
accepted and where (argument, field or row): the shells show them to users unchanged.
"""

from __future__ import annotations


class ReintegratieError(Exception):
    """Root of every error raised by `reintegratie_core`."""


class InvalidPeriodError(ReintegratieError, ValueError):
    """A period whose last day precedes its first day, or periods that overlap."""


class InvalidValueError(ReintegratieError, ValueError):
    """A value outside what a rule accepts (a negative amount, 53 sanction weeks, ...)."""


class ParameterNotInForceError(InvalidValueError):
    """A dated parameter asked for on a day before its first version is valid: a shell
    names the input that day came from (the parameters a rule uses are those in force on
    one of its dates)."""


class UnknownCodeError(ReintegratieError, ValueError):
    """A code (milestone, product, module, reason, event ...) that does not exist.

    ``accepted`` lists the codes that do exist, so a shell can show them.
    """

    def __init__(self, kind: str, given: str, accepted: tuple[str, ...]) -> None:
        self.kind = kind
        self.given = given
        self.accepted = accepted
        super().__init__(f'{kind} "{given}" bestaat niet (bekend: {", ".join(accepted)})')


class NotApplicableError(ReintegratieError, LookupError):
    """A rule that does not apply to the given situation (Excel shows ``n.v.t.``)."""


__all__ = [
    "InvalidPeriodError",
    "InvalidValueError",
    "NotApplicableError",
    "ParameterNotInForceError",
    "ReintegratieError",
    "UnknownCodeError",
]
