"""The built-in sample meetings: ``coopconsole demo`` and the picker's sample entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from importlib import resources

from coopconsole.agenda import import_agenda
from coopconsole.domain.model import Session

SAMPLES = {"en": "smart-park.en.md", "zh": "pilot-kickoff.zh.md"}


def sample_text(lang: str) -> str:
    return resources.files("coopconsole.samples").joinpath(SAMPLES[lang]).read_text("utf-8")


def sample_session(lang: str, name: str, now: datetime) -> Session:
    """A fresh copy of the sample meeting, re-planned to start at the next 5 minutes.

    The sample agendas are dated; a demo run at another hour would otherwise open hours
    "behind schedule". Keeping the plan's shape but moving it to today makes the
    countdown, drift and projected end meaningful at once.
    """
    session = import_agenda(sample_text(lang), name=name).session
    start = (now + timedelta(minutes=5 - now.minute % 5)).replace(second=0, microsecond=0)
    first = session.start or next((a.start for a in session.agenda if a.start), None)
    if first is not None and session.date is not None:
        delta = datetime.combine(start.date(), start.time()) - datetime.combine(session.date, first)
        session.agenda = [
            replace(a, start=(datetime.combine(session.date, a.start) + delta).time()) if a.start else a
            for a in session.agenda
        ]
    session.date, session.start = start.date(), start.time()
    session.created_at = now
    session.lang = lang
    return session
