"""Entitlements and obligations from an event log (spec/domain.md §5): one test per row."""

from __future__ import annotations

from datetime import date

import pytest

from reintegratie_core import (
    Citation,
    Entitlement,
    EntitlementState,
    EntitlementStatus,
    Event,
    EventKind,
    InvalidValueError,
    NotInProductError,
    Scope,
    UnknownCodeError,
    applicable,
    entitlement_state,
    entitlement_status,
    entitlement_statuses,
    product_rules,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product


def _p(product: Product | str) -> Product:
    """The built-in product of a code (the core takes a Product, the tests name codes)."""
    return product if isinstance(product, Product) else builtin_product(product)


#: The event table of each built-in product, by code (each Product holds its own).
PRODUCT_RULES = {p.code: p.events for p in BUILTIN_PRODUCTS if p.events is not None}


K = EventKind
A = EntitlementState.ACTIEF
G = EntitlementState.GESCHORST
V = EntitlementState.VERVALLEN
B = EntitlementState.BEEINDIGD

RM = "asr-reintegratiemanager"
MKB = "mkb-verzuim-ontzorg"
PRB = "zeeuwse-prb"
ASR = "asr-reintegratie"

D1 = date(2025, 3, 1)
D2 = date(2025, 4, 1)
D3 = date(2025, 5, 1)
LATER = date(2026, 1, 1)


def ev(day: date, kind: EventKind, employee: str | None = None) -> Event:
    """A short way to write an event."""
    return Event(date=day, kind=kind, employee=employee)


def states(
    product: str, events: list[Event], at: date, employee: str | None = None
) -> dict[str, EntitlementState]:
    """The state of each entitlement of ``product``, by code."""
    return {
        s.entitlement.value: s.state
        for s in entitlement_statuses(_p(product), events, at, employee).value
    }


def citations(
    product: str, events: list[Event], at: date, employee: str | None = None
) -> set[Citation]:
    """Every citation in the explanation of the statuses."""
    return set(entitlement_statuses(_p(product), events, at, employee).citations())


def by_seed(product: str) -> str:
    """The seed code whose articles a.s.r.'s two modules cite."""
    return {RM: "001", MKB: "004"}[product]


ASR_MODULES = pytest.mark.parametrize("product", [RM, MKB])


class TestSchorsing:
    @ASR_MODULES
    def test_schorsing_suspends_services_and_lapses_garantie(self, product: str) -> None:
        """001 art. 5.3, 004 art. 5.3: schorsing → dienstverlening, vergoeding geschorst; garantie vervallen."""
        log = [ev(D1, K.SCHORSING)]
        assert states(product, log, D1) == {
            "dienstverlening": G,
            "vergoeding": G,
            "poortwachtergarantie": V,
        }
        assert Citation.seed(by_seed(product), "5.3") in citations(product, log, D1)

    @ASR_MODULES
    def test_schorsing_applies_from_its_notified_date(self, product: str) -> None:
        """001/004 art. 5.3: the day before the notified date everything is still actief."""
        log = [ev(D1, K.SCHORSING)]
        assert set(states(product, log, date(2025, 2, 28)).values()) == {A}


class TestBetaling:
    @ASR_MODULES
    def test_betaling_restores_services_but_not_the_garantie(self, product: str) -> None:
        """001 art. 5.3, 004 art. 5.3: betaling → dienstverlening, vergoeding actief; garantie stays vervallen."""
        log = [ev(D1, K.SCHORSING), ev(D2, K.BETALING)]
        assert states(product, log, D2) == {
            "dienstverlening": A,
            "vergoeding": A,
            "poortwachtergarantie": V,
        }
        status = entitlement_status(_p(product), Entitlement.DIENSTVERLENING, log, D2)
        assert status.since == D2
        assert [d.event.kind for d in status.decided_by] == [K.BETALING]
        garantie = entitlement_status(_p(product), Entitlement.POORTWACHTERGARANTIE, log, D3)
        assert garantie.since == D1
        assert Citation.seed(by_seed(product), "5.3") in garantie.explained.citations()

    @ASR_MODULES
    def test_betaling_without_schorsing_changes_nothing(self, product: str) -> None:
        """001/004 art. 5.3: betaling only resumes a suspended service; an actief one stays as it was."""
        status = entitlement_status(_p(product), Entitlement.VERGOEDING, [ev(D1, K.BETALING)], D2)
        assert (status.state, status.since, status.decided_by) == (A, None, ())


class TestBeeindiging:
    @ASR_MODULES
    def test_beeindiging_ends_all_three(self, product: str) -> None:
        """001 art. 2.5/5.3, 004 art. 2.5/5.3: beeindiging → all three beeindigd."""
        log = [ev(D1, K.BEEINDIGING)]
        assert set(states(product, log, D1).values()) == {B}
        found = citations(product, log, D1)
        seed = by_seed(product)
        assert {Citation.seed(seed, "2.5"), Citation.seed(seed, "5.3")} <= found

    def test_beeindiging_of_zeeuwse_prb(self) -> None:
        """003 art. 1.5.2: when the insurance or arbocontract ends, the service ends on that date."""
        log = [ev(D1, K.BEEINDIGING)]
        assert set(states(PRB, log, D1).values()) == {B}
        assert Citation.seed("003", "1.5.2") in citations(PRB, log, D1)

    def test_beeindiging_of_asr_reintegratie(self) -> None:
        """000 art. 4.1: the agreement ends; dienstverlening and vergoeding beeindigd."""
        log = [ev(D1, K.BEEINDIGING)]
        assert states(ASR, log, D1) == {"dienstverlening": B, "vergoeding": B}
        assert Citation.seed("000", "4.1") in citations(ASR, log, D1)

    @ASR_MODULES
    def test_garantie_lapsed_before_the_end_stays_vervallen(self, product: str) -> None:
        """001/004 art. 5.3 then 2.5: a final state is kept with its own date and article."""
        log = [ev(D1, K.SCHORSING), ev(D2, K.BEEINDIGING)]
        garantie = entitlement_status(_p(product), Entitlement.POORTWACHTERGARANTIE, log, D3)
        assert (garantie.state, garantie.since) == (V, D1)
        dienst = entitlement_status(_p(product), Entitlement.DIENSTVERLENING, log, D3)
        assert (dienst.state, dienst.since) == (B, D2)


class TestInformatieNietVerstrekt:
    @ASR_MODULES
    def test_information_not_given_suspends_policy_wide(self, product: str) -> None:
        """001 art. 4.2, 004 art. 4.2 (§8: policy-wide): dienstverlening, vergoeding geschorst; garantie vervallen."""
        log = [ev(D1, K.INFORMATIE_NIET_VERSTREKT)]
        expected = {"dienstverlening": G, "vergoeding": G, "poortwachtergarantie": V}
        assert states(product, log, D1) == expected
        assert states(product, log, D1, employee="Jan") == expected
        found = citations(product, log, D1)
        assert {Citation.seed(by_seed(product), "4.2"), Citation.decision("§8")} <= found

    @ASR_MODULES
    def test_betaling_does_not_lift_an_information_suspension(self, product: str) -> None:
        """001/004 art. 4.2 vs 5.3: paying arrears is no answer to missing information."""
        log = [ev(D1, K.SCHORSING), ev(D2, K.INFORMATIE_NIET_VERSTREKT), ev(D3, K.BETALING)]
        status = entitlement_status(_p(product), Entitlement.DIENSTVERLENING, log, D3)
        assert (status.state, status.since) == (G, D1)
        assert [d.event.kind for d in status.decided_by] == [K.INFORMATIE_NIET_VERSTREKT]

    @ASR_MODULES
    def test_information_given_lifts_the_suspension(self, product: str) -> None:
        """Domain §8.1, 001/004 art. 4.2 "opgeschort": informatie_verstrekt makes dienstverlening
        and vergoeding actief again; the poortwachtergarantie stays vervallen."""
        log = [ev(D1, K.INFORMATIE_NIET_VERSTREKT), ev(D2, K.INFORMATIE_VERSTREKT)]
        assert states(product, log, D2) == {
            "dienstverlening": A,
            "vergoeding": A,
            "poortwachtergarantie": V,
        }
        status = entitlement_status(_p(product), Entitlement.DIENSTVERLENING, log, D3)
        assert status.since == D2
        garantie = entitlement_status(_p(product), Entitlement.POORTWACHTERGARANTIE, log, D3)
        assert garantie.since == D1
        found = citations(product, log, D2)
        assert {Citation.seed(by_seed(product), "4.2"), Citation.decision("§8.1")} <= found

    @ASR_MODULES
    def test_information_does_not_lift_a_payment_suspension(self, product: str) -> None:
        """001/004 art. 4.2 vs 5.3, domain §8.1: giving information is no answer to arrears."""
        log = [
            ev(D1, K.SCHORSING),
            ev(D2, K.INFORMATIE_NIET_VERSTREKT),
            ev(D3, K.INFORMATIE_VERSTREKT),
        ]
        status = entitlement_status(_p(product), Entitlement.VERGOEDING, log, D3)
        assert status.state is G
        log.append(ev(LATER, K.BETALING))
        assert entitlement_status(_p(product), Entitlement.VERGOEDING, log, LATER).state is A


class TestNietMeegewerktInterventie:
    @ASR_MODULES
    def test_not_cooperating_lapses_the_garantie_of_that_employee(self, product: str) -> None:
        """001 art. 4.2, 004 art. 4.2: niet_meegewerkt_interventie → garantie vervallen for that employee only."""
        log = [ev(D1, K.NIET_MEEGEWERKT_INTERVENTIE, "Jan")]
        assert states(product, log, D1, "Jan") == {
            "dienstverlening": A,
            "vergoeding": A,
            "poortwachtergarantie": V,
        }
        assert set(states(product, log, D1, "Piet").values()) == {A}
        assert set(states(product, log, D1).values()) == {A}
        assert Citation.seed(by_seed(product), "4.2") in citations(product, log, D1, "Jan")

    @ASR_MODULES
    def test_the_insurer_may_then_end_the_guidance(self, product: str) -> None:
        """001/004 art. 4.2: a second event begeleiding_beeindigd ends dienstverlening and vergoeding."""
        log = [
            ev(D1, K.NIET_MEEGEWERKT_INTERVENTIE, "Jan"),
            ev(D2, K.BEGELEIDING_BEEINDIGD, "Jan"),
        ]
        assert states(product, log, D2, "Jan") == {
            "dienstverlening": B,
            "vergoeding": B,
            "poortwachtergarantie": V,
        }


class TestAdviesNietOpgevolgd:
    @pytest.mark.parametrize(
        ("product", "citation"),
        [
            (RM, Citation.seed("001", "4.2")),
            (MKB, Citation.seed("004", "4.2")),
            (PRB, Citation.seed("003", "2.7.3")),
        ],
    )
    def test_advice_not_followed_lapses_the_garantie(
        self, product: str, citation: Citation
    ) -> None:
        """001 art. 4.2, 004 art. 4.2, 003 art. 2.7.3: advies_niet_opgevolgd → garantie vervallen for that employee."""
        log = [ev(D1, K.ADVIES_NIET_OPGEVOLGD, "Jan")]
        found = states(product, log, D1, "Jan")
        assert found["poortwachtergarantie"] is V
        assert found["dienstverlening"] is A
        assert states(product, log, D1)["poortwachtergarantie"] is A
        assert citation in citations(product, log, D1, "Jan")


class TestZiekmeldingTeLaat:
    def test_late_sick_report_lapses_the_garantie(self) -> None:
        """004 art. 4.2: ziekmelding_te_laat → garantie vervallen, for that employee only."""
        log = [ev(D1, K.ZIEKMELDING_TE_LAAT, "Jan")]
        assert states(MKB, log, D1, "Jan")["poortwachtergarantie"] is V
        assert states(MKB, log, D1, "Piet")["poortwachtergarantie"] is A
        assert Citation.seed("004", "4.2") in citations(MKB, log, D1, "Jan")

    @pytest.mark.parametrize("product", [RM, PRB, ASR])
    def test_only_mkb_verzuim_ontzorg_knows_it(self, product: str) -> None:
        """004 art. 4.2: the other products' conditions have no late-report rule; the error names the product."""
        with pytest.raises(NotInProductError, match=product) as info:
            states(product, [ev(D1, K.ZIEKMELDING_TE_LAAT, "Jan")], D1, "Jan")
        assert info.value.product == product
        assert "ziekmelding_te_laat" not in info.value.accepted


class TestBegeleidingBeeindigd:
    @pytest.mark.parametrize(
        ("product", "citation"),
        [
            (RM, Citation.seed("001", "4.2")),
            (MKB, Citation.seed("004", "4.2")),
            (ASR, Citation.seed("000", "4.2")),
        ],
    )
    def test_ended_guidance_ends_services_for_that_employee(
        self, product: str, citation: Citation
    ) -> None:
        """001 art. 4.2, 004 art. 4.2, 000 art. 4.2: begeleiding_beeindigd → dienstverlening, vergoeding beeindigd."""
        log = [ev(D1, K.BEGELEIDING_BEEINDIGD, "Jan")]
        found = states(product, log, D1, "Jan")
        assert (found["dienstverlening"], found["vergoeding"]) == (B, B)
        assert found.get("poortwachtergarantie", A) is A
        assert set(states(product, log, D1).values()) == {A}
        assert citation in citations(product, log, D1, "Jan")


class TestDekking:
    def test_coverage_suspended_suspends_all_three(self) -> None:
        """003 art. 1.5.2: dekking_geschorst → all three geschorst."""
        log = [ev(D1, K.DEKKING_GESCHORST)]
        assert set(states(PRB, log, D1).values()) == {G}
        assert Citation.seed("003", "1.5.2") in citations(PRB, log, D1)

    def test_coverage_restored_restores_all_three(self) -> None:
        """003 art. 1.5.2: dekking_hersteld → all three actief again, since the restoring date."""
        log = [ev(D1, K.DEKKING_GESCHORST), ev(D2, K.DEKKING_HERSTELD)]
        statuses = entitlement_statuses(_p(PRB), log, D3).value
        assert {(s.state, s.since) for s in statuses} == {(A, D2)}


class TestArbocontract:
    def test_arbocontract_suspended_suspends_all_three(self) -> None:
        """003 art. 1.5.2: arbocontract_geschorst → all three geschorst."""
        log = [ev(D1, K.ARBOCONTRACT_GESCHORST)]
        assert set(states(PRB, log, D1).values()) == {G}
        assert Citation.seed("003", "1.5.2") in citations(PRB, log, D1)

    def test_arbocontract_restored_restores_all_three(self) -> None:
        """003 art. 1.5.2: arbocontract_hersteld → all three actief again."""
        log = [ev(D1, K.ARBOCONTRACT_GESCHORST), ev(D2, K.ARBOCONTRACT_HERSTELD)]
        assert set(states(PRB, log, D2).values()) == {A}

    def test_both_suspensions_must_be_lifted(self) -> None:
        """003 art. 1.5.2: service runs only while coverage AND arbocontract run; one restore is not enough."""
        log = [
            ev(D1, K.DEKKING_GESCHORST),
            ev(D1, K.ARBOCONTRACT_GESCHORST),
            ev(D2, K.DEKKING_HERSTELD),
        ]
        status = entitlement_status(_p(PRB), Entitlement.VERGOEDING, log, D2)
        assert (status.state, status.since) == (G, D1)
        assert [d.event.kind for d in status.decided_by] == [K.ARBOCONTRACT_GESCHORST]
        log.append(ev(D3, K.ARBOCONTRACT_HERSTELD))
        status = entitlement_status(_p(PRB), Entitlement.VERGOEDING, log, D3)
        assert (status.state, status.since) == (A, D3)

    def test_a_restore_does_not_revive_a_withdrawn_garantie(self) -> None:
        """003 art. 1.5.2 and 2.7.3: a garantie withdrawn during a suspension stays vervallen."""
        log = [
            ev(D1, K.ARBOCONTRACT_GESCHORST),
            ev(D2, K.GARANTIE_INGETROKKEN),
            ev(D3, K.ARBOCONTRACT_HERSTELD),
        ]
        assert states(PRB, log, D3) == {
            "dienstverlening": A,
            "vergoeding": A,
            "poortwachtergarantie": V,
        }


class TestGarantieIngetrokken:
    def test_withdrawn_for_the_policy(self) -> None:
        """003 art. 2.7.3: garantie_ingetrokken for the policy → garantie vervallen for everyone."""
        log = [ev(D1, K.GARANTIE_INGETROKKEN)]
        assert states(PRB, log, D1)["poortwachtergarantie"] is V
        assert states(PRB, log, D1, "Jan")["poortwachtergarantie"] is V
        assert states(PRB, log, D1)["dienstverlening"] is A
        assert Citation.seed("003", "2.7.3") in citations(PRB, log, D1)

    def test_withdrawn_for_one_employee(self) -> None:
        """003 art. 2.7.3: garantie_ingetrokken for an employee → garantie vervallen for that employee only."""
        log = [ev(D1, K.GARANTIE_INGETROKKEN, "Jan")]
        assert states(PRB, log, D1, "Jan")["poortwachtergarantie"] is V
        assert states(PRB, log, D1, "Piet")["poortwachtergarantie"] is A
        assert states(PRB, log, D1)["poortwachtergarantie"] is A


class TestFraude:
    @pytest.mark.parametrize(
        ("product", "expected"),
        [
            (RM, {Citation.seed("001", "2.4")}),
            (MKB, {Citation.seed("004", "2.4")}),
            (PRB, {Citation.seed("003", "1.5.3"), Citation.seed("003", "3.2")}),
        ],
    )
    def test_fraud_ends_all_three(self, product: str, expected: set[Citation]) -> None:
        """001 art. 2.4, 004 art. 2.4, 003 art. 1.5.3/3.2: fraude → all three beeindigd, no continuation."""
        log = [ev(D1, K.FRAUDE)]
        assert set(states(product, log, D1).values()) == {B}
        assert set(states(product, log, D1, "Jan").values()) == {B}
        assert expected <= citations(product, log, D1)

    def test_asr_reintegratie_has_no_fraud_rule(self) -> None:
        """000: the agreement has no fraud article; the event is an error naming the product."""
        with pytest.raises(NotInProductError, match="asr-reintegratie"):
            states(ASR, [ev(D1, K.FRAUDE)], D1)


#: Which event kinds each product's conditions know, with the articles (§5 sources column).
KNOWN_KINDS: dict[str, set[EventKind]] = {
    ASR: {K.BEEINDIGING, K.BEGELEIDING_BEEINDIGD},
    RM: {
        K.SCHORSING,
        K.BETALING,
        K.BEEINDIGING,
        K.INFORMATIE_NIET_VERSTREKT,
        K.INFORMATIE_VERSTREKT,
        K.NIET_MEEGEWERKT_INTERVENTIE,
        K.ADVIES_NIET_OPGEVOLGD,
        K.BEGELEIDING_BEEINDIGD,
        K.FRAUDE,
    },
    MKB: {
        K.SCHORSING,
        K.BETALING,
        K.BEEINDIGING,
        K.INFORMATIE_NIET_VERSTREKT,
        K.INFORMATIE_VERSTREKT,
        K.NIET_MEEGEWERKT_INTERVENTIE,
        K.ADVIES_NIET_OPGEVOLGD,
        K.ZIEKMELDING_TE_LAAT,
        K.BEGELEIDING_BEEINDIGD,
        K.FRAUDE,
    },
    PRB: {
        K.BEEINDIGING,
        K.ADVIES_NIET_OPGEVOLGD,
        K.DEKKING_GESCHORST,
        K.DEKKING_HERSTELD,
        K.ARBOCONTRACT_GESCHORST,
        K.ARBOCONTRACT_HERSTELD,
        K.GARANTIE_INGETROKKEN,
        K.FRAUDE,
    },
}


class TestProductTables:
    def test_the_four_builtin_products(self) -> None:
        """spec/domain.md §4: the four built-in product codes each have an event table."""
        assert set(PRODUCT_RULES) == set(KNOWN_KINDS)

    @pytest.mark.parametrize("product", sorted(KNOWN_KINDS))
    def test_known_kinds_per_product(self, product: str) -> None:
        """spec/domain.md §5 sources: a kind is known to a product only when its own seed has the rule."""
        assert set(product_rules(_p(product)).kinds) == KNOWN_KINDS[product]

    @pytest.mark.parametrize(
        ("product", "kind"),
        [(p, k) for p, known in sorted(KNOWN_KINDS.items()) for k in EventKind if k not in known],
    )
    def test_unknown_kind_is_an_error_naming_the_product(
        self, product: str, kind: EventKind
    ) -> None:
        """spec/domain.md §5: an event the product's conditions do not know is an error naming the product."""
        owner = next(p for p, known in KNOWN_KINDS.items() if kind in known)
        scope = product_rules(_p(owner)).rule(kind).scope
        employee = "Jan" if scope is Scope.EMPLOYEE else None
        with pytest.raises(NotInProductError) as info:
            entitlement_statuses(_p(product), [ev(D1, kind, employee)], D2)
        assert f'"{product}"' in str(info.value)
        assert info.value.accepted == tuple(k.value for k in product_rules(_p(product)).kinds)

    def test_unknown_kind_is_an_error_even_after_the_reference_date(self) -> None:
        """spec/domain.md §5: the whole log is checked against the product, not only the part that counts."""
        with pytest.raises(NotInProductError):
            entitlement_statuses(_p(RM), [ev(LATER, K.DEKKING_GESCHORST)], D1)

    def test_unknown_product(self) -> None:
        """spec/domain.md §4: an unknown product code lists the four that exist."""
        with pytest.raises(UnknownCodeError) as info:
            entitlement_statuses(_p("asr"), [], D1)
        assert info.value.kind == "product"
        assert info.value.accepted == tuple(PRODUCT_RULES)

    def test_asr_reintegratie_grants_no_poortwachtergarantie(self) -> None:
        """000 art. 1: the agreement offers guidance and reimbursement, no poortwachtergarantie."""
        assert [s.entitlement for s in entitlement_statuses(_p(ASR), [], D1).value] == [
            Entitlement.DIENSTVERLENING,
            Entitlement.VERGOEDING,
        ]
        with pytest.raises(NotInProductError, match="asr-reintegratie"):
            entitlement_state(_p(ASR), Entitlement.POORTWACHTERGARANTIE, [], D1)

    @pytest.mark.parametrize("product", sorted(KNOWN_KINDS))
    def test_every_effect_names_an_entitlement_of_its_product(self, product: str) -> None:
        """STYLE.md: the tables are consistent data — effects only on granted entitlements."""
        rules = product_rules(_p(product))
        for rule in rules.rules:
            assert rule.citations, rule.kind
            assert {e.entitlement for e in rule.effects} <= set(rules.entitlements)


class TestScope:
    @pytest.mark.parametrize("kind", [K.SCHORSING, K.BETALING, K.BEEINDIGING, K.FRAUDE])
    def test_policy_event_with_an_employee_is_an_error(self, kind: EventKind) -> None:
        """spec/domain.md §5 scope column: a policy event names no employee."""
        with pytest.raises(InvalidValueError, match="hele polis"):
            entitlement_statuses(_p(RM), [ev(D1, kind, "Jan")], D1)

    @pytest.mark.parametrize("kind", [K.ADVIES_NIET_OPGEVOLGD, K.BEGELEIDING_BEEINDIGD])
    def test_employee_event_without_an_employee_is_an_error(self, kind: EventKind) -> None:
        """spec/domain.md §5 scope column: an employee event must name the employee."""
        with pytest.raises(InvalidValueError, match="per werknemer"):
            entitlement_statuses(_p(MKB), [ev(D1, kind)], D1)

    def test_policy_events_apply_to_every_employee(self) -> None:
        """spec/domain.md §5: policy events apply to every employee."""
        log = [ev(D1, K.SCHORSING)]
        assert states(MKB, log, D1, "Jan") == states(MKB, log, D1) == states(MKB, log, D1, "X")

    def test_employees_match_ignoring_case_and_spaces(self) -> None:
        """spec/excel-functions.md: Excel compares text case-insensitively; so does the employee match."""
        log = [ev(D1, K.ADVIES_NIET_OPGEVOLGD, "  Jan   de Vries ")]
        assert log[0].employee == "Jan de Vries"
        assert states(MKB, log, D1, "jan de vries")["poortwachtergarantie"] is V

    def test_empty_employee_means_the_policy(self) -> None:
        """spec/excel-functions.md: an empty werknemer is the whole policy."""
        assert ev(D1, K.SCHORSING, "   ").employee is None


class TestOrder:
    def test_same_date_applies_in_the_given_order(self) -> None:
        """spec/domain.md §5: on one date events apply in the order given."""
        paid_after = [ev(D1, K.SCHORSING), ev(D1, K.BETALING)]
        paid_before = [ev(D1, K.BETALING), ev(D1, K.SCHORSING)]
        assert states(RM, paid_after, D1)["dienstverlening"] is A
        assert states(RM, paid_before, D1)["dienstverlening"] is G

    def test_different_dates_apply_in_date_order(self) -> None:
        """spec/domain.md §5: events apply in date order, whatever order the rows have."""
        rows = [ev(D2, K.BETALING), ev(D1, K.SCHORSING)]
        assert states(RM, rows, D3)["dienstverlening"] is A

    def test_events_after_the_reference_date_are_ignored(self) -> None:
        """spec/domain.md §5: the state at a date takes the events up to and including that date."""
        log = [ev(D1, K.SCHORSING), ev(D2, K.BETALING)]
        assert states(RM, log, date(2025, 3, 31))["dienstverlening"] is G
        assert applicable(log, date(2025, 3, 31)) == (log[0],)

    def test_applicable_picks_the_scope(self) -> None:
        """spec/domain.md §5: the policy level sees policy events; an employee also their own."""
        log = [ev(D2, K.ADVIES_NIET_OPGEVOLGD, "Jan"), ev(D1, K.SCHORSING)]
        assert applicable(log, D3) == (log[1],)
        assert applicable(log, D3, "Jan") == (log[1], log[0])


class TestExplanation:
    def test_untouched_entitlement_cites_its_grant(self) -> None:
        """001 art. 3.5: a garantie no event touched is actief, grounded on the article that grants it."""
        explained = entitlement_state(_p(RM), Entitlement.POORTWACHTERGARANTIE, [], D1)
        assert explained.value is A
        assert explained.citations() == (Citation.seed("001", "3.5"),)

    def test_the_deciding_event_and_article_are_named(self) -> None:
        """004 art. 4.2: the explanation names the event, its date, the employee and the article."""
        log = [ev(D1, K.ZIEKMELDING_TE_LAAT, "Jan")]
        text = entitlement_state(_p(MKB), Entitlement.POORTWACHTERGARANTIE, log, D2, "Jan").text()
        assert "ziekmelding_te_laat op 01-03-2025 (werknemer Jan)" in text
        assert "De Amersfoortse Ontzorgmanager art. 4.2" in text
        assert text.startswith("uitkomst = vervallen")

    def test_status_bundles_state_since_and_grounds(self) -> None:
        """001 art. 5.3: the status of one entitlement carries state, since-date and grounds."""
        status = entitlement_status(_p(RM), Entitlement.VERGOEDING, [ev(D1, K.SCHORSING)], D2)
        assert isinstance(status, EntitlementStatus)
        assert (status.state, status.since) == (G, D1)
        assert status.explained.value is G
        assert status.explained.grounds == status.grounds


class TestEvent:
    def test_datetime_is_refused(self) -> None:
        """spec/domain.md §1: the core works in dates only."""
        from datetime import datetime

        with pytest.raises(TypeError):
            Event(date=datetime(2025, 3, 1), kind=K.SCHORSING)

    def test_kind_must_be_an_event_kind(self) -> None:
        """spec/domain.md §5: event kinds are the closed set of codes."""
        with pytest.raises(TypeError):
            Event(date=D1, kind="schorsing")  # type: ignore[arg-type]

    def test_employee_that_is_no_text_names_the_field(self) -> None:
        """An employee that is no text is a TypeError naming ``employee``, in an Event and
        in ``applicable``, also when the log holds only policy events."""
        with pytest.raises(TypeError, match=r"^employee: verwacht tekst \(str\), kreeg float"):
            Event(date=D1, kind=K.SCHORSING, employee=1.5)  # type: ignore[arg-type]
        log = [Event(date=D1, kind=K.SCHORSING)]
        with pytest.raises(TypeError, match=r"^employee: verwacht tekst \(str\), kreeg int"):
            applicable(log, D1, 7)  # type: ignore[arg-type]

    def test_a_log_entry_that_is_no_event_is_named_by_its_place(self) -> None:
        """docs/python.md: a wrong value in a list is named with its place (events[1])."""
        log = [Event(date=D1, kind=K.SCHORSING), None]
        with pytest.raises(TypeError, match=r"^events\[1\]: verwacht een Event, kreeg NoneType"):
            entitlement_statuses(builtin_product("asr-reintegratiemanager"), log, D1)  # type: ignore[list-item]

    def test_codes_equal_the_spec(self) -> None:
        """spec/domain.md §5 and §8.1: the fourteen event codes and informatie_verstrekt."""
        assert [k.value for k in EventKind] == [
            "schorsing",
            "betaling",
            "beeindiging",
            "informatie_niet_verstrekt",
            "informatie_verstrekt",
            "niet_meegewerkt_interventie",
            "advies_niet_opgevolgd",
            "ziekmelding_te_laat",
            "begeleiding_beeindigd",
            "dekking_geschorst",
            "dekking_hersteld",
            "arbocontract_geschorst",
            "arbocontract_hersteld",
            "garantie_ingetrokken",
            "fraude",
        ]
