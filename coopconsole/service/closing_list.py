"""Intents only the closing checklist offers: an agenda item never reached deferred to
the next meeting.

The same rules as every intent: under the lock, durable before returning, refused with
a :class:`ServiceError` (see :mod:`coopconsole.service.access`).
"""

from __future__ import annotations

from typing import cast

from coopconsole.domain.closing_list import deferred_items
from coopconsole.domain.model import Event, EventKind, ParkedItem, Record, Resolution, SessionStatus
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError


class ClosingFixes:
    """What the closing checklist fixes that no other intent does."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def defer_item(self, item: int) -> ParkedItem:
        """Defer agenda item ``item``, never begun, to the next meeting: it leaves the plan
        (while the meeting runs) and becomes a parked point deferred to the next meeting,
        naming it, as the re-plan's "defer" makes one, in one write. Unlike a re-plan it
        needs no delay, reaches an item before the current one too, and is not undone by
        ``u`` (the point can be opened again from the parking lot)."""
        with self.access.locked():
            session, now = self.access.session, self.access.now()
            agenda_item = session.item(item)
            if agenda_item is None:
                raise ServiceError("no-item", item=item)
            state = self.access.state_of(session, now)
            timing = state.timing(item)
            if timing is not None and timing.actual_start is not None:
                raise ServiceError("item-begun", item=item)
            if item in deferred_items(session):
                raise ServiceError("item-deferred", item=item)
            records: list[Record] = []
            # The plan of an ended meeting is history; the current item cannot leave it.
            if state.status is not SessionStatus.ENDED and item != state.current:
                records.append(Event(id=0, at=now, kind=EventKind.DROP, item=item))
            point = ParkedItem(
                id=0,
                text=agenda_item.title,
                item=state.current,
                resolution=Resolution.DEFERRED,
                target=item,
                created_at=now,
            )
            return cast(ParkedItem, self.access.add_all([*records, point])[-1])
