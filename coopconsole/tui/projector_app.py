"""``coopconsole projector NAME``: the console with the projector as its only screen.

It is the console (:class:`~coopconsole.tui.app.CoopConsoleApp`: the same themes, settings,
palette and language), started on the projector of one session instead of the picker, in
the projector theme unless ``--theme`` names another; closing the projector quits. The
session is read through a bare :class:`~coopconsole.service.SessionAccess`: the projector
has no intent to call, and nothing of this app writes to the session.
"""

from __future__ import annotations

from textual import events

from coopconsole.domain.clock import Clock, system_clock
from coopconsole.service import SessionAccess
from coopconsole.store import SessionFile, SessionStore
from coopconsole.tui.app import CoopConsoleApp
from coopconsole.tui.localized import localized
from coopconsole.tui.screens.projector import PROJECTOR_THEME, ProjectorScreen


class ProjectorApp(CoopConsoleApp):
    """The projector of the session ``handle`` holds open (closed as the app quits)."""

    def __init__(
        self, store: SessionStore, handle: SessionFile, lang: str | None, clock: Clock, theme: str | None = None
    ) -> None:
        super().__init__(store, None, lang, clock, theme or PROJECTOR_THEME)
        self._handles.append(handle)  # closed as the app ends (CoopConsoleApp.on_unmount)
        self.source = SessionAccess(handle, clock)
        """The session, read only: no intent to call."""

    def on_mount(self, event: events.Mount | None = None) -> None:
        # Instead of the console's own start (the picker): the projector, and what the
        # console would have said about the settings.
        if event is not None:
            event.prevent_default()
        if self._problems:
            self.notify("\n".join(self._problems), severity="warning", timeout=15, markup=False)
        self.push_screen(self.projector(self.lang))

    def projector(self, lang: str) -> ProjectorScreen:
        return localized(ProjectorScreen, lang)(self.source, lang, self.settings.warning_minutes, alone=True)

    def choose_language(self, lang: str) -> None:
        """Switch the console's language: the projector is shown again in it."""
        super().choose_language(lang)
        if isinstance(self.screen, ProjectorScreen):
            self.switch_screen(self.projector(lang))


def make_projector_app(
    store: SessionStore,
    handle: SessionFile,
    lang: str | None = None,
    clock: Clock = system_clock,
    theme: str | None = None,
) -> ProjectorApp:
    """The projector of the session ``handle`` holds open (the command line's and the tests')."""
    return ProjectorApp(store, handle, lang, clock, theme)
