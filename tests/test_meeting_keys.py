"""The meeting screen driven by its keys, against a frozen clock."""

from __future__ import annotations

import errno
import os
from datetime import timedelta

import pytest
from textual.widgets import Digits, Input, Label

from coopconsole.domain.model import Resolution, SessionStatus
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.closing_list import ClosingListDialog
from coopconsole.tui.screens.dialogs import ChoiceDialog, HelpDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.header import MeetingHeader
from coopconsole.tui.widgets.parking_lot import ParkingLotPane
from coopconsole.tui.widgets.speakers import SpeakersPane
from tests.support.pilot import advance, move_on, settle, texts
from tests.support.sessions import small_session


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()

    def start(**kw):
        return make_app(store=store, session_name="kickoff", clock=clock, lang="en", **kw)

    return start


async def test_countdown_warning_overrun_and_drift(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        countdown = screen.query_one("#countdown", Digits)
        assert countdown.value == "15:00"
        await pilot.press("space")
        screen = await settle(pilot)
        assert screen.frame.view.agenda.running
        screen = await advance(pilot, clock, minutes=13)
        assert countdown.value == "02:00" and countdown.has_class("-warning")
        assert not countdown.has_class("-overrun")
        screen = await advance(pilot, clock, minutes=3)
        assert countdown.value == "+01:00" and countdown.has_class("-overrun")
        assert "1 min behind plan" in str(screen.query_one("#agenda-drift").render())
        await pilot.press("space")  # pause
        screen = await settle(pilot)
        assert not screen.frame.view.agenda.running
        screen = await advance(pilot, clock, minutes=5)
        assert countdown.value == "+01:00"  # a paused clock does not count
        assert countdown.has_class("-paused")


async def test_next_previous_extend_shorten(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "n")
        screen = await settle(pilot)
        assert screen.frame.view.agenda.current == 2
        await pilot.press("N")
        screen = await settle(pilot)
        assert screen.frame.view.agenda.current == 1
        await pilot.press("plus", "plus", "minus")
        screen = await settle(pilot)
        assert screen.frame.view.agenda.current_timing.box == timedelta(minutes=20)
        assert screen.query_one("#countdown", Digits).value == "20:00"
        await pilot.press("N")  # nothing before the first item: a message, nothing else
        screen = await settle(pilot)
        assert screen.frame.view.agenda.current == 1


async def test_speaker_keys_toggle_and_totals(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        screen = await settle(pilot)
        assert screen.frame.view.speaker == 1
        screen = await advance(pilot, clock, seconds=90)
        assert "Alice Chen speaking · 01:30" in str(screen.query_one("#speaker-now").render())
        await pilot.press("1")  # the same key again: nobody
        screen = await settle(pilot)
        assert screen.frame.view.speaker is None
        await pilot.press("4")
        screen = await advance(pilot, clock, seconds=30)
        await pilot.press("0")
        screen = await settle(pilot)
        people = {row.id: row for row in screen.frame.view.people}
        assert people[1].total == timedelta(seconds=90) and people[4].total == timedelta(seconds=30)
        assert people[1].share == pytest.approx(0.75)
        rows = texts(screen.query_one(SpeakersPane).query_one("#speaker-rows"))
        assert any("Alice Chen" in r and "01:30" in r and "75%" in r for r in rows)
        assert any(r.startswith("Company A") for r in rows)


async def test_quiet_and_dominant_flags_after_ten_minutes(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        screen = await advance(pilot, clock, seconds=30)
        flags = {row.id: row.flag for row in screen.frame.view.people}
        assert flags[2] == "quiet" and flags[1] is None  # not yet heard; too early to call dominant
        screen = await advance(pilot, clock, minutes=11)
        flags = {row.id: row.flag for row in screen.frame.view.people}
        assert flags[1] == "dominant" and flags[3] == "quiet"
        rows = texts(screen.query_one(SpeakersPane).query_one("#speaker-rows"))
        assert any("Alice Chen" in r and "dominant" in r for r in rows)


async def test_capture_each_kind_through_the_bar(meeting, clock, store):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("a")
        bar = app.screen.query_one(CaptureBar)
        assert bar.display and app.screen.focused is bar.query_one(Input)
        await pilot.press(*"@alice send the deck to Company B by Dec 10")  # letters go to the bar
        assert app.screen.frame.view.agenda.current == 1  # the "n" in "send" moved nothing
        await pilot.press("enter")
        screen = await settle(pilot)
        assert not bar.display
        action = screen.service.session.actions[0]
        assert (action.owner, action.deliverable, action.item) == ("Alice Chen", "send the deck to Company B", 1)
        rows = texts(screen.query_one(ActionsPane))
        assert any(r.startswith(f"#1 Alice Chen · {action.deadline:%m-%d}: send the deck") for r in rows)
        for key, text in (
            ("o", "pilot line 3 has the cleanest data"),
            ("d", "Pilot on line 3 for one month"),
            ("l", "@bruno pricing model"),
        ):
            await pilot.press(key, *text, "enter")
            screen = await settle(pilot)
        session = screen.service.session
        assert [n.text for n in session.notes] == ["pilot line 3 has the cleanest data"]
        assert [d.text for d in session.decisions] == ["Pilot on line 3 for one month"]
        assert [(p.text, p.raised_by) for p in session.parked] == [("pricing model", "Bruno Silva")]
        rows = texts(screen.query_one(ActionsPane))
        assert "Decisions" in rows and "Notes" in rows
    assert len(store.open("kickoff").load().actions) == 1


async def test_escape_cancels_and_saves_nothing(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", *"@alice something", "escape")
        screen = await settle(pilot)
        assert not screen.query_one(CaptureBar).display
        assert screen.service.session.actions == []


async def test_unreadable_capture_keeps_the_text(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", *"@alice fix the deck due someday", "enter")
        screen = await settle(pilot)
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.text == "@alice fix the deck due someday" and bar.has_class("-error")
        assert screen.service.session.actions == []
        field = bar.query_one(Input)
        field.value = "@alice fix the deck due Friday"
        await pilot.press("enter")
        screen = await settle(pilot)
        assert not bar.display and len(screen.service.session.actions) == 1


async def test_failed_save_keeps_the_record_and_retry_works(meeting, clock, monkeypatch):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        real = os.writev

        def full(fd, parts):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "writev", full)
        await pilot.press("a", *"@alice send the MOU draft by Dec 10", "enter")
        screen = await settle(pilot)
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.text == "@alice send the MOU draft by Dec 10"
        assert screen.service.session.actions == []
        monkeypatch.setattr(os, "writev", real)
        await pilot.press("enter")
        screen = await settle(pilot)
        assert not bar.display and len(screen.service.session.actions) == 1


async def test_edit_the_selected_action(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", *"A公司跟进技术方案", "enter")
        screen = await settle(pilot)
        assert not screen.service.session.actions[0].smart.ok
        pane = screen.query_one(ActionsPane)
        pane.focus()
        pane.highlighted = 0
        await pilot.press("e")
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.text == "A公司跟进技术方案"
        assert str(bar.query_one("#capture-kind", Label).render()).strip() == "Edit action #1 ▸"  # which one
        bar.query_one(Input).value = "@alice send the technical plan draft by Dec 10"
        await pilot.press("enter")
        screen = await settle(pilot)
        actions = screen.service.session.actions
        assert len(actions) == 1 and actions[0].smart.ok and actions[0].owner == "Alice Chen"


async def test_parking_lot_resolution(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "l", *"@bruno pricing model", "enter")
        screen = await settle(pilot)
        pane = screen.query_one(ParkingLotPane)
        pane.focus()
        pane.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.heading == "Resolve parked point #1: pricing model"  # which point
        labels = [label for label, _ in app.screen.choices]
        await pilot.press(*["down"] * labels.index("Defer to the next meeting"), "enter")
        screen = await settle(pilot)
        assert screen.service.session.parked[0].resolution is Resolution.DEFERRED
        # What became of the point comes before its text: a narrow pane cannot cut it off.
        assert texts(pane)[0].startswith("#1 [deferred to the next meeting] pricing model")


async def test_picker_reaches_any_participant_and_help_opens(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "down", "down", "down", "enter")  # nobody, 1, 2, 3, 4
        screen = await settle(pilot)
        assert screen.frame.view.speaker == 4
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        shown = {(keys, text) for _, keys, text in app.screen.lines}
        assert {("space", "Clock"), ("p", "Pick speaker"), ("0", "Nobody"), ("1-9", "Speaker")} <= shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_resume_after_restart_shows_running_clock(meeting, clock, store):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "2")
        await settle(pilot)
        await advance(pilot, clock, minutes=4)
    clock.advance(minutes=3)  # the console was closed; the room went on
    again = meeting()
    async with again.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        view = screen.frame.view
        assert view.agenda.status is SessionStatus.RUNNING and view.agenda.running
        assert view.agenda.current_timing.elapsed == timedelta(minutes=7)
        assert screen.query_one("#countdown", Digits).value == "08:00"
        assert view.speaker == 2 and view.now - view.speaker_since == timedelta(minutes=7)


async def test_name_completion_after_at():
    from coopconsole.tui.widgets.capture_bar import NameSuggester

    people = small_session().participants
    suggest = NameSuggester(people).get_suggestion
    assert await suggest("@chl") == "@Chloe Martin "  # a space: what follows is not the name
    assert await suggest("send it @mar") == "send it @Chloe Martin "  # a word of the name
    assert await suggest("@张") == "@张三 "
    assert await suggest("@alice chen") is None  # the line already has it
    assert await suggest("@zz") is None and await suggest("no mention") is None


async def test_tab_completes_the_name_and_keeps_the_bar_focused(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", *"@chl")
        await pilot.app.workers.wait_for_complete()  # the field's suggester runs as a worker
        await pilot.pause()  # and the field takes its suggestion
        await pilot.press("tab")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        bar = app.screen.query_one(CaptureBar)
        field = bar.query_one(Input)
        assert app.screen.focused is field
        assert bar.text == "@Chloe Martin "
        await pilot.press(*"send the deck by Dec 10", "tab", "enter")
        screen = await settle(pilot)
        assert [a.owner for a in screen.service.session.actions] == ["Chloe Martin"]


async def test_keys_reaching_an_open_bar_without_focus_are_typed_into_it(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", *"@alice half typed")
        screen = app.screen
        screen.query_one(ActionsPane).focus()  # e.g. a click on a pane
        await pilot.pause()
        await pilot.press("space", "n", "a")  # not the clock, not the next item, not a new bar
        await pilot.pause()
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.text == "@alice half typed na" and bar.kind == "action"
        assert screen.focused is bar.query_one(Input)
        assert not screen.frame.view.agenda.running and screen.service.session.events == []
        screen.query_one(ActionsPane).focus()
        await pilot.pause()
        await pilot.press("escape")  # closes the bar even from elsewhere; nothing saved
        screen = await settle(pilot)
        assert not bar.display and screen.service.session.actions == []


async def test_a_failed_key_says_nothing_about_the_capture_bar(meeting, clock, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(MeetingScreen, "notify", lambda self, message, **kw: messages.append(message))
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:

        def full(fd, parts):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "writev", full)
        await pilot.press("space")
        await settle(pilot)
        assert any("No space left on device" in m and "Nothing was changed" in m for m in messages)
        assert not any("bar" in m for m in messages)


async def test_the_flag_is_the_meetings_after_the_item_changes(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        await advance(pilot, clock, minutes=12)
        await pilot.press("0")
        screen = await move_on(pilot)
        rows = texts(screen.query_one(SpeakersPane).query_one("#speaker-rows"))
        alice = next(r for r in rows if "Alice Chen" in r)
        assert "dominant" in alice and "quiet" not in alice  # not heard on this item yet


async def test_e_right_after_a_capture_edits_that_record(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        for text in ("first point", "second point"):
            await pilot.press("o", *text, "enter")
            await settle(pilot)
        await pilot.pause()
        await pilot.press("e")
        bar = app.screen.query_one(CaptureBar)
        assert bar.display and bar.text == "second point"
        await pilot.press("escape", "l", *"pricing model", "enter")
        await settle(pilot)
        await pilot.pause()
        await pilot.press("enter")  # the parked point just captured is highlighted
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)


async def test_the_agenda_list_shows_the_box_as_changed_and_no_tick_for_a_left_item(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "plus")
        screen = await settle(pilot)
        rows = texts(screen.query_one("#agenda-items"))
        assert "Opening  20 min" in rows[0]
        await pilot.press("n")
        await settle(pilot)
        await advance(pilot, clock, seconds=20)
        await pilot.press("N")
        screen = await settle(pilot)
        rows = texts(screen.query_one("#agenda-items"))
        assert rows[0].startswith("▶") and rows[1].startswith(" ")  # item 2 was left, not done


async def test_other_items_actions_are_capped_and_counted(store, clock):
    from coopconsole.domain.model import ActionItem
    from coopconsole.tui.widgets.actions import OTHER_ACTIONS

    session = small_session("many")
    session.actions = [
        ActionItem(i, f"send report {i}", "Alice Chen", 1, "Company A", item=2) for i in range(1, OTHER_ACTIONS + 13)
    ]
    store.create(session).close()
    app = make_app(store=store, session_name="many", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        rows = texts(screen.query_one(ActionsPane))
        assert rows[0].startswith("… 12 earlier actions of other items")
        assert len([r for r in rows if r.startswith("#")]) == OTHER_ACTIONS
        assert rows[-1].startswith(f"#{OTHER_ACTIONS + 12} ")  # the latest are the ones listed


async def test_ctrl_e_ends_the_meeting_after_asking(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ClosingListDialog)
        await pilot.press("escape")  # back to the meeting
        screen = await settle(pilot)
        assert screen.frame.view.agenda.status is SessionStatus.RUNNING
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("end", "up", "enter")  # "End the meeting now", above "Back to the meeting"
        screen = await settle(pilot)
        assert screen.frame.view.agenda.status is SessionStatus.ENDED
        assert "Ended" in screen.query_one(MeetingHeader).status_text
        await pilot.press("n")  # nothing can be timed any more
        screen = await settle(pilot)
        assert screen.frame.view.agenda.status is SessionStatus.ENDED


async def test_shortening_stops_at_one_minute(meeting, clock):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "minus", "minus")  # 15 -> 10 -> 5
        screen = await settle(pilot)
        assert screen.query_one(Digits).value == "05:00"
        await pilot.press("minus")  # 5 -> 0: refused
        screen = await settle(pilot)
        assert screen.query_one(Digits).value == "05:00"
