"""What a user can set about an analysis: every stage may read it, none imports the
pipeline for it (so ``tui.pipeline`` and ``tui.nlp`` do not import each other)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    """What a user can set; part of what makes an analysis reproducible."""

    date: str | None = None  # publication date, YYYY-MM-DD; overrides the source
    model: str | None = None  # spaCy pipeline name; None picks the default
    nlp: bool = True  # run the language stages (entities, timeline)
