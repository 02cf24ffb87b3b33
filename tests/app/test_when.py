"""The timeline pane's date column: what a person reads, never a raw TIMEX3 value.

Each expected reading is written as a reader would say the date in a
column 19 characters wide.
"""

from __future__ import annotations

import pytest

from tui.model import TimelineEvent
from tui.reading.when import WHEN_WIDTH, when


def event(value: str | None, granularity: str | None, label: str, mod: str | None = None):
    return TimelineEvent("main", "x", 0, 1, value, label, granularity, mod, "x.", 0, 2, [])


@pytest.mark.parametrize(
    ("value", "granularity", "label", "mod", "expected"),
    [
        ("2018-04-09", "day", "Mon 9 Apr 2018", None, "Mon 9 Apr 2018"),
        ("2019-11-19TNI", "part of day", "Tue 19 Nov 2019, night", None, "night 19 Nov 2019"),
        ("2019-11-19TMO", "part of day", "Tue 19 Nov 2019, morning", None, "morning 19 Nov 2019"),
        ("2019-11-19TAF", "part of day", "Tue 19 Nov 2019, afternoon", None, "aft. 19 Nov 2019"),
        ("2018-04-10T14:00", "minute", "Tue 10 Apr 2018, 14:00", None, "10 Apr 2018 14:00"),
        ("2018-W14", "week", "week 14 of 2018 (2 Apr–8 Apr)", None, "week of 2 Apr 2018"),
        ("2024-W14-WE", "weekend", "weekend of Sat 6 Apr 2024", None, "weekend 6 Apr 2024"),
        ("2026-01", "month", "January 2026", None, "Jan 2026"),
        ("2025-09", "month", "early September 2025", "START", "early Sep 2025"),
        ("2024-05|2024-06", "month", "May or June 2024", None, "May or Jun 2024"),
        ("2019-WI", "season", "winter 2019", None, "winter 2019"),
        ("2024-Q1", "quarter", "Q1 2024", None, "Q1 2024"),
        ("2024-H2", "half", "second half 2024", None, "2nd half 2024"),
        ("2025", "year", "late 2025", "END", "late 2025"),
        ("201", "decade", "the 2010s", None, "the 2010s"),
        ("12", "century", "13th century", None, "13th century"),
        ("19", "century", "the 1900s", None, "20th century"),
        ("XXXX-WXX-3", None, "every Wednesday", None, "every Wednesday"),
        ("PAST_REF", None, "previously", None, "the past"),
        ("FUTURE_REF", "week", "the coming weeks", None, "the coming weeks"),
        ("PRESENT_REF", None, "currently", None, "now"),
        (None, "day", "Thursday", None, "Thursday"),
        ("XXXX-10", "month", "October (year unknown)", None, "Oct, year unknown"),
    ],
)
def test_the_date_column_reads_as_a_person_says_it(
    value: str | None, granularity: str | None, label: str, mod: str | None, expected: str
) -> None:
    assert when(event(value, granularity, label, mod)) == expected


def test_no_reading_is_wider_than_the_column_or_raw() -> None:
    long = event(None, None, "some time in the distant and uncertain future of the port")
    assert len(when(long)) == WHEN_WIDTH and when(long).endswith("…")
