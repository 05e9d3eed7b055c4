"""Screens whose key descriptions are in the console's language.

Textual reads a screen's ``BINDINGS`` from its class, so each language gets a subclass
whose ``BINDINGS`` come from the screen's ``bindings(lang)``; CSS type selectors still
match, as they match base classes too.
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from textual.screen import Screen

S = TypeVar("S", bound=type[Screen])


@cache
def localized(screen: S, lang: str) -> S:
    """``screen`` with its bindings described in ``lang``."""
    return type(f"{screen.__name__}_{lang}", (screen,), {"BINDINGS": screen.bindings(lang)})
