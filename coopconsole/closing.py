"""Intents that close a meeting and follow it up: each organisation's position on a
decision, the minutes sent, and the attendees' confirmations of them.

A part of :class:`coopconsole.service.MeetingService` (the same rules: under the lock,
durable before returning, refused with a :class:`ServiceError`), kept apart to keep
each module small.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .domain.model import Decision, Participant, Session, Stance
from .domain.text import clean_line
from .refusals import ServiceError


class ClosingIntents:
    """Mixed into ``MeetingService``, which provides ``handle``, ``session``, ``now`` and
    ``_replace``."""

    def record_positions(self, decision_id: int, positions: dict[str, Stance]) -> Decision:
        """Each organisation's position on a decision (agree / object / abstain).

        ``positions`` replaces the organisations it names and keeps the others; the
        organisations are those of the participants.
        """
        with self.handle.locked():
            session = self.session
            decision = next((d for d in session.decisions if d.id == decision_id), None)
            if decision is None:
                raise ServiceError("missing", f"There is no decision number {decision_id}.")
            orgs = {p.organisation for p in session.participants if p.organisation}
            unknown = sorted(set(positions) - orgs)
            if unknown:
                raise ServiceError("no-organisation", f"{', '.join(unknown)}: not an organisation of this "
                                   f"meeting ({', '.join(sorted(orgs)) or 'none'}).")
            merged = {**dict(decision.agreement), **positions}
            agreement = tuple((org, merged[org]) for org in sorted(merged, key=_org_order(session)))
            return self._replace(replace(decision, agreement=agreement))

    def record_minutes(self, next_meeting: str | None = None) -> Session:
        """The minutes were written (sent) now; ``next_meeting``, if given, is kept too.

        Returns the session header as saved. The 24-hour reply window of the minutes
        starts at this moment.
        """
        with self.handle.locked():
            session = self.session
            changed = replace(session, minutes_at=self.now())
            if next_meeting is not None:
                changed.next_meeting = clean_line(next_meeting)
            self.handle.update_meta(changed)
            session.minutes_at, session.next_meeting = changed.minutes_at, changed.next_meeting
            self._revision = self.handle.revision
            return changed

    def confirm_minutes(self, participant: int, confirmed: bool = True) -> Participant:
        """Tick off (or untick) an attendee's confirmation of the minutes."""
        with self.handle.locked():
            session = self.session
            person = session.participant(participant)
            if person is None:
                raise ServiceError("no-participant", f"There is no participant number {participant}.")
            if session.minutes_at is None:
                raise ServiceError("minutes-not-written", "The minutes have not been written yet; "
                                   "confirmations are replies to them.")
            return self._replace(replace(person, confirmed_at=self.now() if confirmed else None))


def _org_order(session: Session) -> Any:
    """Sort key: organisations in the order their first participant is listed."""
    order: dict[str, int] = {}
    for person in session.participants:
        order.setdefault(person.organisation, len(order))
    return lambda org: order.get(org, len(order))
