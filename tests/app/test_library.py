"""The library: a folder's articles, opened and left with the keyboard."""

from __future__ import annotations

from tests.app.helpers import opened
from tests.conftest import SAMPLE_DATA
from tui.app.app import LedeApp
from tui.app.screens.choice import ChoiceScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.main import MainScreen


async def _scanned(pilot, app: LedeApp) -> LibraryScreen:
    library = app.library
    assert library is not None
    for _ in range(1200):
        await pilot.pause(0.05)
        if len(library.analyses) == len(library.paths):
            break
    return library


async def test_folder_opens_a_library_and_an_article_and_comes_back() -> None:
    app = LedeApp(SAMPLE_DATA)
    async with app.run_test(size=(160, 45)) as pilot:
        library = await _scanned(pilot, app)
        assert isinstance(app.screen, LibraryScreen)
        names = [p.name for p in library.paths]
        assert "north-korea-fm-russia.txt" in names
        listing = library.query_one("#library-list")
        prompts = [str(o.prompt) for o in listing.options]  # type: ignore[attr-defined]
        row = next(p for p in prompts if "North Korea FM in Russia" in p)
        assert "2018-04-10" in row and "26 entities" in row and "2 stories" in row
        index = names.index("north-korea-fm-russia.txt")
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("enter")
        screen = await opened(pilot)
        assert screen.article is not None and screen.article.title.startswith("North Korea FM")
        # "Russian" is named in the grain article too: the pane says so, and o lists it.
        assert screen.entities_pane.elsewhere.get("group:russian") == 1
        screen.entities_pane.highlight("group:russian")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        # The other article by its title, not its file name.
        assert [(t, p.name) for t, p in app.screen.rows] == [
            ("Kazakhstan wheat exports slow as rail bottleneck worsens", "wire-dateline-grain.txt")
        ]
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, MainScreen) and app.screen.selected_entity:
                break
        other = app.screen
        assert isinstance(other, MainScreen) and other.article is not None
        assert other.article.title.startswith("Kazakhstan wheat")
        # It opens at the entity's first mention, selected.
        assert other.selected_entity == "group:russian"
        target = other.stepper.current
        assert target is not None and other.stepper.cursor == 0
        story = other.article.stories[target.story]
        assert story.text[target.start : target.end] == "Russian"
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
