"""Console flows not covered elsewhere: more keys, the bar, the parking lot, resume, drift,
the speakers pane, failed saves and the countdown's colours. Frozen clock throughout."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import timedelta

import pytest
from textual.color import Color
from textual.widgets import Digits, Input, OptionList

from coopconsole.domain.model import Attendance, EventKind, Resolution, SessionStatus
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import ChoiceDialog, HelpDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.header import MeetingHeader, status_line
from coopconsole.tui.widgets.parking_lot import ParkingLotPane
from coopconsole.tui.widgets.speakers import SpeakersPane
from tests.support.pilot import advance, capture, keys_while_saving, move_on, settle, texts
from tests.support.sessions import small_session

SIZE = (120, 36)


async def suggestions(pilot) -> None:
    """Let the input's suggester worker deliver its suggestion."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def full_disk(fd, parts):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()

    def start(name: str = "kickoff", **kw):
        return make_app(store=store, session_name=name, clock=clock, lang="en", **kw)

    return start


# -- 0. start-up ------------------------------------------------------------------------------


async def test_the_first_frame_painted_already_shows_the_meeting(meeting, monkeypatch):
    """Nothing is painted for the meeting screen before its first tick: no frame of empty
    panes (a whole render and write at start-up) that the first tick paints over. (The
    hold is one of the console's uses of Textual's internals: on here whichever way the
    suite runs; tests/test_textual_internals.py compares it with Textual's own paint.)"""
    from textual.app import App

    import coopconsole.tui.textual_internals as internals

    monkeypatch.setattr(internals, "ENABLED", True)

    painted: list[str] = []
    display = App._display

    def spy(app, screen, renderable):  # noqa: ANN001 - Textual's signature
        if isinstance(screen, MeetingScreen) and renderable is not None:
            painted.append(renderable.render_segments(app.console))
        display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", spy)
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert painted, "the meeting screen was never painted"
        first = painted[0]
        assert "Speakers" in first and app.screen.service.session.title in first


async def test_the_agenda_list_has_the_focus_once_the_meeting_is_up(meeting):
    """The focus is given after the first frame (focusing restyles the pane), and to the
    agenda list, as Textual's auto-focus did: no row is highlighted until an arrow key
    moves in the list."""
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        agenda = screen.query_one("#agenda-items")
        assert screen.focused is agenda
        assert agenda.highlighted is None
        await pilot.press("down")
        assert agenda.highlighted is not None


# -- 1. keys not tested elsewhere ------------------------------------------------------------


async def test_f1_opens_the_help_as_question_mark_does(meeting):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        by_question_mark = list(app.screen.lines)
        await pilot.press("f1")  # f1 closes it too
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert app.screen.lines == by_question_mark
        assert ("meeting.help", "? f1", "Help") in app.screen.lines
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_ctrl_q_quits_and_the_file_keeps_everything(meeting, clock, store):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "3")
        await settle(pilot)
        await advance(pilot, clock, minutes=2)
        await capture(pilot, "d", "Pilot on line 3")
        assert app.is_running
        await pilot.press("2", "ctrl+q")  # the last key's save may still be under way
        await pilot.pause()
        assert not app.is_running and app.return_code == 0
    with store.open("kickoff") as handle:
        session = handle.load()
    kinds = [e.kind for e in session.events]
    assert kinds == [EventKind.START, EventKind.SPEAKER, EventKind.SPEAKER]
    assert [e.participant for e in session.events[1:]] == [3, 2]
    assert [d.text for d in session.decisions] == ["Pilot on line 3"]


async def test_e_edits_a_parked_point_in_place(meeting, clock, store):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await capture(pilot, "l", "@bruno pricing model")
        screen = await settle(pilot)
        pane = screen.query_one(ParkingLotPane)
        pane.focus()
        pane.highlighted = 0
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.text == "@Bruno Silva pricing model"
        assert screen.focused is bar.query_one(Input)
        bar.query_one(Input).value = "@chloe pricing model for 2027"
        await pilot.press("enter")
        screen = await settle(pilot)
        assert not bar.display
        parked = screen.service.session.parked
        assert [(p.id, p.text, p.raised_by) for p in parked] == [(1, "pricing model for 2027", "Chloe Martin")]
        assert "pricing model for 2027" in texts(pane)[0]
    stored = store.open("kickoff").load().parked
    assert [(p.id, p.text, p.raised_by, p.resolution) for p in stored] == [
        (1, "pricing model for 2027", "Chloe Martin", Resolution.OPEN)
    ]


