"""How often the plain-text reading finds the title (and the date, and the
categories) the page's HTML states.

    uv run python scripts/score_titles.py --lang en [--worst 20]

For each development page (``../shared/dev/web``), the title lede reads from
the HTML (its JSON-LD, Open Graph or <title>, without the site's name) is the
reference; the title of the main story read from the same page flattened to
text is compared with it, ignoring case and punctuation (one containing the
other counts). Where the stated title is not a line of the text at all, no
reading can find it: those pages are counted apart.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WEB = ROOT.parent / "shared" / "dev" / "web"


def norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").lower()).strip()


Reading = tuple[str, str, str, bool, str, str, list[str], list[str]]


def titles(key: str) -> Reading | None:
    """The HTML's title, the text's, whether the HTML's is a line of the text,
    and the publication dates and categories the two readings found."""
    from tui.errors import LedeError
    from tui.pipeline import read_article

    try:
        html = read_article(WEB / "html" / f"{key}.html")
        text_path = WEB / "text" / f"{key}.txt"
        text = read_article(text_path)
    except LedeError:
        return None
    stated, found = html.metadata.title or "", text.stories[0].title or ""
    lines = {norm(line) for line in text_path.read_text("utf-8", errors="replace").splitlines()}
    return (
        key,
        stated,
        found,
        norm(stated) in lines,
        html.metadata.date or "",
        text.metadata.date or "",
        list(html.metadata.categories),
        list(text.metadata.categories),
    )


def agree(stated: str, found: str) -> bool:
    a, b = norm(stated), norm(found)
    return bool(a and b) and (a == b or a in b or b in a)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="all", help="en, de, fr, other or all")
    parser.add_argument("--worst", type=int, default=0, help="list so many misses")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    annotations = json.loads((WEB / "annotations.json").read_text("utf-8"))
    keys = sorted(k for k, v in annotations.items() if args.lang in ("all", v["lang"]))
    with ProcessPoolExecutor(args.jobs) as pool:
        read = [r for r in pool.map(titles, keys, chunksize=8) if r]
    dated = [r for r in read if r[4]]
    same = sum(r[4] == r[5] for r in dated)
    other = sum(bool(r[5]) and r[4] != r[5] for r in dated)
    print(
        f"dates {args.lang}: the text's is the HTML's on {same} of {len(dated)} pages "
        f"the HTML dates; another on {other}"
    )
    stated_sections = [r for r in read if r[6]]
    shared = sum(bool({norm(c) for c in r[6]} & {norm(c) for c in r[7]}) for r in stated_sections)
    print(
        f"categories {args.lang}: the HTML states some on {len(stated_sections)} pages, the text "
        f"reading shares one on {shared}; the text reading gives some on "
        f"{sum(bool(r[7]) for r in read)} pages, {sum(bool(r[7]) and not r[6] for r in read)} "
        "of them where the HTML states none"
    )
    rows = [r for r in read if r[1]]
    reachable = [r for r in rows if r[3]]
    hits = sum(agree(r[1], r[2]) for r in rows)
    reached = sum(agree(r[1], r[2]) for r in reachable)
    print(
        f"titles {args.lang}: {hits}/{len(rows)} agree with the HTML's ({hits / len(rows):.3f}); "
        f"where it is a line of the text {reached}/{len(reachable)} "
        f"({reached / max(1, len(reachable)):.3f}); "
        f"{sum(not r[2] for r in rows)} without a title"
    )
    misses = [r for r in reachable if not agree(r[1], r[2])]
    for key, stated, found, *_ in misses[: args.worst]:
        print(f"  {key}  html: {stated[:60]!r}  text: {found[:60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
