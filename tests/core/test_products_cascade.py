"""The cascade engine and policies: invariants by Hypothesis (spec/domain.md §4)."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given, settings, stateful
from hypothesis import strategies as st

from reintegratie_core import (
    InvalidPeriodError,
    InvalidValueError,
    UnknownCodeError,
    error_argument,
)
from reintegratie_core.products import (
    ASR_REINTEGRATIEMANAGER,
    BUILTIN_PRODUCTS,
    MKB_VERZUIM_ONTZORG,
    ZEEUWSE_PRB,
    Cascade,
    ModuleContract,
    Policy,
    Product,
    TerminationReason,
    cascade,
    ends_with,
)
from tests.core.strategies_products import (
    dates,
    held_modules,
    products,
    shuffled,
    terminations,
)

R = TerminationReason


def closure_holds(product: Product, result: Cascade, held: tuple[str, ...]) -> bool:
    """No held module outside the result is the target of a propagating rule from inside."""
    inside = set(result.modules)
    for rule in product.couplings:
        source = result.get(rule.source)
        if source is None or rule.target not in held:
            continue
        if rule.propagates(source.reason) and rule.target not in inside:
            return False
    return True


def reference_closure(product: Product, module: str, reason: R, held: tuple[str, ...]) -> set[str]:
    """A second, naive algorithm: apply every rule until nothing changes (a fixpoint)."""
    first = product.module(module).code
    why = {first: reason}
    changed = True
    while changed:
        changed = False
        for rule in product.couplings:
            if (
                rule.source in why
                and rule.target in held
                and rule.target not in why
                and rule.propagates(why[rule.source])
            ):
                why[rule.target] = R.EINDE_GEKOPPELDE_MODULE
                changed = True
    return set(why)


class TestCascadeExamples:
    def test_first_module_comes_first_then_by_depth(self) -> None:
        """spec/domain.md §4: the module that ends first, then every module reached."""
        result = cascade(ASR_REINTEGRATIEMANAGER, "basis-verzuim", date(2026, 1, 1)).value
        assert result.modules == (
            "basis-verzuim",
            "reintegratiemanager",
            "arbobegeleiding",
            "arbosignaal",
        )
        assert [e.depth for e in result.ended] == [0, 1, 2, 2]
        assert {e.date for e in result.ended} == {date(2026, 1, 1)}

    def test_cascaded_modules_record_the_coupled_reason(self) -> None:
        """spec/domain.md §4: a module reached by a rule ends as einde_gekoppelde_module."""
        result = cascade(ZEEUWSE_PRB, "verzuim-erd", date(2026, 1, 1), R.FRAUDE).value
        assert [e.reason for e in result.ended] == [R.FRAUDE, R.EINDE_GEKOPPELDE_MODULE]
        assert result.ended[1].causes == ("verzuim-erd",)

    def test_limited_to_the_modules_held(self) -> None:
        """spec/domain.md §4: the cascade is limited to the modules the policy holds."""
        result = cascade(
            ASR_REINTEGRATIEMANAGER,
            "basis-ao-3-12",
            date(2026, 1, 1),
            held=("basis-ao-3-12", "arbobegeleiding", "reintegratiemanager"),
        ).value
        assert result.modules == ("basis-ao-3-12", "reintegratiemanager", "arbobegeleiding")

    def test_first_module_must_be_held(self) -> None:
        """A module the policy does not hold cannot be terminated in it."""
        with pytest.raises(InvalidValueError, match="zit niet in de modules"):
            cascade(ZEEUWSE_PRB, "prb", date(2026, 1, 1), R.FRAUDE, held=("verzuim-erd",))

    def test_one_module_per_choice_group(self) -> None:
        """spec/domain.md §4: one basismodule (basis-verzuim or basis-ao-3-12)."""
        with pytest.raises(InvalidValueError, match="keuzegroep basismodule"):
            cascade(
                ASR_REINTEGRATIEMANAGER,
                "basis-verzuim",
                date(2026, 1, 1),
                held=("basis-verzuim", "basis-ao-3-12"),
            )

    def test_ends_with_blocked_rule_explains_the_reason(self) -> None:
        """003 art. 1.5.2: overstap_arbodienst does not end PRB, and the grounds say why."""
        result = ends_with(ZEEUWSE_PRB, "prb", "arbocontract", R.OVERSTAP_ARBODIENST)
        assert result.value is False
        assert any("overstap_arbodienst" in g.rule for g in result.grounds)

    def test_a_module_ends_with_itself(self) -> None:
        """RI_EINDIGT_MEE: the ended module itself ends (TRUE)."""
        assert ends_with(ZEEUWSE_PRB, "prb", "prb", R.FRAUDE).value is True


class TestCascadeProperties:
    @given(st.data())
    def test_independent_of_rule_order(self, data: st.DataObject) -> None:
        """STYLE.md: the cascade does not depend on the order in which rules are listed."""
        product = data.draw(products)
        held = data.draw(held_modules(product))
        module, reason = data.draw(terminations(product, held))
        on = data.draw(dates)
        other = data.draw(shuffled(product))
        expected = cascade(product, module, on, reason, held)
        again = cascade(other, module, on, reason, held)
        assert again.value == expected.value
        assert set(again.grounds) == set(expected.grounds)

    @given(st.data())
    def test_ends_exactly_the_fixpoint_of_the_rules(self, data: st.DataObject) -> None:
        """spec/domain.md §4: the ended modules are the transitive closure of the rules."""
        product = data.draw(products)
        held = data.draw(held_modules(product))
        module, reason = data.draw(terminations(product, held))
        result = cascade(product, module, date(2026, 1, 1), reason, held).value
        assert set(result.modules) == reference_closure(product, module, reason, held)

    @given(st.data())
    def test_deterministic(self, data: st.DataObject) -> None:
        """spec/domain.md §4: the same input gives the same result — also when the product's
        memo already holds this cascade for another date, compared with an equal product
        whose memo is empty (the memo is keyed by codes, never by a date)."""
        product = data.draw(products)
        held = data.draw(held_modules(product))
        module, reason = data.draw(terminations(product, held))
        on = data.draw(dates)
        cascade(product, module, data.draw(dates), reason, held)  # warm the memo
        cold = attrs.evolve(product)
        assert cold.decided == {}
        warm = cascade(product, module, on, reason, held)
        assert warm == cascade(cold, module, on, reason, held)
        assert warm.explain() == cascade(cold, module, on, reason, held).explain()

    @given(st.data())
    def test_idempotent_closure(self, data: st.DataObject) -> None:
        """spec/domain.md §4: cascading again from any ended module ends nothing new.

        The first module has already ended for its own reason, so it is no longer held when
        the cascade is repeated: a cycle back through it would otherwise re-end it as
        ``einde_gekoppelde_module`` and pass on a reason its own rule ``unless`` blocked
        (a counterexample Hypothesis found: m3 ended for fraude, m3 → m0 unless fraude).
        """
        product = data.draw(products)
        held = data.draw(held_modules(product))
        module, reason = data.draw(terminations(product, held))
        result = cascade(product, module, date(2026, 1, 1), reason, held).value
        assert closure_holds(product, result, held)
        first = result.ended[0].module
        still_held = tuple(m for m in (held or product.module_codes) if m != first)
        for entry in result.ended[1:]:
            again = cascade(product, entry.module, result.date, entry.reason, still_held).value
            assert set(again.modules) <= set(result.modules)

    @given(st.data())
    def test_every_ended_module_is_reachable_from_the_first(self, data: st.DataObject) -> None:
        """spec/domain.md §4: every module that ends is reached from the first by rules."""
        product = data.draw(products)
        held = data.draw(held_modules(product))
        module, reason = data.draw(terminations(product, held))
        result = cascade(product, module, date(2026, 1, 1), reason, held).value
        for entry in result.ended:
            current = entry
            steps = 0
            while current.rules:
                for rule in current.rules:
                    assert rule.target == current.module
                    source = result.get(rule.source)
                    assert source is not None
                    assert source.depth == current.depth - 1
                    assert rule.propagates(source.reason)
                    assert rule in product.couplings
                parent = result.get(current.rules[0].source)
                assert parent is not None
                current = parent
                steps += 1
            assert current.module == result.first
            assert steps == entry.depth

    @given(st.data())
    def test_all_end_on_the_same_date_within_the_policy(self, data: st.DataObject) -> None:
        """spec/domain.md §4: every ended module ends on the date, and only held ones end."""
        product = data.draw(products)
        held = data.draw(held_modules(product))
        module, reason = data.draw(terminations(product, held))
        on = data.draw(dates)
        result = cascade(product, module, on, reason, held).value
        assert {e.date for e in result.ended} == {on}
        assert set(result.modules) <= set(held)
        assert result.ended[0].module == result.first == product.module(module).code

    @given(st.data())
    def test_terminating_twice_changes_nothing(self, data: st.DataObject) -> None:
        """spec/domain.md §4: terminating an already-ended module changes nothing."""
        product = data.draw(products)
        held = data.draw(held_modules(product))
        module, reason = data.draw(terminations(product, held))
        on = data.draw(dates)
        policy = Policy.of(product, dict.fromkeys(held, date(2000, 1, 1)))
        once = policy.terminate(module, on, reason).value
        assert once.terminate(module, on, reason).value == once
        later = on + timedelta(days=data.draw(st.integers(0, 400)))
        assert once.terminate(module, later, reason).value == once


@settings(stateful_step_count=20)
class PolicyMachine(stateful.RuleBasedStateMachine):
    """Random terminations of random policies keep every coupling rule satisfied."""

    @stateful.initialize(data=st.data())
    def start(self, data: st.DataObject) -> None:
        self.product: Product = data.draw(st.one_of(st.sampled_from(BUILTIN_PRODUCTS), products))
        held = data.draw(held_modules(self.product))
        self.policy = Policy.of(self.product, dict.fromkeys(held, date(2020, 1, 1)))

    @stateful.rule(data=st.data())
    def terminate(self, data: st.DataObject) -> None:
        """Terminate a random held module on a random date for an allowed reason."""
        held = tuple(c.module for c in self.policy.contracts)
        module, reason = data.draw(terminations(self.product, held))
        on = data.draw(dates)
        before = self.policy
        self.policy = self.policy.terminate(module, on, reason).value
        for old, new in zip(before.contracts, self.policy.contracts, strict=True):
            if old.end is not None and new.end is not None:
                assert new.end <= old.end  # an end only moves forward in time
            if old.end is not None and old.end <= on:
                assert new == old  # modules ended by then are untouched

    @stateful.invariant()
    def coupling_rules_hold(self) -> None:
        """No module alive (or outliving) whose coupled module ended by a propagating reason."""
        contracts = {c.module: c for c in self.policy.contracts}
        for rule in self.product.couplings:
            source = contracts.get(rule.source)
            target = contracts.get(rule.target)
            if source is None or target is None or source.end is None:
                continue
            assert source.reason is not None
            if rule.propagates(source.reason):
                assert target.end is not None, (rule, source, target)
                assert target.end <= source.end


TestPolicyMachine = PolicyMachine.TestCase


class TestAnyReason:
    """Domain §8.1 (issue 13 bug 3): no reason given is any reason the module admits."""

    def test_no_default_reason_is_checked(self) -> None:
        """004 art. 2.4: Ontzorgmanager – Re-integratie ends without a reason (not the employer's)."""
        result = cascade(MKB_VERZUIM_ONTZORG, "ontzorgmanager-reintegratie", date(2026, 1, 1), None)
        assert set(result.value.modules) == set(MKB_VERZUIM_ONTZORG.module_codes)
        assert ends_with(
            MKB_VERZUIM_ONTZORG, "mkb-verzuim-ontzorg", "ontzorgmanager-reintegratie", None
        ).value

    def test_exceptions_are_named(self) -> None:
        """003 art. 1.5.2: PRB ends with the arbocontract except on overstap_arbodienst."""
        result = cascade(ZEEUWSE_PRB, "arbocontract", date(2026, 1, 1), None).value
        prb = result.get("prb")
        assert prb is not None
        assert prb.except_reasons == {R.OVERSTAP_ARBODIENST}

    @given(st.data())
    def test_any_reason_is_the_union_of_the_admitted_reasons(self, data: st.DataObject) -> None:
        """Domain §8.1: without a reason, a module ends exactly when some admitted reason ends
        it, and records the admitted reasons that would not."""
        product = data.draw(products)
        held = data.draw(held_modules(product))
        module = data.draw(st.sampled_from(held))
        on = date(2026, 1, 1)
        admitted = product.module(module).allowed_reasons
        per_reason = {r: set(cascade(product, module, on, r, held).value.modules) for r in admitted}
        result = cascade(product, module, on, None, held).value
        assert set(result.modules) == set().union(*per_reason.values())
        for entry in result.ended:
            assert entry.except_reasons == {
                r for r, m in per_reason.items() if entry.module not in m
            }


class TestModuleContract:
    """Domain §4: a module contract runs from its ingangsdatum until its end."""

    def test_end_before_start_is_refused(self) -> None:
        """An end before the ingangsdatum is an InvalidPeriodError naming the field ``end``."""
        with pytest.raises(InvalidPeriodError) as refused:
            ModuleContract(module="basis-verzuim", start=date(2025, 3, 1), end=date(2025, 2, 28))
        message = str(refused.value)
        assert message.startswith("end: 28-02-2025 ligt vóór de ingangsdatum (start) 01-03-2025")
        assert "basis-verzuim" in message

    def test_end_on_the_start_is_a_contract_that_never_runs(self) -> None:
        """An end on the ingangsdatum is allowed: the module is alive on no day."""
        contract = ModuleContract(
            module="basis-verzuim", start=date(2025, 3, 1), end=date(2025, 3, 1)
        )
        assert not contract.alive_on(date(2025, 3, 1))

    @given(dates, dates)
    def test_terminating_before_the_start_ends_on_the_start(self, start: date, on: date) -> None:
        """Domain §4: a module terminated before its ingangsdatum never runs; its end is
        then its ingangsdatum, so no contract ends before it starts."""
        policy = Policy.of(ZEEUWSE_PRB, dict.fromkeys(ZEEUWSE_PRB.module_codes, start))
        ended = policy.terminate("arbocontract", on).value
        for contract in ended.contracts:
            assert contract.end is None or contract.end == max(on, start)

    @pytest.mark.parametrize("module", [1.5, None, ZEEUWSE_PRB])
    def test_module_is_text(self, module: object) -> None:
        """docs/python.md: a ModuleContract checks its fields when made; a module that is
        no text is a TypeError naming ``module``."""
        with pytest.raises(TypeError, match=r"^module: verwacht tekst \(str\)"):
            ModuleContract(module=module, start=date(2025, 3, 1))  # type: ignore[arg-type]


class TestPolicyContracts:
    """A policy's contracts are checked against its product; an error names the contract."""

    START = date(2024, 1, 1)

    def test_alias_names_the_contract_and_the_code(self) -> None:
        """A module written otherwise than its code names ``contracts[i].module``."""
        contracts = [
            ModuleContract(module="basis-verzuim", start=self.START),
            ModuleContract(module="Re-integratiemanager", start=self.START),
        ]
        with pytest.raises(InvalidValueError) as refused:
            Policy(product=ASR_REINTEGRATIEMANAGER, contracts=contracts)
        assert str(refused.value) == (
            "contracts[1].module: 'Re-integratiemanager' is geen modulecode; "
            "gebruik reintegratiemanager"
        )

    def test_unknown_module_names_the_contract(self) -> None:
        """An unknown module names ``contracts[i].module`` (and carries it, as every refusal
        of an argument's value does) and the product's modules."""
        contracts = [ModuleContract(module="basis", start=self.START)]
        with pytest.raises(UnknownCodeError) as refused:
            Policy(product=ASR_REINTEGRATIEMANAGER, contracts=contracts)
        assert str(refused.value).startswith(
            'contracts[0].module: module "basis" bestaat niet (bekend: '
        )
        assert error_argument(refused.value) == (
            "contracts[0].module",
            f'module "basis" bestaat niet (bekend: {", ".join(ASR_REINTEGRATIEMANAGER.module_codes)})',
        )
