"""The function reference lists every contract function with true examples and errors."""

from __future__ import annotations

import re
from datetime import date

from docs.tools import reference
from docs.tools.excel import Call, Cell, Range, literal, result_markdown, show

from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY
from reintegratie_core import Unit


class TestCompleteness:
    def test_every_contract_name_is_a_function(self) -> None:
        """Every function in the tables of sources/excel-functions.md is exposed by udfs."""
        missing = set(reference.contract_names()) - set(udfs.contract_functions())
        assert missing == set()

    def test_every_contract_name_has_a_section(self, generated: dict[str, str]) -> None:
        """Every function of sources/excel-functions.md has its own section in the page."""
        page = generated[reference.PAGE]
        headings = set(re.findall(r"^### (RI_[A-Z_]+) ", page, re.MULTILINE))
        assert set(reference.contract_names()) <= headings

    def test_every_exposed_function_has_a_section(self, generated: dict[str, str]) -> None:
        """Every RI_ function udfs exposes, declared or meta, is documented exactly once."""
        page = generated[reference.PAGE]
        headings = re.findall(r"^### (RI_[A-Z_]+) ", page, re.MULTILINE)
        assert sorted(headings) == sorted(udfs.contract_functions())

    def test_every_argument_is_listed(self, generated: dict[str, str]) -> None:
        """Each declared argument appears in its function's argument table."""
        page = generated[reference.PAGE]
        for name, function in REGISTRY.items():
            section = page.split(f"### {name} ", 1)[1].split("\n### ", 1)[0]
            for param in function.params:
                assert f"| `{param.name}` |" in section, (name, param.name)


class TestExamples:
    def test_every_function_has_an_example(self) -> None:
        """Each function has at least one example call (docs/tools/examples.py)."""
        assert [e.name for e in reference.entries() if not e.examples()] == []

    def test_no_example_returns_an_error(self) -> None:
        """Every example's result, computed by calling the function, is not a #WAARDE! text."""
        assert reference.failing_examples() == []

    def test_shown_results_are_the_functions_results(self, generated: dict[str, str]) -> None:
        """The page shows, after each example formula, the value the function returns."""
        page = generated[reference.PAGE]
        for entry in reference.entries():
            for call in entry.examples():
                after = page.split(f"```text\n{call.formula()}\n```", 1)[1]
                shown = after.split("geeft:\n\n", 1)[1]
                expected = result_markdown(call.run(), call.unit) + "\n"
                assert shown.startswith(expected), call.formula()

    def test_error_examples_name_their_argument(self) -> None:
        """Each shown error text starts with #WAARDE! and the argument it is about."""
        for entry in reference.entries():
            for name, _value, text in reference.error_examples(entry):
                assert text.startswith(f"#WAARDE! {name}: ")


class TestFormulas:
    def test_dutch_literals(self) -> None:
        """Values are written as a Dutch Excel user types them."""
        assert literal(date(2025, 1, 6)) == "DATUM(2025;1;6)"
        assert literal(True) == "WAAR"
        assert literal(0.7) == "0,7"
        assert literal('zeg "ja"') == '"zeg ""ja"""'

    def test_formula_drops_trailing_empty_arguments(self) -> None:
        """Trailing omitted arguments are left out, inner ones stay empty."""
        call = Call("RI_MIJLPAAL", (Cell("B1", None), "x", None, 12, None))
        assert call.formula() == '=RI_MIJLPAAL(B1; "x"; ; 12)'

    def test_ranges_are_sent_as_excel_sends_them(self) -> None:
        """A range argument reaches the function as a 2-D list with datetime cells."""
        cells = Range("A1:B1", ((date(2025, 1, 6), None),))
        raw = Call("RI_X", (cells,)).raw()
        assert raw[0][0][0].year == 2025
        assert raw[0][0][1] is None

    def test_dutch_number_display(self) -> None:
        """Amounts show with a decimal comma, a thousands point and cents, as the example
        workbook's amount cells do; other numbers without trailing zeros (12,5 months)."""
        assert show(2500.0, Unit.EURO) == "2.500,00"
        assert show(1234.5, Unit.EURO) == "1.234,50"
        assert show(2500.0) == "2.500"
        assert show(12.5, Unit.MONTHS) == "12,5"
        assert show(62.86, Unit.WEEKS) == "62,86"

    def test_a_number_that_rounds_to_whole_shows_no_lone_comma(self) -> None:
        """A number shown with at most two decimals that rounds to a whole one (3.001
        weeks) reads 3, never '3,' (the trailing zeros and then the comma go)."""
        assert show(3.001, Unit.WEEKS) == "3"
        assert show(1999.999) == "2.000"

    def test_results_show_in_their_unit(self) -> None:
        """A money result shows its cents, a count of months does not: the same number
        reads as the function's RI_UITLEG says it (€ 2.500,00; 12,5 maanden)."""
        budget = Call("RI_REINTEGRATIEBUDGET", (5000, False, 1500))
        assert result_markdown(budget.run(), budget.unit) == "`2.500,00`"
        duration = Call("RI_WGA_DUUR", (5, 10))
        assert result_markdown(duration.run(), duration.unit) == "`12,5`"
        day_wage = Call("RI_WIA_DAGLOON", (32400, date(2027, 1, 4)))
        assert day_wage.unit() is Unit.EURO
        assert result_markdown(day_wage.run(), day_wage.unit) == "`124,14`"
