"""The speaker queue and the time of the current turn: derived from events (domain), kept
by the service (queue, out of it, the floor to the next, refusals, reopened), the setting
of a per-turn limit, and its words in both languages. Frozen clock throughout."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from coopconsole.domain.live import LiveMeeting
from coopconsole.domain.model import Attendance, Event, EventKind
from coopconsole.domain.speaker_queue import speaker_queue, turn_time
from coopconsole.service import MeetingService, ServiceError
from coopconsole.settings import Settings, load_settings, save_settings, settings_path
from coopconsole.texts import CATALOGUE, t
from coopconsole.tui.commands import turn_limit_commands
from tests.support.sessions import MEETING_START, small_session

ZHANG = 4  # 张三, in small_session


def _events(*steps: tuple[EventKind, int | None]):
    return [Event(i, MEETING_START + timedelta(seconds=i), kind, participant=p) for i, (kind, p) in enumerate(steps, 1)]


def _queue_of(*steps: tuple[EventKind, int | None]) -> tuple[int, ...]:
    session = small_session()
    session.events = _events(*steps)
    return speaker_queue(session)


Q, U, S = EventKind.QUEUE, EventKind.UNQUEUE, EventKind.SPEAKER


# -- the domain: the queue from the events ------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ((), ()),
        (((Q, 3), (Q, 1), (Q, 2)), (3, 1, 2)),  # in the order they asked
        (((Q, 3), (Q, 1), (Q, 3)), (3, 1)),  # asking twice keeps one's place
        (((Q, 3), (Q, 1), (U, 3)), (1,)),  # out of the queue, wherever
        (((Q, 3), (U, 3), (Q, 3)), (3,)),  # back in: at the end
        (((Q, 3), (Q, 1), (S, 1)), (3,)),  # the floor, however given, takes them out
        (((Q, 3), (S, None)), (3,)),  # nobody speaking changes nothing
        (((Q, 9), (Q, 2)), (2,)),  # not a participant
        (((Q, 2), (U, 1)), (2,)),  # out of a queue one is not in: nothing
        (((Q, 2), (EventKind.END, None), (Q, 1)), ()),  # the meeting over: no queue
    ],
)
def test_the_queue_is_replayed_from_the_events(steps, expected):
    assert _queue_of(*steps) == expected


def test_events_are_replayed_in_time_order_not_file_order():
    session = small_session()
    first, second = _events((Q, 1), (Q, 2))
    session.events = [second, first]
    assert speaker_queue(session) == (1, 2)


def test_the_live_view_follows_the_queue_as_events_are_appended(clock):
    session = small_session()
    live = LiveMeeting()
    session.events = _events((Q, 3), (Q, 1))
    now = MEETING_START + timedelta(minutes=1)
    assert live.view(session, now).queue == (3, 1)
    session.events = [*session.events, Event(9, now, S, participant=3)]
    view = live.view(session, now + timedelta(seconds=1))
    assert view.queue == (1,) and view.speaker == 3 and live.rebuilds == 1  # appended, not replayed


def test_queue_events_leave_the_clock_and_talk_time_alone():
    session = small_session()
    session.events = _events((EventKind.START, None), (S, 1), (Q, 2), (U, 2), (Q, 3))
    view = LiveMeeting().view(session, MEETING_START + timedelta(minutes=5))
    assert view.speaker == 1 and view.agenda.running and view.queue == (3,)
    assert view.speaker_since == MEETING_START + timedelta(seconds=2)


@pytest.mark.parametrize(
    ("seconds", "limit", "level", "remaining"),
    [
        (100, None, "ok", None),
        (89, 2, "ok", 31),
        (90, 2, "warning", 30),  # the last 30 s
        (120, 2, "warning", 0),  # 00:00 left is not over yet
        (121, 2, "over", -1),
        (44, 1, "ok", 16),
        (45, 1, "warning", 15),  # a one-minute turn warns in its last quarter
        (3600, 0, "ok", None),  # 0: no limit
    ],
)
def test_the_turn_counts_down_to_its_limit(seconds, limit, level, remaining):
    turn = turn_time(MEETING_START, MEETING_START + timedelta(seconds=seconds), limit)
    assert turn.elapsed == timedelta(seconds=seconds) and turn.level == level
    assert turn.remaining == (None if remaining is None else timedelta(seconds=remaining))


# -- the service --------------------------------------------------------------------------


@pytest.fixture
def service(store, session, clock):
    session.participants[ZHANG - 1] = replace(session.participants[ZHANG - 1], attendance=Attendance.ABSENT)
    handle = store.create(session)
    yield MeetingService(handle, clock)
    handle.close()


def test_queue_take_out_and_the_floor_to_the_head(service, clock):
    room = service.room
    room.speaker(1)
    room.queue(3)
    room.queue(2)
    assert speaker_queue(service.session) == (3, 2)
    clock.advance(seconds=30)
    event = room.floor_to_next()
    assert (event.kind, event.participant) == (EventKind.SPEAKER, 3)
    assert speaker_queue(service.session) == (2,)
    room.toggle_queue(2)  # in the queue: out
    assert speaker_queue(service.session) == ()
    room.toggle_queue(2)  # not in it: in
    assert speaker_queue(service.session) == (2,)


def test_the_floor_given_any_other_way_takes_them_out_of_the_queue(service):
    service.room.queue(2)
    service.room.queue(3)
    service.room.toggle_speaker(3)
    assert speaker_queue(service.session) == (2,)


@pytest.mark.parametrize(
    ("prepare", "ask", "code"),
    [
        (lambda room: None, lambda room: room.queue(ZHANG), "queue-absent"),
        (lambda room: room.set_attendance(2, Attendance.LEFT), lambda room: room.queue(2), "queue-left"),
        (lambda room: room.speaker(1), lambda room: room.queue(1), "queue-speaking"),
        (lambda room: room.queue(2), lambda room: room.queue(2), "queue-already"),
        (lambda room: None, lambda room: room.unqueue(2), "queue-not-in"),
        (lambda room: None, lambda room: room.floor_to_next(), "queue-empty"),
        (lambda room: None, lambda room: room.queue(9), "no-participant"),
    ],
)
def test_refusals_write_nothing(service, prepare, ask, code):
    prepare(service.room)
    revision = service.handle.revision
    with pytest.raises(ServiceError) as info:
        ask(service.room)
    assert info.value.code == code and service.handle.revision == revision
    for lang in ("en", "zh"):
        assert info.value.text(lang)


def test_an_absent_person_is_refused_with_their_name(service):
    with pytest.raises(ServiceError) as info:
        service.room.toggle_queue(ZHANG)
    assert "张三" in info.value.message and "absent" in info.value.message


def test_someone_marked_absent_or_gone_leaves_the_queue(service):
    service.room.queue(1)
    service.room.queue(2)
    service.room.queue(3)
    service.room.set_attendance(1, Attendance.ABSENT)
    service.room.set_attendance(3, Attendance.LEFT)
    service.room.set_attendance(2, Attendance.LATE)  # still here: still waiting
    assert speaker_queue(service.session) == (2,)


def test_an_ended_meeting_has_no_queue_and_takes_nobody(service):
    service.room.queue(2)
    service.agenda.start()
    service.agenda.end()
    assert speaker_queue(service.session) == ()
    with pytest.raises(ServiceError) as info:
        service.room.queue(3)
    assert info.value.code == "ended"


def test_the_queue_survives_reopening_and_another_terminal_sees_it(service, store, clock):
    service.room.queue(3)
    service.room.queue(1)
    other = MeetingService(store.open("smart-park"), clock)  # a second terminal
    try:
        assert speaker_queue(other.session) == (3, 1)
        other.room.floor_to_next()
        assert speaker_queue(service.session) == (1,)  # the first sees the second's change
        assert service.session.events[-1].participant == 3
    finally:
        other.handle.close()
    raw = json.loads(service.handle.path.read_text())
    kinds = [r["k"] for r in raw["events"].values()]
    assert kinds.count("queue") == 2


# -- the setting --------------------------------------------------------------------------


def test_the_turn_limit_is_off_by_default_and_written_only_when_set():
    assert Settings().turn_limit_minutes is None
    save_settings(Settings())
    assert "turn_limit_minutes" not in json.loads(settings_path().read_text())
    save_settings(Settings(turn_limit_minutes=3))
    assert json.loads(settings_path().read_text())["turn_limit_minutes"] == 3
    assert load_settings()[0].turn_limit_minutes == 3


@pytest.mark.parametrize("bad", [0, -1, 61, "2", True, 1.5])
def test_a_wrong_turn_limit_falls_back_to_none_with_a_message(bad):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"turn_limit_minutes": bad, "bell": True}))
    settings, problem = load_settings()
    assert settings.turn_limit_minutes is None and settings.bell is True
    assert problem is not None and "turn_limit_minutes" in problem


def test_the_palette_offers_every_limit_but_the_current_one_and_off_when_on():
    chosen: list[int | None] = []
    off = turn_limit_commands(None, "en", chosen.append)
    assert [title for title, _ in off][:2] == [
        "speakers: limit each turn to 1 min (now: no limit)",
        "speakers: limit each turn to 2 min (now: no limit)",
    ]
    assert not any("no limit on a turn" in title for title, _ in off)
    on = dict(turn_limit_commands(2, "zh", chosen.append))
    assert "发言:每次发言不限时(当前:2 分钟)" in on
    on["发言:每次发言不限时(当前:2 分钟)"]()
    assert chosen == [None]


# -- the words ----------------------------------------------------------------------------


def test_every_word_of_the_queue_is_in_both_languages_with_the_same_fields():
    from string import Formatter

    from coopconsole.texts.en.speaker_queue import SPEAKER_QUEUE as EN
    from coopconsole.texts.zh.speaker_queue import SPEAKER_QUEUE as ZH

    assert EN.keys() == ZH.keys()

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    for key in EN:
        assert fields(EN[key]) == fields(ZH[key]), key
        assert CATALOGUE["en"][key] == EN[key] and CATALOGUE["zh"][key] == ZH[key]
    assert t("speakers.next", "zh", people="3 Chloe") == "排队:3 Chloe"
