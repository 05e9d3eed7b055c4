"""The agenda clock's keys on the meeting screen that ask something first: starting a
meeting planned for another day or time (move the plan to now, or keep it), and ending
the meeting (then each goal not yet judged).

Each answer is one intent of the service (:class:`~coopconsole.service.agenda.AgendaClock`),
run on the intent thread like every change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopconsole.texts import t
from coopconsole.texts.formats import moment_text
from coopconsole.tui.format import hhmm

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen


class ClockFlow:
    """The clock's questions for one meeting screen."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen

    def toggle(self) -> None:
        """Start, pause or resume the clock. The first start of a meeting planned for
        another day or time asks once whether to move the plan to now."""
        from coopconsole.domain.plan_move import plan_move

        screen = self.screen
        frame, now, lang = screen.frame, screen.service.now(), screen.lang
        state = None if frame is None else frame.view.agenda
        if state is None or state.planned_start is None or plan_move(state, now) is None:
            screen.do(screen.service.agenda.toggle)
            return
        tz = now.tzinfo
        planned = state.planned_start + state.plan_shift
        said = hhmm(planned, tz)
        if planned.astimezone(tz).date() != now.date():
            said = moment_text(planned, lang, tz)
        values = {"planned": said, "now": hhmm(now, tz)}
        choices = [(t("planmove.move", lang, **values), True), (t("planmove.keep", lang, **values), False)]

        def chosen(move: bool | None) -> None:
            if move is not None:
                screen.do(lambda: screen.service.agenda.start(move_plan=move))

        screen.ask(t("planmove.title", lang, **values), choices, chosen)

    def end(self) -> None:
        """End the meeting: the clock stops for good; then each goal not yet judged is asked."""
        screen = self.screen

        def ended(event: Any) -> None:
            screen.notify(t("end.done", screen.lang, time=hhmm(event.at, screen.service.now().tzinfo)), markup=False)
            screen.playbook.ask_goals()

        screen.do(screen.service.agenda.end, ended)
