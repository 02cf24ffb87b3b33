"""Clean: decide for every block keep or remove, and say why.

Two passes, in the manner of jusText. First each block gets a label from its
own features and the chrome patterns (prose, headline, menu, byline...). Then
context decides: the title is the headline that opens the first run of prose;
what comes before it is page furniture; list sections ("Most read") swallow
the headlines under them; a comments header ends the article; a headline with
no prose after it is a related link, not a story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import pairwise
from typing import Literal, NamedTuple

from tui.clean.dates import full_date
from tui.clean.features import BlockFeatures, block_features
from tui.clean.patterns import (
    AUTHOR_BIO,
    AUTHOR_BIO_WORDS,
    BREADCRUMB_SEPARATORS,
    BULLET,
    BYLINE,
    BYLINE_DATED,
    BYLINE_ROLE,
    CAPS_SLUG,
    CHROME,
    CODE_LIKE,
    CONTENTS_HEADER,
    DATE_LINE,
    DATELINE,
    GLUED_LABELS,
    INTERVIEW_LINE,
    LISTS,
    MENU_SEPARATOR,
    META_LINE,
    NUMBERED_ITEM,
    NUMBERING,
    PERSON_NAME_LINE,
    RELATED_LINK,
    RELEASE_END,
    ROLE_LINE,
    ROLE_WORDS,
    SITE_LINK,
    TERMINALS,
    TRAIL_MARK,
    TRAIL_ROOT,
    WIRE_SLUG,
    RuleSet,
    is_dateline,
    is_photo_caption,
)
from tui.clean.titles import (
    CONTENTS_REASON,
    Page,
    best_title,
    ends_as_headline,
    in_sites_list,
    marked_trail,
)
from tui.ingest import RawArticle
from tui.model import Block, Metadata, RemovedBlock
from tui.textstats import stop_words, stoplist, vocabulary_of_words, words

# "related" is a heading marked as a link to another story ("Read more: ...").
Role = Literal["title", "heading", "related", "paragraph"]
LabelKind = Literal[
    "remove",
    "breadcrumb",
    "byline",
    "date",
    "list",
    "terminal",
    "prose",
    "headline",
    "menu",
    "fragment",
]

CONTROL_REASON = "control characters removed"
# The value of a label the learned classifier gave (not a certain rule).
LEARNED = "learned"
_CHROME_MAX_WORDS = 60
_CHROME_MAX_CHARS = 600
_NON_WORDS = re.compile(r"\W+")
# A list card's teaser is one sentence of at most this many words.
TEASER_WORDS = 30

_LOOKAHEAD = 4
# A headline that asks has at most this many words.
QUESTION_HEADLINE_WORDS = 15
# Blocks the model is sure of (for weighing the article before and after a
# section header); so many of them after it make the header premature.
KEEP_STRONG = 0.7
# Between the article's first and last kept blocks, the rules' prose needs less:
# a paragraph the model doubts because menus stand near it is still in the story.
KEEP_INSIDE = 0.3
# So many paragraphs under time stamps make a live blog's entries.
LIVE_ENTRIES = 3
CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?![:.]\d{2,4}\b)")
# So many kept headline-like lines in a row there are a list's items.
ITEM_RUN = 3
# A line shaped like code there needs only this (menus score lower still).
KEEP_CODE = 0.1
MIN_RUN_AFTER = 3
# Lines set into an article's text that do not end it: the sentences after
# one still run on from the story.
INLINE_SLOTS = frozenset({"advertisement", "photo caption"})
# Labels that are certain page furniture: a text with none of them is bare.
PAGE_FURNITURE = frozenset({"remove", "list", "terminal", "breadcrumb", "menu"})
# In a bare text the prose starts within this many lines; a heading there is short.
BARE_PROSE_START = 3
BARE_HEADING_WORDS = 8
# A wire dateline opens one of the story's first so many paragraphs.
DATELINE_PARAGRAPHS = 5
# A standfirst has at least this many words.
STANDFIRST_WORDS = 8
# A heading of more words than this is a paragraph marked up as a heading.
MAX_HEADING_WORDS = 20
CREDITS_REASON = "reporting credits"
_AFTER_END = {
    CREDITS_REASON: "page chrome after the article",
    "author biography": "author biography",
}
_SKIPPABLE = {"remove", "byline", "date"}
# Why a line between the title and the story goes, when it has no reason of its own.
BETWEEN = "page chrome between the headline and the story"
# A section's name standing over a story ("Features", "World news") is this short.
KICKER_WORDS = 3
# A headline is at most this many words long.
HEADLINE_WORDS = 25
# The title is looked for among so many blocks above the story; one this long
# or longer is taken before a shorter one nearer ("Share this", "Tweet").
TITLE_WINDOW = 10
TITLE_WORDS = 4
# The publication date is looked for in lines of at most so many words, from
# so many lines above the headline to so many into the story.
DATE_LINE_WORDS = 30
DATE_LINES_ABOVE = 3
DATE_LINES_BELOW = 3
# A trail split by slashes alone has at least so many items ("News / World /
# Europe"); fewer, it is a pair of tabs ("Impressum / Kontakt").
SLASHED_TRAIL_ITEMS = 3
# A marked trail ending with its story's headline has at most so many words.
TRAIL_WORDS = 35
# A trail names at most so many sections under its root; more is a menu.
TRAIL_ITEMS = 5
# A row of sections over the headline ("Politics | Congress") names at most so
# many, split by bars or dots.
KICKER_ITEMS = 3
KICKER_SEPARATOR = re.compile(r"\s+[|•·]\s+")
KICKER_FLAG = re.compile(
    r"^(?:breaking(?: news)?|live|latest|exclusive|updated|new|just in)$", re.IGNORECASE
)
# A writer's name and role on one line ("Richard Adams Education editor") is this short.
ROLE_LINE_WORDS = 6
# A run of at least this many lines numbered in turn is a list the writer made.
NUMBERED_LIST_ITEMS = 5
# A writer's biography is among the last this many paragraphs.
BIO_PARAGRAPHS = 2
WRITERS_LIST = "the writer's numbered list"
# How many lines a byline broken at its links may run to ("By", names, handles, "and").
_BYLINE_PARTS = 8
BY_ALONE = re.compile(r"^(?i:by|written by|words by|story by|text by|reported by|von|par|por):?$")
HANDLE_LINE = re.compile(r"^@\w{1,30}$")


@dataclass(frozen=True, slots=True)
class KeptBlock:
    """A block the cleaner kept, with the role it plays in the article."""

    block: Block
    role: Role


@dataclass(slots=True)
class Cleaned:
    """The cleaner's output: kept blocks in order, removed ones with reasons."""

    source: str
    metadata: Metadata
    kept: list[KeptBlock]
    removed: list[RemovedBlock]
    title_index: int | None = None  # index in ``kept`` of the title, if any
    body_known: bool = False  # the source found the body (see ``RawArticle``)
    links: list[tuple[str, str]] = field(default_factory=list)  # (words, address)


