"""Plain-text ingest: encodings, line ends, whitespace, wrapping, sidecars."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.errors import LedeError
from tui.ingest import read_path, read_string
from tui.ingest.decode import sanitize
from tui.ingest.text import text_blocks

PROSE = (
    "Officials said on Friday that the bridge would reopen next month after repairs.\n\n"
    "The work cost more than expected, according to the city’s “final” figures.\n"
)


def test_crlf_bom_and_typographic_quotes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PROSE.replace("\n", "\r\n").encode("utf-8"))
    raw = read_path(path)
    assert [b.text for b in raw.blocks] == [
        "Officials said on Friday that the bridge would reopen next month after repairs.",
        "The work cost more than expected, according to the city’s “final” figures.",
    ]
    assert [b.source_line for b in raw.blocks] == [1, 3]


def test_windows_1252_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "Le café a rouvert ses portes à Genève, a déclaré le propriétaire.\n" * 4
    path.write_bytes(text.encode("cp1252"))
    assert read_path(path).blocks[0].text.startswith("Le café a rouvert ses portes à Genève")


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(PROSE.encode("utf-16"))
    assert read_path(path).blocks[1].text.endswith("“final” figures.")


def test_odd_whitespace_is_normalised() -> None:
    decoded = sanitize("One\u00a0two\u2003three\tfour\u200b five")
    # A tab stays a column gap (two spaces) until the blocks are cut.
    assert decoded.text == "One two three  four five"
    assert [b.text for b in text_blocks(decoded.text)] == ["One two three four five"]


def test_aligned_columns_are_one_table_block() -> None:
    rows = "Team\tPlayed\tPoints\nNorthgate  9  22\nEastwick   9  21\n"
    (table,) = text_blocks(sanitize(rows).text)
    assert table.kind == "table" and table.source_line == 1
    assert table.text.split("\n") == ["Team\tPlayed\tPoints", "Northgate\t9\t22", "Eastwick\t9\t21"]


def test_sentence_per_line_runs_are_paragraphs_only_between_blank_lines() -> None:
    wire = "Headline here\n\nFirst sentence of the story here.\nSecond sentence follows on.\n"
    assert [b.text for b in text_blocks(wire)] == [
        "Headline here",
        "First sentence of the story here. Second sentence follows on.",
    ]
    scraped = "First paragraph of the story here.\nSecond paragraph follows on.\n"
    assert len(text_blocks(scraped)) == 2


def test_paragraphs_a_line_each_stay_paragraphs_under_a_blank_line() -> None:
    """A page saved a paragraph per line, with one blank line under its header:
    its paragraphs are not sentences a line each, and are not run together."""
    paragraphs = [
        "The council met on Monday. It voted to close the pool for repairs.",
        "Repairs will take a year. The roof leaks and the boilers are old.",
        "Swimmers will use the school's pool until then. Buses will run twice a day.",
    ]
    page = "Pool to close for a year\n\n" + "\n".join(paragraphs) + "\n"
    assert [b.text for b in text_blocks(page)] == ["Pool to close for a year", *paragraphs]


def test_a_blank_line_or_two_do_not_make_a_page_sentence_per_line() -> None:
    """News paragraphs are often one sentence each: on a page a line each, with
    a blank line only under its header, they are not wire copy's sentences."""
    header = ["News | Sport | Weather", "Pool to close for a year", "By Ana Lund"]
    paragraphs = [
        f"The council said on Monday that repair number {n} would start soon." for n in range(12)
    ]
    page = "\n".join(header) + "\n\n" + "\n".join(paragraphs) + "\n"
    assert [b.text for b in text_blocks(page)] == [*header, *paragraphs]


def test_escape_sequences_are_removed_and_counted() -> None:
    decoded = sanitize("Safe \x1b[31mred\x1b[0m text \x1b]52;c;ZXZpbA==\x07 and\x00 more")
    assert decoded.text == "Safe red text  and more"
    assert decoded.controls_removed == 4


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    paragraph = (
        "The committee met for the third time this year and agreed that the\n"
        "report should be published before the summer recess, members said on\n"
        "Thursday after a meeting that lasted well into the evening hours.\n"
    )
    blocks = text_blocks((paragraph + "\n") * 3)
    assert len(blocks) == 3
    assert blocks[0].text.startswith("The committee met") and blocks[0].text.endswith("hours.")
    assert [b.source_line for b in blocks] == [1, 5, 9]


def test_sidecar_with_bad_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PROSE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"date": "10 April"}', encoding="utf-8")
    with pytest.raises(LedeError, match="not a date"):
        read_path(path)


def test_empty_string_is_an_error() -> None:
    with pytest.raises(LedeError, match="empty"):
        read_string(" \n\n ")


def test_a_drop_cap_joins_the_word_it_begins() -> None:
    def first(letter: str, rest: str) -> str:
        return text_blocks(f"Headline here\n{letter}\n{rest}\nNext line\n")[1].text

    rest = "n the end the council agreed to the plan after a long debate."
    assert first("I", rest) == "In the end the council agreed to the plan after a long debate."
    assert first("T", "he port reopened on Monday after a week of strikes.").startswith("The port")
    # "A" and "I" begin the word that follows them: "A" + "s the" is "As the".
    assert first("A", "s the sun set, the crowd went home quietly.").startswith("As the sun")
    assert first("A", "t least ten people were hurt in the crash.").startswith("At least")
    assert first("A", "n hour later the road was open again.").startswith("An hour")
    # A letter alone before a short line or a capital is not a drop cap.
    assert text_blocks("Menu\nA\nbout us\n")[1].text == "A"
    assert text_blocks("Lists\nB\nBeatles, The\n")[1].text == "B"


