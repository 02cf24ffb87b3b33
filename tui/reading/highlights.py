"""What is highlighted in a story: entities and times, then what a person chose.

Two layers, as the article view draws them: the base marks (every shown
entity's mentions, every time expression) change only with the story and the
type filter; the overlay (the selected entity or event, search matches, the
current target) changes with every key, and is small.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model import Analysis, Story
from tui.reading.targets import Stepper


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted stretch of the story's text, in a named layer."""

    start: int
    end: int
    layer: str  # an entity type, "time", "sentence", "match", "selected" or "current"


def base_marks(analysis: Analysis | None, story: Story, types: tuple[str, ...]) -> list[Mark]:
    """Mentions of the entities of the shown types, and every time expression."""
    if analysis is None:
        return []
    marks = [
        Mark(m.start, m.end, entity.type)
        for entity in analysis.entities
        if entity.type in types
        for m in entity.mentions
        if m.story == story.id
    ]
    marks.extend(
        Mark(t.start, t.end, "time") for t in analysis.time_expressions if t.story == story.id
    )
    return marks


@dataclass(frozen=True, slots=True)
class Selection:
    """What a person has chosen: an entity, an event, and where n/N stand."""

    entity: str | None
    event: int | None
    stepper: Stepper


def overlay_marks(
    analysis: Analysis | None,
    story: Story,
    story_number: int,
    types: tuple[str, ...],
    selection: Selection,
) -> list[Mark]:
    """The marks of the selection in this story, drawn over the base marks.

    The chosen entities' mentions are "selected" (and shown in their type's
    colour even when the filter hides that type); an event's sentence is
    "sentence"; search matches are "match"; the current target is "current"
    and never also "selected".
    """
    stepper = selection.stepper
    current = stepper.current
    here = current if current is not None and current.story == story_number else None
    overlay: list[Mark] = []
    if analysis is not None:
        chosen: set[str] = set()
        if selection.entity:
            chosen.add(selection.entity)
        if selection.event is not None:
            event = analysis.timeline[selection.event]
            chosen.update(event.entities)
            if event.story == story.id:
                overlay.append(Mark(event.sentence_start, event.sentence_end, "sentence"))
        stepping = here if stepper.mode == "mention" else None
        for entity_id in sorted(chosen):
            entity = analysis.entity(entity_id)
            if entity is None:
                continue
            for mention in entity.mentions:
                if mention.story != story.id:
                    continue
                if entity.type not in types:
                    overlay.append(Mark(mention.start, mention.end, entity.type))
                if not (stepping and stepping.start == mention.start):
                    overlay.append(Mark(mention.start, mention.end, "selected"))
    if stepper.mode == "search":
        overlay.extend(
            Mark(t.start, t.end, "match") for t in stepper.matches if t.story == story_number
        )
    if here is not None:
        overlay.append(Mark(here.start, here.end, "current"))
    return overlay
