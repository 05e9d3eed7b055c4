"""Documents without an agenda heading whose sections are what the meeting walks through.

Weekly committee notes are often written as one heading per topic (``## 项目进度``,
``## 未来规划``, ``## 后续行动``) under the title, with no agenda heading and no time
anywhere. Read loosely (lists and enumerated lines anywhere), such a document gives its
meeting-information list and link lines as items, which nobody would walk through.

Decision: when the document has no agenda section, its loose reading finds no entry with
a start or a time box, it holds three headings or more at one level below the title
that name no section, and the topics go deeper (one of them holds headings of its own:
``### 开源社官网`` under ``## 项目进度``), those headings are the items, one per heading, their bodies
(deeper headings included) their sub-points. Headings that describe the meeting rather
than a topic (``会议信息``, ``Meeting information``, ``Logistics``, ``Links``) are not
items; their ``Key: value`` lines are read as meeting details as usual. Leading emoji
and symbols do not hide a section's name (``👤参会人`` is the participants). Headings that
each hold only a list (``### Breakout A`` over its topics) keep the loose reading: the
entries are the items.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.drafts import Draft
from coopconsole.agenda.items import AgendaReader
from coopconsole.agenda.markdown_lines import heading_level, norm_key
from coopconsole.agenda.sections import Section, heading_text

_ABOUT_THE_MEETING = {
    "会议信息",
    "基本信息",
    "会议概况",
    "meeting information",
    "meeting info",
    "meeting details",
    "details",
    "logistics",
    "links",
    "resources",
    "info",
    "information",
}


def _describes_meeting(text: str) -> bool:
    return norm_key(re.sub(r"^[^\w\u4e00-\u9fff]+", "", text)) in _ABOUT_THE_MEETING


def section_items(sections: list[Section], reader: AgendaReader, loose: list[Draft]) -> list[Draft] | None:
    """The items of a document walked section by section, or None (see the module notes)."""
    if any(d.start is not None or d.minutes is not None for d in loose):
        return None
    tops = [s for s in sections if s.kind == "other" and s.blocks and s.blocks[0].type == "heading"]
    if not tops:
        return None
    level = min(heading_level(s.blocks[0]) for s in tops)
    heads = [s for s in tops if heading_level(s.blocks[0]) == level]
    walked = [s for s in heads if not _describes_meeting(heading_text(s.blocks[0]))]
    if len(walked) < 3:
        return None
    bodies: list[tuple[SyntaxTreeNode, list[SyntaxTreeNode]]] = []
    for n, section in enumerate(sections):
        if section not in walked:
            continue
        body: list[SyntaxTreeNode] = list(section.blocks[1:])
        for later in sections[n + 1 :]:
            if later.level <= level and later.kind != "preamble":
                break
            body.extend(later.blocks)
        bodies.append((section.blocks[0], body))
    if not any(b.type == "heading" for _, body in bodies for b in body):
        return None  # one list of topics per heading (breakouts, sessions): the entries are the items
    drafts = [reader.heading_item(heading, body) for heading, body in bodies]
    return [d for d in drafts if d is not None]
