"""Intents that close a meeting and follow it up: each organisation's position on a
decision, the minutes sent, and the attendees' confirmations of them.

Sending the minutes is an act of its own (:meth:`Closing.send_minutes`,
:meth:`Closing.record_minutes`), refused before the meeting has ended; building or
printing them records nothing. What was sent is kept as a digest of the session
(:func:`coopconsole.domain.followup.minutes_digest`), so that anything recorded after it
shows the sent minutes out of date.

The same rules as every intent: under the lock, durable before returning, refused with
a :class:`ServiceError` (see :mod:`coopconsole.service.access`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from coopconsole.domain.followup import minutes_digest, minutes_out_of_date, minutes_sent_at
from coopconsole.domain.frozen import record
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
        self,
        lang: str,
        next_meeting: str | None = None,
        at: datetime | None = None,
        limit: int | None = None,
        draft: bool | None = None,
    ) -> str:
        """The minutes as of ``at`` (default now), checked with markdown-it-py before they
        are given out; ``next_meeting`` is shown in them (sending them keeps it).
        ``limit`` gives a preview (long tables and lists cut to that many rows).

        ``draft`` None: marked as a draft unless they are the minutes sent, unchanged
        since; True: a draft whatever they are; False: the minutes as sent ``at``."""
        return self.build(lang, next_meeting, at or self.access.now(), limit, draft)[0]

    def build(
        self, lang: str, next_meeting: str | None, at: datetime, limit: int | None = None, draft: bool | None = None
    ) -> tuple[str, str]:
        """The minutes as :meth:`minutes` gives them, and the digest of the session they
        were built from (what :meth:`record_minutes` keeps when they are sent)."""
        from coopconsole.minutes import build_minutes
        from coopconsole.minutes.check import problems
        from coopconsole.minutes.draft import CHANGED, RUNNING, UNSENT, as_draft

        session = self.access.session
        if next_meeting is not None:
            session = replace(session, next_meeting=clean_line(next_meeting))
        state = self.access.state_of(session, at)
        sent = minutes_sent_at(session, state)
        copy = sent is not None and next_meeting is None and not minutes_out_of_date(session, state)
        if draft is None:
            draft = not copy
        built = build_minutes(session, at, lang, sent_at=sent if copy and not draft else at, limit=limit)
        if draft:
            why = RUNNING if state.ended_at is None else CHANGED if sent is not None else UNSENT
            built = as_draft(built, lang, at, why, sent)
        wrong = problems(built.text, built.headings)
        if wrong:  # a fault of ours, never of what people typed: refuse rather than send it
            raise ServiceError("minutes-broken", problems="; ".join(wrong))
        return built.text, minutes_digest(session)

    def preview(self, lang: str, limit: int | None = None) -> str:
        """The minutes as the console's "write the minutes" would write them now: a draft
        before the meeting has ended, the minutes to send after."""
        return self.minutes(lang, limit=limit, draft=self.access.state().ended_at is None)

    def minutes_path(self, lang: str) -> Path:
        """Where the console writes the minutes: next to the session file."""
        return self.access.handle.path.with_name(f"{self.access.handle.name}.minutes.{lang}.md")

    def check_sendable(self) -> None:
        """Refuse a session that cannot record the sending (``SessionReadOnly``), and
        minutes sent before the meeting has ended (``minutes-not-ended``)."""
        self.access.handle.check_writable()
        if self.access.state().ended_at is None:
            raise ServiceError("minutes-not-ended")

    def send_minutes(self, lang: str, path: Path | None = None, next_meeting: str | None = None) -> Path:
        """Write the minutes to ``path`` (default :meth:`minutes_path`), whole or not at all,
        then record that they were sent. Refused before the meeting has ended
        (``minutes-not-ended``) and when the session cannot record it
        (``SessionReadOnly``), before anything is written; a file that cannot be written
        is refused (``minutes-file``) and records nothing."""
        self.check_sendable()
        now = self.access.now()
        text, digest = self.build(lang, next_meeting, now, draft=False)
        target = path or self.minutes_path(lang)
        self._write(target, text)
        self.record_minutes(next_meeting, now, digest)
        return target

    def write_minutes(self, lang: str, path: Path | None = None) -> SavedMinutes:
        """The console's "write the minutes": sent (:meth:`send_minutes`) once the meeting
        has ended; before that, written as a draft that records nothing."""
        if self.access.state().ended_at is not None:
            return SavedMinutes(self.send_minutes(lang, path), sent=True)
        target = path or self.minutes_path(lang)
        self._write(target, self.minutes(lang, draft=True))
        return SavedMinutes(target, sent=False)

    @staticmethod
    def _write(target: Path, text: str) -> None:
        try:
            write_atomic(target, text.encode("utf-8"))
        except OSError as exc:
            raise ServiceError("minutes-file", path=target, why=exc.strerror or exc) from None

    def record_minutes(
        self, next_meeting: str | None = None, at: datetime | None = None, digest: str | None = None
    ) -> Session:
        """The minutes were sent at ``at`` (default now), built from the session whose
        :func:`~coopconsole.domain.followup.minutes_digest` is ``digest`` (default: the
        session as it is now, with ``next_meeting``); ``next_meeting``, if given, is kept.

        Refused before the meeting has ended (``minutes-not-ended``). Returns the session
        header as saved. The 24-hour reply window of the minutes starts at this moment;
        anything recorded afterwards makes them out of date."""
        with self.access.locked():
            session = self.access.session
            when = at or self.access.now()
            if self.access.state_of(session, when).ended_at is None:
                raise ServiceError("minutes-not-ended")
            changed = replace(session, minutes_at=when)
            if next_meeting is not None:
                changed.next_meeting = clean_line(next_meeting)
            changed.minutes_digest = digest if digest is not None else minutes_digest(changed)
            self.access.update_meta(changed)
            return changed

    def confirm_minutes(self, participant: int, confirmed: bool = True) -> Participant:
        """Tick off (or untick) an attendee's confirmation of the minutes: only once they
        were sent (``minutes-not-written``)."""
        with self.access.locked():
            session = self.access.session
            person = session.participant(participant)
            if person is None:
                raise ServiceError("no-participant", number=participant)
            now = self.access.now()
            if minutes_sent_at(session, self.access.state_of(session, now)) is None:
                raise ServiceError("minutes-not-written")
            return self.access.replace(replace(person, confirmed_at=now if confirmed else None))


@record
class SavedMinutes:
    """Minutes written to a file: sent, or (before the meeting ended) a draft."""

    path: Path
    sent: bool


def _org_order(session: Session) -> Any:
    """Sort key: organisations in the order their first participant is listed."""
    order: dict[str, int] = {}
    for person in session.participants:
        order.setdefault(person.organisation, len(order))
    return lambda org: order.get(org, len(order))
