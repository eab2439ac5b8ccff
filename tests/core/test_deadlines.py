"""Deadlines of obligations (spec/domain.md §5)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    Unit,
    declaration_deadline,
    is_working_day,
    payment_deadline,
    plan_van_aanpak_deadline,
    sanction_notice_deadline,
    sick_report_deadline,
    working_day,
)


class TestDeadlines:
    def test_plan_van_aanpak(self) -> None:
        """000 art. 3.2, 001/004 art. 4.1: plan van aanpak within 2 weeks of the probleemanalyse."""
        assert plan_van_aanpak_deadline(date(2025, 2, 16)).value == date(2025, 3, 2)

    def test_declaration_month_end(self) -> None:
        """003 art. 2.5.2: declare within a month; 31-01 + 1 month = 28-02 (month-end clamp)."""
        assert declaration_deadline(date(2025, 1, 31)).value == date(2025, 2, 28)

    def test_payment(self) -> None:
        """003 art. 2.6.2: the insurer pays within a month after the declaration."""
        assert payment_deadline(date(2025, 3, 15)).value == date(2025, 4, 15)

    def test_sanction_notice_skips_kingsday_and_liberation_day(self) -> None:
        """003 art. 2.7.3 + Atw art. 3: five working days from 30-04-2026 skip 5 May → 08-05-2026."""
        assert sanction_notice_deadline(date(2026, 4, 30)).value == date(2026, 5, 8)

    def test_sanction_notice_cites_article(self) -> None:
        """The explanation cites 003 art. 2.7.3 and the Algemene termijnenwet."""
        cited = {str(c) for c in sanction_notice_deadline(date(2026, 4, 30)).explain().citations()}
        assert "De Zeeuwse Preventie en re-integratie art. 2.7.3" in cited
        assert "Algemene termijnenwet art. 3" in cited

    def test_sick_report_by_the_end_of_the_first_week(self) -> None:
        """004 art. 4.2 (ziekmelding_te_laat), 002 «In het kort»: the Ontzorgmanager starts in
        week 2, so the sick report is due on the last day of week 1: 06-01-2025 → 12-01-2025."""
        result = sick_report_deadline(date(2025, 1, 6))
        assert result.value == date(2025, 1, 12)
        cited = {str(c) for c in result.explain().citations()}
        assert "De Amersfoortse Ontzorgmanager art. 4.2" in cited
        assert any("afgeleid" in g.rule for g in result.explain().grounds)

    def test_working_day_negative(self) -> None:
        """RI_WERKDAG counts back for negative days: Monday − 1 is the Friday before."""
        assert working_day(date(2025, 1, 13), -1).value == date(2025, 1, 10)

    @given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
    def test_sanction_notice_is_a_working_day_after_the_decision(self, decision: date) -> None:
        """The notice deadline is a working day, at least five calendar days later."""
        deadline = sanction_notice_deadline(decision).value
        assert is_working_day(deadline)
        assert (deadline - decision).days >= 5

    def test_plan_van_aanpak_explained_from_its_row(self) -> None:
        """Regeling procesgang art. 4 lid 1; 000 art. 3.2; 001/004 art. 4.1: the decision's row
        gives the rule, its four articles and the values used."""
        explained = plan_van_aanpak_deadline(date(2025, 2, 16)).explain()
        assert explained.value == date(2025, 3, 2)
        assert len(explained.citations()) == 4
        assert explained.grounds[0].parameters == (
            ("datum_probleemanalyse", date(2025, 2, 16)),
            ("plan_van_aanpak_dagen", Unit.DAYS.of(14)),
        )
