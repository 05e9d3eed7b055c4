"""Lines that say when and where the meeting is, written as a line of their own.

Agendas often open with the meeting's date and start on a line without a key, and such a
line is not an agenda item:

* a full date (with its year), optionally a weekday, a start time or range and a few
  words that only say "this is the meeting" (``Agenda``, ``Meeting of``, ``Regular``,
  ``会议``...): ``Agenda - September 11, 2017 - 3:05pm``, ``MONDAY, SEPTEMBER 10, 2007,
  3:15 P.M.``, ``Meeting of October 12, 2006``, ``10:00 to 15:00 MST (America/Denver) on
  2 December 2024`` (a time zone is passed over: times are taken as written);
* a start time with am/pm, a dash and a place that ends in a place word (``Hall``,
  ``Room``, ``Building``, ``会议室``...): ``3:30 p.m. – 325 Graff Main Hall``;
* the start in prose, a time followed by "the meeting opens": ``9:00正式开会``,
  ``9:00开会`` (a registration time, ``8:45报到``, is not the start).

Anything else on the line (a title, a topic) means it is not such a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopconsole.agenda.durations import RANGE, ZONE, When, find_slot, parse_when, slot_at_start

_FILLER = set(
    """
    agenda meeting of on at held regular special the date time schedule and to from until
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    议程 会议 日期 时间 上午 下午 晚上 中午 早上
    星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 周一 周二 周三 周四 周五 周六 周日
    """.split()
)
_PLACE_WORDS = (
    r"hall|room|rm|building|bldg|centre|center|auditorium|library|suite|floor|chambers?|lounge|"
    r"theat(?:re|er)|campus|office"
)
_PLACE = re.compile(
    rf"(?:\d+[A-Za-z]?\s+)?(?:[A-Z][\w.'’&-]*\s+){{0,5}}(?i:{_PLACE_WORDS})(?:\s+\d+[A-Za-z]?)?"
    r"|[\u4e00-\u9fff\w]{1,20}(?:会议室|报告厅|礼堂|大厅|厅|室)"
)
# Time zones: "MST", "UTC+8", "(America/Denver)".
_ZONES = re.compile(rf"\b(?:{ZONE})|\(\s*[A-Za-z_]+/[A-Za-z_/]+\s*\)")
_OPENS = re.compile(rf"(?P<t>{RANGE})\s*(?:正式)?(?:开会|召开会议)")


#: Keys of a line that gives the meeting's date, start or both (``Date:``, ``Start Time :``,
#: ``Schedule: every Monday 10:30-11:00am``, ``会议时间：``).
WHEN_KEYS = frozenset(
    {"date", "time", "times", "when", "date and time", "date & time", "dates and times", "start", "start time"}
    | {"schedule", "日期", "时间", "会议时间", "日期时间", "开始时间"}
)


@dataclass(frozen=True)
class Header:
    """What a meeting header line says."""

    when: When
    place: str = ""


@lru_cache(maxsize=2048)  # asked of every line, several times per reading
def header_line(text: str) -> Header | None:
    """The date, start and place a line of its own gives (see the module notes), or None."""
    text = text.strip()
    if not text or len(text) > 200:
        return None
    when = parse_when(text)
    if when.date is not None:
        rest = re.sub(r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\b|\b\d{4}\b|[ap]\.?\s?m\.?", " ", _without_date(text))
        rest = _ZONES.sub(" ", rest)
        words = re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]+", rest)
        if all(w.lower() in _FILLER for w in words):
            return Header(when)
        return None
    slot = slot_at_start(text)
    if slot is not None and slot.start is not None and re.search(r"(?i)[ap]\.?\s?m", slot.text):
        rest = text[slot.span[1] :].strip()
        dash = re.match(r"(?:-{1,2}|–|—|,|，)\s*(.+)", rest)
        if dash and _PLACE.fullmatch(dash.group(1).strip(" .。")):
            return Header(When(None, slot.start, slot.end), dash.group(1).strip(" .。"))
        return None
    opens = _OPENS.search(text)
    if opens:
        found = find_slot(opens.group("t"))
        if found is not None and found.start is not None:
            return Header(When(None, found.start, None))
    return None


def _without_date(text: str) -> str:
    """``text`` with its first date taken out (the date itself is read by ``parse_when``)."""
    return re.sub(
        r"(?i)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]+\.?,?\s+\d{4}",
        " ",
        text,
        count=1,
    )
