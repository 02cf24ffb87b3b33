"""The other articles of the library in which an entity appears."""

from __future__ import annotations

from pathlib import Path

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


class OtherArticlesScreen(ModalScreen[Path | None]):
    """Pick one of the other articles naming an entity; enter opens it."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, name: str, articles: list[tuple[Path, str]]) -> None:
        super().__init__()
        self.entity_name = name
        self.articles = articles

    def compose(self) -> ComposeResult:
        with Vertical(id="others-box"):
            yield PaneList(
                *(Option(Text(title), id=str(i)) for i, (_, title) in enumerate(self.articles)),
                id="others-list",
            )

    def on_mount(self) -> None:
        box = self.query_one("#others-box")
        box.border_title = Content(f"Other articles naming {self.entity_name}")
        box.border_subtitle = Content("enter opens · esc closes")
        self.query_one("#others-list").focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.articles[int(event.option.id or 0)][0])
