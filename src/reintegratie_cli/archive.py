"""Checks on an XLSX archive from elsewhere, before anything in it is parsed.

Shared by the commands that read workbooks (``werkmap``) and portfolios (``signalen``):
`check_archive` looks at the zip directory only — file size, number of parts, total
uncompressed size and each part's compression ratio (a zip bomb) — against
`Limits`, so an absurd file is refused in milliseconds. Python's ``zipfile`` never
yields more than a part's declared size, so the declared sizes bound what is read.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from reintegratie_io import thousands

_MIB = 1024 * 1024


@attrs.frozen(kw_only=True)
class Limits:
    """What a workbook from elsewhere may be, at most."""

    #: Size of the file itself.
    file_bytes: int = 100 * _MIB
    #: Number of parts in the zip archive.
    zip_entries: int = 10_000
    #: Total uncompressed size of all parts.
    uncompressed_bytes: int = 256 * _MIB
    #: Compression ratio of one part larger than 1 MiB (a zip bomb compresses far more).
    compression_ratio: int = 200
    #: Cells holding a value or formula, over all sheets (an array formula: its range).
    cells: int = 2_000_000
    #: Formula cells, over all sheets.
    formulas: int = 250_000
    #: Rows × columns of one sheet's used area.
    sheet_area: int = 10_000_000
    #: Cells named by the references of all formulas together, each reference clipped
    #: to the used area of its sheet (so ``A:A`` costs the rows in use, not 1,048,576).
    referenced_cells: int = 2_000_000_000


class WorkbookError(Exception):
    """A workbook is refused or cannot be read or written; the message says why, in Dutch."""


def _mb(size: int) -> str:
    """``size`` bytes in MB with one decimal, the Dutch way: ``2.048,0 MB``."""
    whole, tenth = divmod(round(size * 10 / _MIB), 10)
    return f"{thousands(whole)},{tenth} MB"


def check_archive(path: Path, limits: Limits) -> bool:
    """Refuse a file that is not a sane ``.xlsx``/``.xlsm`` archive; True when it holds macros.

    Raises `WorkbookError` naming the limit that was exceeded.
    """
    if not path.is_file():
        what = "is een map, geen werkmap" if path.is_dir() else "bestand niet gevonden"
        raise WorkbookError(f"{path}: {what}")
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise WorkbookError(
            f"{path.name} is {_mb(size)} groot; de grens voor een werkmap is {_mb(limits.file_bytes)}"
        )
    import zipfile  # here: a CSV portfolio does without its import

    if not zipfile.is_zipfile(path):
        raise WorkbookError(
            f"{path.name} is geen .xlsx-werkmap (geen zip-archief); .xls en .xlsb worden niet "
            "ondersteund — sla de werkmap in Excel op als .xlsx"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookError(f"{path.name} is geen leesbaar zip-archief: {exc}") from None
    if len(entries) > limits.zip_entries:
        raise WorkbookError(
            f"{path.name} bestaat uit {len(entries)} onderdelen; de grens is {limits.zip_entries}"
        )
    total = sum(entry.file_size for entry in entries)
    if total > limits.uncompressed_bytes:
        raise WorkbookError(
            f"{path.name} pakt uit tot {_mb(total)}; de grens is {_mb(limits.uncompressed_bytes)}"
        )
    for entry in entries:
        if entry.file_size > _MIB:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if ratio > limits.compression_ratio:
                # never a ratio that reads as within the limit (200.4× rounds to 200×)
                shown = round(ratio)
                times = (
                    f"{thousands(shown)}×"
                    if shown > limits.compression_ratio
                    else f"meer dan {thousands(limits.compression_ratio)}×"
                )
                raise WorkbookError(
                    f"{path.name}: onderdeel {entry.filename} is {times} gecomprimeerd "
                    f"(een zipbom?); de grens is {thousands(limits.compression_ratio)}×"
                )
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise WorkbookError(f"{path.name} is geen Excel-werkmap (geen xl/workbook.xml)")
    return any(name.lower().endswith("vbaproject.bin") for name in names)
