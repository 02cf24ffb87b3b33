"""Segment: group kept blocks into the main story and embedded stories.

A site inserts a related story as a headline followed by its own paragraphs.
A headline inside the body is therefore either a section subheading of the
main story or the start of an embedded one. It starts an embedded story when
its first paragraph restates it (a news lede) and the paragraphs under it
keep to its topic more than to the main story's; the embedded story is the
contiguous run of paragraphs that does so best, and the main story resumes
after it. Topic is measured with content words weighted by how rare they are
in the article, names weighted up, so words the whole article shares (its
protagonists) count for little and what is particular to each story counts.

One paragraph cannot keep to a topic, and a heading shaped as a section (a
question, a colon lead-in, a number) is the article's own: either opens a
story only under a marker ("Read more: …"). A story longer than what is left
of the main one is no inserted story: the split was a section of the article.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from tui.clean import Cleaned, KeptBlock
from tui.clean.patterns import NUMBERING, without_marker
from tui.model import Article, Block, Link, RemovedBlock, Story, make_story
from tui.reasons import Reason
from tui.textstats import content_terms, document_vocabulary
from tui.textstats import multiword_names as _names_of

# A heading's first paragraph must restate at least this share of it (by weight).
LEDE_OVERLAP = 0.3
# Paragraphs under the heading must lean to its topic by at least this margin.
COHESION_MARGIN = 0.05
# Paragraphs that share less than this with the main story are off its topic.
DISTINCT_COVERAGE = 0.3
NAME_WEIGHT = 1.5
# An embedded story has at most this many paragraphs; after it, this many
# paragraphs show whether the main story returns.
MAX_EMBEDDED = 40
RETURN_WINDOW = 40

# How a section's own subheading may end (and an inserted story's headline does not).
SECTION_ENDINGS = (":", "?")
# A headline that opens a story has at least this many content words.
MIN_HEADLINE_TERMS = 4

Vector = dict[str, float]
HEADINGS = ("heading", "related")


@dataclass(frozen=True, slots=True)
class _Judgement:
    """Whether a heading opens an embedded story, and how many paragraphs it runs."""

    embedded: bool
    length: int


def segment(cleaned: Cleaned) -> Article:
    """Build the article's stories from the cleaner's kept blocks."""
    kept = cleaned.kept
    title_block = kept[cleaned.title_index].block if cleaned.title_index is not None else None
    body = [k for k in kept if k.role != "title"]
    title_text = title_block.text if title_block else (cleaned.metadata.title or "")

    owner = ["main"] * len(body)  # which story each body block belongs to
    embedded_count = 0
    candidates = [
        i
        for i, k in enumerate(body)
        if k.role in HEADINGS and _may_open_story(k, cleaned.body_known)
    ]
    # Term weights are only read when some heading might open a story.
    weigher = _Weigher([k.block.text for k in kept]) if candidates else _Weigher([])
    main = _MainStory(body, weigher) if candidates else None
    for h in candidates:
        if owner[h] != "main" or main is None:
            continue
        end = _range_end(body, h)
        if end == h + 1:
            continue
        outside = main.outside(h, end, owner)
        decision = _judge(body, h, end, title_text, outside, weigher)
        if decision.embedded:
            embedded_count += 1
            for i in range(h, h + 1 + decision.length):
                owner[i] = f"embedded-{embedded_count}"
                main.leave(i)
    if embedded_count:
        owner, embedded_count = _rejoin_larger(body, owner)

    removed = list(cleaned.removed)
    for i, item in enumerate(body):
        if item.role == "related" and owner[i] == "main":
            # A "Read more:" card whose paragraphs are not its own story.
            owner[i] = "removed"
            removed.append(
                RemovedBlock(
                    item.block.text,
                    Reason.RELATED_LINK,
                    item.block.source_line,
                    "segment.card-alone",
                )
            )
        elif item.block.place == "card" and owner[i] == "main":
            # A card the extractor left out that is no story of its own.
            owner[i] = "removed"
            removed.append(
                RemovedBlock(
                    item.block.text,
                    Reason.RELATED_LINKS,
                    item.block.source_line,
                    "segment.card-outside-extract",
                )
            )
    removed.sort(key=lambda r: r.source_line)
    stories = [_build_main(cleaned, title_block, body, owner)]
    for number in range(1, embedded_count + 1):
        story_id = f"embedded-{number}"
        members = [body[i] for i in range(len(body)) if owner[i] == story_id]
        head, rest = members[0], members[1:]
        stories.append(
            make_story(
                story_id,
                "embedded",
                without_marker(head.block.text),
                [m.block for m in rest],
                title_line=head.block.source_line,
                title_as_written=head.block.text,
            )
        )
    return Article(cleaned.source, cleaned.metadata, stories, removed, _links(cleaned, stories))


def _rejoin_larger(body: list[KeptBlock], owner: list[str]) -> tuple[list[str], int]:
    """A site inserts a short story into a longer one: a "story" longer than
    what is left of the main one is a section of the article, or the article
    itself under a sidebar's few lines. They are one.

    Returns the owners with those stories rejoined and the rest numbered again.
    """
    words: Counter[str] = Counter()
    for item, story in zip(body, owner, strict=True):
        words[story] += len(item.block.text.split())
    stays = [s for s in dict.fromkeys(owner) if s != "main" and words[s] <= words["main"]]
    numbers = {story: f"embedded-{n}" for n, story in enumerate(stays, 1)}
    return [numbers.get(story, "main") for story in owner], len(stays)


def _links(cleaned: Cleaned, stories: list[Story]) -> list[Link]:
    """The source's links, those whose words or address stand in a story first."""
    texts = [story.text for story in stories]
    links = [
        Link(text, url, any(url in t or (len(text) >= 3 and text in t) for t in texts))
        for text, url in cleaned.links
    ]
    return [k for k in links if k.in_article] + [k for k in links if not k.in_article]


