"""The grammar of English time expressions in news copy, as named regexes.

Each pattern's name picks its normaliser in ``normalise.py``. Matching runs
over a story's text; overlapping matches resolve to the longest.
"""

from __future__ import annotations

import re

from tui.vocabulary import MONTH_NAMES, MONTH_SHORT, WEEKDAY_NAMES, WEEKDAY_SHORT, alternation

# A short month may end in a full stop ("Jan."); a short weekday must ("Tue.").
MONTH = rf"(?P<month>{alternation(MONTH_NAMES)}|(?:{alternation(MONTH_SHORT)})\.?)"
WEEKDAY = rf"(?P<weekday>{alternation(WEEKDAY_NAMES)}|(?:{alternation(WEEKDAY_SHORT)})\.)"
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    rf"(?P<number>\d{{1,3}}|(?:twenty|thirty|forty|fifty|sixty)[- ](?:{_UNITS})|{_UNITS}|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|a hundred|a|an|a few|a couple of|several|a dozen|half a)"
)
UNIT = r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
PART = r"(?:(?P<part>early|mid|late)[- ]|the (?P<edge>start|beginning|middle|end|turn|close) of )"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

_HOLIDAYS = (
    r"New Year[’']s (?:Day|Eve)|Christmas(?: Day| Eve)?|Easter(?: Sunday| Monday)?|Good Friday|"
    r"Thanksgiving(?: Day)?|Halloween|Valentine[’']s Day|Independence Day|Labou?r Day|"
    r"Memorial Day|Boxing Day|May Day|St\.? Patrick[’']s Day|Bastille Day|Veterans Day|"
    r"Columbus Day|Martin Luther King(?: Jr\.?)? Day|Black Friday|Cyber Monday"
)

# What may follow "a second" as a while ("for a second or two"); another word
# makes it an ordinal ("for a second day").
_NOT_AFTER_SECONDS = r"(?!(?:of|or|and|later|ago|before|after|earlier|in|to|for|the|too)\b)"

