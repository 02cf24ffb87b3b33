"""The command line: output formats and one-line errors for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tui.cli import main


def run_lede(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        env={**os.environ, "COLUMNS": "100"},
    )


def _assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lede: ")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_path(tmp_path: Path) -> None:
    _assert_one_line_error(run_lede("analyze", str(tmp_path / "nope.txt")), "no such file")


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    _assert_one_line_error(run_lede("analyze", str(tmp_path)), "no articles")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n\n  \n")
    _assert_one_line_error(run_lede("analyze", str(path)), "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 64)
    _assert_one_line_error(run_lede("analyze", str(path)), "binary")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    _assert_one_line_error(run_lede("analyze", str(path)), "limit")


def test_bad_date_option() -> None:
    _assert_one_line_error(run_lede("analyze", str(SAMPLE), "--date", "yesterday"), "not a date")


def test_reader_refuses_missing_file(tmp_path: Path) -> None:
    _assert_one_line_error(run_lede(str(tmp_path / "nope.txt")), "no such file")


def test_text_format_prints_the_main_story_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLE), "--format", "text"]) == 0
    out = capsys.readouterr().out
    blocks = out.strip().split("\n\n")
    assert blocks[0] == "North Korea FM in Russia as activated diplomacy continues"
    assert len(blocks) == 1 + 11
    assert blocks[1].startswith("North Korea’s Foreign Minister Ri Yong-ho")
    assert "travels to China" not in out and "Back to top" not in out


def test_rich_format_shows_stories_and_removed_blocks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLE), "--no-nlp"]) == 0
    out = capsys.readouterr().out
    assert "Main story" in out and "Embedded story" in out
    assert "breadcrumb" in out and "Back to top button" in out
    assert "2018-04-10" in out


def test_json_for_a_folder_is_one_line_per_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLE.parent), "--json", "--no-nlp"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == len(list(SAMPLE.parent.glob("*.txt")))
    assert all(json.loads(line)["schema_version"] == 2 for line in lines)
    articles = len(lines)
    assert f"analysed {articles} of {articles} articles, 0 failed" in captured.err


def test_one_bad_file_among_several_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["analyze", str(SAMPLE), str(empty), "--json", "--no-nlp"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 1
    assert "empty" in captured.err and "1 failed" in captured.err


def test_version() -> None:
    result = run_lede("--version")
    assert result.returncode == 0 and result.stdout.startswith("lede ")


def test_explain_says_which_rule_removed_each_block(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLE), "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("2 removed blocks")
    assert lines[1].split() == [
        "line", "1", "block.breadcrumb", "[breadcrumb]", "Asia-PacificKoreaWorld", "News",
    ]  # fmt: skip
    assert lines[2].split()[:4] == ["line", "35", "chrome.buttons", "[page"]
    assert lines[-1] == "by rule: block.breadcrumb 1, chrome.buttons 1"


def test_explain_gives_the_classifier_s_score_and_features(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.conftest import SAMPLE_DATA

    assert main(["analyze", str(SAMPLE_DATA / "messy-page-port-strike.txt"), "--explain"]) == 0
    out = capsys.readouterr().out
    learned = [
        line
        for line in out.splitlines()
        if line.startswith("line") and "learned.classifier" in line
    ]
    assert learned, out
    scores = [line for line in out.splitlines() if line.strip().startswith("score 0.")]
    assert len(scores) == len(learned)
    assert all("; against it: " in line for line in scores)


def test_json_removed_blocks_carry_their_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLE), "--json", "--no-nlp"]) == 0
    removed = json.loads(capsys.readouterr().out)["removed"]
    assert [(r["reason"], r["rule"]) for r in removed] == [
        ("breadcrumb", "block.breadcrumb"),
        ("page chrome", "chrome.buttons"),
    ]
