"""Cleaning and segmentation rules on short articles written for these tests.

None of these texts shares names or wording with the sample article: each
rule has to hold on text it was not tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.clean import label_block
from tui.clean.features import block_features
from tui.clean.patterns import (
    CHROME,
    CHROME_RULES,
    LISTS,
    PHOTO_CAPTION,
    TERMINALS,
    ChromeRule,
    RuleSet,
    _rule,
    is_photo_caption,
    may_be_caption,
)
from tui.model import Article, Block
from tui.pipeline import article_from_text
from tui.reasons import Reason

LEDE = (
    "The regional parliament in Tromsø voted on Wednesday to close two coal-fired "
    "heating plants by the end of the decade, a move that officials said would cut "
    "the city's emissions by a third."
)
BODY = [
    "Mayor Ingrid Solberg said the plants would be replaced by heat pumps drawing "
    "warmth from the fjord, a system already used in two smaller towns nearby.",
    "The vote passed by 27 to 16. Opponents said the cost of the heat pumps, about "
    "900 million crowns, would fall on households already struggling with bills.",
    "Construction of the first pump station is due to begin next year, and the "
    "second plant will close once both stations are running.",
]


def _label(text: str) -> str:
    label = label_block(Block(text, 1), block_features(text))
    return label.reason or label.kind


def test_chrome_lines_get_reasons_a_reader_understands() -> None:
    assert _label("Advertisement") == "advertisement"
    assert _label("Share this story") == "share buttons"
    assert (
        _label("We use cookies to give you the best experience on our website.") == "cookie notice"
    )
    assert _label("Sign up for our morning newsletter") == "newsletter prompt"
    assert _label("© 2022 Nordlys Media AS") == "copyright notice"
    assert _label("By Kari Nordmann and Ola Hansen") == "byline"
    assert _label("Updated 12 March 2022, 14:05 CET") == "publication date"
    assert _label("Workers at the site on Tuesday. Photo: Lars Berg/NTB") == "photo caption"
    assert _label("The new dock cost twice the estimate. Ana Lund/Reuters files") == "photo caption"
    assert _label("Foto: Kari Lund [CC BY-SA 3.0], via Wikimedia Commons") == "photo caption"
    assert _label("Bild: Stadt Tromsø") == "photo caption"
    assert _label("Read more: Oslo plans a car-free centre") == "related link"
    assert _label("Most read") == "most-read list"
    assert _label("Comments (4)") == "comments"
    assert _label("7 thoughts on “Ferry fares rise in March”") == "comments"
    assert _label("One response to “Ferry fares rise in March”") == "comments"


def test_a_paragraph_closing_with_its_wire_credit_is_prose_not_a_caption() -> None:
    """An agency in brackets ("(dpa)") after several sentences credits the text; a photo's credit in
    brackets says it is one, and a one-line caption with an agency stays a caption."""
    paragraph = (
        "Die Fähre nach Helgoland fährt ab Montag wieder täglich. Im Winter hatte die "
        "Reederei nur drei Fahrten in der Woche angeboten. Die Preise bleiben gleich. (dpa)"
    )
    assert not is_photo_caption(paragraph)
    assert not is_photo_caption(paragraph.replace("(dpa)", "(Reuters/lk)"))
    assert is_photo_caption(paragraph.replace("(dpa)", "(Foto: dpa/Carsten Rehder)"))
    assert is_photo_caption("The ferry leaves the harbour at Cuxhaven on Monday. (Reuters)")
    assert is_photo_caption("Passengers board. Most were day visitors. (AP Photo/Ana Ruiz)")


def test_prose_mentioning_chrome_words_is_kept() -> None:
    text = (
        "The newsletter, which the council sends to every household, said the "
        "cookies sold at the fair raised 4,000 crowns for the school."
    )
    assert _label(text) == "prose"


def test_breadcrumb_with_separators_gives_categories() -> None:
    article = article_from_text(
        "\n\n".join(["News › Norway › Climate", "Tromsø votes to shut coal plants", LEDE, *BODY])
    )
    assert article.metadata.categories == ["News", "Norway", "Climate"]
    assert article.removed[0].reason == "breadcrumb"
    assert article.title == "Tromsø votes to shut coal plants"


def test_byline_and_dateline_go_to_metadata_but_dateline_stays_in_text() -> None:
    first = "TROMSØ, Norway, March 9 (NTB) - " + LEDE
    article = article_from_text(
        "\n\n".join(["Tromsø votes to shut coal plants", "By Kari Nordmann", first, *BODY])
    )
    assert article.metadata.byline == "Kari Nordmann"
    assert article.metadata.dateline == "TROMSØ, Norway, March 9 (NTB)"
    assert article.stories[0].paragraphs[0].text == first


def test_read_more_card_without_body_is_removed_not_a_story() -> None:
    text = "\n\n".join(
        [
            "Tromsø votes to shut coal plants",
            LEDE,
            BODY[0],
            "Read more: Bergen tests electric ferries",
            *BODY[1:],
        ]
    )
    article = article_from_text(text)
    assert len(article.stories) == 1
    assert ("related link", "Read more: Bergen tests electric ferries") in [
        (r.reason, r.text) for r in article.removed
    ]


def test_orphan_headline_at_the_end_is_a_related_link() -> None:
    article = article_from_text(
        "\n\n".join(["Tromsø votes to shut coal plants", LEDE, *BODY, "Oslo budget talks collapse"])
    )
    assert article.removed[-1].reason == "headline without a story (related link)"


def test_comments_section_ends_the_article() -> None:
    comments = ["Comments", "Great decision, finally some action on the climate here.", "Reply"]
    article = article_from_text(
        "\n\n".join(["Tromsø votes to shut coal plants", LEDE, *BODY, *comments])
    )
    assert len(article.stories[0].paragraphs) == 4
    assert [r.reason for r in article.removed] == ["comments"] * 3


def test_embedded_story_on_another_topic_is_split_out_and_main_resumes() -> None:
    card = [
        "Ferry operator orders three electric boats from shipyard",
        "Coastal ferry operator Fjordline has ordered three battery-powered boats from "
        "a shipyard in Ålesund, the company said, in a deal worth 1.2 billion crowns.",
        "The boats will carry 300 passengers each between the islands and enter "
        "service on the northern routes from 2026, the shipyard said.",
    ]
    article = article_from_text(
        "\n\n".join(["Tromsø votes to shut coal plants", LEDE, BODY[0], *card, *BODY[1:]])
    )
    main, embedded = article.stories
    assert embedded.title == card[0]
    assert [p.text for p in embedded.paragraphs] == card[1:]
    assert [p.text for p in main.paragraphs] == [LEDE, *BODY]


def test_section_subheadings_do_not_split_the_story() -> None:
    text = "\n\n".join(
        [
            "Tromsø votes to shut coal plants",
            LEDE,
            BODY[0],
            "The cost",
            BODY[1],
            "What happens next",
            BODY[2],
        ]
    )
    article = article_from_text(text)
    assert len(article.stories) == 1
    assert [t for _, t, _ in article.stories[0].subheadings] == ["The cost", "What happens next"]
    assert len(article.stories[0].paragraphs) == 4


def test_article_with_only_prose_has_one_untitled_story() -> None:
    article = article_from_text("\n\n".join([LEDE, *BODY]))
    assert article.title is None
    assert len(article.stories[0].paragraphs) == 4
    assert article.removed == []


def test_a_stated_title_marks_where_a_bare_article_starts(tmp_path: Path) -> None:
    """Front matter (or a sidecar) names the title: a short line above it is the
    page's, and the heading is the title, not an embedded story of the same name."""
    from tui.pipeline import read_article

    page = tmp_path / "quay.md"
    page.write_text(
        "---\ntitle: Night buses return to the river routes\n---\n\n"
        "[News](https://example.org/news) · [Transport](https://example.org/transport)\n\n"
        "# Night buses return to the river routes\n\n"
        "Night buses will run again on the three river routes from Friday, the transport "
        "board said, after drivers agreed new rosters.\n\n"
        "The routes were cut in the spring when the depot lost a third of its staff.\n",
        encoding="utf-8",
    )
    article = read_article(page)
    assert [(s.kind, s.title) for s in article.stories] == [
        ("main", "Night buses return to the river routes")
    ]
    assert len(article.stories[0].paragraphs) == 2
    assert [(r.text, r.reason) for r in article.removed] == [
        ("News · Transport", "page chrome before the headline")
    ]


