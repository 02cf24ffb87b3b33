"""Sets of non-overlapping text spans with quick overlap checks."""

from __future__ import annotations

from bisect import bisect_left


class Occupied:
    """Non-overlapping spans of one text, kept sorted."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._spans = sorted(spans or [])

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self._spans, (start, end))
        return any(s < end and start < e for s, e in self._spans[max(0, index - 1) : index + 1])

    def add(self, start: int, end: int) -> bool:
        """Take [start, end) unless it overlaps a span already taken."""
        if self.overlaps(start, end):
            return False
        self._spans.insert(bisect_left(self._spans, (start, end)), (start, end))
        return True

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of [start, end)."""
        index = bisect_left(self._spans, (start, end + 1))
        return any(s <= start and end <= e for s, e in self._spans[max(0, index - 2) : index])
