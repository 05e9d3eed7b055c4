"""Intents of the facilitator's playbook: goals in tiers judged live, re-planning when
behind (undoable), and the cooling-down break.

The same rules as every intent: under the lock, durable before returning, refused with
a :class:`ServiceError` (see :mod:`coopconsole.service.access`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from coopconsole.domain.model import Event, EventKind, Goal, GoalTier, ParkedItem, Record, Resolution, SessionStatus
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError, not_ended

if TYPE_CHECKING:
    from coopconsole.domain.replan import ReplanOption

MAX_COOL_MINUTES = 60


class Playbook:
    """Goals, re-planning and the cooling-down break."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def add_goal(self, tier: GoalTier, text: str) -> Goal:
        """A goal added live (primary, intermediate or advanced), not yet judged."""
        line = self.access.text(text, empty="empty-goal")
        with self.access.locked():
            return self.access.add(Goal(id=0, tier=tier, text=line))

    def edit_goal(self, goal_id: int, text: str) -> Goal:
        """Reword a goal (to make it measurable, say); its judgement is kept."""
        line = self.access.text(text, empty="empty-goal")
        with self.access.locked():
            return self.access.replace(replace(self._goal(goal_id), text=line))

    def judge_goal(self, goal_id: int, achieved: bool | None) -> Goal:
        """Mark a goal achieved (True), not achieved (False) or not yet judged (None)."""
        with self.access.locked():
            return self.access.replace(replace(self._goal(goal_id), achieved=achieved))

    def _goal(self, goal_id: int) -> Goal:
        goal = next((g for g in self.access.session.goals if g.id == goal_id), None)
        if goal is None:
            raise ServiceError("no-goal", id=goal_id)
        return goal

    # -- re-planning when behind, and the cooling-down break ------------------------------

    def replan_options(self) -> list[ReplanOption]:
        """What can be done about the delay now (see :mod:`coopconsole.domain.replan`)."""
        from coopconsole.domain.replan import replan_options  # with the first re-plan, not at start-up

        with self.access.locked():
            return replan_options(self.access.session, self.access.state())

    def replan(self, kind: str, item: int | None = None) -> ReplanOption:
        """Apply one option, as it stands now, in one step; :meth:`undo_replan` takes it back.

        The option is worked out again under the lock, so a stale choice (the clock moved
        on, another console changed the plan) applies to the meeting as it is.
        """
        from coopconsole.domain.replan import replan_options

        with self.access.locked():
            session, now = self.access.session, self.access.now()
            state = self.access.state_of(session, now)
            option = next((o for o in replan_options(session, state) if o.key == (kind, item)), None)
            if option is None:
                if state.drift is None or state.drift <= timedelta(0):
                    raise ServiceError("not-behind")
                raise ServiceError("no-option")
            records: list[Record] = [Event(id=0, at=now, kind=EventKind.REPLAN, minutes=len(option.changes))]
            records += [
                Event(id=0, at=now, kind=change_kind, item=change_item, minutes=minutes)
                for change_kind, change_item, minutes in option.changes
            ]
            if kind in ("park", "defer"):
                dropped = session.item(item)
                title = dropped.title if dropped is not None else ""
                resolution = Resolution.DEFERRED if kind == "defer" else Resolution.OPEN
                records.append(
                    ParkedItem(id=0, text=title, item=state.current, resolution=resolution, target=item, created_at=now)
                )
            self.access.add_all(records)  # one write: the whole re-plan or nothing
            return option

    def undo_replan(self) -> Event:
        """Take back the last re-plan not yet undone (a parked item goes back on the agenda)."""
        with self.access.locked():
            session, now = self.access.session, self.access.now()
            state = self.access.state_of(session, now)
            not_ended(session, state)  # the plan of an ended meeting is history
            made = state.undo_at  # the re-plan being undone, as the replay sees it
            if made is None:
                raise ServiceError("nothing-to-undo")
            event = self.access.add(Event(id=0, at=now, kind=EventKind.UNDO))
            for point in session.parked:  # the point it made of an item: back on the agenda
                if point.created_at == made and point.target is not None:
                    self.access.replace(replace(point, resolution=Resolution.SCHEDULED))
            return event

    def cool_down(self, minutes: int) -> Event:
        """A cooling-down break of ``minutes``: the clock pauses and the plan moves later."""
        if not 1 <= minutes <= MAX_COOL_MINUTES:
            raise ServiceError("bad-minutes", most=MAX_COOL_MINUTES)
        with self.access.locked():
            session, now = self.access.session, self.access.now()
            state = self.access.state_of(session, now)
            not_ended(session, state)
            if state.status is SessionStatus.PLANNED:
                raise ServiceError("not-started")
            return self.access.add(Event(id=0, at=now, kind=EventKind.COOL, minutes=minutes))
