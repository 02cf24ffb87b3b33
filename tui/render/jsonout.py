"""The Analysis JSON: one document per line, byte-identical for the same input."""

from __future__ import annotations

import json

from tui.model import Analysis


def to_json(analysis: Analysis, indent: int | None = None) -> str:
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=indent)
