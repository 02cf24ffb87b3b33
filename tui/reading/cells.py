"""Text laid out in terminal cells, not characters: a Hangul or Han
character takes two cells, so a column measured in characters runs over."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

ELLIPSIS = "…"


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: cut with "…" when longer, padded when shorter."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        # A wide character cut in half leaves a space: the ellipsis still ends it.
        text = set_cell_size(text, width - 1).rstrip() + ELLIPSIS
    return set_cell_size(text, width)
