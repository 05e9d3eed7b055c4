from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopconsole.domain.clock import FrozenClock, system_clock
from coopconsole.domain.model import AgendaItem, Event, EventKind, Session, SessionStatus
from coopconsole.domain.timeline import agenda_state, planned_starts

TZ = timezone(timedelta(hours=8))
DAY = date(2024, 5, 14)
T0 = datetime(2024, 5, 14, 9, 0, tzinfo=TZ)

M = lambda n: timedelta(minutes=n)  # noqa: E731


class Recorder:
    """A session plus a frozen clock; records events at the clock's current time."""

    def __init__(self, agenda=None, *, day=DAY, start=time(9, 0), at=T0):
        if agenda is None:
            agenda = [
                AgendaItem(1, "Intro", minutes=10),
                AgendaItem(2, "Plan", minutes=20),
                AgendaItem(3, "Wrap", minutes=15),
            ]
        self.session = Session(name="t", title="T", date=day, start=start, agenda=list(agenda))
        self.clock = FrozenClock(at)

    def __call__(self, kind, **kw):
        ev = Event(id=len(self.session.events) + 1, at=self.clock(), kind=kind, **kw)
        self.session.events.append(ev)
        return ev

    def wait(self, minutes=0, seconds=0):
        self.clock.advance(seconds=seconds, minutes=minutes)

    def state(self):
        return agenda_state(self.session, self.clock())


def test_clock_helpers():
    c = FrozenClock(T0)
    assert c() == T0
    assert c.advance(seconds=30, minutes=1) == T0 + timedelta(seconds=90)
    c.set(T0)
    assert c() == T0
    with pytest.raises(ValueError):
        FrozenClock(datetime(2024, 1, 1))
    assert system_clock().tzinfo is not None


def test_before_start():
    r = Recorder()
    r.wait(minutes=-30)  # 08:30, half an hour early
    s = r.state()
    assert s.status is SessionStatus.PLANNED and not s.running
    assert s.current is None and s.started_at is None
    assert s.planned_start == T0 and s.planned_end == T0 + M(45)
    assert s.projected_end == T0 + M(45) and s.drift == timedelta(0)
    assert all(t.elapsed == timedelta(0) and t.actual_start is None for t in s.items)
    assert s.timing(2).remaining == M(20)
    # once past the planned start, the projection slides with now
    r.wait(minutes=40)  # 09:10
    assert r.state().drift == M(10)


def test_start_pause_resume():
    r = Recorder()
    r(EventKind.START)
    r.wait(minutes=4)
    s = r.state()
    assert s.status is SessionStatus.RUNNING and s.running and s.current == 1
    assert s.current_timing.elapsed == M(4) and s.current_timing.remaining == M(6)
    assert s.current_timing.actual_start == T0 and s.current_timing.actual_end is None
    r(EventKind.PAUSE)
    r.wait(minutes=10)
    s = r.state()
    assert not s.running and s.status is SessionStatus.RUNNING
    assert s.current_timing.elapsed == M(4)
    r(EventKind.PAUSE)  # no-op
    r(EventKind.RESUME)
    r(EventKind.RESUME)  # no-op
    r.wait(minutes=1)
    assert r.state().current_timing.elapsed == M(5)
    r(EventKind.PAUSE)
    r.wait(minutes=1)
    r(EventKind.START)  # START while paused also resumes
    r.wait(minutes=1)
    s = r.state()
    assert s.running and s.current_timing.elapsed == M(6) and s.started_at == T0


def test_resume_before_start_is_ignored():
    r = Recorder()
    r(EventKind.RESUME)
    r.wait(minutes=5)
    assert r.state().status is SessionStatus.PLANNED


