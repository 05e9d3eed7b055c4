"""The agenda clock: time boxes, elapsed and remaining time, projected end and drift.

Everything here is a pure function of ``Session.events`` and an injected ``now``
(timezone-aware). Nothing is counted or cached, so a restarted console, or a second
console reading the same session, shows the same figures.

Replay rules
------------
Events are replayed in order of ``(at, id)``. Events stamped after ``now`` are not yet
in effect and are skipped, so the state "as of" any moment is the replay of the events up
to that moment. Each call is a single pass over the events.

* Status is PLANNED until the first START, RUNNING from then on, ENDED after END.
* START: the clock runs; if no item is current, the first item becomes current. START
  or RESUME while paused makes the clock run again; both are no-ops while it runs.
  RESUME before the first START is ignored (only START opens the meeting).
* PAUSE stops the clock (no-op when already stopped).
* NEXT / PREV / GOTO(item) change the current item and leave the clock running or
  paused as it was. NEXT on the last item, PREV on the first and GOTO to the current item
  are ignored. Before the first START they cue the item START will begin on; with no
  current item, NEXT cues the first item and PREV is ignored.
* EXTEND(item, minutes) adds ``minutes`` (negative shortens) to that item's box. With
  ``item`` None it applies to the item current at that moment. ``minutes`` None is
  ignored. The box is clamped at zero after every extension, so "shorten to nothing,
  then extend by 5" leaves a 5-minute box. An item with no planned minutes has no box
  until it is extended; it then starts from zero.
* END stops the clock, ends the current item and leaves no item current. END is final:
  every later event is ignored (another END, START, SPEAKER, EXTEND ...).
* Events naming an item id that is not on the agenda are ignored. With duplicate item
  ids, the first item with that id is the one addressed.

Per item
--------
``elapsed`` is the total time the clock ran while the item was current (coming back with
PREV/GOTO continues it). ``actual_start`` is the first moment it was current while the
clock ran. ``actual_end`` is the last moment it stopped being current, None while it is
current, and None for an item that never ran (only cued or passed while paused).
``remaining = max(box - elapsed, 0)`` and ``overrun = max(elapsed - box, 0)``; with no
box, remaining is None and overrun zero.

Plan and projection
-------------------
Planned starts are local wall-clock times in ``now.tzinfo`` (see :func:`planned_starts`).
``planned_end`` is the last item's planned start plus its planned minutes (extensions
are not part of the plan). ``projected_end`` is ``ended_at`` once ENDED; while PLANNED it
is ``max(now, planned_start)`` plus the sum of all boxes; otherwise ``now`` plus the
current item's remaining time plus the boxes of the items after it by position (skipped
earlier items are not counted; items without a box count as zero). While paused the
projection slides with ``now``. ``drift = projected_end - planned_end``: positive means
behind schedule; None when there is no planned end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from .model import Event, EventKind, Session, SessionStatus

ZERO = timedelta(0)


def ordered_events(session: Session, now: datetime) -> Iterator[Event]:
    """The session's events in replay order ``(at, id)``, up to and including ``now``."""
    for event in sorted(session.events, key=lambda e: (e.at, e.id)):
        if event.at > now:
            break
        yield event


