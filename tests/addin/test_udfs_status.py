"""RI_STATUS and RI_STATUS_TABEL (spec/excel-functions.md), called as Excel calls them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reintegratie_addin import udfs
from reintegratie_addin.excel_errors import first_error
from reintegratie_addin.functions import REGISTRY
from reintegratie_addin.params import EventRows, to_events
from reintegratie_core import (
    Entitlement,
    Event,
    EventKind,
    entitlement_statuses,
    product_rules,
)
from reintegratie_core.products import BUILTIN_PRODUCTS, Product, builtin_product
from tests.core.strategies_entitlements import EMPLOYEES, event_dates, product_logs, scopes
from tests.strategies import excel_values


def _p(product: Product | str) -> Product:
    """The built-in product of a code (the core takes a Product, the tests name codes)."""
    return product if isinstance(product, Product) else builtin_product(product)


#: The event table of each built-in product, by code (each Product holds its own).
PRODUCT_RULES = {p.code: p.events for p in BUILTIN_PRODUCTS if p.events is not None}


RM = "asr-reintegratiemanager"
MKB = "mkb-verzuim-ontzorg"
PRB = "zeeuwse-prb"
ASR = "asr-reintegratie"

MAR = datetime(2025, 3, 1)
APR = datetime(2025, 4, 1)
MAY = datetime(2025, 5, 1)

SUSPENDED_AND_PAID = [[MAR, "schorsing", None], [APR, "betaling", None]]


def rows_of(log: list[Event]) -> list[list[Any]]:
    """An event log as the range Excel would send (date cells, codes, empty werknemer)."""
    return [
        [datetime(e.date.year, e.date.month, e.date.day), e.kind.value, e.employee] for e in log
    ]


class TestStatus:
    def test_schorsing_then_betaling(self) -> None:
        """001 art. 5.3: after betaling the service is actief again; the garantie stays vervallen."""
        assert udfs.RI_STATUS(RM, "dienstverlening", SUSPENDED_AND_PAID, MAR) == "geschorst"
        assert udfs.RI_STATUS(RM, "dienstverlening", SUSPENDED_AND_PAID, MAY) == "actief"
        assert udfs.RI_STATUS(RM, "poortwachtergarantie", SUSPENDED_AND_PAID, MAY) == "vervallen"

    def test_before_any_event_all_is_actief(self) -> None:
        """spec/domain.md §5: events after the peildatum are ignored."""
        assert (
            udfs.RI_STATUS(RM, "vergoeding", SUSPENDED_AND_PAID, datetime(2025, 2, 28)) == "actief"
        )

    @pytest.mark.parametrize("empty", [None, "", [], [[None, None, None]], [[None]], [["", " "]]])
    def test_an_empty_range_means_no_events(self, empty: Any) -> None:
        """spec/excel-functions.md: empty rows are ignored; no events leaves every entitlement actief."""
        assert udfs.RI_STATUS(PRB, "poortwachtergarantie", empty, MAY) == "actief"

    def test_empty_rows_in_between_are_skipped(self) -> None:
        """spec/excel-functions.md: empty rows of the range are ignored."""
        rows = [[MAR, "schorsing", None], [None, None, None], [APR, "betaling", ""]]
        assert udfs.RI_STATUS(MKB, "vergoeding", rows, MAY) == "actief"

    def test_excel_values_in_the_rows(self) -> None:
        """spec/excel-functions.md calling conventions: serials, text dates, codes in any case with spaces."""
        rows = [[45717.0, "Schorsing", None], ["1-4-2025", "BETALING", None]]  # 45717 = 2025-03-01
        assert udfs.RI_STATUS(RM, "Dienstverlening", rows, "2025-03-15") == "geschorst"
        assert udfs.RI_STATUS(RM, "dienstverlening", rows, 45778.0) == "actief"  # 2025-05-01

    def test_a_header_row_is_skipped(self) -> None:
        """A range that starts with the header datum · gebeurtenis · werknemer reads the rows below it."""
        rows = [["Datum", "Gebeurtenis", "Werknemer"], *SUSPENDED_AND_PAID]
        assert udfs.RI_STATUS(RM, "poortwachtergarantie", rows, MAY) == "vervallen"

    def test_garantie_alias(self) -> None:
        """Codes in: 'garantie' is accepted for poortwachtergarantie."""
        assert udfs.RI_STATUS(RM, "garantie", SUSPENDED_AND_PAID, MAY) == "vervallen"

    def test_product_code_spelling(self) -> None:
        """spec/excel-functions.md: codes are case-insensitive; spaces, - and _ are equivalent."""
        assert udfs.RI_STATUS("Zeeuwse PRB", "vergoeding", None, MAY) == "actief"
        assert udfs.RI_STATUS("mkb_verzuim_ontzorg", "vergoeding", None, MAY) == "actief"

    def test_werknemer_scopes_the_answer(self) -> None:
        """004 art. 4.2: ziekmelding_te_laat lapses the garantie for that employee only."""
        rows = [[MAR, "ziekmelding te laat", "Jan"]]
        assert udfs.RI_STATUS(MKB, "poortwachtergarantie", rows, MAY, "Jan") == "vervallen"
        assert udfs.RI_STATUS(MKB, "poortwachtergarantie", rows, MAY, "Piet") == "actief"
        assert udfs.RI_STATUS(MKB, "poortwachtergarantie", rows, MAY) == "actief"

    def test_policy_events_apply_to_an_employee(self) -> None:
        """spec/excel-functions.md: with werknemer, policy events apply to that employee too."""
        rows = [[MAR, "dekking geschorst", None]]
        assert udfs.RI_STATUS(PRB, "dienstverlening", rows, MAY, "Jan") == "geschorst"

    def test_numeric_employee_numbers_match(self) -> None:
        """A personnel number typed as a number matches the same number in the events range."""
        rows = [[MAR, "advies_niet_opgevolgd", 1042.0]]
        assert udfs.RI_STATUS(RM, "poortwachtergarantie", rows, MAY, "1042") == "vervallen"

    def test_fraude_ends_everything(self) -> None:
        """003 art. 1.5.3/3.2: fraude ends all three entitlements."""
        rows = [[MAR, "fraude"]]
        for aanspraak in ("dienstverlening", "vergoeding", "poortwachtergarantie"):
            assert udfs.RI_STATUS(PRB, aanspraak, rows, MAY) == "beeindigd"

    def test_asr_reintegratie_begeleiding(self) -> None:
        """000 art. 4.2: begeleiding_beeindigd ends dienstverlening for that employee."""
        rows = [[MAR, "begeleiding beeindigd", "Jan"]]
        assert udfs.RI_STATUS(ASR, "dienstverlening", rows, MAY, "Jan") == "beeindigd"
        assert udfs.RI_STATUS(ASR, "dienstverlening", rows, MAY) == "actief"


class TestInformatieVerstrekt:
    @pytest.mark.parametrize("product", [RM, MKB])
    def test_information_given_resumes_services(self, product: str) -> None:
        """Domain §8.1, 001/004 art. 4.2: after informatie_verstrekt RI_STATUS gives actief for
        dienstverlening and vergoeding, vervallen for the poortwachtergarantie."""
        log = [[MAR, "informatie_niet_verstrekt", None], [APR, "informatie verstrekt", None]]
        assert udfs.RI_STATUS(product, "dienstverlening", log, MAR) == "geschorst"
        assert udfs.RI_STATUS(product, "dienstverlening", log, APR) == "actief"
        assert udfs.RI_STATUS(product, "vergoeding", log, APR) == "actief"
        assert udfs.RI_STATUS(product, "poortwachtergarantie", log, APR) == "vervallen"


class TestLifting:
    def test_over_peildatum(self) -> None:
        """spec/excel-functions.md lifting: a column of peildata gives a column of states."""
        column = [[datetime(2025, 2, 1)], [MAR], [APR]]
        result = udfs.RI_STATUS(RM, "dienstverlening", SUSPENDED_AND_PAID, column)
        assert result == [["actief"], ["geschorst"], ["actief"]]

    def test_over_aanspraak(self) -> None:
        """spec/excel-functions.md lifting: a column of entitlements, one bad row stays in its row."""
        column = [["dienstverlening"], ["onzin"], ["poortwachtergarantie"]]
        result = udfs.RI_STATUS(RM, column, SUSPENDED_AND_PAID, MAY)
        assert result[0] == ["actief"]
        assert result[1][0].startswith("#WAARDE! aanspraak: ")
        assert result[2] == ["vervallen"]

    def test_over_werknemer(self) -> None:
        """spec/excel-functions.md lifting: a column of employees, one state each."""
        rows = [[MAR, "niet meegewerkt interventie", "Jan"]]
        result = udfs.RI_STATUS(MKB, "garantie", rows, MAY, [["Jan"], ["Piet"]])
        assert result == [["vervallen"], ["actief"]]

    @given(case=product_logs(max_size=8), days=st.lists(event_dates, min_size=2, max_size=5))
    def test_a_column_equals_row_by_row_calls(
        self, case: tuple[str, list[Event]], days: list[date]
    ) -> None:
        """spec/excel-functions.md: lifting a function over a column equals calling it per row."""
        product, log = case
        aanspraak = product_rules(_p(product)).entitlements[-1].value
        rows = rows_of(log)
        column = udfs.RI_STATUS(product, aanspraak, rows, [[d] for d in days])
        assert column == [[udfs.RI_STATUS(product, aanspraak, rows, d)] for d in days]


class TestStatusTabel:
    def test_table_of_all_entitlements(self) -> None:
        """001 art. 5.3: aanspraak · status · sinds · grond, each naming the deciding event and article."""
        table = udfs.RI_STATUS_TABEL(RM, SUSPENDED_AND_PAID, MAY)
        assert table[0] == ["aanspraak", "status", "sinds", "grond"]
        assert [row[:3] for row in table[1:]] == [
            ["dienstverlening", "actief", date(2025, 4, 1)],
            ["vergoeding", "actief", date(2025, 4, 1)],
            ["poortwachtergarantie", "vervallen", date(2025, 3, 1)],
        ]
        assert (
            table[1][3]
            == "betaling op 01-04-2025 (hele polis) (a.s.r. Re-integratiemanager art. 5.3)"
        )
        assert table[3][3].startswith("schorsing op 01-03-2025 (hele polis)")

    def test_untouched_entitlements_have_no_since_date(self) -> None:
        """003 art. 2.7: with no events each entitlement is actief, its grond the granting article."""
        table = udfs.RI_STATUS_TABEL(PRB, [], MAY)
        assert [row[1:3] for row in table[1:]] == [["actief", ""]] * 3
        assert "De Zeeuwse Preventie en re-integratie art. 2.7" in table[3][3]

    def test_asr_reintegratie_has_two_rows(self) -> None:
        """000 art. 1.1, 1.6: a.s.r. re-integratie grants dienstverlening and vergoeding only."""
        table = udfs.RI_STATUS_TABEL(ASR, None, MAY)
        assert [row[0] for row in table[1:]] == ["dienstverlening", "vergoeding"]

    def test_for_one_employee(self) -> None:
        """003 art. 2.7.3: a garantie withdrawn for one employee shows in that employee's table."""
        rows = [[MAR, "garantie ingetrokken", "Jan"]]
        jan = udfs.RI_STATUS_TABEL(PRB, rows, MAY, "Jan")
        assert jan[3][:3] == ["poortwachtergarantie", "vervallen", date(2025, 3, 1)]
        assert "werknemer Jan" in jan[3][3]
        assert udfs.RI_STATUS_TABEL(PRB, rows, MAY)[3][1] == "actief"

    def test_the_table_is_not_lifted(self) -> None:
        """spec/excel-functions.md: tables spill; a column of peildata is an error, not a lift."""
        result = udfs.RI_STATUS_TABEL(RM, SUSPENDED_AND_PAID, [[MAR], [APR]])
        assert isinstance(result, str)
        assert result.startswith("#WAARDE! peildatum:")


