"""Every command of the reader, declared once.

The screen's BINDINGS, the footer, the help screen and the command palette
are all generated from ``COMMANDS``, so none of them can drift from the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Command:
    """A key, the action it runs, and what a person is told it does."""

    keys: str  # Textual key names, comma-separated
    action: str
    description: str
    key_display: str
    footer: str = ""  # a short label shows the key in the footer
    palette: bool = True


COMMANDS: tuple[Command, ...] = (
    Command("question_mark", "help", "Show every key", "?", footer="help"),
    Command("right_square_bracket", "next_story", "Next story", "]", footer="story"),
    Command("left_square_bracket", "previous_story", "Previous story", "["),
    *(
        Command(str(n), f"go_story({n})", f"Jump to story {n}", str(n), palette=False)
        for n in range(1, 10)
    ),
    Command("slash", "search", "Search the article", "/", footer="search"),
    Command("n", "next_match", "Next mention or search match", "n"),
    Command("N", "previous_match", "Previous mention or search match", "N"),
    Command("e", "focus_pane('entities')", "Go to the entities pane", "e"),
    Command("t", "focus_pane('timeline')", "Go to the timeline pane", "t"),
    Command("f", "filter_types", "Filter entity types (cycle)", "f"),
    Command("a", "show_all_events", "Show all timeline events again", "a"),
    Command("r", "toggle_removed", "Show or hide the removed blocks", "r"),
    Command("d", "set_date", "Set the publication date", "d"),
    Command("y", "copy_sentence", "Copy the current sentence", "y"),
    Command("escape", "clear", "Clear the selection and return to the article", "esc"),
    Command("o", "other_articles", "Other articles of the folder naming the entity", "o"),
    Command("backspace", "app.back", "Back to the folder's list of articles", "backspace"),
    Command("q", "app.quit", "Quit", "q", footer="quit"),
)

# Keys every pane shares (bound on the panes themselves).
PANE_KEYS: tuple[tuple[str, str], ...] = (
    ("tab / shift+tab", "Next / previous pane"),
    ("j / k, ↓ / ↑", "Down / up a line (or a row)"),
    ("space / b", "Down / up a page"),
    ("g / G", "Top / bottom"),
    ("enter", "Select the entity or event under the cursor"),
)


def bindings() -> list[Binding]:
    """The screen's bindings, from the command list."""
    return [
        Binding(
            c.keys,
            c.action,
            c.footer or c.description,
            show=bool(c.footer),
            key_display=c.key_display,
            tooltip=c.description,
        )
        for c in COMMANDS
    ]
