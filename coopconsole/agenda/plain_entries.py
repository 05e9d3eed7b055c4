"""Lines that shape the agenda without being items: day labels, session slots, ordinal
markers on their own line, placeholders, and two numbered entries run into one line.

* **Day labels**: a line, heading or list entry that only names a day (``Day 2``,
  ``Wednesday, 11th October``, ``Monday 3 December 2026``, ``第二天``, ``12月3日（周四）``)
  and carries no clock time. In a multi-day agenda it starts that day's items: it is no
  item itself, and the first item after it notes the day (see the importer).
* **Session slots**: a paragraph line with a time range followed right away by a list
  (``_10:00-11:30 Morning slot, Room 4_``) frames the entries of that list when they
  carry their own times or boxes, or when the line speaks of a slot (slot, session,
  block, morning, afternoon, evening, 上午, 下午, 晚上, 时段, 场次): the entries are the
  items, the first starting at the slot's start unless it says otherwise, and the
  slot's words are its first sub-point. Otherwise a timed line followed by a list is an
  item whose sub-points are that list (``[16:45-16:50] **Opening by chair**``).
* **Ordinal markers on their own line** (``1st``, ``2nd``, ``2(a)``, as some municipal
  codes are printed): when at least two of them stand alone, the line after each is an
  item.
* **Placeholders**: an entry that is only dots or dashes (``...``, ``…``, ``—``) is
  left for someone to fill: no item, reported.
* **Run-on numbers**: an entry numbered N whose text holds `` N+1. Something`` where the
  list skips N+1 (``15. Resolution ... Senate 16. New Business``) is two entries.
"""

from __future__ import annotations

import re

from coopconsole.agenda.item_line import parse_line

_WEEKDAY = r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_WORD = re.compile(
    rf"(?i)\b{_WEEKDAY}\b|\bday\s*\d+\b|第[一二三四五六七八九十\d]+天|周[一二三四五六日天]|星期[一二三四五六日天]"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
)
_DATE_PIECES = re.compile(
    rf"(?i)\b{_WEEKDAY}\b|\b{_MONTH}\b\.?|\bday\b|\bthe\b|\bof\b|\d+(?:st|nd|rd|th)?(?![A-Za-z])"
    r"|[第天周星期年月日号一二三四五六七八九十]"
)
_ORDINAL = re.compile(r"(?i)^\s*(?:\d{1,3}(?:st|nd|rd|th)|\d{1,3}\s*\([a-z]\))\s*[.:]?\s*$")
_PLACEHOLDER = re.compile(r"^[\s.…·\-–—_~]+$")
_SLOT_WORDS = re.compile(r"(?i)\b(?:slot|session|block|morning|afternoon|evening)\b|上午|下午|晚上|时段|场次")


def is_day_label(text: str) -> bool:
    """Does ``text`` only name a day (see the module notes)?"""
    text = text.strip()
    if not text or len(text) > 60 or not _DAY_WORD.search(text) or re.search(r"\d[:.：]\d\d", text):
        return False
    parsed = parse_line(text)
    if parsed.start is not None or parsed.minutes is not None:
        return False
    rest = _DATE_PIECES.sub(" ", text)
    return not re.sub(r"[\W_]+", "", rest)


def is_ordinal_marker(text: str) -> bool:
    return bool(_ORDINAL.match(text))


def is_placeholder_entry(text: str) -> bool:
    return bool(text.strip()) and bool(_PLACEHOLDER.match(text))


def speaks_of_a_slot(text: str) -> bool:
    return bool(_SLOT_WORDS.search(text))


def run_on(text: str, number: int) -> tuple[str, str] | None:
    """``text`` of entry ``number`` cut before `` number+1. Title``, or None."""
    m = re.search(rf"\s{number + 1}\.\s+(?=\S)", text)
    if m is None or not text[: m.start()].strip():
        return None
    return text[: m.start()].rstrip(), text[m.end() :].strip()
