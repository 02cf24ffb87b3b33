"""HTML pages read as a reader would read them: pages written for these tests,
each a shape real sites use (a body of <div> and <br>, a results table, lists,
JSON-LD metadata, titles with the site's name around them)."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tui.ingest.pagemeta import clean_title
from tui.invariants import check_nothing_lost, lost_characters
from tui.pipeline import build_article, read_article, read_raw

SOURCES = DATA / "sources"


def test_a_body_of_div_and_br_is_the_main_story() -> None:
    article = read_article(SOURCES / "div-br-bulletin.html")
    assert article.title == "Flood barrier fails at Millbrook weir"
    assert article.metadata.site == "Valley Courier"
    assert article.metadata.date is None  # the page states none; "Copyright 2024" is not one
    assert len(article.stories) == 1
    texts = [p.text for p in article.stories[0].paragraphs]
    assert [t.split()[0] for t in texts] == ["Emergency", "Water", "Residents", "The"]
    assert texts[1].endswith("shortly after nine o'clock.")
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Council"] == reasons["Weather"] == "navigation"
    assert any(t.startswith("Copyright 2024") for t in reasons)


def test_a_results_table_lists_and_json_ld() -> None:
    article = read_article(SOURCES / "results-table.html")
    meta = article.metadata
    assert article.title == "Harbour regatta: Northgate crew take the junior cup"
    assert (meta.date, meta.byline, meta.site) == (
        "2023-06-18",
        "Priya Natarajan",
        "The Estuary Post",
    )
    assert "Sport" in meta.categories
    (main,) = article.stories
    kinds = [p.kind for p in main.paragraphs]
    assert kinds == ["paragraph"] * 2 + ["table"] + ["paragraph"] * 2 + ["list_item"] * 3
    assert main.subheadings == [(2, "Final results", main.subheadings[0][2])]
    table = main.paragraphs[2].text.split("\n")
    assert table == [
        "Place\tCrew\tTime",
        "1\tNorthgate RC\t6:41.2",
        "2\tEastwick\t6:44.9",
        "3\tSaltmarsh Youth\t6:52.0",
    ]
    removed = {r.text: r.reason for r in article.removed}
    assert removed["Most read"] == removed["New bakery opens on the quay"] == "sidebar"
    assert removed["By Priya Natarajan"] == "byline"


def test_the_table_is_a_markdown_table(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    assert main(["analyze", str(SOURCES / "results-table.html"), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| Place | Crew | Time |\n|---|---|---|\n| 1 | Northgate RC | 6:41.2 |" in out
    assert "- Junior cup for crews under eighteen" in out
    assert "### Final results" in out


async def test_the_reader_draws_the_table_as_aligned_rows() -> None:
    from tests.app.helpers import main_screen, settle
    from tui.app.app import LedeApp

    app = LedeApp(SOURCES / "results-table.html")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        view = main_screen(pilot).article_view
        drawn = [
            "".join(s.text for s in view.render_line(y)).rstrip()
            for y in range(view.scrollable_content_region.height)
        ]
        rows = [line for line in drawn if "│" in line]
        assert [r.split("│")[1].strip() for r in rows] == [
            "Crew",
            "Northgate RC",
            "Eastwick",
            "Saltmarsh Youth",
        ]
        assert len({r.index("│") for r in rows}) == 1  # the columns line up
        assert len({r.rindex("│") for r in rows}) == 1


@pytest.mark.parametrize("name", ["div-br-bulletin.html", "results-table.html"])
def test_nothing_is_lost(name: str) -> None:
    raw = read_raw(SOURCES / name)
    blocks, removed = list(raw.blocks), list(raw.pre_removed)
    article = build_article(raw)
    assert check_nothing_lost(article, blocks, removed) == []
    from tui.ingest.html import visible_text

    assert lost_characters(visible_text((SOURCES / name).read_text()), article) == 0


@pytest.mark.parametrize(
    ("title", "site", "host", "expected"),
    [
        ("Bridge to close for a year | Northfield Echo", "Northfield Echo", None,
         "Bridge to close for a year"),
        ("Northfield Echo: Bridge to close for a year", "Northfield Echo", None,
         "Bridge to close for a year"),
        ("Bridge to close for a year - Northfield Echo", None, "www.northfieldecho.com",
         "Bridge to close for a year"),
        ("NorthfieldEcho | Local news first: EXCLUSIVE: Bridge to close for a year",
         "Northfield Echo", None, "Bridge to close for a year"),
        ("Brexit: what happens next", "Northfield Echo", None, "Brexit: what happens next"),
        ("Bridge to close for a year", None, None, "Bridge to close for a year"),
    ],
)  # fmt: skip
def test_titles_lose_the_site_name_and_slogan(
    title: str, site: str | None, host: str | None, expected: str
) -> None:
    assert clean_title(title, site, host, []) == expected


def test_the_page_headline_wins_when_the_title_holds_it() -> None:
    title = "Breaking: Bridge to close for a year, council says | Northfield Echo"
    assert clean_title(title, None, None, ["Northfield Echo", "Bridge to close for a year"]) == (
        "Bridge to close for a year"
    )


def test_relative_links_are_made_whole_against_the_page_address() -> None:
    """A page's own address (its canonical link) resolves its relative links; those
    in the article's text come first, fragments are dropped."""
    article = read_article(SOURCES / "tram-relative-links.html")
    assert [(k.text, k.url, k.in_article) for k in article.links] == [
        ("bridge report", "https://city.example.net/reports/bridge.html", True),
        ("the timetable", "https://operator.example.com/timetable", True),
        ("Home", "https://city.example.net/", False),
        ("News", "https://city.example.net/news/", False),
    ]


