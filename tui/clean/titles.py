"""Which line above the story is its title? A ranking learned from real pages.

The rules (``tui.clean.rule_title``) take the nearest headline of some
length above the story. On real pages a share bar, a credit, a caption, a
sponsor's line or a teaser often stands nearer than the headline, and the
headline may read as a menu or a sentence. So every line within
``TITLE_CANDIDATES`` blocks above the story is scored on what marks a title:
a byline or date under it, the words it shares with the story's first
paragraphs, its shape and length, how far it is, what the rules and the
block classifier made of it, and whether the rules chose it; the line that
scores best is the title (a softmax over the page's candidates: what counts
is how much more of a title one line is than the others).

The weights were learned by ``scripts/train_titles.py`` (silver labels: the
title each development page's HTML states) and live in ``tui/data/titles.json``.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from tui.clean.patterns import MENU_SEPARATOR, META_LINE, TRAIL_MARK
from tui.clean.predicates import normal_text, passed_over, skip_up
from tui.clean.settings import HEADLINE_WORDS, TITLE_WINDOW, TITLE_WORDS
from tui.clean.types import LEARNED
from tui.reasons import Reason
from tui.textstats import stem, stoplist

if TYPE_CHECKING:
    from tui.clean.classifier import Layer
    from tui.clean.features import BlockFeatures
    from tui.clean.types import Label
    from tui.model import Block

# The title is looked for among so many blocks above the story's first paragraph.
TITLE_CANDIDATES = 40
# The story's first paragraphs, whose words a title shares, are so many.
LEDE_PARAGRAPHS = 4
# A date or credit line ("Published 12 May 2024 by …") is this short.
META_LINE_WORDS = 15
# A sentence the ranking picks under a headline is that headline's standfirst
# where the ranking all but ties the two: the headline within so many logits.
STANDFIRST_MARGIN = 2.0
# A headline over a standfirst has at least so many words (fewer, it is a
# section's name over the headline: "Corona-Krise").
HEADLINE_OVER_STANDFIRST_WORDS = 4
# A site's list ("Most read") above a headline is looked for so many lines up.
LIST_ITEMS_ABOVE = 10
# A title is at most this many words long.
TITLE_MAX_WORDS = 30
# What the rules call a line that names a heading further down.
# Labels of lines that are never a title: metadata the rules are sure of.
_NEVER = frozenset({"byline", "date", "breadcrumb"})
# Lines removed anyway, passed over in counting how far a line is (as in tui.clean).
_PASSED = frozenset({"remove", "byline", "date"})
_METADATA = frozenset({"byline", "date"})


class Page(NamedTuple):
    """What the cleaner has read of a page, as the ranking needs it."""

    blocks: list[Block]
    labels: list[Label]  # the model's labels
    rule_labels: list[Label]  # the rules', before the model's
    features: list[BlockFeatures]
    first: int  # the story's first paragraph


def candidates(page: Page) -> list[int]:
    """The lines that may be the title: above the story, of a title's length,
    and the story's first line where it is shaped as a headline (no sentence's end)."""
    blocks, labels, _, features, first = page
    above = [
        index
        for index in range(max(0, first - TITLE_CANDIDATES), first)
        if labels[index].kind not in _NEVER
        and labels[index].value != "related"  # a card for another story
        and not _certain_chrome(labels[index])
        and 1 <= features[index].n_words <= TITLE_MAX_WORDS
        and not features[index].url_like
    ]
    opening = blocks[first].text.strip() if first < len(blocks) else ""
    if ends_as_headline(opening) and features[first].n_words <= TITLE_MAX_WORDS:
        above.append(first)
    return above


def title_features(page: Page, rule_title: int | None, chosen: list[int]) -> dict[str, list[float]]:
    """Each candidate's features, a column per name (``chosen``: the candidates)."""
    blocks, labels, rule_labels, features, first = page
    # A headline-shaped opening line is a candidate: the lede starts after it.
    lede = _lede_terms(labels, features, first + 1 if first in chosen else first)
    wanted = {blocks[index].text for index in chosen}
    # A line the page sets twice (the headline in its trail or share text too).
    counts = Counter(b.text for b in blocks if b.text in wanted)
    top = chosen[0] if chosen else first
    visible = [i for i in range(top, first + 1) if labels[i].kind not in _PASSED]
    before_first = bisect_left(visible, first)
    nearest = next((i for i in reversed(chosen) if labels[i].kind == "headline"), None)
    trail = marked_trail(blocks, labels, first, TITLE_CANDIDATES)
    last_section = labels[trail].value[-1] if trail is not None else None
    rows: list[dict[str, float]] = []
    for index in chosen:
        label, feats, text = labels[index], features[index], blocks[index].text.strip()
        terms = _terms(feats.lowered)
        below = _next_visible(labels, index + 1)
        above = _previous_visible(labels, index - 1)
        n = feats.n_words
        rows.append(
            {
                # Lines between it and the story, not counting those removed anyway.
                "log_distance": math.log1p(max(0, before_first - bisect_right(visible, index))),
                "log_blocks": math.log1p(first - index),
                "opening": _flag(index == first),
                "nearest_headline": _flag(index == nearest),
                "rules_choice": _flag(index == rule_title),
                "log_words": math.log1p(n),
                "short": _flag(n < 4),
                "long": _flag(n > 15),
                "headline": _flag(label.kind == "headline" and label.value != "related"),
                "menu": _flag(label.kind == "menu"),
                "fragment": _flag(label.kind == "fragment"),
                "prose": _flag(label.kind == "prose"),
                "learned_chrome": _flag(label.kind == "remove" and label.value == "learned"),
                "contents_entry": _flag(label.reason == Reason.CONTENTS),
                "rules_prose": _flag(rule_labels[index].kind == "prose"),
                "score": label.score,
                "question": _flag(text.endswith(("?", "!"))),
                "colon_end": _flag(text.endswith(":")),
                "full_stop": _flag(text.endswith(".")),
                "separators": min(2.0, float(feats.separators)),
                "all_caps": _flag(n >= 2 and text.isupper()),
                "capitalised": feats.capitalised_share,
                "function_words": feats.function_density,
                "digits": feats.digits / (len(text) + 1),
                # A date or credit line (longer lines are read as sentences).
                "meta_line": _flag(n <= META_LINE_WORDS and META_LINE.search(text) is not None),
                "byline_below": _flag(_within(labels, index + 1, "byline")),
                "date_below": _flag(_within(labels, index + 1, "date")),
                "metadata_above": _flag(above is not None and labels[above].kind in _METADATA),
                "headline_above": _flag(above is not None and labels[above].kind == "headline"),
                # A sentence under a shorter headline reads as its standfirst.
                "standfirst_shaped": _flag(
                    above is not None
                    and labels[above].kind == "headline"
                    and rule_labels[index].kind == "prose"
                    and features[above].n_words < n
                ),
                "over_standfirst": _flag(
                    below is not None
                    and below < first
                    and rule_labels[below].kind == "prose"
                    and label.kind == "headline"
                    and features[below].n_words > n
                ),
                "prose_below": _flag(below is not None and labels[below].kind == "prose"),
                "headline_below": _flag(below is not None and labels[below].kind == "headline"),
                # A title over its deck: a line of some length under a headline-shaped one.
                "over_deck": _flag(
                    below is not None
                    and below < first
                    and features[below].n_words >= 4
                    and labels[below].kind in {"headline", "prose", "menu", "fragment"}
                    and not text.endswith((".", ":"))
                ),
                "story_below": _flag(below is not None and below >= first),
                "lede_share": len(terms & lede) / len(terms) if terms else 0.0,
                "lede_words": math.log1p(len(terms & lede)),
                "repeated": _flag(counts[blocks[index].text] > 1),
                "trail_end": _flag(last_section is not None and _same(last_section, text)),
            }
        )
    # How each compares with the others: a ranking's cues are relative.
    shares = [row["lede_share"] for row in rows]
    best_share = max(shares, default=0.0)
    for row in rows:
        row["lede_best"] = _flag(row["lede_share"] > 0 and row["lede_share"] == best_share)
        row["lede_behind"] = best_share - row["lede_share"]
    return {name: [row[name] for row in rows] for name in (rows[0] if rows else {})}


