"""Insurer-defined products from TOML: loading, round trip, precise errors (domain §7)."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    FEE_YEAR_MONTHS,
    MONTHS_PER_YEAR,
    PARAMETER_UNITS,
    WAGE_CONTINUATION_SHARE,
    WEEKS_PER_FOUR_WEEK_PERIOD,
    WEEKS_PER_YEAR,
    WORKING_DAYS_PER_WEEK,
    Absence,
    Citation,
    Entitlement,
    EntitlementState,
    Event,
    EventKind,
    InvalidValueError,
    NotApplicableError,
    NotInProductError,
    Parameter,
    ParameterHistory,
    ParameterNotInForceError,
    Unit,
    check_product_parameter,
    entitlement_state,
)
from reintegratie_core.compensation import (
    BudgetLedger,
    InterventionExclusion,
    intervention_reimbursement,
    prevention_budget,
    reintegration_budget,
)
from reintegratie_core.products import (
    BUILTIN_PRODUCTS,
    CancellationKind,
    Product,
    ProductDefinitionError,
    ProductFileError,
    TerminationReason,
    cascade,
    citation_text,
    earliest_cancellation,
    guidance_continues,
    load_product,
    parse_citation,
    structure_product,
    unstructure_product,
)
from tests.core.strategies_products import random_products

if TYPE_CHECKING:
    from _typeshed import TraceFunction

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "eigen-product.toml"


def example_text() -> str:
    """The documented example product file."""
    return EXAMPLE.read_text(encoding="utf-8")


def problems(text: str) -> tuple[str, ...]:
    """The problems a product file is refused for."""
    with pytest.raises(ProductFileError) as info:
        load_product(text)
    return info.value.problems


class TestExampleFile:
    def test_documented_example_loads(self) -> None:
        """docs/examples/eigen-product.toml loads as the product it describes."""
        product = load_product(example_text())
        assert product.code == "eigen-verzuimpakket"
        assert product.module_codes == ("basis", "arbo", "begeleiding")
        begeleiding = product.module("re-integratiebegeleiding")
        assert begeleiding.cancellation is not None
        assert begeleiding.cancellation.kind is CancellationKind.AT_BASE_EXPIRY
        assert product.parameter_history("reintegratiebudget").at(
            date(2026, 1, 1)
        ).value == Decimal("3500.00")

    def test_loaded_product_runs_through_the_same_engines(self) -> None:
        """STYLE.md: a new product is a new table, read by the same engines."""
        product = load_product(example_text())
        switched = cascade(product, "arbo", date(2026, 6, 1), TerminationReason.OVERSTAP_ARBODIENST)
        assert switched.value.modules == ("arbo",)
        assert cascade(product, "basis", date(2026, 6, 1)).value.modules == ("basis", "begeleiding")
        sick = [Absence.sick(date(2026, 5, 1))]
        assert guidance_continues(product, sick, date(2026, 5, 31), date(2026, 9, 1)).value

    def test_dated_parameters_apply_from_their_date(self) -> None:
        """spec/domain.md §7: a new version of the conditions is a new dated value."""
        product = load_product(example_text())
        module = product.module("begeleiding")
        old = earliest_cancellation(
            product, module, date(2026, 3, 1), date(2026, 1, 1), date(2027, 10, 15)
        )
        assert old.value == date(2028, 1, 1)  # 2 months' notice, in force on the start
        new = earliest_cancellation(
            product, module, date(2027, 3, 1), date(2026, 1, 1), date(2028, 10, 15)
        )
        assert new.value == date(2030, 1, 1)  # 3 months' notice from 2027
        assert Citation.statute("Voorwaarden Eigen Verzuimpakket 2027", "2.3") in new.citations()


class TestRoundTrip:
    @pytest.mark.parametrize("product", BUILTIN_PRODUCTS, ids=lambda p: p.code)
    def test_builtins(self, product: Product) -> None:
        """structure(unstructure(p)) == p for the built-in products."""
        assert structure_product(unstructure_product(product)) == product

    def test_example(self) -> None:
        """structure(unstructure(p)) == p for the loaded example."""
        product = load_product(example_text())
        assert structure_product(unstructure_product(product)) == product

    @given(random_products())
    def test_random_products(self, product: Product) -> None:
        """structure(unstructure(p)) == p for generated products."""
        assert structure_product(unstructure_product(product)) == product

    def test_citations_as_text(self) -> None:
        """A citation reads and writes as '<bron> art. <artikel>' (seed, document, decision)."""
        for citation in (
            Citation.seed("001", "2.3"),
            Citation.seed("002", "MKB Verzuim-ontzorgverzekering"),
            Citation.statute("BW", "7:629 lid 10"),
            Citation.decision("§8"),
        ):
            assert parse_citation(citation_text(citation)) == citation
        assert parse_citation("003 art. 1.5.3") == Citation.seed("003", "1.5.3")


class TestErrors:
    def test_a_path_or_bytes_is_told_how_to_give_the_text(self) -> None:
        """docs/ontwikkelaars.md reads the file first: given the Path itself or its bytes,
        the TypeError says how to get the text (the core reads no files)."""
        path = EXAMPLE
        with pytest.raises(TypeError, match=r"^toml_text: .*\.read_text\(encoding=.utf-8.\)"):
            load_product(path)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^toml_text: .*\.decode\(.utf-8.\)"):
            load_product(path.read_bytes())  # type: ignore[arg-type]

    def test_unknown_module_in_a_rule_names_the_path(self) -> None:
        """An unknown module in a coupling rule names koppelingen[i].naar and the modules."""
        text = example_text().replace('naar = "begeleiding"', 'naar = "nergens"', 1)
        (problem,) = problems(text)
        assert problem.startswith("koppelingen[0].naar: onbekende module 'nergens'")
        assert "basis, arbo, begeleiding" in problem

    def test_unknown_reason_lists_the_reasons(self) -> None:
        """An unknown reason names its path and lists the eight reason codes."""
        text = example_text().replace('redenen = ["opzegging_werkgever"]', 'redenen = ["opzeggen"]')
        (problem,) = problems(text)
        assert problem.startswith(
            "modules[2].beeindiging[0].redenen[0]: onbekende waarde 'opzeggen'"
        )
        assert "overstap_arbodienst" in problem

    def test_every_wrong_field_is_reported(self) -> None:
        """All wrong fields at once, each with its Dutch path and what is accepted."""
        text = (
            example_text()
            .replace('soort = "per_contractvervaldatum"', 'soort = "jaarlijks"')
            .replace("waarde = 2\n", 'waarde = "twee"\n')
            .replace('code = "arbo"', "code = 5")
            .replace('van = "basis"', 'van = "basis"\nextra = true')
        )
        found = problems(text)
        assert any(
            p.startswith("modules[2].opzegging.soort:") and "per_contractvervaldatum, niet_los" in p
            for p in found
        )
        assert any(p.startswith("parameters[2].waarde:") and "geen getal" in p for p in found)
        assert any(p.startswith("modules[1].code:") and "geen tekst" in p for p in found)
        assert any(
            p.startswith("koppelingen[0]: onbekend veld extra") and "van, naar" in p for p in found
        )

    def test_missing_fields(self) -> None:
        """Missing required fields are named by their Dutch keys."""
        found = problems('code = "x"')
        assert "naam: verplicht veld ontbreekt" in found
        assert "modules: verplicht veld ontbreekt" in found
        assert "recht_op_dienstverlening: verplicht veld ontbreekt" in found

    def test_a_citation_must_say_where(self) -> None:
        """A source without ' art. ' is refused with the accepted forms."""
        text = example_text().replace(
            'bronnen = ["Voorwaarden Eigen Verzuimpakket 2026 art. 1"]', 'bronnen = ["ergens"]'
        )
        (problem,) = problems(text)
        assert problem.startswith("bronnen[0]:")
        assert "'001 art. 2.3'" in problem

    def test_a_list_must_be_a_list(self) -> None:
        """A single text where a list is expected is refused, not split into letters."""
        text = example_text().replace('aliassen = ["eigen pakket"]', 'aliassen = "eigen pakket"')
        (problem,) = problems(text)
        assert problem.startswith("aliassen:")
        assert "geen lijst" in problem

    def test_parameter_reference_must_exist(self) -> None:
        """A rule naming an unknown parameter is refused with the known names."""
        text = example_text().replace(
            'opzegtermijn = "opzegtermijn_maanden"', 'opzegtermijn = "opzegtermijn"'
        )
        (problem,) = problems(text)
        assert problem.startswith("modules[2].opzegging.opzegtermijn: onbekende parameter")
        assert "opzegtermijn_maanden" in problem

    def test_invalid_toml(self) -> None:
        """Text that is not TOML is refused with the parser's position."""
        (problem,) = problems("code = [")
        assert problem.startswith("geen geldige TOML")

    def test_dates_and_numbers(self) -> None:
        """A parameter's date must be a date, its value a whole number or decimal text."""
        text = example_text().replace("geldig_vanaf = 2026-01-01", 'geldig_vanaf = "1-1-2026"', 1)
        (problem,) = problems(text)
        assert problem.startswith("parameters[0].geldig_vanaf:")
        assert "2026-01-01" in problem


