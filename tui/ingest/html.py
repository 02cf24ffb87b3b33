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

from tui.ingest.decode import tidy
from tui.ingest.pagemeta import is_site_name, page_language, page_metadata
from tui.model import Block, BlockKind, BlockPlace, Metadata, RemovedBlock
from tui.reasons import Reason
from tui.textstats import SPACELESS_SCRIPTS

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

# Where a block stood, read from its ancestors' tags, classes and ids: a rule
# id (``html.place.…``) and the reason a reader sees.
PLACE_REASONS: tuple[tuple[re.Pattern[str], str, Reason], ...] = (
    (re.compile(r"cookie|consent|gdpr", re.I), "html.place.cookie", Reason.COOKIE_NOTICE),
    (
        re.compile(r"newsletter|subscribe|signup|sign-up", re.I),
        "html.place.newsletter",
        Reason.NEWSLETTER,
    ),
    (re.compile(r"share|social", re.I), "html.place.share", Reason.SHARE_BUTTONS),
    (
        re.compile(r"comment|discussion|disqus|respond|reply", re.I),
        "html.place.comments",
        Reason.COMMENTS,
    ),
    (
        re.compile(r"advert|\bads?\b|promo|sponsor|dfp", re.I),
        "html.place.advertisement",
        Reason.ADVERTISEMENT,
    ),
    (re.compile(r"most-?read|popular|trending", re.I), "html.place.most-read", Reason.MOST_READ),
    (
        re.compile(r"related|recommend|more-?stories|read-?more|teaser", re.I),
        "html.place.related",
        Reason.RELATED_LINKS,
    ),
    (re.compile(r"breadcrumb", re.I), "html.place.breadcrumb", Reason.BREADCRUMB),
    (re.compile(r"^nav$|menu|navbar|navigation", re.I), "html.place.navigation", Reason.NAVIGATION),
    (re.compile(r"^footer$|footer|colophon", re.I), "html.place.footer", Reason.PAGE_FOOTER),
    (
        re.compile(r"^header$|masthead|site-?header|^h1$", re.I),
        "html.place.header",
        Reason.PAGE_HEADER,
    ),
    (re.compile(r"^aside$|sidebar|widget", re.I), "html.place.sidebar", Reason.SIDEBAR),
    (re.compile(r"^form$", re.I), "html.place.form", Reason.FORM),
    (re.compile(r"caption|^figure$|credit", re.I), "html.place.caption", Reason.PHOTO_CAPTION),
    (re.compile(r"author|byline", re.I), "html.place.byline", Reason.BYLINE),
)
# All the place rules in one pattern: most elements match none, in one search.
_PLACES = re.compile(
    "|".join(f"(?P<p{i}>{pattern.pattern})" for i, (pattern, _, _) in enumerate(PLACE_REASONS)),
    re.I,
)
OUTSIDE_RULE = "html.outside-extract"  # no place rule: the extractor left it out
INSET = re.compile(r"related|card|embed|teaser|promo|inset|pullout|sidebar|callout", re.I)
# A card's title is a headline (at most this many words) that is mostly links.
CARD_TITLE_WORDS = 25
LINKED_SHARE = 0.6
# Links that lead to no page: a fragment of this one, a script, an address.
NO_PAGE = ("#", "javascript:", "mailto:", "tel:")
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
WORD = re.compile(rf"[{SPACELESS_SCRIPTS}]|[^\W{SPACELESS_SCRIPTS}]+")
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
    from copy import deepcopy

    tree = parse_html(html)
    language = page_language(tree)
    extraction = _extract(deepcopy(tree))  # trafilatura changes the tree it reads
    metadata, stated = page_metadata(tree, extraction, language)
    base = _base_address(tree, metadata.url, source)
    links = _links(tree, base)
    for hidden in tree.xpath(HIDDEN):
        hidden.drop_tree()
    page = list(page_blocks(tree))
    extracted = extraction.text if extraction is not None else ""
    page_chars = sum(len(b.text) for b in page)
    if len(extracted) < SHORT_EXTRACT and len(extracted) < SHORT_SHARE * page_chars:
        # Implausibly short against the page: ask again, leaning to recall.
        again = _extract(parse_html(html), favor_recall=True)
        if again is not None and len(again.text) > len(extracted):
            extracted = again.text
    reasons = _Reasons()
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
        blocks = [Block(tidy(p), line) for p in extracted.split("\n") if tidy(p)]
        removed = [_removed(b, reasons) for b in page]
        return HtmlReading(blocks, removed, metadata, stated, True, links)
    stated_title = metadata.title
    if stated_title and is_site_name(stated_title, metadata.site, _host(metadata.url)):
        metadata.title = None  # the site's name: the headline is a heading of the page
    title = _title_block(page, share, metadata.title, metadata.site)
    kept = [s >= KEPT_SHARE for s in share]
    _mark_places(page, kept, title, _host(base))
    for index, item in enumerate(page):
        if kept[index] or index == title or item.place in {"card", "card-title"}:
            blocks.append(item.block())
        else:
            removed.append(_removed(item, reasons))
    if title is not None and not metadata.title:
        metadata.title = page[title].text
    metadata.title = metadata.title or stated_title
    return HtmlReading(blocks, removed, metadata, stated, True, links)


