"""The one error type the pipeline raises for bad input.

Every failure a user can cause (a missing file, an empty one, a binary one)
becomes a ``LedeError`` with a one-line message; the CLI prints it and exits
with its code, the reader shows it in an error panel. Nothing else is caught,
so real bugs still surface in tests.
"""

from __future__ import annotations


class LedeError(Exception):
    """Bad input or a missing resource, told in one line."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
        self.message = " ".join(message.split())


# A message longer than this is cut: it must fit one line of a terminal or a panel.
MAX_MESSAGE = 160


def one_line(error: BaseException) -> str:
    """What went wrong, in one line a person can read."""
    if isinstance(error, LedeError):
        return error.message
    text = " ".join(str(error).split()) or "no details"
    line = f"{type(error).__name__}: {text}"
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"
