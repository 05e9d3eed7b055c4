"""The console's once-a-second tick at full-day size, in process: what one idle second costs.

The full-day workshop (30 people, 40 items, ~3,600 records; the clock running on the last
item, someone holding the floor) is opened in the real console, headless, on a frozen
clock. Each tick moves the clock one second on and runs the screen's tick, then lets the
screen repaint, as the console does once a second with nobody typing.

* ``tick_ms``: the mean of the screen's tick alone (the live figures, the frame, every
  pane's comparison and update).
* ``second_ms``: the mean of a whole second: the tick and the repaint it causes.

With ``--profile``, the heaviest functions of the ticks, by cumulative time.

Run: ``python benchmarks/bench_tick.py [--ticks N] [--profile]``.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_console import running_fullday  # noqa: E402

from coopconsole.domain.clock import FrozenClock, system_clock  # noqa: E402
from coopconsole.store import SessionStore  # noqa: E402
from coopconsole.tui.app import make_app  # noqa: E402
from coopconsole.tui.screens.meeting import MeetingScreen  # noqa: E402
from coopconsole.tui.widgets.header import _CHECKS  # noqa: E402

WARM_TICKS = 20


async def run(ticks: int, profile: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-tick-") as name:
        store = SessionStore(Path(name) / "sessions")
        session = running_fullday()
        store.create(session).close()
        clock = FrozenClock(system_clock())
        app = make_app(store, session.name, "en", clock)
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(50):  # the health checks load on a thread after the first frame
                await pilot.pause(0.05)
                if _CHECKS:
                    break
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            for _ in range(WARM_TICKS):
                clock.advance(seconds=1)
                screen.tick()
                await pilot.pause()
            profiler = cProfile.Profile() if profile else None
            tick_total = second_total = 0.0
            for _ in range(ticks):
                clock.advance(seconds=1)
                if profiler is not None:
                    profiler.enable()
                start = time.perf_counter()
                screen.tick()
                ticked = time.perf_counter()
                await pilot.pause()
                done = time.perf_counter()
                if profiler is not None:
                    profiler.disable()
                tick_total += ticked - start
                second_total += done - start
    print(f"tick_ms={tick_total / ticks * 1000:.3f}")
    print(f"second_ms={second_total / ticks * 1000:.3f}")
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ticks", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    asyncio.run(run(args.ticks, args.profile))


if __name__ == "__main__":
    main()
