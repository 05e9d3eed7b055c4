"""The Textual application and ``make_app``, shared by the command line and the tests."""

from __future__ import annotations

from dataclasses import replace

from textual.app import App

from ..domain.clock import Clock, system_clock
from ..i18n import LANGS, detect_lang, t
from ..service import MeetingService
from ..settings import Settings, load_settings, save_settings
from ..store import SessionStore, StoreError
from .commands import Command, MeetingCommands, bind
from .localized import localized
from .meeting import MeetingScreen
from .picker import PickerScreen
from .themes import DEFAULT_THEME, ConsoleThemeVariables, load_themes, register_themes, stylesheet


class CoopConsoleApp(ConsoleThemeVariables, App):
    """coopconsole: the picker first, or straight into one session."""

    TITLE = "coopconsole"
    CSS_PATH = [stylesheet("console.tcss"), stylesheet("meeting.tcss")]
    COMMANDS = App.COMMANDS | {MeetingCommands}

    def __init__(
        self, store: SessionStore, session_name: str | None, lang: str | None, clock: Clock,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.session_name = session_name
        self.clock = clock
        self.settings, settings_error = load_settings()
        self.lang = detect_lang(lang, self.settings.lang)
        self._problems = [settings_error] if settings_error else []
        self._handles: list = []
        # Themes before the stylesheets are parsed: they define the variables it uses.
        self.themes = load_themes()
        self._problems += register_themes(self, self.themes)
        wanted = theme or self.settings.theme or DEFAULT_THEME
        if wanted not in self.available_themes:
            self._problems.append(f"There is no theme named {wanted!r}; using {DEFAULT_THEME}.")
            wanted = DEFAULT_THEME
        self.theme = wanted

    def on_mount(self) -> None:
        if self._problems:  # one notification, however many things went wrong
            self.notify("\n".join(self._problems), severity="warning", timeout=15, markup=False)
        # Straight into a named session (the picker is composed only when it is needed).
        if not (self.session_name and self.open_session(self.session_name)):
            self.push_screen(localized(PickerScreen, self.lang)(self.store))

    # -- sessions --------------------------------------------------------------------------

    def open_session(self, name: str) -> bool:
        """Push the meeting screen of session ``name``; False (and a notification) if it
        cannot be opened."""
        try:
            handle = self.store.open(name)
            handle.load()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return False
        self._handles.append(handle)
        service = MeetingService(handle, self.clock)
        screen = localized(MeetingScreen, self.lang)(service, self.lang, self.settings.warning_minutes)
        self.push_screen(screen)
        return True

    def open_sample(self, lang: str) -> None:
        from ..demo import sample_session  # the agenda importer: only when a sample is made

        try:
            name = self.store.unique_name(f"demo-{lang}")
            self.store.create(sample_session(lang, name, self.clock())).close()
        except (StoreError, OSError) as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        self.open_session(name)

    def on_unmount(self) -> None:
        for handle in self._handles:
            handle.close()

    # -- theme and language ---------------------------------------------------------------

    def choose_theme(self, name: str) -> None:
        self.theme = name
        self._remember(replace(self.settings, theme=name))

    def choose_language(self, lang: str) -> None:
        """Switch the console's language; the meeting screen is rebuilt with its keys."""
        self.lang = lang
        self._remember(replace(self.settings, lang=lang))
        screen = self.screen
        if isinstance(screen, MeetingScreen):
            self.switch_screen(localized(MeetingScreen, lang)(screen.service, lang, screen.warning_minutes))

    def _remember(self, settings: Settings) -> None:
        self.settings = settings
        try:
            save_settings(settings)
        except OSError as exc:
            self.notify(f"Could not remember the setting: {exc.strerror or exc}", severity="warning", markup=False)

    def palette_commands(self) -> list[Command]:
        commands: list[Command] = []
        for name, label in self.themes.choices(self.lang):
            commands.append((t("cmd.theme", self.lang, label=label), bind(self.choose_theme, name)))
        for lang in LANGS:
            commands.append((t("cmd.language", self.lang, label=t(f"lang.{lang}", lang)),
                             bind(self.choose_language, lang)))
        return commands


def make_app(
    store: SessionStore,
    session_name: str | None = None,
    lang: str | None = None,
    clock: Clock = system_clock,
    theme: str | None = None,
) -> CoopConsoleApp:
    return CoopConsoleApp(store, session_name, lang, clock, theme)
