"""Live figures benchmark: one console refresh at full-day size, kept vs. from scratch.

The session is the synthetic full-day workshop (30 people, 40 items, ~3,000 speaker
events). The clock stands 5 seconds after its last event and advances 1 second per
refresh, as the console's tick does; every 10th refresh a speaker event is appended
(stamped "now", as the service does) to a new events list, as the service does.

* ``live_build_ms``: the first :meth:`LiveMeeting.view` (the full replay).
* ``live_view_ms``: mean of the following ``view()`` calls.
* ``full_refresh_ms``: mean of the same refresh from scratch: ``agenda_state``,
  ``speaking_stats`` overall and for the current item, ``flags`` for both.

The second part, ``cross``, is :mod:`cross_process`: how soon an open console shows what
another process wrote, with the kernel's file notifications and on the tick alone, and the
console's idle CPU either way.

Prints ``name=value`` lines. Run: ``python benchmarks/bench_live.py [views] [cross]``
(both by default).
"""

from __future__ import annotations

import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workshop import workshop  # noqa: E402

from coopconsole.domain.balance import flags, speaking_stats  # noqa: E402
from coopconsole.domain.live import LiveMeeting  # noqa: E402
from coopconsole.domain.model import Event, EventKind  # noqa: E402
from coopconsole.domain.timeline import agenda_state  # noqa: E402

VIEWS = 2000
FULL_REFRESHES = 100
SPEAKER_EVERY = 10


def full_refresh(session, now) -> None:
    state = agenda_state(session, now)
    speaking_stats(session, now)
    flags(session, now)
    if state.current is not None:
        speaking_stats(session, now, state.current)
        flags(session, now, state.current)


def ticks(session, count: int, rnd: random.Random):
    """Yield ``now`` once a second, appending a speaker event every 10th tick."""
    now = session.events[-1].at + timedelta(seconds=5)
    people = len(session.participants)
    for n in range(count):
        now += timedelta(seconds=1)
        if n % SPEAKER_EVERY == 0:
            event = Event(
                id=len(session.events) + 1, at=now, kind=EventKind.SPEAKER, participant=rnd.randint(1, people)
            )
            session.events = [*session.events, event]
        yield now


def main() -> None:
    parts = set(sys.argv[1:]) or {"views", "cross"}
    if "views" in parts:
        views()
    if "cross" in parts:
        import os
        import tempfile

        import cross_process

        with tempfile.TemporaryDirectory(prefix="bench-live-") as name:
            tmp = Path(name)
            (tmp / "config").mkdir()
            env = {**os.environ, "TERM": "xterm-256color", "COOPCONSOLE_CONFIG": str(tmp / "config")}
            for key in ("COLUMNS", "LINES", "COOPCONSOLE_SESSIONS", "TEXTUAL"):
                env.pop(key, None)
            cross_process.main(tmp, env)


def views() -> None:
    session = workshop()
    live = LiveMeeting()
    start = time.perf_counter()
    live.view(session, session.events[-1].at + timedelta(seconds=5))
    build = time.perf_counter() - start

    elapsed = 0.0
    for now in ticks(session, VIEWS, random.Random(1)):
        start = time.perf_counter()
        live.view(session, now)
        elapsed += time.perf_counter() - start
    rebuilds = live.rebuilds - 1

    full_session = workshop()
    full = 0.0
    for now in ticks(full_session, FULL_REFRESHES, random.Random(1)):
        start = time.perf_counter()
        full_refresh(full_session, now)
        full += time.perf_counter() - start

    print(f"events={len(workshop().events)}")
    print(f"live_build_ms={build * 1000:.3f}")
    print(f"live_view_ms={elapsed / VIEWS * 1000:.3f}")
    print(f"live_rebuilds_after_build={rebuilds}")
    print(f"full_refresh_ms={full / FULL_REFRESHES * 1000:.3f}")


if __name__ == "__main__":
    main()
