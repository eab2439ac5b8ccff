"""The udf wrappers of `excel_function`: what their signature advertises, they accept."""

from __future__ import annotations

import ast
import inspect
import textwrap
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY, ExcelFunction, error_text
from reintegratie_core import InvalidValueError, error_argument
from reintegratie_core._errors import argument_error
from reintegratie_core.compensation import prevention_budget
from reintegratie_core.products import ZEEUWSE_PRB

D = datetime(2025, 1, 6)


class TestKeywords:
    """A Python caller (the werkmap command, a notebook) may name the arguments the
    signature shows; Excel passes them by position and keeps the same path."""

    def test_keywords_as_advertised(self) -> None:
        """RI_RESTERENDE_WEKEN(ziekte=..., peildatum=...) is the positional call."""
        named = udfs.RI_RESTERENDE_WEKEN(ziekte=D, peildatum=date(2025, 3, 1), sanctieweken=2)
        assert named == udfs.RI_RESTERENDE_WEKEN(D, date(2025, 3, 1), 2)
        assert isinstance(named, float)

    def test_positional_then_keywords(self) -> None:
        """Leading arguments by position, a later one by name; the ones between are empty."""
        named = udfs.RI_MIJLPAAL(D, "einde_loondoorbetaling", sanctieweken=3)
        assert named == udfs.RI_MIJLPAAL(D, "einde_loondoorbetaling", None, 3)
        assert named == date(2027, 1, 24)

    @given(st.data())
    def test_every_split_is_the_positional_call(self, data: st.DataObject) -> None:
        """For every function, any split of its arguments into positional ones and named ones
        gives what the positional call gives."""
        name = data.draw(st.sampled_from(sorted(REGISTRY)))
        udf = getattr(udfs, name)
        names = list(inspect.signature(udf).parameters)
        values = [data.draw(st.sampled_from([None, D, "42e week", 2.0])) for _ in names]
        split = data.draw(st.integers(0, len(names)))
        positional = udf(*values)
        assert udf(*values[:split], **dict(zip(names[split:], values[split:], strict=True))) == (
            positional
        )

    def test_unknown_or_doubled_keyword_is_text(self) -> None:
        """A name the signature does not have, or one given twice, is #WAARDE! text naming
        the function's arguments, never an exception."""
        unknown = udfs.RI_RESTERENDE_WEKEN(D, datum=date(2025, 3, 1))
        assert unknown.startswith("#WAARDE! argumenten: RI_RESTERENDE_WEKEN")
        assert "datum" in unknown
        assert "ziekte, peildatum, sanctieweken" in unknown
        doubled = udfs.RI_RESTERENDE_WEKEN(D, date(2025, 3, 1), peildatum=date(2025, 3, 1))
        assert doubled.startswith("#WAARDE! argumenten: RI_RESTERENDE_WEKEN")
        assert "peildatum" in doubled

    def test_missing_required_keyword_is_empty(self) -> None:
        """An argument not given by name is an empty cell, as when Excel leaves it out."""
        assert udfs.RI_RESTERENDE_WEKEN(ziekte=D) == udfs.RI_RESTERENDE_WEKEN(D)
        assert udfs.RI_RESTERENDE_WEKEN(ziekte=D).startswith("#WAARDE! peildatum: ontbreekt")


COLUMN = [[datetime(2025, 1, 6)], [datetime(2025, 3, 3)]]


class TestUitlegOfMetaFunctions:
    @pytest.mark.parametrize("name", ["RI_VERSIE", "RI_UITLEG", "versie", "=RI_UITLEG()"])
    def test_exists_but_has_no_explanation(self, name: str) -> None:
        """RI_VERSIE and RI_UITLEG exist: they have no explanation, they are not unknown."""
        shown = udfs.RI_UITLEG(name)
        key = "RI_VERSIE" if "VERSIE" in name.upper() else "RI_UITLEG"
        assert shown.startswith(f"#WAARDE! functie: {key} heeft geen uitleg: ")
        assert "onbekende functie" not in shown
        assert "uitleg bestaat voor: RI_MIJLPAAL," in shown

    def test_an_unknown_function_is_still_unknown(self) -> None:
        assert udfs.RI_UITLEG("RI_BESTAATNIET").startswith(
            '#WAARDE! functie: onbekende functie "RI_BESTAATNIET"'
        )


