"""Intents that panes and bars send up to the meeting screen (which owns the session).

Plain classes rather than dataclasses: a dataclass costs about a millisecond to define
(its methods are compiled from source as the module is imported), and these are all
imported before the console's first frame.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message

from coopconsole.domain.model import ActionItem, Decision, Note


class SpeakerChosen(Message):
    """A participant row was chosen: give them the floor (``None``: nobody)."""

    def __init__(self, participant: int | None) -> None:
        super().__init__()
        self.participant = participant


class ParkedChosen(Message):
    """A parked point was chosen: offer its resolutions."""

    def __init__(self, parked_id: int) -> None:
        super().__init__()
        self.parked_id = parked_id


class RecordChosen(Message):
    """An action, decision or note was chosen: edit it."""

    def __init__(self, record: ActionItem | Decision | Note) -> None:
        super().__init__()
        self.record = record


class CaptureSubmitted(Message):
    """The capture bar's Enter: save ``text`` as ``kind`` (or as an edit of ``record``)."""

    def __init__(self, kind: str, text: str, record: Any = None) -> None:
        super().__init__()
        self.kind = kind
        self.text = text
        self.record = record


class CaptureCancelled(Message):
    """Escape in the capture bar: nothing is saved."""


class FolderChanged(Message):
    """Another process (or this one) replaced a session file the view follows: look again
    now rather than at the next tick (see :mod:`coopconsole.tui.file_changes`)."""
