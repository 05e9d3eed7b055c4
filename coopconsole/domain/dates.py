"""Date expressions as a note-taker types them, in English and Chinese.

Every expression is resolved against ``today`` (the date of capture); nothing reads the
clock. Decisions:

* Month-day without a year (``12-08``, ``Dec 8``, ``12月8日``) means this year if that day
  is not before today, otherwise next year. If the day does not exist in that year
  (Feb 29) the next year in which it exists is used; a day no year has is an error.
  An explicit year is kept as written, even when it is in the past.
* A bare weekday (``Friday``, ``fri``, ``周五``, ``coming Friday``) is the next such day
  after today; today itself is excluded. Weeks start on Monday. ``next Friday`` /
  ``下周五`` / ``下个星期五`` is the Friday of next calendar week, ``下下周五`` the one
  after; ``this Friday`` / ``本周五`` / ``这周五`` is the Friday of the current week, which
  may already be past (the SMART check then flags it).
* ``next week`` / ``下周`` is the Friday of next week and ``this week`` / ``本周`` /
  ``end of week`` the Friday of this week: a deadline names the last acceptable day,
  and "next week" means "by the end of next working week".
* ``X内`` / ``within X`` / ``in X`` is today + X. Months add calendar months (day
  clamped to the month's end); business/working days (``工作日``) skip Saturdays and
  Sundays. ``3月内`` is *not* read as "within 3 months" (it could mean "within March"):
  months need ``个`` (``3个月内``).
* ``月底`` / ``end of month``: last day of this month (``下月底``: of next month; ``12月底``:
  of December, this year unless past); ``年底`` / ``end of year``: 31 December.
* Chinese numerals (一二两三四五六七八九十, up to 99) only in relative forms; counts have at
  most three digits. ``12/08`` is month first; ``12/08/2026`` and ``March`` are not dates.
* Full-width characters (``１２月８日``, ``截止：``) read as ASCII, Unicode spaces and
  control characters as spaces; string offsets stay unchanged.

:func:`find_deadline` looks for a deadline *phrase*: a keyword (``by``, ``before``,
``due``, ``due by/on``, ``deadline``, ``ddl``, ``no later than``, ``截止``, ``截止日期``,
``截止时间``) followed by a date; a date followed by ``前``/``之前``/``内`` (optionally
preceded by ``在``/``于``); or a self-contained relative form (``两周内``, ``within 2
weeks``, ``in 3 days``). The leftmost phrase wins; later ones stay in the text. The whole
text is still scanned and a malformed phrase anywhere raises :class:`DateError`:
``by``/``before``/``deadline`` followed by something date-like that is not a valid date
(``by Feb 30``, ``by 12/08/2026``), and ``due``/``截止`` followed by anything that is not
a date. ``due to``, ``due diligence``, ``due process``, ``due care`` and ``截止目前`` /
``截止现在`` are ordinary language, not deadlines.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

ACCEPTED_FORMS = (
    "2026-12-08, 2026/12/08, 12-08, 12/08, Dec 8, 8 Dec, December 8 2026, "
    "2026年12月8日, 12月8日, Friday, fri, 周五, 星期五, next Friday, 下周五, 本周五, "
    "today, tomorrow, 今天, 明天, 后天, +3d, 2w, in 3 days, within 2 weeks, 两周内, "
    "3天内, 一个月内, next week, end of month, 月底"
)


class DateError(ValueError):
    """A date expression could not be read; ``message`` says why and what is accepted."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DeadlineMatch:
    deadline: date
    start: int  # span of the whole phrase, keyword included: text[start:end]
    end: int


def _fail(raw: str, reason: str = "") -> DateError:
    what = f"is not a valid date: {reason}" if reason else "is not a date I can read."
    return DateError(f"'{raw.strip()}' {what} Accepted forms: {ACCEPTED_FORMS}.")