class TestHostileFiles:
    """Issue 16 item 17: a product file never escapes as a crash, a non-number or a hang."""

    @pytest.mark.parametrize("depth", [40, 900, 5000])
    def test_deeply_nested_array_names_the_field(self, depth: int) -> None:
        """Nesting deeper than MAX_DEPTH is a ProductFileError naming the field, never a
        RecursionError (tomllib parses nested arrays recursively; 900 levels exhaust it)."""
        (problem,) = problems("code = " + "[" * depth + "]" * depth)
        assert problem.startswith("code: te diep genest")

    def test_deeply_nested_inline_table_names_the_field(self) -> None:
        """Inline tables nest the same way: the field is the key whose value opens them.

        At Python's default recursion limit tomllib gives up on 3,000 levels (the
        RecursionError branch); the docs tests import mkdocstrings, which raises the limit
        for the whole process, so the limit is set here and restored."""
        depth = 3000
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(1000)
        try:
            (problem,) = problems("naam = " + "{a = " * depth + "1" + "}" * depth)
        finally:
            sys.setrecursionlimit(limit)
        assert problem.startswith("naam: te diep genest")

    def test_nesting_inside_a_module_names_its_path(self) -> None:
        """A deep value that tomllib can still parse is refused before it is structured,
        by its full path."""
        deep = "[" * 50 + "]" * 50
        text = example_text().replace('naam = "Contract met de arbodienst"', f"naam = {deep}", 1)
        (problem,) = problems(text)
        assert problem.startswith("modules[1].naam: te diep genest")

    @pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+inf", "-nan", "1e400"])
    def test_only_finite_values(self, value: str) -> None:
        """domain §7: a parameter is a finite number; TOML's nan and inf are refused (and a
        float literal that overflows to inf)."""
        text = example_text().replace('waarde = "3500.00"', f"waarde = {value}", 1)
        assert text != example_text()
        (problem,) = problems(text)
        assert "waarde" in problem
        assert "eindig" in problem

    def test_a_finite_float_still_loads_exactly(self) -> None:
        """A finite TOML float is read as its shortest decimal text, not a binary fraction."""
        text = example_text().replace('waarde = "3500.00"', "waarde = 3500.25", 1)
        product = load_product(text)
        value = product.parameter_history("reintegratiebudget").at(date(2026, 1, 1)).value
        assert value == Decimal("3500.25")

    @staticmethod
    def _big_product(n: int) -> str:
        head = (
            'code = "groot"\nnaam = "Groot"\nbronnen = ["X art. 1"]\n'
            'dienstverleningsmodule = "m0"\n'
            'recht_op_dienstverlening = { module = "m0", bronnen = ["X art. 3"] }\n'
        )
        modules = "".join(
            f'[[modules]]\ncode = "m{i}"\nnaam = "M{i}"\nbronnen = ["X art. {i}"]\n'
            'looptijd = { contracttermijn = "termijn", bronnen = ["X art. 2"] }\n'
            for i in range(n)
        )
        couplings = "".join(
            f'[[koppelingen]]\nvan = "m{i}"\nnaar = "m{i + 1}"\nbronnen = ["X art. 1"]\n'
            for i in range(n - 1)
        )
        parameters = '[[parameters]]\nnaam = "termijn"\nwaarde = 12\nbron = "X art. 1"\ngeldig_vanaf = 2020-01-01\n'
        parameters += "".join(
            f'[[parameters]]\nnaam = "p{i}"\nwaarde = {i}\nbron = "X art. 1"\n'
            "geldig_vanaf = 2020-01-01\n"
            for i in range(n)
        )
        return head + modules + couplings + parameters

    def test_loading_is_linear(self) -> None:
        """Four times the modules, couplings and parameters cost about four times the work.

        Measured as executed Python lines (deterministic, unlike a stopwatch on a shared
        machine): a quadratic step — a module list rebuilt per coupling, rows scanned per
        parameter name — makes the ratio approach 16; 20k modules took 32 s before.
        """

        def lines(n: int) -> int:
            text = self._big_product(n)
            count = 0

            def tracer(frame: FrameType, event: str, arg: object) -> TraceFunction:
                nonlocal count
                if event == "line":
                    count += 1
                return tracer

            sys.settrace(tracer)
            try:
                product = load_product(text)
            finally:
                sys.settrace(None)
            assert len(product.modules) == n
            return count

        small, large = lines(150), lines(600)
        assert large / small < 5.5, (small, large)