@pytest.mark.parametrize(
    "rule", [r for r in CHROME_RULES if r.hints], ids=lambda r: f"{r.reason}-{r.hints[0]}"
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_rules_hints_hold_for_every_block_it_matches(
    rule: ChromeRule, data: st.DataObject
) -> None:
    """A hinted rule is tried only where a hint is: every block it matches must hold one."""
    block = data.draw(st.from_regex(rule.pattern, fullmatch=True))
    assert any(h in block.lower() for h in rule.hints), block


@pytest.mark.parametrize("rules", [CHROME, LISTS, TERMINALS], ids=["chrome", "lists", "terminals"])
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_rule_set_answers_with_the_first_rule_that_matches(
    rules: RuleSet, data: st.DataObject
) -> None:
    """Blocks with no hint take a shortcut through the rules: it must not change
    which rule a block is removed by."""
    rule = data.draw(st.sampled_from(rules.rules))
    block = data.draw(st.from_regex(rule.pattern, fullmatch=True))
    first = next((r for r in rules.rules if r.pattern.match(block.lower())), None)
    assert rules.match(block) is first, block


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block=st.from_regex(PHOTO_CAPTION))
def test_the_caption_pretest_passes_every_block_a_caption_pattern_finds(block: str) -> None:
    """The cheap test runs before the caption pattern: it must never turn one away."""
    assert may_be_caption(block, block.lower()), block


def test_hinted_rules_still_remove_their_chrome() -> None:
    for line, reason in [
        (
            "Sign up for our free daily newsletter to get the news in your inbox",
            "newsletter prompt",
        ),
        ("The Harbour Wire Newsletter", "newsletter prompt"),
        ("Get the Harbour Wire daily edition by email", "newsletter prompt"),
        ("Sign up to get the best stories of the week", "newsletter prompt"),
        ("This site uses cookies to improve your experience.", "cookie notice"),
        ("You are using a browser version with limited support for CSS.", "reader prompt"),
        (
            "You are using a browser version with limited support for CSS. To obtain the best "
            "experience, we recommend you use a more up to date browser (or turn off "
            "compatibility mode in Internet Explorer). In the meantime, to ensure continued "
            "support, we are displaying the site without styles and JavaScript.",
            "reader prompt",
        ),
        ("Notify me of new posts by email.", "page chrome"),
        (
            "Get the latest updates and advanced tutorials straight to your inbox with the "
            "Harbour Wire newsletter.",
            "newsletter prompt",
        ),
        ("Do you want to be informed of our actions? Sign up here", "newsletter prompt"),
        ("Instant access to the full article PDF.", "sign-in prompt"),
        ("Send me email every new post.", "page chrome"),
        ("Comments are moderated and may not appear at once.", "reader prompt"),
        ("Advertising Disclosure", "disclosure"),
        ("Copyright 2026 Harbour Wire. All rights reserved.", "copyright notice"),
        ("We may earn a commission when you buy through links on our site.", "disclosure"),
        ("Please consider a donation: support independent journalism today.", "reader prompt"),
        ("Download the Harbour Wire app for breaking news", "reader prompt"),
    ]:
        assert CHROME.match(line) is not None, line
        assert CHROME.match(line).reason == reason  # type: ignore[union-attr]


def test_a_writers_numbered_list_is_kept_and_a_sites_is_not() -> None:
    stations = [
        "Gare du Nord", "Zurich HB", "Hamburg Hbf", "Munich Hbf", "Frankfurt Hbf",
        "Milano Centrale", "Roma Termini", "Utrecht Centraal", "Madrid Atocha", "London Waterloo",
    ]  # fmt: skip
    page = "\n".join(
        [
            "Home",
            "Travel",
            "The ten busiest railway stations in Europe",
            "By Greta Lindqvist",
            "Passenger numbers are back above their 2019 level, and these stations saw the "
            "most people pass through their gates last year, according to the operators.",
            "Paris keeps the top place by a wide margin, helped by the suburban lines that "
            "meet under the station, while Zurich has climbed two places since the pandemic.",
            "The ranking counts everyone who passes the gates, so a station where many people "
            "change trains can rank above one in a much bigger city.",
            *(f"{n}. {name}" for n, name in enumerate(stations, start=1)),
            "The figures count passengers who change trains as well as those who start there. "
            "Operators in Spain and Italy expect their numbers to grow again this year.",
            "Most read",
            *(f"{n}. Headline number {n} about something else" for n in range(1, 6)),
            "Terms | Privacy",
        ]
    )
    article = article_from_text(page)
    text = article.stories[0].text
    assert article.title == "The ten busiest railway stations in Europe"
    assert "1. Gare du Nord" in text and "10. London Waterloo" in text
    assert "change trains as well" in text
    assert "Headline number" not in text