class TestRanges:
    """A range where one value is expected is refused as such, naming the argument; only
    ``ziekte`` takes a table (of periods), and a one-column range of dates is none."""

    def test_column_of_first_days_is_no_periods_table(self) -> None:
        """RI_TIJDLIJN's ``ziekte`` given a column of two dates: not "perioden overlappen"
        but what to give instead."""
        shown = udfs.RI_TIJDLIJN(COLUMN)
        assert isinstance(shown, str)
        assert shown.startswith("#WAARDE! ziekte: geef één eerste ziektedag, geen kolom van 2")
        assert "overlappen" not in shown

    def test_uitleg_of_a_lifted_ziekte_column(self) -> None:
        """RI_UITLEG explains one row: a column of first sick days is refused as a column."""
        shown = udfs.RI_UITLEG("RI_MIJLPAAL", COLUMN, "42e week")
        assert shown == (
            "#WAARDE! ziekte: RI_UITLEG legt één rij uit; geef één waarde in plaats van een kolom"
        )
        table = udfs.RI_UITLEG("RI_TIJDLIJN", COLUMN)
        assert table.startswith("#WAARDE! ziekte: geef één eerste ziektedag, geen kolom van 2")

    def test_range_for_a_single_date(self) -> None:
        """A table function's single-value argument given a range: "geef één waarde"."""
        shown = udfs.RI_TIJDLIJN(D, COLUMN)
        assert (
            shown == "#WAARDE! datum_probleemanalyse: geef één waarde, geen bereik (2 × 1 cellen)"
        )
        block = [[D, D], [D, D]]
        lifted = udfs.RI_MIJLPAAL(D, "42e week", block)
        assert (
            lifted == "#WAARDE! datum_probleemanalyse: geef één waarde, geen bereik (2 × 2 cellen)"
        )

    def test_periods_table_still_accepted(self) -> None:
        """A two-column range of periods stays a valid ``ziekte`` (samentelling, domain §2)."""
        periods = [[datetime(2025, 1, 6), datetime(2025, 1, 31)], [datetime(2025, 2, 20), None]]
        assert udfs.RI_MIJLPAAL(periods, "42e week") == date(2025, 11, 15)
        assert isinstance(udfs.RI_TIJDLIJN(periods), list)
        one = [[datetime(2025, 1, 6)], [None]]
        assert udfs.RI_TIJDLIJN(one) == udfs.RI_TIJDLIJN(datetime(2025, 1, 6))


class TestRefusalsSayWhatIsAccepted:
    """Contract, Calling conventions, Errors: bad input is ``#WAARDE! <argument>: <what is
    wrong> (<what is accepted>)``. A cell of the wrong kind (a TRUE, a date cell) that an
    argument refuses as "… is geen …" is refused naming that argument and saying what it
    takes."""

    @pytest.mark.parametrize("name", sorted(n for n, f in REGISTRY.items() if f.params))
    def test_a_cell_of_the_wrong_kind(self, name: str) -> None:
        from docs.tools.examples import examples_for

        function = REGISTRY[name]
        params = function.params
        example = examples_for(
            name, tuple(p.name for p in params), tuple(p.optional for p in params)
        )[0]
        raw = [*example.raw(), *[None] * (len(params) - len(example.raw()))]
        udf = udfs.contract_functions()[name]
        for index, param in enumerate(params):
            for wrong in (True, D):
                args = list(raw)
                args[index] = wrong
                result = udf(*args)
                if not (isinstance(result, str) and result.startswith("#WAARDE! ")):
                    continue  # the argument takes this kind of cell
                if result.startswith(f"#WAARDE! {param.name}: ") and " is geen " in result:
                    assert "(" in result, (name, param.name, wrong, result)

    def test_text_arguments(self) -> None:
        """The text arguments say what they take, as the code arguments do."""
        assert udfs.RI_MODULES(True) == (
            "#WAARDE! product: WAAR is geen tekst (bekend: asr-reintegratie, "
            "asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb)"
        )
        assert udfs.RI_EINDIGT_MEE("zeeuwse-prb", D, "prb") == (
            "#WAARDE! module: 06-01-2025 is geen tekst (verwacht een modulecode, zie RI_MODULES)"
        )
        assert udfs.RI_SEPA_REKENING(True) == (
            "#WAARDE! iban: WAAR is geen tekst (verwacht een IBAN, bijv. NL91 ABNA 0417 1643 00)"
        )


