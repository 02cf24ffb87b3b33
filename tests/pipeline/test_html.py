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
