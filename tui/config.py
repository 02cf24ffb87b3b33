"""The user's settings: ``config.toml`` in the user config folder.

::

    theme = "nord"

    [keys]
    next-story = "ctrl+n"      # a command's id (``lede config show`` lists them)
    search = "slash,ctrl+f"    # several keys, comma-separated

``$LEDE_CONFIG`` names another file. A file that cannot be read or parsed,
or a setting lede does not know, is a one-line warning; the defaults stand.
The reader saves the theme here when it is changed from the palette.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Config:
    """What the file sets, and what was wrong with it (one line each)."""

    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    warnings: list[str] = field(default_factory=list)


def config_path() -> Path:
    """$LEDE_CONFIG, else ``config.toml`` in the platform's user config folder."""
    override = os.environ.get("LEDE_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("lede")) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the settings; never raises: a bad file gives warnings and the defaults."""
    path = path or config_path()
    config = Config()
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as error:
        config.warnings.append(f"cannot read {path} ({error}); using the defaults")
        return config
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        config.warnings.append(f"{path} is not valid TOML ({error}); using the defaults")
        return config
    theme = data.pop("theme", None)
    if theme is not None and not isinstance(theme, str):
        config.warnings.append(f"{path}: theme must be a name in quotes; ignored")
    else:
        config.theme = theme
    keys = data.pop("keys", {})
    if not isinstance(keys, dict):
        config.warnings.append(f"{path}: [keys] must be a table; ignored")
        keys = {}
    for command, key in keys.items():
        if isinstance(key, str) and key.strip():
            config.keys[command] = ",".join(k.strip() for k in key.split(",") if k.strip())
        else:
            config.warnings.append(f"{path}: keys.{command} must be a key name in quotes; ignored")
    for unknown in data:
        config.warnings.append(f"{path}: unknown setting '{unknown}'; ignored")
    return config


def save_theme(theme: str, path: Path | None = None) -> None:
    """Write the theme into the file, keeping its [keys] (raises OSError)."""
    path = path or config_path()
    current = load_config(path)
    if current.warnings and path.exists():
        raise OSError(f"{path} has errors; not overwriting it")
    lines = [f"theme = {json.dumps(theme)}", ""]
    if current.keys:
        lines.append("[keys]")
        lines.extend(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in current.keys.items())
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
