"""URLs through httpx: http and https only, with a timeout, a size cap, a
bounded number of redirects, a content-type check, and the page's charset."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    kind: str  # "html", "markdown" or "text"
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


def fetch(url: str, max_bytes: int) -> Page:
    """Download a page, or raise a LedeError saying in one line what went wrong."""
    import httpx

    if not is_url(url):
        raise LedeError(f"{url}: only http and https addresses can be read")
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise LedeError(
                    f"{url}: the server answered {response.status_code} {response.reason_phrase}"
                )
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(TEXT_TYPES):
                raise LedeError(f"{url}: not an article but {content_type}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise LedeError(f"{url}: {declared // 1024 // 1024} MB is over the size limit")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise LedeError(
                        f"{url}: the page is over the {max_bytes // 1024 // 1024} MB limit"
                    )
            kind = (
                "html"
                if "html" in content_type
                else "markdown"
                if "markdown" in content_type
                else "text"
            )
            return Page(bytes(body), str(response.url), kind, response.charset_encoding)
    except httpx.TooManyRedirects:
        raise LedeError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise LedeError(f"{url}: the server did not answer in time") from None
    except httpx.ConnectError:
        raise LedeError(f"{url}: cannot connect (offline, or a wrong address?)") from None
    except httpx.HTTPError as error:
        raise LedeError(f"{url}: {error.__class__.__name__}: {error}") from None
