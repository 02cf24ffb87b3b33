"""`lede analyze --scheduler`: the analysis of many articles on a Dask cluster.

The client reads, cleans and segments each local article (milliseconds, no
model), answers what the analysis cache already holds, and sends the rest
in batches; a worker loads the spaCy pipeline once per process (the loader
keeps it) and runs the language stages over its batch. With ``shared_fs``
the workers read the paths themselves; addresses (http, https) are always
fetched by the workers. Results come back as Analysis JSON, in the order
given, as batches finish, with only a bounded number of batches in flight:
the client never holds a million analyses.

Dask is an optional extra (``lede[cluster]``); nothing here is imported on
the default path.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.errors import LedeError, one_line
from tui.options import Options

if TYPE_CHECKING:
    from tui.cache import Cache
    from tui.model import Analysis, Article

# Articles a batch holds: enough that a worker's turn is mostly NLP, few enough
# that a lost worker costs little to redo.
BATCH_SIZE = 16
# Batches in flight per worker: the client holds at most this many results.
IN_FLIGHT_PER_WORKER = 2
# A worker that dies has its batch run again this many times elsewhere.
RETRIES = 2
# For resilience tests: a worker process analysing an article whose source
# contains this text stops dead, once (a marker file next to it says it did).
CRASH_ENV = "LEDE_TEST_CRASH_ON"


@dataclass(frozen=True, slots=True)
class Item:
    """One article as sent: a source to read there, or an article read here."""

    source: str
    article: Article | None = None


@dataclass(slots=True)
class Summary:
    articles: int = 0
    failures: int = 0
    cached: int = 0
    workers: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"lede: analysed {self.articles - self.failures} of {self.articles} articles, "
            f"{self.failures} failed, {self.cached} from the cache; {rate:.1f} articles/s "
            f"on {self.workers} worker{'s' if self.workers != 1 else ''}"
        )


def analyze_batch(items: list[Item], options: Options) -> list[tuple[bool, str]]:
    """On a worker: each article's Analysis JSON, or its failure in one line."""
    from tui.pipeline import analyze_article, read_article
    from tui.render.jsonout import to_json

    out: list[tuple[bool, str]] = []
    for item in items:
        try:
            _maybe_crash(item.source)
            article = item.article or read_article(item.source, options)
            out.append((True, to_json(analyze_article(article, options))))
        except Exception as error:
            message = one_line(error)
            out.append((False, message if item.source in message else f"{item.source}: {message}"))
    return out


def _maybe_crash(source: str) -> None:
    wanted = os.environ.get(CRASH_ENV)
    if not wanted or wanted not in source:
        return
    marker = Path(os.environ.get("LEDE_TEST_CRASH_MARKER", "/nonexistent")) / "crashed"
    if not marker.exists():
        marker.touch()
        os._exit(1)


