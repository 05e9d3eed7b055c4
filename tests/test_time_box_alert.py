"""The alert at the end of a time box: the countdown flashes and, with the bell switched on,
the terminal bell rings once; a softer flash at the warning minutes. Frozen clock; the
sample session's first item has a 15-minute box and the warning comes 2 minutes before."""

from __future__ import annotations

import json

import pytest

from coopconsole.settings import Settings, load_settings, save_settings, settings_path
from coopconsole.texts import CATALOGUE
from coopconsole.tui.app import make_app
from coopconsole.tui.screens import time_box_alert
from coopconsole.tui.screens.time_box_alert import FLASH_END, FLASH_WARNING, TimeBoxAlert
from tests.support.pilot import advance, move_on, settle
from tests.support.sessions import small_session

SIZE = (120, 36)
BELL_ON = "sound: ring the bell at the end of a time box (now off)"
BELL_OFF = "sound: no bell at the end of a time box (now on)"


@pytest.fixture
def meeting(store, clock):
    """The console on the sample session; ``bell``: the setting it starts with. Its
    ``rung`` list gets one entry each time the bell rings."""
    store.create(small_session("kickoff")).close()

    def start(bell: bool = True, theme: str | None = None, **settings):
        if bell or settings:
            save_settings(Settings(bell=bell, **settings))
        app = make_app(store=store, session_name="kickoff", clock=clock, lang="en", theme=theme)
        app.rung = []  # type: ignore[attr-defined]
        app.bell = lambda: app.rung.append(clock())  # type: ignore[method-assign]
        return app

    return start


def flashing(screen) -> set[str]:
    return set(screen.query_one("#countdown").classes) & {FLASH_END, FLASH_WARNING}


