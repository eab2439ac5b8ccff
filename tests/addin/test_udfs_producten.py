"""The product and termination Excel functions, called as Excel calls them.

excel-functions.md "Products, modules, termination"; domain.md §4.
"""

from __future__ import annotations

import inspect
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY
from reintegratie_core.products import BUILTIN_PRODUCTS, TerminationReason
from tests.strategies import excel_scalars, excel_values

SPEC = Path(__file__).resolve().parents[2] / "sources" / "excel-functions.md"
NAMES = (
    "RI_PRODUCTEN",
    "RI_MODULES",
    "RI_CASCADE",
    "RI_EINDIGT_MEE",
    "RI_GEVOLGEN",
    "RI_CONTRACTVERVALDATUM",
    "RI_VROEGSTE_OPZEGDATUM",
    "RI_RECHT_OP_DIENSTVERLENING",
    "RI_DOORLOPENDE_BEGELEIDING",
)
D = datetime(2026, 1, 1)
PRODUCTS = "asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb"
REASONS = ", ".join(r.value for r in TerminationReason)


def _contract() -> dict[str, list[tuple[str, bool, str | None]]]:
    """Each product function's arguments from the spec: (name, optional, default)."""
    text = SPEC.read_text(encoding="utf-8")
    result: dict[str, list[tuple[str, bool, str | None]]] = {}
    for name, args in re.findall(r"`(RI_[A-Z_]+)\(([^)`]*)\)`", text):
        if name not in NAMES:
            continue
        parsed = []
        for arg in (a.strip() for a in args.split(",") if a.strip()):
            optional = arg.startswith("[")
            arg_name, _, default = arg.strip("[]").partition("=")
            parsed.append((arg_name, optional, default or None))
        result[name] = parsed
    return result


CONTRACT = _contract()
SEED_FILES = {"001": "a.s.r. Re-integratiemanager", "004": "De Amersfoortse Ontzorgmanager"}

#: excel-functions.md "Changes of 2026-12-01" and domain §8.1 (issue 13): ``ziekte`` replaces
#: ``eerste_ziektedag``; RI_DOORLOPENDE_BEGELEIDING gains ``[sanctieweken]`` at the end
#: (``003`` art. 1.5.3, BW 7:629 lid 11). The contract table still shows the old lists.
CONTRACT["RI_RECHT_OP_DIENSTVERLENING"] = [
    ("ziekte", False, None) if arg == "eerste_ziektedag" else (arg, optional, default)
    for arg, optional, default in CONTRACT["RI_RECHT_OP_DIENSTVERLENING"]
]
CONTRACT["RI_DOORLOPENDE_BEGELEIDING"] = [
    *CONTRACT["RI_DOORLOPENDE_BEGELEIDING"],
    ("sanctieweken", True, None),
]


def call(name: str, *args: Any) -> Any:
    """Call a contract function by name."""
    return udfs.contract_functions()[name](*args)


class TestContract:
    def test_all_nine_functions_are_in_the_spec(self) -> None:
        """excel-functions.md lists the nine product functions of issue 3."""
        assert set(CONTRACT) == set(NAMES)

    @pytest.mark.parametrize("name", NAMES)
    def test_names_and_argument_order(self, name: str) -> None:
        """excel-functions.md: the function exists under its name with the spec's arguments, in order."""
        signature = inspect.signature(udfs.contract_functions()[name])
        parameters = list(signature.parameters.values())
        assert [p.name for p in parameters] == [a for a, _, _ in CONTRACT[name]]
        for parameter, (_, optional, _) in zip(parameters, CONTRACT[name], strict=True):
            assert (parameter.default is None) is optional
        assert name in REGISTRY

    def test_stated_defaults(self) -> None:
        """excel-functions.md: contracttermijn_maanden=12; RI_DOORLOPENDE_BEGELEIDING's reason
        defaults to opzegging_werkgever; RI_CASCADE's empty reason is any admitted reason
        (Changes of 2026-12-01, domain §8.1), which for the arbocontract ends the same modules."""
        basis = datetime(2025, 1, 1)
        start = datetime(2025, 3, 15)
        product = "asr-reintegratiemanager"
        assert call("RI_CONTRACTVERVALDATUM", product, "reintegratiemanager", start, basis) == call(
            "RI_CONTRACTVERVALDATUM", product, "reintegratiemanager", start, basis, 12
        )
        any_reason = call("RI_CASCADE", "zeeuwse-prb", "arbocontract", D)
        employer = call("RI_CASCADE", "zeeuwse-prb", "arbocontract", D, "opzegging_werkgever")
        assert [row[:2] for row in any_reason] == [row[:2] for row in employer]
        periods = [[datetime(2025, 3, 1), None]]
        args = ("zeeuwse-prb", periods, datetime(2025, 6, 30), datetime(2025, 7, 1))
        assert call("RI_DOORLOPENDE_BEGELEIDING", *args) == call(
            "RI_DOORLOPENDE_BEGELEIDING", *args, "opzegging_werkgever"
        )


