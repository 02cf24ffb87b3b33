"""The timeline pane: date, short description and story marker per event."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.messages import EventChosen
from tui.app.widgets.chart import TimelineChart
from tui.app.widgets.lists import ListPane, PaneList
from tui.model import TimelineEvent, story_marker
from tui.reading.when import WHEN_WIDTH, when


class EventList(PaneList):
    """The list of events."""


class TimelinePane(ListPane[EventList]):
    """Events in time order (or reading order when the date is unknown)."""

    TITLE = "Timeline"
    LIST = EventList
    NOTE_ID = "timeline-note"
    LIST_ID = "event-list"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.events: list[TimelineEvent] = []
        self.shown: list[int] = []  # indexes into ``events`` of the rows shown
        self._note = ""
        self._width = 0
        self._stories: list[str] = []
        self._published: str | None = None

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield TimelineChart(id="timeline-chart")

    def on_mount(self) -> None:
        super().on_mount()
        self.chart.display = False

    @property
    def chart(self) -> TimelineChart:
        return self.query_one(TimelineChart)

    @property
    def charting(self) -> bool:
        return bool(self.chart.display)

    def toggle_chart(self) -> None:
        """The list, or the events drawn to scale (the same events, the same enter)."""
        charting = not self.charting
        self.chart.display = charting
        self.option_list.display = not charting
        self.set_class(charting, "charting")
        if charting:
            self.chart.show(
                [self.events[i] for i in self.shown], self.shown, self._stories, self._published
            )

    def on_resize(self) -> None:
        # Rows are cut to the pane's width: cut them again when it changes.
        if self.events and self.size.width != self._width:
            highlighted = self.option_list.highlighted
            self.show(self.events, self.shown, self._note, self._stories, self._published)
            self.option_list.highlighted = highlighted

    def show(
        self,
        events: list[TimelineEvent],
        shown: list[int],
        note: str,
        stories: list[str] | None = None,
        published: str | None = None,
    ) -> None:
        """The events at ``shown`` (indexes into ``events``), as a list or a chart;
        ``stories`` name the chart's lanes, ``published`` is marked on its axis."""
        self.events = events
        self.shown = shown
        self._note = note
        self._stories = stories or sorted({e.story for e in events}, key=lambda s: s != "main")
        self._published = published
        if self.charting:
            self.chart.show([events[i] for i in shown], shown, self._stories, published)
        self._width = self.size.width
        self.set_note(note)
        options = [Option(self._prompt(events[i]), id=str(i)) for i in shown]
        listing = self.option_list
        listing.set_options(options)
        if not shown:
            listing.add_option(Option(Text("no events", style="italic"), disabled=True))
        elif listing.option_count:
            listing.action_first()

    def clear_rows(self) -> None:
        self.events, self.shown = [], []

    def _prompt(self, event: TimelineEvent) -> Text:
        """One line: date, story marker, what happened (cut to the pane's width)."""
        # The pane less its border and room for a scrollbar: the same at every show.
        width = max(20, (self.size.width or 44) - 2)
        date = when(event).ljust(WHEN_WIDTH)
        marker = story_marker(event.story).ljust(3)
        room = max(5, width - len(date) - len(marker) - 2)
        what = event.summary or event.sentence
        if len(what) > room:
            what = what[: room - 1] + "…"
        prompt = Text(no_wrap=True, overflow="ellipsis")
        prompt.append(date, style="bold")
        prompt.append(" ")
        prompt.append(marker, style="dim")
        prompt.append(" ")
        prompt.append(what)
        return prompt

    def select_event(self, index: int) -> None:
        if index in self.shown:
            self.option_list.highlighted = self.shown.index(index)
            self.chart.select_event(index)

    @on(OptionList.OptionSelected, "#event-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(EventChosen(int(event.option.id)))
