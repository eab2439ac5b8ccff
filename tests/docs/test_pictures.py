"""The timeline and coupling pictures are drawn from the core's own answers."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from docs.tools import coupling
from docs.tools.pictures import (
    CHAR_WIDTH,
    Edge,
    cascade_svg,
    coupling_svg,
    milestone_words,
    sick_week,
    spread,
    timeline_svg,
)
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import SicknessCase, timeline
from reintegratie_core.products import BUILTIN_PRODUCTS, builtin_product, cascade

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return [node.text or "" for node in ET.fromstring(svg).iter(f"{SVG}text")]


class TestTimeline:
    def test_every_milestone_with_its_date(self) -> None:
        """Each milestone of the core's timeline is drawn in Dutch words with its week and date."""
        case = SicknessCase.ongoing(date(2025, 1, 6))
        shown = texts(timeline_svg(case, title="t"))
        for entry in timeline(case):
            assert entry.value is not None
            assert milestone_words(entry.milestone) in shown
            assert "_" not in milestone_words(entry.milestone)
            week = sick_week(case, entry.value)
            assert f"week {week} · {entry.value.strftime('%d-%m-%Y')}" in shown
        assert "week 6 · 16-02-2025" in shown  # probleemanalyse: end of week 6 (D+41)

    def test_labels_stay_inside_and_apart(self) -> None:
        """No two milestone labels on one side overlap, and none leaves the picture."""
        for weeks in (0, 12):
            svg = timeline_svg(
                SicknessCase.ongoing(date(2025, 1, 6)), sanction_weeks=weeks, title="t"
            )
            width = float(re.search(r'width="(\d+)"', svg).group(1))  # type: ignore[union-attr]
            rows: dict[str, list[tuple[float, float]]] = {}
            for x, y, first, second in re.findall(
                r'<text x="([\d.-]+)" y="([\d.]+)"[^>]*font-weight="bold">([^<]*)</text>\n'
                r'<text x="[\d.-]+" y="[\d.]+"[^>]*>([^<]*)</text>',
                svg,
            ):
                half = (max(len(first), len(second)) * CHAR_WIDTH + 14) / 2
                rows.setdefault(y, []).append((float(x) - half, float(x) + half))
            for boxes in rows.values():
                boxes.sort()
                assert boxes[0][0] >= 0
                assert boxes[-1][1] <= width
                for (_, right), (left, _) in itertools.pairwise(boxes):
                    assert right <= left + 0.01

    def test_a_sanction_moves_the_end(self) -> None:
        """With sanction weeks the picture shows the later end of wage continuation."""
        case = SicknessCase.ongoing(date(2025, 1, 6))
        shown = texts(timeline_svg(case, sanction_weeks=12, title="t"))
        assert any("28-03-2027" in text for text in shown)
        assert not any("03-01-2027" in text for text in shown)


class TestCoupling:
    def test_one_picture_per_product(self) -> None:
        """Every built-in product gets its coupling picture."""
        assert len(coupling.pictures()) == len(BUILTIN_PRODUCTS)

    def test_one_arrow_per_coupled_pair(self) -> None:
        """Each pair of coupled modules is one line; a mutual pair has two arrowheads."""
        edges = [
            Edge(source="a", target="b"),
            Edge(source="b", target="a"),
            Edge(source="a", target="c"),
        ]
        root = ET.fromstring(coupling_svg([("a", ()), ("b", ()), ("c", ())], edges, title="t"))
        lines = list(root.iter(f"{SVG}line"))
        assert len(lines) == 2
        assert sum("marker-start" in line.attrib for line in lines) == 1

    def test_every_module_is_drawn(self) -> None:
        """Every module code of every product is in its picture."""
        for product in BUILTIN_PRODUCTS:
            svg = coupling.pictures()[f"img/{coupling.image_name(product)}"]
            shown = texts(svg)
            assert all(m.code in shown for m in product.modules)


class TestSpread:
    @given(
        st.lists(st.tuples(st.floats(0, 900), st.floats(10, 120)), max_size=8),
    )
    def test_labels_do_not_overlap_and_stay_inside(self, boxes: list[tuple[float, float]]) -> None:
        """When the boxes fit, spread labels neither overlap nor leave the bounds."""
        boxes.sort()
        wanted = [x for x, _w in boxes]
        widths = [w for _x, w in boxes]
        if sum(widths) > 1000:
            return
        placed = spread(wanted, widths, 0, 1000)
        for i, (x, w) in enumerate(zip(placed, widths, strict=True)):
            assert x - w / 2 >= -1e-6
            assert x + w / 2 <= 1000 + 1e-6
            if i:
                assert placed[i - 1] + widths[i - 1] / 2 <= x - w / 2 + 1e-6


