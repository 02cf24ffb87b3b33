"""Labels read in context: bylines broken into lines, tables of contents,
numbered lists, headlines over bylines, and the learned classifier's say
where no rule is certain (with the passes that keep the story's own lists,
code, live entries and the sentences that run on after its last block)."""

from __future__ import annotations

from collections.abc import Callable

from tui.clean.block_rules import label_block
from tui.clean.features import BlockFeatures, block_features
from tui.clean.patterns import (
    BY_ALONE,
    CAPS_SLUG,
    CLOCK_TIME,
    CODE_LIKE,
    CONTENTS_HEADER,
    HANDLE_LINE,
    NUMBERED_ITEM,
    PERSON_NAME_LINE,
    ROLE_LINE,
)
from tui.clean.predicates import heading_name, normal_text, number_of, skip_up
from tui.clean.settings import (
    BYLINE_PARTS,
    HEADLINE_WORDS,
    ITEM_RUN,
    KEEP_CODE,
    KEEP_INSIDE,
    KEEP_STRONG,
    KICKER_WORDS,
    LIVE_ENTRIES,
    LOOKAHEAD,
    MIN_RUN_AFTER,
    NUMBERED_LIST_ITEMS,
    STANDFIRST_WORDS,
    TITLE_WORDS,
)
from tui.clean.titles import (
    menu_shaped_headline,
)
from tui.clean.types import INLINE_SLOTS, LEARNED, SKIPPABLE, WRITERS_LIST, Label
from tui.model import Block
from tui.reasons import Reason
from tui.textstats import vocabulary_of_words, words


def read_labels(blocks: list[Block]) -> tuple[list[BlockFeatures], list[Label], frozenset[str]]:
    """Each block's features and what the rules make of it among its
    neighbours, and the page's function words (its own language's)."""
    features, labels, functions = labels_alone(blocks)
    for _, rewrite in PASSES:
        labels = rewrite(blocks, labels, features)
    return features, labels, functions


def labels_alone(
    blocks: list[Block],
) -> tuple[list[BlockFeatures], list[Label], frozenset[str]]:
    """Each block's features and what the block rules make of it on its own,
    before ``PASSES`` read it among its neighbours; the page's function words."""
    # A page repeats its menus and footers: each distinct line is read once.
    tokens = {b.text: words(b.text) for b in blocks}
    functions = vocabulary_of_words(tokens[b.text] for b in blocks).function_words
    features, labels = _read_blocks(blocks, tokens, functions)
    return features, labels, functions


Pass = Callable[[list[Block], list[Label], list[BlockFeatures]], list[Label]]


def _on_labels(rewrite: Callable[[list[Block], list[Label]], list[Label]]) -> Pass:
    return lambda blocks, labels, _features: rewrite(blocks, labels)


def _slugs_over_headlines(blocks: list[Block], labels: list[Label]) -> list[Label]:
    """A wire's slug headline in capitals over its headline in ordinary case
    ("CRICKET-ENGLAND V SOUTH AFRICA SCOREBOARD") is the copy's metadata."""
    for index in range(len(blocks) - 1):
        text = blocks[index].text
        if (
            CAPS_SLUG.match(text)
            and not any(ch.islower() for ch in text)
            and labels[index + 1].kind == "headline"
            and any(ch.islower() for ch in blocks[index + 1].text)
        ):
            labels[index] = Label(
                "remove", Reason.WIRE_SLUG, rule="context.caps-slug-over-headline"
            )
    return labels


def _read_blocks(
    blocks: list[Block], tokens: dict[str, list[str]], functions: frozenset[str]
) -> tuple[list[BlockFeatures], list[Label]]:
    """Each block's features and what the rules make of it alone, each distinct
    line once (both are immutable, so repeats share them)."""
    read: dict[tuple[str, str, str], tuple[BlockFeatures, Label]] = {}
    features, labels = [], []
    for block in blocks:
        key = (block.kind, block.place, block.text)
        if (known := read.get(key)) is None:
            feats = block_features(block.text, functions, tokens[block.text])
            known = read[key] = (feats, label_block(block, feats))
        features.append(known[0])
        labels.append(known[1])
    return features, labels


