"""Events: the time expressions that anchor something, in time order.

Durations, sets and bare adverbs ("currently") stay on their sentence; each
point or interval becomes an event with its sentence and the entities named
in it. A restatement of the same time in the next sentence ("last month …
in late March") is one event, told by its most precise expression.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from tui.model import Entity, TimeExpression, TimelineEvent
from tui.timeline.calendar import month_interval

GRANULARITY_RANK = {
    "part of day": 7,
    "minute": 8,
    "day": 6,
    "week": 5,
    "month": 4,
    "season": 3,
    "quarter": 3,
    "year": 2,
    "decade": 1,
    "century": 0,
}


def build_events(
    expressions: list[TimeExpression],
    texts: dict[str, str],
    sentences: dict[str, list[tuple[int, int]]],
    entities: list[Entity],
    dated: bool,
) -> list[TimelineEvent]:
    order = {story: i for i, story in enumerate(texts)}
    sentence_of = _Sentences(sentences)
    plotted = sorted((e for e in expressions if e.plot), key=lambda e: (order[e.story], e.start))
    groups: list[list[TimeExpression]] = []
    for expression in plotted:
        recent = [g for g in groups[-3:] if _restates(g[-1], expression, sentence_of)]
        if recent:
            recent[-1].append(expression)
        else:
            groups.append([expression])

    involved = _entities_by_sentence(sentence_of, entities)
    events = [_event(group, texts, sentence_of, involved) for group in groups]

    reading = {id(event): index for index, event in enumerate(events)}
    if dated:
        events.sort(key=lambda ev: (sort_point(ev), reading[id(ev)]))
    return events


class _Sentences:
    """Finds the sentence an offset falls in, by bisection."""

    def __init__(self, sentences: dict[str, list[tuple[int, int]]]) -> None:
        self._spans = sentences
        self._starts = {story: [s for s, _ in spans] for story, spans in sentences.items()}

    def __call__(self, story: str, offset: int) -> tuple[int, int, int]:
        spans = self._spans.get(story) or [(0, 0)]
        index = max(0, bisect_right(self._starts.get(story, [0]), offset) - 1)
        start, end = spans[index]
        return index, start, end


def _restates(previous: TimeExpression, current: TimeExpression, sentence_of: _Sentences) -> bool:
    if previous.story != current.story or not previous.interval or not current.interval:
        return False
    first = sentence_of(previous.story, previous.start)[0]
    second = sentence_of(current.story, current.start)[0]
    if second - first > 1:
        return False
    if previous.text.lower() == current.text.lower():
        return False
    if "|" in f"{previous.value}{current.value}":
        return False  # "May or June" is a choice; a date in May is not it said again
    a, b = previous.interval, current.interval
    nested = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    same_value = (previous.value or "")[:7] == (current.value or "")[:7]
    return nested and same_value


def _specificity(expression: TimeExpression) -> tuple[int, int, int]:
    return (
        GRANULARITY_RANK.get(expression.granularity or "", -1),
        1 if expression.mod in {"START", "MID", "END"} else 0,
        1 if expression.relative is None else 0,
    )


def _entities_by_sentence(
    sentence_of: _Sentences, entities: list[Entity]
) -> dict[tuple[str, int], list[str]]:
    """Which entities each sentence names, in the entities' order."""
    index: dict[tuple[str, int], list[str]] = {}
    for entity in entities:
        for mention in entity.mentions:
            key = (mention.story, sentence_of(mention.story, mention.start)[0])
            names = index.setdefault(key, [])
            if entity.id not in names[-1:]:
                names.append(entity.id)

    return index


def _event(
    group: list[TimeExpression],
    texts: dict[str, str],
    sentence_of: _Sentences,
    involved: dict[tuple[str, int], list[str]],
) -> TimelineEvent:
    primary = max(group, key=_specificity)
    story = primary.story
    text = texts[story]
    _, sentence_start, sentence_end = sentence_of(story, primary.start)
    entity_ids: list[str] = []
    for expression in group:
        for entity_id in involved.get((story, sentence_of(story, expression.start)[0]), []):
            if entity_id not in entity_ids:
                entity_ids.append(entity_id)
    start = primary.lead_text_start
    return TimelineEvent(
        story=story,
        text=text[start : primary.end],
        start=start,
        end=primary.end,
        value=primary.value,
        label=primary.label,
        granularity=primary.granularity,
        mod=primary.mod,
        sentence=text[sentence_start:sentence_end].strip(),
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        entities=entity_ids,
        also=[e for e in group if e is not primary],
        interval=primary.interval,
    )


def sort_point(event: TimelineEvent) -> float:
    """The middle of the event's interval, as a day number; unknown ones last.

    Alternatives ("May or June") sort by their earliest one, as "in May"
    would: the first is as likely as the second, and the list stays in time
    order whichever it turns out to be.
    """
    if event.interval is None:
        return float("inf")
    start, end = (date.fromisoformat(d).toordinal() for d in event.interval)
    first = (event.value or "").split("|")[0]
    if first != event.value and len(first) == 7 and first[:4].isdigit():
        month_start, month_end = month_interval(int(first[:4]), int(first[5:7]))
        return (month_start.toordinal() + month_end.toordinal()) / 2
    return (start + end) / 2
