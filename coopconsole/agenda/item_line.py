"""Reading one agenda line: start time, time box, owner and what is left as the title.

The order of reading, and the decisions behind it:

1. A task-list box (``[ ]``/``[x]``) and an enumeration marker that Markdown does not
   treat as a list (``一、``, ``（二）``, ``3、``, ``④``) are dropped.
2. A clock time or range at the start of the line (optionally bracketed) is the start
   (and, for a range, the end); a time zone after it and the same time in other zones in
   brackets (``14:00 UTC (10:00 EDT)``) are passed over. An elapsed time (``T+15``, or
   ``0:15``: an hour of a single ``0``) is not a clock time but minutes from the meeting's
   start (see :mod:`~coopconsole.agenda.clock_order`). A range at the very *end* of the
   line is read the same way when there is none at the start; a single clock time
   elsewhere is left in the title.
3. Each bracketed group ``(...)``, ``（...）``, ``[...]``, ``【...】`` is read on its own:
   a time box, a time range, ``Owner:``/``负责人：``/``主讲：``-style owner or a
   combination separated by commas (``(15 min, Dana Okafor)``) is taken out of the title.
   A plain name in *square* brackets (``[Dana Okafor]``) is the owner. Round brackets
   usually hold a remark, so their content is the owner only when it passes the careful
   test of :func:`~coopconsole.agenda.person_names.names_in_round_brackets`: listed
   participants (``Updates (Bob Jones)``, ``讨论（李四）``) or full names; ``(optional)``,
   ``(Q&A)`` and ``(Room B)`` stay in the title. A group that names the one in charge
   other than by names (``(Chair)``, ``(Finance)``, ``(Chamber of Commerce and
   Industry)``, ``（全体）``, ``(@dbaron)``; a single capitalised word at the end of the
   line, ``Welcome (Ann)``) is the owner, whole (see
   :mod:`~coopconsole.agenda.owner_words`). A box followed by a remark in one piece
   (``(15m on the last day)``, ``(3 mins per person if required)``) gives the box; the
   remark stays in the title in brackets.
4. The rest is cut at dashes surrounded by spaces (`` - ``, `` -- ``, `` – ``, `` — ``),
   at ``—``/``——`` (written without spaces in Chinese) and at `` | ``. Trailing pieces
   that are a time box, a time or an owner are taken; the first trailing piece that is
   none of these stops the reading, and everything before it stays in the title. A
   piece counts as an owner when it looks like names (the loose test of
   :func:`~coopconsole.agenda.person_names.looks_like_names`: ``Dana Okafor``, ``J. Smith &
   Bruno Silva``, ``周宁``, ``王磊、刘洋``) or names someone other than by names
   (``- @dbaron, @kenchris``, ``Triage - jdoe``, ``——全体``). So ``Opening — welcome
   words`` keeps its whole title, while ``Opening — Dana`` has the owner Dana. When all
   that comes before the last piece is a box or a time written out (``5 min - Welcome``),
   the piece is the title, never an owner. Leading pieces that are a box or a time are
   taken too (``20 min - Cache partitioning``).
5. Without a box so far, a box at the end of the title after a space or comma is taken
   (``Opening, 15 min``); an ``Owner: X`` at the end of the title is taken likewise; and
   a box after a colon or comma followed by a comma and names ends the line as box and
   owner (``Funding bid update: 10 minutes, Dev``).
6. Logins ending the line after a space (``Intro @dbaron``) are the owner, except on a
   line that names an issue (``#812 Retry storm @jdoe``): there the login opened the
   issue and stays in the title.
7. The title is trimmed of spaces and dangling punctuation. Owners are kept as written;
   the importer turns placeholders such as ``TBD`` or ``待定`` into no owner.

Breaks: a title made only of break words (``break``, ``tea``, ``coffee``, ``lunch``,
``short``, ``comfort``, ``networking``, ``refreshments``...) with at least one of
break/tea/coffee/lunch, or a short Chinese title (at most 8 characters) containing
``茶歇``, ``休息``, ``午餐``, ``午休``, ``午饭`` or ``用餐``, is a break. ``Break-out
groups`` or ``Coffee with the CEO`` are topics.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import time

from coopconsole.agenda.durations import (
    BOX_RE,
    ZONE,
    Slot,
    box_at_end,
    box_minutes,
    parse_box,
    range_at_end,
    slot_at_start,
    slot_full,
)
from coopconsole.agenda.markdown_lines import cjk_count, strip_enum, trim
from coopconsole.agenda.owner_words import is_issue_line, one_word_owner, owner_words
from coopconsole.agenda.person_names import is_placeholder, looks_like_names, names_in_round_brackets

OWNER_KEYS = {
    "owner",
    "owners",
    "presenter",
    "presenters",
    "lead",
    "leads",
    "led by",
    "speaker",
    "speakers",
    "responsible",
    "facilitator",
    "host",
    "by",
    "负责人",
    "负责",
    "主讲",
    "主讲人",
    "发言人",
    "发言",
    "主持",
    "主持人",
    "汇报人",
    "报告人",
    "汇报单位",
    "报告单位",
    "发言单位",
    "责任单位",
    "负责单位",
    "牵头单位",
}
BOX_KEYS = {"duration", "timebox", "time box", "length", "时长", "时间盒", "用时", "时间长度"}
TIME_KEYS = {"time", "start", "start time", "slot", "when", "时间", "开始", "开始时间", "时段"}
_OWNER_KEY_RE = re.compile(
    r"(?i)(?:^|(?<=[\s,，;；(（\[【]))("
    + "|".join(sorted(map(re.escape, OWNER_KEYS), key=len, reverse=True))
    + r")\s*[:：]\s*(.+?)\s*$"
)
# A box then a remark about it, in one bracket piece: "15m on the last day".
_BOX_REMARK = re.compile(
    r"(?i)(\S+(?:\s*(?:min|mins|minutes|m|h|hr|hrs|hours?))?)\s+((?:on|per|each|for|if|max|at\s+most|tops|incl|including|每人|每位)\b.*)"
)
# A time zone after a clock time, and the same time in other zones in brackets:
# "14:00 UTC (10:00 EDT)".
_ZONE_RE = re.compile(rf"^\s*(?:{ZONE})(?:\s*[(（][^()（）]*\d[^()（）]*[)）])?")
# Logins ending a line after a space: "Intro @dbaron", "Sync @ann @bob".
_TRAILING_HANDLES = re.compile(r"\s((?:@[A-Za-z0-9][\w.-]*[\s,，、&]*)+)$")
# "T+15", "T+0:15", "[T+15]": an elapsed time at the start of a line.
_ELAPSED = re.compile(r"(?i)^\s*[\[(]?\s*T\s*\+\s*(?:(?P<h>\d{1,2})\s*:\s*)?(?P<m>\d{1,3})\s*(?:min|m)?\s*[\])]?")
_BRACKET_RE = re.compile(r"[(（]([^()（）\[\]【】]*)[)）]|\[([^\[\]]*)\]|【([^【】]*)】")
_DASH_SPLIT = re.compile(r"(\s+(?:-{1,2}|–|—|\|)\s+|\s*——\s*|(?<=[\u4e00-\u9fff）)])\s*—\s*(?=\S))")
_BREAK_WORDS = {
    "break",
    "breaks",
    "tea",
    "coffee",
    "lunch",
    "short",
    "comfort",
    "networking",
    "and",
    "refreshments",
    "buffet",
    "pause",
    "rest",
    "the",
    "a",
    "snacks",
    "&",
}
_BREAK_CORE = {"break", "breaks", "tea", "coffee", "lunch"}
_ZH_BREAK = ("茶歇", "休息", "午餐", "午休", "午饭", "用餐")


@dataclass
class Parsed:
    title: str = ""
    start: time | None = None
    end: time | None = None
    minutes: int | None = None
    owner: str = ""
    bad: list[str] = field(default_factory=list)  # pieces that looked like times but are not
    issue_line: bool = False  # the line names an issue (#812): an @name there opened it
    elapsed: int | None = None  # minutes from the meeting's start: 0:15, T+15


def owner_from_key(text: str) -> str | None:
    m = re.fullmatch(r"\s*([^:：]{1,12}?)\s*[:：]\s*(.+?)\s*", text)
    if m and m.group(1).strip().lower() in OWNER_KEYS:
        return m.group(2)
    return None


def _bracket(whole: str, content: str, square: bool, out: Parsed, known: Collection[str], last: bool) -> str:
    """Take the fields out of one bracket group; return what stays in the title. ``last``:
    the group ends the line."""
    content = content.strip()
    if not content:
        return whole
    if square and is_placeholder(content):
        return " "  # "[TBD]", "[N/A]": the owner slot, not filled yet
    if owner_words(content, issue_line=out.issue_line) or (last and not square and one_word_owner(content)):
        if out.owner:
            return whole
        out.owner = content  # "(Finance)", "(Chamber of Commerce and Industry)", "(Chair)": whole
        return " "
    pieces = [p for p in re.split(r"\s*[,，;；/|]\s*", content) if p]
    found: dict[str, object] = {}
    leftovers = []
    for piece in pieces:
        box = parse_box(piece)
        remark = _BOX_REMARK.fullmatch(piece) if box is None and "box" not in found else None
        if remark is not None and parse_box(remark.group(1)) is not None:
            found["box"] = parse_box(remark.group(1))  # "15m on the last day", "3 mins per person"
            leftovers.append(remark.group(2))
            continue
        slot = slot_full(piece)
        owner = owner_from_key(piece)
        if box is not None and "box" not in found:
            found["box"] = box
        elif slot is not None and "slot" not in found:
            found["slot"] = slot
        elif owner is not None and "owner" not in found:
            found["owner"] = owner
        else:
            leftovers.append(piece)
    if leftovers and "owner" not in found:
        rest = ", ".join(leftovers)
        if ((found or square) and looks_like_names(rest)) or (
            not square and whole[0] in "(（" and names_in_round_brackets(rest, known)
        ):
            found["owner"] = rest
            leftovers = []
    if not found:
        return whole
    if "box" in found and out.minutes is None:
        out.minutes = found["box"]  # type: ignore[assignment]
    if "slot" in found:
        _take_slot(found["slot"], out)  # type: ignore[arg-type]
    if "owner" in found and not out.owner:
        out.owner = str(found["owner"]).strip()
    if not leftovers:
        return " "
    return " " + whole[0] + ", ".join(leftovers) + whole[-1]


def _take_slot(slot: Slot, out: Parsed) -> None:
    if slot.start is None:
        out.bad.append(slot.text.strip())
    elif out.start is None:
        out.start, out.end = slot.start, slot.end


def _piece(piece: str, out: Parsed) -> bool:
    """Take a dash-separated trailing piece as a field; False if it is part of the title."""
    piece = piece.strip()
    box = parse_box(piece)
    if box is not None and out.minutes is None:
        out.minutes = box
        return True
    slot = slot_full(piece)
    if slot is not None and out.start is None:
        _take_slot(slot, out)
        return True
    owner = owner_from_key(piece)
    if owner is None and (looks_like_names(piece) or owner_words(piece, issue_line=out.issue_line, alone=True)):
        owner = piece
    if owner is not None and not out.owner:
        out.owner = owner.strip()
        return True
    return False


def _box_then_owner(text: str, out: Parsed) -> str:
    """``Funding bid update: 10 minutes, Dev``: a box after a colon or comma, then a comma
    and names, ends the line; both are taken and the title is what comes before."""
    for m in BOX_RE.finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        tail = re.fullmatch(r"\s*[,，;；]\s*(.+?)\s*[.。]?", after)
        if tail is None or not before.strip() or before.rstrip()[-1] not in ",，:：;；":
            continue
        if looks_like_names(tail.group(1)) and not is_placeholder(tail.group(1)):
            out.minutes, out.owner = box_minutes(m), tail.group(1).strip()
            return before.rstrip(" \t,，:：;；")
    return text


def parse_line(text: str, known: Collection[str] = ()) -> Parsed:
    """Read an agenda line (see the module notes); ``known`` are the participants' names."""
    out = Parsed(issue_line=is_issue_line(text))
    text = re.sub(r"^\s*\[[ xX]\]\s+", "", text)
    text = strip_enum(text)
    elapsed = _ELAPSED.match(text)
    slot = None if elapsed else slot_at_start(text)
    if elapsed is not None:
        out.elapsed = int(elapsed.group("h") or 0) * 60 + int(elapsed.group("m"))
        text = text[elapsed.end() :]
    elif slot is not None and re.match(r"\s*[\[(（【]?\s*0\s*[:：]\d\d", slot.text) and slot.start is not None:
        out.elapsed = _minutes_of(slot.start)  # 0:15: minutes from the start, not a quarter past midnight
        if slot.end is not None and _minutes_of(slot.end) > out.elapsed:
            out.minutes = _minutes_of(slot.end) - out.elapsed
        text = text[slot.span[1] :]
    elif slot is not None:
        _take_slot(slot, out)
        text = text[slot.span[1] :]
        text = _ZONE_RE.sub("", text, count=1)
    text = text.strip(" \t-–—:：|.、,，")
    end = len(text.rstrip(" \t.。"))

    def replace(m: re.Match[str]) -> str:
        content = next((g for g in m.groups() if g is not None), "")
        return _bracket(m.group(0), content, m.group(2) is not None, out, known, m.end() >= end)

    text = _BRACKET_RE.sub(replace, text)
    parts = _DASH_SPLIT.split(text)
    pieces, seps = parts[0::2], parts[1::2]
    # "5 min - Welcome" is a box and a title, not a box and an owner: a box (or time)
    # written first and cut off by a dash leaves the rest to be the title.
    while len(pieces) > 1 and not _box_first(pieces[:-1]) and _piece(pieces[-1], out):
        pieces.pop()
        seps.pop()
    while len(pieces) > 1 and not pieces[0].strip():
        pieces.pop(0)
        seps.pop(0)
    while len(pieces) > 1 and (parse_box(pieces[0]) is not None or slot_full(pieces[0])) and _piece(pieces[0], out):
        pieces.pop(0)
        seps.pop(0)
    text = pieces[0] + "".join(s + p for s, p in zip(seps, pieces[1:], strict=False))
    if out.start is None:
        tail = range_at_end(text)
        if tail is not None:
            _take_slot(tail, out)
            text = text[: tail.span[0]]
    if out.minutes is None:
        found = box_at_end(text)
        if found is not None:
            out.minutes, cut = found
            text = text[:cut]
    if out.minutes is None and not out.owner:
        text = _box_then_owner(text, out)
    if not out.owner:
        m = _OWNER_KEY_RE.search(text)
        if m:
            out.owner = m.group(2).strip()
            text = text[: m.start()]
    handles = _TRAILING_HANDLES.search(text)
    if handles and not out.owner and not out.issue_line and text[: handles.start()].strip():
        out.owner = handles.group(1).strip(" ,，、&")
        text = text[: handles.start()]
    out.title = trim(re.sub(r"\s{2,}", " ", text))
    return out


def _minutes_of(t: time) -> int:
    return t.hour * 60 + t.minute


def _box_first(pieces: list[str]) -> bool:
    """Are ``pieces`` only time boxes or times, one at least written out (``5 min``)?"""
    written = [p for p in pieces if p.strip()]
    return bool(written) and all(parse_box(p) is not None or slot_full(p) is not None for p in written)


def is_break(title: str) -> bool:
    low = title.lower()
    words = re.findall(r"[a-z]+|&", low)
    if words and set(words) <= _BREAK_WORDS and set(words) & _BREAK_CORE and not cjk_count(low):
        return True
    zh = re.sub(r"[^\u4e00-\u9fff]", "", title)
    return bool(zh) and len(zh) <= 8 and any(word in zh for word in _ZH_BREAK) and not re.search(r"[a-z]{3}", low)
