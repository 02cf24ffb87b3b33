"""An entity across articles: every dated event that names it, from every
stored article, in time order; enter opens the article at that sentence.

Story tracking: what a reader following a person or a place across a week
of news would otherwise assemble by hand.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.lists import PaneList
from tui.feeds.store import EventRow
from tui.reading.counts import counted


class AcrossScreen(ModalScreen[EventRow | None]):
    """The events naming one entity, each with its article's title and its sentence."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, name: str, events: list[EventRow]) -> None:
        super().__init__()
        self.entity_name = name
        self.events = events

    def compose(self) -> ComposeResult:
        with Vertical(classes="choice-box across-box"):
            yield PaneList(
                *(Option(self._prompt(e), id=str(i)) for i, e in enumerate(self.events)),
                classes="across-list",
            )

    @staticmethod
    def _prompt(event: EventRow) -> Text:
        text = Text()
        text.append(f"{event.label}", style="bold")
        text.append(f"  {event.item_title}\n", style="italic")
        sentence = event.sentence if len(event.sentence) <= 300 else event.sentence[:299] + "…"
        text.append(f"  {sentence}", style="dim")
        return text

    def on_mount(self) -> None:
        box = self.query_one(".choice-box")
        articles = len({e.item for e in self.events})
        box.border_title = Content(
            f"{self.entity_name} across {counted(articles, 'article')}: "
            f"{counted(len(self.events), 'dated event')}"
        )
        box.border_subtitle = Content("enter opens the article at the sentence · esc closes")
        self.query_one(".across-list", PaneList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.events[int(event.option.id or 0)])
