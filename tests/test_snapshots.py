"""What the console looks like: the demo meeting in both languages at two sizes and in
the light and projector themes, the picker, the key help, a question, the goals and
health dialogs and the minutes.

The clock is frozen, so every figure (countdown, overrun, shares, projected end) is the
same on every run. Regenerate with ``pytest tests/test_snapshots.py --snapshot-update``
after an intended change, and look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Input, Label, Markdown

from coopconsole.domain.clock import FrozenClock
from coopconsole.samples.meetings import sample_session
from coopconsole.service import MeetingService
from coopconsole.store import SessionStore
from coopconsole.texts import t
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.minutes import MinutesScreen
from coopconsole.tui.widgets.capture_bar import CaptureBar
from tests.support.sessions import TZ, small_session

SIZE = (120, 36)

SCRIPT = {
    "en": ["@alice send the draft MOU to Company B by Dec 10", "@bruno pricing model for the pilot"],
    "zh": ["@王磊 提供数据安全协议初稿 两周内", "@赵敏 预算审批流程"],
}


def _app(tmp_path, lang, theme="coopconsole-dark"):
    clock = FrozenClock(datetime(2026, 12, 8, 8, 58, tzinfo=TZ))
    store = SessionStore(tmp_path / "sessions")
    store.create(sample_session(lang, f"demo-{lang}", clock())).close()
    return make_app(store=store, session_name=f"demo-{lang}", clock=clock, lang=lang, theme=theme), clock


def _meeting(lang, clock, keys_typed=True):
    """A few minutes of meeting: start, two speakers, moving on (past the closing question),
    an action, a parked point, an overrun.

    ``keys_typed=False``: the capture bar is given each line whole rather than key by key
    (quicker, for the pictures of what opens over the meeting; the screen is the same)."""
    action, parked = SCRIPT[lang]

    async def run(pilot):
        screen = pilot.app.screen

        async def step(*keys, seconds=0):
            await pilot.press(*keys)
            await screen.intents.idle()
            clock.advance(seconds=seconds)
            screen.tick()
            await pilot.pause()

        async def capture(key, text, seconds=0):
            if keys_typed:
                await step(key, *text, "enter", seconds=seconds)
            else:
                await step(key)
                screen.query_one(CaptureBar).type(text)
                await step("enter", seconds=seconds)

        await step("space", "1", seconds=200)
        await step("3", seconds=100)
        await step("n")  # nothing recorded on the opening: the console asks once
        await step("down", "enter", "4", seconds=400)  # "move on"
        await capture("a", action)
        await capture("l", parked, seconds=24 * 60)
        pilot.app.clear_notifications()
        screen.alert.end_flash()  # the overrun's flash lasts two seconds of the wall clock
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_meeting(snap_compare, tmp_path, lang, size):
    app, clock = _app(tmp_path, lang)
    assert snap_compare(app, terminal_size=size, run_before=_meeting(lang, clock))


async def _still(pilot):
    """What a picture needs to be the same on every run: every save made and every worker
    done (the checks' import, a suggester), no notification (they leave on the wall
    clock), no cursor blinking (it blinks on the wall clock too) and no time-box flash
    (two seconds of the wall clock)."""
    for screen in pilot.app.screen_stack:
        if isinstance(screen, MeetingScreen):
            await screen.intents.idle()
            screen.alert.end_flash()
    await pilot.app.workers.wait_for_complete()
    pilot.app.clear_notifications()
    for screen in pilot.app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
    await pilot.pause()


def _then(lang, clock, *keys):
    """The few minutes of meeting of :func:`_meeting`, then ``keys`` pressed."""
    meeting = _meeting(lang, clock, keys_typed=False)

    async def run(pilot):
        await meeting(pilot)
        await pilot.press(*keys)
        await _still(pilot)

    return run


@pytest.mark.parametrize("theme", ["coopconsole-light", "coopconsole-projector"])
def test_demo_meeting_themes(snap_compare, tmp_path, theme):
    app, clock = _app(tmp_path, "en", theme)
    assert snap_compare(app, terminal_size=SIZE, run_before=_then("en", clock))


def test_picker(snap_compare, tmp_path):
    """Both samples, a session not started yet and one under way."""
    clock = FrozenClock(datetime(2026, 12, 8, 9, 20, tzinfo=TZ))
    store = SessionStore(tmp_path / "sessions")
    store.create(small_session("kickoff")).close()
    store.create(sample_session("zh", "pilot-zh", datetime(2026, 12, 8, 8, 58, tzinfo=TZ))).close()
    with store.open("pilot-zh") as handle:
        MeetingService(handle, FrozenClock(datetime(2026, 12, 8, 9, 1, tzinfo=TZ))).agenda.start()

    async def run(pilot):
        # The folder is the test's own temporary one: shown as a fixed one, as the console
        # words it, so that the picture does not change with it.
        label = pilot.app.screen.query_one(Label)
        assert str(store.folder.resolve()) in str(label.content)
        label.update(t("picker.folder", "en", folder="/home/dana/coopconsole/sessions"))
        await _still(pilot)

    app = make_app(store, session_name=None, clock=clock, lang="en", theme="coopconsole-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_help_in_chinese(snap_compare, tmp_path):
    app, clock = _app(tmp_path, "zh")
    assert snap_compare(app, terminal_size=SIZE, run_before=_then("zh", clock, "question_mark"))


def test_end_meeting_question(snap_compare, tmp_path):
    app, clock = _app(tmp_path, "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=_then("en", clock, "ctrl+e"))


def test_goals_dialog(snap_compare, tmp_path):
    app, clock = _app(tmp_path, "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=_then("en", clock, "g"))


def test_health_panel(snap_compare, tmp_path):
    app, clock = _app(tmp_path, "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=_then("en", clock, "h"))


def test_minutes_view(snap_compare, tmp_path):
    app, clock = _app(tmp_path, "en")
    before = _then("en", clock, "m")

    async def run(pilot):
        await before(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MinutesScreen)
        await screen.meeting.intents.idle()  # the minutes built, and handed to the preview
        async with screen.query_one(Markdown).lock:  # the preview parsed and mounted
            pass
        await _still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_capture_bar_open_over_the_lower_panes(snap_compare, tmp_path):
    """The bar opened for an action with text typed: on a layer of its own over the lower
    panes' last rows (no pane moves when it opens or closes), the footer still below it."""
    app, clock = _app(tmp_path, "zh")
    before = _then("zh", clock, "a")

    async def run(pilot):
        await before(pilot)
        pilot.app.screen.query_one(CaptureBar).type("@李娜 整理试点场地清单 周五前")
        await _still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)
