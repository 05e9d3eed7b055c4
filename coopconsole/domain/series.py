"""A series of meetings: one meeting follows another, and what is open goes on with it.

Rules (docs/decisions.md, "Follow-up across meetings"):

* A meeting that follows another (``Session.follows``) belongs to its series; the
  series is named after its first meeting (``Session.series``). A meeting is followed
  by at most one: a second follower would split the series, and is refused.
* Carried into the next meeting, each pointing at where it came from:
  - every action of the series that is not done, as it stands now: its latest copy,
    with the history of every copy (a change made to an older copy counts too), owner,
    organisation, deadline and state;
  - the parked points the previous meeting deferred to the next one;
  - the previous meeting's goals not marked achieved.
* Unless the agenda already has a review of the previous actions (recognised by its
  title), the follow-up meeting opens with one when there are open actions: 1.5 minutes
  for each, at least 5 and at most 20. Every written start after it moves that much
  later, so the planned end says what the review costs.
* Without an agenda of its own, the next meeting takes the previous one's participants,
  agenda and (not achieved) goals, one week later at the same time unless told.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from coopconsole.domain.board import looked_at
from coopconsole.domain.frozen import record
from coopconsole.domain.model import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Goal,
    ItemKind,
    ParkedItem,
    Participant,
    Resolution,
    Session,
    StatusChange,
)
from coopconsole.domain.timeline import AgendaState

#: Titles that are already a review of the previous meeting's actions.
_REVIEWING = r"(\breview|回顾|跟进|检查|\bfollow[- ]?up|\bcheck[- ]?in|\bprogress|进展|\bstatus)"
_ACTIONS = r"(\bactions?\b|\baction items?\b|行动|待办)"
REVIEW_TITLE = re.compile(f"{_REVIEWING}.{{0,40}}{_ACTIONS}|{_ACTIONS}.{{0,40}}{_REVIEWING}", re.IGNORECASE)
REVIEW_MINUTES_EACH = 1.5
REVIEW_MINUTES_LEAST, REVIEW_MINUTES_MOST = 5, 20
#: How long after the previous meeting the next one is, when the user does not say.
NEXT_AFTER = timedelta(weeks=1)


class SeriesLoop(Exception):
    """The meetings a session follows come back to one already met (a hand-edited file)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        super().__init__(" -> ".join(names))


def series_of(session: Session) -> str:
    """The name of ``session``'s series: its first meeting's name."""
    return session.series or session.name


def chain_of(sessions: Mapping[str, Session], name: str) -> list[Session]:
    """The meetings of the series up to ``name``, the first first. A predecessor that is
    no longer in the folder ends the chain there; a loop raises :class:`SeriesLoop`."""
    chain: list[Session] = []
    seen: list[str] = []
    current: str = name
    while current and current in sessions:
        if current in seen:
            raise SeriesLoop([*seen, current])
        seen.append(current)
        session = sessions[current]
        chain.append(session)
        current = session.follows
    chain.reverse()
    return chain


def followers_of(sessions: Mapping[str, Session], name: str) -> list[str]:
    """The meetings that follow ``name`` (at most one in a sound series)."""
    return sorted(s.name for s in sessions.values() if s.follows == name and s.name != name)


@record
class Latest:
    """One action of a series as it stands now: its newest copy and where that is."""

    meeting: str  # the session holding the newest copy
    action: ActionItem  # that copy, its status and history merged from every copy
    origin: str  # "meeting#N" where it was first captured
    series: str = ""  # the series' name


def latest_actions(chain: list[Session]) -> list[Latest]:
    """Every action of the meetings of ``chain`` (the first first), once: see :func:`merged`."""
    series = series_of(chain[-1]) if chain else ""
    copies: dict[str, list[tuple[str, ActionItem]]] = {}
    for session in chain:
        name = session.name
        for action in session.actions:
            copies.setdefault(action.origin or f"{name}#{action.id}", []).append((name, action))
    return [merged(key, found, series) for key, found in copies.items()]


