"""Ingest: any source → a ``RawArticle`` (blocks in reading order + metadata).

Each source (plain text now; HTML, Markdown and URLs plug in here) only has to
produce blocks and metadata; cleaning, segmentation and analysis are shared.
"""

from __future__ import annotations

import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tui.errors import LedeError
from tui.ingest.decode import DecodedText, decode_bytes, decode_page, sanitize
from tui.ingest.sidecar import is_sidecar, read_sidecar
from tui.ingest.terminal import read_dump
from tui.ingest.text import parted_by_blank_lines, text_blocks
from tui.ingest.url import Page, fetch, is_url, local_path, other_scheme
from tui.model import Block, Metadata, RemovedBlock

MAX_BYTES = 50 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
FOLDER_SUFFIXES = ARTICLE_SUFFIXES + HTML_SUFFIXES + MARKDOWN_SUFFIXES


@dataclass(slots=True)
class RawArticle:
    """What a source produced, before any decision about what to keep."""

    source: str
    blocks: list[Block]
    metadata: Metadata = field(default_factory=Metadata)
    controls_removed: int = 0
    controls_line: int = 0  # first line where control characters were removed
    # Metadata fields the source stated outright (a sidecar, front matter):
    # the cleaner must not overwrite them with guesses from the text.
    stated: frozenset[str] = frozenset()
    # Blocks the source itself showed to be page furniture (an HTML <nav>).
    pre_removed: list[RemovedBlock] = field(default_factory=list)
    format: str = "text"
    # The source already found the article body (an HTML extractor did): the
    # cleaner only takes out what is certain chrome, it does not look for it.
    body_known: bool = False
    # Links the source carries, as (anchor text, URL).
    links: list[tuple[str, str]] = field(default_factory=list)


def read_path(path: str | Path) -> RawArticle:
    """Read one article file (and its sidecar) into blocks."""
    if str(path) == "-":
        return read_stdin()
    if is_url(str(path)):
        return read_url(str(path))
    if (scheme := other_scheme(str(path))) and not Path(path).exists():
        raise LedeError(f"unsupported URL scheme '{scheme}' (lede reads http and https)")
    path = Path(local_path(str(path)))
    data = read_bytes(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        decoded = decode_page(data, str(path))
    else:
        decoded = decode_bytes(data, str(path))
    raw = _from_text(decoded, str(path), sniff(decoded.text, path.name))
    sidecar = read_sidecar(path)
    for key, value in sidecar.items():
        setattr(raw.metadata, key, value)
    if sidecar.get("date"):
        raw.metadata.date_source = "sidecar"
    raw.stated = raw.stated | frozenset(key for key, value in sidecar.items() if value)
    return raw


def read_url(url: str) -> RawArticle:
    """A page on the web, its charset honoured; bad answers are one-line errors."""
    return page_article(fetch(url, MAX_BYTES), url)


def page_article(page: Page, source: str) -> RawArticle:
    """A fetched page as a raw article."""
    decoded, kind = decode_fetched(page, source)
    raw = _from_text(decoded, source, kind)
    raw.metadata.url = raw.metadata.url or page.url
    return raw


def decode_fetched(page: Page, source: str) -> tuple[DecodedText, str]:
    """A fetched page's text (its charset honoured) and its kind: html, markdown or text."""
    if page.charset:
        try:
            decoded = sanitize(page.data.decode(page.charset))
        except (LookupError, UnicodeDecodeError):
            decoded = decode_bytes(page.data, source)
    else:
        decoded = decode_bytes(page.data, source)
    if not decoded.text.strip():
        raise LedeError(f"{source}: the page is empty")
    return decoded, page.kind if page.kind in {"html", "markdown"} else sniff(decoded.text, "")


def read_stdin() -> RawArticle:
    """An article piped in; its format is sniffed like a file's."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise LedeError(
            f"stdin: more than the {MAX_BYTES // 1024 // 1024} MB limit for one article"
        )
    decoded = decode_bytes(data, "stdin")
    return _from_text(decoded, "-", sniff(decoded.text, ""))


_MARKDOWN_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_MARKDOWN_HEADING_BLANK = re.compile(r"^#{1,6} \S[^\n]*\n[ \t]*\n", re.MULTILINE)


def sniff(text: str, name: str) -> str:
    """ "html", "markdown" or "text", by the file's suffix, else by its content."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in ARTICLE_SUFFIXES:
        return "text"
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(
        r"<(?:body|article|div|p)[\s>]", head
    ):
        return "html"
    if text.startswith("---\n"):
        return "markdown"
    # A "# …" line is as often a shell comment on a scraped page; in a Markdown
    # document a blank line follows a heading, or parts its paragraphs.
    if _MARKDOWN_HEADING_BLANK.search(text) or (
        _MARKDOWN_HEADING.search(text) and parted_by_blank_lines(text)
    ):
        return "markdown"
    return "text"


def _from_text(decoded: DecodedText, source: str, kind: str) -> RawArticle:
    raw = RawArticle(
        source, [], controls_removed=decoded.controls_removed, controls_line=decoded.controls_line
    )
    if kind == "html":
        from tui.ingest.html import html_blocks

        reading = html_blocks(decoded.text, source)
        raw.blocks, raw.pre_removed = reading.blocks, reading.removed
        raw.metadata = reading.metadata
        raw.stated = frozenset(reading.stated)
        raw.body_known, raw.links = reading.body_known, reading.links
    elif kind == "markdown":
        from tui.ingest.markdown import markdown_blocks

        raw.blocks, raw.metadata, stated, raw.links = markdown_blocks(decoded.text, source)
        raw.stated = frozenset(stated)
    elif (dump := read_dump(decoded.text)) is not None:
        # A terminal browser's dump is wrapped at its screen's width.
        raw.blocks = text_blocks(dump.text, wrapped=True)
        raw.pre_removed, raw.links = dump.removed, dump.links
    else:
        raw.blocks = text_blocks(decoded.text)
        raw.links = text_links(decoded.text)
    raw.format = kind
    return raw


# An address written out in plain text, up to the punctuation that ends a sentence.
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'“”‘’()\[\]]+[^\s<>\"'“”‘’()\[\].,;:!?]")


