"""The console's first screens: the picker and a resumed session."""

from __future__ import annotations

from textual.widgets import OptionList

from coopconsole.tui.app import make_app
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.picker import PickerScreen
from coopconsole.tui.widgets.header import MeetingHeader
from coopconsole.tui.widgets.line_list import LineList
from tests.support.sessions import small_session


def _texts(option_list: OptionList) -> list[str]:
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_picker_lists_samples_and_saved_sessions(store, clock):
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, PickerScreen)
        texts = _texts(app.screen.query_one(OptionList))
        assert texts[0].startswith("▶ Sample meeting (English)")
        assert any("kickoff" in t and "Smart Park" in t for t in texts)
        await pilot.press("enter")  # the highlighted first entry: the English sample
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.service.session.title == "Smart Park Cooperation Promotion Meeting"
        agenda = _texts(app.screen.query_one("#agenda-items", LineList))
        assert len(agenda) == 7 and "Tea break" in agenda[3]
    assert store.names() == ["demo-en", "kickoff"]


async def test_open_session_directly_and_markup_is_literal(store, clock):
    session = small_session("literal")
    session.title = "[bold red]Not markup[/]"
    store.create(session).close()
    app = make_app(store=store, session_name="literal", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.title == "[bold red]Not markup[/]"
        header = app.screen.query_one(MeetingHeader)
        assert header.title_text == "[bold red]Not markup[/]"
        assert header.render().plain.startswith(" [bold red]Not markup[/] ")  # drawn as typed


async def test_corrupt_session_is_a_notification_not_a_crash(store, clock):
    store.create(small_session("broken")).close()
    path = store.path_for("broken")
    path.write_bytes(b"{torn")
    app = make_app(store=store, session_name="broken", clock=clock)
    told = []
    app.notify = lambda message, **kw: told.append((message, kw.get("severity")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert told and "cannot be read" in told[0][0] and told[0][1] == "error"
    assert path.read_bytes() == b"{torn"


async def test_the_console_takes_over_a_session_the_command_line_opened(store, monkeypatch):
    """`coopconsole open` checks the file before starting the console; the console then
    uses that open session instead of reading and checking the file again."""
    import coopconsole.store.reading as records
    from coopconsole.tui.app import make_app
    from coopconsole.tui.screens.meeting import MeetingScreen
    from tests.support.sessions import small_session

    store.create(small_session("taken")).close()
    decoded = []
    real = records.session_from_document
    monkeypatch.setattr(records, "session_from_document", lambda *a, **k: decoded.append(1) or real(*a, **k))
    opened = store.open("taken")
    app = make_app(store=store, session_name="taken", lang="en", opened=opened)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.service.handle is opened
    assert len(decoded) == 1