def test_the_writers_biography_under_the_article_goes() -> None:
    paragraphs = [
        "Councils in the north of England will be allowed to borrow against future "
        "business rates to pay for new bus lanes, the transport minister said on Monday.",
        "The change, long sought by city mayors, could bring forward schemes worth about "
        "£2 billion that have waited years for money from the Treasury.",
        "Critics said the plan would leave councils exposed if the economy slowed and "
        "business rates fell, as they did during the pandemic.",
        "Priya Natarajan is a senior fellow at the Centre for Cities and a former adviser "
        "to the Greater Manchester mayor.",
    ]

    def page(body: list[str]) -> str:
        chrome = ["Home | Politics | Transport", "Councils may borrow to build bus lanes"]
        return "\n".join([*chrome, *body, "Terms | Privacy"])

    article = article_from_text(page(paragraphs))
    text = article.stories[0].text
    assert "business rates fell" in text
    assert "Priya Natarajan" not in text
    assert any(r.reason == "author biography" for r in article.removed)
    # A person the story is about, in its last paragraph, stays.
    about = [
        *paragraphs[:3],
        "Tomás Reyes, who runs a bakery on the planned route, said the lanes would help "
        "his staff get to work before dawn.",
    ]
    assert "Tomás Reyes" in article_from_text(page(about)).stories[0].text


def test_german_prose_reads_as_prose_to_the_rules() -> None:
    """A German page's function words are German: a sentence of it is prose, not a
    headline, and its menu is still a menu. An English page keeps the English list
    ("mayor" is a Spanish function word, not an English one)."""
    from tui.textstats import document_vocabulary

    sentence = (
        "Die Stadtwerke wollen die Preise für Fernwärme im kommenden Jahr um zwölf Prozent "
        "erhöhen, weil die Kosten für Gas und Strom gestiegen sind"
    )
    menu = "Startseite Politik Wirtschaft Kultur Sport Wetter"
    german = document_vocabulary([menu, sentence]).function_words
    assert label_block(Block(sentence, 1), block_features(sentence, german)).kind == "prose"
    assert block_features(menu, german).is_menu_like
    english = document_vocabulary(["The mayor of Springfield resigned on Monday."])
    assert "mayor" not in english.function_words and "the" in english.function_words


def test_a_documents_function_words_are_its_languages() -> None:
    """A German article's "die" and "und" are not its topics, and its capitals mark
    nouns, not names; an English article keeps "war" as a topic."""
    from tui.textstats import content_terms, document_vocabulary

    german = document_vocabulary(
        [
            "Die Kabine im Schlafwagen ist eng, aber sauber, und der Schaffner bringt am "
            "Morgen Kaffee und Brötchen für die Gäste, die im Zug übernachten."
        ]
    )
    terms = content_terms("Die Kabine ist eng und sauber", german)
    assert {stem for stem, _ in terms} == {"kabin", "eng", "sauber"}  # stems
    assert not any(name for _, name in terms)
    english = document_vocabulary(["The war in the north ended when both sides agreed to talk."])
    terms = content_terms("The war ended when Ada Obi spoke", english)
    assert "war" in {stem for stem, _ in terms}
    assert ("obi", True) in terms