class TestErrors:
    def test_unknown_product(self) -> None:
        """spec/excel-functions.md errors: an unknown product names the argument and lists the products."""
        result = udfs.RI_STATUS("asr", "vergoeding", None, MAY)
        assert result.startswith('#WAARDE! product: onbekend product "asr" (bekend: ')
        assert all(code in result for code in PRODUCT_RULES)
        assert udfs.RI_STATUS_TABEL("", None, MAY).startswith("#WAARDE! product: ontbreekt")

    def test_unknown_aanspraak(self) -> None:
        """spec/excel-functions.md errors: an unknown entitlement lists the three that exist."""
        result = udfs.RI_STATUS(RM, "uitkering", None, MAY)
        assert result == (
            '#WAARDE! aanspraak: onbekende waarde "uitkering" '
            "(bekend: dienstverlening, vergoeding, poortwachtergarantie)"
        )

    def test_aanspraak_the_product_does_not_grant(self) -> None:
        """000: asr-reintegratie has no poortwachtergarantie; the error names the product and lists what it has."""
        result = udfs.RI_STATUS(ASR, "poortwachtergarantie", None, MAY)
        assert result.startswith("#WAARDE! aanspraak: ")
        assert '"asr-reintegratie"' in result
        assert "(bekend voor dit product: dienstverlening, vergoeding)" in result

    def test_unknown_event_by_row_number(self) -> None:
        """spec/excel-functions.md: a bad row is reported by its number, listing the event codes."""
        rows = [[MAR, "schorsing"], [None, None], [APR, "wanbetaling"]]
        result = udfs.RI_STATUS(RM, "vergoeding", rows, MAY)
        assert result.startswith(
            '#WAARDE! gebeurtenissen: rij 3: gebeurtenis: onbekende waarde "wanbetaling"'
        )
        assert all(kind.value in result for kind in EventKind)

    def test_event_unknown_to_the_product(self) -> None:
        """004 art. 4.2: ziekmelding_te_laat exists only for mkb-verzuim-ontzorg; the row and product are named."""
        rows = [[MAR, "schorsing"], [APR, "ziekmelding_te_laat", "Jan"]]
        result = udfs.RI_STATUS_TABEL(RM, rows, MAY)
        assert result.startswith(
            '#WAARDE! gebeurtenissen: rij 2: gebeurtenis "ziekmelding_te_laat" komt niet voor '
            'in de voorwaarden van product "asr-reintegratiemanager"'
        )
        assert "bekend voor dit product: schorsing, betaling" in result

    def test_dekking_events_only_for_zeeuwse_prb(self) -> None:
        """003 art. 1.5.2: dekking_geschorst is an error for the a.s.r. modules."""
        result = udfs.RI_STATUS(MKB, "vergoeding", [[MAR, "dekking_geschorst"]], MAY)
        assert result.startswith("#WAARDE! gebeurtenissen: rij 1: ")
        assert '"mkb-verzuim-ontzorg"' in result

    def test_bad_date_in_a_row(self) -> None:
        """spec/excel-functions.md: an impossible date in row 3 is reported as rij 3."""
        rows = [[MAR, "schorsing"], [APR, "betaling"], ["31-02-2025", "schorsing"]]
        result = udfs.RI_STATUS(RM, "vergoeding", rows, MAY)
        assert result.startswith(
            '#WAARDE! gebeurtenissen: rij 3: datum: "31-02-2025" is geen geldige datum'
        )

    def test_missing_date_or_event(self) -> None:
        """A row without its date or its event is an error naming the row."""
        no_date = udfs.RI_STATUS(RM, "vergoeding", [[None, "schorsing"]], MAY)
        assert no_date.startswith("#WAARDE! gebeurtenissen: rij 1: de datum ontbreekt")
        no_event = udfs.RI_STATUS(RM, "vergoeding", [[MAR, None, None], [MAR]], MAY)
        assert no_event.startswith("#WAARDE! gebeurtenissen: rij 1: gebeurtenis: ontbreekt")

    def test_too_many_columns(self) -> None:
        """spec/excel-functions.md: the range has at most three columns datum · gebeurtenis · werknemer."""
        result = udfs.RI_STATUS(RM, "vergoeding", [[MAR, "schorsing", None, "x"]], MAY)
        assert result.startswith("#WAARDE! gebeurtenissen: rij 1: meer dan drie kolommen")

    def test_policy_event_with_an_employee(self) -> None:
        """001 art. 5.3: schorsing is a policy event; naming an employee is an error in that row."""
        result = udfs.RI_STATUS(RM, "vergoeding", [[MAR, "schorsing", "Jan"]], MAY)
        assert result.startswith("#WAARDE! gebeurtenissen: rij 1: ")
        assert "hele polis" in result

    def test_employee_event_without_an_employee(self) -> None:
        """001 art. 4.2: advies_niet_opgevolgd holds per employee; an empty werknemer is an error."""
        result = udfs.RI_STATUS(RM, "vergoeding", [[MAR, "advies niet opgevolgd", ""]], MAY)
        assert result.startswith("#WAARDE! gebeurtenissen: rij 1: ")
        assert "per werknemer" in result

    def test_missing_peildatum(self) -> None:
        """spec/excel-functions.md: peildatum is required."""
        result = udfs.RI_STATUS(RM, "vergoeding", None, None)
        assert result.startswith("#WAARDE! peildatum: ontbreekt")

    def test_bad_werknemer(self) -> None:
        """werknemer is text (a number is read as text); TRUE is not an employee."""
        result = udfs.RI_STATUS(RM, "vergoeding", None, MAY, True)
        assert result.startswith("#WAARDE! werknemer: ")