class TestContractvervaldatumExplained:
    def test_explanation_does_not_start_the_dates_at_the_given_one(self) -> None:
        """domain §4 (001 art. 2.1): the basismodule's dates recur every term both ways; a
        first contractvervaldatum before the given one (example workbook, P-1004) must not
        be explained as "vanaf" the given date."""
        args = ("asr-reintegratiemanager", "reintegratiemanager", datetime(2023, 1, 1))
        basis = datetime(2025, 1, 1)
        assert call("RI_CONTRACTVERVALDATUM", *args, basis) == date(2024, 1, 1)
        text = udfs.RI_UITLEG("RI_CONTRACTVERVALDATUM", *args, basis)
        assert "vanaf 01-01-2025" not in text
        assert "herhalen zich elke 12 maanden (zoals 01-01-2025)" in text


class TestProductsAndModules:
    def test_producten(self) -> None:
        """RI_PRODUCTEN: table product · naam · bron of the four products."""
        table = call("RI_PRODUCTEN")
        assert table[0] == ["product", "naam", "bron"]
        assert [row[0] for row in table[1:]] == [p.code for p in BUILTIN_PRODUCTS]
        assert "De Zeeuwse Preventie en re-integratie" in table[4][2]

    @pytest.mark.parametrize("product", BUILTIN_PRODUCTS, ids=lambda p: p.code)
    def test_modules(self, product: Any) -> None:
        """RI_MODULES: table module · naam · bron of a product's modules."""
        table = call("RI_MODULES", product.code.upper().replace("-", " "))
        assert table[0] == ["module", "naam", "bron"]
        assert [row[0] for row in table[1:]] == list(product.module_codes)
        assert all(" art. " in row[2] or "«" in row[2] for row in table[1:])
        assert not any(".txt" in row[2] for row in table[1:])

    def test_unknown_product_lists_the_products(self) -> None:
        """excel-functions.md: an unknown product names the argument and lists what exists."""
        assert (
            call("RI_MODULES", "verzuim")
            == f'#WAARDE! product: onbekend product "verzuim" (bekend: {PRODUCTS})'
        )
        assert call("RI_MODULES", None).startswith("#WAARDE! product: ontbreekt (bekend: asr-")


class TestCascade:
    def test_reintegratiemanager_with_the_policy_modules(self) -> None:
        """001 art. 2.2/2.3 and §8: the basismodule ends the module and the arbo module held."""
        table = call(
            "RI_CASCADE",
            "asr-reintegratiemanager",
            "Basis Verzuim",
            D,
            None,
            [["basis-verzuim"], ["arbosignaal"], ["reintegratiemanager"], [None]],
        )
        assert table[0] == ["module", "einddatum", "grond"]
        assert [row[:2] for row in table[1:]] == [
            ["basis-verzuim", date(2026, 1, 1)],
            ["reintegratiemanager", date(2026, 1, 1)],
            ["arbosignaal", date(2026, 1, 1)],
        ]
        assert "a.s.r. Re-integratiemanager art. 2.2" in table[2][2]
        assert "beslissing domein §8" in table[3][2]

    def test_mkb_all_three_end(self) -> None:
        """004 art. 1.9: all three modules end together."""
        table = call("RI_CASCADE", "mkb-verzuim-ontzorg", "ontzorgmanager-arbobegeleiding", D)
        assert {row[0] for row in table[1:]} == {
            "mkb-verzuim-ontzorg",
            "ontzorgmanager-arbobegeleiding",
            "ontzorgmanager-reintegratie",
        }

    def test_zeeuwse_switch_of_arbodienst(self) -> None:
        """003 art. 1.5.2: a switch to another cooperating arbodienst does not end PRB."""
        table = call("RI_CASCADE", "zeeuwse-prb", "arbocontract", D, "Overstap Arbodienst")
        assert [row[0] for row in table[1:]] == ["arbocontract"]
        table = call("RI_CASCADE", "zeeuwse-prb", "arbocontract", D, "wanbetaling")
        assert [row[0] for row in table[1:]] == ["arbocontract", "prb"]

    def test_asr_reintegratie(self) -> None:
        """000 art. 4.1: the insurance ends the re-integratie agreement."""
        table = call("RI_CASCADE", "asr-reintegratie", "verzuimverzekering", "2026-01-01")
        assert [row[0] for row in table[1:]] == ["verzuimverzekering", "reintegratie-overeenkomst"]
        assert "a.s.r. Re-integratie art. 4.1" in table[2][2]

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (("x", "prb", D), f'#WAARDE! product: onbekend product "x" (bekend: {PRODUCTS})'),
            (
                ("zeeuwse-prb", "basis", D),
                (
                    '#WAARDE! beeindigde_module: onbekende module "basis" in zeeuwse-prb '
                    "(bekend: verzuim-erd, arbocontract, prb, wga-erd, wia-0-100)"
                ),
            ),
            (
                ("zeeuwse-prb", "prb", D, "ontslag"),
                f'#WAARDE! reden: onbekende waarde "ontslag" (bekend: {REASONS})',
            ),
            (
                ("zeeuwse-prb", "prb", "31-02-2026"),
                '#WAARDE! datum: "31-02-2026" is geen geldige datum',
            ),
        ],
    )
    def test_errors_name_the_argument(self, args: tuple[Any, ...], expected: str) -> None:
        """excel-functions.md: unknown product/module/reason → #WAARDE! naming the argument."""
        assert call("RI_CASCADE", *args).startswith(expected)

    def test_reason_not_allowed_names_what_is(self) -> None:
        """004 art. 2.3/2.4: the employer cannot end Ontzorgmanager – Re-integratie on its own;
        a reason given explicitly that the module does not admit stays an error (domain §8.1)."""
        result = call(
            "RI_CASCADE",
            "mkb-verzuim-ontzorg",
            "ontzorgmanager-reintegratie",
            D,
            "opzegging_werkgever",
        )
        assert result.startswith(
            "#WAARDE! reden: ontzorgmanager-reintegratie kan niet worden beëindigd"
        )
        assert (
            "toegestaan: einde_gekoppelde_module, fraude, wanbetaling, opzegging_uitvoerder"
            in result
        )
        assert "De Amersfoortse Ontzorgmanager art. 2.4" in result

    def test_modules_argument_errors(self) -> None:
        """The modules column must hold known codes, one per choice group, and the ended module."""
        unknown = call("RI_CASCADE", "zeeuwse-prb", "prb", D, "fraude", [["prb"], ["basis"]])
        assert unknown.startswith('#WAARDE! modules: onbekende module "basis" in zeeuwse-prb')
        missing = call("RI_CASCADE", "zeeuwse-prb", "prb", D, "fraude", [["verzuim-erd"]])
        assert missing.startswith("#WAARDE! modules: prb (beeindigde_module) staat niet in modules")
        both = call(
            "RI_CASCADE",
            "asr-reintegratiemanager",
            "basis-verzuim",
            D,
            None,
            [["basis-verzuim"], ["basis-ao-3-12"]],
        )
        assert both.startswith("#WAARDE! modules: een polis heeft één module uit de keuzegroep")
        number = call("RI_CASCADE", "zeeuwse-prb", "prb", D, "fraude", [["prb"], [5.0]])
        assert number.startswith("#WAARDE! modules: rij 2: 5 is geen modulecode")

    def test_not_lifted(self) -> None:
        """Tables are never lifted: a column of modules is an error, not a column of tables."""
        result = call("RI_CASCADE", "zeeuwse-prb", [["prb"], ["arbocontract"]], D)
        assert isinstance(result, str)
        assert result.startswith("#WAARDE! beeindigde_module:")


