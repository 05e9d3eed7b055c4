"""The sections of an agenda document, and the agenda items that sit outside the agenda.

Headings open sections. A heading names a section exactly (see ``SECTIONS``; a trailing
bracketed remark or colon and a leading number are ignored, ``Agenda (draft)``,
``2. 议程``), or names the agenda by a word in it:

* an English agenda word - agenda, schedule, programme, program, running order, run of
  show, timetable, session(s) - at the end of the heading (``Day 2 Agenda``, ``Afternoon
  session``, ``Revised timetable``), or at its start followed by a dash, colon, ``for``,
  ``on``, ``day`` or a number (``Agenda - Day 2``, ``Schedule: Tuesday``, ``Programme for
  the afternoon``). ``Session notes``, ``Program overview`` or ``Schedule of
  deliverables`` do not name an agenda;
* a Chinese one: ``议程`` or ``日程`` anywhere (``会议议程安排``, ``下午议程``), ``安排`` or
  ``流程`` after ``会议``/``时间``/``活动``/``议程``/``日程`` (``时间安排``, ``活动流程``);
  ``后续安排`` or ``审批流程`` do not.

A heading never names the agenda by a word when it is the document's first heading
(that is the title, ``# Board Meeting Agenda``), when it starts with a clock time or
carries a time box (``## 09:30 Breakout session`` is an item), or when it sits deeper
than the heading of an agenda, participants or goals section: there it belongs to that
section (an item or a group of items, an organisation, a tier).

A heading that names no section closes the current one and opens an *other* section,
unless it is deeper than the heading of an agenda, participants or goals section. The
heading of an other section is kept as its first block, so a timed heading there is
seen like any other entry.

Agenda entries outside the agenda, decided so that no item is lost without a word:

* An other section that comes right after an agenda section, at the same heading
  level, and whose entries mostly carry a start time or a time box (at least half of
  them, as for group headings) continues the agenda (``## Afternoon``, ``## 下午``): it is
  read as part of it and its items are imported.
* In every other section and before the first heading, list items, table rows and
  headings that carry a start time or a time box are reported with their line - "looks like an agenda item
  outside the agenda section; not imported" - but not imported: they may belong to
  something else, such as the notes of the last meeting. Prose and untimed lists there
  are not reported, nor are meeting details (``Time: 09:00-12:00``), entries holding a
  date (``15 December 2026, 10:00-12:00`` under ``## Next meeting``) and ``Key: value``
  lines whose value is only a time or a time box (``Duration: 2 hours``,
  ``会议时长：2小时``): those describe a meeting rather than list an item.

Headings that a facilitator does not walk through as part of the plan:

* A heading that sets entries aside (``Proposed agenda items (to be scheduled if time
  permits)``, ``Parking lot``, ``Topics deferred till next meeting``, ``Backlog`` alone,
  ``备选议题``, ``待定事项``; not ``Backlog grooming`` nor ``Deferred revenue``, which are
  topics) opens a *parked* section, even under the agenda heading:
  its entries go to the session's parking lot, not into the plan (see the importer).
  A heading after it that is deeper than the agenda's heading returns to the agenda.
* A heading that opens the notes of the meeting (``Meeting minutes``, ``Notes``,
  ``会议纪要``, ``会议记录``) closes the agenda even when it is deeper than the agenda's
  heading (``# Agenda Items:`` then ``## Opening``, ``## Meeting Minutes``): what follows
  is what was said, not what is planned.

* Inverted levels: an agenda heading followed at once by a shallower heading that names
  no section (``## Agenda`` then ``# Budget review``) takes that heading and its siblings
  as its own, as if they were deeper (one heading per item).
* An untimed heading deeper than the agenda's that comes after the list or table of the
  agenda's items (with no heading between them) starts a section of its own: the agenda
  was that list (TC39's ``### Schedule constraints`` under ``## Agenda items``), unless
  its entries mostly carry times, as for a section that continues the agenda.

Sections read as an agenda by a word or by continuing it are read strictly: their plain
lines are items only when timed or enumerated, and their meeting-detail lines are taken
as details (see :mod:`coopconsole.agenda.items`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.drafts import Draft
from coopconsole.agenda.durations import parse_box, parse_when, slot_at_start, slot_full
from coopconsole.agenda.item_line import parse_line
from coopconsole.agenda.markdown_lines import block_lines, heading_level, norm_key, split_key, strip_enum

SECTIONS = {
    "agenda": {
        "agenda",
        "schedule",
        "programme",
        "program",
        "meeting agenda",
        "agenda items",
        "proposed agenda",
        "draft agenda",
        "timetable",
        "run of show",
        "议程",
        "会议议程",
        "日程",
        "议程安排",
        "会议日程",
        "日程安排",
        "会议流程",
        "流程",
    },
    "participants": {
        "participants",
        "attendees",
        "present",
        "attendance",
        "participant list",
        "attendee list",
        "参会人",
        "参会人员",
        "与会人员",
        "出席",
        "出席人员",
        "参会者",
        "与会者",
        "参会名单",
        "出席人",
    },
    "goals": {
        "goals",
        "objectives",
        "goal",
        "objective",
        "meeting goals",
        "meeting objectives",
        "目标",
        "会议目标",
        "目的",
        "会议目的",
    },
}
_WORDS = r"agenda|schedule|programme|program|running order|run of show|timetable"
_WORD_AT_END = re.compile(rf"(?:^|\s)(?:{_WORDS}|sessions?)$")
_WORD_AT_START = re.compile(rf"^(?:{_WORDS})(?:\s*[-–—:：|,/]|\s+(?:for|on|day)\b|\s+\d)")
_ZH_WORD = re.compile(r"议程|日程|(?:会议|时间|活动|议程|日程)(?:安排|流程)")
_KEPT = ("agenda", "participants", "goals")
_PARKED = re.compile(
    r"(?i)\bif time (?:permits|allows)\b|\btime permitting\b|\bparking lot\b|^parked\b"
    r"|\b(?:topics?|items?|points?)\s+deferred\b|^deferred\s+(?:topics?|items?|points?|till|until|to)\b"
    r"|^backlog(?:\s+(?:topics?|items?))?\s*$|\bto be scheduled\b|\bunscheduled\b|\bnot scheduled\b"
    r"|备选|待定议题|待定事项|(?:暂缓|延后)(?:议题|事项|讨论)|如有时间|时间允许"
)
_NOTES = {
    "minutes",
    "meeting minutes",
    "minutes of the meeting",
    "notes",
    "meeting notes",
    "notes from the meeting",
    "会议纪要",
    "纪要",
    "会议记录",
    "会议笔记",
}
_LISTS = ("bullet_list", "ordered_list")


def _key(text: str) -> str:
    text = re.sub(r"^[^\w\u4e00-\u9fff(（]+", "", text)  # a leading emoji: ``👤参会人``
    key = norm_key(re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", strip_enum(text)))
    return re.sub(r"^(?:\d+(?:\.\d+)*|[ivx]+)[.)]?\s+", "", key)


def section_kind(text: str) -> str | None:
    """The section a heading names: agenda, participants, goals exactly, parked or notes
    (see the module notes), or None."""
    if _PARKED.search(text):
        return "parked"
    key = _key(text)
    if key in _NOTES:
        return "notes"
    return next((kind for kind, names in SECTIONS.items() if key in names), None)


def names_agenda(text: str) -> bool:
    """Does a heading name the agenda by a word in it (see the module notes)?"""
    if slot_at_start(text) is not None or parse_line(text).minutes is not None:
        return False
    key = _key(text)
    return bool(_WORD_AT_END.search(key) or _WORD_AT_START.match(key) or _ZH_WORD.search(key))


@dataclass
class Section:
    kind: str  # preamble, other, agenda, participants, goals, parked
    level: int
    blocks: list[SyntaxTreeNode] = field(default_factory=list)
    strict: bool = False  # an agenda by a word in its heading, or by continuing the agenda
    notes: bool = False  # the minutes or notes of the meeting: never continues the agenda
    inverted: bool = False  # its item headings are shallower than its own heading
    after_list: bool = False
    # What the blocks so far hold (see ``_after_the_list``): up to ``scanned``.
    scanned: int = 0
    listed: bool = False
    headed: bool = False  # a subheading after the agenda's list (continues it when timed)


@dataclass
class Outline:
    sections: list[Section]
    first_h1: str = ""  # the first level-1 heading
    first_plain: str = ""  # the first heading, when it names no section
    first_any: str = ""  # the first heading


def heading_text(node: SyntaxTreeNode) -> str:
    return " ".join(ln.text for ln in block_lines(node)).strip()


def outline(nodes: list[SyntaxTreeNode]) -> Outline:
    """Split the document's blocks into sections (see the module notes)."""
    out = Outline([Section("preamble", 0)])
    agenda: Section | None = None  # the agenda section a parked section interrupts
    for node in nodes:
        if node.type != "heading":
            out.sections[-1].blocks.append(node)
            continue
        heading, level = heading_text(node), heading_level(node)
        kind = section_kind(heading)
        first = not out.first_any
        current = out.sections[-1]
        if (
            kind is None
            and current.kind == "agenda"
            and level <= current.level
            and (current.inverted or not current.blocks)
        ):
            # ``## Agenda`` then ``# Budget review``: the items' headings sit above the agenda's.
            current.inverted, current.level = True, level - 1
            current.blocks.append(node)
            continue
        out.first_plain = out.first_plain or (heading if first and kind is None else "")
        out.first_any = out.first_any or heading
        out.first_h1 = out.first_h1 or (heading if level == 1 else "")
        if current.kind == "agenda":
            agenda = current
        inside = current.kind in _KEPT and level > current.level
        after_list = inside and current.kind == "agenda" and _after_the_list(current, heading)
        if after_list:
            inside = False  # ``### Schedule constraints`` under TC39's numbered agenda
        if kind == "notes":
            agenda = None
            out.sections.append(Section("other", level, notes=True))
        elif kind == "parked" and not first:
            out.sections.append(Section("parked", level))
        elif kind is None and current.kind == "parked" and level > current.level:
            current.blocks.append(node)
        elif kind is None and current.kind == "parked" and agenda is not None and level > agenda.level:
            section = Section("agenda", agenda.level, strict=agenda.strict)
            section.blocks.append(node)
            out.sections.append(section)
        elif kind is None and inside:
            current.blocks.append(node)
        elif kind is None and not first and names_agenda(heading):
            out.sections.append(Section("agenda", level, strict=True))
        else:
            agenda = None
            section = Section(kind if kind in _KEPT else "other", level, after_list=after_list)
            if kind is None and not first:
                section.blocks.append(node)
            out.sections.append(section)
    return out


