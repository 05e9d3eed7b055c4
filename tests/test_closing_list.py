"""The closing checklist (ctrl+e): what is on it (pure), deferring an item never reached
(the service), and the list in the console: counts, each line's fix, ending, going back."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from textual.widgets import Label, OptionList

from coopconsole.domain.closing_list import closing_list
from coopconsole.domain.model import (
    ActionItem,
    ActionStatus,
    Attendance,
    Decision,
    EventKind,
    ParkedItem,
    Resolution,
    SessionStatus,
    SmartCheck,
    Stance,
)
from coopconsole.domain.timeline import agenda_state
from coopconsole.service import MeetingService, ServiceError
from coopconsole.texts import t
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.closing_list import ClosingListDialog
from coopconsole.tui.screens.dialogs import ChoiceDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.widgets.capture_bar import CaptureBar
from tests.support.pilot import settle, texts
from tests.support.sessions import MEETING_START, small_session

# -- what is on the list ------------------------------------------------------------------


def _state(session, minutes=30):
    return agenda_state(session, MEETING_START + timedelta(minutes=minutes))


def _started(session, *moves):
    """``session`` with its clock started at the meeting's start, then ``moves``
    (``("goto", item)`` / ``("next", None)``) a minute apart."""
    from coopconsole.domain.model import Event

    session.events = [Event(1, MEETING_START, EventKind.START)]
    for i, (kind, item) in enumerate(moves, start=2):
        session.events.append(Event(i, MEETING_START + timedelta(minutes=i), EventKind(kind), item=item))
    return session


def test_items_never_reached_leave_out_breaks_and_those_already_dealt_with():
    session = _started(small_session())  # on item 1: 2 and 4 to come, 3 is a break
    assert [i.id for i in closing_list(session, _state(session)).unreached] == [2, 4]
    session = _started(small_session(), ("goto", 4))
    assert [i.id for i in closing_list(session, _state(session)).unreached] == [2]
    deferred = ParkedItem(1, "Directions", resolution=Resolution.DEFERRED, target=2)
    session.parked = [deferred]
    assert closing_list(session, _state(session)).unreached == ()
    session.parked = [replace(deferred, resolution=Resolution.OPEN)]  # parked by a re-plan: the point is listed
    found = closing_list(session, _state(session))
    assert [i.id for i in found.unreached] == [2] and [p.id for p in found.parked] == [1]


def test_an_item_the_plan_dropped_is_not_listed_as_never_reached():
    from coopconsole.domain.model import Event

    session = _started(small_session())
    session.events.append(Event(9, MEETING_START + timedelta(minutes=5), EventKind.DROP, item=4))
    assert [i.id for i in closing_list(session, _state(session)).unreached] == [2]


def test_a_meeting_not_started_has_every_topic_never_reached():
    session = small_session()
    assert [i.id for i in closing_list(session, _state(session)).unreached] == [1, 2, 4]


def test_only_open_parked_points_are_listed():
    session = small_session()
    session.parked = [
        ParkedItem(1, "open one"),
        ParkedItem(2, "scheduled", resolution=Resolution.SCHEDULED, target=4),
        ParkedItem(3, "an action now", resolution=Resolution.ACTION, target=1),
        ParkedItem(4, "next time", resolution=Resolution.DEFERRED),
    ]
    assert [p.id for p in closing_list(session, _state(session)).parked] == [1]


def test_actions_failing_the_smart_check_as_it_was_made():
    session = small_session()
    vague = SmartCheck(("owner-missing", "deliverable-vague"))
    session.actions = [
        ActionItem(1, "send the report", owner="Alice Chen", owner_id=1),
        ActionItem(2, "follow up", smart=vague),
        ActionItem(3, "follow up too", smart=vague, status=ActionStatus.DONE),
        ActionItem(4, "carried", smart=vague, origin="kickoff-0#2"),
        ActionItem(5, "look into it", smart=SmartCheck(("deadline-missing",)), status=ActionStatus.IN_PROGRESS),
    ]
    assert [a.id for a in closing_list(session, _state(session)).actions] == [2, 5]


def test_decisions_lack_the_positions_of_the_organisations_in_the_room():
    session = small_session()  # Company A, Company B, 智算科技
    session.decisions = [
        Decision(1, "Pilot in Park A"),
        Decision(2, "Share the data", agreement=(("Company A", Stance.AGREE),)),
        Decision(3, "Meet monthly", agreement=tuple((o, Stance.AGREE) for o in ("Company A", "Company B", "智算科技"))),
    ]
    found = closing_list(session, _state(session)).positions
    assert [(m.decision.id, m.organisations) for m in found] == [
        (1, ("Company A", "Company B", "智算科技")),
        (2, ("Company B", "智算科技")),
    ]
    session.participants[3] = replace(session.participants[3], attendance=Attendance.ABSENT)  # 智算科技 not here
    assert [m.organisations for m in closing_list(session, _state(session)).positions][1] == ("Company B",)
    session.participants = [replace(p, organisation="") for p in session.participants]  # nobody to ask
    assert closing_list(session, _state(session)).positions == ()


def test_the_count_and_nothing_open():
    session = _started(small_session(), ("goto", 2), ("goto", 4))
    found = closing_list(session, _state(session))
    assert found.empty and found.count == 0
    session.parked = [ParkedItem(1, "open")]
    session.decisions = [Decision(1, "Pilot")]
    assert closing_list(session, _state(session)).count == 2


# -- deferring an item never reached ---------------------------------------------------------


@pytest.fixture
def service(store, clock):
    store.create(small_session("kickoff")).close()
    with store.open("kickoff") as handle:
        yield MeetingService(handle, clock)


def test_an_item_never_reached_is_deferred_to_the_next_meeting(service, clock):
    service.agenda.start()
    clock.advance(minutes=5)
    point = service.closing_list.defer_item(4)
    assert (point.text, point.resolution, point.target, point.item) == ("Next steps", Resolution.DEFERRED, 4, 1)
    session = service.session
    assert session.events[-1].kind is EventKind.DROP and session.events[-1].item == 4
    state = service.state()
    assert state.timing(4).dropped
    assert [i.id for i in closing_list(session, state).unreached] == [2]
    with pytest.raises(ServiceError) as again:
        service.closing_list.defer_item(4)
    assert again.value.code == "item-deferred"
    with pytest.raises(ServiceError) as begun:
        service.closing_list.defer_item(1)
    assert begun.value.code == "item-begun"
    with pytest.raises(ServiceError) as missing:
        service.closing_list.defer_item(9)
    assert missing.value.code == "no-item"


def test_after_the_end_an_item_is_deferred_without_touching_the_plan(service, clock):
    service.agenda.start()
    clock.advance(minutes=5)
    service.agenda.end()
    events = len(service.session.events)
    point = service.closing_list.defer_item(2)
    assert point.resolution is Resolution.DEFERRED and point.target == 2
    assert len(service.session.events) == events  # no DROP after the end
    assert [i.id for i in closing_list(service.session, service.state()).unreached] == [4]


# -- the list in the console ----------------------------------------------------------------

SIZE = (120, 36)


@pytest.fixture
def meeting(store, clock):
    """A meeting on item 4 (item 2 never reached), with one open parked point, one action
    failing the SMART check, one that passes, and one decision without positions."""
    store.create(small_session("kickoff")).close()
    with store.open("kickoff") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        clock.advance(minutes=10)
        service.agenda.goto(4)
        service.captures.action("@alice send the draft MOU to Company B by Dec 10")
        service.captures.action("follow up")
        service.captures.park("@chloe budget for the second year")
        service.captures.decision("Pilot in Park A")
        clock.advance(minutes=1)
    return lambda lang="en", name="kickoff": make_app(store=store, session_name=name, clock=clock, lang=lang)


async def _open_list(pilot) -> ClosingListDialog:
    await settle(pilot)
    await pilot.press("ctrl+e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ClosingListDialog)
    return dialog


def _lines(dialog) -> list[str]:
    return texts(dialog.query_one(OptionList))


def _title(dialog) -> str:
    return str(dialog.query_one("#closing-title", Label).content)


async def _to(pilot, dialog, option_id: str) -> None:
    """Move the highlight to ``option_id`` with the arrow keys."""
    options = dialog.query_one(OptionList)
    for _ in range(options.option_count):
        if options.highlighted_option is not None and options.highlighted_option.id == option_id:
            return
        await pilot.press("down")
    raise AssertionError(f"{option_id} is not on the list: {_lines(dialog)}")


async def _answered(pilot) -> None:
    """Let the list take an answer: the intent saved, the meeting's frame redrawn."""
    await pilot.pause()
    meeting = next(s for s in pilot.app.screen_stack if isinstance(s, MeetingScreen))
    await meeting.intents.idle()
    await pilot.pause()


