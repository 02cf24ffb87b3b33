"""Exports for other tools: spaCy's displaCy "manual" format and TimeML."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tui.model import Analysis

STORY_SEPARATOR = "\n\n\n"


def to_displacy(analysis: Analysis) -> list[dict[str, Any]]:
    """One displaCy "manual" document per story: its text, entity spans, title.

    ``spacy.displacy.render(to_displacy(a), style="ent", manual=True)`` draws them.
    """
    documents = []
    for story in analysis.article.stories:
        ents = sorted(
            (
                {"start": m.start, "end": m.end, "label": entity.label}
                for entity in analysis.entities
                for m in entity.mentions
                if m.story == story.id
            ),
            key=lambda e: (e["start"], e["end"]),
        )
        documents.append({"text": story.text, "ents": ents, "title": story.title})
    return documents


def to_timeml(analysis: Analysis) -> str:
    """The stories as one TimeML document with TIMEX3 tags and the DCT.

    The stories' texts are joined by two blank lines, main story first.
    """
    meta = analysis.article.metadata
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    parts.append(f"<DOCID>{escape(analysis.article.source)}</DOCID>")
    if meta.date:
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{meta.date}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{meta.date}</TIMEX3></DCT>'
        )
    if analysis.article.title:
        parts.append(f"<TITLE>{escape(analysis.article.title)}</TITLE>")
    texts = []
    number = 0
    for story in analysis.article.stories:
        text = story.text
        pieces = []
        cursor = 0
        for expression in sorted(
            (t for t in analysis.time_expressions if t.story == story.id), key=lambda t: t.start
        ):
            if expression.start < cursor:
                continue
            number += 1
            attributes = {
                "tid": f"t{number}",
                "type": expression.type,
                "value": expression.value or "XXXX-XX-XX",
            }
            if expression.mod:
                attributes["mod"] = expression.mod
            if meta.date and expression.relative is None and expression.value:
                attributes["temporalFunction"] = "true" if _relative(expression.text) else "false"
                attributes["anchorTimeID"] = "t0"
            rendered = " ".join(f"{key}={quoteattr(value)}" for key, value in attributes.items())
            pieces.append(escape(text[cursor : expression.start]))
            pieces.append(f"<TIMEX3 {rendered}>{escape(expression.text)}</TIMEX3>")
            cursor = expression.end
        pieces.append(escape(text[cursor:]))
        texts.append("".join(pieces))
    parts.append("<TEXT>" + STORY_SEPARATOR.join(texts) + "</TEXT>")
    parts.append("</TimeML>")
    return "\n".join(parts) + "\n"


def _relative(text: str) -> bool:
    return not any(ch.isdigit() for ch in text)
