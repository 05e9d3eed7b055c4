"""The alert at the end of a time box, for a facilitator who is not watching the screen.

When the current item's time box runs out while the clock runs, the countdown flashes
(the ``-flash-end`` class, :data:`FLASH_SECONDS` long) and, if the bell is switched on in
the settings (the palette's "sound: ..." command), the terminal bell rings once. When the
countdown reaches the warning minutes of the settings, it flashes softly once
(``-flash-warning``), without the bell.

An alert is the moment a box runs out, not the state of being over it. The alert looks
at the current item and its box on every frame and alerts only when it saw that same
item, with that same box, have more time left on an earlier frame. So:

* once per item and box: extending an item that is over gives it a new box, which alerts
  again when it runs out; shortening one below the time it has run does not alert (the
  facilitator has just decided it);
* an item already over when it becomes current (going back to it, or a console opened on
  a meeting over its box) does not alert;
* a paused clock does not alert.

On a frame with nothing to alert, this costs a few comparisons and no allocation.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.timer import Timer

from coopconsole.domain.timeline import ZERO
from coopconsole.settings import Settings
from coopconsole.tui.frame import Frame

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen

#: How long the countdown flashes.
FLASH_SECONDS = 2.0
#: The countdown's classes while it flashes (see ``meeting.tcss``).
FLASH_END, FLASH_WARNING = "-flash-end", "-flash-warning"

# How much time the current item has left, as the alert compares it from frame to frame.
_MORE, _SHORT, _NONE = 2, 1, 0


class TimeBoxAlert:
    """Flashes the countdown (and rings the bell, if it is on) as the current box runs out.

    Given every frame by the meeting screen's tick (:meth:`look`)."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen
        self._item: int | None = None
        self._box: timedelta | None = None
        self._left: int | None = None  # None: this item and box not seen yet
        self._warning_minutes = -1
        self._warning = ZERO
        self._timer: Timer | None = None

    def look(self, frame: Frame | None) -> None:
        """Alert if the current item's box ran out (or reached the warning) since the last frame."""
        if frame is None:
            return
        state = frame.view.agenda
        timing = state.current_timing
        if timing is None or timing.remaining is None:  # no item current, or an item without a box
            self._left = None
            return
        if timing.item != self._item or timing.box != self._box:  # another item, or its box changed
            self._item, self._box, self._left = timing.item, timing.box, None
        if frame.warning_minutes != self._warning_minutes:
            self._warning_minutes = frame.warning_minutes
            self._warning = timedelta(minutes=frame.warning_minutes)
        remaining = timing.remaining
        left = _MORE if remaining > self._warning else (_SHORT if remaining else _NONE)
        before, self._left = self._left, left
        if before is None or left >= before or not state.running:
            return
        self.flash(end=left == _NONE)

    def flash(self, end: bool) -> None:
        """Flash the countdown: strongly, with the bell if it is on, at the end of the box;
        softly at the warning."""
        if end and self._bell_on():
            self.screen.app.bell()
        try:
            countdown = self.screen.query_one("#countdown")
        except NoMatches:  # the screen is being rebuilt
            return
        if self._timer is not None:
            self._timer.stop()
        countdown.remove_class(FLASH_END, FLASH_WARNING)
        countdown.add_class(FLASH_END if end else FLASH_WARNING)
        self._timer = self.screen.set_timer(FLASH_SECONDS, self.end_flash)

    def end_flash(self) -> None:
        """The countdown back to its colours (the timer set by :meth:`flash` calls this)."""
        self._timer = None
        try:
            self.screen.query_one("#countdown").remove_class(FLASH_END, FLASH_WARNING)
        except NoMatches:
            pass

    def _bell_on(self) -> bool:
        settings = getattr(self.screen.app, "settings", None)
        return isinstance(settings, Settings) and settings.bell
