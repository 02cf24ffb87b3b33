"""An OptionList with the motion keys every pane shares (j/k, g/G, space/b)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class PaneList(OptionList):
    """OptionList with vi-style motion keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]
