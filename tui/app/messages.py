"""Messages the panes post upward; the main screen decides what follows."""

from __future__ import annotations

from textual.message import Message


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
