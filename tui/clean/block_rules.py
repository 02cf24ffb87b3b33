"""What one block is on its own, before its neighbours are considered: the
chrome patterns, bylines, dates, breadcrumbs, and the shape of its text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.clean.features import BlockFeatures
from tui.clean.patterns import (
    BREADCRUMB_SEPARATORS,
    BYLINE,
    BYLINE_DATED,
    BYLINE_ROLE,
    CHROME,
    DATE_LINE,
    GLUED_LABELS,
    INTERVIEW_LINE,
    LISTS,
    RELATED_LINK,
    ROLE_LINE,
    ROLE_WORDS,
    TERMINALS,
    TRAIL_MARK,
    WIRE_SLUG,
    RuleSet,
    is_photo_caption,
)
from tui.clean.settings import (
    CHROME_MAX_CHARS,
    CHROME_MAX_WORDS,
    HEADLINE_WORDS,
    QUESTION_HEADLINE_WORDS,
    ROLE_LINE_WORDS,
    TRAIL_WORDS,
)
from tui.clean.types import Label, LabelKind
from tui.model import Block
from tui.reasons import Reason


@dataclass(frozen=True, slots=True)
class Seen:
    """A block as its rules see it: its text, in lower case too, and its features."""

    block: Block
    text: str
    lowered: str
    feats: BlockFeatures


@dataclass(frozen=True, slots=True)
class BlockRule:
    """One rule of what a block is on its own: its id and its test. With a
    ``fixed`` label, the test says whether it holds and the block gets that
    label; without, the test reads the block's label (None: the next rule
    decides). ``short``: it is tried only on a block no longer than chrome is
    (a paragraph is never a button)."""

    id: str
    test: Callable[[Seen], object]
    short: bool = False
    fixed: Label | None = None


def _sections(seen: Seen) -> Label | None:
    """The chrome tables: a section that ends the article, a list's header, chrome."""
    sections: tuple[tuple[RuleSet, LabelKind], ...] = (
        (TERMINALS, "terminal"),
        (LISTS, "list"),
        (CHROME, "remove"),
    )
    for rules, kind in sections:
        if rule := rules.match(seen.text, seen.lowered):
            return Label(kind, rule.reason, rule=rule.id)
    return None


def _dated_byline(seen: Seen) -> Label | None:
    if not (match := BYLINE_DATED.match(seen.text)):
        return None
    found = {k: v for k, v in match.groupdict().items() if v}
    names = _byline("By " + (found.get("names") or found.get("names2") or found["names3"]))
    if not names:
        return None
    date = found.get("date") or found.get("date2") or found["date3"]
    return Label("byline", Reason.BYLINE, (names, date))


def _when(
    id: str,
    holds: Callable[[Seen], object],
    kind: LabelKind,
    reason: Reason | None = None,
    value: str = "",
    short: bool = False,
) -> BlockRule:
    """A rule that gives one label, made once, to every block it holds for."""
    return BlockRule(id, holds, short, Label(kind, reason, value, rule=id))


def _breadcrumb(seen: Seen) -> Label | None:
    categories = breadcrumb_labels(seen.text, seen.feats)
    return Label("breadcrumb", Reason.BREADCRUMB, categories) if categories else None


def _date_line(seen: Seen) -> Label | None:
    match = DATE_LINE.match(seen.text)
    return Label("date", Reason.PUBLICATION_DATE, match.group("date")) if match else None


def _named_byline(seen: Seen) -> Label | None:
    byline = _byline(seen.text)
    return Label("byline", Reason.BYLINE, byline) if byline else None


