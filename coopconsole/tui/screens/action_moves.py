"""The meeting screen's board keys: move the highlighted action to its next or previous
state (``]``, ``[``) and add a remark to it (``k``).

Which action: the one highlighted in the actions pane; with none highlighted, while the
previous actions are reviewed, the first carried action not looked at yet in this review
(worked out by the service on the intent thread, after the intents before it), which is
then highlighted (the pane has the focus: ↓ goes on to the next). A move is kept in the
action's history by the service, on the intent thread; the pane says what was done under
its border and keeps the action highlighted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coopconsole.domain.model import ActionItem
from coopconsole.texts import t
from coopconsole.tui.paint import set_border_subtitle
from coopconsole.tui.widgets.actions import ActionsPane

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen


class ActionMoves:
    """Moving actions on the board from the meeting screen."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen
        # What the last board key pressed with nothing highlighted acts on, filled on the
        # intent thread, until its result is drawn (the action highlighted): a key pressed
        # meanwhile acts on the same action, as it would once the highlight shows.
        self._pending: list[ActionItem] | None = None

    def _selected(self) -> ActionItem | None:
        """The action highlighted in the actions pane, if an action is."""
        selected = self.screen.query_one(ActionsPane).selected()
        return selected if isinstance(selected, ActionItem) else None

    def _chosen(self) -> tuple[Callable[[], ActionItem], list[ActionItem] | None]:
        """The action a board key acts on, read on the intent thread, and the list it is
        kept in for the keys that follow (None: it is the one highlighted)."""
        selected = self._selected()
        if selected is not None:
            return (lambda: selected), None
        before = self._pending
        box: list[ActionItem] = []
        self._pending = box
        board = self.screen.service.board

        def chosen() -> ActionItem:
            action = before[0] if before else board.to_review()
            box.append(action)
            return action

        return chosen, box

    def move(self, by: int) -> None:
        chosen, box = self._chosen()
        board, lang = self.screen.service.board, self.screen.lang

        def step() -> ActionItem:
            moved = board.step(chosen().id, by)
            if box is not None:
                box[:] = [moved]
            return moved

        def done(moved: Any) -> None:
            state = t(f"board.{moved.status.value}", lang)
            self._said(moved, t("board.moved", lang, id=moved.id, state=state), box)

        def failed(exc: BaseException) -> None:
            self._drawn(box)
            self.screen.report(exc)

        self.screen.do(step, done, failed)

    async def remark(self) -> None:
        """Open the capture bar for a remark on the action (saved by :meth:`save_remark`)."""
        selected = self._selected()
        if selected is not None:
            await self.screen.capturing.open("remark", record=selected)
            return
        screen = self.screen
        chosen, box = self._chosen()

        async def open_bar(action: ActionItem) -> None:
            if screen.capturing.bar.display:  # another capture was opened meanwhile: its text stays
                return
            await screen.capturing.open("remark", record=action)

        def opened(action: Any) -> None:
            self.screen.query_one(ActionsPane).select_id(f"action-{action.id}")
            self._drawn(box)
            screen.call_later(open_bar, action)

        def failed(exc: BaseException) -> None:
            self._drawn(box)
            screen.report(exc)

        screen.do(chosen, opened, failed)

    def save_remark(self, action: ActionItem, text: str) -> ActionItem:
        """On the intent thread: keep ``text`` as a remark on ``action``."""
        return self.screen.service.board.remark(action.id, text)

    def remarked(self, action: ActionItem) -> str:
        return t("board.remarked", self.screen.lang, id=action.id)

    def _drawn(self, box: list[ActionItem] | None) -> None:
        if box is not None and self._pending is box:
            self._pending = None

    def _said(self, action: ActionItem, said: str, box: list[ActionItem] | None) -> None:
        """Say ``said`` under the pane and highlight ``action``, now: a key pressed next
        acts on it. The pane takes the focus (↓ goes on to the next action) unless the
        capture bar is open, whose field keeps it."""
        pane = self.screen.query_one(ActionsPane)
        set_border_subtitle(pane, said)
        if not self.screen.capturing.bar.display:
            self.screen.set_focus(pane)
        pane.select_id(f"action-{action.id}")
        self._drawn(box)