def _fed(function: ExcelFunction) -> set[tuple[str, str]]:
    """(Excel argument, core parameter) for every argument the body passes, as it is, to a
    function of ``reintegratie_core``: read from the body's source, its direct calls."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function.body)))
    arguments = {p.name for p in function.params}
    scope = function.body.__globals__
    pairs: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name):
            called = scope.get(node.func.id)
        elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            called = getattr(scope.get(node.func.value.id), node.func.attr, None)
        else:
            continue
        if not (getattr(called, "__module__", None) or "").startswith("reintegratie_core"):
            continue
        assert callable(called)
        positional = [
            p.name
            for p in inspect.signature(called).parameters.values()
            if p.kind in {p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD}
        ]
        for index, value in enumerate(node.args):
            if isinstance(value, ast.Name) and value.id in arguments and index < len(positional):
                pairs.add((value.id, positional[index]))
        for keyword in node.keywords:
            if isinstance(keyword.value, ast.Name) and keyword.value.id in arguments:
                assert keyword.arg is not None
                pairs.add((keyword.value.id, keyword.arg))
    return pairs


class TestCoreErrorsUnderExcelNames:
    """The core names its Python parameters in its errors (``costs: …``); Excel shows its
    own argument names (excel-functions.md: ``#WAARDE! kosten: …``). One renaming does it:
    each ``Param`` declares the core parameters it feeds, and the framework reads the
    error's ``argument`` field."""

    def test_the_walk_finds_the_calls(self) -> None:
        """The source walk sees the core calls (not an empty set that passes anything)."""
        assert ("kosten", "costs") in _fed(REGISTRY["RI_PREVENTIEBUDGET"])
        assert ("duurzaam", "durable") in _fed(REGISTRY["RI_WIA_UITKERING"])

    @pytest.mark.parametrize("name", sorted(REGISTRY))
    def test_every_argument_declares_the_core_parameter_it_feeds(self, name: str) -> None:
        """An Excel argument the body passes to a core function under another name declares
        that name (``Param(core=...)``): a core error naming it shows the Excel name."""
        function = REGISTRY[name]
        missing = sorted(
            (excel, core) for excel, core in _fed(function) if function.arguments.get(core) != excel
        )
        assert not missing, missing

    @pytest.mark.parametrize(
        ("name", "core", "excel"),
        [
            ("RI_PREVENTIEBUDGET", "costs", "kosten"),
            ("RI_WEEKLOON", "wage", "loon"),
            ("RI_LOONSANCTIE_VERGOEDING", "weekly_wage", "weekloon"),
            ("RI_LOONSANCTIE_VERGOEDING", "approved_costs", "goedgekeurde_kosten"),
            ("RI_TARIEF_PRORATA", "yearly_fee", "jaartarief"),
            ("RI_WIA_UITKERING", "durable", "duurzaam"),
        ],
    )
    def test_a_core_error_is_shown_under_the_excel_name(
        self, name: str, core: str, excel: str
    ) -> None:
        """user review: ``prevention_budget(product, Decimal(-1))`` says ``costs: …`` in
        Python, and RI_PREVENTIEBUDGET still says ``#WAARDE! kosten: …``."""
        error = argument_error(InvalidValueError, core, "-1 is negatief")
        assert str(error) == f"{core}: -1 is negatief"
        assert error_text(error, name, REGISTRY[name].arguments) == (
            f"#WAARDE! {excel}: -1 is negatief"
        )

    def test_the_text_alone_names_no_argument(self) -> None:
        """An error that only *reads* like ``kosten: …`` carries no argument: it is the
        function's error, not renamed by string surgery."""
        function = REGISTRY["RI_PREVENTIEBUDGET"]
        text = error_text(ValueError("kosten: iets"), function.name, function.arguments)
        assert text == "#WAARDE! RI_PREVENTIEBUDGET: kosten: iets"

    def test_a_python_caller_reads_the_python_name(self) -> None:
        """The core's own error (not the add-in's) names ``costs``, and carries it."""
        with pytest.raises(InvalidValueError) as raised:
            prevention_budget(ZEEUWSE_PRB, Decimal(-1))
        assert str(raised.value).startswith("costs: -1 is negatief")
        assert error_argument(raised.value) == (
            "costs",
            "-1 is negatief (verwacht een bedrag van 0 of meer)",
        )
