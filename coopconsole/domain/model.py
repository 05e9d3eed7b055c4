"""The meeting as data: plain dataclasses shared by every layer.

Nothing here knows about files, terminals or TinyDB. Clock-derived figures (remaining
time, drift, speaking shares) are *not* stored on these objects: they are computed from
``Session.events`` and an injected "now" by :mod:`coopconsole.domain.timeline` and
:mod:`coopconsole.domain.balance`.

Datetimes are timezone-aware. A session's planned date and the agenda's planned start
times are local wall-clock values (``date`` / ``time``) as written in the agenda.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from coopconsole.domain.frozen import record

if TYPE_CHECKING:
    from coopconsole.domain.plan_review import PlanReview


class Role(str, Enum):
    """What a participant is in the room for (the playbook's three layers)."""

    DECISION_MAKER = "decision_maker"
    EXECUTOR = "executor"
    EXPERT_ADVISOR = "expert_advisor"
    OTHER = "other"


class Duty(str, Enum):
    """What a participant does for the meeting itself, besides their role: the agenda's
    facilitator and note-taker are people in the room too (one duty each)."""

    NONE = "none"
    FACILITATOR = "facilitator"
    NOTE_TAKER = "note_taker"


class Attendance(str, Enum):
    PRESENT = "present"
    ABSENT = "absent"
    LATE = "late"
    LEFT = "left"


class ItemKind(str, Enum):
    TOPIC = "topic"
    BREAK = "break"
    REVIEW = "review"  # the review of the actions carried from the previous meeting


class ActionStatus(str, Enum):
    """The playbook's board, in its order: to do, in progress, in review, done."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    UNDER_REVIEW = "under_review"
    DONE = "done"


class GoalTier(str, Enum):
    PRIMARY = "primary"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Stance(str, Enum):
    AGREE = "agree"
    OBJECT = "object"
    ABSTAIN = "abstain"


class Resolution(str, Enum):
    OPEN = "open"
    SCHEDULED = "scheduled"  # scheduled to an agenda item
    ACTION = "action"  # turned into an action
    DEFERRED = "deferred"  # deferred to the next meeting


class SessionStatus(str, Enum):
    PLANNED = "planned"
    RUNNING = "running"
    ENDED = "ended"


#: What a line can be captured as (``coopconsole add NAME KIND``, the capture bar).
CAPTURE_KINDS = ("action", "note", "decision", "park")


class EventKind(str, Enum):
    """Clock events. Every displayed time figure is a pure function of these and "now"."""

    START = "start"  # agenda clock starts (first time: on the first item)
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"  # move to the next item
    PREV = "prev"  # move back to the previous item
    GOTO = "goto"  # jump to ``item``
    EXTEND = "extend"  # change ``item``'s time box by ``minutes`` (negative shortens)
    SPEAKER = "speaker"  # ``participant`` now speaks; ``None`` means nobody
    END = "end"  # the meeting has ended
    REPLAN = "replan"  # a re-plan of ``minutes`` changes follows (EXTEND, DROP, SHIFT)
    DROP = "drop"  # ``item`` leaves the plan (moved to the parking lot or the next meeting)
    SHIFT = "shift"  # the plan after the current item moves ``minutes`` later (a later end accepted)
    UNDO = "undo"  # the last re-plan not yet undone is undone
    COOL = "cool"  # an unplanned cooling-down break of ``minutes``: the clock pauses, the plan shifts
    QUEUE = "queue"  # ``participant`` joins the end of the speaker queue
    UNQUEUE = "unqueue"  # ``participant`` leaves the speaker queue (without taking the floor)
    ADD = "add"  # the agenda item ``item`` (a record added live) joins the agenda, placed ``after``
    RENAME = "rename"  # ``item`` is called ``text`` from now on
    MOVE = "move"  # ``item`` moves to just ``after`` another item (0: to the top)
    REMOVE = "remove"  # ``item``, not yet started, leaves the agenda
    JOIN = "join"  # ``participant`` walked in (a participant added during the meeting)


#: The events that change the agenda itself (its items, their titles and order).
AGENDA_CHANGES = frozenset({EventKind.ADD, EventKind.RENAME, EventKind.MOVE, EventKind.REMOVE})


@record
class Goal:
    """A goal of the meeting in one tier, and whether it was achieved."""

    id: int
    tier: GoalTier
    text: str
    achieved: bool | None = None  # None: not yet judged
    origin: str = ""  # "meeting#N": the goal of an earlier meeting it carries on


@record
class Participant:
    """One person at the table: organisation, role, attendance, and what they do for the
    meeting (``duty``: the facilitator or the note-taker named in the agenda)."""

    id: int  # 1-based, the number shown in the speakers pane
    name: str
    organisation: str = ""
    title: str = ""  # job title as written (CTO, 生产总监)
    role: Role = Role.OTHER
    attendance: Attendance = Attendance.PRESENT
    arrived_at: datetime | None = None  # for late arrivals
    left_at: datetime | None = None  # for early leavers
    confirmed_at: datetime | None = None  # when they confirmed the minutes
    duty: Duty = Duty.NONE
    walked_in: bool = False  # not on the agenda's list: added when they walked in


@record
class AgendaItem:
    """One item of the agenda, as imported: title, planned start and time box."""

    id: int  # 1-based position in the imported agenda
    title: str
    start: time | None = None  # planned start as written, if any
    minutes: int | None = None  # planned time box, if known
    owner: str = ""  # owner or presenter as written
    sub_points: tuple[str, ...] = ()
    kind: ItemKind = ItemKind.TOPIC
    added_at: datetime | None = None  # added during the meeting: not part of the written plan


@record
class Event:
    """One thing that happened to the clock or the floor, at a moment (the source of every figure)."""

    id: int
    at: datetime
    kind: EventKind
    item: int | None = None
    participant: int | None = None
    minutes: int | None = None
    after: int | None = None  # ADD, MOVE: the item it is placed after (0: at the top)
    text: str = ""  # RENAME: the new title


@record
class SpeakingTurn:
    """One stretch of one person speaking, within one agenda item (derived from events)."""

    participant: int
    start: datetime
    end: datetime | None  # None: still speaking
    item: int | None


@record
class SmartCheck:
    """Result of the SMART check of one action: ``problems`` holds stable codes."""

    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@record
class StatusChange:
    """One move of an action on the board: when, to which state, and a remark.

    A change is added to the action's history, never written over: the history is what
    the minutes of the next meeting report. ``meeting`` is the session it was made in
    when that is not the one holding the action (a change carried in with it)."""

    at: datetime
    status: ActionStatus
    remark: str = ""
    meeting: str = ""


@record
class ActionItem:
    """An action: owner, deliverable, deadline, and what the SMART check found.

    ``status`` is where the action stands now, which is the last entry of ``history``
    (``TODO`` with no history). An action carried from an earlier meeting names where it
    was first captured (``origin``, "meeting#N"), the copy it was carried from
    (``carried_from``) and how many meetings it has been carried through (``carried``)."""

    id: int
    deliverable: str
    owner: str = ""  # name as resolved (or as typed, when unknown)
    owner_id: int | None = None  # participant id when the owner is known
    organisation: str = ""
    deadline: date | None = None
    item: int | None = None  # agenda item id
    status: ActionStatus = ActionStatus.TODO
    created_at: datetime | None = None
    text: str = ""  # the line as captured
    smart: SmartCheck = field(default_factory=SmartCheck)
    history: tuple[StatusChange, ...] = ()
    origin: str = ""
    carried_from: str = ""
    carried: int = 0
    withdrawn_at: datetime | None = None  # taken back (see Session.set_aside)
    merged_into: int | None = None  # taken back as a duplicate of this action
    merged: tuple[int, ...] = ()  # the duplicates merged into this one


@record
class Decision:
    """A decision (a consensus) on an item, with each organisation's position."""

    id: int
    text: str
    item: int | None = None
    agreement: tuple[tuple[str, Stance], ...] = ()  # (organisation, stance)
    created_at: datetime | None = None
    withdrawn_at: datetime | None = None  # taken back (see Session.set_aside)


@record
class Note:
    """A discussion note on an item."""

    id: int
    text: str
    item: int | None = None
    created_at: datetime | None = None
    withdrawn_at: datetime | None = None  # taken back (see Session.set_aside)


@record
class ParkedItem:
    """A point parked as off-topic: who raised it, on which item, and how it was resolved."""

    id: int
    text: str
    raised_by: str = ""
    raised_by_id: int | None = None
    item: int | None = None  # item under discussion when it was parked
    resolution: Resolution = Resolution.OPEN
    target: int | None = None  # scheduled item id, or the action id it became
    created_at: datetime | None = None
    origin: str = ""  # "meeting#N": the point deferred from an earlier meeting
    withdrawn_at: datetime | None = None  # taken back (see Session.set_aside)


@dataclass
class Session:
    """A whole meeting. ``name`` is the file-safe session name in the sessions folder."""

    name: str
    title: str
    date: date | None = None
    start: time | None = None  # planned start of the meeting
    location: str = ""
    facilitator: str = ""
    note_taker: str = ""
    series: str = ""  # the series of meetings it belongs to: the first meeting's name
    follows: str = ""  # the meeting this one follows in its series
    lang: str = "en"
    created_at: datetime | None = None
    minutes_at: datetime | None = None  # when the minutes were last sent
    minutes_digest: str = ""  # what was sent: see coopconsole.domain.followup.minutes_digest
    next_meeting: str = ""  # as written: "2026-12-15 14:00, Room 2"
    goals: list[Goal] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    parked: list[ParkedItem] = field(default_factory=list)
    #: The captures taken back (``withdrawn_at`` set; an action merged into another is
    #: one too). Kept in the file, never renumbered, and held here, apart: the lists
    #: above, which every pane, report, export and check reads, never hold them.
    set_aside: list[Captured] = field(default_factory=list)
    #: The plan as read from the agenda, under review until the facilitator accepts it
    #: (see :mod:`coopconsole.domain.plan_review`); None: nothing to review.
    review: PlanReview | None = None

    def participant(self, pid: int | None) -> Participant | None:
        return next((p for p in self.participants if p.id == pid), None)

    def item(self, iid: int | None) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == iid), None)

    def records(self, kind: type[R]) -> list[R]:
        """The list that holds records of ``kind`` (``session.records(Note)`` is ``notes``)."""
        records: list[R] = getattr(self, RECORD_LISTS[kind])
        return records

    def put(self, record: Record) -> None:
        """Add ``record`` to its list, or put it in place of the record with its id.

        The list is always a new one, so whoever kept the old list can tell with ``is``
        that something in it changed (the panes redraw only then)."""
        name = RECORD_LISTS[type(record)]
        old: list[Record] = getattr(self, name)
        kind = type(record)
        if getattr(record, "withdrawn_at", None) is not None:  # taken back: moved apart
            setattr(self, name, [r for r in old if r.id != record.id])
            kept = [r for r in self.set_aside if not (type(r) is kind and r.id == record.id)]
            self.set_aside = [*kept, record]  # type: ignore[list-item]
            return
        if any(type(r) is kind and r.id == record.id for r in self.set_aside):  # given back
            self.set_aside = [r for r in self.set_aside if not (type(r) is kind and r.id == record.id)]
        if any(r.id == record.id for r in old):
            setattr(self, name, [record if r.id == record.id else r for r in old])
        elif old and old[-1].id > record.id:  # a record given back goes back to its place
            setattr(self, name, sorted([*old, record], key=lambda r: r.id))
        else:
            setattr(self, name, [*old, record])

    def put_new(self, record: Record) -> None:
        """Add a record the store has just numbered: what :meth:`put` does with it (its id
        is above every other of its kind, so there is none to replace), without looking
        through the list for one."""
        name = RECORD_LISTS[type(record)]
        setattr(self, name, [*getattr(self, name), record])


#: A record of a session: one row of one of its lists.
Record = Goal | Participant | AgendaItem | Event | ActionItem | Decision | Note | ParkedItem
R = TypeVar("R", Goal, Participant, AgendaItem, Event, ActionItem, Decision, Note, ParkedItem)

#: A capture: what the note-taker records, and may take back.
Captured = ActionItem | Decision | Note | ParkedItem

#: Which list of a :class:`Session` holds each kind of record.
RECORD_LISTS: dict[type, str] = {
    Goal: "goals",
    Participant: "participants",
    AgendaItem: "agenda",
    Event: "events",
    ActionItem: "actions",
    Decision: "decisions",
    Note: "notes",
    ParkedItem: "parked",
}
