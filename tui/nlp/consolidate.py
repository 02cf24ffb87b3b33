"""Consolidate: mentions → entities, one per real-world thing.

Document-level rules over all stories of an article at once:

* a place's forms meet under one canonical name ("US", "U.S." → United
  States) and a bare compass word ("the South") joins the one place the
  article names with it;
* a short form joins the full name the article introduced: a surname or
  given name the person ("Linturi" → Mithika Linturi), an acronym the name
  whose initials it spells ("UNSC");
* plural demonyms join the group ("South Sudanese" → South Sudanese, "Kenyans" → Kenyan), and a
  plural of a word several places share ("the two Sudans") names no one
  entity and is dropped;
* one type per entity, decided by all its mentions: the full name's label
  outweighs what the model said of a bare surname;
* every further occurrence of a name or alias in the text is a mention.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from tui.model import Entity, Mention
from tui.nlp.gazetteer import canonical_place, is_country, is_known_place, place_names
from tui.nlp.mentions import LABEL_TYPES, RawMention
from tui.spans import Occupied
from tui.textstats import stop_words

COMPASS = frozenset({"North", "South", "East", "West"})
LINKABLE_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "&"})
TYPE_ORDER = {
    t: i for i, t in enumerate(("person", "place", "organisation", "group", "event", "other"))
}


@dataclass(slots=True)
class _Cluster:
    key: str
    mentions: list[RawMention] = field(default_factory=list)
    canonical: str | None = None  # a place's gazetteer name

    @property
    def labels(self) -> Counter[str]:
        return Counter(m.label for m in self.mentions)

    def first_position(self, order: dict[str, int]) -> tuple[int, int]:
        return min((order[m.story], m.start) for m in self.mentions)


def consolidate(mentions: list[RawMention], texts: dict[str, str]) -> list[Entity]:
    """Merge mentions from every story of an article into entities."""
    order = {story: i for i, story in enumerate(texts)}
    mentions = [_as_person(_as_team(m, texts[m.story]), texts[m.story]) for m in mentions]
    mentions = [_as_place(m, texts[m.story]) for m in mentions]
    clusters: dict[str, _Cluster] = {}
    for mention in sorted(mentions, key=lambda m: (order[m.story], m.start)):
        key = _key(mention)
        cluster = clusters.setdefault(key, _Cluster(key))
        cluster.mentions.append(mention)
        if (mention.label in {"GPE", "LOC"} or mention.text in place_names()) and (
            place := canonical_place(mention.text)
        ):
            cluster.canonical = place

    _merge_case_variants(clusters)
    _merge_compass_words(clusters)
    _drop_shared_plurals(clusters)
    _merge_demonym_plurals(clusters)
    _merge_defined_acronyms(clusters, texts)
    _merge_acronyms(clusters)
    _merge_organisation_short_forms(clusters)
    _merge_short_names(clusters, order)
    labels = {key: _vote(c) for key, c in clusters.items() if c.mentions}
    _places_joined_to_places(clusters, labels, texts)
    entities = [_entity(c, labels[key]) for key, c in clusters.items() if c.mentions]
    _add_missed_mentions(entities, texts)
    entities.sort(key=lambda e: (TYPE_ORDER[e.type], -len(e.mentions), e.name))
    _unique_ids(entities)
    return entities


def _first_word(entity: Entity) -> list[str]:
    """A company's first word, when its name ends in a company's head word and the
    first word is a name of its own (not "The", not a place)."""
    words = entity.name.split()
    if entity.type != "organisation" or not _has_org_head(entity.name) or len(words) < 2:
        return []
    first = words[0]
    if len(first) < 4 or not first[:1].isupper() or first.lower() in ORG_HEADS:
        return []
    return [] if is_known_place(first) or first.lower() in stop_words() else [first]


def _unique_ids(entities: list[Entity]) -> None:
    """Two entities whose names fold to one slug ("Disney", "Disney+") get distinct ids.

    The first in the entity order keeps the plain slug; the order depends only
    on the input, so the ids are stable across runs.
    """
    taken: set[str] = set()
    for entity in entities:
        base, number = entity.id, 2
        while entity.id in taken:
            entity.id = f"{base}-{number}"
            number += 1
        taken.add(entity.id)


# A place's name used for its team: a score or a result follows it, or it
# was beaten ("Leicestershire beat Somerset", "Kent 108-3", "Alba 75").
TEAM_AFTER = re.compile(
    r"\s+(?:\d{1,3}(?:-\d{1,3})?(?=[\s,;.)]|$)|(?:beat|beats|defeated|drew|draw|lost to|"
    r"thrashed|edged|routed|overcame|trounced|held|captain|coach|manager|striker|midfielder|"
    r"defender|goalkeeper|batsman|bowler|skipper|opener|keeper)\b)"
)
TEAM_BEFORE = re.compile(
    r"\b(?:beat|beats|defeated|thrashed|edged|routed|v|vs\.?|versus|"
    r"(?:win|victory|defeat|loss|draw) (?:over|against|to|with))\s+$"
)


# The last word of many companies' and bodies' names: evidence stronger than
# the model's guess at a bare name ("Moravia Rail", "Brightwater Capital").
ORG_HEADS = frozenset(
    {
        "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.",
        "llc", "plc", "ag", "sa", "nv", "bv", "gmbh", "group", "holdings", "partners",
        "capital", "bank", "bancorp", "airlines", "airways", "motors", "industries", "rail",
        "railways", "exchange", "fund", "trust", "association", "council", "committee",
        "commission", "ministry", "agency", "institute", "university", "college", "party",
        "league", "club", "foundation", "authority", "board", "network", "systems",
        "technologies", "pharmaceuticals", "energy", "securities", "investments", "ventures",
        "media", "united", "rovers", "wanderers", "athletic", "albion", "fc", "afc",
    }
)  # fmt: skip


def _has_org_head(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[-1].lower() in ORG_HEADS


# The last word of streets', bridges' and landforms' names: a place, however
# the model read it ("Bruckner Boulevard", "Whitestone Bridge").
PLACE_HEADS = frozenset(
    {
        "street", "avenue", "boulevard", "road", "lane", "highway", "motorway",
        "bridge", "square", "airport", "river", "lake", "mountain", "mountains",
        "bay", "island", "islands", "valley", "canyon", "creek", "beach",
        "peninsula", "strait", "gulf", "sea", "ocean", "desert", "park", "forest",
        "wood", "woods", "point", "moor", "fjord", "glacier", "plateau", "harbour",
        "harbor", "hill", "hills", "falls", "reservoir", "canal", "coast",
    }
)  # fmt: skip


def _has_place_head(name: str) -> bool:
    """ "Bruckner Boulevard"; not "Friends of the Harbour Bridge" (a body named for one)."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower() in PLACE_HEADS and "of" not in words


