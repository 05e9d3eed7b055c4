"""Shared fixtures: a sessions folder per test, the sample session, a frozen clock.

Helpers that are not fixtures live in ``tests/support/``."""

from __future__ import annotations

from datetime import datetime

import pytest

from coopconsole.domain import clock as clock_module
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


#: The day the tests' meetings are prepared on: the scripted meetings take place on
#: 2026-12-08 and their deadlines fall in the weeks after, so a test that runs on the real
#: clock (the command line's ``add``, ``show``, ``health``) would find them past once
#: that day is behind us. The real clock keeps running from this day on.
TODAY = datetime(2026, 12, 3, 12, 0)
_SHIFT = TODAY - datetime.now()


class _ShiftedDatetime(datetime):
    """``datetime`` whose ``now()`` runs from :data:`TODAY`: the clock module's only."""

    @classmethod
    def now(cls, tz=None):  # noqa: ANN001, ANN206 - datetime's own signature
        return datetime.now(tz) + _SHIFT


@pytest.fixture(autouse=True)
def _same_day_every_run(monkeypatch):
    """The wall clock the code reads (``system_clock``) starts from :data:`TODAY`, in
    whatever year the tests run."""
    monkeypatch.setattr(clock_module, "datetime", _ShiftedDatetime)


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
