"""The feed library: feeds (grouped by tag, with unread counts), then a feed's
items, then the article. Rows are redrawn from the store whenever a refresh
or an analysis reports, so counts and states are never stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.lists import PaneList
from tui.feeds.store import FeedStore, ItemRow
from tui.reading.feeds import ShelfRow, item_matches, item_status, shelf_rows

if TYPE_CHECKING:
    from tui.app.app import LedeApp

REFRESH = Binding("R", "app.refresh_feeds", "refresh", key_display="R", id="refresh-feeds")
QUIT = Binding("q", "app.quit", "quit", key_display="q")
HELP = Binding("question_mark", "app.help", "help", key_display="?")


class FeedsScreen(Screen[None]):
    """Every feed, under its tags, with how many items are unread."""

    BINDINGS = [REFRESH, HELP, QUIT]

    def __init__(self, store: FeedStore) -> None:
        super().__init__()
        self.store = store
        self.rows: list[ShelfRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield PaneList(id="feeds-list")
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one("#feeds-list", PaneList)
        listing.border_subtitle = Content("enter opens · R refreshes · q quits")
        self.redraw()
        listing.focus()

    def on_screen_resume(self) -> None:
        self.redraw()

    def redraw(self, status: str | None = None) -> None:
        listing = self.query_one("#feeds-list", PaneList)
        feeds = self.store.feeds()
        self.rows = shelf_rows(feeds)
        keep = listing.highlighted
        listing.set_options(
            [Option(self._prompt(row), id=str(i)) for i, row in enumerate(self.rows)]
        )
        listing.highlighted = min(keep or 0, len(self.rows) - 1)
        title = f"Feeds — {len(feeds)} feeds, {self.rows[0].unread} unread"
        listing.border_title = Content(f"{title} · {status}" if status else title)

    @staticmethod
    def _prompt(row: ShelfRow) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("  " * row.depth)
        style = "bold" if row.unread else ""
        if row.kind == "tag":
            style += " italic"
        text.append(row.label, style=style.strip())
        text.append(f"  {row.unread} unread of {row.total}", style="dim")
        if row.error:
            text.append(f"  {row.error}", style="italic")
        return text

    @on(OptionList.OptionSelected, "#feeds-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        row = self.rows[int(event.option.id or 0)]
        title = row.label if row.kind != "all" else "All items"
        screen = ItemsScreen(
            self.store,
            title,
            feed=row.key if row.kind == "feed" else None,
            tag=row.key if row.kind == "tag" else None,
        )
        self.app.push_screen(screen)


class ItemsScreen(Screen[None]):
    """A feed's items (or a tag's, or all), newest first: unread ones marked."""

    BINDINGS = [
        Binding("u", "toggle_read", "read/unread", key_display="u", id="toggle-read"),
        Binding("slash", "filter", "filter", key_display="/", id="filter-items"),
        Binding("escape", "clear_filter", "clear filter", show=False),
        Binding("backspace", "back", "back", key_display="backspace", id="back-to-feeds"),
        REFRESH,
        HELP,
        QUIT,
    ]

    def __init__(
        self, store: FeedStore, title: str, feed: str | None = None, tag: str | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.title_text = title
        self.feed = feed
        self.tag = tag
        self.items: list[ItemRow] = []
        self.filter_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter by words of the title, site or date", id="items-filter")
        yield PaneList(id="items-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#items-filter", Input).display = False
        listing = self.query_one("#items-list", PaneList)
        listing.border_subtitle = Content("enter reads · u read/unread · / filter · backspace")
        self.redraw()
        listing.focus()

    def on_screen_resume(self) -> None:
        self.redraw()

    @property
    def listing(self) -> PaneList:
        return self.query_one("#items-list", PaneList)

    def redraw(self) -> None:
        every = self.store.items(self.feed, self.tag)
        self.items = [i for i in every if item_matches(i, self.filter_text)]
        listing = self.listing
        keep = listing.highlighted
        listing.set_options(
            [Option(self._prompt(item), id=str(item.id)) for item in self.items]
            or [
                Option(
                    Text("No items" + (" match" if self.filter_text else ""), style="italic"),
                    disabled=True,
                )
            ]
        )
        if self.items:
            listing.highlighted = min(keep or 0, len(self.items) - 1)
        unread = sum(not i.read for i in every)
        shown = f"{len(self.items)} of {len(every)}" if self.filter_text else f"{len(every)}"
        filtered = f" · filter: {self.filter_text}" if self.filter_text else ""
        listing.border_title = Content(
            f"{self.title_text} — {shown} items, {unread} unread{filtered}"
        )

    @staticmethod
    def _prompt(item: ItemRow) -> Text:
        """One line, as newsboat lays it out: unread mark, date, title, then the rest
        (cut with "…" at the edge, never wrapped)."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("● " if not item.read else "  ", style="bold")
        text.append(f"{item.published or 'no date':<10}  ", style="dim")
        title = item.title or item.link or item.guid
        text.append(title, style="" if item.read else "bold")
        text.append(f"  {item.site or ''} · {item_status(item)}", style="italic dim")
        return text

    def highlighted_item(self) -> ItemRow | None:
        index = self.listing.highlighted
        if index is None or not self.items:
            return None
        return self.items[index]

    def action_toggle_read(self) -> None:
        item = self.highlighted_item()
        if item is None:
            return
        self.store.set_read([item.id], not item.read)
        self.redraw()
        self.notify(f"Marked {'unread' if item.read else 'read'}", timeout=2)

    def action_filter(self) -> None:
        box = self.query_one("#items-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#items-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self.redraw()

    @on(Input.Submitted, "#items-filter")
    def _filter_done(self) -> None:
        self.listing.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#items-filter", Input)
        box.value = ""
        box.display = False
        self.filter_text = ""
        self.redraw()
        self.listing.focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(OptionList.OptionSelected, "#items-list")
    async def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        await cast("LedeApp", self.app).open_item(int(event.option.id))
