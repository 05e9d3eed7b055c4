"""One session's replay of its events, kept up to date as events arrive.

:class:`ReplayKeeper` holds one replay of a session (the agenda clock's
:class:`~coopconsole.domain.clock_replay.ClockReplay`, or the floor's
:class:`~coopconsole.domain.floor_replay.FloorReplay`, which wraps a clock replay of its
own), fed every event stamped at or before the latest "now" asked for, in replay
order ``(at, id)``. Asked again, it feeds only the events appended since: the cost of a
look is that of the new events, not of the meeting. What it answers is exactly what the
from-scratch functions give (:func:`~coopconsole.domain.timeline.agenda_state`,
:func:`~coopconsole.domain.speaker_queue.speaker_queue` up to "now",
:func:`~coopconsole.domain.balance.replay`); only the work differs.

Both the console's figures (:class:`~coopconsole.domain.live.LiveMeeting`, a floor
replay) and the service's checks (``coopconsole.service.access``: a clock replay for
every intent, a floor replay for those about the floor, made on the first of them) read
their replay from one of these.

What is kept
------------
* the replay, and the last event fed into it;
* events already seen but stamped after that "now", sorted, waiting to be fed;
* how many of ``session.events`` were seen, and the last of them;
* the session's name, its agenda and the set of participant ids the replay was made for.

When it replays from scratch
----------------------------
* ``session.events`` no longer extends the list seen before: it is shorter, or its
  element at the previously last position differs from the event seen there, or (after
  :meth:`ReplayKeeper.check_all`, which a caller uses once it has read the session again
  from a file another process wrote) any earlier element differs;
* an appended event does not sort after the last event fed (another process wrote an
  event stamped earlier, or with the same stamp and a lower id);
* "now" is earlier than the last event fed (the clock was set back);
* the agenda changed, the set of participant ids changed, or another session is passed;
* :meth:`ReplayKeeper.forget` was called (an event was changed in place).

Events are append-only in practice (the service stamps them with the time of writing),
so a running meeting is replayed once, when it is opened.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from coopconsole.domain.model import AgendaItem, Event, Session


class Replay(Protocol):
    """A replay: made for a session, then fed its events one by one in replay order."""

    def feed(self, event: Event) -> None: ...


T = TypeVar("T", bound=Replay)


def order_key(event: Event) -> tuple[datetime, int]:
    """Where an event falls in the replay: by its stamp, then by its number."""
    return event.at, event.id


class ReplayKeeper(Generic[T]):
    """The replay of one session's events up to "now", fed only what is new; ``make``
    starts a replay of a session (``ClockReplay``, ``FloorReplay``)."""

    def __init__(self, make: Callable[[Session], T]) -> None:
        self.make = make
        self.rebuilds = 0  # how many times the session was replayed from scratch
        self.fed = 0  # how many events were fed to the replays, in all
        self._replay: T | None = None
        self._name = ""
        self._agenda: tuple[AgendaItem, ...] = ()
        self._ids: frozenset[int] = frozenset()
        self._events: list[Event] = []  # the list last seen (its first _seen elements were taken in)
        self._seen = 0
        self._last_seen: Event | None = None  # _events[_seen - 1]
        self._last_fed: Event | None = None
        self._pending: list[Event] = []  # taken in, stamped after "now": sorted, not fed
        self._check_all = False

    # -- what callers read ------------------------------------------------------------------

    def replay(self, session: Session, now: datetime) -> T:
        """The replay of ``session`` as of ``now``. Read it, do not feed it: it is kept."""
        self._catch_up(session, now)
        assert self._replay is not None
        return self._replay

    # -- what callers tell it -----------------------------------------------------------------

    def check_all(self) -> None:
        """Compare every event seen before with the session's next time, not only the
        last: the caller read the session again from a file another process may have
        rewritten. (Comparing costs far less than the reading did.)"""
        self._check_all = True

    def forget(self) -> None:
        """Replay from scratch next time (an event was changed in place)."""
        self._replay = None

    # -- keeping the replay in step ------------------------------------------------------------

    def _catch_up(self, session: Session, now: datetime) -> None:
        agenda = tuple(session.agenda)
        ids = frozenset(p.id for p in session.participants)
        if self._replay is None or session.name != self._name or agenda != self._agenda or ids != self._ids:
            self._rebuild(session, agenda, ids, now)
            return
        if not self._take_new(session.events) or (self._last_fed is not None and self._last_fed.at > now):
            self._rebuild(session, agenda, ids, now)
            return
        self._feed_until(now)

    def _take_new(self, events: list[Event]) -> bool:
        """Queue the events appended since the last call; False if that is not the case."""
        seen = self._seen
        if len(events) < seen or (seen and events[seen - 1] != self._last_seen):
            return False
        if self._check_all:
            self._check_all = False
            if events is not self._events and events[:seen] != self._events[:seen]:
                return False
        self._events = events
        if len(events) == seen:
            return True
        last = None if self._last_fed is None else order_key(self._last_fed)
        new = events[seen:]
        if last is not None and any(order_key(e) <= last for e in new):
            return False
        for event in new:
            insort(self._pending, event, key=order_key)
        self._seen, self._last_seen = len(events), events[-1]
        return True

    def _rebuild(self, session: Session, agenda: tuple[AgendaItem, ...], ids: frozenset[int], now: datetime) -> None:
        self.rebuilds += 1
        self._name, self._agenda, self._ids = session.name, agenda, ids
        self._replay = self.make(session)
        events = session.events
        self._events = events
        self._pending = sorted(events, key=order_key)
        self._seen, self._last_seen = len(events), events[-1] if events else None
        self._last_fed = None
        self._check_all = False
        self._feed_until(now)

    def _feed_until(self, now: datetime) -> None:
        pending, floor = self._pending, self._replay
        assert floor is not None
        fed = 0
        for event in pending:
            if event.at > now:
                break
            floor.feed(event)
            fed += 1
        self.fed += fed
        if fed:
            self._last_fed = pending[fed - 1]
            del pending[:fed]
