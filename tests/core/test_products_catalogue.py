"""The built-in catalogue: each product's coupling and consequence articles (domain §4)."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from reintegratie_core import Citation, InvalidValueError, UnknownCodeError
from reintegratie_core import _product_parameters as product_parameters
from reintegratie_core.products import (
    ASR_REINTEGRATIE,
    ASR_REINTEGRATIEMANAGER,
    BUILTIN_PRODUCTS,
    MKB_VERZUIM_ONTZORG,
    ZEEUWSE_PRB,
    CancellationKind,
    ConsequenceKind,
    Product,
    ProductDefinitionError,
    ReasonNotAllowedError,
    TerminationReason,
    builtin_product,
    cascade,
    consequences,
)

R = TerminationReason
D = date(2026, 1, 1)


def ended(product: Product, module: str, reason: R = R.OPZEGGING_WERKGEVER) -> set[str]:
    """The modules that end when ``module`` ends."""
    return set(cascade(product, module, D, reason).value.modules)


def cites(product: Product, module: str, reason: R, target: str) -> set[Citation]:
    """The citations recorded for ``target`` in the cascade from ``module``."""
    entry = cascade(product, module, D, reason).value.get(target)
    assert entry is not None
    return set(entry.citations)


def kinds(product: Product, module: str, reason: R = R.OPZEGGING_WERKGEVER) -> set[ConsequenceKind]:
    """The consequence kinds of terminating ``module``."""
    return {c.kind for c in consequences(product, module, D, reason).value}


class TestCatalogue:
    def test_four_products_in_contract_order(self) -> None:
        """spec/domain.md §4: the four built-in product codes, as RI_PRODUCTEN lists them."""
        assert [p.code for p in BUILTIN_PRODUCTS] == [
            "asr-reintegratie",
            "asr-reintegratiemanager",
            "mkb-verzuim-ontzorg",
            "zeeuwse-prb",
        ]

    def test_module_codes_per_product(self) -> None:
        """spec/domain.md §4: the module codes of each product."""
        assert ASR_REINTEGRATIE.module_codes == (
            "verzuimverzekering",
            "arbodienst",
            "reintegratie-overeenkomst",
        )
        assert set(ASR_REINTEGRATIEMANAGER.module_codes) == {
            "basis-verzuim",
            "basis-ao-3-12",
            "arbobegeleiding",
            "arbosignaal",
            "reintegratiemanager",
        }
        assert MKB_VERZUIM_ONTZORG.module_codes == (
            "mkb-verzuim-ontzorg",
            "ontzorgmanager-arbobegeleiding",
            "ontzorgmanager-reintegratie",
        )
        assert set(ZEEUWSE_PRB.module_codes) == {
            "verzuim-erd",
            "arbocontract",
            "prb",
            "wga-erd",
            "wia-0-100",
        }

    def test_parameters_come_from_product_parameters(self) -> None:
        """spec/domain.md §7: each built-in carries the parameters listed for it."""
        for product in BUILTIN_PRODUCTS:
            listed = f"{product.code.upper().replace('-', '_')}_PARAMETERS"
            assert product.parameters == getattr(product_parameters, listed)

    def test_the_product_is_the_one_aggregate(self) -> None:
        """Issue 11 item 2: each built-in holds its event table, its intervention rule and
        its parameters; product.parameter(name, on=date) reads a dated value."""
        for product in BUILTIN_PRODUCTS:
            assert product.events is not None
            assert product.events.product == product.code
            assert product.interventions is not None
        zeeuwse = builtin_product("zeeuwse-prb")
        budget = zeeuwse.parameter("reintegratiebudget", on=date(2026, 1, 1))
        assert budget.value == 4000
        assert budget.citation == Citation.seed("003", "2.6.1")
        with pytest.raises(InvalidValueError, match="heeft geen parameter 'x'"):
            zeeuwse.parameter("x")

    def test_every_rule_cites_a_seed_or_a_recorded_decision(self) -> None:
        """STYLE.md: every rule of the built-ins cites its seed article (or a §8 decision)."""
        for product in BUILTIN_PRODUCTS:
            citations = [c for rule in product.couplings for c in rule.citations]
            for module in product.modules:
                citations.extend(module.citations)
                citations.extend(c for right in module.termination for c in right.citations)
                citations.extend(c for rule in module.consequences for c in rule.citations)
                if module.cancellation is not None:
                    citations.extend(module.cancellation.citations)
                if module.duration is not None:
                    citations.extend(module.duration.citations)
            assert citations
            assert all(c.kind.value in ("seed", "decision") for c in citations), product.code

    def test_lookup_is_case_and_separator_insensitive(self) -> None:
        """spec/excel-functions.md: codes are case-insensitive, spaces/-/_ equivalent."""
        assert builtin_product("Zeeuwse PRB") is ZEEUWSE_PRB
        assert builtin_product("ASR_REINTEGRATIEMANAGER") is ASR_REINTEGRATIEMANAGER
        assert ASR_REINTEGRATIEMANAGER.module("Basis Verzuim").code == "basis-verzuim"
        assert ZEEUWSE_PRB.module("verzuimverzekering").code == "verzuim-erd"

    def test_unknown_codes_list_what_exists(self) -> None:
        """An unknown product or module names what was given and what exists."""
        with pytest.raises(UnknownCodeError, match="zeeuwse-prb"):
            builtin_product("onbekend")
        with pytest.raises(UnknownCodeError, match="verzuim-erd, arbocontract, prb"):
            ZEEUWSE_PRB.module("basis")

    def test_product_refuses_a_rule_to_an_unknown_module(self) -> None:
        """A coupling to a module the product lacks is refused with its field path."""
        rule = ZEEUWSE_PRB.couplings[0]
        bad = attrs.evolve(rule, target="nergens")
        with pytest.raises(ProductDefinitionError, match=r"koppelingen\[0\]\.naar"):
            attrs.evolve(ZEEUWSE_PRB, couplings=(bad,))


class TestAsrReintegratie:
    def test_verzuimverzekering_ends_the_agreement(self) -> None:
        """000 art. 4.1: the agreement ends when the verzuimverzekering ends."""
        assert ended(ASR_REINTEGRATIE, "verzuimverzekering") == {
            "verzuimverzekering",
            "reintegratie-overeenkomst",
        }
        assert Citation.seed("000", "4.1") in cites(
            ASR_REINTEGRATIE, "verzuimverzekering", R.WANBETALING, "reintegratie-overeenkomst"
        )

    def test_arbodienst_ends_the_agreement(self) -> None:
        """000 art. 4.1: the agreement ends when the arbodienst agreement ends."""
        assert ended(ASR_REINTEGRATIE, "arbodienst") == {"arbodienst", "reintegratie-overeenkomst"}

    def test_agreement_ends_nothing_else(self) -> None:
        """000 art. 4.1: no rule runs from the agreement to the insurance or the arbodienst."""
        assert ended(
            ASR_REINTEGRATIE, "reintegratie-overeenkomst", R.NIET_NAKOMEN_VERPLICHTINGEN
        ) == {"reintegratie-overeenkomst"}

    def test_reintegratie_may_end_for_non_compliance(self) -> None:
        """000 art. 4.2: a.s.r. re-integratie may end the agreement for non-compliance."""
        result = cascade(
            ASR_REINTEGRATIE, "reintegratie-overeenkomst", D, R.NIET_NAKOMEN_VERPLICHTINGEN
        )
        assert result.value.ended[0].citations == (Citation.seed("000", "4.2"),)

    def test_agreement_cannot_be_cancelled_by_the_employer(self) -> None:
        """000 art. 4.1: no separate cancellation; opzegging_werkgever is refused."""
        with pytest.raises(ReasonNotAllowedError, match="einde_gekoppelde_module"):
            cascade(ASR_REINTEGRATIE, "reintegratie-overeenkomst", D, R.OPZEGGING_WERKGEVER)
        module = ASR_REINTEGRATIE.module("reintegratie-overeenkomst")
        assert module.cancellation is not None
        assert module.cancellation.kind is CancellationKind.NOT_SEPARATELY

    def test_guidance_continues_after_the_end(self) -> None:
        """000 art. 4.3: guidance continues while wage-continuation compensation runs."""
        found = consequences(ASR_REINTEGRATIE, "verzuimverzekering", D).value
        continuing = [c for c in found if c.kind is ConsequenceKind.GUIDANCE_CONTINUES]
        assert [c.module for c in continuing] == ["reintegratie-overeenkomst"]
        assert continuing[0].citations == (Citation.seed("000", "4.3"),)


class TestAsrReintegratiemanager:
    def test_basismodule_verzuim_ends_the_module(self) -> None:
        """001 art. 1.8, 2.2: the module ends with basismodule Verzuim."""
        assert "reintegratiemanager" in ended(ASR_REINTEGRATIEMANAGER, "basis-verzuim")
        assert Citation.seed("001", "2.2") in cites(
            ASR_REINTEGRATIEMANAGER, "basis-verzuim", R.FRAUDE, "reintegratiemanager"
        )

    def test_basismodule_ao_ends_the_module(self) -> None:
        """001 art. 1.8, 2.2: the module ends with basismodule Arbeidsongeschiktheid 3–12."""
        assert "reintegratiemanager" in ended(ASR_REINTEGRATIEMANAGER, "basis-ao-3-12")

    @pytest.mark.parametrize("arbo", ["arbobegeleiding", "arbosignaal"])
    def test_arbo_module_ends_the_module(self, arbo: str) -> None:
        """001 art. 1.8, 2.2: the module ends with Arbobegeleiding or Arbosignaal."""
        assert "reintegratiemanager" in ended(ASR_REINTEGRATIEMANAGER, arbo)

    def test_module_ends_arbobegeleiding(self) -> None:
        """001 art. 2.5: ending the Re-integratiemanager ends module Arbobegeleiding."""
        assert Citation.seed("001", "2.5") in cites(
            ASR_REINTEGRATIEMANAGER, "reintegratiemanager", R.WANBETALING, "arbobegeleiding"
        )

    def test_module_ends_arbosignaal(self) -> None:
        """001 art. 2.3 and §8: the Re-integratiemanager ends whichever arbo module is held."""
        held = ("basis-verzuim", "arbosignaal", "reintegratiemanager")
        result = cascade(ASR_REINTEGRATIEMANAGER, "reintegratiemanager", D, held=held)
        assert result.value.modules == ("reintegratiemanager", "arbosignaal")
        entry = result.value.get("arbosignaal")
        assert entry is not None
        assert Citation.decision("§8") in entry.citations
        assert Citation.seed("001", "2.3") in entry.citations

    def test_module_does_not_end_the_basismodule(self) -> None:
        """001 art. 2.5: the basismodule is not ended by the Re-integratiemanager's end."""
        assert "basis-verzuim" not in ended(ASR_REINTEGRATIEMANAGER, "reintegratiemanager")

    def test_insurer_reasons(self) -> None:
        """001 art. 2.4: coupled module ended, fraude, wanbetaling, opzegging_uitvoerder."""
        module = ASR_REINTEGRATIEMANAGER.module("reintegratiemanager")
        assert module.allowed_reasons == {
            R.OPZEGGING_WERKGEVER,
            R.EINDE_GEKOPPELDE_MODULE,
            R.FRAUDE,
            R.WANBETALING,
            R.OPZEGGING_UITVOERDER,
        }
        with pytest.raises(
            ReasonNotAllowedError, match=r"toegestaan: .*fraude.*art\. 2\.3 en 2\.4"
        ):
            cascade(ASR_REINTEGRATIEMANAGER, "reintegratiemanager", D, R.ONJUISTE_INFORMATIE)

    def test_consequences_of_the_end(self) -> None:
        """001 art. 2.5: guidance ends, the garantie lapses, the casemanager consults; with the
        garantie the casemanager's extended work during a loonsanctie ends too (art. 3.5)."""
        assert kinds(ASR_REINTEGRATIEMANAGER, "reintegratiemanager") == {
            ConsequenceKind.GUIDANCE_ENDS,
            ConsequenceKind.GUARANTEE_LAPSES,
            ConsequenceKind.CONSULTATION,
        }
        found = consequences(ASR_REINTEGRATIEMANAGER, "basis-verzuim", D).value
        assert {c.citations for c in found} == {
            (Citation.seed("001", "2.5"),),
            (Citation.seed("001", "2.5"), Citation.seed("001", "3.5")),
        }


