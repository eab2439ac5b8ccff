"""The compensation Excel functions, called as Excel calls them (excel-functions.md "Compensation")."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs, udfs_vergoeding
from reintegratie_addin.functions import REGISTRY
from reintegratie_core import compensation
from reintegratie_core.products import Product
from tests.strategies import excel_values

SPEC = Path(__file__).resolve().parents[2] / "sources" / "excel-functions.md"

NAMES = (
    "RI_PREVENTIEBUDGET",
    "RI_REINTEGRATIEBUDGET",
    "RI_KBA_BIJDRAGE",
    "RI_DERDEN_TERUGBETALING",
    "RI_INTERVENTIEVERGOEDING",
    "RI_RESTERENDE_LOONKOSTEN",
    "RI_LOONSANCTIE_VERGOEDING",
    "RI_WEEKLOON",
    "RI_TARIEF_PRORATA",
    "RI_TELT_MEE_VOOR_PREMIE",
    "RI_SEPA_REKENING",
)

D = datetime(2025, 1, 6)
IBAN = "NL91 ABNA 0417 1643 00"

#: One valid call per function: (arguments, the expected result).
SAMPLES: dict[str, tuple[list[Any], Any]] = {
    "RI_PREVENTIEBUDGET": ([800], 500.0),
    "RI_REINTEGRATIEBUDGET": ([5000, False, 1500], 2500.0),
    "RI_KBA_BIJDRAGE": ([10000, 4000, 50000, 30000], 6000.0),
    "RI_DERDEN_TERUGBETALING": ([3000, 5000, 2500], 500.0),
    "RI_INTERVENTIEVERGOEDING": (["mkb-verzuim-ontzorg", 1200, D, datetime(2024, 1, 1)], 1200.0),
    "RI_RESTERENDE_LOONKOSTEN": ([1000, D, datetime(2025, 3, 6)], 66800.0),
    "RI_LOONSANCTIE_VERGOEDING": ([1000, 10], 8750.0),
    "RI_WEEKLOON": ([3000, "maand"], 692.31),
    "RI_TARIEF_PRORATA": ([365, datetime(2025, 1, 1), datetime(2025, 7, 1)], 184.0),
    "RI_TELT_MEE_VOOR_PREMIE": ([datetime(2022, 1, 1), 2025], True),
    "RI_SEPA_REKENING": ([IBAN], True),
}

#: Per function, what RI_UITLEG must show for its sample: an article and parameter values.
EXPLAINED: dict[str, tuple[str, ...]] = {
    "RI_PREVENTIEBUDGET": (
        "De Zeeuwse Preventie en re-integratie art. 2.5.1",
        "preventiebudget = € 500,00",
    ),
    "RI_REINTEGRATIEBUDGET": (
        "art. 2.6.1",
        "reintegratiebudget = € 4.000,00",
        "al_vergoed_in_ziektegeval = € 1.500,00",
    ),
    "RI_KBA_BIJDRAGE": (
        "art. 2.6.1",
        "schadelast_zonder = € 50.000,00",
        "schadelast_met = € 30.000,00",
    ),
    "RI_DERDEN_TERUGBETALING": (
        "art. 2.6.4",
        "verhaald = € 2.500,00",
        "terug_te_betalen = € 500,00",
    ),
    "RI_INTERVENTIEVERGOEDING": (
        "De Amersfoortse Ontzorgmanager art. 3.3",
        "«Interventiekostenvergoeding»",
        "interventievergoeding = 100 %",
    ),
    "RI_RESTERENDE_LOONKOSTEN": ("BW art. 7:629 lid 1", "loondoorbetaling_percentage = 70 %"),
    "RI_LOONSANCTIE_VERGOEDING": (
        "art. 2.7.2",
        "loonsanctie_dekkingspercentage = 70 %",
        "werkgeverslasten = 25 %",
    ),
    "RI_WEEKLOON": ("beslissing domein §6", "maanden_per_jaar = 12", "weken_per_jaar = 52"),
    "RI_TARIEF_PRORATA": ("a.s.r. Re-integratiemanager art. 5.2", "dagen_in_contractjaar = 365"),
    "RI_TELT_MEE_VOOR_PREMIE": ("art. 2.5.3 en 2.6.3", "premie_voorgaande_jaren = 3"),
    "RI_SEPA_REKENING": ("a.s.r. Re-integratiemanager art. 3.4", "land = NL"),
}


def _contract() -> dict[str, list[tuple[str, bool, str | None]]]:
    """Each compensation function's arguments from the spec: (name, optional, default)."""
    text = SPEC.read_text(encoding="utf-8")
    result = {}
    for name, args in re.findall(r"`(RI_[A-Z_]+)\(([^)`]*)\)`", text):
        if name not in NAMES:
            continue
        parsed = []
        for arg in (a.strip() for a in args.split(",")):
            optional = arg.startswith("[")
            arg_name, _, default = arg.strip("[]").partition("=")
            parsed.append((arg_name, optional, default or None))
        result[name] = parsed
    return _with_changes(text, result)


