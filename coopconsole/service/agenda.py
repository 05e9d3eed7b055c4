"""Intents of the facilitator on the agenda clock: start, pause, resume, move between
items, lengthen or shorten the current one, and end the meeting.

Each is one event appended under the session's lock once its check (see
:mod:`coopconsole.service.refusals`) finds nothing against it; every figure on screen is
worked out again from the events (see :mod:`coopconsole.domain.timeline`).
"""

from __future__ import annotations

from coopconsole.domain.model import Event, EventKind, Session, SessionStatus
from coopconsole.domain.timeline import AgendaState
from coopconsole.service import refusals
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError

#: The shortest time box shortening leaves an item (a box of 0 would be over at once).
MIN_BOX_MINUTES = 1


class AgendaClock:
    """The agenda clock's intents."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def start(self, move_plan: bool = False) -> Event:
        """Start (or resume) the clock; with ``move_plan``, the first start also moves the
        plan to now when it was planned for another day or time (see
        :mod:`coopconsole.domain.plan_move`), in the same write."""
        if not move_plan:
            return self.access.event(EventKind.START, refusals.can_start)
        from coopconsole.domain.plan_move import plan_move

        with self.access.locked():
            session, now, state = self.access.session, self.access.now(), self.access.state()
            refusals.can_start(session, state)
            minutes = plan_move(state, now)
            if minutes is None:
                return self.access.event(EventKind.START, refusals.can_start)
            added = self.access.add_all(
                [Event(id=0, at=now, kind=EventKind.SHIFT, minutes=minutes), Event(id=0, at=now, kind=EventKind.START)]
            )
            started = added[-1]
            assert isinstance(started, Event)
            return started

    def plan_move(self) -> int | None:
        """The minutes the plan would move by if the clock started now (None: it need not)."""
        from coopconsole.domain.plan_move import plan_move

        with self.access.locked():
            return plan_move(self.access.state(), self.access.now())

    def pause(self) -> Event:
        return self.access.event(EventKind.PAUSE, refusals.running)

    def resume(self) -> Event:
        return self.access.event(EventKind.RESUME, refusals.paused)

    def toggle(self) -> Event:
        """Start, pause or resume, whichever applies now (the space bar)."""
        with self.access.locked():
            state = self.access.state()
            if state.status is SessionStatus.PLANNED:
                return self.start()
            return self.pause() if state.running else self.resume()

    def next_item(self) -> Event:
        return self.access.event(EventKind.NEXT, refusals.has_next)

    def previous_item(self) -> Event:
        return self.access.event(EventKind.PREV, refusals.has_previous)

    def goto(self, item: int) -> Event:
        """Jump to agenda item ``item``."""

        def check(session: Session, state: AgendaState) -> None:
            refusals.not_ended(session, state)
            if session.item(item) is None:
                raise ServiceError("no-item", item=item)

        return self.access.event(EventKind.GOTO, check, item=item)

    def extend(self, minutes: int) -> Event:
        """Lengthen (or, negative, shorten) the current item's time box."""

        def check(session: Session, state: AgendaState) -> None:
            refusals.not_ended(session, state)
            if state.current is None:
                raise ServiceError("no-current-item")
            timing = state.current_timing
            box = timing.box if timing is not None else None
            if minutes < 0 and box is not None and box.total_seconds() + minutes * 60 < MIN_BOX_MINUTES * 60:
                raise ServiceError("box-too-short", minutes=MIN_BOX_MINUTES)

        with self.access.locked():
            current = self.access.state().current
            return self.access.event(EventKind.EXTEND, check, item=current, minutes=minutes)

    def end(self) -> Event:
        """End the meeting: the clock stops for good."""
        return self.access.event(EventKind.END, refusals.not_ended)
