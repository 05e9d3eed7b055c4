"""The plan as read from an agenda, reviewed before the meeting starts.

A session made from an agenda that is about to be opened in the console carries a
:class:`PlanReview` (``Session.review``) until the facilitator accepts the plan: the
agenda's text line by line, the line each item was read from, the lines the importer
reported (a line it did not use, or an item's line read with a problem), and the items
dropped so far. While it is
there the console opens on the review screen; accepting removes the dropped items and
the review (see ``coopconsole.service.plan_review``).

Before the meeting starts a fix changes the plan itself, not the clock's events: the
item records are rewritten. A time box changed, an item dropped or restored moves the
written starts of the items after it by as many minutes (the time the plan gains or
loses), so the planned starts and the planned end follow, and a gap written in the
agenda (a lunch at 12:00 after a morning that ends at 11:45) stays a gap.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from coopconsole.domain.frozen import record
from coopconsole.domain.model import AgendaItem, Session
from coopconsole.domain.timeline import planned_starts

#: The longest time box a reviewed item may have: a whole day, as the importer takes it.
MAX_PLAN_BOX = 24 * 60


@record
class PlanReview:
    """What the review screen shows beside the plan, and what it changed so far."""

    lines: tuple[str, ...] = ()  # the agenda's text, one entry per line (cleaned)
    item_lines: tuple[tuple[int, int], ...] = ()  # (agenda item id, its 1-based line)
    reported: tuple[tuple[int, str], ...] = ()  # (1-based line, what the importer said of it)
    #: The same in Chinese (empty in files written before the importer spoke Chinese).
    reported_zh: tuple[tuple[int, str], ...] = ()
    dropped: tuple[int, ...] = ()  # agenda item ids left out of the plan, until accepted

    def line_of(self, item: int) -> int | None:
        """The line item ``item`` was read from (None: not read from the agenda)."""
        return next((line for iid, line in self.item_lines if iid == item), None)

    def renumbered(self, by: int) -> PlanReview:
        """The review of the same agenda once every item's number has moved on ``by``
        (a review of the previous actions put first, see ``coopconsole.domain.series``)."""
        return replace(
            self,
            item_lines=tuple((item + by, line) for item, line in self.item_lines),
            dropped=tuple(item + by for item in self.dropped),
        )

    def said_of(self, line: int, lang: str = "en") -> str | None:
        """What the importer said of line ``line``, in ``lang`` where it was kept in it
        (else in English); None: nothing."""
        reported = self.reported_zh if lang == "zh" and self.reported_zh else self.reported
        said = [message for no, message in reported if no == line]
        return " ".join(said) if said else None

    def unused(self) -> set[int]:
        """The lines the importer reported and read no item from: the lines it did not use."""
        items = {line for _item, line in self.item_lines}
        return {line for line, _message in self.reported if line not in items}

    def troubled(self) -> set[int]:
        """The lines items were read from that the importer reported a problem with."""
        items = {line for _item, line in self.item_lines}
        return {line for line, _message in self.reported if line in items}


@record
class PlannedRow:
    """One item of the plan under review: the item, its planned start, whether it is dropped."""

    item: AgendaItem
    start: datetime | None
    dropped: bool


def kept_plan(session: Session) -> Session:
    """``session`` with only the items not dropped (its other lists shared, not copied)."""
    dropped = set(session.review.dropped) if session.review is not None else set()
    return replace(session, agenda=[i for i in session.agenda if i.id not in dropped])


def plan_rows(session: Session) -> tuple[list[PlannedRow], datetime | None]:
    """Each item with its planned start as the plan now stands (a dropped one: where it
    would start if restored), and the planned end; times on the meeting's day, else
    (to show them) on any day."""
    dropped = set(session.review.dropped) if session.review is not None else set()
    day = replace(session, date=session.date or date(2000, 1, 3))
    kept = kept_plan(day)
    kept_starts = dict(zip((i.id for i in kept.agenda), planned_starts(kept, None), strict=True))
    all_starts = planned_starts(day, None)
    rows = [
        PlannedRow(item, all_starts[n] if item.id in dropped else kept_starts[item.id], item.id in dropped)
        for n, item in enumerate(session.agenda)
    ]
    end = None
    if kept.agenda and kept.agenda[-1].minutes is not None:
        last = kept_starts[kept.agenda[-1].id]
        end = last + timedelta(minutes=kept.agenda[-1].minutes) if last is not None else None
    return rows, end


def shifted_after(agenda: list[AgendaItem], item: int, minutes: int) -> list[AgendaItem]:
    """The items after item ``item`` whose written start moves ``minutes`` (only those
    that have one, and only those that change)."""
    index = next(n for n, i in enumerate(agenda) if i.id == item)
    if not minutes:
        return []
    return [replace(i, start=_moved(i.start, minutes)) for i in agenda[index + 1 :] if i.start is not None]


def _moved(at: time, minutes: int) -> time:
    moved = datetime.combine(date(2000, 1, 3), at.replace(tzinfo=None)) + timedelta(minutes=minutes)
    return moved.time().replace(tzinfo=at.tzinfo)