class TestUitleg:
    def test_uitleg_names_the_deciding_event_and_article(self) -> None:
        """Issue 4 'Done when': RI_UITLEG names the deciding event and its article."""
        text = udfs.RI_UITLEG("RI_STATUS", RM, "poortwachtergarantie", SUSPENDED_AND_PAID, MAY)
        lines = text.splitlines()
        assert lines[0] == "RI_STATUS = vervallen"
        assert "schorsing op 01-03-2025 (hele polis)" in lines[1]
        assert lines[1].endswith("(a.s.r. Re-integratiemanager art. 5.3)")

    def test_uitleg_of_the_table(self) -> None:
        """Issue 4: RI_UITLEG of RI_STATUS_TABEL explains every row with its event and article."""
        rows = [[MAR, "ziekmelding_te_laat", "Jan"]]
        text = udfs.RI_UITLEG("RI_STATUS_TABEL", MKB, rows, MAY, "Jan")
        assert "poortwachtergarantie · vervallen · 01-03-2025" in text
        assert "ziekmelding_te_laat op 01-03-2025 (werknemer Jan)" in text
        assert "De Amersfoortse Ontzorgmanager art. 4.2" in text

    def test_uitleg_of_a_bad_row(self) -> None:
        """RI_UITLEG reports a bad row as the function does."""
        text = udfs.RI_UITLEG("RI_STATUS", RM, "vergoeding", [[MAR, "onzin"]], MAY)
        assert text.startswith("#WAARDE! gebeurtenissen: rij 1: ")


