"""The article pane: the cleaned story, drawn line by line.

Mentions are coloured by type and carry a style cue too (bold, underline,
italic) so colour is never the only signal; time expressions are underlined
in their own colour; the selected entity's mentions are reversed and the
current one stands out again. All text is drawn as plain segments: nothing
from an article is ever read as markup.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise
from typing import TYPE_CHECKING, cast

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.commands import motion_bindings
from tui.model import ENTITY_TYPES, RemovedBlock, Story
from tui.reading.highlights import Mark
from tui.reading.layout import Item, Line, LineIndex, story_items, wrap_items

if TYPE_CHECKING:
    from tui.app.app import LedeApp

# Layers, weakest first: later ones are drawn over earlier ones. Entity
# types first, one layer each.
LAYERS = (*ENTITY_TYPES, "time", "sentence", "match", "selected", "current")

LAYER_RANK = {layer: rank for rank, layer in enumerate(LAYERS)}
# Past this many changed marks a whole repaint is cheaper than line by line.
PARTIAL_REPAINT_MARKS = 12


class ArticleView(ScrollView, can_focus=True):
    """The cleaned story with its highlights; a line API view for long stories."""

    COMPONENT_CLASSES = {
        *(f"article--{layer}" for layer in LAYERS),
        "article--title",
        "article--subheading",
        "article--removed",
    }
    BINDINGS = motion_bindings("scroll")

    show_removed: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.story: Story | None = None
        self._removed: list[RemovedBlock] = []
        self._items: list[Item] = []
        self._lines: list[Line] = []
        self._index = LineIndex([], [])
        self._base_source: list[Mark] = []
        self._base = _MarkIndex([])
        self._overlay = _MarkIndex([])
        self._base_indexes: list[_MarkIndex] = []  # the last few base lists, indexed
        self._render_failed = False
        self._widths: dict[tuple[int, int], list[int]] = {}
        self._wrapped_width = 0
        self._layouts: dict[tuple[object, ...], tuple[list[Item], list[Line], LineIndex]] = {}
        self._positions: dict[str, int] = {}  # scroll position per story

    # --- content ---------------------------------------------------------

    def show_story(self, story: Story, removed: list[RemovedBlock]) -> None:
        """Show a story where the reader left it (the top the first time)."""
        if self.story is not None:
            self._positions[self.story.id] = self.scroll_offset.y
        self.story = story
        self._removed = removed
        self._rebuild()
        self.scroll_to(y=self._positions.get(story.id, 0), animate=False, immediate=True)

    def set_marks(self, base: list[Mark], overlay: list[Mark]) -> None:
        """Highlights: ``base`` changes with the story, ``overlay`` with each key.

        When only the overlay changed, only the lines whose marks changed are
        painted again (the current mention moving on is two or three lines).
        """
        old_overlay = self._overlay
        if base is not self._base_source:
            self._base_source = base
            self._base = self._base_index(base)
            self._overlay = _MarkIndex(overlay)
            self.refresh()
            return
        self._overlay = _MarkIndex(overlay)
        changed = set(old_overlay.marks) ^ set(self._overlay.marks)
        if len(changed) > PARTIAL_REPAINT_MARKS:
            self.refresh()
            return
        for mark in changed:
            first, last = self.line_of(mark.start), self.line_of(max(mark.start, mark.end - 1))
            self.refresh_lines(first, last - first + 1)

    def _base_index(self, base: list[Mark]) -> _MarkIndex:
        """The base marks indexed once per list: switching back to a story reuses it."""
        for index in self._base_indexes:
            if index.marks is base:
                return index
        found = _MarkIndex(base)
        self._base_indexes = [found, *self._base_indexes[:3]]
        return found

    @property
    def lines(self) -> list[Line]:
        return self._lines

    def line_of(self, offset: int) -> int:
        return self._index.line_of(offset)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line showing ``offset`` into view, a third of the way down."""
        line = self.line_of(offset)
        height = max(1, self.scrollable_content_region.height)
        top, bottom = self.scroll_offset.y, self.scroll_offset.y + height
        if not top <= line < bottom:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def offset_at_top(self) -> int:
        """Where in the story's text the first line of text on screen starts."""
        for line in self._lines[self.scroll_offset.y :]:
            item = self._items[line.item]
            if item.offset is not None:
                return item.offset + line.start
        return 0

    def is_offset_visible(self, offset: int) -> bool:
        line = self.line_of(offset)
        height = self.scrollable_content_region.height
        return self.scroll_offset.y <= line < self.scroll_offset.y + height

    def visible_text(self) -> str:
        """The text of the lines on screen (for tests and copying)."""
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        return "\n".join(self._line_text(line) for line in self._lines[top : top + height])

    def all_text(self) -> str:
        return "\n".join(self._line_text(line) for line in self._lines)

    def watch_show_removed(self) -> None:
        if self.story is not None:
            self._rebuild()

    def _rebuild(self) -> None:
        if self.story is None:
            return
        self._rewrap()

    def _rewrap(self) -> None:
        """Lay the story out at the current width; layouts are kept per story."""
        assert self.story is not None
        width = max(10, self.scrollable_content_region.width - 1)
        key = (self.story.id, id(self.story), width, self.show_removed)
        layout = self._layouts.get(key)
        if layout is None:
            items = story_items(self.story, self._removed if self.show_removed else None)
            lines = wrap_items(items, width)
            layout = (items, lines, LineIndex(items, lines))
            if len(self._layouts) > 8:
                self._layouts.clear()
            self._layouts[key] = layout
        self._items, self._lines, self._index = layout
        self._wrapped_width = width
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def on_resize(self) -> None:
        if (
            self.story is not None
            and self.scrollable_content_region.width - 1 != self._wrapped_width
        ):
            self._rewrap()

    def _line_text(self, line: Line) -> str:
        return self._items[line.item].text[line.start : line.end]

    # --- drawing ---------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        try:
            return self._render_line(y)
        except Exception as error:
            # A line that cannot be drawn is left blank, once reported; the rest draw.
            if not self._render_failed:
                self._render_failed = True
                cast("LedeApp", self.app).report_error("drawing the article", error)
            return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def _render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = self.scroll_offset.y + y
        if number >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[number]
        item = self._items[line.item]
        text = item.text[line.start : line.end]
        if item.kind in {"title", "subheading", "removed"}:
            style = base + self.get_component_rich_style(f"article--{item.kind}")
            segments = [Segment(text, style)]
        elif item.offset is None:
            segments = [Segment(text, base)]
        else:
            segments = self._styled(text, item.offset + line.start, base)
        if item.kind == "table":
            segments = _aligned(segments, self._columns(line.item), base)
        return (
            Strip(segments)
            .crop(self.scroll_offset.x, self.scroll_offset.x + width)
            .extend_cell_length(width, base)
        )

    def _columns(self, item: int) -> list[int]:
        """The width of each column of a table item, in cells."""
        key = (id(self._items), item)
        if key not in self._widths:
            rows = [row.split("\t") for row in self._items[item].text.split("\n")]
            count = max(len(r) for r in rows)
            self._widths[key] = [
                max((cell_len(r[c]) for r in rows if c < len(r)), default=0) for c in range(count)
            ]
        return self._widths[key]

    def _styled(self, text: str, start: int, base: Style) -> list[Segment]:
        end = start + len(text)
        marks = self._base.between(start, end) + self._overlay.between(start, end)
        if not marks:
            return [Segment(text, base)]
        marks.sort(key=lambda m: LAYER_RANK[m.layer])
        cuts = sorted(
            {start, end, *(max(start, m.start) for m in marks), *(min(end, m.end) for m in marks)}
        )
        segments = []
        for left, right in pairwise(cuts):
            style = base
            for mark in marks:
                if mark.start <= left and right <= mark.end:
                    style = style + self.get_component_rich_style(f"article--{mark.layer}")
            segments.append(Segment(text[left - start : right - start], style))
        return segments


