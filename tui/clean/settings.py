"""Every threshold of the cleaner's rules, each with why it is what it is."""

from __future__ import annotations

CHROME_MAX_WORDS = 60


CHROME_MAX_CHARS = 600


# A list card's teaser is one sentence of at most this many words.
TEASER_WORDS = 30


LOOKAHEAD = 4


# A headline that asks has at most this many words.
QUESTION_HEADLINE_WORDS = 15


# Blocks the model is sure of (for weighing the article before and after a
# section header); so many of them after it make the header premature.
KEEP_STRONG = 0.7


# Between the article's first and last kept blocks, the rules' prose needs less:
# a paragraph the model doubts because menus stand near it is still in the story.
KEEP_INSIDE = 0.3


# So many paragraphs under time stamps make a live blog's entries.
LIVE_ENTRIES = 3


# So many kept headline-like lines in a row there are a list's items.
ITEM_RUN = 3


# A line shaped like code there needs only this (menus score lower still).
KEEP_CODE = 0.1


MIN_RUN_AFTER = 3


# In a bare text the prose starts within this many lines; a heading there is short.
BARE_PROSE_START = 3


BARE_HEADING_WORDS = 8


# A wire dateline opens one of the story's first so many paragraphs.
DATELINE_PARAGRAPHS = 5


# A standfirst has at least this many words.
STANDFIRST_WORDS = 8


# A heading of more words than this is a paragraph marked up as a heading.
MAX_HEADING_WORDS = 20


# A section's name standing over a story ("Features", "World news") is this short.
KICKER_WORDS = 3


# A headline is at most this many words long.
HEADLINE_WORDS = 25


# The title is looked for among so many blocks above the story; one this long
# or longer is taken before a shorter one nearer ("Share this", "Tweet").
TITLE_WINDOW = 10


TITLE_WORDS = 4


# The publication date is looked for in lines of at most so many words, from
# so many lines above the headline to so many into the story.
DATE_LINE_WORDS = 30


DATE_LINES_ABOVE = 3


DATE_LINES_BELOW = 3


# A trail split by slashes alone has at least so many items ("News / World /
# Europe"); fewer, it is a pair of tabs ("Impressum / Kontakt").
SLASHED_TRAIL_ITEMS = 3


# A marked trail ending with its story's headline has at most so many words.
TRAIL_WORDS = 35


# A trail names at most so many sections under its root; more is a menu.
TRAIL_ITEMS = 5


# A row of sections over the headline ("Politics | Congress") names at most so
# many, split by bars or dots.
KICKER_ITEMS = 3


# A writer's name and role on one line ("Richard Adams Education editor") is this short.
ROLE_LINE_WORDS = 6


# A run of at least this many lines numbered in turn is a list the writer made.
NUMBERED_LIST_ITEMS = 5


# A writer's biography is among the last this many paragraphs.
BIO_PARAGRAPHS = 2


# How many lines a byline broken at its links may run to ("By", names, handles, "and").
BYLINE_PARTS = 8