class TestEindigtMee:
    def test_prb_with_its_modules(self) -> None:
        """003 art. 1.5.2: PRB ends with the insurance and the arbocontract, not with a switch."""
        assert call("RI_EINDIGT_MEE", "zeeuwse-prb", "prb", "verzuim-erd") is True
        assert call("RI_EINDIGT_MEE", "zeeuwse-prb", "prb", "arbocontract") is True
        assert (
            call("RI_EINDIGT_MEE", "zeeuwse-prb", "prb", "arbocontract", "overstap_arbodienst")
            is False
        )
        assert call("RI_EINDIGT_MEE", "zeeuwse-prb", "verzuim-erd", "prb", "fraude") is False

    def test_lifted_over_modules(self) -> None:
        """excel-functions.md lifting: a column of modules gives a column of answers."""
        column = [["basis-verzuim"], ["arbobegeleiding"], ["arbosignaal"], ["nope"], [None]]
        result = call(
            "RI_EINDIGT_MEE", "asr-reintegratiemanager", column, "reintegratiemanager", "fraude"
        )
        assert result[:3] == [[False], [True], [True]]
        assert result[3][0].startswith('#WAARDE! module: onbekende module "nope"')
        assert result[4] == [""]

    def test_column_equals_rows(self) -> None:
        """Lifting equals calling row by row."""
        product = "mkb-verzuim-ontzorg"
        modules = list(BUILTIN_PRODUCTS[2].module_codes)
        lifted = call("RI_EINDIGT_MEE", product, [[m] for m in modules], "mkb-verzuim-ontzorg")
        assert lifted == [
            [call("RI_EINDIGT_MEE", product, m, "mkb-verzuim-ontzorg")] for m in modules
        ]


