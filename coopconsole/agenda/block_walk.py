"""The walk over the blocks of an agenda section: which block gives which items.

The rules for single entries are in :mod:`coopconsole.agenda.items`; this walk adds what
depends on the blocks around an entry (see :mod:`coopconsole.agenda.plain_entries` for
the words):

* A list right under a paragraph line that gave an item holds that item's sub-points
  (``[16:45-16:50] **Opening by chair**`` then bullets), unless most of its entries
  carry their own times or boxes: then they are items, and a paragraph line with a time
  range right above them is the slot that frames them, not an item. A line that speaks
  of a slot (``_10:00-11:30 Morning slot, Room 4_``) frames the list below it whatever
  its entries carry.
* With two day labels or more (headings, paragraph lines or list entries over nested
  entries, such as ``### Day 2`` or ``**Thursday, 12th October**``), the agenda runs over
  several days: a day label is no item and the first item after it notes the day.
* Ordinal markers alone on their line (``1st``, ``2(a)``) make the line after them an
  item, when there are two of them or more.
* In a section whose items come from a table with a time column, a list with no timed
  entry explains the table (``- Track Leads`` with names under it): its entries are
  reported as notes, not items.
* In an ordered list, numbers that start again before the list resumes after the entry
  above them (``2. Reports`` `` 1. Treasurer`` `` 2. Secretary`` ``3. Close``, indented
  too little for CommonMark to nest them) are that entry's sub-points.
* In an ordered list, an entry whose text runs into the next number while the list
  skips that number is two entries.
"""

from __future__ import annotations

from bisect import bisect_right

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.drafts import Draft, group_children
from coopconsole.agenda.item_groups import empty_labels, is_group
from coopconsole.agenda.item_line import parse_line
from coopconsole.agenda.items import AgendaReader
from coopconsole.agenda.lettered import LetteredOutline
from coopconsole.agenda.markdown_lines import Line, block_lines, heading_level, item_line, own_lines
from coopconsole.agenda.plain_entries import is_day_label, is_ordinal_marker, run_on, speaks_of_a_slot

_LISTS = ("bullet_list", "ordered_list")


def _heading_text(node: SyntaxTreeNode) -> str:
    return " ".join(ln.text for ln in block_lines(node))


def _mostly_timed(lst: SyntaxTreeNode) -> bool:
    heads = [own_lines(li)[0][:1] for li in lst.children]
    timed = 0
    for head in heads:
        parsed = parse_line(head[0].text) if head else None
        timed += bool(parsed and parsed.title and (parsed.start is not None or parsed.minutes is not None))
    return bool(timed) and timed * 2 >= len(heads)


def _any_started(lst: SyntaxTreeNode) -> bool:
    """Does an entry of ``lst`` give a start time? Beside a timetable, an entry with only a
    box (``SIG Updates (~5 minutes per SIG)``) says how a slot of the table is spent."""
    return any((lines := own_lines(li)[0]) and parse_line(lines[0].text).start is not None for li in lst.children)


def _any_timed(lst: SyntaxTreeNode) -> bool:
    for li in lst.children:
        lines = own_lines(li)[0]
        if lines and _timed(lines[0].text):
            return True
    return False


def _flattened(children: list[SyntaxTreeNode]) -> dict[int, int]:
    """Entries of an ordered list that are a sub-list CommonMark flattened into it: a run
    whose numbers start again (``1. Welcome 2. Reports 1. Treasurer 2. Secretary 3.
    Close``) before the list resumes after the entry above the run. Maps each to the
    position of that entry."""
    numbers = [int(li.info) if li.info.isdigit() else None for li in children]
    where: dict[int, list[int]] = {}
    for k, num in enumerate(numbers):
        if num is not None:
            where.setdefault(num, []).append(k)
    subs: dict[int, int] = {}
    top: int | None = None
    k = 0
    while k < len(children):
        num = numbers[k]
        above = numbers[top] if top is not None else None
        if top is not None and num is not None and above is not None and num <= above:
            later = where.get(above + 1, [])
            at = bisect_right(later, k)
            if at < len(later):
                subs.update({m: top for m in range(k, later[at])})
                k = later[at]
                continue
        top = k
        k += 1
    return subs


