"""What every pane is given once a second: the session and the figures derived from it."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.model import Session
from ..live import MeetingView


@dataclass(frozen=True, eq=False)
class Frame:
    session: Session
    view: MeetingView
    revision: int  # changes whenever a record changed (ours or another process's)
    lang: str
    warning_minutes: int = 2

    @property
    def current_item(self) -> int | None:
        return self.view.agenda.current
