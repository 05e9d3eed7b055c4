"""Incremental replay of the floor: who speaks, in which item, and talk time so far.

:class:`FloorReplay` is the single implementation of the turn rules documented in
:mod:`coopconsole.domain.balance`. It wraps a :class:`~coopconsole.domain.timeline.ClockReplay`
(fed the same events) so turns are split exactly where the current item changes.

Feed it events one by one in replay order ``(at, id)``, only those stamped at or before
the "now" you will read it at; reading never changes it, so it can be read at any later
"now" and fed more events afterwards.

What it keeps, updated on every event:

* ``turns``: every closed speaking stretch, in time order;
* ``closed``: closed talk time per participant, and ``closed_by_item``: the same per
  (item, participant), ``None`` standing for "before the first START". Dict order is the
  order in which people first closed a turn (in that scope);
* the open stretch: ``speaker``, ``since`` (when they took the floor), and
  ``stretch_start`` / ``stretch_item`` (the part of their turn in the current item);
* ``queue``: who waits for the floor, in order (:mod:`coopconsole.domain.speaker_queue`).

Nothing is rebuilt here: a replay is only valid for the participants and agenda it was
created with and for events fed in order. A caller that sees those change, or an event
stamped before the last one fed, starts a new replay (see :mod:`coopconsole.domain.live`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from coopconsole.domain.model import Event, EventKind, Session, SessionStatus, SpeakingTurn
from coopconsole.domain.speaker_queue import SpeakerQueue
from coopconsole.domain.timeline import ZERO, ClockReplay


class FloorReplay:
    """Speaker turns and closed talk-time totals, fed one event at a time."""

    def __init__(self, session: Session) -> None:
        self.clock = ClockReplay(session)
        self.known = {p.id for p in session.participants}
        self.turns: list[SpeakingTurn] = []  # closed stretches only
        self.closed: dict[int, timedelta] = {}
        self.closed_by_item: dict[int | None, dict[int, timedelta]] = {}
        self.speaker: int | None = None
        self.since: datetime | None = None  # when the speaker took the floor
        self.stretch_start: datetime | None = None
        self.stretch_item: int | None = None
        self.queue = SpeakerQueue(self.known)

    def _item_now(self) -> int | None:
        clock = self.clock
        return clock.current_id if clock.started else None

    def _close(self, at: datetime) -> None:
        pid, start = self.speaker, self.stretch_start
        if pid is None or start is None or at <= start:
            return
        item = self.stretch_item
        self.turns.append(SpeakingTurn(pid, start, at, item))
        spoken = at - start
        self.closed[pid] = self.closed.get(pid, ZERO) + spoken
        scope = self.closed_by_item.setdefault(item, {})
        scope[pid] = scope.get(pid, ZERO) + spoken

    def feed(self, event: Event) -> None:
        if self.clock.status is SessionStatus.ENDED:
            return  # END is final
        at, kind = event.at, event.kind
        if kind is EventKind.QUEUE or kind is EventKind.UNQUEUE:
            self.queue.feed(event)
            return
        if kind is EventKind.SPEAKER:
            self.queue.feed(event)  # whoever takes the floor leaves the queue
            pid = event.participant
            if (pid is not None and pid not in self.known) or pid == self.speaker:
                return
            self._close(at)
            self.speaker = pid
            self.since = self.stretch_start = at if pid is not None else None
            self.stretch_item = self._item_now()
            return
        self.clock.feed(event)
        if kind is EventKind.END:
            self.queue.feed(event)
        if kind is EventKind.PAUSE or kind is EventKind.END or kind is EventKind.COOL:  # any pause ends a turn
            self._close(at)
            self.speaker = self.since = self.stretch_start = None
        elif self.speaker is not None and self._item_now() != self.stretch_item:
            self._close(at)
            self.stretch_start, self.stretch_item = at, self._item_now()

    def open_turn(self) -> SpeakingTurn | None:
        """The stretch still running (``end`` None), if someone holds the floor."""
        if self.speaker is None or self.stretch_start is None:
            return None
        return SpeakingTurn(self.speaker, self.stretch_start, None, self.stretch_item)

    def open_time(self, now: datetime, item: int | None = None) -> tuple[int, timedelta] | None:
        """(speaker, time in the open stretch up to ``now``), limited to ``item`` if given."""
        if self.speaker is None or self.stretch_start is None:
            return None
        if item is not None and self.stretch_item != item:
            return None
        return self.speaker, max(now - self.stretch_start, ZERO)

    def clock_ran(self, now: datetime, item: int | None = None) -> timedelta:
        """How long the meeting clock has run up to ``now``: in total, or on ``item``."""
        clock = self.clock
        if item is None:
            return sum((clock.elapsed_at(i, now) for i in range(len(clock.agenda))), ZERO)
        index = clock.position.get(item)
        return ZERO if index is None else clock.elapsed_at(index, now)
