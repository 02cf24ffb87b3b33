"""The timeline drawn to scale: the layout by itself, then the chart in the reader."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.app.helpers import main_screen
from tui.model import TimelineEvent
from tui.reading.chart import LANE_LABEL, choose_unit, layout_chart


def event(story: str, value: str, start: str, end: str, granularity: str) -> TimelineEvent:
    return TimelineEvent(
        story, value, 0, 1, value, value, granularity, None, "x.", 0, 2, [], interval=(start, end)
    )


EVENTS = [
    event("main", "2024-03-01", "2024-03-01", "2024-03-01", "day"),
    event("embedded-1", "2024-05", "2024-05-01", "2024-05-31", "month"),
    event("main", "2024-06-10", "2024-06-10", "2024-06-10", "day"),
    event("main", "FUTURE_REF", "2024-03-15", "2024-05-10", "week"),
]


def test_the_unit_fits_the_span() -> None:
    assert choose_unit(date(2024, 3, 1), date(2024, 4, 30)) == "day"
    assert choose_unit(date(2024, 3, 1), date(2024, 6, 30)) == "month"
    assert choose_unit(date(2011, 1, 1), date(2018, 6, 30)) == "year"


def test_a_chart_of_four_months() -> None:
    chart = layout_chart(EVENTS, ["main", "embedded-1"], 44, "2024-03-15")
    labels, axis, main, embedded, vague = chart.rows
    assert chart.unit == "month"
    # The first tick names the year, the others their month.
    assert labels.split() == ["2024", "Apr", "May", "Jun"]
    assert axis.count("┼") == 4 and axis.count("▼") == 1  # published on 15 March
    assert main.startswith("M ") and embedded.startswith("E1")
    # A day is one column; May is a bar as wide as its month.
    assert main[LANE_LABEL:].count("█") == 2
    assert embedded[LANE_LABEL:].count("▒") >= 8
    # "The coming weeks" has no place on the axis: the vague lane, at the right.
    assert vague.startswith("?") and vague.rstrip().endswith("the future (1) ▸")
    # Stepping goes through time: the dated events in order, then the future.
    assert chart.placed == [0, 1, 2, 3]


def test_without_dates_the_chart_says_so() -> None:
    undated = [
        TimelineEvent("main", "Thursday", 0, 1, None, "Thursday", "day", None, "x.", 0, 2, [])
    ]
    chart = layout_chart(undated, ["main"], 40, None)
    assert chart.rows == ["No event has a place on a time axis (no publication date?)."]
    assert chart.placed == []


async def test_v_draws_the_timeline_and_enter_jumps_to_the_sentence(pilot: Any) -> None:
    screen = main_screen(pilot)
    pane = screen.timeline_pane
    await pilot.press("t", "v")
    await pilot.pause()
    assert pane.charting and not pane.option_list.display
    chart = pane.chart
    assert pilot.app.focused is chart
    assert chart.chart.unit == "year" and chart.chart.rows[0].split()[0] == "2011"
    await pilot.press("j", "j")  # the third event in time: New Year's Day
    assert chart.description().startswith("3/11 Mon 1 Jan 2018 · M ·")
    await pilot.press("enter")
    await pilot.pause()
    assert screen.selected_event == 2
    event = screen.analysis.timeline[2]
    assert screen.article_view.is_offset_visible(event.sentence_start)
    await pilot.press("k", "k", "enter")  # 2011: in the embedded story
    await pilot.pause()
    assert screen.story_index == 1
    wide = chart.chart.rows[0]
    await pilot.resize_terminal(120, 40)  # narrow: the chart alone, the whole width
    await pilot.pause()
    assert len(chart.chart.rows[0]) > len(wide) and len(chart.chart.rows[0]) <= 120
    await pilot.press("v")
    await pilot.pause()
    assert not pane.charting and pane.option_list.display
