"""Intents on the board of one session's actions: move an action, say something about it.

Each move is added to the action's history (see :mod:`coopconsole.domain.board`) under
the session's lock, so a console and any number of ``coopconsole status`` from other
terminals can move actions of the same session at once: each reads the freshest file
and nothing one of them saved is lost.
"""

from __future__ import annotations

from coopconsole.domain.board import moved, step
from coopconsole.domain.model import ActionItem, ActionStatus
from coopconsole.domain.series import next_to_review
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError


class ActionBoard:
    """Moving actions between the board's columns, with remarks."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def move(self, action_id: int, status: ActionStatus, remark: str = "") -> ActionItem:
        """Put action ``action_id`` in ``status`` (its own state: a remark only, which then
        may not be empty)."""
        access = self.access
        with access.locked():
            action = access.find(ActionItem, action_id)
            words = access.text(remark) if remark.strip() or status is action.status else ""
            return access.replace(moved(action, status, access.now(), words))

    def step(self, action_id: int, by: int, remark: str = "") -> ActionItem:
        """Move action ``action_id`` ``by`` columns (1: the next state, -1: the one before)."""
        access = self.access
        with access.locked():
            action = access.find(ActionItem, action_id)
            status = step(action.status, by)
            if status is None:
                raise ServiceError("board-last" if by > 0 else "board-first", id=action_id)
            return self.move(action_id, status, remark)

    def to_review(self) -> ActionItem:
        """The carried action the review comes to next (refused: not in the review, or
        every carried action of the item was looked at)."""
        access = self.access
        with access.locked():
            session = access.session
            action = next_to_review(session, access.state_of(session, access.now()))
            if action is None:
                raise ServiceError("board-pick")
            return action

    def remark(self, action_id: int, text: str) -> ActionItem:
        """Say something about action ``action_id`` without moving it."""
        access = self.access
        with access.locked():
            return self.move(action_id, access.find(ActionItem, action_id).status, text)
