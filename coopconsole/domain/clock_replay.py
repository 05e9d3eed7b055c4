"""The replay of the agenda clock's events: :class:`ClockReplay`.

The rules of the basic events are in :mod:`coopconsole.domain.timeline`. Re-planning and
cooling-down breaks (the facilitator's playbook) add these:

* REPLAN(minutes=N) announces a re-plan made of the N change events that follow it:
  EXTEND (an item's box shrunk or grown), DROP (an item leaves the plan) and SHIFT (the
  rest of the plan moves later). Any other event ends the re-plan early (a re-plan cut
  short by a crash keeps what was written).
* DROP(item): the item leaves the plan: its box becomes zero and NEXT / PREV step over it
  (GOTO still reaches it). The current item cannot be dropped; a DROP naming it, or an
  item already dropped, is ignored.
* SHIFT(minutes): every item after the current one (all of them before the first START)
  is planned ``minutes`` later, and so is the planned end: the facilitator accepted a
  later end. Drift is measured against the shifted plan.
* UNDO: the last re-plan not yet undone is reverted: boxes as they were before it, its
  dropped items back in the plan, its shift taken back. Changes made after it by other
  events (a +5 on the current item) stay. UNDO with nothing to undo is ignored.
* COOL(minutes): a cooling-down break: the clock pauses (as PAUSE) and the plan after the
  current item shifts by ``minutes``. While it lasts the projection counts the break's
  full length (not "now"), so the announced break costs no drift; one that runs longer
  shows as drift from then on. It is not undoable; RESUME or START ends it.

Changes to the agenda itself (see ``docs/decisions.md``, "Changing the agenda during the
meeting") are replayed here too, so that NEXT and PREV always step through the agenda as
it stood when they were pressed:

* The agenda starts as the written one: the items of ``session.agenda`` not added live
  (``added_at`` None), in their order.
* ADD(item, after): the item (a record added live) joins the agenda just after the item
  ``after`` (0: at the top; None, or an item no longer there: at the end). An item
  already on the agenda, or not in the session, is ignored.
* RENAME(item, text): the item is called ``text`` from then on (an empty text is ignored).
* MOVE(item, after): the item moves to just after ``after`` (0: the top). Ignored for the
  current item, an item that has run, and when ``after`` is the item itself or not there.
* REMOVE(item): the item leaves the agenda, with its box. Ignored for the current item
  and an item that has run (a started item is closed with NEXT, not removed).

Items are addressed by position internally; a change rearranges every per-item list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

from coopconsole.domain.frozen import record
from coopconsole.domain.model import AGENDA_CHANGES, AgendaItem, Event, EventKind, Session, SessionStatus

ZERO = timedelta(0)
_CHANGES = (EventKind.EXTEND, EventKind.DROP, EventKind.SHIFT)
#: Events of the floor (the speaker, the speaker queue), which the clock leaves alone.
_FLOOR = frozenset((EventKind.SPEAKER, EventKind.QUEUE, EventKind.UNQUEUE))


@record
class CoolingBreak:
    """A cooling-down break: when it began, how long, and the item it interrupted."""

    at: datetime
    minutes: int
    item: int | None  # the item current when it began


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
        self.records: dict[int, AgendaItem] = {}  # every item of the session, by id (the first)
        for item in session.agenda:
            self.records.setdefault(item.id, item)
        self.agenda: list[AgendaItem] = [item for item in session.agenda if item.added_at is None]
        self.position: dict[int, int] = {}
        self._index()
        n = len(self.agenda)
        self.status = SessionStatus.PLANNED
        self.running = False
        self.current: int | None = None  # position of the current item
        self.since: datetime | None = None  # when the clock last started running
        self.started_at: datetime | None = None
        self.ended_at: datetime | None = None
        self.elapsed = [ZERO] * n
        self.box: list[timedelta | None] = [
            None if item.minutes is None else max(timedelta(minutes=item.minutes), ZERO) for item in self.agenda
        ]
        self.actual_start: list[datetime | None] = [None] * n
        self.actual_end: list[datetime | None] = [None] * n
        self.dropped: set[int] = set()  # positions out of the plan
        self.shift = [ZERO] * n  # how much later each item is planned than written
        self.end_shift = ZERO  # the same for the planned end
        self.replans: list[tuple[datetime, list[tuple]]] = []  # (when, its undo steps), oldest first
        self._replan_left = 0  # change events still to come in the open re-plan
        self.cooling: CoolingBreak | None = None  # the break under way (clock paused)
        self.breaks: list[CoolingBreak] = []

    def _index(self) -> None:
        self.position = {}
        for index, item in enumerate(self.agenda):
            self.position.setdefault(item.id, index)

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

    def _step(self, start: int, step: int) -> int | None:
        """The first position from ``start`` on, going by ``step``, that is in the plan."""
        index = start
        while 0 <= index < len(self.agenda):
            if index not in self.dropped:
                return index
            index += step
        return None

    def _shift_after(self, minutes: int) -> tuple[tuple[int, ...], timedelta]:
        first = 0 if self.current is None else self.current + 1
        delta = timedelta(minutes=minutes)
        shifted = tuple(range(first, len(self.agenda)))
        for index in shifted:
            self.shift[index] += delta
        self.end_shift += delta
        return shifted, delta

    def _change(self, event: Event) -> tuple | None:
        """Apply EXTEND, DROP or SHIFT; return its undo step (None if ignored)."""
        kind = event.kind
        if kind is EventKind.EXTEND:
            target = self.current if event.item is None else self.position.get(event.item)
            if target is None or event.minutes is None:
                return None
            before = self.box[target]
            self.box[target] = max((before or ZERO) + timedelta(minutes=event.minutes), ZERO)
            return ("box", target, before)
        if kind is EventKind.DROP:
            target = self.position.get(event.item) if event.item is not None else None
            if target is None or target == self.current or target in self.dropped:
                return None
            before = self.box[target]
            self.dropped.add(target)
            self.box[target] = ZERO
            return ("drop", target, before)
        if event.minutes is None:  # SHIFT
            return None
        shifted, delta = self._shift_after(event.minutes)
        return ("shift", shifted, delta)

    def _undo(self) -> None:
        if not self.replans:
            return
        for step in reversed(self.replans.pop()[1]):
            if step[0] == "box":
                self.box[step[1]] = step[2]
            elif step[0] == "drop":
                self.dropped.discard(step[1])
                self.box[step[1]] = step[2]
            else:
                for index in step[1]:
                    self.shift[index] -= step[2]
                self.end_shift -= step[2]

    @property
    def undo_at(self) -> datetime | None:
        """When the re-plan that UNDO would take back was made; None if there is none."""
        return self.replans[-1][0] if self.replans else None

    # -- changes to the agenda itself ------------------------------------------------

    def _open(self, index: int) -> bool:
        """Whether the item at ``index`` may still be moved or removed: not current, never run."""
        return index != self.current and self.actual_start[index] is None

    def _slot(self, after: int | None, default: int) -> int | None:
        """The position just after item ``after`` (0: the top); ``default`` for None."""
        if after is None:
            return default
        if after == 0:
            return 0
        index = self.position.get(after)
        return None if index is None else index + 1

    def _reshape(self, event: Event) -> None:
        """Apply ADD, RENAME, MOVE or REMOVE (see the module's rules)."""
        kind, order = event.kind, list(range(len(self.agenda)))
        target = None if event.item is None else self.position.get(event.item)
        items: list[AgendaItem] = list(self.agenda)
        order_new: list[int | None] = list(order)
        if kind is EventKind.RENAME:
            if target is not None and event.text:
                self.agenda[target] = replace(self.agenda[target], title=event.text)
            return
        if kind is EventKind.ADD:
            record_ = self.records.get(event.item) if event.item is not None else None
            if record_ is None or target is not None:
                return
            slot = self._slot(event.after, len(items))
            slot = len(items) if slot is None else slot
            items.insert(slot, record_)
            order_new.insert(slot, None)
        elif target is None or not self._open(target):
            return
        elif kind is EventKind.REMOVE:
            del items[target]
            del order_new[target]
        else:  # MOVE
            if event.after == event.item:
                return
            slot = self._slot(event.after, -1)
            if slot is None or slot < 0:
                return
            item = items.pop(target)
            del order_new[target]
            slot -= slot > target
            items.insert(slot, item)
            order_new.insert(slot, target)
        self._rearrange(order_new, items)

    def _rearrange(self, order: list[int | None], items: list[AgendaItem]) -> None:
        """Take the agenda ``items``; ``order[k]`` is the old position of the item now at
        ``k`` (None for one just added). Every per-item list follows."""
        moved = {old: new for new, old in enumerate(order) if old is not None}

        def pick(values: list, blank: object) -> list:
            return [blank if old is None else values[old] for old in order]

        self.elapsed = pick(self.elapsed, ZERO)
        self.actual_start = pick(self.actual_start, None)
        self.actual_end = pick(self.actual_end, None)
        self.shift = pick(self.shift, ZERO)
        self.box = [
            (None if item.minutes is None else max(timedelta(minutes=item.minutes), ZERO))
            if old is None
            else self.box[old]
            for old, item in zip(order, items, strict=True)
        ]
        self.dropped = {moved[p] for p in self.dropped if p in moved}
        self.current = None if self.current is None else moved.get(self.current)
        for _at, steps in self.replans:
            kept: list[tuple] = []
            for step in steps:
                if step[0] == "shift":
                    kept.append(("shift", tuple(moved[p] for p in step[1] if p in moved), step[2]))
                elif step[1] in moved:
                    kept.append((step[0], moved[step[1]], step[2]))
            steps[:] = kept
        self.agenda = items
        self._index()

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
        if kind in _FLOOR or kind is EventKind.JOIN:  # the floor's: they split no re-plan
            return
        if kind in AGENDA_CHANGES:  # the agenda's own changes split no re-plan either
            self._reshape(event)
            return
        if self._replan_left and kind in _CHANGES:
            self._replan_left -= 1
            step = self._change(event)
            if step is not None:
                self.replans[-1][1].append(step)
            return
        self._replan_left = 0
        if kind is EventKind.REPLAN:
            self.replans.append((at, []))
            self._replan_left = max(event.minutes or 0, 0)
        elif kind is EventKind.UNDO:
            self._undo()
        elif kind is EventKind.DROP or kind is EventKind.SHIFT:
            self._change(event)  # outside a re-plan: applied, not undoable
        elif kind is EventKind.COOL:
            if self.started and event.minutes is not None and event.minutes > 0:
                if self.running:
                    self._accrue(at)
                    self.running = False
                self._shift_after(event.minutes)
                self.cooling = CoolingBreak(at, event.minutes, self.current_id)
                self.breaks.append(self.cooling)
        elif kind is EventKind.START:
            if self.status is SessionStatus.PLANNED:
                self.status = SessionStatus.RUNNING
                self.started_at = at
                if self.current is None and self.agenda:
                    self.current = self._step(0, 1)
            if not self.running:
                self._run(at)
            self.cooling = None
        elif kind is EventKind.RESUME:
            if self.started and not self.running:
                self._run(at)
            self.cooling = None
        elif kind is EventKind.PAUSE:
            if self.running:
                self._accrue(at)
                self.running = False
        elif kind is EventKind.NEXT:
            target = self._step(0 if self.current is None else self.current + 1, 1)
            if target is not None:
                self._move(target, at)
        elif kind is EventKind.PREV:
            if self.current is not None and self.current > 0:
                target = self._step(self.current - 1, -1)
                if target is not None:
                    self._move(target, at)
        elif kind is EventKind.GOTO:
            target = self.position.get(event.item) if event.item is not None else None
            if target is not None:
                self._move(target, at)
        elif kind is EventKind.EXTEND:
            self._change(event)
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
