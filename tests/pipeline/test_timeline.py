"""Timeline: the sample's events exactly, and normalisation rules on articles
with other dates (tense, year boundaries, ISO weeks, leap days)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tui.cli import main
from tui.model import Analysis
from tui.pipeline import Options, analyze, analyze_article, article_from_text

SAMPLE_TIMELINE = [
    ("in 2011", "2011", "embedded-1"),
    ("last year", "2017", "main"),
    ("on New Year’s Day", "2018-01-01", "main"),
    ("since February", "2018-02", "main"),
    ("last month / in late March", "2018-03", "embedded-1"),
    ("last week", "2018-W14", "main"),
    ("on Monday", "2018-04-09", "main"),
    ("later on Tuesday", "2018-04-10", "main"),
    ("on April 27", "2018-04-27", "main"),
    ("in the upcoming weeks", "FUTURE_REF", "main"),
    ("in May or June", "2018-05|2018-06", "main"),
]


def _written(analysis: Analysis) -> list[str]:
    from tui.render.console import event_written

    return [event_written(e).lower() for e in analysis.timeline]


@pytest.fixture(scope="module")
def sample() -> Analysis:
    return analyze(SAMPLE)


def test_sample_timeline_is_exact(sample: Analysis) -> None:
    got = [(w, e.value, e.story) for w, e in zip(_written(sample), sample.timeline, strict=True)]
    assert got == [(w.lower(), v, s) for w, v, s in SAMPLE_TIMELINE]
    late_march = sample.timeline[4]
    assert late_march.mod == "END" and late_march.label == "late March 2018"
    assert sample.timeline[0].label == "2011"
    assert sample.timeline[6].label == "Mon 9 Apr 2018"
    assert sample.timeline[10].label == "May or June 2018"


def test_sample_events_carry_sentence_and_entities(sample: Analysis) -> None:
    monday = sample.timeline[6]
    assert monday.sentence.startswith("Foreign Minister Ri arrived in the Russian capital")
    names = {e.id: e.name for e in sample.entities}
    assert {"Ri Yong-ho", "Moscow"} <= {names[i] for i in monday.entities}
    texts = {s.id: s.text for s in sample.article.stories}
    for event in sample.timeline:
        assert texts[event.story][event.start : event.end] == event.text
        assert texts[event.story][event.sentence_start : event.sentence_end] == event.sentence


def test_durations_and_bare_adverbs_stay_off_the_timeline(sample: Analysis) -> None:
    kinds = {t.text: (t.type, t.value, t.plot) for t in sample.time_expressions}
    assert kinds["three-day"] == ("DURATION", "P3D", False)
    assert kinds["currently"] == ("DATE", "PRESENT_REF", False)
    # "Earlier" alone places nothing and news annotation leaves it unmarked.
    assert "Earlier" not in kinds


def test_without_a_date_events_keep_reading_order_and_relative_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "article.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    analysis = analyze(copy)
    assert analysis.article.metadata.date is None
    order = [(e.story != "main", e.start) for e in analysis.timeline]
    assert order == sorted(order)
    labels = {e.text.lower(): e for e in analysis.timeline}
    assert labels["last week"].value is None and labels["last week"].label.lower() == "last week"
    assert labels["on monday"].value == "XXXX-WXX-1"
    assert labels["in 2011"].value == "2011"
    assert main(["analyze", str(copy)]) == 0
    assert "publication date unknown" in capsys.readouterr().out


def _timeline(date: str, *paragraphs: str) -> Analysis:
    text = "\n\n".join(["Port strike talks continue in Rotterdam", *paragraphs])
    return analyze_article(article_from_text(text), Options(date=date))


def _values(analysis: Analysis) -> dict[str, str | None]:
    return {t.text.lower(): t.value for t in analysis.time_expressions}


def test_weekdays_follow_the_tense_of_their_sentence() -> None:
    # 2023-06-14 is a Wednesday.
    analysis = _timeline(
        "2023-06-14",
        "Dock workers walked out on Monday and unions said they would meet managers on Friday.",
        "The port authority will publish its figures on Wednesday, and it said on Thursday "
        "last week that traffic had fallen.",
    )
    values = _values(analysis)
    assert values["monday"] == "2023-06-12"
    assert values["friday"] == "2023-06-16"
    assert values["wednesday"] == "2023-06-14"


def test_a_past_form_in_a_supposition_looks_ahead() -> None:
    # "if the strike lasted into December", written in November, supposes a
    # December to come; "asked if the ships arrived in October" asks of one gone.
    analysis = _timeline(
        "2026-11-24",
        "Retailers warned of empty shelves if the strike lasted into December.",
        "The union would walk out again if the talks failed in January.",
        "A reporter asked if the ships arrived in October.",
    )
    values = _values(analysis)
    assert values["december"] == "2026-12"
    assert values["january"] == "2027-01"
    assert values["october"] == "2026-10"


def test_last_month_in_january_and_december_in_a_january_article() -> None:
    analysis = _timeline(
        "2024-01-09",
        "Container volumes fell last month, and the December figures were the lowest since 2009.",
        "In December, the port handled 1.1 million containers. Talks resume in March.",
    )
    values = _values(analysis)
    assert values["last month"] == "2023-12"
    assert values["december"] == "2023-12"
    assert values["march"] == "2024-03"


def test_iso_weeks_at_the_year_end_and_two_weeks_ago() -> None:
    analysis = _timeline(
        "2021-01-05",
        "The strike began last week and the first talks were held two weeks ago.",
        "Earlier this year, officials said, a deal had seemed close.",
    )
    values = _values(analysis)
    assert values["last week"] == "2020-W53"
    assert values["two weeks ago"] == "2020-W52"
    assert values["earlier this year"] == "2021"


def test_leap_day_and_holidays() -> None:
    analysis = _timeline(
        "2024-03-04",
        "The contract expired on February 29 and workers last struck on Christmas Eve.",
        "A vote is planned for Easter Monday.",
    )
    values = _values(analysis)
    assert values["february 29"] == "2024-02-29"
    assert values["christmas eve"] == "2023-12-24"
    assert values["easter monday"] == "2024-04-01"


def test_alternatives_modifiers_and_future_windows() -> None:
    analysis = _timeline(
        "2022-10-03",
        "A ruling is expected in November or December, and the union has struck since early "
        "September. The port says it will be back to normal by the end of the decade.",
        "In the coming months the port will hire 300 staff.",
    )
    by_text = {t.text.lower(): t for t in analysis.time_expressions}
    assert by_text["november or december"].value == "2022-11|2022-12"
    assert by_text["early september"].value == "2022-09"
    assert by_text["early september"].mod == "START"
    assert by_text["the end of the decade"].value == "202"
    assert by_text["the end of the decade"].mod == "END"
    assert by_text["the coming months"].value == "FUTURE_REF"


def test_timeline_is_sorted_with_ties_in_reading_order() -> None:
    analysis = _timeline(
        "2019-05-20",
        "The union said on Monday it would strike. "
        "The ministry also said on Monday it was ready to talk.",
        "Last year the port had a record, and in 2015 it opened a new terminal.",
    )
    values = [e.value for e in analysis.timeline]
    assert values == ["2015", "2018", "2019-05-20", "2019-05-20"]
    assert analysis.timeline[2].sentence.startswith("The union said")


def test_model_numbers_and_counts_are_not_years() -> None:
    analysis = _timeline(
        "2024-03-15",
        "The RTX 2060 and the GTX 1660 cards sold out in 2019, the retailer said.",
        "Police said 2000 people marched, and 1800 jobs went at the plant.",
        "Budget cuts in FY 2023 hit the 2020 votes count.",
    )
    values = _values(analysis)
    assert values.get("2019") == "2019"
    assert "2060" not in values and "1660" not in values
    assert "2000" not in values and "1800" not in values
    written = {t.text for t in analysis.time_expressions}
    assert {"2020", "2023"} <= written  # "the 2020 votes", "FY 2023": years


def test_black_friday_is_one_day_in_the_nearest_year() -> None:
    before = _timeline("2024-11-20", "Stores expect record crowds on Black Friday.")
    assert _values(before)["black friday"] == "2024-11-29"
    after = _timeline("2025-01-08", "Sales on Black Friday fell, the chain said on Tuesday.")
    assert _values(after)["black friday"] == "2024-11-29"
    assert "friday" not in _values(after)


def test_alternatives_sort_as_their_first_month() -> None:
    analysis = _timeline(
        "2024-03-15",
        "A vote is due in May or June. The report is due on May 20. A draft came on May 2.",
    )
    assert [e.value for e in analysis.timeline] == ["2024-05-02", "2024-05|2024-06", "2024-05-20"]


def test_what_is_measured_against_a_plan_keeps_the_tense_of_its_verb() -> None:
    """ "grew more slowly than expected in September": the growth is past, so
    the September is the one before an October article, not the next."""
    values = _values(
        _timeline(
            "2025-10-07",
            "Exports grew more slowly than expected in September, officials said.",
            "The ministry expected a recovery in November.",
        )
    )
    assert values["september"] == "2025-09"
    assert values["november"] == "2025-11"


def test_an_ordinal_second_and_a_while_before_an_event_are_no_dates() -> None:
    """ "for a second day" counts no seconds; "three hours before the deadline"
    counts from an event with no date, so it is a while; "two days before",
    alone, counts back from the day the story last named (2023-09-26)."""
    analysis = _timeline(
        "2023-09-30",
        "Prices fell for a second day on Friday.",
        "The bill passed three hours before the deadline.",
        "The ferry sailed on Tuesday. Two days before, the crew had been paid.",
    )
    values = _values(analysis)
    assert "a second" not in values
    assert values["three hours"] == "PT3H"
    assert values["two days before"] == "2023-09-24"


def test_a_clock_time_is_on_the_day_the_story_last_named() -> None:
    """ "capsized on Wednesday evening … when a squall struck at about 6pm": the
    story's Wednesday, not the day it was published; with no day named, that day."""
    values = _values(
        _timeline(
            "2025-08-14",
            "Six people were rescued on Wednesday evening after their yacht capsized.",
            "A squall struck at about 6pm, the coastguard said.",
        )
    )
    assert values["6pm"] == "2025-08-13T18:00"
    alone = _values(_timeline("2025-08-14", "The road reopened at 7am, police said."))
    assert alone["7am"] == "2025-08-14T07:00"