# ", who": English speaks of people so, of organisations with "which".
WHO_FOLLOWS = re.compile(r",?\s+who\b")
_TITLE_WORD = re.compile(r"^[A-Z][a-z'’\-]+$")


def _as_person(mention: RawMention, text: str) -> RawMention:
    """A two- or three-word name the model called an organisation, followed by
    ", who …", is a person ("Ada Obi, who leads the union, said")."""
    words = mention.text.split()
    if (
        mention.label == "ORG"
        and 2 <= len(words) <= 3
        and all(_TITLE_WORD.match(w) for w in words)
        and not _has_org_head(mention.text)
        and WHO_FOLLOWS.match(text, mention.end)
    ):
        return replace(mention, label="PERSON")
    return mention


def _as_team(mention: RawMention, text: str) -> RawMention:
    """A place named as a side in a result is an organisation: its team."""
    place = mention.label in {"GPE", "LOC"} or is_known_place(mention.text)
    if not place or is_country(mention.text.title()):
        return mention  # a country's side is named for the country: it stays a place
    before = text[max(0, mention.start - 12) : mention.start]
    if TEAM_AFTER.match(text, mention.end) or TEAM_BEFORE.search(before):
        return replace(mention, label="ORG", team=True)
    return mention


# Words after which only a place is named: "near Kelby", "north of Tromsø",
# "the village of Ashcombe".
PLACE_BEFORE = re.compile(
    r"\b(?:near|(?:north|south|east|west)(?:-?(?:east|west))? of|"
    r"(?:town|village|city|port|county|district|island|suburb|region|province) of)\s+$",
    re.IGNORECASE,
)
# "between Kelby and Ashcombe", "from Myrdal to Flåm": two names joined.
_JOINED = re.compile(r"\s+(?P<word>and|or|&|to)\s+")
_JOINED_BEFORE = re.compile(_JOINED.pattern + "$")
# "to" joins two places only after "from": "from Oslo to Bergen".
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_FROM_PAIR_BEFORE = re.compile(r"\bfrom\s+[^,.;]{1,40}\s+to\s+$")


