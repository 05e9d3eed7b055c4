"""The date expressions a note-taker types, in English and Chinese, and what each means.

:mod:`coopconsole.domain.dates` finds them in a line; this module reads one expression.
Every expression is resolved against ``today`` (the date of capture); nothing reads the
clock. Decisions:

* Month-day without a year (``12-08``, ``Dec 8``, ``12月8日``) means this year if that day
  is not before today, otherwise next year. If the day does not exist in that year
  (Feb 29) the next year in which it exists is used; a day no year has is an error.
  An explicit year is kept as written, even when it is in the past.
* A bare weekday (``Friday``, ``fri``, ``周五``, ``coming Friday``) is the next such day
  after today; today itself is excluded. Weeks start on Monday. ``next Friday`` /
  ``下周五`` / ``下个星期五`` is the Friday of next calendar week, ``next next Friday`` /
  ``下下周五`` the one after (``next next week`` / ``下下周`` likewise); ``next`` or
  ``下`` three times or more is refused (say the date instead); ``this Friday`` /
  ``本周五`` / ``这周五`` is the Friday of the current week, which may already be past
  (the SMART check then flags it).
* ``next week`` / ``下周`` is the Friday of next week and ``this week`` / ``本周`` /
  ``end of week`` the Friday of this week: a deadline names the last acceptable day,
  and "next week" means "by the end of next working week".
* ``X内`` / ``within X`` / ``in X`` is today + X. Months add calendar months (day
  clamped to the month's end); business/working days (``工作日``) skip Saturdays and
  Sundays. ``3月内`` is *not* read as "within 3 months" (it could mean "within March"):
  months need ``个`` (``3个月内``).
* ``月底`` / ``end of month``: last day of this month (``下月底``: of next month; ``12月底``:
  of December, this year unless past); ``年底`` / ``end of year``: 31 December.
* Chinese numerals (一二两三四五六七八九十, up to 99) only in relative forms. ``12/08`` is
  month first; ``12/08/2026`` and ``March`` are not dates.
* A date more than :data:`MAX_YEARS` (10) years after today is an error ("too far
  away"), whatever its form: ``+99999999d``, ``in 999999 weeks``, ``99999天内``,
  ``2099-01-01``. Dates in the past are not limited (the SMART check flags them).
* Years are written with four digits or more: a longer one (``99999-01-01``) is too far
  away like any other, and year 0 (``0000-01-01``) is refused: there is no year 0.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import MAXYEAR, date, timedelta

ACCEPTED_FORMS = (
    "2026-12-08, 2026/12/08, 12-08, 12/08, Dec 8, 8 Dec, December 8 2026, "
    "2026年12月8日, 12月8日, Friday, fri, 周五, 星期五, next Friday, 下周五, 本周五, "
    "today, tomorrow, 今天, 明天, 后天, +3d, 2w, in 3 days, within 2 weeks, 两周内, "
    "3天内, 一个月内, next week, end of month, 月底"
)
MAX_YEARS = 10

# Where a form counts as a deadline without a keyword or ``前``/``内`` after it.
KEYWORD_ONLY, ANYWHERE, AT_END = "keyword", "anywhere", "end"


class DateError(ValueError):
    """A date expression could not be read; ``message`` says why and what is accepted."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def fail(raw: str, reason: str = "") -> DateError:
    what = f"is not a valid date: {reason}" if reason else "is not a date I can read."
    return DateError(f"'{raw.strip()}' {what} Accepted forms: {ACCEPTED_FORMS}.")


def latest(today: date) -> date:
    """The last day a deadline may fall on: :data:`MAX_YEARS` years after ``today``."""
    year = today.year + MAX_YEARS
    if year > MAXYEAR:
        return date.max
    return date(year, today.month, min(today.day, calendar.monthrange(year, today.month)[1]))


def too_far(raw: str, today: date) -> DateError:
    return DateError(
        f"That date is too far away: '{raw.strip()}' is more than {MAX_YEARS} "
        f"years from today (the latest deadline is {latest(today).isoformat()})."
    )