class TestContract:
    def test_registered_under_the_contract_names(self) -> None:
        """spec/excel-functions.md: both functions are importable from udfs and registered."""
        functions = udfs.contract_functions()
        for name, params in (
            ("RI_STATUS", ["product", "aanspraak", "gebeurtenissen", "peildatum", "werknemer"]),
            ("RI_STATUS_TABEL", ["product", "gebeurtenissen", "peildatum", "werknemer"]),
        ):
            assert name in functions
            assert [p.name for p in REGISTRY[name].params] == params
            assert REGISTRY[name].params[-1].optional

    def test_gebeurtenissen_is_a_table_argument(self) -> None:
        """spec/excel-functions.md: events are a table by nature and never lifted."""
        for name in ("RI_STATUS", "RI_STATUS_TABEL"):
            param = next(p for p in REGISTRY[name].params if p.name == "gebeurtenissen")
            assert not param.lift

    def test_rows_keep_their_numbers(self) -> None:
        """Event rows remember their row number in the range, empty rows counted."""
        parsed = to_events([[None], [MAR, "schorsing"], [], [APR, "betaling"]], "gebeurtenissen")
        assert [n for n, _e in parsed.rows] == [2, 4]
        assert to_events(parsed, "gebeurtenissen") is parsed
        assert to_events(None, "x") == EventRows()


