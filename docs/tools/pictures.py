"""Pictures generated from the core, as SVG text (no drawing by hand, no extra dependency).

* :func:`timeline_svg` — the Poortwachter timeline of a sickness case: the sick periods as a
  bar, every milestone of :func:`reintegratie_core._poortwachter.timeline` as a marker with
  its code and date, months along the axis.
* :func:`cascade_svg` — what ends when one module ends: a column per step of the cascade,
  the coupling rules as arrows with their articles, the modules that run on greyed.
* :func:`worklist_svg` — one day of the worklist: per open case the next milestone on a
  days-from-today axis, in bands te laat / binnenkort / gepland.
* :func:`coupling_svg` — a product's modules as boxes on a circle and its coupling rules
  ("when A ends, B ends on the same date") as arrows, read from the product catalogue.

The output is deterministic (same input, same bytes), so the generated files can be
compared with the committed ones.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import attrs

from reintegratie_core import (
    Citation,
    Milestone,
    SicknessCase,
    SourceKind,
    Status,
    WorkItem,
    format_date,
    timeline,
)
from reintegratie_core.products import Product, cascade

FONT = 'font-family="Segoe UI, Helvetica, Arial, sans-serif"'
INK = "#1f2937"
MUTED = "#6b7280"
ACCENT = "#0f766e"
SICK = "#f59e0b"
GAP = "#e5e7eb"
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
CHAR_WIDTH = 7.0  # width of an 11px bold character (generous), for laying out labels


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: int = 11,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}" font-weight="{weight}">{escape(text)}</text>'
    )


def _svg(width: int, height: int, title: str, body: Sequence[str]) -> str:
    return "\n".join(
        [
            (
                f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)} {FONT}>'
            ),
            f"<title>{escape(title)}</title>",
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
            *body,
            "</svg>",
            "",
        ]
    )


# --- Timeline -----------------------------------------------------------------------------

#: How a reader calls each milestone (the code of ``RI_MIJLPAAL`` is in the reference).
MILESTONE_WORDS: dict[Milestone, str] = {
    Milestone.ONTZORGMANAGER: "Ontzorgmanager",
    Milestone.PROBLEEMANALYSE: "probleemanalyse",
    Milestone.PLAN_VAN_AANPAK: "plan van aanpak",
    Milestone.ZIEKMELDING_UWV: "ziekmelding UWV",
    Milestone.EERSTEJAARSEVALUATIE: "eerstejaarsevaluatie",
    Milestone.UWV_WIA_BRIEF: "brief UWV over WIA",
    Milestone.REINTEGRATIEVERSLAG: "re-integratieverslag",
    Milestone.WIA_AANVRAAG: "WIA-aanvraag",
    Milestone.EINDE_LOONDOORBETALING: "einde loondoorbetaling",
    Milestone.START_WIA: "start WIA",
}


def milestone_words(milestone: Milestone) -> str:
    """The milestone in words; a milestone added later shows its code with spaces."""
    return MILESTONE_WORDS.get(milestone, milestone.value.replace("_", " "))


def sick_week(case: SicknessCase, day: date) -> int:
    """The week of sickness ``day`` falls in: counted sick days up to it, by seven, rounded up.

    Interruption days do not count (a case's week 6 is its 36th–42nd sick day).
    """
    return max(1, -(-case.counted_days(day) // 7))


@attrs.frozen
class _Label:
    x: float
    lines: tuple[str, str]
    colour: str

    @property
    def width(self) -> float:
        return max(len(line) for line in self.lines) * CHAR_WIDTH + 14


def spread(
    wanted: Sequence[float], widths: Sequence[float], low: float, high: float
) -> list[float]:
    """Centres as close to ``wanted`` (sorted) as possible without overlap, within bounds.

    Defined as:: a forward pass pushes each box right of its left neighbour and of the left
    bound, a backward pass pushes boxes left of the right bound and of their right
    neighbour; the two repeat until nothing moves (boxes that fit always end up inside).
    """
    placed = list(wanted)
    for _ in range(len(placed) + 1):
        before = list(placed)
        for i, w in enumerate(widths):
            floor = low + w / 2 if i == 0 else placed[i - 1] + (widths[i - 1] + w) / 2
            placed[i] = max(placed[i], floor)
        limit = high
        for i in range(len(placed) - 1, -1, -1):
            placed[i] = min(placed[i], limit - widths[i] / 2)
            limit = placed[i] - widths[i] / 2
        if placed == before:
            break
    return placed


def timeline_svg(
    case: SicknessCase, probleemanalyse: date | None = None, sanction_weeks: int = 0, *, title: str
) -> str:
    """The timeline of ``case`` as an SVG picture."""
    entries = [e for e in timeline(case, probleemanalyse, sanction_weeks) if e.value is not None]
    start = case.first_day
    end = max(e.value for e in entries if e.value is not None) + timedelta(days=20)
    width, left, right = 1060, 30, 1030
    axis_y, height = 150, 270

    def x_of(day: date) -> float:
        return left + (day - start).days / (end - start).days * (right - left)

    body = [_text(left, 24, title, size=14, weight="bold")]
    # The second year of wage continuation shaded; months along the axis.
    year_two = case.day(365) or start + timedelta(days=364)  # counted day 365
    body.append(
        f'<rect x="{x_of(year_two):.1f}" y="{axis_y - 12}" width="{x_of(end) - x_of(year_two):.1f}" '
        f'height="24" fill="#f3f4f6"/>'
    )
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            x = x_of(month)
            body.append(
                f'<line x1="{x:.1f}" y1="{axis_y - 5}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="{MUTED}"/>'
            )
            if month.month in (1, 4, 7, 10):
                name = MONTHS[month.month - 1] + (f" {month.year}" if month.month == 1 else "")
                body.append(_text(x + 2, axis_y + 22, name, size=9, fill=MUTED))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    body.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="{INK}" stroke-width="1.5"/>'
    )
    # Sick periods as a bar on the axis (interruptions stay white).
    for period in case.periods:
        last = period.last or end
        x1, x2 = x_of(period.start), x_of(last + timedelta(days=1))
        until = _dutch(last) if period.end is not None else "lopend"
        body.append(
            f'<rect x="{x1:.1f}" y="{axis_y - 4}" width="{max(x2 - x1, 1.5):.1f}" height="8" '
            f'fill="{SICK}" rx="2"><title>ziek {_dutch(period.start)} t/m {until}</title></rect>'
        )
    # Milestones: labels alternately above and below, spread so that none overlap.
    labels = [_Label(x_of(start), ("eerste ziektedag", f"week 1 · {_dutch(start)}"), MUTED)]
    labels += [
        _Label(
            x_of(e.value),
            (milestone_words(e.milestone), f"week {sick_week(case, e.value)} · {_dutch(e.value)}"),
            ACCENT,
        )
        for e in entries
        if e.value is not None
    ]
    labels.sort(key=lambda label: label.x)
    for side in (0, 1):
        group = labels[side::2]
        centres = spread([g.x for g in group], [g.width for g in group], left, right)
        row = axis_y - 62 if side == 0 else axis_y + 62
        bend = axis_y - 24 if side == 0 else axis_y + 30
        text_top = row - 14 if side == 0 else row + 4
        for label, centre in zip(group, centres, strict=True):
            near = row + 4 if side == 0 else row - 8
            body.append(
                f'<polyline points="{label.x:.1f},{axis_y} {label.x:.1f},{bend} {centre:.1f},{near}" '
                f'fill="none" stroke="{label.colour}" stroke-width="1" stroke-dasharray="2,2"/>'
            )
            body.append(f'<circle cx="{label.x:.1f}" cy="{axis_y}" r="4.5" fill="{label.colour}"/>')
            body.append(
                _text(
                    centre,
                    text_top,
                    label.lines[0],
                    anchor="middle",
                    weight="bold",
                    fill=label.colour,
                )
            )
            body.append(_text(centre, text_top + 14, label.lines[1], anchor="middle"))
    legend_y = height - 16
    body += [
        f'<rect x="{left}" y="{legend_y - 9}" width="18" height="8" fill="{SICK}" rx="2"/>',
        _text(left + 24, legend_y, "ziek", size=10, fill=MUTED),
        f'<rect x="{left + 70}" y="{legend_y - 10}" width="18" height="10" fill="#f3f4f6"/>',
        _text(left + 94, legend_y, "tweede ziektejaar", size=10, fill=MUTED),
        f'<circle cx="{left + 215}" cy="{legend_y - 4}" r="4.5" fill="{ACCENT}"/>',
        _text(
            left + 225,
            legend_y,
            "mijlpaal: ziekteweek (alleen ziektedagen tellen) en datum",
            size=10,
            fill=MUTED,
        ),
    ]
    return _svg(width, height, title, body)


def _dutch(day: date) -> str:
    return format_date(day)


# --- Coupling -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Edge:
    """A coupling rule drawn as an arrow: when ``source`` ends, ``target`` ends."""

    source: str
    target: str
    note: str = ""


def _box_exit(
    centre: tuple[float, float], size: tuple[float, float], direction: tuple[float, float]
) -> tuple[float, float]:
    """Where the ray from a box's centre in ``direction`` leaves the box."""
    (cx, cy), (w, h), (dx, dy) = centre, size, direction
    scale = min(
        (w / 2) / abs(dx) if dx else math.inf,
        (h / 2) / abs(dy) if dy else math.inf,
    )
    return cx + dx * scale, cy + dy * scale


def _arrow_head(title: str, orient: str) -> list[str]:
    """The start of a diagram of arrows: its title and the arrowhead (``orient`` as SVG's
    marker attribute: ``auto``, or ``auto-start-reverse`` for arrows both ways)."""
    return [
        _text(20, 26, title, size=14, weight="bold"),
        (
            "<defs>"
            f'<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
            f'markerHeight="8" orient="{orient}"><path d="M0,0 L10,5 L0,10 z" fill="{ACCENT}"/></marker>'
            "</defs>"
        ),
    ]


def _hub(codes: Sequence[str], edges: Sequence[Edge]) -> str | None:
    """The module coupled with every other one, when there are four or more modules."""
    if len(codes) < 4:
        return None
    for code in codes:
        partners = {e.target for e in edges if e.source == code}
        partners |= {e.source for e in edges if e.target == code}
        if partners >= set(codes) - {code}:
            return code
    return None


def _layout(
    codes: Sequence[str], edges: Sequence[Edge], box: tuple[float, float], title: str
) -> tuple[dict[str, tuple[float, float]], tuple[int, int]]:
    """Box centres (a hub in the middle, the rest on a circle) and the picture's size."""
    box_w, box_h = box
    hub = _hub(codes, edges)
    ring = [code for code in codes if code != hub]
    # The ring's neighbours must not touch: chord 2·r·sin(π/n) ≥ box width + gap.
    radius = 0.0
    if len(ring) > 1:
        radius = max(130.0, (box_w + 90) / (2 * math.sin(math.pi / len(ring))))
    offset = math.pi / len(ring) if hub is not None and ring else 0.0
    points: dict[str, tuple[float, float]] = {}
    if hub is not None:
        points[hub] = (0.0, 0.0)
    for index, code in enumerate(ring):
        angle = -math.pi / 2 + offset + 2 * math.pi * index / len(ring)
        points[code] = (radius * math.cos(angle), radius * math.sin(angle))
    min_x = min(x for x, _y in points.values()) - box_w / 2
    min_y = min(y for _x, y in points.values()) - box_h / 2
    max_x = max(x for x, _y in points.values()) + box_w / 2
    max_y = max(y for _x, y in points.values()) + box_h / 2
    centres = {code: (x - min_x + 30, y - min_y + 50) for code, (x, y) in points.items()}
    width = int(max(max_x - min_x + 60, len(title) * 8.5 + 40, 560))
    height = int(max_y - min_y + 50 + 40)
    return centres, (width, height)


def coupling_svg(
    modules: Sequence[tuple[str, tuple[str, ...]]], edges: Sequence[Edge], *, title: str
) -> str:
    """Modules (code, lines below the code) on a circle — one coupled with all others in the
    middle — and the coupling rules as arrows (double-headed where mutual)."""
    extra = max((len(lines) for _code, lines in modules), default=0)
    box_h = 30 + 14 * extra
    box_w = max(
        [150.0]
        + [
            max([len(code) * CHAR_WIDTH, *(len(line) * 5.8 for line in lines)]) + 24
            for code, lines in modules
        ]
    )
    centres, (width, height) = _layout(
        [code for code, _lines in modules], edges, (box_w, box_h), title
    )
    body = _arrow_head(title, "auto-start-reverse")
    pairs = {(e.source, e.target) for e in edges}
    drawn: set[frozenset[str]] = set()
    notes = []
    for edge in edges:
        key = frozenset((edge.source, edge.target))
        if key in drawn or edge.source not in centres or edge.target not in centres:
            continue
        drawn.add(key)
        mutual = (edge.target, edge.source) in pairs
        (x1, y1), (x2, y2) = centres[edge.source], centres[edge.target]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        margin = (box_w + 12, box_h + 12)
        sx, sy = _box_exit((x1, y1), margin, (dx, dy))
        tx, ty = _box_exit((x2, y2), margin, (-dx, -dy))
        start_marker = ' marker-start="url(#arrow)"' if mutual else ""
        dash = ' stroke-dasharray="6,4"' if edge.note else ""
        body.append(
            f'<line x1="{sx:.1f}" y1="{sy:.1f}" x2="{tx:.1f}" y2="{ty:.1f}" stroke="{ACCENT}" '
            f'stroke-width="2" marker-end="url(#arrow)"{start_marker}{dash}/>'
        )
        if edge.note:
            notes.append(edge)
            mx, my = (sx + tx) / 2, (sy + ty) / 2
            body.append(
                _text(mx + 6, my - 6, f"({len(notes)})", size=11, fill=ACCENT, weight="bold")
            )
    for code, lines in modules:
        x, y = centres[code]
        body.append(
            f'<rect x="{x - box_w / 2:.1f}" y="{y - box_h / 2:.1f}" width="{box_w:.1f}" '
            f'height="{box_h}" rx="8" fill="#f0fdfa" stroke="{ACCENT}" stroke-width="1.5"/>'
        )
        top = y - 7 * len(lines) + 4
        body.append(_text(x, top, code, anchor="middle", weight="bold"))
        for number, line in enumerate(lines, 1):
            body.append(_text(x, top + 14 * number, line, size=10, anchor="middle", fill=MUTED))
    legend_y = height
    body.append(
        _text(
            20,
            legend_y,
            "A → B: eindigt A, dan eindigt B op dezelfde datum; ↔: in beide richtingen.",
            size=11,
            fill=MUTED,
        )
    )
    for number, edge in enumerate(notes, 1):
        body.append(
            _text(
                20,
                legend_y + 18 * number,
                f"({number}) {edge.source} → {edge.target}: {edge.note}",
                size=11,
                fill=MUTED,
            )
        )
    height = max(height, int(legend_y + 18 * len(notes) + 20))
    return _svg(width, height, title, body)


# --- Income over time (financieel.md §9) ---------------------------------------------------

WAGE = "#2563eb"
BENEFIT = "#0f766e"
EARNED = "#9ca3af"


@attrs.frozen(kw_only=True)
class IncomeStep:
    """Months ``first``–``last`` (1-based from the first sick day) of one monthly income."""

    label: str
    first: int
    last: int
    amount: Decimal
    earned: Decimal = Decimal(0)
    colour: str = BENEFIT
    #: The amount continues after ``last`` (the picture stops there).
    open_ended: bool = False

    @property
    def months(self) -> str:
        """``maand 3–12``, ``maand 13`` or ``vanaf maand 14``."""
        if self.open_ended:
            return f"vanaf maand {self.first}"
        return (
            f"maand {self.first}–{self.last}" if self.first != self.last else f"maand {self.first}"
        )


@attrs.frozen(kw_only=True)
class IncomeCase:
    """A worked case from the first sick day to the WIA (the guide's example)."""

    monthly_wage: Decimal
    hours_per_week: Decimal
    first_sick_day: date
    annual_wage: Decimal
    ao: Decimal
    earning_capacity: Decimal
    income: Decimal
    years_before_2016: int
    years_from_2016: int
    months_after: int = 18


def income_steps(case: IncomeCase) -> list[IncomeStep]:
    """The months of ``case``, each amount computed by the core: wage continuation in months
    1–24 (weeks 1–104, BW 7:629), each month with the sick week and the parameters of its
    first day (the minimum wage changes on 1 January and 1 July, §9.1), equal months as one
    step; then the WIA overview (LGU, loonaanvulling or vervolg)."""
    from reintegratie_core import Milestone, SicknessCase, add_months, milestone_date
    from reintegratie_core.financial import benefit_overview, lgu_duration, wage_continuation

    wia_start = milestone_date(SicknessCase.ongoing(case.first_sick_day), Milestone.START_WIA).value
    assert wia_start is not None
    steps: list[IncomeStep] = []
    for month in range(1, 25):
        start = add_months(case.first_sick_day, month - 1)
        week = (start - case.first_sick_day).days // 7 + 1
        amount = wage_continuation(case.monthly_wage, week, start, case.hours_per_week).value
        label = "loondoorbetaling jaar 1" if month <= 12 else "loondoorbetaling jaar 2"
        if steps and steps[-1].amount == amount and steps[-1].label == label:
            steps[-1] = attrs.evolve(steps[-1], last=month)
        else:
            steps.append(
                IncomeStep(label=label, first=month, last=month, amount=amount, colour=WAGE)
            )
    months = lgu_duration(case.years_before_2016, case.years_from_2016).value
    overview = benefit_overview(
        case.annual_wage,
        case.ao,
        case.earning_capacity,
        case.income,
        wia_start,
        lgu_months=months,
    )
    end = 24 + max(case.months_after, math.ceil(months) + 3)
    steps.extend(
        IncomeStep(
            label=_income_label(row),
            first=24 + row.first_month,
            last=end if row.last_month is None else 24 + row.last_month,
            amount=row.amount,
            earned=case.income,
            open_ended=row.last_month is None,
        )
        for row in overview.rows
    )
    return steps


def _income_label(row: Any) -> str:
    benefit = row.benefit
    names = {
        "iva": "IVA",
        "wga_loongerelateerd": "WGA loongerelateerd",
        "wga_loonaanvulling": "loonaanvulling",
        "wga_vervolg": "vervolguitkering",
        "geen": "geen uitkering",
    }
    if benefit.after is not None and benefit.lgu_amount is not None:
        return f"½ loongerelateerd + ½ {names[benefit.after.kind.value]}"
    if benefit.lgu_factor is not None:
        return f"{names[row.kind.value]} {int(benefit.lgu_factor.value * 100)} %"
    return names[row.kind.value]


def income_svg(steps: Sequence[IncomeStep], reference: Decimal, *, title: str) -> str:
    """Monthly income as bars over the months since the first sick day: the benefit (or
    wage continuation), the income from work on top, and the former wage as a dashed line.

    A bar wide enough carries its amount and label inside; narrower bars get theirs in a row
    under the axis, spread so that none overlap."""
    width, left, right, top, bottom = 980, 60, 950, 50, 290
    height = 440
    last_month = max(s.last for s in steps)
    highest = max([float(s.amount + s.earned) for s in steps] + [float(reference)]) * 1.1

    def x_of(month: float) -> float:
        return left + (month - 1) / last_month * (right - left)

    def y_of(amount: float) -> float:
        return bottom - amount / highest * (bottom - top)

    body = [_text(left - 40, 24, title, size=14, weight="bold")]
    level = 0
    while level < highest:
        y = y_of(level)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GAP}"/>')
        euros = f"€ {level:,}".replace(",", ".")
        body.append(_text(left - 6, y + 4, euros, size=9, anchor="end", fill=MUTED))
        level += 500
    for month in range(1, last_month + 2, 6):
        x = x_of(month)
        body.append(
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 5}" stroke="{MUTED}"/>'
        )
        body.append(_text(x, bottom + 18, f"maand {month}", size=9, anchor="middle", fill=MUTED))
    outside: list[tuple[float, IncomeStep]] = []
    for step in steps:
        x1, x2 = x_of(step.first), x_of(step.last + 1)
        benefit_top = y_of(float(step.amount))
        total_top = y_of(float(step.amount + step.earned))
        months = step.months
        body.append(
            f'<rect x="{x1:.1f}" y="{benefit_top:.1f}" width="{x2 - x1 - 1:.1f}" '
            f'height="{bottom - benefit_top:.1f}" fill="{step.colour}" opacity="0.85">'
            f"<title>{escape(step.label)}, {months}: € {_euro(step.amount)}</title></rect>"
        )
        if step.earned:
            body.append(
                f'<rect x="{x1:.1f}" y="{total_top:.1f}" width="{x2 - x1 - 1:.1f}" '
                f'height="{benefit_top - total_top:.1f}" fill="{EARNED}" opacity="0.7">'
                f"<title>inkomen uit werk: € {_euro(step.earned)}</title></rect>"
            )
        if x2 - x1 >= len(step.label) * CHAR_WIDTH * 0.85 + 8:
            centre = (x1 + x2) / 2
            body.append(
                _text(
                    centre,
                    benefit_top + 18,
                    f"€ {_euro(step.amount)}",
                    size=11,
                    anchor="middle",
                    weight="bold",
                    fill="#ffffff",
                )
            )
            body.append(
                _text(centre, benefit_top + 32, step.label, size=9, anchor="middle", fill="#ffffff")
            )
            body.append(
                _text(centre, benefit_top + 45, months, size=9, anchor="middle", fill="#ffffff")
            )
        else:
            outside.append(((x1 + x2) / 2, step))
    if outside:
        widths = [max(len(s.label), 14) * CHAR_WIDTH * 0.85 + 10 for _x, s in outside]
        centres = spread([x for x, _s in outside], widths, left, right)
        row = bottom + 58
        for (x, step), centre in zip(outside, centres, strict=True):
            months = step.months
            body.append(
                f'<polyline points="{x:.1f},{bottom - 3} {x:.1f},{bottom + 26} {centre:.1f},{row - 14}" '
                f'fill="none" stroke="{step.colour}" stroke-width="1" stroke-dasharray="2,2"/>'
            )
            body.append(
                _text(
                    centre, row, f"€ {_euro(step.amount)}", size=11, anchor="middle", weight="bold"
                )
            )
            body.append(_text(centre, row + 14, step.label, size=9, anchor="middle", fill=MUTED))
            body.append(_text(centre, row + 27, months, size=9, anchor="middle", fill=MUTED))
    ref_y = y_of(float(reference))
    body.append(
        f'<line x1="{left}" y1="{ref_y:.1f}" x2="{right}" y2="{ref_y:.1f}" stroke="{INK}" '
        'stroke-dasharray="6,4"/>'
    )
    body.append(_text(left + 4, ref_y - 6, f"loon vóór ziekte € {_euro(reference)}", size=10))
    body.append(
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{INK}" stroke-width="1.5"/>'
    )
    legend_y = height - 16
    body += [
        f'<rect x="{left}" y="{legend_y - 9}" width="18" height="10" fill="{WAGE}" opacity="0.85"/>',
        _text(
            left + 24,
            legend_y,
            "loondoorbetaling (BW 7:629, excl. vakantiebijslag)",
            size=10,
            fill=MUTED,
        ),
        f'<rect x="{left + 330}" y="{legend_y - 9}" width="18" height="10" fill="{BENEFIT}" opacity="0.85"/>',
        _text(left + 354, legend_y, "WIA-uitkering (incl. vakantiebijslag)", size=10, fill=MUTED),
        f'<rect x="{left + 590}" y="{legend_y - 9}" width="18" height="10" fill="{EARNED}" opacity="0.7"/>',
        _text(left + 614, legend_y, "inkomen uit werk", size=10, fill=MUTED),
    ]
    return _svg(width, height, title, body)


