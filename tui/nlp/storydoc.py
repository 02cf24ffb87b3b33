"""A story as spaCy docs, one per paragraph, with offsets into the story.

Paragraph docs keep memory bounded and let ``nlp.pipe`` batch a long story;
every position a stage reports is translated back to the story's own text,
so offsets stay exact.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.model import Story

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

BATCH_SIZE = 64
# From this many characters on, spaCy parses in two processes (n_process).
PARALLEL_CHARS = 300_000


@dataclass(slots=True)
class StoryDoc:
    """The docs of one story's paragraphs and where each starts."""

    story: str
    text: str
    starts: list[int]
    docs: list[Doc]

    def ents(self) -> Iterator[tuple[int, int, Span]]:
        """Entity spans with their story offsets."""
        for start, doc in zip(self.starts, self.docs, strict=True):
            for ent in doc.ents:
                yield start + ent.start_char, start + ent.end_char, ent

    def locate(self, start: int, end: int) -> tuple[Doc, int, int] | None:
        """The paragraph doc holding [start, end), with offsets local to it."""
        index = bisect_right(self.starts, start) - 1
        if index < 0:
            return None
        base = self.starts[index]
        doc = self.docs[index]
        length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        if end - base > length:
            return None
        return doc, start - base, end - base

    def sentences(self) -> list[tuple[int, int]]:
        spans = []
        for start, doc in zip(self.starts, self.docs, strict=True):
            for sentence in doc.sents:
                text = sentence.text
                stripped = text.strip()
                if stripped:
                    lead = len(text) - len(text.lstrip())
                    begin = start + sentence.start_char + lead
                    spans.append((begin, begin + len(stripped)))
        return spans


def parse_stories(
    nlp: Language,
    stories: list[Story],
    prepare: Callable[[str], str] = str,
    progress: Callable[[float], None] | None = None,
) -> dict[str, StoryDoc]:
    """Run the pipeline over every paragraph of every story, batched.

    ``progress`` hears the share of characters parsed so far (0.0 to 1.0).
    """
    paragraphs = [(story, p) for story in stories for p in story.paragraphs]
    texts = (prepare(p.text) for _, p in paragraphs)
    result = {story.id: StoryDoc(story.id, story.text, [], []) for story in stories}
    total = sum(len(p.text) for _, p in paragraphs) or 1
    done = 0
    # A big article is read by two processes at once where there are the cores.
    total_chars = sum(len(p.text) for _, p in paragraphs)
    processes = 2 if total_chars >= PARALLEL_CHARS and (os.cpu_count() or 1) >= 2 else 1
    docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes)
    for index, ((story, paragraph), doc) in enumerate(zip(paragraphs, docs, strict=True)):
        # The token vectors feed nothing after the pipeline: free them.
        doc.tensor = doc.tensor[:0].copy()

        entry = result[story.id]
        entry.starts.append(paragraph.start)
        entry.docs.append(doc)
        done += len(paragraph.text)
        if progress is not None and index % BATCH_SIZE == 0:
            progress(done / total)
    if progress is not None:
        progress(1.0)
    return result
