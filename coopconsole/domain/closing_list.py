"""What is still open as the meeting closes: the closing checklist (``ctrl+e``).

Four groups, each in the order the session keeps its records:

* **items never reached**: an agenda item that never ran (no actual start), not a
  break, not one a re-plan took out of the plan (it is a parked point now, open or
  deferred) and not one already deferred to the next meeting (a deferred parked point
  names it as its target);
* **parked points still open**: resolution OPEN (scheduled, turned into an action or
  deferred is an answer);
* **actions failing the SMART check**: the check made when the action was captured or
  last edited (``ActionItem.smart``, see :mod:`coopconsole.domain.smart`), not made
  again here; an action done, or carried from an earlier meeting (that meeting's to
  fix, and reviewed at the start of this one), is left out;
* **decisions without positions**: a decision on which an organisation in the room
  (one with a participant not marked absent) has no position recorded. With nobody
  naming an organisation there is nobody to ask, and no decision is listed.

Pure: the session and its agenda state in, the checklist out.
"""

from __future__ import annotations

from coopconsole.domain.frozen import record
from coopconsole.domain.model import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    ItemKind,
    ParkedItem,
    Resolution,
    Session,
)
from coopconsole.domain.timeline import AgendaState


@record
class MissingPositions:
    """A decision, and the organisations in the room with no position on it yet."""

    decision: Decision
    organisations: tuple[str, ...]


@record
class ClosingList:
    """Everything still open, by group (see the module's docstring)."""

    unreached: tuple[AgendaItem, ...] = ()
    parked: tuple[ParkedItem, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    positions: tuple[MissingPositions, ...] = ()

    @property
    def count(self) -> int:
        """How many lines the checklist has."""
        return len(self.unreached) + len(self.parked) + len(self.actions) + len(self.positions)

    @property
    def empty(self) -> bool:
        return self.count == 0


def closing_list(session: Session, state: AgendaState) -> ClosingList:
    """What is still open in ``session``, its agenda as of ``state``."""
    return ClosingList(
        unreached=tuple(never_reached(session, state)),
        parked=tuple(p for p in session.parked if p.resolution is Resolution.OPEN),
        actions=tuple(failing_smart(session)),
        positions=tuple(without_positions(session)),
    )


def deferred_items(session: Session) -> set[int]:
    """The agenda items a parked point defers to the next meeting."""
    return {p.target for p in session.parked if p.resolution is Resolution.DEFERRED and p.target is not None}


def never_reached(session: Session, state: AgendaState) -> list[AgendaItem]:
    """The agenda items that never ran and are not yet dealt with, in agenda order."""
    deferred = deferred_items(session)
    out = []
    for timing in state.items:
        item = session.item(timing.item)
        if item is None or item.kind is ItemKind.BREAK or timing.actual_start is not None:
            continue
        if timing.dropped or timing.item in deferred:
            continue
        out.append(item)
    return out


def failing_smart(session: Session) -> list[ActionItem]:
    """This meeting's actions, not done, whose SMART check found a problem."""
    return [a for a in session.actions if not a.smart.ok and a.status is not ActionStatus.DONE and not a.origin]


def organisations_in_the_room(session: Session) -> list[str]:
    """The organisations with a participant not marked absent, in the order first listed."""
    present = (p.organisation for p in session.participants if p.organisation and p.attendance is not Attendance.ABSENT)
    return list(dict.fromkeys(present))


def without_positions(session: Session) -> list[MissingPositions]:
    """Each decision some organisation in the room has taken no position on."""
    orgs = organisations_in_the_room(session)
    out = []
    for decision in session.decisions:
        taken = {org for org, _ in decision.agreement}
        missing = tuple(org for org in orgs if org not in taken)
        if missing:
            out.append(MissingPositions(decision, missing))
    return out
