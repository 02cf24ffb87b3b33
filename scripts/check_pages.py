"""Run the pipeline over every page of a folder and check every invariant.

    uv run python scripts/check_pages.py ../shared/dev/web/html
    uv run python scripts/check_pages.py ../shared/dev/web/text --limit 50 --no-nlp
    uv run python scripts/check_pages.py --against-trafilatura ../shared/dev/web/html

For each page (HTML, text or Markdown): the analysis must not raise (bad
input may only raise ``LedeError``, a one-line message); every input block
must be in exactly one story or among the removed; for HTML, every letter of
the page's visible text must be somewhere in the analysis; offsets, ids and
references must hold (``tui.invariants``); the JSON must be the same bytes
when the page is analysed a second time in a fresh process (``--twice``).
With ``--reader N`` the first N pages are also opened in the reader (headless,
Textual's Pilot) and driven with every key a reader uses; any exception, or
the app ending, is a problem. Prints one line per page with a problem and a
summary; exits 1 if any.

``--against-trafilatura`` checks instead that nothing trafilatura keeps is
lost: for every page, each block trafilatura's own output holds that lede
removed, with lede's reason, the worst pages first, and the totals by reason
(``scripts/lost_blocks.py``). ``--as-rendered`` reads each HTML page again
as a script-rendered site writes it (text nodes split by comments and spans)
and lists the pages whose kept words change (``scripts/rendered.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SUFFIXES = {".html", ".htm", ".txt", ".md", ".markdown"}


def check_page(path: str, nlp: bool) -> dict[str, object]:
    """Analyse one page and list what breaks; never raises."""
    from tui.errors import LedeError
    from tui.invariants import check_analysis, check_nothing_lost, lost_characters
    from tui.pipeline import Options, analyze_article, build_article, read_raw

    started = time.perf_counter()
    result: dict[str, object] = {"page": path, "problems": [], "error": None}
    problems: list[str] = []
    try:
        raw = read_raw(path)
        blocks, pre_removed = list(raw.blocks), list(raw.pre_removed)
        article = build_article(raw)
        analysis = analyze_article(article, Options(nlp=nlp))
        problems += check_nothing_lost(analysis.article, blocks, pre_removed)
        if raw.format == "html":
            from tui.ingest.decode import decode_bytes
            from tui.ingest.html import visible_text

            page = decode_bytes(Path(path).read_bytes(), path).text
            if lost := lost_characters(visible_text(page), analysis.article):
                problems.append(f"{lost} letters of the page's text are in no block")
        problems += check_analysis(analysis)
        json.dumps(analysis.to_dict(), ensure_ascii=False)
        result["stories"] = len(analysis.article.stories)
        result["main_paragraphs"] = len(analysis.article.stories[0].paragraphs)
        result["entities"] = len(analysis.entities)
        result["language"] = analysis.article.metadata.language
    except LedeError as error:
        result["error"] = f"LedeError: {error.message}"
    except Exception:
        problems.append("crash: " + traceback.format_exc().strip().splitlines()[-1])
        result["traceback"] = traceback.format_exc()
    result["problems"] = problems
    result["secs"] = time.perf_counter() - started
    return result


KEYS = [
    "j", "j", "space", "b", "G", "g", "right_square_bracket", "left_square_bracket",
    "tab", "j", "enter", "n", "n", "N", "tab", "j", "enter", "tab", "tab", "e", "G", "enter",
    "n", "f", "j", "enter", "f", "g", "enter", "t", "enter", "a", "r", "r",
    "slash", "t", "h", "e", "enter", "n", "N", "escape", "2", "1", "y",
    "v", "j", "j", "enter", "t", "k", "enter", "v", "l", "j", "escape",
    "question_mark", "j", "escape",
]  # fmt: skip
# Not pressed: O and E start the user's browser and editor.


def read_in_reader(path: str) -> list[str]:
    """Open a page in the reader and press keys; what went wrong, if anything."""
    import asyncio

    from tui.app.app import LedeApp

    problems: list[str] = []

    async def drive() -> None:
        app = LedeApp(path)
        reported: list[str] = []
        app.report_error = lambda where, error: reported.append(f"{where}: {error!r}")  # type: ignore[method-assign]
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(600):
                await pilot.pause(0.05)
                if app.analysis is not None or app.screen.__class__.__name__ == "ErrorScreen":
                    break
            for key in KEYS:
                await pilot.press(key)
                if not app.is_running:
                    problems.append(f"the reader stopped after {key!r}")
                    return
            await pilot.resize_terminal(80, 24)
            await pilot.press("tab", "j", "enter", "n")
        problems.extend(f"reader: {r}" for r in reported)
        if app.return_code not in (None, 0):
            problems.append(f"reader exited with {app.return_code}")

    try:
        asyncio.run(drive())
    except Exception as error:
        problems.append(f"reader crash: {type(error).__name__}: {error}")
    return problems


def twice(path: str, nlp: bool) -> list[str]:
    """The JSON of two fresh processes with different hash seeds must match."""
    outputs = []
    for seed in ("1", "2"):
        args = [sys.executable, "-m", "tui.cli", "analyze", path, "--json", "--no-cache"]
        if not nlp:
            args.append("--no-nlp")
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.append(subprocess.run(args, capture_output=True, env=env, check=False).stdout)
    return [] if outputs[0] == outputs[1] else ["JSON differs between two runs"]


def against_trafilatura(pages: list[str], args: argparse.Namespace) -> int:
    """The lost-blocks report: exits 1 when a sentence of prose was lost."""
    from lost_blocks import lost_blocks, report

    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(lost_blocks, map(Path, pages), chunksize=4))
    report(results, args.worst)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 1 if any(b["prose"] for r in results for b in r["lost"]) else 0  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--against-trafilatura",
        action="store_true",
        help="list the blocks trafilatura keeps that lede removed, with totals by reason",
    )
    parser.add_argument(
        "--as-rendered",
        action="store_true",
        help="read each HTML page again as a script-rendered site writes it; list changes",
    )
    parser.add_argument(
        "--worst", type=int, default=20, help="pages listed (with --against-trafilatura)"
    )
    parser.add_argument("--no-nlp", action="store_true", help="clean and segment only")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument(
        "--twice",
        type=int,
        default=0,
        metavar="N",
        help="also check byte-identical JSON across processes on N pages",
    )
    parser.add_argument(
        "--reader",
        type=int,
        default=0,
        metavar="N",
        help="also open N pages in the reader and press keys",
    )
    parser.add_argument("--json", type=Path, help="write every page's result here")
    args = parser.parse_args()

    pages = sorted(str(p) for p in args.folder.iterdir() if p.suffix.lower() in SUFFIXES)
    if args.limit:
        pages = pages[: args.limit]
    if args.against_trafilatura:
        return against_trafilatura(pages, args)
    if args.as_rendered:
        from rendered import compare_rendered, report

        html = [Path(p) for p in pages if Path(p).suffix.lower() in {".html", ".htm"}]
        with ProcessPoolExecutor(max(1, args.jobs)) as pool:
            changed = report(list(pool.map(compare_rendered, html, chunksize=4)), args.worst)
        return 1 if changed else 0
    nlp = not args.no_nlp
    started = time.perf_counter()
    results = []
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        for number, result in enumerate(
            pool.map(check_page, pages, [nlp] * len(pages), chunksize=4), 1
        ):
            results.append(result)
            if result["problems"]:
                print(f"{result['page']}:")
                for problem in result["problems"][:8]:  # type: ignore[index]
                    print(f"    {problem}")
            if number % 100 == 0:
                print(f"… {number}/{len(pages)} pages", file=sys.stderr)
    for path in pages[: args.twice]:
        if problems := twice(path, nlp):
            print(f"{path}: {problems[0]}")
            next(r for r in results if r["page"] == path)["problems"].append(problems[0])  # type: ignore[union-attr]
    if args.reader:
        with ProcessPoolExecutor(max(1, args.jobs)) as pool:
            for path, problems in zip(
                pages[: args.reader], pool.map(read_in_reader, pages[: args.reader]), strict=True
            ):
                for problem in problems:
                    print(f"{path}: {problem}")
                next(r for r in results if r["page"] == path)["problems"].extend(problems)  # type: ignore[union-attr]
    bad = [r for r in results if r["problems"]]
    refused = [r for r in results if r["error"]]
    crashes = [r for r in results if any(str(p).startswith("crash") for p in r["problems"])]  # type: ignore[attr-defined]
    empty = [r for r in results if not r["error"] and r.get("main_paragraphs") == 0]
    secs = time.perf_counter() - started
    print(
        f"check_pages: {len(pages)} pages in {secs:.0f} s; {len(pages) - len(bad)} held every "
        f"invariant, {len(bad)} did not ({len(crashes)} crashed); {len(refused)} refused with a "
        f"one-line error; {len(empty)} with an empty main story"
    )
    for r in refused[:10]:
        print(f"    refused {r['page']}: {r['error']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
