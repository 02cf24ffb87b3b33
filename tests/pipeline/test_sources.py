"""Sources beyond plain text: HTML (trafilatura), Markdown (markdown-it-py), stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, SAMPLE
from tui.cli import main
from tui.ingest import read_string, sniff
from tui.pipeline import analyze, read_article

SOURCES = DATA / "sources"


@pytest.fixture(scope="module")
def text_reading() -> tuple[list[list[str]], set[tuple[str, str]]]:
    analysis = analyze(SAMPLE)
    stories = [[p.text for p in s.paragraphs] for s in analysis.article.stories]
    return stories, {(e.name, e.type) for e in analysis.entities}


@pytest.mark.parametrize(
    "name",
    [
        "north-korea-fm-russia.html",
        "north-korea-fm-russia-wordpress.html",  # the card is a WordPress embed
        "north-korea-fm-russia.md",
    ],
)
def test_sample_rewritten_reads_as_the_same_stories_and_entities(name: str, text_reading) -> None:
    stories, entities = text_reading
    analysis = analyze(SOURCES / name)
    assert [[p.text for p in s.paragraphs] for s in analysis.article.stories] == stories
    assert [s.title for s in analysis.article.stories] == [
        "North Korea FM in Russia as activated diplomacy continues",
        "North Korean foreign minister travels to China",
    ]
    assert {(e.name, e.type) for e in analysis.entities} == entities
    assert analysis.article.metadata.date == "2018-04-10"
    assert [e.value for e in analysis.timeline][:3] == ["2011", "2017", "2018-01-01"]


def test_html_page_chrome_never_reaches_a_story_and_is_kept_with_reasons() -> None:
    article = read_article(SOURCES / "north-korea-fm-russia.html")
    story_text = "\n".join(s.text for s in article.stories)
    reasons = {r.text: r.reason for r in article.removed}
    assert (
        reasons[
            "We use cookies to improve your experience. By continuing you accept our cookie policy."
        ]
        == "cookie notice"
    )
    assert reasons["Sport"] == "navigation"
    assert reasons["Share on Facebook Tweet"] == "share buttons"
    assert reasons["Oil prices climb to three-year high"] == "most-read list"
    assert reasons["© 2018 World Desk. All rights reserved."] == "page footer"
    for text in reasons:
        assert text not in story_text
    assert article.metadata.site == "World Desk"


def test_html_related_card_in_an_aside_becomes_an_embedded_story() -> None:
    article = read_article(SOURCES / "north-korea-fm-russia.html")
    embedded = article.stories[1]
    assert embedded.kind == "embedded" and len(embedded.paragraphs) == 3


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Ferry fares cut as bridge shuts\n\nThe ferry company cut its fares on Monday, "
        "the **city** said, as the [old bridge](http://x) closed for repairs.\n\n"
        "- Fares fall by a third from June.\n\n"
        "The bridge will reopen next spring, officials said.\n"
    )
    article = read_article(path)
    assert article.title == "Ferry fares cut as bridge shuts"
    assert article.metadata.date is None
    texts = [p.text for p in article.stories[0].paragraphs]
    assert texts[0] == (
        "The ferry company cut its fares on Monday, the city said, "
        "as the old bridge closed for repairs."
    )
    assert "Fares fall by a third from June." in texts


def test_broken_markup_reads_without_crashing(tmp_path: Path) -> None:
    html = tmp_path / "broken.html"
    html.write_text(
        "<html><body><article><h1>Storm closes the harbour<p>The harbour closed on Monday "
        "as the storm hit the coast, the port authority said.<p>Ferries will not run until "
        "Thursday, it said, <b>and <i>fishing boats</b> stay in port.</div></article>"
    )
    article = read_article(html)
    assert any("Ferries will not run" in p.text for p in article.stories[0].paragraphs)
    markdown = tmp_path / "broken.md"
    markdown.write_text(
        "# Storm closes the harbour\n\nThe harbour closed on Monday as the storm hit the coast, "
        "officials said.\n\n```\nunclosed code fence\n\n**bold never closed and [a link(\n"
    )
    assert read_article(markdown).title == "Storm closes the harbour"


def test_bad_front_matter_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nSome text about the harbour that reopened.\n")
    assert main(["analyze", str(path), "--no-nlp"]) == 2
    assert "front matter is not valid YAML" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["north-korea-fm-russia.html", "north-korea-fm-russia.md"])
def test_stdin_is_sniffed_like_a_file(name: str) -> None:
    data = (SOURCES / name).read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "tui", "analyze", "-", "--json", "--no-nlp"],
        input=data,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert analysis["source"] == "-"
    assert len(analysis["stories"]) == 2


def test_a_div_based_layout_with_related_links_and_comments() -> None:
    article = read_article(SOURCES / "city-council-divs.html")
    assert article.title == "Council backs new tram line to the hospital"
    assert article.metadata.date == "2024-09-17"
    assert article.metadata.site == "Northfield Echo"
    main_story = article.stories[0]
    texts = [p.text for p in main_story.paragraphs]
    assert texts[0].startswith("Northfield council voted on Monday")
    assert texts[-1].startswith("“This is") or texts[-1].startswith('"This is the biggest')
    assert len(article.stories) == 1 and len(texts) == 4
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Tram plan: what you need to know"] == "related links"
    assert reasons["Tom_N: About time, the buses are always full."] == "comments"
    assert "Home | News | Sport | What's on" in reasons


def test_a_scraped_page_with_a_shell_comment_is_not_read_as_markdown() -> None:
    """A "# …" line is a heading in Markdown and a comment in a shell snippet:
    a page saved a line a paragraph, with no blank line, is plain text."""
    lines = [
        "Home | Linux | Security",
        "How to check which libraries a binary loads",
        "Run ldd on the program to list the shared libraries it needs at start.",
        "# ldd `which openssl`",
        "The output names each library and the path it was found at.",
        "Related posts",
    ]
    text = "\n".join(lines) + "\n"
    assert sniff(text, "-") == "text"
    assert [b.text for b in read_string(text, "-").blocks] == lines
    markdown = "# Which libraries\n\nRun ldd on the program.\n\n## Output\n\nIt lists them.\n"
    assert sniff(markdown, "-") == "markdown"
