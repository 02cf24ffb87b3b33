"""Counts in words: "1 entity", "2 entities" (never "1 entities")."""

from __future__ import annotations

IRREGULAR = {"entity": "entities", "story": "stories", "match": "matches"}


def counted(count: int, word: str) -> str:
    """``count`` and ``word``, the word plural unless the count is one."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {IRREGULAR.get(word, word + 's')}"