def text_links(text: str) -> list[tuple[str, str]]:
    """The addresses a plain text writes out, each once (its words are the address)."""
    seen = dict.fromkeys(found.group(0) for found in _URL_IN_TEXT.finditer(text))
    return [(url, url) for url in seen]


def read_string(text: str, source: str = "<text>", kind: str | None = None) -> RawArticle:
    """Read an article held in a string (tests, the Python API); ``kind`` as sniff says."""
    decoded = sanitize(text)
    if not decoded.text.strip():
        raise LedeError(f"{source}: the text is empty")
    return _from_text(decoded, source, kind or sniff(decoded.text, source))


def read_bytes(path: Path) -> bytes:
    """Read a regular file, refusing what is missing, special or too large."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LedeError(f"{path}: no such file or folder") from None
    except OSError as error:
        raise LedeError(f"{path}: cannot read ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise LedeError(f"{path}: is a folder, not an article file")
    if not stat.S_ISREG(info.st_mode):
        raise LedeError(f"{path}: not a regular file (a pipe or a device?)")
    if info.st_size > MAX_BYTES:
        raise LedeError(
            f"{path}: {info.st_size / 1024 / 1024:.0f} MB is over the "
            f"{MAX_BYTES // 1024 // 1024} MB limit for one article"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise LedeError(f"{path}: cannot read ({error.strerror})") from None
    if len(data) > MAX_BYTES:
        raise LedeError(f"{path}: grew past the {MAX_BYTES // 1024 // 1024} MB limit while read")
    return data


def find_articles(folder: str | Path) -> list[Path]:
    """The article files in a folder (not recursive), sorted by name."""
    folder = Path(folder)
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise LedeError(f"{folder}: cannot list the folder ({error.strerror})") from None
    found = [
        entry
        for entry in entries
        if entry.is_file()
        and entry.suffix.lower() in FOLDER_SUFFIXES
        and not is_sidecar(entry)
        and not entry.name.startswith(".")
    ]
    if not found:
        raise LedeError(
            f"{folder}: no articles here (looked for {', '.join(FOLDER_SUFFIXES)} files)"
        )
    return found
