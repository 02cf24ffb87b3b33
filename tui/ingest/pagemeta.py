"""A page's metadata from its own statements: JSON-LD, Open Graph, ``<meta>``.

trafilatura's metadata extractor reads those (and the visible byline); this
module tidies what it says: the site's name and slogans come off the title
(``Title | Site``, ``Site: Title``, ``Title - Site``), a kicker such as
"BREAKING NEWS:" too, and the language comes from the page's ``lang``.
"""

from __future__ import annotations

import re
from typing import Any

from tui.ingest.decode import tidy
from tui.model import Metadata
from tui.textstats import SPACELESS_SCRIPTS

# Separators sites put between a headline and their own name. Scripts written
# without spaces (Chinese, Japanese) glue them on: "标题-新华网", "見出し｜サイト".
_CJK = SPACELESS_SCRIPTS + "\uac00-\ud7af\uff01-\uff60"  # with Hangul and full-width forms
TITLE_SEPARATORS = re.compile(
    r"\s+[|–—·•»:]\s+|\s+-\s+|\s*::\s*|\s*[|｜]\s*"
    rf"|(?<=[{_CJK}])[-_–—](?=\S)|(?<=\S)[-_–—](?=[{_CJK}])"
)
KICKER = re.compile(
    r"^(?:breaking(?: news)?|exclusive|update[d]?|watch|live|video|opinion|analysis|"
    r"just in|developing)\s*[:|–—-]\s+",
    re.IGNORECASE,
)
# A site's name is short; a longer one is a headline the extractor took for it.
SITE_NAME_WORDS = 4
LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
_WORD = re.compile(r"\w+")


def page_metadata(
    tree: Any, found: Any = None, language: str | None = None
) -> tuple[Metadata, set[str]]:
    """Metadata the page states, and the names of the fields it stated.

    ``found`` is trafilatura's reading of the page (a Document with its
    metadata) when one was made; otherwise its metadata extractor runs here.
    """
    metadata = Metadata()
    if found is None:
        from trafilatura.metadata import extract_metadata

        # Dates only from what the page states (meta tags, <time>, its URL).
        found = extract_metadata(tree, extensive=False)
    headings = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    if found is not None:
        metadata.site = found.sitename or None
        metadata.url = found.url or None
        metadata.byline = found.author or None
        title = found.title
        page_title = " ".join((tree.findtext(".//title") or "").split())
        if page_title and (not title or _words(title) == _words(metadata.site or "")):
            title = page_title  # the extractor took the site's name for the title
        metadata.title = clean_title(title, metadata.site, found.hostname, headings)
        for name in ("title", "site", "byline"):
            if value := getattr(metadata, name):
                setattr(metadata, name, tidy(value) or None)
        categories = [*(found.categories or []), *(found.tags or [])]
        metadata.categories = list(dict.fromkeys(c.strip() for c in categories if c.strip()))
        if found.date and re.match(r"\d{4}-\d{2}-\d{2}$", found.date):
            metadata.date = found.date
            metadata.date_source = "html"
    metadata.language = language or page_language(tree)
    stated = {name for name in ("title", "date", "language") if getattr(metadata, name)}
    return metadata, stated


def page_language(tree: Any) -> str | None:
    """The language the page declares (``<html lang>``, Content-Language, og:locale)."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in {"content-language", "og:locale", "language", "dc.language"}:
            candidates.append(meta.get("content"))
    for value in candidates:
        if value and (match := LANG.match(value.strip())):
            return match.group(1).lower()
    return None


def clean_title(
    title: str | None, site: str | None, host: str | None, headings: list[str]
) -> str | None:
    """The headline alone: no site name, slogan or kicker around it."""
    if not title:
        return None
    title = " ".join(title.split())
    words = _words(title)
    # The page's own headline, when the title holds it, is the headline.
    for heading in headings:
        heading_words = _words(heading)
        if len(heading_words) >= 3 and _contains(words, heading_words):
            return KICKER.sub("", heading)
    names = [n for n in (_words(site or ""), _host_words(host)) if n]
    parts = [p.strip() for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if parts and ":" in parts[0]:
        # "Site: headline": a colon after the site's name separates too.
        head, rest = parts[0].split(":", 1)
        if rest.strip() and any(_overlaps(_words(head), n) for n in names):
            parts[0:1] = [head, rest.strip()]
    kept = [p for p in parts if not any(_overlaps(_words(p), n) for n in names)]
    if kept and len(kept) < len(parts):
        title = " – ".join(kept)
        if parts[0] not in kept:
            # "Site | slogan: headline": what followed the site's name led up to it.
            tail = re.split(r":\s+", title)[-1]
            title = tail if len(_words(tail)) >= 4 else title
    return KICKER.sub("", title).strip() or None


def is_site_name(title: str, site: str | None, host: str | None) -> bool:
    """The title is the site's name alone (its logo set as the page's title).

    A "site name" longer than a name is the extractor's mistake (it took a
    headline for the name): then only the host tells."""
    stated = _words(site or "")
    names = [n for n in (stated if len(stated) <= SITE_NAME_WORDS else [], _host_words(host)) if n]
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    return bool(parts) and all(any(_overlaps(_words(p), n) for n in names) for p in parts)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _host_words(host: str | None) -> list[str]:
    if not host:
        return []
    labels = host.lower().removeprefix("www.").split(".")
    return [labels[0]] if labels else []


def _overlaps(part: list[str], name: list[str]) -> bool:
    """A piece of the title is the site's name (or the name glued in one word)."""
    if not part:
        return False
    if part == name or "".join(part) == "".join(name):
        return True
    return len(part) <= 4 and all(w in name or w in "".join(name) for w in part)


def _contains(words: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return any(words[i : i + n] == inner for i in range(len(words) - n + 1))
