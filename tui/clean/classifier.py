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
loaded once. Scoring is pure Python, a column at a time: no numpy on the way to the first paint.
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
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from tui.clean.features import BlockFeatures, block_features
from tui.reasons import Reason

# A block scoring at least this is article text (tuned on the development pages).
KEEP = float(os.environ.get("LEDE_KEEP", "0.4"))
_BULLET = re.compile(r"^\s*(?:[-*•·▪►»>]|\d{1,3}[.)])\s+")
_LINKISH = re.compile(r"https?://|www\.|\.com\b|@\w")
_PIPES = re.compile(r"[|•·»›]")

# What each feature says when it weighs most against a block, in words.
CUES: dict[str, Reason] = {
    "short": Reason.SHORT_LINE,
    "log_words": Reason.SHORT_LINE,
    "no_full_stop": Reason.NO_SENTENCE,
    "ends_sentence": Reason.NO_SENTENCE,
    "stop_any": Reason.FEW_FUNCTION_WORDS,
    "stop_en": Reason.FEW_FUNCTION_WORDS,
    "capitalised": Reason.CAPITALISED,
    "digits": Reason.MOSTLY_NUMBERS,
    "linkish": Reason.LINK_LIKE,
    "bullet": Reason.LIST_OF_LINKS,
    "pipes": Reason.MENU_SEPARATORS,
    "repeated": Reason.REPEATED,
    "chrome_rule": Reason.SITE_CHROME,
    "all_caps": Reason.ALL_CAPITALS,
    "position": Reason.FAR_FROM_ARTICLE,
    "edge": Reason.FAR_FROM_ARTICLE,
    "context_prose": Reason.AMONG_FURNITURE,
    "ctx_mean1": Reason.AMONG_FURNITURE,
    "ctx_mean3": Reason.AMONG_FURNITURE,
    "ctx_mean8": Reason.FAR_FROM_ARTICLE,
    "ctx_max3": Reason.AMONG_FURNITURE,
    "ctx_doc_share": Reason.FAR_FROM_ARTICLE,
    "near_long": Reason.FAR_FROM_ARTICLE,
    "ctx_in_region": Reason.OUTSIDE_RUN,
    "ctx_region_gap": Reason.OUTSIDE_RUN,
    "rel_words": Reason.SHORTER_THAN_PARAGRAPHS,
    "nb_words": Reason.AMONG_FURNITURE,
    "chrome_words": Reason.FURNITURE_WORDS,
    "any_chrome_word": Reason.FURNITURE_WORDS,
    "article_words": Reason.FURNITURE_WORDS,
    "x_chrome_region": Reason.FURNITURE_WORDS,
    "x_short_region": Reason.SHORT_LINE,
    "x_words_region": Reason.SHORT_LINE,
}


class Scored(NamedTuple):
    """What the model thinks of one block."""

    probability: float
    cue: Reason | None  # the strongest cue against it, as a reason (None: not asked)
    # The features that pull hardest against it, with their pull in logits.
    pulls: tuple[tuple[str, float], ...] = ()


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


Columns = dict[str, list[float]]  # a feature's value for every block, by name


def own_features(texts: list[str], feats: list[BlockFeatures], rules: list[str]) -> Columns:
    """Each block's features from its own text; ``rules`` say what the rules labelled it.

    Column by column: one pass per feature is several times faster than a
    dictionary per block on a megabyte of short lines.
    """
    counts = [len(f.lowered) for f in feats]
    ends = [1.0 if f.ends_sentence else 0.0 for f in feats]
    chrome_kinds = {"remove", "list", "terminal", "breadcrumb"}
    return {
        "log_words": [math.log1p(n) for n in counts],
        "log_chars": [math.log1p(len(t)) for t in texts],
        "short": [1.0 if n <= 3 else 0.0 for n in counts],
        "ends_sentence": ends,
        "no_full_stop": [1.0 - e for e in ends],
        "sentences": [math.log1p(f.n_sentences) for f in feats],
        "stop_en": [f.stop_density for f in feats],
        "stop_any": [f.stoplist_density for f in feats],
        "capitalised": [f.capitalised_share for f in feats],
        "digits": [f.digits / (len(t) + 1) for t, f in zip(texts, feats, strict=True)],
        "commas": [t.count(",") / (n + 1) for t, n in zip(texts, counts, strict=True)],
        "linkish": [
            1.0 if f.url_like or _LINKISH.search(t) else 0.0
            for t, f in zip(texts, feats, strict=True)
        ],
        "bullet": [1.0 if _BULLET.match(t) else 0.0 for t in texts],
        "pipes": [
            min(3.0, float(len(_PIPES.findall(t)) + f.separators))
            for t, f in zip(texts, feats, strict=True)
        ],
        "glued": [1.0 if f.glued_joins else 0.0 for f in feats],
        "all_caps": [
            1.0 if n >= 2 and t.isupper() else 0.0 for t, n in zip(texts, counts, strict=True)
        ],
        "question": [1.0 if f.ends_question_or_exclamation else 0.0 for f in feats],
        "quote": [1.0 if t[:1] in "\"“‘'«„" else 0.0 for t in texts],
        "chrome_rule": [1.0 if r in chrome_kinds else 0.0 for r in rules],
        "byline": [1.0 if r == "byline" else 0.0 for r in rules],
        "dateline": [1.0 if r == "date" else 0.0 for r in rules],
        "caption": [1.0 if r == "caption" else 0.0 for r in rules],
    }