def test_next_prev_goto():
    r = Recorder()
    r(EventKind.START)
    r.wait(minutes=5)
    r(EventKind.NEXT)
    r.wait(minutes=7)
    s = r.state()
    assert s.current == 2
    assert s.timing(1).elapsed == M(5) and s.timing(1).actual_end == T0 + M(5)
    assert s.timing(2).actual_start == T0 + M(5) and s.timing(2).elapsed == M(7)
    r(EventKind.PREV)  # back to 1: its elapsed continues
    r.wait(minutes=2)
    s = r.state()
    assert s.current == 1 and s.timing(1).elapsed == M(7)
    assert s.timing(1).actual_end is None and s.timing(1).actual_start == T0
    r(EventKind.PREV)  # no previous item: ignored
    r(EventKind.GOTO, item=3)
    r(EventKind.GOTO, item=99)  # unknown item: ignored
    r(EventKind.NEXT)  # no next item: ignored
    r.wait(minutes=1)
    s = r.state()
    assert s.current == 3 and s.timing(3).elapsed == M(1)
    assert s.timing(1).actual_end == T0 + M(14)
    assert sum((t.elapsed for t in s.items), timedelta()) == M(15) == s.total_elapsed


def test_moving_while_paused_keeps_clock_stopped():
    r = Recorder()
    r(EventKind.START)
    r.wait(minutes=3)
    r(EventKind.PAUSE)
    r(EventKind.NEXT)
    r.wait(minutes=5)
    s = r.state()
    assert not s.running and s.current == 2
    assert s.timing(2).elapsed == timedelta(0) and s.timing(2).actual_start is None
    r(EventKind.NEXT)  # leaving an item that never ran leaves no actual_end
    assert r.state().timing(2).actual_end is None
    r(EventKind.RESUME)
    r.wait(minutes=2)
    assert r.state().timing(3).actual_start == T0 + M(8)


def test_goto_before_start_cues_first_item():
    r = Recorder()
    r(EventKind.GOTO, item=2)
    s = r.state()
    assert s.status is SessionStatus.PLANNED and s.current == 2
    r(EventKind.START)
    r.wait(minutes=1)
    s = r.state()
    assert s.current == 2 and s.timing(1).actual_start is None and s.timing(2).elapsed == M(1)


def test_next_before_start_cues_first_item():
    r = Recorder()
    r(EventKind.PREV)
    assert r.state().current is None
    r(EventKind.NEXT)
    assert r.state().current == 1


def test_extend_and_shorten():
    r = Recorder()
    r(EventKind.START)
    r(EventKind.EXTEND, item=1, minutes=5)
    assert r.state().timing(1).box == M(15)
    r(EventKind.EXTEND, minutes=-3)  # no item: the current one
    assert r.state().timing(1).box == M(12)
    r(EventKind.EXTEND, item=2, minutes=-50)  # below zero clamps at zero
    s = r.state()
    assert s.timing(2).box == timedelta(0) and s.timing(2).remaining == timedelta(0)
    r(EventKind.EXTEND, item=2, minutes=5)  # clamped before the next extension
    r(EventKind.EXTEND, item=42, minutes=5)  # unknown item: ignored
    r(EventKind.EXTEND, item=3)  # no minutes: ignored
    s = r.state()
    assert s.timing(2).box == M(5) and s.timing(3).box == M(15)
    assert s.projected_end == T0 + M(12 + 5 + 15)


def test_countdown_then_overrun():
    r = Recorder()
    r(EventKind.START)
    r.wait(minutes=9, seconds=30)
    t = r.state().current_timing
    assert t.remaining == timedelta(seconds=30) and t.overrun == timedelta(0)
    r.wait(seconds=30)
    t = r.state().current_timing
    assert t.remaining == timedelta(0) and t.overrun == timedelta(0)
    r.wait(minutes=3)
    t = r.state().current_timing
    assert t.remaining == timedelta(0) and t.overrun == M(3)
    r.wait(minutes=2)
    s = r.state()
    assert s.current_timing.overrun == M(5)
    # overrunning the current item pushes the projection out by the same amount
    assert s.drift == M(5)


def test_drift_ahead_and_behind():
    r = Recorder()
    r.wait(minutes=5)  # started 5 minutes late
    r(EventKind.START)
    assert r.state().drift == M(5)
    r.wait(minutes=2)
    r(EventKind.NEXT)  # item 1 took 2 of its 10 minutes: 8 back
    s = r.state()
    assert s.projected_end == T0 + M(7 + 20 + 15)
    assert s.drift == M(-3)
    r(EventKind.NEXT)  # skip item 2: its 20 minutes are no longer projected
    assert r.state().drift == M(-23)