def merged(key: str, copies: list[tuple[str, ActionItem]], series: str = "") -> Latest:
    """One action from its copies (the meeting holding each, the first first): the newest
    copy, with the history of all of them (a change made to an older copy after it was
    carried on counts too; an entry names the meeting it was made in unless it is the
    newest copy's own) and the state the latest change says."""
    meeting, newest = copies[-1]
    if len(copies) > 1:
        history: dict[tuple[datetime, ActionStatus, str], StatusChange] = {}
        for name, action in copies:
            own = name == meeting
            for change in action.history:
                seen = (change.at, change.status, change.remark)
                if seen not in history:
                    history[seen] = change if change.meeting or own else StatusChange(*seen, meeting=name)
        changes = tuple(sorted(history.values(), key=_at))
        if changes != newest.history:
            newest = replace(newest, history=changes, status=changes[-1].status if changes else newest.status)
    return Latest(meeting, newest, key, series)


def _at(change: StatusChange) -> datetime:
    return change.at


@record
class Carried:
    """What a follow-up meeting takes over from its series."""

    actions: tuple[ActionItem, ...] = ()
    parked: tuple[ParkedItem, ...] = ()
    goals: tuple[Goal, ...] = ()


def carry_over(chain: list[Session], participants: list[Participant]) -> Carried:
    """What the meeting after the last of ``chain`` takes over, numbered from 1 (owners
    and who raised a point found again among ``participants`` by name)."""
    if not chain:
        return Carried()
    previous = chain[-1]
    by_name = {p.name: p.id for p in participants}
    actions: list[ActionItem] = []
    for latest in latest_actions(chain):
        a = latest.action
        if a.status is ActionStatus.DONE:
            continue
        history = tuple(c if c.meeting else replace(c, meeting=latest.meeting) for c in a.history)
        actions.append(
            replace(
                a,
                id=len(actions) + 1,
                owner_id=by_name.get(a.owner),
                item=None,
                history=history,
                origin=latest.origin,
                carried_from=f"{latest.meeting}#{a.id}",
                carried=a.carried + 1,
            )
        )
    parked = [
        ParkedItem(
            id=i,
            text=p.text,
            raised_by=p.raised_by,
            raised_by_id=by_name.get(p.raised_by),
            created_at=p.created_at,
            origin=f"{previous.name}#{p.id}",
        )
        for i, p in enumerate((p for p in previous.parked if p.resolution is Resolution.DEFERRED), start=1)
    ]
    goals = [
        Goal(id=i, tier=g.tier, text=g.text, origin=g.origin or f"{previous.name}#{g.id}")
        for i, g in enumerate((g for g in previous.goals if g.achieved is not True), start=1)
    ]
    return Carried(tuple(actions), tuple(parked), tuple(goals))


def review_index(agenda: list[AgendaItem]) -> int | None:
    """Where the agenda reviews the previous actions (by the item's kind or title)."""
    for index, item in enumerate(agenda):
        if item.kind is ItemKind.REVIEW or REVIEW_TITLE.search(item.title):
            return index
    return None


def review_minutes(open_actions: int) -> int:
    """The review's time box for ``open_actions`` carried actions."""
    wanted = math.ceil(open_actions * REVIEW_MINUTES_EACH)
    return min(REVIEW_MINUTES_MOST, max(REVIEW_MINUTES_LEAST, wanted))


def with_review(agenda: list[AgendaItem], title: str, open_actions: int) -> tuple[list[AgendaItem], int | None]:
    """``agenda`` with its review of the previous actions, and that item's number.

    An item that already is one is marked as such and keeps its time box. Else, with
    open actions, a review is put first and every later written start moves by its time
    box; with none, the agenda is left as it is (None: no review)."""
    found = review_index(agenda)
    if found is not None:
        items = list(agenda)
        items[found] = replace(items[found], kind=ItemKind.REVIEW)
        return items, items[found].id
    if not open_actions:
        return list(agenda), None
    minutes = review_minutes(open_actions)
    first_start = agenda[0].start if agenda else None
    review = AgendaItem(id=1, title=title, start=first_start, minutes=minutes, kind=ItemKind.REVIEW)
    moved = []
    for index, item in enumerate(agenda):
        start = None if index == 0 else _later(item.start, minutes)
        moved.append(replace(item, id=item.id + 1, start=start))
    return [review, *moved], 1


def _later(at: time | None, minutes: int) -> time | None:
    if at is None or not minutes:
        return at
    return (datetime.combine(date(2000, 1, 1), at) + timedelta(minutes=minutes)).time().replace(tzinfo=at.tzinfo)


