"""The reader's logic with no app: targets, highlights, layout and the model's lookups.

A small article is built by hand: a main story with one embedded story in
the middle of it, and removed blocks above, inside and after the embedded
one. What each function should give is written from the article, not taken
from the code.
"""

from __future__ import annotations

from collections import Counter

from tui.model import (
    Analysis,
    Article,
    Block,
    Entity,
    Mention,
    Metadata,
    RemovedBlock,
    TimeExpression,
    TimelineEvent,
    make_story,
)
from tui.reading.highlights import Mark, Selection, base_marks, overlay_marks
from tui.reading.layout import story_items
from tui.reading.targets import Stepper, Target, mention_targets, search_targets

MAIN_1 = "Mayor Ada Brook opened the bridge on Monday."  # line 3
MAIN_2 = "Brook said the bridge cost less than planned."  # line 12
CARD_1 = "Harbour fees rise for ferries"  # line 6, the embedded story's title
CARD_2 = "Ferry operators in Portvale will pay more from May."  # line 7
CARD_3 = "The Portvale port authority set the new fees."  # line 9


def article() -> Article:
    main = make_story("main", "main", "Bridge opens", [Block(MAIN_1, 3), Block(MAIN_2, 12)], 1)
    card = make_story(
        "embedded-1", "embedded", CARD_1, [Block(CARD_2, 7), Block(CARD_3, 9)], title_line=6
    )
    removed = [
        RemovedBlock("Share on X", "share buttons", 2),
        RemovedBlock("Advertisement", "advertisement", 8),  # between the card's lines
        RemovedBlock("Most read", "most-read list", 14),
    ]
    return Article("hand-made", Metadata(title="Bridge opens"), [main, card], removed)


def analysis() -> Analysis:
    art = article()
    brook = Entity(
        "person:ada-brook",
        "Ada Brook",
        "PERSON",
        "PERSON",
        ["Brook"],
        [Mention("main", 6, 15, "Ada Brook"), Mention("main", 46, 51, "Brook")],
    )
    portvale = Entity(
        "gpe:portvale",
        "Portvale",
        "GPE",
        "GPE",
        [],
        [Mention("embedded-1", 19, 27, "Portvale"), Mention("embedded-1", 57, 65, "Portvale")],
    )
    monday = TimeExpression("main", 37, 43, "Monday", "DATE", "2024-05-06", label="Mon 6 May 2024")
    event = TimelineEvent(
        "main", "Monday", 37, 43, "2024-05-06", "Mon 6 May 2024", "day", None,
        MAIN_1, 0, len(MAIN_1), ["person:ada-brook"],
    )  # fmt: skip
    sentences = {"main": [(0, 44), (46, 91)], "embedded-1": [(0, 51), (53, 98)]}
    return Analysis(art, [brook, portvale], [monday], [event], "test", sentences)


# --- the model's lookups -----------------------------------------------------------


def test_removed_blocks_go_to_the_story_they_stood_in() -> None:
    art = article()
    main, card = art.stories
    assert [b.text for b in art.removed_in(main)] == ["Share on X", "Most read"]
    assert [b.text for b in art.removed_in(card)] == ["Advertisement"]


def test_story_number_entity_and_sentence_lookups() -> None:
    result = analysis()
    assert result.article.story_number("embedded-1") == 1
    assert result.entity("gpe:portvale") is not None
    assert result.entity("gpe:nowhere") is None
    assert result.sentence_at("main", 50) == (46, 91)
    assert result.sentence_at("main", 45) == (46, 91)  # between sentences: the next one
    assert result.sentence_at("main", 500) is None


# --- targets -----------------------------------------------------------------


def test_mention_targets_follow_the_stories_in_reading_order() -> None:
    result = analysis()
    portvale = result.entity("gpe:portvale")
    assert portvale is not None
    assert mention_targets(result.article, portvale) == [Target(1, 19, 27), Target(1, 57, 65)]


def test_search_finds_every_occurrence_in_every_story_ignoring_case() -> None:
    found = search_targets(article(), "  the ")
    # "the bridge" in both main sentences; "The" and "the" in the card's second paragraph.
    assert found == [Target(0, 23, 26), Target(0, 57, 60), Target(1, 53, 56), Target(1, 85, 88)]
    assert search_targets(article(), "   ") == []
    assert search_targets(article(), "(") == []  # literal, not a pattern


