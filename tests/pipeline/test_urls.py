"""URLs, against a local HTTP server the test starts on 127.0.0.1 (never the network)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import SAMPLE
from tui.errors import LedeError
from tui.ingest import read_path

PAGE = (
    "<html><head><title>Harbour reopens</title>"
    '<meta property="article:published_time" content="2022-03-04"></head><body>'
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour reopens</h1>"
    "<p>The harbour reopened on Monday after a week of storms, the port authority said.</p>"
    "<p>Ferries will run to the islands again from Tuesday, it said in a statement.</p>"
    "<p>Fishing boats that had sheltered in the bay were returning to their moorings.</p>"
    "</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/ok":
            self._send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif self.path == "/latin1":
            self._send(
                200,
                PAGE.replace("storms", "tempêtes").encode("latin-1"),
                "text/html; charset=iso-8859-1",
            )
        elif self.path == "/text":
            self._send(200, SAMPLE.read_bytes(), "text/plain; charset=utf-8")
        elif self.path == "/missing":
            self._send(404, b"not here", "text/plain")
        elif self.path == "/broken":
            self._send(500, b"oops", "text/plain")
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, PAGE.encode(), "text/html")
        elif self.path == "/huge":
            self._send(200, b"x" * 5000, "text/plain")
        elif self.path == "/binary":
            self._send(200, bytes(range(256)) * 8, "image/png")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_200_html_page(server: str) -> None:
    raw = read_path(f"{server}/ok")
    assert raw.format == "html"
    assert raw.metadata.url == f"{server}/ok"
    assert raw.metadata.date == "2022-03-04"
    assert any("Ferries will run" in b.text for b in raw.blocks)
    assert [(r.text, r.reason) for r in raw.pre_removed] == [("Home News", "navigation")]


def test_the_page_charset_is_honoured(server: str) -> None:
    raw = read_path(f"{server}/latin1")
    assert any("tempêtes" in b.text for b in raw.blocks)


def test_plain_text_page(server: str) -> None:
    raw = read_path(f"{server}/text")
    assert raw.format == "text" and raw.blocks[1].text.startswith("North Korea FM in Russia")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "404"),
        ("/broken", "500"),
        ("/loop", "too many redirects"),
        ("/binary", "not an article but image/png"),
    ],
)
def test_bad_answers_are_one_line_errors(server: str, path: str, message: str) -> None:
    with pytest.raises(LedeError, match=message):
        read_path(f"{server}{path}")


def test_slow_server_times_out(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.ingest.url.READ_TIMEOUT", 0.3)
    with pytest.raises(LedeError, match="did not answer in time"):
        read_path(f"{server}/slow")


def test_oversized_body(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.ingest.MAX_BYTES", 1000)
    with pytest.raises(LedeError, match="over the"):
        read_path(f"{server}/huge")


def test_offline_or_nothing_listening() -> None:
    with pytest.raises(LedeError, match="cannot connect"):
        read_path("http://127.0.0.1:9/nothing")


def test_other_schemes_are_refused() -> None:
    from tui.ingest.url import fetch

    with pytest.raises(LedeError, match="only http and https"):
        fetch("ftp://127.0.0.1/file", 100)


def test_cli_reads_a_url(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    assert main(["analyze", f"{server}/ok", "--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("Harbour reopens\n\nThe harbour reopened on Monday")
