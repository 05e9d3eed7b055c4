"""The meeting screen's first frame, and what waits until it is painted.

The first frame is the whole meeting as of the first tick (``HeldScreen`` paints nothing
before it). Then, each after the frame before it is painted: the focus on the agenda list
(focusing restyles the focused pane, so not before the first frame), the capture bar's
field, the quick-capture parser and the health checks imported on a thread, the service
prepared for the first intent on the intent thread, and the first settling of the
collector (``coopconsole.tui.memory``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

import coopconsole.tui.memory as memory
from coopconsole.service import load_parser
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.header import checks_loaded
from coopconsole.tui.widgets.line_list import LineList

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen


class FirstFrame:
    """The first frame of one meeting screen."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen

    def paint(self) -> None:
        """The first tick; what waits for its frame is done once it is painted."""
        self.screen.tick()
        self.screen.call_after_refresh(self.after)

    def after(self) -> None:
        screen = self.screen
        if screen.focused is None:
            screen.query_one("#agenda-items", LineList).focus_as_start()
        screen.call_after_refresh(screen.query_one(CaptureBar).prepare)
        screen.call_after_refresh(self.load_modules)
        screen.call_after_refresh(self.prepare_service)
        screen.call_after_refresh(memory.settle)

    def load_modules(self) -> None:
        """Import the quick-capture parser and the health checks, on a thread."""
        self.screen.run_worker(_load_modules, thread=True, exit_on_error=False)

    def prepare_service(self) -> None:
        """Have the service work out, on the intent thread, what the first intent would
        otherwise work out first (:meth:`~coopconsole.service.access.SessionAccess.prepare`).
        A failure says nothing here: the screen's next look reports an unusable file."""
        service = self.screen.service
        self.screen.do(service.prepare, failed=_unsaid)


def _unsaid(exc: BaseException) -> None:
    """A preparation that failed: what failed is reported by the look that meets it."""


def _load_modules() -> None:
    load_parser()
    checks_loaded(import_module("coopconsole.tui.screens.playbook"))
