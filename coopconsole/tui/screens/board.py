"""The board: every action of the sessions folder in four columns, one per state.

To do, in progress, in review, done (待办 / 进行中 / 待评审 / 已完成): each action of each
series once, as it stands now (its newest copy, see ``coopconsole.service.series``).
``]`` moves the highlighted card to the next state, ``[`` back one, ``k`` keeps a remark
with it (``coopconsole.tui.screens.board_moves``).

The board follows changes made elsewhere (``coopconsole status`` in another terminal,
another console): every :attr:`BoardScreen.REFRESH_S` seconds a worker thread stamps the
folder (``coopconsole.service.folder_watch``) and reads it again only when a file was
saved, added or removed. Filters (series, owner, organisation) are said on the top line.

The board is drawn at once and reads the folder after its first frame (unless it is
given the folder as just read: ``coopconsole board --owner`` reads it to check the
filter). A folder holds thousands of actions: each column is one widget that draws only
the cards in view (``coopconsole.tui.widgets.board``), and a card whose action did not
change since the last read is the same card, its height and lines kept, so a column
whose cards are all the same is not redrawn.

The collector follows the console's policy (``coopconsole.tui.memory``): no full
collection starts by itself while the board is up (one walked the thousands of actions
just read, in the middle of drawing them), and what a read made is frozen once drawn.
"""

from __future__ import annotations

import gc
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label
from textual.worker import get_current_worker

from coopconsole.domain.board import STATES, overdue_days
from coopconsole.domain.board_view import FILTER_FIELDS, BoardFilters, columns_of, filtered
from coopconsole.domain.clock import Clock
from coopconsole.domain.series import Latest
from coopconsole.service import ServiceError
from coopconsole.service.folder_watch import FileStamp, FolderRead, folder_stamp
from coopconsole.service.series import all_actions
from coopconsole.store import SessionStore
from coopconsole.texts import t
from coopconsole.tui import memory
from coopconsole.tui.commands import Command, bind
from coopconsole.tui.file_changes import FolderChanges, any_session, watch_folder
from coopconsole.tui.intents import IntentRunner
from coopconsole.tui.messages import FolderChanged
from coopconsole.tui.paint import set_border_title
from coopconsole.tui.screens.board_dialogs import (
    BoardHelp,
    ask_filter,
    ask_filter_value,
    board_bindings,
    history_dialog,
)
from coopconsole.tui.screens.board_moves import CardMoves
from coopconsole.tui.widgets.board import BoardColumn
from coopconsole.tui.widgets.board_card import Card
from coopconsole.tui.widgets.footer import KeyFooter


