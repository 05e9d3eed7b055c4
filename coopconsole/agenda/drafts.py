"""A draft agenda item as the importer reads it, and the readings of one entry that
both the list reader and the section splitter need: whether a line is timed, whether a
line only gives a time box (``15 mins (Ashley Nelson)``), and whether a list entry is a
group of timed entries (see :mod:`coopconsole.agenda.items`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.durations import parse_box, slot_full
from coopconsole.agenda.item_line import parse_line
from coopconsole.agenda.markdown_lines import Line, own_lines
from coopconsole.agenda.person_names import looks_like_names
from coopconsole.agenda.results import Report

__all__ = ["STRUCK", "Draft", "MetaSink", "Report", "bare", "entry_minutes", "group_children", "is_timed"]

MetaSink = Callable[[Line], bool]


@dataclass
class Draft:
    line: int
    title: str
    start: time | None = None
    end: time | None = None
    minutes: int | None = None
    owner: str = ""
    sub_points: list[str] = field(default_factory=list)
    source: str = ""
    day: str = ""  # the day label this item is the first of, in an agenda over several days
    elapsed: int | None = None  # minutes from the meeting's start (0:15, T+15)


# An entry written wholly struck out (``~~Review prior meetings (5m)~~``) was taken off.
STRUCK = re.compile(r"~~(?!~).+~~")
_BOX_THEN_NAMES = re.compile(r"(?P<box>[^()（）]+?)\s*[(（](?P<names>[^()（）]+)[)）]")


def bare(draft: Draft, text: str) -> bool:
    """A line that is only a time box or only a clock time fills that field while it is empty.

    A time box followed by names in brackets (``15 mins (Ashley Nelson)``, the line under
    a topic in some standards bodies' agendas), or a box and names in one bracket
    (``(15m, Benjie)``, a wrapped line), also fills the owner while it is empty.
    """
    inner = re.sub(r"^[(（\[【]\s*(.*?)\s*[)）\]】]$", r"\1", text.strip())
    box = parse_box(inner)
    if box is None:
        m = _BOX_THEN_NAMES.fullmatch(inner)
        if m and looks_like_names(m.group("names")):
            box = parse_box(m.group("box"))
            if box is not None and draft.minutes is None:
                draft.owner = draft.owner or m.group("names").strip()
    if box is None and draft.minutes is None:  # "(15m, Benjie)" on the entry's wrapped line
        parsed = parse_line(text)
        if not parsed.title and parsed.minutes is not None and parsed.start is None:
            draft.minutes, draft.owner = parsed.minutes, draft.owner or parsed.owner
            return True
    if box is not None:
        if draft.minutes is not None:
            return False
        draft.minutes = box
        return True
    slot = slot_full(inner)
    if slot is not None and slot.start is not None and draft.start is None:
        draft.start, draft.end = slot.start, slot.end
        return True
    return False


def is_timed(text: str) -> bool:
    parsed = parse_line(text)
    return parsed.start is not None or parsed.minutes is not None or bool(parsed.bad)


def entry_minutes(li: SyntaxTreeNode) -> int | None:
    """A nested list entry's time box (0 for a group without one, or an entry with a
    start but no box), or None when it is neither a timed entry nor a group of them. A
    line that only gives a box, such as ``15 mins (Ashley Nelson)``, is a detail of its
    parent, not an entry."""
    children = group_children(li)
    if children is not None:
        return sum(entry_minutes(c) or 0 for c in children)
    lines = own_lines(li)[0]
    if not lines or not is_timed(lines[0].text) or bare(Draft(0, ""), lines[0].text):
        return None
    return parse_line(lines[0].text).minutes or 0


def group_children(li: SyntaxTreeNode) -> list[SyntaxTreeNode] | None:
    """The entries of a list entry that groups timed entries, or None.

    An entry is a group when it has no start time, every entry nested under it carries
    its own start or time box (or is such a group itself), and its own box, if any, is
    the sum of theirs: ``Talking points (12 min)`` over ``Retro (4 min)``, ``Project
    state (5 min)`` and ``Planning (3 min)``. The group's title is then dropped.
    """
    lines, nested = own_lines(li)
    children = [c for lst in nested for c in lst.children]
    if not lines or not children:
        return None
    parsed = parse_line(lines[0].text)
    if parsed.start is not None or STRUCK.fullmatch(lines[0].text.strip()):
        return None
    boxes = [entry_minutes(c) for c in children]
    if any(b is None for b in boxes):
        return None
    if parsed.minutes is not None and parsed.minutes != sum(b or 0 for b in boxes):
        return None
    return children
