"""lede's speed and memory, as ratios against baselines measured in the same run.

    uv run python scripts/bench.py            # everything
    uv run python scripts/bench.py clean nlp  # some sections

Machines here are noisy, so each figure is printed next to a baseline timed
in the same process: the goal is the ratio, and the seconds are for the note.

clean  cleaning and segmenting 1 MB of text (goal: under 0.5 s), against
       merely decoding and splitting it into lines; and 1 MB of real scraped
       pages (../shared/dev/web/text when present), cleaned one by one.
nlp    the sample article once the model is loaded; a 100,000-word text:
       spaCy's time, consolidation's (goal: at most 20% of spaCy's) and
       normalisation's (goal: at most 10%); peak memory of `lede analyze`
       on it (goal: under 1 GiB).
batch  reopening a cached analysis (goal under 50 ms); 500 articles with
       --jobs 2 against plain nlp.pipe on the same texts (goal: 80% of it).
cluster (not in the default run: minutes) 2,000 articles in one process, with
       --jobs 2, and on a local Dask cluster of two workers.
feeds  (not in the default run: minutes) refreshing 50 local feeds of 20 items
       (1,000 pages fetched and analysed) against lede analyze --jobs 2 on the
       same pages.
big    (not in the default run: minutes) a 10 MB article in the reader:

       time to text, scrolling latency during the analysis, peak memory.
html   the HTML path (read, extract, align, clean, segment) on real pages
       (../shared/dev/web/html when present, else the test pages) against
       trafilatura's own extract on the same bytes, with and without its
       metadata (goal: at most 1.3x).
ui     time from process start to the article text on screen and to the

       analysis shown, against a minimal Textual app started the same way
       (goal: first paint within 1.5x); key-press-to-refresh latency for a
       story switch and next-mention on the 100,000-word text (goal: median
       under 50 ms).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_paragraphs() -> list[str]:
    from tui.pipeline import read_article

    paragraphs = []
    for path in sorted((ROOT / "sample_data").glob("*.txt")):
        for story in read_article(path).stories:
            paragraphs.extend(p.text for p in story.paragraphs)
    return paragraphs


def big_text(words: int) -> str:
    """An article of about ``words`` words made of the sample articles' paragraphs."""
    paragraphs = sample_paragraphs()
    out, count, i = ["A long report on many things"], 0, 0
    while count < words:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        i += 1
    return "\n\n".join(out)


def megabyte_of_articles() -> str:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "sample_data").glob("*.txt"))]
    out: list[str] = []
    while sum(len(t) for t in out) < 1_000_000:
        out.extend(texts)
    return "\n\n".join(out)