def test_a_paragraph_the_model_half_doubts_inside_the_story_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Between the story's first and last sure blocks a paragraph the model only
    half doubts is kept; one it rejects is not."""
    from tui.clean import classifier

    doubted = "Officials said the work would take two years and cost less than planned."
    rejected = "Readers said they had heard it all before and would wait and see."
    paragraphs = [LEDE, doubted, BODY[0], rejected, BODY[1]]
    chances = {LEDE: 0.9, doubted: 0.32, BODY[0]: 0.9, rejected: 0.1, BODY[1]: 0.9}
    real = classifier.score

    def scored(texts: list[str], *args: object, **kwargs: object) -> list[classifier.Scored]:
        cues = real(texts, *args, **kwargs)  # type: ignore[arg-type]
        return [
            classifier.Scored(chances.get(text, 0.32), cue.cue or Reason.SHORT_LINE)
            for text, cue in zip(texts, cues, strict=True)
        ]

    monkeypatch.setattr(classifier, "score", scored)
    page = "\n".join(["Home", "News", "Heat pumps to replace two city plants", *paragraphs])
    article = article_from_text(page)
    kept = [p.text for p in article.stories[0].paragraphs]
    assert kept == [LEDE, doubted, BODY[0], BODY[1]]
    removed = {r.text: r.reason for r in article.removed}
    assert removed[rejected].startswith("page chrome (")


def test_a_sections_name_between_headline_and_byline_does_not_hide_the_title() -> None:
    page = "\n".join(
        [
            "Home",
            "Environment",
            "Coal plants to close as city turns to heat pumps",
            "Features",
            "By Ola Nordmann",
            "Published 4 March 2026",
            LEDE,
            *BODY,
        ]
    )
    article = article_from_text(page)
    assert article.stories[0].title == "Coal plants to close as city turns to heat pumps"
    assert [p.text for p in article.stories[0].paragraphs] == [LEDE, *BODY]
    assert ("Features", "navigation") in [(r.text, r.reason) for r in article.removed]


def test_a_long_headline_over_a_byline_is_the_title_not_a_standfirst() -> None:
    """Fourteen words with function words and no full stop read like a sentence;
    the byline under them says they are the headline."""
    headline = "Two coal-fired plants in the north to close as the city turns to its heat pumps"
    page = "\n".join(["Home", "Environment", headline, "By Ola Nordmann", LEDE, *BODY])
    article = article_from_text(page)
    assert article.stories[0].title == headline
    assert article.metadata.byline == "Ola Nordmann"
    assert [p.text for p in article.stories[0].paragraphs] == [LEDE, *BODY]


FJORD_SECTION = [
    "Salmon farmers along the fjord oppose the pipes, saying warm water pumped back "
    "into the fjord could harm their pens.",
    "The farmers' association said its members had invested heavily in new pens since "
    "2019 and wanted guarantees on water temperature.",
    "A study commissioned by the association found that pens within two kilometres of "
    "an outlet could see water warm by half a degree.",
    "The municipality said it would publish its own study of the outlets before "
    "construction begins.",
]


@pytest.mark.parametrize(
    ("heading", "embedded"),
    [
        ("Why did salmon farmers oppose the fjord pipes?", False),
        ("Salmon farmers oppose the fjord pipes:", False),
        ("2. Salmon farmers oppose the fjord pipes", False),
        ("Salmon farmers oppose the fjord pipes", True),
    ],
)
def test_a_heading_shaped_as_a_section_never_opens_an_embedded_story(
    heading: str, embedded: bool
) -> None:
    """A question, a lead-in ending in a colon or a numbered heading is the
    article's own section, however far its paragraphs stray; the same words
    headed as news still open a story of their own."""
    page = "\n".join(
        [
            "Coal plants to close as city turns to heat pumps",
            "By Ola Nordmann",
            LEDE,
            *BODY,
            heading,
            *FJORD_SECTION,
        ]
    )
    stories = article_from_text(page).stories
    assert [s.kind for s in stories] == (["main", "embedded"] if embedded else ["main"])
    assert sum(len(s.paragraphs) for s in stories) == 1 + len(BODY) + len(FJORD_SECTION)


@pytest.mark.parametrize(("marker", "embedded"), [("", False), ("Read more: ", True)])
def test_one_paragraph_under_a_heading_at_the_end_is_a_section_unless_marked(
    marker: str, embedded: bool
) -> None:
    """A last heading with one paragraph is how articles end a section as often
    as how sites insert a card; only a marker says it is a card."""
    page = "\n".join(
        [
            "Coal plants to close as city turns to heat pumps",
            "By Ola Nordmann",
            LEDE,
            *BODY,
            marker + "Salmon farmers oppose the fjord pipes",
            FJORD_SECTION[0],
        ]
    )
    stories = article_from_text(page).stories
    assert [s.kind for s in stories] == (["main", "embedded"] if embedded else ["main"])
    assert stories[-1].paragraphs[-1].text == FJORD_SECTION[0]


def test_with_no_title_a_longer_story_after_a_few_lines_is_not_embedded_in_them() -> None:
    """A sidebar's lines or an article's opening with no headline above them are
    no story to embed a longer one in: it is all one article."""
    sidebar = [
        "Ana Ribeiro has baked bread in Porto for twenty years and writes about flour, "
        "ovens and markets.",
        "She teaches a weekend baking class at the market and answers readers' letters "
        "about sourdough.",
        "Her book on the bakeries of northern Portugal was published in 2021.",
    ]
    headline = "Coal plants to close as city turns to heat pumps"
    page = "\n".join(["Home", "Recipes", "Travel", *sidebar, headline, LEDE, *BODY])
    stories = article_from_text(page).stories
    assert [s.kind for s in stories] == ["main"]
    assert [p.text for p in stories[0].paragraphs] == [*sidebar, LEDE, *BODY]
    assert [text for _, text, _ in stories[0].subheadings] == [headline]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("12 minutes - 2,310 words", "page chrome"),
        ("2,310 words · 12 min", "page chrome"),
        ("4 min", "page chrome"),
        ("Filed under Local Elections", "tags"),
        ("Jump to RecipePrint Recipe", "page chrome"),
        ("Free tide tables app this link opens in a new tab", "page chrome"),
        ("Show more sharing options", "share buttons"),
        ("By Staff Reporter", "byline"),
    ],
)
def test_a_posts_length_tags_and_a_nameless_byline_are_page_furniture(
    line: str, reason: str
) -> None:
    label = label_block(Block(line, 1), block_features(line))
    assert (label.kind, label.reason) == ("remove", reason)


def test_a_byline_with_its_date_and_reading_time_and_no_separator() -> None:
    line = "By Ines Marie Okafor Mar 3, 2026 4 min read"
    label = label_block(Block(line, 1), block_features(line))
    assert (label.kind, label.value) == ("byline", ("Ines Marie Okafor", "Mar 3, 2026"))


def test_lines_of_code_inside_a_post_are_its_text() -> None:
    commands = ["$ pip install tidewatch", "tidewatch --station 42 --days 7", "cache = ~/tides/"]
    page = "\n".join(
        [
            "Home",
            "Blog",
            "About",
            "Reading tide tables from the terminal",
            "By Ola Nordmann",
            "I wanted the week's tides for the harbour without opening a browser, so I wrote "
            "a small tool that fetches them from the public station feed.",
            "Install it with the usual package manager, then ask for a station and the number "
            "of days you want to see, and it prints one line per tide.",
            *commands,
            "The last line goes in the settings file and keeps downloaded tables, so a second "
            "run works offline and takes a fraction of the time.",
            "The station numbers are listed on the harbour authority's site, and the tool "
            "remembers the last one you asked for.",
            "Share",
            "Related posts",
        ]
    )
    paragraphs = [p.text for p in article_from_text(page).stories[0].paragraphs]
    assert all(command in paragraphs for command in commands), paragraphs


def test_a_run_of_short_lines_the_model_keeps_inside_the_story_is_a_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tips set as lines of their own look like headlines with no story under
    them; three in a row that the model keeps are the writer's list."""
    from tui.clean import classifier

    tips = ["Use the walls for shelves", "Pick furniture that folds away", "Choose a bed on legs"]
    real = classifier.score

    def scored(texts: list[str], *args: object, **kwargs: object) -> list[classifier.Scored]:
        cues = real(texts, *args, **kwargs)  # type: ignore[arg-type]
        return [
            classifier.Scored(0.05 if text in {"Home", "News"} else 0.8, cue.cue)
            for text, cue in zip(texts, cues, strict=True)
        ]

    monkeypatch.setattr(classifier, "score", scored)
    page = "\n".join(["Home", "News", "Small flats, big ideas", LEDE, *tips, *BODY])
    paragraphs = [p.text for p in article_from_text(page).stories[0].paragraphs]
    assert paragraphs == [LEDE, *tips, *BODY]


def test_the_title_is_found_past_the_lines_a_page_sets_under_it() -> None:
    """Between a headline and its story a page sets buttons, a credit with its
    date, a standfirst: the title is the headline above them, not the nearest
    short line, and a year in it does not make it a date line."""
    headline = "Budget for 2026 passes after a night of talks"
    standfirst = "The council agreed to spend more on heat pumps and less on roads"
    page = "\n".join(
        [
            "Home",
            "Politics",
            headline,
            standfirst,
            "Oct 30 2025 by Ola Nordmann",
            "Listen now",
            "Share",
            LEDE,
            *BODY,
        ]
    )
    article = article_from_text(page)
    assert article.stories[0].title == headline
    assert [p.text for p in article.stories[0].paragraphs] == [standfirst, LEDE, *BODY]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Listen now"] in {"navigation", "page chrome between the headline and the story"}


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("abcXYZ é’'-_1 .|•·/>:\t"), max_size=40))
def test_words_are_the_same_whichever_expression_reads_them(text: str) -> None:
    """ASCII lines take a faster expression for their words: it must find the same ones."""
    from tui.textstats import WORD, words

    assert words(text) == WORD.findall(text)
    assert words(text.encode("ascii", "ignore").decode()) == WORD.findall(
        text.encode("ascii", "ignore").decode()
    )


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab1٣ |•·/>»:\t\u00a0\n-"), max_size=30))
def test_menu_separators_are_counted_whatever_the_pretest_lets_through(text: str) -> None:
    """Separators are counted only where a cheap test lets them be: it must never
    turn away a line that has some."""
    from tui.clean.features import _MENU_SEPARATORS
    from tui.clean.patterns import BREADCRUMB_SEPARATORS

    feats = block_features(text)
    expected = len(_MENU_SEPARATORS.findall(text))
    if feats.n_words <= 20:
        expected += len(BREADCRUMB_SEPARATORS.findall(text))
    assert feats.separators == expected
    assert feats.digits == sum(ch.isdecimal() for ch in text)