def rule_kinds(texts: list[str], feats: list[BlockFeatures]) -> list[str]:
    """What the cleaner's rules say of each block: the model weighs it too."""
    from tui.clean.block_rules import label_block
    from tui.model import Block

    labels = [label_block(Block(t, 0), f) for t, f in zip(texts, feats, strict=True)]
    return [rule_kind(label.kind, label.reason) for label in labels]


def rule_kind(kind: str, reason: Reason | None) -> str:
    return "caption" if reason == Reason.PHOTO_CAPTION else kind


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
) -> Columns:
    """Every block's features: its own and its neighbourhood's (stage one's input)."""
    chrome_words, article_words = vocabulary if vocabulary is not None else learned_words()
    feats = feats if feats is not None else [block_features(t) for t in texts]
    if rules is None:
        rules = rule_kinds(texts, feats)
    # A block's own features depend on its text and its rule alone: a page's
    # repeated lines (menus, a feed's cards) are measured once.
    slots: dict[tuple[str, str], int] = {}
    distinct: list[int] = []  # the first block of each distinct (text, rule)
    at: list[int] = []  # each block's slot among them
    for index, key in enumerate(zip(texts, rules, strict=True)):
        if (slot := slots.get(key)) is None:
            slot = slots[key] = len(distinct)
            distinct.append(index)
        at.append(slot)
    own = _own_and_vocabulary(
        [texts[i] for i in distinct],
        [feats[i] for i in distinct],
        [rules[i] for i in distinct],
        chrome_words,
        article_words,
    )
    columns = (
        own
        if len(distinct) == len(texts)
        else {name: [column[slot] for slot in at] for name, column in own.items()}
    )
    normal = [" ".join(t.lower().split()) for t in texts]
    counts = Counter(normal)
    n = len(texts)
    lengths = [f.n_words for f in feats]
    prose = [
        f.n_words >= 20 and f.ends_sentence and stop >= 0.25
        for f, stop in zip(feats, columns["stop_any"], strict=True)
    ]
    total_chars = sum(len(t) for t in texts) or 1
    # The length of the page's longer blocks: a paragraph is long for its page.
    long_words = math.log1p(sorted(lengths)[int(0.9 * (n - 1))] if n else 1)
    columns["rel_words"] = [math.log1p(length) - long_words for length in lengths]
    columns["repeated"] = [1.0 if counts[t] > 1 else 0.0 for t in normal]
    columns["position"] = [i / max(1, n - 1) for i in range(n)]
    columns["edge"] = [min(i, n - 1 - i) / max(1, n) for i in range(n)]
    before = list(accumulate((len(t) for t in texts), initial=0))
    columns["doc_share"] = [b / total_chars for b in before[:n]]
    padded = [0, *lengths, 0]
    columns["nb_words"] = [math.log1p(padded[i] + padded[i + 2]) for i in range(n)]
    flags = [0, 0, 0, *map(int, prose), 0, 0, 0]
    columns["context_prose"] = [
        (sum(flags[i : i + 3]) + sum(flags[i + 4 : i + 7])) / 6 for i in range(n)
    ]
    columns["near_long"] = [1.0 / (1.0 + d) for d in _distances(prose)]
    return columns


def _own_and_vocabulary(
    texts: list[str],
    feats: list[BlockFeatures],
    rules: list[str],
    chrome_words: frozenset[str],
    article_words: frozenset[str],
) -> Columns:
    """The features of each block alone: its shape, and the learned words it holds."""
    columns = own_features(texts, feats, rules)
    tokens = [f.lowered for f in feats]
    chrome = [sum(map(chrome_words.__contains__, t)) for t in tokens]
    columns["chrome_words"] = [c / (len(t) or 1) for c, t in zip(chrome, tokens, strict=True)]
    columns["article_words"] = [
        sum(map(article_words.__contains__, t)) / (len(t) or 1) for t in tokens
    ]
    columns["any_chrome_word"] = [1.0 if c else 0.0 for c in chrome]
    return columns


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


