"""Someone marked absent neither takes the floor unasked nor owns an action unremarked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coopconsole.domain.capture import parse_capture
from coopconsole.domain.model import Attendance, EventKind
from coopconsole.domain.smart import PROBLEMS, smart_check
from coopconsole.minutes import render_minutes
from coopconsole.service import MeetingService, ServiceError
from coopconsole.texts import t
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import ChoiceDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from tests.support.pilot import settle
from tests.support.sessions import MEETING_START, small_session

ZHANG = 4  # 张三, in small_session


@pytest.fixture
def service(store, session, clock):
    session.participants[ZHANG - 1] = replace(session.participants[ZHANG - 1], attendance=Attendance.ABSENT)
    handle = store.create(session)
    yield MeetingService(handle, clock)
    handle.close()


def _speakers(session) -> list[int | None]:
    return [e.participant for e in session.events if e.kind is EventKind.SPEAKER]


# -- the service ----------------------------------------------------------------------


def test_the_floor_is_refused_to_someone_marked_absent_and_nothing_is_written(service, store, clock):
    service.room.speaker(1)
    revision = service.handle.revision
    for give in (service.room.speaker, service.room.toggle_speaker):
        with pytest.raises(ServiceError) as info:
            give(ZHANG)
        assert info.value.code == "absent" and "张三" in info.value.message
    assert service.handle.revision == revision
    again = MeetingService(store.open("smart-park"), clock).session
    assert _speakers(again) == [1] and again.participant(ZHANG).attendance is Attendance.ABSENT
    assert "张三" in info.value.text("zh")


@pytest.mark.parametrize("toggle", [False, True])
def test_arrived_marks_them_late_now_and_gives_them_the_floor(service, clock, toggle):
    clock.advance(minutes=7)
    give = service.room.toggle_speaker if toggle else service.room.speaker
    event = give(ZHANG, arrived=True)
    person = service.session.participant(ZHANG)
    assert (person.attendance, person.arrived_at) == (Attendance.LATE, clock())
    assert event.participant == ZHANG and _speakers(service.session) == [ZHANG]


def test_arrived_changes_nothing_for_someone_in_the_room(service):
    service.room.speaker(1, arrived=True)
    assert service.session.participant(1).attendance is Attendance.PRESENT


def test_an_ended_meeting_refuses_before_marking_anyone_late(service):
    service.agenda.start()
    service.agenda.end()
    with pytest.raises(ServiceError) as info:
        service.room.speaker(ZHANG, arrived=True)
    assert info.value.code == "ended"
    assert service.session.participant(ZHANG).attendance is Attendance.ABSENT


# -- the owner check -------------------------------------------------------------------


def test_an_action_owned_by_someone_absent_is_kept_with_a_note(service):
    action = service.captures.action("@张三 提交测试报告 12月20日前")
    assert (action.owner_id, action.smart.problems) == (ZHANG, ("owner-absent",))
    present = service.captures.action("@alice send the draft MOU by Dec 20")
    assert present.smart.ok


def test_owner_absent_is_the_smart_check_of_a_known_absent_owner(session):
    line = "@alice send the report by Dec 20"
    absent = [replace(session.participants[0], attendance=Attendance.ABSENT)]
    capture = parse_capture(line, absent, MEETING_START)
    assert capture.owner_absent and smart_check(capture, MEETING_START.date()).problems == ("owner-absent",)
    left = [replace(session.participants[0], attendance=Attendance.LEFT)]  # was there: no note
    assert smart_check(parse_capture(line, left, MEETING_START), MEETING_START.date()).ok
    assert "owner-absent" in PROBLEMS


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_minutes_mark_the_action_and_list_the_owner_as_absent(service, clock, lang):
    service.captures.action("@张三 提交测试报告 12月20日前")
    text = render_minutes(service.session, clock(), lang)
    assert t("minutes.check.owner-absent", lang) in text
    absent = next(line for line in text.splitlines() if line.startswith(f"**{t('minutes.info.absent', lang)}**"))
    assert "张三" in absent  # the attendance list names them as absent


# -- the console -----------------------------------------------------------------------


@pytest.fixture
def meeting(store, clock):
    session = small_session("kickoff")
    session.participants[ZHANG - 1] = replace(session.participants[ZHANG - 1], attendance=Attendance.ABSENT)
    store.create(session).close()
    return lambda: make_app(store=store, session_name="kickoff", clock=clock, lang="en")


async def _ask(pilot, key: str) -> ChoiceDialog:
    await pilot.press(key)
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    assert dialog.heading == "张三 is marked absent. Have they arrived?"
    assert [value for _, value in dialog.choices] == [True, False]
    return dialog


async def test_the_digit_key_asks_and_cancel_leaves_the_floor_as_it_was(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        screen = await settle(pilot)
        dialog = await _ask(pilot, "4")
        dialog.dismiss(False)
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        session = screen.service.session
        assert _speakers(session) == [1] and session.participant(ZHANG).attendance is Attendance.ABSENT
        await _ask(pilot, "4")
        await pilot.press("escape")
        screen = await settle(pilot)
        assert _speakers(screen.service.session) == [1]


async def test_arrived_late_marks_them_late_and_gives_them_the_floor(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        clock.advance(minutes=3)
        await _ask(pilot, "4")
        await pilot.press("enter")  # the first choice: arrived (late)
        screen = await settle(pilot, 2)
        session = screen.service.session
        person = session.participant(ZHANG)
        assert (person.attendance, person.arrived_at) == (Attendance.LATE, clock())
        assert _speakers(session) == [1, ZHANG] and screen.frame.view.speaker == ZHANG
        await pilot.press("4")  # now in the room: the key toggles as for anyone
        screen = await settle(pilot)
        assert _speakers(screen.service.session) == [1, ZHANG, None]


async def test_choosing_an_absent_speaker_from_the_list_asks_too(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        screen.give_floor(ZHANG)
        await settle(pilot)
        assert isinstance(pilot.app.screen, ChoiceDialog)
