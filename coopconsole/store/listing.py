"""What ``coopconsole list`` shows of each session, read without decoding every record.

A line of the listing needs a session's header, its participants (the confirmations of
the minutes), how many records of each kind it holds, and its status (planned, running,
ended) with the moment it ended. The status is a replay of the events, but of only two
kinds of them: the meeting runs from its first START and is over from its first END
(END is final), and no other event changes either. So a listing

* reads the file once (one JSON parse; the layout and schema of every table checked, as
  every read does);
* decodes the header, the participants and the agenda (a few dozen records);
* checks every event record as a load would, and decodes only the START and END ones;
* counts the captures (actions, decisions, notes, parked points) not taken back, from
  the records as stored, without decoding them.

A file damaged in its header, participants, agenda or events is listed as damaged, as
before. One damaged only in a capture is listed; opening it says what is wrong. See
``docs/decisions.md`` ("Listing the sessions folder").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import coopconsole.store.validate as check
from coopconsole.domain.frozen import record
from coopconsole.domain.model import EventKind, Session
from coopconsole.store import codecs
from coopconsole.store.codecs import ACTIONS, AGENDA, DECISIONS, EVENTS, NOTES, PARKED, PARTICIPANTS
from coopconsole.store.errors import CorruptSession, StoreError, corrupt_message
from coopconsole.store.reading import decode_session, read_document

#: The events a session's status is replayed from.
_STATUS_KINDS = frozenset((EventKind.START, EventKind.END))


@record
class SessionListing:
    """One line of ``coopconsole list``: the session's header, participants and agenda,
    with its START and END events only (``events``: what its status, start and end are
    replayed from, not every event), and how many captures of each kind it holds."""

    name: str
    path: Path
    session: Session | None  # None when the file could not be read
    counts: tuple[tuple[str, int], ...] = ()  # (table, records not taken back)
    error: str = ""

    def count(self, table: str) -> int:
        return dict(self.counts).get(table, 0)


def read_listing(path: Path, name: str) -> SessionListing:
    """The listing of the session file ``path``; a file that cannot be read is one with
    no session and the reason (never raises for the file's content)."""
    try:
        document = read_document(path)
        session = decode_session(path, document, name, (PARTICIPANTS, AGENDA))
        session.events = _status_events(path, document.get(EVENTS, {}))
    except StoreError as exc:
        return SessionListing(name, path, None, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - whatever it is, it is this file's
        return SessionListing(name, path, None, error=corrupt_message(path, f"{type(exc).__name__}: {exc}"))
    counts = tuple((table, _kept(document.get(table, {}))) for table in (ACTIONS, DECISIONS, NOTES, PARKED))
    return SessionListing(name, path, session, counts)


def _status_events(path: Path, rows: dict[str, Any]) -> list:
    """The START and END events, every event record checked on the way."""
    wanted = {}
    for key, r in rows.items():
        try:
            kind = codecs.event_fields(r)[0]
            if "a" in r or "x" in r:  # an agenda change's own fields
                check.number(r, "a"), check.text(r, "x", "")
        except check.Malformed as exc:
            located = check.Malformed(exc.detail, check.where(EVENTS, key))
            raise CorruptSession(corrupt_message(path, str(located), record=True)) from None
        if kind in _STATUS_KINDS:
            wanted[key] = r
    return [codecs.event_from(int(key), r) for key, r in sorted(wanted.items(), key=lambda kv: int(kv[0]))]


def _kept(rows: dict[str, Any]) -> int:
    """How many of a table's records were not taken back."""
    return sum(1 for r in rows.values() if r.get("withdrawn_at") is None)
