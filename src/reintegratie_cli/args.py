"""Argument types for the command line, reusing the Excel shell's coercion rules."""

from __future__ import annotations

import argparse
from datetime import date

from reintegratie_io import ArgumentError, required_date, to_sanction_weeks


def date_arg(text: str) -> date:
    """A date as JJJJ-MM-DD, D-M-JJJJ or DD-MM-JJJJ (argparse type)."""
    try:
        return required_date(text, "datum")
    except ArgumentError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def sanction_weeks_arg(text: str) -> int:
    """Weeks of loonsanctie, 0–52 (argparse type; BW 7:629 lid 11)."""
    try:
        return to_sanction_weeks(text, "sanctieweken", default=None)
    except ArgumentError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