def _over_the_story(*lines: str) -> Article:
    """A page read as text: these lines, then the story (LEDE and BODY)."""
    return article_from_text("\n".join([*lines, LEDE, *BODY]))


def test_a_long_headline_the_model_takes_for_furniture_is_still_the_title() -> None:
    """Fifteen words without a full stop read as a sentence to the rules and as a
    short line to the model; the headlines above it are a site's list, so it is
    not their standfirst: it is the title."""
    headline = (
        "Council votes to close the harbour road to lorries after years of complaints "
        "from residents"
    )
    article = _over_the_story(
        "Home | News | Sport | Business | Culture",
        "Sign in",
        "Most popular",
        "Ferry fares rise again",
        "Storm warning for the coast",
        "Share",
        "Tweet",
        headline,
        "Photo: Harbour Wire",
    )
    assert article.stories[0].title == headline
    assert [p.text for p in article.stories[0].paragraphs] == [LEDE, *BODY]
    removed = [r.text for r in article.removed]
    assert "Storm warning for the coast" in removed and "Ferry fares rise again" in removed


def test_a_headline_set_as_the_first_long_line_is_the_title_when_none_stands_above() -> None:
    """Only short labels above the story ("Travel", "Attend Events"): the first
    line, capitalised and without a sentence's end, is the headline."""
    headline = "The city that wants to heat every home with the warmth of its fjord"
    article = _over_the_story("Home", "Travel", "Attend Events", headline)
    assert article.stories[0].title == headline
    assert [p.text for p in article.stories[0].paragraphs] == [LEDE, *BODY]


def test_a_headline_with_every_word_capitalised_over_its_byline_is_the_title() -> None:
    """No function word and every word capitalised reads as a menu row; the
    line right above the byline and the story is the headline all the same."""
    headline = "Next-Gen Heat Pumps Promise Warmer Arctic Homes"
    article = _over_the_story(
        "Home", "Tech", "Storage", headline, "By Ola Nordmann", "February 7, 2020"
    )
    assert article.stories[0].title == headline
    assert article.metadata.byline == "Ola Nordmann"
    assert [p.text for p in article.stories[0].paragraphs] == [LEDE, *BODY]


@pytest.mark.parametrize(
    ("line", "month_first", "expected"),
    [
        ("July 24, 2019 by Amy Motroni 5 Comments", True, "2019-07-24"),
        ("by J.O. Haselhoef Apr. 26, 2022Apr. 26, 2022", True, "2022-04-26"),
        (
            "Published: 22:00 GMT, 26 September 2020 | Updated: 28 September 2020",
            True,
            "2020-09-26",
        ),
        ("Science links (December 14th 2019)", True, "2019-12-14"),
        ("By Ela on 31. October, 2023 | 18 Comments", True, "2023-10-31"),
        ("Veröffentlicht am 3. März 2021 von Jana Weber", False, "2021-03-03"),
        ("21 de abril de 2022, 14:32", False, "2022-04-21"),
        ("Publié le 1er mars 2020 à 10h", False, "2020-03-01"),
        ("Mis à jour le 12 décembre 2019", False, "2019-12-12"),
        ("04.02.2022, 15:29 Uhr", True, "2022-02-04"),  # a dot: the day comes first
        ("07/05/2024", True, "2024-07-05"),  # an English page: July 5th
        ("07/05/2024", False, "2024-05-07"),  # a European page: May 7th
        ("15/07/2014", True, "2014-07-15"),  # no month 15: the day comes first anyway
        ("2021/09/19", True, "2021-09-19"),
        ("31.02.2020 or rather 02.03.2020", False, "2020-03-02"),  # no such day: the next
        ("Read in 5 minutes", True, None),
        ("The 1990s were 30 years ago", True, None),
    ],
)
def test_a_date_is_read_however_a_page_writes_it(
    line: str, month_first: bool, expected: str | None
) -> None:
    from tui.clean.dates import full_date

    assert full_date(line, month_first) == expected


def test_the_date_in_a_credit_line_under_the_headline_is_the_publication_date() -> None:
    """A line that holds the date among other things ("… by Amy Motroni 5
    Comments") is no date line, but its date is when the story was published."""
    headline = "Budget for heat pumps passes after a night of talks"
    article = _over_the_story(
        "Home", "Politics", headline, "July 24, 2019 by Ola Nordmann 5 Comments"
    )
    assert article.stories[0].title == headline
    assert article.metadata.date == "2019-07-24"
    assert [p.text for p in article.stories[0].paragraphs] == [LEDE, *BODY]


def test_a_german_pages_date_and_reading_time_are_read_as_such() -> None:
    lede = (
        "Die Stadt Tromsø will bis zum Ende des Jahrzehnts zwei Kohlekraftwerke schließen, "
        "wie der Stadtrat am Mittwoch mit großer Mehrheit beschlossen hat."
    )
    body = [
        "Die Bürgermeisterin sagte, die Wärme solle künftig aus dem Fjord kommen, mit "
        "Wärmepumpen, wie sie in zwei kleineren Orten schon seit Jahren laufen.",
        "Die Gegner der Pläne verwiesen auf die Kosten, die sich nach ihren Angaben auf "
        "mehr als eine Milliarde Kronen belaufen könnten, und auf die Risiken für die Fische.",
    ]
    headline = "Tromsø schließt seine Kohlekraftwerke bis 2030"
    page = "\n".join(
        [
            "Startseite",
            "Politik",
            headline,
            "Veröffentlicht am 15.07.2014 von Jana Weber",
            "Lesezeit: 4 Minuten",
            lede,
            *body,
        ]
    )
    article = article_from_text(page)
    assert article.stories[0].title == headline
    assert article.metadata.date == "2014-07-15"
    assert [p.text for p in article.stories[0].paragraphs] == [lede, *body]
    assert "Lesezeit: 4 Minuten" in [r.text for r in article.removed]


def test_the_categories_are_the_trail_above_the_headline_not_the_menus() -> None:
    """Lines of links shaped like trails are mostly menus: the site's own pages
    ("Login", "Contact"), a pair of tabs, a brand's glued name. The trail nearest
    the headline names the story's sections, without the headline it ends with."""
    headline = "Two coal-fired plants in the north to close"
    article = _over_the_story(
        "LoginRegisterLogout",
        "FiveThirtyEight",
        "Contact / Disclaimer",
        "Home » World » Europe » Two coal-fired plants in the north to close",
        headline,
        "By Ola Nordmann",
    )
    assert article.stories[0].title == headline
    assert article.metadata.categories == ["World", "Europe"]


def test_a_page_with_only_menus_shaped_like_trails_has_no_categories() -> None:
    headline = "Two coal-fired plants in the north to close"
    article = _over_the_story(
        "HoustonSouthwestSoutheast",
        "Impressum / Kontakt",
        "NewsSportWeatherTravelCultureMoneyScienceHealth",
        headline,
    )
    assert article.stories[0].title == headline
    assert article.metadata.categories == []


