"""One sickness case from ziekmelding to WIA, through every path: the Excel functions, the
Python API and ``reintegratie signalen`` must give the same dates (domain §2-§4).

The case (dates hand-computed from domain §3 before running the code): an employee of a
``zeeuwse-prb`` employer is sick from Monday 06-01-2025 to 02-02-2025 and again from
24-02-2025 (21 days later: one case, BW 7:629 lid 10) to 04-05-2025; sick again from
09-06-2025 (35 days later: a new case) until the WIA, with a late probleemanalyse on
01-08-2025 and a loonsanctie of 12 weeks (BW 7:629 lid 11). The second run
(``asr-reintegratiemanager``) has a pregnancy leave from 14-04-2025 to 03-08-2025 between
the sick periods, which bridges them into one case (BW 7:629 lid 10, WAZO).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

import reintegratie_core as core
from reintegratie_addin import udfs
from tests.cli.strategies_signalen import read_csv, run, write_csv

#: Periods as Excel passes them: datetime cells, None for an empty cell.
ZEEUWSE = [
    [datetime(2025, 1, 6), datetime(2025, 2, 2)],
    [datetime(2025, 2, 24), datetime(2025, 5, 4)],
    [datetime(2025, 6, 9), None],
]
ASR = [
    [datetime(2025, 1, 6), datetime(2025, 2, 2), None],
    [datetime(2025, 2, 24), datetime(2025, 4, 13), None],
    [datetime(2025, 4, 14), datetime(2025, 8, 3), "verlof"],
    [datetime(2025, 8, 4), None, None],
]
SANCTION = 12

#: Hand-computed from domain §3 (with the late probleemanalyse and 12 sanction weeks).
EXPECTED = {
    "zeeuwse": {
        "ontzorgmanager": date(2025, 6, 16),
        "probleemanalyse": date(2025, 7, 20),
        "plan_van_aanpak": date(2025, 8, 15),  # 01-08-2025 + 14
        "ziekmelding_uwv": date(2026, 3, 30),  # D + 294
        "eerstejaarsevaluatie": date(2026, 6, 7),
        "uwv_wia_brief": date(2027, 2, 21),
        "reintegratieverslag": date(2027, 3, 7),
        "wia_aanvraag": date(2027, 3, 21),
        "einde_loondoorbetaling": date(2027, 8, 29),  # 06-06-2027 + 84
        "start_wia": date(2027, 8, 30),
    },
    "asr": {  # 77 sick days before the leave; day 78 is 04-08-2025
        "ontzorgmanager": date(2025, 1, 13),
        "probleemanalyse": date(2025, 3, 9),
        "plan_van_aanpak": date(2025, 4, 3),  # 20-03-2025 + 14
        "ziekmelding_uwv": date(2026, 3, 9),
        "eerstejaarsevaluatie": date(2026, 5, 17),
        "uwv_wia_brief": date(2027, 1, 31),
        "reintegratieverslag": date(2027, 2, 14),
        "wia_aanvraag": date(2027, 2, 28),
        "einde_loondoorbetaling": date(2027, 8, 8),  # 16-05-2027 + 84
        "start_wia": date(2027, 8, 9),
    },
}
PROBLEEMANALYSE = {"zeeuwse": datetime(2025, 8, 1), "asr": datetime(2025, 3, 20)}
PERIODS = {"zeeuwse": ZEEUWSE, "asr": ASR}


def _absences(rows: list[list[datetime | str | None]]) -> list[core.Absence]:
    out = []
    for first, last, *kind in rows:
        assert isinstance(first, datetime)
        end = last.date() if isinstance(last, datetime) else None
        if kind and kind[0] == "verlof":
            assert end is not None
            out.append(core.Absence.leave(first.date(), end))
        else:
            out.append(core.Absence.sick(first.date(), end))
    return out


class TestMilestones:
    @pytest.mark.parametrize("run_name", ["zeeuwse", "asr"])
    def test_excel_and_api_give_the_hand_computed_dates(self, run_name: str) -> None:
        """Domain §3: RI_MIJLPAAL, RI_TIJDLIJN and milestone_date agree with the hand computation."""
        periods, pa = PERIODS[run_name], PROBLEEMANALYSE[run_name]
        case = core.last_case(_absences(periods))
        table = udfs.RI_TIJDLIJN(periods, pa, float(SANCTION))
        assert {row[0]: row[1] for row in table[1:]} == EXPECTED[run_name]
        for code, expected in EXPECTED[run_name].items():
            assert udfs.RI_MIJLPAAL(periods, code, pa, float(SANCTION)) == expected
            milestone = core.Milestone(code)
            assert core.milestone_date(case, milestone, pa.date(), SANCTION).value == expected


def _portfolio(tmp_path: Path) -> Path:
    """Both runs as a portfolio, every tracked milestone done (so the signal is the next one)."""
    header = [
        "werknemer", "werkgever", "product", "ingangsdatum_module", "eerste_ziektedag",
        "laatste_ziektedag", "soort", "sanctieweken", "datum_probleemanalyse",
        "datum_plan_van_aanpak", "datum_ziekmelding_uwv", "datum_eerstejaarsevaluatie",
        "datum_wia_aanvraag",
    ]  # fmt: skip
    later = ["01-03-2026", "10-05-2026", "20-02-2027"]
    rows: list[list[str]] = []
    for name, product, periods, done in (
        ("w1", "zeeuwse-prb", ZEEUWSE, ["01-08-2025", "15-08-2025", *later]),
        ("w2", "asr-reintegratiemanager", ASR, ["20-03-2025", "01-04-2025", *later]),
    ):
        for first, last, *kind in periods:
            assert isinstance(first, datetime)
            ongoing = last is None
            rows.append([
                name, "P-1", product, "01-01-2024", first.strftime("%d-%m-%Y"),
                last.strftime("%d-%m-%Y") if isinstance(last, datetime) else "",
                str(kind[0] or "") if kind else "",
                str(SANCTION) if ongoing else "", *(done if ongoing else [""] * 5),
            ])  # fmt: skip
    return write_csv(tmp_path / "geval.csv", rows, header=header)


class TestSignals:
    @pytest.mark.parametrize("peildatum", [date(2027, 4, 1), date(2027, 6, 1), date(2027, 8, 20)])
    def test_worklist_excel_and_api_name_the_same_next_milestone(
        self, peildatum: date, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With a loonsanctie the signal of RI_SIGNAAL (given sanctieweken) is the worklist's:
        einde_loondoorbetaling moves by 7 days per sanction week (BW 7:629 lid 11)."""
        target = tmp_path / "werklijst.csv"
        source = _portfolio(tmp_path)
        args = [str(source), "--peildatum", peildatum.isoformat(), "--horizon", "200"]
        code, _, _ = run([*args, "--processen", "1", "--uit", str(target)], capsys)
        assert code == 0
        lines = {line["werknemer"]: line for line in read_csv(target)}
        for name, periods in (("w1", ZEEUWSE), ("w2", ASR)):
            line = lines[name]
            text = udfs.RI_SIGNAAL(periods, peildatum, 200.0, None, float(SANCTION))
            case = core.last_case(_absences(periods))
            signal = core.next_milestone(case, peildatum, 200, None, SANCTION).value
            if line["status"] == "geen mijlpaal":
                assert signal is None
                assert text == ""
                continue
            assert signal is not None
            assert (signal.milestone.value, signal.date.isoformat()) == (
                line["mijlpaal"],
                line["datum"],
            )
            assert text == (
                f"{line['mijlpaal']} over {line['dagen']} dagen ({core.format_date(signal.date)})"
            )


class TestRemainingWageContinuation:
    def test_wage_cost_and_weeks_count_the_sanction_weeks_alike(self) -> None:
        """001 art. 3.3/3.5, BW 7:629 lid 11: during a loonsanctie the aid for 'niet bovenmatig'
        (RI_RESTERENDE_LOONKOSTEN) counts the same extended period as RI_RESTERENDE_WEKEN:
        01-06-2027 to 08-08-2027 is 68 days, × 800 / 7 × 70 % = 5440."""
        peil = datetime(2027, 6, 1)
        weeks = udfs.RI_RESTERENDE_WEKEN(ASR, peil, float(SANCTION))
        assert weeks == 9.71
        cost = udfs.RI_RESTERENDE_LOONKOSTEN(800.0, ASR, peil, None, float(SANCTION))
        assert cost == 5440.0
        case = core.last_case(_absences(ASR))
        api = core.compensation.remaining_wage_cost(800, case, peil.date(), sanction_weeks=SANCTION)
        assert api.value == 5440
