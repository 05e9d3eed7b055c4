"""The projector: a read-only, full-screen view of the meeting for a second display.

Its session is written by another service (another ``SessionStore.open`` and
``MeetingService``, as another terminal's console would), on the frozen clock of the
sample session; the projector follows it and never writes.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.service import MeetingService
from coopconsole.settings import Settings, save_settings
from coopconsole.tui.projector_app import make_projector_app
from coopconsole.tui.screens.projector import PROJECTOR_THEME, ProjectorScreen
from coopconsole.tui.widgets.projector import BigCountdown
from tests.support.pilot import settle
from tests.support.sessions import blank_settled, small_session

SIZE = (120, 36)


@pytest.fixture
def console(store, clock):
    """The console's service on session "kickoff", in a file handle of its own."""
    store.create(small_session("kickoff")).close()
    handle = store.open("kickoff")
    yield MeetingService(handle, clock)
    handle.close()


def projector(store, clock, lang="en", theme=None):
    return make_projector_app(store, store.open("kickoff", tidy=False), lang, clock, theme)


def text(screen, name: str) -> str:
    return str(screen.query_one(f"#projector-{name}").render())


async def look(pilot) -> ProjectorScreen:
    """Let the projector read the session as of now and redraw."""
    screen = pilot.app.screen
    assert isinstance(screen, ProjectorScreen)
    screen.tick()
    await pilot.pause()
    return screen


def digits(screen) -> BigCountdown:
    return screen.query_one(BigCountdown)


