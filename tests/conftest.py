"""Shared fixtures: a sessions folder per test, the sample session, a frozen clock.

Helpers that are not fixtures live in ``tests/support/``."""

from __future__ import annotations

import pytest

from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.model import Session
from coopconsole.store import SessionStore
from tests.support.sessions import MEETING_START, small_session


@pytest.fixture(autouse=True)
def _sessions_env(tmp_path, monkeypatch):
    """No test ever touches the real ./sessions folder or the user's settings."""
    folder = tmp_path / "sessions"
    monkeypatch.setenv("COOPCONSOLE_SESSIONS", str(folder))
    monkeypatch.setenv("COOPCONSOLE_CONFIG", str(tmp_path / "config"))
    return folder


@pytest.fixture
def folder(tmp_path):
    """The test's sessions folder (the one ``COOPCONSOLE_SESSIONS`` points at)."""
    return tmp_path / "sessions"


@pytest.fixture
def store(folder) -> SessionStore:
    """A session store on the test's sessions folder."""
    return SessionStore(folder)


@pytest.fixture
def clock() -> FrozenClock:
    """A clock frozen at the sample meeting's start; tests move it on by hand."""
    return FrozenClock(MEETING_START)


@pytest.fixture
def session() -> Session:
    """A fresh copy of :func:`tests.support.sessions.small_session`."""
    return small_session()
