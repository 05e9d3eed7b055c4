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
are not part of the plan; a later end accepted in a re-plan and a cooling-down break
are, see :mod:`coopconsole.domain.clock_replay`). ``projected_end`` is ``ended_at`` once ENDED; while PLANNED it
is ``max(now, planned_start)`` plus the sum of all boxes; otherwise ``now`` plus the
current item's remaining time plus the boxes of the items after it by position (skipped
earlier items are not counted; items without a box count as zero). While paused the
projection slides with ``now``. ``drift = projected_end - planned_end``: positive means
behind schedule; None when there is no planned end.

Projected starts
----------------
Each item's ``projected_start`` is its ``actual_start`` once it has run. An item not
reached yet is projected by the same pace as ``projected_end``: while PLANNED, the first
begins at ``max(now, planned start)`` and each follows the previous one's box; while
RUNNING, the item after the current one begins when the current one's remaining time
is up (after an announced cooling-down break), and so on down the agenda. Items the plan
dropped, items passed over without running, and, once ENDED, items never reached have
none: they are not going to start.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from coopconsole.domain.clock_replay import ZERO, ClockReplay, CoolingBreak, ordered_events
from coopconsole.domain.frozen import record
from coopconsole.domain.model import AgendaItem, ItemKind, Session, SessionStatus

__all__ = [
    "ZERO",
    "AgendaState",
    "ClockReplay",
    "ItemTiming",
    "agenda_state",
    "items_to_come",
    "ordered_events",
    "planned_starts",
    "state_from_replay",
]


@record
class ItemTiming:
    """One agenda item as the clock has run it: planned and actual, box, elapsed, overrun."""

    item: int
    planned_start: datetime | None
    planned_minutes: int | None
    box: timedelta | None  # planned minutes + extensions, never negative; None if no box
    actual_start: datetime | None
    actual_end: datetime | None
    elapsed: timedelta
    remaining: timedelta | None  # max(box - elapsed, 0); None if no box
    overrun: timedelta  # max(elapsed - box, 0)
    dropped: bool = False  # taken out of the plan by a re-plan
    shift: timedelta = ZERO  # planned this much later than written (a later end accepted, a break)
    projected_start: datetime | None = None  # when it began, or when it will begin at this pace


