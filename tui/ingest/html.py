"""HTML to blocks: the page's own block elements, the article body as
trafilatura finds it, metadata from the page's own statements.

The page is cut into blocks the way a reader sees it (paragraphs, headings,
list items, quotes, data tables as one block each; a ``<br>`` ends a line).
trafilatura decides which text is the article; its output is aligned back to
those blocks word by word (so whitespace, entities, ``<br>``, inline tags and
soft hyphens never break the match), and a block it keeps is a body block.

Nothing vanishes: every other block is removed here with a reason taken from
where it stood (navigation, footer, sidebar, cookie notice...).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tui.ingest.pagemeta import page_metadata
from tui.model import Block, BlockKind, BlockPlace, Metadata, RemovedBlock

BLOCK_TAGS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre",
        "dt", "dd", "td", "th", "div", "section", "article", "aside", "header", "footer",
        "summary", "caption", "address", "center", "details", "fieldset", "legend",
        # Containers: they yield only text that no block inside them holds, so
        # a menu of bare links or stray text in <body> is never lost.
        "nav", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "form", "main",
        "figure", "body", "html",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Inside a data table's cells no such element stands: a layout table has them.
LAYOUT_IN_CELLS = frozenset({"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote"})

# Where a block stood, read from its ancestors' tags, classes and ids.
PLACE_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"cookie|consent|gdpr", re.I), "cookie notice"),
    (re.compile(r"newsletter|subscribe|signup|sign-up", re.I), "newsletter prompt"),
    (re.compile(r"share|social", re.I), "share buttons"),
    (re.compile(r"comment|discussion|disqus|respond|reply", re.I), "comments"),
    (re.compile(r"advert|\bads?\b|promo|sponsor|dfp", re.I), "advertisement"),
    (re.compile(r"most-?read|popular|trending", re.I), "most-read list"),
    (re.compile(r"related|recommend|more-?stories|read-?more|teaser", re.I), "related links"),
    (re.compile(r"breadcrumb", re.I), "breadcrumb"),
    (re.compile(r"^nav$|menu|navbar|navigation", re.I), "navigation"),
    (re.compile(r"^footer$|footer|colophon", re.I), "page footer"),
    (re.compile(r"^header$|masthead|site-?header|^h1$", re.I), "page header"),
    (re.compile(r"^aside$|sidebar|widget", re.I), "sidebar"),
    (re.compile(r"^form$", re.I), "form"),
    (re.compile(r"caption|^figure$|credit", re.I), "photo caption"),
    (re.compile(r"author|byline", re.I), "byline"),
)
OUTSIDE = "page text outside the article"
INSET = re.compile(r"related|card|embed|teaser|promo|inset|pullout|sidebar|callout", re.I)
# Elements whose text no reader sees.
HIDDEN = (
    "//script|//style|//template|//svg|//head|//iframe|//object|//rt|//rp"
    # An inline element a page hides (a formula's source) is never shown; a
    # hidden block often is, once a script reveals it (slides, "read more").
    "|//*[self::span or self::math or self::sup or self::sub or self::small]"
    "[contains(translate(@style, ' ', ''), 'display:none')]"
)
_SPACES = re.compile(r"\s+")
# Words; in scripts written without spaces (Chinese, Japanese) each character.
_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_BREAK = "\u2028"  # stands for <br> while text is gathered
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# A block trafilatura holds at least this share of is a body block.
KEPT_SHARE = 0.5
# An extraction shorter than this (characters) against a page with much more
# text is implausible; trafilatura is asked again, leaning to recall.
SHORT_EXTRACT = 250
SHORT_SHARE = 0.05
# When less than this share of the extracted words is in the page's text, the
# extractor read the article from the page's data instead.
DATA_SHARE = 0.5


@dataclass(slots=True)
class PageBlock:
    """One block of the page as a reader sees it, and the element it came from."""

    element: Any
    text: str
    line: int
    kind: BlockKind = "paragraph"
    level: int = 0

    place: BlockPlace = "flow"

    def block(self) -> Block:
        return Block(self.text, self.line, self.kind, self.level, self.place)


@dataclass(slots=True)
class HtmlReading:
    """What the page gives the cleaner: body blocks, furniture, metadata."""

    blocks: list[Block]
    removed: list[RemovedBlock]
    metadata: Metadata
    stated: set[str] = field(default_factory=set)
    body_known: bool = True
    links: list[tuple[str, str]] = field(default_factory=list)


def html_blocks(html: str, source: str) -> HtmlReading:
    """Body blocks, blocks removed as page furniture, and the page's metadata."""
    tree = parse_html(html)
    metadata, stated = page_metadata(tree)
    links = _links(tree)
    for hidden in tree.xpath(HIDDEN):
        hidden.drop_tree()
    page = list(page_blocks(tree))
    extracted = _extract(html, sum(len(b.text) for b in page))
    if not extracted.strip():
        # trafilatura found no article: every block goes to the text cleaner.
        return HtmlReading([b.block() for b in page], [], metadata, stated, False, links)
    share, found = _coverage(page, extracted)
    blocks: list[Block] = []
    removed: list[RemovedBlock] = []
    if found < DATA_SHARE:
        # The article is not in the page's text but in its data (JSON-LD, a
        # script's props): the extractor's paragraphs are the blocks, and the
        # page's own text is all furniture.
        line = _data_line(html)
        blocks = [Block(p.strip(), line) for p in extracted.split("\n") if p.strip()]
        removed = [RemovedBlock(b.text, _place_reason(b.element), b.line) for b in page]
        return HtmlReading(blocks, removed, metadata, stated, True, links)
    title = _title_block(page, share, metadata.title)
    kept = [s >= KEPT_SHARE for s in share]
    _mark_places(page, kept)
    for index, item in enumerate(page):
        if kept[index] or index == title or item.place == "card":
            blocks.append(item.block())
        else:
            removed.append(RemovedBlock(item.text, _place_reason(item.element), item.line))
    if title is not None and not metadata.title:
        metadata.title = page[title].text
    return HtmlReading(blocks, removed, metadata, stated, True, links)