def test_a_trail_ending_with_the_headline_says_which_line_is_the_title() -> None:
    """A button of four words nearer the story would pass for the headline; the
    trail of sections ends with the page's headline, and that line is the title."""
    headline = "Chocolate frosting without powdered sugar"
    article = _over_the_story(
        "Home",
        "Recipes",
        "Home » Recipes » Cakes » Chocolate frosting without powdered sugar",
        headline,
        "Jump to Recipe",
        "Rate This Recipe Now",
    )
    assert article.stories[0].title == headline
    assert article.metadata.categories == ["Recipes", "Cakes"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Richard Adams Education editor", "byline"),
        ("Courtesy of Forests News", "photo caption"),
        ("Send a News Tip", "page chrome"),
        ("Get author RSS feed", "page chrome"),
        # A newsletter's, a wire's and a release's own lines.
        ("Was this email forwarded to you? Sign up", "newsletter prompt"),
        ("Thanks for reading! Just hit reply to this email with your tips.", "newsletter prompt"),
        ("The Transit Letter is written by Ana Lund and edited by Per Berg.", "reporting credits"),
        ("Share this article: Facebook | X | Email", "share buttons"),
        ("Home About Archive Contact", "navigation"),
        ("BC-EU--Norway-Energy", "wire slug"),
        ("BC-Markets-Asia,1st Ld-Writethru", "wire slug"),
        ("Senior energy correspondent", "byline"),
        ("We value your privacy", "cookie notice"),
    ],
)
def test_a_newsrooms_credit_lines_and_buttons_are_not_headlines(line: str, reason: str) -> None:
    """Four words or more and capitalised, they would pass for the title; the
    ones that end an article end it."""
    label = label_block(Block(line, 1), block_features(line))
    assert (label.kind, label.reason) in {("remove", reason), ("terminal", reason)}


def test_a_capitalised_headline_over_its_standfirst_and_byline_is_the_title() -> None:
    """Between the headline and its byline a standfirst may stand; writers'
    names, capitalised and split by a comma, are not a headline."""
    headline = "Next-Gen Heat Pumps Promise Warmer Arctic Homes"
    standfirst = "The city council wants every home warmed by the fjord by the end of the decade."
    article = _over_the_story(
        "Home",
        "Tech",
        headline,
        standfirst,
        "Ola Nordmann, Kari Hansen",
        "February 7, 2020",
        "Share",
        "Comments",
    )
    assert article.stories[0].title == headline
    assert article.metadata.date == "2020-02-07"
    assert article.metadata.byline == "Ola Nordmann, Kari Hansen"
    assert LEDE in [p.text for p in article.stories[0].paragraphs]


def test_a_rule_is_written_for_lower_case_text() -> None:
    """Rules match the block in lower case: a capital in one could never match."""
    with pytest.raises(ValueError, match="capital"):
        _rule("chrome.test", "page chrome", r"Back to top")
    assert CHROME.match("BACK TO TOP ↑") is CHROME.match("back to top ↑") is not None


def test_a_sites_server_warnings_are_removed() -> None:
    """A PHP site that prints its warnings sets them above the page: they are
    no article, however many words they run to. (No pattern of their own: on
    the dev pages one fired on six pages and scored below the classifier.)"""
    warnings = [
        "Deprecated: Assigning the return value of new by reference is deprecated in "
        "/www/htdocs/site/wp-settings.php on line 472",
        "Strict Standards: Declaration of Walker_Page::start_lvl() should be compatible "
        "with Walker::start_lvl(&$output) in /www/htdocs/site/wp-includes/classes.php on line 1199",
    ]
    article = _over_the_story(*warnings, "Tromsø closes its coal heating plants")
    assert article.title == "Tromsø closes its coal heating plants"
    removed = {r.text for r in article.removed}
    assert all(warning in removed for warning in warnings)


def test_a_recipes_steps_numbered_on_lines_of_their_own_are_its_text() -> None:
    """Flattened, each step's number is a line and the step the next: the steps
    are the writer's list, not short lines among page furniture."""
    steps = [
        "Sift the flour and the cornflour into a large bowl.",
        "Rub in the butter until the mixture looks like breadcrumbs.",
        "Stir in the sugar and bring it together with the egg.",
        "Roll the dough into balls and press each one flat on a tray.",
        "Bake for twelve minutes, until the edges are golden.",
    ]
    numbered = [line for n, step in enumerate(steps, start=1) for line in (f"{n}.", step)]
    top = ["Home | Recipes | Baking", "Cornflour biscuits", "Ingredients", "Method"]
    tail = ["You may also like", "Chocolate cookies", "Oat cookies", "© 2024 Bake Site"]
    page = "\n".join([*top, *numbered, *tail])
    paragraphs = [p.text for p in article_from_text(page).stories[0].paragraphs]
    assert [f"{n}. {step}" for n, step in enumerate(steps, start=1)] == [
        p for p in paragraphs if p[:1].isdigit()
    ]


def test_the_sentences_after_an_advertisement_slot_still_run_on_from_the_story() -> None:
    """After the last block the model keeps, the rules' prose runs on as the
    story's end, past a slot set into the text, but not past a list's header."""
    from tui.clean.context import sentence_run_end
    from tui.clean.types import Label

    prose, slot = Label("prose"), Label("remove", "advertisement")
    most_read = Label("list", "most-read list")
    assert sentence_run_end([prose, prose, slot, prose, most_read, prose], 1) == 3
    assert sentence_run_end([prose, prose, slot, most_read, prose], 1) == 1
    assert sentence_run_end([prose, prose, most_read, prose], 1) == 1


def test_a_caption_under_the_standfirst_over_a_credit_and_byline_is_removed() -> None:
    """Headline, standfirst, a photo's caption and credit, then the byline: the
    caption ends in a full stop, but the header has not ended yet."""
    caption = "Steam rises from the old coal plant on a cold morning."
    standfirst = "The council wants every home warmed by the fjord by the end of the decade"
    article = _over_the_story(
        "Tromsø closes its coal heating plants",
        standfirst,
        caption,
        "Photograph: Kari Hansen/Nordlys",
        "By Ola Nordmann",
        "March 3, 2024",
    )
    paragraphs = [p.text for p in article.stories[0].paragraphs]
    assert paragraphs[:2] == [standfirst, LEDE]
    assert {r.text: r.reason for r in article.removed}[caption] == "photo caption"


@pytest.mark.parametrize(
    ("row", "sections"),
    [
        ("Climate | Energy", ["Climate", "Energy"]),
        ("World • Europe • Norway", ["World", "Europe", "Norway"]),
        ("Contact | Imprint", []),  # the site's own pages
        ("12.03.2024 | Energy", []),  # a date
    ],
)
def test_a_row_of_sections_right_over_the_headline_is_the_pages_trail(
    row: str, sections: list[str]
) -> None:
    article = _over_the_story(
        "Nordlys", row, "Tromsø closes its coal heating plants", "By Ola Nordmann"
    )
    assert article.title == "Tromsø closes its coal heating plants"
    assert article.metadata.categories == sections


