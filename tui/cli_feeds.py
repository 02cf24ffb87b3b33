"""``lede feeds``: subscribe, import and export lists, refresh, and open the
feed library in the reader (with no command).

lede feeds                     the feed library in the reader
lede feeds add URL [--tag T]   a feed, or a site's page that names its feed
lede feeds import FILE         OPML, or newsboat's urls file (with its tags)
lede feeds export              OPML on stdout
lede feeds list | remove URL | refresh
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.errors import LedeError

if TYPE_CHECKING:
    from tui.feeds.store import FeedStore

# What the reader names as its source when it opens the feed library.
FEEDS_SOURCE = "feeds:"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lede feeds",
        description="Follow feeds and read every item as the whole article. With no "
        "command, open the feed library in the reader.",
        epilog="The feeds live in one SQLite file in the user data folder "
        "($LEDE_DATA_DIR overrides it).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add = commands.add_parser("add", help="subscribe to a feed (or the feed a page names)")
    add.add_argument("url")
    add.add_argument("--tag", action="append", default=[], help="a tag to group it by")
    add.add_argument("--title", help="the name to show (default: the feed's own)")
    imports = commands.add_parser("import", help="subscribe to an OPML or newsboat urls list")
    imports.add_argument("file", type=Path)
    commands.add_parser("export", help="print the subscriptions as OPML")
    commands.add_parser("list", help="the subscriptions, with unread counts")
    remove = commands.add_parser("remove", help="unsubscribe (its items go too)")
    remove.add_argument("url")
    refresh = commands.add_parser("refresh", help="fetch every feed and read its new items")
    refresh.add_argument(
        "--no-analysis", action="store_true", help="fetch only; analyse when opened"
    )
    refresh.add_argument(
        "--jobs", type=int, default=2, metavar="N", help="analyse in N processes (default: 2)"
    )
    refresh.add_argument(
        "--timeout", type=float, default=15.0, metavar="S", help="seconds to wait for a server"
    )
    refresh.add_argument("--no-cache", action="store_true", help="do not use the analysis cache")
    return parser


def feeds(argv: Sequence[str]) -> int:
    from tui.feeds.store import FeedStore

    args = _parser().parse_args(list(argv))
    store = FeedStore()
    if store.notice:
        print(f"lede: {store.notice}", file=sys.stderr)
    try:
        if args.command is None:
            return _reader(store)
        handler = {
            "add": _add,
            "import": _import,
            "export": _export,
            "list": _list,
            "remove": _remove,
            "refresh": _refresh,
        }[args.command]
        return handler(store, args)
    finally:
        store.close()


def _add(store: FeedStore, args: argparse.Namespace) -> int:
    from tui.feeds.lists import Subscription
    from tui.feeds.refresh import discover
    from tui.ingest.url import is_url
    from tui.reading.counts import counted

    if not is_url(args.url):
        raise LedeError(f"{args.url}: a feed is an http or https address")
    feed, url = discover(args.url)
    title = args.title or feed.title
    if not store.add_feed(Subscription(url, title, tuple(args.tag)), feed.site):
        print(f"lede: already subscribed to {url}", file=sys.stderr)
        return 0
    via = f" (named by {args.url})" if url != args.url else ""
    print(f"subscribed to {title or url}: {url}{via}, {counted(len(feed.items), 'item')}")
    print("run 'lede feeds refresh' to read them, or press R in 'lede feeds'")
    return 0


def _import(store: FeedStore, args: argparse.Namespace) -> int:
    from tui.feeds.lists import read_list
    from tui.ingest import read_bytes
    from tui.ingest.decode import decode_bytes

    text = decode_bytes(read_bytes(args.file), str(args.file)).text
    found = read_list(text, str(args.file))
    if not found:
        raise LedeError(f"{args.file}: no feeds in it")
    added = sum(store.add_feed(sub) for sub in found)
    print(f"imported {added} new feeds of {len(found)} in {args.file}")
    return 0


def _export(store: FeedStore, args: argparse.Namespace) -> int:
    from tui.feeds.lists import write_opml

    sys.stdout.write(write_opml(store.subscriptions()))
    return 0


def _list(store: FeedStore, args: argparse.Namespace) -> int:

    rows = store.feeds()
    if not rows:
        print("no feeds yet: 'lede feeds add URL' or 'lede feeds import FILE'")
        return 0
    for feed in rows:
        tags = f"  [{', '.join(feed.tags)}]" if feed.tags else ""
        state = f"  error: {feed.error}" if feed.error else ""
        print(f"{feed.unread:>4} unread of {feed.items:<4} {feed.name}  {feed.url}{tags}{state}")
    return 0


def _remove(store: FeedStore, args: argparse.Namespace) -> int:

    if not store.remove_feed(args.url):
        raise LedeError(f"not subscribed to {args.url} ('lede feeds list' shows the feeds)")
    print(f"unsubscribed from {args.url}")
    return 0


def _refresh(store: FeedStore, args: argparse.Namespace) -> int:
    from tui.cli import progress_bar
    from tui.feeds.refresh import FeedResult, analyze_pending, refresh
    from tui.options import Options

    if args.jobs < 1:
        raise LedeError("--jobs must be 1 or more")
    feeds = store.feeds()
    if not feeds:
        raise LedeError("no feeds to refresh: 'lede feeds add URL' subscribes to one")
    lines: list[FeedResult] = []
    with progress_bar(len(feeds), True, "fetching") as advance:

        def report(result: FeedResult) -> None:
            lines.append(result)
            advance()

        results = refresh(store, report=report, timeout=args.timeout)
    failed = 0
    for result in results:
        if result.error:
            failed += 1
            print(f"lede: {result.line()}", file=sys.stderr)
        else:
            print(result.line())
    new = sum(r.new for r in results)
    analysed = broken = 0
    if not args.no_analysis and store.pending():
        pending = len(store.pending())
        with progress_bar(pending, True) as advance:
            for _, error in analyze_pending(store, Options(), args.jobs, not args.no_cache):
                advance()
                analysed += error is None
                broken += error is not None
    summary = f"lede: {len(results)} feeds, {failed} failed; {new} new items"
    if analysed or broken:
        summary += f"; {analysed} analysed" + (f", {broken} could not be" if broken else "")
    print(summary, file=sys.stderr)
    return 1 if failed else 0


def _reader(store: FeedStore) -> int:
    from tui.app.app import LedeApp

    if not store.feeds():
        raise LedeError("no feeds yet: 'lede feeds add URL' or 'lede feeds import FILE' first")
    app = LedeApp(FEEDS_SOURCE, feeds=store.path)
    app.run()
    return app.return_code or 0
