"""Anchoring: where a relative expression lands, given the publication date.

News conventions: a weekday or a date without a year goes back or forward
by the tense of its sentence, or to the nearest such day; "last week" is
the ISO week before the publication date's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from tui.timeline.calendar import Interval, week_interval
from tui.timeline.vocabulary import UNIT_FACTORS, VAGUE_WINDOW

# Two readings of a month or day without a year this close in distance from
# the publication date are a toss-up: the tense decides.
AMBIGUOUS_DAYS = 60


@dataclass(frozen=True, slots=True)
class Context:
    """What normalisation knows about where an expression stands."""

    dct: date | None
    tense: str | None  # "past", "future", "present" or None
    lead: str | None = None  # "later"/"earlier" before the expression
    anchor: date | None = None  # the last date the story mentioned, for "two days later"


def tense_direction(ctx: Context) -> str | None:
    if ctx.lead == "earlier":
        return "past"
    if ctx.lead == "later":
        return "future"
    if ctx.tense == "present":
        return "future"
    return ctx.tense


def year_for(ctx: Context, month: int, day: int | None = None) -> int | None:
    """The year a month (or day) without one most likely means.

    News names the nearest such day or month: "Oct. 31" in a story of Oct. 26
    is five days ahead, "in December" in one of March is the December just
    gone. Only when two years are about as near does the tense decide.
    """
    if ctx.dct is None:
        return None
    dct = ctx.dct
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        point = date(year, month, min(day or 15, 28 if month == 2 else 30))
        options.append((abs((point - dct).days), year, point))
    options.sort()
    (near, year, _), (other, _, _) = options[0], options[1]
    if other - near > AMBIGUOUS_DAYS:
        return year
    direction = tense_direction(ctx)
    if direction == "past":
        return min((y for _, y, p in options[:2] if p <= dct), default=year)
    if direction == "future":
        return max((y for _, y, p in options[:2] if p >= dct), default=year)
    return year


def weekday_day(ctx: Context, weekday: int, rel: str | None) -> date | None:
    dct = ctx.dct
    if dct is None:
        return None
    offset = (weekday - dct.weekday()) % 7  # days forward to the next such day (0 = today)
    back = (dct.weekday() - weekday) % 7  # days back to the last such day (0 = today)
    if rel in {"last", "past"}:
        return dct - timedelta(days=back or 7)
    if rel in {"next", "coming"}:
        return dct + timedelta(days=offset or 7)
    if rel == "this":
        return week_interval(dct)[0] + timedelta(days=weekday)
    # A present tense says nothing of which week: the nearest such day.
    direction = None if ctx.tense == "present" and ctx.lead is None else tense_direction(ctx)
    if direction == "past":
        return dct - timedelta(days=back)
    if direction == "future":
        return dct + timedelta(days=offset)
    return dct - timedelta(days=back) if back <= offset else dct + timedelta(days=offset)


def shift_date(day: date, unit: str, amount: int) -> date:
    factor = UNIT_FACTORS.get(unit, 1)
    if unit in {"day", "night"}:
        return day + timedelta(days=amount)
    if unit in {"week", "fortnight"}:
        return day + timedelta(weeks=amount * factor)
    shifted: date = day
    if unit in {"month", "quarter"}:
        shifted = day + relativedelta(months=amount * factor)
    elif unit in {"year", "decade", "century"}:
        shifted = day + relativedelta(years=amount * factor)
    return shifted


def window(dct: date, unit: str, sign: int, units: int = VAGUE_WINDOW) -> Interval:
    other = shift_date(dct, unit, sign * units)
    return (other, dct) if sign < 0 else (dct, other)
