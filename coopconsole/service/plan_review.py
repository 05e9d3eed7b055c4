"""Fixing the plan read from an agenda before the meeting starts: the review's intents.

While a session carries its plan under review (``Session.review``, see
:mod:`coopconsole.domain.plan_review`) and its clock has not started, the facilitator may
drop an item or restore it, give an item a new title, time box or owner, and accept the
plan. Each fix is one write of the session file (the header and every record it
changes together, :meth:`~coopconsole.service.access.SessionAccess.amend`), made before
the intent returns: a kill at any instant loses no fix that was acknowledged.

Before the meeting a fix changes the plan itself, not the clock's events: the minutes
list the changes made *during* the meeting, and a plan put right beforehand is simply
the plan. A dropped item stays in the file, marked in the review, until the plan is
accepted; accepting removes the dropped items and the review in one write.

An owner is a participant: a new owner who names someone not yet in the meeting adds
them, as the importer does (:func:`coopconsole.agenda.in_charge.with_people_in_charge`).
Nobody is removed when an item changes hands: someone named in the agenda may still
come, and the facilitator can mark them absent.
"""

from __future__ import annotations

from dataclasses import replace

from coopconsole.domain.agenda_edit import AgendaEditError, check_title
from coopconsole.domain.model import AgendaItem, Session
from coopconsole.domain.plan_review import MAX_PLAN_BOX, PlanReview, shifted_after
from coopconsole.domain.typed_text import clean_line
from coopconsole.service.access import SessionAccess
from coopconsole.service.refusals import ServiceError


class PlanFixes:
    """The plan read from an agenda, put right before the meeting and accepted."""

    def __init__(self, access: SessionAccess) -> None:
        self.access = access

    def pending(self) -> bool:
        """Whether the plan awaits review: read from an agenda, not accepted, not started."""
        session = self.access.session
        return session.review is not None and not session.events

    def _open(self) -> tuple[Session, PlanReview]:
        """The session and its review; refused once accepted or once the meeting started
        (the caller holds the lock)."""
        session = self.access.session
        if session.review is None:
            raise ServiceError("plan-accepted")
        if session.events:
            raise ServiceError("plan-started")
        return session, session.review

    @staticmethod
    def _item(session: Session, item: int) -> AgendaItem:
        found = session.item(item)
        if found is None:
            raise ServiceError("no-item", item=item)
        return found

    def drop(self, item: int) -> AgendaItem:
        """Leave item ``item`` out of the plan (it can be restored until the plan is
        accepted); the items after it start earlier by its time box."""
        access = self.access
        with access.locked():
            session, review = self._open()
            found = self._item(session, item)
            if item in review.dropped:
                return found
            if len(session.agenda) - len(review.dropped) <= 1:
                raise ServiceError("plan-keep-one")
            changed = replace(session, review=replace(review, dropped=(*review.dropped, item)))
            access.amend(changed, shifted_after(session.agenda, item, -(found.minutes or 0)), [])
            return found

    def restore(self, item: int) -> AgendaItem:
        """Put a dropped item ``item`` back in the plan; the items after it move on by its box."""
        access = self.access
        with access.locked():
            session, review = self._open()
            found = self._item(session, item)
            if item not in review.dropped:
                return found
            changed = replace(session, review=replace(review, dropped=tuple(i for i in review.dropped if i != item)))
            access.amend(changed, shifted_after(session.agenda, item, found.minutes or 0), [])
            return found

    def drop_or_restore(self, item: int) -> tuple[AgendaItem, bool]:
        """Drop item ``item``, or restore it if it is dropped (decided under the lock, so
        two presses in a row always drop and restore); the item and whether it is dropped now."""
        with self.access.locked():
            _session, review = self._open()
            if item in review.dropped:
                return self.restore(item), False
            return self.drop(item), True

    def retitle(self, item: int, title: str) -> AgendaItem:
        """Give item ``item`` a new title."""
        access = self.access
        with access.locked():
            session, _review = self._open()
            found = self._item(session, item)
            try:
                new = check_title(access.text(title, "item-no-title"))
            except AgendaEditError as exc:
                raise ServiceError(exc.code, None, **exc.values) from None
            fixed = replace(found, title=new)
            access.amend(session, [fixed], [])
            return fixed

    def rebox(self, item: int, minutes: int) -> AgendaItem:
        """Give item ``item`` a time box of ``minutes``; the items after it move by the difference."""
        access = self.access
        with access.locked():
            session, review = self._open()
            found = self._item(session, item)
            if not 1 <= minutes <= MAX_PLAN_BOX:
                raise ServiceError("item-bad-box", most=MAX_PLAN_BOX)
            fixed = replace(found, minutes=minutes)
            gained = minutes - (found.minutes or 0)
            moved = [] if item in review.dropped else shifted_after(session.agenda, item, gained)
            access.amend(session, [fixed, *moved], [])
            return fixed

    def reown(self, item: int, owner: str) -> AgendaItem:
        """Give item ``item`` the owner ``owner`` (empty: nobody); someone it names who is
        not a participant yet becomes one."""
        from coopconsole.agenda.in_charge import with_people_in_charge  # the importer's rule, only when used

        access = self.access
        with access.locked():
            session, _review = self._open()
            found = self._item(session, item)
            new = access.text(owner) if owner.strip() else ""
            new = clean_line(" ".join(new.split()))
            people = with_people_in_charge(session.participants, "", "", [new])
            known = {p.id for p in session.participants}
            fixed = replace(found, owner=new)
            access.amend(session, [fixed], [], [p for p in people if p.id not in known])
            return fixed

    def accept(self) -> None:
        """Accept the plan as it stands: the dropped items leave the agenda and the review
        ends, in one write; the console then opens on the meeting."""
        access = self.access
        with access.locked():
            session, review = self._open()
            removed: list = [i for i in session.agenda if i.id in review.dropped]
            access.amend(replace(session, review=None), [], removed)
