"""The figures the console shows once a second, kept up to date cheaply.

:class:`LiveMeeting` answers :class:`MeetingView` (agenda clock, who has the floor, talk
time and flags per person and organisation, for the whole meeting and the current item)
for a session at any "now". The figures are exactly those of the from-scratch functions
:func:`~coopconsole.domain.timeline.agenda_state`,
:func:`~coopconsole.domain.balance.speaking_stats` (whole meeting, and for the current
item) and :func:`~coopconsole.domain.balance.flags`; only the work differs.

What is cached
--------------
* One :class:`~coopconsole.domain.floor_replay.FloorReplay` (with its clock replay), fed every
  event stamped at or before the latest "now" asked for, in replay order ``(at, id)``.
* Events already seen but stamped after that "now", sorted, waiting to be fed.
* How many of ``session.events`` were seen, and the last of them; the last event fed.
* The participant list and what the figures derive from it (counted ids, organisations),
  and the agenda.

Each :meth:`LiveMeeting.view` feeds only what is new, then reads the figures off the
replay: O(participants + agenda items), whatever the length of the meeting.

When it is rebuilt
------------------
The replay is thrown away and the session replayed from scratch when

* ``session.events`` no longer extends the list seen before (shorter, or its element at
  the previously last position differs from the event seen there);
* an appended event does not sort after the last event fed (another process wrote an
  event stamped earlier, or with the same stamp and a lower id);
* "now" is earlier than the last event fed (the clock was set back);
* the agenda changed, the set of participant ids changed, or another session is passed.

A change in the participant list that keeps the same ids (attendance, names,
organisations) only refreshes the derived roster: the replay does not depend on it.
Events are append-only in practice (the service stamps them with the time of writing),
so a running meeting is replayed once, when the console opens it.
"""

from __future__ import annotations

from bisect import insort
from datetime import datetime, timedelta

from coopconsole.domain.balance import Roster, SpeakingStats, fair_shares, flags_from, scope_start, stats_from
from coopconsole.domain.floor_replay import FloorReplay
from coopconsole.domain.frozen import record
from coopconsole.domain.model import AgendaItem, Attendance, Event, Participant, Session
from coopconsole.domain.timeline import ZERO, AgendaState, state_from_replay


@record
class SpeakerRow:
    """One participant's row of the speakers pane: times, shares and flags."""

    id: int
    name: str
    organisation: str
    attendance: Attendance
    total: timedelta  # whole meeting
    share: float
    item_total: timedelta  # current agenda item (0 if none)
    item_share: float
    flag: str | None  # "quiet" | "dominant" | None, whole meeting (balance.flags rules)
    item_flag: str | None  # the same rules for the current item
    speaking: bool


@record
class OrgRow:
    """One organisation's row of the speakers pane."""

    organisation: str
    total: timedelta
    share: float
    item_total: timedelta
    item_share: float
    people: int  # participants of that organisation not marked absent


@record
class MeetingView:
    """Everything the console shows as of one moment, derived from the session."""

    now: datetime
    agenda: AgendaState
    speaker: int | None
    speaker_since: datetime | None
    people: tuple[SpeakerRow, ...]  # in session.participants order, absent people included
    orgs: tuple[OrgRow, ...]  # in order of first appearance in the participants
    total: timedelta
    item_total: timedelta
    stats: SpeakingStats | None = None  # the whole meeting's (for the health checks)
    item_stats: SpeakingStats | None = None  # the current item's
    queue: tuple[int, ...] = ()  # who waits for the floor, the next first (speaker_queue.py)


def _order_key(event: Event) -> tuple[datetime, int]:
    return event.at, event.id


