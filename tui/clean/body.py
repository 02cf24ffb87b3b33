"""Where the story is: its start, the cards set before it, and the decision
for each block from the story's start to its end (lists swallow their
items, a section header ends the article, a headline with no prose after it
is a link)."""

from __future__ import annotations

from itertools import pairwise

from tui.clean.features import BlockFeatures, block_features
from tui.clean.metadata import take_metadata
from tui.clean.patterns import (
    AUTHOR_BIO,
    AUTHOR_BIO_WORDS,
    BULLET,
)
from tui.clean.predicates import normal_text, prose_follows
from tui.clean.settings import BIO_PARAGRAPHS, LOOKAHEAD, TEASER_WORDS
from tui.clean.titles import (
    Page,
    best_title,
    rule_title,
)
from tui.clean.types import (
    AFTER_END,
    LEARNED,
    SKIPPABLE,
    WRITERS_LIST,
    Decisions,
    KeptBlock,
    Label,
)
from tui.model import Block, Metadata
from tui.reasons import Reason


def heads_a_summary(blocks: list[Block], labels: list[Label], index: int) -> bool:
    """A heading over the story's points set as a list ("Key points" / "- The
    law lowers the draft age…"): the story's summary, opened by its heading."""
    following = index + 1
    return (
        labels[index].kind == "headline"
        and following < len(blocks)
        and labels[following].kind == "prose"
        and BULLET.match(blocks[following].text) is not None
    )


def over_a_credit(blocks: list[Block], labels: list[Label], index: int, first: int) -> bool:
    """A line over a photo's credit between the headline and the story ("A
    ferry leaves the harbour." / "Picture by Calum Ross") is the photo's
    caption; not the line right under the headline (``first``), which is its
    standfirst."""
    following = index + 1
    return (
        index > first
        and following < len(blocks)
        and labels[following].reason == Reason.PHOTO_CAPTION
    )


def drop_closing_biography(decisions: Decisions) -> None:
    """The writer's biography under the article ("Ana Ruiz is a professor of law
    at…") is the site's note, not the story: the last paragraphs, never the first."""
    paragraphs = [i for i, k in enumerate(decisions.kept) if k.role == "paragraph"]
    for index in reversed(paragraphs[1:][-BIO_PARAGRAPHS:]):
        text = decisions.kept[index].block.text
        if len(text.split()) > AUTHOR_BIO_WORDS or not AUTHOR_BIO.match(text):
            break
        decisions.remove(
            decisions.kept.pop(index).block, Reason.AUTHOR_BIOGRAPHY, "body.closing-biography"
        )


