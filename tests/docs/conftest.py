"""Fixtures for the documentation tests: everything generated once per session."""

from __future__ import annotations

import pytest
from docs.tools import generate


@pytest.fixture(scope="session")
def generated() -> dict[str, str]:
    """Every generated file of ``docs/`` as the generator makes it now (path → text)."""
    return generate.outputs()