def _as_place(mention: RawMention, text: str) -> RawMention:
    """A name the model read as a person or an organisation is a place after
    words only a place follows: "near Kelby", "the village of Ashcombe"."""
    before = text[max(0, mention.start - 30) : mention.start]
    if mention.label in {"PERSON", "ORG"} and not mention.team and PLACE_BEFORE.search(before):
        return replace(mention, label="GPE")
    return mention


def _places_joined_to_places(
    clusters: dict[str, _Cluster], labels: dict[str, str], texts: dict[str, str]
) -> None:
    """A short name joined by "and" to a place is a place ("between Kelby and
    Ashcombe"), whatever the model read it as: news pairs like with like."""
    at: dict[tuple[str, int], str] = {}
    for key, cluster in clusters.items():
        for m in cluster.mentions:
            at[(m.story, m.start)] = at[(m.story, m.end)] = key
    places = {key for key, label in labels.items() if label in {"GPE", "LOC", "FAC"}}
    for key, cluster in clusters.items():
        if labels.get(key) not in {"PERSON", "ORG"} or len(key.split()) > 2:
            continue
        if any(m.team for m in cluster.mentions):
            continue  # a side in a result
        for m in cluster.mentions:
            text = texts[m.story]
            neighbours = []
            after = _JOINED.match(text, m.end)
            if after and (
                after.group("word") != "to"
                or _FROM_BEFORE.search(text, max(0, m.start - 6), m.start)
            ):
                neighbours.append(at.get((m.story, after.end())))
            window = max(0, m.start - 60)
            before = _JOINED_BEFORE.search(text, max(0, m.start - 6), m.start)
            if before and (
                before.group("word") != "to" or _FROM_PAIR_BEFORE.search(text, window, m.start)
            ):
                neighbours.append(at.get((m.story, before.start())))
            if any(n in places for n in neighbours):
                labels[key] = "GPE"
                break


def _key(mention: RawMention) -> str:
    text = " ".join(mention.text.split())
    if (mention.label in {"GPE", "LOC"} or text in place_names()) and (
        place := canonical_place(text)
    ):
        return place
    return text


def _merge(clusters: dict[str, _Cluster], source: str, target: str) -> None:
    if source == target or source not in clusters or target not in clusters:
        return
    moved = clusters.pop(source)
    clusters[target].mentions.extend(moved.mentions)
    clusters[target].canonical = clusters[target].canonical or moved.canonical


def _merge_case_variants(clusters: dict[str, _Cluster]) -> None:
    """ "CLEVELAND" and "Cleveland" are one name: a headline or dateline shouts it."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key in clusters:
        groups[key.casefold()].append(key)
    for keys in groups.values():
        if len(keys) < 2:
            continue
        # Into the form written in mixed case, most often.
        target = max(keys, key=lambda k: (not k.isupper(), len(clusters[k].mentions), k))
        for key in keys:
            _merge(clusters, key, target)


def _merge_compass_words(clusters: dict[str, _Cluster]) -> None:
    """ "the South" is the one place the article calls "South …"."""
    for key in [k for k in clusters if k in COMPASS]:
        places = [
            k
            for k, c in clusters.items()
            if k.startswith(key + " ") and c.labels.most_common(1)[0][0] in {"GPE", "LOC"}
        ]
        if len(places) == 1:
            _merge(clusters, key, places[0])


def _drop_shared_plurals(clusters: dict[str, _Cluster]) -> None:
    """ "the two Sudans": a plural of a word several places share is no one place."""
    for key in list(clusters):
        if " " in key or not key.endswith("s") or clusters[key].canonical:
            continue
        stem = key[:-1]
        sharing = {k for k in clusters if stem in k.split() and k != key}
        if len(sharing) >= 2 and all(
            clusters[k].labels.most_common(1)[0][0] in {"GPE", "LOC"} for k in sharing
        ):
            del clusters[key]


def _merge_demonym_plurals(clusters: dict[str, _Cluster]) -> None:
    """ "Kenyans" → "Kenyan", "Iraqis" → "Iraqi"."""
    for key in list(clusters):
        cluster = clusters.get(key)
        if cluster is None or cluster.labels.most_common(1)[0][0] != "NORP":
            continue
        if key.endswith("s") and key[:-1].endswith(("n", "i")):
            singular = key[:-1]
            if singular in clusters:
                _merge(clusters, key, singular)
            else:
                clusters[singular] = _Cluster(singular, cluster.mentions)
                del clusters[key]


def _merge_acronyms(clusters: dict[str, _Cluster]) -> None:
    """ "UNSC" joins "United Nations Security Council" when the article has both."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key in clusters:
        words = [w for w in key.split() if w not in ACRONYM_SKIP]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            by_initials["".join(w[0] for w in words)].append(key)
    for key in [k for k in clusters if ACRONYM.match(k)]:
        targets = by_initials.get(key, [])
        if len(targets) == 1:
            _merge(clusters, key, targets[0])


