"""The language stages: sentences, entity mentions, time expressions.

``analyze_language`` runs spaCy once per story (``nlp.pipe``), then the pure
consolidation and timeline stages. Nothing here imports a UI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model import PARAGRAPH_SEPARATOR, Analysis, Article, TimeExpression
from tui.pipeline import Options

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyze_language(article: Article, options: Options) -> Analysis:
    from tui.nlp.consolidate import consolidate
    from tui.nlp.mentions import doc_mentions, relabel, truecase_capitals
    from tui.nlp.model import load_pipeline
    from tui.timeline import build_timeline, find_time_expressions
    from tui.timeline.summary import summarise

    nlp, model = load_pipeline(options.model)
    texts = {story.id: story.text for story in article.stories}
    docs = dict(zip(texts, nlp.pipe(truecase_capitals(t) for t in texts.values()), strict=True))
    expressions = find_time_expressions(docs, texts, article.metadata.date)
    mentions = [
        m
        for story, doc in docs.items()
        for m in doc_mentions(story, doc, texts[story])
        # A holiday is a date on the timeline, not an entity ("New Year’s Day").
        if not (m.label == "EVENT" and _overlaps_time(m.story, m.start, m.end, expressions))
    ]
    entities = consolidate(relabel(nlp, mentions), texts)
    sentences = {story: _sentences(doc, texts[story]) for story, doc in docs.items()}
    timeline = build_timeline(
        expressions, texts, sentences, entities, dated=bool(article.metadata.date)
    )
    for event in timeline:
        event.summary = summarise(docs[event.story], event.start, event.end)
    return Analysis(article, entities, expressions, timeline, model, sentences)


def _overlaps_time(story: str, start: int, end: int, expressions: list[TimeExpression]) -> bool:
    return any(e.story == story and e.start < end and start < e.end for e in expressions)


def _sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Sentence spans, never crossing a paragraph break, without edge spaces."""
    spans: list[tuple[int, int]] = []
    for sentence in doc.sents:
        start = sentence.start_char
        for piece in text[sentence.start_char : sentence.end_char].split(PARAGRAPH_SEPARATOR):
            end = start + len(piece)
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                spans.append((start + lead, start + lead + len(stripped)))
            start = end + len(PARAGRAPH_SEPARATOR)
    return spans
