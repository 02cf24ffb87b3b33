"""The timeline drawn to scale: a time axis whose unit fits the events' span,
one lane per story, a lane for what has no place on the axis ("the coming
weeks", "the past"), and the publication date marked.

Pure: it lays the chart out as rows of text with styled spans; the widget
draws them. Each event is a bar as wide as its precision (a year-precision
event spans its year, a day is one column).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from tui.model import TimelineEvent, story_marker

LANE_LABEL = 4  # columns for "M", "E1", "?" before the axis
MIN_TICK_GAP = 3  # spaces at least between two tick labels


@dataclass(frozen=True, slots=True)
class Span:
    """A styled stretch of a row: ``style`` is "bar", "tick", "published" or "lane"."""

    row: int
    start: int
    end: int
    style: str
    event: int | None = None  # index into the timeline, for a bar
    lane: int = 0  # the story's lane, for its colour
    group: tuple[int, ...] = ()  # all the events a bar of the vague lane stands for

    def shows(self, event: int) -> bool:
        return event == self.event or event in self.group


@dataclass(slots=True)
class Chart:
    rows: list[str]
    spans: list[Span] = field(default_factory=list)
    unit: str = "day"  # the axis unit: "day", "month" or "year"
    placed: list[int] = field(default_factory=list)  # events on the chart, in time order


def _interval(event: TimelineEvent) -> tuple[date, date] | None:
    if event.interval is None or (event.value or "").endswith("_REF"):
        return None
    return date.fromisoformat(event.interval[0]), date.fromisoformat(event.interval[1])


def choose_unit(first: date, last: date) -> str:
    """Days for a span of two months or less, months up to four years, else years."""
    days = (last - first).days
    if days <= 62:
        return "day"
    if days <= 4 * 366:
        return "month"
    return "year"


def _bounds(first: date, last: date, unit: str) -> tuple[date, date]:
    """The axis runs from the start of the first unit to the end of the last."""
    if unit == "year":
        return date(first.year, 1, 1), date(last.year, 12, 31)
    if unit == "month":
        end = date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
        return date(first.year, first.month, 1), end
    return first - timedelta(days=1), last + timedelta(days=1)


def _ticks(low: date, high: date, unit: str) -> list[tuple[date, str]]:
    ticks: list[tuple[date, str]] = []
    if unit == "year":
        ticks = [(date(y, 1, 1), str(y)) for y in range(low.year, high.year + 1)]
    elif unit == "month":
        day = low
        while day <= high:
            label = str(day.year) if day.month == 1 or not ticks else calendar.month_abbr[day.month]
            ticks.append((day, label))
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    else:
        day = low
        while day <= high:
            ticks.append((day, f"{day.day} {calendar.month_abbr[day.month]}"))
            day += timedelta(days=1)
    return ticks


def layout_chart(
    events: list[TimelineEvent], stories: list[str], width: int, published: str | None
) -> Chart:
    """Lay out ``events`` (the timeline, in time order) across ``width`` columns.

    ``stories`` are the story ids in the order of their lanes; ``published``
    is the publication date (ISO), marked on the axis when it falls on it.
    """
    dated = [(i, span) for i, e in enumerate(events) if (span := _interval(e)) is not None]
    vague = [i for i, e in enumerate(events) if (e.value or "").endswith("_REF")]
    chart = Chart(rows=[])
    columns = max(10, width - LANE_LABEL)
    when = date.fromisoformat(published) if published else None
    if not dated:
        chart.rows = ["No event has a place on a time axis (no publication date?)."]
        return _vague_lane(chart, events, vague, columns)
    first = min(s for _, (s, _) in dated)
    last = max(e for _, (_, e) in dated)
    if when:
        first, last = min(first, when), max(last, when)
    chart.unit = choose_unit(first, last)
    low, high = _bounds(first, last, chart.unit)
    total = (high - low).days + 1

    def column(day: date) -> int:
        return min(columns - 1, max(0, (day - low).days * columns // total))

    # Tick labels (thinned so none touch), then the axis with its tick marks.
    labels = [" "] * columns
    axis = ["─"] * columns
    free = 0
    for day, label in _ticks(low, high, chart.unit):
        at = column(day)
        axis[at] = "┼"
        if at >= free and at + len(label) <= columns:
            labels[at : at + len(label)] = list(label)
            free = at + len(label) + MIN_TICK_GAP
    if when:
        at = column(when)
        axis[at] = "▼"
        chart.spans.append(Span(1, LANE_LABEL + at, LANE_LABEL + at + 1, "published"))
    chart.rows.append(" " * LANE_LABEL + "".join(labels))
    chart.rows.append(" " * LANE_LABEL + "".join(axis))
    chart.spans.append(Span(0, LANE_LABEL, LANE_LABEL + columns, "tick"))
    for lane, story in enumerate(stories):
        row = len(chart.rows)
        cells = [" "] * columns
        if when:
            cells[column(when)] = "│"
        # Wide bars (a year, a month) first and shaded, so the points on them show.
        mine = [(i, span) for i, span in dated if events[i].story == story]
        mine.sort(key=lambda item: item[1][0] - item[1][1])
        for index, (start, end) in mine:
            left, right = column(start), max(column(start) + 1, column(end) + 1)
            cells[left:right] = ["▒" if right - left > 1 else "█"] * (right - left)
            chart.spans.append(Span(row, LANE_LABEL + left, LANE_LABEL + right, "bar", index, lane))
        marker = story_marker(story)
        chart.rows.append(marker.ljust(LANE_LABEL) + "".join(cells))
        chart.spans.append(Span(row, 0, len(marker), "lane", None, lane))
    chart.placed = [i for i, _ in dated]
    return _vague_lane(chart, events, vague, columns)


def _vague_lane(chart: Chart, events: list[TimelineEvent], vague: list[int], columns: int) -> Chart:
    """What has no place on the axis: the past at the left, the future at the right."""
    if not vague:
        return chart
    row = len(chart.rows)
    past = [i for i in vague if events[i].value == "PAST_REF"]
    future = [i for i in vague if events[i].value != "PAST_REF"]
    left = f"◂ the past ({len(past)})" if past else ""
    right = f"the future ({len(future)}) ▸" if future else ""
    gap = max(1, columns - len(left) - len(right))
    chart.rows.append("?".ljust(LANE_LABEL) + left + " " * gap + right)
    if past:
        chart.spans.append(
            Span(row, LANE_LABEL, LANE_LABEL + len(left), "bar", past[0], group=tuple(past))
        )
    if future:
        start = LANE_LABEL + len(left) + gap
        chart.spans.append(
            Span(row, start, start + len(right), "bar", future[0], group=tuple(future))
        )
    # Stepping through the chart goes through time: the past, the axis, the future.
    chart.placed = past + chart.placed + future
    return chart
