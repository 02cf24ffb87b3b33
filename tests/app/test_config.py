"""The user's settings: keys rebound by command id, the theme, and a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.helpers import capture_notices, main_screen, settle
from tests.conftest import SAMPLE_DATA
from tui.app.app import LedeApp
from tui.cli import main
from tui.config import load_config

TWO_STORIES = SAMPLE_DATA / "embedded-start-floods.txt"


async def test_a_config_file_rebinds_next_story_and_sets_the_theme(isolated_config: Path) -> None:
    isolated_config.write_text('theme = "nord"\n\n[keys]\nnext-story = "ctrl+n"\n', "utf-8")
    app = LedeApp(TWO_STORIES)
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert app.theme == "nord" and notices == []
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.story_index == 1
        await pilot.press("left_square_bracket")
        await pilot.press("right_square_bracket")  # the default key is replaced
        await pilot.pause()
        assert screen.story_index == 0


async def test_a_broken_config_file_warns_in_one_line_and_the_defaults_stand(
    isolated_config: Path,
) -> None:
    isolated_config.write_text('theme = "nord\n[keys]\nnext-story = ', "utf-8")
    app = LedeApp(TWO_STORIES)
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert len(notices) == 1 and "\n" not in notices[0]
        assert "is not valid TOML" in notices[0] and notices[0].endswith("using the defaults")
        assert app.theme == "textual-dark"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert main_screen(pilot).story_index == 1


async def test_unknown_commands_and_themes_are_named_and_skipped(isolated_config: Path) -> None:
    isolated_config.write_text(
        'theme = "no-such-theme"\ncolour = 3\n[keys]\nfly = "x"\nsearch = "ctrl+f"\n', "utf-8"
    )
    app = LedeApp(TWO_STORIES)
    notices = capture_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert sorted(notices) == sorted(
            [
                f"{isolated_config}: unknown setting 'colour'; ignored",
                "unknown command 'fly' in [keys]; ignored",
                "unknown theme 'no-such-theme'; using textual-dark",
            ]
        )
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert main_screen(pilot).query_one("#search").display


async def test_a_theme_chosen_in_the_reader_is_saved(isolated_config: Path) -> None:
    isolated_config.write_text('[keys]\nnext-story = "ctrl+n"\n', "utf-8")
    app = LedeApp(TWO_STORIES)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.theme = "gruvbox"
        await pilot.pause()
    saved = load_config(isolated_config)
    assert saved.theme == "gruvbox" and saved.keys == {"next-story": "ctrl+n"}


def test_config_path_and_show(isolated_config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out == f"{isolated_config}\n"
    isolated_config.write_text('[keys]\nnext-story = "ctrl+n"\n', "utf-8")
    assert main(["config", "show"]) == 0
    lines = capsys.readouterr().out.splitlines()
    next_story = next(line for line in lines if line.startswith("next-story "))
    assert "ctrl+n" in next_story and "default right_square_bracket" in next_story
    assert any(line.startswith("list-down ") for line in lines)
