"""Speaker balance: speaking turns, talk time per person and organisation, and flags.

Like the agenda clock, everything is a pure function of ``Session.events`` and an
injected ``now``; events are replayed in order of ``(at, id)`` in one pass, skipping
events stamped after ``now`` (see :mod:`coopconsole.domain.timeline`).

The functions here cache nothing: each call does one full replay through
:class:`~coopconsole.domain.floor_replay.FloorReplay` (which implements the turn rules below)
and reads the figures off it. The ``*_from`` helpers read the same figures off a replay
the caller keeps, which is how :mod:`coopconsole.domain.live` updates them once a second by
feeding only new events.

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
``by_participant`` lists every participant counted for the flags (see "Flags"; zero if
silent), plus anyone else who spoke (the facilitator, someone marked absent). ``by_org`` groups the same people by
organisation; a participant with no organisation is grouped under ``""``. Shares are
fractions of ``total`` (0 when nothing has been said), so they sum to 1 (or 0).
``current`` / ``current_since`` describe who holds the floor at ``now`` and since when
they took it (not reset by item changes), whatever the ``item`` filter.

Flags
-----
Fair share: each participant's part of the time they were in the room, over everyone's.
ABSENT participants are not counted and get no flag; nor are the facilitator and the
note-taker (``Participant.duty``): their talk is shown and in the totals, but the balance
is the parties'. With everyone there throughout, it
is 1 / number counted; a late arrival's time counts from their arrival and an early
leaver's until they left (wall-clock time since the scope's start: the meeting's first
START, or the current item's start), so someone who came in halfway is not "quiet" for
having missed the first half.

* "quiet": has not spoken at all yet (in the scope asked for), at once; or, once the
  meeting clock has run 10 minutes in total, a share under half a fair share.
* "dominant": once the meeting clock has run 10 minutes in total, a share over twice a
  fair share (so whoever opens the meeting is not flagged in its first seconds).

For one item, the 10 minutes are counted on that item's own elapsed time. Time spoken
before the first START counts in the shares but does not run the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from coopconsole.domain.floor_replay import FloorReplay
from coopconsole.domain.frozen import record
from coopconsole.domain.model import Attendance, Duty, Participant, Session, SpeakingTurn
from coopconsole.domain.timeline import ZERO, ordered_events

QUIET = "quiet"
DOMINANT = "dominant"
#: Clock time (in the scope asked for) before share-based flags are given.
FLAG_AFTER = timedelta(minutes=10)


def replay(session: Session, now: datetime) -> FloorReplay:
    """A replay of the session's events up to ``now``."""
    floor = FloorReplay(session)
    for event in ordered_events(session, now):
        floor.feed(event)
    return floor


def speaking_turns(session: Session, now: datetime) -> list[SpeakingTurn]:
    """All speaking stretches up to ``now``, in time order; the last may be still open."""
    floor = replay(session, now)
    turns = list(floor.turns)
    open_turn = floor.open_turn()
    if open_turn is not None:
        turns.append(open_turn)
    return turns


@record
class SpeakingStats:
    """Speaking time per person and per organisation over one scope (the meeting or one item)."""

    current: int | None
    current_since: datetime | None
    total: timedelta
    by_participant: dict[int, timedelta]  # everyone counted (0 if silent), and whoever else spoke
    by_org: dict[str, timedelta]

    def share(self, pid: int) -> float:
        if not self.total:
            return 0.0
        return self.by_participant.get(pid, ZERO) / self.total

    def org_share(self, org: str) -> float:
        if not self.total:
            return 0.0
        return self.by_org.get(org, ZERO) / self.total


@record
class Roster:
    """What the figures need from the participant list (derive once per list)."""

    counted: tuple[int, ...]  # ids in the fair shares (see _counted), in list order
    orgs: dict[int, str]  # id -> organisation (the first participant with that id)
    # What :func:`fair_shares` gives for any scope and time when no one counted has a
    # window of their own (the same share each), worked out once; None otherwise.
    fair: dict[int, float] | None = None

    @classmethod
    def of(cls, participants: Sequence[Participant]) -> Roster:
        counted = [p for p in participants if _counted(p)]
        windows = any(_own_window(p) for p in counted)
        return cls(
            counted=tuple(p.id for p in counted),
            orgs={p.id: p.organisation for p in reversed(participants)},
            fair=None if windows else _equal_shares(counted),
        )


def _counted(person: Participant) -> bool:
    """In the fair shares and the flags: not absent, and not running the meeting."""
    return person.attendance is not Attendance.ABSENT and person.duty is Duty.NONE


@record
class SettledTalk:
    """The talk of one scope's closed turns, read off a replay: what only events move
    (:func:`stats_from` adds the open turn up to its ``now``)."""

    by_participant: dict[int, timedelta]  # everyone counted (0 if silent), and whoever else spoke
    by_org: dict[str, timedelta]
    total: timedelta


