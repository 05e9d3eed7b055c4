"""A meeting started on another day or at another time than planned: the console asks
once whether to move the plan to now (every box kept); the minutes give the day it took
place."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.model import EventKind, SessionStatus
from coopconsole.domain.plan_move import plan_move
from coopconsole.domain.timeline import agenda_state
from coopconsole.minutes import render_minutes
from coopconsole.service import MeetingService, ServiceError
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import ChoiceDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from tests.support.pilot import settle
from tests.support.sessions import MEETING_START, small_session

FIVE_DAYS_EARLY = MEETING_START - timedelta(days=5) + timedelta(hours=4, minutes=33)  # 2026-12-03 13:33


@pytest.mark.parametrize(
    "now, minutes",
    [
        (MEETING_START, None),
        (MEETING_START + timedelta(minutes=29), None),  # a little late: the drift says it
        (MEETING_START - timedelta(minutes=30), None),
        (MEETING_START + timedelta(minutes=45), 45),
        (MEETING_START - timedelta(minutes=31), -31),
        (FIVE_DAYS_EARLY, -(5 * 24 * 60 - 4 * 60 - 33)),
        (MEETING_START + timedelta(days=1), 24 * 60),
        (MEETING_START + timedelta(minutes=45, seconds=50), 45),  # from the minute started
    ],
)
def test_the_plan_moves_when_started_on_another_day_or_far_from_its_start(now, minutes):
    assert plan_move(agenda_state(small_session(), now), now) == minutes


def test_nothing_moves_without_a_date():
    session = small_session()
    assert plan_move(agenda_state(session.__class__(name="x", title="x"), FIVE_DAYS_EARLY), FIVE_DAYS_EARLY) is None


@pytest.fixture
def early(store):
    """The sample meeting prepared for 8 December, its clock started on 3 December."""
    store.create(small_session("kickoff")).close()
    return FrozenClock(FIVE_DAYS_EARLY)


def test_moving_the_plan_keeps_every_box_and_the_written_plan(store, early):
    with store.open("kickoff") as handle:
        service = MeetingService(handle, early)
        written = agenda_state(service.session, early())
        service.agenda.start(move_plan=True)
        state = agenda_state(service.session, early())
        assert state.status is SessionStatus.RUNNING
        assert state.drift == timedelta(0)
        assert state.planned_end - FIVE_DAYS_EARLY == written.planned_end - written.planned_start
        assert [i.box for i in state.items] == [i.box for i in written.items]
        assert service.session.date == small_session().date  # the written plan stays
        assert [e.kind for e in service.session.events] == [EventKind.SHIFT, EventKind.START]
        with pytest.raises(ServiceError):
            service.playbook.undo_replan()  # not a re-plan: nothing for u to take back
        early.advance(minutes=1)
        assert service.agenda.plan_move() is None


def test_keeping_the_plan_keeps_its_drift(store, early):
    with store.open("kickoff") as handle:
        service = MeetingService(handle, early)
        service.agenda.start(move_plan=False)
        assert agenda_state(service.session, early()).drift < -timedelta(days=4)


def test_the_minutes_give_the_day_it_took_place_and_the_day_it_was_planned_for(store, early):
    with store.open("kickoff") as handle:
        service = MeetingService(handle, early)
        service.agenda.start(move_plan=True)
        early.advance(minutes=40)
        service.agenda.end()
        text = render_minutes(service.session, early(), "en")
    assert "**Date**: Thursday 3 December 2026" in text
    assert "**Planned**: Tuesday 8 December 2026, 09:00–" in text
    assert "**Actual**: 13:33–14:13" in text


async def _space(pilot) -> ChoiceDialog:
    await pilot.press("space")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    return dialog


async def test_space_asks_once_and_moving_the_plan_starts_the_meeting_on_time(store, early):
    app = make_app(store=store, session_name="kickoff", clock=early, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await _space(pilot)
        assert (
            dialog.heading
            == "This meeting was planned to start 8 December 2026, 09:00. Move the plan to start now, at 13:33?"
        )
        assert [value for _, value in dialog.choices] == [True, False]
        await pilot.press("enter")
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        state = agenda_state(screen.service.session, early())
        assert state.running and state.drift == timedelta(0)
        await pilot.press("space", "space")  # pause and resume: no more questions
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen) and agenda_state(screen.service.session, early()).running


async def test_keeping_the_plan_or_escape(store, early):
    app = make_app(store=store, session_name="kickoff", clock=early, lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await _space(pilot)
        assert dialog.heading.startswith("本次会议原定 2026年12月8日 09:00 开始")
        await pilot.press("escape")
        screen = await settle(pilot)
        assert agenda_state(screen.service.session, early()).status is SessionStatus.PLANNED
        await _space(pilot)
        await pilot.press("down", "enter")
        screen = await settle(pilot)
        state = agenda_state(screen.service.session, early())
        assert state.running and state.drift < -timedelta(days=4)


async def test_the_question_wraps_at_80_columns_rather_than_cut(store, early):
    app = make_app(store=store, session_name="kickoff", clock=early, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _space(pilot)
        title = dialog.query_one(".dialog-title")
        assert title.size.height == 2  # two lines: the whole question, the now included
        assert title.region.right <= dialog.query_one(".dialog").region.right