DEFINED_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z0-9&]{1,7})\)")


def _merge_defined_acronyms(clusters: dict[str, _Cluster], texts: dict[str, str]) -> None:
    """ "Iberian Electricity Exchange (IEX)": an acronym the article defines is that name."""
    for key in list(clusters):
        cluster = clusters.get(key)
        if cluster is None or " " not in key:
            continue
        for mention in cluster.mentions:
            found = DEFINED_ACRONYM.match(texts[mention.story], mention.end)
            if found and found.group("acronym") in clusters:
                _merge(clusters, found.group("acronym"), key)
                break


def _merge_organisation_short_forms(clusters: dict[str, _Cluster]) -> None:
    """ "Brightwater" for "Brightwater Capital", "the Commission" for "the European
    Commission": a company's first word or a body's head noun, when one such
    organisation in the article owns it (a known place keeps its own name)."""
    organisations = [
        k for k, c in clusters.items() if " " in k and (_has_org_head(k) or _majority(c) == "ORG")
    ]
    for key in [k for k in clusters if " " not in k]:
        if key not in clusters or is_known_place(key) or ACRONYM.match(key):
            continue
        owners = [o for o in organisations if o in clusters and _short_form_of(key, o)]
        if len(owners) != 1:
            continue
        kind = _majority(clusters[key])
        # A nationality stays one ("Russian" is not "Russian Foreign Ministry"); a
        # bare name the model took for a person joins a company named with it.
        if kind in {"ORG", "PRODUCT", "WORK_OF_ART"} or (
            kind == "PERSON" and _has_org_head(owners[0]) and owners[0].split()[0] == key
        ):
            _merge(clusters, key, owners[0])


def _short_form_of(key: str, organisation: str) -> bool:
    """ "Brightwater" of "Brightwater Capital", "Commission" of "European Commission"."""
    words = organisation.split()
    return words[0] == key or (words[-1] == key and _has_org_head(organisation))


def _merge_short_names(clusters: dict[str, _Cluster], order: dict[str, int]) -> None:
    """A one-word name joins the full name it is the first or last word of.

    Only full names the model read as people take surnames; when two people
    share one ("Kim"), each mention joins the nearest full name before it.
    """
    people = [
        key
        for key, cluster in clusters.items()
        if len(key.split()) >= 2 and cluster.labels.get("PERSON", 0) > 0
    ]
    for key in [k for k in clusters if " " not in k]:
        cluster = clusters[key]
        if cluster.labels.most_common(1)[0][0] not in LINKABLE_LABELS:
            continue
        if cluster.canonical and "PERSON" not in cluster.labels:
            continue  # a known place the model read as a place stays one
        owners = [p for p in people if key in (p.split()[0], p.split()[-1])]
        if not owners:
            _merge_into_longer_name(clusters, key)
            continue
        if len(owners) == 1:
            _merge(clusters, key, owners[0])
            continue
        for mention in clusters.pop(key).mentions:
            clusters[_nearest(mention, owners, clusters, order)].mentions.append(mention)


def _merge_into_longer_name(clusters: dict[str, _Cluster], key: str) -> None:
    """ "Villafranca" joins "Villafranca del Río" when that is the one such name of its kind."""
    kind = _majority(clusters[key])
    if kind == "PERSON":
        return
    owners = [
        k
        for k, c in clusters.items()
        if k != key
        and k.split()[0] == key
        and len(k.split()) >= 2
        and LABEL_TYPES.get(_majority(c)) == LABEL_TYPES.get(kind)
    ]
    if len(owners) == 1:
        _merge(clusters, key, owners[0])


def _majority(cluster: _Cluster) -> str:
    return cluster.labels.most_common(1)[0][0]


def _nearest(
    mention: RawMention, owners: list[str], clusters: dict[str, _Cluster], order: dict[str, int]
) -> str:
    here = (order[mention.story], mention.start)

    def distance(owner: str) -> tuple[int, tuple[int, int]]:
        """Clusters begun before the mention first, the latest of them nearest."""
        first = clusters[owner].first_position(order)
        if first <= here:
            return 0, (-first[0], -first[1])
        return 1, first

    return min(owners, key=distance)


