"""Moving the plan to now, for a meeting started on another day or at another time than
it was planned for.

A session prepared in advance (imported on Monday for Thursday, or kept from an earlier
date) would otherwise start with thousands of minutes of drift. When the clock first
starts on another day than the plan's, or more than :data:`MOVE_AFTER` from its planned
start, the console asks once whether to move the plan to now. Moving it is one SHIFT of
every item before the first START (see :mod:`coopconsole.domain.clock_replay`): every box
is kept, the written plan stays in the session (the minutes give both), and it is not a
re-plan that ``u`` would take back.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from coopconsole.domain.model import SessionStatus
from coopconsole.domain.timeline import AgendaState

#: How far from the planned start the clock may start before the console asks.
MOVE_AFTER = timedelta(minutes=30)


def plan_move(state: AgendaState, now: datetime) -> int | None:
    """The whole minutes the plan moves by to start at ``now`` (negative: earlier), when
    the clock has not started yet and ``now`` is on another day than the planned start
    or more than :data:`MOVE_AFTER` away from it; else None."""
    if state.status is not SessionStatus.PLANNED or state.planned_start is None:
        return None
    planned = state.planned_start + state.plan_shift  # a plan already moved, as moved
    here = now.astimezone(planned.tzinfo) if planned.tzinfo is not None else now
    if planned.date() == here.date() and abs(here - planned) <= MOVE_AFTER:
        return None
    minutes = int((here.replace(second=0, microsecond=0) - planned) / timedelta(minutes=1))
    return minutes or None