class TestAgreesWithTheCore:
    @given(case=product_logs(max_size=10), employee=scopes, at=event_dates)
    def test_table_equals_the_core_statuses(
        self, case: tuple[str, list[Event]], employee: str | None, at: date
    ) -> None:
        """spec/excel-functions.md: the Excel table shows the core's state and since-date per entitlement."""
        product, log = case
        table = udfs.RI_STATUS_TABEL(product, rows_of(log), at, employee)
        core = entitlement_statuses(_p(product), log, at, employee).value
        assert [row[:3] for row in table[1:]] == [
            [s.entitlement.value, s.state.value, s.since or ""] for s in core
        ]
        for status in core:
            value = udfs.RI_STATUS(product, status.entitlement.value, rows_of(log), at, employee)
            assert value == status.state.value

    @given(case=product_logs(max_size=10))
    def test_rows_as_text_dates_and_serials(self, case: tuple[str, list[Event]]) -> None:
        """spec/excel-functions.md: text dates and serial numbers in the rows give the same answer."""
        product, log = case
        as_text = [[e.date.strftime("%d-%m-%Y"), e.kind.value.upper(), e.employee] for e in log]
        epoch = date(1899, 12, 30)
        as_serial = [[float((e.date - epoch).days), e.kind.value, e.employee] for e in log]
        at = datetime(2025, 6, 1)
        expected = udfs.RI_STATUS_TABEL(product, rows_of(log), at)
        assert udfs.RI_STATUS_TABEL(product, as_text, at) == expected
        assert udfs.RI_STATUS_TABEL(product, as_serial, at) == expected


