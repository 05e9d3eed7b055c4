"""Checks of an imported plan against itself: an item that starts before the one before
it ends, and a plan that runs past the end of the meeting's slot. Both are reported as
import problems; the times are kept as written."""

from __future__ import annotations

from collections.abc import Collection
from datetime import time

from coopconsole.agenda.drafts import Report
from coopconsole.domain.model import AgendaItem


def check_plan(
    items: list[AgendaItem],
    lines: list[int],
    start: time | None,
    end: time | None,
    report: Report,
    new_days: Collection[int] = (),
) -> None:
    """Report an item that starts before the one before it ends, and a plan that runs
    past the end of the meeting's slot (``Time: 10:00 - 11:30``); ``start`` and ``end``:
    the times the meeting's date/time line gives, ``lines`` each item's line,
    ``new_days`` the positions of the items that open a later day (no overlap with the
    day before)."""
    first = 0 if start else next((n for n, i in enumerate(items) if i.start), len(items))
    begins = start or (items[first].start if first < len(items) else None)
    if begins is None:
        return
    clock = begins.hour * 60 + begins.minute
    before: AgendaItem | None = None
    for n, (item, line) in enumerate(zip(items[first:], lines[first:], strict=True), start=first):
        if n in new_days:
            before = None
        if item.start is not None:
            at = item.start.hour * 60 + item.start.minute
            if before is not None and at < clock:
                report(
                    line,
                    "overlap",
                    title=item.title,
                    start=_hhmm(at),
                    before=before.title,
                    end=_hhmm(clock),
                    minutes=clock - at,
                )
            clock = at
        clock += item.minutes or 0
        before = item
    if end is not None:
        ends = end.hour * 60 + end.minute
        if ends > begins.hour * 60 + begins.minute and clock > ends:
            report(lines[-1], "overrun", end=_hhmm(clock), minutes=clock - ends, slot_end=_hhmm(ends))


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