def learned_labels(
    blocks: list[Block], labels: list[Label], features: list[BlockFeatures]
) -> list[Label]:
    """Where no rule is certain, the classifier learned from real pages decides.

    A block the rules read as prose but the model scores low is page
    furniture (its reason: the model's strongest cue, in words); a line the
    rules could not place that the model scores high is prose. Headlines
    keep their label: the title and subheadings are found from them.
    """
    from tui.clean.classifier import KEEP, rule_kind, score

    rules = [rule_kind(label.kind, label.reason) for label in labels]
    out = []
    # Only blocks the rules read as prose can be removed with the model's cue.
    prose = {i for i, label in enumerate(labels) if label.kind == "prose"}
    scores = score([b.text for b in blocks], features, rules, reasons_for=prose)
    kept = [
        i for i, s in enumerate(scores) if s.probability >= KEEP or labels[i].value == WRITERS_LIST
    ]
    last = kept[-1] if kept else len(blocks)
    run_end = _numbered_sections_end(blocks, labels, last, sentence_run_end(labels, last))
    first = kept[0] if kept else len(blocks)
    entries = _dated_entries(blocks, labels)
    for index, (label, scored) in enumerate(zip(labels, scores, strict=True)):
        inside = last < index <= run_end  # sentences that run on after the article
        inside = inside or (first < index < last and scored.probability >= KEEP_INSIDE)
        # The model never saw such lists whole, nor a live blog's entries.
        certain = label.value == WRITERS_LIST or index in entries
        if label.kind == "prose" and scored.probability < KEEP and not inside and not certain:
            out.append(
                Label(
                    "remove",
                    scored.cue or Reason.UNLIKE_ARTICLE,
                    LEARNED,
                    rule="learned.classifier",
                    evidence=scored.pulls,
                )
            )
        elif (label.kind in {"fragment", "menu"} and scored.probability >= KEEP) or (
            label.kind == "fragment"
            and first < index < last
            and _is_code(blocks[index].text, scored.probability)
        ):
            out.append(Label("prose"))
        else:
            out.append(label)
    out = [label._replace(score=s.probability) for label, s in zip(out, scores, strict=True)]
    out = _item_runs(out, first, last, KEEP)
    return _premature_ends(out, [s.probability for s in scores])


def _dated_entries(blocks: list[Block], labels: list[Label]) -> set[int]:
    """A live blog's entries: prose under a time stamp (a date with its clock
    time: a card in a list of stories has the date alone), again and again
    (at least LIVE_ENTRIES times). Each reads to the model as a card."""
    entries = {
        index + 1
        for index in range(len(labels) - 1)
        if labels[index].kind == "date"
        and labels[index + 1].kind == "prose"
        and CLOCK_TIME.search(blocks[index].text)
    }
    return entries if len(entries) >= LIVE_ENTRIES else set()


def _item_runs(labels: list[Label], first: int, last: int, keep: float) -> list[Label]:
    """Three or more headline-like lines in a row inside the article, each one
    the model keeps, are the writer's list ("Use the walls" / "Pick products
    that serve twice" / …), not headlines that lost their stories."""
    index = first
    while index < last:
        end = index
        while end < last and _is_item(labels[end], keep):
            end += 1
        if end - index >= ITEM_RUN:
            for item in range(index, end):
                labels[item] = Label("prose", score=labels[item].score)
        index = end + 1
    return labels


def _is_item(label: Label, keep: float) -> bool:
    return label.kind == "headline" and label.value != "related" and label.score >= keep


def _is_code(text: str, probability: float) -> bool:
    """A line of code or a command inside the article ("$ pip install x",
    "cert = /etc/x.pem") is its text, though it reads like no sentence."""
    return probability >= KEEP_CODE and CODE_LIKE.search(text) is not None


def _premature_ends(labels: list[Label], probabilities: list[float]) -> list[Label]:
    """A "Comments" button above the story does not end it.

    A section header that ends the article (comments, author biography) is
    taken at its word unless more of what follows it reads as the article
    than what came before it: then it is one line of chrome, not the end.
    """
    sure = [0]
    for p in probabilities:
        sure.append(sure[-1] + (p >= KEEP_STRONG))
    for index, label in enumerate(labels):
        if label.kind != "terminal":
            continue
        before = sure[index]
        after = sure[-1] - sure[index + 1]
        if after >= MIN_RUN_AFTER and after > before:
            labels[index] = Label("remove", label.reason, rule="context.premature-end")
    return labels


