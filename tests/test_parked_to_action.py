"""A parked point turned into an action opens the capture bar on its text, for the owner
and the deadline; Enter saves the action and resolves the point, Escape changes nothing."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label, OptionList

from coopconsole.domain.model import Resolution
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import ChoiceDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.parking_lot import ParkingLotPane
from tests.support.pilot import settle, texts
from tests.support.sessions import small_session

SIZE = (120, 36)


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()

    def start(lang: str = "en"):
        return make_app(store=store, session_name="kickoff", clock=clock, lang=lang)

    return start


async def suggestions(pilot) -> None:
    """Let the input's suggester worker deliver its suggestion."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def action_offered(pilot) -> tuple[MeetingScreen, ChoiceDialog]:
    """Park "@bruno send the pricing model", open what it becomes, and highlight "an action"."""
    await pilot.press("space", "l", *"@bruno send the pricing model", "enter")
    screen = await settle(pilot)
    pane = screen.query_one(ParkingLotPane)
    pane.focus()
    pane.highlighted = 0
    await pilot.press("enter")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    chosen = next(i for i, (_, value) in enumerate(dialog.choices) if value == (Resolution.ACTION, None))
    dialog.query_one(OptionList).highlighted = chosen
    return screen, dialog


async def to_action(pilot) -> MeetingScreen:
    """Park "@bruno send the pricing model", then choose to turn it into an action."""
    screen, _ = await action_offered(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert pilot.app.screen is screen
    return screen


async def test_the_bar_opens_on_the_points_text_and_nothing_is_saved_yet(meeting):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_action(pilot)
        bar = screen.query_one(CaptureBar)
        field = bar.query_one(Input)
        assert bar.display and screen.focused is field
        assert bar.kind == "action" and str(bar.query_one(Label).content).strip() == "Action from parked #1 ▸"
        assert field.value == "send the pricing model " and field.cursor_position == len(field.value)
        parking = screen.query_one(ParkingLotPane)
        assert "@owner" in str(parking.border_subtitle)  # what to add, where the eye is
        session = screen.service.session
        assert session.actions == [] and session.parked[0].resolution is Resolution.OPEN


async def test_enter_saves_the_action_with_its_owner_and_deadline_and_resolves_the_point(meeting, store):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_action(pilot)
        await pilot.press(*"@chl")
        await suggestions(pilot)
        await pilot.press("tab", *"by Dec 10", "enter")  # the name completes as in any capture
        screen = await settle(pilot, 2)
        assert not screen.query_one(CaptureBar).display
        session = screen.service.session
        (action,) = session.actions
        assert (action.owner, action.deliverable, action.deadline.isoformat()) == (
            "Chloe Martin",
            "send the pricing model",
            "2026-12-10",
        )
        assert action.smart.ok and action.item == 1
        point = session.parked[0]
        assert (point.resolution, point.target) == (Resolution.ACTION, action.id)
        actions = screen.query_one(ActionsPane)
        assert screen.focused is actions and actions.selected() == action  # `e` edits it
        assert str(actions.border_subtitle) == "Saved: Action #1"
        parking = screen.query_one(ParkingLotPane)
        assert "now action #1" in texts(parking)[0]
        assert str(parking.border_subtitle) == "Parked #1 → action #1"
    stored = store.open("kickoff").load()
    assert [(a.owner, a.deliverable) for a in stored.actions] == [("Chloe Martin", "send the pricing model")]
    assert (stored.parked[0].resolution, stored.parked[0].target) == (Resolution.ACTION, 1)


async def test_escape_leaves_the_point_open_and_saves_nothing(meeting, store):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_action(pilot)
        parking = screen.query_one(ParkingLotPane)
        await pilot.press(*"@alice", "escape")
        screen = await settle(pilot)
        assert not screen.query_one(CaptureBar).display
        assert screen.focused is parking
        assert str(parking.border_subtitle) == "Saved: Parked point #1"  # as it was
        session = screen.service.session
        assert session.actions == [] and session.parked[0].resolution is Resolution.OPEN
        assert texts(parking)[0].startswith("#1 send the pricing model")
        await pilot.press("a", *"@alice send the deck by Dec 10", "enter")  # a capture after it is a plain one
        screen = await settle(pilot)
        assert [a.deliverable for a in screen.service.session.actions] == ["send the deck"]
        assert screen.service.session.parked[0].resolution is Resolution.OPEN
    assert store.open("kickoff").load().parked[0].resolution is Resolution.OPEN


async def test_a_line_the_parser_refuses_keeps_the_bar_and_the_point_open(meeting):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_action(pilot)
        await pilot.press(*"@alice @bruno", "enter")  # two owners: refused
        screen = await settle(pilot)
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.has_class("-error")
        assert bar.query_one(Input).value == "send the pricing model @alice @bruno"
        session = screen.service.session
        assert session.actions == [] and session.parked[0].resolution is Resolution.OPEN


async def test_the_bar_says_where_the_action_comes_from_in_chinese(meeting):
    app = meeting("zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_action(pilot)
        label = str(screen.query_one(CaptureBar).query_one(Label).content).strip()
        assert label == "停车场 #1 转行动项 ▸"


async def test_letters_that_reach_the_dialog_before_its_choice_go_into_the_bar(meeting):
    # In a terminal, letters typed right behind Enter reach the dialog before the choice
    # Enter makes (the list turns the key into its choice a moment later): posted here in
    # that order. They go into the bar, after the point's text, and stay there once the
    # dialog's result has arrived.
    from textual import events

    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen, dialog = await action_offered(pilot)
        dialog.post_message(events.Key("enter", None))
        for letter in "@chl":
            dialog.post_message(events.Key(letter, letter))
        dialog.query_one(OptionList).action_select()
        screen = await settle(pilot, 2)
        assert pilot.app.screen is screen
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.query_one(Input).value == "send the pricing model @chl"
        assert screen.focused is bar.query_one(Input)
