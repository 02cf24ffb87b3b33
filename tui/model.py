"""The data model: plain dataclasses that every stage passes along.

An ``Article`` is what ingest → clean → segment produce; an ``Analysis`` adds
the language stages' entities and timeline. ``Analysis.to_dict`` is the
public JSON contract (see README, "The Analysis JSON"), versioned by
``SCHEMA_VERSION``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 2
PARAGRAPH_SEPARATOR = "\n\n"

# Where a block stands in a body a structured source gave: in the flow of
# the article, in an inset the extractor kept (an <aside>), or in a card the
# extractor left out, kept only as a possible embedded story.
# Where a structured source set a block: in the article's flow, in an inset
# (an aside, a box) the body holds, in a card the extractor left out, or as a
# card's title, a link to another story the page inserted (a marker, as
# "Related: …" is in text).
BlockPlace = Literal["flow", "inset", "card", "card-title"]
BlockKind = Literal["paragraph", "heading", "list_item", "quote", "table", "code"]
StoryKind = Literal["main", "embedded"]
EntityType = Literal["person", "place", "organisation", "group", "event", "other"]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "person",
    "place",
    "organisation",
    "group",
    "event",
    "other",
)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the input as a source saw it: a paragraph or a heading."""

    text: str
    source_line: int
    kind: BlockKind = "paragraph"
    # A heading level or other hint a structured source (HTML, Markdown) gives.
    level: int = 0
    place: BlockPlace = "flow"


@dataclass(slots=True)
class Metadata:
    """What is known about the article besides its text."""

    title: str | None = None
    date: str | None = None
    date_source: str | None = None
    byline: str | None = None
    site: str | None = None
    url: str | None = None
    categories: list[str] = field(default_factory=list)
    dateline: str | None = None
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.date,
            "date_source": self.date_source,
            "byline": self.byline,
            "site": self.site,
            "url": self.url,
            "categories": list(self.categories),
            "dateline": self.dateline,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A kept paragraph; ``start``/``end`` index its story's text."""

    text: str
    start: int
    end: int
    source_line: int
    # How the source shaped it: a list item, a quote, a table (rows on lines,
    # cells split by tabs), code; "paragraph" when it said nothing.
    kind: BlockKind = "paragraph"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "source_line": self.source_line,
            "kind": self.kind,
        }


@dataclass(slots=True)
class Story:
    """The main story or one the site embedded into it."""

    id: str
    kind: StoryKind
    title: str | None
    paragraphs: list[Paragraph]
    title_line: int | None = None
    # Section subheadings inside the story: (paragraph index they precede, text, line).
    subheadings: list[tuple[int, str, int]] = field(default_factory=list)
    # The title's block as the source wrote it, when the title is cleaner than
    # that ("Related: Venice raises…", "BREAKING NEWS: …"); None when the same.
    title_as_written: str | None = None

    @property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)

    def line_span(self) -> tuple[int, int]:
        """The first and last source line of the story, its title included."""
        lines = [p.source_line for p in self.paragraphs] + [self.title_line or 0]
        return min(lines), max(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "title_as_written": self.title_as_written,
            "title_line": self.title_line,
            "subheadings": [
                {"before_paragraph": i, "text": t, "source_line": line}
                for i, t, line in self.subheadings
            ],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }


def story_marker(story_id: str) -> str:
    """How a story is named where room is short: "M" for the main story, "E1", "E2"…
    for the embedded ones (their ids are "embedded-1", "embedded-2"…)."""
    return "M" if story_id == "main" else "E" + story_id.rsplit("-", 1)[-1]


def make_story(
    story_id: str,
    kind: StoryKind,
    title: str | None,
    blocks: list[Block],
    title_line: int | None = None,
    subheadings: list[tuple[int, str, int]] | None = None,
    title_as_written: str | None = None,
) -> Story:
    """Build a story whose paragraph offsets index its joined text exactly."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for block in blocks:
        end = offset + len(block.text)
        shape: BlockKind = "paragraph" if block.kind == "heading" else block.kind
        paragraphs.append(Paragraph(block.text, offset, end, block.source_line, shape))
        offset = end + len(PARAGRAPH_SEPARATOR)
    written = title_as_written if title_as_written != title else None
    return Story(story_id, kind, title, paragraphs, title_line, subheadings or [], written)


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A block the cleaner took out, and why, so a reader can always see it.

    ``rule`` is the id of the rule that decided (``chrome.share-bar``,
    ``learned.classifier``…): what ``lede analyze --explain`` and the rules
    report count by."""

    text: str
    reason: str  # a Reason's text (tui.reasons), or an older cache's words
    source_line: int
    rule: str = ""
    # The classifier's probability that it is article text, and the features
    # that pulled hardest against it, when the classifier decided (for
    # ``--explain``; not part of the JSON).
    score: float | None = field(default=None, compare=False)
    evidence: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "reason": self.reason,
            "rule": self.rule,
            "source_line": self.source_line,
        }