def test_a_line_opening_with_a_lower_case_brand_is_not_a_broken_sentence() -> None:
    """A line in lower case goes on from a broken one, but "iPhone" opens a line."""
    from tui.ingest.text import text_blocks

    lines = [
        "Related: phone makers cut prices ahead of the holiday season in Europe",
        "iPhone sales fell by a tenth in the quarter, the company said on Tuesday.",
    ]
    assert [b.text for b in text_blocks("\n".join(lines))] == lines


def test_a_row_of_links_in_a_hard_wrapped_text_is_a_block_of_its_own() -> None:
    from tui.ingest.text import text_blocks

    wrapped = (
        "The council will keep the night buses running for another year after\n"
        "a trial found that more people used them than it had expected, and\n"
        "that the cost per passenger fell by a third over the six months.\n"
        "\n"
        "Drivers said the late routes were quieter and safer than they had\n"
        "feared, and the union asked for the trial to be made permanent.\n"
        "\n"
        "The Transit Letter is written by Ana Lund and edited by Per Berg.\n"
        "Unsubscribe | Preferences | Archive\n"
    )
    texts = [b.text for b in text_blocks(wrapped)]
    assert texts[-2:] == [
        "The Transit Letter is written by Ana Lund and edited by Per Berg.",
        "Unsubscribe | Preferences | Archive",
    ]


@pytest.mark.parametrize(
    "line",
    ["Letters to the editor", "Mail the editor", "A Senior Reporter Writes About It Every Day"],
)
def test_a_section_naming_an_editor_is_no_byline(line: str) -> None:
    label = label_block(Block(line, 1), block_features(line))
    assert label.reason != "byline"


def test_a_reading_time_before_the_date_is_the_date_line() -> None:
    line = "4 min read · 3 March 2024"
    label = label_block(Block(line, 1), block_features(line))
    assert (label.kind, label.reason) == ("date", "publication date")


def test_a_line_marked_latest_or_breaking_is_a_card() -> None:
    line = "Breaking: Snow closes the pass to Narvik"
    label = label_block(Block(line, 1), block_features(line))
    assert (label.kind, label.value) == ("headline", "related")


def test_a_marked_card_before_the_pages_own_headline_is_an_embedded_story() -> None:
    """ "Latest: …" and its paragraphs above the headline that a byline and
    the story follow: the card is a story of its own, not the page's."""
    card = "Latest: Snow closes the mountain pass to Narvik for the night"
    article = _over_the_story(
        "Local | Breaking",
        card,
        "Snow closed the mountain pass between Tromsø and Narvik on Tuesday evening, and "
        "police said it would stay shut until the ploughs could clear it in the morning.",
        "Drivers were told to stay in Tromsø or take the coast road through the snow.",
        "Tromsø closes its coal heating plants",
        "By Ola Nordmann",
    )
    assert article.title == "Tromsø closes its coal heating plants"
    assert article.metadata.categories == ["Local"]
    assert [s.kind for s in article.stories] == ["main", "embedded"]
    assert article.stories[1].title == "Snow closes the mountain pass to Narvik for the night"
    assert article.stories[0].paragraphs[0].text == LEDE


def test_a_list_after_the_articles_end_gives_its_items_its_reason() -> None:
    tail = "\n".join(["Comments", "Read next", "Ferry fares rise again", "Snow closes pass"])
    article = article_from_text(
        "\n".join(["Tromsø closes its coal heating plants", "By Ola Nordmann", LEDE, *BODY, tail])
    )
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Comments"] == "comments"
    assert reasons["Ferry fares rise again"] == "related links"


def test_a_live_blogs_entries_under_their_time_stamps_are_its_text() -> None:
    """Entries under "date and time" lines read to the model as cards in a
    list; under time stamps, again and again, they are the story. A card's
    date alone (no clock time) makes no entry."""
    entries = [
        "Ferries between Tromsø and Skjervøy are cancelled for the rest of the day, the "
        "operator said, as waves reached six metres.",
        "Police have closed the E8 south of the city after a lorry slid off the road near "
        "the airport. No one was hurt.",
        "The storm is expected to reach the Finnmark coast by the evening, with gusts of up "
        "to 40 metres a second.",
    ]
    stamps = ["Tue 5 Mar 2024 11.02 CET", "Tue 5 Mar 2024 10.40 CET", "Tue 5 Mar 2024 10.15 CET"]
    page = "\n".join(
        [
            "Live",
            "Storm Ingunn: ferries cancelled as winds reach the north",
            "Key events",
            "Show key events only",
            *[line for pair in zip(stamps, entries, strict=True) for line in pair],
            "Updated at 11.05 CET",
            "Comments",
        ]
    )
    article = article_from_text(page)
    assert article.title == "Storm Ingunn: ferries cancelled as winds reach the north"
    assert [p.text for p in article.stories[0].paragraphs] == entries
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Show key events only"] == "page chrome"
    assert reasons["Updated at 11.05 CET"] == "time stamp"


def test_the_next_numbered_section_goes_on_with_the_article() -> None:
    """ "4. …" after "3. …" is the list's next section, though the page's end
    is near and the model doubts it."""
    sections = [
        (
            "1. The harbour walk",
            "Start at the fish market and follow the quay to the old ferry pier.",
        ),
        ("2. The cable car", "The cable car climbs 420 metres to a viewpoint over the islands."),
        ("3. The island bridge", "Cross the bridge on foot for the best view of the city lights."),
        ("4. The midnight sun", "In June the sun never sets, and the cafés stay open late."),
    ]
    page = "\n".join(
        [
            "Home > Travel",
            "Four walks to take in Tromsø",
            "By Ola Nordmann",
            LEDE,
            *[line for pair in sections for line in pair],
            "Advertisement",
            "You might also like",
            "The best ferry routes along the coast",
        ]
    )
    story = article_from_text(page).stories[0]
    assert [text for _, text, _ in story.subheadings] == [head for head, _ in sections]
    assert story.paragraphs[-1].text == sections[-1][1]


def test_a_headline_over_its_standfirst_and_byline_reads_two_sentences() -> None:
    """A columnist's headline may be two sentences; its standfirst and byline
    under it say it is the headline, and the site's prompt and the writer's
    biography are not the column."""
    headline = "Tromsø does not need more roads. It needs more ferries"
    page = "\n".join(
        [
            "Comment",
            headline,
            "The fjord was the city's first road, and it could be its best one again",
            "Kari Hansen",
            "Sat 9 Mar 2024 07.00 CET",
            LEDE,
            *BODY,
            "Kari Hansen is a transport planner and the author of Harbour Towns.",
            "Do you have an opinion on the issues raised in this article? Email us a letter.",
        ]
    )
    article = article_from_text(page)
    assert article.title == headline
    assert article.metadata.byline == "Kari Hansen"
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[page.split("\n")[-2]] == "author biography"
    assert reasons[page.split("\n")[-1]] == "reader prompt"


