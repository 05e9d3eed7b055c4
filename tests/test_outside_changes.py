"""Records added to the open session from another terminal come with a short notice; the
console's own saves never do. Another terminal is a second service on the same file."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from coopconsole.domain.model import ActionStatus
from coopconsole.service import MeetingService
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import HelpDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.outside_changes import NOTICE_S, _quote
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


@pytest.fixture
def told(monkeypatch):
    """Every notice the meeting screen gives: (message, timeout)."""
    said: list[tuple[str, float | None]] = []
    monkeypatch.setattr(MeetingScreen, "notify", lambda self, message, **kw: said.append((message, kw.get("timeout"))))
    return said


def elsewhere(store, clock, write) -> None:
    """``write(service)`` as another terminal would: its own handle on the file."""
    with store.open("kickoff") as handle:
        write(MeetingService(handle, clock))


async def looks(pilot, times: int = 2) -> MeetingScreen:
    """Let the meeting screen look at its file ``times`` times, as its ticks do once a
    second (whatever screen is over it)."""
    screen = next(s for s in pilot.app.screen_stack if isinstance(s, MeetingScreen))
    for _ in range(times):
        await screen.intents.idle()
        screen.tick()
        await pilot.pause()
    return screen


async def test_an_action_added_elsewhere_is_shown_and_announced(meeting, store, clock, told):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        elsewhere(store, clock, lambda s: s.captures.capture("action", "@chloe send the signed MOU by Dec 10"))
        screen = await looks(pilot)
        assert any("send the signed MOU" in row for row in texts(screen.query_one(ActionsPane)))
        assert told == [("Added from another terminal: action #1 · Chloe Martin · send the signed MOU", NOTICE_S)]
        await looks(pilot, 3)
        assert len(told) == 1  # said once


async def test_a_burst_is_one_notice(meeting, store, clock, told):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)

        def burst(service: MeetingService) -> None:
            service.captures.capture("note", "line 3 has the cleanest data")
            service.captures.capture("decision", "Pilot on line 3")
            service.captures.capture("park", "@bruno pricing model")

        elsewhere(store, clock, burst)
        await looks(pilot, 1)
        elsewhere(store, clock, lambda s: s.captures.capture("note", "one more, a moment later"))
        await looks(pilot)
        assert [message for message, _ in told] == ["4 records added from another terminal"]


async def test_the_consoles_own_saves_are_not_announced(meeting, store, clock, told):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o", *"our own note", "enter")
        await settle(pilot)
        await looks(pilot, 3)
        assert told == []
        # A record from elsewhere, then one of ours in the same read of the file: only
        # the other terminal's is announced.
        elsewhere(store, clock, lambda s: s.captures.capture("note", "from the hall"))
        await pilot.press("o", *"ours again", "enter")
        screen = await settle(pilot)
        assert [n.text for n in screen.service.session.notes] == ["our own note", "from the hall", "ours again"]
        await looks(pilot, 3)
        assert [message for message, _ in told] == ["Added from another terminal: note #2 · from the hall"]


async def test_a_state_changed_elsewhere_is_announced(meeting, store, clock, told):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"@alice send the deck by Dec 10", "enter")
        await settle(pilot)
        elsewhere(store, clock, lambda s: s.board.move(1, ActionStatus.IN_PROGRESS))
        await looks(pilot)
        assert [message for message, _ in told] == ["Changed from another terminal: action #1 is now In progress"]


async def test_changes_made_while_the_board_is_over_the_meeting_are_not_announced(meeting, store, clock, told):
    """The board, over the meeting, writes through its own handle on the file: what comes
    in meanwhile is shown in the panes, not announced as another terminal's."""
    from coopconsole.tui.board_app import open_board
    from coopconsole.tui.screens.board import BoardScreen

    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"@alice send the deck by Dec 10", "enter")
        screen = await settle(pilot)
        open_board(app, "en")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        elsewhere(store, clock, lambda s: s.board.move(1, ActionStatus.DONE))  # as the board saves
        screen.tick()
        app.screen.action_close()
        await pilot.pause()
        assert app.screen is screen
        await looks(pilot, 3)
        assert told == []
        assert screen.service.glance().actions[0].status is ActionStatus.DONE


async def test_a_dialog_over_the_meeting_does_not_hold_the_notice_back(meeting, store, clock, told):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        elsewhere(store, clock, lambda s: s.captures.capture("note", "while the help was open"))
        await looks(pilot)
        assert [message for message, _ in told] == ["Added from another terminal: note #1 · while the help was open"]


async def test_the_notice_is_in_the_consoles_language(meeting, store, clock, told):
    app = meeting("zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        elsewhere(store, clock, lambda s: s.captures.capture("note", "张三下周提交方案"))
        await looks(pilot)
        assert [message for message, _ in told] == ["其他终端新增:讨论要点 #1 · 张三下周提交方案"]


def test_a_long_text_is_quoted_by_cells_never_splitting_a_character():
    text = "智慧园区" * 20
    quoted = _quote(text)
    assert cell_len(quoted) <= 40 and quoted.endswith("…")
    assert text.startswith(quoted.removesuffix("…").rstrip())  # whole characters only
    assert _quote("short") == "short"
