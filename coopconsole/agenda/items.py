"""Reading the agenda section: lists, tables, headings and plain lines into draft items.

Decisions:

* Every top-level list item, table row and item heading of the agenda section becomes a
  draft item; an entry with no text at all (``-`` alone, an empty table row, or only
  ``...``/``…`` standing for entries to come) is reported and skipped, as there is
  nothing to keep.
* Each first-level nested bullet becomes one sub-point; the bullets nested under it are
  attached to its text, as sub-points are plain text: ``架构`` with ``数据层`` and
  ``应用层`` under it gives ``架构: 数据层, 应用层``, and a third level goes in brackets
  (``A: B (C, D), E``). Parts are joined with ``; `` instead when one of them holds a
  comma. A nested bullet or a continuation line of the form ``Owner: X``,
  ``Duration: 15 min`` or ``Time: 09:00`` fills that field instead (the keys are listed
  in :mod:`coopconsole.agenda.item_line`), at any depth. So does a line that is only a time
  box (``15 min``, ``(15分钟)``, ``1h``) or only a clock time or range (``09:00-09:15``),
  while the item has none yet; otherwise it stays a sub-point. Other continuation lines
  of an item become sub-points.
* Under an item heading, paragraph lines, bullets and table rows are read the same way
  (fields or sub-points), so a bare ``15 min`` line under ``### Opening`` is its time
  box. A deeper heading inside the agenda section is an item, unless it is a group
  heading (``### Morning``, ``### Administrivia``) whose entries are the items: see
  :mod:`coopconsole.agenda.item_groups`. What depends on the blocks around an entry
  (paragraph items with bullets under them, slots, days, ordinal markers, flattened
  numbered sub-lists) is in :mod:`coopconsole.agenda.block_walk`.
* Tables: columns are recognised by header (Time/时间, Item/Topic/Agenda/Session/议题/
  内容/事项, Duration/Timebox/Length/时长/时间盒, Owner/Presenter/Lead/Speaker/负责人/
  主讲人/发言人/主持; ``#``/No./序号 columns are ignored). Without an item column, the
  first unrecognised column is the title. Other columns become sub-points ``Header: value``.
  When no header is recognised at all, the header row is read as an item too and each
  cell is classified by its content (time, time box, title, owner).
* A list entry that holds a table with agenda columns (indented under it, as TC39's
  ``1. Proposals`` over a timebox/topic/presenter table) is a group: the rows are the
  items; with no rows, it gives none (and is reported).
* A list entry whose nested entries all carry their own start or time box (or group
  such entries themselves) is a group: its nested entries are the items, and its own
  box, if written, must be their sum (``Talking points (12 min)`` over 4, 5 and 3 min).
  A nested line that only gives a box (``15 mins (Ashley Nelson)``) is the entry's box
  and owner, not an entry. An entry written wholly struck out (``~~…~~``) is skipped.
* A list entry's wrapped second line that is only a bracket holding its time box
  (``(15m, Benjie)``) is read with the first line, as one line.
* A list entry that only introduces the entries after it (``Talking Points : ( Inform /
  discuss )``: a short label ending in a colon, with at most a bracketed remark, no time,
  nothing nested) and one that gives the meeting's length (``Planned meeting duration
  (60 min)``) are reported, not items.
* Plain lines lettered as an outline (``A.``, ``(A)``, ``I.``) are items when the letters
  run A, B, C (I, II, III); another marker or a list right under one gives its
  sub-points. A plain ``Estimated time: 42 min`` line is the meeting's length, not an item.
* Plain paragraph lines (and lines of code blocks) in the agenda section are items when
  they start with a time or an enumeration marker (``一、``) or carry a time box; if the
  section has no list, table or item heading, every such line is an item. Other lines
  are reported as notes that were not read as items. ``Date:``-style lines are passed on
  as meeting details.
* With ``loose=True`` (the document has no agenda heading, see the importer) headings
  are items only when timed, plain lines only when timed or enumerated, and other text
  is skipped quietly.
* With ``strict=True`` (a section that is an agenda by a word in its heading or because
  it continues the agenda, see :mod:`coopconsole.agenda.sections`) plain lines are items
  only when timed or enumerated, whatever else the section holds; other lines are
  reported as notes.
* With ``loose`` or ``strict``, list items that are meeting details (``Date: ...``) and
  rows of a table without agenda columns that read as ``Key: value`` details are passed
  on as meeting details instead of becoming items.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.drafts import STRUCK, Draft, MetaSink, Report, bare, group_children, is_timed
from coopconsole.agenda.durations import parse_box, slot_full
from coopconsole.agenda.item_line import BOX_KEYS, OWNER_KEYS, TIME_KEYS, Parsed, parse_line
from coopconsole.agenda.item_tables import TableReader
from coopconsole.agenda.markdown_lines import (
    ENUM_RE,
    Line,
    block_lines,
    item_line,
    norm_key,
    own_lines,
    split_key,
)
from coopconsole.agenda.plain_entries import is_placeholder_entry

__all__ = ["AgendaReader", "Draft", "MetaSink", "Report"]

_LISTS = ("bullet_list", "ordered_list")


class AgendaReader:
    def __init__(self, report: Report, on_meta: MetaSink, known: Collection[str] = ()) -> None:
        self.report = report
        self.on_meta = on_meta
        self.known = tuple(known)  # participants' names, for owners in round brackets
        self.tables = TableReader(report, on_meta, self.draft)

    # -- items from one line ------------------------------------------------------
    def draft(self, line: Line) -> Draft:
        parsed: Parsed = parse_line(line.text, self.known)
        for bad in parsed.bad:
            self.report(line.no, "bad_time_in_line", time=bad, line=line.text)
        draft = Draft(line.no, parsed.title, parsed.start, parsed.end, parsed.minutes, parsed.owner, source=line.text)
        draft.elapsed = parsed.elapsed
        return draft

    def _field(self, draft: Draft, line: Line, strict: bool) -> bool:
        """Fill a field of ``draft`` from a ``Key: value`` line (or a bare time box or time
        while the field is empty); False if it is not one."""
        pair = split_key(line.text)
        if pair is None:
            return bare(draft, line.text)
        key, value = pair
        if key in OWNER_KEYS and value:
            draft.owner = draft.owner or value
            return True
        if key in BOX_KEYS:
            box = parse_box(value, bare=True)
            if box is None:
                if not strict:
                    return False
                self.report(line.no, "bad_box_line", box=value)
            elif draft.minutes is None:
                draft.minutes = box
            return True
        if key in TIME_KEYS:
            slot = slot_full(value)
            box = parse_box(value, bare=False)
            if slot is not None and slot.start is not None:
                draft.start = draft.start or slot.start
                draft.end = draft.end or slot.end
                return True
            if box is not None:
                draft.minutes = draft.minutes if draft.minutes is not None else box
                return True
            if strict and slot is not None:
                self.report(line.no, "bad_time", time=value)
                return True
        return False

    def _body(self, draft: Draft, lines: list[Line], strict: bool = False) -> None:
        for line in lines:
            if not self._field(draft, line, strict):
                draft.sub_points.append(line.text)

    def _nested(self, draft: Draft, lists: list[SyntaxTreeNode]) -> None:
        draft.sub_points.extend(self.points(draft, lists, 0))

    def points(self, draft: Draft, lists: list[SyntaxTreeNode], depth: int) -> list[str]:
        """The texts of one level of nested bullets, with the levels below attached."""
        out: list[str] = []
        for lst in lists:
            for li in lst.children:
                lines, deeper = own_lines(li)
                text = ""
                if lines:
                    rest = [ln.text for ln in lines[1:] if not self._field(draft, ln, strict=False)]
                    joined = Line(lines[0].no, " ".join([lines[0].text, *rest]))
                    text = "" if self._field(draft, joined, strict=False) else joined.text
                below = self.points(draft, deeper, depth + 1)
                if is_placeholder_entry(text) and not below:
                    self.report(item_line(li), "placeholder_point", entry=text)
                elif not text:
                    out.extend(below)  # nothing to attach them to: they stand on this level
                elif below:
                    out.append(_attach(text, below, depth))
                else:
                    out.append(text)
        return out

    # -- blocks ---------------------------------------------------------------------
    def _list_item(self, li: SyntaxTreeNode) -> Draft | None:
        lines, nested = own_lines(li)
        if lines and not nested and is_placeholder_entry(lines[0].text):  # "* ...", "* ___"
            self.report(item_line(li), "placeholder", entry=lines[0].text)
            return None
        if lines and _ELLIPSIS.fullmatch(lines[0].text) and len(lines) == 1:
            lines = []  # "* ..." over nested entries: they stand for it
        if not lines:
            if not any(lst.children for lst in nested):
                self.report(item_line(li), "empty_entry")
                return None
            lines = [Line(item_line(li), "")]
        if STRUCK.fullmatch(lines[0].text.strip()):
            self.report(item_line(li), "struck_out", entry=lines[0].text)
            return None
        draft = self.draft(lines[0])
        if len(lines) > 1 and draft.minutes is None and _BRACKETED.fullmatch(lines[1].text.strip()):
            # ``Introduce Strict ... rules`` wrapped before its ``(15m, Benjie)``: one line.
            joined = self.draft(Line(lines[0].no, f"{lines[0].text} {lines[1].text.strip()}"))
            if joined.minutes is not None:
                draft, lines = joined, [lines[0], *lines[2:]]
        if _MEETING_LENGTH.fullmatch(norm_key(draft.title)) and draft.minutes is not None and not nested:
            self.report(item_line(li), "length_entry", entry=lines[0].text)
            return None
        if not nested and len(lines) == 1 and _is_label(lines[0].text, draft) and li.next_sibling is not None:
            self.report(item_line(li), "label_entry", entry=lines[0].text)
            return None
        self._body(draft, lines[1:], strict=True)
        self._nested(draft, nested)
        return draft

    def list_entries(self, li: SyntaxTreeNode) -> list[Draft | None]:
        """One list entry, or the entries of a group of timed entries or of the agenda
        table it holds (see the module notes)."""
        tables = [c for c in li.children if c.type == "table" and self.tables.has_agenda_columns(c)]
        if tables:
            rows = [d for table in tables for d in self.tables.read(table)]
            if not rows:
                lines = own_lines(li)[0]
                title = lines[0].text if lines else ""
                self.report(item_line(li), "empty_table", entry=title)
            return list(rows)
        children = group_children(li)
        if children is None:
            return [self._list_item(li)]
        return [d for child in children for d in self.list_entries(child)]

    def heading_item(self, heading: SyntaxTreeNode, body: list[SyntaxTreeNode]) -> Draft | None:
        lines = block_lines(heading)
        if not lines:
            self.report(item_line(heading), "empty_heading")
            return None
        draft = self.draft(lines[0])
        for node in body:
            if node.type in _LISTS:
                self._nested(draft, [node])
            else:
                self._body(draft, block_lines(node), strict=node.type == "paragraph")
        return draft

    def plain(self, line: Line, structured: bool, loose: bool, outlined: bool = False) -> Draft | None:
        if self.on_meta(line):
            return None
        pair = split_key(line.text)
        if pair is not None and pair[0] in _TOTAL_KEYS and parse_box(pair[1]) is not None:
            self.report(line.no, "meeting_length", line=line.text)
            return None
        marked = outlined or is_timed(line.text) or bool(ENUM_RE.match(line.text))
        if marked or (not structured and not loose):
            return self.draft(line)
        if not loose:
            self.report(line.no, "note", line=line.text)
        return None

    def read(self, blocks: list[SyntaxTreeNode], *, loose: bool = False, strict: bool = False) -> list[Draft]:
        """The draft items of ``blocks`` (see the module notes and :mod:`coopconsole.agenda.block_walk`)."""
        from coopconsole.agenda.block_walk import BlockWalk  # it reads entries with this reader

        return BlockWalk(self, blocks, loose=loose, strict=strict).run()


# Keys of a plain line that gives the whole meeting's length (``Estimated time: 42 min``).
_TOTAL_KEYS = {
    "estimated time",
    "estimated duration",
    "total",
    "total time",
    "duration",
    "meeting duration",
    "planned duration",
    "时长",
    "会议时长",
    "总时长",
    "预计时长",
}


_BRACKETED = re.compile(r"[(（\[【][^()（）\[\]【】]+[)）\]】]")
# A list entry that gives the meeting's length (``Planned meeting duration (60 min)``).
_MEETING_LENGTH = re.compile(r"(?:(?:planned|estimated|expected|total)\s+)?(?:meeting\s+)?(?:duration|length|time)")
# A list entry that only introduces the entries after it (``Talking Points : ( Inform / discuss )``).
_LABEL = re.compile(r"^(?P<label>[^():：]{2,40}?)\s*[:：]\s*(?:[(（][^()（）]*[)）])?\s*$")


def _is_label(text: str, draft: Draft) -> bool:
    return bool(_LABEL.match(text)) and draft.start is None and draft.minutes is None and not draft.owner


_ELLIPSIS = re.compile(r"\s*(?:\.{2,}|…+)\s*")


def _attach(text: str, below: list[str], depth: int) -> str:
    # A comma inside a part would blur where parts end; brackets attached below do not.
    sep = "; " if any(re.search(r"[,，;；]", re.sub(r"\([^()]*\)", "", b)) for b in below) else ", "
    joined = sep.join(below)
    if depth:
        return f"{text} ({joined})"
    if text.endswith("："):
        return text + joined
    return f"{text.rstrip(':')}: {joined}"


def _is_field(text: str) -> bool:
    pair = split_key(text)
    return pair is not None and pair[0] in OWNER_KEYS | BOX_KEYS | TIME_KEYS
