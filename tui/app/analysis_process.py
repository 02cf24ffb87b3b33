"""Analysis of a big article in a separate process.

spaCy holds Python's interpreter lock for long stretches; in a thread beside
the reader it would make the keys wait. A child process keeps the reader
answering; it reports progress and the result through a queue.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable
from typing import Any

from tui.errors import LedeError, one_line
from tui.model import Analysis, Article
from tui.options import Options

# Above this many characters the analysis runs in a child process.
BIG_ARTICLE_CHARS = 300_000


def is_big(article: Article) -> bool:
    return sum(len(s.text) for s in article.stories) > BIG_ARTICLE_CHARS


def _child(article: Article, options: Options, cache: bool, results: Any) -> None:
    from tui.pipeline import analyze_cached

    try:
        store = None
        if cache:
            from tui.cache import Cache

            store = Cache()
        analysis = analyze_cached(article, options, store, lambda f: results.put(("progress", f)))
        results.put(("done", analysis.to_dict()))
    except Exception as error:
        results.put(("error", one_line(error)))


def analyze_in_process(
    article: Article,
    options: Options,
    cache: bool,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
) -> Analysis | None:
    """Run the analysis in a child process; None if cancelled."""
    from tui.model import analysis_from_dict

    # fork: the child starts at once with what the reader already loaded; it
    # only runs the pure pipeline and writes to its queue.
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    # Not a daemon: spaCy may start two workers of its own for a big article
    # (daemons may not have children); the finally below always ends it.
    child = context.Process(target=_child, args=(article, options, cache, results), daemon=False)
    child.start()
    try:
        while True:
            if cancelled():
                return None
            try:
                kind, payload = results.get(timeout=0.2)
            except queue.Empty:
                if not child.is_alive():
                    raise LedeError("the analysis process stopped unexpectedly") from None
                continue
            if kind == "progress":
                progress(payload)
            elif kind == "done":
                return analysis_from_dict(payload)
            else:
                raise LedeError(payload)
    finally:
        if child.is_alive():
            child.terminate()
        child.join(timeout=5)
