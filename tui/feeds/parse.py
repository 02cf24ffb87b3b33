"""A feed's bytes as plain items: RSS 0.9x/1.0/2.0 and Atom through feedparser,
JSON Feed (which feedparser does not read) from its JSON.

An item keeps what the feed says of it: its id, link, title, date, summary,
and the full content when the feed carries one. Whether that content is the
whole article is decided here too (``is_full``), so the refresh only fetches
the pages it must.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from tui.errors import LedeError

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
)
# Content of at least this many words, not cut short, is taken for the whole article.
FULL_WORDS = 150
_CUT = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading)\W*$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, as the feed states it."""

    guid: str
    link: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD
    summary: str  # HTML or text, possibly empty
    content: str  # the full content when the feed carries it, else ""

    @property
    def is_full(self) -> bool:
        """Does the feed carry the whole article (so its page need not be fetched)?"""
        words = plain_text(self.content).split()
        return len(words) >= FULL_WORDS and not _CUT.search(" ".join(words[-6:]))


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    site: str | None  # the site's own address
    items: list[FeedItem] = field(default_factory=list)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """A feed by its declared type or, when the server says little, by its first tag."""
    kind = content_type.split(";")[0].strip().lower()
    head = data[:2048].lstrip().lower()
    if kind in {"application/rss+xml", "application/atom+xml", "application/feed+json"}:
        return True
    if head.startswith(b"{"):
        return b"jsonfeed.org" in data[:4096]
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """Parse a feed, or raise a LedeError saying in one line why it is not one."""
    if data[:4096].lstrip().startswith(b"{"):
        return _json_feed(data, url)
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.get("version") and (parsed.get("bozo") or not parsed.entries):
        reason = parsed.get("bozo_exception")
        why = f": {str(reason).splitlines()[0]}" if reason else ""
        raise LedeError(f"{url}: not a feed (RSS, Atom or JSON Feed){why}")
    channel = parsed.feed
    items = [_entry(entry, url) for entry in parsed.entries]
    return ParsedFeed(
        _clean(channel.get("title")),
        channel.get("link") or None,
        [i for i in items if i is not None],
    )


def _entry(entry: Any, base: str) -> FeedItem | None:
    link = entry.get("link") or None
    if link:
        link = urljoin(base, link)
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    content = max(contents, key=len) if contents else ""
    summary = entry.get("summary", "") or ""
    if content.strip() == summary.strip():
        content = content if len(plain_text(content).split()) >= FULL_WORDS else ""
    guid = entry.get("id") or link or entry.get("title")
    if not guid:
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
    return FeedItem(str(guid), link, _clean(entry.get("title")), published, summary, content)


def _json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LedeError(f"{url}: not a feed (broken JSON Feed: {error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise LedeError(f"{url}: not a feed (JSON without an items list)")
    items = []
    for entry in document["items"]:
        if not isinstance(entry, dict):
            continue
        link = entry.get("url") or entry.get("external_url")
        link = urljoin(url, link) if isinstance(link, str) else None
        content = str(entry.get("content_html") or entry.get("content_text") or "")
        summary = str(entry.get("summary") or "")
        guid = entry.get("id") or link
        if guid is None:
            continue
        items.append(
            FeedItem(
                str(guid),
                link,
                _clean(entry.get("title")),
                _iso_day(entry.get("date_published") or entry.get("date_modified")),
                summary,
                content,
            )
        )
    home = document.get("home_page_url")
    return ParsedFeed(_clean(document.get("title")), home if isinstance(home, str) else None, items)


def _iso_day(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC)
    return stamp.date().isoformat()


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(_TAG.sub(" ", value)).split())
    return text or None


def plain_text(markup: str) -> str:
    """The words of an HTML fragment (tags dropped, entities read)."""
    return html.unescape(_TAG.sub(" ", markup))


class _Alternates(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        values = {k: v or "" for k, v in attrs}
        rel = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower()
        if "alternate" in rel and kind in FEED_TYPES and values.get("href"):
            self.found.append((values["href"], values.get("title", "")))


def discover_feeds(page: str, base: str) -> list[str]:
    """The feeds a page names with ``<link rel="alternate" type="…rss+xml">``, in order."""
    parser = _Alternates()
    parser.feed(page)
    return list(dict.fromkeys(urljoin(base, href) for href, _ in parser.found))
