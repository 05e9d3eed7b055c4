"""Commands on a session: the only way anything changes a meeting.

Each method is one intent of the facilitator or note-taker. It validates against the
freshest state (under the session's lock, so a second console or a ``coopconsole add``
in another terminal cannot slip in between), appends or changes records, and returns
only once the change is durable on disk. A refused intent raises :class:`ServiceError`
with a message for the user and leaves the session untouched.

The service keeps a domain :class:`Session` in memory and rebuilds it only when another
process has changed the file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

import coopconsole.service.refusals as refusals
from coopconsole.domain.clock import Clock, system_clock
from coopconsole.domain.model import (
    ActionItem,
    Attendance,
    Decision,
    Event,
    EventKind,
    Note,
    ParkedItem,
    Participant,
    Resolution,
    Session,
    SessionStatus,
)
from coopconsole.domain.timeline import AgendaState, agenda_state
from coopconsole.domain.typed_text import clean_line
from coopconsole.service.closing import ClosingIntents
from coopconsole.service.playbook import PlaybookIntents
from coopconsole.service.refusals import ServiceError
from coopconsole.store import SessionFile
from coopconsole.store.codecs import CODECS, TABLE_OF

if TYPE_CHECKING:
    from coopconsole.domain.capture import Capture
    from coopconsole.domain.model import SmartCheck

CAPTURE_KINDS = ("action", "note", "decision", "park")

#: The shortest time box shortening leaves an item (a box of 0 would be over at once).
MIN_BOX_MINUTES = 1

#: Sentinel: attach a capture to whatever agenda item is current.
CURRENT = object()


def load_parser():  # noqa: ANN201 - two modules
    """The quick-capture parser and the SMART check, imported on first use.

    Compiling their patterns takes longer than anything else the console's first frame
    needs, so the console calls this in the background once it has painted."""
    from coopconsole.domain import capture, smart

    return capture, smart


class MeetingService(ClosingIntents, PlaybookIntents):
    def __init__(self, handle: SessionFile, clock: Clock = system_clock) -> None:
        self.handle = handle
        self.clock = clock
        self._session: Session | None = None
        self._revision = -1

    # -- reading ---------------------------------------------------------------------

    @property
    def session(self) -> Session:
        """The session as it is on disk now (rebuilt only if another process changed it)."""
        with self.handle.locked():
            return self._current()

    def _current(self) -> Session:
        """The session, reloaded if the file changed since (the caller holds the lock)."""
        if self._session is None or self._revision != self.handle.revision:
            self._session = self.handle.load()
            self._revision = self.handle.revision
        return self._session

    def glance(self) -> Session:
        """The session as the screen shows and reads it (once a second, after each change,
        and for a key's choices): as :attr:`session` if the file is free, else at once as
        of the last change seen. Intents still read :attr:`session`, under the lock.

        A save holds the lock until its bytes are on the disk, which a slow disk makes
        take tens or hundreds of milliseconds: the countdown must not wait for it. The
        save's own end is shown when it is done (the screen looks again then), another
        process's on the next second."""
        with self.handle.locked_if_free() as free:
            if free:
                return self._current()
        return self._session if self._session is not None else self.session  # the first look waits

    def now(self) -> datetime:
        """The clock, to the millisecond (what the file keeps)."""
        now = self.clock()
        return now.replace(microsecond=now.microsecond // 1000 * 1000)

    def state(self) -> AgendaState:
        return agenda_state(self.session, self.now())

    # -- captures --------------------------------------------------------------------

    def capture(self, kind: str, text: str, item: Any = CURRENT) -> Any:
        """Capture one line of ``kind`` (action, note, decision, park)."""
        if kind not in CAPTURE_KINDS:
            raise ServiceError("bad-kind", f"Unknown kind {kind!r}: use one of {', '.join(CAPTURE_KINDS)}.")
        return getattr(self, f"capture_{kind}")(text, item)

    def capture_action(self, text: str, item: Any = CURRENT) -> ActionItem:
        with self.handle.locked():
            session, now = self.session, self.now()
            parsed = self._parse(text, session, now)
            owner = session.participant(parsed.owner_id)
            action = ActionItem(
                id=0,
                deliverable=parsed.deliverable,
                owner=parsed.owner,
                owner_id=parsed.owner_id,
                organisation=owner.organisation if owner else "",
                deadline=parsed.deadline,
                item=self._item(item, session, now),
                created_at=now,
                text=parsed.text,
                smart=_smart(parsed, now),
            )
            return self._add(action)

    def capture_note(self, text: str, item: Any = CURRENT) -> Note:
        with self.handle.locked():
            session, now = self.session, self.now()
            note = Note(id=0, text=self._text(text), item=self._item(item, session, now), created_at=now)
            return self._add(note)

    def capture_decision(self, text: str, item: Any = CURRENT) -> Decision:
        with self.handle.locked():
            session, now = self.session, self.now()
            decision = Decision(id=0, text=self._text(text), item=self._item(item, session, now), created_at=now)
            return self._add(decision)

    def capture_park(self, text: str, item: Any = CURRENT) -> ParkedItem:
        """Park a point; ``@name`` in the line says who raised it."""
        with self.handle.locked():
            session, now = self.session, self.now()
            parsed = self._parse(text, session, now, mentions_only=True)
            parked = ParkedItem(
                id=0,
                text=parsed.deliverable,
                raised_by=parsed.owner,
                raised_by_id=parsed.owner_id,
                item=self._item(item, session, now),
                created_at=now,
            )
            return self._add(parked)

    # -- editing and resolving -------------------------------------------------------

    def edit(self, record: Any, text: str) -> Any:
        """Replace a captured record's text (an action's line is parsed again)."""
        with self.handle.locked():
            session, now = self.session, self.now()
            current = _find(session, record)
            if isinstance(current, ActionItem):
                parsed = self._parse(text, session, now)
                owner = session.participant(parsed.owner_id)
                changed = replace(
                    current,
                    deliverable=parsed.deliverable,
                    owner=parsed.owner,
                    owner_id=parsed.owner_id,
                    organisation=owner.organisation if owner else "",
                    deadline=parsed.deadline,
                    text=parsed.text,
                    smart=_smart(parsed, now),
                )
            elif isinstance(current, ParkedItem):
                parsed = self._parse(text, session, now, mentions_only=True)
                changed = replace(
                    current, text=parsed.deliverable, raised_by=parsed.owner, raised_by_id=parsed.owner_id
                )
            else:
                changed = replace(current, text=self._text(text))
            return self._replace(changed)

    def resolve_parked(self, parked_id: int, resolution: Resolution, item: int | None = None) -> ParkedItem:
        """Schedule a parked point to an agenda item, turn it into an action (keeping its
        text), defer it to the next meeting, or open it again."""
        with self.handle.locked():
            session, now = self.session, self.now()
            point = _find(session, ParkedItem(parked_id, ""))
            target = None
            if resolution is Resolution.SCHEDULED:
                if session.item(item) is None:
                    raise ServiceError("no-item", f"There is no agenda item {item}.")
                target = item
            elif resolution is Resolution.ACTION:
                target = self._action_from(point, session, now).id
            return self._replace(replace(point, resolution=resolution, target=target))

    def set_attendance(self, participant: int, attendance: Attendance, at: datetime | None = None) -> Participant:
        """Mark someone present, absent, late (arrived ``at``, default now) or left (at ``at``)."""
        with self.handle.locked():
            session, now = self.session, self.now()
            person = session.participant(participant)
            if person is None:
                raise ServiceError("no-participant", f"There is no participant number {participant}.")
            when = now if at is None else min(at, now)
            changed = replace(
                person,
                attendance=attendance,
                arrived_at=when if attendance is Attendance.LATE else person.arrived_at,
                left_at=when if attendance is Attendance.LEFT else person.left_at,
            )
            return self._replace(changed)

    def _action_from(self, point: ParkedItem, session: Session, now: datetime) -> ActionItem:
        capture, _ = load_parser()
        try:
            parsed = capture.parse_capture(point.text, session.participants, now)
        except capture.CaptureError:
            parsed = capture.Capture(point.text, point.text, "", None, False, None, "")
        owner = session.participant(parsed.owner_id)
        action = ActionItem(
            id=0,
            deliverable=parsed.deliverable,
            owner=parsed.owner,
            owner_id=parsed.owner_id,
            organisation=owner.organisation if owner else "",
            deadline=parsed.deadline,
            item=self._item(CURRENT, session, now),
            created_at=now,
            text=point.text,
            smart=_smart(parsed, now),
        )
        return self._add(action)

    # -- the agenda clock and the floor ----------------------------------------------

    def start(self) -> Event:
        return self._event(EventKind.START, refusals.can_start)

    def pause(self) -> Event:
        return self._event(EventKind.PAUSE, refusals.running)

    def resume(self) -> Event:
        return self._event(EventKind.RESUME, refusals.paused)

    def toggle_clock(self) -> Event:
        """Start, pause or resume, whichever applies now (the space bar)."""
        with self.handle.locked():
            state = self.state()
            if state.status is SessionStatus.PLANNED:
                return self.start()
            return self.pause() if state.running else self.resume()

    def toggle_speaker(self, participant: int | None) -> Event:
        """A participant's key: give them the floor, or, if they have it, nobody."""
        with self.handle.locked():
            if participant is not None and participant == floor_holder(self.session):
                participant = None
            return self.speaker(participant)

    def next_item(self) -> Event:
        return self._event(EventKind.NEXT, refusals.has_next)

    def previous_item(self) -> Event:
        return self._event(EventKind.PREV, refusals.has_previous)

    def goto(self, item: int) -> Event:
        def check(session: Session, state: AgendaState) -> None:
            refusals.not_ended(session, state)
            if session.item(item) is None:
                raise ServiceError("no-item", f"There is no agenda item {item}.")

        return self._event(EventKind.GOTO, check, item=item)

    def extend(self, minutes: int) -> Event:
        """Lengthen (or, negative, shorten) the current item's time box."""

        def check(session: Session, state: AgendaState) -> None:
            refusals.not_ended(session, state)
            if state.current is None:
                raise ServiceError("no-current-item", "No agenda item is under way yet: start the agenda first.")
            box = state.timing(state.current).box
            if minutes < 0 and box is not None and box.total_seconds() + minutes * 60 < MIN_BOX_MINUTES * 60:
                raise ServiceError("box-too-short", f"The time box cannot be shorter than {MIN_BOX_MINUTES} minute.")

        state = self.state()
        return self._event(EventKind.EXTEND, check, item=state.current, minutes=minutes)

    def speaker(self, participant: int | None) -> Event:
        """Give the floor to ``participant`` (None: nobody speaks)."""

        def check(session: Session, state: AgendaState) -> None:
            refusals.not_ended(session, state)
            if participant is not None and session.participant(participant) is None:
                raise ServiceError("no-participant", f"There is no participant number {participant}.")

        return self._event(EventKind.SPEAKER, check, participant=participant)

    def end_meeting(self) -> Event:
        return self._event(EventKind.END, refusals.not_ended)

    # -- internals -------------------------------------------------------------------

    def _event(self, kind: EventKind, check: Any, **fields: Any) -> Event:
        with self.handle.locked():
            session, now = self.session, self.now()
            check(session, agenda_state(session, now))
            return self._add(Event(id=0, at=now, kind=kind, **fields))

    def _add(self, obj: Any) -> Any:
        """Persist ``obj`` (caller holds the lock) and keep the in-memory session in step."""
        session = self.session
        saved = self.handle.add(obj)
        attr = CODECS[TABLE_OF[type(obj)]][0]
        setattr(session, attr, [*getattr(session, attr), saved])
        self._revision = self.handle.revision
        return saved

    def _add_all(self, objs: list[Any]) -> list[Any]:
        """Persist several new records in one write (all or none; caller holds the lock)."""
        session = self.session
        saved = self.handle.add_all(objs)
        for obj in saved:
            attr = CODECS[TABLE_OF[type(obj)]][0]
            setattr(session, attr, [*getattr(session, attr), obj])
        self._revision = self.handle.revision
        return saved

    def _replace(self, obj: Any) -> Any:
        """Persist a changed record (caller holds the lock); keep the session in step."""
        session = self.session
        self.handle.replace(obj)
        attr = CODECS[TABLE_OF[type(obj)]][0]
        setattr(session, attr, [obj if old.id == obj.id else old for old in getattr(session, attr)])
        self._revision = self.handle.revision
        return obj

    def _parse(self, text: str, session: Session, now: datetime, mentions_only: bool = False) -> Capture:
        line = self._text(text)
        capture, _ = load_parser()
        try:
            if mentions_only:
                return capture.parse_mention(line, session.participants)
            return capture.parse_capture(line, session.participants, now)
        except capture.CaptureError as exc:
            raise ServiceError(exc.code, exc.message) from None

    @staticmethod
    def _text(text: str) -> str:
        line = clean_line(text)
        if not line:
            raise ServiceError("empty", "Nothing to save: the text is empty.")
        return line

    @staticmethod
    def _item(item: Any, session: Session, now: datetime) -> int | None:
        if item is not CURRENT:
            if item is not None and session.item(item) is None:
                raise ServiceError("no-item", f"There is no agenda item {item}.")
            return item
        return agenda_state(session, now).current


def floor_holder(session: Session) -> int | None:
    """Who has the floor after the last event: a SPEAKER event gives it, PAUSE and END
    take it away (the rules of :mod:`coopconsole.domain.floor_replay`)."""
    for event in reversed(session.events):
        if event.kind is EventKind.SPEAKER:
            return event.participant
        if event.kind in (EventKind.PAUSE, EventKind.END):
            return None
    return None


def _find(session: Session, record: Any) -> Any:
    attr = CODECS[TABLE_OF[type(record)]][0]
    found = next((r for r in getattr(session, attr) if r.id == record.id), None)
    if found is None:
        raise ServiceError("missing", f"That record (#{record.id}) is no longer in the session.")
    return found


def _smart(parsed: Capture, now: datetime) -> SmartCheck:
    _, smart = load_parser()
    return smart.smart_check(parsed, now.date())
