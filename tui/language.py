"""Which language an article is in, so the right pipeline (or none) reads it.

The page's own statement wins (``<html lang>``, a sidecar, front matter);
otherwise py3langid, which ships its model in its package, reads the text.
An English model run over German text finds "entities" like "Diese" or "il
più": no entities at all is the better answer, with a note saying why.
"""

from __future__ import annotations

import threading

from tui.model import Article

# How much text the identifier reads: enough to be sure, cheap on big articles.
SAMPLE_CHARS = 4000
# Below this many letters the identifier guesses; lede keeps to English then.
MIN_LETTERS = 40

NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "lt": "Lithuanian", "lv": "Latvian",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish",
    "th": "Thai", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip

_lock = threading.Lock()
_restricted: list[bool] = []


def language_name(code: str | None) -> str:
    """ "de" → "German"; an unknown code is shown as it is."""
    if not code:
        return "an unknown language"
    return NAMES.get(code, code)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there is too little."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    import py3langid

    with _lock:  # the identifier loads its model on first use
        if not _restricted:
            # Only languages news is written in: a page of names and figures
            # must not come out as Nigerian Pidgin or Scots.
            py3langid.set_languages(sorted(NAMES))
            _restricted.append(True)
        code, _ = py3langid.classify(sample)
    if code != "en" and _function_words(sample, "en") > _function_words(sample, str(code)):
        return "en"  # names and figures mislead the identifier; the small words do not
    return str(code)


def _function_words(text: str, code: str) -> float:
    """The share of the text's words that are function words of a language."""
    from tui.textstats import stoplist_of, words

    tokens = [w.lower() for w in words(text)]
    stops = stoplist_of(NAMES.get(code, ""))
    return sum(t in stops for t in tokens) / len(tokens) if tokens and stops else 0.0


def article_language(article: Article) -> str | None:
    """The language the article states, else the one its text is in."""
    if article.metadata.language:
        return article.metadata.language.lower().split("-")[0].split("_")[0]
    text = "\n".join(p.text for s in article.stories for p in s.paragraphs)
    return detect_language(text)
