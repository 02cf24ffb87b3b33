"""Entity mentions from spaCy's recogniser, with their boundaries repaired.

The small model's spans are often a little wrong at the edges: a leading
"the", a possessive ("Kenya’s"), a role word after a name ("Kenya
FM"), a hyphenated given name cut at the hyphen ("Kang Kyung" + "-wha"), two
names fused over a possessive ("the North’s Ahmed Hassan"), or a descriptor
instead of the place ("Andean Republic" of Peru). Each fix here is a
rule about the shape of English names, applied to any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.model import EntityType
from tui.vocabulary import NAME_PARTICLES, alternation

if TYPE_CHECKING:
    from spacy.language import Language

    from tui.nlp.storydoc import StoryDoc


# A brand written with a lower-case prefix: "eBay", "iPhone".
_BRAND = re.compile(r"^[a-z]{1,2}[A-Z][a-z]")

# spaCy labels lede shows, and the type a person sees.
LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "group",
    "EVENT": "event",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "PRODUCT": "other",
    "LANGUAGE": "other",
}
DETERMINERS = ("the ", "The ", "a ", "A ", "an ", "An ")
LEADING_PREPOSITION = re.compile(
    r"^(?:Across|In|At|From|On|For|After|Before|Under|Inside|Outside|Near|Throughout|Along|"
    r"Around|Since|During|Unlike|With|Without|Amid|Despite|Into|Within|Beyond|Towards?)\s+(?=[A-Z])"
)
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
INNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")
HYPHEN_TAIL = re.compile(r"-[a-z]{1,6}\b")
# "Emilia" + "-Romagna": a capitalised tail joins a place unless it is a place
# itself ("US-China" talks are between two).
CAPITAL_TAIL = re.compile(r"-(?P<word>[A-Z][a-z]+)\b")
# Role words and their abbreviations that follow a name but are not part of it.
ROLE_WORDS = frozenset(
    [
        "FM",
        "PM",
        "MP",
        "MEP",
        "CEO",
        "CFO",
        "COO",
        "DM",
        "FS",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "envoy",
        "ambassador",
        "minister",
        "president",
        "premier",
        "chancellor",
        "chief",
        "leader",
        "leaders",
        "chairman",
        "chairwoman",
        "governor",
        "mayor",
        "secretary",
        "delegation",
        "counterpart",
        "team",
        "squad",
        "side",
        "government",
        "authorities",
    ]
)
# Common nouns that name a kind of place; "the Andean Republic of X" describes X.
GENERIC_PLACE_NOUNS = frozenset(
    [
        "republic",
        "kingdom",
        "state",
        "states",
        "emirate",
        "sultanate",
        "principality",
        "federation",
        "region",
        "province",
        "territory",
        "country",
        "nation",
        "island",
        "islands",
        "city",
        "capital",
    ]
)
DESCRIPTOR_FOLLOWS = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# Where one span holds two names: a dash, an open bracket, a figure between
# them ("Dumbarton 1 Brechin 1"), or "at", "v", "and" between two full names.
PARTS = re.compile(
    r"\s+-{1,2}\s+|\s*\((?=[^)]*$)|\s+\d[\d.,\-/]*\s+(?:and\s+)?(?=[A-Z])"
    r"|\s+(?:at|v|vs\.?|versus)\s+(?=[A-Z])"
    r"|(?<=[a-z])\s+and\s+(?=[A-Z][\w'’\-]+\s+[A-Z])"
)
TRAILING_FIGURE = re.compile(r"\s+([\d][\d.,:/\-]*|[\d.,]+-[\d.,]+)$")
LEADING_FIGURE = re.compile(r"^\d{1,3}[.)]?\s+(?:-\s+)?")
LEADING_DASH = re.compile(r"^-{1,2}\s*")
ORIGIN_SUFFIX = re.compile(
    r"-(?:based|born|bred|led|backed|owned|listed|registered|made|run|headquartered|bound)$"
)


def _figure_ends_name(label: str, figure: str) -> bool:
    """A number after a person or place is a score; after a company it may be
    its name ("Channel 4"), unless it looks like a score or a figure."""
    if label in {"PERSON", "GPE", "LOC", "NORP"}:
        return True
    return len(figure) >= 2 or not figure.isdigit()


@dataclass(frozen=True, slots=True)
class RawMention:
    """A mention as found and repaired, before mentions become entities."""

    story: str
    start: int
    end: int
    text: str
    label: str
    # The span's shape was changed: its label is asked of the model again.
    reshaped: bool = False
    # Named as a side in a result ("Kent 108-3"): a team, whatever its name.
    team: bool = False


_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’\-]*[A-Z]\b|\b[A-Z]\b")
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’\-]+(?:[\s,.:;/&()\-]+[A-Z][A-Z'’\-]+)+\b")
# "CANTERBURY —", "NEW YORK, May 2 (Reuters) -": a dateline's place in capitals.
_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*(?=,|\s+[—–-]|\s+\()")
_MIXED_WORD = re.compile(r"\b[A-Z][a-z][\w'’\-]*|\b[a-z][\w'’\-]*")


def casing_vocabulary(texts: list[str]) -> dict[str, str]:
    """How the article writes each word where it is not shouting: "belgrade" → "Belgrade".

    Read from the article's own mixed-case text, so a headline or dateline in
    capitals can be given the casing the body uses for the same words.
    """
    seen: dict[str, dict[str, int]] = {}
    for text in texts:
        for match in _MIXED_WORD.finditer(text):
            word = match.group(0)
            forms = seen.setdefault(word.lower(), {})
            forms[word] = forms.get(word, 0) + 1
    return {low: max(forms, key=lambda f: (forms[f], f)) for low, forms in seen.items()}


def truecaser(vocabulary: dict[str, str]) -> Callable[[str], str]:
    """A function giving all-caps stretches the article's own casing, same length.

    The small model reads "JAPAN BEAT SYRIA" poorly and "Japan Beat Syria"
    as one name; "Japan beat Syria" it reads well. A word takes the casing
    the article uses for it elsewhere, else a known place is capitalised,
    else it is lower case (the first word of a line capitalised). Runs of
    two or more capitalised words and lines in capitals only are changed;
    an acronym inside ordinary text stays. Lengths never change, so offsets
    into the original stay exact.
    """
    from tui.nlp.gazetteer import place_names

    places = place_names()

    def word_case(word: str, first: bool) -> str:
        if len(word) < 2 or not word.isalpha():
            return word
        known = vocabulary.get(word.lower())
        if known is None and word.title() in places:
            known = word.title()
        if known is None:
            known = word.lower()
        if first:
            known = known[:1].upper() + known[1:]
        return known if len(known) == len(word) else word

    def fix(stretch: str, at_line_start: bool) -> str:
        parts = re.split(r"([^\w'’]+)", stretch)
        out = []
        first = at_line_start
        for part in parts:
            if part and (part[0].isalnum()):
                out.append(word_case(part, first))
                first = False
            else:
                out.append(part)
                if "-" in part or ":" in part:
                    first = True  # "CRICKET - LEICESTERSHIRE": a new phrase starts
        return "".join(out)

    def truecase(text: str) -> str:
        lines = text.split("\n")
        for index, line in enumerate(lines):
            letters = [c for c in line if c.isalpha()]
            if len(letters) >= 3 and all(c.isupper() for c in letters):
                lines[index] = fix(line, True)
            else:
                line = _DATELINE_PLACE.sub(lambda m: fix(m.group(0), True), line)

                def in_line(m: re.Match[str], line: str = line) -> str:
                    return fix(m.group(0), not line[: m.start()].strip())

                lines[index] = _CAPS_RUN.sub(in_line, line)
        return "\n".join(lines)

    return truecase


def is_name_like(text: str) -> bool:
    """A mention must hold a word with a capital ("the", "57", "1 2 0" are not
    names), at its start or after a brand's lower-case prefix ("eBay", "iPhone")."""
    return any(
        (w[:1].isupper() and any(c.isalpha() for c in w)) or _BRAND.match(w) for w in text.split()
    )


