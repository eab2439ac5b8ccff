"""RI_BUDGET_RESTANT and RI_LOONSANCTIE_VOORWAARDEN, called as Excel calls them.

excel-functions.md "Changes of 2026-12-01"; seed 003 art. 2.5, 2.6 and 2.7.3; domain §8.1.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reintegratie_addin import udfs
from reintegratie_addin.excel_errors import first_error
from reintegratie_addin.functions import REGISTRY
from tests.strategies import excel_values

SPEC = Path(__file__).resolve().parents[2] / "sources" / "excel-functions.md"
NEW = ("RI_BUDGET_RESTANT", "RI_LOONSANCTIE_VOORWAARDEN")

#: Sick 6-1 … 2-3-2025, pregnancy and maternity leave 3-3 … 22-6, sick again from 23-6.
LEAVE_HISTORY = [
    [datetime(2025, 1, 6), datetime(2025, 3, 2), None],
    [datetime(2025, 3, 3), datetime(2025, 6, 22), "verlof"],
    [datetime(2025, 6, 23), None, None],
]
DECLARATIONS = [
    ["datum", "soort_budget", "bedrag"],
    [datetime(2025, 2, 1), "reintegratie", 3000],
    [datetime(2025, 3, 20), "re-integratie", 1500.0],
    [None, None, None],
    [datetime(2025, 7, 1), "reintegratie", "500,00"],
    [datetime(2024, 11, 1), "preventie", 350],
]
HEADER = [
    "budget",
    "eerste_ziektedag",
    "laatste_ziektedag",
    "plafond",
    "vergoed",
    "restant",
    "declaraties",
]

FIRST_DAY = datetime(2024, 1, 8)
DECISION = datetime(2025, 10, 1)  # a Wednesday: latest notice Wednesday 8-10-2025


def _conditions(*args: Any) -> Any:
    base = ["zeeuwse-prb", FIRST_DAY, DECISION, datetime(2025, 10, 6), datetime(2023, 1, 1)]
    return udfs.RI_LOONSANCTIE_VOORWAARDEN(*base, *args)


def _status(table: Any) -> list[str]:
    assert isinstance(table, list), table
    return [row[1] for row in table[1:]]


def _table_message_or_input_error(result: Any, args: list[Any]) -> bool:
    """A table, an own ``#WAARDE! …`` message, or an input's Excel error value passed through."""
    if isinstance(result, list) or str(result).startswith("#WAARDE! "):
        return True
    return result in {first_error(arg) for arg in args} - {None}


class TestContract:
    def test_signatures_as_the_changes_section(self) -> None:
        """excel-functions.md "Changes of 2026-12-01": the new functions exist with the
        contract's arguments, in order (RI_LOONSANCTIE_VOORWAARDEN's are ours to design)."""
        text = SPEC.read_text(encoding="utf-8").split("### Changes of 2026-12-01", 1)[1]
        (args,) = re.findall(r"`RI_BUDGET_RESTANT\(([^)`]*)\)`", text)
        expected = [a.strip().strip("[]").partition("=")[0] for a in args.split(",")]
        assert [p.name for p in REGISTRY["RI_BUDGET_RESTANT"].params] == expected
        assert [p.optional for p in REGISTRY["RI_BUDGET_RESTANT"].params] == [
            False,
            False,
            False,
            True,
        ]
        assert "RI_LOONSANCTIE_VOORWAARDEN(" in text
        for name in NEW:
            assert name in udfs.contract_functions()
            assert REGISTRY[name].returns_table

    def test_default_met_wga_of_wia_is_false(self) -> None:
        """excel-functions.md: [met_wga_of_wia=FALSE]."""
        assert udfs.RI_BUDGET_RESTANT("zeeuwse-prb", DECLARATIONS, LEAVE_HISTORY) == (
            udfs.RI_BUDGET_RESTANT("zeeuwse-prb", DECLARATIONS, LEAVE_HISTORY, False)
        )


