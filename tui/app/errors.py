"""Containing failures in the reader: one article's bug never ends a session.

Every place where article data flows into a widget (the panes' updates, the
keys that move through mentions and events) runs under ``contained``: an
exception there becomes a one-line notification through the app's single
``report_error``, the traceback goes to the log file, and the app, the
library and the other articles go on.
"""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

log = logging.getLogger("lede")


def log_path() -> Path:
    from tui.cache import cache_dir

    return cache_dir() / "errors.log"


def record(where: str, error: BaseException) -> None:
    """Append the whole traceback to the log file (never shown on screen)."""
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {where}\n")
            handle.write("".join(traceback.format_exception(error)))
    except OSError:
        log.exception("%s", where)


def contained(where: str) -> Callable[[Callable[P, R]], Callable[P, R | None]]:
    """Run a widget or screen method; report an exception instead of raising it."""

    def decorate(method: Callable[P, R]) -> Callable[P, R | None]:
        @functools.wraps(method)
        def run(*args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return method(*args, **kwargs)
            except Exception as error:
                owner: Any = args[0]
                owner.app.report_error(where, error)
                return None

        return run

    return decorate
