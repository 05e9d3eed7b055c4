"""Each second, the panes show what a full recompute of that second shows.

The meeting screen keeps what only events move (the live figures' settled part, the
speakers' rows by what they show, the checks that only records move): this plays a
meeting second by second on the pinned clock, through a speaker, a change of speaker,
the box running out and over, a shortened box, pause and resume and the next item, and
at every second compares the countdown, the agenda's lines and list, the speakers' lines
and rows and the header's status with those worked out from scratch: a new
:class:`LiveMeeting`, an empty row cache, every health check run.
"""

from __future__ import annotations

from importlib import import_module

import pytest
from textual.widgets import Digits, Label

from coopconsole.domain.agenda_edit import as_changed
from coopconsole.domain.live import LiveMeeting
from coopconsole.tui.app import make_app
from coopconsole.tui.frame import Frame
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.widgets.agenda import _drift_line, _item_rows, countdown_of
from coopconsole.tui.widgets.header import MeetingHeader, checks_loaded, status_parts
from coopconsole.tui.widgets.line_list import LineList
from coopconsole.tui.widgets.speakers import WIDE, SpeakersPane, _rows
from tests.support.pilot import advance, move_on, settle
from tests.support.sessions import small_session


def fresh_frame(screen: MeetingScreen) -> Frame:
    """The frame of this second worked out from nothing kept."""
    session = screen.service.glance()
    view = LiveMeeting().view(session, screen.service.now())
    return Frame(as_changed(session, view.agenda), view, 0, screen.lang, screen.warning_minutes, screen.turn_limit)


def shown_rows(widget: LineList) -> list[tuple[str | None, str, list]]:
    return [(row.id, row.prompt.plain, list(row.prompt.spans)) for row in widget.options]


def expected_rows(rows: list) -> list[tuple[str | None, str, list]]:
    return [(row_id, content.plain, list(content.spans)) for row_id, content in rows]


def compare(screen: MeetingScreen) -> str:
    """Compare every pane with a full recompute; the header's status, as shown."""
    frame = fresh_frame(screen)
    assert screen.frame is not None and screen.frame.view == frame.view
    countdown = countdown_of(frame)
    assert screen.query_one("#countdown", Digits).value == countdown.value
    assert screen.query_one("#agenda-item", Label).content.plain == countdown.headline
    assert screen.query_one("#agenda-box", Label).content.plain == countdown.detail
    assert screen.query_one("#agenda-drift", Label).content.plain == _drift_line(frame)
    assert shown_rows(screen.query_one("#agenda-items", LineList)) == expected_rows(_item_rows(frame))
    speakers = screen.query_one(SpeakersPane)
    rows = speakers.query_one("#speaker-rows", LineList)
    wide = rows.size.width >= WIDE or rows.size.width == 0
    assert shown_rows(rows) == expected_rows(_rows(frame, wide, {}, {}))
    header = screen.query_one(MeetingHeader)
    assert header.status_parts == status_parts(frame)
    return header.status_text


async def seconds(pilot, clock, count: int, seen: list[str]) -> None:
    for _ in range(count):
        seen.append(compare(await advance(pilot, clock, seconds=1)))


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
async def test_every_second_the_panes_show_a_full_recompute(store, clock, size):
    checks_loaded(import_module("coopconsole.tui.screens.playbook"))  # the header's checks, at once
    session = small_session("kickoff")
    session.goals = []  # a failing check, counted in the header
    store.create(session).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    seen: list[str] = []
    async with app.run_test(size=size) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        await seconds(pilot, clock, 40, seen)
        await pilot.press("2")  # another speaker
        await settle(pilot)
        await seconds(pilot, clock, 20, seen)
        clock.advance(minutes=13, seconds=30)  # the box of 15 minutes runs out, then over
        await seconds(pilot, clock, 40, seen)
        await pilot.press("space")  # pause
        await settle(pilot)
        await seconds(pilot, clock, 5, seen)
        await pilot.press("space", "minus")  # resume; a box 5 minutes shorter
        await settle(pilot)
        await seconds(pilot, clock, 5, seen)
        await move_on(pilot)  # the next item
        await seconds(pilot, clock, 10, seen)
    # The failing checks were counted all along, and their count moved with the clock.
    counts = {status.rsplit("⚠", 1)[1] for status in seen if "⚠" in status}
    assert len(counts) >= 2, counts


