"""A session from a whole TinyDB document: each table's records decoded by its codec
(``codecs.py``), in numeric order of their ids, cleaned, and the captures taken back set
apart; and what the last decoding of a file made, kept so that reading the file again
decodes only the records that changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import coopconsole.store.validate as check
from coopconsole.domain.model import Session
from coopconsole.store.codecs import ACTIONS, CODECS, DECISIONS, EVENTS, META, NOTES, PARKED, session_from_meta
from coopconsole.store.fields import Record, cleaned

#: What a file's last decoding made, by table and record id: the record as it was stored
#: (the stored dict itself; see ``SessionFile.replace``) and the object decoded from it.
Decoded = dict[str, dict[str, tuple[Record, Any]]]


def session_from_document(
    document: dict[str, dict[str, Record]],
    name: str,
    tables: tuple[str, ...] | None = None,
    kept: Decoded | None = None,
) -> Session:
    """Build the domain Session from a whole TinyDB document (ids in numeric order).

    ``tables``: only those (the header always); None: all of them.

    ``kept``: what the last decoding of the same file made, updated here. A record stored
    exactly as it was then is not decoded again: its domain object (immutable) is taken
    again. When another terminal adds one capture to a long meeting, the console reads
    the file again and decodes that capture alone; and every event being the very same
    object as before, the replays compare them at once (``ReplayKeeper.check_all``).

    The document's layout has been checked when it was read (:func:`.validate.check_layout`:
    a header, record ids that are numbers, records that are objects); each field is
    checked here, and a refused one raises ``Malformed`` naming its table and record.

    Every text is cleaned of control characters on the way in (a session file may have
    been edited by hand or by another program), so no escape sequence in a name or a note
    can ever reach the terminal.
    """
    try:
        header = session_from_meta(document[META]["1"])
    except check.Malformed as exc:
        raise check.Malformed(exc.detail, check.where(META, "1")) from None
    session = cleaned(header)
    session.name = name
    for table, (attr, decode, _encode) in CODECS.items():
        if tables is not None and table not in tables:
            continue
        rows = document.get(table, {})
        try:
            items = _decoded(table, rows, decode, kept)
        except check.Malformed:
            raise check.locate(table, rows, decode) from None
        if table in _CAPTURES and any(item.withdrawn_at is not None for item in items):
            # Taken back: kept apart, so that nothing that lists the session's records sees them.
            session.set_aside += [item for item in items if item.withdrawn_at is not None]
            items = [item for item in items if item.withdrawn_at is None]
        setattr(session, attr, items)
    return session


def _decoded(
    table: str, rows: dict[str, Record], decode: Callable[[int, Record], Any], kept: Decoded | None
) -> list[Any]:
    """The records of ``table``, in numeric order of their ids (see ``kept`` above)."""
    ordered = sorted(rows.items(), key=lambda kv: int(kv[0]))
    # Events have no text (a new title is cleaned as it is decoded); actions are cleaned
    # as they are decoded; the other records are cleaned here.
    clean = table not in (EVENTS, ACTIONS)
    if kept is None:
        items = [decode(int(k), r) for k, r in ordered]
        return [cleaned(item) for item in items] if clean else items
    before = kept.get(table, {})
    now: dict[str, tuple[Record, Any]] = {}
    items = []
    for key, record in ordered:
        hit = before.get(key)
        if hit is not None and hit[0] == record:
            item = hit[1]
        else:
            item = decode(int(key), record)
            if clean:
                item = cleaned(item)
        # The stored record itself, not a copy: the one change the store makes to a
        # stored record in place (SessionFile.replace) drops its entry first.
        now[key] = (record, item)
        items.append(item)
    kept[table] = now
    return items


#: The tables of what the note-taker captures, which may be taken back.
_CAPTURES = frozenset((ACTIONS, DECISIONS, NOTES, PARKED))
