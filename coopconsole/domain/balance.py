"""Speaker balance: speaking turns, talk time per person and organisation, and flags.

Like the agenda clock, everything is a pure function of ``Session.events`` and an
injected ``now``; events are replayed in order of ``(at, id)`` in one pass, skipping
events stamped after ``now`` (see :mod:`coopconsole.domain.timeline`).

Turns
-----
* SPEAKER(participant=p) starts p's turn and ends the previous speaker's. SPEAKER for
  the person already speaking changes nothing. SPEAKER(None) means nobody is speaking.
* SPEAKER naming a participant id not in the session is ignored (the previous speaker,
  if any, keeps the floor), in line with events for unknown agenda items.
* PAUSE and END end the current turn (the room is on a break). PAUSE does so even when
  the clock was already stopped. A later RESUME does not give the floor back: the next
  SPEAKER event does. SPEAKER while paused does start a turn (someone is talking).
* END is final: later events, SPEAKER included, are ignored.
* A turn is split at every change of current item, so per-item totals are exact.
  ``SpeakingTurn.item`` is the item current during that stretch; None before the first
  START (even if an item was cued). Zero-length stretches are dropped.
* A still-running turn has ``end`` None and counts up to ``now``.

Totals and shares
-----------------
``by_participant`` lists every participant not marked ABSENT (zero if silent), plus
anyone who spoke despite being marked absent. ``by_org`` groups the same people by
organisation; a participant with no organisation is grouped under ``""``. Shares are
fractions of ``total`` (0 when nothing has been said), so they sum to 1 (or 0).
``current`` / ``current_since`` describe who holds the floor at ``now`` and since when
they took it (not reset by item changes), whatever the ``item`` filter.

Flags
-----
Fair share = 1 / number of participants counted. ABSENT participants are not counted
and get no flag. Late arrivals and early leavers are counted like those present (a
later version may count a late arrival's fair share from arrival).

* "quiet": has not spoken at all yet (in the scope asked for), or, once the meeting
  clock has run 10 minutes in total, a share under half a fair share. For one item,
  the 10 minutes are counted on that item's own elapsed time.
* "dominant": a share over twice a fair share (no minimum time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .model import Attendance, EventKind, Session, SessionStatus, SpeakingTurn
from .timeline import ZERO, ClockReplay, agenda_state, ordered_events

QUIET = "quiet"
DOMINANT = "dominant"
QUIET_AFTER = timedelta(minutes=10)


@dataclass
class _Floor:
    """Who holds the floor at the end of a replay."""

    turns: list[SpeakingTurn] = field(default_factory=list)
    speaker: int | None = None
    since: datetime | None = None  # when the speaker took the floor


def _replay(session: Session, now: datetime) -> _Floor:
    clock = ClockReplay(session)
    known = {p.id for p in session.participants}
    floor = _Floor()
    stretch_start: datetime | None = None
    stretch_item: int | None = None

    def item_now() -> int | None:
        return clock.current_id if clock.started else None

    def close(at: datetime) -> None:
        if floor.speaker is not None and stretch_start is not None and at > stretch_start:
            floor.turns.append(SpeakingTurn(floor.speaker, stretch_start, at, stretch_item))

    for event in ordered_events(session, now):
        if clock.status is SessionStatus.ENDED:
            break
        if event.kind is EventKind.SPEAKER:
            pid = event.participant
            if (pid is not None and pid not in known) or pid == floor.speaker:
                continue
            close(event.at)
            floor.speaker = pid
            floor.since = stretch_start = event.at if pid is not None else None
            stretch_item = item_now()
            continue
        clock.feed(event)
        if event.kind in (EventKind.PAUSE, EventKind.END):
            close(event.at)
            floor.speaker = floor.since = stretch_start = None
        elif floor.speaker is not None and item_now() != stretch_item:
            close(event.at)
            stretch_start, stretch_item = event.at, item_now()

    if floor.speaker is not None and stretch_start is not None:
        floor.turns.append(SpeakingTurn(floor.speaker, stretch_start, None, stretch_item))
    return floor


def speaking_turns(session: Session, now: datetime) -> list[SpeakingTurn]:
    """All speaking stretches up to ``now``, in time order; the last may be still open."""
    return _replay(session, now).turns


@dataclass(frozen=True)
class SpeakingStats:
    current: int | None
    current_since: datetime | None
    total: timedelta
    by_participant: dict[int, timedelta]  # every participant not marked absent (0 if silent)
    by_org: dict[str, timedelta]

    def share(self, pid: int) -> float:
        if not self.total:
            return 0.0
        return self.by_participant.get(pid, ZERO) / self.total

    def org_share(self, org: str) -> float:
        if not self.total:
            return 0.0
        return self.by_org.get(org, ZERO) / self.total


def _stats(session: Session, floor: _Floor, now: datetime, item: int | None) -> SpeakingStats:
    by_participant: dict[int, timedelta] = {
        p.id: ZERO for p in session.participants if p.attendance is not Attendance.ABSENT
    }
    for turn in floor.turns:
        if item is not None and turn.item != item:
            continue
        end = now if turn.end is None else turn.end
        by_participant[turn.participant] = by_participant.get(turn.participant, ZERO) + max(
            end - turn.start, ZERO
        )
    orgs = {p.id: p.organisation for p in reversed(session.participants)}
    by_org: dict[str, timedelta] = {}
    for pid, spoken in by_participant.items():
        org = orgs.get(pid, "")
        by_org[org] = by_org.get(org, ZERO) + spoken
    return SpeakingStats(
        current=floor.speaker,
        current_since=floor.since,
        total=sum(by_participant.values(), ZERO),
        by_participant=by_participant,
        by_org=by_org,
    )


def speaking_stats(session: Session, now: datetime, item: int | None = None) -> SpeakingStats:
    """Talk time as of ``now``: the whole meeting, or only while ``item`` was current."""
    return _stats(session, _replay(session, now), now, item)


def flags(session: Session, now: datetime, item: int | None = None) -> dict[int, str]:
    """Participant id -> "quiet" | "dominant", for those who deserve a flag."""
    stats = speaking_stats(session, now, item)
    counted = [p.id for p in session.participants if p.attendance is not Attendance.ABSENT]
    if not counted:
        return {}
    fair = 1 / len(counted)
    state = agenda_state(session, now)
    if item is None:
        clock_ran = state.total_elapsed
    else:
        timing = state.timing(item)
        clock_ran = timing.elapsed if timing is not None else ZERO
    share_rule = clock_ran >= QUIET_AFTER
    out: dict[int, str] = {}
    for pid in counted:
        share = stats.share(pid)
        if stats.by_participant.get(pid, ZERO) <= ZERO or (share_rule and share < fair / 2):
            out[pid] = QUIET
        elif share > 2 * fair:
            out[pid] = DOMINANT
    return out
