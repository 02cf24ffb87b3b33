"""The analysis never imports the UI: it must run with no terminal at all."""

from __future__ import annotations

import subprocess
import sys


def test_pipeline_imports_no_ui() -> None:
    code = (
        "import sys\n"
        "from tui.pipeline import read_article, default_source\n"
        "import tui.nlp, tui.timeline\n"
        "read_article(default_source())\n"
        "bad = [m for m in ('textual', 'rich') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_cleaning_does_not_load_the_language_model() -> None:
    code = (
        "import sys\n"
        "from tui.pipeline import read_article, default_source\n"
        "read_article(default_source())\n"
        "assert 'spacy' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