def shouted_words(mentions: list[RawMention], vocabulary: dict[str, str]) -> list[RawMention]:
    """Drop one-word mentions in capitals that the article writes in lower case
    elsewhere ("CRICKET - …" is a slug, not a club)."""
    return [
        m
        for m in mentions
        if not (
            m.text.isupper() and " " not in m.text and vocabulary.get(m.text.lower(), "").islower()
        )
    ]


def doc_mentions(parsed: StoryDoc) -> list[RawMention]:
    """Repaired mentions of one story; offsets index the story's own text."""
    mentions: list[RawMention] = []
    text = parsed.text
    for start, end, ent in parsed.ents():
        if ent.label_ not in LABEL_TYPES:
            continue
        for mention in _repair(RawMention(parsed.story, start, end, "", ent.label_), text):
            if mention.end > mention.start and is_name_like(text[mention.start : mention.end]):
                mentions.append(replace(mention, text=text[mention.start : mention.end]))
    return mentions


def _repair(mention: RawMention, text: str) -> list[RawMention]:
    start, end, reshaped = mention.start, mention.end, False
    # A hyphenated given name the tokenizer cut: "Kang Kyung" + "-wha".
    if tail := HYPHEN_TAIL.match(text, end):
        end, reshaped = tail.end(), True
    elif mention.label in {"GPE", "LOC"} and (tail := CAPITAL_TAIL.match(text, end)):
        from tui.nlp.gazetteer import canonical_place

        if canonical_place(tail.group("word")) is None:
            end = tail.end()
    span = text[start:end]
    # Two names a dash or an open bracket parts: "Romania - Cosmin Contra",
    # "Scott Draper (Australia": each is a mention of its own.
    if (parted := PARTS.search(span)) and parted.start() > 0:
        left = replace(mention, end=start + parted.start(), reshaped=True)
        right = replace(mention, start=start + parted.end(), end=end, reshaped=True)
        return [m for part in (left, right) for m in _repair(part, text) if m.end > m.start]
    # Figures after a name are a score or a time, not the name: "Somerset 83".
    while (last := TRAILING_FIGURE.search(span)) and _figure_ends_name(
        mention.label, last.group(1)
    ):
        span = span[: last.start()]
        end = start + len(span)
    # Figures before it are a rank or a count: "2 - Rodney Eyles", "12. Frank Nobilo";
    # a dash before it opens a signature line: "-- Jim Ballantyne".
    if lead := LEADING_FIGURE.match(span) or LEADING_DASH.match(span):
        start += lead.end()
        span = span[lead.end() :]
    if not span.strip():
        return []
    # Two names fused over a possessive: "the North’s Ahmed Hassan" (but an
    # event's name may hold one: "New Year’s Day").
    if mention.label != "EVENT" and (inner := INNER_POSSESSIVE.search(span)):
        left = replace(mention, end=start + inner.start(), reshaped=True)
        right = replace(mention, start=start + inner.end(), end=end, reshaped=True)
        return [m for part in (left, right) for m in _repair(part, text)]
    for determiner in DETERMINERS:
        if span.startswith(determiner) and len(span) > len(determiner):
            start += len(determiner)
            span = span[len(determiner) :]
            break
    # A sentence's first word, capitalised, taken in: "Across Europe".
    if lead := LEADING_PREPOSITION.match(span):
        start += lead.end()
        span = span[lead.end() :]
        reshaped = True
    # "a Lisbon-based fund": the place is Lisbon.
    if (suffix := ORIGIN_SUFFIX.search(span)) and suffix.start() > 0:
        span = span[: suffix.start()]
        end = start + len(span)
        reshaped = True
    if possessive := POSSESSIVE.search(span):
        end = start + possessive.start()
        span = text[start:end]
    words = span.split()
    while len(words) > 1 and words[-1] in ROLE_WORDS:
        span = span[: span.rfind(words[-1])].rstrip()
        end = start + len(span)
        words = span.split()
        reshaped = True
    if _is_descriptor(span, text, end, mention.label):
        return []
    return [replace(mention, start=start, end=end, reshaped=reshaped or mention.reshaped)]


