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
  ``9:00开会`` (a registration time, ``8:45报到``, is not the start);
* the date in a notice's prose, ``定于2009年12月29日(星期二)上午召开…``: it is the meeting's
  date even when a bare date line came first (there, usually the date of publication).

Only lines before the agenda count: a date line in a section after it (``## Next meeting``)
is another meeting's.

Anything else on the line (a title, a topic) means it is not such a line.

In a Chinese notice the parts are numbered ``一、会议议程``, ``二、参加会议人员``, ``三、会议时间、
地点``: a line numbered with a Chinese numeral whose words all name a part of the notice
(:func:`notice_label`) labels the part; it is not an item. ``其他事项`` is not among those
words: it is an item of its own (``5、其他事项``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from typing import Protocol

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
# A notice's convening date: "定于2009年12月29日(星期二)上午召开".
_CONVENES = re.compile(
    r"(?:兹?定于|将于|拟于)\s*(?P<d>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。；;]*?(?:召开|举行)"
)
_OPENS = re.compile(rf"(?P<t>{RANGE})\s*(?:正式)?(?:开会|召开会议)")


_NOTICE_PARTS = set(
    """
    会议议程 议程 会议日程 日程 议程安排 日程安排 会议内容 参加会议人员 参会人员 出席人员 参加人员
    与会人员 参会范围 出席范围 会议时间 时间 会议地点 地点 时间地点 会议时间地点 报名方式 联系方式
    联系人 会议要求 有关要求 注意事项
    """.split()
)
_NOTICE_LABEL = re.compile(r"\s*[一二三四五六七八九十]+\s*[、.．]\s*(?P<words>[^。；;]+?)\s*[：:。]?\s*")


def notice_label(text: str) -> bool:
    """Is ``text`` the label of a part of a Chinese notice (``一、会议议程``, ``三、会议时间、地点``)?"""
    m = _NOTICE_LABEL.fullmatch(text)
    if m is None:
        return False
    words = [w for w in re.split(r"\s*[、，,和及与]\s*", m.group("words")) if w]
    return bool(words) and all(w in _NOTICE_PARTS for w in words)


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
    firm: bool = False  # the date is written as the meeting's ("定于…召开"), not a bare date line


class Details(Protocol):
    """The meeting details a header line fills (the importer's)."""

    date: date | None
    start: time | None
    end: time | None
    location: str
    headers: bool  # False in a section after the agenda
    weak_date: bool  # the date is a bare date line's


def take_header(details: Details, text: str) -> None:
    """Fill ``details`` from a header line: the first value of each wins, except that a
    notice's convening date replaces a bare date line's."""
    header = header_line(text) if details.headers else None
    if header is None:
        return
    if header.when.date is not None and (details.date is None or (header.firm and details.weak_date)):
        details.date, details.weak_date = header.when.date, not header.firm
    details.start = details.start or header.when.start
    details.end = details.end or header.when.end
    details.location = details.location or header.place


@lru_cache(maxsize=2048)  # asked of every line, several times per reading
def header_line(text: str) -> Header | None:
    """The date, start and place a line of its own gives (see the module notes), or None."""
    text = text.strip()
    if not text or len(text) > 200:
        return None
    convenes = _CONVENES.search(text)
    if convenes:
        convened = parse_when(convenes.group("d")).date
        if convened is not None:
            return Header(When(convened), firm=True)
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
            place = re.search(r"地点\s*[:：]\s*([^。；;]+)", text)  # "…9:00正式开会。地点：市政协11楼会议室。"
            return Header(When(None, found.start, None), place.group(1).strip() if place else "")
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
