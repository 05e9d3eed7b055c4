"""Clock times, dates and time boxes as people write them in agendas.

Clock times: ``09:00``, ``9:00``, ``9.15``, ``09：00`` (full-width colon), ``9:00 am``,
``2 pm``, ``9点``, ``9点30分``, ``9点半``, ``上午9:00``/``下午2:00``. A range joins two
clock times with ``-``, ``–``, ``—``, ``~``, ``～``, ``to``, ``至`` or ``到``. Hours above
23 or minutes above 59 are not times; callers report them. am/pm on the end only
(``9:00 – 9:30 AM``, ``1:30 - 2:30 pm``) says the half of the day of both. A range
without am/pm whose end comes before its start but fits after noon ends after noon
(``12:00-1:00``, ``11:30-1:15``).

Time boxes: ``15 min``/``15m``/``15 mins``/``15 minutes``, ``1h``, ``1 h``, ``1h30``,
``1h 30m``, ``1 hour 30 minutes``, ``1.5 hours`` (a comma decimal works too), ``¼ hr``,
``½ hr``, ``¾ hour``, ``1½ hours``, ``half an hour``, ``an hour``, ``15分钟``, ``1小时``,
``1小时30分钟``, ``半小时``, ``一个半小时``, ``1.5小时``, ``一刻钟``, ``10'`` (a prime after
the minutes, as timetables write them), ``1+ hour?`` (open-ended: its number). A range
such as ``30-60 min`` or ``½–1 hr`` takes its lower end (the planned box; the upper end
is slack), except a range from nought (``0-2 min``), which takes its upper end. A leading
``~``, ``约``, ``approx.``, ``ca.`` or ``up to`` and a trailing ``total``/``in total``/
``共计``/``合计`` (a group's box: ``5 min total``) are ignored. In a duration column
(``bare=True``) a bare number is minutes, ``15分`` is minutes and ``h:mm`` such as
``0:15``, ``0:20`` or ``1:30`` is hours and minutes. Fractional minutes are rounded to the nearest minute.

Dates: ``2026-12-01`` (also ``/`` or ``.``), ``2026年12月1日``, ``Dec 1, 2026``,
``December 1 2026``, ``1 December 2026``, ``1st Dec 2026``; a weekday written next to
the date is ignored. A date without a year is not read (the importer reports it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

_CLOCK = (
    r"(?:(?:上午|下午|晚上|中午|早上)\s*)?"
    r"(?:\d{1,2}\s*[:：]\s*\d{2}(?!\d)|\d{1,2}\.\d{2}(?![\d.])(?!\s*(?:h|hr|hour|小时|min|分))"
    r"|\d{1,2}\s*[点時时](?:\s*(?:半|\d{1,2}\s*分?))?)"
    r"(?:\s*[AaPp]\.?\s?[Mm]\.?(?![A-Za-z]))?"
    r"|\d{1,2}\s*[AaPp]\.?[Mm]\.?(?![A-Za-z])"
)
#: Time zones written after a clock time: ``UTC``, ``GMT+8``, ``CET``, ``EDT``, ``AEST``...
ZONE = (
    r"(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
    r"|(?:[ECMPA]K?[SD]T|AE[SD]T|AC[SD]T|AWST|NZ[SD]T|[WCE]ES?T|BST|IST|JST|KST|HKT|SGT|HST|BRT|ART|MSK)(?![A-Za-z])"
)
_RANGE_SEP = r"\s*(?:-{1,2}|–|—|~|～|\bto\b|\buntil\b|至|到)\s*"
#: A clock time or a range of two; groups ``a`` and ``b``.
RANGE = rf"(?P<a>{_CLOCK})(?:{_RANGE_SEP}(?P<b>{_CLOCK}))?"
RANGE_RE = re.compile(RANGE, re.IGNORECASE)
_CLOCK_PARTS = re.compile(
    r"^(?P<ap1>上午|下午|晚上|中午|早上)?\s*(?P<h>\d{1,2})"
    r"(?:\s*(?:[:：.]|[点時时])\s*(?P<m>\d{1,2}|半)?\s*分?)?\s*(?P<ap2>[AaPp])?",
)

_NUM = r"\d+(?:[.,]\d+)?"
_HOUR_UNIT = r"(?:hours|hour|hrs|hr|h)(?![A-Za-z])"
_MIN_UNIT = r"(?:minutes|minute|mins|min|mn|m)(?![A-Za-z])"
_ZH_QTY = r"一个半|两个半|半|一|两|二|三|四"
_FRACTION = "¼½¾"
_BOX = (
    rf"(?:(?P<hlo>{_NUM}\s*[{_FRACTION}]?|[{_FRACTION}])\s*(?:-|–|—|~|～|to)\s*)?"
    rf"(?P<hq>{_NUM}\s*[{_FRACTION}]?|[{_FRACTION}]|(?:half\s+an?|an?|one)(?=[\s-]))\+?\s*-?\s*{_HOUR_UNIT}"
    rf"(?:\s*(?:and\s+)?(?P<hm>\d{{1,2}})\s*(?:{_MIN_UNIT})?)?"
    rf"|(?:(?P<mlo>{_NUM})\s*(?:-|–|—|~|～|to)\s*)?(?P<mq>{_NUM})\+?\s*-?\s*{_MIN_UNIT}"
    rf"|(?:(?P<zlo>{_NUM})\s*(?:-|–|—|~|～|至|到)\s*)?(?P<zq>{_NUM}|{_ZH_QTY})\s*个?\s*(?:小时|钟头)"
    rf"(?:\s*(?P<zm>\d{{1,2}})\s*分钟?)?"
    rf"|(?:(?P<zmlo>{_NUM})\s*(?:-|–|—|~|～|至|到)\s*)?(?P<zmin>{_NUM})\s*分钟"
    rf"|(?P<quarter>一刻钟)"
    rf"|(?P<prime>\d{{1,3}})\s?['’′](?![\w'’′\"])"  # 10' (minutes, as timetables write them)
)
BOX_RE = re.compile(rf"(?<![A-Za-z0-9.,]){_BOX}", re.IGNORECASE)
_BOX_FULL = re.compile(
    rf"^(?:~|约|大约|approx\.?|approximately|ca\.?|about|up\s+to)?\s*(?:{_BOX})\s*(?:total|in\s+total|overall|共计?|合计)?\s*\??$",
    re.IGNORECASE,
)
_ZH_NUMBERS = {"一个半": 1.5, "两个半": 2.5, "半": 0.5, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4}
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_RES = [
    re.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<mo>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<mo>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
]
_DATE_HINT = re.compile(
    rf"\d{{1,4}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*\d{{1,4}}|\d{{1,2}}\s*月\s*\d{{1,2}}|\b{_MONTH}\s+\d", re.I
)


def parse_clock(text: str) -> time | None:
    """One clock time (see the module notes), or None when it is not a valid time."""
    m = _CLOCK_PARTS.match(text.strip())
    if not m:
        return None
    hour = int(m.group("h"))
    minute_text = m.group("m")
    minute = 30 if minute_text == "半" else int(minute_text or 0)
    marker = m.group("ap1") or (m.group("ap2") or "").lower()
    if marker in ("p", "下午", "晚上") and hour < 12:
        hour += 12
    elif marker == "中午" and hour < 6:
        hour += 12
    elif marker == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


@dataclass(frozen=True)
class Slot:
    """A clock time or range as found in a piece of text."""

    start: time | None  # None: looked like a time but is not one (e.g. 25:00)
    end: time | None
    text: str
    span: tuple[int, int]

    @property
    def minutes(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        diff = (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)
        return diff if diff > 0 else None


def _slot(m: re.Match[str], offset: int = 0) -> Slot:
    a, b = m.group("a"), m.group("b")
    start = parse_clock(a)
    end = parse_clock(b) if b else None
    if (
        b
        and end is not None
        and start is not None
        and re.search(r"(?i)p\.?\s?m", b)
        and not re.search(r"(?i)[ap]\.?\s?m|上午|下午|晚上|中午", a)
    ):
        if start.hour + 12 <= end.hour:
            start = time(start.hour + 12, start.minute)
    elif b and end is not None and start is not None and end < start and end.hour < 12 and not _marked(a + b):
        # 12:00-1:00, 11:30-1:15: a 12-hour clock without am/pm; the end is after noon
        later = time(end.hour + 12, end.minute)
        end = later if later > start else end
    if b and end is None:
        start = None
    return Slot(start, end, m.group(0), (m.start() + offset, m.end() + offset))


def _marked(text: str) -> bool:
    """Does a clock time say which half of the day it is in (am/pm, 上午/下午...)?"""
    return bool(re.search(r"(?i)\d\s*[ap]\.?\s?m|上午|下午|晚上|中午|早上", text))


def slot_at_start(text: str) -> Slot | None:
    """A clock time or range at the very start of ``text`` (optionally in brackets)."""
    m = re.match(rf"^\s*[\[(（【]?\s*(?:{RANGE})\s*[\])）】]?", text, re.IGNORECASE)
    if not m:
        return None
    return _slot(m)


def slot_full(text: str) -> Slot | None:
    """A clock time or range making up the whole of ``text``."""
    m = re.match(rf"^\s*(?:{RANGE})\s*$", text, re.IGNORECASE)
    return _slot(m) if m else None


def range_at_end(text: str) -> Slot | None:
    """A clock *range* (not a single time) at the end of ``text``."""
    for m in RANGE_RE.finditer(text):
        if m.group("b") and not text[m.end() :].strip(" \t)）]】,，;；.。"):
            return _slot(m)
    return None


def find_slot(text: str) -> Slot | None:
    m = RANGE_RE.search(text)
    return _slot(m) if m else None


def _num(text: str) -> float:
    text = text.replace(" ", "").replace(",", ".")
    if text in _ZH_NUMBERS:
        return float(_ZH_NUMBERS[text])
    fraction = {"¼": 0.25, "½": 0.5, "¾": 0.75}.get(text[-1:], 0.0)
    text = text.rstrip(_FRACTION)
    low = text.lower()
    if low.startswith("half"):
        return 0.5
    if low in ("a", "an", "one"):
        return 1.0
    return (float(text) if text else 0.0) + fraction


def _low(low: str | None) -> str | None:
    """The lower end of a box range, or None when there is none or it is nought (``0-2 min``
    plans up to two minutes: the upper end is the box)."""
    return low if low is not None and _num(low) > 0 else None


def box_minutes(m: re.Match[str]) -> int:
    if m.group("quarter"):
        return 15
    if m.group("prime") is not None:
        return int(m.group("prime"))
    if m.group("hq") is not None:
        low = _low(m.group("hlo"))
        hours = _num(low or m.group("hq"))
        extra = int(m.group("hm")) if m.group("hm") and not low else 0
        return round(hours * 60 + extra)
    if m.group("mq") is not None:
        return round(_num(_low(m.group("mlo")) or m.group("mq")))
    if m.group("zq") is not None:
        low = _low(m.group("zlo"))
        hours = _num(low or m.group("zq"))
        extra = int(m.group("zm")) if m.group("zm") and not low else 0
        return round(hours * 60 + extra)
    return round(_num(_low(m.group("zmlo")) or m.group("zmin")))


def parse_box(text: str, *, bare: bool = False) -> int | None:
    """A time box making up the whole of ``text``, in minutes (see the module notes)."""
    text = text.strip()
    if not text:
        return None
    m = _BOX_FULL.match(text)
    if m:
        return box_minutes(m)
    if bare:
        if re.fullmatch(r"(?:~|约)?\s*\d+(?:[.,]\d+)?\s*(?:分|')?", text):
            return round(_num(re.sub(r"[^\d.,]", "", text)))
        hm = re.fullmatch(r"(\d{1,2})\s*[:：]\s*(\d{2})", text)
        if hm and int(hm.group(2)) < 60:
            return int(hm.group(1)) * 60 + int(hm.group(2))
    return None


def find_box(text: str) -> tuple[int, tuple[int, int]] | None:
    """The first time box inside ``text``: minutes and the span it covers."""
    m = BOX_RE.search(text)
    if not m:
        return None
    return box_minutes(m), m.span()


_TOTAL = re.compile(r"(?i)^\s*(?:total|in\s+total|overall|共计?|合计)\b")


def box_at_end(text: str) -> tuple[int, int] | None:
    """A time box at the end of ``text`` after a space or comma: minutes and where it starts."""
    for m in BOX_RE.finditer(text):
        rest = _TOTAL.sub("", text[m.end() :]).strip(" \t.。")
        before = text[: m.start()]
        chinese = m.group("zq") is not None or m.group("zmin") is not None
        joins = not before or before[-1] in " \t,，;；:：" or before.endswith(("约", "~"))
        if not rest and (joins or (chinese and "\u4e00" <= before[-1] <= "\u9fff")):
            cut = len(before.rstrip(" \t~约"))
            return box_minutes(m), cut
    return None


@dataclass(frozen=True)
class When:
    """What a ``Date:``/``Time:`` value says."""

    date: date | None = None
    start: time | None = None
    end: time | None = None
    bad_date: bool = False  # something date-like that is not a valid date


def parse_when(text: str) -> When:
    """Read a date, an optional start time and an optional end time from one value."""
    found: date | None = None
    bad = False
    rest = text
    for pattern in _DATE_RES:
        m = pattern.search(text)
        if not m:
            continue
        month = int(m.group("mo")) if "mo" in m.groupdict() and m.group("mo") else None
        if month is None:
            month = _MONTHS.get(m.group("mon").lower().rstrip("."), 0)
        try:
            found = date(int(m.group("y")), month, int(m.group("d")))
        except ValueError:
            bad = True
        rest = text[: m.start()] + " " + text[m.end() :]
        break
    else:
        bad = bool(_DATE_HINT.search(text))
    start = end = None
    slot = find_slot(rest)
    if slot is not None:
        start, end = slot.start, slot.end
    return When(found, start, end, bad)
