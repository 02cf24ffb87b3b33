"""The sidecar convention: ``article.meta.json`` beside ``article.txt``.

A scraper rarely keeps the publication date in the text it saves, yet the
timeline needs it. A small JSON file with the same stem gives it (and any
other metadata); it wins over what lede guesses from the text.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from tui.errors import LedeError

SIDECAR_SUFFIX = ".meta.json"
_FIELDS = {"title", "date", "byline", "site", "url", "categories", "language"}


def sidecar_path(article: Path) -> Path:
    """Where the sidecar of ``article`` lives (it may not exist)."""
    return article.with_name(article.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def read_sidecar(article: Path) -> dict[str, Any]:
    """The sidecar's fields, validated; an empty dict when there is none."""
    path = sidecar_path(article)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LedeError(f"{path}: unreadable sidecar ({error})") from None
    if not isinstance(data, dict):
        raise LedeError(f"{path}: a sidecar must hold a JSON object")
    fields = {key: value for key, value in data.items() if key in _FIELDS}
    if "date" in fields and fields["date"] is not None:
        fields["date"] = parse_iso_date(str(fields["date"]), str(path))
    if "categories" in fields and not isinstance(fields["categories"], list):
        raise LedeError(f"{path}: 'categories' must be a list")
    return fields


def parse_iso_date(value: str, where: str = "--date") -> str:
    """Check a YYYY-MM-DD date and return it unchanged."""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise LedeError(f"{where}: '{value}' is not a date like 2018-04-10") from None
