"""The error panel: what went wrong, in one line, never a traceback."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ErrorScreen(ModalScreen[None]):
    """Shows an error; escape closes it, q quits."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(Text(self.message), id="error-message")
            yield Static(Text("esc to close · q to quit", style="dim"))

    def on_mount(self) -> None:
        box = self.query_one("#error-box")
        box.border_title = Text(self.title_text)
