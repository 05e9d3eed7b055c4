"""When the meeting screen looks at its session again, besides its once-a-second tick.

* **The folder changed** (:class:`~coopconsole.tui.messages.FolderChanged`): another
  process saved, or the console itself did. While an intent of the console's runs, the
  look waits until its result is back: the intent's own save notifies the folder a few
  milliseconds before that, and drawing that look first put off the drawing of the
  result, the row the note-taker is waiting for, by a frame. A result delivered ticks
  anyway; a failed intent looks then if the folder changed meanwhile.
* **A look that finds the session as the last look left it** (the same session object
  at the same revision of the file) works nothing out: the console's own saves notify
  the folder after it has drawn them. The clock's tick always works the figures out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopconsole.domain.model import Session

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen


class Looks:
    """The meeting screen's looks at its session (see the module)."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen
        self._looked: tuple[Session, int] | None = None  # the session and revision last read
        self._after_intent = False  # the folder changed while an intent ran

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

    def intent_done(self) -> None:
        """An intent's result is back (the screen ticks next)."""
        self._after_intent = False

    def intent_failed(self) -> None:
        """An intent failed: look now if the folder changed while it ran."""
        if self._after_intent and not self.screen.intents.busy:
            self._after_intent = False
            self.screen.tick(timed=False)