async def test_the_end_of_the_box_flashes_and_rings_the_bell_once(meeting, clock):
    app = meeting(bell=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        screen = await settle(pilot)
        screen = await advance(pilot, clock, minutes=12)
        assert flashing(screen) == set() and app.rung == []
        screen = await advance(pilot, clock, minutes=2, seconds=30)  # 30 s left: the warning
        assert flashing(screen) == {FLASH_WARNING} and app.rung == []  # softer, no bell
        screen = await advance(pilot, clock, seconds=30)  # 00:00
        assert flashing(screen) == {FLASH_END}
        assert app.rung == [clock()]
        for _ in range(3):  # over the box: nothing more
            screen = await advance(pilot, clock, minutes=1)
        assert len(app.rung) == 1
        screen.alert.end_flash()
        assert flashing(screen) == set()
        assert "-overrun" in screen.query_one("#countdown").classes  # its own colours again


async def test_with_the_bell_off_the_countdown_only_flashes(meeting, clock):
    app = meeting(bell=False)
    async with app.run_test(size=SIZE) as pilot:
        assert load_settings()[0].bell is False  # the default
        await pilot.press("space")
        await settle(pilot)
        screen = await advance(pilot, clock, minutes=16)
        assert flashing(screen) == {FLASH_END}
        assert app.rung == []


def _look(countdown):
    """The style of the first cell of the countdown's digits, as rendered."""
    for y in range(countdown.size.height):
        for segment in countdown.render_line(y):
            if segment.text.strip() and segment.style is not None:
                return segment.style
    raise AssertionError("the countdown shows nothing")


@pytest.mark.parametrize("theme", ["coopconsole-dark", "coopconsole-light", "coopconsole-projector"])
async def test_both_flashes_show_in_every_theme(meeting, clock, theme):
    app = meeting(bell=False, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        screen = await advance(pilot, clock, minutes=13)  # 02:00: the warning
        await pilot.pause()
        countdown = screen.query_one("#countdown")
        warning = _look(countdown)
        screen.alert.end_flash()
        await pilot.pause()
        after = _look(countdown)
        assert warning.color == after.color and warning.bgcolor != after.bgcolor  # a tint, the same digits
        screen = await advance(pilot, clock, minutes=2)  # 00:00
        await pilot.pause()
        end = _look(countdown)
        assert end.reverse and end.bold and not warning.reverse  # a block of the countdown's colour
        screen.alert.end_flash()
        await pilot.pause()
        assert not _look(countdown).reverse


async def test_the_flash_ends_by_itself(meeting, clock, monkeypatch):
    monkeypatch.setattr(time_box_alert, "FLASH_SECONDS", 0.01)
    seen = []  # what flashed as the timer ended it
    end_flash = TimeBoxAlert.end_flash

    def spy(alert: TimeBoxAlert) -> None:
        seen.append(flashing(alert.screen))
        end_flash(alert)

    monkeypatch.setattr(TimeBoxAlert, "end_flash", spy)
    app = meeting(bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        screen = await advance(pilot, clock, minutes=16)
        for _ in range(500):  # until the timer has run (no deadline on a slow machine)
            if seen:
                break
            await pilot.pause(0.01)
        assert seen == [{FLASH_END}] and flashing(screen) == set()


async def test_extending_and_running_out_again_alerts_again(meeting, clock):
    app = meeting(bell=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=16)  # one minute over
        assert len(app.rung) == 1
        await pilot.press("plus")  # a 20-minute box: 4 minutes left
        screen = await settle(pilot)
        screen.alert.end_flash()
        screen = await advance(pilot, clock, minutes=3)
        assert len(app.rung) == 1
        screen = await advance(pilot, clock, minutes=1)
        assert len(app.rung) == 2 and flashing(screen) == {FLASH_END}


async def test_shortening_below_the_time_run_does_not_alert(meeting, clock):
    """The facilitator has just decided the item is over: no bell for that."""
    app = meeting(bell=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=8)
        await pilot.press("minus")  # a 10-minute box: 2 minutes left
        screen = await settle(pilot)
        assert flashing(screen) == set()
        await pilot.press("minus")  # a 5-minute box: 3 minutes over
        screen = await settle(pilot)
        screen = await advance(pilot, clock, minutes=1)
        assert flashing(screen) == set() and app.rung == []


async def test_going_back_to_an_item_already_over_does_not_alert(meeting, clock):
    app = meeting(bell=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=16)
        assert len(app.rung) == 1
        screen = await move_on(pilot)
        assert screen.frame.view.agenda.current == 2
        await pilot.press("N")
        screen = await settle(pilot)
        screen.alert.end_flash()
        assert screen.frame.view.agenda.current == 1
        screen = await advance(pilot, clock, minutes=1)
        assert flashing(screen) == set() and len(app.rung) == 1


async def test_an_item_left_with_time_and_come_back_to_still_alerts(meeting, clock):
    app = meeting(bell=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=10)
        await move_on(pilot)
        await pilot.press("N")
        await settle(pilot)
        screen = await advance(pilot, clock, minutes=5)
        assert flashing(screen) == {FLASH_END} and len(app.rung) == 1


async def test_a_console_opened_over_the_box_stays_quiet(meeting, clock):
    app = meeting(bell=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=5)
    clock.advance(minutes=14)  # the console was closed; the box ran out meanwhile
    again = meeting(bell=True)
    async with again.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert screen.frame.view.agenda.running
        screen = await advance(pilot, clock, minutes=1)
        assert flashing(screen) == set() and again.rung == []


async def test_a_console_opened_in_the_warning_minutes_rings_when_the_box_runs_out(meeting, clock):
    app = meeting(bell=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
    clock.advance(minutes=14)  # one minute left
    again = meeting(bell=True)
    async with again.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert flashing(screen) == set()  # no warning flash on opening
        screen = await advance(pilot, clock, minutes=1)
        assert flashing(screen) == {FLASH_END} and len(again.rung) == 1


async def test_a_paused_clock_does_not_alert(meeting, clock):
    app = meeting(bell=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=14, seconds=59)
        await pilot.press("space")  # paused one second before the end
        screen = await settle(pilot)
        screen.alert.end_flash()
        screen = await advance(pilot, clock, minutes=10)
        assert not screen.frame.view.agenda.running
        assert flashing(screen) == set() and app.rung == []
        await pilot.press("space")  # running again: the last second runs out
        await settle(pilot)
        screen = await advance(pilot, clock, seconds=1)
        assert flashing(screen) == {FLASH_END} and len(app.rung) == 1


async def test_no_warning_flash_when_the_warning_is_switched_off(meeting, clock):
    app = meeting(bell=True, warning_minutes=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        screen = await advance(pilot, clock, minutes=14)
        assert flashing(screen) == set()
        screen = await advance(pilot, clock, minutes=1)
        assert flashing(screen) == {FLASH_END} and len(app.rung) == 1


async def test_the_palette_switches_the_bell_and_it_is_remembered(meeting, clock):
    app = meeting(bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [title for title, _ in app.palette_commands()]
        assert BELL_ON in titles and BELL_OFF not in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ring the bell")
        await pilot.app.workers.wait_for_complete()  # the palette's search has found the command
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert app.settings.bell is True and len(app.rung) == 1  # rung once, to be heard
        assert load_settings()[0].bell is True
        commands = dict(app.palette_commands())
        assert BELL_OFF in commands and BELL_ON not in commands
        commands[BELL_OFF]()
        await settle(pilot)
        assert app.settings.bell is False and len(app.rung) == 1
    assert load_settings()[0].bell is False
    save_settings(Settings(bell=True))
    chinese = make_app(store=app.store, session_name="kickoff", clock=clock, lang="zh")
    assert chinese.settings.bell is True  # read as the console starts
    assert CATALOGUE["zh"]["alerts.cmd.bell_off"] in [title for title, _ in chinese.palette_commands()]


def test_the_bell_setting_is_read_written_and_checked(tmp_path):
    path = save_settings(Settings(bell=True))
    assert json.loads(path.read_text("utf-8"))["bell"] is True
    assert load_settings()[0].bell is True
    assert "bell" not in json.loads(save_settings(Settings()).read_text("utf-8"))  # off: the default
    settings_path().write_text(json.dumps({"bell": "yes", "later": 1}), "utf-8")
    loaded, error = load_settings()
    assert loaded.bell is False and loaded.extra == {"later": 1}
    assert error is not None and "'bell' must be true or false" in error