def parse_html(html: str) -> Any:
    """An lxml tree of any page: an XML declaration or a fragment does not stop it."""
    import lxml.html
    from lxml.etree import ParserError

    text = _XML_DECLARATION.sub("", html, count=1)
    try:
        return lxml.html.document_fromstring(text)
    except (ParserError, ValueError):
        return lxml.html.document_fromstring(
            f"<html><body><pre>{_escape(text)}</pre></body></html>"
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def visible_text(html: str) -> str:
    """The text a browser would show of a page: what no block may lose."""
    tree = parse_html(html)
    for hidden in tree.xpath(HIDDEN):
        hidden.drop_tree()
    return " ".join(tree.itertext())


# --- the page's blocks -----------------------------------------------------------


def page_blocks(tree: Any) -> Any:
    """Every block of the page in reading order; a container only for its own text."""
    skip: set[Any] = set()
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in BLOCK_TAGS or element in skip:
            continue
        if tag == "table" and _is_data_table(element):
            skip.update(element.iterdescendants())
            if text := _table_text(element):
                yield PageBlock(element, text, element.sourceline or 0, "table")
            continue
        own_only = any(
            isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element.iterdescendants()
        )
        kind, level = _kind(element)
        for line, text in _lines(element, own_only):
            yield PageBlock(element, text, line, kind, level)


def _mark_places(page: list[PageBlock], kept: list[bool]) -> None:
    """Mark body blocks in an inset, and the cards the extractor left in the body.

    An inset is an ``<aside>`` or an element named like a card ("related",
    "teaser"...) that holds a small part of the body. A block the extractor
    left out but which stands in such a card between the body's first and
    last block is a card: perhaps another story the site put there.
    """
    body = [b for b, k in zip(page, kept, strict=True) if k]
    if not body:
        return
    total = sum(len(b.text) for b in body)
    held: dict[Any, int] = defaultdict(int)
    for item in body:
        for node in item.element.iterancestors():
            held[node] += len(item.text)
    root = next(n for n in body[0].element.iterancestors() if held[n] == total)
    first = next(i for i, k in enumerate(kept) if k)
    last = max(i for i, k in enumerate(kept) if k)
    for index, item in enumerate(page):
        if not first <= index <= last:
            continue
        insets = [n for n in item.element.iterancestors() if held[n] < total / 2 and _is_inset(n)]
        if kept[index]:
            item.place = "inset" if insets else "flow"
        elif insets and any(a is root for a in insets[-1].iterancestors()):
            item.place = "card"


def _is_inset(node: Any) -> bool:
    return node.tag == "aside" or bool(
        INSET.search(f"{node.get('class') or ''} {node.get('id') or ''}")
    )


def _kind(element: Any) -> tuple[BlockKind, int]:
    tag = element.tag
    if tag in HEADINGS:
        return "heading", int(tag[1])
    if tag in {"li", "dd", "dt"}:
        return "list_item", 0
    if tag == "pre":
        return "code", 0
    if tag == "blockquote" or any(a.tag == "blockquote" for a in element.iterancestors()):
        return "quote", 0
    return "paragraph", 0


def _lines(element: Any, own_only: bool) -> list[tuple[int, str]]:
    """The element's text split at ``<br>``, each piece with the line it starts on."""
    pieces: list[tuple[int, list[str]]] = [(element.sourceline or 0, [])]

    def add(text: str | None) -> None:
        if text:
            pieces[-1][1].append(text)

    def walk(node: Any, top: bool) -> None:
        if not top:
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag == "br":
                pieces.append((node.sourceline or pieces[-1][0], []))
                add(node.tail)
                return
            if own_only and tag in BLOCK_TAGS:
                add(node.tail)  # that block yields its own text
                return
            if isinstance(node.tag, str):
                add(node.text)
        else:
            add(node.text)
        for child in node:
            walk(child, False)
        if not top:
            add(node.tail)

    walk(element, True)
    if element.tag == "pre":
        # Preformatted text keeps its line breaks: one block, a line a row.
        joined = "".join(part for _, parts in pieces for part in parts).replace("\u00ad", "")
        rows = [row.rstrip() for row in joined.strip("\n").split("\n")]
        text = "\n".join(rows).strip()
        return [(element.sourceline or 0, text)] if text else []
    lines = []
    for line, parts in pieces:
        text = _SPACES.sub(" ", "".join(parts).replace("\u00ad", "")).strip()
        if text:
            lines.append((line, text))
    return lines


def _is_data_table(table: Any) -> bool:
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    if len(rows) < 2 or max(len(r.xpath("./td|./th")) for r in rows) < 2:
        return False
    return not any(
        isinstance(d.tag, str) and d.tag in LAYOUT_IN_CELLS for d in table.iterdescendants()
    )


def _table_text(table: Any) -> str:
    """A data table as text: one line a row, cells split by a tab."""
    rows = []
    caption = table.find("caption")
    if caption is not None and (text := _SPACES.sub(" ", caption.text_content()).strip()):
        rows.append(text)
    for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        cells = [_SPACES.sub(" ", c.text_content()).strip() for c in row.xpath("./td|./th")]
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _links(tree: Any) -> list[tuple[str, str]]:
    """The page's links with their anchor text, in order, each once."""
    seen: dict[str, str] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href.startswith(("http://", "https://")) and href not in seen:
            seen[href] = _SPACES.sub(" ", anchor.text_content()).strip()
    return list((text, href) for href, text in seen.items())


# --- what trafilatura keeps --------------------------------------------------------


def _extract(html: str, page_chars: int) -> str:
    """trafilatura's article text; asked again for recall when implausibly short."""
    import trafilatura

    def run(**options: bool) -> str:
        return (
            trafilatura.extract(html, include_comments=False, include_tables=True, **options) or ""
        )

    text = run()
    if len(text) < SHORT_EXTRACT and len(text) < SHORT_SHARE * page_chars:
        text = max(text, run(favor_recall=True), key=len)
    return text


def _coverage(page: list[PageBlock], extracted: str) -> tuple[list[float], float]:
    """For each page block, the share of its words the extracted text holds;
    and the share of the extracted words found in the page's blocks.

    Words are aligned in order: a run of four words anchors a match, which is
    then extended as far as the words agree; a word between anchors may match
    close by. Text in a different order (rare) is found wherever it stands.
    """
    owner: list[int] = []
    tokens: list[str] = []
    for index, item in enumerate(page):
        words = _WORD.findall(item.text.lower())
        tokens.extend(words)
        owner.extend([index] * len(words))
    wanted = _WORD.findall(extracted.lower())
    covered = [False] * len(tokens)
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(tokens) - 3):
        grams[tuple(tokens[i : i + 4])].append(i)
    cursor = 0
    j = 0
    while j < len(wanted):
        gram = tuple(wanted[j : j + 4])
        at = _next_at(grams.get(gram, []), cursor) if len(gram) == 4 else None
        if at is None:
            # a word on its own: only close after the cursor
            near = next(
                (i for i in range(cursor, min(cursor + 8, len(tokens))) if tokens[i] == wanted[j]),
                None,
            )
            if near is not None:
                covered[near] = True
                cursor = near + 1
            j += 1
            continue
        while j < len(wanted) and at < len(tokens) and tokens[at] == wanted[j]:
            covered[at] = True
            at += 1
            j += 1
        cursor = at
    totals = [0] * len(page)
    hits = [0] * len(page)
    for i, index in enumerate(owner):
        totals[index] += 1
        hits[index] += covered[i]
    shares = [hits[i] / totals[i] if totals[i] else 0.0 for i in range(len(page))]
    return shares, sum(covered) / len(wanted) if wanted else 1.0


