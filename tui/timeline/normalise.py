"""Normalisation: a matched time expression → a TIMEX3-style value.

One handler per pattern of ``patterns.py``. Values are computed against the
document creation time (the publication date; see ``anchoring``). Where it
is unknown, absolute dates still normalise, and relative ones keep a
relative description ("-1 week") with no value.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.timeline.anchoring import (
    Context,
    shift_date,
    tense_direction,
    weekday_day,
    window,
    year_for,
)
from tui.timeline.calendar import (
    MONTHS,
    SEASON_CODES,
    SEASONS,
    WEEKDAYS,
    day_label,
    holiday_dates,
    holiday_key,
    month_interval,
    month_label,
)
from tui.timeline.values import (
    Value,
    at_granularity,
    day_value,
    decade_value,
    duration_value,
    month_value,
    narrow,
    part_of_day,
    quarter_value,
    unknown,
    with_mod,
    year_value,
)
from tui.timeline.vocabulary import (
    COUNTED,
    FUTURE_REFS,
    MODS,
    NUMBERS,
    PRESENT_REFS,
    QUARTER_ORDINALS,
    TIME_OF_DAY,
    UNIT_CODES,
    VAGUE_NUMBERS,
    YEAR_LEADS,
    singular,
)


def normalise(kind: str, match: re.Match[str], ctx: Context) -> Value | None:
    handler = _HANDLERS.get(kind)
    return handler(match, ctx) if handler else None


# --- helpers ---------------------------------------------------------------


def _mod(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    word = (groups.get("part") or groups.get("edge") or "").lower()
    return MODS.get(word)


def _month(match: re.Match[str], group: str = "month") -> int:
    return MONTHS[match.group(group).lower().rstrip(".")]


def _count(match: re.Match[str]) -> tuple[float, bool]:
    word = match.group("number").lower()
    if word.isdigit():
        return float(word), False
    if word in VAGUE_NUMBERS:
        return 0.5 if word == "half a" else 3.0, True
    tens, _, ones = word.replace("-", " ").partition(" ")
    if ones:  # "twenty four", "thirty-one"
        return float(NUMBERS.get(tens, 0) + NUMBERS.get(ones, 0)), False
    return float(NUMBERS.get(word, 1)), False


def _unit(match: re.Match[str]) -> str:
    return singular(match.group("unit"))


# --- handlers --------------------------------------------------------------


def _iso(match: re.Match[str], ctx: Context) -> Value | None:
    try:
        day = date(int(match.group("year")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None
    return day_value(day)


def _numeric(match: re.Match[str], ctx: Context) -> Value | None:
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    # Day first unless that cannot be (news outside the US writes 10/04/2018).
    day, month = (a, b) if b <= 12 else (b, a)
    try:
        return day_value(date(year, month, day))
    except ValueError:
        return None


def _month_day_year(match: re.Match[str], ctx: Context) -> Value | None:
    try:
        day = date(int(match.group("year")), _month(match), int(match.group("day")))
    except ValueError:
        return None
    return day_value(day, _mod(match))


def _month_day(match: re.Match[str], ctx: Context) -> Value | None:
    month, day_of_month = _month(match), int(match.group("day"))
    year = year_for(ctx, month, day_of_month)
    if year is None:
        name = month_label(None, month)
        return Value(
            "DATE",
            f"XXXX-{month:02d}-{day_of_month:02d}",
            "day",
            f"{day_of_month} {name} (year unknown)",
            relative="year from context",
        )
    try:
        return day_value(date(year, month, day_of_month))
    except ValueError:  # 29 February in a year without one
        return None


def _weekday_date(match: re.Match[str], ctx: Context) -> Value | None:
    groups = match.groupdict()
    if groups.get("month"):
        return _month_day(match, ctx)
    month_name = (groups.get("month2") or "").lower().rstrip(".")
    if month_name not in MONTHS:
        return None
    fake = re.match(r"(?P<month>\w+) (?P<day>\d+)", f"{month_name} {groups['day2']}")
    return _month_day(fake, ctx) if fake else None


def _month_alternatives(match: re.Match[str], ctx: Context) -> Value | None:
    months = [_month(match), _month(match, "month2")]
    year_text = match.group("year")
    maybe = [int(year_text) if year_text else year_for(ctx, m) for m in months]
    years = [y for y in maybe if y is not None]
    if len(years) < len(months):
        values = "|".join(f"XXXX-{m:02d}" for m in months)
        return Value(
            "DATE",
            values,
            "month",
            f"{month_label(None, months[0])} or {month_label(None, months[1])}",
        )
    intervals = [month_interval(y, m) for y, m in zip(years, months, strict=True)]
    values = "|".join(f"{y}-{m:02d}" for y, m in zip(years, months, strict=True))
    conj = match.group("conj").lower()
    label = f"{month_label(None, months[0])} {conj} {month_label(years[1], months[1])}"
    return Value("DATE", values, "month", label, interval=(intervals[0][0], intervals[-1][1]))


def _month_year(match: re.Match[str], ctx: Context) -> Value | None:
    return month_value(int(match.group("year")), _month(match), _mod(match))


def _month_relative_year(match: re.Match[str], ctx: Context) -> Value | None:
    month = _month(match)
    step = {"last": -1, "next": 1}.get(match.group("rel").lower(), 0)
    if ctx.dct is None:
        return unknown(match.group(0), f"{month_label(None, month)}, {step:+d} year", "month")
    year = ctx.dct.year + step
    if match.group("day"):
        try:
            return day_value(date(year, month, int(match.group("day"))))
        except ValueError:
            return None
    return month_value(year, month, _mod(match))


def _season(match: re.Match[str], ctx: Context) -> Value | None:
    season = match.group("season").lower()
    groups = match.groupdict()
    if groups.get("year"):
        year: int | None = int(groups["year"])
    elif ctx.dct is None:
        return unknown(match.group(0), f"{groups.get('rel') or 'this'} {season}", "season")
    else:
        first, _ = SEASONS[season]
        rel = (groups.get("rel") or "").lower()
        base = ctx.dct.year
        started = ctx.dct.month >= first if season != "winter" else ctx.dct.month >= 12
        if rel == "last":
            year = (
                base
                if (started and season != "winter" and ctx.dct.month > SEASONS[season][1])
                else base - 1
            )
        elif rel == "next":
            year = base + 1 if started else base
        else:
            year = _season_year(season, ctx)
    first, last = SEASONS[season]
    assert year is not None
    start = date(year, first, 1)
    end_year = year + 1 if last < first else year
    end = month_interval(end_year, last)[1]
    mod = _mod(match)
    return Value(
        "DATE",
        f"{year}-{SEASON_CODES[season]}",
        "season",
        with_mod(f"{season} {year}", mod),
        mod,
        interval=narrow((start, end), mod),
    )


def _season_year(season: str, ctx: Context) -> int:
    """The year of a season named without one; a winter is the year it starts."""
    assert ctx.dct is not None
    month, base = ctx.dct.month, ctx.dct.year
    direction = tense_direction(ctx)
    if season == "winter":
        current = base if month == 12 else base - 1  # the winter under way or just past
        if direction == "future" and month >= 3:
            return base
        return current
    start_month, end_month = SEASONS[season]
    if direction == "future" and month > end_month:
        return base + 1
    if direction == "past" and month < start_month:
        return base - 1
    return base


def _holiday(match: re.Match[str], ctx: Context) -> Value | None:
    key = holiday_key(match.group("holiday"))
    if ctx.dct is None:
        return unknown(match.group(0), "holiday, year from context", "day")
    this_year = holiday_dates(ctx.dct.year).get(key)
    if this_year is None:
        return None
    year = year_for(ctx, this_year.month, this_year.day) or ctx.dct.year
    day = holiday_dates(year).get(key)
    return day_value(day) if day else None


def _decade(match: re.Match[str], ctx: Context) -> Value | None:
    text = match.group("decade")
    if not text[0].isdigit():  # "the ’90s"
        two = int(text[1:])
        century = (
            1900
            if ctx.dct is None or (1900 + two + 10 <= ctx.dct.year + 10 and two >= 30)
            else 2000
        )
        start_year = century + two
    else:
        start_year = int(text)
    return decade_value(start_year, _mod(match))


def _century(match: re.Match[str], ctx: Context) -> Value | None:
    ordinal = int(match.group("ordinal"))
    first = (ordinal - 1) * 100
    return Value(
        "DATE",
        f"{ordinal - 1:02d}",
        "century",
        match.group(0),
        interval=(date(max(first, 1), 1, 1), date(first + 99, 12, 31)),
    )


def _relative_unit(match: re.Match[str], ctx: Context) -> Value | None:
    rel = match.group("rel").lower()
    unit = match.group("unit").lower()
    part = (match.group("part") or "").lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        rel, 0
    )
    mod = MODS.get(part)
    if unit in SEASONS:
        fake = re.match(r"(?P<rel>\w+) (?P<season>\w+)", f"{rel} {unit}")
        return _season(fake, ctx) if fake else None
    # "the following year" counts from the last date the story named.
    base = ctx.anchor if rel in {"following", "previous"} and ctx.anchor else ctx.dct
    if base is None:
        return unknown(match.group(0), f"{step:+d} {unit}", unit)
    day = shift_date(base, unit, step)
    value = at_granularity(day, unit, mod)
    if part in {"earlier", "later"} and value.interval and ctx.dct is not None:
        start, end = value.interval
        clipped: tuple[date, date] = (start, ctx.dct) if part == "earlier" else (ctx.dct, end)
        where = "in" if unit != "week" else "during"
        return Value(
            value.type,
            value.value,
            value.granularity,
            f"{part} {where} {value.label}",
            value.mod,
            interval=clipped if clipped[0] <= clipped[1] else value.interval,
        )
    return value


def _end_of(match: re.Match[str], ctx: Context) -> Value | None:
    unit = match.group("unit").lower()
    rel = (match.group("rel") or "").lower()
    mod = MODS.get(match.group("edge").lower())
    if ctx.dct is None:
        return unknown(match.group(0), f"{rel or 'this'} {unit}, {mod}", unit)
    day = shift_date(ctx.dct, unit, {"next": 1, "last": -1}.get(rel, 0))
    return at_granularity(day, unit, mod)


def _ago(match: re.Match[str], ctx: Context) -> Value | None:
    amount, vague = _count(match)
    unit = _unit(match)
    direction = match.group("dir").lower()
    sign = -1 if direction in {"ago", "earlier", "before"} else 1
    anchor = ctx.dct if direction in {"ago", "from now", "hence"} else (ctx.anchor or ctx.dct)
    if anchor is None:
        return unknown(match.group(0), f"{sign * amount:+g} {unit}", unit)
    if vague:
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Value(
            "DATE",
            ref,
            unit,
            match.group(0),
            "APPROX",
            interval=window(anchor, unit, sign, int(amount)),
        )
    day = shift_date(anchor, unit, sign * int(amount))
    granularity = "day" if unit in {"hour", "minute", "second", "night"} else unit
    value = at_granularity(day, granularity)
    return value


def _vague_ago(match: re.Match[str], ctx: Context) -> Value | None:
    unit = singular(match.group("unit"))
    past = match.group("dir").lower() in {"ago", "earlier"}
    ref = "PAST_REF" if past else "FUTURE_REF"
    interval = window(ctx.dct, unit, -1 if past else 1) if ctx.dct else None
    return Value("DATE", ref, unit, match.group(0), interval=interval, plot=False)


def _vague_span(match: re.Match[str], ctx: Context) -> Value | None:
    rel = match.group("rel").lower()
    unit = singular(match.group("unit"))
    future = rel in {"upcoming", "coming", "next", "following"}
    ref = "FUTURE_REF" if future else "PAST_REF"
    words = "coming" if future else "past"
    interval = window(ctx.dct, unit, 1 if future else -1) if ctx.dct else None
    return Value("DATE", ref, unit, f"the {words} {unit}s", interval=interval)


def _relative_day(match: re.Match[str], ctx: Context) -> Value | None:
    rel = match.group("rel").lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
    tod = TIME_OF_DAY.get((match.group("tod") or "").lower()) or (
        TIME_OF_DAY["tonight"] if rel == "tonight" else None
    )
    if ctx.dct is None:
        return unknown(match.group(0), f"{offset:+d} day", "day")
    day = ctx.dct + timedelta(days=offset)
    if tod:
        return part_of_day(day, match.group(0).lower())
    return day_value(day)


def _this_part_of_day(match: re.Match[str], ctx: Context) -> Value | None:
    tod = TIME_OF_DAY[match.group("tod").lower()]
    if ctx.dct is None:
        return unknown(match.group(0), "today", "part of day")
    day = ctx.dct - timedelta(days=1) if match.group(0).lower().startswith("last") else ctx.dct
    return Value(
        "TIME",
        f"{day.isoformat()}T{tod}",
        "part of day",
        f"{day_label(day)}, {match.group('tod')}",
        interval=(day, day),
    )


def _weekday(match: re.Match[str], ctx: Context) -> Value | None:
    weekday = WEEKDAYS[match.group("weekday").lower().rstrip(".")]
    rel = (match.group("rel") or "").lower() or None
    day = weekday_day(ctx, weekday, rel)
    if day is None:
        return Value(
            "DATE",
            f"XXXX-WXX-{weekday + 1}",
            "day",
            match.group(0),
            relative="weekday from context",
        )
    if match.group("tod"):
        return part_of_day(day, match.group("tod").lower())
    return day_value(day)


def _month_alone(match: re.Match[str], ctx: Context) -> Value | None:
    """A month alone: the tense says which side of the date it lies on."""
    month = _month(match)
    if ctx.dct is None:
        return month_value(None, month, _mod(match))
    direction = tense_direction(ctx) if ctx.tense != "present" else None
    year: int | None
    if direction == "past":
        year = ctx.dct.year if month <= ctx.dct.month else ctx.dct.year - 1
    elif direction == "future":
        year = ctx.dct.year if month >= ctx.dct.month else ctx.dct.year + 1
    else:
        year = year_for(ctx, month)
    return month_value(year, month, _mod(match))


def _relative_month(match: re.Match[str], ctx: Context) -> Value | None:
    """ "last May": the May before this month; "next March": the one after it."""
    month = _month(match)
    rel = match.group("rel").lower()
    if ctx.dct is None:
        return month_value(None, month, None)
    year = ctx.dct.year
    if rel in {"last", "past"}:
        year = year if month < ctx.dct.month else year - 1
    elif rel in {"next", "coming"}:
        year = year if month > ctx.dct.month else year + 1
    return month_value(year, month, None)


def _quarter(match: re.Match[str], ctx: Context) -> Value | None:
    """ "the third quarter of 1984", "this year's first half": a quarter or a half."""
    ordinal = QUARTER_ORDINALS[match.group("ordinal").lower()]
    half = match.group("unit").lower() == "half"
    if half and ordinal > 2:
        return None
    explicit = match.group("year1") or match.group("year2")
    rel = (match.group("rel") or match.group("rel2") or "").lower()
    if explicit:
        year = int(explicit)
    elif ctx.dct is None:
        return unknown(match.group(0), "quarter of an unknown year", "quarter")
    else:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    months = 6 if half else 3
    start = date(year, months * (ordinal - 1) + 1, 1)
    end = shift_date(start, "month", months) - timedelta(days=1)
    code = f"H{ordinal}" if half else f"Q{ordinal}"
    label = f"{'first' if ordinal == 1 else 'second'} half {year}" if half else f"Q{ordinal} {year}"
    granularity = "half" if half else "quarter"
    return Value("DATE", f"{year}-{code}", granularity, label, interval=(start, end))


def _reporting_period(match: re.Match[str], ctx: Context) -> Value | None:
    """ "the quarter", "the year-ago period": company results name the quarter
    just ended (or the same one a year before); "the current quarter" is this one."""
    which = (match.group("which") or "").strip().lower()
    if ctx.dct is None:
        return unknown(match.group(0), "the reported quarter", "quarter")
    quarter = (ctx.dct.month - 1) // 3 + 1
    year = ctx.dct.year
    if which != "current":
        quarter -= 1  # the last quarter that has ended
        if quarter == 0:
            quarter, year = 4, year - 1
    if which in {"year-ago", "year-earlier", "comparable", "same"}:
        year -= 1
    return quarter_value(date(year, 3 * quarter - 2, 1))


def _weekend(match: re.Match[str], ctx: Context) -> Value | None:
    """ "the weekend": the one just gone in a past tense, else the coming one."""
    if ctx.dct is None:
        return unknown(match.group(0), "a weekend", "weekend")
    words = match.group(0).lower()
    saturday_ahead = (5 - ctx.dct.weekday()) % 7
    looking_back = not words.startswith(("next", "this")) and tense_direction(ctx) == "past"
    if words.startswith("last") or looking_back:
        saturday = ctx.dct - timedelta(days=(ctx.dct.weekday() - 5) % 7 or 7)
    else:
        saturday = ctx.dct + timedelta(days=saturday_ahead + (7 if words.startswith("next") else 0))
    year, week, _ = saturday.isocalendar()
    sunday = saturday + timedelta(days=1)
    return Value(
        "DATE",
        f"{year}-W{week:02d}-WE",
        "weekend",
        f"weekend of {day_label(saturday)}",
        interval=(saturday, sunday),
    )


def _time_weekday(match: re.Match[str], ctx: Context) -> Value | None:
    """ "10 p.m. Wednesday", "noon Saturday": a time on a day of the week."""
    name = match.group("weekday") or match.group("weekday2")
    weekday = WEEKDAYS[name.lower().rstrip(".")]
    day = weekday_day(ctx, weekday, None)
    clock = _clock(match.groupdict())
    if day is None:
        return Value("TIME", f"XXXX-WXX-{weekday + 1}T{clock}", "minute", match.group(0))
    return Value(
        "TIME",
        f"{day.isoformat()}T{clock}",
        "minute",
        f"{day_label(day)}, {clock}",
        interval=(day, day),
    )


def _clock(groups: dict[str, str | None]) -> str:
    named = groups.get("named")
    if named:
        return "00:00" if named.lower() == "midnight" else "12:00"
    hour, minute = int(groups["hour"] or 0) % 12, int(groups.get("minute") or 0)
    if (groups.get("ampm") or "").lower().startswith("p"):
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def _year(match: re.Match[str], ctx: Context) -> Value | None:
    if _mod(match) is None and (_is_model_number(match) or _is_count(match)):
        return None
    return year_value(int(match.group("year")), _mod(match))


# Capitals that do put a year after them: a fiscal year, an era.
_YEAR_PREFIXES = frozenset({"FY", "AD", "BC", "CE", "BCE", "AH"})
_CAPITALS_BEFORE = re.compile(r"(?:^|[^\w])([A-Z]{2,4})[\s-]$")


def _is_model_number(match: re.Match[str]) -> bool:
    """ "RTX 2060", "GTX 1660": a product's letters and number, not a year."""
    before = match.string[max(0, match.start("year") - 8) : match.start("year")]
    found = _CAPITALS_BEFORE.search(before)
    if found is None:
        return False
    return found.group(1) not in _YEAR_PREFIXES and not _is_month(found.group(1))


