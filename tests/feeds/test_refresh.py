"""Refreshing feeds against a local server: whole articles, conditional GET,
and each way a feed can fail told in one line while the others refresh."""

from __future__ import annotations

from tests.feeds.conftest import ETAG, MODIFIED, Server
from tui.feeds.lists import Subscription
from tui.feeds.refresh import analyze_pending, item_raw, refresh
from tui.feeds.store import FeedStore, link_key
from tui.options import Options
from tui.pipeline import build_article


def subscribe(store: FeedStore, server: Server, *paths: str) -> None:
    for path in paths:
        store.add_feed(Subscription(server.url(path)))


def by_title(store: FeedStore) -> dict[str, int]:
    return {row.title or "": row.id for row in store.items()}


def test_summary_items_come_back_with_the_whole_page(server: Server) -> None:
    store = FeedStore()
    subscribe(store, server, "/rss.xml")
    [result] = refresh(store)
    assert (result.new, result.pages, result.error) == (2, 2, None)
    items = store.items()
    assert {i.source for i in items} == {"page"}
    walkout = by_title(store)["Dock workers in Rotterdam walk out over automation plan"]
    article = build_article(item_raw(store, walkout))
    text = article.stories[0].text
    # The page's paragraphs, not the feed's one-line summary; its menus gone.
    assert "Maasvlakte gates" in text and "resume on Monday" in text
    assert "A short summary" not in text and "Most read" not in text
    assert article.metadata.date == "2026-11-20"


def test_full_content_items_are_not_fetched_again(server: Server) -> None:
    store = FeedStore()
    subscribe(store, server, "/atom.xml")
    [result] = refresh(store)
    assert (result.new, result.pages) == (1, 0)
    assert server.seen("/articles/a3.html") == []  # the feed carried the whole article
    [item] = store.items()
    assert item.source == "feed" and item.published == "2026-11-27"
    article = build_article(item_raw(store, item.id))
    assert article.title == "Rotterdam port strike ends after overnight talks"
    assert "vote next week" in article.stories[0].text


def test_json_feed_and_a_missing_page_keep_the_summary_with_the_reason(server: Server) -> None:
    store = FeedStore()
    subscribe(store, server, "/feed.json")
    [result] = refresh(store)
    assert result.new == 2
    rows = {row.guid: row for row in store.items()}
    assert rows["q1"].source == "page" and rows["q1"].published == "2026-11-24"
    assert rows["q2"].source == "summary"
    assert rows["q2"].note is not None and "404" in rows["q2"].note
    article = build_article(item_raw(store, rows["q2"].id))
    assert "Only this short summary survives." in article.stories[0].text


def test_a_second_refresh_is_conditional_and_handles_304(server: Server) -> None:
    store = FeedStore()
    subscribe(store, server, "/rss.xml", "/atom.xml")
    refresh(store)
    again = refresh(store)
    assert [r.not_modified for r in again] == [True, True]
    assert server.seen("/rss.xml")[-1].get("if-none-match") == ETAG
    assert server.seen("/atom.xml")[-1].get("if-modified-since") == MODIFIED
    assert len(store.items()) == 3  # nothing stored twice


def test_each_failure_is_one_line_and_the_other_feeds_refresh(server: Server) -> None:
    store = FeedStore()
    subscribe(
        store, server, "/broken.xml", "/slow.xml", "/gone.xml", "/huge.xml", "/loop", "/rss.xml"
    )
    results = {r.url.removeprefix(server.base): r for r in refresh(store, timeout=3.0)}
    assert results["/rss.xml"].error is None and results["/rss.xml"].new == 2
    expected = {
        "/broken.xml": "not a feed",
        "/slow.xml": "did not answer in time",
        "/gone.xml": "404",
        "/huge.xml": "MB limit",
        "/loop": "too many redirects",
    }
    for path, words in expected.items():
        line = results[path].line()
        assert words in line and "\n" not in line, line
        assert line.startswith(server.url(path))
    stored = {f.url.removeprefix(server.base): f.error for f in store.feeds()}
    assert stored["/rss.xml"] is None and stored["/gone.xml"]


def test_analysis_indexes_entities_and_their_events_across_items(server: Server) -> None:
    store = FeedStore()
    # The JSON feed carries the Antwerp page too: one article under two feeds.
    subscribe(store, server, "/rss.xml", "/atom.xml", "/feed.json")
    refresh(store)
    outcomes = list(analyze_pending(store, Options(), jobs=1, cached=False))
    assert [error for _, error in outcomes] == [None] * 5
    assert store.pending() == []
    titles = by_title(store)
    end = titles["Rotterdam port strike ends after overnight talks"]
    counts = store.elsewhere_counts(end)
    analysis = store.analysis(end)
    assert analysis is not None
    leader = next(e for e in analysis.entities if e.name == "Ingrid Vestergaard")
    # Named in both other articles (the one two feeds carry counted once), whatever
    # type the model gave her in each.
    assert counts[link_key(leader.id)] == 2
    assert {t for _, t in store.others(leader.id, end)} == {
        "Dock workers in Rotterdam walk out over automation plan",
        "Antwerp dockers join Rotterdam strike as talks stall",
    }
    events = store.entity_timeline(leader.id)
    assert len({e.item for e in events}) >= 2
    dated = [e.sort for e in events if e.sort is not None]
    assert dated == sorted(dated)
    assert all(e.sentence and "Vestergaard" in e.sentence for e in events)
