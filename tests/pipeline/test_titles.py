"""The title of a scraped page: the line above the story most like a title.

The expected readings were written by hand, as a reader names each page's
headline; the lines nearer the story are a sponsor's line, a teaser for another
story, an app promotion and a caption, each of which the rules alone took
for the title.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from tests.pipeline.test_clean_rules import BODY, LEDE
from tui.clean import learned_labels, read_labels, story_start
from tui.clean.titles import Page, candidates, title_features
from tui.ingest import read_string
from tui.pipeline import article_from_text

HEADLINE = "Tromsø to close its coal-fired heating plants by 2030"

PAGES = {
    "a sponsor's line": (
        ["Home | News | Sport | Business", HEADLINE, "By Kari Nilsen", "12 March 2024", "Share"],
        ["Our journalism is funded by readers like you"],
    ),
    "a teaser for another story": (
        ["Home | News | Sport", HEADLINE, "By Kari Nilsen | 12 March 2024"],
        ["Listen to this article", "Bergen trams run late again as drivers strike"],
    ),
    "an app's promotion": (
        ["News", HEADLINE, "Kari Nilsen", "March 12, 2024"],
        [
            "Get the best of our journalism in the app",
            "Download the free app for iPhone and Android today",
        ],
    ),
    "a caption and its credit": (
        [HEADLINE, "By Kari Nilsen, Climate reporter", "Published 12 March 2024"],
        [
            "The Fjordheim plant burns 40,000 tonnes of coal a year",
            "Picture by Ola Berg for the Tromsø Herald",
        ],
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_the_headline_over_the_byline_is_the_title_past_the_lines_nearer_the_story(
    name: str,
) -> None:
    top, between = PAGES[name]
    article = article_from_text("\n".join([*top, *between, LEDE, *BODY]))
    assert article.title == HEADLINE
    assert article.metadata.byline == "Kari Nilsen"
    assert article.metadata.date == "2024-03-12"
    (story,) = article.stories
    assert [p.text for p in story.paragraphs] == [LEDE, *BODY]
    removed = {r.text for r in article.removed}
    assert set(between) <= removed


def test_a_deck_under_the_headline_stays_its_standfirst() -> None:
    deck = "Heat pumps drawing on the fjord will warm the city instead, officials say"
    article = article_from_text(
        "\n".join(["Menu", HEADLINE, deck, "By Kari Nilsen", "12 March 2024", LEDE, *BODY])
    )
    assert article.title == HEADLINE
    assert [p.text for p in article.stories[0].paragraphs] == [deck, LEDE, *BODY]


def _columns(lines: list[str]) -> tuple[list[str], dict[str, list[float]]]:
    blocks = read_string("\n".join([*lines, LEDE, *BODY]), "page").blocks
    features, rules, _ = read_labels(blocks)
    labels = learned_labels(blocks, rules, features)
    first = story_start(labels)
    assert first is not None
    page = Page(blocks, labels, rules, features, first)
    chosen = candidates(page)
    columns = title_features(page, None, chosen)
    return [blocks[i].text for i in chosen], columns


def test_a_title_says_what_the_story_says() -> None:
    """The headline shares its words with the story's first paragraphs; the
    sponsor's line shares none."""
    texts, columns = _columns([HEADLINE, "Our journalism is funded by readers like you"])
    share = dict(zip(texts, columns["lede_share"], strict=True))
    assert share[HEADLINE] > 0.5
    assert share["Our journalism is funded by readers like you"] == 0.0


def test_the_weights_are_for_the_features_the_ranking_computes() -> None:
    """A feature added or renamed without training again would be scored as nothing."""
    weights = json.loads(resources.files("tui.data").joinpath("titles.json").read_text("utf-8"))
    _, columns = _columns([HEADLINE, "By Kari Nilsen"])
    assert set(weights["weight"]) == set(columns)


def test_a_long_headline_under_a_menu_row_is_not_that_rows_standfirst() -> None:
    """A long headline reads as a sentence, and a menu row set as a headline
    stands over it: the ranking is sure of the headline, so it is the title."""
    title = "Tromsø moves to close its coal-fired heating plants in a push to cut its emissions"
    deck = (
        "The city will spend NOK 2 billion over four years on heat pumps drawing warmth "
        "from the fjord"
    )
    top = ["More", "Open Search Close Search Search", "Videos Sign In Subscribe", title, deck]
    meta = ["Reuters", "Updated: January 16, 2020", "Share Adjust Comment Print"]
    tail = ["Share this story", title, "Facebook", "Twitter"]
    article = article_from_text("\n".join([*top, *meta, LEDE, *BODY, *tail]))
    assert article.title == title
    assert [p.text for p in article.stories[0].paragraphs] == [deck, LEDE, *BODY]


@pytest.mark.parametrize("weights", ["cleaner.json", "titles.json"])
def test_the_learned_models_were_trained_with_the_rules_as_they_are(weights: str) -> None:
    """Both models learn from what the rules say of each line: a changed rule,
    pattern or threshold makes their weights stale until they are retrained."""
    import json
    from importlib import resources

    from tui.clean.rulehash import rules_hash

    recorded = json.loads(resources.files("tui.data").joinpath(weights).read_text("utf-8"))
    assert recorded.get("rules_hash") == rules_hash(), (
        f"the cleaner's rules changed since tui/data/{weights} was trained: "
        "run `uv run python scripts/retrain.py`"
    )


def test_the_rules_fingerprint_ignores_words_and_sees_code(tmp_path, monkeypatch) -> None:
    import shutil

    from tui.clean import rulehash

    copy = tmp_path / "clean"
    shutil.copytree(rulehash.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rulehash, "PACKAGE", copy)
    before = rulehash.rules_hash()
    settings = copy / "settings.py"
    text = settings.read_text("utf-8")
    settings.write_text(text.replace('"""', '"""Reworded. ', 1) + "\n# a comment\n", "utf-8")
    assert rulehash.rules_hash() == before
    settings.write_text(text.replace("TEASER_WORDS = 30", "TEASER_WORDS = 31"), "utf-8")
    assert rulehash.rules_hash() != before
