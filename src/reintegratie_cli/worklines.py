"""The worklist's lines: one employee's rows → the line of its open case (the compute step).

Per employee (werkgever + werknemer), `employee_line` merges the periods into
sickness cases ([`reintegratie_core._sickness.merge_cases`][reintegratie_core.merge_cases]) and asks the core for the
open case's work item ([`reintegratie_core._worklist.work_item`][reintegratie_core.work_item]) — the rules live
there, once; this module only chooses the rows and lays the item out as the worklist's
columns (`OUTPUT_HEADER`). A rejected row becomes an error line (`error_line`).
Nothing here encodes CSV or XML: the write step's encoder does
(`reintegratie_cli.output.encoder`).

What counts on the peildatum *p* is what was known on it: a done date after *p* does not
count (the core's rule), and neither does a period whose first sick day lies after *p* —
it is not yet a case (issue 16 item 5). An employee whose periods all start after *p* gets
no line and is counted as *nog niet begonnen*. Likewise a recovery after *p*: a sick
period is sick t/m its last day (domain §2, "a sick period is [first day, last day]"), so
one whose last day is on or after *p* is still running on *p* and is taken as open
(`_as_known_on`) — the case is listed, projected as ongoing, never counted as
*zonder lopend ziektegeval*.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from reintegratie_cli.portfolio import PeriodRow, RowError
from reintegratie_core import (
    Absence,
    Milestone,
    ReintegratieError,
    SicknessCase,
    Status,
    cite,
    merge_cases,
    milestone_date,
    work_item,
)
from reintegratie_io import named_as

#: The worklist's columns, in file order (``docs/portefeuille.md`` explains each).
OUTPUT_HEADER: tuple[str, ...] = (
    "status",
    "dagen",
    "mijlpaal",
    "datum",
    "werkgever",
    "werknemer",
    "product",
    "eerste_ziektedag",
    "perioden",
    "aantal_te_laat",
    "resterende_weken",
    "einde_loondoorbetaling",
    "recht_op_dienstverlening",
    "grond",
    "rijen",
    "fout",
)
#: Column widths (characters) of the XLSX worklist.
OUTPUT_WIDTHS: tuple[float, ...] = (
    13, 7, 22, 11, 34, 12, 24, 15, 9, 14, 16, 21, 24, 40, 10, 60,
)  # fmt: skip

#: Per column, the one number type its numbers have (``None``: no numbers): dagen,
#: perioden and aantal_te_laat are ``int``, resterende_weken a ``Decimal``. The encoder
#: keeps these columns' fields by value too (`reintegratie_cli.output.encoder`); a line
#: never holds another number type, or a ``bool``, in them.
OUTPUT_NUMBERS: tuple[type | None, ...] = tuple(
    {"dagen": int, "perioden": int, "aantal_te_laat": int, "resterende_weken": Decimal}.get(name)
    for name in OUTPUT_HEADER
)

#: The columns of the terminal table, and where each is in a line's values.
DISPLAY_HEADER: tuple[str, ...] = (
    "status",
    "dagen",
    "mijlpaal",
    "datum",
    "werkgever",
    "werknemer",
    "product",
    "rest. weken",
    "recht",
)
DISPLAY_COLUMNS: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6, 10, 12)

#: Sort rank of a rejected row: after every work item.
ERROR_RANK = 9
ERROR_STATUS = "fout"
#: Count labels for employees without a line.
NO_OPEN_CASE = "zonder lopend ziektegeval"
NOT_YET = "nog niet begonnen"

#: The sort key of a line: status rank, days left, werkgever, werknemer (errors: row).
Key = tuple[int, int, str, str]


class Line(NamedTuple):
    """One line of the worklist: its sort key and its values in `OUTPUT_HEADER` order."""

    key: Key
    values: tuple[object, ...]

    def display(self) -> tuple[object, ...]:
        """The values of the terminal table (`DISPLAY_HEADER`)."""
        values = self.values
        return tuple(values[i] for i in DISPLAY_COLUMNS)


#: ``Line``'s constructor without the generated ``__new__``: one fewer Python call per line.
_new_line: Callable[[type[Line], tuple[Key, tuple[object, ...]]], Line] = tuple.__new__

# Lookups by the members' identity: hashing an Enum member runs Python code, and these
# run once per open case.
_STATUS: dict[int, tuple[str, int]] = {id(s): (s.value, s.rank) for s in Status}
_CODES: dict[int, str] = {id(m): m.value for m in Milestone} | {id(None): ""}
_GROUNDS: dict[tuple[int, bool], str] = {}
#: `grounds_text` by the milestone's identity alone, with and without a probleemanalyse:
#: read once per open case without building a key.
_GROUNDS_PLAIN: dict[int, str] = {}
_GROUNDS_PA: dict[int, str] = {}
_PLAN_VAN_AANPAK = Milestone.PLAN_VAN_AANPAK


def grounds_text(milestone: Milestone, with_probleemanalyse: bool) -> str:
    """The articles a milestone's date rests on, as one line (cached: they depend on the
    milestone and on whether a probleemanalyse date set the plan van aanpak's, only)."""
    key = (id(milestone), with_probleemanalyse)
    text = _GROUNDS.get(key)
    if text is None:
        anchor = date(2001, 1, 1)
        explained = milestone_date(
            SicknessCase.ongoing(anchor), milestone, anchor if with_probleemanalyse else None
        ).explain()
        text = cite(explained.citations())
        _GROUNDS[key] = text
        (_GROUNDS_PA if with_probleemanalyse else _GROUNDS_PLAIN)[id(milestone)] = text
    return text


