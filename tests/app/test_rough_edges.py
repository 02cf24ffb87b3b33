"""What a new user hit on real pages: each rough edge, driven by keys."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from tests.app.helpers import capture_notices, main_screen, sample_app, settle, until
from tests.conftest import SAMPLE_DATA
from tui.app.app import LedeApp
from tui.cli import main
from tui.reading.counts import counted

ONE_STORY = SAMPLE_DATA / "question-headline.txt"
LONG_NAME = (
    "Directors meet at the International Association of Independent Port and Harbour "
    "Authorities of the Northern Coastal Regions\n\n"
    "Officials of the International Association of Independent Port and Harbour Authorities "
    "of the Northern Coastal Regions met in Oslo on Monday, the association said."
)


async def test_keys_that_do_nothing_are_hidden_and_say_why() -> None:
    app = LedeApp(ONE_STORY)
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        shown = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
        assert "next_story" not in shown and "next_match" not in shown
        palette = [c.title for c in app.get_system_commands(screen)]
        assert "Next story" not in palette and "Keys" not in palette
        assert "Search the article" in palette
        await pilot.press("right_square_bracket", "n", "o", "backspace")
        await pilot.pause()
        assert notices == [
            "This article has one story.",
            "Nothing to step through: choose an entity (e) or search (/) first.",
            "Other articles are listed when lede opens a folder of articles, or its feeds.",
            "Backspace goes back to a list of articles: lede opened one article.",
        ]


async def test_escape_clears_every_highlight_it_made(pilot: Any) -> None:
    screen = main_screen(pilot)
    await pilot.press("e", "enter", "n")  # an entity, stepped to its second mention
    await pilot.press("t", "enter")  # an event: its sentence and entities
    await pilot.press("slash", "R", "i", "enter")  # a search
    await pilot.pause()
    assert screen.article_view._overlay._marks
    await pilot.press("escape")
    await pilot.pause()
    assert screen.article_view._overlay._marks == []
    assert screen.selected_entity is None and screen.selected_event is None
    assert screen.stepper.targets == []


async def test_long_entity_names_end_in_an_ellipsis_with_the_count_on_the_row(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(LONG_NAME, encoding="utf-8")
    app = LedeApp(path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        listing = main_screen(pilot).entities_pane.option_list
        rows = [str(o.prompt) for o in listing.options if o.id and o.id.startswith("organisation")]
        assert rows, [str(o.prompt) for o in listing.options]
        width = main_screen(pilot).entities_pane.size.width
        assert all(len(row) <= width - 4 for row in rows)
        assert rows[0].rstrip().endswith("… 2")  # the name cut, its two mentions kept


async def test_the_panes_wait_in_place_with_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    """While the analysis runs each pane says how far it is, and e goes to the pane."""
    from tui.app import app as app_module

    release = threading.Event()
    real = app_module.analyze_article

    def slow(article: Any, options: Any, progress: Any = None) -> Any:
        if progress:
            progress(0.4)
        release.wait(20)
        return real(article, options, progress)

    monkeypatch.setattr(app_module, "analyze_article", slow)
    app = sample_app()
    async with app.run_test(size=(160, 45)) as pilot:

        def entity_rows() -> list[str]:
            return [str(o.prompt) for o in main_screen(pilot).entities_pane.option_list.options]

        await until(pilot, lambda: entity_rows()[:1] and entity_rows()[0].endswith("40%"), "40%")
        rows = entity_rows()
        screen = main_screen(pilot)
        assert rows == ["Finding people, places and organisations… 40%"]
        timeline = [str(o.prompt) for o in screen.timeline_pane.option_list.options]
        assert timeline == ["Finding dates… 40%"]
        await pilot.press("e")
        await pilot.pause()
        assert screen._current_pane() == "entities"
        assert screen.entities_pane.option_list.region.width > 0
        release.set()
        await settle(pilot)
        assert len([o for o in screen.entities_pane.option_list.options if o.id]) == 26


async def test_a_long_story_tab_ends_in_an_ellipsis_at_80_columns(tmp_path: Path) -> None:
    app = LedeApp(SAMPLE_DATA / "embedded-start-floods.txt")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = main_screen(pilot).query_one("#story-bar")
        labels = [str(tab.label) for tab in bar.query("Tab")]
        assert len(labels) == 2 and labels[1].endswith("…")
        assert sum(len(label) + 2 for label in labels) <= 80


async def test_j_and_k_scroll_the_help(pilot: Any) -> None:
    await pilot.resize_terminal(80, 24)
    await pilot.press("question_mark")
    await pilot.pause()
    box = pilot.app.screen.query_one("#help-box")
    assert box.scroll_y == 0
    await pilot.press("j", "j", "j")
    await pilot.pause()
    assert box.scroll_y == 3
    await pilot.press("k")
    await pilot.pause()
    assert box.scroll_y == 2


def test_an_unsupported_scheme_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "ftp://example.com/story.txt"]) == 2
    assert capsys.readouterr().err == (
        "lede: unsupported URL scheme 'ftp' (lede reads http and https)\n"
    )


def test_counts_are_in_words() -> None:
    assert counted(1, "entity") == "1 entity"
    assert counted(2, "entity") == "2 entities"
    assert counted(0, "story") == "0 stories"
    assert counted(1, "match") == "1 match" and counted(3, "event") == "3 events"


async def test_escape_in_the_search_box_clears_its_matches(pilot: Any) -> None:
    screen = main_screen(pilot)
    await pilot.press("slash", "R", "i")
    await pilot.pause()
    assert screen.stepper.matches and screen.article_view._overlay._marks
    await pilot.press("escape")
    await pilot.pause()
    assert screen.article_view._overlay._marks == []
    assert not screen.query_one("#search").display


HARBOUR = Path(__file__).resolve().parents[1] / "data" / "sources" / "harbour-links.md"


def test_links_of_a_markdown_article_in_the_article_first() -> None:
    from tui.pipeline import read_article

    links = [(k.text, k.url, k.in_article) for k in read_article(HARBOUR).links]
    assert links == [
        ("public consultation", "https://portvale.example.gov/consultation", True),
        ("authority's site", "https://portvale.example.gov/plans/terminal", True),
        ("Home", "https://news.example.org/", False),
        ("Local", "https://news.example.org/local/", False),
    ]


def test_addresses_written_in_plain_text_are_links() -> None:
    from tui.ingest import text_links

    text = "See https://example.org/a-report. Or (https://example.org/b?x=1), then stop."
    assert text_links(text) == [
        ("https://example.org/a-report", "https://example.org/a-report"),
        ("https://example.org/b?x=1", "https://example.org/b?x=1"),
    ]


@pytest.mark.parametrize(
    ("source", "first_row", "keys", "opened_then", "notice"),
    [
        (
            HARBOUR,
            ("public consultation", "https://portvale.example.gov/consultation"),
            ("j", "enter"),
            ["https://portvale.example.gov/plans/terminal"],
            "Opened https://portvale.example.gov/plans/terminal",
        ),
        # A saved page that states no address: its relative links are listed as
        # written, and opening one says why it cannot be.
        (
            HARBOUR.parent / "library-relative-links.html",
            ("council’s budget", "/news/2025/08/council-budget"),
            ("enter",),
            [],
            "This page's address is unknown, so “/news/2025/08/council-budget” cannot be opened.",
        ),
    ],
)
async def test_l_lists_the_links_and_enter_opens_one(
    monkeypatch: pytest.MonkeyPatch,
    source: Path,
    first_row: tuple[str, str],
    keys: tuple[str, ...],
    opened_then: list[str],
    notice: str,
) -> None:
    from tui.app import outside
    from tui.app.screens.choice import ChoiceScreen

    opened: list[str] = []
    monkeypatch.setattr(outside.webbrowser, "open", lambda url: opened.append(url) or True)
    app = LedeApp(source)
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, ChoiceScreen)
        assert menu.title_text == "Links: 2 in the article, 2 around it"
        words, url = first_row
        assert menu.rows[0] == (f"{words} — {url}", url)
        await pilot.press(*keys)
        await pilot.pause()
        assert opened == opened_then
        assert notices[-1] == notice
        assert app.is_running
        if source == HARBOUR:
            await pilot.press("O")  # the article's own address, from its front matter
            await pilot.pause()
            assert opened[-1] == "https://news.example.org/2025/03/04/harbour-ferry-terminal"


async def test_no_browser_copies_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.app import outside

    monkeypatch.setattr(outside.webbrowser, "open", lambda url: False)
    app = LedeApp(HARBOUR)
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("O")
        await pilot.pause()
        assert notices[-1].startswith("No browser to open it; copied https://news.example.org/")
        assert app.clipboard == "https://news.example.org/2025/03/04/harbour-ferry-terminal"


async def test_e_opens_the_cleaned_article_in_the_editor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.app import outside

    seen: list[str] = []

    def editor(command: list[str], check: bool) -> Any:
        seen.append(Path(command[-1]).read_text("utf-8"))
        return type("Done", (), {"returncode": 0})()

    monkeypatch.setenv("EDITOR", "my-editor --wait")
    monkeypatch.setattr(outside.subprocess, "run", editor)
    app = LedeApp(HARBOUR)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert app.is_running
    assert len(seen) == 1 and "# Harbour authority approves new ferry terminal" in seen[0]
    assert "Mira Castell" in seen[0]


async def test_y_copies_the_sentence_at_the_top_and_says_which(pilot: Any) -> None:
    app = pilot.app
    notices = capture_notices(app)
    await pilot.press("y")
    await pilot.pause()
    assert app.clipboard.startswith("North Korea’s Foreign Minister Ri Yong-ho has traveled")
    assert notices[-1] == "Copied: “North Korea’s Foreign Minister Ri…”"
    await pilot.press("e", "enter", "n")  # the second mention of Ri Yong-ho
    await pilot.press("y")
    await pilot.pause()
    assert app.clipboard.startswith("Foreign Minister Ri arrived in the Russian capital")


def test_a_link_row_says_the_address_once() -> None:
    from tui.app.screens.main import link_label

    assert link_label("the report", "https://x.example/r") == "the report — https://x.example/r"
    assert link_label("", "https://x.example/r") == "https://x.example/r"
    assert link_label("https://x.example/r?a=1", "https://x.example/r?a=1") == (
        "https://x.example/r?a=1"
    )
    assert link_label("www.x.example", "https://www.x.example/") == "https://www.x.example/"


async def test_moving_the_selection_repaints_only_the_lines_it_touched(
    pilot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.reading.highlights import Mark

    view = main_screen(pilot).article_view
    base = view._base_source
    view.set_marks(base, [Mark(0, 5, "current")])
    repainted: list[tuple[int, int]] = []
    whole: list[bool] = []
    monkeypatch.setattr(view, "refresh_lines", lambda y, n=1: repainted.append((y, n)))
    monkeypatch.setattr(view, "refresh", lambda *a, **k: whole.append(True))
    far = len(view.all_text()) // 2
    view.set_marks(base, [Mark(far, far + 5, "current")])
    assert not whole
    assert sorted(repainted) == sorted([(view.line_of(0), 1), (view.line_of(far), 1)])
