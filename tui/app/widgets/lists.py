"""The lists of the side panes: the motion keys every pane shares (j/k, g/G,
space/b), and a pane that is a one-line note above such a list."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.commands import motion_bindings


class PaneList(OptionList):
    """OptionList with vi-style motion keys."""

    BINDINGS = motion_bindings("list")


L = TypeVar("L", bound=PaneList)


class ListPane(Vertical, Generic[L], can_focus=False):
    """A side pane: a note (hidden when empty) above a list of the subclass's rows."""

    DEFAULT_CLASSES = "pane"
    TITLE: ClassVar[str] = ""
    LIST: ClassVar[type[PaneList]] = PaneList
    NOTE_ID: ClassVar[str] = ""
    LIST_ID: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        yield Static("", id=self.NOTE_ID)
        yield self.LIST(id=self.LIST_ID)

    def on_mount(self) -> None:
        self.border_title = self.TITLE

    @property
    def option_list(self) -> L:
        # LIST is the subclass's L (a class variable cannot name a type variable).
        return cast(L, self.query_one(f"#{self.LIST_ID}", self.LIST))

    def set_note(self, note: str) -> None:
        label = self.query_one(f"#{self.NOTE_ID}", Static)
        label.update(Text(note, style="italic"))
        label.display = bool(note)

    def show_message(self, message: str) -> None:
        """Only a message where the rows would be (the analysis failed)."""
        self.clear_rows()
        self.set_note("")
        self.option_list.set_options([Option(Text(message, style="italic"), disabled=True)])

    def clear_rows(self) -> None:
        """Forget what the rows stood for (a subclass keeps its own data)."""
