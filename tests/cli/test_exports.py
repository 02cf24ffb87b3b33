"""Exports: displaCy's manual format draws; TimeML is valid XML with the DCT."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import SAMPLE
from tui.cli import main


def test_displacy_export_renders(capsys: pytest.CaptureFixture[str]) -> None:
    from spacy import displacy

    assert main(["analyze", str(SAMPLE), "--format", "displacy"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["title"] for d in documents] == [
        "North Korea FM in Russia as activated diplomacy continues",
        "North Korean foreign minister travels to China",
    ]
    first = documents[0]
    spans = [first["text"][e["start"] : e["end"]] for e in first["ents"]]
    assert "Ri Yong-ho" in spans and "Lavrov" in spans
    html = displacy.render(documents, style="ent", manual=True, page=True)
    assert "Ri Yong-ho" in html and "<mark" in html


def test_timeml_export_is_valid_xml_with_the_dct(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLE), "--format", "timeml"]) == 0
    root = ET.fromstring(capsys.readouterr().out.encode("utf-8"))
    assert root.tag == "TimeML"
    dct = root.find("DCT/TIMEX3")
    assert dct is not None and dct.get("value") == "2018-04-10"
    timexes = {t.text: t.get("value") for t in root.iter("TIMEX3")}
    assert timexes["Monday"] == "2018-04-09"
    assert timexes["late March"] == "2018-03"
    assert timexes["three-day"] == "P3D"
    text = "".join(root.find("TEXT").itertext())  # type: ignore[union-attr]
    assert text.startswith("North Korea’s Foreign Minister Ri Yong-ho")


def test_unknown_model_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLE), "--model", "xx_no_such_model"]) == 2
    assert "no such spaCy pipeline" in capsys.readouterr().err


def _sections(markdown: str) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) as markdown-it-py reads them."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    tokens = MarkdownIt("commonmark").use(front_matter_plugin).parse(markdown)
    sections: list[tuple[str, list[str]]] = []
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        text = "".join(c.content for c in token.children or [] if c.type == "text")
        if tokens[index - 1].type == "heading_open":
            sections.append((text, []))
        elif sections:
            sections[-1][1].append(text)
    return sections


@pytest.mark.parametrize("name", ["north-korea-fm-russia.txt", "feature-subheadings-water.txt"])
def test_markdown_export_parses_back_to_the_same_stories(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.pipeline import read_article

    path = SAMPLE.parent / name
    assert main(["analyze", str(path), "--format", "markdown"]) == 0
    sections = dict(_sections(capsys.readouterr().out))
    for story in read_article(path).stories:
        paragraphs = [t for t in sections[story.title or "Untitled"]]
        expected = [p.text for p in story.paragraphs]
        if story.subheadings:
            assert paragraphs == expected[: story.subheadings[0][0]]
        else:
            assert paragraphs == expected
    assert "Entities" in sections and "Timeline" in sections


def test_markdown_export_escapes_markup() -> None:
    from markdown_it import MarkdownIt

    from tui.render.exports import md_escape

    for text in [
        "a *b* [c](d) #1 x_y",
        "- not a list",
        "1. not a list",
        "> not a quote",
        "<b>x</b> &amp; y",
    ]:
        tokens = MarkdownIt("commonmark").parse(md_escape(text))
        inline = next(t for t in tokens if t.type == "inline")

        assert "".join(c.content for c in inline.children or [] if c.type == "text") == text