def _entity(cluster: _Cluster, label: str) -> Entity:
    entity_type = LABEL_TYPES[label]
    forms = Counter(" ".join(m.text.split()) for m in cluster.mentions)
    if cluster.canonical and entity_type == "place":
        name = cluster.canonical
    else:
        # The fullest form, and one written in ordinary case over a shouted one.
        name = max(forms, key=lambda f: (len(f.split()), not f.isupper(), len(f), forms[f], f))
        if label == "NORP" and name.endswith("s") and name[:-1].endswith(("n", "i")):
            name = name[:-1]
        if name.isupper() and entity_type in {"person", "place"} and len(name) >= 5:
            name = name.title()  # "CANTERBURY" from a dateline: a place, not an acronym
    aliases = sorted(f for f in forms if f != name)
    mentions = [Mention(m.story, m.start, m.end, m.text) for m in cluster.mentions]
    return Entity(_slug(entity_type, name), name, entity_type, label, aliases, mentions)


def _vote(cluster: _Cluster) -> str:
    """One label for the entity: longer forms outweigh bare short ones."""
    scores: dict[str, float] = defaultdict(float)
    # The surnames of the full names the model read as people: "Velázquez"
    # after "Marjorie Velázquez" is the person again, whatever the model read
    # it as alone (a name it does not know often reads as an organisation).
    surnames = {
        m.text.split()[-1]
        for m in cluster.mentions
        if m.label == "PERSON" and len(m.text.split()) > 1
    }
    multiword_person = bool(surnames)
    for mention in cluster.mentions:
        words = len(mention.text.split())
        weight = 1.0 + 2 * (words - 1)
        label = "PERSON" if words == 1 and mention.text in surnames else mention.label
        # A lone one-word "person" with no full name anywhere is weak evidence.
        if label == "PERSON" and words == 1 and not multiword_person:
            weight = 0.5
        scores[label] += weight
    if any(m.team for m in cluster.mentions):
        return "ORG"  # a side in a result somewhere: a team all through
    if any(_has_org_head(m.text) for m in cluster.mentions):
        return "ORG"  # "Johnson Controls Inc", "Northloop Partners": a company's name says so
    if not multiword_person and any(_has_place_head(m.text) for m in cluster.mentions):
        places = {label: scores.get(label, 0.0) for label in ("FAC", "GPE", "LOC")}
        return max(places, key=lambda label: (places[label], label))
    if not multiword_person and (cluster.canonical or is_known_place(cluster.key)):
        return "LOC" if scores.get("LOC", 0) > scores.get("GPE", 0) else "GPE"
    return max(scores, key=lambda label: (scores[label], label))


def _add_missed_mentions(entities: list[Entity], texts: dict[str, str]) -> None:
    """Every further occurrence of a name or alias the model did not tag."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            taken[mention.story].append((mention.start, mention.end))
    # Longer names first, so "Donald Trump" is found before "Trump".
    # A name is also found where a headline or dateline shouts it ("CLEVELAND —"),
    # and a company by its first word ("Brightwater" for "Brightwater Capital").
    forms = sorted(
        (
            (form, entity)
            for entity in entities
            for name in {entity.name, *entity.aliases, *_first_word(entity)}
            for form in {name, name.upper() if len(name) >= 4 else name}
            if len(form) >= 2
        ),
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
    occupied = {story: Occupied(spans) for story, spans in taken.items()}
    owner: dict[str, Entity] = {}
    for form, entity in forms:
        owner.setdefault(form, entity)
    if owner:
        # One pass over each text: the alternatives are tried longest first.
        names = "|".join(re.escape(form) for form in owner)
        pattern = re.compile(rf"(?<![\w\-])(?:{names})(?![\w\-])")
        for story, text in texts.items():
            spans = occupied.setdefault(story, Occupied([]))
            position = 0
            while (match := pattern.search(text, position)) is not None:
                if spans.add(match.start(), match.end()):
                    owner[match.group()].mentions.append(
                        Mention(story, match.start(), match.end(), match.group())
                    )
                    position = match.end()
                else:
                    position = match.start() + 1
    order = {story: i for i, story in enumerate(texts)}
    for entity in entities:
        entity.mentions.sort(key=lambda m: (order[m.story], m.start))


def _slug(entity_type: str, name: str) -> str:
    return f"{entity_type}:" + re.sub(r"[^\w]+", "-", name.lower()).strip("-")
