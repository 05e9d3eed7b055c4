"""What the plan review looks like: the English sample agenda just imported, its second
item dropped (struck through, the planned starts after it moved up) and the third
highlighted, with its line picked out in the agenda as written.

The clock is frozen. Regenerate only this with
``pytest tests/test_snapshots_review.py --snapshot-update`` and look at the SVG.
"""

from __future__ import annotations

from datetime import datetime
from importlib import resources

from coopconsole.domain.clock import FrozenClock
from coopconsole.store import SessionStore
from coopconsole.tui.app import make_app
from tests.support.review import reviewed
from tests.support.sessions import TZ
from tests.test_snapshots import SIZE, _still


async def _drop_the_second(pilot):
    screen = pilot.app.screen
    for key in ("down", "d", "down"):
        await pilot.press(key)
        await screen.intents.idle()
        await pilot.pause()
    await _still(pilot)


def test_the_review_of_the_sample_agenda(snap_compare, tmp_path):
    store = SessionStore(tmp_path / "sessions")
    text = resources.files("coopconsole.samples").joinpath("smart-park.en.md").read_text("utf-8")
    reviewed(store, text, "smart-park")
    clock = FrozenClock(datetime(2026, 12, 8, 8, 30, tzinfo=TZ))
    app = make_app(store=store, session_name="smart-park", clock=clock, lang="en", theme="coopconsole-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=_drop_the_second)