def _may_open_story(item: KeptBlock, body_known: bool) -> bool:
    """A marked card may open a story; a heading shaped as a section never does.

    In a body a structured source gave, only an inset does besides: a heading
    that stands among the body's paragraphs there is the article's own
    subheading, and a site's inserted story shows itself by its container.
    """
    if item.role == "related":
        return True
    if _is_section_label(item.block.text):
        return False
    return not body_known or item.block.place != "flow"


def _is_section_label(text: str) -> bool:
    """A heading whose form says it is the article's own section: it leads into
    what follows ("What we found:"), asks what the section answers ("Why now?"),
    or numbers its place in a list ("3. Pack light"). A site's inserted story
    is headed like news; one headed otherwise shows itself with a marker."""
    stripped = text.rstrip()
    return stripped.endswith(SECTION_ENDINGS) or bool(NUMBERING.match(stripped))


def _range_end(body: list[KeptBlock], heading: int) -> int:
    for i in range(heading + 1, len(body)):
        if body[i].role in HEADINGS:
            return i
    return len(body)


@dataclass(slots=True)
class _Outside:
    """The main story's paragraphs around a heading's range, as its terms and names."""

    lede: str | None
    terms: Callable[[str], bool]
    names: Callable[[str], bool]


class _MainStory:
    """Which terms and full names the main story's paragraphs hold, kept as counts so
    "the main story without this range" is a subtraction, not a re-reading."""

    def __init__(self, body: list[KeptBlock], weigher: _Weigher) -> None:
        self._body = body
        self._terms = [
            set(weigher.vector(k.block.text)) if k.role == "paragraph" else set() for k in body
        ]
        self._names = [
            multiword_names(k.block.text) if k.role == "paragraph" else frozenset() for k in body
        ]
        self._term_counts: Counter[str] = Counter(t for ts in self._terms for t in ts)
        self._name_counts: Counter[str] = Counter(n for ns in self._names for n in ns)

    def leave(self, index: int) -> None:
        """A block joined an embedded story: the main story no longer holds it."""
        self._term_counts.subtract(self._terms[index])
        self._name_counts.subtract(self._names[index])
        self._terms[index], self._names[index] = set(), frozenset()

    def outside(self, h: int, end: int, owner: list[str]) -> _Outside:
        within_terms: Counter[str] = Counter()
        within_names: Counter[str] = Counter()
        for i in range(h + 1, end):
            within_terms.update(self._terms[i])
            within_names.update(self._names[i])
        lede = next(
            (
                k.block.text
                for i, k in enumerate(self._body)
                if k.role == "paragraph" and not h < i < end and owner[i] == "main"
            ),
            None,
        )
        return _Outside(
            lede,
            lambda term: self._term_counts[term] - within_terms[term] > 0,
            lambda name: self._name_counts[name] - within_names[name] > 0,
        )


class _Presence:
    """A signature that only answers "is this term in it?" (all coverage asks)."""

    def __init__(self, contains: Callable[[str], bool], extra: Vector) -> None:
        self._contains = contains
        self._extra = extra

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and (term in self._extra or self._contains(term))


