"""The meeting screen's capture keys: the capture bar opened for an action, a note, a
decision or a parked point (a, o, d, l), editing the selected record (e), a parked point
turned into an action (the bar opened on its text, for the owner and the deadline), and
saving what the bar holds.

:class:`CaptureFlow` is given the meeting screen it works for and uses only what that
screen offers (its service, language, panes, ``do`` and ``report``); the screen's key
actions and message handlers call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widget import Widget

from coopconsole.domain.model import ActionItem, Decision, Note, ParkedItem, Resolution
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
        self._parking_said = ""  # the parking lot's line, given back if a parked point stays

    @property
    def bar(self) -> CaptureBar:
        return self.screen.query_one(CaptureBar)

    async def open(self, kind: str, text: str = "", record: Captured | None = None) -> None:
        """Open the bar for ``kind`` (with ``text`` to edit ``record``; for a ``remark``,
        ``record`` is the action it is about).

        From a capture key this runs in the app's own turn (a priority binding): the keys
        typed behind it wait in the app's queue until the bar has the focus, even while
        the bar is still being made, and then reach the field in order."""
        bar = self.bar
        if not bar.ready:  # made after the first frame: a key pressed sooner waits for it
            bar.show_early()  # shown at once (from the palette, keys typed meanwhile are kept)
            await bar.prepare()
            if not bar.display:  # Escape came first
                return
        screen = self.screen
        bar.open(kind, screen.lang, screen.service.glance().participants, text, record)

    def open_at_once(
        self, kind: str, text: str = "", record: Captured | None = None
    ) -> Callable[[events.Key], bool] | None:
        """Open the bar for ``kind`` now, as a dialog's choice is made (the dialog's result
        arrives only once it has gone, and a key typed meanwhile would reach the meeting's
        keys); return where the keys typed until then go: into the bar. None if the bar is
        not made yet: it is opened when the result arrives, as from a capture key."""
        bar = self.bar
        if not bar.ready:
            return None
        bar.open(kind, self.screen.lang, self.screen.service.glance().participants, text, record)
        return self.typed_ahead

    def typed_ahead(self, event: events.Key) -> bool:
        """A key typed before the bar had the focus: a letter is typed into it."""
        if event.is_printable and event.character:
            self.bar.type(event.character)
            return True
        return False

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

    async def from_parked(self, point: ParkedItem) -> None:
        """Open the bar for the action a parked point becomes: its text, the cursor at
        the end so ``@name`` completes as it does in any capture, and a hint under the
        parking lot. Enter saves the action and resolves the point; Escape leaves both
        as they were."""
        if self.bar.display and self.bar.record is point:  # opened as it was chosen
            return
        await self.open("action", f"{point.text} ", point)
        self._hint_parked()

    def _hint_parked(self) -> None:
        if self.bar.display:
            parking = self.screen.query_one(ParkingLotPane)
            self._parking_said = str(parking.border_subtitle or "")
            set_border_subtitle(parking, t("capture.from_parked.hint", self.screen.lang))

    def stray_key(self, event: events.Key) -> bool:
        """Whether ``event``, a key that reached the meeting screen while the bar is open
        but not focused (after a click elsewhere), was the bar's: letters are typed into
        it and Escape closes it. The meeting's own bindings are turned off while the bar
        is open (``MeetingScreen.check_action``)."""
        bar = self.bar
        if not bar.display or bar.has_focus_within:
            return False
        if event.key == "escape":
            bar.action_cancel()
        elif event.is_printable and event.character:
            bar.type(event.character)
        else:
            return False
        return True

    def resolve_parked(self, parked_id: int) -> None:
        """Ask what becomes of parked point ``parked_id`` (scheduled on an item to come,
        deferred, dropped, or an action: then the bar opens for its owner and deadline)."""
        from coopconsole.domain.agenda_edit import as_changed
        from coopconsole.domain.timeline import agenda_state, items_to_come
        from coopconsole.tui.screens.dialogs import resolve_choices

        screen = self.screen
        session = screen.service.glance()
        point = next((p for p in session.parked if p.id == parked_id), None)
        if point is None:
            return
        state = agenda_state(session, screen.service.now())
        changed = as_changed(session, state)  # the items in their order now, as titled now
        choices = resolve_choices(changed, screen.lang, items_to_come(changed, state))

        def chosen(choice: tuple[Resolution, int | None] | None) -> None:
            if choice is not None:
                resolution, item = choice
                if resolution is Resolution.ACTION:  # the bar: owner, deadline
                    screen.call_later(self.from_parked, point)
                    return
                screen.do(lambda: screen.service.captures.resolve_parked(parked_id, resolution, item))

        def at_choice(choice: tuple[Resolution, int | None] | None) -> Callable[[events.Key], bool] | None:
            if choice is None or choice[0] is not Resolution.ACTION:
                return None
            keys = self.open_at_once("action", f"{point.text} ", point)
            self._hint_parked()
            return keys

        screen.ask(t("pick.resolve", screen.lang, id=point.id, text=point.text), choices, chosen, at_choice)

    def submitted(self, message: CaptureSubmitted) -> None:
        """Save what the bar holds; it closes once the record is on disk, and keeps the
        text (with a message) if it could not be saved."""
        screen, bar = self.screen, self.bar
        kind, text, record = message.kind, message.text, message.record
        captures = screen.service.captures

        parked = record if kind == "action" and isinstance(record, ParkedItem) else None

        def save() -> Captured:
            if kind == "remark":
                return screen.moves.save_remark(record, text)
            if parked is not None:
                return captures.action_from_parked(parked.id, text)
            return captures.edit(record, text) if record is not None else captures.capture(kind, text)

        highlight: list[Callable[[], None]] = []  # what to do once the saved record is drawn

        def saved(result: Any) -> None:
            pane = screen.query_one(ParkingLotPane if kind == "park" else ActionsPane)
            lang = screen.lang
            if kind == "remark":
                said = screen.moves.remarked(result)
            else:
                said = t("capture.saved", lang, kind=t(f"capture.{kind}", lang), id=result.id)
                smart = getattr(result, "smart", None)
                if smart is not None and not smart.ok:
                    problems = ", ".join(t(f"smart.{code}", lang) for code in smart.problems)
                    said = f"{said} · {t('capture.smart_hint', lang, problems=problems)}"
            if parked is not None:
                done = t("capture.from_parked.done", lang, id=parked.id, action=result.id)
                set_border_subtitle(screen.query_one(ParkingLotPane), done)
            # Typed on meanwhile, or another capture opened: the bar stays open with it
            # (a bar closed meanwhile, by Escape, stays closed: the record is saved).
            if bar.display and bar.text != text:
                if parked is not None and bar.record is parked:  # a plain action now: the point is resolved
                    bar.open("action", lang, screen.service.glance().participants, bar.text)
                set_border_subtitle(pane, said)
                return
            self.close(kind, saved=True)

            # The new (or edited) record is highlighted as soon as the look has given the
            # pane its row, in the frame that draws it (a highlight a frame later scrolled
            # the list under the note-taker's eyes), so `e` right after a capture edits
            # what was just captured; what was saved is said under the pane it is in, not
            # in a pop-up (a notification re-lays out the whole screen, which took 20-40 ms
            # at full-day size).
            def show() -> None:
                pane.select_id(_row_id(result))
                set_border_subtitle(pane, said)

            highlight.append(show)

        def drawn(_: Any) -> None:
            for show in highlight:
                show()

        def not_saved(exc: BaseException) -> None:
            bar.add_class("-error")  # the text stays in the bar; Enter retries
            screen.report(exc, "capture.failed")

        screen.do(save, saved, not_saved, drawn)

    def close(self, kind: str, saved: bool = False) -> None:
        """Close the bar and give the focus back to the pane the record went to (to the
        parking lot, as it was, when a parked point's action was not saved).

        The focus is given at once, before the bar is hidden, not as ``focus()`` gives it
        (after the messages already queued): the look that draws the saved row then draws
        the pane focused, in one frame. A focus a frame later drew the whole pane, and
        its scrollbar, once more for the focus's look."""
        bar, screen = self.bar, self.screen
        from_parked = isinstance(bar.record, ParkedItem) and kind == "action"
        parking = screen.query_one(ParkingLotPane)
        if from_parked and not saved:
            set_border_subtitle(parking, self._parking_said)
            pane: Widget = parking
        else:
            pane = screen.query_one(ParkingLotPane if kind == "park" else ActionsPane)
        screen.set_focus(pane)
        bar.close()


def _row_id(record: Captured) -> str:
    """The id of ``record``'s row in its pane."""
    prefix = {ActionItem: "action", ParkedItem: "parked", Decision: "decision", Note: "note"}[type(record)]
    return f"{prefix}-{record.id}"