class TestNeverRaises:
    @given(
        product=st.one_of(st.sampled_from([*PRODUCT_RULES, "x"]), excel_values()),
        aanspraak=st.one_of(st.sampled_from([e.value for e in Entitlement]), excel_values()),
        gebeurtenissen=excel_values(),
        peildatum=excel_values(),
        werknemer=st.one_of(st.sampled_from(EMPLOYEES), excel_values()),
    )
    def test_any_excel_input(
        self, product: Any, aanspraak: Any, gebeurtenissen: Any, peildatum: Any, werknemer: Any
    ) -> None:
        """spec/excel-functions.md: a function never raises into Excel, whatever the cells hold."""
        status = udfs.RI_STATUS(product, aanspraak, gebeurtenissen, peildatum, werknemer)
        table = udfs.RI_STATUS_TABEL(product, gebeurtenissen, peildatum, werknemer)
        for result in (status, table):
            assert isinstance(result, str | list)
            if isinstance(result, str) and result.startswith("#WAARDE!"):
                assert "interne fout" not in result

    @given(
        case=product_logs(max_size=6),
        junk=st.lists(st.lists(excel_values(), min_size=1, max_size=4), min_size=1, max_size=3),
    )
    @example(case=("asr-reintegratiemanager", []), junk=[["#N/B"]])
    def test_junk_rows_are_errors_with_a_row_number(
        self, case: tuple[str, list[Event]], junk: list[list[Any]]
    ) -> None:
        """spec/excel-functions.md: rows that are not events give #WAARDE! naming the range and a
        row; an Excel error value among them is the result itself (Changes of 2026-12-01)."""
        product, log = case
        rows = [*rows_of(log), *junk]
        result = udfs.RI_STATUS_TABEL(product, rows, datetime(2025, 6, 1))
        if (code := first_error(junk)) is not None:
            assert result == code
        elif isinstance(result, str):
            assert result.startswith("#WAARDE! gebeurtenissen: rij ")
            number = int(result.split("rij ")[1].split(":")[0])
            assert len(log) < number <= len(rows)
        else:
            assert result[0] == ["aanspraak", "status", "sinds", "grond"]
