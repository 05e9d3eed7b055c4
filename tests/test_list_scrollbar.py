"""The scrollbar a list draws in its own lines (``list_scrollbar.py``): at every step (rows
added and taken away, scrolled, resized, padded, focused, hovered, grabbed, in the light
theme) it looks as Textual's own scrollbar of an ``OptionList`` with as many rows, and it
behaves as that one does (a click on the track moves a page, the thumb drags, the wheel
scrolls), without choosing a row."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Offset, Region
from textual.strip import Strip
from textual.widgets import OptionList

from coopconsole.tui.widgets.line_list import LineList


def _rows(count: int) -> list[tuple[str | None, Content]]:
    return [(f"r{i}", Content(f"row {i} of the list")) for i in range(count)]


class Side(App):
    """Our list and an option list side by side, the same size and styles."""

    AUTO_FOCUS = None
    CSS = """
    Horizontal { height: 1fr; }
    LineList, OptionList { width: 1fr; height: 1fr; }
    .-padded { padding: 1 2; }
    Horizontal.-see-through { background: #203040; }
    .-see-through LineList, .-see-through OptionList { scrollbar-background: #ff0000 40%; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str | None] = []

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield LineList(id="ours")
            yield OptionList(id="theirs")

    def show(self, count: int, top: int | None = None) -> None:
        ours, theirs = self.query_one(LineList), self.query_one(OptionList)
        ours.show_rows(_rows(count))
        theirs.clear_options()
        theirs.add_options([f"row {i} of the list" for i in range(count)])
        if top is not None:
            for widget in (ours, theirs):
                widget.scroll_to(y=top, animate=False, immediate=True)

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        self.chosen.append(event.row_id)


def _cells(strips: list[Strip], x: int, width: int) -> list[tuple]:
    """What shows of ``width`` cells from ``x`` of each line: the glyphs, the colour behind
    them and, where a glyph is not blank, its colour (a reversed style swaps the two)."""
    shown = []
    for strip in strips:
        for segment in strip.crop(x, x + width):
            style = segment.style
            assert style is not None
            front, back = (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
            shown.append((segment.text, back, front if segment.text.strip() else None))
    return shown


def _our_bar(ours: LineList) -> list[tuple]:
    lines = ours.render_lines(Region(0, 0, *ours.outer_size))
    content = ours.content_region
    top = content.y - ours.region.y
    left = content.x - ours.region.x + ours.row_width
    return _cells(lines[top : top + content.height], left, content.width - ours.row_width)


def _their_bar(theirs: OptionList) -> list[tuple]:
    if not theirs.show_vertical_scrollbar:
        return []
    bar = theirs.vertical_scrollbar
    return _cells(bar.render_lines(Region(0, 0, *bar.size)), 0, bar.size.width)


async def _same_bars(app: Side, pilot, step: str) -> None:
    await pilot.pause()
    await pilot.pause()
    ours, theirs = app.query_one(LineList), app.query_one(OptionList)
    assert ours.scroll_y == theirs.scroll_y, step
    assert ours.row_width == theirs.scrollable_content_region.width, step
    assert _our_bar(ours) == _their_bar(theirs), step


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_bar_looks_as_textuals_own_at_every_step(theme):
    app = Side()
    async with app.run_test(size=(80, 16)) as pilot:
        app.theme = theme
        ours, theirs = app.query_one(LineList), app.query_one(OptionList)
        app.show(5)
        await _same_bars(app, pilot, "every row in view: no bar")
        assert ours.bar() is None
        app.show(30)
        await _same_bars(app, pilot, "more rows than lines: the bar comes")
        app.show(31)
        await _same_bars(app, pilot, "a row more: the thumb shrinks")
        for top in (1, 9, 17, 19):
            app.show(31, top)
            await _same_bars(app, pilot, f"scrolled to {top}")
        app.show(1521, 1500)
        await _same_bars(app, pilot, "a long list near its end")
        app.query_one(Horizontal).add_class("-see-through")
        await _same_bars(app, pilot, "a translucent track over the background behind the list")
        app.query_one(Horizontal).remove_class("-see-through")
        app.show(1521, 1521 - ours.scrollable_content_region.height)
        await _same_bars(app, pilot, "at its end")
        await pilot.resize_terminal(60, 12)
        await _same_bars(app, pilot, "a smaller terminal")
        for widget in (ours, theirs):
            widget.add_class("-padded")
        await _same_bars(app, pilot, "padded")
        app.show(8, 0)
        await _same_bars(app, pilot, "too many rows for the padded list's lines")
        app.show(3)
        await _same_bars(app, pilot, "the bar goes")
        ours.focus()  # which highlights its first row, and so scrolls it to the top
        await pilot.pause()
        app.show(40, 12)
        await _same_bars(app, pilot, "our list focused")
        theirs.focus()
        await pilot.pause()
        app.show(40, 12)
        await _same_bars(app, pilot, "theirs focused")
        # The mouse over our bar, then holding its thumb; Textual's told so directly.
        thumb = ours.bar().thumb.start
        await pilot.hover(ours, offset=_on_bar(ours, thumb))
        theirs.vertical_scrollbar.mouse_over = True
        await _same_bars(app, pilot, "hovered")
        await pilot.mouse_down(ours, offset=_on_bar(ours, thumb))
        theirs.vertical_scrollbar.grabbed = Offset(1, 1)
        await _same_bars(app, pilot, "grabbed")
        await pilot.mouse_up(ours, offset=_on_bar(ours, thumb))
        theirs.vertical_scrollbar.grabbed = None
        await _same_bars(app, pilot, "let go, the mouse still over the bar")
        await pilot.hover(ours, offset=(2, _on_bar(ours, thumb)[1]))
        theirs.vertical_scrollbar.mouse_over = False
        await _same_bars(app, pilot, "the mouse over a row")


def _on_bar(widget: LineList, line: int) -> tuple[int, int]:
    """The offset (from the widget's corner) of the bar's first cell on ``line`` of the
    view (a line past the view's last is on the border below it)."""
    content = widget.content_region
    return (content.x - widget.region.x + widget.row_width, content.y - widget.region.y + line)


async def test_a_click_on_the_track_moves_a_page_and_chooses_no_row():
    app = Side()
    async with app.run_test(size=(80, 16)) as pilot:
        app.show(60)
        await pilot.pause()
        ours = app.query_one(LineList)
        height = ours.scrollable_content_region.height
        bar = ours.bar()
        assert bar is not None and bar.thumb.start == 0
        await pilot.click(ours, offset=_on_bar(ours, height - 1))
        await pilot.pause()
        assert ours.scroll_y == height and app.chosen == []
        await pilot.click(ours, offset=_on_bar(ours, 0))
        await pilot.pause()
        assert ours.scroll_y == 0 and app.chosen == []
        await pilot.click(ours, offset=(2, _on_bar(ours, 1)[1]))  # a row is still chosen by a click
        assert app.chosen == ["r1"]


async def test_the_thumb_drags_the_view_and_lets_go():
    app = Side()
    async with app.run_test(size=(80, 16)) as pilot:
        app.show(100)
        await pilot.pause()
        ours = app.query_one(LineList)
        height = ours.scrollable_content_region.height
        await pilot.mouse_down(ours, offset=_on_bar(ours, 0))
        assert ours._grab is not None
        await pilot.hover(ours, offset=_on_bar(ours, 3))
        await pilot.pause()
        assert ours.scroll_y == pytest.approx(3 * 100 / height, abs=1)
        await pilot.hover(ours, offset=_on_bar(ours, height))  # on the border below: the end
        await pilot.pause()
        assert ours.scroll_y == ours.max_scroll_y
        await pilot.mouse_up(ours, offset=_on_bar(ours, height - 1))
        assert ours._grab is None and app.chosen == []


async def test_the_wheel_scrolls_a_list_longer_than_its_view_only():
    app = Side()
    async with app.run_test(size=(80, 16)) as pilot:
        app.show(4)
        await pilot.pause()
        ours = app.query_one(LineList)
        assert not ours.allow_vertical_scroll

        async def wheel() -> None:
            ours.post_message(events.MouseScrollDown(ours, 2, 1, 0, 1, 0, False, False, False, screen_x=2, screen_y=1))
            await pilot.pause()

        await wheel()
        assert ours.scroll_y == 0
        app.show(60)
        await pilot.pause()
        assert ours.allow_vertical_scroll
        await wheel()
        assert ours.scroll_y > 0


async def test_focus_by_a_click_on_the_track_keeps_the_view_and_pages_from_it():
    """A click on the track of a list scrolled down, not focused yet: the list takes the
    focus highlighting the first row in view (not the list's first, which would move the
    view to the top), and the page moves on from where the view was."""
    app = Side()
    async with app.run_test(size=(80, 16)) as pilot:
        app.show(60, 30)
        await pilot.pause()
        ours = app.query_one(LineList)
        height = ours.scrollable_content_region.height
        bar = ours.bar()
        assert bar is not None and not ours.has_focus
        await pilot.click(ours, offset=_on_bar(ours, bar.thumb.stop + 1))
        await pilot.pause()
        assert ours.has_focus and ours.highlighted == 30
        assert ours.scroll_y == 30 + height and app.chosen == []
