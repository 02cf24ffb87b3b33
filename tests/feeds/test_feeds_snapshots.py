"""Snapshots of the feed library: the feeds, a list of items, an entity across
articles. Read each as a picture before accepting it (``--snapshot-update``)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.feeds.conftest import Server
from tui.app.app import LedeApp
from tui.feeds.lists import Subscription
from tui.feeds.refresh import analyze_pending, refresh
from tui.feeds.store import FeedStore
from tui.options import Options


def stocked(server: Server) -> Path:
    store = FeedStore()
    store.add_feed(Subscription(server.url("/rss.xml"), None, ("ports",)))
    store.add_feed(Subscription(server.url("/feed.json"), None, ("ports",)))
    store.add_feed(Subscription(server.url("/atom.xml")))
    refresh(store)
    list(analyze_pending(store, Options(), jobs=1))
    store.set_read([store.items()[-1].id])  # the oldest has been read
    path = store.path
    store.close()
    return path


async def _settled(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_feed_library(snap_compare, server: Server) -> None:
    app = LedeApp("feeds:", feeds=stocked(server))
    assert snap_compare(app, terminal_size=(100, 16), run_before=_settled)


def test_feed_items_80x24(snap_compare, server: Server) -> None:
    app = LedeApp("feeds:", feeds=stocked(server))
    assert snap_compare(app, press=["enter"], terminal_size=(80, 24), run_before=_settled)