def _with_changes(
    text: str, contract: dict[str, list[tuple[str, bool, str | None]]]
) -> dict[str, list[tuple[str, bool, str | None]]]:
    """The arguments the "Changes of 2026-12-01" add: "`RI_X` gains `[a=…]`, … after `b`"
    (inserted after ``b``) or "… at the end" (appended)."""
    changes = text.split("### Changes of 2026-12-01", 1)[1].split("\n### ", 1)[0]
    for name, gained in re.findall(
        r"`(RI_[A-Z_]+)` gains (.*?)(?=`RI_|\n- |\Z)", changes, re.DOTALL
    ):
        if name not in contract:
            continue
        added = []
        for arg in re.findall(r"`\[([a-z_]+(?:=[A-Z0-9]+)?)\]`", gained):
            arg_name, _, default = arg.partition("=")
            added.append((arg_name, True, default or None))
        after = re.search(r"after `([a-z_]+)`", gained)
        names = [a for a, _, _ in contract[name]]
        at = names.index(after.group(1)) + 1 if after else len(names)
        contract[name][at:at] = added
    return contract


CONTRACT = _contract()

#: excel-functions.md "Changes of 2026-12-01" (domain §8.1): ``ziekte`` replaces
#: ``eerste_ziektedag``; the contract table above it still shows the old name.
CONTRACT["RI_INTERVENTIEVERGOEDING"] = [
    ("ziekte", False, None) if arg == "eerste_ziektedag" else (arg, optional, default)
    for arg, optional, default in CONTRACT["RI_INTERVENTIEVERGOEDING"]
]
#: RI_RESTERENDE_LOONKOSTEN gains ``[sanctieweken]`` at the end, as RI_RESTERENDE_WEKEN has it
#: (BW 7:629 lid 11; ``001`` art. 3.3/3.5): the contract table still shows the old list.
CONTRACT["RI_RESTERENDE_LOONKOSTEN"] = [
    *CONTRACT["RI_RESTERENDE_LOONKOSTEN"],
    ("sanctieweken", True, None),
]


def _excel_default(text: str) -> Any:
    return {"FALSE": False, "TRUE": True}.get(text, text)


class TestContract:
    def test_the_spec_lists_all_eleven(self) -> None:
        """excel-functions.md 'Compensation' lists exactly the eleven functions of issue 5."""
        assert set(CONTRACT) == set(NAMES)

    @pytest.mark.parametrize("name", NAMES)
    def test_names_and_argument_order_as_the_spec(self, name: str) -> None:
        """excel-functions.md: the function exists under its name with the spec's arguments, in order."""
        assert name in udfs.contract_functions()
        declared = [(p.name, p.optional) for p in REGISTRY[name].params]
        assert declared == [(a, optional) for a, optional, _ in CONTRACT[name]]

    @pytest.mark.parametrize("name", NAMES)
    def test_defaults_as_the_spec(self, name: str) -> None:
        """excel-functions.md: leaving an optional argument out equals giving its stated default."""
        args, _ = SAMPLES[name]
        spec = CONTRACT[name]
        explicit = list(args) + [None] * (len(spec) - len(args))
        for index, (_, optional, default) in enumerate(spec):
            if optional and default is not None and explicit[index] is None:
                explicit[index] = _excel_default(default)
        assert udfs.contract_functions()[name](*explicit) == udfs.contract_functions()[name](*args)

    @pytest.mark.parametrize("name", NAMES)
    def test_sample_results(self, name: str) -> None:
        """excel-functions.md: each function answers its sample call (domain §6 numbers)."""
        args, expected = SAMPLES[name]
        assert udfs.contract_functions()[name](*args) == expected