def run_lede(*args: str, check: bool = True) -> None:
    """``lede ARGS`` in a new process, its output discarded (the run is what is timed)."""
    subprocess.run(
        [sys.executable, "-m", "tui", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=check,
    )


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_clean() -> None:
    from tui.clean import clean
    from tui.ingest import read_string
    from tui.ingest.decode import sanitize
    from tui.ingest.text import text_blocks
    from tui.segment import segment

    text = megabyte_of_articles()
    baseline = best_of(3, lambda: text_blocks(sanitize(text).text))
    full = best_of(3, lambda: segment(clean(read_string(text, "bench"))))
    lines = [b.text for b in read_string(text, "bench").blocks]
    print(
        f"clean: {len(text) / 1e6:.2f} MB cleaned and segmented in {full:.3f} s "
        f"(goal < 0.5 s); decode+split alone {baseline:.3f} s; ratio {full / baseline:.1f}x"
    )
    # The cleaner reads each distinct line of a document once, and the samples
    # repeat: say so beside the figure, and time real pages, which repeat less.
    print(f"       ({len(lines):,} lines, of which {len(set(lines)):,} distinct)")
    pages = real_pages(1_000_000)
    if pages:
        # Real scraped pages are shorter lines than the samples: more blocks per MB.
        size = sum(len(p) for p in pages) / 1e6
        read = best_of(3, lambda: [read_string(p, "page") for p in pages])
        each = best_of(3, lambda: [segment(clean(read_string(p, "page"))) for p in pages])
        print(
            f"clean: {size:.2f} MB of {len(pages)} real scraped pages (../shared/dev/web), "
            f"each cleaned and segmented, in {each:.3f} s; reading alone {read:.3f} s"
        )
        joined = "\n\n".join(pages)
        whole = best_of(3, lambda: segment(clean(read_string(joined, "pages"))))
        distinct = {b.text for b in read_string(joined, "pages").blocks}
        print(
            f"clean: the same pages as one document ({len(distinct):,} distinct lines), "
            f"cleaned and segmented in {whole:.3f} s"
        )


def real_pages(size: int) -> list[str]:
    """About ``size`` characters of the development set's flattened pages, if present."""
    folder = ROOT.parent / "shared" / "dev" / "web" / "text"
    pages: list[str] = []
    total = 0
    for path in sorted(folder.glob("*.txt"))[::3]:
        text = path.read_text("utf-8", errors="replace")
        if text.strip():
            pages.append(text)
            total += len(text)
        if total >= size:
            break
    return pages


def bench_nlp() -> None:
    from tui.nlp.consolidate import consolidate
    from tui.nlp.loader import load_pipeline
    from tui.nlp.mentions import casing_vocabulary, doc_mentions, relabel, truecaser
    from tui.nlp.storydoc import parse_stories
    from tui.pipeline import analyze_article, article_from_text, default_source, read_article
    from tui.timeline import build_timeline, find_time_expressions

    start = time.perf_counter()
    nlp, model = load_pipeline()
    print(f"nlp: model {model} loaded in {time.perf_counter() - start:.2f} s")
    sample = read_article(default_source())
    once = best_of(3, lambda: analyze_article(sample))
    print(f"nlp: sample article analysed in {once * 1000:.0f} ms once the model is loaded")

    text = big_text(100_000)
    article = article_from_text(text, "bench")
    article.metadata.date = "2020-01-01"
    t0 = time.perf_counter()
    truecase = truecaser(casing_vocabulary([s.text for s in article.stories]))
    docs = parse_stories(nlp, article.stories, truecase)
    t1 = time.perf_counter()
    texts = {s.id: s.text for s in article.stories}
    mentions = [m for parsed in docs.values() for m in doc_mentions(parsed)]
    entities = consolidate(relabel(nlp, mentions), texts)
    t2 = time.perf_counter()
    expressions = find_time_expressions(docs, texts, article.metadata.date)
    sentences = {story: parsed.sentences() for story, parsed in docs.items()}
    build_timeline(expressions, texts, sentences, entities)
    t3 = time.perf_counter()
    spacy_time, consolidate_time, time_time = t1 - t0, t2 - t1, t3 - t2
    print(
        f"nlp: 100k words: spaCy {spacy_time:.2f} s; consolidation {consolidate_time:.2f} s "
        f"= {consolidate_time / spacy_time:.0%} of spaCy (goal <= 20%); "
        f"time expressions and timeline {time_time:.2f} s = {time_time / spacy_time:.0%} "
        "(goal <= 10%)"
    )
    print(f"nlp: {len(entities)} entities, {len(expressions)} time expressions")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "tui", "analyze", str(path), "--json"],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        f"nlp: `lede analyze` on 100k words: {elapsed:.1f} s = {elapsed / spacy_time:.2f}x "
        f"spaCy's own time (goal <= 1.3x), peak memory {max(peak, before) / 1024:.0f} MiB "
        "(goal < 1024)"
    )


FIRST_PAINT = """
import sys, time
start = float(sys.argv[1])
{setup}
async def probe():
    async with app.run_test(size=(160, 45)) as pilot:
        {wait_text}
        print("text", time.time() - start, flush=True)
        {wait_analysis}
        print("analysis", time.time() - start, flush=True)
import asyncio
asyncio.run(probe())
"""

LEDE_SETUP = """
from pathlib import Path
from tui.app.app import LedeApp
from tui.pipeline import default_source
app = LedeApp(default_source())
"""
LEDE_WAIT_TEXT = """
        while not app.main_screen.article_view.lines:
            await pilot.pause(0.005)"""
LEDE_WAIT_ANALYSIS = """
        while app.analysis is None:
            await pilot.pause(0.01)"""
