"""The meeting screen's playbook keys and commands: health (h), goals (g), re-plan (r),
undo (u), attendance (t), cooling-down break (c), the closing prompt on ``n`` and the
goals asked for when the meeting ends.

:class:`PlaybookFlow` is given the meeting screen it works for and uses only what that
screen offers (its service, language, frame, ``do``, ``ask`` and ``notify``); the
screen's key actions call it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from coopconsole.domain.model import ActionItem, Attendance, Decision, Note
from coopconsole.domain.rounding import whole_minutes
from coopconsole.texts import t
from coopconsole.tui.commands import Command
from coopconsole.tui.format import hhmm

if TYPE_CHECKING:
    from textual import events

    from coopconsole.tui.screens.meeting import MeetingScreen


def _views():  # noqa: ANN202 - the module
    """The dialogs' module (and the health checks): loaded after the first frame, not with
    the meeting screen."""
    import coopconsole.tui.screens.playbook as playbook_view

    return playbook_view


class PlaybookFlow:
    """The facilitator's playbook keys, for one meeting screen."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen
        self.asked_to_close: set[int] = set()  # items the closing prompt asked about

    def health(self) -> None:
        self.screen.app.push_screen(_views().HealthDialog(self.screen))

    def goals(self) -> None:
        self.screen.app.push_screen(_views().GoalsDialog(self.screen))

    def replan(self) -> None:
        service = self.screen.service

        def offer(options: list) -> None:
            if not options:
                self.screen.notify(t("error.not-behind", self.screen.lang), markup=False)
                return
            frame = self.screen.frame
            drift = frame.view.agenda.drift if frame is not None else None
            minutes = 0 if drift is None else whole_minutes(drift)
            choices = _views().replan_choices(options, service.glance(), frame)
            self.screen.ask(t("replan.title", self.screen.lang, minutes=minutes), choices, self._replan)

        self.screen.do(service.playbook.replan_options, offer)

    def _replan(self, option: Any) -> None:
        if option is None:
            return
        service, tz = self.screen.service, self.screen.service.now().tzinfo
        self.screen.do(
            lambda: service.playbook.replan(option.kind, option.item),
            lambda done: self.screen.notify(
                t("replan.done", self.screen.lang, projected=hhmm(service.state().projected_end, tz)), markup=False
            ),
        )

    def undo(self) -> None:
        self.screen.do(
            self.screen.service.playbook.undo_replan,
            lambda _: self.screen.notify(t("replan.undone", self.screen.lang), markup=False),
        )

    def attendance(self) -> None:
        """Whose attendance: the participant highlighted in the speakers pane, else ask."""
        from coopconsole.tui.screens.dialogs import speaker_choices

        session = self.screen.service.glance()
        choices = [c for c in speaker_choices(session, self.screen.lang) if c[1] is not None]

        def who(participant: int | None) -> None:
            if participant is None:
                return
            person = session.participant(participant)
            title = t("attendance.state", self.screen.lang, name=person.name if person else participant)

            def chosen(choice: tuple[Attendance, int] | None) -> None:
                if choice is not None:
                    self._mark(participant, *choice)

            self.screen.ask(title, _views().attendance_choices(self.screen.lang), chosen)

        highlighted = self.highlighted_participant()
        if highlighted is not None:
            who(highlighted)
        else:
            self.screen.ask(t("attendance.who", self.screen.lang), choices, who)

    def highlighted_participant(self) -> int | None:
        """The participant whose row has the focus in the speakers pane, if any."""
        from coopconsole.tui.widgets.line_list import LineList

        found = self.screen.query("#speaker-rows")
        rows = found.first() if found else None
        if not isinstance(rows, LineList) or not rows.has_focus or rows.highlighted_option is None:
            return None
        row_id = rows.highlighted_option.id or ""
        return int(row_id[2:]) if row_id.startswith("p-") else None

    def _mark(self, participant: int, attendance: Any, minutes_ago: int) -> None:
        service = self.screen.service
        at = service.now() - timedelta(minutes=minutes_ago) if minutes_ago else None
        self.screen.do(lambda: service.room.set_attendance(participant, attendance, at))

    def positions(self) -> None:
        """Each organisation's position on the latest decision of the current item (or the
        latest one), asked one organisation after another."""
        session = self.screen.service.glance()
        current = self.screen.frame.view.agenda.current if self.screen.frame else None
        decisions = [d for d in session.decisions if d.item == current] or list(session.decisions)
        if not decisions:
            self.screen.notify(t("positions.none", self.screen.lang), markup=False)
            return
        decision = decisions[-1]
        orgs = list(dict.fromkeys(p.organisation for p in session.participants if p.organisation))
        self._ask_position(decision.id, decision.text, orgs)

    def ask_positions(self, decision: Decision, orgs: list[str]) -> None:
        """The positions of ``orgs`` on ``decision``, asked one organisation after another
        (the closing checklist asks those with none yet)."""
        self._ask_position(decision.id, decision.text, orgs)

    def _ask_position(self, decision_id: int, text: str, orgs: list[str]) -> None:
        if not orgs:
            return
        org, rest, service = orgs[0], orgs[1:], self.screen.service

        def chosen(stance: Any) -> None:
            if stance is None:
                self._ask_position(decision_id, text, rest)
                return
            self.screen.do(
                lambda: service.closing.record_positions(decision_id, {org: stance}),
                lambda _: self._ask_position(decision_id, text, rest),
            )

        title = t("positions.ask", self.screen.lang, org=org, text=text)
        self.screen.ask(title, _views().position_choices(self.screen.lang), chosen)

    def cool(self) -> None:
        def chosen(minutes: int | None) -> None:
            if minutes:
                self.screen.do(
                    lambda: self.screen.service.playbook.cool_down(minutes),
                    lambda _: self.screen.notify(t("cool.done", self.screen.lang, minutes=minutes), markup=False),
                )

        self.screen.ask(t("cool.title", self.screen.lang), _views().cool_choices(self.screen.lang), chosen)

    # -- closing an item, closing the meeting -----------------------------------------------

    def next_with_closing(self, move_on: Callable[[], None]) -> None:
        """Move on, but first ask once per item discussed (its clock ran a minute) when
        nothing was recorded on it."""
        from coopconsole.domain.health import DISCUSSED_AFTER  # loaded after the first frame already

        # Under the lock, not a glance: a decision saved a moment ago must count.
        session, state = self.screen.service.session, self.screen.frame.view.agenda if self.screen.frame else None
        current = None if state is None else state.current
        item, timing = session.item(current), None if state is None else state.current_timing
        records: list[ActionItem | Decision | Note] = [*session.decisions, *session.actions, *session.notes]
        recorded = any(r.item == current for r in records)
        discussed = timing is not None and timing.elapsed >= DISCUSSED_AFTER  # not skipped at once
        if (
            current is None
            or item is None
            or item.kind.value == "break"
            or recorded
            or not discussed
            or current in self.asked_to_close
        ):
            move_on()
            return
        self.asked_to_close.add(current)

        async def chosen(decide: bool | None) -> None:
            if decide:
                await self.screen.action_capture("decision")
            elif decide is False:
                move_on()

        def at_choice(decide: bool | None) -> Callable[[events.Key], bool] | None:
            return self.screen.capturing.open_at_once("decision") if decide else None

        choices = [(t("close.decide", self.screen.lang), True), (t("close.move_on", self.screen.lang), False)]
        self.screen.ask(t("close.title", self.screen.lang, item=item.title), choices, chosen, at_choice)

    def ask_goals(self) -> None:
        """Once the meeting has ended: for each goal not yet judged, was it achieved?"""
        pending = [g for g in self.screen.service.glance().goals if g.achieved is None]
        if not pending:
            return
        goal, service = pending[0], self.screen.service

        def chosen(achieved: bool | None) -> None:
            if achieved is None:
                return  # "decide later" (or Escape) stops asking
            self.screen.do(lambda: service.playbook.judge_goal(goal.id, achieved), lambda _: self.ask_goals())

        tier = t(f"tier.{goal.tier.value}", self.screen.lang)
        choices = [
            (t("goal.yes", self.screen.lang), True),
            (t("goal.no", self.screen.lang), False),
            (t("goal.skip", self.screen.lang), None),
        ]
        self.screen.ask(t("goal.ask", self.screen.lang, tier=tier, text=goal.text), choices, chosen)

    def commands(self) -> list[Command]:
        lang = self.screen.lang
        return [
            (t("cmd.health", lang), self.screen.action_health),
            (t("cmd.goals", lang), self.screen.action_goals),
            (t("cmd.replan", lang), self.screen.action_replan),
            (t("cmd.undo", lang), self.screen.action_undo),
            (t("cmd.attendance_pick", lang), self.screen.action_attendance),
            (t("cmd.cool", lang), self.screen.action_cool),
            (t("cmd.positions", lang), self.screen.action_positions),
        ]
