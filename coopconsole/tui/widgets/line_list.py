"""A list of one-line rows that redraws only the lines that changed.

Textual's ``OptionList`` throws away every rendered row, and repaints the whole list,
whenever one prompt changes; and a list whose length changes re-lays out the whole
screen. At full-day size the speakers pane changed a row every second, and the actions
pane gained a row with every note: most of the console's idle time and its longest
pauses. :class:`LineList` draws through the line API (``render_line``), keeps each row's
rendered line until its text or its look changes, refreshes only the lines that changed,
and changes its scrollable height without any layout. It draws its scrollbar itself, in
its lines (:mod:`~coopconsole.tui.widgets.list_scrollbar`), so a scroll draws the lines
once, the bar with them.

It looks and behaves like an ``OptionList`` (the same component classes, keys, click and
hover), and offers the part of its API the console uses: ``highlighted``,
``highlighted_option``, ``option_count``, ``get_option_at_index``, ``get_option_index``.
One difference in look: the focus shows in the border and the highlighted row, without
``OptionList``'s tinted background, which changed every row's look and so drew every row
in view again whenever the focus came or went.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size, clamp
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual

from coopconsole.tui.paint import same, without_links
from coopconsole.tui.widgets.line_rows import Row, enabled_from, next_enabled
from coopconsole.tui.widgets.list_scrollbar import BarredScrollView

#: Above this many changed lines, the whole list is refreshed at once.
_MANY = 8


class LineList(BarredScrollView, can_focus=True):
    """One-line rows, each rendered once per look; see the module docstring."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", id="list.cursor-down", show=False, tooltip="Down"),
        Binding("end", "last", "Last", id="list.last", show=False, tooltip="Last"),
        Binding("enter", "select", "Select", id="list.select", show=False, tooltip="Select"),
        Binding("home", "first", "First", id="list.first", show=False, tooltip="First"),
        Binding("pagedown", "page_down", "Page Down", id="list.page-down", show=False, tooltip="Page Down"),
        Binding("pageup", "page_up", "Page Up", id="list.page-up", show=False, tooltip="Page Up"),
        Binding("up", "cursor_up", "Up", id="list.cursor-up", show=False, tooltip="Up"),
    ]

    # OptionList's look (but the tint on focus), and the console's: one line per row, cut
    # with an ellipsis.
    DEFAULT_CSS = """
    LineList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .option-list--option-disabled {
            color: $text-disabled;
        }
        & > .option-list--option-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "option-list--option",
        "option-list--option-disabled",
        "option-list--option-highlighted",
        "option-list--option-hover",
    }

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The index of the highlighted row, or ``None``."""

    class Selected(Message):
        """A row was chosen (Enter or a click)."""

        def __init__(self, line_list: LineList, row: Row, index: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.row = row
            self.row_id = row.id
            self.index = index

        @property
        def control(self) -> LineList:
            return self.line_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        without_links(self)  # rows never hold an @click action (see paint.without_links)
        self._rows: list[Row] = []
        self._hover: int | None = None
        self._focus_keeps_highlight = False

    # -- the OptionList API the console uses ------------------------------------------------

    @property
    def options(self) -> Sequence[Row]:
        return self._rows

    @property
    def option_count(self) -> int:
        return len(self._rows)

    def row_count(self) -> int:
        return len(self._rows)

    def get_option_at_index(self, index: int) -> Row:
        return self._rows[index]

    def get_option_index(self, option_id: str) -> int:
        for index, row in enumerate(self._rows):
            if row.id == option_id:
                return index
        raise KeyError(option_id)

    @property
    def highlighted_option(self) -> Row | None:
        return None if self.highlighted is None else self._rows[self.highlighted]

    # -- changing the rows ------------------------------------------------------------------

    def show_rows(self, rows: Sequence[tuple[str | None, Content]]) -> None:
        """Show ``(row id, prompt)`` rows; only lines whose row changed are redrawn. A row
        kept, or moved, keeps its rendered line."""
        old = self._rows
        ids = [row_id for row_id, _ in rows]
        same_ids = ids == [row.id for row in old]
        highlighted = self.highlighted
        chosen = None if highlighted is None else old[highlighted].id
        by_id = {} if same_ids else {row.id: row for row in old if row.id is not None}
        new: list[Row] = []
        changed: list[int] = []
        for index, (row_id, prompt) in enumerate(rows):
            before = old[index] if index < len(old) else None
            if before is not None and before.id == row_id and same(before.prompt, prompt):
                new.append(before)
                continue
            moved = by_id.get(row_id) if row_id is not None else None
            new.append(moved if moved is not None and same(moved.prompt, prompt) else Row(row_id, prompt))
            changed.append(index)
        changed.extend(range(len(rows), len(old)))  # lines that are blank now
        self._rows = new
        self.virtual_size = Size(0, len(new))
        if self._hover is not None and self._hover >= len(new):
            self._hover = None
        if not same_ids:
            # The highlighted row, if it is still there, keeps the highlight, and the list
            # stays where it was, scrolled only if the highlight would leave the view (a
            # row added at the end, or one above it). Otherwise, as OptionList.set_options
            # does, the list goes back to the top: its rows were replaced.
            kept = chosen is not None and chosen in ids
            self.set_reactive(LineList.highlighted, None)
            if not kept and self.scroll_y:
                self.scroll_to(y=0, animate=False, immediate=True)
            if kept:
                self.highlighted = ids.index(chosen)
            if self.highlighted != highlighted:  # the line that had the highlight loses it
                changed.extend(i for i in (highlighted, self.highlighted) if i is not None)
        self._refresh_rows(changed)

    def _refresh_rows(self, indices: Sequence[int]) -> None:
        """Redraw the lines of rows ``indices`` that are in view."""
        if not indices or not self.is_mounted:
            return
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        width = self.scrollable_content_region.width
        shown = [y - top for y in indices if top <= y < top + height]
        if len(shown) > _MANY:
            self.refresh()
            return
        for y in shown:
            self.refresh(Region(0, y, width, 1))

    def select_id(self, option_id: str | None) -> None:
        """Highlight the row ``option_id`` (nothing happens if there is none)."""
        for index, row in enumerate(self._rows):
            if option_id is not None and row.id == option_id:
                self.highlighted = index
                return

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        line = self._row_line(self.scroll_offset.y + y, self.row_width)
        bar = self.bar_cell(y)
        return line if bar is None else Strip.join([line, bar])

    def _row_line(self, index: int, width: int) -> Strip:
        """Row ``index`` drawn ``width`` cells wide (a blank line past the last row)."""
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, self.get_visual_style("option-list--option").rich_style)
        row = self._rows[index]
        if row.disabled:
            style = self.get_visual_style("option-list--option", "option-list--option-disabled")
        elif index == self.highlighted:
            style = self.get_visual_style("option-list--option", "option-list--option-highlighted")
        elif index == self._hover:
            style = self.get_visual_style("option-list--option", "option-list--option-hover")
        else:
            style = self.get_visual_style("option-list--option")
        key = (style, width)
        line = row.line(key)
        if line is None:
            strips = Visual.to_strips(self, row.prompt, width, None, style)
            drawn = strips[0] if strips else Strip.blank(width)
            line = drawn.extend_cell_length(width, style.rich_style).crop(0, width)
            row.keep(key, line)
        return line

    def notify_style_update(self) -> None:
        self.refresh()  # focus, hover of the widget, a theme: every row's look may change
        super().notify_style_update()

    # -- the highlight, keys and the mouse -------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._rows:
            return None
        return clamp(highlighted, 0, len(self._rows) - 1)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_rows([i for i in (old, new) if i is not None])
        if new is not None and not self._rows[new].disabled:
            self.scroll_to_highlight()

    def scroll_to_highlight(self, top: bool = False) -> None:
        if self.highlighted is None or not self.is_mounted:
            return
        self.scroll_to_region(
            Region(0, self.highlighted, self.scrollable_content_region.width, 1),
            force=True,
            animate=False,
            top=top,
            immediate=True,
        )

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def on_focus(self) -> None:
        """Focused with nothing highlighted: highlight the first row in view that can be
        chosen, so Enter and ``e`` act at once instead of waiting for an arrow key (unless
        the focus came from :meth:`focus_as_start`). The first in view, not the list's
        first: the view stays where it is (a list opened on its latest rows, a click on
        the scrollbar that focuses the list and moves a page from where it was)."""
        keep, self._focus_keeps_highlight = self._focus_keeps_highlight, False
        if self.highlighted is None and not keep:
            top = min(round(self.scroll_y), max(0, len(self._rows) - 1))
            found = enabled_from(self._rows, top, 1)
            self.highlighted = found if found is not None else enabled_from(self._rows, top, -1)

    def focus_as_start(self) -> None:
        """Take the focus a screen gives as it starts, highlighting nothing: a first row
        highlighted at once would look like a choice nobody made."""
        if self.focusable:
            self._focus_keeps_highlight = True
            self.focus()

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = self.scroll_offset.y + offset.y
        return index if 0 <= index < len(self._rows) else None

    async def on_click(self, event: events.Click) -> None:
        if self.on_bar(event) is not None:
            return  # the scrollbar's (see on_mouse_down)
        index = self._row_at(event)
        if index is not None and not self._rows[index].disabled:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self.drag_thumb(event):
            self._set_hover(None if self.on_bar(event) is not None else self._row_at(event))

    def on_leave(self, _: events.Leave) -> None:
        self._set_hover(None)
        self.leave_bar()

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            before, self._hover = self._hover, index
            self._refresh_rows([i for i in (before, index) if i is not None])

    def action_cursor_up(self) -> None:
        self.highlighted = next_enabled(self._rows, self.highlighted, -1)

    def action_cursor_down(self) -> None:
        self.highlighted = next_enabled(self._rows, self.highlighted, 1)

    def action_first(self) -> None:
        self.highlighted = enabled_from(self._rows, 0, 1)

    def action_last(self) -> None:
        self.highlighted = enabled_from(self._rows, len(self._rows) - 1, -1)

    def _move_page(self, direction: int) -> None:
        """A page up or down: the first row that can be chosen from a page away, onwards
        (never wrapping round); where there is none, the highlight stays."""
        if not self._rows:
            return
        y = clamp((self.highlighted or 0) + direction * self.scrollable_content_region.height, 0, len(self._rows) - 1)
        found = enabled_from(self._rows, y, direction)
        self.highlighted = found if found is not None else self.highlighted

    def action_page_up(self) -> None:
        if self.highlighted is None:
            self.action_first()
        else:
            self._move_page(-1)

    def action_page_down(self) -> None:
        if self.highlighted is None:
            self.action_last()
        else:
            self._move_page(1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and not self._rows[index].disabled:
            self.post_message(self.Selected(self, self._rows[index], index))