class TestSpecExamples:
    def test_reintegratiebudget(self) -> None:
        """excel-functions.md example, 003 art. 2.6.1: RI_REINTEGRATIEBUDGET(5000, False, 1500) = 2500.0."""
        assert udfs.RI_REINTEGRATIEBUDGET(5000, False, 1500) == 2500.0

    def test_loonsanctie(self) -> None:
        """excel-functions.md example, 003 art. 2.7.2: RI_LOONSANCTIE_VERGOEDING(1000, 10) = 8750.0."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10) == 8750.0


class TestAmounts:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [("320,50", 320.5), ("320.50", 320.5), ("€ 1.250,50", 500.0), (320.5, 320.5), (320, 320.0)],
    )
    def test_numbers_and_numeric_text(self, value: Any, expected: float) -> None:
        """excel-functions.md: amounts as numbers or text with ',' or '.' as decimal separator."""
        assert udfs.RI_PREVENTIEBUDGET(value) == expected

    @pytest.mark.parametrize(
        ("call", "argument"),
        [
            (lambda: udfs.RI_PREVENTIEBUDGET(-5), "kosten"),
            (lambda: udfs.RI_PREVENTIEBUDGET(100, False, "-1"), "al_vergoed"),
            (lambda: udfs.RI_REINTEGRATIEBUDGET(100, False, 0, -0.01), "subsidie"),
            (lambda: udfs.RI_KBA_BIJDRAGE(1, 1, 1, -1), "schadelast_met"),
            (lambda: udfs.RI_DERDEN_TERUGBETALING(-1, 1, 1), "voorschot"),
            (lambda: udfs.RI_WEEKLOON(-100, "week"), "loon"),
            (lambda: udfs.RI_TARIEF_PRORATA(-1, D, D), "jaartarief"),
            (
                lambda: udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, -5),
                "goedgekeurde_kosten",
            ),
        ],
    )
    def test_negative_amounts_name_the_argument(self, call: Any, argument: str) -> None:
        """excel-functions.md: a negative amount is an error naming the argument."""
        result = call()
        assert result.startswith(f"#WAARDE! {argument}: ")
        assert "negatief" in result

    def test_missing_required_amount(self) -> None:
        """excel-functions.md: a missing required argument names it."""
        assert udfs.RI_KBA_BIJDRAGE(1, 1, 1).startswith("#WAARDE! schadelast_met: ontbreekt")

    def test_text_that_is_no_number(self) -> None:
        """excel-functions.md: text that is no number is an error naming the argument."""
        assert udfs.RI_WEEKLOON("veel", "week").startswith('#WAARDE! loon: "veel" is geen getal')

    def test_results_are_rounded_to_cents(self) -> None:
        """spec §1: results are numbers rounded to the cent, half up: 1000 × 12 ÷ 52 → 230.77."""
        assert udfs.RI_WEEKLOON(1000, "maand") == 230.77
        assert udfs.RI_LOONSANCTIE_VERGOEDING(0.12, 1) == 0.11


class TestFloatConversion:
    def test_float_is_read_as_excel_shows_it(self) -> None:
        """The shell reads a float at Excel's 15 significant digits, never Decimal(x): 1.005
        stays 1.005 → 1.01."""
        value = 1.005
        assert Decimal(value) < Decimal(repr(value))  # the binary value is below the half cent
        assert udfs.RI_WEEKLOON(1.005, "week") == 1.01
        assert udfs.RI_PREVENTIEBUDGET(1.005) == 1.01

    def test_no_float_reaches_the_core(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """spec §1: the core formula receives Decimal amounts, never a float."""
        seen: list[Any] = []
        original = compensation.sanction_compensation

        def spy(*args: Any, **kwargs: Any) -> Any:
            seen.extend([*args, *kwargs.values()])
            return original(*args, **kwargs)

        monkeypatch.setattr(udfs_vergoeding, "sanction_compensation", spy)
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000.5, 10.0, 0.8, 0.25, 12.34) == 10017.34
        assert seen
        assert not any(isinstance(v, float) for v in seen)
        assert all(isinstance(v, Decimal) for v in seen if not isinstance(v, bool | int | Product))

    @given(st.integers(0, 10**9).map(lambda cents: cents / 100))
    def test_two_decimal_floats_are_exact(self, value: float) -> None:
        """spec §1: any float with two decimals is taken as exactly that amount."""
        assert udfs.RI_WEEKLOON(value, "week") == value


class TestPercentages:
    @pytest.mark.parametrize("value", [0.8, "80%", 80, "80", "0,8"])
    def test_three_forms(self, value: Any) -> None:
        """excel-functions.md: percentages as 0.7, 70% or 70 (here the cao percentage 80 %)."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, value) == 10000.0

    def test_just_above_one_is_a_hundred_percent(self) -> None:
        """User review: 1.0000000000000002 shows as 1 (100 %), not as 1 % (125 instead of
        12500)."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000.0, 10.0, 1.0000000000000002) == 12500.0

    def test_employer_charges(self) -> None:
        """003 art. 2.7.2: werkgeverslasten may be given in any percentage form."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, "30%") == 9100.0

    def test_out_of_range(self) -> None:
        """excel-functions.md: a percentage above 100 % names the argument."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, 150).startswith("#WAARDE! percentage:")
        assert udfs.RI_RESTERENDE_LOONKOSTEN(1000, D, D, -5).startswith("#WAARDE! percentage:")


class TestBudgets:
    def test_preventie_with_wga_or_wia(self) -> None:
        """003 art. 2.5.1: with WGA/WIA ('ja') the prevention cap is € 1,000."""
        assert udfs.RI_PREVENTIEBUDGET(1200, "ja") == 1000.0

    def test_preventie_conditions_and_employment(self) -> None:
        """003 art. 2.5.2: conditions not met, or employment ended before the start: 0."""
        assert udfs.RI_PREVENTIEBUDGET(300, None, None, False) == 0.0
        assert udfs.RI_PREVENTIEBUDGET(300, None, None, None, "waar") == 0.0

    def test_preventie_already_reimbursed(self) -> None:
        """003 art. 2.5.1: min(800, 500 − 300) = 200."""
        assert udfs.RI_PREVENTIEBUDGET(800, False, 300) == 200.0

    def test_reintegratie_wga_and_subsidy(self) -> None:
        """003 art. 2.6.1, 3.1: cap € 8,000 with WGA/WIA; subsidy deducted after the cap."""
        assert udfs.RI_REINTEGRATIEBUDGET(9000, True) == 8000.0
        assert udfs.RI_REINTEGRATIEBUDGET(5000, False, 0, 1500) == 2500.0

    def test_changes_add_the_core_arguments(self) -> None:
        """excel-functions.md "Changes of 2026-12-01": RI_REINTEGRATIEBUDGET gains
        voorwaarden_voldaan, soort, geen_reintegratieverplichting after subsidie;
        RI_PREVENTIEBUDGET gains soort at the end."""
        assert [p.name for p in REGISTRY["RI_REINTEGRATIEBUDGET"].params][4:] == [
            "voorwaarden_voldaan",
            "soort",
            "geen_reintegratieverplichting",
        ]
        assert REGISTRY["RI_PREVENTIEBUDGET"].params[-1].name == "soort"

    def test_reintegratie_conditions_of_2_6_2(self) -> None:
        """003 art. 2.6.2: conditions not met → 0; given as met → the budget."""
        assert udfs.RI_REINTEGRATIEBUDGET(3000, False, 0, 0, False) == 0.0
        assert udfs.RI_REINTEGRATIEBUDGET(3000, False, 0, 0, True) == 3000.0

    @pytest.mark.parametrize(
        "kind", ["medische_behandeling", "elders vergoed", "reiskosten", "annulering", "no-show"]
    )
    def test_excluded_kinds_of_2_6_5_and_2_5_4(self, kind: str) -> None:
        """Decision §8.1 (excluded kinds per product): zeeuwse-prb's own text, 003 art. 2.6.5
        for the re-integratiebudget and art. 2.5.4 for the preventiebudget: 0."""
        assert udfs.RI_REINTEGRATIEBUDGET(3000, False, 0, 0, True, kind) == 0.0
        assert udfs.RI_PREVENTIEBUDGET(300, None, None, None, None, kind) == 0.0
        assert "art. 2.6.5" in udfs.RI_UITLEG("RI_REINTEGRATIEBUDGET", 3000, 0, 0, 0, 1, kind)
        assert "art. 2.5.4" in udfs.RI_UITLEG("RI_PREVENTIEBUDGET", 300, 0, 0, 1, 0, kind)

    def test_unknown_budget_kind_names_soort(self) -> None:
        """excel-functions.md: an unknown soort lists the kinds of art. 2.6.5."""
        result = udfs.RI_REINTEGRATIEBUDGET(3000, False, 0, 0, True, "psycholoog")
        assert result.startswith('#WAARDE! soort: onbekende waarde "psycholoog"')
        assert "reiskosten" in result

    def test_no_legal_reintegration_duty(self) -> None:
        """003 art. 2.6.2: employment ended and no legal re-integration duty → 0; the default
        (a duty) reimburses, also after the employment ended."""
        assert udfs.RI_REINTEGRATIEBUDGET(3000, False, 0, 0, True, None, True) == 0.0
        assert udfs.RI_REINTEGRATIEBUDGET(3000, False, 0, 0, True, None, False) == 3000.0
        text = udfs.RI_UITLEG("RI_REINTEGRATIEBUDGET", 3000, 0, 0, 0, 1, None, 1)
        assert "geen wettelijke re-integratieverplichting" in text

    def test_bad_boolean(self) -> None:
        """excel-functions.md: a boolean argument names itself when it is no yes/no value."""
        assert udfs.RI_REINTEGRATIEBUDGET(5000, "misschien").startswith("#WAARDE! met_wga_of_wia:")

    def test_kba_and_third_party(self) -> None:
        """003 art. 2.6.1, 2.6.4: the saving limits the extra; everything recovered repays all."""
        assert udfs.RI_KBA_BIJDRAGE(10000, 4000, 35000, 30000) == 1000.0
        assert udfs.RI_DERDEN_TERUGBETALING(3000, 5000, 6000) == 3000.0
        assert udfs.RI_DERDEN_TERUGBETALING("3.000,00", "5000", 0) == 0.0


class TestInterventie:
    def test_002_psychologist_example(self) -> None:
        """002 «Een voorbeeld»: a psychologist advised after two months of psychological
        absence, back within three months, well within the insured period: fully reimbursed."""
        first = datetime(2025, 1, 6)
        advice = datetime(2025, 3, 6)
        aid = udfs.RI_RESTERENDE_LOONKOSTEN(800, first, advice)
        costs = 1450
        assert aid > costs
        assert udfs.RI_INTERVENTIEVERGOEDING(
            "MKB Verzuim-Ontzorg", costs, first, datetime(2024, 1, 1), True, aid > costs
        ) == float(costs)

    @pytest.mark.parametrize(
        "product", ["asr-reintegratiemanager", "ASR_REINTEGRATIEMANAGER", "mkb verzuim ontzorg"]
    )
    def test_products_with_the_rule(self, product: str) -> None:
        """001/004 art. 3.3: the two products with 100 % intervention reimbursement, any case."""
        assert udfs.RI_INTERVENTIEVERGOEDING(product, 999.99, D, D) == 999.99

    @pytest.mark.parametrize("product", ["asr-reintegratie", "Zeeuwse PRB"])
    def test_products_without_the_rule(self, product: str) -> None:
        """000 art. 1.6, 003 art. 2.6: #WAARDE! product saying which products have the rule."""
        result = udfs.RI_INTERVENTIEVERGOEDING(product, 100, D, D)
        assert result.startswith("#WAARDE! product: ")
        assert "kent geen interventievergoeding van 100 %" in result
        assert "asr-reintegratiemanager, mkb-verzuim-ontzorg" in result

    def test_unknown_product(self) -> None:
        """excel-functions.md: an unknown product code lists the known ones, in the words
        every RI_ function with a product uses."""
        result = udfs.RI_INTERVENTIEVERGOEDING("verzuim-plus", 100, D, D)
        assert result.startswith('#WAARDE! product: onbekend product "verzuim-plus"')
        assert "zeeuwse-prb" in result
        assert result == udfs.RI_MODULES("verzuim-plus")
        assert udfs.RI_INTERVENTIEVERGOEDING(True, 100, D, D) == udfs.RI_MODULES(True)

    @pytest.mark.parametrize(
        "kind",
        [
            "rie",
            "RI&E",
            "pmo",
            "PAGO",
            "keuring",
            "cursus preventiemedewerker",
        ],
    )
    def test_excluded_kinds(self, kind: str) -> None:
        """002 «Wat wordt niet vergoed?»: the excluded kinds give 0."""
        assert (
            udfs.RI_INTERVENTIEVERGOEDING("mkb-verzuim-ontzorg", 900, D, D, None, None, kind) == 0.0
        )

    @pytest.mark.parametrize("kind", ["medische_behandeling", "reiskosten", "annulering", "rie"])
    def test_excluded_kinds_are_per_product(self, kind: str) -> None:
        """Decision §8.1 (excluded cost kinds per product, from its own text): 002's list for
        mkb-verzuim-ontzorg only; asr-reintegratiemanager excludes none (001 art. 3.3)."""
        ontzorg = udfs.RI_INTERVENTIEVERGOEDING("mkb-verzuim-ontzorg", 900, D, D, None, None, kind)
        assert ontzorg == (0.0 if kind == "rie" else 900.0)
        manager = udfs.RI_INTERVENTIEVERGOEDING(
            "asr-reintegratiemanager", 900, D, D, None, None, kind
        )
        assert manager == 900.0
        text = udfs.RI_UITLEG(
            "RI_INTERVENTIEVERGOEDING", "asr-reintegratiemanager", 900, D, D, 1, 1, kind
        )
        assert "niet uitgesloten (uitgesloten: geen)" in text

    def test_unknown_kind(self) -> None:
        """excel-functions.md: an unknown soort lists the excluded kinds and says leaving it empty is a normal intervention."""
        result = udfs.RI_INTERVENTIEVERGOEDING(
            "mkb-verzuim-ontzorg", 900, D, D, None, None, "psycholoog"
        )
        assert result.startswith('#WAARDE! soort: onbekende waarde "psycholoog"')
        assert "leeg = " in result

    def test_conditions(self) -> None:
        """001 art. 3.3: not necessary, excessive, or ill before the start: 0."""
        product = "asr-reintegratiemanager"
        assert udfs.RI_INTERVENTIEVERGOEDING(product, 900, D, D, False) == 0.0
        assert udfs.RI_INTERVENTIEVERGOEDING(product, 900, D, D, True, False) == 0.0
        assert udfs.RI_INTERVENTIEVERGOEDING(product, 900, D, datetime(2025, 1, 7)) == 0.0

    def test_bad_date(self) -> None:
        """excel-functions.md: an impossible date names the argument."""
        result = udfs.RI_INTERVENTIEVERGOEDING("mkb-verzuim-ontzorg", 900, "31-02-2025", D)
        assert result.startswith("#WAARDE! ziekte:")

    def test_relapse_of_a_case_begun_before_the_start(self) -> None:
        """Domain §8.1, 001 art. 3.3: a relapse < 28 days after a case that began before the
        module's start is that case: no reimbursement; a single date works as before."""
        product = "asr-reintegratiemanager"
        start = datetime(2025, 1, 1)
        periods = [[datetime(2024, 12, 1), datetime(2024, 12, 31)], [datetime(2025, 1, 20), None]]
        assert udfs.RI_INTERVENTIEVERGOEDING(product, 900, periods, start) == 0.0
        assert udfs.RI_INTERVENTIEVERGOEDING(product, 900, datetime(2025, 1, 20), start) == 900.0
        later = [[datetime(2024, 11, 1), datetime(2024, 11, 30)], [datetime(2025, 1, 20), None]]
        assert udfs.RI_INTERVENTIEVERGOEDING(product, 900, later, start) == 900.0


