"""A fingerprint of the cleaner's rules, which the learned models record.

The classifier learns from what the rules say of each line, and the title
ranking from what the rules and the classifier say: weights trained under
other rules are stale. The fingerprint is the code of every module of
``tui/clean`` as Python reads it (``ast``), without docstrings, so a reworded
comment or docstring changes nothing and a changed rule, pattern or
threshold does. ``scripts/retrain.py`` retrains both models and records it.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def rules_hash() -> str:
    """The fingerprint of the rules as they are now."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name == "rulehash.py":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if (
                isinstance(body, list)
                and body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                body[0] = ast.Pass()  # a docstring says why; it decides nothing
        digest.update(path.name.encode())
        digest.update(ast.dump(tree).encode())
    return digest.hexdigest()[:16]