def test_a_link_that_is_no_address_is_left_out() -> None:
    page = (
        '<html><head><link rel="canonical" href="https://a.example.org/x"></head><body>'
        '<p>Read the <a href="http://[not-an-address]/x">policy</a> and the '
        '<a href="/terms">terms</a> of the site before you sign up for the service.</p>'
        "</body></html>"
    )
    from tui.ingest import read_string

    article = build_article(read_string(page, "page.html", "html"))
    assert [k.url for k in article.links] == ["https://a.example.org/terms"]


def test_relative_links_of_a_page_with_no_address_stay_as_written() -> None:
    """A saved page that states no address (no canonical link, no <base>) keeps its
    relative links as written, those in the story first; fragments and mail
    addresses are no pages."""
    article = read_article(SOURCES / "library-relative-links.html")
    assert article.metadata.url is None
    assert [(k.text, k.url, k.in_article) for k in article.links] == [
        ("council’s budget", "/news/2025/08/council-budget", True),
        ("survey report", "../reports/survey-2025.pdf", True),
        ("Home", "/", False),
        ("News", "/news/", False),
    ]


def test_a_paragraph_split_by_comment_nodes_is_kept_whole() -> None:
    """React writes a paragraph's text nodes apart with empty comments
    ("said <!-- -->it would vote"): the paragraph is the article's, whole."""
    path = SOURCES / "council-vote-react.html"
    raw = read_raw(path)
    blocks, pre_removed = list(raw.blocks), list(raw.pre_removed)
    article = build_article(raw)
    (main,) = article.stories
    texts = [p.text for p in main.paragraphs]
    assert len(texts) == 6
    assert texts[2] == (
        "The council said it would vote on Friday instead, once a report from the planning "
        "office has been published and read by every member of the committee."
    )
    assert texts[1].endswith("which would add 2,000 homes on the edge of the city.")
    assert texts[4].startswith("The mayor, who backs the plan, said the delay")
    assert article.metadata.byline == "Maren Okafor"
    assert not check_nothing_lost(article, blocks, pre_removed)
    assert not any("council said" in r.text for r in article.removed)