def _judge(
    body: list[KeptBlock],
    h: int,
    end: int,
    title: str,
    outside: _Outside,
    weigher: _Weigher,
) -> _Judgement:
    """Decide whether heading ``h`` opens an embedded story, and how long it is.

    Paragraphs under the heading are compared with two signatures: the
    heading with its first paragraph, and the main title with the main
    story's first paragraph (or, when the heading comes before any main
    paragraph, the first paragraph after the split). Terms both share cancel
    out; what is particular to each decides. The split ``k`` maximises the
    lean to the heading of paragraphs before it plus the lean to the main
    story of paragraphs after it; ties go to the longer embedded story.
    """
    heading_vector = weigher.vector(body[h].block.text)
    lede_vector = weigher.vector(body[h + 1].block.text)
    overlap = _coverage(heading_vector, lede_vector)
    story = _merge([heading_vector, lede_vector])
    title_vector = weigher.vector(title)
    # An embedded story is short: its end is looked for among the first
    # paragraphs, and the main story's return judged on a window after them.
    end = min(end, h + 1 + MAX_EMBEDDED + RETURN_WINDOW)
    vectors = [weigher.vector(body[i].block.text) for i in range(h + 1, end)]
    n = len(vectors)
    main_lede = weigher.vector(outside.lede) if outside.lede is not None else None
    fixed_margins: list[float] | None = None
    if main_lede is not None:
        main = _merge([title_vector, main_lede])
        fixed_margins = [_coverage(v, story) - _coverage(v, main) for v in vectors[1:]]

    best: tuple[float, int, list[float]] | None = None
    for k in range(1, min(n, MAX_EMBEDDED) + 1):
        margins = fixed_margins
        if margins is None:
            main = _merge([title_vector, vectors[k] if k < n else {}])
            margins = [_coverage(v, story) - _coverage(v, main) for v in vectors[1:]]

        # margins[j] is paragraph j + 1 of the range; the story holds 0..k-1.
        after = margins[k - 1 :] if main_lede is not None else margins[k:]
        score = sum(margins[: k - 1]) - sum(after)
        if best is None or score >= best[0]:
            best = (score, k, margins)
    assert best is not None
    _, length, margins = best
    # What follows the story, as the split's score reads it.
    following = margins[length - 1 :] if main_lede is not None else margins[length:]
    if body[h].role == "related" and sum(following) >= -COHESION_MARGIN:
        # A marked card runs on to its range's end unless the main story
        # clearly returns after it (what follows leans back to it, in sum).
        length = min(n, MAX_EMBEDDED)

    inside = margins[: length - 1]
    returns = length < n and margins[length - 1] < -COHESION_MARGIN
    leans = sum(inside) >= COHESION_MARGIN or returns
    # A separate story introduces its people again in full; a section of the
    # same story uses the short forms the story already set up.
    title_names = multiword_names(title)
    reintroduced = any(
        outside.names(name) for name in multiword_names(body[h + 1].block.text) - title_names
    )
    main_full = _Presence(outside.terms, title_vector)
    distinct = sum(_coverage(v, main_full) for v in vectors[:length]) / length < DISTINCT_COVERAGE
    # Headlines say who did what; a subheading is a short label ("The cost").
    headline = len(heading_vector) >= MIN_HEADLINE_TERMS
    # A card the site marked ("Related: …") whose lede restates it and whose
    # paragraphs are off the main story's topic needs no more evidence.
    marked = body[h].role == "related" and distinct
    embedded = (
        headline and overlap >= LEDE_OVERLAP and (leans or marked) and (reintroduced or distinct)
    )
    return _Judgement(embedded, length)


def _build_main(
    cleaned: Cleaned, title_block: Block | None, body: list[KeptBlock], owner: list[str]
) -> Story:
    blocks: list[Block] = []
    subheadings: list[tuple[int, str, int]] = []
    for item, story_id in zip(body, owner, strict=True):
        if story_id != "main":
            continue
        if item.role in HEADINGS:
            subheadings.append((len(blocks), item.block.text, item.block.source_line))
        else:
            blocks.append(item.block)
    title = title_block.text if title_block else cleaned.metadata.title
    stated = cleaned.metadata.title
    if title_block and stated and title and title != stated and title.endswith(stated):
        title = stated  # "BREAKING NEWS: …": the headline without its kicker
    return make_story(
        "main",
        "main",
        title,
        blocks,
        title_line=title_block.source_line if title_block else None,
        subheadings=subheadings,
        title_as_written=title_block.text if title_block else None,
    )


class _Weigher:
    """Turns text into weighted term vectors with article-level IDF."""

    def __init__(self, texts: list[str]) -> None:
        self._vocabulary = document_vocabulary(texts)
        # Each distinct text once (a page repeats its cards).
        self._terms = {text: content_terms(text, self._vocabulary) for text in dict.fromkeys(texts)}
        df: Counter[str] = Counter()
        for terms in self._terms.values():
            df.update({stem for stem, _ in terms})
        n = max(1, len(texts))
        self._idf = {term: math.log((n + 1) / (count + 0.5)) for term, count in df.items()}
        self._default_idf = math.log((n + 1) / 0.5)
        self._vectors: dict[str, Vector] = {}  # each text's vector, made once

    def vector(self, text: str) -> Vector:
        if (known := self._vectors.get(text)) is not None:
            return known
        terms = self._terms.get(text)
        if terms is None:
            terms = content_terms(text, self._vocabulary)
        vector: Vector = {}
        for stem, is_name in terms:
            weight = self._idf.get(stem, self._default_idf) * (NAME_WEIGHT if is_name else 1.0)
            vector[stem] = max(vector.get(stem, 0.0), weight)
        self._vectors[text] = vector
        return vector


@functools.lru_cache(maxsize=65_536)
def multiword_names(text: str) -> frozenset[str]:
    """Full names in a text, each text read once however often it is judged."""
    return frozenset(_names_of(text))


def _merge(vectors: list[Vector]) -> Vector:
    merged: Vector = {}
    for vector in vectors:
        for term, weight in vector.items():
            merged[term] = max(merged.get(term, 0.0), weight)
    return merged


def _coverage(vector: Vector, signature: Vector | _Presence) -> float:
    """Share of ``vector``'s weight that ``signature`` also has."""
    total = sum(vector.values())
    if not total:
        return 0.0
    return sum(w for term, w in vector.items() if term in signature) / total
