"""Times that only make sense read against the items around them.

* **Elapsed times.** ``0:00``, ``0:15``, ``0:45`` at the start of the items (an hour of a
  single ``0``), or ``T+15``/``T+0:15``, count minutes from the meeting's start; so do
  the times after them that go on counting (``1:00``, ``1:30``: before 10:00, no am/pm). An item's
  box is the time to the next elapsed mark when it has none; its start is the meeting's
  start plus its mark when the meeting's start is known, else it has none (the plan then
  runs from the meeting's start, as boxes do).
* **A 12-hour clock without am/pm.** A start between 1:00 and 7:59 with no am/pm (or
  上午/下午) on its line that would run backwards, before the end of the item above, is in
  the afternoon: ``2:00-3:50`` after ``11:00-12:00``. Earlier in the morning nobody
  starts a meeting, and a start from 8:00 on that runs backwards is left as written (a
  new day, or a mistake that the plan checks report).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import time
from typing import Protocol


class Timed(Protocol):
    """What these readings need of a draft item."""

    start: time | None
    end: time | None
    minutes: int | None
    elapsed: int | None
    source: str


_MARKED = re.compile(r"(?i)\d\s*[ap]\.?\s?m\b|上午|下午|晚上|中午|早上")


def _clock(minutes: int) -> time | None:
    return time(minutes // 60, minutes % 60) if 0 <= minutes < 24 * 60 else None


def _of(t: time) -> int:
    return t.hour * 60 + t.minute


def settle_times(drafts: Sequence[Timed], meeting_start: time | None) -> None:
    """Read elapsed times and afternoon times of ``drafts`` in place (see the module notes)."""
    mark: int | None = None
    for d in drafts:  # after 0:45, "1:00" is an hour in, not one in the morning
        if d.elapsed is not None:
            mark = d.elapsed
        elif mark is not None and d.start is not None and _of(d.start) > mark and not _MARKED.search(d.source):
            if d.start.hour < 10:
                d.elapsed, d.start = _of(d.start), None
                if d.end is not None and d.minutes is None and _of(d.end) > d.elapsed:
                    d.minutes = _of(d.end) - d.elapsed
                d.end = None
                mark = d.elapsed
    marks = [(i, d.elapsed) for i, d in enumerate(drafts) if d.elapsed is not None]
    for (i, mark), (_j, nxt) in zip(marks, marks[1:], strict=False):
        if drafts[i].minutes is None and mark is not None and nxt is not None and nxt > mark:
            drafts[i].minutes = nxt - mark
    if meeting_start is not None:
        for i, mark in marks:
            if drafts[i].start is None and mark is not None:
                drafts[i].start = _clock(_of(meeting_start) + mark)
    last: int | None = None
    for d in drafts:
        if d.start is None:
            continue
        begin = _of(d.start)
        if last is not None and begin < last and 1 <= d.start.hour <= 7 and not _MARKED.search(d.source):
            d.start = _clock(begin + 12 * 60)
            if d.end is not None and d.end.hour < 12:
                d.end = _clock(_of(d.end) + 12 * 60)
            begin += 12 * 60
        end = _of(d.end) if d.end is not None and _of(d.end) > begin else begin + (d.minutes or 0)
        last = max(last or 0, end)
