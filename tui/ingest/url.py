"""URLs through httpx: http and https only, with a timeout, a size cap, a
bounded number of redirects, a content-type check, and the page's charset."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tui.errors import LedeError

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
MAX_REDIRECTS = 5
TEXT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
)
USER_AGENT = "lede (a terminal news reader)"


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its body, the URL it came from in the end, its kind."""

    data: bytes
    url: str
    kind: str  # "html", "markdown", "text" or "feed"
    charset: str | None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def other_scheme(source: str) -> str | None:
    """The scheme of an address lede cannot fetch ("ftp"), or None."""
    found = _SCHEME.match(source)
    if found is None or found.group(1).lower() in {"http", "https", "file"}:
        return None
    return found.group(1)


def local_path(source: str) -> str:
    """A ``file://`` address as the path it names; anything else as it is."""
    if source.lower().startswith("file://"):
        from urllib.parse import unquote, urlparse

        return unquote(urlparse(source).path)
    return source


def client_settings(read_timeout: float | None = None) -> dict[str, Any]:
    """The one way lede talks to servers: timeouts, redirects, its name."""
    import httpx

    read_timeout = read_timeout or READ_TIMEOUT
    return {
        "timeout": httpx.Timeout(read_timeout, connect=min(CONNECT_TIMEOUT, read_timeout)),
        "follow_redirects": True,
        "max_redirects": MAX_REDIRECTS,
        "headers": {"User-Agent": USER_AGENT},
    }


def fetch(url: str, max_bytes: int) -> Page:
    """Download a page, or raise a LedeError saying in one line what went wrong."""
    import httpx

    if not is_url(url):
        raise LedeError(f"{url}: only http and https addresses can be read")
    try:
        with (
            httpx.Client(**client_settings()) as client,
            client.stream("GET", url) as response,
        ):
            kind = check_response(url, response, max_bytes, TEXT_TYPES)
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                check_size(url, len(body), max_bytes)
            return Page(bytes(body), str(response.url), kind, response.charset_encoding)
    except httpx.HTTPError as error:
        raise fetch_error(url, error) from None


def check_response(url: str, response: Any, max_bytes: int, types: tuple[str, ...]) -> str:
    """The kind of a response's body ("html", "markdown", "text", "feed"), or a LedeError
    for an error status, a type lede does not read, or a declared size over the cap."""
    if response.status_code >= 400:
        raise LedeError(
            f"{url}: the server answered {response.status_code} {response.reason_phrase}"
        )
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and not content_type.startswith(types):
        raise LedeError(f"{url}: not an article but {content_type}")
    check_size(url, int(response.headers.get("content-length") or 0), max_bytes)
    if "html" in content_type:
        return "html"
    if "markdown" in content_type:
        return "markdown"
    return "feed" if content_type and content_type not in TEXT_TYPES else "text"


def check_size(url: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise LedeError(f"{url}: over the {max_bytes // 1024 // 1024} MB limit")


def fetch_error(url: str, error: Exception) -> LedeError:
    """An httpx failure in one line."""
    import httpx

    if isinstance(error, httpx.TooManyRedirects):
        return LedeError(f"{url}: too many redirects (more than {MAX_REDIRECTS})")
    if isinstance(error, httpx.TimeoutException):
        return LedeError(f"{url}: the server did not answer in time")
    if isinstance(error, httpx.ConnectError):
        return LedeError(f"{url}: cannot connect (offline, or a wrong address?)")
    return LedeError(f"{url}: {error.__class__.__name__}: {error}")