def _after_the_list(agenda: Section, heading: str) -> bool:
    """Does an untimed heading come after the list or table that holds the agenda's
    items, with no heading between them (see the module notes)?"""
    if slot_at_start(heading) is not None or parse_line(heading).minutes is not None:
        return False
    # Scanned once, from where the last look stopped: long agendas are not read again and again.
    for block in agenda.blocks[agenda.scanned :]:
        agenda.headed = agenda.headed or block.type == "heading"
        agenda.listed = agenda.listed or block.type in _LISTS or block.type == "table"
    agenda.scanned = len(agenda.blocks)
    return agenda.listed and not agenda.headed


Probe = Callable[[list[SyntaxTreeNode]], list[Draft]]


def _timed(draft: Draft) -> bool:
    """Does an entry read as a timed agenda item (see the module notes)?"""
    if draft.start is None and draft.minutes is None:
        return False
    text = draft.source
    if parse_when(text).date is not None:
        return False  # a dated entry is an appointment, such as the next meeting
    pair = split_key(text)
    # "Duration: 2 hours" or "会议时长：2小时" describes the meeting, it is no item.
    return pair is None or (parse_box(pair[1]) is None and slot_full(pair[1]) is None)


def mark_continuations(sections: list[Section], probe: Probe) -> None:
    """Turn other sections that continue the agenda into (strict) agenda sections."""
    for before, section in zip(sections, sections[1:], strict=False):
        if section.kind != "other" or section.notes or before.kind != "agenda":
            continue
        if section.level != before.level and not section.after_list:
            continue
        drafts = probe(section.blocks)
        timed = sum(1 for d in drafts if _timed(d))
        if timed and timed * 2 >= len(drafts):
            section.kind, section.strict = "agenda", True


def outside_items(sections: list[Section], probe: Probe) -> list[Draft]:
    """Timed list items, table rows and headings outside the agenda sections."""
    found: list[Draft] = []
    for section in sections:
        if section.kind in ("preamble", "other"):
            blocks = [b for b in section.blocks if b.type in _LISTS + ("table", "heading")]
            found.extend(d for d in probe(blocks) if _timed(d))
    return found
