"""Why each removed block went: its line, the rule that decided and the reason
a reader sees; for the classifier's decisions, its score and the features
that pulled hardest against the block (``lede analyze --explain``)."""

from __future__ import annotations

from collections import Counter

from tui.model import Article, RemovedBlock

SHOWN_CHARS = 70


def to_explain(article: Article) -> str:
    """One line a removed block, in the order of the source, then the count by rule."""
    rows = [_row(block) for block in sorted(article.removed, key=lambda b: b.source_line)]
    counts = Counter(block.rule or "?" for block in article.removed)
    summary = ", ".join(f"{rule} {n}" for rule, n in counts.most_common())
    head = f"{article.source}: {len(article.removed)} removed blocks"
    return "\n".join([head, *rows, f"by rule: {summary or 'none'}"]) + "\n"


def _row(block: RemovedBlock) -> str:
    text = " ".join(block.text.split())
    shown = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    row = f"line {block.source_line:>5}  {block.rule or '?'}  [{block.reason}]  {shown}"
    if block.evidence:
        from tui.clean.classifier import CUES

        pulls = ", ".join(f"{CUES.get(name, name)} {pull:+.2f}" for name, pull in block.evidence)
        row += f"\n            score {block.score or 0.0:.2f}; against it: {pulls}"
    return row