def _euro(amount: Decimal) -> str:
    whole, cents = f"{amount:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + cents


# --- Cascade ----------------------------------------------------------------------------------


def _articles(citations: Sequence[Citation]) -> str:
    """``art. 2.2 en 1.8``, ``art. 2.3; beslissing §8``: short, the source is in the title."""
    articles = [c.article for c in citations if c.kind is not SourceKind.DECISION]
    parts = []
    if articles:
        head = ", ".join(articles[:-1])
        parts.append(f"art. {head} en {articles[-1]}" if head else f"art. {articles[0]}")
    parts.extend(f"beslissing {c.where}" for c in citations if c.kind is SourceKind.DECISION)
    return "; ".join(parts)


def cascade_svg(product: Product, module: str, on: date, *, title: str) -> str:
    """What ends when ``module`` ends on ``on``: a column per step of the cascade, an arrow
    per coupling rule with its articles, and the product's other modules as running on.

    Read from :func:`reintegratie_core.products.cascade` (the same decision as
    ``RI_CASCADE``); nothing is laid out by hand.
    """
    result = cascade(product, module, on).value
    depth = {e.module: e.depth for e in result.ended}
    columns: dict[int, list[str]] = {}
    for entry in result.ended:
        columns.setdefault(entry.depth, []).append(entry.module)
    staying = [m for m in product.module_codes if m not in depth]
    box_w = max(len(code) for code in product.module_codes) * CHAR_WIDTH + 40
    box_h, gap_x, gap_y, top = 46, 150, 26, 70
    count = len(columns) + (1 if staying else 0)
    width = int(max(40 + count * box_w + (count - 1) * gap_x, len(title) * 8.5 + 40))
    rows = max([len(c) for c in columns.values()] + [len(staying)])
    height = int(top + rows * (box_h + gap_y) + 50)
    centres: dict[str, tuple[float, float]] = {}
    for column, codes in sorted(columns.items()):
        for row, code in enumerate(codes):
            x = 20 + box_w / 2 + column * (box_w + gap_x)
            centres[code] = (x, top + box_h / 2 + row * (box_h + gap_y))
    body = _arrow_head(title, "auto")
    for entry in result.ended:
        for rule in entry.rules:
            (x1, y1), (x2, y2) = centres[rule.source], centres[entry.module]
            sx, tx = x1 + box_w / 2, x2 - box_w / 2 - 4
            body.append(
                f'<line x1="{sx:.1f}" y1="{y1:.1f}" x2="{tx:.1f}" y2="{y2:.1f}" '
                f'stroke="{ACCENT}" stroke-width="1.5" marker-end="url(#arrow)"/>'
            )
            note = _articles(rule.citations)
            mx, my = (sx + tx) / 2, (y1 + y2) / 2
            body.append(_text(mx, my - 5, note, size=9, anchor="middle", fill=ACCENT))
    for entry in result.ended:
        x, y = centres[entry.module]
        first = entry.depth == 0
        reason = "elke reden" if entry.reason is None else f"reden {entry.reason.value}"
        why = reason if first else f"eindigt {_dutch(entry.date)}"
        fill = "#fef3c7" if first else "#f0fdfa"
        body.append(
            f'<rect x="{x - box_w / 2:.1f}" y="{y - box_h / 2:.1f}" width="{box_w:.1f}" '
            f'height="{box_h}" rx="8" fill="{fill}" stroke="{ACCENT}" stroke-width="1.5"/>'
        )
        body.append(_text(x, y - 3, entry.module, anchor="middle", weight="bold"))
        body.append(_text(x, y + 13, why, size=10, anchor="middle", fill=MUTED))
    if staying:
        x = 20 + box_w / 2 + len(columns) * (box_w + gap_x)
        body.append(_text(x, top - 12, "loopt door", size=10, anchor="middle", fill=MUTED))
        for row, code in enumerate(staying):
            y = top + box_h / 2 + row * (box_h + gap_y)
            body.append(
                f'<rect x="{x - box_w / 2:.1f}" y="{y - box_h / 2:.1f}" width="{box_w:.1f}" '
                f'height="{box_h}" rx="8" fill="#ffffff" stroke="{MUTED}" stroke-width="1" '
                f'stroke-dasharray="4,3"/>'
            )
            body.append(_text(x, y + 4, code, anchor="middle", fill=MUTED))
    labels = [f"stap {c}" if c else "opgezegd" for c in sorted(columns)]
    for column, label in enumerate(labels):
        x = 20 + box_w / 2 + column * (box_w + gap_x)
        body.append(_text(x, top - 12, label, size=10, anchor="middle", fill=MUTED))
    body.append(
        _text(
            20,
            height - 14,
            "pijl: koppelregel 'eindigt A, dan eindigt B op dezelfde datum', met de artikelen",
            size=10,
            fill=MUTED,
        )
    )
    return _svg(width, height, title, body)


