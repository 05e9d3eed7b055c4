"""The service keeps the clock, the current item, the floor and the queue from a replay fed
only the new events (``coopconsole.domain.replay_keeper``): whatever happens, what it says
is what a replay of the whole file from scratch says, and an intent feeds the replay only
the events that are new."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopconsole.domain.balance import replay
from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.model import Attendance, Event, EventKind
from coopconsole.domain.speaker_queue import speaker_queue
from coopconsole.domain.timeline import agenda_state
from coopconsole.service import MeetingService, ServiceError
from coopconsole.store import SessionStore
from tests.support.sessions import MEETING_START, small_session

PEOPLE = st.sampled_from([1, 2, 3, 4])
ITEMS = st.sampled_from([1, 2, 3, 4, 5, 9])  # 9 is on no agenda; 5 only once added

#: What the note-taker and the facilitator do on the open console.
INTENTS = st.one_of(
    st.tuples(st.sampled_from(["start", "pause", "resume", "toggle", "next", "previous", "end", "floor-next"])),
    st.tuples(st.just("goto"), ITEMS),
    st.tuples(st.just("extend"), st.integers(-10, 10)),
    st.tuples(st.just("speaker"), st.one_of(st.none(), PEOPLE)),
    st.tuples(st.just("queue"), PEOPLE),
    st.tuples(st.just("note"), st.sampled_from(["a point", "another point"])),
    st.tuples(st.just("attendance"), PEOPLE, st.sampled_from(list(Attendance))),
    st.tuples(st.sampled_from(["replan", "undo", "cool"])),
    st.tuples(st.sampled_from(["add-item", "remove", "move-up", "rename"]), ITEMS),
)

#: A step: the clock moves on, the console does something, another terminal (its clock
#: behind, so its events may sort before ours) does something, or an event is written
#: straight into the file with an earlier stamp.
STEPS = st.one_of(
    st.tuples(st.just("wait"), st.integers(0, 900)),
    st.tuples(st.just("here"), INTENTS),
    st.tuples(st.just("elsewhere"), st.integers(0, 300), INTENTS),
    st.tuples(
        st.just("inject"),
        st.integers(0, 600),
        st.sampled_from([EventKind.SPEAKER, EventKind.NEXT, EventKind.PAUSE, EventKind.RESUME, EventKind.QUEUE]),
        PEOPLE,
    ),
)


def run(service: MeetingService, intent: tuple) -> None:
    """One intent; a refusal is part of the game (it writes nothing)."""
    name, *args = intent
    agenda, room = service.agenda, service.room
    calls = {
        "start": agenda.start,
        "pause": agenda.pause,
        "resume": agenda.resume,
        "toggle": agenda.toggle,
        "next": agenda.next_item,
        "previous": agenda.previous_item,
        "end": agenda.end,
        "floor-next": room.floor_to_next,
        "goto": agenda.goto,
        "extend": agenda.extend,
        "speaker": lambda pid: room.speaker(pid, arrived=True),
        "queue": room.toggle_queue,
        "note": lambda text: service.captures.capture("note", text),
        "attendance": room.set_attendance,
        "undo": service.playbook.undo_replan,
        "cool": lambda: service.playbook.cool_down(5),
        "add-item": lambda after: service.agenda_edits.add_item("Walk-in topic 10 min", after=after),
        "remove": service.agenda_edits.remove_item,
        "move-up": lambda item: service.agenda_edits.move_item(item, -1),
        "rename": lambda item: service.agenda_edits.rename_item(item, "Renamed"),
    }
    try:
        if name == "replan":
            options = service.playbook.replan_options()
            if options:
                service.playbook.replan(*options[0].key)
            return
        calls[name](*args)
    except ServiceError:
        pass


def assert_as_from_scratch(service: MeetingService, store: SessionStore, name: str) -> None:
    with store.open(name) as handle:
        fresh = handle.load()  # the file as a newcomer reads it
    now = service.now()
    assert service.state() == agenda_state(fresh, now)
    floor = service.floor_replay.replay(service.session, now)
    whole = replay(fresh, now)
    assert (floor.speaker, floor.since, floor.turns, floor.closed) == (
        whole.speaker,
        whole.since,
        whole.turns,
        whole.closed,
    )
    assert service.queue() == speaker_queue(fresh, now)
    assert service.floor() == whole.speaker
    assert service.current_of(service.session, now) == agenda_state(fresh, now).current


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(STEPS, max_size=40))
def test_whatever_happens_the_kept_figures_are_those_of_a_full_replay(steps):
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp))
        store.create(small_session("kept")).close()
        clock = FrozenClock(MEETING_START)
        with store.open("kept") as handle, store.open("kept") as other_handle:
            service = MeetingService(handle, clock)
            assert_as_from_scratch(service, store, "kept")
            for step in steps:
                kind, *args = step
                if kind == "wait":
                    clock.advance(seconds=args[0])
                elif kind == "here":
                    run(service, args[0])
                elif kind == "elsewhere":
                    behind = FrozenClock(clock.now - timedelta(seconds=args[0]))
                    run(MeetingService(other_handle, behind), args[1])
                else:
                    ago, event_kind, pid = args
                    with other_handle.locked():
                        other_handle.add(Event(0, clock.now - timedelta(seconds=ago), event_kind, participant=pid))
                assert_as_from_scratch(service, store, "kept")


def fed(service: MeetingService) -> tuple[int, int]:
    """How many events the service's clock replay and floor replay were fed so far."""
    return service.clock_replay.fed, service.floor_replay.fed