def ends_as_headline(text: str) -> bool:
    """Capitalised, and no sentence's end: the shape of a headline's line."""
    return text[:1].isupper() and not text.endswith((".", "!", "?", "…", ":"))


def _certain_chrome(label: Label) -> bool:
    """Removed by a rule that is sure (a caption, a share bar), not by the model.
    A line that names a heading further down is not sure: the title is often
    named again below it (in a trail, a list of posts, "3 Responses to …")."""
    return (
        label.kind in {"remove", "list", "terminal"}
        and label.value != "learned"
        and label.reason != Reason.CONTENTS
    )


def _flag(value: bool) -> float:
    return 1.0 if value else 0.0


def _terms(lowered: tuple[str, ...]) -> set[str]:
    """Content words' stems, in any of the languages lede knows."""
    functions = stoplist()
    return {stem(w) for w in lowered if len(w) >= 3 and w not in functions}


def _lede_terms(labels: list[Label], features: list[BlockFeatures], first: int) -> set[str]:
    """The words of the story's first paragraphs: a headline says what they say."""
    terms: set[str] = set()
    taken = 0
    for index in range(first, len(labels)):
        if taken >= LEDE_PARAGRAPHS:
            break
        if labels[index].kind == "prose":
            terms |= _terms(features[index].lowered)
            taken += 1
    return terms


