"""The meeting screen's capture keys: the capture bar opened for an action, a note, a
decision or a parked point (a, o, d, l), editing the selected record (e), and saving
what the bar holds.

:class:`CaptureFlow` is given the meeting screen it works for and uses only what that
screen offers (its service, language, panes, ``do`` and ``report``); the screen's key
actions and message handlers call it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopconsole.domain.model import ActionItem, Decision, Note, ParkedItem
from coopconsole.service.captures import Captured
from coopconsole.texts import t
from coopconsole.tui.messages import CaptureSubmitted
from coopconsole.tui.paint import set_border_subtitle
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.parking_lot import ParkingLotPane

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen

#: The kind of record each editable record is captured as.
_KIND_OF: dict[type, str] = {ActionItem: "action", ParkedItem: "park", Decision: "decision", Note: "note"}


class CaptureFlow:
    """Opening the capture bar, editing, and saving what it holds."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen

    @property
    def bar(self) -> CaptureBar:
        return self.screen.query_one(CaptureBar)

    async def open(self, kind: str, text: str = "", record: Captured | None = None) -> None:
        """Open the bar for ``kind`` (with ``text`` to edit ``record``; for a ``remark``,
        ``record`` is the action it is about)."""
        bar = self.bar
        if not bar.ready:  # made after the first frame: a key pressed sooner waits for it
            bar.show_early()  # shown at once, so the keys typed meanwhile are the bar's
            await bar.prepare()
            if not bar.display:  # Escape came first
                return
        screen = self.screen
        bar.open(kind, screen.lang, screen.service.glance().participants, text, record)

    async def edit_selected(self) -> None:
        """``e``: edit the parked point selected in the focused parking lot, else the
        action, decision or note selected in the actions pane."""
        screen = self.screen
        parking = screen.query_one(ParkingLotPane)
        selected = parking.selected_id()
        if screen.focused is parking and selected is not None:
            point = next((p for p in screen.service.glance().parked if p.id == selected), None)
            if point is not None:
                await self.edit(point)
            return
        record = screen.query_one(ActionsPane).selected()
        if record is not None:
            await self.edit(record)

    async def edit(self, record: Captured) -> None:
        """Open the bar on ``record``'s text (a parked point's with who raised it)."""
        text = record.text
        if isinstance(record, ParkedItem) and record.raised_by:
            text = f"@{record.raised_by} {record.text}"
        await self.open(_KIND_OF[type(record)], text, record)

    def submitted(self, message: CaptureSubmitted) -> None:
        """Save what the bar holds; it closes once the record is on disk, and keeps the
        text (with a message) if it could not be saved."""
        screen, bar = self.screen, self.bar
        kind, text, record = message.kind, message.text, message.record
        captures = screen.service.captures

        def save() -> Captured:
            if kind == "remark":
                return screen.moves.save_remark(record, text)
            return captures.edit(record, text) if record is not None else captures.capture(kind, text)

        def saved(result: Any) -> None:
            pane = screen.query_one(ParkingLotPane if kind == "park" else ActionsPane)
            if bar.text == text:  # nothing typed meanwhile: close the bar
                self.close(kind)
                # The new (or edited) record is highlighted once the tick has drawn it,
                # so `e` right after a capture edits what was just captured.
                screen.call_later(pane.select_id, _row_id(result))
            # Said under the pane the record is in, not in a pop-up: a notification
            # re-lays out the whole screen, which took 20-40 ms at full-day size.
            lang = screen.lang
            if kind == "remark":
                set_border_subtitle(pane, screen.moves.remarked(result))
                return
            said = t("capture.saved", lang, kind=t(f"capture.{kind}", lang), id=result.id)
            smart = getattr(result, "smart", None)
            if smart is not None and not smart.ok:
                problems = ", ".join(t(f"smart.{code}", lang) for code in smart.problems)
                said = f"{said} · {t('capture.smart_hint', lang, problems=problems)}"
            set_border_subtitle(pane, said)

        def not_saved(exc: BaseException) -> None:
            bar.add_class("-error")  # the text stays in the bar; Enter retries
            screen.report(exc, "capture.failed")

        screen.do(save, saved, not_saved)

    def close(self, kind: str) -> None:
        """Close the bar and give the focus back to the pane the record went to."""
        self.bar.close()
        self.screen.query_one(ParkingLotPane if kind == "park" else ActionsPane).focus()


def _row_id(record: Captured) -> str:
    """The id of ``record``'s row in its pane."""
    prefix = {ActionItem: "action", ParkedItem: "parked", Decision: "decision", Note: "note"}[type(record)]
    return f"{prefix}-{record.id}"
