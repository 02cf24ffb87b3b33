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
from typing import TYPE_CHECKING, Any

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
    FeedsChanged,
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

if TYPE_CHECKING:
    from tui.feeds.store import FeedStore


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
        feeds: Path | None = None,
    ) -> None:
        super().__init__()
        self.use_cache = cache
        self.library: LibraryScreen | None = None
        # The feed library (``lede feeds``): its store, and the item being read.
        self.feeds_path = feeds
        self.feed_store: FeedStore | None = None
        self.current_item: int | None = None
        self._event_on_ready: tuple[str, int] | None = None
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
        if self.feeds_path is not None:
            await self.open_feeds(self.feeds_path)
            return
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

    async def open_article(self, path: Path | int, entity_id: str | None = None) -> None:
        """Open an article of the library (a path) or of the feeds (an item's number);
        backspace comes back. With ``entity_id`` (from "other articles naming it") that
        entity is selected at its first mention."""
        if isinstance(path, int):
            await self.open_item(path, entity_id)
            return
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
        if action == "back" and self.library is None and self.feed_store is None:
            return "Backspace goes back to a list of articles: lede opened one article."
        if action == "refresh_feeds" and self.feed_store is None:
            return "R refreshes the feeds of 'lede feeds'."
        return None

    async def action_back(self) -> None:
        if (self.library is not None or self.feed_store is not None) and isinstance(
            self.screen, MainScreen
        ):
            self.pop_screen()
            self.sub_title = ""
            self.current_item = None

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def others_for(self, entity_id: str) -> list[tuple[Path | int, str]]:
        """The other articles of the library or the feeds that name an entity, with titles."""
        if self.feed_store is not None:
            return list(self.feed_store.others(entity_id, self.current_item))
        if self.library is None:
            return []
        here = Path(self.source)
        found: list[tuple[Path | int, str]] = []
        for path in sorted(self.entity_index.get(entity_id, set()) - {here}):
            article = self.library.articles.get(path)
            title = article.title if article is not None and not isinstance(article, str) else None
            found.append((path, title or path.name))
        return found

    def elsewhere_counts(self) -> dict[str, int]:
        """For each entity of the article shown, how many other articles name it."""
        if self.feed_store is not None:
            from tui.feeds.store import link_key

            counts = self.feed_store.elsewhere_counts(self.current_item)
            entities = self.analysis.entities if self.analysis else []
            return {e.id: n for e in entities if (n := counts.get(link_key(e.id), 0))}
        here = Path(self.source)
        return {
            eid: len(paths - {here}) for eid, paths in self.entity_index.items() if paths - {here}
        }

    # --- the feeds ------------------------------------------------------------

    async def open_feeds(self, path: Path) -> None:
        from tui.app.screens.feeds import FeedsScreen
        from tui.feeds.store import FeedStore

        self.feed_store = FeedStore(path)
        if self.feed_store.notice:
            self.notify(self.feed_store.notice, severity="warning", markup=False, timeout=10)
        await self.push_screen(FeedsScreen(self.feed_store))
        self.analyze_feed_items()

    async def open_item(
        self, item_id: int, entity_id: str | None = None, event: tuple[str, int] | None = None
    ) -> None:
        """Read a stored item (marked read): its analysis at once when it has one."""
        store = self.feed_store
        assert store is not None
        item = store.item(item_id)
        if item is None:
            self.notify("That item is no longer stored", severity="warning")
            return
        from tui.feeds.refresh import item_raw

        store.set_read([item_id])
        if item.source == "summary":
            self.notify(
                f"Only the feed's summary: the page could not be read ({item.note})",
                severity="warning",
                markup=False,
                timeout=6,
            )
        self.current_item = item_id
        self.source = item.link or f"{item.feed}#{item.guid}"
        self.article = self.analysis = None
        self._select_on_ready, self._event_on_ready = entity_id, event
        if isinstance(self.screen, MainScreen):
            self.pop_screen()  # one article at a time over the list
        await self.push_screen(MainScreen())
        known = store.analysis(item_id)
        if known is not None:
            self._raw = None
            self.article = known.article
            self.main_screen.show_article(known.article)
            self.on_analysis_ready(AnalysisReady(known))
            return
        try:
            self._raw = item_raw(store, item_id)
        except Exception as error:
            record("opening the item", error)
            self.show_error("Cannot open the article", one_line(error))
            return
        self.load_article()

    def entity_across(self, entity_id: str, name: str) -> None:
        """Every dated event naming an entity, across the stored articles."""
        from tui.app.screens.across import AcrossScreen
        from tui.feeds.store import EventRow

        assert self.feed_store is not None
        events = self.feed_store.entity_timeline(entity_id)
        if not events:
            self.notify(f"No dated event names {name} in the stored articles", timeout=3)
            return

        async def chosen(event: EventRow | None) -> None:
            if event is not None:
                await self.open_item(event.item, entity_id, (event.story, event.start))

        self.push_screen(AcrossScreen(name, events), chosen)

    def action_refresh_feeds(self) -> None:
        if self.feed_store is None:
            return
        self.notify("Refreshing the feeds…", timeout=3)
        self.refresh_feeds()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def refresh_feeds(self) -> None:
        """Fetch every feed (concurrently), then analyse what is new."""
        from tui.feeds.refresh import FeedResult, refresh
        from tui.feeds.store import FeedStore

        assert self.feeds_path is not None
        store = FeedStore(self.feeds_path)

        def report(result: FeedResult) -> None:
            self.post_message(FeedsChanged(result.line()))

        try:
            results = refresh(store, report=report)
        finally:
            store.close()
        new = sum(r.new for r in results)
        failed = [r.line() for r in results if r.error]
        summary = f"{len(results)} feeds refreshed: {new} new items"
        summary += f", {len(failed)} failed" if failed else ""
        self.post_message(FeedsChanged(summary, failed, done=True))

    @work(thread=True, exclusive=True, group="feed-analysis", exit_on_error=False)
    def analyze_feed_items(self) -> None:
        """Analyse the stored items that have none, one at a time, the lists filling
        in as each is done (the cache answers for ones seen before)."""
        from tui.feeds.refresh import analyze_pending
        from tui.feeds.store import FeedStore

        assert self.feeds_path is not None
        worker = get_current_worker()
        store = FeedStore(self.feeds_path)
        try:
            for item_id, _ in analyze_pending(store, self.options, 1, self.use_cache):
                self.post_message(FeedsChanged(item=item_id))
                if worker.is_cancelled:
                    return
        finally:
            store.close()

    def on_feeds_changed(self, message: FeedsChanged) -> None:
        """A refresh or an analysis reported: the feed lists are drawn again."""
        from tui.app.screens.feeds import FeedsScreen, ItemsScreen

        for screen in self.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.redraw(None if message.done else message.line)
            elif isinstance(screen, ItemsScreen):
                screen.redraw()
        if message.done:
            for line in message.failed:
                self.notify(line, title="Feed not refreshed", severity="warning", markup=False)
            self.notify(message.line, title="Feeds", timeout=5)
            self.analyze_feed_items()
        if (
            message.item is not None
            and message.item == self.current_item
            and self.analysis is None
            and self.feed_store is not None
            and (known := self.feed_store.analysis(message.item)) is not None
        ):
            self.on_analysis_ready(AnalysisReady(known))

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
        if self.feed_store is not None and self.current_item is not None:
            item = self.feed_store.item(self.current_item)
            if item is not None and not item.analysed:
                self.feed_store.save_analysis(self.current_item, analysis)
        shelved = self.library is not None or self.feed_store is not None
        elsewhere = self.elsewhere_counts() if shelved else None
        self._in_main(lambda screen: screen.show_analysis(analysis, elsewhere))
        if (entity_id := self._select_on_ready) is not None:
            self._select_on_ready = None
            self._in_main(lambda screen: screen.select_entity(entity_id))
        if (place := self._event_on_ready) is not None:
            self._event_on_ready = None
            found = [
                i
                for i, event in enumerate(analysis.timeline)
                if (event.story, event.sentence_start) == place
            ]
            if found:
                self._in_main(lambda screen: screen.select_event(found[0]))

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
