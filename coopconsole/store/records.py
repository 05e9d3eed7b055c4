"""Domain objects <-> the JSON records kept in a session file.

Every record carries ``"v": SCHEMA_VERSION``. Keys are full words so that a person who
opens the file in an editor (or with a plain ``TinyDB(path)``) can read it; fields that
are empty/None are left out of event records only, which are the bulk of a long meeting.
Datetimes are ISO 8601 with their UTC offset (events: epoch milliseconds, see below);
dates ``YYYY-MM-DD``; times ``HH:MM``.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, datetime, time, timezone
from typing import Any

from ..domain.text import clean_block, clean_line
from ..domain.model import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    Event,
    EventKind,
    Goal,
    GoalTier,
    ItemKind,
    Note,
    ParkedItem,
    Participant,
    Resolution,
    Role,
    Session,
    SmartCheck,
    Stance,
)

SCHEMA_VERSION = 1

META, GOALS, PARTICIPANTS, AGENDA = "meta", "goals", "participants", "agenda"
EVENTS, ACTIONS, DECISIONS, NOTES, PARKED = "events", "actions", "decisions", "notes", "parked"
TABLES = (META, GOALS, PARTICIPANTS, AGENDA, EVENTS, ACTIONS, DECISIONS, NOTES, PARKED)

Record = dict[str, Any]


def _dt(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _time(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _parse_time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


# -- session header ----------------------------------------------------------------


def meta_record(s: Session) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "name": s.name,
        "title": s.title,
        "date": _date(s.date),
        "start": _time(s.start),
        "location": s.location,
        "facilitator": s.facilitator,
        "note_taker": s.note_taker,
        "series": s.series,
        "lang": s.lang,
        "created_at": _dt(s.created_at),
    }


def session_from_meta(r: Record) -> Session:
    return Session(
        name=r.get("name", ""),
        title=r.get("title", ""),
        date=_parse_date(r.get("date")),
        start=_parse_time(r.get("start")),
        location=r.get("location", ""),
        facilitator=r.get("facilitator", ""),
        note_taker=r.get("note_taker", ""),
        series=r.get("series", ""),
        lang=r.get("lang", "en"),
        created_at=_parse_dt(r.get("created_at")),
    )


# -- one function pair per table ---------------------------------------------------


def goal_record(g: Goal) -> Record:
    return {"v": SCHEMA_VERSION, "tier": g.tier.value, "text": g.text, "achieved": g.achieved}


def goal_from(i: int, r: Record) -> Goal:
    return Goal(id=i, tier=GoalTier(r["tier"]), text=r["text"], achieved=r.get("achieved"))


def participant_record(p: Participant) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "name": p.name,
        "organisation": p.organisation,
        "title": p.title,
        "role": p.role.value,
        "attendance": p.attendance.value,
        "arrived_at": _dt(p.arrived_at),
        "left_at": _dt(p.left_at),
    }


def participant_from(i: int, r: Record) -> Participant:
    return Participant(
        id=i,
        name=r["name"],
        organisation=r.get("organisation", ""),
        title=r.get("title", ""),
        role=Role(r.get("role", Role.OTHER.value)),
        attendance=Attendance(r.get("attendance", Attendance.PRESENT.value)),
        arrived_at=_parse_dt(r.get("arrived_at")),
        left_at=_parse_dt(r.get("left_at")),
    )


def agenda_record(a: AgendaItem) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "title": a.title,
        "start": _time(a.start),
        "minutes": a.minutes,
        "owner": a.owner,
        "sub_points": list(a.sub_points),
        "kind": a.kind.value,
    }


def agenda_from(i: int, r: Record) -> AgendaItem:
    return AgendaItem(
        id=i,
        title=r["title"],
        start=_parse_time(r.get("start")),
        minutes=r.get("minutes"),
        owner=r.get("owner", ""),
        sub_points=tuple(r.get("sub_points", ())),
        kind=ItemKind(r.get("kind", ItemKind.TOPIC.value)),
    )


# Events are most of a long meeting's records (one per speaker change), and every
# captured action rewrites the whole file, so they are kept short: "t" is the moment in
# epoch milliseconds (UTC), "k" the kind, "i" the agenda item, "p" the participant,
# "m" minutes; empty fields are left out.
_EVENT_FIELDS = (("item", "i"), ("participant", "p"), ("minutes", "m"))


def event_record(e: Event) -> Record:
    record: Record = {"v": SCHEMA_VERSION, "t": round(e.at.timestamp() * 1000), "k": e.kind.value}
    for attr, key in _EVENT_FIELDS:
        value = getattr(e, attr)
        if value is not None:
            record[key] = value
    return record


def event_from(i: int, r: Record) -> Event:
    return Event(
        id=i,
        at=datetime.fromtimestamp(r["t"] / 1000, timezone.utc),
        kind=EventKind(r["k"]),
        item=r.get("i"),
        participant=r.get("p"),
        minutes=r.get("m"),
    )


def action_record(a: ActionItem) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "deliverable": a.deliverable,
        "owner": a.owner,
        "owner_id": a.owner_id,
        "organisation": a.organisation,
        "deadline": _date(a.deadline),
        "item": a.item,
        "status": a.status.value,
        "created_at": _dt(a.created_at),
        "text": a.text,
        "smart": list(a.smart.problems),
    }


def action_from(i: int, r: Record) -> ActionItem:
    return ActionItem(
        id=i,
        deliverable=r["deliverable"],
        owner=r.get("owner", ""),
        owner_id=r.get("owner_id"),
        organisation=r.get("organisation", ""),
        deadline=_parse_date(r.get("deadline")),
        item=r.get("item"),
        status=ActionStatus(r.get("status", ActionStatus.TODO.value)),
        created_at=_parse_dt(r.get("created_at")),
        text=r.get("text", ""),
        smart=SmartCheck(tuple(r.get("smart", ()))),
    )


def decision_record(d: Decision) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "text": d.text,
        "item": d.item,
        "agreement": {org: stance.value for org, stance in d.agreement},
        "created_at": _dt(d.created_at),
    }


def decision_from(i: int, r: Record) -> Decision:
    agreement = tuple((org, Stance(s)) for org, s in r.get("agreement", {}).items())
    return Decision(
        id=i,
        text=r["text"],
        item=r.get("item"),
        agreement=agreement,
        created_at=_parse_dt(r.get("created_at")),
    )


def note_record(n: Note) -> Record:
    return {"v": SCHEMA_VERSION, "text": n.text, "item": n.item, "created_at": _dt(n.created_at)}


def note_from(i: int, r: Record) -> Note:
    return Note(id=i, text=r["text"], item=r.get("item"), created_at=_parse_dt(r.get("created_at")))


def parked_record(p: ParkedItem) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "text": p.text,
        "raised_by": p.raised_by,
        "raised_by_id": p.raised_by_id,
        "item": p.item,
        "resolution": p.resolution.value,
        "target": p.target,
        "created_at": _dt(p.created_at),
    }


def parked_from(i: int, r: Record) -> ParkedItem:
    return ParkedItem(
        id=i,
        text=r["text"],
        raised_by=r.get("raised_by", ""),
        raised_by_id=r.get("raised_by_id"),
        item=r.get("item"),
        resolution=Resolution(r.get("resolution", Resolution.OPEN.value)),
        target=r.get("target"),
        created_at=_parse_dt(r.get("created_at")),
    )


#: table name -> (Session attribute, record -> domain, domain -> record)
CODECS = {
    GOALS: ("goals", goal_from, goal_record),
    PARTICIPANTS: ("participants", participant_from, participant_record),
    AGENDA: ("agenda", agenda_from, agenda_record),
    EVENTS: ("events", event_from, event_record),
    ACTIONS: ("actions", action_from, action_record),
    DECISIONS: ("decisions", decision_from, decision_record),
    NOTES: ("notes", note_from, note_record),
    PARKED: ("parked", parked_from, parked_record),
}

#: table name -> what one record is called, for messages
NOUN = {
    GOALS: "goal",
    PARTICIPANTS: "participant",
    AGENDA: "agenda item",
    EVENTS: "event",
    ACTIONS: "action",
    DECISIONS: "decision",
    NOTES: "note",
    PARKED: "parked point",
}

#: domain class -> table name, for callers that hold an object
TABLE_OF = {
    Goal: GOALS,
    Participant: PARTICIPANTS,
    AgendaItem: AGENDA,
    Event: EVENTS,
    ActionItem: ACTIONS,
    Decision: DECISIONS,
    Note: NOTES,
    ParkedItem: PARKED,
}


def to_record(obj: Any) -> Record:
    return CODECS[TABLE_OF[type(obj)]][2](obj)


def with_id(obj: Any, new_id: int) -> Any:
    return replace(obj, id=new_id)


def session_from_document(document: dict[str, dict[str, Record]], name: str) -> Session:
    """Build the domain Session from a whole TinyDB document (ids in numeric order).

    Every text is cleaned of control characters on the way in (a session file may have
    been edited by hand or by another program), so no escape sequence in a name or a note
    can ever reach the terminal.
    """
    meta = document.get(META, {})
    header = next(iter(meta.values()), {})
    session = _cleaned(session_from_meta(header))
    session.name = name
    for table, (attr, decode, _encode) in CODECS.items():
        rows = document.get(table, {})
        items = [decode(int(k), r) for k, r in sorted(rows.items(), key=lambda kv: int(kv[0]))]
        setattr(session, attr, items if table == EVENTS else [_cleaned(item) for item in items])
    return session


def _cleaned(obj: Any) -> Any:
    """``obj`` with control characters removed from its text fields (notes keep line breaks)."""
    changes = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str):
            clean = clean_block(value) if isinstance(obj, Note) and f.name == "text" else clean_line(value)
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            clean = tuple(clean_line(v) for v in value)
        else:
            continue
        if clean != value:
            changes[f.name] = clean
    if not changes:
        return obj
    if isinstance(obj, Session):
        for key, value in changes.items():
            setattr(obj, key, value)
        return obj
    return replace(obj, **changes)


def newest_schema(document: dict[str, dict[str, Record]]) -> int:
    """The highest schema version of any record in the document (0 if none)."""
    newest = 0
    for rows in document.values():
        for r in rows.values():
            if isinstance(r, dict):
                newest = max(newest, int(r.get("v", 0)))
    return newest