@pytest.mark.parametrize("key, kind", [("d", "decisions"), ("o", "notes")])
async def test_e_edits_a_decision_or_note_in_place(meeting, clock, store, key, kind):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await capture(pilot, key, "first wording")
        await capture(pilot, key, "another one")
        screen = await settle(pilot)
        pane = screen.query_one(ActionsPane)
        pane.focus()
        pane.highlighted = pane.get_option_index(f"{kind[:-1]}-1")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.text == "first wording"
        bar.query_one(Input).value = "second wording"
        await pilot.press("enter")
        screen = await settle(pilot)
        assert not bar.display
        records = getattr(screen.service.session, kind)
        assert [(r.id, r.text) for r in records] == [(1, "second wording"), (2, "another one")]
        assert any(row == "#1 second wording" for row in texts(pane))
    session = store.open("kickoff").load()
    assert [(r.id, r.text) for r in getattr(session, kind)] == [(1, "second wording"), (2, "another one")]
    other = "notes" if kind == "decisions" else "decisions"
    assert getattr(session, other) == [] and session.actions == []


async def test_editing_a_decision_confirms_a_decision(meeting, clock, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(MeetingScreen, "notify", lambda self, message, **kw: told.append(message))
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await capture(pilot, "d", "first wording")
        screen = app.screen
        pane = screen.query_one(ActionsPane)
        pane.focus()
        pane.highlighted = pane.get_option_index("decision-1")
        await pilot.press("e")
        await pilot.pause()
        screen.query_one(CaptureBar).query_one(Input).value = "second wording"
        told.clear()
        await pilot.press("enter")
        screen = await settle(pilot)
        assert [d.text for d in screen.service.session.decisions] == ["second wording"]
        assert told == []  # no pop-up: the pane says it
        assert str(pane.border_subtitle) == "Saved: Decision #1"


# -- 2. @ completion through the bar ---------------------------------------------------------


async def test_right_and_tab_accept_the_name_in_the_bar(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"@chl")
        await suggestions(pilot)
        await pilot.press("right")
        await pilot.pause()
        bar = app.screen.query_one(CaptureBar)
        field = bar.query_one(Input)
        assert bar.text == "@Chloe Martin "
        assert app.screen.focused is field
        await pilot.press(*"and @bru")
        await suggestions(pilot)
        await pilot.press("tab")
        await pilot.pause()
        assert bar.text == "@Chloe Martin and @Bruno Silva "
        assert app.screen.focused is field and bar.display
        await pilot.press("tab")  # nothing more to complete: the focus still stays
        await pilot.pause()
        assert app.screen.focused is field and bar.text == "@Chloe Martin and @Bruno Silva "


async def test_a_completed_name_is_not_glued_to_the_words_typed_after_it(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"@chl")
        await suggestions(pilot)
        await pilot.press("tab", *"send energy data by 2026-12-10", "enter")
        screen = await settle(pilot)
        await screen.intents.idle()
        action = screen.service.session.actions[-1]
    assert (action.owner, action.deliverable) == ("Chloe Martin", "send energy data")


async def test_tab_completes_before_the_suggestion_is_shown_and_moves_on_elsewhere(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        field = app.screen.query_one(CaptureBar).query_one(Input)
        field.value = "@chl"  # no suggestion worked out for it yet
        field.cursor_position = 4
        field.action_complete()
        assert (field.value, field.cursor_position) == ("@Chloe Martin ", 14)
        for typed, completed in (("＠张", "＠张三 "), ("＠ｃｈｌ", "＠Chloe Martin "), ("@CHL", "@Chloe Martin ")):
            field.value = typed  # full-width forms, as a Chinese input method types them
            field.cursor_position = len(typed)
            field.action_complete()
            assert field.value == completed
        field.value = "@bru the draft"
        field.cursor_position = 1  # not at the end: Tab moves the cursor, as → does
        field.action_complete()
        assert (field.value, field.cursor_position) == ("@bru the draft", 2)


# -- 3. binding letters typed into the open bar ----------------------------------------------


async def test_binding_keys_typed_in_the_bar_stay_in_the_bar(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        screen = await settle(pilot)
        events_before = list(screen.service.session.events)
        await pilot.press("a")
        await pilot.pause()
        typed = " 0123456789+-?enNpaodl"
        await pilot.press(*typed)
        screen = await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)  # no help, no picker
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.kind == "action"
        assert bar.text == typed
        assert screen.focused is bar.query_one(Input)
        view = screen.frame.view
        assert view.agenda.current == 1 and view.agenda.running
        assert view.speaker is None
        assert view.agenda.current_timing.box == timedelta(minutes=15)
        assert screen.service.session.events == events_before
        assert screen.service.session.actions == [] and screen.service.session.parked == []


# -- 4. parking-lot resolution ---------------------------------------------------------------


async def _resolve(pilot, pane, label: str, index: int = 0) -> None:
    """Resolve the ``index``-th parked point in ``pane`` by the choice ``label``."""
    pane.focus()
    pane.highlighted = index
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    labels = [text for text, _ in dialog.choices]
    dialog.query_one(OptionList).highlighted = labels.index(label)
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize(
    "label, resolution, target, shown",
    [
        ("Schedule to agenda item 4. Next steps", Resolution.SCHEDULED, 4, "scheduled to Next steps"),
        ("Schedule to agenda item 2. Directions", Resolution.SCHEDULED, 2, "scheduled to Directions"),
        ("Defer to the next meeting", Resolution.DEFERRED, None, "deferred to the next meeting"),
    ],
)
async def test_resolve_a_parked_point(meeting, clock, store, label, resolution, target, shown):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await capture(pilot, "l", "@bruno pricing model")
        screen = await settle(pilot)
        pane = screen.query_one(ParkingLotPane)
        await _resolve(pilot, pane, label)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        point = screen.service.session.parked[0]
        assert (point.resolution, point.target) == (resolution, target)
        assert screen.service.session.actions == []
        assert shown in texts(pane)[0] and "pricing model" in texts(pane)[0]
    stored = store.open("kickoff").load().parked
    assert [(p.text, p.resolution, p.target) for p in stored] == [("pricing model", resolution, target)]


async def test_a_point_is_scheduled_only_to_items_still_to_come(meeting, clock):
    """Not to a break, and not to an item the meeting has already closed."""
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await capture(pilot, "l", "@bruno pricing model")
        screen = await settle(pilot)
        clock.advance(minutes=2)
        await pilot.press("n")  # item 1 closed, item 2 under way
        screen = await settle(pilot)
        pane = screen.query_one(ParkingLotPane)
        pane.focus()
        pane.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        offered = [text for text, _ in app.screen.choices if text.startswith("Schedule")]
        assert offered == ["Schedule to agenda item 2. Directions", "Schedule to agenda item 4. Next steps"]
        await pilot.press("escape")
        await pilot.pause()


async def test_turn_a_parked_point_into_an_action(meeting, clock, store):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await capture(pilot, "a", "@alice send the deck by Dec 10")
        await capture(pilot, "l", "@bruno pricing model")
        screen = await settle(pilot)
        pane = screen.query_one(ParkingLotPane)
        await _resolve(pilot, pane, "Turn into an action (keeps its text)")
        await pilot.press("enter")  # the capture bar, opened on the point's text
        screen = await settle(pilot)
        session = screen.service.session
        assert len(session.actions) == 2
        new = session.actions[1]
        point = session.parked[0]
        assert new.text == point.text == "pricing model"
        assert (point.resolution, point.target) == (Resolution.ACTION, new.id) and new.id == 2
        assert new.item == 1
        assert "now action #2" in texts(pane)[0]
        assert any("pricing model" in row for row in texts(screen.query_one(ActionsPane)))
    stored = store.open("kickoff").load()
    assert [a.text for a in stored.actions][1] == "pricing model"
    assert (stored.parked[0].resolution, stored.parked[0].target) == (Resolution.ACTION, 2)


async def test_reopen_a_deferred_point(meeting, clock, store):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await capture(pilot, "l", "@bruno pricing model")
        screen = await settle(pilot)
        pane = screen.query_one(ParkingLotPane)
        await _resolve(pilot, pane, "Defer to the next meeting")
        assert app.screen.service.session.parked[0].resolution is Resolution.DEFERRED
        await _resolve(pilot, pane, "Back to open")
        point = app.screen.service.session.parked[0]
        assert (point.resolution, point.target) == (Resolution.OPEN, None)
        assert "pricing model" in texts(pane)[0] and "deferred" not in texts(pane)[0]
        # Escape in the dialog changes nothing
        pane.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        screen = await settle(pilot)
        assert screen.service.session.parked[0].resolution is Resolution.OPEN
    stored = store.open("kickoff").load().parked
    assert [(p.resolution, p.target) for p in stored] == [(Resolution.OPEN, None)]


# -- 5. resume and crash -----------------------------------------------------------------------


async def test_running_clock_and_speaker_keep_counting_across_a_restart(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "2")
        await settle(pilot)
        screen = await advance(pilot, clock, minutes=4)
        assert screen.query_one("#countdown", Digits).value == "11:00"
    clock.advance(minutes=7)  # the console was closed; the room went on
    again = meeting()
    async with again.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        view = screen.frame.view
        assert view.agenda.running and view.agenda.current == 1
        assert screen.query_one("#countdown", Digits).value == "04:00"
        people = {row.id: row for row in view.people}
        assert view.speaker == 2 and people[2].total == timedelta(minutes=11)
        assert people[2].item_total == timedelta(minutes=11)
        assert "Bruno Silva speaking · 11:00" in str(screen.query_one("#speaker-now").render())
        rows = texts(screen.query_one(SpeakersPane).query_one("#speaker-rows"))
        assert any("Bruno Silva" in r and "11:00" in r and "100%" in r for r in rows)
        screen = await advance(pilot, clock, minutes=1)
        assert screen.query_one("#countdown", Digits).value == "03:00"


async def test_a_copy_taken_mid_meeting_holds_everything_acknowledged(meeting, clock, store, folder):
    """A crash: the first console never exits cleanly before the file is read again."""
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        await advance(pilot, clock, minutes=3)
        await capture(pilot, "a", "@alice send the deck by Dec 10")
        await capture(pilot, "d", "Pilot on line 3")
        await capture(pilot, "o", "line 3 data is clean")
        await capture(pilot, "l", "@bruno pricing model")
        await pilot.press("n", "3")
        screen = await settle(pilot)  # everything above is acknowledged now
        assert screen.frame.view.agenda.current == 2
        shutil.copyfile(folder / "kickoff.json", folder / "crashed.json")
        await advance(pilot, clock, minutes=2)
        crashed = meeting("crashed")
        async with crashed.run_test(size=SIZE) as second:
            other = await settle(second)
            assert isinstance(other, MeetingScreen)
            session = other.service.session
            assert [a.owner for a in session.actions] == ["Alice Chen"]
            assert [d.text for d in session.decisions] == ["Pilot on line 3"]
            assert [n.text for n in session.notes] == ["line 3 data is clean"]
            assert [(p.text, p.raised_by) for p in session.parked] == [("pricing model", "Bruno Silva")]
            view = other.frame.view
            assert view.agenda.status is SessionStatus.RUNNING and view.agenda.running
            assert view.agenda.current == 2 and view.speaker == 3
            people = {row.id: row for row in view.people}
            assert people[1].total == timedelta(minutes=3) and people[3].total == timedelta(minutes=2)
            assert other.query_one("#countdown", Digits).value == "43:00"
        # the first console is still working on its own file
        await pilot.press("0")
        screen = await settle(pilot)
        assert screen.frame.view.speaker is None


async def test_a_second_console_on_the_same_file_sees_everything(meeting, clock, store):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "4")
        await capture(pilot, "a", "@chloe book the room by Dec 12")
        await capture(pilot, "l", "budget")
        await settle(pilot)
        await advance(pilot, clock, minutes=5)
        second = meeting()
        async with second.run_test(size=SIZE) as pilot2:
            other = await settle(pilot2)
            session = other.service.session
            assert [a.owner for a in session.actions] == ["Chloe Martin"]
            assert [p.text for p in session.parked] == ["budget"]
            view = other.frame.view
            assert view.agenda.running and view.speaker == 4
            assert other.query_one("#countdown", Digits).value == "10:00"
            people = {row.id: row for row in view.people}
            assert people[4].total == timedelta(minutes=5)


# -- 6. drift ahead of and behind plan --------------------------------------------------------


async def test_drift_ahead_after_moving_on_early(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=5)
        screen = await move_on(pilot)  # ten minutes early; plan ends 10:35
        state = screen.frame.view.agenda
        assert state.current == 2 and state.drift == -timedelta(minutes=10)
        drift = str(screen.query_one("#agenda-drift").render())
        assert drift == "10 min ahead of plan · projected end 10:25"
        line = status_line(screen.frame)
        assert line.startswith("09:05") and "Running" in line
        assert "ends 10:25 · plan 10:35  ·  10 min ahead" in line
        assert screen.query_one(MeetingHeader).status_text == line


async def test_drift_behind_after_an_overrun(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        screen = await advance(pilot, clock, minutes=18)  # 3 minutes over a 15-minute box
        assert screen.query_one("#countdown", Digits).value == "+03:00"
        drift = str(screen.query_one("#agenda-drift").render())
        assert drift == "3 min behind plan · projected end 10:38"
        line = status_line(screen.frame)
        assert line.startswith("09:18") and "Running" in line
        assert "ends 10:38 · plan 10:35  ·  3 min behind" in line
        assert screen.query_one(MeetingHeader).status_text == line
        screen = await move_on(pilot)  # the overrun stays: item 2 starts 3 min late
        assert "3 min behind" in status_line(screen.frame)
        screen = await advance(pilot, clock, minutes=40)  # 5 minutes left, still 3 behind
        assert "ends 10:38 · plan 10:35  ·  3 min behind" in status_line(screen.frame)


# -- 7. the speakers pane -----------------------------------------------------------------------


def _row(rows: list[str], start: str) -> str:
    found = [r for r in rows if start in r]
    assert len(found) == 1, (start, rows)
    return found[0]


async def test_speakers_pane_org_totals_item_column_and_absence(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        await advance(pilot, clock, seconds=396)  # Alice 6:36
        await pilot.press("2")
        await settle(pilot)
        await advance(pilot, clock, seconds=99)  # Bruno 1:39
        await pilot.press("3")
        await settle(pilot)
        await advance(pilot, clock, seconds=165)  # Chloe 2:45; 11 minutes in all
        await pilot.press("0")
        screen = await settle(pilot)
        view = screen.frame.view
        people = {row.id: row for row in view.people}
        assert [people[i].total for i in (1, 2, 3, 4)] == [
            timedelta(seconds=396),
            timedelta(seconds=99),
            timedelta(seconds=165),
            timedelta(0),
        ]
        assert sum(row.share for row in view.people) == pytest.approx(1.0)
        assert sum(org.share for org in view.orgs) == pytest.approx(1.0)
        orgs = {org.organisation: org for org in view.orgs}
        assert orgs["Company A"].total == timedelta(seconds=495) and orgs["Company A"].share == pytest.approx(0.75)
        # four counted: fair share 25 %; Alice (60 %) over twice that, 张三 silent
        assert {row.id: row.flag for row in view.people} == {1: "dominant", 2: None, 3: None, 4: "quiet"}

        speaker_rows = screen.query_one(SpeakersPane).query_one("#speaker-rows")
        rows = texts(speaker_rows)
        assert _row(rows, "Company A").startswith("Company A") and "08:15  75%" in _row(rows, "Company A")
        assert "02:45  25%" in _row(rows, "Company B")
        assert "00:00   0%" in _row(rows, "智算科技")
        shown = [int(r.split("%")[0].split()[-1]) for r in rows if r[:3].strip().isdigit()]
        assert shown == [60, 15, 25, 0] and sum(shown) == 100
        alice = _row(rows, "Alice Chen")
        assert "06:36  60%" in alice and alice.count("06:36") == 2  # meeting and this item

        # 张三 absent: three counted, fair share 33 %; Alice no longer dominant, Bruno quiet
        screen.set_attendance(4, Attendance.ABSENT)
        screen = await settle(pilot)
        view = screen.frame.view
        assert {row.id: row.flag for row in view.people} == {1: None, 2: "quiet", 3: None, 4: None}
        assert sum(row.share for row in view.people) == pytest.approx(1.0)
        assert {row.id: row.share for row in view.people}[4] == 0
        zhang = _row(texts(speaker_rows), "张三")
        assert "absent" in zhang and "quiet" not in zhang
        assert "quiet" in _row(texts(speaker_rows), "Bruno Silva")
        assert "dominant" not in _row(texts(speaker_rows), "Alice Chen")
        assert [o.people for o in view.orgs if o.organisation == "智算科技"] == [0]

        # the next item: the item column starts again, the meeting column keeps the totals
        screen = await move_on(pilot)
        rows = texts(speaker_rows)
        alice = _row(rows, "Alice Chen")
        assert "06:36  60%" in alice and alice.count("06:36") == 1 and "  00:00 " in alice
        assert all(row.item_total == timedelta(0) for row in screen.frame.view.people)
        assert "08:15  75%" in _row(rows, "Company A") and "  00:00 " in _row(rows, "Company A")
        await pilot.press("2")
        await settle(pilot)
        screen = await advance(pilot, clock, seconds=60)
        people = {row.id: row for row in screen.frame.view.people}
        assert people[2].total == timedelta(seconds=159) and people[2].item_total == timedelta(seconds=60)
        bruno = _row(texts(speaker_rows), "Bruno Silva")
        assert "02:39" in bruno and "  01:00 " in bruno
        await pilot.press("0")
        await settle(pilot)


# -- 8. a failed save from a meeting key --------------------------------------------------------


async def _press(pilot, key: str) -> MeetingScreen:
    await pilot.press(key)
    return await settle(pilot)


@pytest.mark.parametrize("key", ["n", "1", "plus", "space"])
async def test_a_failed_key_changes_nothing_and_works_after_recovery(meeting, clock, store, folder, monkeypatch, key):
    told: list[str] = []
    monkeypatch.setattr(MeetingScreen, "notify", lambda self, message, **kw: told.append(message))
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        screen = await settle(pilot)
        await advance(pilot, clock, minutes=1)
        before = (folder / "kickoff.json").read_bytes()
        events = list(screen.service.session.events)
        real = os.writev
        monkeypatch.setattr(os, "writev", full_disk)
        screen = await (move_on(pilot) if key == "n" else _press(pilot, key))
        assert any("No space left on device" in m for m in told)
        assert (folder / "kickoff.json").read_bytes() == before
        assert screen.service.session.events == events
        view = screen.frame.view
        assert (view.agenda.current, view.speaker, view.agenda.running) == (1, None, True)
        assert view.agenda.current_timing.box == timedelta(minutes=15)
        monkeypatch.setattr(os, "writev", real)
        screen = await _press(pilot, key)  # the console asked once already
        session = screen.service.session
        assert session.events[:-1] == events and len(session.events) == len(events) + 1
        view = screen.frame.view
        expected = {
            "n": lambda: view.agenda.current == 2,
            "1": lambda: view.speaker == 1,
            "plus": lambda: view.agenda.current_timing.box == timedelta(minutes=20),
            "space": lambda: not view.agenda.running,
        }[key]
        assert expected()
    with store.open("kickoff") as handle:
        assert handle.load().events[:-1] == events and len(handle.load().events) == len(events) + 1


# -- 9. the countdown's colours -----------------------------------------------------------------


def _rendered_colour(widget) -> Color | None:
    """The foreground of the first non-blank cell the widget renders."""
    for y in range(widget.size.height):
        for segment in widget.render_line(y):
            if segment.text.strip() and segment.style is not None and segment.style.color is not None:
                return Color.from_rich_color(segment.style.color)
    return None


async def test_countdown_colour_follows_the_theme_variables(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        screen = await settle(pilot)
        countdown = screen.query_one("#countdown", Digits)
        variables = app.theme_variables
        ok, warning, overrun = (Color.parse(variables[f"countdown-{k}"]) for k in ("ok", "warning", "overrun"))
        assert len({ok, warning, overrun}) == 3
        assert countdown.styles.color == ok
        assert _rendered_colour(countdown) == ok
        screen = await advance(pilot, clock, minutes=13)
        await pilot.pause()
        assert countdown.value == "02:00"
        assert countdown.styles.color == warning != ok
        assert _rendered_colour(countdown) == warning
        screen = await advance(pilot, clock, minutes=3)
        await pilot.pause()
        assert countdown.value == "+01:00"
        assert countdown.styles.color == overrun
        assert _rendered_colour(countdown) == overrun


async def test_a_point_made_an_action_then_escape_while_it_saves(meeting):
    """Enter saves the action made from a parked point; Escape pressed before the save
    is back closes the bar, and the result does not open it again; a note begun meanwhile
    stays a note, with its text."""
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await capture(pilot, "l", "@bruno pricing model")
        await capture(pilot, "l", "@bruno data residency")
        screen = await settle(pilot)
        pane = screen.query_one(ParkingLotPane)
        bar = screen.query_one(CaptureBar)
        await _resolve(pilot, pane, "Turn into an action (keeps its text)")
        screen = await keys_while_saving(pilot, "enter", "escape")
        assert not bar.display
        assert [a.text for a in screen.service.session.actions] == ["pricing model"]
        index = next(i for i, row in enumerate(texts(pane)) if "data residency" in row)
        await _resolve(pilot, pane, "Turn into an action (keeps its text)", index=index)
        screen = await keys_while_saving(pilot, "enter", "escape", "o", *"the room agrees")
        assert bar.display and bar.kind == "note" and bar.text == "the room agrees"
        assert [a.text for a in screen.service.session.actions] == ["pricing model", "data residency"]
