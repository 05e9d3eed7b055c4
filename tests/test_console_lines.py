"""The line list of the speakers, actions and parking-lot panes: a changed row redraws only
its own line, a new row needs no layout of the screen, and it behaves as an option list
(keys, click, disabled rows, CJK widths, literal text)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.screen import Screen

from coopconsole.tui.app import make_app
from coopconsole.tui.widgets.line_list import LineList
from coopconsole.tui.widgets.speakers import SpeakersPane
from tests.support.pilot import advance, settle
from tests.support.sessions import small_session


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()
    return lambda **kw: make_app(store=store, session_name="kickoff", clock=clock, **kw)


class ListApp(App):
    CSS = "LineList { height: 10; width: 30; }"

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield LineList(id="rows")

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        self.chosen.append(event.row_id)


def rows(n: int, changed: dict[int, str] | None = None) -> list[tuple[str | None, Content]]:
    changed = changed or {}
    return [(None if i == 0 else f"r-{i}", Content(changed.get(i, f"row {i}"))) for i in range(n)]


def spy_lines(monkeypatch, widget: LineList) -> list[int]:
    """The lines ``widget`` renders from now on (its ``render_line`` calls)."""
    drawn: list[int] = []
    original = type(widget).render_line

    def render_line(self, y):
        if self is widget:
            drawn.append(y)
        return original(self, y)

    monkeypatch.setattr(type(widget), "render_line", render_line)
    return drawn


def spy_layouts(monkeypatch) -> list[int]:
    layouts: list[int] = []
    original = Screen._refresh_layout

    def refresh_layout(self, *args, **kwargs):
        layouts.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", refresh_layout)
    return layouts


async def test_a_changed_row_redraws_only_its_line(monkeypatch):
    app = ListApp()
    async with app.run_test() as pilot:
        widget = app.query_one(LineList)
        widget.show_rows(rows(6))
        await pilot.pause()
        await pilot.pause()
        drawn = spy_lines(monkeypatch, widget)
        widget.show_rows(rows(6, {3: "row three, longer"}))
        await pilot.pause()
        assert drawn == [3]
        assert widget.get_option_at_index(3).prompt.plain == "row three, longer"
        drawn.clear()
        widget.show_rows(rows(6, {3: "row three, longer"}))  # nothing changed: nothing drawn
        await pilot.pause()
        assert drawn == []


async def test_new_rows_need_no_layout_even_when_the_scrollbar_appears(monkeypatch):
    app = ListApp()
    async with app.run_test() as pilot:
        widget = app.query_one(LineList)
        widget.show_rows(rows(4))
        await pilot.pause()
        await pilot.pause()
        layouts = spy_layouts(monkeypatch)
        drawn = spy_lines(monkeypatch, widget)
        widget.show_rows(rows(5))
        await pilot.pause()
        assert layouts == [] and drawn == [4]
        assert widget.bar() is None
        height = widget.scrollable_content_region.height
        drawn.clear()
        widget.show_rows(rows(30))  # more rows than lines: the bar takes cells from every row
        await pilot.pause()
        assert layouts == [] and widget.bar() is not None
        assert sorted(set(drawn)) == list(range(height))
        drawn.clear()
        widget.show_rows(rows(31))
        await pilot.pause()
        assert layouts == [] and widget.virtual_size.height == 31
        assert widget.max_scroll_y == 31 - height
        # The thumb shrank: the lines are drawn again for the bar's cells, the rows kept.
        assert sorted(set(drawn)) == list(range(height))


async def test_keys_skip_rows_that_cannot_be_chosen_and_enter_chooses(monkeypatch):
    app = ListApp()
    async with app.run_test() as pilot:
        widget = app.query_one(LineList)
        widget.show_rows(rows(4))
        app.set_focus(None)
        await pilot.pause()
        widget.focus()
        await pilot.pause()
        assert widget.highlighted == 1  # row 0 has no id: it cannot be chosen
        await pilot.press("down", "down", "enter")
        assert app.chosen == ["r-3"]
        await pilot.press("up", "up", "up")  # wraps round, past the heading
        assert widget.highlighted == 3
        await pilot.click(widget, offset=(3, 3))  # under the border: row 2
        await pilot.pause()
        assert app.chosen == ["r-3", "r-2"] and widget.highlighted == 2
        await pilot.click(widget, offset=(3, 1))  # the heading: nothing chosen
        await pilot.pause()
        assert app.chosen == ["r-3", "r-2"]


async def test_the_highlight_follows_its_row_when_rows_move():
    app = ListApp()
    async with app.run_test() as pilot:
        widget = app.query_one(LineList)
        widget.show_rows(rows(4))
        widget.select_id("r-2")
        widget.show_rows([("new", Content("new row")), *rows(4)])
        await pilot.pause()
        assert widget.highlighted_option.id == "r-2" and widget.highlighted == 3


async def test_a_row_added_keeps_a_scrolled_list_where_it_is(monkeypatch):
    # A long list scrolled to its highlighted row: a row added at the end, or one above the
    # view, leaves it where it was (it went to the top and back, redrawing every line of
    # it twice, at every capture of a long meeting). Rows replaced, the highlighted one
    # gone, still take it to the top.
    app = ListApp()
    async with app.run_test() as pilot:
        widget = app.query_one(LineList)
        widget.show_rows(rows(60))
        widget.select_id("r-30")
        await pilot.pause()
        top = widget.scroll_y
        assert top > 0
        scrolls: list[float] = []
        scroll_to = widget.scroll_to

        def spy_scroll(*args, **kwargs):
            scrolls.append(kwargs.get("y"))
            return scroll_to(*args, **kwargs)

        monkeypatch.setattr(widget, "scroll_to", spy_scroll)
        widget.show_rows([*rows(60), ("r-60", Content("row 60"))])
        await pilot.pause()
        assert widget.scroll_y == top and scrolls == [] and widget.highlighted_option.id == "r-30"
        widget.show_rows([("r-new", Content("new row")), *rows(60), ("r-60", Content("row 60"))])
        await pilot.pause()
        assert widget.highlighted_option.id == "r-30" and widget.highlighted == 31
        assert 0 not in scrolls  # scrolled by a line at most, to keep the highlight in view
        view = widget.scrollable_content_region.height
        assert widget.scroll_y <= widget.highlighted < widget.scroll_y + view
        monkeypatch.undo()
        widget.show_rows([(f"other-{i}", Content(f"other {i}")) for i in range(60)])
        await pilot.pause()
        assert widget.scroll_y == 0 and widget.highlighted is None


async def test_wide_characters_are_cut_to_the_cells_and_markup_is_literal():
    app = ListApp()
    async with app.run_test() as pilot:
        widget = app.query_one(LineList)
        widget.show_rows([("a", Content("[bold]合作方向与机会探讨，合作方向与机会探讨[/bold]"))])
        await pilot.pause()
        strip = widget.render_line(0)
        width = widget.scrollable_content_region.width
        assert strip.cell_length == width
        assert strip.text.startswith("[bold]合作") and "…" in strip.text


async def test_a_second_of_meeting_redraws_only_the_speakers_changed_rows(meeting, clock, monkeypatch):
    app = meeting(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        screen = await settle(pilot)
        screen = await advance(pilot, clock, seconds=30)
        widget = screen.query_one(SpeakersPane).query_one(LineList)
        before = [widget.get_option_at_index(i).prompt for i in range(widget.option_count)]
        drawn = spy_lines(monkeypatch, widget)
        await advance(pilot, clock, seconds=1)
        after = [widget.get_option_at_index(i).prompt for i in range(widget.option_count)]
        changed = [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a is not b]
        assert changed  # the speaker's time went on
        assert sorted(drawn) == [i - widget.scroll_offset.y for i in changed]
        assert len(changed) < widget.option_count


async def test_a_row_is_drawn_without_working_out_a_link_style(monkeypatch):
    """Rows never hold links: drawing a changed row does not work out the widget's link
    style (a quarter of the cost of the line the speaker's time changes every second),
    and it looks as a row drawn with it does."""
    from textual.widget import Widget

    app = ListApp()
    async with app.run_test() as pilot:
        widget = app.query_one(LineList)
        widget.show_rows(rows(6))
        await pilot.pause()
        link_style = Widget.link_style

        def not_for_a_row(self):
            assert self is not widget, "a row worked out the link style"
            return link_style.fget(self)

        monkeypatch.setattr(Widget, "link_style", property(not_for_a_row))
        widget.show_rows(rows(6, {3: "row three, longer"}))
        await pilot.pause()
        without = list(widget.render_line(3))
        monkeypatch.undo()
        widget.auto_links = True  # as Textual draws any widget: the same line, styles and all
        widget.show_rows(rows(6, {3: "row three, longer!"}))
        widget.show_rows(rows(6, {3: "row three, longer"}))
        assert list(widget.render_line(3)) == without
        assert "".join(segment.text for segment in without).startswith("row three, longer")


async def test_the_focus_coming_and_going_draws_no_row_again(monkeypatch):
    """A list's focus changes its border and its highlighted row's look, not the look of
    its other rows: each row is drawn once, whether the list has the focus or not. (With
    a background tinted while focused, every row in view was drawn again each time the
    capture bar took the focus and gave it back, and the first time a pane took it.)"""
    from coopconsole.tui.widgets import line_list

    app = ListApp()
    async with app.run_test() as pilot:
        widget = app.query_one(LineList)
        widget.show_rows(rows(8))
        app.set_focus(None)
        await pilot.pause()
        await pilot.pause()
        made: list[str] = []
        to_strips = line_list.Visual.to_strips

        def spied(widget_, visual, *args, **kwargs):
            if widget_ is widget:
                made.append(visual.plain)
            return to_strips(widget_, visual, *args, **kwargs)

        monkeypatch.setattr(line_list.Visual, "to_strips", staticmethod(spied))
        app.set_focus(widget)  # focused: the first row that can be chosen is highlighted
        await pilot.pause()
        await pilot.pause()
        assert made == ["row 1"]
        made.clear()
        app.set_focus(None)
        await pilot.pause()
        await pilot.pause()
        assert made == ["row 1"]  # the highlighted row's blurred look; the others as drawn