def context_features(logits: list[float]) -> Columns:
    """What stage one thought of the blocks around each one (stage two's input).

    Besides the neighbours' scores, where the article most likely is: the
    contiguous run of blocks whose scores add up highest (an article is one
    stretch of a page), and how far each block is from it.
    """
    n = len(logits)
    probs = [_sigmoid(x) for x in logits]
    low, high = _region([p - 0.3 for p in probs])
    prefix = list(accumulate(probs, initial=0.0))
    doc_share = prefix[-1] / n if n else 0.0

    def mean(radius: int) -> list[float]:
        """The mean of the ``radius`` blocks on either side (fewer at the ends)."""
        starts = [max(0, i - radius) for i in range(n)]
        ends = [min(n, i + 1 + radius) for i in range(n)]
        return [
            (prefix[b] - prefix[a] - p) / (b - a - 1) if b - a > 1 else 0.0
            for a, b, p in zip(starts, ends, probs, strict=True)
        ]

    # The largest of the three blocks on either side: each neighbour's list is
    # the scores shifted, padded with 0.0 (no score is below it).
    pad = [0.0] * 3
    padded = [*pad, *probs, *pad]
    neighbours = [padded[k : k + n] for k in (0, 1, 2, 4, 5, 6)]
    return {
        "ctx_self": list(logits),
        "ctx_mean1": mean(1),
        "ctx_mean3": mean(3),
        "ctx_mean8": mean(8),
        "ctx_max3": list(map(max, *neighbours)) if n else [],
        "ctx_doc_share": [doc_share] * n,
        "ctx_in_region": [1.0 if low <= i < high else 0.0 for i in range(n)],
        "ctx_region_gap": [math.log1p(max(low - i, i - high + 1, 0)) for i in range(n)],
    }


def interactions(columns: Columns) -> Columns:
    """A short line reads differently inside the article's run than outside it."""
    region = columns["ctx_in_region"]

    def times(name: str, other: list[float]) -> list[float]:
        return [a * b for a, b in zip(columns[name], other, strict=True)]

    return {
        "x_short_region": times("short", region),
        "x_words_region": times("log_words", region),
        "x_short_mean1": times("short", columns["ctx_mean1"]),
        "x_nostop_region": times("ends_sentence", region),
        "x_chrome_region": times("chrome_words", region),
    }


@dataclass(frozen=True, slots=True)
class Layer:
    """A logistic layer with its standardisation folded into the weights."""

    bias: float
    coefficients: tuple[tuple[str, float], ...]
    mean: dict[str, float]
    scale: dict[str, float]
    weight: dict[str, float]

    @classmethod
    def of(cls, layer: object) -> Layer:
        assert isinstance(layer, dict)
        weight, mean, scale = layer["weight"], layer["mean"], layer["scale"]
        coefficients = tuple((name, w / scale[name]) for name, w in weight.items())
        bias = float(layer["bias"]) - sum(c * mean[name] for name, c in coefficients)
        return cls(bias, coefficients, mean, scale, weight)

    def logits(self, columns: Columns, n: int) -> list[float]:
        total = [self.bias] * n
        for name, c in self.coefficients:
            total = [t + c * x for t, x in zip(total, columns[name], strict=True)]
        return total

    def against(
        self, columns: Columns, index: int, n: int = 3
    ) -> tuple[Reason, tuple[tuple[str, float], ...]]:
        """What pulls hardest against one block: the strongest cue in words (among
        the features ``CUES`` can say), and the ``n`` strongest features of all
        with their pulls in logits. Each feature's pull is computed once."""
        pulls = [
            (w * (columns[name][index] - self.mean[name]) / self.scale[name], name)
            for name, w in self.weight.items()
            if name in columns
        ]
        pulls.sort()
        named = next((name for _, name in pulls if name in CUES), "")
        strongest = tuple((name, round(pull, 2)) for pull, name in pulls[:n] if pull < 0)
        return CUES.get(named, Reason.UNLIKE_ARTICLE), strongest


@cache
def _layers() -> tuple[Layer, Layer]:
    weights = model()
    return Layer.of(weights["stage1"]), Layer.of(weights["stage2"])


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
    n = len(texts)
    columns = features(texts, feats=feats, rules=rules)
    columns.update(context_features(first.logits(columns, n)))
    columns.update(interactions(columns))
    scored = []
    for index, logit in enumerate(second.logits(columns, n)):
        probability = _sigmoid(logit)
        wanted = probability < KEEP and (reasons_for is None or index in reasons_for)
        if wanted:
            scored.append(Scored(probability, *second.against(columns, index)))
        else:
            scored.append(Scored(probability, None))
    return scored


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))
