"""Snapshots of the reader's main states, at fixed sizes, after the analysis.

Update only after reading the report: ``uv run pytest tests/app/test_snapshots.py
--snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.app.helpers import sample_app, settle
from tui.app.app import LedeApp


async def _ready(pilot: Pilot) -> None:
    await settle(pilot)


def test_default_screen_wide(snap_compare) -> None:
    assert snap_compare(sample_app(), terminal_size=(160, 45), run_before=_ready)


def test_default_screen_80x24(snap_compare) -> None:
    assert snap_compare(sample_app(), terminal_size=(80, 24), run_before=_ready)


def test_embedded_story(snap_compare) -> None:
    assert snap_compare(
        sample_app(), press=["right_square_bracket"], terminal_size=(160, 45), run_before=_ready
    )


def test_entity_selected(snap_compare) -> None:
    assert snap_compare(
        sample_app(), press=["e", "down", "enter"], terminal_size=(160, 45), run_before=_ready
    )


def test_help_screen(snap_compare) -> None:
    assert snap_compare(
        sample_app(), press=["question_mark"], terminal_size=(160, 45), run_before=_ready
    )


def test_removed_blocks_shown(snap_compare) -> None:
    assert snap_compare(sample_app(), press=["r"], terminal_size=(160, 45), run_before=_ready)


def test_help_screen_80x24(snap_compare) -> None:
    assert snap_compare(
        sample_app(), press=["question_mark"], terminal_size=(80, 24), run_before=_ready
    )


def test_link_list(snap_compare) -> None:
    harbour = Path(__file__).resolve().parents[1] / "data" / "sources" / "harbour-links.md"
    assert snap_compare(LedeApp(harbour), press=["l"], terminal_size=(160, 45), run_before=_ready)


def test_timeline_chart_wide(snap_compare) -> None:
    assert snap_compare(
        sample_app(), press=["t", "v", "j", "j"], terminal_size=(160, 45), run_before=_ready
    )


def test_timeline_chart_80x24(snap_compare) -> None:
    assert snap_compare(
        sample_app(), press=["t", "v", "j", "j"], terminal_size=(80, 24), run_before=_ready
    )