class TestTwoArgumentChecks:
    """Issue 13 bug 4: a check involving two arguments names the argument to fix."""

    def test_contractvervaldatum_out_of_range_names_the_start(self) -> None:
        """001 art. 2.1: a module starting in 9999 has no first expiry: name ingangsdatum_module."""
        result = call(
            "RI_CONTRACTVERVALDATUM",
            "asr-reintegratiemanager",
            "reintegratiemanager",
            datetime(9999, 3, 1),
            datetime(2025, 1, 1),
        )
        assert result.startswith("#WAARDE! ingangsdatum_module: ")

    @pytest.mark.parametrize("product", ["asr-reintegratiemanager", "mkb-verzuim-ontzorg"])
    def test_guidance_past_the_calendar_names_ziekte_and_why(self, product: str) -> None:
        """001/004 art. 3.5: while the module runs, guidance lasts up to the end of wage
        continuation; from a first sick day in 9998 that end lies past 31-12-9999. The
        message names ziekte (the date it counts from) and the last date, as the other
        functions' out-of-range messages do."""
        day = datetime(9998, 1, 6)
        result = call("RI_DOORLOPENDE_BEGELEIDING", product, day, day, day)
        assert result == (
            "#WAARDE! ziekte: einde_loondoorbetaling valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)"
        )

    def test_contract_expiry_past_the_calendar_says_why(self) -> None:
        """001 art. 2.1: the start + 12 months past the calendar says its last date."""
        result = call(
            "RI_CONTRACTVERVALDATUM",
            "asr-reintegratiemanager",
            "reintegratiemanager",
            datetime(9999, 3, 1),
            datetime(2025, 1, 1),
        )
        assert result.endswith("valt buiten het datumbereik (01-01-0001 t/m 31-12-9999)")

    @pytest.mark.parametrize("day", [datetime(9999, 12, 1), datetime(9999, 12, 31)])
    def test_last_days_of_the_date_range_name_the_start(self, day: datetime) -> None:
        """001 art. 2.1 and 2.3 (issue 13 bug 4): a start on the last day Python and Excel
        know (9999-12-31, where even "the day after the start" does not exist) names
        ingangsdatum_module as a start in 9999-03 does, not the function."""
        args = ("asr-reintegratiemanager", "reintegratiemanager")
        expiry = call("RI_CONTRACTVERVALDATUM", *args, day, datetime(2025, 1, 1))
        assert expiry.startswith("#WAARDE! ingangsdatum_module: "), expiry
        notice = call("RI_VROEGSTE_OPZEGDATUM", *args, day, datetime(2025, 1, 1), day)
        assert notice.startswith("#WAARDE! ingangsdatum_module: "), notice

    def test_opzegdatum_names_the_later_date(self) -> None:
        """001 art. 2.3: a notice received in 9999 names ontvangst_opzegging; a start before the
        product's parameters exist names ingangsdatum_module."""
        args = ("asr-reintegratiemanager", "reintegratiemanager")
        late = call(
            "RI_VROEGSTE_OPZEGDATUM",
            *args,
            datetime(2025, 3, 1),
            datetime(2025, 1, 1),
            datetime(9999, 12, 1),
        )
        assert late.startswith("#WAARDE! ontvangst_opzegging: ")
        early = call(
            "RI_VROEGSTE_OPZEGDATUM",
            *args,
            datetime(1900, 3, 1),
            datetime(2025, 1, 1),
            datetime(1900, 1, 2),
        )
        assert early.startswith("#WAARDE! ingangsdatum_module: ")

    def test_opzegdatum_names_a_start_before_the_parameters_with_a_later_notice(self) -> None:
        """001 art. 2.1 and 2.3: the contract term and notice period are those in force at
        the module's start, so a start before them names ingangsdatum_module even when the
        notice arrives later (contract: #WAARDE! names the argument)."""
        result = call(
            "RI_VROEGSTE_OPZEGDATUM",
            "asr-reintegratiemanager",
            "reintegratiemanager",
            datetime(1999, 3, 1),
            datetime(2025, 1, 1),
            datetime(2026, 6, 1),
        )
        assert result.startswith("#WAARDE! ingangsdatum_module: "), result
        assert "01-03-1999" in result, result  # Dutch, as every message (format_date)
        assert "1999-03-01" not in result

    def test_doorlopende_begeleiding_names_a_module_end_before_the_parameters(self) -> None:
        """003 art. 1.5.3: the relapse window is the one in force at the module's end; an
        einddatum_module before it names einddatum_module, not ziekte."""
        result = call(
            "RI_DOORLOPENDE_BEGELEIDING",
            "zeeuwse-prb",
            datetime(2025, 3, 3),
            datetime(1999, 7, 1),
            datetime(2025, 9, 1),
        )
        assert result.startswith("#WAARDE! einddatum_module: "), result


