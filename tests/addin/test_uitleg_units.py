"""Every number in every explanation reads in its unit (user review: weeks read as euros).

``RI_UITLEG`` is rendered for every function it explains, with the reference examples of
``docs/tools/examples.py`` and a few calls that reach the branches those examples do not
(after week 52 and week 104 of wage continuation, the IVA, a loonsanctie with its own
percentages …). Every ``name = value`` it shows is checked against what the name means,
classified here by hand and independently of the code that declares the units: money as
``€ 1.234,56``, weeks as ``104 weken``, days, months, years, percentages, dates as
DD-MM-JJJJ, counts and ratios as plain numbers. A name not classified here fails the test,
so a new field is classified when it first appears.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from docs.tools.examples import DECLARATIONS, LEAVE_PERIODS, examples_for
from docs.tools.excel import Call

from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY
from reintegratie_core import (
    Citation,
    Ground,
    Parameter,
    ParameterHistory,
    _product_parameters,
    _statutory,
    render_grounds,
)
from reintegratie_core.financial import _parameters as financial_parameters
from reintegratie_core.financial import _wage_continuation, _wia

D = date(2025, 1, 6)

#: The shape of a value of each kind, as a reader sees it.
KINDS: dict[str, str] = {
    "euro": r"€ -?\d{1,3}(\.\d{3})*,\d{2}",
    "percent": r"-?\d+(,\d+)? %",
    "weeks": r"\d+(,\d+)? (week|weken)",
    "days": r"\d+(,\d+)? (dag|dagen)",
    "working_days": r"\d+ (werkdag|werkdagen)",
    "months": r"\d+(,\d+)? (maand|maanden)",
    "years": r"\d+ jaar",
    "hours": r"\d+(,\d+)? uur",
    "date": r"\d{2}-\d{2}-\d{4}",
    #: a count, a ratio, a week or month number, a year: digits only, no unit
    "number": r"-?\d+(,\d+)?",
    "yes_no": r"ja|nee",
    #: a code or words: never an amount, a percentage or a bare number (see `matches`)
    "text": r"[^€]*",
    "not_given": r"n\.v\.t\.|niet opgegeven",
}

#: What each field of an explanation means. One kind, or several where a field is either a
#: value or "niet opgegeven".
FIELDS: dict[str, tuple[str, ...]] = {
    # --- money
    **dict.fromkeys(
        (
            "C",
            "D",
            "H",
            "G_x_H_afgerond",
            "bovengrens_afgerond",
            "x_afgerond",
            "al_vergoed",
            "al_vergoed_in_ziektegeval",
            "arbodienst_vergoedt",
            "bedrag",
            "definitief",
            "goedgekeurde_kosten",
            "inkomen",
            "jaarloon",
            "jaartarief",
            "kosten",
            "loon",
            "loongrens_afgerond",
            "maandloon",
            "maandloon_wia",
            "maximumdagloon",
            "preventiebudget",
            "preventiebudget_met_wga_of_wia",
            "reintegratiebudget",
            "reintegratiebudget_met_wga_of_wia",
            "restverdiencapaciteit",
            "schadelast_met",
            "schadelast_zonder",
            "subsidie",
            "terug_te_betalen",
            "vergoed_binnen_budget",
            "verhaald",
            "vloer_afgerond",
            "voorschot",
            "weekloon",
            "wettelijk_afgerond",
            "wia_minimumloon",
            "wml_maand",
            "wml_per_uur",
        ),
        ("euro",),
    ),
    # --- percentages (the core keeps them as fractions)
    **dict.fromkeys(
        (
            "aandeel_lgu",
            "ao_minimum",
            "ao_percentage",
            "ao_volledig",
            "cao_percentage",
            "f",
            "inkomen_percentage",
            "inkomenseis",
            "interventievergoeding",
            "iva_percentage",
            "klassepercentage",
            "lgu_percentage",
            "lgu_percentage_maand_1_2",
            "loondoorbetaling_percentage",
            "loonsanctie_dekkingspercentage",
            "percentage",
            "vakantiebijslag",
            "werkgeverslasten",
            "werkgeverslasten_opgegeven",
        ),
        ("percent",),
    ),
    # --- weeks, days, working days, months, years, hours
    **dict.fromkeys(
        (
            "loondoorbetaling_weken",
            "loonsanctie_max_weken",
            "minimumloon_weken",
            "sanctieweken",
            "weken_per_jaar",
            "weken_per_vierwekenperiode",
        ),
        ("weeks",),
    ),
    **dict.fromkeys(
        (
            "dagen_in_contractjaar",
            "dagen_in_dienst",
            "dagen_per_jaar",
            "dagen_per_maand",
            "herstel_terugval_dagen",
            "horizon_dagen",
            "onderbreking_samentelling_dagen",
            "plan_van_aanpak_dagen",
            "resterende_dagen",
            "signaal_horizon_dagen",
        ),
        ("days",),
    ),
    **dict.fromkeys(
        ("dagen", "melding_loonsanctie_werkdagen", "werkdagen_per_week"), ("working_days",)
    ),
    **dict.fromkeys(
        (
            "betalingstermijn_maanden",
            "contractjaar_maanden",
            "contracttermijn_maanden",
            "declaratietermijn_maanden",
            "lgu_maanden",
            "lgu_maanden_75",
            "lgu_max_maanden",
            "lgu_min_maanden",
            "maand_per_jaar_vanaf_2016",
            "maanden_per_jaar",
            "minimale_looptijd_maanden",
            "opzegtermijn_maanden",
            "terugvalpreventie_contact_na_maanden",
            "terugvalpreventie_min_verzuim_maanden",
        ),
        ("months",),
    ),
    **dict.fromkeys(
        (
            "T",
            "jaren_vanaf_2016",
            "jaren_voor_2016",
            "jaren_volle_maand",
            "premie_voorgaande_jaren",
        ),
        ("years",),
    ),
    "uren_per_week": ("hours", "not_given"),
    # --- dates
    **dict.fromkeys(
        (
            "begeleiding_tot",
            "begeleiding_vanaf",
            "contractjaar_laatste_dag",
            "contractjaar_start",
            "contractvervaldatum_basis",
            "datum",
            "datum_besluit",
            "datum_declaratie",
            "datum_melding",
            "datum_probleemanalyse",
            "datum_vergoeding",
            "eerste_ziektedag",
            "einddatum",
            "einddatum_module",
            "einde_loondoorbetaling",
            "hersteldatum",
            "ingangsdatum",
            "ingangsdatum_module",
            "laatste_ziektedag",
            "ontvangst_nota",
            "ontvangst_opzegging",
            "peildatum",
            "sinds",
            "uiterste_melding",
            "vanaf",
            "ziektedag",
        ),
        ("date",),
    ),
    # --- plain numbers: counts, ratios, a week/month/day number, a year
    **dict.fromkeys(
        (
            "C/D",
            "maand",
            "perioden",
            "premiejaar",
            "verlofperioden",
            "ziekmelding_uiterlijk_dag",
            "ziekteweek",
        ),
        ("number",),
    ),
    # --- yes/no
    **dict.fromkeys(
        (
            "begrensd",
            "dienstverband_beeindigd",
            "dienstverband_eerder_beeindigd",
            "duurzaam",
            "met_wga_of_wia",
            "niet_bovenmatig",
            "noodzakelijk",
            "te_laat",
            "vloer_toegepast",
            "vooraf_goedgekeurd",
            "voorwaarden_voldaan",
            "wettelijke_reintegratieverplichting",
        ),
        ("yes_no",),
    ),
    # --- codes and words
    **dict.fromkeys(
        (
            "duur",
            "iban",
            "land",
            "module",
            "periode",
            "product",
            "reden",
            "soort",
            "status",
            "uitkering",
        ),
        ("text",),
    ),
}

#: ``berekend`` is the LGU's months in RI_WGA_DUUR and an amount in the loonsanctie.
FIELDS["berekend"] = ("months", "euro")
#: ``arbodienst_vergoedt`` is an amount, or "ja" where only the fact was given.
FIELDS["arbodienst_vergoedt"] = ("euro", "yes_no")

#: The unit of each function's result when it is a number.
RESULTS: dict[str, str] = {
    **dict.fromkeys(
        (
            "RI_PREVENTIEBUDGET",
            "RI_REINTEGRATIEBUDGET",
            "RI_KBA_BIJDRAGE",
            "RI_DERDEN_TERUGBETALING",
            "RI_INTERVENTIEVERGOEDING",
            "RI_RESTERENDE_LOONKOSTEN",
            "RI_LOONSANCTIE_VERGOEDING",
            "RI_WEEKLOON",
            "RI_TARIEF_PRORATA",
            "RI_LOONDOORBETALING",
            "RI_WIA_DAGLOON",
            "RI_WIA_MAANDLOON",
            "RI_WIA_UITKERING",
        ),
        "euro",
    ),
    "RI_RESTERENDE_WEKEN": "weeks",
    "RI_ZIEKTEDAGEN": "days",
    "RI_WGA_DUUR": "months",
}

#: The kinds of the columns of each table that holds numbers (a table not listed holds
#: none: codes, dates and articles).
TABLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "RI_ZIEKTEGEVALLEN": (("date",), ("date", "empty"), ("days", "text"), ("number",)),
    "RI_BUDGET_RESTANT": (
        ("text",),
        ("date", "empty"),
        ("date", "empty"),
        ("euro",),
        ("euro",),
        ("euro",),
        ("number",),
    ),
    "RI_WIA_OVERZICHT": (("text",), ("number",), ("number", "empty"), ("euro",), ("text",)),
}

#: Calls that reach the branches the reference examples do not.
BRANCHES: tuple[Call, ...] = (
    Call("RI_TIJDLIJN", (D, date(2025, 2, 10), 4)),
    Call("RI_RESTERENDE_WEKEN", (D, date(2026, 1, 5), 6)),
    Call("RI_SIGNAAL", (D, date(2025, 10, 20), 10)),
    Call("RI_RESTERENDE_LOONKOSTEN", (800, D, date(2026, 1, 5), 0.8)),
    Call("RI_LOONSANCTIE_VERGOEDING", (1000, 10, 0.8, 0.3, 500)),
    Call("RI_WEEKLOON", (3600, "vier weken")),
    Call("RI_WEEKLOON", (200, "dagloon")),
    Call("RI_REINTEGRATIEBUDGET", (5000, False, 0, 1000)),
    Call("RI_INTERVENTIEVERGOEDING", ("asr-reintegratiemanager", 900, D, date(2025, 1, 1))),
    Call(
        "RI_CONTRACTVERVALDATUM",
        ("asr-reintegratiemanager", "reintegratiemanager", date(2025, 3, 1), D, 24),
    ),
    Call("RI_BUDGET_RESTANT", ("zeeuwse-prb", DECLARATIONS, LEAVE_PERIODS)),
    Call("RI_LOONDOORBETALING", (2500, 60, date(2025, 3, 1), 36)),
    Call("RI_LOONDOORBETALING", (2500, 110, date(2025, 8, 1), 36)),
    Call("RI_LOONDOORBETALING", (9000, 1, date(2027, 3, 1), 40)),
    Call("RI_WGA_DUUR", (12, 8)),
    Call("RI_WIA_UITKERING", (90000, 90, 0, 0, date(2026, 2, 1), True)),
    Call("RI_WIA_UITKERING", (26100, 20, 1000, 0, date(2025, 3, 1))),
    Call("RI_WIA_UITKERING", (26100, 50, 1000, 300, date(2025, 3, 1))),
    Call("RI_WIA_UITKERING", (26100, 85, 1000, 0, date(2025, 3, 1), False, 1, 12)),
    Call("RI_WIA_OVERZICHT", (90000, 90, 0, 0, date(2026, 2, 1), True)),
)


def _calls() -> Iterator[Call]:
    for name, function in REGISTRY.items():
        names = tuple(p.name for p in function.params)
        optional = tuple(p.optional for p in function.params)
        yield from examples_for(name, names, optional)
    yield from BRANCHES


CALLS = tuple(_calls())

#: ``name = value`` inside a parameter list ``[…]``: a name follows ``[`` or ``, ``; its
#: value runs to the next such name or the list's end.
_NAME = r"[A-Za-z_/][A-Za-z0-9_/]*"
_FIELD = re.compile(rf"(?:(?<=\[)|(?<=, ))({_NAME}) = (.*?)(?=, {_NAME} = |\]$)")


def fields_of(line: str) -> list[tuple[str, str]]:
    """The ``name = value`` pairs of one explanation line (its result and parameters)."""
    found = []
    bracket = line.rfind(" [")
    if line.startswith("- ") and bracket != -1 and line.endswith("]"):
        listed = line[bracket + 1 :]
        found += _FIELD.findall(listed)
        assert len(found) == listed.count(" = "), f"unreadable parameter list: {listed}"
    return found


def matches(value: str, kinds: tuple[str, ...]) -> bool:
    """Whether ``value`` reads as one of ``kinds``."""
    return any(_is(value, kind) for kind in kinds)


def _is(value: str, kind: str) -> bool:
    if kind == "empty":
        return value == ""
    if kind == "text":  # words or a code: nothing that reads as a number of some unit
        numeric = ("euro", "percent", "number")
        return value != "" and not any(_is(value, k) for k in numeric) and "€" not in value
    return re.fullmatch(KINDS[kind], value) is not None


def _explain(call: Call) -> str:
    text = udfs.RI_UITLEG(call.function, *call.raw())
    assert not text.startswith("#"), f"{call.formula()}: {text}"
    return text


class TestEveryExplanation:
    def test_every_explained_function_has_a_call(self) -> None:
        """RI_UITLEG explains every declared function; each is rendered here."""
        assert {c.function for c in CALLS} >= set(REGISTRY)

    @pytest.mark.parametrize("call", CALLS, ids=lambda c: c.formula())
    def test_every_field_reads_in_its_unit(self, call: Call) -> None:
        """Money reads with €, weeks/days/months/percentages/counts never with € (BW 7:629
        lid 1: 104 weken; financieel.md §9)."""
        wrong = []
        for line in _explain(call).splitlines():
            for name, value in fields_of(line):
                kinds = FIELDS.get(name)
                if kinds is None:
                    wrong.append(f"{name} = {value}: classify it in FIELDS")
                elif not matches(value, kinds):
                    wrong.append(f"{name} = {value}: expected {' or '.join(kinds)}")
        assert wrong == [], call.formula()

    @pytest.mark.parametrize("call", CALLS, ids=lambda c: c.formula())
    def test_the_result_reads_in_its_unit(self, call: Call) -> None:
        """A money result reads '€ …', a result in weeks/days/months with its word."""
        first = _explain(call).splitlines()[0]
        if first.endswith(":"):  # a table
            return
        value = first.removeprefix(f"{call.function} = ")
        kind = RESULTS.get(call.function)
        if kind is not None:
            assert matches(value, (kind,)), first
        else:  # a date, yes/no or a text: never an amount
            assert "€" not in value, first
            assert re.fullmatch(KINDS["number"], value) is None, first

    @pytest.mark.parametrize("call", CALLS, ids=lambda c: c.formula())
    def test_table_cells_read_in_their_unit(self, call: Call) -> None:
        """A table's amounts read '€ …' and its day counts 'n dagen'; other tables show no €."""
        lines = _explain(call).splitlines()
        if not lines[0].endswith(":"):
            return
        rows = [line.removeprefix("  · ") for line in lines[1:] if line.startswith("  · ")]
        columns = TABLES.get(call.function)
        for row in rows:
            cells = row.split(" · ")
            if columns is None:
                assert "€" not in row, row
                continue
            for cell, kinds in zip(cells, columns, strict=True):
                assert matches(cell, kinds), f"{cell!r} in {row!r}: expected {kinds}"


