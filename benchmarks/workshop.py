"""A synthetic full-day workshop, for benchmarks: sizes as the issues state them.

Full day: 30 participants, 40 agenda items, 3,000 speaking turns, 500 actions and notes.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

from coopconsole.domain.model import (
    ActionItem,
    AgendaItem,
    Event,
    EventKind,
    Note,
    Participant,
    Role,
    Session,
)

TZ = timezone(timedelta(hours=8))
START = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def workshop(
    name: str = "workshop",
    participants: int = 30,
    items: int = 40,
    turns: int = 3000,
    actions: int = 250,
    notes: int = 250,
    seed: int = 7,
) -> Session:
    rnd = random.Random(seed)
    orgs = [f"Organisation {c}" for c in "ABCDEF"]
    people = [
        Participant(
            id=i + 1,
            name=f"Person {i + 1:02d} 张{i}",
            organisation=orgs[i % len(orgs)],
            title="Director",
            role=Role.DECISION_MAKER if i < len(orgs) else Role.EXECUTOR,
        )
        for i in range(participants)
    ]
    agenda = [
        AgendaItem(id=i + 1, title=f"Topic {i + 1}: 合作方向与机会探讨", start=None, minutes=12, owner="Dana")
        for i in range(items)
    ]
    events: list[Event] = [Event(id=1, at=START, kind=EventKind.START)]
    at = START
    per_item = max(1, turns // items)
    for n in range(turns):
        at += timedelta(seconds=rnd.randint(5, 20))
        if n and n % per_item == 0:
            events.append(Event(id=len(events) + 1, at=at, kind=EventKind.NEXT))
        events.append(
            Event(id=len(events) + 1, at=at, kind=EventKind.SPEAKER, participant=rnd.randint(1, participants))
        )
    acts = [
        ActionItem(
            id=i + 1,
            deliverable=f"Send the draft MOU section {i} to all parties 发送至会议群组",
            owner=people[i % participants].name,
            owner_id=i % participants + 1,
            organisation=people[i % participants].organisation,
            deadline=date(2026, 12, 15),
            item=i % items + 1,
            created_at=START + timedelta(minutes=i % 180),
            text=f"@person{i % participants} send the draft MOU section {i} by 2026-12-15",
        )
        for i in range(actions)
    ]
    note_list = [
        Note(
            id=i + 1,
            text=f"Discussion point {i}: data security, 边缘设备部署",
            item=i % items + 1,
            created_at=START + timedelta(minutes=i % 180),
        )
        for i in range(notes)
    ]
    return Session(
        name=name,
        title="Full-day cooperation workshop",
        date=START.date(),
        start=time(9, 0),
        participants=people,
        agenda=agenda,
        events=events,
        actions=acts,
        notes=note_list,
    )


def record_count(session: Session) -> int:
    return sum(
        len(getattr(session, a))
        for a in ("goals", "participants", "agenda", "events", "actions", "decisions", "notes", "parked")
    )
