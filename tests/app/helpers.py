"""Helpers for driving the reader in tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.conftest import SAMPLE
from tui.app.app import LedeApp
from tui.app.screens.main import MainScreen
from tui.pipeline import Options


def sample_app(path: Path = SAMPLE, options: Options | None = None) -> LedeApp:
    return LedeApp(path, options)


async def settle(pilot: Pilot) -> None:
    """Wait until the article is loaded and the analysis shown (however slow the machine)."""
    app = pilot.app
    for _ in range(1200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        running = [w for w in app.workers if w.is_running]
        if getattr(app, "analysis", None) is not None and not running:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def main_screen(pilot: Pilot) -> MainScreen:
    screen = pilot.app.main_screen  # type: ignore[attr-defined]
    assert isinstance(screen, MainScreen)
    return screen


async def opened(pilot: Pilot, analysed: bool = True) -> MainScreen:
    """Wait for an article opened from a library to show (with its analysis)."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause(0.05)
        ready = app.analysis if analysed else app.article  # type: ignore[attr-defined]
        if isinstance(app.screen, MainScreen) and ready is not None:
            break
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
