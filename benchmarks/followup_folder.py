"""The folder ``bench_followup.py`` measures: 200 sessions in 20 series of 10 weekly
meetings, 10,000 action records and 30,000 status changes, built from a fixed seed with the
domain's own follow-up (see that benchmark's docstring for what it holds and how)."""

from __future__ import annotations

import random
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock
from pathlib import Path

from followup_words import (  # noqa: E402
    AGENDA,
    CHINESE_NAMES,
    DELIVERABLES,
    NOTES,
    ORGANISATIONS,
    OTHER_NAMES,
    PROJECTS,
    REMARKS,
    TITLES,
)

from coopconsole.domain.board import moved, step
from coopconsole.domain.model import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    Event,
    EventKind,
    Goal,
    GoalTier,
    Note,
    ParkedItem,
    Participant,
    Resolution,
    Role,
    Session,
    SmartCheck,
    Stance,
)
from coopconsole.domain.series import follow_up, next_meeting_from
from coopconsole.store import SessionStore
from coopconsole.texts import t

SEED = 20261203
SERIES, MEETINGS = 20, 10
ACTION_RECORDS = 10_000
STATUS_CHANGES = 30_000

#: How often an open action moves in the review, and each of the twice it may in the week after.
REVIEW_MOVE, WEEK_MOVE = 0.8, 0.8
#: How many actions a meeting captures; how often a change is a remark only.
NEW_LEAST, SAID_ONLY = 8, 0.45

TZ = timezone(timedelta(hours=8))
FIRST_DAY = date(2026, 8, 31)  # a Monday: the last meetings are around now (December 2026)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, clock(hour, minute), tzinfo=TZ)


# -- the folder ------------------------------------------------------------------------


