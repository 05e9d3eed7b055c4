"""``coopconsole new --date YYYY-MM-DD --start HH:MM``: the day and the time of the
meeting given on the command line, over what the agenda says.

``--date`` replaces the meeting's date. ``--start`` replaces its planned start, and the
plan keeps its shape: every item whose start is written in the agenda moves by the same
amount as the meeting's start (the start the agenda gives the meeting, else the start
written on its first item). An agenda with no start at all is given one; the starts
written on its later items, with nothing to measure the move from, stay as written.
Moved times wrap round midnight; the timeline reads a start more than twelve hours
before the one above it as the next day (:func:`coopconsole.domain.timeline.planned_starts`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import click

from coopconsole.domain.model import Session

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


class DateOption(click.ParamType):
    """A calendar date written ``YYYY-MM-DD``."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        found = _DATE.fullmatch(text)
        if found is not None:
            try:
                return date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                self.fail(f"{text!r} is not a day of the calendar (YYYY-MM-DD, e.g. 2026-12-08).", param, ctx)
        self.fail(f"{text!r} is not a date written YYYY-MM-DD (e.g. 2026-12-08).", param, ctx)


class TimeOption(click.ParamType):
    """A time of day written ``HH:MM``, 00:00 to 23:59."""

    name = "HH:MM"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> time:
        if isinstance(value, time):
            return value
        text = str(value).strip()
        found = _TIME.fullmatch(text)
        if found is not None and int(found[1]) < 24 and int(found[2]) < 60:
            return time(int(found[1]), int(found[2]))
        self.fail(f"{text!r} is not a time of day written HH:MM, from 00:00 to 23:59 (e.g. 09:30).", param, ctx)


def with_overrides(session: Session, day: date | None, start: time | None) -> Session:
    """``session`` on ``day`` and starting at ``start`` (each if given); the items with
    a written start moved as the meeting's start is (see the module)."""
    if day is not None:
        session.date = day
    if start is None:
        return session
    first = session.agenda[0].start if session.agenda else None
    was = session.start or first
    if was is not None:
        offset = _on(start) - _on(was.replace(tzinfo=None))
        session.agenda = [
            item if item.start is None else replace(item, start=_moved(item.start, offset)) for item in session.agenda
        ]
    session.start = start.replace(tzinfo=session.start.tzinfo if session.start else None)
    return session


def _on(moment: time) -> datetime:
    return datetime.combine(date(2000, 1, 1), moment)


def _moved(moment: time, offset: timedelta) -> time:
    """``moment`` moved by ``offset``, round the clock; its time zone kept."""
    return (_on(moment.replace(tzinfo=None)) + offset).time().replace(tzinfo=moment.tzinfo)
