"""Meeting details in an agenda: ``Key: value`` lines (date and time, place, facilitator,
note-taker, title, participants, goals) and the header of an agenda written without
headings. See :mod:`coopconsole.agenda.importer` for the decisions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.drafts import Report
from coopconsole.agenda.durations import RANGE_RE, find_box, parse_when, slot_at_start
from coopconsole.agenda.goals import split_tier
from coopconsole.agenda.markdown_lines import ENUM_RE, Line, block_lines, split_key, split_parts, table_rows
from coopconsole.agenda.meeting_header import WHEN_KEYS, header_line, notice_label, take_header
from coopconsole.agenda.people import Person, parse_person
from coopconsole.agenda.sections import SECTIONS
from coopconsole.domain.model import GoalTier

_META = {
    "date": WHEN_KEYS,
    "location": {"location", "venue", "place", "where", "room", "地点", "会议地点", "地址", "场地"},
    "facilitator": {"facilitator", "chair", "chairperson", "moderator", "主持人", "主持"},
    "note_taker": {
        "note taker",
        "notetaker",
        "scribe",
        "minute taker",
        "minutes",
        "minutes by",
        "secretary",
        "recorder",
        "记录人",
        "记录",
        "记录员",
    },
    "title": {"title", "meeting", "subject", "topic", "标题", "会议名称", "会议主题", "主题", "会议"},
    "participants": SECTIONS["participants"],
    "goals": SECTIONS["goals"],
}
_GOAL_SUFFIX = re.compile(r"(goals?|objectives?|targets?|目标)$")
# Between details written on one line: "Chair: Maria Lopez · Minutes: Tom Baker".
_DETAIL_SEP = re.compile(r"\s+[·•|/]\s+|\s*[;；｜　]\s*")


@dataclass
class MeetingDetails:
    """The details read so far; the first value of each wins."""

    report: Report
    date: date | None = None
    start: time | None = None
    end: time | None = None
    location: str = ""
    facilitator: str = ""
    note_taker: str = ""
    title: str = ""
    people: list[Person | None] = field(default_factory=list)
    goals: list[tuple[GoalTier, str]] = field(default_factory=list)
    seen: set[tuple[int, str]] = field(default_factory=set)
    header: set[int] = field(default_factory=set)  # date lines above the first entry
    headers: bool = True  # header lines count (not in a section after the agenda: "## Next meeting")
    weak_date: bool = False  # the date is a bare date line's, which a notice's "定于…召开" overrides

    @staticmethod
    def kind_of(line: Line) -> tuple[str, str, str] | None:
        """The detail a line gives (kind, key, value), or None; nothing is kept."""
        pair = split_key(line.text)
        kind = None
        if pair is not None:
            key, value = pair
            key = key.removeprefix("本次")  # 本次会议时间: "this meeting's time"
            kind = next((k for k, names in _META.items() if key in names), None)
            if kind is None and _GOAL_SUFFIX.search(key) and split_tier(line.text)[0] is not None:
                kind = "goals"
        if kind is None and notice_label(line.text):  # "一、会议议程": labels a part, not an item
            return "label", "", ""
        if kind is None:  # "Agenda - September 11, 2017 - 3:05pm": see agenda.meeting_header
            return ("header", "", line.text) if header_line(line.text) else None
        return kind, key, value

    def take(self, line: Line) -> bool:
        """Use a meeting-detail line; False when ``line`` is not one. A line of several
        details, each ``Key: value`` with a known key (``Chair: Maria Lopez · Minutes:
        Tom Baker``), is each of them. A header line (see :func:`header_lines`) is one."""
        if line.no in self.header:
            return True
        pieces = [Line(line.no, piece) for piece in _DETAIL_SEP.split(line.text) if piece.strip()]
        if len(pieces) > 1 and all(self.kind_of(piece) for piece in pieces):
            if (line.no, line.text) not in self.seen:
                self.seen.add((line.no, line.text))
                for piece in pieces:
                    self.take(piece)
            return True
        found = self.kind_of(line)
        if found is None:
            return False
        kind, key, value = found
        if (line.no, line.text) in self.seen:
            return True
        self.seen.add((line.no, line.text))
        if value:
            self._set(kind, key, line, value)
        return True

    def _set(self, kind: str, key: str, line: Line, value: str) -> None:
        report = self.report
        if kind == "date":
            when = parse_when(value)
            if when.date is None and when.bad_date:
                report(line.no, "bad_date", value=value)
            elif when.date is None and when.start is None:
                report(line.no, "bad_when", value=value)
            self.date = self.date or when.date
            self.start = self.start or when.start
            self.end = self.end or when.end
        elif kind == "header":
            take_header(self, value)  # see agenda.meeting_header
        elif kind in ("facilitator", "note_taker") and re.search(r"://|^\[|^www\.", value):
            pass  # a link (to the minutes, a chat): not a person
        elif kind in ("facilitator", "note_taker"):
            cleaned = re.sub(r"\s*[(（][^()（）]*[)）]", "", value).strip() or value
            setattr(self, kind, getattr(self, kind) or cleaned)
        elif kind in ("location", "title"):
            setattr(self, kind, getattr(self, kind) or value)
        elif kind == "participants":
            for part in split_parts(value):
                self.people.append(parse_person(Line(line.no, part), report))
        else:
            tier, text = split_tier(line.text)
            if tier is None or not _GOAL_SUFFIX.search(key):
                tier, text = split_tier(value)
            if text:
                self.goals.append((tier or GoalTier.PRIMARY, text))

    def scan(self, blocks: list[SyntaxTreeNode]) -> None:
        for node in blocks:
            if node.type == "table":
                for no, cells in table_rows(node):
                    cells = [c for c in cells if c.strip()]
                    if len(cells) >= 2:
                        self.take(Line(no, f"{cells[0]}: {' '.join(cells[1:])}"))
            elif node.type != "heading":
                for line in block_lines(node):
                    self.take(line)


def plain_header(blocks: list[SyntaxTreeNode], meta: MeetingDetails) -> str:
    """The title of an agenda written without headings, and its details: the first line
    of the first paragraph (when it is neither a detail, a time nor a time box), and in
    the two lines after it a date line such as ``Tuesday 12 January 2027, 9:30am, Zoom``
    (date, start and the rest as the place). Returns the title, or ""."""
    first = next((b for b in blocks if b.type not in ("hr", "html_block")), None)
    if first is None or first.type != "paragraph":
        return ""
    lines = block_lines(first)
    head = lines[0].text.strip() if lines else ""
    if not head or MeetingDetails.kind_of(lines[0]) or find_box(head) or RANGE_RE.search(head) or re.match(r"\d", head):
        return ""
    for line in lines[1:3]:
        if MeetingDetails.kind_of(line):
            continue
        parts = split_parts(line.text)
        timed = [p for p in parts if (w := parse_when(p)).date or w.start]
        if not timed or not parse_when(timed[0]).date:
            continue
        meta.take(Line(line.no, f"Date: {' '.join(timed)}"))
        place = ", ".join(p for p in parts if p not in timed)
        if place and len(place) <= 60:
            meta.take(Line(line.no, f"Location: {place}"))
    return head


def header_lines(blocks: list[SyntaxTreeNode], meta: MeetingDetails) -> None:
    """The date lines above the first entry of an agenda written without headings.

    Paragraph lines before the first list or numbered line that hold a date
    (``MONDAY, SEPTEMBER 10, 2007, 3:15 P.M.``, ``Agenda - September 11, 2017 - 3:05pm``)
    give the meeting's date and start, and, once a date was seen, the one line of the
    document that starts with a time (``3:30 p.m. – 325 Graff Main Hall``) gives the
    start and the place (with several, they are timed items). Such lines
    are the meeting's details, not items (``meta.take`` then accepts them).
    """
    dated = False
    timed_lines = sum(1 for b in blocks if b.type == "paragraph" for ln in block_lines(b) if slot_at_start(ln.text))
    for block in blocks[:6]:
        if block.type != "paragraph":
            break
        lines = block_lines(block)
        if any(ENUM_RE.match(ln.text) or _OUTLINE.match(ln.text) for ln in lines):
            break
        for line in lines:
            when = parse_when(line.text)
            slot = slot_at_start(line.text)
            if when.date is not None and (when.start is not None or not dated):
                meta.take(Line(line.no, f"Date: {line.text}"))
                meta.header.add(line.no)
                dated = True
            elif dated and timed_lines == 1 and slot is not None and slot.start is not None and not find_box(line.text):
                meta.start = meta.start or slot.start
                place = line.text[slot.span[1] :].strip(" \t-–—:,;")
                if place and len(place) <= 60 and not meta.location:
                    meta.location = place
                meta.header.add(line.no)


_OUTLINE = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Z]|\d{1,3})[.)]\s+\S|^\s*\d{1,3}(?:st|nd|rd|th)\s*$")