class Label(NamedTuple):
    """What the rules (and then the model) say of one block."""

    kind: LabelKind
    reason: str = ""
    value: str | tuple[str, ...] = ""
    score: float = 0.0  # the classifier's probability that it is article text


@dataclass(slots=True)
class _Decisions:
    kept: list[KeptBlock] = field(default_factory=list)
    removed: list[RemovedBlock] = field(default_factory=list)

    def remove(self, block: Block, reason: str) -> None:
        self.removed.append(RemovedBlock(block.text, reason, block.source_line))


def clean(raw: RawArticle) -> Cleaned:
    """Split a raw article's blocks into kept (with roles) and removed (with reasons)."""
    blocks = raw.blocks
    features, labels, functions = read_labels(blocks)
    # What the text says (title, byline, date) fills in a copy: the raw article stays as read.
    metadata = replace(raw.metadata, categories=list(raw.metadata.categories))

    decisions = _Decisions()
    if raw.controls_removed:
        decisions.removed.append(
            RemovedBlock(
                f"{raw.controls_removed} control character(s) or escape sequence(s), "
                f"first on line {raw.controls_line}",
                CONTROL_REASON,
                raw.controls_line,
            )
        )

    if raw.body_known:
        title_index = _decide_known_body(blocks, labels, metadata, raw.stated, decisions)
    elif _is_bare(labels):
        title_index = _decide_bare_text(blocks, labels, metadata, raw.stated, decisions)
    else:
        learned = learned_labels(blocks, labels, features)
        month_first = functions is stop_words()  # English pages write "07/05" for July 5th
        attempt = _Decisions(list(decisions.kept), list(decisions.removed))
        title_index = _decide_found_body(
            blocks, learned, labels, features, metadata, raw.stated, attempt, month_first
        )
        if not any(k.role == "paragraph" for k in attempt.kept):
            # The model left no story at all (a page whose article is one short
            # paragraph among furniture): the rules alone decide, never nothing.
            attempt = _Decisions(list(decisions.kept), list(decisions.removed))
            title_index = _decide_found_body(
                blocks, labels, labels, features, metadata, raw.stated, attempt, month_first
            )
        decisions = attempt

    decisions.removed.extend(raw.pre_removed)
    decisions.removed.sort(key=lambda r: r.source_line)
    _read_dateline(decisions.kept, metadata)
    return Cleaned(
        raw.source,
        metadata,
        decisions.kept,
        decisions.removed,
        title_index,
        raw.body_known,
        raw.links,
    )


def read_labels(blocks: list[Block]) -> tuple[list[BlockFeatures], list[Label], frozenset[str]]:
    """Each block's features and what the rules make of it among its
    neighbours, and the page's function words (its own language's)."""
    # A page repeats its menus and footers: each distinct line is read once.
    tokens = {b.text: words(b.text) for b in blocks}
    functions = vocabulary_of_words(tokens[b.text] for b in blocks).function_words
    features, labels = _read_blocks(blocks, tokens, functions)
    labels = _split_bylines(blocks, labels)
    labels = _mark_numbered_lists(blocks, _mark_contents(blocks, labels))
    labels = _slugs_over_headlines(blocks, _headlines_over_bylines(blocks, labels, features))
    return features, labels, functions


def _slugs_over_headlines(blocks: list[Block], labels: list[Label]) -> list[Label]:
    """A wire's slug headline in capitals over its headline in ordinary case
    ("CRICKET-ENGLAND V SOUTH AFRICA SCOREBOARD") is the copy's metadata."""
    for index in range(len(blocks) - 1):
        text = blocks[index].text
        if (
            CAPS_SLUG.match(text)
            and not any(ch.islower() for ch in text)
            and labels[index + 1].kind == "headline"
            and any(ch.islower() for ch in blocks[index + 1].text)
        ):
            labels[index] = Label("remove", "wire slug")
    return labels


def _read_blocks(
    blocks: list[Block], tokens: dict[str, list[str]], functions: frozenset[str]
) -> tuple[list[BlockFeatures], list[Label]]:
    """Each block's features and what the rules make of it alone, each distinct
    line once (both are immutable, so repeats share them)."""
    read: dict[tuple[str, str, str], tuple[BlockFeatures, Label]] = {}
    features, labels = [], []
    for block in blocks:
        key = (block.kind, block.place, block.text)
        if (known := read.get(key)) is None:
            feats = block_features(block.text, functions, tokens[block.text])
            known = read[key] = (feats, label_block(block, feats))
        features.append(known[0])
        labels.append(known[1])
    return features, labels


def _is_bare(labels: list[Label]) -> bool:
    """An article as written, with no page around it (wire copy, a plain text).

    No line is certain page furniture (menus, share bars, cookie prompts,
    "Most read", comments...) and the prose starts within the first lines:
    then every line is the writer's, results tables and lists included.
    """
    prose = [i for i, label in enumerate(labels) if label.kind == "prose"]
    if not prose or prose[0] > BARE_PROSE_START:
        return False
    for index, label in enumerate(labels):
        # A row that looks like a menu after the story has begun is data (a
        # table's header, a line of results); above the story it is a menu.
        inside = prose[0] < index
        if (label.kind in PAGE_FURNITURE and not (label.kind == "menu" and inside)) or (
            label.value == "related"
        ):
            return False
    return True


def _decide_bare_text(
    blocks: list[Block],
    labels: list[Label],
    metadata: Metadata,
    stated: frozenset[str],
    decisions: _Decisions,
) -> int | None:
    """A text with nothing around it: the first line is its title when it reads
    as one, bylines and date lines are metadata, everything else is the story."""
    title_index: int | None = None
    # Headlines with no story after them at the very end are links to others
    # (a line with figures in it is a result, not a link).
    tail = len(blocks)
    while (
        tail > 1
        and labels[tail - 1].kind == "headline"
        and not any(ch.isdigit() for ch in blocks[tail - 1].text)
    ):
        tail -= 1
    # A title the source states (front matter, a sidecar) marks where the article
    # starts: a short line above it is the page's, not the writer's.
    stated_at = _stated_title_at(blocks, metadata) if "title" in stated else None
    for index, (block, label) in enumerate(zip(blocks, labels, strict=True)):
        if index >= tail:
            decisions.remove(block, "headline without a story (related link)")
        elif stated_at is not None and index < stated_at and label.kind != "prose":
            decisions.remove(block, "page chrome before the headline")
        elif index == stated_at or (
            stated_at is None and index == 0 and label.kind in {"headline", "fragment"}
        ):
            title_index = len(decisions.kept)
            decisions.kept.append(KeptBlock(block, "title"))
            if "title" not in stated:
                metadata.title = metadata.title or block.text
        elif label.kind in {"byline", "date"}:
            _take_metadata(label, metadata, stated)
            decisions.remove(block, label.reason)
        elif (
            label.kind == "headline"
            and len(block.text.split()) <= BARE_HEADING_WORDS
            and _prose_follows(labels, index)
        ):
            decisions.kept.append(KeptBlock(block, "heading"))
        else:
            decisions.kept.append(KeptBlock(block, "paragraph"))
    return title_index