def _is_descriptor(span: str, text: str, end: int, label: str) -> bool:
    """ "Andean Republic" in "the Andean Republic of Peru"."""
    if label not in {"GPE", "LOC"}:
        return False
    words = span.split()
    if not words or words[-1].lower() not in GENERIC_PLACE_NOUNS:
        return False
    from tui.nlp.gazetteer import canonical_place

    return canonical_place(span) is None and bool(DESCRIPTOR_FOLLOWS.match(text, end))


def relabel(nlp: Language, mentions: list[RawMention]) -> list[RawMention]:
    """Ask the model again about reshaped spans, read on their own.

    A span cut out of a fused one carries the fused span's label ("Kang
    Kyung-wha" as LOC); on its own the model reads the name for what it is.
    """
    from tui.nlp.gazetteer import canonical_place

    reshaped = sorted({m.text for m in mentions if m.reshaped})
    labels: dict[str, str] = {}
    for text, doc in zip(reshaped, nlp.pipe(reshaped), strict=True):
        whole = [e for e in doc.ents if e.start_char == 0 and e.end_char == len(text)]
        if canonical_place(text):
            labels[text] = "GPE"
        elif whole and whole[0].label_ in LABEL_TYPES:
            labels[text] = whole[0].label_
    return [replace(m, label=labels.get(m.text, m.label)) if m.reshaped else m for m in mentions]


# "Linda Kisabaka (Germany) 52.41": a name with a country in brackets after it
# is how results and line-ups name a competitor.
_COMPETITOR = re.compile(
    r"(?<![\w.])(?P<name>(?:[A-Z][\w'’\-]+\.?\s+){1,3}[A-Z][\w'’\-]+)"
    r"\s+\((?P<country>[A-Z][\w. ]+?)\)"
)


