"""A removal's reason is words for a reader, named once in ``tui.reasons``:
code decides on its members, so rewording one never changes the cleaning."""

from __future__ import annotations

import ast
from pathlib import Path

from tui.clean.patterns import CHROME_RULES, LIST_SECTIONS, TERMINAL_SECTIONS
from tui.ingest.html import PLACE_REASONS
from tui.pipeline import article_from_text
from tui.reasons import Reason

PACKAGE = Path(__file__).resolve().parents[2] / "tui"


def test_each_reason_is_worded_once() -> None:
    texts = [reason.value for reason in Reason]
    assert len(texts) == len(set(texts))


def test_no_module_writes_a_reasons_words() -> None:
    # Words of two or more: a single word ("byline") is a label's kind too.
    worded = {reason.value for reason in Reason if " " in reason.value}
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "reasons.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in worded:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value!r}")
    assert found == []


def test_every_table_rule_gives_a_reason_member() -> None:
    rules = [*CHROME_RULES, *LIST_SECTIONS, *TERMINAL_SECTIONS]
    assert rules and all(isinstance(rule.reason, Reason) for rule in rules)
    assert all(isinstance(reason, Reason) for _, _, reason in PLACE_REASONS)


def test_removed_blocks_carry_members_and_json_their_words() -> None:
    page = "\n".join(
        [
            "Skip to content",
            "Share on Facebook",
            "Council approves the new bridge over the river",
            "The council voted on Tuesday to build a bridge over the river, ending a decade of "
            "argument about how the two halves of the town should be joined.",
            "Work is to start in the spring and take two years, the council's engineer said.",
        ]
    )
    article = article_from_text(page)
    assert article.removed
    assert all(isinstance(block.reason, Reason) for block in article.removed)
    assert {block.to_dict()["reason"] for block in article.removed} <= {r.value for r in Reason}