def test_projected_end_while_paused_slides():
    r = Recorder()
    r(EventKind.START)
    r.wait(minutes=5)
    r(EventKind.PAUSE)
    before = r.state()
    r.wait(minutes=10)
    after = r.state()
    assert after.projected_end - before.projected_end == M(10)
    assert after.drift == M(10)


def test_end():
    r = Recorder()
    r(EventKind.START)
    r.wait(minutes=12)
    r(EventKind.NEXT)
    r.wait(minutes=3)
    r(EventKind.END)
    end = r.clock()
    r.wait(minutes=30)
    r(EventKind.START)  # ignored: END is final
    r(EventKind.EXTEND, item=2, minutes=10)  # ignored too
    r.wait(minutes=30)
    s = r.state()
    assert s.status is SessionStatus.ENDED and not s.running and s.current is None
    assert s.ended_at == end and s.projected_end == end
    assert s.drift == end - (T0 + M(45))
    assert s.timing(2).actual_end == end and s.timing(2).elapsed == M(3)
    assert s.timing(2).box == M(20)
    assert s.timing(1).overrun == M(2)


def test_events_after_now_are_not_yet_in_effect():
    r = Recorder()
    r(EventKind.START)
    r.wait(minutes=10)
    r(EventKind.NEXT)
    s = agenda_state(r.session, T0 + M(5))
    assert s.current == 1 and s.timing(1).elapsed == M(5)


def test_event_order_is_at_then_id():
    r = Recorder()
    r(EventKind.START)
    r.wait(minutes=1)
    r(EventKind.NEXT)
    r(EventKind.NEXT)
    r.wait(minutes=1)
    shuffled = list(r.session.events)
    random.Random(3).shuffle(shuffled)
    r.session.events = shuffled
    s = r.state()
    assert s.current == 3 and s.timing(3).elapsed == M(1)


def test_planned_times_from_explicit_starts_and_boxes():
    agenda = [
        AgendaItem(1, "Welcome", minutes=10),
        AgendaItem(2, "Review", minutes=None),
        AgendaItem(3, "Lunch", start=time(12, 0), minutes=60),
        AgendaItem(4, "Plan", minutes=30),
    ]
    r = Recorder(agenda, start=time(9, 30))
    starts = planned_starts(r.session, TZ)
    assert starts == [
        datetime(2024, 5, 14, 9, 30, tzinfo=TZ),
        datetime(2024, 5, 14, 9, 40, tzinfo=TZ),
        datetime(2024, 5, 14, 12, 0, tzinfo=TZ),
        datetime(2024, 5, 14, 13, 0, tzinfo=TZ),
    ]
    s = r.state()
    assert s.planned_start == starts[0] and s.planned_end == datetime(2024, 5, 14, 13, 30, tzinfo=TZ)
    assert s.timing(2).box is None and s.timing(2).remaining is None


def test_first_item_start_beats_session_start():
    agenda = [AgendaItem(1, "A", start=time(10, 0), minutes=5)]
    r = Recorder(agenda)
    assert planned_starts(r.session, TZ) == [datetime(2024, 5, 14, 10, 0, tzinfo=TZ)]
    assert r.state().planned_start == datetime(2024, 5, 14, 10, 0, tzinfo=TZ)


def test_no_date_means_no_plan():
    r = Recorder(day=None)
    s = r.state()
    assert planned_starts(r.session, TZ) == [None, None, None]
    assert s.planned_start is None and s.planned_end is None and s.drift is None
    assert s.projected_end == T0 + M(45)


def test_no_start_anywhere_leaves_chain_unknown_until_explicit_time():
    agenda = [
        AgendaItem(1, "A", minutes=10),
        AgendaItem(2, "B", start=time(10, 0), minutes=10),
        AgendaItem(3, "C", minutes=5),
    ]
    r = Recorder(agenda, start=None)
    assert planned_starts(r.session, TZ) == [
        None,
        datetime(2024, 5, 14, 10, 0, tzinfo=TZ),
        datetime(2024, 5, 14, 10, 10, tzinfo=TZ),
    ]
    assert r.state().planned_end == datetime(2024, 5, 14, 10, 15, tzinfo=TZ)