class TestEmptyReason:
    """Issue 13 bug 3, domain §8.1: an empty reden is any reason the module admits."""

    def test_prb_does_not_end_the_insurance(self) -> None:
        """003 art. 1.5.2: no coupling leads from PRB to the insurance: FALSE, not an error."""
        assert call("RI_EINDIGT_MEE", "zeeuwse-prb", "verzuim-erd", "prb") is False

    def test_ontzorgmanager_ends_the_basismodule(self) -> None:
        """004 art. 2.5 and 1.9: the basismodule ends with Ontzorgmanager – Re-integratie."""
        result = call(
            "RI_EINDIGT_MEE",
            "mkb-verzuim-ontzorg",
            "mkb-verzuim-ontzorg",
            "ontzorgmanager-reintegratie",
        )
        assert result is True

    def test_explicit_reason_not_admitted_stays_an_error(self) -> None:
        """004 art. 2.4, domain §8.1: opzegging_werkgever given explicitly is refused, naming reden."""
        result = call(
            "RI_EINDIGT_MEE",
            "mkb-verzuim-ontzorg",
            "mkb-verzuim-ontzorg",
            "ontzorgmanager-reintegratie",
            "opzegging_werkgever",
        )
        assert result.startswith("#WAARDE! reden: ontzorgmanager-reintegratie kan niet")

    def test_cascade_without_reason(self) -> None:
        """004 art. 2.4/2.5: the cascade of Ontzorgmanager – Re-integratie without a reason."""
        table = call("RI_CASCADE", "mkb-verzuim-ontzorg", "ontzorgmanager-reintegratie", D)
        assert [row[0] for row in table[1:]] == [
            "ontzorgmanager-reintegratie",
            "mkb-verzuim-ontzorg",
            "ontzorgmanager-arbobegeleiding",
        ]
        assert table[1][2].startswith("elke reden die de module toestaat")

    def test_cascade_names_the_reasons_that_do_not_propagate(self) -> None:
        """003 art. 1.5.2: without a reason PRB ends with the arbocontract, except on a switch."""
        table = call("RI_CASCADE", "zeeuwse-prb", "arbocontract", D)
        assert "niet bij reden overstap_arbodienst" in table[2][2]
        assert call("RI_EINDIGT_MEE", "zeeuwse-prb", "prb", "arbocontract") is True

    def test_gevolgen_without_reason(self) -> None:
        """001 art. 2.4/2.5: RI_GEVOLGEN of the reintegratiemanager without a reason works."""
        table = call("RI_GEVOLGEN", "asr-reintegratiemanager", "reintegratiemanager", D)
        assert any("poortwachtergarantie vervalt" in row[0] for row in table[1:])

    def test_gevolgen_conditional_on_the_reason(self) -> None:
        """003 art. 1.5.3: without a reason both outcomes are listed with their condition."""
        table = call("RI_GEVOLGEN", "zeeuwse-prb", "verzuim-erd", D)
        texts = [row[0] for row in table[1:]]
        assert any("niet bij reden fraude, wanbetaling, onjuiste_informatie" in t for t in texts)
        assert any("alleen bij reden fraude, wanbetaling, onjuiste_informatie" in t for t in texts)


class TestGevolgen:
    def test_review_arbocontract_without_reason_keeps_the_switch_exception(self) -> None:
        """003 art. 1.5.2, domain §8.1 (user review): without a reason the prb rows carry the
        condition "niet bij reden overstap_arbodienst", as RI_CASCADE shows it."""
        table = call("RI_GEVOLGEN", "zeeuwse-prb", "arbocontract", D)
        assert len(table) > 1
        assert all("(niet bij reden overstap_arbodienst)" in row[0] for row in table[1:])
        cascade = call("RI_CASCADE", "zeeuwse-prb", "arbocontract", D)
        assert "niet bij reden overstap_arbodienst" in cascade[2][2]

    def test_reintegratiemanager(self) -> None:
        """001 art. 2.5: guidance ends, the poortwachtergarantie lapses, consultation."""
        table = call(
            "RI_GEVOLGEN", "asr-reintegratiemanager", "reintegratiemanager", D, "wanbetaling"
        )
        assert table[0] == ["gevolg", "vanaf", "grond"]
        texts = " | ".join(row[0] for row in table[1:])
        assert "poortwachtergarantie vervalt" in texts
        assert "overlegt" in texts
        assert {row[1] for row in table[1:]} == {date(2026, 1, 1)}
        assert {row[2] for row in table[1:]} == {
            "a.s.r. Re-integratiemanager art. 2.5",
            "a.s.r. Re-integratiemanager art. 2.5 en 3.5",
        }

    def test_arbocontract_ended_for_fraud_still_continues(self) -> None:
        """003 art. 1.5.3, domain §8.1: only the insurance's end for fraude refuses continuation;
        an arbocontract ended for any reason lets guidance continue."""
        table = call("RI_GEVOLGEN", "zeeuwse-prb", "arbocontract", D, "fraude")
        assert any("lopen door" in row[0] for row in table[1:])
        assert not any("geen re-integratieondersteuning" in row[0] for row in table[1:])

    def test_zeeuwse_continuation_and_fraud(self) -> None:
        """003 art. 1.5.3: support continues for sick employees, not after fraud."""
        normal = call("RI_GEVOLGEN", "zeeuwse-prb", "verzuim-erd", D, "opzegging_werkgever")
        assert any("lopen door" in row[0] for row in normal[1:])
        fraud = call("RI_GEVOLGEN", "zeeuwse-prb", "verzuim-erd", D, "fraude")
        assert not any("lopen door" in row[0] for row in fraud[1:])
        assert any("geen re-integratieondersteuning" in row[0] for row in fraud[1:])

    def test_asr_reintegratie_continues(self) -> None:
        """000 art. 4.3: guidance by the casemanager continues."""
        table = call("RI_GEVOLGEN", "asr-reintegratie", "arbodienst", D)
        assert any(row[2] == "a.s.r. Re-integratie art. 4.3" for row in table[1:])

    def test_none(self) -> None:
        """A module without consequences gives the header only."""
        assert call("RI_GEVOLGEN", "zeeuwse-prb", "wga-erd", D) == [["gevolg", "vanaf", "grond"]]


