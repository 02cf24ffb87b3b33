"""Entities: the sample's table exactly, and each consolidation rule on text
written for these tests (other names, titles and organisations)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE
from tui.model import Analysis
from tui.pipeline import Options, analyze, analyze_article, article_from_text

SAMPLE_TABLE = {
    "person": {
        "Ri Yong-ho",
        "Sergei Lavrov",
        "Wang Yi",
        "Kim Jong-un",
        "Xi Jinping",
        "Moon Jae-in",
        "Donald Trump",
    },
    "place": {
        "North Korea",
        "Russia",
        "Moscow",
        "South Korea",
        "China",
        "Beijing",
        "Turkmenistan",
        "Azerbaijan",
        "Pyongyang",
        "Washington",
        "United States",
        "Korean Peninsula",
        "Demilitarized Zone",
    },
    "organisation": {"Russian Foreign Ministry", "RIA Novosti", "United Nations Security Council"},
    "group": {"Russian", "Chinese", "North Korean"},
}


@pytest.fixture(scope="module")
def sample() -> Analysis:
    return analyze(SAMPLE)


def _by_name(analysis: Analysis) -> dict[str, object]:
    return {e.name: e for e in analysis.entities}


def test_sample_entity_table_is_exact(sample: Analysis) -> None:
    found: dict[str, set[str]] = {}
    for entity in sample.entities:
        found.setdefault(entity.type, set()).add(entity.name)
    assert found == SAMPLE_TABLE


def test_sample_aliases_merge(sample: Analysis) -> None:
    entities = {e.name: e for e in sample.entities}
    expected_aliases = {
        "Ri Yong-ho": {"Ri"},
        "Sergei Lavrov": {"Lavrov"},
        "Kim Jong-un": {"Kim"},
        "Donald Trump": {"Trump"},
        "United States": {"US"},
        "United Nations Security Council": {"UNSC"},
    }
    for name, aliases in expected_aliases.items():
        assert aliases <= set(entities[name].aliases), name
    texts = {s.id: s.text for s in sample.article.stories}
    ri_mentions = [
        (story, m.start()) for story, text in texts.items() for m in re.finditer(r"\bRi\b", text)
    ]
    ri = {(m.story, m.start) for m in entities["Ri Yong-ho"].mentions}
    assert set(ri_mentions) <= ri
    assert len(entities["Ri Yong-ho"].mentions) == 6


def test_sample_has_no_broken_names(sample: Analysis) -> None:
    names = {e.name for e in sample.entities}
    assert not names & {"Asian Republic", "North Korea FM", "Moon Jae", "North Korea’s", "Kim’s"}
    for entity in sample.entities:
        for mention in entity.mentions:
            assert not mention.text.endswith(("’s", "'s")), mention


def test_mention_offsets_are_exact(sample: Analysis) -> None:
    texts = {s.id: s.text for s in sample.article.stories}
    for entity in sample.entities:
        for mention in entity.mentions:
            assert texts[mention.story][mention.start : mention.end] == mention.text


def test_model_is_recorded(sample: Analysis) -> None:
    assert sample.model and "core_web_sm" in sample.model


def _analyze_text(*paragraphs: str) -> Analysis:
    return analyze_article(article_from_text("\n\n".join(paragraphs)), Options())


def test_surnames_titles_and_possessives_on_other_names() -> None:
    analysis = _analyze_text(
        "Wheat prices rise as Kenya seeks new suppliers",
        "Kenya’s Agriculture Minister Mithika Linturi met Egyptian officials in Cairo on "
        "Monday to discuss grain supplies, the ministry said.",
        "Linturi said the talks had been useful. Linturi’s deputy will travel to Cairo next week.",
        "The International Grains Council (IGC) said global stocks were low. The IGC expects "
        "prices to stay high.",
    )
    entities = _by_name(analysis)
    person = entities["Mithika Linturi"]
    assert person.type == "person" and "Linturi" in person.aliases
    assert len(person.mentions) == 3
    assert entities["Kenya"].type == "place"
    council = entities["International Grains Council"]
    assert council.type == "organisation" and "IGC" in council.aliases
    assert "Kenya’s" not in entities


def test_us_forms_are_one_place_and_compass_word_joins_its_place() -> None:
    analysis = _analyze_text(
        "Talks resume between the two Sudans",
        "Officials from South Sudan and Sudan met in Addis Ababa, where the U.S. envoy "
        "joined them. The US has offered to host a later round.",
        "The South has long accused the north of blocking oil exports.",
    )
    entities = _by_name(analysis)
    assert entities["United States"].type == "place"
    assert {m.text for m in entities["United States"].mentions} == {"U.S.", "US"}
    assert "South" in entities["South Sudan"].aliases
    assert "Sudans" not in entities


def test_missed_mentions_of_known_names_are_added() -> None:
    text = (
        "Maria Kowalczyk won the race in Warsaw on Sunday. Kowalczyk said the course was hard. "
        "Afterwards Kowalczyk thanked her coach."
    )
    analysis = _analyze_text("Kowalczyk wins in Warsaw", text)
    person = _by_name(analysis)["Maria Kowalczyk"]
    assert len(person.mentions) == 3
    for occurrence in re.finditer("Kowalczyk", text):
        assert any(m.start <= occurrence.start() < m.end for m in person.mentions)


def test_nothing_from_removed_blocks() -> None:
    analysis = _analyze_text(
        "Floods hit Porto Alegre",
        "Rain flooded parts of Porto Alegre on Tuesday, officials in Brazil said.",
        "The city expects more rain this week, the mayor said in a statement.",
        "Photo: Rescuers in Porto Alegre. Reuters/Diego Vara",
    )
    assert all(not n.startswith("Diego") for n in _by_name(analysis))


def test_no_sample_names_in_rule_code_or_data() -> None:
    """Rules must be general: nothing in lede's code names the sample's people or places."""
    words = {
        "Lavrov",
        "Pyongyang",
        "Turkmenistan",
        "Novosti",
        "Jong-un",
        "Jae-in",
        "Yong-ho",
        "Korea",
    }
    for path in [*Path(ROOT / "tui").rglob("*.py"), *Path(ROOT / "tui" / "data").glob("*")]:
        if path.is_file():
            text = path.read_text("utf-8")
            found = sorted(w for w in words if w in text)
            assert not found, f"{path.relative_to(ROOT)} mentions {found}"


def test_a_name_followed_by_who_is_a_person() -> None:
    text = (
        "Dock strike spreads to Antwerp\n\n"
        "Dock workers in Antwerp stopped work on Tuesday. Ingrid Vestergaard, who leads the "
        "Rotterdam dockers, said on Monday evening that the operators had offered nothing new.\n\n"
        "The Antwerp Port Authority, which runs the terminals, said talks would resume."
    )
    analysis = analyze_article(article_from_text(text), Options(date="2026-11-24"))
    types = {e.name: e.type for e in analysis.entities}
    assert types["Ingrid Vestergaard"] == "person"
    assert types["Antwerp Port Authority"] == "organisation"


def test_a_surname_after_the_full_name_is_the_person_whatever_the_model_read() -> None:
    """The small model reads a surname it does not know as an organisation
    ("Velázquez changed her tune"); after the full name read as a person, the
    surname alone is that person again, however often it comes."""
    from tui.nlp.consolidate import consolidate
    from tui.nlp.mentions import RawMention

    text = (
        "Council member Ngozi Abernathy-Quist lost her seat. Abernathy-Quist said she "
        "would stand again. Supporters of Abernathy-Quist gathered at City Hall. "
        "Abernathy-Quist thanked them. Abernathy-Quist went home."
    )
    name = "Ngozi Abernathy-Quist"
    mentions = [RawMention("main", text.index(name), text.index(name) + len(name), name, "PERSON")]
    at = text.index(name) + len(name)
    while (start := text.find("Abernathy-Quist", at)) != -1:
        mentions.append(RawMention("main", start, start + 15, "Abernathy-Quist", "ORG"))
        at = start + 15
    start = text.index("City Hall")
    mentions.append(RawMention("main", start, start + 9, "City Hall", "ORG"))
    entities = {e.name: e for e in consolidate(mentions, {"main": text})}
    person = entities[name]
    assert (person.type, len(person.mentions)) == ("person", 5)
    assert entities["City Hall"].type == "organisation"


def test_a_street_or_a_bridge_is_a_place_whatever_the_model_read() -> None:
    from tui.nlp.consolidate import consolidate
    from tui.nlp.mentions import RawMention

    text = "Flats will rise on Harwick Boulevard. Friends of the Tamsin Bridge objected."
    mentions = [
        RawMention("main", text.index(name), text.index(name) + len(name), name, "ORG")
        for name in ("Harwick Boulevard", "Friends of the Tamsin Bridge")
    ]
    types = {e.name: e.type for e in consolidate(mentions, {"main": text})}
    assert types == {"Harwick Boulevard": "place", "Friends of the Tamsin Bridge": "organisation"}


@pytest.mark.parametrize(
    ("text", "name_like"),
    [("eBay", True), ("iPhone maker", True), ("the", False), ("57", False), ("e-mail", False)],
)
def test_a_brand_in_lower_case_is_a_name(text: str, name_like: bool) -> None:
    """A mention needs a capital: at a word's start, or after a brand's prefix."""
    from tui.nlp.mentions import is_name_like

    assert is_name_like(text) is name_like


def test_a_small_town_is_a_place_where_only_a_place_can_stand() -> None:
    """The small model reads unknown towns as people; "between Brekkvik and
    Oslo" and "near Lyngseidet" say what they are."""
    analysis = _analyze_text(
        "Landslide closes coast road",
        "A landslide closed the road between Brekkvik and Oslo on Sunday, police said.",
        "Crews were clearing a second slide near Lyngseidet on Monday.",
    )
    entities = _by_name(analysis)
    assert entities["Brekkvik"].type == "place"
    assert entities["Lyngseidet"].type == "place"
    assert entities["Oslo"].type == "place"