_MONTH_NAMES = ("January February March April May June July August September October November December").split()
_MONTHS = {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAYS = {name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_CN_WEEKDAYS = {c: i for i, c in enumerate("一二三四五六")} | {"日": 6, "天": 6}
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_EN_NUMBERS = {"a": 1, "an": 1} | {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_MAX_COUNT = 4000  # more days than MAX_YEARS years hold: larger counts are too far in any unit


def _count(token: str) -> int:
    token = token.lower()
    if token.isascii() and token.isdigit():
        return int(token) if len(token) <= 6 else _MAX_COUNT + 1
    if token in _EN_NUMBERS:
        return _EN_NUMBERS[token]
    if "十" in token:
        tens, _, ones = token.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS[token]


def _month(m: int, raw: str) -> int:
    if not 1 <= m <= 12:
        raise fail(raw, f"there is no month {m}.")
    return m


def _year(y: int, raw: str, today: date) -> int:
    if y < 1:
        raise fail(raw, f"there is no year {y}; write the year in full, e.g. {today.year}.")
    if y > latest(today).year:
        raise too_far(raw, today)
    return y


def _make(y: int, m: int, d: int, raw: str) -> date:
    _month(m, raw)
    try:
        return date(y, m, d)
    except ValueError:
        raise fail(raw, f"{_MONTH_NAMES[m - 1]} has no day {d} in {y}.") from None


def _upcoming(m: int, d: int, raw: str, today: date) -> date:
    for year in range(today.year, today.year + 5 if _month(m, raw) else 0):
        if year > MAXYEAR:
            raise too_far(raw, today)
        try:
            candidate = date(year, m, d)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise fail(raw, f"{_MONTH_NAMES[m - 1]} has no day {d}.")


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: date, n: int) -> date:
    y, m = divmod(day.month - 1 + n, 12)
    return min(date(day.year + y, m + 1, 1) + timedelta(days=day.day - 1), _month_end(date(day.year + y, m + 1, 1)))


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
        return _make(_year(int(g["y"]), m[0], t), month, int(g["d"]), m[0])
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
    rel = (g["rel"] or "").strip().lower()
    if rel in ("", "coming"):
        return t + timedelta(days=(day - t.weekday()) % 7 or 7)
    return _monday(t) + timedelta(days=7 * _weeks_ahead(m[0]) + day)


def _r_offset(m: re.Match[str], t: date) -> date:
    n = _count(m["n"])
    if n > _MAX_COUNT:
        raise too_far(m[0], t)
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


def _weeks_ahead(raw: str) -> int:
    """Weeks after this one that ``next``/``下`` said: once is 1, twice 2, more is refused."""
    nexts = len(re.findall(r"(?i)next|下", raw))
    if nexts > 2:
        raise DateError(
            f"'{raw.strip()}' repeats 'next' (下) more than twice: write the date instead, e.g. 'Dec 18' or '12月18日'."
        )
    return nexts


def _next_weeks_friday(m: re.Match[str], t: date) -> date:
    return _monday(t) + timedelta(days=7 * _weeks_ahead(m[0]) + 4)


def _this_weeks_friday(m: re.Match[str], t: date) -> date:
    return _monday(t) + timedelta(days=4)


def _months_end(offset: int) -> _Resolver:
    return lambda m, t: _month_end(_add_months(t.replace(day=1), offset))


_E = r"(?![A-Za-z0-9])"
_MONTHS_RX = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH = f"(?P<mon>{_MONTHS_RX})"
_YEAR = r"(?:,?\s*(?P<y>[0-9]{4,})(?![0-9]))?"
_DAY = r"(?P<d>[0-9]{1,2})(?![0-9])(?:st|nd|rd|th)?"
_WD = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
)
_EN_N = r"(?P<n>[0-9]+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CN_N = r"(?P<n>[0-9]+|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
_CN_UNIT = r"(?:个\s*(?P<u1>月|工作日|天|周|星期|礼拜)|(?P<u2>工作日|天|日|周|星期|礼拜))"
_WEEK_CN = r"(?:周|星期|礼拜)"

_RAW_PATTERNS: list[tuple[str, _Resolver, str]] = [  # (pattern, resolver, where)
    (
        r"(?P<y>[0-9]{4,})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})"
        r"(?![0-9%]|\s*[-/.][0-9])" + _E,
        _r_day,
        KEYWORD_ONLY,
    ),
    (r"(?P<y>[0-9]{4,})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})(?![0-9])\s*[日号]?", _r_day, KEYWORD_ONLY),
    (r"(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})(?![0-9])\s*[日号]?", _r_day, KEYWORD_ONLY),
    (r"(?P<m>[0-9]{1,2})\s*月\s*[底末]", _r_month_end, KEYWORD_ONLY),
    (r"(?P<m>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})(?![0-9%]|\s*[-/.][0-9])" + _E, _r_day, KEYWORD_ONLY),
    (_MONTH + r"\s*" + _DAY + _YEAR + _E, _r_day, KEYWORD_ONLY),
    (_DAY + r"\s*(?:of\s+)?" + _MONTH + _YEAR + _E, _r_day, KEYWORD_ONLY),
    (r"(?:(?P<rel>(?:next\s+)+|this\s+|coming\s+))?" + _WD + _E, _r_weekday, AT_END),
    (r"(?P<rel>下+个?|本|这个?)?" + _WEEK_CN + r"(?P<cwd>[一二三四五六日天1-7])", _r_weekday, AT_END),
    (r"(?:today|tonight)" + _E + r"|今天|今日|今晚", _fixed(0), KEYWORD_ONLY),
    (r"tomorrow" + _E + r"|明天|明日", _fixed(1), KEYWORD_ONLY),
    (r"(?:the\s+)?day\s+after\s+tomorrow" + _E + r"|后天", _fixed(2), KEYWORD_ONLY),
    (r"大后天", _fixed(3), KEYWORD_ONLY),
    (r"\+?(?P<n>[0-9]+)(?P<u>[dw])" + _E, _r_offset, AT_END),
    (r"(?:in|within)\s+\+?(?P<n>[0-9]+)(?P<u>[dw])" + _E, _r_offset, AT_END),
    (
        r"(?:in|within)\s+" + _EN_N + r"\s+(?P<u>(?:business|working|work)\s+days?|days?|"
        r"weeks?|months?)" + _E,
        _r_offset,
        ANYWHERE,
    ),
    (_CN_N + r"\s*" + _CN_UNIT + r"\s*(?:之)?内", _r_offset, ANYWHERE),
    (r"(?:next\s+)+week" + _E + r"|下+个?" + _WEEK_CN, _next_weeks_friday, KEYWORD_ONLY),
    (r"(?:the\s+)?end\s+of\s+(?:next\s+)+week" + _E, _next_weeks_friday, KEYWORD_ONLY),
    (
        r"(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|this\s+week|eow)"
        + _E
        + r"|本"
        + _WEEK_CN
        + r"|这个?"
        + _WEEK_CN,
        _this_weeks_friday,
        KEYWORD_ONLY,
    ),
    (
        r"(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom)" + _E + r"|(?:本|这个?)?月[底末]",
        _months_end(0),
        KEYWORD_ONLY,
    ),
    (r"(?:the\s+)?end\s+of\s+next\s+month" + _E + r"|下个?月[底末]", _months_end(1), KEYWORD_ONLY),
    (
        r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year" + _E + r"|(?:今)?年[底末]",
        lambda m, t: date(t.year, 12, 31),
        KEYWORD_ONLY,
    ),
]
_PATTERNS = [(re.compile(p, re.ASCII | re.IGNORECASE), r, w) for p, r, w in _RAW_PATTERNS]

# Date-like shapes that no pattern accepts (``12/08/2026``, ``Dec 123``): errors after a keyword.
LOOSE = re.compile(
    r"[0-9]{1,4}[-/][0-9]{1,4}(?:[-/][0-9]{1,4})?|[0-9]{4}\.[0-9]{1,2}\.[0-9]{1,2}|"
    r"[0-9]+\s*[年月]\s*[0-9]+|" + _MONTHS_RX + r"\s*[0-9]+|"
    r"[0-9]+(?:st|nd|rd|th)?\s+" + _MONTHS_RX + _E,
    re.ASCII | re.IGNORECASE,
)


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


Shape = tuple[re.Match[str], _Resolver, str]  # (match, resolver, where)


def shape_at(work: str, pos: int) -> Shape | None:
    """The longest date-shaped expression starting at ``pos`` (not yet validated)."""
    if pos >= len(work) or (pos > 0 and _ascii_alnum(work[pos - 1]) and _ascii_alnum(work[pos])):
        return None
    best: Shape | None = None
    for rx, resolve_, where in _PATTERNS:
        m = rx.match(work, pos)
        if m and m.end() > pos and (best is None or m.end() > best[0].end()):
            best = (m, resolve_, where)
    return best


def unambiguous(shape: Shape) -> bool:
    """An :data:`AT_END` form that needs no keyword: a weekday with ``next``/``this``/
    ``coming``/``下``/``本``/``这`` before it, a signed offset (``+3d``) or weeks in lower
    case (``2w``; ``3d`` is also "3D", ``2W`` also two watts)."""
    m = shape[0]
    if shape[2] != AT_END:
        return False
    if "rel" in m.re.groupindex:
        return bool(m["rel"])
    return "+" in m[0] or m["u"] == "w"


def resolve(shape: Shape, today: date) -> date:
    """The date a shape stands for; DateError if it is invalid or too far away."""
    try:
        day = shape[1](shape[0], today)
    except DateError:
        raise
    except (ValueError, OverflowError):  # past the last year a date can have
        raise too_far(shape[0][0], today) from None
    if day > latest(today):
        raise too_far(shape[0][0], today)
    return day