MINIMAL_SETUP = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("hello")
app = Minimal()
"""
MINIMAL_WAIT = """
        await pilot.pause()"""


def _startup(setup: str, wait_text: str, wait_analysis: str) -> dict[str, float]:
    code = FIRST_PAINT.format(
        setup=setup,
        wait_text=wait_text.strip() or "pass",
        wait_analysis=wait_analysis.strip() or "pass",
    )
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, str(start)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return {line.split()[0]: float(line.split()[1]) for line in out.stdout.splitlines() if line}


def bench_ui() -> None:
    lede = [_startup(LEDE_SETUP, LEDE_WAIT_TEXT, LEDE_WAIT_ANALYSIS) for _ in range(3)]
    minimal = [_startup(MINIMAL_SETUP, MINIMAL_WAIT, "") for _ in range(3)]
    text = statistics.median(r["text"] for r in lede)
    shown = statistics.median(r["analysis"] for r in lede)
    base = statistics.median(r["text"] for r in minimal)
    print(
        f"ui: process start to article text {text:.2f} s, to analysis {shown:.2f} s; "
        f"minimal Textual app {base:.2f} s; first paint ratio {text / base:.2f}x (goal <= 1.5x)"
    )
    import asyncio

    asyncio.run(_latency())


async def _latency() -> None:
    """Key-press-to-refresh on a 100,000-word article with an embedded story."""
    from tui.app.app import LedeApp

    paragraphs = big_text(100_000).split("\n\n")
    # A related story at the end, marked as sites mark them, makes a second story.
    text = "\n\n".join(
        [
            *paragraphs,
            "Related: Zebra charity opens a new sanctuary for zebras in Namibia",
            "A zebra charity has opened a sanctuary for orphaned zebras in Namibia, its "
            "founder said, the first such sanctuary for zebras in the region.",
            "The sanctuary will care for up to forty zebras and train rangers.",
        ]
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(text, encoding="utf-8")
        app = LedeApp(path)
        # The tab underline's slide would be timed too; the text is there at once.
        app.animation_level = "none"
        async with app.run_test(size=(160, 45)) as pilot:
            while app.analysis is None:
                await pilot.pause(0.1)
            screen = app.main_screen
            busiest = max(app.analysis.entities, key=lambda e: len(e.mentions))
            screen.select_entity(busiest.id)
            await pilot.pause()
            stories = len(app.analysis.article.stories)
            if stories < 2:
                raise SystemExit("ui: the long article has one story: no story switch to time")
            handler: dict[str, list[float]] = {"story switch": [], "next mention": []}

            def timed(name: str, action):
                def run(*args):
                    start = time.perf_counter()
                    result = action(*args)
                    handler[name].append(time.perf_counter() - start)
                    return result

                return run

            screen.action_next_story = timed("story switch", screen.action_next_story)
            screen.action_next_match = timed("next mention", screen.action_next_match)

            # Each key in a run of its own: pressed in turn, "n" after "]" would
            # also switch back to the mention's story and time both at once.
            timings: dict[str, list[float]] = {"story switch": [], "next mention": []}
            for name, key in (("story switch", "right_square_bracket"), ("next mention", "n")):
                for _ in range(15):
                    start = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    timings[name].append(time.perf_counter() - start)
            # Baseline: a key nothing is bound to, through the same press and refresh.
            idle = []
            for _ in range(15):
                start = time.perf_counter()
                await pilot.press("x")
                await pilot.pause()
                idle.append(time.perf_counter() - start)
    base = statistics.median(idle)
    print(f"ui: 100k words, {stories} stories, {len(busiest.mentions)} mentions of {busiest.name}")
    for name, values in timings.items():
        median = statistics.median(values)
        own = statistics.median(handler[name]) * 1000
        print(
            f"ui: {name}: median {median * 1000:.0f} ms press-to-refresh; an unbound key "
            f"{base * 1000:.0f} ms; lede's own share {max(0.0, median - base) * 1000:.0f} ms "
            f"(goal < 50 ms), of which its key handler {own:.1f} ms"
        )


def bench_big() -> None:
    """A 10 MB article in the reader: text first, keys answered during the analysis."""
    import asyncio

    asyncio.run(_big())


async def _big() -> None:
    from tui.app.app import LedeApp

    text = big_text(1_800_000)[:10_000_000]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "huge.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        app = LedeApp(path)
        async with app.run_test(size=(160, 45)) as pilot:
            while not app.main_screen.article_view.lines:
                await pilot.pause(0.01)
            shown = time.perf_counter() - start
            view = app.main_screen.article_view
            view.focus()
            latencies = []
            for _ in range(20):  # scroll while the analysis runs in its worker
                begin = time.perf_counter()
                await pilot.press("j")
                await pilot.pause()
                latencies.append(time.perf_counter() - begin)
            busy = app.analysis is None
            while app.analysis is None:
                await pilot.pause(0.5)
            done = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"big: 10 MB article: text on screen after {shown:.1f} s; "
        f"analysis shown after {done:.0f} s; "
        f"scrolling during the analysis ({'running' if busy else 'already done'}): median "
        f"{statistics.median(latencies) * 1000:.0f} ms, worst {max(latencies) * 1000:.0f} ms; "
        f"peak memory {peak:.0f} MiB"
    )


def bench_batch() -> None:
    """Reopening a cached analysis; a folder of 500 articles with --jobs 2 against nlp.pipe."""
    from tui.cache import Cache
    from tui.nlp.loader import load_pipeline
    from tui.pipeline import Options, analyze_cached, default_source, read_article

    with tempfile.TemporaryDirectory() as folder:
        cache = Cache(Path(folder) / "c.sqlite3")
        article = read_article(default_source())
        analyze_cached(article, Options(), cache)
        reopen = best_of(
            5, lambda: analyze_cached(read_article(default_source()), Options(), cache)
        )
        print(
            f"batch: reopening the cached sample analysis {reopen * 1000:.1f} ms "
            "in-process (goal < 50 ms)"
        )

        sources = sorted((ROOT / "sample_data").glob("*.txt"))
        texts = [p.read_text("utf-8") for p in sources]
        articles = Path(folder) / "articles"
        articles.mkdir()
        for i in range(500):
            # Vary each copy a little so no two articles are the same text.
            text = texts[i % len(texts)].replace("said", f"said (report {i})", 1)
            (articles / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
        words = sum(len((articles / f"a{i:03d}.txt").read_text().split()) for i in range(500))
        nlp, _ = load_pipeline()
        all_texts = [(articles / f"a{i:03d}.txt").read_text() for i in range(500)]
        start = time.perf_counter()
        for _ in nlp.pipe(all_texts, batch_size=64):
            pass
        plain = time.perf_counter() - start
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        run_lede("analyze", str(articles), "--json", "--jobs", "2", "--no-cache")
        lede = time.perf_counter() - start
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(
        f"batch: 500 articles ({words} words): lede --jobs 2 {500 / lede:.1f} articles/s, "
        f"{words / lede:.0f} words/s; plain nlp.pipe (one process, no cleaning) "
        f"{500 / plain:.1f} articles/s; ratio {plain / lede:.0%} (goal >= 80%); "
        f"peak memory of one lede process {peak:.0f} MiB"
    )


def bench_cluster(count: int = 2000) -> None:
    """2,000 articles made of the samples' paragraphs: one process, --jobs 2 and a
    local Dask cluster of 2 workers, timed in the same run."""
    import random

    paragraphs = sample_paragraphs()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "articles"
        articles.mkdir()
        for i in range(count):
            body = rng.sample(paragraphs, 8)
            text = f"Report number {i} on many things\n\n" + "\n\n".join(body)
            (articles / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
        timings = {}
        for name, extra in (
            ("one process", []),
            ("--jobs 2", ["--jobs", "2"]),
            ("--scheduler local (2 workers)", ["--scheduler", "local"]),
            ("--scheduler local --shared-fs", ["--scheduler", "local", "--shared-fs"]),
        ):
            start = time.perf_counter()
            run_lede("analyze", str(articles), "--json", "--no-cache", *extra, check=False)
            timings[name] = time.perf_counter() - start
    base = timings["one process"]
    for name, seconds in timings.items():
        print(
            f"cluster: {count} articles, {name}: {seconds:.1f} s, {count / seconds:.1f} "
            f"articles/s, {base / seconds:.2f}x one process"
        )
    jobs, dask = timings["--jobs 2"], timings["--scheduler local (2 workers)"]
    print(
        f"cluster: the Dask path's overhead against --jobs 2: "
        f"{(dask - jobs) / count * 1000:+.1f} ms an article ({dask / jobs:.2f}x)"
    )


def bench_feeds(feeds: int = 50, items: int = 20) -> None:
    """50 local feeds of 20 summary-only items (1,000 article pages): ``lede feeds refresh``
    (fetch every page, then analyse with 2 processes) against ``lede analyze --jobs 2``
    on the same pages read from disk, each with a fresh cache, in the same run."""
    import functools
    import html
    import os
    import random
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    paragraphs = sample_paragraphs()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pages").mkdir()
        (root / "feeds").mkdir()
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        for f in range(feeds):
            entries = []
            for i in range(items):
                n = f * items + i
                title = f"Report {n} on many things"
                body = "".join(f"<p>{html.escape(p)}</p>" for p in rng.sample(paragraphs, 8))
                (root / "pages" / f"p{n:04d}.html").write_text(
                    f"<html><head><title>{title} | Bench Wire</title></head><body>"
                    f"<nav><a href='/'>Home</a> | <a href='/w'>World</a></nav><article>"
                    f"<h1>{title}</h1>{body}</article><footer>© Bench Wire</footer>"
                    "</body></html>",
                    encoding="utf-8",
                )
                entries.append(
                    f"<item><title>{title}</title><link>{base}/pages/p{n:04d}.html</link>"
                    f"<guid>p{n}</guid><description>A summary.</description></item>"
                )
            (root / "feeds" / f"f{f:02d}.xml").write_text(
                f"<rss version='2.0'><channel><title>Feed {f}</title>{''.join(entries)}"
                "</channel></rss>",
                encoding="utf-8",
            )
        (root / "urls").write_text(
            "".join(f"{base}/feeds/f{f:02d}.xml\n" for f in range(feeds)), encoding="utf-8"
        )
        total = feeds * items

        def fresh(name: str) -> dict[str, str]:
            return {
                **os.environ,
                "LEDE_DATA_DIR": str(root / name / "data"),
                "LEDE_CACHE_DIR": str(root / name / "cache"),
            }

        def timed(env: dict[str, str], *args: str) -> float:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "tui", *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
                check=False,
            )
            return time.perf_counter() - start

        fetch_env, full_env = fresh("fetch"), fresh("full")
        for env in (fetch_env, full_env):
            subprocess.run(
                [sys.executable, "-m", "tui", "feeds", "import", str(root / "urls")],
                env=env,
                stdout=subprocess.DEVNULL,
                check=True,
            )
        fetch = timed(fetch_env, "feeds", "refresh", "--no-analysis")
        refresh = timed(full_env, "feeds", "refresh", "--jobs", "2")
        batch = timed(fresh("batch"), "analyze", str(root / "pages"), "--json", "--jobs", "2")
        httpd.shutdown()
    print(
        f"feeds: {feeds} feeds x {items} items: fetching only {fetch:.1f} s "
        f"({total / fetch:.0f} items/s)"
    )
    print(
        f"feeds: refresh with the analysis {refresh:.1f} s ({total / refresh:.1f} items/s) "
        f"against lede analyze --jobs 2 on the same pages {batch:.1f} s "
        f"({total / batch:.1f} articles/s): {batch / refresh:.2f}x the batch path's rate"
    )


def bench_html(limit: int = 180) -> None:
    import trafilatura

    from tui.pipeline import read_article

    dev = ROOT.parent / "shared" / "dev" / "web" / "html"
    folder = dev if dev.is_dir() else ROOT / "tests" / "data" / "sources"
    pages = sorted(folder.glob("*.html"))[:limit]
    datas = [p.read_bytes() for p in pages]
    totals = {"extract": [], "extract+metadata": [], "lede": []}
    for path, data in zip(pages, datas, strict=True):
        # Interleaved per page, best of two: the three see the same machine load.
        runs = {
            "extract": lambda d=data: trafilatura.extract(
                d, include_comments=False, include_tables=True
            ),
            "extract+metadata": lambda d=data: trafilatura.extract(
                d, include_comments=False, include_tables=True, with_metadata=True
            ),
            "lede": lambda p=path: read_article(p),
        }
        for name, fn in runs.items():
            totals[name].append(best_of(2, fn))
    base = sum(totals["extract"])
    meta = sum(totals["extract+metadata"])
    ours = sum(totals["lede"])
    print(
        f"html: {len(pages)} pages; trafilatura extract {base:.2f} s, with metadata "
        f"{meta:.2f} s; lede's HTML path {ours:.2f} s: {ours / base:.2f}x extract, "
        f"{ours / meta:.2f}x extract with metadata (goal <= 1.3x)"
    )


def main() -> None:

    sections = sys.argv[1:] or ["clean", "nlp", "ui", "batch"]
    for section in sections:
        {
            "clean": bench_clean,
            "nlp": bench_nlp,
            "ui": bench_ui,
            "big": bench_big,
            "batch": bench_batch,
            "html": bench_html,
            "cluster": bench_cluster,
            "feeds": bench_feeds,
        }[section]()


if __name__ == "__main__":
    main()
