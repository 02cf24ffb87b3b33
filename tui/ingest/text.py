"""Plain text to blocks: one block per non-blank line, or per paragraph when
the text is hard-wrapped (lines broken at a fixed width inside paragraphs) or
written a sentence per line; aligned columns make a table block."""

from __future__ import annotations

import re
from itertools import pairwise

from tui.model import Block
from tui.textstats import SENTENCE_BREAK, stop_words

_SPACES = re.compile(r" {2,}")
# Columns are parted by two or more spaces (a tab is read as two).
_COLUMN_GAP = re.compile(r" {2,}")
MIN_TABLE_ROWS = 2
# A wrapped line fills most of the width: one whose next word would have fit in
# this share of it ended where its writer ended it.
SHORT_LINE_SHARE = 0.6
WIDTH_SHARE = 0.95
# A list's item, as a wrapped text sets it: "  * News", "  + Sport", "  2. Pour the milk".
_LIST_ITEM = re.compile(r"^\s*(?:[*+•-]|\d{1,3}[.)])\s+\S")
# A brand set in lower case opens a line of its own ("eBay", "iPhone"): no sentence goes on so.
_BRAND_START = re.compile(r"^[a-z]+[A-Z]")
# A drop cap opens a paragraph: the line after it is at least this long.
_DROP_CAP_WORDS = 5


def text_blocks(text: str, wrapped: bool | None = None) -> list[Block]:
    """Split text into blocks with the 1-based line where each starts.

    One block a line, as scrapers save pages; but a hard-wrapped text's
    lines are joined into paragraphs, a run of sentence-per-line lines (wire
    copy) between blank lines is one paragraph, and lines whose columns line
    up (a results or markets table) are one table block. ``wrapped`` says
    whether the text is hard-wrapped where its source is known to wrap (a
    terminal browser's dump); by default the lines' widths tell.
    """
    lines = text.split("\n")
    if wrapped if wrapped is not None else _is_hard_wrapped(lines):
        return _paragraph_blocks(lines)
    groups = _groups(lines)
    spaced = _is_spaced(groups)
    blocks: list[Block] = []
    for start, group in groups:
        if spaced and _is_sentence_per_line(group):
            blocks.append(Block(_tidy(" ".join(line.strip() for line in group)), start))
            continue
        blocks.extend(_rows_and_lines(start, group))
    return _join_broken_lines(_join_list_numbers(_join_drop_caps(blocks)))


# A paragraph's first letter set large on the page: flattened, it is a line of its own.
_DROP_CAP = re.compile(r"^[\"“‘']?[A-Z]$")
_LOWER_START = re.compile(r"^[a-z]")


def _join_drop_caps(blocks: list[Block]) -> list[Block]:
    """ "T" then "urkey, Poland and…" is one paragraph, "Turkey, Poland and…".

    The letter joins the word it begins; "A" and "I" are words of their own
    when what follows starts with one ("A" then "new law" is "A new law").
    """
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        letter = block.text.strip()
        if (
            following is not None
            and block.kind == "paragraph"
            and _DROP_CAP.match(letter)
            and _LOWER_START.match(following.text)
            and len(following.text.split()) >= _DROP_CAP_WORDS
        ):
            first = following.text.split(maxsplit=1)[0].lower().strip(",.;:")
            spaced = letter[-1] in "AI" and first in stop_words()
            text = letter + (" " if spaced else "") + following.text
            out.append(Block(text, block.source_line))
            index += 2
            continue
        out.append(block)
        index += 1
    return out


# A list's number set apart on the page ("1."), a line of its own once flattened.
_LIST_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s*$")
# So many numbers counting up in turn, each over its item, make a numbered list.
LIST_NUMBER_RUN = 3


def _join_list_numbers(blocks: list[Block]) -> list[Block]:
    """ "1." then "Mix the flour and the butter.": each number joins its item
    where three or more count up in turn, each over a line of text (a recipe's
    steps, a countdown), so the list reads as one ("1. Mix the flour…")."""
    numbers = [_list_number(block) for block in blocks]
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        end, expected = index, numbers[index]
        while (
            expected is not None
            and end + 1 < len(blocks)
            and numbers[end] == expected
            and numbers[end + 1] is None
            and blocks[end + 1].kind == "paragraph"
        ):
            end, expected = end + 2, expected + 1
        if (end - index) // 2 < LIST_NUMBER_RUN:
            out.append(blocks[index])
            index += 1
            continue
        for at in range(index, end, 2):
            item = f"{blocks[at].text.strip()} {blocks[at + 1].text.strip()}"
            out.append(Block(item, blocks[at].source_line))
        index = end
    return out


def _list_number(block: Block) -> int | None:
    found = _LIST_NUMBER.match(block.text) if block.kind == "paragraph" else None
    return int(found.group(1)) if found else None


# A line that ends so is whole; a sentence broken at a link or a wrap ends otherwise.
_WHOLE_LINE_ENDS = (".", "!", "?", ":", ";", "…", '"', "”", "’", "'", ")", "]", "|")
_MENU_SEPARATOR = re.compile(r"\s[|•·]\s")
# A byline or credit in lower case under a headline: "by Ana Lund", "por Sara Moreno".
_CREDIT_START = re.compile(r"^(?:by|von|por|par|di|door|av|af|photo|foto)\s", re.IGNORECASE)
# A broken sentence's first part is at least this many words long.
BROKEN_LINE_WORDS = 8


