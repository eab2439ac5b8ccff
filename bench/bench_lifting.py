"""Benchmark: every liftable ``RI_`` function lifted over 10,000 distinct rows vs. bare arithmetic.

Prints ONE table, measured in one run: per function, the lifted call's time per row and its
ratio to bare ``date + timedelta`` over the same 10,000 date cells (target ≤ 10×). Each
function's runs alternate with runs of the bare arithmetic and the best of each is kept,
so a busy machine slows both sides alike. Times are CPU time of this process
(``process_time``): on a shared machine a 10 ms lifted run is nearly always preempted and a
0.5 ms bare run seldom, so wall time inflated the ratios (2-5x under load) where CPU time
does not.

Every case lifts one column of 10,000 **distinct** values (dates, amounts, counts) as Excel
sends them (``datetime`` cells, ``float`` numbers); the other arguments are single cells.
To add a function, append a :class:`Case` to :data:`CASES`.

The table opens with three *floors* measured in the same run: the lifting framework around
a rule that decides nothing (shape, coerce, one body call and one decision record per row,
format), the same with a sickness case per row (what every ``ziekte`` function gets), and the
same over an amount column (an exact ``Decimal`` in, a ``float`` out: what every money
function gets). A function costs its floor plus its rule; the floors show how much of the
10× is left for the rule itself.

Run: ``make bench`` or ``.venv/bin/python bench/bench_lifting.py [ROWS] [ROUNDS] [NAME ...]``
(names pick cases, e.g. ``RI_MIJLPAAL RI_WERKDAG``; a prefix such as ``RI_WIA`` picks all that
start with it).
"""

from __future__ import annotations

import operator
import random
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

import attrs

from reintegratie_addin import coerce, udfs
from reintegratie_addin.functions import ExcelFunction, Param
from reintegratie_addin.params import ZIEKTE
from reintegratie_core import Explained

TARGET = 10.0


@attrs.frozen
class Columns:
    """The 10,000-row columns a case can lift over (distinct values, Excel's types)."""

    first_days: list[list[Any]]
    dates: list[list[Any]]
    amounts: list[list[Any]]
    counts: list[list[Any]]
    years: list[list[Any]]
    ibans: list[list[Any]]

    @classmethod
    def make(cls, rows: int, seed: int = 42) -> Columns:
        """Distinct values per column, shuffled."""
        rng = random.Random(seed)

        def cells(start: date, span: int) -> list[list[Any]]:
            days = rng.sample(range(span), rows)
            return [
                [datetime.combine(start + timedelta(days=d), datetime.min.time())] for d in days
            ]

        return cls(
            first_days=cells(date(2000, 1, 1), max(rows, 9000)),
            dates=cells(date(2001, 1, 1), max(rows, 20000)),
            amounts=[[a / 100] for a in rng.sample(range(1, 2_000_000), rows)],
            counts=[[float(n)] for n in rng.sample(range(-rows, rows), rows)],
            years=[[float(2000 + n % 80)] for n in range(rows)],
            ibans=[[iban] for iban in distinct_ibans(rows, rng)],
        )


#: Dutch bank codes (the NL BBAN's first four letters).
NL_BANKS = ("ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ", "RBRB", "FVLB")
_ES_WEIGHTS = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)


def _es_digit(digits: str) -> int:
    rest = 11 - sum(int(d) * w for d, w in zip(digits, _ES_WEIGHTS, strict=True)) % 11
    return {10: 1, 11: 0}.get(rest, rest)


def _bban(country: str, n: int) -> str:
    """The ``n``-th BBAN of ``country``: its national format and check digits (ISO 13616)."""
    if country == "NL":  # bank code · 10-digit account
        return f"{NL_BANKS[n % len(NL_BANKS)]}{n:010d}"
    if country == "BE":  # 3-digit bank · 7-digit account · mod 97 of the ten (97 for 0)
        body = f"{n % 1000:03d}{n:07d}"
        return f"{body}{int(body) % 97 or 97:02d}"
    if country == "FR":  # bank · branch · account · clé RIB, 97 − (89b + 15g + 3c mod 97)
        bank, branch, account = 10000 + n % 90000, n % 100000, n
        key = 97 - (89 * bank + 15 * branch + 3 * account) % 97
        return f"{bank:05d}{branch:05d}{account:011d}{key:02d}"
    if country == "ES":  # bank · branch · two control digits · 10-digit account
        office, account = f"{n % 10000:04d}{(n * 7) % 10000:04d}", f"{n:010d}"
        return f"{office}{_es_digit('00' + office)}{_es_digit(account)}{account}"
    if country == "AT":  # 5-digit bank · 11-digit account
        return f"{10000 + n % 90000:05d}{n:011d}"
    return f"{n % 100000:05d}{n:012d}"  # CH: 5-digit bank · 12-digit account


