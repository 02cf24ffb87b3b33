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
