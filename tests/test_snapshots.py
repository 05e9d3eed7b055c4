"""What the console looks like: the demo meeting in both languages at two sizes.

The clock is frozen, so every figure (countdown, overrun, shares, projected end) is the
same on every run. Regenerate with ``pytest tests/test_snapshots.py --snapshot-update``
after an intended change, and look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from coopconsole.domain.clock import FrozenClock
from coopconsole.samples.meetings import sample_session
from coopconsole.store import SessionStore
from coopconsole.tui.app import make_app

TZ = timezone(timedelta(hours=8))

SCRIPT = {
    "en": ["@alice send the draft MOU to Company B by Dec 10", "@bruno pricing model for the pilot"],
    "zh": ["@王磊 提供数据安全协议初稿 两周内", "@赵敏 预算审批流程"],
}


def _app(tmp_path, lang):
    clock = FrozenClock(datetime(2026, 12, 8, 8, 58, tzinfo=TZ))
    store = SessionStore(tmp_path / "sessions")
    store.create(sample_session(lang, f"demo-{lang}", clock())).close()
    return make_app(store=store, session_name=f"demo-{lang}", clock=clock, lang=lang, theme="coopconsole-dark"), clock


def _meeting(lang, clock):
    """A few minutes of meeting: start, two speakers, moving on (past the closing question),
    an action, a parked point, an overrun."""
    action, parked = SCRIPT[lang]

    async def run(pilot):
        screen = pilot.app.screen

        async def step(*keys, seconds=0):
            await pilot.press(*keys)
            await screen.intents.idle()
            clock.advance(seconds=seconds)
            screen.tick()
            await pilot.pause()

        await step("space", "1", seconds=200)
        await step("3", seconds=100)
        await step("n")  # nothing recorded on the opening: the console asks once
        await step("down", "enter", "4", seconds=400)  # "move on"
        await step("a", *action, "enter")
        await step("l", *parked, "enter", seconds=24 * 60)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_meeting(snap_compare, tmp_path, lang, size):
    app, clock = _app(tmp_path, lang)
    assert snap_compare(app, terminal_size=size, run_before=_meeting(lang, clock))