def _declared() -> Iterator[Parameter[int] | Parameter[object]]:
    for module in (
        _statutory,
        _product_parameters,
        financial_parameters,
        _wage_continuation,
        _wia,
    ):
        for value in vars(module).values():
            if isinstance(value, Parameter):
                yield value
            elif isinstance(value, ParameterHistory):
                yield from value.versions


DECLARED = tuple({p.name: p for p in _declared()}.values())


class TestEveryParameter:
    def test_parameters_are_found(self) -> None:
        """The statutory, product and financial parameters are all looked at."""
        names = {p.name for p in DECLARED}
        assert {"loondoorbetaling_weken", "minimumloon_weken", "reintegratiebudget"} <= names
        assert {"maximumdagloon", "iva_percentage", "herstel_terugval_dagen"} <= names

    @pytest.mark.parametrize("parameter", DECLARED, ids=lambda p: p.name)
    def test_every_parameter_reads_in_its_unit(self, parameter: Parameter[object]) -> None:
        """Every declared parameter, used or not by an example, reads in its unit
        (domein §7: every number a dated, cited parameter)."""
        ground = Ground(
            rule="r", citation=Citation.decision("§7"), parameters=(parameter.as_pair(),)
        )
        (line,) = render_grounds([ground])
        ((name, value),) = fields_of(f"- {line}")
        assert name == parameter.name
        kinds = FIELDS.get(name)
        assert kinds is not None, f"{name}: classify it in FIELDS"
        assert matches(value, kinds), f"{name} = {value}: expected {' or '.join(kinds)}"
