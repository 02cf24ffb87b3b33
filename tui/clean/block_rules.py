"""What one block is on its own, before its neighbours are considered: the
chrome patterns, bylines, dates, breadcrumbs, and the shape of its text."""

from __future__ import annotations

from tui.clean.features import BlockFeatures
from tui.clean.patterns import (
    BREADCRUMB_SEPARATORS,
    BYLINE,
    BYLINE_DATED,
    BYLINE_ROLE,
    CHROME,
    DATE_LINE,
    GLUED_LABELS,
    INTERVIEW_LINE,
    LISTS,
    RELATED_LINK,
    RELEASE_END,
    ROLE_LINE,
    ROLE_WORDS,
    TERMINALS,
    TRAIL_MARK,
    WIRE_SLUG,
    RuleSet,
    is_photo_caption,
)
from tui.clean.settings import (
    CHROME_MAX_CHARS,
    CHROME_MAX_WORDS,
    HEADLINE_WORDS,
    QUESTION_HEADLINE_WORDS,
    ROLE_LINE_WORDS,
    TRAIL_WORDS,
)
from tui.clean.types import Label, LabelKind
from tui.model import Block


def label_block(block: Block, feats: BlockFeatures) -> Label:
    """What a block is on its own, before its neighbours are considered."""
    text = block.text.strip()
    if block.kind in {"table", "code"}:
        return Label("prose")  # a source marked it as data: content, not chrome
    if block.place == "card-title":
        # The page marked it up as a card's link to another story: the
        # segmenter decides, as for "Related: …", whether a story follows.
        return Label("headline", "related link", "related", rule="block.card-title")
    if WIRE_SLUG.match(text):
        return Label("remove", "wire slug", rule="block.wire-slug")
    if text in RELEASE_END:
        return Label("terminal", "end of release", rule="block.release-end")
    if feats.n_words <= CHROME_MAX_WORDS and len(text) <= CHROME_MAX_CHARS:
        lowered = text.lower()
        sections: tuple[tuple[RuleSet, LabelKind], ...] = (
            (TERMINALS, "terminal"),
            (LISTS, "list"),
            (CHROME, "remove"),
        )
        for rules, kind in sections:
            if rule := rules.match(text, lowered):
                return Label(kind, rule.reason, rule=rule.id)

        if INTERVIEW_LINE.match(text):
            return Label("prose")  # an interview's question is its text, not a heading
        if RELATED_LINK.match(text) and not feats.n_sentences > 1:
            # A card: removed unless a story follows it (the segmenter decides).
            return Label("headline", "related link", "related", rule="block.related-marker")
        if is_photo_caption(text, lowered):
            return Label("remove", "photo caption", rule="block.photo-caption")
        if match := BYLINE_DATED.match(text):
            found = {k: v for k, v in match.groupdict().items() if v}
            names = _byline("By " + (found.get("names") or found.get("names2") or found["names3"]))
            if names:
                date = found.get("date") or found.get("date2") or found["date3"]
                return Label("byline", "byline", (names, date), rule="block.byline-dated")
        if byline := _byline(text):
            return Label("byline", "byline", byline, rule="block.byline")
        if BYLINE.match(text):
            # A role and no name: "By Staff Writer".
            return Label("remove", "byline", rule="block.byline-role")
        if 3 <= feats.n_words <= ROLE_LINE_WORDS and ROLE_LINE.match(text):
            # "Richard Adams Education editor".
            return Label("remove", "byline", rule="block.role-line")
        if match := DATE_LINE.match(text):
            return Label("date", "publication date", match.group("date"), rule="block.date-line")
        if feats.url_like:
            return Label("remove", "link", rule="block.address")
    if categories := breadcrumb_labels(text, feats):
        return Label("breadcrumb", "breadcrumb", categories, rule="block.breadcrumb")
    if block.kind == "heading":
        return Label("headline")
    if _is_question_headline(text, feats):
        return Label("headline")
    if feats.is_prose:
        return Label("prose")
    if feats.is_menu_like:
        return Label("menu", "navigation", rule="block.menu-shaped")
    if feats.is_headline_like:
        return Label("headline")
    if feats.ends_sentence and feats.n_words >= 2:
        return Label("prose")  # a short sentence, such as a one-line quote
    return Label("fragment", "page chrome", rule="block.fragment")


def _is_question_headline(text: str, feats: BlockFeatures) -> bool:
    """ "Is the four-day week here to stay?": a headline may ask."""
    return (
        feats.ends_question_or_exclamation
        and feats.n_sentences <= 1
        and 3 <= feats.n_words <= QUESTION_HEADLINE_WORDS
        and text[:1].isupper()
    )


def breadcrumb_labels(text: str, feats: BlockFeatures) -> tuple[str, ...]:
    """Category labels of a breadcrumb line, or () when it is not one.

    A trail marked as one ("Home › World › Europe › Plants to close") may end
    with the story's headline, however long."""
    if feats.ends_sentence or feats.n_words == 0 or feats.n_words > TRAIL_WORDS:
        return ()
    if feats.glued_joins >= 2:  # three labels at least: "TechWire" is one brand
        parts = GLUED_LABELS.split(text)
    elif BREADCRUMB_SEPARATORS.search(text):
        parts = BREADCRUMB_SEPARATORS.split(text)
    else:
        return ()
    marked = TRAIL_MARK.search(text) is not None
    if feats.n_words > 12 and not marked:
        return ()
    parts = [p.strip() for p in parts if p.strip()]
    longest = HEADLINE_WORDS if marked else 4
    if (
        len(parts) < 2
        or any(len(p.split()) > 4 for p in parts[:-1])
        or len(parts[-1].split()) > longest
        or not all(p[:1].isupper() for p in parts)
    ):
        return ()
    if any(len(word) < 2 for p in parts for word in p.split()):
        return ()  # "W D L G / F G / A": a table's header, not a trail of sections
    return tuple(p for p in parts if p.lower() not in {"home", "homepage", "start"})


def _byline(text: str) -> str | None:
    """The writers' names of a byline ("By Jane Doe, Staff Writer" → "Jane Doe")."""
    for pattern in (BYLINE, BYLINE_ROLE):
        if match := pattern.match(text):
            names = [n.strip() for n in match.group("names").split(",")]
            return ", ".join(n for n in names if n and not ROLE_WORDS.search(n)) or None
    return None
