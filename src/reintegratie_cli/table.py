"""Plain-text tables and text for the terminal.

Everything printed from a file from elsewhere passes `terminal_text`: escape and
control sequences (which could move the cursor, retitle the window or hide text) are
removed, and absurdly long values are cut short.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reintegratie_core import format_value

#: Excel's longest text in a cell, counted as Excel counts (``LEN``): in UTF-16 units.
EXCEL_MAX_TEXT = 32_767


def excel_length(text: str) -> int:
    """The length of ``text`` as Excel counts it (``LEN``): UTF-16 units, an emoji two."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def fits_a_cell(text: str) -> bool:
    """Whether one Excel cell holds ``text`` (at most `EXCEL_MAX_TEXT` UTF-16 units)."""
    return len(text) <= EXCEL_MAX_TEXT // 2 or excel_length(text) <= EXCEL_MAX_TEXT


#: The longest value shown on the terminal, in characters.
TERMINAL_LIMIT = 200

# An ANSI escape sequence (CSI, OSC, or a two-character escape), then any other control
# character: C0, DEL, C1, and the bidirectional overrides that reorder what is shown.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
    "|[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def terminal_text(text: str, limit: int = TERMINAL_LIMIT) -> str:
    """``text`` safe for a terminal: escape and control sequences removed (tab and line
    feed become a space), and cut to ``limit`` characters with an ellipsis."""
    if not text.isprintable():
        text = _ESCAPES.sub("", text.replace("\t", " ").replace("\n", " "))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def render(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """An aligned text table with a header rule; dates as DD-MM-JJJJ, ``None`` as n.v.t."""
    cells = [[str(h) for h in header]] + [
        [terminal_text(format_value(c)) for c in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
