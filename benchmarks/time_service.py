"""What one intent, a listing and the minutes cost at three sizes of a session.

Sessions: the synthetic workshop of ``workshop.py`` at about 0.5k, 3.6k and 20k records.
For each, once the session is open in a service: the median of ``service.state()`` (the
agenda clock's figures), of a note captured at the current item, and of a speaker given
the floor; then, from the files, ``listing_rows`` (what ``coopconsole list`` prints) over
a folder holding that one session, and the minutes (built and checked, as
``coopconsole minutes`` does). Prints one line per size.

Run: ``PYTHONPATH=. python benchmarks/time_service.py``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.workshop import record_count, workshop
from coopconsole.service import MeetingService
from coopconsole.store import SessionStore

SIZES: dict[str, dict[str, int]] = {
    "0.5k": {"turns": 400, "actions": 20, "notes": 20},
    "3.6k": {},
    "20k": {"turns": 16_849, "actions": 1_520, "notes": 1_520},
}


def median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class Ticking:
    """A clock that moves 7 ms on at every look, from ``start``."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=7)
        return self.now


def one_size(folder: Path, label: str, size: dict[str, int]) -> str:
    session = workshop(name=f"w{label.replace('.', '')}", **size)
    store = SessionStore(folder)
    store.create(session).close()
    clock = Ticking(max(e.at for e in session.events) + timedelta(seconds=5))
    with store.open(session.name) as handle:
        service = MeetingService(handle, clock)
        service.state()  # opening: the meeting is read and replayed once
        state = median_ms(service.state, 20)
        note = median_ms(lambda: service.captures.capture("note", "a point on data sharing"), 20)
        people = iter(range(40))
        speaker = median_ms(lambda: service.room.speaker(next(people) % 5 + 1), 20)
        service.agenda.end()
    try:
        from coopconsole.cli.listing import listing_rows

        listing = f"{median_ms(lambda: listing_rows(store, clock.now), 5):.1f} ms"
    except ImportError:  # before the listing was split from the command
        listing = "-"
    with store.open(session.name) as handle:
        minutes = median_ms(lambda: MeetingService(handle, clock).closing.minutes("en"), 3)
    return (
        f"{label:>5} ({record_count(session):,} records): state {state:.2f} ms, note {note:.2f} ms, "
        f"speaker {speaker:.2f} ms, list {listing}, minutes {minutes:.0f} ms"
    )


def main() -> None:
    for label, size in SIZES.items():
        with tempfile.TemporaryDirectory() as tmp:
            print(one_size(Path(tmp), label, size), flush=True)


if __name__ == "__main__":
    main()