class _MarkIndex:
    """Marks sorted by start, to find those on a line by bisection."""

    def __init__(self, marks: list[Mark]) -> None:
        self.marks = marks
        self._marks = sorted(marks, key=lambda m: (m.start, LAYER_RANK[m.layer]))
        self._starts = [m.start for m in self._marks]
        self._longest = max((m.end - m.start for m in self._marks), default=0)

    def between(self, start: int, end: int) -> list[Mark]:
        found = []
        for mark in self._marks[bisect_left(self._starts, start - self._longest) :]:
            if mark.start >= end:
                break
            if mark.end > start:
                found.append(mark)
        return found


COLUMN_GAP = " │ "


def _aligned(segments: list[Segment], widths: list[int], base: Style) -> list[Segment]:
    """A table row with its tabs turned into padding, so the columns line up.

    The row's text keeps its offsets (highlights land where they should);
    only what is drawn for each tab changes.
    """
    out: list[Segment] = []
    column = 0
    used = 0
    for segment in segments:
        pieces = segment.text.split("\t")
        for number, piece in enumerate(pieces):
            if number:
                width = widths[column] if column < len(widths) else used
                out.append(Segment(" " * max(0, width - used) + COLUMN_GAP, base))
                column += 1
                used = 0
            if piece:
                out.append(Segment(piece, segment.style))
                used += cell_len(piece)
    return out