async def test_ctrl_e_lists_what_is_open_grouped_with_counts(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        dialog = await _open_list(pilot)
        assert _title(dialog) == "Before the meeting ends: 4 left open"
        lines = _lines(dialog)
        assert lines == [
            "Agenda items never reached (1)",
            "2. Directions",
            "Parked points still open (1)",
            "#1 budget for the second year · raised by Chloe Martin",
            "Actions failing the SMART check (1)",
            "#2 follow up · no owner, no deadline, vague",
            "Decisions without every organisation's position (1)",
            "#1 Pilot in Park A · no position from Company A, Company B, 智算科技",
            "End the meeting now",
            "Back to the meeting",
        ]
        assert dialog.query_one(OptionList).highlighted_option.id == "item-2"  # the first line to fix


async def test_enter_on_an_action_opens_the_edit_bar_on_it(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        dialog = await _open_list(pilot)
        await _to(pilot, dialog, "action-2")
        await pilot.press("enter")
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        bar = screen.query_one(CaptureBar)
        assert bar.display and isinstance(bar.record, ActionItem) and bar.record.id == 2
        assert bar.text == "follow up" and bar.has_focus_within
        await pilot.press(*" by Dec 12", "enter")
        await settle(pilot)
        assert "deadline-missing" not in screen.service.session.actions[1].smart.problems
        dialog = await _open_list(pilot)  # back to the list: rebuilt
        assert any(line.startswith("#2 follow up by Dec 12 · no owner, vague") for line in _lines(dialog))


async def test_end_the_meeting_now_ends_it_and_escape_leaves_it_running(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        await _open_list(pilot)
        await pilot.press("escape")
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        assert screen.frame.view.agenda.status is SessionStatus.RUNNING
        dialog = await _open_list(pilot)
        await _to(pilot, dialog, "end")
        await pilot.press("enter")
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        assert screen.frame.view.agenda.status is SessionStatus.ENDED
        dialog = await _open_list(pilot)  # after the end: still there to fix, no "end" any more
        assert _title(dialog) == "The meeting has ended: 4 left open"
        assert "End the meeting now" not in _lines(dialog)
        await pilot.press("up", "enter")  # "Back to the meeting", from the top
        await settle(pilot)
        assert isinstance(pilot.app.screen, MeetingScreen)


async def test_back_to_the_meeting_closes_the_list(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        dialog = await _open_list(pilot)
        await _to(pilot, dialog, "back")
        await pilot.press("enter")
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        assert screen.frame.view.agenda.status is SessionStatus.RUNNING


async def test_an_item_never_reached_is_deferred_or_gone_to_from_the_list(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        dialog = await _open_list(pilot)
        await pilot.press("enter")  # on "2. Directions"
        await pilot.pause()
        question = pilot.app.screen
        assert isinstance(question, ChoiceDialog) and question.heading == "Item 2. Directions was never reached"
        assert [label for label, _ in question.choices] == ["Go to it now", "Defer it to the next meeting"]
        await pilot.press("down", "enter")  # defer
        await _answered(pilot)
        assert pilot.app.screen is dialog
        assert "Agenda items never reached (1)" not in _lines(dialog)
        assert _title(dialog) == "Before the meeting ends: 3 left open"
        assert dialog.query_one(OptionList).highlighted_option.id == "parked-1"  # the next line to fix
        point = dialog.meeting.service.session.parked[-1]
        assert (point.resolution, point.target) == (Resolution.DEFERRED, 2)


async def test_go_to_an_item_never_reached_closes_the_list(store, clock):
    store.create(small_session("fresh")).close()
    with store.open("fresh") as handle:
        MeetingService(handle, clock).agenda.start()
    app = make_app(store=store, session_name="fresh", clock=clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _open_list(pilot)
        await pilot.press("enter", "enter")  # "2. Directions", "Go to it now"
        await _answered(pilot)
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        assert screen.frame.view.agenda.current == 2


async def test_a_parked_point_is_resolved_from_the_list(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        dialog = await _open_list(pilot)
        await _to(pilot, dialog, "parked-1")
        await pilot.press("enter")
        await pilot.pause()
        question = pilot.app.screen
        assert isinstance(question, ChoiceDialog)
        assert question.heading == t("pick.resolve", "en", id=1, text="budget for the second year")
        question.dismiss(next(value for _, value in question.choices if value[0] is Resolution.DEFERRED))
        await _answered(pilot)
        assert pilot.app.screen is dialog
        assert not any(line.startswith("Parked points") for line in _lines(dialog))


async def test_a_parked_point_turned_into_an_action_opens_the_bar(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        dialog = await _open_list(pilot)
        await _to(pilot, dialog, "parked-1")
        await pilot.press("enter")
        await pilot.pause()
        question = pilot.app.screen
        assert isinstance(question, ChoiceDialog)
        question.dismiss(next(value for _, value in question.choices if value[0] is Resolution.ACTION))
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        bar = screen.query_one(CaptureBar)
        assert bar.display and isinstance(bar.record, ParkedItem) and bar.record.id == 1


async def test_positions_on_a_decision_are_asked_from_the_list(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        dialog = await _open_list(pilot)
        await _to(pilot, dialog, "decision-1")
        await pilot.press("enter")
        for org in ("Company A", "Company B", "智算科技"):
            await _answered(pilot)
            question = pilot.app.screen
            assert isinstance(question, ChoiceDialog)
            assert question.heading == t("positions.ask", "en", org=org, text="Pilot in Park A")
            await pilot.press("enter")  # agree
        await _answered(pilot)
        await _answered(pilot)
        assert pilot.app.screen is dialog
        assert not any(line.startswith("Decisions without") for line in _lines(dialog))
        assert dict(dialog.meeting.service.session.decisions[0].agreement) == {
            "Company A": Stance.AGREE,
            "Company B": Stance.AGREE,
            "智算科技": Stance.AGREE,
        }


async def test_nothing_left_open_still_offers_both_ways_out(store, clock):
    store.create(small_session("tidy")).close()
    with store.open("tidy") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        clock.advance(minutes=10)
        service.agenda.goto(2)
        clock.advance(minutes=10)
        service.agenda.goto(4)
    app = make_app(store=store, session_name="tidy", clock=clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_list(pilot)
        assert _title(dialog) == "Before the meeting ends"
        assert _lines(dialog) == ["Nothing left open.", "End the meeting now", "Back to the meeting"]
        assert dialog.query_one(OptionList).highlighted_option.id == "end"
        await pilot.press("enter")
        screen = await settle(pilot)
        assert screen.frame.view.agenda.status is SessionStatus.ENDED


async def test_the_list_in_chinese(meeting):
    async with meeting("zh").run_test(size=(80, 24)) as pilot:
        dialog = await _open_list(pilot)
        assert _title(dialog) == "结束会议前的收尾检查:还有 4 项未了结"
        lines = _lines(dialog)
        assert lines[0] == "未进行的议题(1)" and "#2 follow up · 缺负责人, 缺截止日期, 交付物不明确" in lines
        assert lines[-2:] == ["现在结束会议", "返回会议"]


async def test_a_long_list_scrolls_inside_the_dialog_at_80_by_24(store, clock):
    session = small_session("busy")
    session.parked = [ParkedItem(i, f"point number {i}") for i in range(1, 31)]
    store.create(session).close()
    app = make_app(store=store, session_name="busy", clock=clock, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_list(pilot)
        options = dialog.query_one(OptionList)
        assert options.max_scroll_y > 0
        hint = dialog.query_one("#closing-hint", Label)
        title = dialog.query_one("#closing-title", Label)
        for label in (hint, title):  # both stay on screen
            assert 0 <= label.region.y < 24 and label.region.height > 0
        await pilot.press("end", "up", "up")  # the last point, just above the two ways out
        assert options.highlighted_option.id == "parked-30"
        assert options.scroll_y > 0


async def test_the_palette_and_the_help_describe_the_checklist(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert "meeting: closing checklist, then end the meeting" in {title for title, _ in screen.palette_commands()}
        assert "Closing checklist" in t("help.end", "en") and "收尾检查" in t("help.end", "zh")


async def test_ending_from_the_list_asks_for_each_goal_as_before(store, clock):
    from coopconsole.domain.model import Goal, GoalTier

    session = small_session("goals")
    session.goals = [Goal(1, GoalTier.PRIMARY, "Identify three pilot projects")]
    store.create(session).close()
    app = make_app(store=store, session_name="goals", clock=clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _open_list(pilot)
        await pilot.press("end", "up", "enter")  # "End the meeting now"
        await _answered(pilot)
        question = pilot.app.screen
        assert isinstance(question, ChoiceDialog)
        assert question.heading == "Goal reached? Primary · Identify three pilot projects"
        await pilot.press("enter")  # yes: the answer reaches the meeting, the list being gone
        await _answered(pilot)
    assert [g.achieved for g in store.open("goals").load().goals] == [True]
