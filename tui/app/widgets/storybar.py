"""The story switcher: the main story, then each embedded story, by title."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import Tab, Tabs

from tui.app.messages import StoryChosen
from tui.model import Story

# The longest title a tab shows; narrower terminals share what is left between tabs.
MAX_TITLE = 60
MIN_TITLE = 12


def story_tab_label(number: int, story: Story, room: int = MAX_TITLE) -> Content:
    title = story.title or "untitled"
    if len(title) > room:
        title = title[: room - 1] + "…"
    kind = "Main story" if story.kind == "main" else f"Embedded: {title}"
    # Content, not a str: a story title is never read as markup.
    return Content(f"{number} {kind}")


def title_room(width: int, stories: list[Story]) -> int:
    """How long each embedded story's title may be for every tab to fit ``width``."""
    embedded = sum(1 for s in stories if s.kind == "embedded")
    if not embedded:
        return MAX_TITLE
    # Each tab has its number, "Embedded: " and padding; the main tab about 16 cells.
    share = (width - 16 * (len(stories) - embedded)) // embedded - 16
    return max(MIN_TITLE, min(MAX_TITLE, share))


class StoryBar(Tabs, can_focus=False):
    """Tabs for the stories; ``[``/``]`` and 1–9 switch from anywhere."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stories: list[Story] = []
        self._room = MAX_TITLE

    def set_stories(self, stories: list[Story]) -> None:
        self.clear()
        self.stories = stories
        self._room = title_room(self.size.width or 160, stories)
        for number, story in enumerate(stories, start=1):
            label = story_tab_label(number, story, self._room)
            self.add_tab(Tab(label, id=f"story-{number - 1}"))

    def on_resize(self) -> None:
        room = title_room(self.size.width, self.stories)
        if room == self._room:
            return
        self._room = room
        for number, story in enumerate(self.stories, start=1):
            for tab in self.query(f"#tabs-list > #story-{number - 1}").results(Tab):
                tab.label = story_tab_label(number, story, room)

    def select(self, index: int) -> None:
        tab_id = f"story-{index}"
        if not self.query(f"#tabs-list > #{tab_id}"):
            # Tabs mount asynchronously: try again once they are there.
            self.call_after_refresh(self.select, index)
            return
        if self.active != tab_id:
            with self.prevent(Tabs.TabActivated):
                self.active = tab_id

    @on(Tabs.TabActivated)
    def _activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab and event.tab.id:
            self.post_message(StoryChosen(int(event.tab.id.rsplit("-", 1)[-1])))