def fold(text: str) -> str:
    """Full-width ASCII to ASCII, spaces and control characters to ' '; same length."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        elif ch.isspace() or unicodedata.category(ch) in ("Cc", "Zs", "Zl", "Zp"):
            ch = " "
        out.append(ch)
    return "".join(out)


_MONTH_NAMES = ("January February March April May June July August September October November "
                "December").split()
_MONTHS = {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAYS = {name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_CN_WEEKDAYS = {c: i for i, c in enumerate("一二三四五六")} | {"日": 6, "天": 6}
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_EN_NUMBERS = {"a": 1, "an": 1} | {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def _count(token: str) -> int:
    token = token.lower()
    if token.isascii() and token.isdigit():
        return int(token)
    if token in _EN_NUMBERS:
        return _EN_NUMBERS[token]
    if "十" in token:
        tens, _, ones = token.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS[token]


def _month(m: int, raw: str) -> int:
    if not 1 <= m <= 12:
        raise _fail(raw, f"there is no month {m}.")
    return m


def _make(y: int, m: int, d: int, raw: str) -> date:
    _month(m, raw)
    try:
        return date(y, m, d)
    except ValueError:
        raise _fail(raw, f"{_MONTH_NAMES[m - 1]} has no day {d} in {y}.") from None


def _upcoming(m: int, d: int, raw: str, today: date) -> date:
    for year in range(today.year, today.year + 5 if _month(m, raw) else 0):
        try:
            candidate = date(year, m, d)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise _fail(raw, f"{_MONTH_NAMES[m - 1]} has no day {d}.")


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: date, n: int) -> date:
    y, m = divmod(day.month - 1 + n, 12)
    return min(date(day.year + y, m + 1, 1) + timedelta(days=day.day - 1),
               _month_end(date(day.year + y, m + 1, 1)))


def _add_workdays(day: date, n: int) -> date:
    while n > 0:
        day += timedelta(days=1)
        n -= day.weekday() < 5
    return day


def _monday(today: date) -> date:
    return today - timedelta(days=today.weekday())


def _r_day(m: re.Match[str], t: date) -> date:
    g = m.groupdict()
    month = _MONTHS[g["mon"][:3].lower()] if g.get("mon") else int(g["m"])
    if g.get("y"):
        return _make(int(g["y"]), month, int(g["d"]), m[0])
    return _upcoming(month, int(g["d"]), m[0], t)


def _r_month_end(m: re.Match[str], t: date) -> date:
    end = _month_end(date(t.year, _month(int(m["m"]), m[0]), 1))
    return end if end >= t else _month_end(end.replace(year=t.year + 1, day=1))


def _r_weekday(m: re.Match[str], t: date) -> date:
    g = m.groupdict()
    c = g.get("cwd") or ""
    if g.get("wd"):
        day = _WEEKDAYS[g["wd"][:3].lower()]
    else:
        day = int(c) - 1 if c.isdigit() else _CN_WEEKDAYS[c]
    rel = (g["rel"] or "").lower()
    if rel in ("", "coming"):
        return t + timedelta(days=(day - t.weekday()) % 7 or 7)
    weeks = 2 if rel.startswith("下下") else 1 if rel.startswith(("next", "下")) else 0
    return _monday(t) + timedelta(days=7 * weeks + day)


def _r_offset(m: re.Match[str], t: date) -> date:
    n = _count(m["n"])
    g = m.groupdict()
    unit = (g.get("u1") or g.get("u2") or g.get("u") or "").lower()
    if unit.startswith(("b", "work", "工作")):
        return _add_workdays(t, n)
    if unit.startswith(("m", "月")):
        return _add_months(t, n)
    if unit.startswith(("w", "周", "星期", "礼拜")):
        return t + timedelta(weeks=n)
    return t + timedelta(days=n)


_Resolver = Callable[[re.Match[str], date], date]


def _fixed(days: int) -> _Resolver:
    return lambda m, t: t + timedelta(days=days)


def _week_friday(weeks: int) -> _Resolver:
    return lambda m, t: _monday(t) + timedelta(days=7 * (weeks + m[0].startswith("下下")) + 4)


def _months_end(offset: int) -> _Resolver:
    return lambda m, t: _month_end(_add_months(t.replace(day=1), offset))


_E = r"(?![A-Za-z0-9])"
_MONTHS_RX = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
              r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_MONTH = f"(?P<mon>{_MONTHS_RX})"
_YEAR = r"(?:,?\s*(?P<y>[0-9]{4})(?![0-9]))?"
_DAY = r"(?P<d>[0-9]{1,2})(?![0-9])(?:st|nd|rd|th)?"
_WD = (r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|"
       r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)")
_EN_N = r"(?P<n>[0-9]{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CN_N = r"(?P<n>[0-9]{1,3}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
_CN_UNIT = r"(?:个\s*(?P<u1>月|工作日|天|周|星期|礼拜)|(?P<u2>工作日|天|日|周|星期|礼拜))"
_WEEK_CN = r"(?:周|星期|礼拜)"

_RAW_PATTERNS: list[tuple[str, _Resolver, bool]] = [  # (pattern, resolver, self-contained)
    (r"(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})"
     r"(?![0-9%]|\s*[-/.][0-9])" + _E, _r_day, False),
    (r"(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})(?![0-9])\s*[日号]?",
     _r_day, False),
    (r"(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})(?![0-9])\s*[日号]?", _r_day, False),
    (r"(?P<m>[0-9]{1,2})\s*月\s*[底末]", _r_month_end, False),
    (r"(?P<m>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})(?![0-9%]|\s*[-/.][0-9])" + _E, _r_day, False),
    (_MONTH + r"\s*" + _DAY + _YEAR + _E, _r_day, False),
    (_DAY + r"\s*(?:of\s+)?" + _MONTH + _YEAR + _E, _r_day, False),
    (r"(?:(?P<rel>next|this|coming)\s+)?" + _WD + _E, _r_weekday, False),
    (r"(?P<rel>下下个?|下个?|本|这个?)?" + _WEEK_CN + r"(?P<cwd>[一二三四五六日天1-7])",
     _r_weekday, False),
    (r"(?:today|tonight)" + _E + r"|今天|今日|今晚", _fixed(0), False),
    (r"tomorrow" + _E + r"|明天|明日", _fixed(1), False),
    (r"(?:the\s+)?day\s+after\s+tomorrow" + _E + r"|后天", _fixed(2), False),
    (r"大后天", _fixed(3), False),
    (r"\+?(?P<n>[0-9]{1,3})(?P<u>[dw])" + _E, _r_offset, False),
    (r"(?:in|within)\s+" + _EN_N + r"\s+(?P<u>(?:business|working|work)\s+days?|days?|"
     r"weeks?|months?)" + _E, _r_offset, True),
    (_CN_N + r"\s*" + _CN_UNIT + r"\s*(?:之)?内", _r_offset, True),
    (r"next\s+week" + _E + r"|下下?个?" + _WEEK_CN, _week_friday(1), False),
    (r"(?:the\s+)?end\s+of\s+next\s+week" + _E, _week_friday(1), False),
    (r"(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|this\s+week|eow)" + _E
     + r"|本" + _WEEK_CN + r"|这个?" + _WEEK_CN, _week_friday(0), False),
    (r"(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom)" + _E
     + r"|(?:本|这个?)?月[底末]", _months_end(0), False),
    (r"(?:the\s+)?end\s+of\s+next\s+month" + _E + r"|下个?月[底末]", _months_end(1), False),
    (r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year" + _E + r"|(?:今)?年[底末]",
     lambda m, t: date(t.year, 12, 31), False),
]
_PATTERNS = [(re.compile(p, re.ASCII | re.IGNORECASE), r, s) for p, r, s in _RAW_PATTERNS]

# Date-like shapes that no pattern accepts (``12/08/2026``, ``Dec 123``): errors after a keyword.
_LOOSE = re.compile(
    r"[0-9]{1,4}[-/][0-9]{1,4}(?:[-/][0-9]{1,4})?|[0-9]{4}\.[0-9]{1,2}\.[0-9]{1,2}|"
    r"[0-9]+\s*[年月]\s*[0-9]+|" + _MONTHS_RX + r"\s*[0-9]+|"
    r"[0-9]+(?:st|nd|rd|th)?\s+" + _MONTHS_RX + _E,
    re.ASCII | re.IGNORECASE,
)


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_Shape = tuple[re.Match[str], _Resolver, bool]


def _shape_at(work: str, pos: int) -> _Shape | None:
    """The longest date-shaped expression starting at ``pos`` (not yet validated)."""
    if pos >= len(work) or (pos > 0 and _ascii_alnum(work[pos - 1]) and _ascii_alnum(work[pos])):
        return None
    best: _Shape | None = None
    for rx, resolve, standalone in _PATTERNS:
        m = rx.match(work, pos)
        if m and m.end() > pos and (best is None or m.end() > best[0].end()):
            best = (m, resolve, standalone)
    return best


def _resolve(shape: _Shape, today: date) -> date:
    try:
        return shape[1](shape[0], today)
    except DateError:
        raise
    except (ValueError, OverflowError):
        raise _fail(shape[0][0], "it is out of range.") from None


def parse_date(text: str, today: date) -> date:
    """Read ``text`` as a whole as one date expression."""
    work = fold(text).strip()
    if not work:
        raise DateError(f"A date is needed. Accepted forms: {ACCEPTED_FORMS}.")
    shape = _shape_at(work, 0)
    if shape is None or shape[0].end() != len(work):
        raise _fail(work)
    return _resolve(shape, today)


_EN_KEYWORD = re.compile(
    r"(?P<kw>no\s+later\s+than|due(?:\s+date)?(?:\s+(?:by|on|before|is))?|deadline|ddl|by|before)"
    r"(?![A-Za-z0-9])\s*(?:[:=]\s*)?",
    re.ASCII | re.IGNORECASE,
)
_CN_KEYWORD = re.compile(r"截止(?:日期|时间|日)?\s*(?::\s*)?(?:为|是|到|至|于|在)?\s*")
_NOT_DEADLINE = re.compile(
    r"(?:to|diligence|process|care|course|respect|regard|credit)(?![A-Za-z0-9])|目前|现在|当前",
    re.ASCII | re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s*之?[前内]")
_PREFIX = re.compile(r"[在于]\s*")


def _phrase_at(work: str, pos: int, today: date) -> tuple[date, int] | None:
    """A deadline phrase starting at ``pos``: (deadline, end of phrase)."""
    kw = None
    if not (pos > 0 and _ascii_alnum(work[pos - 1])):
        kw = _EN_KEYWORD.match(work, pos)
    kw = kw or _CN_KEYWORD.match(work, pos)
    if kw:
        after = kw.end()
        word = kw[0].strip()
        chinese = word.startswith("截止")
        strict = chinese or word.lower().startswith("due")
        if strict and _NOT_DEADLINE.match(work, after):
            return None
        shape = _shape_at(work, after)
        if shape:
            end = shape[0].end()
            suffix = _SUFFIX.match(work, end) if chinese else None
            return _resolve(shape, today), suffix.end() if suffix else end
        loose = _LOOSE.match(work, after)
        if loose:
            raise _fail(loose[0])
        if strict:
            rest = work[after:].split()
            got = f"'{rest[0][:20]}'" if rest else "nothing"
            raise DateError(f"'{word}' must be followed by a date, got {got}. Accepted forms: "
                            f"{ACCEPTED_FORMS}.")
        return None
    prefix = _PREFIX.match(work, pos)
    shape = _shape_at(work, prefix.end() if prefix else pos)
    if shape is None:
        return None
    suffix = _SUFFIX.match(work, shape[0].end())
    if suffix:
        return _resolve(shape, today), suffix.end()
    if shape[2] and not prefix:
        return _resolve(shape, today), shape[0].end()
    return None


def find_deadline(text: str, today: date) -> DeadlineMatch | None:
    """Locate the first deadline phrase in free text (see the module notes)."""
    work = fold(text)
    found: DeadlineMatch | None = None
    pos = 0
    while pos < len(work):
        hit = _phrase_at(work, pos, today)
        if hit and found is None:
            found = DeadlineMatch(hit[0], pos, hit[1])
        pos = hit[1] if hit else pos + 1
    return found
