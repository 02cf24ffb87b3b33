"""The library: the articles of a folder, to open one and come back.

Rows fill in as a worker reads and analyses each article (from the cache
when it can); the entity index it builds tells the reader in which other
articles of the folder an entity appears.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.lists import PaneList
from tui.model import Analysis, Article
from tui.reading.cells import fit
from tui.reading.counts import counted

if TYPE_CHECKING:
    from tui.app.app import LedeApp


TITLE_CELLS = 50
SITE_CELLS = 14


class LibraryScreen(Screen[None]):
    """Articles of a folder: title, date, site, stories, entities."""

    BINDINGS = [
        Binding("q", "app.quit", "quit", key_display="q"),
        Binding("question_mark", "app.help", "help", key_display="?"),
    ]

    def __init__(self, folder: Path, paths: list[Path]) -> None:
        super().__init__()
        self.folder = folder
        self.paths = paths
        self.articles: dict[Path, Article | str] = {}
        self.analyses: dict[Path, Analysis] = {}
        self.failures: dict[Path, str] = {}  # articles whose analysis failed, and why

    def compose(self) -> ComposeResult:
        yield Header()
        yield PaneList(
            *(Option(self._prompt(p), id=str(i)) for i, p in enumerate(self.paths)),
            id="library-list",
        )
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one("#library-list", PaneList)
        listing.border_title = Content(f"{self.folder} — {len(self.paths)} articles")
        listing.border_subtitle = Content("enter opens · backspace comes back")
        listing.focus()

    def update(self, path: Path, article: Article | str, analysis: Analysis | None = None) -> None:
        self.articles[path] = article
        if analysis is not None:
            self.analyses[path] = analysis
        index = self.paths.index(path)
        self.query_one("#library-list", PaneList).replace_option_prompt_at_index(
            index, self._prompt(path)
        )

    def failed(self, path: Path, message: str) -> None:
        """The analysis failed: the article still opens, its text readable."""
        self.failures[path] = message
        index = self.paths.index(path)
        self.query_one("#library-list", PaneList).replace_option_prompt_at_index(
            index, self._prompt(path)
        )

    def _prompt(self, path: Path) -> Text:
        article = self.articles.get(path)
        row = Text(no_wrap=True, overflow="ellipsis")
        if article is None:
            row.append(f"{path.name}  ", style="bold")
            row.append("reading…", style="italic")
            return row
        if isinstance(article, str):
            row.append(f"{path.name}  ", style="bold")
            row.append(article, style="italic")
            return row
        meta = article.metadata
        title = article.title or path.name
        # Columns in cells: a title in Hangul or Han characters is twice as wide as its length.
        row.append(fit(title, TITLE_CELLS), style="bold")
        row.append(f"  {meta.date or 'no date':<10}  {fit(meta.site or '', SITE_CELLS)}  ")
        row.append(f"{counted(len(article.stories), 'story')}  ")
        analysis = self.analyses.get(path)
        if path in self.failures:
            row.append("analysis failed", style="italic")
        else:
            row.append(
                counted(len(analysis.entities), "entity") if analysis else "analysing…", style="dim"
            )
        return row

    @on(OptionList.OptionSelected, "#library-list")
    async def _open(self, event: OptionList.OptionSelected) -> None:
        path = self.paths[int(event.option.id or 0)]
        if isinstance(self.articles.get(path), str):
            self.notify(
                str(self.articles[path]), title="Cannot open", severity="error", markup=False
            )
            return
        await cast("LedeApp", self.app).open_article(path)
