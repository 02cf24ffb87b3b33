"""Timeline: time expressions, normalised against the publication date,
turned into events tied to their sentence and the entities in it.

``find_time_expressions`` works per story; ``build_timeline`` orders the
events (by time when the date is known, in reading order when it is not).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tui.model import Entity, TimeExpression, TimelineEvent
from tui.timeline.recognise import recognise

if TYPE_CHECKING:
    from tui.nlp.storydoc import StoryDoc


def find_time_expressions(
    docs: dict[str, StoryDoc], texts: dict[str, str], dct: str | None
) -> list[TimeExpression]:
    """Every time expression of every story, in reading order."""
    publication = date.fromisoformat(dct) if dct else None
    return [
        e
        for story, text in texts.items()
        for e in recognise(story, docs.get(story), text, publication)
    ]


def build_timeline(
    expressions: list[TimeExpression],
    texts: dict[str, str],
    sentences: dict[str, list[tuple[int, int]]],
    entities: list[Entity],
    dated: bool = True,
) -> list[TimelineEvent]:
    from tui.timeline.events import build_events

    return build_events(expressions, texts, sentences, entities, dated)
