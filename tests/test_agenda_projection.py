"""Projected starts, and what the agenda pane and the header say once the meeting ends."""

from __future__ import annotations

from datetime import datetime, timedelta

from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.live import LiveMeeting
from coopconsole.domain.model import Event, EventKind, Session
from coopconsole.domain.timeline import agenda_state
from coopconsole.tui.app import make_app
from coopconsole.tui.frame import Frame
from coopconsole.tui.widgets.agenda import _drift_line, _item_rows
from coopconsole.tui.widgets.header import status_parts
from coopconsole.tui.widgets.line_list import LineList
from tests.support.pilot import settle
from tests.support.sessions import MEETING_START, small_session

M = lambda n: timedelta(minutes=n)  # noqa: E731


class Meeting:
    """The small session and a frozen clock; events are recorded at the clock's time."""

    def __init__(self) -> None:
        self.session: Session = small_session()
        self.clock = FrozenClock(MEETING_START)

    def __call__(self, kind: EventKind, **values) -> None:
        self.session.events.append(Event(id=len(self.session.events) + 1, at=self.clock(), kind=kind, **values))

    def wait(self, minutes: float = 0, seconds: float = 0) -> None:
        self.clock.advance(minutes=minutes, seconds=seconds)

    def starts(self) -> list[datetime | None]:
        return [timing.projected_start for timing in agenda_state(self.session, self.clock()).items]

    def frame(self, lang: str = "en") -> Frame:
        view = LiveMeeting().view(self.session, self.clock())
        return Frame(self.session, view, len(self.session.events), lang)

    def rows(self, lang: str = "en") -> list[str]:
        return [content.plain for _, content in _item_rows(self.frame(lang))]


def test_before_the_start_items_are_projected_from_the_planned_start_or_now_if_later():
    m = Meeting()
    m.wait(minutes=-30)
    assert m.starts() == [MEETING_START, MEETING_START + M(15), MEETING_START + M(60), MEETING_START + M(75)]
    m.wait(minutes=40)  # ten minutes late, not started
    late = MEETING_START + M(10)
    assert m.starts() == [late, late + M(15), late + M(60), late + M(75)]


def test_an_overrun_pushes_every_item_to_come_and_started_items_keep_their_actual_start():
    m = Meeting()
    m(EventKind.START)
    m.wait(minutes=20)  # the 15-minute opening runs 5 minutes over
    opening, directions, tea, steps = m.starts()
    assert opening == MEETING_START  # begun: its actual start
    assert directions == m.clock()  # its box is up: it would begin now
    assert (tea, steps) == (directions + M(45), directions + M(60))
    m(EventKind.NEXT)
    m.wait(minutes=10)  # 35 min of directions left
    assert m.starts()[1:] == [MEETING_START + M(20), m.clock() + M(35), m.clock() + M(50)]
    # The last projected start plus its box is the projected end.
    state = agenda_state(m.session, m.clock())
    assert state.items[-1].projected_start + state.items[-1].box == state.projected_end


def test_a_re_planned_box_moves_the_items_after_it():
    m = Meeting()
    m(EventKind.START)
    m.wait(minutes=5)
    m(EventKind.EXTEND, minutes=-5)  # the opening shortened to 10 min
    assert m.starts()[1] == MEETING_START + M(10)


def test_the_agenda_rows_show_the_projected_starts_not_the_written_ones():
    m = Meeting()
    m(EventKind.START)
    m.wait(minutes=27)  # 12 minutes over the opening
    rows = m.rows()
    assert rows[0].startswith("▶ 09:00  Opening")
    assert rows[1].startswith("  09:27  Directions")  # written 09:15
    assert rows[3].startswith("  10:27  Next steps")  # written 10:15
    m.wait(seconds=60)  # a minute later, the rows move with it
    assert m.rows()[1].startswith("  09:28  Directions")


def test_after_the_end_items_skipped_in_no_time_and_items_never_reached_are_not_shown_done():
    m = Meeting()
    m(EventKind.START)
    m.wait(minutes=14)
    m(EventKind.NEXT)  # directions: passed over at once
    m(EventKind.NEXT)  # the tea break
    m.wait(minutes=3)
    m(EventKind.END)  # the next steps never began
    rows = m.rows()
    assert rows[0].startswith("✓ 09:00  Opening") and "(14:00)" in rows[0]
    assert rows[1].startswith("– 09:14  Directions") and rows[1].endswith("· skipped")
    assert "✓" not in rows[1] and "00:00" not in rows[1]
    assert rows[2].startswith("✓ 09:14  Tea break")
    assert rows[3].startswith("– 10:15  Next steps") and "· not reached" in rows[3]  # its written start
    zh = m.rows("zh")
    assert "已跳过" in zh[1] and "未进行" in zh[3]


def test_after_the_end_the_pane_and_the_header_give_the_actual_end_and_the_final_drift():
    m = Meeting()
    m(EventKind.START)
    m.wait(minutes=17)
    m(EventKind.END)  # planned to end at 10:35
    frame = m.frame()
    line = _drift_line(frame)
    assert line == "ended 09:17 · 78 min earlier than planned"
    assert "ahead of plan" not in line and "projected" not in line
    status = [text for _, text in status_parts(frame)]
    assert "ended 09:17 · plan 10:35" in status and "78 min early" in status
    assert not any("ahead" in text or text.startswith("ends ") for text in status)
    zh = [text for _, text in status_parts(m.frame("zh"))]
    assert "09:17 结束 · 计划 10:35" in zh and "早 78 分钟" in zh


def test_a_meeting_that_ends_late_or_on_time_says_so():
    m = Meeting()
    m(EventKind.START)
    m.wait(minutes=100)
    m(EventKind.END)  # 10:40 against 10:35
    assert _drift_line(m.frame()) == "ended 10:40 · 5 min later than planned"
    assert "5 min late" in [text for _, text in status_parts(m.frame())]
    m.session.events.pop()
    m.clock.set(MEETING_START + M(95) + timedelta(seconds=20))
    m(EventKind.END)  # 20 s after the planned end: on time, by the one rounding rule
    assert _drift_line(m.frame()) == "ended 10:35 · on time"


async def test_the_open_console_moves_the_projected_starts_as_the_minutes_pass(store, clock):
    session = small_session("kickoff")
    session.events.append(Event(id=1, at=clock(), kind=EventKind.START))
    store.create(session).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        items = screen.query_one("#agenda-items", LineList)
        clock.advance(minutes=20)  # five minutes over the opening
        screen.tick()
        await pilot.pause()
        assert items.get_option_at_index(1).prompt.plain.startswith("  09:20  Directions")
        clock.advance(minutes=3)
        screen.tick()
        await pilot.pause()
        assert items.get_option_at_index(1).prompt.plain.startswith("  09:23  Directions")
