"""Shared fixtures: where the sample articles and their expected readings live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "sample_data"
SAMPLE = SAMPLE_DATA / "north-korea-fm-russia.txt"
DATA = Path(__file__).resolve().parent / "data"
EXPECTED = DATA / "expected"
ARTICLES = sorted(SAMPLE_DATA.glob("*.txt"))


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(autouse=True, scope="session")
def isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the user's analysis cache (subprocesses inherit this)."""
    os.environ["LEDE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own settings file (a theme changed in one is saved there)."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("LEDE_CONFIG", str(path))
    return path


@pytest.fixture(autouse=True)
def isolated_feeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own feeds database."""
    folder = tmp_path / "data"
    monkeypatch.setenv("LEDE_DATA_DIR", str(folder))
    return folder


def placed_blocks(article: object) -> list[tuple[int, str]]:
    """Every block of an article as (source line, text) (see ``tui.invariants``)."""
    from tui.invariants import placed_blocks as placed
    from tui.model import Article

    assert isinstance(article, Article)
    return placed(article)
