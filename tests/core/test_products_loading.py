"""Insurer-defined products from TOML: loading, round trip, precise errors (domain §7)."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import pytest
from hypothesis import given

from reintegratie_core import (
    Absence,
    Citation,
    Entitlement,
    EntitlementState,
    Event,
    EventKind,
    InvalidValueError,
    NotApplicableError,
    NotInProductError,
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
        """Inline tables nest the same way: the field is the key whose value opens them."""
        depth = 3000
        (problem,) = problems("naam = " + "{a = " * depth + "1" + "}" * depth)
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
        with pytest.raises(InvalidValueError, match="geen waarde geldig op 2025-06-01"):
            reintegration_budget(product, Decimal(100), on=date(2025, 6, 1))
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
