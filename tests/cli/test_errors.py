"""Bad input gets one line on stderr, starting "lede: ", and a non-zero exit.

Each case is something a user types or has on disk; the message must say
what was wrong with it in words, never as a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tui.cli import main
from tui.errors import LedeError
from tui.pipeline import read_raw


def one_error(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("lede: ") and "Traceback" not in err
    assert out == ""
    return status, lines[0]


def test_jobs_must_be_at_least_one(capsys: pytest.CaptureFixture[str]) -> None:
    status, line = one_error(capsys, "analyze", str(SAMPLE), "--jobs", "0")
    assert status == 2 and line == "lede: --jobs must be 1 or more"


def test_shared_fs_needs_a_scheduler(capsys: pytest.CaptureFixture[str]) -> None:
    status, line = one_error(capsys, "analyze", str(SAMPLE), "--shared-fs")
    assert status == 2 and line == "lede: --shared-fs goes with --scheduler"


def test_an_unreadable_file_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("A story nobody may read.\n", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        # chmod 000 does not stop root, who runs CI; the OS's refusal is the same error.
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    status, line = one_error(capsys, "analyze", str(locked), "--no-nlp")
    assert status != 0 and line == f"lede: {locked}: cannot read (Permission denied)"


def test_a_folder_is_not_one_article(tmp_path: Path) -> None:
    with pytest.raises(LedeError) as caught:
        read_raw(tmp_path)
    assert caught.value.message == f"{tmp_path}: is a folder, not an article file"


def test_a_folder_without_articles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    status, line = one_error(capsys, "analyze", str(tmp_path))
    assert status != 0 and line.startswith(f"lede: {tmp_path}: no articles here")


def test_a_malformed_sidecar_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "story.meta.json").write_text("{not json", encoding="utf-8")
    status, line = one_error(capsys, "analyze", str(article), "--no-nlp")
    assert status != 0
    assert line.startswith(f"lede: {tmp_path / 'story.meta.json'}: unreadable sidecar (")


@pytest.mark.parametrize("address", ["ftp://example.org/feed.xml", "example.org/feed"])
def test_a_feed_is_an_http_address(capsys: pytest.CaptureFixture[str], address: str) -> None:
    status, line = one_error(capsys, "feeds", "add", address)
    assert status != 0 and line == f"lede: {address}: a feed is an http or https address"


def test_refresh_with_no_feeds(capsys: pytest.CaptureFixture[str]) -> None:
    status, line = one_error(capsys, "feeds", "refresh")
    assert status != 0
    assert line == "lede: no feeds to refresh: 'lede feeds add URL' subscribes to one"


def test_list_with_no_feeds_says_how_to_add_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["feeds", "list"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "no feeds yet: 'lede feeds add URL' or 'lede feeds import FILE'"
    assert err == ""


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"lede {version('lede-reader')}"