def _next_visible(labels: list[Label], index: int) -> int | None:
    """The next line not removed anyway."""
    while index < len(labels) and labels[index].kind in _PASSED:
        index += 1
    return index if index < len(labels) else None


def _previous_visible(labels: list[Label], index: int) -> int | None:
    while index >= 0 and labels[index].kind in _PASSED:
        index -= 1
    return index if index >= 0 else None


def _within(labels: list[Label], index: int, kind: str) -> bool:
    """A byline (or a date) right under the line, a standfirst or a label between."""
    return any(labels[at].kind == kind for at in range(index, min(len(labels), index + 4)))


def marked_trail(blocks: list[Block], labels: list[Label], first: int, reach: int) -> int | None:
    """The trail of sections nearest above the story, within ``reach`` lines,
    where it is marked as one (›): its last section is often the headline."""
    for index in range(first - 1, max(-1, first - 1 - reach), -1):
        label = labels[index]
        if label.kind == "breadcrumb" and isinstance(label.value, tuple) and label.value:
            return index if TRAIL_MARK.search(blocks[index].text) else None
    return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


@cache
def _layer() -> Layer:
    """The learned weights (``scripts/train_titles.py`` writes them)."""
    from tui.clean.classifier import Layer

    text = resources.files("tui.data").joinpath("titles.json").read_text("utf-8")
    return Layer.of(json.loads(text))


def best_title(page: Page, rule_title: int | None) -> int | None:
    """The candidate most like a title; the rules' choice where there is none."""
    chosen = candidates(page)
    if not chosen:
        return rule_title
    columns = title_features(page, rule_title, chosen)
    score = dict(zip(chosen, _layer().logits(columns, len(chosen)), strict=True))
    best = max(chosen, key=score.__getitem__)
    above = _headline_over(page, best)
    if above in score and score[above] >= score[best] - STANDFIRST_MARGIN:
        return above
    return best


def _headline_over(page: Page, index: int) -> int | None:
    """The headline right over a longer line that reads as a sentence, whose
    standfirst that line would be; not a section's name over the headline,
    nor an item of a list the site headed ("Most read")."""
    above = _previous_visible(page.labels, index - 1)
    if (
        above is not None
        and page.labels[above].kind == "headline"
        and page.labels[above].value != "related"
        and page.rule_labels[index].kind == "prose"
        and HEADLINE_OVER_STANDFIRST_WORDS
        <= page.features[above].n_words
        < page.features[index].n_words
        and not in_sites_list(page.labels, above)
    ):
        return above
    return None


def in_sites_list(labels: list[Label], index: int) -> bool:
    """The headline is one of a run under a list's header ("Most read", "Related")."""
    for above in range(index - 1, max(-1, index - 1 - LIST_ITEMS_ABOVE), -1):
        if labels[above].kind == "list":
            return True
        if labels[above].kind not in {"headline", *_PASSED}:
            return False
    return False


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
            above = skip_up(labels, at - 1)
            if above >= 0 and labels[above].kind == "headline" and not in_sites_list(labels, above):
                continue  # under a headline, it is the standfirst
        elif passed_over(label):
            continue
        # The nearest line above the story is the headline, even read as a menu.
        menu_headline = seen == 0 and menu_shaped_headline(label, text)
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
    wanted = normal_text(last)
    return next((i for i in range(trail + 1, first) if normal_text(blocks[i].text) == wanted), None)


def _reads_as_long_headline(label: Label, rule_label: Label, text: str) -> bool:
    """A headline long enough to read as a sentence without its full stop: the
    rules took it for prose, and the model, among the page's furniture, removed it."""
    return label.value == LEARNED and rule_label.kind == "prose" and _headline_shaped(text)


def menu_shaped_headline(label: Label, text: str) -> bool:
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
