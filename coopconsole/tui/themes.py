"""Where the console's ``.tcss`` files are: inside the installed package, or (running
from a source checkout) in the top-level ``themes/`` folder."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def themes_dir() -> Path:
    installed = _PACKAGE / "themes"  # the wheel puts themes/ here
    return installed if installed.is_dir() else _PACKAGE.parent / "themes"


def stylesheet(name: str = "console.tcss") -> Path:
    return themes_dir() / name
