"""What the projector looks like: a few minutes into the demo meeting, someone speaking,
a parked point and a decision, in English at 120x36 and 200x50 (the digits grow) and in
Chinese at 80x24 (they still fit); and over the overrun, in red.

The session is played by a service of its own on a frozen clock, as another terminal's
console would. Regenerate with ``pytest tests/test_snapshots_projector.py
--snapshot-update`` after an intended change, and look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from coopconsole.domain.clock import FrozenClock
from coopconsole.samples.meetings import sample_session
from coopconsole.service import MeetingService
from coopconsole.store import SessionStore
from coopconsole.tui.projector_app import make_projector_app
from tests.support.sessions import TZ

PLAYED = {
    "en": ("@bruno pricing model for the pilot", "Company B hosts the pilot site"),
    "zh": ("@赵敏 预算审批流程", "试点由B公司承办"),
}


def _projector(tmp_path, lang, minutes=4):
    """The demo meeting in ``lang`` started at 09:00, participant 3 given the floor a
    minute in, a parked point and a decision; ``minutes`` later, its projector."""
    clock = FrozenClock(datetime(2026, 12, 8, 9, 0, tzinfo=TZ))
    store = SessionStore(tmp_path / "sessions")
    store.create(sample_session(lang, f"demo-{lang}", clock())).close()
    parked, decision = PLAYED[lang]
    with store.open(f"demo-{lang}") as handle:
        console = MeetingService(handle, clock)
        console.agenda.toggle()
        clock.advance(minutes=1)
        console.room.speaker(3)
        console.captures.capture("park", parked)
        console.captures.capture("decision", decision)
    clock.advance(minutes=minutes, seconds=17)
    return make_projector_app(store, store.open(f"demo-{lang}", tidy=False), lang, clock)


@pytest.mark.parametrize(
    ("lang", "size"),
    [("en", (120, 36)), ("zh", (80, 24)), ("en", (200, 50))],
    ids=["en-120x36", "zh-80x24", "en-200x50"],
)
def test_projector(snap_compare, tmp_path, lang, size):
    assert snap_compare(_projector(tmp_path, lang), terminal_size=size)


def test_projector_overrun(snap_compare, tmp_path):
    assert snap_compare(_projector(tmp_path, "en", minutes=30), terminal_size=(120, 36))