# (name, pattern); the flags are set per pattern because month and weekday
# names must keep their capitals ("may" is a verb, "March" a month).
_SPECS: list[tuple[str, str, int]] = [
    ("iso", r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", 0),
    ("numeric", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b", 0),
    ("month_day_year", rf"{PART}?\b{MONTH} {DAY},? {YEAR}\b", 0),
    ("day_month_year", rf"\b{DAY} (?:of )?{MONTH},? {YEAR}\b", 0),
    (
        "weekday_date",
        rf"\b{WEEKDAY},? (?:{MONTH} {DAY}|{DAY.replace('day>', 'day2>')} (?P<month2>[A-Z][a-z]+\.?))\b",
        0,
    ),
    (
        "month_alternatives",
        rf"\b{MONTH} (?P<conj>or|and) (?P<month2>{alternation(MONTH_NAMES)})(?:,? {YEAR})?\b",
        0,
    ),
    ("month_day", rf"\b{MONTH} {DAY}\b(?!,? \d{{4}})(?![\d:])", 0),
    ("day_month", rf"\b{DAY} (?:of )?{MONTH}\b(?!,? \d{{4}})", 0),
    ("month_year", rf"(?i:{PART})?\b{MONTH},? {YEAR}\b", 0),
    (
        "quarter",
        r"\b(?:the )?(?:(?P<rel>this|last|next) year'?s |(?P<year1>(?:19|20)\d\d) )?"
        r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?P<unit>quarter|half)"
        r"(?: (?:of|in) (?:(?P<year2>(?:19|20)\d\d)|(?P<rel2>this|last|next) year))?\b",
        re.I,
    ),
    (
        "time_weekday",
        r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)"
        rf"(?: [A-Z]{{3}})?,? (?:on )?{WEEKDAY}"
        rf"|\b(?P<named>noon|midnight|midday),? (?:on )?{WEEKDAY.replace('weekday>', 'weekday2>')}",
        0,
    ),
    (
        "reporting_period",
        r"\bthe (?P<which>latest |most recent |current |fiscal |year-ago |year-earlier |"
        r"comparable |same |full |just-ended |just-completed )?(?P<unit>quarter|period)\b"
        r"(?! (?:of|in|ended|ending) )",
        re.I,
    ),
    ("weekend", r"\b(?:the|this|last|next) weekend\b", re.I),
    ("relative_month", rf"\b(?P<rel>(?i:last|next|this|coming|past)) {MONTH}\b(?! \d)", 0),
    (
        "month_relative_year",
        rf"(?i:{PART})?\b{MONTH}(?: {DAY})? (?:of )?(?P<rel>(?i:last|this|next)) year\b",
        0,
    ),
    (
        "season_year",
        rf"(?i:{PART})?\b(?P<season>(?i:spring|summer|autumn|fall|winter)) (?:of )?{YEAR}\b",
        0,
    ),
    ("holiday", rf"\b(?P<holiday>{_HOLIDAYS})\b", 0),
    (
        "decade",
        r"\bthe (?:(?P<part>early|mid|late)[- ])?(?P<decade>(?:1[6-9]|20)\d0|[’']\d0)s\b",
        re.I,
    ),
    ("century", r"\bthe (?P<ordinal>\d{1,2})(?:st|nd|rd|th) century\b", re.I),
    (
        "relative_unit",
        r"\b(?:(?P<part>early|mid|late|earlier|later) (?:in )?)?(?P<rel>last|next|this|coming|past|previous|following|current) (?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b",
        re.I,
    ),
    (
        "end_of",
        r"\bthe (?P<edge>end|start|beginning|middle|turn|close) of (?:the |this |(?P<rel>next|last) )(?P<unit>week|month|year|decade|century)\b",
        re.I,
    ),
    # "three days before" counts back from the date the story last named; "three
    # hours before the vote" from an event it did not date (then it is a while).
    (
        "ago",
        rf"\b{NUMBER}[- ]{UNIT} (?P<dir>ago|earlier|later|before(?!\s+[\w“\"‘])|from now|hence)\b",
        re.I,
    ),
    (
        "vague_ago",
        r"\b(?P<unit>days|weeks|months|years|decades) (?P<dir>ago|earlier|later)\b",
        re.I,
    ),
    (
        "vague_span",
        r"\b(?:(?:the|in) )?(?P<rel>upcoming|coming|next|past|last|previous|recent|following)(?: (?P<few>few|several|couple of))? (?P<unit>days|weeks|months|years|decades)\b",
        re.I,
    ),
    (
        "counted_span",
        rf"\b(?:the )?(?P<rel>upcoming|coming|next|past|last|previous|following) {NUMBER} {UNIT}\b",
        re.I,
    ),
    (
        "relative_day",
        r"\b(?:(?P<part>later|earlier) )?(?P<rel>today|tonight|yesterday|tomorrow)(?: (?P<tod>morning|afternoon|evening|night))?\b",
        re.I,
    ),
    ("this_part_of_day", r"\b(?:this|last) (?P<tod>morning|afternoon|evening|night)\b", re.I),
    (
        "weekday",
        rf"\b(?:(?P<rel>(?i:last|next|this|coming|past)) )?{WEEKDAY}(?: (?P<tod>morning|afternoon|evening|night))?\b",
        0,
    ),
    ("month", rf"(?i:{PART})?\b{MONTH}\b(?! \d)", 0),
    (
        "season",
        # "fall" alone is a verb ("prices fall"): only "this fall", "the fall", "Fall".
        r"\b(?:(?P<rel>(?i:last|next|this)) )?(?P<season>(?i:spring|summer|autumn|winter)|Fall|(?:(?<=the )|(?<=his )|(?<=ext )|(?<=ast ))fall)\b(?! (?:of )?\d)",
        0,
    ),
    ("year", rf"(?i:{PART})?(?<![\d$£€.,])\b{YEAR}\b(?![\d,.]\d|\s?%|-\d)", 0),
    (
        "time",
        r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)\b|\b(?P<named>noon|midnight|midday)\b",
        re.I,
    ),
    # Not an age: "a 6-year-old boy", "52 years old"; nor an ordinal: "a second day".
    (
        "duration",
        rf"\b{NUMBER}[- ]{UNIT}(?:[- ]long)?\b(?![- ]old\b)(?!(?<=second) {_NOT_AFTER_SECONDS}\w)",
        re.I,
    ),
    (
        "vague_duration",
        r"\b(?:for|over|within) (?P<unit>hours|days|weeks|months|years|decades)\b",
        re.I,
    ),
    (
        "set",
        r"\b(?P<every>every|each) (?P<unit>day|week|month|year|morning|evening|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?P<adverb>daily|weekly|monthly|annually|yearly|hourly)\b(?! (?:newspaper|basis|paper|rate|average|dose|limit|allowance|life))",
        re.I,
    ),
    # "£2 million a year": only after an amount (checked where it is normalised).
    ("per_unit", r"\b(?P<per>a|per) (?P<unit>day|week|month|year)\b", 0),
    (
        "ref",
        # Not "previously", "soon", "so far", "earlier" alone: they place nothing
        # on a timeline, and news annotation (TimeBank) does not mark them.
        r"\b(?P<ref>currently|nowadays|now|recently|lately|at present|at the moment|right now|in the past|in the future|the future|these days|in recent years|in recent months|in recent weeks|in recent days|current|recent)\b",
        re.I,
    ),
]

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(p, flags)) for name, p, flags in _SPECS
]

# What may stand before a time expression and belongs with it for a reader
# ("later on Tuesday", "since February"); TIMEX3 extents leave it out.
LEAD = re.compile(
    r"(?:\b(?P<adverb>later|earlier)\s+)?\b(?P<prep>on|in|at|since|until|till|by|before|after|from|"
    r"during|through|throughout|over|around|within|as of|as early as|no later than)\s+$",
    re.I,
)
