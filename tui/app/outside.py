"""The world outside the reader: the browser and the editor.

A browser is Python's ``webbrowser`` (so ``$BROWSER`` is honoured) and the
editor is ``$VISUAL`` or ``$EDITOR``; either may be a terminal program, so
the app gives up the terminal while it runs and takes it back after.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager

from textual.app import App, SuspendNotSupported


@contextmanager
def terminal_given_up(app: App[object]) -> Iterator[None]:
    """Suspend the app around a program that may want the terminal (where possible)."""
    try:
        with app.suspend():
            yield
    except SuspendNotSupported:
        yield


def open_in_browser(app: App[object], url: str) -> bool:
    """Open ``url``; False when no browser could be started."""
    with terminal_given_up(app):
        try:
            return webbrowser.open(url)
        except webbrowser.Error:
            return False


def editor_command() -> list[str] | None:
    """The user's editor as a command line, or None when none is set."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    return shlex.split(editor) if editor else None


def edit_text(app: App[object], text: str, suffix: str = ".md") -> int:
    """Write ``text`` to a temporary file and open it in the editor; its exit status.

    The file is the reader's copy: what the editor changes stays in that file
    (its path is in the notice), never in the article.
    """
    command = editor_command()
    if command is None:
        raise FileNotFoundError("set $EDITOR (or $VISUAL) to open the article in an editor")
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", suffix=suffix, prefix="lede-", delete=False
    ) as handle:
        handle.write(text)
    with terminal_given_up(app):
        return subprocess.run([*command, handle.name], check=False).returncode
