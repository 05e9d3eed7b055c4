"""Intents of the note-taker: capture an action, a note, a decision or a parked point,
edit one, and resolve a parked point.

Each method validates against the freshest state under the session's lock and returns
once the record is on disk (see :class:`~coopconsole.service.access.SessionAccess`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from coopconsole.domain.model import CAPTURE_KINDS, ActionItem, Decision, Note, ParkedItem, Resolution, Session
from coopconsole.service.access import CURRENT, ItemChoice, SessionAccess, load_parser
from coopconsole.service.refusals import ServiceError

if TYPE_CHECKING:
    from coopconsole.domain.capture import Capture

#: What can be captured, as the command line and the capture bar name it.

#: A captured record.
Captured = ActionItem | Note | Decision | ParkedItem


class Captures:
    """Capturing and editing what is said in the room."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def capture(self, kind: str, text: str, item: ItemChoice = CURRENT) -> Captured:
        """Capture one line of ``kind`` (action, note, decision, park)."""
        if kind == "action":
            return self.action(text, item)
        if kind == "note":
            return self.note(text, item)
        if kind == "decision":
            return self.decision(text, item)
        if kind == "park":
            return self.park(text, item)
        raise ServiceError("bad-kind", kind=repr(kind), kinds=", ".join(CAPTURE_KINDS))

    def action(self, text: str, item: ItemChoice = CURRENT) -> ActionItem:
        """An action: ``@owner``, the deliverable, and a deadline, checked SMART."""
        access = self.access
        with access.locked():
            session, now = access.session, access.now()
            parsed = access.parse(text, session, now)
            return access.add(_action(parsed, session, access.item(item, session, now), now, access))

    def note(self, text: str, item: ItemChoice = CURRENT) -> Note:
        access = self.access
        with access.locked():
            session, now = access.session, access.now()
            note = Note(id=0, text=access.text(text), item=access.item(item, session, now), created_at=now)
            return access.add(note)

    def decision(self, text: str, item: ItemChoice = CURRENT) -> Decision:
        access = self.access
        with access.locked():
            session, now = access.session, access.now()
            decision = Decision(id=0, text=access.text(text), item=access.item(item, session, now), created_at=now)
            return access.add(decision)

    def park(self, text: str, item: ItemChoice = CURRENT) -> ParkedItem:
        """Park a point; ``@name`` in the line says who raised it."""
        access = self.access
        with access.locked():
            session, now = access.session, access.now()
            parsed = access.parse(text, session, now, mentions_only=True)
            parked = ParkedItem(
                id=0,
                text=parsed.deliverable,
                raised_by=parsed.owner,
                raised_by_id=parsed.owner_id,
                item=access.item(item, session, now),
                created_at=now,
            )
            return access.add(parked)

    # -- editing and resolving -------------------------------------------------------

    def edit(self, record: Captured, text: str) -> Captured:
        """Replace a captured record's text (an action's line is parsed again)."""
        access = self.access
        with access.locked():
            session, now = access.session, access.now()
            if isinstance(record, ActionItem):
                current = access.find(ActionItem, record.id)
                parsed = access.parse(text, session, now)
                fresh = _action(parsed, session, current.item, now, access)
                return access.replace(
                    replace(
                        current,
                        deliverable=fresh.deliverable,
                        owner=fresh.owner,
                        owner_id=fresh.owner_id,
                        organisation=fresh.organisation,
                        deadline=fresh.deadline,
                        text=fresh.text,
                        smart=fresh.smart,
                    )
                )
            if isinstance(record, ParkedItem):
                point = access.find(ParkedItem, record.id)
                parsed = access.parse(text, session, now, mentions_only=True)
                point = replace(point, text=parsed.deliverable, raised_by=parsed.owner)
                return access.replace(replace(point, raised_by_id=parsed.owner_id))
            if isinstance(record, Decision):
                return access.replace(replace(access.find(Decision, record.id), text=access.text(text)))
            return access.replace(replace(access.find(Note, record.id), text=access.text(text)))

    def resolve_parked(self, parked_id: int, resolution: Resolution, item: int | None = None) -> ParkedItem:
        """Schedule a parked point to an agenda item, turn it into an action (keeping its
        text), defer it to the next meeting, or open it again."""
        access = self.access
        with access.locked():
            session, now = access.session, access.now()
            point = access.find(ParkedItem, parked_id)
            target = None
            if resolution is Resolution.SCHEDULED:
                if session.item(item) is None:
                    raise ServiceError("no-item", item=item)
                target = item
            elif resolution is Resolution.ACTION:
                target = self._action_from(point, session, now).id
            return access.replace(replace(point, resolution=resolution, target=target))

    def action_from_parked(self, parked_id: int, text: str) -> ActionItem:
        """Turn a parked point into the action ``text`` says (the point's line as the
        note-taker completed it: ``@owner``, deliverable, deadline), read and checked as
        :meth:`action` reads a line, and mark the point resolved by that action."""
        access = self.access
        with access.locked():
            session, now = access.session, access.now()
            point = access.find(ParkedItem, parked_id)
            parsed = access.parse(text, session, now)
            action = access.add(_action(parsed, session, access.item(CURRENT, session, now), now, access))
            access.replace(replace(point, resolution=Resolution.ACTION, target=action.id))
            return action

    def _action_from(self, point: ParkedItem, session: Session, now: datetime) -> ActionItem:
        """The action a parked point becomes: its line read as an action where it can be."""
        access = self.access
        capture, _ = load_parser()
        try:
            parsed = capture.parse_capture(point.text, session.participants, now)
        except capture.CaptureError:
            parsed = capture.Capture(point.text, point.text, "", None, False, None, "")
        action = replace(_action(parsed, session, access.item(CURRENT, session, now), now, access), text=point.text)
        return access.add(action)


def _action(parsed: Capture, session: Session, item: int | None, now: datetime, access: SessionAccess) -> ActionItem:
    """A new action from a parsed line (numbered by the store when it is added)."""
    owner = session.participant(parsed.owner_id)
    return ActionItem(
        id=0,
        deliverable=parsed.deliverable,
        owner=parsed.owner,
        owner_id=parsed.owner_id,
        organisation=owner.organisation if owner else "",
        deadline=parsed.deadline,
        item=item,
        created_at=now,
        text=parsed.text,
        smart=access.smart(parsed, now),
    )
