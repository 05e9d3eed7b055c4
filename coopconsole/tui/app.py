"""The Textual application and ``make_app``, shared by the command line and the tests."""

from __future__ import annotations

from textual.app import App

from ..demo import sample_session
from ..domain.clock import Clock, system_clock
from ..service import MeetingService
from ..store import SessionStore, StoreError
from .picker import PickerScreen
from .session_screen import SessionScreen
from .themes import stylesheet


class CoopConsoleApp(App):
    """coopconsole: the picker first, or straight into one session."""

    TITLE = "coopconsole"
    CSS_PATH = [stylesheet()]

    def __init__(self, store: SessionStore, session_name: str | None, lang: str | None, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.session_name = session_name
        self.lang = lang or "en"
        self.clock = clock
        self._handles: list = []

    def on_mount(self) -> None:
        self.push_screen(PickerScreen(self.store))
        if self.session_name:
            self.open_session(self.session_name)

    def open_session(self, name: str) -> None:
        try:
            handle = self.store.open(name)
            handle.load()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self._handles.append(handle)
        self.push_screen(SessionScreen(MeetingService(handle, self.clock)))

    def open_sample(self, lang: str) -> None:
        try:
            name = self.store.unique_name(f"demo-{lang}")
            self.store.create(sample_session(lang, name, self.clock())).close()
        except (StoreError, OSError) as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.open_session(name)

    def on_unmount(self) -> None:
        for handle in self._handles:
            handle.close()


def make_app(
    store: SessionStore, session_name: str | None = None, lang: str | None = None, clock: Clock = system_clock
) -> CoopConsoleApp:
    return CoopConsoleApp(store, session_name, lang, clock)
