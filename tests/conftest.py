"""Shared fixtures: a sessions folder per test, sample sessions, a frozen clock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.model import AgendaItem, ItemKind, Participant, Role, Session
from coopconsole.store import SessionStore

TZ = timezone(timedelta(hours=8))
MEETING_START = datetime(2026, 12, 8, 9, 0, tzinfo=TZ)


@pytest.fixture(autouse=True)
def _sessions_env(tmp_path, monkeypatch):
    """No test ever touches the real ./sessions folder or the user's settings."""
    folder = tmp_path / "sessions"
    monkeypatch.setenv("COOPCONSOLE_SESSIONS", str(folder))
    monkeypatch.setenv("COOPCONSOLE_CONFIG", str(tmp_path / "config"))
    return folder


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "sessions"


@pytest.fixture
def store(folder) -> SessionStore:
    return SessionStore(folder)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(MEETING_START)


def small_session(name: str = "smart-park") -> Session:
    return Session(
        name=name,
        title="Smart Park Cooperation Promotion Meeting",
        date=date(2026, 12, 8),
        start=time(9, 0),
        facilitator="Dana Okafor",
        participants=[
            Participant(1, "Alice Chen", "Company A", "CTO", Role.DECISION_MAKER),
            Participant(2, "Bruno Silva", "Company A", "Head of Marketing", Role.EXECUTOR),
            Participant(3, "Chloe Martin", "Company B", "Technical Director", Role.DECISION_MAKER),
            Participant(4, "张三", "智算科技", "CTO", Role.EXECUTOR),
        ],
        agenda=[
            AgendaItem(1, "Opening", time(9, 0), 15, "Dana Okafor"),
            AgendaItem(2, "Directions", time(9, 15), 45),
            AgendaItem(3, "Tea break", time(10, 0), 15, kind=ItemKind.BREAK),
            AgendaItem(4, "Next steps", time(10, 15), 20, "Dana Okafor"),
        ],
    )


@pytest.fixture
def session() -> Session:
    return small_session()
