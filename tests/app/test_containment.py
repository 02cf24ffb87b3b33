"""A failure while showing one article never ends the session (issue: real pages).

Each worker and each pane's update is made to fail on purpose; the app must
still run, say what went wrong in one line, and keep what it can readable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.app.helpers import capture_notices, main_screen, opened, settle, until
from tui.app.app import LedeApp
from tui.app.screens.error import ErrorScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.main import MainScreen
from tui.app.widgets.entities import EntitiesPane
from tui.app.widgets.timeline import TimelinePane

CASES = """\
CLEVELAND wins the pennant

CLEVELAND — The team from Cleveland won the pennant on Monday night, and fans across Cleveland \
filled the streets until dawn.

Disney+ will stream the parade on Tuesday, Disney said in a statement. Disney shares rose by \
two percent after the announcement.

The mayor of Cleveland said the city would pay for the parade. Disney+ subscribers in Ohio will \
see it live, and Disney will show it again on Wednesday.
"""


def _article(tmp_path: Path, name: str = "cases.txt", text: str = CASES) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _option_texts(pane: Any) -> list[str]:
    return [str(o.prompt) for o in pane.option_list.options]


async def test_names_differing_only_in_case_open_select_and_step(tmp_path: Path) -> None:
    app = LedeApp(_article(tmp_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert app.is_running and screen.analysis is not None
        ids = [e.id for e in screen.analysis.entities]
        assert len(ids) == len(set(ids))
        cleveland = [e for e in screen.analysis.entities if e.name.lower() == "cleveland"]
        assert len(cleveland) == 1  # "CLEVELAND" and "Cleveland" are one place
        assert {m.text for m in cleveland[0].mentions} == {"CLEVELAND", "Cleveland"}
        disneys = [e for e in screen.analysis.entities if e.name.startswith("Disney")]
        assert {e.name for e in disneys} == {"Disney", "Disney+"}
        assert len({e.id for e in disneys}) == 2
        for entity in (cleveland[0], *disneys):
            screen.entities_pane.highlight(entity.id)
            await pilot.press("e", "enter")
            await pilot.pause()
            assert screen.selected_entity == entity.id
            assert len(screen.stepper.mentions) == len(entity.mentions)
            await pilot.press("n")
            await pilot.pause()
            assert screen.stepper.cursor == (1 if len(entity.mentions) > 1 else 0)
            await pilot.press("N")
            assert screen.stepper.cursor == 0
        assert app.is_running


async def test_a_failing_analysis_leaves_the_text_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the model fell over\nwith a second line")

    monkeypatch.setattr("tui.app.app.analyze_article", broken)
    app = LedeApp(_article(tmp_path))
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await until(
            pilot,
            lambda: notices and not any(w.is_running for w in app.workers),
            "a notice shown and the workers done",
        )
        screen = main_screen(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert "won the pennant on Monday night" in screen.article_view.visible_text()
        shown = _option_texts(screen.entities_pane)
        assert shown == ["Analysis failed: RuntimeError: the model fell over with a second line"]
        assert notices and all("\n" not in n for n in notices)
        await pilot.press("j", "tab", "j", "enter", "n")  # keys still work
        assert app.is_running


async def test_a_failing_load_shows_the_error_panel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("unexpected shape of page")

    monkeypatch.setattr("tui.app.app.build_article", broken)
    app = LedeApp(_article(tmp_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ErrorScreen), "the error screen")
        assert app.is_running and isinstance(app.screen, ErrorScreen)
        assert app.screen.message == "ValueError: unexpected shape of page"
        await pilot.press("escape")
        assert app.is_running


@pytest.mark.parametrize(
    ("pane", "method", "other"),
    [(EntitiesPane, "show", "timeline"), (TimelinePane, "show", "entities")],
)
async def test_a_failing_pane_leaves_the_others_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pane: type, method: str, other: str
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("no such row")

    monkeypatch.setattr(pane, method, broken)
    app = LedeApp(_article(tmp_path))
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert app.is_running
        assert any(n.startswith("showing the ") and "KeyError" in n for n in notices)
        assert all("\n" not in n for n in notices)
        assert "Disney" in screen.article_view.visible_text()
        if other == "timeline":
            assert screen.timeline_pane.shown  # the timeline still lists its events
        else:
            assert any("Cleveland" in t for t in _option_texts(screen.entities_pane))
        await pilot.press("tab", "j", "enter", "n", "N", "r", "escape")
        assert app.is_running


async def test_a_failing_highlight_keeps_the_reader_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app.widgets.article import ArticleView

    calls = {"n": 0}
    original = ArticleView.set_marks

    def sometimes(self: ArticleView, *args: Any) -> None:
        calls["n"] += 1
        if calls["n"] > 2:
            raise IndexError("mark beyond the text")
        original(self, *args)

    monkeypatch.setattr(ArticleView, "set_marks", sometimes)
    app = LedeApp(_article(tmp_path))
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        await pilot.press("e", "enter", "n", "slash", "D", "enter")
        await pilot.pause()
        assert app.is_running
        assert any("IndexError: mark beyond the text" in n for n in notices)
        assert "Disney" in screen.article_view.visible_text()


async def test_a_failing_analysis_in_a_library_leaves_the_library_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui import pipeline

    good = _article(tmp_path, "a-good.txt")
    bad = _article(tmp_path, "b-bad.txt", CASES.replace("Disney", "Pixar"))
    real = pipeline.analyze_cached

    def flaky(article: Any, *args: Any, **kwargs: Any) -> Any:
        if article.source.endswith("b-bad.txt"):
            raise MemoryError("out of memory in the tagger")
        return real(article, *args, **kwargs)

    monkeypatch.setattr("tui.app.app.analyze_cached", flaky)
    app = LedeApp(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        library = app.library
        assert library is not None
        await until(
            pilot,
            lambda: good in library.analyses and bad in library.failures,
            "one analysis and one failure",
        )
        assert library.failures[bad] == "MemoryError: out of memory in the tagger"
        rows = [str(o.prompt) for o in library.query_one("#library-list").options]  # type: ignore[attr-defined]
        assert "analysis failed" in rows[1] and "entities" in rows[0]
        await pilot.press("j", "enter")  # open the failed one: its text is readable
        screen = await opened(pilot, analysed=False)
        assert "Pixar" in screen.article_view.visible_text()
        assert _option_texts(screen.entities_pane)[0].startswith("Analysis failed: MemoryError")
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("k", "enter")  # the other opens with its entities
        await until(
            pilot,
            lambda: isinstance(app.screen, MainScreen) and app.analysis is not None,
            "the other article with its entities",
        )
        assert isinstance(app.screen, MainScreen) and app.analysis is not None
        assert any(e.name == "Disney" for e in app.analysis.entities)
        assert app.is_running


def test_a_big_article_is_analysed_in_a_child_with_two_parsers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's path for big articles: a child process, spaCy in two processes."""
    from tui.app.analysis_process import analyze_in_process
    from tui.nlp import storydoc
    from tui.pipeline import Options, read_article

    monkeypatch.setattr(storydoc, "PARALLEL_CHARS", 0)  # the child inherits it (fork)
    seen: list[float] = []
    analysis = analyze_in_process(
        read_article(_article(tmp_path)), Options(), False, seen.append, lambda: False
    )
    assert analysis is not None
    assert any(e.name.lower() == "cleveland" for e in analysis.entities)
    assert seen and seen[-1] == 1.0
