"""The analysis cache: SQLite in the user cache folder, keyed by content.

The key is a hash of the cleaned article, the options, lede's schema,
version and analysis code, and the spaCy pipeline's name and version, so a
change to any of them misses. WAL mode lets two lede processes read and write at once. A
corrupt file is moved aside and rebuilt, a locked one bypassed: either way
with a warning on stderr, never a crash.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import TypedDict

from tui import __version__
from tui.model import SCHEMA_VERSION, Analysis, Article, analysis_from_dict

FILE_NAME = "analyses.sqlite3"
BUSY_TIMEOUT = 5.0  # seconds to wait for another lede holding the cache


def cache_dir() -> Path:
    """Where the cache lives: $LEDE_CACHE_DIR, else the platform's user cache folder."""
    override = os.environ.get("LEDE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("lede"))


def cache_path() -> Path:
    return cache_dir() / FILE_NAME


@functools.cache
def code_fingerprint() -> str:
    """A hash of the analysis code itself: a changed rule never serves a stale analysis."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".json", ".txt"} and "app" not in path.relative_to(package).parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def model_fingerprint(model: str | None) -> str:
    """The pipeline that would run, without loading it: name and package version."""
    from importlib import metadata

    from tui.nlp.loader import DEFAULT_MODELS

    for name in (model,) if model else DEFAULT_MODELS:
        try:
            version = metadata.version(name.replace("_", "-"))
        except metadata.PackageNotFoundError:
            continue
        return f"{name} {version} spacy {metadata.version('spacy')}"
    return f"{model} spacy {metadata.version('spacy')}"


def cache_key(article: Article, date: str | None, model: str | None) -> str:
    content = json.dumps(
        {
            "source": article.source,
            "metadata": article.metadata.to_dict(),
            "stories": [s.to_dict() for s in article.stories],
            "removed": [r.to_dict() for r in article.removed],
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    parts = [
        content,
        str(date),
        model_fingerprint(model),
        str(SCHEMA_VERSION),
        __version__,
        code_fingerprint(),
    ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


class CacheInfo(TypedDict):
    """What ``lede cache info`` prints."""

    path: str
    entries: int
    bytes: int


class Cache:
    """Get and put analyses; every failure degrades to "no cache" with a warning."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_path()
        self._connection: sqlite3.Connection | None = None
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._connection is not None:
            return self._connection
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = self._open()
        except sqlite3.DatabaseError as error:
            if "locked" in str(error) or "busy" in str(error):
                self._give_up(f"the cache is locked ({error}); going on without it")
                return None
            self._rebuild(error)
        except OSError as error:
            self._give_up(f"cannot use the cache at {self.path} ({error.strerror})")
            return None
        return self._connection

    def _open(self) -> sqlite3.Connection:
        """Open the file; a second lede setting it up at the same moment is waited for."""
        for attempt in range(5):
            try:
                return self._open_once()
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or attempt == 4:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _open_once(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)

        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS analyses "
            "(key TEXT PRIMARY KEY, source TEXT, created REAL, json TEXT NOT NULL)"
        )
        connection.execute("SELECT count(*) FROM analyses").fetchone()
        return connection

    def _rebuild(self, error: Exception) -> None:
        warn(f"the cache file {self.path} is damaged ({error}); starting a new one")
        try:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._connection = self._open()
        except (sqlite3.DatabaseError, OSError) as again:
            self._give_up(f"cannot rebuild the cache ({again}); going on without it")

    def _give_up(self, message: str) -> None:
        warn(message)
        self._broken = True
        self._connection = None
        return None

    def get(self, key: str) -> Analysis | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT json FROM analyses WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as error:
            self._give_up(f"cannot read the cache ({error}); going on without it")
            return None
        if row is None:
            return None
        try:
            return analysis_from_dict(json.loads(row[0]))
        except (ValueError, KeyError, TypeError):
            return None  # an entry from another schema: analyse again

    def put(self, key: str, analysis: Analysis) -> None:
        connection = self._connect()
        if connection is None:
            return
        payload = json.dumps(analysis.to_dict(), ensure_ascii=False)
        try:
            connection.execute(
                "INSERT OR REPLACE INTO analyses (key, source, created, json) VALUES (?, ?, ?, ?)",
                (key, analysis.article.source, time.time(), payload),
            )
        except sqlite3.DatabaseError as error:
            self._give_up(f"cannot write to the cache ({error}); going on without it")

    def info(self) -> CacheInfo:
        connection = self._connect()
        entries = 0
        if connection is not None:
            with closing(connection.execute("SELECT count(*) FROM analyses")) as cursor:
                entries = cursor.fetchone()[0]
        size = sum(
            Path(f"{self.path}{s}").stat().st_size
            for s in ("", "-wal")
            if Path(f"{self.path}{s}").exists()
        )
        return {"path": str(self.path), "entries": entries, "bytes": size}

    def clear(self) -> int:
        connection = self._connect()
        if connection is None:
            return 0
        count = connection.execute("SELECT count(*) FROM analyses").fetchone()[0]
        connection.execute("DELETE FROM analyses")
        connection.execute("VACUUM")
        return int(count)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def warn(message: str) -> None:
    print(f"lede: warning: {message}", file=sys.stderr)
