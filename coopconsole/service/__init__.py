"""Commands on a session: the only way anything changes a meeting.

Each method is one intent of the facilitator or note-taker. It validates against the
freshest state (under the session's lock, so a second console or a ``coopconsole add``
in another terminal cannot slip in between), appends or changes records, and returns
only once the change is durable on disk. A refused intent raises :class:`ServiceError`
with a message for the user and leaves the session untouched.

:class:`MeetingService` is one open session (:class:`~.access.SessionAccess`: reading,
the clock, durable changes) and the intents grouped by who asks for them, each given
that access and nothing else::

    service.captures   the note-taker: actions, notes, decisions, parked points (captures.py)
    service.agenda     the agenda clock: start, pause, next item, extend, end (agenda.py)
    service.room       the floor and attendance (room.py)
    service.playbook   goals, re-planning, the cooling-down break (playbook.py)
    service.closing    positions on decisions, the minutes, confirmations (closing.py)
    service.board      moving actions between the board's states, with remarks (board.py)
    service.closing_list  an item never reached deferred, from the closing checklist (closing_list.py)
    service.withdrawals   captures taken back or given back, duplicate actions merged (withdrawals.py)
    service.agenda_edits  the agenda changed live (add, rename, move, remove), a walk-in (agenda_edit.py)
    service.plan       the plan read from an agenda, fixed and accepted before the meeting (plan_review.py)

Across the sessions of a folder (a series of meetings, every action of it): series.py.
"""

from __future__ import annotations

from coopconsole.domain.clock import Clock, system_clock
from coopconsole.service.access import CURRENT, SessionAccess, load_parser
from coopconsole.service.agenda import AgendaClock
from coopconsole.service.agenda_edit import AgendaEdits
from coopconsole.service.board import ActionBoard
from coopconsole.service.captures import CAPTURE_KINDS, Captures
from coopconsole.service.closing import Closing
from coopconsole.service.closing_list import ClosingFixes
from coopconsole.service.plan_review import PlanFixes
from coopconsole.service.playbook import Playbook
from coopconsole.service.refusals import ServiceError
from coopconsole.service.room import Room
from coopconsole.service.withdrawals import Withdrawals
from coopconsole.store import SessionFile

__all__ = ["CAPTURE_KINDS", "CURRENT", "MeetingService", "ServiceError", "SessionAccess", "load_parser"]


class MeetingService(SessionAccess):
    """One open session and every intent on it."""

    def __init__(self, handle: SessionFile, clock: Clock = system_clock) -> None:
        super().__init__(handle, clock)
        self.captures = Captures(self)
        self.agenda = AgendaClock(self)
        self.room = Room(self)
        self.playbook = Playbook(self)
        self.closing = Closing(self)
        self.board = ActionBoard(self)
        self.closing_list = ClosingFixes(self)
        self.withdrawals = Withdrawals(self)
        self.agenda_edits = AgendaEdits(self)
        self.plan = PlanFixes(self)
