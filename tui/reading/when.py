"""The timeline pane's date column: a TIMEX3 value as a person reads it.

The value stays in the JSON for programs; a reader sees "night 19 Nov 2019",
"winter 2019", "every Wednesday", "the past" or "13th century", never
"2019-11-19TNI", "2019-WI", "XXXX-WXX-3", "PAST_REF" or a bare "12". The
event's label (already in words) is the fallback, cut to the column.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from tui.model import TimelineEvent
from tui.timeline.calendar import SEASON_CODES, day_label
from tui.timeline.vocabulary import MOD_WORDS

WHEN_WIDTH = 19
PARTS_OF_DAY = {"MO": "morning", "AF": "aft.", "EV": "evening", "NI": "night"}
REFERENCES = {"PAST_REF": "the past", "FUTURE_REF": "the future", "PRESENT_REF": "now"}
# Season codes to their names ("FA" is autumn, whichever word the article used).
SEASONS = {code: name for name, code in SEASON_CODES.items() if name != "fall"}

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_PART = re.compile(r"^(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)$")
_CLOCK = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d\d)$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_PERIOD = re.compile(r"^(\d{4})-([QH])(\d)$")


def when(event: TimelineEvent) -> str:
    """The event's date in at most ``WHEN_WIDTH`` characters of plain words."""
    return _fit(_with_mod(_reading(event), event))


def _reading(event: TimelineEvent) -> str:
    value = event.value or ""
    if value in REFERENCES:
        # "the coming weeks" says more than "the future", where it fits.
        vague = event.label if event.granularity and len(event.label) <= WHEN_WIDTH else ""
        return vague or REFERENCES[value]
    if "|" in value:
        return _alternatives(value.split("|")) or event.label
    for pattern, read in _READERS:
        if found := pattern.match(value):
            return read(found)
    if event.granularity in {"decade", "century"} and value.isdigit():
        return _period(value, event.granularity, event.label)
    if value.isdigit() and len(value) == 4:
        return value
    return event.label  # already words: "every Wednesday", "Thursday"


def _short_day(text: str) -> str:
    day = date.fromisoformat(text)
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def _day(found: re.Match[str]) -> str:
    return day_label(date.fromisoformat(found.group(0)))


def _week(found: re.Match[str]) -> str:
    monday = date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)
    if found.group(3):
        saturday = date.fromordinal(monday.toordinal() + 5)
        return f"weekend {_short_day(saturday.isoformat())}"
    return f"week of {_short_day(monday.isoformat())}"


def _month(found: re.Match[str]) -> str:
    name = calendar.month_abbr[int(found.group(2))]
    return f"{name}, year unknown" if found.group(1) == "XXXX" else f"{name} {found.group(1)}"


def _period_of_year(found: re.Match[str]) -> str:
    year, kind, number = found.groups()
    return (
        f"Q{number} {year}" if kind == "Q" else f"{'1st' if number == '1' else '2nd'} half {year}"
    )


_READERS = (
    (_DAY, _day),
    (_PART, lambda f: f"{PARTS_OF_DAY[f.group(2)]} {_short_day(f.group(1))}"),
    (_CLOCK, lambda f: f"{_short_day(f.group(1))} {f.group(2)}"),
    (_WEEK, _week),
    (_MONTH, _month),
    (_SEASON, lambda f: f"{SEASONS[f.group(2)]} {f.group(1)}"),
    (_PERIOD, _period_of_year),
)


def _alternatives(values: list[str]) -> str:
    """ "2024-05|2024-06" → "May or Jun 2024"."""
    months = [_MONTH.match(v) for v in values]
    if not all(months) or len(values) != 2:
        return ""
    first, second = (m for m in months if m is not None)
    year = second.group(1)
    names = [calendar.month_abbr[int(m.group(2))] for m in (first, second)]
    if first.group(1) != year:
        return f"{names[0]} {first.group(1)} or {names[1]} {year}"
    return f"{names[0]} or {names[1]} {year}"


def _period(value: str, granularity: str, label: str) -> str:
    if granularity == "decade":
        return f"the {value}0s"
    number = int(value) + 1
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix} century" if len(value) <= 2 else label


def _with_mod(reading: str, event: TimelineEvent) -> str:
    word = MOD_WORDS.get(event.mod or "")
    if word is None or reading.startswith(word) or not event.value or "REF" in event.value:
        return reading
    return f"{word} {reading}"


def _fit(text: str) -> str:
    return text if len(text) <= WHEN_WIDTH else text[: WHEN_WIDTH - 1] + "…"