class Folder:
    """Builds the series in memory with the domain's own follow-up, then writes them."""

    def __init__(self, seed: int = SEED) -> None:
        self.rnd = random.Random(seed)
        rnd = self.rnd
        names = [*CHINESE_NAMES, *OTHER_NAMES]
        self.people = [
            (name, ORGANISATIONS[i % len(ORGANISATIONS)], rnd.choice(TITLES)) for i, name in enumerate(names)
        ]
        self.sessions: list[Session] = []
        self.deliverable = 0

    def build(self) -> list[Session]:
        per_series = ACTION_RECORDS // SERIES
        for index in range(SERIES):
            self.series(index, per_series)
        self.top_up()
        return self.sessions

    def series(self, index: int, records: int) -> None:
        rnd = self.rnd
        title, stem, lang = PROJECTS[index]
        orgs = set(rnd.sample(ORGANISATIONS, rnd.randint(3, 5)))
        pool = [p for p in self.people if p[1] in orgs]
        chosen = rnd.sample(pool, min(len(pool), rnd.randint(8, 14)))
        participants = [
            Participant(id=i + 1, name=n, organisation=o, title=ti, role=rnd.choice(list(Role)))
            for i, (n, o, ti) in enumerate(chosen)
        ]
        day = FIRST_DAY + timedelta(days=index % 5 + 7 * (index // 10))
        start = clock(rnd.choice((9, 10, 14, 15)), rnd.choice((0, 30)))
        picked = rnd.sample(AGENDA, rnd.randint(6, 9))
        at = _at(day, start.hour, start.minute)
        agenda = []
        for i, (item_title, points) in enumerate(picked):
            minutes = rnd.choice((10, 15, 15, 20, 30))
            agenda.append(
                AgendaItem(
                    id=i + 1,
                    title=item_title,
                    start=at.time().replace(tzinfo=None),
                    minutes=minutes,
                    owner=rnd.choice(participants).name,
                    sub_points=tuple(points),
                )
            )
            at += timedelta(minutes=minutes)
        first = Session(
            name=f"{stem}-{day.isoformat()}",
            title=title,
            date=day,
            start=start,
            location=rnd.choice(("Room 2", "线上会议 (腾讯会议)", "Building C, 3F", "Teams")),
            facilitator=participants[0].name,
            note_taker=participants[1].name,
            lang=lang,
            created_at=_at(day - timedelta(days=2), 17),
            participants=participants,
            agenda=agenda,
            goals=[
                Goal(id=1, tier=GoalTier.PRIMARY, text="Agree the pilot scope 确定试点范围"),
                Goal(id=2, tier=GoalTier.INTERMEDIATE, text="Name an owner for each work package"),
                Goal(id=3, tier=GoalTier.ADVANCED, text="签署合作备忘录 Sign the MOU"),
            ],
        )
        chain: list[Session] = []
        stored = 0
        for k in range(MEETINGS):
            if k == 0:
                session = first
            else:
                base = next_meeting_from(chain[-1], None, None)
                base.name = f"{stem}-{base.date.isoformat()}"
                base.created_at = _at(base.date - timedelta(days=2), 17)
                session = follow_up(base, chain, t("review.title", lang)).session
            carried = len(session.actions)
            # New actions: about an even share of the records still to make, with what
            # was carried; the last meeting makes up the rest exactly.
            left = MEETINGS - k
            share = (records - stored) / left
            new = (
                records - stored - carried
                if left == 1
                else max(NEW_LEAST, round(share * rnd.uniform(0.8, 1.2)) - carried)
            )
            if new < 0:
                raise SystemExit(f"building: {carried} actions carried into {session.name}, more than wanted")
            self.hold(session, new)
            stored += len(session.actions)
            chain.append(session)
            self.afterwards(session)
            if k == MEETINGS - 2:  # the last meeting must have room for what it carries
                self.close_extra(session, records - stored - NEW_LEAST)
        self.sessions.extend(chain)

    def hold(self, session: Session, new_actions: int) -> None:
        """The meeting happens: attendance, clock events, captures, the review's moves."""
        rnd = self.rnd
        assert session.date is not None and session.start is not None
        began = _at(session.date, session.start.hour, session.start.minute) + timedelta(minutes=rnd.randint(0, 6))
        session.participants = [p if rnd.random() > 0.15 else self.missing(p, began) for p in session.participants]
        people = len(session.participants)
        # Clock events: START, speaker changes, NEXT between items, END.
        turns = rnd.randint(200, 400)
        items = len(session.agenda)
        events = [Event(id=1, at=began, kind=EventKind.START)]
        at = began
        moments: list[tuple[datetime, int]] = []  # (when, item) for captures
        for n in range(turns):
            at += timedelta(seconds=rnd.randint(15, 40), milliseconds=rnd.randint(0, 999))
            item = min(items, n * items // turns + 1)
            if n and item != (n - 1) * items // turns + 1:
                events.append(Event(id=len(events) + 1, at=at, kind=EventKind.NEXT))
            events.append(Event(id=len(events) + 1, at=at, kind=EventKind.SPEAKER, participant=rnd.randint(1, people)))
            moments.append((at, item))
        events.append(Event(id=len(events) + 1, at=at + timedelta(seconds=30), kind=EventKind.END))
        session.events = events
        ended = at + timedelta(seconds=30)
        # The review: some carried actions move, in this meeting (their newest copy is here).
        review_end = moments[min(len(moments) - 1, turns // items)][0]
        actions = []
        for action in session.actions:
            if action.status is not ActionStatus.DONE and rnd.random() < REVIEW_MOVE:
                action = self.move(action, began + (review_end - began) * rnd.random())
            actions.append(action)
        # New captures, during the meeting.
        for _ in range(new_actions):
            when, item = rnd.choice(moments)
            owner = rnd.choice(session.participants)
            self.deliverable += 1
            what = rnd.choice(DELIVERABLES).format(n=self.deliverable)
            deadline = None if rnd.random() < 0.1 else when.date() + timedelta(days=rnd.choice((3, 7, 7, 14, 21, 28)))
            actions.append(
                ActionItem(
                    id=len(actions) + 1,
                    deliverable=what,
                    owner=owner.name,
                    owner_id=owner.id,
                    organisation=owner.organisation,
                    deadline=deadline,
                    item=item,
                    created_at=when,
                    text=f"@{owner.name.split()[0]} {what}" + (f" by {deadline.isoformat()}" if deadline else ""),
                    smart=SmartCheck(() if deadline else ("deadline-missing",)),
                )
            )
        session.actions = actions
        session.notes = [
            Note(id=i + 1, text=rnd.choice(NOTES).format(n=i + 1), item=item, created_at=when)
            for i, (when, item) in enumerate(sorted(rnd.sample(moments, rnd.randint(5, 12))))
        ]
        orgs = sorted({p.organisation for p in session.participants})
        session.decisions = [
            Decision(
                id=i + 1,
                text=f"Decision {i + 1}: proceed with option {'ABC'[i % 3]} 按方案推进",
                item=rnd.randint(1, items),
                agreement=tuple((o, rnd.choice((Stance.AGREE, Stance.AGREE, Stance.ABSTAIN))) for o in orgs),
                created_at=ended - timedelta(minutes=5),
            )
            for i in range(rnd.randint(1, 3))
        ]
        session.parked = [
            *session.parked,
            *(
                ParkedItem(
                    id=len(session.parked) + i + 1,
                    text=f"Off-topic: {rnd.choice(('licensing model', '人员编制', 'second site', 'press timing'))}",
                    raised_by=rnd.choice(session.participants).name,
                    item=rnd.randint(1, items),
                    resolution=rnd.choice(list(Resolution)),
                    created_at=began + timedelta(minutes=20),
                )
                for i in range(rnd.randint(0, 2))
            ),
        ]
        session.goals = [Goal(g.id, g.tier, g.text, rnd.random() < 0.4, g.origin) for g in session.goals]
        session.minutes_at = ended + timedelta(hours=1)
        session.next_meeting = f"{(session.date + timedelta(weeks=1)).isoformat()} {session.start:%H:%M}"

    def missing(self, person: Participant, began: datetime) -> Participant:
        """``person`` absent, or late by some minutes."""
        if self.rnd.random() < 0.5:
            return replace(person, attendance=Attendance.ABSENT)
        return replace(
            person, attendance=Attendance.LATE, arrived_at=began + timedelta(minutes=self.rnd.randint(5, 25))
        )

    def afterwards(self, session: Session) -> None:
        """The week after the meeting: owners move their actions (in this meeting's file,
        which holds the newest copy), once or twice, or only say something."""
        rnd = self.rnd
        assert session.date is not None
        actions = []
        for action in session.actions:
            when = _at(session.date + timedelta(days=rnd.randint(1, 5)), rnd.randint(8, 19), rnd.randint(0, 59))
            for _ in range(2):
                if action.status is ActionStatus.DONE or rnd.random() > WEEK_MOVE:
                    break
                action = self.move(action, when)
                when += timedelta(hours=rnd.randint(2, 30))
            actions.append(action)
        session.actions = actions

    def close_extra(self, session: Session, room: int) -> None:
        """Close the oldest open actions beyond ``room`` (dropped: no longer needed)."""
        open_ones = [i for i, a in enumerate(session.actions) if a.status is not ActionStatus.DONE]
        assert session.date is not None
        when = _at(session.date + timedelta(days=6), 18)
        for i in open_ones[: max(0, len(open_ones) - room)]:
            action = session.actions[i]
            at = max(when, action.history[-1].at + timedelta(minutes=1)) if action.history else when
            session.actions[i] = moved(action, ActionStatus.DONE, at, "closed: no longer needed")

    def move(self, action: ActionItem, when: datetime) -> ActionItem:
        rnd = self.rnd
        remark = rnd.choice(REMARKS)
        if action.history and when <= action.history[-1].at:
            when = action.history[-1].at + timedelta(minutes=1)
        if remark and rnd.random() < SAID_ONLY:  # said, not moved
            return moved(action, action.status, when, remark)
        return moved(action, step(action.status, 1) or action.status, when, remark)

    def top_up(self) -> None:
        """Remarks after each series' last meeting, to make up the status changes."""
        short = STATUS_CHANGES - status_changes(self.sessions)
        if short < 0:
            raise SystemExit(f"building: {-short} status changes too many; lower the move rate")
        lasts = [s for s in self.sessions if not any(o.follows == s.name for o in self.sessions)]
        spots = [(s, i) for s in lasts for i, a in enumerate(s.actions) if a.status is not ActionStatus.DONE]
        for n in range(short):
            session, i = spots[n % len(spots)]
            action = session.actions[i]
            assert session.date is not None
            when = _at(session.date + timedelta(days=6), 9) + timedelta(minutes=n)
            if action.history:
                when = max(when, action.history[-1].at + timedelta(minutes=1))
            session.actions[i] = moved(action, action.status, when, "checked before the next meeting: no change")


def status_changes(sessions: list[Session]) -> int:
    return sum(len(a.history) for s in sessions for a in s.actions)


def write_folder(folder: Path) -> tuple[list[Session], float]:
    started = time.perf_counter()
    sessions = Folder().build()
    store = SessionStore(folder)
    for session in sessions:
        store.create(session).close()
    return sessions, time.perf_counter() - started
