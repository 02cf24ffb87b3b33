"""Messages the panes post upward and the workers post to the app.

The panes say what a person chose; the main screen decides what follows.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from tui.model import Analysis, Article


class EntityChosen(Message):
    """A person picked an entity in the entities pane."""

    def __init__(self, entity_id: str) -> None:
        super().__init__()
        self.entity_id = entity_id


class EventChosen(Message):
    """A person picked an event in the timeline pane."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class StoryChosen(Message):
    """A person picked a story in the story bar."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


# Workers report with these (``post_message`` is safe from a thread); the
# app's handlers decide what each screen shows. No worker touches a widget.


class ArticleLoaded(Message):
    """The article is read, cleaned and segmented: its text can be shown."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article


class AnalysisProgress(Message):
    """How much of the text the language model has read, in percent."""

    def __init__(self, percent: int) -> None:
        super().__init__()
        self.percent = percent


class AnalysisReady(Message):
    """The language stages finished."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis


class AnalysisFailed(Message):
    """The analysis of an article failed; ``path`` names a library article."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__()
        self.message = message
        self.path = path


class LibraryArticleUpdated(Message):
    """A library article was read, or analysed too (``article`` is the error if unreadable)."""

    def __init__(self, path: Path, article: Article | str, analysis: Analysis | None = None):
        super().__init__()
        self.path = path
        self.article = article
        self.analysis = analysis


class FeedsChanged(Message):
    """A feed was refreshed (``line`` says how), the refresh ended (``done``, with the
    ``failed`` feeds' lines), or an item's analysis was stored (``item``)."""

    def __init__(
        self,
        line: str = "",
        failed: list[str] | None = None,
        done: bool = False,
        item: int | None = None,
    ) -> None:
        super().__init__()
        self.line = line
        self.failed = failed or []
        self.done = done
        self.item = item