class TestDates:
    def test_contractvervaldatum(self) -> None:
        """001 art. 2.1: first basismodule date at least 12 months after the start."""
        result = call(
            "RI_CONTRACTVERVALDATUM",
            "asr-reintegratiemanager",
            "reintegratiemanager",
            "15-3-2025",
            datetime(2030, 1, 1),
        )
        assert result == date(2027, 1, 1)

    def test_contractvervaldatum_lifted(self) -> None:
        """Lifting over a column of start dates."""
        starts = [[datetime(2025, 1, 1)], [datetime(2025, 3, 15)], ["x"]]
        result = call(
            "RI_CONTRACTVERVALDATUM",
            "mkb-verzuim-ontzorg",
            "ontzorgmanager-reintegratie",
            starts,
            D,
        )
        assert result[:2] == [[date(2026, 1, 1)], [date(2026, 1, 1)]]
        assert result[2][0].startswith('#WAARDE! ingangsdatum_module: "x" is geen geldige datum')

    def test_contractvervaldatum_errors(self) -> None:
        """A module without its own date, or a term of 0 months, names the argument."""
        none = call("RI_CONTRACTVERVALDATUM", "zeeuwse-prb", "prb", D, D)
        assert none.startswith(
            "#WAARDE! module: prb heeft in zeeuwse-prb geen eigen contractvervaldatum"
        )
        zero = call(
            "RI_CONTRACTVERVALDATUM", "asr-reintegratiemanager", "reintegratiemanager", D, D, 0
        )
        assert zero.startswith("#WAARDE! contracttermijn_maanden: 0 ligt buiten het bereik")

    def test_vroegste_opzegdatum(self) -> None:
        """001 art. 2.3: notice one month before a basismodule date, 12 months run."""
        received = [[datetime(2026, 12, 1)], [datetime(2026, 12, 2)]]
        result = call(
            "RI_VROEGSTE_OPZEGDATUM",
            "asr-reintegratiemanager",
            "reintegratiemanager",
            datetime(2025, 3, 15),
            datetime(2025, 1, 1),
            received,
        )
        assert result == [[date(2027, 1, 1)], [date(2028, 1, 1)]]

    def test_vroegste_opzegdatum_not_on_its_own(self) -> None:
        """004 art. 2.3: #WAARDE! text saying the module cannot be cancelled on its own."""
        result = call(
            "RI_VROEGSTE_OPZEGDATUM", "mkb-verzuim-ontzorg", "ontzorgmanager-reintegratie", D, D, D
        )
        assert result.startswith(
            "#WAARDE! module: ontzorgmanager-reintegratie kan niet los worden opgezegd"
        )
        assert "De Amersfoortse Ontzorgmanager art. 2.3" in result
        prb = call("RI_VROEGSTE_OPZEGDATUM", "zeeuwse-prb", "prb", D, D, D)
        assert prb.startswith("#WAARDE! module: prb kan niet los worden opgezegd")


