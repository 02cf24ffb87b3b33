"""The layers, as contracts: what each part of lede may import.

- The stages and the model (everything but ``tui.app``, ``tui.reading``,
  ``tui.render`` and ``tui.cli``) import no UI: no ``tui.app``, Textual or Rich.
- ``tui.reading`` (the reader's logic) imports no Textual and no ``tui.app``;
  it may measure text in terminal cells with Rich.
- ``tui.render`` and ``tui.cli`` may use Rich, never Textual; the CLI starts
  the reader through ``tui.app``.
- Only ``tui.app`` imports Textual.

Imports are read from the source (those inside functions too, which a fresh
interpreter would only see when the function runs); then each module outside
the reader is imported in a fresh interpreter, to catch what the source
reading cannot (an import made by a library on our behalf).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tui"
UI = ("textual", "rich", "tui.app")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path) -> set[str]:
    """Every module a file imports, wherever the import statement is."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def forbidden(module: str) -> tuple[str, ...]:
    """What a module may not import, by its layer."""
    if module.startswith("tui.app"):
        return ()
    if module.startswith("tui.reading"):
        return ("textual", "tui.app")
    if module.startswith(("tui.render", "tui.cli")):
        return ("textual",)
    if module in {"tui", "tui.__main__"}:
        return ("textual",)
    return UI


def breaks(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_imports_only_what_its_layer_may(module: str) -> None:
    banned = forbidden(module)
    bad = sorted(name for name in imported(MODULES[module]) if breaks(name, banned))
    if module.startswith("tui.cli"):
        bad = [name for name in bad if not name.startswith("tui.app")]  # it starts the reader
    assert not bad, f"{module} imports {bad}"


def test_the_contract_reader_sees_function_level_imports(tmp_path: Path) -> None:
    """The check would catch a UI import hidden in a function."""
    path = tmp_path / "stage.py"
    path.write_text("def show():\n    from textual.app import App\n    return App\n")
    assert any(breaks(name, UI) for name in imported(path))


def test_stages_import_no_ui_in_a_fresh_interpreter() -> None:
    """Importing every module outside the reader loads no Textual, no Rich (for the
    stages) and no ``tui.app``: one fresh interpreter per module."""
    outside = [m for m in MODULES if not m.startswith(("tui.app", "tui.__main__"))]
    code = (
        "import importlib, sys\n"
        "name, banned = sys.argv[1], sys.argv[2:]\n"
        "importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if any(m == b or m.startswith(b + '.') for b in banned)]\n"
        "print(','.join(sorted(bad)))\n"
    )
    failures = []
    for module in sorted(outside):
        banned = [
            b for b in forbidden(module) if not module.startswith("tui.cli") or b != "tui.app"
        ]
        result = subprocess.run(
            [sys.executable, "-c", code, module, *banned],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or result.stdout.strip():
            failures.append(f"{module}: {result.stdout.strip() or result.stderr.strip()[-200:]}")
    assert not failures, failures
