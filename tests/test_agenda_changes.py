"""Changing the agenda during the meeting: the replay of each change, the live view and
the from-scratch functions agreeing, the service's refusals and what it keeps."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from coopconsole.domain.agenda_edit import AgendaEditError, agenda_changes, parse_item_line
from coopconsole.domain.balance import flags
from coopconsole.domain.live import LiveMeeting
from coopconsole.domain.model import AgendaItem, Attendance, Event, EventKind, Role, SessionStatus
from coopconsole.domain.timeline import agenda_state
from coopconsole.service import MeetingService, ServiceError
from tests.support.sessions import MEETING_START, small_session

T0 = MEETING_START
M = lambda n: timedelta(minutes=n)  # noqa: E731


def with_events(*steps, added=()):
    """The sample session with events (minute, kind, fields) and items added live."""
    session = small_session()
    session.agenda = [*session.agenda, *added]
    session.events = [Event(i, T0 + M(at), kind, **kw) for i, (at, kind, kw) in enumerate(steps, start=1)]
    return session


def order(session, now):
    return [
        (t.item, t.projected_start.strftime("%H:%M") if t.projected_start else None)
        for t in agenda_state(session, now).items
    ]


def test_an_added_item_is_placed_after_the_current_one_and_moves_the_projection():
    new = AgendaItem(5, "Budget", minutes=10, owner="Alice Chen", added_at=T0 + M(5))
    session = with_events((0, EventKind.START, {}), (5, EventKind.ADD, {"item": 5, "after": 1}), added=(new,))
    before = agenda_state(session, T0 + M(4))
    assert [t.item for t in before.items] == [1, 2, 3, 4]
    state = agenda_state(session, T0 + M(6))
    assert [t.item for t in state.items] == [1, 5, 2, 3, 4]
    assert state.item(5) == new and state.timing(5).planned_start is None
    assert state.timing(5).projected_start == T0 + M(15)
    assert state.timing(2).projected_start == T0 + M(25)
    assert state.projected_end == before.projected_end + M(10)
    assert state.planned_end == before.planned_end  # the plan is the agenda as written
    assert state.drift == M(10)


def test_next_steps_through_the_agenda_as_it_stood_then():
    new = AgendaItem(5, "Budget", minutes=10, added_at=T0 + M(5))
    session = with_events(
        (0, EventKind.START, {}),
        (5, EventKind.ADD, {"item": 5, "after": 1}),
        (15, EventKind.NEXT, {}),
        (20, EventKind.MOVE, {"item": 4, "after": 5}),  # next steps before directions
        (25, EventKind.NEXT, {}),
        added=(new,),
    )
    state = agenda_state(session, T0 + M(26))
    assert [t.item for t in state.items] == [1, 5, 4, 2, 3]
    assert state.current == 4
    assert state.timing(5).actual_start == T0 + M(15) and state.timing(5).actual_end == T0 + M(25)
    assert state.timing(2).projected_start == T0 + M(45)  # after next steps' 20 minutes


def test_rename_remove_and_the_refused_changes_of_the_replay():
    session = with_events(
        (0, EventKind.START, {}),
        (1, EventKind.RENAME, {"item": 2, "text": "Directions 2027"}),
        (2, EventKind.REMOVE, {"item": 3}),
        (3, EventKind.REMOVE, {"item": 1}),  # the current item: ignored
        (4, EventKind.MOVE, {"item": 1, "after": 4}),  # the current item: ignored
        (5, EventKind.RENAME, {"item": 9, "text": "x"}),  # not on the agenda
    )
    state = agenda_state(session, T0 + M(6))
    assert [t.item for t in state.items] == [1, 2, 4]
    assert state.item(2).title == "Directions 2027"
    assert state.current == 1
    assert state.timing(4).projected_start == T0 + M(60)  # the tea break's 15 minutes saved


def test_an_undo_after_a_move_restores_the_right_items():
    session = with_events(
        (0, EventKind.START, {}),
        (1, EventKind.REPLAN, {"minutes": 1}),
        (1, EventKind.EXTEND, {"item": 2, "minutes": -10}),
        (2, EventKind.MOVE, {"item": 4, "after": 1}),
        (3, EventKind.UNDO, {}),
    )
    state = agenda_state(session, T0 + M(4))
    assert [t.item for t in state.items] == [1, 4, 2, 3]
    assert state.timing(2).box == M(45) and state.timing(4).box == M(20)


def test_live_meeting_follows_each_change_as_it_is_appended():
    session = small_session()
    live = LiveMeeting()
    steps = [
        (0, EventKind.START, {}),
        (3, EventKind.RENAME, {"item": 2, "text": "Roadmap"}),
        (4, EventKind.MOVE, {"item": 4, "after": 1}),
        (6, EventKind.REMOVE, {"item": 3}),
        (16, EventKind.NEXT, {}),
        (17, EventKind.SPEAKER, {"participant": 1}),
    ]
    for n, (at, kind, kw) in enumerate(steps, start=1):
        session.events = [*session.events, Event(n, T0 + M(at), kind, **kw)]
        for later in (0, 1):
            now = T0 + M(at + later)
            assert live.view(session, now).agenda == agenda_state(session, now)
    session.agenda = [*session.agenda, AgendaItem(5, "Budget", minutes=5, added_at=T0 + M(18))]
    session.events = [*session.events, Event(7, T0 + M(18), EventKind.ADD, item=5, after=4)]
    now = T0 + M(19)
    assert live.view(session, now).agenda == agenda_state(session, now)
    assert [t.item for t in agenda_state(session, now).items] == [1, 4, 5, 2]
    assert agenda_state(session, now).current == 4


@pytest.mark.parametrize(
    ("line", "title", "minutes", "owner"),
    [
        ("Budget 15 min @Alice", "Budget", 15, "Alice Chen"),
        ("Budget review, 1h30 @Zoe Park", "Budget review", 90, "Zoe Park"),
        ("Q&A 10m", "Q&A", 10, ""),
        ("预算讨论 20分钟 @张", "预算讨论", 20, "张三"),
        ("Wrap-up", "Wrap-up", None, ""),
        ("Plan for 2027 @bruno", "Plan for 2027", None, "Bruno Silva"),
    ],
)
def test_a_new_items_line_is_read(line, title, minutes, owner):
    parsed = parse_item_line(line, small_session().participants)
    assert (parsed.title, parsed.minutes, parsed.owner) == (title, minutes, owner)


@pytest.mark.parametrize(
    ("line", "code"),
    [("15 min @Alice", "item-no-title"), ("Budget 0 min", "item-bad-box"), ("Budget 600 min", "item-bad-box")],
)
def test_a_bad_line_is_refused(line, code):
    with pytest.raises(AgendaEditError) as info:
        parse_item_line(line)
    assert info.value.code == code


# -- the service ----------------------------------------------------------------------


@pytest.fixture
def service(store, session, clock):
    handle = store.create(session)
    yield MeetingService(handle, clock)
    handle.close()


def reopen(store, session, clock) -> MeetingService:
    return MeetingService(store.open(session.name), clock)


def test_changes_are_events_kept_after_reopening(service, store, session, clock):
    service.agenda.start()
    clock.advance(minutes=12)
    added = service.agenda_edits.add_item("Budget 10 min @Alice")
    service.agenda_edits.rename_item(2, "Roadmap")
    service.agenda_edits.move_item(4, -1)
    service.agenda_edits.remove_item(3)
    again = reopen(store, session, clock)
    state = again.state()
    assert [t.item for t in state.items] == [1, added.id, 2, 4]  # next steps moved above the break, then it went
    assert state.item(2).title == "Roadmap"
    assert [i.title for i in again.session.agenda[:4]] == ["Opening", "Directions", "Tea break", "Next steps"]
    kinds = [e.kind for e in again.session.events]
    assert kinds == [EventKind.START, EventKind.ADD, EventKind.RENAME, EventKind.MOVE, EventKind.REMOVE]
    changes = agenda_changes(again.session)
    assert [(c.kind, c.title) for c in changes] == [
        (EventKind.ADD, "Budget"),
        (EventKind.RENAME, "Directions"),
        (EventKind.MOVE, "Next steps"),
        (EventKind.REMOVE, "Tea break"),
    ]
    assert changes[0].owner == "Alice Chen" and changes[0].after == "Opening" and changes[2].after == "Roadmap"


def test_refusals_write_nothing(service, store, session, clock):
    service.agenda.start()
    clock.advance(minutes=1)
    refused = []
    for attempt in (
        lambda: service.agenda_edits.remove_item(1),  # begun
        lambda: service.agenda_edits.add_item("   "),
        lambda: service.agenda_edits.add_item("Budget 900 min"),
        lambda: service.agenda_edits.rename_item(2, " "),
        lambda: service.agenda_edits.rename_item(9, "x"),
        lambda: service.agenda_edits.move_item(2, -1),  # above the current item
        lambda: service.agenda_edits.move_item(4, 1),  # already last
        lambda: service.agenda_edits.move_item(1, 1),  # begun
        lambda: service.agenda_edits.walk_in("Alice Chen"),
        lambda: service.agenda_edits.walk_in("  "),
    ):
        with pytest.raises(ServiceError) as info:
            attempt()
        refused.append(info.value.code)
    assert refused == [
        "item-started",
        "item-no-title",
        "item-bad-box",
        "item-no-title",
        "no-item",
        "item-no-room",
        "item-no-room",
        "item-begun-move",
        "participant-known",
        "participant-no-name",
    ]
    assert "next item" in ServiceError("item-started", item=1).message
    assert [e.kind for e in reopen(store, session, clock).session.events] == [EventKind.START]
    service.agenda.end()
    with pytest.raises(ServiceError, match="ended"):
        service.agenda_edits.add_item("Late 5 min")


def test_a_walk_in_is_present_arrived_now_and_can_speak(service, store, session, clock):
    service.agenda.start()
    clock.advance(minutes=20)
    person = service.agenda_edits.walk_in("Zoe Park", "Company C", Role.EXPERT_ADVISOR)
    assert (person.id, person.attendance, person.arrived_at, person.walked_in) == (
        5,
        Attendance.PRESENT,
        clock(),
        True,
    )
    service.room.speaker(person.id)
    action = service.captures.action("@zoe send the sensor spec by Dec 20")
    assert action.owner_id == 5
    again = reopen(store, session, clock).session
    assert again.participant(5) == person
    assert [e.kind for e in again.events][-2:] == [EventKind.JOIN, EventKind.SPEAKER]
    clock.advance(minutes=1)
    assert flags(again, clock()).get(5) != "quiet"  # their fair share counts from when they came


def test_jump_to_an_added_item(service, clock):
    service.agenda.start()
    added = service.agenda_edits.add_item("Budget 10 min", after=4)
    service.agenda.goto(added.id)
    state = service.state()
    assert state.current == added.id and state.status is SessionStatus.RUNNING
    assert replace(state.item(added.id), added_at=None).title == "Budget"


# -- the minutes ----------------------------------------------------------------------


def changed_meeting(service, clock):
    from coopconsole.domain.model import Role

    service.agenda.start()
    clock.advance(minutes=12)
    service.agenda_edits.add_item("Budget 15 min @Alice")
    service.agenda_edits.rename_item(2, "Roadmap")
    service.agenda_edits.move_item(4, -1)
    service.agenda_edits.remove_item(3)
    service.agenda_edits.walk_in("Zoe Park", "Company C", Role.EXPERT_ADVISOR)
    clock.advance(minutes=3)
    return service.closing


def test_the_minutes_list_the_changes_and_the_walk_in_in_english(service, clock):
    minutes = changed_meeting(service, clock).minutes("en")
    text = minutes if isinstance(minutes, str) else minutes.text
    assert "Agenda changes during the meeting:" in text
    assert "- Added at 09:12: Budget (15 min, owner Alice Chen)" in text
    assert "- Renamed at 09:12: Directions → Roadmap" in text
    assert "- Moved at 09:12: Next steps, after Roadmap" in text
    assert "- Removed at 09:12: Tea break" in text
    assert "walked in at 09:12" in text
    table = text.split("## 3. Agenda")[1].split("Agenda changes")[0]
    assert table.index("Budget") < table.index("Roadmap") < table.index("Next steps")
    assert "Tea break" not in table and "Directions" not in table
    numbers = [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert numbers[1:] == [str(n) for n in range(1, len(numbers))]  # in the order it ran, not by record


def test_the_minutes_list_the_changes_and_the_walk_in_in_chinese(service, clock):
    minutes = changed_meeting(service, clock).minutes("zh")
    text = minutes if isinstance(minutes, str) else minutes.text
    assert "会中议程调整:" in text
    assert "09:12 添加:Budget(15分钟,负责人 Alice Chen)" in text
    assert "09:12 重命名:Directions → Roadmap" in text
    assert "09:12 移动:Next steps,移到「Roadmap」之后" in text
    assert "09:12 删除:Tea break" in text
    assert "09:12 临时到场" in text


def test_the_closing_checklist_numbers_items_where_they_stand(service, clock):
    """An item added during the meeting is numbered by its place, as the minutes number it."""
    from coopconsole.domain.closing_list import closing_list
    from coopconsole.tui.screens.closing_list import lines

    service.agenda.start()
    service.agenda_edits.add_item("Budget 10 min @Alice")
    session = service.session
    state = agenda_state(session, clock())
    rows = lines(closing_list(session, state), session, state, "en")
    shown = [str(row.prompt) for row in rows if row is not None and (row.id or "").startswith("item-")]
    assert shown[0] == "2. Budget"  # its record is the session's fifth item
    assert shown[1].startswith("3. ")  # the second item of the agenda as written comes third
