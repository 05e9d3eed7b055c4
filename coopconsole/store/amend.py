"""Several changes to one session as one write: the header, records rewritten, records removed.

Used where a single intent changes more than one record (a plan fixed before the meeting
moves the written starts of the items after the one changed): the file then holds all
of the change or none of it, whatever instant a crash comes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import coopconsole.store.codecs as rec
from coopconsole.domain.model import Session
from coopconsole.store.errors import SessionNotFound


def amended(
    data: dict[str, dict[str, Any]],
    name: str,
    session: Session,
    replaced: Iterable[Any],
    removed: Iterable[Any],
    added: Iterable[Any] = (),
) -> dict[str, dict[str, Any]]:
    """The document ``data`` with the header of ``session``, ``replaced`` records put in
    place of theirs, ``removed`` ones deleted and ``added`` ones (numbered by the caller)
    written; only the tables changed are new dicts. A record to replace that is not
    there, or one to add whose number is taken, is refused (nothing is written)."""
    tables: dict[str, dict[str, Any]] = {rec.META: {"1": rec.meta_record(session)}}

    def rows_of(obj: Any) -> dict[str, Any]:
        table = rec.TABLE_OF[type(obj)]
        return tables.setdefault(table, dict(data.get(table, {})))

    for obj in replaced:
        rows = rows_of(obj)
        if str(obj.id) not in rows:
            raise SessionNotFound(f"There is no {rec.NOUN[rec.TABLE_OF[type(obj)]]} number {obj.id} in {name!r}.")
        rows[str(obj.id)] = rec.to_record(obj)
    for obj in removed:
        rows_of(obj).pop(str(obj.id), None)
    for obj in added:
        rows = rows_of(obj)
        if obj.id < 1 or str(obj.id) in rows:
            raise ValueError(f"{rec.NOUN[rec.TABLE_OF[type(obj)]]} number {obj.id} is taken in {name!r}")
        rows[str(obj.id)] = rec.to_record(obj)
    return {**data, **tables}
