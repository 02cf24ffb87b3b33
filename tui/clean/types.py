"""The cleaner's types: a block's label, the role a kept block plays, and
what the stage returns, and the label values code decides on (the reasons a
reader is told are ``tui.reasons.Reason``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from tui.model import Block, Metadata, RemovedBlock
from tui.reasons import Reason

# "related" is a heading marked as a link to another story ("Read more: ...").
Role = Literal["title", "heading", "related", "paragraph"]


LabelKind = Literal[
    "remove",
    "breadcrumb",
    "byline",
    "date",
    "list",
    "terminal",
    "prose",
    "headline",
    "menu",
    "fragment",
]


# The value of a label the learned classifier gave (not a certain rule).
LEARNED = "learned"


# Lines set into an article's text that do not end it: the sentences after
# one still run on from the story.
INLINE_SLOTS = frozenset({Reason.ADVERTISEMENT, Reason.PHOTO_CAPTION})


# Labels that are certain page furniture: a text with none of them is bare.
PAGE_FURNITURE = frozenset({"remove", "list", "terminal", "breadcrumb", "menu"})


# What a block after the article's end is removed as, by what it was.
AFTER_END = {
    Reason.REPORTING_CREDITS: Reason.AFTER_END,
    Reason.AUTHOR_BIOGRAPHY: Reason.AUTHOR_BIOGRAPHY,
}


SKIPPABLE = {"remove", "byline", "date"}


WRITERS_LIST = "the writer's numbered list"


@dataclass(frozen=True, slots=True)
class KeptBlock:
    """A block the cleaner kept, with the role it plays in the article."""

    block: Block
    role: Role


@dataclass(slots=True)
class Cleaned:
    """The cleaner's output: kept blocks in order, removed ones with reasons."""

    source: str
    metadata: Metadata
    kept: list[KeptBlock]
    removed: list[RemovedBlock]
    title_index: int | None = None  # index in ``kept`` of the title, if any
    body_known: bool = False  # the source found the body (see ``RawArticle``)
    links: list[tuple[str, str]] = field(default_factory=list)  # (words, address)


class Label(NamedTuple):
    """What the rules (and then the model) say of one block."""

    kind: LabelKind
    reason: Reason | None = None
    value: str | tuple[str, ...] = ""
    score: float = 0.0  # the classifier's probability that it is article text
    rule: str = ""  # the id of the rule that gave the label (see ``RemovedBlock.rule``)
    # For the classifier's decisions: the features that pulled hardest against it.
    evidence: tuple[tuple[str, float], ...] = ()


@dataclass(slots=True)
class Decisions:
    kept: list[KeptBlock] = field(default_factory=list)
    removed: list[RemovedBlock] = field(default_factory=list)

    def remove(self, block: Block, reason: Reason, rule: str, label: Label | None = None) -> None:
        """Remove a block, saying why and which rule decided; ``label``, the
        block's label, brings the classifier's score (on a scraped page it
        scored every block; 0.0 is a score it never gave) and, where the
        classifier decided, its evidence."""
        score: float | None = None
        evidence: tuple[tuple[str, float], ...] = ()
        if label is not None:
            score = label.score if label.score > 0.0 else None
            evidence = label.evidence if label.value == LEARNED else ()
        self.removed.append(
            RemovedBlock(block.text, reason, block.source_line, rule, score, evidence)
        )

    def remove_as(self, block: Block, label: Label) -> None:
        """Remove a block for the reason and by the rule its label gives."""
        self.remove(block, label.reason or Reason.PAGE_CHROME, label.rule, label)
