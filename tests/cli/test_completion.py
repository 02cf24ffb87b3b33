"""Shell completion: the scripts each shell loads, and what a tab press offers.

A tab press is argcomplete's protocol: the shell runs ``lede`` with
``_ARGCOMPLETE`` and the line so far in the environment, and reads the
candidates back; the test does what the shell does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

LEDE = Path(sys.executable).parent / "lede"


def offered(line: str, tmp_path: Path) -> set[str]:
    answer = tmp_path / "candidates"
    env = dict(
        os.environ,
        _ARGCOMPLETE="1",
        _ARGCOMPLETE_IFS="\n",
        COMP_LINE=line,
        COMP_POINT=str(len(line)),
        _ARGCOMPLETE_STDOUT_FILENAME=str(answer),
    )
    done = subprocess.run([str(LEDE)], env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return {c.strip() for c in answer.read_text(encoding="utf-8").split("\n") if c.strip()}


def test_a_tab_press_offers_subcommands_options_and_choices(tmp_path: Path) -> None:
    assert offered("lede an", tmp_path) == {"analyze"}
    assert offered("lede analyze --no-", tmp_path) == {"--no-nlp", "--no-cache"}
    assert offered("lede feeds re", tmp_path) == {"remove", "refresh"}
    assert {"bash", "zsh", "fish"} <= offered("lede completion ", tmp_path)


@pytest.mark.parametrize(
    ("shell", "words"),
    [
        ("bash", "complete "),
        ("zsh", "compdef"),
        ("fish", "complete --command lede"),
    ],
)
def test_each_shell_gets_a_script_it_loads(
    capsys: pytest.CaptureFixture[str], shell: str, words: str
) -> None:
    assert main(["completion", shell]) == 0
    out = capsys.readouterr().out
    assert words in out and "_ARGCOMPLETE" in out


def test_an_unknown_shell_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["completion", "tcsh"])
    assert stopped.value.code == 2
    assert "invalid choice: 'tcsh'" in capsys.readouterr().err
