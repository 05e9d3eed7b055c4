"""What the speaker queue looks like over the demo meeting: the speakers pane with the
queue and a turn limit of two minutes counting the current turn down (amber in its last
30 s), in English at 120x36 and in Chinese at 80x24; and the queue's picker open.

The meeting is :mod:`tests.test_snapshots`' few minutes of the demo, with its clock
frozen. Regenerate with ``pytest tests/test_snapshots_queue.py --snapshot-update`` after
an intended change, and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from coopconsole.settings import Settings, save_settings
from tests.test_snapshots import _app, _meeting, _still


def _queued(lang, clock, *then):
    """The demo's few minutes; 2, 5 and 3 queued; the floor to the next (2), whose turn
    has run 1:40 of its 2 minutes; then ``then`` pressed."""
    meeting = _meeting(lang, clock, keys_typed=False)

    async def run(pilot):
        await meeting(pilot)
        screen = pilot.app.screen
        for number in ("2", "5", "3"):
            await pilot.press("q")
            await pilot.pause()
            await pilot.press(number)
            await pilot.pause()
            await screen.intents.idle()
        await pilot.press("f")
        await screen.intents.idle()
        clock.advance(seconds=100)
        screen.tick()
        await pilot.pause()
        await pilot.press(*then)
        await _still(pilot)

    return run


@pytest.mark.parametrize(("lang", "size"), [("en", (120, 36)), ("zh", (80, 24))], ids=["en-120x36", "zh-80x24"])
def test_queue_and_turn_limit(snap_compare, tmp_path, lang, size):
    save_settings(Settings(turn_limit_minutes=2))
    app, clock = _app(tmp_path, lang)
    assert snap_compare(app, terminal_size=size, run_before=_queued(lang, clock))


def test_queue_picker(snap_compare, tmp_path):
    app, clock = _app(tmp_path, "en")
    assert snap_compare(app, terminal_size=(120, 36), run_before=_queued("en", clock, "q"))
