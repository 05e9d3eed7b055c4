from __future__ import annotations

import copy
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from coopconsole.domain.balance import flags, speaking_stats
from coopconsole.domain.live import LiveMeeting, MeetingView, OrgRow, SpeakerRow
from coopconsole.domain.model import AgendaItem, Attendance, Event, EventKind, Participant, Session
from coopconsole.domain.speaker_queue import speaker_queue
from coopconsole.domain.timeline import agenda_state

TZ = timezone(timedelta(hours=8))
T0 = datetime(2024, 5, 14, 9, 0, tzinfo=TZ)
ZERO = timedelta(0)
S = lambda n: timedelta(seconds=n)  # noqa: E731
M = lambda n: timedelta(minutes=n)  # noqa: E731


def expected_view(session: Session, now: datetime) -> MeetingView:
    """The view built from the from-scratch functions only."""
    state = agenda_state(session, now)
    overall, overall_flags = speaking_stats(session, now), flags(session, now)
    item = state.current
    in_item = None if item is None else speaking_stats(session, now, item)
    item_flags = {} if item is None else flags(session, now, item)
    people = tuple(
        SpeakerRow(
            id=p.id,
            name=p.name,
            organisation=p.organisation,
            attendance=p.attendance,
            total=overall.by_participant.get(p.id, ZERO),
            share=overall.share(p.id),
            item_total=in_item.by_participant.get(p.id, ZERO) if in_item else ZERO,
            item_share=in_item.share(p.id) if in_item else 0.0,
            flag=None if p.attendance is Attendance.ABSENT else overall_flags.get(p.id),
            item_flag=None if p.attendance is Attendance.ABSENT else item_flags.get(p.id),
            speaking=p.id == overall.current,
        )
        for p in session.participants
    )
    orgs = tuple(
        OrgRow(
            organisation=org,
            total=overall.by_org.get(org, ZERO),
            share=overall.org_share(org),
            item_total=in_item.by_org.get(org, ZERO) if in_item else ZERO,
            item_share=in_item.org_share(org) if in_item else 0.0,
            people=sum(
                1 for p in session.participants if p.organisation == org and p.attendance is not Attendance.ABSENT
            ),
        )
        for org in dict.fromkeys(p.organisation for p in session.participants)
    )
    return MeetingView(
        now=now,
        agenda=state,
        speaker=overall.current,
        speaker_since=overall.current_since,
        people=people,
        orgs=orgs,
        total=overall.total,
        item_total=in_item.total if in_item else ZERO,
        stats=overall,
        item_stats=in_item,
        queue=speaker_queue(session, now),
    )


def assert_same(live: LiveMeeting, session: Session, now: datetime) -> MeetingView:
    view = live.view(session, now)
    expected = expected_view(session, now)
    assert view.agenda == expected.agenda
    assert view.people == expected.people
    assert view.orgs == expected.orgs
    assert view == expected
    return view


# --- property: any events, fed in any chunks, at any "now" -----------------------------


@st.composite
def meetings(draw):
    n_people = draw(st.integers(0, 5))
    people = [
        Participant(
            i,
            f"P{i}",
            organisation=draw(st.sampled_from(["", "A", "B"])),
            attendance=draw(st.sampled_from(list(Attendance))),
        )
        for i in range(1, n_people + 1)
    ]
    agenda = [
        AgendaItem(
            i,
            f"I{i}",
            minutes=draw(st.none() | st.integers(0, 12)),
            added_at=draw(st.none() | st.just(T0)),  # some added live: ADD places them
        )
        for i in range(1, draw(st.integers(0, 5)) + 1)
    ]
    kinds = list(EventKind) + [EventKind.SPEAKER] * 6 + [EventKind.ADD, EventKind.MOVE, EventKind.NEXT] * 2
    steps = draw(
        st.lists(
            st.tuples(
                st.integers(0, 400),
                st.sampled_from(kinds),
                st.integers(0, 5),
                st.integers(0, n_people + 1),
                st.integers(-600, 2400),
            ),
            max_size=40,
        )
    )
    events, at = [], T0
    for i, (gap, kind, item, pid, late) in enumerate(steps, start=1):
        at += S(gap)
        # now and then another process's event, stamped earlier than the last one
        stamp = at + S(late) if late < 0 else at
        events.append(
            Event(
                i,
                stamp,
                kind,
                item=item or None,
                participant=pid or None,
                minutes=draw(st.sampled_from([None, -5, 3, 10])),
                after=draw(st.none() | st.integers(0, 5)),  # the agenda's own changes
                text=draw(st.sampled_from(["", "Renamed"])),
            )
        )
    end = (at - T0).total_seconds()
    # the events are appended in chunks (mostly growing); after each, the console asks
    # a few times; now and then the attendance or the last event changes
    chunks = []
    for cut in draw(st.lists(st.integers(0, len(events)), max_size=6)) + [len(events)]:
        nows = draw(st.lists(st.integers(-60, int(end) + 1200), min_size=1, max_size=3))
        attendance = draw(st.none() | st.tuples(st.integers(1, max(n_people, 1)), st.sampled_from(list(Attendance))))
        edit_last = draw(st.integers(0, 5)) == 0
        chunks.append((cut, sorted(T0 + S(n) for n in nows), attendance, edit_last))
    return people, agenda, events, chunks