@record
class AgendaState:
    """The agenda as of one moment: the current item, every timing, drift and projected end."""

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
    plan_shift: timedelta = ZERO  # planned_end is this much later than written
    cooling: CoolingBreak | None = None  # a cooling-down break under way
    breaks: tuple[CoolingBreak, ...] = ()  # every cooling-down break so far
    undo_at: datetime | None = None  # when the re-plan an undo would take back was made
    plan: tuple[AgendaItem, ...] = ()  # the agenda as changed so far, aligned with ``items``

    @property
    def can_undo(self) -> bool:
        return self.undo_at is not None

    def item(self, item_id: int | None) -> AgendaItem | None:
        """The item ``item_id`` as the agenda now has it (renamed, added); None if not on it."""
        return next((i for i in self.plan if i.id == item_id), None)

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

    An item added during the meeting (``added_at``) has no planned start and is not part
    of the chain: the plan is the agenda as written.

    A meeting that runs past midnight goes on into the next day: a written start more
    than 12 hours earlier than the previous item's (``23:40``, then ``00:10``) is taken on
    the following day, and so is every later one. A start a little earlier than the
    previous one (a slip in the agenda) is kept as written.
    """
    return _planned_starts(session.agenda, session.date, session.start, tz)


def _planned_starts(
    agenda: list[AgendaItem], day: date | None, first_start: time | None, tz: tzinfo | None
) -> list[datetime | None]:
    if day is None:
        return [None] * len(agenda)
    out: list[datetime | None] = []
    previous: datetime | None = None
    previous_minutes = 0
    for index, item in enumerate(agenda):
        if item.added_at is not None:
            out.append(None)
            continue
        written = item.start if item.start is not None else (first_start if index == 0 else None)
        start: datetime | None
        if written is not None:
            at = datetime.combine(day, written.replace(tzinfo=None), tzinfo=written.tzinfo or tz)
            if previous is not None and previous - at > _OVER_MIDNIGHT:
                day += timedelta(days=1)
                at += timedelta(days=1)
            start = at
        elif previous is not None:
            start = previous + timedelta(minutes=previous_minutes)
        else:
            start = None
        out.append(start)
        previous, previous_minutes = start, item.minutes or 0
    return out


def _projection_from(
    session: Session, replay: ClockReplay, starts: list[datetime | None], now: datetime
) -> tuple[datetime | None, int]:
    """Where the projected starts begin: the time the first item not yet run will begin
    (before the current item's remaining time is added), and the index of the first
    item projected. None once the meeting has ended: what was not reached will not be."""
    if replay.status is SessionStatus.ENDED:
        return None, len(replay.agenda)
    if replay.status is SessionStatus.PLANNED:
        first = starts[0] + replay.shift[0] if starts and starts[0] is not None else None
        return (now if first is None else max(now, first)), 0
    if replay.current is None:
        return now, 0
    base = now
    if replay.cooling is not None:  # the announced break is part of the plan
        base = max(now, replay.cooling.at + timedelta(minutes=replay.cooling.minutes))
    return base, replay.current + 1


def _session_planned_start(session: Session, tz: tzinfo | None) -> datetime | None:
    if session.date is None or session.start is None:
        return None
    return datetime.combine(session.date, session.start.replace(tzinfo=None), tzinfo=session.start.tzinfo or tz)


def agenda_state(session: Session, now: datetime) -> AgendaState:
    """The agenda clock as of ``now``."""
    replay = ClockReplay(session)
    for event in ordered_events(session, now):
        replay.feed(event)
    return state_from_replay(session, replay, now)


#: Each item's planned start by id, and the planned end of the agenda as written.
Written = tuple[dict[int, datetime | None], datetime | None]


def written_plan(agenda: list[AgendaItem], day: date | None, first_start: time | None, tz: tzinfo | None) -> Written:
    """The plan as written (see :func:`planned_starts`), for a session's ``agenda``,
    ``date`` and ``start``: each item's planned start by id, and the planned end."""
    starts = _planned_starts(agenda, day, first_start, tz)
    by_id: dict[int, datetime | None] = {}
    end = None
    for item, start in zip(agenda, starts, strict=True):
        by_id.setdefault(item.id, start)
        if item.added_at is None:
            end = None if start is None else start + timedelta(minutes=item.minutes or 0)
    return by_id, end


def state_from_replay(
    session: Session,
    replay: ClockReplay,
    now: datetime,
    before: AgendaState | None = None,
    plan: Written | None = None,
) -> AgendaState:
    """The agenda clock as of ``now``, read off ``replay`` (fed up to ``now``).

    Two things a caller that reads the same replay once a second may pass, to spare
    work that only events change (:class:`~coopconsole.domain.live.LiveMeeting` does):
    ``plan``, the session's :func:`written_plan` in ``now``'s timezone; and ``before``,
    the state this same replay gave at another "now", with no event fed to it since and
    the session's agenda, date and start the same. The clock alone moves only the
    current item's elapsed time and the projected starts from the item after it (from
    the first item before the meeting starts); every other item's timing is taken from
    ``before`` as it is."""
    if plan is None:
        plan = written_plan(session.agenda, session.date, session.start, now.tzinfo)
    by_id, written_end = plan
    starts = [by_id.get(item.id) for item in replay.agenda]
    items: list[ItemTiming] = []
    cursor, after = _projection_from(session, replay, starts, now)
    kept = before.items if before is not None and len(before.items) == len(replay.agenda) else None
    for index, item in enumerate(replay.agenda):
        if kept is not None and index < after and index != replay.current:
            items.append(kept[index])  # neither elapsed nor projected: only events move it
            continue
        elapsed = replay.elapsed_at(index, now)
        box, shift = replay.box[index], replay.shift[index]
        planned = starts[index]
        actual_start = replay.actual_start[index]
        projected = actual_start
        if cursor is not None and index >= after:  # boxes counted as in the projected end
            if actual_start is None and index not in replay.dropped:
                projected = cursor
            cursor += box or ZERO
        remaining = None if box is None else max(box - elapsed, ZERO)
        items.append(
            ItemTiming(
                item=item.id,
                planned_start=None if planned is None else planned + shift,
                planned_minutes=item.minutes,
                box=box,
                actual_start=actual_start,
                actual_end=replay.actual_end[index],
                elapsed=elapsed,
                remaining=remaining,
                overrun=ZERO if box is None else max(elapsed - box, ZERO),
                dropped=index in replay.dropped,
                shift=shift,
                projected_start=projected,
            )
        )
        if index == replay.current and after == index + 1 and cursor is not None:  # the next begins when this box is up
            cursor += remaining or ZERO

    first = next((i for i in session.agenda if i.added_at is None), None)
    planned_start: datetime | None
    if first is None:
        planned_start = _session_planned_start(session, now.tzinfo)
    else:  # the agenda's written start, wherever its first item went
        written = by_id.get(first.id)
        at = replay.position.get(first.id)
        planned_start = None if written is None else written + (ZERO if at is None else replay.shift[at])
    planned_end = None if written_end is None else written_end + replay.end_shift

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
        base = now
        if replay.cooling is not None:  # the announced break is part of the plan
            base = max(now, replay.cooling.at + timedelta(minutes=replay.cooling.minutes))
        projected_end = base + (current.remaining or ZERO) + boxes(items[replay.current + 1 :])

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
        plan_shift=replay.end_shift,
        cooling=replay.cooling,
        breaks=tuple(replay.breaks),
        undo_at=replay.undo_at,
        plan=tuple(replay.agenda),
    )


def items_to_come(session: Session, state: AgendaState) -> list[int]:
    """The agenda items a point can still be scheduled to: the current one and those not
    reached yet, in agenda order; not a break, not one the plan dropped, not one closed."""
    out = []
    for timing in state.items:
        item = session.item(timing.item)
        if item is None or item.kind is ItemKind.BREAK or timing.dropped:
            continue
        if timing.item == state.current or (timing.actual_start is None and state.status is not SessionStatus.ENDED):
            out.append(timing.item)
    return out