async def test_captures_leave_the_agenda_list_alone_and_every_pane_shows_a_recompute(store, clock, monkeypatch):
    """An action, a note or a decision changes no line of the agenda's list, which is not
    built again for it; the checks the header counts move with the captures (an action
    without a deadline fails one), as a full recompute says."""
    checks_loaded(import_module("coopconsole.tui.screens.playbook"))
    built: list[str | None] = []
    show_rows = LineList.show_rows

    def counted(widget: LineList, rows) -> None:
        built.append(widget.id)
        show_rows(widget, rows)

    monkeypatch.setattr(LineList, "show_rows", counted)
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    seen: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        screen = await settle(pilot)
        await seconds(pilot, clock, 3, seen)
        captures = screen.service.captures
        for kind, line in [
            ("action", "@alice send the draft MOU to Company B by Dec 10"),
            ("note", "the pilot site is ready"),
            ("action", "@bruno look into it"),  # vague, no deadline: failing checks
            ("decision", "Company A leads the pilot"),
        ]:
            built.clear()
            captures.capture(kind, line)
            seen.append(compare(await advance(pilot, clock, seconds=1)))
            assert "agenda-items" not in built, kind
        await move_on(pilot)  # an event: the list shows the next item current
        assert "agenda-items" in built
        await seconds(pilot, clock, 2, seen)
    assert any("⚠" in status for status in seen)


async def test_the_clock_second_reaches_only_the_panes_that_show_the_clock(store, clock, monkeypatch):
    """The actions' and the parking lot's panes are given a frame when a record, the
    current item or the day may have moved, not at every second: and at midnight an
    action due the day before is shown overdue, as a full recompute shows it."""
    from coopconsole.tui.widgets import actions as actions_module
    from coopconsole.tui.widgets.actions import ActionsPane
    from coopconsole.tui.widgets.parking_lot import ParkingLotPane

    given: list[str] = []

    def counting(watch):
        def counted(widget, frame) -> None:  # one value: Textual passes the new frame
            given.append(type(widget).__name__)
            watch(widget, frame)

        return counted

    for pane in (ActionsPane, ParkingLotPane):
        monkeypatch.setattr(pane, "watch_frame", counting(pane.watch_frame))
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        screen = await settle(pilot)
        screen.service.captures.capture("action", "@alice send the draft MOU to Company B by 2026-12-08")
        await advance(pilot, clock, seconds=1)
        given.clear()
        for _ in range(5):
            await advance(pilot, clock, seconds=1)
        assert given == []  # the clock's seconds: nothing for them
        screen.service.captures.capture("note", "the pilot site is ready")
        await advance(pilot, clock, seconds=1)
        assert sorted(given) == ["ActionsPane", "ParkingLotPane"]

        pane = screen.query_one(ActionsPane)
        assert "overdue" not in " ".join(row.prompt.plain for row in pane.options)
        clock.advance(minutes=14 * 60 + 59, seconds=50)  # 23:59:5x on the day it is due
        await advance(pilot, clock, seconds=1)
        given.clear()
        await advance(pilot, clock, seconds=10)  # past midnight: the next day
        assert sorted(given) == ["ActionsPane", "ParkingLotPane"]
        frame = fresh_frame(screen)
        expected, _ = actions_module._rows(frame, pane._width())
        assert shown_rows(pane) == expected_rows(expected)
        assert "overdue" in " ".join(row.prompt.plain for row in pane.options)


async def test_an_organisations_time_is_what_its_rows_show_added_up(store, clock):
    """Each row's time is cut to whole seconds: the organisation's row shows its people's
    times as shown, added up, in both columns, not a second or more ahead of them."""
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        clock.advance(seconds=6.7)
        await pilot.press("2")
        await settle(pilot)
        screen = await advance(pilot, clock, seconds=3.6)
        rows = screen.query_one(SpeakersPane).query_one("#speaker-rows", LineList)
        lines = {row.id: row.prompt.plain for row in rows.options}

        def times(row_id: str) -> list[str]:
            return [word for word in lines[row_id].split() if ":" in word]

        assert times("p-1") == ["00:06", "00:06"] and times("p-2") == ["00:03", "00:03"]
        assert times("org-Company A") == ["00:09", "00:09"]  # not 00:10, the exact sum cut
