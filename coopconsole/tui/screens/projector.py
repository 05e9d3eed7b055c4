"""The projector: a read-only, full-screen view of the meeting for a second display.

The current item and its countdown in digits that fill the screen (amber and red as in
the console), who has the floor and for how long, the next two items with their projected
starts, how many parked points are open and the last decision. It is built, once a second,
from the same :class:`~coopconsole.tui.frame.Frame` the console's panes are given.

It never writes. It reads the session through a :class:`SessionSource` (``glance`` and
``now``): the console's own service when it is opened over the meeting (the palette's
"view: projector"), or, for ``coopconsole projector NAME``, a bare
:class:`~coopconsole.service.SessionAccess`, which has no intent to call. ``glance`` reads
the file again whenever another process saved it, so the projector follows the console
within a second, whichever process the console runs in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label

from coopconsole.domain.agenda_edit import as_changed
from coopconsole.domain.live import LiveMeeting
from coopconsole.domain.model import Session
from coopconsole.store import SessionFile, StoreError
from coopconsole.texts import t
from coopconsole.tui.file_changes import FolderChanges, session_file, watch_folder
from coopconsole.tui.frame import Frame
from coopconsole.tui.localized import localized
from coopconsole.tui.messages import FolderChanged
from coopconsole.tui.paint import show
from coopconsole.tui.widgets.projector import BigCountdown, ProjectorFigures, projector_figures

#: The theme the projector is shown in unless told otherwise.
PROJECTOR_THEME = "coopconsole-projector"


class SessionSource(Protocol):
    """What the projector reads the session through: never an intent."""

    handle: SessionFile

    def glance(self) -> Session: ...

    def now(self) -> datetime: ...


class ProjectorScreen(Screen[None]):
    """The meeting for the room. ``localized(ProjectorScreen, lang)`` has its keys in ``lang``.

    ``alone``: the projector is the whole app (``coopconsole projector``), and closing it
    quits; else it was opened over the meeting, and closing it goes back there."""

    DEFAULT_CSS = """
    ProjectorScreen {
        layout: vertical;
        padding: 0 1;
    }
    ProjectorScreen > Label {
        width: 100%;
        height: 1;
        text-align: center;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ProjectorScreen > #projector-item {
        text-style: bold;
    }
    ProjectorScreen > #projector-floor {
        margin-top: 1;
    }
    ProjectorScreen > #projector-detail {
        margin-bottom: 1;
    }
    ProjectorScreen > #projector-floor.-speaking {
        color: $speaker-now;
        text-style: bold;
    }
    ProjectorScreen > #projector-countdown {
        color: $countdown-ok;
    }
    ProjectorScreen > #projector-countdown.-warning {
        color: $countdown-warning;
    }
    ProjectorScreen > #projector-countdown.-overrun {
        color: $countdown-overrun;
        background: $countdown-overrun 20%;
    }
    ProjectorScreen > #projector-countdown.-paused {
        color: $countdown-paused;
    }
    """
    """The lines centred, one row each (cut with an ellipsis); the countdown takes the rest."""

    @staticmethod
    def bindings(lang: str) -> list[Binding]:
        """Escape and q close the projector (ctrl+q, the app's, quits as everywhere)."""
        close, tip = t("projector.key.close", lang), t("projector.key.close.tip", lang)
        return [
            Binding("escape", "close", close, id="projector.close", tooltip=tip),
            Binding("q", "close", close, show=False, id="projector.close-q", tooltip=tip),
        ]

    def __init__(self, source: SessionSource, lang: str, warning_minutes: int = 2, alone: bool = False) -> None:
        super().__init__()
        self.source = source
        self.lang = lang
        self.warning_minutes = warning_minutes
        self.alone = alone
        self.live = LiveMeeting()
        self.figures: ProjectorFigures | None = None
        """What the projector shows now (as of the last tick)."""
        self._problem: str | None = None  # the last reading problem said (said once)
        self.file_changes: FolderChanges | None = None

    def compose(self) -> ComposeResult:
        yield Label(id="projector-place")
        yield Label(id="projector-item")
        yield BigCountdown(id="projector-countdown")
        yield Label(id="projector-detail")
        yield Label(id="projector-floor")
        yield Label(id="projector-next")
        yield Label(id="projector-parked")
        yield Label(id="projector-decision")

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1, self.tick)
        # A change from the console (another process) shown as it lands: see file_changes.
        path = self.source.handle.path
        self.file_changes = watch_folder(self, path.parent, session_file(path.stem))

    def on_unmount(self) -> None:
        if self.file_changes is not None:
            self.file_changes.stop()

    def on_folder_changed(self, message: FolderChanged) -> None:
        self.tick()

    def tick(self) -> None:
        """Read the session (without waiting for a save) and show it as of now."""
        try:
            session = self.source.glance()
        except StoreError as exc:  # the file went bad meanwhile: keep the last picture, say why once
            if str(exc) != self._problem:
                self._problem = str(exc)
                self.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        self._problem = None
        view = self.live.view(session, self.source.now())
        frame = Frame(
            as_changed(session, view.agenda), view, self.source.handle.revision, self.lang, self.warning_minutes
        )
        self.show_figures(projector_figures(frame))

    def show_figures(self, figures: ProjectorFigures) -> None:
        self.figures = figures
        countdown = figures.countdown
        digits = self.query_one(BigCountdown)
        digits.value = countdown.value
        digits.set_class(countdown.warning, "-warning")
        digits.set_class(countdown.overrun, "-overrun")
        digits.set_class(countdown.paused, "-paused")
        lines = {
            "projector-place": figures.place,
            "projector-item": countdown.headline,
            "projector-detail": countdown.detail,
            "projector-floor": figures.floor,
            "projector-next": _next_line(figures, self.lang),
            "projector-parked": figures.parked,
            "projector-decision": figures.decision,
        }
        for name, text in lines.items():
            show(self.query_one(f"#{name}", Label), Content(text))
        self.query_one("#projector-floor").set_class(figures.speaking, "-speaking")

    def action_close(self) -> None:
        if self.alone:
            self.app.exit()
        else:
            self.dismiss()


def _next_line(figures: ProjectorFigures, lang: str) -> str:
    if not figures.next_items:
        return t("projector.last_item", lang) if figures.place else ""
    return t("projector.next", lang, items=" · ".join(figures.next_items))


class MeetingLike(Protocol):
    """What the projector needs of the meeting it is opened over."""

    @property
    def service(self) -> SessionSource: ...

    lang: str
    warning_minutes: int


def open_over(meeting: MeetingLike, app: App[object]) -> None:
    """Show the projector over the meeting (the palette's "view: projector"), in the
    projector theme while it is open; Escape comes back to the meeting in its own theme.
    The theme is not remembered: the console's choice stays the console's."""
    before = app.theme
    if PROJECTOR_THEME in app.available_themes:
        app.theme = PROJECTOR_THEME

    def back(_: None) -> None:
        app.theme = before

    screen = localized(ProjectorScreen, meeting.lang)(meeting.service, meeting.lang, meeting.warning_minutes)
    app.push_screen(screen, back)
