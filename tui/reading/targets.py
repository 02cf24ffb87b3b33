"""Where n and N go: through an entity's mentions or through a search's matches."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from tui.model import Article, Entity

Mode = Literal["mention", "search"]


@dataclass(frozen=True, slots=True)
class Target:
    """A place to step to: a stretch of one story's text."""

    story: int  # the story's number in the article (0 is the main story)
    start: int
    end: int


def mention_targets(article: Article, entity: Entity) -> list[Target]:
    """Every mention of an entity, in the order the reader meets them."""
    order = {story.id: number for number, story in enumerate(article.stories)}
    targets = [Target(order[m.story], m.start, m.end) for m in entity.mentions]
    return sorted(targets, key=lambda t: (t.story, t.start))


def search_targets(article: Article, query: str) -> list[Target]:
    """Every occurrence of the query in every story, case folded, literally."""
    wanted = query.strip()
    if not wanted:
        return []
    pattern = re.compile(re.escape(wanted), re.IGNORECASE)
    return [
        Target(number, found.start(), found.end())
        for number, story in enumerate(article.stories)
        for found in pattern.finditer(story.text)
    ]


@dataclass(slots=True)
class Stepper:
    """The targets n/N step through and which one is current.

    An entity's mentions and a search's matches are kept apart: clearing a
    search goes back to stepping through the selected entity.
    """

    mentions: list[Target] = field(default_factory=list)
    matches: list[Target] = field(default_factory=list)
    query: str = ""
    mode: Mode = "mention"
    cursor: int = -1

    @property
    def targets(self) -> list[Target]:
        return self.matches if self.mode == "search" else self.mentions

    @property
    def current(self) -> Target | None:
        targets = self.targets
        return targets[self.cursor] if 0 <= self.cursor < len(targets) else None

    def follow(self, targets: list[Target]) -> Target | None:
        """Step through these mentions from the first."""
        self.mentions, self.mode = targets, "mention"
        return self.go(0)

    def search(self, article: Article, query: str) -> int:
        """Look for ``query``; an empty one goes back to the mentions. How many matched."""
        self.query = query.strip()
        self.matches = search_targets(article, query)
        self.mode = "search" if self.query else "mention"
        self.cursor = -1
        return len(self.matches)

    def go(self, index: int) -> Target | None:
        targets = self.targets
        self.cursor = index % len(targets) if targets else -1
        return self.current

    def step(self, direction: int) -> Target | None:
        """The next (1) or previous (-1) target, wrapping round; None when there are none."""
        if not self.targets:
            return None
        return self.go(self.cursor + direction)

    def first_from(self, story: int, at_or_after: Callable[[Target], bool]) -> int:
        """The first target of ``story`` the predicate accepts (the first on screen)."""
        for index, target in enumerate(self.targets):
            if target.story == story and at_or_after(target):
                return index
        return 0

    def clear(self) -> None:
        self.mentions, self.matches, self.query = [], [], ""
        self.mode, self.cursor = "mention", -1