class TestIncome:
    def test_every_amount_comes_from_the_core(self) -> None:
        """000 art. 1.9: the income picture shows the core's wage continuation and WIA amounts."""
        from docs.tools.generate import INCOME_CASE
        from docs.tools.pictures import income_steps, income_svg

        from reintegratie_core.financial import wage_continuation

        steps = income_steps(INCOME_CASE)
        first = wage_continuation(
            INCOME_CASE.monthly_wage, 1, INCOME_CASE.first_sick_day, INCOME_CASE.hours_per_week
        )
        assert steps[0].amount == first.value
        shown = " ".join(texts(income_svg(steps, INCOME_CASE.monthly_wage, title="t")))
        for step in steps:
            whole, cents = f"{step.amount:.2f}".split(".")
            assert f"€ {int(whole):,}".replace(",", ".") + f",{cents}" in shown

    def test_wage_continuation_uses_the_parameters_of_each_month(self) -> None:
        """BW 7:629 lid 1 (financieel.md §9.2): the floor is the minimum wage in force. The
        guide's case falls sick on 06-01-2025; month 7 starts 06-07-2025, when the hourly
        minimum wage is 14,40 (§9.1), so the floor is 14,40 × 36 × 52 ÷ 12 = 2.246,40, not
        the 2.193,36 of January."""
        from docs.tools.generate import INCOME_CASE
        from docs.tools.pictures import income_steps

        def amount(month: int) -> Decimal:
            return next(s.amount for s in income_steps(INCOME_CASE) if s.first <= month <= s.last)

        assert amount(1) == Decimal("2193.36")
        assert amount(6) == Decimal("2193.36")
        assert amount(7) == Decimal("2246.40")
        assert amount(12) == Decimal("2246.40")
        assert amount(13) == Decimal("1750.00")

    def test_months_follow_each_other(self) -> None:
        """WIA art. 59: the steps cover consecutive months from month 1, the last one open."""
        from docs.tools.generate import INCOME_CASE
        from docs.tools.pictures import income_steps

        steps = income_steps(INCOME_CASE)
        assert steps[0].first == 1
        for before, after in itertools.pairwise(steps):
            assert after.first == before.last + 1
        assert steps[-1].open_ended


class TestCascadePicture:
    def test_every_ended_module_and_rule(self) -> None:
        """001 art. 2.2, 2.3, 2.5: the picture shows each ended module, each rule as an arrow
        with its articles, and the modules that run on."""
        product = builtin_product("asr-reintegratiemanager")
        on = date(2025, 7, 1)
        result = cascade(product, "basis-verzuim", on).value
        svg = cascade_svg(product, "basis-verzuim", on, title="t")
        shown = texts(svg)
        for entry in result.ended:
            assert entry.module in shown
        assert svg.count("<line ") == sum(len(e.rules) for e in result.ended)
        assert "art. 2.2 en 1.8" in shown
        assert "basis-ao-3-12" in shown  # not coupled to basis-verzuim: runs on
        assert "loopt door" in shown


class TestWorklistPicture:
    def test_rows_in_worklist_order_with_status_colours(self) -> None:
        """domain §3 (signaal): te laat first (most overdue first), then by days left; each
        item drawn with its milestone in words and its date."""
        from docs.tools.generate import WORKLIST_DAY, worklist_pictures
        from docs.tools.pictures import STATUS_COLOURS

        from reintegratie_core import Status

        svg = worklist_pictures()["img/werklijst-dag.svg"]
        shown = texts(svg)
        lines = [t for t in shown if t.startswith("W-")]
        assert lines[0] == "W-06 · plan van aanpak"  # 36 days late
        assert lines[1] == "W-09 · eerstejaarsevaluatie"
        assert len(lines) == 9
        assert f"peildatum {WORKLIST_DAY:%d-%m-%Y} — dagen tot de mijlpaal" in shown
        for status in (Status.TE_LAAT, Status.BINNENKORT, Status.GEPLAND):
            assert STATUS_COLOURS[status] in svg
