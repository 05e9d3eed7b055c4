"""The service: each intent validated, durable, and refused with a message when wrong."""

from __future__ import annotations

import errno
import os
from datetime import date

import pytest

from coopconsole.domain.model import EventKind, SessionStatus
from coopconsole.service import MeetingService, ServiceError


@pytest.fixture
def service(store, session, clock):
    handle = store.create(session)
    yield MeetingService(handle, clock)
    handle.close()


def reopen(store, session, clock) -> MeetingService:
    return MeetingService(store.open(session.name), clock)


def test_action_capture_is_parsed_checked_and_durable(service, store, session, clock):
    clock.set(clock().replace(day=1))  # capture on 2026-12-01
    action = service.captures.action("@alice send the draft MOU to Company B by Dec 8")
    assert (action.owner, action.owner_id, action.organisation) == ("Alice Chen", 1, "Company A")
    assert action.deadline == date(2026, 12, 8)
    assert action.deliverable == "send the draft MOU to Company B"
    assert action.smart.ok
    assert reopen(store, session, clock).session.actions == [action]


def test_vague_action_is_kept_and_flagged(service):
    action = service.captures.action("A公司跟进技术方案")
    assert action.deliverable == "A公司跟进技术方案"
    assert set(action.smart.problems) == {"owner-missing", "deadline-missing", "deliverable-vague"}


def test_unparseable_capture_writes_nothing(service, store, session, clock):
    with pytest.raises(ServiceError) as info:
        service.captures.action("@alice fix the deck due someday")
    assert info.value.code == "bad-date" and "someday" in info.value.message
    with pytest.raises(ServiceError, match="empty"):
        service.captures.note("   \n\t ")
    assert reopen(store, session, clock).session.actions == []
    assert reopen(store, session, clock).session.notes == []


def test_captures_attach_to_the_current_item(service, clock):
    assert service.captures.note("before the start").item is None
    service.agenda.start()
    assert service.captures.note("opening remarks").item == 1
    service.agenda.next_item()
    assert service.captures.decision("Pilot on line 3").item == 2
    parked = service.captures.park("@bruno pricing model, revisit by Friday")
    assert (parked.item, parked.raised_by, parked.raised_by_id) == (2, "Bruno Silva", 2)
    assert parked.text == "pricing model, revisit by Friday"
    # Raised by someone the meeting does not list, the date phrase right behind the name.
    unknown = service.captures.park("@王五下周五前再议")
    assert (unknown.raised_by, unknown.raised_by_id, unknown.text) == ("王五", None, "下周五前再议")


def test_typed_text_is_stored_literally_without_control_characters(service):
    note = service.captures.note("[bold]not markup[/bold] \x1b[31mred\x1b[0m\nsecond line")
    assert note.text == "[bold]not markup[/bold] [31mred[0m second line"


def test_clock_intents_are_validated(service, clock):
    with pytest.raises(ServiceError, match="not running"):
        service.agenda.pause()
    with pytest.raises(ServiceError, match="first agenda item"):
        service.agenda.previous_item()
    service.agenda.toggle()
    assert service.state().running
    with pytest.raises(ServiceError, match="already running"):
        service.agenda.start()
    clock.advance(minutes=3)
    service.agenda.toggle()
    assert not service.state().running
    service.agenda.toggle()
    for _ in range(3):
        service.agenda.next_item()
    with pytest.raises(ServiceError, match="last agenda item"):
        service.agenda.next_item()
    service.agenda.previous_item()
    assert service.state().current == 3
    with pytest.raises(ServiceError, match="no participant number 9"):
        service.room.speaker(9)
    service.room.speaker(3)
    service.agenda.extend(5)
    service.agenda.end()
    assert service.state().status is SessionStatus.ENDED
    with pytest.raises(ServiceError, match="ended"):
        service.room.speaker(1)
    kinds = [e.kind for e in service.session.events]
    assert kinds[0] is EventKind.START and kinds[-1] is EventKind.END


def test_countdown_survives_a_restart(service, store, session, clock):
    service.agenda.start()
    clock.advance(minutes=10)
    before = service.state()
    service.handle.close()
    clock.advance(minutes=4)  # the console was closed; the room went on
    after = reopen(store, session, clock).state()
    assert after.running and after.current == before.current == 1
    assert after.current_timing.elapsed.total_seconds() == 14 * 60
    assert after.current_timing.overrun.total_seconds() == 0
    assert after.current_timing.remaining.total_seconds() == 60


