"""Words more than one stage reads, declared once: the calendar's names (the
cleaner's dates and the timeline's expressions), the particles inside
people's names (bylines and lists of people), the words that open a byline,
and the words of a reading time.

Tables and the regex alternations built from them; each stage builds its own
patterns around these, so a month or a particle added here reaches all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# English month names with the short forms news copy writes ("Sept.", "Jan").
MONTHS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("January", ("Jan",)),
    ("February", ("Feb",)),
    ("March", ("Mar",)),
    ("April", ("Apr",)),
    ("May", ()),
    ("June", ("Jun",)),
    ("July", ("Jul",)),
    ("August", ("Aug",)),
    ("September", ("Sept", "Sep")),
    ("October", ("Oct",)),
    ("November", ("Nov",)),
    ("December", ("Dec",)),
)
# The same months (and their short forms) in the other languages of the pages
# lede cleans: German, French, Spanish, Italian, Portuguese and Dutch.
OTHER_MONTHS: tuple[str, ...] = (
    "januar jänner janvier enero gennaio janeiro januari",
    "februar feber février fevrier febrero febbraio fevereiro februari",
    "märz maerz mär mars marzo março maart",
    "avril abril aprile",
    "mai mayo maggio maio mei",
    "juni juin junio giugno junho",
    "juli juillet julio luglio julho",
    "août aout agosto augustus",
    "septembre septiembre settembre setembro",
    "oktober okt octobre octubre ottobre outubro",
    "novembre noviembre novembro",
    "dezember dez décembre decembre diciembre dicembre dezembro",
)
WEEKDAYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Monday", ("Mon",)),
    ("Tuesday", ("Tues", "Tue")),
    ("Wednesday", ("Wed",)),
    ("Thursday", ("Thurs", "Thur", "Thu")),
    ("Friday", ("Fri",)),
    ("Saturday", ("Sat",)),
    ("Sunday", ("Sun",)),
)

MONTH_NAMES = tuple(name for name, _ in MONTHS)
MONTH_SHORT = tuple(short for _, shorts in MONTHS for short in shorts)
WEEKDAY_NAMES = tuple(name for name, _ in WEEKDAYS)
WEEKDAY_SHORT = tuple(short for _, shorts in WEEKDAYS for short in shorts)

# Every English month word, lower case, to its number ("sept" 9).
ENGLISH_MONTH_NUMBERS: dict[str, int] = {
    word.lower(): number
    for number, (name, shorts) in enumerate(MONTHS, start=1)
    for word in (name, *shorts)
}
# The same in every language of the pages.
MONTH_NUMBERS: dict[str, int] = ENGLISH_MONTH_NUMBERS | {
    word: number for number, words in enumerate(OTHER_MONTHS, start=1) for word in words.split()
}
WEEKDAY_NUMBERS: dict[str, int] = {
    word.lower(): number
    for number, (name, shorts) in enumerate(WEEKDAYS)
    for word in (name, *shorts)
}

# Lower-case words inside a person's name: "Ursula von der Leyen", "Abu Bakr al Baghdadi".
NAME_PARTICLES = (
    "van",
    "von",
    "de",
    "da",
    "del",
    "der",
    "dos",
    "la",
    "le",
    "bin",
    "al",
    "el",
    "ul",
)

# What opens a byline, in the pages' languages ("By Jane Doe", "Von Max Muster").
BYLINE_OPENERS = (
    "by", "written by", "words by", "story by", "text by", "reported by", "von", "por", "par",
)  # fmt: skip

# What names a reading time ("Reading time: 4 min", "Lesezeit: 4 Minuten").
READING_TIME_WORDS = (
    "reading time", "lesezeit", "lesedauer", "temps de lecture", "tiempo de lectura",
    "tempo di lettura", "tempo de leitura", "leestijd",
)  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so none stops at a prefix."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))
