"""The meeting screen: header, the four panes, the capture bar, and every key.

The screen owns the session (through the service) and recomputes one :class:`Frame` a
second, which the panes receive through ``data_bind``: the header, the agenda and the
speakers every frame (``frame``), the actions and the parking lot only the frames in which
a record, the current item, the language or the day may have moved (``records``). Panes
never change the session: they post intents (``messages.py``), and the screen hands them
to the service on the intent thread; a change is shown once it is durable.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.reactive import Reactive, var
from textual.types import NoActiveAppError
from textual.widget import Widget

import coopconsole.tui.memory as memory
from coopconsole.domain.live import LiveMeeting
from coopconsole.domain.model import Attendance
from coopconsole.service import MeetingService
from coopconsole.texts import t
from coopconsole.tui.commands import Command
from coopconsole.tui.file_changes import FolderChanges, session_file, watch_folder
from coopconsole.tui.frame import Frame
from coopconsole.tui.intents import IntentRunner, report_failure
from coopconsole.tui.localized import localized
from coopconsole.tui.messages import (
    CaptureCancelled,
    CaptureSubmitted,
    FolderChanged,
    ParkedChosen,
    RecordChosen,
    SpeakerChosen,
)
from coopconsole.tui.screens.action_moves import ActionMoves
from coopconsole.tui.screens.agenda_edit_keys import AgendaEditFlow
from coopconsole.tui.screens.arrival import floor_refused
from coopconsole.tui.screens.capture_keys import CaptureFlow
from coopconsole.tui.screens.clock_keys import ClockFlow
from coopconsole.tui.screens.first_frame import FirstFrame
from coopconsole.tui.screens.looks import Looks
from coopconsole.tui.screens.meeting_keys import (
    KEY_ACTIONS,
    help_lines,
    meeting_bindings,
    palette_commands,
)
from coopconsole.tui.screens.outside_changes import for_screen
from coopconsole.tui.screens.playbook_keys import PlaybookFlow
from coopconsole.tui.screens.queue_keys import QueueFlow
from coopconsole.tui.screens.take_back_keys import TakeBackFlow
from coopconsole.tui.screens.time_box_alert import TimeBoxAlert
from coopconsole.tui.textual_internals import HeldScreen, use_line_compositor
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.agenda import AgendaPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.footer import KeyFooter
from coopconsole.tui.widgets.header import MeetingHeader
from coopconsole.tui.widgets.parking_lot import ParkingLotPane
from coopconsole.tui.widgets.speakers import SpeakersPane


class MeetingScreen(HeldScreen):
    """One meeting, live. ``localized(MeetingScreen, lang)`` has the keys in ``lang``."""

    bindings = staticmethod(meeting_bindings)

    BINDING_GROUP_TITLE = "Meeting"
    AUTO_FOCUS = ""  # the first tick focuses the agenda list, once the first frame is painted
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Textual's, without repainting the whole screen when the focus moves: the widgets
    whose look depends on it (``:focus``, ``:focus-within``) are restyled, and so redrawn,
    by ``Screen.set_focus`` itself. Textual's repaint drew all four panes again each time
    the capture bar opened or closed (see ``docs/upstream.md``)."""

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of now; the panes that show the clock are bound to it. A ``var``:
    setting it repaints nothing by itself, each pane repaints only what changed (see
    ``paint.py``)."""

    records: var[Frame | None] = var(None, always_update=True)
    """The frame again, set only when what :meth:`Frame.records_side` holds changed: the
    panes that show only records are bound to it, so the clock's second reaches neither
    them nor Textual's binding of them."""

    def __init__(
        self, service: MeetingService, lang: str, warning_minutes: int = 2, turn_limit: int | None = None
    ) -> None:
        # Start with the breakpoint class the terminal's width will give: set later, on the
        # first resize, it would restyle every widget once more before the first frame.
        super().__init__()
        use_line_compositor(self)  # partial updates render only the changed rows
        try:
            width = self.app.size.width
        except NoActiveAppError:  # made outside a running app (a test): the resize sets it
            width = None
        if width is not None:
            self.add_class(max(b for b in self.HORIZONTAL_BREAKPOINTS if width >= b[0])[1])
        self.service = service
        self.lang = lang
        self.warning_minutes = warning_minutes
        self.turn_limit = turn_limit  # the settings' per-turn limit, in minutes (None: off)
        self.live = LiveMeeting()
        self.looks = Looks(self)  # looks at the session besides the clock's tick
        self.intents = IntentRunner()
        self.capturing = CaptureFlow(self)
        self.clock = ClockFlow(self)  # the clock's keys that ask first (plan move, end)
        self.playbook = PlaybookFlow(self)
        self.moves = ActionMoves(self)
        self.taking_back = TakeBackFlow(self)  # x, ctrl+z, j: captures taken back, duplicates merged
        self.queue = QueueFlow(self)  # the speaker queue's keys
        self.agenda_edits = AgendaEditFlow(self)  # the agenda changed live, a walk-in
        self.alert = TimeBoxAlert(self)  # flash (and bell) as the current time box runs out
        self.outside = for_screen(self, lang)  # records another terminal adds: a short notice
        self.footer_first: tuple[str, ...] = ()  # see KeyFooter: REVIEW_KEYS during the review
        self._resumed = False
        self.file_changes: FolderChanges | None = None

    def compose(self) -> ComposeResult:
        # The capture bar first: it lies over the lower panes on a layer of its own, and
        # Textual numbers the screen's widgets in the order they are laid out from the last
        # one back, so a bar composed last would renumber every widget as it opens and
        # closes (every one then counts as changed: the whole screen drawn again).
        yield CaptureBar(self.lang, id="capture")
        yield MeetingHeader(id="meeting-header").data_bind(MeetingScreen.frame)
        # The panes are laid out by the screen itself (a grid: see meeting.tcss), not in a
        # container, which would paint every one of its lines under them first.
        yield AgendaPane(id="agenda", classes="pane").data_bind(MeetingScreen.frame)
        yield SpeakersPane(id="speakers", classes="pane").data_bind(MeetingScreen.frame)
        yield ParkingLotPane(id="parking", classes="pane").data_bind(frame=MeetingScreen.records)
        yield ActionsPane(id="actions", classes="pane").data_bind(frame=MeetingScreen.records)
        yield KeyFooter()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler, which restyles every widget of a resumed
        screen. The first resume comes right after compose, every widget styled as it
        was mounted: restyling them all again cost the first frame 8-10 ms."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self.query_one(CaptureBar).display = False
        self.title = self.service.glance().title
        self.call_after_refresh(FirstFrame(self).paint)  # once every pane has composed its widgets
        memory.hold_full_collections()
        self.set_interval(1, self.tick)
        self.set_interval(memory.SETTLE_EVERY_S, memory.settle)
        # Another console's or command's save, shown as it lands, not at the next second.
        path = self.service.handle.path
        self.file_changes = watch_folder(self, path.parent, session_file(path.stem))

    @property
    def keymap(self) -> Mapping[str, str]:
        """The keys remapped in the user's settings, by binding id (the app's)."""
        keymap: Mapping[str, str] = getattr(self.app, "keymap", {})
        return keymap

    def ready_to_paint(self) -> bool:
        """Nothing is painted before the first tick: the first frame is the whole meeting
        (see ``HeldScreen``)."""
        return self.frame is not None

    def on_unmount(self) -> None:
        self.intents.close()
        if self.file_changes is not None:
            self.file_changes.stop()

    def on_folder_changed(self, message: FolderChanged) -> None:
        self.looks.folder_changed()

    def tick(self, timed: bool = True) -> None:
        """Recompute what every pane shows (once a second, and after every change;
        ``timed``: the once-a-second one): see :meth:`.looks.Looks.look`."""
        self.looks.look(timed)

    # -- running intents ---------------------------------------------------------------

    def do(
        self,
        intent: Callable[[], Any],
        then: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        drawn: Callable[[Any], None] | None = None,
    ) -> None:
        """Run ``intent`` off the event loop; with its result, ``then(result)``, a look at
        the session, and ``drawn(result)``, which finds the panes showing the result (in
        the same frame: nothing is painted in between). ``failed(exc)`` if it failed."""

        def done(result: Any) -> None:
            self.looks.intent_done()
            self.outside.own(result)
            if then is not None:
                then(result)
            self.tick()
            if drawn is not None:
                drawn(result)

        def not_done(exc: BaseException) -> None:
            (failed or self.report)(exc)
            self.looks.intent_failed()

        self.intents.run(intent, done, not_done)

    def report(self, exc: BaseException, failed: str = "save.failed") -> None:
        """Tell the user why an intent was not carried out (``failed``: the message for a
        save that failed, which differs when the text waits in the capture bar)."""
        report_failure(self, exc, self.lang, failed)

    def on_key(self, event: events.Key) -> None:
        """Keys that reach the screen while the capture bar is open are the bar's (see
        :meth:`CaptureFlow.stray_key`); the meeting's bindings are off meanwhile."""
        if self.capturing.stray_key(event):
            event.stop()
            event.prevent_default()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in KEY_ACTIONS and self.query_one(CaptureBar).display:
            return False  # a letter typed while the bar is open is text, never a key
        return True

    # -- the agenda clock and the floor ------------------------------------------------

    def action_clock(self) -> None:
        self.clock.toggle()

    def action_next(self) -> None:
        self.playbook.next_with_closing(lambda: self.do(self.service.agenda.next_item))

    def action_prev(self) -> None:
        self.do(self.service.agenda.previous_item)

    def action_extend(self, minutes: int) -> None:
        self.do(lambda: self.service.agenda.extend(minutes))

    def action_end(self) -> None:
        """The closing checklist: what is still open, each fixable, then end the meeting or not."""
        from coopconsole.tui.screens.closing_list import ClosingListDialog

        self.app.push_screen(ClosingListDialog(self))

    def end_meeting(self) -> None:
        self.clock.end()

    def action_speaker(self, number: int) -> None:
        """Give participant ``number`` the floor; the same key again (or 0) stops them.

        The toggle is decided by the service on the saved state, so two quick presses
        of the same key always end with nobody speaking. Someone marked absent is asked
        about first (``arrival.py``)."""
        person = number or None
        self.do(lambda: self.service.room.toggle_speaker(person), None, lambda e: floor_refused(self, person, e))

    def give_floor(self, participant: int | None) -> None:
        self.do(lambda: self.service.room.speaker(participant), None, lambda e: floor_refused(self, participant, e))

    def action_pick_speaker(self) -> None:
        from coopconsole.tui.screens.dialogs import speaker_choices

        self.ask(t("pick.speaker", self.lang), speaker_choices(self.service.glance(), self.lang), self.give_floor)

    def on_speaker_chosen(self, message: SpeakerChosen) -> None:
        self.action_speaker(message.participant or 0)

    def action_queue(self) -> None:
        self.queue.pick()

    def action_floor_next(self) -> None:
        self.queue.floor_to_next()

    def set_attendance(self, participant: int, attendance: Attendance) -> None:
        self.do(lambda: self.service.room.set_attendance(participant, attendance))

    # -- the parking lot -----------------------------------------------------------------

    def on_parked_chosen(self, message: ParkedChosen) -> None:
        self.capturing.resolve_parked(message.parked_id)

    # -- the command palette --------------------------------------------------------------

    def palette_commands(self) -> list[Command]:
        return palette_commands(self)

    # -- the minutes ----------------------------------------------------------------------

    def action_minutes(self) -> None:
        from coopconsole.tui.screens.minutes import MinutesScreen  # the Markdown widget: only when asked for

        self.app.push_screen(localized(MinutesScreen, self.lang)(self, self.lang))

    # -- help -----------------------------------------------------------------------------

    def action_help(self) -> None:
        from coopconsole.tui.screens.dialogs import HelpDialog

        self.app.push_screen(HelpDialog(help_lines(self, self.keymap), self.lang))

    # -- dialogs, and the keys of the capture bar and the playbook ---------------------------

    def ask(
        self,
        title: str,
        choices: Sequence[tuple[str, Any]],
        then: Callable[[Any], None] | Callable[[Any], Awaitable[None]],
        at_choice: Callable[[Any], Callable[[events.Key], bool] | None] | None = None,
    ) -> None:
        """A dialog of ``choices`` (label, value); ``then`` gets the value chosen, or None."""
        from coopconsole.tui.screens.dialogs import ChoiceDialog  # with the first dialog

        self.app.push_screen(ChoiceDialog(title, choices, at_choice), then)

    async def action_capture(self, kind: str) -> None:
        await self.capturing.open(kind)

    async def action_edit(self) -> None:
        await self.capturing.edit_selected()

    def action_move_action(self, by: int) -> None:
        self.moves.move(by)

    async def action_remark(self) -> None:
        await self.moves.remark()

    def action_take_back(self) -> None:
        self.taking_back.take_back_selected()

    def action_take_back_last(self) -> None:
        self.taking_back.take_back_last()

    def action_merge(self) -> None:
        self.taking_back.merge()

    async def on_record_chosen(self, message: RecordChosen) -> None:
        await self.capturing.edit(message.record)

    def on_capture_submitted(self, message: CaptureSubmitted) -> None:
        self.capturing.submitted(message)

    def on_capture_cancelled(self, message: CaptureCancelled) -> None:
        self.capturing.close(self.query_one(CaptureBar).kind)

    def action_health(self) -> None:
        self.playbook.health()

    def action_goals(self) -> None:
        self.playbook.goals()

    def action_replan(self) -> None:
        self.playbook.replan()

    def action_undo(self) -> None:
        self.playbook.undo()

    def action_attendance(self) -> None:
        self.playbook.attendance()

    def action_cool(self) -> None:
        self.playbook.cool()

    def action_positions(self) -> None:
        self.playbook.positions()

    def action_agenda_jump(self) -> None:
        self.agenda_edits.jump()

    def action_agenda_add(self) -> None:
        self.agenda_edits.add()

    def action_agenda_rename(self) -> None:
        self.agenda_edits.rename()

    def action_agenda_move(self, step: int) -> None:
        self.agenda_edits.move(step)

    def action_agenda_remove(self) -> None:
        self.agenda_edits.remove()

    def action_walk_in(self) -> None:
        self.agenda_edits.walk_in()
