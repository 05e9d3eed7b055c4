"""Domain objects <-> the JSON records kept in a session file.

Every record carries ``"v": SCHEMA_VERSION``. Keys are full words so that a person who
opens the file in an editor (or with a plain ``TinyDB(path)``) can read it; fields that
are empty/None are left out of event records only, which are the bulk of a long meeting.
Datetimes are ISO 8601 with their UTC offset (events: epoch milliseconds, see below);
dates ``YYYY-MM-DD``; times ``HH:MM``.

Decoding checks every field against :mod:`.validate` and raises its ``Malformed`` (the
store reports it with the file, the table and the record id): a value of the wrong type
never reaches the domain, where it would fail far from the file it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import coopconsole.store.validate as check
from coopconsole.domain.model import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Duty,
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
    Stance,
)
from coopconsole.store.action_codec import action_from, action_record
from coopconsole.store.fields import SCHEMA_VERSION, Record, cleaned, day_text, moment_text, time_text
from coopconsole.store.review_codec import review_from, review_record

__all__ = ["SCHEMA_VERSION", "Record", "action_from", "action_record", "cleaned"]


META, GOALS, PARTICIPANTS, AGENDA = "meta", "goals", "participants", "agenda"
EVENTS, ACTIONS, DECISIONS, NOTES, PARKED = "events", "actions", "decisions", "notes", "parked"
TABLES = (META, GOALS, PARTICIPANTS, AGENDA, EVENTS, ACTIONS, DECISIONS, NOTES, PARKED)


# -- session header ----------------------------------------------------------------


def meta_record(s: Session) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "name": s.name,
        "title": s.title,
        "date": day_text(s.date),
        "start": time_text(s.start),
        "location": s.location,
        "facilitator": s.facilitator,
        "note_taker": s.note_taker,
        "series": s.series,
        "follows": s.follows,
        "lang": s.lang,
        "created_at": moment_text(s.created_at),
        "minutes_at": moment_text(s.minutes_at),
        "minutes_digest": s.minutes_digest,
        "next_meeting": s.next_meeting,
        **({"review": review_record(s.review)} if s.review is not None else {}),
    }


def session_from_meta(r: Record) -> Session:
    return Session(
        name=check.text(r, "name", ""),
        title=check.text(r, "title", ""),
        date=check.day(r, "date"),
        start=check.clock_time(r, "start"),
        location=check.text(r, "location", ""),
        facilitator=check.text(r, "facilitator", ""),
        note_taker=check.text(r, "note_taker", ""),
        series=check.text(r, "series", ""),
        follows=check.text(r, "follows", ""),
        lang=check.text(r, "lang", "en"),
        created_at=check.moment(r, "created_at"),
        minutes_at=check.moment(r, "minutes_at"),
        minutes_digest=check.text(r, "minutes_digest", ""),
        next_meeting=check.text(r, "next_meeting", ""),
        review=review_from(r),
    )


# -- one function pair per table ---------------------------------------------------


def goal_record(g: Goal) -> Record:
    record = {"v": SCHEMA_VERSION, "tier": g.tier.value, "text": g.text, "achieved": g.achieved}
    if g.origin:
        record["origin"] = g.origin
    return record


def goal_from(i: int, r: Record) -> Goal:
    return Goal(
        id=i,
        tier=check.choice(r, "tier", GoalTier),
        text=check.text(r, "text"),
        achieved=check.flag(r, "achieved"),
        origin=check.text(r, "origin", ""),
    )


def participant_record(p: Participant) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "name": p.name,
        "organisation": p.organisation,
        "title": p.title,
        "role": p.role.value,
        "attendance": p.attendance.value,
        "arrived_at": moment_text(p.arrived_at),
        "left_at": moment_text(p.left_at),
        "confirmed_at": moment_text(p.confirmed_at),
        "duty": p.duty.value,
        **({"walked_in": True} if p.walked_in else {}),
    }


def participant_from(i: int, r: Record) -> Participant:
    return Participant(
        id=i,
        name=check.text(r, "name"),
        organisation=check.text(r, "organisation", ""),
        title=check.text(r, "title", ""),
        role=check.choice(r, "role", Role, Role.OTHER),
        attendance=check.choice(r, "attendance", Attendance, Attendance.PRESENT),
        arrived_at=check.moment(r, "arrived_at"),
        left_at=check.moment(r, "left_at"),
        confirmed_at=check.moment(r, "confirmed_at"),
        duty=check.choice(r, "duty", Duty, Duty.NONE),  # files written before it: none
        walked_in=bool(check.flag(r, "walked_in")),
    )


def agenda_record(a: AgendaItem) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "title": a.title,
        "start": time_text(a.start),
        "minutes": a.minutes,
        "owner": a.owner,
        "sub_points": list(a.sub_points),
        "kind": a.kind.value,
        **({"added_at": moment_text(a.added_at)} if a.added_at is not None else {}),
    }


def agenda_from(i: int, r: Record) -> AgendaItem:
    return AgendaItem(
        id=i,
        title=check.text(r, "title"),
        start=check.clock_time(r, "start"),
        minutes=check.minutes(r, "minutes"),
        owner=check.text(r, "owner", ""),
        sub_points=check.texts(r, "sub_points"),
        kind=check.choice(r, "kind", ItemKind, ItemKind.TOPIC),
        added_at=check.moment(r, "added_at"),
    )


# Events are most of a long meeting's records (one per speaker change), and every
# captured action rewrites the whole file, so they are kept short: "t" is the moment in
# epoch milliseconds (UTC), "k" the kind, "i" the agenda item, "p" the participant,
# "m" minutes, "a" the item placed after (agenda changes), "x" a new title (renaming);
# empty fields are left out.
_EVENT_FIELDS = (("item", "i"), ("participant", "p"), ("minutes", "m"), ("after", "a"))


def event_record(e: Event) -> Record:
    record: Record = {"v": SCHEMA_VERSION, "t": round(e.at.timestamp() * 1000), "k": e.kind.value}
    for attr, key in _EVENT_FIELDS:
        value = getattr(e, attr)
        if value is not None:
            record[key] = value
    if e.text:
        record["x"] = e.text
    return record


_EVENT_KINDS = {kind.value: kind for kind in EventKind}
_MS = timedelta(milliseconds=1)
_EPOCH, _FIRST_MS, _LAST_MS, _MAX_MIN = check.EPOCH, check.FIRST_MS, check.LAST_MS, check.MAX_MINUTES


def event_from(i: int, r: Record) -> Event:
    # The hot path of every load: one test per field, inline, and a dict lookup for the
    # kind (calling the Enum costs ten times as much). Only a refused record goes
    # through validate, to say what is wrong with it. EPOCH + ms is exact, where
    # fromtimestamp(t / 1000) goes through a float.
    kind, t, item, participant, minutes = event_fields(r)
    if "a" in r or "x" in r:  # an agenda change: rare, checked the slow way
        return _agenda_change(i, r, Event(i, _EPOCH + _MS * t, kind, item, participant, minutes))
    return Event(i, _EPOCH + _MS * t, kind, item, participant, minutes)


def event_fields(r: Record) -> tuple[EventKind, int, int | None, int | None, int | None]:
    """The kind, moment (epoch ms), item, participant and minutes of an event record,
    checked (``Malformed`` says what is wrong)."""
    t, item, participant, minutes = r.get("t"), r.get("i"), r.get("p"), r.get("m")
    try:
        kind = _EVENT_KINDS[r["k"]]
    except (KeyError, TypeError):  # unknown, missing, or not even a string
        kind = None
    if (
        kind is None
        or type(t) is not int
        or not _FIRST_MS <= t <= _LAST_MS
        or (item is not None and type(item) is not int)
        or (participant is not None and type(participant) is not int)
        or (minutes is not None and (type(minutes) is not int or not -_MAX_MIN <= minutes <= _MAX_MIN))
    ):
        raise check.event_problem(r, EventKind)
    return kind, t, item, participant, minutes


def withdrawn_fields(record: Decision | Note | ParkedItem) -> Record:
    """When a capture was taken back; left out while it was not (most never are)."""
    return {"withdrawn_at": moment_text(record.withdrawn_at)} if record.withdrawn_at is not None else {}


def _agenda_change(i: int, r: Record, event: Event) -> Event:
    after, text = check.number(r, "a"), check.text(r, "x", "")
    return cleaned(replace(event, after=after, text=text))


def decision_record(d: Decision) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "text": d.text,
        "item": d.item,
        "agreement": {org: stance.value for org, stance in d.agreement},
        "created_at": moment_text(d.created_at),
        **withdrawn_fields(d),
    }


def decision_from(i: int, r: Record) -> Decision:
    return Decision(
        id=i,
        text=check.text(r, "text"),
        item=check.number(r, "item"),
        agreement=check.stances(r, "agreement", Stance),
        created_at=check.moment(r, "created_at"),
        withdrawn_at=check.moment(r, "withdrawn_at"),
    )


def note_record(n: Note) -> Record:
    created = moment_text(n.created_at)
    return {"v": SCHEMA_VERSION, "text": n.text, "item": n.item, "created_at": created, **withdrawn_fields(n)}


def note_from(i: int, r: Record) -> Note:
    return Note(
        id=i,
        text=check.text(r, "text"),
        item=check.number(r, "item"),
        created_at=check.moment(r, "created_at"),
        withdrawn_at=check.moment(r, "withdrawn_at"),
    )


def parked_record(p: ParkedItem) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "text": p.text,
        "raised_by": p.raised_by,
        "raised_by_id": p.raised_by_id,
        "item": p.item,
        "resolution": p.resolution.value,
        "target": p.target,
        "created_at": moment_text(p.created_at),
        **({"origin": p.origin} if p.origin else {}),
        **withdrawn_fields(p),
    }


def parked_from(i: int, r: Record) -> ParkedItem:
    return ParkedItem(
        id=i,
        text=check.text(r, "text"),
        raised_by=check.text(r, "raised_by", ""),
        raised_by_id=check.number(r, "raised_by_id"),
        item=check.number(r, "item"),
        resolution=check.choice(r, "resolution", Resolution, Resolution.OPEN),
        target=check.number(r, "target"),
        created_at=check.moment(r, "created_at"),
        origin=check.text(r, "origin", ""),
        withdrawn_at=check.moment(r, "withdrawn_at"),
    )


#: A table's codec: the Session attribute, record -> domain, domain -> record.
Codec = tuple[str, Callable[[int, Record], Any], Callable[[Any], Record]]

#: table name -> its codec
CODECS: dict[str, Codec] = {
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
