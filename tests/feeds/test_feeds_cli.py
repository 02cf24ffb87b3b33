"""``lede feeds`` and ``lede analyze FEED_URL`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.feeds.conftest import Server
from tui.cli import main


def lede(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_add_finds_the_feed_a_page_names(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = lede(capsys, "feeds", "add", server.url("/site.html"), "--tag", "ports")
    assert status == 0
    assert f"subscribed to Harbour Wire: {server.url('/rss.xml')}" in out
    status, out, _ = lede(capsys, "feeds", "list")
    assert "0 unread of 0" in out and "[ports]" in out


def test_refresh_reads_and_analyses_then_list_counts_unread(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in ("/rss.xml", "/atom.xml"):
        assert lede(capsys, "feeds", "add", server.url(path))[0] == 0
    status, out, err = lede(capsys, "feeds", "refresh", "--jobs", "1", "--no-cache")
    assert status == 0, err
    assert "Harbour Wire: 2 new (2 read from their pages)" in out
    assert "Port Daily: 1 new" in out
    assert "3 new items; 3 analysed" in err
    _, out, _ = lede(capsys, "feeds", "list")
    assert "2 unread of 2" in out and "1 unread of 1" in out


def test_a_failing_feed_is_one_line_and_exit_status_one(
    server: Server, capsys: pytest.CaptureFixture[str], isolated_feeds: Path
) -> None:
    from tui.feeds.lists import Subscription
    from tui.feeds.store import FeedStore

    store = FeedStore()
    store.add_feed(Subscription(server.url("/gone.xml")))
    store.add_feed(Subscription(server.url("/rss.xml")))
    store.close()
    status, out, err = lede(capsys, "feeds", "refresh", "--no-analysis")
    assert status == 1
    assert [line for line in err.splitlines() if "404" in line] == [
        f"lede: {server.url('/gone.xml')}: the server answered 404 Not Found"
    ]
    assert "Harbour Wire: 2 new" in out


def test_import_export_and_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "urls"
    urls.write_text('https://example.org/a.xml news "~A"\nhttps://example.org/b.xml\n')
    assert lede(capsys, "feeds", "import", str(urls))[1] == f"imported 2 new feeds of 2 in {urls}\n"
    _, opml, _ = lede(capsys, "feeds", "export")
    assert 'xmlUrl="https://example.org/a.xml" category="news"' in opml
    assert lede(capsys, "feeds", "remove", "https://example.org/a.xml")[0] == 0
    _, out, _ = lede(capsys, "feeds", "list")
    assert "a.xml" not in out and "b.xml" in out
    status, _, err = lede(capsys, "feeds", "remove", "https://example.org/a.xml")
    assert status == 2 and err.startswith("lede: not subscribed to") and err.count("\n") == 1


def test_analyze_a_feed_url_prints_one_analysis_per_item(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = lede(capsys, "analyze", server.url("/rss.xml"), "--json", "--no-cache")
    assert status == 0, err
    analyses = [json.loads(line) for line in out.splitlines()]
    assert [a["title"] for a in analyses] == [
        "Dock workers in Rotterdam walk out over automation plan",
        "Antwerp dockers join Rotterdam strike as talks stall",
    ]
    # Each from the whole page, not the feed's summary.
    assert all("short summary" not in json.dumps(a) for a in analyses)
    assert all(a["entities"] for a in analyses)
