"""The analysis cache: hits, misses, damage, locks, two processes at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE
from tui.cache import Cache, cache_key
from tui.cli import main
from tui.pipeline import Options, analyze_cached, read_article
from tui.render.jsonout import to_json


def test_second_analysis_comes_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path / "c.sqlite3")
    first = analyze_cached(read_article(SAMPLE), Options(), cache)

    def no_analysis(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed again")

    monkeypatch.setattr("tui.pipeline.analyze_article", no_analysis)
    second = analyze_cached(read_article(SAMPLE), Options(), cache)
    assert to_json(second) == to_json(first)


def test_key_changes_with_content_and_options() -> None:
    article = read_article(SAMPLE)
    base = cache_key(article, None, None)
    assert cache_key(article, "2019-01-01", None) != base
    assert cache_key(article, None, "en_core_web_md") != base
    other = read_article(SAMPLE.parent / "no-chrome-library.txt")
    assert cache_key(other, None, None) != base


def test_damaged_cache_is_rebuilt_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = Cache(path)
    assert cache.get("anything") is None
    assert "damaged" in capsys.readouterr().err
    analysis = analyze_cached(read_article(SAMPLE), Options(), cache)
    assert cache.get(cache_key(read_article(SAMPLE), None, None)) is not None
    assert analysis.entities


def test_locked_cache_is_bypassed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("tui.cache.BUSY_TIMEOUT", 0.1)
    path = tmp_path / "c.sqlite3"
    Cache(path).info()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        analysis = analyze_cached(read_article(SAMPLE), Options(), Cache(path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert analysis.entities
    assert "going on without it" in capsys.readouterr().err


WRITER = """
import sys
sys.path.insert(0, {root!r})
from tui.cache import Cache
from tui.pipeline import analyze_cached, read_article, Options
from tui.model import analysis_from_dict
cache = Cache(__import__('pathlib').Path({path!r}))
analysis = analyze_cached(read_article({sample!r}), Options(nlp=False))
from tui.model import Analysis
for i in range(40):
    cache.put(f"{{sys.argv[1]}}-{{i}}", analysis)
    assert cache.get(f"{{sys.argv[1]}}-{{i}}") is not None
"""


def test_two_processes_at_once_do_not_corrupt_it(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    code = WRITER.format(root=str(ROOT), path=str(path), sample=str(SAMPLE))
    writers = [subprocess.Popen([sys.executable, "-c", code, name]) for name in ("a", "b")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM analyses").fetchone()[0] == 80
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_cache_commands_and_no_cache(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache", "clear"]) == 0
    capsys.readouterr()
    assert main(["analyze", str(SAMPLE), "--json", "--no-cache"]) == 0
    capsys.readouterr()
    assert main(["cache", "info"]) == 0
    assert ": 0 analyses" in capsys.readouterr().out
    assert main(["analyze", str(SAMPLE), "--json"]) == 0
    capsys.readouterr()
    assert main(["cache", "info"]) == 0
    assert ": 1 analyses" in capsys.readouterr().out


def test_jobs_give_the_same_lines_in_the_same_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLE.parent), "--json", "--no-cache"]) == 0
    one = capsys.readouterr().out
    assert main(["analyze", str(SAMPLE.parent), "--json", "--no-cache", "--jobs", "2"]) == 0
    assert capsys.readouterr().out == one