# In order: the first rule that holds labels the block.
BLOCK_RULES: tuple[BlockRule, ...] = (
    # A source marked it as data: content, not chrome.
    _when("block.data", lambda s: s.block.kind in {"table", "code"}, "prose"),
    # The page marked it up as a card's link to another story: the segmenter
    # decides, as for "Related: …", whether a story follows.
    _when(
        "block.card-title",
        lambda s: s.block.place == "card-title",
        "headline",
        Reason.RELATED_LINK,
        "related",
    ),
    _when("block.wire-slug", lambda s: WIRE_SLUG.match(s.text), "remove", Reason.WIRE_SLUG),
    BlockRule("block.sections", _sections, short=True),
    # An interview's question is its text, not a heading.
    _when("block.interview-line", lambda s: INTERVIEW_LINE.match(s.text), "prose", short=True),
    # A card: removed unless a story follows it (the segmenter decides).
    _when(
        "block.related-marker",
        lambda s: RELATED_LINK.match(s.text) and not s.feats.n_sentences > 1,
        "headline",
        Reason.RELATED_LINK,
        "related",
        short=True,
    ),
    _when(
        "block.photo-caption",
        lambda s: is_photo_caption(s.text, s.lowered),
        "remove",
        Reason.PHOTO_CAPTION,
        short=True,
    ),
    BlockRule("block.byline-dated", _dated_byline, short=True),
    BlockRule("block.byline", _named_byline, short=True),
    # A byline no name was read from: a role ("By Staff Writer"), or a name
    # run into its role ("Richard Adams Education editor").
    _when(
        "block.byline-role",
        lambda s: (
            BYLINE.match(s.text)
            or (3 <= s.feats.n_words <= ROLE_LINE_WORDS and ROLE_LINE.match(s.text))
        ),
        "remove",
        Reason.BYLINE,
        short=True,
    ),
    BlockRule("block.date-line", _date_line, short=True),
    _when("block.address", lambda s: s.feats.url_like, "remove", Reason.LINK, short=True),
    BlockRule("block.breadcrumb", _breadcrumb),
    _when("block.heading", lambda s: s.block.kind == "heading", "headline"),
    _when("block.question-headline", lambda s: _is_question_headline(s.text, s.feats), "headline"),
    _when("block.prose", lambda s: s.feats.is_prose, "prose"),
    _when("block.menu-shaped", lambda s: s.feats.is_menu_like, "menu", Reason.NAVIGATION),
    _when("block.headline-shaped", lambda s: s.feats.is_headline_like, "headline"),
    # A short sentence, such as a one-line quote.
    _when(
        "block.short-sentence", lambda s: s.feats.ends_sentence and s.feats.n_words >= 2, "prose"
    ),
)
# No rule held: a fragment of page chrome.
FRAGMENT = Label("fragment", Reason.PAGE_CHROME, rule="block.fragment")


def label_block(block: Block, feats: BlockFeatures) -> Label:
    """What a block is on its own, before its neighbours are considered: the
    first of ``BLOCK_RULES`` that holds, with its id."""
    text = block.text.strip()
    short = feats.n_words <= CHROME_MAX_WORDS and len(text) <= CHROME_MAX_CHARS
    seen = Seen(block, text, text.lower() if short else "", feats)
    for rule in BLOCK_RULES:
        if rule.short and not short:
            continue
        if rule.fixed is not None:
            if rule.test(seen):
                return rule.fixed
        elif isinstance(label := rule.test(seen), Label):
            return label if label.rule else label._replace(rule=rule.id)
    return FRAGMENT


def _is_question_headline(text: str, feats: BlockFeatures) -> bool:
    """ "Is the four-day week here to stay?": a headline may ask."""
    return (
        feats.ends_question_or_exclamation
        and feats.n_sentences <= 1
        and 3 <= feats.n_words <= QUESTION_HEADLINE_WORDS
        and text[:1].isupper()
    )


def breadcrumb_labels(text: str, feats: BlockFeatures) -> tuple[str, ...]:
    """Category labels of a breadcrumb line, or () when it is not one.

    A trail marked as one ("Home › World › Europe › Plants to close") may end
    with the story's headline, however long."""
    if feats.ends_sentence or feats.n_words == 0 or feats.n_words > TRAIL_WORDS:
        return ()
    if feats.glued_joins >= 2:  # three labels at least: "TechWire" is one brand
        parts = GLUED_LABELS.split(text)
    elif BREADCRUMB_SEPARATORS.search(text):
        parts = BREADCRUMB_SEPARATORS.split(text)
    else:
        return ()
    marked = TRAIL_MARK.search(text) is not None
    if feats.n_words > 12 and not marked:
        return ()
    parts = [p.strip() for p in parts if p.strip()]
    longest = HEADLINE_WORDS if marked else 4
    if (
        len(parts) < 2
        or any(len(p.split()) > 4 for p in parts[:-1])
        or len(parts[-1].split()) > longest
        or not all(p[:1].isupper() for p in parts)
    ):
        return ()
    if any(len(word) < 2 for p in parts for word in p.split()):
        return ()  # "W D L G / F G / A": a table's header, not a trail of sections
    return tuple(p for p in parts if p.lower() not in {"home", "homepage", "start"})


def _byline(text: str) -> str | None:
    """The writers' names of a byline ("By Jane Doe, Staff Writer" → "Jane Doe")."""
    for pattern in (BYLINE, BYLINE_ROLE):
        if match := pattern.match(text):
            names = [n.strip() for n in match.group("names").split(",")]
            return ", ".join(n for n in names if n and not ROLE_WORDS.search(n)) or None
    return None
