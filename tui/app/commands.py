"""Every command and every motion key of the reader, declared once.

The screen's and the panes' BINDINGS, the footer, the help screen and the
command palette are all generated from ``COMMANDS`` and ``MOTIONS``, so none
of them can drift from the rest. Each has an id: a keymap (Textual's
``App.set_keymap``) rebinds a command by its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class Command:
    """A key, the action it runs, and what a person is told it does."""

    id: str  # stable: what a keymap names
    keys: str  # Textual key names, comma-separated
    action: str
    description: str
    key_display: str
    footer: str = ""  # a short label shows the key in the footer
    palette: bool = True
    priority: bool = False  # before any focused widget's own use of the key


# The feed library's keys (its screens bind them), for the help screen.
FEED_HELP = (
    ("enter", "Open the feed, the tag's items, or the item"),
    ("u", "Mark the item read or unread"),
    ("/", "Filter the items by words of the title, site or date (esc clears)"),
    ("R", "Refresh every feed, then analyse what is new"),
    ("backspace", "Back to the feeds, or from the article to its list"),
)


COMMANDS: tuple[Command, ...] = (
    Command("help", "question_mark", "help", "Show every key", "?", footer="help"),
    Command("next-story", "right_square_bracket", "next_story", "Next story", "]", footer="story"),
    Command("previous-story", "left_square_bracket", "previous_story", "Previous story", "["),
    *(
        Command(f"story-{n}", str(n), f"go_story({n})", f"Jump to story {n}", str(n), palette=False)
        for n in range(1, 10)
    ),
    Command("search", "slash", "search", "Search the article", "/", footer="search"),
    Command("next-match", "n", "next_match", "Next mention or search match", "n"),
    Command("previous-match", "N", "previous_match", "Previous mention or search match", "N"),
    Command("entities", "e", "focus_pane('entities')", "Go to the entities pane", "e"),
    Command("timeline", "t", "focus_pane('timeline')", "Go to the timeline pane", "t"),
    Command("filter-types", "f", "filter_types", "Filter entity types (cycle)", "f"),
    Command("all-events", "a", "show_all_events", "Show all timeline events again", "a"),
    Command("chart", "v", "toggle_chart", "Timeline as a list or drawn to scale", "v"),
    Command("removed", "r", "toggle_removed", "Show or hide the removed blocks", "r"),
    Command("set-date", "d", "set_date", "Set the publication date", "d"),
    Command("copy-sentence", "y", "copy_sentence", "Copy the current sentence", "y"),
    Command("links", "l", "show_links", "The article's links (enter opens one)", "l"),
    Command(
        "open-address", "O", "open_address", "Open the article's own address in the browser", "O"
    ),
    Command("edit", "E", "open_in_editor", "Open the cleaned article as Markdown in $EDITOR", "E"),
    Command("clear", "escape", "clear", "Clear the selection and return to the article", "esc"),
    Command(
        "other-articles",
        "o",
        "other_articles",
        "Other articles (of the folder or the feeds) naming the entity",
        "o",
    ),
    Command(
        "entity-across",
        "T",
        "entity_across",
        "The entity's dated events across every stored article",
        "T",
    ),
    Command("back", "backspace", "app.back", "Back to the list of articles", "backspace"),
    Command("quit", "q", "app.quit", "Quit", "q", footer="quit"),
    Command(
        "next-pane",
        "tab",
        "next_pane",
        "Next pane",
        "tab",
        footer="pane",
        palette=False,
        priority=True,
    ),
    Command(
        "previous-pane",
        "shift+tab",
        "previous_pane",
        "Previous pane",
        "shift+tab",
        palette=False,
        priority=True,
    ),
)


@dataclass(frozen=True, slots=True)
class Motion:
    """A movement key every pane shares; the article scrolls, a list moves its cursor."""

    id: str
    keys: str
    description: str
    scroll_action: str  # what the article view does
    list_action: str  # what an entity, event or article list does


MOTIONS: tuple[Motion, ...] = (
    Motion("down", "j,down", "Down a line (or a row)", "scroll_down", "cursor_down"),
    Motion("up", "k,up", "Up a line (or a row)", "scroll_up", "cursor_up"),
    Motion("page-down", "space,pagedown", "Down a page", "page_down", "page_down"),
    Motion("page-up", "b,pageup", "Up a page", "page_up", "page_up"),
    Motion("top", "g,home", "Top", "scroll_home", "first"),
    Motion("bottom", "G,end", "Bottom", "scroll_end", "last"),
)

# How the help screen pairs the motions: forward, back, what the pair does.
MOTION_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("down", "up", "Down / up a line (or a row)"),
    ("page-down", "page-up", "Down / up a page"),
    ("top", "bottom", "Top / bottom"),
)
KEY_SYMBOLS = {"down": "↓", "up": "↑", "pagedown": "pgdn", "pageup": "pgup"}


def motion_help() -> list[tuple[str, str]]:
    """The help's rows for the motions, keys from ``MOTIONS``: ("j / k, ↓ / ↑", …)."""
    motions = {m.id: m for m in MOTIONS}
    rows = []
    for forward, back, description in MOTION_PAIRS:
        pairs = zip(motions[forward].keys.split(","), motions[back].keys.split(","), strict=True)
        keys = ", ".join(f"{KEY_SYMBOLS.get(a, a)} / {KEY_SYMBOLS.get(b, b)}" for a, b in pairs)
        rows.append((keys, description))
    return rows


def bindings() -> list[BindingType]:
    """The main screen's bindings, from the command list."""
    return [
        Binding(
            c.keys,
            c.action,
            c.footer or c.description,
            show=bool(c.footer),
            key_display=c.key_display,
            priority=c.priority,
            tooltip=c.description,
            id=c.id,
        )
        for c in COMMANDS
    ]


def motion_bindings(widget: Literal["scroll", "list"]) -> list[BindingType]:
    """The motion keys of the article view (``scroll``) or of a pane's list."""
    return [
        Binding(
            m.keys,
            m.scroll_action if widget == "scroll" else m.list_action,
            m.description,
            show=False,
            id=f"{widget}-{m.id}",
        )
        for m in MOTIONS
    ]


# Each key of the command list, to its command (what a key would have done).
COMMAND_KEYS = {key: command for command in COMMANDS for key in command.keys.split(",")}


def parse_action(action: str) -> tuple[str, tuple[object, ...]]:
    """ "go_story(3)" → ("go_story", (3,)); "app.quit" → ("app.quit", ())."""
    name, _, rest = action.partition("(")
    if not rest:
        return name, ()
    argument = rest.rstrip(")").strip("'\"")
    return name, (int(argument) if argument.isdigit() else argument,)


def command_ids() -> list[str]:
    """Every id a keymap may rebind."""
    return [c.id for c in COMMANDS] + [f"{w}-{m.id}" for w in ("scroll", "list") for m in MOTIONS]
