"""Grid timetables: a table whose columns are days and whose rows are times.

``| | MON | TUE |`` then rows such as ``| 9.00 | Opening | Workshop |``: the first column
holds the times (its header is empty or a time word), and at least two other headers
name days (``MON``, ``Tuesday``, ``Day 2``, ``周一``, ``12月3日``). Each day column is
read top to bottom:

* a cell with text starts an item at its row's time;
* an empty cell, or one holding only a continuation mark (``⇊``, ``↓``, ``"``, ``〃``,
  ``ditto``, ``-"-``), continues the item above it in that column;
* the item runs to the time of the next row that starts another item in that column; the
  last one to the end of its row's range (``16.00-17.00``), else it has no box (and is
  reported as any item without one);
* a row without a time (a track label such as ``| | Plenary | Workshops |``) starts
  nothing and is reported.

A facilitator runs one session: the days are read in column order, each day's items in
time order, and the first item of each day notes the day (``Day: MON``), as in other
agendas over several days (see :mod:`coopconsole.agenda.block_walk`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from coopconsole.agenda.drafts import Draft, Report
from coopconsole.agenda.durations import Slot, slot_full
from coopconsole.agenda.item_columns import column_kind
from coopconsole.agenda.markdown_lines import Line
from coopconsole.agenda.plain_entries import is_day_label

_SHORT_DAYS = re.compile(r"(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$")
_CONTINUED = re.compile(r"""^(?:[⇊↓⬇︙⋮〃"'“”″]+|ditto|-"-|''|同上)$""", re.IGNORECASE)


def _day_header(text: str) -> bool:
    text = text.strip()
    return bool(text) and (bool(_SHORT_DAYS.match(text)) or is_day_label(text))


def is_grid(header: list[str]) -> bool:
    """Is this header row that of a grid timetable (see the module notes)?"""
    if len(header) < 3 or (header[0].strip() and column_kind(header[0]) != "time"):
        return False
    return sum(1 for h in header[1:] if _day_header(h)) >= 2


def read_grid(rows: list[tuple[int, list[str]]], draft_of: Callable[[Line], Draft], report: Report) -> list[Draft]:
    """The items of a grid timetable, day by day (``rows``: the header row first)."""
    header = rows[0][1]
    timed: list[tuple[int, list[str], Slot]] = []
    for no, cells in rows[1:]:
        slot = slot_full(cells[0].strip()) if cells and cells[0].strip() else None
        if slot is None or slot.start is None:
            if any(c.strip() for c in cells[1:]):
                label = " | ".join(c.strip() for c in cells if c.strip())
                report(no, "label_row", row=label)
            continue
        timed.append((no, cells, slot))
    drafts: list[Draft] = []
    for col in range(1, len(header)):
        day: list[Draft] = []
        for no, cells, slot in timed:
            cell = cells[col].strip() if col < len(cells) else ""
            if not cell or _CONTINUED.match(cell):
                if day:
                    day[-1].end = slot.end or day[-1].end
                continue
            if day and day[-1].minutes is None:
                day[-1].end = None
                day[-1].minutes = _minutes(day[-1], slot)
            draft = draft_of(Line(no, cell))
            draft.start = draft.start or slot.start
            draft.end = draft.end or slot.end
            day.append(draft)
        if day:
            day[0].day = header[col].strip()
        drafts.extend(day)
    return drafts


def _minutes(draft: Draft, nxt: Slot) -> int | None:
    if draft.start is None or nxt.start is None:
        return None
    diff = (nxt.start.hour * 60 + nxt.start.minute) - (draft.start.hour * 60 + draft.start.minute)
    return diff if diff > 0 else None
