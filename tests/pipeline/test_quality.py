"""Quality against the gold annotations of the sample articles (scripts/score.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("score", ROOT / "scripts" / "score.py")
assert spec and spec.loader
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def test_consolidated_entities_beat_raw_spacy_and_times_normalise() -> None:
    from tui.pipeline import analyze

    entity_pairs, raw_pairs, time_pairs = [], [], []
    for path in sorted(Path(ROOT / "tests" / "data" / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        analysis = analyze(ROOT / "sample_data" / f"{path.stem}.txt")
        texts = {s.id: s.text for s in analysis.article.stories}
        gold_entities = score.gold_spans(texts, gold["entities"])
        system = [
            ((m.story, m.start, m.end), e.type) for e in analysis.entities for m in e.mentions
        ]
        entity_pairs.append((gold_entities, system))
        raw_pairs.append((gold_entities, score.raw_spacy_entities(analysis)))
        times = [((t.story, t.start, t.end), t.value) for t in analysis.time_expressions]
        time_pairs.append((score.gold_spans(texts, gold["timex"]), times))
    lede_f1 = score.score_entities(entity_pairs)["ALL"][2]
    raw_f1 = score.score_entities(raw_pairs)["ALL"][2]
    assert lede_f1 > raw_f1 + 0.05
    times = score.score_times(time_pairs)
    assert times["relaxed F1"] > 0.85 and times["value accuracy"] > 0.85
