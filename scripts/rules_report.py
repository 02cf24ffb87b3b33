"""The cleaner's rules, each measured on its own over the development pages.

    uv run python scripts/rules_report.py                      # text pages, with ablation
    uv run python scripts/rules_report.py --mode html --no-ablation
    uv run python scripts/rules_report.py --limit 200 --only chrome.

For every rule id (``RemovedBlock.rule``, the block rules' table, the context
passes), on the pages of ``../shared/dev/web`` (``--mode text`` or ``html``):

- pages and lines it fired on (for a block rule: the blocks it labelled);
- for a rule that removes: its precision against the silver labels, the
  share of the lines it removed that trafilatura's reading of the page's
  HTML does not keep (``scripts/lost_blocks.py`` says when it keeps one);
  and beside it the classifier's precision on the same lines, where the
  classifier scored them (text pages with a page around the article);
- with ablation (block rules and passes): the change in snippet F1
  (``score_web.py``'s measure) when that rule alone is switched off. Only
  the pages it fired on are read again, as the rule changes nothing else.

A rule that fires on fewer than a handful of pages, or whose precision is
below the classifier's on the same lines, is a candidate to merge or remove.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
DEV = HERE.parent.parent / "shared" / "dev"
WEB = DEV / "web"
FEW_PAGES = 5


def _switch_off(rule: str) -> None:
    """Take one rule out of the cleaner's tables in this process (ablation)."""
    from tui.clean import block_rules, context
    from tui.clean.patterns import (
        CHROME_RULES,
        LIST_SECTIONS,
        TERMINAL_SECTIONS,
        RuleSet,
    )

    block_rules.BLOCK_RULES = tuple(r for r in block_rules.BLOCK_RULES if r.id != rule)
    block_rules.CHROME = RuleSet(tuple(r for r in CHROME_RULES if r.id != rule))
    block_rules.LISTS = RuleSet(tuple(r for r in LIST_SECTIONS if r.id != rule))
    block_rules.TERMINALS = RuleSet(tuple(r for r in TERMINAL_SECTIONS if r.id != rule))
    context.PASSES = tuple(p for p in context.PASSES if p[0] != rule)


def _fired(raw: Any) -> set[str]:
    """The block rules and passes that labelled some block of the page."""
    from tui.clean import context

    blocks = raw.blocks
    features, labels, _ = context.labels_alone(blocks)
    fired = {label.rule for label in labels if label.rule}
    for name, rewrite in context.PASSES:
        before = list(labels)
        labels = rewrite(blocks, labels, features)
        if labels != before:
            fired.add(name)
    return fired


def read_page(job: tuple[str, str, bool]) -> dict[str, Any]:
    """One page's counts: snippet counts, and per rule what it removed and fired on."""
    key, mode, full = job
    sys.path.insert(0, str(DEV))
    import score_web
    from lost_blocks import Reference, trafilatura_lines

    from tui.errors import LedeError
    from tui.pipeline import build_article, read_raw
    from tui.render.text import to_text

    path = (
        WEB
        / ("html" if mode == "html" else "text")
        / f"{key}.{'html' if mode == 'html' else 'txt'}"
    )
    annotation = _annotations()[key]
    try:
        raw = read_raw(path)
        fired = _fired(raw) if full else set()
        article = build_article(raw)
    except LedeError:
        return {"key": key, "counts": score_web.counts("", annotation), "error": True}
    result: dict[str, Any] = {"key": key, "counts": score_web.counts(to_text(article), annotation)}
    reference = Reference(trafilatura_lines(WEB / "html" / f"{key}.html"))
    kept = [p.text for story in article.stories for p in story.paragraphs]
    kept += [text for story in article.stories for _, text, _ in story.subheadings]
    kept += [story.title for story in article.stories if story.title]
    silver = Counter()
    for text in kept:
        silver["tp" if reference.holds(text) else "fp"] += 1
    silver["fn"] = sum(reference.holds(block.text) for block in article.removed)
    result["silver"] = dict(silver)
    if not full:
        return result
    from tui.clean.classifier import KEEP

    removed: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for block in article.removed:
        rule = removed[block.rule]
        held = reference.holds(block.text)
        rule[0] += 1  # lines removed
        rule[1] += held  # of them trafilatura keeps
        if block.score is not None:
            rule[2] += 1  # lines the classifier scored
            rule[3] += (block.score >= KEEP) == held  # where the classifier agrees with silver
    result["removed"] = dict(removed)
    result["fired"] = sorted(fired | set(removed))
    return result


def _annotations() -> dict[str, Any]:
    global _ANNOTATIONS
    if _ANNOTATIONS is None:
        _ANNOTATIONS = json.loads((WEB / "annotations.json").read_text(encoding="utf-8"))
    return _ANNOTATIONS