def competitors(texts: dict[str, str], found: list[RawMention]) -> list[RawMention]:
    """The mentions, with people named as "Name (Country)" put in.

    Where the model tagged only a part of such a name ("Rios" of "Ana Rios"),
    the whole name replaces the part.
    """
    from tui.nlp.gazetteer import is_country, is_known_place

    mentions = list(found)
    for story, text in texts.items():
        for match in _COMPETITOR.finditer(text):
            name = match.group("name")
            if not is_country(match.group("country")) or is_known_place(name):
                continue
            start, end = match.span("name")
            inside = [m for m in mentions if m.story == story and start <= m.start and m.end <= end]
            crossing = [
                m for m in mentions
                if m.story == story and m.start < end and start < m.end and m not in inside
            ]  # fmt: skip
            whole = any(m.label == "PERSON" and (m.start, m.end) == (start, end) for m in inside)
            if crossing or whole:
                continue
            mentions = [m for m in mentions if m not in inside]
            mentions.append(RawMention(story, start, end, name, "PERSON"))
    return mentions


_SIDE = r"[A-Z][\w.'’&\-]*(?:\s+(?:[A-Z(][\w.'’&()\-]*|de|of|del|la)){0,3}"
# "Clydebank 2 1 0 1 1 3 3", "FLORIDA 65 70 .481 19 1/2": a standings row.
_STANDINGS = re.compile(rf"^(?P<a>{_SIDE})\s+\d+(?:\s+[\d.\-/]+|\s+-)+\s*$")
# "Karlsruhe 2 Hansa Rostock 0", "Lotte 6 Hyundai 2 (10 innings)": a result.
_RESULT = re.compile(rf"^(?P<a>{_SIDE})\s+\d+\s+(?P<b>{_SIDE})\s+\d+(?:\s+\(.*\))?\s*$")


def results_sides(texts: dict[str, str], found: list[RawMention]) -> list[RawMention]:
    """Teams in results and standings lines, where the model found nothing.

    A line of a name and figures only is a row of a table; the name is a
    side. A country's side keeps the country's label (news names it so).
    """
    from tui.nlp.gazetteer import is_country
    from tui.spans import Occupied

    taken: dict[str, Occupied] = {}
    for mention in found:
        taken.setdefault(mention.story, Occupied()).add(mention.start, mention.end)
    added: list[RawMention] = []
    for story, text in texts.items():
        spans = taken.setdefault(story, Occupied())
        offset = 0
        for line in text.split("\n"):
            row = line.replace("\t", " ")
            match = _RESULT.match(row) or _STANDINGS.match(row)
            for group in ("a", "b") if match else ():
                if match is None or group not in match.groupdict() or not match.group(group):
                    continue
                name = match.group(group).strip()
                start = offset + match.start(group)
                end = start + len(name)
                label = "GPE" if is_country(name.title()) or is_country(name) else "ORG"
                if spans.add(start, end):
                    added.append(
                        RawMention(story, start, end, text[start:end], label, team=label == "ORG")
                    )
            offset += len(line) + 1
    return added


_ITEM = re.compile(
    r"(?:^|(?<=[,;:(]))\s*(?:\d{1,3}\s*-\s*|and\s+)?"
    rf"(?P<name>[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|{alternation(NAME_PARTICLES)})){{0,3}})"
    r"(?=\s*(?:\([^)]*\))?\s*(?:[,;.)]|$))"
)
# In a list whose items are mostly people, the rest are people too.
LIST_SHARE = 0.6


def listed_people(texts: dict[str, str], found: list[RawMention]) -> list[RawMention]:
    """Names in a list of people (a line-up, a field of golfers) the model missed.

    When most items of a comma-separated list are people the model found, an
    item of two or more capitalised words it did not tag is a person too.
    """
    from tui.nlp.gazetteer import is_known_place
    from tui.spans import Occupied

    people: dict[str, Occupied] = {}
    taken: dict[str, Occupied] = {}
    for mention in found:
        taken.setdefault(mention.story, Occupied()).add(mention.start, mention.end)
        if mention.label == "PERSON":
            people.setdefault(mention.story, Occupied()).add(mention.start, mention.end)
    added: list[RawMention] = []
    for story, text in texts.items():
        offset = 0
        for line in text.split("\n"):
            items = [
                (offset + m.start("name"), offset + m.end("name")) for m in _ITEM.finditer(line)
            ]
            offset += len(line) + 1
            if len(items) < 3:
                continue
            known = people.get(story, Occupied())
            hits = sum(1 for a, b in items if known.overlaps(a, b))
            if hits < 2 or hits < LIST_SHARE * len(items):
                continue
            spans = taken.setdefault(story, Occupied())
            for a, b in items:
                name = text[a:b]
                if len(name.split()) >= 2 and not is_known_place(name) and spans.add(a, b):
                    added.append(RawMention(story, a, b, name, "PERSON"))
    return added