def test_a_capitalised_preposition_opening_a_sentence_is_no_part_of_a_name() -> None:
    from tui.nlp.mentions import RawMention, _repair

    text = "Across Europe, towns are changing."
    mention = RawMention("main", 0, len("Across Europe"), "", "ORG")
    [repaired] = _repair(mention, text)
    assert text[repaired.start : repaired.end] == "Europe"


def test_a_parks_or_a_points_name_is_a_place() -> None:
    analysis = _analyze_text(
        "Musk oxen return to the mountains",
        "Rangers counted 300 musk oxen in Dovrefjell National Park this spring, and walkers "
        "saw seals off Skagen Point.",
    )
    entities = _by_name(analysis)
    assert entities["Dovrefjell National Park"].type == "place"
    assert entities["Skagen Point"].type == "place"
    forest = _by_name(
        _analyze_text("A walk in the hills", "The trail runs through Hallingskeid Forest.")
    )
    assert forest["Hallingskeid Forest"].type == "place"


def test_a_clubs_name_says_it_is_a_club() -> None:
    """ "United", "Rovers", "Athletic" end clubs' names, whatever the model read."""
    analysis = _analyze_text(
        "Coach sacked",
        "Hallvik United have sacked their coach after a run of defeats. The club said on "
        "Sunday that a 3-1 defeat was the last straw.",
    )
    assert _by_name(analysis)["Hallvik United"].type == "organisation"