def _numbered_sections_end(blocks: list[Block], labels: list[Label], last: int, end: int) -> int:
    """The article's end, past the sections that go on with its numbering: "4.
    The Dovre Line" and the prose under it follow "3. The Rauma Line", however
    near the page's end they stand."""
    number = next(
        (
            int(found.group(1))
            for index in range(min(last, len(labels) - 1), -1, -1)
            if labels[index].kind == "headline"
            and (found := NUMBERED_ITEM.match(blocks[index].text))
        ),
        None,
    )
    index = end + 1
    while number is not None and index < len(labels) and labels[index].kind == "headline":
        found = NUMBERED_ITEM.match(blocks[index].text)
        under = index + 1
        while under < len(labels) and labels[under].kind == "prose":
            under += 1
        if found is None or int(found.group(1)) != number + 1 or under == index + 1:
            break
        number, end, index = number + 1, under - 1, under
    return end


def sentence_run_end(labels: list[Label], last: int) -> int:
    """The article's last block, with the sentences that run on right after it
    (past a slot set into the text: an advertisement, a photo's caption)."""
    end = last
    while last + 1 < len(labels):
        label = labels[last + 1]
        if label.kind == "prose":
            end = last = last + 1
        elif label.kind == "remove" and label.reason in INLINE_SLOTS:
            last += 1
        else:
            break
    return end


def keep_standfirst(
    blocks: list[Block], labels: list[Label], rule_labels: list[Label], title_at: int
) -> None:
    """The sentence under a headline that sums the story up is the article's.

    A standfirst has no closing full stop and stands between the headline and
    the byline or the body, where the model sees furniture around it; the
    rules read it as prose, and that wins there.
    """
    for index in range(title_at + 1, min(len(blocks), title_at + 1 + LOOKAHEAD)):
        label = labels[index]
        if label.value == LEARNED and rule_labels[index].kind == "prose":
            if len(blocks[index].text.split()) >= STANDFIRST_WORDS:
                labels[index] = rule_labels[index]
            return
        if label.kind not in SKIPPABLE:
            return


def caption_under_standfirst(labels: list[Label], rule_labels: list[Label], title_at: int) -> None:
    """A sentence under the standfirst, over a photo's credit and a byline or
    date ("The Capitol at dusk." / "Photograph: …" / "By …"), is the photo's
    caption: the header has not ended, so the story has not begun. (Prose to
    the rules, whatever the model made of either.)"""
    caption = title_at + 2
    if (
        caption + 2 < len(labels)
        and rule_labels[title_at + 1].kind == "prose"
        and rule_labels[caption].kind == "prose"
        and labels[caption + 1].reason == Reason.PHOTO_CAPTION
        and labels[caption + 2].kind in {"byline", "date"}
    ):
        labels[caption] = Label(
            "remove", Reason.PHOTO_CAPTION, rule="context.caption-under-standfirst"
        )


def _headlines_over_bylines(
    blocks: list[Block], labels: list[Label], features: list[BlockFeatures]
) -> list[Label]:
    """A long headline reads like a sentence without its full stop, and one with
    every word capitalised like a menu; a byline or date under it (a section's
    name or a standfirst may stand between) says it is the headline, unless a
    headline stands above it: then it is the standfirst."""
    for index, label in enumerate(labels[:-1]):
        feats = features[index]
        if feats.ends_sentence or feats.n_words > HEADLINE_WORDS:
            continue
        shaped_as_menu = feats.n_words >= TITLE_WORDS and menu_shaped_headline(
            label, blocks[index].text.strip()
        )
        if label.kind != "prose" and not shaped_as_menu:
            continue
        below = index + 1
        if labels[below].kind in {"fragment", "menu"} and features[below].n_words <= KICKER_WORDS:
            below += 1
        elif labels[below].kind == "prose" and (
            (shaped_as_menu and features[below].ends_sentence)
            or (below + 1 < len(labels) and labels[below + 1].kind in {"byline", "date"})
        ):
            below += 1  # its standfirst
        above = skip_up(labels, index - 1)
        standfirst = above >= 0 and labels[above].kind == "headline"  # under a headline
        if below < len(labels) and labels[below].kind in {"byline", "date"} and not standfirst:
            labels[index] = Label("headline")
    return labels


