"""Intents that panes and bars send up to the meeting screen (which owns the session)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class SpeakerChosen(Message):
    """A participant row was chosen: give them the floor (``None``: nobody)."""

    participant: int | None


@dataclass
class ParkedChosen(Message):
    """A parked point was chosen: offer its resolutions."""

    parked_id: int


@dataclass
class RecordChosen(Message):
    """An action, decision or note was chosen: edit it."""

    record: Any


@dataclass
class CaptureSubmitted(Message):
    """The capture bar's Enter: save ``text`` as ``kind`` (or as an edit of ``record``)."""

    kind: str
    text: str
    record: Any = None


@dataclass
class CaptureCancelled(Message):
    """Escape in the capture bar: nothing is saved."""
