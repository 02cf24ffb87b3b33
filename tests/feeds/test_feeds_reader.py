"""The feed library in the reader: feeds with unread counts, items, read state,
the filter, refreshing, and an entity followed across articles."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.app.helpers import until
from tests.feeds.conftest import Server
from tui.app.app import LedeApp
from tui.app.screens.across import AcrossScreen
from tui.app.screens.feeds import FeedsScreen, ItemsScreen
from tui.app.screens.main import MainScreen
from tui.feeds.lists import Subscription
from tui.feeds.refresh import analyze_pending, refresh
from tui.feeds.store import FeedStore
from tui.options import Options

WALKOUT = "Dock workers in Rotterdam walk out over automation plan"
ANTWERP = "Antwerp dockers join Rotterdam strike as talks stall"
ENDS = "Rotterdam port strike ends after overnight talks"


async def stocked(server: Server, analysed: bool = True) -> Path:
    """A feeds database with two feeds (one tagged) refreshed, and analysed (in a
    thread: the refresh runs its own event loop, as in the reader's worker)."""
    return await asyncio.to_thread(_stock, server, analysed)


def _stock(server: Server, analysed: bool) -> Path:
    store = FeedStore()
    store.add_feed(Subscription(server.url("/rss.xml"), None, ("ports",)))
    store.add_feed(Subscription(server.url("/atom.xml")))
    refresh(store)
    if analysed:
        list(analyze_pending(store, Options(), jobs=1))
    path = store.path
    store.close()
    return path


def rows(screen: FeedsScreen | ItemsScreen, list_id: str) -> list[str]:
    listing = screen.query_one(list_id)
    return [str(o.prompt) for o in listing.options]  # type: ignore[attr-defined]


async def test_feeds_then_items_then_the_article_and_read_state(server: Server) -> None:
    app = LedeApp("feeds:", feeds=await stocked(server))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        shown = rows(screen, "#feeds-list")
        assert shown[0].startswith("All items") and "3 unread of 3" in shown[0]
        assert shown[1].startswith("ports") and "2 unread of 2" in shown[1]
        assert shown[2].strip().startswith("Harbour Wire")  # under its tag, indented
        assert shown[3].startswith("Port Daily") and "1 unread of 1" in shown[3]
        await pilot.press("j", "j", "enter")  # Harbour Wire
        await pilot.pause()
        items = app.screen
        assert isinstance(items, ItemsScreen)
        listed = rows(items, "#items-list")
        assert [r.startswith("●") for r in listed] == [True, True]
        assert ANTWERP in listed[0] and WALKOUT in listed[1]  # newest first
        assert "from its page" in listed[0] and "entities" in listed[0]
        await pilot.press("j", "enter")
        await until(
            pilot, lambda: isinstance(app.screen, MainScreen) and app.analysis, "the item analysed"
        )
        main = app.screen
        assert isinstance(main, MainScreen) and main.article is not None
        assert main.article.title == WALKOUT
        assert "Maasvlakte gates" in main.article.stories[0].text
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is items, app.screen_stack
        listed = rows(items, "#items-list")
        assert listed[1].startswith("  ") and listed[0].startswith("●")  # read now
        await pilot.press("u")  # the highlighted one, back to unread
        await pilot.pause()
        assert rows(items, "#items-list")[1].startswith("●")
        await pilot.press("backspace")
        await pilot.pause()
        assert "3 unread of 3" in rows(app.screen, "#feeds-list")[0]  # type: ignore[arg-type]


async def test_slash_filters_the_items(server: Server) -> None:
    app = LedeApp("feeds:", feeds=await stocked(server, analysed=False))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")  # all items
        await pilot.pause()
        items = app.screen
        assert isinstance(items, ItemsScreen)
        assert len(items.items) == 3
        await pilot.press("slash", *"antwerp")
        await pilot.pause()
        assert [i.title for i in items.items] == [ANTWERP]
        assert "filter: antwerp" in str(items.listing.border_title)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert len(items.items) == 3


async def test_an_entity_followed_across_articles(server: Server) -> None:
    app = LedeApp("feeds:", feeds=await stocked(server))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("enter")  # all items: the newest is the strike's end
        await pilot.pause()
        await pilot.press("enter")
        await until(
            pilot, lambda: isinstance(app.screen, MainScreen) and app.analysis, "the item analysed"
        )
        main = app.screen
        assert isinstance(main, MainScreen) and main.article is not None
        assert main.article.title == ENDS
        leader = next(e for e in main.analysis.entities if e.name == "Ingrid Vestergaard")  # type: ignore[union-attr]
        # "also in 2 articles": both other articles name her.
        assert main.entities_pane.elsewhere.get(leader.id) == 2
        main.select_entity(leader.id)
        await pilot.press("T")
        await pilot.pause()
        across = app.screen
        assert isinstance(across, AcrossScreen)
        titles = {e.item_title for e in across.events}
        assert {ENDS, ANTWERP} <= titles
        sorts = [e.sort for e in across.events if e.sort is not None]
        assert sorts == sorted(sorts)
        first = across.events[0]
        index = [e.item_title for e in across.events].index(ANTWERP)
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("enter")
        await until(
            pilot,
            lambda: (
                isinstance(app.screen, MainScreen)
                and app.analysis
                and app.screen.selected_event is not None
            ),
            "the other item open at the event",
        )
        opened = app.screen
        assert isinstance(opened, MainScreen) and opened.article is not None
        assert opened.article.title == ANTWERP
        event = opened.analysis.timeline[opened.selected_event]  # type: ignore[union-attr,index]
        assert "Vestergaard" in event.sentence
        assert first.sort is not None


async def test_r_refreshes_and_new_items_appear(server: Server) -> None:
    store = FeedStore()
    store.add_feed(Subscription(server.url("/rss.xml")))
    store.add_feed(Subscription(server.url("/gone.xml")))
    path = store.path
    store.close()
    app = LedeApp("feeds:", feeds=path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert "0 unread of 0" in rows(screen, "#feeds-list")[0]
        await pilot.press("R")
        await until(
            pilot, lambda: "2 unread of 2" in rows(screen, "#feeds-list")[0], "2 unread of 2"
        )
        gone = next(r for r in rows(screen, "#feeds-list") if "gone.xml" in r)
        assert "404" in gone


async def test_an_item_not_analysed_yet_opens_at_once_and_its_analysis_is_kept(
    server: Server,
) -> None:
    path = await stocked(server, analysed=False)
    app = LedeApp("feeds:", feeds=path)
    async with app.run_test(size=(120, 30)) as pilot:
        app.workers.cancel_group(app, "feed-analysis")  # this test opens one itself
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the newest
        await until(
            pilot, lambda: isinstance(app.screen, MainScreen) and app.article, "the item open"
        )
        await until(pilot, lambda: app.analysis is not None, "its analysis")
        assert app.current_item is not None
        stored = FeedStore(path).item(app.current_item)
        assert stored is not None and stored.analysed and stored.read


async def test_a_summary_only_item_says_why(server: Server) -> None:
    from tests.app.helpers import capture_notices

    store = FeedStore()
    store.add_feed(Subscription(server.url("/feed.json")))
    await asyncio.to_thread(refresh, store)
    path = store.path
    store.close()
    app = LedeApp("feeds:", feeds=path)
    async with app.run_test(size=(120, 30)) as pilot:
        notices = capture_notices(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the newest: the page that is gone
        await until(
            pilot, lambda: isinstance(app.screen, MainScreen) and app.article, "the item open"
        )
        assert any(n.startswith("Only the feed's summary") and "404" in n for n in notices)


def test_a_refresh_and_a_reader_share_the_database(server: Server) -> None:
    """WAL: a refresh writes while a reader holds a read open, and neither waits.

    Without WAL the writer would wait on the reader's lock until the busy
    timeout and fail; with it the reader keeps its snapshot until it ends.
    """
    writer = FeedStore()
    writer.add_feed(Subscription(server.url("/rss.xml")))
    writer.add_feed(Subscription(server.url("/atom.xml")))
    reader = FeedStore(writer.path)
    reader.db.execute("BEGIN")
    assert reader.db.execute("SELECT count(*) FROM items").fetchone() == (0,)
    refresh(writer)  # while the read is open
    assert reader.db.execute("SELECT count(*) FROM items").fetchone() == (0,)  # its snapshot
    reader.db.execute("COMMIT")
    assert len(reader.items()) == 3
