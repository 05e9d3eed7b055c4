from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopconsole.domain.balance import flags, speaking_stats, speaking_turns
from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.model import (
    AgendaItem,
    Attendance,
    Event,
    EventKind,
    Participant,
    Session,
    SpeakingTurn,
)

TZ = timezone(timedelta(hours=8))
T0 = datetime(2024, 5, 14, 9, 0, tzinfo=TZ)
M = lambda n: timedelta(minutes=n)  # noqa: E731

PEOPLE = [
    Participant(1, "Ana", organisation="Acme"),
    Participant(2, "Bo", organisation="Acme"),
    Participant(3, "Chen", organisation="Delta"),
    Participant(4, "Dee"),  # no organisation
]


class Recorder:
    def __init__(self, people=PEOPLE, agenda=None):
        if agenda is None:
            agenda = [AgendaItem(1, "Intro", minutes=10), AgendaItem(2, "Plan", minutes=20)]
        self.session = Session(
            name="t", title="T", date=date(2024, 5, 14), start=time(9), participants=list(people), agenda=list(agenda)
        )
        self.clock = FrozenClock(T0)

    def __call__(self, kind, **kw):
        self.session.events.append(Event(id=len(self.session.events) + 1, at=self.clock(), kind=kind, **kw))

    def say(self, pid):
        self(EventKind.SPEAKER, participant=pid)

    def wait(self, minutes=0, seconds=0):
        self.clock.advance(seconds=seconds, minutes=minutes)

    def stats(self, item=None):
        return speaking_stats(self.session, self.clock(), item)

    def flags(self, item=None):
        return flags(self.session, self.clock(), item)


def test_nobody_has_spoken():
    r = Recorder()
    s = r.stats()
    assert s.total == timedelta(0) and s.current is None and s.current_since is None
    assert s.by_participant == {1: timedelta(0), 2: timedelta(0), 3: timedelta(0), 4: timedelta(0)}
    assert s.share(1) == 0.0 and s.org_share("Acme") == 0.0
    assert r.flags() == {1: "quiet", 2: "quiet", 3: "quiet", 4: "quiet"}


def test_turns_across_item_changes():
    r = Recorder()
    r.say(1)  # before START: item None
    r.wait(minutes=1)
    r(EventKind.START)
    r.wait(minutes=2)
    r.say(2)
    r.wait(minutes=3)
    r(EventKind.NEXT)  # Bo keeps talking into item 2: the turn is split
    r.wait(minutes=4)
    r.say(2)  # same speaker again: nothing changes
    r.wait(minutes=1)
    turns = speaking_turns(r.session, r.clock())
    assert turns == [
        SpeakingTurn(1, T0, T0 + M(1), None),
        SpeakingTurn(1, T0 + M(1), T0 + M(3), 1),
        SpeakingTurn(2, T0 + M(3), T0 + M(6), 1),
        SpeakingTurn(2, T0 + M(6), None, 2),
    ]
    s = r.stats()
    assert s.current == 2 and s.current_since == T0 + M(3)  # not reset by the item change
    assert s.by_participant[1] == M(3) and s.by_participant[2] == M(8)
    assert s.total == M(11)
    assert r.stats(item=1).by_participant == {1: M(2), 2: M(3), 3: timedelta(0), 4: timedelta(0)}
    assert r.stats(item=2).total == M(5)


def test_pause_and_end_end_the_turn():
    r = Recorder()
    r(EventKind.START)
    r.say(3)
    r.wait(minutes=5)
    r(EventKind.PAUSE)
    r.wait(minutes=15)
    r(EventKind.RESUME)  # resuming does not give the floor back
    r.wait(minutes=1)
    s = r.stats()
    assert s.current is None and s.by_participant[3] == M(5)
    r.say(1)
    r.wait(minutes=2)
    r(EventKind.END)
    r.wait(minutes=10)
    r.say(2)  # after END: ignored
    r.wait(minutes=10)
    s = r.stats()
    assert s.current is None and s.total == M(7) and s.by_participant[2] == timedelta(0)
    assert all(t.end is not None for t in speaking_turns(r.session, r.clock()))