def error_line(error: RowError) -> Line:
    """The line of a rejected row (or of an employee whose computation failed)."""
    values: list[object] = [ERROR_STATUS] + [None] * (len(OUTPUT_HEADER) - 1)
    values[4] = error.employer or None
    values[5] = error.employee or None
    values[14] = error.listed
    values[15] = error.message
    return Line((ERROR_RANK, error.row, error.employer, error.employee), tuple(values))


#: `work_item`'s parameters by the names this worklist's user knows: its columns
#: (``sanctieweken``, ``datum_probleemanalyse``) and the sickness the periods make
#: (``ziekte``), as the errors named them before the core named its Python parameters.
_AS_COLUMNS = {
    "case": "ziekte",
    "sanction_weeks": "sanctieweken",
    "module_start": "ingangsdatum_module",
    "probleemanalyse": "datum_probleemanalyse",
}


def failed(rows: Sequence[PeriodRow], employer: str, employee: str, exc: Exception) -> RowError:
    """The error of one employee whose computation raised: all its rows, and why.

    A core error carries its Dutch reason; anything else is an internal error of this one
    employee (issue 16 item 1) — never the run's.
    """
    numbers = sorted(r.row for r in rows)
    if isinstance(exc, ReintegratieError):
        # a parameter of the core this file has no column for: the reason alone
        column, reason = named_as(exc, _AS_COLUMNS)
        if column is not None:
            reason = f"{column}: {reason}"
    else:
        reason = f"interne fout ({type(exc).__name__}) bij het berekenen van deze werknemer"
    # the reason alone: the rows are the error's numbers (the file's rijen column, the
    # screen's "rijen 2, 3"), not repeated in its message
    return RowError(numbers[0], employer, employee, reason, tuple(numbers))


#: The case of one running period (a bound classmethod, looked up once).
_ongoing = SicknessCase.ongoing
#: A row's first sick day, as a C-level sort key.
_BY_FIRST = operator.attrgetter("first")


def _absences(rows: list[PeriodRow]) -> list[Absence]:
    return [
        Absence.leave(r.first, r.last) if r.leave and r.last else Absence.sick(r.first, r.last)
        for r in rows
    ]


