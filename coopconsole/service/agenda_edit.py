"""Intents that change the agenda itself during the meeting: add an item, rename it,
move it up or down, remove one not yet begun; and a participant who walks in.

Nothing written in the imported agenda is rewritten: a new item is a new agenda record
(``added_at``) together with the ADD event that places it, and every other change is one
event (RENAME, MOVE, REMOVE). The clock replays them in order (see
:mod:`coopconsole.domain.clock_replay`), so the countdown, the projected starts, the
projected end and the health checks follow at once, and the minutes list them
(:func:`coopconsole.domain.agenda_edit.agenda_changes`). A walk-in is a new participant
(present, arrived now, ``walked_in``) with a JOIN event.
"""

from __future__ import annotations

from datetime import datetime

from coopconsole.domain.agenda_edit import AgendaEditError, check_title, parse_item_line
from coopconsole.domain.model import AgendaItem, Attendance, Event, EventKind, Participant, Role
from coopconsole.domain.timeline import AgendaState
from coopconsole.service import refusals
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError


def _refused(exc: AgendaEditError) -> ServiceError:
    return ServiceError(exc.code, None, **exc.values)


class AgendaEdits:
    """Changes to the agenda and the people in the room, made while the meeting runs."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def _now(self) -> tuple[datetime, AgendaState]:
        access = self.access
        now = access.now()
        state = access.state_of(access.session, now)
        refusals.not_ended(access.session, state)
        return now, state

    @staticmethod
    def _on_agenda(state: AgendaState, item: int) -> int:
        index = next((i for i, t in enumerate(state.items) if t.item == item), None)
        if index is None:
            raise ServiceError("no-item", item=item)
        return index

    def add_item(self, line: str, after: int | None = None) -> AgendaItem:
        """Add the item typed as ``Title 15 min @Owner`` just after item ``after`` (0: at
        the top); by default after the current item (at the end before the start)."""
        access = self.access
        with access.locked():
            now, state = self._now()
            try:
                parsed = parse_item_line(access.text(line, "item-no-title"), access.session.participants)
            except AgendaEditError as exc:
                raise _refused(exc) from None
            if after is None:
                after = state.current if state.current is not None else (state.items[-1].item if state.items else 0)
            elif after != 0:
                self._on_agenda(state, after)
            item = AgendaItem(id=0, title=parsed.title, minutes=parsed.minutes, owner=parsed.owner, added_at=now)
            # Two writes: the store numbers the record, the event names it. A crash in
            # between leaves a record no ADD placed, which the replay never shows.
            added = access.add(item)
            access.add(Event(id=0, at=now, kind=EventKind.ADD, item=added.id, after=after))
            return added

    def rename_item(self, item: int, title: str) -> Event:
        """Give item ``item`` a new title."""
        access = self.access
        with access.locked():
            now, state = self._now()
            self._on_agenda(state, item)
            try:
                new = check_title(access.text(title, "item-no-title"))
            except AgendaEditError as exc:
                raise _refused(exc) from None
            return access.add(Event(id=0, at=now, kind=EventKind.RENAME, item=item, text=new))

    def move_item(self, item: int, step: int) -> Event:
        """Move item ``item`` one place up (``step`` -1) or down (+1) among the items to come."""
        access = self.access
        with access.locked():
            now, state = self._now()
            index = self._on_agenda(state, item)
            other = index + step
            if self._begun(state, index):
                raise ServiceError("item-begun-move", item=item)
            if not 0 <= other < len(state.items) or self._begun(state, other):
                raise ServiceError("item-no-room", item=item)
            if step < 0:
                after = 0 if other == 0 else state.items[other - 1].item
            else:
                after = state.items[other].item
            return access.add(Event(id=0, at=now, kind=EventKind.MOVE, item=item, after=after))

    def remove_item(self, item: int) -> Event:
        """Take item ``item`` off the agenda: only one not yet begun."""
        access = self.access
        with access.locked():
            now, state = self._now()
            index = self._on_agenda(state, item)
            if self._begun(state, index):
                raise ServiceError("item-started", item=item)
            return access.add(Event(id=0, at=now, kind=EventKind.REMOVE, item=item))

    @staticmethod
    def _begun(state: AgendaState, index: int) -> bool:
        timing = state.items[index]
        return timing.item == state.current or timing.actual_start is not None

    def walk_in(self, name: str, organisation: str = "", role: Role = Role.OTHER) -> Participant:
        """Add someone who walked in: present, arrived now; they can speak and own actions."""
        access = self.access
        with access.locked():
            now, _state = self._now()
            clean = access.text(name, "participant-no-name")
            org = access.text(organisation, "empty") if organisation.strip() else ""
            if any(p.name.casefold() == clean.casefold() for p in access.session.participants):
                raise ServiceError("participant-known", name=clean)
            person = Participant(
                id=0,
                name=clean,
                organisation=org,
                role=role,
                attendance=Attendance.PRESENT,
                arrived_at=now,
                walked_in=True,
            )
            added = access.add(person)
            access.add(Event(id=0, at=now, kind=EventKind.JOIN, participant=added.id))
            return added
