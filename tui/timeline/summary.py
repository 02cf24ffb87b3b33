"""A few words on what happened at a time: the clause around the expression.

From spaCy's parse: the verb that governs the time expression, its subject
(kept short), its auxiliaries, and its object or first prepositional phrase
— "Foreign Minister Ri arrived in the Russian capital". When the parse gives
nothing usable, the sentence itself, shortened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_WORDS = 12
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "attr", "acomp", "oprd", "dative"}


def summarise(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    skip = {t.i for t in span}
    verb = _governor(span.root)
    if verb is None:
        return _shorten(span.sent, skip)
    owner = verb
    for _ in range(6):
        if any(c.dep_ in SUBJECT_DEPS for c in owner.children) or owner.head is owner:
            break
        owner = owner.head
    if abs(owner.i - verb.i) > 4:
        owner = verb  # too far up to read as one clause: the verb on its own
    subject = next((c for c in owner.children if c.dep_ in SUBJECT_DEPS), None)
    words: list[Token] = []
    if subject is not None:
        words.extend(_compact(subject))
    chain = sorted(
        [t for t in owner.children if t.dep_ in {"aux", "auxpass", "neg"}] + [owner],
        key=lambda t: t.i,
    )
    words.extend(chain)
    if verb is not owner and verb.i > owner.i and verb.i - owner.i <= 4:
        words.extend(doc[owner.i + 1 : verb.i + 1])
    words.extend(_complement(verb, skip))
    words = [w for w in dict.fromkeys(words) if w.i not in skip]
    words.sort(key=lambda t: t.i)
    text = _join(words[:MAX_WORDS])
    return text or _shorten(span.sent, skip)


def _governor(token: Token) -> Token | None:
    for _ in range(10):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _compact(head: Token) -> list[Token]:
    """A subject in a few words: the whole of it when short, else its core."""
    subtree = list(head.subtree)
    if len(subtree) <= 5:
        return subtree
    core = [
        t
        for t in head.children
        if t.dep_ in {"compound", "poss", "amod", "nummod", "det"} and t.i < head.i
    ]
    core_tokens = sorted([*(x for c in core for x in c.subtree), head], key=lambda t: t.i)
    if len(core_tokens) <= 6:
        return core_tokens
    return sorted([*(c for c in head.children if c.dep_ == "compound"), head], key=lambda t: t.i)


def _complement(verb: Token, skip: set[int]) -> list[Token]:
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child.i not in skip:
            return [child] if child.dep_ == "acomp" else _compact(child)
    for child in verb.children:
        if child.dep_ == "prt":
            return [child]
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i and not ({t.i for t in child.subtree} & skip):
            tokens = list(child.subtree)
            return (
                tokens
                if len(tokens) <= 5
                else [
                    child,
                    *_compact(
                        next(iter([c for c in child.children if c.dep_ == "pobj"] or [child]))
                    ),
                ]
            )
    return []


def _join(tokens: list[Token]) -> str:
    out = ""
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        gap = following is not None and following.i != token.i + 1 and not following.is_punct
        out += token.text + (token.whitespace_ or (" " if gap else ""))
    return out.strip(" ,;:")


def _shorten(sentence: Span, skip: set[int]) -> str:
    tokens = [t for t in sentence if t.i not in skip and not t.is_space]
    text = _join(tokens[:MAX_WORDS])
    return text + ("…" if len(tokens) > MAX_WORDS else "")