class TestOneAggregate:
    """Issue 11 item 2: a TOML product with its own event table and parameters works for
    entitlements, budgets and interventions — the Product is the one aggregate."""

    def test_a_whole_euro_amount_keeps_its_unit(self) -> None:
        """docs/ontwikkelaars.md: a parameter's number carries its unit in every ground; a
        budget written as a whole number (3500) reads '€ 3.500,00' as "3500.00" does."""
        text = example_text().replace('waarde = "3500.00"', "waarde = 3500", 1)
        product = load_product(text)
        explained = reintegration_budget(product, Decimal(5000)).text()
        assert "reintegratiebudget = € 3.500,00" in explained

    def test_its_event_table_decides_the_entitlements(self) -> None:
        """domain §5: the file's own table — schorsing suspends, betaling lifts it."""
        product = load_product(example_text())
        events = [
            Event(date=date(2026, 3, 1), kind=EventKind.SCHORSING),
            Event(date=date(2026, 4, 1), kind=EventKind.BETALING),
        ]
        state = entitlement_state(product, Entitlement.VERGOEDING, events, date(2026, 3, 15))
        assert state.value is EntitlementState.GESCHORST
        assert "Voorwaarden Eigen Verzuimpakket 2026 art. 5.3" in state.text()
        later = entitlement_state(product, Entitlement.VERGOEDING, events, date(2026, 4, 2))
        assert later.value is EntitlementState.ACTIEF

    def test_an_event_its_table_lacks_is_refused_naming_it(self) -> None:
        """domain §5: an event the product's conditions do not know names the product."""
        product = load_product(example_text())
        events = [Event(date=date(2026, 3, 1), kind=EventKind.GARANTIE_INGETROKKEN)]
        with pytest.raises(NotInProductError, match="eigen-verzuimpakket"):
            entitlement_state(product, Entitlement.VERGOEDING, events, date(2026, 3, 15))
        with pytest.raises(NotInProductError, match="poortwachtergarantie"):
            entitlement_state(product, Entitlement.POORTWACHTERGARANTIE, [], date(2026, 3, 15))

    def test_its_parameters_set_the_budget(self) -> None:
        """domain §7: the budget is the file's reintegratiebudget (3500, 7000 with WGA/WIA),
        dated from 2026-01-01; a budget it does not define is an error naming product."""
        product = load_product(example_text())
        assert reintegration_budget(product, Decimal(5000)).value == Decimal("3500.00")
        with_wga = reintegration_budget(product, Decimal(9000), with_wga_or_wia=True)
        assert with_wga.value == Decimal("7000.00")
        assert "Voorwaarden Eigen Verzuimpakket 2026 art. 4.1" in with_wga.text()
        with pytest.raises(
            ParameterNotInForceError, match="geen waarde geldig op 01-06-2025"
        ) as info:
            reintegration_budget(product, Decimal(100), on=date(2025, 6, 1))
        assert isinstance(info.value, InvalidValueError)
        with pytest.raises(NotApplicableError, match=r"^product: eigen-verzuimpakket kent geen"):
            prevention_budget(product, Decimal(100))
        ledger = BudgetLedger(product=product, absences=[Absence.sick(date(2026, 2, 2))])
        assert ledger.remaining_in_case(date(2026, 2, 2)) == Decimal("3500.00")

    def test_its_interventions_and_exclusions(self) -> None:
        """domain §6, §8.1: the file's share and its own excluded kinds."""
        product = load_product(example_text())
        sick, start = date(2026, 3, 2), date(2026, 1, 1)
        assert intervention_reimbursement(product, Decimal(900), sick, start).value == Decimal(
            "900.00"
        )
        refused = intervention_reimbursement(
            product, Decimal(900), sick, start, excluded=InterventionExclusion.KEURING
        )
        assert refused.value == Decimal("0.00")
        assert "Voorwaarden Eigen Verzuimpakket 2026 art. 3.4" in refused.text()
        allowed = intervention_reimbursement(
            product, Decimal(900), sick, start, excluded=InterventionExclusion.PMO
        )
        assert allowed.value == Decimal("900.00")

    def test_an_intervention_share_must_be_a_parameter(self) -> None:
        """domain §7: interventies.aandeel names a parameter of the file."""
        text = example_text().replace('aandeel = "interventievergoeding"', 'aandeel = "x"', 1)
        (problem,) = problems(text)
        assert problem.startswith("interventies.aandeel: onbekende parameter 'x'")

    def test_a_wrong_event_table_names_the_field(self) -> None:
        """domain §5: an unknown state in the file's table is refused by its path."""
        text = example_text().replace('status = "geschorst" }', 'status = "pauze" }', 1)
        (problem,) = problems(text)
        assert problem.startswith("gebeurtenissen.regels[0].effecten[0].status:")


