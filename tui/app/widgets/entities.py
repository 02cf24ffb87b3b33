"""The entities pane: each entity once, grouped by type, with its mention count.

Group headers double as the legend: each is drawn in the style its type's
mentions have in the article.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.messages import EntityChosen
from tui.app.widgets.lists import ListPane, PaneList
from tui.model import ENTITY_TYPES, Entity

GROUP_TITLES = {
    "person": "People",
    "place": "Places",
    "organisation": "Organisations",
    "group": "Groups",
    "event": "Events",
    "other": "Other",
}


class EntityList(PaneList):
    """The list itself; the pane around it handles what a choice means."""

    COMPONENT_CLASSES = {f"entities--{t}" for t in ENTITY_TYPES}


class EntitiesPane(ListPane[EntityList]):
    """People, places, organisations, groups and events of the article."""

    TITLE = "Entities"
    LIST = EntityList
    NOTE_ID = "entities-note"
    LIST_ID = "entity-list"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: list[Entity] = []
        self.types: tuple[str, ...] = ENTITY_TYPES
        self.elsewhere: dict[str, int] = {}
        self._empty = ""
        self._width = 0

    def show(self, entities: list[Entity], types: tuple[str, ...], empty: str = "") -> None:
        """List the entities of the chosen types; ``empty`` says why there are none."""
        self.entities = entities
        self.types = types
        self._empty = empty
        self._width = self.size.width
        only = [GROUP_TITLES[t] for t in ENTITY_TYPES if t in types]
        self.set_note(f"{only[0]} only · f for all" if len(only) == 1 else "")
        options: list[Option | None] = []
        listing = self.option_list
        for entity_type in ENTITY_TYPES:
            if entity_type not in types:
                continue
            group = [e for e in entities if e.type == entity_type]
            if not group:
                continue
            style = listing.get_component_rich_style(f"entities--{entity_type}")
            options.append(
                Option(
                    Text(f"{GROUP_TITLES[entity_type]} ({len(group)})", style=style), disabled=True
                )
            )
            for entity in group:
                # An id twice would stop the list; an analysis from elsewhere may have one.
                options.append(Option(self._prompt(entity), id=entity.id))
        previous = listing.highlighted_option.id if listing.highlighted_option else None
        listing.set_options(_unique(options))
        if not entities:
            listing.add_option(
                Option(Text(empty or "no entities found", style="italic"), disabled=True)
            )
        if previous:
            self.highlight(previous)
        elif listing.option_count:
            listing.action_first()

    def clear_rows(self) -> None:
        self.entities = []

    def _prompt(self, entity: Entity) -> Text:
        """One row: the name, cut with "…" where the pane is too narrow, then its
        count (and "+N" other articles), which always stay on the row."""
        count = f" {len(entity.mentions)}"
        others = self.elsewhere.get(entity.id)
        tail = count + (f" +{others}" if others else "")
        # The pane less its border, the list's padding and room for a scrollbar.
        room = max(6, (self.size.width or 40) - 4 - 1 - len(tail))
        name = entity.name if len(entity.name) <= room else entity.name[: room - 1] + "…"
        prompt = Text(" ", no_wrap=True, overflow="ellipsis")
        prompt.append(name)
        prompt.append(count, style="dim")
        if others:
            prompt.append(f" +{others}", style="italic")
        return prompt

    def on_resize(self) -> None:
        # Rows are cut to the pane's width: cut them again when it changes.
        if self.entities and self.size.width != self._width:
            self.show(self.entities, self.types, self._empty)

    def highlight(self, entity_id: str) -> None:
        listing = self.option_list
        try:
            listing.highlighted = listing.get_option_index(entity_id)
        except Exception:
            return

    @on(OptionList.OptionSelected, "#entity-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(EntityChosen(event.option.id))


def _unique(options: list[Option | None]) -> list[Option | None]:
    """Options with each id once: a second with the same id is shown unselectable."""
    seen: set[str] = set()
    result: list[Option | None] = []
    for option in options:
        if option is not None and option.id is not None:
            if option.id in seen:
                option = Option(option.prompt, disabled=True)
            seen.add(option.id or "")
        result.append(option)
    return result