class TestResterendeLoonkosten:
    def test_percentage_forms(self) -> None:
        """BW 7:629 lid 1: the percentage defaults to 70 %; 100 % as 1, '100%' or 100."""
        full = udfs.RI_RESTERENDE_LOONKOSTEN(700, D, datetime(2026, 12, 27), 1)
        assert full == 700.0
        assert udfs.RI_RESTERENDE_LOONKOSTEN(700, D, datetime(2026, 12, 27), "100%") == full
        assert udfs.RI_RESTERENDE_LOONKOSTEN(700, D, datetime(2026, 12, 27)) == 490.0

    def test_closed_short_case_is_not_applicable(self) -> None:
        """spec §2: a closed case that never reaches week 104: n.v.t."""
        periods = [[datetime(2025, 1, 6), datetime(2025, 2, 1)]]
        assert udfs.RI_RESTERENDE_LOONKOSTEN(1000, periods, datetime(2025, 1, 20)) == "n.v.t."

    def test_lifts_over_first_sick_days(self) -> None:
        """excel-functions.md: a column of first sick days gives a column of amounts."""
        result = udfs.RI_RESTERENDE_LOONKOSTEN(
            1000, [[datetime(2025, 1, 6)], [datetime(2025, 1, 13)]], datetime(2025, 3, 6)
        )
        assert result == [[66800.0], [67500.0]]