def iban(country: str, bban: str) -> str:
    """The IBAN of a BBAN: the ISO 13616 check digits, 98 − (BBAN · country · 00 mod 97)."""
    number = int("".join(str(int(c, 36)) for c in f"{bban}{country}00"))
    return f"{country}{98 - number % 97:02d}{bban}"


def distinct_ibans(rows: int, rng: random.Random) -> list[str]:
    """``rows`` distinct valid IBANs of six SEPA countries (correct lengths, check digits and
    national check digits), every other one written in groups of four as people type them."""
    countries = ("NL", "BE", "FR", "ES", "AT", "CH")
    numbers = rng.sample(range(1, 10_000_000), rows)
    found = []
    for row, n in enumerate(numbers):
        text = iban(countries[row % len(countries)], _bban(countries[row % len(countries)], n))
        found.append(" ".join(text[i : i + 4] for i in range(0, len(text), 4)) if row % 2 else text)
    return found


@attrs.frozen
class Case:
    """One function lifted over one column: ``call(columns)`` makes the Excel call."""

    name: str
    call: Callable[[Columns], Any]


def cell(year: int, month: int, day: int) -> datetime:
    """A date cell as Excel sends it: a ``datetime`` at midnight."""
    return datetime.combine(date(year, month, day), datetime.min.time())


PEIL = cell(2026, 1, 1)

