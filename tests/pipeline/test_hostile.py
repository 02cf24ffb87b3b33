"""Hostile and broken input: a clear error or a correct reading, never a hang,
never a traceback, and nothing from the article reaches the terminal raw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.errors import LedeError
from tui.ingest import read_bytes, read_path

PROSE = "The harbour reopened on Monday after the storm, the port authority said."


def _lede(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60
    )


def test_latin1_file_reads_correctly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(
        ("Le port de Sète a rouvert lundi, a déclaré la capitainerie. " * 3).encode("latin-1")
    )
    assert "Sète" in read_path(path).blocks[0].text


def test_windows_1252_quotes_and_dashes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("“We reopen today” – the harbour master said on Monday. ".encode("cp1252") * 3)
    assert read_path(path).blocks[0].text.startswith("“We reopen today” – the harbour master")


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    broken = "The cafÃ© on the quay reopened on Monday, its ownerâ€™s family said."
    path.write_text(broken, encoding="utf-8")
    assert (
        read_path(path).blocks[0].text
        == "The café on the quay reopened on Monday, its owner’s family said."
    )


def test_truncated_utf8_reads_with_the_broken_tail_marked(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes((PROSE + " Café").encode("utf-8")[:-1])
    text = read_path(path).blocks[0].text
    assert text.startswith(PROSE) and text.endswith("\ufffd")


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _lede("analyze", str(fifo))
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_device_is_refused() -> None:
    result = _lede("analyze", "/dev/zero")
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_file_growing_past_the_cap_while_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PROSE * 10)
    monkeypatch.setattr("tui.ingest.MAX_BYTES", 100)

    class Growing(type(path)):  # type: ignore[misc]
        def stat(self, *args: object, **kwargs: object) -> os.stat_result:
            real = super().stat()
            fields = list(real)
            fields[6] = 50  # st_size as it was when checked
            return os.stat_result(fields)

    with pytest.raises(LedeError, match="grew past"):
        read_bytes(Growing(path))


def test_unterminated_osc_does_not_swallow_the_article(tmp_path: Path) -> None:
    """Regression: an OSC with no terminator used to eat every following line."""
    path = tmp_path / "a.txt"
    path.write_text(
        f"Storm closes harbour\n\n{PROSE} \x1b]8;;http://evil\n\n{PROSE}\n\nIt reopens on Friday.\n"
    )
    article = json.loads(_lede("analyze", str(path), "--json", "--no-nlp").stdout)
    paragraphs = [p["text"] for p in article["stories"][0]["paragraphs"]]
    assert paragraphs[-1] == "It reopens on Friday."
    assert len(paragraphs) == 3


@pytest.mark.parametrize(
    "sequence",
    [
        pytest.param("\x1b[31;1m", id="csi-colour"),
        pytest.param("\x1b[2J", id="csi-clear-screen"),
        pytest.param("\x1b]8;;file:///etc/passwd\x1b\\", id="osc8-hyperlink"),
        pytest.param("\x1b]52;c;ZXZpbA==\x07", id="osc52-clipboard"),
        pytest.param("\x1bP+q544e\x1b\\", id="dcs"),
        pytest.param("\x9b31m", id="c1-csi"),
        pytest.param("\x07\x00\x08", id="c0-controls"),
    ],
)
def test_escape_sequences_are_removed_and_recorded(
    tmp_path: Path, sequence: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Storm closes harbour\n\n{PROSE}{sequence} More wind is due.\n\n{PROSE}\n")
    assert main(["analyze", str(path), "--json", "--no-nlp"]) == 0
    data = json.loads(capsys.readouterr().out)
    paragraph = data["stories"][0]["paragraphs"][0]["text"]
    assert paragraph == f"{PROSE} More wind is due."
    record = [r for r in data["removed"] if r["reason"] == "control characters removed"]
    assert len(record) == 1 and record[0]["source_line"] == 3
    assert record[0]["text"][0].isdigit()
    assert main(["analyze", str(path), "--no-nlp"]) == 0
    shown = capsys.readouterr().out
    assert "\x1b]" not in shown and "\x9b" not in shown and "\x07" not in shown


def test_rich_markup_in_an_article_prints_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        f"Mayor [bold red]x[/] resigns\n\n{PROSE} [link=file:///etc/passwd]y[/link]\n\n{PROSE}\n"
    )
    assert main(["analyze", str(path), "--no-nlp"]) == 0
    shown = capsys.readouterr().out
    assert "[bold red]x[/]" in shown and "[link=file:///etc/passwd]y[/link]" in shown
