"""Exports for other tools: spaCy's displaCy "manual" format and TimeML."""

from __future__ import annotations

import json
import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tui.model import Analysis, Paragraph

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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!{}&])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")


def md_escape(text: str) -> str:
    """Text that CommonMark reads back as exactly itself."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A paragraph must not start like a list item, a quote or a heading rule.
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def md_block(paragraph: Paragraph) -> list[str]:
    """A paragraph as Markdown in its own shape: list item, quote, table, code."""
    if paragraph.kind == "list_item":
        return ["- " + md_escape(paragraph.text)]
    if paragraph.kind == "quote":
        return ["> " + md_escape(paragraph.text)]
    if paragraph.kind == "code":
        fence = "~~~~" if "```" in paragraph.text else "```"
        return [fence, *paragraph.text.split("\n"), fence]
    if paragraph.kind == "table":
        rows = [row.split("\t") for row in paragraph.text.split("\n")]
        width = max(len(r) for r in rows)
        cells = [[md_escape(c) for c in r] + [""] * (width - len(r)) for r in rows]
        return [
            "| " + " | ".join(cells[0]) + " |",
            "|" + "---|" * width,
            *("| " + " | ".join(r) + " |" for r in cells[1:]),
        ]
    return [md_escape(paragraph.text)]


def to_markdown(analysis: Analysis) -> str:
    """The cleaned article as CommonMark: front matter, each story a section,
    then the entities and the timeline as tables."""
    meta = analysis.article.metadata
    lines = ["---"]
    for key, value in (
        ("title", meta.title),
        ("date", meta.date),
        ("byline", meta.byline),
        ("site", meta.site),
        ("source", meta.url or analysis.article.source),
    ):
        if value:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    if meta.categories:
        lines.append(f"categories: {json.dumps(meta.categories, ensure_ascii=False)}")
    lines += ["---", ""]
    for story in analysis.article.stories:
        level = "#" if story.kind == "main" else "##"
        lines += [f"{level} {md_escape(story.title or 'Untitled')}", ""]
        subheadings: dict[int, list[str]] = {}
        for index, text, _ in story.subheadings:
            subheadings.setdefault(index, []).append(text)
        for index, paragraph in enumerate(story.paragraphs):
            for text in subheadings.pop(index, []):
                lines += [f"### {md_escape(text)}", ""]
            lines += [*md_block(paragraph), ""]
        for texts in subheadings.values():
            lines += [line for text in texts for line in (f"### {md_escape(text)}", "")]
    if analysis.entities:
        lines += ["## Entities", "", "| Name | Type | Mentions | Aliases |", "|---|---|---|---|"]
        for entity in analysis.entities:
            lines.append(
                f"| {md_escape(entity.name)} | {entity.type} | {len(entity.mentions)} | "
                f"{md_escape(', '.join(entity.aliases))} |"
            )
        lines.append("")
    if analysis.timeline:
        lines += ["## Timeline", "", "| When | Value | As written | Story | What |"]
        lines.append("|---|---|---|---|---|")
        for event in analysis.timeline:
            when, value = md_escape(event.label), md_escape(event.value or "")
            what = md_escape(event.summary or event.sentence)
            lines.append(f"| {when} | {value} | {md_escape(event.text)} | {event.story} | {what} |")

        lines.append("")
    return "\n".join(lines)