@settings(max_examples=300, deadline=None)
@given(meetings())
def test_live_view_matches_the_functions_from_scratch(case):
    people, agenda, events, chunks = case
    session = Session(
        name="p", title="P", date=date(2024, 5, 14), start=time(9), participants=list(people), agenda=list(agenda)
    )
    live = LiveMeeting()
    for cut, nows, attendance, edit_last in chunks:
        session.events = events[:cut]  # a new list, as the service writes it
        if edit_last and cut:
            last = session.events[-1]
            kind = EventKind.PAUSE if last.kind is EventKind.SPEAKER else EventKind.SPEAKER
            session.events[-1] = replace(last, kind=kind, participant=1)
        if attendance is not None and session.participants:
            index, value = attendance
            index = (index - 1) % len(session.participants)
            session.participants = list(session.participants)
            session.participants[index] = replace(session.participants[index], attendance=value)
        for now in nows:
            assert_same(live, session, now)


# --- the cheap path and the rebuilds ------------------------------------------------------

PEOPLE = [
    Participant(1, "Ana", "Acme"),
    Participant(2, "Bo", "Acme"),
    Participant(3, "Chen", "Delta"),
    Participant(4, "Dee"),
]


class Meeting:
    """A session whose events are appended at the frozen "now", as the service does."""

    def __init__(self):
        self.session = Session(
            name="t",
            title="T",
            date=date(2024, 5, 14),
            start=time(9),
            participants=list(PEOPLE),
            agenda=[AgendaItem(1, "Intro", minutes=10), AgendaItem(2, "Plan", minutes=20)],
        )
        self.now = T0
        self.live = LiveMeeting()

    def add(self, kind, at=None, **kw):
        events = self.session.events
        event = Event(len(events) + 1, self.now if at is None else at, kind, **kw)
        self.session.events = [*events, event]

    def wait(self, seconds=0, minutes=0):
        self.now += timedelta(seconds=seconds, minutes=minutes)

    def check(self):
        return assert_same(self.live, self.session, self.now)


def run_a_while(m: Meeting):
    m.add(EventKind.START)
    for n, pid in enumerate([1, 2, 1, 3, 1, 4, 1, 1, 2]):
        m.add(EventKind.SPEAKER, participant=pid)
        m.wait(seconds=50)
        m.check()
        if n == 4:
            m.add(EventKind.NEXT)
            m.check()
        m.wait(seconds=70)
        m.check()


def test_appending_in_order_never_replays_from_scratch():
    m = Meeting()
    m.check()
    run_a_while(m)
    assert m.live.rebuilds == 1
    # a reloaded copy of the same session (another console wrote nothing) is cheap too
    m.session = copy.deepcopy(m.session)
    m.wait(seconds=1)
    m.check()
    assert m.live.rebuilds == 1


def test_the_closed_turns_are_added_up_once_between_events(monkeypatch):
    """A second with no new event adds only the open turn to what the closed turns came
    to, worked out once for the meeting and once for the item; an event, or a change of
    attendance, has them worked out again."""
    import coopconsole.domain.live as live_module

    calls: list[int | None] = []
    settled = live_module.settled_talk

    def counted(roster, floor, item=None):
        calls.append(item)
        return settled(roster, floor, item)

    monkeypatch.setattr(live_module, "settled_talk", counted)
    m = Meeting()
    run_a_while(m)
    calls.clear()
    for _ in range(30):
        m.wait(seconds=1)
        m.check()
    assert calls == []  # kept from the last event's second
    m.add(EventKind.SPEAKER, participant=3)
    for _ in range(5):
        m.wait(seconds=1)
        m.check()
    assert len(calls) == 2  # the meeting's and the current item's, once
    calls.clear()
    m.session.participants = [replace(PEOPLE[0], attendance=Attendance.LEFT), *PEOPLE[1:]]
    m.wait(seconds=1)
    m.check()
    assert len(calls) == 2


