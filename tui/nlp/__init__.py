"""The language stages: sentences, entity mentions, time expressions.

``analyze_language`` runs spaCy over every paragraph of every story in
batches (``nlp.pipe``), then the pure consolidation and timeline stages.
Nothing here imports a UI.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.model import Analysis, Article
from tui.options import Options
from tui.spans import Occupied


def analyze_language(
    article: Article, options: Options, progress: Callable[[float], None] | None = None
) -> Analysis:
    from tui.nlp.consolidate import consolidate
    from tui.nlp.loader import load_pipeline
    from tui.nlp.mentions import (
        casing_vocabulary,
        competitors,
        doc_mentions,
        listed_people,
        relabel,
        results_sides,
        shouted_words,
        truecaser,
    )
    from tui.nlp.storydoc import parse_stories
    from tui.timeline import build_timeline, find_time_expressions
    from tui.timeline.summary import summarise

    name, notes = _choose_pipeline(article.metadata.language, options.model)
    if name == "":
        return Analysis(article, notes=notes)
    nlp, model = load_pipeline(name)
    texts = {story.id: story.text for story in article.stories}
    vocabulary = casing_vocabulary(list(texts.values()))
    truecase = truecaser(vocabulary)
    docs = parse_stories(nlp, article.stories, truecase, progress)
    english = model.startswith("en_")
    expressions = find_time_expressions(docs, texts, article.metadata.date) if english else []
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
    mentions = shouted_words(mentions, vocabulary)
    mentions = competitors(texts, mentions)
    mentions += results_sides(texts, mentions)
    mentions += listed_people(texts, mentions)
    entities = consolidate(relabel(nlp, mentions), texts)
    sentences = {story: parsed.sentences() for story, parsed in docs.items()}
    dated = bool(article.metadata.date)
    timeline = build_timeline(expressions, texts, sentences, entities, dated=dated)
    for event in timeline:
        if located := docs[event.story].locate(event.start, event.end):
            event.summary = summarise(*located)
    return Analysis(article, entities, expressions, timeline, model, sentences, notes)


def _choose_pipeline(language: str | None, override: str | None) -> tuple[str | None, list[str]]:
    """The pipeline to load (None: the default English one; "": none), and notes.

    An English model run over another language finds nonsense entities, so a
    non-English article is read by a pipeline for its language or not at all.
    """
    from tui.language import language_name
    from tui.nlp.loader import installed_pipelines

    if override or language in (None, "en"):
        return override, []
    name = language_name(language)
    found = installed_pipelines(language)
    if not found:
        return "", [
            f"No entities or timeline: the article is in {name} and no {name} spaCy "
            "pipeline is installed (--model names one)."
        ]
    return found[0], [f"The timeline reads English dates only; this article is in {name}."]
