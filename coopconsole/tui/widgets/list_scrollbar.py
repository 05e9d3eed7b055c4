"""The scrollbar of a :class:`~coopconsole.tui.widgets.line_list.LineList`, drawn in the
list's own lines.

Textual's scrollbar is a widget of its own, drawn through Rich. A list whose view moves
by a row (a capture at the end of a full list) drew it again in every frame of the
capture, and once more for the focus's look: it was most of what a capture cost more in
a long meeting than in a short one. The list now draws the bar as the last cells of each
of its lines, so a new row or a scroll draws the lines once, the bar with them, and a
focus change draws nothing of it.

It looks as Textual's does: the thumb and the track are Textual's
:meth:`ScrollBarRender.render_bar <textual.scrollbar.ScrollBarRender.render_bar>` (its
eighth-cell ends included), in the list's ``scrollbar-*`` colours (hover and grabbed
too), ``scrollbar-size-vertical`` cells wide, inside the list's padding.
``tests/test_list_scrollbar.py`` compares it with Textual's own scrollbar. And it behaves
as Textual's does: a click on the track moves a page, the thumb can be dragged, the wheel
scrolls."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rich.color import Color as RichColor
from rich.segment import Segment
from textual import events
from textual.color import Color
from textual.css.styles import RenderStyles
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip


class BarShape(NamedTuple):
    """A bar as drawn: one strip per line of the view, and the lines the thumb covers."""

    cells: tuple[Strip, ...]
    thumb: range


@lru_cache(maxsize=64)
def bar_shape(height: int, rows: int, top: int, thickness: int, back: RichColor, thumb: RichColor) -> BarShape:
    """The bar of a view ``height`` lines high on ``rows`` rows, scrolled to row ``top``."""
    bar = ScrollBarRender.render_bar(
        size=height,
        virtual_size=rows,
        window_size=height,
        position=top,
        thickness=thickness,
        vertical=True,
        back_color=back,
        bar_color=thumb,
    )
    cells = tuple(
        Strip([Segment(segment.text, segment.style.clear_meta_and_links() if segment.style else None)], thickness)
        for segment in bar.segments
    )
    # The thumb's lines, for the mouse: those not drawn as bare track (a blank cell in the
    # track's colour); its ends are eighth-cell glyphs, its body the thumb's colour.
    drawn = [
        line
        for line, segment in enumerate(bar.segments)
        if segment.text.strip() or (segment.style is not None and segment.style.reverse)
    ]
    return BarShape(cells, range(drawn[0], drawn[-1] + 1) if drawn else range(0))


def bar_colors(styles: RenderStyles, under: Color, look: str) -> tuple[RichColor, RichColor]:
    """The track's and the thumb's colours for ``look`` ("", "hover" or "grabbed"): the
    list's ``scrollbar-*`` styles, a translucent track laid over ``under`` (the background
    behind the list) and the thumb over the track, as Textual's scrollbar paints them."""
    if look == "grabbed":
        back, color = styles.scrollbar_background_active, styles.scrollbar_color_active
    elif look == "hover":
        back, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
    else:
        back, color = styles.scrollbar_background, styles.scrollbar_color
    if back.a < 1:
        back = under + back
    return back.rich_color, (back + color).rich_color


def thumb_top(grabbed_top: float, moved: int, rows: int, height: int) -> float:
    """Where a thumb grabbed with the view at ``grabbed_top`` puts the view once the mouse
    moved ``moved`` lines: a line of the bar is ``rows / height`` rows of the list."""
    return grabbed_top + moved * rows / height