def test_a_cooling_down_break_ends_the_turn():
    """A cooling-down break pauses the meeting: nobody speaks through it."""
    r = Recorder()
    r(EventKind.START)
    r.say(3)
    r.wait(minutes=4)
    r(EventKind.COOL, minutes=10)
    r.wait(minutes=10)
    s = r.stats()
    assert s.current is None and s.by_participant[3] == M(4) and s.total == M(4)
    r(EventKind.RESUME)
    r.say(3)  # the floor is given again after the break
    r.wait(minutes=1)
    assert r.stats().by_participant[3] == M(5)


def test_nobody_speaking_and_unknown_speaker():
    r = Recorder()
    r(EventKind.START)
    r.say(1)
    r.wait(minutes=2)
    r.say(99)  # unknown participant: ignored, Ana keeps the floor
    r.wait(minutes=2)
    r.say(None)
    r.wait(minutes=5)
    s = r.stats()
    assert s.current is None and s.by_participant[1] == M(4) and s.total == M(4)


def test_shares_per_person_and_org():
    r = Recorder()
    r(EventKind.START)
    for pid, minutes in [(1, 2), (2, 1), (3, 4), (4, 3)]:
        r.say(pid)
        r.wait(minutes=minutes)
    r(EventKind.NEXT)
    r.say(3)
    r.wait(minutes=10)
    s = r.stats()
    assert s.total == M(20)
    assert s.share(1) == pytest.approx(0.10) and s.share(3) == pytest.approx(0.70)
    assert s.by_org == {"Acme": M(3), "Delta": M(14), "": M(3)}
    assert s.org_share("Acme") == pytest.approx(0.15) and s.org_share("") == pytest.approx(0.15)
    assert s.org_share("Nobody") == 0.0 and s.share(42) == 0.0
    assert sum(s.share(p) for p in s.by_participant) == pytest.approx(1.0)
    first = r.stats(item=1)
    assert first.total == M(10) and first.share(3) == pytest.approx(0.4)
    assert first.org_share("Acme") == pytest.approx(0.3)
    second = r.stats(item=2)
    assert second.share(3) == 1.0 and second.by_org["Acme"] == timedelta(0)


def test_absent_people_are_not_listed_nor_flagged():
    people = [
        Participant(1, "Ana", "Acme"),
        Participant(2, "Bo", "Acme"),
        Participant(3, "Chen", "Delta", attendance=Attendance.ABSENT),
        Participant(4, "Dee", "Delta", attendance=Attendance.LATE),
    ]
    r = Recorder(people)
    r(EventKind.START)
    r.say(1)
    r.wait(minutes=1)
    s = r.stats()
    assert set(s.by_participant) == {1, 2, 4}
    assert r.flags() == {2: "quiet", 4: "quiet"}  # too early for "dominant"
    r.wait(minutes=9)
    fl = r.flags()
    assert 3 not in fl
    # fair share is 1/3: Ana's 100% is dominant, the silent ones are quiet
    assert fl == {1: "dominant", 2: "quiet", 4: "quiet"}


def test_quiet_by_share_only_after_ten_minutes_of_clock():
    people = PEOPLE[:2]  # fair share 1/2; quiet under 1/4, dominant over 1 (never)
    r = Recorder(people)
    r.say(2)  # chatter before the start does not run the clock
    r.wait(minutes=20)
    r(EventKind.START)
    r.say(1)
    r.wait(minutes=9)
    assert r.flags() == {}  # Bo has 20 of 29 minutes; Ana spoke, clock ran 9 minutes
    r.say(2)
    r.wait(minutes=1)
    r.say(1)
    r.wait(minutes=60)
    # clock has now run 70 minutes; Bo has 21 of 90 minutes, 23% < 25%
    assert r.flags() == {2: "quiet"}
    # within item 1 Bo had 1 of 70 minutes
    assert r.flags(item=1) == {2: "quiet"}


def test_ten_minute_rule_per_item_counts_that_items_clock():
    people = PEOPLE[:2]
    r = Recorder(people)
    r(EventKind.START)
    r.say(1)
    r.wait(minutes=20)
    r(EventKind.NEXT)
    r.say(2)
    r.wait(seconds=30)
    r.say(1)
    r.wait(minutes=5)
    # in item 2 Bo has 30s of 5m30s (9%), but item 2 has run only 5.5 minutes
    assert r.flags(item=2) == {}
    r.wait(minutes=5)
    assert r.flags(item=2) == {2: "quiet"}
    # item 1: Bo never spoke during it
    assert r.flags(item=1) == {2: "quiet"}


