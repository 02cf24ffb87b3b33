"""HTML to blocks: every block element with its line, the article body found
by trafilatura, metadata from trafilatura's metadata extractor.

Nothing vanishes: a block trafilatura leaves out is either inside the
article's own container (an aside, a related card, an embed) and goes to the
cleaner and segmenter like any plain-text block, or it is page furniture and
is removed here with a reason taken from where it stood (navigation, footer,
sidebar, cookie banner...).
"""

from __future__ import annotations

import re
from typing import Any

from tui.model import Block, Metadata, RemovedBlock

BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "pre",
    "dt",
    "dd",
    "td",
    "th",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "summary",
    "caption",
    "address",
    # Containers: they yield only text that no block inside them holds, so
    # a menu of bare links or stray text in <body> is never lost.
    "nav",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "form",
    "main",
    "figure",
    "body",
}

# Where a block stood, read from its ancestors' tags, classes and ids.
PLACE_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"cookie|consent|gdpr", re.I), "cookie notice"),
    (re.compile(r"newsletter|subscribe|signup|sign-up", re.I), "newsletter prompt"),
    (re.compile(r"share|social", re.I), "share buttons"),
    (re.compile(r"comment|discussion|disqus", re.I), "comments"),
    (re.compile(r"advert|\bads?\b|promo|sponsor|dfp", re.I), "advertisement"),
    (re.compile(r"most-?read|popular|trending", re.I), "most-read list"),
    (re.compile(r"related|recommend|more-?stories|read-?more|teaser", re.I), "related links"),
    (re.compile(r"breadcrumb", re.I), "breadcrumb"),
    (re.compile(r"^nav$|menu|navbar|navigation", re.I), "navigation"),
    (re.compile(r"^footer$|site-?footer|colophon", re.I), "page footer"),
    (re.compile(r"^header$|masthead|site-?header", re.I), "page header"),
    (re.compile(r"^aside$|sidebar|rail", re.I), "sidebar"),
    (re.compile(r"^form$", re.I), "form"),
)
_SPACES = re.compile(r"\s+")


def html_blocks(html: str, source: str) -> tuple[list[Block], list[RemovedBlock], Metadata]:
    """Blocks to clean, blocks removed as page furniture, and the page's metadata."""
    import lxml.html
    import trafilatura

    tree = lxml.html.document_fromstring(html)
    metadata = _metadata(tree, source)  # before the <head> goes: its <meta> tags say most
    for hidden in tree.xpath("//script|//style|//noscript|//template|//svg|//head"):
        hidden.drop_tree()
    extracted = (
        trafilatura.extract(
            html,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
        or ""
    )
    in_body = {_normal(line) for line in extracted.splitlines() if line.strip()}
    elements = list(_block_elements(tree))
    kept_elements = [el for el, text in elements if _normal(text) in in_body]
    container = _common_ancestor(kept_elements)
    blocks: list[Block] = []
    removed: list[RemovedBlock] = []
    for element, text in elements:
        line = element.sourceline or 0
        if _normal(text) in in_body or (container is not None and _inside(element, container)):
            blocks.append(_block(element, text, line))
        else:
            removed.append(RemovedBlock(text, _place_reason(element), line))
    return blocks, removed, metadata


def _block_elements(tree: Any) -> Any:
    """Block elements and their text; a container only for text of its own."""
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in BLOCK_TAGS:
            continue
        has_blocks = any(
            isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element.iterdescendants()
        )
        text = _own_text(element) if has_blocks else element.text_content()
        text = _SPACES.sub(" ", text).strip()
        if text:
            yield element, text


def _own_text(element: Any) -> str:
    """Text that belongs to no block inside ``element`` (a block's is its own)."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        if child.tag in BLOCK_TAGS:
            pass  # that block yields its own text
        elif any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in child.iterdescendants()):
            parts.append(_own_text(child))
        else:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join(parts)


def _block(element: Any, text: str, line: int) -> Block:
    tag = element.tag
    if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        return Block(text, line, "heading", int(tag[1]))
    if tag == "li":
        return Block(text, line, "list_item")
    if tag == "blockquote" or any(a.tag == "blockquote" for a in element.iterancestors()):
        return Block(text, line, "quote")
    return Block(text, line, "paragraph")


def _common_ancestor(elements: list[Any]) -> Any:
    if not elements:
        return None
    paths = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = None
    for level in zip(*paths, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    if common is not None and common.tag in {"html", "body"}:
        return None
    return common


def _inside(element: Any, container: Any) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


def _place_reason(element: Any) -> str:
    for node in [element, *element.iterancestors()]:
        if not isinstance(node.tag, str):
            continue
        labels = [node.tag, node.get("class") or "", node.get("id") or "", node.get("role") or ""]
        for pattern, reason in PLACE_REASONS:
            if any(pattern.search(label) for label in labels if label):
                return reason
    return "outside the article body"


def _metadata(tree: Any, source: str) -> Metadata:
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(tree)
    metadata = Metadata()
    if found is None:
        return metadata
    metadata.title = found.title or None
    metadata.byline = found.author or None
    metadata.site = found.sitename or None
    metadata.url = found.url or None
    metadata.language = getattr(found, "language", None) or tree.get("lang") or None
    categories = [*(found.categories or []), *(found.tags or [])]
    metadata.categories = list(dict.fromkeys(c for c in categories if c))
    if found.date and re.match(r"\d{4}-\d{2}-\d{2}$", found.date):
        metadata.date = found.date
        metadata.date_source = "html"
    return metadata


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()