def test_stepper_wraps_and_keeps_mentions_apart_from_a_search() -> None:
    stepper = Stepper()
    assert stepper.step(1) is None and stepper.current is None
    mentions = [Target(0, 1, 2), Target(0, 5, 6), Target(1, 0, 1)]
    assert stepper.follow(mentions) == Target(0, 1, 2)
    assert stepper.step(-1) == Target(1, 0, 1)  # back from the first wraps to the last
    assert stepper.step(1) == Target(0, 1, 2)
    assert stepper.search(article(), "bridge") == 2
    assert stepper.mode == "search" and stepper.current is None
    assert stepper.step(1) == Target(0, 27, 33)
    assert stepper.search(article(), "") == 0  # an empty search goes back to the mentions
    assert stepper.mode == "mention" and stepper.targets == mentions
    stepper.clear()
    assert stepper.targets == [] and stepper.cursor == -1


def test_first_target_on_screen() -> None:
    stepper = Stepper(mentions=[Target(0, 1, 2), Target(1, 3, 4), Target(1, 90, 95)])
    assert stepper.first_from(1, lambda t: t.start >= 50) == 2
    assert stepper.first_from(0, lambda t: t.start >= 50) == 0  # none on screen: the first


# --- highlights ------------------------------------------------------------------


def test_base_marks_are_the_shown_types_and_the_times_of_one_story() -> None:
    result = analysis()
    main, card = result.article.stories
    assert Counter(base_marks(result, main, ("PERSON", "GPE"))) == Counter(
        [Mark(6, 15, "PERSON"), Mark(46, 51, "PERSON"), Mark(37, 43, "time")]
    )
    assert base_marks(result, main, ("GPE",)) == [Mark(37, 43, "time")]
    assert len(base_marks(result, card, ("GPE",))) == 2
    assert base_marks(None, main, ("GPE",)) == []


def test_overlay_of_a_selected_entity_stepped_to_its_second_mention() -> None:
    result = analysis()
    main = result.article.stories[0]
    stepper = Stepper()
    brook = result.entity("person:ada-brook")
    assert brook is not None
    stepper.follow(mention_targets(result.article, brook))
    stepper.step(1)
    marks = overlay_marks(result, main, 0, ("GPE",), Selection("person:ada-brook", None, stepper))
    # Hidden by the filter, a chosen person still shows in its colour; the mention
    # stepped to is "current", the other one "selected".
    assert Counter(marks) == Counter(
        [
            Mark(6, 15, "PERSON"),
            Mark(6, 15, "selected"),
            Mark(46, 51, "PERSON"),
            Mark(46, 51, "current"),
        ]
    )


def test_overlay_of_an_event_marks_its_sentence_and_entities_in_its_story_only() -> None:
    result = analysis()
    main, card = result.article.stories
    selection = Selection(None, 0, Stepper())
    marks = overlay_marks(result, main, 0, ("PERSON",), selection)
    assert Mark(0, len(MAIN_1), "sentence") in marks
    assert {m for m in marks if m.layer == "selected"} == {
        Mark(6, 15, "selected"),
        Mark(46, 51, "selected"),
    }
    assert overlay_marks(result, card, 1, ("PERSON",), selection) == []


def test_overlay_of_a_search_marks_matches_and_the_current_one() -> None:
    result = analysis()
    main = result.article.stories[0]
    stepper = Stepper()
    stepper.search(result.article, "bridge")
    stepper.step(1)
    marks = overlay_marks(result, main, 0, ("PERSON",), Selection(None, None, stepper))
    assert marks == [Mark(27, 33, "match"), Mark(61, 67, "match"), Mark(27, 33, "current")]


# --- layout ----------------------------------------------------------------------------


def test_story_items_interleave_removed_blocks_where_they_stood() -> None:
    art = article()
    main = art.stories[0]
    items = [i for i in story_items(main, art.removed_in(main)) if i.kind != "blank"]
    assert [(i.kind, i.text) for i in items] == [
        ("title", "Bridge opens"),
        ("removed", "⌫ share buttons: Share on X"),
        ("paragraph", MAIN_1),
        ("paragraph", MAIN_2),
        ("removed", "⌫ most-read list: Most read"),
    ]
    assert [i.offset for i in items if i.kind == "paragraph"] == [0, len(MAIN_1) + 2]
    bare = ["title", "blank", "paragraph", "blank", "paragraph"]
    assert [i.kind for i in story_items(main, None)] == bare


def test_fit_measures_in_cells() -> None:
    from rich.cells import cell_len

    from tui.reading.cells import fit

    assert fit("abc", 6) == "abc   "
    assert fit("서울시 심야버스", 10) == "서울시 심…"  # two cells a syllable
    assert cell_len(fit("서울시 심야버스 노선", 9)) == 9
    assert fit("话剧《约定无期限》", 8) == "话剧《… " and cell_len(fit("话剧《约定", 8)) == 8
    assert fit("anything", 0) == ""
