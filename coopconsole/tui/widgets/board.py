"""The board's columns and cards: one card per action, in the column of its state.

A card says what ``coopconsole status`` needs (the name of the action's newest copy,
``MEETING#N``), who owes it (owner and organisation), by when, and what; an overdue card
is drawn in the theme's warning colour and says by how many days. Every text is a
``Content``, so a Chinese name or deliverable is measured and wrapped by its cells.

A folder holds thousands of actions, so a card is not a widget: a :class:`BoardColumn`
is one line-API widget (a ``ScrollView``) that knows how tall each of its cards is at
its width and renders only the lines in view. A card (:mod:`coopconsole.tui.widgets.board_card`)
knows its height from its plain text (``wrapped_height``, the way Textual wraps a line); its lines are rendered
once, when first in view, and kept until its text, its look or the width changes.

Neither the cards nor the columns take the focus: the board screen moves the highlight
with its own keys, so the arrows mean the same thing wherever the highlight is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from coopconsole.tui.widgets.board_card import Card

#: What a card draws left of its text: its edge (a half block in the edge's colour) and a space.
EDGE = "▌"
_GUTTER = 2


class BoardColumn(ScrollView, can_focus=False):
    """The cards of one state, the column's name and count in its border, drawn a line at
    a time (see the module docstring). ``-current``: the column the highlight is in."""

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    BoardColumn {
        width: 1fr;
        height: 1fr;
        border: round $border-blurred;
        border-title-color: $foreground;
        border-title-style: bold;
        padding: 0 0 0 0;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .board-column--card {
            background: $boost;
        }
        & > .board-column--card-highlighted {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .board-column--edge {
            color: $primary 40%;
        }
        & > .board-column--edge-overdue {
            color: $warning;
        }
    }
    BoardColumn.-current {
        border: round $border;
        border-title-color: $accent;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "board-column--card",
        "board-column--card-highlighted",
        "board-column--edge",
        "board-column--edge-overdue",
    }

    #: Blank lines under each card.
    GAP = 1

    class Clicked(Message):
        """A card was clicked: the highlight goes to it."""

        def __init__(self, column: BoardColumn, index: int) -> None:
            super().__init__()
            self.column = column
            self.index = index

        @property
        def control(self) -> BoardColumn:
            return self.column

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.shown_cards: list[Card] = []
        self.card_tops: list[int] = []
        """The first line of each card (as last laid out)."""
        self.text_width = 0
        """How wide the cards' text is (as last laid out)."""
        self.laid_out_for: tuple[int, int] | None = None
        """The width (with no scrollbar) and height the cards were laid out for (None: not yet)."""
        self.highlighted: int | None = None
        """The index of the highlighted card (None: none is)."""
        self.scroll_pending = False

    # -- what the column shows ------------------------------------------------------------

    def cards(self) -> list[Card]:
        """The column's cards, top to bottom."""
        return list(self.shown_cards)

    def show_cards(self, cards: Sequence[Card]) -> bool:
        """Show ``cards``, in order. Cards already shown keep their height and rendered
        lines; if nothing changed, nothing is redrawn. True if anything changed."""
        old = self.shown_cards
        if len(cards) == len(old) and all(a is b for a, b in zip(cards, old, strict=True)):
            return False
        self.shown_cards = list(cards)
        if self.highlighted is not None and self.highlighted >= len(cards):
            self.highlighted = None
        self.laid_out_for = None
        self.lay_out()
        self.refresh()
        return True

    def highlight(self, index: int | None) -> None:
        """Highlight the card at ``index`` (None: none) and scroll it into view."""
        if index is not None and not 0 <= index < len(self.shown_cards):
            index = None
        if index != self.highlighted:
            self.highlighted = index
            self.refresh()
        if index is not None:
            self.scroll_to_card(index)

    def card_region(self, index: int) -> Region | None:
        """Where the card at ``index`` is in the column's content, with the blank line
        under it (None: the column is not laid out yet)."""
        if not self.lay_out():
            return None
        height = self.shown_cards[index].height(self.text_width) + self.GAP
        return Region(0, self.card_tops[index], self.scrollable_content_region.width, height)

    def scroll_to_card(self, index: int) -> None:
        """Scroll so that the card at ``index`` is in view (as little as that takes)."""
        region = self.card_region(index)
        self.scroll_pending = region is None  # not laid out yet: once it is
        if region is not None:
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def card_at(self, y: int) -> int | None:
        """The index of the card drawn on line ``y`` of the column's content (None: no card)."""
        if not self.lay_out() or not self.shown_cards or y < 0:
            return None
        index = bisect_right(self.card_tops, y) - 1
        if index < 0 or y >= self.card_tops[index] + self.shown_cards[index].height(self.text_width):
            return None
        return index

    # -- laying out ---------------------------------------------------------------------------

    def lay_out(self) -> bool:
        """Work out where each card starts (if the column's size or cards changed since
        it last was) and the column's scrollable height. False while it has no size yet.

        The cards are measured at the width the scrollbar leaves; only if they all fit in
        view (so there is no scrollbar: a few cards) are they measured again at the whole
        width. A long column is measured once, not once more when its scrollbar appears."""
        region = self.scrollable_content_region
        if not region.width:
            return False
        styles = self.styles
        bar = styles.scrollbar_size_vertical
        full = region.width + (bar if self.show_vertical_scrollbar else 0)
        if self.laid_out_for == (full, region.height):
            return True
        overflow = styles.overflow_y
        text_width = max(0, (full if overflow == "hidden" else full - bar) - _GUTTER)
        tops, total = self.tops_at(text_width)
        if overflow == "auto" and total <= region.height:  # no scrollbar: the whole width
            wide_width = max(0, full - _GUTTER)
            wide, wide_total = self.tops_at(wide_width)
            if wide_total <= region.height:
                tops, total, text_width = wide, wide_total, wide_width
        self.card_tops, self.text_width = tops, text_width
        self.laid_out_for = (full, region.height)
        if self.virtual_size.height != total:
            self.virtual_size = Size(0, total)
        if self.scroll_pending and self.highlighted is not None:
            self.call_later(self.scroll_to_highlighted)
        return True

    def tops_at(self, text_width: int) -> tuple[list[int], int]:
        """The first line of each card with text ``text_width`` cells wide, and the lines of all."""
        tops: list[int] = []
        y = 0
        gap = self.GAP
        for card in self.shown_cards:
            tops.append(y)
            y += card.height(text_width) + gap
        return tops, y

    def scroll_to_highlighted(self) -> None:
        if self.highlighted is not None:
            self.scroll_to_card(self.highlighted)

    def on_resize(self, _: events.Resize) -> None:
        self.lay_out()

    def notify_style_update(self) -> None:
        self.refresh()  # a theme, the -current class: the cards' look may change
        super().notify_style_update()

    # -- drawing ------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self.lay_out()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index = self.card_at(line)
        if index is None:
            return Strip.blank(width, self.get_visual_style().rich_style)
        strip = self.card_strips(index)[line - self.card_tops[index]]
        return (
            strip if strip.cell_length == width else strip.adjust_cell_length(width, self.get_visual_style().rich_style)
        )

    def card_strips(self, index: int) -> list[Strip]:
        """The lines of the card at ``index``, rendered if its look changed since they last were."""
        card = self.shown_cards[index]
        look = "board-column--card-highlighted" if index == self.highlighted else "board-column--card"
        edge = "board-column--edge-overdue" if card.overdue else "board-column--edge"
        text_style = self.get_visual_style(look)
        # Drawn as Textual draws an outer left border: the edge's colour over the column's
        # background, on the card's.
        column_background = self.get_visual_style().background or Color(0, 0, 0, 0)
        edge_colour = self.get_visual_style(edge).foreground or Color(0, 0, 0, 0)
        edge_style = Style(background=text_style.background, foreground=column_background + edge_colour)
        text_width = self.text_width
        key = (text_width, text_style, edge_style)
        if card.drawn is not None and card.drawn[0] == key:
            return card.drawn[1]
        height = card.height(text_width)
        lines = Visual.to_strips(self, card.shown, text_width, height, text_style, pad=True) if text_width else []
        blank = Strip.blank(text_width, text_style.rich_style)
        lines = (lines + [blank] * height)[:height]  # as many lines as the height says, whatever Textual drew
        left = [Segment(EDGE, edge_style.rich_style), Segment(" ", text_style.rich_style)]
        strips = [Strip([*left, *line], _GUTTER + text_width) for line in lines]
        card.drawn = (key, strips)
        return strips

    # -- the mouse ----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.card_at(self.scroll_offset.y + offset.y)
        if index is not None:
            event.stop()
            self.post_message(self.Clicked(self, index))
