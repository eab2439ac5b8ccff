"""The one error hierarchy of the core.

Every error the core raises derives from [`ReintegratieError`][reintegratie_core.ReintegratieError] and mixes in the
built-in it resembles, so callers may catch either. Messages say what was given, what is
accepted and where (argument, field or row): the shells show them to users unchanged.

An error that refuses the value of one argument names it by its Python name (``costs: -1 is
negatief …``) and carries that name apart: [`error_argument`][reintegratie_core.error_argument]
gives ``("costs", "-1 is negatief …")``, so a shell that knows the argument by another
name (Excel's ``kosten``) shows the reason under its own name, without reading the text.
"""

from __future__ import annotations

from typing import TypeVar

_E = TypeVar("_E", bound=Exception)


class ReintegratieError(Exception):
    """Root of every error raised by `reintegratie_core`."""

    #: The argument (parameter or field) whose value is refused, when the error names one:
    #: the message is then ``"<argument>: <reason>"``; ``None`` otherwise.
    argument: str | None = None
    #: The message without its ``"<argument>: "``; ``None`` when no argument is named.
    reason: str | None = None


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

    ``accepted`` lists the codes that do exist, so a shell can show them. ``argument``, when
    given, is the argument that held the code: the message starts with it
    (``module: module "x" bestaat niet …``) and the error carries it, as every error that
    refuses an argument's value does.
    """

    def __init__(
        self, kind: str, given: str, accepted: tuple[str, ...], argument: str | None = None
    ) -> None:
        self.kind = kind
        self.given = given
        self.accepted = accepted
        text = f'{kind} "{given}" bestaat niet (bekend: {", ".join(accepted)})'
        if argument is not None:
            self.argument = argument
            self.reason = text
            text = f"{argument}: {text}"
        super().__init__(text)

    def naming(self, argument: str) -> UnknownCodeError:
        """The same refusal of the code given as ``argument`` (a public function's
        parameter, where the look-up that refused it named its own)."""
        return UnknownCodeError(self.kind, self.given, self.accepted, argument)


class NotApplicableError(ReintegratieError, LookupError):
    """A rule that does not apply to the given situation (Excel shows ``n.v.t.``)."""


def argument_error(kind: type[_E], argument: str, reason: str) -> _E:
    """The error ``kind`` refusing the value of ``argument``: its message is
    ``"<argument>: <reason>"``, and it carries ``argument`` and ``reason`` as attributes (a
    ``TypeError`` too, which is no `ReintegratieError`)."""
    error = kind(f"{argument}: {reason}")
    error.argument = argument  # type: ignore[attr-defined]
    error.reason = reason  # type: ignore[attr-defined]
    return error


def error_argument(error: BaseException) -> tuple[str, str] | None:
    """The argument an error of the core refuses and the reason, as
    ``("costs", "-1 is negatief …")``; ``None`` when the error names no argument.

    The argument is the Python name of the public function's parameter or of the value's
    field (``absences[2]`` for one value of a list): a shell shows the reason under the
    name its user knows.
    """
    if not isinstance(error, BaseException):
        reason = f"verwacht een fout (exception), kreeg {type(error).__name__} {error!r}"
        raise argument_error(TypeError, "error", reason)
    argument = getattr(error, "argument", None)
    reason = getattr(error, "reason", None)
    if isinstance(argument, str) and isinstance(reason, str):
        return argument, reason
    return None


__all__ = [
    "InvalidPeriodError",
    "InvalidValueError",
    "NotApplicableError",
    "ParameterNotInForceError",
    "ReintegratieError",
    "UnknownCodeError",
    "error_argument",
]