def _is_month(word: str) -> bool:
    return word.lower().rstrip(".") in MONTHS


def _is_count(match: re.Match[str]) -> bool:
    """ "2000 people" is a count; "in 2000 people voted" and "the 2020 votes" are years."""
    after = match.string[match.end("year") : match.end("year") + 16].split()
    if not after or after[0].lower().strip(".,;:") not in COUNTED:
        return False
    before = match.string[max(0, match.start("year") - 16) : match.start("year")].split()
    last = before[-1].lower() if before else ""
    return not (last in YEAR_LEADS or last.endswith(("'s", "’s")))


def _time(match: re.Match[str], ctx: Context) -> Value | None:
    groups = match.groupdict()
    if groups.get("named"):
        hour, minute = (0, 0) if groups["named"].lower() == "midnight" else (12, 0)
    elif groups.get("hour24"):
        hour, minute = int(groups["hour24"]), int(groups["minute24"])
    else:
        hour, minute = int(groups["hour"]) % 12, int(groups.get("minute") or 0)
        if groups["ampm"].lower().startswith("p"):
            hour += 12
    clock = f"T{hour:02d}:{minute:02d}"
    day = ctx.anchor or ctx.dct  # the day the story last named, where it named one
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    label = f"{day_label(day)}, {hour:02d}:{minute:02d}" if day else f"{hour:02d}:{minute:02d}"
    return Value(
        "TIME", prefix + clock, "minute", label, interval=(day, day) if day else None, plot=False
    )


