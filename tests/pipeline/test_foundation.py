"""The foundation: ingest, clean and segment read articles as a person would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTICLES, EXPECTED, SAMPLE, placed_blocks
from tui.model import PARAGRAPH_SEPARATOR
from tui.pipeline import Options, read_article


def test_sample_reads_as_design_says() -> None:
    article = read_article(SAMPLE)
    assert article.title == "North Korea FM in Russia as activated diplomacy continues"
    assert article.metadata.categories == ["Asia-Pacific", "Korea", "World News"]
    assert article.metadata.date == "2018-04-10"
    assert article.metadata.date_source == "sidecar"
    main, embedded = article.stories
    assert (main.kind, embedded.kind) == ("main", "embedded")
    assert len(main.paragraphs) == 11
    assert main.paragraphs[0].text.startswith("North Korea’s Foreign Minister Ri Yong-ho")
    assert main.paragraphs[5].text.startswith("The Russia visit takes place")
    assert embedded.title == "North Korean foreign minister travels to China"
    assert len(embedded.paragraphs) == 3
    assert embedded.paragraphs[-1].text.endswith("main trading partner and political ally.")
    assert [(r.source_line, r.reason) for r in article.removed] == [
        (1, "breadcrumb"),
        (35, "page chrome"),
    ]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_article_reads_as_expected(path: Path) -> None:
    expected = json.loads((EXPECTED / f"{path.stem}.json").read_text("utf-8"))
    article = read_article(path)
    meta = article.metadata
    assert article.title == expected["title"]
    assert meta.date == expected["date"]
    assert meta.byline == expected["byline"]
    assert meta.dateline == expected["dateline"]
    assert meta.categories == expected["categories"]
    assert len(article.stories) == len(expected["stories"])
    for story, want in zip(article.stories, expected["stories"], strict=True):
        assert story.kind == want["kind"]
        assert story.title == want["title"]
        assert [p.source_line for p in story.paragraphs] == want["paragraph_lines"]
        assert story.paragraphs[0].text.startswith(want["first_words"])
        assert [text for _, text, _ in story.subheadings] == want["subheadings"]
    if "kinds" in expected:
        assert [p.kind for p in article.stories[0].paragraphs] == expected["kinds"]
    removed = {r.source_line: r.reason for r in article.removed}
    assert sorted(removed) == expected["removed"]["lines"]
    # Where a reader names the reason, lede gives that reason (its cue may follow).
    for line, reason in expected["removed"]["reasons"].items():
        assert removed[int(line)].split(" (")[0] == reason, line


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_nothing_lost(path: Path) -> None:
    """Invariant 1: every block of the input is in exactly one story or removed,
    and every letter of every non-blank line is in one of them."""
    from tui.invariants import check_nothing_lost, lost_characters
    from tui.pipeline import build_article, read_raw

    raw = read_raw(path)
    blocks, pre_removed = list(raw.blocks), list(raw.pre_removed)
    article = build_article(raw)
    assert check_nothing_lost(article, blocks, pre_removed) == []
    assert lost_characters(path.read_text("utf-8"), article) == 0
    first_lines = {number for number, _ in placed_blocks(article)}
    non_blank = {
        number
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if line.strip()
    }
    assert first_lines <= non_blank and min(first_lines) == min(non_blank)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_paragraph_offsets_are_exact(path: Path) -> None:
    for story in read_article(path).stories:
        text = story.text
        for paragraph in story.paragraphs:
            assert text[paragraph.start : paragraph.end] == paragraph.text
        assert text == PARAGRAPH_SEPARATOR.join(p.text for p in story.paragraphs)


def _json_lines(seed: str, *extra: str) -> bytes:
    """``lede analyze`` over every sample article in a fresh process."""
    command = [sys.executable, "-m", "tui", "analyze", *map(str, ARTICLES), "--json", "--no-cache"]
    result = subprocess.run(
        [*command, *extra],
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_json_is_byte_identical_across_processes() -> None:
    """Invariant 3 for the cleaning stages: two processes, two hash seeds, same bytes."""
    first, second = _json_lines("1", "--no-nlp"), _json_lines("2", "--no-nlp")
    assert first == second
    lines = first.decode("utf-8").splitlines()
    assert len(lines) == len(ARTICLES)
    data = json.loads(lines[0])
    assert data["schema_version"] == 2
    assert data["stories"][0]["id"] == "main"


def test_date_option_overrides_the_sidecar() -> None:
    article = read_article(SAMPLE, Options(date="2019-01-02"))
    assert article.metadata.date == "2019-01-02"
    assert article.metadata.date_source == "option"


def test_article_without_date_reports_none(tmp_path: Path) -> None:
    copy = tmp_path / "article.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    assert read_article(copy).metadata.date is None


def test_full_analysis_json_is_byte_identical_across_processes() -> None:
    """Invariant 3 with the language stages: same input, same bytes, whatever the hash seed."""
    first, second = _json_lines("3"), _json_lines("4")
    assert first == second
    assert all(json.loads(line)["model"] for line in first.decode("utf-8").splitlines())
