"""A short list to choose from over the reader: enter chooses, esc closes.

"Other articles naming an entity" and "which entity types to show" are both
this screen with other rows.
"""

from __future__ import annotations

from typing import Generic, TypeVar

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

T = TypeVar("T")


class ChoiceScreen(ModalScreen[T | None], Generic[T]):
    """Pick one row; the screen returns its value (None when closed)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, title: str, rows: list[tuple[str, T]], highlighted: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows
        self.highlighted = highlighted

    def compose(self) -> ComposeResult:
        with Vertical(classes="choice-box"):
            yield PaneList(
                *(
                    # One row each, cut with "…" (a long address must not fill the box).
                    Option(Text(label, no_wrap=True, overflow="ellipsis"), id=str(i))
                    for i, (label, _) in enumerate(self.rows)
                ),
                classes="choice-list",
            )

    def on_mount(self) -> None:
        box = self.query_one(".choice-box")
        box.border_title = Content(self.title_text)
        box.border_subtitle = Content("enter chooses · esc closes")
        listing = self.query_one(".choice-list", PaneList)
        listing.highlighted = self.highlighted
        listing.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.rows[int(event.option.id or 0)][1])
