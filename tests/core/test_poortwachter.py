"""The Poortwachter timeline (spec/domain.md §3)."""

from __future__ import annotations

from datetime import date

from reintegratie_core.poortwachter import Milestone, timeline
from reintegratie_core.sickness import SicknessCase


class TestWorkedExample:
    def test_domain_section_3_worked_example(self) -> None:
        """spec/domain.md §3 worked example: D = Mon 2025-01-06, one ongoing period."""
        expected = {
            Milestone.ONTZORGMANAGER: date(2025, 1, 13),
            Milestone.PROBLEEMANALYSE: date(2025, 2, 16),
            Milestone.PLAN_VAN_AANPAK: date(2025, 3, 2),
            Milestone.ZIEKMELDING_UWV: date(2025, 10, 27),
            Milestone.EERSTEJAARSEVALUATIE: date(2026, 1, 4),
            Milestone.UWV_WIA_BRIEF: date(2026, 9, 20),
            Milestone.REINTEGRATIEVERSLAG: date(2026, 10, 4),
            Milestone.WIA_AANVRAAG: date(2026, 10, 18),
            Milestone.EINDE_LOONDOORBETALING: date(2027, 1, 3),
            Milestone.START_WIA: date(2027, 1, 4),
        }
        entries = timeline(SicknessCase.ongoing(date(2025, 1, 6)))
        assert {e.milestone: e.date for e in entries} == expected
