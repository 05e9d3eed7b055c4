"""The meeting screen's board keys: move the highlighted action to its next or previous
state (``]``, ``[``) and add a remark to it (``k``).

Which action: the one highlighted in the actions pane; with none highlighted, while the
previous actions are reviewed, the first carried action not looked at yet in this review,
which is then highlighted (the pane has the focus: ↓ goes on to the next). A move is kept in
the action's history by the service, on the intent thread; the pane says what was done
under its border and keeps the action highlighted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopconsole.domain.board import looked_at
from coopconsole.domain.model import ActionItem
from coopconsole.domain.series import in_review, review_started
from coopconsole.texts import t
from coopconsole.tui.paint import set_border_subtitle
from coopconsole.tui.widgets.actions import ActionsPane

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen


class ActionMoves:
    """Moving actions on the board from the meeting screen."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen

    def target(self) -> ActionItem | None:
        """The action the board keys act on now (None: say how to choose one)."""
        screen = self.screen
        selected = screen.query_one(ActionsPane).selected()
        if isinstance(selected, ActionItem):
            return selected
        frame = screen.frame
        if frame is None or not in_review(frame.session, frame.view.agenda):
            return None
        since = review_started(frame.session, frame.view.agenda)
        carried = [a for a in frame.session.actions if a.origin and a.item == frame.current_item]
        return next((a for a in carried if not looked_at(a, since)), None)

    def move(self, by: int) -> None:
        action = self.target()
        if action is None:
            self._say_pick()
            return
        board, lang = self.screen.service.board, self.screen.lang

        def done(moved: Any) -> None:
            state = t(f"board.{moved.status.value}", lang)
            self._said(moved, t("board.moved", lang, id=moved.id, state=state))

        self.screen.do(lambda: board.step(action.id, by), done)

    async def remark(self) -> None:
        """Open the capture bar for a remark on the action (saved by :meth:`save_remark`)."""
        action = self.target()
        if action is None:
            self._say_pick()
            return
        await self.screen.capturing.open("remark", record=action)

    def save_remark(self, action: ActionItem, text: str) -> ActionItem:
        """On the intent thread: keep ``text`` as a remark on ``action``."""
        return self.screen.service.board.remark(action.id, text)

    def remarked(self, action: ActionItem) -> str:
        return t("board.remarked", self.screen.lang, id=action.id)

    def _said(self, action: ActionItem, said: str) -> None:
        pane = self.screen.query_one(ActionsPane)
        set_border_subtitle(pane, said)
        pane.focus()  # the board's keys are about the actions: ↓ goes on to the next one
        self.screen.call_later(pane.select_id, f"action-{action.id}")

    def _say_pick(self) -> None:
        self.screen.notify(t("board.pick", self.screen.lang), severity="warning", markup=False)