def _stated_title_at(blocks: list[Block], metadata: Metadata) -> int | None:
    """The block near the top that is the title the source states, if one is."""
    if not metadata.title:
        return None
    wanted = _normal(metadata.title)
    return next(
        (i for i, b in enumerate(blocks[:BARE_PROSE_START]) if _normal(b.text) == wanted), None
    )


def learned_labels(
    blocks: list[Block], labels: list[Label], features: list[BlockFeatures]
) -> list[Label]:
    """Where no rule is certain, the classifier learned from real pages decides.

    A block the rules read as prose but the model scores low is page
    furniture (its reason: the model's strongest cue, in words); a line the
    rules could not place that the model scores high is prose. Headlines
    keep their label: the title and subheadings are found from them.
    """
    from tui.clean.classifier import KEEP, rule_kind, score

    rules = [rule_kind(label.kind, label.reason) for label in labels]
    out = []
    # Only blocks the rules read as prose can be removed with the model's cue.
    prose = {i for i, label in enumerate(labels) if label.kind == "prose"}
    scores = score([b.text for b in blocks], features, rules, reasons_for=prose)
    kept = [
        i for i, s in enumerate(scores) if s.probability >= KEEP or labels[i].value == WRITERS_LIST
    ]
    last = kept[-1] if kept else len(blocks)
    run_end = _numbered_sections_end(blocks, labels, last, _sentence_run_end(labels, last))
    first = kept[0] if kept else len(blocks)
    entries = _dated_entries(blocks, labels)
    for index, (label, scored) in enumerate(zip(labels, scores, strict=True)):
        inside = last < index <= run_end  # sentences that run on after the article
        inside = inside or (first < index < last and scored.probability >= KEEP_INSIDE)
        # The model never saw such lists whole, nor a live blog's entries.
        certain = label.value == WRITERS_LIST or index in entries
        if label.kind == "prose" and scored.probability < KEEP and not inside and not certain:
            out.append(Label("remove", f"page chrome ({scored.cue})", LEARNED))
        elif (label.kind in {"fragment", "menu"} and scored.probability >= KEEP) or (
            label.kind == "fragment"
            and first < index < last
            and _is_code(blocks[index].text, scored.probability)
        ):
            out.append(Label("prose"))
        else:
            out.append(label)
    out = [
        Label(label.kind, label.reason, label.value, s.probability)
        for label, s in zip(out, scores, strict=True)
    ]
    out = _item_runs(out, first, last, KEEP)
    return _premature_ends(out, [s.probability for s in scores])


def _dated_entries(blocks: list[Block], labels: list[Label]) -> set[int]:
    """A live blog's entries: prose under a time stamp (a date with its clock
    time: a card in a list of stories has the date alone), again and again
    (at least LIVE_ENTRIES times). Each reads to the model as a card."""
    entries = {
        index + 1
        for index in range(len(labels) - 1)
        if labels[index].kind == "date"
        and labels[index + 1].kind == "prose"
        and CLOCK_TIME.search(blocks[index].text)
    }
    return entries if len(entries) >= LIVE_ENTRIES else set()


def _item_runs(labels: list[Label], first: int, last: int, keep: float) -> list[Label]:
    """Three or more headline-like lines in a row inside the article, each one
    the model keeps, are the writer's list ("Use the walls" / "Pick products
    that serve twice" / …), not headlines that lost their stories."""
    index = first
    while index < last:
        end = index
        while end < last and _is_item(labels[end], keep):
            end += 1
        if end - index >= ITEM_RUN:
            for item in range(index, end):
                labels[item] = Label("prose", score=labels[item].score)
        index = end + 1
    return labels


def _is_item(label: Label, keep: float) -> bool:
    return label.kind == "headline" and label.value != "related" and label.score >= keep


def _is_code(text: str, probability: float) -> bool:
    """A line of code or a command inside the article ("$ pip install x",
    "cert = /etc/x.pem") is its text, though it reads like no sentence."""
    return probability >= KEEP_CODE and CODE_LIKE.search(text) is not None


def _premature_ends(labels: list[Label], probabilities: list[float]) -> list[Label]:
    """A "Comments" button above the story does not end it.

    A section header that ends the article (comments, author biography) is
    taken at its word unless more of what follows it reads as the article
    than what came before it: then it is one line of chrome, not the end.
    """
    sure = [0]
    for p in probabilities:
        sure.append(sure[-1] + (p >= KEEP_STRONG))
    for index, label in enumerate(labels):
        if label.kind != "terminal":
            continue
        before = sure[index]
        after = sure[-1] - sure[index + 1]
        if after >= MIN_RUN_AFTER and after > before:
            labels[index] = Label("remove", label.reason)
    return labels


def _numbered_sections_end(blocks: list[Block], labels: list[Label], last: int, end: int) -> int:
    """The article's end, past the sections that go on with its numbering: "4.
    The Dovre Line" and the prose under it follow "3. The Rauma Line", however
    near the page's end they stand."""
    number = next(
        (
            int(found.group(1))
            for index in range(min(last, len(labels) - 1), -1, -1)
            if labels[index].kind == "headline"
            and (found := NUMBERED_ITEM.match(blocks[index].text))
        ),
        None,
    )
    index = end + 1
    while number is not None and index < len(labels) and labels[index].kind == "headline":
        found = NUMBERED_ITEM.match(blocks[index].text)
        under = index + 1
        while under < len(labels) and labels[under].kind == "prose":
            under += 1
        if found is None or int(found.group(1)) != number + 1 or under == index + 1:
            break
        number, end, index = number + 1, under - 1, under
    return end


def _sentence_run_end(labels: list[Label], last: int) -> int:
    """The article's last block, with the sentences that run on right after it
    (past a slot set into the text: an advertisement, a photo's caption)."""
    end = last
    while last + 1 < len(labels):
        label = labels[last + 1]
        if label.kind == "prose":
            end = last = last + 1
        elif label.kind == "remove" and label.reason in INLINE_SLOTS:
            last += 1
        else:
            break
    return end


