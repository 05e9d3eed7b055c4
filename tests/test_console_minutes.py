"""The minutes in the console: the deadline in the header, the preview, writing the file
next to the session, ticking off confirmations. Frozen clock throughout."""

from __future__ import annotations

import pytest
from textual.widgets import Markdown, SelectionList

from coopconsole.texts import t
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.minutes import ConfirmationsDialog, MinutesScreen
from coopconsole.tui.widgets.header import status_line
from tests.support.pilot import settle
from tests.support.sessions import small_session

SIZE = (120, 36)


@pytest.fixture
def ended(store, clock):
    """A meeting that ran 40 minutes and was ended, with one action."""
    from coopconsole.service import MeetingService

    store.create(small_session("kickoff")).close()
    with store.open("kickoff") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        service.room.speaker(1)
        service.captures.action("@Alice send the MOU | draft by Dec 15")
        clock.advance(minutes=40)
        service.agenda.end()
    return lambda lang="en": make_app(store=store, session_name="kickoff", clock=clock, lang=lang)


async def _minutes_text(pilot) -> str:
    """The preview's Markdown, once the minutes are built (on the meeting's intent thread)
    and the widget has parsed them (on a thread of its own) and mounted their blocks."""
    screen = pilot.app.screen
    assert isinstance(screen, MinutesScreen)
    await screen.meeting.intents.idle()  # built, and handed to the widget
    document = screen.query_one(Markdown)
    async with document.lock:  # ``Markdown.update`` holds the widget's lock until it has mounted
        pass
    await pilot.pause()
    assert document.query("MarkdownH2"), "the preview shows the rendered minutes, not only their text"
    return document.source


async def test_the_header_shows_the_minutes_deadline_then_that_they_were_sent(ended, clock, store):
    async with ended().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert "minutes due 12-09 09:40" in status_line(screen.frame)
        await pilot.press("m")
        text = await _minutes_text(pilot)
        assert text.startswith("# Smart Park Cooperation Promotion Meeting: minutes")
        assert "## 2. Goals" not in text  # one section at a time
        await pilot.press(*["right"] * 5)
        text = await _minutes_text(pilot)
        assert text.startswith("## 6. Action items")
        assert pilot.app.screen.query_one(Markdown).query("MarkdownTable")  # the table is drawn
        assert "send the MOU \\| draft" in text  # escaped, so the table keeps its columns
        assert "section 6/9" in str(pilot.app.screen.query_one("#minutes-status").content)
        await pilot.press(*["right"] * 5)  # stops at the last section
        assert (await _minutes_text(pilot)).startswith("## 9. Next steps")
        await pilot.press("w")
        await _minutes_text(pilot)
        written = store.folder / "kickoff.minutes.en.md"
        assert written.read_text("utf-8").startswith("# Smart Park")
        await pilot.press("escape")
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        assert "minutes sent 09:40 · 0/4 confirmed" in status_line(screen.frame)
    with store.open("kickoff") as handle:
        assert handle.load().minutes_at == clock()


async def test_the_preview_switches_language(ended):
    async with ended().run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert "## 1. Meeting information" in await _minutes_text(pilot)
        await pilot.press("g")
        assert "## 一、会议信息" in await _minutes_text(pilot)


async def test_confirmations_are_ticked_off_and_saved(ended, store):
    async with ended().run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await _minutes_text(pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmationsDialog)
        boxes = dialog.query_one(SelectionList)
        assert boxes.disabled  # nothing was sent yet: nothing to confirm
        await pilot.press("escape")
        await pilot.press("w")
        await _minutes_text(pilot)
        await pilot.press("c")
        await pilot.pause()
        boxes = pilot.app.screen.query_one(SelectionList)
        assert not boxes.disabled
        boxes.focus()
        await pilot.press("space")  # Alice, the first
        await pilot.press("down", "down", "space")  # Chloe
        meeting = pilot.app.screen_stack[1]
        await meeting.intents.idle()
        await pilot.pause()
        assert set(boxes.selected) == {1, 3}
    with store.open("kickoff") as handle:
        confirmed = [p.id for p in handle.load().participants if p.confirmed_at is not None]
    assert confirmed == [1, 3]


async def test_the_palette_offers_the_minutes_commands_in_chinese(ended):
    async with ended("zh").run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        titles = [title for title, _ in screen.palette_commands()]
        assert {"纪要:预览会议纪要", "纪要:生成纪要文件(与会议文件同目录)", "纪要:登记参会人确认"} <= set(titles)
        assert "纪要须于 12-09 09:40 前发出" in status_line(screen.frame)


async def test_writing_into_a_folder_that_refuses_says_so_and_records_nothing(ended, store, monkeypatch):
    import coopconsole.service.closing as closing

    def refuse(path, data, mode=None):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(closing, "write_atomic", refuse)
    async with ended().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        dict(screen.palette_commands())[t("cmd.minutes_write", "en")]()
        await settle(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert any("not marked as sent" in m for m in messages)
    with store.open("kickoff") as handle:
        assert handle.load().minutes_at is None


async def test_the_palette_writes_the_minutes_and_opens_the_confirmations(ended, store):
    async with ended().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        commands = dict(screen.palette_commands())
        commands[t("cmd.minutes_write", "en")]()
        await settle(pilot)
        assert (store.folder / "kickoff.minutes.en.md").read_text("utf-8").startswith("# Smart Park")
        commands[t("cmd.minutes_confirm", "en")]()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmationsDialog)
