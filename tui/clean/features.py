"""Per-block features in the manner of jusText: what a block looks like
without reading it — length, punctuation, function words, capitals."""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.clean.patterns import BREADCRUMB_SEPARATORS, GLUED_LABELS, TRAIL_MARK, URL_LIKE
from tui.textstats import SENTENCE_BREAK, stop_words, stoplist, words

_NUMBER = re.compile(r"\d+")
_MENU_SEPARATORS = re.compile(r"\s[|•·]\s|\s{3,}")
_SENTENCE_MARKS = (".", "!", "?", "…")
# Cheap tests before the costly expressions: what each one cannot match without.
_SPACES = re.compile(r"\s\s\s")
_CAMEL = re.compile(r"[a-z][A-Z][a-z]")


class BlockFeatures(NamedTuple):
    """The measurements the cleaner decides on (a named tuple: a megabyte makes
    tens of thousands, and a tuple is made several times faster than a frozen
    dataclass)."""

    n_words: int
    n_chars: int
    n_sentences: int
    ends_sentence: bool
    stop_density: float  # English function words (what the model was trained on)
    # Function words of any of jusText's languages (the model's "stop_any").
    stoplist_density: float
    # What the rules read as function words: the short English list, and the list
    # of the page's own language when it is another ("der", "les"), so German or
    # French prose reads as prose too. (Not every language's at once: "mayor" is a
    # Spanish one, and jusText's English list holds menus' words such as "business".)
    function_density: float
    capitalised_share: float  # share of content words that start with a capital
    glued_joins: int  # "WorldNews"-style joins of labels
    separators: int  # menu separators like " | " or " • "
    url_like: bool
    starts_upper: bool
    ends_question_or_exclamation: bool
    lowered: tuple[str, ...] = ()  # the words, lower case (the classifier reads them)
    numbers: int = 0  # groups of digits (counted in lines of 40 words or fewer)
    digits: int = 0  # digits
    bracketed: bool = False  # holds "(…)": an aside or a country, not a link

    @property
    def is_prose(self) -> bool:
        """Reads like running text: sentences made with function words."""
        if not self.ends_sentence:
            # A standfirst or a sentence whose full stop the scraper lost.
            return self.n_words >= 12 and self.function_density >= 0.25 and self.separators == 0
        if self.n_words < 4:
            return False
        if self.n_sentences >= 2 and self.function_density >= 0.15:
            return True
        return (self.n_words >= 8 and self.function_density >= 0.2) or (
            self.n_words >= 4 and self.function_density >= 0.25
        )

    @property
    def is_headline_like(self) -> bool:
        """Short, capitalised, no closing full stop: a headline or subheading.

        Camel-case brands ("YouTube") are fine: glued breadcrumbs are found first.
        """
        return (
            2 <= self.n_words <= 25
            and self.n_chars <= 200
            and self.starts_upper
            and not self.ends_sentence_with_period
            and self.separators == 0
            and not self.url_like
            and self.n_sentences <= 1
        )

    @property
    def ends_sentence_with_period(self) -> bool:
        return self.ends_sentence and not self.ends_question_or_exclamation

    @property
    def is_menu_like(self) -> bool:
        """A row of links: separators, or capitalised words with no function words."""
        if self.separators >= 2:
            return True
        return (
            self.n_words >= 4
            and self.function_density == 0.0
            and self.capitalised_share >= 0.99
            and not self.ends_sentence
            # Names with scores or times are results, not links: "Alba 75 Red Star 70".
            and self.numbers < 2
            and not self.bracketed
        )


def block_features(
    text: str, functions: frozenset[str] | None = None, tokens: list[str] | None = None
) -> BlockFeatures:
    """A block's measurements; ``functions`` are its page's function words (by
    default the short English list), ``tokens`` its words where already read.

    Every block of a page passes here, so the costly expressions run only
    where a cheap test says they can match.
    """
    tokens = words(text) if tokens is None else tokens
    lowered = tuple(map(str.lower, tokens))
    stops = stop_words()
    count = len(tokens) or 1
    stop_count = sum(map(stops.__contains__, lowered))
    stop_density = stop_count / count
    if functions is None or functions is stops:
        function_density = stop_density
    else:
        function_density = sum(map(functions.__contains__, lowered)) / count
    # Content words are the ones not on the short list; how many are capitalised.
    capitals = [low for t, low in zip(tokens, lowered, strict=True) if t[0].isupper()]
    capitalised = len(capitals) - sum(map(stops.__contains__, capitals))
    content = len(tokens) - stop_count
    stripped = text.rstrip()
    ends = stripped.rstrip("\"'”’)]").endswith(_SENTENCE_MARKS)
    separators = 0
    if "|" in text or "•" in text or "·" in text or _SPACES.search(text):
        separators = len(_MENU_SEPARATORS.findall(text))
    if len(tokens) <= 20 and ("/" in text or TRAIL_MARK.search(text)):
        separators += len(BREADCRUMB_SEPARATORS.findall(text))
    numbers = _NUMBER.findall(text)
    return BlockFeatures(
        n_words=len(tokens),
        n_chars=len(text),
        n_sentences=len(SENTENCE_BREAK.findall(stripped)) + (1 if ends else 0),
        ends_sentence=ends,
        stop_density=stop_density,
        stoplist_density=sum(map(stoplist().__contains__, lowered)) / count,
        function_density=function_density,
        capitalised_share=capitalised / content if content else 0.0,
        # Glued labels only matter in short lines (breadcrumbs, menus).
        glued_joins=len(GLUED_LABELS.findall(text))
        if len(tokens) <= 25 and _CAMEL.search(text)
        else 0,
        separators=separators,
        url_like=bool(URL_LIKE.match(stripped)),
        starts_upper=stripped[:1].isupper() or stripped[:1].isdigit() or stripped[:1] in "\"“‘'",
        ends_question_or_exclamation=stripped.rstrip("\"'”’)").endswith(("?", "!")),
        lowered=lowered,
        numbers=len(numbers) if len(tokens) <= 40 else 0,
        digits=sum(map(len, numbers)),
        bracketed="(" in text and ")" in text,
    )
