"""The help screen: every key, generated from the one list of commands."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.commands import COMMANDS, FEED_HELP, motion_bindings, motion_help


def help_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_row(Text("Anywhere", style="underline"), "")
    seen_story_keys = False
    for command in COMMANDS:
        if command.action.endswith("_pane"):
            continue  # among the keys every pane shares, below
        if command.action.startswith("go_story"):
            if not seen_story_keys:
                table.add_row("1 … 9", "Jump to story 1 … 9")
                seen_story_keys = True
            continue
        table.add_row(command.key_display, command.description)
    table.add_row("", "")
    table.add_row(Text("In every pane", style="underline"), "")
    for command in COMMANDS:
        if command.action.endswith("_pane"):
            table.add_row(command.key_display, command.description)
    for keys, description in motion_help():
        table.add_row(keys, description)
    table.add_row("enter", "Select the entity or event under the cursor")
    table.add_row("", "")
    table.add_row(Text("The feed library (lede feeds)", style="underline"), "")
    for keys, description in FEED_HELP:
        table.add_row(keys, description)
    table.add_row("", "")
    table.add_row(Text("Mouse", style="underline"), "")
    table.add_row("click", "A story tab, an entity or an event: same as enter")
    table.add_row("ctrl+p", "The command palette: every command by name")
    return table


class HelpBox(VerticalScroll):
    """The keys, scrolled with the same motion keys as the article."""

    BINDINGS = motion_bindings("scroll")


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape, q or ? closes it; j/k, space/b, g/G scroll it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", key_display="esc")]

    def compose(self) -> ComposeResult:
        with HelpBox(id="help-box"):
            yield Static(help_table(), id="help-text")

    def on_mount(self) -> None:
        box = self.query_one("#help-box", HelpBox)
        box.border_title = "lede — keys"
        box.border_subtitle = "j/k scroll · esc to close"
        box.focus()
