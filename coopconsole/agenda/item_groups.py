"""Headings inside the agenda that group items rather than being items themselves.

A heading under the agenda heading is an item with its body as sub-points, unless it is a
*group heading*: it carries no start, time box or ``Owner:``-style line itself, and its
body holds a table, a deeper heading, or list entries of which at least half read as
items of their own. An entry reads as an item when it carries a start or a time box, when
it ends with presenters in round brackets (``Appeal Review (Roman)``, ``(Med/Gunter)``),
or, in a list of three entries or more, when it has notes of its own (nested bullets or
a second line, as issue lists under ``### openjs-foundation/cross-project-council``)
that are not only links. An entry that is only a link (``[Slides](…)``) is reference
material of the heading, never an item of its own.
Category headings (``### Administrivia``, ``## Opening`` under ``# Agenda Items:``) are
then labels and their entries are the items.

An empty heading among sibling group headings (``### WG News`` with nothing under it,
beside ``### Administrivia`` and ``### Executive Sessions`` holding the items) is a
category that nobody filled: it is no item, and it is reported. When at least one
non-empty sibling is an item heading, empty siblings stay items (``### Q&A, Other``).
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.item_line import BOX_KEYS, OWNER_KEYS, TIME_KEYS, parse_line
from coopconsole.agenda.markdown_lines import block_lines, heading_level, own_lines, split_key
from coopconsole.agenda.person_names import looks_like_names

_LISTS = ("bullet_list", "ordered_list")
_PRESENTERS = re.compile(r"[(（]([^()（）]+)[)）]\s*$")


def _is_field(text: str) -> bool:
    pair = split_key(text)
    return pair is not None and pair[0] in OWNER_KEYS | BOX_KEYS | TIME_KEYS


def _presenters(text: str) -> bool:
    """Does a line end with presenters in round brackets (``(Med/Gunter)``)?"""
    m = _PRESENTERS.search(text)
    if m is None:
        return False
    names = [n.strip() for n in re.split(r"[/,，&、]| and ", m.group(1)) if n.strip()]
    return bool(names) and all(looks_like_names(n) and n[:1].isupper() for n in names)


def _reads_as_item(li: SyntaxTreeNode, many: bool) -> bool:
    lines, nested = own_lines(li)
    if not lines or _is_field(lines[0].text):
        return False  # ``- Time: 09:45`` under a heading is the heading's own field
    parsed = parse_line(lines[0].text)
    if not parsed.title:
        return False  # ``- 15 min``: the heading's box
    if parsed.start is not None or parsed.minutes is not None or _presenters(lines[0].text):
        return True
    if not many or _reference(li):
        return False
    notes = [c for lst in nested for c in lst.children]
    return len(lines) > 1 or (bool(notes) and not all(_reference(c) for c in notes))


_URL = re.compile(r"^\s*(?:[^:：]{1,40}[:：]\s*)?(?:https?://|www\.)\S+\s*$")


def _reference(li: SyntaxTreeNode) -> bool:
    """Is a list entry only a link (``[Slides](…)``, ``Spec: https://…``), reference
    material rather than a topic?"""
    para = next((c for c in li.children if c.type == "paragraph"), None)
    inline = next((c for c in para.children if c.type == "inline"), None) if para else None
    if inline is None:
        return False
    kids = [k for k in inline.children if not (k.type == "text" and not k.content.strip(" \t,;:-–—|"))]
    if kids and all(k.type == "link" for k in kids):
        return True
    return bool(_URL.match(" ".join(ln.text for ln in own_lines(li)[0])))


def heading_is_timed(heading: SyntaxTreeNode) -> bool:
    parsed = parse_line(" ".join(ln.text for ln in block_lines(heading)))
    return parsed.start is not None or parsed.minutes is not None or bool(parsed.bad)


def is_group(heading: SyntaxTreeNode, body: list[SyntaxTreeNode]) -> bool:
    """Is ``heading`` (with ``body``, the blocks up to the next heading as deep) a group
    heading (see the module notes)?"""
    if heading_is_timed(heading):
        return False
    for node in body:
        if node.type == "paragraph" and any(_is_field(ln.text) for ln in block_lines(node)):
            return False
    if any(node.type in ("table", "heading") for node in body):
        return True
    entries = [li for node in body if node.type in _LISTS for li in node.children]
    many = len(entries) >= 3
    signals = sum(1 for li in entries if _reads_as_item(li, many))
    return bool(signals) and signals * 2 >= len(entries)


def sections_of(blocks: list[SyntaxTreeNode], start: int) -> list[tuple[int, int]]:
    """``(heading index, end index)`` of the headings at the level of ``blocks[start]``
    from there to the first shallower heading."""
    level = heading_level(blocks[start])
    found: list[tuple[int, int]] = []
    i = start
    while i < len(blocks):
        node = blocks[i]
        if node.type == "heading" and heading_level(node) < level:
            break
        if node.type == "heading" and heading_level(node) == level:
            j = i + 1
            while j < len(blocks) and not (blocks[j].type == "heading" and heading_level(blocks[j]) <= level):
                j += 1
            found.append((i, j))
            i = j
        else:
            i += 1
    return found


def empty_labels(blocks: list[SyntaxTreeNode]) -> set[int]:
    """Indexes of the empty headings among sibling group headings (see the module notes)."""
    labels: set[int] = set()
    done: set[int] = set()
    for i, node in enumerate(blocks):
        if node.type != "heading" or i in done:
            continue
        siblings = sections_of(blocks, i)
        done.update(h for h, _ in siblings)
        empty = [h for h, end in siblings if end == h + 1 and not heading_is_timed(blocks[h])]
        full = [(h, end) for h, end in siblings if end > h + 1]
        if empty and full and all(is_group(blocks[h], blocks[h + 1 : end]) for h, end in full):
            labels.update(empty)
    return labels