class TestBudgetRestant:
    def test_worked_example_two_cases_and_prevention(self) -> None:
        """003 art. 2.6.1 and decision §8.1: the leave does not bridge for the budget, so two
        cases of € 4,000: the first 3000 + 1500 declared, of which 1000 fits (left 0); the
        second 500 (left 3500); preventie (art. 2.5.1, € 500): 350 used, 150 left."""
        assert udfs.RI_BUDGET_RESTANT("zeeuwse-prb", DECLARATIONS, LEAVE_HISTORY) == [
            HEADER,
            ["reintegratie", date(2025, 1, 6), date(2025, 3, 2), 4000.0, 4000.0, 0.0, 2],
            ["reintegratie", date(2025, 6, 23), "", 4000.0, 500.0, 3500.0, 1],
            ["preventie", "", "", 500.0, 350.0, 150.0, 1],
        ]

    def test_the_poortwachter_timeline_still_bridges(self) -> None:
        """Decision §8.1: the same periods are one case for the Poortwachter timeline
        (BW 7:629 lid 10) — RI_ZIEKTEGEVALLEN shows one — but two for the budget."""
        cases = udfs.RI_ZIEKTEGEVALLEN(LEAVE_HISTORY, datetime(2025, 9, 1))
        assert len(cases) == 2  # header + one case
        budget = udfs.RI_BUDGET_RESTANT("zeeuwse-prb", None, LEAVE_HISTORY)
        assert len(budget) == 3  # header + two cases

    def test_with_wga_or_wia_the_budgets_double(self) -> None:
        """003 art. 2.5.1, 2.6.1: € 8,000 and € 1,000 with a WGA-ERD or WIA 0-tot-100 insurance."""
        table = udfs.RI_BUDGET_RESTANT("zeeuwse-prb", DECLARATIONS, LEAVE_HISTORY, "ja")
        assert [row[3] for row in table[1:]] == [8000.0, 8000.0, 1000.0]
        assert [row[5] for row in table[1:]] == [3500.0, 7500.0, 650.0]

    def test_a_single_first_sick_day_and_no_declarations(self) -> None:
        """003 art. 2.6.1: one ongoing case, nothing declared: the whole budget is left."""
        assert udfs.RI_BUDGET_RESTANT("Zeeuwse PRB", None, datetime(2025, 1, 6)) == [
            HEADER,
            ["reintegratie", date(2025, 1, 6), "", 4000.0, 0.0, 4000.0, 0],
        ]

    def test_uitleg_explains_per_case_with_articles(self) -> None:
        """excel-functions.md RI_UITLEG: the cases, the cap and each declaration's article."""
        text = udfs.RI_UITLEG("RI_BUDGET_RESTANT", "zeeuwse-prb", DECLARATIONS, LEAVE_HISTORY)
        assert text.startswith("RI_BUDGET_RESTANT:\n  · reintegratie · 06-01-2025")
        assert "art. 2.6.1" in text
        assert "art. 2.5.1" in text
        assert "beslissing domein §8.1" in text
        assert "reintegratiebudget = € 4.000,00" in text

    def test_uitleg_of_a_merged_case_cites_what_decided(self) -> None:
        """Decision §8.1: the budget's ziektegeval is 003 art. 2.6.1's own (less than four
        weeks between two sick periods), so the explanation of two sick periods 20 days
        apart cites art. 2.6.1 for the samentelling, not BW 7:629 lid 10."""
        periods = [
            [datetime(2025, 1, 6), datetime(2025, 2, 2), None],
            [datetime(2025, 2, 23), None, None],
        ]
        claims = [["datum", "soort_budget", "bedrag"], [datetime(2025, 3, 1), "reintegratie", 100]]
        for declarations in (claims, None):
            text = udfs.RI_UITLEG("RI_BUDGET_RESTANT", "zeeuwse-prb", declarations, periods)
            assert "7:629" not in text, text
            assert "art. 2.6.1" in text

    @pytest.mark.parametrize(
        ("args", "argument", "fragment"),
        [
            (["asr-reintegratiemanager", None, FIRST_DAY], "product", "kent geen"),
            (["onbekend", None, FIRST_DAY], "product", "onbekend product"),
            (["zeeuwse-prb", [[datetime(2023, 1, 1), "reintegratie", 5]], FIRST_DAY],
             "declaraties", "rij 1: 01-01-2023 ligt vóór"),
            (["zeeuwse-prb", [[FIRST_DAY, "kunst", 5]], FIRST_DAY],
             "declaraties", "rij 1: soort_budget"),
            (["zeeuwse-prb", [[FIRST_DAY, "preventie", -5]], FIRST_DAY],
             "declaraties", "rij 1: bedrag"),
            (["zeeuwse-prb", [[None, "preventie", 5]], FIRST_DAY], "declaraties", "rij 1: datum"),
            (["zeeuwse-prb", [[FIRST_DAY, "preventie", 5, 1]], FIRST_DAY],
             "declaraties", "meer dan drie kolommen"),
            (["zeeuwse-prb", None, "31-02-2025"], "ziekte", "geen geldige datum"),
            (["zeeuwse-prb", None, None], "ziekte", "ontbreekt"),
            (["zeeuwse-prb", None, FIRST_DAY, "misschien"], "met_wga_of_wia", ""),
        ],
    )  # fmt: skip
    def test_errors_name_the_argument(self, args: list[Any], argument: str, fragment: str) -> None:
        """excel-functions.md: bad input is #WAARDE! <argument>: <reason>, never an exception."""
        result = udfs.RI_BUDGET_RESTANT(*args)
        assert isinstance(result, str)
        assert result.startswith(f"#WAARDE! {argument}: "), result
        assert fragment in result

    def test_a_column_is_not_lifted(self) -> None:
        """excel-functions.md: a table result is not lifted; a column where one yes/no is
        expected is an error naming the argument."""
        result = udfs.RI_BUDGET_RESTANT("zeeuwse-prb", None, FIRST_DAY, [[True], [False]])
        assert str(result).startswith("#WAARDE! met_wga_of_wia: ")

    @given(st.lists(excel_values(), max_size=5))
    @example(["#BEREKENEN!"])  # an Excel error value in a cell is the result (lite15 contract)
    def test_never_raises(self, args: list[Any]) -> None:
        """excel-functions.md: whatever Excel sends, a table, #WAARDE! text naming something,
        or (Changes of 2026-12-01) the Excel error value an input cell holds, passed through."""
        result = udfs.RI_BUDGET_RESTANT(*args)
        assert _table_message_or_input_error(result, args), result

    @given(
        rows=st.lists(
            st.tuples(
                st.dates(date(2025, 1, 6), date(2027, 1, 1)),
                st.sampled_from(["reintegratie", "preventie"]),
                st.integers(0, 600_000).map(lambda c: c / 100),
            ),
            max_size=8,
        )
    )
    def test_valid_declarations_never_exceed_the_cap(
        self, rows: list[tuple[date, str, float]]
    ) -> None:
        """003 art. 2.5.1, 2.6.1: per row vergoed + restant = plafond, restant ≥ 0."""
        declarations = [
            [datetime(d.year, d.month, d.day), kind, amount] for d, kind, amount in rows
        ]
        table = udfs.RI_BUDGET_RESTANT("zeeuwse-prb", declarations, LEAVE_HISTORY)
        assert isinstance(table, list), table
        for row in table[1:]:
            assert row[4] + row[5] == pytest.approx(row[3])
            assert row[5] >= 0