def test_dominant_flag():
    r = Recorder()  # four people: fair 25%, dominant over 50%
    r(EventKind.START)
    for pid in (1, 2, 3, 4):
        r.say(pid)
        r.wait(minutes=2)
    r.say(3)
    r.wait(minutes=6)
    assert r.flags() == {3: "dominant"}  # 8 of 14 minutes
    r.say(1)
    r.wait(minutes=4)
    # Chen 8/18 is no longer dominant; Bo and Dee at 2/18 fall under half a fair share
    assert r.flags() == {2: "quiet", 4: "quiet"}


def test_dominant_only_after_ten_minutes_of_clock():
    r = Recorder()  # four people: fair 25%, dominant over 50%
    r(EventKind.START)
    r.say(1)
    r.wait(seconds=5)
    # the first speaker holds 100% but is not flagged yet; silence is flagged at once
    assert r.flags() == {2: "quiet", 3: "quiet", 4: "quiet"}
    r.wait(minutes=9, seconds=54)
    assert 1 not in r.flags()  # 9m59s of clock
    r.wait(seconds=1)
    assert r.flags() == {1: "dominant", 2: "quiet", 3: "quiet", 4: "quiet"}


def test_dominant_waits_for_the_clock_not_for_talk_before_the_start():
    r = Recorder()
    r.say(1)  # before START: counts in the shares, does not run the clock
    r.wait(minutes=30)
    r(EventKind.START)
    r.wait(minutes=9)
    assert 1 not in r.flags()
    r(EventKind.PAUSE)  # a paused clock does not bring the flag closer
    r.wait(minutes=30)
    r(EventKind.RESUME)
    r.say(1)
    r.wait(minutes=1)
    assert r.flags()[1] == "dominant"


def test_dominant_per_item_counts_that_items_clock():
    r = Recorder()
    r(EventKind.START)
    for pid in (1, 2, 3, 4):
        r.say(pid)
        r.wait(minutes=2)
    r(EventKind.NEXT)
    r.say(3)
    r.wait(minutes=9)
    # Chen holds all of item 2 but item 2 has run only 9 minutes
    assert r.flags(item=2) == {1: "quiet", 2: "quiet", 4: "quiet"}
    assert r.flags()[3] == "dominant"  # 11 of 17 minutes over the whole meeting
    r.wait(minutes=1)
    assert r.flags(item=2) == {1: "quiet", 2: "quiet", 3: "dominant", 4: "quiet"}


def test_no_participants():
    r = Recorder(people=[])
    r(EventKind.START)
    r.wait(minutes=20)
    assert r.flags() == {} and r.stats().total == timedelta(0)


# --- property: totals bounded by wall time; shares sum to 1 or 0 ---------------------


@st.composite
def sessions(draw):
    n_people = draw(st.integers(0, 4))
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
        AgendaItem(i, f"I{i}", minutes=draw(st.none() | st.integers(0, 10)))
        for i in range(1, draw(st.integers(0, 3)) + 1)
    ]
    steps = draw(
        st.lists(
            st.tuples(
                st.integers(0, 300),
                st.sampled_from(list(EventKind) + [EventKind.SPEAKER] * 4),
                st.integers(0, 4),
                st.integers(0, n_people + 1),
            ),
            max_size=30,
        )
    )
    events, at = [], T0
    for i, (gap, kind, item, pid) in enumerate(steps, start=1):
        at += timedelta(seconds=gap)
        events.append(Event(i, at, kind, item=item or None, participant=pid or None, minutes=3))
    now = at + timedelta(seconds=draw(st.integers(0, 300)))
    return Session(name="p", title="P", participants=people, agenda=agenda, events=events), now


