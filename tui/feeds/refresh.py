"""Refreshing feeds: every feed fetched at once (a bounded number, a few per
host), conditional GET, and each new item read as the whole article.

An item whose feed carries the whole article is kept from the feed; any
other is read from its link, as lede reads any page, and the choice is
recorded ("feed", "page", or "summary" when the page could not be read, with
the reason). A feed that fails is one line in its result; the others go on.
The analysis is a separate pass (``analyze_pending``) so the items are
readable as soon as they are stored.
"""

from __future__ import annotations

import asyncio
import html
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from tui.errors import LedeError, one_line
from tui.feeds.parse import FEED_TYPES, FeedItem, ParsedFeed, looks_like_feed, parse_feed
from tui.feeds.store import FeedStore
from tui.ingest.url import (
    TEXT_TYPES,
    Page,
    check_response,
    check_size,
    client_settings,
    fetch_error,
)

if TYPE_CHECKING:
    from tui.ingest import RawArticle
    from tui.model import Analysis
    from tui.options import Options

T = TypeVar("T")
MAX_BYTES = 10 * 1024 * 1024  # a feed, or a page one of its items links to
CONCURRENCY = 8  # requests in flight at once
PER_HOST = 2  # of which to any one host


@dataclass(slots=True)
class FeedResult:
    """What refreshing one feed did."""

    url: str
    title: str | None = None
    new: int = 0
    pages: int = 0  # items read from their page
    not_modified: bool = False
    error: str | None = None
    item_errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        name = self.title or self.url
        if self.error:
            return f"{self.url}: {self.error.removeprefix(self.url + ': ')}"
        if self.not_modified:
            return f"{name}: not modified"
        read = f" ({self.pages} read from their pages)" if self.pages else ""
        return f"{name}: {self.new} new{read}"


class Fetcher:
    """An httpx client with a global bound and a per-host bound on requests."""

    def __init__(
        self, timeout: float | None = None, per_host: int = PER_HOST, max_bytes: int = MAX_BYTES
    ) -> None:
        import httpx

        self.max_bytes = max_bytes
        self.client = httpx.AsyncClient(
            **client_settings(timeout), limits=httpx.Limits(max_connections=CONCURRENCY)
        )
        self.slots = asyncio.Semaphore(CONCURRENCY)
        self.per_host = per_host
        self.hosts: dict[str, asyncio.Semaphore] = {}

    async def get(
        self, url: str, types: tuple[str, ...], headers: dict[str, str] | None = None
    ) -> tuple[Page | None, dict[str, str]]:
        """A page (None when the server says it has not changed) and its caching headers."""
        import httpx

        host = urlsplit(url).netloc.lower()
        polite = self.hosts.setdefault(host, asyncio.Semaphore(self.per_host))
        async with self.slots, polite:
            try:
                async with self.client.stream("GET", url, headers=headers or {}) as response:
                    cached = {
                        k: response.headers[h]
                        for k, h in (("etag", "etag"), ("modified", "last-modified"))
                        if h in response.headers
                    }
                    if response.status_code == 304:
                        return None, cached
                    kind = check_response(url, response, self.max_bytes, types)
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        body.extend(chunk)
                        check_size(url, len(body), self.max_bytes)
                    page = Page(bytes(body), str(response.url), kind, response.charset_encoding)
                    return page, cached
            except httpx.HTTPError as error:
                raise fetch_error(url, error) from None

    async def close(self) -> None:
        await self.client.aclose()


async def fetch_feed(fetcher: Fetcher, url: str) -> tuple[ParsedFeed, str]:
    """A feed at ``url``, or the first feed a page at ``url`` names; and the feed's URL."""
    page, _ = await fetcher.get(url, (*FEED_TYPES, *TEXT_TYPES))
    assert page is not None
    if looks_like_feed(page.data, page.kind if page.kind == "feed" else ""):
        return parse_feed(page.data, page.url), page.url
    if page.kind == "html":
        from tui.feeds.parse import discover_feeds
        from tui.ingest import decode_fetched

        text = decode_fetched(page, url)[0].text
        for found in discover_feeds(text, page.url):
            try:
                return await fetch_feed(fetcher, found)
            except LedeError:
                continue
        raise LedeError(f'{url}: the page names no feed (no <link rel="alternate">)')
    return parse_feed(page.data, page.url), page.url