def next_meeting_from(previous: Session, day: date | None, start: time | None) -> Session:
    """The next meeting of ``previous``'s series as ``previous`` was planned: its people
    (all expected again), agenda (its own review left out: a new one is made) and
    header, on ``day`` at ``start`` (default: a week later, the same time). Written
    starts move with the meeting's start; a review left out gives its time back (its
    start to the item after it, its minutes to every written start after it)."""
    if day is None:
        day = (previous.date + NEXT_AFTER) if previous.date is not None else None
    if start is None:
        start = previous.start
    shift = 0
    if start is not None and previous.start is not None:
        shift = _minutes_between(previous.start, start)
    agenda: list[AgendaItem] = []
    back, review_start = 0, None  # a review left out gives its time back to the items after it
    for item in previous.agenda:
        if item.kind is ItemKind.REVIEW:
            back, review_start = back + (item.minutes or 0), item.start
            continue
        if item.start is None and review_start is not None:  # the review's place, as it was
            written = _later(review_start, shift)
        else:
            written = _later(item.start, shift - back)
        review_start = None
        agenda.append(replace(item, id=len(agenda) + 1, start=written))
    people = [
        replace(p, attendance=Attendance.PRESENT, arrived_at=None, left_at=None, confirmed_at=None)
        for p in previous.participants
    ]
    return Session(
        name="",
        title=previous.title,
        date=day,
        start=start,
        location=previous.location,
        facilitator=previous.facilitator,
        note_taker=previous.note_taker,
        lang=previous.lang,
        participants=people,
        agenda=agenda,
    )


def _minutes_between(a: time, b: time) -> int:
    return (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)


@record
class FollowUp:
    """A follow-up meeting made ready, and what was carried into it."""

    session: Session
    carried: Carried
    review: int | None  # the number of the agenda item that reviews the previous actions
    review_added: bool  # the review was put in (not found in the agenda)


def follow_up(base: Session, chain: list[Session], review_title: str) -> FollowUp:
    """``base`` (a new meeting: imported from an agenda, or :func:`next_meeting_from`)
    made the next meeting after the last of ``chain``: in its series, with what is
    carried over, and with the review of the previous actions on its agenda."""
    previous = chain[-1]
    carried = carry_over(chain, base.participants)
    had_review = review_index(base.agenda) is not None
    agenda, review = with_review(base.agenda, review_title, len(carried.actions))
    actions = tuple(replace(a, item=review) for a in carried.actions)
    known = {g.text for g in base.goals}
    new_goals = tuple(g for g in carried.goals if g.text not in known)  # the agenda may set them again
    goals = [*base.goals, *new_goals]
    parked = [*base.parked, *carried.parked]
    session = replace(
        base,
        series=series_of(previous),
        follows=previous.name,
        agenda=agenda,
        goals=[replace(g, id=i) for i, g in enumerate(goals, start=1)],
        parked=[replace(p, id=i) for i, p in enumerate(parked, start=1)],
        actions=[replace(a, id=i) for i, a in enumerate([*base.actions, *actions], start=1)],
    )
    if session.review is not None and review is not None and not had_review:  # the items moved down one
        session.review = session.review.renumbered(1)
    carried = replace(carried, actions=tuple(session.actions[len(base.actions) :]), goals=new_goals)
    return FollowUp(session, carried, review, review is not None and not had_review)


def review_started(session: Session, state: AgendaState) -> datetime | None:
    """When the review of the previous actions began (None: it has not, or there is none)."""
    for timing in state.items:
        item = session.item(timing.item)
        if item is not None and item.kind is ItemKind.REVIEW:
            return timing.actual_start
    return None


def in_review(session: Session, state: AgendaState) -> bool:
    item = session.item(state.current)
    return item is not None and item.kind is ItemKind.REVIEW


def next_to_review(session: Session, state: AgendaState) -> ActionItem | None:
    """The carried action the review comes to next: the first of the current item's that
    nobody moved or remarked on since the review began (None: not in the review, or every
    one was looked at)."""
    if not in_review(session, state):
        return None
    since = review_started(session, state)
    carried = (a for a in session.actions if a.origin and a.item == state.current)
    return next((a for a in carried if not looked_at(a, since)), None)