def test_a_second_process_capture_is_seen(service, store, session, clock):
    other = reopen(store, session, clock)
    other.captures.note("from the second terminal")
    service.captures.note("from the console")
    assert [n.text for n in service.session.notes] == ["from the second terminal", "from the console"]


def test_disk_full_loses_nothing_and_retry_works(service, store, session, clock, monkeypatch):
    service.captures.note("kept")
    real = os.writev

    def full(fd, parts):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "writev", full)
    with pytest.raises(OSError):
        service.captures.action("@alice send the deck by Dec 8")
    assert service.session.actions == []
    monkeypatch.setattr(os, "writev", real)
    retried = service.captures.action("@alice send the deck by Dec 8")
    assert [a.id for a in reopen(store, session, clock).session.actions] == [retried.id]


def test_read_only_folder_fails_and_retry_works(service, monkeypatch):
    real_open = os.open

    def refuse_temp(path, flags, mode=0o777, **kw):
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", refuse_temp)
    with pytest.raises(PermissionError):
        service.captures.note("not yet")
    monkeypatch.setattr(os, "open", real_open)
    assert service.session.notes == []
    assert service.captures.note("now").id == 1


def test_edit_reparses_an_action_and_keeps_its_identity(service, clock):
    clock.set(clock().replace(day=1))
    action = service.captures.action("A公司跟进技术方案")
    edited = service.captures.edit(action, "@alice send the technical plan draft to Company B by Dec 8")
    assert (edited.id, edited.created_at, edited.status) == (action.id, action.created_at, action.status)
    assert edited.owner == "Alice Chen" and edited.deadline == date(2026, 12, 8) and edited.smart.ok
    assert service.session.actions == [edited]
    note = service.captures.note("first wording")
    assert service.captures.edit(note, "second wording").text == "second wording"
    with pytest.raises(ServiceError):
        service.captures.edit(action, "@alice fix due someday")
    assert service.session.actions == [edited]


def test_parked_point_resolutions(service, store, session, clock):
    from coopconsole.domain.model import Resolution

    service.agenda.start()
    point = service.captures.park("@bruno pricing model for the pilot")
    scheduled = service.captures.resolve_parked(point.id, Resolution.SCHEDULED, item=4)
    assert (scheduled.resolution, scheduled.target) == (Resolution.SCHEDULED, 4)
    as_action = service.captures.resolve_parked(point.id, Resolution.ACTION)
    action = service.session.actions[-1]
    assert as_action.target == action.id and action.text == "pricing model for the pilot"
    assert action.deliverable == "pricing model for the pilot"
    deferred = service.captures.resolve_parked(point.id, Resolution.DEFERRED)
    assert (deferred.resolution, deferred.target) == (Resolution.DEFERRED, None)
    with pytest.raises(ServiceError, match="no agenda item 9"):
        service.captures.resolve_parked(point.id, Resolution.SCHEDULED, item=9)
    assert reopen(store, session, clock).session.parked == [deferred]


def test_attendance_changes_are_durable(service, store, session, clock):
    from coopconsole.domain.model import Attendance

    late = service.room.set_attendance(2, Attendance.LATE)
    assert late.attendance is Attendance.LATE and late.arrived_at == service.now()
    service.room.set_attendance(3, Attendance.ABSENT)
    people = reopen(store, session, clock).session.participants
    assert [p.attendance for p in people] == [
        Attendance.PRESENT,
        Attendance.LATE,
        Attendance.ABSENT,
        Attendance.PRESENT,
    ]
    with pytest.raises(ServiceError, match="no participant number 7"):
        service.room.set_attendance(7, Attendance.ABSENT)


def test_speaker_key_toggles_on_the_saved_state(service, clock):
    service.agenda.start()
    assert service.room.toggle_speaker(2).participant == 2
    assert service.room.toggle_speaker(2).participant is None  # the same key again
    service.room.toggle_speaker(3)
    assert service.room.toggle_speaker(1).participant == 1  # another key: a switch
    service.agenda.pause()  # a pause ends the turn
    service.agenda.resume()
    assert service.room.toggle_speaker(1).participant == 1
    assert service.room.toggle_speaker(None).participant is None


async def test_two_quick_presses_of_one_key_end_with_nobody(store, clock):
    from coopconsole.tui.app import make_app
    from tests.support.sessions import small_session

    store.create(small_session("quick")).close()
    app = make_app(store=store, session_name="quick", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "2", "2")  # both sent before either is saved
        await app.screen.intents.idle()
        await pilot.pause()
        assert app.screen.frame.view.speaker is None