#: Every liftable RI_ function, each lifted over one column of distinct values.
CASES: list[Case] = [
    Case("RI_MIJLPAAL", lambda c: udfs.RI_MIJLPAAL(c.first_days, "42e week")),
    Case("RI_RESTERENDE_WEKEN", lambda c: udfs.RI_RESTERENDE_WEKEN(c.first_days, PEIL)),
    Case("RI_SIGNAAL", lambda c: udfs.RI_SIGNAAL(c.first_days, PEIL)),
    Case("RI_ZIEKTEDAGEN", lambda c: udfs.RI_ZIEKTEDAGEN(c.first_days, PEIL)),
    Case(
        "RI_TERUGVALPREVENTIE",
        lambda c: udfs.RI_TERUGVALPREVENTIE(c.first_days, cell(2030, 1, 1)),
    ),
    Case("RI_WERKDAG", lambda c: udfs.RI_WERKDAG(c.dates, 10)),
    Case("RI_UITERSTE_MELDING_SANCTIE", lambda c: udfs.RI_UITERSTE_MELDING_SANCTIE(c.dates)),
    Case("RI_UITERSTE_DECLARATIE", lambda c: udfs.RI_UITERSTE_DECLARATIE(c.dates)),
    Case("RI_UITERSTE_BETALING", lambda c: udfs.RI_UITERSTE_BETALING(c.dates)),
    Case("RI_UITERSTE_PLAN_VAN_AANPAK", lambda c: udfs.RI_UITERSTE_PLAN_VAN_AANPAK(c.dates)),
    Case("RI_UITERSTE_ZIEKMELDING", lambda c: udfs.RI_UITERSTE_ZIEKMELDING(c.first_days)),
    Case(
        "RI_EINDIGT_MEE",
        lambda c: udfs.RI_EINDIGT_MEE(
            "zeeuwse-prb",
            "prb",
            [["verzuim-erd"], ["arbocontract"]] * (len(c.dates) // 2),
            "wanbetaling",
        ),
    ),
    Case(
        "RI_CONTRACTVERVALDATUM",
        lambda c: udfs.RI_CONTRACTVERVALDATUM(
            "asr-reintegratiemanager", "reintegratiemanager", c.dates, cell(2025, 1, 1)
        ),
    ),
    Case(
        "RI_VROEGSTE_OPZEGDATUM",
        lambda c: udfs.RI_VROEGSTE_OPZEGDATUM(
            "asr-reintegratiemanager",
            "reintegratiemanager",
            cell(2020, 1, 1),
            cell(2021, 1, 1),
            c.dates,
        ),
    ),
    Case(
        "RI_RECHT_OP_DIENSTVERLENING",
        lambda c: udfs.RI_RECHT_OP_DIENSTVERLENING("zeeuwse-prb", c.first_days, PEIL),
    ),
    Case(
        "RI_DOORLOPENDE_BEGELEIDING",
        lambda c: udfs.RI_DOORLOPENDE_BEGELEIDING(
            "zeeuwse-prb", c.first_days, cell(2030, 1, 1), PEIL
        ),
    ),
    Case(
        "RI_STATUS",
        lambda c: udfs.RI_STATUS(
            "asr-reintegratiemanager",
            "poortwachtergarantie",
            [["datum", "gebeurtenis"]],
            c.dates,
        ),
    ),
    Case("RI_PREVENTIEBUDGET", lambda c: udfs.RI_PREVENTIEBUDGET(c.amounts)),
    Case("RI_REINTEGRATIEBUDGET", lambda c: udfs.RI_REINTEGRATIEBUDGET(c.amounts)),
    Case("RI_KBA_BIJDRAGE", lambda c: udfs.RI_KBA_BIJDRAGE(c.amounts, 4000.0, 90000.0, 50000.0)),
    Case(
        "RI_DERDEN_TERUGBETALING", lambda c: udfs.RI_DERDEN_TERUGBETALING(3000.0, c.amounts, 1000.0)
    ),
    Case(
        "RI_INTERVENTIEVERGOEDING",
        lambda c: udfs.RI_INTERVENTIEVERGOEDING(
            "mkb-verzuim-ontzorg", c.amounts, PEIL, cell(2020, 1, 1)
        ),
    ),
    Case(
        "RI_RESTERENDE_LOONKOSTEN",
        lambda c: udfs.RI_RESTERENDE_LOONKOSTEN(700.0, c.first_days, PEIL),
    ),
    Case("RI_LOONSANCTIE_VERGOEDING", lambda c: udfs.RI_LOONSANCTIE_VERGOEDING(c.amounts, 12.0)),
    Case("RI_WEEKLOON", lambda c: udfs.RI_WEEKLOON(c.amounts, "maand")),
    Case(
        "RI_TARIEF_PRORATA",
        lambda c: udfs.RI_TARIEF_PRORATA(c.amounts, cell(2025, 1, 1), cell(2025, 3, 1)),
    ),
    Case("RI_TELT_MEE_VOOR_PREMIE", lambda c: udfs.RI_TELT_MEE_VOOR_PREMIE(c.dates, 2026.0)),
    Case(
        "RI_SEPA_REKENING",
        lambda c: udfs.RI_SEPA_REKENING(c.ibans),
    ),
    # Financial consequences (financieel.md §9.7): a column of distinct wages.
    Case("RI_LOONDOORBETALING", lambda c: udfs.RI_LOONDOORBETALING(c.amounts, 10.0, PEIL, 36.0)),
    Case("RI_WIA_DAGLOON", lambda c: udfs.RI_WIA_DAGLOON(c.amounts, PEIL)),
    Case("RI_WIA_MAANDLOON", lambda c: udfs.RI_WIA_MAANDLOON(c.amounts, PEIL)),
    Case(
        "RI_WIA_UITKERING",
        lambda c: udfs.RI_WIA_UITKERING(26100.0, 0.5, 1000.0, c.amounts, PEIL, False, 13.0, 12.0),
    ),
    # Whole years of work: only 0–45 exist, so this column repeats them.
    Case(
        "RI_WGA_DUUR",
        lambda c: udfs.RI_WGA_DUUR([[float(n % 46)] for n in range(len(c.dates))], 3.0),
    ),
]


class _Nothing(NamedTuple):
    """The decision of a rule that decides nothing: its one input is its value."""

    value: Any

    def explain(self) -> Explained[Any]:
        return Explained(self.value, ())


_nothing = tuple.__new__


def floor(name: str, param: Param, value: Callable[[Any], Any]) -> ExcelFunction:
    """A lifted function whose rule does nothing: the lifting framework (shape, coerce,
    one body call and one decision record per row, format) around ``value(argument)``.
    Not registered: it is no ``RI_`` function."""

    def body(argument: Any) -> _Nothing:
        return _nothing(_Nothing, (value(argument),))

    return ExcelFunction(name=name, category="bench", doc="", params=(param,), body=body)


_IDENTITY: Callable[[Any], Any] = lambda x: x  # noqa: E731 - the smallest body
_DATE = Param(name="datum", doc="", coerce=coerce.required_date, dates=True)
_AMOUNT = Param(name="bedrag", doc="", coerce=coerce.to_amount)

#: What every function pays before its rule does anything, measured in the same run: the
#: framework around a rule that decides nothing, over a date column; the same with a
#: sickness case per row (every ``ziekte`` function); the same over an amount column (an
#: exact ``Decimal`` in, a ``float`` out: every money function).
_FLOOR_DATE = floor("datum", _DATE, _IDENTITY)
_FLOOR_CASE = floor("ziekte", ZIEKTE, operator.attrgetter("first_day"))
_FLOOR_AMOUNT = floor("bedrag", _AMOUNT, _IDENTITY)
FLOORS: list[Case] = [
    Case("floor: framework (date)", lambda c: _FLOOR_DATE(c.first_days)),
    Case("floor: + sickness case per row", lambda c: _FLOOR_CASE(c.first_days)),
    Case("floor: + amount (Decimal in/out)", lambda c: _FLOOR_AMOUNT(c.amounts)),
]


def best_pair(
    rounds: int, bare: Callable[[], object], lifted: Callable[[], object]
) -> tuple[float, float]:
    """The fastest bare run and the fastest lifted run, alternating, in CPU seconds."""
    best_bare = best_lifted = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        bare()
        best_bare = min(best_bare, time.process_time() - start)
        start = time.process_time()
        lifted()
        best_lifted = min(best_lifted, time.process_time() - start)
    return best_bare, best_lifted


def errors_in(result: Any) -> list[str]:
    """The ``#WAARDE!`` texts of a lifted result (a benchmark must compute, not fail)."""
    rows: Sequence[Any] = result if isinstance(result, list) else [[result]]
    return [r[0] for r in rows if isinstance(r[0], str) and r[0].startswith("#WAARDE!")]


def main(rows: int = 10_000, rounds: int = 7, cases: Sequence[Case] = CASES) -> int:
    """Measure and print the table, the floors first; returns the number of functions
    over the target."""
    columns = Columns.make(rows)
    cells = [row[0] for row in columns.first_days]
    offset = timedelta(days=294)

    def bare() -> list[datetime]:
        return [cell + offset for cell in cells]

    def measure(case: Case) -> float:
        result = case.call(columns)
        assert len(result) == rows, f"{case.name}: {len(result)} rows"
        failed = errors_in(result)
        assert not failed, f"{case.name}: {failed[0]}"
        bare_s, lifted_s = best_pair(rounds, bare, lambda c=case: c.call(columns))
        ratio = lifted_s / bare_s
        print(
            f"{case.name:32} {lifted_s / rows * 1e9:9.0f} {bare_s / rows * 1e9:12.1f} {ratio:8.1f}",
            end="",
        )
        return ratio

    print(f"rows: {rows:,} distinct per column · best of {rounds} alternating runs · CPU time")
    print(f"{'function':32} {'ns/row':>9} {'bare ns/row':>12} {'× bare':>8}  target ≤ {TARGET:g}×")
    for case in FLOORS:
        measure(case)
        print("  (floor: no rule)")
    over = 0
    for case in cases:
        ratio = measure(case)
        over += ratio > TARGET
        print("  ok" if ratio <= TARGET else "  OVER")
    return over


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    names = [a for a in sys.argv[1:] if not a.isdigit()]
    chosen = [c for c in CASES if not names or any(c.name.startswith(n) for n in names)]
    sys.exit(min(main(*numbers[:2], cases=chosen), 1) if chosen else "no case matches")