def _open_case(rows: list[PeriodRow]) -> tuple[SicknessCase | None, list[PeriodRow]]:
    """The open case of one employee's rows (``None``: no open case) and its own rows."""
    if len(rows) == 1 and not rows[0].leave:
        only = rows[0]
        return (SicknessCase.ongoing(only.first) if only.last is None else None), rows
    for row in rows:
        if row.last is None:
            break
    else:
        return None, rows  # no period runs, so no case does: nothing to merge for the list
    cases = merge_cases(_absences(rows))
    if not cases:
        msg = "alleen verlof, geen ziekteperiode (verwacht ten minste één rij met soort ziek)"
        raise ReintegratieError(msg)
    last = cases[-1]
    if not last.is_open:
        return None, rows
    start = last.first_day
    own = sorted([r for r in rows if not r.leave and r.first >= start], key=_BY_FIRST)
    return last, own


def _as_known_on(row: PeriodRow, reference: date) -> PeriodRow:
    """``row`` as known on ``reference``: a sick period whose last day is on or after it
    was still running then (sick t/m the last day, domain §2), so its last day is dropped;
    a leave period keeps its (planned) last day."""
    if row.last is not None and row.last >= reference and not row.leave:
        return row._replace(last=None)
    return row


def _case_rows(
    rows: list[PeriodRow], reference: date
) -> tuple[SicknessCase, list[PeriodRow]] | str:
    """The open case of one employee's rows (more than one) known on ``reference`` and the
    case's own rows; without one, the label to count the employee under. (One row is
    decided in `employee_line` itself, without merging.)"""
    known = [r for r in rows if r.first <= reference]
    if not known:
        return NOT_YET
    as_known = [  # `_as_known_on`, inline: only a running sick period's row is replaced
        r if r.last is None or r.last < reference or r.leave else _as_known_on(r, reference)
        for r in known
    ]
    if as_known != known:  # a period running on p: the rows as given are checked first, so
        merge_cases(_absences(known))  # that an error (overlap …) names their real dates
    case, own = _open_case(as_known)
    if case is None:
        return NO_OPEN_CASE
    return case, own


def employee_line(
    employer: str,
    employee: str,
    rows: list[PeriodRow],
    reference: date,
    horizon: int,
) -> Line | str:
    """The line of one employee's open case; without one, the label to count it under
    (`NO_OPEN_CASE` or `NOT_YET`). Raises what the core raises."""
    if len(rows) == 1:  # most employees: one period, decided without merging
        latest = rows[0]
        if latest.first > reference:
            return NOT_YET
        if latest.leave or (latest.last is not None and latest.last < reference):
            return NO_OPEN_CASE  # recovered before p (a later last day: see _as_known_on)
        case = _ongoing(latest.first)
        own = rows
    else:
        chosen = _case_rows(rows, reference)
        if isinstance(chosen, str):
            return chosen
        case, own = chosen
        latest = own[-1]
    if len(own) == 1:
        done: Sequence[tuple[Milestone, date]] = latest.done
        sanction = latest.sanction_weeks or 0
    else:
        sanction = 0
        pairs: list[tuple[Milestone, date]] = []
        for row in own:
            if row.sanction_weeks is not None:
                sanction = row.sanction_weeks
            pairs.extend(row.done)
        done = pairs
    item = work_item(
        case,
        reference,
        module_start=latest.module_start,
        done=done,
        sanction_weeks=sanction,
        horizon_days=horizon,
    )
    milestone = item.milestone
    grounds = ""
    if milestone is not None:  # the decision record says whether a probleemanalyse set it
        with_pa = milestone is _PLAN_VAN_AANPAK and item.probleemanalyse is not None
        grounds = (_GROUNDS_PA if with_pa else _GROUNDS_PLAIN).get(id(milestone)) or grounds_text(
            milestone, with_pa
        )
    periods = case.periods
    status, rank = _STATUS[id(item.status)]
    days = item.days_left
    numbers = str(latest.row) if len(own) == 1 else ";".join([str(r.row) for r in own])
    values = (
        status,
        days,
        _CODES[id(milestone)],
        item.date,
        employer,
        employee,
        latest.product.code,
        periods[0].start,
        len(periods),
        item.overdue,
        item.remaining_weeks,
        item.end_of_wage_continuation,
        "ja" if item.eligible else "nee",
        grounds,
        numbers,
        None,
    )
    return _new_line(Line, ((rank, 0 if days is None else days, employer, employee), values))
