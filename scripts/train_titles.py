"""Train the ranking that picks a scraped page's title (``tui/clean/titles.py``).

    uv run python scripts/train_titles.py                 # train, report, write the weights
    uv run python scripts/train_titles.py --report-only   # cross-validated figures only

Silver labels: the title each development page's HTML states (JSON-LD, Open
Graph or <title>, as lede reads it) names which line of the same page
flattened to text is its title; a line is the title where one holds the other
and is at least 0.6 of its length. The features are ``tui.clean.titles``'s
(the same code that scores at run time), of every candidate line above the
story the rules find. The model is a conditional logit: a softmax over each
page's candidates, so it learns what makes one line more of a title than the
others on its page, fitted by Newton's method with a line search and an L2
penalty. Folds go by page, nothing is random. The weights are written to
``tui/data/titles.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
WEB = ROOT.parent / "shared" / "dev" / "web"
OUT = ROOT / "tui" / "data" / "titles.json"

from score_titles import norm  # noqa: E402  (the same comparison as the titles' score)

FOLDS = 5
SAME_LENGTH = 0.6
L2 = 3.0  # chosen from 0.3, 1, 3 and 10 by the cross-validated count


def is_title(stated: str, line: str) -> bool:
    """The line is the stated title, give or take a site's name or a kicker."""
    a, b = norm(stated), norm(line)
    if not a or not b or (a not in b and b not in a):
        return False
    return min(len(a), len(b)) >= SAME_LENGTH * max(len(a), len(b))


Candidates = tuple[str, list[str], dict[str, list[float]], list[int], int | None, bool]


def page(key: str) -> Candidates | None:
    """One page's candidates: their features, which are the title, the rules'
    choice among them, and whether the stated title is a line of the text."""
    from tui.clean import learned_labels, read_labels, rule_title, story_start
    from tui.clean.titles import Page, candidates, title_features
    from tui.errors import LedeError
    from tui.ingest import read_path
    from tui.pipeline import read_article

    try:
        stated = read_article(WEB / "html" / f"{key}.html").metadata.title or ""
        raw = read_path(WEB / "text" / f"{key}.txt")
    except LedeError:
        return None
    if not stated:
        return None
    blocks = raw.blocks
    features, labels, _ = read_labels(blocks)
    learned = learned_labels(blocks, labels, features)
    first = story_start(learned)
    if first is None:
        return None
    _, rules = rule_title(blocks, learned, labels, first)
    reading = Page(blocks, learned, labels, features, first)
    chosen = candidates(reading)
    columns = title_features(reading, rules, chosen)
    truth = [int(is_title(stated, blocks[i].text)) for i in chosen]
    reachable = any(is_title(stated, b.text) for b in blocks)
    rule_index = chosen.index(rules) if rules in chosen else None
    right = rules is not None and is_title(stated, blocks[rules].text)
    return key, [blocks[i].text for i in chosen], columns, truth, rule_index, reachable and right


Fitted = tuple[np.ndarray, float, np.ndarray, np.ndarray]


def fit(xs: list[np.ndarray], ys: list[np.ndarray]) -> Fitted:
    """A softmax over each page's candidates, towards its titles (shared
    equally where two lines are), on standardised features."""
    stacked = np.vstack(xs)
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0)
    scale[scale == 0] = 1.0
    zs = [(x - mean) / scale for x in xs]
    targets = [y / y.sum() for y in ys]
    w = np.zeros(stacked.shape[1])

    def loss(w: np.ndarray) -> float:
        total = 0.5 * L2 * float(w @ w)
        for z, t in zip(zs, targets, strict=True):
            s = z @ w
            top = s.max()
            total -= float(t @ (s - top - np.log(np.exp(s - top).sum())))
        return total

    current = loss(w)
    for _ in range(50):
        gradient, hessian = L2 * w, L2 * np.eye(len(w))
        for z, t in zip(zs, targets, strict=True):
            p = np.exp(z @ w - (z @ w).max())
            p /= p.sum()
            gradient += z.T @ (p - t)
            zp = z.T @ p
            hessian += (z * p[:, None]).T @ z - np.outer(zp, zp)
        step, size = np.linalg.solve(hessian, gradient), 1.0
        while (new := loss(w - size * step)) > current and size > 1e-4:
            size /= 2
        w = w - size * step
        done = current - new < 1e-7
        current = new
        if done:
            break
    return w, 0.0, mean, scale


def main() -> int:
    from train_cleaner import layer, logits, matrix

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    annotations = json.loads((WEB / "annotations.json").read_text("utf-8"))
    keys = sorted(annotations)
    with ProcessPoolExecutor(args.jobs) as pool:
        pages = [p for p in pool.map(page, keys, chunksize=8) if p and p[1]]
    names = sorted(pages[0][2])
    xs = [matrix(p[2], names) for p in pages]
    ys = [np.asarray(p[3], dtype=float) for p in pages]
    trainable = [i for i, y in enumerate(ys) if y.any()]
    folds = [i % FOLDS for i in range(len(pages))]
    picked: dict[int, int | None] = {}
    for fold in range(FOLDS):
        train = [i for i in trainable if folds[i] != fold]
        fitted = fit([xs[i] for i in train], [ys[i] for i in train])
        for i in range(len(pages)):
            if folds[i] == fold:
                picked[i] = int(np.argmax(logits(xs[i], *fitted)))

    def right(i: int, choice: int | None) -> bool:
        return choice is not None and bool(ys[i][choice])

    for name in ("all", "en"):
        chosen = [i for i, p in enumerate(pages) if name in ("all", annotations[p[0]]["lang"])]
        rules = sum(right(i, pages[i][4]) for i in chosen)
        ranked = sum(right(i, picked[i]) for i in chosen)
        possible = sum(bool(ys[i].any()) for i in chosen)
        print(
            f"titles {name}: {len(chosen)} pages stating one; the title among the candidates on "
            f"{possible}; the rules pick it on {rules}, the ranking (cross-validated) on {ranked}"
        )
    if args.report_only:
        return 0
    fitted = fit([xs[i] for i in trainable], [ys[i] for i in trainable])
    from tui.clean.rulehash import rules_hash

    weights = {**layer(names, fitted), "rules_hash": rules_hash()}
    OUT.write_text(json.dumps(weights, indent=1) + "\n", "utf-8")
    strongest = sorted(zip(names, fitted[0], strict=True), key=lambda nw: -abs(nw[1]))
    print("strongest:", ", ".join(f"{n} {w:+.2f}" for n, w in strongest[:10]))
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
