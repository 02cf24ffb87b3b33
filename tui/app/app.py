"""The lede app: loads the article, runs the analysis in a worker, shows both.

Slow work never runs on the event loop: the cleaned article is built in a
thread (the text is on screen at once), then the language model loads and
the analysis runs in another; any failure becomes an error panel or a
notification, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState, get_current_worker

from tui.app.analysis_process import analyze_in_process, is_big
from tui.app.commands import COMMANDS, parse_action
from tui.app.errors import record
from tui.app.messages import (
    AnalysisFailed,
    AnalysisProgress,
    AnalysisReady,
    ArticleLoaded,
    LibraryArticleUpdated,
)
from tui.app.screens.error import ErrorScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.main import MainScreen
from tui.errors import one_line
from tui.ingest import RawArticle, find_articles
from tui.model import Analysis, Article
from tui.options import Options
from tui.pipeline import (
    analyze_article,
    analyze_cached,
    build_article,
    read_article,
    read_raw,
)


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
        self.library: LibraryScreen | None = None
        self.entity_index: dict[str, set[Path]] = {}
        self.source = source
        self.options = options or Options()
        self._raw = raw
        self._select_on_ready: str | None = None
        self.article: Article | None = None
        self.analysis: Analysis | None = None

    def apply_config(self) -> None:
        """The user's keys and theme; what is wrong with them is one warning each."""
        from tui.app.commands import command_ids
        from tui.config import load_config

        config = load_config()
        warnings = list(config.warnings)
        known = set(command_ids())
        keys = {c: k for c, k in config.keys.items() if c in known}
        warnings += [
            f"unknown command '{c}' in [keys]; ignored" for c in config.keys if c not in known
        ]
        if keys:
            self.set_keymap(keys)
        if config.theme and config.theme in self.available_themes:
            self.theme = config.theme
        elif config.theme:
            warnings.append(f"unknown theme '{config.theme}'; using {self.theme}")
        for warning in warnings:
            self.notify(warning, title="Settings", severity="warning", markup=False, timeout=8)
        self.theme_changed_signal.subscribe(self, self._save_theme)

    def _save_theme(self, theme: Theme) -> None:
        """A theme chosen in the palette is kept for next time."""
        from tui.config import save_theme

        try:
            save_theme(theme.name)
        except OSError as error:
            self.notify(f"theme not saved: {error}", severity="warning", markup=False)

    async def on_mount(self) -> None:
        self.apply_config()
        if (
            self._raw is None
            and not str(self.source).startswith(("http", "-"))
            and Path(self.source).is_dir()
        ):
            folder = Path(self.source)
            self.library = LibraryScreen(folder, find_articles(folder))
            await self.push_screen(self.library)
            self.scan_library()
            return
        await self.push_screen(MainScreen())  # mounted before any worker reports
        self.load_article()

    @property
    def main_screen(self) -> MainScreen:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("no main screen")

    # --- the library ------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def scan_library(self) -> None:
        """Read every article of the folder, then analyse each (cache first).

        One article that fails to read or analyse is marked in its row; the
        others go on.
        """
        from tui.cache import Cache

        library = self.library
        assert library is not None
        articles: dict[Path, Article] = {}
        for path in library.paths:
            try:
                articles[path] = read_article(path, self.options)
            except Exception as error:
                self.post_message(LibraryArticleUpdated(path, one_line(error)))
                continue
            self.post_message(LibraryArticleUpdated(path, articles[path]))
        cache = Cache() if self.use_cache else None
        for path, article in articles.items():
            try:
                analysis = analyze_cached(article, self.options, cache)
            except Exception as error:
                record(f"analysing {path}", error)
                self.post_message(AnalysisFailed(one_line(error), path))
                continue
            self.post_message(LibraryArticleUpdated(path, article, analysis))

    def on_library_article_updated(self, message: LibraryArticleUpdated) -> None:
        if self.library is None:
            return
        if message.analysis is not None:
            for entity in message.analysis.entities:
                self.entity_index.setdefault(entity.id, set()).add(message.path)
        self.library.update(message.path, message.article, message.analysis)

    async def open_article(self, path: Path, entity_id: str | None = None) -> None:
        """Open an article of the library; backspace comes back. With ``entity_id``
        (from "other articles naming it") that entity is selected at its first mention."""
        self.source, self._raw, self.article, self.analysis = path, None, None, None
        self._select_on_ready = entity_id
        await self.push_screen(MainScreen())
        library = self.library
        known = library.analyses.get(path) if library else None
        read = library.articles.get(path) if library else None
        if known is not None:
            self.article = known.article
            self.main_screen.show_article(known.article)
            self.on_analysis_ready(AnalysisReady(known))
        elif library is not None and path in library.failures and isinstance(read, Article):
            # The analysis failed: the cleaned text is still there to read.
            self.article = read
            self.main_screen.show_article(read)
            self.main_screen.show_analysis_error(library.failures[path])
        else:
            self.load_article()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.unavailable(action) is None

    def unavailable(self, action: str) -> str | None:
        """Why an app-wide action does nothing now, or None."""
        if action == "back" and self.library is None:
            return "Backspace goes back to a folder's list: lede opened one article."
        return None

    async def action_back(self) -> None:
        if self.library is not None and isinstance(self.screen, MainScreen):
            self.pop_screen()
            self.sub_title = ""

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def others_for(self, entity_id: str) -> list[tuple[Path, str]]:
        """The other articles of the library that name an entity, with their titles."""
        if self.library is None:
            return []
        here = Path(self.source)
        found = []
        for path in sorted(self.entity_index.get(entity_id, set()) - {here}):
            article = self.library.articles.get(path)
            title = article.title if article is not None and not isinstance(article, str) else None
            found.append((path, title or path.name))
        return found

    def elsewhere_counts(self) -> dict[str, int]:
        here = Path(self.source)
        return {
            eid: len(paths - {here}) for eid, paths in self.entity_index.items() if paths - {here}
        }

    # --- workers -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self) -> Article:
        """Read, clean and segment: fast, no model; the text is on screen at once."""
        raw = self._raw or read_raw(self.source)
        article = build_article(raw, self.options)
        self.post_message(ArticleLoaded(article))
        return article

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def analyze(self, article: Article, options: Options) -> Analysis | None:
        """The language stages, in a child process for big articles."""
        shown = -1

        def progress(fraction: float) -> None:
            nonlocal shown
            percent = int(fraction * 100)
            if percent != shown:
                shown = percent
                self.post_message(AnalysisProgress(percent))

        if is_big(article):
            worker = get_current_worker()
            analysis = analyze_in_process(
                article, options, self.use_cache, progress, lambda: worker.is_cancelled
            )
            if analysis is None:
                return None
        elif self.use_cache:
            from tui.cache import Cache

            analysis = analyze_cached(article, options, Cache(), progress)
        else:
            analysis = analyze_article(article, options, progress)
        self.post_message(AnalysisReady(analysis))
        return analysis

    # --- what the workers report ------------------------------------------------

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        self.article = message.article
        self._in_main(lambda screen: screen.show_article(message.article))
        self.analyze(message.article, self.options)

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self._in_main(lambda screen: screen.show_progress(message.percent))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        analysis = message.analysis
        self.analysis = analysis
        self.article = analysis.article
        elsewhere = self.elsewhere_counts() if self.library is not None else None
        self._in_main(lambda screen: screen.show_analysis(analysis, elsewhere))
        if (entity_id := self._select_on_ready) is not None:
            self._select_on_ready = None
            self._in_main(lambda screen: screen.select_entity(entity_id))

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        """An analysis failed: a library marks the article's row, the reader its panes."""
        if message.path is not None:
            if self.library is not None:
                self.library.failed(message.path, message.message)
            return
        self._in_main(lambda screen: screen.show_analysis_error(message.message))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a worker's failure becomes what the user sees."""
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        error = event.worker.error
        group = event.worker.group
        if group == "article":
            record("opening the article", error)
            self.show_error("Cannot open the article", one_line(error))
        elif group == "analysis":
            record("analysing the article", error)
            self.post_message(AnalysisFailed(one_line(error)))
        else:
            self.report_error(f"the {group} task", error)

    def _in_main(self, action: Callable[[MainScreen], None]) -> None:
        try:
            screen = self.main_screen
        except LookupError:
            return
        action(screen)

    def report_error(self, where: str, error: BaseException) -> None:
        """Tell the user in one line what failed; the traceback goes to the log."""
        record(where, error)
        self.notify(
            f"{where}: {one_line(error)}",
            title="Something went wrong",
            severity="error",
            markup=False,
            timeout=10,
        )

    def reanalyze(self, date: str) -> None:
        """Give the publication date and re-normalise the timeline."""
        if self.article is None:
            return
        self.options = replace(self.options, date=date)
        self._in_main(lambda screen: screen.wait_for_timeline())
        self.notify(f"Publication date set to {date}", timeout=3)
        self.analyze(self.article, self.options)

    async def action_quit(self) -> None:
        self.exit(0)

    def show_error(self, title: str, message: str) -> None:
        self.push_screen(ErrorScreen(title, message))

    # --- command palette ----------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own "Keys" panel and "Screenshot" are left out: "Show every key"
        # lists the reader's keys, and a screenshot of an article is not a reader's need.
        for system in super().get_system_commands(screen):
            if system.title not in {"Keys", "Screenshot"}:
                yield system
        if not isinstance(screen, MainScreen):
            return
        for command in COMMANDS:
            name, parameters = parse_action(command.action)
            if name.startswith("app."):
                usable = self.unavailable(name.removeprefix("app.")) is None
            else:
                usable = screen.unavailable(name, parameters) is None
            if command.palette and command.action != "app.quit" and usable:
                yield SystemCommand(
                    command.description,
                    f"key: {command.key_display}",
                    lambda action=command.action: screen.run_action(action),
                )
