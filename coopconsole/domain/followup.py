"""After the meeting: the 24-hour minutes deadline, the minutes sent, whether they are
still up to date, and the attendees' confirmations.

The playbook's rule is that minutes go out within 24 hours of the end, and that every
attendee replies to confirm them. Rules:

* The deadline is the moment the meeting was ended (its END event) plus 24 hours. A
  meeting not yet ended has no deadline.
* Sending is an explicit act (``coopconsole minutes --send``, or the console's "write
  minutes" once the meeting has ended): it sets ``Session.minutes_at`` and
  ``Session.minutes_digest``. Printing or previewing the minutes records nothing.
* The minutes count as sent only when they were sent once the meeting had ended: a
  sending recorded before the end (files written when looking at the minutes recorded
  one) is not counted, for those minutes said "still running". Sent after the deadline
  they are *late*; not sent when the deadline has passed they are *overdue*.
* The sent minutes are *out of date* when anything they show was recorded or changed
  after the sending: :func:`minutes_digest` of the session is no longer the one kept
  when they were sent. An attendee's confirmation is a reply to the minutes and does not
  count, nor does a state change recorded by a later meeting (its own minutes report
  it). Minutes sent by a version that kept no digest are taken as up to date.
* Who is asked to confirm: every participant not marked absent, and only they count:
  "3 of 4 attendees have confirmed" is about the people who were there. An absent
  person's confirmation is kept, but counted in neither figure.
"""

from __future__ import annotations

import hashlib
from dataclasses import MISSING, fields, is_dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from coopconsole.domain.frozen import record
from coopconsole.domain.memo import LastOf
from coopconsole.domain.model import ActionItem, Attendance, Participant, Session
from coopconsole.domain.timeline import AgendaState

MINUTES_WITHIN = timedelta(hours=24)


class MinutesState(str, Enum):
    NOT_DUE = "not-due"  # the meeting has not ended
    DUE = "due"  # ended, minutes not sent, deadline ahead
    OVERDUE = "overdue"  # ended over 24 hours ago, minutes not sent
    WRITTEN = "written"  # sent within 24 hours of the end
    LATE = "late"  # sent, but after the deadline


@record
class MinutesStatus:
    """Where the minutes stand: due, overdue, sent (in time or late, up to date or not),
    and confirmations."""

    state: MinutesState
    due: datetime | None  # end + 24 h
    written_at: datetime | None  # when the minutes counted as sent were sent
    asked: int  # attendees asked to confirm
    confirmed: int  # attendees who confirmed
    out_of_date: bool = False  # sent, and something they show changed since


def minutes_due(state: AgendaState) -> datetime | None:
    """When the minutes must be out: the end of the meeting plus 24 hours."""
    return None if state.ended_at is None else state.ended_at + MINUTES_WITHIN


def minutes_sent_at(session: Session, state: AgendaState) -> datetime | None:
    """When the minutes were sent, if that sending counts (after the meeting ended)."""
    sent = session.minutes_at
    if sent is None or state.ended_at is None or sent < state.ended_at:
        return None
    return sent


def minutes_out_of_date(session: Session, state: AgendaState) -> bool:
    """The minutes were sent, and something they show has been recorded since."""
    if minutes_sent_at(session, state) is None or not session.minutes_digest:
        return False
    return minutes_digest(session) != session.minutes_digest


def minutes_status(session: Session, state: AgendaState, now: datetime) -> MinutesStatus:
    due = minutes_due(state)
    written = minutes_sent_at(session, state)
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
    return MinutesStatus(
        state=kind,
        due=due,
        written_at=written,
        asked=asked,
        confirmed=confirmed,
        out_of_date=minutes_out_of_date(session, state),
    )


# -- what the minutes were sent from ------------------------------------------------

#: The session's own fields the minutes show (its lists are taken one by one).
_HEADER = ("title", "date", "start", "location", "facilitator", "note_taker", "series", "follows", "next_meeting")


def minutes_digest(session: Session) -> str:
    """A short fingerprint of everything the minutes show: equal digests, same minutes.

    It is worked out from values, not from how they are held: a moment is its instant to
    the millisecond (the file keeps no more), whatever its time zone; a field at its
    default is left out, so a field added to a record later does not change the digest
    of what was sent before. Left out too: attendees' confirmations, and state changes
    recorded by a later meeting."""
    header = tuple(_value(getattr(session, name)) for name in _HEADER)
    return _DIGEST(
        header,
        session.goals,
        session.participants,
        session.agenda,
        session.events,
        session.actions,
        session.decisions,
        session.notes,
        session.parked,
    )


def _digest_of(header: tuple, *lists: list) -> str:
    canon = (header, *(tuple(_value(r) for r in records) for records in lists))
    return hashlib.blake2b(repr(canon).encode("utf-8"), digest_size=10).hexdigest()


_PLAIN = frozenset((str, int, float, bool))


def _value(value: object) -> object:
    """``value`` as plain tuples, text and numbers (see :func:`minutes_digest`)."""
    if value is None or type(value) in _PLAIN:  # most fields: nothing to do
        return value
    if isinstance(value, datetime):
        return round(value.timestamp() * 1000)
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return tuple(_value(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    return value


def _fields(obj: object) -> tuple:
    out = []
    for name, has_default, default in _plan(type(obj)):
        value = getattr(obj, name)
        if name in _SKIPPED.get(type(obj), ()):
            if name == "confirmed_at":
                continue  # a reply to the minutes, not part of them
            if name == "status":
                if obj.history:  # type: ignore[attr-defined]
                    continue  # the last of its history, taken below without a later meeting's
            else:  # history
                value = tuple(change for change in value if not change.meeting)
        if has_default and value == default:
            continue
        out.append((name, _value(value)))
    return tuple(out)


#: The fields a record's kind has its own rule for (see :func:`_fields`).
_SKIPPED: dict[type, tuple[str, ...]] = {Participant: ("confirmed_at",), ActionItem: ("status", "history")}


def _plan(kind: type) -> tuple[tuple[str, bool, object], ...]:
    """Each field of a record's kind: its name and its default, if it has one (a default
    made by a factory is made once here: it is only compared with)."""
    known = _PLANS.get(kind)
    if known is not None:
        return known
    plan = []
    for f in fields(kind):
        if f.default is not MISSING:
            plan.append((f.name, True, f.default))
        elif f.default_factory is not MISSING:
            plan.append((f.name, True, f.default_factory()))
        else:
            plan.append((f.name, False, None))
    _PLANS[kind] = tuple(plan)
    return _PLANS[kind]


_PLANS: dict[type, tuple[tuple[str, bool, object], ...]] = {}


# The header asks once a second: the digest is worked out again only when a list changed
# (see coopconsole.domain.memo).
_DIGEST: LastOf[str] = LastOf(_digest_of)