def find_body(
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
        wanted = normal_text(metadata.title)
        for index, block in enumerate(blocks):
            if normal_text(block.text) == wanted:
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
    visible = [i for i, label in enumerate(labels) if label.kind not in SKIPPABLE]
    position = {block: n for n, block in enumerate(visible)}
    card_text = {index for run in cards_before_a_story(labels).values() for index in run}

    def may_start(i: int) -> bool:
        return labels[i].value != WRITERS_LIST and i not in card_text

    starts = [i for i in prose if may_start(i)] or prose
    first = starts[0]
    for i, j in pairwise(prose):
        if may_start(i) and position[j] - position[i] <= LOOKAHEAD:
            return i
    return first


def cards_before_a_story(labels: list[Label]) -> dict[int, list[int]]:
    """Marked cards ("Latest: …") whose paragraphs end at another story's
    headline, which prose, a byline or a date follows: each card's index and
    its paragraphs'. (A card whose paragraphs run into prose is set inside
    the story, and the segmenter finds where it ends.)"""
    cards: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        if label.kind != "headline" or label.value != "related":
            continue
        end = index + 1
        while end < len(labels) and labels[end].kind in {"prose", *SKIPPABLE}:
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


def decide_preamble(
    block: Block,
    label: Label,
    metadata: Metadata,
    stated: frozenset[str],
    out: Decisions,
    reason: Reason = Reason.BEFORE_HEADLINE,
    rule: str = "body.before-headline",
) -> None:
    """A block above the story (or between its headline and its text, with
    that ``reason`` and ``rule``): always removed, its metadata taken."""
    if label.kind == "breadcrumb":
        out.remove(block, Reason.BREADCRUMB, label.rule)
    elif label.kind in {"byline", "date"}:
        take_metadata(label, metadata, stated)
        out.remove_as(block, label)
    elif label.kind in {"remove", "list", "terminal", "menu"}:
        out.remove_as(block, label)
    elif len(block.text.split()) <= 3:
        out.remove(block, Reason.NAVIGATION, "body.short-line-above")
    else:
        out.remove(block, reason, rule)


def decide_body(
    blocks: list[Block],
    labels: list[Label],
    metadata: Metadata,
    stated: frozenset[str],
    out: Decisions,
) -> None:
    list_reason: Reason | None = None
    teaser = False  # the block is a list card's one-sentence teaser
    for index, (block, label) in enumerate(zip(blocks, labels, strict=True)):
        kind = label.kind
        if kind == "terminal":
            out.remove_as(block, label)
            after = AFTER_END.get(label.reason, label.reason) if label.reason else Reason.AFTER_END
            for rest, rest_label in zip(blocks[index + 1 :], labels[index + 1 :], strict=True):
                # What has a reason of its own keeps it (a footer, a newsletter
                # prompt); a list's header gives its items its own ("Read next").
                if rest_label.kind == "list" and rest_label.reason:
                    after = rest_label.reason
                own = rest_label.kind in {"remove", "list"} and rest_label.value != LEARNED
                if own:
                    out.remove_as(rest, rest_label)
                else:
                    out.remove(rest, after, "body.after-the-end")
            return
        opens_story = kind == "headline" and prose_follows(labels, index)
        if list_reason and opens_story and _is_teaser(blocks, labels, index):
            # A card in a list: a headline and one short sentence, not a story.
            out.remove(block, list_reason, "body.list-card")
            teaser = True
            continue
        if list_reason and teaser and kind == "prose":
            out.remove(block, list_reason, "body.list-card")
            teaser = False
            continue
        teaser = False
        if list_reason and kind == "list":
            list_reason = label.reason  # the next list starts
            out.remove_as(block, label)
            continue
        bulleted = kind == "prose" and BULLET.match(block.text) is not None
        if list_reason and (bulleted or kind != "prose") and not opens_story:
            # The list's items: links, or a headline set after a bullet ("* Bus
            # station cafe to close after 40 years").
            own = kind in {"remove", "menu"} or (kind == "headline" and label.value == "related")
            if own:
                out.remove_as(block, label)
            else:
                out.remove(block, list_reason, "body.list-items")
            continue
        list_reason = None

        if kind == "list":
            list_reason = label.reason
            out.remove_as(block, label)
        elif kind in {"byline", "date"}:
            take_metadata(label, metadata, stated)
            out.remove_as(block, label)
        elif kind in {"remove", "menu"}:
            out.remove_as(block, label)
        elif kind == "breadcrumb":
            out.remove(block, Reason.NAVIGATION, label.rule)
        elif kind == "prose":
            out.kept.append(KeptBlock(block, "paragraph"))
        elif opens_story:
            out.kept.append(KeptBlock(block, "related" if label.value == "related" else "heading"))
        elif kind == "headline" and label.value != "related" and _before_credits(labels, index):
            out.kept.append(KeptBlock(block, "paragraph"))  # a result line ends the copy
        elif kind == "headline" and label.reason:
            out.remove_as(block, label)
        elif kind == "headline":
            out.remove(block, Reason.HEADLINE_ALONE, "body.headline-without-story")
        elif label.reason:
            out.remove_as(block, label)
        else:
            out.remove(block, Reason.PAGE_CHROME, "body.fragment")


def _before_credits(labels: list[Label], index: int) -> bool:
    """Wire copy ends with its credits: the short lines between its last
    sentence and them ("England 249 and 251-5", "England won by five
    wickets") are its results, not links to other stories."""
    for label in labels[index:]:
        if label.kind == "terminal":
            return label.reason == Reason.REPORTING_CREDITS
        if label.kind not in {"headline", "prose"}:
            return False
    return False


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
