"""The language stages: sentences, entity mentions, time expressions.

``analyze_language`` runs spaCy over every paragraph of every story in
batches (``nlp.pipe``), then the pure consolidation and timeline stages.
Nothing here imports a UI.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.model import Analysis, Article
from tui.pipeline import Options
from tui.spans import Occupied


def analyze_language(
    article: Article, options: Options, progress: Callable[[float], None] | None = None
) -> Analysis:
    from tui.nlp.consolidate import consolidate
    from tui.nlp.mentions import doc_mentions, relabel, truecase_capitals
    from tui.nlp.model import load_pipeline
    from tui.nlp.storydoc import parse_stories
    from tui.timeline import build_timeline, find_time_expressions
    from tui.timeline.summary import summarise

    nlp, model = load_pipeline(options.model)
    texts = {story.id: story.text for story in article.stories}
    docs = parse_stories(nlp, article.stories, truecase_capitals, progress)
    expressions = find_time_expressions(docs, texts, article.metadata.date)
    in_time: dict[str, Occupied] = {}
    for expression in expressions:
        in_time.setdefault(expression.story, Occupied()).add(expression.start, expression.end)
    mentions = [
        m
        for parsed in docs.values()
        for m in doc_mentions(parsed)
        # A holiday is a date on the timeline, not an entity ("New Year’s Day").
        if not (m.label == "EVENT" and in_time.get(m.story, Occupied()).overlaps(m.start, m.end))
    ]
    entities = consolidate(relabel(nlp, mentions), texts)
    sentences = {story: parsed.sentences() for story, parsed in docs.items()}
    dated = bool(article.metadata.date)
    timeline = build_timeline(expressions, texts, sentences, entities, dated=dated)
    for event in timeline:
        if located := docs[event.story].locate(event.start, event.end):
            event.summary = summarise(*located)
    return Analysis(article, entities, expressions, timeline, model, sentences)
