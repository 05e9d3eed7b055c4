"""The figures the console shows once a second, kept up to date cheaply.

:class:`LiveMeeting` answers :class:`MeetingView` (agenda clock, who has the floor, talk
time and flags per person and organisation, for the whole meeting and the current item)
for a session at any "now". The figures are exactly those of the from-scratch functions
:func:`~coopconsole.domain.timeline.agenda_state`,
:func:`~coopconsole.domain.balance.speaking_stats` (whole meeting, and for the current
item) and :func:`~coopconsole.domain.balance.flags`; only the work differs.

What is cached
--------------
The replay of the clock and the floor, kept by a
:class:`~coopconsole.domain.replay_keeper.ReplayKeeper` (which says what it keeps and when
it replays from scratch), and the participant list with what the figures derive from it
(the roster, the organisations and how many of each are in the room).

Each :meth:`LiveMeeting.view` has the keeper feed only what is new, then reads the
figures off the replay: O(participants + agenda items), whatever the length of the
meeting. A change in the participant list that keeps the same ids (attendance, names,
organisations) only refreshes the derived roster: the replay does not depend on it.

Between events (the same :attr:`LiveMeeting.epoch`), what only events move is kept from
the second before: the plan as written, every item's timing but the current item's and
those still to come (see :func:`~coopconsole.domain.timeline.state_from_replay`), the
meeting clock's total but the current item's, and the talk of the closed turns, for the
meeting and for the current item (:func:`~coopconsole.domain.balance.settled_talk`), to
which each second adds only the open turn. While nobody holds the floor, the participants'
and organisations' rows are the very objects of the second before, unless a flag moved
(the clock passing the ten minutes after which shares are flagged): the speakers pane,
which compares them by identity, then draws nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from coopconsole.domain.balance import (
    Roster,
    SettledTalk,
    SpeakingStats,
    fair_shares,
    flags_from,
    scope_start,
    settled_talk,
    stats_from,
)
from coopconsole.domain.floor_replay import FloorReplay
from coopconsole.domain.frozen import record
from coopconsole.domain.memo import LastOf
from coopconsole.domain.model import Attendance, Participant, Session
from coopconsole.domain.replay_keeper import ReplayKeeper
from coopconsole.domain.timeline import ZERO, AgendaState, state_from_replay, written_plan


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


class LiveMeeting:
    """Keeps the replays of one session and answers MeetingView for any now, cheaply."""

    def __init__(self) -> None:
        self.keeper = ReplayKeeper(FloorReplay)
        self._participants: tuple[Participant, ...] = ()
        self._roster = Roster.of(())
        self._org_people: dict[str, int] = {}
        self._written = LastOf(written_plan)
        self._agenda_key: tuple = ()  # what the last agenda state was read from (see _agenda)
        self._agenda: AgendaState | None = None
        self._ran_key: tuple = ()
        self._ran_settled = ZERO
        self._talk_key: tuple = ()
        self._talk: dict[int | None, SettledTalk] = {}  # by scope: the meeting (None), an item
        self._kept_rows: tuple[tuple, tuple[tuple[SpeakerRow, ...], tuple[OrgRow, ...]]] | None = None

    @property
    def rebuilds(self) -> int:
        """How many times the session was replayed from scratch."""
        return self.keeper.rebuilds

    @property
    def epoch(self) -> tuple[int, int]:
        """The same as long as no event took effect (none fed to the replay, none replayed
        from scratch) since: what only the events move stays as it was meanwhile."""
        return self.keeper.rebuilds, self.keeper.fed

    def view(self, session: Session, now: datetime) -> MeetingView:
        floor = self.keeper.replay(session, now)
        participants = tuple(session.participants)
        if participants != self._participants:
            self._set_roster(participants)
        return self._read(session, floor, now)

    def _set_roster(self, participants: tuple[Participant, ...]) -> None:
        self._participants = participants
        self._roster = Roster.of(participants)
        org_people: dict[str, int] = {}
        for p in participants:
            org_people[p.organisation] = org_people.get(p.organisation, 0) + (p.attendance is not Attendance.ABSENT)
        self._org_people = org_people

    def _clock_ran(self, floor: FloorReplay, now: datetime) -> timedelta:
        """``floor.clock_ran(now)``: the items' elapsed times but the current one's are
        added up once while no event takes effect (timedeltas add up exactly)."""
        clock = floor.clock
        current = clock.current
        if self._ran_key != (self.epoch, id(floor)):
            elapsed = clock.elapsed
            settled = sum((elapsed[i] for i in range(len(clock.agenda)) if i != current), ZERO)
            self._ran_key, self._ran_settled = (self.epoch, id(floor)), settled
        if current is None or not 0 <= current < len(clock.agenda):
            return self._ran_settled
        return self._ran_settled + clock.elapsed_at(current, now)

    def _settled_talk(self, floor: FloorReplay, item: int | None) -> SettledTalk:
        """The scope's closed turns' talk (:func:`settled_talk`), read once while no event
        takes effect and the roster is the same."""
        key = (self.epoch, floor, self._roster)  # the replay and the roster themselves
        last = self._talk_key
        if not last or last[0] != key[0] or last[1] is not floor or last[2] is not self._roster:
            self._talk_key, self._talk = key, {}
        talk = self._talk.get(item)
        if talk is None:
            talk = self._talk[item] = settled_talk(self._roster, floor, item)
        return talk

    def _fair(self, floor: FloorReplay, item: int | None, now: datetime) -> dict[int, float]:
        """Each counted participant's fair share over the scope (:func:`fair_shares`):
        the roster's, the same for every scope and time, unless someone counted has a
        window of their own."""
        fair = self._roster.fair
        return fair if fair is not None else fair_shares(self._participants, scope_start(floor, item), now)

    # -- reading the figures --------------------------------------------------------------

    def _agenda_state(self, session: Session, floor: FloorReplay, now: datetime) -> AgendaState:
        """The agenda clock as of ``now``: the timings only events move are those of the
        last state while nothing was fed to the replay and the plan is the same."""
        tz = now.tzinfo
        written = self._written(session.agenda, session.date, session.start, tz)
        key = (self.epoch, id(floor), written)
        before = self._agenda if key == self._agenda_key else None
        agenda = state_from_replay(session, floor.clock, now, before, written)
        self._agenda_key, self._agenda = key, agenda
        return agenda

    def _read(self, session: Session, floor: FloorReplay, now: datetime) -> MeetingView:
        roster = self._roster
        agenda = self._agenda_state(session, floor, now)
        overall = stats_from(roster, floor, now, None, self._settled_talk(floor, None))
        overall_flags = flags_from(roster, overall, self._clock_ran(floor, now), self._fair(floor, None, now))
        item = agenda.current
        if item is None:
            in_item: SpeakingStats | None = None
            item_flags: dict[int, str] = {}
        else:
            in_item = stats_from(roster, floor, now, item, self._settled_talk(floor, item))
            item_flags = flags_from(roster, in_item, floor.clock_ran(now, item), self._fair(floor, item, now))

        # Nobody holds the floor and no event took effect: the shares are those of the last
        # second, and the rows too if the flags (which the clock can still move) are.
        rows_key = (self.epoch, floor, roster, item, overall_flags, item_flags)
        kept, still = self._kept_rows, floor.open_time(now) is None
        if still and kept is not None and _same_rows_key(kept[0], rows_key):
            people, orgs = kept[1]
        else:
            people, orgs = self._rows(overall, in_item, overall_flags, item_flags)
            self._kept_rows = (rows_key, (people, orgs)) if still else None
        return MeetingView(
            now=now,
            agenda=agenda,
            speaker=overall.current,
            speaker_since=overall.current_since,
            people=people,
            orgs=orgs,
            total=overall.total,
            item_total=ZERO if in_item is None else in_item.total,
            stats=overall,
            item_stats=in_item,
            queue=tuple(floor.queue.order),
        )

    def _rows(
        self,
        overall: SpeakingStats,
        in_item: SpeakingStats | None,
        overall_flags: dict[int, str],
        item_flags: dict[int, str],
    ) -> tuple[tuple[SpeakerRow, ...], tuple[OrgRow, ...]]:
        """The participants' rows and the organisations' rows of the figures."""
        # The shares as SpeakingStats.share works them out, without a call for each.
        total, spoken, current = overall.total, overall.by_participant, overall.current
        item_total, item_spoken = (ZERO, {}) if in_item is None else (in_item.total, in_item.by_participant)
        people = []
        for p in self._participants:
            pid, absent = p.id, p.attendance is Attendance.ABSENT
            said, item_said = spoken.get(pid, ZERO), item_spoken.get(pid, ZERO)
            people.append(
                SpeakerRow(
                    id=pid,
                    name=p.name,
                    organisation=p.organisation,
                    attendance=p.attendance,
                    total=said,
                    share=said / total if total else 0.0,
                    item_total=item_said,
                    item_share=item_said / item_total if item_total else 0.0,
                    flag=None if absent else overall_flags.get(pid),
                    item_flag=None if absent else item_flags.get(pid),
                    speaking=pid == current,
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
        return tuple(people), orgs


def _same_rows_key(last: tuple, new: tuple) -> bool:
    """The same epoch, the very same replay and roster, the same item and flags."""
    return last[0] == new[0] and last[1] is new[1] and last[2] is new[2] and last[3:] == new[3:]
