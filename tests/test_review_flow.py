"""The review of the previous actions in the console: the carried actions first, the
board keys (] [ k) in the footer, the help and the palette, the moves kept on disk, and
the health check once the review is over with an action nobody looked at."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coopconsole.domain.model import ActionItem, ActionStatus, ItemKind
from coopconsole.service import series as folder_series
from coopconsole.texts.health import report
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import HelpDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.meeting_keys import help_lines, palette_commands
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.footer import KeyFooter
from tests.support.pilot import keys_while_saving, settle
from tests.support.sessions import small_session


@pytest.fixture
def follow_up(store, clock):
    """``second`` follows ``first``, which left three actions open (one overdue, one in
    progress) and one done; the console opens ``second``, whose agenda starts with the
    review, at 09:00 on its day."""
    first = small_session("first")
    first.actions = [
        ActionItem(1, "send the draft MOU", owner="Alice Chen", deadline=date(2026, 12, 1)),
        ActionItem(2, "draft the data annex", owner="Chloe Martin", deadline=date(2027, 1, 20)),
        ActionItem(3, "book the site visit", owner="Alice Chen", status=ActionStatus.DONE),
        ActionItem(4, "collect the budgets", owner="张三", deadline=date(2027, 2, 1)),
    ]
    first.actions[1] = replace(first.actions[1], status=ActionStatus.IN_PROGRESS)
    store.create(first).close()
    base = replace(small_session("second"), date=date(2026, 12, 8))
    made = folder_series.follow_up_of(store, "first", base, "en")
    folder_series.create(store, made)

    def start(**kw):
        return make_app(store=store, session_name="second", clock=clock, lang="en", **kw)

    return start


def _rows(pane: ActionsPane) -> list[str]:
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


async def test_the_review_lists_the_carried_actions_first_and_marks_the_overdue(follow_up):
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        assert screen.service.glance().agenda[0].kind is ItemKind.REVIEW
        await pilot.press("space")  # the review is the first item
        screen = await settle(pilot)
        rows = _rows(screen.query_one(ActionsPane))
        assert rows[0].startswith("Previous actions: 3 open, 0 looked at")
        assert rows[1].startswith("#1 [To do] ⚠ 7 d overdue Alice Chen") and "(from first#1)" in rows[1]
        assert rows[2].startswith("#2 [In progress]")
        assert "book the site visit" not in " ".join(rows)  # done: not carried


async def test_the_board_keys_move_the_action_not_yet_looked_at_and_keep_a_remark(follow_up, store):
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        screen = await settle(pilot)
        footer = screen.query_one(KeyFooter).render().plain
        assert footer.startswith(" space Clock  n Next  ] State ▸  [ ◂ State  k Remark ")
        await pilot.press("right_square_bracket")  # nothing highlighted: the first not looked at
        screen = await settle(pilot)
        await pilot.press("k")
        await pilot.pause()
        assert screen.query_one(CaptureBar).display
        await pilot.press(*"legal has the draft", "enter")
        screen = await settle(pilot)
        await pilot.press("right_square_bracket", "left_square_bracket")  # on the highlighted #1
        screen = await settle(pilot)
        await screen.intents.idle()
        rows = _rows(screen.query_one(ActionsPane))
        assert rows[0].startswith("Previous actions: 3 open, 1 looked at")
    with store.open("second") as handle:
        action = handle.load().actions[0]
    assert [(c.status, c.remark) for c in action.history] == [
        (ActionStatus.IN_PROGRESS, ""),
        (ActionStatus.IN_PROGRESS, "legal has the draft"),
        (ActionStatus.UNDER_REVIEW, ""),
        (ActionStatus.IN_PROGRESS, ""),
    ]
    assert action.status is ActionStatus.IN_PROGRESS


async def test_a_move_past_the_last_state_is_refused_in_words(follow_up, store):
    told: list[str] = []
    app = follow_up()
    app.notify = lambda message, **kw: told.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        screen = await settle(pilot)
        await pilot.press(*["right_square_bracket"] * 4)  # to do → ... → done, then once more
        screen = await settle(pilot)
        await screen.intents.idle()
        await settle(pilot)
    assert any("already done" in message for message in told)
    with store.open("second") as handle:
        assert handle.load().actions[0].status is ActionStatus.DONE


async def test_outside_the_review_a_key_with_nothing_highlighted_says_how_to_choose(follow_up, clock):
    told: list[str] = []
    app = follow_up()
    app.notify = lambda message, **kw: told.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)  # the clock has not started: no item is under way
        await pilot.press("right_square_bracket")
        await settle(pilot)
    assert told and "Highlight an action" in told[-1]


async def test_every_board_key_is_in_the_help_and_the_palette(follow_up):
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        lines = {binding_id: keys for binding_id, keys, _ in help_lines(screen, {})}
        assert lines["meeting.state-next"] == "] [" and lines["meeting.remark"] == "k"
        names = [name for name, _ in palette_commands(screen)]
        assert "actions: move the highlighted action to its next state" in names
        assert "actions: move the highlighted action back a state" in names
        assert "actions: add a remark to the highlighted action" in names
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)


async def test_moving_past_the_review_with_an_action_not_looked_at_is_a_health_finding(follow_up, clock, store):
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space", "right_square_bracket")  # only #1 is looked at
        screen = await settle(pilot)
        await screen.intents.idle()
        clock.advance(minutes=5)
        await pilot.press("n")
        screen = await settle(pilot)
        await screen.intents.idle()
    with store.open("second") as handle:
        session = handle.load()
    found = {f["code"]: f["message"] for f in report(session, clock(), "en")}
    assert "previous-actions-not-reviewed" in found
    assert "#2" in found["previous-actions-not-reviewed"] and "#1" not in found["previous-actions-not-reviewed"]
    assert "#1" in found["action-overdue"]


def test_an_action_carried_through_three_meetings_is_a_health_finding(store, clock):
    names = ["m1", "m2", "m3", "m4"]
    first = small_session("m1")
    first.actions = [ActionItem(1, "agree the pilot scope", owner="Alice Chen")]
    store.create(first).close()
    for previous, name in zip(names, names[1:], strict=False):
        base = replace(small_session(name), date=date(2026, 12, 8) + timedelta(weeks=names.index(name)))
        folder_series.create(store, folder_series.follow_up_of(store, previous, base, "en"))
    with store.open("m3") as handle:
        assert "same-action-carried-three-times" not in {f["code"] for f in report(handle.load(), clock(), "en")}
    with store.open("m4") as handle:
        session = handle.load()
    assert session.actions[0].carried == 3
    assert "same-action-carried-three-times" in {f["code"] for f in report(session, clock(), "en")}


async def test_a_move_made_in_another_terminal_shows_in_the_open_console(follow_up, store, clock):
    from coopconsole.service import MeetingService

    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        screen = await settle(pilot)
        assert _rows(screen.query_one(ActionsPane))[2].startswith("#2 [In progress]")
        with store.open("second") as handle:  # as `coopconsole status second#2 review` does
            MeetingService(handle, clock).board.move(2, ActionStatus.UNDER_REVIEW, "sent for sign-off")
        screen.tick()  # the console's once-a-second look
        screen = await settle(pilot)
        rows = _rows(screen.query_one(ActionsPane))
        assert rows[2].startswith("#2 [In review]")
        assert rows[0].startswith("Previous actions: 3 open, 1 looked at")


async def test_keys_pressed_before_the_review_is_drawn_act_on_the_first_carried_action(follow_up, store):
    """Space starts the review on the intent thread; ] and k pressed before its result is
    drawn act on the first carried action all the same (the service picks it after the
    start), not on nothing."""
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)

        def nothing_drawn_yet(screen: MeetingScreen) -> None:
            assert screen.frame is not None and screen.frame.current_item is None

        screen = await keys_while_saving(pilot, "space", "right_square_bracket", "k", meanwhile=nothing_drawn_yet)
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.kind == "remark"
        await pilot.press(*"sent on Monday", "enter")
        screen = await settle(pilot)
        assert not app._notifications  # no "highlight an action first"
    with store.open("second") as handle:
        first = handle.load().actions[0]
    assert [(c.status, c.remark) for c in first.history] == [
        (ActionStatus.IN_PROGRESS, ""),
        (ActionStatus.IN_PROGRESS, "sent on Monday"),
    ]


async def test_two_moves_pressed_before_the_first_is_drawn_move_the_same_action(follow_up, store):
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        screen = await keys_while_saving(pilot, "right_square_bracket", "right_square_bracket")  # both on #1
        assert screen.query_one(ActionsPane).selected().id == 1
        await pilot.press("down", "right_square_bracket")  # then #2
        screen = await settle(pilot)
    with store.open("second") as handle:
        actions = handle.load().actions
    assert [a.status for a in actions[:2]] == [ActionStatus.UNDER_REVIEW, ActionStatus.UNDER_REVIEW]


async def test_a_capture_opened_before_the_remark_is_ready_keeps_its_text(follow_up, store):
    """k with nothing highlighted works out its action on the intent thread; an action
    opened meanwhile in the capture bar is not replaced by the remark, nor its text lost."""
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        screen = await keys_while_saving(pilot, "k", "a", *"call the bank")
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.kind == "action"
        await pilot.press("enter")
        screen = await settle(pilot)
    with store.open("second") as handle:
        session = handle.load()
    assert session.actions[-1].deliverable == "call the bank"
    assert all(not change.remark for action in session.actions for change in action.history)


async def test_a_board_key_with_nothing_to_act_on_says_how_to_choose_one(follow_up, store):
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)  # the review has not started: no carried action is next
        await pilot.press("right_square_bracket")
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert said == ["Highlight an action in the actions pane first (Tab reaches it)."]
    with store.open("second") as handle:
        assert all(not a.history for a in handle.load().actions)


async def test_after_a_move_the_arrow_goes_on_to_the_next_carried_action(follow_up, store):
    app = follow_up()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space", "right_square_bracket")  # #1, the first not looked at
        screen = await settle(pilot)
        await screen.intents.idle()
        await settle(pilot)
        await pilot.press("down", "right_square_bracket")  # then #2
        screen = await settle(pilot)
        await screen.intents.idle()
    with store.open("second") as handle:
        actions = handle.load().actions
    assert [a.status for a in actions[:2]] == [ActionStatus.IN_PROGRESS, ActionStatus.UNDER_REVIEW]
