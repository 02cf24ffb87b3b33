"""The timeline drawn to scale (``v`` in the timeline pane): the layout comes from
``tui.reading.chart``; this widget draws it, moves a selection along the events
in time order (j/k or the arrows) and sends enter on as the list does."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget

from tui.app.messages import EventChosen
from tui.model import TimelineEvent, story_marker
from tui.reading.chart import Chart, layout_chart
from tui.reading.when import when

LANE_STYLES = 4  # lanes take these colours in turn


class TimelineChart(Widget, can_focus=True):
    """Events on a time axis, a lane per story; the selected one described below."""

    COMPONENT_CLASSES = {
        "chart--tick",
        "chart--published",
        "chart--selected",
        *(f"chart--lane-{n}" for n in range(LANE_STYLES)),
    }
    BINDINGS = [
        Binding("j,down,right", "step(1)", "Next event", show=False),
        Binding("k,up,left", "step(-1)", "Previous event", show=False),
        Binding("g,home", "step_to(0)", "First event", show=False),
        Binding("G,end", "step_to(-1)", "Last event", show=False),
        Binding("enter", "choose", "Go to the event", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.events: list[TimelineEvent] = []
        self.indexes: list[int] = []  # each shown event's index in the whole timeline
        self.stories: list[str] = []
        self.published: str | None = None
        self.chart = Chart(rows=[])
        self.position = 0  # in ``chart.placed``

    def show(
        self,
        events: list[TimelineEvent],
        indexes: list[int],
        stories: list[str],
        published: str | None,
    ) -> None:
        self.events, self.indexes = events, indexes
        self.stories, self.published = stories, published
        self.position = 0
        self._layout()

    def _layout(self) -> None:
        width = max(20, self.size.width - 1)
        self.chart = layout_chart(self.events, self.stories, width, self.published)
        self.position = min(self.position, max(0, len(self.chart.placed) - 1))
        self.refresh()

    def on_resize(self) -> None:
        self._layout()

    @property
    def selected(self) -> int | None:
        """The selected event's index in the chart's events, or None."""
        placed = self.chart.placed
        return placed[self.position] if 0 <= self.position < len(placed) else None

    def select_event(self, index: int) -> None:
        """Select the event with this index in the whole timeline (if the chart has it)."""
        if index in self.indexes and self.indexes.index(index) in self.chart.placed:
            self.position = self.chart.placed.index(self.indexes.index(index))
            self.refresh()

    def action_step(self, direction: int) -> None:
        if self.chart.placed:
            self.position = (self.position + direction) % len(self.chart.placed)
            self.refresh()

    def action_step_to(self, position: int) -> None:
        if self.chart.placed:
            self.position = position % len(self.chart.placed)
            self.refresh()

    def action_choose(self) -> None:
        if (selected := self.selected) is not None:
            self.post_message(EventChosen(self.indexes[selected]))

    def description(self) -> str:
        """The selected event in words, as the line under the chart says it."""
        selected = self.selected
        if selected is None:
            return "No events."
        event = self.events[selected]
        number = f"{self.position + 1}/{len(self.chart.placed)}"
        what = event.summary or event.sentence
        return f"{number} {when(event)} · {story_marker(event.story)} · {what}"

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        rows = self.chart.rows
        if y == len(rows) + 1:
            text = self.description()[:width]
            return Strip([Segment(text, base + Style(bold=True))]).extend_cell_length(width, base)
        if y >= len(rows):
            return Strip.blank(width, base)
        text = rows[y]
        styles: list[Style] = [base] * len(text)
        selected = self.selected
        for span in self.chart.spans:
            if span.row != y:
                continue
            if span.style == "bar" or span.style == "lane":
                name = f"chart--lane-{span.lane % LANE_STYLES}"
                if span.style == "bar" and selected is not None and span.shows(selected):
                    name = "chart--selected"
            else:
                name = f"chart--{span.style}"
            style = self.get_component_rich_style(name)
            for column in range(span.start, min(span.end, len(text))):
                styles[column] = base + style
        segments = [Segment(char, style) for char, style in zip(text, styles, strict=True)]
        return Strip(Segment.simplify(segments)).crop(0, width).extend_cell_length(width, base)
