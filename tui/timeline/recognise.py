"""Recognition: find time expressions in a story and normalise each.

The grammar in ``patterns.py`` finds candidates; spaCy's DATE and TIME spans
vouch for bare years and add what the grammar does not know (their value is
then left unknown rather than guessed). Overlaps resolve to the longest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tui.clean.patterns import DATELINE, is_dateline
from tui.model import TimeExpression
from tui.spans import Occupied
from tui.timeline.anchoring import Context, shift_date
from tui.timeline.normalise import normalise
from tui.timeline.patterns import LEAD, PATTERNS
from tui.timeline.tense import tense_at
from tui.timeline.values import Value, quarter_value

if TYPE_CHECKING:
    from tui.nlp.storydoc import StoryDoc

PREP_MODS = {
    "since": "ON_OR_AFTER",
    "after": "AFTER",
    "from": "ON_OR_AFTER",
    "until": "ON_OR_BEFORE",
    "till": "ON_OR_BEFORE",
    "by": "ON_OR_BEFORE",
    "before": "BEFORE",
    "no later than": "ON_OR_BEFORE",
}
_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|trillion|bn|m|k)?|\b(?:million|billion))[^.;:]{0,25}$"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the|its|his|her|their|our|your|this|that)\s+$", re.I)
_MODAL_MAY = re.compile(r"May\s+(?:[a-z])")
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|till|from|of|before|after|during|year|early|late|mid|the|between|and|to|through|around)[\s-]+$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    priority: int
    match: re.Match[str]


# A candidate chosen, its value, where the words that lead into it start, and its preposition.
_Chosen = tuple[_Candidate, Value, int, str | None]


def recognise(
    story: str, doc: StoryDoc | None, text: str, dct: date | None
) -> list[TimeExpression]:
    """Every time expression in one story, in reading order."""
    dated = doc.ents() if doc else iter(())
    spacy_dates = Occupied(
        [(start, end) for start, end, e in dated if e.label_ in {"DATE", "TIME"}]
    )

    candidates = [
        _Candidate(m.start(), m.end(), kind, priority, m)
        for priority, (kind, pattern) in enumerate(PATTERNS)
        for m in pattern.finditer(text)
        if m.end() > m.start() and _plausible(kind, m, text, spacy_dates)
    ]
    candidates.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    chosen: list[_Chosen] = []
    taken = Occupied()
    for cand in candidates:
        if taken.overlaps(cand.start, cand.end):
            continue
        lead = LEAD.search(text, max(0, cand.start - 40), cand.start)
        lead_word = lead.group("adverb").lower() if lead and lead.group("adverb") else None
        prep = lead.group("prep").lower() if lead else None
        tense = _tense(doc, cand.start, cand.end)
        ctx = Context(dct, tense, lead_word)
        value = normalise(cand.kind, cand.match, ctx)
        if value is None:
            continue
        taken.add(cand.start, cand.end)
        chosen.append((cand, value, lead.start() if lead else -1, prep))
    chosen.sort(key=lambda item: item[0].start)
    chosen = _reanchor(chosen, text, doc, dct)
    dateline_end = _dateline_end(text)
    return [
        _expression(
            story, text, cand, value, lead_start, prep, in_dateline=cand.end <= dateline_end
        )
        for cand, value, lead_start, prep in chosen
    ]


def _dateline_end(text: str) -> int:
    """A wire dateline ("ASTANA, March 3 (Reuters) -") dates the copy, not an event."""
    match = DATELINE.match(text)
    return match.end() if match and is_dateline(match) else 0


def _plausible(kind: str, match: re.Match[str], text: str, spacy_dates: Occupied) -> bool:
    start, end = match.span()
    before = text[max(0, start - 40) : start]
    if kind == "year" and not match.groupdict().get("part"):
        vouched = spacy_dates.covers(start, end)
        return vouched or bool(_YEAR_CONTEXT.search(before))
    if (
        kind in {"month", "month_alternatives"}
        and match.group(0).startswith("May")
        and _MODAL_MAY.match(match.group(0) + text[end : end + 3])
    ):
        return bool(
            re.search(
                r"\b(?:in|since|by|until|of|from|early|late|mid|last|next|this|during|between|and|or|before|after)\s+$",
                before,
                re.I,
            )
        )
    if kind in {"season", "month"} and re.search(
        r"\b(?:an?|every|each)\s+(?:\w+\s+)?$", before, re.I
    ):
        return False  # "a dry summer" is any summer, not a date
    if kind == "per_unit":
        return bool(_AMOUNT_BEFORE.search(before))
    if kind == "ref" and match.group("ref").lower() in {"earlier", "now"}:
        return not _ARTICLE_BEFORE.search(before)
    return True


def _tense(doc: StoryDoc | None, start: int, end: int) -> str | None:
    located = doc.locate(start, end) if doc is not None else None
    return tense_at(*located) if located else None


def _reanchor(
    chosen: list[_Chosen], text: str, doc: StoryDoc | None, dct: date | None
) -> list[_Chosen]:
    """ "Two days later", "the following year": count from the last date the story named."""
    out = []
    last_day: date | None = None
    last_quarter = False  # the story last named a quarter (a company's results)
    last_one_day = False  # the story last named one day: a bare clock time is on it
    for cand, value, lead_start, prep in chosen:
        if last_day and last_quarter and _year_back(cand):
            # "a year ago", "a year earlier" in results: the same quarter a year before.
            value = quarter_value(shift_date(last_day, "year", -1))
        elif last_day and (_anaphoric(cand) or (cand.kind == "time" and last_one_day)):
            tense = _tense(doc, cand.start, cand.end)
            value = normalise(cand.kind, cand.match, Context(dct, tense, None, last_day)) or value
        if value.interval and value.value and value.value[:1].isdigit():
            last_day = value.interval[0]
            last_quarter = value.granularity == "quarter"
            last_one_day = value.interval[0] == value.interval[1]
        out.append((cand, value, lead_start, prep))
    return out


def _year_back(cand: _Candidate) -> bool:
    groups = cand.match.groupdict()
    return (
        cand.kind == "ago"
        and groups["dir"].lower() in {"ago", "earlier", "before"}
        and groups["unit"].lower() == "year"
        and groups["number"].lower() in {"a", "one", "1"}
    )


def _anaphoric(cand: _Candidate) -> bool:
    """Counted from the story's last date, not the publication date."""
    groups = cand.match.groupdict()
    if cand.kind == "ago":
        return groups["dir"].lower() in {"earlier", "later", "before"}
    return cand.kind == "relative_unit" and groups["rel"].lower() in {"following", "previous"}


def _expression(
    story: str,
    text: str,
    cand: _Candidate,
    value: Value,
    lead_start: int,
    prep: str | None,
    in_dateline: bool,
) -> TimeExpression:
    mod = value.mod or (PREP_MODS.get(prep) if prep and value.type in {"DATE", "TIME"} else None)
    interval = (
        (value.interval[0].isoformat(), value.interval[1].isoformat()) if value.interval else None
    )
    return TimeExpression(
        story=story,
        start=cand.start,
        end=cand.end,
        text=text[cand.start : cand.end],
        type=value.type,
        value=value.value,
        mod=mod,
        granularity=value.granularity,
        relative=value.relative,
        label=value.label,
        lead_start=lead_start,
        interval=interval,
        plot=value.plot and value.type in {"DATE", "TIME"} and not in_dateline,
    )