# --- parameter values by their kind (domain §7: a precise error for any invalid field) ---

#: A product file with one module and only the given parameter rows (name, TOML value).
_SMALL_HEAD = (
    'code = "klein"\nnaam = "Klein"\nbronnen = ["X art. 1"]\n'
    'dienstverleningsmodule = "m"\n'
    'recht_op_dienstverlening = { module = "m", bronnen = ["X art. 1"] }\n'
    '[[modules]]\ncode = "m"\nnaam = "M"\nbronnen = ["X art. 1"]\n'
)


def small_product(rows: list[tuple[str, str]]) -> str:
    """A minimal product file whose ``[[parameters]]`` are ``rows``, in order."""
    return _SMALL_HEAD + "".join(
        f'[[parameters]]\nnaam = "{name}"\nwaarde = {value}\nbron = "X art. 2"\n'
        "geldig_vanaf = 2026-01-01\n"
        for name, value in rows
    )


_WHOLE = (Unit.WEEKS, Unit.DAYS, Unit.WORKING_DAYS, Unit.MONTHS, Unit.YEARS)
_BIG = Decimal(10**9)


def _text(number: Decimal) -> str:
    return f'"{number}"'


def _out_of_range(unit: Unit) -> st.SearchStrategy[str]:
    """TOML values a parameter of ``unit`` must refuse."""
    negative_cents = st.decimals(-_BIG, Decimal("-0.01"), places=2).map(_text)
    negative_int = st.integers(-(10**9), -1).map(str)
    if unit is Unit.EURO:
        fraction_of_cent = (
            st.decimals(0, _BIG, places=4).filter(lambda d: d % Decimal("0.01") != 0).map(_text)
        )
        return st.one_of(negative_cents, negative_int, fraction_of_cent)
    if unit is Unit.PERCENT:
        above_one = st.decimals(Decimal("1.0001"), _BIG, places=4).map(_text)
        return st.one_of(negative_cents, negative_int, above_one, st.integers(2, 10**9).map(str))
    assert unit in _WHOLE, unit
    as_decimal = st.decimals(0, _BIG, places=2).map(_text)  # text or a fraction: not whole
    return st.one_of(negative_int, as_decimal, st.just("12.5"))