def _decide_found_body(
    blocks: list[Block],
    labels: list[Label],
    rule_labels: list[Label],
    features: list[BlockFeatures],
    metadata: Metadata,
    stated: frozenset[str],
    decisions: _Decisions,
    month_first: bool,
) -> int | None:
    """Scraped text: find where the article is, then decide block by block.

    ``month_first``: "07/05/2024" is July 5th (an English page), not May 7th."""
    body_start, title_at = _find_body(blocks, labels, metadata, rule_labels, features)
    if title_at is not None:
        _keep_standfirst(blocks, labels, rule_labels, title_at)
        _caption_under_standfirst(labels, rule_labels, title_at)
    top = body_start if title_at is None else title_at
    if "date" not in stated and not metadata.date:
        _date_near_the_top(blocks, labels, top, body_start, metadata, month_first)
    cards = _cards_before_a_story(labels)
    card_text = {index for run in cards.values() for index in run}
    if "categories" not in stated:
        title = blocks[title_at].text if title_at is not None else ""
        found = _sections_above(blocks, labels, top, title)
        if not found and title_at is not None:
            # Over the headline, or over the cards set before it.
            head = min((card for card in cards if card < title_at), default=title_at)
            found = _kicker_sections(blocks, labels, head)
        metadata.categories.extend(c for c in found if c not in metadata.categories)
    for index in range(body_start if title_at is None else title_at):
        if index in cards and title_at is not None:
            decisions.kept.append(KeptBlock(blocks[index], "related"))
        elif index in card_text and title_at is not None:
            decisions.kept.append(KeptBlock(blocks[index], "paragraph"))
        else:
            _decide_preamble(blocks[index], labels[index], metadata, stated, decisions)
    title_index: int | None = None
    if title_at is not None:
        title_index = len(decisions.kept)
        decisions.kept.append(KeptBlock(blocks[title_at], "title"))
        if "title" not in stated:
            metadata.title = metadata.title or blocks[title_at].text
    first = body_start if title_at is None else title_at + 1
    # Between the headline and the story: its byline, date and standfirst, and
    # the page's buttons and captions; a marked card there opens the body.
    card = next((i for i in range(first, body_start) if labels[i].value == "related"), body_start)
    for index in range(first, card):
        if labels[index].kind == "prose" and _over_a_credit(blocks, labels, index, first):
            decisions.remove(blocks[index], "photo caption")
        elif labels[index].kind == "prose":
            decisions.kept.append(KeptBlock(blocks[index], "paragraph"))
        elif index == body_start - 1 and _heads_a_summary(blocks, labels, index):
            decisions.kept.append(KeptBlock(blocks[index], "heading"))
        else:
            _decide_preamble(blocks[index], labels[index], metadata, stated, decisions, BETWEEN)
    first = max(first, card)
    _decide_body(blocks[first:], labels[first:], metadata, stated, decisions)
    _drop_closing_biography(decisions)
    return title_index


def _heads_a_summary(blocks: list[Block], labels: list[Label], index: int) -> bool:
    """A heading over the story's points set as a list ("Key points" / "- The
    law lowers the draft age…"): the story's summary, opened by its heading."""
    following = index + 1
    return (
        labels[index].kind == "headline"
        and following < len(blocks)
        and labels[following].kind == "prose"
        and BULLET.match(blocks[following].text) is not None
    )


def _over_a_credit(blocks: list[Block], labels: list[Label], index: int, first: int) -> bool:
    """A line over a photo's credit between the headline and the story ("A
    ferry leaves the harbour." / "Picture by Calum Ross") is the photo's
    caption; not the line right under the headline (``first``), which is its
    standfirst."""
    following = index + 1
    return index > first and following < len(blocks) and labels[following].reason == "photo caption"


def _sections_above(
    blocks: list[Block], labels: list[Label], top: int, title: str
) -> tuple[str, ...]:
    """The sections of the trail nearest above the headline ("Home › Business ›
    Ports"), without the headline itself when the trail ends with it.

    Lines of links shaped like trails are most often menus: a trail's items are
    never the site's own pages ("Contact", "Login") and are few; two items split
    by a slash are a pair of tabs ("Impressum / Kontakt") and one glued word is
    a brand ("FiveThirtyEight"), unless a trail's mark (›) or root (Home) says.
    """
    for index in range(top - 1, -1, -1):
        label = labels[index]
        if label.kind != "breadcrumb" or not isinstance(label.value, tuple):
            continue
        text = blocks[index].text
        parts = [TRAIL_ROOT.sub("", p).strip(" :") for p in label.value]
        parts = [p for p in parts if p]
        if any(SITE_LINK.match(p) or CHROME.match(p) for p in parts):
            continue
        rooted = TRAIL_ROOT.match(text) is not None
        marked = TRAIL_MARK.search(text) is not None
        if (
            not marked
            and not rooted
            and (
                (" / " in text and len(parts) < SLASHED_TRAIL_ITEMS)
                or (" / " not in text and _glued_name(text, parts))
            )
        ):
            continue
        if len(parts) > TRAIL_ITEMS:
            continue  # a menu of the site's sections, not the way to this story
        if parts and title and _normal(parts[-1]) == _normal(title):
            parts = parts[:-1]
        return tuple(parts)
    return ()


def _kicker_sections(blocks: list[Block], labels: list[Label], head: int) -> tuple[str, ...]:
    """The sections a row right above the headline (``head``) names, split by
    bars or dots ("Politics | Congress"): a few short names, none of them the
    site's own pages, a date or a domain; a flag ("Breaking") is no section.
    The row becomes the page's trail."""
    index = _skip_up(labels, head - 1)
    if index < 0 or labels[index].kind not in {"fragment", "menu"}:
        return ()
    row = [p.strip() for p in KICKER_SEPARATOR.split(blocks[index].text.strip())]
    parts = [p for p in row if not KICKER_FLAG.match(p)]
    if (
        len(row) < 2
        or not 1 <= len(parts) <= KICKER_ITEMS
        or not all(
            p[:1].isupper()
            and len(p.split()) <= KICKER_WORDS
            and not any(ch.isdigit() or ch in ".:" for ch in p)
            and not SITE_LINK.match(p)
            and not CHROME.match(p)
            for p in parts
        )
    ):
        return ()
    labels[index] = Label("breadcrumb", "breadcrumb", tuple(parts))
    return tuple(parts)


def _glued_name(text: str, parts: list[str]) -> bool:
    """Capitals inside one name, not labels glued together: a brand
    ("FiveThirtyEight", "HelloGiggles HelloGiggles"), an acronym ("HoReCa") or a
    German plural ("PolitikerInnen") leave one word, a repeated word, a piece
    of two letters or a function word alone."""
    tokens = text.split()
    return (
        len(tokens) == 1
        or len(set(tokens)) < len(tokens)
        or any(len(word) < 3 for part in parts for word in part.split())
        or any(part.lower() in stoplist() for part in parts)
    )


def _date_near_the_top(
    blocks: list[Block],
    labels: list[Label],
    top: int,
    body_start: int,
    metadata: Metadata,
    month_first: bool,
) -> None:
    """The first full date in a short line around the headline and the story's
    start is when the story was published, whatever else the line holds ("July
    24, 2019 by Amy Motroni 5 Comments", "Veröffentlicht am 15/07/2014 von …")."""
    start, end = max(0, top - DATE_LINES_ABOVE), min(len(blocks), body_start + DATE_LINES_BELOW)
    for index in range(start, end):
        text = blocks[index].text
        if len(text.split()) > DATE_LINE_WORDS or (
            labels[index].kind == "prose" and index >= body_start
        ):
            continue
        if found := full_date(text, month_first):
            metadata.date = found
            metadata.date_source = "text"
            return


def _drop_closing_biography(decisions: _Decisions) -> None:
    """The writer's biography under the article ("Ana Ruiz is a professor of law
    at…") is the site's note, not the story: the last paragraphs, never the first."""
    paragraphs = [i for i, k in enumerate(decisions.kept) if k.role == "paragraph"]
    for index in reversed(paragraphs[1:][-BIO_PARAGRAPHS:]):
        text = decisions.kept[index].block.text
        if len(text.split()) > AUTHOR_BIO_WORDS or not AUTHOR_BIO.match(text):
            break
        decisions.remove(decisions.kept.pop(index).block, "author biography")


def _keep_standfirst(
    blocks: list[Block], labels: list[Label], rule_labels: list[Label], title_at: int
) -> None:
    """The sentence under a headline that sums the story up is the article's.

    A standfirst has no closing full stop and stands between the headline and
    the byline or the body, where the model sees furniture around it; the
    rules read it as prose, and that wins there.
    """
    for index in range(title_at + 1, min(len(blocks), title_at + 1 + _LOOKAHEAD)):
        label = labels[index]
        if label.value == LEARNED and rule_labels[index].kind == "prose":
            if len(blocks[index].text.split()) >= STANDFIRST_WORDS:
                labels[index] = rule_labels[index]
            return
        if label.kind not in _SKIPPABLE:
            return


def _caption_under_standfirst(labels: list[Label], rule_labels: list[Label], title_at: int) -> None:
    """A sentence under the standfirst, over a photo's credit and a byline or
    date ("The Capitol at dusk." / "Photograph: …" / "By …"), is the photo's
    caption: the header has not ended, so the story has not begun. (Prose to
    the rules, whatever the model made of either.)"""
    caption = title_at + 2
    if (
        caption + 2 < len(labels)
        and rule_labels[title_at + 1].kind == "prose"
        and rule_labels[caption].kind == "prose"
        and labels[caption + 1].reason == "photo caption"
        and labels[caption + 2].kind in {"byline", "date"}
    ):
        labels[caption] = Label("remove", "photo caption")


def _decide_known_body(
    blocks: list[Block],
    labels: list[Label],
    metadata: Metadata,
    stated: frozenset[str],
    decisions: _Decisions,
) -> int | None:
    """A body an extractor found: keep it, but for certain chrome and metadata lines.

    A heading long enough to be a sentence is a paragraph a page marked up as
    a heading; and when the rules would leave no paragraph at all, the
    extractor's choice stands whole (an article that is one caption is still
    what the page holds).
    """
    wanted = _normal(metadata.title or "")
    title_at = next((i for i, b in enumerate(blocks) if _is_title(b.text, wanted)), None)
    plan: list[tuple[Block, Role | None, str]] = []  # (block, role, reason if removed)
    for index, (block, label) in enumerate(zip(blocks, labels, strict=True)):
        if index == title_at:
            plan.append((block, "title", ""))
        elif block.kind in {"table", "code"}:
            plan.append((block, "paragraph", ""))  # data, not chrome
        elif label.kind == "remove":
            plan.append((block, None, label.reason))
        elif label.kind in {"byline", "date"}:
            _take_metadata(label, metadata, stated)
            plan.append((block, None, label.reason))
        elif label.value == "related":
            plan.append((block, "related", ""))
        elif block.kind == "heading" and len(block.text.split()) <= MAX_HEADING_WORDS:
            plan.append((block, "heading", ""))
        else:
            plan.append((block, "paragraph", ""))
    if not any(role == "paragraph" for _, role, _ in plan):
        plan = [(b, "title" if role == "title" else "paragraph", "") for b, role, _ in plan]
    title_index: int | None = None
    for block, role, reason in plan:
        if role is None:
            decisions.remove(block, reason)
            continue
        if role == "title":
            title_index = len(decisions.kept)
        decisions.kept.append(KeptBlock(block, role))
    return title_index


def label_block(block: Block, feats: BlockFeatures) -> Label:
    """What a block is on its own, before its neighbours are considered."""
    text = block.text.strip()
    if block.kind in {"table", "code"}:
        return Label("prose")  # a source marked it as data: content, not chrome
    if block.place == "card-title":
        # The page marked it up as a card's link to another story: the
        # segmenter decides, as for "Related: …", whether a story follows.
        return Label("headline", "related link", "related")
    if WIRE_SLUG.match(text):
        return Label("remove", "wire slug")
    if text in RELEASE_END:
        return Label("terminal", "end of release")
    if feats.n_words <= _CHROME_MAX_WORDS and len(text) <= _CHROME_MAX_CHARS:
        lowered = text.lower()
        sections: tuple[tuple[RuleSet, LabelKind], ...] = (
            (TERMINALS, "terminal"),
            (LISTS, "list"),
            (CHROME, "remove"),
        )
        for rules, kind in sections:
            if rule := rules.match(text, lowered):
                return Label(kind, rule.reason)

        if INTERVIEW_LINE.match(text):
            return Label("prose")  # an interview's question is its text, not a heading
        if RELATED_LINK.match(text) and not feats.n_sentences > 1:
            # A card: removed unless a story follows it (the segmenter decides).
            return Label("headline", "related link", "related")
        if is_photo_caption(text, lowered):
            return Label("remove", "photo caption")
        if match := BYLINE_DATED.match(text):
            found = {k: v for k, v in match.groupdict().items() if v}
            names = _byline("By " + (found.get("names") or found.get("names2") or found["names3"]))
            if names:
                date = found.get("date") or found.get("date2") or found["date3"]
                return Label("byline", "byline", (names, date))
        if byline := _byline(text):
            return Label("byline", "byline", byline)
        if BYLINE.match(text):
            return Label("remove", "byline")  # a role and no name: "By Staff Writer"
        if 3 <= feats.n_words <= ROLE_LINE_WORDS and ROLE_LINE.match(text):
            return Label("remove", "byline")  # "Richard Adams Education editor"
        if match := DATE_LINE.match(text):
            return Label("date", "publication date", match.group("date"))
        if feats.url_like:
            return Label("remove", "link")
    if categories := breadcrumb_labels(text, feats):
        return Label("breadcrumb", "breadcrumb", categories)
    if block.kind == "heading":
        return Label("headline")
    if _is_question_headline(text, feats):
        return Label("headline")
    if feats.is_prose:
        return Label("prose")
    if feats.is_menu_like:
        return Label("menu", "navigation")
    if feats.is_headline_like:
        return Label("headline")
    if feats.ends_sentence and feats.n_words >= 2:
        return Label("prose")  # a short sentence, such as a one-line quote
    return Label("fragment", "page chrome")


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


def _find_body(
    blocks: list[Block],
    labels: list[Label],
    metadata: Metadata,
    rule_labels: list[Label],
    features: list[BlockFeatures],
) -> tuple[int, int | None]:
    """Where the article body starts, and the index of its title block if any.

    The story starts at ``story_start``. The title is the line the source
    states, else the line above the story that the learned ranking
    (``tui.clean.titles``) puts first, weighing the rules' choice
    (``rule_title``) among its cues, which stands where there is no candidate;
    a sentence the ranking picks under a headline it nearly ties with is that
    headline's standfirst. ``rule_labels`` are the rules' labels before the model's (a
    long headline the model removed is still one).
    """
    if metadata.title:
        wanted = _normal(metadata.title)
        for index, block in enumerate(blocks):
            if _normal(block.text) == wanted:
                return index + 1, index
    first = story_start(labels)
    if first is None:
        heads = [i for i, label in enumerate(labels) if label.kind == "headline"]
        return (heads[0] + 1, heads[0]) if heads else (len(blocks), None)
    start, title = rule_title(blocks, labels, rule_labels, first)
    ranked = best_title(Page(blocks, labels, rule_labels, features, first), title)
    if ranked == title:
        return start, title
    return (first + 1 if ranked == first else first), ranked


def story_start(labels: list[Label]) -> int | None:
    """The first prose block that has more prose soon after it (a lone
    sentence in a menu is not a body), or None where there is no prose.

    Neither a writer's list nor the text of a marked card set before another
    story's headline ("Latest: …" over the page's own story) starts a body."""
    prose = [i for i, label in enumerate(labels) if label.kind == "prose"]
    if not prose:
        return None
    # Blocks that will be removed anyway do not break a run of prose.
    visible = [i for i, label in enumerate(labels) if label.kind not in _SKIPPABLE]
    position = {block: n for n, block in enumerate(visible)}
    card_text = {index for run in _cards_before_a_story(labels).values() for index in run}

    def may_start(i: int) -> bool:
        return labels[i].value != WRITERS_LIST and i not in card_text

    starts = [i for i in prose if may_start(i)] or prose
    first = starts[0]
    for i, j in pairwise(prose):
        if may_start(i) and position[j] - position[i] <= _LOOKAHEAD:
            return i
    return first


def _cards_before_a_story(labels: list[Label]) -> dict[int, list[int]]:
    """Marked cards ("Latest: …") whose paragraphs end at another story's
    headline, which prose, a byline or a date follows: each card's index and
    its paragraphs'. (A card whose paragraphs run into prose is set inside
    the story, and the segmenter finds where it ends.)"""
    cards: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        if label.kind != "headline" or label.value != "related":
            continue
        end = index + 1
        while end < len(labels) and labels[end].kind in {"prose", *_SKIPPABLE}:
            end += 1
        run = [i for i in range(index + 1, end) if labels[i].kind == "prose"]
        after = end + 1
        if (
            run
            and end < len(labels)
            and labels[end].kind == "headline"
            and labels[end].value != "related"
            and after < len(labels)
            and labels[after].kind in {"prose", "byline", "date"}
        ):
            cards[index] = run
    return cards


def rule_title(
    blocks: list[Block], labels: list[Label], rule_labels: list[Label], first: int
) -> tuple[int, int | None]:
    """The rules' title and the story's start: the line a trail of sections
    ends with, else the headline above the body, past what a page sets
    between the two (see ``_title_above``), else the body's first line when
    it is shaped as a headline (then the story starts after it)."""
    named = _named_by_trail(blocks, labels, first)
    if named is not None:
        return first, named
    title = _title_above(blocks, labels, first, rule_labels)
    if (title is None or len(blocks[title].text.split()) < TITLE_WORDS) and _headline_shaped(
        blocks[first].text.strip()
    ):
        # No headline of some length above: the first "paragraph", a sentence
        # without its full stop, is the title the page set as a long line.
        return first + 1, first
    return first, title


def _title_above(
    blocks: list[Block], labels: list[Label], first: int, rule_labels: list[Label]
) -> int | None:
    """The headline above the story's first paragraph: past its byline, date,
    standfirst, the page's buttons and captions; short headlines are a last resort.
    A long line under a headline is its standfirst, unless that headline is an
    item of a list the site headed ("Most read")."""
    fallback: int | None = None
    seen = 0
    for at in range(first - 1, -1, -1):
        if seen >= TITLE_WINDOW:
            break
        label = labels[at]
        text = blocks[at].text.strip()
        long_headline = _reads_as_long_headline(label, rule_labels[at], text)
        if long_headline:
            above = _skip_up(labels, at - 1)
            if above >= 0 and labels[above].kind == "headline" and not in_sites_list(labels, above):
                continue  # under a headline, it is the standfirst
        elif _passed_over(label):
            continue
        # The nearest line above the story is the headline, even read as a menu.
        menu_headline = seen == 0 and _menu_shaped_headline(label, text)
        seen += 1
        if (label.kind != "headline" and not long_headline and not menu_headline) or text.endswith(
            ":"
        ):
            continue
        if len(text.split()) <= 15 and META_LINE.search(text):
            continue
        if len(text.split()) >= TITLE_WORDS:
            return at
        fallback = at if fallback is None else fallback
    return fallback


def _named_by_trail(blocks: list[Block], labels: list[Label], first: int) -> int | None:
    """The line above the story that the trail of sections ends with: a trail
    ("Home › Recipes › Chocolate Frosting without Sugar") ends with its page's
    headline, so where that stands again is the title."""
    trail = marked_trail(blocks, labels, first, reach=first)
    if trail is None:
        return None
    last = labels[trail].value[-1]
    if len(last.split()) < TITLE_WORDS:
        return None
    wanted = _normal(last)
    return next((i for i in range(trail + 1, first) if _normal(blocks[i].text) == wanted), None)


def _reads_as_long_headline(label: Label, rule_label: Label, text: str) -> bool:
    """A headline long enough to read as a sentence without its full stop: the
    rules took it for prose, and the model, among the page's furniture, removed it."""
    return label.value == LEARNED and rule_label.kind == "prose" and _headline_shaped(text)


