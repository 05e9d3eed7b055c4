"""The first capture of a long meeting costs what every later one does: the console has
the service work out the clock's and the floor's replays, the file's next write and the
participants' names as a capture reads them once its first frame is painted, not in the
first intent."""

from __future__ import annotations

import os
import stat

from coopconsole.domain import capture
from coopconsole.domain.model import EventKind
from coopconsole.service import MeetingService
from coopconsole.tui.app import make_app
from tests.support.pilot import settle
from tests.support.sessions import blank_settled, small_session


def _long_meeting(store, clock, turns: int = 60):
    """A started meeting whose speakers changed ``turns`` times."""
    store.create(small_session("long")).close()
    service = MeetingService(store.open("long"), clock)
    service.agenda.start()
    for n in range(turns):
        clock.advance(seconds=20)
        service.room.speaker(1 + n % 3)
    handle = service.handle
    handle.close()
    return store.open("long")


def _temporaries(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_prepared_service_replays_nothing_again_for_its_first_intent(store, clock):
    handle = _long_meeting(store, clock)
    service = MeetingService(handle, clock)
    capture._folded_name.cache_clear()  # names other tests folded would hide a missing step
    capture._words.cache_clear()
    service.prepare()
    rebuilt = (service.clock_replay.rebuilds, service.floor_replay.rebuilds)
    assert rebuilt == (1, 1)
    assert blank_settled(handle)  # the first write needs no temporary file of its own
    names = (capture._folded_name.cache_info().misses, capture._words.cache_info().misses)

    clock.advance(seconds=5)
    service.captures.action("@Alice send the draft by Friday")
    # Everyone's name was folded as a capture reads it beforehand.
    assert (capture._folded_name.cache_info().misses, capture._words.cache_info().misses) == names
    service.room.speaker(2)
    assert service.floor() == 2
    assert (service.clock_replay.rebuilds, service.floor_replay.rebuilds) == rebuilt
    handle.close()
    assert not _temporaries(store.folder)


def test_preparing_a_read_only_session_writes_nothing(store, clock):
    handle = _long_meeting(store, clock, turns=3)
    path = handle.path
    handle.close()
    os.chmod(path, stat.S_IRUSR)
    try:
        handle = store.open("long")
        service = MeetingService(handle, clock)
        service.prepare()
        assert not blank_settled(handle)
        assert not _temporaries(store.folder)
        handle.close()
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


async def test_the_console_prepares_its_service_once_its_first_frame_is_painted(store, clock):
    _long_meeting(store, clock).close()
    clock.advance(seconds=3)
    app = make_app(store=store, session_name="long", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot, pauses=3)
        service = screen.service
        assert service.clock_replay.rebuilds == 1  # before any key
        assert service.floor_replay.rebuilds == 1
        assert blank_settled(service.handle)
        await pilot.press("1")  # a speaker change: an intent about the floor
        screen = await settle(pilot)
        assert service.floor() == 1
        assert (service.clock_replay.rebuilds, service.floor_replay.rebuilds) == (1, 1)
    assert EventKind.SPEAKER in {e.kind for e in service.session.events}