def connect(scheduler: str) -> tuple[Any, Any]:
    """A Dask client: a scheduler's address, or "local" for a LocalCluster here."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise LedeError(
            "--scheduler needs Dask: install lede with its cluster extra (lede[cluster])"
        ) from None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=min(2, os.cpu_count() or 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="10s"), None
    except OSError as error:
        raise LedeError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None


def run(
    sources: list[str | Path],
    options: Options,
    scheduler: str,
    *,
    cache: Cache | None = None,
    shared_fs: bool = False,
    batch_size: int = BATCH_SIZE,
    advance: Callable[[], None] = lambda: None,
    summary: Summary | None = None,
) -> Iterator[tuple[bool, str, Analysis | None]]:
    """Each source's result in the order given: (ok, JSON or error line, analysis or None).

    The analysis is given back (for other output formats) only when the
    client has it anyway; the JSON is what was computed.
    """
    from dask.distributed import as_completed

    summary = summary or Summary()
    started = time.perf_counter()
    client, cluster = connect(scheduler)
    try:
        summary.workers = len(client.scheduler_info().get("workers", {})) or 1
        window = max(2, IN_FLIGHT_PER_WORKER * summary.workers)
        ready: dict[int, list[tuple[bool, str, Analysis | None]]] = {}
        batches = _batches(sources, options, cache, shared_fs, batch_size, summary)
        running: dict[Any, int] = {}
        pending_keys: dict[int, list[str | None]] = {}
        queue = as_completed()
        emitted = 0
        exhausted = False
        while True:
            # Keep at most ``window`` batches sent or waiting to be written.
            while not exhausted and len(running) + len(ready) < window:
                try:
                    number, done, keys, to_send = next(batches)
                except StopIteration:
                    exhausted = True
                    break
                ready[number] = done  # its open slots are filled when the batch is back
                if to_send:
                    future = client.submit(
                        analyze_batch, to_send, options, retries=RETRIES, pure=False
                    )
                    running[future] = number
                    pending_keys[number] = keys
                    queue.add(future)
            while emitted in ready and all(r is not None for r in ready[emitted]):
                for result in ready.pop(emitted):
                    advance()
                    summary.articles += 1
                    summary.failures += 0 if result[0] else 1
                    yield result
                emitted += 1
            if exhausted and not running and not ready:
                break
            if not running:
                continue
            future = next(queue)
            number = running.pop(future)
            ready[number] = _merge(ready[number], pending_keys.pop(number), future, cache)
    finally:
        summary.seconds = time.perf_counter() - started
        client.close()
        if cluster is not None:
            cluster.close()


def _batches(
    sources: list[str | Path],
    options: Options,
    cache: Cache | None,
    shared_fs: bool,
    batch_size: int,
    summary: Summary,
) -> Iterator[tuple[int, list[Any], list[str | None], list[Item]]]:
    """Numbered batches: each article's slot (its result if known here, else None),
    the cache keys of the articles sent (None where not known here), and the items."""
    from tui.pipeline import read_article
    from tui.render.jsonout import to_json

    for number, start in enumerate(range(0, len(sources), batch_size)):
        slots: list[Any] = []
        keys: list[str | None] = []
        to_send: list[Item] = []
        for source in sources[start : start + batch_size]:
            name = str(source)
            remote = shared_fs or name.startswith(("http://", "https://"))
            if remote:
                slots.append(None)
                keys.append(None)
                to_send.append(Item(name))
                continue
            try:
                article = read_article(source, options)
            except Exception as error:
                message = one_line(error)
                slots.append((False, message if name in message else f"{name}: {message}", None))
                continue
            key = _key(article, options) if cache is not None else None
            found = cache.get(key) if cache is not None and key is not None else None
            if found is not None:
                summary.cached += 1
                slots.append((True, to_json(found), found))
            else:
                slots.append(None)
                keys.append(key)
                to_send.append(Item(name, article))
        yield number, slots, keys, to_send


def _key(article: Article, options: Options) -> str | None:
    if not options.nlp:
        return None
    from tui.cache import cache_key

    return cache_key(article, options.date, options.model)


def _merge(slots: list[Any], keys: list[str | None], future: Any, cache: Cache | None) -> list[Any]:
    """Fill a batch's open slots with what its worker sent (or its failure)."""
    import json

    try:
        results = future.result()
    except Exception as error:  # the batch failed on every worker it was tried on
        results = None
        failure = f"the batch failed on the cluster ({one_line(error)})"
    merged: list[Any] = []
    sent = iter(results or [])
    sent_keys = iter(keys)
    for slot in slots:
        if slot is not None:
            merged.append(slot)
            continue
        key = next(sent_keys)
        if results is None:
            merged.append((False, failure, None))
            continue
        ok, output = next(sent)
        analysis = None
        if ok and cache is not None and key is not None:
            from tui.model import analysis_from_dict

            analysis = analysis_from_dict(json.loads(output))
            cache.put(key, analysis)
        merged.append((ok, output, analysis))
    return merged
