"""The console's second: what is kept between ticks gives exactly what a full recompute gives.

A meeting is played second by second on a pinned clock (an item overrun, a shortened box,
pause and resume, a change of item and of speaker, someone who arrives late and someone
who leaves, a cooling-down break, an event stamped ahead of the clock, the end, the
minutes falling due, midnight). At every second the live view, kept from the second
before, is compared with the view built from scratch, and the health count the header
keeps with the checks run whole.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from coopconsole.domain.health import health
from coopconsole.domain.live import LiveMeeting
from coopconsole.domain.model import ActionItem, Attendance, Event, EventKind, Session
from coopconsole.tui.frame import Frame
from coopconsole.tui.screens.playbook import SettledChecks
from tests.support.sessions import MEETING_START, small_session
from tests.test_live import assert_same

S = lambda n: timedelta(seconds=n)  # noqa: E731

#: Second of the meeting -> what happens then (kind, and the event's fields).
SCRIPT: dict[int, tuple] = {
    0: (EventKind.START, {}),
    5: (EventKind.SPEAKER, {"participant": 1}),
    200: (EventKind.SPEAKER, {"participant": 2}),
    400: (EventKind.EXTEND, {"minutes": -10}),  # the opening's box is now 5 minutes: overrun at once
    500: (EventKind.PAUSE, {}),
    560: (EventKind.RESUME, {}),
    600: (EventKind.SPEAKER, {"participant": 4}),
    700: (EventKind.NEXT, {}),
    900: (EventKind.QUEUE, {"participant": 3}),
    950: (EventKind.SPEAKER, {"participant": 3}),
    1000: (EventKind.COOL, {"minutes": 5}),
    1300: (EventKind.RESUME, {}),
    1400: (EventKind.SPEAKER, {"participant": None}),
    1500: (EventKind.GOTO, {"item": 4}),
    1600: (EventKind.SPEAKER, {"participant": 1}),
    2900: (EventKind.END, {}),
}
#: Events written with a stamp ahead of the clock (another machine's): second written -> stamp.
AHEAD = {1700: 1750}
LAST = 2960


class Played:
    """The session as the service writes it: new lists, events stamped "now"."""

    def __init__(self) -> None:
        self.session: Session = small_session()
        self.session.actions = [
            ActionItem(1, "Send the draft", owner="Alice Chen", owner_id=1, deadline=date(2026, 12, 8), item=1)
        ]
        self.live = LiveMeeting()
        self.checks = SettledChecks()

    def add(self, at: datetime, kind: EventKind, **fields: object) -> None:
        events = self.session.events
        self.session.events = [*events, Event(len(events) + 1, at, kind, **fields)]  # type: ignore[arg-type]

    def people(self, index: int, **changes: object) -> None:
        participants = list(self.session.participants)
        participants[index] = replace(participants[index], **changes)  # type: ignore[arg-type]
        self.session.participants = participants

    def check(self, now: datetime) -> int:
        """Compare at ``now``; how many checks fail then."""
        view = assert_same(self.live, self.session, now)
        frame = Frame(self.session, view, 1, "en", epoch=self.live.epoch)
        expected = health(self.session, view.agenda, view.stats, view.item_stats, now)
        assert self.checks.count(frame) == len(expected), now
        return len(expected)


def play(played: Played) -> datetime:
    for second in range(LAST + 1):
        now = MEETING_START + S(second)
        if second in SCRIPT:
            kind, fields = SCRIPT[second]
            played.add(now, kind, **fields)
        if second in AHEAD:
            played.add(MEETING_START + S(AHEAD[second]), EventKind.SPEAKER, participant=2)
        if second == 800:  # Bruno came in late, at 09:10
            played.people(1, attendance=Attendance.LATE, arrived_at=MEETING_START + S(600))
        if second == 1200:  # Chloe left at 09:18
            played.people(2, attendance=Attendance.LEFT, left_at=MEETING_START + S(1080))
        played.check(now)
    return MEETING_START + S(LAST)


def test_every_second_of_a_meeting_is_what_a_full_recompute_gives():
    played = Played()
    play(played)
    assert played.live.rebuilds == 1  # the kept path it was, not a replay each second


def test_the_minutes_falling_due_and_midnight_are_seen_as_they_come():
    played = Played()
    end = play(played)
    ended = played.session.events[-1].at
    # The minutes are due 24 hours after the end: overdue from the second after.
    due = [played.check(ended + timedelta(hours=24) + S(second)) for second in range(-3, 4)]
    assert due[0] < due[-1]
    # The next day begins: the action due on the meeting's day is overdue from then.
    midnight = datetime.combine(date(2026, 12, 9), datetime.min.time(), tzinfo=end.tzinfo)
    day = [played.check(midnight + S(second)) for second in range(-3, 4)]
    assert day[0] < day[-1]


def test_a_second_with_no_event_keeps_the_timings_only_events_move():
    played = Played()
    for second in range(0, 310):
        now = MEETING_START + S(second)
        if second in SCRIPT:
            played.add(now, *SCRIPT[second][:1], **SCRIPT[second][1])
    played.add(MEETING_START + S(310), EventKind.NEXT)
    first = played.live.view(played.session, MEETING_START + S(320))
    second = played.live.view(played.session, MEETING_START + S(321))
    # The opening, behind: the same timing, not made again; the current item's moved on.
    assert second.agenda.items[0] is first.agenda.items[0]
    assert second.agenda.items[1].elapsed == first.agenda.items[1].elapsed + S(1)
    assert played.live.epoch == (1, 4)  # one replay, four events fed
