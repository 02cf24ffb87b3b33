"""Small questions the cleaner asks of a block's text or label in several
places: its normal form, whether it is the title, what stands above it."""

from __future__ import annotations

from tui.clean.patterns import (
    NON_WORDS,
    NUMBERED_ITEM,
    NUMBERING,
)
from tui.clean.settings import LOOKAHEAD
from tui.clean.types import SKIPPABLE, Label


def skip_up(labels: list[Label], index: int) -> int:
    """The nearest block at or above ``index`` that is not removed anyway."""
    while index >= 0 and passed_over(labels[index]):
        index -= 1
    return index


def passed_over(label: Label) -> bool:
    """Removed anyway, or a card for another story: nothing a title is looked for past."""
    return label.kind in SKIPPABLE or (label.kind == "headline" and label.value == "related")


def number_of(text: str) -> int | None:
    found = NUMBERED_ITEM.match(text)
    return int(found.group(1)) if found else None


def heading_name(text: str) -> str:
    """The line as a heading further down would read, without its numbering
    ("" for a line too long to name one)."""
    return "" if len(text.split()) > 12 else normal_text(NUMBERING.sub("", text))


def prose_follows(labels: list[Label], index: int) -> bool:
    """True when the next block that is not removed outright is prose."""
    for label in labels[index + 1 : index + 1 + LOOKAHEAD]:
        if label.kind in {"remove", "byline", "date"}:
            continue
        return label.kind == "prose"
    return False


def is_title(text: str, wanted: str) -> bool:
    """The block is the headline, perhaps after a kicker ("BREAKING NEWS: …")."""
    if not wanted:
        return False
    normal = normal_text(text)
    return normal == wanted or (
        normal.endswith(" " + wanted) and len(normal[: -len(wanted)].split()) <= 3
    )


def normal_text(text: str) -> str:
    return NON_WORDS.sub(" ", text).strip().lower()