class TestMkbVerzuimOntzorg:
    @pytest.mark.parametrize("module", ["mkb-verzuim-ontzorg", "ontzorgmanager-arbobegeleiding"])
    def test_every_module_ends_every_other(self, module: str) -> None:
        """004 art. 1.9: if one module ends, the others end on the same date."""
        assert ended(MKB_VERZUIM_ONTZORG, module) == set(MKB_VERZUIM_ONTZORG.module_codes)

    def test_ontzorgmanager_reintegratie_ends_the_others(self) -> None:
        """004 art. 2.5: ending Ontzorgmanager – Re-integratie ends the basismodule and arbo."""
        result = cascade(MKB_VERZUIM_ONTZORG, "ontzorgmanager-reintegratie", D, R.WANBETALING)
        assert set(result.value.modules) == set(MKB_VERZUIM_ONTZORG.module_codes)
        entry = result.value.get("mkb-verzuim-ontzorg")
        assert entry is not None
        assert Citation.seed("004", "2.5") in entry.citations

    def test_basismodule_ends_ontzorgmanager_reintegratie(self) -> None:
        """004 art. 2.2: the module ends automatically with the basismodule."""
        assert Citation.seed("004", "2.2") in cites(
            MKB_VERZUIM_ONTZORG,
            "mkb-verzuim-ontzorg",
            R.OPZEGGING_WERKGEVER,
            "ontzorgmanager-reintegratie",
        )

    def test_cannot_be_cancelled_on_its_own(self) -> None:
        """004 art. 2.3: the employer cannot end Ontzorgmanager – Re-integratie on its own."""
        with pytest.raises(ReasonNotAllowedError, match="niet los opzeggen"):
            cascade(MKB_VERZUIM_ONTZORG, "ontzorgmanager-reintegratie", D)

    def test_insurer_reasons(self) -> None:
        """004 art. 2.4: coupled module ended, fraude, wanbetaling, opzegging_uitvoerder."""
        module = MKB_VERZUIM_ONTZORG.module("ontzorgmanager-reintegratie")
        assert module.allowed_reasons == {
            R.EINDE_GEKOPPELDE_MODULE,
            R.FRAUDE,
            R.WANBETALING,
            R.OPZEGGING_UITVOERDER,
        }

    def test_consequences_of_the_end(self) -> None:
        """004 art. 2.5: guidance ends, the garantie lapses, the Ontzorgmanager consults."""
        assert kinds(MKB_VERZUIM_ONTZORG, "mkb-verzuim-ontzorg") == {
            ConsequenceKind.GUIDANCE_ENDS,
            ConsequenceKind.GUARANTEE_LAPSES,
            ConsequenceKind.CONSULTATION,
        }


