"""The meeting screen's playbook keys and commands: health (h), goals (g), re-plan (r),
undo (u), attendance (t), cooling-down break (c), the closing prompt on ``n`` and the
goals asked for when the meeting ends.

A mixin of :class:`coopconsole.tui.screens.meeting.MeetingScreen`, which provides ``service``,
``lang``, ``frame``, ``do``, ``notify`` and ``app``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from coopconsole.texts import error_text, t
from coopconsole.tui.commands import Command
from coopconsole.tui.format import hhmm


def _views():  # noqa: ANN202 - the module
    """The dialogs' module (and the health checks): loaded after the first frame, not with
    the meeting screen."""
    import coopconsole.tui.screens.playbook as playbook_view

    return playbook_view


NOT_BEHIND = "The meeting is not behind its plan: nothing to re-plan."


class PlaybookActions:
    """Mixed into the meeting screen."""

    _asked_to_close: set[int]

    def ask(self, title: str, choices: list[tuple[str, Any]], then: Callable[[Any], object]) -> None:
        """A dialog of ``choices`` (label, value); ``then`` gets the value chosen, or None."""
        from coopconsole.tui.screens.dialogs import ChoiceDialog  # with the first dialog, not with the meeting screen

        self.app.push_screen(ChoiceDialog(title, choices), then)

    def action_health(self) -> None:
        self.app.push_screen(_views().HealthDialog(self))

    def action_goals(self) -> None:
        self.app.push_screen(_views().GoalsDialog(self))

    def action_replan(self) -> None:
        service = self.service

        def offer(options: list) -> None:
            if not options:
                self.notify(error_text("not-behind", NOT_BEHIND, self.lang), markup=False)
                return
            frame = self.frame
            drift = frame.view.agenda.drift if frame is not None else None
            minutes = 0 if drift is None else int(drift.total_seconds() // 60)
            choices = _views().replan_choices(options, service.glance(), frame)
            self.ask(t("replan.title", self.lang, minutes=minutes), choices, self._replan)

        self.do(service.playbook.replan_options, offer)

    def _replan(self, option: Any) -> None:
        if option is None:
            return
        service, tz = self.service, self.service.now().tzinfo
        self.do(
            lambda: service.playbook.replan(option.kind, option.item),
            lambda done: self.notify(
                t("replan.done", self.lang, projected=hhmm(service.state().projected_end, tz)), markup=False
            ),
        )

    def action_undo(self) -> None:
        self.do(self.service.playbook.undo_replan, lambda _: self.notify(t("replan.undone", self.lang), markup=False))

    def action_attendance(self) -> None:
        """Whose attendance: the participant highlighted in the speakers pane, else ask."""
        from coopconsole.tui.screens.dialogs import speaker_choices

        session = self.service.glance()
        choices = [c for c in speaker_choices(session, self.lang) if c[1] is not None]

        def who(participant: int | None) -> None:
            if participant is None:
                return
            person = session.participant(participant)
            title = t("attendance.state", self.lang, name=person.name if person else participant)
            self.ask(
                title,
                _views().attendance_choices(self.lang),
                lambda chosen: chosen is not None and self._mark(participant, *chosen),
            )

        highlighted = self.highlighted_participant()
        if highlighted is not None:
            who(highlighted)
        else:
            self.ask(t("attendance.who", self.lang), choices, who)

    def highlighted_participant(self) -> int | None:
        """The participant whose row has the focus in the speakers pane, if any."""
        from coopconsole.tui.widgets.line_list import LineList

        found = self.query("#speaker-rows")
        rows = found.first() if found else None
        if not isinstance(rows, LineList) or not rows.has_focus or rows.highlighted_option is None:
            return None
        row_id = rows.highlighted_option.id or ""
        return int(row_id[2:]) if row_id.startswith("p-") else None

    def _mark(self, participant: int, attendance: Any, minutes_ago: int) -> None:
        service = self.service
        at = service.now() - timedelta(minutes=minutes_ago) if minutes_ago else None
        self.do(lambda: service.room.set_attendance(participant, attendance, at))

    def action_positions(self) -> None:
        """Each organisation's position on the latest decision of the current item (or the
        latest one), asked one organisation after another."""
        session = self.service.glance()
        current = self.frame.view.agenda.current if self.frame else None
        decisions = [d for d in session.decisions if d.item == current] or list(session.decisions)
        if not decisions:
            self.notify(t("positions.none", self.lang), markup=False)
            return
        decision = decisions[-1]
        orgs = list(dict.fromkeys(p.organisation for p in session.participants if p.organisation))
        self._ask_position(decision.id, decision.text, orgs)

    def _ask_position(self, decision_id: int, text: str, orgs: list[str]) -> None:
        if not orgs:
            return
        org, rest, service = orgs[0], orgs[1:], self.service

        def chosen(stance: Any) -> None:
            if stance is None:
                self._ask_position(decision_id, text, rest)
                return
            self.do(
                lambda: service.closing.record_positions(decision_id, {org: stance}),
                lambda _: self._ask_position(decision_id, text, rest),
            )

        title = t("positions.ask", self.lang, org=org, text=text)
        self.ask(title, _views().position_choices(self.lang), chosen)

    def action_cool(self) -> None:
        def chosen(minutes: int | None) -> None:
            if minutes:
                self.do(
                    lambda: self.service.playbook.cool_down(minutes),
                    lambda _: self.notify(t("cool.done", self.lang, minutes=minutes), markup=False),
                )

        self.ask(t("cool.title", self.lang), _views().cool_choices(self.lang), chosen)

    # -- closing an item, closing the meeting -----------------------------------------------

    def next_with_closing(self, move_on: Callable[[], None]) -> None:
        """Move on, but first ask once per item discussed (its clock ran a minute) when
        nothing was recorded on it."""
        from coopconsole.domain.health import DISCUSSED_AFTER  # loaded after the first frame already

        # Under the lock, not a glance: a decision saved a moment ago must count.
        session, state = self.service.session, self.frame.view.agenda if self.frame else None
        current = None if state is None else state.current
        item, timing = session.item(current), None if state is None else state.current_timing
        recorded = any(r.item == current for r in (*session.decisions, *session.actions, *session.notes))
        discussed = timing is not None and timing.elapsed >= DISCUSSED_AFTER  # not skipped at once
        if item is None or item.kind.value == "break" or recorded or not discussed or current in self._asked_to_close:
            move_on()
            return
        self._asked_to_close.add(current)

        async def chosen(decide: bool | None) -> None:
            if decide:
                await self.action_capture("decision")
            elif decide is False:
                move_on()

        choices = [(t("close.decide", self.lang), True), (t("close.move_on", self.lang), False)]
        self.ask(t("close.title", self.lang, item=item.title), choices, chosen)

    def ask_goals(self) -> None:
        """Once the meeting has ended: for each goal not yet judged, was it achieved?"""
        pending = [g for g in self.service.glance().goals if g.achieved is None]
        if not pending:
            return
        goal, service = pending[0], self.service

        def chosen(achieved: bool | None) -> None:
            if achieved is None:
                return  # "decide later" (or Escape) stops asking
            self.do(lambda: service.playbook.judge_goal(goal.id, achieved), lambda _: self.ask_goals())

        tier = t(f"tier.{goal.tier.value}", self.lang)
        choices = [
            (t("goal.yes", self.lang), True),
            (t("goal.no", self.lang), False),
            (t("goal.skip", self.lang), None),
        ]
        self.ask(t("goal.ask", self.lang, tier=tier, text=goal.text), choices, chosen)

    def playbook_commands(self) -> list[Command]:
        lang = self.lang
        return [
            (t("cmd.health", lang), self.action_health),
            (t("cmd.goals", lang), self.action_goals),
            (t("cmd.replan", lang), self.action_replan),
            (t("cmd.undo", lang), self.action_undo),
            (t("cmd.attendance_pick", lang), self.action_attendance),
            (t("cmd.cool", lang), self.action_cool),
            (t("cmd.positions", lang), self.action_positions),
        ]