class TestEmployee:
    def test_recht_op_dienstverlening(self) -> None:
        """001 art. 3.2, 003 art. 1.3: first sick day on or after the start date (lifted)."""
        days = [[datetime(2024, 12, 31)], [datetime(2025, 1, 1)], [datetime(2025, 6, 1)]]
        assert call("RI_RECHT_OP_DIENSTVERLENING", "zeeuwse-prb", days, datetime(2025, 1, 1)) == [
            [False],
            [True],
            [True],
        ]

    def test_recht_op_dienstverlening_uses_the_case(self) -> None:
        """Domain §8.1, 001 art. 3.2: a relapse < 28 days after a case that began before the
        start is that case (not eligible); 28 days later it is a new case (eligible)."""
        start = datetime(2025, 1, 1)
        relapse = [[datetime(2024, 12, 1), datetime(2024, 12, 31)], [datetime(2025, 1, 20), None]]
        product = "asr-reintegratiemanager"
        assert call("RI_RECHT_OP_DIENSTVERLENING", product, relapse, start) is False
        assert call("RI_RECHT_OP_DIENSTVERLENING", product, datetime(2025, 1, 20), start) is True
        new_case = [[datetime(2024, 11, 1), datetime(2024, 11, 30)], [datetime(2025, 1, 20), None]]
        assert call("RI_RECHT_OP_DIENSTVERLENING", product, new_case, start) is True
        text = call("RI_UITLEG", "RI_RECHT_OP_DIENSTVERLENING", product, relapse, start)
        assert "beslissing domein §8.1" in text

    def test_doorlopende_begeleiding_includes_sanction_weeks(self) -> None:
        """003 art. 1.5.3, domain §8.1 (BW 7:629 lid 11): continuation runs to the end of wage
        continuation including the sanction weeks (03-01-2027 + 10 weeks = 14-03-2027)."""
        args = ("zeeuwse-prb", datetime(2025, 1, 6), datetime(2025, 12, 31))
        assert call("RI_DOORLOPENDE_BEGELEIDING", *args, datetime(2027, 3, 1)) is False
        with_sanction = (None, None, 10)
        assert call("RI_DOORLOPENDE_BEGELEIDING", *args, datetime(2027, 3, 1), *with_sanction)
        assert (
            call("RI_DOORLOPENDE_BEGELEIDING", *args, datetime(2027, 3, 14), *with_sanction) is True
        )
        assert (
            call("RI_DOORLOPENDE_BEGELEIDING", *args, datetime(2027, 3, 15), *with_sanction)
            is False
        )
        bad = call("RI_DOORLOPENDE_BEGELEIDING", *args, datetime(2027, 3, 1), None, None, 53)
        assert bad.startswith("#WAARDE! sanctieweken:")

    @pytest.mark.parametrize(
        ("product", "seed"), [("asr-reintegratiemanager", "001"), ("mkb-verzuim-ontzorg", "004")]
    )
    def test_casemanager_continues_through_a_sanction(self, product: str, seed: str) -> None:
        """001/004 art. 3.5: the casemanager keeps working through a UWV extension of wage
        continuation; RI_DOORLOPENDE_BEGELEIDING and RI_GEVOLGEN show it with the article."""
        module = {"001": "reintegratiemanager", "004": "ontzorgmanager-reintegratie"}[seed]
        args = (product, datetime(2025, 1, 6), datetime(2027, 12, 31), datetime(2027, 2, 1))
        assert call("RI_DOORLOPENDE_BEGELEIDING", *args, None, None, 10) is True
        text = call("RI_UITLEG", "RI_DOORLOPENDE_BEGELEIDING", *args, None, None, 10)
        assert re.search(rf"{SEED_FILES[seed]} art\. [^()]*3\.5", text)
        assert "14-03-2027" in text
        table = call("RI_GEVOLGEN", product, module, D, "fraude")
        assert any(
            "loonsanctie" in row[0] and re.search(rf"{SEED_FILES[seed]} art\. [^;]*3\.5", row[2])
            for row in table[1:]
        )

    def test_doorlopende_begeleiding_zeeuwse(self) -> None:
        """003 art. 1.5.3: continues for the sick employee, not after fraud, not after recovery."""
        end = datetime(2025, 12, 31)
        on = datetime(2026, 6, 1)
        assert (
            call("RI_DOORLOPENDE_BEGELEIDING", "zeeuwse-prb", datetime(2025, 11, 1), end, on)
            is True
        )
        assert (
            call(
                "RI_DOORLOPENDE_BEGELEIDING",
                "zeeuwse-prb",
                datetime(2025, 11, 1),
                end,
                on,
                "fraude",
            )
            is False
        )
        assert (
            call(
                "RI_DOORLOPENDE_BEGELEIDING",
                "zeeuwse-prb",
                datetime(2025, 11, 1),
                end,
                on,
                None,
                datetime(2026, 3, 1),
            )
            is False
        )

    def test_doorlopende_begeleiding_with_periods(self) -> None:
        """003 art. 1.5.3 with §2: sick again within 4 weeks is the same case."""
        periods = [[datetime(2025, 11, 1), datetime(2026, 2, 28)], [datetime(2026, 3, 20), None]]
        result = call(
            "RI_DOORLOPENDE_BEGELEIDING", "zeeuwse-prb", periods, "31-12-2025", "1-6-2026"
        )
        assert result is True
        later = [[datetime(2025, 11, 1), datetime(2026, 2, 28)], [datetime(2026, 4, 1), None]]
        assert (
            call("RI_DOORLOPENDE_BEGELEIDING", "zeeuwse-prb", later, "31-12-2025", "1-6-2026")
            is False
        )

    def test_doorlopende_begeleiding_lifted_over_employees(self) -> None:
        """Lifting over a column of first sick days."""
        days = [[datetime(2025, 11, 1)], [datetime(2026, 1, 5)], [None]]
        result = call(
            "RI_DOORLOPENDE_BEGELEIDING", "asr-reintegratie", days, datetime(2025, 12, 31), D
        )
        assert result == [[True], [False], [""]]

    def test_doorlopende_begeleiding_manager_products(self) -> None:
        """001/004 art. 2.5: guidance ends; only consultation remains, so FALSE after the end."""
        for product in ("asr-reintegratiemanager", "mkb-verzuim-ontzorg"):
            after = call(
                "RI_DOORLOPENDE_BEGELEIDING",
                product,
                datetime(2025, 11, 1),
                datetime(2025, 12, 31),
                D,
            )
            assert after is False

    def test_hersteldatum_errors(self) -> None:
        """A recovery date that does not fit the periods names hersteldatum."""
        result = call(
            "RI_DOORLOPENDE_BEGELEIDING",
            "zeeuwse-prb",
            datetime(2025, 11, 1),
            datetime(2025, 12, 31),
            D,
            None,
            datetime(2025, 10, 1),
        )
        assert result.startswith("#WAARDE! hersteldatum: 01-10-2025 ligt niet na")


