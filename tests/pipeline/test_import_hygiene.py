"""The analysis never imports the UI, and cleaning never loads the language model:
checked by running the pipeline in a fresh interpreter (see also test_layers.py)."""

from __future__ import annotations

import subprocess
import sys


def loaded_after_reading(extra_imports: str = "") -> set[str]:
    """The top-level modules loaded once the sample article is read."""
    code = (
        "import sys\n"
        "from tui.pipeline import read_article, default_source\n"
        f"{extra_imports}\n"
        "read_article(default_source())\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_pipeline_imports_no_ui() -> None:
    assert not {"textual", "rich"} & loaded_after_reading("import tui.nlp, tui.timeline")


def test_cleaning_does_not_load_the_language_model() -> None:
    assert "spacy" not in loaded_after_reading()