class ClockReplay:
    """Incremental replay of the clock events; feed events in order, then read.

    Shared with :mod:`coopconsole.domain.balance` so both agree on which item was
    current at every moment. Items are addressed by position internally.
    """

    def __init__(self, session: Session) -> None:
        self.agenda = session.agenda
        self.position: dict[int, int] = {}
        for index, item in enumerate(self.agenda):
            self.position.setdefault(item.id, index)
        n = len(self.agenda)
        self.status = SessionStatus.PLANNED
        self.running = False
        self.current: int | None = None  # position of the current item
        self.since: datetime | None = None  # when the clock last started running
        self.started_at: datetime | None = None
        self.ended_at: datetime | None = None
        self.elapsed = [ZERO] * n
        self.box: list[timedelta | None] = [
            None if item.minutes is None else max(timedelta(minutes=item.minutes), ZERO)
            for item in self.agenda
        ]
        self.actual_start: list[datetime | None] = [None] * n
        self.actual_end: list[datetime | None] = [None] * n

    @property
    def current_id(self) -> int | None:
        return None if self.current is None else self.agenda[self.current].id

    @property
    def started(self) -> bool:
        return self.status is not SessionStatus.PLANNED

    def _accrue(self, at: datetime) -> None:
        if self.running and self.current is not None and self.since is not None:
            self.elapsed[self.current] += max(at - self.since, ZERO)
        self.since = at

    def _run(self, at: datetime) -> None:
        self.running = True
        self.since = at
        if self.current is not None and self.actual_start[self.current] is None:
            self.actual_start[self.current] = at

    def _leave(self, at: datetime) -> None:
        if self.current is not None and self.actual_start[self.current] is not None:
            self.actual_end[self.current] = at

    def _move(self, target: int, at: datetime) -> None:
        if target == self.current:
            return
        self._accrue(at)
        self._leave(at)
        self.current = target
        self.actual_end[target] = None
        if self.running and self.actual_start[target] is None:
            self.actual_start[target] = at

    def feed(self, event: Event) -> None:
        if self.status is SessionStatus.ENDED:
            return
        at, kind = event.at, event.kind
        if kind is EventKind.START:
            if self.status is SessionStatus.PLANNED:
                self.status = SessionStatus.RUNNING
                self.started_at = at
                if self.current is None and self.agenda:
                    self.current = 0
            if not self.running:
                self._run(at)
        elif kind is EventKind.RESUME:
            if self.started and not self.running:
                self._run(at)
        elif kind is EventKind.PAUSE:
            if self.running:
                self._accrue(at)
                self.running = False
        elif kind is EventKind.NEXT:
            target = 0 if self.current is None else self.current + 1
            if target < len(self.agenda):
                self._move(target, at)
        elif kind is EventKind.PREV:
            if self.current is not None and self.current > 0:
                self._move(self.current - 1, at)
        elif kind is EventKind.GOTO:
            target = self.position.get(event.item) if event.item is not None else None
            if target is not None:
                self._move(target, at)
        elif kind is EventKind.EXTEND:
            target = self.current if event.item is None else self.position.get(event.item)
            if target is not None and event.minutes is not None:
                base = self.box[target] or ZERO
                self.box[target] = max(base + timedelta(minutes=event.minutes), ZERO)
        elif kind is EventKind.END:
            self._accrue(at)
            self.running = False
            self._leave(at)
            self.current = None
            self.status = SessionStatus.ENDED
            self.ended_at = at
        # SPEAKER does not touch the clock.

    def elapsed_at(self, index: int, now: datetime) -> timedelta:
        """Elapsed of the item at ``index``, counting a still-running stretch to ``now``."""
        value = self.elapsed[index]
        if self.running and index == self.current and self.since is not None:
            value += max(now - self.since, ZERO)
        return value


@dataclass(frozen=True)
class ItemTiming:
    item: int
    planned_start: datetime | None
    planned_minutes: int | None
    box: timedelta | None  # planned minutes + extensions, never negative; None if no box
    actual_start: datetime | None
    actual_end: datetime | None
    elapsed: timedelta
    remaining: timedelta | None  # max(box - elapsed, 0); None if no box
    overrun: timedelta  # max(elapsed - box, 0)


@dataclass(frozen=True)
class AgendaState:
    status: SessionStatus
    running: bool
    current: int | None
    items: tuple[ItemTiming, ...]
    started_at: datetime | None
    ended_at: datetime | None
    planned_start: datetime | None
    planned_end: datetime | None
    projected_end: datetime | None
    drift: timedelta | None  # projected_end - planned_end: positive = behind schedule

    def timing(self, item_id: int | None) -> ItemTiming | None:
        return next((t for t in self.items if t.item == item_id), None)

    @property
    def current_timing(self) -> ItemTiming | None:
        return self.timing(self.current)

    @property
    def total_elapsed(self) -> timedelta:
        """Total time the meeting clock has run (the sum of all items' elapsed)."""
        return sum((t.elapsed for t in self.items), ZERO)