def _in_range(unit: Unit) -> st.SearchStrategy[str]:
    """TOML values a parameter of ``unit`` accepts."""
    if unit is Unit.EURO:
        return st.one_of(st.decimals(0, _BIG, places=2).map(_text), st.integers(0, 10**9).map(str))
    if unit is Unit.PERCENT:
        return st.one_of(st.decimals(0, 1, places=4).map(_text), st.sampled_from(["0", "1"]))
    assert unit in _WHOLE, unit
    return st.integers(0, 10**6).map(str)


#: The built-in names, by the kind of check their unit asks for.
_BUILTIN_NAMES = sorted(PARAMETER_UNITS)


class TestParameterValues:
    """Review: nonsense parameter values (150 %, a negative budget) were loaded and then
    computed with. Each value is checked by its kind — the unit of the built-in parameter
    of that name — and refused with its path (domain §7)."""

    @pytest.mark.parametrize(
        ("old", "new", "path", "name"),
        [
            ('waarde = "1.00"', 'waarde = "1.50"', "parameters[7].waarde", "interventievergoeding"),
            ('waarde = "1.00"', 'waarde = "-1"', "parameters[7].waarde", "interventievergoeding"),
            (
                'waarde = "3500.00"',
                'waarde = "-3500.00"',
                "parameters[5].waarde",
                "reintegratiebudget",
            ),
            (
                'waarde = "3500.00"',
                'waarde = "3500.001"',
                "parameters[5].waarde",
                "reintegratiebudget",
            ),
            ("waarde = 28", 'waarde = "28"', "parameters[4].waarde", "herstel_terugval_dagen"),
            ("waarde = 28", "waarde = -5", "parameters[4].waarde", "herstel_terugval_dagen"),
            ("waarde = 2\n", "waarde = -2\n", "parameters[2].waarde", "opzegtermijn_maanden"),
            ("waarde = 2\n", "waarde = 2.5\n", "parameters[2].waarde", "opzegtermijn_maanden"),
        ],
    )
    def test_the_review_cases_are_refused_by_path(
        self, old: str, new: str, path: str, name: str
    ) -> None:
        """150 %, −100 %, a negative budget, a fraction of a cent, days as text or negative,
        a fraction of a month: each refused naming its row, the parameter and what is
        accepted — never loaded and computed with."""
        text = example_text().replace(old, new, 1)
        assert text != example_text()
        (problem,) = problems(text)
        assert problem.startswith(f"{path}: {name} is ")
        assert "niet " in problem

    def test_the_messages_say_what_each_kind_accepts(self) -> None:
        """EURO ≥ 0 in cents, PERCENT 0 t/m 1, a term a whole number ≥ 0."""
        share = example_text().replace('waarde = "1.00"', 'waarde = "1.50"', 1)
        assert "een aandeel van 0 t/m 1" in problems(share)[0]
        assert problems(share)[0].endswith("niet 1.50")
        budget = example_text().replace('waarde = "3500.00"', 'waarde = "-3500.00"', 1)
        assert "een bedrag in euro's: 0 of meer, in hele centen" in problems(budget)[0]
        term = example_text().replace("waarde = 2\n", "waarde = -2\n", 1)
        assert "een geheel aantal maanden, 0 of meer" in problems(term)[0]

    def test_the_boundaries_load(self) -> None:
        """0 and 1 are shares, 0.00 is an amount, 0 a term: the ends of each range load."""
        text = (
            example_text()
            .replace('waarde = "1.00"', 'waarde = "0"', 1)
            .replace('waarde = "3500.00"', 'waarde = "0.00"', 1)
            .replace("waarde = 2\n", "waarde = 0\n", 1)
        )
        product = load_product(text)
        on = date(2026, 6, 1)
        assert product.parameter("interventievergoeding", on).value == Decimal(0)
        assert reintegration_budget(product, Decimal(5000), on=on).value == Decimal("0.00")

    @given(st.data())
    def test_any_out_of_range_value_is_refused_with_its_path(self, data: st.DataObject) -> None:
        """Property: for every built-in name, a value outside its kind's range is refused,
        naming the row it is in (``parameters[k].waarde``) and the parameter."""
        name = data.draw(st.sampled_from(_BUILTIN_NAMES))
        value = data.draw(_out_of_range(PARAMETER_UNITS[name]))
        before = data.draw(st.integers(0, 3))
        rows = [(f"eigen_{i}", str(i)) for i in range(before)] + [(name, value)]
        (problem,) = problems(small_product(rows))
        assert problem.startswith(f"parameters[{before}].waarde: {name} is ")

    @given(st.data())
    def test_any_value_in_range_loads(self, data: st.DataObject) -> None:
        """Property: a value inside its kind's range loads unchanged; a name the built-in
        products do not use is a plain number and takes any finite value."""
        name = data.draw(st.sampled_from(_BUILTIN_NAMES))
        value = data.draw(_in_range(PARAMETER_UNITS[name]))
        free = data.draw(st.decimals(-_BIG, _BIG, places=3).map(_text))
        product = load_product(small_product([(name, value), ("eigen_getal", free)]))
        loaded = product.parameter(name, date(2026, 1, 1))
        assert loaded.value == Decimal(value.strip('"'))
        assert loaded.unit is PARAMETER_UNITS[name]

    @pytest.mark.parametrize("product", BUILTIN_PRODUCTS, ids=lambda p: p.code)
    def test_the_builtin_catalogue_passes_the_same_check(self, product: Product) -> None:
        """Every built-in product's parameters satisfy the check a product file's do, and
        read in the unit PARAMETER_UNITS gives their name."""
        for history in product.parameters:
            for version in history.versions:
                check_product_parameter(version)
                assert version.unit is PARAMETER_UNITS[version.name]

    def test_the_shared_builtin_parameters_pass_it(self) -> None:
        """The conventions every product shares (weeks per year, the statutory 70 %) too."""
        for history in (
            WEEKS_PER_YEAR,
            MONTHS_PER_YEAR,
            WEEKS_PER_FOUR_WEEK_PERIOD,
            WORKING_DAYS_PER_WEEK,
            WAGE_CONTINUATION_SHARE,
            FEE_YEAR_MONTHS,
        ):
            for version in history.versions:
                check_product_parameter(version)

    def test_a_product_built_in_python_is_checked_too(self) -> None:
        """The check is an invariant of every Product, not only of a loaded file."""
        zeeuwse = next(p for p in BUILTIN_PRODUCTS if p.has_parameter("reintegratiebudget"))
        bad = ParameterHistory.of(
            [
                Parameter(
                    name="reintegratiebudget",
                    value=Decimal(-1),
                    citation=Citation.statute("X", "1"),
                    unit=Unit.EURO,
                )
            ]
        )
        others = tuple(h for h in zeeuwse.parameters if h.versions[0].name != "reintegratiebudget")
        with pytest.raises(ProductDefinitionError, match=r"^parameters: reintegratiebudget is"):
            attrs.evolve(zeeuwse, parameters=(*others, bad))

    def test_the_check_refuses_what_is_not_a_parameter(self) -> None:
        """Bad input never crashes: a non-Parameter is a TypeError naming the argument."""
        with pytest.raises(TypeError, match=r"^parameter: verwacht een Parameter"):
            check_product_parameter(Decimal(1))  # type: ignore[arg-type]


