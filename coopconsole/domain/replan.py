"""Re-planning a meeting that runs behind: the options, each with its new projected end.

:func:`replan_options` proposes, for a running meeting that is behind its plan:

* **shrink**: the items still ahead share the delay in proportion to their boxes, each cut
  to whole minutes and never below :data:`FLOOR_MINUTES` (an item already that short is
  left alone). Breaks are not shrunk: people need them. If the floors leave too little
  to cut, the option saves what it can and says so by its projected end.
* **park** / **defer** an item still ahead: it leaves the plan (its whole box is saved)
  and becomes a point in the parking lot, open or deferred to the next meeting.
* **accept** the later end: the plan after the current item moves later by the delay
  (rounded up to a minute), so the meeting is on its new plan.

Each option carries the clock events that apply it (the service writes them after a
REPLAN marker, so the whole option can be undone) and the projected end and planned end
it leads to. Pure: no I/O, no clock of its own.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from coopconsole.domain.clock_replay import ZERO
from coopconsole.domain.frozen import record
from coopconsole.domain.model import EventKind, ItemKind, Session, SessionStatus
from coopconsole.domain.timeline import AgendaState

FLOOR_MINUTES = 5

Change = tuple[EventKind, int | None, int | None]  # (kind, item, minutes)


@record
class ReplanOption:
    kind: str  # "shrink", "park", "defer", "accept"
    item: int | None  # the item parked or deferred
    changes: tuple[Change, ...]
    projected_end: datetime
    planned_end: datetime
    saves: timedelta  # time taken off the projection

    @property
    def key(self) -> tuple[str, int | None]:
        return self.kind, self.item


def _minutes_to_recover(value: timedelta) -> int:
    """Whole minutes that make up for a delay of ``value``: rounded up, so that a plan
    shrunk by them catches the whole delay (what is shown is rounded as everywhere)."""
    return math.ceil(value.total_seconds() / 60)


def _ahead(session: Session, state: AgendaState) -> list:
    """Items after the current one, still in the plan, that have a box."""
    index = next((i for i, t in enumerate(state.items) if t.item == state.current), None)
    if index is None:
        return []
    return [t for t in state.items[index + 1 :] if not t.dropped and t.box]


def replan_options(session: Session, state: AgendaState) -> list[ReplanOption]:
    """The options for a meeting that is behind; [] when it is not (or not running)."""
    if (
        state.status is not SessionStatus.RUNNING
        or state.drift is None
        or state.drift <= ZERO
        or state.projected_end is None
        or state.planned_end is None
    ):
        return []
    delay = _minutes_to_recover(state.drift)
    projected, planned = state.projected_end, state.planned_end
    ahead = _ahead(session, state)
    out: list[ReplanOption] = []
    shrink = _shrink(session, ahead, delay)
    if shrink:
        saved = timedelta(minutes=sum(-(minutes or 0) for _, _, minutes in shrink))
        out.append(ReplanOption("shrink", None, tuple(shrink), projected - saved, planned, saved))
    for timing in ahead:
        item = session.item(timing.item)
        if item is None or item.kind is ItemKind.BREAK:
            continue
        for kind in ("park", "defer"):
            out.append(
                ReplanOption(
                    kind,
                    timing.item,
                    ((EventKind.DROP, timing.item, None),),
                    projected - timing.box,
                    planned,
                    timing.box,
                )
            )
    out.append(
        ReplanOption(
            "accept", None, ((EventKind.SHIFT, None, delay),), projected, planned + timedelta(minutes=delay), ZERO
        )
    )
    return out


def _shrink(session: Session, ahead: list, delay: int) -> list[Change]:
    topics = [t for t in ahead if (item := session.item(t.item)) is not None and item.kind is ItemKind.TOPIC]
    boxes = {t.item: int(t.box.total_seconds() // 60) for t in topics}
    room = {iid: max(box - FLOOR_MINUTES, 0) for iid, box in boxes.items()}
    total = sum(boxes.values())
    if not total or not any(room.values()):
        return []
    cuts = {iid: min(room[iid], math.floor(box * delay / total)) for iid, box in boxes.items()}
    short = delay - sum(cuts.values())
    # The minutes rounding left over go, one each, to the longest items that have room.
    while short > 0 and any(cuts[i] < room[i] for i in boxes):
        for iid in sorted(boxes, key=lambda i: -boxes[i]):
            if short > 0 and cuts[iid] < room[iid]:
                cuts[iid] += 1
                short -= 1
    return [(EventKind.EXTEND, iid, -cut) for iid, cut in cuts.items() if cut > 0]
