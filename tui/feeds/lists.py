"""Subscription lists in and out: OPML (what every reader exports) and
newsboat's ``urls`` file (one feed a line, then its tags, ``"~Title"`` a
title). Both come in as the same ``Subscription`` rows.
"""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from tui.errors import LedeError


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)


def read_list(text: str, name: str) -> list[Subscription]:
    """OPML or a newsboat ``urls`` file, told apart by their first character."""
    if text.lstrip().startswith("<"):
        return read_opml(text, name)
    return read_newsboat(text, name)


def read_opml(text: str, name: str) -> list[Subscription]:
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise LedeError(f"{name}: not a readable OPML file ({error})") from None
    body = root.find("body")
    if root.tag.lower() != "opml" or body is None:
        raise LedeError(f"{name}: not an OPML file (no <opml><body>)")
    found: list[Subscription] = []

    def walk(node: ElementTree.Element, folders: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            url = outline.get("xmlUrl") or outline.get("xmlurl")
            label = outline.get("title") or outline.get("text")
            if url:
                label = label if label != url else None
                categories = (outline.get("category") or "").replace("/", ",").split(",")
                tags = folders + tuple(c.strip() for c in categories if c.strip())
                found.append(Subscription(url.strip(), label, tuple(dict.fromkeys(tags))))
            else:
                walk(outline, (*folders, label) if label else folders)

    walk(body, ())
    return found


def read_newsboat(text: str, name: str) -> list[Subscription]:
    """newsboat's ``urls``: queries and exec/filter sources are not feeds lede can fetch."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=False)
        except ValueError as error:
            raise LedeError(f"{name}:{number}: cannot read the line ({error})") from None
        url, rest = words[0], words[1:]
        if not url.startswith(("http://", "https://")):
            continue
        title = next((w[1:] for w in rest if w.startswith("~")), None)
        tags = tuple(w for w in rest if not w.startswith(("~", "!")))
        found.append(Subscription(url, title, tags))
    return found


def write_opml(subscriptions: list[Subscription]) -> str:
    """OPML 2.0, one outline a feed in order, its tags in ``category`` (as OPML 2.0
    says), so a list read back is the list written."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head><title>lede subscriptions</title></head>",
        "  <body>",
    ]
    for sub in subscriptions:
        title = f" title={quoteattr(sub.title)}" if sub.title else ""
        category = f" category={quoteattr(','.join(sub.tags))}" if sub.tags else ""
        lines.append(
            f'    <outline type="rss" text={quoteattr(sub.title or sub.url)}{title} '
            f"xmlUrl={quoteattr(sub.url)}{category}/>"
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
