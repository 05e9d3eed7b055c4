"""Intents of the note-taker who captured something by mistake: take back a capture (the
last one, or any one), give one back, and merge two duplicate actions.

A capture taken back is never deleted and nothing is renumbered: its record stays in
the session file with the moment it was taken back (``withdrawn_at``), and the store
keeps it apart from the session's lists (``Session.set_aside``), so that no pane,
minutes, export, count, check, board or later meeting lists it. An action merged into
another is taken back the same way, naming the action it was merged into
(``merged_into``); that action keeps its number and fields and names the duplicates it
took in (``merged``).
"""

from __future__ import annotations

from dataclasses import replace

from coopconsole.domain.model import RECORD_LISTS, ActionItem, Captured, Decision, Note, ParkedItem, R, Session
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError

#: The kinds of capture by the name the catalogue and the command line give them.
KINDS: dict[str, type[Captured]] = {"action": ActionItem, "decision": Decision, "note": Note, "park": ParkedItem}

#: The name of each kind of capture.
KIND_OF: dict[type, str] = {kind: name for name, kind in KINDS.items()}


class Withdrawals:
    """Taking captures back, giving them back, merging duplicate actions."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def take_back(self, kind: str, record_id: int) -> Captured:
        """Take back the capture of ``kind`` numbered ``record_id``: kept in the file,
        listed nowhere. Refused if there is none, or it was taken back already."""
        cls = _kind(kind)
        access = self.access
        with access.locked():
            record: Captured = self._live(cls, record_id)  # type: ignore[type-var]
            return _save(access, replace(record, withdrawn_at=access.now()))

    def take_back_last(self) -> Captured:
        """Take back the capture made last; refused if nothing is listed."""
        access = self.access
        with access.locked():
            record = last_capture(access.session)
            if record is None:
                raise ServiceError("nothing-to-take-back")
            return _save(access, replace(record, withdrawn_at=access.now()))

    def give_back(self, kind: str, record_id: int) -> Captured:
        """List a capture taken back again, as it was; an action merged into another is
        no longer named by it. Refused if it is not taken back."""
        cls = _kind(kind)
        access = self.access
        with access.locked():
            session = access.session
            record = next((r for r in session.set_aside if type(r) is cls and r.id == record_id), None)
            if record is None:
                if any(r.id == record_id for r in getattr(session, RECORD_LISTS[cls])):
                    raise ServiceError("not-taken-back", kind=kind, id=record_id)
                raise ServiceError("missing", id=record_id)
            if isinstance(record, ActionItem) and record.merged_into is not None:
                kept = next((a for a in session.actions if a.id == record.merged_into), None)
                if kept is not None:
                    access.replace(replace(kept, merged=tuple(n for n in kept.merged if n != record.id)))
                return access.replace(replace(record, withdrawn_at=None, merged_into=None))
            return _save(access, replace(record, withdrawn_at=None))

    def merge(self, duplicate_id: int, kept_id: int) -> ActionItem:
        """Merge action ``duplicate_id`` into action ``kept_id``: the kept one keeps its
        number and fields and names the duplicate; the duplicate is taken back, naming
        the kept one. Refused for the same action twice, or one that is not listed."""
        if duplicate_id == kept_id:
            raise ServiceError("merge-same", id=kept_id)
        access = self.access
        with access.locked():
            duplicate = self._live(ActionItem, duplicate_id)
            kept = self._live(ActionItem, kept_id)
            access.replace(replace(duplicate, withdrawn_at=access.now(), merged_into=kept.id))
            merged = (*kept.merged, duplicate.id, *duplicate.merged)
            return access.replace(replace(kept, merged=merged))

    def _live(self, cls: type[R], record_id: int) -> R:
        """The listed record of ``cls`` numbered ``record_id``; refused if it was taken
        back or there is none (the caller holds the lock)."""
        session = self.access.session
        if any(type(r) is cls and r.id == record_id for r in session.set_aside):
            raise ServiceError("taken-back", kind=KIND_OF[cls], id=record_id)
        return self.access.find(cls, record_id)


def last_capture(session: Session) -> Captured | None:
    """The capture made last that is still listed (None if there is none)."""
    captured: list[Captured] = [*session.actions, *session.decisions, *session.notes, *session.parked]
    dated = [(r.created_at, r) for r in captured if r.created_at is not None]
    return max(dated, key=lambda pair: pair[0])[1] if dated else None


def taken_back(session: Session) -> list[Captured]:
    """The captures taken back (merged actions among them), the last taken back first."""
    dated = [(r.withdrawn_at, r) for r in session.set_aside if r.withdrawn_at is not None]
    return [r for _, r in sorted(dated, key=lambda pair: pair[0], reverse=True)]


def _save(access: SessionAccess, record: Captured) -> Captured:
    """``access.replace`` for a capture of any kind."""
    saved: Captured = access.replace(record)  # type: ignore[type-var]
    return saved


def _kind(kind: str) -> type[Captured]:
    try:
        return KINDS[kind]
    except KeyError:
        raise ServiceError("bad-kind", kind=repr(kind), kinds=", ".join(KINDS)) from None