def _mark_contents(blocks: list[Block], labels: list[Label]) -> list[Label]:
    """A table of contents: two or more short lines that name headings further down.

    Its items look like headlines, so without this the last one would pass
    for the title; its header ("Contents") goes with it.
    """
    # Where each heading's text stands, so "does it come later?" is one lookup.
    last_at: dict[str, int] = {}
    for index, (block, label) in enumerate(zip(blocks, labels, strict=True)):
        if label.kind == "headline":
            last_at[normal_text(block.text)] = index
    if not last_at:
        return labels
    named = {text: heading_name(text) for text in dict.fromkeys(b.text for b in blocks)}
    names = [
        bool(named[b.text]) and last_at.get(named[b.text], -1) > i for i, b in enumerate(blocks)
    ]
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and names[end]:
            end += 1
        if end - index >= 2:
            start = index - 1 if index and CONTENTS_HEADER.match(blocks[index - 1].text) else index
            for item in range(start, end):
                labels[item] = Label("remove", Reason.CONTENTS, rule="context.table-of-contents")
            index = end
        index += 1
    return labels


def _mark_numbered_lists(blocks: list[Block], labels: list[Label]) -> list[Label]:
    """A run of lines numbered one after another ("1. …", "2. …") is a list the
    writer made (a countdown, steps, a ranking): its items are the article's.

    Unless a list header ("Most read") stands just above it: then it is the
    site's list, and the header's reason goes with it.
    """
    numbers = [number_of(b.text) for b in blocks]
    start = 0
    while start < len(blocks):
        end = start + 1
        previous = numbers[start]
        while end < len(blocks) and previous is not None:
            current = numbers[end]
            if current is None or abs(current - previous) != 1:
                break
            previous, end = current, end + 1
        if end - start >= NUMBERED_LIST_ITEMS and not any(
            labels[i].kind == "list" for i in range(max(0, start - 2), start)
        ):
            for index in range(start, end):
                if labels[index].kind not in {"remove", "terminal", "list"}:
                    labels[index] = Label("prose", value=WRITERS_LIST)
        start = end
    return labels


def _split_bylines(blocks: list[Block], labels: list[Label]) -> list[Label]:
    """A byline a page's links broke into lines is one byline.

    A name on one line and the writer's role on the next; names alone over
    the date; or "By" alone, then the names (each a link, so each a line),
    their @handles and the "and" between them.
    """
    for index in range(len(blocks) - 1):
        role = blocks[index + 1].text.strip()
        name = blocks[index].text.strip()
        if ROLE_LINE.match(role) and PERSON_NAME_LINE.match(name) and labels[index].kind != "prose":
            labels[index] = Label("byline", Reason.BYLINE, name, rule="context.name-over-role")
            labels[index + 1] = Label("remove", Reason.BYLINE, rule="context.name-over-role")
        if labels[index + 1].kind == "date" and labels[index].kind in {"menu", "headline"}:
            # Writers' names with no "By", over the date: "Ibtisam Mahdi, Ruwaida Kamal Amer".
            names = [part.strip() for part in name.split(",")]
            if all(PERSON_NAME_LINE.match(part) for part in names):
                labels[index] = Label(
                    "byline", Reason.BYLINE, ", ".join(names), rule="context.names-over-date"
                )
        if BY_ALONE.match(name):
            names, end = [], index + 1
            while end < len(blocks) and end - index <= BYLINE_PARTS:
                part = blocks[end].text.strip()
                if PERSON_NAME_LINE.match(part):
                    names.append(part)
                elif not (HANDLE_LINE.match(part) or part.lower() in {"and", "&", ","}):
                    break
                end += 1
            if names:
                labels[index] = Label(
                    "byline", Reason.BYLINE, ", ".join(names), rule="context.split-byline"
                )
                for following in range(index + 1, end):
                    labels[following] = Label("remove", Reason.BYLINE, rule="context.split-byline")
    return labels


# The passes that read labels among their neighbours, by id, in the order they run.
PASSES: tuple[tuple[str, Pass], ...] = (
    ("context.split-byline", _on_labels(_split_bylines)),
    ("context.table-of-contents", _on_labels(_mark_contents)),
    ("context.numbered-list", _on_labels(_mark_numbered_lists)),
    ("context.headline-over-byline", _headlines_over_bylines),
    ("context.caps-slug-over-headline", _on_labels(_slugs_over_headlines)),
)
