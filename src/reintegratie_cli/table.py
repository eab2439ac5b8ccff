"""Plain-text tables for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from reintegratie_core.explain import format_value


def render(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """An aligned text table with a header rule; dates as DD-MM-JJJJ, ``None`` as n.v.t."""
    cells = [[str(h) for h in header]] + [[format_value(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
