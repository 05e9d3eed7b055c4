"""Intents that close a meeting and follow it up: each organisation's position on a
decision, the minutes sent, and the attendees' confirmations of them.

The same rules as every intent: under the lock, durable before returning, refused with
a :class:`ServiceError` (see :mod:`coopconsole.service.access`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from coopconsole.domain.model import Decision, Participant, Session, Stance
from coopconsole.domain.typed_text import clean_line
from coopconsole.files import write_atomic
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError


class Closing:
    """Positions on decisions, the minutes and their confirmations."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def record_positions(self, decision_id: int, positions: dict[str, Stance]) -> Decision:
        """Each organisation's position on a decision (agree / object / abstain).

        ``positions`` replaces the organisations it names and keeps the others; the
        organisations are those of the participants.
        """
        with self.access.locked():
            session = self.access.session
            decision = next((d for d in session.decisions if d.id == decision_id), None)
            if decision is None:
                raise ServiceError("no-decision", id=decision_id)
            orgs = {p.organisation for p in session.participants if p.organisation}
            unknown = sorted(set(positions) - orgs)
            if unknown:
                known = ", ".join(sorted(orgs)) or "—"
                raise ServiceError("no-organisation", unknown=", ".join(unknown), known=known)
            merged = {**dict(decision.agreement), **positions}
            agreement = tuple((org, merged[org]) for org in sorted(merged, key=_org_order(session)))
            return self.access.replace(replace(decision, agreement=agreement))

    def minutes(
        self, lang: str, next_meeting: str | None = None, at: datetime | None = None, limit: int | None = None
    ) -> str:
        """The minutes as of ``at`` (default now), checked with markdown-it-py before they
        are given out; ``next_meeting`` is shown in them (:meth:`record_minutes` keeps it).
        ``limit`` gives a preview (long tables and lists cut to that many rows)."""
        from coopconsole.minutes import build_minutes
        from coopconsole.minutes.check import problems

        session = self.access.session
        if next_meeting is not None:
            session = replace(session, next_meeting=clean_line(next_meeting))
        built = build_minutes(session, at or self.access.now(), lang, limit=limit)
        wrong = problems(built.text, built.headings)
        if wrong:  # a fault of ours, never of what people typed: refuse rather than send it
            raise ServiceError("minutes-broken", problems="; ".join(wrong))
        return built.text

    def minutes_path(self, lang: str) -> Path:
        """Where the console writes the minutes: next to the session file."""
        return self.access.handle.path.with_name(f"{self.access.handle.name}.minutes.{lang}.md")

    def write_minutes(self, lang: str, path: Path | None = None, next_meeting: str | None = None) -> Path:
        """Write the minutes to ``path`` (default :meth:`minutes_path`), whole or not at all,
        then record that they were sent. A file that cannot be written is refused
        (``minutes-file``) and records nothing; so is a session that cannot record it
        (``SessionReadOnly``), before the file is written."""
        self.access.handle.check_writable()
        now = self.access.now()
        text = self.minutes(lang, next_meeting, now)
        target = path or self.minutes_path(lang)
        try:
            write_atomic(target, text.encode("utf-8"))
        except OSError as exc:
            raise ServiceError("minutes-file", path=target, why=exc.strerror or exc) from None
        self.record_minutes(next_meeting, now)
        return target

    def record_minutes(self, next_meeting: str | None = None, at: datetime | None = None) -> Session:
        """The minutes were written (sent) at ``at`` (default now); ``next_meeting``, if
        given, is kept too.

        Returns the session header as saved. The 24-hour reply window of the minutes
        starts at this moment.
        """
        with self.access.locked():
            session = self.access.session
            changed = replace(session, minutes_at=at or self.access.now())
            if next_meeting is not None:
                changed.next_meeting = clean_line(next_meeting)
            self.access.update_meta(changed)
            return changed

    def confirm_minutes(self, participant: int, confirmed: bool = True) -> Participant:
        """Tick off (or untick) an attendee's confirmation of the minutes."""
        with self.access.locked():
            session = self.access.session
            person = session.participant(participant)
            if person is None:
                raise ServiceError("no-participant", number=participant)
            if session.minutes_at is None:
                raise ServiceError("minutes-not-written")
            return self.access.replace(replace(person, confirmed_at=self.access.now() if confirmed else None))


def _org_order(session: Session) -> Any:
    """Sort key: organisations in the order their first participant is listed."""
    order: dict[str, int] = {}
    for person in session.participants:
        order.setdefault(person.organisation, len(order))
    return lambda org: order.get(org, len(order))