class TestMessages:
    """Review: the messages named internal attributes, an empty path and the wrong budget."""

    def test_an_unknown_key_lists_only_the_file_keys(self) -> None:
        """The allowed keys are the TOML keys, not the product's own indexes."""
        (problem,) = problems("foo = 1\n" + example_text())
        allowed = problem.partition("(toegestaan: ")[2].rstrip(")").split(", ")
        assert problem.startswith("onbekend veld foo")
        assert allowed == [
            "code",
            "naam",
            "bronnen",
            "modules",
            "dienstverleningsmodule",
            "recht_op_dienstverlening",
            "koppelingen",
            "parameters",
            "aliassen",
            "gebeurtenissen",
            "interventies",
        ]

    def test_an_unknown_key_in_the_event_table_lists_its_keys(self) -> None:
        """The event table's keys, without the product code the Product sets itself."""
        text = example_text().replace("[gebeurtenissen]\n", "[gebeurtenissen]\nfoo = 1\n", 1)
        (problem,) = problems(text)
        assert problem == "gebeurtenissen: onbekend veld foo (toegestaan: aanspraken, regels)"

    def test_an_effect_on_an_entitlement_not_granted_names_its_path(self) -> None:
        """fraude → poortwachtergarantie, which the file does not grant: the path is the
        effect's, with the entitlements the product does grant."""
        text = example_text().replace(
            '{ aanspraak = "vergoeding", status = "beeindigd" }',
            '{ aanspraak = "poortwachtergarantie", status = "beeindigd" }',
        )
        (problem,) = problems(text)
        assert problem == (
            "gebeurtenissen.regels[2].effecten[1].aanspraak: fraude raakt poortwachtergarantie, "
            "die het product niet kent (aanspraken: dienstverlening, vergoeding)"
        )

    def test_a_lift_of_no_suspension_names_its_path(self) -> None:
        """heft_op must name an event that suspends: its path, not an empty one."""
        text = example_text().replace(
            '{ aanspraak = "vergoeding", status = "actief", heft_op = "schorsing" }',
            '{ aanspraak = "vergoeding", status = "actief", heft_op = "fraude" }',
        )
        (problem,) = problems(text)
        assert problem.startswith("gebeurtenissen.regels[1].effecten[1].heft_op: betaling heft")

    def test_an_event_twice_names_both_rows(self) -> None:
        """The same event kind in two rules: the second row, and where the first is."""
        text = example_text().replace(
            'soort = "fraude"\ngeldt_voor', 'soort = "schorsing"\ngeldt_voor'
        )
        (problem,) = problems(text)
        assert problem.startswith("gebeurtenissen.regels[2].soort: schorsing staat al in regels[0]")

    def test_a_missing_wga_wia_budget_is_named_as_the_variant(self) -> None:
        """Without reintegratiebudget_met_wga_of_wia the product still has a budget: the
        message names the missing WGA/WIA variant, not the budget as a whole."""
        text = example_text().replace(
            'naam = "reintegratiebudget_met_wga_of_wia"', 'naam = "eigen_budget"', 1
        )
        product = load_product(text)
        assert reintegration_budget(product, Decimal(5000)).value == Decimal("3500.00")
        with pytest.raises(NotApplicableError) as info:
            reintegration_budget(product, Decimal(5000), with_wga_or_wia=True)
        assert str(info.value) == (
            "product: eigen-verzuimpakket kent geen WGA/WIA-variant van het re-integratiebudget "
            "(parameter reintegratiebudget_met_wga_of_wia ontbreekt)"
        )

    def test_a_product_without_any_budget_still_says_so(self) -> None:
        """A product with neither budget: 'kent geen re-integratiebudget', as before."""
        product = next(p for p in BUILTIN_PRODUCTS if not p.has_parameter("reintegratiebudget"))
        with pytest.raises(NotApplicableError, match=r"kent geen re-integratiebudget \("):
            reintegration_budget(product, Decimal(5000), with_wga_or_wia=True)
