"""Minutes benchmark: the ``minutes`` command at full-day and 20,000-record sizes.

The sessions are the synthetic workshops of ``workshop.py``: ``fullday`` (30 participants,
40 items, 3,000 speaking turns, 250 actions and 250 notes) and ``big`` (the same 30 people
and 40 items, 20,000 records in the same proportions, as ``bench_store.py``), each with a
decision and a parked point on every item and the meeting ended, so every section has
content. The clock stands one minute after the last event.

At the full-day size, as before:

* ``minutes_ms``: median time of :func:`build_minutes` (English), the whole Markdown
  text with every figure derived from the events; ``minutes_p95_ms`` its 95th
  percentile, ``minutes_zh_ms`` the median in Chinese.
* ``minutes_check_ms``: median time of the markdown-it-py check that
  ``coopconsole minutes`` runs before writing (:func:`coopconsole.minutes.check.problems`).
* ``minutes_bytes``: the size of the English minutes.

The whole command, at both sizes (``SIZE`` is ``fullday`` or ``big``):

* ``minutes_command_ms_SIZE``: median wall time of ``coopconsole --sessions-dir DIR
  minutes NAME -o FILE`` spawned as a process (``COMMAND_RUNS`` runs after an untimed
  one): Python's start, the imports, reading the session file, building, checking and
  writing the minutes atomically.
* The split, in this process, timed as the command runs it, with Python's cyclic
  collector off (``coopconsole minutes`` keeps it off: ``_COLLECTOR_OFF`` in
  ``coopconsole/cli/commands.py``; with it on, the collector walks every session this
  process holds whenever the parts allocate, and the big session's digest took a sixth
  longer): ``minutes_load_ms_SIZE`` (the session file opened and decoded by the
  store), ``minutes_build_ms_SIZE`` and ``minutes_check_ms_SIZE`` (as above),
  ``minutes_digest_ms_SIZE`` (:func:`minutes_digest`, the fingerprint the
  command works out to tell whether the minutes were sent as they stand, on a session
  freshly read each time); ``cli_start_ms`` is ``coopconsole --version`` spawned the
  same way, the part of the command that no session size changes, and
  ``minutes_other_ms_SIZE`` what the command's time leaves once these are taken out
  (the imports the command adds to ``--version``, the draft marking, the service's own
  reads, writing the file). That last one is a difference of medians taken apart: on a
  noisy machine it can come out below zero where it is small.
* ``records_SIZE``; ``records_ratio_big_vs_fullday``, and beside it
  ``minutes_ratio_big_vs_fullday``: the big session's load, build, check and digest
  over the full day's (the part of the command that grows with the session), and
  ``minutes_build_ratio_big_vs_fullday`` for the build alone. The minutes grow linearly
  with the session when these are close to the records ratio, and no faster.
  ``minutes_command_ratio_big_vs_fullday`` is the whole command's, start-up included.

Each in-process figure is measured over ``RUNS`` runs (fewer at the big size) after two
warm-up runs. Prints ``name=value`` lines. Run: ``python benchmarks/bench_minutes.py``.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_console import console_command  # noqa: E402
from workshop import record_count, workshop  # noqa: E402

from coopconsole.domain.followup import minutes_digest  # noqa: E402
from coopconsole.domain.model import Decision, Event, EventKind, ParkedItem, Session, Stance  # noqa: E402
from coopconsole.minutes import build_minutes  # noqa: E402
from coopconsole.minutes.check import problems  # noqa: E402
from coopconsole.store import SessionStore  # noqa: E402

RUNS = 30
BIG_RUNS = 8
COMMAND_RUNS = 7
#: The parts of the command that grow with the session, timed one by one.
GROWS = ("load", "build", "check", "digest")


def ended(session: Session) -> tuple[Session, datetime]:
    """``session`` ended, a decision and a parked point on every item; and the clock."""
    last = max(e.at for e in session.events)
    session.events.append(Event(id=len(session.events) + 1, at=last + timedelta(seconds=30), kind=EventKind.END))
    orgs = sorted({p.organisation for p in session.participants})
    session.decisions = [
        Decision(
            id=i.id,
            text=f"Agree the scope of topic {i.id} 同意试点范围",
            item=i.id,
            agreement=tuple((org, Stance.AGREE) for org in orgs[:2]),
        )
        for i in session.agenda
    ]
    session.parked = [
        ParkedItem(id=i.id, text=f"Budget question on topic {i.id}", raised_by="Person 01", item=i.id)
        for i in session.agenda
    ]
    return session, last + timedelta(minutes=1)


def full_day() -> tuple[Session, datetime]:
    return ended(workshop())


def big() -> tuple[Session, datetime]:
    return ended(workshop(name="big", turns=16_849, actions=1_520, notes=1_520))


def timed(call: Callable[[], object], runs: int = RUNS) -> list[float]:
    call(), call()  # warm-up: imports, caches
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def spawned(argv: list[str], runs: int = COMMAND_RUNS) -> float:
    """Median wall time of ``argv`` run as a process, after one untimed run."""
    subprocess.run(argv, check=True, capture_output=True)
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        out.append((time.perf_counter() - start) * 1000)
    return statistics.median(out)


def in_memory(session: Session, now: datetime) -> None:
    """The full-day figures of the minutes built in memory."""
    english = timed(lambda: build_minutes(session, now, "en"))
    chinese = timed(lambda: build_minutes(session, now, "zh"))
    built = build_minutes(session, now, "en")
    assert problems(built.text, built.headings) == []
    check = timed(lambda: problems(built.text, built.headings), runs=10)
    print(f"minutes_ms={statistics.median(english):.2f}")
    print(f"minutes_p95_ms={sorted(english)[int(len(english) * 0.95) - 1]:.2f}")
    print(f"minutes_zh_ms={statistics.median(chinese):.2f}")
    print(f"minutes_check_ms={statistics.median(check):.2f}")
    print(f"minutes_bytes={len(built.text.encode('utf-8'))}")


def command(label: str, session: Session, now: datetime, folder: Path, start: float) -> dict[str, float]:
    """The ``minutes`` command on ``session``, whole and split; prints and returns them."""
    runs = RUNS if label == "fullday" else BIG_RUNS
    store = SessionStore(folder / "sessions")
    store.create(session).close()

    def load() -> Session:
        with store.open(session.name) as handle:
            return handle.load()

    def digest() -> float:
        fresh = load()  # untimed: new lists, so nothing is kept from the last digest
        start = time.perf_counter()
        minutes_digest(fresh)
        return (time.perf_counter() - start) * 1000

    built = build_minutes(session, now, "en")
    gc.disable()  # as the command runs: ``minutes`` keeps the collector off (see the module)
    try:
        figures = {
            "records": float(record_count(session)),
            "load": statistics.median(timed(load, runs)),
            "build": statistics.median(timed(lambda: build_minutes(session, now, "en"), runs)),
            "check": statistics.median(timed(lambda: problems(built.text, built.headings), runs)),
            "digest": statistics.median(digest() for _ in range(runs)),
        }
    finally:
        gc.enable()
        gc.collect()
    argv = [*console_command(), "--sessions-dir", str(store.folder), "minutes", session.name]
    figures["command"] = spawned([*argv, "-o", str(folder / "minutes.md")])
    split = sum(figures[k] for k in GROWS)
    figures["other"] = figures["command"] - split - start
    print(f"records_{label}={figures['records']:.0f}")
    for name in ("command", *GROWS, "other"):
        print(f"minutes_{name}_ms_{label}={figures[name]:.1f}")
    return figures


def main() -> None:
    session, now = full_day()
    in_memory(session, now)
    with tempfile.TemporaryDirectory(prefix="bench-minutes-", dir=Path.cwd()) as name:
        tmp = Path(name)
        os.environ["COOPCONSOLE_CONFIG"] = str(tmp / "config")
        (tmp / "config").mkdir()
        start = spawned([*console_command(), "--version"])
        print(f"cli_start_ms={start:.1f}")
        (tmp / "fullday").mkdir()
        (tmp / "big").mkdir()
        fullday = command("fullday", session, now, tmp / "fullday", start)
        large = command("big", *big(), tmp / "big", start)
    print(f"records_ratio_big_vs_fullday={large['records'] / fullday['records']:.2f}")
    ratio = sum(large[k] for k in GROWS) / sum(fullday[k] for k in GROWS)
    print(f"minutes_ratio_big_vs_fullday={ratio:.2f}")
    print(f"minutes_build_ratio_big_vs_fullday={large['build'] / fullday['build']:.2f}")
    print(f"minutes_command_ratio_big_vs_fullday={large['command'] / fullday['command']:.2f}")


if __name__ == "__main__":
    main()
