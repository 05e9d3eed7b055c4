"""Opening and closing the capture bar moves no pane: the bar lies over the lower panes
on a layer of its own, so closing it after a capture redraws the rows it covered and the
new row, not the whole screen."""

from __future__ import annotations

from textual.widgets import Input

from coopconsole.store import SessionStore
from coopconsole.tui.app import make_app
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from tests.support.pilot import capture, settle
from tests.support.pty_console import PtyConsole, console_env
from tests.support.sessions import small_session

SIZE = (120, 36)
DRAFT = "@alice send the draft MOU by Friday"


class LooksAfterIntents:
    """Each look at the session that follows an intent's result (the clock's own tick
    may come in between at any time): the screen's frame before and after it, and which
    widget had the focus as it began."""

    def __init__(self, screen, monkeypatch) -> None:
        self.seen: list[tuple[object, object, object]] = []  # (frame before, frame after, focused)
        tick, intent_done = screen.tick, screen.looks.intent_done
        pending: list[bool] = []

        def spied_done() -> None:  # an intent's result: the screen ticks next
            pending.append(True)
            intent_done()

        def spied_tick(timed: bool = True) -> None:
            before, focused = screen.frame, screen.focused
            tick(timed)
            if pending:
                pending.clear()
                self.seen.append((before, screen.frame, focused))

        monkeypatch.setattr(screen.looks, "intent_done", spied_done)
        monkeypatch.setattr(screen, "tick", spied_tick)


def regions(screen) -> dict[str, object]:
    """Where every widget of the screen but the bar and what is in it is drawn."""
    bar = screen.query_one(CaptureBar)
    return {
        f"{type(w).__name__}#{w.id}": w.region
        for w in screen.query("*")
        if w is not bar and bar not in w.ancestors and w.display
    }


async def test_the_bar_opens_and_closes_over_the_panes_without_moving_them(store, clock):
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        screen = await settle(pilot)
        before = regions(screen)
        await pilot.press("a")
        await pilot.pause()
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.region.height == 3
        assert regions(screen) == before  # opened: nothing under it moved
        # Over the last rows of the lower panes, ending right above the footer.
        actions = screen.query_one(ActionsPane)
        assert bar.region.bottom == screen.size.height - 1
        assert bar.region.y < actions.region.bottom and bar.region.width == screen.size.width
        bar.query_one(Input).value = DRAFT
        await pilot.press("enter")
        screen = await settle(pilot)
        assert not bar.display
        assert regions(screen) == before  # closed, the action saved: still nothing moved
        assert "send the draft MOU" in actions.get_option_at_index(0).prompt.plain


def test_saving_a_capture_redraws_a_few_rows_not_the_screen(tmp_path):
    """Through the terminal's bytes: from Enter until the saved row is drawn (and a moment
    after), the console paints far fewer cells than one screen. It used to paint the whole
    screen twice: the panes growing back as the bar closed, and Textual's repaint of the
    whole screen when the focus moved back to a pane."""
    store = SessionStore(tmp_path / "sessions")
    store.create(small_session("kickoff")).close()
    console = PtyConsole(["--sessions-dir", str(tmp_path / "sessions"), "--lang", "en", "open", "kickoff"],
                         console_env(tmp_path))  # fmt: skip
    try:
        console.wait_for("Speakers")
        console.settle(1.0)
        console.write(b"a")
        console.settle(1.0)
        console.write(b"send the sensor list by Friday")
        console.wait_for("sensor list by Friday")
        console.settle(1.0)
        mark = len(console.painted())
        console.write(b"\r")
        console.until(lambda: console.painted().count("sensor list") >= 2, "the saved row")
        console.settle(0.3)
        painted = len(console.painted()) - mark
        columns, rows = SIZE
        assert painted < columns * rows // 2, console.painted()[mark:]
    finally:
        console.close()


