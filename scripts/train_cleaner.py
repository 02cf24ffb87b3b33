"""Train the plain-text cleaner's block classifier on real pages.

    uv run python scripts/train_cleaner.py                 # train, report, write the model
    uv run python scripts/train_cleaner.py --report-only   # cross-validated figures only

Silver labels: for each development page, trafilatura's extraction of its
HTML says which lines of the same page flattened to text are the article (a
line it keeps is main text; ``../shared/dev/README.md``). Features come from
``tui.clean.classifier`` (the same code that scores at run time). Two
logistic regressions are fitted by Newton's method with an L2 penalty: the
second on out-of-fold scores of the first, so it learns how far to trust
the neighbourhood. Folds go by page; nothing is random, so the same pages
give the same weights. The model is written to ``tui/data/cleaner.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WEB = ROOT.parent / "shared" / "dev" / "web"
OUT = ROOT / "tui" / "data" / "cleaner.json"
FOLDS = 5
L2 = 1.0
SHORT = 25  # characters: shorter lines must match a whole extracted line
MIN_PAGES = 15  # a learned word must be used on at least this many pages
TOP_WORDS = 150  # learned words of each kind


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def page(key: str) -> tuple[str, list[str], list[int]] | None:
    """One page's blocks (as lede splits its text) and their silver labels."""
    import trafilatura

    from tui.errors import LedeError
    from tui.ingest.decode import decode_bytes
    from tui.ingest.text import text_blocks

    try:
        text = decode_bytes((WEB / "text" / f"{key}.txt").read_bytes(), key).text
    except LedeError:
        return None
    blocks = [b.text for b in text_blocks(text)]
    html = (WEB / "html" / f"{key}.html").read_bytes()
    extracted = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    whole = norm(extracted)
    lines = {norm(line) for line in extracted.splitlines() if line.strip()}
    labels = []
    for block in blocks:
        b = norm(block)
        labels.append(int(b in whole if len(b) >= SHORT else b in lines))
    return key, blocks, labels


def vocabulary(pages: list[tuple[str, list[str], list[int]]]) -> tuple[list[str], list[str]]:
    """Words whose presence most separates furniture from article lines.

    Counted once per page (a menu repeated on a page counts once), kept when
    at least MIN_PAGES pages use them; the TOP_WORDS with the highest and
    lowest smoothed log-odds of being in an article line.
    """
    import math
    from collections import Counter

    from tui.textstats import words

    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    pages_with: Counter[str] = Counter()
    for _, blocks, labels in pages:
        seen_in, seen_out = set(), set()
        for block, label in zip(blocks, labels, strict=True):
            tokens = {t.lower() for t in words(block) if len(t) > 1}
            (seen_in if label else seen_out).update(tokens)
        inside.update(seen_in)
        outside.update(seen_out)
        pages_with.update(seen_in | seen_out)
    n_in = sum(inside.values()) + 1
    n_out = sum(outside.values()) + 1
    odds = {
        w: math.log((inside[w] + 1) / n_in) - math.log((outside[w] + 1) / n_out)
        for w, n in pages_with.items()
        if n >= MIN_PAGES
    }
    ranked = sorted(odds, key=lambda w: (odds[w], w))
    return sorted(ranked[:TOP_WORDS]), sorted(ranked[-TOP_WORDS:])


def matrix(columns: dict[str, list[float]], names: list[str]) -> np.ndarray:
    """A page's features, a row per block, in ``names``' order."""
    return np.column_stack([np.asarray(columns[n], dtype=float) for n in names])


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Logistic regression by Newton's method on standardised features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * L2
    penalty[0, 0] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[1:], float(w[0]), mean, scale


def fit_pages(xs: list[np.ndarray], ys: list[np.ndarray], pages: list[int]) -> tuple:
    return fit(np.vstack([xs[i] for i in pages]), np.concatenate([ys[i] for i in pages]))


def logits(x: np.ndarray, w: np.ndarray, b: float, mean: np.ndarray, scale: np.ndarray):
    return ((x - mean) / scale) @ w + b