class TestUitleg:
    @pytest.mark.parametrize(
        ("args", "article"),
        [
            (("RI_PRODUCTEN",), "De Amersfoortse Ontzorgmanager"),
            (("RI_MODULES", "zeeuwse-prb"), "De Zeeuwse Preventie en re-integratie art. 1.2"),
            (
                ("RI_CASCADE", "zeeuwse-prb", "verzuim-erd", D),
                "De Zeeuwse Preventie en re-integratie art. 1.5.2",
            ),
            (
                ("RI_EINDIGT_MEE", "zeeuwse-prb", "prb", "arbocontract", "overstap_arbodienst"),
                "De Zeeuwse Preventie en re-integratie art. 1.5.2",
            ),
            (
                ("RI_GEVOLGEN", "mkb-verzuim-ontzorg", "mkb-verzuim-ontzorg", D),
                "De Amersfoortse Ontzorgmanager art. 2.5",
            ),
            (
                ("RI_CONTRACTVERVALDATUM", "asr-reintegratiemanager", "reintegratiemanager", D, D),
                "a.s.r. Re-integratiemanager art. 2.1",
            ),
            (
                (
                    "RI_VROEGSTE_OPZEGDATUM",
                    "asr-reintegratiemanager",
                    "reintegratiemanager",
                    D,
                    D,
                    D,
                ),
                "a.s.r. Re-integratiemanager art. 2.3",
            ),
            (
                ("RI_RECHT_OP_DIENSTVERLENING", "mkb-verzuim-ontzorg", D, D),
                "De Amersfoortse Ontzorgmanager art. 3.2",
            ),
            (
                (
                    "RI_DOORLOPENDE_BEGELEIDING",
                    "asr-reintegratie",
                    datetime(2025, 11, 1),
                    datetime(2025, 12, 31),
                    D,
                ),
                "a.s.r. Re-integratie art. 4.3",
            ),
        ],
    )
    def test_names_the_article(self, args: tuple[Any, ...], article: str) -> None:
        """excel-functions.md RI_UITLEG: the result with each rule's article."""
        text = udfs.RI_UITLEG(*args)
        assert text.startswith((f"{args[0]} = ", f"{args[0]}:\n"))
        assert article in text

    def test_parameters_shown(self) -> None:
        """RI_UITLEG shows the parameter values used (minimum run, notice)."""
        text = udfs.RI_UITLEG(
            "RI_VROEGSTE_OPZEGDATUM", "asr-reintegratiemanager", "reintegratiemanager", D, D, D
        )
        assert "minimale_looptijd_maanden = 12" in text
        assert "opzegtermijn_maanden = 1" in text

    def test_errors_as_the_function(self) -> None:
        """RI_UITLEG shows the function's own #WAARDE! text."""
        text = udfs.RI_UITLEG("RI_VROEGSTE_OPZEGDATUM", "zeeuwse-prb", "prb", D, D, D)
        assert text.startswith("#WAARDE! module: prb kan niet los worden opgezegd")


product_codes = st.sampled_from([p.code for p in BUILTIN_PRODUCTS] + ["Zeeuwse PRB", "x"])
module_codes = st.sampled_from(
    [*sorted({m for p in BUILTIN_PRODUCTS for m in p.module_codes}), "basis", ""]
)
reason_codes = st.sampled_from([r.value for r in TerminationReason] + [None, "Overstap", "x"])
excel_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 1, 1)).map(
    lambda d: datetime(d.year, d.month, d.day)
)
maybe = st.one_of(excel_dates, excel_scalars())


class TestNeverRaises:
    @given(
        st.sampled_from(NAMES),
        st.lists(
            st.one_of(product_codes, module_codes, reason_codes, maybe, excel_values()), max_size=7
        ),
    )
    def test_any_values(self, name: str, args: list[Any]) -> None:
        """No product function raises, whatever Excel sends."""
        result = call(name, *args)
        assert result is not None

    @given(product_codes, module_codes, module_codes, reason_codes, excel_dates)
    def test_plausible_calls_give_a_value_or_waarde(
        self, product: str, module: str, ended: str, reason: Any, on: datetime
    ) -> None:
        """Plausible calls give a table, a boolean or #WAARDE! text — never anything else."""
        for result in (
            call("RI_CASCADE", product, ended, on, reason),
            call("RI_GEVOLGEN", product, ended, on, reason),
            call("RI_EINDIGT_MEE", product, module, ended, reason),
        ):
            assert isinstance(result, list | bool) or result.startswith("#WAARDE! ")


class TestLifting:
    @given(
        st.lists(
            st.one_of(excel_dates, st.sampled_from([None, "x", "31-02-2025"])),
            min_size=2,
            max_size=10,
        ),
        excel_dates,
    )
    def test_column_equals_rows(self, starts: list[Any], basis: datetime) -> None:
        """Lifting over a column equals calling each row (empty rows stay empty)."""
        product, module = "asr-reintegratiemanager", "reintegratiemanager"
        lifted = call("RI_CONTRACTVERVALDATUM", product, module, [[s] for s in starts], basis)
        expected = [
            [""] if s is None else [call("RI_CONTRACTVERVALDATUM", product, module, s, basis)]
            for s in starts
        ]
        assert lifted == expected