def test_a_time_before_the_date_and_a_dateline_under_a_summarys_points() -> None:
    """ "Updated 4:12 PM GMT+2, April 11, 2024" is the date line; "TROMSØ, Norway
    (AP) —" under a summary's points is the dateline, and the points' heading
    opens the story."""
    page = "\n".join(
        [
            "Tromsø closes its coal heating plants",
            "Key points",
            "- Two coal-fired plants will close by the end of the decade.",
            "- Heat pumps drawing warmth from the fjord will replace them.",
            "By Ola Nordmann",
            "Updated 4:12 PM GMT+2, April 11, 2024",
            "TROMSØ, Norway (AP) — " + LEDE,
            *BODY,
        ]
    )
    article = article_from_text(page)
    assert article.metadata.date == "2024-04-11"
    assert article.metadata.dateline == "TROMSØ, Norway (AP)"
    assert [text for _, text, _ in article.stories[0].subheadings] == ["Key points"]


def test_an_interviews_questions_are_its_text_not_headings() -> None:
    questions = ["Q: Why the fjord?", "Q: What comes next for the plants?"]
    answers = [
        "A: Because the water stays at four degrees all winter, and pumps can use that.",
        "A: The first closes in 2027, the second two years later, when the pumps are in.",
    ]
    page = "\n".join(
        [
            "Tromsø closes its coal heating plants",
            "By Ola Nordmann",
            LEDE,
            *[line for pair in zip(questions, answers, strict=True) for line in pair],
            *BODY,
        ]
    )
    story = article_from_text(page).stories[0]
    assert story.subheadings == []
    assert questions[0] in [p.text for p in story.paragraphs]


def test_a_press_release_dates_itself_in_its_dateline_and_ends_at_its_mark() -> None:
    page = "\n".join(
        [
            "FOR IMMEDIATE RELEASE",
            "Tromsø closes its coal heating plants",
            "TROMSØ, 3 March 2025 – " + LEDE,
            *BODY,
            "###",
            "About the City of Tromsø",
            "Tromsø is the largest city in northern Norway.",
            "Media contact: press@tromso.example",
        ]
    )
    article = article_from_text(page)
    assert article.title == "Tromsø closes its coal heating plants"
    assert article.metadata.date == "2025-03-03"
    assert article.metadata.dateline == "TROMSØ, 3 March 2025"
    assert len(article.stories[0].paragraphs) == 1 + len(BODY)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["FOR IMMEDIATE RELEASE"] == "release header"
    assert reasons["Tromsø is the largest city in northern Norway."] == "end of release"


def test_a_wires_result_lines_before_its_credits_are_its_text() -> None:
    """Between wire copy's last sentence and its credits, short lines of
    results are the story's; the capitals over the headline are its slug."""
    results = ["Tromsø 2 Bodø 1", "Molde 0 Rosenborg 0", "Tromsø go top on goal difference"]
    page = "\n".join(
        [
            "SOCCER-NORWAY ELITESERIEN ROUNDUP",
            "Tromsø go top after late winner against Bodø",
            "By Ola Nordmann",
            "OSLO, May 12 (Wirewatch) - Tromsø scored in the 89th minute to beat Bodø 2-1 on "
            "Sunday and go top of the league for the first time in twenty years.",
            "Molde and Rosenborg drew 0-0 in a match played in heavy rain.",
            *results,
            "(Reporting by Ola Nordmann; Editing by Kari Hansen)",
        ]
    )
    article = article_from_text(page)
    assert [p.text for p in article.stories[0].paragraphs][-3:] == results
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["SOCCER-NORWAY ELITESERIEN ROUNDUP"] == "wire slug"


def test_bulleted_items_under_a_related_list_are_its_links() -> None:
    items = ["* Ferry fares rise again in the spring", "* Snow closes the mountain pass to Narvik"]
    page = "\n".join(
        [
            "Tromsø closes its coal heating plants",
            "By Ola Nordmann",
            LEDE,
            *BODY,
            "Related stories",
            *items,
            "© 2025 Nordlys",
        ]
    )
    article = article_from_text(page)
    assert [p.text for p in article.stories[0].paragraphs] == [LEDE, *BODY]
    reasons = {r.text: r.reason for r in article.removed}
    assert [reasons[item] for item in items] == ["related links"] * 2


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["Press release: 3 March 2025", "Tromsø closes its coal heating plants"], 1),
        (["News release", "Tromsø closes its coal heating plants"], 1),
        (["Press release: Tromsø closes its coal heating plants"], 0),
    ],
)
def test_a_releases_label_goes_and_its_headline_is_the_title(lines: list[str], title: int) -> None:
    """A release's label over its headline is no title (without its rule,
    chrome.release-header, the label is taken for one); a headline after it is."""
    article = article_from_text("\n".join([*lines, "TROMSØ, 3 March 2025 – " + LEDE, *BODY]))
    assert article.title == lines[title]
    assert {r.text for r in article.removed} == set(lines[:title])


def test_every_removed_block_names_the_rule_that_decided() -> None:
    """Rule ids are declared once and say which rule removed a block; a reader's
    reason may be shared by several rules, an id never."""
    from tests.conftest import ARTICLES, SAMPLE
    from tui.clean.patterns import CHROME_RULES, LIST_SECTIONS, TERMINAL_SECTIONS
    from tui.pipeline import read_article

    ids = [rule.id for rule in (*CHROME_RULES, *LIST_SECTIONS, *TERMINAL_SECTIONS)]
    assert len(ids) == len(set(ids))
    for path in ARTICLES:
        for removed in read_article(path).removed:
            assert removed.rule and removed.rule.count(".") >= 1, (path.name, removed)
    rules = {r.text: r.rule for r in read_article(SAMPLE).removed}
    assert rules == {
        "Asia-PacificKoreaWorld News": "block.breadcrumb",
        "Back to top button": "chrome.buttons",
    }


def test_the_classifier_s_removals_carry_its_score_and_evidence() -> None:
    from tests.conftest import SAMPLE_DATA
    from tui.pipeline import read_article

    learned = [
        r
        for path in sorted(SAMPLE_DATA.glob("*.txt"))
        for r in read_article(path).removed
        if r.rule == "learned.classifier"
    ]
    assert learned
    for removed in learned:
        assert removed.score is not None and 0.0 <= removed.score < 0.5
        assert removed.evidence and all(pull < 0 for _, pull in removed.evidence)
        assert removed.reason.startswith("page chrome (")
