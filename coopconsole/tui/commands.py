"""The command palette (ctrl+p): every intent as an "area: verb" command."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from coopconsole.texts import t

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


def bell_command(on: bool, lang: str, switch: Callable[[bool], object]) -> Command:
    """The "sound: ..." command that switches the bell at the end of a time box the other
    way (``on``: it is on now); ``switch`` is given the new setting."""
    return (t("alerts.cmd.bell_off" if on else "alerts.cmd.bell_on", lang), bind(switch, not on))


#: The limits of a speaking turn the palette offers, in minutes (the settings file takes any up to 60).
TURN_LIMITS = (1, 2, 3, 5, 10)


def turn_limit_commands(now: int | None, lang: str, choose: Callable[[int | None], object]) -> list[Command]:
    """The "speakers: limit each turn to N min" commands and "no limit", but for the
    limit ``now`` in force; ``choose`` is given the new limit (None: none)."""
    said = t("turn.none", lang) if now is None else t("agenda.minutes", lang, minutes=now)
    commands: list[Command] = [
        (t("turn.cmd.limit", lang, minutes=minutes, now=said), bind(choose, minutes))
        for minutes in TURN_LIMITS
        if minutes != now
    ]
    if now is not None:
        commands.append((t("turn.cmd.off", lang, now=said), bind(choose, None)))
    return commands
