"""What changing the agenda live looks like: the add-item dialog over the meeting, the
agenda pane after an item was added, renamed and moved, and the walk-in's form (Chinese).

The clock is frozen. Regenerate only these with
``pytest tests/test_snapshots_agenda_changes.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from textual.widgets import Input

from tests.test_snapshots import SIZE, _app, _still


def _steps(*keys, typed: str | None = None, then=()):
    async def run(pilot):
        screen = pilot.app.screen
        for key in keys:
            await pilot.press(key)
            await screen.intents.idle()
            await pilot.pause()
        if typed is not None:
            pilot.app.screen.query_one(Input).value = typed
        for key in then:
            await pilot.press(key)
            await screen.intents.idle()
            screen.tick()
            await pilot.pause()
        await _still(pilot)  # saves made, workers done, no notification, no cursor blinking
        screen.tick()  # the header as it is once the health checks are loaded, whatever ran before
        await pilot.pause()

    return run


def test_the_add_item_dialog(snap_compare, tmp_path):
    app, _clock = _app(tmp_path, "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=_steps("space", "i", typed="Budget check 10 min @Alice"))


def test_the_agenda_after_an_item_was_added(snap_compare, tmp_path):
    app, _clock = _app(tmp_path, "en")
    assert snap_compare(
        app, terminal_size=SIZE, run_before=_steps("space", "i", typed="Budget check 10 min @Alice", then=["enter"])
    )


def test_the_walk_in_form_in_chinese(snap_compare, tmp_path):
    app, _clock = _app(tmp_path, "zh")
    assert snap_compare(app, terminal_size=SIZE, run_before=_steps("w", typed="周敏"))