def _duration(match: re.Match[str], ctx: Context) -> Value | None:
    amount, vague = _count(match)
    return duration_value(amount, _unit(match), vague, match.group(0))


def _vague_duration(match: re.Match[str], ctx: Context) -> Value | None:
    unit = singular(match.group("unit"))
    return duration_value(0, unit, True, match.group(0))


def _set(match: re.Match[str], ctx: Context) -> Value | None:
    groups = match.groupdict()
    word = (groups.get("unit") or groups.get("adverb") or "").lower()
    word = {
        "daily": "day",
        "weekly": "week",
        "monthly": "month",
        "annually": "year",
        "yearly": "year",
        "hourly": "hour",
    }.get(word, word)
    if word in WEEKDAYS:
        return Value(
            "SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}", None, f"every {word.title()}", plot=False
        )
    if word in TIME_OF_DAY:
        return Value("SET", f"TXX{TIME_OF_DAY[word]}", None, f"every {word}", plot=False)
    code = UNIT_CODES.get(word)
    if code is None:
        return None
    time_part = "T" if word == "hour" else ""
    return Value("SET", f"P{time_part}1{code}", None, f"every {word}", plot=False)


def _ref(match: re.Match[str], ctx: Context) -> Value | None:
    word = match.group("ref").lower()
    if word in PRESENT_REFS:
        ref = "PRESENT_REF"
    elif word in FUTURE_REFS:
        ref = "FUTURE_REF"
    else:
        ref = "PAST_REF"
    return Value("DATE", ref, None, word, plot=False)


_HANDLERS = {
    "iso": _iso,
    "numeric": _numeric,
    "month_day_year": _month_day_year,
    "day_month_year": _month_day_year,
    "weekday_date": _weekday_date,
    "month_alternatives": _month_alternatives,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "month_relative_year": _month_relative_year,
    "season_year": _season,
    "season": _season,
    "holiday": _holiday,
    "decade": _decade,
    "century": _century,
    "relative_unit": _relative_unit,
    "end_of": _end_of,
    "ago": _ago,
    "vague_ago": _vague_ago,
    "vague_span": _vague_span,
    "counted_span": _duration,
    "relative_day": _relative_day,
    "this_part_of_day": _this_part_of_day,
    "weekday": _weekday,
    "month": _month_alone,
    "relative_month": _relative_month,
    "quarter": _quarter,
    "reporting_period": _reporting_period,
    "weekend": _weekend,
    "time_weekday": _time_weekday,
    "year": _year,
    "time": _time,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "set": _set,
    "per_unit": _set,
    "ref": _ref,
}