class BarredScrollView(ScrollView):
    """A scroll view of one-line rows that draws its scrollbar in its lines: a subclass
    says how many rows it has (:meth:`row_count`), draws each row :attr:`row_width` cells
    wide and ends line ``y`` with :meth:`bar_cell` ``(y)``, and lets its mouse handlers
    ask :meth:`on_bar` and :meth:`drag_thumb` first."""

    DEFAULT_CSS = """
    BarredScrollView {
        overflow-y: hidden;  /* the view draws its own scrollbar */
    }
    """

    # A scroll view's own size does not depend on how many rows it has: a new row needs
    # no layout of the screen (see ``watch_virtual_size``).
    virtual_size = Reactive(Size(0, 0), layout=False, repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._bar_look = ""  # "", "hover" or "grabbed"
        self._bar_paint: tuple[RichColor, RichColor] | None = None  # its colours for that look
        self._grab: tuple[int, float] | None = None  # the mouse's screen line and the view's top

    def row_count(self) -> int:
        """How many rows the view has (a subclass says)."""
        raise NotImplementedError

    # -- geometry ----------------------------------------------------------------------------

    def row_width_for(self, count: int) -> int:
        """The cells a row has in a view of ``count`` rows: the bar takes its own from every
        row once there are more rows than lines."""
        region = self.scrollable_content_region
        return region.width - (self.styles.scrollbar_size_vertical if count > region.height else 0)

    @property
    def row_width(self) -> int:
        """The cells a row has now."""
        return self.row_width_for(self.row_count())

    def bar(self) -> BarShape | None:
        """The scrollbar as the view shows it, or None when every row is in view."""
        height = self.scrollable_content_region.height
        cells = self.styles.scrollbar_size_vertical
        rows = self.row_count()
        if not cells or height <= 0 or rows <= height:
            return None
        return bar_shape(height, rows, round(self.scroll_y), cells, *self._paint())

    def bar_cell(self, y: int) -> Strip | None:
        """The scrollbar's cells on line ``y`` of the view, or None when there is no bar."""
        bar = self.bar()
        return bar.cells[y] if bar is not None and 0 <= y < len(bar.cells) else None

    def _paint(self) -> tuple[RichColor, RichColor]:
        if self._bar_paint is None:
            self._bar_paint = bar_colors(self.styles, self.background_colors[0], self._bar_look)
        return self._bar_paint

    def _refresh_bar(self) -> None:
        """Draw the bar's cells again (the rows' stay as they are)."""
        region = self.scrollable_content_region
        cells = region.width - self.row_width
        if cells > 0:
            self.refresh(Region(region.width - cells, 0, cells, region.height))

    def render_lines(self, crop: Region) -> list[Strip]:
        # The colours are worked out once for the lines drawn together, so a theme, the
        # focus or a background behind the view (its ancestors' can change without its
        # own styles changing) shows in the next drawing.
        self._bar_paint = None
        return super().render_lines(crop)

    def watch_virtual_size(self, old: Size, size: Size) -> None:
        """The bar follows the rows: shown or hidden, every row is drawn again at its new
        width; otherwise the bar's cells are drawn again if it changed (a longer list, a
        shorter thumb). Nothing is laid out."""
        height = self.scrollable_content_region.height
        if not height:
            return  # not laid out yet: the first paint draws everything
        cells = self.styles.scrollbar_size_vertical
        if (old.height > height) != (size.height > height):
            self.refresh()
        elif cells and size.height > height:
            top, (back, thumb) = round(self.scroll_y), self._paint()
            before = bar_shape(height, old.height, top, cells, back, thumb)
            if before.cells != bar_shape(height, size.height, top, cells, back, thumb).cells:
                self._refresh_bar()
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    @property
    def allow_vertical_scroll(self) -> bool:
        """The wheel and a page's scroll move the view while there are more rows than lines
        (Textual would ask its own scrollbar, which this view does not have)."""
        return not self.is_disabled and self.max_scroll_y > 0

    # -- the mouse -----------------------------------------------------------------------------

    def on_bar(self, event: events.MouseEvent) -> int | None:
        """The line of the bar the mouse is on, if it is on the bar."""
        offset = event.get_content_offset(self)
        if offset is None or self.bar() is None or offset.x < self.row_width:
            return None
        return offset.y

    def drag_thumb(self, event: events.MouseMove) -> bool:
        """While the thumb is held, move the view with the mouse (True); otherwise show
        whether the mouse is over the bar (False: the move is the rows' to handle)."""
        if self._grab is None:
            self._set_bar_look("hover" if self.on_bar(event) is not None else "")
            return False
        line, top = self._grab
        height = self.scrollable_content_region.height
        self.scroll_to(y=thumb_top(top, event.screen_y - line, self.row_count(), height), animate=False)
        return True

    def leave_bar(self) -> None:
        if self._grab is None:
            self._set_bar_look("")

    def _set_bar_look(self, look: str) -> None:
        if look != self._bar_look:
            self._bar_look, self._bar_paint = look, None
            self._refresh_bar()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """On the bar: the thumb is grabbed; a click on the track moves a page."""
        line, bar = self.on_bar(event), self.bar()
        if line is None or bar is None:
            return
        event.stop()
        if line in bar.thumb:
            self._grab = (event.screen_y, self.scroll_y)
            self.capture_mouse()
            self._set_bar_look("grabbed")
        elif line < bar.thumb.start:
            self.scroll_page_up(animate=False)
        else:
            self.scroll_page_down(animate=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._grab is not None:
            self._grab = None
            self.release_mouse()
            self._set_bar_look("hover" if self.on_bar(event) is not None else "")
            event.stop()
