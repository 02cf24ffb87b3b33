"""Score lede's entities and time expressions against gold annotations.

Gold lives in ``tests/data/gold/<article>.json``: the entity names and time
expressions a person marked in each sample article, as surface strings with
a type (entities) or a TIMEX3 value (time). Every occurrence of a gold string
in the article's stories is a gold span (longest strings first, no overlaps).

    uv run python scripts/score.py            # lede against raw spaCy

Entities: precision, recall and F1 per type, exact span and type.
Time: extent precision/recall/F1, strict (same span) and relaxed (overlap),
and value accuracy on the relaxed matches.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.model import Analysis  # noqa: E402
from tui.nlp.mentions import LABEL_TYPES  # noqa: E402
from tui.pipeline import analyze  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
Span = tuple[str, int, int]


def gold_spans(texts: dict[str, str], items: list[list[str]]) -> list[tuple[Span, str]]:
    """Every occurrence of each gold string, longest first, without overlaps."""
    found: list[tuple[Span, str]] = []
    taken: dict[str, list[tuple[int, int]]] = {s: [] for s in texts}
    for surface, tag in sorted({(s, t) for s, t in items}, key=lambda x: -len(x[0])):
        pattern = re.compile(rf"(?<![\w-]){re.escape(surface)}(?![\w-])")
        for story, text in texts.items():
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken[story]):
                    continue
                taken[story].append((m.start(), m.end()))
                found.append(((story, m.start(), m.end()), tag))
    return found


def raw_spacy_entities(analysis: Analysis) -> list[tuple[Span, str]]:
    from tui.nlp.loader import load_pipeline

    nlp, _ = load_pipeline(None)
    out = []
    for story in analysis.article.stories:
        with nlp.select_pipes(disable=["lede_places"]):
            doc = nlp(story.text)
        out.extend(
            ((story.id, e.start_char, e.end_char), LABEL_TYPES[e.label_])
            for e in doc.ents
            if e.label_ in LABEL_TYPES
        )
    return out


def raw_spacy_times(analysis: Analysis) -> list[tuple[Span, str | None]]:
    from tui.nlp.loader import load_pipeline

    nlp, _ = load_pipeline(None)
    out = []
    for story in analysis.article.stories:
        doc = nlp(story.text)
        out.extend(
            ((story.id, e.start_char, e.end_char), None)
            for e in doc.ents
            if e.label_ in {"DATE", "TIME"}
        )
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_entities(
    pairs: list[tuple[list[tuple[Span, str]], list[tuple[Span, str]]]],
) -> dict[str, tuple[float, float, float]]:
    counts: dict[str, Counter[str]] = {}
    for gold, system in pairs:
        gold_set, system_set = set(gold), set(system)
        for span, tag in system_set:
            counts.setdefault(tag, Counter())["tp" if (span, tag) in gold_set else "fp"] += 1
        for _, tag in gold_set - system_set:
            counts.setdefault(tag, Counter())["fn"] += 1
    result = {tag: prf(c["tp"], c["fp"], c["fn"]) for tag, c in sorted(counts.items())}
    total = Counter()
    for c in counts.values():
        total.update(c)
    result["ALL"] = prf(total["tp"], total["fp"], total["fn"])
    return result


def score_times(
    pairs: list[tuple[list[tuple[Span, str]], list[tuple[Span, str | None]]]],
) -> dict[str, float]:
    strict = Counter()
    relaxed = Counter()
    values_right = 0
    for gold, system in pairs:
        gold_spans_ = {s: v for s, v in gold}
        system_spans = {s: v for s, v in system}
        strict["tp"] += len(set(gold_spans_) & set(system_spans))
        strict["fp"] += len(set(system_spans) - set(gold_spans_))
        strict["fn"] += len(set(gold_spans_) - set(system_spans))
        matched_gold: set[Span] = set()
        for s, v in system_spans.items():
            hit = next(
                (
                    g
                    for g in gold_spans_
                    if g[0] == s[0] and g[1] < s[2] and s[1] < g[2] and g not in matched_gold
                ),
                None,
            )
            if hit:
                matched_gold.add(hit)
                relaxed["tp"] += 1
                values_right += int(v == gold_spans_[hit])
            else:
                relaxed["fp"] += 1
        relaxed["fn"] += len(set(gold_spans_) - matched_gold)
    sp, sr, sf = prf(strict["tp"], strict["fp"], strict["fn"])
    rp, rr, rf = prf(relaxed["tp"], relaxed["fp"], relaxed["fn"])
    total_gold = relaxed["tp"] + relaxed["fn"]
    value_recall = values_right / total_gold if total_gold else 0.0
    value_precision = (
        values_right / (relaxed["tp"] + relaxed["fp"]) if relaxed["tp"] + relaxed["fp"] else 0.0
    )
    value_f1 = (
        2 * value_precision * value_recall / (value_precision + value_recall)
        if values_right
        else 0.0
    )
    return {
        "strict P": sp,
        "strict R": sr,
        "strict F1": sf,
        "relaxed P": rp,
        "relaxed R": rr,
        "relaxed F1": rf,
        "value accuracy": values_right / relaxed["tp"] if relaxed["tp"] else 0.0,
        "value F1": value_f1,
    }


def main() -> None:
    entity_pairs, raw_entity_pairs, time_pairs, raw_time_pairs = [], [], [], []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        analysis = analyze(ROOT / "sample_data" / f"{path.stem}.txt")
        texts = {s.id: s.text for s in analysis.article.stories}
        gold_entities = gold_spans(texts, gold["entities"])
        system_entities = [
            ((m.story, m.start, m.end), e.type) for e in analysis.entities for m in e.mentions
        ]
        entity_pairs.append((gold_entities, system_entities))
        raw_entity_pairs.append((gold_entities, raw_spacy_entities(analysis)))
        gold_times = gold_spans(texts, gold["timex"])
        system_times = [((t.story, t.start, t.end), t.value) for t in analysis.time_expressions]
        time_pairs.append((gold_times, system_times))
        raw_time_pairs.append((gold_times, raw_spacy_times(analysis)))
    print(f"Entities over {len(entity_pairs)} articles (exact span and type)")
    lede, raw = score_entities(entity_pairs), score_entities(raw_entity_pairs)
    print(f"  {'type':<14}{'lede P':>8}{'R':>7}{'F1':>7}   {'spaCy P':>8}{'R':>7}{'F1':>7}")
    for tag in sorted(set(lede) | set(raw), key=lambda t: (t == "ALL", t)):
        a, b = lede.get(tag, (0, 0, 0)), raw.get(tag, (0, 0, 0))
        lede_cells = f"{a[0]:>8.2f}{a[1]:>7.2f}{a[2]:>7.2f}"
        print(f"  {tag:<14}{lede_cells}   {b[0]:>8.2f}{b[1]:>7.2f}{b[2]:>7.2f}")
    print(f"\nTime expressions over {len(time_pairs)} articles")
    lede_t, raw_t = score_times(time_pairs), score_times(raw_time_pairs)
    print(f"  {'measure':<16}{'lede':>8}{'spaCy DATE/TIME':>18}")
    for key in lede_t:
        print(f"  {key:<16}{lede_t[key]:>8.2f}{raw_t[key]:>18.2f}")


if __name__ == "__main__":
    main()