def _join_broken_lines(blocks: list[Block]) -> list[Block]:
    """A sentence that a link or a wrap broke is one paragraph: a line that
    stops mid-sentence, then one that goes on in lower case ("…the vehavior
    of existing" / "functions without changing the original function")."""
    out: list[Block] = []
    for block in blocks:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == block.kind == "paragraph"
            and _LOWER_START.match(block.text)
            and not _BRAND_START.match(block.text)
            and not before.text.rstrip().endswith(_WHOLE_LINE_ENDS)
            and len(before.text.split()) >= BROKEN_LINE_WORDS
            and len(block.text.split()) >= 2  # not a lower-case button ("tweet")
            and not _CREDIT_START.match(block.text)
            and not _MENU_SEPARATOR.search(before.text)
        ):
            out[-1] = Block(before.text.rstrip() + " " + block.text.strip(), before.source_line)
            continue
        out.append(block)
    return out


def _groups(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the line number it starts on."""
    groups: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                groups.append((number, current))
            current.append(line)
        else:
            current = []
    return [(start, group) for start, group in groups]


# Wire copy's lines are a sentence each, but for a few ("Mr. Berg said…").
SENTENCE_PER_LINE_SHARE = 2 / 3
# Where blank lines part paragraphs, a run between two is this short on average.
SPACED_GROUP_LINES = 6


def _is_spaced(groups: list[tuple[int, list[str]]]) -> bool:
    """Blank lines part the text's paragraphs (not one under a page's header)."""
    lines = sum(len(group) for _, group in groups)
    return len(groups) >= 2 and lines <= SPACED_GROUP_LINES * len(groups)


def parted_by_blank_lines(text: str) -> bool:
    """Blank lines part the text's paragraphs (Markdown, wire copy), not a
    page's lines saved one a paragraph."""
    return _is_spaced(_groups(text.split("\n")))


def _is_sentence_per_line(group: list[str]) -> bool:
    """Lines that are each a sentence (wire copy), not paragraphs a line each."""
    if len(group) < 2 or not all(_is_sentence(line) for line in group):
        return False
    single = sum(1 for line in group if not SENTENCE_BREAK.search(line.strip()))
    return single >= SENTENCE_PER_LINE_SHARE * len(group)


def _is_sentence(line: str) -> bool:
    stripped = line.strip()
    return len(stripped.split()) >= 4 and stripped[-1:] in ".!?\"”'’" and not _is_row(line)


def _is_row(line: str) -> bool:
    """A line of a table: three or more cells parted by runs of spaces."""
    return line.strip().count("  ") >= 2 and len(_cells(line)) >= 3


def _cells(line: str) -> list[str]:
    return [cell for cell in _COLUMN_GAP.split(line.strip()) if cell]


def _rows_and_lines(start: int, group: list[str]) -> list[Block]:
    """A group's lines as blocks; two or more table rows in a row are one table."""
    blocks: list[Block] = []
    index = 0
    while index < len(group):
        end = index
        while end < len(group) and _is_row(group[end]):
            end += 1
        if end - index >= MIN_TABLE_ROWS:
            rows = ["\t".join(_cells(line)) for line in group[index:end]]
            blocks.append(Block("\n".join(rows), start + index, "table"))
            index = end
            continue
        blocks.append(Block(_tidy(group[index]), start + index))
        index += 1
    return blocks


def _tidy(line: str) -> str:
    line = line.strip()
    return _SPACES.sub(" ", line) if "  " in line else line


def _paragraph_blocks(lines: list[str]) -> list[Block]:
    """Lines between blank lines are one paragraph, but for a row of links
    ("Unsubscribe · Manage preferences"): no wrap makes one, so it stands
    alone; a list's item ("* News", "2. Pour the milk") starts a block, and so
    does the line after a short one."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    # The wrap's width: nearly the widest line (a long address may stand out).
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = widths[int(WIDTH_SHARE * (len(widths) - 1))] if widths else 0
    for number, line in enumerate(lines, start=1):
        if current and _fits_after(current[-1], line, width):
            blocks.append(Block(_tidy(" ".join(current)), start))  # no wrap broke there
            current = []
        if _is_link_row(line):
            if current:
                blocks.append(Block(_tidy(" ".join(current)), start))
                current = []
            blocks.append(Block(_tidy(line), number))
            continue
        if current and _LIST_ITEM.match(line):
            blocks.append(Block(_tidy(" ".join(current)), start))  # an item starts a block
            current = []
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append(Block(_tidy(" ".join(current)), start))
            current = []
    if current:
        blocks.append(Block(_tidy(" ".join(current)), start))
    return blocks


def _fits_after(before: str, line: str, width: int) -> bool:
    """A line so short that the next one's first word would have fit well on
    it ("Skip to content" over "The Valley Post") was not broken by a wrap."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return bool(first) and len(before) + 1 + len(first) < SHORT_LINE_SHARE * width


def _is_link_row(line: str) -> bool:
    """A row of links ("Unsubscribe · Manage preferences · View online")."""
    return len(_MENU_SEPARATOR.findall(line)) >= 2


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines stop near one width and run on into the next line.

    Scraped text usually has one paragraph per line; e-mail and wire copy wrap
    at 60-80 columns. A wrapped line is followed by a non-blank line and ends
    mid-sentence, and the widths cluster below a maximum.
    """
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(widths) < 6:
        return False
    widest = max(widths)
    if widest > 100:
        return False
    continued = 0
    candidates = 0
    for line, following in pairwise(lines):
        # A line before a blank one ends its paragraph, wrapped or not.
        if not line.strip() or not following.strip():
            continue
        candidates += 1
        if len(line.rstrip()) >= widest - 15 and not line.rstrip().endswith(
            (".", "!", "?", ":", "\u201d", '"')
        ):
            continued += 1
    return candidates > 0 and continued / candidates >= 0.4
