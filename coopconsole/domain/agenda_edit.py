"""Changing the agenda during the meeting: reading a new item's line, and the list of
changes made (for the minutes).

A new item is typed on one line: ``Title 15 min @Owner``. The owner is everything after
the last `` @`` (or a leading ``@``); the time box is a number of minutes at the end of
what is left (``15`` (a bare number of at most three digits: ``Plan 2027`` keeps its
year), ``15 min``, ``15m``, ``1h``, ``1h30``, ``15分钟``); the rest is the
title. A line with no title, or a box outside 1 to :data:`MAX_BOX` minutes, is refused
with a stable code (the catalogue words it).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from coopconsole.domain.frozen import record
from coopconsole.domain.model import AGENDA_CHANGES, AgendaItem, EventKind, Participant, Session
from coopconsole.domain.timeline import AgendaState

#: The longest time box an item added live may have (a whole day would be a typo).
MAX_BOX = 240

_BOX = re.compile(
    r"(?:^|\s)(?:(?P<h>\d{1,2})\s*h\s*(?P<hm>\d{1,2})?\s*(?:m|min)?|"
    r"(?P<m>\d{1,4})\s*(?:minutes|minute|mins|min|m|分钟|分)|(?P<bare>\d{1,3}))\s*$",
    re.IGNORECASE,
)


class AgendaEditError(ValueError):
    """A line or a change that cannot be taken: ``code`` is the catalogue's ``error.`` key."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


@record
class ItemLine:
    """A new item as typed: title, time box and owner."""

    title: str
    minutes: int | None
    owner: str


def parse_item_line(text: str, participants: list[Participant] | tuple[Participant, ...] = ()) -> ItemLine:
    """Read ``Title 15 min @Owner``; an owner that begins exactly one participant's name
    (case aside) is given that participant's full name."""
    line = " ".join(text.split())
    owner = ""
    at = line.rfind(" @") + 1 if " @" in line else (0 if line.startswith("@") else -1)
    if at >= 0:
        line, owner = line[:at].strip(), line[at + 1 :].strip()
    minutes = None
    found = _BOX.search(line)
    if found and found.start() < len(line):
        if found.group("h") is not None:
            minutes = int(found.group("h")) * 60 + int(found.group("hm") or 0)
        else:
            minutes = int(found.group("m") or found.group("bare"))
        line = line[: found.start()].strip(" ,，")
    title = check_title(line)
    check_box(minutes)
    return ItemLine(title, minutes, _owner(owner, participants))


def check_title(text: str) -> str:
    title = " ".join(text.split())
    if not title:
        raise AgendaEditError("item-no-title")
    return title


def check_box(minutes: int | None) -> None:
    if minutes is not None and not 1 <= minutes <= MAX_BOX:
        raise AgendaEditError("item-bad-box", most=MAX_BOX)


def _owner(owner: str, participants: list[Participant] | tuple[Participant, ...]) -> str:
    if not owner:
        return ""
    folded = owner.casefold()
    matches = [p.name for p in participants if p.name.casefold().startswith(folded)]
    return matches[0] if len(matches) == 1 else owner


@record
class AgendaChange:
    """One change made to the agenda during the meeting, as the minutes tell it."""

    at: datetime
    kind: EventKind  # ADD, RENAME, MOVE, REMOVE
    item: int
    title: str  # the item's title when the change was made (before a renaming)
    new_title: str = ""  # RENAME: the title it was given
    minutes: int | None = None  # ADD: its box
    owner: str = ""  # ADD: its owner
    after: str | None = None  # ADD, MOVE: the title of the item it now follows ("" for the top)


def agenda_changes(session: Session) -> list[AgendaChange]:
    """Every change to the agenda, in the order made, with the titles as they were then.

    A change naming an item not on the agenda (never added, or already removed) is left
    out; the service writes no change the replay would otherwise ignore."""
    records: dict[int, AgendaItem] = {}
    for item in session.agenda:
        records.setdefault(item.id, item)
    titles = {item.id: item.title for item in session.agenda if item.added_at is None}
    out: list[AgendaChange] = []
    for event in sorted(session.events, key=lambda e: (e.at, e.id)):
        if event.kind not in AGENDA_CHANGES or event.item is None:
            continue
        iid, kind = event.item, event.kind
        after = None
        if event.after is not None:
            after = "" if event.after == 0 else titles.get(event.after)
        if kind is EventKind.ADD:
            added = records.get(iid)
            if added is None or iid in titles:
                continue
            titles[iid] = added.title
            out.append(
                AgendaChange(event.at, kind, iid, added.title, minutes=added.minutes, owner=added.owner, after=after)
            )
        elif iid not in titles:
            continue
        elif kind is EventKind.RENAME:
            if event.text:
                out.append(AgendaChange(event.at, kind, iid, titles[iid], new_title=event.text))
                titles[iid] = event.text
        elif kind is EventKind.REMOVE:
            out.append(AgendaChange(event.at, kind, iid, titles.pop(iid)))
        else:
            out.append(AgendaChange(event.at, kind, iid, titles[iid], after=after))
    return out


def as_changed(session: Session, state: AgendaState) -> Session:
    """``session`` with its agenda as changed so far (``state.plan``: the order, the new
    titles, the items added, without those removed), for whatever shows it; the session
    itself when nothing was changed. A shallow copy: only for reading."""
    if tuple(session.agenda) == state.plan:
        return session
    return replace(session, agenda=list(state.plan))