class LiveMeeting:
    """Keeps the replays of one session and answers MeetingView for any now, cheaply."""

    def __init__(self) -> None:
        self.rebuilds = 0  # how many times the session was replayed from scratch
        self._floor: FloorReplay | None = None
        self._name = ""
        self._agenda: tuple[AgendaItem, ...] = ()
        self._ids: frozenset[int] = frozenset()
        self._participants: tuple[Participant, ...] = ()
        self._roster = Roster.of(())
        self._org_people: dict[str, int] = {}
        self._seen = 0  # how many of session.events were taken in
        self._last_seen: Event | None = None  # session.events[_seen - 1]
        self._last_fed: Event | None = None
        self._pending: list[Event] = []  # taken in, stamped after "now": sorted, not fed

    def view(self, session: Session, now: datetime) -> MeetingView:
        self._catch_up(session, now)
        return self._read(session, now)

    # -- keeping the replay in step ------------------------------------------------------

    def _catch_up(self, session: Session, now: datetime) -> None:
        participants = tuple(session.participants)
        agenda = tuple(session.agenda)
        if participants != self._participants:
            ids = frozenset(p.id for p in participants)
            if ids != self._ids:
                self._floor = None
            self._set_roster(participants, ids)
        if self._floor is None or session.name != self._name or agenda != self._agenda:
            self._rebuild(session, agenda, now)
            return
        if not self._take_new(session.events) or (self._last_fed is not None and self._last_fed.at > now):
            self._rebuild(session, agenda, now)
            return
        self._feed_until(now)

    def _set_roster(self, participants: tuple[Participant, ...], ids: frozenset[int]) -> None:
        self._participants, self._ids = participants, ids
        self._roster = Roster.of(participants)
        org_people: dict[str, int] = {}
        for p in participants:
            org_people[p.organisation] = org_people.get(p.organisation, 0) + (p.attendance is not Attendance.ABSENT)
        self._org_people = org_people

    def _take_new(self, events: list[Event]) -> bool:
        """Queue the events appended since the last call; False if that is not the case."""
        seen = self._seen
        if len(events) < seen or (seen and events[seen - 1] != self._last_seen):
            return False
        if len(events) == seen:
            return True
        last = None if self._last_fed is None else _order_key(self._last_fed)
        new = events[seen:]
        if last is not None and any(_order_key(e) <= last for e in new):
            return False
        for event in new:
            insort(self._pending, event, key=_order_key)
        self._seen, self._last_seen = len(events), events[-1]
        return True

    def _rebuild(self, session: Session, agenda: tuple[AgendaItem, ...], now: datetime) -> None:
        self.rebuilds += 1
        self._name, self._agenda = session.name, agenda
        self._floor = FloorReplay(session)
        events = session.events
        self._pending = sorted(events, key=_order_key)
        self._seen, self._last_seen = len(events), events[-1] if events else None
        self._last_fed = None
        self._feed_until(now)

    def _feed_until(self, now: datetime) -> None:
        pending, floor = self._pending, self._floor
        assert floor is not None
        fed = 0
        for event in pending:
            if event.at > now:
                break
            floor.feed(event)
            fed += 1
        if fed:
            self._last_fed = pending[fed - 1]
            del pending[:fed]

    # -- reading the figures --------------------------------------------------------------

    def _read(self, session: Session, now: datetime) -> MeetingView:
        floor, roster = self._floor, self._roster
        assert floor is not None
        agenda = state_from_replay(session, floor.clock, now)
        overall = stats_from(roster, floor, now)
        people_now = self._participants
        overall_flags = flags_from(
            roster, overall, floor.clock_ran(now), fair_shares(people_now, scope_start(floor, None), now)
        )
        item = agenda.current
        if item is None:
            in_item: SpeakingStats | None = None
            item_flags: dict[int, str] = {}
        else:
            in_item = stats_from(roster, floor, now, item)
            item_flags = flags_from(
                roster, in_item, floor.clock_ran(now, item), fair_shares(people_now, scope_start(floor, item), now)
            )

        people = []
        for p in self._participants:
            pid, absent = p.id, p.attendance is Attendance.ABSENT
            people.append(
                SpeakerRow(
                    id=pid,
                    name=p.name,
                    organisation=p.organisation,
                    attendance=p.attendance,
                    total=overall.by_participant.get(pid, ZERO),
                    share=overall.share(pid),
                    item_total=ZERO if in_item is None else in_item.by_participant.get(pid, ZERO),
                    item_share=0.0 if in_item is None else in_item.share(pid),
                    flag=None if absent else overall_flags.get(pid),
                    item_flag=None if absent else item_flags.get(pid),
                    speaking=pid == overall.current,
                )
            )
        orgs = tuple(
            OrgRow(
                organisation=org,
                total=overall.by_org.get(org, ZERO),
                share=overall.org_share(org),
                item_total=ZERO if in_item is None else in_item.by_org.get(org, ZERO),
                item_share=0.0 if in_item is None else in_item.org_share(org),
                people=count,
            )
            for org, count in self._org_people.items()
        )
        return MeetingView(
            now=now,
            agenda=agenda,
            speaker=overall.current,
            speaker_since=overall.current_since,
            people=tuple(people),
            orgs=orgs,
            total=overall.total,
            item_total=ZERO if in_item is None else in_item.total,
            stats=overall,
            item_stats=in_item,
            queue=tuple(floor.queue.order),
        )
