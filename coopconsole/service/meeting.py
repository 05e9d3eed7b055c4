"""One open session and every intent on it: :class:`MeetingService` (see the package's
docstring for the groups of intents)."""

from __future__ import annotations

from coopconsole.domain.clock import Clock, system_clock
from coopconsole.service.access import SessionAccess
from coopconsole.service.agenda import AgendaClock
from coopconsole.service.agenda_edit import AgendaEdits
from coopconsole.service.board import ActionBoard
from coopconsole.service.captures import Captures
from coopconsole.service.closing import Closing
from coopconsole.service.closing_list import ClosingFixes
from coopconsole.service.plan_review import PlanFixes
from coopconsole.service.playbook import Playbook
from coopconsole.service.room import Room
from coopconsole.service.withdrawals import Withdrawals
from coopconsole.store import SessionFile


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
