"""Moving the board's highlighted action: a state on or back, a remark. Each runs on the
board's intent thread, on the action's newest copy, under that session's lock (which may
have to wait for another terminal's save), and the board is read again once it is
durable. A refusal (an action already done has no next state) is a notification in the
board's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from coopconsole.domain.model import ActionItem
from coopconsole.domain.series import Latest
from coopconsole.service import MeetingService
from coopconsole.service.board import ActionBoard
from coopconsole.store import StoreError
from coopconsole.texts import t
from coopconsole.tui.intents import report_failure
from coopconsole.tui.screens.board_dialogs import RemarkDialog
from coopconsole.tui.widgets.board_card import card_ref

if TYPE_CHECKING:
    from coopconsole.tui.screens.board import BoardScreen


class CardMoves:
    """The board screen's changes to actions (its ``]``, ``[`` and ``k`` keys)."""

    def __init__(self, board: BoardScreen) -> None:
        self.board = board

    def step(self, by: int) -> None:
        """Move the highlighted action ``by`` states (1: the next, -1: the one before)."""
        board = self.board
        card = board.card_or_say()
        if card is None:
            return
        latest, lang = card.latest, board.lang

        def moved(action: ActionItem) -> None:
            board.chosen, board.follow_chosen = latest.origin, True
            state = t(f"board.{action.status.value}", lang)
            board.notify(t("kanban.moved", lang, ref=card_ref(latest), state=state), markup=False)

        self.change(latest, lambda service: service.step(latest.action.id, by), moved)

    def remark(self) -> None:
        """Ask for a remark on the highlighted action, and keep it in its history."""
        board = self.board
        card = board.card_or_say()
        if card is None:
            return
        latest, lang = card.latest, board.lang

        def written(text: str | None) -> None:
            if text is None:  # Escape: nothing is saved
                return

            def kept(_: ActionItem) -> None:
                board.notify(t("kanban.remarked", lang, ref=card_ref(latest)), markup=False)

            self.change(latest, lambda service: service.remark(latest.action.id, text), kept)

        title = t("kanban.remark.title", lang, ref=card_ref(latest))
        board.app.push_screen(RemarkDialog(title, lang), written)

    def change(
        self, latest: Latest, intent: Callable[[ActionBoard], ActionItem], then: Callable[[ActionItem], None]
    ) -> None:
        """Run ``intent(board)`` on the session holding ``latest`` (its newest copy) on the
        intent thread; ``then(result)`` and the board read again once it is durable."""
        board = self.board
        store, clock = board.store, board.clock

        def run() -> ActionItem:
            with store.open(latest.meeting) as handle:
                return intent(MeetingService(handle, clock).board)

        def done(result: ActionItem) -> None:
            then(result)
            board.reread(force=True)

        board.intents.run(run, done, self.report)

    def report(self, exc: BaseException) -> None:
        """Why a change was not made (or the folder not read), in the board's language."""
        if isinstance(exc, StoreError):
            self.board.notify(str(exc), severity="error", timeout=10, markup=False)
        else:
            report_failure(self.board, exc, self.board.lang)
