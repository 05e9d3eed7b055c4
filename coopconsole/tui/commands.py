"""The command palette (ctrl+p): every intent as an "area: verb" command, and the palette
itself in the console's language."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.widgets.option_list import Option

Command = tuple[str, Callable[[], object]]


class MeetingCommands(Provider):
    """Commands of the screen the palette was opened on, then theme and language."""

    def _commands(self) -> list[Command]:
        commands: list[Command] = []
        screen_commands = getattr(self.screen, "palette_commands", None)
        if screen_commands is not None:
            commands += screen_commands()
        app_commands = getattr(self.app, "palette_commands", None)
        if app_commands is not None:
            commands += app_commands()
        return commands

    async def discover(self) -> Hits:
        for title, run in self._commands():
            yield DiscoveryHit(Content(title), run, text=title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, _highlight(matcher, title), run, text=title)


def _highlight(matcher: Matcher, title: str) -> Content:
    """The title with the matched letters marked, as literal text: a participant named
    ``[bold]Mallory`` is shown as typed (Textual's own highlight reads markup)."""
    content = Content(title)
    _, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def bind(function: Callable[..., object], *args: object) -> Callable[[], object]:
    """A palette callback with its arguments fixed."""
    return partial(function, *args)


class ConsolePalette(CommandPalette):
    """Textual's palette, saying "no matches" in the console's language.

    Textual writes "No matches found" from inside its countdown; this is its method, with
    the text given (it relies on Textual's ``CommandList`` and ``_NO_MATCHES`` id)."""

    def __init__(self, no_matches: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:  # a search found nothing (discovering with no query: say nothing)
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(self.no_matches, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
