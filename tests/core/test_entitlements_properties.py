"""Invariants of entitlement states over event logs (spec/domain.md §5), by Hypothesis."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from reintegratie_core import (
    Entitlement,
    EntitlementState,
    EntitlementStatus,
    Event,
    Scope,
    entitlement_status,
    entitlement_statuses,
    product_rules,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product
from tests.core.strategies_entitlements import (
    EMPLOYEES,
    START,
    event_dates,
    events_for,
    product_logs,
    products,
    scopes,
)


def _p(product: Product | str) -> Product:
    """The built-in product of a code (the core takes a Product, the tests name codes)."""
    return product if isinstance(product, Product) else builtin_product(product)


#: The event table of each built-in product, by code (each Product holds its own).
PRODUCT_RULES = {p.code: p.events for p in BUILTIN_PRODUCTS if p.events is not None}


Snapshot = dict[Entitlement, tuple[EntitlementState, date | None]]


def snapshot(product: str, log: list[Event], at: date, employee: str | None) -> Snapshot:
    """State and since-date of each entitlement."""
    return {
        s.entitlement: (s.state, s.since)
        for s in entitlement_statuses(_p(product), log, at, employee).value
    }


def statuses(
    product: str, log: list[Event], at: date, employee: str | None
) -> tuple[EntitlementStatus, ...]:
    """The full statuses (with grounds)."""
    return entitlement_statuses(_p(product), log, at, employee).value


@st.composite
def same_date_stable_permutations(draw: st.DrawFn, log: list[Event]) -> list[Event]:
    """A reordering of ``log`` that keeps the order of events sharing a date."""
    shuffled = draw(st.permutations(log))
    queues: dict[date, list[Event]] = {}
    for event in log:
        queues.setdefault(event.date, []).append(event)
    return [queues[event.date].pop(0) for event in shuffled]


class TestFinalStates:
    @given(data=st.data(), case=product_logs(), employee=scopes)
    def test_a_final_state_never_changes_later(
        self, data: st.DataObject, case: tuple[str, list[Event]], employee: str | None
    ) -> None:
        """spec/domain.md §5: vervallen and beeindigd are final — same state and since-date at every later date."""
        product, log = case
        first = data.draw(event_dates)
        later = first + timedelta(days=data.draw(st.integers(0, 120)))
        before = snapshot(product, log, first, employee)
        after = snapshot(product, log, later, employee)
        for entitlement, (state, since) in before.items():
            if state.is_final:
                assert after[entitlement] == (state, since)


class TestOnlyThePast:
    @given(data=st.data(), case=product_logs(), employee=scopes)
    def test_state_at_a_date_depends_only_on_events_up_to_it(
        self, data: st.DataObject, case: tuple[str, list[Event]], employee: str | None
    ) -> None:
        """spec/domain.md §5: events after the reference date are ignored — dropping or adding them changes nothing."""
        product, log = case
        at = data.draw(event_dates)
        future = data.draw(
            st.lists(
                events_for(product, day=st.integers(1, 60).map(lambda n: at + timedelta(days=n))),
                max_size=6,
            )
        )
        past = [e for e in log if e.date <= at]
        expected = statuses(product, past, at, employee)
        assert statuses(product, log, at, employee) == expected
        assert statuses(product, [*log, *future], at, employee) == expected

    @given(case=product_logs(), employee=scopes, at=event_dates)
    def test_deciding_events_lie_in_scope_and_before_the_date(
        self, case: tuple[str, list[Event]], employee: str | None, at: date
    ) -> None:
        """spec/domain.md §5: every deciding event counts for the scope and is dated up to the reference date."""
        product, log = case
        for status in statuses(product, log, at, employee):
            assert status.grounds
            for decision in status.decided_by:
                assert decision.event.date <= at
                assert decision.event.applies_to(employee)
            if status.since is not None:
                assert status.since <= at
            else:
                assert (status.state, status.decided_by) == (EntitlementState.ACTIEF, ())


class TestScopes:
    @given(
        data=st.data(),
        case=product_logs(),
        target=st.sampled_from(EMPLOYEES),
        at=event_dates,
    )
    def test_events_for_one_employee_change_nobody_else(
        self,
        data: st.DataObject,
        case: tuple[str, list[Event]],
        target: str,
        at: date,
    ) -> None:
        """spec/domain.md §5: adding events for employee W never changes another employee's state or the policy's."""
        product, log = case
        rules = product_rules(_p(product))
        own = tuple(r.kind for r in rules.rules if r.scope is not Scope.POLICY)
        if not own:
            return
        extra = data.draw(
            st.lists(events_for(product, kinds=own, employees=(target,)), min_size=1, max_size=5)
        )
        extra = [e for e in extra if e.employee is not None]
        position = data.draw(st.integers(0, len(log)))
        extended = [*log[:position], *extra, *log[position:]]
        for other in (None, *(e for e in EMPLOYEES if e != target)):
            assert statuses(product, extended, at, other) == statuses(product, log, at, other)

    @given(case=product_logs(), at=event_dates)
    def test_policy_events_reach_every_employee_alike(
        self, case: tuple[str, list[Event]], at: date
    ) -> None:
        """spec/domain.md §5: with only policy events, every employee has the policy's state."""
        product, log = case
        policy_only = [e for e in log if e.employee is None]
        expected = snapshot(product, policy_only, at, None)
        for employee in EMPLOYEES:
            assert snapshot(product, policy_only, at, employee) == expected


