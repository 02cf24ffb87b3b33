"""Helpers for driving the reader in tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.conftest import SAMPLE
from tui.app.app import LedeApp
from tui.app.screens.main import MainScreen
from tui.pipeline import Options


def sample_app(path: Path = SAMPLE, options: Options | None = None) -> LedeApp:
    return LedeApp(path, options)


WITHIN = 120.0  # seconds: far past any machine's pace, only so a hang fails


async def until(
    pilot: Pilot, ready: Callable[[], object], what: str, within: float = WITHIN
) -> None:
    """Let the app run until ``ready()`` holds; fail saying ``what`` never came.

    The limit is a guard against a hang, not a guess at the machine's speed:
    a test never goes on after it without the condition.
    """
    deadline = time.monotonic() + within
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"after {within:.0f} s still waiting for {what}")
        await pilot.pause(0.02)


async def settle(pilot: Pilot) -> None:
    """Wait until the article is loaded and the analysis shown (however slow the machine)."""
    app = pilot.app

    def done() -> bool:
        running = any(w.is_running for w in app.workers)
        return getattr(app, "analysis", None) is not None and not running

    await until(pilot, done, "the analysis shown")
    await app.workers.wait_for_complete()
    await pilot.pause()


def main_screen(pilot: Pilot) -> MainScreen:
    screen = pilot.app.main_screen  # type: ignore[attr-defined]
    assert isinstance(screen, MainScreen)
    return screen


async def opened(pilot: Pilot, analysed: bool = True) -> MainScreen:
    """Wait for an article opened from a library to show (with its analysis)."""
    app = pilot.app

    def shown() -> bool:
        ready = app.analysis if analysed else app.article  # type: ignore[attr-defined]
        return isinstance(app.screen, MainScreen) and ready is not None

    await until(pilot, shown, "the article opened" + (" with its analysis" if analysed else ""))
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def capture_notices(app: LedeApp) -> list[str]:
    """Every notification the app shows from now on, as text."""
    notices: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        notices.append(message)
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return notices
