"""The console's keys for a capture made by mistake: x takes back the selected record and
ctrl+z the last capture, each asked once; j merges the highlighted action into another;
the palette gives back a capture taken back."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from coopconsole.domain.model import ActionItem
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import ChoiceDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.widgets.actions import ActionsPane
from tests.support.pilot import settle, texts
from tests.support.sessions import small_session

SIZE = (120, 36)


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()

    def start(lang: str = "en"):
        return make_app(store=store, session_name="kickoff", clock=clock, lang=lang)

    return start


async def capture_two(pilot, clock) -> MeetingScreen:
    await pilot.press("space", "a", *"@alice send the draft contract by 2026-12-20", "enter")
    await settle(pilot)
    clock.advance(minutes=1)
    await pilot.press("a", *"@bruno send the draft contract by 2026-12-20", "enter")
    return await settle(pilot)


def rows(screen: MeetingScreen) -> list[str]:
    return texts(screen.query_one(ActionsPane))


async def choose(pilot, value) -> None:
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    dialog.query_one(OptionList).highlighted = next(i for i, (_, v) in enumerate(dialog.choices) if v == value)
    await pilot.press("enter")
    await settle(pilot)


async def test_x_asks_naming_the_record_then_the_row_is_gone(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await capture_two(pilot, clock)
        pane = screen.query_one(ActionsPane)
        pane.focus()
        pane.select_id("action-1")
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "Take back action #1 'send the draft contract'?" in dialog.heading
        await choose(pilot, True)
        assert app.screen is screen
        assert not any(row.startswith("#1 ") for row in rows(screen))
        assert any(row.startswith("#2 ") for row in rows(screen))
        assert "Taken back: action #1" in str(pane.border_subtitle)
        session = screen.service.session
        assert [a.id for a in session.actions] == [2] and [r.id for r in session.set_aside] == [1]


async def test_keeping_it_changes_nothing(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await capture_two(pilot, clock)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "#2" in app.screen.heading
        await choose(pilot, False)
        assert [a.id for a in screen.service.session.actions] == [1, 2]


async def test_ctrl_z_takes_back_the_last_capture_and_the_palette_gives_it_back(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await capture_two(pilot, clock)
        await pilot.press("ctrl+z")
        await pilot.pause()
        await choose(pilot, True)
        assert [a.id for a in screen.service.session.actions] == [1]
        screen.taking_back.give_back()
        await pilot.pause()
        (taken,) = [v for _, v in app.screen.choices]
        assert isinstance(taken, ActionItem) and taken.id == 2
        await choose(pilot, taken)
        assert [a.id for a in screen.service.session.actions] == [1, 2]
        assert any(row.startswith("#2 ") for row in rows(screen))


async def test_j_merges_the_highlighted_action_into_the_one_chosen(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await capture_two(pilot, clock)
        pane = screen.query_one(ActionsPane)
        pane.focus()
        pane.select_id("action-2")
        await pilot.press("j")
        await pilot.pause()
        assert [v for _, v in app.screen.choices] == [1]
        await choose(pilot, 1)
        session = screen.service.session
        assert [a.id for a in session.actions] == [1] and session.actions[0].merged == (2,)
        assert session.set_aside[0].merged_into == 1
        assert "Merged: action #2 into #1" in str(pane.border_subtitle)


async def test_the_keys_are_words_in_chinese_too(meeting, clock):
    app = meeting("zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await capture_two(pilot, clock)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "撤回行动项 #2" in app.screen.heading
        await choose(pilot, True)
        assert [a.id for a in screen.service.session.actions] == [1]