class TestRowOrder:
    @given(data=st.data(), case=product_logs(), employee=scopes, at=event_dates)
    def test_order_of_rows_with_different_dates_does_not_matter(
        self,
        data: st.DataObject,
        case: tuple[str, list[Event]],
        employee: str | None,
        at: date,
    ) -> None:
        """spec/domain.md §5: events apply in date order, so only the order within one date matters."""
        product, log = case
        reordered = data.draw(same_date_stable_permutations(log))
        assert statuses(product, reordered, at, employee) == statuses(product, log, at, employee)


class EventLogMachine(RuleBasedStateMachine):
    """Grows an event log one event at a time, never before the last date, and checks each step.

    After every new event: dates before it keep their states; a scope the event does not
    reach keeps its state; a reached entitlement keeps its state or takes the target the
    product's table gives; a final state never changes.
    """

    def __init__(self) -> None:
        super().__init__()
        self.product = ""
        self.log: list[Event] = []
        self.today = START
        self.seen: dict[tuple[date, str | None], Snapshot] = {}

    @initialize(product=products)
    def choose_product(self, product: str) -> None:
        self.product = product
        self.remember()

    def remember(self) -> None:
        for scope in (None, *EMPLOYEES):
            self.seen[(self.today, scope)] = snapshot(self.product, self.log, self.today, scope)

    @precondition(lambda self: bool(self.product))
    @rule(data=st.data(), step=st.integers(0, 20))
    def add_event(self, data: st.DataObject, step: int) -> None:
        before = {scope: self.seen[(self.today, scope)] for scope in (None, *EMPLOYEES)}
        day = self.today + timedelta(days=step)
        event = data.draw(events_for(self.product, day=st.just(day)))
        self.log.append(event)
        self.today = day
        self.remember()
        effects = product_rules(_p(self.product)).rule(event.kind).effects
        for scope, previous in before.items():
            now = self.seen[(day, scope)]
            for entitlement, (state, since) in previous.items():
                new_state, new_since = now[entitlement]
                if state.is_final or not event.applies_to(scope):
                    assert (new_state, new_since) == (state, since)
                    continue
                targets = {e.state for e in effects if e.entitlement is entitlement}
                assert new_state is state or new_state in targets
                if new_state is not state:
                    assert new_since == day

    @invariant()
    def the_past_is_fixed(self) -> None:
        past = sorted({day for day, _scope in self.seen if day < self.today})
        for day in {*past[:1], *past[-1:]}:  # the first and the latest earlier date
            for scope in (None, *EMPLOYEES):
                assert snapshot(self.product, self.log, day, scope) == self.seen[(day, scope)]


TestEventLogMachine = EventLogMachine.TestCase
TestEventLogMachine.settings = settings(TestEventLogMachine.settings, stateful_step_count=15)


class TestOneEntitlement:
    @given(data=st.data(), case=product_logs(), employee=scopes)
    def test_one_status_is_that_entitlement_of_all(
        self, data: st.DataObject, case: tuple[str, list[Event]], employee: str | None
    ) -> None:
        """spec/domain.md §5: the status of one entitlement (RI_STATUS) folds only its own
        effects and equals that entitlement's status among all (RI_STATUS_TABEL), grounds
        included."""
        product, log = case
        at = data.draw(event_dates)
        for status in statuses(product, log, at, employee):
            one = entitlement_status(_p(product), status.entitlement, log, at, employee)
            assert one == status
            assert one.explain() == status.explained
