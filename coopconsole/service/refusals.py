"""Why the service refuses an intent: :class:`ServiceError` and the clock's checks.

Each check takes the session and its agenda state and raises :class:`ServiceError` with
a stable code (the console shows the translation table's text for it) and a message
for the user, or returns quietly when the intent may go ahead.
"""

from __future__ import annotations

from coopconsole.domain.model import Session, SessionStatus
from coopconsole.domain.timeline import AgendaState


class ServiceError(Exception):
    """An intent that cannot be carried out; ``message`` says why, for the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def not_ended(session: Session, state: AgendaState) -> None:
    if state.status is SessionStatus.ENDED:
        raise ServiceError("ended", "The meeting has ended.")


def can_start(session: Session, state: AgendaState) -> None:
    if not session.agenda:
        raise ServiceError("no-agenda", "This session has no agenda items to run.")
    not_ended(session, state)
    if state.running:
        raise ServiceError("running", "The agenda clock is already running.")


def running(session: Session, state: AgendaState) -> None:
    if not state.running:
        raise ServiceError("not-running", "The agenda clock is not running.")


def paused(session: Session, state: AgendaState) -> None:
    not_ended(session, state)
    if state.status is SessionStatus.PLANNED:
        raise ServiceError("not-started", "The agenda has not started yet.")
    if state.running:
        raise ServiceError("running", "The agenda clock is already running.")


def has_next(session: Session, state: AgendaState) -> None:
    not_ended(session, state)
    ids = [t.item for t in state.items if not t.dropped or t.item == state.current]  # a re-plan may drop items
    if state.current is not None and ids and state.current == ids[-1]:
        raise ServiceError("last-item", "This is the last agenda item; end the meeting instead.")
    if not ids:
        raise ServiceError("no-agenda", "This session has no agenda items.")


def has_previous(session: Session, state: AgendaState) -> None:
    not_ended(session, state)
    ids = [t.item for t in state.items if not t.dropped or t.item == state.current]
    if state.current is None or not ids or state.current == ids[0]:
        raise ServiceError("first-item", "This is the first agenda item.")
