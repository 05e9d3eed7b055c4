"""One session as the intents see it: read under the lock, changed durably, one record at a time.

Every group of intents (:mod:`.captures`, :mod:`.agenda`, :mod:`.room`, :mod:`.playbook`,
:mod:`.closing`) is given the same :class:`SessionAccess` and changes the session only
through it: :meth:`SessionAccess.add`, :meth:`~SessionAccess.add_all` and
:meth:`~SessionAccess.replace` write to the file before they return and keep the
session in memory in step, so the next intent reads what is on disk without reading
the file again.

The access keeps a domain :class:`Session` in memory and rebuilds it only when another
process has changed the file. It keeps, too, the replays of the session's clock and floor
events (two :class:`~coopconsole.domain.replay_keeper.ReplayKeeper`), fed only the events
that arrived since the last intent: the current item, the clock's figures, who has the
floor and who waits for it cost an intent the same in the fifth minute as in the eighth
hour. The replay starts again from the first event only when an event arrives out of
order (another process wrote one stamped earlier than the last one replayed), when the
agenda or the participants changed, or when the clock was set back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from coopconsole.domain.clock import Clock, system_clock
from coopconsole.domain.floor_replay import FloorReplay
from coopconsole.domain.model import RECORD_LISTS, Event, EventKind, R, Record, Session
from coopconsole.domain.replay_keeper import ReplayKeeper
from coopconsole.domain.timeline import AgendaState, ClockReplay, state_from_replay
from coopconsole.domain.typed_text import MAX_CAPTURE_CHARS, clean_line
from coopconsole.service.refusals import ServiceError
from coopconsole.store import SessionFile

if TYPE_CHECKING:
    from types import ModuleType

    from coopconsole.domain.capture import Capture
    from coopconsole.domain.model import SmartCheck


class Current:
    """The type of :data:`CURRENT`."""

    def __repr__(self) -> str:
        return "CURRENT"


#: Attach a capture to whatever agenda item is current.
CURRENT: Final = Current()

#: Which agenda item a record is about: an item's number, none, or the current one.
ItemChoice = int | None | Current

#: A check run on the freshest session and its clock before an event is added.
Check = Callable[[Session, AgendaState], None]


def load_parser() -> tuple[ModuleType, ModuleType]:
    """The quick-capture parser and the SMART check, imported on first use.

    Compiling their patterns takes longer than anything else the console's first frame
    needs, so the console calls this in the background once it has painted."""
    from coopconsole.domain import capture, smart

    return capture, smart


class SessionAccess:
    """The session of one open file, for the intents: reading, the clock, and durable changes."""

    def __init__(self, handle: SessionFile, clock: Clock = system_clock) -> None:
        self.handle = handle
        self.clock = clock
        self._session: Session | None = None
        self._revision = -1
        self.clock_replay = ReplayKeeper(ClockReplay)
        self.floor_replay = ReplayKeeper(FloorReplay)  # made on the first intent about the floor
        # The replays are fed as they are read: an intent (on the intent thread) and a
        # look from the screen (on the event loop) take turns.
        self._replaying = threading.Lock()

    # -- reading ---------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the session's lock: what is read inside is what the next change builds on."""
        with self.handle.locked():
            yield

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
            with self._replaying:
                for keeper in (self.clock_replay, self.floor_replay):  # read again: any event may differ
                    keeper.check_all()
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
        """The agenda clock's figures now."""
        return self.state_of(self.session, self.now())

    def state_of(self, session: Session, now: datetime) -> AgendaState:
        """The agenda clock's figures of ``session`` (this one, or a copy of it with a
        different header) as of ``now``: as :func:`~coopconsole.domain.timeline.agenda_state`
        gives them, from the replay kept."""
        with self._replaying:
            return state_from_replay(session, self.clock_replay.replay(session, now), now)

    def current_of(self, session: Session, now: datetime) -> int | None:
        """The current item of ``session`` as of ``now``: :meth:`state_of`'s ``current``,
        read off the replay kept without working out every item's timing (a capture
        needs only this, and a full day's agenda has forty items)."""
        with self._replaying:
            return self.clock_replay.replay(session, now).current_id

    def queue(self) -> tuple[int, ...]:
        """Who waits for the floor now, the next first."""
        session, now = self.session, self.now()
        with self._replaying:
            return tuple(self.floor_replay.replay(session, now).queue.order)

    def floor(self) -> int | None:
        """Who has the floor now (None: nobody)."""
        session, now = self.session, self.now()
        with self._replaying:
            return self.floor_replay.replay(session, now).speaker

    def prepare(self) -> None:
        """Work out now what the first intent would otherwise work out first: the clock's
        and the floor's replays from the first event, the file's next write (see
        :meth:`SessionFile.prepare_writes`) and the participants' names as a capture
        reads them. A console calls this on its intent thread once its first frame is
        painted, so the first capture of a long meeting costs what every later one does."""
        with self.handle.locked():
            session, now = self._current(), self.now()
            with self._replaying:
                self.clock_replay.replay(session, now)
                self.floor_replay.replay(session, now)
        self.handle.prepare_writes()
        capture, _ = load_parser()
        capture.learn_names(session.participants)

    # -- changing (the caller holds the lock) -------------------------------------------

    def add(self, record: R) -> R:
        """Persist a new record (numbered by the store) and keep the session in step."""
        session = self.session
        saved = self.handle.add(record)
        session.put_new(saved)
        self._revision = self.handle.revision
        return saved

    def add_all(self, records: list[Record]) -> list[Record]:
        """Persist several new records in one write: all of them or none."""
        session = self.session
        saved = self.handle.add_all(records)
        for record in saved:
            session.put_new(record)
        self._revision = self.handle.revision
        return saved

    def replace(self, record: R) -> R:
        """Persist a changed record and keep the session in step."""
        session = self.session
        self.handle.replace(record)
        session.put(record)
        if isinstance(record, Event):  # changed in place: the replay cannot tell by itself
            with self._replaying:
                self.clock_replay.forget()
                self.floor_replay.forget()
        self._revision = self.handle.revision
        return record

    def update_meta(self, changed: Session) -> None:
        """Persist the session's header (title, minutes sent, next meeting...: every field
        but its lists of records) and keep the session in memory in step."""
        session = self.session
        self.handle.update_meta(changed)
        _copy_header(changed, session)
        self._revision = self.handle.revision

    def amend(
        self,
        changed: Session,
        replaced: Sequence[Record],
        removed: Sequence[Record],
        added: Sequence[Record] = (),
    ) -> None:
        """Persist the header of ``changed``, ``replaced`` records, the removal of
        ``removed`` ones and ``added`` ones (numbered by the caller) in one write (all or
        nothing), and keep the session in step."""
        session = self.session
        self.handle.amend(changed, list(replaced), list(removed), list(added))
        _copy_header(changed, session)
        for record in [*replaced, *added]:
            session.put(record)
        for record in removed:
            name = RECORD_LISTS[type(record)]
            setattr(session, name, [r for r in getattr(session, name) if r.id != record.id])
        if any(isinstance(record, Event) for record in [*replaced, *removed]):
            with self._replaying:  # changed in place: the replays cannot tell by themselves
                self.clock_replay.forget()
                self.floor_replay.forget()
        self._revision = self.handle.revision

    def event(self, kind: EventKind, check: Check, **fields: Any) -> Event:
        """Add a clock or floor event now, once ``check`` has found nothing against it."""
        with self.handle.locked():
            session, now = self.session, self.now()
            check(session, self.state_of(session, now))
            return self.add(Event(id=0, at=now, kind=kind, **fields))

    def find(self, kind: type[R], record_id: int) -> R:
        """The record of ``kind`` numbered ``record_id``; refused if it is gone."""
        found = next((r for r in self.session.records(kind) if r.id == record_id), None)
        if found is None:
            raise ServiceError("missing", id=record_id)
        return found

    # -- reading what people typed ----------------------------------------------------

    @staticmethod
    def text(text: str, empty: str = "empty") -> str:
        """One line as typed, cleaned; refused if it is longer than a capture may be, or
        if nothing is left (with the code ``empty``)."""
        if len(text) > MAX_CAPTURE_CHARS:
            raise ServiceError("too-long", length=f"{len(text):,}", most=f"{MAX_CAPTURE_CHARS:,}")
        line = clean_line(text)
        if not line:
            raise ServiceError(empty)
        return line

    def parse(self, text: str, session: Session, now: datetime, mentions_only: bool = False) -> Capture:
        """A quick-capture line read against the session's participants."""
        line = self.text(text)
        capture, _ = load_parser()
        try:
            if mentions_only:
                parsed: Capture = capture.parse_mention(line, session.participants, now.date())
            else:
                parsed = capture.parse_capture(line, session.participants, now)
        except capture.CaptureError as exc:
            raise ServiceError(exc.code, exc.message) from None  # the parser's words, in English
        return parsed

    @staticmethod
    def smart(parsed: Capture, now: datetime) -> SmartCheck:
        """The SMART check of a parsed action at the moment of capture."""
        _, smart = load_parser()
        result: SmartCheck = smart.smart_check(parsed, now.date())
        return result

    def item(self, item: ItemChoice, session: Session, now: datetime) -> int | None:
        """The agenda item a record is about (the current one for :data:`CURRENT`)."""
        if isinstance(item, Current):
            return self.current_of(session, now)
        if item is not None and session.item(item) is None:
            raise ServiceError("no-item", item=item)
        return item


def _copy_header(changed: Session, session: Session) -> None:
    """Every field of ``changed`` but its lists of records, onto ``session``."""
    lists = {*RECORD_LISTS.values(), "set_aside"}
    for f in fields(Session):
        if f.name not in lists:
            setattr(session, f.name, getattr(changed, f.name))