class TestZeeuwsePrb:
    def test_insurance_ends_prb(self) -> None:
        """003 art. 1.5.2: PRB ends on the end date of the Verzuimverzekering ERD."""
        assert ended(ZEEUWSE_PRB, "verzuim-erd") == {"verzuim-erd", "prb"}
        assert Citation.seed("003", "1.5.2") in cites(
            ZEEUWSE_PRB, "verzuim-erd", R.OPZEGGING_WERKGEVER, "prb"
        )

    def test_arbocontract_ends_prb(self) -> None:
        """003 art. 1.5.2: PRB ends on the end date of the arbocontract."""
        assert ended(ZEEUWSE_PRB, "arbocontract") == {"arbocontract", "prb"}

    def test_switching_arbodienst_keeps_prb(self) -> None:
        """003 art. 1.5.2: not when a directly following contract with another arbodienst."""
        assert ended(ZEEUWSE_PRB, "arbocontract", R.OVERSTAP_ARBODIENST) == {"arbocontract"}

    def test_switching_does_not_spare_prb_when_the_insurance_ends(self) -> None:
        """003 art. 1.5.2: overstap_arbodienst blocks only the arbocontract rule."""
        assert ended(ZEEUWSE_PRB, "verzuim-erd", R.OVERSTAP_ARBODIENST) == {"verzuim-erd", "prb"}

    def test_budget_modules_are_not_coupled(self) -> None:
        """003 art. 1.2: WGA-ERD and WIA 0-100 only double the budgets; no coupling."""
        assert ended(ZEEUWSE_PRB, "wga-erd") == {"wga-erd"}
        assert ended(ZEEUWSE_PRB, "wia-0-100") == {"wia-0-100"}

    def test_continuation_unless_fraud_nonpayment_or_wrong_information(self) -> None:
        """003 art. 1.5.3: support continues, except after fraude/wanbetaling/onjuiste info."""
        assert ConsequenceKind.GUIDANCE_CONTINUES in kinds(ZEEUWSE_PRB, "verzuim-erd")
        for reason in (R.FRAUDE, R.WANBETALING, R.ONJUISTE_INFORMATIE):
            found = kinds(ZEEUWSE_PRB, "verzuim-erd", reason)
            assert ConsequenceKind.GUIDANCE_CONTINUES not in found
            assert ConsequenceKind.GUIDANCE_ENDS in found

    def test_prb_itself_ends_only_for_its_reasons(self) -> None:
        """003 art. 1.5.2, 3.2: PRB ends with its modules or for non-compliance/fraud."""
        assert ZEEUWSE_PRB.module("prb").allowed_reasons == {
            R.EINDE_GEKOPPELDE_MODULE,
            R.NIET_NAKOMEN_VERPLICHTINGEN,
            R.FRAUDE,
        }
