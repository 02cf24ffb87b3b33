"""The lede app: loads the article, runs the analysis in a worker, shows both.

Slow work never runs on the event loop: the cleaned article is built in a
thread (the text is on screen at once), then the language model loads and
the analysis runs in another; any failure becomes an error panel or a
notification, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.app.commands import COMMANDS
from tui.app.screens.error import ErrorScreen
from tui.app.screens.main import MainScreen
from tui.errors import LedeError
from tui.ingest import RawArticle
from tui.model import Analysis, Article
from tui.pipeline import Options, analyze_article, analyze_cached, build_article, read_raw


class LedeApp(App[int]):
    """A terminal reader for news articles."""

    CSS_PATH = "lede.tcss"
    TITLE = "lede"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        source: str | Path,
        options: Options | None = None,
        raw: RawArticle | None = None,
        cache: bool = False,
    ) -> None:
        super().__init__()
        self.use_cache = cache
        self.source = source
        self.options = options or Options()
        self._raw = raw
        self.article: Article | None = None
        self.analysis: Analysis | None = None

    async def on_mount(self) -> None:
        await self.push_screen(MainScreen())  # mounted before any worker reports
        self.load_article()

    @property
    def main_screen(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("no main screen")

    # --- workers -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="article")
    def load_article(self) -> None:
        try:
            raw = self._raw or read_raw(self.source)
            article = build_article(raw, self.options)
        except LedeError as error:
            self.call_from_thread(self.show_error, "Cannot open the article", error.message)
            return
        except Exception as error:
            self.call_from_thread(
                self.show_error, "Cannot open the article", f"{type(error).__name__}: {error}"
            )
            return
        self.call_from_thread(self._article_ready, article)

    def _article_ready(self, article: Article) -> None:
        self.article = article
        self.main_screen.show_article(article)
        self.analyse(article, self.options)

    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self, article: Article, options: Options) -> None:
        try:
            copy = replace(article, metadata=replace(article.metadata))
            shown = -1

            def progress(fraction: float) -> None:
                nonlocal shown
                percent = int(fraction * 100)
                if percent != shown:
                    shown = percent
                    self.call_from_thread(self.main_screen.show_progress, percent)

            if self.use_cache:
                from tui.cache import Cache

                analysis = analyze_cached(copy, options, Cache(), progress)
            else:
                analysis = analyze_article(copy, options, progress)
        except LedeError as error:
            self.call_from_thread(self.main_screen.show_analysis_error, error.message)
            return
        except Exception as error:
            self.call_from_thread(
                self.main_screen.show_analysis_error, f"{type(error).__name__}: {error}"
            )
            return
        self.call_from_thread(self._analysis_ready, analysis)

    def _analysis_ready(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.article = analysis.article
        self.main_screen.show_analysis(analysis)

    def reanalyse(self, date: str) -> None:
        """Give the publication date and re-normalise the timeline."""
        if self.article is None:
            return
        self.options = replace(self.options, date=date)
        main = self.main_screen
        main.timeline_pane.loading = True
        self.notify(f"Publication date set to {date}", timeout=3)
        self.analyse(self.article, self.options)

    async def action_quit(self) -> None:
        self.exit(0)

    def show_error(self, title: str, message: str) -> None:
        self.push_screen(ErrorScreen(title, message))

    # --- command palette ----------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        for command in COMMANDS:
            if command.palette and command.action != "app.quit":
                yield SystemCommand(
                    command.description,
                    f"key: {command.key_display}",
                    lambda action=command.action: screen.run_action(action),  # type: ignore[misc]
                )