class BoardScreen(Screen):
    """Every action of the folder on a board. ``localized(BoardScreen, lang)`` has the keys
    in ``lang``; ``alone``: the board is the whole console (``coopconsole board``), so
    closing it quits."""

    BINDING_GROUP_TITLE = "Board"
    REFRESH_S = 2.0
    """How often the folder is looked at for changes made elsewhere."""

    DEFAULT_CSS = """
    BoardScreen #board-status {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    BoardScreen #board-columns {
        height: 1fr;
    }
    """

    @staticmethod
    def bindings(lang: str) -> list[Binding]:
        """Every key of the board, described in ``lang`` (see :func:`board_bindings`)."""
        return board_bindings(lang)

    def __init__(
        self,
        store: SessionStore,
        lang: str,
        clock: Clock,
        filters: BoardFilters | None = None,
        alone: bool = False,
        first: FolderRead | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        self.clock = clock
        self.filters = filters or BoardFilters()
        self.alone = alone
        self.intents = IntentRunner()
        self.moves = CardMoves(self)
        self.found: list[Latest] = []
        """Every action of the folder as last read."""
        self.damaged: list[str] = []
        """Why the session files that could not be read were not (as last read)."""
        self.stamp: tuple[FileStamp, ...] | None = None
        """The folder as it was when last read (None: not read yet)."""
        self.column = 0
        """The column the highlight is in (an index of ``STATES``)."""
        self.row = 0
        """The highlighted card's place in its column."""
        self.chosen: str | None = None
        """The highlighted action (its ``origin``), which the highlight follows as the board changes."""
        self.follow_chosen = False
        self.first = first
        """The folder as read before the board opened (None: the board reads it)."""
        self.file_changes: FolderChanges | None = None
        self.cards: dict[str, Card] = {}
        """The card of each action (by ``origin``) as last drawn, kept while the action is unchanged."""
        self.cards_day: date | None = None
        """The day the cards were drawn for (a new day: every card is made again, overdue or not)."""
        self.gc_thresholds = gc.get_threshold()
        """The collector's thresholds before the board, put back when it closes."""

    def compose(self) -> ComposeResult:
        yield Label(id="board-status")
        with Horizontal(id="board-columns"):
            for state in STATES:
                yield BoardColumn(id=f"column-{state.value}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("kanban.title", self.lang)
        for column, state in zip(self.columns(), STATES, strict=True):
            set_border_title(column, t(f"board.{state.value}", self.lang))
        self.show_status()
        self.gc_thresholds = gc.get_threshold()
        memory.hold_full_collections()
        self.call_after_refresh(memory.settle)  # the collector back on (see coopconsole.cli.main)
        first, self.first = self.first, None
        if first is not None:
            self.show_folder(*first)
        else:  # after the first frame: reading the folder holds the interpreter for a while
            self.call_after_refresh(self.reread, True)
        self.set_interval(self.REFRESH_S, self.look)
        # A save anywhere in the folder, looked at as it lands, not at the next timer.
        self.file_changes = watch_folder(self, self.store.folder, any_session)

    def on_unmount(self) -> None:
        self.intents.close()
        gc.set_threshold(*self.gc_thresholds)
        if self.file_changes is not None:
            self.file_changes.stop()

    def on_folder_changed(self, message: FolderChanged) -> None:
        self.look()

    def columns(self) -> list[BoardColumn]:
        return list(self.query(BoardColumn))

    # -- reading the folder ------------------------------------------------------------

    def look(self) -> None:
        """The timer: look at the folder again, unless it is being read now (a read that
        takes longer than the timer's period is not cut short by the next look)."""
        if not any(
            worker.node is self and worker.group == "board-read" and worker.is_running for worker in self.app.workers
        ):
            self.reread()

    @work(thread=True, exclusive=True, group="board-read", exit_on_error=False)
    def reread(self, force: bool = False) -> None:
        """Read the folder again if anything in it changed since it was last read (``force``:
        whether or not); off the event loop, the board redrawn after."""
        worker = get_current_worker()
        stamp = folder_stamp(self.store)
        if not force and stamp == self.stamp:
            return
        try:
            found, damaged = all_actions(self.store)
        except (ServiceError, OSError) as exc:
            if not worker.is_cancelled:
                self.app.call_from_thread(self.unreadable, stamp, exc)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_folder, stamp, found, damaged)

    def show_folder(self, stamp: tuple[FileStamp, ...], found: list[Latest], damaged: list[str]) -> None:
        """Show the folder as just read."""
        if not self.is_attached:  # closed while it was being read
            return
        self.stamp, self.found = stamp, found
        origins = {latest.origin for latest in found}
        self.cards = {origin: card for origin, card in self.cards.items() if origin in origins}
        if damaged != self.damaged:
            self.damaged = damaged
            if damaged:
                said = t("kanban.damaged", self.lang, count=len(damaged))
                self.notify("\n".join([said, *damaged[:3]]), severity="warning", timeout=10, markup=False)
        self.draw()
        if gc.isenabled():  # (not yet while the console starts: its first settling turns it on)
            memory.settle()  # what the read made, frozen: no later collection walks it again

    def unreadable(self, stamp: tuple[FileStamp, ...], exc: BaseException) -> None:
        """The folder could not be looked across (a series that loops): said once per change."""
        if not self.is_attached:
            return
        self.stamp = stamp
        self.moves.report(exc)

    # -- drawing -------------------------------------------------------------------------

    def draw(self) -> None:
        """Show the actions the filters let through, and put the highlight back. Only the
        columns whose cards changed are redrawn, and only the lines in view."""
        shown = filtered(self.found, self.filters)
        today = self.clock().date()
        for column, latests, state in zip(self.columns(), columns_of(shown), STATES, strict=True):
            column.show_cards([self.card_of(latest, today) for latest in latests])
            set_border_title(column, f"{t(f'board.{state.value}', self.lang)} {len(latests)}")
        self.show_status(shown, today)
        self.place_highlight()

    def card_of(self, latest: Latest, today: date) -> Card:
        """The card of ``latest``: the one already drawn if it shows the same."""
        if today != self.cards_day:
            self.cards, self.cards_day = {}, today
        card = self.cards.get(latest.origin)
        if card is not None and card.latest is latest:
            return card
        made = Card(latest, self.lang, today)
        if card is not None and card.face == made.face:
            card.latest = latest  # the newest copy, which the keys act on
            return card
        self.cards[latest.origin] = made
        return made

    def show_status(self, shown: list[Latest] | None = None, today: date | None = None) -> None:
        """The top line: the filters (first: a narrow terminal cuts the line at its end),
        how many actions are shown and how many of them are overdue, and what went wrong."""
        lang = self.lang
        parts: list[Content] = [Content.styled(t("kanban.title", lang), "bold")]
        chosen = [(field, getattr(self.filters, field)) for field in FILTER_FIELDS]
        for field, value in chosen:
            if value is not None:
                parts.append(Content.assemble(t(f"kanban.filter.{field}", lang), (value, "bold $accent")))
        if all(value is None for _, value in chosen):
            parts.append(Content(t("kanban.no_filter", lang)))
        if shown is None:
            parts.append(Content(t("kanban.reading", lang)))
        elif not self.found:
            parts.append(Content(t("kanban.empty", lang)))
        else:
            parts.append(Content(t("kanban.count", lang, shown=len(shown), total=len(self.found))))
            late = sum(1 for latest in shown if today is not None and overdue_days(latest.action, today))
            if late:
                parts.append(Content.styled(t("kanban.late", lang, count=late), "bold $warning"))
        if self.damaged:
            parts.append(Content.styled(t("kanban.damaged", lang, count=len(self.damaged)), "$warning"))
        self.query_one("#board-status", Label).update(Content(" · ").join(parts))

    def place_highlight(self) -> None:
        """Highlight the chosen card where it is now (in its column, or, after a move made
        here, wherever it went); if it is gone, the card now in its place."""
        columns = [column.cards() for column in self.columns()]
        follow, self.follow_chosen = self.follow_chosen, False
        keys = [[card.card_key for card in cards] for cards in columns]
        if self.chosen is not None and follow:
            for index, column_keys in enumerate(keys):
                if self.chosen in column_keys:
                    self.column = index
        here = keys[self.column]
        if self.chosen in here:
            self.row = here.index(self.chosen)
        self.highlight(columns)

    def highlight(self, columns: list[list[Card]] | None = None) -> None:
        """Mark the current column and its card at :attr:`row` (kept within the column),
        scrolled into view."""
        boards = self.columns()
        columns = columns if columns is not None else [column.cards() for column in boards]
        cards = columns[self.column]
        self.row = max(0, min(self.row, len(cards) - 1))
        chosen = cards[self.row] if cards else None
        self.chosen = chosen.card_key if chosen is not None else None
        for index, column in enumerate(boards):
            current = index == self.column
            column.set_class(current, "-current")
            column.highlight(self.row if current and chosen is not None else None)
        self.refresh_bindings()

    def highlighted_card(self) -> Card | None:
        """The card the keys act on (None: the current column is empty)."""
        cards = self.columns()[self.column].cards()
        if 0 <= self.row < len(cards) and cards[self.row].card_key == self.chosen:
            return cards[self.row]
        return next((card for card in cards if card.card_key == self.chosen), None)

    def card_or_say(self) -> Card | None:
        """The highlighted card; None, said in a notice, when there is none to act on."""
        card = self.highlighted_card()
        if card is None:
            self.notify(t("kanban.none", self.lang), severity="warning", markup=False)
        return card

    # -- moving the highlight ------------------------------------------------------------

    def action_column(self, by: int) -> None:
        self.column = max(0, min(len(STATES) - 1, self.column + by))
        self.highlight()

    def action_card(self, by: int) -> None:
        self.row += by
        self.highlight()

    def on_board_column_clicked(self, message: BoardColumn.Clicked) -> None:
        self.column, self.row = self.columns().index(message.column), message.index
        self.highlight()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys that act on a card are dimmed while there is none to act on."""
        if action in ("step", "remark", "history") and self.is_mounted and self.highlighted_card() is None:
            return None
        return True

    # -- moving actions (see ``board_moves``) ---------------------------------------------

    def action_step(self, by: int) -> None:
        """Move the highlighted action ``by`` states (1: the next, -1: the one before)."""
        self.moves.step(by)

    def action_remark(self) -> None:
        """Ask for a remark on the highlighted action, and keep it in its history."""
        self.moves.remark()

    def action_history(self) -> None:
        """Show the highlighted action whole, with every move and remark of its history."""
        card = self.card_or_say()
        if card is not None:
            self.app.push_screen(history_dialog(card.latest, self.lang, self.clock))

    # -- filters -------------------------------------------------------------------------

    def action_filter(self) -> None:
        ask_filter(self)

    def choose_filter(self, field: str) -> None:
        ask_filter_value(self, field)

    def set_filters(self, filters: BoardFilters) -> None:
        """Show only what ``filters`` let through (the highlight stays on its card if it is still shown)."""
        self.filters = filters
        self.draw()

    # -- help, the palette, closing ------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(BoardHelp(self.BINDINGS, self.lang))

    def action_close(self) -> None:
        if self.alone:
            self.app.exit()
        else:
            self.dismiss()

    def palette_commands(self) -> list[Command]:
        """Every intent of the board by name ("board: move the highlighted action on", ...)."""
        lang = self.lang
        return [
            (t("kanban.cmd.next", lang), bind(self.action_step, 1)),
            (t("kanban.cmd.back", lang), bind(self.action_step, -1)),
            (t("kanban.cmd.remark", lang), self.action_remark),
            (t("kanban.cmd.history", lang), self.action_history),
            (t("kanban.cmd.filter", lang), self.action_filter),
            *((t(f"kanban.cmd.by_{field}", lang), bind(self.choose_filter, field)) for field in FILTER_FIELDS),
            (t("kanban.cmd.clear", lang), bind(self.set_filters, BoardFilters())),
            (t("kanban.cmd.reread", lang), bind(self.reread, True)),
            (t("kanban.cmd.help", lang), self.action_help),
            (t("kanban.cmd.close", lang), self.action_close),
        ]
