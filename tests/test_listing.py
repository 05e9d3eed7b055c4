"""``coopconsole list`` reads each file's header, people, agenda and START and END events,
and counts the captures without decoding them: what it says is what a listing from the
whole sessions says, whatever state they are in."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.cli.listing import listing_rows, series_places
from coopconsole.cli.show import counts, minutes_summary
from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.model import Event, EventKind
from coopconsole.domain.timeline import agenda_state
from coopconsole.service import MeetingService
from coopconsole.store import SessionStore, codecs
from tests.support.sessions import TZ, small_session

#: "now" for the listings: the meetings below took place before it, or are planned after.
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=TZ)
EARLIER = NOW - timedelta(days=2)


def whole_rows(store: SessionStore, now: datetime) -> list[tuple[str, ...]]:
    """The rows as ``list`` made them from every session loaded whole and replayed."""
    summaries = store.summaries()
    places = series_places([s.session for s in summaries if s.session is not None])
    rows = []
    for summary in summaries:
        s = summary.session
        assert s is not None
        state = agenda_state(s, now)
        date = s.date.isoformat() if s.date else ""
        minutes = minutes_summary(s, state, now)
        rows.append((s.name, s.title, date, state.status.value, minutes, places.get(s.name, ""), counts(s)))
    return rows


def meeting(store: SessionStore, name: str, at: datetime, steps) -> None:  # noqa: ANN001 - steps
    """A session made by ``steps(service, clock)``, its clock at ``at``."""
    store.create(replace(small_session(name), date=at.date())).close()
    clock = FrozenClock(at)
    with store.open(name) as handle:
        steps(MeetingService(handle, clock), clock)


def captured(service: MeetingService, clock: FrozenClock) -> None:
    service.captures.capture("action", "@chloe send the data sheet by Dec 18")
    service.captures.capture("note", "line 3 first")
    service.captures.capture("decision", "pilot on line 3")
    service.captures.capture("park", "pricing")
    taken = service.captures.capture("note", "said twice")
    service.withdrawals.take_back("note", taken.id)


def ran(service: MeetingService, clock: FrozenClock) -> None:
    service.agenda.start()
    clock.advance(minutes=5)
    captured(service, clock)
    service.agenda.next_item()


def ended(service: MeetingService, clock: FrozenClock) -> None:
    ran(service, clock)
    clock.advance(minutes=30)
    service.agenda.end()


def sent(service: MeetingService, clock: FrozenClock) -> None:
    ended(service, clock)
    clock.advance(minutes=10)
    service.closing.record_minutes()
    service.closing.confirm_minutes(1)


def sent_then_changed(service: MeetingService, clock: FrozenClock) -> None:
    sent(service, clock)
    service.captures.capture("note", "one more point")


def ended_before_it_started(service: MeetingService, clock: FrozenClock) -> None:
    with service.handle.locked():  # another program's events, in an order no console writes
        service.handle.add(Event(0, clock.now + timedelta(minutes=1), EventKind.START))
        service.handle.add(Event(0, clock.now, EventKind.END))


def starts_later(service: MeetingService, clock: FrozenClock) -> None:
    with service.handle.locked():
        service.handle.add(Event(0, NOW + timedelta(hours=1), EventKind.START))


@pytest.fixture
def folder_of_meetings(store):
    meeting(store, "planned", EARLIER, captured)
    meeting(store, "running", EARLIER, ran)
    meeting(store, "ended", EARLIER, ended)
    meeting(store, "sent", EARLIER - timedelta(days=3), sent)
    meeting(store, "sent-changed", EARLIER, sent_then_changed)
    meeting(store, "end-first", EARLIER, ended_before_it_started)
    meeting(store, "later", EARLIER, starts_later)
    return store


def test_the_listing_says_what_the_whole_sessions_say(folder_of_meetings):
    rows = listing_rows(folder_of_meetings, NOW)
    assert rows == whole_rows(folder_of_meetings, NOW)
    statuses = {row[0]: row[3] for row in rows}
    assert statuses == {
        "planned": "planned",
        "running": "running",
        "ended": "ended",
        "sent": "ended",
        "sent-changed": "ended",
        "end-first": "ended",
        "later": "planned",
    }
    by_name = {row[0]: row for row in rows}
    assert "2 notes" not in by_name["running"][6] and "1 note" in by_name["running"][6]  # the one taken back
    assert "out of date" in by_name["sent-changed"][4] and "out of date" not in by_name["sent"][4]


def test_the_listing_decodes_no_capture_and_only_the_start_and_end_events(folder_of_meetings, monkeypatch):
    made: list[EventKind] = []
    event_from = codecs.event_from

    def counted(i, r):
        event = event_from(i, r)
        made.append(event.kind)
        return event

    def refused(*args):
        raise AssertionError("a capture was decoded")

    monkeypatch.setattr(codecs, "event_from", counted)
    for table in (codecs.ACTIONS, codecs.DECISIONS, codecs.NOTES, codecs.PARKED):
        attr, _decode, encode = codecs.CODECS[table]
        monkeypatch.setitem(codecs.CODECS, table, (attr, refused, encode))
    rows = folder_of_meetings.listing()
    assert len(rows) == 7 and all(row.session is not None for row in rows)
    assert set(made) == {EventKind.START, EventKind.END}


def test_a_damaged_event_is_still_found_by_the_listing(store, folder):
    meeting(store, "running", EARLIER, ran)
    path = folder / "running.json"
    path.write_bytes(path.read_bytes().replace(b'"k":"next"', b'"k":"shout"'))
    listing = CliRunner().invoke(main, ["--sessions-dir", str(folder), "list"])
    assert listing.exit_code == 0
    assert "damaged" in listing.stdout and "of the events table" in listing.stdout
