"""DESIGN.md's invariants as a check any analysis can be put through.

The tests, ``scripts/check_pages.py`` and the fuzz script all ask the same
questions of an ``Analysis``, so one function answers them: each problem is
a one-line string, and an empty list means every invariant held.

What an id is: a story's id is its place in the article (``main``,
``embedded-N``); an entity's id is its type and its name folded to a slug
(``person:jane-doe``), made unique within the analysis by a numeric suffix
when two entities fold to the same slug. Ids depend only on the input and
the options, so they are stable across runs and processes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from tui.model import (
    PARAGRAPH_SEPARATOR,
    Analysis,
    Article,
    Block,
    Paragraph,
    RemovedBlock,
)
from tui.reasons import Reason

# C0 controls but tab and newline, DEL, C1 controls: never in what lede shows.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def check_analysis(analysis: Analysis) -> list[str]:
    """Every broken invariant of an analysis (offsets, ids, references, text)."""
    problems: list[str] = []
    article = analysis.article
    texts = {s.id: s.text for s in article.stories}
    problems += _unique("story id", [s.id for s in article.stories])
    problems += _unique("entity id", [e.id for e in analysis.entities])
    for story in article.stories:
        problems += _paragraph_offsets(story.id, story.paragraphs, texts[story.id])
    for entity in analysis.entities:
        for m in entity.mentions:
            problems += _slice(texts, m.story, m.start, m.end, m.text, f"mention of {entity.id}")
    for t in analysis.time_expressions:
        problems += _slice(texts, t.story, t.start, t.end, t.text, "time expression")
    entity_ids = {e.id for e in analysis.entities}
    for event in analysis.timeline:
        problems += _slice(texts, event.story, event.start, event.end, event.text, "event")
        if event.story in texts and not (
            0
            <= event.sentence_start
            <= event.start
            <= event.end
            <= event.sentence_end
            <= len(texts[event.story])
        ):
            problems.append(f"event {event.text!r}: sentence span does not hold it")
        problems += [
            f"event {event.text!r}: entity {ref!r} does not exist"
            for ref in event.entities
            if ref not in entity_ids
        ]
    for story_id, spans in analysis.sentences.items():
        if story_id not in texts:
            problems.append(f"sentences of unknown story {story_id!r}")
            continue
        size = len(texts[story_id])
        problems += [
            f"sentence {start}-{end} outside story {story_id!r}"
            for start, end in spans
            if not 0 <= start <= end <= size
        ]
    problems += [
        f"removed block on line {r.source_line} has no rule id"
        for r in article.removed
        if not r.rule
    ]
    problems += [
        f"control character in {where}"
        for where, text in _shown_text(article)
        if CONTROL.search(text)
    ]
    return problems


def check_nothing_lost(
    article: Article, blocks: Iterable[Block], pre_removed: Iterable[RemovedBlock]
) -> list[str]:
    """Every input block is in exactly one story or among the removed, as it came."""
    wanted = Counter((b.source_line, b.text) for b in blocks)
    wanted.update((r.source_line, r.text) for r in pre_removed)
    placed = Counter(placed_blocks(article))
    problems = [
        f"line {line}: block lost: {text[:60]!r}"
        for (line, text), n in (wanted - placed).items()
        for _ in range(n)
    ]
    problems += [
        f"line {line}: block appears from nowhere or twice: {text[:60]!r}"
        for (line, text), n in (placed - wanted).items()
        for _ in range(n)
    ]
    return problems


def placed_blocks(article: Article) -> list[tuple[int, str]]:
    """Every block of an article as (source line, text): titles, subheadings,
    paragraphs and removed blocks (not the control-character record)."""
    placed: list[tuple[int, str]] = []
    for story in article.stories:
        if story.title_line is not None:
            placed.append((story.title_line, story.title_as_written or story.title or ""))
        placed.extend((line, text) for _, text, line in story.subheadings)
        placed.extend((p.source_line, p.text) for p in story.paragraphs)
    placed.extend(
        (r.source_line, r.text) for r in article.removed if r.reason != Reason.CONTROL_CHARACTERS
    )
    return placed


def lost_characters(source_text: str, article: Article) -> int:
    """How many letters and digits of the source's text no block holds.

    A multiset of characters is blind to where text was split or how spaces
    were folded, so it checks "nothing lost" even where blocks were re-cut
    (an HTML page's elements, a hard-wrapped paragraph).
    """
    have = Counter(_letters(" ".join(text for _, text in placed_blocks(article))))
    want = Counter(_letters(source_text))
    return sum((want - have).values())


def _letters(text: str) -> str:
    # Composed (NFC) first: "a" + a combining mark and "ä" are one letter either way.
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if ch.isalnum())


def _unique(what: str, ids: list[str]) -> list[str]:
    return [f"{what} {i!r} used {n} times" for i, n in Counter(ids).items() if n > 1]


def _paragraph_offsets(story_id: str, paragraphs: list[Paragraph], text: str) -> list[str]:
    problems = []
    if text != PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs):
        problems.append(f"story {story_id!r}: text is not its paragraphs joined")
    for p in paragraphs:
        if text[p.start : p.end] != p.text:
            problems.append(f"story {story_id!r}: paragraph at {p.start} does not slice its text")
    return problems


def _slice(
    texts: dict[str, str], story: str, start: int, end: int, text: str, what: str
) -> list[str]:
    if story not in texts:
        return [f"{what} {text!r}: story {story!r} does not exist"]
    if not 0 <= start <= end <= len(texts[story]):
        return [f"{what} {text!r}: offsets {start}-{end} outside story {story!r}"]
    if texts[story][start:end] != text:
        return [f"{what} {text!r}: offsets {start}-{end} hold {texts[story][start:end]!r}"]
    return []


def _shown_text(article: Article) -> Iterable[tuple[str, str]]:
    meta = article.metadata
    for name in ("title", "byline", "site", "url", "dateline"):
        value = getattr(meta, name)
        if value:
            yield f"metadata {name}", value
    for category in meta.categories:
        yield "a category", category
    for story in article.stories:
        yield f"story {story.id} title", story.title or ""
        for _, text, _ in story.subheadings:
            yield f"story {story.id} subheading", text
        for p in story.paragraphs:
            yield f"story {story.id} line {p.source_line}", p.text
    for r in article.removed:
        yield f"removed line {r.source_line}", r.text + r.reason
