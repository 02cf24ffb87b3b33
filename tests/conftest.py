"""Shared fixtures: where the sample articles and their expected readings live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "sample_data"
SAMPLE = SAMPLE_DATA / "north-korea-fm-russia.txt"
EXPECTED = Path(__file__).resolve().parent / "data" / "expected"
ARTICLES = sorted(SAMPLE_DATA.glob("*.txt"))


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE
