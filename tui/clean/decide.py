"""The stage's entry: label every block, then decide by the kind of text
(a body an extractor found, a bare article, a scraped page)."""

from __future__ import annotations

from dataclasses import replace

from tui.clean.body import (
    cards_before_a_story,
    decide_body,
    decide_preamble,
    drop_closing_biography,
    find_body,
    heads_a_summary,
    over_a_credit,
)
from tui.clean.context import caption_under_standfirst, keep_standfirst, learned_labels, read_labels
from tui.clean.features import BlockFeatures
from tui.clean.metadata import (
    date_near_the_top,
    kicker_sections,
    read_dateline,
    sections_above,
    take_metadata,
)
from tui.clean.predicates import is_title, normal_text, prose_follows
from tui.clean.settings import BARE_HEADING_WORDS, BARE_PROSE_START, MAX_HEADING_WORDS
from tui.clean.types import (
    PAGE_FURNITURE,
    Cleaned,
    Decisions,
    KeptBlock,
    Label,
    Role,
)
from tui.ingest import RawArticle
from tui.model import Block, Metadata, RemovedBlock
from tui.reasons import Reason
from tui.textstats import stop_words


def clean(raw: RawArticle) -> Cleaned:
    """Split a raw article's blocks into kept (with roles) and removed (with reasons)."""
    blocks = raw.blocks
    features, labels, functions = read_labels(blocks)
    # What the text says (title, byline, date) fills in a copy: the raw article stays as read.
    metadata = replace(raw.metadata, categories=list(raw.metadata.categories))

    decisions = Decisions()
    if raw.controls_removed:
        decisions.removed.append(
            RemovedBlock(
                f"{raw.controls_removed} control character(s) or escape sequence(s), "
                f"first on line {raw.controls_line}",
                Reason.CONTROL_CHARACTERS,
                raw.controls_line,
                "ingest.control-characters",
            )
        )

    if raw.body_known:
        title_index = _decide_known_body(blocks, labels, metadata, raw.stated, decisions)
    elif _is_bare(labels):
        title_index = _decide_bare_text(blocks, labels, metadata, raw.stated, decisions)
    else:
        learned = learned_labels(blocks, labels, features)
        month_first = functions is stop_words()  # English pages write "07/05" for July 5th
        attempt = Decisions(list(decisions.kept), list(decisions.removed))
        title_index = _decide_found_body(
            blocks, learned, labels, features, metadata, raw.stated, attempt, month_first
        )
        if not any(k.role == "paragraph" for k in attempt.kept):
            # The model left no story at all (a page whose article is one short
            # paragraph among furniture): the rules alone decide, never nothing.
            attempt = Decisions(list(decisions.kept), list(decisions.removed))
            title_index = _decide_found_body(
                blocks, labels, labels, features, metadata, raw.stated, attempt, month_first
            )
        decisions = attempt

    decisions.removed.extend(raw.pre_removed)
    decisions.removed.sort(key=lambda r: r.source_line)
    read_dateline(decisions.kept, metadata)
    return Cleaned(
        raw.source,
        metadata,
        decisions.kept,
        decisions.removed,
        title_index,
        raw.body_known,
        raw.links,
    )


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
    decisions: Decisions,
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
            decisions.remove(block, Reason.HEADLINE_ALONE, "bare.headlines-at-the-end")
        elif stated_at is not None and index < stated_at and label.kind != "prose":
            decisions.remove(block, Reason.BEFORE_HEADLINE, "bare.above-stated-title")
        elif index == stated_at or (
            stated_at is None and index == 0 and label.kind in {"headline", "fragment"}
        ):
            title_index = len(decisions.kept)
            decisions.kept.append(KeptBlock(block, "title"))
            if "title" not in stated:
                metadata.title = metadata.title or block.text
        elif label.kind in {"byline", "date"}:
            take_metadata(label, metadata, stated)
            decisions.remove_as(block, label)
        elif (
            label.kind == "headline"
            and len(block.text.split()) <= BARE_HEADING_WORDS
            and prose_follows(labels, index)
        ):
            decisions.kept.append(KeptBlock(block, "heading"))
        else:
            decisions.kept.append(KeptBlock(block, "paragraph"))
    return title_index


def _stated_title_at(blocks: list[Block], metadata: Metadata) -> int | None:
    """The block near the top that is the title the source states, if one is."""
    if not metadata.title:
        return None
    wanted = normal_text(metadata.title)
    return next(
        (i for i, b in enumerate(blocks[:BARE_PROSE_START]) if normal_text(b.text) == wanted), None
    )


def _decide_found_body(
    blocks: list[Block],
    labels: list[Label],
    rule_labels: list[Label],
    features: list[BlockFeatures],
    metadata: Metadata,
    stated: frozenset[str],
    decisions: Decisions,
    month_first: bool,
) -> int | None:
    """Scraped text: find where the article is, then decide block by block.

    ``month_first``: "07/05/2024" is July 5th (an English page), not May 7th."""
    body_start, title_at = find_body(blocks, labels, metadata, rule_labels, features)
    if title_at is not None:
        keep_standfirst(blocks, labels, rule_labels, title_at)
        caption_under_standfirst(labels, rule_labels, title_at)
    top = body_start if title_at is None else title_at
    if "date" not in stated and not metadata.date:
        date_near_the_top(blocks, labels, top, body_start, metadata, month_first)
    cards = cards_before_a_story(labels)
    card_text = {index for run in cards.values() for index in run}
    if "categories" not in stated:
        title = blocks[title_at].text if title_at is not None else ""
        found = sections_above(blocks, labels, top, title)
        if not found and title_at is not None:
            # Over the headline, or over the cards set before it.
            head = min((card for card in cards if card < title_at), default=title_at)
            found = kicker_sections(blocks, labels, head)
        metadata.categories.extend(c for c in found if c not in metadata.categories)
    for index in range(body_start if title_at is None else title_at):
        if index in cards and title_at is not None:
            decisions.kept.append(KeptBlock(blocks[index], "related"))
        elif index in card_text and title_at is not None:
            decisions.kept.append(KeptBlock(blocks[index], "paragraph"))
        else:
            decide_preamble(blocks[index], labels[index], metadata, stated, decisions)
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
        if labels[index].kind == "prose" and over_a_credit(blocks, labels, index, first):
            decisions.remove(blocks[index], Reason.PHOTO_CAPTION, "context.caption-over-credit")
        elif labels[index].kind == "prose":
            decisions.kept.append(KeptBlock(blocks[index], "paragraph"))
        elif index == body_start - 1 and heads_a_summary(blocks, labels, index):
            decisions.kept.append(KeptBlock(blocks[index], "heading"))
        else:
            decide_preamble(
                blocks[index],
                labels[index],
                metadata,
                stated,
                decisions,
                Reason.BETWEEN,
                "body.between",
            )
    first = max(first, card)
    decide_body(blocks[first:], labels[first:], metadata, stated, decisions)
    drop_closing_biography(decisions)
    return title_index


def _decide_known_body(
    blocks: list[Block],
    labels: list[Label],
    metadata: Metadata,
    stated: frozenset[str],
    decisions: Decisions,
) -> int | None:
    """A body an extractor found: keep it, but for certain chrome and metadata lines.

    A heading long enough to be a sentence is a paragraph a page marked up as
    a heading; and when the rules would leave no paragraph at all, the
    extractor's choice stands whole (an article that is one caption is still
    what the page holds).
    """
    wanted = normal_text(metadata.title or "")
    title_at = next((i for i, b in enumerate(blocks) if is_title(b.text, wanted)), None)
    plan: list[tuple[Block, Role | None, Label]] = []  # (block, role; None: removed by label)
    for index, (block, label) in enumerate(zip(blocks, labels, strict=True)):
        if index == title_at:
            plan.append((block, "title", label))
        elif block.kind in {"table", "code"}:
            plan.append((block, "paragraph", label))  # data, not chrome
        elif label.kind == "remove":
            plan.append((block, None, label))
        elif label.kind in {"byline", "date"}:
            take_metadata(label, metadata, stated)
            plan.append((block, None, label))
        elif label.value == "related":
            plan.append((block, "related", label))
        elif block.kind == "heading" and len(block.text.split()) <= MAX_HEADING_WORDS:
            plan.append((block, "heading", label))
        else:
            plan.append((block, "paragraph", label))
    if not any(role == "paragraph" for _, role, _ in plan):
        plan = [(b, "title" if role == "title" else "paragraph", k) for b, role, k in plan]
    title_index: int | None = None
    for block, role, label in plan:
        if role is None:
            decisions.remove_as(block, label)
            continue
        if role == "title":
            title_index = len(decisions.kept)
        decisions.kept.append(KeptBlock(block, role))
    return title_index
