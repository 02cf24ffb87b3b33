"""A local web server (127.0.0.1 only) with feeds of every kind and the article
pages their items link to, plus the ways a feed goes wrong."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parent.parent / "data" / "feeds"
ETAG = '"rss-v1"'
MODIFIED = formatdate(1_795_000_000, usegmt=True)


def _paragraphs(name: str) -> str:
    """The article's paragraphs as the HTML a full-content feed would carry."""
    text = (PAGES / name).read_text("utf-8")
    return text[text.index("<p>") : text.rindex("</p>") + 4]


def rss(base: str) -> str:
    items = [
        ("a1", "Dock workers in Rotterdam walk out over automation plan", "Thu, 20 Nov 2026"),
        ("a2", "Antwerp dockers join Rotterdam strike as talks stall", "Tue, 24 Nov 2026"),
    ]
    entries = "".join(
        f"<item><title>{title}</title><link>{base}/articles/{key}.html</link>"
        f"<guid>{base}/articles/{key}.html</guid><pubDate>{day} 08:00:00 GMT</pubDate>"
        f"<description>A short summary of the story. Read more…</description></item>"
        for key, title, day in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Harbour Wire</title><link>{base}/</link><description>News</description>"
        f"{entries}</channel></rss>"
    )


def atom(base: str) -> str:
    content = _paragraphs("a3.html").replace("&", "&amp;").replace("<", "&lt;")
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Port Daily</title><id>{base}/atom</id><link href="{base}/"/>'
        "<updated>2026-11-27T06:00:00Z</updated>"
        f"<entry><title>Rotterdam port strike ends after overnight talks</title>"
        f'<id>urn:port-daily:3</id><link href="{base}/articles/a3.html"/>'
        "<updated>2026-11-27T06:00:00Z</updated><published>2026-11-27T06:00:00Z</published>"
        f'<content type="html">{content}</content></entry></feed>'
    )


def json_feed(base: str) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Quay Notes",
            "home_page_url": f"{base}/",
            "items": [
                {
                    "id": "q1",
                    "url": f"{base}/articles/a2.html",
                    "title": "Antwerp joins the strike",
                    "summary": "Belgian dockers stop work.",
                    "date_published": "2026-11-24T09:00:00+01:00",
                },
                {
                    "id": "q2",
                    "url": f"{base}/articles/gone.html",
                    "title": "A page that is no longer there",
                    "content_text": "Only this short summary survives.",
                    "date_published": "2026-11-25T10:00:00Z",
                },
            ],
        }
    )


@dataclass
class Server:
    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    # /slow.xml answers only once this is set (the fixture sets it at the end),
    # so a timeout of any length finds it silent, however busy the machine.
    answer_slow: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def seen(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]


class Handler(BaseHTTPRequestHandler):
    server_state: Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        state = self.server_state
        state.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        base = state.base
        path = self.path
        if path == "/rss.xml":
            if self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.end_headers()
                return
            self._send(rss(base), "application/rss+xml", {"ETag": ETAG, "Last-Modified": MODIFIED})
        elif path == "/atom.xml":
            if self.headers.get("If-Modified-Since") == MODIFIED:
                self.send_response(304)
                self.end_headers()
                return
            self._send(atom(base), "application/atom+xml", {"Last-Modified": MODIFIED})
        elif path == "/feed.json":
            self._send(json_feed(base), "application/feed+json")
        elif path == "/broken.xml":
            self._send("<html><body>Not a feed at all, just a page</p>", "application/rss+xml")
        elif path == "/slow.xml":
            state.answer_slow.wait(60)
            self._send(rss(base), "application/rss+xml")
        elif path == "/huge.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            chunk = b"<!-- padding -->" * 65536  # 1 MB
            try:
                for _ in range(50):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/site.html":
            page = (
                '<html><head><title>Harbour Wire</title><link rel="alternate" '
                f'type="application/rss+xml" title="RSS" href="{base}/rss.xml"></head>'
                "<body><h1>Harbour Wire</h1></body></html>"
            )
            self._send(page, "text/html; charset=utf-8")
        elif path.startswith("/articles/") and (PAGES / path.removeprefix("/articles/")).exists():
            page = (PAGES / path.removeprefix("/articles/")).read_text("utf-8")
            self._send(page, "text/html; charset=utf-8")
        else:
            self.send_response(404)
            self.end_headers()

    def _send(self, body: str, kind: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(data)  # unless the client gave up (a test of timeouts)


@pytest.fixture
def server() -> Iterator[Server]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state = Server(f"http://127.0.0.1:{httpd.server_address[1]}")
    Handler.server_state = state
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.answer_slow.set()
        httpd.shutdown()
        httpd.server_close()
