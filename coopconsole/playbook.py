"""Intents of the facilitator's playbook: the meeting's goals, in tiers, judged live.

A part of :class:`coopconsole.service.MeetingService` (the same rules: under the lock,
durable before returning, refused with a :class:`ServiceError`).
"""

from __future__ import annotations

from dataclasses import replace

from .domain.model import Goal, GoalTier
from .domain.text import clean_line
from .refusals import ServiceError


class PlaybookIntents:
    """Mixed into ``MeetingService``, which provides ``handle``, ``session``, ``_add`` and
    ``_replace``."""

    def add_goal(self, tier: GoalTier, text: str) -> Goal:
        """A goal added live (primary, intermediate or advanced), not yet judged."""
        line = clean_line(text)
        if not line:
            raise ServiceError("empty", "A goal needs some text.")
        with self.handle.locked():
            return self._add(Goal(id=0, tier=tier, text=line))

    def edit_goal(self, goal_id: int, text: str) -> Goal:
        """Reword a goal (to make it measurable, say); its judgement is kept."""
        line = clean_line(text)
        if not line:
            raise ServiceError("empty", "A goal needs some text.")
        with self.handle.locked():
            return self._replace(replace(self._goal(goal_id), text=line))

    def judge_goal(self, goal_id: int, achieved: bool | None) -> Goal:
        """Mark a goal achieved (True), not achieved (False) or not yet judged (None)."""
        with self.handle.locked():
            return self._replace(replace(self._goal(goal_id), achieved=achieved))

    def _goal(self, goal_id: int) -> Goal:
        goal = next((g for g in self.session.goals if g.id == goal_id), None)
        if goal is None:
            raise ServiceError("no-goal", f"There is no goal number {goal_id}.")
        return goal
