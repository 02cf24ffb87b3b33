"""Is a line of scraped text part of the article? A model learned from real pages.

Two logistic regressions in the manner of jusText's context-sensitive pass:
the first reads a block's own shape (length, sentence punctuation, function
words, capitals, digits, links, list marks, separators, repetition on the
page, position) and its neighbours' lengths; the second adds what the first
thought of the blocks around it, so a short line inside a run of prose is
kept and a long teaser among menus is not.

The weights were learned by ``scripts/train_cleaner.py`` from silver labels
(trafilatura's reading of each development page's HTML says which lines of
its flattened text are the article) and live in ``tui/data/cleaner.json``,
loaded once. Scoring is pure Python: no numpy on the way to the first paint.
The strongest cue against a removed block is said in words as its reason.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from tui.clean.features import BlockFeatures, block_features

# A block scoring at least this is article text (tuned on the development pages).
KEEP = float(os.environ.get("LEDE_KEEP", "0.4"))
_BULLET = re.compile(r"^\s*(?:[-*•·▪►»>]|\d{1,3}[.)])\s+")
_DIGIT = re.compile(r"\d")
_LINKISH = re.compile(r"https?://|www\.|\.com\b|@\w")
_PIPES = re.compile(r"[|•·»›]")

# What each feature says when it weighs most against a block, in words.
CUES = {
    "short": "a short line",
    "log_words": "a short line",
    "no_full_stop": "no sentence",
    "ends_sentence": "no sentence",
    "stop_any": "few function words",
    "stop_en": "few function words",
    "capitalised": "capitalised like a menu",
    "digits": "mostly numbers",
    "linkish": "a link",
    "bullet": "a list of links",
    "pipes": "menu separators",
    "repeated": "repeated on the page",
    "chrome_rule": "site chrome",
    "all_caps": "all capitals",
    "position": "far from the article",
    "edge": "far from the article",
    "context_prose": "among page furniture",
    "ctx_mean1": "among page furniture",
    "ctx_mean3": "among page furniture",
    "ctx_mean8": "far from the article",
    "ctx_max3": "among page furniture",
    "ctx_doc_share": "far from the article",
    "near_long": "far from the article",
    "ctx_in_region": "outside the article's run of text",
    "ctx_region_gap": "outside the article's run of text",
    "rel_words": "shorter than the article's paragraphs",
    "nb_words": "among page furniture",
    "chrome_words": "words of page furniture",
    "any_chrome_word": "words of page furniture",
    "article_words": "words of page furniture",
    "x_chrome_region": "words of page furniture",
    "x_short_region": "a short line",
    "x_words_region": "a short line",
}


@dataclass(frozen=True, slots=True)
class Scored:
    """What the model thinks of one block."""

    probability: float
    cue: str  # the strongest cue against it, in words


@cache
def model() -> dict[str, object]:
    """The learned weights (``scripts/train_cleaner.py`` writes them).

    ``LEDE_CLEANER_MODEL`` names another weights file: how the training
    script scores pages with a model that never saw them.
    """
    override = os.environ.get("LEDE_CLEANER_MODEL")
    if override:
        return _weights(Path(override).read_text("utf-8"))
    text = resources.files("tui.data").joinpath("cleaner.json").read_text("utf-8")
    return _weights(text)


def _weights(text: str) -> dict[str, object]:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("the cleaner's weights file is not a JSON object")
    return data


def own_features(text: str, feats: BlockFeatures, rule: str) -> dict[str, float]:
    """A block's features from its own text; ``rule`` is what the rules labelled it."""
    n = len(feats.lowered)
    return {
        "log_words": math.log1p(n),
        "log_chars": math.log1p(len(text)),
        "short": 1.0 if n <= 3 else 0.0,
        "ends_sentence": 1.0 if feats.ends_sentence else 0.0,
        "no_full_stop": 0.0 if feats.ends_sentence else 1.0,
        "sentences": math.log1p(feats.n_sentences),
        "stop_en": feats.stop_density,
        "stop_any": feats.stoplist_density,
        "capitalised": feats.capitalised_share,
        "digits": len(_DIGIT.findall(text)) / (len(text) + 1),
        "commas": text.count(",") / (n + 1),
        "linkish": 1.0 if feats.url_like or _LINKISH.search(text) else 0.0,
        "bullet": 1.0 if _BULLET.match(text) else 0.0,
        "pipes": min(3.0, float(len(_PIPES.findall(text)) + feats.separators)),
        "glued": 1.0 if feats.glued_joins else 0.0,
        "all_caps": 1.0 if text.isupper() and n >= 2 else 0.0,
        "question": 1.0 if feats.ends_question_or_exclamation else 0.0,
        "quote": 1.0 if text[:1] in "\"“‘'«„" else 0.0,
        "chrome_rule": 1.0 if rule in {"remove", "list", "terminal", "breadcrumb"} else 0.0,
        "byline": 1.0 if rule == "byline" else 0.0,
        "dateline": 1.0 if rule == "date" else 0.0,
        "caption": 1.0 if rule == "caption" else 0.0,
    }


