"""An OptionList with the motion keys every pane shares (j/k, g/G, space/b)."""

from __future__ import annotations

from textual.widgets import OptionList

from tui.app.commands import motion_bindings


class PaneList(OptionList):
    """OptionList with vi-style motion keys."""

    BINDINGS = motion_bindings("list")