@pytest.mark.parametrize(
    ("name", "main_lines", "embedded_title", "embedded_first_words"),
    [
        # A WordPress embed: the card is a link in a blockquote, its story follows it.
        (
            "north-korea-fm-russia-wordpress.html",
            11,
            "North Korean foreign minister travels to China",
            ["North", "Ri’s", "Kim’s"],
        ),
        # A <figure> card: a picture and a caption that link to the other story.
        (
            "bridge-figure-card.html",
            6,
            "Passenger ferry across the Wend to return after forty years",
            ["A", "The", "Volunteers"],
        ),
        # An <aside> card at the top of the story, its paragraphs inside it.
        (
            "clinic-aside-card-top.html",
            5,
            "Ambulance response times in the fens fall to a five-year low",
            ["Ambulances", "The"],
        ),
    ],
)
def test_a_card_the_page_marks_up_is_an_embedded_story(
    name: str, main_lines: int, embedded_title: str, embedded_first_words: list[str]
) -> None:
    raw = read_raw(SOURCES / name)
    blocks, pre_removed = list(raw.blocks), list(raw.pre_removed)
    article = build_article(raw)
    main, embedded = article.stories
    assert (main.kind, embedded.kind) == ("main", "embedded")
    assert len(main.paragraphs) == main_lines
    assert embedded.title == embedded_title
    assert [p.text.split()[0] for p in embedded.paragraphs] == embedded_first_words
    assert embedded_title not in main.text
    assert not check_nothing_lost(article, blocks, pre_removed)


def test_a_card_with_no_story_of_its_own_is_a_related_link() -> None:
    """An embed card whose paragraphs are the article's own is a link to another
    story: removed with that reason, never a paragraph of the story."""
    page = (
        "<html><head><title>Tide gauge shows record surge</title></head><body><article>"
        "<h1>Tide gauge shows record surge</h1>"
        "<p>The tide gauge at Pellmouth recorded its highest surge on Sunday night, "
        "when a storm pushed water over the harbour wall, the coastguard said.</p>"
        "<p>Water reached the doors of the lifeboat station and flooded the car park on "
        "the quay, but no homes were flooded, the coastguard said.</p>"
        '<figure class="wp-block-embed"><blockquote class="wp-embedded-content">'
        '<a href="/2024/01/harbour-wall-funding">Harbour wall repairs win funding</a>'
        "</blockquote></figure>"
        "<p>The surge was a foot higher than the previous record, set in 1953, and came "
        "with a spring tide and winds of seventy miles an hour, the coastguard added.</p>"
        "<p>The harbour master said the wall had held and that the gauge would be "
        "checked this week against the readings of the surge on Sunday night.</p>"
        "</article></body></html>"
    )
    from tui.ingest import read_string

    article = build_article(read_string(page, "surge.html", "html"))
    (main,) = article.stories
    assert len(main.paragraphs) == 4
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Harbour wall repairs win funding"] == "related link"


@pytest.mark.parametrize(
    ("name", "headline"),
    [
        # A slogan after the headline, the headline itself a heading of the page.
        ("title-script-ru.html", "В Самаре открыли новый мост через Волгу"),
        # The title and og:title are the site's name; the logo is the page's <h1>.
        ("title-script-ko.html", "서울시, 내년부터 심야버스 노선 확대"),
        # The site's name glued on with a hyphen, as Chinese titles write it.
        ("title-script-zh.html", "河北多地开通城际公交线路"),
        # A full-width bar before the site's name.
        ("title-script-ja.html", "子どもへの体罰を禁止する法律ができる"),
    ],
)
def test_the_title_is_the_headline_in_any_script(name: str, headline: str) -> None:
    article = read_article(SOURCES / name)
    assert article.title == headline
    assert article.metadata.site and article.metadata.site not in article.title
    assert len(article.stories[0].paragraphs) == 3


def test_a_hyphen_inside_a_latin_name_is_no_separator() -> None:
    assert clean_title("Jean-Paul Sartre letters found in Caen-Nord", "Le Site", None, []) == (
        "Jean-Paul Sartre letters found in Caen-Nord"
    )