@dataclass(frozen=True, slots=True)
class Link:
    """A link of the source: its words and address; ``in_article`` when its words
    (or its address) stand in a story, not only in the page around it."""

    text: str
    url: str
    in_article: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "url": self.url, "in_article": self.in_article}


@dataclass(slots=True)
class Article:
    """The cleaned, segmented article: what the reader can show at once."""

    source: str
    metadata: Metadata
    stories: list[Story]
    removed: list[RemovedBlock]
    links: list[Link] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return self.metadata.title or (self.stories[0].title if self.stories else None)

    def story_number(self, story_id: str) -> int:
        """The story's place in the story bar (0 is the main story)."""
        return next(i for i, story in enumerate(self.stories) if story.id == story_id)

    def removed_in(self, story: Story) -> list[RemovedBlock]:
        """The removed blocks that stood among this story's lines.

        A block removed between an embedded story's first and last line was
        part of it; every other removed block belongs to the main story.
        """
        spans = {s.id: s.line_span() for s in self.stories if s.kind == "embedded"}

        def owner(block: RemovedBlock) -> str:
            return next(
                (sid for sid, (low, high) in spans.items() if low <= block.source_line <= high),
                "main",
            )

        wanted = story.id if story.kind == "embedded" else "main"
        return [block for block in self.removed if owner(block) == wanted]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in a story's text where an entity is named."""

    story: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"story": self.story, "start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    """One real-world thing, with every mention of it linked."""

    id: str
    name: str
    type: EntityType
    label: str
    aliases: list[str]
    mentions: list[Mention]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "label": self.label,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class TimeExpression:
    """A time expression found in a story, normalised (TIMEX3-style)."""

    story: str
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None  # e.g. 2018-04-09, 2018-W14, P3D, FUTURE_REF; None if unknown
    mod: str | None = None  # START, MID, END, APPROX, BEFORE, AFTER, ...
    granularity: str | None = None  # day, week, month, quarter, year, decade, ...
    relative: str | None = None  # how it is anchored, e.g. "-1 week"
    label: str = ""  # readable: "Mon 9 Apr 2018"
    # Where the words that introduce it start ("later on" Tuesday, "since" February).
    lead_start: int = -1
    # The span of days it covers (ISO dates), when known: for ordering.
    interval: tuple[str, str] | None = None
    plot: bool = True  # a point or interval that anchors an event

    @property
    def lead_text_start(self) -> int:
        return self.start if self.lead_start < 0 else self.lead_start

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "granularity": self.granularity,
            "relative": self.relative,
            "label": self.label,
            "interval": list(self.interval) if self.interval else None,
            "lead_start": self.lead_start,
            "plot": self.plot,
        }


@dataclass(slots=True)
class TimelineEvent:
    """One anchored point or interval in time, with what happened then."""

    story: str
    text: str
    start: int
    end: int
    value: str | None
    label: str
    granularity: str | None
    mod: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    entities: list[str]
    also: list[TimeExpression] = field(default_factory=list)
    interval: tuple[str, str] | None = None
    summary: str = ""  # what happened, in a few words

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "label": self.label,
            "granularity": self.granularity,
            "mod": self.mod,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "summary": self.summary,
            "entities": list(self.entities),
            "interval": list(self.interval) if self.interval else None,
            "also": [
                {
                    "text": e.text,
                    "start": e.start,
                    "end": e.end,
                    "value": e.value,
                    "label": e.label,
                    "lead_start": e.lead_start,
                    "interval": list(e.interval) if e.interval else None,
                }
                for e in self.also
            ],
        }


@dataclass(slots=True)
class Analysis:
    """Everything lede knows about one article; the UI only renders this."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    time_expressions: list[TimeExpression] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    model: str | None = None
    # Sentence spans per story: story id -> [(start, end)], for the reader's jumps.
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # What the reader should know about how it was analysed, one line each
    # ("No entities: the article is in German and no German pipeline is installed").
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return self.article.title

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None (a stale selection after re-analysis)."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def sentence_at(self, story_id: str, offset: int) -> tuple[int, int] | None:
        """The sentence holding ``offset``, else the first one after it."""
        for start, end in self.sentences.get(story_id, []):
            if start <= offset < end or offset < start:
                return start, end
        return None

    def to_dict(self) -> dict[str, Any]:
        article = self.article
        return {
            "schema_version": SCHEMA_VERSION,
            "source": article.source,
            "title": article.title,
            "metadata": article.metadata.to_dict(),
            "model": self.model,
            "stories": [s.to_dict() for s in article.stories],
            "removed": [r.to_dict() for r in article.removed],
            "links": [link.to_dict() for link in article.links],
            "entities": [e.to_dict() for e in self.entities],
            "time_expressions": [t.to_dict() for t in self.time_expressions],
            "timeline": [e.to_dict() for e in self.timeline],
            "sentences": {
                story: [list(s) for s in spans] for story, spans in self.sentences.items()
            },
            "notes": list(self.notes),
        }


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an Analysis from its JSON form (the cache stores that)."""
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"schema version {data.get('schema_version')} is not {SCHEMA_VERSION}")
    meta = data["metadata"]
    metadata = Metadata(**{k: meta.get(k) for k in Metadata.__slots__})
    metadata.categories = list(meta.get("categories") or [])
    stories = []
    for s in data["stories"]:
        paragraphs = [
            Paragraph(p["text"], p["start"], p["end"], p["source_line"], p.get("kind", "paragraph"))
            for p in s["paragraphs"]
        ]
        subheadings = [
            (h["before_paragraph"], h["text"], h["source_line"]) for h in s["subheadings"]
        ]
        stories.append(
            Story(
                s["id"],
                s["kind"],
                s["title"],
                paragraphs,
                s["title_line"],
                subheadings,
                s.get("title_as_written"),
            )
        )
    removed = [
        RemovedBlock(r["text"], r["reason"], r["source_line"], r.get("rule", ""))
        for r in data["removed"]
    ]
    links = [Link(k["text"], k["url"], k["in_article"]) for k in data.get("links", [])]
    article = Article(data["source"], metadata, stories, removed, links)
    entities = [
        Entity(
            e["id"],
            e["name"],
            e["type"],
            e["label"],
            list(e["aliases"]),
            [Mention(m["story"], m["start"], m["end"], m["text"]) for m in e["mentions"]],
        )
        for e in data["entities"]
    ]
    expressions = [_expression_from_dict(t) for t in data["time_expressions"]]
    timeline = [
        TimelineEvent(
            story=t["story"],
            text=t["text"],
            start=t["start"],
            end=t["end"],
            value=t["value"],
            label=t["label"],
            granularity=t["granularity"],
            mod=t["mod"],
            sentence=t["sentence"],
            sentence_start=t["sentence_start"],
            sentence_end=t["sentence_end"],
            entities=list(t["entities"]),
            also=[_expression_from_dict({**a, "story": t["story"]}) for a in t["also"]],
            interval=tuple(t["interval"]) if t["interval"] else None,
            summary=t.get("summary", ""),
        )
        for t in data["timeline"]
    ]
    sentences = {k: [tuple(x) for x in v] for k, v in data.get("sentences", {}).items()}
    notes = list(data.get("notes", []))
    return Analysis(article, entities, expressions, timeline, data.get("model"), sentences, notes)


def _expression_from_dict(t: dict[str, Any]) -> TimeExpression:
    interval = t.get("interval")
    return TimeExpression(
        story=t["story"],
        start=t["start"],
        end=t["end"],
        text=t["text"],
        type=t.get("type", "DATE"),
        value=t.get("value"),
        mod=t.get("mod"),
        granularity=t.get("granularity"),
        relative=t.get("relative"),
        label=t.get("label", ""),
        lead_start=t.get("lead_start", -1),
        interval=tuple(interval) if interval else None,
        plot=t.get("plot", True),
    )