class TestLoonsanctieVoorwaarden:
    def test_complete_dossier_meets_all_nine(self) -> None:
        """003 art. 2.7.3: nine rows in the article's order, each with its article."""
        table = _conditions()
        assert table[0] == ["voorwaarde", "status", "artikel", "grond"]
        assert _status(table) == ["voldaan"] * 9
        assert all("art. 2.7.3" in row[2] for row in table[1:])
        assert table[3][0] == "de loonsanctie is binnen vijf werkdagen na het UWV-besluit gemeld"

    def test_notice_deadline_is_ri_uiterste_melding_sanctie(self) -> None:
        """003 art. 2.7.3 (binnen vijf werkdagen, §8: Atw working days): a notice on the day
        RI_UITERSTE_MELDING_SANCTIE gives is in time, a day later is not; none given is not."""
        deadline = udfs.RI_UITERSTE_MELDING_SANCTIE(DECISION)
        assert deadline == date(2025, 10, 8)
        base = ["zeeuwse-prb", FIRST_DAY, DECISION]
        on_time = udfs.RI_LOONSANCTIE_VOORWAARDEN(*base, deadline, datetime(2023, 1, 1))
        late = udfs.RI_LOONSANCTIE_VOORWAARDEN(*base, datetime(2025, 10, 9), datetime(2023, 1, 1))
        never = udfs.RI_LOONSANCTIE_VOORWAARDEN(*base, None, datetime(2023, 1, 1))
        assert _status(on_time)[2] == "voldaan"
        assert _status(late)[2] == "niet voldaan"
        assert "08-10-2025" in late[3][3]
        assert _status(never)[2] == "niet voldaan"
        assert "Algemene termijnenwet" in late[3][2]

    def test_garantie_from_the_event_log_as_ri_status(self) -> None:
        """003 art. 2.7.3 (geen bericht dat de garantie is ingetrokken): the garantie's status
        on the decision date, from the same event log as RI_STATUS."""
        events = [[datetime(2025, 3, 1), "garantie_ingetrokken", "Jan"]]
        status = udfs.RI_STATUS("zeeuwse-prb", "poortwachtergarantie", events, DECISION, "Jan")
        assert status == "vervallen"
        table = _conditions(None, events, "Jan")
        assert _status(table)[7] == "niet voldaan"
        assert "vervallen" in table[8][3]
        assert _status(_conditions(None, events, "Piet"))[7] == "voldaan"

    def test_advice_event_fails_condition_two(self) -> None:
        """003 art. 2.7.3: an event advies_niet_opgevolgd fails condition 2 (and 8)."""
        events = [[datetime(2025, 2, 1), "advies_niet_opgevolgd", "Jan"]]
        assert _status(_conditions(None, events, "Jan", True)) == (
            ["voldaan", "niet voldaan"] + ["voldaan"] * 5 + ["niet voldaan", "voldaan"]
        )

    def test_guidance_dates(self) -> None:
        """003 art. 2.7.3: the arbodienst guided from the first sick day through the end of
        wage continuation (here 4-1-2026); starting later or stopping earlier fails."""
        late_start = udfs.RI_LOONSANCTIE_VOORWAARDEN(
            "zeeuwse-prb", FIRST_DAY, DECISION, None, datetime(2024, 2, 1)
        )
        assert _status(late_start)[0] == "niet voldaan"
        assert _status(_conditions(datetime(2025, 12, 31)))[0] == "niet voldaan"
        assert _status(_conditions(datetime(2026, 1, 4)))[0] == "voldaan"

    def test_dossier_facts_and_voluntary_continuation(self) -> None:
        """003 art. 2.7.3: facts given ONWAAR fail; loon vrijwillig doorbetaald WAAR fails
        the last condition; empty facts are assumed met and say so."""
        table = _conditions(None, None, None, None, False, "nee", 0, "onwaar", "ja")
        assert _status(table) == ["voldaan", "voldaan", "voldaan"] + ["niet voldaan"] * 4 + [
            "voldaan",
            "niet voldaan",
        ]
        assert "aangenomen" in _conditions()[2][3]

    def test_uitleg_names_each_condition(self) -> None:
        """excel-functions.md RI_UITLEG: every condition with its verdict and article."""
        text = udfs.RI_UITLEG(
            "RI_LOONSANCTIE_VOORWAARDEN",
            "zeeuwse-prb",
            FIRST_DAY,
            DECISION,
            datetime(2025, 10, 9),
            datetime(2023, 1, 1),
        )
        assert text.startswith("RI_LOONSANCTIE_VOORWAARDEN:\n")
        assert text.count("voorwaarde ") >= 9
        assert "voorwaarde niet voldaan: de loonsanctie is binnen vijf werkdagen" in text
        assert "art. 2.7.3" in text

    @pytest.mark.parametrize(
        ("args", "argument"),
        [
            (["asr-reintegratiemanager", FIRST_DAY, DECISION, None, FIRST_DAY], "product"),
            (["zeeuwse-prb", "gisteren", DECISION, None, FIRST_DAY], "ziekte"),
            (["zeeuwse-prb", FIRST_DAY, None, None, FIRST_DAY], "datum_besluit"),
            (["zeeuwse-prb", FIRST_DAY, datetime(2023, 1, 1), None, FIRST_DAY], "datum_besluit"),
            (["zeeuwse-prb", FIRST_DAY, DECISION, datetime(2025, 9, 1), FIRST_DAY], "datum_melding"),
            (["zeeuwse-prb", FIRST_DAY, DECISION, None, None], "begeleiding_vanaf"),
            (["zeeuwse-prb", FIRST_DAY, DECISION, None, FIRST_DAY, datetime(2020, 1, 1)],
             "begeleiding_tot"),
            (["zeeuwse-prb", FIRST_DAY, DECISION, None, FIRST_DAY, None, [[DECISION, "x"]]],
             "gebeurtenissen"),
            (["zeeuwse-prb", FIRST_DAY, DECISION, None, FIRST_DAY, None, [[DECISION, "schorsing"]]],
             "gebeurtenissen"),
            (["zeeuwse-prb", FIRST_DAY, DECISION, None, FIRST_DAY, None, None, None, "soms"],
             "adviezen_opgevolgd"),
        ],
    )  # fmt: skip
    def test_errors_name_the_argument(self, args: list[Any], argument: str) -> None:
        """excel-functions.md: a check involving two dates names the one to fix."""
        result = udfs.RI_LOONSANCTIE_VOORWAARDEN(*args)
        assert isinstance(result, str)
        assert result.startswith(f"#WAARDE! {argument}: "), result

    @given(st.lists(excel_values(), max_size=14))
    @example(["zeeuwse-prb", "#N/B"])  # an Excel error value in a cell is the result
    def test_never_raises(self, args: list[Any]) -> None:
        """excel-functions.md: whatever Excel sends, a table, #WAARDE! text, or (Changes of
        2026-12-01) the Excel error value an input cell holds, passed through."""
        result = udfs.RI_LOONSANCTIE_VOORWAARDEN(*args)
        assert _table_message_or_input_error(result, args), result