# --- One worklist day -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class WorkRow:
    """One line of the worklist picture: who, which milestone, when, how urgent."""

    employee: str
    item: WorkItem


STATUS_COLOURS = {
    Status.TE_LAAT: "#dc2626",
    Status.BINNENKORT: SICK,
    Status.GEPLAND: ACCENT,
    Status.GEEN: MUTED,
}


def worklist_svg(rows: Sequence[WorkRow], reference: date, horizon: int, *, title: str) -> str:
    """A worklist day: a line per open case in the worklist's order (te laat first), the
    next milestone as a dot on a days-from-today axis, te laat / binnenkort / gepland as
    bands. The items come from :func:`reintegratie_core._worklist.work_item`."""
    ordered = sorted(rows, key=lambda r: r.item.urgency())
    low, high = -45, 60
    left, right = 270, 930
    top, row_h = 64, 26
    height = top + row_h * len(ordered) + 58

    def x_of(days: int) -> float:
        return left + (min(max(days, low), high) - low) / (high - low) * (right - left)

    bottom = top + row_h * len(ordered)
    body = [_text(20, 26, title, size=14, weight="bold")]
    bands = (
        (low, 0, "#fee2e2", "te laat"),
        (0, horizon, "#fef3c7", f"binnenkort (≤ {horizon} dagen)"),
        (horizon, high, "#f0fdfa", "gepland"),
    )
    for start, end, fill, label in bands:
        body.append(
            f'<rect x="{x_of(start):.1f}" y="{top - 18}" width="{x_of(end) - x_of(start):.1f}" '
            f'height="{bottom - top + 18}" fill="{fill}"/>'
        )
        body.append(_text((x_of(start) + x_of(end)) / 2, top - 6, label, size=10, anchor="middle"))
    body.append(
        f'<line x1="{x_of(0):.1f}" y1="{top - 18}" x2="{x_of(0):.1f}" y2="{bottom}" '
        f'stroke="{INK}" stroke-width="1.5"/>'
    )
    for number, row in enumerate(ordered):
        y = top + row_h * number + row_h / 2
        item = row.item
        words = milestone_words(item.milestone) if item.milestone else item.status.value
        body.append(_text(20, y + 4, f"{row.employee} · {words}", size=11))
        if item.days_left is None or item.date is None:
            continue
        colour = STATUS_COLOURS[item.status]
        x = x_of(item.days_left)
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>')
        when = f"{_dutch(item.date)} ({item.days_left:+d} d)"
        if item.days_left > high:
            when = f"→ {when}"
        anchor, dx = ("end", -9) if x > right - 150 else ("start", 9)
        body.append(_text(x + dx, y + 4, when, size=10, anchor=anchor, fill=MUTED))
    body.extend(
        _text(x_of(d), bottom + 16, f"{d:+d}" if d else "0", size=9, anchor="middle", fill=MUTED)
        for d in range(-40, high + 1, 10)
    )
    body.append(
        _text(
            x_of(0),
            bottom + 32,
            f"peildatum {_dutch(reference)} — dagen tot de mijlpaal",
            size=10,
            anchor="middle",
        )
    )
    return _svg(right + 30, height, title, body)
