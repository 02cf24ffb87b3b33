"""Calendar arithmetic for normalisation: intervals, ISO weeks, holidays, labels."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache

from tui.vocabulary import ENGLISH_MONTH_NUMBERS, WEEKDAY_NUMBERS

# A stretch of days, first and last included.
Interval = tuple[date, date]

MONTHS = ENGLISH_MONTH_NUMBERS
WEEKDAYS = WEEKDAY_NUMBERS
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_interval(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def week_interval(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def iso_week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def day_label(day: date) -> str:
    return (
        f"{calendar.day_abbr[day.weekday()]} {day.day} {calendar.month_abbr[day.month]} {day.year}"
    )


def month_label(year: int | None, month: int) -> str:
    return f"{calendar.month_name[month]} {year}" if year else calendar.month_name[month]


def week_label(day: date) -> str:
    start, end = week_interval(day)
    year, week, _ = day.isocalendar()
    first = f"{start.day} {calendar.month_abbr[start.month]}"
    last = f"{end.day} {calendar.month_abbr[end.month]}"
    return f"week {week} of {year} ({first}–{last})"


# Fixed-date observances the holidays package does not list as public holidays.
FIXED_HOLIDAYS = {
    "new year's eve": (12, 31),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "st patrick's day": (3, 17),
    "st. patrick's day": (3, 17),
    "bastille day": (7, 14),
    "may day": (5, 1),
    "boxing day": (12, 26),
}


@cache
def holiday_dates(year: int) -> dict[str, date]:
    """Holiday names (lowercase, straight apostrophes) → their date in ``year``."""
    import holidays
    from dateutil.easter import easter

    found: dict[str, date] = {}
    for country in ("US", "GB"):
        for day, names in holidays.country_holidays(country, years=year).items():
            for name in names.split("; "):
                if "observed" not in name.lower():
                    found.setdefault(_holiday_key(name), day)
    for name, (month, day_of_month) in FIXED_HOLIDAYS.items():
        found.setdefault(name, date(year, month, day_of_month))
    sunday = easter(year)
    found.setdefault("easter", sunday)
    found.setdefault("easter sunday", sunday)
    found.setdefault("easter monday", sunday + timedelta(days=1))
    found.setdefault("good friday", sunday - timedelta(days=2))
    found.setdefault("thanksgiving", found.get("thanksgiving day", date(year, 11, 22)))
    # The shopping days named after (US) Thanksgiving: the Friday and Monday after it.
    found.setdefault("black friday", found["thanksgiving"] + timedelta(days=1))
    found.setdefault("cyber monday", found["thanksgiving"] + timedelta(days=4))
    return found


def _holiday_key(name: str) -> str:
    return name.lower().replace("’", "'").strip()


def holiday_key(text: str) -> str:
    return _holiday_key(text)