def _day_entry(li: SyntaxTreeNode) -> str:
    """The day a list entry over nested entries names, or ""."""
    lines, nested = own_lines(li)
    if lines and any(lst.children for lst in nested) and is_day_label(lines[0].text):
        return lines[0].text
    return ""


class BlockWalk:
    """One walk over ``blocks`` with ``reader``; :meth:`run` gives the drafts."""

    def __init__(self, reader: AgendaReader, blocks: list[SyntaxTreeNode], *, loose: bool, strict: bool) -> None:
        self.reader = reader
        self.blocks = blocks
        self.loose = loose
        self.strict = strict
        self.structured = strict or any(b.type in _LISTS + ("table", "heading") for b in blocks)
        self.details = loose or strict
        self.drafts: list[Draft] = []
        self.days: list[tuple[int, int, str]] = []  # (draft index, line, day) of each day label
        paragraphs = [ln for b in blocks if b.type == "paragraph" for ln in block_lines(b)]
        self.outline = LetteredOutline([ln.text for ln in paragraphs])
        self.ordinals = sum(1 for ln in paragraphs if is_ordinal_marker(ln.text)) >= 2
        self.multi_day = not loose and self._day_labels() >= 2
        self.pending_ordinal = False
        # A table with a time column gives the items: lists beside it whose entries give no
        # start are notes on it.
        self.timetable = any(b.type == "table" and reader.tables.has_time_column(b) for b in blocks)
        self.slot: Line | None = None  # a slot line framing the list that follows
        self.under: Draft | None = None  # the item the paragraph right above gave

    def _day_labels(self) -> int:
        count = 0
        for b in self.blocks:
            if b.type == "heading":
                count += is_day_label(_heading_text(b))
            elif b.type == "paragraph":
                count += sum(1 for ln in block_lines(b) if is_day_label(ln.text))
            elif b.type in _LISTS:
                count += sum(1 for li in b.children if _day_entry(li))
        return count

    def _add(self, drafts: list[Draft | None] | list[Draft]) -> None:
        self.drafts.extend(d for d in drafts if d is not None)

    def _day(self, line: int, text: str) -> None:
        self.days.append((len(self.drafts), line, text))

    def run(self) -> list[Draft]:
        labels: set[int] = set() if self.loose else empty_labels(self.blocks)
        blocks = self.blocks
        i = 0
        while i < len(blocks):
            node = blocks[i]
            i += 1
            if node.type in _LISTS and self.outline.last is not None and blocks[i - 2].type == "paragraph":
                # A list right under a lettered paragraph entry holds that entry's sub-points.
                self.outline.last.sub_points.extend(self.reader.points(self.outline.last, [node], 0))
                continue
            under, self.under = self.under, None
            slot, self.slot = self.slot, None
            if node.type != "paragraph":
                self.outline.last = None
            if node.type == "heading":
                i = self._heading(node, i, labels)
            elif node.type in _LISTS and under is not None and not _mostly_timed(node):
                under.sub_points.extend(self.reader.points(under, [node], 0))
            elif node.type in _LISTS and self.timetable and not _any_started(node):
                for li in node.children:
                    lines = own_lines(li)[0]
                    text = lines[0].text if lines else ""
                    self.reader.report(item_line(li), "timetable_note", entry=text)
            elif node.type in _LISTS:
                first = len(self.drafts)
                self._list(node)
                if slot is not None and first < len(self.drafts):
                    self._frame(slot, self.drafts[first])
            elif node.type == "table":
                self._add(self.reader.tables.read(node, self.details))
            elif node.type == "paragraph":
                nxt = blocks[i] if i < len(blocks) else None
                self._paragraph(node, nxt)
            elif node.type in ("fence", "code_block"):
                self._add([self.reader.plain(ln, self.structured, self.loose) for ln in block_lines(node)])
        for at, line, text in self.days:
            if at < len(self.drafts):
                self.drafts[at].day = self.drafts[at].day or text
            else:
                self.reader.report(line, "empty_day", day=text)
        return self.drafts

    def _heading(self, node: SyntaxTreeNode, i: int, labels: set[int]) -> int:
        """Read a heading and its body (the blocks up to the next heading as deep);
        returns the index after them."""
        blocks, level = self.blocks, heading_level(node)
        j = i
        while j < len(blocks) and not (blocks[j].type == "heading" and heading_level(blocks[j]) <= level):
            j += 1
        body = blocks[i:j]
        text = _heading_text(node)
        if self.loose and not any(_timed(ln.text) for ln in block_lines(node)):
            return i
        if i - 1 in labels:
            self.reader.report(item_line(node), "empty_category", heading=text)
        elif self.multi_day and is_day_label(text):
            self._day(item_line(node), text)
            self._add(self.reader.read(body, loose=self.loose, strict=self.strict))
        elif is_group(node, body):
            self._add(self.reader.read(body, loose=self.loose, strict=self.strict))
        else:
            self._add([self.reader.heading_item(node, body)])
        return j

    def _list(self, node: SyntaxTreeNode) -> None:
        children = node.children
        subs = _flattened(children) if node.type == "ordered_list" else {}
        last_of: dict[int, Draft] = {}
        for n, li in enumerate(children):
            if n in subs:
                target = last_of.get(subs[n])
                if target is not None:
                    lines, deeper = own_lines(li)
                    below = self.reader.points(target, deeper, 1)
                    text = " ".join(ln.text for ln in lines)
                    target.sub_points.append(f"{text} ({', '.join(below)})" if below else text)
                continue
            lines = own_lines(li)[0]
            if self.details and lines and self.reader.on_meta(lines[0]):
                continue
            day = _day_entry(li) if self.multi_day else ""
            if day:
                self._day(item_line(li), day)
                self._add([d for lst in own_lines(li)[1] for c in lst.children for d in self.reader.list_entries(c)])
                continue
            entries = self.reader.list_entries(li)
            if node.type == "ordered_list" and len(entries) == 1 and entries[0] is not None and li.info.isdigit():
                number = int(li.info)
                following = children[n + 1].info if n + 1 < len(children) else ""
                cut = run_on(entries[0].source, number) if following != str(number + 1) else None
                if cut is not None and group_children(li) is None:
                    head, tail = self.reader.draft(Line(entries[0].line, cut[0])), entries[0]
                    head.sub_points, tail_draft = tail.sub_points, self.reader.draft(Line(tail.line, cut[1]))
                    entries = [head, tail_draft]
            self._add(entries)
            if self.drafts and any(e is not None for e in entries):
                last_of[n] = self.drafts[-1]

    def _paragraph(self, node: SyntaxTreeNode, nxt: SyntaxTreeNode | None) -> None:
        lines = block_lines(node)
        for k, ln in enumerate(lines):
            last = k == len(lines) - 1
            if self.ordinals and is_ordinal_marker(ln.text):
                self.pending_ordinal = True
                continue
            if self.pending_ordinal:
                self.pending_ordinal = False
                self._add([self.reader.plain(ln, self.structured, self.loose, outlined=True)])
                continue
            if self.multi_day and is_day_label(ln.text):
                self._day(ln.no, ln.text)
                continue
            if last and nxt is not None and nxt.type in _LISTS and self._frames(ln, nxt):
                self.slot = ln
                continue
            before = len(self.drafts)
            if self.outline.families:
                self._add(self.outline.line(ln, self._outlined))
                if self.outline.plain:
                    self._add([self.reader.plain(ln, self.structured, self.loose)])
            else:
                self._add([self.reader.plain(ln, self.structured, self.loose)])
            if last and len(self.drafts) > before and self.outline.last is None:
                self.under = self.drafts[-1]

    def _outlined(self, line: Line) -> Draft | None:
        return self.reader.plain(line, self.structured, self.loose, outlined=True)

    def _frames(self, line: Line, lst: SyntaxTreeNode) -> bool:
        """Does a paragraph line with a time range frame the list right under it?"""
        parsed = parse_line(line.text)
        if parsed.start is None or parsed.end is None:
            return False
        return _mostly_timed(lst) or speaks_of_a_slot(parsed.title)

    def _frame(self, slot: Line, first: Draft) -> None:
        parsed = parse_line(slot.text)
        if first.start is None:
            first.start = parsed.start
        first.sub_points.insert(0, slot.text)


def _timed(text: str) -> bool:
    parsed = parse_line(text)
    return parsed.start is not None or parsed.minutes is not None or bool(parsed.bad)
