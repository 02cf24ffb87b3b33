"""Property tests: for any input, the pipeline holds DESIGN.md's invariants.

Nothing crashes (bad input is a LedeError, nothing else), nothing is lost,
offsets are exact, output is deterministic, and no control or escape
sequence survives into what lede prints. A modest example count keeps CI
fast; scripts/fuzz.py runs the same properties with a large budget.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import placed_blocks
from tui.errors import LedeError
from tui.ingest import read_string
from tui.ingest.decode import sanitize
from tui.ingest.text import text_blocks
from tui.invariants import check_analysis, check_nothing_lost, lost_characters
from tui.model import Analysis, Article
from tui.pipeline import article_from_text

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

CHROME = [
    "Advertisement",
    "Share this article",
    "Facebook Twitter Email",
    "Most read",
    "© 2024 Example Media",
    "We use cookies to improve your experience.",
    "Back to top",
    "By Jane Doe",
    "Published 3 May 2022",
    "Read more: Markets rally on rate hopes",
    "Comments (3)",
    "Home > World > Europe",
    "HomeNewsSport",
    "Photo: A. Smith/Reuters",
]
PROSE = [
    "The council voted on Tuesday to close the old bridge for repairs.",
    "“We had no choice,” the mayor said, adding that the work would take a year.",
    "Traffic will be diverted through the northern districts until the spring.",
    "Engineers found cracks in two of the bridge's five supports last month.",
    "Ferry services across the river will run every half hour instead.",
]
HEADLINES = ["Bridge to close for a year", "Ferry fares cut as bridge shuts", "What happens next"]
ESCAPES = [
    "\x1b[31m",
    "\x1b[0m",
    "\x1b]8;;file:///etc/passwd\x07",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1bP+q\x1b\\",
    "\x9b2J",
    "\x00",
    "\x07",
    "\u200b",
    "\u202e",
]

unicode_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=400
)
line = st.one_of(
    st.sampled_from(CHROME),
    st.sampled_from(PROSE),
    st.sampled_from(HEADLINES),
    unicode_text,
    st.builds(
        lambda a, b, c: a + b + c,
        st.sampled_from(PROSE),
        st.sampled_from(ESCAPES),
        st.sampled_from(PROSE),
    ),
    st.just("[bold red]x[/] [link=file:///etc/passwd]y[/link]"),
)
documents = st.lists(line, min_size=0, max_size=30).map("\n\n".join)


def run_pipeline(text: str) -> Article | None:
    try:
        return article_from_text(text, "property")
    except LedeError:
        return None  # a clear error is a correct outcome for bad input


def check_invariants(text: str, article: Article) -> None:
    """Nothing lost against the blocks the input is read as (a text's lines, or a
    Markdown document's blocks when it sniffs as one), offsets exact, no controls."""
    raw = read_string(text, "property")
    placed = placed_blocks(article)
    for story in article.stories:
        joined = story.text
        for paragraph in story.paragraphs:
            assert joined[paragraph.start : paragraph.end] == paragraph.text
    # Nothing lost: every block exactly once, in a story or removed.
    assert check_nothing_lost(article, raw.blocks, raw.pre_removed) == []
    if raw.format == "text":
        assert [(b.source_line, b.text) for b in raw.blocks] == [
            (b.source_line, b.text) for b in text_blocks(sanitize(text).text)
        ]
        assert lost_characters(sanitize(text).text, article) == 0
    for _, content in placed:
        assert not CONTROL.search(content) and "\x1b" not in content


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_cleaning_holds_the_invariants(text: str) -> None:
    article = run_pipeline(text)
    if article is None:
        assert not sanitize(text).text.strip(), "only blank text may be refused"
        return
    check_invariants(text, article)
    again = run_pipeline(text)
    assert again is not None
    first = json.dumps(Analysis(article).to_dict(), ensure_ascii=False)
    assert first == json.dumps(Analysis(again).to_dict(), ensure_ascii=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_language_stages_keep_offsets_exact(text: str) -> None:
    from tui.pipeline import analyze_article

    article = run_pipeline(text)
    if article is None:
        assert not sanitize(text).text.strip(), "only blank text may be refused"
        return
    analysis = analyze_article(article)
    assert check_analysis(analysis) == []
    encoded = json.dumps(analysis.to_dict(), ensure_ascii=False)
    assert "\x1b" not in encoded and not CONTROL.search(encoded.replace("\n", ""))


def test_one_five_megabyte_line() -> None:
    text = ("The port reopened on Monday after a week of storms. " * 100_000)[:5_000_000]
    article = article_from_text(text, "big")
    assert len(article.stories[0].paragraphs) == 1
    assert len(article.stories[0].paragraphs[0].text) == len(text.strip())


def test_no_newlines_only_punctuation_only_headlines() -> None:
    assert run_pipeline("?!.,;:—…" * 500) is not None
    headlines = run_pipeline("\n".join(HEADLINES * 20))
    assert headlines is not None
    check_invariants("\n".join(HEADLINES * 20), headlines)
    one_line = " ".join(PROSE * 50)
    article = run_pipeline(one_line)
    assert article is not None and len(article.stories[0].paragraphs) == 1


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\x00\x01\x1b[0m"])
def test_read_string_rejects_blank_input(text: str) -> None:
    with pytest.raises(LedeError, match="empty"):
        read_string(text)


def test_read_string_takes_any_text_with_a_letter() -> None:
    assert read_string("\x00a").blocks[0].text == "a"