def layer(names: list[str], fitted: tuple) -> dict[str, object]:
    w, b, mean, scale = fitted
    return {
        "bias": round(b, 6),
        "weight": {n: round(float(v), 6) for n, v in zip(names, w, strict=True)},
        "mean": {n: round(float(v), 6) for n, v in zip(names, mean, strict=True)},
        "scale": {n: round(float(v), 6) for n, v in zip(names, scale, strict=True)},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--folds-to", type=Path, help="also write one model per fold here")
    args = parser.parse_args()
    from tui.clean.classifier import context_features, features, interactions

    annotations = json.loads((WEB / "annotations.json").read_text("utf-8"))
    keys = sorted(annotations)
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        pages = [p for p in pool.map(page, keys, chunksize=8) if p and p[1]]
    print(
        f"{len(pages)} pages, {sum(len(p[1]) for p in pages)} blocks, "
        f"{sum(sum(p[2]) for p in pages)} labelled article text "
        f"({time.perf_counter() - started:.0f} s)"
    )
    fold = [i % FOLDS for i in range(len(pages))]
    ys = [np.array(labels, dtype=float) for _, _, labels in pages]
    # Each fold's rows use the vocabulary learned without its pages.
    fold_rows: dict[int, list] = {}
    for k in [*range(FOLDS), -1]:
        chrome, article = vocabulary([p for i, p in enumerate(pages) if fold[i] != k])
        vocab = (frozenset(chrome), frozenset(article))
        fold_rows[k] = [
            features(blocks, vocab) if (k == -1 or fold[i] == k) else None
            for i, (_, blocks, _) in enumerate(pages)
        ]
    rows = [fold_rows[fold[i]][i] for i in range(len(pages))]  # out of fold
    names1 = sorted(rows[0])
    xs = [matrix(r, names1) for r in rows]
    full_xs = [matrix(r, names1) for r in fold_rows[-1]]

    # Stage one, out of fold: the scores stage two learns from.
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for k in range(FOLDS):
        train = [i for i in range(len(pages)) if fold[i] != k]
        fitted = fit_pages(xs, ys, train)
        for i in range(len(pages)):
            if fold[i] == k:
                oof[i] = logits(xs[i], *fitted)

    def stage2(x: np.ndarray, row: dict[str, list[float]], logit: np.ndarray) -> np.ndarray:
        both = {**row, **context_features(list(map(float, logit)))}
        both.update(interactions(both))
        return matrix(both, names2)

    one_block = {name: values[:1] for name, values in rows[0].items()}
    sample = context_features([0.0])
    sample.update(interactions({**one_block, **sample}))
    names2 = names1 + sorted(sample)
    x2 = [stage2(xs[i], rows[i], oof[i]) for i in range(len(pages))]

    # Cross-validated figures for both stages, by page.
    for name, data, cols in (("stage 1", xs, names1), ("stage 2", x2, names2)):
        hits = total = tp = fp = fn = 0
        for k in range(FOLDS):
            train = [i for i in range(len(pages)) if fold[i] != k]
            fitted = fit_pages(data, ys, train)
            for i in (i for i in range(len(pages)) if fold[i] == k):
                predicted = logits(data[i], *fitted) > 0
                truth = ys[i] > 0.5
                hits += int((predicted == truth).sum())
                total += len(truth)
                tp += int((predicted & truth).sum())
                fp += int((predicted & ~truth).sum())
                fn += int((~predicted & truth).sum())
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
        print(
            f"{name} ({len(cols)} features), 5-fold by page: accuracy {hits / total:.3f}, "
            f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
        )
    # Snippet F1 (as score_web.py counts it) of "keep what scores above t",
    # from out-of-fold scores: what the model alone would do on unseen pages.
    probs: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for k in range(FOLDS):
        train = [i for i in range(len(pages)) if fold[i] != k]
        fitted = fit_pages(x2, ys, train)
        for i in (i for i in range(len(pages)) if fold[i] == k):
            probs[i] = 1 / (1 + np.exp(-logits(x2[i], *fitted)))
    for lang in ("en", "all"):
        for threshold in (0.2, 0.3, 0.4, 0.5):
            tp = fp = fn = 0
            for i, (key, blocks, _) in enumerate(pages):
                item = annotations[key]
                if lang != "all" and item["lang"] != lang:
                    continue
                scores = zip(blocks, probs[i], strict=True)
                kept = norm(" ".join(b for b, p in scores if p >= threshold))
                tp += sum(norm(s) in kept for s in item["with"])
                fn += sum(norm(s) not in kept for s in item["with"])
                fp += sum(norm(s) in kept for s in item["without"])
            precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
            print(
                f"snippets {lang:3} keep p >= {threshold}: P {precision:.3f} R {recall:.3f} "
                f"F1 {2 * precision * recall / max(1e-9, precision + recall):.3f}"
            )
    if args.folds_to:
        # One model per fold, trained without that fold's pages: scoring a page
        # with its fold's model is a held-out figure for the whole cleaner.
        args.folds_to.mkdir(parents=True, exist_ok=True)
        assignment = {}
        for k in range(FOLDS):
            train = [i for i in range(len(pages)) if fold[i] != k]
            chrome, article = vocabulary([pages[i] for i in train])
            first_k = fit_pages(xs, ys, train)
            inner = fit_pages(x2, ys, train)
            (args.folds_to / f"fold{k}.json").write_text(
                json.dumps(
                    {
                        "stage1": layer(names1, first_k),
                        "stage2": layer(names2, inner),
                        "vocabulary": {"chrome": chrome, "article": article},
                    }
                ),
                encoding="utf-8",
            )
            assignment.update({pages[i][0]: k for i in range(len(pages)) if fold[i] == k})
        (args.folds_to / "folds.json").write_text(json.dumps(assignment), encoding="utf-8")
        print(f"wrote {FOLDS} fold models to {args.folds_to}")
    if args.report_only:
        return 0

    first = fit(np.vstack(full_xs), np.concatenate(ys))
    # Stage two learns from out-of-fold stage-one scores (on full-vocabulary rows).
    oof_full: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for k in range(FOLDS):
        train = [i for i in range(len(pages)) if fold[i] != k]
        fitted = fit_pages(full_xs, ys, train)
        for i in (i for i in range(len(pages)) if fold[i] == k):
            oof_full[i] = logits(full_xs[i], *fitted)
    second = fit(
        np.vstack([stage2(full_xs[i], fold_rows[-1][i], oof_full[i]) for i in range(len(pages))]),
        np.concatenate(ys),
    )
    chrome, article = vocabulary(pages)
    from tui.clean.rulehash import rules_hash

    OUT.write_text(
        json.dumps(
            {
                "about": "lede's plain-text block classifier; scripts/train_cleaner.py wrote it "
                f"from {len(pages)} development pages (silver labels from trafilatura).",
                "stage1": layer(names1, first),
                "stage2": layer(names2, second),
                "vocabulary": {"chrome": chrome, "article": article},
                "rules_hash": rules_hash(),
            },
            indent=1,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
