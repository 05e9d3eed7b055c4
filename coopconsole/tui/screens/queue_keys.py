"""The speaker queue's keys on the meeting screen: queue someone, and the floor to the next.

``q`` opens the list of the people in the room, those in the queue marked with their
place; their number (1-9) or Enter on a row puts them at the end of the queue, or takes
them out if they are in it. ``f`` gives the floor to the head of the queue, which takes
them out of it. Each is one intent of the service (:class:`~coopconsole.service.room.Room`),
run on the intent thread like every change; a refusal (someone absent, the queue empty)
is said in a notification. The queue itself is shown by the speakers pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopconsole.domain.speaker_queue import speaker_queue
from coopconsole.texts import t
from coopconsole.tui.commands import Command, bind
from coopconsole.tui.screens.arrival import floor_refused

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen


class QueueFlow:
    """The queue's keys and palette commands for one meeting screen."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen

    def pick(self) -> None:
        """Ask whom to add to the queue or take out of it (their number, or a row)."""
        from coopconsole.tui.screens.dialogs import NumberedChoiceDialog, queue_choices  # with the first dialog

        screen = self.screen
        session = screen.service.glance()
        speaker = None if screen.frame is None else screen.frame.view.speaker
        choices = queue_choices(session, speaker_queue(session), screen.lang, speaker)
        screen.app.push_screen(NumberedChoiceDialog(t("pick.queue", screen.lang), choices), self.toggle)

    def toggle(self, participant: int | None) -> None:
        """``participant`` to the end of the queue, or out of it if they wait in it."""
        if participant is not None:
            room = self.screen.service.room
            self.screen.do(lambda: room.toggle_queue(participant))

    def floor_to_next(self) -> None:
        """The floor to the head of the queue. Someone marked absent since they were
        queued is asked about, as the speaker keys do (``arrival.py``)."""
        screen = self.screen
        waiting = speaker_queue(screen.service.glance())
        head = waiting[0] if waiting else None
        screen.do(screen.service.room.floor_to_next, None, lambda e: floor_refused(screen, head, e))

    def commands(self) -> list[Command]:
        """The palette's: the floor to the next, the picker, and each person in or out."""
        screen, lang = self.screen, self.screen.lang
        session = screen.service.glance()
        waiting = speaker_queue(session)
        commands: list[Command] = [
            (t("cmd.floor_next", lang), self.floor_to_next),
            (t("cmd.queue", lang), self.pick),
        ]
        for p in session.participants:
            key = "cmd.queue_remove" if p.id in waiting else "cmd.queue_add"
            commands.append((t(key, lang, name=p.name), bind(self.toggle, p.id)))
        return commands
