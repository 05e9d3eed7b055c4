"""Repaint only what changed.

The meeting screen recomputes every pane once a second. Textual repaints a widget on
every ``update``, and a label's update also re-lays out the whole screen, which then
redraws every cell of the terminal. These helpers compare first, so a tick that changes
only the countdown and the speaker's time repaints just those, and a one-line label of a
fixed size skips the layout pass entirely.
"""

from __future__ import annotations

from typing import TypeVar

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Digits, Static

W = TypeVar("W", bound=Widget)


def without_links(widget: W) -> W:
    """``widget``, told that what it shows never holds a link (an ``@click`` action), so
    Textual does not work out the link style for every line it draws: a line that
    changes every second (the speaker's) costs a quarter less. Textual's own scrollbar
    does the same."""
    widget.set_reactive(Widget.auto_links, False)
    return widget


def same(old: object, new: Content) -> bool:
    """True if ``old`` is already ``new``, styles included (Content's ``==`` is text only)."""
    return old is new or (isinstance(old, Content) and old.plain == new.plain and old.spans == new.spans)


def show(label: Static, content: Content, *, layout: bool = False) -> None:
    """Put ``content`` in ``label`` if it differs. ``layout=False`` is for labels whose
    size the stylesheet fixes (one line, a fractional width): their text can change
    without moving anything else."""
    if not same(label.content, content):
        label.update(content, layout=layout)


def show_digits(digits: Digits, value: str) -> None:
    """Set a :class:`Digits` value if it differs (it re-lays out only on a width change)."""
    if digits.value != value:
        digits.update(value)


def set_border_title(widget: Widget, title: str) -> None:
    """Set a border title if it differs (setting it repaints the whole widget)."""
    if widget.border_title != title:
        widget.border_title = Content(title)


def set_border_subtitle(widget: Widget, subtitle: str) -> None:
    """Set a border subtitle if it differs (it is drawn as text, never as markup)."""
    if widget.border_subtitle != subtitle:
        widget.border_subtitle = Content(subtitle)
