"""Subscription lists in and out, and a feeds database that survives damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.errors import LedeError
from tui.feeds.lists import Subscription, read_list, write_opml
from tui.feeds.store import FeedStore

NEWSBOAT = """\
# my feeds
https://example.org/world.xml world "~World news"
https://example.org/tech.atom tech "long reads" !hidden
"query:Unread:unread = \\"yes\\""
exec:~/bin/make-feed
https://example.net/blog.json
"""

OPML = """<?xml version="1.0"?>
<opml version="1.0"><head><title>Exported</title></head><body>
  <outline text="News">
    <outline type="rss" text="World" xmlUrl="https://example.org/world.xml"/>
    <outline type="rss" title="Markets" text="m" xmlUrl="https://example.org/markets.xml"
             category="/business,/daily"/>
  </outline>
  <outline type="rss" text="Blog" xmlUrl="https://example.net/blog.json"/>
</body></opml>
"""


def test_newsboat_urls_give_feeds_titles_and_tags_and_skip_what_is_not_a_feed() -> None:
    assert read_list(NEWSBOAT, "urls") == [
        Subscription("https://example.org/world.xml", "World news", ("world",)),
        Subscription("https://example.org/tech.atom", None, ("tech", "long reads")),
        Subscription("https://example.net/blog.json", None, ()),
    ]


def test_opml_folders_and_categories_become_tags() -> None:
    assert read_list(OPML, "feeds.opml") == [
        Subscription("https://example.org/world.xml", "World", ("News",)),
        Subscription("https://example.org/markets.xml", "Markets", ("News", "business", "daily")),
        Subscription("https://example.net/blog.json", "Blog", ()),
    ]


@pytest.mark.parametrize("text", [NEWSBOAT, OPML])
def test_export_then_import_gives_the_same_subscriptions(text: str) -> None:
    subscriptions = read_list(text, "in")
    assert read_list(write_opml(subscriptions), "out") == subscriptions


def test_a_broken_opml_file_is_one_line() -> None:
    with pytest.raises(LedeError, match=r"^x.opml: not a readable OPML file"):
        read_list("<opml><body><outline", "x.opml")


def test_the_store_keeps_read_state_and_merges_tags(tmp_path: Path) -> None:
    store = FeedStore(tmp_path / "f.sqlite3")
    assert store.add_feed(Subscription("https://a/feed", "A", ("news",)))
    assert not store.add_feed(Subscription("https://a/feed", None, ("daily",)))
    item = store.add_item(
        "https://a/feed",
        "g1",
        link=None,
        title="One",
        published="2026-11-01",
        site=None,
        body="<p>x</p>",
        kind="html",
        source="feed",
    )
    assert item is not None
    assert (
        store.add_item(
            "https://a/feed",
            "g1",
            link=None,
            title="One",
            published=None,
            site=None,
            body="",
            kind="html",
            source="feed",
        )
        is None
    )
    [feed] = store.feeds()
    assert (feed.tags, feed.items, feed.unread) == (("news", "daily"), 1, 1)
    store.set_read([item])
    assert store.feeds()[0].unread == 0
    assert FeedStore(tmp_path / "f.sqlite3").items()[0].read  # kept for next time


def test_a_damaged_database_is_rebuilt_from_what_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    store = FeedStore(path)
    store.add_feed(Subscription("https://a/feed", "A"))
    store.close()
    with path.open("r+b") as handle:  # scribble over the header
        handle.write(b"this is not a database at all" * 4)
    again = FeedStore(path)
    assert again.notice is not None and "damaged" in again.notice and "\n" not in again.notice
    assert again.feeds() == []  # nothing past a scribbled header can be read
    assert list(tmp_path.glob("f.sqlite3.damaged-*"))
    again.add_feed(Subscription("https://b/feed"))  # usable at once
    assert [f.url for f in again.feeds()] == ["https://b/feed"]


def test_a_store_damaged_in_the_middle_keeps_the_rows_it_can_still_read(tmp_path: Path) -> None:
    """One damaged page (the items table's) loses its rows; the feeds survive."""
    path = tmp_path / "f.sqlite3"
    store = FeedStore(path)
    for name in ("A", "B"):
        store.add_feed(Subscription(f"https://{name.lower()}/feed", name))
    for n in range(3):
        store.add_item(
            "https://a/feed",
            f"g{n}",
            link=None,
            title=f"Item {n}",
            published=None,
            site=None,
            body="text " * 50,
            kind="text",
            source="feed",
        )
    store.close()
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items'").fetchone()
    db.close()
    with path.open("r+b") as handle:  # pages count from one
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    again = FeedStore(path)
    assert again.notice is not None and "damaged" in again.notice
    assert [(f.url, f.title) for f in again.feeds()] == [
        ("https://a/feed", "A"),
        ("https://b/feed", "B"),
    ]
    assert again.items() == []
