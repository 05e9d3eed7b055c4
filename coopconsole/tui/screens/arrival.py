"""Giving the floor to someone marked absent: the console asks once whether they came.

The service refuses the floor to a participant marked absent (``absent``). The meeting
screen hands that refusal here: a small question names the person, "Arrived (late)"
marks them late, arrived now, and gives them the floor (one intent, see
:meth:`coopconsole.service.room.Room.speaker`); "Cancel" or Escape leaves the floor as it
was. Any other refusal is reported as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopconsole.service import ServiceError
from coopconsole.texts import t

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen


def floor_refused(screen: MeetingScreen, participant: int | None, exc: BaseException) -> None:
    """Ask whether ``participant``, refused the floor as absent, has arrived; else report ``exc``."""
    if participant is None or not isinstance(exc, ServiceError) or exc.code != "absent":
        screen.report(exc)
        return
    lang = screen.lang

    def chosen(arrived: bool | None) -> None:
        if arrived:
            screen.do(lambda: screen.service.room.speaker(participant, arrived=True))

    choices = [(t("arrival.yes", lang), True), (t("arrival.no", lang), False)]
    screen.ask(t("arrival.title", lang, name=exc.values.get("name", "")), choices, chosen)