def test_items_without_minutes():
    agenda = [AgendaItem(1, "A"), AgendaItem(2, "B")]
    r = Recorder(agenda)
    r(EventKind.START)
    r.wait(minutes=20)
    s = r.state()
    t = s.current_timing
    assert t.box is None and t.remaining is None and t.overrun == timedelta(0)
    assert t.elapsed == M(20)
    assert s.planned_end == T0 and s.projected_end == r.clock() and s.drift == M(20)
    r(EventKind.EXTEND, minutes=5)  # an unboxed item gets a box from zero
    r.wait(minutes=1)
    t = r.state().current_timing
    assert t.box == M(5) and t.overrun == M(16)


def test_empty_agenda():
    r = Recorder([])
    r(EventKind.START)
    r.wait(minutes=3)
    s = r.state()
    assert s.status is SessionStatus.RUNNING and s.current is None and s.items == ()
    assert s.planned_start == T0 and s.planned_end is None and s.projected_end == r.clock()


# --- property: elapsed of all items sums to the time the clock ran -------------------

KINDS = [k for k in EventKind if k is not EventKind.SPEAKER]


@st.composite
def event_sequences(draw):
    n_items = draw(st.integers(0, 4))
    agenda = [AgendaItem(i, f"I{i}", minutes=draw(st.none() | st.integers(0, 30))) for i in range(1, n_items + 1)]
    steps = draw(
        st.lists(
            st.tuples(st.integers(0, 600), st.sampled_from(KINDS), st.integers(0, n_items + 1), st.integers(-20, 20)),
            max_size=25,
        )
    )
    events, at = [], T0
    for i, (gap, kind, item, minutes) in enumerate(steps, start=1):
        at += timedelta(seconds=gap)
        events.append(Event(i, at, kind, item=item or None, minutes=minutes))
    tail = draw(st.integers(0, 600))
    return agenda, events, at + timedelta(seconds=tail)


@settings(max_examples=200, deadline=None)
@given(event_sequences())
def test_elapsed_sums_to_running_time(case):
    agenda, events, now = case
    session = Session(name="p", title="P", date=DAY, start=time(9), agenda=agenda, events=events)
    state = agenda_state(session, now)
    # Reference: replay prefixes and add up the gaps during which the clock ran on an item.
    running_total = timedelta(0)
    for k, ev in enumerate(events):
        prefix = Session(name="p", title="P", agenda=agenda, events=events[: k + 1])
        s = agenda_state(prefix, ev.at)
        following = events[k + 1].at if k + 1 < len(events) else now
        if s.running and s.current is not None:
            running_total += following - ev.at
    assert state.total_elapsed == running_total
    if state.started_at is not None:
        assert state.total_elapsed <= (state.ended_at or now) - state.started_at
    for t in state.items:
        assert t.box is None or t.box >= timedelta(0)
        if t.box is not None:
            assert t.remaining - t.overrun == t.box - t.elapsed
    # order of the stored list does not matter
    session.events = list(reversed(events))
    assert agenda_state(session, now) == state


def test_a_meeting_past_midnight_goes_on_into_the_next_day():
    agenda = [
        AgendaItem(1, "Late talk", time(23, 10), 30),
        AgendaItem(2, "Wrap", time(23, 40), 20),
        AgendaItem(3, "After", time(0, 0), 10),
    ]
    r = Recorder(agenda, start=time(23, 10), at=datetime(2024, 5, 14, 23, 10, tzinfo=TZ))
    assert planned_starts(r.session, TZ)[2] == datetime(2024, 5, 15, 0, 0, tzinfo=TZ)
    r(EventKind.START)
    r.wait(minutes=5)
    s = r.state()
    assert s.planned_end == datetime(2024, 5, 15, 0, 10, tzinfo=TZ)
    assert s.drift == timedelta(0)  # on time, not a day behind


def test_a_start_a_little_earlier_than_the_previous_one_is_kept_as_written():
    agenda = [AgendaItem(1, "A", time(10, 0), 30), AgendaItem(2, "B", time(9, 30), 20)]
    r = Recorder(agenda, start=time(10, 0), at=datetime(2024, 5, 14, 10, 0, tzinfo=TZ))
    assert planned_starts(r.session, TZ)[1] == datetime(2024, 5, 14, 9, 30, tzinfo=TZ)
