"""Why the service refuses an intent: :class:`ServiceError` and the clock's checks.

Each check takes the session and its agenda state and raises :class:`ServiceError` with
a stable code, or returns quietly when the intent may go ahead. The words for a code
are the catalogue's ``error.CODE`` entry (:mod:`coopconsole.texts`), in either language.
"""

from __future__ import annotations

from coopconsole.domain.model import Session, SessionStatus
from coopconsole.domain.timeline import AgendaState
from coopconsole.texts import t


class ServiceError(Exception):
    """An intent that cannot be carried out, and why: a stable ``code`` (the catalogue's
    ``error.CODE`` entry says it in words, filled with ``values``) and, for a line the
    quick-capture parser could not read, the parser's own ``detail`` in English, which
    names what it found and is said in place of the catalogue's English."""

    def __init__(self, code: str, detail: str | None = None, **values: object) -> None:
        self.code = code
        self.detail = detail
        self.values = values
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Why, in English (the command line says this)."""
        return self.text("en")

    def text(self, lang: str) -> str:
        """Why, in ``lang``."""
        if self.detail is not None and lang != "zh":
            return self.detail
        return t(f"error.{self.code}", lang, **self.values)


def not_ended(session: Session, state: AgendaState) -> None:
    if state.status is SessionStatus.ENDED:
        raise ServiceError("ended")


def can_start(session: Session, state: AgendaState) -> None:
    if not session.agenda:
        raise ServiceError("no-agenda")
    not_ended(session, state)
    if state.running:
        raise ServiceError("running")


def running(session: Session, state: AgendaState) -> None:
    if not state.running:
        raise ServiceError("not-running")


def paused(session: Session, state: AgendaState) -> None:
    not_ended(session, state)
    if state.status is SessionStatus.PLANNED:
        raise ServiceError("not-started")
    if state.running:
        raise ServiceError("running")


def has_next(session: Session, state: AgendaState) -> None:
    not_ended(session, state)
    ids = [t.item for t in state.items if not t.dropped or t.item == state.current]  # a re-plan may drop items
    if state.current is not None and ids and state.current == ids[-1]:
        raise ServiceError("last-item")
    if not ids:
        raise ServiceError("no-agenda")


def has_previous(session: Session, state: AgendaState) -> None:
    not_ended(session, state)
    ids = [t.item for t in state.items if not t.dropped or t.item == state.current]
    if state.current is None or not ids or state.current == ids[0]:
        raise ServiceError("first-item")
