"""Input parsing shared by the shells: Dutch dates, amounts and codes, Excel's error values.

Neither shell owns this package: the Excel add-in (``reintegratie_addin``) and the command
line (``reintegratie_cli``) both import it; it imports only the core. Import-linter
contracts in ``pyproject.toml`` keep it that way.

The implementations (``_values``, ``_excel_errors``) are private; every name in their
``__all__`` is re-exported here (``tests/core/test_public_api.py`` checks it).
"""

from __future__ import annotations

from reintegratie_io._excel_errors import (
    DUTCH_EXCEL_ERRORS,
    ENGLISH_EXCEL_ERRORS,
    excel_error,
    excel_error_text,
)
from reintegratie_io._values import (
    BOOL_HINT,
    DATE_HINT,
    FIRST_SERIAL_DATE,
    MAX_SERIAL,
    SANCTION_WEEKS_HINT,
    SERIAL_EPOCH,
    ArgumentError,
    DateBounds,
    cents_number,
    date_to_serial,
    describe,
    dutch_number,
    float_number,
    is_empty,
    named_as,
    normalize_code,
    parse_date_text,
    required_date,
    serial_to_date,
    thousands,
    to_bool,
    to_code,
    to_date,
    to_decimal,
    to_int,
    to_sanction_weeks,
    to_text,
)

__all__ = [
    "BOOL_HINT",
    "DATE_HINT",
    "DUTCH_EXCEL_ERRORS",
    "ENGLISH_EXCEL_ERRORS",
    "FIRST_SERIAL_DATE",
    "MAX_SERIAL",
    "SANCTION_WEEKS_HINT",
    "SERIAL_EPOCH",
    "ArgumentError",
    "DateBounds",
    "cents_number",
    "date_to_serial",
    "describe",
    "dutch_number",
    "excel_error",
    "excel_error_text",
    "float_number",
    "is_empty",
    "named_as",
    "normalize_code",
    "parse_date_text",
    "required_date",
    "serial_to_date",
    "thousands",
    "to_bool",
    "to_code",
    "to_date",
    "to_decimal",
    "to_int",
    "to_sanction_weeks",
    "to_text",
]