def _menu_shaped_headline(label: Label, text: str) -> bool:
    """Every word capitalised and no function word reads as a menu row, but a
    line with no menu's separators may be a headline ("Next-Gen Platters Promise
    80TB Drives"); one split by commas is its writers ("Ibtisam Mahdi, Ruwaida
    Kamal Amer")."""
    return (
        label.kind == "menu"
        and _headline_shaped(text)
        and not MENU_SEPARATOR.search(text)
        and "," not in text
    )


def _headline_shaped(text: str) -> bool:
    """Capitalised, no longer than a headline, and no sentence's end."""
    return ends_as_headline(text) and len(text.split()) <= HEADLINE_WORDS


def _headlines_over_bylines(
    blocks: list[Block], labels: list[Label], features: list[BlockFeatures]
) -> list[Label]:
    """A long headline reads like a sentence without its full stop, and one with
    every word capitalised like a menu; a byline or date under it (a section's
    name or a standfirst may stand between) says it is the headline, unless a
    headline stands above it: then it is the standfirst."""
    for index, label in enumerate(labels[:-1]):
        feats = features[index]
        if feats.ends_sentence or feats.n_words > HEADLINE_WORDS:
            continue
        shaped_as_menu = feats.n_words >= TITLE_WORDS and _menu_shaped_headline(
            label, blocks[index].text.strip()
        )
        if label.kind != "prose" and not shaped_as_menu:
            continue
        below = index + 1
        if labels[below].kind in {"fragment", "menu"} and features[below].n_words <= KICKER_WORDS:
            below += 1
        elif labels[below].kind == "prose" and (
            (shaped_as_menu and features[below].ends_sentence)
            or (below + 1 < len(labels) and labels[below + 1].kind in {"byline", "date"})
        ):
            below += 1  # its standfirst
        above = _skip_up(labels, index - 1)
        standfirst = above >= 0 and labels[above].kind == "headline"  # under a headline
        if below < len(labels) and labels[below].kind in {"byline", "date"} and not standfirst:
            labels[index] = Label("headline")
    return labels


def _skip_up(labels: list[Label], index: int) -> int:
    """The nearest block at or above ``index`` that is not removed anyway."""
    while index >= 0 and _passed_over(labels[index]):
        index -= 1
    return index


def _passed_over(label: Label) -> bool:
    """Removed anyway, or a card for another story: nothing a title is looked for past."""
    return label.kind in _SKIPPABLE or (label.kind == "headline" and label.value == "related")


def _decide_preamble(
    block: Block,
    label: Label,
    metadata: Metadata,
    stated: frozenset[str],
    out: _Decisions,
    reason: str = "page chrome before the headline",
) -> None:
    if label.kind == "breadcrumb":
        out.remove(block, "breadcrumb")
    elif label.kind in {"byline", "date"}:
        _take_metadata(label, metadata, stated)
        out.remove(block, label.reason)
    elif label.kind in {"remove", "list", "terminal", "menu"}:
        out.remove(block, label.reason)
    elif len(block.text.split()) <= 3:
        out.remove(block, "navigation")
    else:
        out.remove(block, reason)


def _decide_body(
    blocks: list[Block],
    labels: list[Label],
    metadata: Metadata,
    stated: frozenset[str],
    out: _Decisions,
) -> None:
    list_reason: str | None = None
    teaser = False  # the block is a list card's one-sentence teaser
    for index, (block, label) in enumerate(zip(blocks, labels, strict=True)):
        kind = label.kind
        if kind == "terminal":
            out.remove(block, label.reason)
            after = _AFTER_END.get(label.reason, label.reason)
            for rest, rest_label in zip(blocks[index + 1 :], labels[index + 1 :], strict=True):
                # What has a reason of its own keeps it (a footer, a newsletter
                # prompt); a list's header gives its items its own ("Read next").
                if rest_label.kind == "list":
                    after = rest_label.reason
                own = rest_label.kind in {"remove", "list"} and rest_label.value != LEARNED
                out.remove(rest, rest_label.reason if own else after)
            return
        opens_story = kind == "headline" and _prose_follows(labels, index)
        if list_reason and opens_story and _is_teaser(blocks, labels, index):
            # A card in a list: a headline and one short sentence, not a story.
            out.remove(block, list_reason)
            teaser = True
            continue
        if list_reason and teaser and kind == "prose":
            out.remove(block, list_reason)
            teaser = False
            continue
        teaser = False
        if list_reason and kind == "list":
            list_reason = label.reason  # the next list starts
            out.remove(block, label.reason)
            continue
        bulleted = kind == "prose" and BULLET.match(block.text) is not None
        if list_reason and (bulleted or kind != "prose") and not opens_story:
            # The list's items: links, or a headline set after a bullet ("* Bus
            # station cafe to close after 40 years").
            own = kind in {"remove", "menu"} or (kind == "headline" and label.value == "related")
            out.remove(block, label.reason if own else list_reason)
            continue
        list_reason = None

        if kind == "list":
            list_reason = label.reason
            out.remove(block, label.reason)
        elif kind in {"byline", "date"}:
            _take_metadata(label, metadata, stated)
            out.remove(block, label.reason)
        elif kind in {"remove", "menu"}:
            out.remove(block, label.reason)
        elif kind == "breadcrumb":
            out.remove(block, "navigation")
        elif kind == "prose":
            out.kept.append(KeptBlock(block, "paragraph"))
        elif opens_story:
            out.kept.append(KeptBlock(block, "related" if label.value == "related" else "heading"))
        elif kind == "headline" and label.value != "related" and _before_credits(labels, index):
            out.kept.append(KeptBlock(block, "paragraph"))  # a result line ends the copy
        elif kind == "headline":
            out.remove(block, label.reason or "headline without a story (related link)")
        else:
            out.remove(block, label.reason or "page chrome")


def _before_credits(labels: list[Label], index: int) -> bool:
    """Wire copy ends with its credits: the short lines between its last
    sentence and them ("England 249 and 251-5", "England won by five
    wickets") are its results, not links to other stories."""
    for label in labels[index:]:
        if label.kind == "terminal":
            return label.reason == CREDITS_REASON
        if label.kind not in {"headline", "prose"}:
            return False
    return False


def _mark_contents(blocks: list[Block], labels: list[Label]) -> list[Label]:
    """A table of contents: two or more short lines that name headings further down.

    Its items look like headlines, so without this the last one would pass
    for the title; its header ("Contents") goes with it.
    """
    # Where each heading's text stands, so "does it come later?" is one lookup.
    last_at: dict[str, int] = {}
    for index, (block, label) in enumerate(zip(blocks, labels, strict=True)):
        if label.kind == "headline":
            last_at[_normal(block.text)] = index
    if not last_at:
        return labels
    named = {text: _heading_name(text) for text in dict.fromkeys(b.text for b in blocks)}
    names = [
        bool(named[b.text]) and last_at.get(named[b.text], -1) > i for i, b in enumerate(blocks)
    ]
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and names[end]:
            end += 1
        if end - index >= 2:
            start = index - 1 if index and CONTENTS_HEADER.match(blocks[index - 1].text) else index
            for item in range(start, end):
                labels[item] = Label("remove", CONTENTS_REASON)
            index = end
        index += 1
    return labels


