"""Screens and widgets whose key descriptions are in the console's language.

Textual reads a node's ``BINDINGS`` from its class, so each language gets a subclass
whose ``BINDINGS`` come from the class's ``bindings(lang)``; CSS type selectors still
match, as they match base classes too. A screen also gets the palette key described in
its language: the footer shows the first binding of that key it finds, and the app's own
is Textual's, in English, in a class that cannot change language while the console runs.
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from coopconsole.texts import t

N = TypeVar("N", bound=DOMNode)


@cache
def localized(node: type[N], lang: str) -> type[N]:
    """``node`` (a screen or widget class with a ``bindings(lang)`` function) with its
    bindings described in ``lang``."""
    bindings: list[Binding] = list(getattr(node, "bindings")(lang))  # noqa: B009 - each such class defines bindings(lang)
    if issubclass(node, Screen):
        bindings.append(palette_binding(lang))
    made: type[N] = type(f"{node.__name__}_{lang}", (node,), {"BINDINGS": bindings})
    return made


def palette_binding(lang: str) -> Binding:
    """The palette key described in ``lang``, for the footer and the help.

    A priority binding, as the app's is: the footer keeps the first priority binding of a
    key (this one, the screen's), while a key press tries the app's first, so the palette
    still opens exactly as Textual opens it.
    """
    return Binding(
        App.COMMAND_PALETTE_BINDING,
        "app.command_palette",
        t("key.palette", lang),
        show=False,
        priority=True,
        id="console.palette",
        tooltip=t("key.palette.tip", lang),
    )
