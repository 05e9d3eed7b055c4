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
  box. A deeper heading inside the agenda section is an item, unless it carries no time
  or time box itself, has no ``Owner:``-style lines, and its body holds a table, a
  deeper heading or a list whose entries mostly start with a time: then it is a group
  heading (``### Morning``) whose entries are the items, and the heading itself is not
  an item.
* Tables: columns are recognised by header (Time/时间, Item/Topic/Agenda/Session/议题/
  内容/事项, Duration/Timebox/Length/时长/时间盒, Owner/Presenter/Lead/Speaker/负责人/
  主讲人/发言人/主持; ``#``/No./序号 columns are ignored). Without an item column, the
  first unrecognised column is the title. Other columns become sub-points ``Header: value``.
  When no header is recognised at all, the header row is read as an item too and each
  cell is classified by its content (time, time box, title, owner).
* A list entry whose nested entries all carry their own start or time box (or group
  such entries themselves) is a group: its nested entries are the items, and its own
  box, if written, must be their sum (``Talking points (12 min)`` over 4, 5 and 3 min).
  A nested line that only gives a box (``15 mins (Ashley Nelson)``) is the entry's box
  and owner, not an entry. An entry written wholly struck out (``~~…~~``) is skipped.
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
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import time

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.durations import parse_box, slot_full
from coopconsole.agenda.item_columns import column_kind
from coopconsole.agenda.item_line import BOX_KEYS, OWNER_KEYS, TIME_KEYS, Parsed, parse_line
from coopconsole.agenda.markdown_lines import (
    ENUM_RE,
    Line,
    block_lines,
    heading_level,
    item_line,
    own_lines,
    split_key,
    strip_enum,
    table_rows,
)
from coopconsole.agenda.person_names import looks_like_names
from coopconsole.agenda.results import Report

MetaSink = Callable[[Line], bool]

_LISTS = ("bullet_list", "ordered_list")


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
    elapsed: int | None = None  # minutes from the meeting's start (0:15, T+15)


class AgendaReader:
    def __init__(self, report: Report, on_meta: MetaSink, known: Collection[str] = ()) -> None:
        self.report = report
        self.on_meta = on_meta
        self.known = tuple(known)  # participants' names, for owners in round brackets

    # -- items from one line ------------------------------------------------------
    def _draft(self, line: Line) -> Draft:
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
            return _bare(draft, line.text)
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
        draft.sub_points.extend(self._points(draft, lists, 0))

    def _points(self, draft: Draft, lists: list[SyntaxTreeNode], depth: int) -> list[str]:
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
                below = self._points(draft, deeper, depth + 1)
                if not text:
                    out.extend(below)  # nothing to attach them to: they stand on this level
                elif below:
                    out.append(_attach(text, below, depth))
                else:
                    out.append(text)
        return out

    # -- blocks ---------------------------------------------------------------------
    def _list_item(self, li: SyntaxTreeNode) -> Draft | None:
        lines, nested = own_lines(li)
        if lines and _ELLIPSIS.fullmatch(lines[0].text) and len(lines) == 1:
            lines = []  # "* ...": a placeholder for entries still to come
        if not lines:
            if not any(lst.children for lst in nested):
                self.report(item_line(li), "empty_entry")
                return None
            lines = [Line(item_line(li), "")]
        if _STRUCK.fullmatch(lines[0].text.strip()):
            self.report(item_line(li), "struck_out", entry=lines[0].text)
            return None
        draft = self._draft(lines[0])
        self._body(draft, lines[1:], strict=True)
        self._nested(draft, nested)
        return draft

    def _list_entries(self, li: SyntaxTreeNode) -> list[Draft | None]:
        """One list entry, or the entries of a group of timed entries (see the module notes)."""
        children = _group_children(li)
        if children is None:
            return [self._list_item(li)]
        return [d for child in children for d in self._list_entries(child)]

    def _table(self, table: SyntaxTreeNode, details: bool = False) -> list[Draft]:
        rows = table_rows(table)
        if not rows:
            return []
        header_line, header = rows[0]
        kinds = [column_kind(h) for h in header]
        if not any(kinds):
            if details:
                rows = [(no, cells) for no, cells in rows if not self.on_meta(_row_line(no, cells))]
            return [d for no, cells in rows if (d := self._free_row(no, cells)) is not None]
        if "item" not in kinds and "" in kinds:
            kinds[kinds.index("")] = "item"
        drafts = []
        for no, cells in rows[1:]:
            if not any(c.strip() for c in cells):
                self.report(no, "empty_row")
                continue
            by_kind: dict[str, str] = {}
            extras: list[str] = []
            for kind, head, cell in zip(kinds, header, cells, strict=False):
                cell = cell.strip()
                if kind and kind != "skip":
                    by_kind.setdefault(kind, cell)
                elif not kind and cell:
                    extras.append(f"{head}: {cell}" if head else cell)
            draft = self._draft(Line(no, by_kind.get("item", "")))
            self._row_fields(draft, no, by_kind)
            draft.sub_points.extend(extras)
            drafts.append(draft)
        return drafts

    def _row_fields(self, draft: Draft, no: int, cells: dict[str, str]) -> None:
        when = cells.get("time", "")
        if when:
            parsed = parse_line(when)
            if parsed.start is not None or parsed.minutes is not None:
                draft.start, draft.end = parsed.start or draft.start, parsed.end or draft.end
                if draft.minutes is None:
                    draft.minutes = parsed.minutes
            else:
                self.report(no, "bad_time", time=when)
        box = cells.get("box", "")
        if box:
            minutes = parse_box(box, bare=True)
            if minutes is None:
                self.report(no, "bad_box_row", box=box)
            else:
                draft.minutes = minutes
        if cells.get("owner"):
            draft.owner = cells["owner"]

    def _free_row(self, no: int, cells: list[str]) -> Draft | None:
        """A row of a table whose header names no known column: classify each cell."""
        cells = [c.strip() for c in cells if c.strip()]
        if not cells:
            self.report(no, "empty_row")
            return None
        draft = Draft(no, "", source=" | ".join(cells))
        rest = []
        for cell in cells:
            slot = slot_full(cell)
            box = parse_box(cell)
            if slot is not None and draft.start is None and slot.start is not None:
                draft.start, draft.end = slot.start, slot.end
            elif box is not None and draft.minutes is None:
                draft.minutes = box
            elif not draft.title:
                parsed = self._draft(Line(no, cell))
                draft.title = parsed.title
                draft.start = draft.start or parsed.start
                draft.minutes = draft.minutes if draft.minutes is not None else parsed.minutes
                draft.owner = parsed.owner
            elif not draft.owner and looks_like_names(cell):
                draft.owner = cell
            else:
                rest.append(cell)
        draft.sub_points.extend(rest)
        return draft

    def _heading_item(self, heading: SyntaxTreeNode, body: list[SyntaxTreeNode]) -> Draft | None:
        lines = block_lines(heading)
        if not lines:
            self.report(item_line(heading), "empty_heading")
            return None
        draft = self._draft(lines[0])
        for node in body:
            if node.type in _LISTS:
                self._nested(draft, [node])
            else:
                self._body(draft, block_lines(node), strict=node.type == "paragraph")
        return draft

    def _is_group(self, heading: SyntaxTreeNode, body: list[SyntaxTreeNode]) -> bool:
        text = " ".join(ln.text for ln in block_lines(heading))
        parsed = parse_line(text)
        if parsed.start is not None or parsed.minutes is not None or parsed.bad:
            return False
        for node in body:
            if node.type == "paragraph" and any(_is_field(ln.text) for ln in block_lines(node)):
                return False
        for node in body:
            if node.type in ("table", "heading"):
                return True
            if node.type in _LISTS and node.children:
                heads = [own_lines(li)[0][:1] for li in node.children]
                timed = sum(1 for h in heads if h and parse_line(h[0].text).start is not None)
                if timed * 2 >= len(heads) and timed:
                    return True
        return False

    def _plain(self, line: Line, structured: bool, loose: bool, outlined: bool = False) -> Draft | None:
        if self.on_meta(line):
            return None
        pair = split_key(line.text)
        if pair is not None and pair[0] in _TOTAL_KEYS and parse_box(pair[1]) is not None:
            self.report(line.no, "meeting_length", line=line.text)
            return None
        marked = outlined or _timed(line.text) or bool(ENUM_RE.match(line.text))
        if marked or (not structured and not loose):
            return self._draft(line)
        if not loose:
            self.report(line.no, "note", line=line.text)
        return None

    def read(self, blocks: list[SyntaxTreeNode], *, loose: bool = False, strict: bool = False) -> list[Draft]:
        structured = strict or any(b.type in _LISTS + ("table", "heading") for b in blocks)
        details = loose or strict
        drafts: list[Draft | None] = []
        outline = _Outline([ln.text for b in blocks if b.type == "paragraph" for ln in block_lines(b)])
        i = 0
        while i < len(blocks):
            node = blocks[i]
            i += 1
            if node.type in _LISTS and outline.last is not None and blocks[i - 2].type == "paragraph":
                # A list right under a lettered paragraph entry holds that entry's sub-points.
                outline.last.sub_points.extend(self._points(outline.last, [node], 0))
                continue
            if node.type != "paragraph":
                outline.last = None
            if node.type == "heading":
                level = heading_level(node)
                j = i
                while j < len(blocks) and not (blocks[j].type == "heading" and heading_level(blocks[j]) <= level):
                    j += 1
                body = blocks[i:j]
                if loose and not any(_timed(ln.text) for ln in block_lines(node)):
                    continue
                i = j
                if self._is_group(node, body):
                    drafts.extend(self.read(body, loose=loose, strict=strict))
                else:
                    drafts.append(self._heading_item(node, body))
            elif node.type in _LISTS:
                for li in node.children:
                    lines = own_lines(li)[0]
                    if details and lines and self.on_meta(lines[0]):
                        continue
                    drafts.extend(self._list_entries(li))
            elif node.type == "table":
                drafts.extend(self._table(node, details))
            elif node.type == "paragraph" and outline.families:
                for ln in block_lines(node):
                    drafts.extend(outline.line(ln, lambda line: self._plain(line, structured, loose, outlined=True)))
                    if outline.plain:
                        drafts.append(self._plain(ln, structured, loose))
            elif node.type in ("paragraph", "fence", "code_block"):
                drafts.extend(self._plain(ln, structured, loose) for ln in block_lines(node))
        return [d for d in drafts if d is not None]


_LATIN_MARK = re.compile(r"^\s*(?:[(（](?P<paren>[A-Z])[)）]|(?P<roman>[IVX]{1,5})\.|(?P<letter>[A-Z])\.)\s+(?=\S)")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"]


def _latin_mark(text: str) -> tuple[str, str] | None:
    """The outline family (``(A)``, ``I.``, ``A.``) and marker at the start of a line."""
    m = _LATIN_MARK.match(text)
    if not m:
        return None
    if m.group("paren"):
        return "(A)", m.group("paren")
    if m.group("roman"):
        return "I.", m.group("roman")
    return "A.", m.group("letter")


class _Outline:
    """Plain lines lettered as an outline (``A. Call to order``, ``(B) Invocation``,
    ``IV. Open Forum``), as in order-of-business documents.

    A family of Latin markers counts only when its first three lines run A, B, C (or
    I, II, III), so a line that starts with an initial (``J. Doe will chair``) is not
    taken for one. The family of the first such line gives the items; a line of another
    marker (``(1)``, ``A.`` under ``III.``) right after an item is one of its sub-points,
    and so is a list right under it.
    """

    def __init__(self, texts: list[str]) -> None:
        seen: dict[str, list[str]] = {"(A)": [], "I.": [], "A.": []}
        for text in texts:
            found = _latin_mark(text)
            if found is None:
                continue
            family, mark = found
            seen[family].append(mark)
            if family == "I." and len(mark) == 1:
                seen["A."].append(mark)  # I., V. and X. are letters too
        self.families = {
            family
            for family, marks in seen.items()
            if marks[:3] == (_ROMANS[:3] if family == "I." else ["A", "B", "C"])
        }
        self.items: str | None = None
        self.last: Draft | None = None
        self.plain = False  # the last line given is not part of the outline

    def _family(self, text: str) -> tuple[str, str] | None:
        found = _latin_mark(text)
        if found is None:
            return None
        family, mark = found
        if family not in self.families and family == "I." and len(mark) == 1 and "A." in self.families:
            family = "A."
        if family not in self.families:
            return None
        return family, _LATIN_MARK.sub("", text, count=1)

    def line(self, line: Line, make: Callable[[Line], Draft | None]) -> list[Draft | None]:
        self.plain = False
        found = self._family(line.text)
        if found is not None:
            family, text = found
            self.items = self.items or family
            if family == self.items or self.last is None:
                self.last = make(Line(line.no, text))
                return [self.last]
            self.last.sub_points.append(text)
            return []
        if self.last is not None and ENUM_RE.match(line.text):
            self.last.sub_points.append(strip_enum(line.text))
            return []
        self.plain = True
        self.last = None
        return []


def _bare(draft: Draft, text: str) -> bool:
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
_ELLIPSIS = re.compile(r"\s*(?:\.{2,}|…+)\s*")
# An entry written wholly struck out (``~~Review prior meetings (5m)~~``) was taken off.
_STRUCK = re.compile(r"~~(?!~).+~~")
_BOX_THEN_NAMES = re.compile(r"(?P<box>[^()（）]+?)\s*[(（](?P<names>[^()（）]+)[)）]")


def _attach(text: str, below: list[str], depth: int) -> str:
    # A comma inside a part would blur where parts end; brackets attached below do not.
    sep = "; " if any(re.search(r"[,，;；]", re.sub(r"\([^()]*\)", "", b)) for b in below) else ", "
    joined = sep.join(below)
    if depth:
        return f"{text} ({joined})"
    if text.endswith("："):
        return text + joined
    return f"{text.rstrip(':')}: {joined}"


def _row_line(no: int, cells: list[str]) -> Line:
    """A table row read as a ``Key: value`` line, the way the importer reads detail tables."""
    cells = [c.strip() for c in cells if c.strip()]
    return Line(no, f"{cells[0]}: {' '.join(cells[1:])}" if len(cells) >= 2 else "")


def _is_field(text: str) -> bool:
    pair = split_key(text)
    return pair is not None and pair[0] in OWNER_KEYS | BOX_KEYS | TIME_KEYS


def _timed(text: str) -> bool:
    parsed = parse_line(text)
    return parsed.start is not None or parsed.minutes is not None or bool(parsed.bad)


def _entry_minutes(li: SyntaxTreeNode) -> int | None:
    """A nested list entry's time box (0 for a group without one, or an entry with a
    start but no box), or None when it is neither a timed entry nor a group of them. A
    line that only gives a box, such as ``15 mins (Ashley Nelson)``, is a detail of its
    parent, not an entry."""
    children = _group_children(li)
    if children is not None:
        return sum(_entry_minutes(c) or 0 for c in children)
    lines = own_lines(li)[0]
    if not lines or not _timed(lines[0].text) or _bare(Draft(0, ""), lines[0].text):
        return None
    return parse_line(lines[0].text).minutes or 0


def _group_children(li: SyntaxTreeNode) -> list[SyntaxTreeNode] | None:
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
    if parsed.start is not None or _STRUCK.fullmatch(lines[0].text.strip()):
        return None
    boxes = [_entry_minutes(c) for c in children]
    if any(b is None for b in boxes):
        return None
    if parsed.minutes is not None and parsed.minutes != sum(b or 0 for b in boxes):
        return None
    return children
