"""The meeting screen's capture keys: the capture bar opened for an action, a note, a
decision or a parked point (a, o, d, l), editing the selected record (e), and saving
what the bar holds.

A mixin of :class:`coopconsole.tui.screens.meeting.MeetingScreen`, which provides ``service``,
``lang``, ``do``, ``report`` and the panes.
"""

from __future__ import annotations

from typing import Any

from coopconsole.domain.model import ActionItem, Decision, Note, ParkedItem
from coopconsole.texts import t
from coopconsole.tui.messages import CaptureCancelled, CaptureSubmitted, RecordChosen
from coopconsole.tui.paint import set_border_subtitle
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.parking_lot import ParkingLotPane


class CaptureActions:
    """Mixed into the meeting screen."""

    async def action_capture(self, kind: str) -> None:
        await self._open_bar(kind)

    async def _open_bar(self, kind: str, text: str = "", record: Any = None) -> None:
        bar = self.query_one(CaptureBar)
        if not bar.ready:  # made after the first frame: a key pressed sooner waits for it
            bar.show_early()  # shown at once, so the keys typed meanwhile are the bar's
            await bar.prepare()
            if not bar.display:  # Escape came first
                return
        bar.open(kind, self.lang, self.service.glance().participants, text, record)

    async def action_edit(self) -> None:
        focused = self.focused
        parking = self.query_one(ParkingLotPane)
        if focused is parking and parking.selected_id() is not None:
            point = next(p for p in self.service.glance().parked if p.id == parking.selected_id())
            await self._edit(point)
            return
        record = self.query_one(ActionsPane).selected()
        if record is not None:
            await self._edit(record)

    async def on_record_chosen(self, message: RecordChosen) -> None:
        await self._edit(message.record)

    async def _edit(self, record: Any) -> None:
        kind = {ActionItem: "action", ParkedItem: "park", Decision: "decision"}.get(type(record), "note")
        text = record.text
        if isinstance(record, ParkedItem) and record.raised_by:
            text = f"@{record.raised_by} {record.text}"
        await self._open_bar(kind, text, record)

    def on_capture_submitted(self, message: CaptureSubmitted) -> None:
        bar = self.query_one(CaptureBar)
        kind, text, record = message.kind, message.text, message.record

        def save() -> Any:
            return (
                self.service.captures.edit(record, text)
                if record is not None
                else self.service.captures.capture(kind, text)
            )

        def saved(result: Any) -> None:
            pane = self.query_one(ParkingLotPane if kind == "park" else ActionsPane)
            if bar.text == text:  # nothing typed meanwhile: close the bar
                self._close_bar(kind)
                # The new (or edited) record is highlighted once the tick has drawn it,
                # so `e` right after a capture edits what was just captured.
                self.call_later(pane.select_id, _row_id(result))
            # Said under the pane the record is in, not in a pop-up: a notification
            # re-lays out the whole screen, which took 20-40 ms at full-day size.
            said = t("capture.saved", self.lang, kind=t(f"capture.{kind}", self.lang), id=result.id)
            smart = getattr(result, "smart", None)
            if smart is not None and not smart.ok:
                problems = ", ".join(t(f"smart.{code}", self.lang) for code in smart.problems)
                said = f"{said} · {t('capture.smart_hint', self.lang, problems=problems)}"
            set_border_subtitle(pane, said)

        def not_saved(exc: BaseException) -> None:
            bar.add_class("-error")  # the text stays in the bar; Enter retries
            self.report(exc, "capture.failed")

        self.do(save, saved, not_saved)

    def on_capture_cancelled(self, message: CaptureCancelled) -> None:
        self._close_bar(self.query_one(CaptureBar).kind)

    def _close_bar(self, kind: str) -> None:
        self.query_one(CaptureBar).close()
        pane = ParkingLotPane if kind == "park" else ActionsPane
        self.query_one(pane).focus()


def _row_id(record: Any) -> str:
    """The id of ``record``'s row in its pane."""
    prefix = {ActionItem: "action", ParkedItem: "parked", Decision: "decision", Note: "note"}[type(record)]
    return f"{prefix}-{record.id}"
