"""``coopconsole board``: the console with the board of actions as its only screen.

It is the console (:class:`~coopconsole.tui.app.CoopConsoleApp`: the same themes, keymap,
settings, palette and language), started on the board instead of the picker; closing
the board quits.
"""

from __future__ import annotations

from typing import Protocol, cast

from textual import events
from textual.app import App

from coopconsole.domain.board_view import BoardFilters
from coopconsole.domain.clock import Clock, system_clock
from coopconsole.service.folder_watch import FolderRead
from coopconsole.store import SessionStore
from coopconsole.tui.app import CoopConsoleApp
from coopconsole.tui.localized import localized
from coopconsole.tui.screens.board import BoardScreen


class BoardApp(CoopConsoleApp):
    """The console on the board of the folder's actions, narrowed by ``filters``."""

    def __init__(
        self,
        store: SessionStore,
        lang: str | None,
        clock: Clock,
        theme: str | None = None,
        filters: BoardFilters | None = None,
        first: FolderRead | None = None,
    ) -> None:
        super().__init__(store, None, lang, clock, theme)
        self.filters = filters or BoardFilters()
        """What the board shows first (the command line's --series, --owner and --org)."""
        self.first = first
        """The folder as the command line read it to check those (None: the board reads it)."""

    def on_mount(self, event: events.Mount | None = None) -> None:
        # Instead of the console's own start (the picker): the board, and what the
        # console would have said about the settings.
        if event is not None:
            event.prevent_default()
        if self._problems:
            self.notify("\n".join(self._problems), severity="warning", timeout=15, markup=False)
        first, self.first = self.first, None
        self.push_screen(self.board(self.lang, self.filters, first))

    def board(self, lang: str, filters: BoardFilters, first: FolderRead | None = None) -> BoardScreen:
        return localized(BoardScreen, lang)(self.store, lang, self.clock, filters, alone=True, first=first)

    def choose_language(self, lang: str) -> None:
        """Switch the console's language: the board is shown again in it, as it was."""
        super().choose_language(lang)
        screen = self.screen
        if isinstance(screen, BoardScreen):
            self.switch_screen(self.board(lang, screen.filters))


def make_board_app(
    store: SessionStore,
    lang: str | None = None,
    clock: Clock = system_clock,
    theme: str | None = None,
    filters: BoardFilters | None = None,
    first: FolderRead | None = None,
) -> BoardApp:
    """The board as a console of its own (the command line's and the tests'); ``first``:
    the folder as already read, shown at once instead of read again."""
    return BoardApp(store, lang, clock, theme, filters, first)


class BoardHost(Protocol):
    """What the board needs of the console it opens in: the sessions folder and the clock."""

    store: SessionStore
    clock: Clock


def open_board(app: App, lang: str) -> None:
    """Show the board of ``app``'s sessions folder over whatever is on screen; closing it
    comes back there."""
    host = cast(BoardHost, app)
    app.push_screen(localized(BoardScreen, lang)(host.store, lang, host.clock))