def test_a_silent_second_keeps_the_rows_until_a_flag_moves():
    """Nobody holding the floor, the rows of one second are those of the next (the very
    same, so the speakers pane draws nothing); the clock passing the ten minutes after
    which shares are flagged gives new ones, equal to a full recompute."""
    m = Meeting()
    m.add(EventKind.START)
    m.add(EventKind.SPEAKER, participant=1)
    m.wait(minutes=2)
    m.add(EventKind.SPEAKER, participant=None)  # nobody has the floor
    m.wait(seconds=1)
    first = m.check()
    m.wait(seconds=1)
    second = m.check()
    assert second.people is first.people and second.orgs is first.orgs
    m.wait(minutes=8)  # the clock has run ten minutes: Ana dominates
    later = m.check()
    assert later.people is not first.people
    assert [row.flag for row in later.people] != [row.flag for row in first.people]
    m.add(EventKind.SPEAKER, participant=2)
    m.wait(seconds=1)
    talking = m.check()
    m.wait(seconds=1)
    assert m.check().people is not talking.people  # a turn runs: the shares move


def test_events_stamped_ahead_of_now_wait_until_now_reaches_them():
    m = Meeting()
    run_a_while(m)
    m.add(EventKind.SPEAKER, at=m.now + M(2), participant=3)
    m.add(EventKind.END, at=m.now + M(3))
    seen = []
    for _ in range(5):
        view = m.check()
        seen.append((view.speaker, view.agenda.current))
        m.wait(minutes=1)
    assert seen == [(2, 2), (2, 2), (3, 2), (None, None), (None, None)]
    assert m.live.rebuilds == 1


def test_an_earlier_stamped_event_replays_from_scratch():
    m = Meeting()
    run_a_while(m)
    before = m.check()
    # another process wrote an event stamped three minutes ago
    m.add(EventKind.SPEAKER, at=m.now - M(3), participant=4)
    after = m.check()
    assert m.live.rebuilds == 2
    assert after.people[3].total > before.people[3].total
    # and an event inserted in the middle of the list
    m.wait(seconds=5)
    events = list(m.session.events)
    events.insert(3, Event(99, T0 + S(30), EventKind.PAUSE))
    m.session.events = events
    m.check()
    assert m.live.rebuilds == 3


def test_a_changed_or_shorter_event_list_replays_from_scratch():
    m = Meeting()
    run_a_while(m)
    m.session.events = m.session.events[:-3]
    m.check()
    assert m.live.rebuilds == 2
    last = m.session.events[-1]
    m.session.events = [*m.session.events[:-1], replace(last, participant=2)]
    m.check()
    assert m.live.rebuilds == 3


def test_now_set_back_replays_from_scratch():
    m = Meeting()
    run_a_while(m)
    m.now = T0 + M(3)
    view = m.check()
    assert m.live.rebuilds == 2 and view.agenda.current == 1
    m.now = T0 + M(30)
    m.check()
    assert m.live.rebuilds == 2


def test_attendance_change_updates_rows_and_flags():
    m = Meeting()
    run_a_while(m)
    m.wait(minutes=10)
    view = m.check()
    assert view.people[3].flag == "quiet" and view.orgs[2].people == 1
    people = list(m.session.participants)
    people[3] = replace(people[3], attendance=Attendance.ABSENT)
    m.session.participants = people
    view = m.check()
    assert view.people[3].flag is None and view.people[3].attendance is Attendance.ABSENT
    assert view.orgs[2] == OrgRow(
        "", view.orgs[2].total, view.orgs[2].share, view.orgs[2].item_total, view.orgs[2].item_share, 0
    )
    # the fair share is now 1/3, so the flags of everyone else are recomputed
    assert [r.flag for r in view.people] == [r.flag for r in expected_view(m.session, m.now).people]


def test_participant_or_agenda_changes_replay_from_scratch():
    m = Meeting()
    run_a_while(m)
    m.session.participants = [*m.session.participants, Participant(5, "Eve", "Delta")]
    m.add(EventKind.SPEAKER, participant=5)
    m.wait(minutes=1)
    view = m.check()
    assert m.live.rebuilds == 2 and view.speaker == 5
    m.session.agenda = [replace(m.session.agenda[0], minutes=30), m.session.agenda[1]]
    m.check()
    assert m.live.rebuilds == 3


def test_no_current_item_gives_zero_item_figures():
    m = Meeting()
    m.add(EventKind.SPEAKER, participant=1)  # before START: nothing is current
    m.wait(minutes=2)
    view = m.check()
    assert view.agenda.current is None and view.item_total == ZERO
    assert view.people[0].total == M(2) and view.people[0].item_share == 0.0
    assert all(r.item_flag is None for r in view.people)
    m.add(EventKind.START)
    m.wait(minutes=12)
    m.add(EventKind.END)
    view = m.check()
    assert view.agenda.current is None and view.total == M(14) and view.speaker is None


def test_live_imports_neither_textual_nor_tinydb():
    code = "import sys, coopconsole.domain.live; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert "textual" not in loaded and "tinydb" not in loaded
