"""The story switcher: the main story, then each embedded story, by title."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import Tab, Tabs

from tui.app.messages import StoryChosen
from tui.model import Story


def story_tab_label(number: int, story: Story) -> Content:
    title = story.title or "untitled"
    if len(title) > 60:
        title = title[:59] + "…"
    kind = "Main story" if story.kind == "main" else f"Embedded: {title}"
    # Content, not a str: a story title is never read as markup.
    return Content(f"{number} {kind}")


class StoryBar(Tabs, can_focus=False):
    """Tabs for the stories; ``[``/``]`` and 1–9 switch from anywhere."""

    def set_stories(self, stories: list[Story]) -> None:
        self.clear()
        for number, story in enumerate(stories, start=1):
            self.add_tab(Tab(story_tab_label(number, story), id=f"story-{number - 1}"))

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
