"""Clock times, dates and time boxes as written in agendas."""

from __future__ import annotations

from datetime import date, time

import pytest

from coopconsole.agenda.durations import parse_box, parse_clock, parse_when, slot_at_start


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("15 min", 15),
        ("15m", 15),
        ("15 mins", 15),
        ("15 minutes", 15),
        ("1h", 60),
        ("1 h", 60),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1 hour 30 minutes", 90),
        ("1.5 hours", 90),
        ("1,5 h", 90),
        ("½ hr", 30),
        ("1½ hours", 90),
        ("half an hour", 30),
        ("an hour", 60),
        ("30-60 min", 30),
        ("30–60 minutes", 30),
        ("15分钟", 15),
        ("1小时", 60),
        ("半小时", 30),
        ("1.5小时", 90),
        ("一个半小时", 90),
        ("1小时30分钟", 90),
        ("一刻钟", 15),
        ("约15分钟", 15),
        ("~15 min", 15),
    ],
)
def test_time_boxes(text: str, minutes: int) -> None:
    assert parse_box(text) == minutes


@pytest.mark.parametrize(("text", "minutes"), [("15", 15), ("0:15", 15), ("1:30", 90), ("15分", 15), ("7.5", 8)])
def test_bare_numbers_in_a_duration_column(text: str, minutes: int) -> None:
    assert parse_box(text, bare=True) == minutes
    assert parse_box(text) is None or text == "15分"


@pytest.mark.parametrize("text", ["", "soon", "15", "Opening", "09:00"])
def test_not_time_boxes(text: str) -> None:
    assert parse_box(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00", time(9, 0)),
        ("9:00", time(9, 0)),
        ("9.15", time(9, 15)),
        ("09：00", time(9, 0)),
        ("9:00 am", time(9, 0)),
        ("2 pm", time(14, 0)),
        ("12:00 pm", time(12, 0)),
        ("9点", time(9, 0)),
        ("9点半", time(9, 30)),
        ("9点30分", time(9, 30)),
        ("下午2:00", time(14, 0)),
        ("25:00", None),
        ("9:75", None),
    ],
)
def test_clock_times(text: str, expected: time | None) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("09:00-09:15 Opening", time(9, 0), time(9, 15)),
        ("09:00–09:15 Opening", time(9, 0), time(9, 15)),
        ("09:00 - 09:15 Opening", time(9, 0), time(9, 15)),
        ("09:00~09:15 Opening", time(9, 0), time(9, 15)),
        ("9:00至9:15 开场", time(9, 0), time(9, 15)),
        ("(09:00-09:15) Opening", time(9, 0), time(9, 15)),
        ("9.15 Opening", time(9, 15), None),
    ],
)
def test_slots_at_the_start(text: str, start: time, end: time | None) -> None:
    slot = slot_at_start(text)
    assert slot is not None
    assert (slot.start, slot.end) == (start, end)


@pytest.mark.parametrize("text", ["1.5 hours intro", "Opening", "2026 plans"])
def test_no_slot_at_the_start(text: str) -> None:
    assert slot_at_start(text) is None


@pytest.mark.parametrize(
    ("text", "day", "start", "end"),
    [
        ("2026-12-01 09:00", date(2026, 12, 1), time(9, 0), None),
        ("2026-12-01", date(2026, 12, 1), None, None),
        ("2026/12/01", date(2026, 12, 1), None, None),
        ("2026年12月1日 9:00", date(2026, 12, 1), time(9, 0), None),
        ("2026年12月1日（周二）上午9:00-12:00", date(2026, 12, 1), time(9, 0), time(12, 0)),
        ("Dec 1, 2026", date(2026, 12, 1), None, None),
        ("December 1st 2026, 9am", date(2026, 12, 1), time(9, 0), None),
        ("1 December 2026", date(2026, 12, 1), None, None),
        ("Tuesday, 1 Dec 2026, 09:00-12:00", date(2026, 12, 1), time(9, 0), time(12, 0)),
        ("09:00-12:00", None, time(9, 0), time(12, 0)),
    ],
)
def test_when(text: str, day: date | None, start: time | None, end: time | None) -> None:
    when = parse_when(text)
    assert (when.date, when.start, when.end) == (day, start, end)
    assert not when.bad_date


@pytest.mark.parametrize("text", ["12月1日", "2026-13-01", "31/31/2026", "Feb 30, 2026"])
def test_unreadable_dates_are_flagged(text: str) -> None:
    when = parse_when(text)
    assert when.date is None and when.bad_date