def settled_talk(roster: Roster, floor: FloorReplay, item: int | None = None) -> SettledTalk:
    """The closed turns' talk over the whole meeting, or while ``item`` was current."""
    by_participant = dict.fromkeys(roster.counted, ZERO)
    closed = floor.closed if item is None else floor.closed_by_item.get(item, {})
    for pid, spoken in closed.items():
        by_participant[pid] = by_participant.get(pid, ZERO) + spoken
    orgs = roster.orgs
    by_org: dict[str, timedelta] = {}
    for pid, spoken in by_participant.items():
        org = orgs.get(pid, "")
        by_org[org] = by_org.get(org, ZERO) + spoken
    return SettledTalk(by_participant=by_participant, by_org=by_org, total=sum(by_participant.values(), ZERO))


def stats_from(
    roster: Roster, floor: FloorReplay, now: datetime, item: int | None = None, settled: SettledTalk | None = None
) -> SpeakingStats:
    """:class:`SpeakingStats` read off a replay fed up to ``now``; ``settled``: its
    :func:`settled_talk` for the same scope, if the caller kept it (never changed here)."""
    if settled is None:
        settled = settled_talk(roster, floor, item)
    by_participant, by_org, total = dict(settled.by_participant), dict(settled.by_org), settled.total
    running = floor.open_time(now, item)
    if running is not None:  # the open turn: its speaker's, their organisation's, the total
        pid, spoken = running
        by_participant[pid] = by_participant.get(pid, ZERO) + spoken
        org = roster.orgs.get(pid, "")
        by_org[org] = by_org.get(org, ZERO) + spoken
        total += spoken
    return SpeakingStats(
        current=floor.speaker,
        current_since=floor.since,
        total=total,
        by_participant=by_participant,
        by_org=by_org,
    )


def fair_shares(participants: Sequence[Participant], since: datetime | None, now: datetime) -> dict[int, float]:
    """Each counted participant's fair share of the talk since ``since`` (see "Flags")."""
    counted = [p for p in participants if _counted(p)]
    if not counted:
        return {}
    equal = _equal_shares(counted)
    if since is None or now <= since or not any(_own_window(p) for p in counted):
        return equal  # everyone counted since ``since``, up to now: the same share each
    weights: dict[int, float] = {}
    for p in counted:
        start = max(since, p.arrived_at) if p.arrived_at and (p.attendance is Attendance.LATE or p.walked_in) else since
        end = min(now, p.left_at) if p.attendance is Attendance.LEFT and p.left_at else now
        weights[p.id] = max((end - start).total_seconds(), 0.0)
    total = sum(weights.values())
    return {pid: w / total for pid, w in weights.items()} if total > 0 else equal


def _equal_shares(counted: Sequence[Participant]) -> dict[int, float]:
    """The same share each: the fair shares when everyone is counted over the whole scope."""
    return {p.id: 1 / len(counted) for p in counted}


def _own_window(person: Participant) -> bool:
    """Whether ``person``'s share is counted over a window of their own (arrived late or
    walked in, or left), not over the whole scope."""
    return bool(person.arrived_at and (person.attendance is Attendance.LATE or person.walked_in)) or bool(
        person.attendance is Attendance.LEFT and person.left_at
    )


def flags_from(
    roster: Roster, stats: SpeakingStats, clock_ran: timedelta, fair: dict[int, float] | None = None
) -> dict[int, str]:
    """The flag rules, given the stats of one scope, how long its clock has run and each
    one's fair share (:func:`fair_shares`; default: equal shares)."""
    if not roster.counted:
        return {}
    equal = 1 / len(roster.counted)
    by_share = clock_ran >= FLAG_AFTER
    out: dict[int, str] = {}
    total, spoken = stats.total, stats.by_participant
    for pid in roster.counted:
        said = spoken.get(pid, ZERO)
        share, due = (said / total if total else 0.0), equal if fair is None else fair.get(pid, equal)
        if said <= ZERO or (by_share and share < due / 2):
            out[pid] = QUIET
        elif by_share and share > 2 * due:
            out[pid] = DOMINANT
    return out


def speaking_stats(session: Session, now: datetime, item: int | None = None) -> SpeakingStats:
    """Talk time as of ``now``: the whole meeting, or only while ``item`` was current."""
    return stats_from(Roster.of(session.participants), replay(session, now), now, item)


def flags(session: Session, now: datetime, item: int | None = None) -> dict[int, str]:
    """Participant id -> "quiet" | "dominant", for those who deserve a flag."""
    roster = Roster.of(session.participants)
    floor = replay(session, now)
    stats = stats_from(roster, floor, now, item)
    return flags_from(
        roster, stats, floor.clock_ran(now, item), fair_shares(session.participants, scope_start(floor, item), now)
    )


def scope_start(floor: FloorReplay, item: int | None) -> datetime | None:
    """When a scope's talk began: the meeting's first START, or ``item``'s first start."""
    clock = floor.clock
    if item is None:
        return clock.started_at
    index = clock.position.get(item)
    return None if index is None else clock.actual_start[index]
