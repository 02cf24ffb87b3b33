"""Plain text of an article: the main story as a reader reads it."""

from __future__ import annotations

from tui.model import Article, Story


def to_text(article: Article) -> str:
    """The main story: its subheadings where they stand, a blank line between blocks."""
    main = article.stories[0]
    return (main.title + "\n\n" if main.title else "") + story_text(main)


def story_text(story: Story) -> str:
    heads: dict[int, list[str]] = {}
    for before, text, _ in story.subheadings:
        heads.setdefault(before, []).append(text)
    parts: list[str] = []
    for index, paragraph in enumerate(story.paragraphs):
        parts.extend(heads.pop(index, []))
        parts.append(
            paragraph.text.replace("\t", " | ") if paragraph.kind == "table" else paragraph.text
        )
    parts.extend(text for index in sorted(heads) for text in heads[index])
    return "".join(part + "\n\n" for part in parts).rstrip("\n") + "\n"
