"""Word-level features shared by the cleaner and the segmenter.

Pure functions over strings; no language model, so they run before spaCy has
loaded and keep cleaning fast on megabytes of text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from tui.vocabulary import MONTH_NAMES, WEEKDAY_NAMES

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# The same words in ASCII text, where a plain letter class is a third faster
# than Unicode's categories (most lines of English pages are ASCII).
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['\-][A-Za-z]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Where one sentence ends and the next begins ("…for repairs. The roof…").
SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")

# Scripts written without spaces between words (kana, Han): there each
# character is a word to the aligners and the title rules.
SPACELESS_SCRIPTS = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"


@cache
def stop_words() -> frozenset[str]:
    """The English stop-word list shipped in ``tui/data``."""
    text = resources.files("tui.data").joinpath("stopwords_en.txt").read_text("utf-8")
    words = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in words for word in line.split())


# Languages whose function words lede knows (jusText's lists): most of the web's
# news is in one of them. A page is read with its own language's list.
STOPLIST_LANGUAGES = ("English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch")


@cache
def stoplist() -> frozenset[str]:
    """Function words of several languages (jusText's lists), lower case."""
    return frozenset().union(*(stoplist_of(language) for language in STOPLIST_LANGUAGES))


@cache
def stoplist_of(language: str) -> frozenset[str]:
    """One language's function words from jusText's lists ("English"), or none."""
    spec = find_spec("justext")
    if not language or spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "stoplists" / f"{language}.txt"
    if not path.exists():
        return frozenset()
    lowered = (w.strip().lower() for w in path.read_text("utf-8").splitlines())
    return frozenset(w for w in lowered if w)


def words(text: str) -> list[str]:
    return (_ASCII_WORD if text.isascii() else WORD).findall(text)


def stop_density(tokens: list[str]) -> float:
    """Share of tokens that are function words: high in prose, low in menus."""
    if not tokens:
        return 0.0
    stops = stop_words()
    return sum(1 for t in tokens if t.lower() in stops) / len(tokens)


@lru_cache(maxsize=65_536)  # a page's words repeat: each is stemmed once
def stem(word: str) -> str:
    """A light stem that makes 'Kenya', 'Kenyan', 'Kenyans' and 'Kenya’s' meet."""
    w = _POSSESSIVE.sub("", word.lower())
    # Demonyms and plurals meet their place or singular: "Peruvian"/"Peru",
    # "Sudanese"/"Sudan", "Kenyans"/"Kenya" all become "peru", "sud", "keny".
    for suffix in ("ians", "ian", "ia", "ans", "an", "ese", "ies", "es", "s", "a"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    # Verb forms meet too: "cycling"/"cycle", "seized"/"seize", "travels"/"traveled".
    for suffix in ("ing", "ed", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


NAME = re.compile(r"(?:(?:[A-Z]\.|[A-Z][\w’'\-]*)\s+)+[A-Z][\w’'\-]*")


def multiword_names(text: str) -> set[str]:
    """The last two words of runs of capitalised words: likely full names."""
    names: set[str] = set()
    stops = stop_words()
    for match in NAME.finditer(text):
        parts = [_POSSESSIVE.sub("", w) for w in match.group().split()]
        while parts and parts[0].lower() in stops:
            parts = parts[1:]
        if len(parts) >= 2:
            names.add(" ".join(parts[-2:]))
    return names


# Days and months say when, not what: they would tie unrelated stories together.
CALENDAR_WORDS = frozenset(
    (
        *(word.lower() for word in (*MONTH_NAMES, *WEEKDAY_NAMES)),
        *("today", "yesterday", "tomorrow"),
        *("day", "days", "week", "weeks", "month", "months", "year", "years"),
    )
)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A document's function words, the words that are no topic (function words and
    the calendar's), and whether a capital marks a name."""

    function_words: frozenset[str]
    stops: frozenset[str]
    capitals_mark_names: bool = True


# Languages that capitalise every noun: there a capital says nothing of a name.
NOUN_CAPITALISING = frozenset({"German"})
# How many words of a document are enough to tell its function words' language.
LANGUAGE_SAMPLE_WORDS = 4000


def document_vocabulary(texts: list[str]) -> Vocabulary:
    """The function words of the language (among jusText's) a document is most
    written in, with the short English list: "die", "und" are not topics in a
    German article, and "war" stays one in an English one."""
    return vocabulary_of_words(words(text) for text in texts)


def vocabulary_of_words(tokens: Iterable[list[str]]) -> Vocabulary:
    """``document_vocabulary`` from each block's words, where they are already read."""
    sample: list[str] = []
    for block in tokens:
        sample.extend(map(str.lower, block))
        if len(sample) >= LANGUAGE_SAMPLE_WORDS:
            break
    hits = {lang: sum(map(stoplist_of(lang).__contains__, sample)) for lang in STOPLIST_LANGUAGES}
    best = max(STOPLIST_LANGUAGES, key=lambda lang: (hits[lang], lang == "English"))
    if best == "English" or not hits[best]:
        return english_vocabulary()
    return _vocabulary_of(best)


@cache
def _vocabulary_of(language: str) -> Vocabulary:
    functions = stop_words() | stoplist_of(language)
    return Vocabulary(functions, functions | CALENDAR_WORDS, language not in NOUN_CAPITALISING)


@cache
def english_vocabulary() -> Vocabulary:
    return Vocabulary(stop_words(), stop_words() | CALENDAR_WORDS)


def content_terms(text: str, vocabulary: Vocabulary | None = None) -> list[tuple[str, bool]]:
    """Stems of content words, each flagged when it was capitalised mid-text (in a
    language where a capital marks a name)."""
    vocabulary = vocabulary or english_vocabulary()
    stops = vocabulary.stops
    terms: list[tuple[str, bool]] = []
    for index, token in enumerate(words(text)):
        lower = token.lower()
        if lower in stops or len(lower) < 3:
            continue
        capitalised = vocabulary.capitals_mark_names and token[0].isupper() and index > 0
        terms.append((stem(token), capitalised))
    return terms
