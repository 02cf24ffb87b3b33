"""`lede analyze --scheduler`: the same JSON Lines as one process, on a Dask
LocalCluster of two worker processes; failures told in one line, a dead worker's
batch run again elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTICLES
from tui.cli import main

pytest.importorskip("dask.distributed")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_cluster_gives_the_same_lines_as_one_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = [str(p) for p in ARTICLES]
    status, alone, _ = _run(["analyze", *sources, "--json", "--no-cache"], capsys)
    assert status == 0
    status, clustered, err = _run(
        ["analyze", *sources, "--json", "--no-cache", "--scheduler", "local"], capsys
    )
    assert status == 0 and clustered == alone
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith(
            f"lede: analysed {len(sources)} of {len(sources)} articles, 0 failed, 0 from the cache;"
        )
    )
    workers = min(2, os.cpu_count() or 1)  # what the local cluster starts on this machine
    assert err.strip().endswith(f"on {workers} worker{'s' if workers > 1 else ''}")


def test_a_failing_article_and_a_killed_worker_are_survived(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    doomed = tmp_path / "doomed-story.txt"
    doomed.write_text(ARTICLES[0].read_text("utf-8"), encoding="utf-8")
    # The worker that analyses "doomed-story" dies (once): its batch runs again.
    monkeypatch.setenv("LEDE_TEST_CRASH_ON", "doomed-story")
    monkeypatch.setenv("LEDE_TEST_CRASH_MARKER", str(tmp_path))
    sources = [str(ARTICLES[1]), str(empty), str(doomed), str(ARTICLES[2])]
    status, out, err = _run(
        ["analyze", *sources, "--json", "--no-cache", "--scheduler", "local", "--shared-fs"],
        capsys,
    )
    assert status == 1  # one article failed
    assert (tmp_path / "crashed").exists()  # a worker did die
    lines = out.splitlines()
    assert len(lines) == 3  # the three good articles, in the order given
    import json

    assert [json.loads(line)["source"] for line in lines] == [sources[0], sources[2], sources[3]]
    messages = [line for line in err.splitlines() if line.startswith("lede: ")]
    assert f"lede: {empty}: the file is empty" in messages
    assert messages[-1].startswith("lede: analysed 3 of 4 articles, 1 failed")


def test_the_cache_answers_on_the_client(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sources = [str(p) for p in ARTICLES[:3]]
    status, first, _ = _run(["analyze", *sources, "--json"], capsys)
    assert status == 0
    status, again, err = _run(["analyze", *sources, "--json", "--scheduler", "local"], capsys)
    assert status == 0 and again == first
    assert "3 from the cache" in err


def test_the_default_path_imports_no_dask() -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"main(['analyze', {str(ARTICLES[0])!r}, '--json', '--no-nlp'])\n"
        "assert 'dask' not in sys.modules and 'distributed' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_unreachable_scheduler_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(
        ["analyze", str(ARTICLES[0]), "--json", "--scheduler", "tcp://127.0.0.1:9"], capsys
    )
    assert status == 2
    assert err.startswith("lede: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1
