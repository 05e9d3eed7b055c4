"""Import a Markdown agenda into a planned :class:`~coopconsole.domain.model.Session`.

The document is parsed with markdown-it (CommonMark plus tables) and walked block by
block. Headings open sections by their name or by an agenda word in it, and agenda
entries outside the agenda are imported or reported, as described in
:mod:`coopconsole.agenda.sections`. Block quotes are read as if unquoted; HTML blocks,
HTML comments and thematic breaks are skipped; front matter is skipped.

Decisions where the format leaves room:

* Title: the first level-1 heading; else the document's first heading unless it is a
  section name; else ``title:`` in front matter or a ``Title:``/``会议名称:`` line; else
  the first heading; in a document with no heading, its first line when that is plain
  text (no time, no box, no number), a date line right under it (``Tuesday 12 January
  2027, 9:30am, Zoom``) giving the date, the start and the place; else ``name`` as
  given by the caller (the command line passes the agenda file's name without its
  extension). Nothing else is made up.
* Meeting details are ``Key: value`` lines (list items, plain lines, or two-column table
  rows) outside the goals and participants sections; in an agenda section only plain
  lines are considered, and in one read strictly (see :mod:`coopconsole.agenda.sections`)
  also its list items and the rows of a table without agenda columns. The first value
  wins; front matter only fills what the body leaves empty. ``Date``/``Time``/``日期``/``时间``
  values may carry a date, a start and an end (``09:00-12:00``). Facilitator and note-taker lose a bracketed remark:
  ``周宁(第三方顾问)`` becomes ``周宁`` (the remark is dropped; the participants list
  carries who a person is). ``Participants: A, B`` and ``Goal: X`` lines add
  participants and goals.
* The session start is the start written on the date/time line, else the first item's
  start. A date that cannot be read is reported; a missing date is not.
* A time range on an item gives its time box unless a box is written. An item with a
  start but no box lasts until the next item's start; the last one until the meeting end
  from a range on the date/time line. Any item still without a box is reported (and kept
  with ``minutes=None``), as are boxes of 0 or more than 24 hours (dropped).
* A plan that runs past the end of its slot (the end on the date/time line), and an
  item that starts before the one before it ends, are reported (the times are kept).
* An item with no title keeps a placeholder ``Item N`` (``议题 N``) and is reported.
* No agenda heading at all: lists, tables, timed headings and timed or enumerated lines
  anywhere outside the goals and participants sections are read as the agenda, skipping
  meeting-detail lines. The same happens when the agenda sections hold no item. When
  they do, timed entries elsewhere are reported, not imported (see
  :mod:`coopconsole.agenda.sections`).
* The facilitator, the note-taker and the item owners are participants: those not in
  the participants list are added to it (see :mod:`coopconsole.agenda.in_charge`).
* Owners: a placeholder such as ``—``, ``TBD`` or ``待定`` (in an Owner column or after a
  dash) means no owner. Names in round brackets count as the owner when they name
  listed participants (see :mod:`coopconsole.agenda.person_names`), so participants are read
  before the agenda.
* ``lang`` is ``zh`` when the title and item titles hold at least one CJK character for
  every three Latin letters (a Chinese character carries about a word), else ``en``.
* Problems are listed in line order. Only :class:`AgendaError` is ever raised: for text
  with no agenda item, and (with the cause attached) should reading fail unexpectedly.
* Text is cleaned as the quick capture cleans it (control characters, ESC among them, and
  bidirectional overrides removed; see :mod:`coopconsole.agenda.markdown_lines`): every
  string of the session, every problem and every error message, which quote the agenda
  and are printed on a terminal. The ``name`` given by the caller too.
* Lists and quotes nested deeper than Markdown is read (some 50 levels of lists) are
  reported with their lines, not imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.clock_order import settle_times
from coopconsole.agenda.durations import RANGE_RE, find_box, parse_when
from coopconsole.agenda.goals import read_goals, split_tier
from coopconsole.agenda.in_charge import with_people_in_charge
from coopconsole.agenda.item_line import is_break
from coopconsole.agenda.items import AgendaReader, Draft, Report
from coopconsole.agenda.markdown_lines import (
    Line,
    block_lines,
    cjk_count,
    latin_count,
    normalise_source,
    parse,
    split_front_matter,
    split_key,
    split_parts,
    table_rows,
    unread_spans,
)
from coopconsole.agenda.meeting_header import WHEN_KEYS, header_line, notice_label, take_header
from coopconsole.agenda.people import Person, parse_person, read_participants
from coopconsole.agenda.person_names import is_placeholder
from coopconsole.agenda.plan_checks import check_plan
from coopconsole.agenda.results import AgendaError, AgendaImport, ImportProblem
from coopconsole.agenda.sections import SECTIONS, mark_continuations, outline, outside_items
from coopconsole.domain.model import AgendaItem, Goal, GoalTier, ItemKind, Participant, Session
from coopconsole.domain.typed_text import clean_line

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
    "title": {"title", "meeting", "subject", "标题", "会议名称", "会议主题", "主题", "会议"},
    "participants": SECTIONS["participants"],
    "goals": SECTIONS["goals"],
}
_GOAL_SUFFIX = re.compile(r"(goals?|objectives?|targets?|目标)$")
# Between details written on one line: "Chair: Maria Lopez · Minutes: Tom Baker".
_DETAIL_SEP = re.compile(r"\s+[·•|/]\s+|\s*[;；｜　]\s*")


@dataclass
class _Meta:
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
        Tom Baker``), is each of them."""
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