async def test_the_current_item_its_countdown_and_the_room(store, clock, console):
    console.agenda.toggle()
    clock.advance(minutes=3)
    console.room.speaker(4)
    clock.advance(seconds=75)
    console.captures.capture("park", "budget for phase 2")
    console.captures.capture("park", "the second site")
    console.captures.capture("decision", "We share the energy data monthly")
    console.captures.capture("decision", "The pilot starts in January")
    app = projector(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await look(pilot)
        assert app.theme == PROJECTOR_THEME
        assert text(screen, "place") == "Item 1 of 4"
        assert text(screen, "item") == "Opening"
        assert text(screen, "detail") == "left of 15 min"
        assert digits(screen).value == "10:45"  # 15 min - 4:15
        assert text(screen, "floor") == "张三 (智算科技) has the floor · 01:15"
        assert "-speaking" in screen.query_one("#projector-floor").classes
        assert text(screen, "next") == "Next: 09:15 Directions · 10:00 Tea break"
        assert text(screen, "parked") == "Parked points: 2"
        assert text(screen, "decision") == "Last decision: The pilot starts in January"
        # Time passes on the frozen clock: the countdown and the turn follow.
        clock.advance(minutes=2)
        screen = await look(pilot)
        assert digits(screen).value == "08:45"
        assert text(screen, "floor").endswith("03:15")


async def test_amber_then_red_as_in_the_console(store, clock, console):
    console.agenda.toggle()
    app = projector(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await look(pilot)
        assert not digits(screen).classes & {"-warning", "-overrun"}
        colours = [digits(screen).rich_style.color]
        clock.advance(minutes=13, seconds=30)  # 1:30 left, within the 2 warning minutes
        screen = await look(pilot)
        assert digits(screen).value == "01:30"
        assert "-warning" in digits(screen).classes and "-overrun" not in digits(screen).classes
        colours.append(digits(screen).rich_style.color)
        clock.advance(minutes=2)  # 30 s over the box
        screen = await look(pilot)
        assert digits(screen).value == "+00:30"
        assert "-overrun" in digits(screen).classes and "-warning" not in digits(screen).classes
        assert text(screen, "detail") == "OVER the 15 min box"
        colours.append(digits(screen).rich_style.color)
        # green, amber, red: the projector theme's countdown colours
        assert [c.get_truecolor().hex.lower() for c in colours] == ["#006400", "#a05a00", "#cc0000"]


async def test_the_warning_minutes_are_the_settings(store, clock, console):
    save_settings(Settings(warning_minutes=5))
    console.agenda.toggle()
    clock.advance(minutes=11)  # 4 min left
    app = projector(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await look(pilot)
        assert "-warning" in digits(screen).classes


async def test_in_chinese(store, clock, console):
    console.agenda.toggle()
    console.room.speaker(1)
    clock.advance(seconds=40)
    console.captures.capture("park", "二期预算")
    console.captures.capture("decision", "一月启动试点")
    app = projector(store, clock, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await look(pilot)
        assert text(screen, "place") == "第 1 项,共 4 项"
        assert text(screen, "floor") == "Alice Chen(Company A)正在发言 · 00:40"
        assert text(screen, "next") == "接下来:09:15 Directions · 10:00 Tea break"
        assert text(screen, "parked") == "停车场待议:1 项"
        assert text(screen, "decision") == "最新决议:一月启动试点"


async def test_the_next_items_start_when_the_pace_says(store, clock, console):
    """Projected starts: the opening running 5 minutes over moves the next items on."""
    console.agenda.toggle()
    clock.advance(minutes=20)
    app = projector(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await look(pilot)
        assert text(screen, "next") == "Next: 09:20 Directions · 10:05 Tea break"
        console.agenda.next_item()
        console.agenda.next_item()
        console.agenda.next_item()  # the last item: nothing to come
        screen = await look(pilot)
        assert text(screen, "item") == "Next steps"
        assert text(screen, "next") == "Next: nothing, this is the last item"


async def test_before_the_start_and_with_nobody_speaking(store, clock, console):
    app = projector(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await look(pilot)
        assert text(screen, "place") == ""
        assert text(screen, "item") == "Not started yet · planned for 09:00"
        assert digits(screen).value == "15:00"
        assert text(screen, "floor") == "Nobody has the floor"
        assert text(screen, "next") == "Next: 09:00 Opening · 09:15 Directions"
        assert text(screen, "parked") == "Parked points: 0"
        assert text(screen, "decision") == "No decision yet"


async def test_it_follows_another_process_and_writes_nothing(store, clock, console, folder):
    path = store.path_for("kickoff")
    app = projector(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await look(pilot)
        assert text(screen, "item") == "Not started yet · planned for 09:00"
        # Another console (its own file handle and service) starts the meeting and records.
        console.agenda.toggle()
        console.room.speaker(3)
        console.captures.capture("decision", "Go ahead")
        blank_settled(console.handle)  # the other console's next temporary file, made after its write
        before = (path.read_bytes(), os.stat(path).st_mtime_ns, sorted(os.listdir(folder)))
        await pilot.pause(1.3)  # the projector's own second: no tick by hand
        screen = pilot.app.screen
        assert text(screen, "item") == "Opening"
        assert text(screen, "floor").startswith("Chloe Martin (Company B) has the floor")
        assert text(screen, "decision") == "Last decision: Go ahead"
        for _ in range(3):
            clock.advance(seconds=20)
            await look(pilot)
        await pilot.press("q")
    assert (path.read_bytes(), os.stat(path).st_mtime_ns, sorted(os.listdir(folder))) == before


async def test_it_never_calls_an_intent(store, clock, console):
    app = projector(store, clock)
    assert not hasattr(app.source, "captures") and not hasattr(app.source, "agenda")
    async with app.run_test(size=SIZE) as pilot:
        await look(pilot)


@pytest.mark.parametrize("key", ["q", "escape", "ctrl+q"])
async def test_q_escape_and_ctrl_q_quit(store, clock, console, key):
    app = projector(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await look(pilot)
        await pilot.press(key)
        await pilot.pause()
    assert app.return_code in (None, 0)
    assert not app.is_running


async def test_another_theme_when_asked(store, clock, console):
    app = projector(store, clock, theme="coopconsole-dark")
    async with app.run_test(size=SIZE) as pilot:
        await look(pilot)
        assert app.theme == "coopconsole-dark"


async def test_the_palette_opens_it_over_the_meeting_and_escape_returns(store, clock, console):
    from coopconsole.tui.app import make_app
    from coopconsole.tui.screens.meeting import MeetingScreen

    console.handle.close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en", theme="coopconsole-dark")
    async with app.run_test(size=SIZE) as pilot:
        meeting = await settle(pilot)
        assert isinstance(meeting, MeetingScreen)
        await pilot.press("space")
        await settle(pilot)
        (run,) = [run for title, run in meeting.palette_commands() if title.startswith("view: projector")]
        run()
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ProjectorScreen)
        assert app.theme == PROJECTOR_THEME
        assert text(screen, "item") == "Opening"
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is meeting
        assert app.theme == "coopconsole-dark"


def test_the_command_line_refuses_an_unknown_session(store, console):
    result = CliRunner().invoke(main, ["projector", "nosuch"])
    assert result.exit_code == 2
    assert "No session named 'nosuch'" in result.output
    assert "coopconsole list" in result.output


def test_the_command_line_refuses_a_damaged_file(store, console, folder):
    (folder / "broken.json").write_text("{ not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["projector", "broken"])
    assert result.exit_code == 2
    assert "broken" in result.output


def test_the_command_line_takes_lang_and_theme(store, console, monkeypatch):
    ran = []

    def run(self):  # noqa: ANN001, ANN202
        ran.append((self.lang, self.theme, type(self.screen_stack[-1]).__name__ if self.screen_stack else None))

    monkeypatch.setattr("coopconsole.tui.projector_app.ProjectorApp.run", run)
    monkeypatch.setattr("coopconsole.cli.console_start.no_terminal", lambda: None)  # as in a terminal
    result = CliRunner().invoke(main, ["projector", "kickoff", "--lang", "zh", "--theme", "coopconsole-light"])
    assert result.exit_code == 0, result.output
    assert ran == [("zh", "coopconsole-light", None)]
    result = CliRunner().invoke(main, ["projector", "kickoff"])
    assert ran[-1][1] == PROJECTOR_THEME


async def test_another_processs_save_is_told_by_the_folder(store, clock, console, monkeypatch):
    """The projector looks again as the console's save lands (the folder's notification),
    not only on its own second."""
    from coopconsole.tui.messages import FolderChanged

    told: list[FolderChanged] = []
    heard = ProjectorScreen.on_folder_changed

    def listen(screen: ProjectorScreen, message: FolderChanged) -> None:
        told.append(message)
        heard(screen, message)

    monkeypatch.setattr(ProjectorScreen, "on_folder_changed", listen)
    app = projector(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await look(pilot)
        assert screen.file_changes is not None
        console.captures.capture("decision", "Go ahead")
        for _ in range(400):  # a guard against a hang, not a measure
            if told and text(pilot.app.screen, "decision") == "Last decision: Go ahead":
                break
            await pilot.pause(0.05)
        assert told
        assert text(pilot.app.screen, "decision") == "Last decision: Go ahead"