def _mark_numbered_lists(blocks: list[Block], labels: list[Label]) -> list[Label]:
    """A run of lines numbered one after another ("1. …", "2. …") is a list the
    writer made (a countdown, steps, a ranking): its items are the article's.

    Unless a list header ("Most read") stands just above it: then it is the
    site's list, and the header's reason goes with it.
    """
    numbers = [_number_of(b.text) for b in blocks]
    start = 0
    while start < len(blocks):
        end = start + 1
        previous = numbers[start]
        while end < len(blocks) and previous is not None:
            current = numbers[end]
            if current is None or abs(current - previous) != 1:
                break
            previous, end = current, end + 1
        if end - start >= NUMBERED_LIST_ITEMS and not any(
            labels[i].kind == "list" for i in range(max(0, start - 2), start)
        ):
            for index in range(start, end):
                if labels[index].kind not in {"remove", "terminal", "list"}:
                    labels[index] = Label("prose", value=WRITERS_LIST)
        start = end
    return labels


def _number_of(text: str) -> int | None:
    found = NUMBERED_ITEM.match(text)
    return int(found.group(1)) if found else None


def _heading_name(text: str) -> str:
    """The line as a heading further down would read, without its numbering
    ("" for a line too long to name one)."""
    return "" if len(text.split()) > 12 else _normal(NUMBERING.sub("", text))


def _split_bylines(blocks: list[Block], labels: list[Label]) -> list[Label]:
    """A byline a page's links broke into lines is one byline.

    A name on one line and the writer's role on the next; names alone over
    the date; or "By" alone, then the names (each a link, so each a line),
    their @handles and the "and" between them.
    """
    for index in range(len(blocks) - 1):
        role = blocks[index + 1].text.strip()
        name = blocks[index].text.strip()
        if ROLE_LINE.match(role) and PERSON_NAME_LINE.match(name) and labels[index].kind != "prose":
            labels[index] = Label("byline", "byline", name)
            labels[index + 1] = Label("remove", "byline")
        if labels[index + 1].kind == "date" and labels[index].kind in {"menu", "headline"}:
            # Writers' names with no "By", over the date: "Ibtisam Mahdi, Ruwaida Kamal Amer".
            names = [part.strip() for part in name.split(",")]
            if all(PERSON_NAME_LINE.match(part) for part in names):
                labels[index] = Label("byline", "byline", ", ".join(names))
        if BY_ALONE.match(name):
            names, end = [], index + 1
            while end < len(blocks) and end - index <= _BYLINE_PARTS:
                part = blocks[end].text.strip()
                if PERSON_NAME_LINE.match(part):
                    names.append(part)
                elif not (HANDLE_LINE.match(part) or part.lower() in {"and", "&", ","}):
                    break
                end += 1
            if names:
                labels[index] = Label("byline", "byline", ", ".join(names))
                for following in range(index + 1, end):
                    labels[following] = Label("remove", "byline")
    return labels


def _is_teaser(blocks: list[Block], labels: list[Label], index: int) -> bool:
    """The prose after a headline is one short sentence, and a card follows it."""
    following = index + 1
    if following >= len(blocks) or labels[following].kind != "prose":
        return False
    features = block_features(blocks[following].text)
    if features.n_sentences > 1 or features.n_words > TEASER_WORDS:
        return False
    after = labels[following + 1] if following + 1 < len(labels) else None
    return after is None or after.kind != "prose"


def _prose_follows(labels: list[Label], index: int) -> bool:
    """True when the next block that is not removed outright is prose."""
    for label in labels[index + 1 : index + 1 + _LOOKAHEAD]:
        if label.kind in {"remove", "byline", "date"}:
            continue
        return label.kind == "prose"
    return False


def _take_metadata(label: Label, metadata: Metadata, stated: frozenset[str]) -> None:
    """A byline's names (and the date it may carry), or a date line's date."""
    date = None
    if label.kind == "byline":
        names, date = label.value if isinstance(label.value, tuple) else (label.value, None)
        if not metadata.byline and "byline" not in stated:
            metadata.byline = str(names)
    elif label.kind == "date":
        date = str(label.value)
    if date and not metadata.date and "date" not in stated and (parsed := _parse_date(date)):
        metadata.date = parsed
        metadata.date_source = "text"


def _parse_date(text: str) -> str | None:
    from dateutil import parser

    try:
        parsed: datetime = parser.parse(text, fuzzy=True, dayfirst=not text[:1].isalpha())
        return parsed.date().isoformat()
    except (ValueError, OverflowError):
        return None


def _read_dateline(kept: list[KeptBlock], metadata: Metadata) -> None:
    """Copy a wire dateline ("MOSCOW, April 9 (Reuters) -") into the metadata.

    It opens the first paragraph or the second (after a standfirst), or a
    later one of the first few when it names its agency ("KYIV, Ukraine (AP)
    —" under a summary's points): a line of capitals there is no dateline.
    """
    paragraphs = [item for item in kept if item.role == "paragraph"][:DATELINE_PARAGRAPHS]
    for number, item in enumerate(paragraphs):
        text = item.block.text
        if (
            (match := DATELINE.match(text))
            and is_dateline(match)
            and _story_follows(text, match)
            and (number < 2 or "(" in match.group(0))
        ):
            metadata.dateline = match.group(0).rstrip(" -–—:").strip()
            # A press release dates itself there: "NORTHPORT, 14 October 2025 –".
            if not metadata.date and (found := full_date(match.group("date") or "")):
                metadata.date, metadata.date_source = found, "text"
            return


def _story_follows(text: str, match: re.Match[str]) -> bool:
    """A dateline opens a sentence in ordinary case ("ATHLETICS - BERLIN GRAND
    PRIX RESULTS" is a slugged headline, not a dateline)."""
    rest = text[match.end() :].split()
    return bool(rest) and not (rest[0].isupper() and len(rest[0]) > 1 and rest[0].isalpha())


def _is_title(text: str, wanted: str) -> bool:
    """The block is the headline, perhaps after a kicker ("BREAKING NEWS: …")."""
    if not wanted:
        return False
    normal = _normal(text)
    return normal == wanted or (
        normal.endswith(" " + wanted) and len(normal[: -len(wanted)].split()) <= 3
    )


def _normal(text: str) -> str:
    return _NON_WORDS.sub(" ", text).strip().lower()
