"""Helpers for driving the meeting console in pilot tests: letting it settle after keys,
moving the frozen clock on, capturing a line, pressing keys while a save is held up,
reading option lists, moving to the next item."""

from __future__ import annotations

import threading

from coopconsole.tui.screens.meeting import MeetingScreen


async def settle(pilot, pauses: int = 1) -> MeetingScreen:
    """Let the screen take what was pressed (a dialog's answer starts its intent only
    then), every intent finish, and the screen redraw (``pauses`` times).

    The screen reads the session without waiting for a save in progress (see
    ``MeetingService.glance``), so a test must let the saves end before it looks."""
    await pilot.pause()
    for _ in range(pauses):
        screen = pilot.app.screen
        intents = getattr(screen, "intents", None)  # the meeting's saves, or the plan review's
        if intents is not None:
            await intents.idle()
        await pilot.pause()
    return pilot.app.screen


async def advance(pilot, clock, **delta) -> MeetingScreen:
    """Move the frozen clock on and let the screen show it (once its saves have ended)."""
    clock.advance(**delta)
    screen = pilot.app.screen
    await screen.intents.idle()
    screen.tick()
    await pilot.pause()
    return screen


async def capture(pilot, key: str, text: str) -> MeetingScreen:
    """Open the bar with ``key``, put ``text`` in it and press Enter (typing every letter
    is tested elsewhere; here it would only cost time). The screen once it has settled."""
    from textual.widgets import Input

    from coopconsole.tui.widgets.capture_bar import CaptureBar

    await pilot.press(key)
    await pilot.pause()
    bar = pilot.app.screen.query_one(CaptureBar)
    assert bar.display
    bar.query_one(Input).value = text
    await pilot.press("enter")
    return await settle(pilot)


async def keys_while_saving(pilot, *keys: str, meanwhile=None) -> MeetingScreen:
    """Press ``keys`` while the intent thread is held up (a save slow to reach the disk),
    so none of their results is drawn before all of them are pressed; ``meanwhile`` is
    called before the thread goes on. The screen once everything has settled."""
    screen = pilot.app.screen
    gate = threading.Event()
    screen.intents.run(gate.wait, lambda _: None, screen.report)
    await pilot.press(*keys)
    if meanwhile is not None:
        meanwhile(screen)
    gate.set()
    return await settle(pilot, pauses=2)


def texts(option_list) -> list[str]:
    """The plain text of every row of an option list."""
    return [option_list.get_option_at_index(i).prompt.plain for i in range(option_list.option_count)]


async def move_on(pilot) -> MeetingScreen:
    """Press ``n``; if the console asks to record a consensus first, answer "move on"."""
    from coopconsole.tui.screens.dialogs import ChoiceDialog

    await pilot.press("n")
    await pilot.pause()
    dialog = pilot.app.screen
    if isinstance(dialog, ChoiceDialog) and any(value is False for _, value in dialog.choices):
        dialog.dismiss(False)
        await pilot.pause()
    return await settle(pilot)


async def answer_line(pilot, text: str) -> None:
    """Answer the one-line question on screen (a ``LineDialog``) with ``text`` and Enter."""
    from textual.widgets import Input

    from coopconsole.tui.screens.agenda_edit_dialogs import LineDialog

    dialog = pilot.app.screen
    assert isinstance(dialog, LineDialog)
    dialog.query_one(Input).value = text
    await pilot.press("enter")
    await settle(pilot)