def feed_body(item: FeedItem) -> str:
    """An item's own content as a small HTML page: its title, then what the feed says."""
    title = html.escape(item.title or "")
    content = item.content or item.summary or ""
    if "<" not in content:
        content = "".join(f"<p>{html.escape(p)}</p>" for p in content.split("\n\n") if p.strip())
    return (
        f"<html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{content}</article></body></html>"
    )


def _site_of(feed: ParsedFeed, url: str) -> str | None:
    """The name an item's site goes by: the feed's title, else its host."""
    return feed.title or urlsplit(feed.site or url).netloc or None


async def _read_item(fetcher: Fetcher, item: FeedItem) -> tuple[str, str, str, str | None]:
    """(body, kind, source, note): the feed's content when whole, else the linked page."""
    if item.is_full or not item.link:
        return feed_body(item), "html", "feed", None
    try:
        page, _ = await fetcher.get(item.link, TEXT_TYPES)
        assert page is not None
        from tui.ingest import decode_fetched

        decoded, kind = decode_fetched(page, item.link)
        return decoded.text, kind, "page", None
    except LedeError as error:
        return feed_body(item), "html", "summary", error.message


async def refresh_feed(
    fetcher: Fetcher, store: FeedStore, url: str, report: Callable[[FeedResult], None]
) -> FeedResult:
    result = FeedResult(url)
    state = store.feed(url)
    headers = {}
    if state is not None:
        result.title = state.title
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.modified:
            headers["If-Modified-Since"] = state.modified
    try:
        page, cached = await fetcher.get(url, (*FEED_TYPES, *TEXT_TYPES), headers)
        if page is None:
            result.not_modified = True
            store.set_feed_state(url, refreshed=time.time(), error=None)
            return result
        feed = parse_feed(page.data, page.url)
    except LedeError as error:
        result.error = error.message
        store.set_feed_state(url, refreshed=time.time(), error=error.message)
        report(result)
        return result
    result.title = (state.title if state else None) or feed.title
    known = store.known_guids(url)
    fresh = [i for i in dict((i.guid, i) for i in feed.items).values() if i.guid not in known]
    reads = await asyncio.gather(*(_read_item(fetcher, item) for item in fresh))
    site = _site_of(feed, url)
    for item, (body, kind, source, note) in zip(fresh, reads, strict=True):
        stored = store.add_item(
            url,
            item.guid,
            link=item.link,
            title=item.title,
            published=item.published,
            site=site,
            body=body,
            kind=kind,
            source=source,
            note=note,
        )
        if stored is not None:
            result.new += 1
            result.pages += source == "page"
            if note:
                result.item_errors.append(note)
    store.set_feed_state(
        url,
        etag=cached.get("etag"),
        modified=cached.get("modified"),
        title=result.title,
        site=feed.site,
        refreshed=time.time(),
        error=None,
    )
    report(result)
    return result


def refresh(
    store: FeedStore,
    urls: list[str] | None = None,
    report: Callable[[FeedResult], None] = lambda _: None,
    timeout: float | None = None,
) -> list[FeedResult]:
    """Refresh the given feeds (all by default), concurrently; results in their order."""

    async def run(fetcher: Fetcher) -> list[FeedResult]:
        targets = urls if urls is not None else [f.url for f in store.feeds()]
        return list(
            await asyncio.gather(*(refresh_feed(fetcher, store, u, report) for u in targets))
        )

    return _fetching(run, timeout)


def discover(url: str, timeout: float | None = None) -> tuple[ParsedFeed, str]:
    """The feed ``lede feeds add`` subscribes to for ``url`` (a feed or a site's page)."""

    return _fetching(lambda fetcher: fetch_feed(fetcher, url), timeout)


def _fetching(
    work: Callable[[Fetcher], Awaitable[T]], timeout: float | None, max_bytes: int = MAX_BYTES
) -> T:
    """Run ``work`` with a fetcher in an event loop of its own, then close it."""

    async def run() -> T:
        fetcher = Fetcher(timeout, max_bytes=max_bytes)
        try:
            return await work(fetcher)
        finally:
            await fetcher.close()

    return asyncio.run(run())