def rule_kinds(texts: list[str], feats: list[BlockFeatures]) -> list[str]:
    """What the cleaner's rules say of each block: the model weighs it too."""
    from tui.clean import label_block
    from tui.model import Block

    labels = [label_block(Block(t, 0), f) for t, f in zip(texts, feats, strict=True)]
    return [rule_kind(label.kind, label.reason) for label in labels]


def rule_kind(kind: str, reason: str) -> str:
    return "caption" if reason == "photo caption" else kind


def learned_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that mark page furniture and words that mark article text, as learned."""
    vocab = model().get("vocabulary", {})
    assert isinstance(vocab, dict)
    return frozenset(vocab.get("chrome", [])), frozenset(vocab.get("article", []))


def features(
    texts: list[str],
    vocabulary: tuple[frozenset[str], frozenset[str]] | None = None,
    feats: list[BlockFeatures] | None = None,
    rules: list[str] | None = None,
) -> list[dict[str, float]]:
    """Every block's features: its own and its neighbourhood's (stage one's input)."""
    chrome_words, article_words = vocabulary if vocabulary is not None else learned_words()
    feats = feats if feats is not None else [block_features(t) for t in texts]
    if rules is None:
        rules = rule_kinds(texts, feats)
    own = [own_features(t, f, r) for t, f, r in zip(texts, feats, rules, strict=True)]
    for feat, row in zip(feats, own, strict=True):
        tokens = feat.lowered
        count = len(tokens) or 1
        row["chrome_words"] = sum(t in chrome_words for t in tokens) / count
        row["article_words"] = sum(t in article_words for t in tokens) / count
        row["any_chrome_word"] = 1.0 if any(t in chrome_words for t in tokens) else 0.0
    counts = Counter(" ".join(t.lower().split()) for t in texts)
    n = len(texts)
    lengths = [f.n_words for f in feats]
    prose = [
        f.n_words >= 20 and f.ends_sentence and o["stop_any"] >= 0.25
        for f, o in zip(feats, own, strict=True)
    ]
    total_chars = sum(len(t) for t in texts) or 1
    ordered = sorted(lengths)
    # The length of the page's longer blocks: a paragraph is long for its page.
    long_words = ordered[int(0.9 * (n - 1))] if n else 1
    before = 0
    nearest = _distances(prose)
    out = []
    for i, text in enumerate(texts):
        row = dict(own[i])
        row["rel_words"] = math.log1p(lengths[i]) - math.log1p(long_words)
        row["repeated"] = 1.0 if counts[" ".join(text.lower().split())] > 1 else 0.0
        row["position"] = i / max(1, n - 1)
        row["edge"] = min(i, n - 1 - i) / max(1, n)
        row["doc_share"] = before / total_chars
        before += len(text)
        row["nb_words"] = math.log1p(
            (lengths[i - 1] if i > 0 else 0) + (lengths[i + 1] if i + 1 < n else 0)
        )
        window = prose[max(0, i - 3) : i] + prose[i + 1 : i + 4]
        row["context_prose"] = sum(window) / 6
        row["near_long"] = 1.0 / (1.0 + nearest[i])
        out.append(row)
    return out


def _distances(flags: list[bool]) -> list[int]:
    """For each index, how many blocks away the nearest flagged one is."""
    n = len(flags)
    far = n + 1
    left = [far] * n
    last = -far
    for i, flag in enumerate(flags):
        if flag:
            last = i
        left[i] = i - last
    right = [far] * n
    nxt = 2 * n + far
    for i in range(n - 1, -1, -1):
        if flags[i]:
            nxt = i
        right[i] = nxt - i
    return [min(a, b, far) for a, b in zip(left, right, strict=True)]


def _region(gains: list[float]) -> tuple[int, int]:
    """The contiguous run of blocks with the largest total gain (Kadane)."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, gain in enumerate(gains):
        if total <= 0:
            total, start = gain, i
        else:
            total += gain
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def context_features(logits: list[float]) -> list[dict[str, float]]:
    """What stage one thought of the blocks around each one (stage two's input).

    Besides the neighbours' scores, where the article most likely is: the
    contiguous run of blocks whose scores add up highest (an article is one
    stretch of a page), and how far each block is from it.
    """
    n = len(logits)
    probs = [_sigmoid(x) for x in logits]
    low, high = _region([p - 0.3 for p in probs])
    prefix = [0.0]
    for p in probs:
        prefix.append(prefix[-1] + p)
    doc_share = prefix[-1] / n if n else 0.0
    rows = []
    for i in range(n):

        def mean(radius: int, i: int = i) -> float:
            a, b = max(0, i - radius), min(n, i + 1 + radius)
            count = b - a - 1
            return (prefix[b] - prefix[a] - probs[i]) / count if count else 0.0

        around3 = probs[max(0, i - 3) : i] + probs[i + 1 : i + 4]
        rows.append(
            {
                "ctx_self": logits[i],
                "ctx_mean1": mean(1),
                "ctx_mean3": mean(3),
                "ctx_mean8": mean(8),
                "ctx_max3": max(around3, default=0.0),
                "ctx_doc_share": doc_share,
                "ctx_in_region": 1.0 if low <= i < high else 0.0,
                "ctx_region_gap": math.log1p(max(low - i, i - high + 1, 0)),
            }
        )
    return rows


def interactions(row: dict[str, float]) -> dict[str, float]:
    """A short line reads differently inside the article's run than outside it."""
    return {
        "x_short_region": row["short"] * row["ctx_in_region"],
        "x_words_region": row["log_words"] * row["ctx_in_region"],
        "x_short_mean1": row["short"] * row["ctx_mean1"],
        "x_nostop_region": (1 - row["no_full_stop"]) * row["ctx_in_region"],
        "x_chrome_region": row["chrome_words"] * row["ctx_in_region"],
    }


@dataclass(frozen=True, slots=True)
class _Layer:
    """A logistic layer with its standardisation folded into the weights."""

    bias: float
    coefficients: tuple[tuple[str, float], ...]
    mean: dict[str, float]
    scale: dict[str, float]
    weight: dict[str, float]

    @classmethod
    def of(cls, layer: object) -> _Layer:
        assert isinstance(layer, dict)
        weight, mean, scale = layer["weight"], layer["mean"], layer["scale"]
        coefficients = tuple((name, w / scale[name]) for name, w in weight.items())
        bias = float(layer["bias"]) - sum(c * mean[name] for name, c in coefficients)
        return cls(bias, coefficients, mean, scale, weight)

    def logit(self, row: dict[str, float]) -> float:
        total = self.bias
        for name, c in self.coefficients:
            total += c * row[name]
        return total

    def cue(self, row: dict[str, float]) -> str:
        """The feature that pulls hardest towards "not the article", in words."""
        pulls = {
            name: w * (row.get(name, 0.0) - self.mean[name]) / self.scale[name]
            for name, w in self.weight.items()
            if name in CUES
        }
        name = min(pulls, key=lambda k: (pulls[k], k)) if pulls else ""
        return CUES.get(name, "unlike the article's text")


@cache
def _layers() -> tuple[_Layer, _Layer]:
    weights = model()
    return _Layer.of(weights["stage1"]), _Layer.of(weights["stage2"])


def score(
    texts: list[str],
    feats: list[BlockFeatures] | None = None,
    rules: list[str] | None = None,
    reasons_for: Container[int] | None = None,
) -> list[Scored]:
    """The probability that each block is article text, and the cue against it.

    The cue is said only for blocks below ``KEEP`` (only they need a reason),
    and of those only for the indices in ``reasons_for`` when it is given:
    naming a cue costs as much as the score, and most blocks never show one.
    """
    if not texts:
        return []
    first, second = _layers()
    rows = features(texts, feats=feats, rules=rules)
    logits = [first.logit(row) for row in rows]
    scored = []
    for index, (row, ctx) in enumerate(zip(rows, context_features(logits), strict=True)):
        both = {**row, **ctx}
        both.update(interactions(both))
        probability = _sigmoid(second.logit(both))
        wanted = probability < KEEP and (reasons_for is None or index in reasons_for)
        scored.append(Scored(probability, second.cue(both) if wanted else ""))
    return scored


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))
