"""Word wrapping of a story into screen lines, keeping every line's offsets.

The article view draws lines itself (a line API, as toolong does) so a
100,000-word story scrolls without building a widget per paragraph, and a
character offset maps to its screen line exactly — which is what jumping to
a mention or a sentence needs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len

from tui.model import RemovedBlock, Story

ItemKind = Literal["title", "subheading", "paragraph", "table", "code", "removed", "blank"]
# Items drawn a row per line, never wrapped: their columns and indents matter.
ROWS = frozenset({"table", "code"})


@dataclass(frozen=True, slots=True)
class Item:
    """One block to show: a paragraph (with its offset in the story) or furniture."""

    kind: ItemKind
    text: str
    offset: int | None = None  # where the text starts in the story's text


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: a slice of one item."""

    item: int
    start: int  # slice of the item's text
    end: int


def wrap_items(items: list[Item], width: int) -> list[Line]:
    """Greedy word wrap of every item to ``width`` cells, blank lines between."""
    width = max(10, width)
    lines: list[Line] = []
    for index, item in enumerate(items):
        if item.kind == "blank" or not item.text:
            lines.append(Line(index, 0, 0))
            continue
        start = 0
        for row in item.text.split("\n"):
            end = start + len(row)
            if item.kind in ROWS:
                lines.append(Line(index, start, end))
            else:
                lines.extend(Line(index, start + a, start + b) for a, b in _wrap(row, width))
            start = end + 1
    return lines


def _wrap(text: str, width: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length:
        end = _fit(text, start, width)
        if end >= length:
            spans.append((start, length))
            break
        # Break at the last space inside the line, if there is one.
        space = text.rfind(" ", start, end + 1)
        if space > start:
            spans.append((start, space))
            start = space + 1
        else:
            spans.append((start, end))
            start = end
    return spans or [(0, 0)]


def _fit(text: str, start: int, width: int) -> int:
    """Where a line of ``width`` cells starting at ``start`` ends."""
    chunk = text[start : start + width]
    if chunk.isascii() or cell_len(chunk) <= width:
        return start + len(chunk)
    used = 0
    position = start
    while position < len(text):
        cells = cell_len(text[position])
        if used + cells > width:
            break
        used += cells
        position += 1
    return max(position, start + 1)


class LineIndex:
    """Finds the screen line that shows a story offset."""

    def __init__(self, items: list[Item], lines: list[Line]) -> None:
        self._starts: list[int] = []
        self._lines: list[int] = []
        for number, line in enumerate(lines):
            offset = items[line.item].offset
            if offset is not None:
                self._starts.append(offset + line.start)
                self._lines.append(number)

    def line_of(self, offset: int) -> int:
        if not self._starts:
            return 0
        index = max(0, bisect_right(self._starts, offset) - 1)
        return self._lines[index]


def story_items(story: Story, removed: list[RemovedBlock] | None) -> list[Item]:
    """The blocks to draw for a story, removed ones interleaved where they stood."""
    placed: list[tuple[int, int, Item]] = []
    if story.title:
        placed.append((story.title_line or 0, 0, Item("title", story.title)))
    for _, text, line in story.subheadings:
        placed.append((line, 1, Item("subheading", text)))
    for paragraph in story.paragraphs:
        kind: ItemKind = "paragraph"
        if paragraph.kind == "table" or paragraph.kind == "code":
            kind = paragraph.kind  # drawn a row per line
        placed.append((paragraph.source_line, 2, Item(kind, paragraph.text, paragraph.start)))
    for block in removed or []:
        placed.append((block.source_line, 3, Item("removed", f"⌫ {block.reason}: {block.text}")))
    placed.sort(key=lambda entry: (entry[0], entry[1]))
    items: list[Item] = []
    for _, _, item in placed:
        if items:
            items.append(Item("blank", ""))
        items.append(item)
    return items
