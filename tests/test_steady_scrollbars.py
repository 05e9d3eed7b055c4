"""The lists' scrollbars through layouts (``SteadyScrollView`` in the internals module):
not drawn again by a layout that changed none of a list's sizes, and every screen the
same as Textual's own ``ScrollView`` gives, through layouts, new and fewer rows, scrolling,
the scrollbar appearing and going, and resizes."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.scrollbar import ScrollBar
from textual.widgets import Label

import coopconsole.tui.textual_internals as internals
from coopconsole.tui.widgets.line_list import LineList


def _rows(count: int, start: int = 0) -> list[tuple[str | None, Content]]:
    return [(f"r{i}", Content(f"row {i} of the list")) for i in range(start, start + count)]


class Lists(App):
    """Two lists side by side, a line below them, and a bar docked over that line, which
    opens and closes as the console's capture bar does (a layout each time)."""

    AUTO_FOCUS = None  # the focus changes the scrollbars' look: the last step sets it

    CSS = """
    Screen { layers: default bar; }
    Horizontal { height: 1fr; }
    LineList { width: 1fr; height: 1fr; }
    LineList.-padded { padding: 1 0; }
    #below { height: 4; }
    #bar { layer: bar; dock: bottom; height: 3; background: $panel; display: none; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield LineList(id="left")
            yield LineList(id="right")
        yield Label("below the lists", id="below")
        yield Label("the bar", id="bar")

    def on_mount(self) -> None:
        self.query_one("#left", LineList).show_rows(_rows(40))
        self.query_one("#right", LineList).show_rows(_rows(5))


class _count_scrollbar_refreshes:
    """How many times a scrollbar is marked to be drawn again while in use."""

    def __init__(self, monkeypatch) -> None:
        self.calls = 0
        textuals = ScrollBar.refresh

        def counted(bar, *regions, **options):
            self.calls += 1
            return textuals(bar, *regions, **options)

        monkeypatch.setattr(ScrollBar, "refresh", counted)


async def _screens(steady: bool, monkeypatch) -> list[str]:
    """Every screen of one run of steps, with the switch set to ``steady``."""
    monkeypatch.setattr(internals, "ENABLED", steady)
    app = Lists()
    shots: list[str] = []
    async with app.run_test(size=(70, 16)) as pilot:
        left, right = app.query_one("#left", LineList), app.query_one("#right", LineList)
        bar = app.query_one("#bar")

        async def shot() -> None:
            await pilot.pause()
            shots.append(app.export_screenshot(title="lists"))

        await shot()
        for _ in range(2):  # the bar opens and closes: two layouts, no size changed
            bar.display = not bar.display
            await shot()
        left.show_rows(_rows(41))  # a row more: the thumb shrinks
        await shot()
        bar.display = True
        left.show_rows(_rows(43))  # rows added while the bar is open, then it closes
        bar.display = False
        await shot()
        right.show_rows(_rows(30))  # the right list's scrollbar appears...
        await shot()
        bar.display = True
        await shot()
        left.show_rows(_rows(3))  # ...the left one's goes
        bar.display = False
        await shot()
        left.show_rows(_rows(60, start=5))
        left.scroll_to(y=20, animate=False, immediate=True)
        await shot()
        bar.display = True
        await shot()
        await pilot.resize_terminal(60, 12)  # sizes change: handled as Textual handles them
        await shot()
        right.show_rows(_rows(8))  # too many for the list's new height, not for its old one
        await shot()
        bar.display = False
        await shot()
        await pilot.resize_terminal(80, 20)
        right.show_rows(_rows(2))
        await shot()
        right.add_class("-padded")  # the same size, less room inside
        await shot()
        right.show_rows(_rows(13))  # too many for the room left, not for the room before
        await shot()
        right.focus()  # the focus changes the scrollbars' look
        await shot()
    return shots


async def test_every_screen_is_the_one_textuals_scroll_view_gives(monkeypatch):
    steady = await _screens(True, monkeypatch)
    textuals = await _screens(False, monkeypatch)
    assert len(steady) == len(textuals) == 17
    for step, (ours, theirs) in enumerate(zip(steady, textuals, strict=True)):
        assert ours == theirs, f"step {step}"


@pytest.mark.parametrize("steady", [True, False])
async def test_a_layout_that_changes_no_size_draws_no_scrollbar_again(steady, monkeypatch):
    monkeypatch.setattr(internals, "ENABLED", steady)
    counted = _count_scrollbar_refreshes(monkeypatch)
    app = Lists()
    async with app.run_test(size=(70, 16)) as pilot:
        await pilot.pause()
        bar = app.query_one("#bar")
        assert app.query_one("#left", LineList).show_vertical_scrollbar
        counted.calls = 0
        for _ in range(4):
            bar.display = not bar.display
            await pilot.pause()
        if steady:
            assert counted.calls == 0
        else:  # Textual's ScrollView has its scrollbar drawn again at each layout
            assert counted.calls >= 4
        # A row added (no layout) still moves the thumb, so the scrollbar is drawn again.
        counted.calls = 0
        app.query_one("#left", LineList).show_rows(_rows(80))
        await pilot.pause()
        assert counted.calls > 0