#: A written start this much earlier than the previous item's is on the next day.
_OVER_MIDNIGHT = timedelta(hours=12)


def planned_starts(session: Session, tz: tzinfo | None) -> list[datetime | None]:
    """Planned start of each agenda item, aligned with ``session.agenda``.

    An item's written ``start`` is taken on ``session.date``; otherwise it follows the
    previous item (previous planned start + previous planned minutes, None minutes
    counting as 0). The first item falls back to ``session.start``. Times are built in
    ``tz`` unless the written time carries its own tzinfo. Without a session date, or
    while the chain has no known start yet, the value is None.

    A meeting that runs past midnight goes on into the next day: a written start more
    than 12 hours earlier than the previous item's (``23:40``, then ``00:10``) is taken on
    the following day, and so is every later one. A start a little earlier than the
    previous one (a slip in the agenda) is kept as written.
    """
    if session.date is None:
        return [None] * len(session.agenda)
    out: list[datetime | None] = []
    previous: datetime | None = None
    previous_minutes = 0
    day = session.date
    for index, item in enumerate(session.agenda):
        written = item.start if item.start is not None else (session.start if index == 0 else None)
        if written is not None:
            start: datetime | None = datetime.combine(day, written.replace(tzinfo=None), tzinfo=written.tzinfo or tz)
            if previous is not None and previous - start > _OVER_MIDNIGHT:
                day += timedelta(days=1)
                start += timedelta(days=1)
        elif previous is not None:
            start = previous + timedelta(minutes=previous_minutes)
        else:
            start = None
        out.append(start)
        previous, previous_minutes = start, item.minutes or 0
    return out


def _session_planned_start(session: Session, tz: tzinfo | None) -> datetime | None:
    if session.date is None or session.start is None:
        return None
    return datetime.combine(
        session.date, session.start.replace(tzinfo=None), tzinfo=session.start.tzinfo or tz
    )


def agenda_state(session: Session, now: datetime) -> AgendaState:
    """The agenda clock as of ``now``."""
    replay = ClockReplay(session)
    for event in ordered_events(session, now):
        replay.feed(event)
    return state_from_replay(session, replay, now)


def state_from_replay(session: Session, replay: ClockReplay, now: datetime) -> AgendaState:
    starts = planned_starts(session, now.tzinfo)
    items: list[ItemTiming] = []
    for index, item in enumerate(session.agenda):
        elapsed = replay.elapsed_at(index, now)
        box = replay.box[index]
        items.append(
            ItemTiming(
                item=item.id,
                planned_start=starts[index],
                planned_minutes=item.minutes,
                box=box,
                actual_start=replay.actual_start[index],
                actual_end=replay.actual_end[index],
                elapsed=elapsed,
                remaining=None if box is None else max(box - elapsed, ZERO),
                overrun=ZERO if box is None else max(elapsed - box, ZERO),
            )
        )

    planned_start = starts[0] if starts else _session_planned_start(session, now.tzinfo)
    planned_end: datetime | None = None
    if starts and starts[-1] is not None:
        planned_end = starts[-1] + timedelta(minutes=session.agenda[-1].minutes or 0)

    def boxes(timings: list[ItemTiming]) -> timedelta:
        return sum((t.box or ZERO for t in timings), ZERO)

    if replay.status is SessionStatus.ENDED:
        projected_end = replay.ended_at
    elif replay.status is SessionStatus.PLANNED:
        base = now if planned_start is None else max(now, planned_start)
        projected_end = base + boxes(items)
    elif replay.current is None:
        projected_end = now
    else:
        current = items[replay.current]
        projected_end = now + (current.remaining or ZERO) + boxes(items[replay.current + 1 :])

    drift = None
    if projected_end is not None and planned_end is not None:
        drift = projected_end - planned_end

    return AgendaState(
        status=replay.status,
        running=replay.running,
        current=replay.current_id,
        items=tuple(items),
        started_at=replay.started_at,
        ended_at=replay.ended_at,
        planned_start=planned_start,
        planned_end=planned_end,
        projected_end=projected_end,
        drift=drift,
    )
