"""The invariant checkers themselves find what they are for.

The other tests trust ``check_analysis`` and ``check_nothing_lost`` to pass
on good analyses; here each is handed an analysis broken in one way, by
hand, and must name that break (a checker that found nothing would let
every other test pass).
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable

import pytest

from tests.conftest import SAMPLE
from tui.invariants import check_analysis, check_nothing_lost
from tui.model import Analysis
from tui.pipeline import Options, analyze, build_article, read_raw


@pytest.fixture(scope="module")
def good() -> Analysis:
    analysis = analyze(SAMPLE, Options())
    assert check_analysis(analysis) == []
    assert analysis.entities and analysis.timeline
    return analysis


def _mention_off_by_one(a: Analysis) -> None:
    entity = a.entities[0]
    m = entity.mentions[0]
    entity.mentions[0] = dataclasses.replace(m, start=m.start + 1, end=m.end + 1)


def _paragraph_moved(a: Analysis) -> None:
    story = a.article.stories[0]
    p = story.paragraphs[0]
    story.paragraphs[0] = dataclasses.replace(p, start=p.start + 3)


def _duplicate_entity(a: Analysis) -> None:
    a.entities.append(copy.deepcopy(a.entities[0]))


def _event_names_nobody(a: Analysis) -> None:
    a.timeline[0].entities.append("person:nobody-at-all")


def _event_outside_its_sentence(a: Analysis) -> None:
    a.timeline[0].sentence_end = a.timeline[0].start


def _sentence_past_the_end(a: Analysis) -> None:
    story = a.article.stories[0].id
    a.sentences[story].append((0, len(a.article.stories[0].text) + 10))


def _removed_without_rule(a: Analysis) -> None:
    a.article.removed[0] = dataclasses.replace(a.article.removed[0], rule="")


def _control_character_shown(a: Analysis) -> None:
    a.article.stories[0].title = "A title\x1b[31m in red"


BREAKS: dict[str, tuple[Callable[[Analysis], None], str]] = {
    "mention": (_mention_off_by_one, "hold"),
    "paragraph": (_paragraph_moved, "does not slice its text"),
    "duplicate id": (_duplicate_entity, "used 2 times"),
    "event entity": (_event_names_nobody, "entity 'person:nobody-at-all' does not exist"),
    "event sentence": (_event_outside_its_sentence, "sentence span does not hold it"),
    "sentence": (_sentence_past_the_end, "outside story"),
    "rule id": (_removed_without_rule, "has no rule id"),
    "control character": (_control_character_shown, "control character in story"),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_check_analysis_names_each_break(good: Analysis, name: str) -> None:
    broken = copy.deepcopy(good)
    breaking, words = BREAKS[name]
    breaking(broken)
    problems = check_analysis(broken)
    assert any(words in p for p in problems), problems


def test_check_nothing_lost_finds_a_lost_and_an_invented_block() -> None:
    raw = read_raw(SAMPLE)
    article = build_article(raw)
    assert check_nothing_lost(article, raw.blocks, raw.pre_removed) == []
    gone = article.removed.pop(0)
    assert check_nothing_lost(article, raw.blocks, raw.pre_removed) == [
        f"line {gone.source_line}: block lost: {gone.text[:60]!r}"
    ]
    article.removed.extend([gone, gone])
    assert check_nothing_lost(article, raw.blocks, raw.pre_removed) == [
        f"line {gone.source_line}: block appears from nowhere or twice: {gone.text[:60]!r}"
    ]