async def test_a_capture_keeps_the_clock_figures_and_a_speaker_change_does_not(store, clock, monkeypatch):
    """A capture adds no event: the figures the screen shows (the clock, the floor) are those
    of the last second, kept, and the agenda's and the speakers' panes work nothing out;
    the new row is drawn. A speaker change is an event: the figures are worked out again
    at once, and the new speaker shows without waiting for the next second. (The clock's
    own tick may come in between at any time: each look after a change is compared with
    the frame just before it.)"""
    from coopconsole.tui.widgets import agenda, speakers

    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "1")
        screen = await settle(pilot)
        worked: list[object] = []  # the frames the two panes worked out
        countdown_of, rows = agenda.countdown_of, speakers._rows
        monkeypatch.setattr(agenda, "countdown_of", lambda f: worked.append(f) or countdown_of(f))
        monkeypatch.setattr(speakers, "_rows", lambda f, *a: worked.append(f) or rows(f, *a))
        looks = LooksAfterIntents(screen, monkeypatch)
        screen = await capture(pilot, "a", DRAFT)
        [(before, after, _)] = looks.seen
        assert after is not before and after.view is before.view
        assert after not in worked
        assert "send the draft MOU" in screen.query_one(ActionsPane).get_option_at_index(0).prompt.plain
        looks.seen.clear()
        await pilot.press("2")
        screen = await settle(pilot)
        [(before, after, _)] = looks.seen
        assert after.view is not before.view and after.view.speaker not in (None, before.view.speaker)
        assert worked.count(after) == 2  # the agenda's countdown and the speakers' rows


async def test_the_pane_has_the_focus_in_the_frame_that_draws_the_saved_row(store, clock, monkeypatch):
    """The focus goes back to the pane as the bar closes, before the look that draws the
    new row: the pane is drawn once, focused, with the row. (Given through ``focus()``,
    which waits for the keys already queued, it came a frame later, and that frame drew
    the whole pane and its scrollbar again for the focus's look.)"""
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        screen = await settle(pilot)
        actions = screen.query_one(ActionsPane)
        looks = LooksAfterIntents(screen, monkeypatch)
        screen = await capture(pilot, "a", DRAFT)
        assert [focused for _, _, focused in looks.seen] == [actions]
        assert screen.focused is actions
        assert "send the draft MOU" in actions.get_option_at_index(0).prompt.plain


async def test_a_closed_bar_holds_nothing_and_opens_empty(store, clock):
    """The bar's field is not emptied as the bar closes (that asked for a layout of its
    own): the bar holds nothing while closed all the same, and opens with only what it is
    opened with."""
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        bar = screen.query_one(CaptureBar)
        field = bar.query_one(Input)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"half a thought")
        assert bar.text == "half a thought"
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display and bar.text == ""
        await pilot.press("o")
        await pilot.pause()
        assert bar.display and field.value == "" and bar.text == ""
        await pilot.press(*"the room agrees")
        await pilot.press("enter")
        screen = await settle(pilot)
        assert not bar.display and bar.text == ""
        assert screen.focused is screen.query_one(ActionsPane)
        await pilot.press("a")
        await pilot.pause()
        assert field.value == "" and field.cursor_position == 0


async def test_the_saved_row_is_highlighted_as_its_result_is_handled(store, clock, monkeypatch):
    """The new row is highlighted by the same call that hands the pane its rows, so no
    frame can show the row before its highlight (a highlight queued for later scrolled a
    full list under the note-taker's eyes, a frame after the row appeared)."""
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        screen = await settle(pilot)
        actions = screen.query_one(ActionsPane)
        seen: list[object] = []
        run = screen.intents.run

        def spied_run(intent, done, failed):
            def checked(result):
                done(result)
                option = actions.highlighted_option
                seen.append(option.id if option is not None else None)

            run(intent, checked, failed)

        monkeypatch.setattr(screen.intents, "run", spied_run)
        await capture(pilot, "a", DRAFT)
        action = screen.service.glance().actions[-1]
        assert seen == [f"action-{action.id}"]
