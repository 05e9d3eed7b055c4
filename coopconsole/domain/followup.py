"""After the meeting: the 24-hour minutes deadline and the attendees' confirmations.

The playbook's rule is that minutes go out within 24 hours of the end, and that every
attendee replies to confirm them. Rules:

* The deadline is the moment the meeting was ended (its END event) plus 24 hours. A
  meeting not yet ended has no deadline.
* The minutes count as written when ``Session.minutes_at`` is set (``coopconsole
  minutes`` or the console's "write minutes" set it; a preview does not). Written after
  the deadline they are *late*; not written when the deadline has passed they are
  *overdue*.
* Who is asked to confirm: every participant not marked absent, and only they count:
  "3 of 4 attendees have confirmed" is about the people who were there. An absent
  person's confirmation is kept, but counted in neither figure.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import Enum

from coopconsole.domain.frozen import record
from coopconsole.domain.model import Attendance, Session
from coopconsole.domain.timeline import AgendaState

MINUTES_WITHIN = timedelta(hours=24)


class MinutesState(str, Enum):
    NOT_DUE = "not-due"  # the meeting has not ended
    DUE = "due"  # ended, minutes not written, deadline ahead
    OVERDUE = "overdue"  # ended over 24 hours ago, minutes not written
    WRITTEN = "written"  # written within 24 hours of the end (or before it)
    LATE = "late"  # written, but after the deadline


@record
class MinutesStatus:
    """Where the minutes stand: due, overdue, written (in time or late), and confirmations."""

    state: MinutesState
    due: datetime | None  # end + 24 h
    written_at: datetime | None
    asked: int  # attendees asked to confirm
    confirmed: int  # attendees who confirmed


def minutes_due(state: AgendaState) -> datetime | None:
    """When the minutes must be out: the end of the meeting plus 24 hours."""
    return None if state.ended_at is None else state.ended_at + MINUTES_WITHIN


def minutes_status(session: Session, state: AgendaState, now: datetime) -> MinutesStatus:
    due = minutes_due(state)
    written = session.minutes_at
    if written is not None:
        kind = MinutesState.LATE if due is not None and written > due else MinutesState.WRITTEN
    elif due is None:
        kind = MinutesState.NOT_DUE
    else:
        kind = MinutesState.OVERDUE if now > due else MinutesState.DUE
    asked = sum(1 for p in session.participants if p.attendance is not Attendance.ABSENT)
    confirmed = sum(
        1 for p in session.participants if p.confirmed_at is not None and p.attendance is not Attendance.ABSENT
    )
    return MinutesStatus(state=kind, due=due, written_at=written, asked=asked, confirmed=confirmed)