def _as_ranges(args: list[Any]) -> list[Any]:
    """Every argument as xlwings passes it with ndim=2: a single cell is a 1×1 range."""
    return [value if isinstance(value, list) else [[value]] for value in args]


class TestAsExcelCallsThem:
    def test_budget_restant_with_single_cells_as_ranges(self) -> None:
        """excel-functions.md: with ndim=2 every cell arrives as [[x]]; the answer is the same."""
        args: list[Any] = ["zeeuwse-prb", DECLARATIONS, LEAVE_HISTORY, True]
        assert udfs.RI_BUDGET_RESTANT(*_as_ranges(args)) == udfs.RI_BUDGET_RESTANT(*args)
        single_day = ["zeeuwse-prb", None, datetime(2025, 1, 6)]
        assert udfs.RI_BUDGET_RESTANT(*_as_ranges(single_day)) == udfs.RI_BUDGET_RESTANT(
            *single_day
        )

    def test_voorwaarden_with_single_cells_as_ranges(self) -> None:
        """excel-functions.md: every scalar argument may arrive as a 1×1 range."""
        events = [[datetime(2025, 3, 1), "garantie_ingetrokken", "Jan"]]
        args: list[Any] = [
            "zeeuwse-prb",
            FIRST_DAY,
            DECISION,
            datetime(2025, 10, 9),
            datetime(2023, 1, 1),
            None,
            events,
            "Jan",
            True,
            True,
            False,
            True,
            True,
            False,
        ]
        expected = udfs.RI_LOONSANCTIE_VOORWAARDEN(*args)
        assert isinstance(expected, list)
        assert udfs.RI_LOONSANCTIE_VOORWAARDEN(*_as_ranges(args)) == expected


