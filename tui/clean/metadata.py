"""What the text says about the article: bylines and dates taken from the
lines that state them, the dateline, the trail of sections over the
headline, the publication date near the top."""

from __future__ import annotations

import re
from datetime import datetime

from tui.clean.dates import full_date
from tui.clean.patterns import (
    CHROME,
    DATELINE,
    KICKER_FLAG,
    KICKER_SEPARATOR,
    SITE_LINK,
    TRAIL_MARK,
    TRAIL_ROOT,
    is_dateline,
)
from tui.clean.predicates import normal_text, skip_up
from tui.clean.settings import (
    DATE_LINE_WORDS,
    DATE_LINES_ABOVE,
    DATE_LINES_BELOW,
    DATELINE_PARAGRAPHS,
    KICKER_ITEMS,
    KICKER_WORDS,
    SLASHED_TRAIL_ITEMS,
    TRAIL_ITEMS,
)
from tui.clean.types import KeptBlock, Label
from tui.model import Block, Metadata
from tui.reasons import Reason
from tui.textstats import stoplist


def sections_above(
    blocks: list[Block], labels: list[Label], top: int, title: str
) -> tuple[str, ...]:
    """The sections of the trail nearest above the headline ("Home › Business ›
    Ports"), without the headline itself when the trail ends with it.

    Lines of links shaped like trails are most often menus: a trail's items are
    never the site's own pages ("Contact", "Login") and are few; two items split
    by a slash are a pair of tabs ("Impressum / Kontakt") and one glued word is
    a brand ("FiveThirtyEight"), unless a trail's mark (›) or root (Home) says.
    """
    for index in range(top - 1, -1, -1):
        label = labels[index]
        if label.kind != "breadcrumb" or not isinstance(label.value, tuple):
            continue
        text = blocks[index].text
        parts = [TRAIL_ROOT.sub("", p).strip(" :") for p in label.value]
        parts = [p for p in parts if p]
        if any(SITE_LINK.match(p) or CHROME.match(p) for p in parts):
            continue
        rooted = TRAIL_ROOT.match(text) is not None
        marked = TRAIL_MARK.search(text) is not None
        if (
            not marked
            and not rooted
            and (
                (" / " in text and len(parts) < SLASHED_TRAIL_ITEMS)
                or (" / " not in text and _glued_name(text, parts))
            )
        ):
            continue
        if len(parts) > TRAIL_ITEMS:
            continue  # a menu of the site's sections, not the way to this story
        if parts and title and normal_text(parts[-1]) == normal_text(title):
            parts = parts[:-1]
        return tuple(parts)
    return ()


def kicker_sections(blocks: list[Block], labels: list[Label], head: int) -> tuple[str, ...]:
    """The sections a row right above the headline (``head``) names, split by
    bars or dots ("Politics | Congress"): a few short names, none of them the
    site's own pages, a date or a domain; a flag ("Breaking") is no section.
    The row becomes the page's trail."""
    index = skip_up(labels, head - 1)
    if index < 0 or labels[index].kind not in {"fragment", "menu"}:
        return ()
    row = [p.strip() for p in KICKER_SEPARATOR.split(blocks[index].text.strip())]
    parts = [p for p in row if not KICKER_FLAG.match(p)]
    if (
        len(row) < 2
        or not 1 <= len(parts) <= KICKER_ITEMS
        or not all(
            p[:1].isupper()
            and len(p.split()) <= KICKER_WORDS
            and not any(ch.isdigit() or ch in ".:" for ch in p)
            and not SITE_LINK.match(p)
            and not CHROME.match(p)
            for p in parts
        )
    ):
        return ()
    labels[index] = Label("breadcrumb", Reason.BREADCRUMB, tuple(parts), rule="metadata.kicker-row")
    return tuple(parts)


def _glued_name(text: str, parts: list[str]) -> bool:
    """Capitals inside one name, not labels glued together: a brand
    ("FiveThirtyEight", "HelloGiggles HelloGiggles"), an acronym ("HoReCa") or a
    German plural ("PolitikerInnen") leave one word, a repeated word, a piece
    of two letters or a function word alone."""
    tokens = text.split()
    return (
        len(tokens) == 1
        or len(set(tokens)) < len(tokens)
        or any(len(word) < 3 for part in parts for word in part.split())
        or any(part.lower() in stoplist() for part in parts)
    )


def date_near_the_top(
    blocks: list[Block],
    labels: list[Label],
    top: int,
    body_start: int,
    metadata: Metadata,
    month_first: bool,
) -> None:
    """The first full date in a short line around the headline and the story's
    start is when the story was published, whatever else the line holds ("July
    24, 2019 by Amy Motroni 5 Comments", "Veröffentlicht am 15/07/2014 von …")."""
    start, end = max(0, top - DATE_LINES_ABOVE), min(len(blocks), body_start + DATE_LINES_BELOW)
    for index in range(start, end):
        text = blocks[index].text
        if len(text.split()) > DATE_LINE_WORDS or (
            labels[index].kind == "prose" and index >= body_start
        ):
            continue
        if found := full_date(text, month_first):
            metadata.date = found
            metadata.date_source = "text"
            return


def take_metadata(label: Label, metadata: Metadata, stated: frozenset[str]) -> None:
    """A byline's names (and the date it may carry), or a date line's date."""
    date = None
    if label.kind == "byline":
        names, date = label.value if isinstance(label.value, tuple) else (label.value, None)
        if not metadata.byline and "byline" not in stated:
            metadata.byline = str(names)
    elif label.kind == "date":
        date = str(label.value)
    if date and not metadata.date and "date" not in stated and (parsed := _parse_date(date)):
        metadata.date = parsed
        metadata.date_source = "text"


def _parse_date(text: str) -> str | None:
    from dateutil import parser

    try:
        parsed: datetime = parser.parse(text, fuzzy=True, dayfirst=not text[:1].isalpha())
        return parsed.date().isoformat()
    except (ValueError, OverflowError):
        return None


def read_dateline(kept: list[KeptBlock], metadata: Metadata) -> None:
    """Copy a wire dateline ("MOSCOW, April 9 (Reuters) -") into the metadata.

    It opens the first paragraph or the second (after a standfirst), or a
    later one of the first few when it names its agency ("KYIV, Ukraine (AP)
    —" under a summary's points): a line of capitals there is no dateline.
    """
    paragraphs = [item for item in kept if item.role == "paragraph"][:DATELINE_PARAGRAPHS]
    for number, item in enumerate(paragraphs):
        text = item.block.text
        if (
            (match := DATELINE.match(text))
            and is_dateline(match)
            and _story_follows(text, match)
            and (number < 2 or "(" in match.group(0))
        ):
            metadata.dateline = match.group(0).rstrip(" -–—:").strip()
            # A press release dates itself there: "NORTHPORT, 14 October 2025 –".
            if not metadata.date and (found := full_date(match.group("date") or "")):
                metadata.date, metadata.date_source = found, "text"
            return


def _story_follows(text: str, match: re.Match[str]) -> bool:
    """A dateline opens a sentence in ordinary case ("ATHLETICS - BERLIN GRAND
    PRIX RESULTS" is a slugged headline, not a dateline)."""
    rest = text[match.end() :].split()
    return bool(rest) and not (rest[0].isupper() and len(rest[0]) > 1 and rest[0].isalpha())
