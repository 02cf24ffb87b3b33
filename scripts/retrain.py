"""Retrain both learned models of the cleaner, in the order they depend on
each other, and record the rules they were trained with.

    uv run python scripts/retrain.py

The block classifier (``scripts/train_cleaner.py``) learns from the rules'
labels; the title ranking (``scripts/train_titles.py``) from the rules' and
the classifier's. Both record ``tui.clean.rulehash.rules_hash()``; a test
fails when the rules have changed since.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    for script in ("train_cleaner.py", "train_titles.py"):
        print(f"retrain: {script}", flush=True)
        if subprocess.run([sys.executable, str(HERE / script)], check=False).returncode:
            print(f"retrain: {script} failed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
