"""The date dialog: give the publication date, and the timeline re-normalises."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class DateScreen(ModalScreen[str | None]):
    """Asks for YYYY-MM-DD; enter applies, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="date-box"):
            yield Static(Text("Publication date (YYYY-MM-DD):"))
            yield Input(value=self.current or "", placeholder="2018-04-10", id="date-input")
            yield Static("", id="date-error")

    def on_mount(self) -> None:
        self.query_one("#date-box").border_title = "Set the date"

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        try:
            self.dismiss(date.fromisoformat(value).isoformat())
        except ValueError:
            self.query_one("#date-error", Static).update(
                Text(f"'{value}' is not a date like 2018-04-10", style="bold")
            )

    def action_cancel(self) -> None:
        self.dismiss(None)
