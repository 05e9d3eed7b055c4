"""Commands on a session: the only way anything changes a meeting.

Each method is one intent of the facilitator or note-taker. It validates against the
freshest state (under the session's lock, so a second console or a ``coopconsole add``
in another terminal cannot slip in between), appends or changes records, and returns
only once the change is durable on disk. A refused intent raises :class:`ServiceError`
with a message for the user and leaves the session untouched.

:class:`MeetingService` is one open session (:class:`~.access.SessionAccess`: reading,
the clock, durable changes) and the intents grouped by who asks for them, each given
that access and nothing else::

    service.captures   the note-taker: actions, notes, decisions, parked points (captures.py)
    service.agenda     the agenda clock: start, pause, next item, extend, end (agenda.py)
    service.room       the floor and attendance (room.py)
    service.playbook   goals, re-planning, the cooling-down break (playbook.py)
    service.closing    positions on decisions, the minutes, confirmations (closing.py)
    service.board      moving actions between the board's states, with remarks (board.py)
    service.closing_list  an item never reached deferred, from the closing checklist (closing_list.py)
    service.withdrawals   captures taken back or given back, duplicate actions merged (withdrawals.py)
    service.agenda_edits  the agenda changed live (add, rename, move, remove), a walk-in (agenda_edit.py)
    service.plan       the plan read from an agenda, fixed and accepted before the meeting (plan_review.py)

Across the sessions of a folder (a series of meetings, every action of it): series.py.

The package's names are loaded when first used (``from coopconsole.service import
MeetingService`` loads the intents; ``coopconsole.service.series``, which a look at every
action of the folder needs, loads none of them).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coopconsole.service.access import CURRENT, SessionAccess, load_parser
    from coopconsole.service.captures import CAPTURE_KINDS
    from coopconsole.service.meeting import MeetingService
    from coopconsole.service.refusals import ServiceError

__all__ = ["CAPTURE_KINDS", "CURRENT", "MeetingService", "ServiceError", "SessionAccess", "load_parser"]

#: Where each of the package's names is defined.
_HOMES = {
    "CAPTURE_KINDS": "captures",
    "CURRENT": "access",
    "MeetingService": "meeting",
    "ServiceError": "refusals",
    "SessionAccess": "access",
    "load_parser": "access",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # found once, then an ordinary attribute
    return value
