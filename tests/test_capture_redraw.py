"""Opening and closing the capture bar moves no pane: the bar lies over the lower panes
on a layer of its own, so closing it after a capture redraws the rows it covered and the
new row, not the whole screen."""

from __future__ import annotations

from textual.widgets import Input

from coopconsole.tui.app import make_app
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from tests.support.pilot import settle
from tests.support.sessions import small_session

SIZE = (120, 36)


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
        bar.query_one(Input).value = "@alice send the draft MOU by Friday"
        await pilot.press("enter")
        screen = await settle(pilot)
        assert not bar.display
        assert regions(screen) == before  # closed, the action saved: still nothing moved
        assert "send the draft MOU" in actions.get_option_at_index(0).prompt.plain