def long_meeting(store: SessionStore, clock: FrozenClock) -> MeetingService:
    """A meeting an hour and a half in, 600 turns later, opened by a fresh console."""
    with store.create(small_session("long")) as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        for n in range(600):
            clock.advance(seconds=9)
            service.room.speaker(n % 4 + 1)
            if n % 250 == 249:
                service.agenda.next_item()
    return MeetingService(store.open("long"), clock)


def test_an_intent_feeds_the_replays_only_the_events_it_adds(store, clock):
    service = long_meeting(store, clock)
    service.state(), service.queue()  # the first looks replay the meeting, once each
    before = fed(service)
    clock.advance(seconds=30)
    service.captures.capture("note", "the pilot starts on line 3")
    service.captures.capture("action", "@chloe send the data sheet by Dec 18")
    service.queue()
    assert fed(service) == before  # a capture adds no event: nothing replayed
    service.room.speaker(3)
    service.agenda.extend(5)
    service.room.toggle_queue(2)
    service.agenda.next_item()
    service.state(), service.queue()  # an event is fed at the next look, which the next intent makes
    assert fed(service) == (before[0] + 4, before[1] + 4)
    assert (service.clock_replay.rebuilds, service.floor_replay.rebuilds) == (1, 1)
    assert service.state() == agenda_state(service.session, clock.now)


def test_a_capture_reads_the_current_item_off_the_replay(store, clock, monkeypatch):
    """Which item a record is about is read off the replay kept: a capture does not work
    out every item's timing (forty of them in a full day)."""
    import coopconsole.service.access as access_module

    service = long_meeting(store, clock)
    clock.advance(seconds=30)
    expected = agenda_state(service.session, clock.now).current

    def not_for_a_capture(*args, **kwargs):
        raise AssertionError("a capture worked out the agenda's timings")

    monkeypatch.setattr(access_module, "state_from_replay", not_for_a_capture)
    note = service.captures.capture("note", "the pilot starts on line 3")
    action = service.captures.capture("action", "@chloe send the data sheet by Dec 18")
    assert expected is not None and note.item == action.item == expected


def test_an_event_from_elsewhere_stamped_earlier_is_replayed_in_its_place(store, clock):
    service = long_meeting(store, clock)
    service.state()
    clock.advance(seconds=30)
    with store.open("long") as handle:  # another terminal, its clock a minute behind
        MeetingService(handle, FrozenClock(clock.now - timedelta(minutes=1))).room.speaker(4)
    assert service.floor() == replay(service.session, clock.now).speaker
    assert service.state() == agenda_state(service.session, clock.now)
    assert service.clock_replay.rebuilds == 2  # out of order: replayed from scratch, once
    before = fed(service)
    service.room.speaker(1)  # and in order again from there
    service.state(), service.queue()
    assert fed(service) == (before[0] + 1, before[1] + 1)
    assert service.clock_replay.rebuilds == 2
    assert replay(service.session, clock.now).speaker == service.floor() == 1


def test_an_event_from_elsewhere_stamped_later_is_only_fed(store, clock):
    service = long_meeting(store, clock)
    service.state()
    clock.advance(seconds=30)
    with store.open("long") as handle:
        MeetingService(handle, clock).agenda.pause()
    before = fed(service)
    assert service.state() == agenda_state(service.session, clock.now)
    assert not service.state().running
    assert fed(service)[0] == before[0] + 1
    assert service.clock_replay.rebuilds == 1


def test_an_agenda_change_replays_from_scratch(store, clock):
    service = long_meeting(store, clock)
    service.state()
    service.agenda_edits.add_item("Budget 10 min")  # a new agenda record: replayed anew
    service.state()
    assert service.clock_replay.rebuilds == 2
    assert service.state() == agenda_state(service.session, clock.now)


def test_an_event_changed_in_one_amending_write_is_replayed_anew(store, clock):
    from dataclasses import replace

    service = long_meeting(store, clock)
    service.state(), service.queue()
    session = service.session
    first_turn = next(e for e in session.events if e.kind is EventKind.SPEAKER)
    moved = replace(first_turn, participant=2 if first_turn.participant != 2 else 3)
    service.amend(session, [moved], [])  # the first turn was someone else's: same count, same last event
    assert_as_from_scratch(service, store, "long")
    assert service.floor_replay.rebuilds == 2