class TestLoonsanctie:
    @pytest.mark.parametrize("weeks", [53, 0, -1, 10.5, "tien"])
    def test_bad_weeks_name_the_argument(self, weeks: Any) -> None:
        """003 art. 2.7.1: 1 … 52 whole weeks; anything else names sanctieweken."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, weeks).startswith("#WAARDE! sanctieweken:")

    def test_fifty_two_weeks(self) -> None:
        """003 art. 2.7.1: 52 weeks is the maximum and allowed."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(100, 52) == 4550.0

    def test_conditions_and_once_only(self) -> None:
        """003 art. 2.7, 2.7.3: conditions not met or the arbodienst already paid: 0."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, False) == 0.0
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, True) == 0.0

    def test_arbodienst_partial_payment_is_netted(self) -> None:
        """003 art. 2.7 "maar één keer": the arbodienst's garantie paid € 3,000 of 8,750 →
        we pay 5,750 (an amount is netted; WAAR still means it paid all)."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, 3000) == 5750.0
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, "3000,50") == 5749.5
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, 10000) == 0.0
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, "ja") == 0.0
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, "nee") == 8750.0
        text = udfs.RI_UITLEG("RI_LOONSANCTIE_VERGOEDING", 1000, 10, None, None, 0, True, 3000)
        assert "maar één keer" in text
        bad = udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, "veel")
        assert bad.startswith("#WAARDE! arbodienst_vergoedt:")

    def test_arbodienst_one_and_zero_are_booleans(self) -> None:
        """Calling conventions (booleans in: 1/0) come before the amount reading: 1 is WAAR."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, 1.0) == 0.0
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, 0.0) == 8750.0
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, 2.0) == 8748.0

    @pytest.mark.parametrize(
        ("text", "number"),
        [
            ("1", 1.0),
            ("0", 0.0),
            (" 1 ", 1.0),
            ("1,00", 1.0),
            ("€ 1", 1.0),
            ("0,0", 0.0),
            ("2", 2.0),
            ("1,5", 1.5),
        ],
    )
    def test_arbodienst_text_numbers_read_as_the_number(self, text: str, number: float) -> None:
        """A cell holding 1 as text gives what the number 1 gives (WAAR, not € 1): text
        numbers follow the number cells' convention, 1/0 = WAAR/ONWAAR, other amounts paid."""
        as_text = udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, text)
        as_number = udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, number)
        assert as_text == as_number
        explained = udfs.RI_UITLEG("RI_LOONSANCTIE_VERGOEDING", 1000, 10, None, None, 0, True, text)
        assert explained == udfs.RI_UITLEG(
            "RI_LOONSANCTIE_VERGOEDING", 1000, 10, None, None, 0, True, number
        )

    @pytest.mark.parametrize("word", ["y", "Y", "ja", "WAAR", "true"])
    def test_arbodienst_yes_words_are_the_shared_ones(self, word: str) -> None:
        """Every yes word another yes/no argument takes (reintegratie_io.to_bool) is WAAR
        here too: the function kept its own list, without "y"."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, True, word) == 0.0
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, 0, word) == 8750.0

    def test_approved_costs(self) -> None:
        """003 art. 2.7.2: approved re-integration costs are added."""
        assert udfs.RI_LOONSANCTIE_VERGOEDING(1000, 10, None, None, "1234,56") == 9984.56


class TestWeekloon:
    @pytest.mark.parametrize(
        ("wage", "period", "expected"),
        [
            (52000, "jaar", 1000.0),
            (3000, "MAAND", 692.31),
            (4000, "4 weken", 1000.0),
            (4000, "4-weken", 1000.0),
            (4000, "vier weken", 1000.0),
            (1000, "week", 1000.0),
            (200, "dag", 1000.0),
        ],
    )
    def test_periods(self, wage: int, period: str, expected: float) -> None:
        """spec §6: year ÷ 52; month × 12 ÷ 52; four weeks ÷ 4; week; day × 5."""
        assert udfs.RI_WEEKLOON(wage, period) == expected

    def test_unknown_period_lists_the_codes(self) -> None:
        """excel-functions.md: an unknown period code lists the accepted ones."""
        result = udfs.RI_WEEKLOON(1000, "kwartaal")
        assert result.startswith("#WAARDE! periode:")
        assert "jaar, maand, 4 weken, week, dag" in result


class TestTariefProrata:
    def test_serials_and_text_dates(self) -> None:
        """001 art. 5.2: dates may be serials or text; 01-07-2025 in the 2025 year: 184 days."""
        assert udfs.RI_TARIEF_PRORATA(365, 45658, "1-7-2025") == 184.0

    def test_leaving_counts_the_last_day(self) -> None:
        """004 art. 5.2: employed 01-01 … 31-01: 31 days of 365."""
        assert udfs.RI_TARIEF_PRORATA(365, "2025-01-01", "2024-06-01", "31-01-2025") == 31.0

    def test_leaving_before_joining(self) -> None:
        """001 art. 5.2: uit_dienst before in_dienst names uit_dienst."""
        assert udfs.RI_TARIEF_PRORATA(365, D, "2025-07-01", "2025-06-01").startswith(
            "#WAARDE! uit_dienst:"
        )

    def test_year_before_the_conditions(self) -> None:
        """spec §7: no parameter valid before 2000 names contractjaar_start."""
        assert udfs.RI_TARIEF_PRORATA(365, "1999-01-01", "1999-07-01").startswith(
            "#WAARDE! contractjaar_start:"
        )


class TestPremie:
    @pytest.mark.parametrize(
        ("paid", "expected"),
        [("31-12-2021", False), ("1-1-2022", True), ("2025-12-31", True), ("2026-01-01", False)],
    )
    def test_window(self, paid: str, expected: bool) -> None:
        """003 art. 2.5.3, 2.6.3: for premium year 2025 the payments of 2022 … 2025 count."""
        assert udfs.RI_TELT_MEE_VOOR_PREMIE(paid, 2025) is expected

    def test_year_as_date_or_text(self) -> None:
        """Decision: the premium year may be a number, numeric text or a date in that year."""
        assert udfs.RI_TELT_MEE_VOOR_PREMIE("2022-03-01", datetime(2025, 6, 1)) is True
        assert udfs.RI_TELT_MEE_VOOR_PREMIE("2022-03-01", "2025") is True

    @pytest.mark.parametrize("year", ["volgend jaar", 2025.5, 0, 1999])
    def test_bad_years_name_premiejaar(self, year: Any) -> None:
        """003 art. 2.6.3: a premium year that is no (valid) year names premiejaar."""
        assert udfs.RI_TELT_MEE_VOOR_PREMIE("2022-03-01", year).startswith("#WAARDE! premiejaar:")


class TestSepa:
    @pytest.mark.parametrize(
        ("iban", "expected"),
        [
            (IBAN, True),
            ("nl91abna0417164300", True),
            ("CH93 0076 2011 6238 5295 7", True),
            ("SA03 8000 0000 6080 1016 7519", False),
            ("NL91 ABNA 0417 1643 01", False),
            ("NL91-ABNA-0417-1643-00", False),
            ("geen rekening", False),
            (12345, False),
        ],
    )
    def test_accounts(self, iban: Any, expected: bool) -> None:
        """001/004 art. 3.4: TRUE only for a valid IBAN in the SEPA area; any other text FALSE."""
        assert udfs.RI_SEPA_REKENING(iban) is expected

    def test_empty_cell_is_an_error(self) -> None:
        """excel-functions.md: an empty cell is 'not given', an error naming iban."""
        assert udfs.RI_SEPA_REKENING(None).startswith("#WAARDE! iban: ontbreekt")

    def test_explanation_says_why(self) -> None:
        """001/004 art. 3.4: RI_UITLEG says why an IBAN is refused."""
        text = udfs.RI_UITLEG("RI_SEPA_REKENING", "NL91 ABNA 0417 1643 01")
        assert text.startswith("RI_SEPA_REKENING = nee")
        assert "controlegetal" in text


class TestLifting:
    @pytest.mark.parametrize("name", NAMES)
    def test_first_argument_as_a_column_equals_row_by_row(self, name: str) -> None:
        """excel-functions.md: a one-column range gives one result per row, an error only in its row."""
        args, _ = SAMPLES[name]
        function = udfs.contract_functions()[name]
        bad = True if name == "RI_SEPA_REKENING" else "#bad#"  # any text is an answer there
        column = [args[0], bad, args[0]]
        lifted = function([[v] for v in column], *args[1:])
        assert lifted == [[function(v, *args[1:])] for v in column]
        assert lifted[0] == [SAMPLES[name][1]]
        assert str(lifted[1][0]).startswith("#WAARDE!")

    @given(
        costs=st.lists(st.integers(0, 20_000), min_size=2, max_size=6),
        already=st.lists(st.integers(0, 9000), min_size=2, max_size=6),
    )
    def test_two_columns_lift_together(self, costs: list[int], already: list[int]) -> None:
        """excel-functions.md: several ranges of equal length lift row by row."""
        rows = min(len(costs), len(already))
        costs, already = costs[:rows], already[:rows]
        lifted = udfs.RI_REINTEGRATIEBUDGET([[c] for c in costs], None, [[a] for a in already])
        assert lifted == [
            [udfs.RI_REINTEGRATIEBUDGET(c, None, a)] for c, a in zip(costs, already, strict=True)
        ]

    def test_unequal_columns(self) -> None:
        """excel-functions.md: ranges of unequal length are an error."""
        result = udfs.RI_KBA_BIJDRAGE([[1], [2]], [[1], [2], [3]], 10, 5)
        assert result[0][0].startswith("#WAARDE!")
        assert "ongelijke lengte" in result[0][0]


class TestUitleg:
    @pytest.mark.parametrize("name", NAMES)
    def test_explains_with_article_and_parameters(self, name: str) -> None:
        """excel-functions.md RI_UITLEG: the result, each rule with its article, and the parameter values used."""
        args, _ = SAMPLES[name]
        text = udfs.RI_UITLEG(name, *args)
        assert text.startswith(f"{name} = ")
        for part in EXPLAINED[name]:
            assert part in text, (part, text)

    def test_explains_a_refusal(self) -> None:
        """003 art. 2.7: a refused loonsanctie compensation says it is paid only once."""
        text = udfs.RI_UITLEG("RI_LOONSANCTIE_VERGOEDING", 1000, 10, None, None, 0, True, True)
        assert text.startswith("RI_LOONSANCTIE_VERGOEDING = € 0,00")
        assert "maar één keer" in text
        assert "art. 2.7)" in text


class TestNeverRaises:
    @given(st.sampled_from(NAMES), st.lists(excel_values(), max_size=8))
    def test_any_excel_values(self, name: str, args: list[Any]) -> None:
        """excel-functions.md: a compensation function never raises, whatever Excel sends."""
        result = udfs.contract_functions()[name](*args)
        assert result is not None
        if isinstance(result, str) and result.startswith("#WAARDE!"):
            assert len(result) > len("#WAARDE! ")

    @given(st.sampled_from(NAMES), st.data())
    def test_valid_rows_give_no_error(self, name: str, data: st.DataObject) -> None:
        """excel-functions.md: sensible amounts never give an error (results are numbers or booleans)."""
        args, _ = SAMPLES[name]
        amount = data.draw(st.integers(0, 10**7).map(lambda c: c / 100))
        result = udfs.contract_functions()[name](*_with_amount(name, args, amount))
        assert isinstance(result, float | bool)


def _with_amount(name: str, args: list[Any], amount: float) -> list[Any]:
    """The sample call with its first amount argument replaced."""
    positions = {
        "RI_INTERVENTIEVERGOEDING": 1,
        "RI_TELT_MEE_VOOR_PREMIE": None,
        "RI_SEPA_REKENING": None,
    }
    index = positions.get(name, 0)
    if index is None:
        return list(args)
    changed = list(args)
    changed[index] = amount
    return changed


class TestUitlegNumbers:
    def test_int_and_float_read_the_same(self) -> None:
        """003 art. 2.6.1: RI_UITLEG writes € 2.500,00 whether Excel sent 5000 or 5000.0."""
        as_int = udfs.RI_UITLEG("RI_REINTEGRATIEBUDGET", 5000, False, 1500)
        as_float = udfs.RI_UITLEG("RI_REINTEGRATIEBUDGET", 5000.0, False, 1500.0)
        assert as_int == as_float
        assert as_int.startswith("RI_REINTEGRATIEBUDGET = € 2.500,00")
        assert "kosten = € 5.000,00" in as_int

    @given(st.integers(0, 10**7), st.integers(0, 10**7))
    def test_any_whole_amount_reads_the_same_as_int_or_float(self, kosten: int, al: int) -> None:
        """003 art. 2.6.1: for every whole amount, RI_UITLEG is the same text for int and float."""
        as_int = udfs.RI_UITLEG("RI_REINTEGRATIEBUDGET", kosten, False, al)
        as_float = udfs.RI_UITLEG("RI_REINTEGRATIEBUDGET", float(kosten), False, float(al))
        assert as_int == as_float
        assert ".0 " not in as_int
        assert ".0]" not in as_int
