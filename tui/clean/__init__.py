"""Clean: decide for every block keep or remove, and say why.

Two passes, in the manner of jusText. First each block gets a label from its
own features and the chrome patterns (prose, headline, menu, byline...). Then
context decides: the title is the headline that opens the first run of prose;
what comes before it is page furniture; list sections ("Most read") swallow
the headlines under them; a comments header ends the article; a headline with
no prose after it is a related link, not a story.

The package only re-exports; ``docs/architecture.md`` maps its modules.
"""

from tui.clean.block_rules import label_block
from tui.clean.body import story_start
from tui.clean.context import learned_labels, read_labels
from tui.clean.decide import clean
from tui.clean.titles import rule_title
from tui.clean.types import Cleaned, KeptBlock, Label, Role

__all__ = [
    "Cleaned",
    "KeptBlock",
    "Label",
    "Role",
    "clean",
    "label_block",
    "learned_labels",
    "read_labels",
    "rule_title",
    "story_start",
]
