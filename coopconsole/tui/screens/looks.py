"""How the meeting screen looks at its session: once a second (the clock's tick), and
again after a change.

* **A look** (:meth:`Looks.look`) reads the session without waiting for a save, works out
  the figures, and gives the panes a new :class:`~coopconsole.tui.frame.Frame`: the
  header, the agenda and the speakers every time (``MeetingScreen.frame``), the actions
  and the parking lot only when a record, the current item, the language or the day may
  have moved (``MeetingScreen.records``); then the time box's alert, the review's keys
  and the notice of records another terminal added look at it too.
* **The folder changed** (:class:`~coopconsole.tui.messages.FolderChanged`): another
  process saved, or the console itself did. While an intent of the console's runs, the
  look waits until its result is back: the intent's own save notifies the folder a few
  milliseconds before that, and drawing that look first put off the drawing of the
  result, the row the note-taker is waiting for, by a frame. A result delivered ticks
  anyway; a failed intent looks then if the folder changed meanwhile.
* **A look that finds the session as the last look left it** (the same session object
  at the same revision of the file) works nothing out: the console's own saves notify
  the folder after it has drawn them. The clock's tick always works the figures out.
* **A look after a change that moved none of what the clock's figures are made of** (an
  action, a note, a decision or a parked point captured, here or in another terminal:
  the events, the agenda, the participants, the meeting's date and start and its name
  are as the last look found them) keeps the last figures, those of the last second,
  which the screen shows already. The clock goes on at the next second as it would have;
  the panes that show only those figures (the agenda's, the speakers') see the same
  ones and work nothing out, so the new record is drawn sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopconsole.domain.agenda_edit import as_changed
from coopconsole.domain.live import MeetingView
from coopconsole.domain.memo import same_parts
from coopconsole.domain.model import Session
from coopconsole.domain.series import in_review
from coopconsole.tui.frame import RECORDS_SIDE_LISTS, Frame
from coopconsole.tui.screens.meeting_keys import REVIEW_KEYS

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen


class Looks:
    """The meeting screen's looks at its session (see the module)."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen
        self._looked: tuple[Session, int] | None = None  # the session and revision last read
        self._after_intent = False  # the folder changed while an intent ran
        self._changed = False  # an intent's result is back: the next look follows a change
        self._viewed: tuple[tuple, MeetingView] | None = None  # what the last figures were made of, and them
        self._records: tuple | None = None  # what the records panes were last given (Frame.records_side)

    def look(self, timed: bool) -> None:
        """Look at the session now (``timed``: the clock's once-a-second look)."""
        screen, service = self.screen, self.screen.service
        session = service.glance()  # never waits for a save on its way to the disk
        if self.nothing_new(session, service.handle.revision, timed):
            return
        view = self.view(session, timed)
        # The panes show the agenda as changed during the meeting (order, titles, items
        # added or removed), aligned with the clock's timings.
        shown = as_changed(session, view.agenda)
        frame = Frame(
            shown,
            view,
            service.handle.revision,
            screen.lang,
            screen.warning_minutes,
            screen.turn_limit,
            screen.live.epoch,
        )
        screen.frame = frame
        # Kept as a tuple, not as the last frame: a frame's session is the service's, whose
        # lists are replaced in place as records change.
        records = frame.records_side()
        if not same_parts(self._records, records, RECORDS_SIDE_LISTS):
            self._records = records
            screen.records = frame
        screen.alert.look(frame)
        reviewing = in_review(session, view.agenda)
        if reviewing != bool(screen.footer_first):
            screen.footer_first = REVIEW_KEYS if reviewing else ()
            screen.refresh_bindings()
        screen.outside.look(session, timed)

    def folder_changed(self) -> None:
        if self.screen.intents.busy:
            self._after_intent = True
            return
        self.screen.tick(timed=False)

    def nothing_new(self, session: Session, revision: int, timed: bool) -> bool:
        """Whether a look (``timed``: the clock's) at ``session`` as of ``revision`` has
        nothing to work out; the look is noted either way."""
        looked, self._looked = self._looked, (session, revision)
        return not timed and looked is not None and looked[0] is session and looked[1] == revision

    def view(self, session: Session, timed: bool) -> MeetingView:
        """The figures for a look at ``session``: worked out as of now, unless the look
        follows a change (an intent's result, or the folder's) rather than being the
        clock's tick, and nothing they are made of changed: then the last ones (see the
        module)."""
        keep, self._changed = self._changed or not timed, False
        made_of = (session.events, session.agenda, session.participants, session.date, session.start, session.name)
        viewed = self._viewed
        if keep and viewed is not None and same_parts(viewed[0], made_of, 3):
            return viewed[1]
        view = self.screen.live.view(session, self.screen.service.now())
        self._viewed = (made_of, view)
        return view

    def intent_done(self) -> None:
        """An intent's result is back (the screen ticks next)."""
        self._after_intent = False
        self._changed = True  # the tick that follows is a look after a change

    def intent_failed(self) -> None:
        """An intent failed: look now if the folder changed while it ran."""
        if self._after_intent and not self.screen.intents.busy:
            self._after_intent = False
            self.screen.tick(timed=False)