def _data_line(html: str) -> int:
    """The line of the page's structured data (JSON-LD), else of its <body>."""
    for marker in ("application/ld+json", "<body"):
        at = html.find(marker)
        if at >= 0:
            return html.count("\n", 0, at) + 1
    return 1


def _next_at(positions: list[int], cursor: int) -> int | None:
    """The first position at or after the cursor, else the first of all."""
    from bisect import bisect_left

    if not positions:
        return None
    index = bisect_left(positions, cursor)
    return positions[index] if index < len(positions) else positions[0]


def _title_block(page: list[PageBlock], share: list[float], title: str | None) -> int | None:
    """The heading that carries the article's title, before the body starts."""
    first_kept = next((i for i, s in enumerate(share) if s >= KEPT_SHARE), len(page))
    wanted = _normal(title or "")
    headings = [i for i, b in enumerate(page) if b.kind == "heading" and share[i] < KEPT_SHARE]
    if wanted:
        for i in headings:
            if _normal(page[i].text) == wanted:
                return i
        return None
    before = [i for i in headings if i < first_kept and page[i].level == 1]
    return before[-1] if before else None


def _place_reason(element: Any) -> str:
    for node in [element, *element.iterancestors()]:
        if not isinstance(node.tag, str):
            continue
        labels = [node.tag, node.get("class") or "", node.get("id") or "", node.get("role") or ""]
        for pattern, reason in PLACE_REASONS:
            if any(pattern.search(label) for label in labels if label):
                return reason
    return OUTSIDE


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