def test_a_sentence_broken_at_a_link_is_one_paragraph() -> None:
    text = "\n".join(
        [
            "Ferry fares rise",
            "The harbour authority said fares would rise in March, according to the",
            "schedule it published on Monday, and that season tickets would not change.",
            "Readers can find the full timetable on the authority's site.",
            "Share this story on",
            "tweet",
            "Ferries in the north run hourly in summer and every two hours",
            "by Ana Lund",
        ]
    )
    assert [b.text for b in text_blocks(text)] == [
        "Ferry fares rise",
        "The harbour authority said fares would rise in March, according to the schedule it "
        "published on Monday, and that season tickets would not change.",
        "Readers can find the full timetable on the authority's site.",
        "Share this story on",  # too short to be a sentence's first part
        "tweet",
        "Ferries in the north run hourly in summer and every two hours",
        "by Ana Lund",  # a byline in lower case stays a line of its own
    ]


def test_a_lists_numbers_on_lines_of_their_own_join_their_items() -> None:
    """A recipe's step numbers set apart on the page are lines of their own once
    flattened: each joins its step where they count up in turn, and a lone
    number ("1." over one line) is left as it is."""
    steps = ["Sift the flour into a bowl.", "Rub in the butter.", "Add the milk and stir."]
    page = "\n".join(
        ["Method", *(f"{n}.\n{step}" for n, step in enumerate(steps, start=1)), "More", "1.", "Top"]
    )
    blocks = text_blocks(page + "\n")
    assert [(b.source_line, b.text) for b in blocks] == [
        (1, "Method"),
        (2, "1. Sift the flour into a bowl."),
        (4, "2. Rub in the butter."),
        (6, "3. Add the milk and stir."),
        (8, "More"),
        (9, "1."),
        (10, "Top"),
    ]


DUMP = """\
   [1]Nordlys  [2]News  [3]Sport

Tromsø votes to close its coal heating plants

   The regional parliament voted on Wednesday to close two coal-fired
   heating plants, a move that [4]officials said would cut the city's
   emissions by a third.

   Mayor Ingrid Solberg said the plants would be replaced by heat pumps.

References

   Visible links
   1. https://nordlys.example/
   2. https://nordlys.example/news
   3. https://nordlys.example/sport
   4. https://nordlys.example/climate-plan
"""


def test_a_terminal_browsers_dump_loses_its_link_numbers_and_list() -> None:
    """lynx numbers each link in the text and lists the addresses at the end:
    neither is the writer's, and nothing of them is lost (they are removed)."""
    raw = read_string(DUMP, "dump.txt")
    texts = [b.text for b in raw.blocks]
    assert (
        "The regional parliament voted on Wednesday to close two coal-fired heating plants, "
        "a move that officials said would cut the city's emissions by a third."
    ) in texts
    assert not any("[" in text or "https://" in text for text in texts)
    reasons = {r.text: r.reason for r in raw.pre_removed}
    assert reasons["[1] [2] [3] [4]"] == "link numbers"
    assert reasons["4. https://nordlys.example/climate-plan"] == "link references"
    assert ("https://nordlys.example/sport", "https://nordlys.example/sport") in raw.links


def test_bracketed_numbers_without_a_list_of_addresses_stay() -> None:
    text = DUMP.split("References")[0] + "References\n\nSmith, J. (2020). Heat pumps.\n"
    raw = read_string(text, "notes.txt")
    assert any("[4]officials" in b.text for b in raw.blocks)
    assert raw.pre_removed == []


def test_a_wrapped_texts_list_items_and_short_lines_are_blocks_of_their_own() -> None:
    wrapped = (
        "Skip to content\n"
        "The Fjord Post\n"
        "  * News\n"
        "  * Sport\n"
        "\n"
        "The regional parliament voted on Wednesday to close two coal-fired\n"
        "heating plants by the end of the decade, a move that officials said\n"
        "would cut the city's emissions by a third, the council said.\n"
    )
    assert [b.text for b in text_blocks(wrapped, wrapped=True)] == [
        "Skip to content",
        "The Fjord Post",
        "* News",
        "* Sport",
        "The regional parliament voted on Wednesday to close two coal-fired heating plants by "
        "the end of the decade, a move that officials said would cut the city's emissions by "
        "a third, the council said.",
    ]


def test_a_wrapped_letter_with_many_short_lines_is_read_as_wrapped() -> None:
    """Greetings, headings and a signature stand alone between blank lines;
    the wrapped paragraphs still join, so each paragraph is one block."""
    letter = "\n".join(
        [
            "View in browser",
            "",
            "The Fjord Letter",
            "",
            "Hi all,",
            "",
            "FERRIES",
            "",
            "The county will pay for a second ferry between the port of Tromsø and",
            "Skjervøy from next spring, after the only boat broke down three times",
            "in the winter and left the islands cut off for days at a time.",
            "",
            "ROADS",
            "",
            "Work on the tunnel under the fjord will start in August and should take",
            "two years, the roads authority said on Tuesday, at a cost of about",
            "900 million crowns.",
            "",
            "Kari",
        ]
    )
    texts = [b.text for b in text_blocks(letter)]
    assert (
        "The county will pay for a second ferry between the port of Tromsø and Skjervøy from "
        "next spring, after the only boat broke down three times in the winter and left the "
        "islands cut off for days at a time."
    ) in texts
    assert "Kari" in texts and "ROADS" in texts
