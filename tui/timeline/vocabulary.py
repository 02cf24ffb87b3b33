"""What the words of time expressions mean: numbers, units, parts of the day.

Tables only; ``values`` builds values from them and ``anchoring`` places
relative expressions against the publication date.
"""

from __future__ import annotations

MODS = {
    "early": "START",
    "start": "START",
    "beginning": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "close": "END",
    "turn": "APPROX",
}

MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "around"}

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "a hundred": 100,
    "a couple of": 2,
    "a dozen": 12,
}

VAGUE_NUMBERS = {"a few", "several", "half a"}

UNIT_CODES = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "quarter": "M",
    "year": "Y",
    "decade": "Y",
    "century": "Y",
    "weekend": "WE",
}

QUARTER_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

UNIT_FACTORS = {"fortnight": 2, "quarter": 3, "decade": 10, "century": 100}

TIME_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

PRESENT_REFS = {
    "current",
    "currently",
    "nowadays",
    "now",
    "at present",
    "at the moment",
    "right now",
    "these days",
    "so far",
    "to date",
}

FUTURE_REFS = {"soon", "in the future", "the future"}

# A vague window ("the coming weeks") reaches about this many units from the date.
VAGUE_WINDOW = 8


# Plurals the patterns match that do not end in a plain "s".
_PLURALS = {"centuries": "century"}


def singular(unit: str) -> str:
    """A unit word as the tables name it: "weeks" → "week", "centuries" → "century"."""
    word = unit.lower()
    return _PLURALS.get(word) or (word[:-1] if word.endswith("s") else word)


# What is counted in news: "1800 jobs", "2000 troops" are numbers of them.
COUNTED = frozenset(
    [
        "people",
        "persons",
        "troops",
        "soldiers",
        "workers",
        "employees",
        "jobs",
        "homes",
        "houses",
        "households",
        "residents",
        "students",
        "passengers",
        "vehicles",
        "cars",
        "units",
        "votes",
        "voters",
        "cases",
        "deaths",
        "members",
        "fans",
        "tonnes",
        "tons",
        "barrels",
        "shares",
        "points",
        "miles",
        "kilometres",
        "kilometers",
        "km",
        "metres",
        "meters",
        "feet",
        "acres",
        "hectares",
        "dollars",
        "euros",
        "pounds",
        "yuan",
        "yen",
        "rupees",
        "calories",
        "words",
        "pages",
        "copies",
        "signatures",
        "patients",
        "refugees",
        "migrants",
        "protesters",
        "police",
        "officers",
        "staff",
        "seats",
        "flights",
        "beds",
        "doses",
        "tests",
    ]
)
# Words before a number that make it a year: "in 2000 people…" still counts from 2000.
YEAR_LEADS = frozenset(
    [
        "the",
        "in",
        "of",
        "since",
        "from",
        "by",
        "until",
        "till",
        "through",
        "before",
        "after",
        "during",
        "early",
        "mid",
        "late",
        "'s",
        "’s",
    ]
)
