"""How the minutes and the exports write dates, times and durations, in English and Chinese.

They go out to every attendee, written as minutes are written: full dates (``Tuesday 8
December 2026``, ``2026年12月8日(星期二)``), 24-hour times, durations in whole minutes
(:func:`coopconsole.domain.rounding.whole_minutes`). Their words are the catalogue's
``minutes.`` entries (:func:`w`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from coopconsole.domain.rounding import whole_minutes
from coopconsole.texts import t

_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_ZH = "一二三四五六日"
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def w(key: str, lang: str, **values: object) -> str:
    """The catalogue's ``minutes.`` entry ``key`` in ``lang`` (the minutes' and exports' words)."""
    return t(f"minutes.{key}", lang, **values)


def long_date(day: date, lang: str) -> str:
    """``Tuesday 8 December 2026`` / ``2026年12月8日(星期二)``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日(星期{_WEEKDAYS_ZH[day.weekday()]})"
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def short_date(day: date, lang: str) -> str:
    """``8 December 2026`` / ``2026年12月8日``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz) if tz is not None else moment


def moment_text(moment: datetime, lang: str, tz: tzinfo | None) -> str:
    """``8 December 2026, 14:05`` / ``2026年12月8日 14:05``, in ``tz``."""
    moment = local(moment, tz)
    separator = " " if lang == "zh" else ", "
    return f"{short_date(moment.date(), lang)}{separator}{moment:%H:%M}"


def duration(value: timedelta, lang: str) -> str:
    """``45 min``, ``1 h 05 min`` / ``45分钟``, ``1小时05分钟``."""
    total = whole_minutes(value)
    if total < 60:
        return w("min", lang, n=total)
    hours, rest = divmod(total, 60)
    return w("h_min", lang, h=hours, m=rest)
