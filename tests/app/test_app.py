"""The reader driven by keys (Textual's Pilot), asserting on what it holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.helpers import main_screen, sample_app, settle
from tests.conftest import SAMPLE, SAMPLE_DATA
from tui.app.commands import COMMANDS
from tui.app.screens.help import HelpScreen, help_table
from tui.app.widgets.article import ArticleView


async def test_default_screen_shows_article_entities_and_timeline(pilot: Pilot[int]) -> None:
    app = pilot.app
    screen = main_screen(pilot)
    assert screen.story_index == 0
    assert "North Korea’s Foreign Minister Ri Yong-ho" in screen.article_view.visible_text()
    names = [o.id for o in screen.entities_pane.option_list.options if o.id]
    assert "person:ri-yong-ho" in names and len(names) == 26
    assert len(screen.timeline_pane.shown) == 11
    assert app.sub_title == "North Korea FM in Russia as activated diplomacy continues"


async def test_story_keys(pilot: Pilot[int]) -> None:
    screen = main_screen(pilot)
    await pilot.press("right_square_bracket")
    assert screen.story_index == 1
    assert "North Korean foreign minister travels to China" in screen.article_view.visible_text()
    await pilot.press("left_square_bracket")
    assert screen.story_index == 0
    await pilot.press("2")
    assert screen.story_index == 1
    await pilot.press("1")
    assert screen.story_index == 0
    await pilot.press("9")  # no ninth story: nothing happens
    assert screen.story_index == 0


async def test_tab_moves_between_panes(pilot: Pilot[int]) -> None:
    screen = main_screen(pilot)
    assert screen._current_pane() == "article"
    await pilot.press("tab")
    await pilot.pause()
    assert screen._current_pane() == "timeline"
    await pilot.press("tab")
    await pilot.pause()
    assert screen._current_pane() == "entities"
    await pilot.press("shift+tab")
    await pilot.pause()
    assert screen._current_pane() == "timeline"


async def test_scroll_keys() -> None:
    app = sample_app()
    async with app.run_test(size=(120, 20)) as pilot:
        await settle(pilot)
        view = main_screen(pilot).article_view
        view.focus()
        await pilot.press("j", "j")
        assert view.scroll_offset.y == 2
        await pilot.press("k")
        assert view.scroll_offset.y == 1
        await pilot.press("space")
        assert view.scroll_offset.y > 5
        paged = view.scroll_offset.y
        await pilot.press("b")
        assert view.scroll_offset.y == max(0, paged - view.scrollable_content_region.height)
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_offset.y == 0


async def test_selecting_an_entity_highlights_and_steps_through_mentions(pilot: Pilot[int]) -> None:
    screen = main_screen(pilot)
    await pilot.press("e")
    await pilot.pause()
    assert screen._current_pane() == "entities"
    await pilot.press("enter")  # the first row: Ri Yong-ho
    await pilot.pause()
    assert screen.selected_entity == "person:ri-yong-ho"
    assert screen.stepper.cursor == 0
    target = screen.stepper.current
    assert target is not None and screen.article_view.is_offset_visible(target.start)
    # The timeline narrows to the events that involve Ri.
    assert 0 < len(screen.timeline_pane.shown) < 11
    stories = set()
    for _ in range(6):
        await pilot.press("n")
        stories.add(screen.story_index)
        target = screen.stepper.current
        assert target is not None and screen.article_view.is_offset_visible(target.start)
    assert stories == {0, 1}  # n crossed into the embedded story and back
    assert screen.stepper.cursor == 0  # six mentions: back to the first
    await pilot.press("N")
    assert screen.stepper.cursor == 5
    await pilot.press("a")
    assert len(screen.timeline_pane.shown) == 11


async def test_clicking_an_entity_row_selects_it(pilot: Pilot[int]) -> None:
    screen = main_screen(pilot)
    await pilot.click("#entity-list", offset=(4, 2))  # row 2: Kim Jong-un
    await pilot.pause()
    assert screen.selected_entity == "person:kim-jong-un"


async def test_timeline_enter_jumps_to_the_sentence_in_its_story(pilot: Pilot[int]) -> None:
    screen = main_screen(pilot)
    await pilot.press("t")
    await pilot.pause()
    await pilot.press("down", "down", "down", "down")  # late March, in the embedded story
    await pilot.press("enter")
    await pilot.pause()
    assert screen.selected_event == 4
    assert screen.story_index == 1
    event = screen.analysis.timeline[4]
    assert screen.article_view.is_offset_visible(event.sentence_start)
    assert "late March 2018" in str(screen.article_view.border_subtitle)
    assert "person:kim-jong-un" in event.entities


async def test_search_counts_and_steps_through_matches(pilot: Pilot[int]) -> None:
    screen = main_screen(pilot)
    await pilot.press("slash")
    await pilot.press(*"moscow")
    await pilot.pause()
    assert len(screen.stepper.matches) == 4
    assert "4 matches" in str(screen.article_view.border_subtitle)
    await pilot.press("enter")
    await pilot.pause()
    assert screen.stepper.cursor == 0
    await pilot.press("n")
    assert screen.stepper.cursor == 1
    target = screen.stepper.current
    assert target is not None
    assert screen.story.text[target.start : target.end] == "Moscow"
    await pilot.press("escape")
    assert screen.stepper.matches == []


async def test_filter_entity_types(pilot: Pilot[int]) -> None:
    """f offers all types or one type only, each with its count; none that is empty."""
    from tui.app.screens.choice import ChoiceScreen

    screen = main_screen(pilot)
    await pilot.press("f")
    await pilot.pause()
    menu = pilot.app.screen
    assert isinstance(menu, ChoiceScreen)
    labels = [label for label, _ in menu.rows]
    assert labels[0] == "All types (26)" and "People only (7)" in labels
    assert not any(label.startswith("Events") for label in labels)  # the sample has none
    await pilot.press("j", "enter")  # people only
    await pilot.pause()
    ids = [o.id for o in screen.entities_pane.option_list.options if o.id]
    assert ids and all(i.startswith("person:") for i in ids)
    note = screen.entities_pane.query_one("#entities-note")
    assert str(note.render()) == "People only · f for all"
    await pilot.press("f", "j", "enter")  # the menu opens on people: one down is places
    await pilot.pause()
    ids = [o.id for o in screen.entities_pane.option_list.options if o.id]
    assert ids and all(i.startswith("place:") for i in ids)
    await pilot.press("f", "g", "enter")  # all again
    await pilot.pause()
    assert len([o for o in screen.entities_pane.option_list.options if o.id]) == 26


async def test_removed_blocks_show_inline_with_reasons(pilot: Pilot[int]) -> None:
    screen = main_screen(pilot)
    assert "Back to top button" not in screen.article_view.all_text()
    await pilot.press("r")
    text = screen.article_view.all_text()
    assert "breadcrumb: Asia-PacificKoreaWorld News" in text
    assert "page chrome: Back to top button" in text
    await pilot.press("r")
    assert "Back to top button" not in screen.article_view.all_text()


async def test_setting_the_date_renormalises_the_timeline(tmp_path: Path) -> None:
    copy = tmp_path / "article.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    app = sample_app(copy)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.analysis.timeline[0].text.lower() == "on monday"  # reading order
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"2018-04-10", "enter")
        await settle(pilot)
        assert screen.analysis.article.metadata.date == "2018-04-10"
        assert [e.value for e in screen.analysis.timeline][:2] == ["2011", "2017"]


async def test_help_lists_every_key_and_quit(pilot: Pilot[int]) -> None:
    app = pilot.app
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("q")
    await pilot.pause()
    assert app.return_code == 0


def test_help_covers_every_binding() -> None:
    """Each binding of the main screen has a row of its own in the help: its
    key in the key column (as a whole key, not a letter inside a word) beside
    its description."""
    from tui.app.screens.main import MainScreen

    table = help_table()
    keys, descriptions = (list(map(str, column.cells)) for column in table.columns)
    rows = list(zip(keys, descriptions, strict=True))

    def keys_of(cell: str) -> set[str]:
        return {k.strip() for k in re.split(r"[,/]|\s+", cell) if k.strip()}

    for binding in MainScreen.BINDINGS:
        display = binding.key_display or binding.key
        if binding.action.startswith("go_story"):
            assert ("1 … 9", "Jump to story 1 … 9") in rows
            continue
        assert any(display in keys_of(key) or display == key.strip() for key, _ in rows), (
            f"{display!r} ({binding.action}) has no row in the help"
        )
    for command in COMMANDS:
        if not command.action.startswith("go_story"):
            assert (command.key_display, command.description) in rows, command


async def test_narrow_terminal_shows_one_pane_at_a_time() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.has_class("narrow")
        assert screen.article_view.display and screen.article_view.region.width > 0
        assert screen.entities_pane.region.width == 0
        await pilot.press("tab")
        await pilot.pause()
        assert screen.timeline_pane.region.width > 0
        assert screen.article_view.region.width == 0


UNTRUSTED = (
    "Mayor [bold red]x[/] resigns over [link=file:///etc/passwd]y[/link]\n\n"
    "The mayor of Springfield, [bold red]Joe Quimby[/], resigned on Monday after "
    "a report \x1b[31mlinked\x1b[0m him to [link=file:///etc/passwd]the scandal[/link], "
    "officials said.\x1b]52;c;ZXZpbA==\x07\n\n"
    "Quimby said he would fight the [i]allegations[/i] in court next week.\n"
)


async def test_untrusted_text_is_shown_literally_everywhere(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(UNTRUSTED, encoding="utf-8")
    (tmp_path / "hostile.meta.json").write_text('{"date": "2020-02-03"}', encoding="utf-8")
    app = sample_app(path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        text = screen.article_view.all_text()
        assert "[bold red]Joe Quimby[/]" in text
        assert "[link=file:///etc/passwd]the scandal[/link]" in text
        assert "\x1b" not in text and "linked" in text
        assert (
            app.sub_title == "Mayor [bold red]x[/] resigns over [link=file:///etc/passwd]y[/link]"
        )
        tab = screen.query_one("#story-0").label.plain  # type: ignore[attr-defined]
        assert tab == "1 Main story"
        assert "Mayor [bold red]x[/] resigns" in screen.article_view.visible_text()
        # Rows are Rich Text built from the article, never parsed as markup.
        from rich.text import Text

        rows = screen.timeline_pane.option_list.options + screen.entities_pane.option_list.options
        assert rows and all(isinstance(o.prompt, Text) for o in rows)
        monday = next(e for e in screen.analysis.timeline if e.text == "on Monday")
        assert "[bold red]Joe Quimby[/]" in monday.sentence

        await pilot.press("r")
        assert "control characters removed" in screen.article_view.all_text()
        await pilot.press("slash", *"[/]", "enter")
        await pilot.pause()
        assert len(screen.stepper.matches) == 1
        # Nothing drawn on screen carries a hyperlink (or any link) from the text.
        strips = screen._compositor.render_strips()
        drawn = "".join(segment.text for strip in strips for segment in strip)
        assert "Joe Quimby" in drawn
        links = {s.style.link for strip in strips for s in strip if s.style and s.style.link}
        assert not links
        assert isinstance(screen.article_view, ArticleView)


async def test_clicking_a_timeline_row_jumps_to_its_sentence(pilot: Pilot[int]) -> None:
    screen = main_screen(pilot)
    await pilot.click("#event-list", offset=(5, 0))  # the first row: 2011, embedded story
    await pilot.pause()
    assert screen.selected_event == 0
    assert screen.story_index == 1
    event = screen.analysis.timeline[0]
    assert screen.article_view.is_offset_visible(event.sentence_start)


async def test_a_keymap_rebinds_a_command_by_its_id() -> None:
    """Every command has an id; Textual's keymap rebinds it (here ] becomes ctrl+n)."""
    from tui.app.commands import command_ids

    assert len(set(command_ids())) == len(command_ids())
    app = sample_app(SAMPLE_DATA / "embedded-start-floods.txt")
    app.set_keymap({"next-story": "ctrl+n"})
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        assert len(screen.stories) > 1 and screen.story_index == 0
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.story_index == 1
        await pilot.press("right_square_bracket")  # the old key no longer does it
        await pilot.pause()
        assert screen.story_index == 1


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "gruvbox"])
async def test_highlight_styles_differ_with_and_without_colour(theme: str) -> None:
    """Organisations and times, people and groups never share a colour; every layer
    has its own text style, so colour is never the only cue."""
    app = sample_app()
    async with app.run_test(size=(160, 45)) as pilot:
        app.theme = theme
        await pilot.pause()
        view = main_screen(pilot).article_view
        layers = ["person", "place", "organisation", "group", "event", "other", "time"]
        styles = {layer: view.get_component_rich_style(f"article--{layer}") for layer in layers}
        for a, b in (("organisation", "time"), ("person", "group")):
            assert styles[a].color != styles[b].color, (a, b)
        shapes = {(s.bold, s.italic, s.underline, s.bgcolor is not None) for s in styles.values()}
        assert len(shapes) == len(layers)