def parse_html(html: str) -> Any:
    """An lxml tree of any page: an XML declaration or a fragment does not stop it.

    Comments and processing instructions are left out as the tree is built,
    as trafilatura's own parser does: its extractor expects a tree without
    them, and a comment inside a paragraph (``said <!-- -->it would``, as
    React renders text) would end that paragraph's text there. Leaving them
    out keeps a text node's pieces joined, for the blocks and the extractor alike.
    """
    import lxml.html
    from lxml.etree import ParserError

    text = _XML_DECLARATION.sub("", html, count=1)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (ParserError, ValueError):
        return lxml.html.document_fromstring(
            f"<html><body><pre>{_escape(text)}</pre></body></html>", parser=parser
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
    # Elements with a block inside them: found once, not per element.
    containers: set[Any] = set()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in BLOCK_TAGS:
            parent = element.getparent()
            while parent is not None and parent not in containers:
                containers.add(parent)
                parent = parent.getparent()
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in BLOCK_TAGS or element in skip:
            continue
        # The page was only decoded: its text is cleaned here, a block at a time.
        if tag == "table" and _is_data_table(element):
            skip.update(element.iterdescendants())
            if text := _table_text(element):
                yield PageBlock(element, text, element.sourceline or 0, "table")
            continue
        own_only = element in containers
        kind, level = _kind(element)
        for line, text in _lines(element, own_only):
            if text := tidy(text):
                yield PageBlock(element, text, line, kind, level)


def _mark_places(
    page: list[PageBlock], kept: list[bool], title: int | None, host: str | None
) -> None:
    """Mark body blocks in an inset, the cards the extractor left in the body,
    and each card's title.

    An inset is an ``<aside>`` or an element named like a card ("related",
    "embed", "teaser"...) that holds a small part of the body. A block the
    extractor left out but which stands in such a card between the body's
    first and last block is a card: perhaps another story the site put there.
    The first block of an inset or a ``<figure>``, when it is a link to
    another of the site's pages (a WordPress embed, an oEmbed card, a teaser;
    not a photo's credit or a post on a social network), is the card's
    title: the site's own marker for an inserted story, whose paragraphs may
    stand inside the card or follow it. Between the headline (``title``) and
    the body's first block, only a card with such a title counts. ``host``
    is the page's own (None when unknown: then any page's link may be the
    site's).
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
    # Between the headline and the story only a card with a title counts.
    start = title + 1 if title is not None and title < first else first
    titled: dict[Any, bool] = {}  # each card seen: whether its first block is a title
    for index, item in enumerate(page):
        if not start <= index <= last:
            continue
        small = [n for n in item.element.iterancestors() if held[n] < total / 2]
        insets = [n for n in small if _is_inset(n)]
        cards = [n for n in small if n.tag == "figure" or _is_inset(n)]
        card = cards[-1] if cards and _within(cards[-1], root) else None
        if card is not None and card not in titled:
            titled[card] = _links_away(item, host)
            if titled[card]:
                item.place = "card-title"
                continue
        if index < first and not (card is not None and titled[card]):
            continue
        if kept[index]:
            item.place = "inset" if insets else "flow"
        elif insets and _within(insets[-1], root):
            item.place = "card"


def _within(node: Any, root: Any) -> bool:
    return any(a is root for a in node.iterancestors())


def _links_away(item: PageBlock, host: str | None) -> bool:
    """A headline-long block that is mostly the words of links to the site's other pages."""
    if len(item.text.split()) > CARD_TITLE_WORDS:
        return False
    element = item.element
    if any(_is_site_link(a, host) for a in element.iterancestors("a")):
        return True
    linked = sum(
        len(text)
        for a in element.iter("a")
        if _is_site_link(a, host)
        and (text := _SPACES.sub(" ", a.text_content()).strip())
        and text in item.text
    )
    return linked >= LINKED_SHARE * len(item.text)


def _is_site_link(anchor: Any, host: str | None) -> bool:
    """A link to a page (not a fragment, a script or an address), on the site
    when the page's host is known."""
    href = (anchor.get("href") or "").strip()
    if not href or href.startswith(NO_PAGE):
        return False
    target = _host(href)
    return host is None or target is None or target == host


def _host(address: str | None) -> str | None:
    """An address's host without "www.", None for a relative one."""
    from urllib.parse import urlsplit

    if not address:
        return None
    try:
        netloc = urlsplit(address).hostname
    except ValueError:
        return None
    return netloc.removeprefix("www.") if netloc else None


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
    if not own_only and element.tag != "pre" and element.find(".//br") is None:
        text = _SPACES.sub(" ", element.text_content().replace("\u00ad", "")).strip()
        return [(element.sourceline or 0, text)] if text else []
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
    if caption is not None and (text := tidy(_SPACES.sub(" ", caption.text_content()).strip())):
        rows.append(text)
    for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        cells = [tidy(_SPACES.sub(" ", c.text_content()).strip()) for c in row.xpath("./td|./th")]
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _base_address(tree: Any, url: str | None, source: str) -> str | None:
    """What relative links are relative to: <base href>, else the page's own address."""
    from urllib.parse import urljoin

    page = url or (source if source.startswith(("http://", "https://")) else None)
    for base in tree.iter("base"):
        if href := (base.get("href") or "").strip():
            try:
                return urljoin(page, href) if page else href
            except ValueError:
                break
    return page


def _links(tree: Any, base: str | None = None) -> list[tuple[str, str]]:
    """The page's links with their anchor text, in order, each once; relative ones
    made whole against ``base``. Without one they stay as written ("/news/…"):
    shown, but they cannot be opened (the reader says why)."""
    from urllib.parse import urldefrag, urljoin

    seen: dict[str, str] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(NO_PAGE):
            continue
        try:
            href = urldefrag(urljoin(base, href) if base else href).url
        except ValueError:  # not an address at all ("http://[ccpa-preferences]")
            continue
        if (href.startswith(("http://", "https://")) or is_relative(href)) and href not in seen:
            seen[href] = _SPACES.sub(" ", anchor.text_content()).strip()
    return list((text, href) for href, text in seen.items())


def is_relative(address: str) -> bool:
    """An address relative to its page ("/news/a", "../b.html"): no scheme, no host."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(address)
    except ValueError:
        return False
    return bool(address) and not parts.scheme and not parts.netloc


# --- what trafilatura keeps --------------------------------------------------------


def _extract(tree: Any, favor_recall: bool = False) -> Any:
    """trafilatura's reading of the page: its text and its metadata (a Document)."""
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        favor_recall=favor_recall,
        with_metadata=True,
        # Dates only from what the page states (meta tags, <time>, its URL):
        # an extensive search would guess one from a copyright line.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


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
        words = WORD.findall(item.text.lower())
        tokens.extend(words)
        owner.extend([index] * len(words))
    wanted = WORD.findall(extracted.lower())
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


def _title_block(
    page: list[PageBlock], share: list[float], title: str | None, site: str | None
) -> int | None:
    """The heading that carries the article's title, before the body starts.

    With no title stated, the last ``<h1>`` above the body, else the last
    heading of any level there; never the site's own name (a logo set as a
    heading).
    """
    first_kept = next((i for i, s in enumerate(share) if s >= KEPT_SHARE), len(page))
    wanted = _normal(title or "")
    headings = [i for i, b in enumerate(page) if b.kind == "heading" and share[i] < KEPT_SHARE]
    if wanted:
        for i in headings:
            if _normal(page[i].text) == wanted:
                return i
        return None
    name = _normal(site or "")
    before = [i for i in headings if i < first_kept and _normal(page[i].text) != name]
    top = [i for i in before if page[i].level == 1]
    chosen = top or before
    return chosen[-1] if chosen else None


def _removed(item: PageBlock, reasons: _Reasons) -> RemovedBlock:
    reason, rule = reasons.of(item.element)
    return RemovedBlock(item.text, reason, item.line, rule)


class _Reasons:
    """Where a block stood, read from its ancestors; each element looked at once."""

    def __init__(self) -> None:
        self._known: dict[Any, tuple[Reason, str]] = {}

    def of(self, element: Any) -> tuple[Reason, str]:
        """The element's own reason and rule, else its nearest ancestor's, else outside's."""
        if element is None:
            return Reason.OUTSIDE_ARTICLE, OUTSIDE_RULE
        if element not in self._known:
            self._known[element] = _own_reason(element) or self.of(element.getparent())
        return self._known[element]


def _own_reason(node: Any) -> tuple[Reason, str] | None:
    """The reason and rule an element's own tag, class, id or role gives (first rule wins)."""
    if not isinstance(node.tag, str):
        return None
    found = [
        int(match.lastgroup[1:])
        for label in (node.tag, node.get("class"), node.get("id"), node.get("role"))
        if label and (match := _PLACES.search(label)) and match.lastgroup
    ]
    if not found:
        return None
    # One search per label finds its earliest match; the rule list's order decides.
    rules = [
        i
        for i, (pattern, _, _) in enumerate(PLACE_REASONS)
        if i <= min(found)
        and any(
            pattern.search(label)
            for label in (node.tag, node.get("class"), node.get("id"), node.get("role"))
            if label
        )
    ]
    _, rule, reason = PLACE_REASONS[min(rules)]
    return reason, rule


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))
