"""Intents about the people in the room: who has the floor, who waits for it, and who is here.

Giving the floor is an event like the clock's (talk time is worked out from the events,
see :mod:`coopconsole.domain.balance`); attendance is kept on the participant. The floor
goes only to someone in the room: giving it to someone marked absent is refused, unless
the caller says they have arrived (then they are marked late first).

The speaker queue is events too (``QUEUE`` / ``UNQUEUE``, replayed by
:mod:`coopconsole.domain.speaker_queue`): only someone in the room who does not have the
floor joins it; taking the floor, by any means, takes them out of it; someone marked
absent or gone leaves it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from coopconsole.domain.model import Attendance, Event, EventKind, Participant, Session
from coopconsole.domain.timeline import AgendaState
from coopconsole.service import refusals
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError


class Room:
    """The floor and attendance."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def speaker(self, participant: int | None, arrived: bool = False) -> Event:
        """Give the floor to ``participant`` (None: nobody speaks).

        Someone marked absent is refused (``absent``) unless ``arrived``: they are then
        marked late, arrived now, and given the floor, both under one lock."""

        def check(session: Session, state: AgendaState) -> None:
            refusals.not_ended(session, state)
            if participant is None:
                return
            person = session.participant(participant)
            if person is None:
                raise ServiceError("no-participant", number=participant)
            if person.attendance is Attendance.ABSENT and not arrived:
                raise ServiceError("absent", name=person.name)

        with self.access.locked():
            session = self.access.session
            person = None if participant is None else session.participant(participant)
            if person is not None and person.attendance is Attendance.ABSENT:
                check(session, self.access.state())  # refused before anything is written
                self.set_attendance(person.id, Attendance.LATE)
            return self.access.event(EventKind.SPEAKER, check, participant=participant)

    def toggle_speaker(self, participant: int | None, arrived: bool = False) -> Event:
        """A participant's key: give them the floor, or, if they have it, nobody."""
        with self.access.locked():
            if participant is not None and participant == self.access.floor():
                participant = None
            return self.speaker(participant, arrived)

    def queue(self, participant: int) -> Event:
        """Put ``participant`` at the end of the speaker queue.

        Refused for someone who is not a participant, is marked absent (``queue-absent``)
        or has left (``queue-left``), has the floor (``queue-speaking``) or is already
        waiting (``queue-already``), and once the meeting has ended."""

        def check(session: Session, state: AgendaState) -> None:
            refusals.not_ended(session, state)
            person = session.participant(participant)
            if person is None:
                raise ServiceError("no-participant", number=participant)
            if person.attendance is Attendance.ABSENT or person.attendance is Attendance.LEFT:
                raise ServiceError(f"queue-{person.attendance.value}", name=person.name)
            if self.access.floor() == participant:
                raise ServiceError("queue-speaking", name=person.name)
            if participant in self.access.queue():
                raise ServiceError("queue-already", name=person.name)

        return self.access.event(EventKind.QUEUE, check, participant=participant)

    def unqueue(self, participant: int) -> Event:
        """Take ``participant`` out of the speaker queue (refused if they are not in it)."""

        def check(session: Session, state: AgendaState) -> None:
            if participant not in self.access.queue():
                person = session.participant(participant)
                name = person.name if person is not None else str(participant)
                raise ServiceError("queue-not-in", name=name)

        return self.access.event(EventKind.UNQUEUE, check, participant=participant)

    def toggle_queue(self, participant: int) -> Event:
        """A participant's queue key: out of the queue if they wait in it, else at its end."""
        with self.access.locked():
            if participant in self.access.queue():
                return self.unqueue(participant)
            return self.queue(participant)

    def floor_to_next(self) -> Event:
        """Give the floor to the head of the queue, which takes them out of it (refused,
        ``queue-empty``, when nobody waits). The rules of :meth:`speaker` apply."""
        with self.access.locked():
            waiting = self.access.queue()
            if not waiting:
                raise ServiceError("queue-empty")
            return self.speaker(waiting[0])

    def set_attendance(self, participant: int, attendance: Attendance, at: datetime | None = None) -> Participant:
        """Mark someone present, absent, late (arrived ``at``, default now) or left (at ``at``)."""
        access = self.access
        with access.locked():
            session, now = access.session, access.now()
            person = session.participant(participant)
            if person is None:
                raise ServiceError("no-participant", number=participant)
            when = now if at is None else min(at, now)
            changed = replace(
                person,
                attendance=attendance,
                arrived_at=when if attendance is Attendance.LATE else person.arrived_at,
                left_at=when if attendance is Attendance.LEFT else person.left_at,
            )
            saved = access.replace(changed)
            if attendance in (Attendance.ABSENT, Attendance.LEFT) and participant in access.queue():
                access.event(EventKind.UNQUEUE, _nothing, participant=participant)  # gone: no longer waiting
            return saved


def _nothing(session: Session, state: AgendaState) -> None:
    """No check: the event follows a change already made."""
