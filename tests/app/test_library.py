"""The library: a folder's articles, opened and left with the keyboard."""

from __future__ import annotations

from tests.app.helpers import opened, until
from tests.conftest import SAMPLE_DATA
from tui.app.app import LedeApp
from tui.app.screens.choice import ChoiceScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.main import MainScreen


async def _scanned(pilot, app: LedeApp) -> LibraryScreen:
    library = app.library
    assert library is not None
    await until(
        pilot, lambda: len(library.analyses) == len(library.paths), "every article analysed"
    )
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
        await until(
            pilot,
            lambda: isinstance(app.screen, MainScreen) and app.screen.selected_entity,
            "the other article open at the entity",
        )
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


async def test_columns_line_up_in_cells_whatever_the_script(tmp_path) -> None:
    """A Korean title is twice as wide as its length: the date and site columns
    are measured in terminal cells, so they stand in line under a Latin title."""
    from rich.cells import cell_len

    articles = {
        "seoul.md": ("서울시, 내년부터 심야버스 노선 확대", "2025-03-02", "서울경제"),
        "ferry.md": ("Ferry fares cut as the old bridge shuts", "2025-03-03", "Harbour Post"),
        "long.md": ("도시철도 " * 20, "2025-03-04", "매우 긴 이름의 지역 신문사 온라인판"),
    }
    for name, (title, date, site) in articles.items():
        (tmp_path / name).write_text(
            f"---\ntitle: {title.strip()}\ndate: {date}\nsource: https://news.example/{name}\n"
            f"site: {site}\n---\n\nThe council met on Monday and voted to keep the night "
            "buses running until the end of the year, the city said.\n",
            encoding="utf-8",
        )
    app = LedeApp(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        library = await _scanned(pilot, app)
        listing = library.query_one("#library-list")
        prompts = [str(o.prompt) for o in listing.options]  # type: ignore[attr-defined]
        assert len(prompts) == 3
        columns = {cell_len(p[: p.index("2025-03-0")]) for p in prompts}
        assert columns == {52}  # a title of 50 cells and two spaces, in every row
        long_row = next(p for p in prompts if "2025-03-04" in p)
        assert "도시철도 도시철도" in long_row and "…" in long_row
        after_site = {cell_len(p[: p.index(" stor")]) for p in prompts}
        assert len(after_site) == 1
