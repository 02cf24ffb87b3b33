"""Plain text to blocks: one block per non-blank line, or per paragraph when
the text is hard-wrapped (lines broken at a fixed width inside paragraphs)."""

from __future__ import annotations

import re
from itertools import pairwise

from tui.model import Block

_SPACES = re.compile(r" {2,}")


def text_blocks(text: str) -> list[Block]:
    """Split text into blocks with the 1-based line where each starts."""
    lines = text.split("\n")
    if _is_hard_wrapped(lines):
        return _paragraph_blocks(lines)
    return [
        Block(_tidy(line), number) for number, line in enumerate(lines, start=1) if line.strip()
    ]


def _tidy(line: str) -> str:
    return _SPACES.sub(" ", line.strip())


def _paragraph_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append(Block(_tidy(" ".join(current)), start))
            current = []
    if current:
        blocks.append(Block(_tidy(" ".join(current)), start))
    return blocks


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines stop near one width and run on into the next line.

    Scraped text usually has one paragraph per line; e-mail and wire copy wrap
    at 60-80 columns. A wrapped line is followed by a non-blank line and ends
    mid-sentence, and the widths cluster below a maximum.
    """
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(widths) < 6:
        return False
    widest = max(widths)
    if widest > 100:
        return False
    continued = 0
    candidates = 0
    for line, following in pairwise(lines):
        if not line.strip():
            continue
        candidates += 1
        if (
            following.strip()
            and len(line.rstrip()) >= widest - 15
            and not line.rstrip().endswith((".", "!", "?", ":", "\u201d", '"'))
        ):
            continued += 1
    return candidates > 0 and continued / candidates >= 0.4
