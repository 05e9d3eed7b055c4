"""The speaker queue and the time of the current turn, derived from the session's events.

The queue is who asked to speak next, in the order they asked (as in OpenSlides' list of
speakers or OnlyT). It is never stored as a list: each change is an event, and the queue
is replayed from them, so a console reopened after a crash, or a second terminal, shows
the same queue.

The rules, event by event in replay order ``(at, id)``:

* ``QUEUE p``: ``p`` joins the end of the queue (nothing happens if ``p`` is already in it
  or is not a participant);
* ``UNQUEUE p``: ``p`` leaves the queue, wherever they are in it;
* ``SPEAKER p``: ``p`` has the floor, so ``p`` leaves the queue, however the floor was
  given (the "floor to the next" key, a speaker key, the picker, the palette);
* ``END``: the meeting is over and the queue is empty (nothing changes it afterwards).

Who may be queued (someone in the room, not the one speaking) is the service's check; the
replay only follows what was written.

The turn is the current speaker's stretch since they took the floor (a change of agenda
item does not end it; a pause does, see :mod:`coopconsole.domain.floor_replay`).
:func:`turn_time` gives its length and, with a per-turn limit, what is left of it and
whether it is in its warning share or over.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from coopconsole.domain.frozen import record
from coopconsole.domain.model import Event, EventKind, Session

ZERO = timedelta(0)
#: The last part of a limited turn that is shown as a warning (amber)...
TURN_WARNING = timedelta(seconds=30)
#: ...but never more than this share of the limit (a one-minute limit warns at 15 s).
TURN_WARNING_SHARE = 0.25


class SpeakerQueue:
    """Who waits for the floor, in order, fed one event at a time (replay order)."""

    __slots__ = ("known", "order", "ended")

    def __init__(self, known: Iterable[int]) -> None:
        self.known = frozenset(known)
        self.order: list[int] = []
        self.ended = False

    def feed(self, event: Event) -> None:
        if self.ended:
            return
        kind, pid = event.kind, event.participant
        if kind is EventKind.QUEUE:
            if pid is not None and pid in self.known and pid not in self.order:
                self.order.append(pid)
        elif kind is EventKind.UNQUEUE or kind is EventKind.SPEAKER:
            if pid is not None and pid in self.order:
                self.order.remove(pid)
        elif kind is EventKind.END:
            self.order.clear()
            self.ended = True

    @property
    def head(self) -> int | None:
        """Who is next, if anyone waits."""
        return self.order[0] if self.order else None


def speaker_queue(session: Session, now: datetime | None = None) -> tuple[int, ...]:
    """The queue after every event of ``session`` (stamped at or before ``now``, if
    given), the next speaker first."""
    queue = SpeakerQueue(p.id for p in session.participants)
    for event in sorted(session.events, key=lambda e: (e.at, e.id)):
        if now is not None and event.at > now:
            break
        queue.feed(event)
    return tuple(queue.order)


@record
class TurnTime:
    """The current turn at one moment: how long it has run and, with a limit, what is
    left (negative once over) and how it looks: ``"ok"``, ``"warning"`` or ``"over"``."""

    elapsed: timedelta
    limit: timedelta | None = None
    remaining: timedelta | None = None
    level: str = "ok"


def turn_time(since: datetime, now: datetime, limit_minutes: int | None = None) -> TurnTime:
    """The turn that began at ``since``, as of ``now``, against a limit of
    ``limit_minutes`` (None or 0: no limit, the level stays ``"ok"``).

    Like the item's countdown: over once the time run is past the limit (00:00 left is
    not over yet); the warning is the last :data:`TURN_WARNING` of the turn, or the last
    quarter of a limit shorter than two minutes."""
    elapsed = max(now - since, ZERO)
    if not limit_minutes or limit_minutes <= 0:
        return TurnTime(elapsed)
    limit = timedelta(minutes=limit_minutes)
    remaining = limit - elapsed
    warning = min(TURN_WARNING, limit * TURN_WARNING_SHARE)
    level = "over" if remaining < ZERO else ("warning" if remaining <= warning else "ok")
    return TurnTime(elapsed, limit, remaining, level)
