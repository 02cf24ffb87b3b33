"""The main screen: story bar, entities, article, timeline; all the keys.

State lives here in reactives; the panes post what a person chose
(``EntityChosen``, ``EventChosen``, ``StoryChosen``) and this screen tells
the others what to show. It never computes an analysis: it renders one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from tui.app.commands import COMMAND_KEYS, bindings, parse_action
from tui.app.errors import contained
from tui.app.messages import EntityChosen, EventChosen, StoryChosen
from tui.app.outside import edit_text, open_in_browser
from tui.app.screens.choice import ChoiceScreen
from tui.app.screens.date import DateScreen
from tui.app.screens.help import HelpScreen
from tui.app.widgets.article import ArticleView
from tui.app.widgets.entities import GROUP_TITLES, EntitiesPane
from tui.app.widgets.storybar import StoryBar
from tui.app.widgets.timeline import TimelinePane
from tui.model import ENTITY_TYPES, Analysis, Article, Entity, Story
from tui.reading.counts import counted
from tui.reading.highlights import Mark, Selection, base_marks, overlay_marks
from tui.reading.targets import Stepper, Target, mention_targets

if TYPE_CHECKING:
    from tui.app.app import LedeApp


def link_label(text: str, url: str) -> str:
    """A link's row: its words and its address, or the address alone when the words
    are empty or are an address themselves."""
    if not text or text == url or text.startswith(("http://", "https://", "www.")):
        return url
    return f"{text} — {url}"


# Under this width the three panes would leave the article under 60 columns:
# one pane shows at a time.
NARROW_WIDTH = 140
PANES = ("entities", "article", "timeline")
# What "f" offers: every type, or one type only.
TYPE_FILTERS: tuple[tuple[str, ...], ...] = (ENTITY_TYPES, *((t,) for t in ENTITY_TYPES))


class MainScreen(Screen[None]):
    """The reader."""

    BINDINGS = bindings()

    story_index: reactive[int] = reactive(0)
    selected_entity: reactive[str | None] = reactive(None)
    selected_event: reactive[int | None] = reactive(None)
    timeline_entity: reactive[str | None] = reactive(None)
    type_filter: reactive[int] = reactive(0)
    shown_pane: reactive[str] = reactive("article")
    show_removed: reactive[bool] = reactive(False)

    def __init__(self) -> None:
        super().__init__()
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.stepper = Stepper()  # what n/N step through, and where they stand
        self._waiting = False  # the analysis has not come yet
        self._base_cache: dict[tuple[object, ...], list[Mark]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield StoryBar(id="story-bar")
        with Horizontal(id="panes", classes="show-article"):
            yield EntitiesPane(id="entities")
            yield ArticleView(id="article", classes="pane")
            yield TimelinePane(id="timeline")
        yield Input(placeholder="search the article (enter to jump, esc to close)", id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self._waiting = True
        self.show_progress(0)
        self.article_view.focus()
        self._apply_width(self.size.width)

    # --- widgets ------------------------------------------------------------

    @property
    def lede(self) -> LedeApp:
        """The app as the reader it is (Textual types ``app`` as any App)."""
        return cast("LedeApp", self.app)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def entities_pane(self) -> EntitiesPane:
        return self.query_one(EntitiesPane)

    @property
    def timeline_pane(self) -> TimelinePane:
        return self.query_one(TimelinePane)

    @property
    def stories(self) -> list[Story]:
        return self.article.stories if self.article else []

    @property
    def story(self) -> Story | None:
        stories = self.stories
        return stories[self.story_index] if 0 <= self.story_index < len(stories) else None

    # --- data in -----------------------------------------------------------

    @contained("showing the article")
    def show_article(self, article: Article) -> None:
        """The cleaned text, before any analysis: readable at once."""
        self.article = article
        self.app.sub_title = article.title or ""
        self.query_one(StoryBar).set_stories(article.stories)
        self.story_index = 0
        self._show_story()
        self.refresh_bindings()  # story keys act only with several stories

    @contained("showing the analysis")
    def show_analysis(self, analysis: Analysis, elsewhere: dict[str, int] | None = None) -> None:
        """Entities, timeline and highlights: each pane on its own, so one failing
        leaves the others (and the text) working. ``elsewhere`` counts, per
        entity, the other articles of a library that name it."""
        if elsewhere is not None:
            self.entities_pane.elsewhere = elsewhere
        self.analysis = analysis
        self.article = analysis.article
        self._waiting = False
        if self.selected_entity and not self._entity(self.selected_entity):
            self.selected_entity = None
        self._refresh_entities()
        self._refresh_timeline()
        self._refresh_marks()

    def wait_for_timeline(self) -> None:
        """The timeline is being worked out again (a new publication date): the old
        events stay listed until the new ones come."""
        self.timeline_pane.border_subtitle = Content("dating the events again…")

    def show_progress(self, percent: int) -> None:
        """How far the language model has read: in the panes' rows while they wait
        (the panes keep their place, and e and t still go to them)."""
        if not self._waiting:
            return
        self.entities_pane.show_message(f"Finding people, places and organisations… {percent}%")
        self.timeline_pane.show_message(f"Finding dates… {percent}%")
        label = Content(f"analysing… {percent}%")
        self.entities_pane.border_subtitle = label
        self.timeline_pane.border_subtitle = label

    def show_analysis_error(self, message: str) -> None:
        """The analysis failed: the text stays readable, the panes say why in one line."""
        self._waiting = False
        for pane in (self.entities_pane, self.timeline_pane):
            pane.show_message(f"Analysis failed: {message}")
            pane.border_subtitle = Content("analysis failed")
        self.notify(message, title="Analysis failed", severity="error", markup=False, timeout=10)

    # --- stories -------------------------------------------------------------

    def watch_story_index(self) -> None:
        self._show_story()

    @contained("showing the story")
    def _show_story(self) -> None:
        story = self.story
        if story is None:
            return
        view = self.article_view
        view.show_story(story, self.article.removed_in(story) if self.article else [])
        view.border_title = Content(
            "Main story" if story.kind == "main" else f"Embedded story {self.story_index}"
        )
        self.query_one(StoryBar).select(self.story_index)
        self._refresh_marks()

    def action_next_story(self) -> None:
        if len(self.stories) > 1:
            self.story_index = (self.story_index + 1) % len(self.stories)

    def action_previous_story(self) -> None:
        if len(self.stories) > 1:
            self.story_index = (self.story_index - 1) % len(self.stories)

    def action_go_story(self, number: int) -> None:
        if 1 <= number <= len(self.stories):
            self.story_index = number - 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key that would do nothing here is left out of the footer and palette."""
        return self.unavailable(action, parameters) is None

    def unavailable(self, action: str, parameters: tuple[object, ...] = ()) -> str | None:
        """Why an action does nothing in this article now, or None when it does something."""
        if action in {"next_story", "previous_story"} and len(self.stories) < 2:
            return "This article has one story."
        if action == "go_story":
            number = parameters[0] if parameters else 0
            if not (isinstance(number, int) and 1 <= number <= len(self.stories)):
                return f"There is no story {number}: this article has {len(self.stories)}."
        if action in {"next_match", "previous_match"} and not self.stepper.targets:
            return "Nothing to step through: choose an entity (e) or search (/) first."
        if action == "other_articles" and self.lede.library is None and not self.lede.feed_store:
            return "Other articles are listed when lede opens a folder of articles, or its feeds."
        if action == "entity_across" and self.lede.feed_store is None:
            return "The timeline across articles is for the feeds' articles ('lede feeds')."
        if action == "show_all_events" and self.timeline_entity is None:
            return "The timeline already shows every event."
        if action == "show_links" and not (self.article and self.article.links):
            return "This article has no links."
        if action == "open_address" and not self._address():
            return "The article has no address of its own (it was not read from the web)."
        return None

    def on_key(self, event: events.Key) -> None:
        """A key whose command does nothing here says why, in a notice."""
        command = COMMAND_KEYS.get(event.key)
        if command is None:
            return
        action, parameters = parse_action(command.action)
        if action.startswith("app."):
            why = self.lede.unavailable(action.removeprefix("app."))
        else:
            why = self.unavailable(action, parameters)
        if why:
            event.stop()
            self.notify(why, timeout=3)

    @on(StoryChosen)
    def _story_chosen(self, message: StoryChosen) -> None:
        self.story_index = message.index

    # --- panes ---------------------------------------------------------------

    def on_resize(self) -> None:
        self._apply_width(self.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "narrow")

    def watch_shown_pane(self, pane: str) -> None:
        panes = self.query_one("#panes")
        for name in PANES:
            panes.set_class(name == pane, f"show-{name}")

    def action_focus_pane(self, pane: str) -> None:
        self.shown_pane = pane
        timeline = self.timeline_pane
        widget = {
            "entities": self.entities_pane.option_list,
            "timeline": timeline.chart if timeline.charting else timeline.option_list,
        }.get(pane, self.article_view)
        self.call_after_refresh(widget.focus)

    def _current_pane(self) -> str:
        focused = self.focused
        for name, pane in (("entities", self.entities_pane), ("timeline", self.timeline_pane)):
            if focused is not None and pane in focused.ancestors_with_self:
                return name
        return "article"

    def action_next_pane(self) -> None:
        self.action_focus_pane(PANES[(PANES.index(self._current_pane()) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        self.action_focus_pane(PANES[(PANES.index(self._current_pane()) - 1) % len(PANES)])

    # --- entities ------------------------------------------------------------

    def _entity(self, entity_id: str) -> Entity | None:
        return self.analysis.entity(entity_id) if self.analysis is not None else None

    @contained("showing the entities")
    def _refresh_entities(self) -> None:
        if self.analysis is None:
            return
        types = TYPE_FILTERS[self.type_filter]
        self.entities_pane.show(self.analysis.entities, types, " ".join(self.analysis.notes))
        count = sum(1 for e in self.analysis.entities if e.type in types)
        self.entities_pane.border_subtitle = Content(f"{count} shown · f types")

    def watch_type_filter(self) -> None:
        self._refresh_entities()
        self._refresh_marks()

    def action_filter_types(self) -> None:
        """Offer every type, or one type only: those the article has, with their counts."""
        entities = self.analysis.entities if self.analysis else []
        rows = [(f"All types ({len(entities)})", 0)]
        for index, types in enumerate(TYPE_FILTERS[1:], start=1):
            count = sum(1 for e in entities if e.type in types)
            if count:
                rows.append((f"{GROUP_TITLES[types[0]]} only ({count})", index))
        current = next((i for i, (_, v) in enumerate(rows) if v == self.type_filter), 0)

        def apply(choice: int | None) -> None:
            if choice is not None:
                self.type_filter = choice

        self.app.push_screen(ChoiceScreen("Show entities of", rows, current), apply)

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        self.select_entity(message.entity_id)

    @contained("selecting the entity")
    def select_entity(self, entity_id: str) -> None:
        """Highlight an entity's mentions, narrow the timeline, go to the first."""
        entity = self._entity(entity_id)
        if entity is None or self.article is None:
            return
        self.selected_event = None
        self.selected_entity = entity_id
        self.timeline_entity = entity_id
        self._show_target(self.stepper.follow(mention_targets(self.article, entity)))
        self.refresh_bindings()  # n/N can act now
        self._reveal_article()

    def watch_timeline_entity(self) -> None:
        self._refresh_timeline()
        self.refresh_bindings()

    def action_toggle_chart(self) -> None:
        """The timeline as a list or drawn to scale; the keys go to what is shown."""
        pane = self.timeline_pane
        pane.toggle_chart()
        if self._current_pane() == "timeline" or self.has_class("narrow"):
            self.action_focus_pane("timeline")

    def action_show_all_events(self) -> None:
        self.timeline_entity = None

    # --- timeline ------------------------------------------------------------

    @contained("showing the timeline")
    def _refresh_timeline(self) -> None:
        if self.analysis is None:
            return
        events = self.analysis.timeline
        note = ""
        if not events and self.analysis.notes:
            note = self.analysis.notes[-1]
        elif not self.analysis.article.metadata.date:
            note = "Publication date unknown: in reading order. Press d to give it."
        shown = list(range(len(events)))
        if self.timeline_entity:
            shown = [i for i in shown if self.timeline_entity in events[i].entities]
            entity = self._entity(self.timeline_entity)
            note = (
                note + "\n" if note else ""
            ) + f"Only events with {entity.name if entity else '?'} (a: all)"
        stories = [story.id for story in self.analysis.article.stories]
        published = self.analysis.article.metadata.date
        self.timeline_pane.show(events, shown, note, stories, published)
        self.timeline_pane.border_subtitle = Content(
            f"{len(shown)} of {counted(len(events), 'event')}"
        )

    @on(EventChosen)
    def _event_chosen(self, message: EventChosen) -> None:
        self.select_event(message.index)

    @contained("going to the event")
    def select_event(self, index: int) -> None:
        """Jump to an event's sentence, in whichever story it is, and mark its entities."""
        if self.analysis is None or self.article is None:
            return
        event = self.analysis.timeline[index]
        self.selected_event = index
        self.selected_entity = None
        number = self.article.story_number(event.story)
        if self.story_index != number:
            self.story_index = number
        self._refresh_marks()
        self.article_view.scroll_to_offset(event.sentence_start)
        if event.entities:
            self.entities_pane.highlight(event.entities[0])
        names = [e.name for i in event.entities if (e := self._entity(i))]
        self.article_view.border_subtitle = Content(
            f"{event.label}: " + (", ".join(names) or "no entities")
        )
        self._reveal_article()

    def _reveal_article(self) -> None:
        """On a narrow screen the article is hidden behind a list: show the jump."""
        if self.has_class("narrow"):
            self.action_focus_pane("article")

    # --- n / N ------------------------------------------------------------------

    def action_next_match(self) -> None:
        self._show_target(self.stepper.step(1))

    def action_previous_match(self) -> None:
        self._show_target(self.stepper.step(-1))

    @contained("going to the mention")
    def _show_target(self, target: Target | None) -> None:
        """Bring the stepper's current target into view and say where it is."""
        if target is not None and self.story_index != target.story:
            self.story_index = target.story
        self._refresh_marks()
        if target is None:
            return
        self.article_view.scroll_to_offset(target.start)
        what = "match" if self.stepper.mode == "search" else "mention"
        count = len(self.stepper.targets)
        self.article_view.border_subtitle = Content(f"{what} {self.stepper.cursor + 1} of {count}")

    # --- search -----------------------------------------------------------------

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.action_focus_pane("article")
        if self.stepper.matches:
            top = self.article_view.scroll_offset.y
            first = self.stepper.first_from(
                self.story_index, lambda t: self.article_view.line_of(t.start) >= top
            )
            self._show_target(self.stepper.go(first))

    @contained("searching")
    def run_search(self, query: str) -> None:
        if self.article is None:
            return
        count = self.stepper.search(self.article, query)
        wanted = self.stepper.query
        self.article_view.border_subtitle = Content(
            f"{counted(count, 'match')} for “{wanted}”" if wanted else ""
        )
        self._refresh_marks()
        self.refresh_bindings()

    # --- other actions ----------------------------------------------------------

    def watch_show_removed(self, shown: bool) -> None:
        self.article_view.show_removed = shown

    @contained("showing removed blocks")
    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed
        count = len(self.article.removed) if self.article else 0
        self.article_view.border_subtitle = Content(
            f"showing {counted(count, 'removed block')} · r hides" if self.show_removed else ""
        )

    def action_set_date(self) -> None:
        current = self.article.metadata.date if self.article else None

        def apply(value: str | None) -> None:
            if value:
                self.lede.reanalyze(value)

        self.app.push_screen(DateScreen(current), apply)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    @contained("copying the sentence")
    def action_copy_sentence(self) -> None:
        """The selected mention's (or event's) sentence, else the one at the top of the view."""
        text = self._current_sentence()
        if not text:
            self.notify("No sentence here to copy.", timeout=3)
            return
        self.app.copy_to_clipboard(text)
        # Enough words to say which sentence: cut at a word, not in one.
        shown = text if len(text) <= 40 else text[:40].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        self.notify(f"Copied: “{shown}”", timeout=3, markup=False)

    # --- links and the world outside -------------------------------------------

    def _address(self) -> str | None:
        if self.article is None:
            return None
        source = self.article.source
        return self.article.metadata.url or (source if source.startswith("http") else None)

    @contained("listing the links")
    def action_show_links(self) -> None:
        """The article's links, those in its stories first; enter opens one."""
        assert self.article is not None
        rows = [(link_label(link.text, link.url), link.url) for link in self.article.links]
        inside = sum(1 for link in self.article.links if link.in_article)
        title = f"Links: {inside} in the article, {len(rows) - inside} around it"

        def open_link(url: str | None) -> None:
            if url is None:
                return
            if url.startswith(("http://", "https://")):
                self._open(url)
            else:  # kept as written: the page stated no address to make it whole
                self.notify(
                    f"This page's address is unknown, so “{url}” cannot be opened.",
                    severity="warning",
                    timeout=5,
                    markup=False,
                )

        self.app.push_screen(ChoiceScreen(title, rows), open_link)

    def action_open_address(self) -> None:
        if address := self._address():
            self._open(address)

    def _open(self, url: str) -> None:
        if open_in_browser(self.app, url):
            self.notify(f"Opened {url}", timeout=3, markup=False)
        else:
            self.app.copy_to_clipboard(url)
            self.notify(f"No browser to open it; copied {url}", timeout=5, markup=False)

    @contained("opening the editor")
    def action_open_in_editor(self) -> None:
        """The cleaned article as Markdown in $EDITOR; the reader comes back after."""
        if self.article is None:
            return
        from tui.render.exports import to_markdown

        analysis = self.analysis or Analysis(self.article)
        try:
            status = edit_text(self.app, to_markdown(analysis))
        except OSError as error:
            self.notify(str(error), severity="warning", timeout=5, markup=False)
            return
        if status:
            self.notify(f"The editor stopped with status {status}", severity="warning")
        self.refresh()

    def _current_sentence(self) -> str:
        story = self.story
        if story is None or self.analysis is None:
            return ""
        target = self.stepper.current
        if self.selected_event is not None and target is None:
            return self.analysis.timeline[self.selected_event].sentence
        if target and target.story == self.story_index:
            offset = target.start
        else:
            offset = self.article_view.offset_at_top()
        span = self.analysis.sentence_at(story.id, offset)
        return story.text[span[0] : span[1]] if span else ""

    @contained("listing other articles")
    def action_other_articles(self) -> None:
        """List the other articles of the folder that name the highlighted entity."""
        option = self.entities_pane.option_list.highlighted_option
        entity_id = self.selected_entity or (option.id if option else None)
        entity = self._entity(entity_id) if entity_id else None
        others = self.lede.others_for(entity_id) if entity_id else []
        if entity is None or not others:
            self.notify("No other article names it", timeout=3)
            return

        async def open_other(path: Path | int | None) -> None:
            if path is not None:
                self.app.pop_screen()
                await self.lede.open_article(path, entity.id)

        rows = [(title, path) for path, title in others]
        self.app.push_screen(ChoiceScreen(f"Other articles naming {entity.name}", rows), open_other)

    @contained("listing the entity's events across articles")
    def action_entity_across(self) -> None:
        """Every dated event naming the selected (or highlighted) entity, in every
        stored article."""
        option = self.entities_pane.option_list.highlighted_option
        entity_id = self.selected_entity or (option.id if option else None)
        entity = self._entity(entity_id) if entity_id else None
        if entity is None:
            self.notify("Choose an entity first (e, then enter)", timeout=3)
            return
        self.lede.entity_across(entity.id, entity.name)

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            search.value = ""
        self.stepper.clear()
        self.selected_entity = None
        self.selected_event = None
        self.timeline_entity = None
        self.article_view.border_subtitle = ""
        self._refresh_marks()
        self.action_focus_pane("article")

    # --- highlights ---------------------------------------------------------------

    @contained("highlighting the text")
    def _refresh_marks(self) -> None:
        story = self.story
        if story is None:
            return
        types = TYPE_FILTERS[self.type_filter]
        selection = Selection(self.selected_entity, self.selected_event, self.stepper)
        overlay = overlay_marks(self.analysis, story, self.story_index, types, selection)
        self.article_view.set_marks(self._base_marks(story, types), overlay)

    def _base_marks(self, story: Story, types: tuple[str, ...]) -> list[Mark]:
        """Entity and time highlights of a story: built once per story and filter."""
        key = (id(self.analysis), story.id, types)
        if key not in self._base_cache:
            if len(self._base_cache) > 16:
                self._base_cache.clear()
            self._base_cache[key] = base_marks(self.analysis, story, types)
        return self._base_cache[key]