def _flatten(nodes: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    out: list[SyntaxTreeNode] = []
    for node in nodes:
        if node.type == "blockquote":
            out.extend(_flatten(node.children))
        elif node.type not in ("html_block", "hr"):
            out.append(node)
    return out


def _minutes_between(a: time, b: time) -> int:
    return (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)


def _finish(drafts: list[Draft], meta: _Meta, lang: str, report: Report) -> list[AgendaItem]:
    settle_times(drafts, meta.start)  # elapsed times; a 12-hour clock in the afternoon
    for d in drafts:
        if d.start and d.end:
            diff = _minutes_between(d.start, d.end)
            if diff <= 0:
                report(d.line, "range_backwards", title=d.title or d.source)
            elif d.minutes is None:
                d.minutes = diff
    for i, d in enumerate(drafts):
        if d.minutes is None and d.start is not None:
            nxt = drafts[i + 1].start if i + 1 < len(drafts) else meta.end
            if nxt is not None and _minutes_between(d.start, nxt) > 0:
                d.minutes = _minutes_between(d.start, nxt)
    items = []
    for number, d in enumerate(drafts, start=1):
        title = d.title
        if not title:
            title = f"议题 {number}" if lang == "zh" else f"Item {number}"
            report(d.line, "no_title", line=d.source, title=title)
        if d.minutes is not None and not 0 < d.minutes <= 24 * 60:
            report(d.line, "implausible_box", minutes=d.minutes, title=title)
            d.minutes = None
        if d.minutes is None:
            last = number == len(drafts) and d.start is not None  # nothing to count to
            report(d.line, "no_box_last" if last else "no_box", title=title)
        kind = ItemKind.BREAK if is_break(title) else ItemKind.TOPIC
        owner = "" if is_placeholder(d.owner) else d.owner.strip()
        items.append(AgendaItem(number, title, d.start, d.minutes, owner, tuple(d.sub_points), kind))
    check_plan(items, [d.line for d in drafts], meta.start, meta.end, report)
    return items


def _plain_header(blocks: list[SyntaxTreeNode], meta: _Meta) -> str:
    """The title of an agenda written without headings, and its details: the first line
    of the first paragraph (when it is neither a detail, a time nor a time box), and in
    the two lines after it a date line such as ``Tuesday 12 January 2027, 9:30am, Zoom``
    (date, start and the rest as the place). Returns the title, or ""."""
    first = next((b for b in blocks if b.type not in ("hr", "html_block")), None)
    if first is None or first.type != "paragraph":
        return ""
    lines = block_lines(first)
    head = lines[0].text.strip() if lines else ""
    if not head or _Meta.kind_of(lines[0]) or find_box(head) or RANGE_RE.search(head) or re.match(r"\d", head):
        return ""
    for line in lines[1:3]:
        if _Meta.kind_of(line):
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


def _import(text: str, name: str) -> AgendaImport:
    problems: list[ImportProblem] = []

    def report(line: int, key: str, /, **values: object) -> None:
        problems.append(ImportProblem.of(line, key, **values))

    text, front = split_front_matter(normalise_source(text))
    root = parse(text)
    unread = [_unread(first, last) for first, last in unread_spans(root)]
    problems.extend(unread)
    doc = outline(_flatten(root.children))
    sections = doc.sections
    # A trial reading that keeps nothing: it only tells which entries carry times.
    trial = AgendaReader(_ignore, lambda line: _Meta.kind_of(line) is not None)

    def probe(blocks: list[SyntaxTreeNode]) -> list[Draft]:
        return trial.read(blocks, loose=True)

    mark_continuations(sections, probe)
    meta = _Meta(report)
    plain_title = _plain_header(sections[0].blocks, meta) if not doc.first_any else ""
    for section in sections:
        meta.headers = meta.headers and section.kind != "agenda"
        if section.kind in ("preamble", "other"):
            meta.scan(section.blocks)
    meta.headers = True
    goals: list[tuple[GoalTier, str]] = []
    people: list[Person | None] = []
    for section in sections:
        if section.kind == "goals":
            goals.extend(read_goals(section.blocks, report))
        elif section.kind == "participants":
            people.extend(read_participants(section.blocks, report, meta.take))
    known = [p.name for p in meta.people + people if p is not None]
    reader = AgendaReader(report, meta.take, known)
    drafts = [d for s in sections if s.kind == "agenda" for d in reader.read(s.blocks, strict=s.strict)]
    if drafts:
        for d in outside_items(sections, probe):
            report(d.line, "outside", entry=d.source or d.title)
    else:
        loose = [b for s in sections if s.kind in ("preamble", "other") for b in s.blocks]
        drafts = reader.read(loose, loose=True)
    for key, line in front.items():
        meta.take(Line(line.no, f"{key}: {line.text}"))
    goals = meta.goals + goals
    people = meta.people + people
    if not drafts:
        raise AgendaError.none_found(tuple(unread))
    title = doc.first_h1 or doc.first_plain or meta.title or doc.first_any or plain_title or name
    sample = title + " ".join(d.title for d in drafts)
    lang = "zh" if cjk_count(sample) and cjk_count(sample) * 3 >= latin_count(sample) else "en"
    items = _finish(drafts, meta, lang, report)
    session = Session(
        name=name,
        title=title,
        date=meta.date,
        start=meta.start or next((i.start for i in items if i.start), None),
        location=meta.location,
        facilitator=meta.facilitator,
        note_taker=meta.note_taker,
        lang=lang,
        goals=[Goal(i, tier, text) for i, (tier, text) in enumerate(goals, start=1)],
        participants=with_people_in_charge(
            [
                Participant(i, p.name, p.organisation, p.title, p.role)
                for i, p in enumerate((p for p in people if p is not None), start=1)
            ],
            meta.facilitator,
            meta.note_taker,
            (i.owner for i in items),
        ),
        agenda=items,
    )
    unique = list(dict.fromkeys(problems))
    return AgendaImport(session, sorted(unique, key=lambda p: p.line))


def _unread(first: int, last: int) -> ImportProblem:
    """What markdown-it skipped for nesting too deep (see ``unread_spans``)."""
    if first == last:
        return ImportProblem.of(first, "unread_one", first=first)
    return ImportProblem.of(first, "unread_many", first=first, last=last)


def _ignore(line: int, key: str, /, **values: object) -> None:
    """The trial reading's report: it keeps nothing."""


def import_agenda(text: str, *, name: str = "") -> AgendaImport:
    """Read a Markdown agenda; see the module notes for what is understood."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", errors="replace")
    if not isinstance(text, str):
        raise AgendaError.of("not_text")
    name = clean_line(name if isinstance(name, str) else str(name))
    try:
        return _import(text, name)
    except AgendaError:
        raise
    except Exception as exc:  # the contract: callers only ever see AgendaError
        raise AgendaError.of("failed", error=f"{type(exc).__name__}: {exc}") from exc