_ANNOTATIONS: dict[str, Any] | None = None


def f1(counts: Counter[str]) -> float:
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=("text", "html"), default="text")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--only", default="", help="ablate only rule ids starting so")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args()
    keys = sorted(_annotations())[: args.limit or None]
    with ProcessPoolExecutor(args.jobs) as pool:
        pages = list(pool.map(read_page, [(k, args.mode, True) for k in keys], chunksize=8))
    total: Counter[str] = Counter()
    silver: Counter[str] = Counter()
    for page in pages:
        total.update(page["counts"])
        silver.update(page.get("silver", {}))
    baseline = f1(total)
    fired_on: dict[str, list[str]] = defaultdict(list)
    lines: Counter[str] = Counter()
    held: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    for page in pages:
        for rule in page.get("fired", []):
            fired_on[rule].append(page["key"])
        for rule, (n, h, s, a) in page.get("removed", {}).items():
            lines[rule] += n
            held[rule] += h
            scored[rule] += s
            agreed[rule] += a
    ablation: dict[str, tuple[float, float]] = {}
    if not args.no_ablation:
        ablation = _ablate(pages, fired_on, total, silver, args)
    rows = []
    for rule in sorted(fired_on, key=lambda r: (-len(fired_on[r]), r)):
        precision = 1 - held[rule] / lines[rule] if lines[rule] else None
        classifier = agreed[rule] / scored[rule] if scored[rule] else None
        rows.append(
            {
                "rule": rule,
                "pages": len(fired_on[rule]),
                "lines_removed": lines[rule],
                "precision": precision,
                "classifier_precision": classifier,
                "f1_change_when_off": ablation.get(rule, (None, None))[0],
                "silver_f1_change_when_off": ablation.get(rule, (None, None))[1],
            }
        )
    print(
        f"rules report: {args.mode} pages {len(keys)}, snippet F1 {baseline:.4f}, "
        f"silver line F1 {f1(silver):.4f}"
    )
    print(
        f"{'rule':<36} {'pages':>5} {'removed':>8} {'prec':>6} {'clf':>6} "
        f"{'ΔF1 off':>8} {'Δsilver':>8}"
    )
    for row in rows:
        prec = "" if row["precision"] is None else f"{row['precision']:.3f}"
        clf = "" if row["classifier_precision"] is None else f"{row['classifier_precision']:.3f}"
        change, line_change = row["f1_change_when_off"], row["silver_f1_change_when_off"]
        delta = "" if change is None else f"{change:+.4f}"
        line_delta = "" if line_change is None else f"{line_change:+.4f}"
        flag = " few" if row["pages"] < FEW_PAGES else ""
        print(
            f"{row['rule']:<36} {row['pages']:>5} {row['lines_removed']:>8} {prec:>6} "
            f"{clf:>6} {delta:>8} {line_delta:>8}{flag}"
        )
    if args.json:
        args.json.write_text(
            json.dumps({"f1": baseline, "silver_f1": f1(silver), "rules": rows}, indent=1)
        )
    return 0


def _ablate(
    pages: list[dict[str, Any]],
    fired_on: dict[str, list[str]],
    total: Counter[str],
    silver: Counter[str],
    args: argparse.Namespace,
) -> dict[str, tuple[float, float]]:
    """Each switchable rule off in turn, the pages it fired on read again: the
    change in snippet F1 and in silver line F1."""
    from tui.clean import block_rules, context
    from tui.clean.patterns import CHROME_RULES, LIST_SECTIONS, TERMINAL_SECTIONS

    switchable = {r.id for r in block_rules.BLOCK_RULES} | {p[0] for p in context.PASSES}
    switchable |= {r.id for r in (*CHROME_RULES, *LIST_SECTIONS, *TERMINAL_SECTIONS)}
    by_key = {page["key"]: page for page in pages}
    changes: dict[str, tuple[float, float]] = {}
    for rule in sorted(r for r in fired_on if r in switchable and r.startswith(args.only)):
        keys = fired_on[rule]
        with ProcessPoolExecutor(args.jobs, initializer=_switch_off, initargs=(rule,)) as pool:
            again = list(pool.map(read_page, [(k, args.mode, False) for k in keys], chunksize=4))
        counts, lines = Counter(total), Counter(silver)
        for page in again:
            counts.subtract(by_key[page["key"]]["counts"])
            counts.update(page["counts"])
            lines.subtract(by_key[page["key"]].get("silver", {}))
            lines.update(page.get("silver", {}))
        changes[rule] = (f1(counts) - f1(total), f1(lines) - f1(silver))
        snippet, line = changes[rule]
        print(
            f"  off: {rule:<36} {len(keys):>4} pages  {snippet:+.4f} {line:+.4f}", file=sys.stderr
        )
    return changes


if __name__ == "__main__":
    sys.exit(main())
