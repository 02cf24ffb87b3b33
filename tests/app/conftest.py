"""Shared set-up for the reader's tests: the sample open, loaded and analysed."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from textual.pilot import Pilot

from tests.app.helpers import sample_app, settle


@pytest.fixture
async def pilot() -> AsyncIterator[Pilot[int]]:
    """The reader on the sample article at 160×45, its analysis shown."""
    app = sample_app()
    async with app.run_test(size=(160, 45)) as driver:
        await settle(driver)
        yield driver
