"""Values: a date, month, year, week, quarter or duration as a TIMEX3-style value
with a label a person reads and the interval it covers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import relativedelta

from tui.timeline.calendar import (
    Interval,
    day_label,
    iso_week_value,
    month_interval,
    month_label,
    week_interval,
    week_label,
    year_interval,
)
from tui.timeline.vocabulary import MOD_WORDS, UNIT_CODES, UNIT_FACTORS


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised time expression."""

    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    granularity: str | None
    label: str
    mod: str | None = None
    relative: str | None = None
    interval: Interval | None = None
    plot: bool = True  # anchors an event on the timeline


def with_mod(label: str, mod: str | None) -> str:
    return f"{MOD_WORDS[mod]} {label}" if mod else label


def day_value(day: date, mod: str | None = None) -> Value:
    return Value(
        "DATE", day.isoformat(), "day", with_mod(day_label(day), mod), mod, interval=(day, day)
    )


def month_value(year: int | None, month: int, mod: str | None) -> Value:
    if year is None:
        label = with_mod(month_label(None, month), mod) + " (year unknown)"
        return Value("DATE", f"XXXX-{month:02d}", "month", label, mod)
    start, end = month_interval(year, month)
    return Value(
        "DATE",
        f"{year}-{month:02d}",
        "month",
        with_mod(month_label(year, month), mod),
        mod,
        interval=narrow((start, end), mod),
    )


def year_value(year: int, mod: str | None) -> Value:
    return Value(
        "DATE",
        str(year),
        "year",
        with_mod(str(year), mod),
        mod,
        interval=narrow(year_interval(year), mod),
    )


def narrow(interval: Interval, mod: str | None) -> Interval:
    """The part of an interval "early", "mid" or "late" means (a third of it)."""
    start, end = interval
    third = (end - start) / 3
    if mod == "START":
        return start, start + third
    if mod == "MID":
        return start + third, end - third
    if mod == "END":
        return end - third, end
    return interval


def part_of_day(day: date, words: str) -> Value:
    """ "Thursday morning", "tonight": the day, as news annotation gives it (TimeBank
    marks the day, not the part of it); the label keeps the part of the day."""
    return Value("DATE", day.isoformat(), "day", f"{day_label(day)}, {words}", interval=(day, day))


def unknown(text: str, relative: str, granularity: str | None = None) -> Value:
    return Value("DATE", None, granularity, text, relative=relative)


def at_granularity(day: date, unit: str, mod: str | None = None) -> Value:
    if unit in {"week", "fortnight", "weekend"}:
        start, end = week_interval(day)
        value = iso_week_value(day) + ("-WE" if unit == "weekend" else "")
        label = ("weekend of " if unit == "weekend" else "") + week_label(day)
        return Value(
            "DATE", value, "week", with_mod(label, mod), mod, interval=narrow((start, end), mod)
        )
    if unit in {"month", "quarter"}:
        if unit == "quarter":
            return replace(quarter_value(day), mod=mod)
        return month_value(day.year, day.month, mod)
    if unit in {"year"}:
        return year_value(day.year, mod)
    if unit == "decade":
        return decade_value(day.year - day.year % 10, mod)

    if unit == "century":
        first = day.year - day.year % 100
        return Value(
            "DATE",
            str(first)[:2],
            "century",
            with_mod(f"the {first}s", mod),
            mod,
            interval=narrow((date(first, 1, 1), date(first + 99, 12, 31)), mod),
        )
    return day_value(day, mod)


def decade_value(start_year: int, mod: str | None) -> Value:
    """The decade starting in ``start_year`` ("201" for the 2010s)."""
    interval = (date(start_year, 1, 1), date(start_year + 9, 12, 31))
    label = with_mod(f"the {start_year}s", mod)
    return Value("DATE", str(start_year)[:3], "decade", label, mod, interval=narrow(interval, mod))


def duration_value(amount: float, unit: str, vague: bool, text: str) -> Value | None:
    code = UNIT_CODES.get(unit)
    if code is None:
        return None
    number = "X" if vague else f"{amount * UNIT_FACTORS.get(unit, 1):g}"
    time_part = "T" if unit in {"hour", "minute", "second"} else ""
    return Value("DURATION", f"P{time_part}{number}{code}", None, text, plot=False)


def quarter_value(day: date) -> Value:
    """The quarter a day falls in, as a value."""
    quarter = (day.month - 1) // 3 + 1
    start = date(day.year, 3 * quarter - 2, 1)
    end = start + relativedelta(months=3, days=-1)
    return Value(
        "DATE", f"{day.year}-Q{quarter}", "quarter", f"Q{quarter} {day.year}", interval=(start, end)
    )