# --- items as articles, and their analysis ---------------------------------------


def item_raw(store: FeedStore, item_id: int) -> RawArticle:
    """A stored item as a raw article, from the page or feed content it was read from."""
    row = store.item(item_id)
    if row is None:
        raise LedeError(f"no item {item_id} in the feeds database")
    body, kind = store.body(item_id)
    source = row.link or f"{row.feed}#{row.guid}"
    return raw_for_item(body, kind, source, row.title, row.published, row.site)


def raw_for_item(
    body: str, kind: str, source: str, title: str | None, published: str | None, site: str | None
) -> RawArticle:
    """An item's text as a raw article, with the feed's title, date and site where the
    page states none (the feed's date is recorded as such)."""
    from tui.ingest import read_string

    raw = read_string(body, source, kind)
    meta = raw.metadata
    given = replace(
        meta,
        title=meta.title or title,
        date=meta.date or published,
        date_source=meta.date_source if meta.date else ("feed" if published else None),
        site=meta.site or site,
        url=meta.url or (source if source.startswith("http") else None),
    )
    stated = {k for k in ("title", "date") if getattr(given, k) and not getattr(meta, k)}
    return replace(raw, metadata=given, stated=raw.stated | stated)


async def _feed_articles(fetcher: Fetcher, url: str) -> list[RawArticle]:
    """A feed's items as raw articles, or the page itself when ``url`` is no feed."""
    from tui.ingest import page_article

    page, _ = await fetcher.get(url, (*FEED_TYPES, *TEXT_TYPES))
    assert page is not None
    if not looks_like_feed(page.data, page.kind if page.kind == "feed" else ""):
        return [page_article(page, url)]
    feed = parse_feed(page.data, page.url)
    site = _site_of(feed, url)
    reads = await asyncio.gather(*(_read_item(fetcher, item) for item in feed.items))
    return [
        raw_for_item(
            body, kind, item.link or f"{url}#{item.guid}", item.title, item.published, site
        )
        for item, (body, kind, _, _) in zip(feed.items, reads, strict=True)
    ]


def articles_at(url: str, timeout: float | None = None) -> list[RawArticle]:
    """``lede analyze URL``: one article for a page, one per item for a feed."""

    from tui.ingest import MAX_BYTES as ARTICLE_BYTES  # a page read alone: lede's own cap

    return _fetching(lambda fetcher: _feed_articles(fetcher, url), timeout, ARTICLE_BYTES)


_worker: dict[str, Any] = {}


def _init_worker(path: str, options: Options, cached: bool) -> None:
    from pathlib import Path

    from tui.cache import Cache

    _worker.update(store=FeedStore(Path(path)), options=options, cache=Cache() if cached else None)


def _analyze_item(item_id: int) -> tuple[int, Analysis | str]:
    from tui.pipeline import analyze_cached, build_article

    try:
        article = build_article(item_raw(_worker["store"], item_id), _worker["options"])
        return item_id, analyze_cached(article, _worker["options"], _worker["cache"])
    except Exception as error:  # one item's failure is its own line; the others go on
        return item_id, one_line(error)


def analyze_pending(
    store: FeedStore, options: Options, jobs: int = 1, cached: bool = True
) -> Iterator[tuple[int, str | None]]:
    """Analyse every stored item that has no analysis; yields (item, error or None)."""
    pending = store.pending()
    if not pending:
        return
    settings = (str(store.path), options, cached)
    if jobs == 1 or len(pending) == 1:
        _init_worker(*settings)
        try:
            yield from _save_all(store, map(_analyze_item, pending))
        finally:
            _worker.pop("store").close()  # this process's own connection
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_init_worker, initargs=settings) as pool:
        yield from _save_all(store, pool.imap_unordered(_analyze_item, pending, chunksize=4))


def _save_all(
    store: FeedStore, results: Iterator[tuple[int, Analysis | str]]
) -> Iterator[tuple[int, str | None]]:
    for item_id, outcome in results:
        if isinstance(outcome, str):
            store.analysis_failed(item_id, outcome)
            yield item_id, outcome
        else:
            store.save_analysis(item_id, outcome)
            yield item_id, None