@settings(max_examples=200, deadline=None)
@given(sessions())
def test_speaking_totals_are_bounded_and_shares_sum(case):
    session, now = case
    s = speaking_stats(session, now)
    first = min((e.at for e in session.events), default=now)
    assert timedelta(0) <= s.total <= now - first
    assert s.total == sum(s.by_participant.values(), timedelta(0)) == sum(s.by_org.values(), timedelta(0))
    shares = sum(s.share(p) for p in s.by_participant)
    assert shares == pytest.approx(1.0) if s.total else shares == 0.0
    org_shares = sum(s.org_share(o) for o in s.by_org)
    assert org_shares == pytest.approx(1.0) if s.total else org_shares == 0.0
    turns = speaking_turns(session, now)
    for a, b in zip(turns, turns[1:], strict=False):
        assert a.end is not None and a.end <= b.start  # turns never overlap
    per_item = sum((speaking_stats(session, now, i.id).total for i in session.agenda), timedelta(0))
    unassigned = sum(((t.end or now) - t.start for t in turns if t.item is None), timedelta(0))
    assert per_item + unassigned == s.total
    fl = flags(session, now)
    absent = {p.id for p in session.participants if p.attendance is Attendance.ABSENT}
    assert not absent & set(fl) and set(fl.values()) <= {"quiet", "dominant"}


# -- attendance and fair shares ---------------------------------------------------------


def test_fair_shares_count_a_late_arrival_from_arrival_and_a_leaver_until_leaving():
    from dataclasses import replace

    from coopconsole.domain.balance import fair_shares

    now = T0 + M(40)
    people = [
        PEOPLE[0],
        replace(PEOPLE[1], attendance=Attendance.LATE, arrived_at=T0 + M(20)),
        replace(PEOPLE[2], attendance=Attendance.LEFT, left_at=T0 + M(10)),
        replace(PEOPLE[3], attendance=Attendance.ABSENT),
    ]
    shares = fair_shares(people, T0, now)
    assert set(shares) == {1, 2, 3}  # the absent are out
    assert shares[1] == pytest.approx(40 / 70) and shares[2] == pytest.approx(20 / 70)
    assert shares[3] == pytest.approx(10 / 70)
    assert fair_shares(PEOPLE, T0, now) == {p.id: 0.25 for p in PEOPLE}
    # Everyone counted over the whole scope: exactly the same share each, at any moment.
    for seconds in (1, 7, 2401, 35999):
        assert fair_shares(PEOPLE[:3], T0, T0 + timedelta(seconds=seconds)) == {p.id: 1 / 3 for p in PEOPLE[:3]}


def test_the_rosters_fair_shares_are_fair_shares_whenever_nobody_has_a_window_of_their_own():
    from dataclasses import replace

    from coopconsole.domain.balance import Roster, fair_shares

    rosters = {
        "all in": PEOPLE,
        "one absent": [*PEOPLE[:3], replace(PEOPLE[3], attendance=Attendance.ABSENT)],
        "nobody": [replace(p, attendance=Attendance.ABSENT) for p in PEOPLE],
    }
    for name, people in rosters.items():
        fair = Roster.of(people).fair
        for since in (None, T0, T0 + M(30)):
            for now in (T0, T0 + M(1), T0 + M(45), T0 + timedelta(seconds=35999)):
                assert fair == fair_shares(people, since, now), (name, since, now)
    late = [PEOPLE[0], replace(PEOPLE[1], attendance=Attendance.LATE, arrived_at=T0 + M(20))]
    left = [PEOPLE[0], replace(PEOPLE[1], attendance=Attendance.LEFT, left_at=T0 + M(10))]
    walked = [PEOPLE[0], replace(PEOPLE[1], walked_in=True, arrived_at=T0 + M(5))]
    assert Roster.of(late).fair is None and Roster.of(left).fair is None and Roster.of(walked).fair is None


def test_a_late_arrival_is_not_quiet_for_the_time_before_they_came():
    from dataclasses import replace

    r = Recorder(people=PEOPLE[:3])
    r(EventKind.START)
    r.say(1)
    r.wait(minutes=12)
    r.say(2)
    r.wait(minutes=12)  # Ana 12, Bo 12, Chen not here yet
    r.session.participants[2] = replace(PEOPLE[2], attendance=Attendance.LATE, arrived_at=r.clock())
    r.say(3)
    r.wait(minutes=2)
    r.say(None)
    r.wait(minutes=2)
    # Chen: 2 of 26 minutes, 8%. An equal fair share (33%) would call that quiet; Chen was
    # in the room 4 of the 28 minutes, a fair share of 4/60, so 8% is not under half of it.
    assert 3 not in r.flags()
    r.session.participants[2] = replace(PEOPLE[2])  # had Chen been there all along ...
    assert r.flags()[3] == "quiet"
