"""What the feed library lists: feeds grouped by tag with unread counts, items
filtered by what a person types. Plain data; the screens draw it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.feeds.store import FeedRow, ItemRow
from tui.reading.counts import counted


@dataclass(frozen=True, slots=True)
class ShelfRow:
    """A row of the feed library: every item, a tag's feeds, or one feed."""

    kind: Literal["all", "tag", "feed"]
    key: str | None  # the tag, or the feed's URL
    label: str
    unread: int
    total: int
    depth: int = 0
    error: str | None = None


def shelf_rows(feeds: list[FeedRow]) -> list[ShelfRow]:
    """All items first; then each tag (in the order first used) with its feeds under
    it; then the feeds with no tag. A feed with two tags is under both."""
    rows = [
        ShelfRow(
            "all", None, "All items", sum(f.unread for f in feeds), sum(f.items for f in feeds)
        )
    ]
    tags = list(dict.fromkeys(tag for f in feeds for tag in f.tags))
    for tag in tags:
        tagged = [f for f in feeds if tag in f.tags]
        rows.append(
            ShelfRow("tag", tag, tag, sum(f.unread for f in tagged), sum(f.items for f in tagged))
        )
        rows += [_feed_row(f, 1) for f in tagged]
    rows += [_feed_row(f, 0) for f in feeds if not f.tags]
    return rows


def _feed_row(feed: FeedRow, depth: int) -> ShelfRow:
    return ShelfRow("feed", feed.url, feed.name, feed.unread, feed.items, depth, feed.error)


def item_matches(item: ItemRow, query: str) -> bool:
    """Every word of the query is in the item's title, site or date (any case)."""
    haystack = " ".join(filter(None, (item.title, item.site, item.published, item.link)))
    haystack = haystack.casefold()
    return all(word in haystack for word in query.casefold().split())


SOURCE_WORDS = {
    "feed": "from the feed",
    "page": "from its page",
    "summary": "summary only",
}


def item_status(item: ItemRow) -> str:
    """Where the text came from and how far its analysis is, in words."""
    source = SOURCE_WORDS.get(item.source, item.source)
    if item.error:
        return f"{source} · analysis failed"
    if not item.analysed:
        return f"{source} · analysing…"
    return f"{source} · {counted(item.entities or 0, 'entity')}"
