"""The pipeline's front door: source → Article (fast) → Analysis (with NLP).

``read_article`` runs ingest, clean and segment: pure Python, milliseconds,
so the reader can show text before the language model has loaded.
``analyze`` adds entities and the timeline. Neither imports any UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tui.clean import clean
from tui.ingest import RawArticle, read_path, read_string
from tui.ingest.sidecar import parse_iso_date
from tui.model import Analysis, Article
from tui.options import Options
from tui.segment import segment

if TYPE_CHECKING:
    from tui.cache import Cache

SAMPLE_NAME = "north-korea-fm-russia.txt"


def default_source() -> Path:
    """The sample article lede opens when given nothing.

    From a clone it is ``sample_data/``'s; an installed wheel carries a copy
    in ``tui/data/sample/`` (pyproject.toml's force-include), with its sidecar.
    """
    here = Path(__file__).resolve().parent
    in_tree = here.parent / "sample_data" / SAMPLE_NAME
    return in_tree if in_tree.exists() else here / "data" / "sample" / SAMPLE_NAME


def read_raw(source: str | Path) -> RawArticle:
    return read_path(source)


def build_article(raw: RawArticle, options: Options = Options()) -> Article:
    """Clean and segment a raw article (no language model needed)."""
    if options.date:
        given = replace(raw.metadata, date=parse_iso_date(options.date), date_source="option")
        raw = replace(raw, metadata=given, stated=raw.stated | {"date"})
    return segment(clean(raw))


def read_article(source: str | Path, options: Options = Options()) -> Article:
    """Read, clean and segment one article file."""
    return build_article(read_raw(source), options)


def article_from_text(text: str, source: str = "<text>", options: Options = Options()) -> Article:
    return build_article(read_string(text, source), options)


def analyze_article(
    article: Article,
    options: Options = Options(),
    progress: Callable[[float], None] | None = None,
) -> Analysis:
    """Run the language stages over a segmented article.

    A date in ``options`` replaces the article's: that is how the reader
    re-normalises the timeline when a user gives the date. ``progress``
    hears how much of the text the language model has read (0.0 to 1.0).
    The analysis holds a new article; the one given is left as it was.
    """
    if options.date and options.date != article.metadata.date:
        given = replace(article.metadata, date=parse_iso_date(options.date), date_source="option")
        article = replace(article, metadata=given)
    if not options.nlp:
        return Analysis(article)
    from tui.language import article_language

    language = article_language(article)
    article = replace(article, metadata=replace(article.metadata, language=language))
    from tui.nlp import analyze_language

    return analyze_language(article, options, progress)


def analyze(source: str | Path, options: Options = Options()) -> Analysis:
    """The whole pipeline for one source."""
    return analyze_article(read_article(source, options), options)


def analyze_cached(
    article: Article,
    options: Options = Options(),
    cache: Cache | None = None,
    progress: Callable[[float], None] | None = None,
) -> Analysis:
    """``analyze_article``, reusing a cached analysis of the same content and options."""
    if cache is None or not options.nlp:
        return analyze_article(article, options, progress)
    from tui.cache import cache_key

    key = cache_key(article, options.date, options.model)
    if (found := cache.get(key)) is not None:
        return found
    analysis = analyze_article(article, options, progress)
    cache.put(key, analysis)
    return analysis
