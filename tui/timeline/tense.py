"""The tense of the clause a time expression sits in, from spaCy's parse.

"arrived on Monday" looks back, "will meet later on Tuesday" forward: the
verb that governs the expression decides, through its auxiliaries and tag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would"})
FUTURE_FRAMES = frozenset(
    {
        "set", "due", "expected", "scheduled", "slated", "planned", "poised", "going", "plan",
        "plans", "schedule", "expect",
    }
)  # fmt: skip
# Verbs of planning: what they govern is ahead ("set" and "going" say so only
# in "set to", "going to", which the frames below catch).
PLANNING = FUTURE_FRAMES - {"set", "going"}
PAST_AUX = frozenset({"had", "has", "have", "was", "were", "did"})


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """ "past", "future", "present" or None for the clause around [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token = span.root
    for _ in range(12):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "amod":
            verdict = _verb_tense(token)
            if verdict is not None:
                return verdict
        if token.head is token:
            break
        token = token.head
    return _sentence_tense(span.sent)


def _verb_tense(verb: Token) -> str | None:
    children = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if children & FUTURE_AUX:
        return "future"
    if _compared(verb):
        return None  # "grew less than expected in May": the verb compared decides
    # What is planned, scheduled or due lies ahead, whenever it was planned.
    if verb.lemma_.lower() in PLANNING or verb.lower_ in PLANNING:
        return "future"
    # "is to resume trading Tuesday": be + to + verb looks ahead.
    if verb.tag_ == "VB" and "to" in children and verb.head.lemma_ == "be":
        return "future"
    # "the ruling, announced Wednesday": a participle on a noun tells of the past.
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"} and not children:
        return "past"
    if verb.tag_ == "VBD" and _hypothetical(verb):
        return "future"
    if verb.tag_ in {"VBD"}:
        return "past"
    if verb.tag_ == "VBN" and children & PAST_AUX:
        return "past"
    if verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    if verb.lower_ in FUTURE_FRAMES or verb.head.lower_ in FUTURE_FRAMES:
        return "future"
    return None  # an infinitive or participle: its governor decides


def _compared(verb: Token) -> bool:
    """ "than expected", "as planned": a plan as the measure of what happened."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ in {"than", "as"}


# "warned of shortages if the strike lasted into December": a past form in an
# if-clause under a warning or a would/could is a supposition about what is ahead.
CONDITIONAL_MARKS = frozenset({"if", "unless"})
CONDITIONAL_MODALS = frozenset({"would", "could", "might", "'d", "’d"})
SUPPOSING = frozenset(
    f"{stem}{ending}"
    for stem in ("warn", "threaten", "fear", "caution", "predict")
    for ending in ("", "s", "ed", "ing")
)  # surface forms: the pipeline runs no lemmatizer


def _hypothetical(verb: Token) -> bool:
    if not any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return False
    head = verb.head
    while head.dep_ in {"pobj", "prep", "dobj", "conj"} and head.head is not head:
        head = head.head
    modals = {c.lower_ for c in head.children if c.dep_ == "aux"}
    return bool(modals & CONDITIONAL_MODALS) or head.lower_ in SUPPOSING


def _sentence_tense(sentence: Span) -> str | None:
    tokens = list(sentence)
    if any(t.lower_ in FUTURE_AUX for t in tokens):
        return "future"
    if any(t.tag_ == "VBD" for t in tokens):
        return "past"
    return None
