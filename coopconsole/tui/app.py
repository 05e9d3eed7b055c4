"""The Textual application and ``make_app``, shared by the command line and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen

from coopconsole.domain.clock import Clock, system_clock
from coopconsole.service import MeetingService
from coopconsole.settings import Settings, load_settings, save_settings
from coopconsole.store import SessionFile, SessionStore, StoreError
from coopconsole.texts import LANGS, detect_lang, t
from coopconsole.tui.commands import Command, MeetingCommands, bell_command, bind, turn_limit_commands
from coopconsole.tui.keymap import clash_message, meeting_clashes, usable
from coopconsole.tui.localized import localized
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.meeting_keys import meeting_bindings
from coopconsole.tui.textual_internals import start_with_theme
from coopconsole.tui.theming import DEFAULT_THEME, ConsoleThemeVariables, load_themes, register_themes, stylesheet


class CoopConsoleApp(ConsoleThemeVariables, App):
    """coopconsole: the picker first, or straight into one session."""

    TITLE = "coopconsole"
    CSS_PATH = [stylesheet("console.tcss"), stylesheet("meeting.tcss")]
    COMMANDS = App.COMMANDS | {MeetingCommands}
    _theme_chosen = False

    def __init__(
        self,
        store: SessionStore,
        session_name: str | None,
        lang: str | None,
        clock: Clock,
        theme: str | None = None,
        opened: SessionFile | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.session_name = session_name
        self.last_session: str | None = None
        # The session the command line has already opened (and so read and checked): the
        # console takes it over rather than reading the file a second time.
        self._opened = opened
        self.clock = clock
        self.settings, settings_error = load_settings()
        self.lang = detect_lang(lang, self.settings.lang)
        self._problems = [settings_error] if settings_error else []
        keymap, keymap_error = usable(self.settings.keys, self.lang)
        clashes = meeting_clashes(keymap, meeting_bindings("en"), self.lang) if keymap else None
        self._problems += [message for message in (keymap_error, clashes) if message]
        self.keymap = keymap
        """The keys remapped in the settings that the console follows, by binding id."""
        self.set_keymap(keymap)
        self._clashes: set[str] = set()  # said once each
        self._handles: list = []
        # Themes before the stylesheets are parsed: they define the variables it uses.
        self.themes = load_themes()
        register_themes(self, self.themes)
        wanted = theme or self.settings.theme or DEFAULT_THEME
        # The default theme may be the broken one: then Textual's own dark theme is used.
        used = wanted if wanted in self.available_themes else self.themes.pick(None)
        self._problems += self.themes.messages(wanted, used)
        # Chosen before the stylesheets are first parsed (see start_with_theme).
        self._theme_chosen = True
        start_with_theme(self, used)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables; none yet while ``App.__init__`` runs, which asks for those
        of Textual's default theme before the console's themes are registered (then
        the theme used is chosen and its variables made). Generating a theme's
        variables costs about half a millisecond, and deriving the console's own for
        Textual's theme as much again."""
        return super().get_css_variables() if self._theme_chosen else {}

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """Two bindings given the same key by the user's keymap: said once."""
        message = clash_message(clashed_bindings, self.lang)
        if message not in self._clashes:
            self._clashes.add(message)
            self.notify(message, severity="warning", timeout=15, markup=False)

    def on_mount(self) -> None:
        if self._problems:  # one notification, however many things went wrong
            self.notify("\n".join(self._problems), severity="warning", timeout=15, markup=False)
        # Straight into a named session (the picker is composed only when it is needed).
        if not (self.session_name and self.open_session(self.session_name)):
            from coopconsole.tui.screens.picker import PickerScreen  # imported, as composed, only when needed

            self.push_screen(localized(PickerScreen, self.lang)(self.store, self.lang, self.clock, self))

    # -- sessions --------------------------------------------------------------------------

    def open_session(self, name: str) -> bool:
        """Push the meeting screen of session ``name``; False (and a notification) if it
        cannot be opened."""
        opened, self._opened = self._opened, None
        if opened is not None and opened.name != name:
            opened.close()
            opened = None
        try:
            # Opening reads and checks the whole file; the service's first load takes the
            # session it decoded, so nothing is read or decoded twice.
            handle = opened or self.store.open(name)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return False
        self._handles.append(handle)
        self.last_session = name  # said when the console quits: how to come back to it
        service = MeetingService(handle, self.clock)
        if service.plan.pending():  # a plan read from an agenda, not yet accepted
            from coopconsole.tui.screens.review import ReviewScreen  # imported only when a plan awaits review

            self.push_screen(localized(ReviewScreen, self.lang)(service, self.lang, self))
        else:
            self.push_screen(self.meeting_screen(service))
        return True

    def meeting_screen(self, service: MeetingService) -> MeetingScreen:
        """The meeting screen of ``service``'s session, in the console's language."""
        return localized(MeetingScreen, self.lang)(
            service, self.lang, self.settings.warning_minutes, self.settings.turn_limit_minutes
        )

    def open_sample(self, lang: str) -> None:
        from coopconsole.samples.meetings import sample_session  # the agenda importer: only when a sample is made

        try:
            name = self.store.unique_name(f"demo-{lang}")
            self.store.create(sample_session(lang, name, self.clock())).close()
        except (StoreError, OSError) as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        self.open_session(name)

    def on_unmount(self) -> None:
        if self._opened is not None:
            self._opened.close()
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
            rebuilt = localized(MeetingScreen, lang)(screen.service, lang, screen.warning_minutes, screen.turn_limit)
            self.switch_screen(rebuilt)
        else:
            from coopconsole.tui.screens.review import ReviewScreen  # the review's code: only when asked for

            if isinstance(screen, ReviewScreen):
                self.switch_screen(localized(ReviewScreen, lang)(screen.service, lang, self))

    def switch_bell(self, on: bool) -> None:
        """The bell at the end of a time box on or off (see ``time_box_alert.py``), remembered."""
        self._remember(replace(self.settings, bell=on))
        if on:
            self.bell()  # once now: the facilitator hears whether the terminal's bell sounds
        self.notify(t("alerts.bell_on" if on else "alerts.bell_off", self.lang), markup=False)

    def set_turn_limit(self, minutes: int | None) -> None:
        """The time limit of a speaking turn (None: none), remembered and shown at once."""
        self._remember(replace(self.settings, turn_limit_minutes=minutes))
        for screen in self.screen_stack:
            if isinstance(screen, MeetingScreen):
                screen.turn_limit = minutes
                screen.tick()
        said = t("turn.limit_off", self.lang) if minutes is None else t("turn.limit_on", self.lang, minutes=minutes)
        self.notify(said, markup=False)

    def _remember(self, settings: Settings) -> None:
        self.settings = settings
        try:
            save_settings(settings)
        except OSError as exc:
            self.notify(f"Could not remember the setting: {exc.strerror or exc}", severity="warning", markup=False)

    # -- the command palette, in the console's language --------------------------------------

    def action_command_palette(self) -> None:
        """Open the palette (ctrl+p), its search field prompting in the console's language.

        Its "No matches found" stays in English: Textual writes it from inside the palette
        and offers no way to word it (see docs/upstream.md)."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t("palette.placeholder", self.lang), id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands, doing what they do, titled in the console's language.

        Textual's "Theme" is left out while the console lists its own themes: choosing
        one of those is remembered, choosing through Textual's would be lost on restart.
        """
        for command in super().get_system_commands(screen):
            if command.callback == self.action_change_theme and self.themes.themes:
                continue
            key = _SYSTEM_COMMANDS.get(command.title)
            if key is None:  # a command of a later Textual: as Textual words it
                yield command
                continue
            if key == "sys.keys":  # one title, two commands: show or hide the panel
                help_key = "sys.keys.hide" if command.callback == self.action_hide_help_panel else "sys.keys.show"
            else:
                help_key = f"{key}.help"
            yield SystemCommand(t(key, self.lang), t(help_key, self.lang), command.callback, command.discover)

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (in the bar it copies): say which key does, in the console's language."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(t("quit.how", self.lang, keys=key), title=t("quit.title", self.lang), markup=False)
                return

    def palette_commands(self) -> list[Command]:
        commands: list[Command] = []
        for name, label in self.themes.choices(self.lang):
            commands.append((t("cmd.theme", self.lang, label=label), bind(self.choose_theme, name)))
        for lang in LANGS:
            commands.append(
                (t("cmd.language", self.lang, label=t(f"lang.{lang}", lang)), bind(self.choose_language, lang))
            )
        commands.append(bell_command(self.settings.bell, self.lang, self.switch_bell))
        commands += turn_limit_commands(self.settings.turn_limit_minutes, self.lang, self.set_turn_limit)
        return commands


#: Textual's system commands, by the title Textual gives them, to their entries in the table.
_SYSTEM_COMMANDS = {
    "Theme": "sys.theme",
    "Quit": "sys.quit",
    "Keys": "sys.keys",
    "Maximize": "sys.maximize",
    "Minimize": "sys.minimize",
    "Screenshot": "sys.screenshot",
}


def make_app(
    store: SessionStore,
    session_name: str | None = None,
    lang: str | None = None,
    clock: Clock = system_clock,
    theme: str | None = None,
    opened: SessionFile | None = None,
) -> CoopConsoleApp:
    """The console on ``session_name`` (None: the picker); ``opened``, if given, is that
    session already opened by the caller, which the console takes over and closes."""
    return CoopConsoleApp(store, session_name, lang, clock, theme, opened)