def test_review_a_withdrawal_of_an_earlier_sickness_does_not_count() -> None:
    """003 art. 2.7.3 "tijdens de verzuimperiode" (user review): a withdrawal of 1-3-2022,
    ten months before this case's first sick day 9-1-2023, leaves condition 8 met."""
    history = [[datetime(2022, 3, 1), "garantie_ingetrokken", "Jan"]]
    facts = [None] * 6
    table = udfs.RI_LOONSANCTIE_VOORWAARDEN(
        "zeeuwse-prb",
        datetime(2023, 1, 9),
        datetime(2025, 1, 6),
        datetime(2025, 1, 10),
        datetime(2023, 1, 9),
        None,
        history,
        "Jan",
        *facts,
    )
    assert _status(table) == ["voldaan"] * 9
    assert "01-03-2022" not in str(table)
    advice = [[datetime(2022, 3, 1), "advies_niet_opgevolgd", "Jan"]]
    table = udfs.RI_LOONSANCTIE_VOORWAARDEN(
        "zeeuwse-prb",
        datetime(2023, 1, 9),
        datetime(2025, 1, 6),
        datetime(2025, 1, 10),
        datetime(2023, 1, 9),
        None,
        advice,
        "Jan",
        *facts,
    )
    assert _status(table) == ["voldaan"] * 9
